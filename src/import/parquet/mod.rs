//! Parquet slices of datasets too big for one machine (GDELT, ACLED, POLECAT), exported by
//! the engine that holds them (BigQuery, DuckDB, Spark): one `.parquet` file or a
//! hive-partitioned folder, read into the same [`Imported`] as the other formats.
//!
//! Only what the slice needs is read: files whose partition values rule it out are not
//! opened, row groups whose statistics rule it out are not read, only the columns the
//! import uses are decoded, and the slice's row filter runs before the other columns of a
//! row are built. The report counts what was read and what was skipped.
//!
//! All or nothing: a file that cannot be read stops the import with an error naming it, and
//! nothing is imported. The parquet crate can panic on corrupt input; that is caught here
//! and reported like any other unreadable file.

mod cells;
mod counters;
mod files;
mod gdelt_rows;
mod inspect;
mod mentions;
mod mentions_into;
mod pipeline;
mod preset;
mod preview;
mod prune;
mod reader;
mod slice;
mod table_rows;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;

pub use cells::day_text;
pub use counters::ParquetReadReport;
pub use inspect::{DatasetSummary, inspect};
pub use preset::Preset;
pub use preview::preview_path;

pub use slice::{FieldNames, Slice, SliceFields};

use super::builder::Builder;
use super::csv_mapping::{ColumnRef, CsvMapping};
use super::{ImportError, ImportFormat, ImportOptions, Imported, PositionUnit};
use crate::model::{Event, Project, group_thousands};
use files::{DataFile, discover};
use gdelt_rows::GdeltRows;
use mentions::Mentions;
use pipeline::Rows;
use reader::{Counted, OpenFile, Source};
use slice::RowTest;
use table_rows::TableRows;

/// Imports the Parquet file or partitioned folder at `path`, sliced as `slice` says.
pub fn import_path(
    path: &Path,
    options: &ImportOptions,
    slice: &Slice,
) -> Result<Imported, ImportError> {
    import_path_into(path, options, slice, None)
}

/// [`import_path`], with the project the import is to be merged into (the open one, or
/// `--into`): a dataset of GDELT mentions only is then read against that project's GDELT
/// events, and the result adds the mentions to them (`Imported::additions_to_events`), to
/// be merged into that same project with `merge_additions`. `--from`/`--to` select mentions
/// by when they were published (`MentionTimeDate`), `--limit` caps the mentions read; a
/// mentions dataset has no actor, country or event code to slice by. Without a project, a
/// mentions-only dataset is refused. Any other dataset imports as with [`import_path`].
pub fn import_path_into(
    path: &Path,
    options: &ImportOptions,
    slice: &Slice,
    into: Option<&Project>,
) -> Result<Imported, ImportError> {
    let files = discover(path).map_err(ImportError::Format)?;
    let shown = path.display().to_string();
    guarded(&shown, || {
        let inputs = files.into_iter().map(Input::File).collect();
        let mut run = Run::new(options, slice, shown.clone());
        run.into = into;
        run.import(inputs)
    })
}

/// Imports one Parquet file held in memory (the import dialog's bytes).
pub fn import_bytes(
    bytes: &[u8],
    options: &ImportOptions,
    slice: &Slice,
) -> Result<Imported, ImportError> {
    import_bytes_into(bytes, options, slice, None)
}

/// [`import_bytes`], with the project to be merged into: see [`import_path_into`].
pub fn import_bytes_into(
    bytes: &[u8],
    options: &ImportOptions,
    slice: &Slice,
    into: Option<&Project>,
) -> Result<Imported, ImportError> {
    let name = if options.file_name.is_empty() {
        "the Parquet file".to_owned()
    } else {
        options.file_name.clone()
    };
    guarded(&name, || {
        let input = Input::Memory {
            name: name.clone(),
            data: Bytes::copy_from_slice(bytes),
        };
        let mut run = Run::new(options, slice, name.clone());
        run.into = into;
        run.import(vec![input])
    })
}

/// True when `path` is a Parquet file (by its magic) or a folder holding one: what the
/// command line routes here rather than to the text importers.
pub fn is_parquet_path(path: &Path) -> bool {
    if path.is_dir() {
        return discover(path).is_ok();
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok_and(|()| &magic == b"PAR1")
}

/// Runs `f`, turning a panic of the Parquet reader into an error naming `label`.
fn guarded(
    label: &str,
    f: impl FnOnce() -> Result<Imported, ImportError>,
) -> Result<Imported, ImportError> {
    // The parquet crate panics on some corrupt files: the panic is caught here and is no
    // crash, so it writes no crash report (`io::caught_panic`).
    crate::io::caught_panic::catch_panic(f).unwrap_or_else(|| {
        Err(ImportError::Format(format!(
            "{label}: the Parquet reader failed on this file: it is corrupt or truncated"
        )))
    })
}

enum Input {
    File(DataFile),
    Memory { name: String, data: Bytes },
}

/// Where the events of the slice go.
enum Sink {
    Gdelt(Box<(Builder, GdeltRows)>),
    Table(Box<TableRows>),
}

/// A file of events whose footer has been read, with what to read of it.
struct Planned {
    label: String,
    open: OpenFile,
    /// The row groups the statistics leave, with their rows.
    groups: Vec<(usize, u64)>,
    columns: Vec<String>,
    test: Option<RowTest>,
}

struct Run<'a> {
    options: &'a ImportOptions,
    slice: &'a Slice,
    /// The dataset as the analyst named it, for messages.
    shown: String,
    counters: ParquetReadReport,
    read: Arc<AtomicU64>,
    /// The events' preset, set by the first file of events.
    events: Option<(Preset, String)>,
    sink: Option<Sink>,
    /// Rows of the slice so far: a row's number in the report.
    row: usize,
    /// Time spent building events, laying rows out and decoding (each on its own thread).
    build: Duration,
    lay_out: Duration,
    decode: Duration,
    mentions_files: Vec<(String, OpenFile)>,
    /// The project a mentions-only dataset adds to (see [`import_path_into`]).
    into: Option<&'a Project>,
}

impl<'a> Run<'a> {
    fn new(options: &'a ImportOptions, slice: &'a Slice, shown: String) -> Self {
        Self {
            options,
            slice,
            shown,
            counters: ParquetReadReport::default(),
            read: Arc::new(AtomicU64::new(0)),
            events: None,
            sink: None,
            row: 0,
            build: Duration::ZERO,
            lay_out: Duration::ZERO,
            decode: Duration::ZERO,
            mentions_files: Vec::new(),
            into: None,
        }
    }

    /// Reads every footer first, so that the rows to scan are known before the first is
    /// read (the progress's total), then the row groups left, one at a time.
    fn import(mut self, inputs: Vec<Input>) -> Result<Imported, ImportError> {
        let started = Instant::now();
        let mut planned = Vec::new();
        for input in inputs {
            planned.extend(self.plan(input).map_err(ImportError::Format)?);
        }
        let rows: u64 = planned.iter().flat_map(|p| &p.groups).map(|g| g.1).sum();
        self.options.work.progress.set_total(rows);
        self.read_all(&planned).map_err(ImportError::Format)?;
        let Some(sink) = self.sink.take() else {
            if let (false, Some(project)) = (self.mentions_files.is_empty(), self.into) {
                return self.mentions_into(project, started);
            }
            return Err(ImportError::Format(if self.mentions_files.is_empty() {
                format!(
                    "{}: no file of the dataset falls in the slice ({}); nothing was imported",
                    self.shown,
                    self.slice.describe()
                )
            } else {
                format!(
                    "{}: holds GDELT mentions only, which add reports to events: import them into the project that holds their events (on the command line: --into PROJECT; in the app: with that project open, merged into it), or import them with their events (one folder holding both)",
                    self.shown
                )
            }));
        };
        let mut b = match sink {
            Sink::Gdelt(gdelt) => gdelt.0,
            Sink::Table(rows) => self.table_builder(*rows)?,
        };
        if b.project.events.is_empty() {
            return Err(self.nothing_read(&b));
        }
        if !self.mentions_files.is_empty() {
            self.mentions(&mut b).map_err(ImportError::Format)?;
        }
        self.close_counters(started);
        let mut imported = b.finish();
        let report = &mut imported.report;
        report.format_used = ImportFormat::Parquet;
        report.parquet = Some(self.counters);
        for s in &mut report.skipped {
            s.unit = PositionUnit::Row;
        }
        for s in &mut report.suspicious_dates {
            s.unit = PositionUnit::Row;
        }
        for w in &mut report.warnings {
            if let Some((unit, _)) = &mut w.at {
                *unit = PositionUnit::Row;
            }
        }
        Ok(imported)
    }

    /// The bytes read and the times spent, once everything is read.
    fn close_counters(&mut self, started: Instant) {
        self.counters.bytes_read = self.read.load(Ordering::Relaxed);
        self.counters.build_ms = self.build.as_millis() as u64;
        self.counters.lay_out_ms = self.lay_out.as_millis() as u64;
        self.counters.decode_ms = self.decode.as_millis() as u64;
        self.counters.wall_ms = started.elapsed().as_millis() as u64;
    }

    /// The error of a slice that imported nothing: no row matched, or none could be read.
    fn nothing_read(&self, b: &Builder) -> ImportError {
        if let Some(first) = b.report.skipped.first() {
            return ImportError::NoEvents(format!(
                "{}: none of the {} rows of the slice could be read; the first: row {}: {}",
                self.shown,
                group_thousands(b.report.rows_read as u64),
                first.line_or_row,
                first.reason
            ));
        }
        ImportError::NoEvents(format!(
            "{}: no row falls in the slice ({}): {} rows in {} row groups were scanned, {} row groups skipped by their statistics; nothing was imported",
            self.shown,
            self.slice.describe(),
            group_thousands(self.counters.rows_scanned),
            group_thousands(self.counters.row_groups_read as u64),
            group_thousands(self.counters.row_groups_skipped as u64)
        ))
    }

    /// Opens an input unless its partition rules it out, and plans what to read of it; a
    /// mentions file is set aside for after the events.
    fn plan(&mut self, input: Input) -> Result<Option<Planned>, String> {
        let (label, source) = match input {
            Input::File(file) => {
                self.counters.bytes_total += file.size;
                if (self.slice.from.is_some() || self.slice.to.is_some())
                    && let Some((first, last)) = prune::partition_days(&file.partition)
                    && (self.slice.to.is_some_and(|to| first > to)
                        || self.slice.from.is_some_and(|from| last < from))
                {
                    self.counters.files_skipped += 1;
                    return Ok(None);
                }
                let label = file.path.display().to_string();
                let handle =
                    std::fs::File::open(&file.path).map_err(|e| format!("{label}: {e}"))?;
                (label, Source::File(handle))
            }
            Input::Memory { name, data } => {
                self.counters.bytes_total += data.len() as u64;
                (name, Source::Memory(data))
            }
        };
        let counted = Counted::new(
            source,
            Arc::clone(&self.read),
            self.options.work.cancel.clone(),
        );
        let open = OpenFile::open(counted).map_err(|e| format!("{label}: {e}"))?;
        self.counters.files_read += 1;
        let mut preset = Preset::detect(&open.names, self.options.mapping.as_ref());
        if let Preset::Mapped(m) = &mut preset {
            resolve_numbers(m, &open.names);
        }
        preset
            .check_required(&open.names)
            .map_err(|e| format!("{label}: {e}"))?;
        if preset == Preset::GdeltMentions {
            self.mentions_files.push((label, open));
            return Ok(None);
        }
        match &self.events {
            Some((first, first_label)) if first.name() != preset.name() => {
                return Err(format!(
                    "{label}: holds {} rows, but {first_label} holds {} rows; import them separately",
                    preset.name(),
                    first.name()
                ));
            }
            Some(_) => {}
            None => self.start(&preset, &label)?,
        }
        let mut columns = FilterColumnsResolved::of(&preset, &open);
        let test = if self.slice.filters_rows() {
            Some(
                RowTest::new(self.slice, columns.filter.clone())
                    .map_err(|e| format!("{label}: {e}"))?,
            )
        } else {
            None
        };
        let groups = open.row_groups(test.as_ref());
        self.counters.row_groups_read += groups.len();
        self.counters.row_groups_skipped += open.num_row_groups() - groups.len();
        if let Some(t) = &test {
            columns.read.extend(t.column_names());
        }
        columns.read.sort();
        columns.read.dedup();
        let indexes: Vec<usize> = groups.iter().map(|g| g.0).collect();
        self.counters.bytes_needed += open
            .needed_bytes(&indexes, &columns.read)
            .map_err(|e| format!("{label}: {e}"))?;
        self.counters.rows_scanned += groups.iter().map(|g| g.1).sum::<u64>();
        Ok(Some(Planned {
            label,
            open,
            groups,
            columns: columns.read,
            test,
        }))
    }

    /// Reads the planned row groups into the events (see [`pipeline`]: decoding, and for
    /// GDELT laying the rows out, run on threads of their own).
    fn read_all(&mut self, planned: &[Planned]) -> Result<(), String> {
        let limit = self.remaining(self.row);
        let work = self.options.work.clone();
        let mut sink = self.sink.take();
        let (mut row, mut matched) = (self.row, 0u64);
        let lay_out = matches!(sink, Some(Sink::Gdelt(_)));
        let (read, spent) =
            pipeline::read_planned(planned, limit, &work, lay_out, &mut |label, rows| {
                matched += rows.len() as u64;
                let built = match (&mut sink, rows) {
                    (Some(Sink::Gdelt(gdelt)), Rows::Records(records)) => {
                        let (b, gdelt_rows) = &mut **gdelt;
                        gdelt_rows.records(b, records, &mut row);
                        Ok(())
                    }
                    (Some(Sink::Table(table)), Rows::Batch(batch)) => {
                        row += batch.num_rows();
                        table.batch(batch)
                    }
                    _ => Ok(()),
                };
                built.map_err(|e| format!("{label}: {e}"))
            });
        self.sink = sink;
        self.row = row;
        self.build += spent.building;
        self.lay_out += spent.laying_out;
        self.decode += spent.decoding;
        self.counters.rows_matched += matched;
        if work.cancel.is_cancelled() {
            return Err(format!("{}: cancelled", self.shown));
        }
        read
    }

    /// Rows still wanted under `--limit` and the preview's row limit, `row` rows read.
    fn remaining(&self, row: usize) -> Option<usize> {
        let limits = [self.slice.limit, self.options.max_rows];
        limits
            .into_iter()
            .flatten()
            .min()
            .map(|max| max.saturating_sub(row))
    }

    /// Starts the events with the first file's preset.
    fn start(&mut self, preset: &Preset, label: &str) -> Result<(), String> {
        self.sink = Some(match preset {
            Preset::GdeltEvents => {
                // Built as a GDELT 2.0 import, so that its rows are checked and cited as
                // the TSV importer's are; the report says Parquet.
                let mut b = Builder::new(ImportFormat::Gdelt2, self.options);
                let rows = GdeltRows::start(&mut b);
                b.project.sources[0].name =
                    format!("GDELT 2.0 events from Parquet ({})", b.project.title);
                Sink::Gdelt(Box::new((b, rows)))
            }
            other => Sink::Table(Box::new(TableRows::new(other.clone())?)),
        });
        self.events = Some((preset.clone(), label.to_owned()));
        Ok(())
    }

    /// The events of a table preset: its rows, written as CSV, read by the CSV importer.
    fn table_builder(&mut self, rows: TableRows) -> Result<Builder, ImportError> {
        let started = Instant::now();
        let mapping = rows.mapping();
        let csv = rows.into_csv().map_err(ImportError::Format)?;
        let options = ImportOptions {
            file_name: self.options.file_name.clone(),
            mapping: Some(mapping),
            max_rows: None,
            work: crate::io::Work {
                cancel: self.options.work.cancel.clone(),
                progress: Arc::default(),
            },
            ..ImportOptions::default()
        };
        let imported = super::csv_import::import(&csv, &options)
            .map_err(|e| ImportError::Format(format!("{}: {e}", self.shown)))?;
        self.build += started.elapsed();
        let preset = self.events.as_ref().map_or("Parquet", |(p, _)| p.name());
        let mut b = Builder::new(ImportFormat::Parquet, self.options);
        b.project = imported.project;
        b.report = imported.report;
        if let Some(source) = b.project.sources.first_mut() {
            source.name = format!("{preset} from Parquet ({})", b.project.title);
            source.note = format!("{preset} rows imported from Parquet by Detente");
        }
        // CSV line N (after the header) is row N - 1 of the slice.
        b.event_rows = imported
            .event_rows
            .iter()
            .map(|l| l.saturating_sub(1))
            .collect();
        for s in &mut b.report.skipped {
            s.line_or_row = s.line_or_row.saturating_sub(1);
        }
        for s in &mut b.report.suspicious_dates {
            s.line_or_row = s.line_or_row.saturating_sub(1);
        }
        for w in &mut b.report.warnings {
            if let Some((_, n)) = &mut w.at {
                *n = n.saturating_sub(1);
            }
        }
        Ok(b)
    }

    /// Adds the mentions files' reports to the events read: only mentions of those events
    /// are decoded (a row filter on their ids).
    fn mentions(&mut self, b: &mut Builder) -> Result<(), String> {
        // The events are set aside while the mentions add claims and outlets to `b`.
        let events = std::mem::take(&mut b.project.events);
        let mut mentions = Mentions::new(&events);
        let read = self.read_mentions(&mut mentions, &events, b, &Slice::default(), None, false);
        b.project.events = events;
        let (scanned, matched) = read?;
        let added = mentions.added;
        mentions.apply(&mut b.project.events);
        let left_out = usize::try_from(scanned.saturating_sub(matched)).unwrap_or(usize::MAX);
        b.warn(
            None,
            format!(
                "GDELT mentions: {added} added as reports to the events of the slice; {} of events not in the slice left out",
                crate::model::count(left_out, "mention", "mentions")
            ),
        );
        Ok(())
    }

    /// Reads the mentions files into `mentions`, for `events`: only the mentions of those
    /// events published on the days of `days` (its `from` and `to`) are decoded, a row filter
    /// on their ids and times, and row groups whose times rule them out are not read; at
    /// most `limit` rows. With `own_progress`, the progress counts the mentions' rows (they
    /// are the whole import); otherwise it counts the events'. Returns the rows scanned and
    /// the rows kept.
    fn read_mentions(
        &mut self,
        mentions: &mut Mentions,
        events: &[Event],
        b: &mut Builder,
        days: &Slice,
        limit: Option<usize>,
        own_progress: bool,
    ) -> Result<(u64, u64), String> {
        let ids = mentions.ids();
        let mut planned = Vec::new();
        for (label, open) in std::mem::take(&mut self.mentions_files) {
            let Some(id_column) = open.column_name("GLOBALEVENTID") else {
                return Err(format!("{label}: the file has no column \"GLOBALEVENTID\""));
            };
            let filter = preset::FilterColumns {
                date: open.column_name("MentionTimeDate"),
                ..preset::FilterColumns::default()
            };
            let mut test = RowTest::new(days, filter).map_err(|e| format!("{label}: {e}"))?;
            test.event_ids = Some((id_column, Arc::clone(&ids)));
            let groups = open.row_groups(Some(&test));
            let columns: Vec<String> = preset::MENTION_COLUMNS
                .iter()
                .filter_map(|c| open.column_name(c))
                .collect();
            let indexes: Vec<usize> = groups.iter().map(|g| g.0).collect();
            self.counters.row_groups_read += groups.len();
            self.counters.row_groups_skipped += open.num_row_groups() - groups.len();
            self.counters.bytes_needed += open
                .needed_bytes(&indexes, &columns)
                .map_err(|e| format!("{label}: {e}"))?;
            planned.push((label, open, groups, columns, test));
        }
        let (mut scanned, mut matched) = (0u64, 0u64);
        let work = self.options.work.clone();
        if own_progress {
            let rows = planned.iter().flat_map(|p| &p.2).map(|g| g.1).sum();
            work.progress.set_total(rows);
        }
        'files: for (label, open, groups, columns, test) in planned {
            for (group, rows) in groups {
                let left = limit.map(|l| l.saturating_sub(matched as usize));
                if left == Some(0) {
                    break 'files;
                }
                scanned += rows;
                open.read(group, &columns, Some(test.clone()), left, &mut |batch| {
                    if work.cancel.is_cancelled() {
                        return Err("cancelled".into());
                    }
                    matched += batch.num_rows() as u64;
                    mentions.batch(events, b, batch)
                })
                .map_err(|e| format!("{label}: {e}"))?;
                if own_progress {
                    work.progress.add(rows);
                }
            }
        }
        self.counters.rows_scanned += scanned;
        self.counters.rows_matched += matched;
        Ok((scanned, matched))
    }
}

/// A preset's columns under the file's own spelling: those the rows are built from and
/// those the filter reads.
struct FilterColumnsResolved {
    read: Vec<String>,
    filter: preset::FilterColumns,
}

impl FilterColumnsResolved {
    fn of(preset: &Preset, open: &OpenFile) -> Self {
        let spelt = |names: &[String]| -> Vec<String> {
            names.iter().filter_map(|n| open.column_name(n)).collect()
        };
        let f = preset.filter_columns();
        Self {
            read: spelt(&preset.read_columns()),
            filter: preset::FilterColumns {
                date: f.date.as_deref().and_then(|d| open.column_name(d)),
                actor_codes: spelt(&f.actor_codes),
                actor_names: spelt(&f.actor_names),
                countries: spelt(&f.countries),
                event_codes: spelt(&f.event_codes),
                names_upper: f.names_upper,
            },
        }
    }
}

/// A mapping's column numbers as the file's names (Parquet columns have names).
fn resolve_numbers(m: &mut CsvMapping, names: &[String]) {
    let c = &mut m.columns;
    for col in [
        &mut c.id,
        &mut c.date,
        &mut c.end_date,
        &mut c.title,
        &mut c.description,
        &mut c.actors,
        &mut c.location,
        &mut c.latitude,
        &mut c.longitude,
        &mut c.source_url,
        &mut c.kind,
        &mut c.status,
        &mut c.tags,
    ] {
        if let Some(ColumnRef::Number(n)) = col
            && let Some(name) = n.checked_sub(1).and_then(|i| names.get(i))
        {
            *col = Some(ColumnRef::Name(name.clone()));
        }
    }
}
