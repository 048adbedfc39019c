//! The row reader: opens a Parquet file counting the bytes it reads, keeps the row groups
//! the statistics allow, decodes only the columns needed, and lets the slice's row filter
//! run first so that the other columns of rows it rejects are never built.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arrow_array::RecordBatch;
use arrow_schema::{ArrowError, DataType, FieldRef, Schema};
use bytes::Bytes;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowPredicateFn, ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
    RowFilter,
};
use parquet::basic::{Compression, Encoding};
use parquet::errors::ParquetError;
use parquet::file::metadata::ColumnChunkMetaData;
use parquet::file::reader::{ChunkReader, Length};

use super::preset::find;
use super::prune::{row_group_may_match, row_group_within_days};
use super::slice::RowTest;
use crate::io::CancelToken;

/// Rows decoded at a time: arrow-rs's default; a batch is also how often Cancel is checked.
const BATCH_ROWS: usize = 8192;

/// Where a file's bytes come from: the disk, or memory (the import dialog's bytes).
pub(crate) enum Source {
    File(std::fs::File),
    Memory(Bytes),
}

impl Length for Source {
    fn len(&self) -> u64 {
        match self {
            Self::File(f) => f.len(),
            Self::Memory(b) => b.len() as u64,
        }
    }
}

impl ChunkReader for Source {
    type T = Box<dyn std::io::Read>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        Ok(match self {
            Self::File(f) => Box::new(f.get_read(start)?),
            Self::Memory(b) => Box::new(b.get_read(start)?),
        })
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        match self {
            Self::File(f) => f.get_bytes(start, length),
            Self::Memory(b) => b.get_bytes(start, length),
        }
    }
}

/// A [`Source`] that counts the bytes taken from it and stops once cancelled; shared by
/// the readers of a file's row groups.
#[derive(Clone)]
pub(crate) struct Counted(Arc<CountedInner>);

struct CountedInner {
    inner: Source,
    read: Arc<AtomicU64>,
    cancel: CancelToken,
}

impl Counted {
    pub fn new(inner: Source, read: Arc<AtomicU64>, cancel: CancelToken) -> Self {
        Self(Arc::new(CountedInner {
            inner,
            read,
            cancel,
        }))
    }

    fn check(&self) -> parquet::errors::Result<()> {
        if self.0.cancel.is_cancelled() {
            Err(ParquetError::General("cancelled".into()))
        } else {
            Ok(())
        }
    }
}

impl Length for Counted {
    fn len(&self) -> u64 {
        self.0.inner.len()
    }
}

impl ChunkReader for Counted {
    type T = CountedRead;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        self.check()?;
        Ok(CountedRead {
            inner: self.0.inner.get_read(start)?,
            read: Arc::clone(&self.0.read),
        })
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        self.check()?;
        let bytes = self.0.inner.get_bytes(start, length)?;
        self.0.read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(bytes)
    }
}

pub(crate) struct CountedRead {
    inner: Box<dyn std::io::Read>,
    read: Arc<AtomicU64>,
}

impl std::io::Read for CountedRead {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A file whose footer has been read.
pub(crate) struct OpenFile {
    source: Counted,
    meta: ArrowReaderMetadata,
    /// The top-level column names, in the file's order.
    pub names: Vec<String>,
}

/// Whether every data page of `chunk` is dictionary-encoded, as the recipe of
/// `ColumnChunkMetaData::page_encoding_stats_mask` has it; `false` when the writer left
/// no page encoding statistics, and for a chunk of nulls alone: its dictionary is empty,
/// and arrow-rs then builds a one-entry dictionary for each batch by hashing every row
/// (GDELT's eight religion, ethnic and known-group columns, empty in most rows and in
/// every row of many chunks, cost 4% of a one-month slice's CPU so).
fn all_pages_dictionary(chunk: &ColumnChunkMetaData) -> bool {
    let only_nulls = chunk
        .statistics()
        .and_then(parquet::file::statistics::Statistics::null_count_opt)
        .is_some_and(|nulls| i64::try_from(nulls).is_ok_and(|n| n >= chunk.num_values()));
    !only_nulls
        && chunk.dictionary_page_offset().is_some()
        && chunk.page_encoding_stats_mask().is_some_and(|mask| {
            mask.is_only(Encoding::PLAIN_DICTIONARY) || mask.is_only(Encoding::RLE_DICTIONARY)
        })
}

/// The codecs this build decodes; others are refused by name before any page is read.
fn codec_supported(c: Compression) -> bool {
    matches!(
        c,
        Compression::UNCOMPRESSED | Compression::SNAPPY | Compression::GZIP(_)
    )
}

impl OpenFile {
    /// Reads the footer. The Arrow schema that writers embed is ignored: columns are read
    /// as their Parquet types say (text as UTF-8 strings, or as dictionaries where
    /// [`Self::meta_for_group`] finds every page of a chunk dictionary-encoded).
    pub fn open(source: Counted) -> Result<Self, String> {
        let options = ArrowReaderOptions::new().with_skip_arrow_metadata(true);
        let meta = ArrowReaderMetadata::load(&source, options)
            .map_err(|e| format!("not a readable Parquet file: {e}"))?;
        let names = meta
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        Ok(Self {
            source,
            meta,
            names,
        })
    }

    pub fn num_row_groups(&self) -> usize {
        self.meta.metadata().num_row_groups()
    }

    /// The leaf index of the top-level column `name` (any case).
    fn leaf(&self, name: &str) -> Option<usize> {
        self.meta
            .parquet_schema()
            .columns()
            .iter()
            .position(|c| c.path().parts().len() == 1 && c.name().eq_ignore_ascii_case(name))
    }

    /// The file's own spelling of the column `name`, if it has one.
    pub fn column_name(&self, name: &str) -> Option<String> {
        find(&self.names, name).map(|i| self.names[i].clone())
    }

    /// The row groups `test` cannot rule out, with their rows.
    pub fn row_groups(&self, test: Option<&RowTest>) -> Vec<(usize, u64)> {
        let leaf = |name: &str| self.leaf(name);
        self.meta
            .metadata()
            .row_groups()
            .iter()
            .enumerate()
            .filter(|(_, g)| test.is_none_or(|t| row_group_may_match(g, t, &leaf)))
            .map(|(i, g)| (i, u64::try_from(g.num_rows()).unwrap_or(0)))
            .collect()
    }

    /// The first and last day of the column `name` (`YYYYMMDD`) by its row groups'
    /// statistics; `None` when a row group has none (the range is then not known).
    pub fn day_range(&self, name: &str) -> Option<(u32, u32)> {
        let leaf = self.leaf(name)?;
        let mut range: Option<(u32, u32)> = None;
        for group in self.meta.metadata().row_groups() {
            let (first, last) = super::prune::day_range(group, leaf)?;
            range = Some(range.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
        }
        range
    }

    /// The compressed bytes of `columns` in `groups`, and an error naming a column whose
    /// codec this build cannot decode.
    pub fn needed_bytes(&self, groups: &[usize], columns: &[String]) -> Result<u64, String> {
        let leaves: Vec<usize> = columns.iter().filter_map(|c| self.leaf(c)).collect();
        let mut total = 0u64;
        for &g in groups {
            let group = self.meta.metadata().row_group(g);
            for &l in &leaves {
                let chunk = group.column(l);
                if !codec_supported(chunk.compression()) {
                    return Err(format!(
                        "column \"{}\" is compressed with {}, which Detente does not read (it reads SNAPPY, GZIP and uncompressed files); write the slice with snappy, e.g. DuckDB's COPY … (FORMAT PARQUET, COMPRESSION SNAPPY)",
                        chunk.column_descr().name(),
                        chunk.compression()
                    ));
                }
                total += u64::try_from(chunk.compressed_size()).unwrap_or(0);
            }
        }
        Ok(total)
    }

    /// The file's metadata for reading row group `group`: its text columns read as
    /// dictionaries where every data page of the group's chunk is dictionary-encoded (the
    /// writer says so in the page encoding statistics). A dictionary column is decoded as
    /// its keys alone, where a string column copies each row's text out of the dictionary
    /// (`extend_from_dictionary`, 7% of the CPU of a one-month GDELT slice by `perf`;
    /// docs/PERFORMANCE.md, "Dictionaries, flushing while writing"). A column written
    /// partly plain (a high-cardinality URL
    /// whose dictionary overflowed) stays a string column: turning its plain pages into a
    /// dictionary would hash every value.
    fn meta_for_group(&self, group: usize) -> ArrowReaderMetadata {
        let Some(group_meta) = self.meta.metadata().row_groups().get(group) else {
            return self.meta.clone();
        };
        let schema = self.meta.schema();
        let mut hinted = false;
        let fields: Vec<FieldRef> = schema
            .fields()
            .iter()
            .map(|field| {
                let text = matches!(
                    field.data_type(),
                    DataType::Utf8 | DataType::LargeUtf8 | DataType::Binary
                );
                let all_dictionary = text
                    && self
                        .leaf(field.name())
                        .and_then(|leaf| group_meta.columns().get(leaf))
                        .is_some_and(all_pages_dictionary);
                if all_dictionary {
                    hinted = true;
                    let dictionary = DataType::Dictionary(
                        Box::new(DataType::Int32),
                        Box::new(field.data_type().clone()),
                    );
                    Arc::new(field.as_ref().clone().with_data_type(dictionary))
                } else {
                    Arc::clone(field)
                }
            })
            .collect();
        if !hinted {
            return self.meta.clone();
        }
        let hint = Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()));
        let options = ArrowReaderOptions::new()
            .with_skip_arrow_metadata(true)
            .with_schema(hint);
        ArrowReaderMetadata::try_new(Arc::clone(self.meta.metadata()), options)
            .unwrap_or_else(|_| self.meta.clone())
    }

    /// Reads `columns` of row group `group`, rows that pass `test` only, at most `limit` of
    /// them, handing each batch to `on_batch`.
    pub fn read(
        &self,
        group: usize,
        columns: &[String],
        test: Option<RowTest>,
        limit: Option<usize>,
        on_batch: &mut dyn FnMut(&RecordBatch) -> Result<(), String>,
    ) -> Result<(), String> {
        let descr = self.meta.parquet_schema();
        let leaves = |names: &[String]| -> Vec<usize> {
            names.iter().filter_map(|n| self.leaf(n)).collect()
        };
        let mask = ProjectionMask::leaves(descr, leaves(columns));
        let leaf = |name: &str| self.leaf(name);
        let group_meta = self.meta.metadata().row_groups().get(group);
        let test = test.map(|test| {
            if group_meta.is_some_and(|g| row_group_within_days(g, &test, &leaf)) {
                test.without_days()
            } else {
                test
            }
        });
        // Every row passes a test of days alone that the statistics settled.
        let test = test.filter(RowTest::filters_rows_itself);
        let filter = test.map(|test| {
            let filter_mask = ProjectionMask::leaves(descr, leaves(&test.column_names()));
            let predicate = ArrowPredicateFn::new(filter_mask, move |batch: RecordBatch| {
                test.evaluate(&batch).map_err(ArrowError::ComputeError)
            });
            RowFilter::new(vec![Box::new(predicate)])
        });
        let mut builder = ParquetRecordBatchReaderBuilder::new_with_metadata(
            self.source.clone(),
            self.meta_for_group(group),
        )
        .with_projection(mask)
        .with_row_groups(vec![group])
        .with_batch_size(BATCH_ROWS);
        if let Some(filter) = filter {
            builder = builder.with_row_filter(filter);
        }
        if let Some(limit) = limit {
            builder = builder.with_limit(limit);
        }
        let reader = builder.build().map_err(|e| e.to_string())?;
        for batch in reader {
            on_batch(&batch.map_err(|e| e.to_string())?)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_fixture(name: &str) -> OpenFile {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/parquet")
            .join(name);
        let file = std::fs::File::open(path).expect("fixture");
        let counted = Counted::new(
            Source::File(file),
            Arc::new(AtomicU64::new(0)),
            CancelToken::default(),
        );
        OpenFile::open(counted).expect("readable")
    }

    #[test]
    fn text_whose_pages_are_all_dictionary_encoded_is_read_as_a_dictionary() {
        // pyarrow writes page encoding statistics, and dictionary pages for short columns.
        let file = open_fixture("gdelt_events.parquet");
        let schema = file.meta_for_group(0).schema().clone();
        let actor = schema.field_with_name("Actor1Code").expect("column");
        assert!(
            matches!(actor.data_type(), DataType::Dictionary(..)),
            "{actor:?}"
        );
        // A column of nulls alone stays text: its dictionary would be empty.
        let empty = schema
            .field_with_name("Actor1Geo_FullName")
            .expect("column");
        assert_eq!(empty.data_type(), &DataType::Utf8);
        // Numbers stay numbers; the file's own metadata is left as it was.
        let id = schema.field_with_name("GLOBALEVENTID").expect("column");
        assert_eq!(id.data_type(), &DataType::Int64);
        assert!(
            file.meta
                .schema()
                .fields()
                .iter()
                .all(|f| !matches!(f.data_type(), DataType::Dictionary(..)))
        );
        // The batches it reads are dictionaries, which `Cells` reads through.
        let mut rows = 0;
        file.read(0, &["Actor1Code".to_owned()], None, None, &mut |batch| {
            assert!(matches!(
                batch.column(0).data_type(),
                DataType::Dictionary(..)
            ));
            rows += batch.num_rows();
            Ok(())
        })
        .expect("read");
        assert!(rows > 0);
    }
}
