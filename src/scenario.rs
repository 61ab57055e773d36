//! A scenario: where each workload item runs, month by month, with plans,
//! one-off costs and growth.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{check_name, check_range, InputError};
use crate::month::YearMonth;
use crate::workload::{Service, Workload};

/// Item name of the workload's internet egress.
pub const EGRESS: &str = "Egress";
/// Item name of the workload's volumes.
pub const VOLUMES: &str = "Volumes";
/// Item name of the workflow usage.
pub const WORKFLOWS: &str = crate::costing::WORKFLOWS;
/// Item name of the LLM usage.
pub const LLM: &str = crate::costing::LLM;
/// Item name of the vector storage.
pub const VECTORS: &str = crate::costing::VECTORS;
/// Names of the usage items, which services and databases may not take.
pub const USAGE_ITEMS: [&str; 5] = [EGRESS, VOLUMES, WORKFLOWS, LLM, VECTORS];
/// The placement that turns an item off for a phase.
pub const OFF: &str = "off";
/// Longest horizon, in months.
pub const MAX_HORIZON: u32 = 120;

/// From a month on, where each item runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// The first month of the phase, 1 = the scenario's start month.
    pub from_month: u32,
    /// The platform of items not named in `placements` (`off` for none).
    pub default_platform: String,
    /// Platform per item name, overriding the default (`off` turns it off).
    #[serde(default)]
    pub placements: BTreeMap<String, String>,
}

/// A cost that falls once, in one month: migration effort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneOffCost {
    /// The month it falls in, 1 = the start month.
    pub month: u32,
    /// What it is ("Move Postgres to Supabase").
    pub description: String,
    /// Engineer hours.
    pub hours: Decimal,
    /// Dollars an hour.
    pub hourly_rate: Decimal,
}

/// Monthly growth of one workload item, compounding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// The item's name.
    pub item: String,
    /// Percent a month (−50 to 100).
    pub monthly_percent: Decimal,
    /// Also grow allocated resources (instances of a service, memory of a
    /// database); usage quantities always grow.
    #[serde(default)]
    pub resources: bool,
}

/// A way of running the workload over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short unique id ("hybrid").
    pub id: String,
    /// Name people read ("Hybrid on credits").
    pub name: String,
    /// What it is, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The first month.
    pub start: YearMonth,
    /// Months projected, 1 to 120.
    pub horizon_months: u32,
    /// Placements; the first starts in month 1.
    pub phases: Vec<Phase>,
    /// Plan per platform id for this scenario.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plans: BTreeMap<String, String>,
    /// Services that exist in this scenario only (a development copy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_services: Vec<Service>,
    /// One-off costs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_off_costs: Vec<OneOffCost>,
    /// Growth per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub growth: Vec<Growth>,
}

impl Scenario {
    /// The phase in force in a month (1-based).
    pub fn phase_at(&self, month: u32) -> Option<(usize, &Phase)> {
        self.phases
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| p.from_month <= month)
    }

    /// Item names of a workload plus this scenario's extra services.
    pub fn item_names(&self, workload: &Workload) -> Vec<String> {
        let mut names: Vec<String> = workload.services.iter().map(|s| s.name.clone()).collect();
        names.extend(self.extra_services.iter().map(|s| s.name.clone()));
        names.extend(workload.databases.iter().map(|d| d.name.clone()));
        names.extend(USAGE_ITEMS.iter().map(|s| s.to_string()));
        names
    }

    /// Checks ranges and references; `platforms` are the known platform ids.
    pub fn validate(
        &self,
        path: &str,
        workload: &Workload,
        platforms: &[&str],
    ) -> Result<(), InputError> {
        check_name(format!("{path}.id"), &self.id, 40)?;
        check_name(format!("{path}.name"), &self.name, 120)?;
        let horizon = Decimal::from(self.horizon_months);
        check_range(
            format!("{path}.horizon_months"),
            horizon,
            Decimal::ONE,
            Decimal::from(MAX_HORIZON),
            "months",
        )?;
        let last = i32::try_from(self.horizon_months)
            .ok()
            .and_then(|h| self.start.plus(h - 1));
        if last.is_none() {
            return Err(InputError::Malformed {
                path: format!("{path}.horizon_months"),
                message: format!(
                    "{} months from {} run past 2200-12, the last month this app projects",
                    self.horizon_months, self.start
                ),
            });
        }
        let items = self.item_names(workload);
        for (i, s) in self.extra_services.iter().enumerate() {
            let p = format!("{path}.extra_services[{i}].name");
            if workload
                .services
                .iter()
                .any(|w| w.name.eq_ignore_ascii_case(&s.name))
                || workload
                    .databases
                    .iter()
                    .any(|w| w.name.eq_ignore_ascii_case(&s.name))
                || self.extra_services[..i]
                    .iter()
                    .any(|w| w.name.eq_ignore_ascii_case(&s.name))
            {
                return Err(InputError::Duplicate {
                    path: p,
                    name: s.name.clone(),
                });
            }
        }
        let extra = Workload {
            services: self.extra_services.clone(),
            ..Workload::empty()
        };
        extra.validate(&format!("{path}.extra"))?;
        let known_platform = |p: &str| p == OFF || platforms.contains(&p);
        let platform_list = || format!("{OFF}, {}", platforms.join(", "));
        if self.phases.is_empty() {
            return Err(InputError::Malformed {
                path: format!("{path}.phases"),
                message: "needs at least one phase, starting in month 1".into(),
            });
        }
        let mut last = 0u32;
        for (i, ph) in self.phases.iter().enumerate() {
            let p = format!("{path}.phases[{i}]");
            let first_ok = if i == 0 {
                ph.from_month == 1
            } else {
                ph.from_month > last
            };
            if !first_ok || ph.from_month > self.horizon_months {
                return Err(InputError::Malformed {
                    path: format!("{p}.from_month"),
                    message: if i == 0 {
                        format!(
                            "the first phase must start in month 1 (you entered {})",
                            ph.from_month
                        )
                    } else {
                        format!(
                            "must be between {} and {} (after the previous phase, within the horizon; you entered {})",
                            last + 1,
                            self.horizon_months,
                            ph.from_month
                        )
                    },
                });
            }
            last = ph.from_month;
            if !known_platform(&ph.default_platform) {
                return Err(InputError::Unknown {
                    path: format!("{p}.default_platform"),
                    what: "platform",
                    got: ph.default_platform.clone(),
                    known: platform_list(),
                });
            }
            for (item, platform) in &ph.placements {
                if !items.iter().any(|n| n == item) {
                    return Err(InputError::Unknown {
                        path: format!("{p}.placements"),
                        what: "workload item",
                        got: item.clone(),
                        known: items.join(", "),
                    });
                }
                if !known_platform(platform) {
                    return Err(InputError::Unknown {
                        path: format!("{p}.placements.{item}"),
                        what: "platform",
                        got: platform.clone(),
                        known: platform_list(),
                    });
                }
            }
        }
        for (i, o) in self.one_off_costs.iter().enumerate() {
            let p = format!("{path}.one_off_costs[{i}]");
            check_range(
                format!("{p}.month"),
                Decimal::from(o.month),
                Decimal::ONE,
                horizon,
                "",
            )?;
            check_name(format!("{p}.description"), &o.description, 200)?;
            check_range(
                format!("{p}.hours"),
                o.hours,
                Decimal::ZERO,
                Decimal::from(10_000),
                "hours",
            )?;
            check_range(
                format!("{p}.hourly_rate"),
                o.hourly_rate,
                Decimal::ZERO,
                Decimal::from(10_000),
                "USD an hour",
            )?;
        }
        for (i, g) in self.growth.iter().enumerate() {
            let p = format!("{path}.growth[{i}]");
            if !items.iter().any(|n| n == &g.item) {
                return Err(InputError::Unknown {
                    path: format!("{p}.item"),
                    what: "workload item",
                    got: g.item.clone(),
                    known: items.join(", "),
                });
            }
            check_range(
                format!("{p}.monthly_percent"),
                g.monthly_percent,
                Decimal::from(-50),
                Decimal::ONE_HUNDRED,
                "%",
            )?;
            if self.growth[..i].iter().any(|o| o.item == g.item) {
                return Err(InputError::Duplicate {
                    path: format!("{p}.item"),
                    name: g.item.clone(),
                });
            }
        }
        Ok(())
    }
}
