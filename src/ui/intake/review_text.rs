//! The review's article text, each proposal's words on a background of its kind's colour
//! (`app::intake_review::pieces` says which stretch is what); the focused proposal's words
//! underlined. A click on highlighted words shows their proposal's row.

use egui::text::{CCursor, LayoutJob, TextFormat};

use crate::app::intake_review::{Mark, ProposalRef, Review, pieces};

/// The background of a kind of words. Translucent, so that the theme's text colour keeps its
/// contrast on it in both themes (alpha 60 of 255 on dark, 70 on light, where pale fills
/// vanish on white); the focused proposal's words twice as strong.
pub(super) fn mark_fill(mark: Mark, dark: bool, focused: bool) -> egui::Color32 {
    let (r, g, b) = match mark {
        Mark::Date => (66, 133, 244),
        Mark::Event => (171, 71, 188),
        Mark::Attribution => (52, 168, 83),
        Mark::Hedge => (251, 140, 0),
        Mark::Stance => (0, 172, 193),
    };
    let alpha: u8 = match (dark, focused) {
        (true, false) => 60,
        (false, false) => 70,
        (_, true) => 140,
    };
    egui::Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The text; returns the proposal whose words were clicked. `scroll` asks to bring the
/// focused proposal's first words into view (once: it is cleared here).
pub(super) fn text_ui(
    ui: &mut egui::Ui,
    review: &Review,
    scroll: &mut bool,
) -> Option<ProposalRef> {
    let text = &review.article.text;
    let pieces = pieces(text, &review.proposals, review.focus);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let underline = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    // Lines 1.4 times the font's size: the highlights of two lines do not touch, and a long
    // report reads as text rather than as a block of colour.
    let line_height = font.size * 1.4;
    let mut job = LayoutJob::default();
    for piece in &pieces {
        let mut format = TextFormat::simple(font.clone(), color);
        format.line_height = Some(line_height);
        if let Some(mark) = piece.mark {
            format.background = mark_fill(mark, dark, piece.focused);
        }
        if piece.focused {
            format.underline = underline;
        }
        job.append(piece.span.of(text), 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    let galley = ui.painter().layout_job(job);
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "The report's text"));
    ui.painter().galley(rect.min, galley.clone(), color);
    if *scroll {
        *scroll = false;
        if let Some(first) = pieces.iter().find(|p| p.focused) {
            let at = CCursor::new(text[..first.span.start].chars().count());
            let row = galley.pos_from_cursor(at).translate(rect.min.to_vec2());
            ui.scroll_to_rect(row, Some(egui::Align::Center));
        }
    }
    let pos = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())?;
    let cursor = galley.cursor_from_pos(pos - rect.min);
    let byte = text
        .char_indices()
        .nth(cursor.index.0)
        .map_or(text.len(), |(b, _)| b);
    pieces
        .iter()
        .find(|p| p.span.start <= byte && byte < p.span.end)
        .and_then(|p| p.of)
}
