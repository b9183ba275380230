//! Reading a corpus one record at a time: folders of text files, JSONL, CSV, or standard input.
//!
//! Records come out in a fixed order (the inputs in the order given, folders walked in file-name
//! order, lines in file order), so a run is deterministic. A record that cannot be used (invalid
//! JSON, invalid UTF-8, a missing or empty text, an article over the size limit) comes out as a
//! [`Skipped`] item naming its file and line, and reading goes on.
//!
//! Files of one article (`.txt`, `.md`, `.html` ...) are decoded and read as `score` reads them
//! (a byte-order mark or `--encoding`; Markdown markup blanked; an HTML page's article
//! extracted), through `crate::input`.
//!
//! CSV fields are decoded with `--encoding` when it names an ASCII-compatible legacy encoding
//! (a spreadsheet's windows-1252 export).
//!
//! Symbolic links are followed, inside folders too; a link back to a folder above it, a folder
//! that cannot be read and a file reached a second time (given twice, or through a link) are
//! each skipped and counted, and reading goes on.
//!
//! What it does not do: decode JSONL (JSON is UTF-8) or UTF-16 CSV, replace invalid bytes (a
//! record with them is skipped), or read compressed files. A JSONL line longer than the size
//! limit is skipped without being held in memory; a CSV record is read whole before its size is
//! checked.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::csv_records::{CsvRecords, Next};
pub use crate::input::record::{Fields, SkipReason};
pub(crate) use crate::input::record::{JsonFields, is_blank, json_fields};

/// Which reader to use for an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One article per file: text, Markdown or an HTML page, decoded and read as `score` reads
    /// it (`crate::input`).
    Text,
    /// One JSON object per line.
    Jsonl,
    /// A header row and one article per row.
    Csv,
}

impl InputFormat {
    /// The format `--input-format` names: `txt` or `text`, `jsonl` or `ndjson`, `csv`; `None` for
    /// any other name.
    pub fn parse(s: &str) -> Option<InputFormat> {
        Some(match s {
            "txt" | "text" => InputFormat::Text,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            _ => return None,
        })
    }

    /// The format a file name implies (`None` for an extension framelens does not read).
    pub fn of_path(p: &Path) -> Option<InputFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" => InputFormat::Text,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            _ => return None,
        })
    }
}

/// What to read and how.
#[derive(Clone, Debug)]
pub struct InputConfig {
    /// Files, folders, or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Force one reader for every file (otherwise chosen by extension; standard input is JSONL).
    pub format: Option<InputFormat>,
    /// The JSONL field or CSV column names of a record's parts (`--id-field` ...).
    pub fields: Fields,
    /// The source of every record, whatever the input says.
    pub source: Option<String>,
    /// Raw source (field value, folder or file name) -> source name.
    pub source_map: BTreeMap<String, String>,
    /// `--dates`: the date of each file of one article, by its record id (the path within the
    /// folder given, as `--hits` writes it) or by its path as given. It comes before the date the
    /// file declares and the date in its name ([`date_in_name`]).
    pub dates: BTreeMap<String, String>,
    /// Articles longer than this many bytes are skipped.
    pub max_bytes: usize,
    /// `--encoding`: the encoding of text, Markdown and HTML files without a byte-order mark.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--timeout`: an HTML file whose article takes longer to read is skipped (`too_large`);
    /// `None` reads every page to the end.
    pub html_deadline: Option<std::time::Duration>,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            paths: Vec::new(),
            format: None,
            fields: Fields::default(),
            source: None,
            source_map: BTreeMap::new(),
            dates: BTreeMap::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            encoding: None,
            html_deadline: Some(crate::input::fetch::DEFAULT_TIMEOUT),
        }
    }
}

/// The default size limit of one article: 2 MiB, some forty times a long news feature.
pub const DEFAULT_MAX_BYTES: usize = 2 << 20;

/// Where a record came from: a file and, for JSONL and CSV, a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file as given or found in a folder (`<stdin>` for standard input).
    pub file: String,
    /// The 1-based line the record starts on (JSONL, CSV) or a problem was found on; `None` when
    /// the whole file is meant (a file of one article, a folder).
    pub line: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// One article of the corpus.
#[derive(Clone, Debug)]
pub struct Record {
    /// The id field or column, else `FILE:LINE`; for a file of one article, its path below the
    /// folder given (or its path as given).
    pub id: String,
    /// The outlet: `--source`, else the source field or column, else the file's place (folder or
    /// file name), renamed by `--source-map`.
    pub source: String,
    /// The date as written in the record.
    pub date: Option<String>,
    /// `YYYY-MM`, when the date could be read.
    pub month: Option<String>,
    /// The headline; `None` when missing or blank.
    pub title: Option<String>,
    /// The text field or column, or a file's text as read (decoded, Markdown blanked, an HTML
    /// page's article extracted). Blank only when the record has a title.
    pub text: String,
    /// The story the record belongs to (`--story-field`), unless blank.
    pub story: Option<String>,
    /// Where the record was read.
    pub origin: Origin,
}

/// A record that could not be used.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// Where the record, file or folder is.
    pub origin: Origin,
    /// Why it was skipped: its key counts it under `skipped` in the summary.
    pub reason: SkipReason,
    /// What is wrong, as shown after `skipped: ` on standard error.
    pub detail: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.origin, self.detail)
    }
}

/// What the reader yields.
#[derive(Debug)]
pub enum Item {
    /// A record to analyse.
    Record(Record),
    /// A record, file or folder that could not be used: counted and reported.
    Skipped(Skipped),
}

impl Item {
    /// Input bytes this item accounts for (for progress).
    pub fn bytes(&self) -> usize {
        match self {
            Item::Record(r) => r.text.len() + r.title.as_ref().map_or(0, String::len),
            Item::Skipped(_) => 0,
        }
    }
}

/// An input that cannot be opened at all (a missing file or folder): the run stops.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct InputError {
    /// The input as given.
    pub path: String,
    /// Why it cannot be opened (`no such file or folder`, `permission denied`, or the system's
    /// message).
    pub reason: String,
}

/// One file to read, with how to read it and where its source comes from.
#[derive(Clone, Debug)]
struct Unit {
    path: PathBuf,
    format: InputFormat,
    /// The source implied by the file's place (folder name or file stem).
    place_source: String,
    len: u64,
    /// The bytes of an input held in memory ([`Reader::from_memory`]): read from here, not
    /// from `path`, which only names it.
    memory: Option<Vec<u8>>,
    /// Why it cannot be read, found while planning (an unreadable folder, a link loop, a file
    /// given twice): it comes out as one skipped item.
    problem: Option<(SkipReason, String)>,
}

impl Unit {
    fn problem(path: &Path, reason: SkipReason, detail: String) -> Unit {
        Unit {
            path: path.to_path_buf(),
            format: InputFormat::Text,
            place_source: String::new(),
            len: 0,
            memory: None,
            problem: Some((reason, detail)),
        }
    }
}

/// Files already planned, by device and inode, with the path they were first reached by.
#[derive(Default)]
struct Seen(std::collections::HashMap<(u64, u64), PathBuf>);

impl Seen {
    /// `None` for a file not seen before; otherwise the unit that skips it.
    fn again(&mut self, path: &Path, meta: &std::fs::Metadata) -> Option<Unit> {
        let id = crate::output::file_id(meta)?;
        match self.0.get(&id) {
            Some(first) => Some(Unit::problem(
                path,
                SkipReason::Duplicate,
                format!("the same file as {}; read once", shown(first)),
            )),
            None => {
                self.0.insert(id, path.to_path_buf());
                None
            }
        }
    }
}

/// Expands the configured paths into files, checking that each exists. Returns the files and
/// their total size in bytes (`None` when standard input is among them). Links are followed, in
/// folders too; a folder that cannot be read, a link that loops back to a folder above it and a
/// file reached a second time become skipped units, and the run goes on.
fn plan(c: &InputConfig) -> Result<(Vec<Unit>, Option<u64>), InputError> {
    let mut units = Vec::new();
    let mut total = Some(0u64);
    let mut seen = Seen::default();
    for p in &c.paths {
        if p == Path::new("-") {
            units.push(Unit {
                path: p.clone(),
                format: c.format.unwrap_or(InputFormat::Jsonl),
                place_source: "stdin".into(),
                len: 0,
                memory: None,
                problem: None,
            });
            total = None;
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| InputError {
            path: p.display().to_string(),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            for u in plan_folder(c, p, &mut seen) {
                total = total.map(|t| t + u.len);
                units.push(u);
            }
        } else if let Some(again) = seen.again(p, &meta) {
            units.push(again);
        } else {
            let format = c
                .format
                .or_else(|| InputFormat::of_path(p))
                .unwrap_or(InputFormat::Text);
            let place_source = match format {
                InputFormat::Text => p.parent().map(name_of).unwrap_or_default(),
                _ => stem_of(p),
            };
            total = total.map(|t| t + meta.len());
            units.push(Unit {
                path: p.clone(),
                format,
                place_source,
                len: meta.len(),
                memory: None,
                problem: None,
            });
        }
    }
    Ok((units, total))
}

/// The units of folder `root`, walked in file-name order, links followed (walkdir detects a
/// link back to a folder above it).
fn plan_folder(c: &InputConfig, root: &Path, seen: &mut Seen) -> Vec<Unit> {
    let root_name = name_of(root);
    let mut found = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(root);
                // A link to nothing: passed over when hidden (an editor's lock file, `.#a.txt`)
                // or not named as an input, otherwise named (a moved target).
                if e.loop_ancestor().is_none()
                    && std::fs::symlink_metadata(at).is_ok_and(|m| m.file_type().is_symlink())
                {
                    let hidden = at
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    if !hidden && (c.format.is_some() || InputFormat::of_path(at).is_some()) {
                        let to = std::fs::read_link(at).unwrap_or_default();
                        found.push(Unit::problem(
                            at,
                            SkipReason::Unreadable,
                            format!("a link to {}, which does not exist", to.display()),
                        ));
                    }
                    continue;
                }
                let detail = match (e.loop_ancestor(), e.io_error()) {
                    (Some(up), _) => format!(
                        "a link back to the folder {} above it; not followed",
                        shown(up)
                    ),
                    (None, Some(io)) => format!("cannot read the folder: {}", io_reason(io)),
                    (None, None) => e.to_string(),
                };
                found.push(Unit::problem(at, SkipReason::Unreadable, detail));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let format = match c.format {
            Some(f) => f,
            None => match InputFormat::of_path(path) {
                Some(f) => f,
                None => continue,
            },
        };
        let Ok(meta) = entry.metadata() else {
            found.push(Unit::problem(
                path,
                SkipReason::Unreadable,
                "cannot read the file's metadata".into(),
            ));
            continue;
        };
        if let Some(again) = seen.again(path, &meta) {
            found.push(again);
            continue;
        }
        // The first folder below the root names the source; files directly in the root take
        // the root's name.
        let rel = path.strip_prefix(root).unwrap_or(path);
        let mut comps = rel.components();
        let first = comps.next();
        let place_source = match (first, comps.next()) {
            (Some(dir), Some(_)) => dir.as_os_str().to_string_lossy().into_owned(),
            _ if format == InputFormat::Text => root_name.clone(),
            _ => stem_of(path),
        };
        found.push(Unit {
            path: path.to_path_buf(),
            format,
            place_source,
            len: meta.len(),
            memory: None,
            problem: None,
        });
    }
    found
}

fn name_of(p: &Path) -> String {
    let p = if p.as_os_str().is_empty() || p == Path::new(".") {
        std::env::current_dir().unwrap_or_else(|_| p.to_path_buf())
    } else {
        p.to_path_buf()
    };
    p.file_name()
        .map_or_else(|| "corpus".into(), |n| n.to_string_lossy().into_owned())
}

fn stem_of(p: &Path) -> String {
    p.file_stem()
        .map_or_else(|| "corpus".into(), |n| n.to_string_lossy().into_owned())
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads every record of a corpus, in order.
pub struct Reader {
    config: InputConfig,
    units: std::vec::IntoIter<Unit>,
    current: Option<Current>,
    total_bytes: Option<u64>,
    /// Input bytes read so far, in finished files and the current one.
    consumed: u64,
    /// Bytes of files already finished.
    finished: u64,
}

enum Current {
    Lines {
        unit: Unit,
        input: Box<dyn BufRead + Send>,
        line: u64,
        buf: Vec<u8>,
    },
    Csv {
        unit: Unit,
        reader: Box<CsvRecords>,
        columns: CsvColumns,
        record: csv::ByteRecord,
    },
}

struct CsvColumns {
    id: Option<usize>,
    source: Option<usize>,
    date: Option<usize>,
    title: Option<usize>,
    story: Option<usize>,
    text: usize,
}

impl Reader {
    /// Checks that every input exists and plans the reading.
    pub fn new(config: InputConfig) -> Result<Reader, InputError> {
        let (units, total_bytes) = plan(&config)?;
        Ok(Reader {
            config,
            units: units.into_iter(),
            current: None,
            total_bytes,
            consumed: 0,
            finished: 0,
        })
    }

    /// A reader of records held in memory rather than in files: `bytes` in `format` (JSONL or
    /// CSV; text is one article), named `name` in skip messages and, for records with no source
    /// field, as their source. `config.paths` is not read. This is how the Python package reads
    /// a partition of records, so that its counts are the command line's.
    pub fn from_memory(
        config: InputConfig,
        name: &str,
        bytes: Vec<u8>,
        format: InputFormat,
    ) -> Reader {
        let len = bytes.len() as u64;
        let unit = Unit {
            path: PathBuf::from(name),
            format,
            place_source: name.to_owned(),
            len,
            memory: Some(bytes),
            problem: None,
        };
        Reader {
            config,
            units: vec![unit].into_iter(),
            current: None,
            total_bytes: Some(len),
            consumed: 0,
            finished: 0,
        }
    }

    /// Input bytes read so far (file bytes, markup included).
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Total size of the input files, when known (not for standard input).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// The ids of the `--dates` manifest that name no file of one article in this run (by its
    /// id or by its path as shown), sorted. A record of a JSONL or CSV file
    /// carries its own date, so a manifest does not date it.
    pub fn unmatched_dates(&self) -> Vec<&str> {
        if self.config.dates.is_empty() {
            return Vec::new();
        }
        let mut known = std::collections::HashSet::new();
        for unit in self.units.as_slice() {
            if unit.format != InputFormat::Text || unit.problem.is_some() {
                continue;
            }
            let shown = shown(&unit.path);
            if let Some(rel) = self.below(&unit.path) {
                known.insert(rel.display().to_string());
            }
            known.insert(shown);
        }
        self.config
            .dates
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(*id))
            .collect()
    }

    /// A file's path below the folder the user named that holds it: the id of its record, and
    /// where a date in a name is looked for (not in the folders above, which depend on how the
    /// path was typed). `None` for a file given by itself: it is its own name.
    fn below<'p>(&self, path: &'p Path) -> Option<&'p Path> {
        path.strip_prefix(
            self.config
                .paths
                .iter()
                .find(|p| path.starts_with(p) && p.is_dir())
                .map_or(Path::new(""), |p| p.as_path()),
        )
        .ok()
        .filter(|rel| !rel.as_os_str().is_empty() && *rel != path)
    }

    fn source(&self, raw: Option<&str>, unit: &Unit) -> String {
        if let Some(s) = &self.config.source {
            return s.clone();
        }
        let raw = raw
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(&unit.place_source);
        self.config
            .source_map
            .get(raw)
            .cloned()
            .unwrap_or_else(|| raw.to_owned())
    }

    fn open(&mut self, mut unit: Unit) -> Option<Item> {
        self.finished = self.consumed;
        if unit.format == InputFormat::Text {
            self.consumed += unit.len;
        }
        let shown = shown(&unit.path);
        if let Some((reason, detail)) = unit.problem {
            return Some(skip(&shown, None, reason, detail));
        }
        let input: Box<dyn Read + Send> = if let Some(bytes) = unit.memory.take() {
            Box::new(io::Cursor::new(bytes))
        } else if unit.path == Path::new("-") {
            Box::new(io::stdin())
        } else {
            match File::open(&unit.path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    return Some(Item::Skipped(Skipped {
                        origin: Origin {
                            file: shown,
                            line: None,
                        },
                        reason: SkipReason::Unreadable,
                        detail: format!("cannot open: {}", io_reason(&e)),
                    }));
                }
            }
        };
        match unit.format {
            InputFormat::Text => Some(self.text_file(unit, input)),
            InputFormat::Jsonl => {
                self.current = Some(Current::Lines {
                    unit,
                    input: Box::new(BufReader::with_capacity(1 << 16, input)),
                    line: 0,
                    buf: Vec::new(),
                });
                None
            }
            InputFormat::Csv => {
                let (reader, headers) = match CsvRecords::new(
                    input,
                    super::csv_records::record_limit(self.config.max_bytes),
                ) {
                    Ok((r, h)) => (Box::new(r), h),
                    Err(e) => return Some(skip(&shown, Some(1), SkipReason::InvalidCsv, e)),
                };
                let find = |name: &str| {
                    headers
                        .iter()
                        .position(|h| String::from_utf8_lossy(h).trim() == name)
                };
                let f = &self.config.fields;
                let Some(text) = find(&f.text) else {
                    return Some(skip(
                        &shown,
                        Some(1),
                        SkipReason::MissingText,
                        format!("no column named '{}' in the header: the whole file", f.text),
                    ));
                };
                let columns = CsvColumns {
                    id: find(&f.id),
                    source: find(&f.source),
                    date: find(&f.date),
                    title: find(&f.title),
                    story: f.story.as_deref().and_then(find),
                    text,
                };
                self.current = Some(Current::Csv {
                    unit,
                    reader,
                    columns,
                    record: csv::ByteRecord::new(),
                });
                None
            }
        }
    }

    fn text_file(&self, unit: Unit, mut input: Box<dyn Read + Send>) -> Item {
        let shown = shown(&unit.path);
        let max = self.config.max_bytes;
        if unit.len > max as u64 {
            return skip(
                &shown,
                None,
                SkipReason::TooLarge,
                format!("{} bytes, over the limit of {max}", unit.len),
            );
        }
        let mut bytes = Vec::new();
        if let Err(e) = input.by_ref().take(max as u64 + 1).read_to_end(&mut bytes) {
            return skip(&shown, None, SkipReason::Unreadable, io_reason(&e));
        }
        if bytes.len() > max {
            return skip(
                &shown,
                None,
                SkipReason::TooLarge,
                format!("over the limit of {max} bytes"),
            );
        }
        // Decoded (a byte-order mark, or --encoding) and read by kind (.md, .html) as `score`
        // reads a file.
        use crate::input::{self, Problem, decode::DecodeError};
        let hints = input::decode::Hints {
            declared: self.config.encoding,
            ..Default::default()
        };
        let page = match input::decode_as(
            bytes,
            None,
            input::Format::of_path(&unit.path),
            hints,
            false,
        )
        .map_err(Problem::from)
        .and_then(|d| input::article_page(d.text, d.format, None, self.config.html_deadline))
        {
            Ok(p) => p,
            Err(Problem::Decode(DecodeError::Invalid {
                encoding, at, line, ..
            })) => {
                return skip(
                    &shown,
                    Some(line as u64),
                    SkipReason::InvalidUtf8,
                    format!("not valid {encoding} at byte {at}"),
                );
            }
            Err(p) => {
                let reason = match p {
                    Problem::Decode(DecodeError::Binary { .. }) => SkipReason::Binary,
                    Problem::Html(input::html::HtmlError::ReaderFailed) => {
                        SkipReason::AnalysisFailed
                    }
                    // A page too big, too deep or too slow to read.
                    Problem::Html(ref e) if *e != input::html::HtmlError::NoArticle => {
                        SkipReason::TooLarge
                    }
                    _ => SkipReason::EmptyText,
                };
                return skip(&shown, None, reason, p.to_string());
            }
        };
        let below = self.below(&unit.path);
        let id = below.map_or_else(|| shown.clone(), |rel| rel.display().to_string());
        let named = below.or_else(|| unit.path.file_name().map(Path::new));
        let date = self
            .config
            .dates
            .get(&id)
            .or_else(|| self.config.dates.get(&shown))
            .cloned()
            .or(page.published)
            .or_else(|| named.and_then(date_in_name));
        Item::Record(Record {
            id,
            source: self.source(None, &unit),
            month: date.as_deref().and_then(month_of),
            date,
            title: None,
            text: page.text,
            // A file of its own has no story field.
            story: None,
            origin: Origin {
                file: shown,
                line: None,
            },
        })
    }

    /// The next JSONL line of the current file, or `None` at its end.
    fn next_line(&mut self) -> Option<Item> {
        let max = self.config.max_bytes;
        let Some(Current::Lines {
            unit,
            input,
            line,
            buf,
        }) = &mut self.current
        else {
            return None;
        };
        loop {
            buf.clear();
            *line += 1;
            let (n, too_long) = match read_line_bounded(input.as_mut(), buf, max) {
                Ok(r) => r,
                Err(e) => {
                    let item = skip(
                        &shown(&unit.path),
                        Some(*line),
                        SkipReason::Unreadable,
                        format!(
                            "read error, the rest of the file is skipped: {}",
                            io_reason(&e)
                        ),
                    );
                    self.current = None;
                    return Some(item);
                }
            };
            if n == 0 {
                self.current = None;
                return None;
            }
            self.consumed += n as u64;
            let file = shown(&unit.path);
            if too_long {
                return Some(skip(
                    &file,
                    Some(*line),
                    SkipReason::TooLarge,
                    format!("a line of {n} bytes, over the limit of {max}"),
                ));
            }
            let body = trim_line_end(buf);
            if body.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (unit, line) = (unit.clone(), *line);
            let text = match std::str::from_utf8(body) {
                Ok(t) => t.to_owned(),
                Err(e) => {
                    let at = e.valid_up_to();
                    return Some(skip(
                        &file,
                        Some(line),
                        SkipReason::InvalidUtf8,
                        format!("not valid UTF-8 at column {}", at + 1),
                    ));
                }
            };
            return Some(self.json_record(&unit, line, &text));
        }
    }

    fn json_record(&self, unit: &Unit, line: u64, json: &str) -> Item {
        match json_fields(json, &self.config.fields) {
            Ok(r) => self.finish(unit, Some(line), r),
            Err((reason, detail)) => skip(&shown(&unit.path), Some(line), reason, detail),
        }
    }

    fn finish(&self, unit: &Unit, line: Option<u64>, f: JsonFields) -> Item {
        let file = shown(&unit.path);
        let max = self.config.max_bytes;
        let size = f.text.len() + f.title.as_ref().map_or(0, String::len);
        if size > max {
            return skip(
                &file,
                line,
                SkipReason::TooLarge,
                format!("an article of {size} bytes, over the limit of {max}"),
            );
        }
        if is_blank(&f.text) && f.title.is_none() {
            return skip(
                &file,
                line,
                SkipReason::EmptyText,
                "the text is empty".into(),
            );
        }
        let date = f
            .date
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        Item::Record(Record {
            id: f
                .id
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| format!("{}:{}", file, line.unwrap_or(0))),
            source: self.source(f.source.as_deref(), unit),
            month: date.as_deref().and_then(month_of),
            date,
            title: f.title,
            text: f.text,
            story: f
                .story
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
            origin: Origin { file, line },
        })
    }

    fn next_csv(&mut self) -> Option<Item> {
        let legacy = self
            .config
            .encoding
            .filter(|e| e.is_ascii_compatible() && *e != encoding_rs::UTF_8);
        let Some(Current::Csv {
            unit,
            reader,
            columns,
            record,
        }) = &mut self.current
        else {
            return None;
        };
        let file = shown(&unit.path);
        match reader.next(record) {
            Next::End => {
                self.current = None;
                None
            }
            Next::Failed { line, detail } => {
                self.current = None;
                Some(skip(
                    &file,
                    Some(line),
                    SkipReason::InvalidCsv,
                    format!("invalid CSV: {detail}; the rest of the file is skipped"),
                ))
            }
            Next::Bad { line, detail } => Some(skip(
                &file,
                Some(line),
                SkipReason::InvalidCsv,
                format!("invalid CSV: {detail}; reading goes on at the next line"),
            )),
            Next::TooLong { line, limit } => Some(skip(
                &file,
                Some(line),
                SkipReason::TooLarge,
                format!("a CSV record of over {limit} bytes; reading goes on after it"),
            )),
            Next::Record { line } => {
                self.consumed = self.finished + reader.byte();
                let line = Some(line);
                let mut fields = Vec::with_capacity(6);
                for col in [
                    columns.id,
                    columns.source,
                    columns.date,
                    columns.title,
                    columns.story,
                    Some(columns.text),
                ] {
                    match csv_field(col.and_then(|c| record.get(c)), col, legacy) {
                        Ok(v) => fields.push(v),
                        Err((reason, detail)) => return Some(skip(&file, line, reason, detail)),
                    }
                }
                let unit = unit.clone();
                let mut it = fields.into_iter();
                let (id, source, date, title, story) = (
                    it.next().flatten(),
                    it.next().flatten(),
                    it.next().flatten(),
                    it.next().flatten(),
                    it.next().flatten(),
                );
                let Some(text) = it.next().flatten() else {
                    return Some(skip(
                        &file,
                        line,
                        SkipReason::MissingText,
                        format!("no '{}' column in this row", self.config.fields.text),
                    ));
                };
                let title = title.filter(|t| !is_blank(t));
                let fields = JsonFields {
                    id,
                    source,
                    date,
                    title,
                    text,
                    story,
                };
                Some(self.finish(&unit, line, fields))
            }
        }
    }
}

/// One CSV field as text: decoded from `legacy` (--encoding) when given, else read as UTF-8. An
/// error is the reason to skip the record and its message; `col` is the field's column.
fn csv_field(
    bytes: Option<&[u8]>,
    col: Option<usize>,
    legacy: Option<&'static encoding_rs::Encoding>,
) -> Result<Option<String>, (SkipReason, String)> {
    let column = col.unwrap_or(0) + 1;
    match (bytes, legacy) {
        (None, _) => Ok(None),
        // --encoding: a legacy CSV (a spreadsheet's export) is decoded field by field; its
        // commas, quotes and line breaks are ASCII in every such encoding.
        (Some(b), Some(enc)) => match enc.decode_without_bom_handling_and_without_replacement(b) {
            Some(s) => Ok(Some(s.into_owned())),
            None => Err((
                SkipReason::InvalidUtf8,
                format!("not valid {} in column {column}", enc.name()),
            )),
        },
        (Some(b), None) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Some(s.to_owned())),
            Err(e) => Err((
                SkipReason::InvalidUtf8,
                format!(
                    "not valid UTF-8 in column {column} at byte {}",
                    e.valid_up_to()
                ),
            )),
        },
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let item = match &self.current {
                Some(Current::Lines { .. }) => self.next_line(),
                Some(Current::Csv { .. }) => self.next_csv(),
                None => {
                    let unit = self.units.next()?;
                    self.open(unit)
                }
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

fn shown(p: &Path) -> String {
    if p == Path::new("-") {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

fn skip(file: &str, line: Option<u64>, reason: SkipReason, detail: String) -> Item {
    Item::Skipped(Skipped {
        origin: Origin {
            file: file.to_owned(),
            line,
        },
        reason,
        detail,
    })
}

fn trim_line_end(buf: &[u8]) -> &[u8] {
    let mut b = buf;
    if let [rest @ .., b'\n'] = b {
        b = rest;
    }
    if let [rest @ .., b'\r'] = b {
        b = rest;
    }
    b
}

/// Reads one line (up to and including `\n`) into `buf`, keeping at most `max + 2` bytes: a
/// longer line is consumed to its end but not kept. Returns the line's length and whether it
/// was too long.
fn read_line_bounded(
    input: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    let mut n = 0usize;
    let mut too_long = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((n, too_long));
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        n += take;
        if !too_long {
            // A JSON line carries quoting and field names besides the article: allow for them.
            if n > max.saturating_mul(2).saturating_add(4096) {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        input.consume(take);
        if done {
            return Ok((n, too_long));
        }
    }
}

/// A date in a file's name, or else in the name of a folder on `path` (nearest first; the
/// caller gives the path below the folder the user named):
/// `2024-12-03`, `2024_12_03`, `2024.12.03` or `20241203`, between digits' ends, that is a day of
/// the calendar from 1900 to 2099. Given as `YYYY-MM-DD`. A file of one article is dated by the
/// `--dates` manifest, else by the date it declares (an HTML page's `<meta>` tags or JSON-LD, a
/// Markdown file's front matter), else by this; without any, it is `undated`.
pub fn date_in_name(path: &Path) -> Option<String> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[^0-9])((?:19|20)[0-9]{2})([-_.]?)([0-9]{2})([-_.]?)([0-9]{2})(?:[^0-9]|$)",
        )
        .expect("a valid pattern")
    });
    let names = path
        .file_stem()
        .into_iter()
        .chain(path.parent().into_iter().flat_map(|p| p.iter().rev()));
    for name in names {
        let name = name.to_string_lossy();
        for c in DATE.captures_iter(&name) {
            // One separator or none, the same twice.
            if c[2] != c[4] {
                continue;
            }
            let (y, m, d) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
            if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                return Some(date.to_string());
            }
        }
    }
    None
}

/// `YYYY-MM` from a date: ISO 8601 (`2024-12-03`, `2024-12`, `2024-12-03T10:00:00Z`) or
/// RFC 2822 (`Tue, 3 Dec 2024 10:00:00 +0000`).
pub fn month_of(date: &str) -> Option<String> {
    let d = date.trim();
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) {
        let m: u32 = d[5..7].parse().ok()?;
        let rest_ok = b.len() == 7
            || (b.get(7) == Some(&b'-') && digits(8..10) && {
                let day: u32 = d[8..10].parse().ok()?;
                jiff::civil::Date::new(d[..4].parse().ok()?, m as i8, day as i8).is_ok()
            });
        return ((1..=12).contains(&m) && rest_ok).then(|| d[..7].to_owned());
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(d) {
        let dt = z.datetime();
        return Some(format!("{:04}-{:02}", dt.year(), dt.month()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date in a file's or folder's name; rows where none must be found.
    #[test]
    fn dates_in_file_names() {
        let rows: &[(&str, Option<&str>)] = &[
            ("wire/2024-12-03-rebels.txt", Some("2024-12-03")),
            ("wire/20241203_ap.txt", Some("2024-12-03")),
            ("wire/ap_2024_12_03.html", Some("2024-12-03")),
            ("2024.12.03/story.md", Some("2024-12-03")),
            ("2024-12-01/2024-12-03 story.txt", Some("2024-12-03")),
            ("2024-12-01/story.txt", Some("2024-12-01")),
            ("wire/café-2024-02-29.txt", Some("2024-02-29")),
            // Not a day of the calendar, not a year of news, mixed separators, inside a longer
            // run of digits, or a month alone.
            ("wire/2023-02-29.txt", None),
            ("wire/1850-01-01.txt", None),
            ("wire/2024-12_03.txt", None),
            ("wire/id-120241203999.txt", None),
            ("2024-11/story.txt", None),
            ("wire/story.txt", None),
        ];
        for (path, want) in rows {
            assert_eq!(date_in_name(Path::new(path)).as_deref(), *want, "{path}");
        }
    }

    #[test]
    fn months_from_dates() {
        for (date, want) in [
            ("2024-12-03", Some("2024-12")),
            ("2024-12", Some("2024-12")),
            ("2024-12-03T10:00:00Z", Some("2024-12")),
            (" 2024-01-31 ", Some("2024-01")),
            ("Tue, 3 Dec 2024 10:00:00 +0000", Some("2024-12")),
            ("2024-13-01", None),
            ("2024-02-30", None),
            ("yesterday", None),
            ("", None),
            ("٢٠٢٤-١٢-٠٣", None),
        ] {
            assert_eq!(month_of(date).as_deref(), want, "{date}");
        }
    }

    #[test]
    fn bounded_lines_keep_short_lines_and_drop_long_ones() {
        let data = b"short\n0123456789012345678901234567890123456789\nlast";
        let mut input: &[u8] = data;
        let mut buf = Vec::new();
        // max 0 allows 4096 bytes of JSON overhead; use a tiny reader instead.
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 10_000).unwrap(),
            (6, false)
        );
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 10_000).unwrap(),
            (41, false)
        );
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 10_000).unwrap(),
            (4, false)
        );
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 10_000).unwrap(),
            (0, false)
        );
    }

    #[test]
    fn an_overlong_line_is_consumed_without_being_kept() {
        let long = vec![b'x'; 20_000];
        let mut data = long.clone();
        data.extend_from_slice(b"\nnext\n");
        let mut input = BufReader::with_capacity(64, &data[..]);
        let mut buf = Vec::new();
        let (n, too_long) = read_line_bounded(&mut input, &mut buf, 100).unwrap();
        assert_eq!((n, too_long), (20_001, true));
        assert!(buf.len() <= 4096 + 200 + 64);
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut input, &mut buf, 100).unwrap(),
            (5, false)
        );
        assert_eq!(buf, b"next\n");
    }
}
