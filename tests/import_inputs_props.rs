//! Issue 15: no bytes make decoding or the gzip and zip readers panic: random bytes, and
//! the committed fixtures mutated, into `decode`, the streamed decoder, `unpack` and the
//! importers through them.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::io::Read as _;
use std::path::Path;

use detente::import::compressed::unpack;
use detente::import::encoding::{DecodingReader, decode, detect, head_text};
use detente::import::{EncodingChoice, ImportFormat, ImportOptions, import, import_stream};
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["encodings", "compressed"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e != "py") {
                out.push(std::fs::read(path).unwrap());
            }
        }
    }
    out.sort();
    out
}

fn choices() -> [EncodingChoice; 5] {
    [
        EncodingChoice::Auto,
        EncodingChoice::Forced(encoding_rs::UTF_8),
        EncodingChoice::Forced(encoding_rs::UTF_16BE),
        EncodingChoice::Forced(encoding_rs::SHIFT_JIS),
        EncodingChoice::Forced(encoding_rs::WINDOWS_1252),
    ]
}

fn check(bytes: &[u8]) {
    let _ = detect(bytes, true);
    let _ = detect(bytes, false);
    for choice in choices() {
        if let Ok(decoded) = decode(bytes, choice) {
            assert!(!decoded.text.starts_with('\u{feff}') || choice != EncodingChoice::Auto);
        }
        let _ = head_text(bytes, choice);
        let mut options = ImportOptions::named("fuzz");
        options.encoding = choice;
        let _ = import(bytes, ImportFormat::Csv, &options);
        let cut = bytes.len() / 2;
        let _ = import_stream(
            &bytes[..cut],
            &mut &bytes[cut..],
            ImportFormat::TimelineJs,
            &options,
        );
    }
    let mut out = String::new();
    let _ = DecodingReader::new(bytes, encoding_rs::UTF_16LE).read_to_string(&mut out);
    let _ = DecodingReader::new(bytes, encoding_rs::GBK).read_to_string(&mut out);
    for member in [None, Some("events.csv")] {
        if let Ok(Some(unpacked)) = unpack(bytes, "fuzz.zip", member) {
            let _ = import(
                &unpacked.bytes,
                ImportFormat::Csv,
                &ImportOptions::named("x"),
            );
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
    fn mutated_fixtures_never_panic(
        which in 0usize..64,
        edits in proptest::collection::vec((any::<u16>(), any::<u8>()), 1..8),
        cut in any::<u16>(),
    ) {
        let all = fixtures();
        let mut bytes = all[which % all.len()].clone();
        for (at, value) in edits {
            if !bytes.is_empty() {
                let i = usize::from(at) % bytes.len();
                bytes[i] = value;
            }
        }
        let keep = usize::from(cut) % (bytes.len() + 1);
        check(&bytes);
        check(&bytes[..keep]);
    }
}
