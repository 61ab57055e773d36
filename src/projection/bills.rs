//! The bills of a month: the workload split by the platform each item
//! runs on in the phase, grown by the month's growth, costed, and turned
//! into the shape the ledger reads.

use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::ProjectionInput;
use crate::costing::{cost_valid_workload, CostSettings, LineKind, PlatformCost};
use crate::error::CostError;
use crate::money::Money;
use crate::scenario::{EGRESS, LLM, OFF, VECTORS, VOLUMES, WORKFLOWS};
use crate::workload::{limits, Workload};

/// A bill as the ledger reads it, its names shared between months.
pub(super) struct PreparedBill {
    pub(super) platform: Arc<str>,
    pub(super) vendor: String,
    pub(super) total: Money,
    pub(super) lines: Vec<PreparedLine>,
}

pub(super) struct PreparedLine {
    pub(super) item: Option<Arc<str>>,
    pub(super) resource: Arc<str>,
    pub(super) kind: LineKind,
    pub(super) amount: Money,
    /// What credits may pay of this line: its amount less the plan's own
    /// allowances that already cover it (included usage, compute credit).
    pub(super) payable: Money,
}

/// Spreads a bill's allowance lines (negative amounts) over the lines they
/// cover, so that a grant never pays what the plan already pays.
fn payable_amounts(lines: &[crate::costing::CostLine]) -> Vec<Money> {
    let mut payable: Vec<Money> = lines.iter().map(|l| l.amount.max(Money::ZERO)).collect();
    for allowance in lines.iter().filter(|l| l.amount.is_negative()) {
        let mut left = allowance.amount.negate();
        for (i, l) in lines.iter().enumerate() {
            let covers = match allowance.kind {
                LineKind::ComputeCredit => l.kind == LineKind::Compute,
                _ => l.kind != LineKind::PlanFee,
            };
            if !covers || !left.is_positive() {
                continue;
            }
            // take ≤ both, so neither subtraction can overflow or go below zero.
            let take = payable[i].min(left);
            payable[i] = payable[i].checked_sub(take).unwrap_or(Money::ZERO);
            left = left.checked_sub(take).unwrap_or(Money::ZERO);
        }
    }
    payable
}

/// Turns bills into the ledger's shape, noting what is not hosted.
pub(super) fn prepare(
    bills: Vec<PlatformCost>,
    not_hosted: &mut Vec<(String, String, String)>,
) -> Vec<PreparedBill> {
    bills
        .into_iter()
        .map(|bill| {
            for n in &bill.not_hosted {
                let key = (bill.platform.clone(), n.item.clone(), n.reason.clone());
                if !not_hosted.contains(&key) {
                    not_hosted.push(key);
                }
            }
            let payable = payable_amounts(&bill.items);
            PreparedBill {
                platform: Arc::from(bill.platform.as_str()),
                vendor: bill.vendor,
                total: bill.total,
                lines: bill
                    .items
                    .into_iter()
                    .zip(payable)
                    .map(|(l, payable)| PreparedLine {
                        item: l.item.map(|i| Arc::from(i.as_str())),
                        resource: Arc::from(l.resource.as_str()),
                        kind: l.kind,
                        amount: l.amount,
                        payable,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The bills of month `m`: one per platform the phase uses.
pub(super) fn bills_for(
    input: &ProjectionInput<'_>,
    settings: &CostSettings,
    m: u32,
) -> Result<Vec<PlatformCost>, CostError> {
    let s = input.scenario;
    let Some((_, phase)) = s.phase_at(m) else {
        return Ok(Vec::new());
    };
    let place = |item: &str| -> &str {
        phase
            .placements
            .get(item)
            .map(String::as_str)
            .unwrap_or(phase.default_platform.as_str())
    };
    let grow = |item: &str| -> (Decimal, bool) {
        match s.growth.iter().find(|g| g.item == item) {
            Some(g) => (growth_factor(g.monthly_percent, m), g.resources),
            None => (Decimal::ONE, false),
        }
    };
    let w = input.workload;
    let mut by_platform: Vec<(String, Workload)> = Vec::new();
    for svc in w.services.iter().chain(s.extra_services.iter()) {
        if let Some(i) = slot(&mut by_platform, place(&svc.name)) {
            let mut svc = svc.clone();
            let (f, resources) = grow(&svc.name);
            if resources {
                let grown = Decimal::from(svc.instances)
                    .checked_mul(f)
                    .unwrap_or(Decimal::MAX)
                    .round_dp_with_strategy(
                        0,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                svc.instances = grown
                    .min(Decimal::from(limits::INSTANCES.1))
                    .to_u32()
                    .unwrap_or(limits::INSTANCES.1)
                    .max(1);
            }
            by_platform[i].1.services.push(svc);
        }
    }
    for db in &w.databases {
        if let Some(i) = slot(&mut by_platform, place(&db.name)) {
            let mut db = db.clone();
            let (f, resources) = grow(&db.name);
            db.storage_gb = scale(db.storage_gb, f, limits::storage_gb());
            if resources {
                db.memory_gb = scale(db.memory_gb, f, limits::memory_gb());
                db.vcpu = scale(db.vcpu, f, limits::vcpu());
            }
            by_platform[i].1.databases.push(db);
        }
    }
    if let Some(i) = slot(&mut by_platform, place(EGRESS)) {
        by_platform[i].1.egress_gb = scale(w.egress_gb, grow(EGRESS).0, limits::egress_gb());
    }
    if let Some(i) = slot(&mut by_platform, place(VOLUMES)) {
        by_platform[i].1.volume_gb = scale(w.volume_gb, grow(VOLUMES).0, limits::volume_gb());
    }
    if let Some(wf) = &w.workflows {
        if let Some(i) = slot(&mut by_platform, place(WORKFLOWS)) {
            let f = grow(WORKFLOWS).0;
            let mut wf = wf.clone();
            wf.actions_per_month = scale(wf.actions_per_month, f, limits::actions());
            wf.active_storage_gb = scale(wf.active_storage_gb, f, limits::workflow_storage_gb());
            wf.retained_storage_gb =
                scale(wf.retained_storage_gb, f, limits::workflow_storage_gb());
            by_platform[i].1.workflows = Some(wf);
        }
    }
    if let Some(l) = &w.llm {
        if let Some(i) = slot(&mut by_platform, place(LLM)) {
            let f = grow(LLM).0;
            let mut l = l.clone();
            l.input_tokens_per_month = scale(l.input_tokens_per_month, f, limits::tokens());
            l.output_tokens_per_month = scale(l.output_tokens_per_month, f, limits::tokens());
            by_platform[i].1.llm = Some(l);
        }
    }
    if let Some(v) = &w.vectors {
        if let Some(i) = slot(&mut by_platform, place(VECTORS)) {
            let f = grow(VECTORS).0;
            let mut v = v.clone();
            v.memory_gb = scale(v.memory_gb, f, limits::vector_gb());
            v.disk_gb = scale(v.disk_gb, f, limits::vector_gb());
            by_platform[i].1.vectors = Some(v);
        }
    }
    by_platform
        .iter()
        .map(|(platform, wl)| {
            let catalog = input.catalogs.current(platform)?;
            // The project was validated whole; these parts of it are
            // clamped to the same ranges, so they are costed without
            // checking every field again.
            cost_valid_workload(wl, catalog, settings)
        })
        .collect()
}

/// The index of a platform's workload, added when new; `None` for `off`.
fn slot(by_platform: &mut Vec<(String, Workload)>, platform: &str) -> Option<usize> {
    if platform == OFF {
        return None;
    }
    if let Some(i) = by_platform.iter().position(|(p, _)| p == platform) {
        return Some(i);
    }
    by_platform.push((platform.to_string(), Workload::empty()));
    Some(by_platform.len() - 1)
}

/// (1 + p/100)^(m−1), kept to 12 decimals.
fn growth_factor(percent: Decimal, m: u32) -> Decimal {
    let step = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
    let mut f = Decimal::ONE;
    for _ in 1..m {
        f = f.checked_mul(step).unwrap_or(Decimal::MAX).round_dp(12);
    }
    f
}

/// A quantity grown by `f`, kept within its field's range.
fn scale(q: Decimal, f: Decimal, range: limits::Range) -> Decimal {
    q.checked_mul(f)
        .unwrap_or(range.1)
        .round_dp(6)
        .clamp(range.0, range.1)
}
