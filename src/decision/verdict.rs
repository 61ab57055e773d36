//! What an evaluation produces: verdicts, cost of ownership, break-even
//! and the recommendation.

use super::*;

/// One preference's part of a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScorePart {
    /// The preference.
    pub preference: Preference,
    /// Its weight.
    pub weight: u8,
    /// How well the platform satisfies it, 0 to 1.
    pub satisfaction: Decimal,
    /// Weight × satisfaction.
    pub points: Decimal,
    /// Why, in words.
    pub why: String,
}

/// Cost of ownership over a number of months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tco {
    /// Months covered.
    pub months: u32,
    /// What is paid to providers (a scenario: its cash burn).
    pub provider: Money,
    /// Setup and DevOps hours, after the experience factor.
    pub hours: Decimal,
    /// Those hours at the engineer's rate.
    pub engineering: Money,
    /// Provider + engineering.
    pub total: Money,
}

/// A hosting platform judged against the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlatformVerdict {
    /// Platform id.
    pub id: String,
    /// Platform name.
    pub name: String,
    /// Monthly cost of the workload.
    pub monthly_cost: Money,
    /// Why it is ruled out (empty: it is not).
    pub ruled_out: Vec<String>,
    /// Sum of weight × satisfaction.
    pub score: Decimal,
    /// The highest score possible with these weights.
    pub max_score: Decimal,
    /// The score as a whole percentage of the maximum.
    pub percent: Decimal,
    /// Each preference's part.
    pub breakdown: Vec<ScorePart>,
    /// Cost of ownership over the horizon.
    pub tco: Tco,
    /// 1 = best; none when ruled out.
    pub rank: Option<u32>,
}

/// A scenario judged against the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioVerdict {
    /// Scenario id.
    pub id: String,
    /// Scenario name.
    pub name: String,
    /// Runway in words.
    pub runway: String,
    /// Whole months of runway, when it runs out within the horizon.
    pub runway_months: Option<u32>,
    /// Why it does not meet the constraints (empty: it does).
    pub ruled_out: Vec<String>,
    /// Cost of ownership over its horizon.
    pub tco: Tco,
    /// 1 = best; none when it does not meet the constraints.
    pub rank: Option<u32>,
}

/// When a scenario pays back what it costs more at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum BreakEven {
    /// It costs no more than the baseline from month 1.
    CheaperFromStart,
    /// Its cumulative cost falls to the baseline's in this month.
    Month {
        /// The month.
        month: u32,
    },
    /// Not within the months compared.
    Never {
        /// Months compared.
        months: u32,
    },
}

/// A scenario's break-even against the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakEvenLine {
    /// The scenario.
    pub scenario: String,
    /// The baseline it is compared with.
    pub against: String,
    /// The result.
    pub result: BreakEven,
    /// In words.
    pub sentence: String,
}

/// The answer, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// The best platform's id.
    pub platform: Option<String>,
    /// Why, in sentences.
    pub platform_reasons: Vec<String>,
    /// The best scenario's id.
    pub scenario: Option<String>,
    /// Why, in sentences.
    pub scenario_reasons: Vec<String>,
    /// The smallest changes of an answer that would change it.
    pub would_change: Vec<String>,
}

/// The framework's verdict on a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// The answers judged.
    pub answers: Answers,
    /// Months the platforms' cost of ownership covers.
    pub horizon_months: u32,
    /// Hosting platforms, best first, ruled-out ones last.
    pub platforms: Vec<PlatformVerdict>,
    /// Scenarios, best first, those that miss a constraint last.
    pub scenarios: Vec<ScenarioVerdict>,
    /// Each scenario against the first.
    pub break_even: Vec<BreakEvenLine>,
    /// The recommendation.
    pub recommendation: Recommendation,
}
