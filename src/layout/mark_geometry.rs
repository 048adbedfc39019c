//! The geometry of one event's mark, shared by the app's painter (`ui::timeline::paint`) and
//! the SVG export (`export::svg_marks`): where a range's fades, uncertain parts and core go,
//! where the "postponed" chevrons and the selection ring sit. Both only turn it into their
//! own primitives, styled and cut to their canvas, so that the image exported is the
//! timeline seen.

use super::{ItemMark, POINT_MARKER_PX};
use crate::model::{EndKind, TimeBounds};

/// Height of a bar inside its row: the row minus 4 points above and below for the
/// selection ring, and never under 6 points, so that a bar stays a bar in dense lanes.
pub fn bar_height(row_height: f64) -> f64 {
    (row_height - 8.0).max(6.0)
}

/// Where the parts of a range's uncertain extent go, in screen x, before any clipping.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExtentGeometry {
    /// From nothing to half strength across the day given to an unknown start.
    pub fade_in: Option<(f64, f64)>,
    /// From half strength to nothing across the day given to an unknown end.
    pub fade_out: Option<(f64, f64)>,
    /// Between the fades: what the date allows.
    pub span: (f64, f64),
    /// The possibly occupied parts: left and right of the certain core, or the whole span
    /// when there is no core.
    parts: [(f64, f64); 2],
    num_parts: usize,
    /// No certain core: the event lies somewhere within `span` (an outline shows it).
    pub somewhere_within: bool,
    /// The end is open (`2025-12-20/..`): an arrow points on at the right.
    pub open_end: bool,
}

impl ExtentGeometry {
    /// The possibly occupied parts, left to right.
    pub fn uncertain_parts(&self) -> &[(f64, f64)] {
        &self.parts[..self.num_parts]
    }
}

/// The extent of a range mark. An unknown end was given a day of room by the index
/// (`drawn_extent`); that day becomes a fade, at most half the mark's width so that a short
/// mark with two unknown ends still shows both.
pub fn extent_geometry(item: &ItemMark, bounds: &TimeBounds, px_per_day: f64) -> ExtentGeometry {
    let fade_px = px_per_day.min((item.x_latest - item.x_earliest) / 2.0);
    let mut x_from = item.x_earliest;
    let mut x_to = item.x_latest;
    let mut fade_in = None;
    let mut fade_out = None;
    if bounds.start != EndKind::Known {
        fade_in = Some((x_from, x_from + fade_px));
        x_from += fade_px;
    }
    if bounds.end != EndKind::Known {
        fade_out = Some((x_to - fade_px, x_to));
        x_to -= fade_px;
    }
    let (parts, num_parts) = match item.core_x {
        Some((core0, core1)) => ([(x_from, core0.min(x_to)), (core1.max(x_from), x_to)], 2),
        None => ([(x_from, x_to), (x_to, x_to)], 1),
    };
    ExtentGeometry {
        fade_in,
        fade_out,
        span: (x_from, x_to),
        parts,
        num_parts,
        somewhere_within: item.core_x.is_none(),
        open_end: bounds.end == EndKind::Open,
    }
}

/// The x range of a range's bar: its certain core, or its whole extent; at least 1 point
/// wide so that an instant-long core still shows.
pub fn bar_x(item: &ItemMark) -> (f64, f64) {
    let (x0, x1) = item.core_x.unwrap_or((item.x_earliest, item.x_latest));
    (x0, x1.max(x0 + 1.0))
}

/// Where the "postponed" chevrons start: just after the mark.
pub fn chevron_x(item: &ItemMark) -> f64 {
    if item.is_point {
        item.x_center + POINT_MARKER_PX / 2.0 + 2.0
    } else {
        item.x_latest + 2.0
    }
}

/// An item's label: its title, `~` before it for an approximate date and `?` after it for
/// an uncertain one, and "(candidate)" first where the lane's place is one of several
/// candidates (first, so that it survives the ellipsis of a long title).
pub fn label_text(title: &str, bounds: Option<&TimeBounds>, candidate: bool) -> String {
    let mut text = String::new();
    if candidate {
        text.push_str("(candidate) ");
    }
    if bounds.is_some_and(|b| b.approximate) {
        text.push_str("~ ");
    }
    text.push_str(title);
    if bounds.is_some_and(|b| b.uncertain) {
        text.push_str(" ?");
    }
    text
}

/// The x range a selection or hover ring goes around (3 points outside it).
pub fn ring_x(item: &ItemMark) -> (f64, f64) {
    if item.is_point {
        (
            item.x_center - POINT_MARKER_PX / 2.0,
            item.x_center + POINT_MARKER_PX / 2.0,
        )
    } else {
        (item.x_earliest, item.x_latest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSpec;

    fn item(x_earliest: f64, x_latest: f64, core_x: Option<(f64, f64)>) -> ItemMark {
        ItemMark {
            event: 0,
            row: 0,
            y: 0.0,
            x_earliest,
            x_latest,
            core_x,
            is_point: false,
            x_center: f64::midpoint(x_earliest, x_latest),
            label_x: 0.0,
            label_max_width: 0.0,
        }
    }

    fn bounds(edtf: &str) -> TimeBounds {
        DateSpec::parse(edtf).unwrap().bounds().unwrap()
    }

    #[test]
    fn a_month_lies_somewhere_within_its_span() {
        let g = extent_geometry(&item(100.0, 400.0, None), &bounds("2025-12"), 10.0);
        assert_eq!((g.fade_in, g.fade_out), (None, None));
        assert_eq!(g.span, (100.0, 400.0));
        assert_eq!(g.uncertain_parts(), [(100.0, 400.0)]);
        assert!(g.somewhere_within && !g.open_end);
    }

    #[test]
    fn an_interval_of_months_is_uncertain_only_around_its_core() {
        let g = extent_geometry(
            &item(100.0, 400.0, Some((200.0, 300.0))),
            &bounds("2025-12/2026-02"),
            10.0,
        );
        assert_eq!(g.uncertain_parts(), [(100.0, 200.0), (300.0, 400.0)]);
        assert!(!g.somewhere_within);
    }

    #[test]
    fn unknown_and_open_ends_fade_over_a_day_at_most_half_the_mark() {
        let g = extent_geometry(&item(100.0, 400.0, None), &bounds("/2025-12-21"), 30.0);
        assert_eq!(g.fade_in, Some((100.0, 130.0)));
        assert_eq!(g.span, (130.0, 400.0));
        let g = extent_geometry(&item(100.0, 400.0, None), &bounds("2025-12-20/.."), 30.0);
        assert_eq!(g.fade_out, Some((370.0, 400.0)));
        assert!(g.open_end);
        // Zoomed out, a day is wider than half the mark: the fades meet in the middle.
        let both_unknown = TimeBounds {
            start: EndKind::Unknown,
            end: EndKind::Unknown,
            ..bounds("2025-12-20")
        };
        let g = extent_geometry(&item(100.0, 110.0, None), &both_unknown, 500.0);
        assert_eq!(
            (g.fade_in, g.fade_out),
            (Some((100.0, 105.0)), Some((105.0, 110.0)))
        );
        assert_eq!(g.span, (105.0, 105.0));
    }

    #[test]
    fn bars_chevrons_and_rings_follow_the_mark() {
        let range = item(100.0, 400.0, Some((200.0, 200.0)));
        assert_eq!(bar_x(&range), (200.0, 201.0));
        assert_eq!(chevron_x(&range), 402.0);
        assert_eq!(ring_x(&range), (100.0, 400.0));
        let point = ItemMark {
            is_point: true,
            x_center: 50.0,
            ..item(49.0, 51.0, None)
        };
        assert_eq!(chevron_x(&point), 50.0 + POINT_MARKER_PX / 2.0 + 2.0);
        assert_eq!(
            ring_x(&point),
            (50.0 - POINT_MARKER_PX / 2.0, 50.0 + POINT_MARKER_PX / 2.0)
        );
        assert_eq!(bar_height(30.0), 22.0);
        assert_eq!(
            label_text("Talks", Some(&bounds("2025-12-20~")), true),
            "(candidate) ~ Talks"
        );
        assert_eq!(
            label_text("Talks", Some(&bounds("2025-12-20?")), false),
            "Talks ?"
        );
        assert_eq!(bar_height(10.0), 6.0);
    }
}
