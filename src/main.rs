//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library. This is
//! the one place that knows both the command line and the UI (ARCHITECTURE.md, "Layers").

use std::process::ExitCode;

use detente::app::logging::{self, LogOptions, LogPlace};
use detente::cli::Cli;
use detente::ui::StartOptions;

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    let log_options = LogOptions {
        verbosity: cli.verbose,
        frame_stats: cli.frame_stats,
    };
    let log_place = match &cli.command {
        Some(command) if !command.logs_to_file() => {
            logging::start_without_file(log_options);
            LogPlace::default()
        }
        _ => logging::start_with_file(logging::log_dir(), log_options),
    };
    if let Some(command) = cli.command {
        return detente::cli::run(command);
    }
    // Before the window: a panic while it starts is a crash to report too.
    detente::app::crash::install_hook(log_place.dir.clone());
    detente::ui::run_app(start_options(&cli, log_place))
}

/// How the window starts, from the command line's options.
fn start_options(cli: &Cli, log_place: LogPlace) -> StartOptions {
    StartOptions {
        file: cli.file.clone(),
        frame_stats: cli.frame_stats,
        theme: cli.theme.as_deref().map(StartOptions::theme_named),
        window_size: cli.window_size,
        group_by: cli.group_by.as_deref().map(StartOptions::lanes_named),
        renderer: cli.renderer.as_deref().map(StartOptions::renderer_named),
        as_of: cli.as_of,
        add_report: cli.add_report.clone(),
        log_place,
    }
}
