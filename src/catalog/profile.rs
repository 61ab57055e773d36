//! What a platform offers beyond price, from the seed's comparison: setup
//! time, DevOps effort, regions by area, features, developer experience
//! and control. The decision framework reads these.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How much operations work a platform asks of the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DevopsEffort {
    /// Nothing beyond deploying.
    None,
    /// Occasional configuration.
    Low,
    /// Regular infrastructure work.
    Medium,
    /// A part-time infrastructure engineer.
    High,
}

/// What a platform offers beyond price: the seed's comparison facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Time to a first production deploy, in words ("30 minutes").
    pub setup_time: String,
    /// The same in hours, for cost of ownership.
    pub setup_hours: Decimal,
    /// Ongoing operations effort.
    pub devops_effort: DevopsEffort,
    /// Ongoing operations hours a month.
    pub devops_hours_per_month: Decimal,
    /// Regions offered, in words.
    pub regions: Vec<String>,
    /// GPUs available.
    pub gpus: bool,
    /// Kubernetes features (custom resources, operators, Helm).
    pub kubernetes: bool,
    /// WebSockets supported.
    pub websockets: bool,
    /// Logs and metrics built in.
    pub built_in_monitoring: bool,
    /// Where it runs, by area (`us`, `eu`, `asia`, …): what "need specific
    /// regions" is checked against.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// How pleasant it is to build and ship on (the seed: "excellent
    /// developer experience" for Railway).
    #[serde(default)]
    pub developer_experience: Option<Level>,
    /// How much of the stack the team can tune (the seed: "less control
    /// than Kubernetes").
    #[serde(default)]
    pub control: Option<Level>,
    /// Key into `sources` for these facts.
    pub source: String,
}

/// A part of the world a platform has regions in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// United States and Canada.
    Us,
    /// Europe.
    Eu,
    /// Asia-Pacific.
    Asia,
    /// Australia and New Zealand.
    Oceania,
    /// South America.
    SouthAmerica,
    /// Middle East.
    MiddleEast,
    /// Africa.
    Africa,
}

impl Area {
    /// Every area, in display order.
    pub const ALL: [Area; 7] = [
        Area::Us,
        Area::Eu,
        Area::Asia,
        Area::Oceania,
        Area::SouthAmerica,
        Area::MiddleEast,
        Area::Africa,
    ];

    /// The area in words.
    pub fn label(self) -> &'static str {
        match self {
            Area::Us => "North America",
            Area::Eu => "Europe",
            Area::Asia => "Asia-Pacific",
            Area::Oceania => "Australia and New Zealand",
            Area::SouthAmerica => "South America",
            Area::MiddleEast => "the Middle East",
            Area::Africa => "Africa",
        }
    }
}

/// Low, medium or high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}
