//! `detente intake`: the summary, the `--json` shape, `--into`/`-o`, standard input, and the
//! messages for bad input (nothing written).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SEED: &str = "tests/fixtures/seed_report.txt";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-intake-{name}-{}", std::process::id()));
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn json_has_the_issues_shape() {
    let out = detente(&["intake", SEED, "--source", "Xinhua", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["claims", "dates", "events", "positions", "published"]
    );
    assert_eq!(
        value["published"], "2025-12-18",
        "from the seed's date line"
    );
    let positions = value["positions"].as_array().unwrap();
    let nato = positions
        .iter()
        .find(|p| p["issue"] == "NATO membership")
        .expect("Zelenskyy's NATO position");
    assert_eq!(nato["holder"], "Volodymyr Zelenskyy");
    assert_eq!(nato["stance"], "conditional");
    assert!(nato["claims"].is_array());
}

#[test]
fn the_summary_names_the_report_and_what_was_proposed() {
    let out = detente(&[
        "intake",
        SEED,
        "--published",
        "2025-12-18",
        "--source",
        "Xinhua",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(
        "US, Russian envoys to explore Ukraine settlement through talks in Miami (Xinhua, published 2025-12-18)"
    ));
    assert!(text.contains("Positions\n"), "{text}");
    assert!(
        text.contains("Ukraine: support on security guarantees (\"is seeking\")"),
        "{text}"
    );
}

#[test]
fn standard_input_needs_a_date_when_the_text_has_none() {
    let text = "Officials said on Friday that the envoys would meet in Geneva next week to discuss a ceasefire.";
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_detente"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A run refused on its arguments exits before reading: the pipe may be closed.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
        child.wait_with_output().unwrap()
    };
    let out = run(&["intake", "-"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("give it with --published YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = run(&["intake", "-", "--published", "2026-02-06", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(value["published"], "2026-02-06");
    let out = run(&["intake", "-", "--published", "6 Feb"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("expected YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn into_and_output_write_a_valid_project_with_the_report_added() {
    let dir = temp_dir("into");
    let sample = dir.join("sample.detente.ron");
    let project = detente::io::sample_project().unwrap();
    detente::io::save_project(&project, &sample).unwrap();
    let out_path = dir.join("out.detente.ron");
    let out = detente(&[
        "intake",
        SEED,
        "--source",
        "Xinhua",
        "--into",
        sample.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .trim_end()
            .ends_with(&format!("wrote {}", out_path.display()))
    );
    let written = detente::io::load_project(&out_path).unwrap();
    // The sample is this very report read from Xinhua: its events match, and its claims and
    // positions are there already, so nothing is copied; each event that matched gets no
    // second state citing the same claims.
    assert_eq!(written.events.len(), project.events.len());
    assert_eq!(written.claims.len(), project.claims.len());
    assert_eq!(written.positions.len(), project.positions.len());
    // The sample's own source and people are referred to, not added again.
    assert_eq!(written.sources.len(), project.sources.len());
    assert_eq!(
        written
            .actors
            .iter()
            .filter(|a| a.name == "Volodymyr Zelenskyy")
            .count(),
        1
    );
    // The output exists now: a second run needs --force.
    let again = detente(&[
        "intake",
        SEED,
        "--source",
        "Xinhua",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    // With --json the standard output is the JSON alone.
    let json_out = dir.join("new.detente.ron");
    let out = detente(&["intake", SEED, "--json", "-o", json_out.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str::<serde_json::Value>(stdout(&out).trim()).unwrap();
    assert!(detente::io::load_project(&json_out).is_ok());
}

#[test]
fn bad_input_gets_a_message_and_nothing_is_written() {
    let dir = temp_dir("bad");
    let out_path = dir.join("out.detente.ron");
    let german = "Die Unterhändler aus Washington und Moskau könnten sich am Wochenende in Miami \
                  treffen, berichtete die Zeitung unter Berufung auf Regierungskreise.";
    let big = "The envoys met and said that the talks would go on. ".repeat(120_000);
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"   \n\n", "the article is empty"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "this is not text",
        ),
        (
            "german.txt",
            german.as_bytes(),
            "does not look like English",
        ),
        ("big.txt", big.as_bytes(), "more than one article"),
    ];
    for (name, bytes, message) in cases {
        let input = dir.join(name);
        std::fs::write(&input, bytes).unwrap();
        let out = detente(&[
            "intake",
            input.to_str().unwrap(),
            "--published",
            "2025-12-18",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert!(!out.status.success(), "{name}");
        assert!(stderr(&out).contains(message), "{name}: {}", stderr(&out));
        assert!(!out_path.exists(), "{name}: nothing is written");
    }
    let missing = detente(&["intake", dir.join("none.txt").to_str().unwrap()]);
    assert!(
        stderr(&missing).contains("could not read"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_page_dated_by_its_metadata_needs_no_published_date() {
    let dir = temp_dir("html");
    let page = dir.join("report.html");
    std::fs::write(
        &page,
        r#"<html><head><title>Ministers meet in Ankara</title>
        <meta property="article:published_time" content="2026-02-10T08:00:00Z">
        <meta property="og:site_name" content="The Courier"></head>
        <body><p>Egypt is seeking guarantees for aid convoys, a senior diplomat told reporters on Tuesday.</p></body></html>"#,
    )
    .unwrap();
    let out = detente(&["intake", page.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(value["published"], "2026-02-10");
    assert_eq!(value["positions"][0]["holder"], "Egypt");
    let summary = stdout(&detente(&["intake", page.to_str().unwrap()]));
    assert!(
        summary.starts_with("Ministers meet in Ankara (The Courier, published 2026-02-10)"),
        "{summary}"
    );
}
