//! `detente manpage [SUBCOMMAND]`: the man page in roff, made by clap_mangen from the
//! definitions that parse the command line: `detente(1)`, or a subcommand's own page
//! (`detente-import(1)`), as `man` names them. Hidden subcommands get no page.

use std::process::ExitCode;

use clap::CommandFactory as _;

use super::Cli;

pub fn run(subcommand: Option<&str>) -> ExitCode {
    match man_page(Cli::command(), subcommand) {
        Ok(page) => super::write_stdout(&page),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The visible subcommands of `command`, in their order of definition.
pub fn page_names(command: &clap::Command) -> Vec<String> {
    command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_owned())
        .collect()
}

/// The roff of `command`'s page, or of its subcommand named `subcommand`'s.
pub fn man_page(command: clap::Command, subcommand: Option<&str>) -> Result<Vec<u8>, String> {
    // `build` gives each subcommand its display name (`detente-import`), the page's title,
    // and its usage line (`detente import …`); `help` is no subcommand worth a page.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    // Every page's footer names the program and its version, as `detente 0.1.0`; clap
    // would give a subcommand's page its own name and no version.
    let source = format!(
        "{} {}",
        command.get_name(),
        command.get_version().unwrap_or_default()
    );
    let page = match subcommand {
        None => command,
        Some(name) => command
            .get_subcommands()
            .find(|sub| sub.get_name() == name && !sub.is_hide_set())
            .cloned()
            .ok_or_else(|| {
                format!(
                    "no subcommand {name:?}; the pages are: {}",
                    page_names(&command).join(", ")
                )
            })?,
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(source)
        .render(&mut roff)
        .map_err(|e| format!("cannot write the man page: {e}"))?;
    Ok(roff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_hidden() -> clap::Command {
        clap::Command::new("detente")
            .version("1.0")
            .subcommand(clap::Command::new("check").arg(clap::Arg::new("file")))
            .subcommand(clap::Command::new("debug-secret").hide(true))
    }

    #[test]
    fn a_hidden_subcommand_gets_no_page_and_is_not_listed() {
        let main = String::from_utf8(man_page(with_hidden(), None).unwrap()).unwrap();
        assert!(main.contains("check"), "{main}");
        assert!(!main.contains("debug"), "{main}");
        let err = man_page(with_hidden(), Some("debug-secret")).unwrap_err();
        assert_eq!(err, "no subcommand \"debug-secret\"; the pages are: check");
    }

    #[test]
    fn a_subcommand_page_is_titled_with_the_full_name() {
        let page = String::from_utf8(man_page(with_hidden(), Some("check")).unwrap()).unwrap();
        assert!(
            page.contains(".TH detente-check 1  \"detente 1.0\""),
            "{page}"
        );
    }
}
