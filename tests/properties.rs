//! Property tests: money laws, and costing laws over any valid workload.

use infra_runway::costing::{cost_workload, CostSettings, MonthSetting};
use infra_runway::money::Money;
use infra_runway::workload::{
    Database, Engine, Environment, LlmUsage, Service, VectorUsage, Workflows, Workload,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support::catalogs;

fn dec(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |n| Decimal::new(n, scale))
}

fn money() -> impl Strategy<Value = Money> {
    (-1_000_000_000_000i64..=1_000_000_000_000i64, 0u32..=6)
        .prop_map(|(n, s)| Money::new(Decimal::new(n, s)))
}

fn service(i: usize) -> impl Strategy<Value = Service> {
    (
        dec(5, 6_400, 2),
        dec(125, 256_000, 3),
        1u32..=100,
        any::<bool>(),
        dec(0, 1_680, 1),
    )
        .prop_map(move |(vcpu, memory_gb, instances, dev, hours)| Service {
            name: format!("service {i}"),
            vcpu,
            memory_gb,
            instances,
            environment: if dev {
                Environment::Dev
            } else {
                Environment::Prod
            },
            active_hours_per_week: hours,
        })
}

fn database(i: usize) -> impl Strategy<Value = Database> {
    (
        prop_oneof![
            Just(Engine::Postgres),
            Just(Engine::Redis),
            Just(Engine::Mongodb)
        ],
        dec(5, 6_400, 2),
        dec(125, 256_000, 3),
        dec(0, 65_536, 0),
    )
        .prop_map(move |(engine, vcpu, memory_gb, storage_gb)| Database {
            name: format!("database {i}"),
            engine,
            vcpu,
            memory_gb,
            storage_gb,
        })
}

fn workload() -> impl Strategy<Value = Workload> {
    let services = (0usize..6).prop_flat_map(|n| (0..n).map(service).collect::<Vec<_>>());
    let databases = (0usize..4).prop_flat_map(|n| (0..n).map(database).collect::<Vec<_>>());
    let workflows = proptest::option::of(
        (
            dec(0, 1_000_000_000_000, 0),
            dec(0, 100_000, 0),
            dec(0, 100_000, 0),
        )
            .prop_map(
                |(actions_per_month, active_storage_gb, retained_storage_gb)| Workflows {
                    actions_per_month,
                    active_storage_gb,
                    retained_storage_gb,
                },
            ),
    );
    let llm = proptest::option::of(
        (
            prop_oneof![Just("gpt-4o"), Just("gpt-4o-mini"), Just("unknown-model")],
            dec(0, 10_000_000_000_000, 0),
            dec(0, 10_000_000_000_000, 0),
            dec(0, 100, 2),
        )
            .prop_map(|(model, i, o, hit)| LlmUsage {
                model: model.to_string(),
                input_tokens_per_month: i,
                output_tokens_per_month: o,
                cache_hit_rate: hit,
            }),
    );
    let vectors = proptest::option::of(
        (dec(0, 100_000, 1), dec(0, 100_000, 1))
            .prop_map(|(memory_gb, disk_gb)| VectorUsage { memory_gb, disk_gb }),
    );
    (
        services,
        databases,
        dec(0, 1_000_000, 0),
        dec(0, 100_000, 0),
        workflows,
        llm,
        vectors,
    )
        .prop_map(
            |(services, databases, egress_gb, volume_gb, workflows, llm, vectors)| Workload {
                services,
                databases,
                egress_gb,
                volume_gb,
                workflows,
                llm,
                vectors,
            },
        )
}

proptest! {
    #[test]
    fn adding_money_commutes(a in money(), b in money()) {
        prop_assert_eq!(a.checked_add(b), b.checked_add(a));
    }

    #[test]
    fn adding_money_associates(a in money(), b in money(), c in money()) {
        let left = a.checked_add(b).and_then(|ab| ab.checked_add(c));
        let right = b.checked_add(c).and_then(|bc| a.checked_add(bc));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn subtracting_undoes_adding(a in money(), b in money()) {
        prop_assert_eq!(a.checked_add(b).and_then(|s| s.checked_sub(b)), Ok(a));
    }

    #[test]
    fn rounding_to_cents_is_idempotent_and_within_half_a_cent(a in money()) {
        let r = a.round_cents();
        prop_assert_eq!(r.round_cents(), r);
        prop_assert_eq!(r.dollars().scale(), 2);
        let diff = (r.dollars() - a.dollars()).abs();
        prop_assert!(diff <= Decimal::new(5, 3));
    }

    #[test]
    fn rounding_is_symmetric_about_zero(a in money()) {
        prop_assert_eq!(a.negate().round_cents(), a.round_cents().negate());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Costing any valid workload on any catalog succeeds, never panics,
    /// every line is in whole cents, the lines add up to the total, and
    /// the total is never negative.
    #[test]
    fn itemized_lines_add_up_to_the_total(w in workload(), month in 0u8..3) {
        prop_assert!(w.validate("workload").is_ok());
        let settings = CostSettings {
            month: [MonthSetting::Platform, MonthSetting::Days30, MonthSetting::Hours730][month as usize],
            ..CostSettings::default()
        };
        for catalog in catalogs().all() {
            let cost = cost_workload(&w, catalog, &settings);
            prop_assert!(cost.is_ok(), "{}: {:?}", catalog.id, cost.err());
            let cost = cost.unwrap();
            let sum = Money::sum(cost.items.iter().map(|l| l.amount)).unwrap();
            prop_assert_eq!(sum, cost.total, "{}", catalog.id);
            prop_assert!(!cost.total.is_negative(), "{}", catalog.id);
            let shared = Money::sum(cost.items.iter().filter(|l| l.item.is_none()).map(|l| l.amount)).unwrap();
            let by_item = Money::sum(cost.item_totals.iter().map(|t| t.amount)).unwrap();
            prop_assert_eq!(by_item.checked_add(shared).unwrap(), cost.total, "{}", catalog.id);
            for line in &cost.items {
                prop_assert_eq!(line.amount.dollars().scale(), 2);
                prop_assert!(cost.sources.contains_key(&line.source));
            }
        }
    }
}
