//! A dataset of GDELT mentions only, imported into the project that holds their events (an
//! events slice imported earlier: GDELT publishes mentions as a table of their own, and a
//! BigQuery export of them is a query of its own). The mentions of the project's `gdelt-N`
//! events become claims and reported states on those events; the rest are never decoded
//! (the row filter on their ids). The import holds no events: its claims and outlets, and
//! what it adds to each event (`Imported::additions_to_events`), are merged into the project.
//!
//! The slice: `--from`/`--to` select mentions by when they were published
//! (`MentionTimeDate`, whose row-group statistics skip what they rule out; a hive folder
//! by day, `date=…`, is taken to be the mentions' day and skipped by it, as for events);
//! `--limit` caps the mentions read. The actor, country and event-code filters select events, which the
//! project already did: they are refused.

use std::time::Instant;

use super::super::builder::Builder;
use super::mentions::Mentions;
use super::{Run, Slice};
use crate::import::{ImportError, ImportFormat, Imported};
use crate::model::{Project, count};

impl Run<'_> {
    /// The mentions files set aside by `plan`, read against `project`'s events.
    pub(super) fn mentions_into(
        mut self,
        project: &Project,
        started: Instant,
    ) -> Result<Imported, ImportError> {
        let shown = self.shown.clone();
        let mut mentions = Mentions::new(&project.events);
        let gdelt_events = mentions.num_events();
        if gdelt_events == 0 {
            return Err(ImportError::NoEvents(format!(
                "{shown}: holds GDELT mentions, and the project has no GDELT event (ids gdelt-N) for them to add to; import the events first, then their mentions into that project"
            )));
        }
        let s = self.slice;
        let event_filters = [
            ("--actor", s.actor.is_some()),
            ("--country", s.country.is_some()),
            ("--event-code", s.event_code.is_some()),
        ];
        if let Some((flag, _)) = event_filters.iter().find(|(_, on)| *on) {
            return Err(ImportError::Format(format!(
                "{shown}: {flag} selects events, and GDELT mentions have no such column: the project's events are the ones the mentions are added to (--from/--to select mentions by when they were published)"
            )));
        }
        let days = Slice {
            from: s.from,
            to: s.to,
            ..Slice::default()
        };
        let limit = self.remaining(0);
        let mut b = Builder::new(ImportFormat::Parquet, self.options);
        if let Some(source) = b.project.sources.first_mut() {
            source.name = format!("GDELT 2.0 mentions from Parquet ({})", b.project.title);
            source.note = "GDELT 2.0 mentions imported from Parquet by Detente".into();
        }
        let (scanned, matched) = self
            .read_mentions(&mut mentions, &project.events, &mut b, &days, limit, true)
            .map_err(ImportError::Format)?;
        let in_days = if days.filters_rows() {
            format!(" published in the slice ({})", days.describe())
        } else {
            String::new()
        };
        if matched == 0 {
            return Err(ImportError::NoEvents(format!(
                "{shown}: none of the {} read is of one of the project's {}{in_days}; nothing was imported",
                count(scanned as usize, "mention", "mentions"),
                count(gdelt_events, "GDELT event", "GDELT events"),
            )));
        }
        // The dataset's own source is cited only by mentions that name no outlet.
        let dataset = b.dataset;
        if !b.project.claims.iter().any(|c| c.source == dataset) {
            b.project.sources.retain(|x| x.id != dataset);
        }
        b.report.rows_read = matched as usize;
        let left_out = scanned.saturating_sub(matched) as usize;
        let mut note = format!(
            "GDELT mentions: {} added to {} of the project; {} already there",
            count(mentions.added, "mention", "mentions"),
            count(mentions.events_added_to(), "event", "events"),
            mentions.repeated,
        );
        if limit.is_some_and(|l| matched as usize >= l) {
            note.push_str(&format!("; stopped at the limit of {matched} rows"));
        } else if days.filters_rows() {
            note.push_str(&format!(
                "; {} of other events, or not published in the slice, left out",
                count(left_out, "mention", "mentions")
            ));
        } else {
            note.push_str(&format!(
                "; {} of events not in the project left out",
                count(left_out, "mention", "mentions")
            ));
        }
        b.report.input_notes.push(note);
        self.close_counters(started);
        let mut imported = b.finish();
        imported.report.parquet = Some(self.counters);
        imported.additions_to_events = Some(mentions.into_additions(&project.events));
        Ok(imported)
    }
}
