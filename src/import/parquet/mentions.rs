//! GDELT 2.0 mentions: each article that mentioned an event of the slice becomes a claim on
//! it, published when the article was, and a reported state tied to that claim, so that
//! the timeline shows when each event was reported and by whom. A mention of an event that
//! is not in the slice adds nothing; the report counts them.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arrow_array::RecordBatch;
use edtf::level_1::{Date, Edtf};
use thin_vec::thin_vec;

use super::super::builder::Builder;
use super::cells::Cells;
use crate::model::{
    Citation, Claim, Credibility, DateSpec, Id, Reliability, ReportedState, Source, SourceKind,
};

pub(crate) struct Mentions {
    /// Events by their GLOBALEVENTID (the first, when an id was repeated).
    events: HashMap<u64, usize>,
    /// A source per outlet (`MentionSourceName`).
    outlets: HashMap<String, Id>,
    pub added: usize,
}

impl Mentions {
    /// Mentions of the GDELT events `b` holds (`gdelt-N`).
    pub fn new(b: &Builder) -> Self {
        let mut events = HashMap::new();
        for (i, e) in b.project.events.iter().enumerate() {
            if let Some(n) =
                e.id.strip_prefix("gdelt-")
                    .and_then(|n| n.parse::<u64>().ok())
            {
                events.entry(n).or_insert(i);
            }
        }
        Self {
            events,
            outlets: HashMap::new(),
            added: 0,
        }
    }

    /// The event ids mentions are kept for: the row filter drops the others unread.
    pub fn ids(&self) -> Arc<HashSet<u64>> {
        Arc::new(self.events.keys().copied().collect())
    }

    pub fn batch(&mut self, b: &mut Builder, batch: &RecordBatch) -> Result<(), String> {
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
            let Some(&event) = id
                .text(row)
                .parse::<u64>()
                .ok()
                .and_then(|n| self.events.get(&n))
            else {
                continue;
            };
            let published = time.day(row).and_then(|d| {
                Date::from_ymd_opt((d / 10_000) as i32, d / 100 % 100, d % 100)
                    .map(|d| DateSpec::new(Edtf::Date(d)))
            });
            let outlet_name = text(&outlet, row);
            let source = self.outlet(b, &outlet_name);
            let address = text(&identifier, row);
            // MentionType 1 is the web, whose identifier is the article's URL; the others
            // (broadcast transcripts, JSTOR, DTIC) name a document.
            let is_web = text(&kind, row).trim() == "1";
            let Some(event_id) = b.project.events.get(event).map(|e| e.id.clone()) else {
                continue;
            };
            let claim = b.unique_id("c", &format!("{event_id}-mention"));
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
            if let Some(e) = b.project.events.get_mut(event) {
                e.claims.push(Citation::of_event(claim));
                e.reported.push(ReportedState {
                    claims: thin_vec![claim],
                    date: Some(e.date.clone()),
                    status: Some(e.status),
                    ..ReportedState::default()
                });
            }
            self.added += 1;
        }
        Ok(())
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
