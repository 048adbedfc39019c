//! Help ▸ About: version and credits.

pub fn about_window(ctx: &egui::Context, open: &mut bool) {
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
        });
}
