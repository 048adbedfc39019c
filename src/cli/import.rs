//! `detente import INPUT -o OUTPUT [--format F] [--mapping FILE] [--into PROJECT] [--sheet NAME]
//! [--header-row N]`: another tool's file as a Detente project, saved atomically, with the
//! import report. The output is never the input or the mapping, and replaces another existing
//! file only with `--force` (or when it is the `--into` project, which the merge keeps whole).

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::overwrite::Overwrite;
use crate::import::{
    CsvMapping, EncodingChoice, HEAD_BYTES, ImportFormat, ImportOptions, MAX_IMPORT_BYTES,
    append_additions, compressed, detect_format_of_head_in, import_stream, merge_additions,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormatArg {
    /// TimelineJS3 JSON
    Timelinejs,
    /// The Timeline app's .timeline XML
    Timeline,
    /// CSV or TSV (with --mapping, or columns found by header names)
    Csv,
    /// GDELT 1.0 event export (57/58 tab-separated columns)
    Gdelt1,
    /// GDELT 2.0 event export (61 tab-separated columns)
    Gdelt2,
    /// ICEWS-style coded events
    Icews,
    /// A sheet of a workbook: xlsx, xlsm, xlsb, xls or ods (with --sheet, --header-row and
    /// --mapping as for CSV)
    Spreadsheet,
    /// Apache Parquet: a file, or a folder of a partitioned dataset
    Parquet,
}

impl From<ImportFormatArg> for ImportFormat {
    fn from(arg: ImportFormatArg) -> Self {
        match arg {
            ImportFormatArg::Timelinejs => Self::TimelineJs,
            ImportFormatArg::Timeline => Self::TimelineApp,
            ImportFormatArg::Csv => Self::Csv,
            ImportFormatArg::Gdelt1 => Self::Gdelt1,
            ImportFormatArg::Gdelt2 => Self::Gdelt2,
            ImportFormatArg::Icews => Self::Icews,
            ImportFormatArg::Spreadsheet => Self::Spreadsheet,
            ImportFormatArg::Parquet => Self::Parquet,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file to import.
    pub input: PathBuf,
    /// The project file to write (atomically); never the input.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Replace the output file if it exists (not needed when it is the --into project).
    #[arg(long)]
    pub force: bool,
    /// The input's format; without it, the format is detected from the content.
    #[arg(long, value_enum)]
    pub format: Option<ImportFormatArg>,
    /// A CSV column mapping (JSON), e.g. {"date_format": "DD.MM.YYYY", "columns": {"date": "Datum", "title": 2}}.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Merge into this project (duplicates removed) instead of starting a new one; for a
    /// Parquet dataset of GDELT mentions only, the project holding their events.
    #[arg(long, value_name = "PROJECT")]
    pub into: Option<PathBuf>,
    /// The text's encoding, any WHATWG label (utf-8, utf-16le, utf-16be, windows-1252,
    /// latin1, iso-8859-2, …); without it, or with "auto", it is detected.
    #[arg(long, value_name = "NAME", value_parser = EncodingChoice::from_label)]
    pub encoding: Option<EncodingChoice>,
    /// The member of a zip archive to import (without it: the only one, or the first
    /// text file).
    #[arg(long, value_name = "NAME")]
    pub member: Option<String>,
    /// The sheet of a spreadsheet to import; without it, the first sheet that has data.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// A spreadsheet's header row, counted from 1 as the spreadsheet numbers rows; without
    /// it, the first row of mostly text with data under it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub header_row: Option<u32>,
    #[command(flatten)]
    pub slice: SliceArgs,
}

/// Which part of a Parquet dataset to import (`--limit` applies to every format).
#[derive(Debug, Default, clap::Args)]
pub struct SliceArgs {
    /// Parquet: the first day to import (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Parquet: the last day to import (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Parquet: only events with this actor (a code such as USA, or a name), on either side.
    #[arg(long, value_name = "CODE_OR_NAME")]
    pub actor: Option<String>,
    /// Parquet: only events with this country (an actor's or the place's code or name).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Parquet: only events whose code starts with this (CAMEO: 04 for every consultation).
    #[arg(long, value_name = "PREFIX")]
    pub event_code: Option<String>,
    /// Import at most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

pub fn run(args: &ImportArgs) -> ExitCode {
    super::print_outcome(run_inner(args))
}

fn run_inner(args: &ImportArgs) -> Result<String, String> {
    let input = &args.input;
    let mut inputs = vec![input.as_path()];
    inputs.extend(args.mapping.as_deref());
    Overwrite {
        inputs: &inputs,
        updates: args.into.as_deref(),
        force: args.force,
        hint: ", or give it as --into too to merge the import into it",
    }
    .check(&args.output)?;
    let parquet = args.format == Some(ImportFormatArg::Parquet)
        || (args.format.is_none()
            // A folder is a partitioned dataset: no other format is a folder.
            && (input.is_dir() || crate::import::parquet::is_parquet_path(input)));
    if parquet {
        return super::import_parquet::run_parquet(args);
    }
    super::import_parquet::refuse_slice_flags(&args.slice)?;
    let shown = input.display().to_string();
    // The first bytes decide the format; the rest is read as the importer goes, so that a
    // TimelineJS file of 1M events is never held whole in memory.
    let read_err = |e: std::io::Error| format!("could not read {shown}: {e}");
    let mut file = std::fs::File::open(input).map_err(read_err)?;
    // A regular file's size is known: one too large is refused before any of it is read.
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > MAX_IMPORT_BYTES
    {
        return Err(read_err(crate::io::import_too_large()));
    }
    let mut packed_head = Vec::with_capacity(HEAD_BYTES);
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut packed_head)
        .map_err(read_err)?;
    // A .gz or .zip is read through its compression, unpacked as it is read; errors then
    // name the archive (and the member).
    let mut archive = None;
    let opened = compressed::open(
        file,
        &packed_head,
        &file_name(input),
        args.member.as_deref(),
        &mut archive,
    )
    .map_err(|e| format!("{shown}: {e}"))?;
    let shown = opened.label.clone().unwrap_or(shown);
    let read_err = |e: std::io::Error| format!("could not read {shown}: {e}");
    let mut file = opened.reader;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(read_err)?;
    if let Some(label) = &opened.label {
        compressed::check_member_kind(&head, label).map_err(|e| e.to_string())?;
    }
    let encoding = args.encoding.unwrap_or_default();
    let mapping = read_mapping(args)?;
    let mut text = String::new();
    let format = if let Some(f) = args.format {
        ImportFormat::from(f)
    } else {
        let (format, reason) = detect_format_of_head_in(&head, &opened.inner_name, encoding)
            .map_err(|e| format!("{shown}: {e}"))?;
        text.push_str(&format!("detected {}: {reason}\n", format.name()));
        format
    };
    if format != ImportFormat::Spreadsheet && (args.sheet.is_some() || args.header_row.is_some()) {
        return Err(format!(
            "{shown}: --sheet and --header-row are for spreadsheets, and this file is read as {}",
            format.description()
        ));
    }
    let options = ImportOptions {
        file_name: opened.label.clone().unwrap_or_else(|| file_name(input)),
        mapping,
        encoding,
        sheet: args.sheet.clone(),
        header_row: args.header_row.map(|n| n as usize),
        max_rows: args.slice.limit,
        ..ImportOptions::default()
    };
    let mut imported =
        import_stream(&head, &mut file, format, &options).map_err(|e| format!("{shown}: {e}"))?;
    imported.report.input_notes.extend(compressed::notes(
        opened.label.as_deref(),
        &opened.members,
        "--member",
    ));
    save_imported(args, imported, text)
}

/// Merges `imported` into `--into` or not, checks it and saves it to `-o`: the end of every
/// import, Parquet's too. `text` is the report so far.
pub(super) fn save_imported(
    args: &ImportArgs,
    imported: crate::import::Imported,
    text: String,
) -> Result<String, String> {
    let into = load_into(args)?;
    save_loaded(args, into, imported, text)
}

/// The `--into` project, loaded, if one was given.
pub(super) fn load_into(args: &ImportArgs) -> Result<Option<crate::model::Project>, String> {
    args.into
        .as_deref()
        .map(|into| crate::io::load_project(into).map_err(|e| e.to_string()))
        .transpose()
}

/// [`save_imported`] with the `--into` project already loaded (`into`).
pub(super) fn save_loaded(
    args: &ImportArgs,
    into: Option<crate::model::Project>,
    imported: crate::import::Imported,
    mut text: String,
) -> Result<String, String> {
    let (project, report) = if let Some(mut project) = into {
        let (added, merge_report, report) = merge_additions(&project, imported);
        append_additions(&mut project, added);
        text.push_str(&report.to_text());
        text.push('\n');
        text.push_str(&merge_report.to_text());
        (project, None)
    } else {
        (imported.project, Some(imported.report))
    };
    if let Some(report) = report {
        text.push_str(&report.to_text());
    }
    // Checked while it is written: an invalid project leaves `-o` as it was.
    let check = || {
        let problems = crate::model::validate(&project);
        problems.first().map_or(Ok(()), |first| {
            Err(format!(
                "the imported project is not valid ({} problems; first: {first}); nothing was written",
                problems.len()
            ))
        })
    };
    crate::io::write_atomically_checked(
        &args.output,
        |out| crate::io::write_project(&project, out),
        check,
    )
    .map_err(|e| e.to_string())??;
    // Freed on a thread of its own, which the process's end cuts short: freeing a 1M-event
    // import's two million allocations one by one took ~0.5 s after the file was written.
    let _ = std::thread::Builder::new().spawn(move || drop(project));
    text.push_str(&format!("\nwrote {}", args.output.display()));
    Ok(text)
}

/// The `--mapping` file read, if one was given.
pub(super) fn read_mapping(args: &ImportArgs) -> Result<Option<CsvMapping>, String> {
    let Some(path) = &args.mapping else {
        return Ok(None);
    };
    let text = crate::io::read_mapping_text(path)
        .map_err(|e| format!("could not read the mapping {}: {e}", path.display()))?;
    CsvMapping::from_json(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", path.display()))
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
