//! The back of the report: assumptions, Appendix A (prices), B (ledgers)
//! and C (definitions).

use std::collections::BTreeSet;

use super::*;

pub(super) fn assumptions(w: &mut Writer<'_>, data: &ReportData<'_>) {
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

pub(super) fn prices(w: &mut Writer<'_>, data: &ReportData<'_>, data_date: Date) {
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

pub(super) fn ledgers(w: &mut Writer<'_>, data: &ReportData<'_>) {
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

pub(super) fn definitions(w: &mut Writer<'_>) {
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
