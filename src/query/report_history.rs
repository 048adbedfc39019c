//! An event's history as its reports told it (issue 13, drift): the reported states in
//! publication order, what each said, and what it changed in the picture the earlier
//! reports had given ("date moved from 20–21 Dec to 19 Dec", "expected → held").
//!
//! A state records only what its report said, so the picture a state is compared with is
//! built field by field from the latest earlier state that said something about that field:
//! a report that gave only a new date changed the date, not the place.
//!
//! Dates are written by the caller (`date`), which knows the date-display setting.

use crate::model::{
    DateSpec, Event, EventPlace, EventStatus, Id, Lookup, Project, ReportedState, TimeSecs,
    states_in_publication_order,
};

/// One reported state in an event's history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// Position in `event.reported`.
    pub state: usize,
    /// When it became known ([`ReportedState::known_secs`]); `None` without a dated claim.
    pub known_secs: Option<TimeSecs>,
    /// What it changed in the earlier reports' picture; empty for the first report and for
    /// one that repeated what was known.
    pub changes: Vec<String>,
}

/// The picture the reports had given up to some point: each field as last said.
#[derive(Default)]
struct Picture<'a> {
    date: Option<&'a DateSpec>,
    status: Option<EventStatus>,
    places: Option<&'a [EventPlace]>,
    participants: Option<Vec<Id>>,
    absent: Vec<Id>,
}

/// The states of `event` in publication order, each with what it changed.
pub fn report_history(
    event: &Event,
    project: &Project,
    lookup: &Lookup,
    date: &dyn Fn(&DateSpec) -> String,
) -> Vec<HistoryEntry> {
    let mut picture = Picture::default();
    let mut out = Vec::with_capacity(event.reported.len());
    for (i, (state_index, known_secs)) in states_in_publication_order(event, project, lookup)
        .into_iter()
        .enumerate()
    {
        let Some(state) = event.reported.get(state_index) else {
            continue;
        };
        let changes = if i == 0 {
            Vec::new()
        } else {
            changes_from(&picture, state, project, lookup, date)
        };
        picture.take(state);
        out.push(HistoryEntry {
            state: state_index,
            known_secs,
            changes,
        });
    }
    out
}

impl<'a> Picture<'a> {
    fn take(&mut self, state: &'a ReportedState) {
        if let Some(d) = &state.date {
            self.date = Some(d);
        }
        if let Some(s) = state.status {
            self.status = Some(s);
        }
        if let Some(p) = &state.places {
            self.places = Some(p);
        }
        if let Some(p) = &state.participants {
            self.participants = Some(p.iter().map(|p| p.actor).collect());
        }
        for &a in &state.absent {
            if !self.absent.contains(&a) {
                self.absent.push(a);
            }
        }
    }
}

/// What `state` says differently from `before`, as short phrases.
fn changes_from(
    before: &Picture<'_>,
    state: &ReportedState,
    project: &Project,
    lookup: &Lookup,
    date: &dyn Fn(&DateSpec) -> String,
) -> Vec<String> {
    let mut out = Vec::new();
    let name = |id: Id| lookup.name_of(project, id).to_owned();
    if let (Some(old), Some(new)) = (before.date, &state.date)
        && !same_time(old, new)
    {
        out.push(format!("date moved from {} to {}", date(old), date(new)));
    }
    if let (Some(old), Some(new)) = (before.status, state.status)
        && old != new
    {
        out.push(format!("{} → {}", old.label(), new.label()));
    }
    if let (Some(old), Some(new)) = (before.places, &state.places)
        && !same_places(old, new)
    {
        out.push(format!(
            "place: {} → {}",
            places_text(old, &name),
            places_text(new, &name)
        ));
    }
    if let (Some(old), Some(new)) = (&before.participants, &state.participants) {
        let added: Vec<String> = new
            .iter()
            .filter(|p| !old.contains(&p.actor))
            .map(|p| name(p.actor))
            .collect();
        let dropped: Vec<String> = old
            .iter()
            .filter(|&&a| !new.iter().any(|p| p.actor == a))
            .map(|&a| name(a))
            .collect();
        if !added.is_empty() {
            out.push(format!("now named: {}", added.join(", ")));
        }
        if !dropped.is_empty() {
            out.push(format!("no longer named: {}", dropped.join(", ")));
        }
    }
    let absent: Vec<String> = state
        .absent
        .iter()
        .filter(|a| !before.absent.contains(a))
        .map(|&a| name(a))
        .collect();
    if !absent.is_empty() {
        out.push(format!("reported absent: {}", absent.join(", ")));
    }
    out
}

/// Two dates for the same time: the same bounds whatever their words (a report that called
/// 20–21 December "the weekend" did not move it from "this weekend").
fn same_time(a: &DateSpec, b: &DateSpec) -> bool {
    match (a.bounds(), b.bounds()) {
        (Ok(a), Ok(b)) => (a.earliest_secs, a.latest_secs) == (b.earliest_secs, b.latest_secs),
        _ => a.edtf_text() == b.edtf_text(),
    }
}

fn same_places(a: &[EventPlace], b: &[EventPlace]) -> bool {
    a.len() == b.len() && a.iter().all(|p| b.contains(p))
}

/// "Miami or United States" for candidates, "Miami, Washington" for places all taken.
pub fn places_text(places: &[EventPlace], name: &dyn Fn(Id) -> String) -> String {
    if places.is_empty() {
        return "none".to_owned();
    }
    let joint = if places.iter().all(|p| p.candidate) {
        " or "
    } else {
        ", "
    };
    places
        .iter()
        .map(|p| name(p.location))
        .collect::<Vec<_>>()
        .join(joint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Credibility, EventKind, ParticipantRole, ReportedParticipant};
    use thin_vec::thin_vec;

    fn claim(id: &str, published: &str) -> Claim {
        Claim {
            id: Id::new(id),
            source: Id::new("src"),
            excerpt: "words".into(),
            context_before: Default::default(),
            context_after: Default::default(),
            attribution: Vec::new(),
            published: Some(DateSpec::parse(published).unwrap()),
            url: None,
            credibility: Credibility::ALL[2],
            note: Default::default(),
        }
    }

    fn who(actor: &str) -> ReportedParticipant {
        ReportedParticipant {
            actor: Id::new(actor),
            role: ParticipantRole::Participant,
            certainty: crate::model::Certainty::default(),
        }
    }

    /// The Umerov meeting: on 18 December, expected "over the weekend" in Miami or
    /// elsewhere in the United States with the US delegation; on the 19th, held that
    /// morning in Miami with Witkoff and Kushner. The states are listed newest first, so
    /// that the order comes from the publication dates.
    fn miami() -> (Project, Event) {
        let mut project = crate::io::sample_project().unwrap();
        project.claims.push(claim("c-18", "2025-12-18"));
        project.claims.push(claim("c-19", "2025-12-19"));
        let mut event = Event::new(
            "ev-umerov",
            "Umerov meets the US delegation",
            EventKind::Meeting,
            EventStatus::Held,
            DateSpec::parse("2025-12-19").unwrap(),
        );
        let expected = ReportedState {
            claims: thin_vec![Id::new("c-18")],
            date: Some(
                DateSpec::parse("2025-12-20/2025-12-21")
                    .unwrap()
                    .with_wording("over the weekend"),
            ),
            status: Some(EventStatus::Expected),
            places: Some(thin_vec![
                EventPlace {
                    location: Id::new("l-miami"),
                    candidate: true
                },
                EventPlace {
                    location: Id::new("l-united-states"),
                    candidate: true
                },
            ]),
            participants: Some(thin_vec![who("a-umerov"), who("a-us-delegation")]),
            ..ReportedState::default()
        };
        let held = ReportedState {
            claims: thin_vec![Id::new("c-19")],
            date: Some(
                DateSpec::parse("2025-12-19")
                    .unwrap()
                    .with_wording("on Friday morning"),
            ),
            status: Some(EventStatus::Held),
            places: Some(thin_vec![EventPlace {
                location: Id::new("l-miami"),
                candidate: false
            }]),
            participants: Some(thin_vec![
                who("a-umerov"),
                who("a-witkoff"),
                who("a-kushner")
            ]),
            absent: thin_vec![Id::new("a-dmitriev")],
            ..ReportedState::default()
        };
        event.reported = thin_vec![held, expected];
        (project, event)
    }

    fn edtf(d: &DateSpec) -> String {
        d.edtf_text()
    }

    #[test]
    fn the_miami_history_says_what_the_second_report_changed() {
        let (project, event) = miami();
        let lookup = Lookup::new(&project);
        let history = report_history(&event, &project, &lookup, &edtf);
        assert_eq!(
            history.iter().map(|h| h.state).collect::<Vec<_>>(),
            [1, 0],
            "publication order"
        );
        assert!(
            history[0].changes.is_empty(),
            "the first report changes nothing"
        );
        assert_eq!(
            history[1].changes,
            [
                "date moved from 2025-12-20/2025-12-21 to 2025-12-19",
                "expected → held",
                "place: Miami or United States → Miami",
                "now named: Steve Witkoff, Jared Kushner",
                "no longer named: US delegation",
                "reported absent: Kirill Dmitriev",
            ]
        );
        let day = |d| crate::model::day_start_secs(2025, 12, d).ok();
        assert_eq!(
            history[0].known_secs,
            day(19),
            "known by the end of the 18th"
        );
        assert_eq!(history[1].known_secs, day(20));
    }

    #[test]
    fn a_report_is_compared_with_what_was_last_said_of_each_field() {
        let (project, mut event) = miami();
        let lookup = Lookup::new(&project);
        // The second report says only the time, with other words for the same days: no
        // change at all, and the place and people stand as the first report gave them.
        event.reported[0] = ReportedState {
            claims: thin_vec![Id::new("c-19")],
            date: Some(
                DateSpec::parse("2025-12-20/2025-12-21")
                    .unwrap()
                    .with_wording("on Saturday and Sunday"),
            ),
            ..ReportedState::default()
        };
        let history = report_history(&event, &project, &lookup, &edtf);
        assert!(history[1].changes.is_empty(), "{:?}", history[1].changes);
        // A third report, status only: compared with the first's status.
        event.reported.push(ReportedState {
            claims: thin_vec![Id::new("c-19")],
            status: Some(EventStatus::Cancelled),
            ..ReportedState::default()
        });
        let history = report_history(&event, &project, &lookup, &edtf);
        assert_eq!(history.len(), 3);
        assert_eq!(history[2].changes, ["expected → cancelled"]);
    }

    #[test]
    fn places_read_as_the_report_gave_them() {
        let name = |id: Id| id.as_str().trim_start_matches("l-").to_owned();
        let place = |id: &str, candidate| EventPlace {
            location: Id::new(id),
            candidate,
        };
        assert_eq!(places_text(&[], &name), "none");
        assert_eq!(
            places_text(&[place("l-miami", true), place("l-us", true)], &name),
            "miami or us"
        );
        assert_eq!(
            places_text(&[place("l-miami", false), place("l-dc", false)], &name),
            "miami, dc"
        );
    }
}
