//! The monthly cost of a workload on one platform, itemized: each line is
//! `quantity × unit price = amount`, with the price's source.
//!
//! Rounding rule: a line's amount is the exact product rounded to the cent
//! (half away from zero); a total is the sum of its rounded lines, so the
//! lines always add up to the total a founder sees.

mod managed;
mod metered;
mod node_pool;
mod tiers;

pub use managed::{LLM, VECTORS, WORKFLOWS};

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{BillingMonth, Catalog, PlatformKind, Price, Pricing, Source};
use crate::date::Date;
use crate::error::{CostError, InputError};
use crate::money::Money;
use crate::workload::{Workload, HOURS_PER_WEEK};

/// Which month length to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, Serialize)]
pub enum MonthSetting {
    /// Each platform's own convention (Railway 30 days, clouds 730 h).
    #[default]
    #[serde(rename = "platform")]
    Platform,
    /// 30 days everywhere.
    #[serde(rename = "30d")]
    Days30,
    /// 730 hours everywhere.
    #[serde(rename = "730h")]
    Hours730,
}

impl MonthSetting {
    /// The month used for a catalog.
    pub fn for_catalog(self, catalog: &Catalog) -> BillingMonth {
        match self {
            MonthSetting::Platform => catalog.billing_month,
            MonthSetting::Days30 => BillingMonth::Days30,
            MonthSetting::Hours730 => BillingMonth::Hours730,
        }
    }
}

/// Choices that change a cost: month length and plans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostSettings {
    /// Month length.
    pub month: MonthSetting,
    /// Plan per platform id; the catalog's default where absent.
    pub plans: BTreeMap<String, String>,
}

/// What a line pays for; credits (later) apply to some kinds only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// vCPU time.
    Compute,
    /// Memory time.
    Memory,
    /// An instance of a fixed-price tier.
    Instance,
    /// A managed database plan.
    Database,
    /// Disk, volumes, database storage.
    Storage,
    /// Internet egress.
    Egress,
    /// Load balancer.
    LoadBalancer,
    /// VMs of a node pool.
    Nodes,
    /// A platform's subscription or control-plane fee.
    PlanFee,
    /// Usage the plan fee includes (negative).
    IncludedUsage,
    /// A plan's compute credit (negative; pays compute only).
    ComputeCredit,
    /// Workflow actions.
    Actions,
    /// LLM tokens.
    Tokens,
    /// A vector database cluster.
    Vectors,
}

impl LineKind {
    /// The kind as files and CSV write it (`plan_fee`).
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Compute => "compute",
            LineKind::Memory => "memory",
            LineKind::Instance => "instance",
            LineKind::Database => "database",
            LineKind::Storage => "storage",
            LineKind::Egress => "egress",
            LineKind::LoadBalancer => "load_balancer",
            LineKind::Nodes => "nodes",
            LineKind::PlanFee => "plan_fee",
            LineKind::IncludedUsage => "included_usage",
            LineKind::ComputeCredit => "compute_credit",
            LineKind::Actions => "actions",
            LineKind::Tokens => "tokens",
            LineKind::Vectors => "vectors",
        }
    }
}

/// One itemized line: `quantity × unit_price = amount`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostLine {
    /// The workload item it belongs to, or `None` for shared lines
    /// (plan fees, a cluster's nodes).
    pub item: Option<String>,
    /// What is billed, in words ("vCPU", "Standard-2X dyno").
    pub resource: String,
    /// What kind of cost it is.
    pub kind: LineKind,
    /// How much of the unit.
    pub quantity: Decimal,
    /// The unit ("vCPU-minute").
    pub unit: String,
    /// Dollars per unit.
    pub unit_price: Decimal,
    /// `quantity × unit_price`, rounded to the cent.
    pub amount: Money,
    /// How the quantity was reached, in words.
    pub detail: String,
    /// Key of the price's source in [`PlatformCost::sources`].
    pub source: String,
}

/// What one workload item costs a month on a platform: the sum of its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemTotal {
    /// The item's name.
    pub item: String,
    /// The sum of its lines.
    pub amount: Money,
}

/// A workload item the platform cannot run, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotHosted {
    /// The item.
    pub item: String,
    /// Why, in a sentence.
    pub reason: String,
}

/// The plan a cost was computed with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanUsed {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// The month a cost is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthUsed {
    /// `30d` or `730h`.
    pub id: BillingMonth,
    /// How it reads ("30-day month (720 h)").
    pub label: &'static str,
}

/// The itemized monthly cost of a workload on one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformCost {
    /// Platform id.
    pub platform: String,
    /// Platform name.
    pub platform_name: String,
    /// The vendor that bills it.
    pub vendor: String,
    /// Hosting platform or managed service.
    pub kind: PlatformKind,
    /// Catalog id.
    pub catalog: String,
    /// Catalog date.
    pub catalog_as_of: Date,
    /// Plan used, where the platform has plans.
    pub plan: Option<PlanUsed>,
    /// Month length.
    pub billing_month: MonthUsed,
    /// The lines.
    pub items: Vec<CostLine>,
    /// Sum of the lines.
    pub total: Money,
    /// Each workload item's share: the sum of its own lines, in the order
    /// they appear (shared lines such as plan fees belong to no item).
    pub item_totals: Vec<ItemTotal>,
    /// Items of the kinds this platform hosts that it cannot run.
    pub not_hosted: Vec<NotHosted>,
    /// Sources of the prices used, by key.
    pub sources: BTreeMap<String, Source>,
}

/// Costs a workload on one catalog's platform.
pub fn cost_workload(
    workload: &Workload,
    catalog: &Catalog,
    settings: &CostSettings,
) -> Result<PlatformCost, CostError> {
    // The ranges keep every product below far from overflow; a caller
    // that skipped validation gets the same message a file would.
    workload.validate("workload")?;
    cost_valid_workload(workload, catalog, settings)
}

/// [`cost_workload`] for a workload already validated (or derived from
/// one and kept within the same ranges), without checking it again.
pub fn cost_valid_workload(
    workload: &Workload,
    catalog: &Catalog,
    settings: &CostSettings,
) -> Result<PlatformCost, CostError> {
    let month = settings.month.for_catalog(catalog);
    let plan_choice = settings.plans.get(&catalog.platform).map(String::as_str);
    if let Some(choice) = plan_choice {
        if !catalog.plan_ids().contains(&choice) {
            return Err(CostError::Input(InputError::Unknown {
                path: format!("plans.{}", catalog.platform),
                what: "plan",
                got: choice.to_string(),
                known: catalog.plan_ids().join(", "),
            }));
        }
    }
    let mut bill = Bill::new(catalog, month);
    let plan_id = catalog.plan_id(plan_choice).unwrap_or_default();
    let plan = match &catalog.pricing {
        Pricing::UsageMetered(p) => metered::cost(&mut bill, workload, p, plan_id)?,
        Pricing::InstanceTiers(p) => tiers::cost(&mut bill, workload, p, plan_id)?,
        Pricing::NodePool(p) => node_pool::cost(&mut bill, workload, p, plan_id)?,
        Pricing::ManagedPostgres(p) => managed::postgres(&mut bill, workload, p, plan_id)?,
        Pricing::WorkflowActions(p) => managed::workflows(&mut bill, workload, p, plan_id)?,
        Pricing::VectorDatabase(p) => {
            managed::vectors(&mut bill, workload, p)?;
            None
        }
        Pricing::LlmTokens(p) => {
            managed::llm(&mut bill, workload, p)?;
            None
        }
    };
    bill.finish(plan)
}

/// Lines being written for one platform.
pub(crate) struct Bill<'c> {
    catalog: &'c Catalog,
    month: BillingMonth,
    lines: Vec<CostLine>,
    not_hosted: Vec<NotHosted>,
}

impl<'c> Bill<'c> {
    fn new(catalog: &'c Catalog, month: BillingMonth) -> Bill<'c> {
        Bill {
            catalog,
            month,
            lines: Vec::new(),
            not_hosted: Vec::new(),
        }
    }

    /// Adds `quantity × price` as a line.
    pub(crate) fn charge(
        &mut self,
        item: Option<&str>,
        resource: impl Into<String>,
        kind: LineKind,
        quantity: Decimal,
        price: &Price,
        detail: String,
    ) -> Result<Money, CostError> {
        let resource = resource.into();
        // Quantities are shown to four decimals (half away from zero); the
        // amount is computed from the shown quantity so that the line reads
        // true: quantity × unit price, rounded once to the cent.
        let quantity = quantity
            .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        let amount = Money::new(price.usd)
            .checked_mul(quantity)
            .map_err(|source| CostError::Money {
                item: format!(
                    "{} {}",
                    item.unwrap_or(&self.catalog.platform_name),
                    resource
                ),
                source,
            })?
            .round_cents();
        self.lines.push(CostLine {
            item: item.map(str::to_string),
            resource,
            kind,
            quantity,
            unit: price.per.clone(),
            unit_price: price.usd.normalize(),
            amount,
            detail,
            source: price.source.clone(),
        });
        Ok(amount)
    }

    /// Adds a line of a fixed amount (a deduction such as included usage,
    /// a fee that depends on usage); `tag` gives its unit and source.
    pub(crate) fn adjust(
        &mut self,
        item: Option<&str>,
        resource: impl Into<String>,
        kind: LineKind,
        amount: Money,
        tag: &Price,
        detail: String,
    ) {
        let amount = amount.round_cents();
        self.lines.push(CostLine {
            item: item.map(str::to_string),
            resource: resource.into(),
            kind,
            quantity: Decimal::ONE,
            unit: tag.per.clone(),
            unit_price: amount.dollars(),
            amount,
            detail,
            source: tag.source.clone(),
        });
    }

    /// Records an item this platform cannot run.
    pub(crate) fn not_hosted(&mut self, item: &str, reason: String) {
        self.not_hosted.push(NotHosted {
            item: item.to_string(),
            reason,
        });
    }

    /// Sum of the lines written so far whose kind is in `kinds` (all when empty).
    pub(crate) fn subtotal(&self, kinds: &[LineKind]) -> Result<Money, CostError> {
        Money::sum(
            self.lines
                .iter()
                .filter(|l| kinds.is_empty() || kinds.contains(&l.kind))
                .map(|l| l.amount),
        )
        .map_err(|source| CostError::Money {
            item: format!("{} subtotal", self.catalog.platform_name),
            source,
        })
    }

    /// Hours in the billing month.
    pub(crate) fn hours(&self) -> Decimal {
        self.month.hours()
    }

    /// Minutes in the billing month.
    pub(crate) fn minutes(&self) -> Decimal {
        self.month.minutes()
    }

    /// The platform's name.
    pub(crate) fn platform_name(&self) -> &str {
        &self.catalog.platform_name
    }

    fn finish(self, plan: Option<PlanUsed>) -> Result<PlatformCost, CostError> {
        let total = self.subtotal(&[])?.round_cents();
        let mut item_totals: Vec<ItemTotal> = Vec::new();
        for line in &self.lines {
            let Some(item) = &line.item else { continue };
            let overflow = |source| CostError::Money {
                item: item.clone(),
                source,
            };
            match item_totals.iter_mut().find(|t| &t.item == item) {
                Some(t) => t.amount = t.amount.checked_add(line.amount).map_err(overflow)?,
                None => item_totals.push(ItemTotal {
                    item: item.clone(),
                    amount: line.amount,
                }),
            }
        }
        let sources = self
            .lines
            .iter()
            .filter_map(|l| {
                self.catalog
                    .source(&l.source)
                    .map(|s| (l.source.clone(), s.clone()))
            })
            .collect();
        Ok(PlatformCost {
            platform: self.catalog.platform.clone(),
            platform_name: self.catalog.platform_name.clone(),
            vendor: self.catalog.vendor.clone(),
            kind: self.catalog.kind,
            catalog: self.catalog.id.clone(),
            catalog_as_of: self.catalog.as_of,
            plan,
            billing_month: MonthUsed {
                id: self.month,
                label: self.month.label(),
            },
            items: self.lines,
            total,
            item_totals,
            not_hosted: self.not_hosted,
            sources,
        })
    }
}

/// Share of the week a service is awake, 0 to 1.
pub(crate) fn active_share(active_hours_per_week: Decimal) -> Decimal {
    active_hours_per_week
        .checked_div(HOURS_PER_WEEK)
        .unwrap_or(Decimal::ONE)
        .min(Decimal::ONE)
        .max(Decimal::ZERO)
}

/// "always on" or "50 h a week".
pub(crate) fn schedule_words(active_hours_per_week: Decimal) -> String {
    if active_hours_per_week >= HOURS_PER_WEEK {
        "always on".into()
    } else {
        format!("awake {} h a week", active_hours_per_week.normalize())
    }
}

/// A decimal as people read it: no trailing zeros.
pub(crate) fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Multiplies, naming the item on overflow.
pub(crate) fn mul(a: Decimal, b: Decimal, item: &str) -> Result<Decimal, CostError> {
    a.checked_mul(b).ok_or_else(|| CostError::Money {
        item: item.to_string(),
        source: crate::money::MoneyError::Overflow {
            operation: "multiplying",
        },
    })
}

/// Adds, naming the item on overflow.
pub(crate) fn add(a: Decimal, b: Decimal, item: &str) -> Result<Decimal, CostError> {
    a.checked_add(b).ok_or_else(|| CostError::Money {
        item: item.to_string(),
        source: crate::money::MoneyError::Overflow {
            operation: "adding",
        },
    })
}

/// Engines as a list in words ("PostgreSQL, Redis").
pub(crate) fn engines_words(engines: &[crate::workload::Engine]) -> String {
    engines
        .iter()
        .map(|e| e.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Charges internet egress beyond the free allowance.
pub(crate) fn egress(
    bill: &mut Bill<'_>,
    workload: &Workload,
    egress: &crate::catalog::Egress,
) -> Result<(), CostError> {
    if workload.egress_gb.is_zero() {
        return Ok(());
    }
    let Some(price) = &egress.price else {
        return Ok(());
    };
    let billable = (workload.egress_gb - egress.free_gb).max(Decimal::ZERO);
    let detail = if egress.free_gb.is_zero() {
        format!("{} GB a month", num(workload.egress_gb))
    } else {
        format!(
            "{} GB a month, of which the first {} GB are free",
            num(workload.egress_gb),
            num(egress.free_gb)
        )
    };
    bill.charge(None, "Egress", LineKind::Egress, billable, price, detail)?;
    Ok(())
}

/// Whether a catalog hosts whole applications.
pub fn is_hosting(catalog: &Catalog) -> bool {
    catalog.kind == PlatformKind::Hosting
}
