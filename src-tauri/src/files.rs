//! The desktop's file edge: native dialogs, the project file, the recent
//! list and the recovery copy in the app's data folder. The webview never
//! sees a file system API: it asks for "open", "save", "save as".

#[path = "../../src/bin/infra-runway/store.rs"]
#[allow(dead_code)]
pub(crate) mod store;

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, Window};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// Most recent files remembered.
const RECENT: usize = 8;

/// Set in end-to-end tests of debug builds: dialogs answer with this path
/// (and "yes") instead of opening, since a native dialog cannot be driven
/// through WebDriver. Release builds ignore it.
const TEST_DIALOG_PATH: &str = "INFRA_RUNWAY_DIALOG_PATH";

pub(crate) fn test_answer() -> Option<PathBuf> {
    if cfg!(debug_assertions) {
        std::env::var_os(TEST_DIALOG_PATH).map(PathBuf::from)
    } else {
        None
    }
}

/// Asks whether unsaved changes may be discarded; true to go on.
pub(crate) fn confirm_discard<R: Runtime>(app: &AppHandle<R>, window: &Window<R>) -> bool {
    if test_answer().is_some() {
        return true;
    }
    app.dialog()
        .message("This project has unsaved changes. Discard them?")
        .title("Discard unsaved changes?")
        .kind(MessageDialogKind::Warning)
        .parent(window)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Discard changes".into(),
            "Cancel".into(),
        ))
        .blocking_show()
}

/// Asks whether to close with unsaved changes; true to close.
pub(crate) fn confirm_close<R: Runtime>(app: &AppHandle<R>, window: &Window<R>) -> bool {
    if test_answer().is_some() {
        return true;
    }
    app.dialog()
        .message("This project has unsaved changes. A recovery copy is kept and offered back the next time the app starts.")
        .title("Close without saving?")
        .kind(MessageDialogKind::Warning)
        .parent(window)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Close without saving".into(),
            "Cancel".into(),
        ))
        .blocking_show()
}

/// Asks which project to open.
pub(crate) fn pick_open<R: Runtime>(app: &AppHandle<R>, window: &Window<R>) -> Option<PathBuf> {
    if let Some(p) = test_answer() {
        return Some(p);
    }
    app.dialog()
        .file()
        .set_parent(window)
        .set_title("Open a project")
        .add_filter("Infra Runway project", &["json"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
}

/// Asks where to save, suggesting a file name.
pub(crate) fn pick_save<R: Runtime>(
    app: &AppHandle<R>,
    window: &Window<R>,
    suggested: &str,
) -> Option<PathBuf> {
    if let Some(p) = test_answer() {
        return Some(p);
    }
    app.dialog()
        .file()
        .set_parent(window)
        .set_title("Save the project")
        .add_filter("Infra Runway project", &["json"])
        .set_file_name(suggested)
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

/// The file name shown in the title.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn data_file<R: Runtime>(app: &AppHandle<R>, name: &str) -> Option<PathBuf> {
    let dir = app.path().app_data_dir().ok()?;
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join(name))
}

/// The recently opened or saved files, newest first, that still exist.
pub(crate) fn recent<R: Runtime>(app: &AppHandle<R>) -> Vec<PathBuf> {
    let Some(file) = data_file(app, "recent.json") else {
        return Vec::new();
    };
    let list: Vec<PathBuf> = std::fs::read_to_string(file)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    list.into_iter().filter(|p| p.is_file()).collect()
}

/// Puts a file at the top of the recent list.
pub(crate) fn remember<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    let mut list = recent(app);
    list.retain(|p| p != path);
    list.insert(0, path.to_path_buf());
    list.truncate(RECENT);
    if let (Some(file), Ok(text)) = (data_file(app, "recent.json"), serde_json::to_string(&list)) {
        let _ = store::write_atomic(&file, text.as_bytes(), None);
    }
}

/// Where this run keeps a copy of its unsaved work.
pub(crate) fn recovery_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    data_file(app, "recovery.json")
}

/// Unsaved work left by an earlier run, set aside at start so this run's
/// copy never overwrites it; restored or discarded only by the founder.
pub(crate) fn pending_recovery_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    data_file(app, "recovery-pending.json")
}

/// At start: sets an earlier run's recovery copy aside (never over one
/// already waiting).
pub(crate) fn set_aside_recovery<R: Runtime>(app: &AppHandle<R>) {
    if let (Some(current), Some(pending)) = (recovery_file(app), pending_recovery_file(app)) {
        if current.is_file() && !pending.exists() {
            let _ = std::fs::rename(current, pending);
        }
    }
}

/// Writes this run's recovery copy, or removes it when there is nothing
/// unsaved.
pub(crate) fn keep_recovery<R: Runtime>(
    app: &AppHandle<R>,
    dirty: bool,
    text: &str,
) -> std::io::Result<()> {
    let Some(file) = recovery_file(app) else {
        return Ok(());
    };
    if dirty {
        store::write_atomic(&file, text.as_bytes(), None)
    } else {
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}
