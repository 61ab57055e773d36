//! The decision framework: which hosting platform fits the founder's
//! answers, which scenario to choose, and why.
//!
//! - **Hard constraints** (a deadline, WebSockets, GPUs, Kubernetes,
//!   regions, a budget ceiling, an item a platform cannot host) rule a
//!   platform out, each with its reason; a scenario that uses a ruled-out
//!   platform does not meet the constraints.
//! - **Preferences** are weighted 0–10; a platform satisfies each from 0 to
//!   1 and its score is the sum of weight × satisfaction, so raising a
//!   weight never lowers a score.
//! - **Total cost of ownership** over the horizon: what is paid (a
//!   platform's monthly cost; a scenario's cash burn) plus setup and
//!   monthly DevOps hours at the engineer's rate, scaled by the team's
//!   experience.
//! - **Break-even**: the month a scenario's cumulative cost of ownership
//!   falls to the baseline's (the first scenario), when it starts above it.
//! - **Recommendation**: the best-scoring platform (TCO breaks ties), and
//!   the scenario with the longest runway that meets the constraints (TCO
//!   breaks ties), with the reasons and what would change them.

mod model;

pub use model::*;

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Area, Catalogs, DevopsEffort, Level};
use crate::compare::{PlatformComparison, PlatformRow};
use crate::error::CostError;
use crate::money::{format_usd, Money, MoneyError};
use crate::project::Project;
use crate::projection::{months_words, Projection};

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
struct Hours {
    setup: Decimal,
    devops: Decimal,
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
    hours: Vec<(String, Hours)>,
    names: Vec<(String, String)>,
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

    fn hours(&self, platform: &str) -> Option<&Hours> {
        self.hours
            .iter()
            .find(|(p, _)| p == platform)
            .map(|(_, h)| h)
    }

    fn name<'a>(&'a self, platform: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|(p, _)| p == platform)
            .map(|(_, n)| n.as_str())
            .unwrap_or(platform)
    }
}

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

fn overflow(what: &str) -> impl Fn(MoneyError) -> CostError + '_ {
    move |source| CostError::Money {
        item: what.to_string(),
        source,
    }
}

fn hours_at(hours: Decimal, rate: Money, what: &str) -> Result<Money, CostError> {
    rate.checked_mul(hours)
        .map(Money::round_cents)
        .map_err(overflow(what))
}

fn level_satisfaction(l: Option<Level>) -> Decimal {
    match l {
        Some(Level::High) => Decimal::ONE,
        Some(Level::Medium) | None => Decimal::new(5, 1),
        Some(Level::Low) => Decimal::new(2, 1),
    }
}

fn level_words(l: Option<Level>) -> &'static str {
    match l {
        Some(Level::High) => "high",
        Some(Level::Medium) => "medium",
        Some(Level::Low) => "low",
        None => "not known",
    }
}

/// a / b between 0 and 1, to two places; 1 when b is zero.
fn ratio(a: Decimal, b: Decimal) -> Decimal {
    if b <= Decimal::ZERO {
        return Decimal::ONE;
    }
    a.checked_div(b)
        .unwrap_or(Decimal::ZERO)
        .clamp(Decimal::ZERO, Decimal::ONE)
        .round_dp(2)
}

fn days_words(days: u32) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

/// Why a platform is ruled out by the answers (empty: it is not).
pub fn constraints(p: &PlatformFacts, a: &Answers) -> Vec<String> {
    let row = &p.row;
    let mut out = Vec::new();
    if let Some(days) = a.deploy_within_days {
        let allowed = Decimal::from(days.max(1)) * Decimal::from(8);
        let needed = row.setup_hours * a.devops_experience.hours_factor();
        if needed > allowed {
            out.push(format!(
                "setup takes {}, more than {} allows",
                row.setup_time,
                if days == 0 {
                    "today".to_string()
                } else {
                    format!("{} of work", days_words(days))
                }
            ));
        }
    }
    if a.websockets && !row.websockets {
        out.push("no WebSockets".into());
    }
    if a.gpus && !row.gpus {
        out.push("no GPUs".into());
    }
    if a.kubernetes && !row.kubernetes {
        out.push("no Kubernetes features".into());
    }
    for area in &a.regions {
        if !p.areas.contains(area) {
            out.push(format!("no region in {}", area.label()));
        }
    }
    if let Some(ceiling) = a.budget_ceiling {
        if row.monthly_cost > ceiling {
            out.push(format!(
                "{} a month, above your ceiling of {}",
                format_usd(row.monthly_cost),
                format_usd(ceiling)
            ));
        }
    }
    for n in &row.not_hosted {
        out.push(format!("cannot host {} ({})", n.item, n.reason));
    }
    out
}

fn breakdown(p: &PlatformFacts, all: &[PlatformFacts], a: &Answers) -> Vec<ScorePart> {
    let row = &p.row;
    let cheapest = all
        .iter()
        .map(|q| q.row.monthly_cost.dollars())
        .filter(|c| *c > Decimal::ZERO)
        .min()
        .unwrap_or(Decimal::ZERO);
    let fastest = all
        .iter()
        .map(|q| q.row.setup_hours)
        .filter(|h| *h > Decimal::ZERO)
        .min()
        .unwrap_or(Decimal::ZERO);
    Preference::ALL
        .iter()
        .map(|&pref| {
            let (satisfaction, why) = match pref {
                Preference::DeveloperExperience => (
                    level_satisfaction(p.developer_experience),
                    format!(
                        "developer experience {}",
                        level_words(p.developer_experience)
                    ),
                ),
                Preference::NoInfrastructure => (
                    match row.devops_effort {
                        DevopsEffort::None => Decimal::ONE,
                        DevopsEffort::Low => Decimal::new(75, 2),
                        DevopsEffort::Medium => Decimal::new(35, 2),
                        DevopsEffort::High => Decimal::ZERO,
                    },
                    format!(
                        "DevOps effort {} ({} h a month)",
                        crate::table::effort_word(row.devops_effort).to_lowercase(),
                        row.devops_hours_per_month.normalize()
                    ),
                ),
                Preference::BuiltInMonitoring => (
                    if row.built_in_monitoring {
                        Decimal::ONE
                    } else {
                        Decimal::ZERO
                    },
                    if row.built_in_monitoring {
                        "monitoring built in".into()
                    } else {
                        "no monitoring built in".into()
                    },
                ),
                Preference::FineControl => (
                    level_satisfaction(p.control),
                    format!("control {}", level_words(p.control)),
                ),
                Preference::LowCost => {
                    let cost = row.monthly_cost.dollars();
                    match a.budget {
                        Some(b) => (
                            if cost <= b.dollars() {
                                Decimal::ONE
                            } else {
                                ratio(b.dollars(), cost)
                            },
                            format!(
                                "{} a month against your {} budget",
                                format_usd(row.monthly_cost),
                                format_usd(b)
                            ),
                        ),
                        None => (
                            if cost <= Decimal::ZERO {
                                Decimal::ONE
                            } else {
                                ratio(cheapest, cost)
                            },
                            format!("{} a month", format_usd(row.monthly_cost)),
                        ),
                    }
                }
                Preference::FastSetup => (
                    if row.setup_hours <= Decimal::ZERO {
                        Decimal::ONE
                    } else {
                        ratio(fastest, row.setup_hours)
                    },
                    format!("set up in {}", row.setup_time),
                ),
            };
            let weight = a.weights.get(pref);
            ScorePart {
                preference: pref,
                weight,
                satisfaction,
                points: (Decimal::from(weight) * satisfaction).round_dp(2),
                why,
            }
        })
        .collect()
}

fn platform_tco(p: &PlatformFacts, a: &Answers, months: u32) -> Result<Tco, CostError> {
    let row = &p.row;
    let provider = row
        .monthly_cost
        .checked_mul(Decimal::from(months))
        .map_err(overflow(&row.name))?;
    let hours = ((row.setup_hours + row.devops_hours_per_month * Decimal::from(months))
        * a.devops_experience.hours_factor())
    .round_dp(2);
    let engineering = hours_at(hours, a.engineer_hourly_rate, &row.name)?;
    let total = provider
        .checked_add(engineering)
        .map_err(overflow(&row.name))?;
    Ok(Tco {
        months,
        provider,
        hours,
        engineering,
        total,
    })
}

/// A scenario's cost of ownership month by month: its cash burn plus the
/// engineering hours of the platforms it uses (DevOps every month, setup
/// the first month a platform is used unless the scenario has its own
/// one-off cost that month, which stands for it).
fn scenario_stream(
    s: &ScenarioFacts,
    inputs: &Inputs,
    a: &Answers,
) -> Result<(Vec<Money>, Tco), CostError> {
    let factor = a.devops_experience.hours_factor();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut stream = Vec::with_capacity(s.cash.len());
    let (mut hours_total, mut eng_total, mut cash_total) =
        (Decimal::ZERO, Money::ZERO, Money::ZERO);
    for (i, cash) in s.cash.iter().enumerate() {
        let month = i as u32 + 1;
        let mut hours = Decimal::ZERO;
        for p in s.platforms.get(i).into_iter().flatten() {
            let Some(h) = inputs.hours(p) else { continue };
            hours += h.devops;
            if seen.insert(p.as_str()) && !s.one_off_months.contains(&month) {
                hours += h.setup;
            }
        }
        let hours = (hours * factor).round_dp(2);
        let eng = hours_at(hours, a.engineer_hourly_rate, &s.name)?;
        hours_total += hours;
        eng_total = eng_total.checked_add(eng).map_err(overflow(&s.name))?;
        cash_total = cash_total.checked_add(*cash).map_err(overflow(&s.name))?;
        stream.push(cash.checked_add(eng).map_err(overflow(&s.name))?);
    }
    let total = cash_total
        .checked_add(eng_total)
        .map_err(overflow(&s.name))?;
    Ok((
        stream,
        Tco {
            months: s.cash.len() as u32,
            provider: cash_total,
            hours: hours_total,
            engineering: eng_total,
            total,
        },
    ))
}

/// When `candidate`'s cumulative cost falls to `baseline`'s, over the
/// months both cover.
pub fn break_even(candidate: &[Money], baseline: &[Money]) -> BreakEven {
    let n = candidate.len().min(baseline.len());
    let (mut a, mut b) = (Decimal::ZERO, Decimal::ZERO);
    for i in 0..n {
        a += candidate[i].dollars();
        b += baseline[i].dollars();
        if a <= b {
            return if i == 0 {
                BreakEven::CheaperFromStart
            } else {
                BreakEven::Month {
                    month: i as u32 + 1,
                }
            };
        }
    }
    BreakEven::Never { months: n as u32 }
}

/// The answers judged: platforms, scenarios, break-even, recommendation.
pub fn evaluate(inputs: &Inputs, answers: &Answers) -> Result<Decision, CostError> {
    let mut decision = judge(inputs, answers)?;
    decision.recommendation.would_change = would_change(inputs, answers, &decision)?;
    decision.questions = questions();
    Ok(decision)
}

/// Everything but "what would change this".
/// The hosting platforms judged and ranked: what a change of weight can
/// change (scenarios rank by constraints, runway and cost alone).
fn rank_platforms(inputs: &Inputs, a: &Answers) -> Result<Vec<PlatformVerdict>, CostError> {
    let max_score: Decimal = Preference::ALL
        .iter()
        .map(|p| Decimal::from(a.weights.get(*p)))
        .sum();
    let mut platforms = inputs
        .platforms
        .iter()
        .map(|p| {
            let breakdown = breakdown(p, &inputs.platforms, a);
            let score: Decimal = breakdown.iter().map(|b| b.points).sum();
            let percent = if max_score > Decimal::ZERO {
                (score * Decimal::ONE_HUNDRED / max_score).round_dp(0)
            } else {
                Decimal::ZERO
            };
            Ok(PlatformVerdict {
                id: p.row.id.clone(),
                name: p.row.name.clone(),
                monthly_cost: p.row.monthly_cost,
                ruled_out: constraints(p, a),
                score,
                max_score,
                percent,
                breakdown,
                tco: platform_tco(p, a, inputs.horizon_months)?,
                rank: None,
            })
        })
        .collect::<Result<Vec<_>, CostError>>()?;
    platforms.sort_by(|x, y| {
        x.ruled_out
            .is_empty()
            .cmp(&y.ruled_out.is_empty())
            .reverse()
            .then(y.score.cmp(&x.score))
            .then(x.tco.total.cmp(&y.tco.total))
            .then(x.id.cmp(&y.id))
    });
    let mut rank = 0;
    for p in &mut platforms {
        if p.ruled_out.is_empty() {
            rank += 1;
            p.rank = Some(rank);
        }
    }

    Ok(platforms)
}

fn judge(inputs: &Inputs, a: &Answers) -> Result<Decision, CostError> {
    let platforms = rank_platforms(inputs, a)?;
    let mut streams = Vec::new();
    let mut scenarios = Vec::new();
    for s in &inputs.scenarios {
        let (stream, tco) = scenario_stream(s, inputs, a)?;
        let mut ruled_out = Vec::new();
        let used: BTreeSet<&String> = s.platforms.iter().flatten().collect();
        for p in &platforms {
            if used.contains(&p.id) && !p.ruled_out.is_empty() {
                ruled_out.push(format!(
                    "uses {}, ruled out: {}",
                    p.name,
                    p.ruled_out.join("; ")
                ));
            }
        }
        streams.push(stream);
        scenarios.push(ScenarioVerdict {
            id: s.id.clone(),
            name: s.name.clone(),
            runway: s.runway.clone(),
            runway_months: s.runway_months,
            ruled_out,
            tco,
            rank: None,
        });
    }
    let break_even_lines = match (inputs.scenarios.first(), streams.first()) {
        (Some(base), Some(base_stream)) => inputs
            .scenarios
            .iter()
            .zip(&streams)
            .skip(1)
            .map(|(s, stream)| {
                let result = break_even(stream, base_stream);
                let sentence = match result {
                    BreakEven::CheaperFromStart => format!(
                        "{} costs no more than {} from month 1, engineering time included.",
                        s.name, base.name
                    ),
                    BreakEven::Month { month } => format!(
                        "{} pays back what it costs more than {} at first by month {month}.",
                        s.name, base.name
                    ),
                    BreakEven::Never { months } => format!(
                        "{} does not pay back what it costs more than {} within {}.",
                        s.name,
                        base.name,
                        months_words(months)
                    ),
                };
                BreakEvenLine {
                    scenario: s.id.clone(),
                    against: base.id.clone(),
                    result,
                    sentence,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let runway_key = |s: &ScenarioVerdict| -> u32 {
        match s.runway_months {
            Some(m) => m,
            None if inputs.cash_known => u32::MAX,
            None => 0,
        }
    };
    let mut order: Vec<usize> = (0..scenarios.len()).collect();
    order.sort_by(|&i, &j| {
        let (x, y) = (&scenarios[i], &scenarios[j]);
        x.ruled_out
            .is_empty()
            .cmp(&y.ruled_out.is_empty())
            .reverse()
            .then(runway_key(y).cmp(&runway_key(x)))
            .then(x.tco.total.cmp(&y.tco.total))
            .then(i.cmp(&j))
    });
    let mut ranked: Vec<ScenarioVerdict> = order.iter().map(|&i| scenarios[i].clone()).collect();
    let mut rank = 0;
    for s in &mut ranked {
        if s.ruled_out.is_empty() {
            rank += 1;
            s.rank = Some(rank);
        }
    }
    let recommendation = recommend(inputs, a, &platforms, &ranked);
    Ok(Decision {
        questions: Vec::new(),
        answers: a.clone(),
        horizon_months: inputs.horizon_months,
        platforms,
        scenarios: ranked,
        break_even: break_even_lines,
        recommendation,
    })
}

fn recommend(
    inputs: &Inputs,
    a: &Answers,
    platforms: &[PlatformVerdict],
    scenarios: &[ScenarioVerdict],
) -> Recommendation {
    let mut platform_reasons = Vec::new();
    let best = platforms.iter().find(|p| p.rank == Some(1));
    match best {
        Some(b) => {
            let mut parts: Vec<&ScorePart> = b.breakdown.iter().filter(|p| p.points > Decimal::ZERO).collect();
            parts.sort_by_key(|p| std::cmp::Reverse(p.points));
            let top: Vec<String> = parts.iter().take(3).map(|p| p.why.clone()).collect();
            platform_reasons.push(format!(
                "{} fits your answers best: {} of {} points ({}%){}.",
                b.name,
                b.score.normalize(),
                b.max_score.normalize(),
                b.percent,
                if top.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", top.join(", "))
                }
            ));
            if let Some(second) = platforms.iter().find(|p| p.rank == Some(2)) {
                platform_reasons.push(format!(
                    "Next is {} with {} points.",
                    second.name,
                    second.score.normalize()
                ));
            }
            platform_reasons.push(format!(
                "Its cost of ownership over {}: {} ({} hosting + {} of engineering time).",
                months_words(b.tco.months),
                format_usd(b.tco.total),
                format_usd(b.tco.provider),
                format_usd(b.tco.engineering)
            ));
            if let Some(budget) = a.budget {
                if b.monthly_cost > budget {
                    platform_reasons.push(format!(
                        "No platform that meets your constraints costs {} or less; {} costs {} a month.",
                        format_usd(budget),
                        b.name,
                        format_usd(b.monthly_cost)
                    ));
                }
            }
        }
        None => platform_reasons.push(
            "Every hosting platform is ruled out by your answers: relax a constraint to see a recommendation.".into(),
        ),
    }
    for p in platforms.iter().filter(|p| !p.ruled_out.is_empty()) {
        platform_reasons.push(format!("{}: {}.", p.name, p.ruled_out.join("; ")));
    }

    let mut scenario_reasons = Vec::new();
    let best_s = scenarios.iter().find(|s| s.rank == Some(1));
    match best_s {
        Some(s) => {
            let runner = scenarios.iter().find(|x| x.rank == Some(2));
            let why = if inputs.cash_known {
                format!(
                    "{} gives the longest runway that meets your constraints: {}{}.",
                    s.name,
                    s.runway,
                    runner
                        .map(|r| format!(" ({}: {})", r.name, r.runway))
                        .unwrap_or_default()
                )
            } else {
                format!(
                    "{} costs the least to own among the scenarios that meet your constraints (no cash in bank is entered, so runway cannot rank them).",
                    s.name
                )
            };
            scenario_reasons.push(why);
            scenario_reasons.push(format!(
                "Over {} it burns {} of cash and takes {} of engineering time: {} in all.",
                months_words(s.tco.months),
                format_usd(s.tco.provider),
                format_usd(s.tco.engineering),
                format_usd(s.tco.total)
            ));
            if let Some(r) = runner {
                if r.runway_months == s.runway_months && inputs.cash_known {
                    scenario_reasons.push(format!(
                        "{} has the same runway and costs {} to own: the lower cost of ownership decides.",
                        r.name,
                        format_usd(r.tco.total)
                    ));
                }
            }
        }
        None if scenarios.is_empty() => {
            scenario_reasons.push("No scenario has been set up yet.".into())
        }
        None => scenario_reasons.push(
            "Every scenario uses a platform your answers rule out: change the scenarios or relax a constraint.".into(),
        ),
    }
    for s in scenarios.iter().filter(|s| !s.ruled_out.is_empty()) {
        scenario_reasons.push(format!("{} {}.", s.name, s.ruled_out.join("; ")));
    }
    Recommendation {
        platform: best.map(|b| b.id.clone()),
        platform_reasons,
        scenario: best_s.map(|s| s.id.clone()),
        scenario_reasons,
        would_change: Vec::new(),
    }
}

/// The smallest single changes of an answer that change the platform or
/// the scenario recommended: a preference weighted higher (the smallest
/// step first), then a constraint added.
fn would_change(inputs: &Inputs, a: &Answers, d: &Decision) -> Result<Vec<String>, CostError> {
    let rec = &d.recommendation;
    let name_of_platform = |id: &Option<String>| {
        id.as_deref()
            .map(|i| inputs.name(i).to_string())
            .unwrap_or_else(|| "no platform".into())
    };
    let name_of_scenario = |id: &Option<String>| {
        id.as_deref()
            .and_then(|i| inputs.scenarios.iter().find(|s| s.id == i))
            .map(|s| s.name.clone())
            .unwrap_or_else(|| "no scenario".into())
    };
    let mut weight_changes: Vec<(u8, String)> = Vec::new();
    for pref in Preference::ALL {
        let now = a.weights.get(pref);
        for w in now + 1..=MAX_WEIGHT {
            let mut b = a.clone();
            b.weights.set(pref, w);
            let first = rank_platforms(inputs, &b)?
                .into_iter()
                .find(|p| p.rank == Some(1))
                .map(|p| p.id);
            if first != rec.platform {
                weight_changes.push((
                    w - now,
                    format!(
                        "If {} mattered more (weight {now} → {w}), {} would rank first instead of {}.",
                        pref.label(),
                        name_of_platform(&first),
                        name_of_platform(&rec.platform)
                    ),
                ));
                break;
            }
        }
    }
    weight_changes.sort_by_key(|(step, _)| *step);
    let mut constraint_changes = Vec::new();
    let mut tries: Vec<(String, Answers)> = Vec::new();
    let mut with = |what: String, f: &dyn Fn(&mut Answers)| {
        let mut b = a.clone();
        f(&mut b);
        if b != *a {
            tries.push((what, b));
        }
    };
    with("you needed GPUs".into(), &|b| b.gpus = true);
    with("you needed Kubernetes features".into(), &|b| {
        b.kubernetes = true
    });
    with("you needed WebSockets".into(), &|b| b.websockets = true);
    with("you had to deploy today".into(), &|b| {
        b.deploy_within_days = Some(0)
    });
    for area in Area::ALL {
        if !a.regions.contains(&area) {
            with(format!("you needed a region in {}", area.label()), &|b| {
                b.regions.push(area)
            });
        }
    }
    if let Some(best) = d.platforms.iter().find(|p| p.rank == Some(1)) {
        let below = best
            .monthly_cost
            .checked_sub(Money::new(Decimal::new(1, 2)))
            .unwrap_or(Money::ZERO)
            .max(Money::ZERO);
        with(
            format!(
                "hosting had to cost under {} a month",
                format_usd(best.monthly_cost)
            ),
            &|b| b.budget_ceiling = Some(below),
        );
    }
    for (what, b) in tries {
        let next = judge(inputs, &b)?;
        let mut effects = Vec::new();
        if next.recommendation.platform != rec.platform {
            effects.push(format!(
                "{} would be recommended instead of {}",
                name_of_platform(&next.recommendation.platform),
                name_of_platform(&rec.platform)
            ));
        }
        if next.recommendation.scenario != rec.scenario {
            effects.push(match next.recommendation.scenario {
                Some(_) => format!(
                    "the scenario would be {} instead of {}",
                    name_of_scenario(&next.recommendation.scenario),
                    name_of_scenario(&rec.scenario)
                ),
                None => "no scenario would meet your constraints".into(),
            });
        }
        // The same effect from several changes is told once, for the first.
        let effect = effects.join(", and ");
        if !effects.is_empty() && !constraint_changes.iter().any(|(e, _)| *e == effect) {
            constraint_changes.push((effect.clone(), format!("If {what}, {effect}.")));
        }
    }
    let mut out: Vec<String> = weight_changes.into_iter().take(2).map(|(_, s)| s).collect();
    out.extend(constraint_changes.into_iter().take(4).map(|(_, s)| s));
    if out.is_empty() {
        out.push("No single change of an answer changes this recommendation.".into());
    }
    Ok(out)
}
