//! The error a command returns to the window: `{kind, message, path}`,
//! with a message written for the founder and, for a bad value, the field
//! it belongs beside.

use infra_runway::error::{CostError, InputError};
use serde::ser::SerializeStruct;

/// A command's failure.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CommandError {
    /// The project's content is not valid.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A cost could not be computed.
    #[error(transparent)]
    Cost(#[from] CostError),
    /// The system clock could not be read.
    #[error("the system clock could not be read, so today's date is unknown")]
    Clock,
    /// A file could not be read or written.
    #[error(transparent)]
    File(Box<crate::files::store::StoreError>),
    /// The window asked for a file that is not on the recent list.
    #[error("{0} is not on the recent files list; open it with Open…")]
    NotRecent(String),
    /// A live source could not be used (already in words, token-free).
    #[error("{0}")]
    Live(String),
    /// "Open" or "Show in folder" before anything was exported.
    #[error("nothing has been exported yet")]
    NothingExported,
    /// The system could not open an export.
    #[error("the export could not be opened ({0}); find it in its folder")]
    Open(String),
    /// The recovery copy could not be written or read.
    #[error("the recovery copy of unsaved work could not be kept ({0})")]
    Recovery(String),
}

impl serde::Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, path) = match self {
            CommandError::Input(e) => ("input", e.path()),
            CommandError::Cost(CostError::Input(e)) => ("input", e.path()),
            CommandError::Cost(_) => ("cost", None),
            CommandError::Clock => ("clock", None),
            CommandError::File(_) | CommandError::NotRecent(_) => ("file", None),
            CommandError::Recovery(_) => ("recovery", None),
            CommandError::NothingExported | CommandError::Open(_) => ("export", None),
            CommandError::Live(_) => ("network", None),
        };
        let mut s = serializer.serialize_struct("CommandError", 3)?;
        s.serialize_field("kind", kind)?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("path", &path)?;
        s.end()
    }
}

impl From<crate::files::store::StoreError> for CommandError {
    fn from(e: crate::files::store::StoreError) -> Self {
        CommandError::File(Box::new(e))
    }
}
