//! The timeline as an image for slides and print: SVG 1.1, and PNG rendered from it.
//!
//! The image is laid out by the same pure code as the canvas (`TimeView`, `axis_ticks`,
//! `build_lanes`, `build_lanes_draw_list`) and drawn with the same encoding
//! ([`super::palette`]), so it shows what the app shows: a title, the two-row axis and its
//! grid, lane headers, theme lines and connectors, the items and their labels, "+N" where
//! items crowd, density where they are too many, periods, the report date and a legend. Its
//! height follows the lanes, not a fixed canvas.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::palette::{self, Rgb, hex};
use super::svg_legend::{LegendExtras, draw_legend};
use super::svg_marks::{self, MarkStyle, Svg, escape, fill, num, stroke};
use super::{ExportError, ExportOptions, font};
use crate::layout::{
    EventIndex, LaneKey, LaneLayoutParams, LaneMode, LaneSort, LanesDrawList, TickStrength,
    TimeView, axis_ticks, build_lanes, build_lanes_draw_list,
};
use crate::model::{EventKind, Project, SECS_PER_DAY, civil_from_secs};

/// A 16:9 slide at 1600 × 900 is the common size; print at 150 dpi on A4 landscape is close.
pub const DEFAULT_WIDTH_PX: f64 = 1600.0;
/// Narrower leaves the timeline no room beside the lane names.
pub const MIN_WIDTH_PX: f64 = 400.0;
/// Wider than a 300-dpi print of A3 landscape (~5,000 px) twice over; beyond, a PNG would
/// take hundreds of megabytes of memory to render.
pub const MAX_WIDTH_PX: f64 = 10_000.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImageTheme {
    /// Dark text on white: for print and most slides.
    #[default]
    Light,
    Dark,
}

/// What to draw and how wide.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineImageOptions {
    /// Width in pixels (SVG user units); clamped to [`MIN_WIDTH_PX`]..=[`MAX_WIDTH_PX`].
    pub width_px: f64,
    /// The time range shown, in seconds (the app's current view); `None` shows the whole
    /// project with margins, as the app's "Fit" does.
    pub range: Option<(i64, i64)>,
    pub group_by: LaneMode,
    pub sort: LaneSort,
    /// Which events are drawn (the app's filter), by position in `Project::events`;
    /// `None` draws all.
    pub passes: Option<Vec<bool>>,
    pub theme: ImageTheme,
    /// The title line; the project's title when `None`.
    pub title: Option<String>,
    pub show_legend: bool,
}

impl Default for TimelineImageOptions {
    fn default() -> Self {
        Self {
            width_px: DEFAULT_WIDTH_PX,
            range: None,
            group_by: LaneMode::None,
            sort: LaneSort::Count,
            passes: None,
            theme: ImageTheme::Light,
            title: None,
            show_legend: true,
        }
    }
}

impl TimelineImageOptions {
    /// The image the export options describe: the events their filter keeps, its dates as
    /// the range (an open side ends where the project does), and the project's saved
    /// grouping, so that the image looks as the project was last viewed.
    pub fn from_export(project: &Project, options: &ExportOptions) -> Self {
        let filter = &options.filter;
        let passes = (!filter.is_empty())
            .then(|| project.events.iter().map(|e| filter.matches(e)).collect());
        let range = (filter.from.is_some() || filter.to.is_some()).then(|| {
            let (start, end) = project_range(project, passes.as_deref().unwrap_or(&[]));
            let from = filter.from.unwrap_or(start as i64);
            let to = filter.to.unwrap_or(end as i64);
            (from, to.max(from + SECS_PER_DAY))
        });
        Self {
            range,
            group_by: project.view.group_by,
            passes,
            title: options.title.clone(),
            ..Self::default()
        }
    }
}

/// Space around the page: wider than a printer's unprintable edge (~4 mm, 15 px at 96 dpi).
const PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 20.0;
const SUBTITLE_SIZE: f64 = 12.0;
/// The axis as in the app: two rows of 20 px.
const AXIS_HEIGHT: f64 = 40.0;
const AXIS_LABEL_SIZE: f64 = 11.0;
/// DejaVu Sans digits are 0.636 em: at 11 px, 7 px a character bounds every tick label.
const AXIS_CHAR_WIDTH: f64 = 7.0;
/// As in the app: closer fine labels read as a wall of digits.
const MIN_LABEL_SPACING_PX: f64 = 60.0;
/// Rows and gaps as in the app, so that an image looks like the canvas.
const ROW_HEIGHT: f64 = 24.0;
const LANE_GAP: f64 = 6.0;
const UNGROUPED_GAP: f64 = 4.0;
const LABEL_SIZE: f64 = 12.0;
/// Average advance of a title's characters in DejaVu Sans at 12 px (0.58 em, a little over
/// the 0.55 em of mixed-case English), for the layout's room estimate: labels are then cut
/// to their measured width, so overestimating costs a few pixels and never an overlap.
const LABEL_CHAR_WIDTH: f64 = 7.0;
/// The header column is as wide as the longest lane name and its count, between the room
/// of a 12-character name and that of a 36-character one (longer names are cut), and never
/// more than 30 % of the page, as in the app.
const MIN_HEADER_WIDTH: f64 = 100.0;
const MAX_HEADER_WIDTH: f64 = 280.0;
/// More visible items than this in a lane's share turn it into a density histogram. The
/// image is static, so the budget is twice the app's per-frame one; past it a 1,600-px
/// image would be mostly "+N" clusters, and density reads better.
const MAX_ITEMS: usize = 4_000;
/// Rows of the ungrouped lane at most: 30 rows are 720 px, a slide's height.
const MAX_ROWS_UNGROUPED: usize = 30;
/// Height of the ungrouped lane's density histogram.
const UNGROUPED_DENSITY_HEIGHT: f64 = 160.0;
/// Lanes drawn at most (7,000+ px of three-row lanes); the rest are counted in a note.
const MAX_LANES: usize = 100;
/// An empty timeline still gets this much canvas, for its "No events" line.
const MIN_CANVAS_HEIGHT: f64 = 3.0 * ROW_HEIGHT;
/// Periods are tinted this much, as in the app: enough to see the band, not to fight items.
const PERIOD_OPACITY: f64 = 0.10;
/// A project with a single instant gets a week around it, as in the app.
const MIN_FIT_SECS: f64 = 7.0 * 86_400.0;
/// Fitting leaves 4 % of the width free on the left and room for the last labels on the
/// right (a 30-character label), as the app's "Fit" does.
const FIT_MARGIN: f64 = 0.04;
const FIT_LABEL_ROOM_PX: f64 = 200.0;

/// The page's colours. Light is for print: white paper, dark grey text.
pub(super) struct Colors {
    pub dark: bool,
    pub page: Rgb,
    pub canvas: Rgb,
    pub panel: Rgb,
    pub text: Rgb,
    pub weak: Rgb,
    pub grid_major: Rgb,
    pub grid_minor: Rgb,
    pub separator: Rgb,
    /// Periods without a colour of their own: egui's selection tint, as in the app.
    pub period: Rgb,
}

impl Colors {
    fn of(theme: ImageTheme) -> Self {
        match theme {
            ImageTheme::Light => Self {
                dark: false,
                page: (255, 255, 255),
                canvas: (255, 255, 255),
                panel: (245, 245, 245),
                text: (30, 30, 30),
                weak: (100, 100, 100),
                grid_major: (200, 200, 200),
                grid_minor: (230, 230, 230),
                separator: (215, 215, 215),
                period: (144, 209, 255),
            },
            ImageTheme::Dark => Self {
                dark: true,
                page: (27, 27, 27),
                canvas: (14, 14, 14),
                panel: (35, 35, 35),
                text: (220, 220, 220),
                weak: (150, 150, 150),
                grid_major: (70, 70, 70),
                grid_minor: (45, 45, 45),
                separator: (60, 60, 60),
                period: (0, 92, 128),
            },
        }
    }
}

/// The timeline of `project` as an SVG 1.1 document.
pub fn timeline_svg(project: &Project, options: &TimelineImageOptions) -> String {
    let colors = Colors::of(options.theme);
    let width = if options.width_px.is_finite() {
        options.width_px.clamp(MIN_WIDTH_PX, MAX_WIDTH_PX).round()
    } else {
        DEFAULT_WIDTH_PX
    };
    let passes = options.passes.as_deref().unwrap_or(&[]);
    let mode = options.group_by;
    let lanes = build_lanes(project, mode, options.sort, passes);
    let shown = lanes.len().min(MAX_LANES);
    let header_w = if mode == LaneMode::None {
        0.0
    } else {
        header_width(&lanes[..shown], width)
    };
    let (x0, x1) = (PAD + header_w, width - PAD);
    let view = view_for(project, passes, options.range, x0, x1 - x0);

    let mut svg = Svg::default();
    let title = options.title.as_deref().unwrap_or(&project.title);
    let subtitle = subtitle(project, passes, mode, &view);
    svg.text(
        PAD,
        PAD + TITLE_SIZE / 2.0,
        TITLE_SIZE,
        &font::truncate_to_width(title, TITLE_SIZE, width - 2.0 * PAD),
        "start",
        &fill(colors.text, 1.0),
    );
    let subtitle_mid = PAD + TITLE_SIZE + 6.0 + SUBTITLE_SIZE / 2.0;
    svg.text(
        PAD,
        subtitle_mid,
        SUBTITLE_SIZE,
        &font::truncate_to_width(&subtitle, SUBTITLE_SIZE, width - 2.0 * PAD),
        "start",
        &fill(colors.weak, 1.0),
    );
    let axis_top = (subtitle_mid + SUBTITLE_SIZE / 2.0 + 12.0).round();
    let items_top = axis_top + AXIS_HEIGHT;

    let order: Vec<usize> = (0..shown).collect();
    let layout = lay_out(&lanes, &order, mode, project, &view, items_top + 2.0);
    let items_bottom = items_top + layout.content_height.max(MIN_CANVAS_HEIGHT) + 4.0;
    let canvas = Area {
        x0,
        x1,
        top: items_top,
        bottom: items_bottom,
    };

    svg.rect(
        x0,
        items_top,
        x1 - x0,
        items_bottom - items_top,
        0.0,
        &fill(colors.canvas, 1.0),
    );
    draw_periods(&mut svg, project, &view, &canvas, &colors);
    draw_axis(&mut svg, &view, axis_top, &canvas, &colors);
    if header_w > 0.0 {
        svg.rect(
            PAD,
            axis_top,
            header_w,
            items_bottom - axis_top,
            0.0,
            &fill(colors.panel, 1.0),
        );
        draw_headers(&mut svg, &lanes, &layout, mode, PAD, x0, &colors);
    }
    draw_lane_lines(&mut svg, &layout, mode, &canvas, &colors);

    svg.define(
        "dt-canvas",
        format!(
            r#"<clipPath id="dt-canvas"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            num(x0),
            num(items_top),
            num(x1 - x0),
            num(items_bottom - items_top)
        ),
    );
    svg.raw("<g clip-path=\"url(#dt-canvas)\">\n");
    let reference = draw_reference(&mut svg, project, &view, &canvas, &colors);
    let style = MarkStyle {
        row_height: ROW_HEIGHT,
        dark: colors.dark,
        text: colors.text,
        label_size: LABEL_SIZE,
        px_per_day: SECS_PER_DAY as f64 / view.secs_per_px,
        clip: (x0, x1),
    };
    draw_lanes(&mut svg, &lanes, &layout, mode, project, &style);
    svg.raw("</g>\n");
    if lanes.is_empty() {
        svg.text(
            f64::midpoint(x0, x1),
            f64::midpoint(items_top, items_bottom),
            16.0,
            "No events",
            "middle",
            &fill(colors.weak, 1.0),
        );
    }
    // A frame around the chart, so that it reads as one figure on white paper.
    svg.rect(
        PAD,
        axis_top,
        x1 - PAD,
        items_bottom - axis_top,
        0.0,
        &format!(r#"fill="none" {}"#, stroke(colors.grid_major, 1.0, 1.0)),
    );

    let mut y = items_bottom;
    if lanes.len() > shown {
        let hidden: usize = lanes[shown..].iter().map(|l| l.num_events).sum();
        let note = format!(
            "{} more lanes ({hidden} events) are not shown: filter the project or group it differently to see them.",
            lanes.len() - shown
        );
        svg.text(
            PAD,
            y + 14.0,
            11.0,
            &font::truncate_to_width(&note, 11.0, width - 2.0 * PAD),
            "start",
            &fill(colors.weak, 1.0),
        );
        y += 22.0;
    }
    if options.show_legend {
        let extras = LegendExtras {
            reference,
            periods: !project.periods.is_empty(),
            clusters: layout.lanes.iter().any(|l| !l.list.clusters.is_empty()),
            density: layout.is_aggregated(),
            connectors: !layout.connectors.is_empty(),
        };
        y += 16.0;
        y += draw_legend(&mut svg, &colors, PAD, y, width - 2.0 * PAD, &extras);
    }
    document(&svg, width, (y + PAD).ceil(), title, &colors)
}

/// The whole document around the body.
fn document(svg: &Svg, width: f64, height: f64, title: &str, colors: &Colors) -> String {
    let mut out = String::with_capacity(svg.body.len() + 4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}, Verdana, sans-serif">"#,
        font::FAMILY,
        w = num(width),
        h = num(height),
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<defs>\n");
    for def in svg.defs() {
        out.push_str(def);
        out.push('\n');
    }
    out.push_str("</defs>\n");
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        hex(colors.page)
    );
    out.push_str(&svg.body);
    out.push_str("</svg>\n");
    out
}

/// The items area: the canvas's left and right edges, its top and bottom.
struct Area {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
}

/// The range shown: the requested one, or the project's with the app's fitting margins.
fn view_for(
    project: &Project,
    passes: &[bool],
    range: Option<(i64, i64)>,
    min_x: f64,
    width: f64,
) -> TimeView {
    if let Some((a, b)) = range {
        let (a, b) = (a.min(b) as f64, a.max(b) as f64);
        return TimeView::new(min_x, width, a, b.max(a + 1.0));
    }
    let (start, end) = project_range(project, passes);
    let mut view = TimeView::new(min_x, width, start, end);
    view.fit_between(
        start,
        end,
        width * FIT_MARGIN,
        FIT_LABEL_ROOM_PX.max(width * FIT_MARGIN),
    );
    view
}

/// The drawn events' time range with the reference date, at least a week wide (as the app
/// fits a project); a month around today when there is nothing to place.
fn project_range(project: &Project, passes: &[bool]) -> (f64, f64) {
    let kept = (0..project.events.len() as u32)
        .filter(|&i| passes.get(i as usize).copied().unwrap_or(true));
    let index = EventIndex::build_subset(&project.events, kept);
    let mut range = index.time_range().map(|(a, b)| (a as f64, b as f64));
    if let Some(b) = project
        .reference_date
        .as_ref()
        .and_then(|d| d.bounds().ok())
    {
        let (a, z) = (b.earliest_secs as f64, b.latest_secs as f64);
        range = Some(range.map_or((a, z), |(x, y)| (x.min(a), y.max(z))));
    }
    let (a, b) = range.unwrap_or_else(|| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        (now - 15.0 * 86_400.0, now + 15.0 * 86_400.0)
    });
    if b - a < MIN_FIT_SECS {
        let mid = f64::midpoint(a, b);
        (mid - MIN_FIT_SECS / 2.0, mid + MIN_FIT_SECS / 2.0)
    } else {
        (a, b)
    }
}

/// "5 events · grouped by participant · 10 Dec 2025 – 24 Dec 2025".
fn subtitle(project: &Project, passes: &[bool], mode: LaneMode, view: &TimeView) -> String {
    let total = project.events.len();
    let kept = (0..total)
        .filter(|&i| passes.get(i).copied().unwrap_or(true))
        .count();
    let mut parts = vec![if kept == total {
        format!("{total} events")
    } else {
        format!("{kept} of {total} events")
    }];
    if mode != LaneMode::None {
        parts.push(format!("grouped by {}", mode.label().to_lowercase()));
    }
    let day = |secs: f64| civil_from_secs(secs as i64).strftime("%-d %b %Y").to_string();
    parts.push(format!(
        "{} – {}",
        day(view.start_secs),
        day(view.end_secs())
    ));
    parts.join(" · ")
}

/// Lays out the lanes for a canvas as tall as they need. Ungrouped, the one lane is as tall
/// as the rows it used (or its histogram), rather than the app's whole canvas.
fn lay_out(
    lanes: &[crate::layout::Lane],
    order: &[usize],
    mode: LaneMode,
    project: &Project,
    view: &TimeView,
    top_y: f64,
) -> LanesDrawList {
    let gap = if mode == LaneMode::None {
        UNGROUPED_GAP
    } else {
        LANE_GAP
    };
    let params = LaneLayoutParams {
        top_y,
        height: if mode == LaneMode::None {
            MAX_ROWS_UNGROUPED as f64 * ROW_HEIGHT + gap
        } else {
            // Every lane is "on screen": the page grows instead of scrolling.
            f64::MAX / 4.0
        },
        row_height: ROW_HEIGHT,
        lane_gap: gap,
        scroll_y: 0.0,
        label_char_width: LABEL_CHAR_WIDTH,
        max_items: MAX_ITEMS,
    };
    let collapsed = vec![false; lanes.len()];
    let mut layout =
        build_lanes_draw_list(lanes, order, &collapsed, mode, &project.events, view, &params);
    if mode == LaneMode::None {
        for lane in &mut layout.lanes {
            lane.height = if lane.list.is_aggregated() {
                UNGROUPED_DENSITY_HEIGHT
            } else {
                lane.list.rows_used.max(1) as f64 * ROW_HEIGHT + gap
            };
        }
        layout.content_height = layout.lanes.iter().map(|l| l.height).sum();
    }
    layout
}

/// Named periods as tinted bands behind everything, each named at its top when it fits.
fn draw_periods(svg: &mut Svg, project: &Project, view: &TimeView, area: &Area, colors: &Colors) {
    for period in &project.periods {
        let Ok(bounds) = period.date.bounds() else {
            continue;
        };
        let a = view.x_from_time(bounds.earliest_secs as f64).max(area.x0);
        let b = view.x_from_time(bounds.latest_secs as f64).min(area.x1);
        if b <= a {
            continue;
        }
        let color = period
            .color
            .as_deref()
            .and_then(palette::parse_hex_rgb)
            .unwrap_or(colors.period);
        let h = area.bottom - area.top;
        svg.rect(a, area.top, b - a, h, 0.0, &fill(color, PERIOD_OPACITY));
        if font::text_width(&period.name, 11.0) < b - a - 4.0 {
            svg.text(
                a + 3.0,
                area.top + 9.0,
                11.0,
                &period.name,
                "start",
                &fill(colors.weak, 1.0),
            );
        }
    }
}

/// The two-row axis over the canvas and its grid lines down through the lanes, as the app
/// draws them: coarse ticks (months over days) across both rows, fine ones from the middle.
fn draw_axis(svg: &mut Svg, view: &TimeView, top: f64, area: &Area, colors: &Colors) {
    let ticks = axis_ticks(view, MIN_LABEL_SPACING_PX, AXIS_CHAR_WIDTH);
    let row_h = AXIS_HEIGHT / 2.0;
    svg.rect(
        area.x0,
        top,
        area.x1 - area.x0,
        AXIS_HEIGHT,
        0.0,
        &fill(colors.panel, 1.0),
    );
    let inside = |x: f64| x >= area.x0 && x <= area.x1;
    // Labels run right of their ticks; the last may pass the edge, so they are clipped.
    svg.define(
        "dt-axis",
        format!(
            r#"<clipPath id="dt-axis"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            num(area.x0),
            num(top),
            num(area.x1 - area.x0),
            num(AXIS_HEIGHT)
        ),
    );
    let major = stroke(colors.grid_major, 1.0, 1.0);
    let minor = stroke(colors.grid_minor, 1.0, 1.0);
    for tick in ticks.fine.iter().filter(|t| inside(t.x)) {
        let line = match tick.strength {
            TickStrength::Major => &major,
            TickStrength::Minor => &minor,
        };
        svg.line((tick.x, top + row_h), (tick.x, area.bottom), line);
    }
    for tick in ticks.coarse.iter().filter(|t| inside(t.x)) {
        svg.line((tick.x, top), (tick.x, area.bottom), &major);
    }
    svg.raw("<g clip-path=\"url(#dt-axis)\">\n");
    let text = fill(colors.text, 1.0);
    let weak = fill(colors.weak, 1.0);
    let mid_coarse = top + row_h / 2.0;
    let mid_fine = top + row_h * 1.5;
    for tick in ticks.coarse.iter().filter(|t| inside(t.x)) {
        svg.text(tick.x + 4.0, mid_coarse, AXIS_LABEL_SIZE, &tick.label, "start", &text);
    }
    if let Some(p) = &ticks.coarse_pinned {
        svg.text(p.x + 4.0, mid_coarse, AXIS_LABEL_SIZE, &p.label, "start", &text);
    }
    for tick in ticks.fine.iter().filter(|t| inside(t.x)) {
        svg.text(tick.x + 3.0, mid_fine, AXIS_LABEL_SIZE, &tick.label, "start", &weak);
    }
    if let Some(p) = &ticks.fine_pinned {
        svg.text(p.x + 3.0, mid_fine, AXIS_LABEL_SIZE, &p.label, "start", &weak);
    }
    svg.raw("</g>\n");
    svg.line((area.x0, area.top), (area.x1, area.top), &major);
}

fn header_width(lanes: &[crate::layout::Lane], page_width: f64) -> f64 {
    let widest = lanes
        .iter()
        .map(|l| {
            font::text_width(&l.label, LABEL_SIZE)
                + font::text_width(&l.num_events.to_string(), 11.0)
        })
        .fold(0.0, f64::max);
    // 6 px inside each edge and 8 px between the name and its count.
    (widest + 20.0)
        .clamp(MIN_HEADER_WIDTH, MAX_HEADER_WIDTH)
        .min(page_width * 0.3)
        .ceil()
}

/// Lane names and counts in the header column, level with each lane's first row.
fn draw_headers(
    svg: &mut Svg,
    lanes: &[crate::layout::Lane],
    layout: &LanesDrawList,
    mode: LaneMode,
    left: f64,
    right: f64,
    colors: &Colors,
) {
    let separator = stroke(colors.separator, 1.0, 1.0);
    for lane_draw in &layout.lanes {
        let Some(lane) = lanes.get(lane_draw.lane) else {
            continue;
        };
        let bottom = lane_draw.y_top + lane_draw.height;
        svg.line((left, bottom), (right, bottom), &separator);
        let mid = lane_draw.y_top + LANE_GAP / 2.0 + ROW_HEIGHT / 2.0;
        let count = lane.num_events.to_string();
        let count_w = font::text_width(&count, 11.0);
        svg.text(right - 6.0, mid, 11.0, &count, "end", &fill(colors.weak, 1.0));
        let room = right - left - 12.0 - count_w - 8.0;
        let name = font::truncate_to_width(&lane.label, LABEL_SIZE, room);
        // Unassigned lanes ("(no place)") are not entities: their names are weaker.
        let color = if lane.key == LaneKey::Unassigned || mode == LaneMode::None {
            colors.weak
        } else {
            colors.text
        };
        svg.text(left + 6.0, mid, LABEL_SIZE, &name, "start", &fill(color, 1.0));
    }
    svg.line(
        (right, layout.lanes.first().map_or(0.0, |l| l.y_top)),
        (right, layout.lanes.last().map_or(0.0, |l| l.y_top + l.height)),
        &stroke(colors.grid_major, 1.0, 1.0),
    );
}

/// Lane separators, and in theme-line mode the line of each lane through its first row.
fn draw_lane_lines(
    svg: &mut Svg,
    layout: &LanesDrawList,
    mode: LaneMode,
    area: &Area,
    colors: &Colors,
) {
    if mode == LaneMode::None {
        return;
    }
    let separator = stroke(colors.separator, 1.0, 1.0);
    let theme = stroke(colors.text, 1.5, 0.25);
    for lane in &layout.lanes {
        let bottom = lane.y_top + lane.height;
        svg.line((area.x0, bottom), (area.x1, bottom), &separator);
        if mode.is_theme_lines() {
            let y = lane.y_top + LANE_GAP / 2.0 + ROW_HEIGHT / 2.0;
            svg.line((area.x0, y), (area.x1, y), &theme);
        }
    }
}

/// The report date as a vertical line through its middle (a line at the day's start would
/// read as "the day before"), labelled at the bottom. Returns the label when drawn.
fn draw_reference(
    svg: &mut Svg,
    project: &Project,
    view: &TimeView,
    area: &Area,
    colors: &Colors,
) -> Option<String> {
    let date = project.reference_date.as_ref()?;
    let bounds = date.bounds().ok()?;
    let x = view.x_from_time(f64::midpoint(
        bounds.earliest_secs as f64,
        bounds.latest_secs as f64,
    ));
    if x < area.x0 || x > area.x1 {
        return None;
    }
    let color = palette::reference_rgb(colors.dark);
    svg.line((x, area.top), (x, area.bottom), &stroke(color, 1.5, 1.0));
    let label = format!("report {}", date.edtf_text());
    let w = font::text_width(&label, 11.0);
    let at = (x + 3.0).min(area.x1 - w - 2.0);
    let mid = area.bottom - 10.0;
    svg.rect(at - 1.0, mid - 8.0, w + 2.0, 16.0, 2.0, &fill(colors.canvas, 1.0));
    svg.text(at, mid, 11.0, &label, "start", &fill(color, 1.0));
    Some(label)
}

/// Connectors, density histograms, items and clusters, lane by lane.
fn draw_lanes(
    svg: &mut Svg,
    lanes: &[crate::layout::Lane],
    layout: &LanesDrawList,
    mode: LaneMode,
    project: &Project,
    style: &MarkStyle,
) {
    let events = &project.events;
    for connector in &layout.connectors {
        let Some(event) = events.get(connector.event as usize) else {
            continue;
        };
        let color = palette::kind_rgb(event.kind, style.dark);
        svg.line(
            (connector.x, connector.y_top),
            (connector.x, connector.y_bottom),
            &stroke(color, 2.0, 0.7),
        );
    }
    let density = palette::kind_rgb(EventKind::Meeting, style.dark);
    for lane in &layout.lanes {
        if lane.list.is_aggregated() {
            svg_marks::draw_density(
                svg,
                &lane.list,
                lane.y_top + 3.0,
                lane.y_top + lane.height - 3.0,
                density,
            );
        }
        let place = match (mode, lanes.get(lane.lane).map(|l| l.key)) {
            (LaneMode::Location, Some(LaneKey::Entity(id))) => Some(id),
            _ => None,
        };
        for item in &lane.list.items {
            let Some(event) = events.get(item.event as usize) else {
                continue;
            };
            let candidate = place
                .is_some_and(|id| event.places.iter().any(|p| p.location == id && p.candidate));
            // A tooltip in browsers and a name for screen readers: the full title and date,
            // which the label may have cut.
            svg.raw(&format!(
                "<g><title>{} ({})</title>\n",
                escape(&event.title),
                escape(&event.date.edtf_text())
            ));
            svg_marks::draw_item(svg, style, item, event, candidate);
            svg.raw("</g>\n");
        }
        svg_marks::draw_clusters(svg, style, &lane.list.clusters);
    }
}

/// Larger than any page this module makes at [`MAX_WIDTH_PX`] with [`MAX_LANES`] lanes
/// (10,000 × ~8,000); a 100-megapixel RGBA buffer is 400 MB.
const MAX_PNG_PIXELS: u64 = 100_000_000;

/// The timeline as a PNG: the SVG rendered by resvg, with DejaVu Sans as its only font so
/// that text looks the same on every machine.
pub fn timeline_png(project: &Project, options: &TimelineImageOptions) -> Result<Vec<u8>, ExportError> {
    render_png(&timeline_svg(project, options))
}

fn render_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let err = |message: String| ExportError::Encode {
        format: "png",
        message,
    };
    let options = usvg::Options {
        font_family: font::FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| err(e.to_string()))?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    if u64::from(w) * u64::from(h) > MAX_PNG_PIXELS {
        return Err(err(format!("{w} × {h} pixels is too large an image")));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| err(format!("cannot make a {w} × {h} image")))?;
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| err(e.to_string()))
}

/// DejaVu Sans alone, loaded once; every family the SVG names falls back to it.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(font::DEJAVU_SANS.to_vec());
        db.set_sans_serif_family(font::FAMILY);
        db.set_serif_family(font::FAMILY);
        Arc::new(db)
    })
    .clone()
}
