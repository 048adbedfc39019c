//! Issue 15, item 1: text imports in UTF-16 (Excel's "Unicode text"), Windows-1252 and
//! other encodings, detected or chosen, named in the report; through `import` and
//! `detente import --encoding`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use detente::import::{
    EncodingChoice, ImportError, ImportFormat, ImportOptions, Imported, detect_format, import,
    import_stream, preview,
};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encodings")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

fn titles(imported: &Imported) -> Vec<String> {
    imported
        .project
        .events
        .iter()
        .map(|e| e.title.to_string())
        .collect()
}

fn auto(name: &str) -> Imported {
    let bytes = fixture(name);
    let format = detect_format(&bytes, name).unwrap();
    let imported = import(&bytes, format, &ImportOptions::named(name)).unwrap();
    assert!(detente::model::validate(&imported.project).is_empty());
    imported
}

#[test]
fn excel_unicode_text_is_utf16le_with_a_byte_order_mark() {
    let bytes = fixture("excel_unicode_text.txt");
    assert_eq!(detect_format(&bytes, "x.txt").unwrap(), ImportFormat::Csv);
    let imported = auto("excel_unicode_text.txt");
    assert_eq!(
        titles(&imported),
        [
            "Talks in Genève on the ceasefire",
            "Communiqué on the grain corridor"
        ]
    );
    let report = imported.report.to_text();
    assert!(
        report.contains("Read as UTF-16LE (byte order mark)"),
        "{report}"
    );
}

#[test]
fn utf16be_csv_is_read() {
    let imported = auto("utf16be.csv");
    assert_eq!(titles(&imported), ["Talks in Genève", "Meeting in Zürich"]);
    assert_eq!(
        imported.report.input_notes,
        ["Read as UTF-16BE (byte order mark)"]
    );
}

#[test]
fn windows_1252_csv_is_detected() {
    let imported = auto("windows1252.csv");
    assert_eq!(
        titles(&imported),
        [
            "\u{201c}Talks\u{201d} in Genève on a €2bn fund",
            "Café summit ends"
        ]
    );
    assert_eq!(
        imported.report.input_notes,
        ["Read as Windows-1252 (detected)"]
    );
}

#[test]
fn a_chosen_encoding_wins_and_utf8_chosen_on_ansi_says_where() {
    let bytes = fixture("windows1252.csv");
    let mut options = ImportOptions::named("windows1252.csv");
    options.encoding = EncodingChoice::from_label("iso-8859-15").unwrap();
    let imported = import(&bytes, ImportFormat::Csv, &options).unwrap();
    assert_eq!(
        imported.report.input_notes,
        ["Read as ISO-8859-15 (chosen)"]
    );
    options.encoding = EncodingChoice::from_label("utf-8").unwrap();
    let err = import(&bytes, ImportFormat::Csv, &options).unwrap_err();
    assert_eq!(err, ImportError::NotUtf8 { line: 2, col: 12 });
    assert!(err.to_string().contains("save it as UTF-8"), "{err}");
    // The preview reads as the import does.
    options.encoding = EncodingChoice::Auto;
    let rows = preview(&bytes, ImportFormat::Csv, &options, 5).unwrap();
    assert_eq!(rows[1].title, "Café summit ends");
}

#[test]
fn xml_whose_declaration_names_another_encoding_is_read() {
    // roxmltree gets UTF-8 text whatever the declaration says: Latin-1, UTF-16.
    for name in ["latin1.timeline", "utf16.timeline"] {
        let imported = auto(name);
        assert_eq!(titles(&imported), ["Réunion à Genève"], "{name}");
        assert_eq!(imported.report.format_used, ImportFormat::TimelineApp);
    }
    assert_eq!(
        auto("latin1.timeline").report.input_notes,
        ["Read as Windows-1252 (detected)"]
    );
}

#[test]
fn timelinejs_in_utf16_is_read_as_a_stream_and_whole_alike() {
    let json = r#"{"title": {"text": {"headline": "Genève"}}, "events": [
        {"start_date": {"year": "2025", "month": "6", "day": "1"},
         "text": {"headline": "Pourparlers à Genève €"}}]}"#;
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
    let options = ImportOptions::named("t.json");
    assert_eq!(
        detect_format(&bytes, "t.json").unwrap(),
        ImportFormat::TimelineJs
    );
    let whole = import(&bytes, ImportFormat::TimelineJs, &options).unwrap();
    let (head, rest) = bytes.split_at(7); // inside a character: the decoder carries it over
    let streamed = import_stream(head, &mut &rest[..], ImportFormat::TimelineJs, &options);
    let streamed = streamed.unwrap();
    assert_eq!(titles(&whole), ["Pourparlers à Genève €"]);
    assert_eq!(titles(&streamed), titles(&whole));
    assert_eq!(streamed.report.to_text(), whole.report.to_text());
    // Latin-1 TimelineJS, streamed: detected from the head.
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(json);
    let streamed = import_stream(&latin, &mut &b""[..], ImportFormat::TimelineJs, &options);
    assert_eq!(titles(&streamed.unwrap()), ["Pourparlers à Genève €"]);
}

#[test]
fn utf16_without_a_byte_order_mark_is_detected_and_binary_still_refused() {
    let text = "date,title\n2025-06-01,Talks in Genève\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let imported = import(&bytes, ImportFormat::Csv, &ImportOptions::named("x.csv")).unwrap();
    assert_eq!(titles(&imported), ["Talks in Genève"]);
    assert_eq!(imported.report.input_notes, ["Read as UTF-16LE (detected)"]);
    let err = detect_format(b"abc\0\0\0def\0\x01\x02", "x.bin").unwrap_err();
    assert!(err.to_string().contains("binary"), "{err}");
    assert_eq!(detect_format(b"\xFF\xFE", "x.csv"), Err(ImportError::Empty));
}

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-enc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_line_detects_and_takes_encoding() {
    let dir = temp_dir("cli");
    let out = dir.join("out.detente.ron");
    let input = fixture_path("windows1252.csv");
    let (input, out_s) = (input.to_str().unwrap(), out.to_str().unwrap());
    let run = detente(&["import", input, "-o", out_s]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("Read as Windows-1252 (detected)"),
        "{stdout}"
    );
    let run = detente(&[
        "import",
        input,
        "-o",
        out_s,
        "--force",
        "--encoding",
        "latin1",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("Read as Windows-1252 (chosen)"), "{stdout}");
    let run = detente(&[
        "import",
        input,
        "-o",
        out_s,
        "--force",
        "--encoding",
        "utf-8",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("line 2, column 12"), "{stderr}");
    let run = detente(&["import", input, "-o", out_s, "--encoding", "klingon"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("unknown encoding") && stderr.contains("windows-1252"),
        "{stderr}"
    );
    let excel = fixture_path("excel_unicode_text.txt");
    let run = detente(&["import", excel.to_str().unwrap(), "-o", out_s, "--force"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("Read as UTF-16LE (byte order mark)"),
        "{stdout}"
    );
}

#[test]
fn intake_reads_a_windows_1252_report() {
    let dir = temp_dir("intake");
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_report.txt"),
    )
    .unwrap();
    let text = format!("{seed}\nTalks in Genève.\n");
    let (ansi, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let path = dir.join("report.txt");
    std::fs::write(&path, &ansi).unwrap();
    let run = detente(&["intake", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.starts_with("Read as Windows-1252 (detected)"),
        "{stdout}"
    );
    let run = detente(&["intake", path.to_str().unwrap(), "--encoding", "utf-8"]);
    assert!(!run.status.success());
}
