//! A real Railway project's usage, through Railway's public GraphQL API:
//! the query, reading the answer, and "run for a week and extrapolate"
//! done for the founder — measured vCPU-minutes, GB-minutes and egress
//! turned into a month of resources per service, compared with the
//! workload's estimate line by line, and a calibrated workload.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{decimal, json, LiveError};
use crate::workload::{limits, Workload};

/// The API's address.
pub const GRAPHQL_URL: &str = "https://backboard.railway.com/graphql/v2";
/// The service's name in messages.
pub const SERVICE: &str = "Railway";

const QUERY: &str = "query Usage($projectId: String!, $start: DateTime!, $end: DateTime!) { \
usage(projectId: $projectId, measurements: [CPU_USAGE, MEMORY_USAGE_GB, NETWORK_TX_GB], startDate: $start, endDate: $end, groupBy: [SERVICE_ID], includeDeleted: true) { measurement value tags { serviceId } } \
project(id: $projectId) { name services { edges { node { id name } } } } }";

/// The request body for a project's usage between two instants (RFC 3339).
pub fn usage_request(project_id: &str, start: &str, end: &str) -> String {
    serde_json::json!({
        "query": QUERY,
        "variables": { "projectId": project_id, "start": start, "end": end },
    })
    .to_string()
}

/// What one service used over the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceUsage {
    /// Railway's service id.
    pub service_id: String,
    /// Its name; none for a service deleted since.
    pub name: Option<String>,
    /// vCPU-minutes.
    pub vcpu_minutes: Decimal,
    /// GB-minutes of memory.
    pub gb_minutes: Decimal,
    /// GB sent out.
    pub egress_gb: Decimal,
}

/// A project's usage over the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Usage {
    /// The project's name.
    pub project: String,
    /// Per service.
    pub services: Vec<ServiceUsage>,
}

fn schema(field: &str, expected: &'static str) -> LiveError {
    LiveError::Schema {
        service: SERVICE,
        field: field.into(),
        expected,
    }
}

/// Reads the API's answer.
pub fn parse_usage(text: &str) -> Result<Usage, LiveError> {
    let v = json(SERVICE, text)?;
    if let Some(e) = super::api_error(SERVICE, &v) {
        return Err(e);
    }
    let data = v.get("data").ok_or_else(|| schema("data", "an object"))?;
    let project = data
        .get("project")
        .ok_or_else(|| schema("data.project", "an object"))?;
    let project_name = project
        .get("name")
        .and_then(|n| n.as_str())
        .ok_or_else(|| schema("data.project.name", "text"))?
        .to_string();
    let edges = project
        .get("services")
        .and_then(|s| s.get("edges"))
        .and_then(|e| e.as_array())
        .ok_or_else(|| schema("data.project.services.edges", "a list"))?;
    let mut names: Vec<(String, String)> = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        let node = e.get("node");
        let id = node.and_then(|n| n.get("id")).and_then(|x| x.as_str());
        let name = node.and_then(|n| n.get("name")).and_then(|x| x.as_str());
        match (id, name) {
            (Some(id), Some(name)) => names.push((id.to_string(), name.to_string())),
            _ => {
                return Err(schema(
                    &format!("data.project.services.edges[{i}].node"),
                    "an id and a name",
                ))
            }
        }
    }
    let rows = data
        .get("usage")
        .and_then(|u| u.as_array())
        .ok_or_else(|| schema("data.usage", "a list"))?;
    let mut services: Vec<ServiceUsage> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let measurement = r
            .get("measurement")
            .and_then(|m| m.as_str())
            .ok_or_else(|| schema(&format!("data.usage[{i}].measurement"), "text"))?;
        let value = r
            .get("value")
            .and_then(decimal)
            .ok_or_else(|| schema(&format!("data.usage[{i}].value"), "a number"))?;
        let id = r
            .get("tags")
            .and_then(|t| t.get("serviceId"))
            .and_then(|s| s.as_str())
            .ok_or_else(|| schema(&format!("data.usage[{i}].tags.serviceId"), "text"))?;
        let at = match services.iter().position(|s| s.service_id == id) {
            Some(at) => at,
            None => {
                services.push(ServiceUsage {
                    service_id: id.to_string(),
                    name: names
                        .iter()
                        .find(|(sid, _)| sid == id)
                        .map(|(_, n)| n.clone()),
                    vcpu_minutes: Decimal::ZERO,
                    gb_minutes: Decimal::ZERO,
                    egress_gb: Decimal::ZERO,
                });
                services.len() - 1
            }
        };
        let s = &mut services[at];
        match measurement {
            "CPU_USAGE" => s.vcpu_minutes += value,
            "MEMORY_USAGE_GB" => s.gb_minutes += value,
            "NETWORK_TX_GB" => s.egress_gb += value,
            _ => {}
        }
    }
    // Services that used nothing in the window still belong to the project.
    for (id, name) in names {
        if !services.iter().any(|s| s.service_id == id) {
            services.push(ServiceUsage {
                service_id: id,
                name: Some(name),
                vcpu_minutes: Decimal::ZERO,
                gb_minutes: Decimal::ZERO,
                egress_gb: Decimal::ZERO,
            });
        }
    }
    Ok(Usage {
        project: project_name,
        services,
    })
}

/// Minutes in a 30-day month (Railway's own month).
pub fn month_minutes() -> Decimal {
    Decimal::from(43_200)
}

/// One service's measured month: average vCPU and memory over the window
/// (what is running on average), egress scaled to 30 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyService {
    /// Railway's service id.
    pub service_id: String,
    /// Its name; none for a deleted service.
    pub name: Option<String>,
    /// Average vCPU.
    pub vcpu: Decimal,
    /// Average memory, GB.
    pub memory_gb: Decimal,
    /// Egress in a 30-day month, GB.
    pub egress_gb_month: Decimal,
}

/// Usage over `minutes` measured (partial days count by the minute) as a
/// month per service, to four places.
pub fn monthly(usage: &Usage, minutes: Decimal) -> Vec<MonthlyService> {
    let per = |x: Decimal| {
        if minutes <= Decimal::ZERO {
            Decimal::ZERO
        } else {
            x.checked_div(minutes)
                .unwrap_or(Decimal::ZERO)
                .round_dp(4)
                .normalize()
        }
    };
    usage
        .services
        .iter()
        .map(|s| MonthlyService {
            service_id: s.service_id.clone(),
            name: s.name.clone(),
            vcpu: per(s.vcpu_minutes),
            memory_gb: per(s.gb_minutes),
            egress_gb_month: per(s
                .egress_gb
                .checked_mul(month_minutes())
                .unwrap_or(Decimal::ZERO)),
        })
        .collect()
}

/// How a measured service relates to the workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// A workload service of the same name.
    Matched,
    /// Measured, but not in the workload.
    NotInWorkload,
    /// Deleted on Railway since; its usage counts in egress only.
    Deleted,
    /// In the workload, but not on Railway.
    NotMeasured,
}

/// One line of the measured month against the estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareLine {
    /// The service.
    pub service: String,
    /// How it matched.
    pub status: Match,
    /// Measured average vCPU.
    pub measured_vcpu: Option<Decimal>,
    /// Estimated vCPU (per instance × instances).
    pub estimated_vcpu: Option<Decimal>,
    /// Measured average memory.
    pub measured_memory_gb: Option<Decimal>,
    /// Estimated memory.
    pub estimated_memory_gb: Option<Decimal>,
}

/// The measured month against the workload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The Railway project's name.
    pub project: String,
    /// Days measured.
    pub days: Decimal,
    /// Per service.
    pub lines: Vec<CompareLine>,
    /// Egress of all services in a 30-day month.
    pub measured_egress_gb: Decimal,
    /// The workload's egress.
    pub estimated_egress_gb: Decimal,
}

/// Lines up the measured month with the workload, by service name.
pub fn compare(workload: &Workload, usage: &Usage, minutes: Decimal) -> Comparison {
    let months = monthly(usage, minutes);
    let mut lines = Vec::new();
    for m in &months {
        let line = match &m.name {
            None => CompareLine {
                service: format!("deleted service {}", m.service_id),
                status: Match::Deleted,
                measured_vcpu: Some(m.vcpu),
                estimated_vcpu: None,
                measured_memory_gb: Some(m.memory_gb),
                estimated_memory_gb: None,
            },
            Some(name) => match workload
                .services
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(name))
            {
                Some(s) => CompareLine {
                    service: s.name.clone(),
                    status: Match::Matched,
                    measured_vcpu: Some(m.vcpu),
                    estimated_vcpu: Some(s.vcpu * Decimal::from(s.instances)),
                    measured_memory_gb: Some(m.memory_gb),
                    estimated_memory_gb: Some(s.memory_gb * Decimal::from(s.instances)),
                },
                None => CompareLine {
                    service: name.clone(),
                    status: Match::NotInWorkload,
                    measured_vcpu: Some(m.vcpu),
                    estimated_vcpu: None,
                    measured_memory_gb: Some(m.memory_gb),
                    estimated_memory_gb: None,
                },
            },
        };
        lines.push(line);
    }
    for s in &workload.services {
        if !lines
            .iter()
            .any(|l| l.status == Match::Matched && l.service == s.name)
        {
            lines.push(CompareLine {
                service: s.name.clone(),
                status: Match::NotMeasured,
                measured_vcpu: None,
                estimated_vcpu: Some(s.vcpu * Decimal::from(s.instances)),
                measured_memory_gb: None,
                estimated_memory_gb: Some(s.memory_gb * Decimal::from(s.instances)),
            });
        }
    }
    Comparison {
        project: usage.project.clone(),
        days: (minutes / Decimal::from(1440)).round_dp(2),
        lines,
        measured_egress_gb: months
            .iter()
            .map(|m| m.egress_gb_month)
            .sum::<Decimal>()
            .round_dp(2),
        estimated_egress_gb: workload.egress_gb,
    }
}

/// The workload with each matched service sized to its measured average
/// (per instance, within the allowed ranges) and egress as measured.
pub fn calibrated(workload: &Workload, comparison: &Comparison) -> Workload {
    let mut w = workload.clone();
    let (vmin, vmax, _) = limits::vcpu();
    let (mmin, mmax, _) = limits::memory_gb();
    let (emin, emax, _) = limits::egress_gb();
    for line in comparison
        .lines
        .iter()
        .filter(|l| l.status == Match::Matched)
    {
        if let Some(s) = w.services.iter_mut().find(|s| s.name == line.service) {
            let n = Decimal::from(s.instances.max(1));
            if let Some(v) = line.measured_vcpu {
                s.vcpu = (v / n).round_dp(3).clamp(vmin, vmax);
            }
            if let Some(m) = line.measured_memory_gb {
                s.memory_gb = (m / n).round_dp(3).clamp(mmin, mmax);
            }
        }
    }
    w.egress_gb = comparison.measured_egress_gb.round_dp(1).clamp(emin, emax);
    w
}
