//! SVG output for the timeline image: a small writer (numbers, colours, XML escaping, shared
//! gradients and hatch patterns) and the marks of one item, drawn with the same encoding as
//! `ui::timeline::paint` (kind colours and marker shapes, statuses as fill, hollow, dashed,
//! struck or deferred, uncertain extents faded, graded or hatched).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::font;
use super::palette::{self, Rgb, hex, kind_marker, kind_rgb, marker_polygon, status_look};
use crate::layout::{
    Cluster, DrawList, ExtentGeometry, GHOST_FILL_OPACITY, GHOST_HEIGHT_SHARE, GHOST_LINE_OPACITY,
    GHOST_POINT_PX, GhostMark, ItemMark, POINT_MARKER_PX, bar_height, body_geometry, chevron_x,
    extent_geometry, label_on_core, label_plates, label_text, point_brackets,
};
use crate::model::{Event, TimeBounds};

/// Text baseline below a line's middle, in ems: half DejaVu Sans's cap height (0.73 em), so
/// that capitals and digits sit centred on the row as egui centres its galleys.
pub const BASELINE_EM: f64 = 0.36;

/// A number with at most one decimal: a tenth of a pixel is below what any renderer shows,
/// and it keeps the file small.
pub fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let rounded = (x * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// `text` escaped for XML character data and attribute values. Characters XML 1.0 forbids
/// (control characters other than tab and newline) become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `fill="#rrggbb"` with an opacity when below 1.
pub fn fill(color: Rgb, opacity: f64) -> String {
    if opacity >= 1.0 {
        format!(r#"fill="{}""#, hex(color))
    } else {
        format!(r#"fill="{}" fill-opacity="{:.2}""#, hex(color), opacity)
    }
}

/// `stroke="#rrggbb" stroke-width="w"` with an opacity when below 1.
pub fn stroke(color: Rgb, width: f64, opacity: f64) -> String {
    let mut s = format!(r#"stroke="{}" stroke-width="{}""#, hex(color), num(width));
    if opacity < 1.0 {
        let _ = write!(s, r#" stroke-opacity="{opacity:.2}""#);
    }
    s
}

/// The document body and the definitions it needs, by id (so that each gradient or pattern
/// is written once however many items use it).
#[derive(Default)]
pub struct Svg {
    pub body: String,
    defs: BTreeMap<String, String>,
}

/// What a gradient across a shape does, left to right.
#[derive(Clone, Copy)]
pub enum Fade {
    /// From transparent to half opacity: an unknown start.
    In,
    /// From half opacity to transparent: an unknown end.
    Out,
    /// Transparent at both ends, half opacity in the middle: an approximate (`~`) date.
    Both,
}

impl Svg {
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, radius: f64, attrs: &str) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}""#,
            num(x),
            num(y),
            num(w),
            num(h)
        );
        if radius > 0.0 {
            let _ = write!(self.body, r#" rx="{}""#, num(radius));
        }
        let _ = writeln!(self.body, " {attrs}/>");
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), attrs: &str) {
        let _ = writeln!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {attrs}/>"#,
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    /// An open polyline (no fill).
    pub fn polyline(&mut self, points: &[(f64, f64)], attrs: &str) {
        let _ = writeln!(
            self.body,
            r#"<polyline points="{}" fill="none" {attrs}/>"#,
            points_text(points)
        );
    }

    pub fn polygon(&mut self, points: &[(f64, f64)], attrs: &str) {
        let _ = writeln!(
            self.body,
            r#"<polygon points="{}" {attrs}/>"#,
            points_text(points)
        );
    }

    /// Text whose middle is at `y_mid`; `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, x: f64, y_mid: f64, size: f64, text: &str, anchor: &str, attrs: &str) {
        if text.is_empty() {
            return;
        }
        let _ = write!(
            self.body,
            r#"<text x="{}" y="{}" font-size="{}""#,
            num(x),
            num(y_mid + size * BASELINE_EM),
            num(size)
        );
        if anchor != "start" {
            let _ = write!(self.body, r#" text-anchor="{anchor}""#);
        }
        let _ = writeln!(self.body, " {attrs}>{}</text>", escape(text));
    }

    pub fn raw(&mut self, text: &str) {
        self.body.push_str(text);
    }

    /// A horizontal gradient of `color` (by id, defined once).
    pub fn fade(&mut self, color: Rgb, fade: Fade) -> String {
        let (prefix, stops): (&str, &[(f64, f64)]) = match fade {
            Fade::In => ("fi", &[(0.0, 0.0), (1.0, 0.5)]),
            Fade::Out => ("fo", &[(0.0, 0.5), (1.0, 0.0)]),
            Fade::Both => ("fb", &[(0.0, 0.0), (0.5, 0.5), (1.0, 0.0)]),
        };
        let id = format!("dt-{prefix}-{}", &hex(color)[1..]);
        self.defs.entry(id.clone()).or_insert_with(|| {
            let mut def = format!(r#"<linearGradient id="{id}">"#);
            for (offset, opacity) in stops {
                let _ = write!(
                    def,
                    r#"<stop offset="{offset}" stop-color="{}" stop-opacity="{opacity}"/>"#,
                    hex(color)
                );
            }
            def + "</linearGradient>"
        });
        format!("url(#{id})")
    }

    /// Diagonal lines 6 px apart in `color` (the app's hatch for uncertain `?` dates).
    pub fn hatch(&mut self, color: Rgb) -> String {
        let id = format!("dt-hatch-{}", &hex(color)[1..]);
        self.defs.entry(id.clone()).or_insert_with(|| {
            // One 6 px tile: the diagonal through it, and the corners of its neighbours'
            // diagonals so that lines join across tiles without gaps.
            format!(
                r#"<pattern id="{id}" patternUnits="userSpaceOnUse" width="6" height="6"><path d="M-1,1 L1,-1 M0,6 L6,0 M5,7 L7,5" {}/></pattern>"#,
                stroke(color, 1.0, 0.55)
            )
        });
        format!("url(#{id})")
    }

    /// An id not yet defined: `prefix-N`, N the number of definitions so far (which only
    /// grows, so ids never repeat).
    pub fn unique_id(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.defs.len())
    }

    pub fn define(&mut self, id: &str, definition: String) {
        self.defs.insert(id.to_owned(), definition);
    }

    pub fn defs(&self) -> impl Iterator<Item = &String> {
        self.defs.values()
    }
}

fn points_text(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What items are drawn with.
pub struct MarkStyle {
    pub row_height: f64,
    pub dark: bool,
    pub text: Rgb,
    /// The canvas colour: what a bar's fill is blended over, for its label's colour.
    pub halo: Rgb,
    pub label_size: f64,
    /// Width of one day: the fade of an unknown end lasts a day.
    pub px_per_day: f64,
    /// The canvas's left and right edges: extents are cut there.
    pub clip: (f64, f64),
}

/// The colour an event's marks are drawn in.
pub fn event_rgb(event: &Event, dark: bool) -> Rgb {
    let color = kind_rgb(event.kind, dark);
    if status_look(event.status).muted {
        palette::muted_rgb(color, dark)
    } else {
        color
    }
}

/// One item: its uncertain extent, its certain core or marker, the postponed chevrons and
/// its label. `candidate`: the event's place in this lane is one of several.
pub fn draw_item(
    svg: &mut Svg,
    style: &MarkStyle,
    item: &ItemMark,
    event: &Event,
    candidate: bool,
) {
    let bounds = event.date.bounds().ok();
    let look = status_look(event.status);
    let color = event_rgb(event, style.dark);
    let y_mid = item.y + style.row_height / 2.0;
    let dash = if look.dashed {
        r#" stroke-dasharray="4 3""#
    } else {
        ""
    };

    if item.is_point {
        draw_point(svg, item, event, color, y_mid);
    } else {
        let geometry = bounds
            .as_ref()
            .map(|b| extent_geometry(item, b, style.px_per_day));
        if let (Some(bounds), Some(geometry)) = (&bounds, &geometry) {
            draw_extent(svg, style, item, bounds, geometry, color, y_mid);
        }
        // The body shows the status whatever the date: a full bar over the certain core, a
        // slim one across the span when the event lies somewhere within it (as the app).
        let body = body_geometry(item, geometry.as_ref(), style.row_height);
        // Cut to the canvas with a little to spare, as the app does, so that a bar begun
        // off-canvas shows no left edge.
        let (x0, x1) = (
            body.x.0.max(style.clip.0 - 4.0),
            body.x.1.min(style.clip.1 + 4.0),
        );
        if x1 > x0 {
            let fill_attr = if look.fill_alpha > 0 {
                fill(color, f64::from(look.fill_alpha) / 255.0)
            } else {
                r#"fill="none""#.to_owned()
            };
            // The outline sits inside the bar, as egui's `StrokeKind::Inside` does.
            let inset = 0.75;
            svg.rect(
                x0 + inset,
                y_mid - body.height / 2.0 + inset,
                x1 - x0 - 2.0 * inset,
                body.height - 2.0 * inset,
                (body.height / 2.0).min(3.0),
                &format!("{fill_attr} {}{dash}", stroke(color, 1.5, 1.0)),
            );
        }
        if look.struck {
            svg.line((x0, y_mid), (x1, y_mid), &stroke(color, 2.0, 1.0));
        }
    }

    if look.deferred {
        // "Postponed": a double chevron after the mark, pointing to a later date.
        let x = chevron_x(item);
        for dx in [0.0, 4.0] {
            svg.polyline(
                &[
                    (x + dx, y_mid - 4.0),
                    (x + dx + 4.0, y_mid),
                    (x + dx, y_mid + 4.0),
                ],
                &stroke(color, 1.5, 1.0),
            );
        }
    }

    if item.label_max_width > 0.0 {
        draw_label(svg, style, item, event, bounds.as_ref(), candidate, y_mid);
    }
}

/// The part of the date that is only possibly occupied: faded for a plain range, a gradient
/// for approximate (`~`) dates, hatched for uncertain (`?`) ones, brackets at the known ends
/// of a date the event lies somewhere within, a fade towards an unknown end and an arrow
/// towards an open one.
fn draw_extent(
    svg: &mut Svg,
    style: &MarkStyle,
    item: &ItemMark,
    bounds: &TimeBounds,
    geometry: &ExtentGeometry,
    color: Rgb,
    y_mid: f64,
) {
    let h = bar_height(style.row_height);
    let top = y_mid - h / 2.0;
    let (clip0, clip1) = style.clip;
    let clipped = |a: f64, b: f64| (a.max(clip0), b.min(clip1));
    // Gradients are drawn over the whole fade and clipped by the canvas's clip path, so that
    // a fade cut by the edge keeps its slope.
    for (span, fade) in [(geometry.fade_in, Fade::In), (geometry.fade_out, Fade::Out)] {
        if let Some((x0, x1)) = span {
            let paint = svg.fade(color, fade);
            svg.rect(x0, top, x1 - x0, h, 0.0, &format!(r#"fill="{paint}""#));
        }
    }
    let (full0, full1) = clipped(geometry.span.0, geometry.span.1);
    if full1 <= full0 {
        return;
    }
    for &(a, b) in geometry.uncertain_parts() {
        let (a, b) = if bounds.approximate {
            (a, b)
        } else {
            clipped(a, b)
        };
        if b - a < 0.5 {
            continue;
        }
        if bounds.approximate {
            let paint = svg.fade(color, Fade::Both);
            svg.rect(a, top, b - a, h, 0.0, &format!(r#"fill="{paint}""#));
        } else {
            svg.rect(a, top, b - a, h, 2.0, &fill(color, 0.22));
        }
        if bounds.uncertain {
            let (a, b) = clipped(a, b);
            let paint = svg.hatch(color);
            svg.rect(a, top, b - a, h, 0.0, &format!(r#"fill="{paint}""#));
        }
    }
    // "Somewhere within": a bracket at each known end, its serifs pointing in (no status
    // is drawn with brackets).
    for (x, inward) in geometry
        .brackets
        .iter()
        .zip([BRACKET_SERIF_PX, -BRACKET_SERIF_PX])
    {
        let Some(x) = *x else { continue };
        if x < clip0 - 1.0 || x > clip1 + 1.0 {
            continue;
        }
        bracket(svg, x, (top, top + h), inward, color);
    }
    if geometry.open_end {
        let x = item.x_latest.min(clip1 - 2.0);
        svg.polyline(
            &[(x - 8.0, y_mid - 4.0), (x, y_mid), (x - 8.0, y_mid + 4.0)],
            &stroke(color, 1.5, 1.0),
        );
    }
}

/// Length of a bracket's serifs: the app's.
const BRACKET_SERIF_PX: f64 = 3.0;

/// A "somewhere within" bracket at `x` from `y.0` to `y.1`, its serifs `inward` (negative:
/// pointing left).
fn bracket(svg: &mut Svg, x: f64, (top, bottom): (f64, f64), inward: f64, color: Rgb) {
    svg.polyline(
        &[
            (x + inward, top),
            (x, top),
            (x, bottom),
            (x + inward, bottom),
        ],
        &stroke(color, 1.5, 0.8),
    );
}

fn draw_point(svg: &mut Svg, item: &ItemMark, event: &Event, color: Rgb, y_mid: f64) {
    let look = status_look(event.status);
    let (cx, r) = (item.x_center, POINT_MARKER_PX / 2.0);
    if let Some((left, right)) = point_brackets(item) {
        // Zoomed out, a doubtful date keeps its brackets around the marker (as the app).
        bracket(svg, left, (y_mid - r, y_mid + r), BRACKET_SERIF_PX, color);
        bracket(svg, right, (y_mid - r, y_mid + r), -BRACKET_SERIF_PX, color);
    }
    let points = marker_polygon(kind_marker(event.kind), cx, y_mid, r);
    // Hollow markers still get a faint fill so that they read as one shape.
    let opacity = if look.fill_alpha > 0 {
        f64::from(look.fill_alpha) / 255.0
    } else {
        0.12
    };
    let dash = if look.dashed {
        r#" stroke-dasharray="3 2""#
    } else {
        ""
    };
    svg.polygon(
        &points,
        &format!(
            "{} {}{dash} stroke-linejoin=\"round\"",
            fill(color, opacity),
            stroke(color, 1.5, 1.0)
        ),
    );
    if look.struck {
        let d = r + 2.0;
        svg.line(
            (cx - d, y_mid + d),
            (cx + d, y_mid - d),
            &stroke(color, 2.0, 1.0),
        );
    }
}

fn draw_label(
    svg: &mut Svg,
    style: &MarkStyle,
    item: &ItemMark,
    event: &Event,
    bounds: Option<&TimeBounds>,
    candidate: bool,
    y_mid: f64,
) {
    let look = status_look(event.status);
    let text = label_text(&event.title, bounds, candidate);
    let full_chars = text.chars().count();
    let text = font::truncate_to_width(&text, style.label_size, item.label_max_width);
    let kept = text.chars().count();
    if kept < full_chars && kept < MIN_CUT_LABEL_CHARS {
        // "Eve…" names nothing and, many times over, reads as noise on a page; the item's
        // tooltip keeps its title.
        return;
    }
    let colors = label_colors(style, event);
    let width = font::text_width(&text, style.label_size);
    // Over the mark's uncertain parts (faint fills, gradients, hatching, a slim body) the
    // label gets a plate of the canvas's colour, as in the app.
    let text_height = style.label_size * 1.2;
    for (x0, x1) in label_plates(item, width).into_iter().flatten() {
        svg.rect(
            x0.max(style.clip.0),
            y_mid - text_height / 2.0,
            x1.min(style.clip.1) - x0.max(style.clip.0),
            text_height,
            2.0,
            &fill(style.halo, 1.0),
        );
    }
    let mut attrs = fill(colors.text, 1.0);
    if look.struck {
        attrs.push_str(r#" text-decoration="line-through""#);
    }
    svg.text(
        item.label_x,
        y_mid,
        style.label_size,
        &text,
        "start",
        &attrs,
    );
    if let (Some((x0, x1)), Some((ink, _))) = (label_on_core(item, width), colors.on_fill) {
        // Grey text on a held (opaque) bar is hard to read (1.7:1 on teal), in print most
        // of all: the part of the label over the core is drawn again in a colour that
        // contrasts with the fill, clipped to the core, as slides label their bars.
        let h = bar_height(style.row_height);
        let id = svg.unique_id("dt-bar");
        svg.define(
            &id,
            format!(
                r#"<clipPath id="{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                num(x0),
                num(y_mid - h / 2.0),
                num((x1 - x0).max(0.0)),
                num(h)
            ),
        );
        let mut attrs = fill(ink, 1.0);
        attrs.push_str(&format!(r#" clip-path="url(#{id})""#));
        if look.struck {
            attrs.push_str(r#" text-decoration="line-through""#);
        }
        svg.text(
            item.label_x,
            y_mid,
            style.label_size,
            &text,
            "start",
            &attrs,
        );
    }
}

/// The colours of an event's label in the image: the app's rule, with the image's text and
/// canvas colours (an image has no selection; the text colour stands in for it).
pub fn label_colors(style: &MarkStyle, event: &Event) -> palette::LabelColors {
    palette::label_colors(
        style.text,
        style.halo,
        style.text,
        event_rgb(event, style.dark),
        status_look(event.status),
    )
}

/// A cut label keeps at least this many characters (the ellipsis included), or is left out:
/// five are the shortest that name anything ("Talk…", "Umer…").
const MIN_CUT_LABEL_CHARS: usize = 5;

/// Counted chips where items crowd or found no room.
pub fn draw_clusters(svg: &mut Svg, style: &MarkStyle, clusters: &[Cluster]) {
    // As in the app (`ui::timeline::paint::paint_clusters`): a chip with the count, shaded
    // by its share of the lane's largest (square root, so that one event stays visible next
    // to hundreds), so that a row of chips reads as where the events lie.
    let max_count = clusters.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    for c in clusters {
        let (x, y, h) = (c.x + 2.0, c.y + 4.0, style.row_height - 8.0);
        let share = (f64::from(c.count) / f64::from(max_count)).sqrt();
        svg.raw(&format!(
            "<g class=\"cluster\"><title>{}</title>\n",
            crate::model::count(c.count as usize, "event", "events")
        ));
        svg.rect(x, y, 36.0, h, 0.0, &fill(style.text, 0.10 + 0.22 * share));
        svg.text(
            x + 18.0,
            y + h / 2.0,
            11.0,
            &c.count.to_string(),
            "middle",
            &fill(style.text, 1.0),
        );
        svg.raw("</g>\n");
    }
}

/// The aggregated view of a lane, as the app paints it (`paint_density`): a pale shade of
/// how many events are under way in each bin, and in front of it how many begin there, each
/// on its own square-root scale so that one event in a bin stays visible next to thousands.
/// One step outline per run of bins (rather than a rectangle per 2-px bin) keeps a 100-lane
/// image in kilobytes.
pub fn draw_density(svg: &mut Svg, list: &DrawList, top: f64, bottom: f64, color: Rgb) {
    if list.max_density == 0 || bottom <= top {
        return;
    }
    let shade = step_path(list, top, bottom, list.max_density, |b| b.count);
    let _ = writeln!(svg.body, r#"<path d="{shade}" {}/>"#, fill(color, 0.3));
    if list.max_starts > 0 {
        let bars = step_path(list, top, bottom, list.max_starts, |b| b.starts);
        let _ = writeln!(svg.body, r#"<path d="{bars}" {}/>"#, fill(color, 0.8));
    }
}

/// The outline of the bins' `value`s (bins with none left out), `max` reaching the top.
fn step_path(
    list: &DrawList,
    top: f64,
    bottom: f64,
    max: u32,
    value: impl Fn(&crate::layout::DensityBin) -> u32,
) -> String {
    let scale = (bottom - top) / f64::from(max).sqrt();
    let mut d = String::new();
    let mut run_end: Option<f64> = None;
    let mut last_h = f64::NAN;
    for bin in list.density.iter().filter(|b| value(b) > 0) {
        let h = (f64::from(value(bin)).sqrt() * scale).max(2.0);
        let y = num(bottom - h);
        match run_end {
            Some(end) if (bin.x0 - end).abs() < 0.01 => {
                if (h - last_h).abs() >= 0.05 {
                    let _ = write!(d, "V{y}");
                }
            }
            Some(_) => {
                let _ = write!(d, "V{}ZM{} {}V{y}", num(bottom), num(bin.x0), num(bottom));
            }
            None => {
                let _ = write!(d, "M{} {}V{y}", num(bin.x0), num(bottom));
            }
        }
        let _ = write!(d, "H{}", num(bin.x1));
        run_end = Some(bin.x1);
        last_h = h;
    }
    if run_end.is_some() {
        let _ = write!(d, "V{}Z", num(bottom));
    }
    d
}

/// One ghost mark (an earlier reported date, `layout::ghost_marks`) in `color` (the kind's),
/// as the app paints it: a faint, low box with a thin outline, and a thin line to the
/// current mark. Drawn before the marks, so that it lies under them.
pub fn draw_ghost(svg: &mut Svg, style: &MarkStyle, ghost: &GhostMark, color: Rgb) {
    let y_mid = ghost.y + style.row_height / 2.0;
    let half = if ghost.is_point {
        GHOST_POINT_PX / 2.0
    } else {
        bar_height(style.row_height) * GHOST_HEIGHT_SHARE / 2.0
    };
    let (x0, x1) = if ghost.is_point {
        (
            ghost.x_center - GHOST_POINT_PX / 2.0,
            ghost.x_center + GHOST_POINT_PX / 2.0,
        )
    } else {
        (ghost.x_earliest, ghost.x_latest)
    };
    // Cut to the canvas with a little to spare, so that no outline edge shows at its border.
    let (x0, x1) = (x0.max(style.clip.0 - 2.0), x1.min(style.clip.1 + 2.0));
    let line = stroke(color, 1.0, GHOST_LINE_OPACITY);
    if x1 > x0 {
        // The outline sits inside the box, as egui's `stroke_inside` does.
        let inset = 0.5;
        svg.rect(
            x0 + inset,
            y_mid - half + inset,
            (x1 - x0 - 2.0 * inset).max(0.0),
            2.0 * half - 2.0 * inset,
            0.0,
            &format!("{} {line}", fill(color, GHOST_FILL_OPACITY)),
        );
    }
    if let Some((a, b)) = ghost.link {
        let (a, b) = (a.max(style.clip.0), b.min(style.clip.1));
        if b > a {
            svg.line((a, y_mid), (b, y_mid), &line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(-3.26), "-3.3");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn escaping_covers_markup_and_forbidden_characters() {
        assert_eq!(
            escape(r#"<a & "b" 'c'>"#),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
        );
        assert_eq!(escape("a\u{1}b\nc"), "a b c");
    }

    /// Every label colour against every ground it is drawn on in the image, for each kind,
    /// status and theme: the canvas (beside a mark, on a hollow core, on the plate over
    /// uncertain parts) and a filled core.
    #[test]
    fn every_label_reads_on_what_it_is_drawn_on() {
        use super::super::ImageTheme;
        use super::super::svg_frame::Colors;
        use crate::model::{DateSpec, EventKind, EventStatus};
        let mut failures = Vec::new();
        for theme in [ImageTheme::Light, ImageTheme::Dark] {
            let colors = Colors::of(theme);
            let style = MarkStyle {
                row_height: 22.0,
                dark: colors.dark,
                text: colors.text,
                halo: colors.canvas,
                label_size: 12.0,
                px_per_day: 20.0,
                clip: (0.0, 100.0),
            };
            for kind in EventKind::ALL {
                for status in EventStatus::ALL {
                    let date = DateSpec::parse("2025-12-19").unwrap();
                    let event = Event::new("e", "E", kind, status, date);
                    let label = label_colors(&style, &event);
                    // An image has no selection: its pair is not drawn.
                    let drawn = std::iter::once((label.text, label.canvas)).chain(label.on_fill);
                    for (ink, ground) in drawn {
                        let ratio = palette::contrast_ratio(ink, ground);
                        if ratio < palette::MIN_TEXT_CONTRAST {
                            failures.push(format!(
                                "{theme:?} {kind:?} {status:?}: {ink:?} on {ground:?} is {ratio:.2}:1"
                            ));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn shared_paints_are_defined_once() {
        let mut svg = Svg::default();
        let a = svg.fade((1, 2, 3), Fade::In);
        let b = svg.fade((1, 2, 3), Fade::In);
        let c = svg.hatch((1, 2, 3));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(svg.defs().count(), 2);
    }
}
