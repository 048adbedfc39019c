//! Human-readable string ids (`"a-witkoff"`), interned so that a reference costs four bytes.
//!
//! Ids appear in project files as strings and are referenced from many places (every
//! participation names an actor). Interning them in one process-wide table, as Rerun does
//! for entity paths, keeps references `Copy`, cheap to compare and small: the in-memory
//! budget for a million-event project is 300 bytes per event.

use std::cell::RefCell;
use std::fmt;
use std::sync::{Arc, LazyLock};

use lasso::{Key as _, Spur, ThreadedRodeo};
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

    /// The id of `text` if it was ever interned, without interning it: a text no entity has
    /// ever had is no entity's id.
    pub fn existing(text: &str) -> Option<Self> {
        INTERNER.get(text).map(Self)
    }

    /// A total order by interning, not by text: free, where ordering by text looks up both
    /// strings in the shared table. For canonical pairs and sets whose order is not shown.
    pub fn cmp_by_symbol(self, other: Self) -> std::cmp::Ordering {
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

/// The interned strings by symbol, as they were when [`IdNames::snapshot`] was taken.
/// Looking an id up in it is an index into a vector, where the shared table takes a lock on
/// one of its shards for every lookup: 11% of the CPU of saving a 1M-event import, and the
/// threads that encode a save (`io::project_write`) would contend for those locks.
pub struct IdNames {
    names: Vec<&'static str>,
}

impl IdNames {
    /// Every string interned so far (one pass over the shared table).
    pub fn snapshot() -> Self {
        let interner: &'static Interner = &INTERNER;
        let mut names = vec![""; interner.len()];
        for (symbol, name) in interner.iter() {
            let at = symbol.into_usize();
            if at >= names.len() {
                // Interned by another thread during the pass.
                names.resize(at + 1, "");
            }
            names[at] = name;
        }
        Self { names }
    }

    /// The text of `id`; from the shared table when it was interned after the snapshot.
    pub fn name(&self, id: Id) -> &'static str {
        match self.names.get(id.0.into_usize()) {
            Some(name) if !name.is_empty() => name,
            _ => id.as_str(),
        }
    }
}

thread_local! {
    /// The snapshot this thread encodes ids with, while it runs [`with_id_names`].
    static ENCODING_NAMES: RefCell<Option<Arc<IdNames>>> = const { RefCell::new(None) };
}

/// Runs `encode` with ids serialized from `names` on this thread. Only encoding uses it:
/// [`Id::as_str`] still asks the shared table.
pub fn with_id_names<R>(names: &Arc<IdNames>, encode: impl FnOnce() -> R) -> R {
    /// Puts back the thread's previous snapshot, also when `encode` panics.
    struct Restore(Option<Arc<IdNames>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            ENCODING_NAMES.with_borrow_mut(|names| *names = previous);
        }
    }
    let previous = ENCODING_NAMES.with_borrow_mut(|current| current.replace(Arc::clone(names)));
    let _restore = Restore(previous);
    encode()
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
        let name = ENCODING_NAMES.with_borrow(|names| names.as_ref().map(|n| n.name(*self)));
        serializer.serialize_str(name.unwrap_or_else(|| self.as_str()))
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
    fn ids_encode_the_same_from_a_snapshot() {
        let before = Id::new("snapshot-before");
        let names = Arc::new(IdNames::snapshot());
        let after = Id::new("snapshot-after-only");
        assert_eq!(names.name(before), "snapshot-before");
        assert_eq!(names.name(after), "snapshot-after-only");
        let encoded = with_id_names(&names, || ron::to_string(&vec![before, after]).unwrap());
        assert_eq!(encoded, ron::to_string(&vec![before, after]).unwrap());
        assert_eq!(encoded, r#"["snapshot-before","snapshot-after-only"]"#);
    }

    #[test]
    fn id_is_small() {
        assert_eq!(std::mem::size_of::<Id>(), 4);
    }
}
