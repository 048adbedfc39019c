//! Reading a TimelineJS3 document piece by piece: the root object key by key, the slides one
//! at a time, each handed to a [`Feed`] as soon as it is parsed, so that no tree of the
//! whole document is ever built.
//!
//! Parsing on a thread of its own, with batches of slides sent to the building thread, was
//! tried and measured: at 1M events it took 12.1–12.2 s of CPU against 9.8–10.1 s on one
//! thread, and was slower in wall time too with the second core busy (14.3–14.8 s against
//! 12.5–12.6 s, 21:33 UTC, load average 3): each slide's values are freed on another
//! thread than the one that made them. One thread it is.

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A part of the document, in file order.
pub(super) enum Piece {
    /// The title slide.
    Title(Map<String, Value>),
    /// `"scale": "cosmological"`.
    Cosmological,
    /// One element of `events`.
    Slide(Value),
}

/// Where the pieces go.
pub(super) trait Feed {
    fn piece(&mut self, piece: Piece);
    /// No more slides are wanted (the preview has its rows): the rest is only checked.
    fn is_full(&self) -> bool;
}

/// Reads the whole document from `de`, handing its pieces to `feed`. `None` when the JSON
/// is not an object.
pub(super) fn read_root<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    feed: &mut dyn Feed,
) -> Result<Option<Root>, serde_json::Error> {
    let root = RootSeed { feed }.deserialize(&mut *de)?;
    de.end()?;
    Ok(root)
}

/// What the root object held, besides the title and the slides, which went to the feed.
pub(super) struct Root {
    pub has_title: bool,
    pub events: Events,
    pub eras: Option<Value>,
}

pub(super) enum Events {
    Absent,
    List,
    NotAList,
}

/// Reads the root object key by key; `None` when the JSON is not an object.
struct RootSeed<'f> {
    feed: &'f mut dyn Feed,
}

impl<'de> DeserializeSeed<'de> for RootSeed<'_> {
    type Value = Option<Root>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RootSeed<'_> {
    type Value = Option<Root>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a TimelineJS3 object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut root = Root {
            has_title: false,
            events: Events::Absent,
            eras: None,
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "title" => {
                    let title: Value = map.next_value()?;
                    root.has_title = true;
                    if let Value::Object(title) = title {
                        self.feed.piece(Piece::Title(title));
                    }
                }
                "scale" => {
                    let scale: Value = map.next_value()?;
                    if scale.as_str() == Some("cosmological") {
                        self.feed.piece(Piece::Cosmological);
                    }
                }
                "events" => root.events = map.next_value_seed(SlidesSeed { feed: self.feed })?,
                "eras" => root.eras = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(root))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Reads the slides one at a time into the builder; a list's place of anything else.
struct SlidesSeed<'f> {
    feed: &'f mut dyn Feed,
}

impl<'de> DeserializeSeed<'de> for SlidesSeed<'_> {
    type Value = Events;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SlidesSeed<'_> {
    type Value = Events;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of slides")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while !self.feed.is_full() {
            let Some(slide) = seq.next_element::<Value>()? else {
                return Ok(Events::List);
            };
            self.feed.piece(Piece::Slide(slide));
        }
        // The preview has its rows: the rest is only checked to be JSON.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Events::List)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Events::Absent)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Events::NotAList)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Events::NotAList)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Events::NotAList)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Events::NotAList)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Events::NotAList)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Events::NotAList)
    }
}
