//! CSV text for spreadsheets, with formula injection escaped: a cell that
//! begins with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
//! shows it as text. Amounts are written by the caller as plain decimals
//! (a negative amount is a number, not a formula, and is left alone).

use crate::projection::{Projection, ScenarioSummary};

/// One CSV cell: quoted when needed, formula-like text escaped.
pub fn cell(text: &str) -> String {
    let escaped = match text.chars().next() {
        Some('=' | '+' | '@') => format!("'{text}"),
        Some('-') if text.parse::<rust_decimal::Decimal>().is_err() => format!("'{text}"),
        _ => text.to_string(),
    };
    if escaped.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", escaped.replace('"', "\"\""))
    } else {
        escaped
    }
}

fn row(cells: &[String]) -> String {
    let mut out = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// The comparison: one row per scenario.
pub fn comparison(scenarios: &[ScenarioSummary]) -> String {
    let mut out = row(&[
        "id",
        "name",
        "horizon_months",
        "runway_months",
        "runway",
        "first_month_cash",
        "average_cash",
        "total_cash",
        "total_gross",
        "credits_used",
        "credits_wasted",
        "cliffs",
    ]
    .map(String::from));
    for s in scenarios {
        let cliffs = s
            .cliffs
            .iter()
            .map(|c| format!("month {}: {} +{}", c.month, c.grant, c.step_up))
            .collect::<Vec<_>>()
            .join("; ");
        out.push_str(&row(&[
            s.id.clone(),
            s.name.clone(),
            s.horizon_months.to_string(),
            s.runway_months.map(|m| m.to_string()).unwrap_or_default(),
            s.runway.clone(),
            s.first_month_cash.to_string(),
            s.average_cash.to_string(),
            s.total_cash.to_string(),
            s.total_gross.to_string(),
            s.credits_used.to_string(),
            s.credits_wasted.to_string(),
            cliffs,
        ]));
    }
    out
}

/// The ledger: one row per month and line, then the month's one-off costs.
pub fn ledger(p: &Projection) -> String {
    let mut out = row(&[
        "month",
        "calendar",
        "platform",
        "item",
        "resource",
        "kind",
        "gross",
        "credits",
        "credit_detail",
        "cash",
    ]
    .map(String::from));
    for m in &p.months {
        for l in &m.lines {
            let credits: rust_decimal::Decimal = l.credits.iter().map(|c| c.amount.dollars()).sum();
            let detail = l
                .credits
                .iter()
                .map(|c| format!("{} {}", c.grant, c.amount))
                .collect::<Vec<_>>()
                .join("; ");
            out.push_str(&row(&[
                m.month.to_string(),
                m.calendar.to_string(),
                l.platform.to_string(),
                l.item.as_deref().unwrap_or_default().to_string(),
                l.resource.to_string(),
                l.kind.as_str().to_string(),
                l.gross.to_string(),
                crate::money::Money::new(credits).round_cents().to_string(),
                detail,
                l.cash.to_string(),
            ]));
        }
        for o in &m.one_offs {
            out.push_str(&row(&[
                m.month.to_string(),
                m.calendar.to_string(),
                String::new(),
                String::new(),
                o.description.clone(),
                "one_off".into(),
                o.amount.to_string(),
                "0.00".into(),
                String::new(),
                o.amount.to_string(),
            ]));
        }
    }
    out
}

/// The CSV export of a project: `comparison.csv`, then one
/// `ledger-<scenario id>.csv` per scenario, as (file name, text).
pub fn export_files(
    project: &crate::project::Project,
    catalogs: &crate::catalog::Catalogs,
) -> Result<Vec<(String, String)>, crate::error::CostError> {
    let data = crate::report::ReportData::gather(project, catalogs)?;
    let summaries: Vec<ScenarioSummary> =
        data.projections.iter().map(|p| p.summary.clone()).collect();
    let mut files = vec![("comparison.csv".to_string(), comparison(&summaries))];
    let mut taken = std::collections::BTreeSet::new();
    for p in &data.projections {
        files.push((file_name(&p.summary.id, &mut taken), ledger(p)));
    }
    Ok(files)
}

/// `ledger-<id>.csv` with only letters, digits, `-` and `_` from the id (a
/// scenario id never names a folder), unique among the files.
fn file_name(id: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let stem: String = id
        .chars()
        .take(60)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("ledger-{stem}.csv")
        } else {
            format!("ledger-{stem}-{n}.csv")
        };
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn escapes_formulas_and_quotes() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-cmd"), "'-cmd");
        assert_eq!(cell("-5.00"), "-5.00");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("plain"), "plain");
    }
}
