//! Undo by interaction: one step per field focus and per dialog. Typing in a field, leaving
//! it and typing in it again are two steps; one undo takes back only the second burst.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::ui::DetenteApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Tall enough that the whole event form is on screen without scrolling.
fn harness() -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 1600.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None))
}

/// Selects the event by clicking its mark, then opens its form.
fn edit_event(harness: &mut Harness<'_, DetenteApp>, event_id: &str) {
    harness.run();
    let pos = {
        let app = harness.state();
        app.timeline()
            .item_rect(app.document(), event_id)
            .unwrap()
            .center()
    };
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
    harness.get_by_label("✎ Edit").click();
    harness.run();
}

fn focus(harness: &mut Harness<'_, DetenteApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
}

/// Types at the focus, key by key and a frame each, as a person does.
fn type_keys(harness: &mut Harness<'_, DetenteApp>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
}

/// Replaces the text of the focused field.
fn retype(harness: &mut Harness<'_, DetenteApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_keys(harness, text);
}

/// Edit ▸ Undo, as the menu names it.
fn undo(harness: &mut Harness<'_, DetenteApp>) {
    let label = format!("Undo: {}", harness.state().document().undo_label().unwrap());
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains(&label).click();
    harness.run();
}

fn miami<'h>(harness: &'h Harness<'_, DetenteApp>) -> &'h detente::model::Event {
    harness
        .state()
        .document()
        .project()
        .events
        .iter()
        .find(|e| e.id == "ev-miami-talks")
        .unwrap()
}

#[test]
fn typing_in_a_field_again_after_leaving_it_is_a_second_undo_step() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    let original = miami(&harness).title.to_string();

    focus(&mut harness, Role::TextInput, "Title");
    retype(&mut harness, "Talks");
    // Away to another field, typing nothing there, and back.
    focus(&mut harness, Role::TextInput, "Place words");
    focus(&mut harness, Role::TextInput, "Title");
    type_keys(&mut harness, " in Miami");
    assert_eq!(miami(&harness).title, "Talks in Miami");

    undo(&mut harness);
    assert_eq!(
        miami(&harness).title,
        "Talks",
        "only the second burst undone"
    );
    undo(&mut harness);
    assert_eq!(miami(&harness).title, original);
}

#[test]
fn a_burst_in_another_field_is_its_own_step() {
    let mut harness = harness();
    edit_event(&mut harness, "ev-miami-talks");
    let original = miami(&harness).title.to_string();

    focus(&mut harness, Role::TextInput, "Title");
    retype(&mut harness, "Talks");
    focus(&mut harness, Role::TextInput, "Place words");
    type_keys(&mut harness, "in Florida");
    assert_eq!(miami(&harness).place_wording.as_deref(), Some("in Florida"));

    undo(&mut harness);
    assert_eq!(miami(&harness).place_wording, None);
    assert_eq!(
        miami(&harness).title,
        "Talks",
        "the title's burst is a step of its own"
    );
    undo(&mut harness);
    assert_eq!(miami(&harness).title, original);
}

#[test]
fn typing_after_reopening_a_dialog_is_a_new_step() {
    let mut harness = harness();
    harness.run();
    let open_properties = |harness: &mut Harness<'_, DetenteApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Project properties…").click();
        harness.run();
        focus(harness, Role::TextInput, "Project title");
        harness.key_press(egui::Key::End);
        harness.run();
    };
    let title = |h: &Harness<'_, DetenteApp>| h.state().document().project().title.clone();
    let original = title(&harness);

    open_properties(&mut harness);
    type_keys(&mut harness, " (draft)");
    harness.get_by_label("Close window").click();
    harness.run();
    open_properties(&mut harness);
    type_keys(&mut harness, " 2");
    harness.get_by_label("Close window").click();
    harness.run();
    assert_eq!(title(&harness), format!("{original} (draft) 2"));

    undo(&mut harness);
    assert_eq!(title(&harness), format!("{original} (draft)"));
    undo(&mut harness);
    assert_eq!(title(&harness), original);
}

#[test]
fn an_edit_prepared_before_another_change_is_refused_with_its_reason_in_the_notices() {
    use detente::app::edits::replace_event;
    use detente::ui::actions::Action;
    let mut harness = harness();
    harness.run();
    let project = harness.state().document().project().clone();
    let index = project
        .events
        .iter()
        .position(|e| e.id == "ev-miami-talks")
        .unwrap();
    let edit_of = |title: &str| {
        let mut event = project.events[index].clone();
        event.title = title.into();
        replace_event(&project, index, event, "rename").unwrap()
    };
    // Two edits prepared from the same frame: the second would overwrite the first.
    let (first, second) = (edit_of("Talks in Miami"), edit_of("Meeting in Miami"));
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::Edit(first, None));
    harness.state_mut().apply(&ctx, Action::Edit(second, None));
    harness.run();
    assert_eq!(miami(&harness).title, "Talks in Miami");
    let notice = &harness.state().notices()[0];
    assert!(notice.is_error);
    assert_eq!(
        notice.text,
        "The change could not be made: the event ‘US–Russia talks in Miami’ (ev-miami-talks) \
         changed after this change was prepared (its title); making it would overwrite what \
         changed"
    );
    harness.get_by_label_contains("making it would overwrite what changed");
}

/// Presses at `from`, moves to `to` over six frames and lets go.
fn drag(harness: &mut Harness<'_, DetenteApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn two_drags_of_one_mark_are_two_steps() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.ui(ui), DetenteApp::new(None));
    harness.run();
    harness.get_by_label("✎ Drag to edit").click();
    harness.run();
    let day = (86_400.0 / harness.state().timeline().view().unwrap().secs_per_px) as f32;
    let mark = |h: &Harness<'_, DetenteApp>| {
        let app = h.state();
        app.timeline()
            .item_rect(app.document(), "ev-miami-talks")
            .unwrap()
            .center()
    };
    let date = |h: &Harness<'_, DetenteApp>| miami(h).date.edtf_text();
    let from = mark(&harness);
    drag(&mut harness, from, from + egui::vec2(2.0 * day, 0.0));
    assert_eq!(date(&harness), "2025-12-22/2025-12-23");
    let from = mark(&harness);
    drag(&mut harness, from, from + egui::vec2(day, 0.0));
    assert_eq!(date(&harness), "2025-12-23/2025-12-24");

    undo(&mut harness);
    assert_eq!(
        date(&harness),
        "2025-12-22/2025-12-23",
        "only the second drag undone"
    );
    undo(&mut harness);
    assert_eq!(date(&harness), "2025-12-20/2025-12-21");
}
