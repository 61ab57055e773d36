//! The shape of a pricing catalog file (`assets/catalogs/*.json`).
//!
//! A catalog prices one platform as of one date. Every price names a
//! source (URL, date read, confidence) from the catalog's `sources` table,
//! so that any figure the app shows can be traced to where it was read.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::workload::Engine;

use super::profile::Profile;

/// How sure a price is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read from the vendor's own pricing page, documentation or repository.
    Confirmed,
    /// Consistent secondary sources.
    Likely,
    /// One secondary source, or inferred: check before relying on it.
    Uncertain,
}

/// Where a price was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page or file.
    pub url: String,
    /// When it was read (or, where the page is dated, its date).
    pub as_of: Date,
    /// How sure the figures taken from it are.
    pub confidence: Confidence,
    /// What to know about it.
    #[serde(default)]
    pub note: String,
}

/// One price: dollars per unit, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Dollars per `per`.
    pub usd: Decimal,
    /// The unit, in words ("vCPU-minute", "GB-month", "month").
    pub per: String,
    /// Key into the catalog's `sources`.
    pub source: String,
}

/// How long a billing month is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingMonth {
    /// 30 days, 43,200 minutes (Railway's own convention).
    #[serde(rename = "30d")]
    Days30,
    /// 730 hours (cloud calculators' convention: 8,760 h / 12).
    #[serde(rename = "730h")]
    Hours730,
}

impl BillingMonth {
    /// Hours in the month.
    pub fn hours(self) -> Decimal {
        match self {
            BillingMonth::Days30 => Decimal::from(720),
            BillingMonth::Hours730 => Decimal::from(730),
        }
    }

    /// Minutes in the month.
    pub fn minutes(self) -> Decimal {
        match self {
            BillingMonth::Days30 => Decimal::from(43_200),
            BillingMonth::Hours730 => Decimal::from(43_800),
        }
    }

    /// How the month is shown beside every monthly figure.
    pub fn label(self) -> &'static str {
        match self {
            BillingMonth::Days30 => "30-day month (720 h)",
            BillingMonth::Hours730 => "730-hour month",
        }
    }
}

/// Whether a platform hosts the whole application or one managed service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlatformKind {
    /// Runs services and databases (Railway, Render, Heroku, ECS, AKS).
    Hosting,
    /// One managed service (Supabase, Temporal Cloud, Qdrant, Azure OpenAI).
    Managed,
}

/// A subscription plan with a fee and, on some platforms, included usage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Short id ("hobby").
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// Monthly fee.
    pub fee: Price,
    /// Usage the fee includes (does not roll over), if any.
    #[serde(default)]
    pub included_usage: Option<Price>,
}

/// Internet egress: a free allowance, then a price per GB (or no charge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Egress {
    /// GB a month free.
    #[serde(default)]
    pub free_gb: Decimal,
    /// Price per GB beyond the allowance; absent when egress is not billed.
    #[serde(default)]
    pub price: Option<Price>,
    /// Where the allowance is stated.
    pub source: String,
}

/// A valid Fargate-style task size: one vCPU value and its memory range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSize {
    /// vCPUs.
    pub vcpu: Decimal,
    /// Least memory allowed with it, GB.
    pub min_memory_gb: Decimal,
    /// Most memory allowed with it, GB.
    pub max_memory_gb: Decimal,
    /// Memory comes in steps of this many GB from the least.
    #[serde(default)]
    pub memory_step_gb: Option<Decimal>,
    /// Or only these memory sizes, GB (where the steps are uneven).
    #[serde(default)]
    pub memory_options_gb: Vec<Decimal>,
}

/// Billed by the resources used over time (Railway, AWS Fargate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageMetered {
    /// Price per vCPU per `time_unit`.
    pub vcpu: Price,
    /// Price per GB of memory per `time_unit`.
    pub memory_gb: Price,
    /// "minute" or "hour".
    pub time_unit: TimeUnit,
    /// Allowed task sizes; resources are rounded up to the smallest that
    /// fits. Empty when any size is allowed.
    #[serde(default)]
    pub task_sizes: Vec<TaskSize>,
    /// Database engines run as ordinary services at these rates.
    pub databases: Vec<Engine>,
    /// Persistent volumes, per GB-month.
    pub volume_gb_month: Price,
    /// Internet egress.
    pub egress: Egress,
    /// A load balancer in front of the services, per hour, if required.
    #[serde(default)]
    pub load_balancer_hour: Option<Price>,
    /// Plans; the fee may include usage.
    pub plans: Vec<Plan>,
    /// The plan used unless the project picks another.
    pub default_plan: String,
}

/// A unit of time resources are billed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// Per minute.
    Minute,
    /// Per hour.
    Hour,
}

/// An instance type with a monthly price (Render, Heroku).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceTier {
    /// Short id ("standard-2x").
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// vCPUs (or, for shared tiers, the vCPU-equivalent the catalog assumes).
    pub vcpu: Decimal,
    /// Memory, GB.
    pub memory_gb: Decimal,
    /// Price for a whole month, prorated by the time it runs; or, with
    /// `pool_hours`, the price of one pool of hours shared by all its dynos.
    pub price: Price,
    /// Hours in one pool (Heroku Eco: 1,000 dyno-hours a month for $5).
    #[serde(default)]
    pub pool_hours: Option<Decimal>,
    /// False for tiers that sleep or share hours (free, eco): never chosen
    /// for production services.
    #[serde(default = "yes")]
    pub production: bool,
}

/// A managed database plan (Render Postgres, Heroku Key-Value Store).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabasePlan {
    /// Engine.
    pub engine: Engine,
    /// Short id.
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// Memory, GB.
    pub memory_gb: Decimal,
    /// Storage included, GB; absent when storage is billed separately.
    #[serde(default)]
    pub storage_gb: Option<Decimal>,
    /// Monthly price.
    pub price: Price,
}

/// Billed per instance tier (Render, Heroku).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceTiers {
    /// Instance types; each service gets the smallest that fits.
    pub tiers: Vec<InstanceTier>,
    /// Managed database plans; each database gets the smallest that fits.
    pub database_plans: Vec<DatabasePlan>,
    /// Storage for plans that bill it separately, per GB-month.
    #[serde(default)]
    pub database_storage_gb_month: Option<Price>,
    /// Persistent disks, per GB-month; absent where the platform has none.
    #[serde(default)]
    pub volume_gb_month: Option<Price>,
    /// Why volumes cannot be had, shown when the workload needs them.
    #[serde(default)]
    pub volume_note: String,
    /// Internet egress.
    pub egress: Egress,
    /// Workspace plans.
    pub plans: Vec<Plan>,
    /// The plan used unless the project picks another.
    pub default_plan: String,
}

/// A virtual machine size for a node pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VmSize {
    /// Vendor's SKU ("Standard_D2s_v3").
    pub id: String,
    /// vCPUs.
    pub vcpu: Decimal,
    /// Memory, GB.
    pub memory_gb: Decimal,
    /// Price per hour.
    pub price: Price,
}

/// A Kubernetes cluster of VMs (Azure AKS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodePool {
    /// Node sizes.
    pub vm_sizes: Vec<VmSize>,
    /// The size used.
    pub default_vm_size: String,
    /// Share of a node's vCPUs left for workloads after the system's
    /// reservation, 0 to 1.
    pub allocatable_vcpu: Decimal,
    /// Share of a node's memory left for workloads, 0 to 1.
    pub allocatable_memory: Decimal,
    /// Fewest nodes, for availability.
    pub min_nodes: u32,
    /// Database engines run in the cluster.
    pub databases: Vec<Engine>,
    /// Control-plane tiers (the plans of this platform), priced per hour.
    pub plans: Vec<Plan>,
    /// The tier used unless the project picks another.
    pub default_plan: String,
    /// Load balancer, per hour.
    pub load_balancer_hour: Price,
    /// Managed disks for volumes and database storage, per GB-month.
    pub disk_gb_month: Price,
    /// Internet egress.
    pub egress: Egress,
}

/// A Postgres compute size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComputeSize {
    /// Short id ("micro").
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// Memory, GB.
    pub memory_gb: Decimal,
    /// Price per hour.
    pub price: Price,
}

/// Managed Postgres with compute sizes and compute credits (Supabase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagedPostgres {
    /// Organization plans; `included_usage` is the compute credit, which
    /// pays for compute only.
    pub plans: Vec<Plan>,
    /// The plan used unless the project picks another.
    pub default_plan: String,
    /// Compute sizes; each database gets the smallest that fits.
    pub compute_sizes: Vec<ComputeSize>,
    /// Disk included per project, GB.
    pub disk_included_gb: Decimal,
    /// Disk beyond that, per GB-month.
    pub disk_gb_month: Price,
}

/// One band of a tiered price: up to a cumulative quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Upper end of the band, in millions (cumulative); absent for the last.
    #[serde(default)]
    pub up_to_millions: Option<Decimal>,
    /// Price per million in this band.
    pub price: Price,
}

/// A Temporal Cloud plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowPlan {
    /// Short id ("developer").
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// The plan's monthly minimum for its fee.
    pub minimum: Price,
    /// The fee is the greater of `minimum` and this share of usage, percent.
    pub usage_percent: Decimal,
    /// Actions a month included, millions.
    #[serde(default)]
    pub included_actions_millions: Decimal,
    /// Active storage included, GB.
    #[serde(default)]
    pub included_active_gb: Decimal,
    /// Retained storage included, GB.
    #[serde(default)]
    pub included_retained_gb: Decimal,
    /// True when the volume tiers apply; false for a flat action price.
    pub volume_tiers: bool,
    /// Where the plan's terms are stated.
    pub source: String,
}

/// Billed per workflow action and storage (Temporal Cloud).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowActions {
    /// Volume tiers, per million actions.
    pub action_tiers: Vec<Tier>,
    /// Active storage, per GB-hour.
    pub active_storage_gbh: Price,
    /// Retained storage, per GB-hour.
    pub retained_storage_gbh: Price,
    /// Plans.
    pub plans: Vec<WorkflowPlan>,
    /// The plan used unless the project picks another.
    pub default_plan: String,
}

/// A vector database cluster size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorNode {
    /// Short id.
    pub id: String,
    /// Memory, GB.
    pub memory_gb: Decimal,
    /// Disk, GB.
    pub disk_gb: Decimal,
    /// Price per hour.
    pub price: Price,
}

/// A vector database's free tier and paid nodes (Qdrant Cloud).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorDatabase {
    /// Memory of the free cluster, GB.
    pub free_memory_gb: Decimal,
    /// Disk of the free cluster, GB.
    pub free_disk_gb: Decimal,
    /// The free cluster's price ($0) and where the free tier is stated.
    pub free_cluster: Price,
    /// Paid cluster sizes; may be empty where no list price is published.
    #[serde(default)]
    pub paid_nodes: Vec<VectorNode>,
    /// Why paid sizes are missing, shown when the workload needs one.
    #[serde(default)]
    pub paid_note: String,
}

/// A hosted language model's token prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmModel {
    /// Id used in workloads ("gpt-4o").
    pub id: String,
    /// Name as the vendor writes it.
    pub name: String,
    /// Input tokens, per million.
    pub input: Price,
    /// Input tokens served from the prompt cache, per million.
    pub cached_input: Price,
    /// Output tokens, per million.
    pub output: Price,
}

/// Billed per token (Azure OpenAI).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmTokens {
    /// Models.
    pub models: Vec<LlmModel>,
}

/// How a platform bills; one variant per billing model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum Pricing {
    /// Resources over time (Railway, AWS Fargate).
    UsageMetered(UsageMetered),
    /// Instance tiers (Render, Heroku).
    InstanceTiers(InstanceTiers),
    /// A node pool of VMs (Azure AKS).
    NodePool(NodePool),
    /// Managed Postgres (Supabase).
    ManagedPostgres(ManagedPostgres),
    /// Workflow actions (Temporal Cloud).
    WorkflowActions(WorkflowActions),
    /// Vector database (Qdrant Cloud).
    VectorDatabase(VectorDatabase),
    /// LLM tokens (Azure OpenAI).
    LlmTokens(LlmTokens),
}

/// A pricing catalog: one platform's prices as of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Unique id ("railway-2026-08").
    pub id: String,
    /// The platform priced ("railway").
    pub platform: String,
    /// The company that bills it ("azure" for AKS and Azure OpenAI): credit
    /// grants name a vendor.
    pub vendor: String,
    /// The platform's name ("Railway").
    pub platform_name: String,
    /// Hosting platform or managed service.
    pub kind: PlatformKind,
    /// What this catalog is, in a line.
    pub title: String,
    /// The date its prices are for, as its author states it; the newest
    /// catalog of a platform is its current one.
    pub as_of: Date,
    /// The platform's own billing-month convention.
    pub billing_month: BillingMonth,
    /// Where its prices were read, by key.
    pub sources: BTreeMap<String, Source>,
    /// The seed's comparison facts.
    pub profile: Profile,
    /// The prices.
    pub pricing: Pricing,
}

fn yes() -> bool {
    true
}
