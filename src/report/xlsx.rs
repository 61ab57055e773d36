//! The workbook for a founder's spreadsheets: a summary sheet, then one
//! sheet per scenario with its monthly totals and every ledger line.
//! Money is written as numbers in a currency format; every total is the
//! core's own figure, not a spreadsheet formula.

use std::collections::BTreeSet;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::ReportData;
use crate::catalog::Catalogs;
use crate::date::Date;
use crate::error::CostError;
use crate::money::Money;
use crate::project::Project;

const MONEY: &str = "$#,##0.00;-$#,##0.00";

fn failed(e: XlsxError) -> CostError {
    CostError::Report {
        why: format!("the workbook could not be written ({e})"),
    }
}

/// A cell's number: cents are exact in a double for any amount a
/// spreadsheet shows.
fn number(m: Money) -> f64 {
    m.round_cents().dollars().to_f64().unwrap_or(0.0)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique in the workbook (case-insensitively).
pub fn sheet_name(name: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base: String = if clean.is_empty() {
        "Scenario".into()
    } else {
        clean
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = 31 - suffix.chars().count();
        let candidate: String = base.chars().take(keep).collect::<String>() + &suffix;
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

struct Formats {
    bold: Format,
    money: Format,
    money_bold: Format,
    header: Format,
}

fn formats() -> Formats {
    Formats {
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format(MONEY),
        money_bold: Format::new().set_num_format(MONEY).set_bold(),
        header: Format::new()
            .set_bold()
            .set_background_color("F3F5F8")
            .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
    }
}

fn headers(ws: &mut Worksheet, row: u32, titles: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *t, &f.header)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub fn xlsx(project: &Project, catalogs: &Catalogs, date: Date) -> Result<Vec<u8>, CostError> {
    let data = ReportData::gather(project, catalogs)?;
    xlsx_of(&data, date)
}

/// The workbook of data already gathered.
pub fn xlsx_of(data: &ReportData<'_>, date: Date) -> Result<Vec<u8>, CostError> {
    let f = formats();
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(date.year(), date.month(), date.day()).map_err(failed)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} — infrastructure budget and runway",
                data.project.name
            ))
            .set_creation_datetime(&created),
    );
    let mut taken = BTreeSet::new();
    taken.insert("summary".to_string());

    let ws = wb.add_worksheet();
    ws.set_name("Summary").map_err(failed)?;
    (|| -> Result<(), XlsxError> {
        ws.write_string_with_format(0, 0, &data.project.name, &f.bold)?;
        ws.write_string(
            1,
            0,
            format!("Infrastructure budget and runway, prepared {date}"),
        )?;
        if let Some(c) = data.project.cash.in_bank {
            ws.write_string(2, 0, "Cash in bank")?;
            ws.write_number_with_format(2, 1, number(c), &f.money)?;
        }
        let titles = [
            "Scenario",
            "Months",
            "Runway (months)",
            "Runway",
            "Month 1 cash",
            "12-month cash",
            "Average cash",
            "Total cash",
            "Total gross",
            "Credits used",
            "Credits wasted",
        ];
        headers(ws, 4, &titles, &f)?;
        for (i, p) in data.projections.iter().enumerate() {
            let row = 5 + i as u32;
            let s = &p.summary;
            ws.write_string(row, 0, &s.name)?;
            ws.write_number(row, 1, s.horizon_months)?;
            if let Some(m) = s.runway_months {
                ws.write_number(row, 2, m)?;
            }
            ws.write_string(row, 3, &s.runway)?;
            let twelve = ReportData::twelve_month_cash(p).unwrap_or(Money::ZERO);
            for (c, m) in [
                s.first_month_cash,
                twelve,
                s.average_cash,
                s.total_cash,
                s.total_gross,
                s.credits_used,
                s.credits_wasted,
            ]
            .into_iter()
            .enumerate()
            {
                ws.write_number_with_format(row, 4 + c as u16, number(m), &f.money)?;
            }
        }
        ws.set_column_width(0, 34)?;
        ws.set_column_width(3, 30)?;
        for c in 4..=10u16 {
            ws.set_column_width(c, 15)?;
        }
        ws.set_freeze_panes(5, 1)?;
        Ok(())
    })()
    .map_err(failed)?;

    for p in &data.projections {
        let name = sheet_name(&p.summary.name, &mut taken);
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(failed)?;
        (|| -> Result<(), XlsxError> {
            ws.write_string_with_format(0, 0, &p.summary.name, &f.bold)?;
            ws.write_string(1, 0, format!("Runway: {}", p.summary.runway))?;
            let titles = [
                "Month",
                "Calendar",
                "Gross",
                "Credits applied",
                "One-off",
                "Cash burn",
                "Other burn",
                "Cumulative cash burn",
                "Cash in bank",
            ];
            headers(ws, 3, &titles, &f)?;
            let mut row = 4u32;
            for m in &p.months {
                ws.write_number(row, 0, m.month)?;
                ws.write_string(row, 1, m.calendar.to_string())?;
                for (c, v) in [
                    m.gross,
                    m.credits_applied,
                    m.one_off,
                    m.cash_burn,
                    m.other_burn,
                    m.cumulative_cash_burn,
                ]
                .into_iter()
                .enumerate()
                {
                    ws.write_number_with_format(row, 2 + c as u16, number(v), &f.money)?;
                }
                if let Some(b) = m.cash_balance {
                    ws.write_number_with_format(row, 8, number(b), &f.money)?;
                }
                row += 1;
            }
            let one_off = Money::sum(p.months.iter().map(|m| m.one_off)).unwrap_or(Money::ZERO);
            ws.write_string_with_format(row, 0, "Total", &f.bold)?;
            for (c, v) in [
                p.summary.total_gross,
                p.summary.credits_used,
                one_off,
                p.summary.total_cash,
            ]
            .into_iter()
            .enumerate()
            {
                ws.write_number_with_format(row, 2 + c as u16, number(v), &f.money_bold)?;
            }
            row += 3;
            ws.write_string_with_format(row, 0, "Ledger lines", &f.bold)?;
            row += 1;
            headers(
                ws,
                row,
                &[
                    "Month", "Calendar", "Platform", "Item", "Resource", "Kind", "Gross",
                    "Credits", "Cash", "Paid by",
                ],
                &f,
            )?;
            row += 1;
            for m in &p.months {
                for line in &m.lines {
                    let credits =
                        Money::sum(line.credits.iter().map(|c| c.amount)).unwrap_or(Money::ZERO);
                    ws.write_number(row, 0, m.month)?;
                    ws.write_string(row, 1, m.calendar.to_string())?;
                    ws.write_string(row, 2, line.platform.as_ref())?;
                    ws.write_string(row, 3, line.item.as_deref().unwrap_or(""))?;
                    ws.write_string(row, 4, line.resource.as_ref())?;
                    ws.write_string(row, 5, line.kind.as_str())?;
                    ws.write_number_with_format(row, 6, number(line.gross), &f.money)?;
                    ws.write_number_with_format(row, 7, number(credits), &f.money)?;
                    ws.write_number_with_format(row, 8, number(line.cash), &f.money)?;
                    let by: Vec<String> = line
                        .credits
                        .iter()
                        .map(|c| format!("{} {}", c.grant, c.amount))
                        .collect();
                    ws.write_string(row, 9, by.join("; "))?;
                    row += 1;
                }
                for o in &m.one_offs {
                    ws.write_number(row, 0, m.month)?;
                    ws.write_string(row, 1, m.calendar.to_string())?;
                    ws.write_string(row, 4, &o.description)?;
                    ws.write_string(row, 5, "one_off")?;
                    ws.write_number_with_format(row, 6, number(o.amount), &f.money)?;
                    ws.write_number_with_format(row, 7, 0.0, &f.money)?;
                    ws.write_number_with_format(row, 8, number(o.amount), &f.money)?;
                    row += 1;
                }
            }
            ws.set_column_width(1, 10)?;
            ws.set_column_width(2, 14)?;
            ws.set_column_width(3, 16)?;
            ws.set_column_width(4, 24)?;
            for c in 5..=8u16 {
                ws.set_column_width(c, 15)?;
            }
            ws.set_column_width(9, 30)?;
            ws.set_freeze_panes(4, 2)?;
            Ok(())
        })()
        .map_err(failed)?;
    }
    wb.save_to_buffer().map_err(failed)
}
