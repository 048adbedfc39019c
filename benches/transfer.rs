//! Exports and imports of 100k and 1M events: time, and memory beside the loaded project.
//!
//! `cargo bench --bench transfer` generates the projects in memory, prints a memory report
//! once, then times with criterion (throughput in events):
//! - `export/FORMAT/N`: CSV, TimelineJS JSON, and the Markdown and HTML briefs, streamed into
//!   a file in a temporary folder through [`detente::io::write_atomically_with`], as
//!   `detente export` and the app write them;
//! - `import/FORMAT/N`: the TimelineJS and CSV files that export wrote, read back from disk
//!   by [`detente::import::import_stream`], what `detente import` does (TimelineJS as a
//!   stream, CSV read whole first).
//!
//! The memory report says, for each, the peak of the bytes allocated while it ran, as a
//! multiple of the loaded project (issue 11's target: at most 2×). For the import, the loaded
//! project is the one it builds: the peak holds it and what reading needs beside it.

#![allow(clippy::unwrap_used)]
// benches may unwrap: a panic is a failure with its reason

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use detente::export::{ExportFormat, ExportOptions, export_to};
use detente::import::{HEAD_BYTES, ImportFormat, ImportOptions, Imported, import_stream};
use detente::model::Project;

#[path = "common/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{COUNTING, IN_USE, PEAK};

const SIZES: [usize; 2] = [100_000, 1_000_000];
const SEED: u64 = 1;
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Csv,
    ExportFormat::TimelineJs,
    ExportFormat::Markdown,
    ExportFormat::Html,
];

fn main() {
    let dir = std::env::temp_dir().join(format!("detente-bench-transfer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut criterion = Criterion::default().configure_from_args();
    for n in SIZES {
        // Counted from before generation, so that the ids it interns count as the project's.
        COUNTING.store(true, Ordering::SeqCst);
        let project = detente::generate::generate_project(n, SEED);
        let project_bytes = IN_USE.load(Ordering::SeqCst);
        COUNTING.store(false, Ordering::SeqCst);
        println!(
            "{n} events: the project holds {:.1} MB ({:.0} bytes per event)",
            project_bytes as f64 / 1e6,
            project_bytes as f64 / n as f64
        );
        let timeline = dir.join(format!("{n}.json"));
        let csv = dir.join(format!("{n}.csv"));
        for format in FORMATS {
            let path = dir.join(format!("{n}.{}", format.extension()));
            let (peak, secs) = measure(|| export_file(&project, format, &path));
            let size = std::fs::metadata(&path).unwrap().len();
            report(
                &format!("export {format}"),
                n,
                project_bytes,
                peak - project_bytes,
                secs,
            );
            println!("    wrote {:.1} MB", size as f64 / 1e6);
            match format {
                ExportFormat::TimelineJs => std::fs::rename(&path, &timeline).unwrap(),
                ExportFormat::Csv => std::fs::rename(&path, &csv).unwrap(),
                _ => {}
            }
        }
        bench_exports(&mut criterion, n, &project, &dir);
        drop(project);

        for (format, path) in [
            (ImportFormat::TimelineJs, &timeline),
            (ImportFormat::Csv, &csv),
        ] {
            let base = IN_USE.load(Ordering::SeqCst);
            let mut imported_bytes = 0;
            let (peak, secs) = measure(|| {
                let imported = import_file(path, format);
                imported_bytes = IN_USE.load(Ordering::SeqCst) - base;
                assert_eq!(imported.project.events.len(), n);
            });
            report(
                &format!("import {}", format.name()),
                n,
                imported_bytes,
                peak - base - imported_bytes,
                secs,
            );
            bench_import(&mut criterion, n, format, path);
        }
    }
    criterion.final_summary();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `work` once with the allocator counting: the peak of bytes in use while it ran, and
/// its wall time.
fn measure(work: impl FnOnce()) -> (isize, f64) {
    PEAK.store(IN_USE.load(Ordering::SeqCst), Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let started = Instant::now();
    work();
    let secs = started.elapsed().as_secs_f64();
    COUNTING.store(false, Ordering::SeqCst);
    (PEAK.load(Ordering::SeqCst), secs)
}

fn report(what: &str, n: usize, project_bytes: isize, extra_bytes: isize, secs: f64) {
    println!(
        "  {what} of {n} events: peak {:.1} MB beside the project ({:.2}× the project in all), \
         {:.0} events/s in this one run",
        extra_bytes as f64 / 1e6,
        (project_bytes + extra_bytes) as f64 / project_bytes as f64,
        n as f64 / secs
    );
}

fn export_file(project: &Project, format: ExportFormat, path: &Path) {
    detente::io::write_atomically_with(path, |out| {
        export_to(project, format, &ExportOptions::default(), out)
    })
    .unwrap();
}

fn import_file(path: &Path, format: ImportFormat) -> Imported {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path).unwrap();
    let mut head = Vec::new();
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .unwrap();
    let options = ImportOptions {
        file_name: "bench".into(),
        ..ImportOptions::default()
    };
    import_stream(&head, &mut file, format, &options).unwrap()
}

fn bench_exports(c: &mut Criterion, n: usize, project: &Project, dir: &Path) {
    for format in FORMATS {
        let mut group = c.benchmark_group(format!("export/{format}"));
        configure(&mut group, n);
        let path = dir.join(format!("bench-{n}.{}", format.extension()));
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| export_file(black_box(project), format, path));
        });
        group.finish();
    }
}

fn bench_import(c: &mut Criterion, n: usize, format: ImportFormat, path: &PathBuf) {
    let mut group = c.benchmark_group(format!("import/{}", format.name()));
    configure(&mut group, n);
    group.bench_with_input(BenchmarkId::from_parameter(n), path, |b, path| {
        b.iter_with_large_drop(|| import_file(path, format));
    });
    group.finish();
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group
        .throughput(Throughput::Elements(n as u64))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(if n >= 1_000_000 { 60 } else { 10 }));
}
