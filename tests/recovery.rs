//! Crash recovery against real crashes: a child process (this test binary, run again with
//! an environment variable) autosaves and is then killed with SIGKILL, so no destructor,
//! flush or exit handler runs; the parent must find its recovery file and get the project
//! back exactly. Also: the config folder follows `DETENTE_CONFIG_DIR`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use detente::app::recovery::{find_recovery, restore, write_recovery};
use detente::model::Project;

const CRASH_DIR: &str = "DETENTE_TEST_CRASH_DIR";
const HOLD_DIR: &str = "DETENTE_TEST_HOLD_DIR";
const EXPECT_CONFIG: &str = "DETENTE_TEST_EXPECT_CONFIG";
const LOOP_DIR: &str = "DETENTE_TEST_LOOP_DIR";
const ORIGIN: &str = "/home/analyst/geneva-talks.detente.ron";

/// The sample with text that tests escaping in the header and the body.
fn project() -> Project {
    let mut project = detente::io::sample_project().unwrap();
    "Geneva “talks”\nround 2".clone_into(&mut project.title);
    "Unsaved edit: the delegation's reply, \\ and all.".clone_into(&mut project.description);
    project
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-crash-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// This test binary, running only `test`, with `env` set.
fn child(test: &str, env: &str, dir: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(env, dir);
    command
}

/// Kills this process with SIGKILL: the harshest crash, nothing runs after it.
fn kill_self() -> ! {
    let pid = std::process::id().to_string();
    let _ = Command::new("kill").args(["-KILL", &pid]).status();
    // Without a `kill` program, abort: also a death without unwinding or destructors.
    std::process::abort()
}

#[test]
fn autosave_survives_sigkill_and_restores_exactly() {
    if let Some(dir) = std::env::var_os(CRASH_DIR) {
        write_recovery(Path::new(&dir), &project(), Some(Path::new(ORIGIN))).unwrap();
        kill_self();
    }
    let dir = temp_dir("sigkill");
    let mut process = child(
        "autosave_survives_sigkill_and_restores_exactly",
        CRASH_DIR,
        &dir,
    )
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    let pid = process.id();
    let status = process.wait().unwrap();
    assert!(
        !status.success(),
        "the child must die, not exit: {status:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        assert!(matches!(status.signal(), Some(9 | 6)), "{status:?}");
    }

    let recovery = find_recovery(&dir).expect("the dead child's autosave is offered");
    assert_eq!(recovery.pid, pid);
    assert_eq!(recovery.summary.title, project().title);
    assert_eq!(recovery.summary.num_events, project().num_events());
    assert_eq!(
        recovery.summary.origin_path.as_deref(),
        Some(Path::new(ORIGIN))
    );
    assert_eq!(restore(&recovery).unwrap(), project());
}

#[test]
fn a_running_instance_is_left_alone_until_it_dies() {
    if let Some(dir) = std::env::var_os(HOLD_DIR) {
        write_recovery(Path::new(&dir), &project(), None).unwrap();
        println!("DETENTE-AUTOSAVED");
        // Hold until the parent kills us (or, should it die, until stdin closes).
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        std::process::exit(0);
    }
    let dir = temp_dir("hold");
    let mut process = child(
        "a_running_instance_is_left_alone_until_it_dies",
        HOLD_DIR,
        &dir,
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let stdout = process.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("DETENTE-AUTOSAVED"));
    assert!(ready, "the child did not autosave");

    if cfg!(target_os = "linux") {
        assert_eq!(
            find_recovery(&dir),
            None,
            "another running window's autosave is not a leftover"
        );
    }
    process.kill().unwrap(); // SIGKILL on Unix
    process.wait().unwrap();
    let recovery = find_recovery(&dir).expect("offered once its writer is dead");
    assert_eq!(restore(&recovery).unwrap(), project());
    assert_eq!(recovery.summary.origin_path, None);
}

#[test]
fn config_dir_follows_the_environment() {
    if let Some(expected) = std::env::var_os(EXPECT_CONFIG) {
        assert_eq!(detente::app::config_dir(), Some(PathBuf::from(expected)));
        return;
    }
    let dir = temp_dir("config");
    let output = child("config_dir_follows_the_environment", EXPECT_CONFIG, &dir)
        .env(detente::app::settings::CONFIG_DIR_ENV, &dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("1 passed"),
        "the child ran no test: {stdout}"
    );
}

/// The project with `n` events dropped from the end and a title that says so: big enough
/// that a write takes a while, different enough that a mixed file would be noticed.
fn version(n: usize) -> Project {
    let mut project = project();
    project
        .events
        .truncate(project.events.len().saturating_sub(n));
    project.title = format!("version {n}");
    project
}

/// A writer killed in the middle of writing leaves the recovery file as it was before or
/// after that write, never a mixture: the writes are atomic (temporary file, then rename).
#[test]
fn a_writer_killed_mid_write_leaves_a_whole_file() {
    if let Some(dir) = std::env::var_os(LOOP_DIR) {
        // Writes without pause, alternating two versions, until killed. The first write is
        // done before the parent starts its clock: on a loaded machine (CI, 2 cores, the other
        // tests of this file running too) it could take longer than the parent's 40 ms, and
        // the kill then found no file at all, which says nothing about atomic writes.
        write_recovery(Path::new(&dir), &version(1), None).unwrap();
        println!("DETENTE-WRITING");
        for i in 0.. {
            write_recovery(Path::new(&dir), &version(i % 2), None).unwrap();
        }
    }
    for round in 0..6u64 {
        let dir = temp_dir(&format!("midwrite-{round}"));
        let mut process = child(
            "a_writer_killed_mid_write_leaves_a_whole_file",
            LOOP_DIR,
            &dir,
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
        let stdout = process.stdout.take().unwrap();
        let started = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains("DETENTE-WRITING"));
        assert!(started, "the writer did not start");
        // Kill at different points of a write: each write of the sample takes a few ms.
        std::thread::sleep(std::time::Duration::from_millis(40 + round * 17));
        process.kill().unwrap();
        process.wait().unwrap();
        let recovery = find_recovery(&dir).expect("a whole recovery file is left");
        let restored = restore(&recovery).unwrap();
        assert!(
            restored == version(0) || restored == version(1),
            "round {round}: the file is neither version: {}",
            restored.title
        );
        assert_eq!(recovery.summary.title, restored.title);
        assert_eq!(recovery.summary.num_events, restored.events.len());
    }
}
