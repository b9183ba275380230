//! Checking and linting lexicon files, for `framelens lexicon check` and `lint`.
//!
//! `check` finds errors: everything loading reports (syntax, types, unknown keys with a
//! did-you-mean, bad regex, stance out of range, unknown category or proxy), plus the same id or the
//! same form in two entries, in one file or across the files given. `lint` finds what is legal but
//! probably wrong: a form that can never match because another entry always wins on the same words,
//! a glob that matches common English words, near-duplicate forms that look like typos, a label
//! with no note explaining its stance, and actor names that are also label forms.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Serialize, Serializer};

use crate::analysis::Analyzer;
use crate::diagnostic::Diagnostic;
use crate::lexicon::yaml;
use crate::lexicon::{Kind, LabelEntry, Lexicon, LexiconBuilder};
use crate::matcher::Normalized;
use crate::text::WordSet;

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Files that could not be read at all.
    pub unreadable: Vec<Diagnostic>,
    /// Problems in files that could be read.
    pub problems: Vec<Diagnostic>,
    /// Number of files read as UTF-8 text and checked (not the unreadable ones, nor one that
    /// is not UTF-8).
    pub files: usize,
}

/// Checks `paths` together: each on its own, then the combination (categories, proxies, ids and
/// forms across files). With `bundled`, the bundled lexicons are loaded first as context, so a
/// file may use their categories and actors, as it may when loaded with `--lexicon`.
pub fn check(paths: &[PathBuf], bundled: bool) -> CheckReport {
    let mut r = CheckReport::default();
    let mut texts: Vec<(String, String)> = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        match crate::budget::Budget::new(crate::budget::LEXICON_BYTES).read_path(p) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => texts.push((shown, t)),
                Err(e) => r.problems.push(crate::lexicon::not_utf8(&shown, &e)),
            },
            Err(e) => r.unreadable.push(Diagnostic::file_level(
                &shown,
                format!("cannot read the file: {e}"),
            )),
        }
    }
    r.files = texts.len();
    // Each file, and the combination.
    let mut b = LexiconBuilder::new().strict_overrides();
    if bundled {
        b = b.bundled();
    }
    for (name, text) in &texts {
        b = b.text(name, text);
    }
    let built = b.build();
    if let Err(e) = &built {
        // The build locates what it finds after reading every file (an entry that replaces or
        // takes the words of an earlier file's) without the line's text: add it.
        r.problems.extend(e.diagnostics().into_iter().map(|d| {
            match texts.iter().find(|(name, _)| *name == d.file) {
                Some((name, text)) if d.source_line.is_none() && d.line > 0 => {
                    Diagnostic::at(name, text, d.line, d.column, d.message)
                }
                _ => d,
            }
        }));
    }
    // The same form in two entries of one file (across files it is a layer's override,
    // reported by the build), and actors a label's `names` gives that no loaded lexicon lists
    // (the analysis passes over them, so a misspelt id would quietly never link).
    for (name, text) in &texts {
        let Ok(parsed) = yaml::parse(name, text) else {
            continue;
        };
        if let Ok(lex) = &built {
            for (id, entry, line, col) in &parsed.actor_refs {
                if lex.actor(id).is_none() {
                    r.problems.push(Diagnostic::at(
                        name,
                        text,
                        *line,
                        *col,
                        format!("label `{entry}` names unknown actor `{id}` in `names`"),
                    ));
                }
            }
        }
        let mut own: HashMap<String, (&str, u64)> = HashMap::new();
        for (form, entry, line, col) in &parsed.form_locs {
            match own.get(&Normalized::form(form)) {
                Some(&(e, l)) if e != entry => r.problems.push(Diagnostic::at(
                    name,
                    text,
                    *line,
                    *col,
                    format!("form `{form}` of `{entry}` is also a form of `{e}` ({name}:{l}); only one entry can match it"),
                )),
                Some(_) => {}
                None => {
                    own.insert(Normalized::form(form), (entry, *line));
                }
            }
        }
    }
    r
}

/// The kind of a quality warning. Its code ([`LintCode::as_str`]) is what a warning shows and
/// what an entry's `allow:` names to accept it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LintCode {
    /// A form that never matches: another entry wins on the same words.
    Shadowed,
    /// A one-word glob that matches common English words.
    BroadGlob,
    /// Forms one letter apart in different entries.
    NearDuplicate,
    /// The same form with different stances in two entries.
    ConflictingStance,
    /// A label with no note explaining its stance.
    NoNote,
    /// An actor name that is also a label form.
    ActorLabelCollision,
}

impl LintCode {
    /// The code: `shadowed`, `broad-glob`, `near-duplicate`, `conflicting-stance`, `no-note`,
    /// `actor-label-collision`.
    pub fn as_str(self) -> &'static str {
        match self {
            LintCode::Shadowed => "shadowed",
            LintCode::BroadGlob => "broad-glob",
            LintCode::NearDuplicate => "near-duplicate",
            LintCode::ConflictingStance => "conflicting-stance",
            LintCode::NoNote => "no-note",
            LintCode::ActorLabelCollision => "actor-label-collision",
        }
    }
}

/// Serialised as its code.
impl Serialize for LintCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A quality warning.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Warning {
    /// The kind of warning.
    pub code: LintCode,
    /// Path of the file the entry came from, as in `Lexicon::files` (`bundled:NAME` for a
    /// bundled one).
    pub file: String,
    /// 1-based line of the entry's `id:` in that file; `None` when the file's text was not
    /// given or the line was not found.
    pub line: Option<u64>,
    /// Id of the label or actor entry the warning is about.
    pub entry: String,
    /// What is wrong, in one line.
    pub message: String,
}

/// Frequent English words a glob must not match (a sample of the most common words of news copy).
static COMMON: WordSet = WordSet::new(&[
    "the",
    "be",
    "to",
    "of",
    "and",
    "a",
    "in",
    "that",
    "have",
    "it",
    "for",
    "not",
    "on",
    "with",
    "he",
    "as",
    "you",
    "do",
    "at",
    "this",
    "but",
    "his",
    "by",
    "from",
    "they",
    "we",
    "say",
    "her",
    "she",
    "or",
    "an",
    "will",
    "my",
    "one",
    "all",
    "would",
    "there",
    "their",
    "what",
    "so",
    "up",
    "out",
    "if",
    "about",
    "who",
    "get",
    "which",
    "go",
    "me",
    "when",
    "make",
    "can",
    "like",
    "time",
    "no",
    "just",
    "him",
    "know",
    "take",
    "people",
    "into",
    "year",
    "your",
    "good",
    "some",
    "could",
    "them",
    "see",
    "other",
    "than",
    "then",
    "now",
    "look",
    "only",
    "come",
    "its",
    "over",
    "think",
    "also",
    "back",
    "after",
    "use",
    "two",
    "how",
    "our",
    "work",
    "first",
    "well",
    "way",
    "even",
    "new",
    "want",
    "because",
    "any",
    "these",
    "give",
    "day",
    "most",
    "us",
    "is",
    "was",
    "are",
    "were",
    "been",
    "has",
    "had",
    "said",
    "says",
    "government",
    "state",
    "states",
    "statement",
    "station",
    "stationed",
    "military",
    "minister",
    "ministry",
    "president",
    "presidential",
    "country",
    "countries",
    "forces",
    "force",
    "forced",
    "army",
    "armed",
    "arms",
    "war",
    "wars",
    "warning",
    "warned",
    "attack",
    "attacks",
    "attacked",
    "police",
    "policy",
    "political",
    "politics",
    "power",
    "powers",
    "public",
    "report",
    "reported",
    "reports",
    "official",
    "officials",
    "office",
    "group",
    "groups",
    "party",
    "parties",
    "leader",
    "leaders",
    "leadership",
    "support",
    "supported",
    "supporters",
    "security",
    "secure",
    "peace",
    "talks",
    "talked",
    "meeting",
    "meet",
    "city",
    "cities",
    "region",
    "regional",
    "area",
    "areas",
    "people",
    "civilian",
    "civilians",
    "killed",
    "killing",
    "kill",
    "dead",
    "death",
    "deaths",
    "fighting",
    "fight",
    "fought",
    "fire",
    "fired",
    "strike",
    "strikes",
    "struck",
    "troops",
    "soldiers",
    "soldier",
    "border",
    "borders",
    "control",
    "controlled",
    "international",
    "national",
    "nation",
    "nations",
    "united",
    "union",
    "foreign",
    "world",
    "news",
    "press",
    "media",
    "election",
    "elections",
    "vote",
    "voted",
    "law",
    "laws",
    "court",
    "courts",
    "rights",
    "human",
    "humanitarian",
    "aid",
    "help",
    "health",
    "hospital",
    "school",
    "schools",
    "home",
    "homes",
    "house",
    "family",
    "families",
    "children",
    "child",
    "women",
    "men",
    "man",
    "woman",
    "local",
    "residents",
    "resident",
    "water",
    "food",
    "money",
    "economy",
    "economic",
    "oil",
    "gas",
    "energy",
    "market",
    "trade",
    "deal",
    "deals",
    "agreement",
    "agreed",
    "ceasefire",
    "operation",
    "operations",
    "operate",
    "operator",
    "occupy",
    "occupied",
    "occupying",
    "occupation",
    "occupational",
    "occupant",
    "occupants",
    "regime",
    "regiment",
    "regimen",
    "terrain",
    "territory",
    "territories",
    "rebuild",
    "rebuilt",
    "rebate",
    "recall",
    "record",
    "militate",
    "milestone",
    "million",
    "millions",
    "mill",
    "milk",
    "liberal",
    "liberty",
    "library",
    "martial",
    "marshal",
    "mass",
    "massive",
    "crime",
    "criminal",
    "crisis",
    "critical",
    "critics",
    "critic",
    "extreme",
    "extremely",
    "radical",
    "radio",
    "radius",
    "proxy",
    "proximity",
    "insurance",
    "insure",
    "insist",
    "insisted",
    "claim",
    "claims",
    "claimed",
    "allege",
    "allegedly",
    "accuse",
    "accused",
    "admit",
    "admitted",
    "deny",
    "denied",
    "resist",
    "resistance",
    "revolution",
    "revolutionary",
    "revolve",
    "martyr",
    "genocide",
    "gene",
    "general",
    "generally",
    "generation",
    "gang",
    "gangs",
    "mercenary",
    "thug",
    "bandit",
    "invade",
    "invasion",
    "invalid",
    "invest",
    "investment",
    "aggression",
    "aggressive",
    "freedom",
    "free",
    "freely",
    "neutral",
    "neutralize",
    "eliminate",
    "elimination",
    "liquid",
    "liquidate",
    "occur",
    "occurred",
    "opposite",
    "opposition",
    "oppose",
    "opposed",
    "insurgency",
    "rebel",
    "rebels",
    "rebellion",
    "terror",
    "terrible",
    "territorial",
    "terrific",
    "militant",
    "militants",
    "militia",
    "militias",
    "jihad",
    "islam",
    "islamic",
    "islamist",
    "extremist",
    "extremists",
    "fighter",
    "fighters",
]);

fn line_of(text: &str, id: &str) -> Option<u64> {
    let needle = format!("id: {id}");
    text.lines()
        .position(|l| {
            let t = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches('{')
                .trim_start();
            t.starts_with(&needle)
                && t[needle.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
        })
        .map(|i| i as u64 + 1)
}

/// Quality warnings for a loaded lexicon. `sources` maps a file path (as in `lex.files`) to its
/// text, to give each warning a line.
pub fn lint(an: &Analyzer, sources: &HashMap<String, String>) -> Vec<Warning> {
    let mut l = Linter {
        lex: &an.lexicon,
        sources,
        out: Vec::new(),
    };
    let lex = l.lex;
    for (i, e) in lex.labels.iter().enumerate() {
        l.shadowed(an, i, e);
        l.broad_globs(e);
        if e.note.as_deref().is_none_or(|n| n.trim().is_empty()) && e.kind == Kind::Label {
            l.warn(
                LintCode::NoNote,
                e.file,
                &e.id,
                "label has no note explaining its stance".into(),
            );
        }
    }
    l.near_duplicates();
    l.conflicting_stances();
    l.actor_label_collisions();
    l.out
}

/// The warnings found so far, with what is needed to locate them.
struct Linter<'a> {
    lex: &'a Lexicon,
    sources: &'a HashMap<String, String>,
    out: Vec<Warning>,
}

impl Linter<'_> {
    /// Records a warning on `entry` of file `file_idx`, unless the entry allows its code.
    fn warn(&mut self, code: LintCode, file_idx: usize, entry: &str, message: String) {
        let allowed = self
            .lex
            .label(entry)
            .is_some_and(|e| e.allow.iter().any(|a| a == code.as_str()))
            || self
                .lex
                .actor(entry)
                .is_some_and(|a| a.allow.iter().any(|x| x == code.as_str()));
        if allowed {
            return;
        }
        let file = self
            .lex
            .files
            .get(file_idx)
            .map_or_else(String::new, |f| f.path.clone());
        let line = self.sources.get(&file).and_then(|t| line_of(t, entry));
        self.out.push(Warning {
            code,
            file,
            line,
            entry: entry.to_owned(),
            message,
        });
    }

    /// A form of label `i` that never matches: the matcher, run on the form itself, gives
    /// another entry.
    fn shadowed(&mut self, an: &Analyzer, i: usize, e: &LabelEntry) {
        for f in e.forms.iter().filter(|f| !f.ends_with('*')) {
            let norm = Normalized::new(f);
            let hits = an.labels.find(f, &norm);
            if let Some(h) = hits
                .iter()
                .find(|h| h.span.start == 0 && h.span.end == f.len())
                && h.owner != i
            {
                let other = &self.lex.labels[h.owner];
                self.warn(
                    LintCode::Shadowed,
                    e.file,
                    &e.id,
                    format!(
                        "form `{f}` never matches: `{}` wins on the same words",
                        other.id
                    ),
                );
            }
        }
    }

    /// A one-word glob of `e` that matches common words its entry does not exclude.
    fn broad_globs(&mut self, e: &LabelEntry) {
        for f in e
            .forms
            .iter()
            .filter(|f| f.ends_with('*') && !f.contains(' '))
        {
            let stem = f.trim_end_matches('*').to_lowercase();
            let caught: Vec<&str> = COMMON
                .iter()
                .copied()
                .filter(|w| w.starts_with(&stem))
                .filter(|w| !e.exclude.iter().any(|x| x.eq_ignore_ascii_case(w)))
                .collect();
            if !caught.is_empty() {
                self.warn(
                    LintCode::BroadGlob,
                    e.file,
                    &e.id,
                    format!(
                        "glob `{f}` also matches common words: {}",
                        caught
                            .iter()
                            .take(6)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }

    /// Near-duplicate forms in different entries (edit distance 1, not a plural or a hyphen).
    fn near_duplicates(&mut self) {
        let lex = self.lex;
        let mut all: Vec<(String, usize)> = Vec::new();
        for (i, e) in lex.labels.iter().enumerate() {
            for f in e.forms.iter().filter(|f| !f.ends_with('*')) {
                all.push((f.to_lowercase(), i));
            }
        }
        all.sort();
        for (a_idx, (a, ai)) in all.iter().enumerate() {
            for (b, bi) in &all[a_idx + 1..] {
                if ai == bi || a.len().abs_diff(b.len()) > 1 || a.len() < 6 || morphology(a, b) {
                    continue;
                }
                if strsim::levenshtein(a, b) == 1 {
                    let (ea, eb) = (&lex.labels[*ai], &lex.labels[*bi]);
                    self.warn(
                        LintCode::NearDuplicate,
                        eb.file,
                        &eb.id,
                        format!(
                            "form `{b}` is one letter from `{a}` of `{}`: a typo?",
                            ea.id
                        ),
                    );
                }
            }
        }
    }

    /// The same form in two entries (usually two files) with different stances.
    fn conflicting_stances(&mut self) {
        let lex = self.lex;
        let mut by_form: HashMap<String, usize> = HashMap::new();
        for (i, e) in lex.labels.iter().enumerate() {
            for f in &e.forms {
                match by_form.get(&Normalized::form(f)) {
                    Some(&j) if lex.labels[j].stance != e.stance => {
                        let other = &lex.labels[j];
                        self.warn(
                            LintCode::ConflictingStance,
                            e.file,
                            &e.id,
                            format!(
                                "form `{f}` has stance {:+} here and {:+} in `{}`; only one entry can match it",
                                e.stance, other.stance, other.id
                            ),
                        );
                    }
                    Some(_) => {}
                    None => {
                        by_form.insert(Normalized::form(f), i);
                    }
                }
            }
        }
    }

    /// Actor names that are also label forms.
    fn actor_label_collisions(&mut self) {
        let lex = self.lex;
        let label_forms: HashMap<String, &str> = lex
            .labels
            .iter()
            .flat_map(|e| {
                e.forms
                    .iter()
                    .map(move |f| (Normalized::form(f), e.id.as_str()))
            })
            .collect();
        for a in &lex.actors {
            for alias in std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(&a.adjectives)
            {
                if let Some(label) = label_forms.get(&Normalized::form(alias)) {
                    self.warn(
                        LintCode::ActorLabelCollision,
                        a.file,
                        &a.id,
                        format!(
                            "`{alias}` names actor `{}` and is also a form of label `{label}`",
                            a.id
                        ),
                    );
                }
            }
        }
    }
}

/// Two forms one letter apart by morphology, not a typo: an inflection (-s, -d), a prefix
/// (butcher, butchery), a different last letter or an ending within the last three letters
/// (terrorist, terrorism; invades, invaders), or the same words with a hyphen or a space.
fn morphology(a: &str, b: &str) -> bool {
    let inflection = |x: &str, y: &str| {
        y.strip_prefix(x).is_some_and(|r| matches!(r, "s" | "d"))
            || x.strip_prefix(y).is_some_and(|r| matches!(r, "s" | "d"))
    };
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let last_letter = common + 3 >= a.chars().count().max(b.chars().count());
    inflection(a, b)
        || last_letter
        || a.starts_with(b)
        || b.starts_with(a)
        || a.replace(['-', ' '], "") == b.replace(['-', ' '], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lexicon check` and `--lexicon` say the same of a lexicon that is not UTF-8: at the line
    /// and column (in characters) of its first bad byte, with that line.
    #[test]
    fn a_lexicon_not_in_utf8_is_located_alike_by_check_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("l.yaml");
        std::fs::write(&p, b"labels:\n  - id: \xc3\xa9t\xc3\xa9\xff\n").unwrap();
        let checked = check(std::slice::from_ref(&p), false).problems;
        let loaded = LexiconBuilder::new()
            .file(&p)
            .unwrap()
            .build()
            .unwrap_err()
            .diagnostics();
        assert_eq!(checked, loaded);
        assert_eq!(checked.len(), 1);
        let d = &checked[0];
        assert_eq!((d.line, d.column), (2, 12), "{d}");
        assert_eq!(
            d.source_line.as_deref(),
            Some("  - id: \u{e9}t\u{e9}\u{fffd}")
        );
    }

    fn lint_text(src: &str) -> Vec<(String, String)> {
        let lex = LexiconBuilder::new().text("t.yaml", src).build().unwrap();
        let an = Analyzer::new(lex).unwrap();
        let mut sources = HashMap::new();
        sources.insert("t.yaml".to_string(), src.to_string());
        lint(&an, &sources)
            .into_iter()
            .map(|w| (w.code.as_str().to_string(), w.message))
            .collect()
    }

    const HEAD: &str = "categories: [a/b]\nlabels:\n";

    #[test]
    fn table_of_warnings() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "  - {id: w, forms: ['terroris*'], category: a/b, stance: -2, kind: label, note: n}\n  - {id: x, forms: [terrorist], category: a/b, stance: -2, kind: label, note: n}\n",
                "shadowed",
                "form `terrorist` never matches: `w` wins on the same words",
            ),
            (
                "  - {id: x, forms: ['occup*'], category: a/b, stance: -2, kind: act}\n",
                "broad-glob",
                "glob `occup*` also matches common words: occupy, occupied, occupying, occupation, occupational, occupant",
            ),
            (
                "  - {id: x, forms: [militant], category: a/b, stance: -1, kind: label, note: n}\n  - {id: y, forms: [miliant], category: a/b, stance: -1, kind: label, note: n}\n",
                "near-duplicate",
                "form `militant` is one letter from `miliant` of `y`: a typo?",
            ),
            (
                "  - {id: x, forms: [rebels], category: a/b, stance: 0, kind: label}\n",
                "no-note",
                "label has no note explaining its stance",
            ),
        ];
        for (body, code, msg) in cases {
            let got = lint_text(&format!("{HEAD}{body}"));
            assert!(
                got.contains(&(code.to_string(), msg.to_string())),
                "{body}: {got:?}"
            );
        }
    }

    #[test]
    fn the_same_form_with_two_stances() {
        let lex = LexiconBuilder::new()
            .text("a.yaml", "categories: [a/b]\nlabels:\n  - {id: x, forms: [rebels], category: a/b, stance: 0, kind: label, note: n}\n")
            .text("b.yaml", "labels:\n  - {id: y, forms: [Rebels], category: a/b, stance: -2, kind: label, note: n}\n")
            .build()
            .unwrap();
        let an = Analyzer::new(lex).unwrap();
        let got = lint(&an, &HashMap::new());
        assert!(
            got.iter().any(|w| w.code == LintCode::ConflictingStance && w.message == "form `Rebels` has stance -2 here and +0 in `x`; only one entry can match it"),
            "{got:?}"
        );
    }

    #[test]
    fn collisions_between_actors_and_labels() {
        let src = "categories: [a/b]\nlabels:\n  - {id: r, forms: [resistance], category: a/b, stance: 1, kind: label, note: n}\nactors:\n  - {id: res, name: The Resistance, type: armed_group, aliases: [Resistance]}\n";
        let got = lint_text(src);
        assert!(
            got.contains(&(
                "actor-label-collision".to_string(),
                "`Resistance` names actor `res` and is also a form of label `r`".to_string()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn check_finds_duplicates_across_files() {
        let dir = std::env::temp_dir().join(format!("framelens-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = dir.join("a.yaml");
        let b = dir.join("b.yaml");
        std::fs::write(&a, "categories: [a/b]\nlabels:\n  - {id: x, forms: [rebels], category: a/b, stance: 0, kind: label}\n  - {id: w, forms: [gunmen], category: a/b, stance: 0, kind: label}\n").unwrap();
        // `y` takes the words of `w`; `x` is replaced, and its form `rebels` goes with it.
        std::fs::write(&b, "labels:\n  - {id: y, forms: [Gunmen, rebels], category: a/b, stance: 0, kind: label}\n  - {id: x, forms: [insurgents], category: a/b, stance: 0, kind: label}\n").unwrap();
        let r = check(&[a.clone(), b.clone(), dir.join("missing.yaml")], false);
        let msgs: Vec<String> = r
            .problems
            .iter()
            .map(|d| format!("{}:{}", d.line, d.message))
            .collect();
        assert_eq!(r.unreadable.len(), 1);
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("2:form `Gunmen` of `y` is also a form of `w`")),
            "{msgs:?}"
        );
        assert!(
            !msgs.iter().any(|m| m.contains("`rebels` of `y`")),
            "{msgs:?}"
        );
        let replaced = format!(
            "3:label `x` replaces the label `x` of {}:3; write `overrides: true` in the entry if that is meant",
            a.display()
        );
        assert!(msgs.contains(&replaced), "{msgs:?}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
