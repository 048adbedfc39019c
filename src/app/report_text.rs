//! What a reported state said, in one line (the event's Reports section): "held · Fri 19
//! Dec 2025 · Miami · Steve Witkoff, Jared Kushner · without Kirill Dmitriev".

use super::{DateDisplay, list_date_text};
use crate::model::{Lookup, Project, ReportedState, parse_date_input};

/// The state's status, date (with the report's words unless they only spell the date),
/// places ("or" between candidates), participants and absent actors, as far as it said
/// them; "says nothing new" when it said none of them.
pub fn report_summary(
    state: &ReportedState,
    project: &Project,
    lookup: &Lookup,
    display: &DateDisplay,
) -> String {
    let name = |id| lookup.name_of(project, id);
    let mut parts: Vec<String> = Vec::new();
    if let Some(status) = state.status {
        parts.push(status.label().to_owned());
    }
    if let Some(date) = &state.date {
        let mut text = list_date_text(date, display);
        if let Some(w) = date.wording()
            && parse_date_input(w).map(|x| x.edtf) != Ok(date.edtf_text())
        {
            text.push_str(&format!(" “{w}”"));
        }
        parts.push(text);
    }
    if let Some(places) = &state.places {
        let joiner = if places.iter().any(|p| p.candidate) {
            " or "
        } else {
            ", "
        };
        let names: Vec<&str> = places.iter().map(|p| name(p.location)).collect();
        if !names.is_empty() {
            parts.push(names.join(joiner));
        }
    }
    if let Some(who) = &state.participants {
        let names: Vec<&str> = who.iter().map(|p| name(p.actor)).collect();
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
    }
    if !state.absent.is_empty() {
        let names: Vec<&str> = state.absent.iter().map(|&a| name(a)).collect();
        parts.push(format!("without {}", names.join(", ")));
    }
    if parts.is_empty() {
        parts.push("says nothing new".to_owned());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::{DateSpec, EventStatus, Id, ReportedParticipant};

    #[test]
    fn a_state_in_one_line_without_repeating_a_spelled_date() {
        let p = sample_project().unwrap();
        let lookup = Lookup::new(&p);
        let display = DateDisplay::default();
        let umerov = p
            .events
            .iter()
            .find(|e| e.id == "ev-umerov-us-meeting")
            .unwrap();
        let first = report_summary(&umerov.reported[0], &p, &lookup, &display);
        assert!(
            first.starts_with("expected · ")
                && first.contains(
                    "“over the weekend” · Miami or United States · Rustem Umerov, US delegation"
                ),
            "{first}"
        );
        let friday = ReportedState {
            date: Some(
                DateSpec::parse("2025-12-19")
                    .unwrap()
                    .with_wording("19 Dec 2025"),
            ),
            status: Some(EventStatus::Held),
            participants: Some(thin_vec::thin_vec![ReportedParticipant {
                actor: Id::new("a-witkoff"),
                role: Default::default(),
                certainty: Default::default(),
            }]),
            absent: thin_vec::thin_vec![Id::new("a-dmitriev")],
            ..ReportedState::default()
        };
        let line = report_summary(&friday, &p, &lookup, &display);
        assert!(!line.contains('“'), "{line}");
        assert!(
            line.starts_with("held · ")
                && line.ends_with(" · Steve Witkoff · without Kirill Dmitriev"),
            "{line}"
        );
        assert_eq!(
            report_summary(&ReportedState::default(), &p, &lookup, &display),
            "says nothing new"
        );
    }
}
