//! `detente import` of a Parquet file or partitioned folder, sliced by `--from`, `--to`,
//! `--actor`, `--country`, `--event-code` and `--limit`. The slice flags other than
//! `--limit` are Parquet's: other formats refuse them rather than import everything.
//! A folder of GDELT mentions only is imported into the `--into` project, whose GDELT
//! events they add reports to (`--from`/`--to` then select mentions by when published).

use super::import::{ImportArgs, SliceArgs, file_name, load_into, save_loaded};
use crate::import::ImportOptions;
use crate::import::parquet::{FieldNames, Slice, SliceFields, import_path_into};

/// The slice the flags ask for.
fn slice_of(args: &SliceArgs) -> Result<Slice, String> {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    SliceFields {
        from: text(&args.from),
        to: text(&args.to),
        actor: text(&args.actor),
        country: text(&args.country),
        event_code: text(&args.event_code),
        limit: args.limit.map(|l| l.to_string()).unwrap_or_default(),
    }
    .slice(&FieldNames {
        from: "--from",
        to: "--to",
        limit: "--limit",
    })
}

/// An error when a Parquet-only flag is given for another format.
pub(super) fn refuse_slice_flags(args: &SliceArgs) -> Result<(), String> {
    let given = [
        ("--from", args.from.is_some()),
        ("--to", args.to.is_some()),
        ("--actor", args.actor.is_some()),
        ("--country", args.country.is_some()),
        ("--event-code", args.event_code.is_some()),
    ];
    if let Some((flag, _)) = given.iter().find(|(_, on)| *on) {
        return Err(format!(
            "{flag} slices Parquet datasets only; this input is not Parquet (for other formats, only --limit applies)"
        ));
    }
    Ok(())
}

pub(super) fn run_parquet(args: &ImportArgs) -> Result<String, String> {
    let slice = slice_of(&args.slice)?;
    let mapping = super::import::read_mapping(args)?;
    let options = ImportOptions {
        file_name: file_name(&args.input),
        mapping,
        ..ImportOptions::default()
    };
    // Loaded first: a dataset of GDELT mentions only is read against its events.
    let into = load_into(args)?;
    let started = std::time::Instant::now();
    let imported = import_path_into(&args.input, &options, &slice, into.as_ref())
        .map_err(|e| e.to_string())?;
    let imported_ms = started.elapsed().as_millis();
    let text = format!("slice: {}\n", slice.describe());
    let mut text = save_loaded(args, into, imported, text)?;
    // Where the time went, for benches/parquet_slice.py and docs/PERFORMANCE.md.
    text.push_str(&format!(
        "\ntiming: import {imported_ms} ms, check and save {} ms",
        started.elapsed().as_millis() - imported_ms
    ));
    Ok(text)
}
