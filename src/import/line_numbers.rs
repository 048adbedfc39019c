//! The line a CSV record starts on, as an editor numbers it (1-based), for skip reports.
//!
//! The `csv` crate's own line count is off by one after a CRLF line end and ignores the
//! blank lines it skips, so a skipped row was reported one or more lines early. The byte
//! offset it gives for a record is exact (up to the line ends before it), so the line is
//! counted from the bytes instead.

use csv::Position;

/// Counts `\n` up to each record's start. Records come in file order, so the count carries
/// on from the previous record and a whole import costs one pass over the bytes.
pub(crate) struct LineNumbers<'a> {
    bytes: &'a [u8],
    /// Where the count stopped: a byte offset at the start of `line`, or inside it.
    offset: usize,
    line: usize,
}

impl<'a> LineNumbers<'a> {
    /// `bytes` must be what the CSV reader reads, so that its offsets index them.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line on which the record at `position` starts; 0 when the reader gave no
    /// position.
    pub(crate) fn line_of(&mut self, position: Option<&Position>) -> usize {
        let Some(position) = position else {
            return 0;
        };
        let len = self.bytes.len();
        let mut start = usize::try_from(position.byte()).map_or(len, |b| b.min(len));
        // The offset can point at the line end that closed the previous record (the `\n`
        // of a `\r\n`) or at blank lines the reader skipped: a record never starts with a
        // line end, so the record's first byte is after them.
        while start < len && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.offset {
            // Not in file order (never seen from the readers here): count from the start.
            self.offset = 0;
            self.line = 1;
        }
        // One pass over the file per import, next to parsing it: a byte loop is fast enough
        // (the compiler vectorises it) and needs no extra crate.
        #[allow(clippy::naive_bytecount)]
        let newlines = self.bytes[self.offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines;
        self.offset = start;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of every record, read as the importers read.
    fn lines_of(text: &str) -> Vec<(usize, String)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut lines = LineNumbers::new(text.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (lines.line_of(r.position()), r[0].to_owned())
            })
            .collect()
    }

    #[test]
    fn lines_are_the_editors_with_lf_and_crlf_blank_lines_and_quoted_line_breaks() {
        let text = "date,title\n2025-01-01,a\n\n\nbad,b\n\"2025\n-01-02\",c\nlast,d\n";
        let want = [
            (1, "date"),
            (2, "2025-01-01"),
            (5, "bad"),
            (6, "2025\n-01-02"),
            (8, "last"),
        ];
        let want: Vec<(usize, String)> = want.iter().map(|(l, s)| (*l, (*s).to_owned())).collect();
        assert_eq!(lines_of(text), want);
        let crlf = text.replace('\n', "\r\n");
        let want_crlf: Vec<(usize, String)> = want
            .iter()
            .map(|(l, s)| (*l, s.replace('\n', "\r\n")))
            .collect();
        assert_eq!(lines_of(&crlf), want_crlf);
    }

    #[test]
    fn no_position_is_line_zero() {
        assert_eq!(LineNumbers::new(b"a\nb").line_of(None), 0);
    }
}
