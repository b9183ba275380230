//! Reading the BASIL corpus (Fan et al., EMNLP 2019) for evaluation.
//!
//! This module owns turning a BASIL folder (`articles/<year>/<uuid>_<k>.json` plus
//! `annotations/<year>/<uuid>_<k>_ann.json`, see the BASIL section of `../shared/docs/datasets.md`) into
//! [`BasilDoc`]s: the article as plain text the analyzer reads (title line, then one line per body
//! paragraph), and every phrase-level annotation aligned to a byte [`Span`] of that text. BASIL gives
//! character offsets relative to *one* sentence without saying which, so each span is aligned to the
//! first sentence (title included) whose characters `start..end` spell the annotated text, with a
//! unique match anywhere in the article as a fallback; spans that still cannot be placed are
//! reported, never dropped silently. It also builds an *oracle* lexicon from the gold
//! ([`oracle_lexicon_yaml`]): every annotated phrase as a label entry and every annotated entity as
//! an actor, so that voice, speaker and target attribution can be measured apart from lexicon
//! coverage.
//!
//! What it does not do: score anything (that is [`crate::eval`]), run the analyzer, map BASIL's
//! labels (`lex`/`inf`, `quote`, `aim`, `speaker`) onto framelens voices, or read the
//! article-level annotations. BASIL has no published licence: it is read from outside the
//! repository for evaluation only and nothing from it is copied into the project.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::matcher::Normalized;
use crate::text::Span;
use crate::text::WordSet;

/// One BASIL article, as plain text the analyzer can read, with its annotated spans.
#[derive(Clone, Debug)]
pub struct BasilDoc {
    /// `<uuid>_<k>`, the file stem.
    pub name: String,
    /// Lowercased outlet: `fox`, `nyt` or `hpo`.
    pub source: String,
    /// The triplet uuid shared by the three outlets' articles on one event.
    pub triplet: String,
    /// Title line, then one line per body paragraph (its sentences joined by a single space),
    /// `\n` separated. Line breaks inside a sentence are replaced by spaces.
    pub text: String,
    /// The article's `main-entities`, as written (`Donald Trump`).
    pub main_entities: Vec<String>,
    /// The aligned phrase-level annotations, in file order.
    pub spans: Vec<BasilSpan>,
}

/// One phrase-level annotation, aligned to [`BasilDoc::text`].
#[derive(Clone, Debug)]
pub struct BasilSpan {
    /// Byte offsets into the document text; `&text[span.start..span.end] == txt`.
    pub span: Span,
    /// The annotated phrase (the file's `txt`), with line breaks replaced by spaces.
    pub txt: String,
    /// `bias == "lex"` (loaded wording) rather than `inf` (choice of facts).
    pub lex: bool,
    /// `quote == "yes"`.
    pub quote: bool,
    /// `None` when empty; `other_pro`/`other_anti`/`other_neutral` and entity names such as
    /// `Donald_Trump` are kept as written.
    pub speaker: Option<String>,
    /// The entity the phrase is about (`Donald_Trump`); `None` when empty.
    pub target: Option<String>,
    /// `neg` / `pos`; `None` when empty.
    pub polarity: Option<String>,
}

#[derive(Deserialize)]
struct RawArticle {
    source: Option<String>,
    title: Option<String>,
    #[serde(rename = "triplet-uuid")]
    triplet: Option<String>,
    #[serde(rename = "main-entities")]
    main_entities: Option<Vec<String>>,
    #[serde(rename = "body-paragraphs")]
    paragraphs: Option<Vec<Vec<String>>>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    #[serde(rename = "phrase-level-annotations")]
    phrases: Option<Vec<serde_json::Value>>,
}

#[derive(Deserialize)]
struct RawPhrase {
    id: Option<String>,
    txt: String,
    start: usize,
    end: usize,
    bias: Option<String>,
    quote: Option<String>,
    speaker: Option<String>,
    target: Option<String>,
    polarity: Option<String>,
}

/// A sentence of the document: where it starts in the text and its char boundaries.
struct Sentence {
    at: usize,
    /// Byte offset (relative to the sentence) of every char start, plus the sentence length.
    bounds: Vec<usize>,
}

/// `None` for an absent or blank field, the trimmed value otherwise.
fn field(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Line breaks inside a sentence would split its paragraph: replace each by one space (one char
/// for one char, so character offsets stay valid).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Builds one document from the article JSON and its annotation JSON. Spans that cannot be
/// aligned (or are malformed) are added to `problems`, prefixed with `name`; the document is
/// returned without them. `Err` only when either JSON cannot be read at all.
pub fn parse_doc(
    name: &str,
    article_json: &str,
    annotation_json: &str,
    problems: &mut Vec<String>,
) -> Result<BasilDoc, String> {
    let art: RawArticle =
        serde_json::from_str(article_json).map_err(|e| format!("{name}: article: {e}"))?;
    let ann: RawAnnotation =
        serde_json::from_str(annotation_json).map_err(|e| format!("{name}: annotation: {e}"))?;

    // The text, and where each candidate sentence (title first) sits in it.
    let mut text = String::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut push = |text: &mut String, s: &str| {
        let s = one_line(s);
        let mut bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        bounds.push(s.len());
        sentences.push(Sentence {
            at: text.len(),
            bounds,
        });
        text.push_str(&s);
    };
    push(&mut text, art.title.as_deref().unwrap_or(""));
    for para in art.paragraphs.unwrap_or_default() {
        text.push('\n');
        for (i, s) in para.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            push(&mut text, s);
        }
    }

    let mut spans = Vec::new();
    for (i, value) in ann.phrases.unwrap_or_default().into_iter().enumerate() {
        let p: RawPhrase = match serde_json::from_value(value) {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!("{name}: phrase #{i}: malformed: {e}"));
                continue;
            }
        };
        let label = p.id.clone().unwrap_or_else(|| format!("#{i}"));
        let txt = one_line(&p.txt);
        if txt.is_empty() || p.start >= p.end {
            problems.push(format!(
                "{name}: phrase {label}: empty span {:?} at chars {}..{}",
                p.txt, p.start, p.end
            ));
            continue;
        }
        let Some(span) = align(&text, &sentences, &txt, p.start, p.end) else {
            let n = text.matches(txt.as_str()).count();
            problems.push(format!(
                "{name}: phrase {label}: {txt:?} is at chars {}..{} of no sentence, and occurs \
                 {n} times in the article: not aligned",
                p.start, p.end
            ));
            continue;
        };
        debug_assert_eq!(&text[span.start..span.end], txt);
        spans.push(BasilSpan {
            span,
            txt,
            lex: p.bias.as_deref().map(str::trim) == Some("lex"),
            quote: p.quote.as_deref().map(str::trim) == Some("yes"),
            speaker: field(p.speaker),
            target: field(p.target),
            polarity: field(p.polarity),
        });
    }

    Ok(BasilDoc {
        name: name.to_owned(),
        source: art.source.unwrap_or_default().trim().to_lowercase(),
        triplet: art.triplet.unwrap_or_default(),
        text,
        main_entities: art.main_entities.unwrap_or_default(),
        spans,
    })
}

/// The byte span of `txt`: chars `start..end` of the first sentence that spells it there, else
/// its only occurrence in the whole text.
fn align(text: &str, sentences: &[Sentence], txt: &str, start: usize, end: usize) -> Option<Span> {
    for s in sentences {
        let (Some(&a), Some(&b)) = (s.bounds.get(start), s.bounds.get(end)) else {
            continue;
        };
        if &text[s.at + a..s.at + b] == txt {
            return Some(Span::new(s.at + a, s.at + b));
        }
    }
    let mut hits = text.match_indices(txt);
    match (hits.next(), hits.next()) {
        (Some((i, _)), None) => Some(Span::new(i, i + txt.len())),
        _ => None,
    }
}

fn io_at(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// The entries of a folder, sorted by path; problems go to `problems`.
fn sorted_entries(dir: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v
        }
        Err(e) => {
            problems.push(format!("cannot read {}: {e}", dir.display()));
            Vec::new()
        }
    }
}

fn file_stem(p: &Path) -> Option<&str> {
    p.file_stem()?.to_str()
}

fn is_json(p: &Path) -> bool {
    p.is_file()
        && p.extension().is_some_and(|x| x == "json")
        && !file_stem(p).is_some_and(|s| s.starts_with('.'))
}

/// Reads every article with its annotation under `dir` (…/basil-dev). Returns the documents and a
/// list of human-readable problems (a span that could not be aligned, an unreadable file) — it never
/// fails on one bad file or span, it reports it and goes on. Err only when `dir` itself cannot be read.
pub fn load(dir: &Path) -> Result<(Vec<BasilDoc>, Vec<String>), std::io::Error> {
    std::fs::read_dir(dir).map_err(|e| io_at(dir, e))?;
    let articles = dir.join("articles");
    let annotations = dir.join("annotations");
    std::fs::read_dir(&articles).map_err(|e| io_at(&articles, e))?;
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for year_dir in sorted_entries(&articles, &mut problems) {
        if !year_dir.is_dir() {
            continue;
        }
        let year = year_dir
            .file_name()
            .map(|y| y.to_string_lossy().into_owned())
            .unwrap_or_default();
        for path in sorted_entries(&year_dir, &mut problems) {
            if !is_json(&path) {
                continue;
            }
            let Some(stem) = file_stem(&path) else {
                problems.push(format!("{}: file name is not UTF-8", path.display()));
                continue;
            };
            seen.insert((year.clone(), stem.to_owned()));
            let ann_path = annotations.join(&year).join(format!("{stem}_ann.json"));
            let article = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(format!(
                        "{year}/{stem}: cannot read {}: {e}",
                        path.display()
                    ));
                    continue;
                }
            };
            let ann = match std::fs::read_to_string(&ann_path) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(format!(
                        "{year}/{stem}: no annotation ({}: {e}); article skipped",
                        ann_path.display()
                    ));
                    continue;
                }
            };
            let mut doc_problems = Vec::new();
            match parse_doc(stem, &article, &ann, &mut doc_problems) {
                Ok(d) => docs.push(d),
                Err(e) => problems.push(format!("{year}/{e}; article skipped")),
            }
            problems.extend(doc_problems.into_iter().map(|p| format!("{year}/{p}")));
        }
    }
    // Annotations without an article.
    if annotations.is_dir() {
        for year_dir in sorted_entries(&annotations, &mut problems) {
            if !year_dir.is_dir() {
                continue;
            }
            let year = year_dir
                .file_name()
                .map(|y| y.to_string_lossy().into_owned())
                .unwrap_or_default();
            for path in sorted_entries(&year_dir, &mut problems) {
                if !is_json(&path) {
                    continue;
                }
                let stem = file_stem(&path).unwrap_or_default();
                let base = stem.strip_suffix("_ann").unwrap_or(stem);
                if !seen.contains(&(year.clone(), base.to_owned())) {
                    problems.push(format!(
                        "{year}/{base}: annotation {} has no article",
                        path.display()
                    ));
                }
            }
        }
    } else {
        problems.push(format!(
            "no annotations folder at {}",
            annotations.display()
        ));
    }
    Ok((docs, problems))
}

// ---------------------------------------------------------------------------------------------
// Oracle lexicon
// ---------------------------------------------------------------------------------------------

/// Words that make a capitalised entity name an institution or group rather than a person
/// (compared without case).
static NOT_A_PERSON: WordSet = WordSet::new(&[
    "democrats",
    "democrat",
    "democratic",
    "republicans",
    "republican",
    "administration",
    "campaign",
    "act",
    "lawmakers",
    "party",
    "committee",
    "department",
    "house",
    "senate",
    "congress",
    "court",
    "family",
    "officials",
    "leaders",
    "association",
    "national",
    "federal",
    "government",
    "agency",
    "bureau",
    "office",
    "council",
    "commission",
    "union",
    "foundation",
    "institute",
    "university",
    "church",
    "company",
    "corporation",
    "group",
    "authorities",
    "police",
    "army",
    "caucus",
    "coalition",
    "enquirer",
    "times",
    "post",
    "news",
    "journal",
    "tribune",
    "network",
]);

/// Titles put before a person's surname in news copy.
static TITLES: WordSet = WordSet::new(&["President", "Mr.", "Mrs.", "Ms.", "Sen.", "Rep.", "Gov."]);

/// A capital initial with its period: `W.` in "George W. Bush".
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// Whether an entity name (spaces, not underscores) looks like a person's name: 2–4 capitalised
/// words (a capital, then at least one lower-case letter; or an initial such as `W.`), none of them an institution word.
pub(crate) fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && (w.chars().any(char::is_lowercase) || is_initial(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && !NOT_A_PERSON.contains(w.to_lowercase().as_str())
        })
}

/// Quotation marks and brackets, as (opening, closing) pairs.
const PAIRS: &[(char, char)] = &[
    ('"', '"'),
    ('\'', '\''),
    ('\u{201C}', '\u{201D}'),
    ('\u{2018}', '\u{2019}'),
    ('\u{201E}', '\u{201C}'),
    ('\u{00AB}', '\u{00BB}'),
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
];

/// A span's text as a label form: without enclosing quotation marks and brackets (a pair around
/// the whole text, or a mark whose partner is not in the text), trailing punctuation, dashes at
/// either end or surrounding white space; inner white space collapsed. Quotation marks inside
/// (`"so-called" experts`) stay.
fn trim_form(txt: &str) -> String {
    let trailing = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '\u{2026}' | '-' | '\u{2013}' | '\u{2014}'
            )
    };
    let leading = |c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}');
    let mut s = txt.to_owned();
    loop {
        let before = s.len();
        let t = s.trim_start_matches(leading).trim_end_matches(trailing);
        let mut cs = t.chars();
        let (Some(f), Some(l)) = (cs.next(), cs.next_back()) else {
            s = t.to_owned();
            break;
        };
        let inner = &t[f.len_utf8()..t.len() - l.len_utf8()];
        let head = &t[f.len_utf8()..];
        let tail = &t[..t.len() - l.len_utf8()];
        s = if PAIRS.contains(&(f, l)) && !inner.contains(l) {
            inner.to_owned()
        } else if PAIRS.iter().any(|p| p.0 == f && !head.contains(p.1)) {
            head.to_owned()
        } else if PAIRS.iter().any(|p| p.1 == l && !tail.contains(p.0)) {
            tail.to_owned()
        } else if PAIRS.iter().any(|p| p.1 == l) && tail.ends_with(|c: char| trailing(c)) {
            // `witch hunt."`: the punctuation inside a closing quote.
            format!("{}{l}", tail.trim_end_matches(trailing))
        } else {
            t.to_owned()
        };
        if s.len() == before {
            break;
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A string as a YAML double-quoted scalar.
pub(crate) use crate::lexicon::yaml::double_quoted as q;

pub(crate) fn yaml_list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
}

/// An entity as BASIL writes it in annotations: underscores for spaces (`Donald_Trump`).
fn canonical_entity(e: &str) -> String {
    e.split_whitespace().collect::<Vec<_>>().join("_")
}

struct OracleActor {
    id: String,
    name: String,
    person: bool,
    aliases: Vec<String>,
    person_aliases: Vec<String>,
}

struct OracleLabel {
    form: String,
    lex: usize,
    inf: usize,
    neg: usize,
    pos: usize,
}

/// An oracle lexicon (framelens YAML text) built from the gold: one label entry per distinct span
/// text (trimmed of enclosing quotation marks, brackets and trailing punctuation; kind `label`,
/// stance -1 for polarity neg, +1 for pos, 0 otherwise; category `oracle/lex` or `oracle/inf`; no
/// targets), and one actor per entity that appears as a target, a named speaker, or in
/// main-entities (type `movement`).
///
/// Details:
/// - spans whose trimmed texts are the same to the matcher (case, curly quotes, spacing) share one
///   entry; it is `oracle/lex` when any of them is `lex`; its stance is the polarity they agree
///   on (0 when they disagree or have none);
/// - entity spellings that are the same to the matcher (`Democratic_Lawmakers`,
///   `Democratic_lawmakers`, main entity `Democratic Lawmakers`) are one actor, whose id is the most
///   frequent spelling with underscores;
/// - a person-like name goes under `people:` with title aliases (`Mr. Trump`), except for a surname
///   two people share (`Clinton`), where titles would be ambiguous; actors are listed most
///   mentioned first, because framelens gives a bare surname two people share to the earlier one;
/// - framelens matches an actor's `name` as well as its people, and on a tie prefers the name, so
///   a person's full name ("Donald Trump") is found as a *name* mention, and only titles and the
///   bare surname as *person* mentions;
/// - no form is written twice: an alias, or a label form, that another entry already uses
///   (including a person's bare surname, which framelens matches) is left out; a span text with a
///   `*` (a glob to framelens) or with no letter or digit is left out.
pub fn oracle_lexicon_yaml(docs: &[BasilDoc]) -> String {
    let mut actors = oracle_actors(docs);
    let used = claim_actor_forms(&mut actors);
    let (labels, counts) = oracle_labels(docs, &used);
    oracle_yaml(docs.len(), &labels, counts, &actors)
}

/// The oracle's actors: the documents' main entities, span targets and named speakers, one per
/// matcher form of the name, spelt as most often, most mentioned first.
fn oracle_actors(docs: &[BasilDoc]) -> Vec<OracleActor> {
    // key (matcher form of the name) -> (spelling -> count), in first-seen order.
    let mut groups: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    let mut group_at: HashMap<String, usize> = HashMap::new();
    let mut note = |raw: &str| {
        let e = canonical_entity(raw);
        if e.is_empty() {
            return;
        }
        let key = Normalized::form(&e.replace('_', " "));
        if key.is_empty() {
            return;
        }
        let gi = *group_at.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        let spellings = &mut groups[gi].1;
        match spellings.iter_mut().find(|(s, _)| *s == e) {
            Some(s) => s.1 += 1,
            None => spellings.push((e, 1)),
        }
    };
    for d in docs {
        for e in &d.main_entities {
            note(e);
        }
        for s in &d.spans {
            if let Some(t) = &s.target {
                note(t);
            }
            if let Some(sp) = &s.speaker
                && !(sp == "other" || sp.starts_with("other_"))
            {
                note(sp);
            }
        }
    }
    let mut actors: Vec<(usize, OracleActor)> = groups
        .iter()
        .map(|(_, spellings)| {
            // Most frequent spelling; ties go to the first seen.
            let mut best = &spellings[0];
            for s in spellings {
                if s.1 > best.1 {
                    best = s;
                }
            }
            let id = best.0.clone();
            let name = id.replace('_', " ");
            let count = spellings.iter().map(|s| s.1).sum();
            let actor = OracleActor {
                person: looks_like_person(&name),
                id,
                name,
                aliases: Vec::new(),
                person_aliases: Vec::new(),
            };
            (count, actor)
        })
        .collect();
    // Most mentioned first: framelens gives a form two actors share (a surname such as
    // `Clinton`) to the earlier one.
    actors.sort_by(|(n, a), (m, b)| {
        m.cmp(n)
            .then_with(|| a.id.to_lowercase().cmp(&b.id.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    actors.into_iter().map(|(_, a)| a).collect()
}

/// Gives each actor its aliases (the parts of a name with a `/`) and each person the titled
/// forms of a surname no other person has, and returns the matcher forms now taken, each with
/// its actor: names, person names and surnames first, as framelens matches them without our
/// writing them, so no alias or label repeats them.
fn claim_actor_forms(actors: &mut [OracleActor]) -> HashMap<String, usize> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut surname_people: HashMap<String, usize> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        used.entry(Normalized::form(&a.name)).or_insert(i);
        if a.person
            && let Some(s) = crate::analysis::actors::surname(&a.name)
        {
            used.entry(Normalized::form(s)).or_insert(i);
            *surname_people.entry(Normalized::form(s)).or_default() += 1;
        }
    }
    let mut claim = |form: &str, owner: usize| -> bool {
        let key = Normalized::form(form);
        if key.is_empty() {
            return false;
        }
        match used.get(&key) {
            Some(&o) => o == owner,
            None => {
                used.insert(key, owner);
                true
            }
        }
    };
    for (i, a) in actors.iter_mut().enumerate() {
        if a.person {
            let Some(s) = crate::analysis::actors::surname(&a.name).map(str::to_owned) else {
                continue;
            };
            if surname_people.get(&Normalized::form(&s)).copied() == Some(1) {
                for t in TITLES.iter() {
                    let alias = format!("{t} {s}");
                    if claim(&alias, i) {
                        a.person_aliases.push(alias);
                    }
                }
            }
        } else {
            let mut forms: Vec<String> = vec![a.name.clone()];
            if a.name.contains('/') {
                forms.extend(
                    a.name
                        .split('/')
                        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|p| !p.is_empty()),
                );
            }
            for f in forms {
                if !a.aliases.contains(&f) && claim(&f, i) {
                    a.aliases.push(f);
                }
            }
        }
    }

    used
}

/// What the oracle's label spans came to: how many there were, how many had no letter or digit
/// or a `*`, and how many were an actor's name.
#[derive(Clone, Copy)]
struct SpanCounts {
    spans: usize,
    unusable: usize,
    actor_names: usize,
}

/// The oracle's labels: one per matcher form of the span texts that are no actor's form
/// (`used`), with their lex/inf and polarity counts.
fn oracle_labels(
    docs: &[BasilDoc],
    used: &HashMap<String, usize>,
) -> (Vec<OracleLabel>, SpanCounts) {
    let mut labels: Vec<OracleLabel> = Vec::new();
    let mut label_at: HashMap<String, usize> = HashMap::new();
    let (mut spans, mut unusable, mut actor_names) = (0usize, 0usize, 0usize);
    for d in docs {
        for s in &d.spans {
            spans += 1;
            let form = trim_form(&s.txt);
            if form.contains('*') || !form.chars().any(char::is_alphanumeric) {
                unusable += 1;
                continue;
            }
            let key = Normalized::form(&form);
            if used.contains_key(&key) {
                actor_names += 1; // an actor's name: leave it to the actor
                continue;
            }
            let li = *label_at.entry(key).or_insert_with(|| {
                labels.push(OracleLabel {
                    form,
                    lex: 0,
                    inf: 0,
                    neg: 0,
                    pos: 0,
                });
                labels.len() - 1
            });
            let l = &mut labels[li];
            if s.lex {
                l.lex += 1;
            } else {
                l.inf += 1;
            }
            match s.polarity.as_deref() {
                Some("neg") => l.neg += 1,
                Some("pos") => l.pos += 1,
                _ => {}
            }
        }
    }

    let counts = SpanCounts {
        spans,
        unusable,
        actor_names,
    };
    (labels, counts)
}

/// The oracle lexicon as YAML.
fn oracle_yaml(
    n_docs: usize,
    labels: &[OracleLabel],
    SpanCounts {
        spans,
        unusable,
        actor_names,
    }: SpanCounts,
    actors: &[OracleActor],
) -> String {
    let mut y = String::new();
    y.push_str(
        "# Oracle lexicon generated from the BASIL gold annotations, for evaluation only.\n",
    );
    y.push_str(&format!(
        "# {} documents, {spans} spans -> {} labels ({actor_names} span texts left out as actor \
         names, {unusable} with no letter or digit or with a `*`); {} actors.\n",
        n_docs,
        labels.len(),
        actors.len()
    ));
    y.push_str("lexicon: \"basil-oracle\"\n");
    y.push_str("categories: [\"oracle/lex\", \"oracle/inf\"]\n");
    if labels.is_empty() {
        y.push_str("labels: []\n");
    } else {
        y.push_str("labels:\n");
    }
    for (i, l) in labels.iter().enumerate() {
        let stance = match (l.neg > 0, l.pos > 0) {
            (true, false) => -1,
            (false, true) => 1,
            _ => 0,
        };
        let category = if l.lex > 0 {
            "oracle/lex"
        } else {
            "oracle/inf"
        };
        y.push_str(&format!("  - id: {}\n", q(&format!("basil-{:04}", i + 1))));
        y.push_str(&format!("    forms: [{}]\n", q(&l.form)));
        y.push_str(&format!("    category: {}\n", q(category)));
        y.push_str(&format!("    stance: {stance}\n"));
        y.push_str("    kind: label\n");
        y.push_str(&format!(
            "    note: {}\n",
            q(&format!(
                "BASIL gold: {} lex, {} inf span(s); polarity neg {}, pos {}",
                l.lex, l.inf, l.neg, l.pos
            ))
        ));
    }
    if actors.is_empty() {
        y.push_str("actors: []\n");
    } else {
        y.push_str("actors:\n");
    }
    for a in actors {
        y.push_str(&format!("  - id: {}\n", q(&a.id)));
        y.push_str(&format!("    name: {}\n", q(&a.name)));
        y.push_str("    type: movement\n");
        if a.person {
            y.push_str("    people:\n");
            y.push_str(&format!("      - name: {}\n", q(&a.name)));
            y.push_str(&format!(
                "        aliases: {}\n",
                yaml_list(&a.person_aliases)
            ));
        } else {
            y.push_str(&format!("    aliases: {}\n", yaml_list(&a.aliases)));
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, paragraphs: &[&[&str]], entities: &[&str]) -> String {
        serde_json::json!({
            "title": title,
            "source": "NYT",
            "triplet-uuid": "t-1",
            "uuid": "u-1",
            "main-entities": entities,
            "body-paragraphs": paragraphs,
        })
        .to_string()
    }

    fn phrase(
        txt: &str,
        start: usize,
        end: usize,
        bias: &str,
        speaker: &str,
        target: &str,
    ) -> serde_json::Value {
        serde_json::json!({
            "id": format!("p{start}"), "txt": txt, "start": start, "end": end, "bias": bias,
            "polarity": "neg", "quote": if speaker.is_empty() { "no" } else { "yes" },
            "speaker": speaker, "target": target, "aim": "dir", "notes": "",
        })
    }

    fn annotation(phrases: &[serde_json::Value]) -> String {
        serde_json::json!({ "phrase-level-annotations": phrases }).to_string()
    }

    #[test]
    fn aligns_spans_after_multibyte_text_and_in_the_title() {
        let art = article(
            "Café owner’s “fierce” row",
            &[
                &[
                    "Pelé said “a war of Obama’s choosing.”",
                    "It was “shameful,” he added.",
                ],
                &["Nothing here."],
            ],
            &["Barack Obama"],
        );
        let ann = annotation(&[
            // chars 13..21 of the title: “fierce”
            phrase("“fierce”", 13, 21, "lex", "", "Donald_Trump"),
            // chars 10..39 of sentence 1 of paragraph 1
            phrase(
                "“a war of Obama’s choosing.”",
                10,
                38,
                "lex",
                "Pele_Smith",
                "Barack_Obama",
            ),
            phrase("shameful", 8, 16, "inf", "other_anti", "Barack_Obama"),
        ]);
        let mut problems = Vec::new();
        let d = parse_doc("u_1", &art, &ann, &mut problems).unwrap();
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(d.source, "nyt");
        assert_eq!(d.triplet, "t-1");
        assert_eq!(
            d.text,
            "Café owner’s “fierce” row\nPelé said “a war of Obama’s choosing.” It was “shameful,” he added.\nNothing here."
        );
        assert_eq!(d.spans.len(), 3);
        for s in &d.spans {
            assert_eq!(&d.text[s.span.start..s.span.end], s.txt);
        }
        // Title span: bytes, not chars ("é" and "’" are multi-byte).
        assert_eq!(d.spans[0].span.start, "Café owner’s ".len());
        assert!(d.spans[0].lex && !d.spans[0].quote);
        assert_eq!(d.spans[0].speaker, None);
        assert_eq!(d.spans[1].speaker.as_deref(), Some("Pele_Smith"));
        assert!(d.spans[1].span.start > d.text.find('\n').unwrap());
        assert_eq!(d.spans[2].speaker.as_deref(), Some("other_anti"));
        assert!(!d.spans[2].lex && d.spans[2].quote);
        assert_eq!(d.spans[2].polarity.as_deref(), Some("neg"));
    }

    #[test]
    fn first_matching_sentence_wins_and_unique_fallback_is_used() {
        let art = article(
            "Bad news",
            &[&["Bad news again."], &["So bad, so bad."]],
            &[],
        );
        let ann = annotation(&[
            // "Bad" at chars 0..3 of the title and of "Bad news again.": the title wins.
            phrase("Bad", 0, 3, "lex", "", ""),
            // Wrong offsets, but "So bad" occurs once: aligned by the fallback.
            phrase("So bad", 40, 46, "lex", "", ""),
        ]);
        let mut problems = Vec::new();
        let d = parse_doc("u_2", &art, &ann, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(d.spans[0].span, Span::new(0, 3));
        let at = d.text.find("So bad").unwrap();
        assert_eq!(d.spans[1].span, Span::new(at, at + 6));
    }

    #[test]
    fn unalignable_and_malformed_spans_are_reported() {
        let art = article("Title", &[&["One “bad” thing.", "Another bad thing."]], &[]);
        let ann = annotation(&[
            phrase("horrible", 4, 12, "lex", "", ""),
            // "bad" occurs twice and is at no sentence's chars 0..3: ambiguous.
            phrase("bad", 0, 3, "lex", "", ""),
            phrase("x", 5, 2, "lex", "", ""),
            serde_json::json!({"txt": "no offsets"}),
            phrase("thing", 10, 15, "inf", "", ""),
        ]);
        let mut problems = Vec::new();
        let d = parse_doc("u_3", &art, &ann, &mut problems).unwrap();
        assert_eq!(d.spans.len(), 1, "{problems:?}");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].contains("\"horrible\"") && problems[0].contains("0 times"));
        assert!(problems[1].contains("2 times"));
        assert!(problems.iter().all(|p| p.starts_with("u_3: ")));
        // Bad JSON is an error for the file, not a panic.
        assert!(parse_doc("u_4", "{", &ann, &mut problems).is_err());
        assert!(parse_doc("u_4", &art, "[1]", &mut problems).is_err());
    }

    #[test]
    fn load_reads_a_folder_and_reports_problems() {
        let dir = std::env::temp_dir().join(format!("framelens-basil-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("articles/2019")).unwrap();
        std::fs::create_dir_all(dir.join("annotations/2019")).unwrap();
        let art = article("A “bad” day", &[&["It was bad."]], &["Donald Trump"]);
        std::fs::write(dir.join("articles/2019/t_1.json"), &art).unwrap();
        std::fs::write(
            dir.join("annotations/2019/t_1_ann.json"),
            annotation(&[phrase("“bad”", 2, 7, "lex", "", "Donald_Trump")]),
        )
        .unwrap();
        std::fs::write(dir.join("articles/2019/t_2.json"), &art).unwrap(); // no annotation
        std::fs::write(dir.join("articles/2019/t_3.json"), "not json").unwrap();
        std::fs::write(dir.join("annotations/2019/t_3_ann.json"), annotation(&[])).unwrap();
        std::fs::write(dir.join("annotations/2019/t_9_ann.json"), annotation(&[])).unwrap();
        let (docs, problems) = load(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "t_1");
        assert_eq!(docs[0].spans[0].span.slice(&docs[0].text), "“bad”");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("2019/t_2: no annotation"));
        assert!(problems[1].starts_with("2019/t_3: article"));
        assert!(problems[2].starts_with("2019/t_9: annotation"));
        assert!(load(&dir).is_err());
    }

    #[test]
    fn person_names() {
        for (name, want) in [
            ("Donald Trump", true),
            ("George W. Bush", true),
            ("Beto O'Rourke", true),
            ("Trump", false),
            ("House Democrats", false),
            ("Democratic Lawmakers", false),
            ("Religious Freedom Restoration Act", false),
            ("National Rifle Association", false),
            ("Sasha and Malia Obama", false),
            ("GOP Leaders", false),
            ("Obama campaign", false),
            ("SB 1062 bill", false),
        ] {
            assert_eq!(looks_like_person(name), want, "{name}");
        }
    }

    #[test]
    fn trims_forms() {
        assert_eq!(
            trim_form("“a war of Obama’s choosing.”"),
            "a war of Obama’s choosing"
        );
        assert_eq!(trim_form(" (fierce), "), "fierce");
        assert_eq!(
            trim_form("\"so-called\"\n  experts!"),
            "\"so-called\" experts"
        );
        assert_eq!(trim_form("a \"witch hunt.\""), "a \"witch hunt\"");
        assert_eq!(trim_form("“bad"), "bad");
        assert_eq!(trim_form("gone.’"), "gone");
        assert_eq!(trim_form("\"a\" and \"b\""), "\"a\" and \"b\"");
        assert_eq!(trim_form("(fierce) and (mild)"), "(fierce) and (mild)");
        assert_eq!(trim_form(" — “…” "), "");
        assert_eq!(q("a \"b\"\\ é\u{2028}"), "\"a \\\"b\\\"\\\\ é\\u2028\"");
    }

    fn small_docs() -> Vec<BasilDoc> {
        let span = |txt: &str,
                    lex: bool,
                    speaker: Option<&str>,
                    target: Option<&str>,
                    pol: Option<&str>| BasilSpan {
            span: Span::new(0, 0),
            txt: txt.to_owned(),
            lex,
            quote: speaker.is_some(),
            speaker: speaker.map(str::to_owned),
            target: target.map(str::to_owned),
            polarity: pol.map(str::to_owned),
        };
        let doc = |name: &str, entities: &[&str], spans: Vec<BasilSpan>| BasilDoc {
            name: name.to_owned(),
            source: "fox".into(),
            triplet: "t".into(),
            text: String::new(),
            main_entities: entities.iter().map(|s| s.to_string()).collect(),
            spans,
        };
        vec![
            doc(
                "a_1",
                &[
                    "Donald Trump",
                    "Democratic Lawmakers",
                    "Law enforcement/Federal authorities",
                ],
                vec![
                    span("“fierce”", true, None, Some("Donald_Trump"), Some("neg")),
                    span(
                        "Fierce.",
                        false,
                        Some("other_anti"),
                        Some("Donald_Trump"),
                        Some("pos"),
                    ),
                    span(
                        "a \"witch hunt\"",
                        true,
                        Some("Donald_Trump"),
                        Some("Democratic_lawmakers"),
                        Some("neg"),
                    ),
                    span(
                        "praised",
                        false,
                        Some("Hillary_Clinton"),
                        Some("Obama's_administration"),
                        Some("pos"),
                    ),
                    span("Trump", true, None, Some("Donald_Trump"), None),
                    span("“…”", true, None, None, None),
                    span("glob*", true, None, None, None),
                ],
            ),
            doc(
                "a_2",
                &["Bill Clinton", "House Democrats", "Democratic_Lawmakers"],
                vec![
                    span(
                        "unhinged",
                        true,
                        Some("Democratic_Lawmakers"),
                        Some("Donald_Trump"),
                        Some("neg"),
                    ),
                    span("Praised", false, None, Some("Hillary_Clinton"), Some("pos")),
                ],
            ),
        ]
    }

    #[test]
    fn oracle_lexicon_loads_in_framelens() {
        let yaml = oracle_lexicon_yaml(&small_docs());
        let lex = crate::lexicon::LexiconBuilder::new()
            .text("oracle", &yaml)
            .build()
            .unwrap_or_else(|e| panic!("{e}\n---\n{yaml}"));
        let forms: Vec<&str> = lex.labels.iter().map(|l| l.forms[0].as_str()).collect();
        // "Trump" is Donald Trump's surname; "…" and "glob*" are not forms.
        assert_eq!(
            forms,
            ["fierce", "a \"witch hunt\"", "praised", "unhinged"],
            "{yaml}"
        );
        let fierce = &lex.labels[0];
        assert_eq!((fierce.category.as_str(), fierce.stance), ("oracle/lex", 0));
        assert_eq!(lex.labels[2].category, "oracle/inf");
        assert_eq!(lex.labels[2].stance, 1);
        assert_eq!(lex.labels[3].stance, -1);
        assert!(
            lex.labels
                .iter()
                .all(|l| l.kind == crate::lexicon::Kind::Label && l.targets.is_empty())
        );

        let ids: Vec<&str> = lex.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "Donald_Trump",
                "Democratic_Lawmakers",
                "Hillary_Clinton",
                "Bill_Clinton",
                "House_Democrats",
                "Law_enforcement/Federal_authorities",
                "Obama's_administration",
            ],
            "{yaml}"
        );
        let trump = lex.actor("Donald_Trump").unwrap();
        assert_eq!(trump.name, "Donald Trump");
        assert_eq!(trump.people[0].name, "Donald Trump");
        assert!(trump.people[0].aliases.contains(&"Mr. Trump".to_owned()));
        assert!(
            trump.people[0]
                .aliases
                .contains(&"President Trump".to_owned())
        );
        // Two Clintons: no title aliases for either.
        assert!(
            lex.actor("Bill_Clinton").unwrap().people[0]
                .aliases
                .is_empty()
        );
        let law = lex.actor("Law_enforcement/Federal_authorities").unwrap();
        assert_eq!(law.aliases[1..], ["Law enforcement", "Federal authorities"]);
        assert_eq!(
            lex.actor("House_Democrats").unwrap().aliases,
            ["House Democrats"]
        );
        assert!(
            lex.actors
                .iter()
                .all(|a| a.actor_type == crate::lexicon::ActorType::Movement)
        );
        // The lexicon compiles into an analyzer; a shared surname goes to the most mentioned
        // person, and titles and full names resolve.
        let an = crate::analysis::Analyzer::new(lex).unwrap();
        let art = an.analyze(
            "t",
            "Clinton met Mr. Trump\nBill Clinton and House Democrats praised Donald Trump.",
        );
        let found: Vec<(&str, &str)> = art
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.actor.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Clinton", "Hillary_Clinton"),
                ("Mr. Trump", "Donald_Trump"),
                ("Bill Clinton", "Bill_Clinton"),
                ("House Democrats", "House_Democrats"),
                ("Donald Trump", "Donald_Trump"),
            ]
        );

        // Empty input is a valid, empty lexicon.
        let empty = oracle_lexicon_yaml(&[]);
        crate::lexicon::LexiconBuilder::new()
            .text("oracle", &empty)
            .build()
            .unwrap();
    }

    #[test]
    fn real_basil_dev() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/basil-dev"
        ));
        if !dir.is_dir() {
            eprintln!("skipping: BASIL data not found at {}", dir.display());
            return;
        }
        let (docs, problems) = load(dir).unwrap();
        assert_eq!(docs.len(), 150, "{problems:?}");
        let mut spans = 0;
        let mut lex = 0;
        for d in &docs {
            assert!(
                ["fox", "nyt", "hpo"].contains(&d.source.as_str()),
                "{}",
                d.source
            );
            for s in &d.spans {
                assert_eq!(&d.text[s.span.start..s.span.end], s.txt, "{}", d.name);
                spans += 1;
                lex += usize::from(s.lex);
            }
        }
        let unaligned = problems.len();
        assert!(
            (unaligned as f64) < 0.02 * (spans + unaligned) as f64,
            "{unaligned} problems for {spans} spans: {problems:?}"
        );
        let yaml = oracle_lexicon_yaml(&docs);
        let built = crate::lexicon::LexiconBuilder::new()
            .text("oracle", &yaml)
            .build();
        let lexicon = built.unwrap_or_else(|e| panic!("oracle lexicon does not load: {e}"));
        let persons = lexicon
            .actors
            .iter()
            .filter(|a| !a.people.is_empty())
            .count();
        eprintln!(
            "BASIL dev: {} docs, {spans} spans ({lex} lex), {unaligned} problems; oracle lexicon: \
             {} labels, {} actors ({persons} people)",
            docs.len(),
            lexicon.labels.len(),
            lexicon.actors.len()
        );
        if let Ok(out) = std::env::var("BASIL_ORACLE_OUT") {
            std::fs::write(out, &yaml).unwrap();
        }
        crate::analysis::Analyzer::new(lexicon).unwrap();
    }
}
