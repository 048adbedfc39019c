//! The import dialog's preview of a Parquet slice: the import itself, stopped after a few
//! rows. A dataset of GDELT mentions only adds reports to the open project's events, so its
//! preview lists those reports: the event each is added to, when it was published, by whom.

use std::path::Path;

use super::{Slice, import_path_into};
use crate::import::{ImportError, ImportFormat, ImportOptions, Imported, PositionUnit, PreviewRow};
use crate::model::{Id, Project};

/// The first `max_rows` rows of the slice as they will be read: events, or for GDELT
/// mentions read against `into` (the open project), the reports they add to its events.
pub fn preview_path(
    path: &Path,
    options: &ImportOptions,
    slice: &Slice,
    into: Option<&Project>,
    max_rows: usize,
) -> Result<Vec<PreviewRow>, ImportError> {
    let options = ImportOptions {
        max_rows: Some(max_rows),
        ..options.clone()
    };
    let imported = import_path_into(path, &options, slice, into)?;
    Ok(match (&imported.additions_to_events, into) {
        (Some(_), Some(project)) => mention_rows(&imported, project, max_rows),
        _ => crate::import::preview_rows(&imported, ImportFormat::Parquet, max_rows),
    })
}

/// One row per report added: the date it was published, the event's title, "report", and
/// the outlet.
fn mention_rows(imported: &Imported, into: &Project, max_rows: usize) -> Vec<PreviewRow> {
    let claims = &imported.project.claims;
    let outlet = |source: Id| {
        imported
            .project
            .sources
            .iter()
            .find(|s| s.id == source)
            .map_or_else(String::new, |s| s.name.clone())
    };
    let mut rows = Vec::new();
    for additions in imported.additions_to_events.iter().flatten() {
        let title = into
            .events
            .iter()
            .find(|e| e.id.as_str() == additions.event_id.as_str())
            .map_or_else(|| additions.event_id.to_string(), |e| e.title.to_string());
        for citation in &additions.claims {
            let Some(claim) = claims.iter().find(|c| c.id == citation.claim) else {
                continue;
            };
            rows.push(PreviewRow {
                line_or_row: rows.len() + 1,
                unit: PositionUnit::Row,
                date: claim
                    .published
                    .as_ref()
                    .map(crate::model::DateSpec::display_text)
                    .unwrap_or_default(),
                title: title.clone(),
                kind: "report (GDELT mention)".to_owned(),
                participants: outlet(claim.source),
                places: String::new(),
                skipped: None,
                suspicious_date: None,
            });
        }
    }
    rows.truncate(max_rows);
    rows
}
