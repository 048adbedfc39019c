//! The one filter every view shares: text search and facets, applied to the whole project.
//!
//! Events are filtered first; actors and places then pass when they match the text or take
//! part in a passing event, so that every panel tells the same story. Pure and tested; the
//! UI caches the result per filter and project revision.

use std::collections::HashSet;

use super::corroboration::ClaimIndex;
use super::filter_state::FilterState;
use super::text_search::TextSearch;
use crate::model::{Event, Filter, Id, Lookup, Position, Project, TimeSecs};

/// What passes, per entity list, by position in the project's lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterResult {
    pub events: Vec<bool>,
    pub actors: Vec<bool>,
    pub locations: Vec<bool>,
    pub positions: Vec<bool>,
    pub claims: Vec<bool>,
    pub sources: Vec<bool>,
}

/// Shown and total counts of one list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub shown: usize,
    pub total: usize,
}

impl Shown {
    fn of(flags: &[bool]) -> Self {
        Self {
            shown: flags.iter().filter(|&&b| b).count(),
            total: flags.len(),
        }
    }

    pub fn hidden(self) -> usize {
        self.total - self.shown
    }
}

impl FilterResult {
    /// Everything passes.
    pub fn all(project: &Project) -> Self {
        Self {
            events: vec![true; project.events.len()],
            actors: vec![true; project.actors.len()],
            locations: vec![true; project.locations.len()],
            positions: vec![true; project.positions.len()],
            claims: vec![true; project.claims.len()],
            sources: vec![true; project.sources.len()],
        }
    }

    pub fn events_shown(&self) -> Shown {
        Shown::of(&self.events)
    }
    pub fn actors_shown(&self) -> Shown {
        Shown::of(&self.actors)
    }
    pub fn locations_shown(&self) -> Shown {
        Shown::of(&self.locations)
    }
    pub fn positions_shown(&self) -> Shown {
        Shown::of(&self.positions)
    }
    pub fn claims_shown(&self) -> Shown {
        Shown::of(&self.claims)
    }
    pub fn sources_shown(&self) -> Shown {
        Shown::of(&self.sources)
    }
}

/// Which claims each issue's positions cite: an event is on an issue when the same claims
/// report it (the Miami talks and the 20-point plan), or when it carries a tag of that name.
fn issue_claims(project: &Project, issues: &[Id]) -> HashSet<Id> {
    project
        .positions
        .iter()
        .filter(|p| issues.contains(&p.issue))
        .flat_map(|p| p.claims.iter().copied())
        .collect()
}

/// A filter made ready to ask of entities: its text matcher, and what it selects among the
/// lists other than events (which an edit of events leaves as they are, so that this is
/// kept while events change).
pub(super) struct Prepared {
    pub filter: Filter,
    text: Option<TextSearch>,
    /// Actors, places and claims whose own text matches.
    pub actor_text: HashSet<Id>,
    pub location_text: HashSet<Id>,
    pub claim_text: HashSet<Id>,
    /// The names of the filter's issues, which a tag of the same name stands for.
    issue_names: Vec<String>,
    on_issue_claims: HashSet<Id>,
}

impl Prepared {
    pub fn new(project: &Project, lookup: &Lookup, filter: &Filter) -> Self {
        let text = TextSearch::new(&filter.text);
        let matches = |s: &str| text.as_ref().is_some_and(|t| t.matches(s));
        let actor_text = project
            .actors
            .iter()
            .filter(|a| matches(&a.name) || a.aliases.iter().any(|x| matches(x)))
            .map(|a| a.id)
            .collect();
        let location_text = project
            .locations
            .iter()
            .filter(|l| matches(&l.name) || l.aliases.iter().any(|x| matches(x)))
            .map(|l| l.id)
            .collect();
        let claim_text = project
            .claims
            .iter()
            .filter(|c| matches(&c.excerpt) || matches(&c.note))
            .map(|c| c.id)
            .collect();
        let issue_names = filter
            .issues
            .iter()
            .map(|&i| {
                lookup
                    .issue(project, i)
                    .map_or("", |x| x.name.as_str())
                    .to_owned()
            })
            .collect();
        Self {
            filter: filter.clone(),
            actor_text,
            location_text,
            claim_text,
            issue_names,
            on_issue_claims: issue_claims(project, &filter.issues),
            text,
        }
    }

    pub fn has_text(&self) -> bool {
        self.text.is_some()
    }

    pub fn matches(&self, hay: &str) -> bool {
        self.text.as_ref().is_some_and(|t| t.matches(hay))
    }

    /// Whether `e` passes every facet and the text.
    pub fn event_passes(
        &self,
        e: &Event,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
    ) -> bool {
        self.event_passes_facets(e, project, lookup, claims_index) && self.event_passes_text(e)
    }

    fn event_passes_facets(
        &self,
        e: &Event,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
    ) -> bool {
        let filter = &self.filter;
        if !filter.kinds.is_empty() && !filter.kinds.contains(&e.kind) {
            return false;
        }
        if !filter.statuses.is_empty() && !filter.statuses.contains(&e.status) {
            return false;
        }
        if !filter.participants.is_empty()
            && !e
                .participant_ids()
                .any(|a| filter.participants.contains(&a))
        {
            return false;
        }
        if !filter.locations.is_empty() && !e.location_ids().any(|l| filter.locations.contains(&l))
        {
            return false;
        }
        if filter.disputed && !super::disputes::is_disputed(e, project, lookup) {
            return false;
        }
        if !filter.issues.is_empty() {
            let by_claim = e.all_claim_ids().any(|c| self.on_issue_claims.contains(&c));
            let by_tag = e.tags.iter().any(|&t| {
                self.issue_names
                    .iter()
                    .any(|name| name == lookup.name_of(project, t))
            });
            if !by_claim && !by_tag {
                return false;
            }
        }
        overlaps(filter, e) && self.passes_grades(claims_index, || e.all_claim_ids())
    }

    /// The grade facets, on the claims `ids` gives.
    fn passes_grades<I: Iterator<Item = Id>>(
        &self,
        claims_index: &ClaimIndex,
        ids: impl Fn() -> I,
    ) -> bool {
        let filter = &self.filter;
        if let Some(min) = filter.min_reliability
            && claims_index
                .best_reliability(ids())
                .is_none_or(|best| best > min)
        {
            return false;
        }
        !(filter.min_sources > 1 && claims_index.independent_sources(ids()) < filter.min_sources)
    }

    /// The text: the event's own words, or an actor, place or claim of it that matches.
    fn event_passes_text(&self, e: &Event) -> bool {
        if self.text.is_none() {
            return true;
        }
        let matches = |s: &str| self.matches(s);
        let own = matches(&e.title)
            || matches(&e.description)
            || e.place_wording.as_deref().is_some_and(matches)
            || e.date.wording().is_some_and(matches);
        own || e.participant_ids().any(|a| self.actor_text.contains(&a))
            || e.location_ids().any(|l| self.location_text.contains(&l))
            || e.all_claim_ids().any(|c| self.claim_text.contains(&c))
    }

    /// Whether a position passes. It has no kind, status or place of its own: under those
    /// facets it stands when its evidence reports a passing event (a claim cited by both,
    /// `event_claims`), as an event stands on an issue when the issue's positions cite its
    /// claims.
    pub fn position_passes(
        &self,
        p: &Position,
        project: &Project,
        lookup: &Lookup,
        claims_index: &ClaimIndex,
        event_claims: impl Fn(&Id) -> bool,
    ) -> bool {
        let filter = &self.filter;
        if self.event_facets() && !p.claims.iter().any(event_claims) {
            return false;
        }
        if !filter.issues.is_empty() && !filter.issues.contains(&p.issue) {
            return false;
        }
        if !filter.participants.is_empty() && !filter.participants.contains(&p.holder) {
            return false;
        }
        if let Ok(b) = p.as_of.bounds()
            && (filter.from_secs.is_some_and(|f| b.latest_secs < f)
                || filter.to_secs.is_some_and(|t| b.earliest_secs > t))
        {
            return false;
        }
        if !self.passes_grades(claims_index, || p.claims.iter().copied()) {
            return false;
        }
        if self.has_text() {
            return self.matches(&p.summary)
                || self.matches(&p.conditions)
                || self.matches(lookup.name_of(project, p.issue))
                || self.actor_text.contains(&p.holder)
                || p.claims.iter().any(|c| self.claim_text.contains(c));
        }
        true
    }

    /// Whether facets that only events have (kind, status, place, disputed) are set.
    pub fn event_facets(&self) -> bool {
        let filter = &self.filter;
        !filter.kinds.is_empty()
            || !filter.statuses.is_empty()
            || !filter.locations.is_empty()
            || filter.disputed
    }

    /// Whether anything narrows the lists at all.
    pub fn constrained(&self) -> bool {
        self.filter.has_facets() || self.has_text()
    }
}

/// Applies `filter` to the whole project. Events are asked first; positions, actors,
/// places, claims and sources then pass by their own text or by a part in what passes
/// ([`FilterState`] keeps it up to date as events change).
pub fn apply_filter(
    project: &Project,
    lookup: &Lookup,
    claims_index: &ClaimIndex,
    filter: &Filter,
) -> FilterResult {
    FilterState::new(project, lookup, claims_index, filter).1
}

fn overlaps(filter: &Filter, e: &Event) -> bool {
    if filter.from_secs.is_none() && filter.to_secs.is_none() {
        return true;
    }
    let Ok(b) = e.date.bounds() else { return false };
    // The date's own bounds (end exclusive), an open end running on for ever.
    let latest = if b.end == crate::model::EndKind::Open {
        TimeSecs::MAX
    } else {
        b.latest_secs
    };
    !(filter.from_secs.is_some_and(|f| latest <= f)
        || filter.to_secs.is_some_and(|t| b.earliest_secs > t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::{EventKind, EventStatus, Reliability, day_start_secs};

    fn run(filter: &Filter) -> (Project, FilterResult) {
        let p = sample_project().unwrap();
        let lookup = p.lookup();
        let index = ClaimIndex::new(&p, &lookup);
        let r = apply_filter(&p, &lookup, &index, filter);
        (p, r)
    }

    fn shown_events(p: &Project, r: &FilterResult) -> Vec<String> {
        p.events
            .iter()
            .zip(&r.events)
            .filter(|(_, s)| **s)
            .map(|(e, _)| e.id.to_string())
            .collect()
    }

    #[test]
    fn empty_filter_shows_everything() {
        let (p, r) = run(&Filter::default());
        assert_eq!(r.events_shown().shown, p.events.len());
        assert_eq!(r.positions_shown().hidden(), 0);
    }

    #[test]
    fn text_nato_narrows_positions_and_events() {
        let filter = Filter {
            text: "nato".into(),
            ..Filter::default()
        };
        let (p, r) = run(&filter);
        let positions: Vec<&str> = p
            .positions
            .iter()
            .zip(&r.positions)
            .filter(|(_, s)| **s)
            .map(|(x, _)| x.id.as_str())
            .collect();
        assert_eq!(
            positions,
            [
                "p-zelenskyy-nato",
                "p-ukraine-guarantees",
                "p-us-guarantees",
                "p-zelenskyy-article5"
            ]
        );
        assert_eq!(r.positions_shown(), Shown { shown: 4, total: 6 });
        assert_eq!(
            shown_events(&p, &r),
            [
                "ev-zelenskyy-nato-statement",
                "ev-zelensky-article5-statement"
            ]
        );
        // NATO itself matches by name; Zelenskyy takes part in passing events.
        let actors: Vec<&str> = p
            .actors
            .iter()
            .zip(&r.actors)
            .filter(|(_, s)| **s)
            .map(|(a, _)| a.name.as_str())
            .collect();
        assert!(
            actors.contains(&"NATO") && actors.contains(&"Volodymyr Zelenskyy"),
            "{actors:?}"
        );
        assert!(!actors.contains(&"Steve Witkoff"));
    }

    #[test]
    fn text_matches_names_aliases_and_excerpts() {
        let by = |text: &str| {
            let (p, r) = run(&Filter {
                text: text.into(),
                ..Filter::default()
            });
            shown_events(&p, &r)
        };
        assert_eq!(by("witkoff"), ["ev-miami-talks"]);
        assert_eq!(
            by("Zelensky"),
            [
                "ev-zelenskyy-nato-statement",
                "ev-zelensky-article5-statement"
            ]
        );
        assert_eq!(
            by("last-minute"),
            ["ev-berlin-talks", "ev-miami-talks"],
            "excerpt of a cited claim"
        );
        assert!(by("no such words").is_empty());
    }

    #[test]
    fn facets_combine() {
        let (p, r) = run(&Filter {
            statuses: vec![EventStatus::Expected],
            ..Filter::default()
        });
        assert_eq!(
            shown_events(&p, &r),
            ["ev-miami-talks", "ev-umerov-us-meeting"]
        );
        assert!(
            !r.actors[p
                .actors
                .iter()
                .position(|a| a.name == "Volodymyr Zelenskyy")
                .unwrap()]
        );
        let (p, r) = run(&Filter {
            statuses: vec![EventStatus::Expected],
            locations: vec![Id::new("l-united-states")],
            ..Filter::default()
        });
        assert_eq!(shown_events(&p, &r), ["ev-umerov-us-meeting"]);
        let (p, r) = run(&Filter {
            kinds: vec![EventKind::Statement],
            participants: vec![Id::new("a-zelenskyy")],
            ..Filter::default()
        });
        assert_eq!(r.events_shown().shown, 2, "{:?}", shown_events(&p, &r));
    }

    fn shown_positions(p: &Project, r: &FilterResult) -> Vec<String> {
        p.positions
            .iter()
            .zip(&r.positions)
            .filter(|(_, s)| **s)
            .map(|(x, _)| x.id.to_string())
            .collect()
    }

    #[test]
    fn status_kind_and_place_keep_the_positions_whose_claims_report_passing_events() {
        // The Miami talks are expected; their claims (talks expected, the remaining issues)
        // are the evidence of the US positions on the peace settlement and the 20-point plan.
        let (p, r) = run(&Filter {
            statuses: vec![EventStatus::Expected],
            ..Filter::default()
        });
        assert_eq!(
            shown_positions(&p, &r),
            ["p-us-20-point-plan", "p-us-peace-settlement"]
        );
        // Their holder is listed with the participants of the passing events.
        let us = p
            .actors
            .iter()
            .position(|a| a.id == Id::new("a-us"))
            .unwrap();
        assert!(r.actors[us]);
        // Zelenskyy's statements are held, and are the evidence of his two positions.
        let (p, r) = run(&Filter {
            kinds: vec![EventKind::Statement],
            ..Filter::default()
        });
        assert_eq!(
            shown_positions(&p, &r),
            ["p-zelenskyy-nato", "p-zelenskyy-article5"]
        );
        // A place with no event that any position's evidence reports leaves none.
        let (_, r) = run(&Filter {
            locations: vec![Id::new("l-united-states")],
            ..Filter::default()
        });
        assert_eq!(r.positions_shown().shown, 0);
    }

    #[test]
    fn issue_facet_reaches_events_through_their_claims() {
        let (p, r) = run(&Filter {
            issues: vec![Id::new("i-20-point-plan")],
            ..Filter::default()
        });
        assert_eq!(shown_events(&p, &r), ["ev-berlin-talks", "ev-miami-talks"]);
        assert_eq!(r.positions_shown().shown, 1);
    }

    #[test]
    fn date_range_grade_and_corroboration() {
        let (p, r) = run(&Filter {
            from_secs: Some(day_start_secs(2025, 12, 19).unwrap()),
            ..Filter::default()
        });
        assert_eq!(
            shown_events(&p, &r),
            ["ev-miami-talks", "ev-umerov-us-meeting"]
        );
        let (_, r) = run(&Filter {
            min_reliability: Some(Reliability::B),
            ..Filter::default()
        });
        assert_eq!(
            r.events_shown().shown,
            0,
            "every claim was read in Xinhua, graded C"
        );
        let (_, r) = run(&Filter {
            min_reliability: Some(Reliability::C),
            ..Filter::default()
        });
        assert_eq!(r.events_shown().shown, 5);
        let (_, r) = run(&Filter {
            min_sources: 2,
            ..Filter::default()
        });
        assert_eq!(r.events_shown().shown, 0, "the sample is single-source");
        assert_eq!(r.sources_shown().shown, 0);
    }
}
