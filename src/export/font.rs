//! The font of exported images, and text widths measured from it.
//!
//! DejaVu Sans ships with the app (Bitstream Vera licence, free to embed). Images name it
//! first and the PNG renderer is given only it, so a PNG looks the same on every machine, and
//! labels are cut to the widths its own advances give rather than to a guessed average.

use std::sync::OnceLock;

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans, also the app's fallback font.
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name inside [`DEJAVU_SANS`].
pub const FAMILY: &str = "DejaVu Sans";

/// Advance of a character the font lacks, in ems: about the widest lower-case letter, so
/// that a label with unknown glyphs is cut early rather than overrun its neighbour.
const FALLBACK_ADVANCE_EM: f64 = 0.65;

/// Advances in ems: ASCII precomputed, the rest looked up in the face.
struct Metrics {
    face: Option<Face>,
    ascii: [f64; 128],
}

/// What measuring needs of the font, read once: its character map and horizontal metrics
/// (in font units, `Size::unscaled`, divided by `units_per_em` here so that a digit is
/// exactly 1303/2048 em).
struct Face {
    charmap: Charmap<'static>,
    glyph_metrics: GlyphMetrics<'static>,
    units_per_em: f64,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(data).ok()?;
        let units_per_em = font
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em;
        Some(Self {
            charmap: font.charmap(),
            glyph_metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em: f64::from(units_per_em.max(1)),
        })
    }

    fn advance_em(&self, c: char) -> f64 {
        self.charmap
            .map(c)
            .and_then(|g| self.glyph_metrics.advance_width(g))
            .map_or(FALLBACK_ADVANCE_EM, |a| f64::from(a) / self.units_per_em)
    }
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = Face::parse(DEJAVU_SANS);
        let mut ascii = [FALLBACK_ADVANCE_EM; 128];
        if let Some(face) = &face {
            for (code, slot) in ascii.iter_mut().enumerate() {
                if let Some(c) = char::from_u32(code as u32) {
                    *slot = face.advance_em(c);
                }
            }
        }
        Metrics { face, ascii }
    })
}

/// Whether the bundled font has a glyph for `c` (the timeline's badge glyph is checked).
pub fn has_glyph(c: char) -> bool {
    metrics()
        .face
        .as_ref()
        .is_some_and(|f| f.charmap.map(c).is_some())
}

/// Width of `text` at `size` px in DejaVu Sans (kerning ignored: it moves a label by well
/// under a pixel).
pub fn text_width(text: &str, size: f64) -> f64 {
    let m = metrics();
    let ems: f64 = text
        .chars()
        .map(|c| match m.ascii.get(c as usize) {
            Some(a) => *a,
            None => m
                .face
                .as_ref()
                .map_or(FALLBACK_ADVANCE_EM, |f| f.advance_em(c)),
        })
        .sum();
    ems * size
}

/// `text` cut to at most `max_width` px at `size`, with an ellipsis when cut; empty when not
/// even the ellipsis and one character fit.
pub fn truncate_to_width(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = text_width("…", size);
    let mut out = String::new();
    let mut width = ellipsis;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if width + w > max_width {
            break;
        }
        width += w;
        out.push(c);
    }
    let out = out.trim_end();
    if out.is_empty() {
        String::new()
    } else {
        format!("{out}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // DejaVu Sans digits are 1303/2048 em wide.
        assert!((text_width("0", 2048.0) - 1303.0).abs() < 1e-9);
        assert!(text_width("WWW", 12.0) > text_width("iii", 12.0) * 2.0);
        // Non-ASCII letters are in the face too; a private-use character falls back.
        assert!(text_width("Ж", 12.0) > 0.0);
        assert!((text_width("\u{e000}", 10.0) - FALLBACK_ADVANCE_EM * 10.0).abs() < 1e-9);
    }

    #[test]
    fn advances_are_the_fonts_own_units() {
        // DejaVu Sans's hmtx advances over its 2048 units per em, as ttf-parser read them
        // before skrifa did (every mapped character compared equal when switching).
        for (text, units) in [
            ("W", 2025.0),
            ("i", 569.0),
            (" ", 651.0),
            ("Ж", 2206.0),
            ("é", 1260.0),
            ("→", 1716.0),
            ("€", 1303.0),
            ("…", 2048.0),
        ] {
            assert!((text_width(text, 2048.0) - units).abs() < 1e-9, "{text}");
        }
        assert!(has_glyph('≠') && has_glyph('é'));
        assert!(!has_glyph('\u{e000}'));
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let text = "US–Russia talks in Miami";
        assert_eq!(truncate_to_width(text, 12.0, 1000.0), text);
        let cut = truncate_to_width(text, 12.0, 80.0);
        assert!(cut.ends_with('…') && cut.len() < text.len(), "{cut}");
        assert!(text_width(&cut, 12.0) <= 80.0);
        assert_eq!(truncate_to_width(text, 12.0, 5.0), "");
    }
}
