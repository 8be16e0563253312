//! Matching keys, interned: every stage compares, hashes and copies keys by the million,
//! so a key is one pointer, and equal keys are the same pointer.
//!
//! ```
//! use factdiff::model::Key;
//! let (a, b) = (Key::new("harbor"), Key::new(&String::from("harbor")));
//! assert_eq!(a, b);
//! assert_eq!(a.as_str(), "harbor");
//! assert!(Key::new("bridge") < a);
//! ```
//!
//! A key lives as long as the process: what is kept is a vocabulary (some tens of
//! thousands of distinct words, however many reports are read), never the text itself.

use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Deref;
use std::sync::{LazyLock, Mutex};

use rustc_hash::{FxBuildHasher, FxHashMap};

/// A matching key: compared by identity, hashed by a hash of its text worked out once,
/// ordered and printed by its text.
///
/// Its hash depends only on the text, so maps keyed by `Key` iterate in the same order on
/// every run.
#[derive(Clone, Copy)]
pub struct Key(&'static Entry);

struct Entry {
    hash: u64,
    text: &'static str,
}

/// Distinct keys by their text, in shards so that threads tokenising at once seldom wait
/// for each other.
struct Interner {
    shards: [Mutex<FxHashMap<&'static str, Key>>; SHARDS],
}

const SHARDS: usize = 16;

static INTERNER: LazyLock<Interner> = LazyLock::new(|| Interner {
    shards: std::array::from_fn(|_| Mutex::default()),
});

impl Key {
    /// The key with this text, made the first time it is asked for.
    pub fn new(text: &str) -> Key {
        let hash = FxBuildHasher.hash_one(text);
        // The top bits choose the shard; the map inside hashes the text on its own.
        let shard = &INTERNER.shards[(hash >> 60) as usize % SHARDS];
        // A poisoned shard still holds only whole entries: each is inserted in one step.
        let mut keys = shard
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(&key) = keys.get(text) {
            return key;
        }
        let text: &'static str = Box::leak(text.into());
        let key = Key(Box::leak(Box::new(Entry { hash, text })));
        keys.insert(text, key);
        key
    }

    pub fn as_str(self) -> &'static str {
        self.0.text
    }

    /// A number that tells keys apart, for sorting where only grouping matters (it is not
    /// the same from run to run, so never for an order that shows).
    pub fn id(self) -> usize {
        std::ptr::from_ref(self.0) as usize
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Deref for Key {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_key_across_threads() {
        let here = Key::new("coastguard");
        let there = std::thread::spawn(|| Key::new("coastguard"))
            .join()
            .unwrap();
        assert_eq!(here, there);
        assert!(std::ptr::eq(here.as_str(), there.as_str()));
        assert_ne!(here, Key::new("coastguards"));
    }

    #[test]
    fn order_and_hash_follow_the_text_not_the_pointer() {
        let mut keys = [Key::new("pier"), Key::new("ferry"), Key::new("island")];
        keys.sort();
        let texts: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
        assert_eq!(texts, ["ferry", "island", "pier"]);
        assert_eq!(
            FxBuildHasher.hash_one(Key::new("ferry")),
            FxBuildHasher.hash_one(keys[0])
        );
    }

    #[test]
    fn reads_and_prints_as_its_text() {
        let key = Key::new("US");
        assert_eq!(key, "US");
        assert_ne!(key, "us");
        assert_eq!(format!("{key} {key:?}"), "US \"US\"");
        assert!(key.starts_with('U'));
    }
}
