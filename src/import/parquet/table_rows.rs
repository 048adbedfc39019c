//! ACLED, POLECAT and any other table from Parquet, written as CSV rows with a column
//! mapping and read by the CSV importer: one way to read actors, places, kinds and dates.
//! Each preset says how its columns make a title, a description and the rest.

use arrow_array::RecordBatch;

use super::super::csv_mapping::{ColumnRef, CsvColumns, CsvMapping, DateFormat};
use super::cells::Cells;
use super::preset::Preset;

/// Separates several actors or tags in one cell of the CSV written here: a character no
/// name holds.
const LIST_SEPARATOR: &str = "\u{1F}";

/// The columns of the CSV written for the ACLED and POLECAT presets.
const TABLE_HEADER: [&str; 12] = [
    "id",
    "date",
    "title",
    "description",
    "actors",
    "location",
    "latitude",
    "longitude",
    "kind",
    "status",
    "tags",
    "source_url",
];

pub(crate) struct TableRows {
    preset: Preset,
    writer: csv::Writer<Vec<u8>>,
    /// The mapped columns for [`Preset::Mapped`], in the CSV's order.
    mapped: Vec<String>,
}

impl TableRows {
    pub fn new(preset: Preset) -> Result<Self, String> {
        let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
        let mapped = match &preset {
            Preset::Mapped(_) => preset.read_columns(),
            _ => Vec::new(),
        };
        let header: Vec<&str> = if mapped.is_empty() {
            TABLE_HEADER.to_vec()
        } else {
            mapped.iter().map(String::as_str).collect()
        };
        writer.write_record(&header).map_err(|e| e.to_string())?;
        Ok(Self {
            preset,
            writer,
            mapped,
        })
    }

    /// The mapping that reads the CSV written here.
    pub fn mapping(&self) -> CsvMapping {
        let name = |n: &str| Some(ColumnRef::Name(n.to_owned()));
        match &self.preset {
            Preset::Mapped(m) => CsvMapping {
                delimiter: Some(','),
                has_header: true,
                quoting: true,
                // Dates read from DATE columns are written YYYY-MM-DD, which EDTF reads.
                date_format: match m.date_format {
                    DateFormat::Compact | DateFormat::Iso => DateFormat::Edtf,
                    other => other,
                },
                ..(**m).clone()
            },
            _ => CsvMapping {
                delimiter: Some(','),
                has_header: true,
                date_format: DateFormat::Iso,
                list_separator: LIST_SEPARATOR.to_owned(),
                quoting: true,
                columns: CsvColumns {
                    id: name("id"),
                    date: name("date"),
                    title: name("title"),
                    description: name("description"),
                    actors: name("actors"),
                    location: name("location"),
                    latitude: name("latitude"),
                    longitude: name("longitude"),
                    kind: name("kind"),
                    status: name("status"),
                    tags: name("tags"),
                    source_url: name("source_url"),
                    end_date: None,
                },
            },
        }
    }

    pub fn batch(&mut self, batch: &RecordBatch) -> Result<(), String> {
        let schema = batch.schema();
        let wanted: Vec<String> = match &self.preset {
            Preset::Mapped(_) => self.mapped.clone(),
            p => p.read_columns(),
        };
        let mut cells: Vec<Option<Cells<'_>>> = Vec::with_capacity(wanted.len());
        for name in &wanted {
            let at = schema
                .fields()
                .iter()
                .position(|f| f.name().trim().eq_ignore_ascii_case(name.trim()));
            cells.push(match at {
                Some(i) => Some(
                    Cells::of(batch.column(i))
                        .map_err(|t| format!("column \"{name}\" is of type {t}"))?,
                ),
                None => None,
            });
        }
        let mut out: Vec<String> = Vec::new();
        for row in 0..batch.num_rows() {
            // Line breaks become spaces: one CSV line per row keeps row numbers.
            let get = |i: usize| -> String {
                cells[i]
                    .as_ref()
                    .map(|c| c.text(row).replace(['\r', '\n'], " "))
                    .unwrap_or_default()
            };
            let day = |i: usize| -> String {
                cells[i]
                    .as_ref()
                    .and_then(|c| c.day(row))
                    .map_or_else(|| get(i), super::cells::day_text)
            };
            out.clear();
            match &self.preset {
                Preset::Acled => acled(&get, &day, &mut out),
                Preset::Polecat => polecat(&get, &day, &mut out),
                _ => out.extend((0..wanted.len()).map(get)),
            }
            self.writer.write_record(&out).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    pub fn into_csv(self) -> Result<Vec<u8>, String> {
        self.writer.into_inner().map_err(|e| e.to_string())
    }
}

fn title(actor1: &str, actor2: &str, what: &str) -> String {
    let actors: Vec<&str> = [actor1, actor2]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect();
    if actors.is_empty() {
        what.to_owned()
    } else {
        format!("{}: {what}", actors.join(" → "))
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .filter(|i| !i.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// ACLED's columns (see [`super::preset::ACLED_COLUMNS`] for their order) as the CSV row.
fn acled(get: &dyn Fn(usize) -> String, day: &dyn Fn(usize) -> String, out: &mut Vec<String>) {
    let (event_type, sub_event) = (get(3), get(4));
    let what = if sub_event.is_empty() {
        event_type.clone()
    } else {
        sub_event.clone()
    };
    let mut description = get(14);
    let (source, fatalities) = (get(13), get(15));
    if !source.is_empty() {
        description.push_str(&format!(" (Source: {source}"));
        if !fatalities.is_empty() {
            description.push_str(&format!("; fatalities: {fatalities}"));
        }
        description.push(')');
    }
    // ACLED codes what happened; only its agreements are a kind Detente has.
    let kind = if sub_event.eq_ignore_ascii_case("Agreement") {
        "agreement"
    } else {
        "other"
    };
    out.extend([
        format!("acled-{}", get(0)),
        day(1),
        title(&get(5), &get(7), &what),
        description,
        list(&[get(5), get(7)]),
        get(10),
        get(11),
        get(12),
        kind.to_owned(),
        "held".to_owned(),
        list(&[event_type, sub_event, get(2)]),
        String::new(),
    ]);
}

/// POLECAT's columns (see [`super::preset::POLECAT_COLUMNS`]) as the CSV row. PLOVER's
/// CONSULT is a meeting or talks, AGREE an agreement; the rest has no kind of its own here.
fn polecat(get: &dyn Fn(usize) -> String, day: &dyn Fn(usize) -> String, out: &mut Vec<String>) {
    let (event_type, mode) = (get(2), get(3));
    let kind = match event_type.to_ascii_uppercase().as_str() {
        "CONSULT" => "meeting",
        "AGREE" => "agreement",
        _ => "other",
    };
    let mut description = format!("PLOVER {event_type}");
    if !mode.is_empty() {
        description.push_str(&format!(" ({mode})"));
    }
    for (label, i) in [("intensity", 4), ("quad code", 5), ("story", 15)] {
        let v = get(i);
        if !v.is_empty() {
            description.push_str(&format!("; {label} {v}"));
        }
    }
    out.extend([
        format!("polecat-{}", get(0)),
        day(1),
        title(&get(6), &get(8), &event_type.to_lowercase()),
        description,
        list(&[get(6), get(8)]),
        get(10),
        get(12),
        get(13),
        kind.to_owned(),
        "held".to_owned(),
        list(&[event_type, mode]),
        String::new(),
    ]);
}
