//! The built-in catalogs load, every price is sourced and dated, and a
//! broken catalog is refused with the field named.

use infra_runway::catalog::{Catalogs, BUILTIN};

use crate::support::catalogs;

#[test]
fn every_builtin_catalog_loads_and_every_price_is_sourced() {
    let catalogs = catalogs();
    assert_eq!(catalogs.all().len(), BUILTIN.len());
    for c in catalogs.all() {
        assert!(!c.prices().is_empty(), "{} has prices", c.id);
        for entry in c.prices() {
            let src = c
                .source(&entry.price.source)
                .unwrap_or_else(|| panic!("{} {}: source", c.id, entry.path));
            assert!(src.url.starts_with("https://"), "{} {}", c.id, entry.path);
            assert!(!src.note.is_empty(), "{} {}: a note", c.id, entry.path);
        }
        let file = format!("{}.json", c.id);
        assert!(
            BUILTIN.iter().any(|(f, _)| *f == file),
            "catalog id {} matches its file name",
            c.id
        );
    }
}

#[test]
fn the_current_railway_catalog_is_the_newest() {
    let catalogs = catalogs();
    assert_eq!(catalogs.current("railway").unwrap().id, "railway-2026-08");
    let platforms = catalogs.platforms();
    for p in [
        "railway",
        "render",
        "heroku",
        "aws-ecs",
        "azure-aks",
        "supabase",
        "temporal-cloud",
        "qdrant-cloud",
        "azure-openai",
    ] {
        assert!(platforms.contains(&p), "{p} is priced");
    }
}

fn broken(edit: impl Fn(&mut serde_json::Value)) -> String {
    let (_, text) = BUILTIN[1];
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    edit(&mut v);
    let text = v.to_string();
    Catalogs::from_files([("broken.json", text.as_str())])
        .unwrap_err()
        .to_string()
}

#[test]
fn a_price_with_an_unknown_source_is_refused() {
    let msg = broken(|v| v["pricing"]["vcpu"]["source"] = "nowhere".into());
    assert_eq!(
        msg,
        "broken.json: pricing.vcpu.source: unknown source \"nowhere\" (known: plans-doc, seed-comparison)"
    );
}

#[test]
fn a_negative_price_is_refused() {
    let msg = broken(|v| v["pricing"]["egress"]["price"]["usd"] = "-0.05".into());
    assert_eq!(
        msg,
        "broken.json: pricing.egress.price.usd must be between 0 and 1000000 USD (you entered -0.05)"
    );
}

#[test]
fn a_default_plan_that_does_not_exist_is_refused() {
    let msg = broken(|v| v["pricing"]["default_plan"] = "gold".into());
    assert_eq!(
        msg,
        "broken.json: pricing.default_plan: unknown plan \"gold\" (known: free, hobby, pro)"
    );
}

#[test]
fn a_bad_date_is_refused() {
    let msg = broken(|v| v["as_of"] = "2026-02-30".into());
    assert!(
        msg.starts_with("broken.json: as_of: \"2026-02-30\" is not a date of the form YYYY-MM-DD"),
        "{msg}"
    );
}

#[test]
fn two_catalogs_with_one_id_are_refused() {
    let (_, text) = BUILTIN[0];
    let err = Catalogs::from_files([("a.json", text), ("b.json", text)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.json: id: the name \"railway-2025-seed\" is used twice; each name must be unique"
    );
}

#[test]
fn every_catalog_file_is_built_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalogs");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("catalog folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = BUILTIN.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "a catalog file is missing from catalog::BUILTIN"
    );
}
