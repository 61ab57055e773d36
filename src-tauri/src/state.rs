//! The app's state: the catalogs and the one editing session.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use infra_runway::catalog::Catalogs;
use infra_runway::session::Session;

/// Shared by every command.
pub(crate) struct AppState {
    catalogs: Mutex<Arc<Catalogs>>,
    session: Mutex<Session>,
    path: Mutex<Option<PathBuf>>,
    last_export: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub(crate) fn new(catalogs: Catalogs, session: Session) -> AppState {
        AppState {
            catalogs: Mutex::new(Arc::new(catalogs)),
            session: Mutex::new(session),
            path: Mutex::new(None),
            last_export: Mutex::new(None),
        }
    }

    /// The catalogs in use (built-in and accepted).
    pub(crate) fn catalogs(&self) -> Arc<Catalogs> {
        Arc::clone(&self.catalogs.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Replaces the catalogs (after a refresh is accepted or one restored).
    pub(crate) fn set_catalogs(&self, catalogs: Catalogs) {
        *self.catalogs.lock().unwrap_or_else(|p| p.into_inner()) = Arc::new(catalogs);
    }

    /// The project's file, if it has one.
    pub(crate) fn path(&self) -> Option<PathBuf> {
        self.path.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Sets the project's file.
    pub(crate) fn set_path(&self, path: Option<PathBuf>) {
        *self.path.lock().unwrap_or_else(|p| p.into_inner()) = path;
    }

    /// The last file or folder exported, the only one the window may open.
    pub(crate) fn last_export(&self) -> Option<PathBuf> {
        self.last_export
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Remembers the last export.
    pub(crate) fn set_last_export(&self, path: PathBuf) {
        *self.last_export.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    /// The session; a panic elsewhere never locks the founder out of it.
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
