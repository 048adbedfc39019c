//! `detente import` of a Parquet file or partitioned folder, sliced by `--from`, `--to`,
//! `--actor`, `--country`, `--event-code` and `--limit`. The slice flags other than
//! `--limit` are Parquet's: other formats refuse them rather than import everything.
//! A folder of GDELT mentions only is imported into the `--into` project, whose GDELT
//! events they add reports to (`--from`/`--to` then select mentions by when published).

use super::import::{ImportArgs, SliceArgs, file_name, load_into, save_loaded};
use crate::import::ImportOptions;
use crate::import::parquet::{Slice, import_path_into};

/// The slice the flags ask for.
fn slice_of(args: &SliceArgs) -> Result<Slice, String> {
    let day = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| Slice::parse_day(t).map_err(|e| format!("{flag}: {e}")))
            .transpose()
    };
    let slice = Slice {
        from: day("--from", &args.from)?,
        to: day("--to", &args.to)?,
        actor: args.actor.clone().filter(|a| !a.trim().is_empty()),
        country: args.country.clone().filter(|c| !c.trim().is_empty()),
        event_code: args.event_code.clone().filter(|c| !c.trim().is_empty()),
        limit: args.limit,
    };
    if let (Some(from), Some(to)) = (slice.from, slice.to)
        && from > to
    {
        return Err("--from is after --to: the slice holds no day".into());
    }
    Ok(slice)
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
