//! How long the exports take: the example's full investor report (target:
//! under 300 ms and under 1 MB) and its workbook (target: under 100 ms);
//! and the charts the Results step redraws.

use criterion::{criterion_group, criterion_main, Criterion};
use infra_runway::catalog::Catalogs;
use infra_runway::chart::{self, Theme};
use infra_runway::date::Date;
use infra_runway::project::Project;
use infra_runway::report::{self, Paper, ReportData, ReportOptions};

fn bench(c: &mut Criterion) {
    let catalogs = match Catalogs::builtin() {
        Ok(c) => c,
        Err(e) => panic!("built-in catalogs: {e}"),
    };
    let project = match Project::example() {
        Ok(p) => p,
        Err(e) => panic!("example: {e}"),
    };
    let Some(date) = Date::new(2026, 12, 4) else {
        panic!("a date")
    };
    let options = ReportOptions {
        date,
        paper: Paper::A4,
        ledgers: true,
    };
    match report::pdf(&project, &catalogs, options) {
        Ok(bytes) => println!(
            "example report: {} bytes ({} KB)",
            bytes.len(),
            bytes.len().div_ceil(1024)
        ),
        Err(e) => panic!("report: {e}"),
    }
    let mut group = c.benchmark_group("exports");
    group.sample_size(20);
    group.bench_function("example report (PDF)", |b| {
        b.iter(|| report::pdf(&project, &catalogs, options).map(|b| b.len()))
    });
    group.bench_function("example workbook (XLSX)", |b| {
        b.iter(|| report::xlsx(&project, &catalogs, date).map(|b| b.len()))
    });
    group.finish();
    c.bench_function("example charts as SVG", |b| {
        b.iter(|| {
            ReportData::gather(&project, &catalogs).map(|d| {
                d.charts()
                    .iter()
                    .map(|ch| chart::svg(ch, Theme::Light).map(|s| s.len()).unwrap_or(0))
                    .sum::<usize>()
            })
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
