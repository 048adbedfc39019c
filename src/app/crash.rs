//! The crash report: a panic hook that first writes the unsaved work to the recovery file,
//! then a report (version, system, renderer, the panic and its backtrace, the last log lines)
//! beside the log, and a marker naming it, so that the next start can say where it is and
//! offer the recovered work as after a kill.
//!
//! A panic inside a panic hook aborts the process at once (std counts it as a panic while
//! panicking, and `catch_unwind` cannot stop that). So the hook itself does only what cannot
//! panic (reading the message, capturing the backtrace) and hands the rest to a thread of its
//! own, whose panic would end only that thread, and waits for it a bounded time: the writes
//! can wait on locks the panicking thread holds (a write claim, the log's ring), and a crash
//! must end, not hang.

use std::backtrace::Backtrace;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, mpsc};
use std::time::Duration;

use super::logging::{lock_briefly, recent_lines};
use super::recovery::write_recovery_at_crash;
use crate::model::Project;

/// Names the report the next start tells about; removed once told.
pub const MARKER_FILE: &str = "crash-pending.txt";

/// How long the hook waits for the recovery file and the report: a 1M-event project takes
/// about 11 s to write (docs/PERFORMANCE.md, "save"); 30 s leaves room for a slow disk, and
/// a write stuck past that must not keep the crash from ending.
const WAIT_FOR_REPORT: Duration = Duration::from_secs(30);

/// The work that would be lost, kept up to date by the app for the hook to write.
#[derive(Clone, Debug)]
pub struct UnsavedWork {
    /// Where the recovery file goes (`recovery::recovery_dir`).
    pub recovery_dir: PathBuf,
    pub project: Arc<Project>,
    /// The file the project came from, if any.
    pub origin: Option<PathBuf>,
}

static UNSAVED: Mutex<Option<UnsavedWork>> = Mutex::new(None);
static RENDERER: OnceLock<String> = OnceLock::new();
/// A report is being written: a panic meanwhile (in the report's own thread, or a second
/// thread) gets only the default hook.
static REPORTING: AtomicBool = AtomicBool::new(false);

/// The app's unsaved work as it is now (`None`: everything is saved). Cheap: the project is
/// shared, not copied.
pub fn keep_unsaved_work(work: Option<UnsavedWork>) {
    let mut slot = UNSAVED.lock().unwrap_or_else(PoisonError::into_inner);
    let previous = std::mem::replace(&mut *slot, work);
    drop(slot);
    // Dropped outside the lock: the last reference to a large project takes a while to free,
    // and the hook waits only briefly for the lock.
    drop(previous);
}

/// What a crash now would write to the recovery file (tests).
pub fn kept_unsaved_work() -> Option<UnsavedWork> {
    UNSAVED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// How the window draws ("glow (OpenGL)", "wgpu (Vulkan: llvmpipe …)"), once it has started.
pub fn set_renderer(description: String) {
    let _ = RENDERER.set(description);
}

pub use crate::io::caught_panic::{reports_suppressed, suppress_reports_here};

/// Installs the hook, chained before the one in place (std's, which prints the message).
/// Reports go to `report_dir`; without one, only the recovery file is written.
pub fn install_hook(report_dir: Option<PathBuf>) {
    let chained = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !reports_suppressed() && !REPORTING.swap(true, Ordering::SeqCst) {
            report(report_dir.clone(), info);
            REPORTING.store(false, Ordering::SeqCst);
        }
        chained(info);
    }));
}

/// What is read of the panic on its own thread.
struct PanicFacts {
    message: String,
    location: Option<String>,
    backtrace: Backtrace,
}

fn report(report_dir: Option<PathBuf>, info: &std::panic::PanicHookInfo<'_>) {
    let panic = PanicFacts {
        message: info
            .payload_as_str()
            .unwrap_or("(a panic without a message)")
            .to_owned(),
        location: info.location().map(ToString::to_string),
        backtrace: Backtrace::force_capture(),
    };
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("crash-report".to_owned())
        .spawn(move || {
            let _ = sender.send(write_crash_files(report_dir, &panic));
        });
    if spawned.is_err() {
        return;
    }
    // A panic in that thread drops the sender: the wait ends at once, with nothing.
    if let Ok(Some(path)) = receiver.recv_timeout(WAIT_FOR_REPORT) {
        let _ = writeln!(
            std::io::stderr(),
            "detente: a crash report was written to {}",
            path.display()
        );
    }
}

/// The recovery file first, then the report and its marker. Returns the report's path.
fn write_crash_files(report_dir: Option<PathBuf>, panic: &PanicFacts) -> Option<PathBuf> {
    let unsaved_work = flush_unsaved_work();
    let dir = report_dir?;
    let now = jiff::ZonedDateTime::now();
    let log_lines = recent_lines();
    let facts = CrashFacts {
        version: env!("CARGO_PKG_VERSION"),
        when: now.strftime("%Y-%m-%d %H:%M:%S %:z").to_string(),
        system: system_text(),
        renderer: RENDERER.get().map(String::as_str),
        message: &panic.message,
        location: panic.location.as_deref(),
        backtrace: from_the_panic(&panic.backtrace.to_string()).to_owned(),
        unsaved_work,
        log_lines: log_lines.as_deref(),
    };
    let path = write_report(
        &dir,
        &report_file_name(now.datetime()),
        &report_text(&facts),
    )
    .ok()?;
    let _ = write_marker(&dir, &path);
    Some(path)
}

/// Writes the recovery file from the last [`keep_unsaved_work`]; says what became of it.
fn flush_unsaved_work() -> String {
    let Some(slot) = lock_briefly(&UNSAVED) else {
        return "unknown (the app's state could not be reached)".to_owned();
    };
    let Some(work) = slot.clone() else {
        return "none (everything was saved)".to_owned();
    };
    drop(slot);
    match write_recovery_at_crash(&work.recovery_dir, &work.project, work.origin.as_deref()) {
        Ok(path) => format!(
            "kept in {}; Detente offers it at the next start",
            path.display()
        ),
        Err(err) => format!("could not be kept: {err}"),
    }
}

/// Everything a report says.
#[derive(Clone, Debug)]
pub struct CrashFacts<'a> {
    pub version: &'a str,
    pub when: String,
    pub system: String,
    /// `None` before a window started (a subcommand).
    pub renderer: Option<&'a str>,
    pub message: &'a str,
    pub location: Option<&'a str>,
    pub backtrace: String,
    /// What became of the unsaved work.
    pub unsaved_work: String,
    /// `None` when they could not be read.
    pub log_lines: Option<&'a [String]>,
}

/// The report's text: facts first, then the panic, its backtrace and the last log lines.
pub fn report_text(facts: &CrashFacts<'_>) -> String {
    let mut text = String::new();
    text.push_str("Detente crash report\n====================\n\n");
    text.push_str(&format!("Detente:      {}\n", facts.version));
    text.push_str(&format!("When:         {}\n", facts.when));
    text.push_str(&format!("System:       {}\n", facts.system));
    text.push_str(&format!(
        "Renderer:     {}\n",
        facts.renderer.unwrap_or("none (no window had started)")
    ));
    text.push_str(&format!("Unsaved work: {}\n\n", facts.unsaved_work));
    text.push_str("What happened\n-------------\n");
    match facts.location {
        Some(location) => text.push_str(&format!("Detente panicked at {location}:\n")),
        None => text.push_str("Detente panicked:\n"),
    }
    text.push_str(facts.message);
    text.push_str("\n\nBacktrace\n---------\n");
    text.push_str(facts.backtrace.trim_end());
    text.push_str("\n\nLast log lines (oldest first)\n-----------------------------\n");
    match facts.log_lines {
        Some([]) => text.push_str("(nothing was logged)\n"),
        Some(lines) => {
            for line in lines {
                text.push_str(line);
                text.push('\n');
            }
        }
        None => text.push_str("(the log could not be read at the time of the crash)\n"),
    }
    text.push_str(
        "\nPlease send this file with a few words on what you were doing when it happened.\n",
    );
    text
}

/// A backtrace from the frame where the panic began: the frames above it are this hook and
/// std's panic machinery, the same in every report. The whole text when that frame is not
/// found (another platform's symbol names).
pub fn from_the_panic(backtrace: &str) -> &str {
    let Some(at) = backtrace.find("rust_begin_unwind") else {
        return backtrace;
    };
    let line_start = backtrace[..at].rfind('\n').map_or(0, |i| i + 1);
    &backtrace[line_start..]
}

/// `crash-20261204-153001.txt`
pub fn report_file_name(at: jiff::civil::DateTime) -> String {
    format!(
        "crash-{:04}{:02}{:02}-{:02}{:02}{:02}.txt",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Writes the report as `name` in `dir`, or as `name` with `-2`, `-3`, … when two crashes
/// fell in one second; never over an earlier report.
fn write_report(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = name.trim_end_matches(".txt");
    // Ten crashes in one second do not happen; the bound keeps a broken folder from looping.
    for n in 1..=10 {
        let path = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem}-{n}.txt"))
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(std::io::Error::other(
        "too many crash reports in one second",
    ))
}

fn write_marker(dir: &Path, report: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join(MARKER_FILE), format!("{}\n", report.display()))
}

/// The report a marker names: its first line that is not blank.
pub fn read_marker(text: &str) -> Option<PathBuf> {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(PathBuf::from)
}

/// The report left by a crash that is not yet told about, if any; the marker is removed, so
/// it is told once.
pub fn take_pending_report(dir: &Path) -> Option<PathBuf> {
    let marker = dir.join(MARKER_FILE);
    let file = std::fs::File::open(&marker).ok()?;
    let mut text = String::new();
    // A path; anything longer is not our marker.
    let read = file.take(64 * 1024).read_to_string(&mut text);
    if let Err(err) = std::fs::remove_file(&marker) {
        log::warn!("{}: could not be removed: {err}", marker.display());
    }
    read.ok()?;
    read_marker(&text)
}

/// The notice the next start shows.
pub fn crash_notice(report: &Path) -> String {
    format!(
        "Detente stopped unexpectedly: a crash report was written to {}",
        report.display()
    )
}

/// `linux x86_64 (Debian GNU/Linux 13 (trixie))`
fn system_text() -> String {
    let mut text = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    if cfg!(target_os = "linux")
        && let Some(name) = std::fs::read_to_string("/etc/os-release")
            .ok()
            .as_deref()
            .and_then(pretty_name)
    {
        text.push_str(&format!(" ({name})"));
    }
    text
}

/// The distribution's name in an os-release file: `PRETTY_NAME="Debian GNU/Linux 13"`.
pub fn pretty_name(os_release: &str) -> Option<String> {
    os_release.lines().find_map(|line| {
        let value = line.trim().strip_prefix("PRETTY_NAME=")?;
        let value = value.trim().trim_matches('"').trim_matches('\'').trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-crashunit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn facts(lines: Option<&[String]>) -> CrashFacts<'_> {
        CrashFacts {
            version: "0.1.0",
            when: "2026-12-04 15:30:01 +01:00".to_owned(),
            system: "linux x86_64 (Debian GNU/Linux 13 (trixie))".to_owned(),
            renderer: Some("glow (OpenGL)"),
            message: "index out of bounds: the len is 3 but the index is 7",
            location: Some("src/layout/lanes.rs:120:9"),
            backtrace: "   0: detente::layout::lanes::place\n   1: main\n".to_owned(),
            unsaved_work: "kept in /tmp/recovery/recovery-42.ron".to_owned(),
            log_lines: lines,
        }
    }

    #[test]
    fn a_report_has_the_facts_the_panic_its_backtrace_and_the_log() {
        let lines = ["first line".to_owned(), "last line".to_owned()];
        let text = report_text(&facts(Some(&lines)));
        for expected in [
            "Detente:      0.1.0",
            "System:       linux x86_64 (Debian",
            "Renderer:     glow (OpenGL)",
            "Unsaved work: kept in /tmp/recovery/recovery-42.ron",
            "Detente panicked at src/layout/lanes.rs:120:9:\nindex out of bounds",
            "Backtrace\n---------\n   0: detente::layout::lanes::place\n   1: main\n\n",
            "(oldest first)\n-----------------------------\nfirst line\nlast line\n",
        ] {
            assert!(text.contains(expected), "{expected:?} not in:\n{text}");
        }
        assert!(text.find("first line") < text.find("last line"));
    }

    #[test]
    fn a_report_says_when_something_is_missing() {
        let mut bare = facts(Some(&[]));
        bare.renderer = None;
        bare.location = None;
        let text = report_text(&bare);
        assert!(text.contains("none (no window had started)"), "{text}");
        assert!(text.contains("Detente panicked:\nindex"), "{text}");
        assert!(text.contains("(nothing was logged)"), "{text}");
        let unread = report_text(&facts(None));
        assert!(unread.contains("(the log could not be read"), "{unread}");
    }

    #[test]
    fn the_backtrace_starts_where_the_panic_began() {
        let full = "   0: detente::app::crash::report\n             at ./src/app/crash.rs:116:20\n   \
                    6: __rustc::rust_begin_unwind\n   7: core::panicking::panic_fmt\n   8: run\n";
        assert_eq!(
            from_the_panic(full),
            "   6: __rustc::rust_begin_unwind\n   7: core::panicking::panic_fmt\n   8: run\n"
        );
        assert_eq!(from_the_panic("   0: main\n"), "   0: main\n");
        assert_eq!(from_the_panic("rust_begin_unwind"), "rust_begin_unwind");
    }

    #[test]
    fn report_names_carry_the_second_and_never_replace_one_another() {
        let at = jiff::civil::date(2026, 12, 4).at(9, 5, 1, 0);
        assert_eq!(report_file_name(at), "crash-20261204-090501.txt");
        let dir = temp_dir("names");
        let first = write_report(&dir, &report_file_name(at), "one").unwrap();
        let second = write_report(&dir, &report_file_name(at), "two").unwrap();
        assert_eq!(first, dir.join("crash-20261204-090501.txt"));
        assert_eq!(second, dir.join("crash-20261204-090501-2.txt"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
    }

    #[test]
    fn the_marker_names_the_report_once() {
        assert_eq!(read_marker(""), None);
        assert_eq!(read_marker("\n  \n"), None);
        assert_eq!(
            read_marker("\n /logs/crash-1.txt \nmore\n"),
            Some(PathBuf::from("/logs/crash-1.txt"))
        );
        let dir = temp_dir("marker");
        assert_eq!(take_pending_report(&dir), None, "no folder, no marker");
        std::fs::create_dir_all(&dir).unwrap();
        let report = dir.join("crash-20261204-090501.txt");
        write_marker(&dir, &report).unwrap();
        assert_eq!(take_pending_report(&dir), Some(report.clone()));
        assert!(!dir.join(MARKER_FILE).exists());
        assert_eq!(take_pending_report(&dir), None, "told once");
        assert_eq!(
            crash_notice(&report),
            format!(
                "Detente stopped unexpectedly: a crash report was written to {}",
                report.display()
            )
        );
    }

    #[test]
    fn the_distribution_name_comes_from_os_release() {
        let text = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n";
        assert_eq!(
            pretty_name(text).as_deref(),
            Some("Debian GNU/Linux 13 (trixie)")
        );
        assert_eq!(pretty_name("PRETTY_NAME=Arch"), Some("Arch".to_owned()));
        assert_eq!(pretty_name("PRETTY_NAME=\"\"\nNAME=x"), None);
    }

    #[test]
    fn unsaved_work_is_written_to_the_recovery_file_first() {
        let dir = temp_dir("flush");
        keep_unsaved_work(None);
        assert!(flush_unsaved_work().starts_with("none"));
        let project = Arc::new(crate::io::sample_project().unwrap());
        keep_unsaved_work(Some(UnsavedWork {
            recovery_dir: dir.clone(),
            project,
            origin: None,
        }));
        let said = flush_unsaved_work();
        keep_unsaved_work(None);
        assert!(said.starts_with("kept in "), "{said}");
        let written = super::super::recovery::RecoveryFile::read(
            &dir.join(format!("recovery-{}.ron", std::process::id())),
        )
        .unwrap();
        assert_eq!(
            written.num_events,
            crate::io::sample_project().unwrap().num_events()
        );
    }
}
