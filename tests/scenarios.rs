//! Scenarios over time: golden files for the example's comparison and
//! every scenario's ledger, the seed's 18-month Temporal credit, the
//! version-1 migration, and saves that never lose a file.

use std::process::Command;

use infra_runway::money::Money;
use infra_runway::project::{Project, FORMAT_VERSION};
use infra_runway::projection::Event;
use infra_runway::query;

use crate::support::{catalogs, example};

#[test]
fn example_comparison_golden() {
    let cmp = query::compare(&example(), &catalogs()).expect("compare");
    assert_eq!(cmp.scenarios.len(), 4);
    insta::assert_yaml_snapshot!("example-compare", cmp);
}

#[test]
fn example_ledgers_golden() {
    let project = example();
    for s in &project.scenarios {
        let p = query::ledger(&project, &catalogs(), &s.id).expect("ledger");
        insta::assert_snapshot!(format!("ledger-{}", s.id), infra_runway::csv::ledger(&p));
        insta::assert_yaml_snapshot!(format!("ledger-{}-events", s.id), (&p.events, &p.grants));
    }
}

#[test]
fn hybrid_temporal_credit_lasts_about_18_months_then_a_cliff() {
    let p = query::ledger(&example(), &catalogs(), "hybrid").expect("ledger");
    // $906 at $51.02 a month: 17 full months ($867.34), the last $38.66 in month 18.
    assert!(p.events.contains(&Event::GrantExhausted {
        month: 18,
        grant: "temporal".into()
    }));
    let cliff = p
        .summary
        .cliffs
        .iter()
        .find(|c| c.grant == "temporal")
        .expect("a Temporal cliff");
    assert_eq!(cliff.month, 19);
    assert_eq!(cliff.step_up.to_string(), "51.02");
    // Cash burn steps up by exactly that amount between month 17 and 19.
    let burn = |m: usize| p.months[m - 1].cash_burn.dollars();
    assert_eq!((burn(19) - burn(17)).to_string(), "51.02");
}

#[test]
fn unused_credit_is_reported_as_wasted_at_expiry() {
    let p = query::ledger(&example(), &catalogs(), "hybrid").expect("ledger");
    // Azure credits pay only for Azure OpenAI here: 12 × $82.50 = $990 of $5,000.
    let azure = p.grants.iter().find(|g| g.grant == "azure").expect("azure");
    assert_eq!(azure.used.to_string(), "990.00");
    assert_eq!(azure.wasted.to_string(), "4010.00");
    assert!(p.events.contains(&Event::GrantExpired {
        month: 13,
        grant: "azure".into(),
        wasted: azure.wasted
    }));
}

#[test]
fn runway_counts_the_whole_months_cash_pays_for() {
    let cmp = query::compare(&example(), &catalogs()).expect("compare");
    for s in &cmp.scenarios {
        let p = query::ledger(&example(), &catalogs(), &s.id).expect("ledger");
        let months = s.runway_months.expect("runs out within 36 months");
        // Cash covers month `months` and not the next.
        let paid_until = p.months[months as usize - 1].cash_balance.expect("balance");
        let after = p.months[months as usize].cash_balance.expect("balance");
        assert!(!paid_until.is_negative(), "{}", s.id);
        assert!(after.is_negative(), "{}", s.id);
    }
}

#[test]
fn a_version_1_file_is_migrated() {
    let text = include_str!("data/v1/qlp-v1.json");
    assert!(text.contains("\"format_version\": 1"));
    let p = Project::parse(text).expect("version 1 loads");
    assert_eq!(p.format_version, FORMAT_VERSION);
    assert_eq!(p.workload, example().workload);
    assert!(p.scenarios.is_empty() && p.credits.is_empty());
    // Saved again, it is a current file that loads to the same project.
    let again = Project::parse(&p.to_json().expect("json")).expect("reloads");
    assert_eq!(again, p);
}

#[test]
fn the_example_round_trips_through_its_file() {
    let p = example();
    assert_eq!(Project::parse(&p.to_json().unwrap()).unwrap(), p);
}

fn cli(args: &[&str], fail_write: bool) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_infra-runway"));
    cmd.args(args);
    if fail_write {
        cmd.env("INFRA_RUNWAY_FAIL_WRITE_AFTER", "1");
    }
    let out = cmd.output().expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("infra-runway-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn a_save_that_fails_midway_leaves_the_old_file_intact() {
    let dir = temp_dir("save");
    let path = dir.join("project.json");
    let old = include_str!("data/v1/qlp-v1.json");
    std::fs::write(&path, old).unwrap();
    let (code, stderr) = cli(&["example", path.to_str().unwrap(), "--force"], true);
    assert_eq!(code, 2);
    assert!(stderr.contains("could not be written (simulated failure midway through the write); the previous file, if any, is intact"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    // Without --force an existing project is not replaced.
    let (code, stderr) = cli(&["example", path.to_str().unwrap()], false);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("exists already; pass --force to replace it"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);
    // Without the failure, and with --force, the save replaces it.
    let (code, _) = cli(&["example", path.to_str().unwrap(), "--force"], false);
    assert_eq!(code, 0);
    let saved = Project::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved, example());
}

#[test]
fn an_unreadable_or_newer_file_is_never_overwritten() {
    let dir = temp_dir("keep");
    for (name, text) in [
        ("garbage.json", "not a project"),
        ("newer.json", include_str!("data/bad/newer-version-3.json")),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let (code, stderr) = cli(&["example", path.to_str().unwrap(), "--force"], false);
        assert_eq!(code, 2, "{name}");
        assert!(stderr.contains("is left untouched"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{name}");
    }
}

#[test]
fn compare_json_has_the_contracted_shape() {
    let out = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args(["compare", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["horizon_months"], 36);
    let s = &v["scenarios"][1];
    assert_eq!(s["id"], "hybrid");
    assert!(s["runway_months"].is_number());
    for key in [
        "first_month_cash",
        "total_cash",
        "total_gross",
        "credits_used",
        "credits_wasted",
    ] {
        assert!(s[key].is_string(), "{key} is money as a string");
    }
    let cliff = &s["cliffs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["grant"] == "temporal")
        .unwrap();
    assert_eq!(cliff["month"], 19);
    assert_eq!(cliff["step_up"], "51.02");
    let csv = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args(["compare", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("id,name,horizon_months,runway_months"));
    assert_eq!(text.lines().count(), 5);
}

#[test]
fn money_in_a_ledger_adds_up() {
    let project = example();
    for s in &project.scenarios {
        let p = query::ledger(&project, &catalogs(), &s.id).unwrap();
        let total = Money::sum(p.months.iter().map(|m| m.cash_burn)).unwrap();
        assert_eq!(total, p.summary.total_cash);
    }
}

fn one_scenario(json: &str) -> Project {
    let mut p = example();
    p.scenarios = vec![serde_json::from_str(json).expect("scenario JSON")];
    p.validate_references(&catalogs()).expect("valid scenario");
    p
}

#[test]
fn a_compute_only_grant_pays_only_what_the_plans_credit_leaves() {
    let mut p = one_scenario(
        r#"{"id": "s", "name": "S", "start": "2026-12", "horizon_months": 2,
            "phases": [{"from_month": 1, "default_platform": "off",
                        "placements": {"PostgreSQL": "supabase"}}]}"#,
    );
    p.workload.databases[0].memory_gb = "3".parse().unwrap();
    p.credits.retain(|g| g.id == "supabase");
    p.credits[0].pays_for = vec![infra_runway::costing::LineKind::Compute];
    let l = query::ledger(&p, &catalogs(), "s").unwrap();
    // Medium compute 730 h × 0.0822 = 60.01, less the Pro plan's $10
    // compute credit: the grant pays 50.01; the $25 plan fee stays cash.
    assert_eq!(l.months[0].credits_applied.to_string(), "50.01");
    assert_eq!(l.months[0].gross.to_string(), "75.01");
    assert_eq!(l.months[0].cash_burn.to_string(), "25.00");
}

#[test]
fn usage_grows_month_by_month_compounding() {
    let p = one_scenario(
        r#"{"id": "s", "name": "S", "start": "2026-12", "horizon_months": 3,
            "phases": [{"from_month": 1, "default_platform": "off", "placements": {"Egress": "railway"}}],
            "growth": [{"item": "Egress", "monthly_percent": "10"}]}"#,
    );
    let l = query::ledger(&p, &catalogs(), "s").unwrap();
    // Railway egress at $0.05/GB; the Hobby plan's $5 fee includes $5 of usage.
    // Month 1: 50 GB = $2.50; month 3: 50 × 1.1² = 60.5 GB = $3.025 → $3.03.
    let egress = |m: usize| {
        l.months[m]
            .lines
            .iter()
            .find(|x| &*x.resource == "Egress")
            .unwrap()
            .gross
            .to_string()
    };
    assert_eq!(egress(0), "2.50");
    assert_eq!(egress(1), "2.75");
    assert_eq!(egress(2), "3.03");
}

#[test]
fn one_off_costs_fall_in_their_month() {
    let p = query::ledger(&example(), &catalogs(), "phased").unwrap();
    // Month 2: "Move Postgres to Supabase", 8 h × $100.
    assert_eq!(p.months[1].one_off.to_string(), "800.00");
    assert_eq!(p.months[0].one_off.to_string(), "0");
    assert_eq!(
        p.months[1].cash_burn.dollars() - p.months[2].cash_burn.dollars(),
        "800".parse().unwrap()
    );
}

#[test]
fn ledger_csv_escapes_formula_names() {
    let dir = temp_dir("csv");
    let mut p = example();
    p.workload.services[0].name = "=HYPERLINK(\"http://x\")".into();
    for s in &mut p.scenarios {
        s.phases[0].placements.clear();
        if s.phases.len() > 1 {
            s.phases.truncate(1);
        }
    }
    let path = dir.join("p.json");
    std::fs::write(&path, p.to_json().unwrap()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args([
            "ledger",
            path.to_str().unwrap(),
            "--scenario",
            "railway-only",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",vCPU,"),
        "{text}"
    );
    assert!(!text.contains(",=HYPERLINK"));
}

#[cfg(unix)]
#[test]
fn a_link_or_a_folder_is_never_replaced() {
    let dir = temp_dir("link");
    let target = dir.join("real.json");
    std::fs::write(&target, include_str!("data/v1/qlp-v1.json")).unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, stderr) = cli(&["example", link.to_str().unwrap(), "--force"], false);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a link"), "{stderr}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let (code, stderr) = cli(&["example", dir.to_str().unwrap(), "--force"], false);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not a file"), "{stderr}");
}

#[test]
fn the_fast_comparison_agrees_with_the_full_ledgers() {
    let project = example();
    let cmp = query::compare(&project, &catalogs()).unwrap();
    for summary in &cmp.scenarios {
        let full = query::ledger(&project, &catalogs(), &summary.id).unwrap();
        assert_eq!(&full.summary, summary);
    }
}

#[test]
fn instances_grow_by_rounding_to_the_nearest_whole_instance() {
    let p = one_scenario(
        r#"{"id": "s", "name": "S", "start": "2026-12", "horizon_months": 12,
            "phases": [{"from_month": 1, "default_platform": "off", "placements": {"Orchestrator": "railway"}}],
            "growth": [{"item": "Orchestrator", "monthly_percent": "10", "resources": true}]}"#,
    );
    let l = query::ledger(&p, &catalogs(), "s").unwrap();
    // 1 × 1.1^(m−1) instances, rounded to the nearest: month 2 is 1.1 → 1,
    // month 5 is 1.4641 → 1, month 6 is 1.61051 → 2 (not 2 from month 2 on).
    let orchestrator = |m: usize| -> rust_decimal::Decimal {
        l.months[m]
            .lines
            .iter()
            .filter(|x| x.item.as_deref() == Some("Orchestrator"))
            .map(|x| x.gross.dollars())
            .sum()
    };
    assert_eq!(orchestrator(1).to_string(), "19.98");
    assert_eq!(orchestrator(4).to_string(), "19.98");
    assert_eq!(orchestrator(5).to_string(), "39.96");
}
