//! Helpers shared by the tests.

use infra_runway::catalog::Catalogs;
use infra_runway::costing::{cost_workload, CostSettings, PlatformCost};
use infra_runway::project::Project;
use infra_runway::workload::Workload;

pub fn catalogs() -> Catalogs {
    Catalogs::builtin().expect("built-in catalogs are valid")
}

pub fn example() -> Project {
    Project::example().expect("the example project is valid")
}

/// The cost of a workload on a catalog with default settings.
pub fn cost(workload: &Workload, catalog: &str) -> PlatformCost {
    cost_with(workload, catalog, &CostSettings::default())
}

pub fn cost_with(workload: &Workload, catalog: &str, settings: &CostSettings) -> PlatformCost {
    let catalogs = catalogs();
    let c = catalogs.get(catalog).expect("known catalog");
    cost_workload(workload, c, settings).expect("costing succeeds")
}

/// The amount of the lines matching an item and a resource.
pub fn amount(cost: &PlatformCost, item: Option<&str>, resource: &str) -> String {
    let found: Vec<_> = cost
        .items
        .iter()
        .filter(|l| l.item.as_deref() == item && l.resource == resource)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one line for {item:?} {resource} in {:#?}",
        cost.items
    );
    found[0].amount.to_string()
}

/// The sum of the lines of one item.
pub fn item_total(cost: &PlatformCost, item: &str) -> String {
    let sum: rust_decimal::Decimal = cost
        .items
        .iter()
        .filter(|l| l.item.as_deref() == Some(item))
        .map(|l| l.amount.dollars())
        .sum();
    sum.to_string()
}

/// A workload parsed from the JSON of its fields.
pub fn workload(json: &str) -> Workload {
    let w: Workload = serde_json::from_str(json).expect("valid workload JSON");
    w.validate("workload").expect("valid workload");
    w
}
