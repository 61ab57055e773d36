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
