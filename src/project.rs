//! The project file: a workload and the settings it is costed with, as
//! JSON with a `format_version`. Parsing is pure (text in, project out);
//! reading and writing files happens at the edge that calls it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalogs;
use crate::costing::{CostSettings, MonthSetting};
use crate::credits::{Cash, CreditGrant};
use crate::decision::Answers;
use crate::error::{check_name, parse_json, InputError};
use crate::scenario::Scenario;
use crate::workload::Workload;

/// The newest file format this version reads and writes. Version 2 adds
/// scenarios, credits and cash; version 1 files are migrated on load.
pub const FORMAT_VERSION: u32 = 2;
/// The oldest file format this version reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The built-in example: the QLP platform of the seed analysis.
pub const EXAMPLE: &str = include_str!("../assets/examples/qlp.json");

/// A founder's project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File format version.
    pub format_version: u32,
    /// The project's name.
    pub name: String,
    /// Notes for whoever reads the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Month length used for every monthly figure.
    #[serde(default)]
    pub billing_month: MonthSetting,
    /// Plan per platform id, where not the catalog's default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plans: BTreeMap<String, String>,
    /// What the product runs.
    pub workload: Workload,
    /// Credit grants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<CreditGrant>,
    /// Cash in bank and other burn.
    #[serde(default)]
    pub cash: Cash,
    /// Ways of running the workload over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// The answers to the decision framework.
    #[serde(default, skip_serializing_if = "Answers::is_default")]
    pub decision: Answers,
}

fn unique_ids<'a>(path: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), InputError> {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if seen.contains(&id) {
            return Err(InputError::Duplicate {
                path: format!("{path}[{i}].id"),
                name: id.to_string(),
            });
        }
        seen.push(id);
    }
    Ok(())
}

/// "must be the number 1, …" while one version exists, else the range.
fn version_range_words() -> String {
    let (min, max) = (OLDEST_FORMAT_VERSION, FORMAT_VERSION);
    if min == max {
        format!("must be the number {max}, written without quotes")
    } else {
        format!("must be a whole number from {min} to {max}, written without quotes")
    }
}

/// Adds the allowed range to a type error on a field that has one, so
/// that "expected a decimal number" also says which numbers.
fn with_range(e: InputError) -> InputError {
    match e {
        InputError::Malformed { path, message } => {
            let message = match crate::workload::limits::for_path(&path) {
                Some((min, max, unit)) => {
                    let unit = if unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {unit}")
                    };
                    format!("{message}; allowed: {min} to {max}{unit}")
                }
                None => message,
            };
            InputError::Malformed { path, message }
        }
        other => other,
    }
}

impl Project {
    /// Parses and validates a project file's text.
    pub fn parse(text: &str) -> Result<Project, InputError> {
        let head: serde_json::Value = parse_json(text)?;
        let Some(head) = head.as_object() else {
            return Err(InputError::Malformed {
                path: ".".into(),
                message: "a project file is a JSON object, starting with {".into(),
            });
        };
        let version = match head.get("format_version") {
            Some(serde_json::Value::Number(n)) => n.as_u64(),
            Some(_) => None,
            None => {
                return Err(InputError::Malformed {
                    path: "format_version".into(),
                    message: "is missing; a project file starts with \"format_version\": 1".into(),
                })
            }
        };
        let Some(version) = version.filter(|v| *v >= 1) else {
            return Err(InputError::Malformed {
                path: "format_version".into(),
                message: version_range_words(),
            });
        };
        if version > u64::from(FORMAT_VERSION) {
            return Err(InputError::NewerVersion {
                got: u32::try_from(version).unwrap_or(u32::MAX),
                min: OLDEST_FORMAT_VERSION,
                max: FORMAT_VERSION,
            });
        }
        let mut project: Project = parse_json(text).map_err(with_range)?;
        // Version 1 had no scenarios, credits or cash: the defaults are its
        // meaning, so migrating is raising the version.
        project.format_version = FORMAT_VERSION;
        project.validate()?;
        Ok(project)
    }

    /// The built-in example project.
    pub fn example() -> Result<Project, InputError> {
        Project::parse(EXAMPLE)
    }

    /// Checks every field that needs no catalog.
    pub fn validate(&self) -> Result<(), InputError> {
        check_name("name", &self.name, 120)?;
        self.workload.validate("workload")?;
        self.cash.validate("cash")?;
        unique_ids("credits", self.credits.iter().map(|g| g.id.as_str()))?;
        unique_ids("scenarios", self.scenarios.iter().map(|g| g.id.as_str()))?;
        self.decision.validate("decision")?;
        Ok(())
    }

    /// Checks every reference to a platform, vendor or plan.
    pub fn validate_references(&self, catalogs: &Catalogs) -> Result<(), InputError> {
        crate::query::check_plans(&self.plans, "plans", catalogs)?;
        let vendors = catalogs.vendors();
        for (i, g) in self.credits.iter().enumerate() {
            g.validate(&format!("credits[{i}]"), &vendors)?;
        }
        let platforms = catalogs.platforms();
        for (i, s) in self.scenarios.iter().enumerate() {
            let path = format!("scenarios[{i}]");
            s.validate(&path, &self.workload, &platforms)?;
            crate::query::check_plans(&s.plans, &format!("{path}.plans"), catalogs)?;
        }
        Ok(())
    }

    /// The project as the JSON a file holds (pretty, with a final newline).
    pub fn to_json(&self) -> Result<String, InputError> {
        crate::error::to_file_json(self)
    }

    /// The settings costs are computed with.
    pub fn cost_settings(&self) -> CostSettings {
        CostSettings {
            month: self.billing_month,
            plans: self.plans.clone(),
        }
    }
}
