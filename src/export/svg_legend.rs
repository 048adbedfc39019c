//! The image's legend: kinds, statuses and kinds of uncertainty, drawn with the same mark
//! code as the items (as the app's legend is), plus the other marks the image holds.

use super::font;
use super::palette;
use super::svg_frame::Colors;
use super::svg_marks::{MarkStyle, Svg, draw_clusters, draw_item, fill, stroke};
use crate::layout::{Cluster, ItemMark, certain_span};
use crate::model::{DateSpec, Event, EventKind, EventStatus};

/// What the image holds beyond items, so that the legend explains only what is there.
pub struct LegendExtras {
    /// The report date's label, when its line is drawn.
    pub reference: Option<String>,
    pub periods: bool,
    pub clusters: bool,
    pub density: bool,
    pub connectors: bool,
    /// Ghost marks (earlier reported dates) are drawn.
    pub ghosts: bool,
}

/// A sample mark is this wide: a day and a half at the fade's day of 22 px, as in the app.
const SAMPLE_WIDTH: f64 = 44.0;
/// One legend line: the app's legend rows.
const LINE: f64 = 20.0;
const TEXT_SIZE: f64 = 12.0;
const HEADING_SIZE: f64 = 13.0;
/// Space inside the legend's box and between its columns.
const INSET: f64 = 10.0;
const COLUMN_GAP: f64 = 28.0;

enum Sample {
    Point(EventKind),
    Bar(EventStatus),
    Date(&'static str),
    Reference,
    Period,
    Cluster,
    Density,
    Connector,
    Ghost,
}

struct Column {
    heading: &'static str,
    entries: Vec<(Sample, String)>,
}

fn columns(extras: &LegendExtras) -> Vec<Column> {
    let kinds = EventKind::ALL
        .iter()
        .map(|k| (Sample::Point(*k), k.label().to_owned()))
        .collect();
    let statuses = EventStatus::ALL
        .iter()
        .map(|s| (Sample::Bar(*s), s.label().to_owned()))
        .collect();
    let date = |edtf, label: &str| (Sample::Date(edtf), label.to_owned());
    // A full bar is the time the event certainly took; a slim one between brackets says it
    // took place somewhere within them.
    let uncertain = vec![
        date("2025-12-13", "certain (a day, days)"),
        date("2025-12", "some time within (2025-12)"),
        date("2025-12~", "approximate (~)"),
        date("2025-12?", "uncertain (?)"),
        date("/2025-12-18", "start unknown (/date)"),
        date("2025-12-18/..", "open end (date/..)"),
    ];
    let mut other = Vec::new();
    if let Some(label) = &extras.reference {
        other.push((Sample::Reference, label.clone()));
    }
    if extras.periods {
        other.push((Sample::Period, "period".to_owned()));
    }
    if extras.connectors {
        other.push((
            Sample::Connector,
            "one event, several participants".to_owned(),
        ));
    }
    if extras.ghosts {
        other.push((
            Sample::Ghost,
            "earlier reported date, linked to the current one".to_owned(),
        ));
    }
    if extras.clusters {
        other.push((
            Sample::Cluster,
            "events too close together to show one by one".to_owned(),
        ));
    }
    if extras.density {
        other.push((
            Sample::Density,
            "bars: events beginning; shade: under way".to_owned(),
        ));
    }
    let mut out = vec![
        Column {
            heading: "Kinds",
            entries: kinds,
        },
        Column {
            heading: "Statuses",
            entries: statuses,
        },
        Column {
            heading: "Dates (all held)",
            entries: uncertain,
        },
    ];
    if !other.is_empty() {
        out.push(Column {
            heading: "Also",
            entries: other,
        });
    }
    out
}

/// Draws the legend in a box from `(x, y)`, at most `max_width` wide, its columns wrapping
/// when they do not fit side by side. Returns its height.
pub fn draw_legend(
    svg: &mut Svg,
    colors: &Colors,
    x: f64,
    y: f64,
    max_width: f64,
    extras: &LegendExtras,
) -> f64 {
    let columns = columns(extras);
    // Place the columns first: the box is drawn under them, so its size comes first.
    let mut placed = Vec::new();
    let (mut cx, mut cy, mut row_height, mut used_width) = (x + INSET, y + INSET, 0.0_f64, 0.0_f64);
    for column in &columns {
        let text_w = column
            .entries
            .iter()
            .map(|(_, label)| font::text_width(label, TEXT_SIZE))
            .fold(font::text_width(column.heading, HEADING_SIZE), f64::max);
        let width = SAMPLE_WIDTH + 8.0 + text_w;
        let height = LINE * (column.entries.len() + 1) as f64;
        if cx > x + INSET && cx + width > x + max_width - INSET {
            cx = x + INSET;
            cy += row_height + INSET;
            row_height = 0.0;
        }
        placed.push((cx, cy));
        used_width = used_width.max(cx + width - x);
        row_height = row_height.max(height);
        cx += width + COLUMN_GAP;
    }
    let height = cy + row_height + INSET - y;
    svg.rect(
        x,
        y,
        (used_width + INSET).min(max_width),
        height,
        6.0,
        &format!(
            "{} {}",
            fill(colors.panel, 1.0),
            stroke(colors.separator, 1.0, 1.0)
        ),
    );
    let style = MarkStyle {
        row_height: LINE,
        dark: colors.dark,
        text: colors.text,
        // The legend's samples sit on its panel.
        halo: colors.panel,
        label_size: TEXT_SIZE,
        // The fade of an unknown end lasts a day: half a sample, as in the app's legend.
        px_per_day: SAMPLE_WIDTH / 2.0,
        clip: (f64::MIN / 4.0, f64::MAX / 4.0),
    };
    for (column, (cx, cy)) in columns.iter().zip(placed) {
        svg.text(
            cx,
            cy + LINE / 2.0,
            HEADING_SIZE,
            column.heading,
            "start",
            &fill(colors.text, 1.0),
        );
        for (i, (sample, label)) in column.entries.iter().enumerate() {
            let row_y = cy + (i + 1) as f64 * LINE;
            draw_sample(svg, &style, colors, sample, cx, row_y);
            svg.text(
                cx + SAMPLE_WIDTH + 8.0,
                row_y + LINE / 2.0,
                TEXT_SIZE,
                label,
                "start",
                &fill(colors.text, 1.0),
            );
        }
    }
    height
}

fn draw_sample(svg: &mut Svg, style: &MarkStyle, colors: &Colors, sample: &Sample, x: f64, y: f64) {
    let event = |kind, status, edtf: &str| {
        DateSpec::parse(edtf)
            .ok()
            .map(|date| Event::new("legend", "", kind, status, date))
    };
    // All core when the date has a certain part, by the rule the timeline draws with.
    let mark = |point: bool, event: &Event| ItemMark {
        event: 0,
        row: 0,
        y,
        x_earliest: x,
        x_latest: x + SAMPLE_WIDTH,
        core_x: event
            .date
            .bounds()
            .ok()
            .and_then(|b| certain_span(&b))
            .map(|_| (x, x + SAMPLE_WIDTH)),
        is_point: point,
        x_center: x + SAMPLE_WIDTH / 2.0,
        label_x: 0.0,
        label_max_width: 0.0,
    };
    match sample {
        Sample::Point(kind) => {
            if let Some(e) = event(*kind, EventStatus::Held, "2025-12-13") {
                draw_item(svg, style, &mark(true, &e), &e, false);
            }
        }
        Sample::Bar(status) => {
            // Short enough that the postponed chevrons fit before the text.
            if let Some(e) = event(EventKind::Meeting, *status, "2025-12-13/2025-12-14") {
                let mut m = mark(false, &e);
                m.x_latest -= 10.0;
                m.core_x = Some((x, m.x_latest));
                draw_item(svg, style, &m, &e, false);
            }
        }
        Sample::Date(edtf) => {
            if let Some(e) = event(EventKind::Meeting, EventStatus::Held, edtf) {
                draw_item(svg, style, &mark(false, &e), &e, false);
            }
        }
        Sample::Reference => {
            let color = palette::reference_rgb(colors.dark);
            let cx = x + SAMPLE_WIDTH / 2.0;
            svg.line(
                (cx, y + 2.0),
                (cx, y + LINE - 2.0),
                &stroke(color, 1.5, 1.0),
            );
        }
        Sample::Period => {
            svg.rect(
                x,
                y + 2.0,
                SAMPLE_WIDTH,
                LINE - 4.0,
                0.0,
                &fill(colors.period, 0.25),
            );
        }
        Sample::Connector => {
            let color = palette::kind_rgb(EventKind::Talks, colors.dark);
            let cx = x + SAMPLE_WIDTH / 2.0;
            svg.line(
                (x, y + 4.0),
                (x + SAMPLE_WIDTH, y + 4.0),
                &stroke(colors.text, 1.5, 0.25),
            );
            svg.line(
                (x, y + LINE - 4.0),
                (x + SAMPLE_WIDTH, y + LINE - 4.0),
                &stroke(colors.text, 1.5, 0.25),
            );
            svg.line(
                (cx, y + 4.0),
                (cx, y + LINE - 4.0),
                &stroke(color, 2.0, 0.7),
            );
        }
        Sample::Ghost => {
            // As the app's legend: a ghost of the days before, linked to a held mark.
            let third = SAMPLE_WIDTH / 3.0;
            let ghost = crate::layout::GhostMark {
                event: 0,
                state: 0,
                y,
                x_earliest: x,
                x_latest: x + third,
                is_point: false,
                x_center: x + third / 2.0,
                link: Some((x + third, x + 2.0 * third)),
            };
            if let Some(e) = event(EventKind::Meeting, EventStatus::Held, "2025-12-13") {
                let color = palette::kind_rgb(e.kind, colors.dark);
                super::svg_marks::draw_ghost(svg, style, &ghost, color);
                let mut m = mark(false, &e);
                m.x_earliest = x + 2.0 * third;
                m.x_center = f64::midpoint(m.x_earliest, m.x_latest);
                m.core_x = Some((m.x_earliest, m.x_latest));
                draw_item(svg, style, &m, &e, false);
            }
        }
        Sample::Cluster => {
            let cluster = Cluster {
                x: x + 2.0,
                y,
                count: 7,
                first_event: 0,
                min_secs: 0,
                max_secs: 0,
            };
            draw_clusters(svg, style, &[cluster]);
        }
        Sample::Density => {
            let color = palette::kind_rgb(EventKind::Meeting, colors.dark);
            svg.rect(x + 4.0, y + LINE - 17.0, 38.0, 14.0, 0.0, &fill(color, 0.3));
            for (i, h) in [4.0, 8.0, 13.0, 9.0, 14.0, 6.0, 3.0].iter().enumerate() {
                let bx = x + 4.0 + i as f64 * 5.5;
                svg.rect(bx, y + LINE - 3.0 - h, 5.0, *h, 0.0, &fill(color, 0.8));
            }
        }
    }
}
