//! A crowded timeline (issue 12, item 8): the generated 1,000-event project fitted on a
//! full-HD window shows counted clusters instead of a wall of unlabelled symbols, every event
//! is drawn or counted once, a cluster tells its count on hover and zooms in on a click, and
//! the marks drawn one by one are few enough for a frame under 8 ms on a software renderer.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::app::{Document, Origin};
use detente::generate::generate_project;
use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, DetenteApp> {
    let app =
        DetenteApp::from_document(Document::new(generate_project(1_000, 1), Origin::Untitled));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

fn click_at(harness: &mut Harness<'_, DetenteApp>, pos: egui::Pos2) {
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
fn the_fitted_1000_event_project_is_counted_not_walled() {
    let harness = harness();
    let layout = harness.state().timeline().last_layout();
    let lane = &layout.lanes[0];
    assert!(
        !lane.list.is_aggregated(),
        "items and clusters, not the histogram"
    );
    let counted: u32 = lane.list.clusters.iter().map(|c| c.count).sum();
    assert_eq!(
        lane.list.items.len() + counted as usize,
        1_000,
        "every event drawn or counted, once"
    );
    // Before, 1,000 symbols were drawn, most of them without a label.
    let symbols = lane.list.items.iter().filter(|i| i.is_point).count();
    assert!(symbols <= 80, "{symbols} symbols");
    assert!(
        lane.list.items.iter().all(|i| i.label_max_width >= 28.0),
        "every mark drawn has a label"
    );
    // The clusters have a row of their own, below every item.
    let lowest_item = lane.list.items.iter().map(|i| i.y).fold(f64::MIN, f64::max);
    assert!(lane.list.clusters.iter().all(|c| c.y > lowest_item));
}

#[test]
fn a_cluster_counts_on_hover_and_zooms_in_on_a_click() {
    let mut harness = harness();
    let (centre, span_before, cluster) = {
        let app = harness.state();
        let lane = &app.timeline().last_layout().lanes[0];
        let cluster = lane
            .list
            .clusters
            .iter()
            .max_by_key(|c| c.count)
            .unwrap()
            .clone();
        let centre = egui::pos2(cluster.x as f32 + 20.0, cluster.y as f32 + 12.0);
        let view = app.timeline().view().unwrap();
        (centre, view.end_secs() - view.start_secs, cluster)
    };
    harness.hover_at(centre);
    // The tooltip fades in under the pointer: a few frames, not a settled run.
    harness.run_steps(10);
    let text = format!(
        "{} here: click to zoom in",
        detente::model::count(cluster.count as usize, "event", "events")
    );
    harness.get_by_label(&text);
    click_at(&mut harness, centre);
    let app = harness.state();
    let view = app.timeline().view().unwrap();
    let span_after = view.end_secs() - view.start_secs;
    assert!(
        span_after * 3.0 < span_before,
        "{span_after} s is not 3× closer than {span_before} s"
    );
    assert!(
        view.start_secs <= cluster.min_secs as f64 && cluster.max_secs as f64 <= view.end_secs()
    );
}

#[test]
fn the_first_row_sits_below_the_period_names() {
    // The periods' names are written at the top of the items: the counted clusters of the
    // first row were drawn over them, unreadable.
    let top_row = |project: detente::model::Project| {
        let app = DetenteApp::from_document(Document::new(project, Origin::Untitled));
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
        harness.run();
        let layout = harness.state().timeline().last_layout();
        let list = &layout.lanes[0].list;
        list.items
            .iter()
            .map(|i| i.y)
            .chain(list.clusters.iter().map(|c| c.y))
            .fold(f64::MAX, f64::min)
    };
    let with_periods = generate_project(1_000, 1);
    assert!(!with_periods.periods.is_empty());
    let mut without = with_periods.clone();
    without.periods.clear();
    let shift = top_row(with_periods) - top_row(without);
    assert!((shift - 15.0).abs() < 0.5, "first row moved by {shift} pt");
}
