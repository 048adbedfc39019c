//! The timeline canvas: one interaction area, lanes culled and aggregated by `layout`, zoom
//! and pan, an overview strip and a legend.

mod axis;
mod edit_drag;
mod input;
mod lanes_ui;
mod legend;
mod mark_mesh;
mod markers;
mod overview;
mod paint;
mod state;
mod toolbar;
mod tooltip;

use egui::{Color32, FontId, Rect, Sense, Stroke, pos2, vec2};

pub use legend::{LEGEND_SIZE, legend_ui};
pub use paint::marker_points;
pub use state::{TimelineState, now_secs};

use crate::layout::{
    LaneKey, LaneLayoutParams, LaneMode, build_lanes_draw_list, build_lanes_draw_list_aggregated,
};
use crate::model::SECS_PER_DAY;
use crate::ui::actions::Action;
use crate::ui::panels::PanelContext;

/// Height of the two-row axis above the items.
const AXIS_HEIGHT: f32 = 40.0;
/// Row height of items: 14 pt bars with room for the selection ring.
pub const ROW_HEIGHT: f32 = 24.0;
/// Space between lanes.
const LANE_GAP: f32 = 6.0;
/// Drawn items per frame at most, over all lanes: ~2,000 marks keep a 1920×1080 frame
/// above 25 fps on the software renderer (measured: 3,000 plain rectangles ~25 fps).
const MAX_ITEMS: usize = 2_000;
/// Average label character width at 12.5 pt in egui's default font.
const LABEL_CHAR_WIDTH: f64 = 6.6;

/// Shows the timeline in the remaining space of `ui` and pushes what the analyst did.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    state: &mut TimelineState,
    view_cx: &PanelContext<'_>,
    actions: &mut Vec<Action>,
) {
    let (doc, selection, links) = (view_cx.doc, view_cx.selection, view_cx.links);
    state.row_height = ROW_HEIGHT;
    let toolbar = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| toolbar::toolbar_ui(ui, state))
        .inner;
    state.refresh_lanes(doc, view_cx.filtered);

    let full = ui.available_rect_before_wrap();
    let overview_rect = Rect::from_min_max(
        pos2(full.left(), full.bottom() - overview::OVERVIEW_HEIGHT),
        full.max,
    );
    let rect = Rect::from_min_max(full.min, pos2(full.right(), overview_rect.top()));
    let header_width = if state.mode == LaneMode::None {
        0.0
    } else {
        let max_count = state.lanes.iter().map(|l| l.num_events).max().unwrap_or(0);
        lanes_ui::header_width(ui, &state.longest_labels, max_count, rect.width())
    };
    let canvas = Rect::from_min_max(pos2(rect.left() + header_width, rect.top()), rect.max);
    let headers_rect = (header_width > 0.0).then(|| {
        Rect::from_min_max(
            pos2(rect.left(), rect.top() + AXIS_HEIGHT),
            pos2(canvas.left(), rect.bottom()),
        )
    });
    let axis_rect = Rect::from_min_size(canvas.min, vec2(canvas.width(), AXIS_HEIGHT));
    let items_rect = Rect::from_min_max(pos2(canvas.left(), axis_rect.bottom()), canvas.max);
    ui.allocate_rect(full, Sense::hover());
    let response = ui.interact(
        canvas,
        ui.scope_id().with("timeline_canvas"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));

    let (min_x, width) = (f64::from(canvas.left()), f64::from(canvas.width()));
    if state.needs_fit || state.view.is_none() {
        state.fit_all(doc, min_x, width);
        state.needs_fit = false;
    }
    let Some(mut view) = state.view.map(|v| v.with_canvas(min_x, width)) else {
        return;
    };
    if toolbar.fit {
        state.fit_all(doc, min_x, width);
        view = state.view.unwrap_or(view);
    }
    if toolbar.zoom != 1.0 {
        view.zoom_at(min_x + width / 2.0, toolbar.zoom);
    }
    input::handle_input(
        ui,
        &response,
        &mut view,
        state,
        doc,
        selection,
        headers_rect,
    );

    let (order, collapsed) = state.order_and_collapsed();
    let names_height = if doc.project().periods.is_empty() {
        0.0
    } else {
        f64::from(markers::PERIOD_NAMES_HEIGHT)
    };
    let mut params = LaneLayoutParams {
        top_y: f64::from(items_rect.top()) + 2.0 + names_height,
        height: f64::from(items_rect.height()) - 4.0 - names_height,
        row_height: f64::from(ROW_HEIGHT),
        lane_gap: if state.mode == LaneMode::None {
            4.0
        } else {
            f64::from(LANE_GAP)
        },
        scroll_y: state.scroll_y,
        label_char_width: LABEL_CHAR_WIDTH,
        max_items: MAX_ITEMS,
    };
    let build = if state.every_mark {
        build_lanes_draw_list
    } else {
        build_lanes_draw_list_aggregated
    };
    let mut layout = build(
        &state.lanes,
        &order,
        &collapsed,
        state.mode,
        &doc.project().events,
        &view,
        &params,
    );
    // Keep the scroll within the lanes; lay out again if it had to move.
    let max_scroll = (layout.content_height - params.height).max(0.0);
    let clamped = state.scroll_y.clamp(0.0, max_scroll);
    if clamped != state.scroll_y {
        state.scroll_y = clamped;
        params.scroll_y = clamped;
        layout = build(
            &state.lanes,
            &order,
            &collapsed,
            state.mode,
            &doc.project().events,
            &view,
            &params,
        );
    }

    // Clicks are resolved against what is drawn this frame, built from the same view.
    if (response.clicked() || response.double_clicked())
        && let Some(pos) = response.interact_pointer_pos()
    {
        input::click(ui, &response, pos, &layout, &mut view, doc, state, actions);
    }

    if state.edit_mode {
        if response.drag_started_by(egui::PointerButton::Primary) {
            // Where the button went down, not where the drag was recognised a few points later.
            if let Some(pos) = ui
                .input(|i| i.pointer.press_origin())
                .or_else(|| response.interact_pointer_pos())
            {
                state.drag = Some(edit_drag::begin(&layout, pos, f64::from(ROW_HEIGHT)));
            }
        }
        if response.drag_stopped()
            && let (Some(op), Some(pos)) = (state.drag.take(), ui.input(|i| i.pointer.latest_pos()))
        {
            edit_drag::finish(op, pos, &view, doc.project(), actions);
        }
    } else {
        state.drag = None;
    }

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    painter.rect_filled(items_rect, 0.0, visuals.extreme_bg_color);
    markers::paint_periods(&painter, &view, doc, items_rect, &visuals);
    let zone = &view_cx.date_display.zone;
    let centre_secs = view.time_from_x(view.min_x + view.width_px / 2.0);
    let offset_secs = crate::app::axis_offset_secs(zone, centre_secs as i64) as f64;
    axis::paint_axis(
        &painter,
        &view,
        offset_secs,
        axis_rect,
        items_rect,
        &visuals,
    );
    if header_width > 0.0 {
        painter.rect_filled(
            Rect::from_min_max(rect.min, pos2(canvas.left(), axis_rect.bottom())),
            0.0,
            visuals.panel_fill,
        );
    }
    let items_painter = ui.painter_at(items_rect);
    paint_lanes(&items_painter, state.mode, &layout, items_rect, &visuals);
    markers::paint_markers(&items_painter, &view, doc, items_rect, &visuals);

    let row_height = f64::from(ROW_HEIGHT);
    let hovered_item = response.hover_pos().and_then(|p| {
        let (x, y) = (f64::from(p.x), f64::from(p.y));
        layout
            .lane_at_y(y)?
            .list
            .item_at(x, y, row_height)
            .map(|i| i.event)
    });
    paint::paint_connectors(
        &items_painter,
        visuals.dark_mode,
        &layout.connectors,
        &doc.project().events,
    );
    let meshes = mark_mesh::MarkMeshes::reserve(&items_painter);
    let cx = paint::ItemPaintContext {
        painter: &items_painter,
        meshes: &meshes,
        clip: items_rect,
        row_height: ROW_HEIGHT,
        dark_mode: visuals.dark_mode,
        text_color: visuals.text_color(),
        canvas_color: visuals.extreme_bg_color,
        selection_color: visuals.selection.stroke.color,
        font: FontId::proportional(12.5),
        px_per_day: (SECS_PER_DAY as f64 / view.secs_per_px) as f32,
    };
    let events = &doc.project().events;
    let density_color = if visuals.dark_mode {
        Color32::from_rgb(94, 156, 255)
    } else {
        Color32::from_rgb(31, 98, 204)
    };
    for lane in &layout.lanes {
        if lane.list.is_aggregated() {
            let band = Rect::from_x_y_ranges(
                items_rect.x_range(),
                (lane.y_top as f32 + 3.0)..=(lane.y_top + lane.height) as f32 - 3.0,
            );
            paint::paint_density(
                &items_painter,
                &lane.list,
                band,
                density_color.gamma_multiply(0.8),
            );
        }
        let lane_place = match (state.mode, state.lanes.get(lane.lane).map(|l| l.key)) {
            (LaneMode::Location, Some(LaneKey::Entity(id))) => Some(id),
            _ => None,
        };
        for item in &lane.list.items {
            let Some(event) = events.get(item.event as usize) else {
                continue;
            };
            let mark = paint::MarkState {
                selected: selection.contains_event(&event.id) || links.contains_event(item.event),
                hovered: hovered_item == Some(item.event),
                candidate: lane_place
                    .is_some_and(|id| event.places.iter().any(|p| p.location == id && p.candidate)),
            };
            paint::paint_item(&cx, item, event, mark);
        }
        paint::paint_clusters(&cx, &lane.list.clusters);
    }
    meshes.finish(&items_painter);
    if events.is_empty() {
        painter.text(
            items_rect.center(),
            egui::Align2::CENTER_CENTER,
            "No events yet",
            FontId::proportional(16.0),
            visuals.weak_text_color(),
        );
    }

    if let (Some(op), Some(pos)) = (state.drag, ui.input(|i| i.pointer.latest_pos())) {
        edit_drag::paint_preview(
            &items_painter,
            op,
            pos,
            &layout,
            &view,
            ROW_HEIGHT,
            visuals.selection.stroke.color,
        );
    }
    if let Some(headers) = headers_rect {
        lanes_ui::headers_ui(ui, headers, state, &layout, actions);
    }
    overview::overview_ui(ui, overview_rect, doc, view_cx.filtered, &mut view);
    if state.show_legend {
        let size = legend::legend_size(items_rect.size() - vec2(16.0, 16.0));
        let legend_rect =
            Rect::from_min_size(items_rect.right_bottom() - size - vec2(8.0, 8.0), size);
        legend::legend_ui(ui, legend_rect);
    }

    if let Some(idx) = hovered_item {
        if let Some(event) = events.get(idx as usize) {
            response.clone().on_hover_ui_at_pointer(|ui| {
                tooltip::event_tooltip_ui(ui, doc, event, view_cx.date_display);
            });
        }
    } else if let Some(pos) = response.hover_pos() {
        let (x, y) = (f64::from(pos.x), f64::from(pos.y));
        if let Some(cluster) = layout
            .lane_at_y(y)
            .and_then(|l| l.list.cluster_at(x, y, row_height))
        {
            let count = cluster.count;
            response.clone().on_hover_text_at_pointer(format!(
                "{} here: click to zoom in",
                crate::model::count(count as usize, "event", "events")
            ));
        }
    }

    let (t0, t1) = view.visible_secs();
    let events_in_view = view_cx.filtered.event_index(doc).count_visible(t0, t1);
    if events_in_view != state.events_in_view {
        // The status bar, drawn before the timeline, shows the count on the next frame.
        ui.ctx().request_repaint();
        state.events_in_view = events_in_view;
    }
    state.view = Some(view);
    state.last = layout;
    state.last_items_rect = Some(items_rect);
}

/// Lane separators, and in theme-line mode the line of each lane.
fn paint_lanes(
    painter: &egui::Painter,
    mode: LaneMode,
    layout: &crate::layout::LanesDrawList,
    items_rect: Rect,
    visuals: &egui::Visuals,
) {
    if mode == LaneMode::None {
        return;
    }
    let separator = Stroke::new(
        1.0,
        visuals
            .widgets
            .noninteractive
            .bg_stroke
            .color
            .gamma_multiply(0.6),
    );
    let theme = Stroke::new(1.5, visuals.text_color().gamma_multiply(0.25));
    for lane in &layout.lanes {
        let bottom = (lane.y_top + lane.height) as f32;
        painter.line_segment(
            [
                pos2(items_rect.left(), bottom),
                pos2(items_rect.right(), bottom),
            ],
            separator,
        );
        if mode.is_theme_lines() && !lane.collapsed {
            let y = lane.y_top as f32 + (LANE_GAP / 2.0) + ROW_HEIGHT / 2.0;
            painter.line_segment(
                [pos2(items_rect.left(), y), pos2(items_rect.right(), y)],
                theme,
            );
        }
    }
}
