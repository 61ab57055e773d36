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
    #[error("the system clock could not be read, so the current month is unknown")]
    Clock,
}

impl serde::Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, path) = match self {
            CommandError::Input(e) => ("input", e.path()),
            CommandError::Cost(CostError::Input(e)) => ("input", e.path()),
            CommandError::Cost(_) => ("cost", None),
            CommandError::Clock => ("clock", None),
        };
        let mut s = serializer.serialize_struct("CommandError", 3)?;
        s.serialize_field("kind", kind)?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("path", &path)?;
        s.end()
    }
}
