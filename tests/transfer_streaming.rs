//! Exports and the TimelineJS import stream (issue 11, item 13): at 1M events they held the
//! whole output, or the whole input as a tree of JSON values, in memory (TimelineJS export
//! 4.46 GB, import 4.74 GB). This binary counts allocations, so that a test can say how much
//! memory an export or an import needs beside the project: a fixed buffer and one event's
//! text, not a multiple of the file.

#![allow(clippy::unwrap_used)]
// tests may unwrap: a panic is a failure with its reason

use std::io::{self, Read, Write};
use std::sync::Mutex;
use std::sync::atomic::Ordering;

use detente::export::{ExportFormat, ExportOptions, export, export_to};
use detente::import::{
    HEAD_BYTES, ImportError, ImportFormat, ImportOptions, import, import_stream,
};
use detente::model::Project;

#[path = "../benches/common/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{COUNTING, IN_USE, PEAK};

/// The counters are global: tests that measure take turns.
static MEASURING: Mutex<()> = Mutex::new(());

/// The most bytes `work` had allocated at once beyond what was allocated when it started
/// (other threads' allocations count too: the tests that measure hold `MEASURING`).
fn peak_extra_bytes<T>(work: impl FnOnce() -> T) -> (T, isize) {
    let start = IN_USE.load(Ordering::SeqCst);
    PEAK.store(start, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let result = work();
    COUNTING.store(false, Ordering::SeqCst);
    (result, PEAK.load(Ordering::SeqCst) - start)
}

/// 20,000 events: big enough that holding the output (3–12 MB) would dwarf the fixed costs
/// (the 256 KiB write buffer, the sort keys of 24 bytes per event, the name lookup).
const NUM_EVENTS: usize = 20_000;

fn project() -> Project {
    detente::generate::generate_project(NUM_EVENTS, 7)
}

/// Counts what is written and keeps nothing, like a file on disk.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn exports_hold_a_fraction_of_their_output_in_memory() {
    let _turn = MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let small = detente::generate::generate_project(NUM_EVENTS / 4, 7);
    let large = project();
    for format in [
        ExportFormat::Csv,
        ExportFormat::TimelineJs,
        ExportFormat::Markdown,
        ExportFormat::Html,
    ] {
        let measure = |p: &Project| {
            peak_extra_bytes(|| {
                let mut out = Counter(0);
                export_to(p, format, &ExportOptions::default(), &mut out).unwrap();
                out.0 as isize
            })
        };
        let (written_small, extra_small) = measure(&small);
        let (written_large, extra_large) = measure(&large);
        // What grows with the events: before streaming, the whole output and more
        // (TimelineJS: 7.5× the file, as a tree of values); now the sort keys (24 bytes an
        // event) against 150–600 bytes of text an event. The fixed costs (the 1,000 names
        // of the lookup, one event's text) cancel out in the difference.
        let grown = extra_large - extra_small;
        let written = written_large - written_small;
        assert!(
            grown * 2 < written,
            "{format}: memory grew by {grown} bytes for {written} more bytes written"
        );
    }
}

/// A TimelineJS file of the generated project, as the exporter writes it.
fn timeline_json(p: &Project) -> Vec<u8> {
    export(p, ExportFormat::TimelineJs, &ExportOptions::default()).unwrap()
}

/// Hands out at most `chunk` bytes per read, so that a slide, a string or a `\u` escape is
/// cut at every place across reads.
struct Trickle<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.chunk.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn stream(bytes: &[u8], chunk: usize) -> Result<detente::import::Imported, ImportError> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let mut rest = Trickle {
        bytes: &bytes[head.len()..],
        chunk,
    };
    import_stream(
        head,
        &mut rest,
        ImportFormat::TimelineJs,
        &ImportOptions::named("t.json"),
    )
}

fn saved(p: &Project) -> String {
    detente::io::to_ron_string(p).unwrap()
}

#[test]
fn a_streamed_timelinejs_import_reads_what_the_whole_text_reads() {
    // The sample has eras, groups, media, escapes and non-ASCII text; the generated project
    // is long enough to cross many reads.
    let sample = detente::io::sample_project().unwrap();
    for p in [sample, detente::generate::generate_project(300, 3)] {
        let bytes = timeline_json(&p);
        let whole = import(
            &bytes,
            ImportFormat::TimelineJs,
            &ImportOptions::named("t.json"),
        )
        .unwrap();
        for chunk in [1, 7, 4096] {
            let streamed = stream(&bytes, chunk).unwrap();
            assert_eq!(
                saved(&streamed.project),
                saved(&whole.project),
                "chunk {chunk}"
            );
            assert_eq!(streamed.report.to_text(), whole.report.to_text());
        }
    }
}

#[test]
fn a_streamed_timelinejs_import_holds_the_project_not_the_file() {
    let _turn = MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let p = project();
    let bytes = timeline_json(&p);
    let head = &bytes[..HEAD_BYTES];
    let ((imported, project_bytes), extra) = peak_extra_bytes(|| {
        let start = IN_USE.load(Ordering::SeqCst);
        let imported = import_stream(
            head,
            &mut &bytes[HEAD_BYTES..],
            ImportFormat::TimelineJs,
            &ImportOptions::named("t.json"),
        )
        .unwrap();
        let project_bytes = IN_USE.load(Ordering::SeqCst) - start;
        (imported, project_bytes)
    });
    assert_eq!(imported.project.events.len(), NUM_EVENTS);
    // Before: the file's text and its tree of values, several times the file; now the
    // project and what the builder needs beside it, under 2× the project (issue 11).
    assert!(
        extra < 2 * project_bytes,
        "{extra} bytes at peak for a project of {project_bytes} bytes"
    );
    let beside = extra - project_bytes;
    assert!(
        beside * 2 < bytes.len() as isize,
        "{beside} bytes beside the project at peak, for a file of {} bytes",
        bytes.len()
    );
}

#[test]
fn a_read_error_midway_is_an_import_error_with_the_reason() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("the network drive went away"))
        }
    }
    let head = br#"{"events": [{"start_date": {"year": 2025}, "text": {"headline": "a"}}, "#;
    let err = import_stream(
        head,
        &mut Failing,
        ImportFormat::TimelineJs,
        &ImportOptions::named("t.json"),
    )
    .unwrap_err();
    assert!(
        matches!(&err, ImportError::Read(m) if m.contains("the network drive went away")),
        "{err}"
    );
}

#[test]
fn a_streamed_syntax_error_names_its_line_and_column() {
    let text = "{\n  \"events\": [\n    {\"start_date\": {\"year\": 2025}},\n    {\"start_date\": }\n  ]\n}";
    let err = stream(text.as_bytes(), 3).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Syntax {
                line: 4,
                col: 20,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_streamed_root_that_is_not_a_timeline_says_so() {
    for (text, wanted) in [
        ("[1, 2, 3]", "this JSON is not an object"),
        ("{\"title\": {}, \"events\": 3}", "\"events\" is not a list"),
        ("{\"other\": [1]}", "no \"events\" list"),
    ] {
        let err = stream(text.as_bytes(), 2).unwrap_err();
        assert!(err.to_string().contains(wanted), "{text}: {err}");
    }
}

#[test]
fn a_streamed_import_with_a_row_limit_stops_at_the_limit() {
    // The preview's limit on a streamed file: the rest is only checked to be JSON.
    let bytes = timeline_json(&detente::generate::generate_project(3_000, 5));
    let head = &bytes[..HEAD_BYTES.min(bytes.len())];
    let options = ImportOptions {
        max_rows: Some(7),
        ..ImportOptions::named("t.json")
    };
    let imported = import_stream(
        head,
        &mut &bytes[head.len()..],
        ImportFormat::TimelineJs,
        &options,
    )
    .unwrap();
    assert_eq!(imported.project.events.len(), 7);
    assert_eq!(imported.report.rows_read, 7);
}

#[test]
fn blank_first_bytes_of_a_long_input_are_not_an_empty_file() {
    // A GDELT file whose first row is 70,000 tabs starts with 64 KiB of blanks; read as a
    // stream it was refused as "the file is empty".
    let row = "X\t".repeat(57) + "X\n";
    let gdelt = "\t".repeat(70_000) + "\n" + &row;
    let head = &gdelt.as_bytes()[..HEAD_BYTES];
    let result = import_stream(
        head,
        &mut &gdelt.as_bytes()[HEAD_BYTES..],
        ImportFormat::Gdelt1,
        &ImportOptions::named("wide.tsv"),
    );
    assert!(
        !matches!(result, Err(ImportError::Empty)),
        "{:?}",
        result.err()
    );

    // The same for JSON: blanks, then a timeline.
    let json = " ".repeat(70_000)
        + r#"{"events": [{"start_date": {"year": 2025}, "text": {"headline": "a"}}]}"#;
    let head = &json.as_bytes()[..HEAD_BYTES];
    let imported = import_stream(
        head,
        &mut &json.as_bytes()[HEAD_BYTES..],
        ImportFormat::TimelineJs,
        &ImportOptions::named("t.json"),
    )
    .unwrap();
    assert_eq!(imported.project.events.len(), 1);

    // Blank and short: empty.
    assert!(matches!(
        import_stream(
            b"  \n ",
            &mut &b""[..],
            ImportFormat::TimelineJs,
            &ImportOptions::named("t.json")
        ),
        Err(ImportError::Empty)
    ));
}
