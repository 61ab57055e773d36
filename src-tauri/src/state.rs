//! The app's state: the catalogs and the one editing session.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use infra_runway::catalog::Catalogs;
use infra_runway::session::Session;

/// Shared by every command.
pub(crate) struct AppState {
    pub(crate) catalogs: Catalogs,
    session: Mutex<Session>,
    path: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub(crate) fn new(catalogs: Catalogs, session: Session) -> AppState {
        AppState {
            catalogs,
            session: Mutex::new(session),
            path: Mutex::new(None),
        }
    }

    /// The project's file, if it has one.
    pub(crate) fn path(&self) -> Option<PathBuf> {
        self.path.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Sets the project's file.
    pub(crate) fn set_path(&self, path: Option<PathBuf>) {
        *self.path.lock().unwrap_or_else(|p| p.into_inner()) = path;
    }

    /// The session; a panic elsewhere never locks the founder out of it.
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
