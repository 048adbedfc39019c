//! Article intake's dialogs (issue 14) as an analyst uses them: File ▸ Add report… opens the
//! input dialog, Propose refuses what it cannot read and says why, and the review of the
//! seed report's proposals adds what is accepted as one undo step. Most tests review
//! proposals built by hand (fixtures/seed_proposals.rs), so that a change in a stage's rules
//! does not move them; `the_seed_file_goes_through_the_whole_pipeline_into_an_empty_project`
//! runs the real stages.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

#[path = "fixtures/seed_proposals.rs"]
mod seed;

use detente::app::intake_review::Review;
use detente::app::{Document, Origin};
use detente::model::{Id, Project};
use detente::ui::DetenteApp;
use detente::ui::actions::Action;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn harness_at(app: DetenteApp, size: egui::Vec2) -> Harness<'static, DetenteApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), app);
    harness.run();
    harness
}

/// The small window the app must work in.
fn harness(app: DetenteApp) -> Harness<'static, DetenteApp> {
    harness_at(app, egui::vec2(1024.0, 700.0))
}

fn empty_project() -> DetenteApp {
    DetenteApp::from_document(Document::new(Project::default(), Origin::Untitled))
}

/// The review of the seed's hand-built proposals, opened through the command path.
fn review_seed(harness: &mut Harness<'_, DetenteApp>, proposals: detente::intake::Proposals) {
    review_of(harness, seed::article(), proposals);
}

fn review_of(
    harness: &mut Harness<'_, DetenteApp>,
    article: detente::intake::Article,
    proposals: detente::intake::Proposals,
) {
    let ctx = harness.ctx.clone();
    let app = harness.state_mut();
    let review = Review::new(article, proposals);
    app.apply(&ctx, Action::ReviewReport(Box::new(review)));
    harness.run();
    assert!(harness.state().intake().is_review_open());
}

/// Clicks the one widget named `label`, scrolled into view first (the review's lists are
/// longer than the window).
fn click(harness: &mut Harness<'_, DetenteApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn has_text(harness: &Harness<'_, DetenteApp>, words: &str) -> bool {
    harness
        .query_all_by(|n| {
            n.label().is_some_and(|l| l.contains(words))
                || n.value().is_some_and(|v| v.contains(words))
        })
        .next()
        .is_some()
}

fn counts(app: &DetenteApp) -> (usize, usize, usize) {
    let p = app.document().project();
    (p.events.len(), p.claims.len(), p.positions.len())
}

#[test]
fn file_add_report_opens_the_input_dialog_with_its_fields() {
    let mut harness = harness(DetenteApp::new(None));
    click(&mut harness, "File");
    // A menu item's name carries its shortcut.
    click(&mut harness, "Add report… Ctrl+Shift+R");
    assert!(harness.state().intake().is_input_open());
    for (role, label) in [
        (Role::MultilineTextInput, "Report text"),
        (Role::ComboBox, "Outlet"),
        (Role::TextInput, "Published"),
        (Role::TextInput, "Time zone"),
        (Role::TextInput, "URL"),
    ] {
        harness.get_by_role_and_label(role, label);
    }
    harness.get_by_label("Propose");
    harness.get_by_label("Open file…");
    assert!(has_text(&harness, "Publication date needed"));
}

#[test]
fn the_shortcut_opens_it_too_and_propose_with_no_text_says_so() {
    let mut harness = harness(DetenteApp::new(None));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::R,
    );
    harness.run();
    assert!(harness.state().intake().is_input_open());
    click(&mut harness, "Propose");
    assert!(has_text(&harness, "The report is empty"));
    assert!(
        !harness.state().intake().is_review_open(),
        "nothing proposed"
    );
}

#[test]
fn propose_asks_for_the_publication_date_by_the_words_that_need_it_then_opens_the_review() {
    let mut harness = harness(DetenteApp::new(None));
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::AddReport);
    harness.run();
    let text = Role::MultilineTextInput;
    harness.get_by_role_and_label(text, "Report text").focus();
    harness.run();
    harness
        .get_by_role_and_label(text, "Report text")
        .type_text("Envoys are expected to meet in Miami this weekend, Politico reported.");
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Outlet")
        .click();
    harness.run();
    click(&mut harness, "Xinhua");
    click(&mut harness, "Propose");
    assert!(has_text(
        &harness,
        "Publication date needed to resolve “this weekend”"
    ));
    assert!(!harness.state().intake().is_review_open());
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .type_text("18 Dec 2025");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(!has_text(&harness, "Publication date needed"));
    click(&mut harness, "Propose");
    assert!(harness.state().intake().is_review_open());
    assert!(!harness.state().intake().is_input_open());
    // Nothing enters the project by proposing.
    assert_eq!(counts(harness.state()), (5, 12, 6));
}

#[test]
fn accepting_all_of_the_seed_adds_it_and_one_undo_takes_it_all_back() {
    let mut harness = harness(empty_project());
    review_seed(&mut harness, seed::proposals());
    for section in ["dates", "events", "claims", "positions"] {
        assert!(has_text(&harness, &format!("Accept all {section}")));
    }
    // The rows say what each proposal is.
    assert!(has_text(&harness, "US–Russia talks in Miami — New event"));
    assert!(has_text(&harness, "Politico reported → Xinhua cited"));
    click(&mut harness, "Reject all events");
    click(&mut harness, "Accept all events");
    assert_eq!(counts(harness.state()), (0, 0, 0), "nothing before Add");
    click(&mut harness, "Add to project");
    assert!(!harness.state().intake().is_review_open());
    assert_eq!(counts(harness.state()), (5, 12, 6));
    let p = harness.state().document().project();
    for name in [
        "Steve Witkoff",
        "Kirill Dmitriev",
        "Rustem Umerov",
        "Politico",
        "Xinhua",
    ] {
        assert!(p.actors.iter().any(|a| a.name == name), "{name}");
    }
    assert!(detente::model::validate(p).is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().project(), &Project::default());
}

#[test]
fn rejecting_all_claims_adds_the_events_without_them() {
    let mut harness = harness(empty_project());
    review_seed(&mut harness, seed::proposals());
    click(&mut harness, "Reject all claims");
    assert!(has_text(&harness, "0 of 12 accepted"));
    // One event rejected by its own toggle.
    click(&mut harness, "Reject event 4");
    click(&mut harness, "Add to project");
    let p = harness.state().document().project();
    assert_eq!((p.events.len(), p.claims.len()), (4, 0));
    assert!(p.events.iter().all(|e| e.claims.is_empty()));
    assert!(
        p.events
            .iter()
            .all(|e| e.id != "ev-zelenskyy-nato-statement")
    );
    assert!(detente::model::validate(p).is_empty());
}

#[test]
fn rejecting_everything_adds_nothing_and_says_so() {
    let mut harness = harness(empty_project());
    review_seed(&mut harness, seed::proposals());
    for section in ["dates", "events", "claims", "positions"] {
        click(&mut harness, &format!("Reject all {section}"));
    }
    click(&mut harness, "Add to project");
    assert!(has_text(&harness, "Nothing is accepted"));
    assert!(harness.state().intake().is_review_open());
    assert_eq!(harness.state().document().project(), &Project::default());
    // The next decision clears the message.
    click(&mut harness, "Accept all dates");
    let review = harness.state().intake().review().unwrap();
    assert_eq!(review.decisions.dates, [true; 4]);
    assert!(!has_text(&harness, "Nothing is accepted"));
}

#[test]
fn a_matched_event_reads_as_a_new_report_of_the_known_one_and_adds_a_reported_state() {
    let mut harness = harness(DetenteApp::new(None));
    // Against the sample each proposal describes one of its events (what the event stage's
    // matcher finds: `intake::events` seed tests).
    let mut proposals = seed::proposals();
    for (event, id) in proposals.events.iter_mut().zip([
        "ev-berlin-talks",
        "ev-miami-talks",
        "ev-umerov-us-meeting",
        "ev-zelenskyy-nato-statement",
        "ev-zelensky-article5-statement",
    ]) {
        event.matches = Some(Id::new(id));
    }
    // The seed's words as Politico's: the sample holds Xinhua's, and the same claims of the
    // same source again would say nothing new.
    let mut article = seed::article();
    article.outlet = Some("Politico".to_owned());
    review_of(&mut harness, article, proposals);
    assert!(has_text(
        &harness,
        "US–Russia talks in Miami — New report of “US–Russia talks in Miami”"
    ));
    let miami = |h: &Harness<'_, DetenteApp>| {
        h.state()
            .document()
            .project()
            .events
            .iter()
            .find(|e| e.id == "ev-miami-talks")
            .unwrap()
            .reported
            .len()
    };
    let (before, events) = (miami(&harness), counts(harness.state()).0);
    click(&mut harness, "Add to project");
    assert_eq!(miami(&harness), before + 1);
    assert_eq!(counts(harness.state()).0, events, "no duplicate event");
}

#[test]
fn editing_an_event_changes_what_is_added() {
    let mut harness = harness(empty_project());
    review_seed(&mut harness, seed::proposals());
    click(&mut harness, "Edit event 2");
    harness.get_by_role_and_label(Role::TextInput, "Title");
    harness.get_by_role_and_label(Role::ComboBox, "Status");
    harness.get_by_role_and_label(Role::TextInput, "Date (EDTF)");
    harness.get_by_role_and_label(Role::TextInput, "Participant 2");
    let field = harness.get_by_role_and_label(Role::TextInput, "Title");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text(" (expected)");
    harness.run();
    assert!(has_text(
        &harness,
        "US–Russia talks in Miami (expected) — New event"
    ));
}

#[test]
fn as_of_a_past_day_the_review_cannot_add() {
    let mut harness = harness(DetenteApp::new(None));
    let ctx = harness.ctx.clone();
    let day = detente::query::AsOf::parse("2025-12-18").unwrap();
    harness.state_mut().apply(&ctx, Action::SetAsOf(Some(day)));
    review_seed(&mut harness, seed::proposals());
    assert!(has_text(&harness, "read-only"));
    assert!(
        harness
            .get_by_label("Add to project")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_review_fits_the_large_window_too() {
    let mut harness = harness_at(empty_project(), egui::vec2(1920.0, 1080.0));
    review_seed(&mut harness, seed::proposals());
    let window = harness.get_by_label("Add to project").rect();
    assert!(window.max.y <= 1080.0 && window.max.x <= 1920.0);
    click(&mut harness, "Add to project");
    assert_eq!(counts(harness.state()), (5, 12, 6));
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'_, DetenteApp>, path: std::path::PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run();
    harness.run();
}

#[test]
fn a_dropped_report_file_fills_the_input_dialog_instead_of_an_import() {
    let dir = std::env::temp_dir().join(format!("detente-intake-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("xinhua-2025-12-18.txt");
    std::fs::write(&path, seed::SEED).unwrap();
    let mut harness = harness(DetenteApp::new(None));
    drop_file(&mut harness, path);
    assert!(harness.state().intake().is_input_open());
    let text = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Report text")
        .value()
        .unwrap();
    assert!(
        text.contains("date 2025-12-18 US, Russian envoys"),
        "{text:.80}"
    );
    assert!(has_text(&harness, "Read from xinhua-2025-12-18.txt"));
    // A binary file is refused with its reason, and the text stays.
    let binary = dir.join("photo.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    drop_file(&mut harness, binary);
    assert!(has_text(&harness, "photo.txt is not a text file"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_click_on_a_row_shows_its_words_and_a_second_click_hides_them() {
    use detente::app::intake_review::{ProposalRef, Section};
    let mut harness = harness(empty_project());
    review_seed(&mut harness, seed::proposals());
    let focus = |h: &Harness<'_, DetenteApp>| h.state().intake().review().unwrap().focus;
    assert_eq!(focus(&harness), None);
    let row = "Umerov meets members of the US delegation — New event";
    click(&mut harness, row);
    let umerov = ProposalRef {
        section: Section::Events,
        index: 2,
    };
    assert_eq!(focus(&harness), Some(umerov));
    click(&mut harness, row);
    assert_eq!(focus(&harness), None);
}

#[test]
fn a_review_of_nothing_says_that_nothing_was_proposed_and_adds_nothing() {
    let mut harness = harness(empty_project());
    review_seed(&mut harness, detente::intake::Proposals::default());
    assert!(has_text(&harness, "Nothing was proposed"));
    click(&mut harness, "Add to project");
    assert!(has_text(&harness, "Nothing is accepted"));
    assert_eq!(harness.state().document().project(), &Project::default());
}

#[test]
fn the_seed_file_goes_through_the_whole_pipeline_into_an_empty_project() {
    let dir = std::env::temp_dir().join(format!("detente-intake-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.txt");
    std::fs::write(&path, seed::SEED).unwrap();
    let mut harness = harness(empty_project());
    drop_file(&mut harness, path);
    assert!(harness.state().intake().is_input_open());
    // The seed's first line dates it: the dialog fills the date in and says so.
    assert!(has_text(
        &harness,
        "Read from the text itself: publication date"
    ));
    assert!(!has_text(&harness, "Publication date needed"));
    harness
        .get_by_role_and_label(Role::ComboBox, "Outlet")
        .click();
    harness.run();
    click(&mut harness, "New source…");
    harness
        .get_by_role_and_label(Role::TextInput, "New source's name")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New source's name")
        .type_text("Xinhua");
    harness.run();
    click(&mut harness, "Propose");
    assert!(harness.state().intake().is_review_open());
    let review = harness.state().intake().review().unwrap();
    assert_eq!(review.article.published, jiff::civil::date(2025, 12, 18));
    assert_eq!(review.proposals.events.len(), 5);
    assert!(has_text(&harness, "US–Russia talks in Miami — New event"));
    assert_eq!(counts(harness.state()), (0, 0, 0), "nothing before Add");
    click(&mut harness, "Add to project");
    assert!(!harness.state().intake().is_review_open());
    let p = harness.state().document().project();
    assert_eq!(
        (p.events.len(), p.claims.len(), p.positions.len()),
        (5, 12, 5)
    );
    assert!(detente::model::validate(p).is_empty());
    assert!(p.sources.iter().any(|s| s.name == "Xinhua"));
    // Each event's report is stamped with when it was recorded.
    assert!(
        p.events
            .iter()
            .all(|e| e.reported.iter().all(|s| s.recorded.is_some()))
    );
    // The empty project's timeline showed the weeks around today: it now shows the report's.
    harness.run();
    assert!(has_text(&harness, "5 events in view"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().project(), &Project::default());
    std::fs::remove_dir_all(&dir).unwrap();
}
