//! `detente completions SHELL`: a completion script for bash, zsh, fish, PowerShell or elvish,
//! made by clap_complete from the definitions that parse the command line, so that it knows
//! every subcommand and option the binary has. Hidden subcommands (debugging aids) are left
//! out, as they are from `--help`: clap_complete itself would offer them.

use std::process::ExitCode;

use clap::CommandFactory as _;
use clap_complete::Shell;

use super::Cli;

/// The name the scripts complete: the installed binary's.
const BIN_NAME: &str = "detente";

pub fn run(shell: Shell) -> ExitCode {
    super::write_stdout(&completion_script(Cli::command(), shell))
}

/// `command`'s completion script for `shell`. Made in memory rather than straight to
/// standard output, since clap_complete panics on a failed write (a closed pipe).
pub fn completion_script(command: clap::Command, shell: Shell) -> Vec<u8> {
    let mut command = without_hidden_subcommands(command);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN_NAME, &mut script);
    script
}

/// `command` without its hidden subcommands. clap has no way to take a subcommand out, so
/// the top level is made again with what completion scripts use of it: its name, about,
/// version, arguments and the visible subcommands (each whole). Without hidden subcommands,
/// `command` is used as it is.
fn without_hidden_subcommands(command: clap::Command) -> clap::Command {
    if !command.get_subcommands().any(clap::Command::is_hide_set) {
        return command;
    }
    let mut visible = clap::Command::new(BIN_NAME)
        .args(command.get_arguments().cloned())
        .subcommands(
            command
                .get_subcommands()
                .filter(|sub| !sub.is_hide_set())
                .cloned(),
        )
        .args_conflicts_with_subcommands(command.is_args_conflicts_with_subcommands_set());
    if let Some(about) = command.get_about() {
        visible = visible.about(about.clone());
    }
    if command.get_version().is_some() {
        visible = visible.version(env!("CARGO_PKG_VERSION"));
    }
    visible
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_hidden() -> clap::Command {
        clap::Command::new("detente")
            .about("A timeline viewer")
            .arg(clap::Arg::new("theme").long("theme"))
            .subcommand(clap::Command::new("check").arg(clap::Arg::new("json").long("json")))
            .subcommand(clap::Command::new("debug-secret").hide(true))
    }

    #[test]
    fn no_shell_completes_a_hidden_subcommand() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let script = String::from_utf8(completion_script(with_hidden(), shell)).unwrap();
            for word in ["check", "theme", "json"] {
                assert!(script.contains(word), "{shell}: no {word} in {script}");
            }
            assert!(!script.contains("debug"), "{shell}: {script}");
        }
    }

    #[test]
    fn the_real_command_line_made_again_gives_the_same_scripts() {
        // As with a hidden debugging subcommand: the top level is made again, and every
        // shell's script is what it is without the hidden subcommand.
        let cli = Cli::command().subcommand(clap::Command::new("debug-secret").hide(true));
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let script = completion_script(cli.clone(), shell);
            assert!(
                script == completion_script(Cli::command(), shell),
                "{shell}"
            );
        }
    }
}
