//! Events as CSV, one row per event, RFC 4180 quoting, in date order.
//!
//! Columns: `id`, `date` (EDTF, as given), `wording` (the source's words), `earliest` and
//! `latest` (the bounds: days `YYYY-MM-DD`, both inclusive, or UTC instants when the date has
//! a time), `title`, `kind`, `status`, `participants`, `locations`, `latitude`, `longitude`
//! (of the only place), `tags`, `description`, `sources` (the cited sources' names) and
//! `source_url`. Lists are separated by `; `. The header names are those the CSV importer
//! recognises, so an export reads back with the EDTF date format.
//!
//! Cells a spreadsheet would run as formulas start with `'` unless [`CsvCells::Raw`] is asked
//! for (see [`super::csv_guard`]); the CSV importer takes the `'` off again.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::csv_guard::{CsvCells, guard_cell};
use super::{EventFilter, ExportError, filtered_events};
use crate::model::{Event, Lookup, Project, SECS_PER_DAY, TimeBounds, civil_from_secs};

pub const HEADER: [&str; 17] = [
    "id",
    "date",
    "wording",
    "earliest",
    "latest",
    "title",
    "kind",
    "status",
    "participants",
    "locations",
    "latitude",
    "longitude",
    "tags",
    "description",
    "sources",
    "source_url",
    "place_wording",
];

/// The filtered events as CSV bytes (UTF-8, `\n` line ends), cells guarded against formulas.
pub fn events_csv(project: &Project, filter: &EventFilter) -> Result<Vec<u8>, ExportError> {
    events_csv_with(project, filter, CsvCells::Guarded)
}

/// The filtered events as CSV bytes, with cells guarded against formulas or as they are.
pub fn events_csv_with(
    project: &Project,
    filter: &EventFilter,
    cells: CsvCells,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write_events_csv(project, filter, cells, &mut out).map_err(|e| ExportError::Encode {
        format: "CSV",
        message: e.to_string(),
    })?;
    Ok(out)
}

/// The filtered events as CSV, written row by row into `out`: a 1M-event export never holds
/// its ~300 MB of text in memory.
pub fn write_events_csv(
    project: &Project,
    filter: &EventFilter,
    cells: CsvCells,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lookup = project.lookup();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(HEADER)?;
    for event in filtered_events(project, filter) {
        let row = row(project, &lookup, event);
        match cells {
            CsvCells::Guarded => {
                for cell in &row {
                    writer.write_field(guard_cell(cell).as_bytes())?;
                }
                // An empty record after its fields ends the row (the csv crate's way).
                writer.write_record(None::<&[u8]>)
            }
            CsvCells::Raw => writer.write_record(&row),
        }?;
    }
    writer.flush()
}

fn row(project: &Project, lookup: &Lookup, e: &Event) -> [String; 17] {
    let names = |ids: &mut dyn Iterator<Item = crate::model::Id>| {
        ids.map(|id| lookup.name_of(project, id).to_owned())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (earliest, latest) = e
        .date
        .bounds()
        .map_or_else(|_| (String::new(), String::new()), |b| bounds_text(&b));
    let (lat, lon) = match e.places.as_slice() {
        [only] => lookup
            .location(project, only.location)
            .and_then(crate::model::Location::lat_lon)
            .map_or_else(Default::default, |(a, o)| (a.to_string(), o.to_string())),
        _ => Default::default(),
    };
    let mut sources = BTreeSet::new();
    let mut url = String::new();
    for claim_id in e.all_claim_ids() {
        if let Some(claim) = lookup.claim(project, claim_id) {
            sources.insert(lookup.name_of(project, claim.source).to_owned());
            if url.is_empty()
                && let Some(u) = &claim.url
            {
                u.as_str().clone_into(&mut url);
            }
        }
    }
    [
        e.id.to_string(),
        e.date.edtf_text(),
        e.date.wording().unwrap_or("").to_owned(),
        earliest,
        latest,
        e.title.to_string(),
        e.kind.label().to_owned(),
        e.status.label().to_owned(),
        names(&mut e.participant_ids()),
        names(&mut e.location_ids()),
        lat,
        lon,
        names(&mut e.tags.iter().copied()),
        e.description.to_string(),
        sources.into_iter().collect::<Vec<_>>().join("; "),
        url,
        e.place_wording.as_deref().unwrap_or("").to_owned(),
    ]
}

/// Earliest and latest, both inclusive: whole days as dates, anything else as instants.
/// Years have four digits and a sign before the common era (`-0044-03-15`), as in EDTF;
/// `strftime`'s `%Y` would write `-044`.
pub(crate) fn bounds_text(b: &TimeBounds) -> (String, String) {
    let day = |secs| {
        let t = civil_from_secs(secs);
        format!("{}-{:02}-{:02}", year_text(t.year()), t.month(), t.day())
    };
    let instant = |secs| {
        let t = civil_from_secs(secs);
        format!(
            "{}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            year_text(t.year()),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    };
    let aligned = |secs: i64| secs.rem_euclid(SECS_PER_DAY) == 0;
    if b.earliest_secs < b.latest_secs && aligned(b.earliest_secs) && aligned(b.latest_secs) {
        (day(b.earliest_secs), day(b.latest_secs - SECS_PER_DAY))
    } else {
        (instant(b.earliest_secs), instant(b.latest_secs))
    }
}

fn year_text(year: i16) -> String {
    let sign = if year < 0 { "-" } else { "" };
    format!("{sign}{:04}", year.unsigned_abs())
}
