//! GDELT 2.0 event rows from Parquet, laid out as the TSV export's 61 columns and read by
//! the GDELT importer itself: a row from BigQuery comes out exactly as the same row from a
//! GDELT 2.0 export file.

use arrow_array::RecordBatch;
use csv::ByteRecord;

use super::super::builder::Builder;
use super::super::gdelt::RowReader;
use super::cells::Cells;
use super::preset::GDELT_EVENT_COLUMNS;

pub(crate) struct GdeltRows {
    reader: RowReader,
    record: ByteRecord,
    buf: Vec<u8>,
}

impl GdeltRows {
    pub fn start(b: &mut Builder) -> Self {
        Self {
            reader: RowReader::start(b),
            record: ByteRecord::with_capacity(512, GDELT_EVENT_COLUMNS.len()),
            buf: Vec::with_capacity(64),
        }
    }

    /// Reads every row of `batch`, numbering them from `*row` on.
    pub fn batch(
        &mut self,
        b: &mut Builder,
        batch: &RecordBatch,
        row: &mut usize,
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
        for i in 0..batch.num_rows() {
            *row += 1;
            self.record.clear();
            for cell in &cells {
                match cell {
                    Some(c) => {
                        if let Some(bytes) = c.bytes(i) {
                            self.record.push_field(bytes);
                        } else {
                            self.buf.clear();
                            c.write(i, &mut self.buf);
                            self.record.push_field(&self.buf);
                        }
                    }
                    None => self.record.push_field(b""),
                }
            }
            b.report.rows_read += 1;
            if let Err(reason) = self.reader.row(b, *row, &self.record) {
                b.skip(*row, reason);
            }
        }
        Ok(())
    }
}
