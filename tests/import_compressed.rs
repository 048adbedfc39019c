//! Issue 15, item 3: `.gz` and `.zip` inputs read as streams (GDELT publishes its files
//! zipped), their members chosen, their damage reported, spreadsheets left alone.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use detente::import::compressed::unpack;
use detente::import::{ImportFormat, ImportOptions, detect_format, import};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compressed")
        .join(name)
}

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-zip-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn import_file(name: &str, extra: &[&str]) -> (Output, String, String) {
    let dir = temp_dir(&name.replace('.', "-"));
    let out = dir.join("out.detente.ron");
    let input = fixture_path(name);
    let mut args = vec![
        "import",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let run = detente(&args);
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    (run, stdout, stderr)
}

#[test]
fn a_zipped_gdelt_day_file_is_imported_and_named() {
    let (run, stdout, stderr) = import_file("20250601.export.CSV.zip", &[]);
    assert!(run.status.success(), "{stderr}");
    assert!(stdout.contains("detected gdelt2"), "{stdout}");
    assert!(
        stdout
            .contains("Read member 20250601.export.CSV of the zip archive 20250601.export.CSV.zip"),
        "{stdout}"
    );
    assert!(stdout.contains("imported 3 events"), "{stdout}");
    // The dataset source names the member and the archive.
    let bytes = std::fs::read(fixture_path("20250601.export.CSV.zip")).unwrap();
    let un = unpack(&bytes, "20250601.export.CSV.zip", None)
        .unwrap()
        .unwrap();
    assert_eq!(
        detect_format(&un.bytes, &un.inner_name).unwrap(),
        ImportFormat::Gdelt2
    );
    let imported = import(
        &un.bytes,
        ImportFormat::Gdelt2,
        &ImportOptions::named(&un.label),
    )
    .unwrap();
    let source = &imported.project.sources[0].name;
    assert!(
        source.contains("member 20250601.export.CSV of the zip archive 20250601.export.CSV.zip"),
        "{source}"
    );
}

#[test]
fn gzip_files_are_imported() {
    for name in ["20250601.export.CSV.gz", "events.csv.gz"] {
        let (run, stdout, stderr) = import_file(name, &[]);
        assert!(run.status.success(), "{name}: {stderr}");
        assert!(
            stdout.contains(&format!("Read {name} (gzip-compressed)")),
            "{stdout}"
        );
    }
}

#[test]
fn a_member_is_chosen_and_the_others_listed() {
    let (run, stdout, stderr) = import_file("two_members.zip", &[]);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stdout.contains("Read member events.csv of the zip archive two_members.zip"),
        "{stdout}"
    );
    assert!(stdout.contains("more/summits.csv"), "{stdout}");
    assert!(stdout.contains("imported 2 events"), "{stdout}");
    let (run, stdout, stderr) = import_file("two_members.zip", &["--member", "more/summits.csv"]);
    assert!(run.status.success(), "{stderr}");
    assert!(stdout.contains("imported 1 event"), "{stdout}");
    let (run, _, stderr) = import_file("two_members.zip", &["--member", "nope.csv"]);
    assert!(!run.status.success());
    assert!(stderr.contains("has no member nope.csv"), "{stderr}");
}

#[test]
fn a_cut_gzip_file_is_an_error_and_nothing_is_written() {
    let dir = temp_dir("cut");
    let out = dir.join("out.detente.ron");
    let input = fixture_path("truncated.csv.gz");
    let run = detente(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("truncated.csv.gz"), "{stderr}");
    assert!(stderr.contains("damaged or cut short"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_gzip_bomb_stops_at_the_import_limit() {
    // A little over 1 GiB of blanks inside a TimelineJS array, as 1,025 gzip members of
    // 1 MiB each (a gzip file may hold several): a few kilobytes on disk, built here. The
    // streamed JSON reader skips blanks without keeping them, so only the limit stops it.
    use std::io::Write as _;
    let member = |bytes: &[u8]| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    };
    let blanks = member(&vec![b' '; 1 << 20]);
    let mut packed = member(br#"{"events": ["#);
    for _ in 0..1025 {
        packed.extend_from_slice(&blanks);
    }
    let dir = temp_dir("bomb");
    let path = dir.join("bomb.json.gz");
    std::fs::write(&path, &packed).unwrap();
    let out = dir.join("out.detente.ron");
    let run = detente(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("bomb.json.gz (gzip-compressed)"),
        "{stderr}"
    );
    assert!(stderr.contains("1 GiB"), "{stderr}");
    assert!(!out.exists());
}
