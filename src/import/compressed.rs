//! Compressed inputs: a `.gz` file or a `.zip` archive (GDELT publishes its files zipped),
//! read as a stream of the unpacked bytes: nothing is unpacked to disk. Found by their magic
//! bytes, not their names. A zip that is a spreadsheet or a document (xlsx, ods, docx are
//! zip archives) is not a compressed input and is left to format detection.
//!
//! The unpacked bytes count against [`MAX_IMPORT_BYTES`] as the packed ones would: a small
//! archive that unpacks to terabytes stops there.

use std::io::{self, Read, Seek};

use flate2::read::MultiGzDecoder;
use zip::ZipArchive;

use super::{ImportError, MAX_IMPORT_BYTES};

/// How an input is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zip,
}

/// The compression of an input, from its first bytes. A zip here may still turn out to be
/// a spreadsheet: see [`zip_members`].
pub fn compression_of(head: &[u8]) -> Option<Compression> {
    if head.starts_with(b"\x1F\x8B") {
        Some(Compression::Gzip)
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Compression::Zip)
    } else {
        None
    }
}

/// Whether a zip's entry names make it an office document rather than an archive of
/// files: xlsx and docx have `[Content_Types].xml` (and `xl/` or `word/`), OpenDocument
/// files a `mimetype` entry.
fn is_document(names: &[String]) -> bool {
    names.iter().any(|n| {
        n == "[Content_Types].xml"
            || n == "mimetype"
            || n.starts_with("xl/")
            || n == "META-INF/manifest.xml"
    })
}

/// Whether a file's name says it is an office document stored as a zip (xlsx, ods, docx…).
fn is_document_name(name: &str) -> bool {
    let extension = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        extension.as_str(),
        "xlsx" | "xlsm" | "xlsb" | "ods" | "docx" | "odt" | "pptx" | "odp"
    )
}

/// The members of a zip archive that hold data (directories and macOS's `__MACOSX/`
/// resource forks left out), or `None` when the zip is a spreadsheet or document.
pub fn zip_members<R: Read + Seek>(archive: &ZipArchive<R>) -> Option<Vec<String>> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|name| name.ok().map(std::borrow::Cow::into_owned))
        .collect();
    if is_document(&names) {
        return None;
    }
    let mut members: Vec<String> = names
        .into_iter()
        .filter(|n| !n.ends_with('/') && !n.starts_with("__MACOSX/"))
        .collect();
    members.sort();
    Some(members)
}

/// Extensions of members read by default before others: text that an importer reads.
const TEXT_EXTENSIONS: [&str; 7] = ["csv", "tsv", "tab", "txt", "json", "xml", "timeline"];

/// The member to read: the one asked for, else the only one, else the first whose
/// extension is a text format, else the first.
pub fn choose_member(
    members: &[String],
    asked: Option<&str>,
    archive_name: &str,
) -> Result<String, ImportError> {
    if let Some(asked) = asked {
        return members
            .iter()
            .find(|m| m.as_str() == asked)
            .or_else(|| members.iter().find(|m| m.eq_ignore_ascii_case(asked)))
            .cloned()
            .ok_or_else(|| {
                ImportError::Format(format!(
                    "the zip archive {archive_name} has no member {asked}; its members are: {}",
                    members.join(", ")
                ))
            });
    }
    let text = |m: &&String| {
        std::path::Path::new(m.as_str())
            .extension()
            .is_some_and(|e| {
                TEXT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
            })
    };
    members
        .iter()
        .find(text)
        .or_else(|| members.first())
        .cloned()
        .ok_or_else(|| {
            ImportError::Format(format!(
                "the zip archive {archive_name} is empty: it has no file"
            ))
        })
}

/// The name a zip member is imported under: it names the dataset source and the report.
pub fn member_label(member: &str, archive_name: &str) -> String {
    format!("member {member} of the zip archive {archive_name}")
}

/// The name a gzip file's content is imported under.
pub fn gzip_label(archive_name: &str) -> String {
    format!("{archive_name} (gzip-compressed)")
}

/// The name of what a gzip file holds, for format detection: its name without `.gz`.
pub fn gzip_inner_name(archive_name: &str) -> &str {
    let path = std::path::Path::new(archive_name);
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        &archive_name[..archive_name.len() - 3]
    } else {
        archive_name
    }
}

/// The report's lines on a compressed input: what was read, and the other members of a zip
/// (chosen with `how_to_choose`: `--member` on the command line).
pub fn notes(label: Option<&str>, members: &[String], how_to_choose: &str) -> Vec<String> {
    let Some(label) = label else {
        return Vec::new();
    };
    let mut notes = vec![format!("Read {label}")];
    if members.len() > 1 {
        // A zip of thousands of files is named by its first ten: the report is read, not
        // searched.
        let mut listed = members
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if members.len() > 10 {
            listed.push_str(", …");
        }
        notes.push(format!(
            "The archive holds {} files ({listed}); choose another with {how_to_choose}",
            members.len(),
        ));
    }
    notes
}

/// An input opened through its compression.
pub struct Opened<'a> {
    /// The unpacked bytes.
    pub reader: Box<dyn Read + 'a>,
    /// What the input is called in the report and the dataset source; `None` when it is
    /// not compressed.
    pub label: Option<String>,
    /// The unpacked file's own name, for format detection by extension.
    pub inner_name: String,
    /// A zip's members (empty for other inputs), and the one read.
    pub members: Vec<String>,
    pub member: Option<String>,
}

/// Opens an input named `name` through its compression, `head` being its first bytes, read
/// already, and `input` the rest: a gzip stream unpacked as it is read, a zip archive's
/// member (`member`, or the one [`choose_member`] picks) unpacked as it is read. An input
/// that is not compressed, or is a zip that is a spreadsheet, comes back whole, as it is.
/// Only a zip is sought in (its directory is at its end); the archive is kept in
/// `archive`, which the returned reader borrows.
pub fn open<'a, R: Read + Seek + 'a>(
    mut input: R,
    head: &'a [u8],
    name: &str,
    member: Option<&str>,
    archive: &'a mut Option<ZipArchive<R>>,
) -> Result<Opened<'a>, ImportError> {
    let damaged = |e: &dyn std::fmt::Display, what: String| {
        ImportError::Format(format!(
            "{what} is damaged or cut short: {e}; nothing was imported"
        ))
    };
    match compression_of(head) {
        Some(Compression::Gzip) => Ok(Opened {
            reader: Box::new(GzipReader::new(head.chain(input), name)),
            label: Some(gzip_label(name)),
            inner_name: gzip_inner_name(name).to_owned(),
            members: Vec::new(),
            member: None,
        }),
        // A file named as a workbook or document goes to its own reader, whole or damaged:
        // "the workbook is damaged" says more than "the zip archive is damaged".
        Some(Compression::Zip) if is_document_name(name) => {
            input
                .seek(io::SeekFrom::Start(0))
                .map_err(|e| ImportError::Read(e.to_string()))?;
            Ok(plain(input, name))
        }
        Some(Compression::Zip) => {
            input
                .seek(io::SeekFrom::Start(0))
                .map_err(|e| ImportError::Read(e.to_string()))?;
            let zip = ZipArchive::new(input)
                .map_err(|e| damaged(&e, format!("the zip archive {name}")))?;
            let Some(members) = zip_members(&zip) else {
                // A spreadsheet or document: read as it is.
                let mut input = zip.into_inner();
                input
                    .seek(io::SeekFrom::Start(0))
                    .map_err(|e| ImportError::Read(e.to_string()))?;
                return Ok(plain(input, name));
            };
            let chosen = choose_member(&members, member, name)?;
            let label = member_label(&chosen, name);
            let zip = archive.insert(zip);
            let file = zip
                .by_name(&chosen)
                .map_err(|e| damaged(&e, format!("the zip archive {name}")))?;
            Ok(Opened {
                reader: Box::new(ZipMemberReader {
                    inner: file,
                    label: label.clone(),
                }),
                label: Some(label),
                inner_name: chosen.clone(),
                members,
                member: Some(chosen),
            })
        }
        None => Ok(plain(head.chain(input), name)),
    }
}

fn plain<'a, R: Read + 'a>(input: R, name: &str) -> Opened<'a> {
    Opened {
        reader: Box::new(input),
        label: None,
        inner_name: name.to_owned(),
        members: Vec::new(),
        member: None,
    }
}

/// A gzip stream whose errors say it is the gzip file that is damaged.
struct GzipReader<R> {
    inner: MultiGzDecoder<R>,
    name: String,
}

impl<R: Read> GzipReader<R> {
    fn new(inner: R, name: &str) -> Self {
        Self {
            inner: MultiGzDecoder::new(inner),
            name: name.to_owned(),
        }
    }
}

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the gzip file {} is damaged or cut short ({e})", self.name),
            )
        })
    }
}

/// A zip member whose errors name it and the archive.
struct ZipMemberReader<R> {
    inner: R,
    label: String,
}

impl<R: Read> Read for ZipMemberReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is damaged or cut short ({e})", self.label),
            )
        })
    }
}

/// An input unpacked into memory (the import dialog holds its input whole).
#[derive(Clone, Debug)]
pub struct Unpacked {
    pub bytes: Vec<u8>,
    pub label: String,
    pub inner_name: String,
    pub members: Vec<String>,
    pub member: Option<String>,
}

/// `bytes` unpacked, or `None` when they are not compressed (or are a spreadsheet). At
/// most [`MAX_IMPORT_BYTES`] are unpacked; more is an error naming the archive.
pub fn unpack(
    bytes: &[u8],
    name: &str,
    member: Option<&str>,
) -> Result<Option<Unpacked>, ImportError> {
    if compression_of(bytes).is_none() {
        return Ok(None);
    }
    // All of the bytes are the head, and the rest (the cursor at their end) is empty.
    let mut rest = io::Cursor::new(bytes);
    rest.set_position(bytes.len() as u64);
    let mut archive = None;
    let opened = open(rest, bytes, name, member, &mut archive)?;
    let Some(label) = opened.label else {
        return Ok(None);
    };
    let mut out = Vec::new();
    opened
        .reader
        .take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| ImportError::Read(e.to_string()))?;
    if out.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_large(&label));
    }
    check_member_kind(&out, &label)?;
    Ok(Some(Unpacked {
        bytes: out,
        label,
        inner_name: opened.inner_name,
        members: opened.members,
        member: opened.member,
    }))
}

/// The error for an archive that unpacks to more than Detente imports.
pub fn too_large(label: &str) -> ImportError {
    ImportError::Format(format!(
        "{label} unpacks to more than {MAX_IMPORT_BYTES} bytes (1 GiB), the most Detente imports at once; split it into smaller files"
    ))
}

/// A member that is itself a spreadsheet or an archive is not read through the archive.
pub fn check_member_kind(head: &[u8], label: &str) -> Result<(), ImportError> {
    let nested = head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        || head.starts_with(b"\x1F\x8B");
    if nested {
        return Err(ImportError::unsupported(
            format!("{label} is itself a spreadsheet or an archive"),
            "unzip the archive first and import that file",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in members {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn gzip_is_unpacked_and_named() {
        let packed = gzip(b"date,title\n2025-06-01,Talks\n");
        let un = unpack(&packed, "events.csv.gz", None).unwrap().unwrap();
        assert_eq!(un.bytes, b"date,title\n2025-06-01,Talks\n");
        assert_eq!(un.label, "events.csv.gz (gzip-compressed)");
        assert_eq!(un.inner_name, "events.csv");
    }

    #[test]
    fn a_cut_gzip_file_is_an_error_naming_it() {
        let mut packed = gzip(&b"date,title\n2025-06-01,Talks\n".repeat(100));
        packed.truncate(packed.len() / 2);
        let err = unpack(&packed, "events.csv.gz", None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("gzip file events.csv.gz is damaged"), "{err}");
    }

    #[test]
    fn zip_members_are_chosen_and_named() {
        let packed = zip_of(&[
            ("notes/readme.md", b"hello"),
            ("a.csv", b"x,y\n"),
            ("b.csv", b"z\n"),
        ]);
        let un = unpack(&packed, "two.zip", None).unwrap().unwrap();
        assert_eq!(un.member.as_deref(), Some("a.csv"));
        assert_eq!(un.label, "member a.csv of the zip archive two.zip");
        assert_eq!(un.members, ["a.csv", "b.csv", "notes/readme.md"]);
        let b = unpack(&packed, "two.zip", Some("b.csv")).unwrap().unwrap();
        assert_eq!(b.bytes, b"z\n");
        let err = unpack(&packed, "two.zip", Some("c.csv"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no member c.csv") && err.contains("a.csv, b.csv"),
            "{err}"
        );
    }

    #[test]
    fn a_spreadsheet_is_not_taken_for_an_archive() {
        let xlsx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<w/>"),
        ]);
        assert!(unpack(&xlsx, "book.xlsx", None).unwrap().is_none());
        let ods = zip_of(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        )]);
        assert!(unpack(&ods, "book.ods", None).unwrap().is_none());
        let nested = zip_of(&[("book.xlsx", &xlsx)]);
        let err = unpack(&nested, "book.zip", None).unwrap_err().to_string();
        assert!(
            err.contains("member book.xlsx of the zip archive book.zip is itself"),
            "{err}"
        );
    }

    #[test]
    fn a_damaged_zip_is_an_error_naming_it() {
        let mut packed = zip_of(&[("a.csv", &b"x,y\n".repeat(100))]);
        packed.truncate(packed.len() - 30);
        let err = unpack(&packed, "cut.zip", None).unwrap_err().to_string();
        assert!(err.contains("cut.zip"), "{err}");
    }
}
