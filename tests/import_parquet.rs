//! Parquet slices (issue 16): the presets import real-shaped files, a GDELT row from Parquet
//! is the same row from a GDELT 2.0 TSV, the slice flags push down into partitions, row
//! groups and rows, and bad input is refused with the file's name, nothing imported.
//! Fixtures: tests/fixtures/parquet, written by its make.py.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use detente::import::parquet::{Slice, import_bytes, import_path};
use detente::import::{ImportFormat, ImportOptions, Imported, import};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parquet")
        .join(name)
}

fn options(name: &str) -> ImportOptions {
    ImportOptions::named(name)
}

fn slice_import(name: &str, slice: &Slice) -> Imported {
    import_path(&fixture(name), &options(name), slice).unwrap()
}

fn titles(imported: &Imported) -> Vec<String> {
    imported
        .project
        .events
        .iter()
        .map(|e| e.title.to_string())
        .collect()
}

fn day(text: &str) -> Option<u32> {
    let day = Slice::parse_day(text);
    assert!(day.is_ok(), "{text}: {day:?}");
    day.ok()
}

#[test]
fn a_gdelt_row_from_parquet_is_the_same_row_from_a_gdelt_tsv() {
    let from_parquet = slice_import("gdelt_events.parquet", &Slice::default());
    let tsv = std::fs::read(fixture("gdelt_events.tsv")).unwrap();
    let from_tsv = import(&tsv, ImportFormat::Gdelt2, &options("gdelt_events.parquet")).unwrap();
    let (p, t) = (&from_parquet.project, &from_tsv.project);
    assert_eq!(p.events.len(), 12);
    assert_eq!(p.events, t.events);
    assert_eq!(p.actors, t.actors);
    assert_eq!(p.locations, t.locations);
    assert_eq!(p.claims, t.claims);
    assert_eq!(from_parquet.event_rows, from_tsv.event_rows);
    assert_eq!(from_parquet.report.format_used, ImportFormat::Parquet);
    assert!(from_parquet.report.skipped.is_empty());
    assert!(detente::model::validate(p).is_empty());
}

#[test]
fn the_slice_reads_only_the_days_and_actor_asked_for() {
    let slice = Slice {
        from: day("2025-12-19"),
        to: day("2025-12-19"),
        actor: Some("usa".into()),
        ..Slice::default()
    };
    let imported = slice_import("gdelt_events.parquet", &slice);
    // Rows 4 and 6: the 19th with USA on either side (5 is USAGOV, a code of its own).
    assert_eq!(imported.event_rows.len(), 2, "{:?}", titles(&imported));
    assert!(
        imported
            .project
            .events
            .iter()
            .all(|e| e.date.edtf_text() == "2025-12-19")
    );
    let stats = imported.report.parquet.clone().unwrap();
    // Row groups of 4 rows sorted by day: the third (20th, 20th, 21st, 21st) is ruled out by
    // its SQLDATE statistics and never read.
    assert_eq!(
        (stats.row_groups_read, stats.row_groups_skipped),
        (2, 1),
        "{stats:?}"
    );
    assert_eq!((stats.rows_scanned, stats.rows_matched), (8, 2));
    assert!(
        imported
            .report
            .to_text()
            .contains("1 skipped by statistics")
    );

    // An actor outside every actor column's min/max rules a row group out too.
    let swiss = slice_import(
        "gdelt_events.parquet",
        &Slice {
            actor: Some("CHE".into()),
            ..Slice::default()
        },
    );
    let stats = swiss.report.parquet.unwrap();
    assert!(stats.row_groups_skipped >= 1, "{stats:?}");
}

#[test]
fn actor_names_country_event_code_and_limit_slice_too() {
    let by_name = slice_import(
        "gdelt_events.parquet",
        &Slice {
            actor: Some("Ukraine".into()),
            ..Slice::default()
        },
    );
    // Named UKRAINE on either side: rows 3, 4, 7 and 12 (11 is coded UKR but named KYIV).
    assert_eq!(by_name.project.events.len(), 4, "{:?}", titles(&by_name));
    let consults = slice_import(
        "gdelt_events.parquet",
        &Slice {
            event_code: Some("04".into()),
            ..Slice::default()
        },
    );
    assert_eq!(consults.project.events.len(), 5, "{:?}", titles(&consults));
    let swiss = slice_import(
        "gdelt_events.parquet",
        &Slice {
            country: Some("CHE".into()),
            ..Slice::default()
        },
    );
    assert_eq!(swiss.project.events.len(), 1);
    let limited = slice_import(
        "gdelt_events.parquet",
        &Slice {
            limit: Some(3),
            ..Slice::default()
        },
    );
    assert_eq!(limited.project.events.len(), 3);
}

#[test]
fn hive_partitions_outside_the_dates_are_not_opened_and_mentions_become_reports() {
    let slice = Slice {
        from: day("2025-12-19"),
        to: day("2025-12-19"),
        ..Slice::default()
    };
    let imported = slice_import("gdelt_hive", &slice);
    let stats = imported.report.parquet.clone().unwrap();
    assert_eq!(imported.project.events.len(), 4);
    assert_eq!(stats.files_skipped, 3, "{stats:?}");
    // One day's events file and the mentions file.
    assert_eq!(stats.files_read, 2, "{stats:?}");
    // Events 4, 5 and 6 of the 19th have two mentions each; the others are not in the slice.
    let event = imported
        .project
        .events
        .iter()
        .find(|e| e.id == "gdelt-1275000004")
        .unwrap();
    assert_eq!(event.reported.len(), 2);
    assert_eq!(
        event.claims.len(),
        3,
        "the dataset's claim and two articles'"
    );
    let outlets: Vec<&str> = imported
        .project
        .sources
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert!(outlets.contains(&"reuters.com") && outlets.contains(&"bbc.co.uk"));
    let reuters = imported
        .project
        .claims
        .iter()
        .find(|c| c.url.as_deref() == Some("https://reuters.com/world/1275000004-0"))
        .unwrap();
    assert_eq!(
        reuters.published.as_ref().unwrap().edtf_text(),
        "2025-12-19"
    );
    let text = imported.report.to_text();
    assert!(text.contains("6 added as reports"), "{text}");
    // "1 mention", "7 mentions": the noun agrees with the count.
    let left_out = text
        .split("; ")
        .find(|p| p.contains("of events not in the slice left out"))
        .unwrap_or_else(|| panic!("{text}"));
    let n: usize = left_out.split(' ').next().unwrap().parse().unwrap();
    let noun = if n == 1 { "mention" } else { "mentions" };
    assert!(
        left_out.starts_with(&format!("{n} {noun} of")),
        "{left_out}"
    );
    assert!(detente::model::validate(&imported.project).is_empty());
}

#[test]
fn acled_polecat_and_mapped_tables_import() {
    let acled = slice_import("acled.parquet", &Slice::default());
    assert_eq!(acled.project.events.len(), 3);
    let agreement = &acled.project.events[1];
    assert_eq!(agreement.id, "acled-UKR1002");
    assert_eq!(agreement.date.edtf_text(), "2025-12-19");
    assert_eq!(agreement.kind.label(), "agreement");
    assert!(agreement.title.contains("Government of Ukraine"));
    assert_eq!(agreement.participants.len(), 2);
    assert!(
        acled.project.events[0]
            .description
            .contains("No casualties")
    );
    assert_eq!(acled.event_rows, vec![1, 2, 3]);

    let polecat = slice_import("polecat.parquet", &Slice::default());
    assert_eq!(polecat.project.events.len(), 3, "{:?}", titles(&polecat));
    assert_eq!(polecat.project.events[0].kind.label(), "meeting");
    let trump = slice_import(
        "polecat.parquet",
        &Slice {
            actor: Some("donald trump".into()),
            ..Slice::default()
        },
    );
    assert_eq!(titles(&trump), ["Volodymyr Zelensky → Donald Trump: agree"]);

    let mapped = slice_import("mapped.parquet", &Slice::default());
    assert_eq!(titles(&mapped)[0], "Witkoff and Dmitriev meet in Miami");
    assert_eq!(mapped.project.events[0].date.edtf_text(), "2025-12-18");
    for imported in [&acled, &polecat, &mapped] {
        assert!(detente::model::validate(&imported.project).is_empty());
        assert_eq!(imported.report.format_used, ImportFormat::Parquet);
    }
}

#[test]
fn bad_input_is_refused_naming_the_file() {
    let err = |name: &str, slice: &Slice| {
        import_path(&fixture(name), &options(name), slice)
            .unwrap_err()
            .to_string()
    };
    let e = err("gdelt_no_event_code.parquet", &Slice::default());
    assert!(
        e.contains("gdelt_no_event_code.parquet") && e.contains("\"EventCode\""),
        "{e}"
    );
    let e = err("empty_dir", &Slice::default());
    assert!(
        e.contains("empty_dir") && e.contains("no .parquet file"),
        "{e}"
    );
    let e = err(
        "gdelt_events.parquet",
        &Slice {
            actor: Some("ATLANTIS".into()),
            ..Slice::default()
        },
    );
    assert!(
        e.contains("gdelt_events.parquet") && e.contains("no row falls in the slice"),
        "{e}"
    );
    let e = err("brotli.parquet", &Slice::default());
    assert!(e.contains("BROTLI") && e.contains("brotli.parquet"), "{e}");
    let e = err(
        "acled.parquet",
        &Slice {
            event_code: Some("Protests".into()),
            country: Some("Atlantis".into()),
            ..Slice::default()
        },
    );
    assert!(e.contains("no row falls"), "{e}");

    let bytes = std::fs::read(fixture("gdelt_events.parquet")).unwrap();
    let truncated = import_bytes(
        &bytes[..bytes.len() / 2],
        &options("cut.parquet"),
        &Slice::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(truncated.contains("cut.parquet"), "{truncated}");
}

/// Imports `bytes` as Parquet: any outcome but a panic will do.
fn check(bytes: &[u8]) {
    let _ = import_bytes(bytes, &options("mutated.parquet"), &Slice::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mutated_parquet_bytes_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = std::fs::read(fixture("gdelt_events.parquet")).unwrap();
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        check(&bytes);
    }
}

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-parquet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_line_imports_a_slice_and_refuses_slice_flags_for_other_formats() {
    let dir = temp_dir("cli");
    let out = dir.join("slice.detente.ron");
    let hive = fixture("gdelt_hive");
    let run = detente(&[
        "import",
        hive.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--from",
        "2025-12-18",
        "--to",
        "2025-12-19",
        "--actor",
        "USA",
        "--event-code",
        "04",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("format: parquet"), "{stdout}");
    assert!(stdout.contains("parquet: read"), "{stdout}");
    assert!(out.exists());

    let tsv = fixture("gdelt_events.tsv");
    let refused = detente(&[
        "import",
        tsv.to_str().unwrap(),
        "-o",
        dir.join("x.detente.ron").to_str().unwrap(),
        "--actor",
        "USA",
    ]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--actor slices Parquet datasets only")
    );

    let bad = detente(&[
        "import",
        hive.to_str().unwrap(),
        "-o",
        dir.join("y.detente.ron").to_str().unwrap(),
        "--from",
        "19/12/2025",
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--from"));
    assert!(!dir.join("y.detente.ron").exists());

    let empty = fixture("empty_dir");
    let none = detente(&[
        "import",
        empty.to_str().unwrap(),
        "-o",
        dir.join("z.detente.ron").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert!(!none.status.success());
    assert!(
        stderr.contains("empty_dir") && stderr.contains("no .parquet file"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn progress_counts_the_rows_to_scan_and_cancel_stops_the_import() {
    let options = ImportOptions::named("gdelt_hive");
    let slice = Slice {
        from: day("2025-12-19"),
        ..Slice::default()
    };
    let imported = import_path(&fixture("gdelt_hive"), &options, &slice).unwrap();
    let (done, total) = options.work.progress.get();
    // The 19th, 20th and 21st: 9 event rows known from the footers before any was read.
    assert_eq!((done, total), (9, 9));
    assert_eq!(imported.project.events.len(), 9);

    let cancelled = ImportOptions::named("gdelt_hive");
    cancelled.work.cancel.cancel();
    let err = import_path(&fixture("gdelt_hive"), &cancelled, &slice).unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
}

#[test]
fn a_daily_file_in_the_days_asked_for_is_not_tested_by_day_and_gives_the_same_rows() {
    // Each day's file of gdelt_hive holds one SQLDATE, inside --from/--to: its rows are not
    // tested by day (the date is not decoded for the filter), only by actor, and the slice
    // is the one of the single file, whose row groups mix days and are tested by day.
    let slice = Slice {
        from: day("2025-12-19"),
        to: day("2025-12-20"),
        actor: Some("usa".into()),
        ..Slice::default()
    };
    let hive = slice_import("gdelt_hive", &slice);
    let single = slice_import("gdelt_events.parquet", &slice);
    let ids = |i: &Imported| -> Vec<String> {
        let mut ids: Vec<String> = i.project.events.iter().map(|e| e.id.to_string()).collect();
        ids.sort();
        ids
    };
    assert!(!ids(&single).is_empty());
    assert_eq!(ids(&hive), ids(&single));
    // The days alone: every row of the two files, no row filter at all.
    let days = Slice {
        from: day("2025-12-19"),
        to: day("2025-12-20"),
        ..Slice::default()
    };
    let hive = slice_import("gdelt_hive", &days);
    let single = slice_import("gdelt_events.parquet", &days);
    assert_eq!(ids(&hive), ids(&single));
    assert!(
        hive.project
            .events
            .iter()
            .all(|e| ["2025-12-19", "2025-12-20"].contains(&e.date.edtf_text().as_str()))
    );
}
