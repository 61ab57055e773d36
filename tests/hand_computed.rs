//! Each platform priced on a case computed by hand (the arithmetic is in
//! the comments), starting with the seed's own figures.

use std::collections::BTreeMap;

use infra_runway::costing::{CostSettings, MonthSetting};

use crate::support::{amount, cost, cost_with, example, item_total, workload};

/// The seed's table: with 2025 Railway prices and a 30-day month
/// (43,200 min), vCPU 0.000463 × 43,200 = $20.0016/vCPU-month, memory
/// 0.000231 × 43,200 = $9.9792/GB-month.
#[test]
fn railway_seed_prices_reproduce_the_seed_analysis() {
    let c = cost(&example().workload, "railway-2025-seed");
    // Services: 4.5 vCPU and 9 GB in all; each line rounded to the cent:
    // 0.5 vCPU → 10.00, 1 GB → 9.98, 1 vCPU → 20.00, 2 GB → 19.96.
    let services: rust_decimal::Decimal = [
        "Orchestrator",
        "Agent Factory",
        "Validation Mesh",
        "Vector Memory",
        "Execution Sandbox",
        "Temporal Worker",
    ]
    .iter()
    .map(|s| item_total(&c, s).parse::<rust_decimal::Decimal>().unwrap())
    .sum();
    assert_eq!(services.to_string(), "179.82");
    assert_eq!(item_total(&c, "Orchestrator"), "19.98");
    assert_eq!(item_total(&c, "Agent Factory"), "39.96");
    // Postgres 0.5 vCPU / 1 GB: 10.00 + 9.98.
    assert_eq!(item_total(&c, "PostgreSQL"), "19.98");
    // Redis 0.25 vCPU / 0.5 GB: 5.0004 → 5.00, 4.9896 → 4.99.
    assert_eq!(item_total(&c, "Redis"), "9.99");
    // 50 GB × $0.10.
    assert_eq!(amount(&c, None, "Egress"), "5.00");
    // Developer plan: $5 fee, $5 of usage included.
    assert_eq!(amount(&c, None, "Developer plan"), "5.00");
    assert_eq!(amount(&c, None, "Included usage"), "-5.00");
    assert_eq!(c.total.to_string(), "214.79");
    assert_eq!(c.billing_month.label, "30-day month (720 h)");
}

#[test]
fn railway_team_plan_adds_its_fee_less_the_included_usage() {
    let settings = CostSettings {
        plans: BTreeMap::from([("railway".to_string(), "team".to_string())]),
        ..CostSettings::default()
    };
    let c = cost_with(&example().workload, "railway-2025-seed", &settings);
    // 214.79 + 20 − 10.
    assert_eq!(c.total.to_string(), "224.79");
}

#[test]
fn railway_current_prices_halve_egress() {
    let c = cost(&example().workload, "railway-2026-08");
    // 179.82 + 19.98 + 9.99 + 50 × 0.05 = 2.50; Hobby $5 fee offset by $5 included.
    assert_eq!(amount(&c, None, "Egress"), "2.50");
    assert_eq!(c.total.to_string(), "212.29");
}

#[test]
fn railway_bills_postgres_redis_and_mongodb_as_services() {
    let w = workload(
        r#"{"databases": [
            {"name": "pg", "engine": "postgres", "vcpu": "2", "memory_gb": "4", "storage_gb": "20"},
            {"name": "cache", "engine": "redis", "vcpu": "0.5", "memory_gb": "1"},
            {"name": "docs", "engine": "mongodb", "vcpu": "1", "memory_gb": "2", "storage_gb": "10"}
        ]}"#,
    );
    let c = cost(&w, "railway-2026-08");
    // pg: 2 × 20.0016 = 40.0032 → 40.00; 4 × 9.9792 = 39.9168 → 39.92.
    assert_eq!(item_total(&c, "pg"), "79.92");
    // cache: 10.0008 → 10.00; 9.9792 → 9.98.
    assert_eq!(item_total(&c, "cache"), "19.98");
    // docs: 20.0016 → 20.00; 19.9584 → 19.96.
    assert_eq!(item_total(&c, "docs"), "39.96");
    // Volumes: (20 + 10) GB × $0.15.
    assert_eq!(amount(&c, None, "Volumes"), "4.50");
    // 79.92 + 19.98 + 39.96 + 4.50 = 144.36; Hobby fee and included usage cancel.
    assert_eq!(c.total.to_string(), "144.36");
}

#[test]
fn railway_bills_only_the_hours_a_service_is_awake() {
    let w = workload(
        r#"{"services": [{"name": "dev api", "vcpu": "0.5", "memory_gb": "1",
            "environment": "dev", "active_hours_per_week": "84"}]}"#,
    );
    let c = cost(&w, "railway-2026-08");
    // Half the month: 10.0008 / 2 = 5.0004 → 5.00; 9.9792 / 2 = 4.9896 → 4.99.
    assert_eq!(item_total(&c, "dev api"), "9.99");
    // Usage 9.99 > 5: fee 5 − included 5.
    assert_eq!(c.total.to_string(), "9.99");
}

#[test]
fn railway_included_usage_never_exceeds_usage() {
    let w = workload(r#"{"egress_gb": "10"}"#);
    let c = cost(&w, "railway-2026-08");
    // Usage 0.50; the Hobby plan's $5 includes it: total is the $5 fee.
    assert_eq!(amount(&c, None, "Included usage"), "-0.50");
    assert_eq!(c.total.to_string(), "5.00");
}

#[test]
fn a_730_hour_month_is_used_when_chosen() {
    let settings = CostSettings {
        month: MonthSetting::Hours730,
        ..CostSettings::default()
    };
    let w = workload(r#"{"services": [{"name": "api", "vcpu": "1", "memory_gb": "1"}]}"#);
    let c = cost_with(&w, "railway-2026-08", &settings);
    // 43,800 min × 0.000463 = 20.2794 → 20.28; × 0.000231 = 10.1178 → 10.12.
    assert_eq!(item_total(&c, "api"), "30.40");
    assert_eq!(c.billing_month.label, "730-hour month");
}

#[test]
fn render_picks_the_smallest_tier_that_fits() {
    let c = cost(&example().workload, "render-2026-05");
    // Every service fits Standard (1 CPU, 2 GB, $25): 6 × 25 = 150.
    assert_eq!(
        amount(&c, Some("Agent Factory"), "Standard instance"),
        "25.00"
    );
    // Postgres 1 GB → Basic-1gb $19; Redis 0.5 GB → Key Value Standard (1 GB) $32.
    assert_eq!(
        amount(&c, Some("PostgreSQL"), "Postgres Basic-1gb"),
        "19.00"
    );
    assert_eq!(amount(&c, Some("Redis"), "Key Value Standard"), "32.00");
    // 50 GB of egress within the 100 GB included.
    assert_eq!(amount(&c, None, "Egress"), "0.00");
    assert_eq!(c.total.to_string(), "201.00");
}

#[test]
fn render_has_no_mongodb_and_says_so() {
    let w = workload(
        r#"{"databases": [{"name": "docs", "engine": "mongodb", "vcpu": "1", "memory_gb": "2"}]}"#,
    );
    let c = cost(&w, "render-2026-05");
    assert_eq!(c.not_hosted.len(), 1);
    assert_eq!(c.not_hosted[0].item, "docs");
    assert_eq!(
        c.not_hosted[0].reason,
        "this catalog has no MongoDB plan on Render"
    );
}

#[test]
fn heroku_prices_dynos_and_add_ons() {
    let c = cost(&example().workload, "heroku-2026-05");
    // 1 GB → Standard-2X $50 (× 3); 2 GB → Performance-M (2.5 GB) $250 (× 3).
    assert_eq!(
        amount(&c, Some("Orchestrator"), "Standard-2X instance"),
        "50.00"
    );
    assert_eq!(
        amount(&c, Some("Agent Factory"), "Performance-M instance"),
        "250.00"
    );
    // Postgres → Essential-0 $5; Redis 0.5 GB → Premium-3 $120.
    assert_eq!(item_total(&c, "PostgreSQL"), "5.00");
    assert_eq!(item_total(&c, "Redis"), "120.00");
    // 150 + 750 + 5 + 120; bandwidth is not billed.
    assert_eq!(c.total.to_string(), "1025.00");
}

#[test]
fn heroku_gives_eco_dynos_to_development_services_only() {
    let w = workload(
        r#"{"services": [
            {"name": "dev", "vcpu": "0.1", "memory_gb": "0.5", "environment": "dev"},
            {"name": "prod", "vcpu": "0.1", "memory_gb": "0.5", "environment": "prod"}
        ]}"#,
    );
    let c = cost(&w, "heroku-2026-05");
    assert_eq!(amount(&c, None, "Eco dyno hours"), "5.00");
    assert!(c.items.iter().any(|l| l.detail.contains("for dev share")));
    assert_eq!(amount(&c, Some("prod"), "Basic instance"), "7.00");
}

#[test]
fn fargate_bills_vcpu_and_memory_hours_plus_a_load_balancer() {
    let c = cost(&example().workload, "aws-ecs-fargate-2026-09");
    // 0.5 vCPU × 730 h × 0.04048 = 14.7752 → 14.78; 1 GB × 730 × 0.004445 = 3.24485 → 3.24.
    assert_eq!(item_total(&c, "Orchestrator"), "18.02");
    // 730 × 0.04048 = 29.5504 → 29.55; 1,460 × 0.004445 = 6.4897 → 6.49.
    assert_eq!(item_total(&c, "Agent Factory"), "36.04");
    // Redis 0.25 vCPU / 0.5 GB: 7.3876 → 7.39; 1.622425 → 1.62.
    assert_eq!(item_total(&c, "Redis"), "9.01");
    // ALB 730 × 0.0225 = 16.425 → 16.43. Egress within the 100 GB free.
    assert_eq!(amount(&c, None, "Load balancer"), "16.43");
    // 3 × 18.02 + 3 × 36.04 + 18.02 + 9.01 + 16.43.
    assert_eq!(c.total.to_string(), "205.64");
}

#[test]
fn fargate_rounds_up_to_a_valid_task_size() {
    let w = workload(r#"{"services": [{"name": "api", "vcpu": "0.3", "memory_gb": "0.5"}]}"#);
    let c = cost(&w, "aws-ecs-fargate-2026-09");
    // 0.3 vCPU → 0.5 vCPU task, whose least memory is 1 GB:
    // 365 × 0.04048 = 14.7752 → 14.78; 730 × 0.004445 = 3.24485 → 3.24.
    assert_eq!(item_total(&c, "api"), "18.02");
}

#[test]
fn aks_packs_the_workload_onto_nodes() {
    let c = cost(&example().workload, "azure-aks-2026");
    // Requests: 5.25 vCPU, 10.5 GB. D2s v3 leaves 1.8 vCPU, 6 GB:
    // ceil(5.25 / 1.8) = 3 nodes; 3 × 730 h × 0.096 = 210.24.
    assert_eq!(amount(&c, None, "Standard_D2s_v3 nodes"), "210.24");
    // Load balancer 730 × 0.025 = 18.25; Standard tier 730 × 0.10 = 73.00.
    assert_eq!(amount(&c, None, "Load balancer"), "18.25");
    assert_eq!(
        amount(&c, None, "Control plane, Standard tier (uptime SLA)"),
        "73.00"
    );
    assert_eq!(c.total.to_string(), "301.49");
}

#[test]
fn supabase_compute_credit_pays_compute_only() {
    let c = cost(&example().workload, "supabase-2025-08");
    // Micro: 730 h × 0.01344 = 9.8112 → 9.81, covered by the $10 credit; Pro $25.
    assert_eq!(
        amount(&c, Some("PostgreSQL"), "Micro (1 GB) compute"),
        "9.81"
    );
    assert_eq!(amount(&c, None, "Compute credits"), "-9.81");
    assert_eq!(c.total.to_string(), "25.00");
    assert_eq!(c.not_hosted[0].reason, "Supabase hosts PostgreSQL only");
    let w = workload(
        r#"{"databases": [{"name": "pg", "engine": "postgres", "vcpu": "1", "memory_gb": "3", "storage_gb": "20"}]}"#,
    );
    let c = cost(&w, "supabase-2025-08");
    // Medium (4 GB): 730 × 0.0822 = 60.006 → 60.01; disk (20 − 8) × 0.125 = 1.50;
    // credit 10 (compute only): 60.01 + 1.50 + 25 − 10.
    assert_eq!(amount(&c, None, "Compute credits"), "-10.00");
    assert_eq!(c.total.to_string(), "76.51");
}

#[test]
fn temporal_developer_plan_is_flat_plus_ten_percent() {
    let c = cost(&example().workload, "temporal-cloud-2026");
    // 0.9 M × $50 = 45.00; active 0.02 GB × 730 h × 0.042 = 0.6132 → 0.61;
    // retained 1 GB × 730 × 0.00105 = 0.7665 → 0.77; usage 46.38;
    // plan: max(0, 10% × 46.38 = 4.638) → 4.64.
    assert_eq!(amount(&c, Some("Workflows"), "Actions"), "45.00");
    assert_eq!(amount(&c, Some("Workflows"), "Developer plan"), "4.64");
    assert_eq!(c.total.to_string(), "51.02");
}

#[test]
fn temporal_business_plan_uses_volume_tiers_above_the_included_actions() {
    let w = workload(r#"{"workflows": {"actions_per_month": "10000000"}}"#);
    let settings = CostSettings {
        plans: BTreeMap::from([("temporal-cloud".into(), "business".into())]),
        ..CostSettings::default()
    };
    let c = cost_with(&w, "temporal-cloud-2026", &settings);
    // 2.5 M included; 2.5 M at $50 = 125; 5 M at $45 = 225; usage 350;
    // plan: max($500, 10% × 350) = 500; total 850.
    assert_eq!(amount(&c, Some("Workflows"), "Actions, 0M to 5M"), "125.00");
    assert_eq!(
        amount(&c, Some("Workflows"), "Actions, 5M to 10M"),
        "225.00"
    );
    assert_eq!(c.total.to_string(), "850.00");
}

#[test]
fn qdrant_free_cluster_and_beyond() {
    let c = cost(&example().workload, "qdrant-cloud-2026-10");
    assert_eq!(amount(&c, Some("Vector storage"), "Free cluster"), "0.00");
    assert_eq!(c.total.to_string(), "0.00");
    let w = workload(r#"{"vectors": {"memory_gb": "2", "disk_gb": "8"}}"#);
    let c = cost(&w, "qdrant-cloud-2026-10");
    assert_eq!(c.not_hosted.len(), 1);
    assert!(c.not_hosted[0].reason.contains("no list price"));
}

#[test]
fn azure_openai_prices_cached_input_at_the_cache_rate() {
    let c = cost(&example().workload, "azure-openai-2026-05");
    // 20 M input, 30% cached: 14 × 2.50 = 35.00, 6 × 1.25 = 7.50; 4 M output × 10 = 40.
    assert_eq!(
        amount(&c, Some("LLM tokens"), "GPT-4o input tokens"),
        "35.00"
    );
    assert_eq!(
        amount(&c, Some("LLM tokens"), "GPT-4o cached input tokens"),
        "7.50"
    );
    assert_eq!(
        amount(&c, Some("LLM tokens"), "GPT-4o output tokens"),
        "40.00"
    );
    assert_eq!(c.total.to_string(), "82.50");
}

#[test]
fn fargate_rounds_memory_up_to_the_task_sizes_steps() {
    // 8 vCPU tasks take memory in 4 GB steps from 16 GB: 17 GB is billed as 20 GB.
    let w = workload(r#"{"services": [{"name": "big", "vcpu": "8", "memory_gb": "17"}]}"#);
    let c = cost(&w, "aws-ecs-fargate-2026-09");
    // 8 × 730 × 0.04048 = 236.4032 → 236.40; 20 × 730 × 0.004445 = 64.897 → 64.90.
    assert_eq!(amount(&c, Some("big"), "vCPU"), "236.40");
    assert_eq!(amount(&c, Some("big"), "Memory"), "64.90");
    // 0.25 vCPU allows 0.5, 1 or 2 GB only: 1.5 GB is billed as 2 GB.
    let w = workload(r#"{"services": [{"name": "tiny", "vcpu": "0.25", "memory_gb": "1.5"}]}"#);
    let c = cost(&w, "aws-ecs-fargate-2026-09");
    // 2 × 730 × 0.004445 = 6.4897 → 6.49.
    assert_eq!(amount(&c, Some("tiny"), "Memory"), "6.49");
}

#[test]
fn aks_picks_a_node_size_every_pod_fits() {
    // A 3 vCPU pod does not fit a D2s v3 (1.8 vCPU left), so D4s v3 (3.6 vCPU, 12 GB).
    let w = workload(r#"{"services": [{"name": "worker", "vcpu": "3", "memory_gb": "4"}]}"#);
    let c = cost(&w, "azure-aks-2026");
    // At least 2 nodes: 2 × 730 h × 0.192 = 280.32.
    assert_eq!(amount(&c, None, "Standard_D4s_v3 nodes"), "280.32");
    // A 16 vCPU pod fits no size in the catalog: not hosted, and no nodes for it.
    let w = workload(r#"{"services": [{"name": "huge", "vcpu": "16", "memory_gb": "8"}]}"#);
    let c = cost(&w, "azure-aks-2026");
    assert_eq!(c.not_hosted.len(), 1);
    assert!(c.not_hosted[0]
        .reason
        .contains("do not fit one Standard_D4s_v3 node"));
    assert_eq!(c.total.to_string(), "0.00");
}

#[test]
fn heroku_eco_dynos_share_one_pool_of_hours() {
    let w = workload(
        r#"{"services": [
            {"name": "a", "vcpu": "0.5", "memory_gb": "0.5", "environment": "dev", "active_hours_per_week": "84"},
            {"name": "b", "vcpu": "0.5", "memory_gb": "0.5", "environment": "dev", "active_hours_per_week": "84"}
        ]}"#,
    );
    let c = cost(&w, "heroku-2026-05");
    // 2 × 84 h × (730 / 168) = 730 dyno-hours: one 1,000-hour pool, $5.
    assert_eq!(amount(&c, None, "Eco dyno hours"), "5.00");
    assert_eq!(c.total.to_string(), "5.00");
}

#[test]
fn heroku_refuses_a_service_larger_than_any_dyno() {
    let w = workload(r#"{"services": [{"name": "cruncher", "vcpu": "16", "memory_gb": "4"}]}"#);
    let c = cost(&w, "heroku-2026-05");
    assert_eq!(
        c.not_hosted[0].reason,
        "no Heroku instance tier has 16 vCPU and 4 GB"
    );
}

#[test]
fn volumes_on_render_are_priced_and_on_heroku_refused() {
    let w = workload(r#"{"volume_gb": "10"}"#);
    // 10 GB × $0.25.
    assert_eq!(
        amount(&cost(&w, "render-2026-05"), None, "Persistent disks"),
        "2.50"
    );
    let heroku = cost(&w, "heroku-2026-05");
    assert_eq!(heroku.not_hosted[0].item, "Volumes");
    assert!(heroku.not_hosted[0].reason.contains("ephemeral"));
}
