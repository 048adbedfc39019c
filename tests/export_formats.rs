//! Export: TimelineJS JSON that reads back as it was, CSV rows with dates as given and as
//! bounds, the chronology brief, and the `import`/`export` command lines end to end.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::Command;

use detente::export::{
    EventFilter, ExportFormat, ExportOptions, brief_html, brief_markdown, events_csv, export,
    filtered_events, timelinejs_json,
};
use detente::import::{ImportFormat, ImportOptions, import};
use detente::model::{Id, Project, validate};

fn sample() -> Project {
    detente::io::sample_project().unwrap()
}

fn fixture_project(name: &str) -> Project {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap();
    let format = detente::import::detect_format(&bytes, name).unwrap();
    import(&bytes, format, &ImportOptions::named(name))
        .unwrap()
        .project
}

fn tag_names(p: &Project, e: &detente::model::Event) -> Vec<String> {
    let lookup = p.lookup();
    e.tags
        .iter()
        .map(|t| lookup.name_of(p, *t).to_owned())
        .collect()
}

/// Detente → TimelineJS JSON → Detente keeps every event, date and group.
fn assert_timelinejs_round_trip(original: &Project) {
    let json = timelinejs_json(original, &ExportOptions::default()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // What TimelineJS needs: a list of slides, each with a start year and a headline.
    for slide in value["events"].as_array().unwrap() {
        assert!(slide["start_date"]["year"].is_i64(), "{slide}");
        assert!(slide["text"]["headline"].is_string(), "{slide}");
    }
    let back = import(
        json.as_bytes(),
        ImportFormat::TimelineJs,
        &ImportOptions::named("rt.json"),
    )
    .unwrap();
    assert!(back.report.skipped.is_empty(), "{}", back.report.to_text());
    let back = back.project;
    assert!(validate(&back).is_empty());
    assert_eq!(back.events.len(), original.events.len());
    assert_eq!(back.title, original.title);
    for e in &original.events {
        let b = back
            .events
            .iter()
            .find(|x| x.id == e.id)
            .unwrap_or_else(|| panic!("{} lost", e.id));
        assert_eq!(b.date, e.date, "{}", e.id);
        assert_eq!(b.title, e.title, "{}", e.id);
        assert_eq!((b.kind, b.status), (e.kind, e.status), "{}", e.id);
        assert_eq!(b.description, e.description, "{}", e.id);
        assert_eq!(tag_names(&back, b), tag_names(original, e), "{}", e.id);
    }
    assert_eq!(back.periods.len(), original.periods.len());
}

#[test]
fn timelinejs_round_trip_keeps_events_dates_and_groups() {
    assert_timelinejs_round_trip(&sample());
    assert_timelinejs_round_trip(&fixture_project("tljs_edge.json"));
    assert_timelinejs_round_trip(&fixture_project("timeline_app_2x.timeline"));
}

#[test]
fn timelinejs_without_detente_extras_still_reads_dates_and_groups() {
    let original = fixture_project("tljs_edge.json");
    let json = timelinejs_json(&original, &ExportOptions::default()).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    for slide in value["events"].as_array_mut().unwrap() {
        slide
            .as_object_mut()
            .unwrap()
            .remove(detente::import::TIMELINEJS_EXTRA_KEY);
    }
    let back = import(
        value.to_string().as_bytes(),
        ImportFormat::TimelineJs,
        &ImportOptions::default(),
    )
    .unwrap()
    .project;
    for e in &original.events {
        let b = back.events.iter().find(|x| x.id == e.id).unwrap();
        assert_eq!(b.date.edtf, e.date.edtf, "{}", e.id);
        assert_eq!(tag_names(&back, b).first(), tag_names(&original, e).first());
    }
}

#[test]
fn csv_has_a_row_per_event_and_reads_back() {
    let p = sample();
    let bytes = events_csv(&p, &EventFilter::default()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &header[..5],
        ["id", "date", "wording", "earliest", "latest"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), p.events.len());
    let miami = rows.iter().find(|r| &r[0] == "ev-miami-talks").unwrap();
    assert_eq!(&miami[1], "2025-12-20/2025-12-21");
    assert_eq!(&miami[2], "this weekend");
    assert_eq!((&miami[3], &miami[4]), ("2025-12-20", "2025-12-21"));
    assert_eq!(&miami[7], "expected");
    assert!(miami[8].contains("Steve Witkoff"), "{miami:?}");
    assert!(miami[14].contains("Xinhua"), "{miami:?}");

    let back = import(&bytes, ImportFormat::Csv, &ImportOptions::named("rt.csv")).unwrap();
    assert!(back.report.skipped.is_empty(), "{}", back.report.to_text());
    let back = back.project;
    for e in &p.events {
        let b = back.events.iter().find(|x| x.id == e.id).unwrap();
        assert_eq!(
            (b.date.edtf, &b.title, b.kind, b.status),
            (e.date.edtf, &e.title, e.kind, e.status)
        );
        assert_eq!(b.participants.len(), e.participants.len(), "{}", e.id);
    }
}

#[test]
fn brief_lists_events_in_date_order_with_citations() {
    let p = sample();
    let md = brief_markdown(&p, &ExportOptions::default());
    let order: Vec<usize> = filtered_events(&p, &EventFilter::default())
        .iter()
        .map(|e| {
            md.find(&format!("— {}", e.title.replace('#', "\\#")))
                .unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "not in date order");
    assert!(
        md.contains("## Chronology") && md.contains("## Positions") && md.contains("## Sources")
    );
    assert!(md.contains("Politico"), "attribution chain missing");
    assert!(md.contains("reported as “this weekend”"));
    assert!(md.contains("> “"), "no quoted excerpt");

    let witkoff = p
        .actors
        .iter()
        .find(|a| a.name == "Steve Witkoff")
        .unwrap()
        .id;
    let options = ExportOptions {
        filter: EventFilter {
            actors: vec![witkoff],
            ..EventFilter::default()
        },
        title: Some("Witkoff <brief>".into()),
    };
    let html = brief_html(&p, &options);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Witkoff &lt;brief&gt;</title>"));
    let kept = filtered_events(&p, &options.filter).len();
    assert!(kept > 0 && kept < p.events.len());
    assert_eq!(
        html.matches("<h3>").count() - positions_for(&p, &options.filter),
        kept
    );
}

fn positions_for(p: &Project, filter: &EventFilter) -> usize {
    let holders: Vec<Id> = filtered_events(p, filter)
        .iter()
        .flat_map(|e| e.participant_ids())
        .collect();
    p.positions
        .iter()
        .filter(|x| holders.contains(&x.holder))
        .count()
}

#[test]
fn export_by_format_name() {
    let p = sample();
    for f in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_name(f.name()), Some(f));
        assert!(!export(&p, f, &ExportOptions::default()).unwrap().is_empty());
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn command_line_import_and_export() {
    let exe = env!("CARGO_BIN_EXE_detente");
    let dir = temp_dir("io");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = dir.join("imported.detente.ron");
    let run = |args: &[&std::ffi::OsStr]| Command::new(exe).args(args).output().unwrap();

    let output = run(&[
        "import".as_ref(),
        fixtures.join("events_dmy.csv").as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--mapping".as_ref(),
        fixtures.join("mapping_dmy.json").as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("detected csv"), "{stdout}");
    assert!(stdout.contains("imported 2 events"), "{stdout}");
    assert!(stdout.contains("line 5: date \"12/20/2025\""), "{stdout}");
    assert!(detente::io::load_project(&out).is_ok());

    // Merging the same file again removes its events as duplicates.
    let output = run(&[
        "import".as_ref(),
        fixtures.join("events_dmy.csv").as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--mapping".as_ref(),
        fixtures.join("mapping_dmy.json").as_os_str(),
        "--into".as_ref(),
        out.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("2 duplicate events removed"), "{stdout}");
    assert_eq!(detente::io::load_project(&out).unwrap().events.len(), 2);

    // A spreadsheet is refused and nothing is written.
    let xlsx = dir.join("book.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04rest").unwrap();
    let refused = dir.join("refused.ron");
    let output = run(&[
        "import".as_ref(),
        xlsx.as_os_str(),
        "-o".as_ref(),
        refused.as_os_str(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("spreadsheet"));
    assert!(!refused.exists());

    for (format, file) in [
        ("markdown", "brief.md"),
        ("html", "brief.html"),
        ("csv", "events.csv"),
        ("timelinejs", "t.json"),
    ] {
        let target = dir.join(file);
        let output = run(&[
            "export".as_ref(),
            out.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            target.as_os_str(),
            "--from".as_ref(),
            "2025-12".as_ref(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = std::fs::read_to_string(&target).unwrap();
        assert!(text.contains("Berlin talks"), "{format}: {text}");
    }
    let output = run(&[
        "export".as_ref(),
        out.as_os_str(),
        "--format".as_ref(),
        "png".as_ref(),
        "-o".as_ref(),
        dir.join("x.png").as_os_str(),
    ]);
    assert!(!output.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
