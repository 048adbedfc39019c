//! The span a reported date allows, for asking whether two reports' dates overlap.

use edtf::level_1::{Certainty, Date, Edtf};

use crate::model::{DateSpec, EndKind, TimeSecs};

/// The instants `date` allows, `[from, to)`: its bounds, an open or unknown end running on
/// for ever ("/2025-12-18": on or before the 18th), and an approximate end ("~", "about
/// the 20th") widened by one unit of its precision (a day for a day, a month for a month),
/// since "about the 20th" may be the 19th or the 21st. `None` for a date the model cannot
/// place (then nothing is compared).
pub fn date_span(date: &DateSpec) -> Option<(TimeSecs, TimeSecs)> {
    let bounds = date.bounds().ok()?;
    let mut from = if bounds.start == EndKind::Known {
        bounds.earliest_secs
    } else {
        TimeSecs::MIN
    };
    let mut to = if bounds.end == EndKind::Known {
        bounds.latest_secs
    } else {
        TimeSecs::MAX
    };
    // An instant (a time of day) takes its second, so that two equal instants overlap.
    if to == from {
        to = from.saturating_add(1);
    }
    let (start, end) = match date.edtf {
        Edtf::Date(d) => (Some(d), Some(d)),
        Edtf::Interval(a, b) => (Some(a), Some(b)),
        Edtf::IntervalFrom(a, _) => (Some(a), None),
        Edtf::IntervalTo(_, b) => (None, Some(b)),
        Edtf::DateTime(_) | Edtf::YYear(_) => (None, None),
    };
    if let Some(unit) = start.and_then(approximate_unit) {
        from = from.saturating_sub(unit);
    }
    if let Some(unit) = end.and_then(approximate_unit) {
        to = to.saturating_add(unit);
    }
    Some((from, to))
}

/// The length of `date`'s own span when it is approximate (`~`), else `None`.
fn approximate_unit(date: Date) -> Option<TimeSecs> {
    if !matches!(
        date.certainty(),
        Certainty::Approximate | Certainty::ApproximateUncertain
    ) {
        return None;
    }
    let bounds = DateSpec::new(Edtf::Date(date)).bounds().ok()?;
    Some(bounds.duration_secs())
}

/// Whether two spans `[from, to)` share an instant: the 19th and the 20th–21st do not.
pub(super) fn overlap(a: (TimeSecs, TimeSecs), b: (TimeSecs, TimeSecs)) -> bool {
    a.0 < b.1 && b.0 < a.1
}
