//! The chart around the items: the two-row axis and its grid, period bands, lane headers
//! and separators, and the report-date line; and the page's colours.

use super::font;
use super::palette::{self, Rgb};
use super::svg::{
    AXIS_CHAR_WIDTH, AXIS_HEIGHT, AXIS_LABEL_SIZE, ImageTheme, LABEL_SIZE, LANE_GAP,
    MAX_HEADER_WIDTH, MIN_HEADER_WIDTH, MIN_LABEL_SPACING_PX, PERIOD_OPACITY, ROW_HEIGHT,
};
use super::svg_marks::{Svg, fill, num, stroke};
use crate::layout::{LaneKey, LaneMode, LanesDrawList, TickStrength, TimeView, axis_ticks};
use crate::model::Project;

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
    pub(super) fn of(theme: ImageTheme) -> Self {
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

/// The items area: the canvas's left and right edges, its top and bottom.
pub(super) struct Area {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Named periods as tinted bands behind everything, each named at its top when it fits.
pub(super) fn draw_periods(
    svg: &mut Svg,
    project: &Project,
    view: &TimeView,
    area: &Area,
    colors: &Colors,
) {
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
pub(super) fn draw_axis(svg: &mut Svg, view: &TimeView, top: f64, area: &Area, colors: &Colors) {
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
        svg.text(
            tick.x + 4.0,
            mid_coarse,
            AXIS_LABEL_SIZE,
            &tick.label,
            "start",
            &text,
        );
    }
    if let Some(p) = &ticks.coarse_pinned {
        svg.text(
            p.x + 4.0,
            mid_coarse,
            AXIS_LABEL_SIZE,
            &p.label,
            "start",
            &text,
        );
    }
    for tick in ticks.fine.iter().filter(|t| inside(t.x)) {
        svg.text(
            tick.x + 3.0,
            mid_fine,
            AXIS_LABEL_SIZE,
            &tick.label,
            "start",
            &weak,
        );
    }
    if let Some(p) = &ticks.fine_pinned {
        svg.text(
            p.x + 3.0,
            mid_fine,
            AXIS_LABEL_SIZE,
            &p.label,
            "start",
            &weak,
        );
    }
    svg.raw("</g>\n");
    svg.line((area.x0, area.top), (area.x1, area.top), &major);
}

pub(super) fn header_width(lanes: &[crate::layout::Lane], page_width: f64) -> f64 {
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
pub(super) fn draw_headers(
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
        svg.text(
            right - 6.0,
            mid,
            11.0,
            &count,
            "end",
            &fill(colors.weak, 1.0),
        );
        let room = right - left - 12.0 - count_w - 8.0;
        let name = font::truncate_to_width(&lane.label, LABEL_SIZE, room);
        // Unassigned lanes ("(no place)") are not entities: their names are weaker.
        let color = if lane.key == LaneKey::Unassigned || mode == LaneMode::None {
            colors.weak
        } else {
            colors.text
        };
        svg.text(
            left + 6.0,
            mid,
            LABEL_SIZE,
            &name,
            "start",
            &fill(color, 1.0),
        );
    }
    svg.line(
        (right, layout.lanes.first().map_or(0.0, |l| l.y_top)),
        (
            right,
            layout.lanes.last().map_or(0.0, |l| l.y_top + l.height),
        ),
        &stroke(colors.grid_major, 1.0, 1.0),
    );
}

/// Lane separators, and in theme-line mode the line of each lane through its first row.
pub(super) fn draw_lane_lines(
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
pub(super) fn draw_reference(
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
    svg.rect(
        at - 1.0,
        mid - 8.0,
        w + 2.0,
        16.0,
        2.0,
        &fill(colors.canvas, 1.0),
    );
    svg.text(at, mid, 11.0, &label, "start", &fill(color, 1.0));
    Some(label)
}
