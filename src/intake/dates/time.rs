//! Times of day with their zone: "at 10 a.m. local time", "14:00 GMT", "3pm ET",
//! "(1500 GMT)". Written as `HH:MM`, then the zone as the text gives it ("GMT", "ET",
//! "local time"): `10:00 local time`, `14:00 GMT`, `15:00`.

use super::scan::Cursor;

/// A time found at tokens `first..end` of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TimeOfDay {
    pub first: usize,
    pub end: usize,
    pub text: String,
}

/// Every time of day in the sentence, left to right.
pub(super) fn times(c: &Cursor<'_>) -> Vec<TimeOfDay> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.toks.len() {
        match time_at(c, i) {
            Some(t) => {
                i = t.end.max(i + 1);
                out.push(t);
            }
            None => i += 1,
        }
    }
    merge_zoned(out)
}

/// "10 a.m. (0900 GMT)": a time without a zone followed at once by the same moment with
/// one is one time, written with the zone.
fn merge_zoned(times: Vec<TimeOfDay>) -> Vec<TimeOfDay> {
    let mut out: Vec<TimeOfDay> = Vec::with_capacity(times.len());
    for time in times {
        if let Some(last) = out.last_mut()
            && time.first <= last.end + 1
            && !last.text.contains(' ')
            && time.text.contains(' ')
        {
            last.end = time.end;
            last.text = time.text;
            continue;
        }
        out.push(time);
    }
    out
}

fn time_at(c: &Cursor<'_>, i: usize) -> Option<TimeOfDay> {
    if c.is(i, "noon") && i > 0 && c.is(i - 1, "at") {
        let (zone, end) = zone(c, i + 1);
        return Some(written(i, end, 12, 0, zone.as_deref()));
    }
    let hour = c.number(i)?;
    if c.digits(i) == 4 {
        // "1500 GMT": military style needs its zone.
        let (zone, end) = zone(c, i + 1);
        let (h, m) = (hour / 100, hour % 100);
        return (zone.is_some() && h < 24 && m < 60)
            .then(|| written(i, end, h, m, zone.as_deref()));
    }
    if c.digits(i) > 2 || hour > 24 {
        return None;
    }
    let (minute, after) =
        if c.punct(i + 1, ':') && c.glued(i + 1) && c.glued(i + 2) && c.digits(i + 2) == 2 {
            (c.number(i + 2)?, i + 3)
        } else {
            (0, i + 1)
        };
    if minute >= 60 {
        return None;
    }
    if let Some((pm, after)) = meridiem(c, after) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        let (zone, end) = zone(c, after);
        return Some(written(i, end, hour, minute, zone.as_deref()));
    }
    if after == i + 1 || hour > 23 {
        return None;
    }
    // "14:00" alone is a score or a ratio unless a zone, "hours" or "at" marks it a time.
    let (zone, end) = zone(c, after);
    let at = i > 0 && c.is(i - 1, "at");
    let (hours, end) = if c.is(end, "hours") || c.is(end, "hrs") {
        (true, end + 1)
    } else {
        (false, end)
    };
    (zone.is_some() || at || hours).then(|| written(i, end, hour, minute, zone.as_deref()))
}

fn written(first: usize, end: usize, hour: u32, minute: u32, zone: Option<&str>) -> TimeOfDay {
    let text = match zone {
        Some(zone) => format!("{hour:02}:{minute:02} {zone}"),
        None => format!("{hour:02}:{minute:02}"),
    };
    TimeOfDay { first, end, text }
}

/// "a.m.", "am", "p.m.", "pm" at `i`: whether it is after noon, and the index after it.
fn meridiem(c: &Cursor<'_>, i: usize) -> Option<(bool, usize)> {
    match c.word(i)? {
        "am" => Some((false, i + 1)),
        "pm" => Some((true, i + 1)),
        w @ ("a" | "p") if c.punct(i + 1, '.') && c.is(i + 2, "m") => {
            let end = if c.punct(i + 3, '.') { i + 4 } else { i + 3 };
            Some((w == "p", end))
        }
        _ => None,
    }
}

/// A zone at `i` ("GMT", "ET", "local time"), as written, and the index after it; no zone
/// and `i` when there is none.
fn zone(c: &Cursor<'_>, i: usize) -> (Option<String>, usize) {
    if c.is(i, "local") && c.is(i + 1, "time") {
        return (Some("local time".to_owned()), i + 2);
    }
    match (c.word(i), c.toks.get(i)) {
        (Some(w), Some(t)) if c.w.zones.contains(w) && t.capital => (Some(w.to_uppercase()), i + 1),
        _ => (None, i),
    }
}
