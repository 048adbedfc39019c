//! Application state without UI: the commands and the session that runs them (the open
//! document, the selection, the filter), settings, recent files, crash recovery, changes on
//! disk, background work (the task list in `tasks`; the status bar in ui::tasks shows it).

pub mod as_of_view;
pub mod autosave;
pub mod cancel;
pub mod claim_draft;
pub mod command;
pub mod command_table;
pub mod crash;
mod date_text;
mod derived;
mod document;
pub mod edit;
pub mod edit_check;
pub mod edit_history;
mod edit_subject;
pub mod edits;
pub mod file_watch;
mod filtered;
pub mod intake_review;
pub mod logging;
mod navigation;
pub mod new_entity;
pub mod open_folder;
pub mod panel_layout;
pub mod recent;
pub mod recovery;
mod report_text;
mod save_job;
mod selection;
pub mod session;
pub mod settings;
pub mod stale;
pub mod tasks;

pub use as_of_view::AsOfView;
pub use autosave::AutosaveClock;
pub use cancel::{CancelToken, WriteOutcome, write_cancellable, write_counted};
pub use command::{Command, UnsavedAnswer};
pub use date_text::{date_text, day_text, list_date_text};
pub use document::{Document, Origin};
pub use file_watch::{DiskState, FileFingerprint, changed_on_disk};
pub use filtered::{Appearances, FilteredView, PassChange};
pub use navigation::History;
pub use panel_layout::PanelLayout;
pub use recent::{RecentEntry, RecentFiles};
pub use recovery::{Recovery, RecoveryFile, RecoverySummary};
pub use report_text::report_summary;
pub use save_job::{SaveJob, SaveOutcome};
pub use selection::{Selected, Selection, SelectionLinks};
pub use session::{Effect, Session};
pub use settings::{
    DateDisplay, DateFormat, Settings, ThemeChoice, TimeZoneChoice, axis_offset_secs, config_dir,
    format_instant,
};
pub use tasks::{Finished, ProgressUnit, TaskId, TaskKind, TaskList, TaskStatus, Work};
