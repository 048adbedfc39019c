//! "As of" in the session: every view reads the projection, the project is read-only while
//! it is on, the steps go from report to report, and the command line's `--as-of`.

mod as_of_fixture;

use as_of_fixture::{DINNER, UMEROV, event, miami_reports};
use detente::app::edits::replace_event;
use detente::app::{Command, Document, Effect, Origin, Session};
use detente::model::{EventStatus, Filter};
use detente::query::AsOf;

fn session() -> Session {
    Session::new(Document::new(miami_reports(), Origin::Untitled))
}

fn day(text: &str) -> AsOf {
    AsOf::parse(text).expect("a day")
}

fn shown_status(session: &Session) -> Option<EventStatus> {
    event(session.view_document().project(), UMEROV).map(|e| e.status)
}

#[test]
fn as_of_a_day_every_view_reads_the_projection_and_now_restores_the_project() {
    let mut s = session();
    assert_eq!(shown_status(&s), Some(EventStatus::Held));
    assert!(s.run(Command::SetAsOf(Some(day("2025-12-18")))).is_empty());
    assert_eq!(shown_status(&s), Some(EventStatus::Expected));
    assert!(event(s.view_document().project(), DINNER).is_none());
    // The filter's result is of the projection: the dinner of the 19th's report is gone.
    s.refresh_filtered();
    let shown = s.filtered().result.events.len();
    assert_eq!(shown, s.view_document().project().events.len());
    assert!(shown < s.document().project().events.len());
    let banner = s.as_of_view().expect("shown").banner_text();
    assert!(
        banner.contains("18 Dec 2025") && banner.contains("1 event and 3 claims reported later"),
        "{banner}"
    );
    s.run(Command::SetAsOf(None));
    assert_eq!(shown_status(&s), Some(EventStatus::Held));
    s.refresh_filtered();
    assert_eq!(
        s.filtered().result.events.len(),
        s.document().project().events.len()
    );
}

#[test]
fn edits_are_refused_while_as_of_is_on_and_the_project_is_untouched() {
    let mut s = session();
    let project = s.document().project().clone();
    let i = project
        .events
        .iter()
        .position(|e| e.id == UMEROV)
        .expect("there");
    let mut renamed = project.events[i].clone();
    renamed.title = "Renamed".into();
    let edit = replace_event(&project, i, renamed, "rename").expect("an edit");
    s.run(Command::SetAsOf(Some(day("2025-12-18"))));
    for command in [
        Command::Edit(edit.clone(), None),
        Command::Undo,
        Command::New(detente::model::EntityKind::Actor),
        Command::DeleteSelected,
        // Recording what a report said is an edit too (the dialog would edit the past).
        Command::RecordReport,
        Command::EditReport(UMEROV.into(), 0),
    ] {
        let effects = s.run(command);
        assert!(
            matches!(effects.as_slice(), [Effect::Error(text)] if text.contains("read-only") && text.contains("Now")),
            "{effects:?}"
        );
    }
    assert_eq!(*s.document().project(), project);
    // Selecting and filtering still work.
    assert!(s.run(Command::SetFilter(Filter::default())).is_empty());
    s.run(Command::SetAsOf(None));
    assert!(s.run(Command::Edit(edit, None)).is_empty());
    assert_eq!(s.document().project().events[i].title, "Renamed");
}

#[test]
fn the_steps_go_from_report_to_report_and_past_the_last_to_now() {
    let mut s = session();
    assert_eq!(s.report_days(), [day("2025-12-18"), day("2025-12-19")]);
    s.run(Command::AsOfPreviousReport);
    assert_eq!(s.as_of_wanted(), Some(day("2025-12-19")));
    assert_eq!(shown_status(&s), Some(EventStatus::Held));
    s.run(Command::AsOfPreviousReport);
    assert_eq!(s.as_of_wanted(), Some(day("2025-12-18")));
    assert_eq!(shown_status(&s), Some(EventStatus::Expected));
    s.run(Command::AsOfPreviousReport);
    assert_eq!(s.as_of_wanted(), Some(day("2025-12-18")), "nothing earlier");
    s.run(Command::AsOfNextReport);
    s.run(Command::AsOfNextReport);
    assert_eq!(s.as_of_wanted(), None);
    assert!(s.as_of_view().is_none());
}

#[test]
fn another_project_opens_as_it_is() {
    let mut s = session();
    s.run(Command::SetAsOf(Some(day("2025-12-18"))));
    s.replace_document(Document::new(miami_reports(), Origin::Untitled));
    assert_eq!(s.as_of_wanted(), None);
    assert_eq!(shown_status(&s), Some(EventStatus::Held));
}
