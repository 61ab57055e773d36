//! What the report says, page by page: cover, executive summary,
//! scenarios side by side, runway and credits, assumptions, and the
//! appendices (prices, ledgers, definitions).

mod appendix;
mod results;

use appendix::{assumptions, definitions, ledgers, prices};
use results::{decision, runway, side_by_side};

use super::layout::{Align, Column, Row, Writer, ACCENT, INK, MUTED, WARN};
use super::ReportData;
use crate::catalog::{Catalog, Confidence};
use crate::chart::{self, Chart};
use crate::costing::MonthSetting;
use crate::date::Date;
use crate::decision::Decision;
use crate::error::CostError;
use crate::money::{format_usd, Money};
use crate::projection::{months_words, Event};

fn col(title: &str, share: f32, align: Align) -> Column {
    Column {
        title: title.into(),
        share,
        align,
    }
}

fn l(title: &str, share: f32) -> Column {
    col(title, share, Align::Left)
}

fn r(title: &str, share: f32) -> Column {
    col(title, share, Align::Right)
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(String::from))
        .unwrap_or_default()
}

/// A quantity for people: thousands grouped, no trailing zeros.
fn qty(d: rust_decimal::Decimal) -> String {
    let text = d.normalize().to_string();
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), format!(".{f}")),
        None => (text.clone(), String::new()),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", whole),
    };
    format!("{sign}{}{frac}", crate::money::group_thousands(&digits))
}

fn billing_month(s: MonthSetting) -> &'static str {
    match s {
        MonthSetting::Platform => "each platform's own (Railway 30 days, the others 730 hours)",
        MonthSetting::Days30 => "30 days on every platform",
        MonthSetting::Hours730 => "730 hours on every platform",
    }
}

/// The catalogs whose prices the report uses: every platform's current one.
fn catalogs_used<'a>(data: &'a ReportData<'_>) -> Vec<&'a Catalog> {
    data.catalogs.current_all()
}

pub fn write(
    w: &mut Writer<'_>,
    data: &ReportData<'_>,
    decided: &Decision,
    options: super::ReportOptions,
) -> Result<(), CostError> {
    let date = options.date;
    let charts = data.charts();
    let chart_of = |id: &str| charts.iter().find(|c| c.id == id);
    cover(w, data, date);
    summary(w, data, decided)?;
    side_by_side(
        w,
        data,
        chart_of("cash-burn"),
        chart_of("gross-split"),
        chart_of("platforms"),
    )?;
    runway(w, data, chart_of("cumulative-cash"), &charts)?;
    decision(w, decided);
    assumptions(w, data);
    prices(w, data, date);
    if options.ledgers {
        ledgers(w, data);
    }
    definitions(w);
    Ok(())
}

fn put_chart(w: &mut Writer<'_>, c: Option<&Chart>) -> Result<(), CostError> {
    if let Some(c) = c {
        w.heading(&c.title, 11.0, 200.0);
        let scene = chart::scene(c)?;
        w.chart(scene, &c.note);
    }
    Ok(())
}

fn cover(w: &mut Writer<'_>, data: &ReportData<'_>, date: Date) {
    let m = w.margin;
    let cw = w.content_width();
    w.rect(m, 150.0, 60.0, 4.0, ACCENT);
    w.y = 200.0;
    w.paragraph_in("Infrastructure budget and runway", 22.0, true, INK, m, cw);
    w.gap(6.0);
    w.paragraph_in(&data.project.name, 18.0, false, ACCENT, m, cw);
    if !data.project.description.trim().is_empty() {
        w.paragraph_in(&data.project.description, 11.0, false, MUTED, m, cw);
    }
    w.gap(24.0);
    w.paragraph(&format!("Prepared {date}"), 11.0, INK);
    w.paragraph("Prepared with prices as of:", 11.0, INK);
    for c in catalogs_used(data) {
        let age = date.days_since(c.as_of);
        let stale = if age > crate::date::STALE_AFTER_DAYS {
            format!(" — {age} days old: check before relying on it")
        } else {
            String::new()
        };
        w.bullet(
            &format!("{} — {} ({}){stale}", c.platform_name, c.as_of, c.title),
            9.5,
            if stale.is_empty() { MUTED } else { WARN },
        );
    }
    w.gap(10.0);
    w.paragraph(
        &format!(
            "All amounts in US dollars. Billing month: {}. Figures are estimates from published prices; sources and confidence are listed in Appendix A.",
            billing_month(data.project.billing_month)
        ),
        9.0,
        MUTED,
    );
    w.new_page();
}

fn summary(w: &mut Writer<'_>, data: &ReportData<'_>, decided: &Decision) -> Result<(), CostError> {
    w.heading("Executive summary", 18.0, 80.0);
    let projections = &data.projections;
    let rec = &decided.recommendation;
    let chosen = rec
        .scenario
        .as_deref()
        .and_then(|id| projections.iter().find(|p| p.summary.id == id));
    match chosen {
        None if projections.is_empty() => w.paragraph(
            "No scenario has been set up yet: add one (Railway-only, Hybrid on credits, …) to see cost over time and runway.",
            11.0,
            INK,
        ),
        None => {
            w.paragraph(
                "No scenario meets the constraints of the decision framework's answers.",
                12.0,
                INK,
            );
            if let Some(first) = rec.scenario_reasons.first() {
                w.paragraph(first, 9.5, MUTED);
            }
        }
        Some(b) => {
            let cash_note = match data.project.cash.in_bank {
                Some(c) => format!("with {} in the bank", format_usd(c)),
                None => "with no cash in bank entered".into(),
            };
            let host = decided
                .platforms
                .iter()
                .find(|p| Some(&p.id) == rec.platform.as_ref())
                .map(|p| format!(" The hosting platform that fits the answers best is {}.", p.name))
                .unwrap_or_default();
            w.paragraph(
                &format!(
                    "Recommendation: {} — runway {}, {} of cash in month 1 and {} on average, {cash_note}.{host}",
                    b.summary.name,
                    b.summary.runway,
                    format_usd(b.summary.first_month_cash),
                    format_usd(b.summary.average_cash)
                ),
                12.0,
                INK,
            );
            w.paragraph(
                "Chosen by the decision framework: the longest runway among the scenarios whose platforms meet every hard constraint, the lower cost of ownership (cash plus engineering time) breaking ties. The Decision section gives the answers, the ranking and what would change it.",
                9.5,
                MUTED,
            );
        }
    }
    if !projections.is_empty() {
        let mut rows = Vec::new();
        for p in projections {
            rows.push(Row::plain(vec![
                p.summary.name.clone(),
                p.summary.runway.clone(),
                format_usd(p.summary.first_month_cash),
                format_usd(ReportData::twelve_month_cash(p)?),
                format_usd(p.summary.credits_wasted),
            ]));
        }
        w.table(
            &[
                l("Scenario", 3.0),
                l("Runway", 2.4),
                r("Month 1 cash", 1.5),
                r("12-month cash", 1.5),
                r("Credits wasted", 1.5),
            ],
            &rows,
            9.5,
        );
    }
    // The main risk: the earliest cliff or expiry with waste.
    w.heading("Main risk", 13.0, 40.0);
    let mut risks: Vec<(u32, String, String)> = Vec::new();
    for p in projections {
        for c in &p.summary.cliffs {
            risks.push((
                c.month,
                format!(
                    "{}: in month {} {} stops paying and cash burn rises by {} a month.",
                    p.summary.name,
                    c.month,
                    c.name,
                    format_usd(c.step_up)
                ),
                format!(
                    "Plan for it: budget the extra {} a month from month {}, negotiate more credit before then, or move that spend to a grant that lasts longer.",
                    format_usd(c.step_up),
                    c.month
                ),
            ));
        }
        for e in &p.events {
            if let Event::GrantExpired {
                month,
                grant,
                wasted,
            } = e
            {
                let name = p
                    .grants
                    .iter()
                    .find(|g| &g.grant == grant)
                    .map(|g| g.name.as_str())
                    .unwrap_or(grant);
                risks.push((
                    *month,
                    format!(
                        "{}: {name} expires before month {month} with {} unused.",
                        p.summary.name,
                        format_usd(*wasted)
                    ),
                    "Use it first: move more of that provider's spend onto it before it expires, or ask the provider for an extension.".into(),
                ));
            }
        }
    }
    risks.sort_by_key(|r| r.0);
    match risks.first() {
        Some((_, what, todo)) => {
            w.paragraph(what, 11.0, INK);
            w.paragraph(todo, 10.0, MUTED);
        }
        None => w.paragraph("No credit cliff or expiry within the horizon.", 11.0, INK),
    }
    let out_of_cash: Vec<String> = projections
        .iter()
        .filter_map(|p| {
            p.summary.runway_months.map(|m| {
                format!(
                    "{} runs out of cash after {}",
                    p.summary.name,
                    crate::projection::months_words(m)
                )
            })
        })
        .collect();
    if !out_of_cash.is_empty() {
        w.paragraph(&format!("{}.", out_of_cash.join("; ")), 10.0, WARN);
    }
    Ok(())
}
