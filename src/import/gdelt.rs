//! GDELT 1.0 and 2.0 event exports: headerless, tab-separated, 57 or 58 columns (1.0; the
//! source URL was added in April 2013) or 61 (2.0, with ADM2 codes). One event per row:
//! GDELT rows are dyadic, one per source → target act, so one real meeting may appear as
//! several rows. Actors are deduplicated by code and name; the place is the action's.
//!
//! Built for a million rows in a few seconds: rows are streamed as byte records, numbers
//! are read from bytes, dates are cached, actors and places are looked up by their raw
//! bytes in a reused key buffer, and events are built directly.

use arcstr::ArcStr;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use csv::{ByteRecord, ReaderBuilder};
use edtf::level_1::{Date, Edtf};
use thin_vec::{ThinVec, thin_vec};

use super::builder::{Builder, Cite};
use super::cameo::{cameo_kind_status, cameo_name, cameo_roles};
use super::cameo_actors::{ActorCode, coded_actor};
use super::country_codes::iso2_of_name;
use super::line_numbers::LineNumbers;
use super::{ImportFormat, ImportOptions, Imported};
use compact_str::CompactString;

use crate::model::{
    Actor, DateSpec, Event, EventPlace, Id, Location, LocationPrecision, Participation,
};

/// Where the fields are in each version's rows.
struct Layout {
    columns: &'static [usize],
    columns_text: &'static str,
    action_geo: usize,
    date_added: usize,
    source_url: usize,
}

const EVENT_ID: usize = 0;
const SQLDATE: usize = 1;
const ACTOR1: usize = 5;
const ACTOR2: usize = 15;
const EVENT_CODE: usize = 26;

// Offsets within an actor's block of ten columns.
const NAME: usize = 1;
const COUNTRY: usize = 2;
const KNOWN_GROUP: usize = 3;
const ETHNIC: usize = 4;
const RELIGION1: usize = 5;
const RELIGION2: usize = 6;

// Offsets within the action's geography block.
const GEO_TYPE: usize = 0;
const GEO_NAME: usize = 1;

impl Layout {
    fn of(format: ImportFormat) -> Self {
        if format == ImportFormat::Gdelt2 {
            Self {
                columns: &[61],
                columns_text: "61",
                action_geo: 51,
                date_added: 59,
                source_url: 60,
            }
        } else {
            Self {
                columns: &[57, 58],
                columns_text: "57 or 58",
                action_geo: 49,
                date_added: 56,
                source_url: 57,
            }
        }
    }

    /// Latitude, longitude and feature id follow the country and ADM codes, of which 2.0
    /// has one more (ADM2).
    fn geo_lat(&self) -> usize {
        self.action_geo + if self.columns[0] == 61 { 5 } else { 4 }
    }
}

pub(crate) fn import(bytes: &[u8], format: ImportFormat, options: &ImportOptions) -> Imported {
    let mut b = Builder::new(format, options);
    let mut state = State::start(&mut b, format);
    let estimate = bytes.len() / 250;
    b.project.events.reserve(estimate);
    b.project.claims.reserve(estimate);
    b.event_rows.reserve(estimate);

    let mut reader = ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(bytes);
    let mut record = ByteRecord::new();
    let mut lines = LineNumbers::new(bytes);
    loop {
        if b.is_full() {
            break;
        }
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(record.position());
                if record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                b.report.rows_read += 1;
                if let Err(reason) = state.row(&mut b, line, &record) {
                    b.skip(line, reason);
                }
            }
            Err(err) => {
                let line = lines.line_of(err.position());
                b.report.rows_read += 1;
                b.skip(line, format!("unreadable row: {err}"));
            }
        }
    }
    b.finish()
}

struct State {
    layout: Layout,
    format: ImportFormat,
    dates: FastMap<u32, DateSpec>,
    /// Actors by their raw code and name: positions in `actor_titles`, so that a row finds
    /// its actor with one lookup (two actors a row, a million rows).
    actors: FastMap<Vec<u8>, usize>,
    /// Each actor's id with the name titles use.
    actor_titles: Vec<(Id, Box<str>)>,
    /// Positions in the project's actors by what makes rows the same actor (see
    /// [`coded_actor`]).
    coded: HashMap<String, usize>,
    places: FastMap<Vec<u8>, Id>,
    /// GLOBALEVENTIDs seen, with how often: a repeated id gets a `-2`, `-3` suffix.
    seen_ids: super::seen_numbers::SeenNumbers,
    key: Vec<u8>,
    id_text: String,
}

/// GDELT 2.0 rows that come from elsewhere than a TSV file (Parquet), read one 61-column
/// record at a time exactly as [`import`] reads a line.
pub(super) struct RowReader(State);

impl RowReader {
    /// Names `b`'s dataset source as GDELT's and starts reading.
    pub(super) fn start(b: &mut Builder) -> Self {
        Self(State::start(b, ImportFormat::Gdelt2))
    }

    pub(super) fn row(
        &mut self,
        b: &mut Builder,
        row: usize,
        r: &ByteRecord,
    ) -> Result<(), String> {
        self.0.row(b, row, r)
    }
}

impl State {
    fn start(b: &mut Builder, format: ImportFormat) -> Self {
        b.project.sources[0].name = format!("{} ({})", format.description(), b.project.title);
        b.project.sources[0].note =
            "GDELT Project event data (gdeltproject.org), machine-coded from news reports".into();
        Self {
            layout: Layout::of(format),
            format,
            dates: FastMap::default(),
            actors: FastMap::default(),
            actor_titles: Vec::new(),
            coded: HashMap::new(),
            places: FastMap::default(),
            seen_ids: super::seen_numbers::SeenNumbers::default(),
            key: Vec::with_capacity(128),
            id_text: String::with_capacity(32),
        }
    }

    fn row(&mut self, b: &mut Builder, line: usize, r: &ByteRecord) -> Result<(), String> {
        if line == 1 && r[0].eq_ignore_ascii_case(b"GLOBALEVENTID") {
            b.report.rows_read -= 1;
            b.warn(Some(line), "header row ignored");
            return Ok(());
        }
        if !self.layout.columns.contains(&r.len()) {
            return Err(format!(
                "the row has {} columns; {} rows have {}",
                r.len(),
                self.format.description(),
                self.layout.columns_text
            ));
        }
        let event_id = &r[EVENT_ID];
        if event_id.is_empty() || !event_id.iter().all(u8::is_ascii_digit) {
            return Err(format!(
                "GLOBALEVENTID \"{}\" is not a number",
                String::from_utf8_lossy(event_id)
            ));
        }
        let date = self.date(&r[SQLDATE]).map_err(|e| format!("SQLDATE {e}"))?;
        let code = text(&r[EVENT_CODE]);
        let code = code.trim();
        let Some(act) = cameo_name(code) else {
            return Err(format!("\"{code}\" is not a CAMEO event code"));
        };
        let (kind, status) = cameo_kind_status(code);
        let (role1, role2) = cameo_roles(code);

        let mut title = CompactString::with_capacity(64);
        let mut participants: Vec<Participation> = Vec::new();
        for (block, role) in [(ACTOR1, role1), (ACTOR2, role2)] {
            if let Some((actor, name)) = self.actor(b, r, block) {
                if participants.iter().any(|p| p.actor == actor) {
                    continue;
                }
                title.push_str(if participants.is_empty() { "" } else { " → " });
                title.push_str(name);
                participants.push(Participation {
                    actor,
                    role,
                    certainty: Default::default(),
                });
            }
        }
        if !title.is_empty() {
            title.push_str(": ");
        }
        title.push_str(act);

        let places = match self.place(b, r) {
            Some(location) => thin_vec![EventPlace {
                location,
                candidate: false
            }],
            None => ThinVec::new(),
        };
        // Event ids are `gdelt-N`, unique by construction: no other importer adds events
        // here, and repeats of N get a suffix that no plain `gdelt-N` has.
        let number = event_id
            .iter()
            .try_fold(0u64, |n, d| {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            })
            .ok_or_else(|| format!("GLOBALEVENTID {} is too large", text(event_id)))?;
        let seen = self.seen_ids.see(number);
        self.id_text.clear();
        self.id_text.push_str("c-gdelt-");
        let _ = write!(self.id_text, "{number}");
        if seen > 1 {
            let _ = write!(self.id_text, "-{seen}");
        }
        let id = CompactString::from(&self.id_text[2..]);
        let claim_id = Id::new(&self.id_text);
        let added = &r[self.layout.date_added];
        let published = self.date(added.get(..8).unwrap_or(added)).ok();
        let url = r.get(self.layout.source_url).unwrap_or_default();
        let event = Event {
            id,
            title,
            kind,
            status,
            date,
            places,
            place_wording: None,
            participants: participants.into(),
            tags: ThinVec::new(),
            description: ArcStr::default(),
            claims: ThinVec::new(),
            reported: ThinVec::new(),
        };
        // GDELT codes articles; it quotes nothing, so the claim has no excerpt, only the
        // article's address and the day GDELT added it.
        let cite = Cite {
            excerpt: String::new(),
            url: (!url.is_empty()).then(|| arcstr::ArcStr::from(&*text(url))),
            published,
            ..Cite::default()
        };
        b.push_event_with_claim(line, event, cite, claim_id);
        Ok(())
    }

    /// A `YYYYMMDD` date, cached: a file holds few distinct days.
    fn date(&mut self, field: &[u8]) -> Result<DateSpec, String> {
        let value = (field.len() == 8 && field.iter().all(u8::is_ascii_digit))
            .then(|| field.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
            .ok_or_else(|| format!("\"{}\" is not a date of the form YYYYMMDD", text(field)))?;
        if let Some(date) = self.dates.get(&value) {
            return Ok(date.clone());
        }
        let (y, m, d) = (value / 10_000, value / 100 % 100, value % 100);
        let date = Date::from_ymd_opt(y as i32, m, d)
            .filter(|_| m > 0 && d > 0)
            .ok_or_else(|| format!("{value} is not a date in the calendar"))?;
        let spec = DateSpec::new(Edtf::Date(date));
        spec.bounds().map_err(|e| e.to_string())?;
        self.dates.insert(value, spec.clone());
        Ok(spec)
    }

    /// The actor of the ten-column block at `at`, created on first sight of its code+name.
    fn actor(&mut self, b: &mut Builder, r: &ByteRecord, at: usize) -> Option<(Id, &str)> {
        let code = &r[at];
        let name = &r[at + NAME];
        if code.is_empty() && name.is_empty() {
            return None;
        }
        self.key.clear();
        self.key.extend_from_slice(code);
        self.key.push(b'\t');
        self.key.extend_from_slice(name);
        let at_title = if let Some(&i) = self.actors.get(self.key.as_slice()) {
            i
        } else {
            self.new_actor(b, r, at);
            *self.actors.get(self.key.as_slice())?
        };
        self.actor_titles
            .get(at_title)
            .map(|(id, display)| (*id, &**display))
    }

    /// Finds or creates the actor of the block at `at`, whose raw key is in `self.key`:
    /// rows whose codes say they are the same actor share one, named in title case, with
    /// every spelling the rows used kept as an alias.
    fn new_actor(&mut self, b: &mut Builder, r: &ByteRecord, at: usize) {
        let part = |offset: usize| text(&r[at + offset]);
        let (code, name, country, group) = (part(0), part(NAME), part(COUNTRY), part(KNOWN_GROUP));
        let (ethnic, religion1, religion2) = (part(ETHNIC), part(RELIGION1), part(RELIGION2));
        let coded = coded_actor(&ActorCode {
            code: &code,
            name: &name,
            country: &country,
            known_group: &group,
            ethnic: &ethnic,
            religions: [&religion1, &religion2],
        });
        let at_index = if let Some(&i) = self.coded.get(&coded.key) {
            i
        } else {
            let id = b.unique_id("a", &coded.name);
            b.project.actors.push(Actor {
                id,
                name: coded.name,
                kind: coded.kind,
                aliases: Vec::new(),
                affiliation: None,
                country: coded.country.map(str::to_owned),
                description: format!("CAMEO actor code {code}"),
            });
            let i = b.project.actors.len() - 1;
            self.coded.insert(coded.key, i);
            i
        };
        // Every code and spelling that named the actor ("USA", "UNITED STATES", "AMERICAN").
        if let Some(actor) = b.project.actors.get_mut(at_index) {
            for alias in [code.trim(), name.trim()] {
                if !alias.is_empty()
                    && alias != actor.name
                    && !actor.aliases.iter().any(|a| a == alias)
                {
                    actor.aliases.push(alias.to_owned());
                }
            }
        }
        if let Some(actor) = b.project.actors.get(at_index) {
            let display = Box::from(actor.name.as_str());
            self.actors
                .insert(self.key.clone(), self.actor_titles.len());
            self.actor_titles.push((actor.id, display));
        }
    }

    /// The action's place, when GDELT geocoded it.
    fn place(&mut self, b: &mut Builder, r: &ByteRecord) -> Option<Id> {
        let geo = self.layout.action_geo;
        let geo_type = &r[geo + GEO_TYPE];
        let lat_at = self.layout.geo_lat();
        let name = &r[geo + GEO_NAME];
        if geo_type.is_empty() || geo_type == b"0" || name.is_empty() {
            return None;
        }
        // A country is one place whatever its feature id: older rows give "0" where newer
        // ones give the country code.
        let feature: &[u8] = if geo_type == b"1" {
            b""
        } else {
            &r[lat_at + 2]
        };
        self.key.clear();
        self.key.extend_from_slice(feature);
        self.key.push(b'\t');
        self.key.extend_from_slice(name);
        if let Some(id) = self.places.get(self.key.as_slice()) {
            return Some(*id);
        }
        let number = |f: &[u8]| text(f).parse::<f64>().ok().filter(|v| v.is_finite());
        let (lat, lon) = match (number(&r[lat_at]), number(&r[lat_at + 1])) {
            (Some(a), Some(o)) if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&o) => {
                (Some(a), Some(o))
            }
            _ => (None, None),
        };
        let precision = match geo_type {
            b"1" => LocationPrecision::Country,
            b"2" | b"5" => LocationPrecision::Region,
            b"3" | b"4" => LocationPrecision::City,
            _ => LocationPrecision::Unknown,
        };
        let name = text(name);
        let id = b.unique_id("l", &name);
        b.project.locations.push(Location {
            id,
            // GDELT's country code is FIPS 10-4, not ISO 3166; its full name ends with the
            // country's English name ("Miami, Florida, United States"), which is.
            country: name
                .rsplit(", ")
                .next()
                .and_then(iso2_of_name)
                .map(str::to_owned),
            name: name.into_owned(),
            lat,
            lon,
            precision,
            geonames_id: None,
            aliases: Vec::new(),
        });
        self.places.insert(self.key.clone(), id);
        Some(id)
    }
}

fn text(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// The importer's small maps are keyed by short byte strings and numbers, looked up several
/// times per row, where SipHash's resistance to crafted collisions costs more than it buys.
/// Fx, as the rest of Detente's maps: it takes eight bytes a step where FNV-1a (used here
/// until December 2026) took one; `perf` put hashing these keys at 2.8% of the CPU of a
/// one-month Parquet slice, though the change made no difference its noise let through.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
