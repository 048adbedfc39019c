//! Spreadsheets (xlsx, xls, ods) through the CSV column mapping: the sheet chosen, the
//! header found under a title, date cells read as dates, rows reported as the sheet numbers
//! them, damaged and protected files refused with a reason; and `detente import` on them.
//! The fixtures are made by `tests/fixtures/sheets/make.py`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::Command;

use detente::import::{
    CsvMapping, DateFormat, ImportError, ImportFormat, ImportOptions, Imported, PositionUnit,
    detect_format, detect_format_with_reason, import, preview, sheet_names, sheet_summaries,
};
use detente::model::validate;
use proptest::prelude::*;

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap()
}

fn run(name: &str, options: &ImportOptions) -> Imported {
    let imported = import(&fixture(name), ImportFormat::Spreadsheet, options).unwrap();
    let problems = validate(&imported.project);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    imported
}

fn titles(imported: &Imported) -> Vec<String> {
    imported
        .project
        .events
        .iter()
        .map(|e| e.title.to_string())
        .collect()
}

fn dates(imported: &Imported) -> Vec<String> {
    imported
        .project
        .events
        .iter()
        .map(|e| e.date.edtf_text())
        .collect()
}

#[test]
fn workbooks_are_detected_by_their_content() {
    for (name, what) in [
        ("meetings.xlsx", "xlsx"),
        ("istanbul.xls", "xls"),
        ("summits.ods", "ods"),
    ] {
        // The extension does not decide: a workbook named .csv is still one.
        let (format, reason) = detect_format_with_reason(&fixture(name), "renamed.csv").unwrap();
        assert_eq!(format, ImportFormat::Spreadsheet, "{name}");
        assert!(reason.contains(what), "{name}: {reason}");
    }
    let docx = detect_format(&fixture("letter.docx"), "letter.docx").unwrap_err();
    assert!(docx.to_string().contains("Word"), "{docx}");
    let protected = detect_format(&fixture("protected.xlsx"), "protected.xlsx").unwrap_err();
    assert!(
        protected
            .to_string()
            .contains("is protected with a password;"),
        "{protected}"
    );
}

#[test]
fn the_first_sheet_is_read_from_its_header_under_a_title_and_a_blank_row() {
    assert_eq!(
        sheet_names(&fixture("meetings.xlsx")).unwrap(),
        ["Meetings", "Calls"]
    );
    let summaries = sheet_summaries(&fixture("meetings.xlsx")).unwrap();
    assert_eq!(summaries[0].num_rows, 7);
    assert_eq!(summaries[0].header_row, Some(3));
    assert_eq!(summaries[1].num_rows, 4);
    assert_eq!(summaries[1].header_row, Some(1));

    let imported = run("meetings.xlsx", &ImportOptions::named("meetings.xlsx"));
    let report = imported.report.to_text();
    assert_eq!(imported.report.format_used, ImportFormat::Spreadsheet);
    assert_eq!(
        titles(&imported),
        [
            "Witkoff meets Dmitriev",
            "Talks in Geneva",
            "Putin receives Witkoff"
        ],
        "{report}"
    );
    // Date cells are dates; one with a time keeps it.
    assert_eq!(
        dates(&imported),
        ["2025-11-03", "2025-11-30T14:30:00", "2025-12-02"]
    );
    assert_eq!(imported.event_rows, [4, 5, 7]);
    // The date typed as text is not guessed: its row is skipped, named as the sheet names it.
    let skipped = &imported.report.skipped;
    assert_eq!(skipped.len(), 1, "{report}");
    assert_eq!(skipped[0].line_or_row, 6);
    assert_eq!(skipped[0].unit, PositionUnit::Row);
    assert!(
        report.contains("skipped: sheet “Meetings”, row 6: invalid EDTF date \"18 Dec 2025\""),
        "{report}"
    );
    // The error cell is read as empty, with a warning that says where.
    assert!(
        report.contains("sheet “Meetings”, row 7: column E: the cell holds the error #N/A"),
        "{report}"
    );
    assert!(
        report.contains("Read sheet “Meetings” with its header on row 3"),
        "{report}"
    );
    // A spreadsheet is not text: no encoding is named.
    assert!(!report.contains("Read as"), "{report}");
    assert!(report.starts_with("format: spreadsheet"), "{report}");
    let geneva = &imported.project.events[1];
    assert_eq!(geneva.participants.len(), 2);
}

#[test]
fn another_sheet_and_a_mapping_by_its_names() {
    let mut options = ImportOptions::named("meetings.xlsx");
    options.sheet = Some("Calls".to_owned());
    options.mapping = Some(
        CsvMapping::from_json(
            r#"{"date_format": "YYYY-MM-DD", "columns": {"date": "When", "title": "Headline", "actors": "Who"}}"#,
        )
        .unwrap(),
    );
    let imported = run("meetings.xlsx", &options);
    assert_eq!(
        titles(&imported),
        [
            "Trump and Putin speak by phone",
            "Zelensky at the White House",
            "Call on the 28-point plan"
        ]
    );
    assert_eq!(dates(&imported), ["2025-10-16", "2025-10-17", "2025-11-21"]);
    assert_eq!(imported.event_rows, [2, 3, 4]);
    // The preview shows the sheet's rows.
    let rows = preview(
        &fixture("meetings.xlsx"),
        ImportFormat::Spreadsheet,
        &options,
        2,
    )
    .unwrap();
    let at: Vec<usize> = rows.iter().map(|r| r.line_or_row).collect();
    assert_eq!(at, [2, 3]);
    assert_eq!(rows[0].unit, PositionUnit::Row);
}

#[test]
fn a_header_row_given_by_hand() {
    // Row 1 as the header: the title is the only name, and no column is named like a date.
    let mut options = ImportOptions::named("meetings.xlsx");
    options.header_row = Some(1);
    let err = import(
        &fixture("meetings.xlsx"),
        ImportFormat::Spreadsheet,
        &options,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no column named like a date"),
        "{err}"
    );
    options.header_row = Some(3);
    assert_eq!(run("meetings.xlsx", &options).project.events.len(), 3);
    options.header_row = Some(99);
    let err = import(
        &fixture("meetings.xlsx"),
        ImportFormat::Spreadsheet,
        &options,
    )
    .unwrap_err();
    assert!(err.to_string().contains("has no row 99"), "{err}");
}

#[test]
fn xls_and_ods_date_columns() {
    let xls = run("istanbul.xls", &ImportOptions::named("istanbul.xls"));
    assert_eq!(
        dates(&xls),
        ["2025-05-16", "2025-06-02", "2025-07-23"],
        "{}",
        xls.report.to_text()
    );
    assert_eq!(xls.event_rows, [2, 3, 4]);
    assert_eq!(xls.project.events[0].title, "Istanbul talks");
    let ods = run("summits.ods", &ImportOptions::named("summits.ods"));
    assert_eq!(
        dates(&ods),
        ["2025-08-15", "2025-08-18"],
        "{}",
        ods.report.to_text()
    );
    assert_eq!(ods.project.events[0].title, "Alaska summit");
}

#[test]
fn broken_and_refused_workbooks_say_why() {
    let err = |name: &str, options: &ImportOptions| -> ImportError {
        import(&fixture(name), ImportFormat::Spreadsheet, options).unwrap_err()
    };
    let plain = ImportOptions::named("x");
    let truncated = err("truncated.xlsx", &plain).to_string();
    assert!(truncated.contains("damaged or incomplete"), "{truncated}");
    let protected = err("protected.xlsx", &plain).to_string();
    assert!(
        protected.starts_with("the workbook is protected with a password;"),
        "{protected}"
    );
    let mut options = ImportOptions::named("x");
    options.sheet = Some("Minutes".to_owned());
    let missing = err("meetings.xlsx", &options).to_string();
    assert!(
        missing.contains("no sheet “Minutes”; its sheets are “Meetings”, “Calls”"),
        "{missing}"
    );
    let docx = err("letter.docx", &plain).to_string();
    assert!(docx.contains("not a spreadsheet"), "{docx}");
    let text = import(b"date,title\n", ImportFormat::Spreadsheet, &plain).unwrap_err();
    assert!(text.to_string().contains("not a spreadsheet"), "{text}");
    let mut mapping = CsvMapping {
        date_format: DateFormat::Iso,
        ..CsvMapping::default()
    };
    mapping.columns.date = Some(detente::import::ColumnRef::Name("Nope".into()));
    options.sheet = None;
    options.mapping = Some(mapping);
    let unmapped = err("meetings.xlsx", &options).to_string();
    assert!(
        unmapped.contains("\"Nope\" is not in the file's header"),
        "{unmapped}"
    );
}

/// `detente import` on a workbook: the sheet by name, a header row, errors naming the file.
#[test]
fn the_command_line_imports_a_sheet() {
    let dir = std::env::temp_dir().join(format!("detente-sheets-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("calls.detente.ron");
    let mapping = dir.join("calls.json");
    std::fs::write(
        &mapping,
        r#"{"columns": {"date": "When", "title": "Headline", "actors": "Who"}}"#,
    )
    .unwrap();
    let detente = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_detente"))
            .arg("import")
            .args(args)
            .output()
            .unwrap()
    };
    let book = path("meetings.xlsx");
    let run = detente(&[
        book.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--sheet".as_ref(),
        "Calls".as_ref(),
        "--header-row".as_ref(),
        "1".as_ref(),
        "--mapping".as_ref(),
        mapping.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("detected spreadsheet"), "{stdout}");
    assert!(stdout.contains("imported 3 events"), "{stdout}");
    assert!(!stdout.contains("Read as"), "{stdout}");
    let project = detente::io::load_project(&out).unwrap();
    assert_eq!(project.events.len(), 3);

    // Without --sheet: the first sheet, its header found; the skipped row named.
    let first = dir.join("meetings.detente.ron");
    let run = detente(&[book.as_os_str(), "-o".as_ref(), first.as_os_str()]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}");
    assert!(stdout.contains("sheet “Meetings”, row 6"), "{stdout}");

    let run = detente(&[
        book.as_os_str(),
        "-o".as_ref(),
        dir.join("x.detente.ron").as_os_str(),
        "--sheet".as_ref(),
        "Minutes".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("meetings.xlsx"), "{stderr}");
    assert!(
        stderr.contains("its sheets are “Meetings”, “Calls”"),
        "{stderr}"
    );

    let truncated = path("truncated.xlsx");
    let run = detente(&[
        truncated.as_os_str(),
        "-o".as_ref(),
        dir.join("y.detente.ron").as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("truncated.xlsx") && stderr.contains("damaged or incomplete"),
        "{stderr}"
    );

    // --sheet on a text file is a mistake, said as one.
    let csv = dir.join("a.csv");
    std::fs::write(&csv, "date,title\n2025-01-01,x\n").unwrap();
    let run = detente(&[
        csv.as_os_str(),
        "-o".as_ref(),
        dir.join("z.detente.ron").as_os_str(),
        "--sheet".as_ref(),
        "Calls".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("--sheet and --header-row are for spreadsheets"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every workbook fixture, cut to its first 6 KB or whole.
fn seeds() -> Vec<Vec<u8>> {
    [
        "meetings.xlsx",
        "istanbul.xls",
        "summits.ods",
        "truncated.xlsx",
    ]
    .into_iter()
    .map(fixture)
    .collect()
}

/// An import of `bytes` as a spreadsheet is an error or a valid project: never a panic out
/// of it (a panic inside the reader is caught and is an error).
fn check(bytes: &[u8]) {
    let mut options = ImportOptions::named("fuzz.xlsx");
    if let Ok(imported) = import(bytes, ImportFormat::Spreadsheet, &options) {
        assert!(validate(&imported.project).is_empty());
    }
    options.sheet = Some("Calls".to_owned());
    options.header_row = Some(2);
    let _ = preview(bytes, ImportFormat::Spreadsheet, &options, 5);
    let _ = sheet_summaries(bytes);
    let _ = detect_format(bytes, "fuzz.xlsx");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_after_a_workbook_magic_never_panic(
        zip in any::<bool>(),
        rest in proptest::collection::vec(any::<u8>(), 0..2000)
    ) {
        let mut bytes = if zip { b"PK\x03\x04".to_vec() } else { b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec() };
        bytes.extend_from_slice(&rest);
        check(&bytes);
    }

    /// Real workbooks with a few bytes changed, inserted or removed.
    #[test]
    fn mutated_workbooks_never_panic(
        which in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let files = seeds();
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
}
