//! The file edge: reading a project file and writing one atomically, so a
//! failed write never leaves a half-written file and a file this version
//! cannot read is never overwritten. One file shared by the two edges that
//! touch project files: the CLI (here) and the desktop app, which includes
//! it with `#[path]` (a crate of its own would depend on the core package,
//! which holds the CLI: a cycle).

use std::io::Write;
use std::path::{Path, PathBuf};

use infra_runway::error::InputError;
use infra_runway::project::Project;

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The file exists but could not be read.
    #[error("{file}: cannot be read ({why})")]
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
    /// The file is not a project this version reads.
    #[error("{file}: {error}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong (boxed: errors stay small on the happy path).
        error: Box<InputError>,
    },
    /// Saving was refused to protect what is there.
    #[error("{file}: {why}")]
    Refused {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
    /// Writing failed; the previous file, if any, is intact.
    #[error("{file}: could not be written ({why}); the previous file, if any, is intact")]
    WriteFailed {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Reads and parses a project file.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let file = name(path);
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound(file.clone()),
        std::io::ErrorKind::PermissionDenied => StoreError::Unreadable {
            file: file.clone(),
            why: "permission denied".into(),
        },
        _ => StoreError::Unreadable {
            file: file.clone(),
            why: e.to_string(),
        },
    })?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::Unreadable {
        file: file.clone(),
        why: "it is not a text file (not UTF-8); a project file is JSON".into(),
    })?;
    Project::parse(&text).map_err(|error| StoreError::Invalid {
        file,
        error: Box::new(error),
    })
}

/// Whether replacing an existing file is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Never replace an existing file.
    Never,
    /// Replace an existing project this version can read.
    ReadableProject,
}

/// What stands at a path about to be written.
enum Target {
    /// Nothing yet.
    Free,
    /// A file: whether it is a project this version reads, and its
    /// permissions (kept by the new file).
    File {
        is_project: bool,
        permissions: std::fs::Permissions,
    },
}

/// Looks at what a write would replace; a link, a folder or something that
/// cannot be inspected is refused with `link` or `folder` as the reason.
fn target(path: &Path, link: &str, folder: &str) -> Result<Target, StoreError> {
    let refuse = |why: String| StoreError::Refused {
        file: name(path),
        why,
    };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Target::Free),
        Err(e) => Err(refuse(format!(
            "cannot be inspected ({e}), so it is not overwritten"
        ))),
        Ok(meta) if meta.file_type().is_symlink() => Err(refuse(link.to_string())),
        Ok(meta) if !meta.is_file() => Err(refuse(folder.to_string())),
        Ok(meta) => Ok(Target::File {
            is_project: std::fs::read(path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .is_some_and(|t| Project::parse(&t).is_ok()),
            permissions: meta.permissions(),
        }),
    }
}

/// Saves `text` to `path` atomically: a new temporary file in the same
/// folder, flushed, renamed over the target, and the folder flushed. A
/// link, a folder, or a file that is not a readable project is never
/// replaced; an existing project only with [`Replace::ReadableProject`].
pub fn save(path: &Path, text: &str, replace: Replace) -> Result<(), StoreError> {
    let refuse = |why: &str| StoreError::Refused {
        file: name(path),
        why: why.to_string(),
    };
    let permissions = match target(
        path,
        "is a link; save to the file it points to instead",
        "is not a file; choose a file name",
    )? {
        Target::Free => None,
        Target::File { is_project: false, .. } => {
            return Err(refuse(
                "exists and is not a project this version can read; it is left untouched (choose another file)",
            ))
        }
        Target::File { .. } if replace == Replace::Never => {
            return Err(refuse("exists already; pass --force to replace it"))
        }
        Target::File { permissions, .. } => Some(permissions),
    };
    write_atomic(path, text.as_bytes(), permissions).map_err(|e| StoreError::WriteFailed {
        file: name(path),
        why: e.to_string(),
    })
}

/// Writes an export (a report, a workbook, a CSV file) atomically: a
/// folder, a link or a project file is never replaced; an earlier export
/// is. A failure leaves whatever was there intact.
pub fn save_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let permissions =
        match target(
            path,
            "is a link; write to the file it points to instead",
            "is a folder; choose a file name",
        )? {
            Target::Free => None,
            Target::File {
                is_project: true, ..
            } => return Err(StoreError::Refused {
                file: name(path),
                why: "is a project file; it is left untouched (choose another name for the export)"
                    .into(),
            }),
            Target::File { permissions, .. } => Some(permissions),
        };
    write_atomic(path, bytes, permissions).map_err(|e| StoreError::WriteFailed {
        file: name(path),
        why: io_words(&e, path),
    })
}

/// An I/O error in a founder's words.
pub fn io_words(e: &std::io::Error, path: &Path) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => {
                format!("the folder {} does not exist", d.display())
            }
            _ => "the folder does not exist".into(),
        },
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        _ => e.to_string(),
    }
}

/// Writes through a new temporary file in the same folder, fsync, rename,
/// fsync of the folder. For files the app owns (the recovery copy) too.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.json".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmp = dir.join(format!(
        ".{file_name}.{}-{nanos}.saving",
        std::process::id()
    ));
    let result = (|| {
        // create_new never follows or truncates something already there.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        // A test of a debug build sets this to prove a failure midway
        // leaves the old file; release builds ignore it.
        if cfg!(debug_assertions) && std::env::var_os("INFRA_RUNWAY_FAIL_WRITE_AFTER").is_some() {
            f.write_all(&bytes[..bytes.len() / 2])?;
            return Err(std::io::Error::other(
                "simulated failure midway through the write",
            ));
        }
        f.write_all(bytes)?;
        if let Some(p) = permissions {
            f.set_permissions(p)?;
        }
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        std::fs::File::open(&dir)?.sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
