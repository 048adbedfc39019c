//! An event's history (issue 13, drift), read-only: its reported states in publication
//! order, each with when it was known, what it said, what it changed from the reports
//! before it (`query::report_history`) and the claims that said it; above them, the
//! milestone-trend chart of the dates they expected.

use egui::RichText;

use crate::app::{Selected, list_date_text};
use crate::layout::{TrendState, drawn_extent};
use crate::model::{
    DateSpec, EndKind, Event, Id, ReportedState, SECS_PER_DAY, TimeSecs, claim_known_secs,
};
use crate::query::{HistoryEntry, places_text, report_history};

use super::DetailsContext;
use super::trend_chart::{ChartPoint, trend_chart_ui};

/// What heads the section, and what kittests find it by.
pub const HISTORY_HEADING: &str = "History";

impl DetailsContext<'_> {
    /// The section, for an event with reported states; nothing otherwise.
    pub(super) fn history_ui(&mut self, ui: &mut egui::Ui, event: &Event) {
        // A history begins with the second report: one report is the event's claims, listed
        // below, and its row in Reports; repeating its excerpts here said nothing new.
        if event.reported.len() < 2 {
            return;
        }
        let (project, lookup) = (self.doc.project(), self.doc.lookup());
        let display = self.display;
        let history = report_history(event, project, lookup, &|d| list_date_text(d, display));
        ui.add_space(6.0);
        ui.strong(format!(
            "{HISTORY_HEADING} ({})",
            crate::model::count(history.len(), "report", "reports")
        ));
        let points: Vec<ChartPoint> = history
            .iter()
            .filter_map(|entry| self.chart_point(event, entry))
            .collect();
        if !points.is_empty() {
            trend_chart_ui(ui, &points, event.kind);
        }
        for (i, entry) in history.iter().enumerate() {
            if let Some(state) = event.reported.get(entry.state) {
                self.state_ui(ui, state, entry, i == 0);
            }
        }
    }

    /// The state's point on the chart: its publication and its expected date, when it has
    /// both.
    fn chart_point(&self, event: &Event, entry: &HistoryEntry) -> Option<ChartPoint> {
        let state = event.reported.get(entry.state)?;
        let date = state.date.as_ref()?;
        let known_secs = entry.known_secs?;
        let bounds = date.bounds().ok()?;
        // An unknown or open end stands a day from the known one, as the timeline fades it
        // over a day: the chart shows what was said, not the whole calendar.
        let (mut earliest, mut latest) = drawn_extent(&bounds);
        if bounds.start != EndKind::Known {
            earliest = bounds
                .latest_secs
                .saturating_sub(SECS_PER_DAY)
                .max(earliest);
        }
        if bounds.end != EndKind::Known {
            latest = bounds
                .earliest_secs
                .saturating_add(SECS_PER_DAY)
                .min(latest);
        }
        Some(ChartPoint {
            trend: TrendState {
                state: entry.state,
                known_secs,
                expected: (earliest, latest),
            },
            status: state.status,
            reported: self.reported_text(state, Some(known_secs)),
            expected: list_date_text(date, self.display),
        })
    }

    /// When a state was published: the publication date of its first claim known, as the
    /// settings write dates.
    fn reported_text(&self, state: &ReportedState, known_secs: Option<TimeSecs>) -> String {
        let (project, lookup) = (self.doc.project(), self.doc.lookup());
        let published: Option<&DateSpec> = state
            .claims
            .iter()
            .filter_map(|&id| lookup.claim(project, id))
            .find(|c| known_secs.is_some() && claim_known_secs(c) == known_secs)
            .and_then(|c| c.published.as_ref());
        published.map_or_else(
            || "date unknown".to_owned(),
            |d| list_date_text(d, self.display),
        )
    }

    /// One state: when, what it said, what it changed (`first`: nothing before it), and its
    /// claims.
    fn state_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &ReportedState,
        entry: &HistoryEntry,
        first: bool,
    ) {
        let reported = self.reported_text(state, entry.known_secs);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("Reported {reported}")).strong());
            self.said_ui(ui, state);
            if first {
                ui.weak("First report");
            } else if entry.changes.is_empty() {
                ui.weak("Changed nothing known before");
            } else {
                ui.label(RichText::new("Changed:").weak());
                for change in &entry.changes {
                    ui.label(format!("• {change}"));
                }
            }
            if !state.note.is_empty() {
                ui.weak(state.note.as_str());
            }
            for &claim in &state.claims {
                self.claim_card_ui(ui, claim);
            }
        });
    }

    /// What the report said: date with its words, status, places, who and who not.
    fn said_ui(&mut self, ui: &mut egui::Ui, state: &ReportedState) {
        if state.says_nothing() {
            ui.weak("Said nothing of date, status, place or people");
            return;
        }
        if state.date.is_some() || state.status.is_some() {
            Self::field(ui, "Said", |ui| {
                if let Some(date) = &state.date {
                    ui.label(list_date_text(date, self.display));
                    if let Some(words) = date.wording() {
                        ui.label(format!("“{words}”"));
                    }
                }
                if let Some(status) = state.status {
                    ui.label(RichText::new(status.label()).strong())
                        .on_hover_text(status.meaning());
                }
            });
        }
        if state.places.is_some() || state.place_wording.is_some() {
            let name = |id: Id| self.name(id).to_owned();
            let places = state
                .places
                .as_ref()
                .map(|p| places_text(p, &name))
                .unwrap_or_default();
            Self::field(ui, "Place", |ui| {
                if !places.is_empty() {
                    ui.label(places);
                }
                if let Some(w) = &state.place_wording {
                    ui.weak(format!("“{w}”"));
                }
            });
        }
        if let Some(participants) = &state.participants {
            Self::field(ui, "People", |ui| {
                for (i, part) in participants.iter().enumerate() {
                    let name = self.name(part.actor).to_owned();
                    let sep = if i + 1 < participants.len() { "," } else { "" };
                    self.link(ui, &format!("{name}{sep}"), Selected::Actor(part.actor));
                    if !part.certainty.is_stated() {
                        ui.weak(format!("({})", part.certainty.label()));
                    }
                }
            });
        }
        if !state.absent.is_empty() {
            Self::field(ui, "Absent", |ui| {
                for &actor in &state.absent {
                    let name = self.name(actor).to_owned();
                    self.link(ui, &name, Selected::Actor(actor));
                }
            });
        }
    }
}
