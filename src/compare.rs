//! The seed's platform comparison, computed for a workload: monthly cost,
//! setup time and DevOps effort of every hosting platform.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Catalogs, DevopsEffort};
use crate::costing::{cost_valid_workload, is_hosting, CostSettings, MonthUsed, NotHosted};
use crate::date::Date;
use crate::error::CostError;
use crate::money::Money;
use crate::workload::Workload;

/// One platform's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformRow {
    /// Platform id.
    pub id: String,
    /// Platform name.
    pub name: String,
    /// Catalog used.
    pub catalog: String,
    /// Catalog date.
    pub catalog_as_of: Date,
    /// Month length.
    pub billing_month: MonthUsed,
    /// Monthly cost of what the platform hosts.
    pub monthly_cost: Money,
    /// Setup time in words.
    pub setup_time: String,
    /// Setup hours.
    pub setup_hours: Decimal,
    /// DevOps effort.
    pub devops_effort: DevopsEffort,
    /// DevOps hours a month.
    pub devops_hours_per_month: Decimal,
    /// Regions.
    pub regions: Vec<String>,
    /// GPUs.
    pub gpus: bool,
    /// Kubernetes features.
    pub kubernetes: bool,
    /// WebSockets.
    pub websockets: bool,
    /// Built-in monitoring.
    pub built_in_monitoring: bool,
    /// What it cannot host, and why.
    pub not_hosted: Vec<NotHosted>,
}

/// The comparison of every hosting platform's current catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformComparison {
    /// What the monthly cost covers.
    pub scope: &'static str,
    /// One row per hosting platform.
    pub platforms: Vec<PlatformRow>,
}

/// What a hosting platform's monthly cost covers.
pub const HOSTING_SCOPE: &str =
    "services, databases, volumes and egress; workflows, LLM tokens and vectors are priced by their own services";

/// Compares the hosting platforms for a workload already validated (the
/// query layer checks a project once): each platform is costed without
/// checking it again.
pub fn compare_valid_platforms(
    workload: &Workload,
    catalogs: &Catalogs,
    settings: &CostSettings,
) -> Result<PlatformComparison, CostError> {
    let mut platforms = Vec::new();
    for catalog in catalogs.current_all() {
        if !is_hosting(catalog) {
            continue;
        }
        let cost = cost_valid_workload(workload, catalog, settings)?;
        let p = &catalog.profile;
        platforms.push(PlatformRow {
            id: catalog.platform.clone(),
            name: catalog.platform_name.clone(),
            catalog: catalog.id.clone(),
            catalog_as_of: catalog.as_of,
            billing_month: cost.billing_month,
            monthly_cost: cost.total,
            setup_time: p.setup_time.clone(),
            setup_hours: p.setup_hours,
            devops_effort: p.devops_effort,
            devops_hours_per_month: p.devops_hours_per_month,
            regions: p.regions.clone(),
            gpus: p.gpus,
            kubernetes: p.kubernetes,
            websockets: p.websockets,
            built_in_monitoring: p.built_in_monitoring,
            not_hosted: cost.not_hosted,
        });
    }
    Ok(PlatformComparison {
        scope: HOSTING_SCOPE,
        platforms,
    })
}
