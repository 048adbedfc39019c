//! The command line: `detente [FILE]` opens the app; subcommands work without a window.

mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "detente",
    version,
    about = "A desktop timeline viewer for analysts who follow diplomacy"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A project file to open; without one, the sample project opens.
    pub file: Option<PathBuf>,

    /// Log the CPU time of each frame to standard error.
    #[arg(long)]
    pub frame_stats: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a project file and print what it holds.
    Check {
        file: PathBuf,
        /// Print the counts as one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a subcommand; the caller handles the no-subcommand case (the app).
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file, json } => check::run(&file, json),
    }
}
