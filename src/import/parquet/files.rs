//! The files of a dataset: one `.parquet` file, or a folder of them partitioned hive-style
//! (`date=2025-12-19/part-0.parquet`, `year=2025/month=12/…`), in path order.

use std::path::{Path, PathBuf};

/// Folders deeper than this are not searched: hive layouts are a few levels deep, and a
/// link loop must end.
const MAX_DEPTH: usize = 8;

/// One file of a dataset.
#[derive(Clone, Debug)]
pub(crate) struct DataFile {
    pub path: PathBuf,
    /// `key=value` folders between the dataset's root and the file.
    pub partition: Vec<(String, String)>,
    pub size: u64,
}

/// The Parquet files at `path`: the file itself, or every `*.parquet` below the folder
/// (hidden and `_`-prefixed entries, such as Spark's `_SUCCESS`, left out).
pub(crate) fn discover(path: &Path) -> Result<Vec<DataFile>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_file() {
        return Ok(vec![DataFile {
            path: path.to_owned(),
            partition: Vec::new(),
            size: meta.len(),
        }]);
    }
    let mut files = Vec::new();
    walk(path, &mut Vec::new(), 0, &mut files)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if files.is_empty() {
        return Err(format!(
            "{}: the folder holds no .parquet file; give a .parquet file or the folder of a dataset exported as Parquet",
            path.display()
        ));
    }
    Ok(files)
}

fn walk(
    dir: &Path,
    partition: &mut Vec<(String, String)>,
    depth: usize,
    files: &mut Vec<DataFile>,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            let pushed = name
                .split_once('=')
                .map(|(k, v)| (k.to_owned(), unescape(v)));
            let had = pushed.is_some();
            partition.extend(pushed);
            walk(&path, partition, depth + 1, files)?;
            if had {
                partition.pop();
            }
        } else if name.to_ascii_lowercase().ends_with(".parquet") {
            files.push(DataFile {
                path,
                partition: partition.clone(),
                size: meta.len(),
            });
        }
    }
    Ok(())
}

/// Hive escapes characters in partition values as `%XX` (`2025-12-19%2000%3A00%3A00`).
fn unescape(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hive_values_are_unescaped() {
        assert_eq!(unescape("2025-12-19%2000%3A00"), "2025-12-19 00:00");
        assert_eq!(unescape("100%"), "100%");
    }
}
