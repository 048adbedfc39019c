//! Colours and marks for kinds, statuses and stances, legible in dark and light themes.

use egui::Color32;

use crate::export::palette;
pub use crate::export::palette::{MarkerShape, StatusLook, kind_marker, status_look};
use crate::model::{EventKind, Reliability, Stance};

/// A kind's colour: the shared table of [`crate::export::palette`], so that exported images
/// match the canvas.
pub fn kind_color(kind: EventKind, dark_mode: bool) -> Color32 {
    rgb(palette::kind_rgb(kind, dark_mode))
}

/// The app's accent: the blue of meetings, used for the overview strip and map markers.
pub fn accent_color(dark_mode: bool) -> Color32 {
    kind_color(EventKind::Meeting, dark_mode)
}

/// An RGB tuple of the shared palette as an egui colour.
pub fn rgb((r, g, b): palette::Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// An egui colour as an RGB tuple of the shared palette (its alpha dropped: the canvas's
/// colours are opaque).
pub fn to_rgb(color: Color32) -> palette::Rgb {
    (color.r(), color.g(), color.b())
}

/// The colours of the label of an item drawn in `mark` with `look`: the shared rule of
/// [`palette::label_colors`] (also the image export's), with the theme's text, canvas and
/// selection colours.
pub fn label_colors(
    text: Color32,
    canvas: Color32,
    selection: Color32,
    mark: Color32,
    look: StatusLook,
) -> palette::LabelColors {
    palette::label_colors(
        to_rgb(text),
        to_rgb(canvas),
        to_rgb(selection),
        to_rgb(mark),
        look,
    )
}

/// Stance colours: green for support, red for oppose, amber for the hedged middle.
pub fn stance_color(stance: Stance, dark_mode: bool) -> Color32 {
    let (dark, light) = match stance {
        Stance::Support => (
            Color32::from_rgb(90, 200, 110),
            Color32::from_rgb(20, 130, 50),
        ),
        Stance::Oppose => (
            Color32::from_rgb(255, 100, 100),
            Color32::from_rgb(190, 30, 30),
        ),
        Stance::Conditional => (
            Color32::from_rgb(240, 190, 70),
            Color32::from_rgb(160, 110, 0),
        ),
        Stance::Considering => (
            Color32::from_rgb(150, 200, 255),
            Color32::from_rgb(30, 100, 180),
        ),
        Stance::Reluctant => (
            Color32::from_rgb(255, 150, 90),
            Color32::from_rgb(190, 80, 10),
        ),
        Stance::Neutral => (Color32::from_gray(180), Color32::from_gray(110)),
        Stance::Unclear => (Color32::from_gray(140), Color32::from_gray(130)),
    };
    if dark_mode { dark } else { light }
}

/// Admiralty reliability: A–B green, C amber, D–E red, F grey.
pub fn reliability_color(reliability: Reliability, dark_mode: bool) -> Color32 {
    match reliability {
        Reliability::A | Reliability::B => stance_color(Stance::Support, dark_mode),
        Reliability::C => stance_color(Stance::Conditional, dark_mode),
        Reliability::D | Reliability::E => stance_color(Stance::Oppose, dark_mode),
        Reliability::F => stance_color(Stance::Neutral, dark_mode),
    }
}

/// Mixes `color` towards the background for muted (cancelled, unknown) items.
pub fn muted(color: Color32, dark_mode: bool) -> Color32 {
    lerp_color(
        color,
        rgb(palette::muted_background(dark_mode)),
        palette::MUTED_MIX,
    )
}

pub fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        mix(a.r(), b.r()),
        mix(a.g(), b.g()),
        mix(a.b(), b.b()),
        mix(a.a(), b.a()),
    )
}

/// A small coloured label with a background, for kinds, statuses, stances and grades.
pub fn badge(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let fill = color.gamma_multiply(if dark { 0.28 } else { 0.16 });
    let text_color = if dark {
        lerp_color(color, Color32::WHITE, 0.35)
    } else {
        lerp_color(color, Color32::BLACK, 0.25)
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.7)))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            // A badge is one word or grade: it moves to the next line whole rather than
            // breaking inside ("C" over "3" beside a long participant line).
            ui.add(
                egui::Label::new(egui::RichText::new(text).color(text_color).small())
                    .wrap_mode(egui::TextWrapMode::Extend),
            )
        })
        .inner
}

/// `#rrggbb` as a colour; `None` for anything else.
pub fn parse_hex_color(text: &str) -> Option<Color32> {
    palette::parse_hex_rgb(text).map(rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{EventKind, EventStatus};

    /// Every label colour against every ground it is drawn on in the app, for each kind,
    /// status and theme: the timeline's canvas (beside a mark, on a hollow core, on the plate
    /// over uncertain parts), a filled core, a selected label's plate, and the "+N" pill.
    #[test]
    fn every_label_reads_on_what_it_is_drawn_on() {
        let mut failures = Vec::new();
        for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
            let dark = visuals.dark_mode;
            let canvas = visuals.extreme_bg_color;
            let text = visuals.text_color();
            let theme = if dark { "dark" } else { "light" };
            for kind in EventKind::ALL {
                for status in EventStatus::ALL {
                    let look = status_look(status);
                    let mut mark = kind_color(kind, dark);
                    if look.muted {
                        mark = muted(mark, dark);
                    }
                    let colors =
                        label_colors(text, canvas, visuals.selection.stroke.color, mark, look);
                    for (ink, ground) in colors.pairs() {
                        let ratio = palette::contrast_ratio(ink, ground);
                        if ratio < palette::MIN_TEXT_CONTRAST {
                            failures.push(format!(
                                "{theme} {kind:?} {status:?}: {ink:?} on {ground:?} is {ratio:.2}:1"
                            ));
                        }
                    }
                }
            }
            // The legend's labels: the text colour on the window's fill.
            let ratio = palette::contrast_ratio(to_rgb(text), to_rgb(visuals.window_fill));
            if ratio < palette::MIN_TEXT_CONTRAST {
                failures.push(format!("{theme} legend: {ratio:.2}:1"));
            }
            // "+N": the text colour on a pill of it at 15 % over the canvas.
            let pill = palette::lerp_rgb(to_rgb(canvas), to_rgb(text), 0.15);
            let ratio = palette::contrast_ratio(to_rgb(text), pill);
            if ratio < palette::MIN_TEXT_CONTRAST {
                failures.push(format!("{theme} +N pill: {ratio:.2}:1"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn hex_colors() {
        assert_eq!(
            parse_hex_color("#4c78a8"),
            Some(Color32::from_rgb(0x4c, 0x78, 0xa8))
        );
        assert_eq!(parse_hex_color("4c78a8"), None);
        assert_eq!(parse_hex_color("#4c78a"), None);
        assert_eq!(parse_hex_color("#zzzzzz"), None);
    }
}
