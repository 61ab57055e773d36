//! The file edge of the CLI: reading a project file, and writing one
//! atomically so that a failed write never leaves a half-written file.

use std::io::Write;
use std::path::Path;

use infra_runway::project::Project;

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
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot be read ({e})"),
        };
        Failure::new(Some(subject.clone()), why)
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::new(
            Some(subject.clone()),
            "is not a text file (it is not UTF-8); a project file is JSON",
        )
    })?;
    let project = Project::parse(&text).map_err(|e| Failure::new(Some(subject.clone()), e))?;
    Ok((subject, project))
}

/// Writes `text` to `path` atomically: a new temporary file in the same
/// folder, flushed to disk, then renamed over the target, and the folder
/// flushed. A link, a file that is not a readable project of this version
/// or older, or (without `force`) any existing project is never replaced.
pub fn save(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    let subject = path.display().to_string();
    let fail = |why: String| Failure::new(Some(subject.clone()), why);
    let mut permissions = None;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(fail(format!(
                "cannot be inspected ({e}), so it is not overwritten"
            )))
        }
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(fail(
                "is a link; save to the file it points to instead".into(),
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(fail("is not a file; choose a file name".into()));
        }
        Ok(meta) => {
            let existing = std::fs::read(path)
                .map_err(|e| fail(format!("cannot be read ({e}), so it is not overwritten")))?;
            let readable = String::from_utf8(existing)
                .ok()
                .map(|t| Project::parse(&t))
                .is_some_and(|r| r.is_ok());
            if !readable {
                return Err(fail(
                    "exists and is not a project this version can read; it is left untouched (choose another file)".into(),
                ));
            }
            if !force {
                return Err(fail("exists already; pass --force to replace it".into()));
            }
            permissions = Some(meta.permissions());
        }
    }
    store::write_atomic(path, text.as_bytes(), permissions).map_err(|e| {
        fail(format!(
            "could not be written ({e}); the previous file, if any, is intact"
        ))
    })
}

/// Atomic writes, kept apart so a test can make them fail midway.
pub mod store {
    use super::*;

    /// Writes through a new temporary file in the same folder, fsync,
    /// rename, fsync of the folder.
    pub fn write_atomic(
        path: &Path,
        bytes: &[u8],
        permissions: Option<std::fs::Permissions>,
    ) -> std::io::Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "project.json".into());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let tmp = dir.join(format!(".{name}.{}-{nanos}.saving", std::process::id()));
        let result = (|| {
            // create_new never follows or truncates something already there.
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            // A test sets this to prove a failure midway leaves the old file.
            if std::env::var_os("INFRA_RUNWAY_FAIL_WRITE_AFTER").is_some() {
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
}
