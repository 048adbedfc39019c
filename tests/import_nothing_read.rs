//! An import that reads no event from a file that is not empty fails, saying what the format
//! expects and what the file's first line looks like (issue 11: `--format gdelt2` on a file
//! that is not GDELT, or `--format icews` on JSON lines, wrote a project of 0 events).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::process::Command;

use detente::import::{ImportError, ImportFormat, ImportOptions, import};

const CSV: &str = "date,title\n2025-12-20,Miami talks\n2025-12-13,Berlin talks\n";
const JSON_LINES: &str =
    "{\"date\": \"2025-12-20\", \"who\": \"USA\"}\n{\"date\": \"2025-12-13\"}\n";

fn no_events(bytes: &[u8], format: ImportFormat) -> String {
    match import(bytes, format, &ImportOptions::named("x")) {
        Err(ImportError::NoEvents(message)) => message,
        other => panic!("{format}: expected no events, got {other:?}"),
    }
}

#[test]
fn each_format_on_a_file_it_reads_nothing_from_says_what_it_expected() {
    let gdelt = no_events(CSV.as_bytes(), ImportFormat::Gdelt2);
    assert!(
        gdelt.contains("as GDELT 2.0 event export: expected tab-separated rows of 61 columns")
            && gdelt.contains("first line is “date,title”")
            && gdelt.contains("3 lines skipped, the first (line 1: "),
        "{gdelt}"
    );
    let gdelt1 = no_events(CSV.as_bytes(), ImportFormat::Gdelt1);
    assert!(gdelt1.contains("57 or 58 columns"), "{gdelt1}");

    let icews = no_events(JSON_LINES.as_bytes(), ImportFormat::Icews);
    assert!(
        icews.contains("as ICEWS-style coded events: expected rows of source, CAMEO event text")
            && icews.contains("first line is “{\"date\": \"2025-12-20\", \"who\": \"USA\"}”"),
        "{icews}"
    );

    let tljs = no_events(
        br#"{"title": {"text": {"headline": "Talks"}}, "events": []}"#,
        ImportFormat::TimelineJs,
    );
    assert!(tljs.contains("\"events\" list of slides"), "{tljs}");

    let xml = no_events(
        b"<?xml version=\"1.0\"?>\n<timeline><version>2.0</version><events></events></timeline>\n",
        ImportFormat::TimelineApp,
    );
    assert!(xml.contains("<event> elements"), "{xml}");
    assert!(
        xml.contains("first line is “<?xml version=\"1.0\"?>”"),
        "{xml}"
    );

    // CSV whose mapped date column holds no date.
    let csv = no_events(
        b"date,title\nsoon,Miami talks\nlater,Berlin talks\n",
        ImportFormat::Csv,
    );
    assert!(
        csv.contains("2 lines skipped, the first (line 2: invalid EDTF date \"soon\""),
        "{csv}"
    );
}

#[test]
fn the_command_line_fails_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("detente-nothing-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("events.csv");
    std::fs::write(&input, CSV).unwrap();
    let out = dir.join("out.detente.ron");
    let _ = std::fs::remove_file(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args([
            "import".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .args(["--format", "gdelt2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("events.csv: no event could be read as GDELT 2.0 event export")
            && stderr.contains("first line is “date,title”"),
        "{stderr}"
    );
    assert!(!out.exists(), "a project of 0 events was written");
}
