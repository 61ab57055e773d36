//! The error a command returns to the window: `{kind, message}`, with a
//! message written for the founder.

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
}

impl serde::Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let kind = match self {
            CommandError::Input(_) => "input",
            CommandError::Cost(_) => "cost",
        };
        let mut s = serializer.serialize_struct("CommandError", 2)?;
        s.serialize_field("kind", kind)?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}
