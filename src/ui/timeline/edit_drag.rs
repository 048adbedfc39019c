//! Editing on the canvas (with "Edit" on): drag an event to move it, drag an end to change
//! its span, draw on empty space to create an event there. One drag is one undo step.

use egui::{Color32, Pos2, Rect, Stroke, pos2};

use crate::app::Selected;
use crate::app::edits::{add_event, replace_event, unique_id};
use crate::layout::{LanesDrawList, TimeView};
use crate::model::{
    End, Event, EventKind, EventStatus, Project, SECS_PER_DAY, civil_from_secs, days_span,
    move_end, shift_days,
};
use crate::ui::actions::Action;

/// Within this many points of a bar's end, a drag moves the end rather than the bar: a
/// comfortable grab without making short bars unmovable.
const END_GRAB_PX: f64 = 5.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DragOp {
    Move { event: u32, from_x: f64 },
    Resize { event: u32, end: End, from_x: f64 },
    Draw { from_x: f64, y: f32 },
}

/// What a press at `pos` would start.
pub fn begin(layout: &LanesDrawList, pos: Pos2, row_height: f64) -> DragOp {
    let (x, y) = (f64::from(pos.x), f64::from(pos.y));
    if let Some(item) = layout
        .lane_at_y(y)
        .and_then(|l| l.list.item_at(x, y, row_height))
    {
        if !item.is_point {
            if (x - item.x_earliest).abs() <= END_GRAB_PX {
                return DragOp::Resize {
                    event: item.event,
                    end: End::Start,
                    from_x: x,
                };
            }
            if (x - item.x_latest).abs() <= END_GRAB_PX {
                return DragOp::Resize {
                    event: item.event,
                    end: End::End,
                    from_x: x,
                };
            }
        }
        return DragOp::Move {
            event: item.event,
            from_x: x,
        };
    }
    DragOp::Draw {
        from_x: x,
        y: pos.y,
    }
}

fn days_between(view: &TimeView, from_x: f64, to_x: f64) -> i64 {
    ((to_x - from_x) * view.secs_per_px / SECS_PER_DAY as f64).round() as i64
}

/// The edit a finished drag makes, if any.
pub fn finish(op: DragOp, to: Pos2, view: &TimeView, project: &Project, actions: &mut Vec<Action>) {
    let to_x = f64::from(to.x);
    match op {
        DragOp::Move { event, from_x } | DragOp::Resize { event, from_x, .. } => {
            let days = days_between(view, from_x, to_x);
            let Some(old) = project.events.get(event as usize) else {
                return;
            };
            if days == 0 {
                return;
            }
            let (date, verb) = match op {
                DragOp::Resize { end, .. } => {
                    (move_end(&old.date, end, days), "change the span of")
                }
                _ => (shift_days(&old.date, days), "move"),
            };
            let Some(date) = date else { return };
            let new = Event {
                date,
                ..old.clone()
            };
            if let Some(edit) = replace_event(project, event as usize, new, verb) {
                actions.push(Action::Edit(edit, None));
            }
        }
        DragOp::Draw { from_x, .. } => {
            let (a, b) = (
                view.time_from_x(from_x.min(to_x)),
                view.time_from_x(from_x.max(to_x)),
            );
            let (first, last) = (
                civil_from_secs(a as i64).date(),
                civil_from_secs(b as i64).date(),
            );
            let Some(date) = days_span(first, last) else {
                return;
            };
            let id = unique_id(project, "ev", "new event");
            let event = Event::new(
                &id,
                "New event",
                EventKind::Meeting,
                EventStatus::Planned,
                date,
            );
            actions.push(Action::Edit(add_event(project, event), None));
            actions.push(Action::Select(Selected::Event(id.into())));
        }
    }
}

/// A ghost of where the drag would put things.
pub fn paint_preview(
    painter: &egui::Painter,
    op: DragOp,
    to: Pos2,
    layout: &LanesDrawList,
    view: &TimeView,
    row_height: f32,
    color: Color32,
) {
    let stroke = Stroke::new(1.5, color);
    match op {
        DragOp::Draw { from_x, y } => {
            let rect = Rect::from_two_pos(
                pos2(from_x as f32, y - row_height / 2.0),
                pos2(to.x, y + row_height / 2.0),
            );
            painter.rect_filled(rect, 3.0, color.gamma_multiply(0.25));
            painter.rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
        }
        DragOp::Move { event, from_x } | DragOp::Resize { event, from_x, .. } => {
            let Some(item) = layout.items().find(|i| i.event == event) else {
                return;
            };
            // Snap the ghost to whole days, as the edit will be.
            let dx = days_between(view, from_x, f64::from(to.x)) as f64 * SECS_PER_DAY as f64
                / view.secs_per_px;
            let (mut x0, mut x1) = (item.x_earliest, item.x_latest.max(item.x_earliest + 4.0));
            match op {
                DragOp::Resize {
                    end: End::Start, ..
                } => x0 += dx,
                DragOp::Resize { end: End::End, .. } => x1 += dx,
                _ => {
                    x0 += dx;
                    x1 += dx;
                }
            }
            let rect = Rect::from_x_y_ranges(
                x0.min(x1) as f32..=x1.max(x0) as f32,
                item.y as f32 + 3.0..=item.y as f32 + row_height - 3.0,
            );
            painter.rect_filled(rect, 3.0, color.gamma_multiply(0.25));
            painter.rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
        }
    }
}
