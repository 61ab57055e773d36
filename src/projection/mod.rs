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

mod bills;
mod model;

pub use model::*;

use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::costing::CostSettings;
use crate::credits::Cash;
use crate::error::CostError;
use crate::money::{Money, MoneyError};
use crate::month::YearMonth;
use crate::scenario::Scenario;

use bills::{bills_for, prepare, PreparedBill};

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
            grant_balances: balance.clone(),
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
