//! ICEWS-style coded events: the ICEWS dataverse's tab- or comma-separated files with their
//! header (Event ID, Event Date, Source Name, Event Text, CAMEO Code, Target Name, Publisher,
//! City, Country, Latitude, Longitude, …), or headerless rows of source actor, event text,
//! target actor, date.
//!
//! The CAMEO code (or, without one, the event text) gives the event kind, status and roles;
//! the publisher is kept as the first step of the claim's attribution.

use arcstr::ArcStr;
use csv::{ReaderBuilder, StringRecord};
use thin_vec::{ThinVec, thin_vec};

use super::builder::{Builder, Cite};
use super::cameo::{cameo_code_of_text, cameo_kind_status, cameo_name, cameo_roles};
use super::country_codes::iso2_of_name;
use super::csv_import::sniff_delimiter;
use super::csv_mapping::DateFormat;
use super::line_numbers::LineNumbers;
use super::title_case::title_case;
use super::{ImportError, ImportFormat, ImportOptions, Imported};
use crate::model::{
    Actor, ActorKind, AttributionStep, DateSpec, Event, EventKind, EventPlace, EventStatus, Id,
    Location, LocationPrecision, ParticipantRole, Participation, TimeBounds,
};

#[derive(Default)]
struct Columns {
    id: Option<usize>,
    date: usize,
    source: Option<usize>,
    source_sectors: Option<usize>,
    source_country: Option<usize>,
    text: Option<usize>,
    code: Option<usize>,
    target: Option<usize>,
    target_sectors: Option<usize>,
    target_country: Option<usize>,
    publisher: Option<usize>,
    city: Option<usize>,
    district: Option<usize>,
    province: Option<usize>,
    country: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
}

impl Columns {
    /// Source actor, event text, target actor, date.
    fn headerless() -> Self {
        Self {
            source: Some(0),
            text: Some(1),
            target: Some(2),
            date: 3,
            ..Self::default()
        }
    }

    fn from_header(header: &StringRecord) -> Result<Self, ImportError> {
        let find = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let date = find("Event Date").ok_or_else(|| {
            ImportError::Format("the ICEWS header has no \"Event Date\" column".into())
        })?;
        Ok(Self {
            id: find("Event ID"),
            date,
            source: find("Source Name"),
            source_sectors: find("Source Sectors"),
            source_country: find("Source Country"),
            text: find("Event Text"),
            code: find("CAMEO Code"),
            target: find("Target Name"),
            target_sectors: find("Target Sectors"),
            target_country: find("Target Country"),
            publisher: find("Publisher"),
            city: find("City"),
            district: find("District"),
            province: find("Province"),
            country: find("Country"),
            lat: find("Latitude"),
            lon: find("Longitude"),
        })
    }
}

pub(crate) fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let text = super::text_of(bytes)?;
    let first = text.lines().next().unwrap_or("").to_ascii_lowercase();
    let has_header = options.mapping.as_ref().map_or(
        first.contains("event text") || first.contains("event date"),
        |m| m.has_header,
    );
    let date_format = options
        .mapping
        .as_ref()
        .map_or(DateFormat::Edtf, |m| m.date_format);
    let mut reader = ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // One record buffer for every row, as in `csv_import`: the `records()` iterator copies
    // the widest row's field-end table into every later row.
    let mut record = StringRecord::new();
    let columns = if has_header {
        match reader.read_record(&mut record) {
            Ok(true) => Columns::from_header(&record)?,
            Err(err) => {
                return Err(ImportError::Format(format!("unreadable header: {err}")));
            }
            Ok(false) => Columns::headerless(),
        }
    } else {
        Columns::headerless()
    };
    let mut b = Builder::new(ImportFormat::Icews, options);
    let mut lines = LineNumbers::new(text.as_bytes());
    loop {
        if b.is_full() {
            break;
        }
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let line = lines.line_of(err.position());
                b.report.rows_read += 1;
                b.skip(line, format!("unreadable row: {err}"));
                continue;
            }
        }
        let line = lines.line_of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        b.report.rows_read += 1;
        if let Err(reason) = row(&mut b, &columns, date_format, line, &record) {
            b.skip(line, reason);
        }
    }
    Ok(b.finish())
}

fn row(
    b: &mut Builder,
    c: &Columns,
    date_format: DateFormat,
    line: usize,
    r: &StringRecord,
) -> Result<(), String> {
    let get = |col: Option<usize>| col.and_then(|i| r.get(i)).map_or("", str::trim);
    let date_text = get(Some(c.date));
    if date_text.is_empty() {
        return Err("no event date".into());
    }
    let edtf = date_format.parse(date_text)?;
    TimeBounds::from_edtf(&edtf).map_err(|e| e.to_string())?;
    let date = DateSpec::new(edtf);
    let event_text = get(c.text);
    let code =
        normalise_code(get(c.code)).or_else(|| cameo_code_of_text(event_text).map(str::to_owned));
    let (kind, status) = code
        .as_deref()
        .map_or((EventKind::Other, EventStatus::Held), cameo_kind_status);
    let (role1, role2) = code.as_deref().map_or(
        (ParticipantRole::Participant, ParticipantRole::Participant),
        cameo_roles,
    );
    let act = if event_text.is_empty() {
        code.as_deref()
            .and_then(cameo_name)
            .unwrap_or("")
            .to_owned()
    } else {
        event_text.to_owned()
    };
    let source = get(c.source);
    let target = get(c.target);
    if source.is_empty() && target.is_empty() && act.is_empty() {
        return Err("no actors and no event text".into());
    }
    let mut participants: Vec<Participation> = Vec::new();
    let mut title = String::new();
    for (name, sectors, country, role) in [
        (source, get(c.source_sectors), get(c.source_country), role1),
        (target, get(c.target_sectors), get(c.target_country), role2),
    ] {
        if name.is_empty() {
            continue;
        }
        let actor = actor(b, name, sectors, country);
        if participants.iter().any(|p| p.actor == actor) {
            continue;
        }
        if !title.is_empty() {
            title.push_str(" → ");
        }
        title.push_str(&title_case(name));
        participants.push(Participation {
            actor,
            role,
            certainty: Default::default(),
        });
    }
    if !act.is_empty() {
        if !title.is_empty() {
            title.push_str(": ");
        }
        title.push_str(&act);
    }
    let places = place(b, line, c, r).map_or_else(ThinVec::new, |location| {
        thin_vec![EventPlace {
            location,
            candidate: false
        }]
    });
    let wanted = match get(c.id) {
        "" => format!("icews-{line}"),
        id => format!("icews-{id}"),
    };
    let id = b.event_id(&wanted);
    let publisher = get(c.publisher);
    let event = Event {
        id,
        title: title.as_str().into(),
        kind,
        status,
        date,
        places,
        place_wording: None,
        participants: participants.into(),
        tags: ThinVec::new(),
        description: ArcStr::default(),
        claims: ThinVec::new(),
        reported: ThinVec::new(),
    };
    let attribution = if publisher.is_empty() {
        Vec::new()
    } else {
        vec![AttributionStep {
            actor: None,
            name: publisher.into(),
            verb: "reported".into(),
        }]
    };
    b.push_event(
        line,
        event,
        Cite {
            excerpt: title,
            attribution,
            ..Cite::default()
        },
    );
    Ok(())
}

/// CAMEO codes as ICEWS files store them, sometimes as integers without leading zeros:
/// `43` is `043`, `431` (no base code is above 204) is `0431`.
fn normalise_code(code: &str) -> Option<String> {
    if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = match code.len() {
        1 | 2 => format!("{code:0>3}"),
        3 if code.parse::<u32>().is_ok_and(|n| n > 204) => format!("0{code}"),
        _ => code.to_owned(),
    };
    cameo_name(&padded).map(|_| padded)
}

fn actor(b: &mut Builder, name: &str, sectors: &str, country: &str) -> Id {
    let key = format!("{}\t{}", name.to_lowercase(), country.to_lowercase());
    if let Some(id) = b.keyed('a', &key) {
        return id;
    }
    let iso2 = iso2_of_name(if country.is_empty() { name } else { country });
    let kind = if name.eq_ignore_ascii_case(country) || (country.is_empty() && iso2.is_some()) {
        ActorKind::State
    } else if name.contains('(') {
        ActorKind::Group
    } else if sectors.contains("Organization")
        || (sectors.contains("Government") && !sectors.contains("Executive"))
    {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    };
    let id = b.unique_id("a", name);
    // Names in capitals read in title case; the file's spelling stays as an alias.
    let readable = title_case(name);
    let aliases = if readable == name {
        Vec::new()
    } else {
        vec![name.to_owned()]
    };
    b.project.actors.push(Actor {
        id,
        name: readable,
        kind,
        aliases,
        affiliation: None,
        country: iso2.map(str::to_owned),
        description: if sectors.is_empty() {
            String::new()
        } else {
            format!("ICEWS sectors: {sectors}")
        },
    });
    b.remember('a', key, id);
    id
}

fn place(b: &mut Builder, line: usize, c: &Columns, r: &StringRecord) -> Option<Id> {
    let get = |col: Option<usize>| col.and_then(|i| r.get(i)).map_or("", str::trim);
    let country = get(c.country);
    let local = [get(c.city), get(c.district), get(c.province)]
        .into_iter()
        .find(|s| !s.is_empty());
    let (name, precision) = match (local, country) {
        (Some(l), "") => (l.to_owned(), LocationPrecision::City),
        (Some(l), country) => (format!("{l}, {country}"), LocationPrecision::City),
        (None, "") => return None,
        (None, country) => (country.to_owned(), LocationPrecision::Country),
    };
    let key = name.to_lowercase();
    if let Some(id) = b.keyed('l', &key) {
        return Some(id);
    }
    let number = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    let coords = match (number(get(c.lat)), number(get(c.lon))) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some((lat, lon))
        }
        (None, None) => None,
        _ => {
            b.warn(
                Some(line),
                "latitude and longitude out of range; place kept without them",
            );
            None
        }
    };
    let id = b.unique_id("l", &name);
    b.project.locations.push(Location {
        id,
        name,
        country: iso2_of_name(country).map(str::to_owned),
        lat: coords.map(|c| c.0),
        lon: coords.map(|c| c.1),
        precision,
        geonames_id: None,
        aliases: Vec::new(),
    });
    b.remember('l', key, id);
    Some(id)
}
