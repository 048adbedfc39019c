//! The timeline's visual encoding as plain data: kind colours and marker shapes, how each
//! status is drawn, and the few other colours the canvas uses. Pure (no egui), so that the
//! image export draws exactly what the app shows; `ui::style` wraps these in egui colours.

use crate::model::{EventKind, EventStatus};

/// A colour as red, green, blue.
pub type Rgb = (u8, u8, u8);

/// A kind's colour. Hues are spread around the wheel and all are mid-lightness, so each
/// reads on both the dark (#1b1b1b) and light (#f8f8f8) panel backgrounds; shapes repeat
/// the distinction for readers who do not see colour.
pub fn kind_rgb(kind: EventKind, dark_mode: bool) -> Rgb {
    let (dark, light) = match kind {
        EventKind::Meeting => ((94, 156, 255), (31, 98, 204)),
        EventKind::Talks => ((56, 200, 180), (0, 128, 112)),
        EventKind::Call => ((190, 140, 255), (120, 70, 200)),
        EventKind::Visit => ((120, 200, 90), (50, 130, 30)),
        EventKind::Statement => ((255, 160, 70), (196, 96, 0)),
        EventKind::Announcement => ((230, 200, 70), (150, 120, 0)),
        EventKind::Agreement => ((255, 110, 130), (190, 30, 60)),
        // A neutral slate, lighter (dark theme) or darker (light theme) than every hue, so
        // that the kind most imported events have reads best, even muted (unknown status).
        EventKind::Other => ((210, 210, 215), (55, 60, 70)),
    };
    if dark_mode { dark } else { light }
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

/// Corner points of a marker of radius `r` around `(cx, cy)`, y pointing down.
pub fn marker_polygon(shape: MarkerShape, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, TAU};
    let polygon = |n: usize, phase: f64, radius: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let a = phase + i as f64 * TAU / n as f64;
                (cx + a.cos() * radius, cy + a.sin() * radius)
            })
            .collect()
    };
    // The factors even out the shapes' areas: a square of radius r looks smaller than a
    // circle of radius r, so polygons with fewer corners are drawn a little larger.
    match shape {
        // 16 segments read as a circle at 12 px.
        MarkerShape::Circle => polygon(16, 0.0, r),
        MarkerShape::Diamond => polygon(4, 0.0, r * 1.15),
        MarkerShape::Square => polygon(4, FRAC_PI_4, r * 1.2),
        MarkerShape::TriangleUp => polygon(3, -FRAC_PI_2, r * 1.2),
        MarkerShape::TriangleDown => polygon(3, FRAC_PI_2, r * 1.2),
        MarkerShape::Hexagon => polygon(6, 0.0, r * 1.05),
    }
}

/// How a status is drawn: filled for what happened, hollow for what is only expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusLook {
    /// Opacity of the fill, 0–255: held 100 %, confirmed 55 %, unknown 30 %, the rest hollow.
    pub fill_alpha: u8,
    /// Dashed outline: planned (not yet firm), postponed.
    pub dashed: bool,
    /// A "»" after the mark: postponed (moved to a later, unknown date).
    pub deferred: bool,
    /// A line struck through: cancelled.
    pub struck: bool,
    /// Drawn greyed: cancelled and postponed.
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
        // A light tint with a whole outline: nobody said whether it happened, which is
        // neither "planned" (dashed) nor "cancelled" (greyed). Imported timelines (TimelineJS,
        // Timeline) say no status at all; dashed and greyed, their events read as faint
        // plans.
        EventStatus::Unknown => look(80, false, false, false),
    }
}

/// What muted (cancelled, postponed) items are mixed towards: near the panel background.
pub fn muted_background(dark_mode: bool) -> Rgb {
    if dark_mode {
        (40, 40, 40)
    } else {
        (235, 235, 235)
    }
}

/// How far muted items are mixed towards [`muted_background`]: half-way and a little more,
/// so that they recede but keep their hue.
pub const MUTED_MIX: f32 = 0.55;

/// Mixes `color` towards the background for muted (cancelled, postponed) items.
pub fn muted_rgb(color: Rgb, dark_mode: bool) -> Rgb {
    lerp_rgb(color, muted_background(dark_mode), MUTED_MIX)
}

pub fn lerp_rgb(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The report date's line: amber, apart from every kind's hue.
pub fn reference_rgb(dark_mode: bool) -> Rgb {
    if dark_mode {
        (255, 196, 0)
    } else {
        (176, 120, 0)
    }
}

/// Today's line: red.
pub fn today_rgb(dark_mode: bool) -> Rgb {
    if dark_mode {
        (255, 90, 90)
    } else {
        (200, 30, 30)
    }
}

/// `#rrggbb` as a colour; `None` for anything else.
pub fn parse_hex_rgb(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// The least contrast WCAG 2 (level AA) asks of text at the timeline's label sizes, 12 to
/// 13 points: 4.5:1.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white).
pub fn relative_luminance((r, g, b): Rgb) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio of two colours, 1:1 (the same) to 21:1 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text that reads on `background`: white on dark fills, black on light ones. The switch is
/// at a relative luminance of 0.179, where both have equal WCAG contrast (1.05 / 0.229 =
/// 0.229 / 0.05 ≈ 4.58:1), so the one chosen never has less than 4.5:1. (Near-black #141414
/// instead of black left 4.3:1 at the switch.)
pub fn contrast_text(background: Rgb) -> Rgb {
    if relative_luminance(background) < 0.179 {
        (255, 255, 255)
    } else {
        (0, 0, 0)
    }
}

/// What a bar filled `fill_alpha` (0–255) with `color` looks like over `canvas`.
pub fn bar_fill_rgb(color: Rgb, canvas: Rgb, fill_alpha: u8) -> Rgb {
    lerp_rgb(canvas, color, f32::from(fill_alpha) / 255.0)
}

/// How far a muted (cancelled, unknown) item's label is mixed towards the canvas at most:
/// the 60 % opacity it was drawn with before contrast was checked.
const MUTED_TEXT_MIX: f32 = 0.4;

/// The colour of a label on the canvas: `text`, or for a muted item `text` mixed towards
/// the canvas, as far as [`MUTED_TEXT_MIX`] but never below [`MIN_TEXT_CONTRAST`] (the
/// full mix left grey text at 2.8:1 on the dark canvas, 3.0:1 on the light one). Text that
/// starts below the minimum is left as it is.
pub fn label_rgb(text: Rgb, canvas: Rgb, muted: bool) -> Rgb {
    if !muted {
        return text;
    }
    // Ten steps of 4 %: fine enough that the muted text lands within 0.2 of the minimum.
    (0..=10)
        .rev()
        .map(|step| lerp_rgb(text, canvas, MUTED_TEXT_MIX * step as f32 / 10.0))
        .find(|c| contrast_ratio(*c, canvas) >= MIN_TEXT_CONTRAST)
        .unwrap_or(text)
}

/// The colours of one item's label, and what each is drawn on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelColors {
    /// The label's text beside its mark, on a hollow core, and on the plate of canvas colour
    /// over the mark's uncertain parts.
    pub text: Rgb,
    pub canvas: Rgb,
    /// Over a filled core: the text there, and the fill as it shows.
    pub on_fill: Option<(Rgb, Rgb)>,
    /// A selected label's text, and its plate (the selection colour at a quarter over the
    /// canvas).
    pub selected: (Rgb, Rgb),
}

impl LabelColors {
    /// Every (text, ground) pair a label is drawn with.
    pub fn pairs(&self) -> Vec<(Rgb, Rgb)> {
        let mut pairs = vec![(self.text, self.canvas), self.selected];
        pairs.extend(self.on_fill);
        pairs
    }
}

/// How much of the selection colour a selected label's plate holds.
pub const SELECTION_PLATE_MIX: f32 = 0.25;

/// The colours of the label of an item drawn in `mark` with `look`, on `canvas`, with the
/// theme's `text` and `selection` colours: shared by the app and the image export, and
/// checked against WCAG's 4.5:1 for every kind, status and theme.
pub fn label_colors(
    text: Rgb,
    canvas: Rgb,
    selection: Rgb,
    mark: Rgb,
    look: StatusLook,
) -> LabelColors {
    let on_fill = (look.fill_alpha > 0).then(|| {
        let fill = bar_fill_rgb(mark, canvas, look.fill_alpha);
        (contrast_text(fill), fill)
    });
    let plate = lerp_rgb(canvas, selection, SELECTION_PLATE_MIX);
    LabelColors {
        text: label_rgb(text, canvas, look.muted),
        canvas,
        on_fill,
        selected: (contrast_text(plate), plate),
    }
}

/// `#rrggbb`.
pub fn hex(color: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(parse_hex_rgb("#4c78a8"), Some((0x4c, 0x78, 0xa8)));
        assert_eq!(hex((0x4c, 0x78, 0xa8)), "#4c78a8");
        assert_eq!(parse_hex_rgb("4c78a8"), None);
        assert_eq!(parse_hex_rgb("#4c78a"), None);
        assert_eq!(parse_hex_rgb("#zzzzzz"), None);
    }

    #[test]
    fn every_kind_differs_in_colour_and_muting_keeps_the_hue_apart() {
        for dark in [false, true] {
            let colors: Vec<Rgb> = EventKind::ALL.iter().map(|k| kind_rgb(*k, dark)).collect();
            for (i, a) in colors.iter().enumerate() {
                assert!(colors[i + 1..].iter().all(|b| b != a));
            }
            let meeting = kind_rgb(EventKind::Meeting, dark);
            assert_ne!(muted_rgb(meeting, dark), meeting);
        }
    }

    /// WCAG contrast ratio of two colours, 1 to 21.
    fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
        let luminance = |(r, g, b): Rgb| {
            let linear = |c: u8| {
                let c = f64::from(c) / 255.0;
                if c <= 0.040_45 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_unknown_kind_is_neutral_and_never_the_faintest() {
        // Imported events whose kind no one gave are drawn in it, most with an unknown
        // status (muted): grey must tell them apart, not faintness.
        for (dark, background) in [(true, (27, 27, 27)), (false, (248, 248, 248))] {
            let other = kind_rgb(EventKind::Other, dark);
            let spread = [other.0, other.1, other.2]
                .iter()
                .max()
                .copied()
                .unwrap_or(0)
                - [other.0, other.1, other.2]
                    .iter()
                    .min()
                    .copied()
                    .unwrap_or(0);
            assert!(spread <= 16, "{other:?} is not a neutral grey");
            for muted in [false, true] {
                let look = |c: Rgb| if muted { muted_rgb(c, dark) } else { c };
                let ours = contrast_ratio(look(other), background);
                for kind in EventKind::ALL {
                    let theirs = contrast_ratio(look(kind_rgb(kind, dark)), background);
                    assert!(
                        ours >= theirs,
                        "dark {dark}, muted {muted}: other {ours:.2} < {kind:?} {theirs:.2}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_on_fills_contrasts() {
        // Held talks in the light theme (teal 0,128,112) and meetings in the dark one.
        assert_eq!(contrast_text((0, 128, 112)), (255, 255, 255));
        assert_eq!(contrast_text((94, 156, 255)), (0, 0, 0));
        assert_eq!(contrast_text((255, 255, 255)), (0, 0, 0));
        assert_eq!(contrast_text((0, 0, 0)), (255, 255, 255));
        // The ratio's ends, and WCAG's own example of the threshold: #767676 on white.
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio((9, 9, 9), (9, 9, 9)) - 1.0).abs() < 1e-9);
        assert!(contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) >= 4.5);
        assert!(contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) < 4.5);
        // Whatever the fill, the text chosen for it has at least 4.5:1: every grey, and
        // every colour on a coarse grid of the cube.
        let grid = (0..=255_u8).step_by(15);
        for r in grid.clone() {
            for g in grid.clone() {
                for b in grid.clone() {
                    let fill = (r, g, b);
                    assert!(contrast_ratio(contrast_text(fill), fill) >= MIN_TEXT_CONTRAST);
                }
            }
        }
        for v in 0..=255_u8 {
            let fill = (v, v, v);
            assert!(contrast_ratio(contrast_text(fill), fill) >= MIN_TEXT_CONTRAST);
        }
    }

    #[test]
    fn muted_labels_recede_but_keep_their_contrast() {
        // egui's dark theme: grey 140 text on the grey 10 canvas; light: 80 on white.
        for (text, canvas) in [
            ((140, 140, 140), (10, 10, 10)),
            ((80, 80, 80), (255, 255, 255)),
        ] {
            let muted = label_rgb(text, canvas, true);
            assert_ne!(muted, text, "muted text differs");
            assert!(contrast_ratio(muted, canvas) >= MIN_TEXT_CONTRAST);
            assert!(contrast_ratio(muted, canvas) < contrast_ratio(text, canvas));
            assert_eq!(label_rgb(text, canvas, false), text);
        }
    }

    #[test]
    fn markers_have_their_corners() {
        let n = |s| marker_polygon(s, 0.0, 0.0, 6.0).len();
        assert_eq!(n(MarkerShape::Circle), 16);
        assert_eq!(n(MarkerShape::TriangleUp), 3);
        assert_eq!(n(MarkerShape::Hexagon), 6);
        // Triangle up: its first corner is straight above the centre (y down).
        let top = marker_polygon(MarkerShape::TriangleUp, 0.0, 0.0, 6.0)[0];
        assert!(top.0.abs() < 1e-9 && top.1 < 0.0);
    }
}
