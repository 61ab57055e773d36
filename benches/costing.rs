//! How long the engine takes to answer the CLI's and the window's
//! questions: loading the built-in catalogs, and the example's overview
//! (every platform's itemized cost, the comparison and the decision).

use criterion::{criterion_group, criterion_main, Criterion};
use infra_runway::catalog::Catalogs;
use infra_runway::project::Project;
use infra_runway::query;

fn bench(c: &mut Criterion) {
    c.bench_function("load built-in catalogs", |b| {
        b.iter(|| Catalogs::builtin().map(|c| c.all().len()))
    });
    let catalogs = match Catalogs::builtin() {
        Ok(c) => c,
        Err(e) => panic!("built-in catalogs: {e}"),
    };
    let project = match Project::example() {
        Ok(p) => p,
        Err(e) => panic!("example: {e}"),
    };
    c.bench_function("parse the example project", |b| {
        b.iter(|| Project::parse(infra_runway::project::EXAMPLE).map(|p| p.workload.services.len()))
    });
    c.bench_function("example overview on every platform", |b| {
        b.iter(|| query::overview(&project, &catalogs).map(|o| o.costs.platforms.len()))
    });
    c.bench_function("example decision (with what would change it)", |b| {
        b.iter(|| query::decide(&project, &catalogs).map(|d| d.platforms.len()))
    });
}

/// A project of 30 workload items and 5 scenarios of 120 months.
fn large_project() -> Project {
    let mut p = match Project::example() {
        Ok(p) => p,
        Err(e) => panic!("example: {e}"),
    };
    let template = p.workload.services[0].clone();
    for i in 0..19 {
        let mut s = template.clone();
        s.name = format!("Service {i}");
        p.workload.services.push(s);
    }
    let mut extra = p.scenarios[1].clone();
    extra.id = "hybrid-2".into();
    extra.name = "Hybrid again".into();
    p.scenarios.push(extra);
    for s in &mut p.scenarios {
        s.horizon_months = 120;
    }
    p
}

fn bench_projection(c: &mut Criterion) {
    let catalogs = match Catalogs::builtin() {
        Ok(c) => c,
        Err(e) => panic!("built-in catalogs: {e}"),
    };
    let project = large_project();
    let items = project.scenarios[0].item_names(&project.workload).len();
    assert!(items >= 30, "{items} items");
    assert_eq!(project.scenarios.len(), 5);
    c.bench_function("compare 5 scenarios x 120 months x 30 items", |b| {
        b.iter(|| query::compare(&project, &catalogs).map(|c| c.scenarios.len()))
    });
    let mut one_month = project.clone();
    for s in &mut one_month.scenarios {
        s.horizon_months = 2;
        s.one_off_costs.clear();
    }
    c.bench_function("compare 5 scenarios x 2 months (costing only)", |b| {
        b.iter(|| query::compare(&one_month, &catalogs).map(|c| c.scenarios.len()))
    });
    let mut growing = project.clone();
    for s in &mut growing.scenarios {
        s.growth = vec![infra_runway::scenario::Growth {
            item: "Egress".into(),
            monthly_percent: rust_decimal::Decimal::from(5),
            resources: false,
        }];
    }
    c.bench_function("compare the same with monthly growth", |b| {
        b.iter(|| query::compare(&growing, &catalogs).map(|c| c.scenarios.len()))
    });
}

criterion_group!(benches, bench, bench_projection);
criterion_main!(benches);
