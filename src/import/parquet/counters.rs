//! What a Parquet import read and what it skipped without reading: files, row groups and
//! bytes, and where the time went. Appended to the import report.

use std::fmt;

use crate::model::group_thousands;

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
    /// Counts grouped by thousands ("155,733,139 of 1,144,031,584 bytes"): the report is
    /// read by people, and the JSON report carries the plain numbers for scripts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |count: usize| group_thousands(count as u64);
        write!(
            f,
            "parquet: read {} of {} files ({} skipped by partition), {} row groups ({} skipped by statistics); \
             read {} of {} bytes (needed columns of the row groups read: {} bytes); \
             {} of {} rows scanned matched; decoding {} ms, laying rows out {} ms, building {} ms (on three threads), in all {} ms",
            n(self.files_read),
            n(self.files_read + self.files_skipped),
            n(self.files_skipped),
            n(self.row_groups_read),
            n(self.row_groups_skipped),
            group_thousands(self.bytes_read),
            group_thousands(self.bytes_total),
            group_thousands(self.bytes_needed),
            group_thousands(self.rows_matched),
            group_thousands(self.rows_scanned),
            self.decode_ms,
            self.lay_out_ms,
            self.build_ms,
            self.wall_ms,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_groups_counts_by_thousands_and_leaves_times_plain() {
        let report = ParquetReadReport {
            files_read: 30,
            files_skipped: 62,
            row_groups_read: 60,
            row_groups_skipped: 0,
            bytes_read: 225_678_876,
            bytes_total: 1_144_031_584,
            bytes_needed: 195_255_767,
            rows_scanned: 2_111_928,
            rows_matched: 959_545,
            decode_ms: 2094,
            lay_out_ms: 1800,
            build_ms: 2300,
            wall_ms: 2400,
        };
        assert_eq!(
            report.to_string(),
            "parquet: read 30 of 92 files (62 skipped by partition), 60 row groups (0 skipped by \
             statistics); read 225,678,876 of 1,144,031,584 bytes (needed columns of the row \
             groups read: 195,255,767 bytes); 959,545 of 2,111,928 rows scanned matched; \
             decoding 2094 ms, laying rows out 1800 ms, building 2300 ms (on three threads), in \
             all 2400 ms"
        );
    }
}
