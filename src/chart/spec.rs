//! What each chart shows, built from projections: the series to draw, the
//! alt text and the data table. Money becomes `f64` here, for drawing only;
//! the data tables carry the exact amounts as text.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::compare::PlatformComparison;
use crate::money::{format_usd, Money};
use crate::projection::{Event, Projection, ScenarioSummary};

/// A chart's numbers as a table: what a screen reader or a spreadsheet
/// reads instead of the drawing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataTable {
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, as text.
    pub rows: Vec<Vec<String>>,
}

/// One series of values: a line, or one part of stacked bars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// One value per x position (month or category).
    pub values: Vec<f64>,
}

/// A point of a line picked out with a label (a cliff, the runway end).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    /// Index of the series.
    pub series: usize,
    /// Index of the value (month − 1).
    pub index: usize,
    /// Short label drawn beside it.
    pub label: String,
}

/// A vertical line across the plot at a month (an expiry).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// Index of the month (month − 1).
    pub index: usize,
    /// Short label at its top.
    pub label: String,
}

/// A horizontal line across the plot (cash in bank).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level {
    /// Its name in the legend.
    pub label: String,
    /// Its value.
    pub value: f64,
}

/// Lines over months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinePlot {
    /// One label per month.
    pub x_labels: Vec<String>,
    /// The lines.
    pub series: Vec<Series>,
    /// Points picked out.
    pub markers: Vec<Marker>,
    /// Vertical rules.
    pub rules: Vec<Rule>,
    /// A horizontal reference.
    pub level: Option<Level>,
}

/// Bars per category, each stacked from parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarPlot {
    /// One label per bar.
    pub categories: Vec<String>,
    /// The stacked parts, bottom (or left) first.
    pub parts: Vec<Series>,
    /// Text after each bar (its total, a caveat).
    pub notes: Vec<String>,
    /// Bars run left to right, categories down the side.
    pub horizontal: bool,
}

/// The drawing of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Plot {
    /// Lines over months.
    Lines(LinePlot),
    /// Bars per category.
    Bars(BarPlot),
}

/// A chart: what it is called, what it says in words, its numbers and its
/// drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Stable id ("cash-burn").
    pub id: String,
    /// Title.
    pub title: String,
    /// How to read it, in a line (the caption).
    pub note: String,
    /// What it shows, in sentences, for readers who cannot see it.
    pub alt: String,
    /// Its numbers.
    pub table: DataTable,
    /// Its drawing.
    pub plot: Plot,
}

/// Dollars as a drawing coordinate. The only conversion of money to
/// floating point; amounts far beyond any budget draw at the edge.
pub fn draw_value(m: Money) -> f64 {
    m.dollars().to_f64().unwrap_or(0.0)
}

fn month_labels(projections: &[&Projection]) -> Vec<String> {
    let n = projections
        .iter()
        .map(|p| p.months.len())
        .max()
        .unwrap_or(0);
    let first = projections.first().map(|p| p.start);
    let same_start = projections.iter().all(|p| Some(p.start) == first);
    (0..n)
        .map(|i| match first.and_then(|s| s.plus(i as i32)) {
            Some(ym) if same_start => ym.to_string(),
            _ => format!("Month {}", i + 1),
        })
        .collect()
}

/// A month per row, a scenario per column, each cell `f` of that month.
fn month_table(
    x_labels: &[String],
    projections: &[&Projection],
    f: impl Fn(&crate::projection::MonthLedger) -> Money,
) -> DataTable {
    let mut columns = vec!["Month".to_string()];
    columns.extend(projections.iter().map(|p| p.summary.name.clone()));
    let rows = x_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![label.clone()];
            row.extend(projections.iter().map(|p| {
                p.months
                    .get(i)
                    .map(|m| format_usd(f(m)))
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    DataTable { columns, rows }
}

/// Monthly cash burn per scenario, one line each, credit cliffs marked.
pub fn cash_burn(projections: &[&Projection]) -> Chart {
    let x_labels = month_labels(projections);
    let series = projections
        .iter()
        .map(|p| Series {
            name: p.summary.name.clone(),
            values: p.months.iter().map(|m| draw_value(m.cash_burn)).collect(),
        })
        .collect();
    let mut markers = Vec::new();
    let mut sentences = vec![format!(
        "Infrastructure cash burn each month over {} months.",
        x_labels.len()
    )];
    for (s, p) in projections.iter().enumerate() {
        for c in &p.summary.cliffs {
            markers.push(Marker {
                series: s,
                index: c.month.saturating_sub(1) as usize,
                label: format!("+{}", format_usd(c.step_up)),
            });
        }
        let last = p.months.last().map(|m| m.cash_burn).unwrap_or(Money::ZERO);
        let cliffs = match p.summary.cliffs.as_slice() {
            [] => "no credit cliff".to_string(),
            cs => cs
                .iter()
                .map(|c| {
                    format!(
                        "a cliff in month {} when {} stops paying (+{} a month)",
                        c.month,
                        c.name,
                        format_usd(c.step_up)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        sentences.push(format!(
            "{}: {} in month 1, {} in month {}, {}.",
            p.summary.name,
            format_usd(p.summary.first_month_cash),
            format_usd(last),
            p.months.len(),
            cliffs
        ));
    }
    let table = month_table(&x_labels, projections, |m| m.cash_burn);
    Chart {
        id: "cash-burn".into(),
        note: "One line per scenario: infrastructure cash burn each month. Circles mark credit cliffs, labelled with the monthly step-up.".into(),
        title: "Monthly cash burn".into(),
        alt: sentences.join(" "),
        table,
        plot: Plot::Lines(LinePlot {
            x_labels,
            series,
            markers,
            rules: Vec::new(),
            level: None,
        }),
    }
}

/// What has left the bank by the end of a month: infrastructure cash burn
/// plus other monthly burn, so far.
fn spent_so_far(m: &crate::projection::MonthLedger) -> Money {
    let months = rust_decimal::Decimal::from(m.month);
    m.other_burn
        .checked_mul(months)
        .and_then(|o| m.cumulative_cash_burn.checked_add(o))
        .unwrap_or(m.cumulative_cash_burn)
}

/// Cumulative cash spent per scenario against cash in bank, the month the
/// money runs out marked.
pub fn cumulative_cash(projections: &[&Projection], in_bank: Option<Money>) -> Chart {
    let x_labels = month_labels(projections);
    let series = projections
        .iter()
        .map(|p| Series {
            name: p.summary.name.clone(),
            values: p
                .months
                .iter()
                .map(|m| draw_value(spent_so_far(m)))
                .collect(),
        })
        .collect();
    let mut markers = Vec::new();
    let mut sentences = vec![match in_bank {
        Some(c) => format!(
            "Cash spent so far (infrastructure plus other monthly burn) against {} in the bank.",
            format_usd(c)
        ),
        None => "Cash spent so far (infrastructure plus other monthly burn); no cash in bank was entered.".into(),
    }];
    for (s, p) in projections.iter().enumerate() {
        let out = p.events.iter().find_map(|e| match e {
            Event::CashRunsOut { month } => Some(*month),
            _ => None,
        });
        if let Some(month) = out {
            markers.push(Marker {
                series: s,
                index: month.saturating_sub(1) as usize,
                label: format!("out of cash, month {month}"),
            });
        }
        sentences.push(format!("{}: runway {}.", p.summary.name, p.summary.runway));
    }
    let table = month_table(&x_labels, projections, spent_so_far);
    Chart {
        id: "cumulative-cash".into(),
        note: "Cash spent so far (infrastructure plus other monthly burn) per scenario; the long-dashed line across is cash in bank. A circle marks the month the cash runs out.".into(),
        title: "Cash spent against cash in bank".into(),
        alt: sentences.join(" "),
        table,
        plot: Plot::Lines(LinePlot {
            x_labels,
            series,
            markers,
            rules: Vec::new(),
            level: in_bank.map(|c| Level {
                label: format!("Cash in bank {}", format_usd(c)),
                value: draw_value(c),
            }),
        }),
    }
}

/// Credits left per grant over a scenario, expiries marked and what they
/// waste shown.
pub fn credits_remaining(p: &Projection) -> Chart {
    let x_labels = month_labels(&[p]);
    let series: Vec<Series> = p
        .grants
        .iter()
        .enumerate()
        .map(|(g, grant)| Series {
            name: grant.name.clone(),
            values: p
                .months
                .iter()
                .map(|m| draw_value(m.grant_balances.get(g).copied().unwrap_or(Money::ZERO)))
                .collect(),
        })
        .collect();
    let mut markers = Vec::new();
    let mut rules = Vec::new();
    let mut sentences = vec![format!(
        "Credit left on each grant, month by month, in the scenario {}.",
        p.summary.name
    )];
    for e in &p.events {
        match e {
            Event::GrantExpired {
                month,
                grant,
                wasted,
            } => {
                let g = p.grants.iter().position(|u| &u.grant == grant).unwrap_or(0);
                let name = p.grants.get(g).map(|u| u.name.as_str()).unwrap_or(grant);
                rules.push(Rule {
                    index: month.saturating_sub(1) as usize,
                    label: format!("{name} expires"),
                });
                markers.push(Marker {
                    series: g,
                    index: month.saturating_sub(2) as usize,
                    label: format!("{} wasted", format_usd(*wasted)),
                });
                sentences.push(format!(
                    "{name} expires before month {month} with {} unused.",
                    format_usd(*wasted)
                ));
            }
            Event::GrantExhausted { month, grant } => {
                let name = p
                    .grants
                    .iter()
                    .find(|u| &u.grant == grant)
                    .map(|u| u.name.as_str())
                    .unwrap_or(grant);
                sentences.push(format!("{name} is used up in month {month}."));
            }
            _ => {}
        }
    }
    if p.grants.is_empty() {
        sentences.push("No credits were entered.".into());
    }
    let mut columns = vec!["Month".to_string()];
    columns.extend(p.grants.iter().map(|g| g.name.clone()));
    let rows = x_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![label.clone()];
            row.extend((0..p.grants.len()).map(|g| {
                p.months
                    .get(i)
                    .and_then(|m| m.grant_balances.get(g))
                    .map(|b| format_usd(*b))
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    Chart {
        id: format!("credits-{}", p.summary.id),
        note: "Credit left on each grant. Dashed verticals mark expiries; a circle marks credit left unused when a grant expires.".into(),
        title: format!("Credits remaining — {}", p.summary.name),
        alt: sentences.join(" "),
        table: DataTable { columns, rows },
        plot: Plot::Lines(LinePlot {
            x_labels,
            series,
            markers,
            rules,
            level: None,
        }),
    }
}

/// Gross cost over the horizon per scenario, split into what credits pay
/// and what is paid in cash.
pub fn gross_split(summaries: &[ScenarioSummary]) -> Chart {
    let credits: Vec<f64> = summaries
        .iter()
        .map(|s| draw_value(s.credits_used))
        .collect();
    let cash: Vec<f64> = summaries
        .iter()
        .map(|s| {
            draw_value(
                s.total_gross
                    .checked_sub(s.credits_used)
                    .unwrap_or(s.total_gross),
            )
        })
        .collect();
    let mut sentences = vec![
        "Gross cost over each scenario's horizon, split into credits applied and cash.".to_string(),
    ];
    let mut rows = Vec::new();
    for s in summaries {
        let cash = s
            .total_gross
            .checked_sub(s.credits_used)
            .unwrap_or(s.total_gross);
        sentences.push(format!(
            "{}: {} gross over {} months, {} paid by credits, {} in cash.",
            s.name,
            format_usd(s.total_gross),
            s.horizon_months,
            format_usd(s.credits_used),
            format_usd(cash)
        ));
        rows.push(vec![
            s.name.clone(),
            s.horizon_months.to_string(),
            format_usd(s.total_gross),
            format_usd(s.credits_used),
            format_usd(cash),
        ]);
    }
    Chart {
        id: "gross-split".into(),
        note: "Gross cost over each scenario's horizon: the light part is paid by credits, the dark part in cash.".into(),
        title: "Gross cost: credits and cash".into(),
        alt: sentences.join(" "),
        table: DataTable {
            columns: ["Scenario", "Months", "Gross", "Credits applied", "Cash"]
                .map(String::from)
                .to_vec(),
            rows,
        },
        plot: Plot::Bars(BarPlot {
            categories: summaries.iter().map(|s| s.name.clone()).collect(),
            parts: vec![
                Series {
                    name: "Credits applied".into(),
                    values: credits,
                },
                Series {
                    name: "Cash".into(),
                    values: cash,
                },
            ],
            notes: summaries.iter().map(|s| format_usd(s.total_gross)).collect(),
            horizontal: true,
        }),
    }
}

/// The workload's monthly cost on each hosting platform.
pub fn platforms(cmp: &PlatformComparison) -> Chart {
    let mut sentences = vec![format!(
        "Monthly cost of the workload on each hosting platform ({}).",
        cmp.scope
    )];
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for p in &cmp.platforms {
        let caveat = if p.not_hosted.is_empty() {
            String::new()
        } else {
            format!(
                " (cannot host {})",
                p.not_hosted
                    .iter()
                    .map(|n| n.item.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        sentences.push(format!(
            "{}: {} a month{caveat}.",
            p.name,
            format_usd(p.monthly_cost)
        ));
        notes.push(format!("{}{caveat}", format_usd(p.monthly_cost)));
        rows.push(vec![
            p.name.clone(),
            format_usd(p.monthly_cost),
            p.setup_time.clone(),
            caveat
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .to_string(),
        ]);
    }
    Chart {
        id: "platforms".into(),
        note: "Monthly cost of this workload on each hosting platform, before credits.".into(),
        title: "Monthly cost by hosting platform".into(),
        alt: sentences.join(" "),
        table: DataTable {
            columns: ["Platform", "Per month", "Setup", "Caveat"]
                .map(String::from)
                .to_vec(),
            rows,
        },
        plot: Plot::Bars(BarPlot {
            categories: cmp.platforms.iter().map(|p| p.name.clone()).collect(),
            parts: vec![Series {
                name: "Per month".into(),
                values: cmp
                    .platforms
                    .iter()
                    .map(|p| draw_value(p.monthly_cost))
                    .collect(),
            }],
            notes,
            horizontal: true,
        }),
    }
}
