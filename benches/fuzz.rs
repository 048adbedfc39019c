//! A time-boxed fuzz run of every parser: `cargo bench --bench fuzz -- --seconds 600`.
//!
//! Each round takes a seed (the files in `tests/fuzz_corpus/`, the test fixtures, the
//! sample project and, where `DETENTE_CORPUS` names it, other tools' files), mutates it the
//! ways that broke importers before (byte flips, insertions, truncations, deleted and
//! duplicated lines, one very long line, deep nesting, invalid UTF-8), and gives it to every
//! parser: format detection, every importer, the project loader, the EDTF and free-form date
//! parsers, column mappings and the HTML-to-text reader. A panic, or a parse slower than
//! 1 s per MB (with a floor of 0.2 s, so that start-up noise on tiny inputs does not count),
//! is a finding: the input is written to `target/fuzz-findings/` and the run exits 1.
//!
//! The property tests (`tests/import_props.rs`, `tests/parser_props.rs`) run the same
//! parsers on a fixed number of cases in every `cargo test`; this runs them for as long as
//! asked, for the 10-minute runs recorded in docs/PERFORMANCE.md.

#![allow(clippy::unwrap_used)] // a bench may unwrap: a panic is a failure with its reason

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use detente::import::{CsvMapping, ImportFormat, ImportOptions, detect_format, html_to_text};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// 1 s per MB: the issue's bound for "no input slower than".
const SECS_PER_MB: f64 = 1.0;
/// Below this a slow parse is start-up noise on a loaded 2-core machine, not a finding.
const MIN_SLOW_SECS: f64 = 0.2;
/// Seeds are cut to this size so that a round takes milliseconds and a run covers many.
const MAX_SEED_BYTES: usize = 64 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds = flag(&args, "--seconds").unwrap_or(60);
    let seed = flag(&args, "--seed").unwrap_or(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = seed_files(root);
    let findings_dir = root.join("target/fuzz-findings");
    let mut rng = StdRng::seed_from_u64(seed);
    let options = options();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut rounds, mut bytes_total, mut findings) = (0_u64, 0_u64, 0_u32);
    let mut slowest = (0.0_f64, 0_usize, String::new());
    // Panics are findings, reported once each with their input; the default hook would
    // print every one of them too.
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let (name, base) = &seeds[rng.random_range(0..seeds.len())];
        let input = mutate(base, &mut rng);
        for (parser, secs, panicked) in run_all(&input, &options) {
            let limit = (input.len() as f64 / 1e6 * SECS_PER_MB).max(MIN_SLOW_SECS);
            if secs > slowest.0 {
                slowest = (secs, input.len(), parser.to_owned());
            }
            if panicked || secs > limit {
                findings += 1;
                let what = if panicked { "panic" } else { "slow" };
                let path = findings_dir.join(format!("{what}-{parser}-{rounds}.bin"));
                std::fs::create_dir_all(&findings_dir).unwrap();
                std::fs::write(&path, &input).unwrap();
                eprintln!(
                    "{what} in {parser} ({secs:.3} s, {} bytes, from {name}): {}",
                    input.len(),
                    path.display()
                );
            }
        }
        rounds += 1;
        bytes_total += input.len() as u64;
    }
    println!(
        "fuzz: {rounds} inputs ({:.1} MB) through every parser in {seconds} s, {} seeds, seed {seed}; \
         {findings} findings; slowest parse {:.3} s ({} bytes, {})",
        bytes_total as f64 / 1e6,
        seeds.len(),
        slowest.0,
        slowest.1,
        slowest.2
    );
    if findings > 0 {
        std::process::exit(1);
    }
}

fn flag(args: &[String], name: &str) -> Option<u64> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1)?.parse().ok()
}

fn options() -> ImportOptions {
    let mut options = ImportOptions::named("fuzz");
    options.mapping = Some(
        CsvMapping::from_json(
            r#"{"has_header": true, "date_format": "YYYY-MM-DD",
                "columns": {"date": 0, "title": 1, "actors": 2, "location": 3}}"#,
        )
        .unwrap(),
    );
    options
}

/// Every parser on `input`: its name, the seconds it took and whether it panicked.
fn run_all(input: &[u8], options: &ImportOptions) -> Vec<(&'static str, f64, bool)> {
    let text = String::from_utf8_lossy(input);
    let mut results = Vec::new();
    let mut time = |name: &'static str, parse: &mut dyn FnMut()| {
        let started = Instant::now();
        let panicked = catch_unwind(AssertUnwindSafe(parse)).is_err();
        results.push((name, started.elapsed().as_secs_f64(), panicked));
    };
    time("detect", &mut || {
        let _ = detect_format(input, "fuzz.txt");
        let _ = detect_format(input, "fuzz.timeline");
    });
    for format in ImportFormat::ALL {
        time(format_name(format), &mut || {
            let _ = detente::import::import(input, format, options);
        });
    }
    time("project", &mut || {
        let _ = detente::io::load_project_bytes(input, "fuzz.detente.ron");
    });
    // The one-line parsers see each line, as a form field would get it.
    time("dates", &mut || {
        for line in text.lines().take(200) {
            let _ = detente::model::DateSpec::parse(line);
            let _ = detente::model::parse_date_input(line);
        }
    });
    time("mapping", &mut || {
        let _ = CsvMapping::from_json(&text);
    });
    time("html", &mut || {
        let _ = html_to_text(&text);
    });
    results
}

fn format_name(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::TimelineJs => "timelinejs",
        ImportFormat::TimelineApp => "timeline",
        ImportFormat::Csv => "csv",
        ImportFormat::Gdelt1 => "gdelt1",
        ImportFormat::Gdelt2 => "gdelt2",
        ImportFormat::Icews => "icews",
        ImportFormat::Spreadsheet => "spreadsheet",
        ImportFormat::Parquet => "parquet",
    }
}

/// The seeds: name and first [`MAX_SEED_BYTES`] bytes of each file.
fn seed_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = vec![root.join("assets/sample.detente.ron")];
    for dir in [root.join("tests/fuzz_corpus"), root.join("tests/fixtures")]
        .into_iter()
        .chain(std::env::var_os("DETENTE_CORPUS").map(PathBuf::from))
    {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            paths.extend(entries.filter_map(Result::ok).map(|e| e.path()));
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, bytes[..bytes.len().min(MAX_SEED_BYTES)].to_vec()))
        })
        .collect()
}

/// One to eight of the mutations that broke importers before.
fn mutate(base: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for _ in 0..rng.random_range(1..=8) {
        let at = if bytes.is_empty() {
            0
        } else {
            rng.random_range(0..bytes.len())
        };
        match rng.random_range(0..9) {
            0 if !bytes.is_empty() => bytes[at] = rng.random(),
            1 => bytes.insert(at, rng.random()),
            2 => bytes.truncate(at),
            3 => delete_line(&mut bytes, at),
            4 => duplicate_line(&mut bytes, at),
            // One very wide row: a delimiter repeated (the wide-row stall of issue 11).
            5 => {
                let delimiter = [b',', b'\t', b';', b'"'][rng.random_range(0..4)];
                let count = rng.random_range(1_000..200_000);
                bytes.splice(at..at, std::iter::repeat_n(delimiter, count));
            }
            // Deep nesting, for the JSON, XML and RON readers.
            6 => {
                let (open, close): (&[u8], &[u8]) = [
                    (&b"["[..], &b"]"[..]),
                    (b"{\"a\":", b"}"),
                    (b"<e>", b"</e>"),
                    (b"(", b")"),
                ][rng.random_range(0..4)];
                let depth = rng.random_range(10..5_000);
                let mut nested = open.repeat(depth);
                nested.extend(close.repeat(depth));
                bytes.splice(at..at, nested);
            }
            // Invalid UTF-8 and characters across byte boundaries.
            7 => {
                bytes.splice(at..at, [0xE2, 0x82, 0xC3, 0xA9, 0xFF, 0xF0, 0x9F]);
            }
            // A byte the formats care about, many times.
            _ => {
                let byte = b"\n\r\"<>&/.-~?:,\t"[rng.random_range(0..14)];
                let count = rng.random_range(1..64);
                bytes.splice(at..at, std::iter::repeat_n(byte, count));
            }
        }
    }
    bytes
}

fn line_bounds(bytes: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(bytes.len());
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i + 1);
    (start, end)
}

fn delete_line(bytes: &mut Vec<u8>, at: usize) {
    let (start, end) = line_bounds(bytes, at);
    bytes.drain(start..end);
}

fn duplicate_line(bytes: &mut Vec<u8>, at: usize) {
    let (start, end) = line_bounds(bytes, at);
    let line = bytes[start..end].to_vec();
    bytes.splice(end..end, line);
}
