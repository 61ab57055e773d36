//! The investor report, the workbook and the CSV export, read back: the
//! PDF's text through pdftotext, its pages through pdftoppm, the XLSX
//! through calamine; chart SVGs as golden files; bad input at every edge.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use infra_runway::chart::{self, Theme};
use infra_runway::date::Date;
use infra_runway::money::{format_usd, Money};
use infra_runway::project::Project;
use infra_runway::query;
use infra_runway::report::{self, Paper, ReportData, ReportOptions};
use rust_decimal::Decimal;

use crate::support::{catalogs, example};

fn options(paper: Paper) -> ReportOptions {
    ReportOptions {
        date: Date::new(2026, 12, 4).expect("a date"),
        paper,
        ledgers: true,
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("infra-runway-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs a poppler tool; the tests need poppler-utils (`make test` installs it).
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils; `make test` does): {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text in content order (a wrapped cell's lines stay together).
fn pdf_text(path: &Path) -> String {
    poppler("pdftotext", &["-raw", path.to_str().unwrap(), "-"])
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn page_count(path: &Path) -> usize {
    poppler("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

/// Every page rendered to greyscale at low resolution: none is blank.
fn assert_pages_not_blank(path: &Path, dir: &Path) {
    let prefix = dir.join("page");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "30",
            "-gray",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), page_count(path), "one image per page");
    for p in &pages {
        let bytes = std::fs::read(p).unwrap();
        // PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
        let mut fields = 0;
        let mut at = 0;
        while fields < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields += 1;
        }
        let pixels = &bytes[at + 1..];
        let dark = pixels.iter().filter(|&&v| v < 160).count();
        assert!(
            dark * 1000 > pixels.len(),
            "{} is (nearly) blank: {dark} dark pixels of {}",
            p.display(),
            pixels.len()
        );
    }
}

#[test]
fn the_report_reads_back_with_title_runways_first_month_cash_and_every_source() {
    let project = example();
    let catalogs = catalogs();
    let dir = temp_dir("text");
    let path = dir.join("report.pdf");
    let bytes = report::pdf(&project, &catalogs, options(Paper::A4)).expect("report");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    assert!(
        bytes.len() < 1024 * 1024,
        "under 1 MB: {} bytes",
        bytes.len()
    );
    std::fs::write(&path, &bytes).unwrap();
    let text = pdf_text(&path);
    let flat = squeeze(&text);
    assert!(text.contains("Infrastructure budget and runway"), "{text}");
    assert!(text.contains(&project.name));
    assert!(text.contains("Prepared 2026-12-04"));
    for section in [
        "Executive summary",
        "Main risk",
        "Scenarios side by side",
        "Monthly cash burn",
        "Runway and credits",
        "Credit events",
        "Assumptions",
        "Appendix A — Prices used",
        "Appendix B — Ledgers",
        "Appendix C — Definitions",
    ] {
        assert!(text.contains(section), "section {section} is in the report");
    }
    let cmp = query::compare(&project, &catalogs).expect("compare");
    for s in &cmp.scenarios {
        assert!(flat.contains(&squeeze(&s.name)), "{}", s.name);
        assert!(
            text.contains(&s.runway),
            "runway {} of {}",
            s.runway,
            s.name
        );
        assert!(
            text.contains(&format_usd(s.first_month_cash)),
            "first-month cash {} of {}",
            s.first_month_cash,
            s.name
        );
    }
    // The executive summary's recommendation names the longest runway.
    assert!(
        text.contains("Recommendation: Hybrid on credits — runway 30 months"),
        "{text}"
    );
    // Every source of every catalog the report uses, with its date.
    for c in catalogs.current_all() {
        assert!(text.contains(&c.as_of.to_string()), "{}", c.id);
        for (key, src) in &c.sources {
            assert!(
                flat.contains(&squeeze(&src.url)),
                "source {key} of {}: {}",
                c.id,
                src.url
            );
        }
    }
    assert!(text.contains("UNCERTAIN"), "uncertain prices are flagged");
    // A catalog older than 180 days is flagged on the cover and in Appendix A.
    assert!(
        text.contains("supabase-2025-08 (as of 2025-08-19; 472 days old)"),
        "{text}"
    );
    // Every page is numbered "Page n of N".
    let n = page_count(&path);
    assert!(n >= 10, "{n} pages");
    for i in 1..=n {
        assert!(
            text.contains(&format!("Page {i} of {n}")),
            "page {i} of {n}"
        );
    }
    assert_pages_not_blank(&path, &dir);
}

#[test]
fn a4_and_letter_pages_have_their_sizes() {
    let dir = temp_dir("paper");
    for (paper, size) in [
        (Paper::A4, "595.28 x 841.89 pts (A4)"),
        (Paper::Letter, "612 x 792 pts (letter)"),
    ] {
        let path = dir.join("r.pdf");
        let bytes = report::pdf(&example(), &catalogs(), options(paper)).expect("report");
        std::fs::write(&path, &bytes).unwrap();
        let info = poppler("pdfinfo", &[path.to_str().unwrap()]);
        assert!(info.contains(size), "{info}");
    }
}

#[test]
fn the_same_project_and_date_give_the_same_file() {
    let a = report::pdf(&example(), &catalogs(), options(Paper::A4)).unwrap();
    let b = report::pdf(&example(), &catalogs(), options(Paper::A4)).unwrap();
    assert!(a == b, "the report depends on its inputs only");
}

/// Ten scenarios of 120 months each.
fn big_project() -> Project {
    let mut p = example();
    let base = p.scenarios.clone();
    p.scenarios.clear();
    for i in 0..10 {
        let mut s = base[i % base.len()].clone();
        s.id = format!("s{i}");
        s.name = format!("Scenario {i}: {}", s.name);
        s.horizon_months = 120;
        p.scenarios.push(s);
    }
    p.validate().expect("the big project is valid");
    p
}

#[test]
fn ten_scenarios_of_120_months_make_a_complete_readable_report() {
    let project = big_project();
    let dir = temp_dir("big");
    let path = dir.join("big.pdf");
    let bytes = report::pdf(&project, &catalogs(), options(Paper::Letter)).expect("report");
    std::fs::write(&path, &bytes).unwrap();
    let text = pdf_text(&path);
    let n = page_count(&path);
    for s in &project.scenarios {
        assert!(squeeze(&text).contains(&squeeze(&s.name)), "{}", s.name);
    }
    // Every ledger runs to month 120 and its total.
    assert_eq!(
        text.matches("\n120 2036-11 ").count(),
        10,
        "each ledger's last month"
    );
    assert!(text.contains(&format!("Page {n} of {n}")));
    assert!(text.trim_end().ends_with(&format!("Page {n} of {n}")) || text.contains("Appendix C"));
    assert_pages_not_blank(&path, &dir);
    // And the workbook holds every month of every scenario.
    let xlsx = report::xlsx(&project, &catalogs(), options(Paper::A4).date).expect("xlsx");
    let book: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("readable workbook");
    assert_eq!(book.sheet_names().len(), 11);
}

fn money(cell: Option<&Data>) -> Money {
    match cell {
        Some(Data::Float(f)) => {
            Money::new(Decimal::try_from(*f).expect("a finite number").round_dp(2))
        }
        Some(Data::Int(i)) => Money::new(Decimal::from(*i)),
        other => panic!("a money cell, got {other:?}"),
    }
}

#[test]
fn the_workbook_read_back_equals_the_ledger_to_the_cent() {
    let project = example();
    let catalogs = catalogs();
    let bytes = report::xlsx(&project, &catalogs, options(Paper::A4).date).expect("xlsx");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("readable workbook");
    let names = book.sheet_names().to_vec();
    assert_eq!(names[0], "Summary");
    assert_eq!(names.len(), 1 + project.scenarios.len());
    let summary = book.worksheet_range("Summary").expect("summary sheet");
    for (i, s) in project.scenarios.iter().enumerate() {
        let p = query::ledger(&project, &catalogs, &s.id).expect("ledger");
        let row = 5 + i as u32;
        assert_eq!(
            summary.get_value((row, 0)),
            Some(&Data::String(s.name.clone()))
        );
        assert_eq!(
            money(summary.get_value((row, 4))),
            p.summary.first_month_cash
        );
        assert_eq!(
            money(summary.get_value((row, 5))),
            ReportData::twelve_month_cash(&p).unwrap()
        );
        assert_eq!(money(summary.get_value((row, 7))), p.summary.total_cash);
        assert_eq!(money(summary.get_value((row, 8))), p.summary.total_gross);
        assert_eq!(money(summary.get_value((row, 9))), p.summary.credits_used);
        assert_eq!(
            money(summary.get_value((row, 10))),
            p.summary.credits_wasted
        );

        let sheet = book.worksheet_range(&names[1 + i]).expect("scenario sheet");
        for (k, m) in p.months.iter().enumerate() {
            let r = 4 + k as u32;
            assert_eq!(
                money(sheet.get_value((r, 2))),
                m.gross,
                "{} month {}",
                s.id,
                m.month
            );
            assert_eq!(money(sheet.get_value((r, 3))), m.credits_applied);
            assert_eq!(money(sheet.get_value((r, 5))), m.cash_burn);
            assert_eq!(money(sheet.get_value((r, 7))), m.cumulative_cash_burn);
            if let Some(b) = m.cash_balance {
                assert_eq!(money(sheet.get_value((r, 8))), b);
            }
        }
        let total = 4 + p.months.len() as u32;
        assert_eq!(
            sheet.get_value((total, 0)),
            Some(&Data::String("Total".into()))
        );
        assert_eq!(money(sheet.get_value((total, 5))), p.summary.total_cash);
        // Then every ledger line, in order.
        let mut r = total + 5;
        for m in &p.months {
            for line in &m.lines {
                assert_eq!(money(sheet.get_value((r, 6))), line.gross, "line row {r}");
                assert_eq!(money(sheet.get_value((r, 8))), line.cash, "line row {r}");
                assert_eq!(
                    sheet.get_value((r, 4)),
                    Some(&Data::String(line.resource.to_string()))
                );
                r += 1;
            }
            r += m.one_offs.len() as u32;
        }
    }
}

#[test]
fn sheet_names_are_valid_and_unique() {
    let mut taken = std::collections::BTreeSet::new();
    taken.insert("summary".to_string());
    let a = report::sheet_name("Dev on Railway: prod on Azure [credits] / v2", &mut taken);
    assert_eq!(a, "Dev on Railway- prod on Azure -");
    assert!(a.chars().count() <= 31);
    let b = report::sheet_name("Dev on Railway: prod on Azure [credits] / v2", &mut taken);
    assert_eq!(b, "Dev on Railway- prod on Azu (2)");
    assert_eq!(report::sheet_name("Summary", &mut taken), "Summary (2)");
    assert_eq!(report::sheet_name("  ", &mut taken), "Scenario");
}

#[test]
fn chart_svgs_golden() {
    let project = example();
    let catalogs = catalogs();
    let data = ReportData::gather(&project, &catalogs).expect("data");
    let charts = data.charts();
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cash-burn",
            "cumulative-cash",
            "gross-split",
            "platforms",
            "credits-railway-only",
            "credits-hybrid",
            "credits-dev-railway-prod-azure",
            "credits-phased"
        ]
    );
    for c in &charts {
        let svg = chart::svg(c, Theme::Light).expect("svg");
        assert!(svg.starts_with("<svg"), "{}", c.id);
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{}", c.id);
        insta::assert_snapshot!(format!("chart-{}", c.id), svg);
        insta::assert_yaml_snapshot!(format!("chart-{}-table", c.id), (&c.alt, &c.table));
        // The dark variant draws the same shapes in other colours.
        let dark = chart::svg(c, Theme::Dark).expect("svg");
        assert_eq!(
            dark.matches("<text").count(),
            svg.matches("<text").count(),
            "{}",
            c.id
        );
        // The PDF's recording holds the same texts.
        let scene = chart::scene(c).expect("scene");
        let texts = scene
            .shapes
            .iter()
            .filter(|s| matches!(s, chart::Shape::Text { text, .. } if !text.is_empty()))
            .count();
        assert_eq!(texts, svg.matches("<text").count(), "{}", c.id);
    }
}

#[test]
fn charts_of_a_project_without_scenarios_or_credits_still_draw() {
    let mut p = example();
    p.scenarios.clear();
    p.credits.clear();
    let catalogs = catalogs();
    let data = ReportData::gather(&p, &catalogs).expect("data");
    for c in data.charts() {
        chart::svg(&c, Theme::Light).expect("svg");
    }
    let bytes = report::pdf(&p, &catalogs, options(Paper::A4)).expect("report");
    let dir = temp_dir("empty");
    let path = dir.join("empty.pdf");
    std::fs::write(&path, &bytes).unwrap();
    assert!(pdf_text(&path).contains("No scenario has been set up yet"));
}

fn cli(args: &[&str], fail_midway: bool) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_infra-runway"));
    cmd.args(args);
    if fail_midway {
        cmd.env("INFRA_RUNWAY_FAIL_WRITE_AFTER", "1");
    }
    let out = cmd.output().expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_report_and_exports_write_their_files() {
    let dir = temp_dir("cli");
    let pdf = dir.join("report.pdf");
    let (code, out, err) = cli(
        &["report", "-o", pdf.to_str().unwrap(), "--paper", "letter"],
        false,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("wrote the report to"), "{out}");
    assert!(pdf_text(&pdf).contains("Infrastructure budget and runway"));

    let xlsx = dir.join("numbers.xlsx");
    let (code, _, err) = cli(
        &["export", "--format", "xlsx", "-o", xlsx.to_str().unwrap()],
        false,
    );
    assert_eq!(code, 0, "{err}");
    let book: Xlsx<_> = Xlsx::new(Cursor::new(std::fs::read(&xlsx).unwrap())).expect("workbook");
    assert_eq!(book.sheet_names().len(), 5);

    let csv = dir.join("csv");
    let (code, out, err) = cli(
        &["export", "--format", "csv", "-o", csv.to_str().unwrap()],
        false,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 5, "{out}");
    let comparison = std::fs::read_to_string(csv.join("comparison.csv")).unwrap();
    assert!(comparison.starts_with("id,name,horizon_months,runway_months"));
    let hybrid = std::fs::read_to_string(csv.join("ledger-hybrid.csv")).unwrap();
    let p = query::ledger(&example(), &catalogs(), "hybrid").unwrap();
    assert_eq!(hybrid, infra_runway::csv::ledger(&p));
}

#[test]
fn bad_output_paths_and_projects_give_one_clear_line_and_no_file() {
    let dir = temp_dir("bad");
    let missing = dir.join("no-such-folder").join("r.pdf");
    let (code, _, err) = cli(&["report", "-o", missing.to_str().unwrap()], false);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    // A folder is not replaced.
    let (code, _, err) = cli(&["report", "-o", dir.to_str().unwrap()], false);
    assert_eq!(code, 2);
    assert!(err.contains("is a folder"), "{err}");

    // A project file is never overwritten by an export.
    let project = dir.join("project.json");
    let text = example().to_json().unwrap();
    std::fs::write(&project, &text).unwrap();
    let (code, _, err) = cli(
        &[
            "export",
            "--format",
            "xlsx",
            "-o",
            project.to_str().unwrap(),
        ],
        false,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is a project file; it is left untouched"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), text);

    // A project that fails validation: the field and the range, no file.
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        text.replacen("\"horizon_months\": 36", "\"horizon_months\": 0", 1),
    )
    .unwrap();
    let out = dir.join("bad.pdf");
    let (code, _, err) = cli(
        &["report", bad.to_str().unwrap(), "-o", out.to_str().unwrap()],
        false,
    );
    assert_eq!(code, 2);
    assert!(err.contains("horizon_months"), "{err}");
    assert!(!out.exists(), "no report for an invalid project");

    // A write that fails midway leaves the previous report whole.
    let pdf = dir.join("keep.pdf");
    assert_eq!(cli(&["report", "-o", pdf.to_str().unwrap()], false).0, 0);
    let before = std::fs::read(&pdf).unwrap();
    let (code, _, err) = cli(
        &["report", "-o", pdf.to_str().unwrap(), "--paper", "letter"],
        true,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("the previous file, if any, is intact"),
        "{err}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before);

    // CSV into a file that exists is refused: CSV export writes a folder.
    let (code, _, err) = cli(
        &["export", "--format", "csv", "-o", pdf.to_str().unwrap()],
        false,
    );
    assert_eq!(code, 2);
    assert!(err.contains("name a folder"), "{err}");
}

#[test]
fn hostile_and_unusual_names_are_escaped_and_drawn() {
    let mut p = example();
    p.name = "Acme <script>alert(1)</script> & Söhne — 東京 🚀".into();
    p.scenarios[0].name = "=HYPERLINK(\"x\") <b>bold</b> & a name far too long to fit on one line of any table in the report".into();
    p.validate().expect("valid");
    let catalogs = catalogs();
    let data = ReportData::gather(&p, &catalogs).expect("data");
    for c in data.charts() {
        let svg = chart::svg(&c, Theme::Dark).expect("svg");
        assert!(
            !svg.contains("<b>") && !svg.contains("<script"),
            "{}: names are escaped",
            c.id
        );
    }
    let dir = temp_dir("names");
    let path = dir.join("names.pdf");
    std::fs::write(
        &path,
        report::pdf(&p, &catalogs, options(Paper::A4)).expect("report"),
    )
    .unwrap();
    let text = pdf_text(&path);
    // Characters the font lacks become "?", the rest is kept.
    assert!(
        text.contains("Acme <script>alert(1)</script> & Söhne — ?? ?"),
        "{text}"
    );
    let xlsx = report::xlsx(&p, &catalogs, options(Paper::A4).date).expect("xlsx");
    let book: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("workbook");
    assert_eq!(book.sheet_names()[1], "=HYPERLINK(\"x\") <b>bold<-b> & a");
}

#[test]
fn the_same_project_and_date_give_the_same_workbook() {
    let date = options(Paper::A4).date;
    let a = report::xlsx(&example(), &catalogs(), date).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = report::xlsx(&example(), &catalogs(), date).unwrap();
    assert!(a == b, "the workbook depends on its inputs only");
}
