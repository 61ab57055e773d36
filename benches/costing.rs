//! How long the engine takes to answer the CLI's and the window's
//! questions: loading the built-in catalogs, and the example's overview
//! (every platform's itemized cost and the comparison).

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
