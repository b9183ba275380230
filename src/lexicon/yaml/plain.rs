//! Lexicon errors in plain words: what a field must hold, what was found instead, and how to
//! write it.
//!
//! serde-saphyr says what its parser expected in Rust's terms (`invalid i64`, `expected sequence
//! start`); [`type_error`] says it in the lexicon's: the field the value was written for (the
//! path that `serde_path_to_error` tracked), what that field holds ([`FIELDS`]), and what the
//! file has there (the text at the error's span). [`syntax`] says where a syntax error was made
//! (a `[` left open, a quotation not closed, a tab) from the parser's events up to the error.
//!
//! This module reads the parser's errors and events, and splits text into lines as YAML does
//! ([`yaml_lines`]); it does not read lexicon entries.

use serde_path_to_error::{Path, Segment};
use serde_saphyr::Error;
use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};

use crate::lexicon::model::{ActorType, Kind};

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// One scalar: text, a number, `true` or `false`, one of some words.
    One,
    /// A list of scalars.
    List,
    /// A list of entries (mappings), each starting with its first key.
    Entries,
}

/// One field of the lexicon format: where it is, what it holds, and an example of it.
struct Field {
    /// The key of the list the field's entry is in (`labels`, `actors`, `people`, `names`), or
    /// `""` for a top-level key.
    within: &'static str,
    key: &'static str,
    shape: Shape,
    /// What the field must be (for a list: what each item is), to follow "must be".
    expects: Expects,
    /// An example value, as written after `KEY: ` (for a list of entries: the key each entry
    /// starts with).
    example: &'static str,
}

/// What a field must be.
#[derive(Clone, Copy)]
enum Expects {
    /// Said in these words.
    Words(&'static str),
    /// One of the kinds of label ([`Kind::ALL`]).
    Kind,
    /// One of the types of an actor entry: [`ActorType::ALL`] but `person`, which is a label
    /// target only (an actor of that type is refused).
    ActorType,
}

impl Field {
    /// What the field must be, to follow "must be".
    fn expects(&self) -> String {
        match self.expects {
            Expects::Words(w) => w.to_owned(),
            Expects::Kind => one_of(Kind::ALL.map(Kind::as_str)),
            Expects::ActorType => one_of(
                ActorType::ALL
                    .into_iter()
                    .filter(|&t| t != ActorType::Person)
                    .map(ActorType::as_str),
            ),
        }
    }
}

const fn field(
    within: &'static str,
    key: &'static str,
    shape: Shape,
    expects: &'static str,
    example: &'static str,
) -> Field {
    field_of(within, key, shape, Expects::Words(expects), example)
}

/// A field that must be what `expects` says.
const fn field_of(
    within: &'static str,
    key: &'static str,
    shape: Shape,
    expects: Expects,
    example: &'static str,
) -> Field {
    Field {
        within,
        key,
        shape,
        expects,
        example,
    }
}

/// Every typed field of the lexicon format (`docs/lexicon-format.md`).
const FIELDS: &[Field] = &[
    field("", "lexicon", Shape::One, "a name", "my-lexicon"),
    field("", "version", Shape::One, "text", "\"2026.11\""),
    field(
        "",
        "language",
        Shape::One,
        "a language code or English name",
        "fra",
    ),
    field(
        "",
        "categories",
        Shape::List,
        "category paths",
        "[delegitimizing/terrorism]",
    ),
    field("", "labels", Shape::Entries, "label entries", "id"),
    field("", "actors", Shape::Entries, "actor entries", "id"),
    field("labels", "id", Shape::One, "one id", "terrorist"),
    field(
        "labels",
        "forms",
        Shape::List,
        "words or phrases",
        "[terrorist, terror group*]",
    ),
    field(
        "labels",
        "regex",
        Shape::One,
        "one regular expression",
        "'\\w+-backed'",
    ),
    field(
        "labels",
        "category",
        Shape::One,
        "one category path",
        "delegitimizing/terrorism",
    ),
    field(
        "labels",
        "stance",
        Shape::One,
        "a whole number from -2 to 2",
        "-1",
    ),
    field_of("labels", "kind", Shape::One, Expects::Kind, "label"),
    field(
        "labels",
        "targets",
        Shape::List,
        "actor types",
        "[armed_group, state]",
    ),
    field(
        "labels",
        "exclude",
        Shape::List,
        "phrases",
        "[war on terror]",
    ),
    field("labels", "requires", Shape::One, "`party`", "party"),
    field("labels", "names", Shape::Entries, "entries", "actor"),
    field("labels", "note", Shape::One, "text", "why this stance"),
    field("labels", "allow", Shape::List, "warning codes", "[no-note]"),
    field("labels", "overrides", Shape::One, "true or false", "true"),
    field("names", "actor", Shape::One, "one actor id", "al-shabaab"),
    field("names", "where", Shape::List, "actor ids", "[somalia]"),
    field("actors", "id", Shape::One, "one id", "hts"),
    field(
        "actors",
        "name",
        Shape::One,
        "one name",
        "Hayat Tahrir al-Sham",
    ),
    field_of(
        "actors",
        "type",
        Shape::One,
        Expects::ActorType,
        "armed_group",
    ),
    field(
        "actors",
        "aliases",
        Shape::List,
        "names",
        "[HTS, Tahrir al-Sham]",
    ),
    field(
        "actors",
        "adjectives",
        Shape::List,
        "adjectival forms",
        "[Turkish]",
    ),
    field("actors", "people", Shape::Entries, "people", "name"),
    field("actors", "proxies", Shape::List, "actor ids", "[sna]"),
    field("actors", "part_of", Shape::One, "one actor id", "usa"),
    field("actors", "allow", Shape::List, "warning codes", "[no-note]"),
    field("actors", "overrides", Shape::One, "true or false", "true"),
    field(
        "people",
        "name",
        Shape::One,
        "one name",
        "Abu Mohammed al-Jolani",
    ),
    field("people", "aliases", Shape::List, "names", "[Jolani]"),
    field("people", "role", Shape::One, "text", "leader"),
];

/// "one of a, b, c": the names a closed list of values is written with.
pub(super) fn one_of(names: impl IntoIterator<Item = &'static str>) -> String {
    format!(
        "one of {}",
        names.into_iter().collect::<Vec<_>>().join(", ")
    )
}

/// The singular a list of entries is named by in messages.
fn entry_word(within: &str) -> &'static str {
    match within {
        "labels" => "label",
        "actors" => "actor",
        "people" => "person",
        "names" => "`names` entry",
        _ => "entry",
    }
}

/// What the file has where the value was expected.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// No value (`key:` with nothing after it, or `~`).
    Nothing,
    /// A list (`[...]` or `- ...` lines).
    List,
    /// A mapping (`{...}` or `key: value` lines).
    Mapping,
    /// A scalar, as written (first line only, shortened).
    Scalar(String),
    /// An alias (`*name`) of a value written elsewhere.
    Alias(String),
}

impl Found {
    /// "found `strong`", "found a list".
    fn words(&self) -> String {
        match self {
            Found::Nothing => "found nothing".into(),
            Found::List => "found a list".into(),
            Found::Mapping => "found keys and values (a mapping)".into(),
            Found::Scalar(s) => format!("found `{s}`"),
            Found::Alias(s) => format!("found the alias `{s}` of a value that is not that"),
        }
    }
}

/// What `doc` has at `span` (byte offset and length into `doc`), where a value was expected.
fn found_at(doc: &str, offset: usize, len: usize) -> Found {
    let at = doc.get(offset..).unwrap_or("");
    // An empty value is located at its key's `:`.
    let at = match at.strip_prefix(':') {
        Some(rest) if len == 0 => rest.trim_start_matches([' ', '\t']),
        _ => at,
    };
    let text = at.get(..len).unwrap_or(at);
    let first_line = text.lines().next().unwrap_or("").trim();
    let next = at.trim_start_matches([' ', '\t']).chars().next();
    if first_line.is_empty() {
        return match next {
            None | Some('\n' | '\r' | ',' | '}' | ']' | '#') => Found::Nothing,
            Some('[') => Found::List,
            Some('{') => Found::Mapping,
            Some('-')
                if at
                    .trim_start()
                    .chars()
                    .nth(1)
                    .is_none_or(char::is_whitespace) =>
            {
                Found::List
            }
            // A block mapping starts with its first key.
            Some(_) => Found::Mapping,
        };
    }
    match first_line.chars().next() {
        Some('[') => Found::List,
        Some('{') => Found::Mapping,
        Some('-') if first_line.chars().nth(1).is_none_or(char::is_whitespace) => Found::List,
        _ if first_line == "~" || first_line == "null" => Found::Nothing,
        Some('*') => Found::Alias(
            first_line
                .split([',', ']', '}', ' '])
                .next()
                .unwrap_or(first_line)
                .to_owned(),
        ),
        _ => {
            const MAX: usize = 40;
            let mut s: String = first_line.chars().take(MAX).collect();
            if first_line.chars().count() > MAX || text.trim().contains('\n') {
                s.push('…');
            }
            Found::Scalar(s)
        }
    }
}

/// The path's map keys and list indices, without the keys `Spanned` adds (`value`).
fn steps(path: &Path) -> Vec<Step<'_>> {
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { .. } => Some(Step::Index),
            Segment::Map { key } if key == "value" || key.starts_with("__") => None,
            Segment::Map { key } => Some(Step::Key(key)),
            Segment::Enum { variant } => Some(Step::Key(variant)),
            Segment::Unknown => None,
        })
        .collect()
}

#[derive(Clone, Copy, Debug)]
enum Step<'a> {
    Key(&'a str),
    Index,
}

/// The list (`labels`, `people` ...) that holds the entry a path ends in or goes through, last.
fn within(steps: &[Step]) -> &'static str {
    steps
        .iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => FIELDS
                .iter()
                .find(|f| f.shape == Shape::Entries && f.key == *k)
                .map(|f| f.key),
            Step::Index => None,
        })
        .unwrap_or("")
}

fn lookup(within: &str, key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.within == within && f.key == key)
}

/// Where in the format an error is: a field, an item of a list field, an entry of a list of
/// entries, or the file itself.
enum Place {
    Field(&'static Field),
    Item(&'static Field),
    Entry(&'static Field),
    File,
}

fn place(steps: &[Step]) -> Option<Place> {
    match steps {
        [] => Some(Place::File),
        [rest @ .., Step::Key(k)] => lookup(within(rest), k).map(Place::Field),
        [rest @ .., Step::Key(k), Step::Index] => {
            let f = lookup(within(rest), k)?;
            Some(if f.shape == Shape::Entries {
                Place::Entry(f)
            } else {
                Place::Item(f)
            })
        }
        _ => None,
    }
}

/// The field (under `path`) that a missing-field error names.
fn missing(path: &Path, key: &str) -> Option<String> {
    let steps = steps(path);
    let Some(Place::Entry(list)) = place(&steps) else {
        return None;
    };
    let f = lookup(list.key, key)?;
    Some(format!(
        "this {} has no `{key}`: add one, like `{key}: {}` ({})",
        entry_word(list.key),
        f.example,
        f.expects(),
    ))
}

/// A type error of serde-saphyr at `path`, in the lexicon's terms, with the fix. `doc` is the
/// text that was parsed (the error's span points into it). `None` for an error that is not about
/// the type of a value (an unknown key, a duplicate key, an unknown kind), or a path outside the
/// format.
pub(super) fn type_error(e: &Error, path: &Path, doc: &str) -> Option<String> {
    let found = match e {
        Error::SerdeMissingField { field, .. } => return missing(path, field),
        Error::NullIntoString { .. } => Found::Nothing,
        Error::InvalidScalar { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::Unexpected { .. }
        | Error::SerdeInvalidType { .. }
        | Error::Message { .. } => {
            let span = e.location()?.span();
            let offset = usize::try_from(span.byte_offset()?).ok()?;
            let len = usize::try_from(span.byte_len()?).ok()?;
            found_at(doc, offset, len)
        }
        _ => return None,
    };
    // A message of our own (an unknown kind) is kept; so is one that is not about a type.
    if let Error::Message { msg, .. } = e
        && !msg.starts_with("data did not match any variant")
    {
        return None;
    }
    let steps = steps(path);
    Some(match place(&steps)? {
        Place::File => format!(
            "a lexicon file must be keys and values (`categories:`, `labels:`, `actors:` ...), {}",
            found.words()
        ),
        Place::Field(f) => field_message(f, &found),
        Place::Item(f) => match found {
            Found::Nothing => format!(
                "an item of `{}` is empty: fill it in or remove it (`{}` is a list of {})",
                f.key,
                f.key,
                f.expects()
            ),
            _ => format!(
                "`{}` must be a list of {}, {} inside it: write `{}: {}`",
                f.key,
                f.expects(),
                found.words(),
                f.key,
                f.example
            ),
        },
        Place::Entry(f) => format!(
            "each entry of `{}` must be keys and values starting `- {}: ...`, {}",
            f.key,
            f.example,
            found.words()
        ),
    })
}

/// What `f` must be, what was found, and how to write it.
fn field_message(f: &Field, found: &Found) -> String {
    let key = f.key;
    match (f.shape, found) {
        (Shape::List, Found::Scalar(s)) => format!("`{key}` must be a list: write `{key}: [{s}]`"),
        (Shape::List, Found::Nothing) => format!(
            "`{key}` is empty: write a list of {}, like `{key}: {}`, or leave the key out",
            f.expects(),
            f.example
        ),
        (Shape::List, _) => format!(
            "`{key}` must be a list of {}, {}: write `{key}: {}`",
            f.expects(),
            found.words(),
            f.example
        ),
        (Shape::Entries, Found::Nothing) => {
            format!("`{key}` is empty: list its entries below it, or leave the key out")
        }
        (Shape::Entries, _) => format!(
            "`{key}` must be a list of {}, {}: write each on lines of its own below `{key}:`, starting `- {}: ...`",
            f.expects(),
            found.words(),
            f.example
        ),
        (Shape::One, Found::Nothing) => {
            format!(
                "`{key}` is empty: it must be {}, like `{key}: {}`",
                f.expects(),
                f.example
            )
        }
        (Shape::One, Found::List) if key == "name" => format!(
            "`name` must be {}, found a list: write the other names under `aliases`",
            f.expects()
        ),
        (Shape::One, Found::List) if key == "category" => format!(
            "`category` must be {}, found a list: an entry has one category; make one entry per category",
            f.expects()
        ),
        (Shape::One, Found::Scalar(_)) => {
            format!("`{key}` must be {}, {}", f.expects(), found.words())
        }
        (Shape::One, _) => format!(
            "`{key}` must be {}, {}: write `{key}: {}`",
            f.expects(),
            found.words(),
            f.example
        ),
    }
}

/// `KEY: VALUE` of a line written `KEY: VALUE` (after an optional `- `) whose plain value holds
/// the `:` at character `col` (0-based), with the value quoted so that it reads as one text (in
/// a list, for a field that holds a list: `forms: ['a: b']`). `None` for a line of another form.
fn quoted_value(line: &str, col: usize) -> Option<String> {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body).trim_start();
    let (key, value) = body.split_once(": ")?;
    let value = value.trim_start();
    let starts = line.chars().count() - value.chars().count();
    // A comment after the value stays out of the quotes.
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    let plain = !key.is_empty()
        && !key.contains([' ', '"', '\'', '[', '{'])
        && !value.starts_with(['"', '\'', '[', '{', '|', '>'])
        && col > starts;
    if !plain {
        return None;
    }
    // Single quotes unless the value has one; then double quotes (a `''` inside single quotes is
    // easily misread).
    let quoted = if value.contains('\'') {
        super::write::double_quoted(value)
    } else {
        super::write::scalar(value)
    };
    // A list field holds a list of that one text.
    let list = FIELDS
        .iter()
        .any(|f| f.key == key && f.shape == Shape::List);
    Some(if list {
        format!("{key}: [{quoted}]")
    } else {
        format!("{key}: {quoted}")
    })
}

/// Whether `doc` is well-formed YAML: the parser reads it to its end without an error (aliases
/// are not expanded, so this costs one pass over the text).
pub(super) fn well_formed(doc: &str) -> bool {
    Parser::new_from_str(doc).all(|e| e.is_ok())
}

/// A syntax error said in plain words, at the place to fix: line and column (1-based, in
/// characters) and the message.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Syntax {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// A flow collection opened at `line`:`column` (1-based): "list" or "mapping", and its brackets.
struct Open {
    line: u64,
    column: u64,
    seq: bool,
}

impl Open {
    fn words(&self) -> (&'static str, char, char) {
        if self.seq {
            ("list", '[', ']')
        } else {
            ("mapping", '{', '}')
        }
    }
}

/// The first syntax error of `doc`, when it is one of those a lexicon author makes and the
/// parser words in its own terms: a `[` or `{` not closed on its line, a quotation not closed,
/// a tab used to indent. The place is where the mistake is (the opening bracket or quote), not
/// where the parser gave up; lines are counted from `shift + 1` (see `fault` in the parent).
///
/// A `[` or `{` is found by replaying the parser's events up to the error: the innermost flow
/// collection left open there is named when the error comes on a later line than its opening
/// (a lexicon writes its flow lists on one line), at the end of the text, or at the opening
/// itself (the parser's own "unclosed bracket"). `None` when `doc` parses, or its error is
/// another.
pub(super) fn syntax(doc: &str, shift: u64) -> Option<Syntax> {
    syntax_within(doc, shift, true)
}

/// [`syntax`]; `again`: whether a quotation that runs on may be looked for by reading the text
/// before it once more (at most once, so that the work stays linear in the text).
fn syntax_within(doc: &str, shift: u64, again: bool) -> Option<Syntax> {
    use serde_saphyr::granit_parser::ErrorKind;
    let mut open: Vec<Option<Open>> = Vec::new();
    for ev in Parser::new_from_str(doc) {
        let e = match ev {
            Ok((event, span)) => {
                let seq = matches!(event, Event::SequenceStart(..));
                match event {
                    Event::SequenceStart(style, ..) | Event::MappingStart(style, ..) => {
                        open.push((style == StructureStyle::Flow).then(|| Open {
                            line: span.start.line() as u64,
                            column: span.start.col() as u64 + 1,
                            seq,
                        }));
                    }
                    Event::SequenceEnd | Event::MappingEnd => {
                        open.pop();
                    }
                    _ => {}
                }
                continue;
            }
            Err(e) => e,
        };
        let m = e.marker();
        let (line, column) = (m.line() as u64, m.col() as u64 + 1);
        let stopped = format!(
            " (the YAML parser stopped at line {}, column {column})",
            line + shift
        );
        let unclosed = |o: &Open, stopped: &str| {
            let (what, opening, closing) = o.words();
            let stopped = if (o.line, o.column) == (line, column) {
                ""
            } else {
                stopped
            };
            Syntax {
                line: o.line + shift,
                column: o.column,
                message: format!(
                    "the {what} opened with `{opening}` on line {} is not closed: end it with `{closing}` on the same line{stopped}",
                    o.line + shift
                ),
            }
        };
        return match e.kind() {
            ErrorKind::UnclosedFlowCollection { open } => {
                let o = Open {
                    line,
                    column,
                    seq: *open == '[',
                };
                Some(unclosed(&o, &stopped))
            }
            ErrorKind::UnclosedQuotedScalar => Some(Syntax {
                line: line + shift,
                column,
                message: "the quotation that starts here is not closed: end it with the same quotation mark".into(),
            }),
            // A quotation that runs on to a line indented too little for it, when that line
            // is a key or an entry of its own (or at the left margin): the quotation was left
            // open. The text before that line, read alone, ends inside the quotation, and the
            // parser says where it opens.
            ErrorKind::InvalidQuotedScalarIndent
                if again
                    && (m.col() == 0
                        || yaml_lines(doc)
                            .nth(m.line().saturating_sub(1))
                            .is_some_and(|l| starts_key_or_item(l.trim_start()))) =>
            {
                let before: String = doc.chars().take(m.index().saturating_sub(m.col())).collect();
                syntax_within(before.trim_end_matches(['\n', '\r']), shift, false)
            }
            ErrorKind::MappingValueNotAllowed => {
                let text = yaml_lines(doc).map(strip_break).nth(m.line().checked_sub(1)?)?;
                let fix = quoted_value(text, m.col())?;
                Some(Syntax {
                    line: line + shift,
                    column,
                    message: format!(
                        "a `: ` inside a value starts another key: put the value in quotes, like `{fix}`"
                    ),
                })
            }
            // The parser meets an indenting tab at the line's start, or while it reads the
            // end of the line before.
            ErrorKind::TabInIndentation
            | ErrorKind::TabInBlockIndentation
            | ErrorKind::TabInPlainScalar => {
                let (line, column) = yaml_lines(doc)
                    .map(strip_break)
                    .enumerate()
                    .skip(m.line().saturating_sub(1))
                    .take(2)
                    .find_map(|(i, l)| {
                        let indent = &l[..l.len() - l.trim_start().len()];
                        let tab = indent.chars().position(|c| c == '\t')?;
                        Some((i as u64 + 1, tab as u64 + 1))
                    })
                    .unwrap_or((line, column));
                Some(Syntax {
                    line: line + shift,
                    column,
                    message: "a tab indents this line: YAML indents with spaces only".into(),
                })
            }
            _ => {
                let inner = open.into_iter().rev().flatten().next()?;
                let at_end = m.index() >= doc.chars().count();
                (line > inner.line || at_end).then(|| unclosed(&inner, &stopped))
            }
        };
    }
    None
}

/// Whether `body` (a line without its indentation) starts a key (`key:`) or an item (`- `) of a
/// block collection.
fn starts_key_or_item(body: &str) -> bool {
    if body == "-" || body.starts_with("- ") {
        return true;
    }
    body.split_once(':').is_some_and(|(key, rest)| {
        !key.is_empty()
            && !key.contains(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '#'))
            && (rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
    })
}

/// The lines of `text` as YAML counts them, each with its line break: a line ends at "\r\n",
/// "\n" or a lone "\r" (YAML 1.2, section 5.4), so the parser's line numbers index this list.
pub(super) fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let end = match b[i] {
                b'\n' => i + 1,
                b'\r' if b.get(i + 1) == Some(&b'\n') => i + 2,
                b'\r' => i + 1,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let line = &text[start..end];
            start = end;
            i = end;
            return Some(line);
        }
        (start < b.len()).then(|| {
            let line = &text[start..];
            start = b.len();
            line
        })
    })
}

/// A line without its line break.
pub(super) fn strip_break(line: &str) -> &str {
    line.strip_suffix("\r\n")
        .or_else(|| line.strip_suffix('\n'))
        .or_else(|| line.strip_suffix('\r'))
        .unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_found_is_read_from_the_span() {
        let table: &[(&str, usize, usize, Found)] = &[
            ("k: strong\n", 3, 6, Found::Scalar("strong".into())),
            ("k: [a]\n", 3, 1, Found::List),
            ("k: {a: b}\n", 3, 1, Found::Mapping),
            ("k:\n  - a\n", 5, 0, Found::List),
            ("k:\n  a: b\n", 5, 0, Found::Mapping),
            ("k:\n", 2, 0, Found::Nothing),
            ("k:\n", 1, 0, Found::Nothing),
            ("k: # c\n", 1, 0, Found::Nothing),
            ("k: ~\n", 3, 1, Found::Nothing),
            ("k: 'it''s'\n", 3, 7, Found::Scalar("'it''s'".into())),
            ("k: a\n  b\n", 3, 5, Found::Scalar("a…".into())),
            ("k: é\n", 3, 2, Found::Scalar("é".into())),
            ("k: [*a0, *a0]\n", 4, 3, Found::Alias("*a0".into())),
        ];
        for (doc, offset, len, want) in table {
            assert_eq!(&found_at(doc, *offset, *len), want, "{doc:?}");
        }
    }

    /// Every field of the format, as its JSON Schema (generated from the types that read it)
    /// lists them, has its row in [`FIELDS`]: a field added to the format is said in plain words
    /// too.
    #[test]
    fn every_field_of_the_format_is_in_the_table() {
        let schema: serde_json::Value = serde_json::from_str(&super::super::schema_json()).unwrap();
        let defs = &schema["$defs"];
        let tables = [
            ("", &schema),
            ("labels", &defs["RawLabel"]),
            ("actors", &defs["RawActor"]),
            ("people", &defs["RawPerson"]),
            ("names", &defs["RawEpithet"]),
        ];
        let mut seen = 0;
        for (within, def) in tables {
            let props = def["properties"].as_object().unwrap();
            for key in props.keys() {
                assert!(lookup(within, key).is_some(), "{within} {key}");
                seen += 1;
            }
        }
        assert_eq!(seen, FIELDS.len());
    }

    #[test]
    fn every_field_is_named_once_where_it_is() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[..i]
                    .iter()
                    .all(|g| (g.within, g.key) != (f.within, f.key)),
                "{} {}",
                f.within,
                f.key
            );
            assert!(
                f.within.is_empty() || FIELDS.iter().any(|g| g.key == f.within),
                "{}",
                f.within
            );
        }
    }

    #[test]
    fn a_syntax_error_is_found_where_it_is_made() {
        // (line, column, message) of each text's first syntax error.
        type Want = Option<(u64, u64, &'static str)>;
        let table: &[(&str, Want)] = &[
            (
                "a:\n  b: [x\n  c: 1\n",
                Some((
                    2,
                    6,
                    "the list opened with `[` on line 2 is not closed: end it with `]` on the same line (the YAML parser stopped at line 3, column 4)",
                )),
            ),
            (
                "a: {b: 1\nc: 2\n",
                Some((
                    1,
                    4,
                    "the mapping opened with `{` on line 1 is not closed: end it with `}` on the same line (the YAML parser stopped at line 2, column 2)",
                )),
            ),
            (
                "é: [x\n",
                Some((
                    1,
                    4,
                    "the list opened with `[` on line 1 is not closed: end it with `]` on the same line",
                )),
            ),
            (
                "é: [x, y]\nb: [z\n",
                Some((
                    2,
                    4,
                    "the list opened with `[` on line 2 is not closed: end it with `]` on the same line",
                )),
            ),
            (
                "a: 'it\nb: c\n",
                Some((
                    1,
                    4,
                    "the quotation that starts here is not closed: end it with the same quotation mark",
                )),
            ),
            (
                "a:\n\tb: c\n",
                Some((
                    2,
                    1,
                    "a tab indents this line: YAML indents with spaces only",
                )),
            ),
            (
                "a:\n  b: 1\n \tc: 2\n",
                Some((
                    3,
                    2,
                    "a tab indents this line: YAML indents with spaces only",
                )),
            ),
            (
                "a:\n  note: BBC says: use it\n",
                Some((
                    2,
                    17,
                    "a `: ` inside a value starts another key: put the value in quotes, like `note: 'BBC says: use it'`",
                )),
            ),
            (
                "- note: it's: \"x\"\n",
                Some((
                    1,
                    13,
                    "a `: ` inside a value starts another key: put the value in quotes, like `note: \"it's: \\\"x\\\"\"`",
                )),
            ),
            // A quotation left open runs on to the next key, at the indentation of its own.
            (
                "a:\n  b: \"x\n  c: 1\n",
                Some((
                    2,
                    6,
                    "the quotation that starts here is not closed: end it with the same quotation mark",
                )),
            ),
            (
                "- a: 'x\n  c: 1\n- d: 2\n",
                Some((
                    1,
                    6,
                    "the quotation that starts here is not closed: end it with the same quotation mark",
                )),
            ),
            // A quotation that is closed on a line indented too little keeps the parser's words.
            ("a:\n  b: \"x\n y\"\n", None),
            // A list field is told to write a list of that one text.
            (
                "- id: x\n  forms: BBC: the news\n",
                Some((
                    2,
                    13,
                    "a `: ` inside a value starts another key: put the value in quotes, like `forms: ['BBC: the news']`",
                )),
            ),
            (
                "- note: a: \u{7}b\n",
                Some((
                    1,
                    10,
                    "a `: ` inside a value starts another key: put the value in quotes, like `note: \"a: \\x07b\"`",
                )),
            ),
            ("a: [x, {b: 1]\n", None),
            ("a: [x]\n", None),
            (
                "a: b: c\n",
                Some((
                    1,
                    5,
                    "a `: ` inside a value starts another key: put the value in quotes, like `a: 'b: c'`",
                )),
            ),
            ("a: {b: c: d}\n", None),
        ];
        for (doc, want) in table {
            let got = syntax(doc, 0);
            let got = got.as_ref().map(|s| (s.line, s.column, s.message.as_str()));
            assert_eq!(got, *want, "{doc:?}");
        }
        // Lines are the file's: the message's too.
        let s = syntax("a:\n  b: [x\n  c: 1\n", 10).unwrap();
        assert_eq!((s.line, s.column), (12, 6));
        assert!(s.message.contains("on line 12") && s.message.contains("at line 13"));
    }
}
