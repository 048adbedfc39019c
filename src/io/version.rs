//! Which project file format versions this build reads, what it says about the others, and
//! what it tells the analyst when it upgraded an older file on opening.

use super::error::LoadError;
use super::outline::{Outline, line_col};
use crate::model::{FORMAT_VERSION, OLDEST_FORMAT_VERSION, Project};

/// A project as loaded, with the file format version it was upgraded from.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// The version the file was written in when it was older than [`FORMAT_VERSION`] (the
    /// project was upgraded in memory; saving writes the current version, which older builds
    /// refuse); `None` when it was current.
    pub upgraded_from: Option<u32>,
}

impl Loaded {
    /// What to tell the analyst about the upgrade, once, when the file was upgraded.
    pub fn upgrade_notice(&self) -> Option<String> {
        self.upgraded_from.map(|old| {
            format!(
                "This project was written in file format version {old} and was upgraded on opening \
                 (each event's claims became its first reported state). Saving writes version \
                 {FORMAT_VERSION}, which Detente builds older than reported states cannot open."
            )
        })
    }
}

/// Only the versions Detente has written load: a newer one needs a newer Detente, and any
/// other number (0, which no Detente ever wrote) is a damaged or hand-made file whose
/// fields cannot be trusted to mean what this version reads them as.
pub(super) fn is_readable_version(found: u64) -> bool {
    (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found)
}

pub(super) fn unknown_version_message(found: u64) -> String {
    if found > u64::from(FORMAT_VERSION) {
        format!(
            "this project was saved in file format version {found}, but this Detente reads versions up to \
             {FORMAT_VERSION}; open it with a newer Detente"
        )
    } else {
        format!(
            "format_version {found} is not a version any Detente wrote; this Detente reads versions \
             {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION} (the file is damaged or was not written by \
             Detente)"
        )
    }
}

/// Checks `format_version` before parsing the rest, so that a newer file gets "update
/// Detente" rather than a confusing message about a field this version does not know, and
/// a version no Detente wrote is refused where it stands.
pub(super) fn check_version(text: &str, file: &str) -> Result<(), LoadError> {
    let outline_end = text.find("events").unwrap_or(text.len());
    let head = &text[..outline_end];
    let outline = Outline::new(head);
    let Some(at) = outline.top_field("format_version") else {
        return Ok(()); // serde reports the missing field with its position
    };
    let after = &head[at + "format_version".len()..];
    let digits: String = after
        .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if let Ok(found) = digits.parse::<u64>()
        && !is_readable_version(found)
    {
        let (line, col) = line_col(text, at);
        return Err(LoadError::at(
            file,
            line,
            col,
            unknown_version_message(found),
        ));
    }
    Ok(())
}
