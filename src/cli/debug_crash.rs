//! `detente debug-crash` (debug builds only, hidden): installs the crash hook and panics as
//! the app would, with the sample project as unsaved work, to test the crash report and the
//! recovery file from the command line (`tests/crash_report.rs`).

use std::process::ExitCode;
use std::sync::Arc;

use crate::app::crash::{self, UnsavedWork};
use crate::app::recovery::recovery_dir;

#[derive(Debug, clap::Args)]
pub struct DebugCrashArgs {
    /// Panic only inside `suppress_reports_here`, and catch it: no report, and success.
    #[arg(long)]
    pub caught: bool,
}

pub fn run(args: &DebugCrashArgs) -> ExitCode {
    crash::install_hook(crate::app::logging::log_dir());
    if args.caught {
        let caught = crash::suppress_reports_here(|| {
            std::panic::catch_unwind(|| panic!("debug-crash --caught: a panic caught on purpose"))
        });
        return if caught.is_err() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if let (Some(config), Ok(project)) = (crate::app::config_dir(), crate::io::sample_project()) {
        crash::keep_unsaved_work(Some(UnsavedWork {
            recovery_dir: recovery_dir(&config),
            project: Arc::new(project),
            origin: None,
        }));
    }
    log::info!("debug-crash: about to panic on purpose");
    panic!("debug-crash: a panic on purpose, to test the crash report");
}
