//! `detente generate --events N -o FILE [--seed S]`: a synthetic project for benchmarks and
//! stress tests, saved atomically like any project.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::generate::generate_project;
use crate::io::save_project;

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// How many events to generate.
    #[arg(long, value_name = "N")]
    pub events: usize,
    /// The project file to write (replaced atomically).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The seed: the same seed and count give the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: &GenerateArgs) -> ExitCode {
    let started = Instant::now();
    let project = generate_project(args.events, args.seed);
    if let Err(err) = save_project(&project, &args.output) {
        eprintln!("{err}");
        return ExitCode::FAILURE;
    }
    let size = std::fs::metadata(&args.output).map_or(0, |m| m.len());
    let message = format!(
        "{}: {} events, {} actors, {} locations, {} claims, {:.1} MB in {:.2} s",
        args.output.display(),
        project.events.len(),
        project.actors.len(),
        project.locations.len(),
        project.claims.len(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if writeln!(std::io::stdout(), "{message}").is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
