//! The timeline image as a PNG: its SVG rendered by resvg (usvg and tiny-skia), with the
//! bundled DejaVu Sans as the only font, so that text looks the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::svg::{TimelineImageOptions, timeline_svg};
use super::{ExportError, font};
use crate::model::Project;

/// Larger than any page this module makes at [`MAX_WIDTH_PX`] with [`MAX_LANES`] lanes
/// (10,000 × ~8,000); a 100-megapixel RGBA buffer is 400 MB.
const MAX_PNG_PIXELS: u64 = 100_000_000;

/// The timeline as a PNG: the SVG rendered by resvg, with DejaVu Sans as its only font so
/// that text looks the same on every machine.
pub fn timeline_png(
    project: &Project,
    options: &TimelineImageOptions,
) -> Result<Vec<u8>, ExportError> {
    render_png(&timeline_svg(project, options))
}

fn render_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let err = |message: String| ExportError::Encode {
        format: "png",
        message,
    };
    let options = usvg::Options {
        font_family: font::FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| err(e.to_string()))?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    if u64::from(w) * u64::from(h) > MAX_PNG_PIXELS {
        return Err(err(format!("{w} × {h} pixels is too large an image")));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| err(format!("cannot make a {w} × {h} image")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| err(e.to_string()))
}

/// DejaVu Sans alone, loaded once; every family the SVG names falls back to it.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(font::DEJAVU_SANS.to_vec());
        db.set_sans_serif_family(font::FAMILY);
        db.set_serif_family(font::FAMILY);
        Arc::new(db)
    })
    .clone()
}
