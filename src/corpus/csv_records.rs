//! Reading CSV records strictly, with true line numbers, and going on after a bad one.
//!
//! The `csv` crate reads leniently: a field with an unbalanced quote runs on through the next
//! lines until some later quote closes it, so one bad row swallows the records after it and
//! credits their text to its own source. [`CsvRecords`] keeps the raw bytes of each record
//! (through `Tee`) and checks them: a quoted field must close, and its closing quote must be
//! followed by a comma or a line break (a quote inside a quoted field is written twice). A record
//! that fails is reported at the line it starts on, and reading starts again at the next line,
//! so the records after it are read as themselves. Line numbers count line feeds in the raw
//! bytes, so CRLF and LF files number their lines alike, and a quoted field with line breaks
//! moves the numbers on by its breaks.
//!
//! A record is read whole only up to a limit (the article limit plus 1 MiB). Past it, the record
//! is scanned on without being kept, until it ends or its quoting breaks: a record that ends is
//! skipped as too large, and reading goes on after it; a quoted field that never closes is
//! reported as above, and the bytes scanned past its first line are read again from an anonymous
//! temporary file, which holds only those bytes and is closed once read. Memory is bounded by
//! the limit whatever the input, and bytes to read again sit in one flat queue (`Source`).
//!
//! What it does not do: check the number of fields (rows may omit trailing columns), or reject a
//! quote inside an unquoted field (`5'10"`), which the crate reads as text.

use std::io::{self, Read};

/// The CSV reader is stopped with this error when a record runs past the limit.
#[derive(Debug, thiserror::Error)]
#[error("a CSV record runs past the limit")]
struct OverLimit;

/// What the CSV reader reads from: bytes to read again (kept bytes after a bad or long record,
/// and the temporary file of a long record), then the input itself. Reading again pushes onto
/// the front of one flat queue, so a file with many bad records nests no readers and keeps no
/// temporary file open once it has been read.
struct Source {
    again: std::collections::VecDeque<Again>,
    input: Box<dyn Read + Send>,
}

enum Again {
    Bytes(io::Cursor<Vec<u8>>),
    File(std::fs::File),
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some(part) = self.again.front_mut() {
            let n = match part {
                Again::Bytes(c) => c.read(buf)?,
                Again::File(f) => f.read(buf)?,
            };
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            self.again.pop_front();
        }
        self.input.read(buf)
    }
}

impl Source {
    /// Reads `bytes`, then `file` (from where it stands), before what was to come.
    fn read_again(&mut self, bytes: Vec<u8>, file: Option<std::fs::File>) {
        if let Some(f) = file {
            self.again.push_front(Again::File(f));
        }
        if !bytes.is_empty() {
            self.again.push_front(Again::Bytes(io::Cursor::new(bytes)));
        }
    }
}

/// A reader that keeps every byte read through it from a mark on. Once more than `limit` bytes
/// are kept, reading more fails with [`OverLimit`]. The CSV reader reads only when it has used
/// up its buffer, and the mark moves to the end of each record read, so the kept bytes are those
/// of the record being read: a record is read whole if it fits in the limit and the reader's
/// buffer (8 KiB) together.
struct Tee {
    inner: Source,
    kept: Vec<u8>,
    /// The stream offset of `kept[0]`.
    kept_from: u64,
    limit: usize,
}

impl Read for Tee {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.kept.len() > self.limit {
            return Err(io::Error::other(OverLimit));
        }
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl Tee {
    fn new(inner: Source, limit: usize) -> Tee {
        Tee {
            inner,
            kept: Vec::new(),
            kept_from: 0,
            limit,
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
        /// The 1-based line of the file.
        line: u64,
    },
    /// A record that breaks the quoting rules, starting on this line; reading goes on at the
    /// next line.
    Bad {
        /// The 1-based line of the file.
        line: u64,
        /// The rule it breaks (a quoted field never closed, text after a closing quote), or the CSV
        /// reader's message.
        detail: String,
    },
    /// A record longer than the limit, starting on this line: passed over whole, and reading
    /// goes on after it.
    TooLong {
        /// The 1-based line of the file.
        line: u64,
        /// The limit in bytes (`record_limit`).
        limit: usize,
    },
    /// The input could not be read any further.
    Failed {
        /// The 1-based line of the record being read when reading failed.
        line: u64,
        /// The read error, or why a long record could not be kept aside to be read again.
        detail: String,
    },
    /// No record left: the input has ended, or reading it failed before.
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

/// The longest record read whole when articles may have `max_article` bytes: the article, and
/// 1 MiB for the other fields.
pub fn record_limit(max_article: usize) -> usize {
    max_article.saturating_add(1 << 20)
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
    /// Reads the header; the records follow from [`CsvRecords::next`]. Records over `limit`
    /// bytes are passed over ([`record_limit`]).
    pub fn new(
        input: Box<dyn Read + Send>,
        limit: usize,
    ) -> Result<(CsvRecords, csv::ByteRecord), String> {
        let source = Source {
            again: std::collections::VecDeque::new(),
            input,
        };
        let mut r = reader(Tee::new(source, limit));
        let mut header = csv::ByteRecord::new();
        match r.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => return Err("the file is empty".into()),
            Err(e) if over_limit(&e) => {
                return Err(format!("the header runs past {limit} bytes"));
            }
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
            Err(e) if over_limit(&e) => self.pass_long(before, self.next_line, record),
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
            mut inner,
            kept: mut tail,
            kept_from,
            limit,
        } = r.into_inner();
        let from = (start.saturating_sub(kept_from) as usize).min(tail.len());
        let blank = tail[from..]
            .iter()
            .take_while(|&&b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = start + blank as u64;
        let after = match memchr::memchr(b'\n', &tail[from + blank..]) {
            Some(i) => {
                // Everything read past the bad record's first line is read again: the csv
                // reader's buffer is lost with it, but the tee kept those bytes (moved, not
                // copied).
                tail.drain(..from + blank + i + 1);
                (i + 1) as u64
            }
            // The first line goes on past the bytes read: the rest of it is read and passed
            // over.
            None => {
                let kept = (tail.len() - from - blank) as u64;
                let (passed, rest) = to_line_end(&mut inner);
                tail = rest;
                kept + passed
            }
        };
        self.base += start + after;
        self.next_start = 0;
        self.next_line = line + 1;
        inner.read_again(tail, None);
        self.reader = Some(reader(Tee::new(inner, limit)));
    }

    /// The record at stream offset `start` (file line `line`, after any line breaks) ran past
    /// the limit. It is scanned on, without being kept, to its end or to where its quoting
    /// breaks. A record that ends is passed over, and reading goes on after it; a broken one is
    /// reported, and reading goes on at the line after its first, as after any bad record. The
    /// bytes read past the kept ones go to an anonymous temporary file, to be read again.
    fn pass_long(&mut self, start: u64, line: u64, record: &mut csv::ByteRecord) -> Next {
        let Some(r) = self.reader.take() else {
            return Next::End;
        };
        let Tee {
            mut inner,
            kept,
            kept_from,
            limit,
        } = r.into_inner();
        let from = (start.saturating_sub(kept_from) as usize).min(kept.len());
        let blank = kept[from..]
            .iter()
            .take_while(|&&b| matches!(b, b'\r' | b'\n'))
            .count();
        let line = line + lines_in(&kept[from..from + blank]);
        let begin = from + blank;
        if begin == kept.len() {
            // Only blank lines (which the CSV reader skips) ran past the limit: pass over the
            // rest of them, and read the record after them as any other.
            let (passed, lines, rest) = past_blank_lines(&mut inner);
            inner.read_again(rest, None);
            self.base += kept_from + begin as u64 + passed;
            self.next_start = 0;
            self.next_line = line + lines;
            self.reader = Some(reader(Tee::new(inner, limit)));
            return self.next(record);
        }
        let in_kept = (kept.len() - begin) as u64;
        let mut scan = Scan::default();
        // The bytes after the record's first line, once that line is known to end past the kept
        // bytes, go to a temporary file: a broken record is read again from there. A record that
        // ends needs only the rest of the piece it ends in.
        let mut spill: Option<std::fs::File> = None;
        let mut outcome = scan.feed(&kept[begin..]);
        let mut buf = vec![0u8; 1 << 16];
        let (mut pos, mut last) = (in_kept, 0..0);
        while outcome.is_none() {
            let n = match inner.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return self.failed(line, e.to_string()),
            };
            outcome = scan.feed(&buf[..n]);
            if let Some(first) = scan.first_line_end.filter(|&f| f < pos + n as u64)
                && !matches!(outcome, Some(Outcome::End(_)))
            {
                let from = first.saturating_sub(pos) as usize;
                let written = match spill.as_mut() {
                    Some(f) => io::Write::write_all(f, &buf[from..n]),
                    None => tempfile::tempfile().and_then(|mut f| {
                        io::Write::write_all(&mut f, &buf[from..n])?;
                        spill = Some(f);
                        Ok(())
                    }),
                };
                if let Err(e) = written {
                    return self.failed(line, format!("cannot keep a long record aside: {e}"));
                }
            }
            last = pos as usize..pos as usize + n;
            pos += n as u64;
        }
        let (again, file, next) = match outcome.unwrap_or_else(|| scan.finish()) {
            Outcome::End(end) => {
                self.next_line = line + scan.line_feeds;
                // The record ends in the kept bytes, or in the last piece read.
                let again = if end <= in_kept {
                    kept[begin + end as usize..].to_vec()
                } else {
                    buf[(end as usize - last.start)..last.len()].to_vec()
                };
                self.base += kept_from + begin as u64 + end;
                (again, None, Next::TooLong { line, limit })
            }
            Outcome::Broken(detail) => {
                self.next_line = line + 1;
                let restart = scan.first_line_end.unwrap_or(scan.at);
                // From the line after the first: the kept bytes from there, then the temporary
                // file (which starts there, or where the kept bytes end).
                let again = kept[(begin + restart.min(in_kept) as usize)..].to_vec();
                let mut file = spill;
                if let Some(f) = file.as_mut()
                    && let Err(e) = io::Seek::seek(f, io::SeekFrom::Start(0))
                {
                    return self.failed(line, format!("cannot read a long record again: {e}"));
                }
                self.base += kept_from + begin as u64 + restart;
                let detail = detail.to_owned();
                (again, file, Next::Bad { line, detail })
            }
        };
        self.next_start = 0;
        inner.read_again(again, file);
        self.reader = Some(reader(Tee::new(inner, limit)));
        next
    }

    fn failed(&mut self, line: u64, detail: String) -> Next {
        self.reader = None;
        Next::Failed { line, detail }
    }
}

/// Reads `input` past the line breaks at its start: how many bytes they were, how many line
/// feeds, and the bytes read after them.
fn past_blank_lines(input: &mut Source) -> (u64, u64, Vec<u8>) {
    let mut buf = vec![0u8; 1 << 16];
    let (mut passed, mut lines) = (0u64, 0u64);
    loop {
        let n = match input.read(&mut buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Ok(0) | Err(_) => return (passed, lines, Vec::new()),
            Ok(n) => n,
        };
        let b = buf[..n]
            .iter()
            .take_while(|&&c| matches!(c, b'\r' | b'\n'))
            .count();
        passed += b as u64;
        lines += lines_in(&buf[..b]);
        if b < n {
            return (passed, lines, buf[b..n].to_vec());
        }
    }
}

/// Reads `input` to just after its next line feed: how many bytes that was, and the bytes read
/// after the line feed. At the end of the input, or where it cannot be read, the line ends there
/// (an error shows again on the next read).
fn to_line_end(input: &mut Source) -> (u64, Vec<u8>) {
    let mut buf = vec![0u8; 1 << 16];
    let mut passed = 0u64;
    loop {
        let n = match input.read(&mut buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Ok(0) | Err(_) => return (passed, Vec::new()),
            Ok(n) => n,
        };
        if let Some(i) = memchr::memchr(b'\n', &buf[..n]) {
            return (passed + i as u64 + 1, buf[i + 1..n].to_vec());
        }
        passed += n as u64;
    }
}

/// Whether the CSV reader stopped because a record ran past the limit.
fn over_limit(e: &csv::Error) -> bool {
    matches!(e.kind(), csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|e| e.is::<OverLimit>()))
}

const NEVER_CLOSED: &str = "a quoted field is never closed";
const TEXT_AFTER_QUOTE: &str =
    "text after the closing quote of a field (a quote inside a quoted field is written twice)";

/// Where a scan of a record's raw bytes stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum State {
    #[default]
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: it closes the field, or doubles as a quote.
    QuoteInQuoted,
    /// The quoting broke: on to the end of the line, where reading starts again.
    ToLineEnd(&'static str),
}

/// How a scanned record ended.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// At this offset (after its line break).
    End(u64),
    /// Its quoting broke (the scan has gone on to the end of the line it broke on).
    Broken(&'static str),
}

/// The quoting rules of one record, read a piece at a time: a quoted field must close, and its
/// closing quote must be followed by a comma or a line break. A line break outside quotes ends
/// the record.
#[derive(Debug, Default)]
struct Scan {
    state: State,
    /// Bytes scanned.
    at: u64,
    /// The offset just after the record's first line feed.
    first_line_end: Option<u64>,
    line_feeds: u64,
}

impl Scan {
    /// Scans the next bytes of the record; `None` until it ends or breaks.
    fn feed(&mut self, bytes: &[u8]) -> Option<Outcome> {
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                // Inside a quoted field only quotes and line feeds matter.
                State::Quoted | State::ToLineEnd(_) => {
                    let found = if self.state == State::Quoted {
                        memchr::memchr2(b'"', b'\n', &bytes[i..])
                    } else {
                        memchr::memchr(b'\n', &bytes[i..])
                    };
                    let Some(q) = found else { break };
                    i += q;
                    if bytes[i] == b'"' {
                        self.state = State::QuoteInQuoted;
                    } else {
                        self.line_feed(i);
                        if let State::ToLineEnd(detail) = self.state {
                            self.at += i as u64 + 1;
                            return Some(Outcome::Broken(detail));
                        }
                    }
                }
                _ => match (self.state, bytes[i]) {
                    (_, b @ (b'\r' | b'\n')) => {
                        if b == b'\n' {
                            self.line_feed(i);
                        }
                        self.at += i as u64 + 1;
                        return Some(Outcome::End(self.at));
                    }
                    (State::FieldStart | State::QuoteInQuoted, b'"') => self.state = State::Quoted,
                    (_, b',') => self.state = State::FieldStart,
                    (State::QuoteInQuoted, _) => self.state = State::ToLineEnd(TEXT_AFTER_QUOTE),
                    _ => self.state = State::Unquoted,
                },
            }
            i += 1;
        }
        self.at += bytes.len() as u64;
        None
    }

    fn line_feed(&mut self, i: usize) {
        self.first_line_end.get_or_insert(self.at + i as u64 + 1);
        self.line_feeds += 1;
    }

    /// The record's outcome when its input ends.
    fn finish(&self) -> Outcome {
        match self.state {
            State::Quoted => Outcome::Broken(NEVER_CLOSED),
            State::ToLineEnd(detail) => Outcome::Broken(detail),
            _ => Outcome::End(self.at),
        }
    }
}

/// Checks the quoting of one record's raw bytes.
fn check(raw: &[u8]) -> Result<(), String> {
    let mut scan = Scan::default();
    match scan.feed(raw).unwrap_or_else(|| scan.finish()) {
        Outcome::Broken(detail) => Err(detail.into()),
        Outcome::End(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(csv: &str, limit: usize) -> Vec<String> {
        let (mut r, header) =
            CsvRecords::new(Box::new(io::Cursor::new(csv.to_owned())), limit).unwrap();
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
                Next::TooLong { line, limit } => out.push(format!("{line}: over {limit}")),
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
            assert_eq!(read_all(csv, 1 << 20), *want, "{csv:?}");
        }
        // A bad record that a carriage return ends, on a line that runs on past the bytes the
        // CSV reader has read (its buffer is 8 KiB): the rest of the line is passed over, not
        // read as a record. Found by the fuzzer: the rest was read as a record of the next
        // line, whose number then passed the end of the file.
        let long = format!("id,text\n1,\"\"x\r{}\n2,two\n", "x".repeat(20_000));
        assert_eq!(
            read_all(&long, 1 << 20),
            [
                "2: bad: text after the closing quote of a field (a quote inside a quoted field is written twice)",
                "3: 2"
            ]
        );
    }

    /// A record over the limit is passed over whole when it ends, and read as a bad record when
    /// its quoting breaks, whatever the limit: the records after it are read as themselves, at
    /// their own lines, and only the limit's bytes are ever kept.
    #[test]
    fn a_record_over_the_limit_is_passed_over_and_the_next_ones_are_read() {
        // Longer than the CSV reader's buffer, which is read whole.
        let long = "x".repeat(20_000);
        let lines = "many\nlines\n".repeat(2_000);
        let cases: Vec<(String, Vec<String>)> = vec![
            // A long unquoted record, then a short one.
            (
                format!("id,text\n1,{long}\n2,two\n"),
                vec!["2: over 64".into(), "3: 2".into()],
            ),
            // A long quoted field over many lines closes: its lines are not read as records.
            (
                format!("id,text\n1,\"{lines}\"\n2,two\r\n3,three\n"),
                vec!["2: over 64".into(), "4003: 2".into(), "4004: 3".into()],
            ),
            // Never closed: the lines after its first are read as records.
            (
                format!("id,text\n1,\"open {long}\n2,two\n3,{long}\n4,four\n"),
                vec![
                    "2: bad: a quoted field is never closed".into(),
                    "3: 2".into(),
                    "4: over 64".into(),
                    "5: 4".into(),
                ],
            ),
            // Text after a closing quote, past the limit on a long first line.
            (
                format!("id,text\n1,\"{long}\"x{long}\n2,two\n"),
                vec![
                    "2: bad: text after the closing quote of a field (a quote inside a quoted field is written twice)".into(),
                    "3: 2".into(),
                ],
            ),
            // A long record at the end, without a final line break; CRLF lines.
            (
                format!("id,text\r\n0,zero\r\n1,{long}"),
                vec!["2: 0".into(), "3: over 64".into()],
            ),
        ];
        for (csv, want) in &cases {
            assert_eq!(read_all(csv, 64), *want, "{csv:?}");
            // The same file with a limit it fits in reads every record whole.
            let whole = read_all(csv, 1 << 20);
            assert!(
                !whole.iter().any(|r| r.contains(" over ")),
                "{csv:?}: {whole:?}"
            );
        }
        // Blank lines past the limit are passed over: the short record after them is read as a
        // record, at its line.
        let blank = format!("id,text\n{}2,two\n", "\n".repeat(20_000));
        assert_eq!(read_all(&blank, 64), ["20002: 2"]);
        // Many long records, each passed over: lines stay right, and nothing nests or piles up.
        let many: String = (0..200)
            .map(|i| format!("{i},{long}\n{i},\"open {long}\n"))
            .collect::<String>()
            + "end,fine\n";
        let got = read_all(&format!("id,text\n{many}"), 64);
        assert_eq!(got.len(), 401, "{:?}", &got[..4]);
        assert_eq!(got[0], "2: over 64");
        // Its quoted field runs to the next record's opening quote, with text after it.
        assert!(
            got[1].starts_with("3: bad: text after the closing quote"),
            "{}",
            got[1]
        );
        assert_eq!(got[2], "4: over 64");
        assert_eq!(got[399], "401: bad: a quoted field is never closed");
        assert_eq!(got[400], "402: end");
        // The header too is bounded.
        let header = format!("id,\"text{long}\n1,one\n");
        let err = CsvRecords::new(Box::new(io::Cursor::new(header)), 64).err();
        assert_eq!(err.as_deref(), Some("the header runs past 64 bytes"));
    }

    /// The scan that checks a record's quoting gives the same verdict read whole or a byte at a
    /// time.
    #[test]
    fn the_quoting_scan_does_not_depend_on_how_the_bytes_arrive() {
        for raw in [
            "1,\"a \"\"b\"\" c\",d\n",
            "1,\"open\nstill\n",
            "1,\"closed\"x,y\nz\n",
            "5'10\",tall\r\n",
            "\"\"\n",
        ] {
            let mut whole = Scan::default();
            let a = whole.feed(raw.as_bytes()).unwrap_or_else(|| whole.finish());
            let mut bytewise = Scan::default();
            let b = raw
                .as_bytes()
                .iter()
                .find_map(|b| bytewise.feed(std::slice::from_ref(b)))
                .unwrap_or_else(|| bytewise.finish());
            assert_eq!(a, b, "{raw:?}");
            assert_eq!(
                (whole.first_line_end, whole.line_feeds),
                (bytewise.first_line_end, bytewise.line_feeds),
                "{raw:?}"
            );
        }
    }
}
