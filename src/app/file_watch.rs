//! Has the project file changed on disk since it was opened or saved? Asked before saving
//! ("the file changed since you opened it: overwrite?") and when the window regains focus.
//!
//! A fingerprint is the length, the modification time and a hash of the contents. A
//! different length is a change without reading anything. The same length and time are
//! taken as unchanged without reading the file, because a project can be 150 MB and the
//! check runs on every focus change; a writer that keeps both exactly is vanishingly rare.
//! Otherwise (the time moved but the length did not) the contents decide, so a sync tool
//! or `git checkout` that rewrites the same bytes raises no false alarm.

use std::fs::File;
use std::hash::Hasher as _;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// What a file was when the open project was read from it or written to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileFingerprint {
    pub len: u64,
    /// `None` where the platform or file system does not record it.
    pub modified: Option<SystemTime>,
    /// A 64-bit hash of the contents ([`hash_bytes`]).
    pub hash: u64,
}

/// How the file on disk compares with a fingerprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    Unchanged,
    Changed,
    /// Deleted or moved away: saving creates it again.
    Missing,
}

/// Read in blocks of this size; large enough that system calls cost nothing next to the
/// hashing, small enough to stay in cache.
const BLOCK: usize = 64 * 1024;

/// FxHash (rustc-hash 2) of the bytes, fed block by block. Not cryptographic: it tells
/// accidental changes apart, with a 2^-64 chance of missing one, not a forger's.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for block in bytes.chunks(BLOCK) {
        hasher.write(block);
    }
    hasher.finish()
}

/// Hashes a reader in whole blocks, so the result equals [`hash_bytes`] of its contents
/// however the reads are split.
fn hash_reader(mut reader: impl io::Read) -> io::Result<(u64, u64)> {
    let mut hasher = rustc_hash::FxHasher::default();
    let mut block = vec![0; BLOCK];
    let mut len = 0u64;
    loop {
        let mut filled = 0;
        while filled < BLOCK {
            match reader.read(&mut block[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        if filled == 0 {
            break;
        }
        hasher.write(&block[..filled]);
        len += filled as u64;
        if filled < BLOCK {
            break;
        }
    }
    Ok((hasher.finish(), len))
}

/// Hashes what passes through it, in the blocks [`hash_bytes`] uses, and hands it on in
/// those blocks: a save streamed into it gets the fingerprint of its file without reading
/// the file back or holding the text. Call [`Self::finish`] at the end, which writes the
/// last, partial block.
pub struct HashingWriter<W: io::Write> {
    inner: W,
    block: Vec<u8>,
    hasher: rustc_hash::FxHasher,
    len: u64,
}

impl<W: io::Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            block: Vec::with_capacity(BLOCK),
            hasher: rustc_hash::FxHasher::default(),
            len: 0,
        }
    }

    fn pass_block(&mut self) -> io::Result<()> {
        if !self.block.is_empty() {
            self.hasher.write(&self.block);
            self.len += self.block.len() as u64;
            self.inner.write_all(&self.block)?;
            self.block.clear();
        }
        Ok(())
    }

    /// Writes what is left and returns the hash and length of everything written.
    pub fn finish(mut self) -> io::Result<(u64, u64)> {
        self.pass_block()?;
        Ok((self.hasher.finish(), self.len))
    }
}

impl<W: io::Write> io::Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = BLOCK - self.block.len();
        let taken = buf.len().min(room);
        self.block.extend_from_slice(&buf[..taken]);
        if self.block.len() == BLOCK {
            self.pass_block()?;
        }
        Ok(taken)
    }

    /// Hands on only whole blocks: a partial one waits for [`Self::finish`], so that the hash
    /// stays that of [`hash_bytes`].
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl FileFingerprint {
    /// Reads and hashes the file.
    pub fn of_file(path: &Path) -> io::Result<Self> {
        let file = File::open(path)?;
        let modified = file.metadata()?.modified().ok();
        let (hash, len) = hash_reader(file)?;
        Ok(Self {
            len,
            modified,
            hash,
        })
    }

    /// The fingerprint of a file just written through a [`HashingWriter`], from what its
    /// `finish` returned.
    pub fn of_hashed(path: &Path, (hash, len): (u64, u64)) -> io::Result<Self> {
        Ok(Self {
            len,
            modified: std::fs::metadata(path)?.modified().ok(),
            hash,
        })
    }

    /// The fingerprint of a file just written with `bytes` (no need to read it back): the
    /// time comes from the file, the rest from the bytes.
    pub fn of_written(path: &Path, bytes: &[u8]) -> io::Result<Self> {
        Ok(Self {
            len: bytes.len() as u64,
            modified: std::fs::metadata(path)?.modified().ok(),
            hash: hash_bytes(bytes),
        })
    }
}

/// Compares the file with `fingerprint` (see the module notes for when it is read).
pub fn disk_state(path: &Path, fingerprint: &FileFingerprint) -> io::Result<DiskState> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Missing),
        Err(err) => return Err(err),
    };
    if meta.len() != fingerprint.len {
        return Ok(DiskState::Changed);
    }
    let modified = meta.modified().ok();
    if modified.is_some() && modified == fingerprint.modified {
        return Ok(DiskState::Unchanged);
    }
    let now = FileFingerprint::of_file(path)?;
    Ok(
        if now.len == fingerprint.len && now.hash == fingerprint.hash {
            DiskState::Unchanged
        } else {
            DiskState::Changed
        },
    )
}

/// Whether saving over `path` would lose something written since `fingerprint` was taken
/// (or the file is gone). Errors are those of reading the file.
pub fn changed_on_disk(path: &Path, fingerprint: &FileFingerprint) -> io::Result<bool> {
    Ok(disk_state(path, fingerprint)? != DiskState::Unchanged)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;

    fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("detente-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn set_modified(path: &Path, time: SystemTime) {
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn an_untouched_file_is_unchanged() {
        let path = temp_file("same.ron", b"(title: \"a\")");
        let fp = FileFingerprint::of_file(&path).unwrap();
        assert_eq!(fp.len, 12);
        assert_eq!(fp.hash, hash_bytes(b"(title: \"a\")"));
        assert!(!changed_on_disk(&path, &fp).unwrap());
    }

    #[test]
    fn a_different_length_is_a_change() {
        let path = temp_file("longer.ron", b"one");
        let fp = FileFingerprint::of_file(&path).unwrap();
        std::fs::write(&path, b"three").unwrap();
        assert_eq!(disk_state(&path, &fp).unwrap(), DiskState::Changed);
    }

    #[test]
    fn same_length_new_time_is_decided_by_the_contents() {
        let path = temp_file("edit.ron", b"abc");
        let fp = FileFingerprint::of_file(&path).unwrap();
        let later = fp.modified.unwrap() + Duration::from_secs(10);
        // Rewritten with the same bytes (a sync tool, git checkout): no alarm.
        std::fs::write(&path, b"abc").unwrap();
        set_modified(&path, later);
        assert!(!changed_on_disk(&path, &fp).unwrap());
        // Same length, other bytes: changed.
        std::fs::write(&path, b"abd").unwrap();
        set_modified(&path, later + Duration::from_secs(1));
        assert!(changed_on_disk(&path, &fp).unwrap());
    }

    #[test]
    fn a_deleted_file_is_missing() {
        let path = temp_file("gone.ron", b"x");
        let fp = FileFingerprint::of_file(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(disk_state(&path, &fp).unwrap(), DiskState::Missing);
        assert!(changed_on_disk(&path, &fp).unwrap());
        assert!(FileFingerprint::of_file(&path).is_err());
    }

    #[test]
    fn a_written_fingerprint_matches_reading_the_file() {
        // Several blocks and a partial one, so block boundaries are exercised.
        let bytes: Vec<u8> = (0..BLOCK * 2 + 123).map(|i| (i * 7 % 251) as u8).collect();
        let path = temp_file("written.ron", &bytes);
        assert_eq!(
            FileFingerprint::of_written(&path, &bytes).unwrap(),
            FileFingerprint::of_file(&path).unwrap()
        );
    }

    /// A reader that hands out one byte at a time: short reads must not change the hash.
    struct Trickle<'a>(&'a [u8]);

    impl io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn short_reads_give_the_same_hash() {
        let bytes: Vec<u8> = (0..BLOCK + 10).map(|i| (i % 256) as u8).collect();
        assert_eq!(
            hash_reader(Trickle(&bytes)).unwrap(),
            (hash_bytes(&bytes), bytes.len() as u64)
        );
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
    }

    #[test]
    fn a_hashing_writer_gives_the_hash_of_the_bytes_however_they_come() {
        use std::io::Write as _;
        // Three blocks and a bit, written in pieces that straddle the blocks' ends.
        let bytes: Vec<u8> = (0..3 * BLOCK + 1234).map(|i| (i % 251) as u8).collect();
        for piece in [1, 7, 1000, BLOCK - 1, BLOCK + 3] {
            let mut out = Vec::new();
            let mut writer = HashingWriter::new(&mut out);
            for part in bytes.chunks(piece) {
                writer.write_all(part).unwrap();
            }
            let (hash, len) = writer.finish().unwrap();
            assert_eq!((hash, len), (hash_bytes(&bytes), bytes.len() as u64));
            assert_eq!(out, bytes);
        }
    }
}
