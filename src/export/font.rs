//! The font of exported images, and text widths measured from it.
//!
//! DejaVu Sans ships with the app (Bitstream Vera licence, free to embed). Images name it
//! first and the PNG renderer is given only it, so a PNG looks the same on every machine, and
//! labels are cut to the widths its own advances give rather than to a guessed average.

use std::sync::OnceLock;

/// DejaVu Sans, also the app's fallback font.
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name inside [`DEJAVU_SANS`].
pub const FAMILY: &str = "DejaVu Sans";

/// Advance of a character the font lacks, in ems: about the widest lower-case letter, so
/// that a label with unknown glyphs is cut early rather than overrun its neighbour.
const FALLBACK_ADVANCE_EM: f64 = 0.65;

/// Advances in ems: ASCII precomputed, the rest looked up in the face.
struct Metrics {
    face: Option<ttf_parser::Face<'static>>,
    ascii: [f64; 128],
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = ttf_parser::Face::parse(DEJAVU_SANS, 0).ok();
        let mut ascii = [FALLBACK_ADVANCE_EM; 128];
        if let Some(face) = &face {
            for (code, slot) in ascii.iter_mut().enumerate() {
                if let Some(c) = char::from_u32(code as u32) {
                    *slot = advance_em(face, c);
                }
            }
        }
        Metrics { face, ascii }
    })
}

fn advance_em(face: &ttf_parser::Face<'_>, c: char) -> f64 {
    let units = f64::from(face.units_per_em().max(1));
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .map_or(FALLBACK_ADVANCE_EM, |a| f64::from(a) / units)
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
                .map_or(FALLBACK_ADVANCE_EM, |f| advance_em(f, c)),
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
    fn truncation_fits_and_marks_the_cut() {
        let text = "US–Russia talks in Miami";
        assert_eq!(truncate_to_width(text, 12.0, 1000.0), text);
        let cut = truncate_to_width(text, 12.0, 80.0);
        assert!(cut.ends_with('…') && cut.len() < text.len(), "{cut}");
        assert!(text_width(&cut, 12.0) <= 80.0);
        assert_eq!(truncate_to_width(text, 12.0, 5.0), "");
    }
}
