//! The native menu bar: File and Edit. Choosing an item tells the window,
//! which runs the same action as its toolbar button; closing and quitting
//! go through the window's close guard.

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The menu bar.
pub(crate) fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    // Shortcuts are handled by the window (so they work the same in every
    // field); the labels show them.
    let item = |id: &str, label: &str| MenuItem::with_id(app, id, label, true, None::<&str>);
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &item("new", "New          Ctrl+N")?,
            &item("open", "Open…        Ctrl+O")?,
            &item("example", "Open the example")?,
            &PredefinedMenuItem::separator(app)?,
            &item("save", "Save          Ctrl+S")?,
            &item("save-as", "Save as…     Ctrl+Shift+S")?,
            &PredefinedMenuItem::separator(app)?,
            &item("close", "Close")?,
            &item("quit", "Quit")?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &item("undo", "Undo         Ctrl+Z")?,
            &item("redo", "Redo         Ctrl+Shift+Z")?,
        ],
    )?;
    Menu::with_items(app, &[&file, &edit])
}

/// Hands a menu choice to the window, or closes it (through the guard).
pub(crate) fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().0.as_str();
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    match id {
        "close" | "quit" => {
            let _ = window.close();
        }
        other => {
            let _ = window.emit("menu", other.to_string());
        }
    }
}
