//! The timeline grouped into lanes, and what the filter does to every view, as an analyst
//! sees them: counts in the status bar, lane names, the overview strip, the positions panel,
//! the palette and the words for counts.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::layout::LaneMode;
use detente::model::{EventStatus, Filter};
use detente::ui::DetenteApp;
use detente::ui::panels::SideTab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(width: f32, height: f32, mode: LaneMode) -> Harness<'static, DetenteApp> {
    let mut app = DetenteApp::new(None);
    app.timeline_mut().set_mode(mode);
    Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app)
}

#[test]
fn the_status_bar_counts_events_not_their_marks_on_each_lane() {
    let mut harness = harness(1280.0, 800.0, LaneMode::Participant);
    harness.run();
    // Five events, drawn once on each participant's line: more marks than events.
    let marks = harness.state().timeline().last_layout().items().count();
    assert!(marks > 5, "{marks}");
    assert_eq!(harness.state().timeline().events_in_view(), 5);
    harness.get_by_label("5 events in view");
    // The filter's events only.
    harness.state_mut().set_filter(Filter {
        statuses: vec![EventStatus::Expected],
        ..Filter::default()
    });
    harness.run();
    harness.get_by_label("2 events in view");
}

/// Whether the label `node` shows `text` whole: on one line as wide as the text, or on two
/// lines (in the body font or the smaller one of one-row lanes) with nothing cut.
fn shown_whole(ctx: &egui::Context, text: &str, rect: egui::Rect) -> Result<(), String> {
    let body = egui::TextStyle::Body.resolve(&ctx.global_style());
    for font in [body, egui::FontId::proportional(11.0)] {
        let mut job = egui::text::LayoutJob::single_section(
            text.to_owned(),
            egui::TextFormat::simple(font, egui::Color32::WHITE),
        );
        job.wrap.max_width = rect.width() + 0.5;
        job.wrap.max_rows = 2;
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        if (galley.size().y - rect.height()).abs() < 1.0 && !galley.elided {
            return Ok(());
        }
    }
    Err(format!("{text} is cut in {rect:?}"))
}

#[test]
fn lane_names_are_whole_at_1024_wide() {
    let mut harness = harness(1024.0, 700.0, LaneMode::Participant);
    harness.run();
    let canvas = harness.get_by_label("Timeline").rect();
    for name in [
        "US delegation",
        "Volodymyr Zelenskyy",
        "European officials (Berlin)",
        "Rustem Umerov",
        "Ukrainian officials (Berlin)",
    ] {
        // The lane's header, left of the canvas (the participants panel is further left).
        let header = harness
            .query_all_by_label(name)
            .map(|n| n.rect())
            .filter(|r| r.right() <= canvas.left() + 1.0)
            .max_by(|a, b| a.left().total_cmp(&b.left()))
            .unwrap();
        shown_whole(&harness.ctx, name, header).unwrap();
    }
}

#[test]
fn a_status_filter_narrows_positions_and_the_overview_strip() {
    let mut harness = harness(1280.0, 800.0, LaneMode::None);
    harness.run();
    harness.get_by_label("Overview: 5 events");
    harness.state_mut().set_side_tab(SideTab::Positions);
    harness.run();
    assert_eq!(harness.query_all_by_label("reluctant").count(), 1);
    harness.state_mut().set_filter(Filter {
        statuses: vec![EventStatus::Expected],
        ..Filter::default()
    });
    harness.run();
    // The Miami talks are expected; the positions whose claims report them stay.
    harness.get_by_label_contains("2 of 6 positions");
    harness.get_by_label("Ukraine peace settlement");
    harness.get_by_label("20-point peace plan");
    assert!(harness.query_by_label("reluctant").is_none());
    assert!(harness.query_by_label("NATO membership").is_none());
    // ... and the panel says why.
    harness.get_by_label_contains("Kind, status and place belong to events");
    // The strip shows what the filter shows.
    harness.get_by_label("Overview: 2 shown, 5 in all");
}

#[test]
fn the_palette_s_shortcuts_are_clear_of_its_scroll_bar() {
    let mut harness = harness(1280.0, 800.0, LaneMode::None);
    harness.run_steps(8);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(8);
    let field = harness.get_by_label("Command").rect();
    let shortcut = harness.get_by_label("Ctrl+Shift+S").rect();
    // The bar floats over the last 10 points of the list (its width when hovered).
    let bar = harness.ctx.global_style().spacing.scroll.bar_width;
    assert!(
        shortcut.right() <= field.right() - bar,
        "{} > {} - {bar}",
        shortcut.right(),
        field.right()
    );
}

#[test]
fn counts_of_one_are_singular() {
    let mut harness = harness(1280.0, 800.0, LaneMode::None);
    harness.run();
    // The Umerov meeting cites one claim.
    let rect = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), "ev-umerov-us-meeting")
            .unwrap()
    };
    harness.event(egui::Event::PointerMoved(rect.center()));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: rect.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
    harness.get_by_label("Sources (1 claim)");
    assert!(harness.query_by_label_contains("1 claims").is_none());
}

#[test]
fn an_image_of_one_event_says_1_event() {
    let mut project = detente::io::sample_project().unwrap();
    project.events.truncate(1);
    let svg =
        detente::export::timeline_svg(&project, &detente::export::TimelineImageOptions::default());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let subtitle = doc
        .descendants()
        .filter_map(|n| n.text())
        .find(|t| t.contains("event"))
        .unwrap();
    assert!(subtitle.starts_with("1 event ·"), "{subtitle}");
}
