//! A Kubernetes cluster (Azure AKS): the workload's requests are packed
//! onto a pool of identical VMs that run all month; the control plane, a
//! load balancer, disks and egress are added.

use rust_decimal::Decimal;

use super::{add, engines_words, mul, num, Bill, LineKind, PlanUsed};
use crate::catalog::{NodePool, VmSize};
use crate::error::CostError;
use crate::workload::Workload;

/// One pod's request.
struct Pod<'a> {
    name: &'a str,
    vcpu: Decimal,
    memory_gb: Decimal,
    count: Decimal,
    storage_gb: Decimal,
}

/// The VM size to use: the default when every pod fits one node of it,
/// else the cheapest size every pod fits, else the largest size.
fn choose_vm<'p>(pricing: &'p NodePool, pods: &[Pod<'_>]) -> Option<&'p VmSize> {
    let fits_all = |v: &VmSize| {
        let cap_vcpu = v.vcpu.checked_mul(pricing.allocatable_vcpu);
        let cap_mem = v.memory_gb.checked_mul(pricing.allocatable_memory);
        pods.iter().all(|p| {
            cap_vcpu.is_some_and(|c| p.vcpu <= c) && cap_mem.is_some_and(|c| p.memory_gb <= c)
        })
    };
    let default = pricing
        .vm_sizes
        .iter()
        .find(|v| v.id == pricing.default_vm_size);
    if let Some(v) = default.filter(|v| fits_all(v)) {
        return Some(v);
    }
    pricing
        .vm_sizes
        .iter()
        .filter(|v| fits_all(v))
        .min_by(|a, b| a.price.usd.cmp(&b.price.usd))
        .or_else(|| {
            pricing
                .vm_sizes
                .iter()
                .max_by(|a, b| a.price.usd.cmp(&b.price.usd))
        })
}

pub(super) fn cost(
    bill: &mut Bill<'_>,
    workload: &Workload,
    pricing: &NodePool,
    plan_id: &str,
) -> Result<Option<PlanUsed>, CostError> {
    let mut pods: Vec<Pod<'_>> = workload
        .services
        .iter()
        .map(|s| Pod {
            name: &s.name,
            vcpu: s.vcpu,
            memory_gb: s.memory_gb,
            count: Decimal::from(s.instances),
            storage_gb: Decimal::ZERO,
        })
        .collect();
    for db in &workload.databases {
        if pricing.databases.contains(&db.engine) {
            pods.push(Pod {
                name: &db.name,
                vcpu: db.vcpu,
                memory_gb: db.memory_gb,
                count: Decimal::ONE,
                storage_gb: db.storage_gb,
            });
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
    let vm = choose_vm(pricing, &pods);
    let mut vcpu = Decimal::ZERO;
    let mut memory = Decimal::ZERO;
    let mut storage = workload.volume_gb;
    let mut runs = 0usize;
    for p in &pods {
        if let Some(v) = vm {
            let per_vcpu = mul(v.vcpu, pricing.allocatable_vcpu, &v.id)?;
            let per_mem = mul(v.memory_gb, pricing.allocatable_memory, &v.id)?;
            if p.vcpu > per_vcpu || p.memory_gb > per_mem {
                let reason = format!(
                    "{} vCPU and {} GB do not fit one {} node ({} vCPU and {} GB left for workloads), the largest size in this catalog",
                    num(p.vcpu),
                    num(p.memory_gb),
                    v.id,
                    num(per_vcpu),
                    num(per_mem)
                );
                bill.not_hosted(p.name, reason);
                continue;
            }
        }
        vcpu = add(vcpu, mul(p.vcpu, p.count, p.name)?, p.name)?;
        memory = add(memory, mul(p.memory_gb, p.count, p.name)?, p.name)?;
        storage = add(storage, p.storage_gb, p.name)?;
        runs += 1;
    }
    let hours = bill.hours();
    if let (true, Some(vm)) = (runs > 0, vm) {
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
