//! Zoom, pan, scroll, keys and clicks on the canvas.

use egui::{Key, Rect};

use super::state::{FIT_MARGIN, TimelineState, project_range, widen};
use crate::app::{Document, Selected, Selection};
use crate::layout::{LanesDrawList, TimeView};
use crate::ui::actions::Action;

/// One wheel notch (50 points in egui) zooms by 1.25×: ln(1.25) / 50.
const ZOOM_PER_SCROLL_POINT: f64 = 0.004_46;
/// Arrow keys pan by a tenth of the view.
const KEY_PAN_FRACTION: f64 = 0.1;
/// `+` and `-` zoom by half again.
const KEY_ZOOM_FACTOR: f64 = 1.5;

/// Wheel, drag and keys. The wheel zooms at the pointer over the items and scrolls the lanes
/// over their headers; shift-wheel pans; dragging pans in time and scrolls the lanes.
pub fn handle_input(
    ui: &egui::Ui,
    response: &egui::Response,
    view: &mut TimeView,
    state: &mut TimelineState,
    doc: &Document,
    selection: &Selection,
    headers_rect: Option<Rect>,
) {
    // In edit mode the primary button edits (see `edit_drag`); any other button still pans.
    let editing_drag = state.edit_mode && response.dragged_by(egui::PointerButton::Primary);
    if response.dragged() && !editing_drag {
        let delta = response.drag_delta();
        view.pan_px(f64::from(delta.x));
        state.scroll_y -= f64::from(delta.y);
    }
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let over_headers = pointer.is_some_and(|p| headers_rect.is_some_and(|r| r.contains(p)));
    if response.hovered() || over_headers {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let x = pointer.map_or(view.min_x + view.width_px / 2.0, |p| f64::from(p.x));
        if over_headers {
            state.scroll_y -= f64::from(scroll.y);
        } else {
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
    }
    // Keys act when no text field has the keyboard.
    if ui.ctx().memory(|m| m.focused().is_some()) {
        return;
    }
    let center = view.min_x + view.width_px / 2.0;
    let pan = view.width_px * KEY_PAN_FRACTION;
    let (left, right, zoom_in, zoom_out, home, end, fit, zoom_selection) = ui.input(|i| {
        (
            i.key_pressed(Key::ArrowLeft),
            i.key_pressed(Key::ArrowRight),
            i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
            i.key_pressed(Key::Minus),
            i.key_pressed(Key::Home),
            i.key_pressed(Key::End),
            i.key_pressed(Key::F),
            i.key_pressed(Key::Z),
        )
    });
    if left {
        view.pan_px(pan);
    }
    if right {
        view.pan_px(-pan);
    }
    if zoom_in {
        view.zoom_at(center, KEY_ZOOM_FACTOR);
    }
    if zoom_out {
        view.zoom_at(center, 1.0 / KEY_ZOOM_FACTOR);
    }
    if fit {
        state.fit_all(doc, view.min_x, view.width_px);
        if let Some(v) = state.view {
            *view = v;
        }
    }
    if zoom_selection {
        state.view = Some(*view);
        state.zoom_to_selection(doc, selection);
        if let Some(v) = state.view {
            *view = v;
        }
    }
    if home || end {
        let (a, z) = project_range(doc);
        let (target, x) = if home {
            (a, view.min_x + view.width_px * FIT_MARGIN)
        } else {
            (z, view.max_x() - view.width_px * FIT_MARGIN)
        };
        view.pan_px(x - view.x_from_time(target));
    }
}

/// A click: selects the item under the pointer (ctrl or shift adds to the selection), zooms
/// into a "+N" cluster, fits all on a double click on empty space, clears otherwise.
#[allow(clippy::too_many_arguments)]
pub fn click(
    ui: &egui::Ui,
    response: &egui::Response,
    pos: egui::Pos2,
    layout: &LanesDrawList,
    view: &mut TimeView,
    doc: &Document,
    state: &mut TimelineState,
    actions: &mut Vec<Action>,
) {
    let (x, y) = (f64::from(pos.x), f64::from(pos.y));
    let row_height = f64::from(state.row_height);
    let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
    let lane = layout.lane_at_y(y);
    if let Some(item) = lane.and_then(|l| l.list.item_at(x, y, row_height)) {
        if let Some(event) = doc.project().events.get(item.event as usize) {
            let selected = Selected::Event(event.id.clone());
            actions.push(if additive {
                Action::ToggleSelect(selected)
            } else {
                Action::Select(selected)
            });
        }
    } else if let Some(cluster) = lane.and_then(|l| l.list.cluster_at(x, y, row_height)) {
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
