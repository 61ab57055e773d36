//! Integration tests of the core and the CLI: one test binary.

mod bad_input;
mod catalogs;
mod cli;
mod decision;
mod golden;
mod hand_computed;
mod live;
mod properties;
mod report;
mod scenarios;
mod support;

// The CLI's file and local-data edges, included as the desktop app does.
#[path = "../src/bin/infra-runway/clock.rs"]
#[allow(dead_code)]
mod clock;
#[path = "../src/bin/infra-runway/local.rs"]
#[allow(dead_code)]
mod local;
#[path = "../src/bin/infra-runway/store.rs"]
#[allow(dead_code)]
mod store;
