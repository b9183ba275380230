//! Converting dictionaries between the framelens YAML format and the formats other tools use:
//! LIWC `.dic`, Lexicoder `.lc3`, quanteda YAML and WordStat `.cat`.
//!
//! [`import`] turns a foreign dictionary into framelens YAML text that loads with
//! [`super::LexiconBuilder`]; [`export`] writes the label entries of a loaded [`Lexicon`] in a
//! foreign format. Both return a [`Converted`] whose `lost` lists everything that could not be
//! carried over, one line each, with the source line where there is one. Nothing is dropped
//! silently.
//!
//! # Import: what becomes what
//!
//! - Every pattern becomes one label entry with one form: `kind: label`, `stance: 0` unless a
//!   segment of its category path says otherwise (`negative` or `delegitimizing` give -1,
//!   `positive` or `legitimizing` give +1), and the note `imported from FORMAT: FILE`. Forms are
//!   written in lower case (framelens ignores the case of label forms, so nothing is lost).
//! - The id is derived from the form: lower case, every run of characters other than letters and
//!   digits becomes `-`; a numeric suffix (`-2`, `-3` ...) makes it unique.
//! - Category path segments are made the same way (lower case, other characters `-`). LIWC and
//!   Lexicoder categories are flat and go under `liwc/NAME` and `lexicoder/NAME`; quanteda keys and
//!   WordStat categories nest and keep their path (`KEY/SUBKEY`). Every category used is declared.
//! - A form may belong to one framelens entry only (the matcher would pick one), so a pattern seen
//!   before (in another category, or a LIWC word listed in several categories) keeps its first
//!   category and the others are listed in `lost`.
//! - framelens globs are a `*` at the end of the last word with at least 3 letters before it.
//!   A `*` anywhere else, a shorter glob, and quanteda's and WordStat's `?` (any one character)
//!   cannot be expressed and go to `lost`.
//!
//! Format details:
//!
//! - **LIWC**: a `%` line, `ID<TAB>NAME` lines, a `%` line, then `WORD<TAB>ID<TAB>ID...`. Words may
//!   contain spaces (multi-word entries); when a line has no tab, the trailing numbers are the ids.
//!   LIWC 2007 conditional codes such as `(02 134)125/464` cannot be expressed: listed in `lost`.
//!   An id not declared in the header is an error.
//! - **Lexicoder**: `+Category` lines, then one pattern per line. Lexicoder writes spaces at the
//!   start or end of a pattern to mark word boundaries (`" ARM "`); framelens forms always start at a
//!   word boundary and end at one unless they end in `*`, so those spaces are implied and dropped,
//!   and runs of inner spaces become one. A leading `*` (match inside a word) goes to `lost`.
//! - **quanteda**: a YAML mapping of keys to lists of patterns (or one pattern, or nothing); keys
//!   nest; values beside sub-keys sit under the empty key `''` and belong to the parent key.
//!   Patterns are globs; multi-word patterns are space-separated.
//! - **WordStat**: one line per category or entry; indentation gives the nesting (a tab counts as
//!   4 columns, to the next tab stop). A line followed by a more indented line is a category; the
//!   others are entries, like `FREEDOM_FIGHTER (1)`: `_` joins the words of a multi-word entry, and
//!   the weight in parentheses is optional (weights other than 1 go to `lost`). An indented line
//!   with nothing below it is an entry, so an empty sub-category cannot be told apart from one;
//!   an unindented line with nothing below it and no weight is read as an empty category.
//!
//! # Export
//!
//! Each form of each label entry becomes one pattern in the entry's category. Category paths nest
//! in quanteda (nested keys, `''` for values beside sub-keys) and WordStat (indentation, entries
//! in upper case with `_` joins and weight `(1)`); LIWC and Lexicoder are flat, so the `liwc/` or
//! `lexicoder/` prefix an import added is removed and the rest of the path is joined with `_`
//! (`delegitimizing/terrorism` becomes `delegitimizing_terrorism`). A form in several categories is
//! one LIWC line with several ids. What these formats cannot say is listed in `lost` as counts with
//! the entry ids: regex entries, exclusions, stances (other than what the category name implies on
//! re-import), kinds other than `label`, targets, notes, how forms were grouped into entries, and
//! actors.
//!
//! `import` followed by `export` and `import` again gives the same entries (forms, categories and
//! stances); from then on the texts are identical.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::model::{Kind, LabelEntry, Lexicon};
use super::yaml::double_quoted as quote;
use crate::matcher::Normalized;

/// A dictionary format of another tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Foreign {
    /// LIWC `.dic`.
    Liwc,
    /// Lexicoder `.lc3`.
    Lexicoder,
    /// quanteda dictionary YAML.
    Quanteda,
    /// WordStat `.cat`.
    Wordstat,
}

impl Foreign {
    /// Every format, in declaration order.
    pub const ALL: [Foreign; 4] = [
        Foreign::Liwc,
        Foreign::Lexicoder,
        Foreign::Quanteda,
        Foreign::Wordstat,
    ];

    /// The name used on the command line: `liwc`, `lexicoder`, `quanteda`, `wordstat`.
    pub fn as_str(self) -> &'static str {
        match self {
            Foreign::Liwc => "liwc",
            Foreign::Lexicoder => "lexicoder",
            Foreign::Quanteda => "quanteda",
            Foreign::Wordstat => "wordstat",
        }
    }

    /// The name of the tool, as its authors write it.
    pub fn display_name(self) -> &'static str {
        match self {
            Foreign::Liwc => "LIWC",
            Foreign::Lexicoder => "Lexicoder",
            Foreign::Quanteda => "quanteda",
            Foreign::Wordstat => "WordStat",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Foreign::Liwc => "dic",
            Foreign::Lexicoder => "lc3",
            Foreign::Quanteda => "yml",
            Foreign::Wordstat => "cat",
        }
    }

    /// Guesses the format from a file name's extension (`.dic`, `.lc3`, `.cat`, `.yml`/`.yaml`).
    pub fn from_path(path: &str) -> Option<Foreign> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "dic" => Some(Foreign::Liwc),
            "lc3" => Some(Foreign::Lexicoder),
            "cat" => Some(Foreign::Wordstat),
            "yml" | "yaml" => Some(Foreign::Quanteda),
            _ => None,
        }
    }

    /// The category prefix an import adds for the flat formats.
    fn prefix(self) -> Option<&'static str> {
        match self {
            Foreign::Liwc => Some("liwc"),
            Foreign::Lexicoder => Some("lexicoder"),
            Foreign::Quanteda | Foreign::Wordstat => None,
        }
    }

    /// Whether `?` is a wildcard (one character) in the format.
    fn question_is_glob(self) -> bool {
        matches!(self, Foreign::Quanteda | Foreign::Wordstat)
    }
}

impl fmt::Display for Foreign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Foreign {
    type Err = ConvertError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "liwc" => Ok(Foreign::Liwc),
            "lexicoder" => Ok(Foreign::Lexicoder),
            "quanteda" => Ok(Foreign::Quanteda),
            "wordstat" => Ok(Foreign::Wordstat),
            _ => Err(ConvertError::UnknownFormat(s.to_owned())),
        }
    }
}

/// The result of a conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The converted dictionary: framelens YAML after [`import`], the foreign format's text after
    /// [`export`].
    pub text: String,
    /// Everything that could not be carried over, one line each, starting with `FILE:LINE: ` where
    /// there is a source line.
    pub lost: Vec<String>,
    /// Label entries written (import) or label entries with at least one form exported (export).
    pub labels: usize,
    /// Categories written.
    pub categories: usize,
}

/// A foreign dictionary could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// A problem at a line of the file.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file name given to the import.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A problem with the file as a whole (no position known).
    #[error("{file}: {message}")]
    Invalid {
        /// The file name given to the import.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A format name that is not one of `liwc`, `lexicoder`, `quanteda`, `wordstat`.
    #[error("unknown dictionary format `{0}`: use liwc, lexicoder, quanteda or wordstat")]
    UnknownFormat(String),
}

impl ConvertError {
    /// The 1-based line of the problem, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ConvertError::Syntax { line, .. } => Some(*line),
            _ => None,
        }
    }

    fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        ConvertError::Syntax {
            file: file.to_owned(),
            line: line.max(1),
            message: message.into(),
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Import
// ------------------------------------------------------------------------------------------------

/// Reads a dictionary in format `from`; `name` is the file name, used in messages, in the header
/// comment, in each entry's note and (without directory and extension) as the `lexicon:` name.
/// Entry ids start with that name and a `-` (`mini-terrorist`), so that they never replace
/// an entry of another lexicon by accident; see [`import_prefixed`].
pub fn import(name: &str, text: &str, from: Foreign) -> Result<Converted, ConvertError> {
    import_prefixed(name, text, from, None)
}

/// [`import`], with entry ids that start with `prefix` (`Some("")`: the bare words, which
/// replace the entries of the same id in lexicons loaded before this one).
pub fn import_prefixed(
    name: &str,
    text: &str,
    from: Foreign,
    prefix: Option<&str>,
) -> Result<Converted, ConvertError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut d = Draft::new(name, from);
    d.prefix = match prefix {
        Some(p) => p.to_owned(),
        None => match segment(&file_stem(name)) {
            s if s.is_empty() => "imported-".to_owned(),
            s => format!("{s}-"),
        },
    };
    match from {
        Foreign::Liwc => read_liwc(&mut d, text)?,
        Foreign::Lexicoder => read_lexicoder(&mut d, text)?,
        Foreign::Quanteda => read_quanteda(&mut d, text)?,
        Foreign::Wordstat => read_wordstat(&mut d, text)?,
    }
    Ok(d.finish())
}

/// Whether `text` looks like a quanteda dictionary rather than a framelens lexicon: a YAML
/// mapping whose values are lists of patterns, single patterns, nothing, or mappings of the same
/// shape, and whose top-level keys are not all framelens keys (`lexicon`, `version`,
/// `categories`, `labels`, `actors`). Used by `--lexicon` to read such a file through [`import`].
pub fn looks_like_quanteda(text: &str) -> bool {
    const FRAMELENS_KEYS: [&str; 5] = ["lexicon", "version", "categories", "labels", "actors"];
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(top) = crate::lexicon::yaml::from_str::<Spanned<QNode>>("", text) else {
        return false;
    };
    match top.value {
        QNode::Map(entries) => {
            !entries.is_empty()
                && !entries
                    .iter()
                    .all(|(k, _)| FRAMELENS_KEYS.contains(&k.value.as_str()))
        }
        _ => false,
    }
}

/// The foreign dictionary format of a file that is not a framelens lexicon, if it reads as one:
/// the format its extension names (`.dic`, `.lc3`, `.cat`) or its first line shows (`%` for
/// LIWC, `+Category` for Lexicoder), provided that [`import`] reads at least one entry from it.
/// A file that is a YAML mapping is never one (it is a lexicon with mistakes, or a quanteda
/// dictionary, which loads as it is). The name and the first line are looked at first: a
/// lexicon with mistakes, which has neither, is not read again.
pub fn recognise(path: &str, text: &str) -> Option<Foreign> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let by_content = if first == "%" {
        Some(Foreign::Liwc)
    } else if first.starts_with('+') {
        Some(Foreign::Lexicoder)
    } else {
        None
    };
    let by_name = Foreign::from_path(path).filter(|&f| f != Foreign::Quanteda);
    if by_name.is_none() && by_content.is_none() {
        return None;
    }
    if let Ok(top) = crate::lexicon::yaml::from_str::<Spanned<QNode>>("", text)
        && matches!(top.value, QNode::Map(_))
    {
        return None;
    }
    [by_name, by_content]
        .into_iter()
        .flatten()
        .find(|&f| import(path, text, f).is_ok_and(|c| c.labels > 0))
}

/// One label entry being imported.
struct DraftEntry {
    id: String,
    form: String,
    category: String,
}

/// The framelens lexicon an import builds up.
struct Draft<'a> {
    file: &'a str,
    from: Foreign,
    categories: Vec<String>,
    declared: HashSet<String>,
    entries: Vec<DraftEntry>,
    /// Normalized form -> (source line, category) of the entry that has it.
    forms: HashMap<String, (usize, String)>,
    ids: HashSet<String>,
    lost: Vec<String>,
    /// What every entry id starts with.
    prefix: String,
}

impl<'a> Draft<'a> {
    fn new(file: &'a str, from: Foreign) -> Self {
        Draft {
            file,
            from,
            categories: Vec::new(),
            declared: HashSet::new(),
            entries: Vec::new(),
            forms: HashMap::new(),
            ids: HashSet::new(),
            lost: Vec::new(),
            prefix: String::new(),
        }
    }

    fn err(&self, line: usize, message: impl Into<String>) -> ConvertError {
        ConvertError::at(self.file, line, message)
    }

    fn lose(&mut self, line: usize, message: impl fmt::Display) {
        self.lost.push(format!("{}:{line}: {message}", self.file));
    }

    /// The category path for a flat format's category name.
    fn flat_category(&self, name: &str) -> String {
        let seg = category_segment(name);
        match self.from.prefix() {
            Some(p) => format!("{p}/{seg}"),
            None => seg,
        }
    }

    fn declare(&mut self, category: &str) {
        if self.declared.insert(category.to_owned()) {
            self.categories.push(category.to_owned());
        }
    }

    /// Adds one pattern (already in framelens syntax apart from case and spacing) as an entry.
    /// Returns whether it became an entry.
    fn add(&mut self, line: usize, pattern: &str, category: &str) -> bool {
        let form = pattern
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if form.is_empty() {
            self.lose(line, format!("empty pattern in {category}"));
            return false;
        }
        if self.from.question_is_glob() && form.contains('?') {
            self.lose(
                line,
                format!(
                    "`{form}` ({category}): `?` (any one character) has no framelens equivalent"
                ),
            );
            return false;
        }
        if let Some(pos) = form.find('*') {
            if pos + 1 != form.len() {
                self.lose(
                    line,
                    format!(
                        "`{form}` ({category}): framelens allows `*` only at the end of the last word"
                    ),
                );
                return false;
            }
            let last = form[..pos].rsplit(' ').next().unwrap_or("");
            if last.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                self.lose(
                    line,
                    format!(
                        "`{form}` ({category}): framelens needs at least 3 letters before `*` (it would match too much)"
                    ),
                );
                return false;
            }
        }
        let key = Normalized::form(&form);
        if key.is_empty() {
            self.lose(
                line,
                format!("`{form}` ({category}): nothing left to match"),
            );
            return false;
        }
        if let Some((first, cat)) = self.forms.get(&key) {
            let msg = if cat == category {
                format!("`{form}` ({category}) repeats line {first}")
            } else {
                format!(
                    "`{form}` ({category}) is already an entry in {cat} (line {first}): a framelens form belongs to one entry"
                )
            };
            self.lose(line, msg);
            return false;
        }
        self.forms.insert(key, (line, category.to_owned()));
        self.declare(category);
        let base = match segment(&form) {
            s if s.is_empty() => format!("{}entry", self.prefix),
            s => format!("{}{s}", self.prefix),
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        self.entries.push(DraftEntry {
            id,
            form,
            category: category.to_owned(),
        });
        true
    }

    fn finish(self) -> Converted {
        let mut out = String::new();
        let source = self.from.display_name();
        let _ = writeln!(
            out,
            "# Imported by framelens from the {source} dictionary {}.",
            quote(self.file)
        );
        let _ = writeln!(
            out,
            "# One label entry per pattern: kind label, stance 0 unless the category says otherwise"
        );
        let _ = writeln!(
            out,
            "# (a path segment `negative` or `delegitimizing` gives -1, `positive` or `legitimizing` +1)."
        );
        if self.lost.is_empty() {
            let _ = writeln!(out, "# Everything was carried over.");
        } else {
            let _ = writeln!(
                out,
                "# {} item(s) could not be carried over; the conversion report lists them.",
                self.lost.len()
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "lexicon: {}", quote(&file_stem(self.file)));
        let _ = writeln!(out);
        if self.categories.is_empty() {
            let _ = writeln!(out, "categories: []");
        } else {
            let _ = writeln!(out, "categories:");
            for c in &self.categories {
                let _ = writeln!(out, "  - {}", quote(c));
            }
        }
        let _ = writeln!(out);
        let note = quote(&format!("imported from {source}: {}", self.file));
        if self.entries.is_empty() {
            let _ = writeln!(out, "labels: []");
        } else {
            let _ = writeln!(out, "labels:");
            for e in &self.entries {
                let _ = writeln!(out, "  - id: {}", quote(&e.id));
                let _ = writeln!(out, "    forms: [{}]", quote(&e.form));
                let _ = writeln!(out, "    category: {}", quote(&e.category));
                let _ = writeln!(out, "    stance: {}", implied_stance(&e.category));
                let _ = writeln!(out, "    kind: label");
                let _ = writeln!(out, "    note: {note}");
            }
        }
        Converted {
            text: out,
            lost: self.lost,
            labels: self.entries.len(),
            categories: self.categories.len(),
        }
    }
}

/// The stance an imported entry gets from its category path.
fn implied_stance(category: &str) -> i8 {
    for seg in category.split('/') {
        match seg {
            "negative" | "delegitimizing" => return -1,
            "positive" | "legitimizing" => return 1,
            _ => {}
        }
    }
    0
}

/// A category path segment or id: lower case; runs of anything but letters and digits become `-`.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A non-empty category segment for a name (`category` when nothing usable is left).
fn category_segment(name: &str) -> String {
    match segment(name) {
        s if s.is_empty() => "category".to_owned(),
        s => s,
    }
}

/// The file name without directories and extension.
fn file_stem(path: &str) -> String {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    };
    if stem.trim().is_empty() {
        "imported".to_owned()
    } else {
        stem.to_owned()
    }
}

/// The lines of a text with 1-based numbers, without line ends.
fn numbered(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l))
}

// --- LIWC ---------------------------------------------------------------------------------------

fn read_liwc(d: &mut Draft, text: &str) -> Result<(), ConvertError> {
    let mut lines = numbered(text).filter(|(_, l)| !l.trim().is_empty());
    let open = match lines.next() {
        Some((n, l)) if l.trim() == "%" => n,
        Some((n, _)) => {
            return Err(d.err(
                n,
                "expected `%`: a LIWC dictionary starts with a `%` line, then `ID<TAB>CATEGORY` lines, then `%`",
            ));
        }
        None => {
            return Err(d.err(
                1,
                "empty file: a LIWC dictionary starts with a `%` line, then `ID<TAB>CATEGORY` lines, then `%`",
            ));
        }
    };

    let ids = liwc_categories(d, &mut lines, open)?;
    for (n, line) in lines {
        liwc_word(d, n, line, &ids)?;
    }
    Ok(())
}

/// The category list between the first two `%` lines: each id with its category path and line.
fn liwc_categories<'t>(
    d: &mut Draft,
    lines: &mut impl Iterator<Item = (usize, &'t str)>,
    open: usize,
) -> Result<HashMap<u64, (String, usize)>, ConvertError> {
    let mut ids: HashMap<u64, (String, usize)> = HashMap::new();
    let mut closed = false;
    for (n, line) in lines.by_ref() {
        let t = line.trim();
        if t == "%" {
            closed = true;
            break;
        }
        let (id, rest) = match t.split_once(char::is_whitespace) {
            Some((id, rest)) => (id, rest.trim()),
            None => (t, ""),
        };
        let Ok(num) = id.parse::<u64>() else {
            return Err(d.err(
                n,
                format!(
                    "expected `ID<TAB>CATEGORY` (a number, then a name) or the `%` that closes the category list, found `{t}`"
                ),
            ));
        };
        let (name, extra) = match rest.split_once('\t') {
            Some((name, extra)) => (name.trim(), extra.trim()),
            None => (rest, ""),
        };
        if name.is_empty() {
            return Err(d.err(n, format!("category {id} has no name")));
        }
        if let Some((_, first)) = ids.get(&num) {
            return Err(d.err(
                n,
                format!("category id {id} is declared twice (first on line {first})"),
            ));
        }
        if !extra.is_empty() {
            d.lose(
                n,
                format!("text after the name of category {id} (`{extra}`) is not kept"),
            );
        }
        let path = d.flat_category(name);
        d.declare(&path);
        ids.insert(num, (path, n));
    }
    if !closed {
        return Err(d.err(
            open,
            "the category list opened by this `%` is never closed by a second `%` line",
        ));
    }

    Ok(ids)
}

/// One `WORD<TAB>ID ...` line after the category list, added under its first category.
fn liwc_word(
    d: &mut Draft,
    n: usize,
    line: &str,
    ids: &HashMap<u64, (String, usize)>,
) -> Result<(), ConvertError> {
    let (word, codes): (String, Vec<&str>) = if line.contains('\t') {
        let (w, rest) = line.split_once('\t').unwrap_or((line, ""));
        (w.trim().to_owned(), rest.split_whitespace().collect())
    } else {
        let toks: Vec<&str> = line.split_whitespace().collect();
        let words = toks
            .iter()
            .rposition(|t| !t.chars().all(|c| c.is_ascii_digit()))
            .map_or(0, |i| i + 1);
        (toks[..words].join(" "), toks[words..].to_vec())
    };
    if word == "%" {
        return Err(d.err(n, "a third `%` line: the category list is already closed"));
    }
    if word.is_empty() {
        return Err(d.err(n, "a line with category ids but no word"));
    }
    let mut cats: Vec<String> = Vec::new();
    let mut odd: Vec<&str> = Vec::new();
    for code in codes {
        if !code.chars().all(|c| c.is_ascii_digit()) {
            odd.push(code);
            continue;
        }
        match code.parse::<u64>().ok().and_then(|k| ids.get(&k)) {
            Some((path, _)) => {
                if !cats.contains(path) {
                    cats.push(path.clone());
                }
            }
            None => {
                return Err(d.err(
                    n,
                    format!(
                        "`{word}` refers to category {code}, which is not declared between the `%` lines"
                    ),
                ));
            }
        }
    }
    if !odd.is_empty() {
        d.lose(
            n,
            format!(
                "`{word}`: codes `{}` (LIWC conditional categories) cannot be expressed",
                odd.join(" ")
            ),
        );
    }
    let Some(first) = cats.first() else {
        if odd.is_empty() {
            return Err(d.err(
                n,
                format!("`{word}` has no category id (expected `WORD<TAB>ID`)"),
            ));
        }
        return Ok(());
    };
    if d.add(n, &word, first) && cats.len() > 1 {
        d.lose(
            n,
            format!(
                "`{}` is also in {}: a framelens entry has one category (kept {first})",
                word.to_lowercase(),
                cats[1..].join(", ")
            ),
        );
    }
    Ok(())
}

// --- Lexicoder ----------------------------------------------------------------------------------

fn read_lexicoder(d: &mut Draft, text: &str) -> Result<(), ConvertError> {
    let mut category: Option<String> = None;
    for (n, line) in numbered(text) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('+') {
            let name = name.trim();
            if name.is_empty() {
                return Err(d.err(n, "a `+` line without a category name"));
            }
            let path = d.flat_category(name);
            d.declare(&path);
            category = Some(path);
            continue;
        }
        let Some(cat) = category.clone() else {
            return Err(d.err(n, format!("`{t}` comes before any `+Category` line")));
        };
        // Spaces at either end only mark word boundaries, which framelens forms always have.
        d.add(n, t, &cat);
    }
    Ok(())
}

// --- quanteda -----------------------------------------------------------------------------------

/// A quanteda dictionary node, in file order.
enum QNode {
    Map(Vec<(Spanned<String>, Spanned<QNode>)>),
    List(Vec<Spanned<String>>),
    Text(String),
    Null,
}

impl<'de> Deserialize<'de> for QNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = QNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of keys to lists of patterns")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<QNode, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<Spanned<String>>()? {
                    let v = m.next_value::<Spanned<QNode>>()?;
                    out.push((k, v));
                }
                Ok(QNode::Map(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<QNode, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = s.next_element::<Spanned<String>>()? {
                    out.push(v);
                }
                Ok(QNode::List(out))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<QNode, E> {
                Ok(QNode::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<QNode, E> {
                Ok(QNode::Text(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<QNode, E> {
                Ok(QNode::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<QNode, E> {
                Ok(QNode::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<QNode, E> {
                Ok(QNode::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<QNode, E> {
                Ok(QNode::Text(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<QNode, E> {
                Ok(QNode::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<QNode, E> {
                Ok(QNode::Null)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<QNode, D2::Error> {
                QNode::deserialize(d)
            }
        }
        d.deserialize_any(V)
    }
}

fn read_quanteda(d: &mut Draft, text: &str) -> Result<(), ConvertError> {
    let top: Spanned<QNode> = crate::lexicon::yaml::from_str(d.file, text).map_err(|e| {
        if e.line > 0 {
            ConvertError::at(d.file, e.line as usize, e.message)
        } else {
            ConvertError::Invalid {
                file: d.file.to_owned(),
                message: e.message,
            }
        }
    })?;
    let line = top.referenced.line() as usize;
    match top.value {
        QNode::Map(entries) => {
            walk_quanteda(d, &[], &entries);
            Ok(())
        }
        QNode::Null => Err(d.err(
            1,
            "empty file: a quanteda dictionary is a mapping of keys to lists of patterns",
        )),
        QNode::List(_) | QNode::Text(_) => Err(d.err(
            line,
            "not a mapping: a quanteda dictionary maps keys to lists of patterns (`KEY: [pattern, pattern]`)",
        )),
    }
}

fn walk_quanteda(d: &mut Draft, path: &[String], entries: &[(Spanned<String>, Spanned<QNode>)]) {
    for (key, value) in entries {
        let mut p = path.to_vec();
        if !key.value.is_empty() {
            p.push(category_segment(&key.value));
        }
        let cat = p.join("/");
        let patterns: Vec<(usize, &str)> = match &value.value {
            QNode::Map(sub) => {
                walk_quanteda(d, &p, sub);
                continue;
            }
            QNode::List(items) => items
                .iter()
                .map(|s| (s.referenced.line() as usize, s.value.as_str()))
                .collect(),
            QNode::Text(s) => vec![(value.referenced.line() as usize, s.as_str())],
            QNode::Null => Vec::new(),
        };
        if cat.is_empty() {
            for (line, pat) in patterns {
                d.lose(
                    line,
                    format!("`{pat}` sits under '' at the top level, so it has no category"),
                );
            }
            continue;
        }
        d.declare(&cat);
        for (line, pat) in patterns {
            d.add(line, pat, &cat);
        }
    }
}

// --- WordStat -----------------------------------------------------------------------------------

struct WsLine<'a> {
    number: usize,
    indent: usize,
    text: &'a str,
    weight: Option<&'a str>,
}

/// Indentation width with tab stops every 4 columns.
fn indent_width(line: &str) -> usize {
    let mut w = 0;
    for c in line.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w = (w / 4 + 1) * 4,
            c if c.is_whitespace() => w += 1,
            _ => break,
        }
    }
    w
}

/// Splits `WORD (1)` into the word and its weight.
fn split_weight(t: &str) -> (&str, Option<&str>) {
    if let Some(body) = t.strip_suffix(')')
        && let Some((word, w)) = body.rsplit_once('(')
    {
        let w = w.trim();
        let numeric = !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
            && w.chars().any(|c| c.is_ascii_digit());
        if numeric {
            return (word.trim_end(), Some(w));
        }
    }
    (t, None)
}

/// Deepest WordStat category nesting accepted (a guard against pathological files).
const MAX_DEPTH: usize = 64;

fn read_wordstat(d: &mut Draft, text: &str) -> Result<(), ConvertError> {
    let lines: Vec<WsLine> = numbered(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(number, l)| {
            let (text, weight) = split_weight(l.trim());
            WsLine {
                number,
                indent: indent_width(l),
                text,
                weight,
            }
        })
        .collect();
    // Open categories: (indentation, path).
    let mut open: Vec<(usize, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        while open.last().is_some_and(|(ind, _)| *ind >= l.indent) {
            open.pop();
        }
        let has_children = lines.get(i + 1).is_some_and(|n| n.indent > l.indent);
        let parent = open.last().map(|(_, p)| p.clone());
        let child_path = |name: &str| match &parent {
            Some(p) => format!("{p}/{}", category_segment(name)),
            None => category_segment(name),
        };
        if has_children {
            if let Some(w) = l.weight {
                return Err(d.err(
                    l.number,
                    format!(
                        "`{} ({w})` has a weight, so it is an entry, but lines are indented below it",
                        l.text
                    ),
                ));
            }
            if l.text.is_empty() {
                return Err(d.err(l.number, "a category line without a name"));
            }
            if open.len() >= MAX_DEPTH {
                return Err(d.err(
                    l.number,
                    format!("categories nested more than {MAX_DEPTH} deep"),
                ));
            }
            open.push((l.indent, child_path(l.text)));
            continue;
        }
        match (&parent, l.weight) {
            (None, None) => {
                // A category with nothing in it.
                let path = child_path(l.text);
                d.declare(&path);
            }
            (None, Some(w)) => {
                return Err(d.err(
                    l.number,
                    format!(
                        "entry `{} ({w})` is not inside any category (indent it below a category line)",
                        l.text
                    ),
                ));
            }
            (Some(cat), w) => {
                if let Some(w) = w
                    && w.parse::<f64>().ok() != Some(1.0)
                {
                    d.lose(
                        l.number,
                        format!(
                            "`{}`: weight {w} is not kept (framelens has no weights)",
                            l.text
                        ),
                    );
                }
                d.declare(cat);
                d.add(l.number, &l.text.replace('_', " "), cat);
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------------
// Export
// ------------------------------------------------------------------------------------------------

/// Writes the label entries of `lex` in format `to`. The text goes to [`Converted::text`]; what the
/// format cannot express (regexes, exclusions, stances, kinds, targets, notes, actors) is listed
/// in `lost` with counts and entry ids.
pub fn export(lex: &Lexicon, to: Foreign) -> Converted {
    let name = to.display_name();
    let mut lost = Vec::new();
    // (category, form) in lexicon order.
    let mut items: Vec<(&str, &str)> = Vec::new();
    let mut exported = 0;
    let mut dropped = Dropped::default();
    for e in &lex.labels {
        let mut any = false;
        for f in &e.forms {
            match inexpressible(to, f) {
                None => {
                    items.push((&e.category, f));
                    any = true;
                }
                Some(why) => lost.push(format!("entry `{}`: form `{f}` {why}", e.id)),
            }
        }
        if any {
            exported += 1;
        }
        dropped.note(e, to);
    }
    dropped.say(name, &mut lost);
    if !lex.actors.is_empty() {
        let ids: Vec<&str> = lex.actors.iter().map(|a| a.id.as_str()).collect();
        lost.push(format!(
            "{} actors left out (actors cannot be expressed in {name}): {}",
            ids.len(),
            ids.join(", ")
        ));
    }
    let used: BTreeSet<&str> = items.iter().map(|(c, _)| *c).collect();
    let unused: Vec<&str> = lex
        .categories
        .iter()
        .map(String::as_str)
        .filter(|c| !used.contains(c))
        .collect();
    if !unused.is_empty() {
        lost.push(format!(
            "{} categories without exported forms left out: {}",
            unused.len(),
            unused.join(", ")
        ));
    }
    let (text, categories) = match to {
        Foreign::Liwc => write_liwc(&items, &used, &mut lost),
        Foreign::Lexicoder => write_lexicoder(&items, &used, &mut lost),
        Foreign::Quanteda => write_quanteda(&items, &used, lex),
        Foreign::Wordstat => write_wordstat(&items, &used),
    };
    Converted {
        text,
        lost,
        labels: exported,
        categories,
    }
}

/// The ids of the entries that lose something in an export, by what they lose.
#[derive(Default)]
struct Dropped<'a> {
    regex_only: Vec<&'a str>,
    regex_dropped: Vec<&'a str>,
    excluded: Vec<&'a str>,
    stances: BTreeMap<i8, Vec<&'a str>>,
    kinds: BTreeMap<Kind, Vec<&'a str>>,
    targeted: Vec<&'a str>,
    noted: Vec<&'a str>,
    grouped: Vec<&'a str>,
}

impl<'a> Dropped<'a> {
    /// Notes what entry `e` loses when written in format `to`.
    fn note(&mut self, e: &'a LabelEntry, to: Foreign) {
        if e.forms.len() > 1 {
            self.grouped.push(e.id.as_str());
        }
        if e.regex.is_some() {
            if e.forms.is_empty() {
                self.regex_only.push(e.id.as_str());
            } else {
                self.regex_dropped.push(e.id.as_str());
            }
        }
        if !e.exclude.is_empty() {
            self.excluded.push(e.id.as_str());
        }
        if e.stance != implied_stance(&reimported_category(to, &e.category)) {
            self.stances.entry(e.stance).or_default().push(&e.id);
        }
        if e.kind != Kind::Label {
            self.kinds.entry(e.kind).or_default().push(&e.id);
        }
        if !e.targets.is_empty() {
            self.targeted.push(e.id.as_str());
        }
        if e.note
            .as_ref()
            .is_some_and(|n| !n.starts_with("imported from "))
        {
            self.noted.push(e.id.as_str());
        }
    }

    /// One line of `lost` per kind of loss, with the count and the ids; `name`: the format's.
    fn say(&self, name: &str, lost: &mut Vec<String>) {
        let mut say = |ids: &[&str], what: String| {
            if !ids.is_empty() {
                lost.push(format!("{} {what}: {}", ids.len(), ids.join(", ")));
            }
        };
        say(
            &self.regex_only,
            format!("regex entries left out (a regex cannot be expressed in {name})"),
        );
        say(
            &self.regex_dropped,
            format!("entries lost their regex (forms kept; a regex cannot be expressed in {name})"),
        );
        say(
            &self.excluded,
            format!("entries lost their exclusions ({name} has none)"),
        );
        for (stance, ids) in &self.stances {
            say(
                ids,
                format!("entries lost their stance {stance} ({name} has no stances)"),
            );
        }
        for (kind, ids) in &self.kinds {
            say(
                ids,
                format!(
                    "entries lost their kind `{}` (every entry re-imports as `label`)",
                    kind.as_str()
                ),
            );
        }
        say(&self.targeted, "entries lost their targets".to_owned());
        say(&self.noted, "entries lost their notes".to_owned());
        say(
            &self.grouped,
            "entries with several forms became one pattern per form (entry ids and grouping are not kept)"
                .to_owned(),
        );
    }
}

/// Why a form cannot be written in format `to`, if it cannot.
fn inexpressible(to: Foreign, form: &str) -> Option<&'static str> {
    match to {
        Foreign::Liwc if form == "%" => Some("would read as a LIWC section mark"),
        Foreign::Lexicoder if form.starts_with('+') => {
            Some("would read as a Lexicoder category line")
        }
        Foreign::Quanteda if form.contains('?') => {
            Some("contains `?`, a wildcard in quanteda patterns")
        }
        Foreign::Wordstat if form.contains('_') => {
            Some("contains `_`, which WordStat reads as a space")
        }
        Foreign::Wordstat if form.contains('?') => Some("contains `?`, a wildcard in WordStat"),
        Foreign::Wordstat if split_weight(form).1.is_some() => {
            Some("ends in a number in parentheses, which WordStat reads as a weight")
        }
        _ => None,
    }
}

/// The category name a flat format gets: the import prefix removed, `/` joined as `_`.
fn flat_name(to: Foreign, path: &str) -> String {
    let rest = to
        .prefix()
        .and_then(|p| path.strip_prefix(p)?.strip_prefix('/'))
        .unwrap_or(path);
    rest.replace('/', "_")
}

/// The category path an exported category gets when it is imported again.
fn reimported_category(to: Foreign, path: &str) -> String {
    match to.prefix() {
        Some(p) => format!("{p}/{}", category_segment(&flat_name(to, path))),
        None => path
            .split('/')
            .map(category_segment)
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// Assigns each used category its flat name, noting paths that end up sharing one.
fn flat_names<'a>(
    to: Foreign,
    used: &BTreeSet<&'a str>,
    lost: &mut Vec<String>,
) -> (Vec<String>, HashMap<&'a str, usize>) {
    let mut names: Vec<String> = Vec::new();
    let mut sources: Vec<Vec<&str>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for &c in used {
        let n = flat_name(to, c);
        let i = match names.iter().position(|x| *x == n) {
            Some(i) => i,
            None => {
                names.push(n);
                sources.push(Vec::new());
                names.len() - 1
            }
        };
        sources[i].push(c);
        index.insert(c, i);
    }
    for (n, s) in names.iter().zip(&sources) {
        if s.len() > 1 {
            lost.push(format!(
                "categories {} were merged into one {} category `{n}`",
                s.join(", "),
                to.display_name()
            ));
        }
    }
    (names, index)
}

fn write_liwc(
    items: &[(&str, &str)],
    used: &BTreeSet<&str>,
    lost: &mut Vec<String>,
) -> (String, usize) {
    let (names, index) = flat_names(Foreign::Liwc, used, lost);
    let mut out = String::from("%\n");
    for (i, n) in names.iter().enumerate() {
        let _ = writeln!(out, "{}\t{n}", i + 1);
    }
    out.push_str("%\n");
    let mut words: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (c, f) in items {
        let id = index[c] + 1;
        let f = f.to_lowercase();
        let w = *at.entry(f.clone()).or_insert_with(|| {
            words.push((f, Vec::new()));
            words.len() - 1
        });
        if !words[w].1.contains(&id) {
            words[w].1.push(id);
        }
    }
    for (w, ids) in &words {
        out.push_str(w);
        for id in ids {
            let _ = write!(out, "\t{id}");
        }
        out.push('\n');
    }
    (out, names.len())
}

fn write_lexicoder(
    items: &[(&str, &str)],
    used: &BTreeSet<&str>,
    lost: &mut Vec<String>,
) -> (String, usize) {
    let (names, index) = flat_names(Foreign::Lexicoder, used, lost);
    let mut per: Vec<Vec<String>> = vec![Vec::new(); names.len()];
    for (c, f) in items {
        let f = f.to_lowercase();
        let list = &mut per[index[c]];
        if !list.contains(&f) {
            list.push(f);
        }
    }
    let mut out = String::new();
    for (i, (n, forms)) in names.iter().zip(&per).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "+{n}");
        for f in forms {
            let _ = writeln!(out, "{f}");
        }
    }
    (out, names.len())
}

/// A category tree for the nested formats.
#[derive(Default)]
struct Tree {
    values: Vec<String>,
    children: Vec<(String, Tree)>,
}

impl Tree {
    fn build(items: &[(&str, &str)], used: &BTreeSet<&str>) -> Tree {
        let mut root = Tree::default();
        for c in used {
            root.node(c);
        }
        for (c, f) in items {
            let f = f.to_lowercase();
            let node = root.node(c);
            if !node.values.contains(&f) {
                node.values.push(f);
            }
        }
        root
    }

    fn node(&mut self, path: &str) -> &mut Tree {
        let mut t = self;
        for seg in path.split('/') {
            let i = match t.children.iter().position(|(k, _)| k == seg) {
                Some(i) => i,
                None => {
                    t.children.push((seg.to_owned(), Tree::default()));
                    t.children.len() - 1
                }
            };
            t = &mut t.children[i].1;
        }
        t
    }
}

fn write_quanteda(items: &[(&str, &str)], used: &BTreeSet<&str>, lex: &Lexicon) -> (String, usize) {
    fn write(out: &mut String, t: &Tree, depth: usize) {
        let pad = "  ".repeat(depth);
        for (k, c) in &t.children {
            if c.children.is_empty() {
                if c.values.is_empty() {
                    let _ = writeln!(out, "{pad}{}: []", quote(k));
                    continue;
                }
                let _ = writeln!(out, "{pad}{}:", quote(k));
                for v in &c.values {
                    let _ = writeln!(out, "{pad}  - {}", quote(v));
                }
                continue;
            }
            let _ = writeln!(out, "{pad}{}:", quote(k));
            if !c.values.is_empty() {
                let _ = writeln!(out, "{pad}  '':");
                for v in &c.values {
                    let _ = writeln!(out, "{pad}    - {}", quote(v));
                }
            }
            write(out, c, depth + 1);
        }
    }
    let tree = Tree::build(items, used);
    let mut out = String::new();
    let sources: Vec<String> = lex.files.iter().map(|f| quote(&f.path)).collect();
    let _ = writeln!(
        out,
        "# quanteda dictionary exported by framelens from {}.",
        if sources.is_empty() {
            "a lexicon".to_owned()
        } else {
            sources.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "# Keys are framelens category paths; values are glob patterns, one per framelens form."
    );
    if tree.children.is_empty() {
        out.push_str("{}\n");
    } else {
        write(&mut out, &tree, 0);
    }
    (out, used.len())
}

fn write_wordstat(items: &[(&str, &str)], used: &BTreeSet<&str>) -> (String, usize) {
    fn write(out: &mut String, t: &Tree, depth: usize) {
        for (k, c) in &t.children {
            let _ = writeln!(out, "{}{}", "\t".repeat(depth), k.to_uppercase());
            for v in &c.values {
                let _ = writeln!(
                    out,
                    "{}{} (1)",
                    "\t".repeat(depth + 1),
                    v.to_uppercase().replace(' ', "_")
                );
            }
            write(out, c, depth + 1);
        }
    }
    let tree = Tree::build(items, used);
    let mut out = String::new();
    write(&mut out, &tree, 0);
    (out, used.len())
}

// ------------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconBuilder;

    const LIWC: &str = "%
1\tposemo
2\tnegemo
3\tSocial Processes
%
abandon*\t2
love\t1\t3
kind of\t1
hate\t2\t3\t1
ab*\t2
friend*\t3\n";

    const LEXICODER: &str = "+NEGATIVE
ABANDON*
 ARM\x20
TERROR  GROUP
*SHAME
+POSITIVE
FREEDOM FIGHTER*
arm

+NEG_POSITIVE
NOT GOOD\n";

    const QUANTEDA: &str = "# a quanteda dictionary
conflict:
  '': [war, conflict*]
  actors:
    rebels: [rebel*, insurgent group, freedom fighter]
    state: [regime, army]
  empty:
negative:
  - terror*
  - te?ror
  - ter*or
  - war
positive: peace\n";

    const WORDSTAT: &str = "CONFLICT
\tWAR (1)
\tACTORS
\t\tREBEL* (1)
\t\tFREEDOM_FIGHTER (2)
\t\tINSURGENT_GROUP
\tSTATE
\t\tREGIME (1)
\t\tWAR (1)
NEGATIVE
\tTERROR* (1)
\tT? (1)
EMPTY\n";

    /// An import with the bare words as ids.
    fn bare(name: &str, text: &str, from: Foreign) -> Result<Converted, ConvertError> {
        import_prefixed(name, text, from, Some(""))
    }

    fn load(yaml: &str) -> crate::lexicon::Lexicon {
        match LexiconBuilder::new().text("imported", yaml).build() {
            Ok(l) => l,
            Err(e) => panic!("imported YAML does not load:\n{e}\n---\n{yaml}"),
        }
    }

    /// (form, category, stance) of every entry, sorted.
    fn entries(lex: &crate::lexicon::Lexicon) -> Vec<(String, String, i8)> {
        let mut v: Vec<_> = lex
            .labels
            .iter()
            .flat_map(|l| {
                l.forms
                    .iter()
                    .map(|f| (f.clone(), l.category.clone(), l.stance))
            })
            .collect();
        v.sort();
        v
    }

    fn has(v: &[(String, String, i8)], form: &str, cat: &str) -> bool {
        v.iter().any(|(f, c, _)| f == form && c == cat)
    }

    fn lost_mentions(c: &Converted, what: &str) -> bool {
        c.lost.iter().any(|l| l.contains(what))
    }

    #[test]
    fn format_names() {
        for f in Foreign::ALL {
            assert_eq!(f.as_str().parse::<Foreign>().unwrap(), f);
            assert_eq!(Foreign::from_path(&format!("x.{}", f.extension())), Some(f));
        }
        assert_eq!("LIWC".parse::<Foreign>().unwrap(), Foreign::Liwc);
        let e = "yoshikoder".parse::<Foreign>().unwrap_err();
        assert!(e.to_string().contains("yoshikoder"), "{e}");
    }

    #[test]
    fn liwc_import() {
        let c = bare("test.dic", LIWC, Foreign::Liwc).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        assert!(has(&e, "abandon*", "liwc/negemo"), "{e:?}");
        assert!(has(&e, "love", "liwc/posemo"));
        assert!(has(&e, "kind of", "liwc/posemo"));
        assert!(has(&e, "hate", "liwc/negemo"));
        assert!(has(&e, "friend*", "liwc/social-processes"));
        assert_eq!(c.labels, 5);
        assert_eq!(c.categories, 3);
        assert!(lex.categories.contains("liwc/social-processes"));
        // Other categories of a word, and a glob too short for framelens, are reported with lines.
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("test.dic:7:") && l.contains("liwc/social-processes")),
            "{:?}",
            c.lost
        );
        assert!(
            c.lost.iter().any(|l| l.starts_with("test.dic:9:")
                && l.contains("liwc/social-processes, liwc/posemo")),
            "{:?}",
            c.lost
        );
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("test.dic:10:") && l.contains("`ab*`")),
            "{:?}",
            c.lost
        );
        let love = lex.label("love").unwrap();
        assert_eq!(love.stance, 0);
        assert_eq!(love.kind, Kind::Label);
        assert_eq!(love.note.as_deref(), Some("imported from LIWC: test.dic"));
        assert!(
            c.text
                .starts_with("# Imported by framelens from the LIWC dictionary")
        );
        assert_eq!(lex.files[0].name, "test");
        // It loads beside the bundled lexicons too.
        LexiconBuilder::new()
            .bundled()
            .text("test.dic", &c.text)
            .build()
            .unwrap();
    }

    #[test]
    fn liwc_without_tabs_and_conditional_codes() {
        let src = "%\n01 funct\n02 pronoun\n125 affect\n%\nkind of 01 02\nkind\t(02 134)125/464\t125\nlike\t(02 134)125\n";
        let c = import("old.dic", src, Foreign::Liwc).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        assert!(has(&e, "kind of", "liwc/funct"), "{e:?}");
        assert!(has(&e, "kind", "liwc/affect"), "{e:?}");
        assert!(!e.iter().any(|(f, _, _)| f == "like"));
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("old.dic:8:") && l.contains("conditional")),
            "{:?}",
            c.lost
        );
    }

    #[test]
    fn lexicoder_import() {
        let c = bare("lsd.lc3", LEXICODER, Foreign::Lexicoder).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        assert!(has(&e, "abandon*", "lexicoder/negative"), "{e:?}");
        assert!(has(&e, "arm", "lexicoder/negative"));
        assert!(has(&e, "terror group", "lexicoder/negative"));
        assert!(has(&e, "freedom fighter*", "lexicoder/positive"));
        assert!(has(&e, "not good", "lexicoder/neg-positive"));
        // The category name gives the stance.
        assert_eq!(lex.label("abandon").unwrap().stance, -1);
        assert_eq!(lex.label("freedom-fighter").unwrap().stance, 1);
        assert_eq!(lex.label("not-good").unwrap().stance, 0);
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("lsd.lc3:5:") && l.contains("*shame")),
            "{:?}",
            c.lost
        );
        // `arm` again (in another category) is reported, not duplicated.
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("lsd.lc3:8:") && l.contains("lexicoder/negative")),
            "{:?}",
            c.lost
        );
    }

    #[test]
    fn quanteda_import() {
        let c = bare("dict.yml", QUANTEDA, Foreign::Quanteda).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        assert!(has(&e, "war", "conflict"), "{e:?}");
        assert!(has(&e, "conflict*", "conflict"));
        assert!(has(&e, "rebel*", "conflict/actors/rebels"));
        assert!(has(&e, "insurgent group", "conflict/actors/rebels"));
        assert!(has(&e, "regime", "conflict/actors/state"));
        assert!(has(&e, "terror*", "negative"));
        assert!(has(&e, "peace", "positive"));
        assert!(lex.categories.contains("conflict/empty"));
        assert_eq!(lex.label("terror").unwrap().stance, -1);
        assert_eq!(lex.label("peace").unwrap().stance, 1);
        assert_eq!(lex.label("regime").unwrap().stance, 0);
        for (line, what) in [(10, "te?ror"), (11, "ter*or"), (12, "`war` (negative)")] {
            assert!(
                c.lost
                    .iter()
                    .any(|l| l.starts_with(&format!("dict.yml:{line}:")) && l.contains(what)),
                "{line} {what}: {:?}",
                c.lost
            );
        }
    }

    #[test]
    fn wordstat_import() {
        let c = bare("dict.cat", WORDSTAT, Foreign::Wordstat).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        assert!(has(&e, "war", "conflict"), "{e:?}");
        assert!(has(&e, "rebel*", "conflict/actors"));
        assert!(has(&e, "freedom fighter", "conflict/actors"));
        assert!(has(&e, "insurgent group", "conflict/actors"));
        assert!(has(&e, "regime", "conflict/state"));
        assert!(has(&e, "terror*", "negative"));
        assert!(lex.categories.contains("empty"));
        assert_eq!(lex.label("terror").unwrap().stance, -1);
        for (line, what) in [(5, "weight 2"), (9, "`war` (conflict/state)"), (12, "`t?`")] {
            assert!(
                c.lost
                    .iter()
                    .any(|l| l.starts_with(&format!("dict.cat:{line}:")) && l.contains(what)),
                "{line} {what}: {:?}",
                c.lost
            );
        }
    }

    #[test]
    fn wordstat_with_spaces_and_crlf() {
        let src = "POLITICS\r\n    GOVERNMENT\r\n        MINISTER (1)\r\n    PARTY* (1)\r\n";
        let c = import("x.cat", src, Foreign::Wordstat).unwrap();
        let e = entries(&load(&c.text));
        assert!(has(&e, "minister", "politics/government"), "{e:?}");
        assert!(has(&e, "party*", "politics"), "{e:?}");
    }

    #[test]
    fn ids_are_derived_from_forms_prefixed_and_unique() {
        let src = "+A\nterror\nterror*\nterror's\nU.S.\n";
        let c = import("x.lc3", src, Foreign::Lexicoder).unwrap();
        let lex = load(&c.text);
        let ids: Vec<&str> = lex.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["x-terror", "x-terror-2", "x-terror-s", "x-u-s"]);
        let c = import_prefixed("x.lc3", src, Foreign::Lexicoder, Some("")).unwrap();
        let lex = load(&c.text);
        let ids: Vec<&str> = lex.labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["terror", "terror-2", "terror-s", "u-s"]);
    }

    #[test]
    fn odd_text_is_quoted_safely() {
        let src = "%\n1\tweird: \"cat\" #1\n%\n\"quoted\" word\t1\nback\\slash\t1\n# not a comment\t1\nnull\t1\n- dash\t1\n";
        let c = import("we\"ird\n.dic", src, Foreign::Liwc).unwrap();
        let lex = load(&c.text);
        let e = entries(&lex);
        for f in [
            "\"quoted\" word",
            "back\\slash",
            "# not a comment",
            "null",
            "- dash",
        ] {
            assert!(has(&e, f, "liwc/weird-cat-1"), "{f}: {e:?}");
        }
    }

    /// import, export, import again: the same entries; one more round gives the same texts.
    #[test]
    fn round_trips_are_stable() {
        for (from, name, src) in [
            (Foreign::Liwc, "t.dic", LIWC),
            (Foreign::Lexicoder, "t.lc3", LEXICODER),
            (Foreign::Quanteda, "t.yml", QUANTEDA),
            (Foreign::Wordstat, "t.cat", WORDSTAT),
        ] {
            let first = import(name, src, from).unwrap();
            let lex1 = load(&first.text);
            let out1 = export(&lex1, from);
            let second = import(name, &out1.text, from)
                .unwrap_or_else(|e| panic!("{from}: {e}\n{}", out1.text));
            assert!(second.lost.is_empty(), "{from}: {:?}", second.lost);
            let lex2 = load(&second.text);
            assert_eq!(entries(&lex1), entries(&lex2), "{from}\n{}", out1.text);
            let out2 = export(&lex2, from);
            let third = import(name, &out2.text, from).unwrap();
            assert_eq!(out1.text, out2.text, "{from}");
            assert_eq!(second.text, third.text, "{from}");
        }
    }

    #[test]
    fn export_formats_by_example() {
        let src = "categories: [a/b, a, c]\nlabels:
  - {id: x, forms: [rebel*, freedom fighter], category: a/b, stance: 0, kind: label}
  - {id: y, forms: [war], category: a, stance: 0, kind: label}
  - {id: z, forms: [rebel*], category: c, stance: 0, kind: label}\n";
        let lex = load(src);
        let liwc = export(&lex, Foreign::Liwc);
        assert_eq!(
            liwc.text,
            "%\n1\ta\n2\ta_b\n3\tc\n%\nrebel*\t2\t3\nfreedom fighter\t2\nwar\t1\n"
        );
        let lc = export(&lex, Foreign::Lexicoder);
        assert_eq!(
            lc.text,
            "+a\nwar\n\n+a_b\nrebel*\nfreedom fighter\n\n+c\nrebel*\n"
        );
        let q = export(&lex, Foreign::Quanteda);
        let body: String = q
            .text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(
            body,
            "\"a\":\n  '':\n    - \"war\"\n  \"b\":\n    - \"rebel*\"\n    - \"freedom fighter\"\n\"c\":\n  - \"rebel*\"\n"
        );
        let ws = export(&lex, Foreign::Wordstat);
        assert_eq!(
            ws.text,
            "A\n\tWAR (1)\n\tB\n\t\tREBEL* (1)\n\t\tFREEDOM_FIGHTER (1)\nC\n\tREBEL* (1)\n"
        );
        for c in [&liwc, &lc, &q, &ws] {
            assert_eq!(c.labels, 3);
            assert_eq!(c.categories, 3);
        }
        // The quanteda export reads back with the same paths.
        let back = import("q.yml", &q.text, Foreign::Quanteda).unwrap();
        let e = entries(&load(&back.text));
        assert!(has(&e, "war", "a"));
        assert!(has(&e, "freedom fighter", "a/b"));
    }

    #[test]
    fn export_of_the_bundled_lexicon() {
        let lex = crate::lexicon::Lexicon::bundled().unwrap();
        for to in Foreign::ALL {
            let c = export(&lex, to);
            assert!(c.labels > 100, "{to}: {}", c.labels);
            assert!(c.categories > 10, "{to}");
            assert!(lost_mentions(&c, "regex"), "{to}: {:?}", c.lost);
            assert!(lost_mentions(&c, "actors"), "{to}: {:?}", c.lost);
            assert!(lost_mentions(&c, "exclusions"), "{to}");
            assert!(lost_mentions(&c, "stance -2"), "{to}");
            assert!(lost_mentions(&c, "kind `act`"), "{to}");
            // Counts and ids, not one line per form.
            assert!(c.lost.len() < 40, "{to}: {} lines", c.lost.len());
            // What was exported reads back, and loads.
            let back = import(&format!("bundled.{}", to.extension()), &c.text, to)
                .unwrap_or_else(|e| panic!("{to}: {e}"));
            let relex = load(&back.text);
            assert!(relex.labels.len() > 300, "{to}: {}", relex.labels.len());
        }
    }

    #[test]
    fn exported_stance_follows_the_category_name() {
        let src = "categories: [delegitimizing/x, other]\nlabels:
  - {id: a, forms: [aaa], category: delegitimizing/x, stance: -1, kind: label}
  - {id: b, forms: [bbb], category: other, stance: 2, kind: act, targets: [state], note: why, regex: 'b+'}\n";
        let c = export(&load(src), Foreign::Quanteda);
        assert_eq!(
            c.lost,
            [
                "1 entries lost their regex (forms kept; a regex cannot be expressed in quanteda): b",
                "1 entries lost their stance 2 (quanteda has no stances): b",
                "1 entries lost their kind `act` (every entry re-imports as `label`): b",
                "1 entries lost their targets: b",
                "1 entries lost their notes: b",
            ]
        );
        // In a flat format the category name changes, so the stance -1 is lost as well.
        let c = export(&load(src), Foreign::Liwc);
        assert!(
            lost_mentions(&c, "stance -1 (LIWC has no stances): a"),
            "{:?}",
            c.lost
        );
    }

    #[test]
    fn malformed_inputs_give_errors_with_lines() {
        let deep: String = (0..100)
            .map(|i| format!("{}A{i}\n", "\t".repeat(i)))
            .collect();
        let cases: &[(Foreign, &str, &str)] = &[
            (
                Foreign::Liwc,
                "%\n1\tposemo\n%\nlove\t1\nhate\t2\n",
                "x:5: `hate` refers to category 2, which is not declared between the `%` lines",
            ),
            (
                Foreign::Liwc,
                "1\tposemo\n%\nlove\t1\n",
                "x:1: expected `%`: a LIWC dictionary starts with a `%` line, then `ID<TAB>CATEGORY` lines, then `%`",
            ),
            (
                Foreign::Liwc,
                "\n%\n1\tposemo\nlove\t1\n",
                "x:4: expected `ID<TAB>CATEGORY` (a number, then a name) or the `%` that closes the category list, found `love\t1`",
            ),
            (
                Foreign::Liwc,
                "%\n1\tposemo\n",
                "x:1: the category list opened by this `%` is never closed by a second `%` line",
            ),
            (
                Foreign::Liwc,
                "",
                "x:1: empty file: a LIWC dictionary starts with a `%` line, then `ID<TAB>CATEGORY` lines, then `%`",
            ),
            (
                Foreign::Liwc,
                "%\n1\ta\n1\tb\n%\n",
                "x:3: category id 1 is declared twice (first on line 2)",
            ),
            (
                Foreign::Liwc,
                "%\n1\ta\n%\nlove\n",
                "x:4: `love` has no category id (expected `WORD<TAB>ID`)",
            ),
            (
                Foreign::Quanteda,
                "- terror*\n- war\n",
                "x:1: not a mapping: a quanteda dictionary maps keys to lists of patterns (`KEY: [pattern, pattern]`)",
            ),
            (
                Foreign::Quanteda,
                "# nothing\n",
                "x:1: empty file: a quanteda dictionary is a mapping of keys to lists of patterns",
            ),
            (
                Foreign::Lexicoder,
                "\nterror\n+A\n",
                "x:2: `terror` comes before any `+Category` line",
            ),
            (
                Foreign::Lexicoder,
                "+\nterror\n",
                "x:1: a `+` line without a category name",
            ),
            (
                Foreign::Wordstat,
                "WAR (1)\n",
                "x:1: entry `WAR (1)` is not inside any category (indent it below a category line)",
            ),
            (
                Foreign::Wordstat,
                &deep,
                "x:65: categories nested more than 64 deep",
            ),
            (
                Foreign::Wordstat,
                "A\n\tB (1)\n\t\tC (1)\n",
                "x:2: `B (1)` has a weight, so it is an entry, but lines are indented below it",
            ),
        ];
        for (from, src, want) in cases {
            let got = import("x", src, *from).map(|c| c.text);
            match got {
                Err(e) => assert_eq!(e.to_string(), *want, "{from}: {src:?}"),
                Ok(t) => panic!("{from}: {src:?} was accepted:\n{t}"),
            }
        }
    }

    #[test]
    fn quanteda_yaml_errors_keep_their_line() {
        for (src, line) in [
            ("a: [x, y]\nb: [z\n", 2),
            ("a:\n  - [nested, list]\n", 2),
            ("a:\n  - {k: v}\n", 2),
            ("a: [x]\na: [y]\n", 2),
        ] {
            let e = import("q.yml", src, Foreign::Quanteda).unwrap_err();
            assert!(e.line().is_some_and(|l| l >= 1), "{src:?}: {e}");
            assert_eq!(e.line(), Some(line), "{src:?}: {e}");
        }
    }

    #[test]
    fn quanteda_scalars_and_top_level_values() {
        let src = "numbers: [911, 1.50, yes]\n'': [orphan]\n";
        let c = import("q.yml", src, Foreign::Quanteda).unwrap();
        let e = entries(&load(&c.text));
        assert!(has(&e, "911", "numbers"), "{e:?}");
        assert!(
            c.lost
                .iter()
                .any(|l| l.starts_with("q.yml:2:") && l.contains("orphan")),
            "{:?}",
            c.lost
        );
    }

    /// No input makes an importer panic: every prefix of every sample, in every format.
    #[test]
    fn never_panics() {
        let samples = [
            LIWC,
            LEXICODER,
            QUANTEDA,
            WORDSTAT,
            "%\n%\n",
            "\t(1)\n",
            "+\n*\n",
            "'': \n",
            "a: !!binary x\n",
            "\u{feff}%\n1 a\n%\nb 1\n",
        ];
        for s in samples {
            for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
                for f in Foreign::ALL {
                    let _ = import("p", &s[..i], f);
                    let _ = looks_like_quanteda(&s[..i]);
                }
            }
        }
    }

    #[test]
    fn recognises_quanteda_files() {
        assert!(looks_like_quanteda(QUANTEDA));
        assert!(looks_like_quanteda("a: [b, c]\n"));
        for (name, text) in crate::lexicon::BUNDLED {
            assert!(!looks_like_quanteda(text), "{name}");
        }
        assert!(!looks_like_quanteda("categories: [a]\nlexicon: x\n"));
        assert!(!looks_like_quanteda(LIWC));
        assert!(!looks_like_quanteda(""));
        assert!(!looks_like_quanteda("- a\n- b\n"));
        assert!(!looks_like_quanteda("a: [b\n"));
    }

    /// A dictionary of another tool is recognised by its extension or its first line, when it
    /// reads as one; a YAML mapping or a file with neither is not.
    #[test]
    fn foreign_dictionaries_are_recognised() {
        let table: &[(&str, &str, Option<Foreign>)] = &[
            ("mini.dic", LIWC, Some(Foreign::Liwc)),
            ("mini.txt", LIWC, Some(Foreign::Liwc)),
            ("mini.yaml", LIWC, Some(Foreign::Liwc)),
            (
                "mini.dic",
                "\u{feff}%\n1\tneg\n%\nhate*\t1\n",
                Some(Foreign::Liwc),
            ),
            ("mini.lc3", "+Neg\nhate\n", Some(Foreign::Lexicoder)),
            ("mini.txt", "+Neg\nhate\n", Some(Foreign::Lexicoder)),
            // Neither the name nor the first line says so.
            ("mini.txt", "hate\nlove\n", None),
            ("mini.yaml", "labels: [x\n", None),
            // A YAML mapping is a lexicon or a quanteda dictionary.
            ("mini.dic", "labels:\n  - id: x\n", None),
            ("mini.dic", QUANTEDA, None),
            ("mini.dic", "", None),
        ];
        for (path, text, want) in table {
            assert_eq!(recognise(path, text), *want, "{path} {text:?}");
        }
    }

    #[test]
    fn empty_dictionaries_still_load() {
        for (f, src) in [
            (Foreign::Liwc, "%\n%\n"),
            (Foreign::Lexicoder, "\n"),
            (Foreign::Quanteda, "a:\n"),
            (Foreign::Wordstat, ""),
        ] {
            let c = import("e", src, f).unwrap();
            load(&c.text);
        }
        let c = export(&crate::lexicon::Lexicon::default(), Foreign::Quanteda);
        assert_eq!(c.labels, 0);
        assert!(import("e.yml", &c.text, Foreign::Quanteda).is_ok());
    }
}
