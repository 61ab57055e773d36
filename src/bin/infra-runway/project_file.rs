//! The file edge of the CLI: reading a project file from disk.

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
