//! `--as-of DATE` on `detente export` (every format) and on the app's command line.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

mod as_of_fixture;

use std::path::PathBuf;
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-as-of-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

/// Words that only the report of the 19th gave: an event's title, a claim's excerpt, the
/// analyst's description written after it.
const LATER: [&str; 3] = [
    "Witkoff hosts Umerov for dinner",
    "met Umerov in Miami on Friday morning",
    "Held on Friday morning",
];

#[test]
fn every_export_as_of_the_18th_leaves_out_what_the_19th_reported() {
    let dir = temp_dir("export");
    let project = dir.join("miami.detente.ron");
    detente::io::save_project(&as_of_fixture::miami_reports(), &project).unwrap();
    let project = project.to_str().unwrap();
    for format in ["csv", "timelinejs", "markdown", "html", "svg", "png"] {
        let now = dir.join(format!("now.{format}"));
        let then = dir.join(format!("then.{format}"));
        let run = |out: &PathBuf, as_of: &[&str]| {
            let mut args = vec!["export", project, "--format", format, "-o"];
            args.push(out.to_str().unwrap());
            args.extend_from_slice(as_of);
            let output = detente(&args);
            assert!(
                output.status.success(),
                "{format}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            std::fs::read(out).unwrap()
        };
        let all = run(&now, &[]);
        let earlier = run(&then, &["--as-of", "18 Dec 2025"]);
        assert_ne!(all, earlier, "{format}: as of the 18th differs from now");
        if format == "png" {
            continue;
        }
        let all = String::from_utf8_lossy(&all);
        let earlier = String::from_utf8_lossy(&earlier);
        assert!(
            all.contains(LATER[0]),
            "{format}: the full export has the dinner"
        );
        for words in LATER {
            assert!(
                !earlier.contains(words),
                "{format} as of the 18th has {words:?}"
            );
        }
        if format == "markdown" {
            // The date the report of the 18th gave, from the event's reported state.
            let expected = "Sat 20 – Sun 21 Dec 2025 — Umerov meets members of the US delegation";
            assert!(earlier.contains(expected), "{earlier}");
            assert!(!all.contains(expected), "now it was held on the 19th");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_as_of_date_is_refused_with_the_reason() {
    let dir = temp_dir("bad");
    let out = dir.join("out.csv");
    let project = dir.join("miami.detente.ron");
    detente::io::save_project(&as_of_fixture::miami_reports(), &project).unwrap();
    let output = detente(&[
        "export",
        project.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "--as-of",
        "18/12/2025",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("--as-of") && stderr.contains("day/month"),
        "{stderr}"
    );
    assert!(!out.exists());
    // The app refuses it before opening a window.
    let output = detente(&["--as-of", "someday"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("--as-of") && stderr.contains("someday"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
