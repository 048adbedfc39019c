//! Any sequence of edits, undone, gives back the original project; redone, the edited one.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason
#![allow(clippy::many_single_char_names)] // p, n, e, a, d: the usual short names of a test

use detente::app::Document;
use detente::app::edits::{add_event, delete_entity, delete_event, replace_event, upsert};
use detente::model::{DateSpec, Event, EventKind, EventStatus, Id, Participation};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Rename(usize, String),
    Move(usize, u8),
    Add(u8),
    DeleteEvent(usize),
    DeleteEntity(usize),
    RenameActor(usize),
    AddParticipant(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), "[a-zA-Z][a-zA-Z ]{0,11}").prop_map(|(i, t)| Op::Rename(i, t)),
        (any::<usize>(), 1u8..28).prop_map(|(i, d)| Op::Move(i, d)),
        (1u8..28).prop_map(Op::Add),
        any::<usize>().prop_map(Op::DeleteEvent),
        any::<usize>().prop_map(Op::DeleteEntity),
        any::<usize>().prop_map(Op::RenameActor),
        (any::<usize>(), any::<usize>()).prop_map(|(e, a)| Op::AddParticipant(e, a)),
    ]
}

fn run(doc: &mut Document, op: &Op, merge: bool) {
    let p = doc.project().clone();
    let n = p.events.len().max(1);
    let edit = match op {
        Op::Rename(i, t) => p.events.get(i % n).and_then(|e| {
            let mut e = e.clone();
            e.title = t.as_str().into();
            replace_event(&p, i % n, e, "rename")
        }),
        Op::Move(i, d) => p.events.get(i % n).and_then(|e| {
            let mut e = e.clone();
            e.date = DateSpec::parse(&format!("2025-12-{d:02}")).unwrap();
            replace_event(&p, i % n, e, "move")
        }),
        Op::Add(d) => {
            let id = format!("ev-new-{}", p.events.len() + usize::from(*d) * 1000);
            if p.events.iter().any(|e| e.id == id) {
                None
            } else {
                let date = DateSpec::parse(&format!("2025-12-{d:02}")).unwrap();
                Some(add_event(
                    &p,
                    Event::new(&id, "New", EventKind::Meeting, EventStatus::Planned, date),
                ))
            }
        }
        Op::DeleteEvent(i) => delete_event(&p, i % n),
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
            ids.get(i % ids.len().max(1))
                .and_then(|&id| delete_entity(&p, id))
                .map(|(e, _)| e)
        }
        Op::RenameActor(i) => p.actors.get(i % p.actors.len().max(1)).map(|a| {
            let mut a = a.clone();
            a.name.push('!');
            upsert(&p, a, "rename")
        }),
        Op::AddParticipant(e, a) => {
            let actor = p.actors.get(a % p.actors.len().max(1)).map(|x| x.id);
            p.events.get(e % n).zip(actor).and_then(|(ev, actor)| {
                let mut ev = ev.clone();
                ev.add_participant(Participation {
                    actor,
                    role: Default::default(),
                    certainty: Default::default(),
                });
                replace_event(&p, e % n, ev, "add participant to")
            })
        }
    };
    if let Some(edit) = edit {
        doc.apply(edit, merge.then_some("typing")).unwrap();
    }
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
        prop_assert!(detente::model::validate(&edited).is_empty());
        while doc.undo() {}
        prop_assert_eq!(doc.project(), &original);
        prop_assert!(!doc.is_dirty());
        while doc.redo() {}
        prop_assert_eq!(doc.project(), &edited);
    }
}
