//! The chronology brief: the filtered events in date order, each with its dates in words,
//! status, participants (with roles and hedges), places and citations (the excerpt, its
//! attribution chain, the source and its grade), then the positions of those participants
//! and the sources cited. Ready to paste into a briefing, as Markdown or as an HTML page.
//!
//! Both renderings come from one sequence of blocks, so they always say the same. Blocks are
//! written as they are made: a brief of 1M events never holds its text in memory.

use rustc_hash::FxHashSet;
use std::io::{self, Write};

use super::{ExportOptions, filtered_events};
use crate::model::{
    Certainty, Claim, Event, Id, Lookup, ParticipantRole, Project, describe_bounds,
};

enum Span {
    Text(String),
    Strong(String),
    Link(String, String),
}

enum Block {
    Heading(u8, String),
    Para(Vec<Span>),
    Items(Vec<Vec<Span>>),
    Quote(Vec<Span>),
}

pub fn brief_markdown(project: &Project, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    // Writing into a `Vec` cannot fail.
    let _ = write_brief_markdown(project, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

pub fn brief_html(project: &Project, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    let _ = write_brief_html(project, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The brief in Markdown, written block by block: at 1M events the text (~600 MB) is never
/// held in memory.
pub fn write_brief_markdown(
    project: &Project,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The old text, all blocks then trimmed at its end, is kept exactly: the last block is
    // held back until the next one comes, and trimmed when none does.
    let mut pending = String::new();
    build(project, options, &mut |block| {
        out.write_all(pending.as_bytes())?;
        pending.clear();
        match block {
            Block::Heading(level, text) => {
                pending.push_str(&"#".repeat(usize::from(level)));
                pending.push(' ');
                pending.push_str(&md_escape(&text));
                pending.push_str("\n\n");
            }
            Block::Para(spans) => {
                pending.push_str(&md_spans(&spans));
                pending.push_str("\n\n");
            }
            Block::Items(items) => {
                for item in &items {
                    pending.push_str("- ");
                    pending.push_str(&md_spans(item));
                    pending.push('\n');
                }
                pending.push('\n');
            }
            Block::Quote(spans) => {
                pending.push_str("> ");
                pending.push_str(&md_spans(&spans).replace('\n', "\n> "));
                pending.push_str("\n\n");
            }
        }
        Ok(())
    })?;
    out.write_all(pending.trim_end().as_bytes())?;
    out.write_all(b"\n")
}

/// The brief as a standalone HTML page, written block by block.
pub fn write_brief_html(
    project: &Project,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = options.title.as_deref().unwrap_or(&project.title);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>body{{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45}}\
         blockquote{{border-left:3px solid #bbb;margin:.4em 0 .8em;padding-left:1em;color:#333}}\
         h3{{margin-bottom:.3em}}ul{{margin-top:.2em}}</style>\n</head>\n<body>\n",
        html_escape(title)
    )?;
    // One buffer for every block: at 1M events, a string per span and per block made
    // allocation a third of the export's time.
    let mut text = String::new();
    build(project, options, &mut |block| {
        text.clear();
        match block {
            Block::Heading(level, heading) => {
                text.push_str(&format!("<h{level}>"));
                push_html_escaped(&mut text, &heading, false);
                text.push_str(&format!("</h{level}>\n"));
            }
            Block::Para(spans) => {
                text.push_str("<p>");
                push_html_spans(&mut text, &spans);
                text.push_str("</p>\n");
            }
            Block::Items(items) => {
                text.push_str("<ul>\n");
                for item in &items {
                    text.push_str("<li>");
                    push_html_spans(&mut text, item);
                    text.push_str("</li>\n");
                }
                text.push_str("</ul>\n");
            }
            Block::Quote(spans) => {
                text.push_str("<blockquote>");
                push_html_spans(&mut text, &spans);
                text.push_str("</blockquote>\n");
            }
        }
        out.write_all(text.as_bytes())
    })?;
    out.write_all(b"</body>\n</html>\n")
}

/// Where [`build`] hands each block as soon as it is made.
type Emit<'a> = dyn FnMut(Block) -> io::Result<()> + 'a;

/// Hands every block of the brief to `emit`, in order, as soon as it is made.
fn build(project: &Project, options: &ExportOptions, emit: &mut Emit<'_>) -> io::Result<()> {
    let lookup = project.lookup();
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| project.title.clone());
    let events = filtered_events(project, &options.filter);
    emit(Block::Heading(1, title))?;
    let span_text = match (events.first(), events.last()) {
        (Some(first), Some(last)) => format!(
            "{}, {} to {}{}.",
            crate::model::count(events.len(), "event", "events"),
            first.date.edtf_text(),
            last.date.edtf_text(),
            if options.filter.is_empty() {
                ""
            } else {
                " (filtered)"
            }
        ),
        _ => "No events match.".to_owned(),
    };
    emit(Block::Para(vec![Span::Text(span_text)]))?;
    if !project.description.trim().is_empty() {
        paragraphs(emit, &project.description)?;
    }
    emit(Block::Heading(2, "Chronology".into()))?;
    // Hash sets: a `BTreeSet<Id>` orders by the ids' text, a lookup in the shared interner
    // per comparison, 12% of a 1M-event brief. The sources are sorted once, at the end.
    let mut cited_sources: FxHashSet<Id> = FxHashSet::default();
    let mut participants: FxHashSet<Id> = FxHashSet::default();
    for e in &events {
        event_blocks(project, &lookup, e, emit, &mut cited_sources)?;
        participants.extend(e.participant_ids());
    }

    let mut positions: Vec<_> = project
        .positions
        .iter()
        .filter(|p| options.filter.is_empty() || participants.contains(&p.holder))
        .collect();
    positions.sort_by_key(|p| p.as_of.bounds().map_or(i64::MAX, |b| b.earliest_secs));
    if !positions.is_empty() {
        emit(Block::Heading(2, "Positions".into()))?;
    }
    for p in positions {
        emit(Block::Heading(
            3,
            format!(
                "{} on {}: {}",
                lookup.name_of(project, p.holder),
                lookup.name_of(project, p.issue),
                p.stance.label()
            ),
        ))?;
        paragraphs(emit, &p.summary)?;
        let mut items = vec![vec![
            Span::Strong("As of: ".into()),
            Span::Text(date_words(&p.as_of)),
        ]];
        if !p.conditions.is_empty() {
            items.push(vec![
                Span::Strong("Conditions: ".into()),
                Span::Text(p.conditions.clone()),
            ]);
        }
        if !p.certainty.is_stated() {
            items.push(vec![
                Span::Strong("Likelihood: ".into()),
                Span::Text(p.certainty.label().into()),
            ]);
        }
        emit(Block::Items(items))?;
        for claim in p.claims.iter().filter_map(|c| lookup.claim(project, *c)) {
            cited_sources.insert(claim.source);
            emit(Block::Quote(citation(project, &lookup, claim)))?;
        }
    }

    if !cited_sources.is_empty() {
        emit(Block::Heading(2, "Sources".into()))?;
        let mut cited_sources: Vec<Id> = cited_sources.into_iter().collect();
        cited_sources.sort_unstable();
        let items = cited_sources
            .iter()
            .filter_map(|id| lookup.source(project, *id))
            .map(|s| {
                let mut item = vec![Span::Strong(s.name.clone())];
                item.push(Span::Text(format!(
                    " — {}; reliability {} ({})",
                    s.kind.label(),
                    s.reliability.letter(),
                    s.reliability.meaning()
                )));
                if let Some(url) = &s.url {
                    item.push(Span::Text(" ".into()));
                    item.push(Span::Link(url.clone(), url.clone()));
                }
                item
            })
            .collect();
        emit(Block::Items(items))?;
    }
    Ok(())
}

fn event_blocks(
    project: &Project,
    lookup: &Lookup,
    e: &Event,
    emit: &mut Emit<'_>,
    cited_sources: &mut FxHashSet<Id>,
) -> io::Result<()> {
    emit(Block::Heading(
        3,
        format!("{} — {}", date_words(&e.date), e.title),
    ))?;
    let mut when = format!("{} (EDTF {})", date_words(&e.date), e.date.edtf_text());
    if let Some(w) = e.date.wording() {
        when.push_str(&format!(", reported as “{w}”"));
    }
    let mut items = vec![
        vec![Span::Strong("When: ".into()), Span::Text(when)],
        vec![
            Span::Strong("Status: ".into()),
            Span::Text(format!("{} ({})", e.status.label(), e.kind.label())),
        ],
    ];
    let who: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            let mut notes = Vec::new();
            if p.role != ParticipantRole::Participant {
                notes.push(p.role.label());
            }
            if p.certainty != Certainty::Stated {
                notes.push(p.certainty.label());
            }
            let name = lookup.name_of(project, p.actor);
            if notes.is_empty() {
                name.to_owned()
            } else {
                format!("{name} ({})", notes.join(", "))
            }
        })
        .collect();
    if !who.is_empty() {
        items.push(vec![
            Span::Strong("Participants: ".into()),
            Span::Text(who.join(", ")),
        ]);
    }
    let places: Vec<&str> = e
        .location_ids()
        .map(|id| lookup.name_of(project, id))
        .collect();
    if !places.is_empty() || e.place_wording.is_some() {
        let mut text = if e.places.iter().any(|p| p.candidate) {
            format!("one of {}", places.join(", "))
        } else {
            places.join(", ")
        };
        if let Some(w) = &e.place_wording {
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(&format!("reported as “{w}”"));
        }
        items.push(vec![Span::Strong("Where: ".into()), Span::Text(text)]);
    }
    let tags: Vec<&str> = e.tags.iter().map(|t| lookup.name_of(project, *t)).collect();
    if !tags.is_empty() {
        items.push(vec![
            Span::Strong("Tags: ".into()),
            Span::Text(tags.join(", ")),
        ]);
    }
    emit(Block::Items(items))?;
    if !e.description.trim().is_empty() {
        paragraphs(emit, &e.description)?;
    }
    let mut seen = FxHashSet::default();
    for claim in e
        .all_claim_ids()
        .filter(|c| seen.insert(*c))
        .filter_map(|c| lookup.claim(project, c))
    {
        cited_sources.insert(claim.source);
        emit(Block::Quote(citation(project, lookup, claim)))?;
    }
    Ok(())
}

/// “Excerpt” — officials said → Politico reported → Xinhua (B3), published 2025-12-18, link.
fn citation(project: &Project, lookup: &Lookup, claim: &Claim) -> Vec<Span> {
    let mut spans = Vec::new();
    if !claim.excerpt.trim().is_empty() {
        spans.push(Span::Text(format!("“{}” — ", claim.excerpt.trim())));
    }
    let chain: Vec<String> = claim
        .attribution
        .iter()
        .map(|step| {
            let who = step
                .actor
                .map_or(step.name.as_str(), |a| lookup.name_of(project, a));
            if step.verb.is_empty() {
                who.to_owned()
            } else {
                format!("{who} {}", step.verb)
            }
        })
        .collect();
    let source = lookup.source(project, claim.source);
    let source_name = lookup.name_of(project, claim.source);
    let mut text = chain.join(" → ");
    let last_is_source = claim
        .attribution
        .last()
        .is_some_and(|s| s.actor.is_some() && s.actor == source.and_then(|x| x.actor));
    if !last_is_source {
        if !text.is_empty() {
            text.push_str(" → ");
        }
        text.push_str(source_name);
    }
    if let Some(source) = source {
        text.push_str(&format!(" ({})", claim.grade(source.reliability)));
    }
    if let Some(published) = &claim.published {
        text.push_str(&format!(", published {}", published.edtf_text()));
    }
    spans.push(Span::Strong(text));
    if let Some(url) = &claim.url {
        spans.push(Span::Text(" ".into()));
        spans.push(Span::Link("link".into(), url.to_string()));
    }
    spans
}

fn date_words(date: &crate::model::DateSpec) -> String {
    date.bounds()
        .map_or_else(|_| date.edtf_text(), |b| describe_bounds(&b))
}

fn paragraphs(emit: &mut Emit<'_>, text: &str) -> io::Result<()> {
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        emit(Block::Para(vec![Span::Text(para.to_owned())]))?;
    }
    Ok(())
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Runs of plain text are copied whole, not one `char` at a time (8.5% of a 1M-event
    // brief was that loop); only ASCII bytes get a backslash, so every cut falls on a
    // character boundary.
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        if matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|'
        ) {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn md_spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => md_escape(t),
            Span::Strong(t) => {
                let t = md_escape(t);
                let inner = t.trim_end();
                format!("**{inner}**{}", &t[inner.len()..])
            }
            Span::Link(_, url) if !is_web_link(url) => md_escape(url),
            Span::Link(text, url) => {
                format!("[{}](<{}>)", md_escape(text), url.replace('>', "%3E"))
            }
        })
        .collect()
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html_escaped(&mut out, text, false);
    out
}

/// `text` escaped for HTML onto `out`, with line ends as `<br>` when `line_breaks`. Runs of
/// plain text are copied whole; only ASCII bytes are replaced, so every cut falls on a
/// character boundary.
fn push_html_escaped(out: &mut String, text: &str, line_breaks: bool) {
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\n' if line_breaks => "<br>",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(with);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
}

fn push_html_spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        match span {
            Span::Text(t) => push_html_escaped(out, t, true),
            Span::Strong(t) => {
                out.push_str("<strong>");
                push_html_escaped(out, t, false);
                out.push_str("</strong>");
            }
            Span::Link(text, url) if is_web_link(url) => {
                out.push_str("<a href=\"");
                push_html_escaped(out, url, false);
                out.push_str("\">");
                push_html_escaped(out, text, false);
                out.push_str("</a>");
            }
            Span::Link(_, url) => push_html_escaped(out, url, false),
        }
    }
}

/// Only web and mail links become links: a `javascript:` URL from an imported file stays text.
pub(super) fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
}
