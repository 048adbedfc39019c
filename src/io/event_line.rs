//! A fast reader for one event line of the canonical layout.
//!
//! ron reads ~60 MB/s on one core here, too slow for a million events in three seconds. This
//! reader accepts exactly what [`super::to_ron_string`] writes for an [`Event`] (fields in
//! their order, `, ` and `: ` between them, plain strings with the escapes that saving
//! writes) and returns `None` on anything else, so that the caller hands the line to ron.
//! ron stays the definition of the format: whatever this reader accepts, ron reads the same.

use arcstr::ArcStr;
use std::borrow::Cow;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use thin_vec::ThinVec;

use crate::model::{
    Certainty, Citation, DateSpec, Event, EventKind, EventPlace, EventStatus, Id, ParticipantRole,
    Participation, ReportedParticipant, ReportedState, TimeBounds, parse_edtf,
};

/// Ids already interned by this reader: a million events name a few thousand actors and
/// places, and a local table is cheaper than the shared interner's locks.
#[derive(Default)]
pub(super) struct IdCache<'t> {
    ids: FxHashMap<&'t str, Id>,
}

impl<'t> IdCache<'t> {
    /// The id of `text`, or `None` if `text` is not a valid id (checked once per text).
    fn get(&mut self, text: &'t str) -> Option<Id> {
        if let Some(&id) = self.ids.get(text) {
            return Some(id);
        }
        if !Id::is_valid_text(text) {
            return None;
        }
        let id = Id::new(text);
        self.ids.insert(text, id);
        Some(id)
    }
}

/// Reads `line`, one event as written by saving (`(id: "…", …)` without the trailing comma),
/// or returns `None` when the line is written any other way.
pub(super) fn parse_event_line<'t>(line: &'t str, ids: &mut IdCache<'t>) -> Option<Event> {
    let mut c = Cursor { text: line, pos: 0 };
    c.expect("(id: ")?;
    let id = CompactString::from(c.string()?);
    c.expect(", title: ")?;
    let title = CompactString::from(c.string()?);
    c.expect(", kind: ")?;
    let kind = event_kind(c.ident()?)?;
    c.expect(", status: ")?;
    let status = event_status(c.ident()?)?;
    c.expect(", date: ")?;
    let date = c.date(ids)?;
    let places = if c.eat(", places: [") {
        c.places(ids)?
    } else {
        ThinVec::new()
    };
    let place_wording = if c.eat(", place_wording: ") {
        Some(ArcStr::from(c.string()?))
    } else {
        None
    };
    let mut participants = Box::default();
    // Claims about a participant's part, in the order of the participants.
    let mut participant_claims: Vec<Citation> = Vec::new();
    if c.eat(", participants: [") {
        let mut list = Vec::new();
        c.list(|c| {
            list.push(c.participation(ids, &mut participant_claims)?);
            Some(())
        })?;
        participants = list.into_iter().collect();
    }
    let tags = if c.eat(", tags: [") {
        c.id_list(ids)?
    } else {
        ThinVec::new()
    };
    let description = if c.eat(", description: ") {
        ArcStr::from(c.string()?)
    } else {
        ArcStr::default()
    };
    let own_claims = if c.eat(", claims: [") {
        c.id_list(ids)?
    } else {
        ThinVec::new()
    };
    let mut reported = ThinVec::new();
    if c.eat(", reported: [") {
        let mut list = Vec::new();
        c.list(|c| {
            list.push(c.reported_state(ids)?);
            Some(())
        })?;
        reported = list.into_iter().collect();
    }
    c.expect(")")?;
    if c.pos != line.len() {
        return None;
    }
    let mut claims = ThinVec::with_capacity(own_claims.len() + participant_claims.len());
    claims.extend(own_claims.into_iter().map(Citation::of_event));
    claims.extend(participant_claims);
    Some(Event {
        id,
        title,
        kind,
        status,
        date,
        places,
        place_wording,
        participants,
        tags,
        description,
        claims,
        reported,
    })
}

struct Cursor<'t> {
    text: &'t str,
    /// A byte offset, always at a char boundary (the reader only stops after ASCII bytes).
    pos: usize,
}

impl<'t> Cursor<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn eat(&mut self, literal: &str) -> bool {
        // A byte loop: the literals are a few bytes long, shorter than a call to `memcmp`.
        let rest = &self.text.as_bytes()[self.pos..];
        if rest.len() >= literal.len() && literal.bytes().zip(rest).all(|(a, &b)| a == b) {
            self.pos += literal.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, literal: &str) -> Option<()> {
        self.eat(literal).then_some(())
    }

    /// A bare word such as `talks` or `head_of_delegation`.
    fn ident(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        self.pos += len;
        (len > 0).then(|| &rest[..len])
    }

    fn bool(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// A `"…"` string. Without escapes it is borrowed from the line; the escapes that saving
    /// writes (`\"`, `\\`, `\n`, `\r`, `\t`, `\'`, `\0`) are decoded; any other is left to ron.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.expect("\"")?;
        let rest = self.rest();
        let end = rest.find(['"', '\\'])?;
        if rest.as_bytes()[end] == b'"' {
            self.pos += end + 1;
            return Some(Cow::Borrowed(&rest[..end]));
        }
        let mut out = String::with_capacity(rest.len().min(end + 64));
        let mut at = end;
        out.push_str(&rest[..at]);
        loop {
            // `at` is a backslash.
            let decoded = match rest.as_bytes().get(at + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'\'' => '\'',
                b'0' => '\0',
                _ => return None,
            };
            out.push(decoded);
            at += 2;
            let next = at + rest[at..].find(['"', '\\'])?;
            out.push_str(&rest[at..next]);
            if rest.as_bytes()[next] == b'"' {
                self.pos += next + 1;
                return Some(Cow::Owned(out));
            }
            at = next;
        }
    }

    /// A string that must be a valid id (what `Id`'s deserializer checks).
    fn id(&mut self, ids: &mut IdCache<'t>) -> Option<Id> {
        match self.string()? {
            Cow::Borrowed(text) => ids.get(text),
            Cow::Owned(_) => None,
        }
    }

    /// The items of a list whose `[` has been read, through its `]`.
    fn list(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if self.eat("]") {
            return Some(());
        }
        loop {
            item(self)?;
            if self.eat("]") {
                return Some(());
            }
            self.expect(", ")?;
        }
    }

    fn id_list(&mut self, ids: &mut IdCache<'t>) -> Option<ThinVec<Id>> {
        let mut list = Vec::new();
        self.list(|c| {
            list.push(c.id(ids)?);
            Some(())
        })?;
        Some(list.into_iter().collect())
    }

    /// `(edtf: "…", wording: "…", tz: "…")`, checked as `DateSpec`'s deserializer checks it.
    fn date(&mut self, ids: &mut IdCache<'t>) -> Option<DateSpec> {
        self.expect("(edtf: ")?;
        let edtf = parse_edtf(&self.string()?).ok()?;
        TimeBounds::from_edtf(&edtf).ok()?;
        let wording = if self.eat(", wording: ") {
            Some(self.string()?)
        } else {
            None
        };
        let tz = if self.eat(", tz: ") {
            Some(self.id(ids)?)
        } else {
            None
        };
        self.expect(")")?;
        let mut date = DateSpec::new(edtf);
        date.set_wording(wording.as_deref());
        date.set_tz(tz);
        Some(date)
    }

    /// `[(location: "…", candidate: true), …]` after its `[`.
    fn places(&mut self, ids: &mut IdCache<'t>) -> Option<ThinVec<EventPlace>> {
        let mut list = Vec::new();
        self.list(|c| {
            c.expect("(location: ")?;
            let location = c.id(ids)?;
            let candidate = if c.eat(", candidate: ") {
                c.bool()?
            } else {
                false
            };
            c.expect(")")?;
            list.push(EventPlace {
                location,
                candidate,
            });
            Some(())
        })?;
        Some(list.into_iter().collect())
    }

    /// One reported state, `(claims: […], date: (…), status: …, places: […], place_wording:
    /// "…", participants: [(actor: "…", role: …, certainty: …)], absent: […], recorded:
    /// "…", note: "…")`, every field optional, in that order.
    fn reported_state(&mut self, ids: &mut IdCache<'t>) -> Option<ReportedState> {
        self.expect("(")?;
        let mut state = ReportedState::default();
        // The separator before the next field: none before the first one written.
        let mut first = true;
        let mut field = |c: &mut Self, name: &str| -> bool {
            let found = if first {
                c.eat(name)
            } else {
                let at = c.pos;
                if c.eat(", ") && c.eat(name) {
                    true
                } else {
                    c.pos = at;
                    false
                }
            };
            if found {
                first = false;
            }
            found
        };
        if field(self, "claims: [") {
            state.claims = self.id_list(ids)?;
        }
        if field(self, "date: ") {
            state.date = Some(self.date(ids)?);
        }
        if field(self, "status: ") {
            state.status = Some(event_status(self.ident()?)?);
        }
        if field(self, "places: [") {
            state.places = Some(self.places(ids)?);
        }
        if field(self, "place_wording: ") {
            state.place_wording = Some(ArcStr::from(self.string()?));
        }
        if field(self, "participants: [") {
            let mut list = ThinVec::new();
            self.list(|c| {
                c.expect("(actor: ")?;
                let actor = c.id(ids)?;
                c.expect(", role: ")?;
                let role = participant_role(c.ident()?)?;
                let certainty = if c.eat(", certainty: ") {
                    certainty(c.ident()?)?
                } else {
                    Certainty::default()
                };
                c.expect(")")?;
                list.push(ReportedParticipant {
                    actor,
                    role,
                    certainty,
                });
                Some(())
            })?;
            state.participants = Some(list);
        }
        if field(self, "absent: [") {
            state.absent = self.id_list(ids)?;
        }
        if field(self, "recorded: ") {
            state.recorded = Some(self.string()?.parse::<jiff::Timestamp>().ok()?);
        }
        if field(self, "note: ") {
            state.note = ArcStr::from(self.string()?);
        }
        self.expect(")")?;
        Some(state)
    }

    /// `(actor: "…", role: …, certainty: …, claims: […])`; all but `actor` may be left out.
    /// The claims about the participant's part are appended to `claims`.
    fn participation(
        &mut self,
        ids: &mut IdCache<'t>,
        claims: &mut Vec<Citation>,
    ) -> Option<Participation> {
        self.expect("(actor: ")?;
        let actor = self.id(ids)?;
        let role = if self.eat(", role: ") {
            participant_role(self.ident()?)?
        } else {
            ParticipantRole::default()
        };
        let certainty = if self.eat(", certainty: ") {
            certainty(self.ident()?)?
        } else {
            Certainty::default()
        };
        if self.eat(", claims: [") {
            let list = self.id_list(ids)?;
            claims.extend(list.into_iter().map(|c| Citation::of_participant(c, actor)));
        }
        self.expect(")")?;
        Some(Participation {
            actor,
            role,
            certainty,
        })
    }
}

// The bare words of each enum, as `#[serde(rename_all = "snake_case")]` writes them (a test
// checks each against ron).

fn event_kind(word: &str) -> Option<EventKind> {
    Some(match word {
        "meeting" => EventKind::Meeting,
        "talks" => EventKind::Talks,
        "call" => EventKind::Call,
        "visit" => EventKind::Visit,
        "statement" => EventKind::Statement,
        "announcement" => EventKind::Announcement,
        "agreement" => EventKind::Agreement,
        "other" => EventKind::Other,
        _ => return None,
    })
}

fn event_status(word: &str) -> Option<EventStatus> {
    Some(match word {
        "planned" => EventStatus::Planned,
        "expected" => EventStatus::Expected,
        "confirmed" => EventStatus::Confirmed,
        "held" => EventStatus::Held,
        "postponed" => EventStatus::Postponed,
        "cancelled" => EventStatus::Cancelled,
        "unknown" => EventStatus::Unknown,
        _ => return None,
    })
}

fn participant_role(word: &str) -> Option<ParticipantRole> {
    Some(match word {
        "participant" => ParticipantRole::Participant,
        "head_of_delegation" => ParticipantRole::HeadOfDelegation,
        "member" => ParticipantRole::Member,
        "host" => ParticipantRole::Host,
        "mediator" => ParticipantRole::Mediator,
        "observer" => ParticipantRole::Observer,
        _ => return None,
    })
}

fn certainty(word: &str) -> Option<Certainty> {
    Some(match word {
        "stated" => Certainty::Stated,
        "almost_certain" => Certainty::AlmostCertain,
        "very_likely" => Certainty::VeryLikely,
        "likely" => Certainty::Likely,
        "roughly_even" => Certainty::RoughlyEven,
        "unlikely" => Certainty::Unlikely,
        "very_unlikely" => Certainty::VeryUnlikely,
        "almost_no_chance" => Certainty::AlmostNoChance,
        "unknown" => Certainty::Unknown,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron_event(line: &str) -> Result<Event, ron::error::SpannedError> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(line)
    }

    /// The fast reader either declines or agrees with ron.
    fn agrees(line: &str) -> bool {
        let mut ids = IdCache::default();
        match parse_event_line(line, &mut ids) {
            Some(fast) => {
                assert_eq!(Ok(&fast), ron_event(line).as_ref(), "{line}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn enum_words_are_serde_words() {
        for k in EventKind::ALL {
            assert_eq!(event_kind(&ron::to_string(&k).unwrap()), Some(k));
        }
        for s in EventStatus::ALL {
            assert_eq!(event_status(&ron::to_string(&s).unwrap()), Some(s));
        }
        for r in ParticipantRole::ALL {
            assert_eq!(participant_role(&ron::to_string(&r).unwrap()), Some(r));
        }
        for c in Certainty::ALL {
            assert_eq!(certainty(&ron::to_string(&c).unwrap()), Some(c));
        }
    }

    #[test]
    fn every_saved_event_of_a_generated_project_is_read_fast_and_the_same() {
        let project = crate::generate::generate_project(3000, 11);
        let text = crate::io::to_ron_string(&project).unwrap();
        let mut count = 0;
        for line in text.lines().filter(|l| l.starts_with("        (id: \"ev-")) {
            let item = line.trim_start().strip_suffix(',').unwrap();
            assert!(agrees(item), "declined: {item}");
            count += 1;
        }
        assert_eq!(count, 3000);
    }

    #[test]
    fn the_sample_events_are_read_fast_and_the_same() {
        let mut count = 0;
        for line in crate::io::SAMPLE_RON
            .lines()
            .filter(|l| l.starts_with("        (id: \"ev-"))
        {
            let item = line.trim_start().strip_suffix(',').unwrap();
            assert!(agrees(item), "declined: {item}");
            count += 1;
        }
        assert!(count >= 3);
    }

    #[test]
    fn escapes_are_decoded_like_ron() {
        let line = r#"(id: "e1", title: "A \"quoted\" \\ title\twith 'apostrophes'", kind: talks, status: held, date: (edtf: "2025-12-13", wording: "line\none"), description: "x\ry\0z\'")"#;
        assert!(agrees(line));
        let line = r#"(id: "e1", title: "ok", kind: talks, status: held, date: (edtf: "2025"), description: "\u{200b}")"#;
        assert!(!agrees(line), "unicode escapes are left to ron");
    }

    #[test]
    fn anything_unusual_is_left_to_ron() {
        let base =
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"))"#;
        assert!(agrees(base));
        for odd in [
            // other spacing, order, comments, names, `Some`, raw strings, unknown words
            r#"(id:"e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"))"#,
            r#"(title: "T", id: "e1", kind: talks, status: held, date: (edtf: "2025-12-13"))"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13")) // c"#,
            r#"Event(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"))"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13", wording: Some("w")))"#,
            r#"(id: "e1", title: r"T", kind: talks, status: held, date: (edtf: "2025-12-13"))"#,
            r#"(id: "e1", title: "T", kind: Talks, status: held, date: (edtf: "2025-12-13"))"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"), colour: "red")"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"),)"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-13-45"))"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"), tags: ["not an id"])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"), places: [(location: "l", candidate: maybe)])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13"), claims: ["c1",])"#,
        ] {
            assert!(!agrees(odd), "accepted: {odd}");
        }
    }

    /// Saved lines with a few bytes changed: the reader declines or reads what ron reads.
    #[test]
    fn mutated_lines_are_declined_or_read_as_ron_reads_them() {
        use rand::{Rng as _, SeedableRng as _};
        let project = crate::generate::generate_project(200, 3);
        let text = crate::io::to_ron_string(&project).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("        (id: \"ev-"))
            .map(|l| l.trim_start().strip_suffix(',').unwrap())
            .collect();
        let alphabet = b"\"\\(),:[] _-/0123456789ntrueaefls?~.X";
        let mut rng = rand::rngs::StdRng::seed_from_u64(42);
        let (mut read, mut declined) = (0, 0);
        for _ in 0..20_000 {
            let mut bytes = lines[rng.random_range(0..lines.len())].as_bytes().to_vec();
            for _ in 0..rng.random_range(1..4) {
                let at = rng.random_range(0..bytes.len());
                let byte = alphabet[rng.random_range(0..alphabet.len())];
                match rng.random_range(0..3) {
                    0 if bytes[at].is_ascii() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if bytes[at].is_ascii() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
            }
            let Ok(line) = String::from_utf8(bytes) else {
                continue;
            };
            if agrees(&line) {
                read += 1;
            } else {
                declined += 1;
            }
        }
        assert!(
            read > 1000 && declined > 1000,
            "{read} read, {declined} declined"
        );
    }

    #[test]
    fn reported_states_are_read_fast_and_the_same() {
        for line in [
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), claims: ["c1"], reported: [(claims: ["c1", "c2"], date: (edtf: "2025-12-20/2025-12-21", wording: "this weekend"), status: expected, places: [(location: "l1", candidate: true)], place_wording: "in Miami or elsewhere", participants: [(actor: "a", role: head_of_delegation), (actor: "b", role: participant, certainty: likely)], absent: ["x"], recorded: "2025-12-20T09:30:00Z", note: "first \"report\"")])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(), (claims: ["c3"], status: held), (date: (edtf: "2025-12-19")), (places: [], participants: []), (note: "n")])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [])"#,
        ] {
            assert!(agrees(line), "declined: {line}");
        }
        for odd in [
            // out of order, a missing role, an unknown field, a bad time, a stray comma
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(status: held, claims: ["c3"])])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(participants: [(actor: "a")])])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(colour: "red")])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(recorded: "yesterday")])"#,
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-19"), reported: [(, status: held)])"#,
        ] {
            assert!(!agrees(odd), "accepted: {odd}");
        }
    }

    #[test]
    fn optional_fields_and_empty_lists() {
        for line in [
            r#"(id: "e1", title: "T", kind: talks, status: held, date: (edtf: "2025-12-13/.."), places: [], participants: [(actor: "a")], tags: [], claims: [])"#,
            r#"(id: "e1", title: "T", kind: call, status: planned, date: (edtf: "/2025-12", tz: "Europe/Berlin"), participants: [(actor: "a", certainty: likely), (actor: "b", role: host, claims: ["c1", "c2"])])"#,
            r#"(id: "e1", title: "", kind: other, status: unknown, date: (edtf: "2025-12-13"), places: [(location: "l1", candidate: true), (location: "l2", candidate: false)], place_wording: "near \"here\"")"#,
        ] {
            assert!(agrees(line), "declined: {line}");
        }
    }
}
