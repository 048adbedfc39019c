//! Painting the draw list: the painter only paints what `layout` decided.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use super::mark_mesh::MarkMeshes;

use crate::export::palette::LabelColors;
use crate::layout::{
    Cluster, Connector, DrawList, ExtentGeometry, ItemMark, POINT_MARKER_PX, bar_height,
    body_geometry, chevron_x, extent_geometry, label_on_core, label_plates, label_text,
    point_brackets, ring_x,
};
use crate::model::{Event, TimeBounds};
use crate::ui::style::{self, MarkerShape};

pub struct ItemPaintContext<'a> {
    pub painter: &'a Painter,
    /// Where the marks' fills, outlines and label plates go (see `mark_mesh`).
    pub meshes: &'a MarkMeshes,
    pub clip: Rect,
    pub row_height: f32,
    pub dark_mode: bool,
    pub text_color: Color32,
    /// What the marks are drawn on: labels over a mark's uncertain parts get a plate of it.
    pub canvas_color: Color32,
    pub selection_color: Color32,
    pub font: FontId,
    /// Width of one day on screen: the fade drawn for an unknown end lasts a day.
    pub px_per_day: f32,
}

/// How one mark is to be drawn beyond what the layout decided.
#[derive(Clone, Copy, Default)]
pub struct MarkState {
    pub selected: bool,
    pub hovered: bool,
    /// The event's place in this lane is one of several candidates.
    pub candidate: bool,
}

/// Paints one item: its uncertain extent, its body (styled by status) or marker, and its
/// label.
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
        let geometry = bounds
            .as_ref()
            .map(|b| extent_geometry(item, b, f64::from(cx.px_per_day)));
        if let (Some(bounds), Some(geometry)) = (bounds.as_ref(), geometry.as_ref()) {
            paint_extent(cx, item, bounds, geometry, color, y_mid, h);
        }
        // The body shows the status whatever the date: a full bar over the certain core, a
        // slim one across the span when the event lies somewhere within it.
        let body = body_geometry(item, geometry.as_ref(), f64::from(cx.row_height));
        let half = body.height as f32 / 2.0;
        let rect = Rect::from_x_y_ranges(
            body.x.0 as f32..=body.x.1 as f32,
            (y_mid - half)..=(y_mid + half),
        )
        .intersect(cx.clip.expand(4.0));
        if look.fill_alpha > 0 {
            cx.meshes.fill_rect(
                rect,
                color.gamma_multiply(f32::from(look.fill_alpha) / 255.0),
            );
        }
        if look.dashed {
            cx.meshes.dashed_outline(rect, outline, cx.clip);
        } else {
            cx.meshes.stroke_inside(rect, outline);
        }
        if look.struck {
            cx.meshes.straight_line(
                pos2(rect.left(), y_mid),
                pos2(rect.right(), y_mid),
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
        let colors = style::label_colors(
            cx.text_color,
            cx.canvas_color,
            cx.selection_color,
            color,
            look,
        );
        let label = LabelStyle {
            colors,
            selected,
            candidate,
            struck: look.struck,
        };
        paint_label(cx, item, event, bounds.as_ref(), &label, y_mid);
    }
}

/// The part of the date that is only possibly occupied: faded for a plain range, a
/// gradient for approximate (`~`) dates, hatched for uncertain (`?`) ones, brackets at the
/// known ends of a date the event lies somewhere within, and a fade towards an unknown end
/// or an arrow towards an open one.
fn paint_extent(
    cx: &ItemPaintContext<'_>,
    item: &ItemMark,
    bounds: &TimeBounds,
    geometry: &ExtentGeometry,
    color: Color32,
    y_mid: f32,
    h: f32,
) {
    let y_range = (y_mid - h / 2.0)..=(y_mid + h / 2.0);
    let rect = |(x0, x1): (f64, f64)| Rect::from_x_y_ranges(x0 as f32..=x1 as f32, y_range.clone());
    let half = color.gamma_multiply(0.5);
    for (span, colors) in [
        (geometry.fade_in, [Color32::TRANSPARENT, half]),
        (geometry.fade_out, [half, Color32::TRANSPARENT]),
    ] {
        let Some(span) = span else { continue };
        cx.meshes
            .gradient_rect(rect(span).intersect(cx.clip), colors);
    }
    let full = rect(geometry.span).intersect(cx.clip);
    if full.width() <= 0.0 {
        return;
    }
    let faint = color.gamma_multiply(0.22);
    for &part in geometry.uncertain_parts() {
        let unclipped = rect(part);
        let part = unclipped.intersect(cx.clip);
        if part.width() < 0.5 {
            continue;
        }
        if bounds.approximate {
            let half = part.width() / 2.0;
            let (l, r) = (
                Rect::from_min_size(part.min, vec2(half, part.height())),
                Rect::from_min_max(pos2(part.left() + half, part.top()), part.max),
            );
            cx.meshes
                .gradient_rect(l, [Color32::TRANSPARENT, color.gamma_multiply(0.5)]);
            cx.meshes
                .gradient_rect(r, [color.gamma_multiply(0.5), Color32::TRANSPARENT]);
        } else {
            cx.meshes.fill_rect(part, faint);
        }
        if bounds.uncertain {
            cx.meshes.hatch(
                part,
                unclipped.left(),
                Stroke::new(1.0, color.gamma_multiply(0.55)),
            );
        }
    }
    // "Somewhere within": a bracket at each known end, its serifs pointing in. Brackets
    // belong to no status (statuses are fills, solid or dashed outlines, chevrons and
    // strikes), so that a date's doubt never reads as a status.
    let stroke = Stroke::new(1.5, color.gamma_multiply(0.8));
    for (x, inward) in geometry
        .brackets
        .iter()
        .zip([BRACKET_SERIF_PX, -BRACKET_SERIF_PX])
    {
        let Some(x) = x else { continue };
        let x = *x as f32;
        if x < cx.clip.left() - 1.0 || x > cx.clip.right() + 1.0 {
            continue;
        }
        cx.meshes.bracket(x, full.y_range(), inward, stroke);
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

/// Length of a bracket's serifs: 3 points read as "[" at the bracket's 14-point height and
/// leave a gap between the two serifs of a day at 8 points per day.
const BRACKET_SERIF_PX: f32 = 3.0;

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
    if let Some((left, right)) = point_brackets(item) {
        // Zoomed out, a doubtful date keeps its brackets around the marker.
        let stroke = Stroke::new(1.5, color.gamma_multiply(0.8));
        let y = egui::Rangef::new(y_mid - r, y_mid + r);
        cx.meshes.bracket(left as f32, y, BRACKET_SERIF_PX, stroke);
        cx.meshes
            .bracket(right as f32, y, -BRACKET_SERIF_PX, stroke);
    }
    let points = marker_points(style::kind_marker(event.kind), center, r);
    let fill = if look.fill_alpha > 0 {
        color.gamma_multiply(f32::from(look.fill_alpha) / 255.0)
    } else {
        // Hollow markers still get a faint fill so that they read as one shape.
        color.gamma_multiply(0.12)
    };
    cx.meshes.convex_fill(&points, fill);
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

/// How a label is drawn beyond its text.
struct LabelStyle {
    colors: LabelColors,
    selected: bool,
    candidate: bool,
    struck: bool,
}

/// A label: in its text colour on the canvas, on a plate of the canvas's colour where it
/// lies over the mark's uncertain parts, and in a contrasting colour where it lies on a
/// filled core (grey text on a held teal bar was 1.7:1).
fn paint_label(
    cx: &ItemPaintContext<'_>,
    item: &ItemMark,
    event: &Event,
    bounds: Option<&TimeBounds>,
    label: &LabelStyle,
    y_mid: f32,
) {
    let text = label_text(&event.title, bounds, label.candidate);
    let colors = &label.colors;
    let color = style::rgb(colors.text);
    let format = TextFormat {
        font_id: cx.font.clone(),
        color,
        strikethrough: if label.struck {
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
    let text_rect = Rect::from_min_size(pos, galley.size());
    if label.selected {
        let (ink, plate) = colors.selected;
        cx.painter
            .rect_filled(text_rect.expand(2.0), 3.0, style::rgb(plate));
        cx.painter
            .galley_with_override_text_color(pos, galley, style::rgb(ink));
        return;
    }
    let width = f64::from(galley.size().x);
    for (x0, x1) in label_plates(item, width).into_iter().flatten() {
        let plate = Rect::from_x_y_ranges(x0 as f32..=x1 as f32, text_rect.y_range());
        cx.meshes.plate(plate.intersect(cx.clip), cx.canvas_color);
    }
    match (label_on_core(item, width), colors.on_fill) {
        (Some((c0, c1)), Some((ink, _))) => {
            // The text off the core in its own colour, on the core in the ink that reads on
            // the fill: one galley, painted through three clips.
            let clip = cx.painter.clip_rect();
            let band =
                |x0: f32, x1: f32| Rect::from_x_y_ranges(x0..=x1, clip.y_range()).intersect(clip);
            let (c0, c1) = (c0 as f32, c1 as f32);
            for part in [band(clip.left(), c0), band(c1, clip.right())] {
                if part.width() > 0.0 {
                    cx.painter
                        .with_clip_rect(part)
                        .galley(pos, galley.clone(), color);
                }
            }
            cx.painter
                .with_clip_rect(band(c0, c1))
                .galley_with_override_text_color(pos, galley, style::rgb(ink));
        }
        _ => cx.painter.galley(pos, galley, color),
    }
}

/// The lines that join one event's marks across theme lines: broken where they pass over
/// another event, with a dot on each mark they join, so that a line crossing a lane is not
/// read as that lane's actor taking part.
pub fn paint_connectors(
    painter: &Painter,
    dark_mode: bool,
    connectors: &[Connector],
    events: &[Event],
) {
    for connector in connectors {
        let Some(event) = events.get(connector.event as usize) else {
            continue;
        };
        let color = style::kind_color(event.kind, dark_mode).gamma_multiply(0.7);
        let x = connector.x as f32;
        for (y0, y1) in connector.segments() {
            painter.line_segment(
                [pos2(x, y0 as f32), pos2(x, y1 as f32)],
                Stroke::new(2.0, color),
            );
        }
        for &y in &connector.joints {
            painter.circle_filled(pos2(x, y as f32), 3.0, color);
        }
    }
}

/// Clusters as counted chips, shaded by their count among the lane's (square root, as the
/// density histogram: one event must stay visible next to hundreds), so that a row of them
/// reads as where the events lie. The chips are plain rectangles in one mesh: a rounded,
/// anti-aliased one is ~60 triangles, and eleven lanes of 30 chips were 20,000 of a frame's
/// triangles on llvmpipe.
pub fn paint_clusters(cx: &ItemPaintContext<'_>, clusters: &[Cluster]) {
    let max_count = clusters.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    let mut mesh = egui::Mesh::default();
    let mut counts = Vec::with_capacity(clusters.len());
    for c in clusters {
        let rect = Rect::from_min_size(
            pos2(c.x as f32 + 2.0, c.y as f32 + 4.0),
            vec2(36.0, cx.row_height - 8.0),
        );
        let share = (c.count as f32 / max_count as f32).sqrt();
        mesh.add_colored_rect(rect, cx.text_color.gamma_multiply(0.10 + 0.22 * share));
        counts.push((rect.center(), c.count));
    }
    cx.painter.add(Shape::mesh(mesh));
    for (centre, count) in counts {
        cx.painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            count.to_string(),
            FontId::proportional(11.0),
            cx.text_color,
        );
    }
}

/// The aggregated view, in one mesh (thousands of bins would be thousands of shapes
/// otherwise): a pale shade of how many events are under way in each bin, and in front of it
/// a bar of how many begin there. Each has its own scale: in a ten-day view of a million
/// events the ~500 month- and year-long events under way fill every bin alike, and the
/// day's 6–51 meetings would be slivers on that scale; as bars of their own they show when
/// things happen.
pub fn paint_density(painter: &Painter, list: &DrawList, area: Rect, color: Color32) {
    if list.max_density == 0 {
        return;
    }
    let mut mesh = egui::Mesh::default();
    // Square-root scaling: one event in a bin must stay visible next to thousands.
    let bar_height =
        |value: u32, max: u32| (value as f32).sqrt() * area.height() / (max as f32).sqrt().max(1.0);
    let shade = color.gamma_multiply(0.3);
    for bin in &list.density {
        let x_range = bin.x0 as f32..=bin.x1 as f32 - 0.5;
        let under_way = bar_height(bin.count, list.max_density).max(2.0);
        mesh.add_colored_rect(
            Rect::from_x_y_ranges(x_range.clone(), (area.bottom() - under_way)..=area.bottom()),
            shade,
        );
        if bin.starts > 0 {
            let h = bar_height(bin.starts, list.max_starts).max(2.0);
            mesh.add_colored_rect(
                Rect::from_x_y_ranges(x_range, (area.bottom() - h)..=area.bottom()),
                color,
            );
        }
    }
    painter.add(Shape::mesh(mesh));
}
