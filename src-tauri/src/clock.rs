//! The clock edge, shared with the CLI: today's date and this month (UTC).

#[path = "../../src/bin/infra-runway/clock.rs"]
mod shared;

pub(crate) use shared::{now_unix, rfc3339, this_month, today};
