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

mod inputs;
mod model;
mod score;
mod verdict;

pub use inputs::{Inputs, PlatformFacts, ScenarioFacts};
pub use model::*;
pub use score::{break_even, constraints};
pub use verdict::*;

use score::{breakdown, platform_tco, scenario_stream};

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::catalog::{Area, Catalogs, DevopsEffort, Level};
use crate::compare::{PlatformComparison, PlatformRow};
use crate::error::CostError;
use crate::money::{format_usd, Money, MoneyError};
use crate::project::Project;
use crate::projection::{months_words, Projection};

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
