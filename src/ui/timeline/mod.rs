//! The timeline canvas: one interaction area, lanes culled and aggregated by `layout`, zoom
//! and pan, an overview strip and a legend.

mod axis;
pub(crate) mod badges;
mod edit_drag;
mod ghosts;
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
    LaneKey, LaneLayoutParams, LaneMode, LanesDrawList, build_lanes_draw_list,
    build_lanes_draw_list_aggregated,
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

/// Where each part of the timeline goes this frame.
struct Areas {
    /// The whole timeline below the toolbar.
    full: Rect,
    /// The timeline less the overview strip: headers, axis and items.
    rect: Rect,
    overview: Rect,
    /// Axis and items, right of the lane headers.
    canvas: Rect,
    headers: Option<Rect>,
    axis: Rect,
    items: Rect,
}

impl Areas {
    fn header_width(&self) -> f32 {
        self.canvas.left() - self.rect.left()
    }
}

/// Shows the timeline in the remaining space of `ui` and pushes what the analyst did.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    state: &mut TimelineState,
    view_cx: &PanelContext<'_>,
    actions: &mut Vec<Action>,
) {
    let doc = view_cx.doc;
    state.row_height = ROW_HEIGHT;
    let toolbar = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 3))
        .show(ui, |ui| toolbar::toolbar_ui(ui, state))
        .inner;
    state.refresh_lanes(doc, view_cx.filtered);

    let areas = areas(ui, state);
    ui.allocate_rect(areas.full, Sense::hover());
    let response = ui.interact(
        areas.canvas,
        ui.scope_id().with("timeline_canvas"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));

    let Some(mut view) = settle_view(ui, &response, state, view_cx, &toolbar, &areas) else {
        return;
    };
    let mut layout = lay_out(state, doc, &view, areas.items);
    state.ghosts = crate::layout::ghost_marks(
        &mut layout,
        &doc.project().events,
        &view,
        state.show_ghosts(),
    );
    pointer_ui(ui, &response, state, doc, &layout, &mut view, actions);
    paint_canvas(ui, state, view_cx, &areas, &view, &layout);
    let hovered_item = paint_marks(ui, &response, state, view_cx, &areas, &view, &layout);
    badges::badges_ui(
        ui,
        areas.items,
        &layout,
        &view,
        ROW_HEIGHT,
        view_cx,
        actions,
    );

    if let (Some(op), Some(pos)) = (state.drag, ui.input(|i| i.pointer.latest_pos())) {
        edit_drag::paint_preview(
            &ui.painter_at(areas.items),
            op,
            pos,
            &layout,
            &view,
            ROW_HEIGHT,
            ui.visuals().selection.stroke.color,
        );
    }
    if let Some(headers) = areas.headers {
        lanes_ui::headers_ui(ui, headers, state, &layout, actions);
    }
    overview::overview_ui(ui, areas.overview, doc, view_cx.filtered, &mut view);
    if state.show_legend {
        let size = legend::legend_size(areas.items.size() - vec2(16.0, 16.0));
        let legend_rect =
            Rect::from_min_size(areas.items.right_bottom() - size - vec2(8.0, 8.0), size);
        let mut show_ghosts = state.show_ghosts();
        legend::legend_ui(ui, legend_rect, Some(&mut show_ghosts));
        state.set_show_ghosts(show_ghosts);
    }
    hover_ui(&response, view_cx, &layout, &state.ghosts, hovered_item);

    let (t0, t1) = view.visible_secs();
    let events_in_view = view_cx.filtered.event_index(doc).count_visible(t0, t1);
    if events_in_view != state.events_in_view {
        // The status bar, drawn before the timeline, shows the count on the next frame.
        ui.ctx().request_repaint();
        state.events_in_view = events_in_view;
    }
    state.view = Some(view);
    state.last = layout;
    state.last_items_rect = Some(areas.items);
}

/// The timeline's areas in the space left below the toolbar: the overview strip at the
/// bottom, the lane headers (when grouped) on the left, the axis above the items.
fn areas(ui: &egui::Ui, state: &TimelineState) -> Areas {
    let full = ui.available_rect_before_wrap();
    let overview = Rect::from_min_max(
        pos2(full.left(), full.bottom() - overview::OVERVIEW_HEIGHT),
        full.max,
    );
    let rect = Rect::from_min_max(full.min, pos2(full.right(), overview.top()));
    let header_width = if state.mode == LaneMode::None {
        0.0
    } else {
        let max_count = state.lanes.iter().map(|l| l.num_events).max().unwrap_or(0);
        lanes_ui::header_width(ui, &state.longest_labels, max_count, rect.width())
    };
    let canvas = Rect::from_min_max(pos2(rect.left() + header_width, rect.top()), rect.max);
    let headers = (header_width > 0.0).then(|| {
        Rect::from_min_max(
            pos2(rect.left(), rect.top() + AXIS_HEIGHT),
            pos2(canvas.left(), rect.bottom()),
        )
    });
    let axis = Rect::from_min_size(canvas.min, vec2(canvas.width(), AXIS_HEIGHT));
    let items = Rect::from_min_max(pos2(canvas.left(), axis.bottom()), canvas.max);
    Areas {
        full,
        rect,
        overview,
        canvas,
        headers,
        axis,
        items,
    }
}

/// This frame's view: fitted when asked (first frame, new project, the toolbar's Fit),
/// zoomed by the toolbar, then moved by the pointer and keys. `None` before there is one.
fn settle_view(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &mut TimelineState,
    view_cx: &PanelContext<'_>,
    toolbar: &toolbar::ToolbarOutput,
    areas: &Areas,
) -> Option<crate::layout::TimeView> {
    let doc = view_cx.doc;
    let (min_x, width) = (
        f64::from(areas.canvas.left()),
        f64::from(areas.canvas.width()),
    );
    if state.needs_fit || state.view.is_none() {
        state.fit_all(doc, min_x, width);
        state.needs_fit = false;
    }
    let mut view = state.view.map(|v| v.with_canvas(min_x, width))?;
    if toolbar.fit {
        state.fit_all(doc, min_x, width);
        view = state.view.unwrap_or(view);
    }
    if toolbar.zoom != 1.0 {
        view.zoom_at(min_x + width / 2.0, toolbar.zoom);
    }
    input::handle_input(
        ui,
        response,
        &mut view,
        state,
        doc,
        view_cx.selection,
        areas.headers,
    );
    Some(view)
}

/// The lanes' draw list for `view` in `items_rect`, with the scroll kept within the lanes
/// (laid out again if it had to move).
fn lay_out(
    state: &mut TimelineState,
    doc: &crate::app::Document,
    view: &crate::layout::TimeView,
    items_rect: Rect,
) -> LanesDrawList {
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
    let events = &doc.project().events;
    let mut layout = build(
        &state.lanes,
        &order,
        &collapsed,
        state.mode,
        events,
        view,
        &params,
    );
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
            events,
            view,
            &params,
        );
    }
    layout
}

/// Clicks (resolved against what is drawn this frame, built from the same view) and, in
/// edit mode, the drags that move or stretch an event.
fn pointer_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &mut TimelineState,
    doc: &crate::app::Document,
    layout: &LanesDrawList,
    view: &mut crate::layout::TimeView,
    actions: &mut Vec<Action>,
) {
    if (response.clicked() || response.double_clicked())
        && let Some(pos) = response.interact_pointer_pos()
    {
        input::click(ui, response, pos, layout, view, doc, state, actions);
    }
    if !state.edit_mode {
        state.drag = None;
        return;
    }
    if response.drag_started_by(egui::PointerButton::Primary) {
        // Where the button went down, not where the drag was recognised a few points later.
        if let Some(pos) = ui
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())
        {
            state.drag = Some(edit_drag::begin(layout, pos, f64::from(ROW_HEIGHT)));
        }
    }
    if response.drag_stopped()
        && let (Some(op), Some(pos)) = (state.drag.take(), ui.input(|i| i.pointer.latest_pos()))
    {
        edit_drag::finish(op, pos, view, doc.project(), actions);
    }
}

/// What lies under the marks: the canvas, periods, the axis and its grid, the corner above
/// the lane headers, lane separators and theme lines, and the reference and today lines.
fn paint_canvas(
    ui: &egui::Ui,
    state: &TimelineState,
    view_cx: &PanelContext<'_>,
    areas: &Areas,
    view: &crate::layout::TimeView,
    layout: &LanesDrawList,
) {
    let doc = view_cx.doc;
    let painter = ui.painter_at(areas.rect);
    let visuals = ui.visuals();
    painter.rect_filled(areas.items, 0.0, visuals.extreme_bg_color);
    markers::paint_periods(&painter, view, doc, areas.items, visuals);
    let zone = &view_cx.date_display.zone;
    let centre_secs = view.time_from_x(view.min_x + view.width_px / 2.0);
    let offset_secs = crate::app::axis_offset_secs(zone, centre_secs as i64) as f64;
    axis::paint_axis(
        &painter,
        view,
        offset_secs,
        areas.axis,
        areas.items,
        visuals,
    );
    if areas.header_width() > 0.0 {
        painter.rect_filled(
            Rect::from_min_max(
                areas.rect.min,
                pos2(areas.canvas.left(), areas.axis.bottom()),
            ),
            0.0,
            visuals.panel_fill,
        );
    }
    let items_painter = ui.painter_at(areas.items);
    paint_lanes(&items_painter, state.mode, layout, areas.items, visuals);
    markers::paint_markers(&items_painter, view, doc, areas.items, visuals);
    if doc.project().events.is_empty() {
        painter.text(
            areas.items.center(),
            egui::Align2::CENTER_CENTER,
            "No events yet",
            FontId::proportional(16.0),
            visuals.weak_text_color(),
        );
    }
}

/// Connectors, density, the marks with their labels, and the counted chips; returns the
/// event under the pointer.
fn paint_marks(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &TimelineState,
    view_cx: &PanelContext<'_>,
    areas: &Areas,
    view: &crate::layout::TimeView,
    layout: &LanesDrawList,
) -> Option<u32> {
    let (doc, selection, links) = (view_cx.doc, view_cx.selection, view_cx.links);
    let items_painter = ui.painter_at(areas.items);
    let visuals = ui.visuals();
    let row_height = f64::from(ROW_HEIGHT);
    let hovered_item = response.hover_pos().and_then(|p| {
        let (x, y) = (f64::from(p.x), f64::from(p.y));
        layout
            .lane_at_y(y)?
            .list
            .item_at(x, y, row_height)
            .map(|i| i.event)
    });
    let events = &doc.project().events;
    paint::paint_connectors(
        &items_painter,
        visuals.dark_mode,
        &layout.connectors,
        events,
    );
    let meshes = mark_mesh::MarkMeshes::reserve(&items_painter);
    let cx = paint::ItemPaintContext {
        painter: &items_painter,
        meshes: &meshes,
        clip: areas.items,
        row_height: ROW_HEIGHT,
        dark_mode: visuals.dark_mode,
        text_color: visuals.text_color(),
        canvas_color: visuals.extreme_bg_color,
        selection_color: visuals.selection.stroke.color,
        font: FontId::proportional(12.5),
        px_per_day: (SECS_PER_DAY as f64 / view.secs_per_px) as f32,
    };
    // Under every mark: the ghosts go into the marks' mesh first.
    ghosts::paint_ghosts(&cx, &state.ghosts, events);
    let density_color = if visuals.dark_mode {
        Color32::from_rgb(94, 156, 255)
    } else {
        Color32::from_rgb(31, 98, 204)
    };
    for lane in &layout.lanes {
        if lane.list.is_aggregated() {
            let band = Rect::from_x_y_ranges(
                areas.items.x_range(),
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
    hovered_item
}

/// The tooltip of the event, ghost mark or counted chip under the pointer.
fn hover_ui(
    response: &egui::Response,
    view_cx: &PanelContext<'_>,
    layout: &LanesDrawList,
    ghosts: &[crate::layout::GhostMark],
    hovered_item: Option<u32>,
) {
    let doc = view_cx.doc;
    let pointer = response
        .hover_pos()
        .map(|p| (f64::from(p.x), f64::from(p.y)));
    // A ghost lies within its mark's hit span (between the mark and its moved label), so it
    // is asked first.
    let ghost =
        pointer.and_then(|(x, y)| crate::layout::ghost_at(ghosts, x, y, f64::from(ROW_HEIGHT)));
    if let Some(ghost) = ghost {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ghosts::ghost_tooltip_ui(ui, doc, ghost, view_cx.date_display);
        });
    } else if let Some(idx) = hovered_item {
        if let Some(event) = doc.project().events.get(idx as usize) {
            response.clone().on_hover_ui_at_pointer(|ui| {
                tooltip::event_tooltip_ui(ui, doc, event, view_cx.date_display);
            });
        }
    } else if let Some((x, y)) = pointer
        && let Some(cluster) = layout
            .lane_at_y(y)
            .and_then(|l| l.list.cluster_at(x, y, f64::from(ROW_HEIGHT)))
    {
        let count = cluster.count;
        response.clone().on_hover_text_at_pointer(format!(
            "{} here: click to zoom in",
            crate::model::count(count as usize, "event", "events")
        ));
    }
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
