//! The questions the CLI and the app ask of a project, as single calls:
//! each front end parses its arguments and calls one of these.

use serde::Serialize;

use crate::catalog::{Catalog, Catalogs};
use crate::compare::{compare_valid_platforms, PlatformComparison};
use crate::costing::{cost_valid_workload, PlatformCost};
use crate::decision::Decision;
use crate::error::{CostError, InputError};
use crate::project::Project;
use crate::projection::{self, Projection, ProjectionInput, ScenarioSummary};
use crate::scenario::Scenario;

/// Which platforms to cost.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// A platform id, or `None`/`"all"` for every platform.
    pub platform: Option<String>,
    /// A catalog id, overriding the platform's current catalog.
    pub catalog: Option<String>,
}

/// The costs of a project on the selected platforms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Costs {
    /// The project's name.
    pub project: String,
    /// One entry per platform.
    pub platforms: Vec<PlatformCost>,
}

/// Resolves a selection to catalogs.
pub fn select<'c>(catalogs: &'c Catalogs, sel: &Selection) -> Result<Vec<&'c Catalog>, InputError> {
    let platform = sel.platform.as_deref().filter(|p| *p != "all");
    let unknown_platform = |p: &str| InputError::Unknown {
        path: "--platform".into(),
        what: "platform",
        got: p.to_string(),
        known: format!("all, {}", catalogs.platforms().join(", ")),
    };
    match (platform, sel.catalog.as_deref()) {
        (None, None) => Ok(catalogs.current_all()),
        (Some(p), None) => catalogs
            .current(p)
            .map(|c| vec![c])
            .map_err(|_| unknown_platform(p)),
        (p, Some(id)) => {
            let catalog = catalogs.get(id).map_err(|e| match e {
                InputError::Unknown {
                    what, got, known, ..
                } => InputError::Unknown {
                    path: "--catalog".into(),
                    what,
                    got,
                    known,
                },
                other => other,
            })?;
            if let Some(p) = p {
                if !catalogs.platforms().contains(&p) {
                    return Err(unknown_platform(p));
                }
                if catalog.platform != p {
                    return Err(InputError::Malformed {
                        path: "--catalog".into(),
                        message: format!(
                            "catalog {} prices {}, not {p}",
                            catalog.id, catalog.platform
                        ),
                    });
                }
            }
            Ok(vec![catalog])
        }
    }
}

/// Checks that every plan chosen names a known platform and one of its
/// plans (in any of its catalogs); `path` is where the choices stand.
pub fn check_plans(
    plans: &std::collections::BTreeMap<String, String>,
    path: &str,
    catalogs: &Catalogs,
) -> Result<(), InputError> {
    for (platform, plan) in plans {
        let theirs: Vec<&Catalog> = catalogs
            .all()
            .iter()
            .filter(|c| &c.platform == platform)
            .collect();
        if theirs.is_empty() {
            return Err(InputError::Unknown {
                path: path.to_string(),
                what: "platform",
                got: platform.clone(),
                known: catalogs.platforms().join(", "),
            });
        }
        if !theirs.iter().any(|c| c.plan_ids().contains(&plan.as_str())) {
            let mut known: Vec<&str> = theirs.iter().flat_map(|c| c.plan_ids()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(InputError::Unknown {
                path: format!("{path}.{platform}"),
                what: "plan",
                got: plan.clone(),
                known: known.join(", "),
            });
        }
    }
    Ok(())
}

/// Checks a project once before a question is answered: its fields and
/// every platform, vendor and plan it names. What follows computes on it
/// without checking again.
fn checked(project: &Project, catalogs: &Catalogs) -> Result<(), InputError> {
    project.validate()?;
    project.validate_references(catalogs)
}

/// Itemized monthly costs of a project on the selected platforms.
pub fn costs(project: &Project, catalogs: &Catalogs, sel: &Selection) -> Result<Costs, CostError> {
    checked(project, catalogs)?;
    costs_of(project, catalogs, sel)
}

fn costs_of(project: &Project, catalogs: &Catalogs, sel: &Selection) -> Result<Costs, CostError> {
    let settings = project.cost_settings();
    let platforms = select(catalogs, sel)?
        .into_iter()
        .map(|c| cost_valid_workload(&project.workload, c, &settings))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Costs {
        project: project.name.clone(),
        platforms,
    })
}

/// The seed's platform comparison for a project.
pub fn platforms(project: &Project, catalogs: &Catalogs) -> Result<PlatformComparison, CostError> {
    checked(project, catalogs)?;
    compare_valid_platforms(&project.workload, catalogs, &project.cost_settings())
}

/// Everything the app's first screen shows: the workload, the hosting
/// comparison and each platform's itemized cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// The project.
    pub project: Project,
    /// The seed's comparison for this workload.
    pub comparison: PlatformComparison,
    /// Itemized costs on every platform's current catalog.
    pub costs: Costs,
    /// The scenarios side by side.
    pub scenarios: ScenarioComparison,
    /// The decision framework's verdict on the answers.
    pub decision: Decision,
}

/// The overview of a project.
pub fn overview(project: &Project, catalogs: &Catalogs) -> Result<Overview, CostError> {
    // Runs on every edit in the app: check once, then compute.
    checked(project, catalogs)?;
    let comparison =
        compare_valid_platforms(&project.workload, catalogs, &project.cost_settings())?;
    let projections = projections_of(project, catalogs)?;
    let decision = decision_of(project, catalogs, &comparison, &projections)?;
    Ok(Overview {
        project: project.clone(),
        costs: costs_of(project, catalogs, &Selection::default())?,
        scenarios: comparison_of(project, projections),
        comparison,
        decision,
    })
}

/// The decision framework's verdict on a project's answers.
pub fn decide(project: &Project, catalogs: &Catalogs) -> Result<Decision, CostError> {
    checked(project, catalogs)?;
    let comparison =
        compare_valid_platforms(&project.workload, catalogs, &project.cost_settings())?;
    let projections = projections_of(project, catalogs)?;
    decision_of(project, catalogs, &comparison, &projections)
}

/// The verdict from a comparison and projections already made.
pub fn decision_of(
    project: &Project,
    catalogs: &Catalogs,
    comparison: &PlatformComparison,
    projections: &[Projection],
) -> Result<Decision, CostError> {
    let inputs = crate::decision::Inputs::gather(project, catalogs, comparison, projections);
    crate::decision::evaluate(&inputs, &project.decision)
}

fn projections_of(project: &Project, catalogs: &Catalogs) -> Result<Vec<Projection>, CostError> {
    project
        .scenarios
        .iter()
        .map(|s| project_scenario(project, catalogs, s, false))
        .collect()
}

fn comparison_of(project: &Project, projections: Vec<Projection>) -> ScenarioComparison {
    ScenarioComparison {
        horizon_months: project
            .scenarios
            .iter()
            .map(|s| s.horizon_months)
            .max()
            .unwrap_or(0),
        cash_in_bank: project.cash.in_bank,
        scenarios: projections.into_iter().map(|p| p.summary).collect(),
    }
}

/// The scenarios side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioComparison {
    /// The longest horizon of the scenarios, months.
    pub horizon_months: u32,
    /// Cash in bank, if entered.
    pub cash_in_bank: Option<crate::money::Money>,
    /// One summary per scenario, in the project's order.
    pub scenarios: Vec<ScenarioSummary>,
}

/// Projects one scenario of a project; `keep_lines` keeps every line of
/// every month (the ledger), else only monthly totals.
pub fn project_scenario(
    project: &Project,
    catalogs: &Catalogs,
    scenario: &Scenario,
    keep_lines: bool,
) -> Result<Projection, CostError> {
    projection::project(&ProjectionInput {
        workload: &project.workload,
        scenario,
        grants: &project.credits,
        cash: &project.cash,
        catalogs,
        month_setting: project.billing_month,
        plans: &project.plans,
        keep_lines,
    })
}

/// Every scenario projected and summarized side by side.
pub fn compare(project: &Project, catalogs: &Catalogs) -> Result<ScenarioComparison, CostError> {
    checked(project, catalogs)?;
    compare_of(project, catalogs)
}

fn compare_of(project: &Project, catalogs: &Catalogs) -> Result<ScenarioComparison, CostError> {
    Ok(comparison_of(project, projections_of(project, catalogs)?))
}

/// The scenario with this id, month by month: totals and events only.
pub fn monthly(project: &Project, catalogs: &Catalogs, id: &str) -> Result<Projection, CostError> {
    scenario_months(project, catalogs, id, false)
}

/// The month-by-month ledger of the scenario with this id, line by line.
pub fn ledger(project: &Project, catalogs: &Catalogs, id: &str) -> Result<Projection, CostError> {
    scenario_months(project, catalogs, id, true)
}

fn scenario_months(
    project: &Project,
    catalogs: &Catalogs,
    id: &str,
    keep_lines: bool,
) -> Result<Projection, CostError> {
    checked(project, catalogs)?;
    project_scenario(project, catalogs, find_scenario(project, id)?, keep_lines)
}

fn find_scenario<'p>(project: &'p Project, scenario_id: &str) -> Result<&'p Scenario, InputError> {
    project
        .scenarios
        .iter()
        .find(|s| s.id == scenario_id)
        .ok_or_else(|| InputError::Unknown {
            path: "--scenario".into(),
            what: "scenario",
            got: scenario_id.to_string(),
            known: project
                .scenarios
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// A chart as the app shows it: its words, its numbers and its SVG.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartView {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// How to read it.
    pub note: String,
    /// What it shows, in sentences.
    pub alt: String,
    /// Its numbers.
    pub table: crate::chart::DataTable,
    /// The drawing.
    pub svg: String,
}

/// Every chart of a project, drawn for a theme (the app's Results step).
pub fn charts(
    project: &Project,
    catalogs: &Catalogs,
    theme: crate::chart::Theme,
) -> Result<Vec<ChartView>, CostError> {
    let data = crate::report::ReportData::gather_totals(project, catalogs)?;
    data.charts()
        .into_iter()
        .map(|c| {
            let svg = crate::chart::svg(&c, theme)?;
            Ok(ChartView {
                id: c.id,
                title: c.title,
                note: c.note,
                alt: c.alt,
                table: c.table,
                svg,
            })
        })
        .collect()
}
