//! `detente completions SHELL`: a completion script for bash, zsh, fish, PowerShell or elvish,
//! made by clap_complete from the definitions that parse the command line, so that it knows
//! every subcommand and option the binary has. Hidden subcommands (debugging aids) are left
//! out by clap_complete, as they are from `--help`.

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
pub fn completion_script(mut command: clap::Command, shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN_NAME, &mut script);
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_hidden() -> clap::Command {
        clap::Command::new("detente")
            .subcommand(clap::Command::new("check"))
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
            assert!(script.contains("check"), "{shell}: {script}");
            assert!(!script.contains("debug-secret"), "{shell}: {script}");
        }
    }
}
