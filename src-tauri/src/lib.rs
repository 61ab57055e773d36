//! The desktop shell: wires the core's catalogs into Tauri and registers
//! the commands the window may call. No arithmetic here; see `commands`.

mod commands;
mod error;

use infra_runway::catalog::Catalogs;

/// Starts the app. Exits with a message if the built-in catalogs are
/// invalid (a build defect, caught by the tests before it ships).
pub fn run() {
    let catalogs = match Catalogs::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Infra Runway cannot start: a built-in pricing catalog is invalid: {e}");
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .manage(catalogs)
        .invoke_handler(tauri::generate_handler![commands::example_overview])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Infra Runway stopped with an error: {e}");
        std::process::exit(1);
    }
}
