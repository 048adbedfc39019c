//! Skip reports and the preview name a row by the line an editor shows it on (1-based), for
//! LF and CRLF files, with and without a header, with blank lines between rows (issue 11:
//! CRLF files were reported one line early, and so was the first data row after a header).

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::import::{CsvMapping, ImportFormat, ImportOptions, Imported, import};

/// The lines of the skipped rows and of the imported events, in the report's order.
fn lines(imported: &Imported) -> (Vec<usize>, Vec<usize>) {
    let skipped = imported
        .report
        .skipped
        .iter()
        .map(|s| s.line_or_row)
        .collect();
    (skipped, imported.event_rows.clone())
}

/// Imports `lf` as given and with CRLF line ends, and checks both against the lines.
fn check(
    lf: &str,
    format: ImportFormat,
    mapping: Option<&str>,
    skipped: &[usize],
    events: &[usize],
) {
    for (ends, text) in [("LF", lf.to_owned()), ("CRLF", lf.replace('\n', "\r\n"))] {
        let mut options = ImportOptions::named("lines");
        options.mapping = mapping.map(|m| CsvMapping::from_json(m).unwrap());
        let imported = import(text.as_bytes(), format, &options).unwrap();
        let (got_skipped, got_events) = lines(&imported);
        assert_eq!(
            (got_skipped.as_slice(), got_events.as_slice()),
            (skipped, events),
            "{format} with {ends} line ends: {}",
            imported.report.to_text()
        );
    }
}

#[test]
fn csv_with_a_header() {
    // The first data row (line 2) is the bad one: it was reported as line 1 with CRLF.
    let text = "date,title\n0000-00-00,first\n2025-01-02,b\n\n\nbad,c\n\"2025-01-04\",\"two\nlines\"\nworse,e\n";
    check(text, ImportFormat::Csv, None, &[2, 6, 9], &[3, 7]);
}

#[test]
fn csv_without_a_header() {
    let mapping =
        r#"{"has_header": false, "date_format": "YYYY-MM-DD", "columns": {"date": 1, "title": 2}}"#;
    let text = "bad,a\n2025-01-02,b\n\n2025-13-40,c\n2025-01-04,d\n";
    check(text, ImportFormat::Csv, Some(mapping), &[1, 4], &[2, 5]);
}

#[test]
fn icews_with_a_header() {
    let text = "Event ID\tEvent Date\tSource Name\tEvent Text\tTarget Name\n\
                1\t0000-00-00\tRussia\tMake a visit\tChina\n\
                2\t2025-05-08\tRussia\tMake a visit\tChina\n\
                \n\
                3\tnot a date\tUSA\tConsult\tUkraine\n\
                4\t2025-02-28\tUSA\tConsult\tUkraine\n";
    check(text, ImportFormat::Icews, None, &[2, 5], &[3, 6]);
}

#[test]
fn icews_without_a_header() {
    let text = "Russia,Make a visit,China,2025-05-08\n\
                USA,Consult,Ukraine,someday\n\
                \n\
                USA,Consult,Ukraine,2025-02-28\n";
    check(text, ImportFormat::Icews, None, &[2], &[1, 4]);
}

/// A GDELT 2.0 row: an id, a date, two actors, a CAMEO code and the date added.
fn gdelt2_row(id: u64, date: &str) -> String {
    let mut f = vec![String::new(); 61];
    f[0] = id.to_string();
    f[1] = date.into();
    f[5] = "USA".into();
    f[6] = "UNITED STATES".into();
    f[7] = "USA".into();
    f[15] = "RUS".into();
    f[16] = "RUSSIA".into();
    f[17] = "RUS".into();
    f[26] = "046".into();
    f[59] = "20251220103000".into();
    f[60] = format!("https://example.org/{id}");
    f.join("\t")
}

#[test]
fn gdelt_rows() {
    let text = format!(
        "{}\n{}\n\nshort\trow\n{}\n",
        gdelt2_row(1, "20251220"),
        gdelt2_row(2, "2025122x"),
        gdelt2_row(3, "20251221"),
    );
    check(&text, ImportFormat::Gdelt2, None, &[2, 4], &[1, 5]);
}
