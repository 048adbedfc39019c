//! Load and save errors that say which file, where in it, and what was expected.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Why a project file could not be loaded. Loading never changes the open project, so the
/// caller can show this and carry on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file's name as the analyst knows it (a path, or "sample project").
    pub file: String,
    pub kind: LoadErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read at all.
    Io(String),
    /// Problems with positions, in file order.
    Problems(Vec<FileProblem>),
}

/// At most this many problems are listed in one message; a broken file can have thousands
/// and nobody reads past the first screenful.
const MAX_LISTED: usize = 20;

impl LoadError {
    pub fn io(file: &Path, err: &std::io::Error) -> Self {
        Self {
            file: file.display().to_string(),
            kind: LoadErrorKind::Io(err.to_string()),
        }
    }

    pub fn at(file: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            kind: LoadErrorKind::Problems(vec![FileProblem {
                line,
                col,
                message: message.into(),
            }]),
        }
    }

    pub fn problems(&self) -> &[FileProblem] {
        match &self.kind {
            LoadErrorKind::Io(_) => &[],
            LoadErrorKind::Problems(p) => p,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            LoadErrorKind::Io(err) => write!(f, "could not read {}: {err}", self.file),
            LoadErrorKind::Problems(problems) => {
                for (i, p) in problems.iter().take(MAX_LISTED).enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{}:{}:{}: {}", self.file, p.line, p.col, p.message)?;
                }
                if problems.len() > MAX_LISTED {
                    write!(f, "\n… and {} more problems", problems.len() - MAX_LISTED)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a save failed. The old file is intact whenever this is returned.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not save {path}: {step}: {source}")]
    Io {
        path: PathBuf,
        step: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("could not save {path}: {message}")]
    Encode { path: PathBuf, message: String },
}
