//! The questions the CLI and the app ask of a project, as single calls:
//! each front end parses its arguments and calls one of these.

use serde::Serialize;

use crate::catalog::{Catalog, Catalogs};
use crate::compare::{compare_platforms, PlatformComparison};
use crate::costing::{cost_workload, PlatformCost};
use crate::error::{CostError, InputError};
use crate::project::Project;

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

/// Checks that every plan a project picks names a known platform and one
/// of its plans (in any of its catalogs).
pub fn check_plans(project: &Project, catalogs: &Catalogs) -> Result<(), InputError> {
    for (platform, plan) in &project.plans {
        let theirs: Vec<&Catalog> = catalogs
            .all()
            .iter()
            .filter(|c| &c.platform == platform)
            .collect();
        if theirs.is_empty() {
            return Err(InputError::Unknown {
                path: "plans".into(),
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
                path: format!("plans.{platform}"),
                what: "plan",
                got: plan.clone(),
                known: known.join(", "),
            });
        }
    }
    Ok(())
}

/// Itemized monthly costs of a project on the selected platforms.
pub fn costs(project: &Project, catalogs: &Catalogs, sel: &Selection) -> Result<Costs, CostError> {
    check_plans(project, catalogs)?;
    let settings = project.cost_settings();
    let platforms = select(catalogs, sel)?
        .into_iter()
        .map(|c| cost_workload(&project.workload, c, &settings))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Costs {
        project: project.name.clone(),
        platforms,
    })
}

/// The seed's platform comparison for a project.
pub fn platforms(project: &Project, catalogs: &Catalogs) -> Result<PlatformComparison, CostError> {
    check_plans(project, catalogs)?;
    compare_platforms(&project.workload, catalogs, &project.cost_settings())
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
}

/// The overview of a project.
pub fn overview(project: &Project, catalogs: &Catalogs) -> Result<Overview, CostError> {
    Ok(Overview {
        project: project.clone(),
        comparison: platforms(project, catalogs)?,
        costs: costs(project, catalogs, &Selection::default())?,
    })
}
