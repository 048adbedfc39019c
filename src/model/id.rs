//! Human-readable string ids (`"a-witkoff"`), interned so that a reference costs four bytes.
//!
//! Ids appear in project files as strings and are referenced from many places (every
//! participation names an actor). Interning them in one process-wide table, as Rerun does
//! for entity paths, keeps references `Copy`, cheap to compare and small: the in-memory
//! budget for a million-event project is 300 bytes per event.

use std::fmt;
use std::sync::LazyLock;

use lasso::{Spur, ThreadedRodeo};
use rustc_hash::FxBuildHasher;

/// Ids are short and hashed on every load, so the table uses a fast non-cryptographic hash.
type Interner = ThreadedRodeo<Spur, FxBuildHasher>;

static INTERNER: LazyLock<Interner> = LazyLock::new(|| ThreadedRodeo::with_hasher(FxBuildHasher));

/// An interned id. Equality and hashing are by symbol; ordering is by the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id(Spur);

impl Id {
    pub fn new(text: &str) -> Self {
        Self(INTERNER.get_or_intern(text))
    }

    /// A total order by interning, not by text: free, where ordering by text looks up both
    /// strings in the shared table. For canonical pairs and sets whose order is not shown.
    pub fn cmp_by_symbol(self, other: Self) -> std::cmp::Ordering {
        use lasso::Key as _;
        self.0.into_usize().cmp(&other.0.into_usize())
    }

    pub fn as_str(self) -> &'static str {
        // The interner is a `static`, so the strings it hands out live for the whole process.
        let interner: &'static Interner = &INTERNER;
        interner.resolve(&self.0)
    }

    /// Is this a valid id? Ids are non-empty, without spaces or quotes, so that they read
    /// well in files and in error messages.
    pub fn is_valid_text(text: &str) -> bool {
        !text.is_empty()
            && text.len() <= 200
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/'))
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.0 == other.0 {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl serde::de::Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id string such as \"a-witkoff\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                if Id::is_valid_text(text) {
                    Ok(Id::new(text))
                } else {
                    Err(E::custom(format!(
                        "invalid id {text:?}: ids are non-empty and use letters, digits and - _ . : /"
                    )))
                }
            }
        }
        deserializer.deserialize_str(IdVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_equal_ids_for_equal_text() {
        assert_eq!(Id::new("a-witkoff"), Id::new("a-witkoff"));
        assert_ne!(Id::new("a-witkoff"), Id::new("a-kushner"));
        assert_eq!(Id::new("a-witkoff").as_str(), "a-witkoff");
        assert!(Id::new("b") > Id::new("a"));
    }

    #[test]
    fn validity() {
        assert!(Id::is_valid_text("ev-miami-talks"));
        assert!(Id::is_valid_text("gdelt:1234"));
        assert!(!Id::is_valid_text(""));
        assert!(!Id::is_valid_text("has space"));
        assert!(!Id::is_valid_text("quote\""));
    }

    #[test]
    fn id_is_small() {
        assert_eq!(std::mem::size_of::<Id>(), 4);
    }
}
