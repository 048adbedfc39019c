//! GDELT 2.0 mentions: each article that mentioned an event becomes a claim on it,
//! published when the article was, and a reported state tied to that claim, so that the
//! timeline shows when each event was reported and by whom. The events are those of the
//! same import (a folder holding events and mentions) or those of the project the mentions
//! are imported into (`mentions_into`). A mention of another event adds nothing; the report
//! counts them.
//!
//! A mention's claim id comes from the mention itself (its event, article and time), so
//! that the same mention imported again is recognised and not added twice.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use arrow_array::RecordBatch;
use edtf::level_1::{Date, Edtf};
use thin_vec::thin_vec;

use super::super::builder::Builder;
use super::super::event_additions::EventAdditions;
use super::cells::Cells;
use crate::model::{
    Citation, Claim, Credibility, DateSpec, Event, Id, Reliability, ReportedState, Source,
    SourceKind,
};

pub(crate) struct Mentions {
    /// Events by their GLOBALEVENTID (the first, when an id was repeated): indexes into
    /// the events every call is given.
    events: HashMap<u64, usize>,
    /// A source per outlet (`MentionSourceName`).
    outlets: HashMap<String, Id>,
    /// The claims each event given a mention cites, made on its first mention.
    cited: HashMap<usize, HashSet<Id>>,
    /// What the mentions add to each event, by its index.
    additions: BTreeMap<usize, (Vec<Citation>, Vec<ReportedState>)>,
    /// Mentions added, and those the event already had (the same mention again).
    pub added: usize,
    pub repeated: usize,
}

impl Mentions {
    /// Mentions of the GDELT events (`gdelt-N`) among `events`.
    pub fn new(events: &[Event]) -> Self {
        let mut by_number = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            if let Some(n) =
                e.id.strip_prefix("gdelt-")
                    .and_then(|n| n.parse::<u64>().ok())
            {
                by_number.entry(n).or_insert(i);
            }
        }
        Self {
            events: by_number,
            outlets: HashMap::new(),
            cited: HashMap::new(),
            additions: BTreeMap::new(),
            added: 0,
            repeated: 0,
        }
    }

    /// The event ids mentions are kept for: the row filter drops the others unread.
    pub fn ids(&self) -> Arc<HashSet<u64>> {
        Arc::new(self.events.keys().copied().collect())
    }

    /// The GDELT events mentions can be added to.
    pub fn num_events(&self) -> usize {
        self.events.len()
    }

    /// Events that mentions were added to.
    pub fn events_added_to(&self) -> usize {
        self.additions.len()
    }

    /// Reads the mentions of `batch`: claims and outlets go to `b`'s project, citations
    /// and reported states are kept for the events (`events`, as given to [`Self::new`]).
    pub fn batch(
        &mut self,
        events: &[Event],
        b: &mut Builder,
        batch: &RecordBatch,
    ) -> Result<(), String> {
        let schema = batch.schema();
        let col = |name: &str| -> Result<Option<Cells<'_>>, String> {
            match schema
                .fields()
                .iter()
                .position(|f| f.name().eq_ignore_ascii_case(name))
            {
                Some(i) => Cells::of(batch.column(i))
                    .map(Some)
                    .map_err(|t| format!("column \"{name}\" is of type {t}")),
                None => Ok(None),
            }
        };
        let (Some(id), Some(time)) = (col("GLOBALEVENTID")?, col("MentionTimeDate")?) else {
            return Err("a mentions file needs GLOBALEVENTID and MentionTimeDate".into());
        };
        let kind = col("MentionType")?;
        let outlet = col("MentionSourceName")?;
        let identifier = col("MentionIdentifier")?;
        let confidence = col("Confidence")?;
        let text =
            |c: &Option<Cells<'_>>, row: usize| c.as_ref().map(|c| c.text(row)).unwrap_or_default();
        for row in 0..batch.num_rows() {
            let number = id.text(row).trim().parse::<u64>().ok();
            let Some((&index, event)) = number
                .and_then(|n| self.events.get(&n))
                .and_then(|i| events.get(*i).map(|e| (i, e)))
            else {
                continue;
            };
            let address = text(&identifier, row);
            let time_text = time.text(row);
            let claim_base = format!(
                "{}-m-{:016x}",
                event.id,
                mention_key(&event.id, &address, &time_text)
            );
            let cited = self
                .cited
                .entry(index)
                .or_insert_with(|| event.claim_ids_with_reports().collect());
            if cited.contains(&Id::new(&format!("c-{claim_base}"))) {
                self.repeated += 1;
                continue;
            }
            let published = time.day(row).and_then(|d| {
                Date::from_ymd_opt((d / 10_000) as i32, d / 100 % 100, d % 100)
                    .map(|d| DateSpec::new(Edtf::Date(d)))
            });
            let outlet_name = text(&outlet, row);
            let source = self.outlet(b, &outlet_name);
            // MentionType 1 is the web, whose identifier is the article's URL; the others
            // (broadcast transcripts, JSTOR, DTIC) name a document.
            let is_web = text(&kind, row).trim() == "1";
            let claim = b.unique_id("c", &claim_base);
            if let Some(cited) = self.cited.get_mut(&index) {
                cited.insert(claim);
            }
            b.project.claims.push(Claim {
                id: claim,
                source,
                excerpt: if is_web { "" } else { address.as_str() }.into(),
                context_before: arcstr::ArcStr::default(),
                context_after: arcstr::ArcStr::default(),
                attribution: Vec::new(),
                published,
                url: (is_web && !address.is_empty()).then(|| address.as_str().into()),
                credibility: Credibility::ALL[5],
                note: match text(&confidence, row).trim() {
                    "" => arcstr::ArcStr::default(),
                    c => format!("GDELT mention, coding confidence {c}%").into(),
                },
            });
            let (citations, reported) = self.additions.entry(index).or_default();
            citations.push(Citation::of_event(claim));
            reported.push(ReportedState {
                claims: thin_vec![claim],
                date: Some(event.date.clone()),
                status: Some(event.status),
                ..ReportedState::default()
            });
            self.added += 1;
        }
        Ok(())
    }

    /// Adds the mentions to the events they were read for (those of the same import).
    pub fn apply(self, events: &mut [Event]) {
        for (i, (claims, reported)) in self.additions {
            if let Some(e) = events.get_mut(i) {
                e.claims.extend(claims);
                e.reported.extend(reported);
            }
        }
    }

    /// The mentions as additions to the events they were read for (a project's, which the
    /// import is then merged into).
    pub fn into_additions(self, events: &[Event]) -> Vec<EventAdditions> {
        self.additions
            .into_iter()
            .filter_map(|(i, (claims, reported))| {
                events.get(i).map(|e| EventAdditions {
                    event_id: e.id.clone(),
                    claims,
                    reported,
                })
            })
            .collect()
    }

    /// The source of an outlet, made on first sight.
    fn outlet(&mut self, b: &mut Builder, name: &str) -> Id {
        let name = name.trim();
        if name.is_empty() {
            return b.dataset;
        }
        if let Some(id) = self.outlets.get(name) {
            return *id;
        }
        let id = b.unique_id("src", name);
        b.project.sources.push(Source {
            id,
            name: name.to_owned(),
            kind: SourceKind::OnlineOutlet,
            actor: None,
            country: None,
            url: None,
            reliability: Reliability::F,
            scheme: Default::default(),
            note: "an outlet whose articles GDELT's mentions list".into(),
        });
        self.outlets.insert(name.to_owned(), id);
        id
    }
}

/// A mention's identity: its event, its article (or document) and when it was published,
/// hashed with 64-bit FNV-1a, which is fixed by its definition, so that the same mention
/// gets the same claim id in every run and every version.
fn mention_key(event_id: &str, identifier: &str, time: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for part in [event_id, identifier.trim(), time.trim()] {
        for &byte in part.as_bytes().iter().chain(b"\t") {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_key_is_fixed_and_tells_mentions_apart() {
        // FNV-1a of the empty parts with their tabs: the hash must never change.
        assert_eq!(mention_key("", "", ""), 0x160e_0c18_8e81_2eba);
        let a = mention_key("gdelt-1", "https://a.example/1", "20251219090000");
        assert_eq!(
            a,
            mention_key("gdelt-1", " https://a.example/1 ", "20251219090000")
        );
        assert_ne!(
            a,
            mention_key("gdelt-2", "https://a.example/1", "20251219090000")
        );
        assert_ne!(
            a,
            mention_key("gdelt-1", "https://a.example/1", "20251220090000")
        );
    }
}
