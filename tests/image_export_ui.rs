//! File ▸ Export ▸ Timeline image… in the app: the dialog's choices, and an export written by
//! the background task path for the current view and for the whole project.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::export::ExportFormat;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

/// Steps the app until `done` holds (the export runs on a thread).
fn run_until(harness: &mut Harness<'_, DetenteApp>, done: impl Fn() -> bool) {
    for _ in 0..300 {
        harness.run_steps(2);
        // Also until the UI settles: the file exists once renamed into place, while the
        // export task may still be flushing the folder, and its spinner keeps repainting
        // (the next `harness.run()` then failed under load).
        if done() && harness.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("timed out");
}

fn svg_width_and_subtitle(path: &std::path::Path) -> (String, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let width = doc.root_element().attribute("width").unwrap().to_owned();
    let subtitle = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .find(|t| t.contains(" events"))
        .unwrap()
        .to_owned();
    (width, subtitle)
}

#[test]
fn the_image_dialog_exports_the_view_or_the_whole_project() {
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::ImageExportDialog);
    harness.run();
    // Every control is named, for screen readers and for this test.
    for name in [
        "PNG",
        "SVG",
        "Current view",
        "Whole project",
        "Light (print)",
        "Dark",
        "Show the legend",
        "Export…",
        "Cancel",
    ] {
        harness.get_by_label(name);
    }
    harness.get_by_label("SVG").click();
    harness.get_by_label("1024").click();
    harness.run();

    let dir = std::env::temp_dir().join(format!("detente-image-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let view = dir.join("view.svg");
    harness
        .state_mut()
        .apply(&ctx, Action::ExportPath(ExportFormat::Svg, view.clone()));
    run_until(&mut harness, || view.exists());
    let (width, subtitle) = svg_width_and_subtitle(&view);
    assert_eq!(width, "1024");
    assert!(subtitle.starts_with("5 events"), "{subtitle}");

    // The choices stay for the next export; now the whole project as a PNG.
    harness.state_mut().apply(&ctx, Action::ImageExportDialog);
    harness.run();
    harness.get_by_label("Whole project").click();
    harness.run();
    let whole = dir.join("whole.png");
    harness
        .state_mut()
        .apply(&ctx, Action::ExportPath(ExportFormat::Png, whole.clone()));
    run_until(&mut harness, || whole.exists());
    let bytes = std::fs::read(&whole).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    // The format comes from the file chosen, the width from the dialog.
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    assert_eq!(decoder.read_info().unwrap().info().width, 1024);
    let _ = std::fs::remove_dir_all(&dir);
}
