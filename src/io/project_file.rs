//! Project files: RON, one entity per line, read in parallel.
//!
//! The layout is RON's pretty form limited to depth 2: each top-level field on its line and
//! each entity of a list on its own line. A small edit gives a small diff, and the event list
//! (the bulk of a large project) can be cut into lines and parsed on every core, by a reader
//! made for the canonical event line (see `event_line`): ron reads ~60 MB/s on one core
//! here, and a million events are ~300 MB.

use std::path::Path;

use ron::extensions::Extensions;

use super::error::{FileProblem, LoadError, LoadErrorKind};
use super::event_line::{IdCache, parse_event_line};
use super::outline::{Outline, line_col};
pub use super::project_write::{save_project, to_ron_string, write_project};
use super::read_limited::{MAX_PROJECT_BYTES, read_at_most_watched};
pub use super::version::Loaded;
use super::version::{check_version, is_readable_version, unknown_version_message};
use super::work::{CancelToken, Work};
use crate::model::{EntityKind, Event, Problem, Project, upgrade, validate};

/// The file name extension of project files (`*.detente.ron`).
pub const EXTENSION: &str = "ron";

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads and validates a project file. On error the caller's open project is untouched,
/// since nothing is returned but the error.
pub fn load_project(path: &Path) -> Result<Project, LoadError> {
    let bytes = read_project_bytes(path)?;
    load_project_bytes(&bytes, &path.display().to_string())
}

/// The bytes of a project file, at most [`MAX_PROJECT_BYTES`] of them (a device or pipe
/// that never ends is refused, not read until memory runs out).
pub fn read_project_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_project_bytes_watched(path, &Work::default())
}

/// [`read_project_bytes`], counting into `work`'s progress and stopping once it is
/// cancelled.
pub fn read_project_bytes_watched(path: &Path, work: &Work) -> Result<Vec<u8>, LoadError> {
    read_at_most_watched(
        path,
        MAX_PROJECT_BYTES,
        "a Detente project is one text file, of about 330 bytes per event",
        work,
    )
    .map_err(|err| LoadError::io(path, &err))
}

pub fn load_project_bytes(bytes: &[u8], file: &str) -> Result<Project, LoadError> {
    load_project_bytes_watched(bytes, file, &CancelToken::default())
}

/// [`load_project_bytes`] for background work: once `cancel` is set the event lines stop
/// being parsed (checked every [`CANCEL_CHECK_LINES`]) and an error says so.
pub fn load_project_bytes_watched(
    bytes: &[u8],
    file: &str,
    cancel: &CancelToken,
) -> Result<Project, LoadError> {
    load_project_bytes_upgraded(bytes, file, cancel).map(|loaded| loaded.project)
}

fn utf8_text<'b>(bytes: &'b [u8], file: &str) -> Result<&'b str, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = line_col(valid, valid.len());
            Err(LoadError::at(
                file,
                line,
                col,
                "the file is not UTF-8 text; a Detente project is a RON text file",
            ))
        }
    }
}

pub fn load_project_str(text: &str, file: &str) -> Result<Project, LoadError> {
    load_project_text(text, file, &CancelToken::default()).map(|loaded| loaded.project)
}

/// [`load_project_bytes_watched`], saying whether the file was upgraded from an older format.
pub fn load_project_bytes_upgraded(
    bytes: &[u8],
    file: &str,
    cancel: &CancelToken,
) -> Result<Loaded, LoadError> {
    let text = utf8_text(bytes, file)?;
    load_project_text(text, file, cancel)
}

/// The reader's [`CancelToken`] is checked every 4,096 event lines: about 1.3 MB, a few
/// milliseconds of parsing, so Cancel ends a 1M-event load at once and the check costs
/// nothing.
const CANCEL_CHECK_LINES: usize = 4096;

fn cancelled_error(file: &str) -> LoadError {
    LoadError::at(file, 1, 1, "opening was cancelled")
}

fn load_project_text(text: &str, file: &str, cancel: &CancelToken) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::at(
            file,
            1,
            1,
            "the file is empty; expected a Detente project in RON",
        ));
    }
    check_version(text, file)?;
    let mut project = match parse_fast(text, cancel) {
        Some(Ok(project)) => project,
        Some(Err(Stop::Cancelled)) => return Err(cancelled_error(file)),
        // The fast path is an optimisation for the canonical layout; on anything unusual,
        // including any error, the whole-document parse decides (and gives the position).
        _ => ron_options()
            .from_str::<Project>(text)
            .map_err(|err| spanned_error(file, &err))?,
    };
    shrink_lists(&mut project);
    if !is_readable_version(u64::from(project.format_version)) {
        // Only reached when the text scan missed the field (e.g. it was written unusually).
        let at = Outline::new(text).top_field("format_version");
        let (line, col) = at.map_or((1, 1), |at| line_col(text, at));
        return Err(LoadError::at(
            file,
            line,
            col,
            unknown_version_message(u64::from(project.format_version)),
        ));
    }
    let upgraded_from = upgrade(&mut project);
    let problems = validate(&project);
    if problems.is_empty() {
        Ok(Loaded {
            project,
            upgraded_from,
        })
    } else {
        Err(problems_error(text, file, &problems))
    }
}

/// Gives back the spare capacity of the lists serde grew while reading (a list read from
/// RON starts at four items and doubles), which is a tenth of the memory of a big project.
fn shrink_lists(project: &mut Project) {
    let p = project;
    p.periods.shrink_to_fit();
    p.tags.shrink_to_fit();
    p.sources.shrink_to_fit();
    p.claims.shrink_to_fit();
    for c in &mut p.claims {
        c.attribution.shrink_to_fit();
    }
    p.actors.shrink_to_fit();
    for a in &mut p.actors {
        a.aliases.shrink_to_fit();
    }
    p.memberships.shrink_to_fit();
    for m in &mut p.memberships {
        m.claims.shrink_to_fit();
    }
    p.locations.shrink_to_fit();
    for l in &mut p.locations {
        l.aliases.shrink_to_fit();
    }
    p.issues.shrink_to_fit();
    p.positions.shrink_to_fit();
    for x in &mut p.positions {
        x.claims.shrink_to_fit();
    }
    // The fast path reads events into lists of the right size; only ron's need shrinking.
    if p.events.capacity() > p.events.len() {
        p.events.shrink_to_fit();
        for e in &mut p.events {
            e.places.shrink_to_fit();
            e.tags.shrink_to_fit();
            e.claims.shrink_to_fit();
        }
    }
}

fn spanned_error(file: &str, err: &ron::error::SpannedError) -> LoadError {
    LoadError::at(
        file,
        err.span.start.line,
        err.span.start.col,
        explain_ron_error(&err.code),
    )
}

/// ron's messages, with the hint an analyst needs where the bare message is cryptic.
fn explain_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { found, .. } => {
            format!("{code} (check the spelling of `{found}`; docs/FORMAT.md lists every field)")
        }
        ron::Error::MissingStructField { field, .. } => {
            format!("{code} (the field `{field}` is required here)")
        }
        _ => code.to_string(),
    }
}

fn problems_error(text: &str, file: &str, problems: &[Problem]) -> LoadError {
    let outline = Outline::new(text);
    let mut seen_ids: std::collections::HashMap<(EntityKind, &str), usize> =
        std::collections::HashMap::new();
    let list: Vec<FileProblem> = problems
        .iter()
        .map(|p| {
            let at = &p.at;
            // A duplicate id is reported at its second (third, …) definition.
            let nth = if at.field == "id" && p.message.starts_with("duplicate") {
                let n = seen_ids
                    .entry((at.kind, at.entity_id.as_str()))
                    .or_insert(0);
                *n += 1;
                *n
            } else {
                0
            };
            let offset = if at.entity_id.is_empty() {
                outline.top_field(at.field)
            } else if let Some(state) = at.state {
                outline.locate_in_state(
                    at.kind.list_field(),
                    &at.entity_id,
                    nth,
                    state,
                    at.field,
                    at.value.as_deref(),
                )
            } else {
                outline.locate(
                    at.kind.list_field(),
                    &at.entity_id,
                    nth,
                    at.field,
                    at.value.as_deref(),
                )
            };
            let (line, col) = offset.map_or((1, 1), |o| line_col(text, o));
            FileProblem {
                line,
                col,
                message: p.message.clone(),
            }
        })
        .collect();
    let mut list = list;
    list.sort_by_key(|p| (p.line, p.col));
    LoadError {
        file: file.to_owned(),
        kind: LoadErrorKind::Problems(list),
    }
}

/// The canonical layout's event list: the line `    events: [`, one event per line, `    ],`.
const EVENTS_OPEN: &str = "\n    events: [\n";
const EVENTS_CLOSE: &str = "\n    ],\n";
const EVENT_INDENT: &str = "        ";

/// Parses a file in the canonical layout with the event lines split across threads.
/// Returns `None` when the text is not in that layout.
///
/// Each event line is read by [`parse_event_line`], or by ron when that declines, and the
/// rest of the file by ron on a thread of its own. A line parsed alone gives what the whole
/// document would: the line is one complete value (ron refuses a comment or string left
/// open at its end), and any error sends the whole text to the ordinary parse.
/// Why the fast path stopped.
#[derive(Debug)]
enum Stop {
    /// Something unusual: the whole-document parse decides.
    Unusual,
    Cancelled,
}

fn parse_fast(text: &str, cancel: &CancelToken) -> Option<Result<Project, Stop>> {
    let open = text.find(EVENTS_OPEN)?;
    let body_start = open + EVENTS_OPEN.len();
    // Searched from the end, where it is; a `    ],` line before it fails the line check.
    let close = text.rfind(EVENTS_CLOSE)?;
    if close < body_start {
        return None;
    }
    // The closing bracket must be the list's own: nothing but `)` may follow.
    let rest = &text[close + EVENTS_CLOSE.len()..];
    if rest.trim() != ")" {
        return None;
    }
    let body = &text[body_start..close];
    let lines: Vec<&str> = body.split('\n').collect();
    if !lines.iter().all(|l| {
        l.starts_with(EVENT_INDENT) && l[EVENT_INDENT.len()..].starts_with('(') && l.ends_with("),")
    }) {
        return None;
    }

    let mut head = String::with_capacity(open + 32);
    head.push_str(&text[..open]);
    head.push_str("\n    events: [],\n)\n");

    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // Below ~10k lines a thread costs more than it saves.
    let chunk_len = lines.len().div_ceil(threads).max(10_000);
    let (head, chunks) = std::thread::scope(|scope| {
        let head = scope.spawn(|| ron_options().from_str::<Project>(&head).map_err(|_| ()));
        // The first chunk's vector is made big enough for all, so the others append to it.
        let total = lines.len();
        let handles: Vec<_> = lines
            .chunks(chunk_len)
            .enumerate()
            .map(|(i, chunk)| {
                let capacity = if i == 0 { total } else { chunk.len() };
                scope.spawn(move || parse_event_lines(chunk, capacity, cancel))
            })
            .collect();
        let chunks: Result<Vec<Vec<Event>>, Stop> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(Stop::Unusual)))
            .collect();
        (head.join().unwrap_or(Err(())), chunks)
    });
    let chunks = match chunks {
        Err(Stop::Cancelled) => return Some(Err(Stop::Cancelled)),
        other => other,
    };
    let (Ok(mut project), Ok(chunks)) = (head, chunks) else {
        return Some(Err(Stop::Unusual));
    };
    let mut chunks = chunks.into_iter();
    let mut all = chunks.next().unwrap_or_default();
    for chunk in chunks {
        all.extend(chunk);
    }
    project.events = all;
    Some(Ok(project))
}

fn parse_event_lines(
    lines: &[&str],
    capacity: usize,
    cancel: &CancelToken,
) -> Result<Vec<Event>, Stop> {
    let options = ron_options();
    let mut ids = IdCache::default();
    let mut events = Vec::with_capacity(capacity);
    for (n, line) in lines.iter().enumerate() {
        if n % CANCEL_CHECK_LINES == 0 && cancel.is_cancelled() {
            return Err(Stop::Cancelled);
        }
        // Every line starts with eight spaces and `(` and ends with `),` (checked above).
        let item = &line[EVENT_INDENT.len()..line.len() - 1];
        let event = match parse_event_line(item, &mut ids) {
            Some(event) => event,
            // A `//` comment at the end of a line would swallow the comma between events in
            // the whole document; ron alone would not notice, so the whole parse decides.
            None if item.contains("//") => return Err(Stop::Unusual),
            None => options.from_str::<Event>(item).map_err(|_| Stop::Unusual)?,
        };
        events.push(event);
    }
    Ok(events)
}

#[cfg(test)]
#[path = "project_file_reported_tests.rs"]
mod reported_tests;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{DateSpec, EventKind, EventStatus};

    /// A project of `num_events` plain events (also `project_write`'s tests').
    pub(in crate::io) fn small_project(num_events: usize) -> Project {
        let mut p = Project::new("Test");
        for i in 0..num_events {
            p.events.push(Event {
                id: format!("e{i}").into(),
                title: format!("Event {i}").into(),
                kind: EventKind::Meeting,
                status: EventStatus::Held,
                date: DateSpec::parse("2025-12-13").unwrap(),
                places: Default::default(),
                place_wording: None,
                participants: Default::default(),
                tags: Default::default(),
                description: "line one\nline two".into(),
                claims: Default::default(),
                reported: Default::default(),
            });
        }
        p
    }

    #[test]
    fn round_trip_is_identical_and_uses_the_fast_path() {
        let p = small_project(25_000);
        let text = to_ron_string(&p).unwrap();
        assert!(
            parse_fast(&text, &CancelToken::default()).is_some_and(|r| r.is_ok()),
            "canonical layout not recognised"
        );
        let loaded = load_project_str(&text, "t").unwrap();
        assert_eq!(loaded, p);
        assert_eq!(to_ron_string(&loaded).unwrap(), text);
    }

    #[test]
    fn fast_path_reads_a_generated_project_as_ron_does() {
        // Over 10k events, so that the lines are read in two chunks.
        let p = crate::generate::generate_project(12_000, 5);
        let text = to_ron_string(&p).unwrap();
        let fast = parse_fast(&text, &CancelToken::default()).unwrap().unwrap();
        let slow: Project = ron_options().from_str(&text).unwrap();
        assert_eq!(fast, slow);
        assert_eq!(fast, p);
        assert_eq!(to_ron_string(&fast).unwrap(), text);
    }

    #[test]
    fn a_url_in_an_event_keeps_the_fast_path_but_a_comment_does_not() {
        let mut p = small_project(3);
        p.events[1].description = "see https://example.org/report".into();
        // Saved as `\u{200b}`, which the fast reader leaves to ron, line by line.
        p.events[2].description = "zero\u{200b}width".into();
        let text = to_ron_string(&p).unwrap();
        assert!(text.contains("zero\\u{200b}width"));
        assert!(parse_fast(&text, &CancelToken::default()).is_some_and(|r| r.is_ok()));
        assert_eq!(load_project_str(&text, "u.ron").unwrap(), p);

        // A line comment that swallows the comma between two events: ron reads the line
        // alone happily, but the whole file is broken, and loading must say so.
        let broken = text.replacen("line two\"),\n", "line two\") // note),\n", 1);
        assert_ne!(broken, text);
        assert!(parse_fast(&broken, &CancelToken::default()).is_some_and(|r| r.is_err()));
        assert!(load_project_str(&broken, "c.ron").is_err());
    }

    #[test]
    fn layout_is_one_event_per_line_with_unix_newlines() {
        let text = to_ron_string(&small_project(3)).unwrap();
        assert!(!text.contains('\r'));
        let event_lines = text
            .lines()
            .filter(|l| l.starts_with("        (id: \"e"))
            .count();
        assert_eq!(event_lines, 3, "{text}");
    }

    #[test]
    fn newer_version_is_refused_with_position() {
        let text = to_ron_string(&small_project(1))
            .unwrap()
            .replace("format_version: 2", "format_version: 7");
        let err = load_project_str(&text, "new.ron").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("new.ron:3:5: "), "{msg}");
        assert!(
            msg.contains("version 7") && msg.contains("newer Detente"),
            "{msg}"
        );
    }

    #[test]
    fn version_zero_is_refused_with_position() {
        // Issue 11: `format_version: 0` loaded as if it were 1.
        let text = to_ron_string(&small_project(1))
            .unwrap()
            .replace("format_version: 2", "format_version: 0");
        let err = load_project_str(&text, "zero.ron").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("zero.ron:3:5: "), "{msg}");
        assert!(
            msg.contains("format_version 0") && msg.contains("reads versions 1 to 2"),
            "{msg}"
        );
        // After a title that says "events", the text scan (which stops at the first
        // `events`) misses the field; the check after parsing still refuses it.
        let odd = text.replacen(
            "    format_version: 0,\n    title: \"Test\",",
            "    title: \"Test events\",\n    format_version: 0,",
            1,
        );
        assert_ne!(odd, text);
        let err = load_project_str(&odd, "odd.ron").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("odd.ron:4:5: format_version 0"), "{msg}");
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let text = to_ron_string(&small_project(2))
            .unwrap()
            .replace("kind: meeting", "kind: meting");
        let err = load_project_str(&text, "bad.ron").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!((p.line, p.col), (13, 44), "{err}");
        assert!(p.message.contains("meting"), "{err}");
    }

    #[test]
    fn invalid_date_has_line_and_column() {
        let text =
            to_ron_string(&small_project(2))
                .unwrap()
                .replacen("2025-12-13", "2025-13-45", 1);
        let err = load_project_str(&text, "bad.ron").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.line, 13, "{err}");
        assert!(p.message.contains("2025-13-45"), "{err}");
    }

    #[test]
    fn dangling_reference_has_line_and_column() {
        let mut p = small_project(2);
        p.events[1].add_participant(crate::model::Participation {
            actor: crate::model::Id::new("a-nobody"),
            role: Default::default(),
            certainty: Default::default(),
        });
        let text = to_ron_string(&p).unwrap();
        let err = load_project_str(&text, "d.ron").unwrap_err();
        let problem = &err.problems()[0];
        assert_eq!(problem.line, 14, "{err}");
        let line = text.lines().nth(13).unwrap();
        let col_byte = line.char_indices().nth(problem.col - 1).unwrap().0;
        assert!(line[col_byte..].starts_with("\"a-nobody\""), "{err}");
        assert!(problem.message.contains("refers to no actor"), "{err}");
    }

    #[test]
    fn duplicate_id_points_at_the_second_definition() {
        let mut p = small_project(3);
        p.events[2].id = "e0".into();
        let text = to_ron_string(&p).unwrap();
        let err = load_project_str(&text, "d.ron").unwrap_err();
        assert_eq!(err.problems()[0].line, 15, "{err}");
        assert!(
            err.problems()[0].message.contains("duplicate id \"e0\""),
            "{err}"
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused_clearly() {
        let err = load_project_bytes(b"", "e.ron").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
        let err = load_project_bytes(b"(\n\xff\xfe", "b.ron").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("b.ron:2:1: the file is not UTF-8"),
            "{err}"
        );
    }
}
