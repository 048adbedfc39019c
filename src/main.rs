//! `detente`: the app, or a subcommand. Kept thin: everything lives in the library. This is
//! the one place that knows both the command line and the UI (ARCHITECTURE.md, "Layers").
//!
//! On Windows the binary is a GUI program, so that Explorer opens no console window beside
//! the app; a subcommand started from cmd or PowerShell attaches to that terminal's console
//! to print there (packaging/README.md, "Windows").

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use detente::app::logging::{self, LogOptions, LogPlace};
use detente::cli::Cli;
use detente::ui::StartOptions;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
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

/// Gives a GUI-subsystem process the console of the terminal it was started from, if any, so
/// that `--help`, errors and subcommands print there. Started from Explorer there is none,
/// the call fails, and the app runs without a console, as it should. A redirection
/// (`> out.txt`, a pipe) gives the process its standard handles from the start, and
/// AttachConsole would point all three at the console, over them: those are put back.
#[cfg(windows)]
#[allow(unsafe_code)] // the binary's only foreign calls, on Windows only
fn attach_parent_console() {
    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_INPUT_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };
    fn is_set(handle: HANDLE) -> bool {
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }
    let standard = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];
    // SAFETY: the three functions take and return plain values (a handle id, an opaque
    // handle, a process id) and touch no memory of ours; each fails harmlessly, returning 0
    // or a null handle. This runs first thing in `main`, before any other thread exists and
    // before anything has written to a standard handle, which Rust's std looks up at each
    // write, so the handles set here are the ones every later write uses.
    unsafe {
        let mut given: [HANDLE; 3] = [std::ptr::null_mut(); 3];
        for (handle, id) in given.iter_mut().zip(standard) {
            *handle = GetStdHandle(id);
        }
        if given.iter().all(|&handle| is_set(handle)) {
            return; // all three redirected: no console needed
        }
        if AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
            return; // no parent console (Explorer, a shortcut): none is needed
        }
        for (handle, id) in given.into_iter().zip(standard) {
            if is_set(handle) {
                SetStdHandle(id, handle);
            }
        }
    }
}
