//! Tauri commands: each a short hand-off to one core function.

use infra_runway::catalog::Catalogs;
use infra_runway::project::Project;
use infra_runway::query::{self, Overview};
use tauri::State;

use crate::error::CommandError;

/// The built-in example project with its platform comparison and costs.
#[tauri::command]
pub(crate) fn example_overview(catalogs: State<'_, Catalogs>) -> Result<Overview, CommandError> {
    let project = Project::example()?;
    Ok(query::overview(&project, &catalogs)?)
}
