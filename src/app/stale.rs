//! Fields an edit leaves contradicting another: the place words still naming a place just
//! removed, the report's words for a date replaced by what the analyst typed, participants
//! still "likely" at an event now marked held. Found from the event before and after an edit
//! (not from the event alone: a held event may keep a hedged participant on purpose), each
//! with the one change that resolves it.

use super::edit::{Change, Edit};
use crate::model::{Certainty, Event, EventStatus, Id, Project};

/// Which field of the event form a finding is shown beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaleField {
    DateWords,
    PlaceWords,
    Participants,
}

/// A field made stale by an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stale {
    /// A date typed in words replaced the report's words for the date ("over the weekend").
    DateWordsReplaced { old: String, typed: String },
    /// The date changed and kept the words said of the old date.
    DateWordsOfOldDate { words: String, old_date: String },
    /// The place words name a place that was just removed from the event.
    PlaceWordsNameRemoved { location: Id, name: String },
    /// The event was marked held while some participants are still hedged ("likely").
    HedgedAtHeldEvent { actors: Vec<Id> },
}

impl Stale {
    pub fn field(&self) -> StaleField {
        match self {
            Self::DateWordsReplaced { .. } | Self::DateWordsOfOldDate { .. } => {
                StaleField::DateWords
            }
            Self::PlaceWordsNameRemoved { .. } => StaleField::PlaceWords,
            Self::HedgedAtHeldEvent { .. } => StaleField::Participants,
        }
    }

    /// What is wrong, in a sentence.
    pub fn message(&self, project: &Project, event: &Event) -> String {
        match self {
            Self::DateWordsReplaced { old, .. } => {
                format!("Typing the date replaced the report's words “{old}”.")
            }
            Self::DateWordsOfOldDate { words, old_date } => {
                format!("“{words}” was said of {old_date}, not of the new date.")
            }
            Self::PlaceWordsNameRemoved { name, .. } => {
                format!("The place words still name {name}, no longer a place of this event.")
            }
            Self::HedgedAtHeldEvent { .. } => {
                let lookup = project.lookup();
                let hedged: Vec<String> = event
                    .participants
                    .iter()
                    .filter(|p| self.concerns(p.actor) && !p.certainty.is_stated())
                    .map(|p| {
                        format!(
                            "{} ({})",
                            lookup.name_of(project, p.actor),
                            p.certainty.label()
                        )
                    })
                    .collect();
                format!(
                    "Marked held, but still hedged: {}.",
                    join_names(&hedged, "and")
                )
            }
        }
    }

    /// The fix, as its button says it.
    pub fn fix_label(&self) -> String {
        match self {
            Self::DateWordsReplaced { old, .. } => format!("Keep “{old}”"),
            Self::DateWordsOfOldDate { .. } => "Clear the date words".to_owned(),
            Self::PlaceWordsNameRemoved { .. } => "Clear the place words".to_owned(),
            Self::HedgedAtHeldEvent { actors } if actors.len() == 1 => {
                "Make the participant stated".to_owned()
            }
            Self::HedgedAtHeldEvent { .. } => "Make them stated".to_owned(),
        }
    }

    /// How the fix is named in the Edit menu, before the event's title.
    pub fn undo_verb(&self) -> &'static str {
        match self {
            Self::DateWordsReplaced { .. } => "keep the report's date words of",
            Self::DateWordsOfOldDate { .. } => "clear the date words of",
            Self::PlaceWordsNameRemoved { .. } => "clear the place words of",
            Self::HedgedAtHeldEvent { .. } => "make the participants stated in",
        }
    }

    fn concerns(&self, actor: Id) -> bool {
        matches!(self, Self::HedgedAtHeldEvent { actors } if actors.contains(&actor))
    }

    /// Whether `event` still has the contradiction: the analyst may have resolved it by hand.
    pub fn applies(&self, event: &Event) -> bool {
        match self {
            Self::DateWordsReplaced { typed, .. } => event.date.wording() == Some(typed.as_str()),
            Self::DateWordsOfOldDate { words, old_date } => {
                event.date.wording() == Some(words.as_str()) && event.date.edtf_text() != *old_date
            }
            Self::PlaceWordsNameRemoved { location, name } => {
                !event.location_ids().any(|l| l == *location)
                    && event
                        .place_wording
                        .as_deref()
                        .is_some_and(|w| names_in(w, name))
            }
            Self::HedgedAtHeldEvent { .. } => {
                event.status == EventStatus::Held
                    && event
                        .participants
                        .iter()
                        .any(|p| self.concerns(p.actor) && !p.certainty.is_stated())
            }
        }
    }

    /// `event` with the fix made.
    #[must_use]
    pub fn fixed(&self, event: &Event) -> Event {
        let mut new = event.clone();
        match self {
            Self::DateWordsReplaced { old, .. } => new.date.set_wording(Some(old)),
            Self::DateWordsOfOldDate { .. } => new.date.set_wording(None),
            Self::PlaceWordsNameRemoved { .. } => new.place_wording = None,
            Self::HedgedAtHeldEvent { .. } => {
                for p in &mut new.participants {
                    if self.concerns(p.actor) {
                        p.certainty = Certainty::Stated;
                    }
                }
            }
        }
        new
    }
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Whether `text` names `name` as whole words, ignoring case: "the United States" names
/// "United States", "Miamisburg" does not name "Miami".
fn names_in(text: &str, name: &str) -> bool {
    let text = text.to_lowercase();
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return false;
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&name).any(|(at, _)| {
        !is_word(text[..at].chars().next_back()) && !is_word(text[at + name.len()..].chars().next())
    })
}

/// The fields `after` leaves stale that `before` had right.
pub fn stale_after(project: &Project, before: &Event, after: &Event) -> Vec<Stale> {
    let mut out = Vec::new();
    let date_changed = before.date.edtf != after.date.edtf;
    if date_changed && let Some(old) = before.date.wording() {
        match after.date.wording() {
            Some(typed) if typed != old => out.push(Stale::DateWordsReplaced {
                old: old.to_owned(),
                typed: typed.to_owned(),
            }),
            Some(_) => out.push(Stale::DateWordsOfOldDate {
                words: old.to_owned(),
                old_date: before.date.edtf_text(),
            }),
            None => {}
        }
    }
    if let Some(words) = after.place_wording.as_deref() {
        let lookup = project.lookup();
        for location in before.location_ids() {
            if after.location_ids().any(|l| l == location) {
                continue;
            }
            let Some(place) = lookup.location(project, location) else {
                continue;
            };
            // The name the words use: the place's name, else one of its aliases.
            let named = std::iter::once(&place.name)
                .chain(&place.aliases)
                .find(|n| names_in(words, n));
            if let Some(name) = named {
                out.push(Stale::PlaceWordsNameRemoved {
                    location,
                    name: name.clone(),
                });
            }
        }
    }
    if after.status == EventStatus::Held && before.status != EventStatus::Held {
        let actors: Vec<Id> = after
            .participants
            .iter()
            .filter(|p| !p.certainty.is_stated())
            .map(|p| p.actor)
            .collect();
        if !actors.is_empty() {
            out.push(Stale::HedgedAtHeldEvent { actors });
        }
    }
    out
}

/// The findings of [`stale_after`] for every change `edit` makes to the event `event_id`.
pub fn stale_after_edit(project: &Project, edit: &Edit, event_id: &str) -> Vec<Stale> {
    edit.changes
        .iter()
        .filter_map(|change| match change {
            Change::Event(c) => c.before.as_ref().zip(c.after.as_ref()),
            _ => None,
        })
        .filter(|(before, after)| before.id == event_id && after.id == event_id)
        .flat_map(|(before, after)| stale_after(project, before, after))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::DateSpec;

    fn event<'p>(p: &'p Project, id: &str) -> &'p Event {
        p.events.iter().find(|e| e.id == id).unwrap()
    }

    #[test]
    fn removing_a_place_the_words_name_is_found_and_clearing_fixes_it() {
        let p = sample_project().unwrap();
        let before = event(&p, "ev-umerov-us-meeting");
        let mut after = before.clone();
        after
            .places
            .retain(|pl| pl.location != Id::new("l-united-states"));
        let found = stale_after(&p, before, &after);
        assert_eq!(
            found,
            [Stale::PlaceWordsNameRemoved {
                location: Id::new("l-united-states"),
                name: "United States".into()
            }]
        );
        let stale = &found[0];
        assert_eq!(stale.field(), StaleField::PlaceWords);
        assert!(stale.applies(&after));
        assert_eq!(
            stale.message(&p, &after),
            "The place words still name United States, no longer a place of this event."
        );
        let fixed = stale.fixed(&after);
        assert_eq!(fixed.place_wording, None);
        assert!(!stale.applies(&fixed));
        // Removing Miami instead: the words name it too.
        let mut no_miami = before.clone();
        no_miami
            .places
            .retain(|pl| pl.location != Id::new("l-miami"));
        assert_eq!(stale_after(&p, before, &no_miami).len(), 1);
        // Nothing removed, nothing stale.
        assert!(stale_after(&p, before, before).is_empty());
    }

    #[test]
    fn words_name_places_as_whole_words() {
        assert!(names_in(
            "in Miami or elsewhere in the United States",
            "united states"
        ));
        assert!(names_in("Miami.", "Miami"));
        assert!(!names_in("near Miamisburg", "Miami"));
        assert!(!names_in("anything", " "));
    }

    #[test]
    fn a_typed_date_replacing_the_report_s_words_offers_them_back() {
        let p = sample_project().unwrap();
        let before = event(&p, "ev-umerov-us-meeting");
        let mut after = before.clone();
        after.date = DateSpec::parse("2025-12-19")
            .unwrap()
            .with_wording("19 Dec 2025");
        let found = stale_after(&p, before, &after);
        assert_eq!(
            found,
            [Stale::DateWordsReplaced {
                old: "over the weekend".into(),
                typed: "19 Dec 2025".into()
            }]
        );
        let fixed = found[0].fixed(&after);
        assert_eq!(fixed.date.wording(), Some("over the weekend"));
        assert_eq!(fixed.date.edtf_text(), "2025-12-19");
        assert!(!found[0].applies(&fixed));
        assert_eq!(found[0].fix_label(), "Keep “over the weekend”");
        // Words typed over it by hand settle it too.
        let mut by_hand = after.clone();
        by_hand.date.set_wording(Some("on Friday morning"));
        assert!(!found[0].applies(&by_hand));
    }

    #[test]
    fn a_new_date_keeping_the_old_words_is_found() {
        let p = sample_project().unwrap();
        let before = event(&p, "ev-umerov-us-meeting");
        let mut after = before.clone();
        after.date = DateSpec::parse("2025-12-19")
            .unwrap()
            .with_wording("over the weekend");
        let found = stale_after(&p, before, &after);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message(&p, &after)
                .contains("was said of 2025-12-20/2025-12-21")
        );
        assert_eq!(found[0].fixed(&after).date.wording(), None);
    }

    #[test]
    fn marking_an_event_held_finds_its_hedged_participants() {
        let p = sample_project().unwrap();
        let before = event(&p, "ev-miami-talks");
        let mut after = before.clone();
        after.status = EventStatus::Held;
        let found = stale_after(&p, before, &after);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field(), StaleField::Participants);
        assert_eq!(
            found[0].message(&p, &after),
            "Marked held, but still hedged: Steve Witkoff (likely), Jared Kushner (likely) \
             and Kirill Dmitriev (likely)."
        );
        let fixed = found[0].fixed(&after);
        assert!(fixed.participants.iter().all(|x| x.certainty.is_stated()));
        assert!(!found[0].applies(&fixed));
        // Already held: no news.
        assert!(stale_after(&p, &after, &after).is_empty());
    }

    #[test]
    fn findings_come_from_the_event_changes_of_an_edit() {
        let p = sample_project().unwrap();
        let index = p
            .events
            .iter()
            .position(|e| e.id == "ev-miami-talks")
            .unwrap();
        let mut held = p.events[index].clone();
        held.status = EventStatus::Held;
        let edit = super::super::edits::replace_event(&p, index, held, "edit").unwrap();
        assert_eq!(stale_after_edit(&p, &edit, "ev-miami-talks").len(), 1);
        assert!(stale_after_edit(&p, &edit, "ev-berlin-talks").is_empty());
    }
}
