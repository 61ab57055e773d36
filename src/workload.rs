//! What the founder runs: services, databases and usage. Quantities are
//! decimals (never floats); every field has a range, checked by
//! [`Workload::validate`] with errors that name the field.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{check_name, check_range, InputError};

/// Longest name of a service or database.
pub const MAX_NAME: usize = 80;
/// Most services or databases in one workload.
pub const MAX_ITEMS: usize = 200;
/// Hours in a week: a service active all the time.
pub const HOURS_PER_WEEK: Decimal = Decimal::from_parts(168, 0, 0, false, 0);

/// Whether a service serves customers or developers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Production: serves customers.
    Prod,
    /// Development or staging.
    Dev,
}

/// One long-running service (a container, a dyno, an app).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// What the founder calls it ("Orchestrator").
    pub name: String,
    /// vCPUs allocated to each instance.
    pub vcpu: Decimal,
    /// Memory allocated to each instance, GB.
    pub memory_gb: Decimal,
    /// How many instances run.
    #[serde(default = "one")]
    pub instances: u32,
    /// Production or development.
    #[serde(default = "prod")]
    pub environment: Environment,
    /// Hours a week the service is awake (168 = always on). Platforms that
    /// bill by use charge only these hours.
    #[serde(default = "always_on")]
    pub active_hours_per_week: Decimal,
}

/// A database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// PostgreSQL.
    Postgres,
    /// Redis (or a Redis-compatible key-value store).
    Redis,
    /// MongoDB.
    Mongodb,
}

impl Engine {
    /// The engine's name as people write it.
    pub fn label(self) -> &'static str {
        match self {
            Engine::Postgres => "PostgreSQL",
            Engine::Redis => "Redis",
            Engine::Mongodb => "MongoDB",
        }
    }
}

/// A database the product needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Database {
    /// What the founder calls it ("Postgres").
    pub name: String,
    /// The engine.
    pub engine: Engine,
    /// vCPUs the database needs.
    pub vcpu: Decimal,
    /// Memory the database needs, GB.
    pub memory_gb: Decimal,
    /// Data on disk, GB (0 when not estimated).
    #[serde(default)]
    pub storage_gb: Decimal,
}

/// Temporal workflow usage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflows {
    /// Billable Temporal actions a month.
    pub actions_per_month: Decimal,
    /// Active (running workflow) storage, GB.
    #[serde(default)]
    pub active_storage_gb: Decimal,
    /// Retained (closed workflow history) storage, GB.
    #[serde(default)]
    pub retained_storage_gb: Decimal,
}

/// LLM usage through a hosted model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmUsage {
    /// The model's id in the LLM catalog ("gpt-4o").
    pub model: String,
    /// Input (prompt) tokens a month.
    pub input_tokens_per_month: Decimal,
    /// Output (completion) tokens a month.
    pub output_tokens_per_month: Decimal,
    /// Share of input tokens served from the prompt cache, 0 to 1.
    #[serde(default)]
    pub cache_hit_rate: Decimal,
}

/// Vector database usage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorUsage {
    /// Memory the vectors and their index need, GB.
    pub memory_gb: Decimal,
    /// Disk the collection needs, GB.
    #[serde(default)]
    pub disk_gb: Decimal,
}

/// Everything the product runs and uses in a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Long-running services.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Databases.
    #[serde(default)]
    pub databases: Vec<Database>,
    /// Data sent to the internet, GB a month.
    #[serde(default)]
    pub egress_gb: Decimal,
    /// Persistent volumes attached to services, GB.
    #[serde(default)]
    pub volume_gb: Decimal,
    /// Workflow usage (Temporal), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflows: Option<Workflows>,
    /// LLM usage, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub llm: Option<LlmUsage>,
    /// Vector storage, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vectors: Option<VectorUsage>,
}

fn one() -> u32 {
    1
}
fn prod() -> Environment {
    Environment::Prod
}
fn always_on() -> Decimal {
    HOURS_PER_WEEK
}

fn d(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// The ranges a workload's fields accept, in one place so that the error
/// messages, the UI and the tests agree.
pub mod limits {
    use rust_decimal::Decimal;

    /// (min, max, unit) of a field.
    pub type Range = (Decimal, Decimal, &'static str);

    /// vCPUs of a service or database.
    pub fn vcpu() -> Range {
        (super::d(5, 2), super::d(64, 0), "vCPU")
    }
    /// Memory of a service or database.
    pub fn memory_gb() -> Range {
        (super::d(125, 3), super::d(256, 0), "GB")
    }
    /// Instances of a service.
    pub const INSTANCES: (u32, u32) = (1, 100);
    /// Active hours a week.
    pub fn active_hours() -> Range {
        (Decimal::ZERO, super::HOURS_PER_WEEK, "hours a week")
    }
    /// Database storage.
    pub fn storage_gb() -> Range {
        (Decimal::ZERO, super::d(65_536, 0), "GB")
    }
    /// Egress a month.
    pub fn egress_gb() -> Range {
        (Decimal::ZERO, super::d(1_000_000, 0), "GB a month")
    }
    /// Volumes.
    pub fn volume_gb() -> Range {
        (Decimal::ZERO, super::d(100_000, 0), "GB")
    }
    /// Temporal actions a month.
    pub fn actions() -> Range {
        (
            Decimal::ZERO,
            super::d(1_000_000_000_000, 0),
            "actions a month",
        )
    }
    /// Temporal storage.
    pub fn workflow_storage_gb() -> Range {
        (Decimal::ZERO, super::d(100_000, 0), "GB")
    }
    /// LLM tokens a month.
    pub fn tokens() -> Range {
        (
            Decimal::ZERO,
            super::d(10_000_000_000_000, 0),
            "tokens a month",
        )
    }
    /// Cache hit rate.
    pub fn cache_hit_rate() -> Range {
        (Decimal::ZERO, Decimal::ONE, "")
    }
    /// Vector memory and disk.
    pub fn vector_gb() -> Range {
        (Decimal::ZERO, super::d(10_000, 0), "GB")
    }

    /// The range of the field at a document path such as
    /// `workload.services[2].vcpu`, if it has one.
    pub fn for_path(path: &str) -> Option<(String, String, &'static str)> {
        let field = path.rsplit('.').next()?;
        let decimal = |r: Range| {
            Some((
                r.0.normalize().to_string(),
                r.1.normalize().to_string(),
                r.2,
            ))
        };
        match field {
            "instances" => Some((INSTANCES.0.to_string(), INSTANCES.1.to_string(), "")),
            "vcpu" => decimal(vcpu()),
            "memory_gb" | "disk_gb" if path.contains(".vectors.") => decimal(vector_gb()),
            "memory_gb" => decimal(memory_gb()),
            "active_hours_per_week" => decimal(active_hours()),
            "storage_gb" => decimal(storage_gb()),
            "egress_gb" => decimal(egress_gb()),
            "volume_gb" => decimal(volume_gb()),
            "actions_per_month" => decimal(actions()),
            "active_storage_gb" | "retained_storage_gb" => decimal(workflow_storage_gb()),
            "input_tokens_per_month" | "output_tokens_per_month" => decimal(tokens()),
            "cache_hit_rate" => decimal(cache_hit_rate()),
            _ => None,
        }
    }
}

fn check(path: String, value: Decimal, range: limits::Range) -> Result<(), InputError> {
    check_range(path, value, range.0, range.1, range.2)
}

impl Workload {
    /// A workload with nothing in it.
    pub fn empty() -> Workload {
        Workload {
            services: Vec::new(),
            databases: Vec::new(),
            egress_gb: Decimal::ZERO,
            volume_gb: Decimal::ZERO,
            workflows: None,
            llm: None,
            vectors: None,
        }
    }

    /// Checks every field against its range and names unique; `prefix` is
    /// the path of the workload in its document (`workload`).
    pub fn validate(&self, prefix: &str) -> Result<(), InputError> {
        let mut names: Vec<&str> = Vec::new();
        for (kind, count) in [
            ("services", self.services.len()),
            ("databases", self.databases.len()),
        ] {
            if count > MAX_ITEMS {
                return Err(InputError::OutOfRange {
                    path: format!("{prefix}.{kind}"),
                    min: "0".into(),
                    max: MAX_ITEMS.to_string(),
                    unit: " items".into(),
                    got: count.to_string(),
                });
            }
        }
        for (i, s) in self.services.iter().enumerate() {
            let p = format!("{prefix}.services[{i}]");
            check_name(format!("{p}.name"), &s.name, MAX_NAME)?;
            plain_name(format!("{p}.name"), &s.name)?;
            unique(&mut names, &s.name, format!("{p}.name"))?;
            check(format!("{p}.vcpu"), s.vcpu, limits::vcpu())?;
            check(format!("{p}.memory_gb"), s.memory_gb, limits::memory_gb())?;
            let (lo, hi) = limits::INSTANCES;
            if !(lo..=hi).contains(&s.instances) {
                return Err(InputError::OutOfRange {
                    path: format!("{p}.instances"),
                    min: lo.to_string(),
                    max: hi.to_string(),
                    unit: String::new(),
                    got: s.instances.to_string(),
                });
            }
            check(
                format!("{p}.active_hours_per_week"),
                s.active_hours_per_week,
                limits::active_hours(),
            )?;
        }
        for (i, db) in self.databases.iter().enumerate() {
            let p = format!("{prefix}.databases[{i}]");
            check_name(format!("{p}.name"), &db.name, MAX_NAME)?;
            plain_name(format!("{p}.name"), &db.name)?;
            unique(&mut names, &db.name, format!("{p}.name"))?;
            check(format!("{p}.vcpu"), db.vcpu, limits::vcpu())?;
            check(format!("{p}.memory_gb"), db.memory_gb, limits::memory_gb())?;
            check(
                format!("{p}.storage_gb"),
                db.storage_gb,
                limits::storage_gb(),
            )?;
        }
        check(
            format!("{prefix}.egress_gb"),
            self.egress_gb,
            limits::egress_gb(),
        )?;
        check(
            format!("{prefix}.volume_gb"),
            self.volume_gb,
            limits::volume_gb(),
        )?;
        if let Some(w) = &self.workflows {
            let p = format!("{prefix}.workflows");
            check(
                format!("{p}.actions_per_month"),
                w.actions_per_month,
                limits::actions(),
            )?;
            check(
                format!("{p}.active_storage_gb"),
                w.active_storage_gb,
                limits::workflow_storage_gb(),
            )?;
            check(
                format!("{p}.retained_storage_gb"),
                w.retained_storage_gb,
                limits::workflow_storage_gb(),
            )?;
        }
        if let Some(l) = &self.llm {
            let p = format!("{prefix}.llm");
            check_name(format!("{p}.model"), &l.model, MAX_NAME)?;
            check(
                format!("{p}.input_tokens_per_month"),
                l.input_tokens_per_month,
                limits::tokens(),
            )?;
            check(
                format!("{p}.output_tokens_per_month"),
                l.output_tokens_per_month,
                limits::tokens(),
            )?;
            check(
                format!("{p}.cache_hit_rate"),
                l.cache_hit_rate,
                limits::cache_hit_rate(),
            )?;
        }
        if let Some(v) = &self.vectors {
            let p = format!("{prefix}.vectors");
            check(format!("{p}.memory_gb"), v.memory_gb, limits::vector_gb())?;
            check(format!("{p}.disk_gb"), v.disk_gb, limits::vector_gb())?;
        }
        Ok(())
    }
}

/// Item names are keys in scenarios' placements and in field paths, so a
/// few characters are kept out of them.
fn plain_name(path: String, name: &str) -> Result<(), InputError> {
    if name.contains(['.', '[', ']']) {
        return Err(InputError::Malformed {
            path,
            message: format!("must not contain \".\", \"[\" or \"]\" (you entered \"{name}\")"),
        });
    }
    Ok(())
}

fn unique<'a>(seen: &mut Vec<&'a str>, name: &'a str, path: String) -> Result<(), InputError> {
    let key = name.trim();
    if seen.iter().any(|n| n.eq_ignore_ascii_case(key)) {
        return Err(InputError::Duplicate {
            path,
            name: key.to_string(),
        });
    }
    seen.push(key);
    Ok(())
}
