//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library. This is
//! the one place that knows both the command line and the UI (ARCHITECTURE.md, "Layers").

use std::process::ExitCode;

use clap::Parser as _;
use detente::cli::Cli;
use detente::ui::StartOptions;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => detente::cli::run(command),
        None => detente::ui::run_app(start_options(&cli)),
    }
}

/// How the window starts, from the command line's options.
fn start_options(cli: &Cli) -> StartOptions {
    StartOptions {
        file: cli.file.clone(),
        frame_stats: cli.frame_stats,
        theme: cli.theme.as_deref().map(StartOptions::theme_named),
        window_size: cli.window_size,
        group_by: cli.group_by.as_deref().map(StartOptions::lanes_named),
        renderer: cli.renderer.as_deref().map(StartOptions::renderer_named),
        as_of: cli.as_of,
        add_report: cli.add_report.clone(),
    }
}
