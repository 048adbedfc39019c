//! Corroboration: how many independent sources support an event or a position.
//!
//! Two claims are independent when no outlet stands in both of their channels: the outlet
//! the analyst read and every outlet the claim passed through. Ten claims that all reached
//! the analyst through Xinhua are one source, however many officials they quote; a Reuters
//! report beside them makes two. The count is the size of a largest set of claims with
//! pairwise disjoint channels (found greedily, smallest channels first, which is exact when
//! channels are nested or disjoint, as attribution chains nearly always are).

use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;

use crate::model::{ActorKind, Claim, Id, Lookup, Project, Reliability};

/// Per-claim facts that corroboration and grading need, computed once per project change.
#[derive(Clone, Debug, Default)]
pub struct ClaimIndex {
    facts: FxHashMap<Id, ClaimFacts>,
    /// The distinct channels, each sorted: most claims share theirs with many others (all
    /// those read in one outlet and passed on by no other), so a channel is kept once and a
    /// claim names it by position. With a set per claim this index cost 11 bytes per event
    /// of a generated million-event project; shared, under 2.
    channels: Vec<Box<[Id]>>,
}

#[derive(Clone, Copy, Debug)]
struct ClaimFacts {
    /// Position in `ClaimIndex::channels` of the outlets the claim passed through (sources
    /// and outlet actors).
    channel: u32,
    /// Reliability of the source the claim was read in.
    reliability: Option<Reliability>,
}

impl ClaimIndex {
    pub fn new(project: &Project, lookup: &Lookup) -> Self {
        // A source and its outlet actor are the same outlet.
        let actor_to_source: HashMap<Id, Id> = project
            .sources
            .iter()
            .filter_map(|s| Some((s.actor?, s.id)))
            .collect();
        let mut index = Self::default();
        let mut channel_positions: HashMap<Box<[Id]>, u32> = HashMap::new();
        index.facts.reserve(project.claims.len());
        for claim in &project.claims {
            let outlets = channel(claim, lookup, project, &actor_to_source);
            let channel = *channel_positions
                .entry(outlets)
                .or_insert_with_key(|outlets| {
                    index.channels.push(outlets.clone());
                    u32::try_from(index.channels.len() - 1).unwrap_or(u32::MAX)
                });
            let reliability = lookup
                .source(project, claim.source)
                .map(|source| source.reliability);
            index.facts.insert(
                claim.id,
                ClaimFacts {
                    channel,
                    reliability,
                },
            );
        }
        index.channels.shrink_to_fit();
        index
    }

    /// The number of independent sources among `claims`.
    pub fn independent_sources(&self, claims: impl IntoIterator<Item = Id>) -> usize {
        let mut positions: Vec<u32> = claims
            .into_iter()
            .filter_map(|id| self.facts.get(&id).map(|f| f.channel))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let mut channels: Vec<&[Id]> = positions
            .iter()
            .filter_map(|&p| self.channels.get(p as usize).map(|c| &**c))
            .collect();
        channels.sort_by_key(|c| c.len());
        let mut used: BTreeSet<Id> = BTreeSet::new();
        let mut count = 0;
        for c in channels {
            if c.iter().all(|outlet| !used.contains(outlet)) {
                used.extend(c.iter().copied());
                count += 1;
            }
        }
        count
    }

    /// The best (most reliable) source grade among `claims`.
    pub fn best_reliability(&self, claims: impl IntoIterator<Item = Id>) -> Option<Reliability> {
        claims
            .into_iter()
            .filter_map(|c| self.facts.get(&c).and_then(|f| f.reliability))
            .min()
    }
}

/// The outlets `claim` passed through, sorted and without repeats.
fn channel(
    claim: &Claim,
    lookup: &Lookup,
    project: &Project,
    actor_to_source: &HashMap<Id, Id>,
) -> Box<[Id]> {
    let mut outlets = BTreeSet::new();
    outlets.insert(claim.source);
    for step in &claim.attribution {
        let Some(actor) = step.actor else { continue };
        if let Some(&source) = actor_to_source.get(&actor) {
            outlets.insert(source);
        } else if lookup
            .actor(project, actor)
            .is_some_and(|a| a.kind == ActorKind::Outlet)
        {
            outlets.insert(actor);
        }
    }
    outlets.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::{Credibility, Source, SourceKind};

    #[test]
    fn the_sample_is_single_source_throughout() {
        let p = sample_project().unwrap();
        let index = ClaimIndex::new(&p, &p.lookup());
        for e in &p.events {
            assert_eq!(index.independent_sources(e.all_claim_ids()), 1, "{}", e.id);
        }
        let all: Vec<Id> = p.claims.iter().map(|c| c.id).collect();
        assert_eq!(index.independent_sources(all.iter().copied()), 1);
        assert_eq!(index.best_reliability(all), Some(Reliability::C));
    }

    #[test]
    fn a_claim_through_another_outlet_is_independent() {
        let mut p = sample_project().unwrap();
        p.sources.push(Source {
            id: Id::new("src-reuters"),
            name: "Reuters".into(),
            kind: SourceKind::NewsAgency,
            actor: None,
            country: None,
            url: None,
            reliability: Reliability::B,
            scheme: Default::default(),
            note: String::new(),
        });
        let mut reuters = p.claims[1].clone();
        reuters.id = Id::new("c-reuters");
        reuters.source = Id::new("src-reuters");
        reuters.attribution.clear();
        reuters.credibility = Credibility::new(2).unwrap();
        p.claims.push(reuters);
        let index = ClaimIndex::new(&p, &p.lookup());
        let claims = [
            Id::new("c-miami-talks-expected"),
            Id::new("c-headline"),
            Id::new("c-reuters"),
        ];
        assert_eq!(index.independent_sources(claims), 2);
        assert_eq!(index.best_reliability(claims), Some(Reliability::B));
    }
}
