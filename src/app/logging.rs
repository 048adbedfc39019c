//! The log: Detente's messages and those of the crates under it (egui, eframe, winit and wgpu
//! all log through the `log` facade) go to standard error and, for the app, to a rotated file
//! in the platform's state folder. The last lines are also kept in memory, for a crash report
//! (`app::crash`) to quote even when the file could not be opened.
//!
//! Starting the log never fails: a folder that cannot be written (read-only, full, a file in
//! its place) leaves the log on standard error only, and About says why.

use std::collections::VecDeque;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError, TryLockError};
use std::time::Duration;

use flexi_logger::writers::LogWriter;
use flexi_logger::{
    Cleanup, Criterion, DeferredNow, FileSpec, LogSpecification, Logger, LoggerHandle, Naming,
    WriteMode,
};
use log::{LevelFilter, Record};

use super::settings::CONFIG_DIR_ENV;

/// The log file's name before flexi_logger's rotation suffix.
const LOG_BASENAME: &str = "detente";
/// The file being written: flexi_logger names the current file of a numbered rotation so.
pub const CURRENT_LOG_FILE: &str = "detente_rCURRENT.log";
/// 2 MiB is about 15,000 lines of ~140 bytes: weeks of ordinary use at info, and still a
/// file an analyst can attach to a mail.
pub const LOG_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Rotated files kept beside the current one: five files, 10 MiB at most on disk.
pub const ROTATED_FILES_KEPT: usize = 4;
/// Lines kept in memory for a crash report: at info a session logs a few dozen lines, so 200
/// reach back to the start of most sessions, and at ~140 bytes a line cost ~28 KB.
pub const RECENT_LINES: usize = 200;
/// `--frame-stats` logs under this target, once a second.
pub const FRAME_STATS_TARGET: &str = "detente::frame_stats";

/// Crates that log at info what only their developers need (adapter enumeration, shader
/// translation, D-Bus chatter), kept at warn in the file unless `--verbose`.
const NOISY_CRATES: &[&str] = &[
    "wgpu_core",
    "wgpu_hal",
    "naga",
    "winit",
    "sctk",
    "zbus",
    "tracing",
];

/// The timestamp of a log line: local time to the millisecond, with its offset.
const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S%.3f %:z";

/// How much to log, from the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogOptions {
    /// 0 without `--verbose`, 1 with `-v`, 2 with `-vv` and more.
    pub verbosity: u8,
    /// `--frame-stats`: the frame statistics (logged at info) shown on standard error too.
    pub frame_stats: bool,
}

/// Where the log goes, for About and for the crash report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogPlace {
    /// The folder of the log files and crash reports; `None` when the platform has no home
    /// folder.
    pub dir: Option<PathBuf>,
    /// The file being written; `None` when the log goes to standard error only.
    pub file: Option<PathBuf>,
    /// Why there is no log file, when one was wanted.
    pub problem: Option<String>,
}

/// The folder for log files and crash reports: `$DETENTE_CONFIG_DIR/logs` when that is set
/// (tests, portable installs), else `logs` in the platform's state folder
/// (`~/.local/state/detente/logs` on Linux), or in its local data folder on systems without
/// a state folder (macOS, Windows).
pub fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("logs"));
    }
    let dirs = directories::ProjectDirs::from("org", "Detente", "detente")?;
    let base = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(base.join("logs"))
}

/// What the file (and the memory ring) records: info, debug with `--verbose`; the noisy
/// crates one step quieter.
pub fn file_spec(verbosity: u8) -> String {
    let (everything, noisy) = if verbosity == 0 {
        ("info", "warn")
    } else {
        ("debug", "info")
    };
    let mut spec = everything.to_owned();
    for name in NOISY_CRATES {
        spec.push_str(&format!(",{name}={noisy}"));
    }
    spec
}

/// What standard error shows: warnings, info with `-v`, debug with `-vv`.
pub fn stderr_level(verbosity: u8) -> LevelFilter {
    match verbosity {
        0 => LevelFilter::Warn,
        1 => LevelFilter::Info,
        _ => LevelFilter::Debug,
    }
}

/// Whether a line the file records is also shown on standard error.
pub fn shows_on_stderr(level: log::Level, target: &str, options: LogOptions) -> bool {
    level <= stderr_level(options.verbosity)
        || (options.frame_stats && target == FRAME_STATS_TARGET)
}

/// The last lines logged, oldest first, at most `capacity`.
#[derive(Debug)]
pub struct RecentLines {
    lines: VecDeque<String>,
    capacity: usize,
}

impl RecentLines {
    pub const fn new(capacity: usize) -> Self {
        Self {
            lines: VecDeque::new(),
            capacity,
        }
    }

    pub fn push(&mut self, line: String) {
        if self.capacity == 0 {
            return;
        }
        while self.lines.len() >= self.capacity {
            self.lines.pop_front();
        }
        self.lines.push_back(line);
    }

    pub fn lines(&self) -> Vec<String> {
        self.lines.iter().cloned().collect()
    }
}

static RECENT: Mutex<RecentLines> = Mutex::new(RecentLines::new(RECENT_LINES));

/// Kept for the life of the process: dropping it would stop the file logging.
static HANDLE: OnceLock<LoggerHandle> = OnceLock::new();

/// The lines logged last, oldest first; `None` when they cannot be had within a tenth of a
/// second (the crash report asks from another thread than the one that panicked, which may
/// have died holding the lock mid-line: waiting for it would hang the crash).
pub fn recent_lines() -> Option<Vec<String>> {
    lock_briefly(&RECENT).map(|recent| recent.lines())
}

/// Locks `mutex`, trying for about 100 ms (20 tries 5 ms apart) before giving up. A
/// poisoned lock is still taken: what it guards is plain data, whole after any panic.
pub fn lock_briefly<T>(mutex: &Mutex<T>) -> Option<MutexGuard<'_, T>> {
    for _ in 0..20 {
        match mutex.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    None
}

/// One line of the file and of the memory ring: `2026-12-04 15:30:01.123 +01:00 INFO
/// [eframe::native::run] message`.
fn write_line(
    out: &mut dyn std::io::Write,
    now: &mut DeferredNow,
    record: &Record<'_>,
) -> std::io::Result<()> {
    write!(
        out,
        "{} {:<5} [{}] {}",
        now.format(TIME_FORMAT),
        record.level(),
        record.target(),
        record.args()
    )
}

/// The second writer beside the file: standard error (with its own, quieter level) and the
/// memory ring of recent lines.
struct StderrAndMemory {
    options: LogOptions,
}

impl LogWriter for StderrAndMemory {
    fn write(&self, now: &mut DeferredNow, record: &Record<'_>) -> std::io::Result<()> {
        let mut line = Vec::new();
        write_line(&mut line, now, record)?;
        let line = String::from_utf8_lossy(&line).into_owned();
        RECENT
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(line);
        if shows_on_stderr(record.level(), record.target(), self.options) {
            // A closed standard error (started from a desktop launcher) is no reason to
            // fail the log line: the file has it.
            let _ = writeln!(
                std::io::stderr().lock(),
                "detente: {} [{}] {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
        Ok(())
    }

    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// The specification for the file and the ring: `RUST_LOG` when it is set and valid (for
/// developers chasing one crate), else [`file_spec`].
fn specification(verbosity: u8) -> LogSpecification {
    std::env::var("RUST_LOG")
        .ok()
        .filter(|text| !text.trim().is_empty())
        .and_then(|text| LogSpecification::parse(text).ok())
        .or_else(|| LogSpecification::parse(file_spec(verbosity)).ok())
        .unwrap_or_else(LogSpecification::info)
}

/// Starts logging for the app: to standard error and to a rotated file in `dir` (see
/// [`log_dir`]). When the file cannot be opened, to standard error only; the problem is
/// logged and returned. Call once: a second call leaves the first logger in place.
pub fn start_with_file(dir: Option<PathBuf>, options: LogOptions) -> LogPlace {
    let mut place = LogPlace {
        dir: dir.clone(),
        file: None,
        problem: None,
    };
    let problem = match dir {
        Some(dir) => match start_file_logger(&dir, options) {
            Ok(file) => {
                place.file = Some(file);
                None
            }
            Err(problem) => Some(problem),
        },
        None => Some("this system has no home folder for a log file".to_owned()),
    };
    if let Some(problem) = problem {
        start_without_file(options);
        log::warn!("{problem}; logging to standard error only");
        place.problem = Some(problem);
    }
    log::info!(
        "Detente {} started (pid {}, {} {})",
        env!("CARGO_PKG_VERSION"),
        std::process::id(),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    place
}

/// Starts logging to standard error only (and the memory ring): the subcommands, whose
/// runs are too many and too short for a file.
pub fn start_without_file(options: LogOptions) {
    let started = Logger::with(specification(options.verbosity))
        .log_to_writer(Box::new(StderrAndMemory { options }))
        .panic_if_error_channel_is_broken(false)
        .start();
    if let Ok(handle) = started {
        let _ = HANDLE.set(handle);
    }
}

fn start_file_logger(dir: &Path, options: LogOptions) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("The log folder {} could not be made: {err}", dir.display()))?;
    // flexi_logger opens the file at the first line: opened once here, a file that cannot be
    // written is known now (and said in About), not complained of at every line.
    let current = dir.join(CURRENT_LOG_FILE);
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&current)
        .map_err(|err| {
            format!(
                "The log file {} could not be opened: {err}",
                current.display()
            )
        })?;
    let files = FileSpec::default()
        .directory(dir)
        .basename(LOG_BASENAME)
        .suppress_timestamp();
    let handle = Logger::with(specification(options.verbosity))
        .log_to_file_and_writer(files, Box::new(StderrAndMemory { options }))
        .format_for_files(write_line)
        .rotate(
            Criterion::Size(LOG_FILE_BYTES),
            Naming::Numbers,
            Cleanup::KeepLogFiles(ROTATED_FILES_KEPT),
        )
        // One file across runs: the lines before a crash are still there after a restart.
        .append()
        // Each line written at once: a crash loses none.
        .write_mode(WriteMode::Direct)
        // flexi_logger's own complaints (a full disk) must never take the app down.
        .panic_if_error_channel_is_broken(false)
        .start()
        .map_err(|err| {
            format!(
                "The log file could not be opened in {}: {err}",
                dir.display()
            )
        })?;
    let _ = HANDLE.set(handle);
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Level;

    #[test]
    fn the_file_logs_info_and_quiets_the_noisy_crates_until_verbose() {
        let quiet = file_spec(0);
        assert!(quiet.starts_with("info,"), "{quiet}");
        assert!(quiet.contains("wgpu_core=warn") && quiet.contains("naga=warn"));
        let verbose = file_spec(1);
        assert!(verbose.starts_with("debug,"), "{verbose}");
        assert!(verbose.contains("winit=info"));
        for spec in [quiet, verbose] {
            assert!(LogSpecification::parse(&spec).is_ok(), "{spec}");
        }
    }

    #[test]
    fn stderr_shows_warnings_then_more_with_each_v_and_frame_stats_when_asked() {
        let plain = LogOptions::default();
        assert!(shows_on_stderr(Level::Warn, "eframe", plain));
        assert!(!shows_on_stderr(Level::Info, "eframe", plain));
        assert!(!shows_on_stderr(Level::Info, FRAME_STATS_TARGET, plain));
        let stats = LogOptions {
            frame_stats: true,
            ..plain
        };
        assert!(shows_on_stderr(Level::Info, FRAME_STATS_TARGET, stats));
        assert!(!shows_on_stderr(Level::Info, "eframe", stats));
        let v = LogOptions {
            verbosity: 1,
            ..plain
        };
        assert!(shows_on_stderr(Level::Info, "eframe", v));
        assert!(!shows_on_stderr(Level::Debug, "eframe", v));
        let vv = LogOptions {
            verbosity: 2,
            ..plain
        };
        assert!(shows_on_stderr(Level::Debug, "eframe", vv));
        assert!(!shows_on_stderr(Level::Trace, "eframe", vv));
    }

    #[test]
    fn the_ring_keeps_the_last_lines_in_order() {
        let mut ring = RecentLines::new(3);
        for i in 0..5 {
            ring.push(format!("line {i}"));
        }
        assert_eq!(ring.lines(), ["line 2", "line 3", "line 4"]);
        let mut none = RecentLines::new(0);
        none.push("x".to_owned());
        assert!(none.lines().is_empty());
    }

    #[test]
    fn a_held_lock_is_given_up_on_and_a_poisoned_one_taken() {
        let mutex = Mutex::new(1);
        let held = mutex.lock().unwrap();
        assert!(lock_briefly(&mutex).is_none());
        drop(held);
        assert_eq!(lock_briefly(&mutex).map(|g| *g), Some(1));
        let poisoned = std::sync::Arc::new(Mutex::new(2));
        let inner = std::sync::Arc::clone(&poisoned);
        let _ = std::thread::spawn(move || {
            let _guard = inner.lock().unwrap();
            panic!("poisoning on purpose");
        })
        .join();
        assert!(poisoned.is_poisoned());
        assert_eq!(lock_briefly(&poisoned).map(|g| *g), Some(2));
    }
}
