//! The export edge: where a report, workbook or CSV folder goes (a native
//! dialog), writing it atomically, and opening it afterwards. The window
//! names no path: it asks for "export a PDF", then "open the last export".

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, Window};
use tauri_plugin_dialog::DialogExt;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ExportKind {
    /// The investor report.
    Pdf,
    /// The workbook.
    Xlsx,
    /// A folder of CSV files.
    Csv,
}

impl ExportKind {
    fn extension(self) -> &'static str {
        match self {
            ExportKind::Pdf => "pdf",
            ExportKind::Xlsx => "xlsx",
            ExportKind::Csv => "csv",
        }
    }
}

/// What was written, for the window.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct ExportDone {
    /// The file or folder name.
    pub(crate) name: String,
    /// Where it is, in full.
    pub(crate) path: String,
    /// Files written.
    pub(crate) files: usize,
    /// Bytes written.
    pub(crate) bytes: usize,
}

/// A file name from a project name: no folder separators or characters
/// file systems refuse.
pub(crate) fn file_stem(project: &str) -> String {
    let clean: String = project
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "Infra Runway".into()
    } else {
        clean.chars().take(80).collect()
    }
}

/// Asks where the export goes. In end-to-end tests of debug builds the
/// dialog answers with the test path, given this kind's extension.
pub(crate) fn pick_target<R: Runtime>(
    app: &AppHandle<R>,
    window: &Window<R>,
    kind: ExportKind,
    stem: &str,
) -> Option<PathBuf> {
    if let Some(p) = crate::files::test_answer() {
        return Some(match kind {
            ExportKind::Csv => p.with_extension("csv-export"),
            k => p.with_extension(k.extension()),
        });
    }
    let dialog = app.dialog().file().set_parent(window);
    match kind {
        ExportKind::Csv => dialog
            .set_title("Choose a folder for the CSV files")
            .blocking_pick_folder(),
        ExportKind::Pdf => dialog
            .set_title("Export the report")
            .add_filter("PDF", &["pdf"])
            .set_file_name(format!("{stem} - runway report.pdf"))
            .blocking_save_file(),
        ExportKind::Xlsx => dialog
            .set_title("Export the workbook")
            .add_filter("Excel workbook", &["xlsx"])
            .set_file_name(format!("{stem} - runway.xlsx"))
            .blocking_save_file(),
    }
    .and_then(|f| f.into_path().ok())
}

/// Writes one file, or the CSV files into a folder (made if missing).
pub(crate) fn write(
    path: &Path,
    files: &[(String, Vec<u8>)],
    kind: ExportKind,
) -> Result<ExportDone, crate::files::store::StoreError> {
    use crate::files::store::{self, StoreError};
    let bytes = files.iter().map(|(_, b)| b.len()).sum();
    match kind {
        ExportKind::Csv => {
            if !path.is_dir() {
                std::fs::create_dir_all(path).map_err(|e| StoreError::WriteFailed {
                    file: path.display().to_string(),
                    why: store::io_words(&e, path),
                })?;
            }
            for (name, b) in files {
                store::save_export(&path.join(name), b)?;
            }
        }
        _ => {
            if let Some((_, b)) = files.first() {
                store::save_export(path, b)?;
            }
        }
    }
    Ok(ExportDone {
        name: crate::files::display_name(path),
        path: path.display().to_string(),
        files: files.len(),
        bytes,
    })
}

/// Opens a file or folder with the system's default application.
pub(crate) fn open(path: &Path) -> Result<(), String> {
    open::that_detached(path).map_err(|e| e.to_string())
}
