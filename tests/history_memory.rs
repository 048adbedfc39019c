//! What the undo history holds, and what checking an edit costs, on a million-event project:
//! the figures in docs/PERFORMANCE.md ("Undo history"). Slow and memory-hungry (about 2 GB),
//! so ignored by default; run in release:
//!
//!     cargo test --release --test history_memory -- --ignored --nocapture

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::sync::atomic::Ordering;
use std::time::Instant;

use detente::app::edit_check::check_consistent;
use detente::app::edit_history::edit_bytes;
use detente::app::edits::{add_event, append_edit, delete_entity, replace_event, unique_id};
use detente::app::{Document, Origin};
use detente::generate::generate_project;
use detente::model::{Event, EventKind, EventStatus, Project};

const EVENTS: usize = 1_000_000;

#[path = "../benches/common/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{COUNTING, IN_USE};

/// The bytes allocated and not yet freed since the test started counting: what a value
/// holds is the difference across building it.
fn live_bytes() -> usize {
    usize::try_from(IN_USE.load(Ordering::SeqCst)).unwrap_or(0)
}

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

#[test]
#[ignore = "a measurement on a million events: run in release with --ignored"]
fn history_memory_and_check_costs_on_a_million_events() {
    // Counting from the start, so that nothing freed later was allocated uncounted.
    COUNTING.store(true, Ordering::SeqCst);
    let mut doc = Document::new(generate_project(EVENTS, 1), Origin::Untitled);
    let middle = EVENTS / 2;

    // A burst of typing in one event's title: one step, whatever its length.
    let mut title = String::new();
    let mut keystroke = (0, 0.0);
    for c in "Talks in Geneva, first round".chars() {
        title.push(c);
        let p = doc.project();
        let event = Event {
            title: title.as_str().into(),
            ..p.events[middle].clone()
        };
        let edit = replace_event(p, middle, event, "rename").unwrap();
        let bytes = edit_bytes(&edit);
        // The checks an edit of one event gets: its `before` (one comparison of the
        // event), then its references.
        let start = Instant::now();
        assert!(&p.events[middle] == edit_before(&edit));
        check_consistent(p, doc.lookup(), &edit).unwrap();
        let check_ms = millis(start);
        if keystroke.0 == 0 {
            keystroke = (bytes, check_ms);
        }
        doc.apply(edit, Some("title")).unwrap();
    }
    let burst = doc.history_bytes();
    println!(
        "keystroke step: {} bytes (check {:.3} ms); a 28-keystroke burst: {} bytes, one step",
        keystroke.0, keystroke.1, burst
    );
    assert!(keystroke.0 < 2048, "a keystroke step holds one event twice");
    assert!(
        burst < keystroke.0 + 256,
        "a burst holds the event twice, not 28 times"
    );

    // A new event: its id is compared with every event's.
    let p = doc.project();
    let id = unique_id(p, "ev", "new event");
    let date = p.events[0].date.clone();
    let edit = add_event(
        p,
        Event::new(
            &id,
            "New event",
            EventKind::Meeting,
            EventStatus::Planned,
            date,
        ),
    );
    let mut q = p.clone();
    edit.apply(&mut q).unwrap();
    let start = Instant::now();
    check_consistent(&q, doc.lookup(), &edit).unwrap();
    println!("add an event: check {:.1} ms", millis(start));

    // Deleting an actor: what still refers to it is looked for everywhere.
    let actor = p.actors[p.actors.len() / 2].id;
    let (edit, _) = delete_entity(p, actor).unwrap();
    let mut q = p.clone();
    edit.apply(&mut q).unwrap();
    let start = Instant::now();
    check_consistent(&q, doc.lookup(), &edit).unwrap();
    println!(
        "delete an actor ({} changes, {} bytes): check {:.1} ms",
        edit.changes.len(),
        edit_bytes(&edit),
        millis(start)
    );
    drop((q, doc));

    // Merging a million-event import into a new project: one step of a million inserts.
    let before = Project::default();
    let imported = generate_project(EVENTS, 2);
    let held_before = live_bytes();
    let edit = append_edit(&before, imported, "import");
    let pushed = live_bytes() - held_before;
    let mut edit = edit;
    // What the history keeps of it (it gives back the room a pushed list keeps spare).
    edit.changes.shrink_to_fit();
    let held = live_bytes() - held_before;
    let start = Instant::now();
    let estimate = edit_bytes(&edit);
    let estimate_ms = millis(start);
    println!(
        "merge step: {} changes, capacity {}, {} bytes a change as stored",
        edit.changes.len(),
        edit.changes.capacity(),
        size_of::<detente::app::edit::Change>()
    );
    let mut doc = Document::new(before, Origin::Untitled);
    let start = Instant::now();
    doc.apply(edit, None).unwrap();
    let apply_ms = millis(start);
    println!(
        "merge step of {EVENTS} events: estimated {:.0} MB in {:.1} ms, allocated {:.0} MB \
         ({:.0} MB as built); Document::apply (apply, check, derived data) {:.0} ms",
        estimate as f64 / 1e6,
        estimate_ms,
        held as f64 / 1e6,
        pushed as f64 / 1e6,
        apply_ms
    );
    assert!(
        estimate >= held * 9 / 10 && estimate <= held * 3 / 2,
        "the estimate is within -10 % and +50 % of what the step holds"
    );
}

fn edit_before(edit: &detente::app::edit::Edit) -> &Event {
    match &edit.changes[0] {
        detente::app::edit::Change::Event(c) => c.before.as_ref().unwrap(),
        _ => unreachable!("an event's change"),
    }
}
