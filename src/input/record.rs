//! Article records in JSON: the field names a record is read by, the fields of one record, and
//! why a record is skipped. `score` and `compare` read JSON and JSONL inputs with these
//! ([`super`]), and corpus mode's streaming reader (`crate::corpus::input`) with the same rules,
//! so that one record reads the same everywhere. Reading files, lines and CSV is not here.

/// Field (or CSV column) names of a record.
#[derive(Clone, Debug)]
pub struct Fields {
    /// The field holding the article id, which names the record (`--id-field` of `corpus`).
    pub id: String,
    /// The field holding the source, the outlet (`--source-field`).
    pub source: String,
    /// The field holding the article's date (`--date-field`).
    pub date: String,
    /// The field holding the headline (`--title-field`).
    pub title: String,
    /// The field holding the article text (`--text-field`).
    pub text: String,
    /// The field holding a story id, when records are grouped into stories (`--story-field`).
    pub story: Option<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            source: "source".into(),
            date: "date".into(),
            title: "title".into(),
            text: "text".into(),
            story: None,
        }
    }
}

/// Why a record was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// A JSONL line that is not valid JSON, or not a JSON object.
    InvalidJson,
    /// A CSV header or row that cannot be parsed.
    InvalidCsv,
    /// Bytes not valid in their encoding: UTF-8, or the one a byte-order mark or `--encoding`
    /// names (a file, a JSONL line or a CSV field).
    InvalidUtf8,
    /// A file with a NUL byte (not UTF-16).
    Binary,
    /// No text field (or CSV column), or one that is not a string.
    MissingText,
    /// Nothing to analyse: a blank text without a title, or a file or page without article text.
    EmptyText,
    /// Over the byte limit, `--max-article-bytes` (a file, line, CSV record or article), or an
    /// HTML page too large, deep or slow to read.
    TooLarge,
    /// A file or folder that cannot be opened or read (an I/O error, a broken link, a link loop).
    Unreadable,
    /// A file reached a second time (given twice, or through a link): read once.
    Duplicate,
    /// The analysis itself failed on this record (a bug: the run goes on without it).
    AnalysisFailed,
}

impl SkipReason {
    /// The key used in summaries.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::InvalidJson => "invalid_json",
            SkipReason::InvalidCsv => "invalid_csv",
            SkipReason::InvalidUtf8 => "invalid_utf8",
            SkipReason::Binary => "binary",
            SkipReason::MissingText => "missing_text",
            SkipReason::EmptyText => "empty_text",
            SkipReason::TooLarge => "too_large",
            SkipReason::Unreadable => "unreadable",
            SkipReason::Duplicate => "duplicate",
            SkipReason::AnalysisFailed => "analysis_failed",
        }
    }
}

/// The fields of one JSON article record, as corpus mode and `score`/`compare` read them.
#[derive(Clone, Debug, Default)]
pub struct JsonFields {
    /// The id field as text (a number or boolean written out), unless missing or not a scalar.
    pub id: Option<String>,
    /// The source field as text, unless missing or not a scalar.
    pub source: Option<String>,
    /// The date field as text, as written, unless missing or not a scalar.
    pub date: Option<String>,
    /// The headline, unless blank.
    pub title: Option<String>,
    /// The article text, as in the record (it may be blank).
    pub text: String,
    /// The story id (`--story-field`), when asked for.
    pub story: Option<String>,
}

/// Reads one JSON object (a JSONL line) as an article record; an error is the reason to skip it
/// and its message.
pub fn json_fields(json: &str, fields: &Fields) -> Result<JsonFields, (SkipReason, String)> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        (
            SkipReason::InvalidJson,
            format!("invalid JSON at column {}: {}", e.column(), json_reason(&e)),
        )
    })?;
    let serde_json::Value::Object(map) = value else {
        return Err((
            SkipReason::InvalidJson,
            "the line is not a JSON object".into(),
        ));
    };
    object_fields(&map, fields)
}

/// Reads the fields of a JSON object already parsed (one record of a JSON array).
pub fn object_fields(
    map: &serde_json::Map<String, serde_json::Value>,
    f: &Fields,
) -> Result<JsonFields, (SkipReason, String)> {
    let scalar = |k: &str| -> Option<String> {
        match map.get(k)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    let text = match map.get(&f.text) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => {
            return Err((SkipReason::MissingText, format!("no '{}' field", f.text)));
        }
        Some(_) => {
            return Err((
                SkipReason::MissingText,
                format!("the '{}' field is not a string", f.text),
            ));
        }
    };
    Ok(JsonFields {
        id: scalar(&f.id),
        source: scalar(&f.source),
        date: scalar(&f.date),
        title: scalar(&f.title).filter(|t| !is_blank(t)),
        text,
        story: f.story.as_deref().and_then(scalar),
    })
}

/// Nothing but white space and zero-width characters.
pub fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || crate::text::is_ignorable(c))
}

/// serde_json's message without its " at line 1 column N" tail (the column is shown already).
pub fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}
