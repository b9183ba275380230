//! Per-hit rows of a corpus run (`--hits out.csv` or `out.jsonl`): one row for each term and
//! each actor it describes, in a long ("tidy") shape that pandas, R and Media Cloud-style tools
//! read directly.
//!
//! A term that describes two actors ("Turkey and the United States ... occupation forces") gives
//! two rows with the same `doc_id` and `hit` number; a term linked to no actor gives one row with
//! an empty `actor`. `start`/`end` are byte offsets into the record's `field` (`title` or
//! `text`), exactly as the input gave it.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::input::Record;
use crate::analysis::Article;
use crate::output::AtomicFile;

/// One row of the hits table.
#[derive(Clone, Debug, Serialize)]
pub struct HitRow {
    /// The record's id.
    pub doc_id: String,
    /// The record's source.
    pub source: String,
    /// The record's date as written, empty when it has none.
    pub date: String,
    /// `title` or `text`: which field of the record the offsets point into.
    pub field: &'static str,
    /// The hit's number within the record (rows of one term share it).
    pub hit: usize,
    /// Byte offset where the term starts in the record's `field`, as the input gave it (for a file
    /// of one article, its text as read: decoded, Markdown blanked, an HTML page's article).
    pub start: usize,
    /// Byte offset just past the term in the same field: `field[start..end] == text`.
    pub end: usize,
    /// The term as written.
    pub text: String,
    /// Lexicon entry id.
    pub term: Arc<str>,
    /// The entry's category path (`delegitimizing/terrorism` ...).
    pub category: Arc<str>,
    /// The entry's stance, from -2 (strongly delegitimizing) to +2 (strongly legitimizing).
    pub stance: i8,
    /// The entry's kind: `label`, `act`, `attribution` or `distancing`.
    pub kind: &'static str,
    /// Actor id, empty when the term is linked to no actor.
    pub actor: String,
    /// The rule that linked the actor.
    pub link: &'static str,
    /// Whose voice the term is in: `author`, `quote`, `reported` or `scare`.
    pub voice: &'static str,
    /// The speaker as written, when the voice is not the author's; empty when none is found.
    pub speaker: String,
    /// The actor id the speaker resolves to; empty when none.
    pub speaker_actor: String,
    /// `true` when a negation or denial governs the term.
    pub negated: bool,
    /// The sentence the term is in, as evidence.
    pub sentence: Arc<str>,
    /// `true` when the row counts in its actor's stance ([`crate::Hit::counts_in_stance`]): the
    /// mean `stance` of these rows by actor and voice (`author` or not) is the stance every report
    /// shows.
    pub in_stance: bool,
}

/// The rows of one record.
pub fn rows(record: &Record, title: Option<&Article>, body: &Article) -> Vec<HitRow> {
    let mut out = Vec::new();
    let mut n = 0;
    for (field, art) in [("title", title), ("text", Some(body))] {
        let Some(art) = art else { continue };
        for h in &art.hits {
            let actors: Vec<&str> = if h.actors.is_empty() {
                vec![""]
            } else {
                h.actors.iter().map(|a| &**a).collect()
            };
            for actor in actors {
                out.push(HitRow {
                    doc_id: record.id.clone(),
                    source: record.source.clone(),
                    date: record.date.clone().unwrap_or_default(),
                    field,
                    hit: n,
                    start: h.start,
                    end: h.end,
                    text: h.text.clone(),
                    term: h.term.clone(),
                    category: h.category.clone(),
                    stance: h.stance,
                    kind: h.kind.as_str(),
                    actor: actor.to_owned(),
                    link: h.link.as_str(),
                    voice: h.voice.as_str(),
                    speaker: h.speaker.clone().unwrap_or_default(),
                    speaker_actor: h.speaker_actor.as_deref().unwrap_or_default().to_owned(),
                    negated: h.negated,
                    sentence: h.sentence_text.clone(),
                    in_stance: h.counts_in_stance(),
                });
            }
            n += 1;
        }
    }
    out
}

/// The column names, in order (the CSV header).
pub const COLUMNS: [&str; 20] = [
    "doc_id",
    "source",
    "date",
    "field",
    "hit",
    "start",
    "end",
    "text",
    "term",
    "category",
    "stance",
    "kind",
    "actor",
    "link",
    "voice",
    "speaker",
    "speaker_actor",
    "negated",
    "sentence",
    "in_stance",
];

/// Where rows go: a CSV or JSONL file, written under a temporary name beside its final name and
/// renamed into place when the run finishes (`crate::output::AtomicFile`), so an interrupted run
/// never leaves a truncated file under that name, and two runs never mix their rows.
pub struct HitWriter {
    path: PathBuf,
    sink: Option<Sink>,
    /// CSV cells are written as they are, formulas included (`--raw-csv`).
    raw: bool,
}

enum Sink {
    Csv(Box<csv::Writer<BufWriter<AtomicFile>>>),
    Jsonl(BufWriter<AtomicFile>),
}

/// A hits file that cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum HitsError {
    /// Writing failed: the system said why.
    #[error("{path}: {source}")]
    Unwritable {
        /// The hits file, as named.
        path: String,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// A name without a hits extension, or a row that CSV or JSON cannot hold.
    #[error("{path}: {reason}")]
    NotWritable {
        /// The hits file, as named.
        path: String,
        /// Why: the name's extension, or the CSV or JSON error.
        reason: String,
    },
    /// The file could not be created or moved into place, or its name is refused.
    #[error("{0}")]
    Output(#[from] crate::output::OutputError),
}

impl HitsError {
    fn io(path: &Path, source: std::io::Error) -> HitsError {
        HitsError::Unwritable {
            path: path.display().to_string(),
            source,
        }
    }

    fn not_writable(path: &Path, reason: String) -> HitsError {
        HitsError::NotWritable {
            path: path.display().to_string(),
            reason,
        }
    }

    /// A CSV error: its I/O error, when it is one, is kept.
    fn csv(path: &Path, e: csv::Error) -> HitsError {
        let reason = e.to_string();
        match e.into_kind() {
            csv::ErrorKind::Io(source) => HitsError::io(path, source),
            _ => HitsError::not_writable(path, reason),
        }
    }

    /// A JSON error: its I/O error, when it is one, is kept.
    fn json(path: &Path, e: serde_json::Error) -> HitsError {
        if e.is_io() {
            HitsError::io(path, e.into())
        } else {
            HitsError::not_writable(path, e.to_string())
        }
    }
}

/// The two formats of a hits file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitFormat {
    /// A header row, then one row per hit and actor (`.csv`).
    Csv,
    /// One JSON object per line, one per hit and actor (`.jsonl`, `.ndjson`).
    Jsonl,
}

impl HitFormat {
    /// By the extension: `.csv`, or `.jsonl` / `.ndjson` (any case).
    pub fn of(path: &Path) -> Option<HitFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(HitFormat::Csv),
            "jsonl" | "ndjson" => Some(HitFormat::Jsonl),
            _ => None,
        }
    }
}

impl HitWriter {
    /// The format follows the extension: `.csv`, or `.jsonl` / `.ndjson`. In CSV, a text cell
    /// that a spreadsheet would read as a formula is prefixed with `'` unless `raw`
    /// (`crate::output::neutralize_csv_cell`).
    pub fn create(path: &Path, raw: bool) -> Result<HitWriter, HitsError> {
        let Some(format) = HitFormat::of(path) else {
            return Err(HitsError::not_writable(
                path,
                "the hits file must end in .csv, .jsonl or .ndjson".into(),
            ));
        };
        let csv = format == HitFormat::Csv;
        let file = AtomicFile::create(path)?;
        let w = BufWriter::with_capacity(1 << 16, file);
        let sink = if csv {
            let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(w);
            w.write_record(COLUMNS)
                .map_err(|e| HitsError::csv(path, e))?;
            Sink::Csv(Box::new(w))
        } else {
            Sink::Jsonl(w)
        };
        Ok(HitWriter {
            path: path.to_owned(),
            sink: Some(sink),
            raw,
        })
    }

    /// Writes `rows` (in CSV, their risky cells are neutralized in place first, unless raw).
    pub fn write(&mut self, rows: &mut [HitRow]) -> Result<(), HitsError> {
        let path = &self.path;
        for r in rows {
            match self.sink.as_mut() {
                Some(Sink::Csv(w)) => {
                    if !self.raw {
                        r.neutralize();
                    }
                    w.serialize(&*r).map_err(|e| HitsError::csv(path, e))?;
                }
                Some(Sink::Jsonl(w)) => {
                    serde_json::to_writer(&mut *w, r).map_err(|e| HitsError::json(path, e))?;
                    w.write_all(b"\n").map_err(|e| HitsError::io(path, e))?;
                }
                None => {}
            }
        }
        Ok(())
    }

    /// Flushes and moves the file to its name.
    pub fn finish(mut self) -> Result<(), HitsError> {
        let io = |e: std::io::Error| HitsError::io(&self.path, e);
        let file = match self.sink.take() {
            Some(Sink::Csv(w)) => w
                .into_inner()
                .map_err(|e| io(e.into_error()))?
                .into_inner()
                .map_err(|e| io(e.into_error())),
            Some(Sink::Jsonl(w)) => w.into_inner().map_err(|e| io(e.into_error())),
            None => return Ok(()),
        }?;
        Ok(file.commit()?)
    }
}

impl HitRow {
    /// Makes every text cell safe for a spreadsheet, in place: only a risky cell is rewritten.
    fn neutralize(&mut self) {
        fn cell(c: &mut String) {
            if let std::borrow::Cow::Owned(safe) = crate::output::neutralize_csv_cell(c) {
                *c = safe;
            }
        }
        fn shared(c: &mut Arc<str>) {
            if let std::borrow::Cow::Owned(safe) = crate::output::neutralize_csv_cell(c) {
                *c = safe.into();
            }
        }
        for c in [
            &mut self.doc_id,
            &mut self.source,
            &mut self.date,
            &mut self.text,
            &mut self.actor,
            &mut self.speaker,
            &mut self.speaker_actor,
        ] {
            cell(c);
        }
        for c in [&mut self.term, &mut self.category, &mut self.sentence] {
            shared(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a full disk does.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_keeps_the_io_error_as_its_source() {
        let path = Path::new("hits.jsonl");
        let csv_error = csv::Error::from(std::io::Error::from_raw_os_error(28));
        let json_error = serde_json::to_writer(Full, &[1]).unwrap_err();
        let errors = [
            HitsError::csv(path, csv_error),
            HitsError::json(path, json_error),
            HitsError::io(path, std::io::Error::from_raw_os_error(28)),
        ];
        for e in errors {
            assert!(matches!(e, HitsError::Unwritable { .. }), "{e}");
            let source = std::error::Error::source(&e).expect("the io::Error");
            let io = source.downcast_ref::<std::io::Error>().unwrap();
            assert_eq!(io.raw_os_error(), Some(28));
            assert_eq!(e.to_string(), format!("hits.jsonl: {io}"));
        }
        // A name framelens refuses has no I/O error behind it.
        let e = HitWriter::create(Path::new("hits.txt"), false)
            .err()
            .unwrap();
        assert!(matches!(e, HitsError::NotWritable { .. }), "{e}");
        assert!(std::error::Error::source(&e).is_none());
    }

    #[test]
    fn the_header_names_every_field_in_order() {
        let row = HitRow {
            doc_id: "d".into(),
            source: "s".into(),
            date: String::new(),
            field: "text",
            hit: 0,
            start: 0,
            end: 1,
            text: "x".into(),
            term: "t".into(),
            category: "c".into(),
            stance: -1,
            kind: "label",
            actor: String::new(),
            link: "none",
            voice: "author",
            speaker: String::new(),
            speaker_actor: String::new(),
            negated: false,
            sentence: "x.".into(),
            in_stance: true,
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&row).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out.lines().next().unwrap(), COLUMNS.join(","));
    }
}
