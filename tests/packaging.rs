//! The Linux desktop files in `packaging/linux/` agree with each other, with the app and
//! with CHANGELOG.md, and pass `desktop-file-validate` and `appstreamcli validate` where
//! those are installed (`.ci/run` installs them; elsewhere the test says it skipped them).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::Command;

use detente::ui::window_icon::APP_ID;

const MIME_TYPE: &str = "application/x-detente-project";
const BINARY: &str = "detente";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn linux_dir() -> PathBuf {
    root().join("packaging/linux")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `key` in the .desktop file's `[Desktop Entry]` group.
fn desktop_key(key: &str) -> String {
    let text = read(&linux_dir().join(format!("{APP_ID}.desktop")));
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('=').map(str::to_owned))
        .unwrap_or_else(|| panic!("the .desktop file has no {key}"))
}

#[test]
fn the_desktop_file_launches_the_binary_with_the_app_ids_icon_and_mime_type() {
    assert_eq!(desktop_key("Exec"), format!("{BINARY} %f"));
    assert_eq!(desktop_key("Icon"), APP_ID);
    assert_eq!(desktop_key("MimeType"), format!("{MIME_TYPE};"));
    // X11 windows are matched to launchers by WM_CLASS, which winit sets to the binary's name.
    assert_eq!(desktop_key("StartupWMClass"), BINARY);
    assert_eq!(desktop_key("Terminal"), "false");
}

#[test]
fn the_mime_type_claims_project_files_by_their_double_extension() {
    let text = read(&linux_dir().join(format!("{APP_ID}.xml")));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mime = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .unwrap();
    assert_eq!(mime.attribute("type"), Some(MIME_TYPE));
    let globs: Vec<&str> = mime
        .children()
        .filter(|n| n.has_tag_name("glob"))
        .filter_map(|n| n.attribute("pattern"))
        .collect();
    assert_eq!(globs, ["*.detente.ron"]);
}

fn metainfo() -> String {
    read(&linux_dir().join(format!("{APP_ID}.metainfo.xml")))
}

fn element_text<'a>(doc: &'a roxmltree::Document<'_>, tag: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter_map(|n| n.text())
        .collect()
}

#[test]
fn the_metainfo_names_the_app_id_its_launcher_binary_and_mime_type() {
    let text = metainfo();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(element_text(&doc, "id"), [APP_ID]);
    assert_eq!(
        element_text(&doc, "launchable"),
        [format!("{APP_ID}.desktop")]
    );
    assert_eq!(element_text(&doc, "binary"), [BINARY]);
    assert_eq!(element_text(&doc, "mediatype"), [MIME_TYPE]);
    assert_eq!(
        element_text(&doc, "project_license"),
        [env!("CARGO_PKG_LICENSE")]
    );
}

/// The `(version, date)` of each `## [VERSION] - DATE` heading of CHANGELOG.md, newest first.
fn changelog_releases() -> Vec<(String, String)> {
    read(&root().join("CHANGELOG.md"))
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("## [")?;
            let (version, date) = rest.split_once("] - ")?;
            Some((version.to_owned(), date.trim().to_owned()))
        })
        .collect()
}

#[test]
fn the_metainfo_releases_are_the_changelogs() {
    let text = metainfo();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let releases: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("release"))
        .map(|n| {
            let attribute = |name| n.attribute(name).unwrap_or_default().to_owned();
            (attribute("version"), attribute("date"))
        })
        .collect();
    let changelog = changelog_releases();
    assert!(!changelog.is_empty(), "CHANGELOG.md lists no release");
    assert_eq!(releases, changelog);
    assert!(
        changelog
            .iter()
            .any(|(version, _)| version == env!("CARGO_PKG_VERSION")),
        "CHANGELOG.md has no section for version {}",
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn the_hicolor_icons_are_the_assets_icons() {
    let hicolor = linux_dir().join("icons/hicolor");
    for size_px in [16, 24, 32, 48, 64, 128, 256, 512] {
        let themed = hicolor.join(format!("{size_px}x{size_px}/apps/{APP_ID}.png"));
        let asset = root().join(format!("assets/icon/detente-{size_px}.png"));
        assert!(
            std::fs::read(&themed).unwrap() == std::fs::read(&asset).unwrap(),
            "{} differs from {}: run `cargo run --example render_icon`",
            themed.display(),
            asset.display()
        );
    }
    let scalable = hicolor.join(format!("scalable/apps/{APP_ID}.svg"));
    assert_eq!(
        read(&scalable),
        read(&root().join("assets/icon/detente.svg"))
    );
}

/// Runs a validator on `file` if it is installed: its output on failure, or None when it is
/// missing (the test then prints that it skipped it).
fn validate(program: &str, args: &[&str], file: &Path) -> Option<Result<(), String>> {
    let output = match Command::new(program).args(args).arg(file).output() {
        Ok(output) => output,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            println!("SKIPPED: {program} is not installed");
            return None;
        }
        Err(err) => panic!("{program}: {err}"),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(if output.status.success() {
        Ok(())
    } else {
        Err(text)
    })
}

#[test]
fn desktop_file_validate_accepts_the_desktop_file() {
    let file = linux_dir().join(format!("{APP_ID}.desktop"));
    if let Some(result) = validate("desktop-file-validate", &[], &file) {
        result.unwrap();
    }
}

#[test]
fn appstreamcli_accepts_the_metainfo() {
    let file = linux_dir().join(format!("{APP_ID}.metainfo.xml"));
    if let Some(result) = validate("appstreamcli", &["validate", "--no-net"], &file) {
        result.unwrap();
    }
}
