//! TimelineJS3 JSON: a title slide, event slides, eras.
//!
//! Date parts may be numbers or strings, and empty strings mean absent. Headlines and texts
//! are HTML, reduced to plain text with links kept. `display_date` is the source's wording.
//! A slide's kind is Detente's own when it wrote one, else the one its headline says. Media
//! URLs become a second claim on the timeline, crediting who made the media. Slides without
//! a start date, or with years Detente cannot place, are skipped and reported.

use std::borrow::Cow;

use edtf::level_1::{Date, Edtf};
use serde_json::{Map, Value};
use thin_vec::ThinVec;

use super::builder::{Builder, Cite};
use super::html_text::html_to_text;
use super::kind_words::kind_of_headline;
use super::timelinejs_stream::{Events, Feed, Piece, Root, read_root};
use super::{ImportError, ImportFormat, ImportOptions, Imported};
use crate::formats::timelinejs::DETENTE_KEY;
use crate::model::{
    AttributionStep, DateError, DateSpec, Event, EventKind, EventStatus, Id, MAX_YEAR, MIN_YEAR,
    Period, TimeBounds,
};

pub(crate) fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let mut b = Builder::new(ImportFormat::TimelineJs, options);
    let mut de = serde_json::Deserializer::from_str(text);
    let root = read_root(&mut de, &mut Direct::new(&mut b));
    finish(b, root)
}

/// Imports TimelineJS3 JSON read from `reader` as a stream: one slide is held at a time, so
/// a 1M-event file (595 MB) never sits in memory whole, nor as a tree of values (4.7 GB). A
/// read error, the read limit's included, ends the import with an error.
pub(crate) fn import_reader(
    reader: impl std::io::Read,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut b = Builder::new(ImportFormat::TimelineJs, options);
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    let root = read_root(&mut de, &mut Direct::new(&mut b));
    finish(b, root)
}

/// Builds the project from the pieces of the file, in file order.
struct Direct<'b> {
    b: &'b mut Builder,
    /// Slides seen so far: the next one's number in the report.
    num_slides: usize,
}

impl<'b> Direct<'b> {
    fn new(b: &'b mut Builder) -> Self {
        Self { b, num_slides: 0 }
    }
}

impl Feed for Direct<'_> {
    fn piece(&mut self, piece: Piece) {
        match piece {
            Piece::Title(title) => read_title(self.b, &title),
            Piece::Cosmological => self.b.warn(
                None,
                "the timeline uses the cosmological scale: slides with years outside -9999 to 9999 are skipped",
            ),
            // The preview has its rows: slides parsed beyond them are dropped.
            Piece::Slide(_) if self.b.is_full() => {}
            Piece::Slide(slide) => {
                self.num_slides += 1;
                let n = self.num_slides;
                self.b.report.rows_read += 1;
                match slide {
                    Value::Object(slide) => read_slide(self.b, n, &slide),
                    _ => self.b.skip(n, "the slide is not a JSON object"),
                }
            }
        }
    }

    fn is_full(&self) -> bool {
        self.b.is_full()
    }
}

/// The import once the whole file was read: what the root said, the eras, the report.
fn finish(
    mut b: Builder,
    root: Result<Option<Root>, serde_json::Error>,
) -> Result<Imported, ImportError> {
    let root = root.map_err(|err| {
        if err.is_io() {
            return ImportError::Read(err.to_string());
        }
        ImportError::Syntax {
            line: err.line(),
            col: err.column(),
            message: format!("this is not valid JSON: {err}"),
        }
    })?;
    let Some(root) = root else {
        return Err(ImportError::Format(
            "a TimelineJS3 file is a JSON object with \"events\" (and optionally \"title\" and \"eras\"); this JSON is not an object".into(),
        ));
    };
    match root.events {
        Events::List => {}
        Events::Absent => {
            if !root.has_title {
                return Err(ImportError::Format(
                    "this JSON has no \"events\" list: it is not a TimelineJS3 timeline".into(),
                ));
            }
            b.warn(None, "the timeline has a title slide but no events");
        }
        Events::NotAList => {
            return Err(ImportError::Format(
                "\"events\" is not a list: a TimelineJS3 timeline lists its slides in \"events\""
                    .into(),
            ));
        }
    }
    if let Some(Value::Array(eras)) = &root.eras {
        for (i, era) in eras.iter().enumerate() {
            read_era(&mut b, i + 1, era);
        }
    }
    Ok(b.finish())
}

fn read_title(b: &mut Builder, title: &Map<String, Value>) {
    let text = obj(title, "text");
    let headline = html_to_text(&string(text, "headline"));
    if !headline.is_empty() {
        b.project.title = headline;
    }
    let about = html_to_text(&string(text, "text"));
    if !about.is_empty() {
        b.project.description = about;
    }
}

fn read_slide(b: &mut Builder, n: usize, slide: &Map<String, Value>) {
    let text = obj(slide, "text");
    let mut title = html_to_text(&string(text, "headline"));
    let extra = obj(slide, DETENTE_KEY);
    // Detente's own plain description, when it wrote one, replaces the text's HTML, which
    // then need not be read: it is the longest of a slide's HTML fields.
    let mut description = match extra.get("description").and_then(Value::as_str) {
        Some(plain) => plain.to_owned(),
        None => html_to_text(&string(text, "text")),
    };

    let date = match slide_date(slide, extra) {
        Ok((date, warning)) => {
            if let Some(w) = warning {
                b.warn(Some(n), w);
            }
            date
        }
        Err(reason) => {
            let what = if title.is_empty() {
                String::new()
            } else {
                format!(" (\"{title}\")")
            };
            b.skip(n, format!("{reason}{what}"));
            return;
        }
    };

    let media = obj(slide, "media");
    let media_url = string(media, "url").trim().to_owned();
    let is_link = is_url(&media_url);
    if !media_url.is_empty() && !is_link {
        append_embedded_media(&mut description, &media_url);
    }
    if title.is_empty() {
        title = untitled_slide_title(b, n, &description);
    }

    let wanted = match slide.get("unique_id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => format!("ev-{}", super::builder::slug(&title)),
    };
    let id = b.event_id(&wanted);
    let tags = slide_tags(b, slide, extra);
    let (kind, status) = slide_kind_and_status(extra, &title);

    let event = Event {
        id,
        title: title.as_str().into(),
        kind,
        status,
        date,
        places: ThinVec::new(),
        place_wording: None,
        participants: Box::default(),
        tags,
        description: description.into(),
        claims: ThinVec::new(),
        reported: ThinVec::new(),
    };
    b.push_event(
        n,
        event,
        Cite {
            excerpt: title.clone(),
            ..Cite::default()
        },
    );
    if is_link {
        cite_media(b, media, media_url, title);
    }
}

/// Embedded media (a quotation, an iframe) is content: its words go after the description.
fn append_embedded_media(description: &mut String, media_html: &str) {
    let embedded = html_to_text(media_html);
    if !embedded.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&embedded);
    }
}

/// A slide without a headline is titled by its description's first line (80 characters at
/// most), or else "Slide N", with a warning.
fn untitled_slide_title(b: &mut Builder, n: usize, description: &str) -> String {
    let mut title: String = description
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(80)
        .collect();
    if title.is_empty() {
        title = format!("Slide {n}");
    }
    b.warn(
        Some(n),
        format!("the slide has no headline; titled \"{title}\""),
    );
    title
}

/// The slide's tags: its group, then the tags Detente's own export wrote, each once.
fn slide_tags(
    b: &mut Builder,
    slide: &Map<String, Value>,
    extra: &Map<String, Value>,
) -> ThinVec<Id> {
    let mut tags = ThinVec::new();
    // TimelineJS shows the group as HTML (Detente's export escapes it): its text is the name.
    let group = html_to_text(&string(slide, "group"));
    if !group.trim().is_empty() {
        tags.push(b.tag(&group, None));
    }
    if let Some(Value::Array(names)) = extra.get("tags") {
        for name in names.iter().filter_map(Value::as_str) {
            let tag = b.tag(name, None);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    tags
}

/// The kind and status Detente's export wrote; else the kind the headline says, or other,
/// and status unknown.
fn slide_kind_and_status(extra: &Map<String, Value>, title: &str) -> (EventKind, EventStatus) {
    let kind = extra
        .get("kind")
        .and_then(Value::as_str)
        .and_then(|k| EventKind::ALL.into_iter().find(|x| x.label() == k))
        .or_else(|| kind_of_headline(title))
        .unwrap_or(EventKind::Other);
    let status = extra
        .get("status")
        .and_then(Value::as_str)
        .and_then(|k| EventStatus::ALL.into_iter().find(|x| x.label() == k))
        .unwrap_or(EventStatus::Unknown);
    (kind, status)
}

/// A linked picture or video: the last event also cites it, through its credit.
fn cite_media(b: &mut Builder, media: &Map<String, Value>, media_url: String, title: String) {
    // The media is read in this timeline like the slide's text, and its credit names
    // who made the picture or the video, not a second report of the event: the claim
    // cites the timeline, with the credit as the first step of its attribution, so
    // that the slide counts as one source.
    let credit_html = string(media, "credit");
    let credit = html_to_text(&credit_html);
    let credit_link = first_href(&credit_html);
    let name = if credit.is_empty() {
        host_of(&media_url).to_owned()
    } else {
        strip_link_suffix(&credit)
    };
    let caption = html_to_text(&string(media, "caption"));
    b.cite_last(Cite {
        excerpt: if caption.is_empty() { title } else { caption },
        url: Some(media_url.into()),
        attribution: vec![AttributionStep {
            actor: None,
            name: name.as_str().into(),
            verb: "media credit".into(),
        }],
        note: credit_link.map(|link| format!("Media credit: {name} ({link})")),
        ..Cite::default()
    });
}

/// The slide's date: Detente's own EDTF when present, else the start and end date objects.
fn slide_date(
    slide: &Map<String, Value>,
    extra: &Map<String, Value>,
) -> Result<(DateSpec, Option<String>), String> {
    // display_date is HTML to TimelineJS, like the headline: its text is the wording.
    let mut wording = html_to_text(&string(slide, "display_date"))
        .trim()
        .to_owned();
    if let Some(edtf) = extra.get("edtf").and_then(Value::as_str)
        && let Ok(mut spec) = DateSpec::parse(edtf)
        && spec.bounds().is_ok()
    {
        // Detente's own wording, when it wrote one: its display_date may be a description.
        if let Some(w) = extra.get("wording") {
            w.as_str().unwrap_or("").clone_into(&mut wording);
        }
        if !wording.is_empty() {
            spec = spec.with_wording(&wording);
        }
        spec.set_tz(
            extra
                .get("tz")
                .and_then(Value::as_str)
                .filter(|tz| crate::model::Id::is_valid_text(tz))
                .map(crate::model::Id::new),
        );
        return Ok((spec, None));
    }
    let start = match slide.get("start_date") {
        Some(Value::Object(d)) => d,
        None | Some(Value::Null) => return Err("the slide has no start date".into()),
        Some(_) => return Err("start_date is not a date object".into()),
    };
    let (start_date, start_time) = read_date(start).map_err(|e| format!("start date: {e}"))?;
    let end = match slide.get("end_date") {
        Some(Value::Object(d)) if has_year(d) => {
            Some(read_date(d).map_err(|e| format!("end date: {e}"))?)
        }
        _ => None,
    };
    if wording.is_empty() {
        let start_words = html_to_text(&string(start, "display_date"));
        let end_words = match slide.get("end_date") {
            Some(Value::Object(d)) => html_to_text(&string(d, "display_date")),
            _ => String::new(),
        };
        wording = match (start_words.trim(), end_words.trim()) {
            ("", "") => String::new(),
            (s, "") => s.to_owned(),
            ("", e) => format!("until {e}"),
            (s, e) => format!("{s} – {e}"),
        };
    }
    let single = || match start_time {
        Some((h, m, s)) => date_time(start_date, h, m, s).unwrap_or(Edtf::Date(start_date)),
        None => Edtf::Date(start_date),
    };
    let mut warning = None;
    let edtf = match end {
        Some((end_date, _)) if end_date != start_date => {
            let interval = Edtf::Interval(start_date, end_date);
            match TimeBounds::from_edtf(&interval) {
                Ok(_) => interval,
                Err(DateError::Reversed { .. }) => {
                    warning = Some(format!(
                        "the end date {} is before the start date {}; kept the start date only",
                        Edtf::Date(end_date),
                        Edtf::Date(start_date)
                    ));
                    single()
                }
                Err(err) => return Err(err.to_string()),
            }
        }
        _ => single(),
    };
    TimeBounds::from_edtf(&edtf).map_err(|e| e.to_string())?;
    let mut spec = DateSpec::new(edtf);
    spec.set_wording(Some(wording.as_str()).filter(|w| !w.is_empty()));
    Ok((spec, warning))
}

fn has_year(date: &Map<String, Value>) -> bool {
    matches!(part(date, "year"), Ok(Some(_)))
}

type Time = (u32, u32, u32);

/// A TimelineJS date object as an EDTF date at its precision, and the time when one is given.
fn read_date(date: &Map<String, Value>) -> Result<(Date, Option<Time>), String> {
    let year = part(date, "year")?.ok_or("the date has no year")?;
    if !(i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year) {
        return Err(format!(
            "year {year} is outside the years Detente can place, {MIN_YEAR} to {MAX_YEAR}"
        ));
    }
    let year = year as i32;
    let small = |key: &str, max: i64| -> Result<Option<u32>, String> {
        match part(date, key)? {
            None => Ok(None),
            Some(v) if (0..=max).contains(&v) => Ok(Some(v as u32)),
            Some(v) => Err(format!("{key} {v} is out of range")),
        }
    };
    let month = small("month", 12)?.filter(|m| *m > 0);
    let day = small("day", 31)?.filter(|d| *d > 0);
    let (month, day) = match (month, day) {
        (None, _) => (0, 0),
        (Some(m), None) => (m, 0),
        (Some(m), Some(d)) => (m, d),
    };
    let edtf_date = Date::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{year:04}-{month:02}-{day:02} is not a date in the calendar"))?;
    let time = match (day, small("hour", 23)?) {
        (d, Some(h)) if d > 0 => Some((
            h,
            small("minute", 59)?.unwrap_or(0),
            small("second", 59)?.unwrap_or(0),
        )),
        _ => None,
    };
    Ok((edtf_date, time))
}

fn date_time(date: Date, h: u32, m: u32, s: u32) -> Option<Edtf> {
    if (h, m, s) == (0, 0, 0) {
        return None;
    }
    let text = format!("{}T{h:02}:{m:02}:{s:02}", Edtf::Date(date));
    Edtf::parse(&text).ok()
}

/// A date part: a number, a numeric string, or absent (missing, null, empty string).
fn part(date: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    match date.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            })
            .map(Some)
            .ok_or_else(|| format!("{key} {n} is not a whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .trim_start_matches('+')
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("{key} \"{s}\" is not a number")),
        Some(other) => Err(format!("{key} {other} is not a number")),
    }
}

fn read_era(b: &mut Builder, n: usize, era: &Value) {
    let Value::Object(era) = era else {
        b.warn(None, format!("era {n} is not a JSON object; skipped"));
        return;
    };
    let name = html_to_text(&string(obj(era, "text"), "headline"));
    let name = if name.is_empty() {
        format!("Era {n}")
    } else {
        name
    };
    let date = slide_date(era, &Map::new());
    match date {
        Ok((date, _)) => {
            let id = b.unique_id("p", &name);
            b.project.periods.push(Period {
                id,
                name,
                date,
                color: None,
            });
        }
        Err(reason) => b.warn(None, format!("era {n} (\"{name}\") skipped: {reason}")),
    }
}

fn obj<'v>(map: &'v Map<String, Value>, key: &str) -> &'v Map<String, Value> {
    static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
    match map.get(key) {
        Some(Value::Object(o)) => o,
        _ => std::sync::LazyLock::force(&EMPTY),
    }
}

/// A text field, borrowed: every slide has several, and copying each before reading it
/// cost a 1M-event import millions of allocations.
fn string<'m>(map: &'m Map<String, Value>, key: &str) -> Cow<'m, str> {
    match map.get(key) {
        Some(Value::String(s)) => Cow::Borrowed(s),
        Some(Value::Number(n)) => Cow::Owned(n.to_string()),
        _ => Cow::Borrowed(""),
    }
}

fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//"))
        && !text.contains(char::is_whitespace)
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if host.is_empty() { "media" } else { host }
}

fn first_href(html: &str) -> Option<String> {
    let at = html.find("href=")?;
    let rest = &html[at + 5..];
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let value = rest[1..].split(quote).next()?;
    is_url(value).then(|| super::html_text::decode_attribute(value).into_owned())
}

/// `Name (https://…)` as [`html_to_text`] writes a linked credit, without the link.
fn strip_link_suffix(text: &str) -> String {
    match text.rfind(" (http") {
        Some(at) if text.ends_with(')') && at > 0 => text[..at].to_owned(),
        _ => text.to_owned(),
    }
}
