//! Tauri commands: each a short hand-off to the core's session, then the
//! window title is set from the view. No arithmetic here.

use infra_runway::project::Project;
use infra_runway::session::{blank_project, Edit, Session, SessionView};
use tauri::{State, Window};

use crate::error::CommandError;
use crate::files;
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
    state.set_path(None);
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
    state.set_path(None);
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

/// What the window is told about recent files and the recovery copy.
#[derive(serde::Serialize)]
pub(crate) struct FilesView {
    /// Recent files: (file name, full path), newest first.
    recent: Vec<(String, String)>,
    /// A recovery copy of unsaved work exists.
    recovery: bool,
}

/// Recent files and whether unsaved work can be restored.
#[tauri::command]
pub(crate) fn files_view(app: tauri::AppHandle) -> FilesView {
    FilesView {
        recent: files::recent(&app)
            .iter()
            .map(|p| (files::display_name(p), p.display().to_string()))
            .collect(),
        recovery: files::recovery_file(&app).is_some_and(|f| f.is_file()),
    }
}

fn open_path(
    path: &std::path::Path,
    state: &AppState,
    app: &tauri::AppHandle,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let project = files::store::load(path)?;
    let mut s = state.session();
    *s = Session::new(project, Some(files::display_name(path)), true, false);
    state.set_path(Some(path.to_path_buf()));
    files::remember(app, path);
    view(state, &s, window)
}

/// Opens a project chosen in the native dialog.
#[tauri::command]
pub(crate) async fn open_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let Some(path) = files::pick_open(&app) else {
        return Ok(None);
    };
    open_path(&path, &state, &app, &window).map(Some)
}

/// Opens a file from the recent list (only those: the window names no
/// other path).
#[tauri::command]
pub(crate) fn open_recent(
    path: String,
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let wanted = std::path::PathBuf::from(&path);
    if !files::recent(&app).contains(&wanted) {
        return Err(CommandError::NotRecent(path));
    }
    open_path(&wanted, &state, &app, &window)
}

fn save_to(
    path: &std::path::Path,
    state: &AppState,
    app: &tauri::AppHandle,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    let text = s.project().to_json()?;
    files::store::save(path, &text, files::store::Replace::ReadableProject)?;
    s.mark_saved(files::display_name(path));
    state.set_path(Some(path.to_path_buf()));
    files::remember(app, path);
    if let Some(r) = files::recovery_file(app) {
        let _ = std::fs::remove_file(r);
    }
    view(state, &s, window)
}

/// Saves to the project's file, or asks where when it has none.
#[tauri::command]
pub(crate) async fn save(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let path = match state.path() {
        Some(p) => p,
        None => {
            let suggested = format!("{}.json", state.session().project().name);
            match files::pick_save(&app, &suggested) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    save_to(&path, &state, &app, &window).map(Some)
}

/// Saves under a new name chosen in the native dialog.
#[tauri::command]
pub(crate) async fn save_as(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let suggested = format!("{}.json", state.session().project().name);
    let Some(path) = files::pick_save(&app, &suggested) else {
        return Ok(None);
    };
    save_to(&path, &state, &app, &window).map(Some)
}

/// Writes the recovery copy while there are unsaved changes (the window
/// calls this a moment after edits), and removes it when there are none.
#[tauri::command]
pub(crate) fn autosave(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<(), CommandError> {
    let Some(file) = files::recovery_file(&app) else {
        return Ok(());
    };
    let s = state.session();
    if s.is_dirty() {
        let text = s.project().to_json()?;
        files::store::write_atomic(&file, text.as_bytes(), None)
            .map_err(|e| CommandError::Recovery(e.to_string()))?;
    } else {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// Restores the recovery copy as unsaved work.
#[tauri::command]
pub(crate) fn restore_recovery(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let file = files::recovery_file(&app)
        .ok_or_else(|| CommandError::Recovery("no app data folder".into()))?;
    let project = files::store::load(&file)?;
    let mut s = state.session();
    *s = Session::new(project, None, false, false);
    state.set_path(None);
    view(&state, &s, &window)
}

/// Discards the recovery copy.
#[tauri::command]
pub(crate) fn discard_recovery(app: tauri::AppHandle) {
    if let Some(f) = files::recovery_file(&app) {
        let _ = std::fs::remove_file(f);
    }
}
