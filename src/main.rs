//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = detente::cli::Cli::parse();
    match cli.command {
        Some(command) => detente::cli::run(command),
        None => detente::ui::run_app(detente::ui::StartOptions::from_cli(&cli)),
    }
}
