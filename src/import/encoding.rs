//! The character encoding of a text input: UTF-8 (with or without a byte order mark),
//! UTF-16 (Excel's "Unicode text" export), and the legacy single- and multi-byte encodings
//! spreadsheets and old tools write ("ANSI": Windows-1252 and its neighbours), detected or
//! chosen, and the input decoded to UTF-8 for the importers.
//!
//! Valid UTF-8 is never copied: a 1 GiB GDELT export is read where it lies.

use std::borrow::Cow;
use std::io::{self, Read};

pub use encoding_rs::Encoding;

use super::ImportError;

/// Which encoding to read an input in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// From the byte order mark, else from the bytes (see [`detect`]).
    #[default]
    Auto,
    /// As the analyst chose: an input that is not valid in it is an error.
    Forced(&'static Encoding),
}

impl EncodingChoice {
    /// The choice for a WHATWG label (`utf-8`, `utf-16le`, `windows-1252`, `latin1`,
    /// `iso-8859-2`, `shift_jis` …), or an error listing examples. `auto` is [`Self::Auto`].
    pub fn from_label(label: &str) -> Result<Self, String> {
        let label = label.trim();
        if label.eq_ignore_ascii_case("auto") {
            return Ok(Self::Auto);
        }
        match Encoding::for_label(label.as_bytes()) {
            // The "replacement" encoding stands for labels (ISO-2022-KR …) whose decoders
            // were removed for safety: it decodes everything to one U+FFFD.
            Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(Self::Forced(enc)),
            _ => Err(format!(
                "unknown encoding \"{label}\": give a name such as utf-8, utf-16le, utf-16be, \
                 windows-1252, latin1, iso-8859-2, iso-8859-15, koi8-r, shift_jis, gbk or auto"
            )),
        }
    }
}

/// How the encoding was found, for the import report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingSource {
    /// Valid UTF-8 without a byte order mark: the default, nothing to say about it.
    Utf8,
    /// The byte order mark at the start.
    ByteOrderMark,
    /// Guessed from the bytes (UTF-16 from its zero bytes, the rest with chardetng).
    Detected,
    /// Chosen by the analyst (`--encoding`, the dialog's "Encoding" menu).
    Chosen,
}

/// An input decoded to UTF-8.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark; borrowed from the input when that is UTF-8.
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
}

impl Decoded<'_> {
    /// "Read as Windows-1252 (detected)", "Read as UTF-16LE (byte order mark)".
    pub fn description(&self) -> String {
        describe(self.encoding, self.source)
    }
}

/// The report's line for text read as `encoding`, found as `source` says.
pub fn describe(encoding: &'static Encoding, source: EncodingSource) -> String {
    let name = display_name(encoding);
    match source {
        EncodingSource::Utf8 => format!("Read as {name}"),
        EncodingSource::ByteOrderMark => format!("Read as {name} (byte order mark)"),
        EncodingSource::Detected => format!("Read as {name} (detected)"),
        EncodingSource::Chosen => format!("Read as {name} (chosen)"),
    }
}

/// The encoding's name as menus and reports show it: WHATWG's, with "Windows" capitalised.
pub fn display_name(encoding: &'static Encoding) -> String {
    let name = encoding.name();
    match name.strip_prefix("windows-") {
        Some(rest) => format!("Windows-{rest}"),
        None => name.to_owned(),
    }
}

/// The encodings the import dialog offers besides "Automatic": those analysts' files come
/// in (Excel on Western, Central European and Cyrillic Windows; old Unix and Japanese and
/// Chinese tools).
pub fn offered() -> [&'static Encoding; 13] {
    [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::WINDOWS_1252,
        encoding_rs::ISO_8859_2,
        encoding_rs::ISO_8859_15,
        encoding_rs::WINDOWS_1250,
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_KR,
        encoding_rs::GBK,
        encoding_rs::BIG5,
    ]
}

/// How many bytes the UTF-16 test looks at: 4 KiB is a few dozen rows of a table, plenty
/// to tell text whose every other byte is zero.
const UTF16_SNIFF_BYTES: usize = 4096;

/// chardetng reads at most this much of an input that is not UTF-8: its guess settles
/// within kilobytes, and feeding it a whole 1 GiB file would take seconds for nothing.
const DETECT_BYTES: usize = 1 << 20;

/// UTF-16 by its byte order mark (and the mark's length), or by its zero bytes: text in a
/// Latin script stored as UTF-16 has a zero as every other byte. A BOM-less input counts
/// as UTF-16 when at least 40% of the byte pairs have a zero on one side and under 2% on
/// the other: tables are mostly digits and delimiters, far above 40%, while a binary file
/// has its zeros on both sides.
pub fn utf16_of(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    match Encoding::for_bom(bytes) {
        Some((enc, len)) if enc != encoding_rs::UTF_8 => return Some((enc, len)),
        Some(_) => return None,
        None => {}
    }
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even_zeros += usize::from(pair[0] == 0);
        odd_zeros += usize::from(pair[1] == 0);
    }
    let many = |n: usize| n * 100 >= pairs * 40;
    let few = |n: usize| n * 100 < pairs * 2;
    if many(odd_zeros) && few(even_zeros) {
        Some((encoding_rs::UTF_16LE, 0))
    } else if many(even_zeros) && few(odd_zeros) {
        Some((encoding_rs::UTF_16BE, 0))
    } else {
        None
    }
}

/// The encoding of `bytes` (all of an input, or its first bytes when `whole` is false),
/// how it was found and the length of its byte order mark.
pub fn detect(bytes: &[u8], whole: bool) -> (&'static Encoding, EncodingSource, usize) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc, EncodingSource::ByteOrderMark, bom);
    }
    if let Some((enc, _)) = utf16_of(bytes) {
        return (enc, EncodingSource::Detected, 0);
    }
    if is_utf8(bytes, whole) {
        return (encoding_rs::UTF_8, EncodingSource::Utf8, 0);
    }
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    // ISO-2022-JP is no export format of any tool analysts use; it is left out, as
    // browsers leave it out.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, whole && sample.len() == bytes.len());
    // UTF-8 is ruled out above; chardetng then picks among the legacy encodings.
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    (guess, EncodingSource::Detected, 0)
}

/// Valid UTF-8; the first bytes of a longer input may end inside a character.
fn is_utf8(bytes: &[u8], whole: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(err) => !whole && err.error_len().is_none() && err.valid_up_to() + 4 > bytes.len(),
    }
}

/// `bytes` decoded as `choice` says. Automatic decoding never fails (malformed sequences
/// become U+FFFD); a chosen encoding the bytes are not valid in is an error naming the line
/// and column of the first bad byte.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded<'_>, ImportError> {
    match choice {
        EncodingChoice::Auto => {
            let (encoding, source, bom) = detect(bytes, true);
            let body = &bytes[bom..];
            let text = if encoding == encoding_rs::UTF_8 {
                // Valid UTF-8 after a BOM or without one: borrowed, not copied.
                match std::str::from_utf8(body) {
                    Ok(text) => Cow::Borrowed(text),
                    Err(_) => encoding.decode_without_bom_handling(body).0,
                }
            } else {
                encoding.decode_without_bom_handling(body).0
            };
            Ok(Decoded {
                text,
                encoding,
                source,
            })
        }
        EncodingChoice::Forced(encoding) => {
            let body = match Encoding::for_bom(bytes) {
                Some((enc, len)) if enc == encoding => &bytes[len..],
                _ => bytes,
            };
            if encoding == encoding_rs::UTF_8 {
                let text = super::text_of(body)?;
                return Ok(Decoded {
                    text: Cow::Borrowed(text),
                    encoding,
                    source: EncodingSource::Chosen,
                });
            }
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            if had_errors {
                let at = text.find('\u{FFFD}').unwrap_or(text.len());
                let (line, col) = crate::io::line_col(&text, at);
                return Err(ImportError::Syntax {
                    line,
                    col,
                    message: format!(
                        "the file is not {} text; choose another encoding (or Automatic) and import again",
                        display_name(encoding)
                    ),
                });
            }
            Ok(Decoded {
                text,
                encoding,
                source: EncodingSource::Chosen,
            })
        }
    }
}

/// The report's line on how `bytes` are read, or `None` for plain UTF-8.
pub fn note(bytes: &[u8], choice: EncodingChoice) -> Option<String> {
    let (encoding, source, _) = match choice {
        EncodingChoice::Auto => detect(bytes, true),
        EncodingChoice::Forced(enc) => (enc, EncodingSource::Chosen, 0),
    };
    (source != EncodingSource::Utf8).then(|| describe(encoding, source))
}

/// The encoding a streamed input is read in, from its first bytes: the encoding, how it was
/// found and the length of the byte order mark to skip.
pub fn of_head(head: &[u8], choice: EncodingChoice) -> (&'static Encoding, EncodingSource, usize) {
    match choice {
        EncodingChoice::Auto => detect(head, false),
        EncodingChoice::Forced(enc) => {
            let bom = match Encoding::for_bom(head) {
                Some((found, len)) if found == enc => len,
                _ => 0,
            };
            (enc, EncodingSource::Chosen, bom)
        }
    }
}

/// The first bytes of an input as UTF-8 text for sniffing (format detection, the column
/// menus): decoded as `choice` says, a character cut at the end dropped.
pub fn head_text(head: &[u8], choice: EncodingChoice) -> String {
    let (encoding, _, bom) = of_head(head, choice);
    let body = &head[bom..];
    if encoding == encoding_rs::UTF_8 {
        let valid = match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(err) => std::str::from_utf8(&body[..err.valid_up_to()]).unwrap_or_default(),
        };
        return valid.to_owned();
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    // Not the last bytes: a character cut at the end of the head is left out, not replaced.
    let (_, _, _) = decoder.decode_to_string(body, &mut text, false);
    text
}

/// A reader of text in `encoding` that gives UTF-8, decoding as it reads: the streamed
/// TimelineJS import of a UTF-16 file. Malformed sequences become U+FFFD.
pub struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    /// Undecoded bytes are `input[in_start..in_end]`.
    in_start: usize,
    in_end: usize,
    output: Vec<u8>,
    /// Decoded bytes not yet handed out are `output[out_start..out_end]`.
    out_start: usize,
    out_end: usize,
    at_end: bool,
    /// The decoder has had the last bytes and flushed.
    finished: bool,
}

/// Bytes read from the inner reader at a time.
const DECODE_CHUNK: usize = 16 * 1024;

impl<R: Read> DecodingReader<R> {
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        let decoder = encoding.new_decoder_without_bom_handling();
        // Room for a whole chunk decoded: UTF-16 and legacy bytes take at most 3 bytes of
        // UTF-8 each (plus what the decoder keeps between calls).
        let out_len = decoder
            .max_utf8_buffer_length(DECODE_CHUNK)
            .unwrap_or(DECODE_CHUNK * 3 + 16);
        Self {
            inner,
            decoder,
            input: vec![0; DECODE_CHUNK],
            in_start: 0,
            in_end: 0,
            output: vec![0; out_len],
            out_start: 0,
            out_end: 0,
            at_end: false,
            finished: false,
        }
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start == self.out_end {
            if self.finished {
                return Ok(0);
            }
            if self.in_start == self.in_end && !self.at_end {
                let n = self.inner.read(&mut self.input)?;
                self.in_start = 0;
                self.in_end = n;
                self.at_end = n == 0;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.in_start..self.in_end],
                &mut self.output,
                self.at_end,
            );
            self.in_start += read;
            self.out_start = 0;
            self.out_end = written;
            // The decoder takes no call after the last bytes are all decoded.
            self.finished = self.at_end && result == encoding_rs::CoderResult::InputEmpty;
        }
        let n = buf.len().min(self.out_end - self.out_start);
        buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFE, 0xFF] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    #[test]
    fn utf8_is_borrowed_with_or_without_a_byte_order_mark() {
        let plain = decode("date,title\nGenève".as_bytes(), EncodingChoice::Auto).unwrap();
        assert!(matches!(plain.text, Cow::Borrowed(_)));
        assert_eq!(plain.description(), "Read as UTF-8");
        let bom = decode(b"\xEF\xBB\xBFa,b", EncodingChoice::Auto).unwrap();
        assert!(matches!(bom.text, Cow::Borrowed("a,b")));
        assert_eq!(bom.description(), "Read as UTF-8 (byte order mark)");
    }

    #[test]
    fn utf16_is_read_with_and_without_a_byte_order_mark() {
        let text = "date\ttitle\n2025-06-01\tTalks in Genève €\n";
        for (bytes, name, source) in [
            (utf16le(text, true), "UTF-16LE", "byte order mark"),
            (utf16be(text, true), "UTF-16BE", "byte order mark"),
            (utf16le(text, false), "UTF-16LE", "detected"),
            (utf16be(text, false), "UTF-16BE", "detected"),
        ] {
            let decoded = decode(&bytes, EncodingChoice::Auto).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.description(), format!("Read as {name} ({source})"));
        }
    }

    #[test]
    fn windows_1252_is_detected_when_the_bytes_are_not_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("date,title\n2025-06-01,\u{201c}Talks\u{201d} in Genève cost 5 €, café\n");
        let decoded = decode(&bytes, EncodingChoice::Auto).unwrap();
        assert!(
            decoded
                .text
                .contains("\u{201c}Talks\u{201d} in Genève cost 5 €, café")
        );
        assert_eq!(decoded.description(), "Read as Windows-1252 (detected)");
    }

    #[test]
    fn a_chosen_encoding_is_used_and_invalid_bytes_are_an_error_with_a_place() {
        let latin2 = decode(
            b"\xA3\xF3d\xBC",
            EncodingChoice::Forced(encoding_rs::ISO_8859_2),
        );
        let latin2 = latin2.unwrap();
        assert_eq!(latin2.text, "Łódź");
        assert_eq!(latin2.description(), "Read as ISO-8859-2 (chosen)");
        let err = decode(b"ok\nab\xE9", EncodingChoice::Forced(encoding_rs::UTF_8)).unwrap_err();
        assert_eq!(err, ImportError::NotUtf8 { line: 2, col: 3 });
        let odd = decode(b"a\0b", EncodingChoice::Forced(encoding_rs::UTF_16LE)).unwrap_err();
        assert!(odd.to_string().contains("not UTF-16LE text"), "{odd}");
    }

    #[test]
    fn labels_are_whatwg_and_unknown_ones_list_examples() {
        let f = |l: &str| EncodingChoice::from_label(l).unwrap();
        assert_eq!(
            f("latin1"),
            EncodingChoice::Forced(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            f("ISO-8859-1"),
            EncodingChoice::Forced(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(f("utf-16"), EncodingChoice::Forced(encoding_rs::UTF_16LE));
        assert_eq!(f(" Auto "), EncodingChoice::Auto);
        let err = EncodingChoice::from_label("klingon").unwrap_err();
        assert!(
            err.contains("windows-1252") && err.contains("klingon"),
            "{err}"
        );
        assert!(EncodingChoice::from_label("iso-2022-kr").is_err());
    }

    #[test]
    fn binary_is_not_taken_for_utf16() {
        assert_eq!(utf16_of(&[0, 0, 0, 0, 1, 2, 0, 0]), None);
        assert_eq!(utf16_of(b"plain text"), None);
        assert_eq!(utf16_of(b"\xEF\xBB\xBFtext"), None);
    }

    #[test]
    fn the_decoding_reader_gives_what_decode_gives_across_chunks() {
        let text = "é€ ".repeat(20_000);
        let bytes = utf16le(&text, false);
        let mut out = String::new();
        DecodingReader::new(&bytes[..], encoding_rs::UTF_16LE)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
        // A cut surrogate pair at the end is replaced, not lost silently.
        let mut cut = utf16le("a😀", false);
        cut.truncate(cut.len() - 2);
        let mut out = String::new();
        DecodingReader::new(&cut[..], encoding_rs::UTF_16LE)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a\u{FFFD}");
    }

    #[test]
    fn the_head_is_decoded_without_its_cut_last_character() {
        let mut bytes = utf16le("ab", true);
        bytes.push(0x41); // half of the next code unit
        assert_eq!(head_text(&bytes, EncodingChoice::Auto), "ab");
        assert_eq!(head_text("aé".as_bytes(), EncodingChoice::Auto), "aé");
        assert_eq!(head_text(&"aé".as_bytes()[..2], EncodingChoice::Auto), "a");
    }
}
