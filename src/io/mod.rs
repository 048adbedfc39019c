//! Files: the project format, atomic saves and the embedded sample. No UI here.

mod atomic;
pub mod caught_panic;
mod early_flush;
mod error;
mod event_line;
mod outline;
mod project_file;
mod project_write;
mod read_limited;
mod sample;
mod version;
mod work;
mod write_claim;

pub use atomic::{
    remove_stale_temporaries, write_atomically, write_atomically_checked, write_atomically_with,
};
pub use error::{FileProblem, LoadError, LoadErrorKind, SaveError};
pub use outline::line_col;
pub use project_file::{
    EXTENSION, Loaded, load_project, load_project_bytes, load_project_bytes_upgraded,
    load_project_bytes_watched, load_project_str, read_project_bytes, read_project_bytes_watched,
    save_project, to_ron_string, write_project,
};
pub use read_limited::{
    ImportReader, MAX_IMPORT_BYTES, MAX_PROJECT_BYTES, import_too_large, read_at_most,
    read_at_most_watched, read_import_bytes, read_import_bytes_watched, read_mapping_text,
};
pub use sample::{SAMPLE_NAME, SAMPLE_RON, sample_project};
pub use work::{CancelToken, Progress, WatchedReader, Work};
