//! Projection: a scenario month by month — gross cost per line, credits
//! applied per grant (earliest-expiring first), cash burn, events (grant
//! exhausted, grant expired with the waste, credit cliff with its step-up,
//! cash runs out) and the runway.
//!
//! Definitions (as in the product brief):
//! - **Gross cost** of a month: what the providers bill before credits.
//! - **Credits applied**: grants pay the lines they apply to,
//!   earliest-expiring first, for the months that lie wholly between their
//!   start and their expiry; what is left at expiry is **wasted**. A grant pays only what a plan's own
//!   allowance (included usage, a compute credit) leaves of a line.
//! - **Cash burn**: gross − credits applied + one-off costs of the month.
//! - **Credit cliff**: the first month a grant pays nothing after it is
//!   exhausted or expires, when cash burn rises; the step-up is what the
//!   grant paid in its last full month, as far as cash burn really rose.
//! - **Runway**: the whole months cash in bank pays for cash burn + other
//!   monthly burn; "beyond the horizon" when it never runs out within it.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::Catalogs;
use crate::costing::{cost_valid_workload, CostSettings, LineKind, MonthSetting, PlatformCost};
use crate::credits::{Cash, CreditGrant};
use crate::error::CostError;
use crate::money::{Money, MoneyError};
use crate::month::YearMonth;
use crate::scenario::{Scenario, EGRESS, LLM, OFF, VECTORS, VOLUMES, WORKFLOWS};
use crate::workload::{limits, Workload};

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

fn overflow(what: &str) -> impl Fn(MoneyError) -> CostError + '_ {
    move |source| CostError::Money {
        item: what.to_string(),
        source,
    }
}

/// Projects a scenario.
pub fn project(input: &ProjectionInput<'_>) -> Result<Projection, CostError> {
    let s = input.scenario;
    let mut settings = CostSettings {
        month: input.month_setting,
        plans: input.plans.clone(),
    };
    settings.plans.extend(s.plans.clone());
    // Grants in the order they are spent: earliest expiry first.
    let mut order: Vec<usize> = (0..input.grants.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&input.grants[a], &input.grants[b]);
        (ga.expires, ga.start, &ga.id).cmp(&(gb.expires, gb.start, &gb.id))
    });
    let mut balance: Vec<Money> = input.grants.iter().map(|g| g.amount).collect();
    let mut used = vec![Money::ZERO; input.grants.len()];
    let mut wasted = vec![Money::ZERO; input.grants.len()];
    let mut paid: Vec<Vec<Money>> = vec![Vec::new(); input.grants.len()];
    let mut ended = vec![false; input.grants.len()];
    let mut events = Vec::new();
    let mut months = Vec::with_capacity(s.horizon_months as usize);
    let mut not_hosted: Vec<(String, String, String)> = Vec::new();
    let mut cache: BTreeMap<usize, Rc<Vec<PreparedBill>>> = BTreeMap::new();
    let grant_ids: Vec<Arc<str>> = input
        .grants
        .iter()
        .map(|g| Arc::from(g.id.as_str()))
        .collect();
    let other = input.cash.other_monthly_burn.unwrap_or(Money::ZERO);
    let (mut cum_gross, mut cum_cash) = (Money::ZERO, Money::ZERO);
    let mut cash_left = input.cash.in_bank;
    let mut runs_out: Option<u32> = None;

    for m in 1..=s.horizon_months {
        let calendar = i32::try_from(m - 1)
            .ok()
            .and_then(|n| s.start.plus(n))
            .ok_or_else(|| {
                CostError::Input(crate::error::InputError::Malformed {
                    path: "scenario.horizon_months".into(),
                    message: "runs past 2200-12".into(),
                })
            })?;
        let month_end = calendar.plus(1).map(YearMonth::first_day);
        let Some((phase_idx, _)) = s.phase_at(m) else {
            continue;
        };
        // A grant pays for the months wholly inside its dates. One that
        // can no longer pay because it expires wastes what is left; one
        // that expired before the scenario began plays no part.
        for (g, grant) in input.grants.iter().enumerate() {
            let expired = month_end.is_none_or(|end| end > grant.expires);
            if !ended[g] && expired {
                ended[g] = true;
                if grant.expires <= s.start.first_day() {
                    balance[g] = Money::ZERO;
                } else if balance[g].is_positive() {
                    wasted[g] = balance[g];
                    events.push(Event::GrantExpired {
                        month: m,
                        grant: grant.id.clone(),
                        wasted: balance[g],
                    });
                    balance[g] = Money::ZERO;
                }
            }
        }
        // Without growth a phase's bills are the same every month: cost
        // them once and share them.
        let bills = match cache.get(&phase_idx) {
            Some(b) if s.growth.is_empty() => Rc::clone(b),
            _ => {
                let b = Rc::new(prepare(bills_for(input, &settings, m)?, &mut not_hosted));
                cache.insert(phase_idx, Rc::clone(&b));
                b
            }
        };
        let mut lines = Vec::with_capacity(if input.keep_lines {
            bills.iter().map(|b| b.lines.len()).sum()
        } else {
            0
        });
        let mut paid_now = vec![Money::ZERO; input.grants.len()];
        let (mut gross_sum, mut credit_sum) = (Money::ZERO, Money::ZERO);
        // Grants usable this month (the month lies wholly inside their
        // dates), in spending order.
        let month_start = calendar.first_day();
        let usable_now: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&g| {
                let grant = &input.grants[g];
                !ended[g]
                    && grant.start <= month_start
                    && month_end.is_some_and(|e| e <= grant.expires)
            })
            .collect();
        for bill in bills.iter() {
            let eligible: Vec<usize> = usable_now
                .iter()
                .copied()
                .filter(|&g| input.grants[g].provider == bill.vendor && balance[g].is_positive())
                .collect();
            if eligible.is_empty() && !input.keep_lines {
                // Nothing to apply and no lines kept: the bill's total is
                // the sum of its lines.
                gross_sum = gross_sum
                    .checked_add(bill.total)
                    .map_err(overflow("gross"))?;
                continue;
            }
            let mut cap = bill.total.max(Money::ZERO);
            for line in &bill.lines {
                let mut credits = Vec::new();
                let mut left = line.payable.min(cap);
                for &g in &eligible {
                    if !left.is_positive() {
                        break;
                    }
                    let grant = &input.grants[g];
                    let pays = grant.pays_for.is_empty() || grant.pays_for.contains(&line.kind);
                    if !pays || !balance[g].is_positive() {
                        continue;
                    }
                    let amount = balance[g].min(left);
                    balance[g] = balance[g]
                        .checked_sub(amount)
                        .map_err(overflow(&grant.id))?;
                    left = left.checked_sub(amount).map_err(overflow(&grant.id))?;
                    cap = cap.checked_sub(amount).map_err(overflow(&grant.id))?;
                    used[g] = used[g].checked_add(amount).map_err(overflow(&grant.id))?;
                    paid_now[g] = paid_now[g]
                        .checked_add(amount)
                        .map_err(overflow(&grant.id))?;
                    credits.push(CreditUse {
                        grant: Arc::clone(&grant_ids[g]),
                        amount,
                    });
                    if !balance[g].is_positive() {
                        events.push(Event::GrantExhausted {
                            month: m,
                            grant: grant.id.clone(),
                        });
                    }
                }
                let credit_total =
                    Money::sum(credits.iter().map(|c| c.amount)).map_err(overflow("credits"))?;
                gross_sum = gross_sum
                    .checked_add(line.amount)
                    .map_err(overflow("gross"))?;
                credit_sum = credit_sum
                    .checked_add(credit_total)
                    .map_err(overflow("credits"))?;
                if !input.keep_lines {
                    continue;
                }
                lines.push(LedgerLine {
                    platform: Arc::clone(&bill.platform),
                    item: line.item.clone(),
                    resource: Arc::clone(&line.resource),
                    kind: line.kind,
                    gross: line.amount,
                    cash: line
                        .amount
                        .checked_sub(credit_total)
                        .map_err(overflow("cash"))?,
                    credits,
                });
            }
        }
        for (g, p) in paid_now.into_iter().enumerate() {
            paid[g].push(p);
        }
        let one_offs: Vec<OneOffLine> = s
            .one_off_costs
            .iter()
            .filter(|o| o.month == m)
            .map(|o| {
                Money::new(o.hours)
                    .checked_mul(o.hourly_rate)
                    .map(|a| OneOffLine {
                        description: o.description.clone(),
                        amount: a.round_cents(),
                    })
                    .map_err(overflow(&o.description))
            })
            .collect::<Result<_, _>>()?;
        let (gross, credits_applied) = (gross_sum, credit_sum);
        let one_off =
            Money::sum(one_offs.iter().map(|o| o.amount)).map_err(overflow("one-off costs"))?;
        let cash_burn = gross
            .checked_sub(credits_applied)
            .and_then(|c| c.checked_add(one_off))
            .map_err(overflow("cash burn"))?;
        cum_gross = cum_gross.checked_add(gross).map_err(overflow("gross"))?;
        cum_cash = cum_cash
            .checked_add(cash_burn)
            .map_err(overflow("cash burn"))?;
        if let Some(c) = cash_left {
            let after = c
                .checked_sub(cash_burn)
                .and_then(|c| c.checked_sub(other))
                .map_err(overflow("cash in bank"))?;
            if after.is_negative() && runs_out.is_none() {
                runs_out = Some(m);
                events.push(Event::CashRunsOut { month: m });
            }
            cash_left = Some(after);
        }
        months.push(MonthLedger {
            month: m,
            calendar,
            phase: phase_idx,
            lines,
            one_offs,
            gross,
            credits_applied,
            one_off,
            cash_burn,
            other_burn: other,
            cumulative_gross: cum_gross,
            cumulative_cash_burn: cum_cash,
            cash_balance: cash_left,
        });
    }

    let mut cliffs = cliffs(input, &paid, &events, &months);
    cliffs.sort_by(|a, b| (a.month, &a.grant).cmp(&(b.month, &b.grant)));
    for c in &cliffs {
        events.push(Event::CreditCliff {
            month: c.month,
            grant: c.grant.clone(),
            step_up: c.step_up,
        });
    }
    events.sort_by_key(event_month);
    let grants: Vec<GrantUse> = input
        .grants
        .iter()
        .enumerate()
        .map(|(g, grant)| GrantUse {
            grant: grant.id.clone(),
            name: grant.name.clone(),
            amount: grant.amount,
            used: used[g],
            wasted: wasted[g],
            remaining: balance[g],
        })
        .collect();
    let summary = summarize(s, input.cash, &months, &grants, cliffs, runs_out)?;
    Ok(Projection {
        summary,
        start: s.start,
        months,
        events,
        grants,
        not_hosted,
    })
}

fn event_month(e: &Event) -> u32 {
    match e {
        Event::GrantExhausted { month, .. }
        | Event::GrantExpired { month, .. }
        | Event::CreditCliff { month, .. }
        | Event::CashRunsOut { month } => *month,
    }
}

/// A grant that stopped paying in the month it was used up or expired,
/// where cash burn (without one-off costs) then stepped up, makes a cliff:
/// the first month it pays nothing, with the step-up — what the grant paid
/// in its last full month, as far as cash burn really rose since then.
fn cliffs(
    input: &ProjectionInput<'_>,
    paid: &[Vec<Money>],
    events: &[Event],
    months: &[MonthLedger],
) -> Vec<Cliff> {
    let burn = |i: usize| -> Option<Decimal> {
        months
            .get(i)
            .map(|m| m.cash_burn.dollars() - m.one_off.dollars())
    };
    let mut out = Vec::new();
    for (g, grant) in input.grants.iter().enumerate() {
        let payments = &paid[g];
        let Some(last) = payments.iter().rposition(|p| p.is_positive()) else {
            continue;
        };
        let next = last + 1; // index of the first month it pays nothing
                             // Used up in its last paying month (event months count from 1) …
        let used_up = events.iter().any(|e| {
            matches!(e, Event::GrantExhausted { month, grant: id }
                if *month as usize == last + 1 && id == &grant.id)
        });
        // … or no longer usable the next month because it expired.
        let expired = months.get(next).is_some_and(|m| {
            m.calendar
                .plus(1)
                .is_none_or(|end| end.first_day() > grant.expires)
        });
        if !(used_up || expired) {
            continue;
        }
        // The last month it paid in full: the one before a partial last month.
        let full = match last.checked_sub(1) {
            Some(before) if payments[before] > payments[last] => before,
            _ => last,
        };
        let (Some(after), Some(before)) = (burn(next), burn(full)) else {
            continue;
        };
        // The grant's own drop, as far as cash burn really rose (another
        // grant taking over, or two grants ending together, count once).
        let step = (after - before).min(payments[full].dollars());
        if step > Decimal::ZERO {
            out.push(Cliff {
                month: u32::try_from(next + 1).unwrap_or(u32::MAX),
                grant: grant.id.clone(),
                name: grant.name.clone(),
                step_up: Money::new(step),
            });
        }
    }
    out
}

fn summarize(
    s: &Scenario,
    cash: &Cash,
    months: &[MonthLedger],
    grants: &[GrantUse],
    cliffs: Vec<Cliff>,
    runs_out: Option<u32>,
) -> Result<ScenarioSummary, CostError> {
    let total_cash = Money::sum(months.iter().map(|m| m.cash_burn)).map_err(overflow("cash"))?;
    let total_gross = Money::sum(months.iter().map(|m| m.gross)).map_err(overflow("gross"))?;
    let credits_used = Money::sum(grants.iter().map(|g| g.used)).map_err(overflow("credits"))?;
    let credits_wasted =
        Money::sum(grants.iter().map(|g| g.wasted)).map_err(overflow("credits"))?;
    let n = Decimal::from(months.len().max(1) as u64);
    let average_cash =
        Money::new(total_cash.dollars().checked_div(n).unwrap_or_default()).round_cents();
    let (runway_months, runway) = match (cash.in_bank, runs_out) {
        (None, _) => (None, "no cash in bank entered".to_string()),
        (Some(_), Some(m)) => (Some(m - 1), months_words(m - 1)),
        (Some(_), None) => (
            None,
            format!("beyond the horizon ({})", months_words(s.horizon_months)),
        ),
    };
    Ok(ScenarioSummary {
        id: s.id.clone(),
        name: s.name.clone(),
        horizon_months: s.horizon_months,
        runway_months,
        runway,
        first_month_cash: months.first().map(|m| m.cash_burn).unwrap_or(Money::ZERO),
        average_cash,
        total_cash,
        total_gross,
        credits_used,
        credits_wasted,
        cliffs,
        grants: grants.to_vec(),
    })
}

/// "1 month", "14 months".
pub fn months_words(n: u32) -> String {
    if n == 1 {
        "1 month".into()
    } else {
        format!("{n} months")
    }
}

/// A bill as the ledger reads it, its names shared between months.
struct PreparedBill {
    platform: Arc<str>,
    vendor: String,
    total: Money,
    lines: Vec<PreparedLine>,
}

struct PreparedLine {
    item: Option<Arc<str>>,
    resource: Arc<str>,
    kind: LineKind,
    amount: Money,
    /// What credits may pay of this line: its amount less the plan's own
    /// allowances that already cover it (included usage, compute credit).
    payable: Money,
}

/// Spreads a bill's allowance lines (negative amounts) over the lines they
/// cover, so that a grant never pays what the plan already pays.
fn payable_amounts(lines: &[crate::costing::CostLine]) -> Vec<Money> {
    let mut payable: Vec<Money> = lines.iter().map(|l| l.amount.max(Money::ZERO)).collect();
    for allowance in lines.iter().filter(|l| l.amount.is_negative()) {
        let mut left = allowance.amount.negate();
        for (i, l) in lines.iter().enumerate() {
            let covers = match allowance.kind {
                LineKind::ComputeCredit => l.kind == LineKind::Compute,
                _ => l.kind != LineKind::PlanFee,
            };
            if !covers || !left.is_positive() {
                continue;
            }
            // take ≤ both, so neither subtraction can overflow or go below zero.
            let take = payable[i].min(left);
            payable[i] = payable[i].checked_sub(take).unwrap_or(Money::ZERO);
            left = left.checked_sub(take).unwrap_or(Money::ZERO);
        }
    }
    payable
}

/// Turns bills into the ledger's shape, noting what is not hosted.
fn prepare(
    bills: Vec<PlatformCost>,
    not_hosted: &mut Vec<(String, String, String)>,
) -> Vec<PreparedBill> {
    bills
        .into_iter()
        .map(|bill| {
            for n in &bill.not_hosted {
                let key = (bill.platform.clone(), n.item.clone(), n.reason.clone());
                if !not_hosted.contains(&key) {
                    not_hosted.push(key);
                }
            }
            let payable = payable_amounts(&bill.items);
            PreparedBill {
                platform: Arc::from(bill.platform.as_str()),
                vendor: bill.vendor,
                total: bill.total,
                lines: bill
                    .items
                    .into_iter()
                    .zip(payable)
                    .map(|(l, payable)| PreparedLine {
                        item: l.item.map(|i| Arc::from(i.as_str())),
                        resource: Arc::from(l.resource.as_str()),
                        kind: l.kind,
                        amount: l.amount,
                        payable,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The bills of month `m`: one per platform the phase uses.
fn bills_for(
    input: &ProjectionInput<'_>,
    settings: &CostSettings,
    m: u32,
) -> Result<Vec<PlatformCost>, CostError> {
    let s = input.scenario;
    let Some((_, phase)) = s.phase_at(m) else {
        return Ok(Vec::new());
    };
    let place = |item: &str| -> &str {
        phase
            .placements
            .get(item)
            .map(String::as_str)
            .unwrap_or(phase.default_platform.as_str())
    };
    let grow = |item: &str| -> (Decimal, bool) {
        match s.growth.iter().find(|g| g.item == item) {
            Some(g) => (growth_factor(g.monthly_percent, m), g.resources),
            None => (Decimal::ONE, false),
        }
    };
    let w = input.workload;
    let mut by_platform: Vec<(String, Workload)> = Vec::new();
    for svc in w.services.iter().chain(s.extra_services.iter()) {
        if let Some(i) = slot(&mut by_platform, place(&svc.name)) {
            let mut svc = svc.clone();
            let (f, resources) = grow(&svc.name);
            if resources {
                let grown = Decimal::from(svc.instances)
                    .checked_mul(f)
                    .unwrap_or(Decimal::MAX)
                    .round_dp_with_strategy(
                        0,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                svc.instances = grown
                    .min(Decimal::from(limits::INSTANCES.1))
                    .to_u32()
                    .unwrap_or(limits::INSTANCES.1)
                    .max(1);
            }
            by_platform[i].1.services.push(svc);
        }
    }
    for db in &w.databases {
        if let Some(i) = slot(&mut by_platform, place(&db.name)) {
            let mut db = db.clone();
            let (f, resources) = grow(&db.name);
            db.storage_gb = scale(db.storage_gb, f, limits::storage_gb());
            if resources {
                db.memory_gb = scale(db.memory_gb, f, limits::memory_gb());
                db.vcpu = scale(db.vcpu, f, limits::vcpu());
            }
            by_platform[i].1.databases.push(db);
        }
    }
    if let Some(i) = slot(&mut by_platform, place(EGRESS)) {
        by_platform[i].1.egress_gb = scale(w.egress_gb, grow(EGRESS).0, limits::egress_gb());
    }
    if let Some(i) = slot(&mut by_platform, place(VOLUMES)) {
        by_platform[i].1.volume_gb = scale(w.volume_gb, grow(VOLUMES).0, limits::volume_gb());
    }
    if let Some(wf) = &w.workflows {
        if let Some(i) = slot(&mut by_platform, place(WORKFLOWS)) {
            let f = grow(WORKFLOWS).0;
            let mut wf = wf.clone();
            wf.actions_per_month = scale(wf.actions_per_month, f, limits::actions());
            wf.active_storage_gb = scale(wf.active_storage_gb, f, limits::workflow_storage_gb());
            wf.retained_storage_gb =
                scale(wf.retained_storage_gb, f, limits::workflow_storage_gb());
            by_platform[i].1.workflows = Some(wf);
        }
    }
    if let Some(l) = &w.llm {
        if let Some(i) = slot(&mut by_platform, place(LLM)) {
            let f = grow(LLM).0;
            let mut l = l.clone();
            l.input_tokens_per_month = scale(l.input_tokens_per_month, f, limits::tokens());
            l.output_tokens_per_month = scale(l.output_tokens_per_month, f, limits::tokens());
            by_platform[i].1.llm = Some(l);
        }
    }
    if let Some(v) = &w.vectors {
        if let Some(i) = slot(&mut by_platform, place(VECTORS)) {
            let f = grow(VECTORS).0;
            let mut v = v.clone();
            v.memory_gb = scale(v.memory_gb, f, limits::vector_gb());
            v.disk_gb = scale(v.disk_gb, f, limits::vector_gb());
            by_platform[i].1.vectors = Some(v);
        }
    }
    by_platform
        .iter()
        .map(|(platform, wl)| {
            let catalog = input.catalogs.current(platform)?;
            // The project was validated whole; these parts of it are
            // clamped to the same ranges, so they are costed without
            // checking every field again.
            cost_valid_workload(wl, catalog, settings)
        })
        .collect()
}

/// The index of a platform's workload, added when new; `None` for `off`.
fn slot(by_platform: &mut Vec<(String, Workload)>, platform: &str) -> Option<usize> {
    if platform == OFF {
        return None;
    }
    if let Some(i) = by_platform.iter().position(|(p, _)| p == platform) {
        return Some(i);
    }
    by_platform.push((platform.to_string(), empty_workload()));
    Some(by_platform.len() - 1)
}

/// (1 + p/100)^(m−1), kept to 12 decimals.
fn growth_factor(percent: Decimal, m: u32) -> Decimal {
    let step = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
    let mut f = Decimal::ONE;
    for _ in 1..m {
        f = f.checked_mul(step).unwrap_or(Decimal::MAX).round_dp(12);
    }
    f
}

/// A quantity grown by `f`, kept within its field's range.
fn scale(q: Decimal, f: Decimal, range: limits::Range) -> Decimal {
    q.checked_mul(f)
        .unwrap_or(range.1)
        .round_dp(6)
        .clamp(range.0, range.1)
}

fn empty_workload() -> Workload {
    Workload {
        services: Vec::new(),
        databases: Vec::new(),
        egress_gb: Decimal::ZERO,
        volume_gb: Decimal::ZERO,
        workflows: None,
        llm: None,
        vectors: None,
    }
}
