//! The geometry of one event's mark, shared by the app's painter (`ui::timeline::paint`) and
//! the SVG export (`export::svg_marks`): where a range's fades, uncertain parts and core go,
//! where the "postponed" chevrons and the selection ring sit. Both only turn it into their
//! own primitives, styled and cut to their canvas, so that the image exported is the
//! timeline seen.

use super::{ItemMark, POINT_MARKER_PX};
use crate::model::{EndKind, SECS_PER_DAY, TimeBounds, TimeSecs};

/// Height of a bar inside its row: the row minus 4 points above and below for the
/// selection ring, and never under 6 points, so that a bar stays a bar in dense lanes.
pub fn bar_height(row_height: f64) -> f64 {
    (row_height - 8.0).max(6.0)
}

/// Height of the body of a mark whose event lies somewhere within its span: two fifths of
/// the bar (6 points in the timeline's 22-point rows, 5 in the legend's 20), never under 4
/// so that a dashed (planned) outline still shows its dashes. Slimmer than a bar, it says
/// "this status, somewhere in here" where a full bar says "this status, all of this time".
pub fn slim_body_height(bar_height: f64) -> f64 {
    (bar_height * 0.4).round().max(4.0)
}

/// The part of a date a mark draws as certainly occupied: the date's certain core, or for a
/// plain single day (`2025-12-19`: no `~`, no `?`, both ends known) the day itself. A day is
/// the finest a date without a time gives, so "held on 19 December" says the event took
/// place that day, as `2025-12-13/2025-12-14` says it took both days (`TimeBounds` gives
/// that interval its two days as core). Without this, a one-day event had no core and was
/// drawn as "some time within" its day whatever its status. An approximate or uncertain day
/// keeps no core: the day is then only where the event most likely was.
pub fn certain_span(bounds: &TimeBounds) -> Option<(TimeSecs, TimeSecs)> {
    if bounds.core.is_some() {
        return bounds.core;
    }
    let plain_day = bounds.start == EndKind::Known
        && bounds.end == EndKind::Known
        && !bounds.uncertain
        && !bounds.approximate
        && bounds.duration_secs() > 0
        && bounds.duration_secs() <= SECS_PER_DAY;
    plain_day.then_some((bounds.earliest_secs, bounds.latest_secs))
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
    /// No certain core: the event lies somewhere within `span` (brackets at its known ends
    /// show it, and its body is slim).
    pub somewhere_within: bool,
    /// Where the "somewhere within" brackets stand: at the span's start and end, each only
    /// when that end is known (an unknown end fades, an open one has an arrow).
    pub brackets: [Option<f64>; 2],
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
    let somewhere_within = item.core_x.is_none();
    let bracket = |known: bool, x: f64| (somewhere_within && known).then_some(x);
    ExtentGeometry {
        fade_in,
        fade_out,
        span: (x_from, x_to),
        parts,
        num_parts,
        somewhere_within,
        brackets: [
            bracket(bounds.start == EndKind::Known, x_from),
            bracket(bounds.end == EndKind::Known, x_to),
        ],
        open_end: bounds.end == EndKind::Open,
    }
}

/// The body of a range mark: what its status styles (fill, solid or dashed outline, strike).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BodyGeometry {
    /// Screen x of its ends, at least 1 point apart.
    pub x: (f64, f64),
    /// Its height, centred on the row.
    pub height: f64,
    /// The certain core at full bar height; otherwise the event lies somewhere within the
    /// span, and the body is slim across it.
    pub certain: bool,
}

/// Where a range mark's body goes. Every range has one, so that its status shows whatever
/// its date: the certain core as a full bar, or a slim bar across what the date allows
/// (after the fades of unknown ends) when the event lies somewhere within it. How sure the
/// date is shows around the body (faint parts, `~` gradients, `?` hatching, brackets, fades,
/// arrows); what the status is shows on it.
pub fn body_geometry(
    item: &ItemMark,
    extent: Option<&ExtentGeometry>,
    row_height: f64,
) -> BodyGeometry {
    let full = bar_height(row_height);
    let at_least_a_point = |(x0, x1): (f64, f64)| (x0, x1.max(x0 + 1.0));
    match (item.core_x, extent) {
        (Some(_), _) => BodyGeometry {
            x: bar_x(item),
            height: full,
            certain: true,
        },
        (None, Some(g)) => BodyGeometry {
            x: at_least_a_point(g.span),
            height: slim_body_height(full),
            certain: false,
        },
        (None, None) => BodyGeometry {
            x: at_least_a_point((item.x_earliest, item.x_latest)),
            height: slim_body_height(full),
            certain: false,
        },
    }
}

/// The x range of a range's bar: its certain core, or its whole extent; at least 1 point
/// wide so that an instant-long core still shows.
pub fn bar_x(item: &ItemMark) -> (f64, f64) {
    let (x0, x1) = item.core_x.unwrap_or((item.x_earliest, item.x_latest));
    (x0, x1.max(x0 + 1.0))
}

/// Where the "somewhere within" brackets of a point marker stand, in screen x: 2 points
/// outside the marker, when its event has no certain core. Zoomed out, an approximate day
/// or a month is a marker like a plain day; the brackets keep the doubt in sight.
pub fn point_brackets(item: &ItemMark) -> Option<(f64, f64)> {
    let half = POINT_MARKER_PX / 2.0 + 2.0;
    (item.is_point && item.core_x.is_none()).then_some((item.x_center - half, item.x_center + half))
}

/// Where the "postponed" chevrons start: just after the mark (and its brackets).
pub fn chevron_x(item: &ItemMark) -> f64 {
    if let Some((_, right)) = point_brackets(item) {
        right + 3.0
    } else if item.is_point {
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

/// Room left and right of a label's text on its plate, in points.
const PLATE_PAD_PX: f64 = 1.0;

/// Where a label lies on its mark's certain core, in screen x: there its text is drawn in
/// a colour that reads on the core's fill. `None` for a label beside its mark.
pub fn label_on_core(item: &ItemMark, label_width: f64) -> Option<(f64, f64)> {
    let (c0, c1) = item.core_x?;
    let (x0, x1) = (item.label_x.max(c0), (item.label_x + label_width).min(c1));
    (!item.is_point && x1 > x0).then_some((x0, x1))
}

/// Where a label needs a plate of the canvas's colour under it: the parts of it that lie on
/// its mark but off the certain core, over faint fills, `~` gradients, `?` hatching or a
/// slim body, none of which text reads on (a 50 % gradient under grey text is 1.9:1 in the
/// dark theme). A label beside its mark sits on the canvas and needs none.
pub fn label_plates(item: &ItemMark, label_width: f64) -> [Option<(f64, f64)>; 2] {
    let on_mark = (
        (item.label_x - PLATE_PAD_PX).max(item.x_earliest),
        (item.label_x + label_width + PLATE_PAD_PX).min(item.x_latest),
    );
    if item.is_point || on_mark.1 <= on_mark.0 {
        return [None, None];
    }
    let part = |(a, b): (f64, f64)| (b > a).then_some((a, b));
    match item.core_x {
        None => [part(on_mark), None],
        Some((c0, c1)) => [
            part((on_mark.0, on_mark.1.min(c0))),
            part((on_mark.0.max(c1), on_mark.1)),
        ],
    }
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
    fn a_plain_day_is_certain_and_a_doubtful_one_is_not() {
        let day = bounds("2025-12-19");
        assert_eq!(
            certain_span(&day),
            Some((day.earliest_secs, day.latest_secs))
        );
        let days = bounds("2025-12-13/2025-12-14");
        assert_eq!(certain_span(&days), days.core);
        for doubtful in [
            "2025-12-19~",
            "2025-12-19?",
            "2025-12",
            "2025",
            "/2025-12-19",
            "2025-12-19/..",
        ] {
            assert_eq!(certain_span(&bounds(doubtful)), None, "{doubtful}");
        }
        // An interval of months keeps the core its date gives.
        assert_eq!(
            certain_span(&bounds("2025-12/2026-02")),
            bounds("2025-12/2026-02").core
        );
    }

    #[test]
    fn every_range_has_a_body_full_when_certain_and_slim_when_within() {
        // A certain day: its body is the whole bar, and no brackets.
        let day = item(100.0, 130.0, Some((100.0, 130.0)));
        let g = extent_geometry(&day, &bounds("2025-12-19"), 30.0);
        assert!(!g.somewhere_within);
        assert_eq!(g.brackets, [None, None]);
        let body = body_geometry(&day, Some(&g), 22.0);
        assert_eq!(body.x, (100.0, 130.0));
        assert_eq!(body.height, bar_height(22.0));
        assert!(body.certain);
        // A month: a slim body across it, bracketed at both ends.
        let month = item(100.0, 400.0, None);
        let g = extent_geometry(&month, &bounds("2025-12"), 10.0);
        assert_eq!(g.brackets, [Some(100.0), Some(400.0)]);
        let body = body_geometry(&month, Some(&g), 22.0);
        assert_eq!(body.x, (100.0, 400.0));
        assert_eq!(body.height, 6.0);
        assert!(!body.certain && body.height < bar_height(22.0));
        // An open end: bracketed at its start only, the body stops where the fade begins.
        let g = extent_geometry(&month, &bounds("2025-12-20/.."), 30.0);
        assert_eq!(g.brackets, [Some(100.0), None]);
        assert_eq!(body_geometry(&month, Some(&g), 22.0).x, (100.0, 370.0));
        // An unknown start: bracketed at its end only.
        let g = extent_geometry(&month, &bounds("/2025-12-20"), 30.0);
        assert_eq!(g.brackets, [None, Some(400.0)]);
        // Never thinner than 4 points, so that dashes show.
        assert_eq!(slim_body_height(6.0), 4.0);
    }

    #[test]
    fn labels_are_recoloured_on_the_core_and_plated_off_it() {
        // A label inside a bar with uncertain parts either side of its core.
        let mut mark = item(100.0, 400.0, Some((200.0, 300.0)));
        mark.label_x = 104.0;
        assert_eq!(label_on_core(&mark, 150.0), Some((200.0, 254.0)));
        assert_eq!(label_plates(&mark, 150.0), [Some((103.0, 200.0)), None]);
        assert_eq!(
            label_plates(&mark, 250.0),
            [Some((103.0, 200.0)), Some((300.0, 355.0))]
        );
        // Somewhere within: all of the label is plated, none recoloured.
        let mut within = item(100.0, 400.0, None);
        within.label_x = 104.0;
        assert_eq!(label_on_core(&within, 50.0), None);
        // The plate leaves the bracket's 3-point serifs at the mark's start uncovered.
        assert_eq!(label_plates(&within, 50.0), [Some((103.0, 155.0)), None]);
        // Beside its mark a label is on the canvas.
        let mut beside = item(100.0, 130.0, Some((100.0, 130.0)));
        beside.label_x = 134.0;
        assert_eq!(label_on_core(&beside, 50.0), None);
        assert_eq!(label_plates(&beside, 50.0), [None, None]);
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
            ..item(49.0, 51.0, Some((49.0, 51.0)))
        };
        assert_eq!(point_brackets(&point), None, "a certain point has none");
        assert_eq!(chevron_x(&point), 50.0 + POINT_MARKER_PX / 2.0 + 2.0);
        let doubtful = ItemMark {
            core_x: None,
            ..point.clone()
        };
        let half = POINT_MARKER_PX / 2.0 + 2.0;
        assert_eq!(point_brackets(&doubtful), Some((50.0 - half, 50.0 + half)));
        assert_eq!(chevron_x(&doubtful), 50.0 + half + 3.0);
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
