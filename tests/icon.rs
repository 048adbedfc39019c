//! The committed icon files are what `examples/render_icon.rs` makes from
//! `assets/icon/detente.svg`: each PNG is the size its name says and looks like a fresh render
//! of the SVG, and the .ico holds the PNGs of every size Windows uses.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

const PNG_SIZES_PX: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES_PX: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

/// Anti-aliased edges may shift by a level or two between resvg versions; a changed drawing
/// moves shapes or colours. Every channel of every pixel within 24 of the fresh render (a
/// tenth of 255) lets the first through and stops a shape moved by 1/256 of the side (edge
/// pixels then differ by 186 at 512 px: `a_moved_mark_fails_the_comparison`); a mean within
/// 1 stops a colour changed all over by a few levels, which no single pixel shows.
const MAX_CHANNEL_DIFFERENCE: u8 = 24;
const MAX_MEAN_DIFFERENCE: f64 = 1.0;

fn icon_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon")
}

/// Width, height and RGBA bytes of a PNG.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba, "an RGBA image");
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "8 bits a channel");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The largest and the mean difference between two images' channels.
fn differences(a: &[u8], b: &[u8]) -> (u8, f64) {
    assert_eq!(a.len(), b.len(), "images of one size");
    let max = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y)).max();
    let sum: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| f64::from(x.abs_diff(*y)))
        .sum();
    (max.unwrap_or(0), sum / a.len().max(1) as f64)
}

/// The SVG rendered at `size_px`, as `examples/render_icon.rs` renders it.
fn fresh_render(size_px: u32) -> Vec<u8> {
    let svg = std::fs::read_to_string(icon_dir().join("detente.svg")).unwrap();
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(size_px, size_px).unwrap();
    let scale = size_px as f32 / tree.size().width();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().unwrap()
}

#[test]
fn every_png_is_its_size_and_matches_the_svg() {
    for size_px in PNG_SIZES_PX {
        let path = icon_dir().join(format!("detente-{size_px}.png"));
        let (width, height, committed) = decode(&std::fs::read(&path).unwrap());
        assert_eq!((width, height), (size_px, size_px), "{}", path.display());
        let (_, _, fresh) = decode(&fresh_render(size_px));
        let (max, mean) = differences(&committed, &fresh);
        assert!(
            max <= MAX_CHANNEL_DIFFERENCE && mean <= MAX_MEAN_DIFFERENCE,
            "{} differs from a fresh render of detente.svg (largest difference {max}, mean \
             {mean:.3}): run `cargo run --example render_icon`",
            path.display()
        );
    }
}

#[test]
fn a_moved_mark_fails_the_comparison() {
    // The tolerance is not so loose that it passes a changed drawing.
    let svg = std::fs::read_to_string(icon_dir().join("detente.svg")).unwrap();
    let moved = svg.replacen("<path ", r#"<path transform="translate(1 0)" "#, 1);
    assert_ne!(svg, moved, "the icon's marks are paths");
    let tree = usvg::Tree::from_str(&moved, &usvg::Options::default()).unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(512, 512).unwrap();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    let (_, _, changed) = decode(&pixmap.encode_png().unwrap());
    let (_, _, fresh) = decode(&fresh_render(512));
    let (max, mean) = differences(&changed, &fresh);
    println!("a mark moved by 1/256: largest difference {max}, mean {mean:.3}");
    assert!(max > MAX_CHANNEL_DIFFERENCE);
}

/// The (width, height, image bytes) of each entry of an .ico file.
fn ico_entries(ico: &[u8]) -> Vec<(u32, u32, Vec<u8>)> {
    let u16_at = |at: usize| u16::from_le_bytes([ico[at], ico[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(ico[at..at + 4].try_into().unwrap());
    assert_eq!((u16_at(0), u16_at(2)), (0, 1), "an icon file's header");
    (0..usize::from(u16_at(4)))
        .map(|i| {
            let entry = 6 + 16 * i;
            // 0 stands for 256: the fields are one byte.
            let side = |byte: u8| if byte == 0 { 256 } else { u32::from(byte) };
            let (len, offset) = (u32_at(entry + 8) as usize, u32_at(entry + 12) as usize);
            (
                side(ico[entry]),
                side(ico[entry + 1]),
                ico[offset..offset + len].to_vec(),
            )
        })
        .collect()
}

#[test]
fn the_ico_holds_the_pngs_of_every_windows_size() {
    let ico = std::fs::read(icon_dir().join("detente.ico")).unwrap();
    let entries = ico_entries(&ico);
    let sizes: Vec<u32> = entries.iter().map(|(w, _, _)| *w).collect();
    assert_eq!(sizes, ICO_SIZES_PX);
    for (width, height, image) in entries {
        assert_eq!(width, height);
        let png = std::fs::read(icon_dir().join(format!("detente-{width}.png"))).unwrap();
        assert!(
            image == png,
            "the .ico's {width} px image is not detente-{width}.png: run `cargo run --example render_icon`"
        );
    }
}
