//! Tests of the editing session.

use super::*;
use serde_json::json;

fn session() -> (Session, Catalogs) {
    let catalogs = Catalogs::builtin().unwrap();
    (
        Session::new(Project::example().unwrap(), None, true, true),
        catalogs,
    )
}

#[test]
fn a_valid_edit_changes_the_project_and_undo_restores_it() {
    let (mut s, c) = session();
    let before = s.project().clone();
    s.apply(
        Edit::Set {
            path: "credits[0].amount".into(),
            value: json!("1200"),
        },
        &c,
    )
    .unwrap();
    assert_eq!(s.project().credits[0].amount.to_string(), "1200");
    assert!(s.is_dirty());
    assert!(s.title().ends_with(" • — Infra Runway"));
    assert!(s.undo());
    assert_eq!(s.project(), &before);
    assert!(!s.is_dirty());
    assert!(s.redo());
    assert_eq!(s.project().credits[0].amount.to_string(), "1200");
}

#[test]
fn a_bad_edit_names_the_field_and_changes_nothing() {
    let (mut s, c) = session();
    let before = s.project().clone();
    let e = s
        .apply(
            Edit::Set {
                path: "workload.services[0].memory_gb".into(),
                value: json!("-2"),
            },
            &c,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "workload.services[0].memory_gb must be between 0.125 and 256 GB (you entered -2)"
    );
    assert_eq!(s.project(), &before);
    assert!(!s.undo(), "nothing to undo");
    let e = s
        .apply(
            Edit::Set {
                path: "workload.services[0].instances".into(),
                value: json!("two"),
            },
            &c,
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("workload.services[0].instances: invalid type"),
        "{e}"
    );
}

#[test]
fn whole_numbers_typed_as_text_become_numbers() {
    let (mut s, c) = session();
    s.apply(
        Edit::Set {
            path: "workload.services[0].instances".into(),
            value: json!("3"),
        },
        &c,
    )
    .unwrap();
    assert_eq!(s.project().workload.services[0].instances, 3);
}

#[test]
fn rows_are_added_and_removed() {
    let (mut s, c) = session();
    let row = json!({"name": "Frontend", "vcpu": "0.5", "memory_gb": "1"});
    s.apply(
        Edit::Append {
            path: "workload.services".into(),
            value: row,
        },
        &c,
    )
    .unwrap();
    assert_eq!(s.project().workload.services.len(), 7);
    s.apply(
        Edit::Remove {
            path: "workload.services[6]".into(),
        },
        &c,
    )
    .unwrap();
    assert_eq!(s.project().workload.services.len(), 6);
    // Removing an item the scenarios place removes it from them too.
    s.apply(
        Edit::Remove {
            path: "workload.databases[0]".into(),
        },
        &c,
    )
    .unwrap();
    assert!(s.project().scenarios.iter().all(|sc| sc
        .phases
        .iter()
        .all(|p| !p.placements.contains_key("PostgreSQL"))));
}

#[test]
fn a_renamed_item_keeps_its_place_in_the_scenarios() {
    let (mut s, c) = session();
    s.apply(
        Edit::Set {
            path: "workload.databases[0].name".into(),
            value: json!("Main DB"),
        },
        &c,
    )
    .unwrap();
    let hybrid = s
        .project()
        .scenarios
        .iter()
        .find(|x| x.id == "hybrid")
        .unwrap();
    assert_eq!(
        hybrid.phases[0]
            .placements
            .get("Main DB")
            .map(String::as_str),
        Some("supabase")
    );
    assert!(!hybrid.phases[0].placements.contains_key("PostgreSQL"));
}

#[test]
fn maps_left_out_of_the_file_can_be_filled_in() {
    let (mut s, c) = session();
    // The example's scenarios choose no plans, so "plans" is absent.
    s.apply(
        Edit::Set {
            path: "scenarios[0].plans.railway".into(),
            value: json!("pro"),
        },
        &c,
    )
    .unwrap();
    assert_eq!(
        s.project().scenarios[0]
            .plans
            .get("railway")
            .map(String::as_str),
        Some("pro")
    );
    s.apply(
        Edit::Append {
            path: "scenarios[0].growth".into(),
            value: json!({"item": "Egress", "monthly_percent": "5"}),
        },
        &c,
    )
    .unwrap();
    s.apply(
        Edit::Set {
            path: "scenarios[0].growth[0].resources".into(),
            value: json!("true"),
        },
        &c,
    )
    .unwrap();
    assert!(s.project().scenarios[0].growth[0].resources);
}

#[test]
fn templates_get_fresh_ids() {
    let (mut s, c) = session();
    let start: YearMonth = "2026-12".parse().unwrap();
    s.apply(
        Edit::AddTemplate {
            template: "hybrid".into(),
            start,
        },
        &c,
    )
    .unwrap();
    let added = s.project().scenarios.last().unwrap();
    assert_eq!(added.id, "hybrid-2");
    assert_eq!(added.name, "Hybrid on credits (2)");
    assert_eq!(
        added.phases[0]
            .placements
            .get("PostgreSQL")
            .map(String::as_str),
        Some("supabase")
    );
    let v = s.view(&c).unwrap();
    assert_eq!(v.overview.scenarios.scenarios.len(), 5);
}

#[test]
fn a_blank_project_is_valid() {
    let c = Catalogs::builtin().unwrap();
    let s = Session::new(blank_project(), None, true, false);
    assert!(s.project().validate().is_ok());
    assert_eq!(s.view(&c).unwrap().overview.scenarios.scenarios.len(), 0);
    assert_eq!(s.title(), "Untitled project (not saved) — Infra Runway");
}
