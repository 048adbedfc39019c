//! The timeline canvas: one interaction area, culled and aggregated drawing, zoom and pan.

mod axis;
mod paint;
mod tooltip;

use egui::{Color32, FontId, Key, Rect, Sense, Stroke, pos2, vec2};

use crate::app::{Document, Selected, Selection};
use crate::layout::{DrawList, ItemLayoutParams, TimeView, build_draw_list};
use crate::model::{SECS_PER_DAY, TimeSecs};
use crate::ui::actions::Action;

pub use paint::marker_points;

/// Height of the two-row axis above the items.
const AXIS_HEIGHT: f32 = 40.0;
/// Row height of items: 14 pt bars with room for the selection ring.
const ROW_HEIGHT: f32 = 24.0;
/// One wheel notch (50 points in egui) zooms by 1.25×.
const ZOOM_PER_SCROLL_POINT: f64 = 0.004_46;
/// Fitting leaves 4 % of the width free on each side so that end labels are readable.
const FIT_MARGIN: f64 = 0.04;
/// Room for the last items' labels when fitting: a 30-character label at 6.6 pt a character.
const FIT_LABEL_ROOM_PX: f64 = 200.0;
/// A project with a single instant gets a week around it when fitted.
const MIN_FIT_SECS: f64 = 7.0 * 86_400.0;
/// Arrow keys pan by a tenth of the view.
const KEY_PAN_FRACTION: f64 = 0.1;

/// What the timeline keeps between frames.
#[derive(Default)]
pub struct TimelineState {
    view: Option<TimeView>,
    /// Set when a different project opens: the next frame fits it.
    needs_fit: bool,
    /// Last frame's draw list, for hit testing, tests and the status bar.
    last_list: DrawList,
    last_items_rect: Option<Rect>,
}

impl TimelineState {
    pub fn view(&self) -> Option<&TimeView> {
        self.view.as_ref()
    }

    pub fn last_draw_list(&self) -> &DrawList {
        &self.last_list
    }

    /// The on-screen rectangle of an event's mark, if drawn last frame (for tests and
    /// for scrolling the selection into view).
    pub fn item_rect(&self, doc: &Document, event_id: &str) -> Option<Rect> {
        let idx = doc.project().events.iter().position(|e| e.id == event_id)? as u32;
        let item = self.last_list.items.iter().find(|i| i.event == idx)?;
        let (x0, x1) = if item.is_point {
            (item.x_center - 6.0, item.x_center + 6.0)
        } else {
            (
                item.x_earliest.max(self.last_items_rect?.left().into()),
                item.x_latest,
            )
        };
        Some(Rect::from_x_y_ranges(
            x0 as f32..=x1 as f32,
            item.y as f32..=item.y as f32 + ROW_HEIGHT,
        ))
    }

    /// Forgets the view so that the next frame fits the whole project.
    pub fn request_fit(&mut self) {
        self.needs_fit = true;
    }

    fn fit_all(&mut self, doc: &Document, min_x: f64, width: f64) {
        let (start, end) = project_range(doc);
        let mut view = TimeView::new(min_x, width, start, end);
        // Labels run to the right of their items: leave them room after the last one.
        view.fit_between(
            start,
            end,
            width * FIT_MARGIN,
            FIT_LABEL_ROOM_PX.max(width * FIT_MARGIN),
        );
        self.view = Some(view);
    }

    fn zoom_to_selection(&mut self, doc: &Document, selection: &Selection) {
        let Some(view) = self.view.as_mut() else {
            return;
        };
        let mut range: Option<(TimeSecs, TimeSecs)> = None;
        for id in selection.event_ids() {
            let Some(event) = doc.project().events.iter().find(|e| e.id == id) else {
                continue;
            };
            let Ok(b) = event.date.bounds() else { continue };
            let (a, z) = crate::layout::drawn_extent(&b);
            range = Some(range.map_or((a, z), |(x, y)| (x.min(a), y.max(z))));
        }
        if let Some((a, z)) = range {
            let (a, z) = widen(a as f64, z as f64);
            view.fit(a, z, FIT_MARGIN * 3.0);
        }
    }
}

/// The whole project's time range, with the reference date, at least a week wide.
fn project_range(doc: &Document) -> (f64, f64) {
    let mut range = doc.index().time_range().map(|(a, b)| (a as f64, b as f64));
    if let Some(reference) = doc
        .project()
        .reference_date
        .as_ref()
        .and_then(|d| d.bounds().ok())
    {
        let (a, b) = (reference.earliest_secs as f64, reference.latest_secs as f64);
        range = Some(range.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    }
    let (a, b) = range.unwrap_or_else(|| {
        let now = now_secs() as f64;
        (now - 15.0 * 86_400.0, now + 15.0 * 86_400.0)
    });
    widen(a, b)
}

fn widen(a: f64, b: f64) -> (f64, f64) {
    if b - a < MIN_FIT_SECS {
        let mid = f64::midpoint(a, b);
        (mid - MIN_FIT_SECS / 2.0, mid + MIN_FIT_SECS / 2.0)
    } else {
        (a, b)
    }
}

pub fn now_secs() -> TimeSecs {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as TimeSecs)
}

/// Shows the timeline in the remaining space of `ui` and pushes what the analyst did.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    state: &mut TimelineState,
    doc: &Document,
    selection: &Selection,
    actions: &mut Vec<Action>,
) {
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Timeline"));

    let axis_rect = Rect::from_min_size(rect.min, vec2(rect.width(), AXIS_HEIGHT));
    let items_rect = Rect::from_min_max(pos2(rect.left(), axis_rect.bottom()), rect.max);
    let (min_x, width) = (f64::from(rect.left()), f64::from(rect.width()));

    if state.needs_fit || state.view.is_none() {
        state.fit_all(doc, min_x, width);
        state.needs_fit = false;
    }
    let Some(mut view) = state.view.map(|v| v.with_canvas(min_x, width)) else {
        return;
    };

    handle_input(ui, &response, &mut view, state, doc, selection, items_rect);

    let params = ItemLayoutParams {
        top_y: f64::from(items_rect.top()) + 4.0,
        row_height: f64::from(ROW_HEIGHT),
        max_rows: ((items_rect.height() - 8.0) / ROW_HEIGHT).floor().max(1.0) as usize,
        label_char_width: 6.6,
        max_items: 2_000,
    };
    let list = build_draw_list(doc.index(), &doc.project().events, &view, &params);

    // Clicks are resolved against what was drawn: this frame's list, built from the same view.
    if (response.clicked() || response.double_clicked())
        && let Some(pos) = response.interact_pointer_pos()
    {
        click(ui, &response, pos, &list, &mut view, doc, actions, state);
    }

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    painter.rect_filled(items_rect, 0.0, visuals.extreme_bg_color);
    axis::paint_axis(&painter, &view, axis_rect, items_rect, &visuals);
    paint_markers(&painter, &view, doc, items_rect, &visuals);

    let hovered_item = response
        .hover_pos()
        .and_then(|p| list.item_at(f64::from(p.x), f64::from(p.y), f64::from(ROW_HEIGHT)))
        .map(|i| i.event);
    if list.is_aggregated() {
        let color = if visuals.dark_mode {
            Color32::from_rgb(94, 156, 255)
        } else {
            Color32::from_rgb(31, 98, 204)
        };
        paint::paint_density(
            &painter,
            &list,
            items_rect.shrink2(vec2(0.0, 8.0)),
            color.gamma_multiply(0.8),
        );
    } else {
        let cx = paint::ItemPaintContext {
            painter: &painter,
            clip: items_rect,
            row_height: ROW_HEIGHT,
            dark_mode: visuals.dark_mode,
            text_color: visuals.text_color(),
            selection_color: visuals.selection.stroke.color,
            font: FontId::proportional(12.5),
            px_per_day: (SECS_PER_DAY as f64 / view.secs_per_px) as f32,
        };
        let events = &doc.project().events;
        for item in &list.items {
            let Some(event) = events.get(item.event as usize) else {
                continue;
            };
            let selected = selection.contains_event(&event.id);
            paint::paint_item(&cx, item, event, selected, hovered_item == Some(item.event));
        }
        paint::paint_clusters(&cx, &list.clusters);
    }
    if doc.project().events.is_empty() {
        painter.text(
            items_rect.center(),
            egui::Align2::CENTER_CENTER,
            "No events yet",
            FontId::proportional(16.0),
            visuals.weak_text_color(),
        );
    }

    if let Some(idx) = hovered_item {
        if let Some(event) = doc.project().events.get(idx as usize) {
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip::event_tooltip_ui(ui, doc, event));
        }
    } else if let Some(pos) = response.hover_pos()
        && let Some(cluster) =
            list.cluster_at(f64::from(pos.x), f64::from(pos.y), f64::from(ROW_HEIGHT))
    {
        let count = cluster.count;
        response
            .clone()
            .on_hover_text_at_pointer(format!("{count} more events here: click to zoom in"));
    }

    state.view = Some(view);
    state.last_list = list;
    state.last_items_rect = Some(items_rect);
}

#[allow(clippy::too_many_arguments)]
fn click(
    ui: &egui::Ui,
    response: &egui::Response,
    pos: egui::Pos2,
    list: &DrawList,
    view: &mut TimeView,
    doc: &Document,
    actions: &mut Vec<Action>,
    state: &mut TimelineState,
) {
    let (x, y) = (f64::from(pos.x), f64::from(pos.y));
    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
    if let Some(item) = list.item_at(x, y, f64::from(ROW_HEIGHT)) {
        if let Some(event) = doc.project().events.get(item.event as usize) {
            let selected = Selected::Event(event.id.clone());
            actions.push(if additive {
                Action::ToggleSelect(selected)
            } else {
                Action::Select(selected)
            });
        }
    } else if let Some(cluster) = list.cluster_at(x, y, f64::from(ROW_HEIGHT)) {
        let (a, z) = widen(cluster.min_secs as f64, cluster.max_secs as f64);
        view.fit(a, z, FIT_MARGIN);
    } else if response.double_clicked() {
        state.fit_all(doc, view.min_x, view.width_px);
        if let Some(v) = state.view {
            *view = v;
        }
    } else if !additive {
        actions.push(Action::ClearSelection);
    }
}

fn handle_input(
    ui: &egui::Ui,
    response: &egui::Response,
    view: &mut TimeView,
    state: &mut TimelineState,
    doc: &Document,
    selection: &Selection,
    items_rect: Rect,
) {
    if response.dragged() {
        view.pan_px(f64::from(response.drag_delta().x));
    }
    if response.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let x = pointer.map_or(view.min_x + view.width_px / 2.0, |p| f64::from(p.x));
        if scroll.x != 0.0 {
            // Shift-wheel (egui turns it into horizontal scroll) and trackpad swipes pan.
            view.pan_px(f64::from(scroll.x));
        }
        if scroll.y != 0.0 {
            view.zoom_at(x, (f64::from(scroll.y) * ZOOM_PER_SCROLL_POINT).exp());
        }
        if zoom != 1.0 {
            view.zoom_at(x, f64::from(zoom));
        }
    }
    // Keys act when no text field has the keyboard.
    if ui.ctx().memory(|m| m.focused().is_none()) {
        let center = view.min_x + view.width_px / 2.0;
        let pan = view.width_px * KEY_PAN_FRACTION;
        ui.input(|i| {
            if i.key_pressed(Key::ArrowLeft) {
                view.pan_px(pan);
            }
            if i.key_pressed(Key::ArrowRight) {
                view.pan_px(-pan);
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                view.zoom_at(center, 1.5);
            }
            if i.key_pressed(Key::Minus) {
                view.zoom_at(center, 1.0 / 1.5);
            }
        });
        let (home, end, fit, zoom_sel) = ui.input(|i| {
            (
                i.key_pressed(Key::Home),
                i.key_pressed(Key::End),
                i.key_pressed(Key::F),
                i.key_pressed(Key::Z),
            )
        });
        if fit {
            state.fit_all(doc, view.min_x, view.width_px);
            if let Some(v) = state.view {
                *view = v;
            }
        }
        if zoom_sel {
            state.view = Some(*view);
            state.zoom_to_selection(doc, selection);
            if let Some(v) = state.view {
                *view = v;
            }
        }
        if home || end {
            let (a, z) = project_range(doc);
            let target = if home { a } else { z };
            let x = if home {
                view.min_x + view.width_px * FIT_MARGIN
            } else {
                view.max_x() - view.width_px * FIT_MARGIN
            };
            view.pan_px(x - view.x_from_time(target));
        }
    }
    let _ = items_rect;
}

/// The report date and today, as vertical lines with a label at the top of the items.
fn paint_markers(
    painter: &egui::Painter,
    view: &TimeView,
    doc: &Document,
    items_rect: Rect,
    visuals: &egui::Visuals,
) {
    let marker = |secs: f64, label: &str, color: Color32| {
        let x = view.x_from_time(secs) as f32;
        if x < items_rect.left() || x > items_rect.right() {
            return;
        }
        painter.line_segment(
            [pos2(x, items_rect.top()), pos2(x, items_rect.bottom())],
            Stroke::new(1.5, color),
        );
        let galley = painter.layout_no_wrap(label.to_owned(), FontId::proportional(11.0), color);
        let at = pos2(
            (x + 3.0).min(items_rect.right() - galley.size().x - 2.0),
            items_rect.bottom() - galley.size().y - 2.0,
        );
        painter.rect_filled(
            Rect::from_min_size(at, galley.size()).expand(1.0),
            2.0,
            visuals.extreme_bg_color,
        );
        painter.galley(at, galley, color);
    };
    if let Some(reference) = doc
        .project()
        .reference_date
        .as_ref()
        .and_then(|d| d.bounds().ok())
    {
        let color = if visuals.dark_mode {
            Color32::from_rgb(255, 196, 0)
        } else {
            Color32::from_rgb(176, 120, 0)
        };
        let label = doc
            .project()
            .reference_date
            .as_ref()
            .map_or_else(String::new, |d| format!("report {}", d.edtf_text()));
        // The middle of the reference day: a line at its start would read as "the day before".
        marker(
            (reference.earliest_secs + reference.latest_secs) as f64 / 2.0,
            &label,
            color,
        );
    }
    let today_color = if visuals.dark_mode {
        Color32::from_rgb(255, 90, 90)
    } else {
        Color32::from_rgb(200, 30, 30)
    };
    marker(now_secs() as f64, "today", today_color);
}
