//! No input makes the project parser panic or hang: random bytes and mutated real files
//! give a project or an error with a position.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use detente::io::{SAMPLE_RON, load_project_bytes};
use proptest::prelude::*;

fn check(bytes: &[u8]) {
    match load_project_bytes(bytes, "fuzz.ron") {
        Ok(project) => {
            // Whatever loads must save and load again to the same project.
            let text = detente::io::to_ron_string(&project).unwrap();
            assert_eq!(
                detente::io::load_project_str(&text, "again").unwrap(),
                project
            );
        }
        Err(err) => {
            let text = err.to_string();
            assert!(text.starts_with("fuzz.ron:"), "{text}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn random_ron_like_text_never_panics(text in "[()\\[\\]{}:,\"a-z0-9_ \\n#!/*.?~%X-]{0,400}") {
        check(text.as_bytes());
    }

    /// The sample with a few bytes changed, inserted or removed: the nastiest inputs are
    /// nearly valid ones.
    #[test]
    fn mutated_sample_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6)
    ) {
        let mut bytes = SAMPLE_RON.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        check(&bytes);
    }
}

#[test]
fn truncations_of_the_sample_never_panic() {
    // Every prefix at a char boundary, in steps, including cuts inside strings and lists.
    let text = SAMPLE_RON;
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            check(&text.as_bytes()[..cut]);
        }
        cut += 97;
    }
}
