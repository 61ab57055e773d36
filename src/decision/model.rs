//! The founder's answers to the decision framework, the questions in their
//! words, and what an evaluation produces.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::Area;
use crate::error::{check_range, InputError};
use crate::money::Money;

/// The team's experience running infrastructure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Experience {
    /// Nobody has run production infrastructure.
    None,
    /// Someone has, now and then.
    #[default]
    Some,
    /// An experienced DevOps or platform engineer.
    Strong,
}

impl Experience {
    /// Hours of DevOps work scale with experience: a team new to it takes
    /// half as long again, an experienced one a quarter less.
    pub fn hours_factor(self) -> Decimal {
        match self {
            Experience::None => Decimal::new(15, 1),
            Experience::Some => Decimal::ONE,
            Experience::Strong => Decimal::new(75, 2),
        }
    }
}

/// How much each preference counts, 0 (not at all) to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    /// Developer experience.
    pub developer_experience: u8,
    /// No infrastructure to manage.
    pub no_infrastructure: u8,
    /// Built-in monitoring.
    pub built_in_monitoring: u8,
    /// Fine-grained control.
    pub fine_control: u8,
    /// Low monthly cost.
    pub low_cost: u8,
    /// Fast setup.
    pub fast_setup: u8,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            developer_experience: 3,
            no_infrastructure: 3,
            built_in_monitoring: 2,
            fine_control: 1,
            low_cost: 3,
            fast_setup: 2,
        }
    }
}

/// The preferences, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    /// Developer experience.
    DeveloperExperience,
    /// No infrastructure to manage.
    NoInfrastructure,
    /// Built-in monitoring.
    BuiltInMonitoring,
    /// Fine-grained control.
    FineControl,
    /// Low monthly cost.
    LowCost,
    /// Fast setup.
    FastSetup,
}

impl Preference {
    /// Every preference.
    pub const ALL: [Preference; 6] = [
        Preference::DeveloperExperience,
        Preference::NoInfrastructure,
        Preference::BuiltInMonitoring,
        Preference::FineControl,
        Preference::LowCost,
        Preference::FastSetup,
    ];

    /// The preference in words.
    pub fn label(self) -> &'static str {
        match self {
            Preference::DeveloperExperience => "developer experience",
            Preference::NoInfrastructure => "no infrastructure to manage",
            Preference::BuiltInMonitoring => "built-in monitoring",
            Preference::FineControl => "fine-grained control",
            Preference::LowCost => "low monthly cost",
            Preference::FastSetup => "fast setup",
        }
    }

    /// Its field in `Weights`.
    pub fn key(self) -> &'static str {
        match self {
            Preference::DeveloperExperience => "developer_experience",
            Preference::NoInfrastructure => "no_infrastructure",
            Preference::BuiltInMonitoring => "built_in_monitoring",
            Preference::FineControl => "fine_control",
            Preference::LowCost => "low_cost",
            Preference::FastSetup => "fast_setup",
        }
    }
}

impl Weights {
    /// The weight of a preference.
    pub fn get(&self, p: Preference) -> u8 {
        match p {
            Preference::DeveloperExperience => self.developer_experience,
            Preference::NoInfrastructure => self.no_infrastructure,
            Preference::BuiltInMonitoring => self.built_in_monitoring,
            Preference::FineControl => self.fine_control,
            Preference::LowCost => self.low_cost,
            Preference::FastSetup => self.fast_setup,
        }
    }

    /// Sets the weight of a preference.
    pub fn set(&mut self, p: Preference, w: u8) {
        let slot = match p {
            Preference::DeveloperExperience => &mut self.developer_experience,
            Preference::NoInfrastructure => &mut self.no_infrastructure,
            Preference::BuiltInMonitoring => &mut self.built_in_monitoring,
            Preference::FineControl => &mut self.fine_control,
            Preference::LowCost => &mut self.low_cost,
            Preference::FastSetup => &mut self.fast_setup,
        };
        *slot = w;
    }
}

/// The highest weight.
pub const MAX_WEIGHT: u8 = 10;

/// The answers, saved in the project file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Answers {
    /// Must be in production within this many days (0: today); none: no deadline.
    pub deploy_within_days: Option<u32>,
    /// WebSockets are needed.
    pub websockets: bool,
    /// GPUs are needed.
    pub gpus: bool,
    /// Kubernetes features are needed.
    pub kubernetes: bool,
    /// Areas the product must run in.
    pub regions: Vec<Area>,
    /// An acceptable monthly cost for hosting.
    pub budget: Option<Money>,
    /// A monthly cost hosting must never exceed.
    pub budget_ceiling: Option<Money>,
    /// The team's DevOps experience.
    pub devops_experience: Experience,
    /// What an engineer's hour costs.
    pub engineer_hourly_rate: Money,
    /// How much each preference counts.
    pub weights: Weights,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            deploy_within_days: None,
            websockets: false,
            gpus: false,
            kubernetes: false,
            regions: Vec::new(),
            budget: None,
            budget_ceiling: None,
            devops_experience: Experience::Some,
            engineer_hourly_rate: Money::new(Decimal::ONE_HUNDRED),
            weights: Weights::default(),
        }
    }
}

impl Answers {
    /// True when nothing differs from the defaults (the project file then
    /// leaves the answers out).
    pub fn is_default(&self) -> bool {
        *self == Answers::default()
    }

    /// Checks every answer's range; `path` is where the answers stand.
    pub fn validate(&self, path: &str) -> Result<(), InputError> {
        if let Some(d) = self.deploy_within_days {
            check_range(
                format!("{path}.deploy_within_days"),
                Decimal::from(d),
                Decimal::ZERO,
                Decimal::from(365),
                "days",
            )?;
        }
        let money_max = Decimal::from(10_000_000);
        for (field, m) in [
            ("budget", self.budget),
            ("budget_ceiling", self.budget_ceiling),
        ] {
            if let Some(m) = m {
                check_range(
                    format!("{path}.{field}"),
                    m.dollars(),
                    Decimal::ZERO,
                    money_max,
                    "$ a month",
                )?;
            }
        }
        check_range(
            format!("{path}.engineer_hourly_rate"),
            self.engineer_hourly_rate.dollars(),
            Decimal::ZERO,
            Decimal::from(2_000),
            "$ an hour",
        )?;
        for p in Preference::ALL {
            check_range(
                format!("{path}.weights.{}", p.key()),
                Decimal::from(self.weights.get(p)),
                Decimal::ZERO,
                Decimal::from(MAX_WEIGHT),
                "",
            )?;
        }
        let mut seen = Vec::new();
        for (i, a) in self.regions.iter().enumerate() {
            if seen.contains(a) {
                return Err(InputError::Malformed {
                    path: format!("{path}.regions[{i}]"),
                    message: format!("{} is listed twice", a.label()),
                });
            }
            seen.push(*a);
        }
        Ok(())
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A number of days, or no deadline.
    Days,
    /// Yes or no.
    YesNo,
    /// Areas of the world.
    Areas,
    /// Dollars a month, or none.
    MoneyPerMonth,
    /// Dollars an hour.
    MoneyPerHour,
    /// None, some or strong.
    Experience,
    /// A weight, 0 to 10.
    Weight,
}

/// One question of the framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The answer's field path in the project file.
    pub path: &'static str,
    /// The question, in the founder's words.
    pub text: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// What kind of answer it takes.
    pub kind: AnswerKind,
    /// The answers to pick from, where there is a list.
    pub choices: Vec<Choice>,
}

/// One answer to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The value stored in the project file.
    pub value: serde_json::Value,
    /// In words.
    pub label: String,
}

fn choices(kind: AnswerKind) -> Vec<Choice> {
    let c = |value: serde_json::Value, label: &str| Choice {
        value,
        label: label.to_string(),
    };
    match kind {
        AnswerKind::Days => vec![
            c(serde_json::Value::Null, "No deadline"),
            c(0.into(), "Today"),
            c(2.into(), "Within 2 days"),
            c(7.into(), "Within a week"),
            c(30.into(), "Within a month"),
        ],
        AnswerKind::Areas => Area::ALL
            .iter()
            .map(|a| {
                let value = serde_json::to_value(a).unwrap_or(serde_json::Value::Null);
                c(value, a.label())
            })
            .collect(),
        AnswerKind::Experience => vec![
            c(
                "none".into(),
                "None: nobody has run production infrastructure",
            ),
            c("some".into(), "Some: someone has, now and then"),
            c("strong".into(), "Strong: an experienced DevOps engineer"),
        ],
        _ => Vec::new(),
    }
}

/// The questions, in the order they are asked.
pub fn questions() -> Vec<Question> {
    let mut qs = asked();
    for q in &mut qs {
        q.choices = choices(q.kind);
    }
    qs
}

fn asked() -> Vec<Question> {
    use AnswerKind::*;
    vec![
        Question { path: "decision.deploy_within_days", text: "How soon must it be in production?", why: "Setting up a cloud cluster takes days; a platform like Railway or Render takes minutes. A deadline rules out what cannot be ready in time.", kind: Days, choices: Vec::new() },
        Question { path: "decision.weights.developer_experience", text: "How much do you value developer experience?", why: "Deploys from a git push, previews and a good dashboard save your engineers time every day.", kind: Weight, choices: Vec::new() },
        Question { path: "decision.weights.no_infrastructure", text: "How much do you want to avoid managing infrastructure?", why: "Clusters, networks and upgrades take DevOps hours every month; a managed platform takes most of them away.", kind: Weight, choices: Vec::new() },
        Question { path: "decision.budget", text: "What monthly hosting cost is acceptable?", why: "Platforms above it score lower on cost; credits can still carry a scenario past it.", kind: MoneyPerMonth, choices: Vec::new() },
        Question { path: "decision.budget_ceiling", text: "What must hosting never cost more than a month?", why: "A hard ceiling: a platform that costs more is ruled out.", kind: MoneyPerMonth, choices: Vec::new() },
        Question { path: "decision.weights.low_cost", text: "How much does a low monthly bill matter?", why: "Weighs the monthly cost against your acceptable budget (or against the cheapest platform).", kind: Weight, choices: Vec::new() },
        Question { path: "decision.websockets", text: "Do you need WebSockets?", why: "Live updates and streaming need long-lived connections; a platform without them is ruled out.", kind: YesNo, choices: Vec::new() },
        Question { path: "decision.weights.built_in_monitoring", text: "How much do you want monitoring built in?", why: "Logs and metrics out of the box mean no separate monitoring stack to run or pay for.", kind: Weight, choices: Vec::new() },
        Question { path: "decision.weights.fine_control", text: "How much do you need fine-grained control?", why: "Networking, instance types and scheduling you can tune yourself; platforms trade that for simplicity.", kind: Weight, choices: Vec::new() },
        Question { path: "decision.regions", text: "Where must it run?", why: "Data residency and latency: a platform without a region in an area you need is ruled out.", kind: Areas, choices: Vec::new() },
        Question { path: "decision.gpus", text: "Do you need GPUs?", why: "Self-hosted models and specialised compute need GPU machines; most platforms have none.", kind: YesNo, choices: Vec::new() },
        Question { path: "decision.kubernetes", text: "Do you need Kubernetes features?", why: "Operators, custom resources and Helm charts run only on Kubernetes.", kind: YesNo, choices: Vec::new() },
        Question { path: "decision.devops_experience", text: "How much DevOps experience does the team have?", why: "A team new to infrastructure takes longer to set up and run a cloud cluster: its hours count half as long again.", kind: Experience, choices: Vec::new() },
        Question { path: "decision.engineer_hourly_rate", text: "What does an engineer's hour cost?", why: "Setup and DevOps hours at this rate are added to the hosting bill in the total cost of ownership.", kind: MoneyPerHour, choices: Vec::new() },
        Question { path: "decision.weights.fast_setup", text: "How much does a fast setup matter?", why: "Weighs the hours to a first production deploy, beyond any deadline.", kind: Weight, choices: Vec::new() },
    ]
}

/// Each question with its answer in words, for the report.
pub fn answered(a: &Answers) -> Vec<(Question, String)> {
    let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_string();
    let weight = |w: u8| {
        let words = match w {
            0 => "Not at all",
            1..=3 => "A little",
            4..=6 => "A good deal",
            _ => "A lot",
        };
        format!("{words} (weight {w} of {MAX_WEIGHT})")
    };
    questions()
        .into_iter()
        .map(|q| {
            let text = match q.path {
                "decision.deploy_within_days" => match a.deploy_within_days {
                    None => "No deadline".into(),
                    Some(0) => "Today".into(),
                    Some(1) => "Within 1 day".into(),
                    Some(n) => format!("Within {n} days"),
                },
                "decision.websockets" => yes_no(a.websockets),
                "decision.gpus" => yes_no(a.gpus),
                "decision.kubernetes" => yes_no(a.kubernetes),
                "decision.regions" => {
                    if a.regions.is_empty() {
                        "Anywhere".into()
                    } else {
                        a.regions
                            .iter()
                            .map(|r| r.label())
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                }
                "decision.budget" => a
                    .budget
                    .map(|m| format!("{} a month", crate::money::format_usd(m)))
                    .unwrap_or_else(|| "Not set".into()),
                "decision.budget_ceiling" => a
                    .budget_ceiling
                    .map(|m| format!("{} a month", crate::money::format_usd(m)))
                    .unwrap_or_else(|| "None".into()),
                "decision.devops_experience" => match a.devops_experience {
                    Experience::None => "None".into(),
                    Experience::Some => "Some".into(),
                    Experience::Strong => "Strong".into(),
                },
                "decision.engineer_hourly_rate" => {
                    format!(
                        "{} an hour",
                        crate::money::format_usd(a.engineer_hourly_rate)
                    )
                }
                p => Preference::ALL
                    .iter()
                    .find(|x| p == format!("decision.weights.{}", x.key()))
                    .map(|x| weight(a.weights.get(*x)))
                    .unwrap_or_default(),
            };
            (q, text)
        })
        .collect()
}
