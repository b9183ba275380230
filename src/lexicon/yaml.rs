//! Reading lexicon files: YAML (through serde-saphyr, which keeps line:column spans) into
//! validated entries. Every YAML call of the crate lives here.
//!
//! Checks made here, each reported at its line and column: YAML syntax, wrong types, unknown keys,
//! duplicate keys, stance out of range, an invalid or too large regex, a malformed glob, a duplicate
//! id inside one file, an entry with nothing to match. Checks that need every file (unknown category,
//! unknown proxy) are made by [`super::LexiconBuilder::build`].

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

mod plain;
mod write;

use plain::{one_of, strip_break, yaml_lines};
pub use write::{double_quoted, scalar};

use super::model::{ActorEntry, ActorType, Epithet, Kind, LabelEntry, Person, Requirement};
use crate::diagnostic::Diagnostic;
use crate::matcher::RegexFault;

/// A lexicon file. The JSON Schema of the format (`lexicons/schema.json`) is generated from these
/// types by [`schema_json`], so the documentation of each field below is what editors show.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "framelens lexicon",
    description = "A framelens lexicon: loaded terms (labels), the parties they describe (actors) and the categories they use. See docs/lexicon-format.md."
)]
struct RawFile {
    /// A name for reports (defaults to the file name).
    lexicon: Option<String>,
    /// Free text, shown in reports.
    #[schemars(with = "Option<VersionText>")]
    version: Option<Spanned<VersionText>>,
    /// The language the forms are written in: an ISO 639-3 code (`fra`) or an English name
    /// (`French`); English when absent.
    #[schemars(with = "Option<String>")]
    language: Option<Spanned<String>>,
    /// Category paths this file declares, '/'-separated, e.g. `delegitimizing/terrorism`.
    #[schemars(with = "Option<Vec<String>>")]
    categories: Option<Vec<Spanned<String>>>,
    /// Loaded terms.
    labels: Option<Vec<RawLabel>>,
    /// The parties labels describe, and the people who speak for them.
    actors: Option<Vec<RawActor>>,
}

/// A version may be written as `2026.11` (a float to YAML) or `"2026.11"`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum VersionText {
    Text(String),
    Number(f64),
}

/// A loaded term.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    /// Unique key; a later file with the same id replaces the entry.
    #[schemars(with = "String")]
    id: Spanned<String>,
    /// Words or phrases, matched ignoring case as whole words; a trailing `*` on the last word
    /// matches any ending.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    forms: Vec<Spanned<String>>,
    /// A regular expression, case-insensitive, run over the normalised text (case kept) one
    /// paragraph at a time.
    #[schemars(with = "Option<String>")]
    regex: Option<Spanned<String>>,
    /// A declared category path.
    #[schemars(with = "String")]
    category: Spanned<String>,
    /// How the term casts the actor it describes: -2 strongly delegitimizing ... +2 strongly
    /// legitimizing.
    #[schemars(with = "i64", range(min = -2, max = 2))]
    stance: Spanned<i64>,
    kind: Kind,
    /// Actor types the term can describe (empty: any).
    #[serde(default)]
    targets: Vec<ActorType>,
    /// Phrases inside which a match of this entry does not count.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    exclude: Vec<Spanned<String>>,
    /// `party`: a match counts only when its sentence, or the sentence before it, names a party
    /// of a type among `targets` (for common words that are labels only in a sentence about a
    /// party).
    requires: Option<Requirement>,
    /// The parties the term is a side's name for, by where it is said: in an article that
    /// names one of `where` (or the party itself), the term names `actor`.
    #[serde(default)]
    names: Vec<RawEpithet>,
    /// Why this stance; which newsroom rule.
    note: Option<String>,
    /// Lint warnings considered and accepted for this entry, by code.
    #[serde(default)]
    allow: Vec<String>,
    /// This entry replaces the entry of the same id in an earlier lexicon on purpose: the
    /// replacement is then not reported.
    #[serde(default)]
    overrides: bool,
}

/// A party a term is a side's name for (see `names`).
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawEpithet {
    /// The actor id the term names.
    #[schemars(with = "String")]
    actor: Spanned<String>,
    /// Actor ids: the term names `actor` in an article that names one of them or `actor`
    /// itself.
    #[serde(default, rename = "where")]
    #[schemars(with = "Vec<String>")]
    where_: Vec<Spanned<String>>,
}

/// A party: a state, an armed group, a movement...
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawActor {
    /// Unique key.
    #[schemars(with = "String")]
    id: Spanned<String>,
    /// Display name (also matched).
    name: String,
    #[serde(rename = "type")]
    #[schemars(with = "ActorType")]
    actor_type: Spanned<ActorType>,
    /// Names; a form without lower-case letters (HTS, US) matches with exact case.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    aliases: Vec<Spanned<String>>,
    /// Adjectival forms (Turkish); compounds such as Turkish-backed are recognised from them.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    adjectives: Vec<Spanned<String>>,
    /// People who speak or act for the actor.
    #[serde(default)]
    people: Vec<RawPerson>,
    /// Ids of actors this one backs.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    proxies: Vec<Spanned<String>>,
    /// For a person listed as an actor: the id of the party they belong to.
    #[serde(default)]
    part_of: Option<String>,
    /// Lint warnings considered and accepted for this entry, by code.
    #[serde(default)]
    allow: Vec<String>,
    /// This entry replaces the entry of the same id in an earlier lexicon on purpose: the
    /// replacement is then not reported.
    #[serde(default)]
    overrides: bool,
}

/// A person who speaks or acts for an actor; the last word of the name also matches.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    #[schemars(with = "String")]
    name: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    aliases: Vec<Spanned<String>>,
    role: Option<String>,
}

/// The JSON Schema of the lexicon format, generated from the types that read it.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(RawFile);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown kind `{s}`, expected {}",
                    one_of(Kind::ALL.map(Kind::as_str))
                ))
            })
    }
}

impl<'de> Deserialize<'de> for ActorType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ActorType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown actor type `{s}`, expected {}",
                    one_of(ActorType::ALL.map(ActorType::as_str))
                ))
            })
    }
}

impl<'de> Deserialize<'de> for Requirement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "party" => Ok(Requirement::Party),
            other => Err(serde::de::Error::custom(format!(
                "unknown requirement `{other}`, expected party"
            ))),
        }
    }
}

/// Where a parsed entry's fields were written, for checks made after all files are read: its id
/// and (for a label) its category, each as (line, column, the line's text).
#[derive(Serialize, Deserialize)]
pub struct EntryLoc {
    file: String,
    id: (u64, u64, Option<String>),
    category: (u64, u64, Option<String>),
}

impl EntryLoc {
    pub(crate) fn category(&self, message: String) -> Diagnostic {
        self.at(&self.category, message)
    }

    pub(crate) fn id(&self, message: String) -> Diagnostic {
        self.at(&self.id, message)
    }

    /// The file and line of the entry's id.
    pub(crate) fn place(&self) -> String {
        format!("{}:{}", self.file, self.id.0)
    }

    fn at(&self, (line, column, src): &(u64, u64, Option<String>), message: String) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line: *line,
            column: *column,
            message,
            source_line: src.clone(),
        }
    }
}

/// Where a form was written: (text, entry id, line, column).
pub type Located = (String, String, u64, u64);

/// One file, parsed and checked on its own.
#[derive(Serialize, Deserialize)]
pub struct ParsedFile {
    /// Every label form (as written) with its entry and position, for duplicate checks.
    pub form_locs: Vec<Located>,
    /// Every actor id a label's `names` gives (as written) with its entry and position.
    pub actor_refs: Vec<Located>,
    /// The file's path as given (used in messages), or `bundled:NAME`.
    pub path: String,
    /// The file's `lexicon:` name, else its file name without folder and extension.
    pub name: String,
    /// The name was written (`lexicon:`), not taken from the file name.
    pub named: bool,
    /// The file's `version:` as text (a bare number as its decimal text: `2026.10` gives
    /// `2026.1`); `None` when absent.
    pub version: Option<String>,
    /// ISO 639-3 code of the language the file is written in.
    /// (A snapshot of parsed files keeps it apart: see `super::snapshot`.)
    #[serde(skip)]
    pub language: &'static str,
    /// The category paths declared under `categories:`, in file order.
    pub categories: Vec<String>,
    /// The label entries in file order, each with where its id and category were written; their
    /// `file` is 0 until [`super::LexiconBuilder::build`] places them.
    pub labels: Vec<(LabelEntry, EntryLoc)>,
    /// The actor entries in file order, each with where its id was written; their `file` is 0
    /// until [`super::LexiconBuilder::build`] places them.
    pub actors: Vec<(ActorEntry, EntryLoc)>,
    /// Number of entries under `labels:`.
    pub label_count: usize,
    /// Number of entries under `actors:`.
    pub actor_count: usize,
}

impl ParsedFile {
    /// The ids of the label entries that say `overrides: true`.
    pub fn declared_overrides(&self) -> Vec<&str> {
        self.labels
            .iter()
            .filter(|(e, _)| e.overrides)
            .map(|(e, _)| e.id.as_str())
            .collect()
    }
}

struct Checker<'a> {
    path: &'a str,
    /// The file's lines, split once.
    lines: &'a [&'a str],
    problems: Vec<Diagnostic>,
    /// Added to the line of every location: an entry re-read on its own after a type error
    /// (see [`recover`]) has lines counted from its own start.
    offset: u64,
}

impl Checker<'_> {
    fn line<T>(&self, s: &Spanned<T>) -> u64 {
        s.referenced.line() + self.offset
    }

    /// Where `s` was written: (line, column, the line's text).
    fn place<T>(&self, s: &Spanned<T>) -> (u64, u64, Option<String>) {
        let line = self.line(s);
        let text = self.lines.get(line.saturating_sub(1) as usize);
        (line, s.referenced.column(), text.map(|l| (*l).to_owned()))
    }
    fn at<T>(&self, s: &Spanned<T>, message: String) -> Diagnostic {
        Diagnostic::in_lines(
            self.path,
            self.lines,
            self.line(s),
            s.referenced.column(),
            message,
        )
    }
    fn err<T>(&mut self, s: &Spanned<T>, message: String) {
        let d = self.at(s, message);
        self.problems.push(d);
    }

    /// A form: non-empty, and a `*` only at the end of the last word.
    fn form(&mut self, f: &Spanned<String>, what: &str) -> Option<String> {
        let v = f.value.split_whitespace().collect::<Vec<_>>().join(" ");
        if v.is_empty() {
            self.err(f, format!("empty {what}"));
            return None;
        }
        if let Some(pos) = v.find('*') {
            if pos != v.len() - 1 {
                self.err(
                    f,
                    format!("`{v}`: `*` is allowed only at the end of the last word"),
                );
                return None;
            }
            let stem = v.trim_end_matches('*');
            let last = stem.rsplit(' ').next().unwrap_or("");
            if last.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                self.err(
                    f,
                    format!(
                        "`{v}`: a glob needs at least 3 letters before `*`, or it matches too much"
                    ),
                );
                return None;
            }
        }
        Some(v)
    }

    fn forms(&mut self, list: &[Spanned<String>], what: &str) -> Vec<String> {
        list.iter().filter_map(|f| self.form(f, what)).collect()
    }
}

/// Parses one lexicon file. Returns every problem found in it.
pub fn parse(path: &str, text: &str) -> Result<ParsedFile, Vec<Diagnostic>> {
    let (raw, problems, label_offsets, actor_offsets) =
        match serde_saphyr::from_str_with_options::<RawFile>(text, options()) {
            Ok(r) => (r, Vec::new(), Vec::new(), Vec::new()),
            Err(e) => match recover(path, text) {
                Some(rec) if !rec.problems.is_empty() => {
                    (rec.file, rec.problems, rec.label_offsets, rec.actor_offsets)
                }
                _ => {
                    let trail = trail::<RawFile>(text);
                    let f = fault(text, &e, trail.as_ref(), 0);
                    let lines: Vec<&str> = yaml_lines(text).map(strip_break).collect();
                    return Err(vec![f.in_lines(path, &lines)]);
                }
            },
        };
    // Each entry's snippet line, looked up by number: index the lines once.
    let lines: Vec<&str> = yaml_lines(text).map(strip_break).collect();
    let mut ck = Checker {
        path,
        lines: &lines,
        problems,
        offset: 0,
    };
    let named = raw.lexicon.is_some();
    let name = raw.lexicon.unwrap_or_else(|| {
        let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let base = base.strip_prefix("bundled:").unwrap_or(base);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
    });
    let version = raw.version.map(|v| match v.value {
        VersionText::Text(s) => s,
        VersionText::Number(n) => n.to_string(),
    });
    let language = match &raw.language {
        None => crate::language::DEFAULT,
        Some(l) => crate::language::parse(&l.value).unwrap_or_else(|m| {
            ck.err(l, m);
            crate::language::DEFAULT
        }),
    };
    let categories = ck.categories(raw.categories.unwrap_or_default());
    let raw_labels = raw.labels.unwrap_or_default();
    let label_count = raw_labels.len();
    let labels = ck.labels(raw_labels, &label_offsets);
    let raw_actors = raw.actors.unwrap_or_default();
    let actor_count = raw_actors.len();
    let actors = ck.actors(raw_actors, &actor_offsets);
    if ck.problems.is_empty() {
        Ok(ParsedFile {
            form_locs: labels.form_locs,
            actor_refs: labels.actor_refs,
            path: path.to_owned(),
            name,
            named,
            version,
            language,
            categories,
            labels: labels.entries,
            actors,
            label_count,
            actor_count,
        })
    } else {
        // In the order of the file: recovered entries, the rest of the file and the checks of
        // each entry report in turn.
        ck.problems.sort_by_key(|d| (d.line, d.column));
        ck.problems.dedup();
        Err(ck.problems)
    }
}

/// The label entries of a file, each with its location, and where their forms and the actors
/// their epithets name are written (checked once every file is read).
struct Labels {
    entries: Vec<(LabelEntry, EntryLoc)>,
    form_locs: Vec<Located>,
    actor_refs: Vec<Located>,
}

impl Checker<'_> {
    /// The category paths of the `categories:` list; a malformed path is a problem.
    fn categories(&mut self, raw: Vec<Spanned<String>>) -> Vec<String> {
        let mut categories = Vec::new();
        for c in raw {
            let ok = !c.value.is_empty()
                && c.value.split('/').all(|p| {
                    !p.is_empty()
                        && p.chars()
                            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
                });
            if ok {
                categories.push(c.value.clone());
            } else {
                self.err(
                    &c,
                    format!(
                        "bad category path `{}`: use words joined by `/`, like `delegitimizing/terrorism`",
                        c.value
                    ),
                );
            }
        }
        categories
    }

    /// The label entries: each checked ([`Checker::check_label`]), a repeated id reported and
    /// skipped. `offsets`: the line offset of each entry re-read on its own (see [`recover`]).
    fn labels(&mut self, raw: Vec<RawLabel>, offsets: &[u64]) -> Labels {
        let mut out = Labels {
            entries: Vec::new(),
            form_locs: Vec::new(),
            actor_refs: Vec::new(),
        };
        let mut seen = std::collections::HashMap::new();
        for (k, l) in raw.into_iter().enumerate() {
            self.offset = offsets.get(k).copied().unwrap_or(0);
            if let Some(first) = seen.insert(l.id.value.clone(), self.line(&l.id)) {
                self.err(
                    &l.id,
                    format!(
                        "duplicate label id `{}` (first defined on line {first})",
                        l.id.value
                    ),
                );
                continue;
            }
            self.check_label(&l);
            for f in &l.forms {
                out.form_locs.push((
                    f.value.clone(),
                    l.id.value.clone(),
                    self.line(f),
                    f.referenced.column(),
                ));
            }
            for n in &l.names {
                for a in std::iter::once(&n.actor).chain(&n.where_) {
                    out.actor_refs.push((
                        a.value.clone(),
                        l.id.value.clone(),
                        self.line(a),
                        a.referenced.column(),
                    ));
                }
            }
            let entry = self.label_entry(l);
            out.entries.push(entry);
        }
        out
    }

    /// The problems of one label entry on its own: an empty id, a stance out of range, a regex
    /// that does not compile, no forms and no regex.
    fn check_label(&mut self, l: &RawLabel) {
        if l.id.value.trim().is_empty() {
            self.err(&l.id, "empty id".into());
        }
        if !(-2..=2).contains(&l.stance.value) {
            self.err(
                &l.stance,
                format!(
                    "stance {} is out of range: use -2, -1, 0, 1 or 2",
                    l.stance.value
                ),
            );
        }
        if let Some(r) = &l.regex
            && let Some(fault) = crate::matcher::regex_fault(&r.value)
        {
            let msg = match fault {
                RegexFault::TooLarge => format!(
                    "regex `{}` is too large (over {} bytes compiled)",
                    r.value,
                    crate::matcher::REGEX_SIZE_LIMIT
                ),
                RegexFault::Invalid(m) => format!(
                    "invalid regex `{}`: {}",
                    r.value,
                    m.lines().last().unwrap_or("").trim()
                ),
            };
            self.err(r, msg);
        }
        if l.forms.is_empty() && l.regex.is_none() {
            self.err(
                &l.id,
                format!("label `{}` has neither `forms` nor `regex`", l.id.value),
            );
        }
    }

    /// One label entry as the lexicon holds it, with its location; bad forms are reported and
    /// left out.
    fn label_entry(&mut self, l: RawLabel) -> (LabelEntry, EntryLoc) {
        let forms = self.forms(&l.forms, "form");
        let exclude = self.forms(&l.exclude, "exclusion");
        let loc = EntryLoc {
            file: self.path.to_owned(),
            id: self.place(&l.id),
            category: self.place(&l.category),
        };
        // `person` last, the other types in the order written (the first is the type of a party
        // the term names that no lexicon lists).
        let mut targets = l.targets;
        targets.sort_by_key(|&x| x == ActorType::Person);
        let entry = LabelEntry {
            id: l.id.value,
            forms,
            regex: l.regex.map(|r| r.value),
            category: l.category.value,
            stance: l.stance.value.clamp(-2, 2) as i8,
            kind: l.kind,
            targets,
            exclude,
            requires: l.requires,
            names: l
                .names
                .into_iter()
                .map(|n| Epithet {
                    actor: n.actor.value,
                    where_: n.where_.into_iter().map(|w| w.value).collect(),
                })
                .collect(),
            note: l.note,
            allow: l.allow,
            overrides: l.overrides,
            file: 0,
        };
        (entry, loc)
    }

    /// The actor entries: a repeated id or the type `person` is reported and the entry skipped.
    fn actors(&mut self, raw: Vec<RawActor>, offsets: &[u64]) -> Vec<(ActorEntry, EntryLoc)> {
        let mut seen = std::collections::HashMap::new();
        let mut actors = Vec::new();
        for (k, a) in raw.into_iter().enumerate() {
            self.offset = offsets.get(k).copied().unwrap_or(0);
            if let Some(first) = seen.insert(a.id.value.clone(), self.line(&a.id)) {
                self.err(
                    &a.id,
                    format!(
                        "duplicate actor id `{}` (first defined on line {first})",
                        a.id.value
                    ),
                );
                continue;
            }
            if a.actor_type.value == ActorType::Person {
                self.err(
                    &a.actor_type,
                    "`person` is a label target, not an actor type: list a person under the `people` of their party".to_owned(),
                );
                continue;
            }
            let entry = self.actor_entry(a);
            actors.push(entry);
        }
        actors
    }

    /// One actor entry as the lexicon holds it, with its location; bad names are reported and
    /// left out.
    fn actor_entry(&mut self, a: RawActor) -> (ActorEntry, EntryLoc) {
        let aliases = self.forms(&a.aliases, "alias");
        let adjectives = self.forms(&a.adjectives, "adjective");
        let people = a
            .people
            .into_iter()
            .filter_map(|p| {
                let name = self.form(&p.name, "person name")?;
                Some(Person {
                    name,
                    aliases: self.forms(&p.aliases, "alias"),
                    role: p.role,
                })
            })
            .collect();
        let id_place = self.place(&a.id);
        let entry = ActorEntry {
            id: a.id.value,
            name: a.name,
            actor_type: a.actor_type.value,
            aliases,
            adjectives,
            people,
            proxies: a.proxies.into_iter().map(|p| p.value).collect(),
            part_of: a.part_of,
            allow: a.allow,
            overrides: a.overrides,
            file: 0,
        };
        let loc = EntryLoc {
            file: self.path.to_owned(),
            category: id_place.clone(),
            id: id_place,
        };
        (entry, loc)
    }
}

/// Reads any YAML document into `T`, with errors located in `path`. Other modules (the gold
/// annotations of [`crate::eval`]) read YAML through here so that every YAML call stays in one place.
/// Parser limits. serde-saphyr's defaults (250,000 nodes, 1,000,000 events) stop a lexicon at
/// about 13,000 entries; these admit some 250,000 entries while the defaults that stop alias
/// bombs (alias counts and the alias/anchor ratio), deep nesting and oversized input stay.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: 4_000_000,
            max_events: 10_000_000,
            max_recorded_anchor_events: 100_000,
        },
        // A lexicon has little use for aliases: an alias bomb ("billion laughs") stops after
        // 100,000 replayed events, a tenth of the parser's default.
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
        },
    }
}

/// Reads a YAML document into `T` within the lexicon parser's limits; an error is a diagnostic
/// located in `path`.
pub fn from_str<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| fault(text, &e, None, 0).at(path, text))
}

/// The path (`labels[3].stance`) to the value that `text` fails to give a `T` at, found by
/// reading it again with the path tracked: called only after a read failed, so that reading a
/// good file pays nothing for it. `None` when the second read does not fail.
fn trail<T: serde::de::DeserializeOwned>(text: &str) -> Option<serde_path_to_error::Path> {
    let mut path = None;
    let _ = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        let mut track = serde_path_to_error::Track::new();
        let r = T::deserialize(serde_path_to_error::Deserializer::new(de, &mut track));
        if r.is_err() {
            path = Some(track.path());
        }
        r
    });
    path
}

/// Reads `doc` into `T`; an error is located in the file `doc` was cut from (see [`fault`]).
fn read<T: serde::de::DeserializeOwned>(doc: &str, shift: u64) -> Result<T, Fault> {
    serde_saphyr::from_str_with_options::<T>(doc, options())
        .map_err(|e| fault(doc, &e, trail::<T>(doc).as_ref(), shift))
}

/// Reads one entry of a file on its own, for [`recover`] (see [`read`]); `None` when it uses an
/// alias of an anchor written in another entry, unknown when the entry is read alone: it is not
/// read, and no problem is made up for it.
fn read_entry<T: serde::de::DeserializeOwned>(doc: &str, shift: u64) -> Option<Result<T, Fault>> {
    match serde_saphyr::from_str_with_options::<T>(doc, options()) {
        Ok(t) => Some(Ok(t)),
        Err(e)
            if matches!(
                e.without_snippet(),
                serde_saphyr::Error::UnknownAnchor { .. }
            ) =>
        {
            None
        }
        Err(e) => Some(Err(fault(doc, &e, trail::<T>(doc).as_ref(), shift))),
    }
}

/// The top level of a file with its entries left unread, to find where each entry starts.
#[derive(Deserialize)]
struct Loose {
    #[serde(default)]
    labels: Vec<Spanned<serde::de::IgnoredAny>>,
    #[serde(default)]
    actors: Vec<Spanned<serde::de::IgnoredAny>>,
}

#[derive(Deserialize)]
struct OnlyLabels {
    labels: Vec<RawLabel>,
}

#[derive(Deserialize)]
struct OnlyActors {
    actors: Vec<RawActor>,
}

/// Line ranges (0-based, end exclusive) of the entries of one sequence, from the 1-based lines
/// where they start: an entry runs to the next one, or to the next line at the left margin.
fn entry_lines(lines: &[&str], starts: &[u64]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let s = (s as usize).saturating_sub(1).min(lines.len());
        let end = match starts.get(k + 1) {
            Some(&n) => (n as usize).saturating_sub(1).min(lines.len()),
            None => (s + 1..lines.len())
                .find(|&i| {
                    let l = lines[i];
                    !l.trim().is_empty() && !l.starts_with([' ', '\t', '#', '-'])
                })
                .unwrap_or(lines.len()),
        };
        out.push(s..end.max(s + 1).min(lines.len()));
    }
    out
}

/// Whether `body` (a line without its indentation) is an item of a block list: `-` alone, or
/// followed by a space or a tab.
fn is_item(body: &str) -> bool {
    body.strip_prefix('-')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// The line (1-based) of the `-` that starts the block-list entry whose value begins on line
/// `line`: that line when it is `- ...`, else the line above it (past blank and comment lines)
/// when that one is a `-` with nothing but an anchor, a tag or a comment after it. `None` for
/// an entry of a flow list (`[{...}, {...}]`), which starts on no line of its own.
fn item_line(lines: &[&str], line: u64) -> Option<u64> {
    let body = |i: usize| strip_break(lines[i]).trim_start_matches([' ', '\t']);
    let i = usize::try_from(line).ok()?.checked_sub(1)?;
    if i >= lines.len() {
        return None;
    }
    if is_item(body(i)) {
        return Some(line);
    }
    let above = (0..i)
        .rev()
        .find(|&j| !body(j).is_empty() && !body(j).starts_with('#'))?;
    let b = body(above);
    let rest = b.get(1..).unwrap_or("").trim_start();
    let lone = is_item(b)
        && (rest.starts_with('#')
            || rest
                .split(" #")
                .next()
                .unwrap_or(rest)
                .split_whitespace()
                .all(|w| w.starts_with(['&', '!'])));
    lone.then_some(above as u64 + 1)
}

/// Where the entries of `labels:` and `actors:` start (1-based lines), read from the layout of
/// lines, for a file the YAML parser cannot read: an entry starts at a line `- ...` under the
/// top-level key `labels:` or `actors:`, at the indentation of the first such line (the
/// entries' own indentation, in spaces and tabs). Blank lines and comments are skipped; a line
/// at the left margin that is not `- ...` is the next top-level key.
fn starts_by_layout(lines: &[&str]) -> [Vec<u64>; 2] {
    let mut starts = [Vec::new(), Vec::new()];
    // The list being read (0 labels, 1 actors), and the indentation of its entries once seen.
    let mut list: Option<(usize, Option<usize>)> = None;
    for (i, line) in lines.iter().enumerate() {
        let line = strip_break(line);
        // A byte-order mark is not part of the first line's key.
        let line = match i {
            0 => line.strip_prefix('\u{feff}').unwrap_or(line),
            _ => line,
        };
        // A tab in the indentation is a mistake of its own (reported where its entry is read):
        // the line is still indented.
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        let item = is_item(body);
        if indent == 0 && !item {
            let key = body.split(':').next().unwrap_or("").trim();
            list = match key.trim_matches(['"', '\'']) {
                "labels" => Some((0, None)),
                "actors" => Some((1, None)),
                _ => None,
            };
            continue;
        }
        if let Some((k, at)) = &mut list
            && item
            && *at.get_or_insert(indent) == indent
        {
            starts[*k].push(i as u64 + 1);
        }
    }
    starts
}

/// What [`recover`] read of a file that does not read whole.
struct Recovered {
    file: RawFile,
    problems: Vec<Diagnostic>,
    /// Per entry read on its own, what to add to its lines.
    label_offsets: Vec<u64>,
    actor_offsets: Vec<u64>,
}

/// After a file failed to read, reads it entry by entry so that every entry's problems are
/// found in one run: each entry of `labels:` and `actors:` is read on its own (its lines under a
/// bare `labels:` or `actors:` key, with line numbers mapped back), and the rest of the file with
/// every entry blanked out.
///
/// Where the entries start: for well-formed YAML (a type error), where the parser finds them;
/// for a syntax error, from the layout of the lines ([`starts_by_layout`]). So a syntax error
/// in one entry leaves the other entries read and checked. What this does not recover from: a
/// syntax error that breaks the layout itself (a top-level key with no `:`, entries indented
/// unevenly, a tab before an entry's `-`, a multi-line flow collection or quoted text that runs past
/// its entry): the lines after it may be read as part of the broken entry, and their problems go
/// unreported until it is fixed. An entry that uses an anchor (`&name`) of another entry is not
/// read on its own (its problems are found once the others are fixed). Returns `None` when no entry could be read on its own, for a file whose
/// `labels:` or `actors:` is a flow list (`labels: [{...}, {...}]`: its entries share lines, and
/// the error of the whole file names the right one), and for well-formed YAML that the parser's
/// limits refuse (an alias bomb): the first error of the whole file stands.
fn recover(path: &str, text: &str) -> Option<Recovered> {
    let lines: Vec<&str> = yaml_lines(text).collect();
    let [label_starts, actor_starts] =
        match serde_saphyr::from_str_with_options::<Loose>(text, options()) {
            Ok(loose) => [loose.labels, loose.actors]
                .map(|l| l.iter().map(|e| e.referenced.line()).collect::<Vec<_>>()),
            // Not well-formed YAML: entries by layout. A file that is well-formed but breaks a
            // parser limit (an alias bomb) is not read again in pieces.
            Err(_) if !plain::well_formed(text) => starts_by_layout(&lines),
            Err(_) => return None,
        };
    if label_starts.is_empty() && actor_starts.is_empty() {
        return None;
    }
    // Each entry from the line of its `-`. Entries of a flow list share lines: a piece cut at
    // lines would hold the whole list again (once per entry, each read in full), and would be
    // read as another `labels:`. Such a file is not read in pieces; its whole error stands.
    let block = |starts: Vec<u64>| -> Option<Vec<u64>> {
        let mut out = starts
            .into_iter()
            .map(|s| item_line(&lines, s))
            .collect::<Option<Vec<u64>>>()?;
        out.dedup();
        Some(out)
    };
    let label_starts = block(label_starts)?;
    let actor_starts = block(actor_starts)?;
    let label_lines = entry_lines(&lines, &label_starts);
    let actor_lines = entry_lines(&lines, &actor_starts);
    let mut problems = Vec::new();
    let file_lines: Vec<&str> = lines.iter().map(|l| strip_break(l)).collect();
    // Line 2 of "key:\n" + the entry's lines is line `r.start + 1` of the file.
    let offset = |r: &std::ops::Range<usize>| (r.start as u64).saturating_sub(1);
    let mut labels = Vec::new();
    let mut label_offsets = Vec::new();
    for r in &label_lines {
        let doc = format!("labels:\n{}", lines[r.clone()].concat());
        match read_entry::<OnlyLabels>(&doc, offset(r)) {
            None => {}
            Some(Ok(o)) => {
                for l in o.labels {
                    labels.push(l);
                    label_offsets.push(offset(r));
                }
            }
            Some(Err(f)) => problems.push(f.in_lines(path, &file_lines)),
        }
    }
    let mut actors = Vec::new();
    let mut actor_offsets = Vec::new();
    for r in &actor_lines {
        let doc = format!("actors:\n{}", lines[r.clone()].concat());
        match read_entry::<OnlyActors>(&doc, offset(r)) {
            None => {}
            Some(Ok(o)) => {
                for a in o.actors {
                    actors.push(a);
                    actor_offsets.push(offset(r));
                }
            }
            Some(Err(f)) => problems.push(f.in_lines(path, &file_lines)),
        }
    }
    // The rest of the file, entries blanked out (line numbers unchanged).
    let mut blank = vec![false; lines.len()];
    for r in label_lines.iter().chain(&actor_lines) {
        for i in r.clone() {
            blank[i] = true;
        }
    }
    let rest: String = lines
        .iter()
        .zip(&blank)
        .map(|(l, &b)| if b { "\n" } else { l })
        .collect();
    let top = match read::<RawFile>(&rest, 0) {
        Ok(t) => t,
        Err(f) => {
            problems.push(f.in_lines(path, &file_lines));
            RawFile {
                lexicon: None,
                version: None,
                language: None,
                categories: None,
                labels: None,
                actors: None,
            }
        }
    };
    Some(Recovered {
        file: RawFile {
            labels: Some(labels),
            actors: Some(actors),
            ..top
        },
        problems,
        label_offsets,
        actor_offsets,
    })
}

/// "unknown field `froms`, expected one of id, forms, ..." gains "; did you mean `forms`?".
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))
        .or_else(|| message.strip_prefix("unknown kind `"))
        .or_else(|| message.strip_prefix("unknown actor type `"))?;
    let (wrong, rest) = rest.split_once('`')?;
    let list = rest.split_once("expected one of ")?.1;
    list.split(", ")
        .map(|c| c.trim_matches('`'))
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|&(d, c)| d <= 2 || (d <= 3 && c.len() > 6))
        .min()
        .map(|(_, c)| format!("{message}; did you mean `{c}`?"))
}

/// What a parser limit that a file breached means, in the lexicon's terms (serde-saphyr words
/// it with its own type names).
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => "nested more than 64 levels deep".into(),
        B::Events { .. } | B::Nodes { .. } | B::ScalarBytes { .. } | B::InputBytes { .. } => {
            "the file is larger than a lexicon may be (about 250,000 entries)".into()
        }
        B::Aliases { .. }
        | B::Anchors { .. }
        | B::AliasAnchorRatio { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. } => {
            "too many aliases (`*name`) for a lexicon: write the values out".into()
        }
        B::Documents { .. } => "a lexicon file holds one YAML document".into(),
        _ => "the file breaks a limit of the YAML parser for lexicons".into(),
    }
}

/// A serde-saphyr error in the lexicon's words, at its line (in the file) and column; 0 and 0
/// when it has no location.
struct Fault {
    line: u64,
    column: u64,
    message: String,
}

impl Fault {
    /// The diagnostic, with the line's text taken from `text` (the whole file).
    fn at(self, path: &str, text: &str) -> Diagnostic {
        match self.line {
            0 => Diagnostic::file_level(path, self.message),
            line => Diagnostic::at(path, text, line, self.column, self.message),
        }
    }

    /// The diagnostic, with the line's text taken from the file's lines.
    fn in_lines(self, path: &str, lines: &[&str]) -> Diagnostic {
        match self.line {
            0 => Diagnostic::file_level(path, self.message),
            line => Diagnostic::in_lines(path, lines, line, self.column, self.message),
        }
    }
}

/// Says what a serde-saphyr error on `doc` means, keeping its line and column. `doc` is the file,
/// or an entry of it read on its own whose line 2 is line `shift + 2` of the file: every line
/// given, in the location and in the message, is a line of the file. `trail`: the path to the
/// value the error is about, if known ([`trail`]), for a type error in plain words.
fn fault(
    doc: &str,
    e: &serde_saphyr::Error,
    trail: Option<&serde_path_to_error::Path>,
    shift: u64,
) -> Fault {
    let inner = e.without_snippet();
    let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    let line = if line == 0 { 0 } else { line + shift };
    // A syntax error said where it was made (a `[` or a quotation never closed).
    if let Some(s) = plain::syntax(doc, shift) {
        return Fault {
            line: s.line,
            column: s.column,
            message: s.message,
        };
    }
    let message = trail
        .and_then(|t| plain::type_error(inner, t, doc))
        .unwrap_or_else(|| parser_words(inner));
    Fault {
        line,
        column,
        message,
    }
}

/// serde-saphyr's message for an error that is not a type error of a known field, with its
/// location left out (it is shown separately) and its API terms in the lexicon's.
fn parser_words(inner: &serde_saphyr::Error) -> String {
    let bare = match inner {
        serde_saphyr::Error::Budget { breach, .. } => budget_message(breach),
        _ => inner.to_string(),
    };
    // serde-saphyr appends " at line N, column M"; the location is shown separately.
    let message = match bare.rfind(" at line ") {
        Some(i) => bare[..i].to_owned(),
        None => bare,
    };
    let message = did_you_mean(&message).unwrap_or(message);
    // A value left empty (`name:` with nothing after it) reaches us as serde's type message.
    if message.starts_with("cannot deserialize null into") {
        return "a required value is missing or empty".to_owned();
    }
    // serde-saphyr's own wording names its API; say it in the lexicon's terms.
    if message.starts_with("multiple YAML documents detected") {
        return "a lexicon file holds one YAML document: this is a second one (after `---`)"
            .to_owned();
    }
    match message.strip_prefix("duplicate mapping key: ") {
        Some(rest) => format!(
            "duplicate key `{}`: each key may appear once in a mapping",
            rest.split(',').next().unwrap_or(rest).trim()
        ),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<String> {
        match parse("t.yaml", src) {
            Ok(_) => vec![],
            Err(d) => d
                .into_iter()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .collect(),
        }
    }

    const HEAD: &str = "categories: [a/b]\nlabels:\n";

    /// YAML's line breaks: "\r\n", "\n" and a lone "\r"; the lines rebuild the text.
    #[test]
    fn lines_break_where_yaml_breaks_them() {
        let table: [(&str, &[&str]); 5] = [
            ("a\rb\r\nc\nd", &["a\r", "b\r\n", "c\n", "d"]),
            ("", &[]),
            ("\r\r", &["\r", "\r"]),
            ("é\r\n", &["é\r\n"]),
            ("x", &["x"]),
        ];
        for (text, want) in table {
            let got: Vec<&str> = yaml_lines(text).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got.concat(), text);
        }
        assert_eq!(strip_break("a\r\n"), "a");
        assert_eq!(strip_break("a\r"), "a");
    }

    /// A file whose lines end in a lone "\r", with a type error in an entry: the entry-by-entry
    /// recovery used to slice past the last line (found by the lexicon_load fuzzer).
    #[test]
    fn a_file_with_carriage_returns_is_read_entry_by_entry() {
        let src = "categories: [a/b]\rlabels:\r  - {id: x, forms: [y], category: a/b, stance: 1, kind: label}\r  - id: z\r    forms: [w]\r    category: a/b\r    stance: high\r    kind: label\r";
        assert_eq!(
            problems(src),
            vec!["7:13: `stance` must be a whole number from -2 to 2, found `high`".to_owned()]
        );
    }

    #[test]
    fn table_of_semantic_errors() {
        let cases: &[(&str, &str)] = &[
            (
                "  - {id: x, forms: [t], category: a/b, stance: 3, kind: label}\n",
                "3:48: stance 3 is out of range: use -2, -1, 0, 1 or 2",
            ),
            (
                "  - {id: x, regex: '(unclosed', category: a/b, stance: 1, kind: act}\n",
                "3:20: invalid regex `(unclosed`: error: unclosed group",
            ),
            (
                "  - {id: x, forms: ['ter*ror'], category: a/b, stance: 1, kind: act}\n",
                "3:21: `ter*ror`: `*` is allowed only at the end of the last word",
            ),
            (
                "  - {id: x, forms: ['t*'], category: a/b, stance: 1, kind: act}\n",
                "3:21: `t*`: a glob needs at least 3 letters before `*`, or it matches too much",
            ),
            (
                "  - {id: x, category: a/b, stance: 1, kind: act}\n",
                "3:10: label `x` has neither `forms` nor `regex`",
            ),
            (
                "  - {id: x, forms: [a], category: a/b, stance: 1, kind: act}\n  - {id: x, forms: [b], category: a/b, stance: 1, kind: act}\n",
                "4:10: duplicate label id `x` (first defined on line 3)",
            ),
            (
                "  - {id: x, forms: [a], category: a/b, stance: 1, kind: labl}\n",
                "3:57: unknown kind `labl`, expected one of label, act, attribution, distancing; did you mean `label`?",
            ),
            (
                "  - {id: x, froms: [a], category: a/b, stance: 1, kind: act}\n",
                "3:13: unknown field `froms`, expected one of id, forms, regex, category, stance, kind, targets, exclude, requires, names, note, allow, overrides; did you mean `forms`?",
            ),
        ];
        for (body, want) in cases {
            let got = problems(&format!("{HEAD}{body}"));
            assert_eq!(got, vec![want.to_string()], "for {body}");
        }
    }

    /// The start of a file whose one label lacks forms and stance.
    const L: &str = "categories: [a/b]\nlabels:\n  - id: x\n    category: a/b\n    kind: label\n";
    /// The start of a file whose one actor lacks its type.
    const A: &str = "actors:\n  - id: q\n    name: Q\n";

    /// One row per field and kind of mistake (see [`table_of_type_errors`]): its name, the start
    /// of the file (`L`, `A` or none), the rest of it, and the problem said, at line:column.
    const TYPE_ERRORS: &[(&str, &str, &str, &str)] = &[
        (
            "stance",
            L,
            "    forms: [x]\n    stance: strong\n",
            "7:13: `stance` must be a whole number from -2 to 2, found `strong`",
        ),
        (
            "stance-float",
            L,
            "    forms: [x]\n    stance: 1.5\n",
            "7:13: `stance` must be a whole number from -2 to 2, found `1.5`",
        ),
        (
            "stance-list",
            L,
            "    forms: [x]\n    stance: [1]\n",
            "7:13: `stance` must be a whole number from -2 to 2, found a list: write `stance: -1`",
        ),
        (
            "stance-empty",
            L,
            "    forms: [x]\n    stance:\n",
            "7:11: `stance` is empty: it must be a whole number from -2 to 2, like `stance: -1`",
        ),
        (
            "stance-missing",
            L,
            "    forms: [x]\n",
            "6:5: this label has no `stance`: add one, like `stance: -1` (a whole number from -2 to 2)",
        ),
        (
            "forms-scalar",
            L,
            "    forms: resistance fighter*\n    stance: 1\n",
            "6:12: `forms` must be a list: write `forms: [resistance fighter*]`",
        ),
        (
            "forms-mapping",
            L,
            "    forms: {a: b}\n    stance: 1\n",
            "6:12: `forms` must be a list of words or phrases, found keys and values (a mapping): write `forms: [terrorist, terror group*]`",
        ),
        (
            "forms-item-list",
            L,
            "    forms: [a, [b]]\n    stance: 1\n",
            "6:16: `forms` must be a list of words or phrases, found a list inside it: write `forms: [terrorist, terror group*]`",
        ),
        (
            "forms-item-empty",
            L,
            "    forms: [a, ~]\n    stance: 1\n",
            "6:16: an item of `forms` is empty: fill it in or remove it (`forms` is a list of words or phrases)",
        ),
        (
            "exclude",
            L,
            "    forms: [x]\n    stance: 1\n    exclude: war on terror\n",
            "8:14: `exclude` must be a list: write `exclude: [war on terror]`",
        ),
        (
            "targets",
            L,
            "    forms: [x]\n    stance: 1\n    targets: armed_group\n",
            "8:14: `targets` must be a list: write `targets: [armed_group]`",
        ),
        (
            "allow",
            L,
            "    forms: [x]\n    stance: 1\n    allow: no-note\n",
            "8:12: `allow` must be a list: write `allow: [no-note]`",
        ),
        (
            "id",
            "",
            "categories: [a/b]\nlabels:\n  - {id: [a, b], forms: [x], category: a/b, stance: 1, kind: label}\n",
            "3:10: `id` must be one id, found a list: write `id: terrorist`",
        ),
        (
            "category",
            "",
            "labels:\n  - id: x\n    forms: [x]\n    stance: 1\n    kind: label\n    category: [a/b, c/d]\n",
            "6:15: `category` must be one category path, found a list: an entry has one category; make one entry per category",
        ),
        (
            "regex",
            L,
            "    stance: 1\n    regex: [a]\n",
            "7:12: `regex` must be one regular expression, found a list: write `regex: '\\w+-backed'`",
        ),
        (
            "kind",
            "",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [x], category: a/b, stance: 1, kind: [label]}\n",
            "3:57: `kind` must be one of label, act, attribution, distancing, found a list: write `kind: label`",
        ),
        (
            "requires",
            L,
            "    forms: [x]\n    stance: 1\n    requires: [party]\n",
            "8:15: `requires` must be `party`, found a list: write `requires: party`",
        ),
        (
            "note",
            L,
            "    forms: [x]\n    stance: 1\n    note: {a: b}\n",
            "8:11: `note` must be text, found keys and values (a mapping): write `note: why this stance`",
        ),
        (
            "overrides",
            L,
            "    forms: [x]\n    stance: 1\n    overrides: maybe\n",
            "8:16: `overrides` must be true or false, found `maybe`",
        ),
        (
            "names",
            L,
            "    forms: [x]\n    stance: 1\n    names: somalia\n",
            "8:12: `names` must be a list of entries, found `somalia`: write each on lines of its own below `names:`, starting `- actor: ...`",
        ),
        (
            "names-entry",
            L,
            "    forms: [x]\n    stance: 1\n    names: [somalia]\n",
            "8:13: each entry of `names` must be keys and values starting `- actor: ...`, found `somalia`",
        ),
        (
            "names-actor-missing",
            L,
            "    forms: [x]\n    stance: 1\n    names: [{where: [b]}]\n",
            "8:14: this `names` entry has no `actor`: add one, like `actor: al-shabaab` (one actor id)",
        ),
        (
            "where",
            L,
            "    forms: [x]\n    stance: 1\n    names: [{actor: a, where: somalia}]\n",
            "8:31: `where` must be a list: write `where: [somalia]`",
        ),
        (
            "labels",
            "",
            "labels: foo\n",
            "1:9: `labels` must be a list of label entries, found `foo`: write each on lines of its own below `labels:`, starting `- id: ...`",
        ),
        (
            "labels-entry",
            "",
            "labels:\n  - foo\n",
            "2:5: each entry of `labels` must be keys and values starting `- id: ...`, found `foo`",
        ),
        (
            "categories",
            "",
            "categories: a/b\n",
            "1:13: `categories` must be a list: write `categories: [a/b]`",
        ),
        (
            "language",
            "",
            "language: [fra]\n",
            "1:11: `language` must be a language code or English name, found a list: write `language: fra`",
        ),
        (
            "lexicon",
            "",
            "lexicon: [a]\n",
            "1:10: `lexicon` must be a name, found a list: write `lexicon: my-lexicon`",
        ),
        (
            "file",
            "",
            "just some words\n",
            "1:1: a lexicon file must be keys and values (`categories:`, `labels:`, `actors:` ...), found `just some words`",
        ),
        (
            "type",
            A,
            "    type: [state]\n",
            "4:11: `type` must be one of state, armed_group, movement, population, organization, found a list: write `type: armed_group`",
        ),
        (
            "type-missing",
            "",
            "actors:\n  - {id: q, name: Q}\n",
            "2:13: this actor has no `type`: add one, like `type: armed_group` (one of state, armed_group, movement, population, organization)",
        ),
        (
            "name",
            "",
            "actors:\n  - {id: q, name: [Q, R], type: state}\n",
            "2:19: `name` must be one name, found a list: write the other names under `aliases`",
        ),
        (
            "aliases",
            A,
            "    type: state\n    aliases: HTS\n",
            "5:14: `aliases` must be a list: write `aliases: [HTS]`",
        ),
        (
            "adjectives",
            A,
            "    type: state\n    adjectives: Turkish\n",
            "5:17: `adjectives` must be a list: write `adjectives: [Turkish]`",
        ),
        (
            "proxies",
            A,
            "    type: state\n    proxies: sna\n",
            "5:14: `proxies` must be a list: write `proxies: [sna]`",
        ),
        (
            "part_of",
            A,
            "    type: state\n    part_of: [usa]\n",
            "5:14: `part_of` must be one actor id, found a list: write `part_of: usa`",
        ),
        (
            "people",
            A,
            "    type: state\n    people: Jolani\n",
            "5:13: `people` must be a list of people, found `Jolani`: write each on lines of its own below `people:`, starting `- name: ...`",
        ),
        (
            "person-name-missing",
            A,
            "    type: state\n    people:\n      - role: leader\n",
            "6:9: this person has no `name`: add one, like `name: Abu Mohammed al-Jolani` (one name)",
        ),
        (
            "person-aliases",
            A,
            "    type: state\n    people:\n      - name: A B\n        aliases: B\n",
            "7:18: `aliases` must be a list: write `aliases: [B]`",
        ),
        (
            "person-role",
            A,
            "    type: state\n    people:\n      - name: A B\n        role: [leader]\n",
            "7:15: `role` must be text, found a list: write `role: leader`",
        ),
        (
            "non-ascii",
            "",
            "categories: [a/b]\nlabels:\n  - {id: é, forms: [ü], category: a/b, stance: strong, kind: label}\n",
            "3:48: `stance` must be a whole number from -2 to 2, found `strong`",
        ),
        (
            "unclosed-list",
            L,
            "    forms: [foo\n    stance: 1\n",
            "6:12: the list opened with `[` on line 6 is not closed: end it with `]` on the same line (the YAML parser stopped at line 7, column 11)",
        ),
        (
            "unclosed-mapping",
            "",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [x], category: a/b\n",
            "3:5: the mapping opened with `{` on line 3 is not closed: end it with `}` on the same line",
        ),
        (
            "colon-in-value",
            L,
            "    forms: [x]\n    stance: 1\n    note: BBC says: only with attribution # rule\n",
            "8:19: a `: ` inside a value starts another key: put the value in quotes, like `note: 'BBC says: only with attribution'`",
        ),
        (
            "unclosed-quote",
            L,
            "    forms: ['it]\n    stance: 1\n",
            "6:13: the quotation that starts here is not closed: end it with the same quotation mark",
        ),
        (
            "flow-labels",
            "",
            "categories: [a/b]\nlabels: [{id: x, forms: [x], category: a/b, stance: strong, kind: label}]\n",
            "2:53: `stance` must be a whole number from -2 to 2, found `strong`",
        ),
        (
            "flow-labels-lines",
            "",
            "categories: [a/b]\nlabels: [\n  {id: x, forms: [x], category: a/b, stance: 1, kind: label},\n  {id: y, forms: [y], category: a/b, stance: strong, kind: label},\n]\n",
            "4:46: `stance` must be a whole number from -2 to 2, found `strong`",
        ),
        (
            "unclosed-double-quote",
            L,
            "    forms: [x]\n    note: \"unclosed\n    stance: 1\n",
            "7:11: the quotation that starts here is not closed: end it with the same quotation mark",
        ),
    ];

    /// A value of the wrong type, an empty value, a missing field, a wrong entry, a wrong file,
    /// a `[` or `{` or a quotation not closed: each message names the field, what it must be,
    /// what was found, and how to write it.
    #[test]
    fn table_of_type_errors() {
        let wrong: Vec<String> = TYPE_ERRORS
            .iter()
            .filter_map(|(what, head, rest, want)| {
                let got = problems(&format!("{head}{rest}"));
                (got != vec![want.to_string()]).then(|| format!("{what}: {got:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A syntax error in one entry leaves the other entries read and checked; lines and columns
    /// are the file's, also after a line of two-byte letters.
    #[test]
    fn a_syntax_error_in_one_entry_leaves_the_others_checked() {
        let src = "# é è ü\ncategories: [a/b]\nlabels:\n  - id: x\n    category: a/b\n    forms: [foo\n    stance: 1\n    kind: label\n  - id: y\n    forms: [bar]\n    category: a/b\n    stance: 7\n    kind: label\n  - {id: é, forms: [ü], category: a/b, stance: strong, kind: label}\nactors:\n  - {id: q, name: Q, type: stat}\n";
        assert_eq!(
            problems(src),
            vec![
                "6:12: the list opened with `[` on line 6 is not closed: end it with `]` on the same line (the YAML parser stopped at line 7, column 11)".to_string(),
                "12:13: stance 7 is out of range: use -2, -1, 0, 1 or 2".to_string(),
                "14:48: `stance` must be a whole number from -2 to 2, found `strong`".to_string(),
                "16:28: unknown actor type `stat`, expected one of state, armed_group, movement, population, organization, person; did you mean `state`?".to_string(),
            ]
        );
        // Where entries start when the file does not parse: by layout.
        let lines: Vec<&str> = yaml_lines(src).collect();
        assert_eq!(starts_by_layout(&lines), [vec![4, 9, 14], vec![16]]);
        // A tab that indents a line of one entry.
        let src = "labels:\n  - id: x\n\t forms: [x]\n  - {id: y, forms: [y], category: a/b, stance: 9, kind: label}\ncategories: [a/b]\n";
        assert_eq!(
            problems(src),
            vec![
                "3:1: a tab indents this line: YAML indents with spaces only".to_string(),
                "4:48: stance 9 is out of range: use -2, -1, 0, 1 or 2".to_string(),
            ]
        );
    }

    /// Entries of a flow list (`labels: [{...}, {...}]`) are not read one by one: they share
    /// lines, and a piece of the file cut at lines would be the whole list again, read once per
    /// entry (4,000 entries took 113 s). The whole file's error stands, read once.
    #[test]
    fn a_flow_list_is_not_cut_into_entries() {
        let entry = |i: usize, stance: &str| {
            format!("{{id: e{i}, forms: [w{i}], category: a/b, stance: {stance}, kind: label}}")
        };
        let many = |sep: &str| {
            (0..2000)
                .map(|i| entry(i, if i == 1000 { "strong" } else { "1" }))
                .collect::<Vec<_>>()
                .join(sep)
        };
        for (src, want) in [
            (
                format!("categories: [a/b]\nlabels: [{}]\n", many(", ")),
                "2:",
            ),
            (
                format!("categories: [a/b]\nlabels: [\n  {}\n]\n", many(",\n  ")),
                "1003:",
            ),
        ] {
            // No entry is read on its own.
            assert!(recover("t.yaml", &src).is_none());
            let got = problems(&src);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(
                got[0].starts_with(want) && got[0].ends_with("found `strong`"),
                "{got:?}"
            );
        }
    }

    /// An entry of a block list whose `-` is alone on its line (or with an anchor or a comment)
    /// is read from that line on.
    #[test]
    fn an_entry_whose_dash_is_alone_is_read_from_the_dash() {
        let src = "categories: [a/b]\nlabels:\n  -\n    id: x\n    forms: [x]\n    category: a/b\n    stance: strong\n    kind: label\n  - # second\n    id: y\n    forms: [y]\n    category: a/b\n    stance: 9\n    kind: label\n";
        assert_eq!(
            problems(src),
            vec![
                "7:13: `stance` must be a whole number from -2 to 2, found `strong`".to_string(),
                "13:13: stance 9 is out of range: use -2, -1, 0, 1 or 2".to_string(),
            ]
        );
    }

    /// A byte-order mark before `labels:` on line 1 leaves the entries found by layout.
    #[test]
    fn a_byte_order_mark_before_labels_leaves_the_entries_found() {
        let src = "\u{feff}labels:\n  - id: x\n    forms: [x\n    category: a/b\n    stance: 1\n    kind: label\n  - {id: y, forms: [y], category: a/b, stance: 9, kind: label}\ncategories: [a/b]\n";
        let lines: Vec<&str> = yaml_lines(src).collect();
        assert_eq!(starts_by_layout(&lines), [vec![2, 7], vec![]]);
        assert_eq!(
            problems(src),
            vec![
                "3:12: the list opened with `[` on line 3 is not closed: end it with `]` on the same line (the YAML parser stopped at line 4, column 13)".to_string(),
                "7:48: stance 9 is out of range: use -2, -1, 0, 1 or 2".to_string(),
            ]
        );
    }

    /// An anchor written in one entry and used in another: the entry that uses it is not read
    /// on its own (its alias would be unknown there), and no problem is made up for it.
    #[test]
    fn an_anchor_shared_between_entries_is_no_problem() {
        let entry = |id: &str, stance: &str, targets: &str| {
            format!(
                "  - id: {id}\n    forms: [{id}]\n    category: a/b\n    stance: {stance}\n    kind: label\n    targets: {targets}\n"
            )
        };
        let src = format!(
            "{HEAD}{}{}{}",
            entry("x", "1", "&armed [state]"),
            entry("y", "1", "*armed"),
            entry("z", "strong", "[state]"),
        );
        assert_eq!(
            problems(&src),
            vec!["18:13: `stance` must be a whole number from -2 to 2, found `strong`".to_string()]
        );
        // The entry that uses the alias is the broken one: the whole file's error stands.
        let src = format!(
            "{HEAD}{}{}",
            entry("x", "1", "&armed [state]"),
            entry("y", "strong", "*armed"),
        );
        assert_eq!(
            problems(&src),
            vec!["12:13: `stance` must be a whole number from -2 to 2, found `strong`".to_string()]
        );
    }

    /// `Kind::ALL` and `ActorType::ALL`, which the messages list, name every variant: the JSON
    /// Schema made from each enum names the same, in the same order.
    #[test]
    fn every_kind_and_actor_type_is_listed() {
        fn variants(schema: schemars::Schema) -> Vec<String> {
            // Each variant is a `{"const": NAME, "description": ...}` of the `oneOf`.
            let v = serde_json::to_value(schema).unwrap();
            v["oneOf"]
                .as_array()
                .unwrap_or_else(|| panic!("{v}"))
                .iter()
                .map(|n| n["const"].as_str().unwrap().to_owned())
                .collect()
        }
        assert_eq!(
            variants(schemars::schema_for!(Kind)),
            Kind::ALL.map(Kind::as_str)
        );
        assert_eq!(
            variants(schemars::schema_for!(ActorType)),
            ActorType::ALL.map(ActorType::as_str)
        );
        for k in Kind::ALL {
            let src = format!(
                "{HEAD}  - {{id: x, forms: [x], category: a/b, stance: 1, kind: {}}}\n",
                k.as_str()
            );
            assert_eq!(problems(&src), Vec::<String>::new());
        }
    }

    #[test]
    fn huge_regex_is_refused() {
        let src = format!(
            "{HEAD}  - {{id: x, regex: '\\w{{1000}}\\w{{1000}}\\w{{1000}}', category: a/b, stance: 1, kind: act}}\n"
        );
        let got = problems(&src);
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("is too large"), "{got:?}");
    }

    #[test]
    fn syntax_error_has_location() {
        let got = problems("labels:\n  - id: [x\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("2:"), "{got:?}");
    }

    #[test]
    fn every_entry_problem_is_reported_at_once() {
        let src = "categories: [a/b]\nlabels:\n  - id: x\n    froms: [x]\n    category: a/b\n    stance: 1\n    kind: label\n  - id: y\n    forms: [y]\n    category: a/b\n    stance: 9\n    kind: label\n  - id: z\n    forms: [z]\n    category: a/b\n    stance: 1\n    kind: lable\nactors:\n  - {id: q, name: Q, type: stat}\n";
        let got = problems(src);
        assert_eq!(
            got,
            vec![
                "4:5: unknown field `froms`, expected one of id, forms, regex, category, stance, kind, targets, exclude, requires, names, note, allow, overrides; did you mean `forms`?".to_string(),
                "11:13: stance 9 is out of range: use -2, -1, 0, 1 or 2".to_string(),
                "17:11: unknown kind `lable`, expected one of label, act, attribution, distancing; did you mean `label`?".to_string(),
                "19:28: unknown actor type `stat`, expected one of state, armed_group, movement, population, organization, person; did you mean `state`?".to_string(),
            ]
        );
    }

    #[test]
    fn scalars_read_back_exactly() {
        let cases = [
            "plain words",
            "terror*",
            "Hay'at Tahrir al-Sham",
            "U.S.",
            "key: value",
            "trailing:",
            "#hash",
            "a #b",
            "*alias",
            "&anchor",
            "!tag",
            "|pipe",
            ">fold",
            "%dir",
            "@at",
            "`tick",
            "{brace}",
            "a, b",
            "yes",
            "No",
            "off",
            "~",
            "null",
            "0x1F",
            "1e3",
            ".inf",
            "12",
            " lead",
            "trail ",
            "",
            "tab\there",
            "line\nbreak",
            "back\\slash",
            "quote's",
            "\"dq\"",
            "bell\u{7}",
            "bom\u{feff}",
            "nonchar\u{fffe}\u{ffff}",
            "ünïcödé ‘curly’",
        ];
        let doc = format!(
            "[{}]",
            cases
                .iter()
                .map(|c| scalar(c))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let back: Vec<String> = from_str("t.yaml", &doc).unwrap();
        assert_eq!(back, cases, "{doc}");
        for c in cases {
            let block = format!("k: {}\n", scalar(c));
            let back: std::collections::BTreeMap<String, String> =
                from_str("t.yaml", &block).unwrap();
            assert_eq!(back["k"], c, "{block}");
        }
        assert_eq!(scalar("terror*"), "terror*");
        assert_eq!(scalar("it's"), "it's");
        assert_eq!(scalar("a: b"), "'a: b'");
        assert_eq!(scalar("x\ny"), "\"x\\ny\"");
        assert_eq!(double_quoted("a\u{fffe}"), "\"a\\uFFFE\"");
    }
}
