//! What the report says, page by page: cover, executive summary,
//! scenarios side by side, runway and credits, assumptions, and the
//! appendices (prices, ledgers, definitions).

use std::collections::BTreeSet;

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

fn side_by_side(
    w: &mut Writer<'_>,
    data: &ReportData<'_>,
    burn: Option<&Chart>,
    split: Option<&Chart>,
    platforms: Option<&Chart>,
) -> Result<(), CostError> {
    w.new_page();
    w.heading("Scenarios side by side", 18.0, 80.0);
    if data.projections.is_empty() {
        w.paragraph("No scenarios yet.", 11.0, INK);
    } else {
        let rows: Vec<Row> = data
            .projections
            .iter()
            .map(|p| {
                let s = &p.summary;
                let cliff = s
                    .cliffs
                    .first()
                    .map(|c| format!("month {}, +{}", c.month, format_usd(c.step_up)))
                    .unwrap_or_else(|| "none".into());
                Row::plain(vec![
                    s.name.clone(),
                    s.horizon_months.to_string(),
                    s.runway.clone(),
                    format_usd(s.first_month_cash),
                    format_usd(s.average_cash),
                    format_usd(s.total_cash),
                    format_usd(s.total_gross),
                    format_usd(s.credits_used),
                    format_usd(s.credits_wasted),
                    cliff,
                ])
            })
            .collect();
        w.table(
            &[
                l("Scenario", 2.2),
                r("Months", 0.9),
                l("Runway", 1.6),
                r("Month 1 cash", 1.3),
                r("Average cash", 1.3),
                r("Total cash", 1.4),
                r("Gross", 1.4),
                r("Credits used", 1.3),
                r("Wasted", 1.2),
                l("First cliff", 1.6),
            ],
            &rows,
            7.5,
        );
    }
    put_chart(w, burn)?;
    put_chart(w, split)?;
    w.heading("Hosting platforms for this workload", 13.0, 120.0);
    let rows: Vec<Row> = data
        .platforms
        .platforms
        .iter()
        .map(|p| {
            Row::plain(vec![
                p.name.clone(),
                format_usd(p.monthly_cost),
                p.setup_time.clone(),
                format!(
                    "{} ({} h/month)",
                    crate::table::effort_word(p.devops_effort).to_lowercase(),
                    p.devops_hours_per_month.normalize()
                ),
                [
                    (p.gpus, "GPUs"),
                    (p.kubernetes, "Kubernetes"),
                    (p.websockets, "WebSockets"),
                    (p.built_in_monitoring, "monitoring"),
                ]
                .iter()
                .filter(|(y, _)| *y)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", "),
                if p.not_hosted.is_empty() {
                    "everything".into()
                } else {
                    format!(
                        "not {}",
                        p.not_hosted
                            .iter()
                            .map(|n| n.item.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
            ])
        })
        .collect();
    w.table(
        &[
            l("Platform", 1.8),
            r("Per month", 1.3),
            l("Setup", 1.3),
            l("DevOps", 1.7),
            l("Offers", 2.2),
            l("Hosts", 1.7),
        ],
        &rows,
        8.0,
    );
    w.paragraph(
        &format!("Monthly cost covers {}.", data.platforms.scope),
        8.5,
        MUTED,
    );
    put_chart(w, platforms)?;
    Ok(())
}

fn runway(
    w: &mut Writer<'_>,
    data: &ReportData<'_>,
    cumulative: Option<&Chart>,
    charts: &[Chart],
) -> Result<(), CostError> {
    w.new_page();
    w.heading("Runway and credits", 18.0, 80.0);
    put_chart(w, cumulative)?;
    for c in charts.iter().filter(|c| c.id.starts_with("credits-")) {
        put_chart(w, Some(c))?;
    }
    w.heading("Credit events", 13.0, 60.0);
    let mut rows = Vec::new();
    for p in &data.projections {
        let name = |id: &str| {
            p.grants
                .iter()
                .find(|g| g.grant == id)
                .map(|g| g.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        for e in &p.events {
            let (month, what) = match e {
                Event::GrantExhausted { month, grant } => {
                    (*month, format!("{} used up", name(grant)))
                }
                Event::GrantExpired {
                    month,
                    grant,
                    wasted,
                } => (
                    *month,
                    format!("{} expired, {} wasted", name(grant), format_usd(*wasted)),
                ),
                Event::CreditCliff {
                    month,
                    grant,
                    step_up,
                } => (
                    *month,
                    format!(
                        "Credit cliff: {} stops paying, cash burn +{} a month",
                        name(grant),
                        format_usd(*step_up)
                    ),
                ),
                Event::CashRunsOut { month } => (*month, "Cash in bank runs out".to_string()),
            };
            let calendar = p
                .months
                .get(month.saturating_sub(1) as usize)
                .map(|m| m.calendar.to_string())
                .unwrap_or_default();
            let mut row = Row::plain(vec![
                p.summary.name.clone(),
                month.to_string(),
                calendar,
                what,
            ]);
            if matches!(e, Event::CashRunsOut { .. } | Event::CreditCliff { .. }) {
                row.color = Some(WARN);
            }
            rows.push(row);
        }
    }
    if rows.is_empty() {
        w.paragraph(
            "No credit is used up or expires, and cash lasts, within the horizon.",
            10.0,
            INK,
        );
    } else {
        w.table(
            &[
                l("Scenario", 2.2),
                r("Month", 0.8),
                l("Calendar", 1.1),
                l("Event", 5.0),
            ],
            &rows,
            8.5,
        );
    }
    Ok(())
}

fn assumptions(w: &mut Writer<'_>, data: &ReportData<'_>) {
    let p = data.project;
    w.new_page();
    w.heading("Assumptions", 18.0, 80.0);
    w.paragraph(
        &format!("Billing month: {}.", billing_month(p.billing_month)),
        10.0,
        INK,
    );
    let cash = match (p.cash.in_bank, p.cash.other_monthly_burn) {
        (Some(c), Some(o)) => format!(
            "Cash in bank {}; other monthly burn (payroll, tools) {}.",
            format_usd(c),
            format_usd(o)
        ),
        (Some(c), None) => format!(
            "Cash in bank {}; no other monthly burn entered.",
            format_usd(c)
        ),
        (None, Some(o)) => format!(
            "No cash in bank entered; other monthly burn {}.",
            format_usd(o)
        ),
        (None, None) => {
            "No cash in bank or other monthly burn entered: runway is not computed.".into()
        }
    };
    w.paragraph(&cash, 10.0, INK);
    if !p.plans.is_empty() {
        let plans: Vec<String> = p.plans.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        w.paragraph(&format!("Plans chosen: {}.", plans.join("; ")), 10.0, INK);
    }
    w.heading("Workload", 13.0, 60.0);
    let wl = &p.workload;
    let mut rows = Vec::new();
    for s in &wl.services {
        rows.push(Row::plain(vec![
            s.name.clone(),
            format!("service ({})", json_name(&s.environment)),
            format!(
                "{} vCPU, {} GB × {}; {} h/week",
                s.vcpu.normalize(),
                s.memory_gb.normalize(),
                s.instances,
                s.active_hours_per_week.normalize()
            ),
        ]));
    }
    for d in &wl.databases {
        rows.push(Row::plain(vec![
            d.name.clone(),
            d.engine.label().to_string(),
            format!(
                "{} vCPU, {} GB, {} GB storage",
                d.vcpu.normalize(),
                d.memory_gb.normalize(),
                d.storage_gb.normalize()
            ),
        ]));
    }
    rows.push(Row::plain(vec![
        "Egress".into(),
        "network".into(),
        format!("{} GB a month", wl.egress_gb.normalize()),
    ]));
    rows.push(Row::plain(vec![
        "Volumes".into(),
        "storage".into(),
        format!("{} GB", wl.volume_gb.normalize()),
    ]));
    if let Some(f) = &wl.workflows {
        rows.push(Row::plain(vec![
            "Workflows".into(),
            "Temporal actions".into(),
            format!(
                "{} actions a month; {} GB active, {} GB retained",
                qty(f.actions_per_month),
                f.active_storage_gb.normalize(),
                f.retained_storage_gb.normalize()
            ),
        ]));
    }
    if let Some(m) = &wl.llm {
        rows.push(Row::plain(vec![
            "LLM".into(),
            m.model.clone(),
            format!(
                "{} input and {} output tokens a month; {}% of input cached",
                qty(m.input_tokens_per_month),
                qty(m.output_tokens_per_month),
                m.cache_hit_rate
                    .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                    .map(qty)
                    .unwrap_or_default()
            ),
        ]));
    }
    if let Some(v) = &wl.vectors {
        rows.push(Row::plain(vec![
            "Vectors".into(),
            "vector database".into(),
            format!(
                "{} GB memory, {} GB disk",
                v.memory_gb.normalize(),
                v.disk_gb.normalize()
            ),
        ]));
    }
    w.table(
        &[l("Item", 2.0), l("Kind", 1.8), l("Size", 5.0)],
        &rows,
        8.5,
    );

    w.heading("Credits", 13.0, 60.0);
    if p.credits.is_empty() {
        w.paragraph("No credits entered.", 10.0, INK);
    } else {
        let rows: Vec<Row> = p
            .credits
            .iter()
            .map(|g| {
                Row::plain(vec![
                    g.name.clone(),
                    g.provider.clone(),
                    format_usd(g.amount),
                    g.start.to_string(),
                    g.expires.to_string(),
                    if g.pays_for.is_empty() {
                        "everything it bills".into()
                    } else {
                        g.pays_for
                            .iter()
                            .map(|k| k.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                ])
            })
            .collect();
        w.table(
            &[
                l("Grant", 2.2),
                l("Provider", 1.2),
                r("Amount", 1.3),
                l("Starts", 1.2),
                l("Expires", 1.2),
                l("Pays for", 2.2),
            ],
            &rows,
            8.5,
        );
    }

    w.heading("Scenarios", 13.0, 60.0);
    for s in &p.scenarios {
        w.paragraph_in(&s.name, 10.0, true, INK, w.margin, w.content_width());
        let mut lines = vec![format!("Starts {}, {} months.", s.start, s.horizon_months)];
        for ph in &s.phases {
            let placed: Vec<String> = ph
                .placements
                .iter()
                .map(|(i, pl)| format!("{i} on {pl}"))
                .collect();
            lines.push(format!(
                "From month {}: everything on {}{}.",
                ph.from_month,
                ph.default_platform,
                if placed.is_empty() {
                    String::new()
                } else {
                    format!(" except {}", placed.join(", "))
                }
            ));
        }
        for g in &s.growth {
            lines.push(format!(
                "{} grows {}% a month{}.",
                g.item,
                g.monthly_percent.normalize(),
                if g.resources { " (resources)" } else { "" }
            ));
        }
        for o in &s.one_off_costs {
            lines.push(format!(
                "Month {}: {} — {} h at {}/h.",
                o.month,
                o.description,
                o.hours.normalize(),
                format_usd(Money::new(o.hourly_rate))
            ));
        }
        if s.growth.is_empty() {
            lines.push("No growth: the workload stays as entered.".into());
        }
        for line in lines {
            w.bullet(&line, 9.0, INK);
        }
    }
}

fn prices(w: &mut Writer<'_>, data: &ReportData<'_>, data_date: Date) {
    w.new_page();
    w.heading("Appendix A — Prices used", 18.0, 80.0);
    w.paragraph(
        "Every price the estimates use, with its source and the date it was read. Prices marked UNCERTAIN come from one secondary source or are inferred: check them before relying on them.",
        9.5,
        MUTED,
    );
    for c in catalogs_used(data) {
        let age = data_date.days_since(c.as_of);
        w.heading(
            &format!(
                "{} — {} (as of {}{})",
                c.platform_name,
                c.id,
                c.as_of,
                if age > crate::date::STALE_AFTER_DAYS {
                    format!("; {age} days old")
                } else {
                    String::new()
                }
            ),
            11.0,
            60.0,
        );
        let mut rows = Vec::new();
        for entry in c.prices() {
            let source = c.source(&entry.price.source);
            let (url, as_of, conf) = match source {
                Some(s) => (s.url.clone(), s.as_of.to_string(), s.confidence),
                None => (
                    entry.price.source.clone(),
                    String::new(),
                    Confidence::Uncertain,
                ),
            };
            let mut row = Row::plain(vec![
                entry.path.clone(),
                format!("${} / {}", entry.price.usd.normalize(), entry.price.per),
                url,
                as_of,
                crate::table::confidence_word(conf).into(),
            ]);
            if conf == Confidence::Uncertain {
                row.color = Some(WARN);
            }
            rows.push(row);
        }
        let used: BTreeSet<&str> = c.prices().iter().map(|e| e.price.source.as_str()).collect();
        let others: Vec<Row> = c
            .sources
            .iter()
            .filter(|(key, _)| !used.contains(key.as_str()))
            .map(|(key, s)| {
                let mut row = Row::plain(vec![
                    key.clone(),
                    s.url.clone(),
                    s.as_of.to_string(),
                    crate::table::confidence_word(s.confidence).into(),
                ]);
                if s.confidence == Confidence::Uncertain {
                    row.color = Some(WARN);
                }
                row
            })
            .collect();
        w.table(
            &[
                l("Price", 2.3),
                r("Unit price", 2.0),
                l("Source", 3.6),
                l("As of", 1.1),
                l("Confidence", 1.2),
            ],
            &rows,
            7.0,
        );
        if !others.is_empty() {
            w.paragraph(
                "Platform facts (setup time, regions, features) from:",
                8.5,
                MUTED,
            );
            w.table(
                &[
                    l("Fact", 2.3),
                    l("Source", 5.6),
                    l("As of", 1.1),
                    l("Confidence", 1.2),
                ],
                &others,
                7.0,
            );
        }
    }
}

fn ledgers(w: &mut Writer<'_>, data: &ReportData<'_>) {
    w.new_page();
    w.heading("Appendix B — Ledgers", 18.0, 80.0);
    w.paragraph(
        "Each scenario month by month. The line-by-line ledger (every resource, every grant) is in the XLSX and CSV exports.",
        9.5,
        MUTED,
    );
    for p in &data.projections {
        w.heading(&p.summary.name, 12.0, 80.0);
        let rows: Vec<Row> = p
            .months
            .iter()
            .map(|m| {
                Row::plain(vec![
                    m.month.to_string(),
                    m.calendar.to_string(),
                    format_usd(m.gross),
                    format_usd(m.credits_applied),
                    format_usd(m.one_off),
                    format_usd(m.cash_burn),
                    format_usd(m.cumulative_cash_burn),
                    m.cash_balance.map(format_usd).unwrap_or_else(|| "—".into()),
                ])
            })
            .chain(std::iter::once(Row {
                cells: vec![
                    "Total".into(),
                    String::new(),
                    format_usd(p.summary.total_gross),
                    format_usd(p.summary.credits_used),
                    format_usd(
                        Money::sum(p.months.iter().map(|m| m.one_off)).unwrap_or(Money::ZERO),
                    ),
                    format_usd(p.summary.total_cash),
                    String::new(),
                    String::new(),
                ],
                bold: true,
                color: None,
            }))
            .collect();
        w.table(
            &[
                r("Month", 0.8),
                l("Calendar", 1.1),
                r("Gross", 1.4),
                r("Credits", 1.4),
                r("One-off", 1.2),
                r("Cash burn", 1.4),
                r("Cumulative", 1.5),
                r("Cash in bank", 1.6),
            ],
            &rows,
            7.5,
        );
    }
}

fn definitions(w: &mut Writer<'_>) {
    w.new_page();
    w.heading("Appendix C — Definitions", 18.0, 80.0);
    let defs = [
        ("Gross cost", "What the providers bill in a month before any credit: usage × unit price, plan fees, less the usage a plan includes."),
        ("Credits applied", "What credit grants pay of the gross cost. A grant pays only its provider's lines (and only the kinds it covers), for months wholly between its start and its expiry, earliest-expiring grant first."),
        ("Wasted credit", "What is left of a grant when it expires."),
        ("Cash burn", "Gross cost − credits applied + one-off costs (migration, setup) of the month: what leaves the bank for infrastructure."),
        ("Credit cliff", "The first month a grant pays nothing after it is used up or expires, when cash burn steps up; reported with the step."),
        ("Runway", "The whole months cash in bank pays for infrastructure cash burn plus other monthly burn; \"beyond the horizon\" when it never runs out within the months projected."),
        ("Billing month", "Railway bills a 30-day month; cloud calculators use 730 hours (8,760 h / 12). The report states which it uses."),
    ];
    let mut seen = BTreeSet::new();
    for (term, text) in defs {
        if seen.insert(term) {
            w.paragraph_in(term, 10.5, true, INK, w.margin, w.content_width());
            w.paragraph(text, 10.0, INK);
        }
    }
}

fn decision(w: &mut Writer<'_>, d: &Decision) {
    w.new_page();
    w.heading("Decision", 18.0, 80.0);
    let rec = &d.recommendation;
    for line in rec
        .platform_reasons
        .iter()
        .take(1)
        .chain(rec.scenario_reasons.iter().take(1))
    {
        w.paragraph(line, 11.0, INK);
    }
    w.heading("The answers", 13.0, 60.0);
    let rows: Vec<Row> = crate::decision::answered(&d.answers)
        .into_iter()
        .map(|(q, a)| Row::plain(vec![q.text.to_string(), a]))
        .collect();
    w.table(&[l("Question", 5.0), l("Answer", 3.0)], &rows, 8.5);

    w.heading("Hosting platforms ranked", 13.0, 80.0);
    let max = d
        .platforms
        .first()
        .map(|p| p.max_score.normalize().to_string())
        .unwrap_or_default();
    let rows: Vec<Row> = d
        .platforms
        .iter()
        .map(|p| {
            let why = if p.ruled_out.is_empty() {
                let mut parts: Vec<_> = p.breakdown.iter().filter(|b| b.weight > 0).collect();
                parts.sort_by_key(|b| std::cmp::Reverse(b.points));
                parts
                    .iter()
                    .take(2)
                    .map(|b| b.why.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                format!("Ruled out: {}", p.ruled_out.join("; "))
            };
            let mut row = Row::plain(vec![
                p.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
                p.name.clone(),
                format!("{} of {max}", p.score.normalize()),
                format_usd(p.monthly_cost),
                format_usd(p.tco.total),
                why,
            ]);
            if !p.ruled_out.is_empty() {
                row.color = Some(MUTED);
            }
            row
        })
        .collect();
    w.table(
        &[
            r("Rank", 0.6),
            l("Platform", 1.8),
            r("Score", 1.0),
            r("Per month", 1.0),
            r("Cost of ownership", 1.2),
            l("Why", 3.6),
        ],
        &rows,
        8.0,
    );
    w.paragraph(
        &format!(
            "Score: each preference's weight × how well the platform meets it (0 to 1). Cost of ownership over {}: hosting plus setup and DevOps hours at {} an hour.",
            months_words(d.horizon_months),
            format_usd(d.answers.engineer_hourly_rate)
        ),
        8.5,
        MUTED,
    );

    if !d.scenarios.is_empty() {
        w.heading("Scenarios ranked", 13.0, 80.0);
        let rows: Vec<Row> = d
            .scenarios
            .iter()
            .map(|s| {
                let mut row = Row::plain(vec![
                    s.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
                    s.name.clone(),
                    s.runway.clone(),
                    format_usd(s.tco.provider),
                    format_usd(s.tco.engineering),
                    format_usd(s.tco.total),
                    s.ruled_out.join("; "),
                ]);
                if !s.ruled_out.is_empty() {
                    row.color = Some(MUTED);
                }
                row
            })
            .collect();
        w.table(
            &[
                r("Rank", 0.6),
                l("Scenario", 2.2),
                l("Runway", 1.4),
                r("Cash", 1.1),
                r("Engineering", 1.1),
                r("Cost of ownership", 1.2),
                l("Constraints", 2.2),
            ],
            &rows,
            8.0,
        );
        for b in &d.break_even {
            w.bullet(&b.sentence, 9.0, INK);
        }
    }
    w.heading("Why", 13.0, 60.0);
    for line in rec.platform_reasons.iter().chain(&rec.scenario_reasons) {
        w.bullet(line, 9.0, INK);
    }
    w.heading("What would change this", 13.0, 60.0);
    for line in &rec.would_change {
        w.bullet(line, 9.0, INK);
    }
}

#[cfg(test)]
mod tests {
    use super::qty;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn quantities_are_grouped_without_trailing_zeros() {
        let q = |s: &str| qty(Decimal::from_str(s).unwrap());
        assert_eq!(q("900000"), "900,000");
        assert_eq!(q("20000000.50"), "20,000,000.5");
        assert_eq!(q("0.30"), "0.3");
        assert_eq!(q("-1234"), "-1,234");
        assert_eq!(q("999"), "999");
    }
}
