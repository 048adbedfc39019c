//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library. This is
//! the one place that knows both the command line and the UI (ARCHITECTURE.md, "Layers").
//!
//! On Windows the binary is a GUI program, so that Explorer opens no console window beside
//! the app; a subcommand started from cmd or PowerShell attaches to that terminal's console
//! to print there (packaging/README.md, "Windows").

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use detente::cli::Cli;
use detente::ui::StartOptions;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
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

/// Gives a GUI-subsystem process the console of the terminal it was started from, if any, so
/// that `--help`, errors and subcommands print there. Started from Explorer there is none,
/// the call fails, and the app runs without a console, as it should.
#[cfg(windows)]
#[allow(unsafe_code)] // the one foreign call of the binary, on Windows only
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and touches no memory of ours; it
    // fails harmlessly (returns 0) when there is no parent console or one is attached
    // already. It is called first thing in `main`, before any thread or any use of the
    // standard handles, which it may set.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
