//! Platforms billed by resources over time: Railway (per minute) and AWS
//! Fargate (per hour). Databases run as ordinary services at the same rates.

use rust_decimal::Decimal;

use super::{active_share, engines_words, mul, num, schedule_words, Bill, LineKind, PlanUsed};
use crate::catalog::{TimeUnit, UsageMetered};
use crate::error::CostError;
use crate::money::Money;
use crate::workload::Workload;

/// One thing that runs: a service or a database run as a service.
struct Runner<'a> {
    name: &'a str,
    vcpu: Decimal,
    memory_gb: Decimal,
    instances: u32,
    active_hours_per_week: Decimal,
}

pub(super) fn cost(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &UsageMetered,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    let mut runners: Vec<Runner<'_>> = workload
        .services
        .iter()
        .map(|s| Runner {
            name: &s.name,
            vcpu: s.vcpu,
            memory_gb: s.memory_gb,
            instances: s.instances,
            active_hours_per_week: s.active_hours_per_week,
        })
        .collect();
    let mut storage_gb = workload.volume_gb;
    for db in &workload.databases {
        if pricing.databases.contains(&db.engine) {
            runners.push(Runner {
                name: &db.name,
                vcpu: db.vcpu,
                memory_gb: db.memory_gb,
                instances: 1,
                active_hours_per_week: crate::workload::HOURS_PER_WEEK,
            });
            storage_gb = super::add(storage_gb, db.storage_gb, &db.name)?;
        } else {
            let reason = format!(
                "{} runs {} as services, not {}",
                bill.platform_name(),
                engines_words(&pricing.databases),
                db.engine.label()
            );
            bill.not_hosted(&db.name, reason);
        }
    }
    for r in &runners {
        run(bill, pricing, r)?;
    }
    if !storage_gb.is_zero() {
        bill.charge(
            None,
            "Volumes",
            LineKind::Storage,
            storage_gb,
            &pricing.volume_gb_month,
            format!("{} GB of volumes and database storage", num(storage_gb)),
        )?;
    }
    super::egress(bill, workload, &pricing.egress)?;
    if let (Some(lb), false) = (&pricing.load_balancer_hour, runners.is_empty()) {
        let hours = bill.hours();
        bill.charge(
            None,
            "Load balancer",
            LineKind::LoadBalancer,
            hours,
            lb,
            format!("one load balancer, {} h", num(hours)),
        )?;
    }
    let Some(plan) = pricing.plans.iter().find(|p| p.id == plan_id) else {
        return Ok(None);
    };
    let usage = bill.subtotal(&[])?;
    if !plan.fee.usd.is_zero() {
        bill.charge(
            None,
            format!("{} plan", plan.name),
            LineKind::PlanFee,
            Decimal::ONE,
            &plan.fee,
            "monthly subscription".into(),
        )?;
    }
    if let Some(included) = &plan.included_usage {
        let credit = Money::new(included.usd).min(usage);
        if !credit.dollars().is_zero() {
            bill.adjust(
                None,
                "Included usage",
                LineKind::IncludedUsage,
                credit.negate(),
                included,
                format!(
                    "the {} plan includes ${} of usage a month; usage is ${}",
                    plan.name,
                    num(included.usd),
                    usage
                ),
            );
        }
    }
    Ok(Some(PlanUsed {
        id: plan.id.clone(),
        name: plan.name.clone(),
    }))
}

/// Charges the vCPU and memory of one runner.
fn run(bill: &mut Bill<'_>, pricing: &UsageMetered, r: &Runner<'_>) -> Result<(), CostError> {
    let Some((vcpu, memory_gb)) = fit(pricing, r.vcpu, r.memory_gb) else {
        let reason = format!(
            "{} has no task size with {} vCPU and {} GB",
            bill.platform_name(),
            num(r.vcpu),
            num(r.memory_gb)
        );
        bill.not_hosted(r.name, reason);
        return Ok(());
    };
    let (units, unit_word) = match pricing.time_unit {
        TimeUnit::Minute => (bill.minutes(), "min"),
        TimeUnit::Hour => (bill.hours(), "h"),
    };
    let time = mul(units, active_share(r.active_hours_per_week), r.name)?;
    let instances = Decimal::from(r.instances);
    let per_instance = if r.instances == 1 {
        String::new()
    } else {
        format!(" × {} instances", r.instances)
    };
    let rounded = if vcpu != r.vcpu || memory_gb != r.memory_gb {
        format!(
            "; {} vCPU / {} GB rounded up to the task size {} vCPU / {} GB",
            num(r.vcpu),
            num(r.memory_gb),
            num(vcpu),
            num(memory_gb)
        )
    } else {
        String::new()
    };
    let schedule = schedule_words(r.active_hours_per_week);
    let vcpu_qty = mul(mul(vcpu, instances, r.name)?, time, r.name)?;
    bill.charge(
        Some(r.name),
        "vCPU",
        LineKind::Compute,
        vcpu_qty,
        &pricing.vcpu,
        format!(
            "{} vCPU{per_instance} × {} {unit_word} ({schedule}){rounded}",
            num(vcpu),
            num(time.round_dp(2))
        ),
    )?;
    let mem_qty = mul(mul(memory_gb, instances, r.name)?, time, r.name)?;
    bill.charge(
        Some(r.name),
        "Memory",
        LineKind::Memory,
        mem_qty,
        &pricing.memory_gb,
        format!(
            "{} GB{per_instance} × {} {unit_word} ({schedule})",
            num(memory_gb),
            num(time.round_dp(2))
        ),
    )?;
    Ok(())
}

/// The billed (vCPU, memory): as asked where any size is allowed, else the
/// smallest task size that holds both, with memory rounded up to the next
/// size that task allows.
fn fit(pricing: &UsageMetered, vcpu: Decimal, memory_gb: Decimal) -> Option<(Decimal, Decimal)> {
    if pricing.task_sizes.is_empty() {
        return Some((vcpu, memory_gb));
    }
    let mut sizes: Vec<_> = pricing.task_sizes.iter().collect();
    sizes.sort_by_key(|t| t.vcpu);
    sizes.into_iter().filter(|t| t.vcpu >= vcpu).find_map(|t| {
        let need = memory_gb.max(t.min_memory_gb);
        let mem = if !t.memory_options_gb.is_empty() {
            t.memory_options_gb
                .iter()
                .copied()
                .filter(|m| *m >= need)
                .min()?
        } else if let Some(step) = t.memory_step_gb {
            let steps = need.checked_sub(t.min_memory_gb)?.checked_div(step)?.ceil();
            t.min_memory_gb.checked_add(steps.checked_mul(step)?)?
        } else {
            need
        };
        (mem <= t.max_memory_gb).then_some((t.vcpu, mem))
    })
}
