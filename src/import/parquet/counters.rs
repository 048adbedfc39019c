//! What a Parquet import read and what it skipped without reading: files, row groups and
//! bytes, and where the time went. Appended to the import report.

use std::fmt;

/// The push-down figures of one Parquet import.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ParquetReadReport {
    /// Files opened (their footers read).
    pub files_read: usize,
    /// Files of a partitioned dataset skipped by their partition values (`date=…`).
    pub files_skipped: usize,
    pub row_groups_read: usize,
    /// Row groups skipped by their column statistics (min/max of the date, the actor…).
    pub row_groups_skipped: usize,
    /// Bytes read from the files: footers, page indexes and column chunks.
    pub bytes_read: u64,
    /// The size of every file of the dataset, read or not.
    pub bytes_total: u64,
    /// The compressed size of the columns the import needs, in the row groups it read: what
    /// reading "only what is needed" comes to.
    pub bytes_needed: u64,
    /// Rows the statistics could not rule out, and of them those that matched the slice.
    pub rows_scanned: u64,
    pub rows_matched: u64,
    /// Time spent reading and decoding Parquet, laying GDELT's rows out as its 61 fields,
    /// building events from rows (each on a thread of its own, overlapping), and the whole
    /// import (ms).
    pub decode_ms: u64,
    pub lay_out_ms: u64,
    pub build_ms: u64,
    pub wall_ms: u64,
}

impl fmt::Display for ParquetReadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "parquet: read {} of {} files ({} skipped by partition), {} row groups ({} skipped by statistics); \
             read {} of {} bytes (needed columns of the row groups read: {} bytes); \
             {} of {} rows scanned matched; decoding {} ms, laying rows out {} ms, building {} ms (on three threads), in all {} ms",
            self.files_read,
            self.files_read + self.files_skipped,
            self.files_skipped,
            self.row_groups_read,
            self.row_groups_skipped,
            self.bytes_read,
            self.bytes_total,
            self.bytes_needed,
            self.rows_matched,
            self.rows_scanned,
            self.decode_ms,
            self.lay_out_ms,
            self.build_ms,
            self.wall_ms,
        )
    }
}
