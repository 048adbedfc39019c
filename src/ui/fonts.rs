//! Fonts: egui's defaults, with DejaVu Sans behind them for the symbols and scripts they lack.
//!
//! egui's default proportional font has no arrows (→, used in attribution chains) and few
//! symbols; without a fallback those draw as boxes. DejaVu Sans (Bitstream Vera licence,
//! free to embed and redistribute) covers them and many scripts of names in reports.

/// Shared with the image export, so that the binary holds the font once.
const DEJAVU_SANS: &[u8] = crate::export::font::DEJAVU_SANS;

/// Adds the fallback font once; takes effect from the next frame.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(DEJAVU_SANS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("DejaVuSans".to_owned());
    }
    ctx.set_fonts(fonts);
}
