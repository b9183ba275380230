//! Reading the articles that `score` and `compare` analyse: a file, standard input or a URL, in
//! any of the formats a user has (plain text, Markdown, an HTML page, JSON or JSONL records) and
//! any encoding encoding_rs knows, turned into the exact text the analysis sees.
//!
//! Offsets: every hit offset counts bytes of the text returned here, which `--show-text` prints.
//! For a UTF-8 text or Markdown file that is the file itself (Markdown markup is blanked to
//! spaces, keeping every byte in place); for a transcoded file it is the UTF-8 text after
//! decoding; for an HTML page, the extracted headline and paragraphs; for a record, its title, a
//! blank line and its text.
//!
//! This module owns choosing the format and putting the steps together; `decode` owns bytes
//! to text, `html` article extraction, `markdown` blanking markup, `fetch` HTTP. Corpus mode
//! has its own streaming reader (`corpus::input`), whose JSON record fields this module reuses.
//! What it does not do: analyse text, or read folders.

pub(crate) mod decode;
pub(crate) mod fetch;
#[doc(hidden)]
pub mod html;
pub(crate) mod markdown;
pub(crate) mod record;

use std::path::{Path, PathBuf};
use std::time::Duration;

use decode::Hints;
use record::{is_blank, json_fields, json_reason, object_fields};

// What this module's face needs from its private submodules: their errors, the record
// fields, the encoding labels and the fetch timeout.
pub use decode::{DecodeError, Looks, encoding_for_label};
pub use fetch::{DEFAULT_TIMEOUT, FetchError};
pub use html::HtmlError;
pub use record::Fields;

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file (or FIFO), by its path as given.
    File(PathBuf),
    /// An `http://` or `https://` URL, fetched.
    Url(String),
}

impl From<crate::budget::ReadFailure> for Problem {
    fn from(e: crate::budget::ReadFailure) -> Problem {
        use crate::budget::ReadFailure as F;
        match e {
            F::NotFound => Problem::NotFound,
            F::PermissionDenied => Problem::PermissionDenied,
            F::Directory => Problem::Directory,
            F::TooLarge { size, limit } => Problem::TooLarge { size, limit },
            e @ F::NoWriter { .. } => Problem::Io(e.to_string()),
            F::Io(e) => Problem::Io(e.to_string()),
        }
    }
}

impl Source {
    /// The file, for a file input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::File(p) => Some(p),
            _ => None,
        }
    }

    /// `-` is standard input, `http://` and `https://` are URLs, anything else a file.
    pub fn from_arg(arg: PathBuf) -> Source {
        if arg == Path::new("-") {
            return Source::Stdin;
        }
        match arg.to_str() {
            Some(s) if fetch::is_url(s) => Source::Url(s.to_owned()),
            _ => Source::File(arg),
        }
    }

    /// How messages show it: the path, `<stdin>` or the URL.
    pub fn shown(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".into(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }

    /// The name a report gives it: the file stem, `stdin`, or host and last path segment.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "stdin".into(),
            Source::File(p) => p.file_stem().map_or_else(
                || p.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            ),
            Source::Url(u) => fetch::short_name(u),
        }
    }
}

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line, the first the headline.
    Text,
    /// Text with Markdown markup blanked.
    Markdown,
    /// An article page: headline and body paragraphs extracted.
    Html,
    /// One JSON object, or an array of them, each an article record.
    Json,
    /// One JSON object per line, each an article record.
    Jsonl,
}

impl Format {
    /// The value of `--input-format`.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }

    /// The format a file name implies (`None`: plain text unless it starts like HTML).
    pub fn of_path(p: &Path) -> Option<Format> {
        let ext = p.extension()?.to_str()?;
        match ext.to_ascii_lowercase().as_str() {
            "xhtml" => Some(Format::Html),
            "markdown" => Some(Format::Markdown),
            "txt" | "text" => None,
            e => Format::parse(e),
        }
    }
}

/// How to read inputs; the defaults read UTF-8 and choose the format by name and content.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// `--encoding`: the encoding of inputs without a byte-order mark.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--lossy`: replace invalid bytes with U+FFFD instead of refusing the input.
    pub lossy: bool,
    /// `--input-format`: read every input this way.
    pub format: Option<Format>,
    /// Record fields (`--title-field`, `--text-field`; the id names a record).
    pub fields: Fields,
    /// `--timeout` for URLs.
    pub timeout: Duration,
    /// `--max-article-bytes`: a larger file (or standard input) is refused before it is read.
    pub max_bytes: u64,
}

/// The default `--max-article-bytes` of score and compare: far above any news article, and low
/// enough that the analysis of one stays within an ordinary machine (it takes about 70 bytes of
/// memory per byte of text: 7.2 GB for a 107 MB article on one line). Whole collections go
/// through `framelens corpus`.
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            lossy: false,
            format: None,
            fields: Fields::default(),
            timeout: fetch::DEFAULT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// One article, ready to analyse.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name a report uses.
    pub name: String,
    /// Where it came from, as messages show it (`FILE`, `FILE:LINE` for a JSONL record, a URL).
    pub origin: String,
    /// The text analysed: every offset in a report points into it.
    pub text: String,
}

/// What one input gave.
#[derive(Debug, Default)]
pub struct Read {
    /// The articles, in order: one, or one per record of a JSON or JSONL input.
    pub documents: Vec<Document>,
    /// Things to tell the user on standard error (bytes replaced under `--lossy`).
    pub notes: Vec<String>,
}

/// An input that could not be read, named as the user gave it.
#[derive(Debug, thiserror::Error)]
#[error("{input}: {problem}")]
pub struct ReadError {
    /// The input as messages show it, or a record's place in it (`FILE:LINE` in JSONL,
    /// `FILE (record N)` in a JSON array).
    pub input: String,
    /// What went wrong.
    pub problem: Problem,
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file does not exist.
    #[error("no such file")]
    NotFound,
    /// Reading the file is not permitted.
    #[error("permission denied")]
    PermissionDenied,
    /// The path names a directory.
    #[error("is a directory, not an article file")]
    Directory,
    /// Any other failure to read the bytes, with its message (an I/O error, or a FIFO that
    /// nothing opened for writing in time).
    #[error("{0}")]
    Io(String),
    /// The bytes could not be decoded to text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// No article text came out of an HTML page.
    #[error(transparent)]
    Html(#[from] HtmlError),
    /// A URL could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The text to analyse is blank: nothing but white space and zero-width characters.
    #[error("the article is empty")]
    Empty,
    /// Over `limit`, the byte cap (`--max-article-bytes`): `size` is the input's size in bytes when
    /// known before reading (a regular file), else `None` (standard input, a FIFO, a fetched page).
    #[error(
        "{}over the limit of {limit} bytes for one article (--max-article-bytes; \
         `framelens corpus` reads collections)",
        .size.map_or_else(String::new, |s| format!("{s} bytes, "))
    )]
    TooLarge {
        /// The input's size in bytes when known before reading; `None` otherwise.
        size: Option<u64>,
        /// The cap in bytes (`--max-article-bytes`).
        limit: u64,
    },
    /// A JSON or JSONL record that is not an article (the message of corpus mode's skip).
    #[error("{0}")]
    Record(String),
    /// A JSON or JSONL input without a single record (an empty array, or only blank lines).
    #[error("no article records in the file")]
    NoRecords,
    /// An input of `compare` that holds this many articles instead of one.
    #[error("holds {0} articles; compare takes one article per input (use score, or corpus)")]
    NotOne(usize),
}

/// Reads one input into the articles it holds (several for JSONL or a JSON array). Files,
/// FIFOs, standard input and URL bodies (after decompression) are all capped at
/// `o.max_bytes` ([`crate::budget::Budget`]).
pub fn read(source: &Source, o: &ReadOptions) -> Result<Read, ReadError> {
    let shown = source.shown();
    let budget = crate::budget::Budget {
        max_bytes: o.max_bytes,
        open_wait: o.timeout,
    };
    let fail = |problem: Problem| ReadError {
        input: shown.clone(),
        problem,
    };
    let (bytes, content_type, implied) = match source {
        Source::Stdin => {
            let v = budget
                .read_from(std::io::stdin().lock())
                .map_err(|e| fail(e.into()))?;
            (v, None, None)
        }
        Source::File(p) => {
            let bytes = budget.read_path(p).map_err(|e| fail(e.into()))?;
            (bytes, None, Format::of_path(p))
        }
        Source::Url(u) => {
            let f = fetch::fetch(u, o.timeout, o.max_bytes).map_err(|e| {
                fail(match e {
                    FetchError::TooLarge if o.max_bytes < fetch::MAX_BYTES => Problem::TooLarge {
                        size: None,
                        limit: o.max_bytes,
                    },
                    e => e.into(),
                })
            })?;
            let implied = match f.media_type().as_deref() {
                Some("text/html" | "application/xhtml+xml") => Some(Format::Html),
                Some("text/markdown") => Some(Format::Markdown),
                _ => None,
            };
            (f.body, f.content_type, implied)
        }
    };
    let decoded = decode_as(
        bytes,
        o.format,
        implied,
        Hints {
            declared: o.encoding,
            transport: content_type
                .as_deref()
                .and_then(decode::content_type_charset),
            meta: None,
        },
        o.lossy,
    )
    .map_err(|e| fail(e.into()))?;
    let mut read = Read::default();
    if let Some(e) = decoded.overruled {
        read.notes.push(format!(
            "{shown}: the server declares {e}, but the page has no NUL byte and is valid UTF-8; read as UTF-8"
        ));
    }
    if decoded.replaced > 0 {
        read.notes.push(format!(
            "{shown}: replaced {} {} not valid {} with U+FFFD (--lossy)",
            decoded.replaced,
            if decoded.replaced == 1 {
                "byte that is"
            } else {
                "bytes that are"
            },
            decoded.encoding
        ));
    }
    let name = source.name();
    read.documents = match decoded.format {
        Format::Json | Format::Jsonl => {
            records(&decoded.text, decoded.format, &shown, &name, &o.fields)?
        }
        f => {
            let url = match source {
                Source::Url(u) => Some(u.as_str()),
                _ => None,
            };
            let text = article_text(decoded.text, f, url, Some(o.timeout)).map_err(fail)?;
            vec![Document {
                name,
                origin: shown.clone(),
                text,
            }]
        }
    };
    Ok(read)
}

/// An input's bytes decoded, with the format they are read in.
#[derive(Debug)]
pub struct DecodedInput {
    /// The text in UTF-8 (input read as UTF-8, if valid, byte for byte, its byte-order mark kept).
    pub text: String,
    /// The format to read it in: `forced`, else `implied`, else HTML if it starts like HTML,
    /// else text.
    pub format: Format,
    /// The name of the encoding used.
    pub encoding: &'static str,
    /// Bytes replaced with U+FFFD (under `lossy`).
    pub replaced: usize,
    /// A UTF-16 charset declared by the server that the bytes cannot be (`decode::Decoded`).
    pub overruled: Option<&'static str>,
}

/// Decodes an input's bytes and settles its format: `forced` (`--input-format`) wins, then
/// `implied` (by file name or `Content-Type`); without either, text that starts like HTML is
/// HTML, and only HTML is searched for a `<meta charset>`. Used by `read` and by corpus mode.
pub(crate) fn decode_as(
    bytes: Vec<u8>,
    forced: Option<Format>,
    implied: Option<Format>,
    hints: Hints,
    lossy: bool,
) -> Result<DecodedInput, DecodeError> {
    let format = forced.or(implied);
    // Plain text (by name or by default) that starts like HTML is an HTML page.
    let may_be_html = format.is_none();
    let meta = (format == Some(Format::Html) || (may_be_html && html::looks_like_html(&bytes)))
        .then(|| decode::html_meta_charset(&bytes))
        .flatten();
    let decoded = decode::decode(bytes, Hints { meta, ..hints }, lossy)?;
    let format = match format {
        Some(f) => f,
        None if may_be_html && html::looks_like_html(decoded.text.as_bytes()) => Format::Html,
        None => Format::Text,
    };
    Ok(DecodedInput {
        text: decoded.text,
        format,
        encoding: decoded.encoding.name(),
        replaced: decoded.replaced,
        overruled: decoded.overruled.map(|e| e.name()),
    })
}

/// The text analysed for one article of format `format` (not JSON): text as is, Markdown with its
/// markup blanked, the article extracted from HTML. Refuses a blank result.
/// With a `deadline`, reading an HTML page is given up after it (`html::extract_within`).
pub fn article_text(
    text: String,
    format: Format,
    url: Option<&str>,
    deadline: Option<Duration>,
) -> Result<String, Problem> {
    article_page(text, format, url, deadline).map(|p| p.text)
}

/// [`article_text`], with the publication date the input itself declares: an HTML page's
/// `<meta>` tags or JSON-LD, a Markdown file's front matter (`date:`). Text has none.
pub fn article_page(
    text: String,
    format: Format,
    url: Option<&str>,
    deadline: Option<Duration>,
) -> Result<html::Page, Problem> {
    let page = match (format, deadline) {
        (Format::Markdown, _) => html::Page {
            published: markdown::published(&text),
            text: markdown::mask(&text),
        },
        (Format::Html, Some(d)) => html::extract_within(text, url, d)?,
        (Format::Html, None) => html::extract_page(&text, url)?,
        _ => html::Page {
            text,
            published: None,
        },
    };
    if is_blank(&page.text) {
        return Err(Problem::Empty);
    }
    Ok(page)
}

/// The article records of a JSON or JSONL text, in order; a record that is not an article stops
/// the reading with its place (`FILE:LINE` for JSONL, `FILE (record N)` in a JSON array).
fn records(
    text: &str,
    format: Format,
    shown: &str,
    name: &str,
    fields: &Fields,
) -> Result<Vec<Document>, ReadError> {
    let fail = |input: String, problem: String| ReadError {
        input,
        problem: Problem::Record(problem),
    };
    // (place in messages, suffix of the default name, fields)
    let mut found = Vec::new();
    if format == Format::Jsonl {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{shown}:{}", i + 1);
            let f = json_fields(line, fields).map_err(|(_, m)| fail(at.clone(), m))?;
            found.push((at, format!(":{}", i + 1), f));
        }
    } else {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            fail(
                shown.to_owned(),
                format!(
                    "invalid JSON at line {} column {}: {}",
                    e.line(),
                    e.column(),
                    json_reason(&e)
                ),
            )
        })?;
        let (objects, array) = match value {
            serde_json::Value::Array(items) => (items, true),
            v @ serde_json::Value::Object(_) => (vec![v], false),
            _ => {
                return Err(fail(
                    shown.to_owned(),
                    "expected a JSON object or an array of objects".into(),
                ));
            }
        };
        for (i, v) in objects.iter().enumerate() {
            let at = if array {
                format!("{shown} (record {})", i + 1)
            } else {
                shown.to_owned()
            };
            let serde_json::Value::Object(map) = v else {
                return Err(fail(at, "the record is not a JSON object".into()));
            };
            let f = object_fields(map, fields).map_err(|(_, m)| fail(at.clone(), m))?;
            found.push((at, format!(":{}", i + 1), f));
        }
    }
    if found.is_empty() {
        return Err(ReadError {
            input: shown.to_owned(),
            problem: Problem::NoRecords,
        });
    }
    let single = found.len() == 1;
    found
        .into_iter()
        .map(|(at, suffix, f)| {
            let text = match f.title {
                Some(t) => format!("{t}\n\n{}", f.text),
                None => f.text,
            };
            if is_blank(&text) {
                return Err(ReadError {
                    input: at,
                    problem: Problem::Empty,
                });
            }
            let name = match f.id.filter(|s| !s.trim().is_empty()) {
                Some(id) => id,
                None if single => name.to_owned(),
                None => format!("{name}{suffix}"),
            };
            Ok(Document {
                name,
                origin: at,
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_bytes(name: &str, bytes: &[u8], o: &ReadOptions) -> Result<Read, ReadError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let prefix = format!("{}/", dir.path().display());
        read(&Source::File(p), o).map_err(|e| ReadError {
            input: e.input.replace(&prefix, ""),
            problem: e.problem,
        })
    }

    #[test]
    fn sources_from_arguments() {
        assert_eq!(Source::from_arg("-".into()), Source::Stdin);
        assert_eq!(
            Source::from_arg("https://example.com/a".into()),
            Source::Url("https://example.com/a".into())
        );
        assert_eq!(
            Source::from_arg("a/b.txt".into()),
            Source::File("a/b.txt".into())
        );
        assert_eq!(Source::File("a/b.txt".into()).name(), "b");
    }

    #[test]
    fn formats_by_name() {
        for (file, want) in [
            ("a.txt", None),
            ("a", None),
            ("a.md", Some(Format::Markdown)),
            ("a.HTM", Some(Format::Html)),
            ("a.xhtml", Some(Format::Html)),
            ("a.json", Some(Format::Json)),
            ("a.ndjson", Some(Format::Jsonl)),
        ] {
            assert_eq!(Format::of_path(Path::new(file)), want, "{file}");
        }
    }

    #[test]
    fn records_join_title_and_text_and_name_themselves() {
        let o = ReadOptions::default();
        let r = read_bytes(
            "feed.jsonl",
            "{\"id\":\"a1\",\"title\":\"Rebels advance\",\"text\":\"The rebels advanced.\"}\n\n\
             {\"text\":\"Only a body — with “quotes”.\"}\n"
                .as_bytes(),
            &o,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = r
            .documents
            .iter()
            .map(|d| (d.name.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("a1", "Rebels advance\n\nThe rebels advanced."),
                ("feed:3", "Only a body — with “quotes”.")
            ]
        );
        let r = read_bytes("one.json", br#"{"headline":"H","body":"B."}"#, &{
            let mut o = ReadOptions::default();
            o.fields.title = "headline".into();
            o.fields.text = "body".into();
            o
        })
        .unwrap();
        assert_eq!(r.documents[0].name, "one");
        assert_eq!(r.documents[0].text, "H\n\nB.");
    }

    #[test]
    fn record_errors_name_their_place() {
        let o = ReadOptions::default();
        for (name, body, want) in [
            (
                "f.jsonl",
                "{\"text\":\"ok\"}\n{\"title\":\"x\"}\n",
                "f.jsonl:2: no 'text' field",
            ),
            (
                "f.jsonl",
                "{\"text\": 1}",
                "f.jsonl:1: the 'text' field is not a string",
            ),
            (
                "f.json",
                "[{\"text\":\"ok\"}, 3]",
                "f.json (record 2): the record is not a JSON object",
            ),
            (
                "f.json",
                "{\"text\": \"a\",",
                "f.json: invalid JSON at line 1 column 13: EOF while parsing a value",
            ),
            (
                "f.json",
                "\"text\"",
                "f.json: expected a JSON object or an array of objects",
            ),
            ("f.json", "[]", "f.json: no article records in the file"),
            (
                "f.jsonl",
                "{\"title\":\" \",\"text\":\"  \"}",
                "f.jsonl:1: the article is empty",
            ),
        ] {
            let e = read_bytes(name, body.as_bytes(), &o).unwrap_err();
            assert_eq!(e.to_string(), want, "{body}");
        }
    }

    #[test]
    fn text_that_starts_like_html_is_a_page_unless_told_otherwise() {
        let page = b"<!DOCTYPE html><html><head><title>Rebels advance</title></head><body>\
            <article><p>The rebels advanced on Hama on Friday.</p></article></body></html>";
        let r = read_bytes("saved.txt", page, &ReadOptions::default()).unwrap();
        assert_eq!(
            r.documents[0].text,
            "Rebels advance\n\nThe rebels advanced on Hama on Friday.\n"
        );
        let o = ReadOptions {
            format: Some(Format::Text),
            ..ReadOptions::default()
        };
        let r = read_bytes("saved.txt", page, &o).unwrap();
        assert_eq!(r.documents[0].text.as_bytes(), page);
    }

    #[test]
    fn html_meta_charset_decodes_a_legacy_page() {
        let mut page = b"<html><head><meta charset=\"windows-1256\"><title>Sharaa</title></head>\
            <body><article><p>Ahmed al-Sharaa ("
            .to_vec();
        page.extend_from_slice(b"\xc3\xcd\xe3\xcf \xc7\xe1\xd4\xd1\xda");
        page.extend_from_slice(b") spoke in Damascus on Sunday.</p></article></body></html>");
        let r = read_bytes("page.html", &page, &ReadOptions::default()).unwrap();
        assert_eq!(
            r.documents[0].text,
            "Sharaa\n\nAhmed al-Sharaa (أحمد الشرع) spoke in Damascus on Sunday.\n"
        );
    }

    #[test]
    fn lossy_notes_what_it_replaced() {
        let o = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        let r = read_bytes("bad.txt", b"Headline\nThe \xff rebels.", &o).unwrap();
        assert_eq!(r.documents[0].text, "Headline\nThe \u{fffd} rebels.");
        assert!(
            r.notes[0].ends_with(
                "bad.txt: replaced 1 byte that is not valid UTF-8 with U+FFFD (--lossy)"
            ),
            "{:?}",
            r.notes
        );
    }
}
