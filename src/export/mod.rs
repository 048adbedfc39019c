//! Export: a project (or the events a filter keeps) as CSV, as TimelineJS3 JSON, as a
//! chronology brief in Markdown or HTML, or as an image of the timeline (SVG, PNG). Pure: a
//! project in, bytes out. [`export_to`] streams the lists into any writer (the command line
//! and the app give it [`crate::io::write_atomically_with`]'s), so that an export of 1M
//! events holds one event's text at a time, not the whole file.

mod brief;
mod csv_export;
pub mod font;
pub mod palette;
mod png;
mod svg;
mod svg_frame;
mod svg_legend;
mod svg_marks;
mod timelinejs_export;

use std::fmt;
use std::io::{self, Write};

pub use brief::{brief_html, brief_markdown, write_brief_html, write_brief_markdown};
pub use csv_export::{events_csv, events_csv_with, write_events_csv};
pub use csv_guard::{CsvCells, guard_cell, unguard_cell};
pub use png::timeline_png;
pub use svg::{
    DEFAULT_WIDTH_PX, ImageTheme, MAX_WIDTH_PX, MIN_WIDTH_PX, TimelineImageOptions, timeline_svg,
};
pub use timelinejs_export::{timelinejs_json, write_timelinejs_json};

use crate::formats::csv_guard;
use crate::model::{Event, Id, Project, TimeSecs};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// One row per event.
    Csv,
    /// TimelineJS3 JSON that TimelineJS opens as it is.
    TimelineJs,
    /// A chronology brief in Markdown.
    Markdown,
    /// A chronology brief as a standalone HTML page.
    Html,
    /// The timeline as an SVG image: axis, lanes, items and legend.
    Svg,
    /// The same image as a PNG.
    Png,
}

impl ExportFormat {
    pub const ALL: [Self; 6] = [
        Self::Csv,
        Self::TimelineJs,
        Self::Markdown,
        Self::Html,
        Self::Svg,
        Self::Png,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::TimelineJs => "timelinejs",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::TimelineJs => "json",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }

    /// Whether the format is an image of the timeline rather than a list of events.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which events to export. Empty lists and `None` bounds keep everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Keep events that may lie at or after this instant.
    pub from: Option<TimeSecs>,
    /// Keep events that may lie before this instant.
    pub to: Option<TimeSecs>,
    /// Keep events with at least one of these participants.
    pub actors: Vec<Id>,
    /// Keep events with at least one of these tags.
    pub tags: Vec<Id>,
    /// Keep only the events marked here (by position in the project): what the app's shared
    /// filter shows, so that an export holds what the analyst sees.
    pub only: Option<Vec<bool>>,
}

impl EventFilter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn matches(&self, event: &Event) -> bool {
        if self.from.is_some() || self.to.is_some() {
            let Ok(bounds) = event.date.bounds() else {
                return false;
            };
            if self
                .from
                .is_some_and(|from| bounds.latest_secs.max(bounds.earliest_secs + 1) <= from)
                || self.to.is_some_and(|to| bounds.earliest_secs >= to)
            {
                return false;
            }
        }
        (self.actors.is_empty() || event.participant_ids().any(|a| self.actors.contains(&a)))
            && (self.tags.is_empty() || event.tags.iter().any(|t| self.tags.contains(t)))
    }
}

#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    pub filter: EventFilter,
    /// A title for the brief or timeline; the project's title when `None`.
    pub title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("could not write {format}: {message}")]
    Encode {
        format: &'static str,
        message: String,
    },
}

/// The project in `format`. Images use [`TimelineImageOptions::from_export`]; for their
/// width, grouping and theme, call [`timeline_svg`] or [`timeline_png`] directly.
pub fn export(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Csv => events_csv(project, &options.filter),
        ExportFormat::TimelineJs => timelinejs_json(project, options).map(String::into_bytes),
        ExportFormat::Markdown => Ok(brief_markdown(project, options).into_bytes()),
        ExportFormat::Html => Ok(brief_html(project, options).into_bytes()),
        ExportFormat::Svg => Ok(timeline_svg(
            project,
            &TimelineImageOptions::from_export(project, options),
        )
        .into_bytes()),
        ExportFormat::Png => timeline_png(
            project,
            &TimelineImageOptions::from_export(project, options),
        ),
    }
}

/// The project in `format`, written into `out` as it is made: the lists (CSV, TimelineJS,
/// the briefs) event by event; images, whose size does not grow with the events, at once.
/// An encoder's error comes back as an I/O error, so that the caller removes what it wrote.
pub fn export_to(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Csv => write_events_csv(project, &options.filter, CsvCells::Guarded, out),
        ExportFormat::TimelineJs => write_timelinejs_json(project, options, out),
        ExportFormat::Markdown => write_brief_markdown(project, options, out),
        ExportFormat::Html => write_brief_html(project, options, out),
        ExportFormat::Svg | ExportFormat::Png => {
            let bytes = export(project, format, options).map_err(io::Error::other)?;
            out.write_all(&bytes)
        }
    }
}

/// The events the filter keeps, in date order (earliest instant, then latest, then title);
/// events whose dates cannot be placed come last.
pub fn filtered_events<'p>(project: &'p Project, filter: &EventFilter) -> Vec<&'p Event> {
    let shown = |i: usize| {
        filter
            .only
            .as_ref()
            .is_none_or(|only| only.get(i).copied().unwrap_or(false))
    };
    let mut events: Vec<(&Event, (i64, i64))> = project
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| shown(*i) && filter.matches(e))
        .map(|(_, e)| e)
        .map(|e| {
            let key = e
                .date
                .bounds()
                .map_or((i64::MAX, i64::MAX), |b| (b.earliest_secs, b.latest_secs));
            (e, key)
        })
        .collect();
    events.sort_by(|(a, ka), (b, kb)| ka.cmp(kb).then_with(|| a.title.cmp(&b.title)));
    events.into_iter().map(|(e, _)| e).collect()
}
