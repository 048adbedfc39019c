//! Shared by the importers: builds a valid project row by row, with unique ids, deduplicated
//! actors, places and tags, claims citing the dataset for every event, and the report.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use compact_str::CompactString;

use super::date_check::DateCheck;
use super::{
    ImportFormat, ImportOptions, ImportReport, Imported, PositionUnit, Skipped, SuspiciousDate,
    Warning,
};
use crate::model::{
    AttributionStep, Citation, Claim, Credibility, DateSpec, Event, Id, Project, Reliability,
    Source, SourceKind, TimeSecs,
};

/// Id prefixes of entities; event ids never start with one, so that they cannot collide.
const ENTITY_PREFIXES: [&str; 6] = ["a-", "l-", "t-", "src-", "c-", "p-"];

/// How an event cites where it came from.
#[derive(Default)]
pub(crate) struct Cite {
    /// The source's words for the event (a headline, the row's text).
    pub excerpt: String,
    /// An `ArcStr` as the claim holds it: made once, from the row's text.
    pub url: Option<arcstr::ArcStr>,
    pub published: Option<DateSpec>,
    pub attribution: Vec<AttributionStep>,
    /// The analyst's note on the claim (a media credit's link).
    pub note: Option<String>,
}

pub(crate) struct Builder {
    pub project: Project,
    pub report: ImportReport,
    pub event_rows: Vec<usize>,
    /// The dataset source every event cites.
    pub dataset: Id,
    unit: PositionUnit,
    max_rows: Option<usize>,
    /// Cancel and progress of the background work this import is (see `ImportOptions`).
    work: crate::io::Work,
    used: HashSet<Id>,
    event_ids: HashSet<CompactString>,
    keyed: HashMap<(char, String), Id>,
    /// For each base id that has been taken, the suffix to try next (`2` for `base-2`), so
    /// that the ten-thousandth row titled alike tries `-10000` at once instead of probing
    /// `-2` … `-9999` again (which made 40,000 such rows take minutes).
    next_suffix: HashMap<String, u64>,
    /// What dates are compared with to flag the implausible.
    date_check: DateCheck,
    /// Candidate ids looked up in `used` or `event_ids`: a measure of the work ids cost,
    /// which tests check grows with the rows and not with their square.
    pub id_probes: usize,
}

impl Builder {
    pub fn new(format: ImportFormat, options: &ImportOptions) -> Self {
        let file = if options.file_name.trim().is_empty() {
            format!("imported {}", format.description())
        } else {
            options.file_name.clone()
        };
        let stem = std::path::Path::new(&file)
            .file_name()
            .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
        let mut b = Self {
            project: Project::new(&stem),
            report: ImportReport::new(format),
            event_rows: Vec::new(),
            dataset: Id::new("src-import"),
            unit: format.unit(),
            max_rows: options.max_rows,
            work: options.work.clone(),
            used: HashSet::new(),
            event_ids: HashSet::new(),
            keyed: HashMap::new(),
            next_suffix: HashMap::new(),
            date_check: DateCheck::new(format, now_secs()),
            id_probes: 0,
        };
        b.project.description = format!("Imported from {stem} ({})", format.description());
        let id = b.unique_id("src", &stem);
        b.dataset = id;
        b.project.sources.push(Source {
            id,
            name: stem.clone(),
            kind: SourceKind::Dataset,
            actor: None,
            country: None,
            url: None,
            reliability: Reliability::F,
            scheme: Default::default(),
            note: format!("{} imported by Detente", format.description()),
        });
        b
    }

    /// Has the row limit (of a preview) been reached, or the import been cancelled? Asked
    /// before every row by every importer, so it also moves the progress.
    pub fn is_full(&self) -> bool {
        self.work.progress.set_done(self.report.rows_read as u64);
        self.work.cancel.is_cancelled()
            || self
                .max_rows
                .is_some_and(|max| self.report.rows_read >= max)
    }

    /// An entity id `prefix-slug(base)` not yet used in this import.
    pub fn unique_id(&mut self, prefix: &str, base: &str) -> Id {
        let base = format!("{prefix}-{}", slug(base));
        self.id_probes += 1;
        let id = Id::new(&base);
        if self.used.insert(id) {
            return id;
        }
        let used = &mut self.used;
        let text = next_free(&mut self.next_suffix, &mut self.id_probes, base, |t| {
            used.insert(Id::new(t))
        });
        Id::new(&text)
    }

    /// The id of the entity known by `key` in namespace `ns`, if any.
    pub fn keyed(&self, ns: char, key: &str) -> Option<Id> {
        // Allocation-free lookups would need a borrowed tuple key; keys are short and the
        // hot GDELT path keeps its own byte-keyed map.
        self.keyed.get(&(ns, key.to_owned())).copied()
    }

    pub fn remember(&mut self, ns: char, key: String, id: Id) {
        self.keyed.insert((ns, key), id);
    }

    /// A tag by name (case-insensitive), created on first use.
    pub fn tag(&mut self, name: &str, color: Option<String>) -> Id {
        let key = name.trim().to_lowercase();
        if let Some(id) = self.keyed('t', &key) {
            return id;
        }
        let id = self.unique_id("t", name);
        self.project.tags.push(crate::model::Tag {
            id,
            name: name.trim().to_owned(),
            color,
        });
        self.remember('t', key, id);
        id
    }

    /// An event id: `wanted` when it is a valid, unused id, else a slug of it made unique.
    pub fn event_id(&mut self, wanted: &str) -> CompactString {
        let ok = Id::is_valid_text(wanted)
            && !ENTITY_PREFIXES.iter().any(|p| wanted.starts_with(p))
            && !self.event_ids.contains(wanted);
        if ok {
            let id = CompactString::from(wanted);
            self.event_ids.insert(id.clone());
            return id;
        }
        let mut base = slug(wanted);
        if ENTITY_PREFIXES.iter().any(|p| base.starts_with(p)) {
            base.insert_str(0, "ev-");
        }
        self.id_probes += 1;
        if !self.event_ids.contains(base.as_str()) {
            let id = CompactString::from(base);
            self.event_ids.insert(id.clone());
            return id;
        }
        let event_ids = &mut self.event_ids;
        let text = next_free(&mut self.next_suffix, &mut self.id_probes, base, |t| {
            event_ids.insert(CompactString::from(t))
        });
        CompactString::from(text)
    }

    pub fn skip(&mut self, row: usize, reason: impl Into<String>) {
        self.report.skipped.push(Skipped {
            line_or_row: row,
            unit: self.unit,
            reason: reason.into(),
            sheet: None,
        });
    }

    pub fn warn(&mut self, row: Option<usize>, message: impl Into<String>) {
        self.report.warnings.push(Warning {
            at: row.map(|r| (self.unit, r)),
            message: message.into(),
            sheet: None,
        });
    }

    /// Adds `event`, citing the dataset through a new claim.
    pub fn push_event(&mut self, row: usize, event: Event, cite: Cite) {
        let claim_text = format!("c-{}", event.id);
        let id = Id::new(&claim_text);
        let id = if self.used.insert(id) {
            id
        } else {
            self.unique_id("c", &event.id)
        };
        self.push_event_with_claim(row, event, cite, id);
    }

    /// [`Self::push_event`] with a claim id the caller knows is unused (the GDELT fast path).
    pub fn push_event_with_claim(&mut self, row: usize, mut event: Event, cite: Cite, id: Id) {
        self.project.claims.push(Claim {
            id,
            source: self.dataset,
            excerpt: cite.excerpt.into(),
            context_before: arcstr::ArcStr::default(),
            context_after: arcstr::ArcStr::default(),
            attribution: cite.attribution,
            published: cite.published,
            url: cite.url,
            credibility: Credibility::ALL[5],
            note: cite.note.map(Into::into).unwrap_or_default(),
        });
        event.claims.push(Citation::of_event(id));
        if let Some(reason) = event
            .date
            .bounds()
            .ok()
            .and_then(|b| self.date_check.doubt(&b))
        {
            self.report.suspicious_dates.push(SuspiciousDate {
                line_or_row: row,
                unit: self.unit,
                date: event.date.edtf_text(),
                reason,
                sheet: None,
            });
        }
        self.project.events.push(event);
        self.event_rows.push(row);
    }

    /// Adds one more claim to the last event pushed (a TimelineJS slide's media).
    pub fn cite_last(&mut self, cite: Cite) {
        let Some(event_id) = self.project.events.last().map(|e| e.id.clone()) else {
            return;
        };
        let id = self.unique_id("c", &format!("{event_id}-media"));
        self.project.claims.push(Claim {
            id,
            source: self.dataset,
            excerpt: cite.excerpt.into(),
            context_before: arcstr::ArcStr::default(),
            context_after: arcstr::ArcStr::default(),
            attribution: cite.attribution,
            published: cite.published,
            url: cite.url,
            credibility: Credibility::ALL[5],
            note: cite.note.map(Into::into).unwrap_or_default(),
        });
        if let Some(e) = self.project.events.last_mut() {
            e.claims.push(Citation::of_event(id));
        }
    }

    pub fn finish(mut self) -> Imported {
        self.report.num_events = self.project.events.len();
        self.report.num_actors = self.project.actors.len();
        self.report.num_locations = self.project.locations.len();
        Imported {
            project: self.project,
            report: self.report,
            event_rows: self.event_rows,
            additions_to_events: None,
        }
    }
}

/// Seconds since the epoch now: the import's day, which far-future dates are measured
/// from. The only input an import takes from outside its bytes and options.
fn now_secs() -> TimeSecs {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            TimeSecs::try_from(d.as_secs()).unwrap_or(TimeSecs::MAX)
        })
}

/// `base-N` for the first N from `base`'s counter in `next_suffix` that `claim` accepts
/// (it claims the id and says whether it was free), counting each try in `probes`. Ids
/// that were given outright (`ev-x-3` in a file's id column) can still be in the way, so
/// the counter is where to start, not the answer; each N is tried once per base.
fn next_free(
    next_suffix: &mut HashMap<String, u64>,
    probes: &mut usize,
    base: String,
    mut claim: impl FnMut(&str) -> bool,
) -> String {
    let len = base.len();
    let mut n = next_suffix.get(base.as_str()).copied().unwrap_or(2);
    let mut text = base;
    loop {
        *probes += 1;
        text.truncate(len);
        let _ = write!(text, "-{n}");
        n += 1;
        if claim(&text) {
            if let Some(next) = next_suffix.get_mut(&text[..len]) {
                *next = n;
            } else {
                next_suffix.insert(text[..len].to_owned(), n);
            }
            return text;
        }
    }
}

/// A readable id fragment: lower-case letters and digits joined by `-`, at most 48 bytes.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(48));
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
            if out.len() >= 48 {
                break;
            }
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// `r,g,b` (the Timeline app) or `#rgb`/`#rrggbb` as `#rrggbb`.
pub(crate) fn color_hex(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        return match hex.len() {
            6 => Some(format!("#{}", hex.to_ascii_lowercase())),
            3 => Some(
                hex.chars()
                    .flat_map(|c| [c, c])
                    .fold(String::from("#"), |mut s, c| {
                        s.push(c.to_ascii_lowercase());
                        s
                    }),
            ),
            _ => None,
        };
    }
    let parts: Vec<u8> = text
        .split(',')
        .map(|p| p.trim().parse::<u8>())
        .collect::<Result<_, _>>()
        .ok()?;
    match parts[..] {
        [r, g, b] => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_colours() {
        assert_eq!(slug("Ta bort händelse!"), "ta-bort-händelse");
        assert_eq!(slug("  "), "x");
        assert_eq!(color_hex("235,82,255").as_deref(), Some("#eb52ff"));
        assert_eq!(color_hex("#F45B69").as_deref(), Some("#f45b69"));
        assert_eq!(color_hex("#abc").as_deref(), Some("#aabbcc"));
        assert_eq!(color_hex("papayawhip"), None);
        assert_eq!(color_hex("300,0,0"), None);
    }

    #[test]
    fn ids_are_unique_and_events_avoid_entity_prefixes() {
        let mut b = Builder::new(ImportFormat::Csv, &ImportOptions::named("x.csv"));
        let a = b.unique_id("a", "Putin");
        let a2 = b.unique_id("a", "putin");
        assert_ne!(a, a2);
        assert_eq!(a2.as_str(), "a-putin-2");
        assert_eq!(b.event_id("ev-1"), "ev-1");
        assert_eq!(b.event_id("ev-1"), "ev-1-2");
        assert_eq!(b.event_id("a-x"), "ev-a-x");
        assert_eq!(b.event_id("has space"), "has-space");
    }

    /// 10,000 rows titled alike cost about one probe each, not the 50 million of probing
    /// `-2`, `-3`, … from the start for every row.
    #[test]
    fn ids_of_rows_titled_alike_cost_linear_work() {
        const ROWS: usize = 10_000;
        let mut b = Builder::new(ImportFormat::Csv, &ImportOptions::named("x.csv"));
        let start = b.id_probes;
        let events: HashSet<CompactString> =
            (0..ROWS).map(|_| b.event_id("ev-same-title")).collect();
        let actors: HashSet<Id> = (0..ROWS).map(|_| b.unique_id("a", "Same")).collect();
        assert_eq!((events.len(), actors.len()), (ROWS, ROWS));
        assert!(events.contains("ev-same-title-10000"));
        let probes = b.id_probes - start;
        assert!(
            probes <= 3 * 2 * ROWS,
            "{probes} probes for {} ids",
            2 * ROWS
        );
    }

    #[test]
    fn suffix_counters_step_over_ids_given_outright() {
        let mut b = Builder::new(ImportFormat::Csv, &ImportOptions::named("x.csv"));
        assert_eq!(b.event_id("ev-x"), "ev-x");
        assert_eq!(b.event_id("ev-x"), "ev-x-2");
        assert_eq!(b.event_id("ev-x-3"), "ev-x-3");
        assert_eq!(b.event_id("ev-x"), "ev-x-4");
        assert_eq!(b.unique_id("l", "Paris").as_str(), "l-paris");
        assert_eq!(b.unique_id("l", "paris-2").as_str(), "l-paris-2");
        assert_eq!(b.unique_id("l", "Paris").as_str(), "l-paris-3");
        assert_eq!(b.unique_id("l", "Paris").as_str(), "l-paris-4");
    }
}
