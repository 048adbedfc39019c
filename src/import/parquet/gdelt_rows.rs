//! GDELT 2.0 event rows from Parquet, laid out as the TSV export's 61 columns and read by
//! the GDELT importer itself: a row from BigQuery comes out exactly as the same row from a
//! GDELT 2.0 export file.
//!
//! Two steps, on two threads (see `Run::read_all`): [`GdeltRecords`] lays a batch's rows
//! out as records, [`GdeltRows`] builds the events from them. Laying out (type dispatch,
//! null tests, numbers written as text) was a quarter of the building thread's time, the
//! longer of the decoding and building threads (docs/PERFORMANCE.md, Parquet slices).

use arrow_array::RecordBatch;
use csv::ByteRecord;

use super::super::builder::Builder;
use super::super::gdelt::RowReader;
use super::cells::Cells;
use super::preset::GDELT_EVENT_COLUMNS;

/// Lays batches out as 61-field records.
pub(crate) struct GdeltRecords {
    buf: Vec<u8>,
}

impl GdeltRecords {
    pub fn new() -> Self {
        Self {
            buf: Vec::with_capacity(64),
        }
    }

    /// Fills `records` with the rows of `batch`, one record each, reusing the records'
    /// memory (the builder hands its used ones back).
    pub fn convert(
        &mut self,
        batch: &RecordBatch,
        records: &mut Vec<ByteRecord>,
    ) -> Result<(), String> {
        let schema = batch.schema();
        let mut cells: Vec<Option<Cells<'_>>> = Vec::with_capacity(GDELT_EVENT_COLUMNS.len());
        for name in GDELT_EVENT_COLUMNS {
            let at = schema
                .fields()
                .iter()
                .position(|f| f.name().eq_ignore_ascii_case(name));
            cells.push(match at {
                Some(i) => Some(
                    Cells::of(batch.column(i))
                        .map_err(|t| format!("column \"{name}\" is of type {t}"))?,
                ),
                None => None,
            });
        }
        let rows = batch.num_rows();
        records.truncate(rows);
        records.resize_with(rows, || {
            ByteRecord::with_capacity(512, GDELT_EVENT_COLUMNS.len())
        });
        for (i, record) in records.iter_mut().enumerate() {
            record.clear();
            for cell in &cells {
                match cell {
                    Some(c) => {
                        if let Some(bytes) = c.bytes(i) {
                            record.push_field(bytes);
                        } else {
                            self.buf.clear();
                            c.write(i, &mut self.buf);
                            record.push_field(&self.buf);
                        }
                    }
                    None => record.push_field(b""),
                }
            }
        }
        Ok(())
    }
}

/// Builds events from laid-out records.
pub(crate) struct GdeltRows {
    reader: RowReader,
}

impl GdeltRows {
    pub fn start(b: &mut Builder) -> Self {
        Self {
            reader: RowReader::start(b),
        }
    }

    /// Reads every record, numbering the rows from `*row` on.
    pub fn records(&mut self, b: &mut Builder, records: &[ByteRecord], row: &mut usize) {
        for record in records {
            *row += 1;
            b.report.rows_read += 1;
            if let Err(reason) = self.reader.row(b, *row, record) {
                b.skip(*row, reason);
            }
        }
    }
}
