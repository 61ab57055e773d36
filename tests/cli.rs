//! The CLI contract scripts rely on.

use std::process::Command;

/// Runs the CLI, asserts success, returns its standard output.
fn text(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_infra-runway"))
        .args(args)
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Runs the CLI and parses its JSON output.
fn run(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&text(args)).expect("JSON output")
}

#[test]
fn costs_json_for_railway_seed_prices_totals_214_79() {
    let v = run(&[
        "costs",
        "--platform",
        "railway",
        "--catalog",
        "railway-2025-seed",
        "--format",
        "json",
    ]);
    assert_eq!(v["total"], "214.79");
    assert_eq!(v["catalog"], "railway-2025-seed");
    assert_eq!(v["billing_month"]["id"], "30d");
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 19);
    for item in items {
        let amount = item["amount"].as_str().expect("money is a string");
        let (_, cents) = amount.split_once('.').expect("two decimals");
        assert_eq!(cents.len(), 2, "{amount}");
    }
}

#[test]
fn costs_json_for_all_platforms_lists_each() {
    let v = run(&["costs", "--format", "json"]);
    let platforms: Vec<&str> = v["platforms"]
        .as_array()
        .expect("platforms")
        .iter()
        .map(|p| p["platform"].as_str().unwrap())
        .collect();
    assert_eq!(platforms.len(), 9);
    assert_eq!(platforms[0], "railway");
}

#[test]
fn costs_reads_a_project_file() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/qlp.json");
    let v = run(&["costs", example, "--platform", "render", "--format", "json"]);
    assert_eq!(v["total"], "201.00");
}

#[test]
fn costs_table_shows_lines_and_total() {
    let t = text(&[
        "costs",
        "--platform",
        "railway",
        "--catalog",
        "railway-2025-seed",
    ]);
    assert!(t.contains("Orchestrator       vCPU"), "{t}");
    assert!(
        t.contains("Total a month: $214.79 (30-day month (720 h))"),
        "{t}"
    );
}

#[test]
fn platforms_compares_cost_setup_and_devops() {
    let v = run(&["platforms", "--format", "json"]);
    let rows = v["platforms"].as_array().expect("rows");
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Railway",
            "Render",
            "Heroku",
            "AWS ECS (Fargate)",
            "Azure AKS"
        ]
    );
    assert_eq!(rows[0]["monthly_cost"], "212.29");
    assert_eq!(rows[0]["setup_time"], "30 minutes");
    assert_eq!(rows[0]["devops_effort"], "none");
    assert_eq!(rows[4]["setup_time"], "2-3 days");
    assert_eq!(rows[4]["devops_effort"], "high");
    let t = text(&["platforms"]);
    assert!(t.contains("Railway"), "{t}");
    assert!(t.contains("$212.29"), "{t}");
}

#[test]
fn catalogs_lists_dates() {
    let t = text(&["catalogs"]);
    assert!(t.contains("railway-2025-seed"));
    assert!(t.contains("2026-08-07"));
    let v = run(&["catalogs", "--format", "json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(10));
}
