//! The window's identity for the desktop: its icon and its app id.

use std::sync::Arc;

/// The reverse-DNS id shared by the window (the Wayland app id), the .desktop file and the
/// AppStream metainfo in `packaging/linux/`, so that docks and task switchers match the
/// running window to its launcher and icon. On X11, where the window class is the binary's
/// name, the .desktop file's `StartupWMClass=detente` does the matching.
pub const APP_ID: &str = "io.github.detente.Detente";

/// 256 px: the largest size X11 and Windows title bars and task switchers take from a window,
/// scaled down by them for smaller uses (assets/icon/ has the other sizes).
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/detente-256.png");

/// The icon for the title bar and the task switcher (X11, Windows; Wayland and macOS take
/// the installed icon instead). None if the embedded PNG could not be decoded, which
/// `tests` below rule out: the window then has the platform's default icon.
pub fn icon() -> Option<Arc<egui::IconData>> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
        .ok()
        .map(Arc::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_icon_decodes_at_256_px() {
        let icon = icon().unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
