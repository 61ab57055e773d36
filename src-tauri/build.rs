fn main() {
    // Declares the app's own commands in its ACL manifest, so that the
    // capability file can allow exactly these and nothing else.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "session_view",
        "apply_edit",
        "add_template",
        "undo",
        "redo",
        "new_project",
        "open_example",
        "scenario_ledger",
        "charts",
        "export",
        "open_export",
        "show_export",
        "catalog_status",
        "refresh_prices",
        "accept_refresh",
        "discard_refresh",
        "restore_catalog",
        "token_status",
        "set_railway_token",
        "clear_railway_token",
        "import_railway",
        "calibrate_workload",
        "cancel_fetch",
        "files_view",
        "open_file",
        "open_recent",
        "save",
        "save_as",
        "autosave",
        "restore_recovery",
        "discard_recovery",
        "request_close",
    ]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
