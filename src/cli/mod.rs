//! The command line: `detente [FILE]` opens the app; subcommands work without a window.

mod check;
mod completions;
#[cfg(debug_assertions)]
mod debug_crash;
mod export;
mod generate;
mod import;
mod import_parquet;
mod intake;
mod manpage;
mod overwrite;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "detente",
    version,
    about = "A desktop timeline viewer for analysts who follow diplomacy",
    override_usage = "detente [OPTIONS] [FILE]\n       detente [-v...] <COMMAND>"
)]
// Not `args_conflicts_with_subcommands`: it counts the global `--verbose` as the window's
// option too, so `detente -v check FILE` read `check` as FILE. The window's own options
// given with a subcommand are refused by `Cli::parse_checked` instead.
pub struct Cli {
    /// A project file to open; without one, the sample project opens.
    pub file: Option<PathBuf>,

    /// Log the CPU time of each frame to standard error.
    #[arg(long)]
    pub frame_stats: bool,

    /// Initial window size in points, e.g. 1920x1080.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<[f32; 2]>,

    /// Colour theme: dark, light or system (the default).
    #[arg(long, value_parser = ["dark", "light", "system"])]
    pub theme: Option<String>,

    /// Group the timeline into lanes from the start: participant, location, kind, status or tag.
    #[arg(long, value_parser = ["none", "participant", "location", "kind", "status", "tag"])]
    pub group_by: Option<String>,

    /// Graphics back end: glow (OpenGL, the default; five times faster than wgpu on software
    /// renderers such as Mesa's llvmpipe) or wgpu.
    #[arg(long, value_parser = ["wgpu", "glow"])]
    pub renderer: Option<String>,

    /// Open showing the project as it was known at the end of this day (e.g. 2025-12-18 or
    /// "18 Dec 2025"); read-only until Now is chosen.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<crate::query::AsOf>,

    /// Open File ▸ Add report… with this report's text (.txt, .html or .md) filled in.
    #[arg(long, value_name = "FILE")]
    pub add_report: Option<PathBuf>,

    /// Log more: -v logs info to standard error and debug to the log file, -vv debug to
    /// both. Works before or after a subcommand.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line, parsed; exits with clap's usage error when an option of the window
    /// comes with a subcommand (it would be ignored).
    pub fn parse_checked() -> Self {
        let cli = Self::parse();
        if cli.command.is_some()
            && let Some(name) = cli.window_option_given()
        {
            <Self as clap::CommandFactory>::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("{name} opens the window and cannot be used with a subcommand"),
                )
                .exit();
        }
        cli
    }

    /// The first option of the window that was given, by its name on the command line.
    fn window_option_given(&self) -> Option<&'static str> {
        [
            (self.file.is_some(), "[FILE]"),
            (self.frame_stats, "--frame-stats"),
            (self.window_size.is_some(), "--window-size"),
            (self.theme.is_some(), "--theme"),
            (self.group_by.is_some(), "--group-by"),
            (self.renderer.is_some(), "--renderer"),
            (self.as_of.is_some(), "--as-of"),
            (self.add_report.is_some(), "--add-report"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
}

/// `--as-of`: a day as the app's date fields read it.
pub(crate) fn parse_as_of(text: &str) -> Result<crate::query::AsOf, String> {
    crate::query::AsOf::parse(text)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a project file and print what it holds.
    Check {
        file: PathBuf,
        /// Print the counts as one JSON object.
        #[arg(long)]
        json: bool,
        /// Print how long loading took (to standard error).
        #[arg(long)]
        timing: bool,
    },
    /// Write a synthetic project of N events (for benchmarks and stress tests).
    Generate(generate::GenerateArgs),
    /// Import a TimelineJS, Timeline app, CSV/TSV, spreadsheet (xlsx, xls, ods), GDELT or ICEWS
    /// file as a project.
    Import(import::ImportArgs),
    /// Export a project as CSV, TimelineJS JSON, a chronology brief (Markdown, HTML) or an
    /// image of the timeline (SVG, PNG).
    Export(export::ExportArgs),
    /// Read a news report (text, HTML or Markdown) and propose its dates, claims, events and
    /// positions; with -o, add them all to a project.
    Intake(intake::IntakeArgs),
    /// Debug builds only: installs the crash hook and panics, to test crash reports.
    #[cfg(debug_assertions)]
    #[command(hide = true)]
    DebugCrash(debug_crash::DebugCrashArgs),
    /// Print a shell completion script (README.md, "Installing", says where it goes).
    Completions {
        /// The shell the script is for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page in roff, or a subcommand's page (e.g. detente manpage import).
    Manpage {
        /// A subcommand whose page to print instead of the main one.
        subcommand: Option<String>,
    },
}

impl Command {
    /// Whether the command logs to the app's log file. The subcommands log to standard
    /// error only (their runs are many and short); the crash test stands for the app.
    #[cfg_attr(not(debug_assertions), allow(clippy::unused_self))]
    pub fn logs_to_file(&self) -> bool {
        #[cfg(debug_assertions)]
        if matches!(self, Self::DebugCrash(_)) {
            return true;
        }
        false
    }
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once('x')
        .ok_or("expected WIDTHxHEIGHT, e.g. 1920x1080")?;
    let w: f32 = w
        .trim()
        .parse()
        .map_err(|_| format!("invalid width {w:?}"))?;
    let h: f32 = h
        .trim()
        .parse()
        .map_err(|_| format!("invalid height {h:?}"))?;
    if (100.0..=20_000.0).contains(&w) && (100.0..=20_000.0).contains(&h) {
        Ok([w, h])
    } else {
        Err("width and height must be between 100 and 20000".to_owned())
    }
}

/// A subcommand's report on standard output, or its error on standard error, and the exit
/// code that goes with it.
///
/// The subcommands' `eprintln!`s (here and in their files) are not logging but the command's
/// answer: its error, or what it wrote when standard output carries data. They stay on
/// standard error whatever `--verbose` says; the `log` macros are for what goes wrong
/// beneath them.
fn print_outcome(outcome: Result<String, String>) -> ExitCode {
    match outcome {
        Ok(text) => {
            if writeln!(std::io::stdout(), "{text}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Bytes made whole in memory (a script, a man page) on standard output, as they are.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Runs a subcommand; the caller handles the no-subcommand case (the app).
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file, json, timing } => check::run(&file, json, timing),
        Command::Generate(args) => generate::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Intake(args) => intake::run(&args),
        #[cfg(debug_assertions)]
        Command::DebugCrash(args) => debug_crash::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Manpage { subcommand } => manpage::run(subcommand.as_deref()),
    }
}
