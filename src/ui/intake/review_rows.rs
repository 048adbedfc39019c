//! The review's lists: one section per kind of proposal with "Accept all" and "Reject all",
//! a row per proposal with Accept and Reject toggles, what it says in a line or two, and an
//! Edit toggle that opens its main fields under it. A matched event reads "New report of
//! “…”": accepting it records a reported state of that event rather than a duplicate.

use crate::app::intake_review::{ProposalRef, Section};
use crate::intake::{ClaimProposal, DateProposal, EventProposal, PositionProposal, Proposals};
use crate::model::{Credibility, DateSpec, EventKind, EventStatus, Project, Stance};
use crate::ui::forms::{enum_row, field_error, quoted_excerpt, text_row};
use crate::ui::intake::IntakeContext;
use crate::ui::intake::review::ReviewDialog;

/// A claim's sentence in its row: about one line of the list at 1024 px.
const EXCERPT_CHARS: usize = 90;

/// The singular in row names ("Accept event 2").
fn singular(section: Section) -> &'static str {
    match section {
        Section::Dates => "date",
        Section::Events => "event",
        Section::Claims => "claim",
        Section::Positions => "position",
    }
}

/// After a decision: the message about the last one goes, and the footer (drawn before the
/// lists, its panel comes first) shows the new count in the next frame, not at the next input.
fn decided(ui: &egui::Ui, dialog: &mut ReviewDialog) {
    dialog.message = None;
    ui.ctx().request_repaint();
}

/// One section: its heading with the counts and the buttons for all, then its rows.
pub(super) fn section_ui(
    ui: &mut egui::Ui,
    dialog: &mut ReviewDialog,
    cx: &IntakeContext<'_>,
    section: Section,
) {
    let (accepted, total) = dialog.review.counts(section);
    ui.horizontal_wrapped(|ui| {
        ui.heading(section.title());
        ui.weak(format!("{accepted} of {total} accepted"));
        if total > 0 {
            if ui
                .button(format!("Accept all {}", section.noun()))
                .clicked()
            {
                dialog.review.set_section(section, true);
                decided(ui, dialog);
            }
            if ui
                .button(format!("Reject all {}", section.noun()))
                .clicked()
            {
                dialog.review.set_section(section, false);
                decided(ui, dialog);
            }
        }
    });
    if total == 0 {
        ui.weak(format!("No {} proposed.", section.noun()));
        return;
    }
    for index in 0..total {
        let of = ProposalRef { section, index };
        egui::Frame::group(ui.style())
            .fill(if dialog.review.focus == Some(of) {
                ui.visuals().faint_bg_color
            } else {
                egui::Color32::TRANSPARENT
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                row_ui(ui, dialog, cx, of);
            });
    }
}

fn row_ui(ui: &mut egui::Ui, dialog: &mut ReviewDialog, cx: &IntakeContext<'_>, of: ProposalRef) {
    let name = format!("{} {}", singular(of.section), of.index + 1);
    let accepted = dialog.review.is_accepted(of);
    ui.horizontal(|ui| {
        for (value, label) in [(true, "Accept"), (false, "Reject")] {
            let response = ui.selectable_label(accepted == value, label);
            let full = format!("{label} {name}");
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    accepted == value,
                    full.as_str(),
                )
            });
            if response.clicked() {
                dialog.review.set(of, value);
                decided(ui, dialog);
            }
        }
        let editing = dialog.editing == Some(of);
        let edit = ui.selectable_label(editing, "Edit");
        let full = format!("Edit {name}");
        edit.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, editing, full.as_str())
        });
        if edit.clicked() {
            dialog.editing = if editing { None } else { Some(of) };
        }
    });
    let project = cx.doc.project();
    let lines = summary(
        &dialog.review.proposals,
        &dialog.review.article.text,
        project,
        cx,
        of,
    );
    let focused = dialog.review.focus == Some(of);
    let mut text = egui::RichText::new(&lines.0);
    if !accepted {
        text = text.strikethrough().weak();
    }
    let response = ui.add(
        egui::Label::new(text.strong())
            .wrap()
            .sense(egui::Sense::click()),
    );
    if !lines.1.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(&lines.1).weak()).wrap());
    }
    if response.clicked() {
        dialog.review.focus = if focused { None } else { Some(of) };
        dialog.scroll_text = !focused;
    }
    if focused && dialog.scroll_row {
        dialog.scroll_row = false;
        response.scroll_to_me(Some(egui::Align::Center));
    }
    if dialog.editing == Some(of) {
        ui.add_space(2.0);
        editor_ui(ui, &mut dialog.review.proposals, of);
    }
}

/// What a row says: a first line (strong) and a second (weak).
fn summary(
    p: &Proposals,
    text: &str,
    project: &Project,
    cx: &IntakeContext<'_>,
    of: ProposalRef,
) -> (String, String) {
    let i = of.index;
    match of.section {
        Section::Dates => p.dates.get(i).map(|d| date_summary(d, text, cx)),
        Section::Events => p.events.get(i).map(|e| event_summary(e, project)),
        Section::Claims => p.claims.get(i).map(|c| claim_summary(c, text)),
        Section::Positions => p.positions.get(i).map(position_summary),
    }
    .unwrap_or_default()
}

/// “this weekend” → Sat 20 – Sun 21 Dec 2025.
fn date_summary(d: &DateProposal, text: &str, cx: &IntakeContext<'_>) -> (String, String) {
    let meaning = DateSpec::parse(&d.edtf)
        .ok()
        .and_then(|s| cx.date_display.describe(&s))
        .unwrap_or_else(|| "not a date Detente reads".to_owned());
    let mut second = format!("EDTF {}", d.edtf);
    if let Some(time) = &d.time_of_day {
        second.push_str(&format!(" · at {time}"));
    }
    (format!("“{}” → {meaning}", d.span.of(text)), second)
}

fn event_summary(e: &EventProposal, project: &Project) -> (String, String) {
    let novelty = match e.matches {
        Some(id) => match project.events.iter().find(|x| x.id == id.as_str()) {
            Some(known) => format!("New report of “{}”", known.title),
            None => "New event (the event it matched is no longer in the project)".to_owned(),
        },
        None => "New event".to_owned(),
    };
    let mut parts = vec![e.kind.label().to_owned(), e.status.label().to_owned()];
    match (&e.wording, &e.edtf) {
        (Some(w), Some(edtf)) => parts.push(format!("“{w}” ({edtf})")),
        (None, Some(edtf)) => parts.push(edtf.clone()),
        _ => parts.push("no date".to_owned()),
    }
    let places: Vec<String> = e
        .places
        .iter()
        .map(|p| {
            if p.candidate {
                format!("{}?", p.name)
            } else {
                p.name.clone()
            }
        })
        .collect();
    if !places.is_empty() {
        parts.push(places.join(" or "));
    }
    let who: Vec<&str> = e.participants.iter().map(|a| a.name.as_str()).collect();
    if !who.is_empty() {
        parts.push(who.join(", "));
    }
    (format!("{} — {novelty}", e.title), parts.join(" · "))
}

fn claim_summary(c: &ClaimProposal, text: &str) -> (String, String) {
    let chain: Vec<String> = c
        .attribution
        .iter()
        .map(|s| format!("{} {}", s.name, s.verb))
        .collect();
    let credibility = Credibility::new(c.credibility).map_or_else(String::new, |g| {
        format!("credibility {} ({})", g.value(), g.meaning())
    });
    let chain = if chain.is_empty() {
        "the report's own words".to_owned()
    } else {
        chain.join(" → ")
    };
    (
        quoted_excerpt(c.span.of(text), EXCERPT_CHARS),
        format!("{chain} · {credibility}"),
    )
}

fn position_summary(p: &PositionProposal) -> (String, String) {
    let mut second = p.summary.clone();
    if let Some(conditions) = &p.conditions {
        second.push_str(&format!(" Conditions: {conditions}"));
    }
    (
        format!(
            "{} · {} · {}",
            p.holder.name,
            p.issue.name,
            p.stance.label()
        ),
        second,
    )
}

/// The main fields of one proposal, edited in place.
fn editor_ui(ui: &mut egui::Ui, p: &mut Proposals, of: ProposalRef) {
    let i = of.index;
    match of.section {
        Section::Dates => {
            if let Some(d) = p.dates.get_mut(i) {
                edtf_ui(ui, "EDTF", &mut d.edtf, false);
            }
        }
        Section::Events => {
            if let Some(e) = p.events.get_mut(i) {
                event_editor_ui(ui, e);
            }
        }
        Section::Claims => {
            if let Some(c) = p.claims.get_mut(i)
                && let Some(g) = Credibility::new(c.credibility)
                && let Some(chosen) = enum_row(
                    ui,
                    "Credibility",
                    ("intake_credibility", i),
                    g,
                    &Credibility::ALL,
                    Credibility::meaning,
                )
            {
                c.credibility = chosen.value();
            }
        }
        Section::Positions => {
            if let Some(pos) = p.positions.get_mut(i) {
                position_editor_ui(ui, pos, i);
            }
        }
    }
}

/// An EDTF field; `optional`: empty is no date.
fn edtf_ui(ui: &mut egui::Ui, label: &str, edtf: &mut String, optional: bool) {
    if let Some(text) = text_row(ui, label, edtf, "e.g. 2025-12-20/2025-12-21") {
        text.trim().clone_into(edtf);
    }
    if !(optional && edtf.is_empty()) && DateSpec::parse(edtf).is_err() {
        field_error(
            ui,
            "Not EDTF: e.g. 2025-12-20, 2025-12-20/2025-12-21, /2025-12-18",
        );
    }
}

fn event_editor_ui(ui: &mut egui::Ui, e: &mut EventProposal) {
    if let Some(text) = text_row(ui, "Title", &e.title, "e.g. US–Russia talks in Miami") {
        e.title = text;
    }
    if let Some(kind) = enum_row(
        ui,
        "Kind",
        "intake_event_kind",
        e.kind,
        &EventKind::ALL,
        EventKind::label,
    ) {
        e.kind = kind;
    }
    if let Some(status) = enum_row(
        ui,
        "Status",
        "intake_event_status",
        e.status,
        &EventStatus::ALL,
        EventStatus::label,
    ) {
        e.status = status;
    }
    let mut edtf = e.edtf.clone().unwrap_or_default();
    edtf_ui(ui, "Date (EDTF)", &mut edtf, true);
    e.edtf = (!edtf.is_empty()).then_some(edtf);
    let wording = e.wording.clone().unwrap_or_default();
    if let Some(text) = text_row(ui, "Wording", &wording, "e.g. this weekend") {
        e.wording = (!text.trim().is_empty()).then_some(text);
    }
    for (n, actor) in e.participants.iter_mut().enumerate() {
        let label = format!("Participant {}", n + 1);
        if let Some(text) = text_row(ui, &label, &actor.name, "a name as the report gives it") {
            actor.name = text;
        }
    }
}

fn position_editor_ui(ui: &mut egui::Ui, pos: &mut PositionProposal, i: usize) {
    if let Some(stance) = enum_row(
        ui,
        "Stance",
        ("intake_stance", i),
        pos.stance,
        &Stance::ALL,
        Stance::label,
    ) {
        pos.stance = stance;
    }
    if let Some(text) = text_row(ui, "Issue", &pos.issue.name, "e.g. NATO membership") {
        pos.issue.name = text;
    }
    if let Some(text) = text_row(ui, "Holder", &pos.holder.name, "e.g. Volodymyr Zelenskyy") {
        pos.holder.name = text;
    }
}
