//! What a Parquet dataset holds, told from its folders and footers alone (no row is read):
//! the import dialog shows it before the analyst chooses a slice, so that the days and the
//! size of what is there are known before anything is decoded.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use super::cells::day_text;
use super::files::discover;
use super::preset::Preset;
use super::prune::partition_days;
use super::reader::{Counted, OpenFile, Source};
use crate::io::Work;
use crate::model::group_thousands;

/// A dataset's size, days and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetSummary {
    pub num_files: usize,
    /// The files' sizes on disk.
    pub num_bytes: u64,
    /// Rows and row groups of the files of events (mentions are counted apart).
    pub num_rows: u64,
    pub num_row_groups: usize,
    /// The hive partition keys (`date`; `year`, `month`), outermost first.
    pub partition_keys: Vec<String>,
    /// First and last day as `YYYYMMDD`, from the partitions or the date column's
    /// statistics; `None` when a file says neither.
    pub days: Option<(u32, u32)>,
    /// What the files of events hold: a preset, or columns to map.
    pub preset: Preset,
    /// Files of GDELT mentions beside the events, and their rows.
    pub num_mention_files: usize,
    pub num_mention_rows: u64,
    /// The first file of events' column names: what a mapping chooses from.
    pub columns: Vec<String>,
}

/// Reads the footers of every file of the dataset at `path` (a file or a folder). Progress
/// counts files; Cancel stops between two files. The error names the file.
pub fn inspect(path: &Path, work: &Work) -> Result<DatasetSummary, String> {
    let files = discover(path)?;
    work.progress.set_total(files.len() as u64);
    let read = Arc::new(AtomicU64::new(0));
    let mut events: Option<(Preset, String, Vec<String>)> = None;
    let mut summary = DatasetSummary {
        num_files: files.len(),
        num_bytes: files.iter().map(|f| f.size).sum(),
        num_rows: 0,
        num_row_groups: 0,
        partition_keys: files
            .first()
            .map(|f| f.partition.iter().map(|(k, _)| k.clone()).collect())
            .unwrap_or_default(),
        days: None,
        preset: Preset::GdeltMentions,
        num_mention_files: 0,
        num_mention_rows: 0,
        columns: Vec::new(),
    };
    let mut days = Days::default();
    for file in &files {
        if work.cancel.is_cancelled() {
            return Err(format!("{}: cancelled", path.display()));
        }
        let label = file.path.display().to_string();
        let handle = std::fs::File::open(&file.path).map_err(|e| format!("{label}: {e}"))?;
        let counted = Counted::new(Source::File(handle), Arc::clone(&read), work.cancel.clone());
        let open = OpenFile::open(counted).map_err(|e| format!("{label}: {e}"))?;
        let preset = Preset::detect(&open.names, None);
        let rows: u64 = open.row_groups(None).iter().map(|g| g.1).sum();
        work.progress.add(1);
        if preset == Preset::GdeltMentions {
            summary.num_mention_files += 1;
            summary.num_mention_rows += rows;
            continue;
        }
        match &events {
            Some((first, first_label, _)) if first.name() != preset.name() => {
                return Err(format!(
                    "{label}: holds {} rows, but {first_label} holds {} rows; import them separately",
                    preset.name(),
                    first.name()
                ));
            }
            Some(_) => {}
            None => events = Some((preset.clone(), label.clone(), open.names.clone())),
        }
        summary.num_rows += rows;
        summary.num_row_groups += open.num_row_groups();
        let date_column = preset
            .filter_columns()
            .date
            .and_then(|d| open.column_name(&d));
        days.add(
            partition_days(&file.partition)
                .or_else(|| date_column.and_then(|d| open.day_range(&d))),
        );
    }
    if let Some((preset, _, columns)) = events {
        summary.preset = preset;
        summary.columns = columns;
    }
    summary.days = days.range();
    Ok(summary)
}

/// The days of the files so far; unknown once one file's are.
#[derive(Default)]
struct Days {
    range: Option<(u32, u32)>,
    unknown: bool,
}

impl Days {
    fn add(&mut self, days: Option<(u32, u32)>) {
        match days {
            Some((first, last)) => {
                self.range = Some(
                    self.range
                        .map_or((first, last), |(a, b)| (a.min(first), b.max(last))),
                );
            }
            None => self.unknown = true,
        }
    }

    fn range(&self) -> Option<(u32, u32)> {
        self.range.filter(|_| !self.unknown)
    }
}

impl DatasetSummary {
    /// Only GDELT mentions: they add reports to events already in a project.
    pub fn holds_only_mentions(&self) -> bool {
        self.num_rows == 0 && self.columns.is_empty() && self.num_mention_files > 0
    }

    /// "92 files partitioned by date, 1.1 GB; 20,000,000 rows in 184 row groups".
    pub fn describe(&self) -> String {
        let files = match (self.num_files, self.partition_keys.as_slice()) {
            (1, _) => "1 file".to_owned(),
            (n, []) => format!("{n} files"),
            (n, keys) => format!("{n} files partitioned by {}", keys.join(", ")),
        };
        if self.holds_only_mentions() {
            return format!(
                "{files}, {}; {} GDELT mentions",
                size_text(self.num_bytes),
                group_thousands(self.num_mention_rows)
            );
        }
        let mut text = format!(
            "{files}, {}; {} {} in {} {}",
            size_text(self.num_bytes),
            group_thousands(self.num_rows),
            crate::model::noun(usize::try_from(self.num_rows).unwrap_or(2), "row", "rows"),
            group_thousands(self.num_row_groups as u64),
            crate::model::noun(self.num_row_groups, "row group", "row groups"),
        );
        if self.num_mention_files > 0 {
            text.push_str(&format!(
                "; {} GDELT mentions in {}",
                group_thousands(self.num_mention_rows),
                crate::model::count(self.num_mention_files, "file", "files")
            ));
        }
        text
    }

    /// "2025-10-01 to 2025-12-31", when known.
    pub fn days_text(&self) -> Option<String> {
        self.days
            .map(|(first, last)| format!("{} to {}", day_text(first), day_text(last)))
    }
}

/// Bytes in KB, MB or GB (decimal, as file managers show them), one decimal below 10.
fn size_text(bytes: u64) -> String {
    let units = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)];
    let b = bytes as f64;
    for (unit, size) in units {
        if b >= size {
            let v = b / size;
            return if v < 10.0 {
                format!("{v:.1} {unit}")
            } else {
                format!("{v:.0} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_at_a_glance() {
        assert_eq!(size_text(1_144_031_584), "1.1 GB");
        assert_eq!(size_text(225_709_056), "226 MB");
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(day_text(20_251_001), "2025-10-01");
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/parquet")
            .join(name)
    }

    #[test]
    fn a_partitioned_folder_is_told_from_its_footers() {
        let work = Work::default();
        let s = inspect(&fixture("gdelt_hive"), &work).unwrap();
        assert_eq!(s.preset, Preset::GdeltEvents);
        assert_eq!(s.num_files, 5);
        assert_eq!(s.num_rows, 12);
        assert_eq!(s.num_mention_files, 1);
        assert_eq!(s.num_mention_rows, 13);
        assert_eq!(s.partition_keys, ["date"]);
        assert_eq!(s.days_text().as_deref(), Some("2025-12-18 to 2025-12-21"));
        assert!(s.describe().starts_with("5 files partitioned by date, "));
        assert!(s.describe().ends_with("13 GDELT mentions in 1 file"));
        assert!(!s.holds_only_mentions());
        // Progress counts the files.
        assert_eq!(work.progress.get(), (5, 5));
    }

    #[test]
    fn a_single_file_says_its_days_by_its_statistics() {
        let s = inspect(&fixture("gdelt_events.parquet"), &Work::default()).unwrap();
        assert_eq!(s.num_files, 1);
        assert!(s.days.is_some(), "{s:?}");
        let acled = inspect(&fixture("acled.parquet"), &Work::default()).unwrap();
        assert_eq!(acled.preset, Preset::Acled);
        let mapped = inspect(&fixture("mapped.parquet"), &Work::default()).unwrap();
        assert!(matches!(mapped.preset, Preset::Mapped(_)));
        assert!(!mapped.columns.is_empty());
    }

    #[test]
    fn bad_datasets_are_named() {
        let empty = inspect(&fixture("empty_dir"), &Work::default()).unwrap_err();
        assert!(empty.contains("holds no .parquet file"), "{empty}");
        let dir = std::env::temp_dir().join(format!("detente-inspect-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cut = dir.join("cut.parquet");
        let bytes = std::fs::read(fixture("acled.parquet")).unwrap();
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        let err = inspect(&cut, &Work::default()).unwrap_err();
        assert!(err.contains("cut.parquet"), "{err}");
        let cancelled = Work::default();
        cancelled.cancel.cancel();
        assert!(
            inspect(&fixture("gdelt_hive"), &cancelled)
                .unwrap_err()
                .contains("cancelled")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn days_are_unknown_once_a_file_says_nothing() {
        let mut d = Days::default();
        d.add(Some((20_251_002, 20_251_002)));
        d.add(Some((20_251_001, 20_251_001)));
        assert_eq!(d.range(), Some((20_251_001, 20_251_002)));
        d.add(None);
        assert_eq!(d.range(), None);
    }
}
