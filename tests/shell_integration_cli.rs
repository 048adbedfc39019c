//! `detente completions SHELL` and `detente manpage [SUBCOMMAND]`: the scripts are accepted by
//! their shells and know every subcommand, the man pages render and document every option,
//! and hidden subcommands appear in neither. Shells and man renderers that are not installed
//! are skipped with a printed note.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clap::CommandFactory as _;
use detente::cli::Cli;

fn detente(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "detente {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A file of this test's own (tests run in parallel, in one process per test file).
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-shell-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn visible_subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_owned())
        .collect()
}

fn hidden_subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|sub| sub.is_hide_set())
        .map(|sub| sub.get_name().to_owned())
        .collect()
}

/// Runs `program args… file` if the program is installed; None (with a note) if it is not.
fn run_if_installed(program: &str, args: &[&str], file: &Path) -> Option<Output> {
    match Command::new(program).args(args).arg(file).output() {
        Ok(output) => Some(output),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            println!("SKIPPED: {program} is not installed");
            None
        }
        Err(err) => panic!("{program}: {err}"),
    }
}

fn assert_syntax_ok(program: &str, args: &[&str], script: &Path) {
    if let Some(output) = run_if_installed(program, args, script) {
        assert!(
            output.status.success(),
            "{program} refuses {}: {}",
            script.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_bash_script_completes_every_subcommand_and_parses() {
    let script = detente(&["completions", "bash"]).stdout;
    let text = String::from_utf8(script.clone()).unwrap();
    for name in visible_subcommands() {
        assert!(text.contains(&name), "no {name} in the bash script");
    }
    for name in hidden_subcommands() {
        assert!(!text.contains(&name), "hidden {name} in the bash script");
    }
    let path = temp_file("detente.bash", &script);
    assert_syntax_ok("bash", &["-n"], &path);
    // The script really registers a completion when sourced.
    if let Some(output) = run_if_installed(
        "bash",
        &["-c", r#"source "$0" && complete -p detente"#],
        &path,
    ) {
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("detente"));
    }
}

#[test]
fn the_zsh_and_fish_scripts_parse_and_know_every_subcommand() {
    for (shell, file, args) in [
        ("zsh", "_detente", &["-n"][..]),
        ("fish", "detente.fish", &["--no-execute"][..]),
    ] {
        let script = detente(&["completions", shell]).stdout;
        let text = String::from_utf8(script.clone()).unwrap();
        for name in visible_subcommands() {
            assert!(text.contains(&name), "no {name} in the {shell} script");
        }
        for name in hidden_subcommands() {
            assert!(!text.contains(&name), "hidden {name} in the {shell} script");
        }
        assert_syntax_ok(shell, args, &temp_file(file, &script));
    }
}

#[test]
fn powershell_and_elvish_scripts_are_made() {
    for shell in ["powershell", "elvish"] {
        let text = String::from_utf8(detente(&["completions", shell]).stdout).unwrap();
        assert!(text.contains("detente"), "{shell}: {text}");
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_choices() {
    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bash") && stderr.contains("zsh"),
        "{stderr}"
    );
}

/// A man page as a reader sees it: rendered by groff when installed (dashes and quotes as
/// ASCII for the comparison), else its roff with the escapes of `-` undone.
fn rendered(roff: &[u8], name: &str) -> String {
    let path = temp_file(&format!("{name}.1"), roff);
    // Lines long enough that no option name is broken, and plain text (no overstriking).
    let groff = run_if_installed(
        "groff",
        &["-man", "-Tutf8", "-rLL=300n", "-P", "-cbou"],
        &path,
    );
    if let Some(output) = &groff {
        assert!(
            output.status.success(),
            "groff: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(man) = run_if_installed("man", &["-l", "--warnings"], &path) {
            assert!(
                man.status.success(),
                "man -l: {}",
                String::from_utf8_lossy(&man.stderr)
            );
        }
    }
    let text = match groff {
        Some(output) => String::from_utf8(output.stdout).unwrap(),
        None => String::from_utf8(roff.to_vec())
            .unwrap()
            .replace("\\-", "-"),
    };
    // Justified lines have runs of spaces; a reader sees words.
    let text = text.replace(['\u{2010}', '\u{2212}'], "-");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every long option of `command` that `--help` shows, as `--name`.
fn long_options(command: &clap::Command) -> Vec<String> {
    command
        .get_arguments()
        .filter(|arg| !arg.is_hide_set())
        .filter_map(|arg| arg.get_long())
        .map(|long| format!("--{long}"))
        .collect()
}

#[test]
fn the_main_page_renders_and_documents_every_option_and_subcommand() {
    let text = rendered(&detente(&["manpage"]).stdout, "detente");
    assert!(text.contains("detente"), "{text}");
    for option in long_options(&Cli::command()) {
        assert!(text.contains(&option), "no {option} in detente(1):\n{text}");
    }
    for name in visible_subcommands() {
        assert!(
            text.contains(&format!("detente-{name}(1)")),
            "no {name} in detente(1):\n{text}"
        );
    }
    for name in hidden_subcommands() {
        assert!(
            !text.contains(&name),
            "hidden {name} in detente(1):\n{text}"
        );
    }
}

#[test]
fn each_subcommand_page_renders_and_documents_its_options() {
    let cli = Cli::command();
    for name in visible_subcommands() {
        let text = rendered(
            &detente(&["manpage", &name]).stdout,
            &format!("detente-{name}"),
        );
        assert!(
            text.contains(&format!("detente {name}")),
            "no usage in detente-{name}(1):\n{text}"
        );
        let sub = cli.find_subcommand(&name).unwrap();
        for option in long_options(sub) {
            assert!(
                text.contains(&option),
                "no {option} in detente-{name}(1):\n{text}"
            );
        }
    }
}

#[test]
fn a_page_for_an_unknown_or_hidden_subcommand_is_an_error() {
    let mut names = hidden_subcommands();
    names.push("nonesuch".to_owned());
    for name in names {
        let output = Command::new(env!("CARGO_BIN_EXE_detente"))
            .args(["manpage", &name])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("the pages are: check"), "{stderr}");
    }
}

#[test]
fn the_readme_installs_a_page_for_every_subcommand() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let listed: Vec<&str> = readme
        .lines()
        .find_map(|line| line.trim().strip_prefix("for sub in ")?.split_once(';'))
        .map(|(names, _)| names.split_whitespace().collect())
        .expect("README.md's \"Installing\" has a `for sub in …; do` loop over the pages");
    assert_eq!(listed, visible_subcommands(), "README.md, \"Installing\"");
}
