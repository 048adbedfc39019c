//! The As of bar: a date typed in its field, the keys that step from report to report, the
//! slider and Now; the project read-only meanwhile (issue 13, item 2).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod as_of_fixture;

use as_of_fixture::{UMEROV, event, miami_reports};
use detente::app::{Document, Origin};
use detente::model::EventStatus;
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(app: DetenteApp) -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run_steps(4);
    harness
}

fn shown_events(harness: &Harness<'_, DetenteApp>) -> usize {
    harness
        .state()
        .session()
        .view_document()
        .project()
        .events
        .len()
}

fn umerov_status(harness: &Harness<'_, DetenteApp>) -> Option<EventStatus> {
    event(harness.state().session().view_document().project(), UMEROV).map(|e| e.status)
}

fn step(harness: &mut Harness<'_, DetenteApp>, key: egui::Key) {
    harness.key_press_modifiers(egui::Modifiers::ALT | egui::Modifiers::SHIFT, key);
    harness.run_steps(4);
}

#[test]
fn a_day_typed_in_the_field_hides_what_came_later_and_now_restores_it() {
    let mut harness = harness(DetenteApp::new(None));
    let all = shown_events(&harness);
    assert!(all > 0);
    harness.get_by_label("As of date").click();
    harness.run_steps(2);
    harness.get_by_label("As of date").type_text("17 Dec 2025");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    // The sample is the report of 18 December: the day before, nothing was known.
    assert_eq!(shown_events(&harness), 0);
    assert!(harness.state().window_title().contains("as of 17 Dec 2025"));
    harness.get_by_label_contains("Read-only: as known on 17 Dec 2025");
    assert!(harness.state().filtered().result.events.is_empty());
    harness.get_by_label("Now").click();
    harness.run_steps(4);
    assert_eq!(shown_events(&harness), all);
    assert!(!harness.state().window_title().contains("as of"));
    assert!(harness.query_by_label_contains("Read-only").is_none());
}

#[test]
fn a_date_the_field_cannot_read_says_why() {
    let mut harness = harness(DetenteApp::new(None));
    harness.get_by_label("As of date").click();
    harness.run_steps(2);
    harness.get_by_label("As of date").type_text("18/12/2025");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    harness.get_by_label_contains("day/month");
    assert_eq!(harness.state().session().as_of_wanted(), None);
}

#[test]
fn the_keys_step_from_report_to_report_and_the_event_changes() {
    let doc = Document::new(miami_reports(), Origin::Untitled);
    let mut harness = harness(DetenteApp::from_document(doc));
    assert_eq!(umerov_status(&harness), Some(EventStatus::Held));
    step(&mut harness, egui::Key::ArrowLeft);
    assert!(harness.state().window_title().contains("as of 19 Dec 2025"));
    assert_eq!(umerov_status(&harness), Some(EventStatus::Held));
    step(&mut harness, egui::Key::ArrowLeft);
    assert!(harness.state().window_title().contains("as of 18 Dec 2025"));
    assert_eq!(umerov_status(&harness), Some(EventStatus::Expected));
    let on_18 = shown_events(&harness);
    step(&mut harness, egui::Key::ArrowRight);
    assert_eq!(umerov_status(&harness), Some(EventStatus::Held));
    assert_eq!(
        shown_events(&harness),
        on_18 + 1,
        "the dinner the 19th reported"
    );
    // Past the last report is now.
    step(&mut harness, egui::Key::ArrowRight);
    assert_eq!(harness.state().session().as_of_wanted(), None);
    // The buttons do the same.
    harness.get_by_label("Previous report").click();
    harness.run_steps(4);
    assert!(harness.state().window_title().contains("as of 19 Dec 2025"));
    harness.get_by_label("Report date");
}

#[test]
fn a_click_on_the_slider_picks_the_report_date_under_it() {
    let doc = Document::new(miami_reports(), Origin::Untitled);
    let mut harness = harness(DetenteApp::from_document(doc));
    // Three stops: 18 Dec, 19 Dec and now; the middle is the 19th.
    harness.get_by_label("Report date").click();
    harness.run_steps(4);
    assert!(harness.state().window_title().contains("as of 19 Dec 2025"));
    assert_eq!(
        harness
            .state()
            .session()
            .as_of_wanted()
            .map(detente::query::AsOf::edtf),
        Some("2025-12-19".to_owned())
    );
}

#[test]
fn a_large_project_is_projected_in_the_background() {
    let events = detente::app::as_of_view::INLINE_EVENTS + 1;
    let project = detente::generate::generate_project(events, 1);
    let days = detente::query::report_days(&project);
    let middle = days[days.len() / 2];
    let mut harness = harness(DetenteApp::from_document(Document::new(
        project,
        Origin::Untitled,
    )));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::SetAsOf(Some(middle)));
    assert!(harness.state().is_busy(), "a task, not the UI thread");
    assert_eq!(
        shown_events(&harness),
        events,
        "the old view until it is ready"
    );
    for _ in 0..600 {
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    harness.run_steps(2);
    let shown = shown_events(&harness);
    assert!(shown > 0 && shown < events, "{shown} of {events}");
    assert_eq!(
        harness.state().session().as_of_view().map(|v| v.as_of),
        Some(middle)
    );
}

#[test]
fn an_edit_while_as_of_is_on_is_refused_with_a_notice() {
    let doc = Document::new(miami_reports(), Origin::Untitled);
    let mut harness = harness(DetenteApp::from_document(doc));
    step(&mut harness, egui::Key::ArrowLeft);
    let ctx = harness.ctx.clone();
    let before = harness.state().document().project().actors.len();
    harness
        .state_mut()
        .apply(&ctx, Action::New(detente::model::EntityKind::Actor));
    harness.run_steps(4);
    assert_eq!(harness.state().document().project().actors.len(), before);
    harness
        .state_mut()
        .apply(&ctx, Action::New(detente::model::EntityKind::Actor));
    harness.run_steps(4);
    let refusals = harness
        .state()
        .notices()
        .iter()
        .filter(|n| n.is_error && n.text.contains("read-only view of the past"))
        .count();
    assert_eq!(refusals, 1, "said once, however often it is tried");
    // Nothing in the details offers an edit that would be refused.
    harness.state_mut().apply(
        &ctx,
        Action::Select(detente::app::Selected::Event(UMEROV.into())),
    );
    harness.run_steps(4);
    for label in ["✎ Edit", "Delete", "Record report…"] {
        assert!(
            harness.query_by_label(label).is_none(),
            "{label} is offered"
        );
    }
    // A form open when the view moves to the past closes and says why.
    step(&mut harness, egui::Key::ArrowRight);
    harness.get_by_label("✎ Edit").click();
    harness.run_steps(4);
    assert!(
        harness.query_by_label("Done").is_some(),
        "the form is open now"
    );
    step(&mut harness, egui::Key::ArrowLeft);
    assert!(harness.state().notices().iter().any(|n| {
        n.text
            .starts_with("Editing is off while the project is shown as of 19 Dec 2025")
    }));
    assert!(harness.query_by_label("Done").is_none(), "no form");
}

/// The Miami example as of 18 December, in both themes: the tinted bar with its banner, the
/// Umerov meeting expected over the weekend, the dinner of the 19th's report gone.
fn as_of_snapshot(theme: egui::Theme, name: &str) -> egui_kittest::SnapshotResult {
    let doc = Document::new(miami_reports(), Origin::Untitled);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_theme(theme)
        .build_ui_state(
            |ui, app: &mut DetenteApp| app.ui(ui),
            DetenteApp::from_document(doc),
        );
    harness.run_steps(4);
    step(&mut harness, egui::Key::ArrowLeft);
    step(&mut harness, egui::Key::ArrowLeft);
    harness.run();
    harness.try_snapshot(name)
}

#[test]
fn snapshots_as_of_the_18th() {
    let mut results = egui_kittest::SnapshotResults::new();
    results.add(as_of_snapshot(egui::Theme::Light, "as_of_18_light"));
    results.add(as_of_snapshot(egui::Theme::Dark, "as_of_18_dark"));
    results.unwrap();
}
