//! CSV and TSV with a column mapping, saved as a small JSON file for reuse.
//!
//! RFC 4180 quoting, with or without a header. The date format is chosen in the mapping,
//! never guessed: a date that does not fit it is reported with its line. Without a mapping,
//! columns are found by their header names and dates are read as EDTF (which includes
//! `YYYY-MM-DD`), and the report says so.

use csv::{ReaderBuilder, StringRecord};
use edtf::level_1::Edtf;
use thin_vec::ThinVec;

use super::builder::{Builder, Cite, slug};
use super::country_codes::iso2_of_name;
use super::csv_mapping::{ColumnRef, CsvColumns, CsvMapping};
use super::line_numbers::LineNumbers;
use super::{ImportError, ImportFormat, ImportOptions, Imported};
use crate::formats::csv_guard::unguard_cell;
use crate::model::{
    Actor, ActorKind, DateSpec, Event, EventKind, EventPlace, EventStatus, Id, Location,
    LocationPrecision, Participation, TimeBounds,
};

/// Column indexes resolved against the header.
#[derive(Default)]
struct Resolved {
    id: Option<usize>,
    date: Option<usize>,
    end_date: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    actors: Option<usize>,
    location: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    source_url: Option<usize>,
    kind: Option<usize>,
    status: Option<usize>,
    tags: Option<usize>,
}

fn resolve(columns: &CsvColumns, header: Option<&StringRecord>) -> Result<Resolved, ImportError> {
    let one = |name: &str, col: &Option<ColumnRef>| -> Result<Option<usize>, ImportError> {
        match col {
            None => Ok(None),
            Some(ColumnRef::Number(0)) => Err(ImportError::Format(format!(
                "mapping: column numbers count from 1; the {name} column is 0"
            ))),
            Some(ColumnRef::Number(n)) => Ok(Some(n - 1)),
            Some(ColumnRef::Name(wanted)) => header
                .and_then(|h| {
                    h.iter()
                        .position(|c| c.trim().eq_ignore_ascii_case(wanted.trim()))
                })
                .map(Some)
                .ok_or_else(|| {
                    ImportError::Format(format!(
                        "mapping: the {name} column \"{wanted}\" is not in the file's header{}",
                        header.map_or(" (the mapping says the file has none)".to_owned(), |h| {
                            format!(" ({})", header_names(h))
                        })
                    ))
                }),
        }
    };
    Ok(Resolved {
        id: one("id", &columns.id)?,
        date: one("date", &columns.date)?,
        end_date: one("end date", &columns.end_date)?,
        title: one("title", &columns.title)?,
        description: one("description", &columns.description)?,
        actors: one("actors", &columns.actors)?,
        location: one("location", &columns.location)?,
        latitude: one("latitude", &columns.latitude)?,
        longitude: one("longitude", &columns.longitude)?,
        source_url: one("source URL", &columns.source_url)?,
        kind: one("kind", &columns.kind)?,
        status: one("status", &columns.status)?,
        tags: one("tags", &columns.tags)?,
    })
}

/// At most this many header names are quoted in a message: enough to recognise the file,
/// while a header of a million columns would make a message of megabytes.
const MAX_NAMES_QUOTED: usize = 20;

/// The header's names for a message, the first [`MAX_NAMES_QUOTED`] of them.
fn header_names(header: &StringRecord) -> String {
    let mut text = header
        .iter()
        .take(MAX_NAMES_QUOTED)
        .collect::<Vec<_>>()
        .join(", ");
    if header.len() > MAX_NAMES_QUOTED {
        text.push_str(&format!(", … and {} more", header.len() - MAX_NAMES_QUOTED));
    }
    text
}

/// The delimiter of the first line: tab, else `;` when it outnumbers `,`, else `,`.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c| first.matches(c).count();
    if count('\t') > 0 {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

pub(crate) fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let text = super::text_of(bytes)?;
    import_text(text, options, ImportFormat::Csv)
}

/// [`import`] of text already decoded, reported as `format` (a spreadsheet's sheet comes
/// here as tab-separated text).
pub(crate) fn import_text(
    text: &str,
    options: &ImportOptions,
    format: ImportFormat,
) -> Result<Imported, ImportError> {
    let given = options.mapping.clone();
    let delimiter = given.as_ref().and_then(|m| m.delimiter).map_or_else(
        || sniff_delimiter(text),
        |c| u8::try_from(u32::from(c)).unwrap_or(b','),
    );
    let quoting = given.as_ref().is_none_or(|m| m.quoting);
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(quoting)
        .from_reader(text.as_bytes());
    // One record buffer for every row: the csv crate's `records()` iterator clones its
    // buffer per row along with the field-end table of the widest row read so far, so one
    // row of a million delimiters made every later row copy 8 MB.
    let mut record = StringRecord::new();
    let has_header = given.as_ref().is_none_or(|m| m.has_header);
    let header = if has_header {
        let mut header = StringRecord::new();
        match reader.read_record(&mut header) {
            Ok(true) => Some(header),
            Ok(false) => None,
            Err(err) => return Err(csv_error(&err)),
        }
    } else {
        None
    };
    let mut b = Builder::new(format, options);
    let mapping = if let Some(m) = given {
        m
    } else {
        let Some(h) = &header else {
            return Err(ImportError::Format(
                "the file has no header row; give a column mapping".into(),
            ));
        };
        let names: Vec<&str> = h.iter().collect();
        let m = CsvMapping::from_header(&names);
        if m.columns.date.is_none()
            || (m.columns.title.is_none() && m.columns.description.is_none())
        {
            return Err(ImportError::Format(format!(
                "no column mapping was given and the header ({}) has no column named like a date \
                 (\"date\", \"start\") and a title (\"title\", \"headline\"); give a mapping that \
                 names the columns and the date format",
                header_names(h)
            )));
        }
        b.warn(None, format!(
            "no column mapping given: columns read by their header names ({}); dates read as EDTF (e.g. YYYY-MM-DD)",
            describe(&m.columns)
        ));
        m
    };
    let cols = resolve(&mapping.columns, header.as_ref())?;
    if cols.date.is_none() {
        return Err(ImportError::Format(
            "the mapping names no date column".into(),
        ));
    }
    let mut lines = LineNumbers::new(text.as_bytes());
    let mut row_reader = Row {
        b: &mut b,
        mapping: &mapping,
        cols: &cols,
    };
    loop {
        if row_reader.b.is_full() {
            break;
        }
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(record.position());
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                row_reader.b.report.rows_read += 1;
                if let Err(reason) = row_reader.read(line, &record) {
                    row_reader.b.skip(line, reason);
                }
            }
            Err(err) => {
                let line = lines.line_of(err.position());
                row_reader.b.report.rows_read += 1;
                row_reader.b.skip(line, format!("unreadable row: {err}"));
            }
        }
    }
    Ok(b.finish())
}

fn describe(c: &CsvColumns) -> String {
    let pairs = [
        ("date", &c.date),
        ("end date", &c.end_date),
        ("title", &c.title),
        ("description", &c.description),
        ("actors", &c.actors),
        ("location", &c.location),
        ("latitude", &c.latitude),
        ("longitude", &c.longitude),
        ("source URL", &c.source_url),
        ("kind", &c.kind),
        ("status", &c.status),
        ("tags", &c.tags),
        ("id", &c.id),
    ];
    pairs
        .iter()
        .filter_map(|(what, col)| match col {
            Some(ColumnRef::Name(n)) => Some(format!("{what} → \"{n}\"")),
            Some(ColumnRef::Number(n)) => Some(format!("{what} → column {n}")),
            None => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn csv_error(err: &csv::Error) -> ImportError {
    let line = err.position().map_or(1, |p| p.line() as usize);
    ImportError::Syntax {
        line,
        col: 1,
        message: format!("unreadable CSV: {err}"),
    }
}

/// A row's cell in `col`, trimmed; empty when the column is unmapped or the row is short.
fn cell(record: &StringRecord, col: Option<usize>) -> &str {
    // A `'` before a formula-like cell is the guard CSV exports put there (Detente's own
    // included): the cell is what follows it.
    col.and_then(|i| record.get(i))
        .map_or("", |cell| unguard_cell(cell.trim()).trim())
}

/// The title, or else the description's first line cut to 80 characters; an error when both
/// are empty.
fn title_or_description(title: &str, description: &str) -> Result<String, String> {
    let mut title = title.to_owned();
    if title.is_empty() {
        title = description
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(80)
            .collect();
    }
    if title.is_empty() {
        return Err("no title (and no description to take one from)".into());
    }
    Ok(title)
}

struct Row<'a> {
    b: &'a mut Builder,
    mapping: &'a CsvMapping,
    cols: &'a Resolved,
}

impl Row<'_> {
    fn read(&mut self, line: usize, record: &StringRecord) -> Result<(), String> {
        let get = |col: Option<usize>| cell(record, col);
        let date = self.date(line, record)?;
        let description = get(self.cols.description);
        let title = title_or_description(get(self.cols.title), description)?;
        let participants = self.participants(record);
        let places = self.places(line, record);
        let (kind, status) = self.kind_and_status(line, record);
        let tags = self.tags(record);
        let wanted_id = get(self.cols.id);
        let id = if wanted_id.is_empty() {
            self.b.event_id(&format!("ev-{}", slug(&title)))
        } else {
            self.b.event_id(wanted_id)
        };
        let url = get(self.cols.source_url);
        let event = Event {
            id,
            title: title.as_str().into(),
            kind,
            status,
            date,
            places,
            place_wording: None,
            participants: participants.into(),
            tags,
            description: description.into(),
            claims: ThinVec::new(),
            reported: ThinVec::new(),
        };
        let cite = Cite {
            excerpt: title,
            url: (!url.is_empty()).then(|| url.into()),
            ..Cite::default()
        };
        self.b.push_event(line, event, cite);
        Ok(())
    }

    /// The date, or from the date to the end date; an end that cannot end it is dropped with
    /// a warning.
    fn date(&mut self, line: usize, record: &StringRecord) -> Result<DateSpec, String> {
        let date_text = cell(record, self.cols.date);
        if date_text.is_empty() {
            return Err("no date".into());
        }
        let format = self.mapping.date_format;
        let start = format.parse(date_text)?;
        let end_text = cell(record, self.cols.end_date);
        let edtf = if end_text.is_empty() {
            start
        } else {
            match (
                start,
                format.parse(end_text).map_err(|e| format!("end {e}"))?,
            ) {
                (Edtf::Date(a), Edtf::Date(z)) if a != z => Edtf::Interval(a, z),
                (a, _) => {
                    if end_text != date_text {
                        self.b.warn(Some(line), format!("end date \"{end_text}\" cannot end \"{date_text}\"; kept the start only"));
                    }
                    a
                }
            }
        };
        TimeBounds::from_edtf(&edtf).map_err(|e| e.to_string())?;
        Ok(DateSpec::new(edtf))
    }

    /// A cell's list of names, split at the mapping's separator (none: the cell is one name).
    fn list(&self, text: &str) -> Vec<String> {
        let sep = self.mapping.list_separator.as_str();
        if sep.is_empty() {
            vec![text.trim().to_owned()]
        } else {
            text.split(sep).map(|s| s.trim().to_owned()).collect()
        }
    }

    /// The actors column's names as participants, each actor once.
    fn participants(&mut self, record: &StringRecord) -> Vec<Participation> {
        let mut participants = Vec::new();
        for name in self
            .list(cell(record, self.cols.actors))
            .into_iter()
            .filter(|n| !n.is_empty())
        {
            let actor = self.actor(&name);
            if !participants
                .iter()
                .any(|p: &Participation| p.actor == actor)
            {
                participants.push(Participation {
                    actor,
                    role: Default::default(),
                    certainty: Default::default(),
                });
            }
        }
        participants
    }

    /// The location column's places; the coordinates go to a single place, or make one
    /// named by them when no place is named.
    fn places(&mut self, line: usize, record: &StringRecord) -> ThinVec<EventPlace> {
        let coords = self.coords(
            line,
            cell(record, self.cols.latitude),
            cell(record, self.cols.longitude),
        );
        let names: Vec<String> = self
            .list(cell(record, self.cols.location))
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        let mut places = ThinVec::new();
        if names.is_empty() {
            if let Some((lat, lon)) = coords {
                places.push(self.place(&format!("{lat:.4}, {lon:.4}"), coords));
            }
        } else {
            let single = names.len() == 1;
            for name in &names {
                places.push(self.place(name, if single { coords } else { None }));
            }
        }
        places
    }

    /// The kind (an event kind's name or a CAMEO code, which also gives a status) and the
    /// status; what cannot be read is other and unknown, with a warning.
    fn kind_and_status(&mut self, line: usize, record: &StringRecord) -> (EventKind, EventStatus) {
        let (mut kind, mut status) = (EventKind::Other, EventStatus::Unknown);
        let kind_text = cell(record, self.cols.kind);
        if !kind_text.is_empty() {
            if let Some(k) = EventKind::ALL
                .into_iter()
                .find(|k| k.label().eq_ignore_ascii_case(kind_text))
            {
                kind = k;
            } else if super::cameo::cameo_name(kind_text).is_some() {
                (kind, status) = super::cameo::cameo_kind_status(kind_text);
            } else {
                self.b.warn(Some(line), format!("kind \"{kind_text}\" is neither an event kind nor a CAMEO code; read as other"));
            }
        }
        let status_text = cell(record, self.cols.status);
        if !status_text.is_empty() {
            match EventStatus::ALL.into_iter().find(|s| s.label().eq_ignore_ascii_case(status_text)) {
                Some(s) => status = s,
                None => self.b.warn(Some(line), format!("status \"{status_text}\" is not one of planned, expected, confirmed, held, postponed, cancelled, unknown")),
            }
        }
        (kind, status)
    }

    /// The tags column's names as tags, each once.
    fn tags(&mut self, record: &StringRecord) -> ThinVec<Id> {
        let mut tags = ThinVec::new();
        for name in self
            .list(cell(record, self.cols.tags))
            .into_iter()
            .filter(|n| !n.is_empty())
        {
            let tag = self.b.tag(&name, None);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    fn actor(&mut self, name: &str) -> crate::model::Id {
        let key = name.to_lowercase();
        if let Some(id) = self.b.keyed('a', &key) {
            return id;
        }
        let id = self.b.unique_id("a", name);
        let country = iso2_of_name(name);
        self.b.project.actors.push(Actor {
            id,
            name: name.to_owned(),
            kind: if country.is_some() {
                ActorKind::State
            } else {
                ActorKind::Person
            },
            aliases: Vec::new(),
            affiliation: None,
            country: country.map(str::to_owned),
            description: String::new(),
        });
        self.b.remember('a', key, id);
        id
    }

    fn place(&mut self, name: &str, coords: Option<(f64, f64)>) -> EventPlace {
        let key = name.to_lowercase();
        let location = if let Some(id) = self.b.keyed('l', &key) {
            id
        } else {
            let id = self.b.unique_id("l", name);
            let country = iso2_of_name(name);
            self.b.project.locations.push(Location {
                id,
                name: name.to_owned(),
                country: country.map(str::to_owned),
                lat: coords.map(|c| c.0),
                lon: coords.map(|c| c.1),
                precision: if country.is_some() {
                    LocationPrecision::Country
                } else {
                    LocationPrecision::Unknown
                },
                geonames_id: None,
                aliases: Vec::new(),
            });
            self.b.remember('l', key, id);
            id
        };
        EventPlace {
            location,
            candidate: false,
        }
    }

    fn coords(&mut self, line: usize, lat: &str, lon: &str) -> Option<(f64, f64)> {
        if lat.is_empty() && lon.is_empty() {
            return None;
        }
        let parse = |t: &str| {
            t.replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
        };
        match (parse(lat), parse(lon)) {
            (Some(a), Some(o)) if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&o) => {
                Some((a, o))
            }
            _ => {
                self.b.warn(Some(line), format!("coordinates \"{lat}\", \"{lon}\" are not a latitude (-90 to 90) and longitude (-180 to 180); place kept without them"));
                None
            }
        }
    }
}
