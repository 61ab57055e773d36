//! The local-data edge, shared by the CLI and the desktop app (included
//! with `#[path]`): the data folder, the catalogs the founder accepted
//! (refreshed prices) and the Railway token in the OS keychain.

use std::path::{Path, PathBuf};

use infra_runway::catalog::{Catalog, Catalogs};

use crate::store::{self, StoreError};

/// The app's data folder: `$XDG_DATA_HOME/infra-runway`, else
/// `~/.local/share/infra-runway`.
pub fn data_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("infra-runway"))
}

/// Where accepted catalogs are kept.
pub fn catalogs_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("catalogs"))
}

/// The accepted catalogs' files: (file name, text).
pub fn accepted_files(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect();
    files.sort();
    files
}

/// The built-in catalogs plus the accepted ones; warnings name files left out.
pub fn load_catalogs() -> Result<(Catalogs, Vec<String>), String> {
    let extra = catalogs_dir()
        .map(|d| accepted_files(&d))
        .unwrap_or_default();
    Catalogs::builtin_with(&extra).map_err(|e| e.to_string())
}

/// Keeps an accepted catalog (atomically, as `<id>.json`).
pub fn accept(dir: &Path, catalog: &Catalog) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::WriteFailed {
        file: dir.display().to_string(),
        why: store::io_words(&e, dir),
    })?;
    let path = dir.join(format!("{}.json", catalog.id));
    let text = catalog.to_json().map_err(|e| StoreError::Invalid {
        file: path.display().to_string(),
        error: Box::new(e),
    })?;
    store::write_atomic(&path, text.as_bytes(), None).map_err(|e| StoreError::WriteFailed {
        file: path.display().to_string(),
        why: store::io_words(&e, &path),
    })?;
    Ok(path)
}

/// Puts back the previous catalog of a platform: its newest accepted
/// catalog moves to `retired/` (kept, not deleted). `None` when the
/// platform's current catalog is a built-in one.
pub fn restore_previous(
    dir: &Path,
    catalogs: &Catalogs,
    platform: &str,
) -> Result<Option<String>, StoreError> {
    let Ok(current) = catalogs.current(platform) else {
        return Ok(None);
    };
    let path = dir.join(format!("{}.json", current.id));
    if !path.is_file() {
        return Ok(None);
    }
    let retired = dir.join("retired");
    let fail = |e: std::io::Error, p: &Path| StoreError::WriteFailed {
        file: p.display().to_string(),
        why: store::io_words(&e, p),
    };
    std::fs::create_dir_all(&retired).map_err(|e| fail(e, &retired))?;
    let to = retired.join(format!("{}.json", current.id));
    std::fs::rename(&path, &to).map_err(|e| fail(e, &path))?;
    Ok(Some(current.id.clone()))
}

/// Where a secret is kept.
pub trait TokenStore {
    /// The token, if one is kept.
    fn get(&self) -> Result<Option<String>, String>;
    /// Keeps a token.
    fn set(&self, token: &str) -> Result<(), String>;
    /// Forgets it.
    fn clear(&self) -> Result<(), String>;
}

/// The OS keychain (Secret Service or kernel keyring on Linux, Keychain on
/// macOS, Credential Manager on Windows).
pub struct Keychain {
    user: &'static str,
}

impl Keychain {
    /// The Railway token's entry.
    pub fn railway() -> Keychain {
        Keychain {
            user: "railway-token",
        }
    }

    fn entry(&self) -> Result<keyring::Entry, String> {
        keyring::Entry::new("infra-runway", self.user)
            .map_err(|e| format!("the keychain is not available ({e})"))
    }
}

impl TokenStore for Keychain {
    fn get(&self) -> Result<Option<String>, String> {
        match self.entry()?.get_password() {
            Ok(t) => Ok(Some(t)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(format!("the keychain could not be read ({e})")),
        }
    }

    fn set(&self, token: &str) -> Result<(), String> {
        self.entry()?
            .set_password(token)
            .map_err(|e| format!("the keychain could not keep the token ({e})"))
    }

    fn clear(&self) -> Result<(), String> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(format!("the keychain could not forget the token ({e})")),
        }
    }
}

/// A store in memory, for tests.
#[derive(Default)]
#[allow(dead_code)]
pub struct MemoryStore(std::sync::Mutex<Option<String>>);

impl TokenStore for MemoryStore {
    fn get(&self) -> Result<Option<String>, String> {
        Ok(self.0.lock().map_err(|_| "poisoned".to_string())?.clone())
    }

    fn set(&self, token: &str) -> Result<(), String> {
        *self.0.lock().map_err(|_| "poisoned".to_string())? = Some(token.to_string());
        Ok(())
    }

    fn clear(&self) -> Result<(), String> {
        *self.0.lock().map_err(|_| "poisoned".to_string())? = None;
        Ok(())
    }
}
