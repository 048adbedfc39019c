//! Snapshot images of the sample in each lane mode, rendered with wgpu (Mesa's software
//! drivers on CI), so that a visual regression fails the build.
//!
//! Update after an intended change with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! then look at the new images in `tests/snapshots/` before committing them.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::layout::LaneMode;
use detente::ui::DetenteApp;
use egui_kittest::Harness;

fn snapshot(mode: LaneMode, theme: egui::Theme, name: &str) -> egui_kittest::SnapshotResult {
    let mut app = DetenteApp::new(None);
    app.timeline_mut().set_mode(mode);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_theme(theme)
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness.try_snapshot(name)
}

#[test]
fn lane_modes_dark() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (mode, name) in [
        (LaneMode::None, "lanes_none_dark"),
        (LaneMode::Participant, "lanes_participant_dark"),
        (LaneMode::Location, "lanes_location_dark"),
        (LaneMode::Kind, "lanes_kind_dark"),
        (LaneMode::Status, "lanes_status_dark"),
        (LaneMode::Tag, "lanes_tag_dark"),
    ] {
        results.add(snapshot(mode, egui::Theme::Dark, name));
    }
    results.unwrap();
}

#[test]
fn participant_lanes_light() {
    snapshot(
        LaneMode::Participant,
        egui::Theme::Light,
        "lanes_participant_light",
    )
    .unwrap();
}
