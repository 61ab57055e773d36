//! Managed services that host one kind of workload item: Postgres
//! (Supabase), workflows (Temporal Cloud), vectors (Qdrant Cloud) and LLM
//! tokens (Azure OpenAI).

use rust_decimal::Decimal;

use super::{mul, num, Bill, LineKind, PlanUsed};
use crate::catalog::{LlmTokens, ManagedPostgres, VectorDatabase, WorkflowActions};
use crate::error::CostError;
use crate::money::Money;
use crate::workload::{Engine, Workload};

/// Item name of the workflow usage.
pub const WORKFLOWS: &str = "Workflows";
/// Item name of the LLM usage.
pub const LLM: &str = "LLM tokens";
/// Item name of the vector storage.
pub const VECTORS: &str = "Vector storage";

const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Supabase: a project per Postgres database on the smallest compute size
/// that holds it; the plan's compute credit pays compute only.
pub(super) fn postgres(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &ManagedPostgres,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    let hours = bill.hours();
    let mut hosted = 0;
    for db in &workload.databases {
        if db.engine != Engine::Postgres {
            let reason = format!("{} hosts PostgreSQL only", bill.platform_name());
            bill.not_hosted(&db.name, reason);
            continue;
        }
        let Some(size) = pricing
            .compute_sizes
            .iter()
            .filter(|c| c.memory_gb >= db.memory_gb)
            .min_by(|a, b| a.price.usd.cmp(&b.price.usd))
        else {
            let reason = format!(
                "no {} compute size has {} GB of memory",
                bill.platform_name(),
                num(db.memory_gb)
            );
            bill.not_hosted(&db.name, reason);
            continue;
        };
        hosted += 1;
        bill.charge(
            Some(&db.name),
            format!("{} compute", size.name),
            LineKind::Compute,
            hours,
            &size.price,
            format!(
                "{} h; the smallest compute size with {} GB of memory",
                num(hours),
                num(db.memory_gb)
            ),
        )?;
        let extra_disk = (db.storage_gb - pricing.disk_included_gb).max(Decimal::ZERO);
        if !extra_disk.is_zero() {
            bill.charge(
                Some(&db.name),
                "Disk",
                LineKind::Storage,
                extra_disk,
                &pricing.disk_gb_month,
                format!(
                    "{} GB, of which {} GB are included",
                    num(db.storage_gb),
                    num(pricing.disk_included_gb)
                ),
            )?;
        }
    }
    let Some(plan) = pricing.plans.iter().find(|p| p.id == plan_id) else {
        return Ok(None);
    };
    if hosted > 0 {
        bill.charge(
            None,
            format!("{} plan", plan.name),
            LineKind::PlanFee,
            Decimal::ONE,
            &plan.fee,
            "monthly subscription for the organization".into(),
        )?;
        if let Some(credit) = &plan.included_usage {
            let compute = bill.subtotal(&[LineKind::Compute])?;
            let applied = Money::new(credit.usd).min(compute);
            if !applied.dollars().is_zero() {
                bill.adjust(
                    None,
                    "Compute credits",
                    LineKind::ComputeCredit,
                    applied.negate(),
                    credit,
                    format!(
                        "the {} plan includes ${} of compute credits a month; compute is ${}",
                        plan.name,
                        num(credit.usd),
                        compute
                    ),
                );
            }
        }
    }
    Ok(Some(PlanUsed {
        id: plan.id.clone(),
        name: plan.name.clone(),
    }))
}

/// Temporal Cloud: actions by volume tier (or flat), storage by the
/// GB-hour, and the plan fee, the greater of its minimum and a share of
/// usage.
pub(super) fn workflows(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &WorkflowActions,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    let Some(plan) = pricing.plans.iter().find(|p| p.id == plan_id) else {
        return Ok(None);
    };
    let used = Some(PlanUsed {
        id: plan.id.clone(),
        name: plan.name.clone(),
    });
    let Some(w) = &workload.workflows else {
        return Ok(used);
    };
    let millions = w.actions_per_month / MILLION;
    let included = plan.included_actions_millions;
    let Some(first) = pricing.action_tiers.first() else {
        return Ok(used);
    };
    if plan.volume_tiers {
        let mut low = Decimal::ZERO;
        for tier in &pricing.action_tiers {
            let high = tier.up_to_millions.unwrap_or(Decimal::MAX);
            // The part of this band above the included actions.
            let from = low.max(included);
            let to = high.min(millions);
            if to > from {
                let band = match tier.up_to_millions {
                    Some(h) => format!("{}M to {}M", num(low), num(h)),
                    None => format!("above {}M", num(low)),
                };
                bill.charge(
                    Some(WORKFLOWS),
                    format!("Actions, {band}"),
                    LineKind::Actions,
                    to - from,
                    &tier.price,
                    format!(
                        "{} M of {} M actions a month fall in this band",
                        num(to - from),
                        num(millions)
                    ),
                )?;
            }
            if high >= millions {
                break;
            }
            low = high;
        }
    } else {
        let billable = (millions - included).max(Decimal::ZERO);
        if !billable.is_zero() {
            bill.charge(
                Some(WORKFLOWS),
                "Actions",
                LineKind::Actions,
                billable,
                &first.price,
                format!(
                    "{} M actions a month at the {} plan's flat price",
                    num(millions),
                    plan.name
                ),
            )?;
        }
    }
    let hours = bill.hours();
    for (gb, inc, price, what) in [
        (
            w.active_storage_gb,
            plan.included_active_gb,
            &pricing.active_storage_gbh,
            "Active storage",
        ),
        (
            w.retained_storage_gb,
            plan.included_retained_gb,
            &pricing.retained_storage_gbh,
            "Retained storage",
        ),
    ] {
        let billable = (gb - inc).max(Decimal::ZERO);
        if !billable.is_zero() {
            bill.charge(
                Some(WORKFLOWS),
                what,
                LineKind::Storage,
                mul(billable, hours, what)?,
                price,
                format!(
                    "{} GB beyond the {} GB included × {} h",
                    num(billable),
                    num(inc),
                    num(hours)
                ),
            )?;
        }
    }
    let usage = bill.subtotal(&[])?;
    let share = usage
        .checked_mul(plan.usage_percent / Decimal::ONE_HUNDRED)
        .map_err(|source| CostError::Money {
            item: format!("{} plan", plan.name),
            source,
        })?;
    let fee = share.max(Money::new(plan.minimum.usd));
    if !fee.round_cents().dollars().is_zero() {
        bill.adjust(
            Some(WORKFLOWS),
            format!("{} plan", plan.name),
            LineKind::PlanFee,
            fee,
            &plan.minimum,
            format!(
                "the greater of ${} and {}% of usage (${})",
                num(plan.minimum.usd),
                num(plan.usage_percent),
                usage
            ),
        );
    }
    Ok(used)
}

/// Qdrant Cloud: the free cluster when the vectors fit it, else the
/// smallest paid node (where the catalog has any).
pub(super) fn vectors(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &VectorDatabase,
) -> Result<(), CostError> {
    let Some(v) = &workload.vectors else {
        return Ok(());
    };
    if v.memory_gb <= pricing.free_memory_gb && v.disk_gb <= pricing.free_disk_gb {
        bill.charge(
            Some(VECTORS),
            "Free cluster",
            LineKind::Vectors,
            Decimal::ONE,
            &pricing.free_cluster,
            format!(
                "{} GB of memory and {} GB of disk fit the free cluster ({} GB, {} GB)",
                num(v.memory_gb),
                num(v.disk_gb),
                num(pricing.free_memory_gb),
                num(pricing.free_disk_gb)
            ),
        )?;
        return Ok(());
    }
    let node = pricing
        .paid_nodes
        .iter()
        .filter(|n| n.memory_gb >= v.memory_gb && n.disk_gb >= v.disk_gb)
        .min_by(|a, b| a.price.usd.cmp(&b.price.usd));
    match node {
        Some(n) => {
            let hours = bill.hours();
            bill.charge(
                Some(VECTORS),
                format!("Cluster {}", n.id),
                LineKind::Vectors,
                hours,
                &n.price,
                format!("{} h", num(hours)),
            )?;
        }
        None => bill.not_hosted(VECTORS, pricing.paid_note.clone()),
    }
    Ok(())
}

/// Azure OpenAI: input tokens (cached at the cache price), output tokens.
pub(super) fn llm(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &LlmTokens,
) -> Result<(), CostError> {
    let Some(l) = &workload.llm else {
        return Ok(());
    };
    let Some(model) = pricing.models.iter().find(|m| m.id == l.model) else {
        let known: Vec<&str> = pricing.models.iter().map(|m| m.id.as_str()).collect();
        let reason = format!(
            "{} has no model \"{}\" in this catalog (known: {})",
            bill.platform_name(),
            l.model,
            known.join(", ")
        );
        bill.not_hosted(LLM, reason);
        return Ok(());
    };
    let input = l.input_tokens_per_month / MILLION;
    let cached = mul(input, l.cache_hit_rate, LLM)?;
    let uncached = input - cached;
    let pct = num(l.cache_hit_rate * Decimal::ONE_HUNDRED);
    for (qty, price, what, detail) in [
        (
            uncached,
            &model.input,
            "input tokens",
            format!("{} M input tokens, {pct}% served from cache", num(input)),
        ),
        (
            cached,
            &model.cached_input,
            "cached input tokens",
            format!("{pct}% of {} M input tokens", num(input)),
        ),
        (
            l.output_tokens_per_month / MILLION,
            &model.output,
            "output tokens",
            format!(
                "{} M output tokens",
                num(l.output_tokens_per_month / MILLION)
            ),
        ),
    ] {
        if !qty.is_zero() {
            bill.charge(
                Some(LLM),
                format!("{} {what}", model.name),
                LineKind::Tokens,
                qty,
                price,
                detail,
            )?;
        }
    }
    Ok(())
}
