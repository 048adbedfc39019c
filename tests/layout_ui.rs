//! The window's layout gives the timeline the room: the details pane takes none while
//! nothing is selected and can be closed, the side panel can be hidden, and at 1024×700
//! the timeline keeps at least 55 % of the width.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::{Selected, panel_layout::MIN_TIMELINE_SHARE};
use detente::model::Id;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(width: f32, height: f32) -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    harness
}

fn timeline_width(harness: &Harness<'_, DetenteApp>) -> f32 {
    harness.get_by_label("Timeline").rect().width()
}

fn select_miami(harness: &mut Harness<'_, DetenteApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Action::Select(Selected::Event("ev-miami-talks".into())),
    );
    harness.run();
}

#[test]
fn with_nothing_selected_the_details_take_no_room() {
    let mut harness = harness(1024.0, 700.0);
    assert!(harness.state().selection().primary().is_none());
    assert!(!harness.state().details_shown());
    assert!(harness.query_by_label("◀ Back").is_none());
    let alone = timeline_width(&harness);
    select_miami(&mut harness);
    assert!(harness.state().details_shown());
    harness.get_by_label("◀ Back");
    let with_details = timeline_width(&harness);
    // What was in view stays in view: the event just chosen is not pushed under the pane.
    let timeline = harness.get_by_label("Timeline").rect();
    let app = harness.state();
    let miami = app
        .timeline()
        .item_rect(app.document(), "ev-miami-talks")
        .unwrap();
    assert!(
        miami.right() <= timeline.right(),
        "{miami:?} is cut by the details pane at {}",
        timeline.right()
    );
    assert!(with_details < alone, "{with_details} < {alone}");
    // Even with both panels, the timeline keeps more than half of a 1024-pt window.
    assert!(
        with_details / 1024.0 >= MIN_TIMELINE_SHARE - 0.01,
        "the timeline is {with_details} of 1024"
    );
}

#[test]
fn the_details_close_and_the_next_selection_opens_them() {
    let mut harness = harness(1024.0, 700.0);
    select_miami(&mut harness);
    harness.get_by_label("Close details").click();
    harness.run();
    assert!(!harness.state().details_shown());
    assert!(harness.query_by_label("◀ Back").is_none());
    // The selection stays: only the pane went.
    assert!(harness.state().selection().primary().is_some());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::Select(Selected::Actor(Id::new("a-witkoff"))));
    harness.run();
    assert!(harness.state().details_shown());
}

#[test]
fn the_side_panel_hides_and_comes_back() {
    let mut harness = harness(1024.0, 700.0);
    let with_panel = timeline_width(&harness);
    harness.get_by_label("Hide side panel").click();
    harness.run();
    assert!(harness.query_by_label("Participants").is_none());
    let without = timeline_width(&harness);
    assert!(without > with_panel + 150.0, "{without} vs {with_panel}");
    harness.get_by_label("Show side panel").click();
    harness.run();
    harness.get_by_label("Participants");
    // Ctrl+B does the same.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    assert!(harness.query_by_label("Participants").is_none());
}

/// Every control of the timeline's toolbar is on the row of "Group by", inside the window.
fn assert_toolbar_on_one_row(harness: &Harness<'_, DetenteApp>, labels: &[&str]) {
    let row = harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Group by")
        .rect();
    for label in labels {
        // "Legend" is in the status bar too.
        let on_row = harness.query_all_by_label(label).any(|node| {
            let rect = node.rect();
            (rect.center().y - row.center().y).abs() < 4.0 && rect.right() <= 1024.0
        });
        assert!(on_row, "{label} is on another row or cut off");
    }
}

#[test]
fn the_toolbar_stays_on_one_row_at_1024() {
    let mut harness = harness(1024.0, 700.0);
    assert_toolbar_on_one_row(&harness, &["Fit", "Legend", "✎ Drag to edit"]);
    // Lanes add the lane order box, and the details pane takes its share: the words give
    // way, the controls stay.
    harness
        .state_mut()
        .timeline_mut()
        .set_mode(detente::layout::LaneMode::Participant);
    select_miami(&mut harness);
    assert_toolbar_on_one_row(&harness, &["Lane order", "Fit", "Legend", "✎ Edit"]);
}

#[test]
fn help_explains_marks_and_grades() {
    let mut harness = harness(1024.0, 700.0);
    harness.key_press(egui::Key::F1);
    harness.run();
    harness.get_by_label("Getting started");
    harness.get_by_label_contains("Admiralty code");
    harness.get_by_label_contains("Three things to try first");
    // The legend is one click from the status bar.
    let legend_buttons = harness.query_all_by_label("Legend").count();
    assert!(legend_buttons >= 2, "toolbar and status bar");
}

fn drag(harness: &mut Harness<'_, DetenteApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
    for step in 1..=8 {
        let pos = from + (to - from) * (step as f32 / 8.0);
        harness.event(egui::Event::PointerMoved(pos));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
}

#[test]
fn a_dragged_side_panel_keeps_its_width_next_time() {
    let dir = std::env::temp_dir().join(format!("detente-layout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let launch = || {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1024.0, 700.0))
            .build_ui_state(
                |ui, app: &mut DetenteApp| app.ui(ui),
                DetenteApp::launch(None, Some(dir.clone())),
            );
        harness.run();
        harness
    };
    let mut harness = launch();
    assert_eq!(harness.state().settings().panels.side_width, None);
    let edge = harness.get_by_label("Timeline").rect().left();
    drag(
        &mut harness,
        egui::pos2(edge - 1.0, 400.0),
        egui::pos2(edge + 80.0, 400.0),
    );
    assert!(harness.state().settings().panels.side_width.is_some());
    let dragged = harness.get_by_label("Timeline").rect().left();
    assert!(
        (dragged - (edge + 80.0)).abs() < 4.0,
        "{dragged}, from {edge}"
    );
    drop(harness);
    let harness = launch();
    let edge_again = harness.get_by_label("Timeline").rect().left();
    assert!(
        (edge_again - dragged).abs() < 1.0,
        "{edge_again} vs {dragged}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_filter_counts_wrap_between_counts_not_inside_one() {
    let mut harness = harness(1024.0, 700.0);
    let filter = detente::model::Filter {
        statuses: vec![detente::model::EventStatus::Expected],
        ..Default::default()
    };
    harness.state_mut().set_filter(filter);
    harness.run();
    // Each count is one piece: "Showing 2 of 5" was left on one line and "events" on the next.
    let first = harness.get_by_label("Showing 2 of 5 events").rect();
    assert!(first.height() < 24.0, "one line: {first:?}");
    harness.get_by_label("· 2 of 6 positions");
}
