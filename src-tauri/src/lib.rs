//! The desktop shell: wires the core's catalogs and an editing session
//! into Tauri and registers the commands the window may call. No
//! arithmetic here; see `commands`.

mod clock;
mod commands;
mod error;
mod state;

use infra_runway::catalog::Catalogs;
use infra_runway::project::Project;
use infra_runway::session::Session;

/// Starts the app on the built-in example. Exits with a message if the
/// built-in catalogs or example are invalid (a build defect, caught by the
/// tests before it ships).
pub fn run() {
    let started = Catalogs::builtin()
        .map_err(|e| e.to_string())
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
        .manage(state::AppState::new(catalogs, session))
        .invoke_handler(tauri::generate_handler![
            commands::session_view,
            commands::apply_edit,
            commands::add_template,
            commands::undo,
            commands::redo,
            commands::new_project,
            commands::open_example,
            commands::scenario_ledger,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Infra Runway stopped with an error: {e}");
        std::process::exit(1);
    }
}
