//! Live data in the app: refreshing prices (the difference first, kept
//! only when accepted, the previous catalog restorable), importing a
//! Railway project's usage and calibrating the workload as one undoable
//! edit. Fetches can be cancelled; the token goes from the window into the
//! keychain and never comes back.

use std::sync::{Arc, Mutex};

use infra_runway::catalog::Catalog;
use infra_runway::date::{Date, STALE_AFTER_DAYS};
use infra_runway::live::{azure, diff, railway};
use infra_runway::session::{Edit, SessionView};
use rust_decimal::Decimal;
use tauri::{State, Window};
use tokio::sync::Notify;

use crate::error::CommandError;
use crate::local::{self, TokenStore};
use crate::net::{self, NetError, Policy};
use crate::state::AppState;

/// What a fetch left for the founder to accept, and how to stop one.
#[derive(Default)]
pub(crate) struct LiveState {
    pending: Mutex<Vec<Catalog>>,
    comparison: Mutex<Option<railway::Comparison>>,
    cancel: Arc<Notify>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// One platform's current catalog, for the window.
#[derive(serde::Serialize)]
pub(crate) struct CatalogStatus {
    platform: String,
    name: String,
    catalog: String,
    as_of: Date,
    age_days: Option<i64>,
    stale: bool,
    refreshed: bool,
    from_azure: bool,
}

/// Every platform's current catalog, its age, and whether it was refreshed.
#[tauri::command]
pub(crate) fn catalog_status(state: State<'_, AppState>) -> Vec<CatalogStatus> {
    let today = crate::clock::today();
    let dir = local::catalogs_dir();
    let catalogs = state.catalogs();
    catalogs
        .current_all()
        .into_iter()
        .map(|c| {
            let age_days = today.map(|t| t.days_since(c.as_of));
            CatalogStatus {
                platform: c.platform.clone(),
                name: c.platform_name.clone(),
                catalog: c.id.clone(),
                as_of: c.as_of,
                age_days,
                stale: age_days.is_some_and(|a| a > STALE_AFTER_DAYS),
                refreshed: dir
                    .as_ref()
                    .is_some_and(|d| d.join(format!("{}.json", c.id)).is_file()),
                from_azure: azure::query_url(azure::RETAIL_PRICES_URL, c).is_some(),
            }
        })
        .collect()
}

/// Runs a fetch unless the founder cancels it first.
async fn cancellable<T>(
    live: &LiveState,
    fut: impl std::future::Future<Output = Result<T, CommandError>>,
) -> Result<T, CommandError> {
    let cancel = Arc::clone(&live.cancel);
    tokio::select! {
        r = fut => r,
        _ = cancel.notified() => Err(CommandError::Live("cancelled; nothing was changed".into())),
    }
}

fn net_error(e: NetError) -> CommandError {
    CommandError::Live(e.to_string())
}

/// Fetches new prices (`azure`, or a catalog file's address) and returns
/// the difference; nothing is kept until it is accepted.
#[tauri::command]
pub(crate) async fn refresh_prices(
    source: String,
    state: State<'_, AppState>,
    live: State<'_, LiveState>,
) -> Result<Vec<diff::CatalogDiff>, CommandError> {
    let catalogs = state.catalogs();
    let today = crate::clock::today().ok_or(CommandError::Clock)?;
    if !net::is_source(&source) {
        return Err(CommandError::Live(
            "a catalog address starts with https://".into(),
        ));
    }
    let work = async {
        net::refresh(&source, &catalogs, today)
            .await
            .map_err(CommandError::Live)
    };
    let found = cancellable(&live, work).await?;
    let diffs = found.iter().map(|(_, d)| d.clone()).collect();
    *lock(&live.pending) = found.into_iter().map(|(c, _)| c).collect();
    Ok(diffs)
}

fn reload(state: &AppState, window: &Window) -> Result<SessionView, CommandError> {
    let (catalogs, _warnings) = local::load_catalogs().map_err(CommandError::Live)?;
    state.set_catalogs(catalogs);
    crate::commands::view(state, &state.session(), window)
}

/// Keeps the fetched catalogs: they become current, the old ones stay.
#[tauri::command]
pub(crate) fn accept_refresh(
    state: State<'_, AppState>,
    live: State<'_, LiveState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let dir = local::catalogs_dir().ok_or_else(|| CommandError::Live("no data folder".into()))?;
    let pending = std::mem::take(&mut *lock(&live.pending));
    for c in &pending {
        local::accept(&dir, c)?;
    }
    reload(&state, &window)
}

/// Forgets the fetched catalogs.
#[tauri::command]
pub(crate) fn discard_refresh(live: State<'_, LiveState>) {
    lock(&live.pending).clear();
}

/// Puts back a platform's previous catalog.
#[tauri::command]
pub(crate) fn restore_catalog(
    platform: String,
    state: State<'_, AppState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let dir = local::catalogs_dir().ok_or_else(|| CommandError::Live("no data folder".into()))?;
    local::restore_previous(&dir, &state.catalogs(), &platform)?;
    reload(&state, &window)
}

/// Whether a Railway token is at hand (never the token itself).
#[tauri::command]
pub(crate) fn token_status() -> bool {
    std::env::var("RAILWAY_TOKEN").is_ok_and(|t| !t.trim().is_empty())
        || local::Keychain::railway().get().ok().flatten().is_some()
}

/// Keeps a Railway token in the OS keychain.
#[tauri::command]
pub(crate) fn set_railway_token(token: String) -> Result<(), CommandError> {
    let t = token.trim();
    if t.is_empty() {
        return Err(CommandError::Live("the token is empty".into()));
    }
    local::Keychain::railway()
        .set(t)
        .map_err(CommandError::Live)
}

/// Forgets the Railway token.
#[tauri::command]
pub(crate) fn clear_railway_token() -> Result<(), CommandError> {
    local::Keychain::railway()
        .clear()
        .map_err(CommandError::Live)
}

/// A Railway project's last `days` of usage against the workload.
#[tauri::command]
pub(crate) async fn import_railway(
    project_id: String,
    days: u32,
    project_token: bool,
    state: State<'_, AppState>,
    live: State<'_, LiveState>,
) -> Result<railway::Comparison, CommandError> {
    if !(1..=90).contains(&days) {
        return Err(CommandError::Live(format!(
            "days must be between 1 and 90 (you entered {days})"
        )));
    }
    if project_id.trim().is_empty() {
        return Err(CommandError::Live("enter the Railway project's id".into()));
    }
    let token = match std::env::var("RAILWAY_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
    {
        Some(t) => t.trim().to_string(),
        None => local::Keychain::railway()
            .get()
            .map_err(CommandError::Live)?
            .ok_or_else(|| {
                CommandError::Live("no Railway token: enter one and keep it in the keychain".into())
            })?,
    };
    let end = crate::clock::now_unix().ok_or(CommandError::Clock)?;
    let seconds = u64::from(days) * 86_400;
    let (start_s, end_s) = (
        crate::clock::rfc3339(end.saturating_sub(seconds)),
        crate::clock::rfc3339(end),
    );
    let work = async {
        let policy = Policy::standard();
        let client = net::client(&policy).map_err(net_error)?;
        let q = net::UsageQuery {
            token: &token,
            kind: if project_token {
                net::TokenKind::Project
            } else {
                net::TokenKind::Account
            },
            project_id: project_id.trim(),
            start: &start_s,
            end: &end_s,
        };
        net::railway_usage(&client, &net::railway_base(), &q, &policy)
            .await
            // Whatever the API echoes, the token never reaches the window.
            .map_err(|e| CommandError::Live(e.to_string().replace(&token, "[token]")))
    };
    let usage = cancellable(&live, work).await?;
    let workload = state.session().project().workload.clone();
    let cmp = railway::compare(
        &workload,
        &usage,
        Decimal::from(seconds) / Decimal::from(60),
    );
    *lock(&live.comparison) = Some(cmp.clone());
    Ok(cmp)
}

/// Sizes the workload to the measured month: one edit, undone by Undo.
#[tauri::command]
pub(crate) fn calibrate_workload(
    state: State<'_, AppState>,
    live: State<'_, LiveState>,
    window: Window,
) -> Result<SessionView, CommandError> {
    let cmp = lock(&live.comparison)
        .clone()
        .ok_or_else(|| CommandError::Live("import a Railway project first".into()))?;
    let workload = state.session().project().workload.clone();
    let next = railway::calibrated(&workload, &cmp);
    let value = serde_json::to_value(&next).map_err(|e| CommandError::Live(e.to_string()))?;
    // The same path as any edit: validated whole, undoable, taken back if
    // its results cannot be shown.
    crate::commands::apply_edit(
        Edit::Set {
            path: "workload".into(),
            value,
        },
        state,
        window,
    )
}

/// Stops the fetch under way.
#[tauri::command]
pub(crate) fn cancel_fetch(live: State<'_, LiveState>) {
    live.cancel.notify_waiters();
}
