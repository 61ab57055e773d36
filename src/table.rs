//! Plain-text tables for the terminal: the CLI's `table` format.

use crate::catalog::{Catalogs, Confidence, DevopsEffort};
use crate::compare::PlatformComparison;
use crate::costing::PlatformCost;
use crate::money::format_usd;

/// Lays out rows in columns; `right` marks right-aligned columns.
pub fn columns(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let pad = w.saturating_sub(cell.chars().count());
            if i > 0 {
                out.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&" ".repeat(pad));
                }
            }
        }
        out.trim_end().to_string()
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out.push('\n');
    let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    out.push_str(&"-".repeat(total));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.clone()));
        out.push('\n');
    }
    out
}

/// The itemized cost of one platform.
pub fn cost_table(cost: &PlatformCost) -> String {
    let plan = cost
        .plan
        .as_ref()
        .map(|p| format!(", {} plan", p.name))
        .unwrap_or_default();
    let mut out = format!(
        "{} — catalog {} (prices as of {}){plan}; {}\n\n",
        cost.platform_name, cost.catalog, cost.catalog_as_of, cost.billing_month.label
    );
    if cost.items.is_empty() && cost.not_hosted.is_empty() {
        out.push_str("Nothing in this workload runs on this platform.\n");
        return out;
    }
    let rows: Vec<Vec<String>> = cost
        .items
        .iter()
        .map(|l| {
            let confidence = cost
                .sources
                .get(&l.source)
                .map(|s| confidence_word(s.confidence))
                .unwrap_or("");
            vec![
                l.item.clone().unwrap_or_else(|| "—".into()),
                l.resource.clone(),
                l.quantity.to_string(),
                l.unit.clone(),
                unit_price(l.unit_price),
                format_usd(l.amount),
                format!("[{}] {confidence}", l.source),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            "Item",
            "Resource",
            "Quantity",
            "Unit",
            "Unit price",
            "Amount",
            "Price source",
        ],
        &rows,
        &[false, false, true, false, true, true, false],
    ));
    out.push_str(&format!(
        "Total a month: {} ({})\n",
        format_usd(cost.total),
        cost.billing_month.label
    ));
    for n in &cost.not_hosted {
        out.push_str(&format!("Not hosted: {} — {}\n", n.item, n.reason));
    }
    for (key, s) in &cost.sources {
        out.push_str(&format!(
            "[{key}] {}, as of {}: {}\n",
            confidence_word(s.confidence),
            s.as_of,
            s.url
        ));
    }
    out
}

/// How sure a price is, in a word; uncertain ones stand out.
pub fn confidence_word(c: Confidence) -> &'static str {
    match c {
        Confidence::Confirmed => "confirmed",
        Confidence::Likely => "likely",
        Confidence::Uncertain => "UNCERTAIN",
    }
}

/// The platform comparison.
pub fn comparison_table(cmp: &PlatformComparison) -> String {
    let rows: Vec<Vec<String>> = cmp
        .platforms
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                format_usd(p.monthly_cost),
                p.billing_month.label.to_string(),
                p.setup_time.clone(),
                effort_word(p.devops_effort).to_string(),
                yes_no(p.gpus),
                yes_no(p.kubernetes),
                yes_no(p.websockets),
                yes_no(p.built_in_monitoring),
                p.catalog.clone(),
            ]
        })
        .collect();
    let mut out = columns(
        &[
            "Platform",
            "Monthly cost",
            "Month",
            "Setup time",
            "DevOps needed",
            "GPUs",
            "Kubernetes",
            "WebSockets",
            "Monitoring",
            "Catalog",
        ],
        &rows,
        &[
            false, true, false, false, false, false, false, false, false, false,
        ],
    );
    out.push_str(&format!("Monthly cost covers {}.\n", cmp.scope));
    for p in &cmp.platforms {
        out.push_str(&format!("{} regions: {}\n", p.name, p.regions.join(", ")));
    }
    for p in &cmp.platforms {
        for n in &p.not_hosted {
            out.push_str(&format!(
                "{}: not hosted: {} — {}\n",
                p.name, n.item, n.reason
            ));
        }
    }
    out
}

/// The loaded catalogs.
pub fn catalogs_table(catalogs: &Catalogs) -> String {
    let rows: Vec<Vec<String>> = catalogs
        .all()
        .iter()
        .map(|c| {
            let current = catalogs
                .current(&c.platform)
                .map(|cur| cur.id == c.id)
                .unwrap_or(false);
            vec![
                c.id.clone(),
                c.platform_name.clone(),
                c.as_of.to_string(),
                if current { "yes" } else { "" }.to_string(),
                c.prices().len().to_string(),
                c.title.clone(),
            ]
        })
        .collect();
    columns(
        &[
            "Catalog",
            "Platform",
            "Prices as of",
            "Current",
            "Prices",
            "Title",
        ],
        &rows,
        &[false, false, false, false, true, false],
    )
}

/// The DevOps effort in the seed's words.
pub fn effort_word(e: DevopsEffort) -> &'static str {
    match e {
        DevopsEffort::None => "None",
        DevopsEffort::Low => "Low",
        DevopsEffort::Medium => "Medium",
        DevopsEffort::High => "High",
    }
}

/// A unit price with at least two decimals and the sign before the dollar.
fn unit_price(d: rust_decimal::Decimal) -> String {
    let mut v = d.abs();
    if v.scale() < 2 {
        v.rescale(2);
    }
    format!(
        "{}${v}",
        if d.is_sign_negative() && !d.is_zero() {
            "-"
        } else {
            ""
        }
    )
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The scenarios side by side.
pub fn scenario_table(cmp: &crate::query::ScenarioComparison) -> String {
    if cmp.scenarios.is_empty() {
        return "This project has no scenarios yet.\n".into();
    }
    let rows: Vec<Vec<String>> = cmp
        .scenarios
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.runway.clone(),
                format_usd(s.first_month_cash),
                format_usd(s.average_cash),
                format_usd(s.total_cash),
                format_usd(s.total_gross),
                format_usd(s.credits_used),
                format_usd(s.credits_wasted),
            ]
        })
        .collect();
    let mut out = columns(
        &[
            "Scenario",
            "Runway",
            "First-month cash",
            "Average cash",
            "Total cash",
            "Total gross",
            "Credits used",
            "Credits wasted",
        ],
        &rows,
        &[false, false, true, true, true, true, true, true],
    );
    let bank = cmp
        .cash_in_bank
        .map(|c| format!("cash in bank {}", format_usd(c)))
        .unwrap_or_else(|| "no cash in bank entered".into());
    out.push_str(&format!("Over {} months; {bank}.\n", cmp.horizon_months));
    for s in &cmp.scenarios {
        for c in &s.cliffs {
            out.push_str(&format!(
                "{}: month {}: {} end, cash burn rises by {}\n",
                s.name,
                c.month,
                c.name,
                format_usd(c.step_up)
            ));
        }
    }
    out
}

/// A scenario month by month.
pub fn ledger_table(p: &crate::projection::Projection) -> String {
    let rows: Vec<Vec<String>> = p
        .months
        .iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                m.calendar.to_string(),
                format_usd(m.gross),
                format_usd(m.credits_applied),
                format_usd(m.one_off),
                format_usd(m.cash_burn),
                format_usd(m.cumulative_cash_burn),
                m.cash_balance.map(format_usd).unwrap_or_default(),
            ]
        })
        .collect();
    let mut out = format!("{} — runway: {}\n\n", p.summary.name, p.summary.runway);
    out.push_str(&columns(
        &[
            "Month",
            "Calendar",
            "Gross",
            "Credits",
            "One-off",
            "Cash burn",
            "Cash so far",
            "Cash in bank",
        ],
        &rows,
        &[true, false, true, true, true, true, true, true],
    ));
    for e in &p.events {
        out.push_str(&event_words(e, &p.grants));
        out.push('\n');
    }
    out
}

/// An event in plain words, grants by name.
pub fn event_words(e: &crate::projection::Event, grants: &[crate::projection::GrantUse]) -> String {
    use crate::projection::Event;
    let name = |id: &str| {
        grants
            .iter()
            .find(|g| g.grant == id)
            .map_or_else(|| id.to_string(), |g| g.name.clone())
    };
    match e {
        Event::GrantExhausted { month, grant } => {
            format!("Month {month}: {} are used up.", name(grant))
        }
        Event::GrantExpired {
            month,
            grant,
            wasted,
        } => format!(
            "Month {month}: {} expire with {} unused (wasted).",
            name(grant),
            format_usd(*wasted)
        ),
        Event::CreditCliff {
            month,
            grant,
            step_up,
        } => format!(
            "Month {month}: {} end, cash burn rises by {}.",
            name(grant),
            format_usd(*step_up)
        ),
        Event::CashRunsOut { month } => format!("Month {month}: cash in bank runs out."),
    }
}

/// The decision framework's verdict as text: the platforms ranked, the
/// scenarios ranked, break-even, the recommendation and what would change it.
pub fn decision_table(d: &crate::decision::Decision) -> String {
    let mut out = String::new();
    let max = d
        .platforms
        .first()
        .map(|p| p.max_score.normalize().to_string())
        .unwrap_or_default();
    out.push_str(&format!(
        "Hosting platforms (score out of {max} points; cost of ownership over {} months at {}/h)\n",
        d.horizon_months,
        format_usd(d.answers.engineer_hourly_rate)
    ));
    let rows: Vec<Vec<String>> = d
        .platforms
        .iter()
        .map(|p| {
            vec![
                p.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
                p.name.clone(),
                p.score.normalize().to_string(),
                format_usd(p.monthly_cost),
                format_usd(p.tco.total),
                if p.ruled_out.is_empty() {
                    String::new()
                } else {
                    format!("ruled out: {}", p.ruled_out.join("; "))
                },
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            "Rank",
            "Platform",
            "Score",
            "Per month",
            "Cost of ownership",
            "",
        ],
        &rows,
        &[true, false, true, true, true, false],
    ));
    out.push('\n');
    if !d.scenarios.is_empty() {
        out.push_str("Scenarios (longest runway that meets the constraints first)\n");
        let rows: Vec<Vec<String>> = d
            .scenarios
            .iter()
            .map(|s| {
                vec![
                    s.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
                    s.name.clone(),
                    s.runway.clone(),
                    format_usd(s.tco.provider),
                    format_usd(s.tco.engineering),
                    format_usd(s.tco.total),
                    s.ruled_out.join("; "),
                ]
            })
            .collect();
        out.push_str(&columns(
            &[
                "Rank",
                "Scenario",
                "Runway",
                "Cash",
                "Engineering",
                "Cost of ownership",
                "",
            ],
            &rows,
            &[true, false, false, true, true, true, false],
        ));
        for b in &d.break_even {
            out.push_str(&format!("{}\n", b.sentence));
        }
        out.push('\n');
    }
    let r = &d.recommendation;
    out.push_str("Recommendation\n");
    for line in r.platform_reasons.iter().chain(&r.scenario_reasons) {
        out.push_str(&format!("- {line}\n"));
    }
    out.push_str("\nWhat would change this\n");
    for line in &r.would_change {
        out.push_str(&format!("- {line}\n"));
    }
    out
}
