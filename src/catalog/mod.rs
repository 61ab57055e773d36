//! Pricing catalogs: loading, validation and look-up.
//!
//! The built-in catalogs are embedded in the binaries at compile time
//! (`include_str!`), so the app and the CLI price offline; they are parsed
//! and validated by [`Catalogs::builtin`] at start-up.

mod model;
mod profile;

pub use model::*;
pub use profile::*;

use rust_decimal::Decimal;

use crate::error::{check_range, parse_json, InputError};

/// The built-in catalog files, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "railway-2025-seed.json",
        include_str!("../../assets/catalogs/railway-2025-seed.json"),
    ),
    (
        "railway-2026-08.json",
        include_str!("../../assets/catalogs/railway-2026-08.json"),
    ),
    (
        "render-2026-05.json",
        include_str!("../../assets/catalogs/render-2026-05.json"),
    ),
    (
        "heroku-2026-05.json",
        include_str!("../../assets/catalogs/heroku-2026-05.json"),
    ),
    (
        "aws-ecs-fargate-2026-09.json",
        include_str!("../../assets/catalogs/aws-ecs-fargate-2026-09.json"),
    ),
    (
        "azure-aks-2026.json",
        include_str!("../../assets/catalogs/azure-aks-2026.json"),
    ),
    (
        "supabase-2025-08.json",
        include_str!("../../assets/catalogs/supabase-2025-08.json"),
    ),
    (
        "temporal-cloud-2026.json",
        include_str!("../../assets/catalogs/temporal-cloud-2026.json"),
    ),
    (
        "qdrant-cloud-2026-10.json",
        include_str!("../../assets/catalogs/qdrant-cloud-2026-10.json"),
    ),
    (
        "azure-openai-2026-05.json",
        include_str!("../../assets/catalogs/azure-openai-2026-05.json"),
    ),
];

/// A catalog that failed to load, with the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {error}")]
pub struct CatalogError {
    /// The catalog's file name.
    pub file: String,
    /// What is wrong (boxed: errors stay small on the happy path).
    pub error: Box<InputError>,
}

/// The loaded, validated catalogs, in a stable order.
#[derive(Debug, Clone)]
pub struct Catalogs {
    catalogs: Vec<Catalog>,
}

impl Catalogs {
    /// Parses and validates the built-in catalogs.
    pub fn builtin() -> Result<Catalogs, CatalogError> {
        Catalogs::from_files(BUILTIN.iter().map(|(f, t)| (*f, *t)))
    }

    /// Parses and validates catalogs from `(file name, text)` pairs.
    pub fn from_files<'a, I>(files: I) -> Result<Catalogs, CatalogError>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut catalogs: Vec<Catalog> = Vec::new();
        for (file, text) in files {
            let wrap = |error| CatalogError {
                file: file.to_string(),
                error: Box::new(error),
            };
            let catalog: Catalog = parse_json(text).map_err(wrap)?;
            catalog.validate().map_err(wrap)?;
            if catalogs.iter().any(|c| c.id == catalog.id) {
                return Err(wrap(InputError::Duplicate {
                    path: "id".into(),
                    name: catalog.id,
                }));
            }
            catalogs.push(catalog);
        }
        Ok(Catalogs { catalogs })
    }

    /// The built-in catalogs plus catalogs the founder accepted (refreshed
    /// prices), each given as (file name, text). One that does not read,
    /// or whose id is taken, is left out and named in the warnings: a bad
    /// file never stops the app.
    pub fn builtin_with(
        extra: &[(String, String)],
    ) -> Result<(Catalogs, Vec<String>), CatalogError> {
        let mut all = Catalogs::builtin()?;
        let mut warnings = Vec::new();
        for (file, text) in extra {
            let catalog: Result<Catalog, InputError> = parse_json(text).and_then(|c: Catalog| {
                c.validate()?;
                Ok(c)
            });
            match catalog {
                Ok(c) if all.catalogs.iter().any(|x| x.id == c.id) => warnings.push(format!(
                    "{file}: a catalog with the id {} is already loaded; left out",
                    c.id
                )),
                Ok(c) => all.catalogs.push(c),
                Err(e) => warnings.push(format!("{file}: {e}; left out")),
            }
        }
        Ok((all, warnings))
    }

    /// All catalogs.
    pub fn all(&self) -> &[Catalog] {
        &self.catalogs
    }

    /// The catalog with this id.
    pub fn get(&self, id: &str) -> Result<&Catalog, InputError> {
        self.catalogs
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| InputError::Unknown {
                path: "catalog".into(),
                what: "catalog",
                got: id.to_string(),
                known: self.ids().join(", "),
            })
    }

    /// The newest catalog of a platform (by `as_of`, then id).
    pub fn current(&self, platform: &str) -> Result<&Catalog, InputError> {
        self.catalogs
            .iter()
            .filter(|c| c.platform == platform)
            .max_by(|a, b| a.as_of.cmp(&b.as_of).then_with(|| a.id.cmp(&b.id)))
            .ok_or_else(|| InputError::Unknown {
                path: "platform".into(),
                what: "platform",
                got: platform.to_string(),
                known: self.platforms().join(", "),
            })
    }

    /// Catalog ids.
    pub fn ids(&self) -> Vec<&str> {
        self.catalogs.iter().map(|c| c.id.as_str()).collect()
    }

    /// Platform ids, each once, in catalog order.
    pub fn platforms(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.catalogs {
            if !out.contains(&c.platform.as_str()) {
                out.push(&c.platform);
            }
        }
        out
    }

    /// Vendor ids, each once, in catalog order.
    pub fn vendors(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.catalogs {
            if !out.contains(&c.vendor.as_str()) {
                out.push(&c.vendor);
            }
        }
        out
    }

    /// The current catalog of every platform, in catalog order.
    pub fn current_all(&self) -> Vec<&Catalog> {
        self.platforms()
            .into_iter()
            .filter_map(|p| self.current(p).ok())
            .collect()
    }
}

/// A price with its place in the catalog, for listing and validation.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceEntry<'a> {
    /// Where in the catalog ("pricing.vcpu").
    pub path: String,
    /// The price.
    pub price: &'a Price,
}

impl Catalog {
    /// The catalog as the JSON of a catalog file.
    pub fn to_json(&self) -> Result<String, InputError> {
        crate::error::to_file_json(self)
    }

    /// The source a key names.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    /// Every price in the catalog with its path.
    pub fn prices(&self) -> Vec<PriceEntry<'_>> {
        let mut out = Vec::new();
        collect_prices(&self.pricing, &mut out);
        out
    }

    /// The id of the plan in use: `choice` if given, else the default.
    pub fn plan_id<'a>(&'a self, choice: Option<&'a str>) -> Option<&'a str> {
        let default = match &self.pricing {
            Pricing::UsageMetered(p) => Some(p.default_plan.as_str()),
            Pricing::InstanceTiers(p) => Some(p.default_plan.as_str()),
            Pricing::NodePool(p) => Some(p.default_plan.as_str()),
            Pricing::ManagedPostgres(p) => Some(p.default_plan.as_str()),
            Pricing::WorkflowActions(p) => Some(p.default_plan.as_str()),
            Pricing::VectorDatabase(_) | Pricing::LlmTokens(_) => None,
        };
        choice.or(default)
    }

    /// Ids of the plans this platform offers.
    pub fn plan_ids(&self) -> Vec<&str> {
        let plans = match &self.pricing {
            Pricing::UsageMetered(p) => &p.plans,
            Pricing::InstanceTiers(p) => &p.plans,
            Pricing::NodePool(p) => &p.plans,
            Pricing::ManagedPostgres(p) => &p.plans,
            Pricing::WorkflowActions(p) => {
                return p.plans.iter().map(|w| w.id.as_str()).collect();
            }
            Pricing::VectorDatabase(_) | Pricing::LlmTokens(_) => return Vec::new(),
        };
        plans.iter().map(|p| p.id.as_str()).collect()
    }

    /// Checks references, ranges and uniqueness.
    pub fn validate(&self) -> Result<(), InputError> {
        crate::error::check_name("id", &self.id, 60)?;
        crate::error::check_name("platform", &self.platform, 60)?;
        for (key, src) in &self.sources {
            if !(src.url.starts_with("https://") || src.url.starts_with("http://")) {
                return Err(InputError::Malformed {
                    path: format!("sources.{key}.url"),
                    message: format!("must be a web address (got \"{}\")", src.url),
                });
            }
        }
        self.check_source("profile.source", &self.profile.source)?;
        for entry in self.prices() {
            self.check_source(&format!("{}.source", entry.path), &entry.price.source)?;
            check_range(
                format!("{}.usd", entry.path),
                entry.price.usd,
                Decimal::ZERO,
                Decimal::from(1_000_000),
                "USD",
            )?;
        }
        let unit = Decimal::ONE;
        match &self.pricing {
            Pricing::UsageMetered(p) => {
                self.check_source("pricing.egress.source", &p.egress.source)?;
                check_plans(&p.plans, &p.default_plan)?;
                for (i, t) in p.task_sizes.iter().enumerate() {
                    let bad_step = t.memory_step_gb.is_some_and(|s| s <= Decimal::ZERO);
                    if t.min_memory_gb > t.max_memory_gb || t.vcpu <= Decimal::ZERO || bad_step {
                        return Err(InputError::Malformed {
                            path: format!("pricing.task_sizes[{i}]"),
                            message: "needs vcpu > 0, min_memory_gb ≤ max_memory_gb and a memory step > 0".into(),
                        });
                    }
                }
            }
            Pricing::InstanceTiers(p) => {
                self.check_source("pricing.egress.source", &p.egress.source)?;
                check_plans(&p.plans, &p.default_plan)?;
                unique_ids("pricing.tiers", p.tiers.iter().map(|t| t.id.as_str()))?;
                unique_ids(
                    "pricing.database_plans",
                    p.database_plans.iter().map(|t| t.id.as_str()),
                )?;
            }
            Pricing::NodePool(p) => {
                self.check_source("pricing.egress.source", &p.egress.source)?;
                check_plans(&p.plans, &p.default_plan)?;
                unique_ids("pricing.vm_sizes", p.vm_sizes.iter().map(|t| t.id.as_str()))?;
                if !p.vm_sizes.iter().any(|v| v.id == p.default_vm_size) {
                    return Err(InputError::Unknown {
                        path: "pricing.default_vm_size".into(),
                        what: "VM size",
                        got: p.default_vm_size.clone(),
                        known: join(p.vm_sizes.iter().map(|v| v.id.as_str())),
                    });
                }
                let tenth = Decimal::new(1, 1);
                check_range(
                    "pricing.allocatable_vcpu",
                    p.allocatable_vcpu,
                    tenth,
                    unit,
                    "",
                )?;
                check_range(
                    "pricing.allocatable_memory",
                    p.allocatable_memory,
                    tenth,
                    unit,
                    "",
                )?;
                check_range(
                    "pricing.min_nodes",
                    Decimal::from(p.min_nodes),
                    unit,
                    Decimal::from(100),
                    "nodes",
                )?;
                for (i, v) in p.vm_sizes.iter().enumerate() {
                    check_range(
                        format!("pricing.vm_sizes[{i}].vcpu"),
                        v.vcpu,
                        unit,
                        Decimal::from(1024),
                        "vCPU",
                    )?;
                    check_range(
                        format!("pricing.vm_sizes[{i}].memory_gb"),
                        v.memory_gb,
                        unit,
                        Decimal::from(16_384),
                        "GB",
                    )?;
                }
            }
            Pricing::ManagedPostgres(p) => {
                check_plans(&p.plans, &p.default_plan)?;
                unique_ids(
                    "pricing.compute_sizes",
                    p.compute_sizes.iter().map(|t| t.id.as_str()),
                )?;
            }
            Pricing::WorkflowActions(p) => {
                unique_ids("pricing.plans", p.plans.iter().map(|t| t.id.as_str()))?;
                if !p.plans.iter().any(|w| w.id == p.default_plan) {
                    return Err(InputError::Unknown {
                        path: "pricing.default_plan".into(),
                        what: "plan",
                        got: p.default_plan.clone(),
                        known: join(p.plans.iter().map(|w| w.id.as_str())),
                    });
                }
                for (i, w) in p.plans.iter().enumerate() {
                    self.check_source(&format!("pricing.plans[{i}].source"), &w.source)?;
                    check_range(
                        format!("pricing.plans[{i}].usage_percent"),
                        w.usage_percent,
                        Decimal::ZERO,
                        Decimal::ONE_HUNDRED,
                        "%",
                    )?;
                }
                check_tiers(&p.action_tiers)?;
            }
            Pricing::VectorDatabase(_) => {}
            Pricing::LlmTokens(p) => {
                unique_ids("pricing.models", p.models.iter().map(|m| m.id.as_str()))?;
            }
        }
        Ok(())
    }

    fn check_source(&self, path: &str, key: &str) -> Result<(), InputError> {
        if self.sources.contains_key(key) {
            Ok(())
        } else {
            Err(InputError::Unknown {
                path: path.to_string(),
                what: "source",
                got: key.to_string(),
                known: join(self.sources.keys().map(String::as_str)),
            })
        }
    }
}

fn collect_prices<'a>(pricing: &'a Pricing, out: &mut Vec<PriceEntry<'a>>) {
    let mut add = |path: String, price: &'a Price| out.push(PriceEntry { path, price });
    let plans = |add: &mut dyn FnMut(String, &'a Price), plans: &'a [Plan]| {
        for (i, p) in plans.iter().enumerate() {
            add(format!("pricing.plans[{i}].fee"), &p.fee);
            if let Some(inc) = &p.included_usage {
                add(format!("pricing.plans[{i}].included_usage"), inc);
            }
        }
    };
    match pricing {
        Pricing::UsageMetered(p) => {
            add("pricing.vcpu".into(), &p.vcpu);
            add("pricing.memory_gb".into(), &p.memory_gb);
            add("pricing.volume_gb_month".into(), &p.volume_gb_month);
            if let Some(e) = &p.egress.price {
                add("pricing.egress.price".into(), e);
            }
            if let Some(lb) = &p.load_balancer_hour {
                add("pricing.load_balancer_hour".into(), lb);
            }
            plans(&mut add, &p.plans);
        }
        Pricing::InstanceTiers(p) => {
            for (i, t) in p.tiers.iter().enumerate() {
                add(format!("pricing.tiers[{i}].price"), &t.price);
            }
            for (i, t) in p.database_plans.iter().enumerate() {
                add(format!("pricing.database_plans[{i}].price"), &t.price);
            }
            if let Some(s) = &p.database_storage_gb_month {
                add("pricing.database_storage_gb_month".into(), s);
            }
            if let Some(v) = &p.volume_gb_month {
                add("pricing.volume_gb_month".into(), v);
            }
            if let Some(e) = &p.egress.price {
                add("pricing.egress.price".into(), e);
            }
            plans(&mut add, &p.plans);
        }
        Pricing::NodePool(p) => {
            for (i, v) in p.vm_sizes.iter().enumerate() {
                add(format!("pricing.vm_sizes[{i}].price"), &v.price);
            }
            add("pricing.load_balancer_hour".into(), &p.load_balancer_hour);
            add("pricing.disk_gb_month".into(), &p.disk_gb_month);
            if let Some(e) = &p.egress.price {
                add("pricing.egress.price".into(), e);
            }
            plans(&mut add, &p.plans);
        }
        Pricing::ManagedPostgres(p) => {
            for (i, c) in p.compute_sizes.iter().enumerate() {
                add(format!("pricing.compute_sizes[{i}].price"), &c.price);
            }
            add("pricing.disk_gb_month".into(), &p.disk_gb_month);
            plans(&mut add, &p.plans);
        }
        Pricing::WorkflowActions(p) => {
            for (i, t) in p.action_tiers.iter().enumerate() {
                add(format!("pricing.action_tiers[{i}].price"), &t.price);
            }
            add("pricing.active_storage_gbh".into(), &p.active_storage_gbh);
            add(
                "pricing.retained_storage_gbh".into(),
                &p.retained_storage_gbh,
            );
            for (i, w) in p.plans.iter().enumerate() {
                add(format!("pricing.plans[{i}].minimum"), &w.minimum);
            }
        }
        Pricing::VectorDatabase(p) => {
            add("pricing.free_cluster".into(), &p.free_cluster);
            for (i, n) in p.paid_nodes.iter().enumerate() {
                add(format!("pricing.paid_nodes[{i}].price"), &n.price);
            }
        }
        Pricing::LlmTokens(p) => {
            for (i, m) in p.models.iter().enumerate() {
                add(format!("pricing.models[{i}].input"), &m.input);
                add(format!("pricing.models[{i}].cached_input"), &m.cached_input);
                add(format!("pricing.models[{i}].output"), &m.output);
            }
        }
    }
}

fn check_plans(plans: &[Plan], default: &str) -> Result<(), InputError> {
    unique_ids("pricing.plans", plans.iter().map(|p| p.id.as_str()))?;
    if plans.iter().any(|p| p.id == default) {
        Ok(())
    } else {
        Err(InputError::Unknown {
            path: "pricing.default_plan".into(),
            what: "plan",
            got: default.to_string(),
            known: join(plans.iter().map(|p| p.id.as_str())),
        })
    }
}

fn check_tiers(tiers: &[Tier]) -> Result<(), InputError> {
    let mut last = Decimal::ZERO;
    for (i, t) in tiers.iter().enumerate() {
        match t.up_to_millions {
            Some(up) if up > last && i + 1 < tiers.len() => last = up,
            None if i + 1 == tiers.len() => {}
            _ => {
                return Err(InputError::Malformed {
                    path: format!("pricing.action_tiers[{i}].up_to_millions"),
                    message: "tiers must rise, and only the last may be open-ended".into(),
                })
            }
        }
    }
    if tiers.is_empty() {
        return Err(InputError::Empty {
            path: "pricing.action_tiers".into(),
            max: 100,
        });
    }
    Ok(())
}

fn unique_ids<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), InputError> {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            return Err(InputError::Duplicate {
                path: path.to_string(),
                name: id.to_string(),
            });
        }
        seen.push(id);
    }
    Ok(())
}

fn join<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
