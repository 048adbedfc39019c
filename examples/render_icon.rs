//! Renders the Detente icon from its SVG source: `cargo run --example render_icon`.
//!
//! Writes `assets/icon/detente-NN.png` for every size in [`PNG_SIZES_PX`] and
//! `assets/icon/detente.ico` holding the sizes in [`ICO_SIZES_PX`], and copies the PNGs and the
//! SVG into the hicolor tree under `packaging/linux/icons/`. The outputs are committed;
//! `tests/icon.rs` checks that they still match a fresh render of the SVG, so run this after
//! changing `assets/icon/detente.svg`.

use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

/// The sizes desktops ask for: 16–48 for menus, title bars and taskbars, 64–512 for
/// launchers, docks and software centres (hicolor has folders for each).
const PNG_SIZES_PX: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// An .ico entry is at most 256 px (its width is one byte, 0 meaning 256); Windows picks
/// 16, 24, 32 and 48 for Explorer's views and 256 for its largest.
const ICO_SIZES_PX: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

/// The reverse-DNS id the .desktop file, the metainfo and the window share.
const APP_ID: &str = "io.github.detente.Detente";

fn main() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let icon_dir = root.join("assets/icon");
    let svg_path = icon_dir.join("detente.svg");
    let svg = std::fs::read_to_string(&svg_path)
        .map_err(|e| format!("{}: cannot read: {e}", svg_path.display()))?;
    let hicolor = root.join("packaging/linux/icons/hicolor");
    let mut ico_images = Vec::new();
    for size_px in PNG_SIZES_PX {
        let png = render_png(&svg, size_px)?;
        write(&icon_dir.join(format!("detente-{size_px}.png")), &png)?;
        let themed = hicolor.join(format!("{size_px}x{size_px}/apps/{APP_ID}.png"));
        write(&themed, &png)?;
        if ICO_SIZES_PX.contains(&size_px) {
            ico_images.push((size_px, png));
        }
    }
    write(
        &hicolor.join(format!("scalable/apps/{APP_ID}.svg")),
        svg.as_bytes(),
    )?;
    write(&icon_dir.join("detente.ico"), &ico_file(&ico_images)?)?;
    Ok(())
}

/// The SVG rendered at `size_px` × `size_px`, as PNG bytes.
fn render_png(svg: &str, size_px: u32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(size_px, size_px).ok_or("cannot make the pixmap")?;
    let scale = size_px as f32 / tree.size().width();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// An .ico file whose entries are PNGs (read by Windows since Vista, and by `rc.exe`):
/// a 6-byte header, a 16-byte directory entry per image, then the images.
fn ico_file(images: &[(u32, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let count = u16::try_from(images.len()).map_err(|_| "too many images")?;
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_le_bytes()); // reserved
    out.extend_from_slice(&1u16.to_le_bytes()); // 1: icon (2 would be a cursor)
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * images.len();
    for (size_px, png) in images {
        // 256 is written as 0: the field is one byte.
        let side = u8::try_from(*size_px).unwrap_or(0);
        out.extend_from_slice(&[side, side, 0, 0]); // width, height, no palette, reserved
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        let len = u32::try_from(png.len()).map_err(|_| "image too large")?;
        out.extend_from_slice(&len.to_le_bytes());
        let at = u32::try_from(offset).map_err(|_| "file too large")?;
        out.extend_from_slice(&at.to_le_bytes());
        offset += png.len();
    }
    for (_, png) in images {
        out.extend_from_slice(png);
    }
    Ok(out)
}

fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}
