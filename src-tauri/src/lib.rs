//! The desktop shell: wires the core's catalogs and an editing session
//! into Tauri and registers the commands the window may call. No
//! arithmetic here; see `commands`.

mod clock;
mod commands;
mod error;
mod exports;
mod files;
mod live;
mod menu;
mod state;

/// The shared edges, included from the CLI's folder.
#[path = "../../src/bin/infra-runway/local.rs"]
#[allow(dead_code)]
mod local;
#[path = "../../src/bin/infra-runway/net.rs"]
#[allow(dead_code)]
mod net;
use files::store;

use infra_runway::project::Project;
use infra_runway::session::Session;

/// Starts the app on the built-in example. Exits with a message if the
/// built-in catalogs or example are invalid (a build defect, caught by the
/// tests before it ships).
pub fn run() {
    let started = local::load_catalogs()
        .map(|(c, warnings)| {
            for w in warnings {
                eprintln!("warning: {w}");
            }
            c
        })
        .and_then(|c| {
            Project::example()
                .map(|p| (c, p))
                .map_err(|e| e.to_string())
        });
    let (catalogs, example) = match started {
        Ok(x) => x,
        Err(e) => {
            eprintln!("Infra Runway cannot start: a built-in file is invalid: {e}");
            std::process::exit(1);
        }
    };
    let session = Session::new(example, None, true, true);
    let result = tauri::Builder::default()
        // First, so a second launch hands over to the running one and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            app.set_menu(menu::build(app.handle())?)?;
            // An earlier run's unsaved work waits apart from this run's.
            files::set_aside_recovery(app.handle());
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .manage(state::AppState::new(catalogs, session))
        .manage(live::LiveState::default())
        .on_window_event(close_guard)
        .invoke_handler(tauri::generate_handler![
            commands::session_view,
            commands::apply_edit,
            commands::add_template,
            commands::undo,
            commands::redo,
            commands::new_project,
            commands::open_example,
            commands::scenario_ledger,
            commands::charts,
            commands::export,
            commands::open_export,
            commands::show_export,
            live::catalog_status,
            live::refresh_prices,
            live::accept_refresh,
            live::discard_refresh,
            live::restore_catalog,
            live::token_status,
            live::set_railway_token,
            live::clear_railway_token,
            live::import_railway,
            live::calibrate_workload,
            live::cancel_fetch,
            commands::files_view,
            commands::open_file,
            commands::open_recent,
            commands::save,
            commands::save_as,
            commands::autosave,
            commands::restore_recovery,
            commands::discard_recovery,
            commands::request_close,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Infra Runway stopped with an error: {e}");
        std::process::exit(1);
    }
}

/// Asks before a window with unsaved changes closes.
fn close_guard(window: &tauri::Window, event: &tauri::WindowEvent) {
    use tauri::Manager;
    let tauri::WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle().clone();
    let (dirty, text) = {
        let s = app.state::<state::AppState>();
        let s = s.session();
        (s.is_dirty(), s.project().to_json().unwrap_or_default())
    };
    if !dirty {
        return;
    }
    api.prevent_close();
    // Whatever the answer, the latest edits are in the recovery copy first.
    let _ = files::keep_recovery(&app, true, &text);
    let window = window.clone();
    // The answer comes from a native dialog; wait for it off the main thread.
    std::thread::spawn(move || {
        if files::confirm_close(&app, &window) {
            let _ = window.destroy();
        }
    });
}
