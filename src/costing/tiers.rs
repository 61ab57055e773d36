//! Platforms billed per instance tier and database plan (Render, Heroku):
//! each service gets the cheapest tier that holds it, prorated by the time
//! it runs; each database the cheapest plan of its engine that holds it.

use rust_decimal::Decimal;

use super::{active_share, mul, num, schedule_words, Bill, LineKind, PlanUsed};
use crate::catalog::{DatabasePlan, InstanceTier, InstanceTiers};
use crate::error::CostError;
use crate::workload::{Database, Environment, Service, Workload};

pub(super) fn cost(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &InstanceTiers,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    // Hours of pooled tiers (Heroku Eco), by tier, with the services using them.
    let mut pools: Vec<(&InstanceTier, Decimal, Vec<&str>)> = Vec::new();
    let weeks_per_month = bill
        .hours()
        .checked_div(crate::workload::HOURS_PER_WEEK)
        .unwrap_or_default();
    for s in &workload.services {
        match cheapest_tier(&pricing.tiers, s) {
            Some(tier) if tier.pool_hours.is_some() => {
                let hours = mul(
                    mul(Decimal::from(s.instances), s.active_hours_per_week, &s.name)?,
                    weeks_per_month,
                    &s.name,
                )?;
                match pools.iter_mut().find(|(t, _, _)| t.id == tier.id) {
                    Some((_, total, names)) => {
                        *total = super::add(*total, hours, &s.name)?;
                        names.push(&s.name);
                    }
                    None => pools.push((tier, hours, vec![&s.name])),
                }
            }
            Some(tier) => {
                let share = active_share(s.active_hours_per_week);
                let qty = mul(Decimal::from(s.instances), share, &s.name)?;
                let many = if s.instances == 1 {
                    "1 instance".to_string()
                } else {
                    format!("{} instances", s.instances)
                };
                bill.charge(
                    Some(&s.name),
                    format!("{} instance", tier.name),
                    LineKind::Instance,
                    qty,
                    &tier.price,
                    format!(
                        "{many}, {}; the smallest tier with {} vCPU and {} GB is {} ({} GB)",
                        schedule_words(s.active_hours_per_week),
                        num(s.vcpu),
                        num(s.memory_gb),
                        tier.name,
                        num(tier.memory_gb)
                    ),
                )?;
            }
            None => {
                let reason = format!(
                    "no {} instance tier has {} vCPU and {} GB",
                    bill.platform_name(),
                    num(s.vcpu),
                    num(s.memory_gb)
                );
                bill.not_hosted(&s.name, reason);
            }
        }
    }
    for (tier, hours, names) in pools {
        let pool = tier.pool_hours.unwrap_or(Decimal::ONE).max(Decimal::ONE);
        let count = hours.checked_div(pool).unwrap_or_default().ceil();
        bill.charge(
            None,
            format!("{} dyno hours", tier.name),
            LineKind::Instance,
            count,
            &tier.price,
            format!(
                "{} h a month for {} share pools of {} h",
                num(hours.round_dp(1)),
                names.join(", "),
                num(pool)
            ),
        )?;
    }
    for db in &workload.databases {
        database(bill, pricing, db)?;
    }
    if !workload.volume_gb.is_zero() {
        match &pricing.volume_gb_month {
            Some(price) => {
                bill.charge(
                    None,
                    "Persistent disks",
                    LineKind::Storage,
                    workload.volume_gb,
                    price,
                    format!("{} GB", num(workload.volume_gb)),
                )?;
            }
            None => {
                let reason = if pricing.volume_note.is_empty() {
                    format!(
                        "this catalog has no price for persistent volumes on {}",
                        bill.platform_name()
                    )
                } else {
                    pricing.volume_note.clone()
                };
                bill.not_hosted("Volumes", reason);
            }
        }
    }
    super::egress(bill, workload, &pricing.egress)?;
    let Some(plan) = pricing.plans.iter().find(|p| p.id == plan_id) else {
        return Ok(None);
    };
    if !plan.fee.usd.is_zero() {
        bill.charge(
            None,
            plan.name.clone(),
            LineKind::PlanFee,
            Decimal::ONE,
            &plan.fee,
            "monthly subscription".into(),
        )?;
    }
    Ok(Some(PlanUsed {
        id: plan.id.clone(),
        name: plan.name.clone(),
    }))
}

/// The cheapest tier that holds the service (production tiers only for
/// production services); ties go to the larger memory.
fn cheapest_tier<'t>(tiers: &'t [InstanceTier], s: &Service) -> Option<&'t InstanceTier> {
    tiers
        .iter()
        .filter(|t| t.production || s.environment == Environment::Dev)
        .filter(|t| t.memory_gb >= s.memory_gb && t.vcpu >= s.vcpu)
        .min_by(|a, b| {
            a.price
                .usd
                .cmp(&b.price.usd)
                .then(b.memory_gb.cmp(&a.memory_gb))
        })
}

fn database(bill: &mut Bill<'_>, pricing: &InstanceTiers, db: &Database) -> Result<(), CostError> {
    let fits = |p: &&DatabasePlan| {
        p.engine == db.engine
            && p.memory_gb >= db.memory_gb
            && match p.storage_gb {
                Some(included) => included >= db.storage_gb,
                None => db.storage_gb.is_zero() || pricing.database_storage_gb_month.is_some(),
            }
    };
    let Some(plan) = pricing
        .database_plans
        .iter()
        .filter(fits)
        .min_by(|a, b| a.price.usd.cmp(&b.price.usd))
    else {
        let offered = pricing.database_plans.iter().any(|p| p.engine == db.engine);
        let reason = if offered {
            format!(
                "no {} {} plan has {} GB of memory and {} GB of storage",
                bill.platform_name(),
                db.engine.label(),
                num(db.memory_gb),
                num(db.storage_gb)
            )
        } else {
            format!(
                "this catalog has no {} plan on {}",
                db.engine.label(),
                bill.platform_name()
            )
        };
        bill.not_hosted(&db.name, reason);
        return Ok(());
    };
    bill.charge(
        Some(&db.name),
        plan.name.clone(),
        LineKind::Database,
        Decimal::ONE,
        &plan.price,
        format!(
            "the cheapest {} plan with {} GB of memory ({} GB)",
            db.engine.label(),
            num(db.memory_gb),
            num(plan.memory_gb)
        ),
    )?;
    if let (None, Some(price), false) = (
        plan.storage_gb,
        &pricing.database_storage_gb_month,
        db.storage_gb.is_zero(),
    ) {
        bill.charge(
            Some(&db.name),
            "Database storage",
            LineKind::Storage,
            db.storage_gb,
            price,
            format!("{} GB", num(db.storage_gb)),
        )?;
    }
    Ok(())
}
