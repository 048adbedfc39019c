//! `detente export PROJECT --format F -o OUTPUT [--from DATE] [--to DATE] [--actor A] [--tag T]`:
//! a project as CSV, TimelineJS JSON or a chronology brief, written atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::export::{EventFilter, ExportFormat, ExportOptions, export};
use crate::model::{DateSpec, Id, Project};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// One row per event
    Csv,
    /// TimelineJS3 JSON
    Timelinejs,
    /// Chronology brief in Markdown
    Markdown,
    /// Chronology brief as an HTML page
    Html,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Csv => Self::Csv,
            ExportFormatArg::Timelinejs => Self::TimelineJs,
            ExportFormatArg::Markdown => Self::Markdown,
            ExportFormatArg::Html => Self::Html,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file to export.
    pub project: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The file to write (replaced atomically).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Only events that may lie on or after this date (EDTF, e.g. 2025-12).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only events that may lie on or before this date (EDTF).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only events with this participant (id or name); may be repeated.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Vec<String>,
    /// Only events with this tag (id or name); may be repeated.
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// The brief's or timeline's title (default: the project's).
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: &ExportArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_inner(args: &ExportArgs) -> Result<(), String> {
    let project = crate::io::load_project(&args.project).map_err(|e| e.to_string())?;
    let filter = filter(&project, args)?;
    let options = ExportOptions {
        filter,
        title: args.title.clone(),
    };
    let bytes = export(&project, args.format.into(), &options).map_err(|e| e.to_string())?;
    crate::io::write_atomically(&args.output, &bytes).map_err(|e| e.to_string())?;
    eprintln!("wrote {}", args.output.display());
    Ok(())
}

fn filter(project: &Project, args: &ExportArgs) -> Result<EventFilter, String> {
    let bound = |text: &Option<String>, start: bool| -> Result<Option<i64>, String> {
        let Some(text) = text else { return Ok(None) };
        let bounds = DateSpec::parse(text)
            .and_then(|d| d.bounds())
            .map_err(|e| format!("--{}: {e}", if start { "from" } else { "to" }))?;
        Ok(Some(if start {
            bounds.earliest_secs
        } else {
            bounds.latest_secs
        }))
    };
    let actors = args
        .actor
        .iter()
        .map(|a| {
            find(
                "actor",
                a,
                project.actors.iter().map(|x| (x.id, x.name.as_str())),
            )
        })
        .collect::<Result<_, _>>()?;
    let tags = args
        .tag
        .iter()
        .map(|t| {
            find(
                "tag",
                t,
                project.tags.iter().map(|x| (x.id, x.name.as_str())),
            )
        })
        .collect::<Result<_, _>>()?;
    Ok(EventFilter {
        from: bound(&args.from, true)?,
        to: bound(&args.to, false)?,
        actors,
        tags,
        only: None,
    })
}

/// The entity whose id or name (ignoring case) is `wanted`.
fn find<'a>(
    what: &str,
    wanted: &str,
    mut entities: impl Iterator<Item = (Id, &'a str)>,
) -> Result<Id, String> {
    let lower = wanted.trim().to_lowercase();
    entities
        .find(|(id, name)| id.as_str() == wanted.trim() || name.to_lowercase() == lower)
        .map(|(id, _)| id)
        .ok_or_else(|| {
            format!("--{what} {wanted:?}: no {what} with this id or name in the project")
        })
}
