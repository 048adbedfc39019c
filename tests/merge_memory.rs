//! Merging an import into a big project, and undoing it, does not copy the project (issue
//! 12, item 4): the merge used to clone the open project, merge into the clone and diff the
//! two (a 408 MB undo step and a second project in memory at 1M events). This binary counts
//! allocations: a deep copy of a project makes at least one per event (each event's
//! participants are a heap slice), so a merge that makes far fewer has copied nothing.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::sync::atomic::Ordering;

use detente::app::{Command, Document, Origin, Session};
use detente::import::{ImportFormat, ImportOptions, import};

#[path = "../benches/common/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{ALLOCATIONS, COUNTING};

/// 20,000 events: a copy would make 20,000+ allocations, far above the merge's own (a few
/// per imported entity, and the derived data's buffers).
const NUM_EVENTS: usize = 20_000;

fn allocations<T>(work: impl FnOnce() -> T) -> (T, usize) {
    ALLOCATIONS.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let result = work();
    COUNTING.store(false, Ordering::SeqCst);
    (result, ALLOCATIONS.load(Ordering::SeqCst))
}

#[test]
fn merging_an_import_and_undoing_it_copy_nothing_of_the_project() {
    let project = detente::generate::generate_project(NUM_EVENTS, 3);
    let (_, copy) = allocations(|| project.clone());
    assert!(copy >= NUM_EVENTS, "a copy makes {copy} allocations");

    let mut session = Session::new(Document::new(project, Origin::Untitled));
    let json = br#"{"events":[
        {"start_date":{"year":"2025","month":"3","day":"1"},"text":{"headline":"Merged meeting"}},
        {"start_date":{"year":"2025","month":"3","day":"2"},"text":{"headline":"Merged call"}}]}"#;
    let imported = import(json, ImportFormat::TimelineJs, &ImportOptions::default()).unwrap();

    let (_, merge) = allocations(|| session.merge_import(imported, "talks.json"));
    assert_eq!(
        session.document().project().events.len(),
        NUM_EVENTS + 2,
        "the import was merged"
    );
    let (_, undo) = allocations(|| session.run(Command::Undo));
    assert_eq!(session.document().project().events.len(), NUM_EVENTS);
    let (_, redo) = allocations(|| session.run(Command::Redo));
    assert_eq!(session.document().project().events.len(), NUM_EVENTS + 2);
    eprintln!("allocations: copy {copy}, merge {merge}, undo {undo}, redo {redo}");
    // A quarter of a copy: room for what is derived (lookups, indices, counts, the disputed
    // events: about 7,600 allocations at 20k events, what the undo makes), none for a copy
    // of the events.
    for (what, n) in [("merge", merge), ("undo", undo), ("redo", redo)] {
        assert!(
            n < copy / 4,
            "{what} made {n} allocations; a copy makes {copy}"
        );
    }
    // The merge itself adds little to that rebuild: a few per imported entity.
    assert!(merge < undo + 1_000, "merge {merge}, undo {undo}");
}
