//! What the evaluation reads of a project, gathered once: the hosting
//! platforms' facts and each scenario's months.

use super::*;

/// What the evaluation needs of one hosting platform.
#[derive(Debug, Clone)]
pub struct PlatformFacts {
    /// The comparison row (cost, setup, DevOps, features).
    pub row: PlatformRow,
    /// Areas it has regions in.
    pub areas: Vec<Area>,
    /// Developer experience, if known.
    pub developer_experience: Option<Level>,
    /// Control, if known.
    pub control: Option<Level>,
}

/// What the evaluation needs of one scenario.
#[derive(Debug, Clone)]
pub struct ScenarioFacts {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whole months of runway, when it runs out within the horizon.
    pub runway_months: Option<u32>,
    /// The runway in words.
    pub runway: String,
    /// Months projected.
    pub horizon_months: u32,
    /// Cash burn of each month.
    pub cash: Vec<Money>,
    /// The platforms in use each month (ids).
    pub platforms: Vec<Vec<String>>,
    /// Months with a one-off cost of the scenario's own.
    pub one_off_months: BTreeSet<u32>,
}

/// Setup and DevOps hours of a platform, from its catalog.
#[derive(Debug, Clone)]
pub(super) struct Hours {
    pub(super) setup: Decimal,
    pub(super) devops: Decimal,
}

/// Everything the evaluation reads, gathered once per project: answers
/// can then be tried quickly (the "what would change this" search).
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The hosting platforms.
    pub platforms: Vec<PlatformFacts>,
    /// The scenarios, in the project's order.
    pub scenarios: Vec<ScenarioFacts>,
    /// Cash in bank is known.
    pub cash_known: bool,
    /// Months the platforms' cost of ownership covers.
    pub horizon_months: u32,
    pub(super) hours: Vec<(String, Hours)>,
    pub(super) names: Vec<(String, String)>,
}

impl Inputs {
    /// Gathers the facts from a project's comparison and projections.
    pub fn gather(
        project: &Project,
        catalogs: &Catalogs,
        comparison: &PlatformComparison,
        projections: &[Projection],
    ) -> Inputs {
        let platforms = comparison
            .platforms
            .iter()
            .map(|row| {
                let profile = catalogs.current(&row.id).ok().map(|c| &c.profile);
                PlatformFacts {
                    row: row.clone(),
                    areas: profile.map(|p| p.areas.clone()).unwrap_or_default(),
                    developer_experience: profile.and_then(|p| p.developer_experience),
                    control: profile.and_then(|p| p.control),
                }
            })
            .collect();
        let scenarios = project
            .scenarios
            .iter()
            .zip(projections)
            .map(|(s, p)| {
                let items = s.item_names(&project.workload);
                let platforms = p
                    .months
                    .iter()
                    .map(|m| {
                        let mut used: BTreeSet<String> = BTreeSet::new();
                        if let Some((_, phase)) = s.phase_at(m.month) {
                            for item in &items {
                                let pl = phase
                                    .placements
                                    .get(item)
                                    .unwrap_or(&phase.default_platform);
                                if pl != "off" {
                                    used.insert(pl.clone());
                                }
                            }
                        }
                        used.into_iter().collect()
                    })
                    .collect();
                ScenarioFacts {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    runway_months: p.summary.runway_months,
                    runway: p.summary.runway.clone(),
                    horizon_months: s.horizon_months,
                    cash: p.months.iter().map(|m| m.cash_burn).collect(),
                    platforms,
                    one_off_months: s.one_off_costs.iter().map(|o| o.month).collect(),
                }
            })
            .collect();
        let hours = catalogs
            .current_all()
            .into_iter()
            .map(|c| {
                (
                    c.platform.clone(),
                    Hours {
                        setup: c.profile.setup_hours,
                        devops: c.profile.devops_hours_per_month,
                    },
                )
            })
            .collect();
        let names = catalogs
            .current_all()
            .into_iter()
            .map(|c| (c.platform.clone(), c.platform_name.clone()))
            .collect();
        let horizon_months = project
            .scenarios
            .iter()
            .map(|s| s.horizon_months)
            .max()
            .unwrap_or(36);
        Inputs {
            platforms,
            scenarios,
            cash_known: project.cash.in_bank.is_some(),
            horizon_months,
            hours,
            names,
        }
    }

    pub(super) fn hours(&self, platform: &str) -> Option<&Hours> {
        self.hours
            .iter()
            .find(|(p, _)| p == platform)
            .map(|(_, h)| h)
    }

    pub(super) fn name<'a>(&'a self, platform: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|(p, _)| p == platform)
            .map(|(_, n)| n.as_str())
            .unwrap_or(platform)
    }
}
