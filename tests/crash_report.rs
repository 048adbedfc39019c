//! Crash reports from a real panic: the debug binary's hidden `debug-crash` installs the hook,
//! keeps the sample project as unsaved work and panics, with `DETENTE_CONFIG_DIR` in a
//! temporary folder. The report, its marker, the log file and the recovery file must all be
//! there, and the process must have ended as a panic ends (exit code 101), not aborted.
//! Also: a panic caught on purpose writes no report, an unwritable log folder stops nothing,
//! and `--verbose` is read before and after a subcommand.

#![cfg(debug_assertions)] // `debug-crash` exists in debug builds only
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use detente::app::crash::{MARKER_FILE, read_marker};
use detente::app::logging::CURRENT_LOG_FILE;
use detente::app::recovery::{find_recovery, recovery_dir, restore};

/// What a Rust program exits with after an unhandled panic (an abort would be a signal).
const PANIC_EXIT_CODE: i32 = 101;

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("detente-crashreport-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn detente(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .env("DETENTE_CONFIG_DIR", config)
        .env_remove("RUST_LOG")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn crash_reports(logs: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(logs)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("crash-") && n != MARKER_FILE)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_panic_writes_the_recovery_file_a_report_and_its_marker() {
    let config = temp_dir("panic");
    let out = detente(&config, &["debug-crash"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(out.status.code(), Some(PANIC_EXIT_CODE), "{err}");
    // The default hook still runs after ours.
    assert!(err.contains("debug-crash: a panic on purpose"), "{err}");

    let logs = config.join("logs");
    let [report] = crash_reports(&logs).try_into().unwrap();
    let name = report.file_name().unwrap().to_str().unwrap().to_owned();
    // crash-YYYYMMDD-HHMMSS.txt
    assert_eq!(name.len(), "crash-20261204-153001.txt".len(), "{name}");
    assert!(err.contains(&format!(
        "a crash report was written to {}",
        report.display()
    )));

    let text = std::fs::read_to_string(&report).unwrap();
    for expected in [
        &format!("Detente:      {}", env!("CARGO_PKG_VERSION")),
        &format!(
            "System:       {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH
        ),
        "Renderer:     none (no window had started)",
        "Detente panicked at src/cli/debug_crash.rs:",
        "debug-crash: a panic on purpose, to test the crash report",
        "\nBacktrace\n---------\n",
        "detente::cli::run",
        "\nLast log lines (oldest first)\n",
        "INFO  [detente::app::logging] Detente",
        "INFO  [detente::cli::debug_crash] debug-crash: about to panic on purpose",
        "Unsaved work: kept in ",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }

    // The hook's own frames are left out of the backtrace.
    assert!(!text.contains("install_hook"), "{text}");

    let marker = std::fs::read_to_string(logs.join(MARKER_FILE)).unwrap();
    assert_eq!(read_marker(&marker), Some(report.clone()));

    // The log file has the lines too, written before the panic.
    let log = std::fs::read_to_string(logs.join(CURRENT_LOG_FILE)).unwrap();
    assert!(
        log.contains("debug-crash: about to panic on purpose"),
        "{log}"
    );

    // The unsaved work was flushed first, and is offered as after a kill.
    let leftover = find_recovery(&recovery_dir(&config)).unwrap();
    // Offered as kept at the crash, not as an autosave.
    assert!(leftover.summary.at_crash);
    assert!(leftover.summary.describe().contains("kept at the crash"));
    assert_eq!(
        restore(&leftover).unwrap(),
        detente::io::sample_project().unwrap()
    );
    assert!(
        text.contains(&leftover.path.display().to_string()),
        "{text}"
    );
}

#[test]
fn a_panic_caught_on_purpose_writes_no_report() {
    let config = temp_dir("caught");
    let out = detente(&config, &["debug-crash", "--caught"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let logs = config.join("logs");
    assert!(crash_reports(&logs).is_empty());
    assert!(!logs.join(MARKER_FILE).exists());
}

#[test]
fn an_unwritable_log_folder_stops_nothing() {
    let config = temp_dir("unwritable");
    // A file where the log folder should be: no log file, no report can be written (this
    // holds as root too, where a read-only folder would still be written).
    std::fs::write(config.join("logs"), "in the way").unwrap();
    let out = detente(&config, &["debug-crash"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(PANIC_EXIT_CODE), "{err}");
    assert!(err.contains("logging to standard error only"), "{err}");
    assert!(err.contains("debug-crash: a panic on purpose"), "{err}");
    // The recovery file lives elsewhere and was still written.
    assert!(find_recovery(&recovery_dir(&config)).is_some());
}

#[test]
fn verbose_is_read_before_and_after_a_subcommand() {
    let config = temp_dir("verbose");
    let project = config.join("sample.detente.ron");
    detente::io::save_project(&detente::io::sample_project().unwrap(), &project).unwrap();
    let file = project.to_str().unwrap();
    for args in [
        &["-v", "check", file][..],
        &["check", file, "--verbose"],
        &["check", "-vv", file],
    ] {
        let out = detente(&config, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // The subcommands keep no log file.
    assert!(!config.join("logs").exists());
    // The window's own options still do not go with a subcommand.
    let out = detente(&config, &["--theme", "dark", "check", file]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--theme opens the window and cannot be used with a subcommand"),
        "{}",
        stderr(&out)
    );
}
