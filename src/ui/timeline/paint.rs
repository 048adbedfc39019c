//! Painting the draw list: the painter only paints what `layout` decided.

use egui::epaint::Direction;
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use crate::layout::{
    Cluster, Connector, DrawList, ItemMark, POINT_MARKER_PX, bar_height, bar_x, chevron_x,
    extent_geometry, label_text, ring_x,
};
use crate::model::{Event, TimeBounds};
use crate::ui::style::{self, MarkerShape};

pub struct ItemPaintContext<'a> {
    pub painter: &'a Painter,
    pub clip: Rect,
    pub row_height: f32,
    pub dark_mode: bool,
    pub text_color: Color32,
    pub selection_color: Color32,
    pub font: FontId,
    /// Width of one day on screen: the fade drawn for an unknown end lasts a day.
    pub px_per_day: f32,
}

/// Paints one item: its uncertain extent, its certain core or marker, and its label.
/// How one mark is to be drawn beyond what the layout decided.
#[derive(Clone, Copy, Default)]
pub struct MarkState {
    pub selected: bool,
    pub hovered: bool,
    /// The event's place in this lane is one of several candidates.
    pub candidate: bool,
}

pub fn paint_item(cx: &ItemPaintContext<'_>, item: &ItemMark, event: &Event, mark: MarkState) {
    let MarkState {
        selected,
        hovered,
        candidate,
    } = mark;
    let bounds = event.date.bounds().ok();
    let look = style::status_look(event.status);
    let mut color = style::kind_color(event.kind, cx.dark_mode);
    if look.muted {
        color = style::muted(color, cx.dark_mode);
    }
    let y_mid = item.y as f32 + cx.row_height / 2.0;
    let h = bar_height(f64::from(cx.row_height)) as f32;
    let outline = Stroke::new(if selected { 2.0 } else { 1.5 }, color);

    if item.is_point {
        paint_point(cx, item, event, color, outline, y_mid);
    } else {
        paint_extent(cx, item, bounds.as_ref(), color, y_mid, h);
        let (x0, x1) = bar_x(item);
        let core =
            Rect::from_x_y_ranges(x0 as f32..=x1 as f32, (y_mid - h / 2.0)..=(y_mid + h / 2.0));
        let core = core.intersect(cx.clip.expand(4.0));
        if item.core_x.is_some() {
            if look.fill_alpha > 0 {
                cx.painter.rect_filled(
                    core,
                    3.0,
                    color.gamma_multiply(f32::from(look.fill_alpha) / 255.0),
                );
            }
            if look.dashed {
                dashed_rect(cx.painter, core, outline);
            } else {
                cx.painter
                    .rect_stroke(core, 3.0, outline, StrokeKind::Inside);
            }
        }
        if look.struck {
            cx.painter.line_segment(
                [pos2(core.left(), y_mid), pos2(core.right(), y_mid)],
                Stroke::new(2.0, color),
            );
        }
    }

    if look.deferred {
        // "Postponed": a chevron after the mark, pointing to a later date.
        let x = chevron_x(item) as f32;
        let stroke = Stroke::new(1.5, color);
        for dx in [0.0, 4.0] {
            cx.painter.line_segment(
                [pos2(x + dx, y_mid - 4.0), pos2(x + dx + 4.0, y_mid)],
                stroke,
            );
            cx.painter.line_segment(
                [pos2(x + dx, y_mid + 4.0), pos2(x + dx + 4.0, y_mid)],
                stroke,
            );
        }
    }

    if selected || hovered {
        let (x0, x1) = ring_x(item);
        let ring = Rect::from_x_y_ranges(
            (x0 as f32 - 3.0)..=(x1 as f32 + 3.0),
            (y_mid - h / 2.0 - 3.0)..=(y_mid + h / 2.0 + 3.0),
        )
        .intersect(cx.clip.expand(6.0));
        let stroke = if selected {
            Stroke::new(2.0, cx.selection_color)
        } else {
            Stroke::new(1.0, cx.text_color.gamma_multiply(0.5))
        };
        cx.painter
            .rect_stroke(ring, 4.0, stroke, StrokeKind::Outside);
    }

    if item.label_max_width > 0.0 {
        paint_label(cx, item, event, bounds.as_ref(), selected, candidate, y_mid);
    }
}

/// The part of the date that is only possibly occupied: faded for a plain range, a
/// gradient for approximate (`~`) dates, hatched for uncertain (`?`) ones, and a fade
/// towards an unknown end or an arrow towards an open one.
fn paint_extent(
    cx: &ItemPaintContext<'_>,
    item: &ItemMark,
    bounds: Option<&TimeBounds>,
    color: Color32,
    y_mid: f32,
    h: f32,
) {
    let Some(bounds) = bounds else { return };
    let geometry = extent_geometry(item, bounds, f64::from(cx.px_per_day));
    let y_range = (y_mid - h / 2.0)..=(y_mid + h / 2.0);
    let rect = |(x0, x1): (f64, f64)| Rect::from_x_y_ranges(x0 as f32..=x1 as f32, y_range.clone());
    let half = color.gamma_multiply(0.5);
    for (span, colors) in [
        (geometry.fade_in, [Color32::TRANSPARENT, half]),
        (geometry.fade_out, [half, Color32::TRANSPARENT]),
    ] {
        let Some(span) = span else { continue };
        let r = rect(span).intersect(cx.clip);
        if r.width() > 0.0 {
            cx.painter
                .add(Shape::gradient_rect(r, Direction::LeftToRight, colors));
        }
    }
    let full = rect(geometry.span).intersect(cx.clip);
    if full.width() <= 0.0 {
        return;
    }
    let faint = color.gamma_multiply(0.22);
    for &part in geometry.uncertain_parts() {
        let part = rect(part).intersect(cx.clip);
        if part.width() < 0.5 {
            continue;
        }
        if bounds.approximate {
            let half = part.width() / 2.0;
            let (l, r) = (
                Rect::from_min_size(part.min, vec2(half, part.height())),
                Rect::from_min_max(pos2(part.left() + half, part.top()), part.max),
            );
            cx.painter.add(Shape::gradient_rect(
                l,
                Direction::LeftToRight,
                [Color32::TRANSPARENT, color.gamma_multiply(0.5)],
            ));
            cx.painter.add(Shape::gradient_rect(
                r,
                Direction::LeftToRight,
                [color.gamma_multiply(0.5), Color32::TRANSPARENT],
            ));
        } else {
            cx.painter.rect_filled(part, 2.0, faint);
        }
        if bounds.uncertain {
            hatch(
                cx.painter,
                part,
                Stroke::new(1.0, color.gamma_multiply(0.55)),
            );
        }
    }
    if geometry.somewhere_within {
        // "Somewhere within": a dotted outline of the whole span.
        dashed_rect(
            cx.painter,
            full,
            Stroke::new(1.0, color.gamma_multiply(0.8)),
        );
    }
    if geometry.open_end {
        let x = (item.x_latest as f32).min(cx.clip.right() - 2.0);
        let stroke = Stroke::new(1.5, color);
        cx.painter
            .line_segment([pos2(x - 8.0, y_mid - 4.0), pos2(x, y_mid)], stroke);
        cx.painter
            .line_segment([pos2(x - 8.0, y_mid + 4.0), pos2(x, y_mid)], stroke);
    }
}

fn paint_point(
    cx: &ItemPaintContext<'_>,
    item: &ItemMark,
    event: &Event,
    color: Color32,
    outline: Stroke,
    y_mid: f32,
) {
    let look = style::status_look(event.status);
    let center = pos2(item.x_center as f32, y_mid);
    let r = POINT_MARKER_PX as f32 / 2.0;
    let points = marker_points(style::kind_marker(event.kind), center, r);
    let fill = if look.fill_alpha > 0 {
        color.gamma_multiply(f32::from(look.fill_alpha) / 255.0)
    } else {
        // Hollow markers still get a faint fill so that they read as one shape.
        color.gamma_multiply(0.12)
    };
    cx.painter
        .add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
    let mut closed = points;
    if let Some(first) = closed.first().copied() {
        closed.push(first);
    }
    if look.dashed {
        cx.painter
            .extend(Shape::dashed_line(&closed, outline, 3.0, 2.0));
    } else {
        cx.painter.add(Shape::line(closed, outline));
    }
    if look.struck {
        cx.painter.line_segment(
            [
                center - vec2(r + 2.0, -(r + 2.0)),
                center + vec2(r + 2.0, -(r + 2.0)),
            ],
            Stroke::new(2.0, color),
        );
    }
}

/// Corner points of a marker shape around `center`: the shared geometry of
/// [`crate::export::palette::marker_polygon`], so that exported images draw the same marks.
pub fn marker_points(shape: MarkerShape, center: Pos2, r: f32) -> Vec<Pos2> {
    crate::export::palette::marker_polygon(
        shape,
        f64::from(center.x),
        f64::from(center.y),
        f64::from(r),
    )
    .into_iter()
    .map(|(x, y)| pos2(x as f32, y as f32))
    .collect()
}

fn paint_label(
    cx: &ItemPaintContext<'_>,
    item: &ItemMark,
    event: &Event,
    bounds: Option<&TimeBounds>,
    selected: bool,
    candidate: bool,
    y_mid: f32,
) {
    let look = style::status_look(event.status);
    let text = label_text(&event.title, bounds, candidate);

    let mut color = cx.text_color;
    if look.muted {
        color = color.gamma_multiply(0.6);
    }
    let format = TextFormat {
        font_id: cx.font.clone(),
        color,
        strikethrough: if look.struck {
            Stroke::new(1.0, color)
        } else {
            Stroke::NONE
        },
        ..TextFormat::default()
    };
    let mut job = LayoutJob::single_section(text, format);
    job.wrap = TextWrapping::truncate_at_width(item.label_max_width as f32);
    let galley = cx.painter.layout_job(job);
    let pos = pos2(item.label_x as f32, y_mid - galley.size().y / 2.0);
    if selected {
        let bg = Rect::from_min_size(pos, galley.size()).expand(2.0);
        cx.painter
            .rect_filled(bg, 3.0, cx.selection_color.gamma_multiply(0.25));
    }
    cx.painter.galley(pos, galley, color);
}

fn dashed_rect(painter: &Painter, rect: Rect, stroke: Stroke) {
    let path = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(Shape::dashed_line(&path, stroke, 4.0, 3.0));
}

/// Diagonal lines 6 px apart across `rect`.
fn hatch(painter: &Painter, rect: Rect, stroke: Stroke) {
    const SPACING: f32 = 6.0;
    let h = rect.height();
    let mut x = rect.left() - h;
    while x < rect.right() {
        let a = pos2(x, rect.bottom());
        let b = pos2(x + h, rect.top());
        // Clip the segment to the rect horizontally.
        let (a, b) = clip_segment_x(a, b, rect.left(), rect.right());
        if b.x > a.x {
            painter.line_segment([a, b], stroke);
        }
        x += SPACING;
    }
}

fn clip_segment_x(a: Pos2, b: Pos2, left: f32, right: f32) -> (Pos2, Pos2) {
    let lerp = |x: f32| {
        let t = (x - a.x) / (b.x - a.x);
        pos2(x, a.y + t * (b.y - a.y))
    };
    let a2 = if a.x < left { lerp(left) } else { a };
    let b2 = if b.x > right { lerp(right) } else { b };
    (a2, b2)
}

/// The lines that join one event's marks across theme lines: broken where they pass over
/// another event, with a dot on each mark they join, so that a line crossing a lane is not
/// read as that lane's actor taking part.
pub fn paint_connectors(cx: &ItemPaintContext<'_>, connectors: &[Connector], events: &[Event]) {
    for connector in connectors {
        let Some(event) = events.get(connector.event as usize) else {
            continue;
        };
        let color = style::kind_color(event.kind, cx.dark_mode).gamma_multiply(0.7);
        let x = connector.x as f32;
        for (y0, y1) in connector.segments() {
            cx.painter.line_segment(
                [pos2(x, y0 as f32), pos2(x, y1 as f32)],
                Stroke::new(2.0, color),
            );
        }
        for &y in &connector.joints {
            cx.painter.circle_filled(pos2(x, y as f32), 3.0, color);
        }
    }
}

pub fn paint_clusters(cx: &ItemPaintContext<'_>, clusters: &[Cluster]) {
    for c in clusters {
        let rect = Rect::from_min_size(
            pos2(c.x as f32 + 2.0, c.y as f32 + 3.0),
            vec2(36.0, cx.row_height - 6.0),
        );
        cx.painter
            .rect_filled(rect, 8.0, cx.text_color.gamma_multiply(0.15));
        cx.painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            format!("+{}", c.count),
            FontId::proportional(11.0),
            cx.text_color,
        );
    }
}

/// The aggregated view: one bar per density bin, in one mesh (thousands of bins would be
/// thousands of shapes otherwise).
pub fn paint_density(painter: &Painter, list: &DrawList, area: Rect, color: Color32) {
    if list.max_density == 0 {
        return;
    }
    let mut mesh = egui::Mesh::default();
    // Square-root scaling: one event in a bin must stay visible next to thousands.
    let scale = area.height() / (list.max_density as f32).sqrt();
    for bin in &list.density {
        let h = ((bin.count as f32).sqrt() * scale).max(2.0);
        let rect = Rect::from_x_y_ranges(
            bin.x0 as f32..=bin.x1 as f32 - 0.5,
            (area.bottom() - h)..=area.bottom(),
        );
        mesh.add_colored_rect(rect, color);
    }
    painter.add(Shape::mesh(mesh));
}
