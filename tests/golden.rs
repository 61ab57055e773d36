//! Golden files (insta, YAML): the example's itemized cost on every
//! catalog (both Railway catalogs included) and the platform comparison.
//! A changed figure shows up as a snapshot diff to review.

use infra_runway::costing::{cost_workload, CostSettings};
use infra_runway::query;

use crate::support::{catalogs, example};

#[test]
fn example_on_every_catalog() {
    let catalogs = catalogs();
    let project = example();
    assert_eq!(catalogs.all().len(), 10);
    for catalog in catalogs.all() {
        let cost = cost_workload(&project.workload, catalog, &CostSettings::default())
            .expect("the example costs on every catalog");
        insta::assert_yaml_snapshot!(format!("example-on-{}", catalog.id), cost);
    }
}

#[test]
fn example_platform_comparison() {
    let cmp = query::platforms(&example(), &catalogs()).expect("comparison");
    insta::assert_yaml_snapshot!("example-platforms", cmp);
}
