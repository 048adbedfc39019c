//! Merging an import into an open project: a new project is built, the open one is only
//! read. Actors, places, tags, sources, issues and periods that the project already has
//! (by name) are reused; other colliding ids are renamed; events already in the project
//! (same date, title and participants) are dropped and reported. What an import adds to
//! the project's own events (GDELT mentions imported against it) is added to them: see
//! [`super::event_additions`].

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;

use super::event_additions::{EventAdditions, amend_events, split_replaced_events};
use super::{ImportReport, Imported};
use crate::model::{EntityKind, Event, Id, Project, count};

/// An imported entity whose id was taken, and the id it got instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenamedId {
    pub kind: EntityKind,
    pub from: String,
    pub to: String,
}

/// An imported event dropped because the project already had it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateEvent {
    pub imported_id: String,
    pub existing_id: String,
    pub title: String,
    pub date: String,
    /// Where the event was in the imported file, when known.
    pub line_or_row: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub events_added: usize,
    pub renamed: Vec<RenamedId>,
    /// Imported actors, places, tags, sources, issues and periods that matched one the
    /// project already had, and were replaced by it.
    pub reused: usize,
    pub duplicates: Vec<DuplicateEvent>,
    /// Events of the project given claims and reported states (GDELT mentions imported
    /// against it), and how many claims they gained.
    pub events_added_to: usize,
    pub claims_added_to_events: usize,
    /// Claims the project's events already cited (the same mentions imported again).
    pub claims_already_cited: usize,
    /// Events the additions were for that the project no longer has.
    pub events_missing: usize,
}

impl MergeReport {
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "merged: {} added, {} removed, {} reused, {} renamed",
            count(self.events_added, "event", "events"),
            count(self.duplicates.len(), "duplicate event", "duplicate events"),
            count(self.reused, "existing entity", "existing entities"),
            count(self.renamed.len(), "id", "ids")
        );
        if self.events_added_to + self.claims_already_cited + self.events_missing > 0 {
            text.push_str(&format!(
                "\n  added to the project's events: {} to {}; {} already cited",
                count(self.claims_added_to_events, "claim", "claims"),
                count(self.events_added_to, "event", "events"),
                count(self.claims_already_cited, "claim", "claims")
            ));
            if self.events_missing > 0 {
                text.push_str(&format!(
                    "; {} no longer in the project, left out",
                    count(self.events_missing, "event", "events")
                ));
            }
        }
        for d in self.duplicates.iter().take(50) {
            let at = d
                .line_or_row
                .map(|n| format!("input {n}: "))
                .unwrap_or_default();
            text.push_str(&format!(
                "\n  duplicate: {at}\"{}\" on {} is already in the project as {}",
                d.title, d.date, d.existing_id
            ));
        }
        if self.duplicates.len() > 50 {
            text.push_str(&format!(
                "\n  … and {} more duplicates",
                self.duplicates.len() - 50
            ));
        }
        text
    }
}

/// Merges `imported` into a copy of `into`. See the module documentation.
pub fn merge(into: &Project, imported: Project) -> (Project, MergeReport) {
    let (added, report) = merge_rows(into, imported, &[], Vec::new());
    let mut merged = into.clone();
    append_additions(&mut merged, added);
    (merged, report)
}

/// [`merge`] for an [`Imported`], whose rows give duplicates a line number; also counts the
/// duplicates in the import report.
pub fn merge_imported(into: &Project, imported: Imported) -> (Project, MergeReport, ImportReport) {
    let (added, merge_report, report) = merge_additions(into, imported);
    let mut merged = into.clone();
    append_additions(&mut merged, added);
    (merged, merge_report, report)
}

/// What merging `imported` into `into` adds, without copying `into`: a project holding,
/// for every list, only the entities to append after `into`'s own, in order, with their
/// final ids and references (see [`append_additions`]). The app turns it into one edit of
/// insertions, so that merging into a million-event project copies none of its events.
pub fn merge_additions(into: &Project, imported: Imported) -> (Project, MergeReport, ImportReport) {
    let Imported {
        project,
        mut report,
        event_rows,
        additions_to_events,
    } = imported;
    let (added, merge_report) = merge_rows(
        into,
        project,
        &event_rows,
        additions_to_events.unwrap_or_default(),
    );
    report.duplicates_removed = merge_report.duplicates.len();
    (added, merge_report, report)
}

/// Appends what [`merge_additions`] returned to the project it was computed for; an added
/// event under an id the project has (one given [`EventAdditions`]) replaces it.
pub fn append_additions(into: &mut Project, added: Project) {
    let Project {
        periods,
        tags,
        sources,
        claims,
        actors,
        memberships,
        locations,
        issues,
        positions,
        events,
        ..
    } = added;
    into.periods.extend(periods);
    into.tags.extend(tags);
    into.sources.extend(sources);
    into.claims.extend(claims);
    into.actors.extend(actors);
    into.memberships.extend(memberships);
    into.locations.extend(locations);
    into.issues.extend(issues);
    into.positions.extend(positions);
    let (replaced, appended) = split_replaced_events(&into.events, events);
    for (i, e) in replaced {
        if let Some(slot) = into.events.get_mut(i) {
            *slot = e;
        }
    }
    into.events.extend(appended);
}

struct Ids {
    taken: HashSet<Id>,
    remap: HashMap<Id, Id>,
    report: MergeReport,
}

impl Ids {
    /// `id` if it is free, else `id-2`, `id-3`, …; renames are remembered and reported.
    fn fresh(&mut self, kind: EntityKind, id: Id) -> Id {
        if self.taken.insert(id) {
            return id;
        }
        let mut n = 2;
        loop {
            let candidate = Id::new(&format!("{id}-{n}"));
            if self.taken.insert(candidate) {
                self.remap.insert(id, candidate);
                self.report.renamed.push(RenamedId {
                    kind,
                    from: id.as_str().to_owned(),
                    to: candidate.as_str().to_owned(),
                });
                return candidate;
            }
            n += 1;
        }
    }

    fn map(&self, id: Id) -> Id {
        self.remap.get(&id).copied().unwrap_or(id)
    }
}

/// Adds imported entities of one kind: those whose key (a name) the project has are
/// replaced by the project's; the others get fresh ids.
macro_rules! add_entities {
    ($ids:expr, $into:expr, $out:expr, $imported:expr, $field:ident, $kind:expr, $key:expr) => {{
        let existing: HashMap<String, Id> = $into.$field.iter().map(|x| ($key(x), x.id)).collect();
        for mut x in std::mem::take(&mut $imported.$field) {
            if let Some(&same) = existing.get(&$key(&x)) {
                $ids.remap.insert(x.id, same);
                $ids.report.reused += 1;
                continue;
            }
            x.id = $ids.fresh($kind, x.id);
            $out.$field.push(x);
        }
    }};
}

/// The additions (see [`merge_additions`]) and the report.
fn merge_rows(
    into: &Project,
    mut imported: Project,
    rows: &[usize],
    additions: Vec<EventAdditions>,
) -> (Project, MergeReport) {
    let mut added = Project::default();
    let mut ids = Ids {
        taken: all_entity_ids(into).collect(),
        remap: HashMap::new(),
        report: MergeReport::default(),
    };
    add_other_entities(&mut ids, into, &mut added, &mut imported);
    remap_added(&ids, &mut added);
    let mut dropped_claims = add_events(
        &mut ids,
        into,
        &mut added,
        std::mem::take(&mut imported.events),
        rows,
    );
    let amended = amend_events(into, additions, &|id| ids.map(id), &mut dropped_claims);
    ids.report.events_added_to = amended.events.len();
    ids.report.claims_added_to_events = amended.claims_added;
    ids.report.claims_already_cited = amended.claims_already_cited;
    ids.report.events_missing = amended.events_missing;
    // First, so that the additions list the project's own events before new ones.
    added.events.splice(0..0, amended.events);
    drop_uncited_claims(&mut added, &dropped_claims);
    (added, ids.report)
}

/// Every imported entity but events: reused by name, or added with a fresh id.
fn add_other_entities(ids: &mut Ids, into: &Project, out: &mut Project, imported: &mut Project) {
    let name = |n: &str| n.trim().to_lowercase();
    add_entities!(
        ids,
        into,
        out,
        imported,
        tags,
        EntityKind::Tag,
        |x: &crate::model::Tag| name(&x.name)
    );
    add_entities!(
        ids,
        into,
        out,
        imported,
        sources,
        EntityKind::Source,
        |x: &crate::model::Source| name(&x.name)
    );
    add_entities!(
        ids,
        into,
        out,
        imported,
        actors,
        EntityKind::Actor,
        |x: &crate::model::Actor| name(&x.name)
    );
    add_entities!(
        ids,
        into,
        out,
        imported,
        locations,
        EntityKind::Location,
        |x: &crate::model::Location| name(&x.name)
    );
    add_entities!(
        ids,
        into,
        out,
        imported,
        issues,
        EntityKind::Issue,
        |x: &crate::model::Issue| name(&x.name)
    );
    add_entities!(
        ids,
        into,
        out,
        imported,
        periods,
        EntityKind::Period,
        |x: &crate::model::Period| format!("{}\t{}", name(&x.name), x.date.edtf_text())
    );
    for mut x in std::mem::take(&mut imported.memberships) {
        x.id = ids.fresh(EntityKind::Membership, x.id);
        out.memberships.push(x);
    }
    for mut x in std::mem::take(&mut imported.positions) {
        x.id = ids.fresh(EntityKind::Position, x.id);
        out.positions.push(x);
    }
    for mut x in std::mem::take(&mut imported.claims) {
        x.id = ids.fresh(EntityKind::Claim, x.id);
        out.claims.push(x);
    }
}

/// References of the added entities, now that every id is final.
fn remap_added(ids: &Ids, added: &mut Project) {
    for a in &mut added.actors {
        a.affiliation = a.affiliation.map(|x| ids.map(x));
    }
    for s in &mut added.sources {
        s.actor = s.actor.map(|x| ids.map(x));
    }
    for m in &mut added.memberships {
        m.member = ids.map(m.member);
        m.organisation = ids.map(m.organisation);
        m.claims.iter_mut().for_each(|c| *c = ids.map(*c));
    }
    for p in &mut added.positions {
        p.holder = ids.map(p.holder);
        p.issue = ids.map(p.issue);
        p.claims.iter_mut().for_each(|c| *c = ids.map(*c));
    }
    for c in &mut added.claims {
        c.source = ids.map(c.source);
        for step in &mut c.attribution {
            step.actor = step.actor.map(|x| ids.map(x));
        }
    }
}

/// An imported event's references, to the ids the merge gave.
fn remap_event(ids: &Ids, e: &mut Event) {
    for p in &mut e.participants {
        p.actor = ids.map(p.actor);
    }
    for place in &mut e.places {
        place.location = ids.map(place.location);
    }
    e.tags.iter_mut().for_each(|t| *t = ids.map(*t));
    for c in &mut e.claims {
        c.claim = ids.map(c.claim);
        c.participant = c.participant.map(|a| ids.map(a));
    }
    for state in &mut e.reported {
        state.claims.iter_mut().for_each(|c| *c = ids.map(*c));
        for place in state.places.iter_mut().flatten() {
            place.location = ids.map(place.location);
        }
        for p in state.participants.iter_mut().flatten() {
            p.actor = ids.map(p.actor);
        }
        state.absent.iter_mut().for_each(|a| *a = ids.map(*a));
    }
}

/// Events: remapped, then dropped when the project (or this import) already has them.
/// Returns the claims the dropped events cited.
fn add_events(
    ids: &mut Ids,
    into: &Project,
    out: &mut Project,
    events: Vec<Event>,
    rows: &[usize],
) -> HashSet<Id> {
    let name = |n: &str| n.trim().to_lowercase();
    let actor_names: HashMap<Id, String> = into
        .actors
        .iter()
        .chain(&out.actors)
        .map(|a| (a.id, name(&a.name)))
        .collect();
    // Only the project's events that may equal an imported one get a full key: building
    // keys (three strings each) for all of a million-event project made a merge of two
    // events cost more allocations than a copy of the project.
    let imported_quick: HashSet<u64> = events.iter().map(quick_key).collect();
    let mut seen: HashMap<(String, String, Vec<String>), CompactString> = HashMap::new();
    for e in into
        .events
        .iter()
        .filter(|e| imported_quick.contains(&quick_key(e)))
    {
        seen.entry(event_key(e, &actor_names))
            .or_insert_with(|| e.id.clone());
    }
    let project_event_ids: HashSet<&str> = into.events.iter().map(|e| e.id.as_str()).collect();
    let mut event_ids: HashSet<CompactString> = HashSet::new();
    let mut dropped_claims: HashSet<Id> = HashSet::new();
    let entity_ids: HashSet<&'static str> = ids.taken.iter().map(|id| id.as_str()).collect();
    for (i, mut e) in events.into_iter().enumerate() {
        remap_event(ids, &mut e);
        let key = event_key(&e, &actor_names);
        if let Some(existing) = seen.get(&key) {
            ids.report.duplicates.push(DuplicateEvent {
                imported_id: e.id.to_string(),
                existing_id: existing.to_string(),
                title: e.title.to_string(),
                date: e.date.edtf_text(),
                line_or_row: rows.get(i).copied(),
            });
            dropped_claims.extend(e.claim_ids_with_reports());
            continue;
        }
        let taken = |id: &str| {
            project_event_ids.contains(id) || event_ids.contains(id) || entity_ids.contains(id)
        };
        if let Some(renamed) = fresh_event_id(&e.id, taken) {
            ids.report.renamed.push(RenamedId {
                kind: EntityKind::Event,
                from: e.id.to_string(),
                to: renamed.to_string(),
            });
            e.id = renamed;
        }
        event_ids.insert(e.id.clone());
        seen.insert(key, e.id.clone());
        out.events.push(e);
        ids.report.events_added += 1;
    }
    dropped_claims
}

/// `id-2`, `id-3`, … for an event id that is `taken`; `None` when it is free.
fn fresh_event_id(id: &CompactString, taken: impl Fn(&str) -> bool) -> Option<CompactString> {
    if !taken(id) {
        return None;
    }
    // Stops: only as many ids are taken as the project and the import hold.
    let mut n = 2_u64;
    loop {
        let candidate = CompactString::from(format!("{id}-{n}"));
        if !taken(&candidate) {
            return Some(candidate);
        }
        n += 1;
    }
}

/// Imported claims that only dropped (duplicate) events cited go too. Only what was added
/// can cite them: imported claims got ids the open project does not use.
fn drop_uncited_claims(added: &mut Project, dropped_claims: &HashSet<Id>) {
    if dropped_claims.is_empty() {
        return;
    }
    let still_cited: HashSet<Id> = added
        .events
        .iter()
        .flat_map(Event::claim_ids_with_reports)
        .chain(
            added
                .positions
                .iter()
                .flat_map(|p| p.claims.iter().copied()),
        )
        .chain(
            added
                .memberships
                .iter()
                .flat_map(|m| m.claims.iter().copied()),
        )
        .collect();
    added
        .claims
        .retain(|c| !dropped_claims.contains(&c.id) || still_cited.contains(&c.id));
}

/// A hash of the title (as [`event_key`] compares it) and the date's bounds, made without
/// allocating: events with equal keys have equal quick keys, so the quick key picks the
/// few candidates whose full key is worth building.
fn quick_key(e: &Event) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in e.title.trim().chars().flat_map(char::to_lowercase) {
        // `str::to_lowercase` writes a final sigma as 'ς', lowercasing char by char as 'σ'.
        h.write_u32(u32::from(if c == 'ς' { 'σ' } else { c }));
    }
    match e.date.bounds() {
        Ok(b) => {
            h.write_i64(b.earliest_secs);
            h.write_i64(b.latest_secs);
        }
        Err(_) => h.write_u8(0),
    }
    h.finish()
}

/// Same date, title and participants: the same event.
fn event_key(e: &Event, names: &HashMap<Id, String>) -> (String, String, Vec<String>) {
    let mut who: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            names
                .get(&p.actor)
                .cloned()
                .unwrap_or_else(|| p.actor.as_str().to_owned())
        })
        .collect();
    who.sort();
    who.dedup();
    (e.date.edtf_text(), e.title.trim().to_lowercase(), who)
}

fn all_entity_ids(p: &Project) -> impl Iterator<Item = Id> + '_ {
    p.periods
        .iter()
        .map(|x| x.id)
        .chain(p.tags.iter().map(|x| x.id))
        .chain(p.sources.iter().map(|x| x.id))
        .chain(p.claims.iter().map(|x| x.id))
        .chain(p.actors.iter().map(|x| x.id))
        .chain(p.memberships.iter().map(|x| x.id))
        .chain(p.locations.iter().map(|x| x.id))
        .chain(p.issues.iter().map(|x| x.id))
        .chain(p.positions.iter().map(|x| x.id))
}
