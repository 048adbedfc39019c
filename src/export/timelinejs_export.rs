//! TimelineJS3 JSON that TimelineJS opens as it is: a title slide, one slide per event with
//! its start (and end) date at the date's precision, its first tag as the group, the
//! source's wording as `display_date`, and periods as eras.
//!
//! Each slide also carries a `detente` object, which TimelineJS ignores, with the exact EDTF
//! date, the kind, the status, every tag and the plain description: importing the file again
//! gives back every event, date and group as they were.
//!
//! TimelineJS puts the headline, the text, `display_date` and `group` into the page as HTML
//! (`innerHTML`), so every one of them is escaped text, and only `http(s)` and `mailto`
//! URLs become links: a `javascript:` URL from an imported file would run when clicked.

use std::io::{self, Write};

use edtf::level_1::{Date, Edtf, Precision, Season};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use super::brief::is_web_link;
use super::{ExportError, ExportOptions, filtered_events};
use crate::formats::timelinejs::text_to_html;
use crate::model::{Event, Lookup, Project, describe_bounds};

/// The filtered events as a TimelineJS3 JSON document.
pub fn timelinejs_json(project: &Project, options: &ExportOptions) -> Result<String, ExportError> {
    let mut out = Vec::new();
    write_timelinejs_json(project, options, &mut out).map_err(|e| ExportError::Encode {
        format: "TimelineJS JSON",
        message: e.to_string(),
    })?;
    String::from_utf8(out).map_err(|e| ExportError::Encode {
        format: "TimelineJS JSON",
        message: e.to_string(),
    })
}

/// The filtered events as a TimelineJS3 JSON document, written slide by slide into `out`:
/// at 1M events only one slide is built at a time, never the whole document (4.5 GB).
pub fn write_timelinejs_json(
    project: &Project,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lookup = project.lookup();
    let title = options.title.as_deref().unwrap_or(&project.title);
    let events = filtered_events(project, &options.filter);
    let eras: Vec<Value> = project
        .periods
        .iter()
        .filter_map(|p| {
            let (start, end) = ends(&p.date.edtf)?;
            Some(json!({
                "start_date": date_object(start),
                "end_date": date_object(end.unwrap_or(start)),
                "text": { "headline": text_to_html(&p.name) },
            }))
        })
        .collect();
    let document = Timeline {
        eras,
        slides: Slides {
            project,
            lookup: &lookup,
            events: &events,
        },
        title: json!({ "text": { "headline": text_to_html(title), "text": text_to_html(&project.description) } }),
    };
    serde_json::to_writer_pretty(out, &document).map_err(io::Error::from)
}

/// The document's root object, its keys in the order `serde_json`'s sorted maps gave them
/// when the document was one value: files written before and after streaming are the same.
struct Timeline<'a> {
    eras: Vec<Value>,
    slides: Slides<'a>,
    title: Value,
}

impl Serialize for Timeline<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if !self.eras.is_empty() {
            map.serialize_entry("eras", &self.eras)?;
        }
        map.serialize_entry("events", &self.slides)?;
        map.serialize_entry("title", &self.title)?;
        map.end()
    }
}

/// The events, each made into its slide only when the serializer reaches it.
struct Slides<'a> {
    project: &'a Project,
    lookup: &'a Lookup,
    events: &'a [&'a Event],
}

impl Serialize for Slides<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for event in self.events {
            if let Some(slide) = slide(self.project, self.lookup, event) {
                seq.serialize_element(&slide)?;
            }
        }
        seq.end()
    }
}

fn slide(project: &Project, lookup: &Lookup, e: &Event) -> Option<Value> {
    let (start, end) = ends(&e.date.edtf)?;
    let mut slide = Map::new();
    slide.insert("unique_id".into(), Value::from(e.id.as_str()));
    slide.insert("start_date".into(), start_object(&e.date.edtf, start));
    if let Some(end) = end
        && end != start
    {
        slide.insert("end_date".into(), date_object(end));
    }
    let bounds = e.date.bounds().ok()?;
    let display = match e.date.wording() {
        Some(w) => Some(w.to_string()),
        // Qualifiers and open ends have no place in TimelineJS's date objects: say them.
        None if bounds.is_fuzzy() => Some(describe_bounds(&bounds)),
        None => None,
    };
    if let Some(display) = display {
        slide.insert("display_date".into(), Value::from(text_to_html(&display)));
    }
    let mut text = text_to_html(&e.description);
    let names = |ids: &mut dyn Iterator<Item = crate::model::Id>| {
        ids.map(|id| lookup.name_of(project, id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let who = names(&mut e.participant_ids());
    let place = names(&mut e.location_ids());
    for (label, value) in [("Participants", who), ("Where", place)] {
        if !value.is_empty() {
            text.push_str(&format!(
                "<p><em>{label}:</em> {}</p>",
                text_to_html(&value)
            ));
        }
    }
    for claim in e.all_claim_ids().filter_map(|c| lookup.claim(project, c)) {
        let source = text_to_html(lookup.name_of(project, claim.source));
        match &claim.url {
            Some(url) if is_web_link(url) => text.push_str(&format!(
                "<p>Source: <a href=\"{}\">{source}</a></p>",
                text_to_html(url)
            )),
            // Any other scheme (`javascript:`, `data:`) is shown, never followed.
            Some(url) => text.push_str(&format!("<p>Source: {source} ({})</p>", text_to_html(url))),
            None => text.push_str(&format!("<p>Source: {source}</p>")),
        }
    }
    slide.insert(
        "text".into(),
        json!({ "headline": text_to_html(&e.title), "text": text }),
    );
    let tags: Vec<&str> = e.tags.iter().map(|t| lookup.name_of(project, *t)).collect();
    if let Some(first) = tags.first() {
        slide.insert("group".into(), Value::from(text_to_html(first)));
    }
    slide.insert(
        crate::formats::timelinejs::DETENTE_KEY.into(),
        json!({
            "edtf": e.date.edtf_text(),
            "wording": e.date.wording(),
            "tz": e.date.tz().map(crate::model::Id::as_str),
            "kind": e.kind.label(),
            "status": e.status.label(),
            "tags": tags,
            "description": e.description.as_str(),
        }),
    );
    Some(Value::Object(slide))
}

/// The first and (for intervals) last date of an EDTF value; `None` for years TimelineJS
/// and Detente cannot place.
fn ends(edtf: &Edtf) -> Option<(Date, Option<Date>)> {
    match *edtf {
        Edtf::Date(d) => Some((d, None)),
        Edtf::DateTime(dt) => {
            let d = dt.date();
            Date::from_ymd_opt(d.year(), d.month(), d.day()).map(|x| (x, None))
        }
        Edtf::Interval(a, b) => Some((a, Some(b))),
        Edtf::IntervalFrom(a, _) => Some((a, None)),
        Edtf::IntervalTo(_, b) => Some((b, None)),
        Edtf::YYear(_) => None,
    }
}

/// The start date, with the time of a date-time.
fn start_object(edtf: &Edtf, start: Date) -> Value {
    let mut value = date_object(start);
    if let (Edtf::DateTime(dt), Value::Object(map)) = (edtf, &mut value) {
        let t = dt.time();
        map.insert("hour".into(), Value::from(t.hour()));
        map.insert("minute".into(), Value::from(t.minute()));
        map.insert("second".into(), Value::from(t.second()));
    }
    value
}

/// A TimelineJS date object at the date's precision: `{year}`, `{year, month}` or
/// `{year, month, day}`. Decades, centuries and seasons give their first year or month.
fn date_object(date: Date) -> Value {
    match date.precision() {
        Precision::Day(y, m, d) => json!({ "year": y, "month": m, "day": d }),
        Precision::Month(y, m) | Precision::DayOfMonth(y, m) => json!({ "year": y, "month": m }),
        Precision::Season(y, s) => {
            let month = match s {
                Season::Spring => 3,
                Season::Summer => 6,
                Season::Autumn => 9,
                Season::Winter => 12,
            };
            json!({ "year": y, "month": month })
        }
        Precision::Year(y)
        | Precision::MonthOfYear(y)
        | Precision::DayOfYear(y)
        | Precision::Century(y)
        | Precision::Decade(y) => json!({ "year": y }),
    }
}
