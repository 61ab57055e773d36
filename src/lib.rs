//! Infra Runway's core: where a product should run and what it costs.
//!
//! Pure: no file or network I/O, no clock, no environment. Text comes in
//! (catalogs, project files), typed values and reports go out; the CLI and
//! the desktop shell do the reading and writing.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalog;
pub mod chart;
pub mod compare;
pub mod costing;
pub mod credits;
pub mod csv;
pub mod date;
pub mod decision;
pub mod error;
pub mod live;
pub mod money;
pub mod month;
pub mod project;
pub mod projection;
pub mod query;
pub mod report;
pub mod scenario;
pub mod session;
pub mod table;
pub mod workload;
