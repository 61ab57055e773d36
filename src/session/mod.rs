//! An editing session on one project: edits addressed by field path,
//! validated whole before they take effect, with undo and redo and an
//! unsaved-changes mark. Pure: the desktop shell keeps one in its state and
//! does the file work around it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::Catalogs;
use crate::error::{CostError, InputError};
use crate::month::YearMonth;
use crate::project::Project;
use crate::query::{self, Overview};
use crate::scenario::{self, Phase, Scenario};

/// Most undo steps kept.
pub const UNDO_LIMIT: usize = 200;

/// A change to the project, addressed by the field paths errors use
/// (`workload.services[2].vcpu`, `credits[0].amount`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Sets a field.
    Set {
        /// The field.
        path: String,
        /// Its new value; a text holding a whole number is stored as a
        /// number where the field is one.
        value: Value,
    },
    /// Appends an item to a list.
    Append {
        /// The list.
        path: String,
        /// The item.
        value: Value,
    },
    /// Removes an item from a list.
    Remove {
        /// The item (`workload.services[2]`).
        path: String,
    },
    /// Adds a scenario built from one of the templates.
    AddTemplate {
        /// `railway-only`, `hybrid` or `dev-prod`.
        template: String,
        /// Its first month.
        start: YearMonth,
    },
}

/// What the window shows of a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionView {
    /// The window title: file name, unsaved mark, app name.
    pub title: String,
    /// The file name, if saved or opened from a file.
    pub file_name: Option<String>,
    /// Unsaved changes.
    pub dirty: bool,
    /// The project is the built-in example.
    pub is_example: bool,
    /// Undo possible.
    pub can_undo: bool,
    /// Redo possible.
    pub can_redo: bool,
    /// Everything computed from the project.
    pub overview: Overview,
}

/// An editing session.
#[derive(Debug, Clone)]
pub struct Session {
    project: Project,
    saved: Option<Project>,
    file_name: Option<String>,
    is_example: bool,
    undo: Vec<Project>,
    redo: Vec<Project>,
}

impl Session {
    /// A session on a project; `saved` when it matches its file.
    pub fn new(
        project: Project,
        file_name: Option<String>,
        saved: bool,
        is_example: bool,
    ) -> Session {
        Session {
            saved: saved.then(|| project.clone()),
            project,
            file_name,
            is_example,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The project as it stands.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.project)
    }

    /// Applies an edit if the project stays valid; otherwise returns the
    /// error, naming the field, and changes nothing.
    pub fn apply(&mut self, edit: Edit, catalogs: &Catalogs) -> Result<(), InputError> {
        let next = edited(&self.project, edit)?;
        next.validate_references(catalogs)?;
        if next != self.project {
            self.undo.push(std::mem::replace(&mut self.project, next));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(())
    }

    /// Takes back the last edit as if it never happened (no redo step):
    /// for an edit whose results could not be computed.
    pub fn revert_last(&mut self) {
        if let Some(p) = self.undo.pop() {
            self.project = p;
        }
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(p) => {
                self.redo.push(std::mem::replace(&mut self.project, p));
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(p) => {
                self.undo.push(std::mem::replace(&mut self.project, p));
                true
            }
            None => false,
        }
    }

    /// Records that the project was saved under a file name.
    pub fn mark_saved(&mut self, file_name: String) {
        self.saved = Some(self.project.clone());
        self.file_name = Some(file_name);
        self.is_example = false;
    }

    /// The window title: `qlp.json • — Infra Runway`.
    pub fn title(&self) -> String {
        let name = match (&self.file_name, self.is_example) {
            (Some(f), _) => f.clone(),
            (None, true) => format!("{} (example)", self.project.name),
            (None, false) => format!("{} (not saved)", self.project.name),
        };
        let mark = if self.is_dirty() { " •" } else { "" };
        format!("{name}{mark} — Infra Runway")
    }

    /// What the window shows.
    pub fn view(&self, catalogs: &Catalogs) -> Result<SessionView, CostError> {
        Ok(SessionView {
            title: self.title(),
            file_name: self.file_name.clone(),
            dirty: self.is_dirty(),
            is_example: self.is_example,
            can_undo: !self.undo.is_empty(),
            can_redo: !self.redo.is_empty(),
            overview: query::overview(&self.project, catalogs)?,
        })
    }
}

/// A new, empty project.
pub fn blank_project() -> Project {
    Project {
        format_version: crate::project::FORMAT_VERSION,
        name: "Untitled project".into(),
        description: String::new(),
        billing_month: Default::default(),
        plans: Default::default(),
        workload: crate::workload::Workload::empty(),
        credits: Vec::new(),
        cash: Default::default(),
        scenarios: Vec::new(),
        decision: Default::default(),
    }
}

/// The project with an edit applied, parsed and checked as a file would be.
fn edited(project: &Project, edit: Edit) -> Result<Project, InputError> {
    let mut doc = serde_json::to_value(project).map_err(|e| InputError::Malformed {
        path: ".".into(),
        message: e.to_string(),
    })?;
    match edit {
        Edit::Set { path, value } => {
            let slot = locate(&mut doc, &path)?;
            let old = slot.clone();
            *slot = coerce(slot, value);
            // A renamed service or database keeps its place in the scenarios.
            let is_item_name = path.ends_with("].name")
                && (path.starts_with("workload.services[")
                    || path.starts_with("workload.databases["));
            if let (true, Some(from), Some(to)) = (
                is_item_name,
                old.as_str(),
                slot.as_str().map(str::to_string),
            ) {
                let from = from.to_string();
                rename_item(&mut doc, &from, &to);
            }
        }
        Edit::Append { path, value } => match locate(&mut doc, &path)? {
            Value::Array(items) => items.push(value),
            slot @ Value::Null => *slot = Value::Array(vec![value]),
            _ => return Err(not_a(&path, "list")),
        },
        Edit::Remove { path } => {
            let (parent, index) = split_last_index(&path)?;
            let removed = match locate(&mut doc, parent)? {
                Value::Array(items) if index < items.len() => items.remove(index),
                _ => return Err(not_a(&path, "list item")),
            };
            // A removed service or database leaves the scenarios too.
            if parent.starts_with("workload.") {
                if let Some(name) = removed.get("name").and_then(Value::as_str) {
                    forget_item(&mut doc, name);
                }
            }
        }
        Edit::AddTemplate { template, start } => {
            let s = template_scenario(project, &template, start)?;
            let value = serde_json::to_value(s).map_err(|e| InputError::Malformed {
                path: "scenarios".into(),
                message: e.to_string(),
            })?;
            match locate(&mut doc, "scenarios")? {
                Value::Array(items) => items.push(value),
                slot => *slot = Value::Array(vec![value]),
            }
        }
    }
    let text = serde_json::to_string(&doc).map_err(|e| InputError::Malformed {
        path: ".".into(),
        message: e.to_string(),
    })?;
    Project::parse(&text)
}

/// Carries a renamed item's placements and growth in every scenario.
fn rename_item(doc: &mut Value, from: &str, to: &str) {
    let Some(scenarios) = doc.get_mut("scenarios").and_then(Value::as_array_mut) else {
        return;
    };
    for s in scenarios {
        if let Some(phases) = s.get_mut("phases").and_then(Value::as_array_mut) {
            for ph in phases {
                if let Some(p) = ph.get_mut("placements").and_then(Value::as_object_mut) {
                    if let Some(platform) = p.remove(from) {
                        p.insert(to.to_string(), platform);
                    }
                }
            }
        }
        if let Some(growth) = s.get_mut("growth").and_then(Value::as_array_mut) {
            for g in growth {
                if g.get("item").and_then(Value::as_str) == Some(from) {
                    g["item"] = Value::String(to.to_string());
                }
            }
        }
    }
}

/// Removes an item's placements and growth from every scenario.
fn forget_item(doc: &mut Value, name: &str) {
    let Some(scenarios) = doc.get_mut("scenarios").and_then(Value::as_array_mut) else {
        return;
    };
    for s in scenarios {
        if let Some(phases) = s.get_mut("phases").and_then(Value::as_array_mut) {
            for ph in phases {
                if let Some(p) = ph.get_mut("placements").and_then(Value::as_object_mut) {
                    p.remove(name);
                }
            }
        }
        if let Some(growth) = s.get_mut("growth").and_then(Value::as_array_mut) {
            growth.retain(|g| g.get("item").and_then(Value::as_str) != Some(name));
        }
    }
}

fn not_a(path: &str, what: &str) -> InputError {
    InputError::Malformed {
        path: path.to_string(),
        message: format!("is not a {what}"),
    }
}

/// A text holding a whole number goes where a number was; anything else
/// as given (so a wrong value fails with the field's own message).
fn coerce(old: &Value, new: Value) -> Value {
    match (old, &new) {
        (Value::Number(_), Value::String(s)) => s
            .trim()
            .parse::<u64>()
            .map(|n| Value::Number(n.into()))
            .unwrap_or(new),
        (Value::Bool(_), Value::String(s)) => match s.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => new,
        },
        _ => new,
    }
}

/// `workload.services[2]` → (`workload.services`, 2).
fn split_last_index(path: &str) -> Result<(&str, usize), InputError> {
    let bad = || not_a(path, "list item");
    let open = path.rfind('[').ok_or_else(bad)?;
    let index = path[open + 1..]
        .strip_suffix(']')
        .and_then(|i| i.parse().ok())
        .ok_or_else(bad)?;
    Ok((&path[..open], index))
}

/// The value at a path like `scenarios[1].phases[0].placements.Redis`;
/// a missing object key is created (as null) so it can be set.
fn locate<'v>(doc: &'v mut Value, path: &str) -> Result<&'v mut Value, InputError> {
    let unknown = || InputError::Malformed {
        path: path.to_string(),
        message: "no such field".into(),
    };
    let mut here = doc;
    for part in path.split('.') {
        let (key, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            // A map left out of the file because it was empty (plans,
            // placements) comes back to be filled in.
            if here.is_null() {
                *here = Value::Object(serde_json::Map::new());
            }
            let map = here.as_object_mut().ok_or_else(unknown)?;
            here = map.entry(key.to_string()).or_insert(Value::Null);
        }
        let mut rest = indices;
        while let Some(stripped) = rest.strip_prefix('[') {
            let close = stripped.find(']').ok_or_else(unknown)?;
            let index: usize = stripped[..close].parse().map_err(|_| unknown())?;
            here = here
                .as_array_mut()
                .and_then(|a| a.get_mut(index))
                .ok_or_else(unknown)?;
            rest = &stripped[close + 1..];
        }
    }
    Ok(here)
}

/// A scenario from a template, placed for this project's workload, with an
/// id not yet used.
pub fn template_scenario(
    project: &Project,
    template: &str,
    start: YearMonth,
) -> Result<Scenario, InputError> {
    let w = &project.workload;
    let mut managed = std::collections::BTreeMap::new();
    if w.workflows.is_some() {
        managed.insert(
            scenario::WORKFLOWS.to_string(),
            "temporal-cloud".to_string(),
        );
    }
    if w.llm.is_some() {
        managed.insert(scenario::LLM.to_string(), "azure-openai".to_string());
    }
    if w.vectors.is_some() {
        managed.insert(scenario::VECTORS.to_string(), "qdrant-cloud".to_string());
    }
    let (base, name, default, placements) = match template {
        "railway-only" => ("railway-only", "Railway-only", "railway", managed),
        "hybrid" => {
            let mut p = managed;
            for db in &w.databases {
                if db.engine == crate::workload::Engine::Postgres {
                    p.insert(db.name.clone(), "supabase".into());
                }
            }
            ("hybrid", "Hybrid on credits", "railway", p)
        }
        "dev-prod" => ("dev-prod", "Prod on Azure credits", "azure-aks", managed),
        other => {
            return Err(InputError::Unknown {
                path: "template".into(),
                what: "template",
                got: other.to_string(),
                known: "railway-only, hybrid, dev-prod".into(),
            })
        }
    };
    let taken = |id: &str| project.scenarios.iter().any(|s| s.id == id);
    let mut id = base.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let suffix = if id == base {
        String::new()
    } else {
        format!(" ({})", n - 1)
    };
    Ok(Scenario {
        id,
        name: format!("{name}{suffix}"),
        description: String::new(),
        start,
        horizon_months: 36,
        phases: vec![Phase {
            from_month: 1,
            default_platform: default.into(),
            placements,
        }],
        plans: Default::default(),
        extra_services: Vec::new(),
        one_off_costs: Vec::new(),
        growth: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
