//! The egui front end. It reads the document and pushes [`actions::Action`]s; the app
//! applies them in one place.

pub mod actions;
mod app;
mod details;
mod file_dialog;
mod fonts;
mod frame_stats;
mod menu;
pub mod panels;
pub mod style;
pub mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::{DetenteApp, Notice};

/// Opens the app window on `file`, or on the embedded sample.
pub fn run_app(
    file: Option<PathBuf>,
    frame_stats: bool,
    theme: Option<egui::ThemePreference>,
    window_size: Option<[f32; 2]>,
) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Detente")
            .with_app_id("detente")
            .with_inner_size(window_size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Detente",
        options,
        Box::new(move |cc| {
            if let Some(theme) = theme {
                cc.egui_ctx.set_theme(theme);
            }
            Ok(Box::new(
                DetenteApp::new(file.as_deref()).with_frame_stats(frame_stats),
            ))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("detente: could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}
