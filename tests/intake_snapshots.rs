//! Snapshot images of article intake's dialogs (issue 14) at the two window sizes the app
//! must work at, in both themes: the review of the seed report's hand-built proposals
//! (fixtures/seed_proposals.rs) with one event's words focused, and the input dialog filled
//! with the seed. Update with `UPDATE_SNAPSHOTS=1 cargo test --test intake_snapshots`, then
//! look at the images in `tests/snapshots/` before committing them.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

#[path = "fixtures/seed_proposals.rs"]
mod seed;

use detente::app::intake_review::Review;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(size: egui::Vec2, theme: egui::Theme) -> Harness<'static, DetenteApp> {
    // The sample behind the dialog: an empty project's timeline is drawn around today, which
    // would change the image from day to day.
    let app = DetenteApp::new(None);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

fn review(size: egui::Vec2, theme: egui::Theme, name: &str) -> egui_kittest::SnapshotResult {
    let mut harness = harness(size, theme);
    let ctx = harness.ctx.clone();
    let review = Review::new(seed::article(), seed::proposals());
    harness
        .state_mut()
        .apply(&ctx, Action::ReviewReport(Box::new(review)));
    harness.run();
    // The Miami talks' words underlined in the text; one claim rejected (struck through).
    for label in ["US–Russia talks in Miami — New event", "Reject claim 1"] {
        harness.get_by_label(label).scroll_to_me();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
    }
    harness.try_snapshot(name)
}

#[test]
fn the_review_at_both_sizes_and_themes() {
    let small = egui::vec2(1024.0, 700.0);
    let large = egui::vec2(1920.0, 1080.0);
    let mut results = egui_kittest::SnapshotResults::new();
    for (size, theme, name) in [
        (small, egui::Theme::Dark, "intake_review_1024_dark"),
        (small, egui::Theme::Light, "intake_review_1024_light"),
        (large, egui::Theme::Dark, "intake_review_1920_dark"),
        (large, egui::Theme::Light, "intake_review_1920_light"),
    ] {
        results.add(review(size, theme, name));
    }
    results.unwrap();
}

#[test]
fn the_input_dialog_filled_with_the_seed() {
    let mut harness = harness(egui::vec2(1024.0, 700.0), egui::Theme::Light);
    let ctx = harness.ctx.clone();
    let dir = std::env::temp_dir().join(format!("detente-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("xinhua-2025-12-18.txt");
    std::fs::write(&path, seed::SEED).unwrap();
    harness
        .state_mut()
        .apply(&ctx, Action::AddReportFile(path.clone()));
    harness.run();
    std::fs::remove_dir_all(&dir).unwrap();
    // The file's name is in the dialog: the same name on every run.
    let result = harness.try_snapshot("intake_input_1024_light");
    result.unwrap();
}
