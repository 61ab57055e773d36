//! The desktop's file edge: native dialogs, the project file, the recent
//! list and the recovery copy in the app's data folder. The webview never
//! sees a file system API: it asks for "open", "save", "save as".

#[path = "../../src/bin/infra-runway/store.rs"]
#[allow(dead_code)]
pub(crate) mod store;

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Most recent files remembered.
const RECENT: usize = 8;

/// Set in end-to-end tests: dialogs answer with this path instead of
/// opening (a native dialog cannot be driven through WebDriver).
const TEST_DIALOG_PATH: &str = "INFRA_RUNWAY_DIALOG_PATH";

/// Asks which project to open.
pub(crate) fn pick_open<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(TEST_DIALOG_PATH) {
        return Some(PathBuf::from(p));
    }
    app.dialog()
        .file()
        .set_title("Open a project")
        .add_filter("Infra Runway project", &["json"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
}

/// Asks where to save, suggesting a file name.
pub(crate) fn pick_save<R: Runtime>(app: &AppHandle<R>, suggested: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(TEST_DIALOG_PATH) {
        return Some(PathBuf::from(p));
    }
    app.dialog()
        .file()
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

/// The recovery copy's place.
pub(crate) fn recovery_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    data_file(app, "recovery.json")
}
