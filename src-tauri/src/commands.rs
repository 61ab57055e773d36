//! Tauri commands: each a short hand-off to the core's session, then the
//! window title is set from the view. No arithmetic here.

use infra_runway::project::Project;
use infra_runway::session::{blank_project, Edit, Session, SessionView};
use tauri::{State, Window};

use crate::error::CommandError;
use crate::state::AppState;

fn view(state: &AppState, session: &Session, window: &Window) -> Result<SessionView, CommandError> {
    let v = session.view(&state.catalogs)?;
    // The title carries the file name and the unsaved mark.
    let _ = window.set_title(&v.title);
    Ok(v)
}

/// The session as it stands.
#[tauri::command]
pub(crate) fn session_view(
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let s = state.session();
    view(&state, &s, &window)
}

/// Applies an edit; a bad value comes back as an error naming its field.
#[tauri::command]
pub(crate) fn apply_edit(
    edit: Edit,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    s.apply(edit, &state.catalogs)?;
    view(&state, &s, &window)
}

/// Adds a scenario from a template, starting this month.
#[tauri::command]
pub(crate) fn add_template(
    template: String,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let start = crate::clock::this_month().ok_or(CommandError::Clock)?;
    let mut s = state.session();
    s.apply(Edit::AddTemplate { template, start }, &state.catalogs)?;
    view(&state, &s, &window)
}

/// Undoes the last edit.
#[tauri::command]
pub(crate) fn undo(
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    s.undo();
    view(&state, &s, &window)
}

/// Redoes the last undone edit.
#[tauri::command]
pub(crate) fn redo(
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    s.redo();
    view(&state, &s, &window)
}

/// Starts a blank project.
#[tauri::command]
pub(crate) fn new_project(
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    *s = Session::new(blank_project(), None, true, false);
    view(&state, &s, &window)
}

/// Opens the built-in example.
#[tauri::command]
pub(crate) fn open_example(
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    *s = Session::new(Project::example()?, None, true, true);
    view(&state, &s, &window)
}

/// One scenario month by month: monthly totals and events.
#[tauri::command]
pub(crate) fn scenario_ledger(
    id: String,
    state: State<'_, AppState>,
) -> Result<infra_runway::projection::Projection, CommandError> {
    let s = state.session();
    Ok(infra_runway::query::monthly(
        s.project(),
        &state.catalogs,
        &id,
    )?)
}
