//! One very wide row must not slow every later row. The csv crate's `records()` iterator
//! hands out a copy of its buffer per row, and the copy carried the field-end table of the
//! widest row read so far: after a row of a million delimiters, every later row copied
//! 8 MB (a 1 MB CSV took 12 s). The work is measured here as the bytes the import
//! allocates, counted by this test binary's allocator, not as time: a file with one wide
//! row may cost a small multiple of that row's size more than the same file without it,
//! never that size again for every later row.

#![allow(clippy::unwrap_used)]
// tests may unwrap: a panic is a failure with its reason
// A counting global allocator cannot be written without `unsafe`: it only forwards to the
// system allocator and adds to a counter.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use detente::import::{ImportFormat, ImportOptions, import};

/// Counts the bytes each thread asks for (growth only for `realloc`), so that tests
/// running at once on other threads do not add to each other's counts.
struct CountingAlloc;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: the thread-local is gone while a thread is being torn down.
    let _ = ALLOCATED.try_with(|a| a.set(a.get().saturating_add(bytes)));
}

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

/// Delimiters in the wide row: its field-end table is 800 kB, so 2,000 later rows that
/// each copy it allocate 1.6 GB, against a few MB for the whole import without copies.
const WIDE_FIELDS: usize = 100_000;
/// Rows after the wide one.
const LATER_ROWS: usize = 2_000;
/// What one wide row may add to an import's allocations, per byte of that row: its
/// buffers grow by doubling (at most 2 × 1 byte of text and 2 × 8 bytes of field end per
/// delimiter), plus room for the row's event; 64 leaves room and is still 30 times less
/// than the copies cost.
const ALLOWED_PER_WIDE_BYTE: usize = 64;

/// Bytes allocated on this thread while importing `text` as `format`.
fn allocated_by_import(text: &str, format: ImportFormat) -> usize {
    let before = ALLOCATED.with(Cell::get);
    let imported = import(text.as_bytes(), format, &ImportOptions::named("wide")).unwrap();
    let after = ALLOCATED.with(Cell::get);
    assert!(imported.report.num_events >= LATER_ROWS, "{imported:?}");
    after - before
}

/// The import of `head + wide + later` costs little more than that of `head + later`.
fn assert_wide_row_costs_once(format: ImportFormat, head: &str, wide: &str, later: &str) {
    let plain = allocated_by_import(&format!("{head}{later}"), format);
    let with_wide = allocated_by_import(&format!("{head}{wide}{later}"), format);
    let extra = with_wide.saturating_sub(plain);
    assert!(
        extra <= ALLOWED_PER_WIDE_BYTE * wide.len(),
        "{format}: one wide row of {} bytes added {extra} bytes of allocations ({plain} without it)",
        wide.len()
    );
}

fn later_rows(row: impl Fn(usize) -> String) -> String {
    (0..LATER_ROWS).map(row).collect()
}

#[test]
fn a_wide_csv_row_does_not_slow_later_rows() {
    let wide = format!("2020-01-01,wide{}\n", ",".repeat(WIDE_FIELDS));
    let later = later_rows(|i| format!("2020-01-{:02},Meeting {i}\n", 1 + i % 28));
    assert_wide_row_costs_once(ImportFormat::Csv, "date,title\n", &wide, &later);
}

#[test]
fn a_wide_csv_header_does_not_slow_later_rows() {
    let head = format!("date,title{}\n", ",".repeat(WIDE_FIELDS));
    let later = later_rows(|i| format!("2020-01-{:02},Meeting {i}\n", 1 + i % 28));
    let plain = allocated_by_import(&format!("date,title\n{later}"), ImportFormat::Csv);
    let wide = allocated_by_import(&format!("{head}{later}"), ImportFormat::Csv);
    assert!(
        wide.saturating_sub(plain) <= ALLOWED_PER_WIDE_BYTE * head.len(),
        "a header of {} bytes added {} bytes of allocations",
        head.len(),
        wide.saturating_sub(plain)
    );
}

#[test]
fn a_wide_icews_row_does_not_slow_later_rows() {
    let head = "Event ID\tEvent Date\tSource Name\tEvent Text\tCAMEO Code\tTarget Name\n";
    let wide = format!(
        "1\t2020-01-01\tRussia\tMake statement\t010\tUkraine{}\n",
        "\t".repeat(WIDE_FIELDS)
    );
    let later = later_rows(|i| {
        format!(
            "{}\t2020-01-{:02}\tRussia\tConsult\t040\tUkraine\n",
            i + 2,
            1 + i % 28
        )
    });
    assert_wide_row_costs_once(ImportFormat::Icews, head, &wide, &later);
}

#[test]
fn a_wide_gdelt_row_does_not_slow_later_rows() {
    let row = |id: usize| {
        let mut fields = vec![String::new(); 58];
        fields[0] = id.to_string();
        fields[1] = "20200101".into();
        fields[5] = "RUS".into();
        fields[6] = "RUSSIA".into();
        fields[26] = "040".into();
        fields[56] = "20200101".into();
        let mut line = fields.join("\t");
        line.push('\n');
        line
    };
    let mut wide = row(1);
    wide.pop();
    let _ = writeln!(wide, "{}", "\t".repeat(WIDE_FIELDS));
    let later = later_rows(|i| row(i + 2));
    assert_wide_row_costs_once(ImportFormat::Gdelt1, "", &wide, &later);
}

/// A refusal names a few of a wide header's columns, not all of them: a message of
/// megabytes would stall the import dialog that shows it.
#[test]
fn a_wide_header_is_refused_in_a_short_message() {
    let names: Vec<String> = (0..WIDE_FIELDS).map(|i| format!("column {i}")).collect();
    let text = format!("{}\n1,2\n", names.join(","));
    let err = import(
        text.as_bytes(),
        ImportFormat::Csv,
        &ImportOptions::named("wide"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.len() < 1_000,
        "{} bytes: {}",
        err.len(),
        err.chars().take(200).collect::<String>()
    );
    assert!(
        err.contains("column 0, column 1,") && err.contains("… and 99980 more"),
        "{err}"
    );
}
