//! What a projection produces: the month-by-month ledger, events, grant
//! use and the summary the comparison shows.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::catalog::Catalogs;
use crate::costing::{LineKind, MonthSetting};
use crate::credits::{Cash, CreditGrant};
use crate::money::Money;
use crate::month::YearMonth;
use crate::scenario::Scenario;
use crate::workload::Workload;

/// A grant's payment on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditUse {
    /// The grant's id.
    pub grant: Arc<str>,
    /// Dollars it paid.
    pub amount: Money,
}

/// One line of a month's ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerLine {
    /// The platform billing it.
    pub platform: Arc<str>,
    /// The workload item, or `None` for shared lines.
    pub item: Option<Arc<str>>,
    /// What is billed.
    pub resource: Arc<str>,
    /// What kind of cost.
    pub kind: LineKind,
    /// Billed before credits.
    pub gross: Money,
    /// Credits applied, per grant.
    pub credits: Vec<CreditUse>,
    /// Paid in cash: gross − credits.
    pub cash: Money,
}

/// A one-off cost in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OneOffLine {
    /// What it is.
    pub description: String,
    /// Hours × rate, rounded to the cent.
    pub amount: Money,
}

/// One month of a projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthLedger {
    /// 1 = the start month.
    pub month: u32,
    /// The calendar month.
    pub calendar: YearMonth,
    /// Index of the phase in force.
    pub phase: usize,
    /// The lines.
    pub lines: Vec<LedgerLine>,
    /// One-off costs.
    pub one_offs: Vec<OneOffLine>,
    /// Gross cost.
    pub gross: Money,
    /// Credits applied.
    pub credits_applied: Money,
    /// One-off costs.
    pub one_off: Money,
    /// Infrastructure cash burn: gross − credits + one-offs.
    pub cash_burn: Money,
    /// Other monthly burn.
    pub other_burn: Money,
    /// Gross so far.
    pub cumulative_gross: Money,
    /// Infrastructure cash burn so far.
    pub cumulative_cash_burn: Money,
    /// Cash in bank after this month, when cash in bank is known.
    pub cash_balance: Option<Money>,
    /// What each grant has left after this month, in the project's order
    /// of grants (zero once it expired).
    pub grant_balances: Vec<Money>,
}

/// Something that happens in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A grant's balance reached zero.
    GrantExhausted {
        /// Month.
        month: u32,
        /// Grant id.
        grant: String,
    },
    /// A grant expired with money left.
    GrantExpired {
        /// The first month it can no longer pay.
        month: u32,
        /// Grant id.
        grant: String,
        /// Dollars left unused.
        wasted: Money,
    },
    /// Cash burn steps up because a grant stopped paying.
    CreditCliff {
        /// The first month the grant pays nothing.
        month: u32,
        /// Grant id.
        grant: String,
        /// How much more cash a month.
        step_up: Money,
    },
    /// Cash in bank no longer covers the month.
    CashRunsOut {
        /// Month.
        month: u32,
    },
}

/// How one grant was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantUse {
    /// Grant id.
    pub grant: String,
    /// Grant name.
    pub name: String,
    /// Dollars granted.
    pub amount: Money,
    /// Dollars applied within the horizon.
    pub used: Money,
    /// Dollars wasted at expiry within the horizon.
    pub wasted: Money,
    /// Dollars left at the end of the horizon.
    pub remaining: Money,
}

/// A credit cliff, for the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cliff {
    /// The first month the grant pays nothing.
    pub month: u32,
    /// Grant id.
    pub grant: String,
    /// Grant name.
    pub name: String,
    /// How much more cash a month.
    pub step_up: Money,
}

/// A scenario's figures side by side with the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioSummary {
    /// Scenario id.
    pub id: String,
    /// Scenario name.
    pub name: String,
    /// Months projected.
    pub horizon_months: u32,
    /// Whole months of runway; `None` beyond the horizon or without cash in bank.
    pub runway_months: Option<u32>,
    /// "14 months", "beyond the horizon (36 months)", "no cash in bank entered".
    pub runway: String,
    /// Cash burn of month 1.
    pub first_month_cash: Money,
    /// Average monthly cash burn over the horizon.
    pub average_cash: Money,
    /// Cash burn over the horizon.
    pub total_cash: Money,
    /// Gross cost over the horizon.
    pub total_gross: Money,
    /// Credits applied over the horizon.
    pub credits_used: Money,
    /// Credits wasted at expiry within the horizon.
    pub credits_wasted: Money,
    /// Credit cliffs.
    pub cliffs: Vec<Cliff>,
    /// How each grant was used.
    pub grants: Vec<GrantUse>,
}

/// A scenario projected month by month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// Figures for the comparison.
    pub summary: ScenarioSummary,
    /// The first month.
    pub start: YearMonth,
    /// Month by month.
    pub months: Vec<MonthLedger>,
    /// Events in month order.
    pub events: Vec<Event>,
    /// How each grant was used.
    pub grants: Vec<GrantUse>,
    /// Items a platform of the scenario cannot run, once per (platform, item).
    pub not_hosted: Vec<(String, String, String)>,
}

/// What a projection needs.
pub struct ProjectionInput<'a> {
    /// The workload.
    pub workload: &'a Workload,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Credit grants.
    pub grants: &'a [CreditGrant],
    /// Cash.
    pub cash: &'a Cash,
    /// Catalogs (each platform's current one is used).
    pub catalogs: &'a Catalogs,
    /// Month length.
    pub month_setting: MonthSetting,
    /// Project-wide plan choices (the scenario's override them).
    pub plans: &'a BTreeMap<String, String>,
    /// Keep every line of every month (the ledger); false keeps only the
    /// monthly totals (enough for the comparison, and much faster).
    pub keep_lines: bool,
}
