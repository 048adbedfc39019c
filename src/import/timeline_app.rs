//! The Timeline desktop app's `.timeline` XML, every version from 1.0 (and the XML of the
//! 0.x versions that had it).
//!
//! Categories become tags with their colours, eras become periods, containers (`[n]Title`)
//! and their subevents (`(n)Title`) share a tag named after the container, milestones get
//! a `milestone` tag, fuzzy flags make the date approximate at that end, an event's
//! hyperlink is kept on the claim that cites the file, and its kind is the one its text
//! says, if it says one. Files in the pre-XML text format and timelines whose time type is
//! not a calendar date are refused with a message that says so.

use std::collections::HashMap;

use edtf::level_1::{Certainty as EdtfCertainty, Date, Edtf, Terminal};
use roxmltree::{Document, Node, ParsingOptions};
use thin_vec::ThinVec;

use super::builder::{Builder, Cite, color_hex};
use super::kind_words::kind_of_headline;
use super::{ImportError, ImportFormat, ImportOptions, Imported};
use crate::model::{DateError, DateSpec, Event, EventKind, EventStatus, Id, Period, TimeBounds};

pub(crate) fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let doc = parse(text)?;
    let root = doc.root_element();
    let mut b = Builder::new(ImportFormat::TimelineApp, options);
    if let Some(version) = child_text(root, "version") {
        b.project.description = format!(
            "Imported from {} (Timeline app file, version {})",
            b.project.title,
            version.trim()
        );
    }
    let mut categories = read_categories(&mut b, &doc);
    read_eras(&mut b, &doc);

    let events: Vec<Node<'_, '_>> = children(root, "events")
        .flat_map(|e| children(e, "event"))
        .collect();
    // Containers first, so that subevents find their container wherever it is in the file.
    let mut containers: HashMap<String, String> = HashMap::new();
    for event in &events {
        let text = child_text(*event, "text").unwrap_or_default();
        if let Some((cid, title)) = split_prefix(&text, '[', ']') {
            containers
                .entry(cid)
                .or_insert_with(|| title.trim().to_owned());
        }
    }

    for event in events {
        if b.is_full() {
            break;
        }
        read_event(&mut b, &doc, event, &containers, &mut categories);
    }
    Ok(b.finish())
}

/// The file as XML whose root is a `<timeline>` of calendar dates, or why not.
fn parse(text: &str) -> Result<Document<'_>, ImportError> {
    if !text.trim_start().starts_with('<') && super::detect::is_pre_xml_timeline(text) {
        return Err(ImportError::Format(
            "this file is in the Timeline app's old pre-XML text format (Timeline before 0.10); \
             open it in Timeline 0.10 or later and save it again to get .timeline XML"
                .into(),
        ));
    }
    let parse_options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 10_000_000,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, parse_options).map_err(|err| {
        let pos = err.pos();
        ImportError::Syntax {
            line: pos.row as usize,
            col: pos.col as usize,
            message: format!("this is not well-formed XML: {err}"),
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "timeline" {
        return Err(ImportError::Format(format!(
            "the XML's root element is <{}>, not <timeline>: this is not a Timeline app file",
            root.tag_name().name()
        )));
    }
    if let Some(time_type) = child_text(root, "timetype") {
        check_time_type(time_type.trim())?;
    }
    Ok(doc)
}

/// The line of the file where `node` starts, for the report.
fn line_of(doc: &Document<'_>, node: Node<'_, '_>) -> usize {
    doc.text_pos_at(node.range().start).row as usize
}

/// Categories as tags with their colours, by name.
fn read_categories(b: &mut Builder, doc: &Document<'_>) -> HashMap<String, Id> {
    let mut categories: HashMap<String, Id> = HashMap::new();
    let root = doc.root_element();
    for category in children(root, "categories").flat_map(|c| children(c, "category")) {
        let name = child_text(category, "name").unwrap_or_default();
        if name.trim().is_empty() {
            b.warn(
                Some(line_of(doc, category)),
                "a category without a name; ignored",
            );
            continue;
        }
        let color = child_text(category, "color").and_then(|c| color_hex(&c));
        let tag = b.tag(&name, color);
        categories.insert(name, tag);
    }
    categories
}

/// Eras as periods; one without a readable date is skipped with a warning.
fn read_eras(b: &mut Builder, doc: &Document<'_>) {
    for era in children(doc.root_element(), "eras").flat_map(|e| children(e, "era")) {
        let line = line_of(doc, era);
        let name = child_text(era, "name").unwrap_or_else(|| format!("Era at line {line}"));
        match event_date(era) {
            Ok((date, _)) => {
                let id = b.unique_id("p", &name);
                let color = child_text(era, "color").and_then(|c| color_hex(&c));
                b.project.periods.push(Period {
                    id,
                    name,
                    date,
                    color,
                });
            }
            Err(reason) => b.warn(Some(line), format!("era \"{name}\" skipped: {reason}")),
        }
    }
}

/// One `<event>` into the project, or skipped with the reason when its date cannot be read.
fn read_event(
    b: &mut Builder,
    doc: &Document<'_>,
    event: Node<'_, '_>,
    containers: &HashMap<String, String>,
    categories: &mut HashMap<String, Id>,
) {
    b.report.rows_read += 1;
    let line = line_of(doc, event);
    let raw_text = child_text(event, "text").unwrap_or_default();
    let (date, warning) = match event_date(event) {
        Ok(date) => date,
        Err(reason) => {
            b.skip(line, format!("\"{}\": {reason}", raw_text.trim()));
            return;
        }
    };
    if let Some(w) = warning {
        b.warn(Some(line), w);
    }
    let (title, tags) = title_and_tags(b, event, line, &raw_text, containers, categories);
    let title = title.trim();
    let title = if title.is_empty() {
        b.warn(Some(line), "the event has no text; titled \"(untitled)\"");
        "(untitled)"
    } else {
        title
    };
    let id = b.event_id(&format!("ev-{}", super::builder::slug(title)));
    let description = child_text(event, "description").unwrap_or_default();
    let hyperlink = child_text(event, "hyperlink").filter(|h| !h.trim().is_empty());
    let e = Event {
        id,
        title: title.into(),
        kind: kind_of_headline(title).unwrap_or(EventKind::Other),
        status: EventStatus::Unknown,
        date,
        places: ThinVec::new(),
        place_wording: None,
        participants: Box::default(),
        tags,
        description: description.trim().into(),
        claims: ThinVec::new(),
        reported: ThinVec::new(),
    };
    let cite = Cite {
        excerpt: raw_text.trim().to_owned(),
        url: hyperlink.map(|h| h.trim().into()),
        ..Cite::default()
    };
    b.push_event(line, e, cite);
}

/// An event's title without its container prefix, and its tags: its container's, its
/// categories' (a category the file does not define is made, with a warning), `milestone`.
fn title_and_tags(
    b: &mut Builder,
    event: Node<'_, '_>,
    line: usize,
    raw_text: &str,
    containers: &HashMap<String, String>,
    categories: &mut HashMap<String, Id>,
) -> (String, ThinVec<Id>) {
    let mut tags = ThinVec::new();
    let mut title = raw_text.to_owned();
    if let Some((cid, rest)) = split_prefix(raw_text, '[', ']') {
        title = rest;
        tags.push(container_tag(b, containers, &cid));
    } else if let Some((cid, rest)) = split_prefix(raw_text, '(', ')') {
        title = rest;
        tags.push(container_tag(b, containers, &cid));
    } else if raw_text.starts_with(" (") || raw_text.starts_with(" [") {
        // The app escapes a title that really starts with a bracket by a space.
        raw_text[1..].clone_into(&mut title);
    }
    let category_names = child_text(event, "category").into_iter().chain(
        children(event, "categories")
            .flat_map(|c| children(c, "category"))
            .filter_map(|c| c.text().map(str::to_owned)),
    );
    for name in category_names {
        let tag = if let Some(tag) = categories.get(&name) {
            *tag
        } else {
            b.warn(
                Some(line),
                format!("category \"{name}\" is not defined in the file"),
            );
            let tag = b.tag(&name, None);
            categories.insert(name, tag);
            tag
        };
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if flag(event, "milestone") {
        tags.push(b.tag("milestone", None));
    }
    (title, tags)
}

fn check_time_type(time_type: &str) -> Result<(), ImportError> {
    let what = match time_type {
        "gregoriantime" | "" => return Ok(()),
        "numtime" => "plain numbers, not dates",
        "bosparaniantime" => "the Bosparanian calendar of The Dark Eye",
        "pharaonictime" => "the Egyptian pharaonic calendar",
        "coptictime" => "the Coptic calendar",
        _ => "a time type this version of Detente does not know",
    };
    Err(ImportError::Format(format!(
        "this timeline's time type is \"{time_type}\" ({what}); Detente imports only timelines of \
         Gregorian dates (time type \"gregoriantime\")"
    )))
}

fn container_tag(b: &mut Builder, containers: &HashMap<String, String>, cid: &str) -> Id {
    let name = match containers.get(cid) {
        Some(title) if !title.is_empty() => title.clone(),
        _ => format!("container {cid}"),
    };
    b.tag(&name, None)
}

/// `[12]Title` → (`12`, `Title`) for open `[` and close `]`.
fn split_prefix(text: &str, open: char, close: char) -> Option<(String, String)> {
    let rest = text.strip_prefix(open)?;
    let (id, title) = rest.split_once(close)?;
    let ok = !id.is_empty() && id.len() <= 9 && id.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    ok.then(|| (id.to_owned(), title.to_owned()))
}

/// The date of an event or era from its `start` and `end`, with the fuzzy flags.
fn event_date(node: Node<'_, '_>) -> Result<(DateSpec, Option<String>), String> {
    let start_text = child_text(node, "start").ok_or("no <start> time")?;
    let end_text = child_text(node, "end").unwrap_or_else(|| start_text.clone());
    let start = parse_time(&start_text).map_err(|e| format!("start: {e}"))?;
    let end = parse_time(&end_text).map_err(|e| format!("end: {e}"))?;
    let fuzzy = flag(node, "fuzzy");
    let certainty = |fuzzy_end: bool| {
        if fuzzy || fuzzy_end {
            EdtfCertainty::Approximate
        } else {
            EdtfCertainty::Certain
        }
    };
    let start_date = start
        .date
        .and_certainty(certainty(flag(node, "fuzzy_start")));
    let end_date = end.date.and_certainty(certainty(flag(node, "fuzzy_end")));
    let mut warning = None;
    let mut wording = None;
    let edtf = if flag(node, "ends_today") {
        Edtf::IntervalFrom(start_date, Terminal::Open)
    } else if start.date == end.date {
        if start.time == end.time && start.time != (0, 0, 0) && start_date == start.date {
            let (h, m, s) = start.time;
            Edtf::parse(&format!("{}T{h:02}:{m:02}:{s:02}", Edtf::Date(start.date)))
                .unwrap_or(Edtf::Date(start_date))
        } else {
            if start.time != end.time {
                wording = Some(format!("{} – {}", start_text.trim(), end_text.trim()));
            }
            Edtf::Date(start_date)
        }
    } else {
        let interval = Edtf::Interval(start_date, end_date);
        match TimeBounds::from_edtf(&interval) {
            Err(DateError::Reversed { .. }) => {
                warning = Some(format!(
                    "ends ({}) before it starts ({}); kept the start only",
                    end_text.trim(),
                    start_text.trim()
                ));
                Edtf::Date(start_date)
            }
            _ => interval,
        }
    };
    TimeBounds::from_edtf(&edtf).map_err(|e| e.to_string())?;
    let mut spec = DateSpec::new(edtf);
    spec.set_wording(wording.as_deref());
    Ok((spec, warning))
}

struct Time {
    date: Date,
    time: (u32, u32, u32),
}

/// `2021-10-13 13:23:09` (also without the time, and with a `-` for years before 1).
fn parse_time(text: &str) -> Result<Time, String> {
    let text = text.trim();
    let bad = || format!("\"{text}\" is not a time of the form YYYY-MM-DD HH:MM:SS");
    let (date_part, time_part) = text.split_once(' ').unwrap_or((text, "00:00:00"));
    let (negative, digits) = match date_part.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, date_part),
    };
    let mut ymd = digits.split('-').map(|p| p.parse::<i64>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d)), None) =
        (ymd.next(), ymd.next(), ymd.next(), ymd.next())
    else {
        return Err(bad());
    };
    let year = if negative { -y } else { y };
    if !(i64::from(crate::model::MIN_YEAR)..=i64::from(crate::model::MAX_YEAR)).contains(&year) {
        return Err(format!(
            "year {year} is outside the years Detente can place, {} to {}",
            crate::model::MIN_YEAR,
            crate::model::MAX_YEAR
        ));
    }
    let (Ok(m), Ok(d)) = (u32::try_from(m), u32::try_from(d)) else {
        return Err(bad());
    };
    let date = Date::from_ymd_opt(year as i32, m, d)
        .filter(|_| m >= 1 && d >= 1)
        .ok_or_else(|| format!("\"{date_part}\" is not a date in the calendar"))?;
    let mut hms = time_part.split(':').map(|p| p.parse::<u32>().ok());
    let time = match (hms.next(), hms.next(), hms.next(), hms.next()) {
        (Some(Some(hour)), Some(Some(min)), Some(Some(sec)), None)
            if hour < 24 && min < 60 && sec < 61 =>
        {
            (hour, min, sec.min(59))
        }
        (Some(Some(hour)), Some(Some(min)), None, None) if hour < 24 && min < 60 => (hour, min, 0),
        _ => return Err(bad()),
    };
    Ok(Time { date, time })
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child_text(node: Node<'_, '_>, name: &'static str) -> Option<String> {
    children(node, name)
        .next()
        .map(|c| c.text().unwrap_or_default().to_owned())
}

fn flag(node: Node<'_, '_>, name: &'static str) -> bool {
    child_text(node, name).is_some_and(|t| t.trim().eq_ignore_ascii_case("true"))
}
