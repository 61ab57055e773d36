//! Tauri commands: each a short hand-off to the core's session or a query,
//! then the window title is set from the view. No arithmetic here. Nothing
//! replaces unsaved work without asking, and nothing takes effect unless
//! its results can be shown.

use infra_runway::project::Project;
use infra_runway::session::{blank_project, Edit, Session, SessionView};
use tauri::{AppHandle, State, Window};

use crate::error::CommandError;
use crate::exports::{self, ExportDone, ExportKind};
use crate::files;
use crate::state::AppState;

pub(crate) fn view(
    state: &AppState,
    session: &Session,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let v = session.view(&state.catalogs())?;
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

/// Applies an edit; a bad value comes back as an error naming its field,
/// and an edit whose results cannot be computed is taken back.
#[tauri::command]
pub(crate) fn apply_edit(
    edit: Edit,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    s.apply(edit, &state.catalogs())?;
    view(&state, &s, &window).inspect_err(|_| s.revert_last())
}

/// Adds a scenario from a template, starting this month.
#[tauri::command]
pub(crate) fn add_template(
    template: String,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let start = crate::clock::this_month().ok_or(CommandError::Clock)?;
    apply_edit(Edit::AddTemplate { template, start }, state, window)
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

/// True when there is nothing unsaved, or the founder agrees to discard it.
fn may_replace(app: &AppHandle, state: &AppState, window: &Window) -> bool {
    let dirty = state.session().is_dirty();
    // The mutex is not held while the dialog waits.
    !dirty || files::confirm_discard(app, window)
}

/// Replaces the session with `next` if its results can be shown.
fn replace(
    next: Session,
    path: Option<std::path::PathBuf>,
    state: &AppState,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let v = view(state, &next, window)?;
    *state.session() = next;
    state.set_path(path);
    Ok(v)
}

/// Starts a blank project (after asking, if work is unsaved).
#[tauri::command]
pub(crate) async fn new_project(
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    if !may_replace(&app, &state, &window) {
        return Ok(None);
    }
    replace(
        Session::new(blank_project(), None, true, false),
        None,
        &state,
        &window,
    )
    .map(Some)
}

/// Opens the built-in example (after asking, if work is unsaved).
#[tauri::command]
pub(crate) async fn open_example(
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    if !may_replace(&app, &state, &window) {
        return Ok(None);
    }
    replace(
        Session::new(Project::example()?, None, true, true),
        None,
        &state,
        &window,
    )
    .map(Some)
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
        &state.catalogs(),
        &id,
    )?)
}

/// Every chart of the project, drawn for the window's theme.
#[tauri::command]
pub(crate) fn charts(
    theme: infra_runway::chart::Theme,
    state: State<'_, AppState>,
) -> Result<Vec<infra_runway::query::ChartView>, CommandError> {
    let s = state.session();
    Ok(infra_runway::query::charts(
        s.project(),
        &state.catalogs(),
        theme,
    )?)
}

/// Exports the report (PDF), the workbook (XLSX) or the CSV files to a
/// place chosen in the native dialog; `None` when the dialog is cancelled.
#[tauri::command]
pub(crate) async fn export(
    kind: ExportKind,
    paper: infra_runway::report::Paper,
    ledgers: bool,
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<ExportDone>, CommandError> {
    // The project as it is now; the session is not held while the dialog waits.
    let project = state.session().project().clone();
    let Some(path) = exports::pick_target(&app, &window, kind, &exports::file_stem(&project.name))
    else {
        return Ok(None);
    };
    let date = crate::clock::today().ok_or(CommandError::Clock)?;
    let catalogs = &*state.catalogs();
    let files: Vec<(String, Vec<u8>)> = match kind {
        ExportKind::Pdf => {
            let options = infra_runway::report::ReportOptions {
                date,
                paper,
                ledgers,
            };
            vec![(
                String::new(),
                infra_runway::report::pdf(&project, catalogs, options)?,
            )]
        }
        ExportKind::Xlsx => vec![(
            String::new(),
            infra_runway::report::xlsx(&project, catalogs, date)?,
        )],
        ExportKind::Csv => infra_runway::csv::export_files(&project, catalogs)?
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect(),
    };
    let done = exports::write(&path, &files, kind)?;
    state.set_last_export(path);
    Ok(Some(done))
}

/// Opens the last export with the system's application.
#[tauri::command]
pub(crate) fn open_export(state: State<'_, AppState>) -> Result<(), CommandError> {
    let path = state.last_export().ok_or(CommandError::NothingExported)?;
    exports::open(&path).map_err(CommandError::Open)
}

/// Shows the folder the last export is in.
#[tauri::command]
pub(crate) fn show_export(state: State<'_, AppState>) -> Result<(), CommandError> {
    let path = state.last_export().ok_or(CommandError::NothingExported)?;
    let folder = if path.is_dir() {
        path
    } else {
        path.parent().map(|p| p.to_path_buf()).unwrap_or(path)
    };
    exports::open(&folder).map_err(CommandError::Open)
}

/// What the window is told about recent files and an earlier run's work.
#[derive(serde::Serialize)]
pub(crate) struct FilesView {
    /// Recent files: (file name, full path), newest first.
    recent: Vec<(String, String)>,
    /// Unsaved work from an earlier run waits to be restored or discarded.
    recovery: bool,
}

/// Recent files and whether unsaved work can be restored.
#[tauri::command]
pub(crate) fn files_view(app: AppHandle) -> FilesView {
    FilesView {
        recent: files::recent(&app)
            .iter()
            .map(|p| (files::display_name(p), p.display().to_string()))
            .collect(),
        recovery: files::pending_recovery_file(&app).is_some_and(|f| f.is_file()),
    }
}

fn open_path(
    path: &std::path::Path,
    state: &AppState,
    app: &AppHandle,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let project = files::store::load(path)?;
    let next = Session::new(project, Some(files::display_name(path)), true, false);
    let v = replace(next, Some(path.to_path_buf()), state, window)?;
    files::remember(app, path);
    Ok(v)
}

/// Opens a project chosen in the native dialog.
#[tauri::command]
pub(crate) async fn open_file(
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    if !may_replace(&app, &state, &window) {
        return Ok(None);
    }
    let Some(path) = files::pick_open(&app, &window) else {
        return Ok(None);
    };
    open_path(&path, &state, &app, &window).map(Some)
}

/// Opens a file from the recent list (only those: the window names no
/// other path).
#[tauri::command]
pub(crate) async fn open_recent(
    path: String,
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let wanted = std::path::PathBuf::from(&path);
    if !files::recent(&app).contains(&wanted) {
        return Err(CommandError::NotRecent(path));
    }
    if !may_replace(&app, &state, &window) {
        return Ok(None);
    }
    open_path(&wanted, &state, &app, &window).map(Some)
}

fn save_to(
    path: &std::path::Path,
    state: &AppState,
    app: &AppHandle,
    window: &Window,
) -> Result<SessionView, CommandError> {
    let mut s = state.session();
    let text = s.project().to_json()?;
    files::store::save(path, &text, files::store::Replace::ReadableProject)?;
    s.mark_saved(files::display_name(path));
    state.set_path(Some(path.to_path_buf()));
    files::remember(app, path);
    let _ = files::keep_recovery(app, false, "");
    view(state, &s, window)
}

/// Saves to the project's file, or asks where when it has none.
#[tauri::command]
pub(crate) async fn save(
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let path = match state.path() {
        Some(p) => p,
        None => {
            let suggested = format!("{}.json", state.session().project().name);
            match files::pick_save(&app, &window, &suggested) {
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
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let suggested = format!("{}.json", state.session().project().name);
    let Some(path) = files::pick_save(&app, &window, &suggested) else {
        return Ok(None);
    };
    save_to(&path, &state, &app, &window).map(Some)
}

/// Keeps this run's recovery copy in step with the unsaved work (the
/// window calls this a moment after changes).
#[tauri::command]
pub(crate) fn autosave(app: AppHandle, state: State<'_, AppState>) -> Result<(), CommandError> {
    let s = state.session();
    let text = if s.is_dirty() {
        s.project().to_json()?
    } else {
        String::new()
    };
    files::keep_recovery(&app, s.is_dirty(), &text)
        .map_err(|e| CommandError::Recovery(e.to_string()))
}

/// Restores an earlier run's unsaved work (after asking, if this run has
/// unsaved work of its own).
#[tauri::command]
pub(crate) async fn restore_recovery(
    app: AppHandle,
    state: State<'_, AppState>,
    window: Window,
) -> Result<Option<SessionView>, CommandError> {
    let file = files::pending_recovery_file(&app)
        .ok_or_else(|| CommandError::Recovery("no app data folder".into()))?;
    if !may_replace(&app, &state, &window) {
        return Ok(None);
    }
    let project = files::store::load(&file)?;
    let v = replace(
        Session::new(project, None, false, false),
        None,
        &state,
        &window,
    )?;
    // Restored work is this run's unsaved work now: keep it as such.
    if let Ok(text) = state.session().project().to_json() {
        let _ = files::keep_recovery(&app, true, &text);
    }
    let _ = std::fs::remove_file(file);
    Ok(Some(v))
}

/// Discards an earlier run's unsaved work.
#[tauri::command]
pub(crate) fn discard_recovery(app: AppHandle) {
    if let Some(f) = files::pending_recovery_file(&app) {
        let _ = std::fs::remove_file(f);
    }
}

/// Closes the window (through the unsaved-changes prompt).
#[tauri::command]
pub(crate) fn request_close(window: Window) {
    let _ = window.close();
}
