//! The date-display setting reaches every view that writes a date by being passed (in the
//! panel context, in the form state), not through egui's temporary memory: a view given a
//! display writes dates that way in a fresh egui context, and the app's setting shows in the
//! details, the panels and the forms.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::{
    DateDisplay, DateFormat, Document, FilteredView, Origin, Selection, SelectionLinks,
    TimeZoneChoice,
};
use detente::io::sample_project;
use detente::model::{DateSpec, Filter};
use detente::ui::DetenteApp;
use detente::ui::forms::{FormState, date_field_ui};
use detente::ui::panels::{PanelContext, PositionsState, positions_ui};
use detente::ui::timeline::{TimelineState, timeline_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn display(format: DateFormat) -> DateDisplay {
    DateDisplay {
        format,
        zone: TimeZoneChoice::EventOwn,
    }
}

#[test]
fn the_positions_panel_writes_dates_as_its_context_says() {
    let doc = Document::new(sample_project().unwrap(), Origin::Untitled);
    let mut filtered = FilteredView::default();
    filtered.refresh(&doc, &Filter::default());
    let (selection, links) = (Selection::default(), SelectionLinks::default());
    for (format, expected) in [
        (DateFormat::Iso, "as of 2025-12-18"),
        (DateFormat::MonthDayYear, "as of Thu, Dec 18, 2025"),
    ] {
        let date_display = display(format);
        let cx = PanelContext {
            doc: &doc,
            selection: &selection,
            links: &links,
            filtered: &filtered,
            date_display: &date_display,
            read_only: false,
        };
        // A fresh context for each: nothing can come from egui's memory.
        let mut harness = Harness::builder()
            .with_size(egui::vec2(600.0, 900.0))
            .build_ui(|ui| {
                positions_ui(ui, &cx, &mut PositionsState::default(), &mut Vec::new());
            });
        harness.run();
        assert!(
            harness.query_all_by_label(expected).count() > 0,
            "{format:?}: no {expected:?}"
        );
    }
}

#[test]
fn a_date_field_previews_in_the_display_of_its_form_state() {
    let weekend = DateSpec::parse("2025-12-20/2025-12-21").unwrap();
    let mut forms = FormState::default();
    forms.date_display = display(DateFormat::MonthDayYear);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(600.0, 200.0))
        .build_ui(|ui| {
            date_field_ui(ui, &mut forms, "date", "Date", Some(&weekend), false);
        });
    harness.run();
    harness.get_by_label("= Sat, Dec 20, 2025 – Sun, Dec 21, 2025");
}

#[test]
fn the_timeline_tooltip_writes_dates_as_its_context_says() {
    let doc = Document::new(sample_project().unwrap(), Origin::Untitled);
    let mut filtered = FilteredView::default();
    filtered.refresh(&doc, &Filter::default());
    let (selection, links) = (Selection::default(), SelectionLinks::default());
    let date_display = display(DateFormat::MonthDayYear);
    let cx = PanelContext {
        doc: &doc,
        selection: &selection,
        links: &links,
        filtered: &filtered,
        date_display: &date_display,
        read_only: false,
    };
    // The app's fallback font is not installed here: the toolbar's symbols may draw as boxes.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 600.0))
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, state: &mut TimelineState| timeline_ui(ui, state, &cx, &mut Vec::new()),
            TimelineState::default(),
        );
    harness.run();
    let mark = harness.state().item_rect(&doc, "ev-miami-talks").unwrap();
    harness.hover_at(mark.center());
    // The tooltip fades in under the pointer: a few frames, not a settled run.
    harness.run_steps(10);
    harness.get_by_label(
        "2025-12-20/2025-12-21 — “this weekend” — Sat, Dec 20, 2025 – Sun, Dec 21, 2025",
    );
}

/// Selects the event by clicking its mark on the timeline.
fn select_event(harness: &mut Harness<'_, DetenteApp>, event_id: &str) {
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), event_id)
            .unwrap_or_else(|| panic!("{event_id} is drawn"))
    };
    let pos = rect.center();
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
}

#[test]
fn the_app_s_date_setting_shows_in_details_panels_and_forms() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1600.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    let mut settings = harness.state().settings().clone();
    settings.date_format = DateFormat::MonthDayYear;
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        detente::ui::actions::Action::SetSettings(Box::new(settings)),
    );
    harness.run();
    // The details of Witkoff list his events with their dates.
    harness.get_by_label("Steve Witkoff").click();
    harness.run();
    harness.get_by_label("Sat, Dec 20, 2025 – Sun, Dec 21, 2025");
    // The form of one of them previews its date the same way.
    select_event(&mut harness, "ev-miami-talks");
    harness.get_by_label("✎ Edit").click();
    harness.run();
    harness.get_by_label("= Sat, Dec 20, 2025 – Sun, Dec 21, 2025");
    // The positions panel.
    harness.get_by_label("Positions").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label("as of Thu, Dec 18, 2025")
            .count()
            > 0
    );
}
