//! Commands run against a project with no window: what each changes, and what it asks of
//! the UI.

use super::*;
use crate::app::edit::{Change, Meta};
use crate::model::Id;

fn sample() -> Session {
    Session::new(Document::sample().unwrap())
}

fn rename(session: &Session, title: &str) -> Command {
    let before = Meta::of(session.document().project());
    let mut after = before.clone();
    title.clone_into(&mut after.title);
    Command::Edit(
        Edit::new("rename", vec![Change::Meta { before, after }]),
        None,
    )
}

fn title(session: &Session) -> &str {
    &session.document().project().title
}

#[test]
fn select_back_and_forward_walk_the_selection_history() {
    let mut session = sample();
    let a = Selected::Actor(Id::new("a-witkoff"));
    let b = Selected::Actor(Id::new("a-umerov"));
    assert!(session.run(Command::Select(a.clone())).is_empty());
    session.run(Command::Select(b.clone()));
    assert_eq!(session.selection().primary(), Some(&b));
    session.run(Command::Back);
    assert_eq!(session.selection().primary(), Some(&a));
    session.run(Command::Forward);
    assert_eq!(session.selection().primary(), Some(&b));
    session.run(Command::ClearSelection);
    assert!(session.selection().is_empty());
}

#[test]
fn edit_undo_and_redo_change_the_project_and_back() {
    let mut session = sample();
    let original = title(&session).to_owned();
    let edit = rename(&session, "Renamed");
    assert!(session.run(edit).is_empty());
    assert_eq!(title(&session), "Renamed");
    assert!(session.document().is_dirty());
    session.run(Command::Undo);
    assert_eq!(title(&session), original);
    session.run(Command::Redo);
    assert_eq!(title(&session), "Renamed");
}

#[test]
fn a_delete_nothing_refers_to_happens_at_once() {
    let mut session = sample();
    let id = session.document().project().events[0].id.clone();
    let event = Selected::Event(id.clone());
    session.run(Command::Select(event));
    let count = session.document().project().events.len();
    assert!(session.run(Command::DeleteSelected).is_empty());
    assert_eq!(session.document().project().events.len(), count - 1);
    assert!(session.pending_delete().is_none());
    assert!(
        session.selection().is_empty(),
        "the deleted event is no longer selected"
    );
    session.run(Command::Undo);
    assert!(
        session
            .document()
            .project()
            .events
            .iter()
            .any(|e| e.id == id)
    );
    // The event brought back is selected, to be seen again; Redo deletes it, and with it
    // the selection.
    let event = Selected::Event(id);
    assert_eq!(session.selection().primary(), Some(&event));
    session.run(Command::Redo);
    assert!(session.selection().is_empty());
    session.run(Command::Undo);
    assert_eq!(session.selection().primary(), Some(&event));
}

#[test]
fn undoing_a_change_selects_what_it_changed_and_back_returns() {
    let mut session = sample();
    let first = session.document().project().events[0].clone();
    let witkoff = Selected::Actor(Id::new("a-witkoff"));
    session.run(Command::Select(witkoff.clone()));
    let mut after = first.clone();
    after.title = "Renamed".into();
    let edit = crate::app::edit::Edit::new(
        "rename event",
        vec![crate::app::edit::Change::Event(
            crate::app::edit::ListChange::replace(0, first.clone(), after),
        )],
    );
    session.run(Command::Edit(edit, None));
    session.run(Command::Undo);
    assert_eq!(
        session.selection().primary(),
        Some(&Selected::Event(first.id.clone()))
    );
    session.run(Command::Back);
    assert_eq!(session.selection().primary(), Some(&witkoff));
}

#[test]
fn a_delete_that_reaches_further_waits_for_confirmation() {
    let mut session = sample();
    let witkoff = Selected::Actor(Id::new("a-witkoff"));
    let actors = session.document().project().actors.len();
    session.run(Command::Delete(witkoff.clone()));
    let pending = session.pending_delete().expect("asks first");
    assert_eq!(pending.item, witkoff);
    assert!(!pending.consequences.is_empty());
    assert_eq!(session.document().project().actors.len(), actors, "not yet");
    // Cancel: nothing changes.
    session.run(Command::ConfirmDelete(false));
    assert!(session.pending_delete().is_none());
    assert_eq!(session.document().project().actors.len(), actors);
    // Confirm: gone, with its references, in one undo step.
    session.run(Command::Delete(witkoff));
    session.run(Command::ConfirmDelete(true));
    assert_eq!(session.document().project().actors.len(), actors - 1);
    session.run(Command::Undo);
    assert_eq!(session.document().project().actors.len(), actors);
}

#[test]
fn a_new_entity_is_added_selected_and_its_form_opens() {
    let mut session = sample();
    let actors = session.document().project().actors.len();
    let effects = session.run(Command::New(EntityKind::Actor));
    assert_eq!(session.document().project().actors.len(), actors + 1);
    let selected = session.selection().primary().cloned().unwrap();
    assert!(matches!(selected, Selected::Actor(_)));
    assert_eq!(effects, vec![Effect::StartForm(selected)]);
    // A new event falls on the day the timeline shows.
    session.set_looking_at(Some(1_767_225_600)); // 2026-01-01T00:00:00Z
    session.run(Command::New(EntityKind::Event));
    let Some(Selected::Event(id)) = session.selection().primary().cloned() else {
        panic!("the new event is selected");
    };
    let event = session
        .document()
        .project()
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap();
    assert_eq!(
        event.date,
        crate::model::DateSpec::parse("2026-01-01").unwrap()
    );
}

#[test]
fn a_position_without_actors_says_what_is_missing() {
    let mut session = Session::new(Document::untitled());
    let effects = session.run(Command::New(EntityKind::Position));
    assert!(matches!(&effects[..], [Effect::Error(text)] if text.contains("actor")));
    assert!(!session.document().is_dirty());
}

#[test]
fn set_filter_is_what_every_view_reads() {
    let mut session = sample();
    let filter = Filter {
        text: "Berlin".into(),
        ..Filter::default()
    };
    session.run(Command::SetFilter(filter.clone()));
    assert_eq!(session.filter(), &filter);
    session.refresh_filtered();
    let shown = session
        .filtered()
        .result
        .events
        .iter()
        .filter(|&&p| p)
        .count();
    assert!(shown > 0);
    assert!(shown < session.document().project().events.len());
}

#[test]
fn opening_or_starting_over_with_unsaved_changes_asks_first() {
    let mut session = sample();
    let edit = rename(&session, "Unsaved");
    session.run(edit);
    for command in [Command::NewProject, Command::OpenSample, Command::Quit] {
        assert!(session.run(command.clone()).is_empty());
        assert_eq!(session.pending_discard(), Some(&command));
        assert_eq!(title(&session), "Unsaved", "nothing discarded yet");
        session.run(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
        assert!(session.pending_discard().is_none());
        assert_eq!(title(&session), "Unsaved");
    }
    // Save first: the command waits for the save, which needs a path here.
    session.run(Command::NewProject);
    let effects = session.run(Command::AnswerUnsaved(UnsavedAnswer::Save));
    assert_eq!(effects[0], Effect::AfterSave(Box::new(Command::NewProject)));
    assert!(matches!(
        effects[1],
        Effect::ChooseFile(FileChoice::SaveAs, _)
    ));
    // Discard: done.
    session.run(Command::NewProject);
    let effects = session.run(Command::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(effects, vec![Effect::DocumentReplaced]);
    assert!(session.document().project().events.is_empty());
    assert!(!session.document().is_dirty());
    assert!(session.asks_before_closing() == session.document().is_dirty());
}

#[test]
fn quitting_after_discard_lets_the_close_through() {
    let mut session = sample();
    let edit = rename(&session, "Unsaved");
    session.run(edit);
    assert!(session.asks_before_closing());
    session.run(Command::Quit);
    let effects = session.run(Command::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(effects, vec![Effect::Close]);
    assert!(
        !session.asks_before_closing(),
        "the window's close request comes back"
    );
}

#[test]
fn files_and_windows_are_left_to_the_ui() {
    let mut session = sample();
    assert_eq!(
        session.run(Command::OpenPath("x.detente.ron".into())),
        vec![Effect::Load("x.detente.ron".into())]
    );
    assert_eq!(
        session.run(Command::OpenPalette),
        vec![Effect::Show(Window::Palette)]
    );
    // The sample has no file: Save asks where.
    assert!(matches!(
        &session.run(Command::Save)[..],
        [Effect::ChooseFile(FileChoice::SaveAs, Some(path))] if path.to_string_lossy().ends_with(".detente.ron")
    ));
}

#[test]
fn a_merged_import_is_one_step_that_undo_takes_back() {
    let mut session = sample();
    let before = session.document().project().events.len();
    let json = br#"{"events":[{"start_date":{"year":"2025","month":"3","day":"1"},
        "text":{"headline":"Merged meeting"}}]}"#;
    let imported = crate::import::import(
        json,
        crate::import::ImportFormat::TimelineJs,
        &crate::import::ImportOptions::default(),
    )
    .unwrap();
    let (report, effects) = session.merge_import(imported, "talks.json");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!report.is_empty());
    let events = &session.document().project().events;
    assert_eq!(events.len(), before + 1);
    assert!(events.iter().any(|e| e.title.contains("Merged meeting")));
    assert_eq!(session.document().undo_label(), Some("import talks.json"));
    session.run(Command::Undo);
    assert_eq!(session.document().project().events.len(), before);
}

#[test]
fn an_import_as_a_new_project_waits_for_unsaved_changes() {
    let mut session = sample();
    let edit = rename(&session, "Unsaved");
    session.run(edit);
    let json = br#"{"events":[{"start_date":{"year":"2025"},"text":{"headline":"One"}}]}"#;
    let imported = crate::import::import(
        json,
        crate::import::ImportFormat::TimelineJs,
        &crate::import::ImportOptions::default(),
    )
    .unwrap();
    session.stage_import(imported, "one.json");
    session.run(Command::AdoptImport);
    assert_eq!(session.pending_discard(), Some(&Command::AdoptImport));
    session.run(Command::AnswerUnsaved(UnsavedAnswer::Discard));
    assert_eq!(title(&session), "Imported from one.json");
    assert_eq!(session.document().project().events.len(), 1);
}

#[test]
fn record_report_opens_the_dialog_on_the_selected_event_only() {
    let mut session = sample();
    assert!(session.run(Command::RecordReport).is_empty());
    session.run(Command::Select(Selected::Actor(Id::new("a-witkoff"))));
    assert!(session.run(Command::RecordReport).is_empty());
    session.run(Command::Select(Selected::Event("ev-miami-talks".into())));
    assert_eq!(
        session.run(Command::RecordReport),
        [Effect::ReportDialog("ev-miami-talks".into(), None)]
    );
    assert_eq!(
        session.run(Command::EditReport("ev-miami-talks".into(), 0)),
        [Effect::ReportDialog("ev-miami-talks".into(), Some(0))]
    );
    // Opening the dialog changes nothing in the project.
    assert!(session.document().undo_label().is_none());
}

#[test]
fn add_report_opens_the_intake_dialogs_and_its_edit_is_refused_as_of_a_past_day() {
    let mut session = sample();
    assert_eq!(
        session.run(Command::AddReport),
        vec![Effect::Show(Window::AddReport)]
    );
    let path = PathBuf::from("/reports/xinhua.txt");
    assert_eq!(
        session.run(Command::AddReportFile(path.clone())),
        vec![Effect::AddReportFile(path)]
    );
    assert!(matches!(
        session.run(Command::AddReportDialog).as_slice(),
        [Effect::ChooseFile(FileChoice::Report, _)]
    ));
    // What the review adds is an edit like any other: refused while the project is shown as
    // of a past day, and nothing changes.
    let before = session.document().project().clone();
    let mut claim = before.claims[0].clone();
    claim.id = Id::new("c-new");
    let additions = crate::model::Project {
        claims: vec![claim],
        ..crate::model::Project::default()
    };
    let accepted = crate::intake::accept::Accepted {
        additions,
        states: Vec::new(),
    };
    let edit = crate::app::edits::intake_edit(&before, accepted).unwrap();
    session.run(Command::SetAsOf(Some(AsOf::parse("2025-12-18").unwrap())));
    let effects = session.run(Command::Edit(edit.clone(), None));
    assert!(matches!(effects.as_slice(), [Effect::Error(e)] if e.contains("read-only")));
    assert_eq!(session.document().project(), &before);
    session.run(Command::SetAsOf(None));
    assert!(session.run(Command::Edit(edit, None)).is_empty());
    assert_eq!(
        session.document().project().claims.len(),
        before.claims.len() + 1
    );
}
