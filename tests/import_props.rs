//! No input makes an importer panic or hang: random bytes, random format-like text and
//! mutated real files give a valid project with a report, or an error.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::Path;
use std::time::{Duration, Instant};

use detente::import::{
    CsvMapping, ImportFormat, ImportOptions, detect_format, html_to_text, import, merge, preview,
};
use detente::model::validate;
use proptest::prelude::*;

fn options() -> ImportOptions {
    let mut options = ImportOptions::named("fuzz");
    options.mapping = Some(
        CsvMapping::from_json(
            r#"{"has_header": false, "date_format": "YYYY-MM-DD",
                "columns": {"date": 1, "end_date": 2, "title": 3, "actors": 4, "location": 5,
                            "latitude": 6, "longitude": 7, "kind": 8, "status": 9, "tags": 10}}"#,
        )
        .unwrap(),
    );
    options
}

/// Every format on `bytes`: an error, or a project that validates and whose counts match
/// the report. Each import must finish quickly (no hang).
fn check(bytes: &[u8]) {
    let _ = detect_format(bytes, "fuzz.txt");
    for format in ImportFormat::ALL {
        let started = Instant::now();
        let result = import(bytes, format, &options());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{format} took {:?} on {} bytes",
            started.elapsed(),
            bytes.len()
        );
        if let Ok(imported) = result {
            let problems = validate(&imported.project);
            assert!(problems.is_empty(), "{format}: {problems:?}");
            assert_eq!(imported.report.num_events, imported.project.events.len());
            assert!(imported.report.rows_read >= imported.project.events.len());
        }
    }
}

/// The fixtures, and the corpus where `DETENTE_CORPUS` names it, cut to their first 6 KB.
fn seed_files() -> Vec<Vec<u8>> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Files only: the fixtures of one format may have a folder of their own (`sheets/`).
    let mut files: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        // Folders (tests/fixtures/parquet) hold fixtures of their own.
        .filter(|p| p.is_file())
        .collect();
    if let Ok(dir) = std::env::var("DETENTE_CORPUS") {
        files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
    }
    // Folders of fixtures (encodings/, compressed/ since issue 15) have their own tests.
    files.retain(|p| p.is_file());
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            bytes[..bytes.len().min(6000)].to_vec()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1500)) {
        check(&bytes);
    }

    #[test]
    fn random_json_like_text_never_panics(
        text in r#"[{}\[\]:,"a-z0-9 \-<>/&;.]{0,300}"#
    ) {
        check(text.as_bytes());
        let wrapped = format!("{{\"events\": [{{\"start_date\": {{\"year\": {text}}}}}]}}");
        check(wrapped.as_bytes());
    }

    #[test]
    fn random_xml_like_text_never_panics(text in r"[<>/a-z_ =\x22\[\]()0-9:\-\n&;]{0,300}") {
        check(text.as_bytes());
        let wrapped = format!(
            "<timeline><version>2.0.0</version><categories/><events><event>{text}</event></events></timeline>"
        );
        check(wrapped.as_bytes());
    }

    #[test]
    fn random_delimited_rows_never_panic(
        rows in proptest::collection::vec(r#"[0-9a-z\-./" ;,\t]{0,60}"#, 0..30)
    ) {
        check(rows.join("\n").as_bytes());
        check(rows.join("\t").as_bytes());
    }

    /// Real files with a few bytes changed, inserted or removed: nearly valid inputs.
    #[test]
    fn mutated_files_never_panic(
        which in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let files = seed_files();
        let mut bytes = files[which.index(files.len())].clone();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        check(&bytes);
    }

    #[test]
    fn html_reduction_never_panics(text in r#"[<>/a-z ="'&#;0-9x\n]{0,200}"#) {
        let plain = html_to_text(&text);
        prop_assert!(!plain.contains("\n\n\n"));
        prop_assert_eq!(plain.trim(), plain.as_str());
    }
}

#[test]
fn merging_fixtures_in_turn_stays_valid() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut project = detente::io::sample_project().unwrap();
    for name in [
        "tljs_edge.json",
        "timeline_app_2x.timeline",
        "icews_sample.tab",
        "icews_headerless.csv",
    ] {
        let bytes = std::fs::read(fixtures.join(name)).unwrap();
        let format = detect_format(&bytes, name).unwrap();
        let imported = import(&bytes, format, &ImportOptions::named(name)).unwrap();
        assert!(
            !preview(&bytes, format, &ImportOptions::named(name), 2)
                .unwrap()
                .is_empty()
        );
        project = merge(&project, imported.project).0;
        assert!(
            validate(&project).is_empty(),
            "after {name}: {:?}",
            validate(&project)
        );
    }
}

/// The checked-in fuzz corpus (`tests/fuzz_corpus/`: the inputs issue 11 found, and the
/// seeds of `cargo bench --bench fuzz`) goes through every importer and the project loader.
#[test]
fn the_fuzz_corpus_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check(&bytes);
        let _ = detente::io::load_project_bytes(&bytes, "fuzz.detente.ron");
        count += 1;
    }
    assert!(count >= 7, "the corpus is there: {count} files");
}
