//! Files: the project format, atomic saves and the embedded sample. No UI here.

mod atomic;
mod error;
mod event_line;
mod outline;
mod project_file;
mod sample;

pub use atomic::{remove_stale_temporaries, write_atomically};
pub use error::{FileProblem, LoadError, LoadErrorKind, SaveError};
pub use outline::line_col;
pub use project_file::{
    EXTENSION, load_project, load_project_bytes, load_project_str, save_project, to_ron_string,
};
pub use sample::{SAMPLE_NAME, SAMPLE_RON, sample_project};
