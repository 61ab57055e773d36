//! How a platform and a scenario are measured against the answers: hard
//! constraints, the score's parts, cost of ownership, break-even.

use super::*;

pub(super) fn overflow(what: &str) -> impl Fn(MoneyError) -> CostError + '_ {
    move |source| CostError::Money {
        item: what.to_string(),
        source,
    }
}

pub(super) fn hours_at(hours: Decimal, rate: Money, what: &str) -> Result<Money, CostError> {
    rate.checked_mul(hours)
        .map(Money::round_cents)
        .map_err(overflow(what))
}

pub(super) fn level_satisfaction(l: Option<Level>) -> Decimal {
    match l {
        Some(Level::High) => Decimal::ONE,
        Some(Level::Medium) | None => Decimal::new(5, 1),
        Some(Level::Low) => Decimal::new(2, 1),
    }
}

pub(super) fn level_words(l: Option<Level>) -> &'static str {
    match l {
        Some(Level::High) => "high",
        Some(Level::Medium) => "medium",
        Some(Level::Low) => "low",
        None => "not known",
    }
}

/// a / b between 0 and 1, to two places; 1 when b is zero.
pub(super) fn ratio(a: Decimal, b: Decimal) -> Decimal {
    if b <= Decimal::ZERO {
        return Decimal::ONE;
    }
    a.checked_div(b)
        .unwrap_or(Decimal::ZERO)
        .clamp(Decimal::ZERO, Decimal::ONE)
        .round_dp(2)
}

pub(super) fn days_words(days: u32) -> String {
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

pub(super) fn breakdown(p: &PlatformFacts, all: &[PlatformFacts], a: &Answers) -> Vec<ScorePart> {
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

pub(super) fn platform_tco(p: &PlatformFacts, a: &Answers, months: u32) -> Result<Tco, CostError> {
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
pub(super) fn scenario_stream(
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
