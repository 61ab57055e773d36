//! The middle of the report: scenarios side by side, runway and credits,
//! and the decision.

use super::*;

pub(super) fn side_by_side(
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

pub(super) fn runway(
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

pub(super) fn decision(w: &mut Writer<'_>, d: &Decision) {
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
