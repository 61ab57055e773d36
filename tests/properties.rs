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

mod projection_laws {
    use infra_runway::credits::{Cash, CreditGrant};
    use infra_runway::date::Date;
    use infra_runway::money::Money;
    use infra_runway::month::YearMonth;
    use infra_runway::project::Project;
    use infra_runway::query;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::support::{catalogs, example};

    const VENDORS: [&str; 5] = ["temporal", "supabase", "azure", "railway", "aws"];

    fn grant(i: usize) -> impl Strategy<Value = CreditGrant> {
        (
            0usize..VENDORS.len(),
            1i64..=2_000_000,
            0u8..24,
            1u8..30,
            any::<bool>(),
        )
            .prop_map(move |(v, cents, start_offset, length, compute_only)| {
                let start_month = YearMonth::new(2026, 6)
                    .unwrap()
                    .plus(i32::from(start_offset))
                    .unwrap();
                let end_month = start_month.plus(i32::from(length)).unwrap();
                CreditGrant {
                    id: format!("g{i}"),
                    name: format!("Grant {i}"),
                    provider: VENDORS[v].to_string(),
                    amount: Money::new(Decimal::new(cents, 2)),
                    start: start_month.first_day(),
                    expires: Date::new(
                        end_month.first_day().year(),
                        end_month.first_day().month(),
                        15,
                    )
                    .unwrap(),
                    pays_for: if compute_only {
                        vec![infra_runway::costing::LineKind::Compute]
                    } else {
                        Vec::new()
                    },
                }
            })
    }

    fn project() -> impl Strategy<Value = Project> {
        let grants = (0usize..5).prop_flat_map(|n| (0..n).map(grant).collect::<Vec<_>>());
        (
            grants,
            0i64..=5_000_000,
            0i64..=50_000,
            1u32..=48,
            proptest::option::of(-20i64..=30),
        )
            .prop_map(|(credits, bank_cents, other_cents, horizon, growth)| {
                let mut p = example();
                p.credits = credits;
                p.cash = Cash {
                    in_bank: Some(Money::new(Decimal::new(bank_cents, 2))),
                    other_monthly_burn: Some(Money::new(Decimal::new(other_cents, 2))),
                };
                for s in &mut p.scenarios {
                    s.horizon_months = horizon;
                    s.phases.retain(|ph| ph.from_month <= horizon);
                    s.one_off_costs.retain(|o| o.month <= horizon);
                    if let Some(g) = growth {
                        s.growth = vec![infra_runway::scenario::Growth {
                            item: "Egress".into(),
                            monthly_percent: Decimal::from(g),
                            resources: false,
                        }];
                    }
                }
                p
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Every month: gross = credits + cash on each line; grants pay no
        /// more than their amount and only while usable; within a line the
        /// earlier-expiring grant pays first; more cash never shortens runway.
        #[test]
        fn credit_and_cash_laws(p in project()) {
            prop_assert!(p.validate_references(&catalogs()).is_ok());
            let cats = catalogs();
            for s in &p.scenarios {
                let proj = query::ledger(&p, &cats, &s.id);
                prop_assert!(proj.is_ok(), "{:?}", proj.err());
                let proj = proj.unwrap();
                let mut paid = vec![Money::ZERO; p.credits.len()];
                let vendor_of = |platform: &str| cats.current(platform).unwrap().vendor.clone();
                for m in &proj.months {
                    let mut credits_sum = Money::ZERO;
                    let month_end = m.calendar.plus(1).unwrap().first_day();
                    // Usable this month by the rule: the month lies wholly inside the dates.
                    let usable = |g: &CreditGrant| g.start <= m.calendar.first_day() && month_end <= g.expires;
                    for l in &m.lines {
                        let c = Money::sum(l.credits.iter().map(|c| c.amount)).unwrap();
                        prop_assert_eq!(c.checked_add(l.cash).unwrap(), l.gross);
                        credits_sum = credits_sum.checked_add(c).unwrap();
                        let vendor = vendor_of(&l.platform);
                        for use_ in &l.credits {
                            let (gi, g) = p.credits.iter().enumerate().find(|(_, g)| *g.id == *use_.grant).unwrap();
                            prop_assert!(use_.amount.is_positive());
                            prop_assert!(usable(g), "{} paid outside its dates in {}", g.id, m.calendar);
                            prop_assert_eq!(&g.provider, &vendor);
                            paid[gi] = paid[gi].checked_add(use_.amount).unwrap();
                        }
                        // A later-expiring grant pays only once every earlier-expiring
                        // grant that could pay this line is used up.
                        if let Some(latest) = l.credits.iter().map(|u| p.credits.iter().find(|g| *g.id == *u.grant).unwrap().expires).max() {
                            for (hi, h) in p.credits.iter().enumerate() {
                                let could = h.provider == vendor
                                    && usable(h)
                                    && (h.pays_for.is_empty() || h.pays_for.contains(&l.kind))
                                    && h.expires < latest;
                                if could {
                                    prop_assert!(paid[hi] == h.amount, "{} skipped while it had money", h.id);
                                }
                            }
                        }
                    }
                    prop_assert_eq!(credits_sum, m.credits_applied);
                    prop_assert_eq!(
                        m.gross.checked_sub(m.credits_applied).unwrap().checked_add(m.one_off).unwrap(),
                        m.cash_burn
                    );
                }
                for (gi, g) in p.credits.iter().enumerate() {
                    prop_assert!(paid[gi] <= g.amount, "grant {} overpaid", g.id);
                    let use_ = proj.grants.iter().find(|u| u.grant == g.id).unwrap();
                    prop_assert_eq!(use_.used, paid[gi]);
                    // Every dollar is used, wasted, still there, or expired before the start.
                    let accounted = use_.used.checked_add(use_.wasted).unwrap().checked_add(use_.remaining).unwrap();
                    prop_assert!(accounted == g.amount || (accounted == use_.used && g.expires <= s.start.first_day()));
                }
                let waste_events = Money::sum(proj.events.iter().filter_map(|e| match e {
                    infra_runway::projection::Event::GrantExpired { wasted, .. } => Some(*wasted),
                    _ => None,
                })).unwrap();
                prop_assert_eq!(waste_events, proj.summary.credits_wasted);
                // More cash never shortens runway.
                let mut richer = p.clone();
                richer.cash.in_bank = richer.cash.in_bank.map(|c| c.checked_add(Money::new(Decimal::from(1000))).unwrap());
                let more = query::ledger(&richer, &cats, &s.id).unwrap().summary.runway_months;
                match (proj.summary.runway_months, more) {
                    (Some(a), Some(b)) => prop_assert!(b >= a),
                    (None, Some(_)) => prop_assert!(false, "more cash ran out within the horizon"),
                    _ => {}
                }
            }
        }
    }
}
