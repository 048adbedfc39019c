//! Issue 15 in the import dialog: the "Encoding" menu (automatic, with what was detected,
//! or chosen; the preview re-read) and the "Member" menu of a zip archive of several files.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod support;

use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use support::{run_until, wait_for_preview};

fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn choose(harness: &mut Harness<'_, DetenteApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness.get_all_by_label(option).last().unwrap().click();
    // Steps, not `run`: the new preview's spinner repaints until its rows are in.
    harness.run_steps(2);
    wait_for_preview(harness);
}

#[test]
fn the_encoding_menu_names_the_detected_encoding_and_rereads_the_preview() {
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    let path = fixture("encodings/windows1252.csv");
    harness.state_mut().apply(&ctx, Action::ImportPath(path));
    wait_for_preview(&mut harness);
    // The menu's first entry names what was detected.
    choose(
        &mut harness,
        "Encoding",
        "Automatic (detected: Windows-1252)",
    );
    harness.get_by_label("Café summit ends");
    // Read as UTF-16LE, the odd bytes are no text: the preview says so.
    choose(&mut harness, "Encoding", "UTF-16LE");
    assert!(harness.query_by_label("Café summit ends").is_none());
    harness.get_by_label_contains("not UTF-16LE text");
    // UTF-8 chosen, the preview says where the file is not UTF-8.
    choose(&mut harness, "Encoding", "UTF-8");
    harness.get_by_label_contains("line 2, column 12");
    choose(
        &mut harness,
        "Encoding",
        "Automatic (detected: Windows-1252)",
    );
    harness.get_by_label("Café summit ends");
    harness.get_by_label("Import").click();
    run_until(&mut harness, |h| {
        h.query_by_label("Import report").is_some()
    });
    harness.get_by_label_contains("Read as Windows-1252 (detected)");
}

#[test]
fn a_zip_of_several_files_offers_its_members() {
    let mut harness = harness();
    harness.run();
    let ctx = harness.ctx.clone();
    let path = fixture("compressed/two_members.zip");
    harness.state_mut().apply(&ctx, Action::ImportPath(path));
    wait_for_preview(&mut harness);
    harness.get_by_role_and_label(Role::ComboBox, "Member");
    harness.get_by_label("Talks in Geneva");
    choose(&mut harness, "Member", "more/summits.csv");
    harness.get_by_label("Summit in Ankara");
    assert!(harness.query_by_label("Talks in Geneva").is_none());
}
