//! The "disputed" badges on the timeline's marks: where `layout::dispute_badges` put them, a
//! red disc with "≠" (the reports are not equal), the sign the details' Disputed lines begin with. Each is a small widget of its own, named
//! for screen readers, that lists the disagreements on hover and selects its event on a
//! click, so that the details' Disputed section is one click away.

use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};

use crate::app::Selected;
use crate::layout::{BADGE_RADIUS_PX, LanesDrawList, TimeView, dispute_badges};
use crate::ui::actions::Action;
use crate::ui::panels::PanelContext;

/// The badge's sign, "not equal": the reports differ. The badge draws it in strokes; the
/// details' Disputed lines set it in text, and DejaVu Sans, the bundled fallback, has it
/// (`tests::the_badge_glyph_is_in_the_bundled_font`).
pub const BADGE_GLYPH: &str = "≠";

/// The disc's fill and the glyph's colour: a red no event kind uses (the kinds' palette has
/// no pure red), with the glyph at 5.8:1 (dark theme, near-black on red) and 5.9:1 (light
/// theme, white on dark red).
fn badge_colors(dark_mode: bool) -> (Color32, Color32) {
    let glyph = if dark_mode {
        Color32::from_rgb(20, 20, 20)
    } else {
        Color32::WHITE
    };
    (dispute_color(dark_mode), glyph)
}

/// The colour of what is disputed, on the badge and in the details' text: 4.9:1 on the
/// dark theme's panel, 5.9:1 on the light theme's (egui's warning orange is 3:1 on white,
/// too faint for small text).
pub fn dispute_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(240, 70, 70)
    } else {
        Color32::from_rgb(200, 30, 30)
    }
}

/// "≠" drawn as three strokes rather than set in a font: at the disc's size a font's glyph
/// is a blur of anti-aliased pixels (seen in the 1024×700 screenshots), strokes stay sharp.
fn paint_not_equal(painter: &egui::Painter, center: egui::Pos2, color: Color32) {
    let stroke = Stroke::new(1.4, color);
    for dy in [-1.8, 1.8] {
        painter.line_segment([center + vec2(-3.0, dy), center + vec2(3.0, dy)], stroke);
    }
    painter.line_segment([center + vec2(1.6, -3.6), center + vec2(-1.6, 3.6)], stroke);
}

/// Paints the badges of the disputed events drawn in `layout` and makes each a widget.
pub fn badges_ui(
    ui: &egui::Ui,
    items_rect: Rect,
    layout: &LanesDrawList,
    view: &TimeView,
    row_height: f32,
    view_cx: &PanelContext<'_>,
    actions: &mut Vec<Action>,
) {
    let doc = view_cx.doc;
    let disputed = doc.disputed();
    if disputed.is_empty() {
        return;
    }
    let badges = dispute_badges(layout, view, f64::from(row_height), |e| {
        disputed.contains(e)
    });
    let painter = ui.painter_at(items_rect);
    let visuals = ui.visuals();
    let (fill, glyph) = badge_colors(visuals.dark_mode);
    let r = BADGE_RADIUS_PX as f32;
    for (n, badge) in badges.iter().enumerate() {
        let center = pos2(badge.x as f32, badge.y as f32);
        if !items_rect.contains(center) {
            continue;
        }
        // A ring of the canvas's colour keeps the disc apart from the mark under it.
        painter.circle(center, r, fill, Stroke::new(1.5, visuals.extreme_bg_color));
        paint_not_equal(&painter, center, glyph);
        let Some(event) = doc.project().events.get(badge.event as usize) else {
            continue;
        };
        let rect = Rect::from_center_size(center, vec2(2.0 * r + 2.0, 2.0 * r + 2.0));
        let response = ui.interact(
            rect,
            ui.scope_id().with(("dispute_badge", n)),
            Sense::click(),
        );
        let title = event.title.to_string();
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Disputed: {title}"))
        });
        if response.clicked() {
            actions.push(Action::Select(Selected::Event(event.id.clone())));
        }
        response.on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.strong(format!("Disputed: {title}"));
            for dispute in crate::query::event_disputes(event, doc.project(), doc.lookup()) {
                ui.label(format!("{} — {}", dispute.kind.title(), dispute.text));
            }
            ui.weak("Click to see both versions in the details.");
        });
    }
}

/// The hover card's line for a disputed event: what its reports disagree about.
pub(super) fn disputed_line_ui(
    ui: &mut egui::Ui,
    doc: &crate::app::Document,
    event: &crate::model::Event,
) {
    let disputes = crate::query::event_disputes(event, doc.project(), doc.lookup());
    if disputes.is_empty() {
        return;
    }
    let mut kinds: Vec<crate::query::DisputeKind> = disputes.iter().map(|d| d.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let kinds: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
    ui.label(
        egui::RichText::new(format!("{BADGE_GLYPH} Disputed: {}", kinds.join(", ")))
            .color(dispute_color(ui.visuals().dark_mode)),
    );
}

#[cfg(test)]
mod tests {
    use super::BADGE_GLYPH;

    #[test]
    fn the_badge_glyph_is_in_the_bundled_font() {
        for c in BADGE_GLYPH.chars() {
            assert!(
                crate::export::font::has_glyph(c),
                "DejaVu Sans has no {c:?}"
            );
        }
    }
}
