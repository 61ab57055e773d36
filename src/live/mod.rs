//! Real data, without the network: what to ask live sources (the Azure
//! Retail Prices API, Railway's GraphQL API), how to read their answers
//! (every field checked, a schema change named), a refreshed catalog and
//! its difference from the current one, and measured usage turned into a
//! month of resources. The CLI's network edge does the asking.

pub mod azure;
pub mod diff;
pub mod railway;

/// A live source's answer could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiveError {
    /// The answer is not JSON, or is cut short.
    #[error("{service} sent an answer that is not complete JSON ({why})")]
    NotJson {
        /// Which service.
        service: &'static str,
        /// What the parser said.
        why: String,
    },
    /// A field the app reads is missing or of another type: the API changed.
    #[error("{service} changed the shape of its answer: {field} is missing or not {expected}")]
    Schema {
        /// Which service.
        service: &'static str,
        /// The field.
        field: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The API answered with an error of its own.
    #[error("{service} said: {message}")]
    Api {
        /// Which service.
        service: &'static str,
        /// Its message.
        message: String,
    },
    /// The answer holds none of the prices the catalog uses.
    #[error("{service} returned no price this catalog uses ({catalog}); it is kept as it is")]
    NothingMatched {
        /// Which service.
        service: &'static str,
        /// The catalog.
        catalog: String,
    },
    /// Too many pages: the query is broader than expected.
    #[error("{service} sent more than {pages} pages; the refresh stopped and nothing was changed")]
    TooManyPages {
        /// Which service.
        service: &'static str,
        /// The limit.
        pages: usize,
    },
}

/// Reads a JSON text, naming the service when it is not JSON.
pub fn json(service: &'static str, text: &str) -> Result<serde_json::Value, LiveError> {
    serde_json::from_str(text).map_err(|e| LiveError::NotJson {
        service,
        why: if e.is_eof() {
            "it ends early".into()
        } else {
            e.to_string()
        },
    })
}

/// A decimal read from a JSON number or string, exactly as written.
pub(crate) fn decimal(v: &serde_json::Value) -> Option<rust_decimal::Decimal> {
    use std::str::FromStr;
    match v {
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            rust_decimal::Decimal::from_str(&text)
                .or_else(|_| rust_decimal::Decimal::from_scientific(&text))
                .ok()
        }
        serde_json::Value::String(s) => rust_decimal::Decimal::from_str(s).ok(),
        _ => None,
    }
}

/// The API's own error, when its answer carries one: `{"error": {"message"}}`
/// (REST) or `{"errors": [{"message"}]}` (GraphQL).
pub(crate) fn api_error(service: &'static str, v: &serde_json::Value) -> Option<LiveError> {
    let err = v.get("error").or_else(|| {
        v.get("errors")
            .and_then(|e| e.as_array())
            .and_then(|a| a.first())
    })?;
    let message = err
        .get("message")
        .and_then(|m| m.as_str())
        .unwrap_or("an error without a message")
        .to_string();
    Some(LiveError::Api { service, message })
}
