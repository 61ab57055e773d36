//! The CLI's file edge: reading a project file (or the built-in example),
//! saving through the shared atomic store.

use std::path::Path;

use infra_runway::project::Project;

use crate::store::{self, Replace, StoreError};
use crate::Failure;

/// Reads and parses a project, or the built-in example when `path` is
/// `None`. Returns the name to report errors against.
pub fn load(path: Option<&Path>) -> Result<(String, Project), Failure> {
    let Some(path) = path else {
        let subject = "built-in example".to_string();
        return Project::example()
            .map(|p| (subject.clone(), p))
            .map_err(|e| Failure::new(Some(subject), e));
    };
    let subject = path.display().to_string();
    store::load(path)
        .map(|p| (subject.clone(), p))
        .map_err(|e| failure(&subject, e))
}

/// Saves a project's text; an existing project is replaced only with `force`.
pub fn save(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let replace = if force {
        Replace::ReadableProject
    } else {
        Replace::Never
    };
    store::save(path, text, replace).map_err(|e| failure(&path.display().to_string(), e))
}

/// Writes an export (report, workbook, CSV file).
pub fn save_export(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    store::save_export(path, bytes).map_err(|e| failure(&path.display().to_string(), e))
}

/// Makes the folder CSV files go into, if it is not there.
pub fn create_folder(path: &Path) -> Result<(), Failure> {
    if path.is_dir() {
        return Ok(());
    }
    if path.exists() {
        return Err(Failure::new(
            Some(path.display().to_string()),
            "is a file; CSV export writes several files into a folder: name a folder",
        ));
    }
    std::fs::create_dir_all(path).map_err(|e| {
        Failure::new(
            Some(path.display().to_string()),
            format!(
                "the folder could not be made ({})",
                store::io_words(&e, path)
            ),
        )
    })
}

/// The store's error as the CLI's one line: the file, then what is wrong.
fn failure(subject: &str, e: StoreError) -> Failure {
    let message = match e {
        StoreError::NotFound(_) => "no such file".to_string(),
        StoreError::Unreadable { why, .. } if why.starts_with("it is not a text file") => {
            "is not a text file (it is not UTF-8); a project file is JSON".to_string()
        }
        StoreError::Unreadable { why, .. } => format!("cannot be read ({why})"),
        StoreError::Invalid { error, .. } => error.to_string(),
        StoreError::Refused { why, .. } => why,
        e @ StoreError::WriteFailed { .. } => {
            let text = e.to_string();
            text.strip_prefix(&format!("{subject}: "))
                .unwrap_or(&text)
                .to_string()
        }
    };
    Failure::new(Some(subject.to_string()), message)
}
