//! Typed errors of the core. Each names the field (as a path such as
//! `workload.services[2].vcpu`) and, where a range applies, the range,
//! so that the CLI and the app can tell a founder exactly what to fix.

use crate::money::MoneyError;

/// A problem with a project or catalog file's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The text is not valid JSON, or a field has the wrong type.
    #[error("{path}: {message}")]
    Malformed {
        /// Where in the document (`.` for the whole document).
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// A number is outside the range this field accepts.
    #[error("{path} must be between {min} and {max}{unit} (you entered {got})")]
    OutOfRange {
        /// The field.
        path: String,
        /// Smallest accepted value.
        min: String,
        /// Largest accepted value.
        max: String,
        /// The unit, with a leading space (` GB`), or empty.
        unit: String,
        /// What the file holds.
        got: String,
    },
    /// A text field that must say something is empty.
    #[error("{path} must not be empty (1 to {max} characters)")]
    Empty {
        /// The field.
        path: String,
        /// Longest accepted text.
        max: usize,
    },
    /// A text field is longer than allowed.
    #[error("{path} is too long ({got} characters; at most {max})")]
    TooLong {
        /// The field.
        path: String,
        /// Longest accepted text.
        max: usize,
        /// Length found.
        got: usize,
    },
    /// Two items share a name that must be unique.
    #[error("{path}: the name \"{name}\" is used twice; each name must be unique")]
    Duplicate {
        /// The field.
        path: String,
        /// The repeated name.
        name: String,
    },
    /// A reference to something that does not exist.
    #[error("{path}: unknown {what} \"{got}\" (known: {known})")]
    Unknown {
        /// The field.
        path: String,
        /// What kind of thing was looked up ("platform", "catalog").
        what: &'static str,
        /// The name given.
        got: String,
        /// The accepted names, comma-separated.
        known: String,
    },
    /// A file written by a newer version of the app.
    #[error("format_version {got} was written by a newer version of Infra Runway (this one reads up to version {max}); update the app to open it")]
    NewerVersion {
        /// The version in the file.
        got: u32,
        /// Oldest version read.
        min: u32,
        /// Newest version read.
        max: u32,
    },
}

impl InputError {
    /// The field the error is about, if one.
    pub fn path(&self) -> Option<&str> {
        match self {
            InputError::Malformed { path, .. }
            | InputError::OutOfRange { path, .. }
            | InputError::Empty { path, .. }
            | InputError::TooLong { path, .. }
            | InputError::Duplicate { path, .. }
            | InputError::Unknown { path, .. } => Some(path),
            InputError::NewerVersion { .. } => Some("format_version"),
        }
    }
}

/// Why a cost could not be computed for a valid workload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CostError {
    /// An amount grew past what a decimal holds.
    #[error("{item}: {source}")]
    Money {
        /// The line being computed.
        item: String,
        /// The overflow.
        source: MoneyError,
    },
    /// A platform or catalog name that is not loaded.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
    /// The report or an export could not be made.
    #[error("the report could not be made: {why}")]
    Report {
        /// What went wrong.
        why: String,
    },
}

/// Checks that `value` lies in `[min, max]`; the error names `path` and `unit`.
pub fn check_range(
    path: impl Into<String>,
    value: rust_decimal::Decimal,
    min: rust_decimal::Decimal,
    max: rust_decimal::Decimal,
    unit: &str,
) -> Result<(), InputError> {
    if value < min || value > max {
        return Err(InputError::OutOfRange {
            path: path.into(),
            min: min.normalize().to_string(),
            max: max.normalize().to_string(),
            unit: if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            },
            got: value.normalize().to_string(),
        });
    }
    Ok(())
}

/// Checks that a name is present and not too long.
pub fn check_name(path: impl Into<String>, name: &str, max: usize) -> Result<(), InputError> {
    let path = path.into();
    let len = name.trim().chars().count();
    if len == 0 {
        return Err(InputError::Empty { path, max });
    }
    if len > max {
        return Err(InputError::TooLong {
            path,
            max,
            got: len,
        });
    }
    Ok(())
}

/// Parses JSON into `T`, reporting the path of the field that failed.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match value {
        Ok(v) => {
            de.end().map_err(|e| InputError::Malformed {
                path: ".".into(),
                message: plain_json_message(&e),
            })?;
            Ok(v)
        }
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            Err(InputError::Malformed {
                path: if path.is_empty() { ".".into() } else { path },
                message: plain_json_message(&inner),
            })
        }
    }
}

/// serde_json's message, with the parser's jargon turned into words a
/// founder can act on, and the place as "(line L, column C)".
fn plain_json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let core = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    let core = core
        .replace(
            "a Decimal type representing a fixed-point number",
            "a decimal number such as \"0.5\"",
        )
        .replace("expected u32", "expected a whole number")
        .replace("expected u16", "expected a whole number");
    let place = format!("line {}, column {}", e.line(), e.column());
    if e.is_eof() {
        return format!("the file ends too early; it is not complete JSON ({place})");
    }
    if e.is_syntax() {
        return format!("this is not valid JSON: {core} ({place})");
    }
    format!("{core} ({place})")
}

/// A value as the JSON a file holds: pretty, with a final newline.
pub fn to_file_json<T: serde::Serialize>(value: &T) -> Result<String, InputError> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| InputError::Malformed {
            path: ".".into(),
            message: e.to_string(),
        })
}
