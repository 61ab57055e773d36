//! A Kubernetes cluster (Azure AKS): the workload's requests are packed
//! onto a pool of identical VMs that run all month; the control plane, a
//! load balancer, disks and egress are added.

use rust_decimal::Decimal;

use super::{add, engines_words, mul, num, Bill, LineKind, PlanUsed};
use crate::catalog::NodePool;
use crate::error::CostError;
use crate::workload::Workload;

pub(super) fn cost(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &NodePool,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    let mut vcpu = Decimal::ZERO;
    let mut memory = Decimal::ZERO;
    let mut storage = workload.volume_gb;
    let mut runs = 0usize;
    for s in &workload.services {
        let n = Decimal::from(s.instances);
        vcpu = add(vcpu, mul(s.vcpu, n, &s.name)?, &s.name)?;
        memory = add(memory, mul(s.memory_gb, n, &s.name)?, &s.name)?;
        runs += 1;
    }
    for db in &workload.databases {
        if pricing.databases.contains(&db.engine) {
            vcpu = add(vcpu, db.vcpu, &db.name)?;
            memory = add(memory, db.memory_gb, &db.name)?;
            storage = add(storage, db.storage_gb, &db.name)?;
            runs += 1;
        } else {
            let reason = format!(
                "{} runs {} in the cluster, not {}",
                bill.platform_name(),
                engines_words(&pricing.databases),
                db.engine.label()
            );
            bill.not_hosted(&db.name, reason);
        }
    }
    let hours = bill.hours();
    if runs > 0 {
        let Some(vm) = pricing
            .vm_sizes
            .iter()
            .find(|v| v.id == pricing.default_vm_size)
        else {
            return Ok(None);
        };
        let per_node_vcpu = mul(vm.vcpu, pricing.allocatable_vcpu, &vm.id)?;
        let per_node_mem = mul(vm.memory_gb, pricing.allocatable_memory, &vm.id)?;
        let by_vcpu = vcpu.checked_div(per_node_vcpu).unwrap_or_default().ceil();
        let by_mem = memory.checked_div(per_node_mem).unwrap_or_default().ceil();
        let nodes = by_vcpu.max(by_mem).max(Decimal::from(pricing.min_nodes));
        bill.charge(
            None,
            format!("{} nodes", vm.id),
            LineKind::Nodes,
            mul(nodes, hours, &vm.id)?,
            &vm.price,
            format!(
                "{} nodes × {} h: the workload requests {} vCPU and {} GB; each node ({} vCPU, {} GB) leaves {} vCPU and {} GB for it; at least {} nodes; nodes run all month whatever the sleep schedules",
                num(nodes),
                num(hours),
                num(vcpu),
                num(memory),
                num(vm.vcpu),
                num(vm.memory_gb),
                num(per_node_vcpu),
                num(per_node_mem),
                pricing.min_nodes
            ),
        )?;
        bill.charge(
            None,
            "Load balancer",
            LineKind::LoadBalancer,
            hours,
            &pricing.load_balancer_hour,
            format!("one Standard load balancer, {} h", num(hours)),
        )?;
    }
    if !storage.is_zero() {
        bill.charge(
            None,
            "Managed disks",
            LineKind::Storage,
            storage,
            &pricing.disk_gb_month,
            format!("{} GB of volumes and database storage", num(storage)),
        )?;
    }
    super::egress(bill, workload, &pricing.egress)?;
    let Some(plan) = pricing.plans.iter().find(|p| p.id == plan_id) else {
        return Ok(None);
    };
    if runs > 0 && !plan.fee.usd.is_zero() {
        bill.charge(
            None,
            format!("Control plane, {}", plan.name),
            LineKind::PlanFee,
            hours,
            &plan.fee,
            format!("one cluster, {} h", num(hours)),
        )?;
    }
    Ok(Some(PlanUsed {
        id: plan.id.clone(),
        name: plan.name.clone(),
    }))
}
