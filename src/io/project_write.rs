//! Saving a project: its file text, encoded by ron on every core and streamed in order.
//!
//! The text is RON's pretty form limited to depth 2 (see `project_file`): each item of a
//! top-level list is on its own line, where ron writes it as it writes any value deeper than
//! the depth limit. The two long lists, claims and events (a million of each after a big
//! import), are cut into chunks of [`CHUNK_ITEMS`] that threads encode item by item, each
//! with ron and the same configuration at depth 0 (the same text: below the limit ron writes
//! nothing that depends on the depth), into buffers that the calling thread writes in order.
//! The rest of the project is encoded once with those two lists empty, and the chunks' lines
//! go where their `[]` was. The result is byte for byte what ron writes for the whole project
//! in one piece (the tests below compare them). Saving a 1M-event import was 58% of its
//! time on one core (docs/PERFORMANCE.md, Parquet slices).

use std::fmt::{self, Write as _};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;

use super::error::SaveError;
use crate::model::{
    Actor, Claim, DateSpec, Event, IdNames, Issue, Location, Membership, Period, Position, Project,
    Source, Tag, ViewState, with_id_names,
};

/// Items per chunk: ~2,048 events are ~700 KB of text, a few milliseconds of encoding, so
/// that two threads share the work evenly and the chunks in flight (three per thread) hold
/// a few MB, not the 330 MB of a 1M-event project.
const CHUNK_ITEMS: usize = 2048;

/// Chunks a thread may have encoded ahead of the writer, beyond the one it is encoding.
const CHUNKS_AHEAD: usize = 2;

/// The indentation of an item of a top-level list (two levels of four spaces).
const ITEM_INDENT: &str = "        ";

/// The file's layout. The strings are `'static` so that the copy each item's encoder takes
/// allocates nothing.
pub(super) fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(2)
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .escape_strings(true)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The project as file text: stable field order, `\n` line endings, one entity per line.
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
    let mut bytes = Vec::new();
    match encode_project(project, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).map_err(|e| ron::Error::Message(e.to_string())),
        Err(Failed::Encoding(err)) => Err(err),
        Err(Failed::Writing(err)) => Err(ron::Error::Io(err.to_string())),
    }
}

/// Writes the project's file text (exactly what [`to_ron_string`] returns) into `out` as it
/// is encoded, so that a 1M-event save holds no 330 MB string and a writer that fails (one
/// cancelled, see `app::cancel`) stops the encoding at its next write. An encoding error
/// comes back as an `InvalidData` error; a failed write as the writer's own error.
pub fn write_project(project: &Project, out: &mut dyn io::Write) -> io::Result<()> {
    encode_project(project, out).map_err(|failed| match failed {
        Failed::Writing(err) => err,
        Failed::Encoding(err) => io::Error::new(io::ErrorKind::InvalidData, err.to_string()),
    })
}

/// Saves atomically (see [`super::write_atomically`]), encoded straight into the temporary
/// file, as the app saves: a 1M-event project is never held as a 330 MB string.
pub fn save_project(project: &Project, path: &Path) -> Result<(), SaveError> {
    super::write_atomically_with(path, |out| write_project(project, out))
}

/// Why encoding stopped: ron refused a value (never seen: every model type encodes), or the
/// writer failed.
#[derive(Debug)]
enum Failed {
    Encoding(ron::Error),
    Writing(io::Error),
}

impl From<io::Error> for Failed {
    fn from(err: io::Error) -> Self {
        Self::Writing(err)
    }
}

impl From<ron::Error> for Failed {
    fn from(err: ron::Error) -> Self {
        Self::Encoding(err)
    }
}

fn encode_project(project: &Project, out: &mut dyn io::Write) -> Result<(), Failed> {
    let items = project.claims.len() + project.events.len();
    // Below one chunk a thread costs more than it saves.
    if items < CHUNK_ITEMS {
        return encode_whole(project, out);
    }
    let names = Arc::new(IdNames::snapshot());
    let head = with_id_names(&names, || encode_head(project))?;
    // Found unless ron changed how it writes an empty list; then one piece, as before.
    let Some((claims_at, events_at)) = empty_list_at(&head, "claims")
        .zip(empty_list_at(&head, "events"))
        .filter(|(claims, events)| claims < events)
    else {
        return with_id_names(&names, || encode_whole(project, out));
    };
    let jobs: Vec<Job<'_>> = project
        .claims
        .chunks(CHUNK_ITEMS)
        .map(Job::Claims)
        .chain(project.events.chunks(CHUNK_ITEMS).map(Job::Events))
        .collect();
    let first_event_job = project.claims.len().div_ceil(CHUNK_ITEMS);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let lanes = threads.min(jobs.len());

    std::thread::scope(|scope| {
        let mut handles = Vec::new();
        let receivers: Vec<Option<Receiver<Result<String, ron::Error>>>> = (0..lanes)
            .map(|lane| {
                let (send, receive) = sync_channel(CHUNKS_AHEAD);
                let mine = jobs.iter().skip(lane).step_by(lanes);
                let names = Arc::clone(&names);
                let spawned = std::thread::Builder::new()
                    .name("detente-save".to_owned())
                    .spawn_scoped(scope, move || {
                        with_id_names(&names, || {
                            let mut raw = String::new();
                            for job in mine {
                                // The writer stopped (it failed): so does this thread.
                                if send.send(job.encode(&mut raw)).is_err() {
                                    break;
                                }
                            }
                        });
                    });
                // A thread that could not start leaves its chunks to the calling thread.
                spawned.ok().map(|handle| {
                    handles.push(handle);
                    receive
                })
            })
            .collect();
        let written = with_id_names(&names, || {
            let mut raw = String::new();
            let mut chunk = |at: usize| -> Result<String, ron::Error> {
                match &receivers[at % lanes] {
                    Some(receive) => receive.recv().unwrap_or_else(|_| {
                        Err(ron::Error::Message("an encoding thread stopped".to_owned()))
                    }),
                    None => jobs[at].encode(&mut raw),
                }
            };
            let lists = [
                (claims_at, 0..first_event_job),
                (events_at, first_event_job..jobs.len()),
            ];
            write_spliced(out, &head, lists, &mut chunk)
        });
        // The threads stop at their next chunk once the receivers are gone; joined here so
        // that a panic in one (never seen) is not raised again by the scope.
        drop(receivers);
        for handle in handles {
            let _ = handle.join();
        }
        written
    })
}

/// Writes `head` with, for each of its two empty lists (the offset of its `[` and the
/// numbers of its chunks), the chunks' lines in place of `[]`: `…claims: [` `\n` the lines
/// `    ]` `,\n    actors: …`, ron's layout of a list at depth 2. An empty list stays `[]`.
fn write_spliced(
    out: &mut dyn io::Write,
    head: &str,
    lists: [(usize, std::ops::Range<usize>); 2],
    chunk: &mut dyn FnMut(usize) -> Result<String, ron::Error>,
) -> Result<(), Failed> {
    let mut from = 0;
    for (open_at, chunks) in lists {
        out.write_all(&head.as_bytes()[from..=open_at])?;
        if chunks.is_empty() {
            out.write_all(b"]")?;
        } else {
            out.write_all(b"\n")?;
            for at in chunks {
                out.write_all(chunk(at)?.as_bytes())?;
            }
            out.write_all(b"    ]")?;
        }
        from = open_at + "[]".len();
    }
    out.write_all(&head.as_bytes()[from..])?;
    Ok(())
}

/// The offset of the `[` of the line `    FIELD: [],` in `head`, if it is there once. A
/// string value cannot hold it: saving escapes every line break inside strings.
fn empty_list_at(head: &str, field: &str) -> Option<usize> {
    let line = format!("\n    {field}: [],\n");
    let at = head.find(&line)?;
    if head[at + 1..].contains(&line) {
        return None;
    }
    Some(at + line.len() - "[],\n".len())
}

/// A chunk of one of the long lists.
enum Job<'p> {
    Claims(&'p [Claim]),
    Events(&'p [Event]),
}

impl Job<'_> {
    /// The chunk's lines, `ITEM_INDENT`, the item and `,\n` each, with ron's `\'` undone.
    /// `raw` is the thread's buffer for ron's escaped text of an item, kept from chunk to
    /// chunk.
    fn encode(&self, raw: &mut String) -> Result<String, ron::Error> {
        match self {
            Self::Claims(items) => encode_items(items, raw),
            Self::Events(items) => encode_items(items, raw),
        }
    }
}

fn encode_items<T: Serialize>(items: &[T], raw: &mut String) -> Result<String, ron::Error> {
    // Depth 0: the item is written on one line, as ron writes it at depth 3 in the project.
    let escaping = pretty_config().depth_limit(0);
    let verbatim = escaping.clone().escape_strings(false);
    // The extension as a default one: the same encoding, without the `#![enable(…)]` line
    // that ron writes at the top of a document.
    let options = super::project_file::ron_options();
    // An event of a big import is ~400 bytes, a claim ~180: room for the longer, so that
    // the chunk is not copied as it grows.
    let mut text = String::with_capacity(items.len() * 512);
    let mut last_printable = ' ';
    for item in items {
        text.push_str(ITEM_INDENT);
        // First with strings written as they are (one copy each), kept when no string held
        // a char that escaping changes; else again with escapes. ron escapes char by char
        // (`char::escape_debug`, one write per char): 17% of the CPU of saving a 1M-event
        // import (docs/PERFORMANCE.md), and most items have nothing to escape. Kept, such
        // an item has no backslash, so no `\'` to undo either.
        let start = text.len();
        let mut encoder =
            ron::Serializer::with_options(&mut text, Some(verbatim.clone()), &options)?;
        item.serialize(&mut encoder)?;
        if !escapes_nothing_remembering(&text[start..], &mut last_printable) {
            text.truncate(start);
            raw.clear();
            let mut encoder =
                ron::Serializer::with_options(&mut *raw, Some(escaping.clone()), &options)?;
            item.serialize(&mut encoder)?;
            let mut unescaped = Unescaped::new(&mut text);
            fmt::Write::write_str(&mut unescaped, raw)
                .and_then(|()| unescaped.finish())
                .map_err(|_| ron::Error::Message("could not encode".to_owned()))?;
        }
        text.push_str(",\n");
    }
    Ok(text)
}

/// Whether `text`, an item as ron writes it with `escape_strings(false)`, is also what it
/// writes with escapes, once [`Unescaped`] has undone the `\'`. Without escapes ron writes a
/// string as it is, or as a raw string `r#"…"#` when it holds `"` or `\`; with them, each
/// char through `char::escape_debug`, which changes `\`, `"`, `'`, control chars and those
/// it does not print as they are. So the two agree when there is no raw string, no
/// backslash (outside strings ron writes one only in a char, which this refuses too), and
/// every char prints as itself; `'` comes out as `'` either way.
#[cfg(test)]
fn escapes_nothing(text: &str) -> bool {
    escapes_nothing_remembering(text, &mut ' ')
}

/// [`escapes_nothing`], given the last char beyond ASCII found to print as itself, and
/// keeping it for the next item: every GDELT title has a `→`, and asking the Unicode tables
/// about it again for each was 1.5% of the CPU of saving a one-month slice.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "`|` does not branch, so that the loop over bytes is vectorized"
)]
fn escapes_nothing_remembering(text: &str, last_printable: &mut char) -> bool {
    // Byte by byte without stopping early, which the compiler turns into wide compares:
    // a chars() loop was 4% of the CPU of saving a 1M-event import.
    let (odd_ascii, non_ascii) = text.bytes().fold((false, false), |(odd, non), b| {
        (
            odd | (b < b' ') | (b == 0x7f) | (b == b'\\'),
            non | (b > 0x7f),
        )
    });
    // `r#` starts every raw string (and some plain ones, which are only encoded twice); a
    // search for the rare `#`, not for `r#"`, whose searcher costs more to build than this.
    let bytes = text.as_bytes();
    let raw_string = || {
        text.match_indices('#')
            .any(|(at, _)| at > 0 && bytes[at - 1] == b'r')
    };
    !odd_ascii && !raw_string() && (!non_ascii || non_ascii_print_as_they_are(text, last_printable))
}

/// Whether every char of `text` beyond ASCII is one `char::escape_debug` leaves alone (the
/// `→` of GDELT titles is; a combining accent or a zero-width space is not).
fn non_ascii_print_as_they_are(text: &str, last_printable: &mut char) -> bool {
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| b > 0x7f) {
        let Some(c) = rest[at..].chars().next() else {
            return true;
        };
        if c != *last_printable {
            if c.escape_debug().len() != 1 {
                return false;
            }
            *last_printable = c;
        }
        rest = &rest[at + c.len_utf8()..];
    }
    true
}

/// The project's text with no claims and no events (their `[]` filled in later), unescaped.
fn encode_head(project: &Project) -> Result<String, ron::Error> {
    let mut head = String::new();
    let mut unescaped = Unescaped::new(&mut head);
    ron::Options::default().to_writer_pretty(
        &mut unescaped,
        &ProjectHead::of(project),
        pretty_config(),
    )?;
    unescaped
        .finish()
        .map_err(|_| ron::Error::Message("could not encode".to_owned()))?;
    head.push('\n');
    Ok(head)
}

/// The project in one piece on this thread (a small one, or the fallback), through a buffer
/// of [`BLOCK_BYTES`] so that ron's many small writes (a char each in strings) are copies
/// into memory, not calls through the writer.
fn encode_whole(project: &Project, out: &mut dyn io::Write) -> Result<(), Failed> {
    let mut sink = IoSink { out, error: None };
    let mut blocks = Blocks {
        block: String::with_capacity(BLOCK_BYTES),
        next: Unescaped::new(&mut sink),
    };
    let encoded = ron::Options::default()
        .to_writer_pretty(&mut blocks, project, pretty_config())
        .map_err(|_| fmt::Error)
        .and_then(|()| blocks.finish())
        .and_then(|()| fmt::Write::write_char(&mut sink, '\n'));
    match (encoded, sink.error) {
        (_, Some(err)) => Err(Failed::Writing(err)),
        (Ok(()), None) => Ok(()),
        (Err(_), None) => {
            // Encode again into nothing to get ron's message: the project cannot be written
            // (never seen: every model type encodes), so the cost does not matter.
            let message = ron::Options::default()
                .to_writer_pretty(&mut Discard, project, pretty_config())
                .err()
                .unwrap_or_else(|| ron::Error::Message("the encoder failed".to_owned()));
            Err(Failed::Encoding(message))
        }
    }
}

/// The block size of [`encode_whole`]: a quarter of the 256 KiB of the file's `BufWriter`.
const BLOCK_BYTES: usize = 64 * 1024;

/// Gathers small writes into blocks of [`BLOCK_BYTES`] before they go on to `next`.
struct Blocks<W: fmt::Write> {
    block: String,
    next: Unescaped<W>,
}

impl<W: fmt::Write> Blocks<W> {
    fn finish(&mut self) -> fmt::Result {
        self.next.write_str(&self.block)?;
        self.block.clear();
        self.next.finish()
    }
}

impl<W: fmt::Write> fmt::Write for Blocks<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.block.push_str(s);
        if self.block.len() >= BLOCK_BYTES {
            self.next.write_str(&self.block)?;
            self.block.clear();
        }
        Ok(())
    }
}

/// [`Project`] as it is saved, borrowed, with its claims and events left empty. The fields,
/// their order and their `skip_serializing_if` are [`Project`]'s (taking it apart field by
/// field in [`Self::of`] stops the build when a field is added; the tests compare the texts).
#[derive(Serialize)]
struct ProjectHead<'p> {
    format_version: u32,
    title: &'p str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'p str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_date: Option<&'p DateSpec>,
    #[serde(skip_serializing_if = "<[Period]>::is_empty")]
    periods: &'p [Period],
    #[serde(skip_serializing_if = "<[Tag]>::is_empty")]
    tags: &'p [Tag],
    sources: &'p [Source],
    claims: &'p [Claim],
    actors: &'p [Actor],
    memberships: &'p [Membership],
    locations: &'p [Location],
    issues: &'p [Issue],
    positions: &'p [Position],
    #[serde(skip_serializing_if = "ViewState::is_default")]
    view: &'p ViewState,
    events: &'p [Event],
}

impl<'p> ProjectHead<'p> {
    fn of(project: &'p Project) -> Self {
        let Project {
            format_version,
            title,
            description,
            reference_date,
            periods,
            tags,
            sources,
            claims: _,
            actors,
            memberships,
            locations,
            issues,
            positions,
            view,
            events: _,
        } = project;
        Self {
            format_version: *format_version,
            title,
            description,
            reference_date: reference_date.as_ref(),
            periods,
            tags,
            sources,
            claims: &[],
            actors,
            memberships,
            locations,
            issues,
            positions,
            view,
            events: &[],
        }
    }
}

/// Undoes ron's needless `\'`. ron escapes with `char::escape_debug`, which writes `'` as
/// `\'`; inside double quotes that escape is legal but needless, and analysts' text is full
/// of apostrophes. Every `'` the serializer writes is escaped, so dropping each backslash
/// that comes right before a `'` is exact (it is what replacing `\'` by `'` in the whole
/// text did). A backslash at the end of one piece waits for the next piece's first char.
pub(super) struct Unescaped<W: fmt::Write> {
    inner: W,
    held_backslash: bool,
}

impl<W: fmt::Write> Unescaped<W> {
    pub(super) fn new(inner: W) -> Self {
        Self {
            inner,
            held_backslash: false,
        }
    }

    /// Writes a backslash still held back (the text ended with one).
    pub(super) fn finish(&mut self) -> fmt::Result {
        if std::mem::take(&mut self.held_backslash) {
            self.inner.write_char('\\')?;
        }
        Ok(())
    }
}

impl<W: fmt::Write> fmt::Write for Unescaped<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.is_empty() {
            return Ok(());
        }
        let mut rest = s;
        if std::mem::take(&mut self.held_backslash) && !rest.starts_with('\'') {
            self.inner.write_char('\\')?;
        }
        // A search for the one byte `\` (memchr), then a look at the next: `find("\\'")`
        // built a two-way searcher for every piece ron writes, 16% of the CPU of saving a
        // 1M-event project (docs/PERFORMANCE.md, Parquet slices).
        let mut from = 0;
        while let Some(off) = rest[from..].find('\\') {
            let at = from + off;
            if rest[at + 1..].starts_with('\'') {
                self.inner.write_str(&rest[..at])?;
                // The `'` stays, to be written with what follows it.
                rest = &rest[at + 1..];
                from = 0;
            } else {
                from = at + 1;
            }
        }
        if let Some(head) = rest.strip_suffix('\\') {
            self.held_backslash = true;
            rest = head;
        }
        self.inner.write_str(rest)
    }
}

/// The bridge from ron's `fmt::Write` to an `io::Write`, keeping the writer's error (which
/// `fmt::Error` cannot carry) to give back.
struct IoSink<'w> {
    out: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

impl fmt::Write for IoSink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|err| {
            self.error = Some(err);
            fmt::Error
        })
    }
}

struct Discard;

impl fmt::Write for Discard {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::io::project_file::tests::small_project;

    /// The text as it was made before it was streamed: one string, then `\'` replaced.
    fn whole_string(project: &Project) -> String {
        let text = ron::ser::to_string_pretty(project, pretty_config()).unwrap();
        format!("{}\n", text.replace("\\'", "'"))
    }

    #[test]
    fn the_remembered_printable_char_lets_no_other_through() {
        let mut last = ' ';
        assert!(escapes_nothing_remembering("(title: \"A → B\")", &mut last));
        assert_eq!(last, '→');
        assert!(escapes_nothing_remembering("(title: \"C → D\")", &mut last));
        // A zero-width space after the remembered arrow is still caught, and forgotten.
        assert!(!escapes_nothing_remembering(
            "(title: \"A →\u{200b} B\")",
            &mut last
        ));
        assert!(!escapes_nothing_remembering(
            "(title: \"\u{301}\")",
            &mut last
        ));
        assert!(escapes_nothing_remembering("(title: \"é\")", &mut last));
        assert_eq!(last, 'é');
    }

    #[test]
    fn the_streamed_text_is_the_whole_string_byte_for_byte() {
        let mut p = small_project(50);
        // Apostrophes, backslashes before them and at the ends of fields, quotes.
        p.events[3].title = "Minister's visit".into();
        p.events[4].title = "path C:\\dir\\".into();
        p.events[5].description = "a \\' b \\\\' c ''".into();
        p.events[6].title = "\"quoted\" \\".into();
        p.description = "it's \\".into();
        let expected = whole_string(&p);
        assert!(expected.contains("Minister's"));
        assert_eq!(to_ron_string(&p).unwrap(), expected);
        let mut out = Vec::new();
        write_project(&p, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn unescaping_holds_a_backslash_across_pieces() {
        let text = "a\\'b\\\\'c\\\\d'\\";
        let expected = text.replace("\\'", "'");
        for cut in 0..=text.len() {
            for second in cut..=text.len() {
                let mut out = String::new();
                let mut un = Unescaped::new(&mut out);
                fmt::Write::write_str(&mut un, &text[..cut]).unwrap();
                fmt::Write::write_str(&mut un, &text[cut..second]).unwrap();
                fmt::Write::write_str(&mut un, &text[second..]).unwrap();
                un.finish().unwrap();
                assert_eq!(out, expected, "cut at {cut} and {second}");
            }
        }
    }

    #[test]
    fn a_failing_writer_stops_the_encoding_with_its_own_error() {
        /// Takes 64 KiB, then fails, counting what it was offered.
        struct Full {
            taken: usize,
            offered_after: usize,
        }
        impl io::Write for Full {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.taken >= 64 * 1024 {
                    self.offered_after += 1;
                    return Err(io::Error::other("disk full"));
                }
                self.taken += buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let p = small_project(5_000);
        let mut out = Full {
            taken: 0,
            offered_after: 0,
        };
        let err = write_project(&p, &mut out).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(out.offered_after, 1, "the encoder went on after the error");
    }

    fn streamed(project: &Project) -> String {
        let mut out = Vec::new();
        write_project(project, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn chunks_encoded_on_threads_give_the_whole_text() {
        // Thousands of claims and events: several chunks of each, on every thread; the
        // generator fills every kind of entity and most optional fields.
        let mut p = crate::generate::generate_project(3 * CHUNK_ITEMS + 17, 5);
        // The generator cites a claim in one event of ten: more, under new ids.
        let claims = p.claims.clone();
        for (n, claim) in claims.iter().cycle().take(2 * CHUNK_ITEMS).enumerate() {
            let mut more = claim.clone();
            more.id = crate::model::Id::new(&format!("c-more-{n}"));
            p.claims.push(more);
        }
        p.description = "it's \\ a \"test\"".into();
        p.events[CHUNK_ITEMS].title = "Minister's \\'visit\\".into();
        // Items whose strings escaping changes, and some it does not, in every chunk.
        for (n, title) in TRICKY.iter().cycle().take(TRICKY.len() * 4).enumerate() {
            let (events, claims) = (p.events.len(), p.claims.len());
            p.events[n * 331 % events].title = (*title).into();
            p.claims[n * 263 % claims].excerpt = (*title).into();
        }
        let expected = whole_string(&p);
        assert_eq!(streamed(&p), expected);
        assert_eq!(to_ron_string(&p).unwrap(), expected);

        // Either long list empty, or both cut exactly at a chunk's end.
        let mut no_claims = p.clone();
        no_claims.claims.clear();
        for e in &mut no_claims.events {
            e.claims.clear();
        }
        assert_eq!(streamed(&no_claims), whole_string(&no_claims));
        let mut no_events = p.clone();
        no_events.events.clear();
        assert_eq!(streamed(&no_events), whole_string(&no_events));
        let mut exact = p;
        exact.events.truncate(2 * CHUNK_ITEMS);
        exact.claims.truncate(CHUNK_ITEMS);
        assert_eq!(streamed(&exact), whole_string(&exact));
    }

    /// Strings that escaping changes (quotes, backslashes, control chars, chars not printed
    /// as they are) and some it leaves alone (accents, apostrophes, a lone `#`).
    const TRICKY: [&str; 16] = [
        "two\nlines",
        "tab\there",
        "say \"no\"",
        "a \\ b",
        "r#\"raw\"#",
        "ends r#",
        "bell \u{7}",
        "delete \u{7f}",
        "zero\u{200b}width",
        "e\u{301} combining",
        "\u{301} combining first",
        "Zürich, Genève",
        "Erdoğan’s “visit”",
        "emoji 🕊",
        "it's",
        "# hash",
    ];

    /// One string as each configuration writes it: without escapes, and with them and `\'`
    /// undone.
    fn both_ways(value: &str) -> (String, String) {
        let options = crate::io::project_file::ron_options();
        let write = |config: PrettyConfig| {
            let mut out = String::new();
            let mut encoder = ron::Serializer::with_options(&mut out, Some(config), &options)
                .expect("a serializer");
            value.serialize(&mut encoder).expect("a string encodes");
            out
        };
        let escaped = write(pretty_config().depth_limit(0));
        let mut undone = String::new();
        let mut unescaped = Unescaped::new(&mut undone);
        fmt::Write::write_str(&mut unescaped, &escaped).unwrap();
        unescaped.finish().unwrap();
        (
            write(pretty_config().depth_limit(0).escape_strings(false)),
            undone,
        )
    }

    #[test]
    fn strings_are_written_unescaped_only_where_escaping_changes_nothing() {
        for value in TRICKY {
            let (verbatim, escaped) = both_ways(value);
            if escapes_nothing(&verbatim) {
                assert_eq!(verbatim, escaped, "{value:?}");
            }
        }
        // The fast path is taken where it can be: ids, URLs, names with accents.
        for value in [
            "gdelt-1234",
            "https://example.org/a?b=c&d",
            "Zürich",
            "it's",
            "# hash",
        ] {
            let (verbatim, escaped) = both_ways(value);
            assert!(escapes_nothing(&verbatim), "{value:?}");
            assert_eq!(verbatim, escaped);
        }
        for value in ["two\nlines", "say \"no\"", "a \\ b", "\u{200b}", "e\u{301}"] {
            assert!(!escapes_nothing(&both_ways(value).0), "{value:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_kept_unescaped_is_what_escaping_writes(value in proptest::prelude::any::<String>()) {
            let (verbatim, escaped) = both_ways(&value);
            if escapes_nothing(&verbatim) {
                proptest::prop_assert_eq!(verbatim, escaped);
            }
        }
    }

    #[test]
    fn a_failing_writer_stops_the_threads_too() {
        /// Fails at once, counting what it was offered.
        struct Broken {
            offered: usize,
        }
        impl io::Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                self.offered += 1;
                Err(io::Error::other("disk gone"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let p = small_project(20 * CHUNK_ITEMS);
        let mut out = Broken { offered: 0 };
        let err = write_project(&p, &mut out).unwrap_err();
        assert_eq!(err.to_string(), "disk gone");
        assert_eq!(out.offered, 1);
    }
}
