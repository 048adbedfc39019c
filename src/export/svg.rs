//! The timeline as an image for slides and print: SVG 1.1, and PNG rendered from it.
//!
//! The image is laid out by the same pure code as the canvas (`TimeView`, `axis_ticks`,
//! `build_lanes`, `build_lanes_draw_list`) and drawn with the same encoding
//! ([`super::palette`]), so it shows what the app shows: a title, the two-row axis and its
//! grid, lane headers, theme lines and connectors, the items and their labels, counted chips
//! where items crowd (the app's layout, `build_lanes_draw_list_aggregated`), density where
//! they are too many, periods, the report date and a legend. Its height follows the lanes,
//! not a fixed canvas.

use std::fmt::Write as _;

use super::palette::{self, hex};
use super::svg_frame::{
    Area, Colors, draw_axis, draw_headers, draw_lane_lines, draw_periods, draw_reference,
    header_width,
};
use super::svg_legend::{LegendExtras, draw_legend};
use super::svg_marks::{self, MarkStyle, Svg, escape, fill, num, stroke};
use super::{ExportOptions, font};
use crate::layout::{
    EventIndex, LaneKey, LaneLayoutParams, LaneMode, LaneSort, LanesDrawList, TimeView,
    build_lanes, build_lanes_draw_list_aggregated,
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
    /// Earlier reported dates as faint marks linked to the events' current ones, as the
    /// timeline shows them: a briefing image keeps the drift of a plan that slipped.
    pub show_ghosts: bool,
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
            show_ghosts: true,
        }
    }
}

impl TimelineImageOptions {
    /// The image the export options describe: the events their filter keeps, its dates as
    /// the range (an open side ends where the project does), and the project's saved
    /// grouping, so that the image looks as the project was last viewed.
    pub fn from_export(project: &Project, options: &ExportOptions) -> Self {
        let filter = &options.filter;
        let passes = (!filter.is_empty()).then(|| {
            let only = |i: usize| {
                filter
                    .only
                    .as_ref()
                    .is_none_or(|only| only.get(i).copied().unwrap_or(false))
            };
            project
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| only(i) && filter.matches(e))
                .collect()
        });
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

    /// Narrows the image to the project's saved view ("current view" from the command
    /// line): the events its saved filter shows, and the filter's dates as the range when no
    /// range was given. A project saved without a filter is unchanged.
    pub fn as_last_viewed(&mut self, project: &Project) {
        let saved = &project.view.filter;
        if saved.is_empty() {
            return;
        }
        let lookup = project.lookup();
        let claims = crate::query::ClaimIndex::new(project, &lookup);
        let shown = crate::query::apply_filter(project, &lookup, &claims, saved).events;
        self.passes = Some(match self.passes.take() {
            Some(passes) => passes.iter().zip(&shown).map(|(a, b)| *a && *b).collect(),
            None => shown,
        });
        if self.range.is_none() && (saved.from_secs.is_some() || saved.to_secs.is_some()) {
            let (start, end) = project_range(project, self.passes.as_deref().unwrap_or(&[]));
            let from = saved.from_secs.unwrap_or(start as i64);
            let to = saved.to_secs.unwrap_or(end as i64);
            self.range = Some((from, to.max(from + SECS_PER_DAY)));
        }
    }
}

/// Space around the page: wider than a printer's unprintable edge (~4 mm, 15 px at 96 dpi).
pub(super) const PAD: f64 = 16.0;
pub(super) const TITLE_SIZE: f64 = 20.0;
pub(super) const SUBTITLE_SIZE: f64 = 12.0;
/// The axis as in the app: two rows of 20 px.
pub(super) const AXIS_HEIGHT: f64 = 40.0;
pub(super) const AXIS_LABEL_SIZE: f64 = 11.0;
/// DejaVu Sans digits are 0.636 em: at 11 px, 7 px a character bounds every tick label.
pub(super) const AXIS_CHAR_WIDTH: f64 = 7.0;
/// As in the app: closer fine labels read as a wall of digits.
pub(super) const MIN_LABEL_SPACING_PX: f64 = 60.0;
/// Rows and gaps as in the app, so that an image looks like the canvas.
pub(super) const ROW_HEIGHT: f64 = 24.0;
pub(super) const LANE_GAP: f64 = 6.0;
pub(super) const UNGROUPED_GAP: f64 = 4.0;
pub(super) const LABEL_SIZE: f64 = 12.0;
/// Average advance of a title's characters in DejaVu Sans at 12 px (0.58 em, a little over
/// the 0.55 em of mixed-case English), for the layout's room estimate: labels are then cut
/// to their measured width, so overestimating costs a few pixels and never an overlap.
pub(super) const LABEL_CHAR_WIDTH: f64 = 7.0;
/// The header column is as wide as the longest lane name and its count, between the room
/// of a 12-character name and that of a 36-character one (longer names are cut), and never
/// more than 30 % of the page, as in the app.
pub(super) const MIN_HEADER_WIDTH: f64 = 100.0;
pub(super) const MAX_HEADER_WIDTH: f64 = 280.0;
/// More visible items than this in a lane's share turn it into a density histogram. The
/// image is static, so the budget is twice the app's per-frame one; past it a 1,600-px
/// image would be mostly "+N" clusters, and density reads better.
pub(super) const MAX_ITEMS: usize = 4_000;
/// Rows of the ungrouped lane at most: 30 rows are 720 px, a slide's height.
pub(super) const MAX_ROWS_UNGROUPED: usize = 30;
/// Height of the ungrouped lane's density histogram.
pub(super) const UNGROUPED_DENSITY_HEIGHT: f64 = 160.0;
/// Lanes drawn at most (7,000+ px of three-row lanes); the rest are counted in a note.
pub(super) const MAX_LANES: usize = 100;
/// An empty timeline still gets this much canvas, for its "No events" line.
pub(super) const MIN_CANVAS_HEIGHT: f64 = 3.0 * ROW_HEIGHT;
/// The strip kept at the top of the canvas for the periods' names when the project has
/// periods: the names are 11-px text centred 9 px below the top (their bottom at ~15 px), as
/// in the app (`ui::timeline::markers::PERIOD_NAMES_HEIGHT`).
pub(super) const PERIOD_NAMES_HEIGHT: f64 = 15.0;
/// Periods are tinted this much, as in the app: enough to see the band, not to fight items.
pub(super) const PERIOD_OPACITY: f64 = 0.10;
/// A project with a single instant gets a week around it, as in the app.
pub(super) const MIN_FIT_SECS: f64 = 7.0 * 86_400.0;
/// Fitting leaves 4 % of the width free on the left and room for the last labels on the
/// right (a 30-character label), as the app's "Fit" does.
pub(super) const FIT_MARGIN: f64 = 0.04;
pub(super) const FIT_LABEL_ROOM_PX: f64 = 200.0;

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
    let axis_top = draw_titles(&mut svg, title, &subtitle, width, &colors);
    let items_top = axis_top + AXIS_HEIGHT;
    // As in the app, the first row sits below the periods' names, so that no mark or chip
    // covers them.
    let names_height = if project.periods.is_empty() {
        0.0
    } else {
        PERIOD_NAMES_HEIGHT
    };
    let order: Vec<usize> = (0..shown).collect();
    let mut layout = lay_out(
        &lanes,
        &order,
        mode,
        project,
        &view,
        items_top + 2.0 + names_height,
    );
    // The same ghosts as the app's, for this image's view (a mark's label moves past its own).
    let ghosts =
        crate::layout::ghost_marks(&mut layout, &project.events, &view, options.show_ghosts);
    let canvas = Area {
        x0,
        x1,
        top: items_top,
        bottom: items_top + names_height + layout.content_height.max(MIN_CANVAS_HEIGHT) + 4.0,
    };
    let chart = Chart {
        project,
        lanes: &lanes,
        layout: &layout,
        ghosts: &ghosts,
        mode,
        view: &view,
        colors: &colors,
    };
    let reference = draw_chart(&mut svg, &chart, &canvas, axis_top);

    let mut y = canvas.bottom;
    if lanes.len() > shown {
        y += draw_hidden_lanes_note(&mut svg, &lanes[shown..], y, width, &colors);
    }
    if options.show_legend {
        let extras = LegendExtras {
            reference,
            periods: !project.periods.is_empty(),
            clusters: layout.lanes.iter().any(|l| !l.list.clusters.is_empty()),
            density: layout.is_aggregated(),
            connectors: !layout.connectors.is_empty(),
            ghosts: !ghosts.is_empty(),
        };
        y += 16.0;
        y += draw_legend(&mut svg, &colors, PAD, y, width - 2.0 * PAD, &extras);
    }
    document(&svg, width, (y + PAD).ceil(), title, &colors)
}

/// The title and subtitle lines; returns the top of the axis below them.
fn draw_titles(svg: &mut Svg, title: &str, subtitle: &str, width: f64, colors: &Colors) -> f64 {
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
        &font::truncate_to_width(subtitle, SUBTITLE_SIZE, width - 2.0 * PAD),
        "start",
        &fill(colors.weak, 1.0),
    );
    (subtitle_mid + SUBTITLE_SIZE / 2.0 + 12.0).round()
}

/// What the chart shows: the project, its lanes as laid out, and the view.
struct Chart<'a> {
    project: &'a Project,
    lanes: &'a [crate::layout::Lane],
    layout: &'a LanesDrawList,
    ghosts: &'a [crate::layout::GhostMark],
    mode: LaneMode,
    view: &'a TimeView,
    colors: &'a Colors,
}

/// The chart from the axis down: canvas, periods, axis and grid, lane headers and lines,
/// the reference date, the marks (clipped to the canvas) and a frame around it all. Returns
/// the reference date's legend entry, if it is drawn.
fn draw_chart(svg: &mut Svg, chart: &Chart<'_>, canvas: &Area, axis_top: f64) -> Option<String> {
    let Chart {
        project,
        lanes,
        layout,
        ghosts,
        mode,
        view,
        colors,
    } = *chart;
    let Area { x0, x1, .. } = *canvas;
    let (items_top, items_bottom) = (canvas.top, canvas.bottom);
    svg.rect(
        x0,
        items_top,
        x1 - x0,
        items_bottom - items_top,
        0.0,
        &fill(colors.canvas, 1.0),
    );
    draw_periods(svg, project, view, canvas, colors);
    draw_axis(svg, view, axis_top, canvas, colors);
    if x0 > PAD {
        svg.rect(
            PAD,
            axis_top,
            x0 - PAD,
            items_bottom - axis_top,
            0.0,
            &fill(colors.panel, 1.0),
        );
        draw_headers(svg, lanes, layout, mode, PAD, x0, colors);
    }
    draw_lane_lines(svg, layout, mode, canvas, colors);

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
    let reference = draw_reference(svg, project, view, canvas, colors);
    let style = MarkStyle {
        row_height: ROW_HEIGHT,
        dark: colors.dark,
        text: colors.text,
        halo: colors.canvas,
        label_size: LABEL_SIZE,
        px_per_day: SECS_PER_DAY as f64 / view.secs_per_px,
        clip: (x0, x1),
    };
    // Under every mark, as in the app.
    for ghost in ghosts {
        if let Some(event) = project.events.get(ghost.event as usize) {
            svg_marks::draw_ghost(
                svg,
                &style,
                ghost,
                palette::kind_rgb(event.kind, style.dark),
            );
        }
    }
    draw_lanes(svg, lanes, layout, mode, project, &style);
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
    reference
}

/// The note under the chart that names how many lanes (and events) were left out; returns
/// its height.
fn draw_hidden_lanes_note(
    svg: &mut Svg,
    hidden_lanes: &[crate::layout::Lane],
    y: f64,
    width: f64,
    colors: &Colors,
) -> f64 {
    let hidden: usize = hidden_lanes.iter().map(|l| l.num_events).sum();
    let n = hidden_lanes.len();
    let note = format!(
        "{} more {} ({}) {} not shown: filter the project or group it differently to see them.",
        n,
        crate::model::noun(n, "lane", "lanes"),
        crate::model::count(hidden, "event", "events"),
        crate::model::noun(n, "is", "are"),
    );
    svg.text(
        PAD,
        y + 14.0,
        11.0,
        &font::truncate_to_width(&note, 11.0, width - 2.0 * PAD),
        "start",
        &fill(colors.weak, 1.0),
    );
    22.0
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
        crate::model::count(total, "event", "events")
    } else {
        format!(
            "{kept} of {total} {}",
            crate::model::noun(total, "event", "events")
        )
    }];
    if mode != LaneMode::None {
        parts.push(format!("grouped by {}", mode.label().to_lowercase()));
    }
    let day = |secs: f64| {
        civil_from_secs(secs as i64)
            .strftime("%-d %b %Y")
            .to_string()
    };
    parts.push(format!(
        "{} – {}",
        day(view.start_secs),
        day(view.end_secs())
    ));
    parts.join(" · ")
}

/// Lays out the lanes for a canvas as tall as they need, as the app does: crowded stretches
/// become counted chips on a row below the items. Ungrouped, the one lane is as tall as the
/// rows it used (or its histogram), rather than the app's whole canvas.
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
    let mut layout = build_lanes_draw_list_aggregated(
        lanes,
        order,
        &collapsed,
        mode,
        &project.events,
        view,
        &params,
    );
    if mode == LaneMode::None {
        for lane in &mut layout.lanes {
            lane.height = if lane.list.is_aggregated() {
                UNGROUPED_DENSITY_HEIGHT
            } else {
                // The chips' row, when there is one, is counted in the rows used.
                lane.list.rows_used.max(1) as f64 * ROW_HEIGHT + gap
            };
        }
        layout.content_height = layout.lanes.iter().map(|l| l.height).sum();
    }
    layout
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
        // As in the app: broken over the events it does not join, a dot on each it does.
        let color = palette::kind_rgb(event.kind, style.dark);
        for (y0, y1) in connector.segments() {
            svg.line(
                (connector.x, y0),
                (connector.x, y1),
                &stroke(color, 2.0, 0.7),
            );
        }
        for &y in &connector.joints {
            svg.rect(connector.x - 3.0, y - 3.0, 6.0, 6.0, 3.0, &fill(color, 0.7));
        }
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
