//! Reading CSV records strictly, with true line numbers, and going on after a bad one.
//!
//! The `csv` crate reads leniently: a field with an unbalanced quote runs on through the next
//! lines until some later quote closes it, so one bad row swallows the records after it and
//! credits their text to its own source. [`CsvRecords`] keeps the raw bytes of each record
//! (through [`Tee`]) and checks them: a quoted field must close, and its closing quote must be
//! followed by a comma or a line break (a quote inside a quoted field is written twice). A record
//! that fails is reported at the line it starts on, and reading starts again at the next line,
//! so the records after it are read as themselves. Line numbers count line feeds in the raw
//! bytes, so CRLF and LF files number their lines alike, and a quoted field with line breaks
//! moves the numbers on by its breaks.
//!
//! What it does not do: check the number of fields (rows may omit trailing columns), or reject a
//! quote inside an unquoted field (`5'10"`), which the crate reads as text.

use std::io::{self, Read};

/// A reader that keeps every byte read through it from a mark on.
struct Tee {
    inner: Box<dyn Read + Send>,
    kept: Vec<u8>,
    /// The stream offset of `kept[0]`.
    kept_from: u64,
}

impl Read for Tee {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl Tee {
    fn new(inner: Box<dyn Read + Send>) -> Tee {
        Tee {
            inner,
            kept: Vec::new(),
            kept_from: 0,
        }
    }

    /// The kept bytes from stream offset `from` to `to` (clamped to what was kept).
    fn bytes(&self, from: u64, to: u64) -> &[u8] {
        let a = (from.saturating_sub(self.kept_from) as usize).min(self.kept.len());
        let b = (to.saturating_sub(self.kept_from) as usize).clamp(a, self.kept.len());
        &self.kept[a..b]
    }

    /// Drops the kept bytes before stream offset `at`.
    fn forget_before(&mut self, at: u64) {
        let n = (at.saturating_sub(self.kept_from) as usize).min(self.kept.len());
        self.kept.drain(..n);
        self.kept_from += n as u64;
    }
}

/// What [`CsvRecords::next`] read.
#[derive(Debug)]
pub enum Next {
    /// A record, starting on this line of the file.
    Record {
        line: u64,
    },
    /// A record that breaks the quoting rules, starting on this line; reading goes on at the
    /// next line.
    Bad {
        line: u64,
        detail: String,
    },
    /// The input could not be read any further.
    Failed {
        line: u64,
        detail: String,
    },
    End,
}

/// The records of one CSV input after its header.
pub struct CsvRecords {
    reader: Option<csv::Reader<Tee>>,
    /// The file offset where the reader's stream starts (it starts again after a bad record).
    base: u64,
    /// The stream offset after the last record read, and the file line there.
    next_start: u64,
    next_line: u64,
}

fn reader(input: Tee) -> csv::Reader<Tee> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input)
}

fn lines_in(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

impl CsvRecords {
    /// Reads the header; the records follow from [`CsvRecords::next`].
    pub fn new(input: Box<dyn Read + Send>) -> Result<(CsvRecords, csv::ByteRecord), String> {
        let mut r = reader(Tee::new(input));
        let mut header = csv::ByteRecord::new();
        match r.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => return Err("the file is empty".into()),
            Err(e) => return Err(e.to_string()),
        }
        let end = r.position().byte();
        let line = 1 + lines_in(r.get_ref().bytes(0, end));
        r.get_mut().forget_before(end);
        Ok((
            CsvRecords {
                reader: Some(r),
                base: 0,
                next_start: end,
                next_line: line,
            },
            header,
        ))
    }

    /// The file bytes read so far, for progress.
    pub fn byte(&self) -> u64 {
        self.base + self.reader.as_ref().map_or(0, |r| r.position().byte())
    }

    /// Reads the next record into `record`.
    pub fn next(&mut self, record: &mut csv::ByteRecord) -> Next {
        let Some(r) = self.reader.as_mut() else {
            return Next::End;
        };
        let before = self.next_start;
        match r.read_byte_record(record) {
            Ok(false) => {
                self.reader = None;
                Next::End
            }
            Err(e) => {
                let line = self.next_line;
                match e.kind() {
                    csv::ErrorKind::Io(_) => {
                        self.reader = None;
                        Next::Failed {
                            line,
                            detail: e.to_string(),
                        }
                    }
                    _ => {
                        self.resync(before, line);
                        Next::Bad {
                            line,
                            detail: e.to_string(),
                        }
                    }
                }
            }
            Ok(true) => {
                let end = r.position().byte();
                let tee = r.get_ref();
                // The record starts after the line ends before it (the `\n` of a `\r\n` that
                // ended the previous record comes first).
                let mut start = record.position().map_or(before, |p| p.byte());
                let lead = tee.bytes(start, end);
                start += lead
                    .iter()
                    .take_while(|&&b| matches!(b, b'\r' | b'\n'))
                    .count() as u64;
                let line = self.next_line + lines_in(tee.bytes(before, start));
                match check(tee.bytes(start, end)) {
                    Ok(()) => {
                        self.next_line = line + lines_in(tee.bytes(start, end));
                        self.next_start = end;
                        r.get_mut().forget_before(end);
                        Next::Record { line }
                    }
                    Err(detail) => {
                        self.resync(start, line);
                        Next::Bad { line, detail }
                    }
                }
            }
        }
    }

    /// Starts reading again at the line after the one where the bad record at stream offset
    /// `start` (file line `line`) begins: its other lines, and what follows, are read as records
    /// of their own.
    fn resync(&mut self, start: u64, line: u64) {
        let Some(r) = self.reader.take() else { return };
        let Tee {
            inner,
            kept: mut tail,
            kept_from,
        } = r.into_inner();
        let from = (start.saturating_sub(kept_from) as usize).min(tail.len());
        let blank = tail[from..]
            .iter()
            .take_while(|&&b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = start + blank as u64;
        let after = memchr::memchr(b'\n', &tail[from + blank..])
            .map_or(tail.len() - from - blank, |i| i + 1);
        // Everything read past the bad record's first line is read again: the csv reader's
        // buffer is lost with it, but the tee kept those bytes (moved, not copied).
        tail.drain(..from + blank + after);
        self.base += start + after as u64;
        self.next_start = 0;
        self.next_line = line + 1;
        let inner: Box<dyn Read + Send> = Box::new(io::Cursor::new(tail).chain(inner));
        self.reader = Some(reader(Tee::new(inner)));
    }
}

/// Checks the quoting of one record's raw bytes.
fn check(raw: &[u8]) -> Result<(), String> {
    let mut i = 0;
    let mut field_start = true;
    while i < raw.len() {
        let b = raw[i];
        if field_start && b == b'"' {
            // A quoted field: to its closing quote ("" is a quote inside it).
            i += 1;
            loop {
                match memchr::memchr(b'"', &raw[i..]) {
                    None => return Err("a quoted field is never closed".into()),
                    Some(q) if raw.get(i + q + 1) == Some(&b'"') => i += q + 2,
                    Some(q) => {
                        i += q + 1;
                        break;
                    }
                }
            }
            match raw.get(i) {
                None | Some(b',' | b'\r' | b'\n') => {}
                Some(_) => {
                    return Err(
                        "text after the closing quote of a field (a quote inside a quoted field is written twice)"
                            .into(),
                    );
                }
            }
            field_start = false;
            continue;
        }
        field_start = matches!(b, b',' | b'\n' | b'\r');
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(csv: &str) -> Vec<String> {
        let (mut r, header) = CsvRecords::new(Box::new(io::Cursor::new(csv.to_owned()))).unwrap();
        assert_eq!(&header[0], b"id");
        let mut out = Vec::new();
        let mut rec = csv::ByteRecord::new();
        loop {
            match r.next(&mut rec) {
                Next::Record { line } => out.push(format!(
                    "{line}: {}",
                    String::from_utf8_lossy(rec.get(0).unwrap_or_default())
                )),
                Next::Bad { line, detail } => out.push(format!("{line}: bad: {detail}")),
                Next::Failed { line, detail } => out.push(format!("{line}: failed: {detail}")),
                Next::End => return out,
            }
        }
    }

    #[test]
    fn a_bad_row_is_reported_at_its_line_and_the_next_lines_are_read() {
        let cases: &[(&str, &[&str])] = &[
            (
                "id,text\n1,\"unclosed\n2,two\n3,three\n",
                &["2: bad: a quoted field is never closed", "3: 2", "4: 3"],
            ),
            (
                "id,text\r\n1,\"open\r\n2,two\r\n3,\"bad \"quote\" inside\",x\r\n4,four\r\n",
                &[
                    "2: bad: text after the closing quote of a field (a quote inside a quoted field is written twice)",
                    "3: 2",
                    "4: bad: text after the closing quote of a field (a quote inside a quoted field is written twice)",
                    "5: 4",
                ],
            ),
            (
                "id,text\n1,\"two\nlines\"\n2,\"a \"\"quoted\"\" word\"\n\n3,x\n",
                &["2: 1", "4: 2", "6: 3"],
            ),
            ("id,text\n", &[]),
        ];
        for (csv, want) in cases {
            assert_eq!(read_all(csv), *want, "{csv:?}");
        }
    }
}
