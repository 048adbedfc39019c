//! Loading generated projects of 1k, 100k and 1M events, and the memory they hold after load.
//!
//! `cargo bench --bench load` generates the files into a temporary directory, prints a memory
//! report once, then times with criterion:
//! - `open/N`: `Document::open`, what the app does on File ▸ Open: read, parse, validate,
//!   and build the lookup, the timeline index and the per-actor and per-location counts;
//! - `load_project/N`: read, parse and validate only.
//!
//! Dropping the loaded project is not timed. The memory report runs each measurement in a
//! fresh child process (this same binary, re-run with `DETENTE_BENCH_MEMORY=FILE`), so that
//! ids interned by an earlier load in the process are not missing from its count.

#![allow(clippy::unwrap_used)]
// benches may unwrap: a panic is a failure with its reason

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use detente::app::{Document, Origin};

#[path = "common/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{COUNTING, IN_USE, PEAK};

const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];
const SEED: u64 = 1;
const CHILD_ENV: &str = "DETENTE_BENCH_MEMORY";

fn main() {
    if let Ok(file) = std::env::var(CHILD_ENV) {
        memory_child(Path::new(&file));
        return;
    }
    let files = generate_files();
    memory_report(&files);

    let mut criterion = Criterion::default().configure_from_args();
    bench_loads(&mut criterion, &files);
    criterion.final_summary();
    if let Some((_, path)) = files.first()
        && let Some(dir) = path.parent()
    {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The generated files, newly written on every run (the canonical layout may have changed).
fn generate_files() -> Vec<(usize, PathBuf)> {
    let dir = std::env::temp_dir().join(format!("detente-bench-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    SIZES
        .iter()
        .map(|&n| {
            let path = dir.join(format!("generated-{n}.detente.ron"));
            let started = Instant::now();
            let project = detente::generate::generate_project(n, SEED);
            detente::io::save_project(&project, &path).unwrap();
            let bytes = std::fs::metadata(&path).unwrap().len();
            println!(
                "generated {n} events: {:.1} MB, {:.0} bytes per event, in {:.1} s",
                bytes as f64 / 1e6,
                bytes as f64 / n as f64,
                started.elapsed().as_secs_f64()
            );
            (n, path)
        })
        .collect()
}

/// Runs `memory_child` for 100k and 1M events, each in a fresh process, and prints its line.
fn memory_report(files: &[(usize, PathBuf)]) {
    let exe = std::env::current_exe().unwrap();
    for (n, path) in files.iter().filter(|(n, _)| *n >= 100_000) {
        let output = std::process::Command::new(&exe)
            .env(CHILD_ENV, path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "memory measurement of {n} events failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        print!("{}", String::from_utf8_lossy(&output.stdout));
    }
}

/// Opens `file` as the app does and prints the bytes still allocated per event afterwards:
/// the project alone, then with what `Document` derives from it.
fn memory_child(file: &Path) {
    let rss_before = rss_kib();
    COUNTING.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let project = detente::io::load_project(file).unwrap();
    let project_bytes = IN_USE.load(Ordering::SeqCst);
    let doc = Document::new(project, Origin::File(file.to_path_buf()));
    let elapsed = started.elapsed();
    COUNTING.store(false, Ordering::SeqCst);
    let in_use = IN_USE.load(Ordering::SeqCst);
    let peak = PEAK.load(Ordering::SeqCst);
    let rss_after = rss_kib();
    let n = doc.project().events.len() as f64;
    println!(
        "memory after opening {n} events: {:.0} bytes per event allocated ({:.0} the project, \
         {:.0} derived; {:.1} MB in all, peak {:.1} MB during the load); \
         RSS grew by {:.0} bytes per event; opened in {:.2} s",
        in_use as f64 / n,
        project_bytes as f64 / n,
        (in_use - project_bytes) as f64 / n,
        in_use as f64 / 1e6,
        peak as f64 / 1e6,
        (rss_after.saturating_sub(rss_before) * 1024) as f64 / n,
        elapsed.as_secs_f64()
    );
    black_box(&doc);
    memory_breakdown(doc.project());
}

/// What each part derived from the project costs, built again one at a time (the bytes each
/// leaves allocated), and the sizes of the model's main types.
fn memory_breakdown(project: &detente::model::Project) {
    let n = project.events.len() as f64;
    let measure = |name: &str, build: &dyn Fn() -> Box<dyn std::any::Any>| {
        let before = IN_USE.load(Ordering::SeqCst);
        COUNTING.store(true, Ordering::SeqCst);
        let built = build();
        COUNTING.store(false, Ordering::SeqCst);
        let bytes = IN_USE.load(Ordering::SeqCst) - before;
        println!("  {name}: {:.1} bytes per event", bytes as f64 / n);
        drop(built);
    };
    measure("event index", &|| {
        Box::new(detente::layout::EventIndex::build(&project.events))
    });
    measure("lookup", &|| Box::new(project.lookup()));
    let lookup = project.lookup();
    measure("claim index", &|| {
        Box::new(detente::query::ClaimIndex::new(project, &lookup))
    });
    println!(
        "  size_of: Event {}, DateSpec {}, Participation {}, EventPlace {}, Claim {}",
        size_of::<detente::model::Event>(),
        size_of::<detente::model::DateSpec>(),
        size_of::<detente::model::Participation>(),
        size_of::<detente::model::EventPlace>(),
        size_of::<detente::model::Claim>(),
    );
}

/// The resident set size of this process, from `/proc/self/status` (0 where there is none).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn bench_loads(c: &mut Criterion, files: &[(usize, PathBuf)]) {
    let mut group = c.benchmark_group("open");
    for (n, path) in files {
        configure(&mut group, *n, path);
        group.bench_with_input(BenchmarkId::from_parameter(n), path, |b, path| {
            b.iter_with_large_drop(|| Document::open(path).unwrap());
        });
    }
    group.finish();
    let mut group = c.benchmark_group("load_project");
    for (n, path) in files {
        configure(&mut group, *n, path);
        group.bench_with_input(BenchmarkId::from_parameter(n), path, |b, path| {
            b.iter_with_large_drop(|| detente::io::load_project(path).unwrap());
        });
    }
    group.finish();
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
    path: &Path,
) {
    group.throughput(Throughput::Bytes(std::fs::metadata(path).unwrap().len()));
    if n >= 1_000_000 {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(3))
            .measurement_time(Duration::from_mins(1));
    } else if n >= 100_000 {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(10));
    } else {
        group
            .sample_size(50)
            .sampling_mode(SamplingMode::Auto)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
    }
}
