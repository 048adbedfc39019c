//! Help ▸ About: version, credits, and where the log and crash reports are.

use crate::app::logging::LogPlace;

/// Returns a problem to show when "Open log folder" failed.
pub fn about_window(ctx: &egui::Context, open: &mut bool, logs: &LogPlace) -> Option<String> {
    let mut problem = None;
    egui::Window::new("About Detente")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading("Detente");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop timeline viewer for analysts who follow diplomacy.");
            ui.add_space(6.0);
            ui.strong("Credits");
            ui.label("Sample project modelled on a Xinhua report of 18 December 2025, citing Politico and Ukrinform.");
            ui.label("Map outlines: Made with Natural Earth (public domain, naturalearthdata.com).");
            ui.label("City gazetteer: GeoNames (geonames.org), licensed under CC BY 4.0.");
            ui.label("EDTF dates parsed with the edtf crate (MPL-2.0); time zones by jiff.");
            ui.label("DejaVu Sans font (Bitstream Vera licence).");
            ui.label("Built with egui and eframe.");
            ui.add_space(6.0);
            problem = log_place_ui(ui, logs);
        });
    problem
}

/// The log file (or why there is none) and the folder's button.
fn log_place_ui(ui: &mut egui::Ui, logs: &LogPlace) -> Option<String> {
    ui.strong("Log");
    match (&logs.file, &logs.problem) {
        (Some(file), _) => {
            ui.add(egui::Label::new(format!("Log file: {}", file.display())).selectable(true));
        }
        (None, Some(problem)) => {
            ui.add(
                egui::Label::new(format!(
                    "No log file ({problem}); the log goes to standard error."
                ))
                .wrap(),
            );
        }
        (None, None) => {
            ui.label("The log goes to standard error.");
        }
    }
    let dir = logs.dir.as_deref()?;
    ui.label("Crash reports are written to the same folder.");
    if ui.button("Open log folder").clicked() {
        return crate::app::open_folder::open_folder(dir).err();
    }
    None
}
