//! `detente export PROJECT --format F -o OUTPUT [--from DATE] [--to DATE] [--actor A] [--tag T]`:
//! a project as CSV, TimelineJS JSON, a chronology brief, or an image of the timeline
//! (`--format svg|png [--width PX] [--group-by MODE] [--theme light|dark] [--no-legend] [--no-ghosts]
//! [--saved-view]`, where `--from`/`--to` also set the range shown), written atomically; never
//! over the project, over another existing file only with `--force`. CSV cells that a
//! spreadsheet would run as formulas start with `'` unless `--raw`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::overwrite::Overwrite;
use crate::export::{
    CsvCells, EventFilter, ExportFormat, ExportOptions, ImageTheme, MAX_WIDTH_PX, MIN_WIDTH_PX,
    TimelineImageOptions, export_to, timeline_png, timeline_svg, write_events_csv,
};
use crate::model::{DateSpec, Id, LaneMode, Project};

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
    /// Image of the timeline as SVG
    Svg,
    /// Image of the timeline as PNG
    Png,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Csv => Self::Csv,
            ExportFormatArg::Timelinejs => Self::TimelineJs,
            ExportFormatArg::Markdown => Self::Markdown,
            ExportFormatArg::Html => Self::Html,
            ExportFormatArg::Svg => Self::Svg,
            ExportFormatArg::Png => Self::Png,
        }
    }
}

/// How an image groups events into lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupByArg {
    None,
    Participant,
    Location,
    Kind,
    Status,
    Tag,
}

impl From<GroupByArg> for LaneMode {
    fn from(arg: GroupByArg) -> Self {
        match arg {
            GroupByArg::None => Self::None,
            GroupByArg::Participant => Self::Participant,
            GroupByArg::Location => Self::Location,
            GroupByArg::Kind => Self::Kind,
            GroupByArg::Status => Self::Status,
            GroupByArg::Tag => Self::Tag,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file to export.
    pub project: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The file to write (atomically); never the project itself.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// CSV: write every cell as it is, for scripts. By default a cell that a spreadsheet
    /// would run as a formula (starting with =, +, -, @) gets a leading '.
    #[arg(long)]
    pub raw: bool,
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
    /// Images: width in pixels (default 1600); the height follows the lanes.
    #[arg(long, value_name = "PX", value_parser = parse_width)]
    pub width: Option<f64>,
    /// Images: lanes by participant, location, kind, status or tag, or none (default: as the
    /// project was last viewed).
    #[arg(long, value_enum, value_name = "MODE")]
    pub group_by: Option<GroupByArg>,
    /// Images: light (for print, the default) or dark.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Images: leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Images: leave out the earlier reported dates (faint marks where earlier reports
    /// placed an event).
    #[arg(long)]
    pub no_ghosts: bool,
    /// Only what had been published by the end of this day (e.g. 2025-12-18): the project
    /// as it was known then (docs/AS_OF.md), in every format.
    #[arg(long, value_name = "DATE", value_parser = super::parse_as_of)]
    pub as_of: Option<crate::query::AsOf>,
    /// Images: the view the project was saved with (its filter, and the filter's dates as
    /// the range) rather than the whole project.
    #[arg(long)]
    pub saved_view: bool,
}

fn parse_width(text: &str) -> Result<f64, String> {
    let width: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("invalid width {text:?}"))?;
    if (MIN_WIDTH_PX..=MAX_WIDTH_PX).contains(&width) {
        Ok(width)
    } else {
        Err(format!(
            "the width must be between {MIN_WIDTH_PX} and {MAX_WIDTH_PX} pixels"
        ))
    }
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
    Overwrite {
        inputs: &[args.project.as_path()],
        updates: None,
        force: args.force,
        hint: "",
    }
    .check(&args.output)?;
    let mut project = crate::io::load_project(&args.project).map_err(|e| e.to_string())?;
    if let Some(day) = args.as_of {
        project = crate::query::project_as_of(&project, &project.lookup(), day).project;
    }
    let filter = filter(&project, args)?;
    let options = ExportOptions {
        filter,
        title: args.title.clone(),
    };
    let format = ExportFormat::from(args.format);
    let image_only = args.width.is_some()
        || args.group_by.is_some()
        || args.theme.is_some()
        || args.no_legend
        || args.no_ghosts
        || args.saved_view;
    if format.is_image() {
        let mut image = TimelineImageOptions::from_export(&project, &options);
        if let Some(width) = args.width {
            image.width_px = width;
        }
        if let Some(mode) = args.group_by {
            image.group_by = mode.into();
        }
        if args.theme == Some(ThemeArg::Dark) {
            image.theme = ImageTheme::Dark;
        }
        image.show_legend = !args.no_legend;
        image.show_ghosts = !args.no_ghosts;
        if args.saved_view {
            image.as_last_viewed(&project);
        }
        let bytes = if format == ExportFormat::Png {
            timeline_png(&project, &image).map_err(|e| e.to_string())?
        } else {
            timeline_svg(&project, &image).into_bytes()
        };
        crate::io::write_atomically(&args.output, &bytes).map_err(|e| e.to_string())?;
    } else if image_only {
        return Err(format!(
            "--width, --group-by, --theme, --no-legend, --no-ghosts and --saved-view apply to images (svg, png), not to {format}"
        ));
    } else if args.raw && format != ExportFormat::Csv {
        return Err(format!("--raw applies to csv, not to {format}"));
    } else {
        // Streamed into the temporary file: a 1M-event export never holds its text in memory.
        crate::io::write_atomically_with(&args.output, |out| {
            if args.raw {
                write_events_csv(&project, &options.filter, CsvCells::Raw, out)
            } else {
                export_to(&project, format, &options, out)
            }
        })
        .map_err(|e| e.to_string())?;
    }
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
