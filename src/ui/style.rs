//! Colours and marks for kinds, statuses and stances, legible in dark and light themes.

use egui::Color32;

use crate::model::{EventKind, EventStatus, Reliability, Stance};

/// A kind's colour. Hues are spread around the wheel and all are mid-lightness, so each
/// reads on both the dark (#1b1b1b) and light (#f8f8f8) panel backgrounds; shapes repeat
/// the distinction for readers who do not see colour.
pub fn kind_color(kind: EventKind, dark_mode: bool) -> Color32 {
    let (dark, light) = match kind {
        EventKind::Meeting => (
            Color32::from_rgb(94, 156, 255),
            Color32::from_rgb(31, 98, 204),
        ),
        EventKind::Talks => (
            Color32::from_rgb(56, 200, 180),
            Color32::from_rgb(0, 128, 112),
        ),
        EventKind::Call => (
            Color32::from_rgb(190, 140, 255),
            Color32::from_rgb(120, 70, 200),
        ),
        EventKind::Visit => (
            Color32::from_rgb(120, 200, 90),
            Color32::from_rgb(50, 130, 30),
        ),
        EventKind::Statement => (
            Color32::from_rgb(255, 160, 70),
            Color32::from_rgb(196, 96, 0),
        ),
        EventKind::Announcement => (
            Color32::from_rgb(230, 200, 70),
            Color32::from_rgb(150, 120, 0),
        ),
        EventKind::Agreement => (
            Color32::from_rgb(255, 110, 130),
            Color32::from_rgb(190, 30, 60),
        ),
        EventKind::Other => (Color32::from_gray(170), Color32::from_gray(100)),
    };
    if dark_mode { dark } else { light }
}

/// The app's accent: the blue of meetings, used for the overview strip and map markers.
pub fn accent_color(dark_mode: bool) -> Color32 {
    kind_color(EventKind::Meeting, dark_mode)
}

/// The shape of a point marker, so that kinds differ without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Diamond,
    Square,
    TriangleUp,
    TriangleDown,
    Hexagon,
}

pub fn kind_marker(kind: EventKind) -> MarkerShape {
    match kind {
        EventKind::Meeting | EventKind::Other => MarkerShape::Circle,
        EventKind::Talks => MarkerShape::Diamond,
        EventKind::Call => MarkerShape::Hexagon,
        EventKind::Visit => MarkerShape::TriangleDown,
        EventKind::Statement | EventKind::Announcement => MarkerShape::TriangleUp,
        EventKind::Agreement => MarkerShape::Square,
    }
}

/// How a status is drawn: filled for what happened, hollow for what is only expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusLook {
    /// Opacity of the fill, 0–255: held 100 %, confirmed 55 %, the rest hollow.
    pub fill_alpha: u8,
    /// Dashed outline: planned (not yet firm), postponed, unknown.
    pub dashed: bool,
    /// A "»" after the mark: postponed (moved to a later, unknown date).
    pub deferred: bool,
    /// A line struck through: cancelled.
    pub struck: bool,
    /// Drawn greyed: cancelled and unknown.
    pub muted: bool,
}

pub fn status_look(status: EventStatus) -> StatusLook {
    let look = |fill_alpha, dashed, struck, muted| StatusLook {
        fill_alpha,
        dashed,
        deferred: status == EventStatus::Postponed,
        struck,
        muted,
    };
    match status {
        EventStatus::Held => look(255, false, false, false),
        EventStatus::Confirmed => look(140, false, false, false),
        EventStatus::Expected => look(0, false, false, false),
        EventStatus::Planned => look(0, true, false, false),
        EventStatus::Postponed => look(0, true, false, true),
        EventStatus::Cancelled => look(0, false, true, true),
        EventStatus::Unknown => look(40, true, false, true),
    }
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
    let bg = if dark_mode {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(235)
    };
    lerp_color(color, bg, 0.55)
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
            ui.label(egui::RichText::new(text).color(text_color).small())
        })
        .inner
}

/// `#rrggbb` as a colour; `None` for anything else.
pub fn parse_hex_color(text: &str) -> Option<Color32> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

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
