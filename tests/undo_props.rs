//! Any sequence of edits, undone, gives back the original project; redone, the edited one.
//! Edits prepared from older states of the project (a frame ago, before a prompt) are
//! either made or refused, never made wrong: the project validates after every step, and
//! undoing everything gives back the original file byte for byte.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason
#![allow(clippy::many_single_char_names)] // p, n, e, a, d: the usual short names of a test

use detente::app::Document;
use detente::app::edit::{Change, Edit, Meta};
use detente::app::edits::{add_event, delete_entity, delete_event, replace_event, upsert};
use detente::io::to_ron_string;
use detente::model::{
    DateSpec, Event, EventKind, EventStatus, Id, Participation, Project, validate,
};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Rename(usize, String),
    Move(usize, u8),
    Add(u8),
    DeleteEvent(usize),
    DeleteEntity(usize),
    RenameActor(usize),
    AddActor(u8),
    AddParticipant(usize, usize),
    Affiliate(usize, usize),
    EditClaim(usize),
    AddClaim(usize, u8),
    RetitleProject(String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), "[a-zA-Z][a-zA-Z ]{0,11}").prop_map(|(i, t)| Op::Rename(i, t)),
        (any::<usize>(), 1u8..28).prop_map(|(i, d)| Op::Move(i, d)),
        (1u8..28).prop_map(Op::Add),
        any::<usize>().prop_map(Op::DeleteEvent),
        any::<usize>().prop_map(Op::DeleteEntity),
        any::<usize>().prop_map(Op::RenameActor),
        (0u8..4).prop_map(Op::AddActor),
        (any::<usize>(), any::<usize>()).prop_map(|(e, a)| Op::AddParticipant(e, a)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Affiliate(a, b)),
        any::<usize>().prop_map(Op::EditClaim),
        (any::<usize>(), 0u8..4).prop_map(|(s, n)| Op::AddClaim(s, n)),
        "[a-zA-Z][a-zA-Z ]{0,11}".prop_map(Op::RetitleProject),
    ]
}

/// The edit `op` makes, prepared from `p`; `None` when it makes none there.
fn build(p: &Project, op: &Op) -> Option<Edit> {
    let n = p.events.len().max(1);
    let pick = |len: usize, i: usize| i % len.max(1);
    match op {
        Op::Rename(i, t) => p.events.get(i % n).and_then(|e| {
            let mut e = e.clone();
            e.title = t.as_str().into();
            replace_event(p, i % n, e, "rename")
        }),
        Op::Move(i, d) => p.events.get(i % n).and_then(|e| {
            let mut e = e.clone();
            e.date = DateSpec::parse(&format!("2025-12-{d:02}")).unwrap();
            replace_event(p, i % n, e, "move")
        }),
        Op::Add(d) => {
            let id = format!("ev-new-{}", p.events.len() + usize::from(*d) * 1000);
            if p.events.iter().any(|e| e.id == id) {
                None
            } else {
                let date = DateSpec::parse(&format!("2025-12-{d:02}")).unwrap();
                Some(add_event(
                    p,
                    Event::new(&id, "New", EventKind::Meeting, EventStatus::Planned, date),
                ))
            }
        }
        Op::DeleteEvent(i) => delete_event(p, i % n),
        Op::DeleteEntity(i) => {
            let ids: Vec<Id> = p
                .actors
                .iter()
                .map(|a| a.id)
                .chain(p.locations.iter().map(|l| l.id))
                .chain(p.sources.iter().map(|s| s.id))
                .chain(p.issues.iter().map(|x| x.id))
                .chain(p.claims.iter().map(|c| c.id))
                .collect();
            ids.get(pick(ids.len(), *i))
                .and_then(|&id| delete_entity(p, id))
                .map(|(e, _)| e)
        }
        Op::RenameActor(i) => p.actors.get(pick(p.actors.len(), *i)).map(|a| {
            let mut a = a.clone();
            a.name.push('!');
            upsert(p, a, "rename")
        }),
        Op::AddActor(k) => p.actors.first().and_then(|a| {
            let mut a = a.clone();
            a.id = Id::new(&format!("a-added-{k}"));
            a.name = format!("Added {k}");
            a.affiliation = None;
            let lookup = p.lookup();
            lookup.get(a.id).is_none().then(|| upsert(p, a, "add"))
        }),
        Op::AddParticipant(e, a) => {
            let actor = p.actors.get(pick(p.actors.len(), *a)).map(|x| x.id);
            p.events.get(e % n).zip(actor).and_then(|(ev, actor)| {
                let mut ev = ev.clone();
                if ev.participants.iter().any(|x| x.actor == actor) {
                    return None;
                }
                ev.add_participant(Participation {
                    actor,
                    role: Default::default(),
                    certainty: Default::default(),
                });
                replace_event(p, e % n, ev, "add participant to")
            })
        }
        Op::Affiliate(a, b) => {
            let actor = p.actors.get(pick(p.actors.len(), *a))?;
            let to = p.actors.get(pick(p.actors.len(), *b))?.id;
            // Only where it makes no circle in this state: a circle is the stale edit's risk.
            let mut next = Some(to);
            while let Some(id) = next {
                if id == actor.id {
                    return None;
                }
                next = p
                    .actors
                    .iter()
                    .find(|x| x.id == id)
                    .and_then(|x| x.affiliation);
            }
            let mut actor = actor.clone();
            actor.affiliation = Some(to);
            Some(upsert(p, actor, "affiliate"))
        }
        Op::EditClaim(i) => p.claims.get(pick(p.claims.len(), *i)).map(|c| {
            let mut c = c.clone();
            c.excerpt = format!("{} (checked)", c.excerpt).into();
            upsert(p, c, "edit")
        }),
        Op::AddClaim(s, k) => {
            let source = p.sources.get(pick(p.sources.len(), *s))?.id;
            let mut claim = p.claims.first()?.clone();
            claim.id = Id::new(&format!("c-added-{k}"));
            claim.source = source;
            claim.attribution.clear();
            let lookup = p.lookup();
            lookup
                .get(claim.id)
                .is_none()
                .then(|| upsert(p, claim, "add"))
        }
        Op::RetitleProject(t) => {
            let before = Meta::of(p);
            let mut after = before.clone();
            after.title.clone_from(t);
            Some(Edit::new("retitle", vec![Change::Meta { before, after }]))
        }
    }
}

fn run(doc: &mut Document, op: &Op, merge: bool) {
    let p = doc.project().clone();
    if let Some(edit) = build(&p, op) {
        doc.apply(edit, merge.then_some("typing")).unwrap();
    }
}

/// One step of a session: an edit prepared `stale` states ago (0: from the project as it
/// is), an undo, a redo, or the end of a typing burst.
#[derive(Clone, Debug)]
enum Step {
    Edit { op: Op, stale: usize, merge: bool },
    Undo,
    Redo,
    EndBurst,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (op(), prop_oneof![3 => Just(0usize), 2 => 1usize..6], any::<bool>())
            .prop_map(|(op, stale, merge)| Step::Edit { op, stale, merge }),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => Just(Step::EndBurst),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_restores_and_redo_all_reapplies(ops in proptest::collection::vec((op(), any::<bool>()), 1..25)) {
        let mut doc = Document::sample().unwrap();
        let original = doc.project().clone();
        for (op, merge) in &ops {
            run(&mut doc, op, *merge);
        }
        let edited = doc.project().clone();
        prop_assert!(validate(&edited).is_empty());
        while doc.undo().unwrap() {}
        prop_assert_eq!(doc.project(), &original);
        prop_assert!(!doc.is_dirty());
        while doc.redo().unwrap() {}
        prop_assert_eq!(doc.project(), &edited);
    }

    /// Edits from older states, undos and redos in any order: every state validates, an edit
    /// from the current state is never refused, a refused one changes nothing, undo and
    /// redo step through exactly the states that were made, and undoing everything gives
    /// back the original file byte for byte.
    #[test]
    fn stale_edits_undo_and_redo_never_corrupt_the_project(steps in proptest::collection::vec(step(), 1..40)) {
        let mut doc = Document::sample().unwrap();
        let original_file = to_ron_string(doc.project()).unwrap();
        // Every state the project went through, to prepare stale edits from.
        let mut seen = vec![doc.project().clone()];
        // The states undo and redo must reach: what the history should hold.
        let mut done = vec![doc.project().clone()];
        let mut undone: Vec<Project> = Vec::new();
        let mut open_burst = false;
        for step in &steps {
            match step {
                Step::Edit { op, stale, merge } => {
                    let from = &seen[seen.len() - 1 - (*stale).min(seen.len() - 1)];
                    let before = doc.project().clone();
                    let Some(edit) = build(from, op) else { continue };
                    let empty = edit.is_empty();
                    match doc.apply(edit, merge.then_some("burst")) {
                        Ok(()) if empty => {}
                        Ok(()) => {
                            if *merge && open_burst && done.len() > 1 {
                                *done.last_mut().unwrap() = doc.project().clone();
                            } else {
                                done.push(doc.project().clone());
                            }
                            undone.clear();
                            open_burst = *merge;
                        }
                        Err(err) => {
                            prop_assert!(from != &before, "refused from the current state: {err}");
                            prop_assert!(doc.project() == &before, "a refused edit changed the project: {err}");
                        }
                    }
                }
                Step::Undo => {
                    let went_back = doc.undo().unwrap();
                    prop_assert_eq!(went_back, done.len() > 1);
                    if went_back {
                        undone.push(done.pop().unwrap());
                        open_burst = false;
                    }
                }
                Step::Redo => {
                    let went_on = doc.redo().unwrap();
                    prop_assert_eq!(went_on, !undone.is_empty());
                    if went_on {
                        done.push(undone.pop().unwrap());
                        open_burst = false;
                    }
                }
                Step::EndBurst => {
                    doc.close_merge();
                    open_burst = false;
                }
            }
            let problems = validate(doc.project());
            prop_assert!(problems.is_empty(), "after {:?}: {:?}", step, problems);
            prop_assert!(doc.project() == done.last().unwrap(), "after {:?}: not the state undo and redo should reach", step);
            seen.push(doc.project().clone());
        }
        while doc.undo().unwrap() {}
        prop_assert_eq!(to_ron_string(doc.project()).unwrap(), original_file);
        prop_assert!(!doc.is_dirty());
    }
}
