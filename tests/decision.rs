//! The decision framework against the seed's checklist ("Choose Railway
//! if … / Don't choose Railway if …"), its laws as properties, and
//! break-even against a hand-computed case.

use std::str::FromStr;
use std::sync::OnceLock;

use infra_runway::catalog::Area;
use infra_runway::decision::{
    break_even, evaluate, Answers, BreakEven, Decision, Experience, Inputs, Preference, MAX_WEIGHT,
};
use infra_runway::money::Money;
use infra_runway::query;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support::{catalogs, example};

fn money(s: &str) -> Money {
    Money::new(Decimal::from_str(s).expect("a decimal"))
}

fn inputs() -> &'static Inputs {
    static INPUTS: OnceLock<Inputs> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let project = example();
        let catalogs = catalogs();
        let comparison = query::platforms(&project, &catalogs).expect("comparison");
        let projections: Vec<_> = project
            .scenarios
            .iter()
            .map(|s| query::project_scenario(&project, &catalogs, s, false).expect("projection"))
            .collect();
        Inputs::gather(&project, &catalogs, &comparison, &projections)
    })
}

fn decide(a: &Answers) -> Decision {
    evaluate(inputs(), a).expect("evaluation")
}

fn platform<'d>(d: &'d Decision, id: &str) -> &'d infra_runway::decision::PlatformVerdict {
    d.platforms.iter().find(|p| p.id == id).expect("platform")
}

fn first(d: &Decision) -> &str {
    d.platforms
        .iter()
        .find(|p| p.rank == Some(1))
        .map(|p| p.id.as_str())
        .unwrap_or("none")
}

#[test]
fn with_gpus_needed_railway_is_ruled_out_for_that_reason() {
    let d = decide(&Answers {
        gpus: true,
        ..Answers::default()
    });
    let railway = platform(&d, "railway");
    assert_eq!(railway.ruled_out, ["no GPUs"]);
    assert_eq!(railway.rank, None);
    for id in ["render", "heroku"] {
        assert_eq!(platform(&d, id).ruled_out, ["no GPUs"], "{id}");
    }
    assert!(platform(&d, "aws-ecs").ruled_out.is_empty());
    assert!(platform(&d, "azure-aks").ruled_out.is_empty());
    assert!(
        d.recommendation
            .platform_reasons
            .contains(&"Railway: no GPUs.".to_string()),
        "{:#?}",
        d.recommendation.platform_reasons
    );
    // Every example scenario runs on Railway: none meets the constraint.
    assert_eq!(d.recommendation.scenario, None);
    assert!(d
        .scenarios
        .iter()
        .all(|s| s.ruled_out[0].starts_with("uses Railway, ruled out: no GPUs")));
}

#[test]
fn with_a_budget_under_100_a_month_and_the_example_credits_hybrid_is_recommended() {
    let d = decide(&Answers {
        budget: Some(money("90")),
        ..Answers::default()
    });
    assert_eq!(d.recommendation.scenario.as_deref(), Some("hybrid"));
    let reasons = &d.recommendation.scenario_reasons;
    assert_eq!(
        reasons[0],
        "Hybrid on credits gives the longest runway that meets your constraints: 30 months (Railway-only: 28 months)."
    );
    assert!(
        reasons[1].starts_with("Over 36 months it burns $9,714.60 of cash"),
        "{reasons:#?}"
    );
    // No hosting platform fits $90 a month, and the report says so.
    assert!(
        d.recommendation
            .platform_reasons
            .iter()
            .any(|r| r.starts_with("No platform that meets your constraints costs $90.00 or less")),
        "{:#?}",
        d.recommendation.platform_reasons
    );
    // The budget weighs on cost without ruling anything out.
    assert!(d.platforms.iter().all(|p| p.ruled_out.is_empty()));
    let cost = |id: &str| {
        platform(&d, id)
            .breakdown
            .iter()
            .find(|b| b.preference == Preference::LowCost)
            .map(|b| b.satisfaction)
            .expect("low cost part")
    };
    assert_eq!(cost("railway").to_string(), "0.42"); // 90 / 212.29
    assert_eq!(cost("render").to_string(), "0.45"); // 90 / 201.00
}

#[test]
fn deploy_today_no_devops_and_200_to_300_acceptable_ranks_railway_first() {
    let mut a = Answers {
        deploy_within_days: Some(0),
        budget: Some(money("200")),
        budget_ceiling: Some(money("300")),
        websockets: true,
        devops_experience: Experience::None,
        ..Answers::default()
    };
    a.weights.no_infrastructure = 10;
    a.weights.developer_experience = 8;
    a.weights.built_in_monitoring = 5;
    let d = decide(&a);
    assert_eq!(first(&d), "railway");
    assert_eq!(platform(&d, "render").rank, Some(2));
    assert_eq!(
        platform(&d, "aws-ecs").ruled_out,
        ["setup takes 1-2 days, more than today allows"]
    );
    assert_eq!(
        platform(&d, "azure-aks").ruled_out,
        [
            "setup takes 2-3 days, more than today allows",
            "$301.49 a month, above your ceiling of $300.00"
        ]
    );
    assert_eq!(
        platform(&d, "heroku").ruled_out,
        ["$1,025.00 a month, above your ceiling of $300.00"]
    );
    let why = &d.recommendation.platform_reasons[0];
    assert!(why.starts_with("Railway fits your answers best:"), "{why}");
    assert!(why.contains("DevOps effort none (0 h a month)"), "{why}");
    assert!(why.contains("developer experience high"), "{why}");
}

#[test]
fn with_kubernetes_features_needed_aks_ranks_first() {
    let d = decide(&Answers {
        kubernetes: true,
        ..Answers::default()
    });
    assert_eq!(first(&d), "azure-aks");
    for id in ["railway", "render", "heroku", "aws-ecs"] {
        assert_eq!(
            platform(&d, id).ruled_out,
            ["no Kubernetes features"],
            "{id}"
        );
    }
    assert!(d.recommendation.platform_reasons[0].starts_with("Azure AKS fits your answers best"));
    assert!(d
        .recommendation
        .platform_reasons
        .contains(&"AWS ECS (Fargate): no Kubernetes features.".to_string()));
}

#[test]
fn regions_rule_out_platforms_without_one_in_the_area() {
    let d = decide(&Answers {
        regions: vec![Area::SouthAmerica],
        ..Answers::default()
    });
    assert_eq!(
        platform(&d, "railway").ruled_out,
        ["no region in South America"]
    );
    assert!(platform(&d, "aws-ecs").ruled_out.is_empty());
}

#[test]
fn the_default_answers_recommend_railway_and_hybrid_and_say_what_would_change_it() {
    let d = decide(&Answers::default());
    assert_eq!(d.recommendation.platform.as_deref(), Some("railway"));
    assert_eq!(d.recommendation.scenario.as_deref(), Some("hybrid"));
    let changes = &d.recommendation.would_change;
    assert!(
        changes.contains(&"If you needed GPUs, AWS ECS (Fargate) would be recommended instead of Railway, and no scenario would meet your constraints.".to_string()),
        "{changes:#?}"
    );
    assert!(changes
        .iter()
        .any(|c| c.starts_with("If fine-grained control mattered more")));
    insta::assert_yaml_snapshot!("decision-default-answers", d);
}

#[test]
fn total_cost_of_ownership_adds_engineering_hours_at_the_rate() {
    let a = Answers {
        engineer_hourly_rate: money("150"),
        devops_experience: Experience::Strong,
        ..Answers::default()
    };
    let d = decide(&a);
    // Azure AKS over 36 months: $301.49 × 36 = $10,853.64 of hosting;
    // (20 h setup + 16 h × 36) × 0.75 = 447 h at $150 = $67,050.00.
    let aks = platform(&d, "azure-aks");
    assert_eq!(aks.tco.provider, money("10853.64"));
    assert_eq!(aks.tco.hours.to_string(), "447.00");
    assert_eq!(aks.tco.engineering, money("67050.00"));
    assert_eq!(aks.tco.total, money("77903.64"));
    // Dev on Railway, prod on Azure: its month-1 one-off cost stands for the
    // AKS setup; 16 h × 0.75 = 12 h of DevOps a month at $150.
    let s = d
        .scenarios
        .iter()
        .find(|s| s.id == "dev-railway-prod-azure")
        .expect("scenario");
    assert_eq!(s.tco.engineering, money("64800.00"), "36 × 12 h × $150");
}

#[test]
fn break_even_is_the_month_the_cumulative_cost_falls_to_the_baseline() {
    let m = |v: &[&str]| v.iter().map(|s| money(s)).collect::<Vec<_>>();
    // A migration costs $600 up front, then $100 a month instead of $250:
    // cumulative 700, 800, 900, 1000, 1100 against 250, 500, 750, 1000, 1250.
    let candidate = m(&["700", "100", "100", "100", "100"]);
    let baseline = m(&["250", "250", "250", "250", "250"]);
    assert_eq!(
        break_even(&candidate, &baseline),
        BreakEven::Month { month: 4 }
    );
    assert_eq!(
        break_even(&baseline, &candidate),
        BreakEven::CheaperFromStart
    );
    assert_eq!(
        break_even(&m(&["700", "240", "240"]), &m(&["250", "250", "250"])),
        BreakEven::Never { months: 3 }
    );
    // In the example, moving production to AKS never pays back within 36 months.
    let d = decide(&Answers::default());
    let line = d
        .break_even
        .iter()
        .find(|b| b.scenario == "dev-railway-prod-azure")
        .expect("break-even line");
    assert_eq!(line.result, BreakEven::Never { months: 36 });
    assert_eq!(line.against, "railway-only");
}

#[test]
fn answers_out_of_range_are_refused_with_the_field_and_range() {
    let mut p = example();
    p.decision.weights.low_cost = 11;
    let e = p.validate().expect_err("weight 11 is refused");
    assert_eq!(
        e.to_string(),
        "decision.weights.low_cost must be between 0 and 10 (you entered 11)"
    );
    let mut p = example();
    p.decision.deploy_within_days = Some(400);
    assert!(p
        .validate()
        .expect_err("400 days")
        .to_string()
        .starts_with("decision.deploy_within_days"));
    let text =
        r#"{"format_version": 2, "name": "x", "workload": {}, "decision": {"gpus": "maybe"}}"#;
    let e = infra_runway::project::Project::parse(text).expect_err("not a yes or no");
    assert!(e.to_string().starts_with("decision.gpus"), "{e}");
}

#[test]
fn answers_are_saved_in_the_project_file_and_left_out_when_unchanged() {
    let p = example();
    assert!(!p.to_json().unwrap().contains("\"decision\""));
    let mut q = p.clone();
    q.decision.gpus = true;
    q.decision.regions = vec![Area::Eu];
    let text = q.to_json().unwrap();
    assert!(text.contains("\"decision\""));
    let back = infra_runway::project::Project::parse(&text).unwrap();
    assert_eq!(back.decision, q.decision);
}

fn area() -> impl Strategy<Value = Area> {
    prop::sample::select(Area::ALL.to_vec())
}

fn answers() -> impl Strategy<Value = Answers> {
    (
        prop::option::of(0u32..30),
        any::<(bool, bool, bool)>(),
        prop::collection::btree_set(area(), 0..3),
        prop::option::of(0u32..1500),
        prop::option::of(0u32..1500),
        prop::sample::select(vec![Experience::None, Experience::Some, Experience::Strong]),
        prop::array::uniform6(0u8..=MAX_WEIGHT),
    )
        .prop_map(
            |(days, (ws, gpus, k8s), regions, budget, ceiling, exp, w)| {
                let mut a = Answers {
                    deploy_within_days: days,
                    websockets: ws,
                    gpus,
                    kubernetes: k8s,
                    regions: regions.into_iter().collect(),
                    budget: budget.map(|b| Money::new(Decimal::from(b))),
                    budget_ceiling: ceiling.map(|b| Money::new(Decimal::from(b))),
                    devops_experience: exp,
                    ..Answers::default()
                };
                for (p, v) in Preference::ALL.iter().zip(w) {
                    a.weights.set(*p, v);
                }
                a
            },
        )
}

/// One more hard constraint, or a tighter one.
fn tighten(a: &Answers, which: u8, area: Area) -> Answers {
    let mut b = a.clone();
    match which % 6 {
        0 => b.gpus = true,
        1 => b.kubernetes = true,
        2 => b.websockets = true,
        3 => {
            if !b.regions.contains(&area) {
                b.regions.push(area)
            }
        }
        4 => b.deploy_within_days = Some(b.deploy_within_days.map_or(3, |d| d / 2)),
        _ => {
            b.budget_ceiling = Some(
                b.budget_ceiling
                    .map_or(money("250"), |c| Money::new(c.dollars() / Decimal::from(2))),
            )
        }
    }
    b
}

fn ruled_out(d: &Decision) -> std::collections::BTreeSet<String> {
    d.platforms
        .iter()
        .filter(|p| !p.ruled_out.is_empty())
        .map(|p| p.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn adding_a_hard_constraint_never_brings_a_platform_back(a in answers(), which in 0u8..6, area in area()) {
        let before = ruled_out(&decide(&a));
        let after = ruled_out(&decide(&tighten(&a, which, area)));
        prop_assert!(before.is_subset(&after), "{before:?} then {after:?}");
        // Scenarios too: one that missed a constraint still misses it.
        let d0 = decide(&a);
        let d1 = decide(&tighten(&a, which, area));
        for s in d0.scenarios.iter().filter(|s| !s.ruled_out.is_empty()) {
            let again = d1.scenarios.iter().find(|x| x.id == s.id).expect("scenario");
            prop_assert!(!again.ruled_out.is_empty(), "{} came back", s.id);
        }
    }

    #[test]
    fn raising_a_weight_never_lowers_the_score_of_a_platform_that_satisfies_it_best(
        a in answers(), k in 0usize..6, up in 1u8..=MAX_WEIGHT,
    ) {
        let pref = Preference::ALL[k];
        let before = decide(&a);
        let mut b = a.clone();
        b.weights.set(pref, a.weights.get(pref).saturating_add(up).min(MAX_WEIGHT));
        let after = decide(&b);
        let sat = |p: &infra_runway::decision::PlatformVerdict| {
            p.breakdown.iter().find(|x| x.preference == pref).map(|x| x.satisfaction).unwrap_or_default()
        };
        let best = before.platforms.iter().map(sat).max().unwrap_or_default();
        for p in before.platforms.iter().filter(|p| sat(p) == best) {
            let q = platform(&after, &p.id);
            prop_assert!(q.score >= p.score, "{}: {} then {}", p.id, p.score, q.score);
        }
    }
}
