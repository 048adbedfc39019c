//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = detente::cli::Cli::parse();
    if let Some(command) = cli.command {
        detente::cli::run(command)
    } else {
        let theme = match cli.theme.as_deref() {
            Some("dark") => Some(egui::ThemePreference::Dark),
            Some("light") => Some(egui::ThemePreference::Light),
            Some(_) => Some(egui::ThemePreference::System),
            None => None,
        };
        detente::ui::run_app(cli.file, cli.frame_stats, theme, cli.window_size)
    }
}
