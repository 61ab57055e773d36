//! The app's state: the catalogs and the one editing session.

use std::sync::{Mutex, MutexGuard};

use infra_runway::catalog::Catalogs;
use infra_runway::session::Session;

/// Shared by every command.
pub(crate) struct AppState {
    pub(crate) catalogs: Catalogs,
    session: Mutex<Session>,
}

impl AppState {
    pub(crate) fn new(catalogs: Catalogs, session: Session) -> AppState {
        AppState {
            catalogs,
            session: Mutex::new(session),
        }
    }

    /// The session; a panic elsewhere never locks the founder out of it.
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
