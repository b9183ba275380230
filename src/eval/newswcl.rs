//! Actor linking and coreference on NewsWCL50 (Hamborg et al. 2019, in the CoNLL form of Zhukova
//! et al. 2022; see `../shared/data/newswcl50-dev/README.md`).
//!
//! This module owns three things:
//! - **reading** the CoNLL file ([`parse`]): each article's text rebuilt from its tokens (joined
//!   by one space; a line break after the headline, sentence 0, and at every `\n` token) and every
//!   gold mention, nested or not and with any number of chains on one token, mapped to a byte
//!   span of that text. A malformed line is an error naming the file and line; nothing panics.
//! - the **oracle lexicon** ([`oracle_lexicon`]), built from the file alone, one per event: an
//!   actor for each party chain (types `ACTOR`, `ACTOR-I`, `COUNTRY`, `GROUP`) with its
//!   proper-name mentions as aliases, and a label for every other text (not a pronoun) a party
//!   mention has. Detection is thereby given; the figures measure which actor a found term is
//!   linked to.
//! - **scoring** ([`eval_newswcl`]): linking accuracy on the non-name party mentions beside three
//!   naive baselines, and the CoNLL coreference F1 ([`super::coref`]) of framelens's actor links
//!   and of two baselines, within documents and across each event.
//!
//! What counts as what (by the tokens of a mention, leading and trailing punctuation left out):
//! - a **pronoun**: one word from [`PRONOUNS`] (with a possessive `'s` allowed after it);
//! - a **proper name**: the first word is not a determiner, possessive or quantifier
//!   ([`DETERMINERS`]) nor a pronoun, and every word is capitalised (first letter upper case) or
//!   a number, except a possessive `'s`, a word right after a hyphen (`Kim Jong - un`) and the
//!   particles `of`, `and`, `de`, `al`, `bin` inside the name (`Democratic People 's Republic of
//!   Korea`). A capitalised word that opens a sentence or stands in the headline, where any word
//!   may be capitalised, counts as capitalised only when it is an acronym or the file writes it
//!   capitalised elsewhere at least as often as in lower case ([`Casing`]: `Officials said` is not
//!   a name; nor is `President Trump` opening a sentence in a file that writes `president` more
//!   often than `President`);
//! - a **non-name party mention** (the ones linking accuracy is measured on): a mention of a party
//!   chain that is neither.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::coref::{Conll, ConllFigures, Partition, conll};
use super::error::EvalError;
pub use super::error::ParseError;
use super::metrics::Accuracy;
use crate::analysis::{Analyzer, Article};
use crate::lexicon::{ActorEntry, ActorType, Kind, LabelEntry, Lexicon, Person, SourceFile};
use crate::matcher::Normalized;
use crate::text::Span;
use crate::text::WordSet;

/// Window of the nearest-name baselines, in tokens.
pub const WINDOW: usize = 10;

/// The label category of the oracle's label entries.
pub const CATEGORY: &str = "newswcl/mention";

/// Chain types that name a party.
pub static PARTY_TYPES: WordSet = WordSet::new(&["ACTOR", "ACTOR-I", "COUNTRY", "GROUP"]);

/// Words that make a one-word mention a pronoun.
pub static PRONOUNS: WordSet = WordSet::new(&[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "whoever",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "nobody",
]);

/// Words that, first in a mention, make it a description rather than a proper name.
pub static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "all", "both", "each", "every", "any", "several", "few", "no",
    "other", "another", "such", "two", "three", "former", "top", "senior", "its",
]);

/// Lower-case words that can stand inside a proper name.
static PARTICLES: WordSet = WordSet::new(&["of", "and", "de", "al", "bin", "for", "the"]);

/// One token of an article.
#[derive(Clone, Debug)]
pub struct Token {
    /// The word, as in the file's word column.
    pub text: String,
    /// Byte span in the article text.
    pub span: Span,
    /// Sentence number as given in the file (0 = headline).
    pub sentence: usize,
    /// Whether the token opens its sentence (after any opening quotation marks).
    pub initial: bool,
}

/// One gold mention: a chain over tokens `first..=last`.
#[derive(Clone, Debug, Serialize)]
pub struct GoldMention {
    /// The chain id, as in the file (`0_USA_Trump_ACTOR`).
    pub chain: String,
    /// Index in the article's `tokens` of the mention's first token.
    pub first: usize,
    /// Index in the article's `tokens` of its last token (inclusive).
    pub last: usize,
    /// Byte span in the article text, from the first token's start to the last token's end.
    pub span: Span,
    /// The article text at `span`.
    pub text: String,
    /// Line of the file where the mention opens.
    pub line: usize,
}

/// One article.
#[derive(Clone, Debug)]
pub struct Doc {
    /// `E/-/E_OUTLET` as in the file.
    pub id: String,
    /// The part of the id before the first `/`: the event number.
    pub event: String,
    /// The part after the last `/` (`6_RR`), used as the article name.
    pub name: String,
    /// The text rebuilt from the word tokens: one space between them, a line break after the
    /// headline and at every `\n` token.
    pub text: String,
    /// The word tokens in text order (`\n` tokens and empty words are not among them).
    pub tokens: Vec<Token>,
    /// In the order they open; a mention on two chains is two mentions.
    pub mentions: Vec<GoldMention>,
}

/// The chain's type: the part after its last `_` (`0_USA_Trump_ACTOR` -> `ACTOR`).
pub fn chain_type(chain: &str) -> &str {
    chain.rsplit('_').next().unwrap_or(chain)
}

/// Whether the chain names a party: its type is one of [`PARTY_TYPES`].
pub fn is_party(chain: &str) -> bool {
    PARTY_TYPES.contains(chain_type(chain))
}

/// One marker of the coreference column.
enum Marker<'a> {
    Open(&'a str),
    Close(&'a str),
    Single(&'a str),
}

fn markers(field: &str) -> Result<Vec<Marker<'_>>, String> {
    let field = field.trim();
    if field.is_empty() || field == "-" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for part in field.split('|') {
        let p = part.trim();
        let bad = |why: &str| format!("bad coreference marker {p:?} in {field:?}: {why}");
        let (open, rest) = match p.strip_prefix('(') {
            Some(r) => (true, r),
            None => (false, p),
        };
        let (close, name) = match rest.strip_suffix(')') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if name.is_empty() {
            return Err(bad("no chain name"));
        }
        if name.contains(['(', ')']) || name.chars().any(char::is_whitespace) {
            return Err(bad("expected `(CHAIN`, `CHAIN)` or `(CHAIN)`"));
        }
        out.push(match (open, close) {
            (true, true) => Marker::Single(name),
            (true, false) => Marker::Open(name),
            (false, true) => Marker::Close(name),
            (false, false) => return Err(bad("expected `(CHAIN`, `CHAIN)` or `(CHAIN)`")),
        });
    }
    Ok(out)
}

/// An article being read.
struct Building {
    doc: Doc,
    begin_line: usize,
    /// Chain -> stack of (first token, line) of its open mentions.
    open: HashMap<String, Vec<(usize, usize)>>,
    sentence: Option<usize>,
    /// A `\n` token was seen since the last token.
    paragraph: bool,
    /// The current sentence has no word token yet (quotation marks aside).
    sentence_open: bool,
}

impl Building {
    fn close(&mut self, chain: &str, first: usize, line: usize) {
        // The mention ends at the last token written so far; a mention opened on a `\n` token and
        // closed before any other token covers nothing and is left out.
        if self.doc.tokens.is_empty() || first >= self.doc.tokens.len() {
            return;
        }
        let last = self.doc.tokens.len() - 1;
        let span = Span::new(
            self.doc.tokens[first].span.start,
            self.doc.tokens[last].span.end,
        );
        self.doc.mentions.push(GoldMention {
            chain: chain.to_owned(),
            first,
            last,
            span,
            text: self.doc.text[span.start..span.end].to_owned(),
            line,
        });
    }
}

fn is_quote(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "``" | "''" | "\u{201C}" | "\u{201D}" | "\u{2018}" | "\u{2019}" | "(" | "["
    )
}

/// Reads a NewsWCL50 CoNLL file; `path` is used in messages.
pub fn parse(path: &str, input: &str) -> Result<Vec<Doc>, ParseError> {
    let err = |line: usize, message: String| ParseError {
        path: path.to_owned(),
        line,
        message,
    };
    let mut docs = Vec::new();
    let mut cur: Option<Building> = None;
    for (i, raw) in input.lines().enumerate() {
        let ln = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("#begin document") {
            if let Some(b) = &cur {
                return Err(err(
                    ln,
                    format!(
                        "`#begin document` inside document {:?} (opened at line {}), which has no \
                         `#end document`",
                        b.doc.id, b.begin_line
                    ),
                ));
            }
            cur = Some(Building::begin(rest, ln).map_err(|m| err(ln, m))?);
            continue;
        }
        if line.starts_with("#end document") {
            let Some(b) = cur.take() else {
                return Err(err(ln, "`#end document` outside a document".into()));
            };
            docs.push(b.finish().map_err(|(l, m)| err(l, m))?);
            continue;
        }
        if line.starts_with('#') {
            continue; // a comment
        }
        let Some(b) = cur.as_mut() else {
            return Err(err(
                ln,
                "token line outside a document (no `#begin document` before it)".into(),
            ));
        };
        b.token_line(line, ln).map_err(|m| err(ln, m))?;
    }
    if let Some(b) = cur {
        return Err(err(
            b.begin_line,
            format!("document {:?} has no `#end document`", b.doc.id),
        ));
    }
    if docs.is_empty() {
        return Err(err(
            0,
            "no documents (`#begin document` ... `#end document`)".into(),
        ));
    }
    Ok(docs)
}

impl Building {
    /// A document opened by `#begin document` at line `ln`, `rest` being what follows it.
    fn begin(rest: &str, ln: usize) -> Result<Building, String> {
        let id = rest.split(';').next().unwrap_or("").trim().to_owned();
        if id.is_empty() {
            return Err("`#begin document` without a document id".into());
        }
        let event = id.split('/').next().unwrap_or(&id).to_owned();
        let name = id.rsplit('/').next().unwrap_or(&id).to_owned();
        Ok(Building {
            doc: Doc {
                id,
                event,
                name,
                text: String::new(),
                tokens: Vec::new(),
                mentions: Vec::new(),
            },
            begin_line: ln,
            open: HashMap::new(),
            sentence: None,
            paragraph: false,
            sentence_open: true,
        })
    }

    /// The document closed by `#end document`: an error (with the line where it opens) for a
    /// mention never closed.
    fn finish(self) -> Result<Doc, (usize, String)> {
        let mut still: Vec<(usize, &String)> = self
            .open
            .iter()
            .flat_map(|(c, v)| v.iter().map(move |&(_, l)| (l, c)))
            .collect();
        still.sort();
        if let Some((l, c)) = still.first() {
            return Err((
                *l,
                format!(
                    "mention of {c} opens here and is never closed in document {:?}",
                    self.doc.id
                ),
            ));
        }
        let mut doc = self.doc;
        doc.mentions
            .sort_by_key(|m| (m.first, std::cmp::Reverse(m.last), m.line));
        Ok(doc)
    }

    /// One token line (line `ln`): its word joins the text, and its markers open and close
    /// mentions.
    fn token_line(&mut self, line: &str, ln: usize) -> Result<(), String> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            return Err(format!(
                "expected 5 tab-separated columns (document, sentence, token, word, \
                 coreference), found {}",
                cols.len()
            ));
        }
        if cols[0].trim() != self.doc.id {
            return Err(format!(
                "token of document {:?} inside document {:?}",
                cols[0].trim(),
                self.doc.id
            ));
        }
        let sentence: usize = cols[1]
            .trim()
            .parse()
            .map_err(|_| format!("sentence number {:?} is not a number", cols[1]))?;
        cols[2]
            .trim()
            .parse::<usize>()
            .map_err(|_| format!("token number {:?} is not a number", cols[2]))?;
        let marks = markers(cols[4])?;
        let word = cols[3].trim();
        // Sentence change: the headline ends its own line.
        if self.sentence != Some(sentence) {
            if self.sentence == Some(0) {
                self.paragraph = true;
            }
            self.sentence = Some(sentence);
            self.sentence_open = true;
        }
        let spanless = word.is_empty() || word == "\\n";
        if word == "\\n" {
            self.paragraph = true;
        }
        // Opening markers point at the next token written; closing ones at the last.
        if !spanless {
            self.push_word(word, sentence);
        }
        let this = if spanless {
            self.doc.tokens.len()
        } else {
            self.doc.tokens.len() - 1
        };
        for m in marks {
            match m {
                Marker::Open(c) => self.open.entry(c.to_owned()).or_default().push((this, ln)),
                Marker::Single(c) => {
                    if !spanless {
                        self.close(c, this, ln);
                    }
                }
                Marker::Close(c) => {
                    let Some((first, open_line)) = self.open.get_mut(c).and_then(|v| v.pop())
                    else {
                        return Err(format!("{c}) closes a mention that is not open"));
                    };
                    self.close(c, first, open_line);
                }
            }
        }
        Ok(())
    }

    /// Appends a word token of sentence `sentence` to the text, after a space or a line break.
    fn push_word(&mut self, word: &str, sentence: usize) {
        let sep = if self.doc.text.is_empty() {
            ""
        } else if self.paragraph {
            "\n"
        } else {
            " "
        };
        self.doc.text.push_str(sep);
        let start = self.doc.text.len();
        self.doc.text.push_str(word);
        let initial = self.sentence_open;
        if !is_quote(word) {
            self.sentence_open = false;
        }
        self.doc.tokens.push(Token {
            text: word.to_owned(),
            span: Span::new(start, self.doc.text.len()),
            sentence,
            initial,
        });
        self.paragraph = false;
    }
}

/// Reads the file at `path`.
pub fn load(path: &Path) -> Result<Vec<Doc>, EvalError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: shown.clone(),
        source: e,
    })?;
    parse(&shown, &text).map_err(EvalError::Format)
}

// ---------------------------------------------------------------------------------------------
// Mention classes
// ---------------------------------------------------------------------------------------------

/// What a party mention is, for scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// A proper name (see the module documentation).
    Name,
    /// One word from [`PRONOUNS`], with a possessive `'s` allowed after it.
    Pronoun,
    /// Neither: a description or label ("the president", "North Korean officials").
    Other,
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_possessive(t: &str) -> bool {
    matches!(t, "'s" | "\u{2019}s" | "'" | "\u{2019}" | "s")
}

/// The tokens of a mention without leading and trailing punctuation and a trailing possessive.
fn core_tokens(tokens: &[Token], first: usize, last: usize) -> &[Token] {
    let mut t = &tokens[first..=last];
    while let Some((h, rest)) = t.split_first() {
        if has_alnum(&h.text) {
            break;
        }
        t = rest;
    }
    while let Some((l, rest)) = t.split_last() {
        if has_alnum(&l.text) && (!is_possessive(&l.text) || rest.is_empty()) {
            break;
        }
        t = rest;
    }
    t
}

/// How the file writes each word where its case means something (not at a sentence start, not
/// in a headline): a capitalised word at a sentence start or in a headline is taken for a name
/// only when the file writes it capitalised elsewhere at least as often as in lower case
/// (`Officials said` is not a name).
#[derive(Clone, Debug, Default)]
pub struct Casing {
    /// Lower-cased word -> (capitalised, lower case) counts.
    counts: HashMap<String, (usize, usize)>,
}

impl Casing {
    /// Counts the tokens of `docs` that neither open a sentence nor stand in a headline.
    pub fn of(docs: &[Doc]) -> Casing {
        let mut c = Casing::default();
        for t in docs.iter().flat_map(|d| &d.tokens) {
            if !(t.initial || t.sentence == 0) {
                c.note(&t.text);
            }
        }
        c
    }

    /// Counts one occurrence of `w` where its case is the writer's choice.
    pub fn note(&mut self, w: &str) {
        let Some(c0) = w.chars().next() else { return };
        let e = self.counts.entry(w.to_lowercase()).or_default();
        if c0.is_uppercase() {
            e.0 += 1;
        } else if c0.is_lowercase() {
            e.1 += 1;
        }
    }

    /// Whether a capitalised `w` in a place where anything is capitalised is a name word.
    fn name_word(&self, w: &str) -> bool {
        let (cap, low) = self
            .counts
            .get(&w.to_lowercase())
            .copied()
            .unwrap_or_default();
        cap >= low
    }
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() >= 2 || w.contains('.'))
}

/// Classifies tokens `first..=last` (see the module documentation).
pub fn classify(tokens: &[Token], first: usize, last: usize, casing: &Casing) -> Class {
    let core = core_tokens(tokens, first, last);
    let words: Vec<&Token> = core.iter().filter(|t| has_alnum(&t.text)).collect();
    let Some(head) = words.first() else {
        return Class::Other;
    };
    let first_lower = head.text.to_lowercase();
    if words.len() == 1 && PRONOUNS.contains(first_lower.as_str()) {
        return Class::Pronoun;
    }
    if DETERMINERS.contains(first_lower.as_str()) || PRONOUNS.contains(first_lower.as_str()) {
        return Class::Other;
    }
    let n = core.len();
    for (i, t) in core.iter().enumerate() {
        let w = t.text.as_str();
        if !has_alnum(w) {
            continue;
        }
        let c0 = w.chars().next().unwrap_or(' ');
        let after_hyphen = i > 0 && matches!(core[i - 1].text.as_str(), "-" | "\u{2013}");
        let ok = if c0.is_uppercase() {
            let loose = t.initial || t.sentence == 0;
            !loose || is_acronym(w) || casing.name_word(w)
        } else if c0.is_numeric() {
            true
        } else {
            (is_possessive(w) && i > 0)
                || after_hyphen
                || (PARTICLES.contains(w) && i > 0 && i + 1 < n)
        };
        if !ok {
            return Class::Other;
        }
    }
    Class::Name
}

/// The text a mention is matched by: its core tokens joined by one space.
pub fn form_of(tokens: &[Token], first: usize, last: usize) -> String {
    core_tokens(tokens, first, last)
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The head word of a mention (its last word, possessive left out), lower-cased and crudely
/// lemmatised: `officials` -> `official`, `countries` -> `country`, `policemen` -> `policeman`.
pub fn head_lemma(tokens: &[Token], first: usize, last: usize) -> String {
    let core = core_tokens(tokens, first, last);
    let w = core
        .iter()
        .rev()
        .find(|t| has_alnum(&t.text))
        .map_or_else(String::new, |t| t.text.to_lowercase());
    lemma(&w)
}

fn lemma(w: &str) -> String {
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if n > 4
        && ["sses", "shes", "ches", "xes"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        w[..w.len() - 2].to_owned()
    } else if n > 3 && w.ends_with("men") {
        format!("{}man", &w[..w.len() - 3])
    } else if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        w[..w.len() - 1].to_owned()
    } else {
        w.to_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// Oracle lexicon
// ---------------------------------------------------------------------------------------------

/// Whether a form ends in a role noun, with no name after it ("President", "South Korean
/// President", "Secretary General").
fn is_title(form: &str) -> bool {
    form.split_whitespace().last().is_some_and(|w| {
        crate::analysis::heads::class_of(&w.to_lowercase())
            == Some(crate::analysis::heads::Class::Role)
    })
}

/// The proper name after a leading "the" ("the United States" -> "United States"), when the rest
/// of the mention reads as a name and is not a title.
fn name_after_article(
    tokens: &[Token],
    first: usize,
    last: usize,
    casing: &Casing,
) -> Option<String> {
    if first >= last || !tokens[first].text.eq_ignore_ascii_case("the") {
        return None;
    }
    if classify(tokens, first + 1, last, casing) != Class::Name {
        return None;
    }
    let form = form_of(tokens, first + 1, last);
    (has_alnum(&form) && !is_title(&form)).then_some(form)
}

/// The framelens type of a chain's actor: `COUNTRY` a state, `ACTOR-I` a population (a group of
/// individuals), `GROUP` and `ACTOR` (a person, listed under `people`) an organisation.
pub fn actor_type(chain: &str) -> ActorType {
    match chain_type(chain) {
        "COUNTRY" => ActorType::State,
        "ACTOR-I" => ActorType::Population,
        _ => ActorType::Organization,
    }
}

/// The state a person's chain belongs to, as the chain ids of the file say:
/// `0_JPN_Abe_ACTOR` is part of `0_JPN_COUNTRY` when the event has that chain.
fn state_of(chain: &str, chains: &[String]) -> Option<String> {
    let mut parts = chain.split('_');
    let (event, code) = (parts.next()?, parts.next()?);
    let state = format!("{event}_{code}_COUNTRY");
    chains.contains(&state).then_some(state)
}

/// `0_USA_Mike_Pompeo_ACTOR` -> `USA Mike Pompeo`: a name for a chain with no proper-name
/// mention.
fn concept_name(chain: &str) -> String {
    let parts: Vec<&str> = chain.split('_').collect();
    let inner = if parts.len() > 2 {
        &parts[1..parts.len() - 1]
    } else {
        &parts[..]
    };
    inner.join(" ")
}

/// What the oracle lexicon of one event holds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct OracleSummary {
    /// The event number (the part of a document id before the first `/`).
    pub event: String,
    /// Actor entries: one per party chain of the event.
    pub actors: usize,
    /// Proper-name forms given to the actors, each actor's own name among them (a chain
    /// with no proper-name mention has none).
    pub aliases: usize,
    /// Label entries: the distinct forms of party mentions that are neither pronouns nor
    /// proper names of any chain of the event.
    pub labels: usize,
}

/// The party chains of an event's articles and the forms their mentions take.
#[derive(Default)]
struct Forms {
    /// In first-seen order.
    chains: Vec<String>,
    /// Name form key -> (form as written, chain -> mentions).
    names: BTreeMap<String, (String, BTreeMap<String, usize>)>,
    /// Label form key -> (form as written, chains, mentions).
    labels: BTreeMap<String, (String, BTreeSet<String>, usize)>,
}

impl Forms {
    fn of(docs: &[&Doc], casing: &Casing) -> Forms {
        let mut f = Forms::default();
        for d in docs {
            for m in d.mentions.iter().filter(|m| is_party(&m.chain)) {
                f.add(d, m, casing);
            }
        }
        f
    }

    fn add(&mut self, d: &Doc, m: &GoldMention, casing: &Casing) {
        if !self.chains.contains(&m.chain) {
            self.chains.push(m.chain.clone());
        }
        let form = form_of(&d.tokens, m.first, m.last);
        let key = Normalized::form(&form);
        if key.is_empty() || !has_alnum(&form) {
            return;
        }
        match classify(&d.tokens, m.first, m.last, casing) {
            // A title with no name after it ("President", "South Korean President") names no
            // one: it is a description.
            Class::Name if !is_title(&form) => self.name(key, form, &m.chain),
            Class::Name | Class::Other => {
                // "the United States", "the Senate": a proper name after the article is still a
                // name of the chain, as a lexicon would list it.
                if let Some(name) = name_after_article(&d.tokens, m.first, m.last, casing) {
                    self.name(Normalized::form(&name), name, &m.chain);
                }
                let e = self
                    .labels
                    .entry(key)
                    .or_insert_with(|| (form, BTreeSet::new(), 0));
                e.1.insert(m.chain.clone());
                e.2 += 1;
            }
            Class::Pronoun => {}
        }
    }

    fn name(&mut self, key: String, form: String, chain: &str) {
        let e = self
            .names
            .entry(key)
            .or_insert_with(|| (form, BTreeMap::new()));
        *e.1.entry(chain.to_owned()).or_default() += 1;
    }
}

/// Builds the oracle lexicon of one event from its articles (`docs` all of that event).
pub fn oracle_lexicon(event: &str, docs: &[&Doc], casing: &Casing) -> (Lexicon, OracleSummary) {
    let Forms {
        mut chains,
        names,
        labels,
    } = Forms::of(docs, casing);
    chains.sort();
    // Each name form goes to the chain that uses it most (ties: the first chain by name).
    let mut aliases: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for (form, by_chain) in names.values() {
        let mut best: Option<(&String, usize)> = None;
        for (c, &n) in by_chain {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((c, n));
            }
        }
        if let Some((c, n)) = best {
            aliases
                .entry(c.clone())
                .or_default()
                .push((n, form.clone()));
        }
    }
    let mut lex = Lexicon::default();
    let mut alias_count = 0;
    for c in &chains {
        let mut forms = aliases.remove(c).unwrap_or_default();
        // Most frequent first, then longest, then alphabetical.
        forms.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.len().cmp(&a.1.len()))
                .then(a.1.cmp(&b.1))
        });
        let forms: Vec<String> = forms.into_iter().map(|(_, f)| f).collect();
        alias_count += forms.len();
        let name = forms.first().cloned().unwrap_or_else(|| concept_name(c));
        let rest: Vec<String> = forms.iter().skip(1).cloned().collect();
        let person = chain_type(c) == "ACTOR";
        lex.actors.push(ActorEntry {
            overrides: false,
            id: c.clone(),
            name: name.clone(),
            actor_type: actor_type(c),
            aliases: if person { Vec::new() } else { rest.clone() },
            adjectives: Vec::new(),
            people: if person {
                vec![Person {
                    name,
                    aliases: rest,
                    role: None,
                }]
            } else {
                Vec::new()
            },
            proxies: Vec::new(),
            part_of: if person { state_of(c, &chains) } else { None },
            allow: Vec::new(),
            file: 0,
        });
    }
    for (key, (form, chains, n)) in &labels {
        if names.contains_key(key) {
            continue; // a name elsewhere: the actor has it
        }
        lex.labels.push(LabelEntry {
            overrides: false,
            id: format!("newswcl-{event}-{:04}", lex.labels.len() + 1),
            forms: vec![form.clone()],
            regex: None,
            category: CATEGORY.to_owned(),
            stance: 0,
            kind: Kind::Label,
            targets: Vec::new(),
            exclude: Vec::new(),
            requires: None,
            names: Vec::new(),
            note: Some(format!(
                "NewsWCL50 gold: {n} mention(s) of {}",
                chains.iter().cloned().collect::<Vec<_>>().join(", ")
            )),
            allow: Vec::new(),
            file: 0,
        });
    }
    lex.categories.insert(CATEGORY.to_owned());
    lex.files.push(SourceFile {
        path: format!("oracle:newswcl/{event}"),
        name: "newswcl-oracle".into(),
        version: None,
        language: crate::language::DEFAULT,
        labels: lex.labels.len(),
        actors: lex.actors.len(),
    });
    let summary = OracleSummary {
        event: event.to_owned(),
        actors: lex.actors.len(),
        aliases: alias_count,
        labels: lex.labels.len(),
    };
    (lex, summary)
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// Why a non-name party mention was not linked to its chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// No hit overlaps the mention.
    NoHit,
    /// Hits overlap it, none with an actor.
    NoActor,
    /// Hits overlap it with actors, none of them the mention's chain.
    WrongActor,
}

impl ErrorClass {
    /// A short phrase for the class, as the text report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::NoHit => "no hit found",
            ErrorClass::NoActor => "hit with no actor",
            ErrorClass::WrongActor => "hit with wrong actor",
        }
    }
}

/// A non-name party mention framelens did not link to its chain.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// The article's name (`6_RR`).
    pub article: String,
    /// The mention as it reads in the article text.
    pub text: String,
    /// The gold chain of the mention.
    pub chain: String,
    /// Why it was missed.
    pub class: ErrorClass,
    /// The actors of the overlapping hits.
    pub actors: Vec<String>,
    /// The rules that linked the overlapping hits (`none` for a hit without an actor).
    pub rules: Vec<String>,
    /// The words around the mention.
    pub context: String,
}

/// Linking accuracy of framelens and of the baselines on one set of mentions.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Linking {
    /// framelens: right when a hit that overlaps the mention has its chain among its actors.
    pub framelens: Accuracy,
    /// The party most often named in the article.
    pub most_named: Accuracy,
    /// The nearest proper-name party mention within [`WINDOW`] tokens.
    pub nearest_name: Accuracy,
    /// The last party named before the mention.
    pub most_recent: Accuracy,
}

/// Linking accuracy on the non-name party mentions of one article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleLinking {
    /// The article's name (`6_RR`).
    pub article: String,
    /// The article's figures.
    pub linking: Linking,
}

/// CoNLL figures for framelens and the two baselines.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CorefMethods {
    /// Clusters by the actor framelens gives each mention (that of the hit with actors or the
    /// actor mention overlapping it most); a mention with none is a singleton.
    pub framelens: ConllFigures,
    /// Clusters by head lemma ([`head_lemma`]).
    pub same_head_lemma: ConllFigures,
    /// Clusters by chain for proper names, and for any other mention by the chain of the
    /// nearest proper-name party mention within [`WINDOW`] tokens (none: a singleton).
    pub nearest_name: ConllFigures,
}

#[derive(Clone, Debug, Default)]
struct CorefSums {
    framelens: Conll,
    head: Conll,
    window: Conll,
}

impl CorefSums {
    fn figures(&self) -> CorefMethods {
        CorefMethods {
            framelens: self.framelens.figures(),
            same_head_lemma: self.head.figures(),
            nearest_name: self.window.figures(),
        }
    }
}

/// Counts of the linking errors.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Errors {
    /// Misses with no hit over the mention (`NoHit`).
    pub no_hit: usize,
    /// Misses whose overlapping hits have no actor (`NoActor`).
    pub no_actor: usize,
    /// Misses whose overlapping hits have only other actors (`WrongActor`).
    pub wrong_actor: usize,
    /// Missed mention texts (lower-cased), most frequent first, with their count.
    pub most_frequent: Vec<(String, usize)>,
    /// The same per class.
    pub by_class: BTreeMap<ErrorClass, Vec<(String, usize)>>,
    /// Every miss, article by article in the order scored, each article's in mention order.
    pub misses: Vec<Miss>,
}

/// Everything `eval --newswcl` measures.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NewswclReport {
    /// The data set's name for the report heading (`NewsWCL50 (<path>)`).
    pub dataset: String,
    /// How the articles were analysed: each on its own, or each event's together as one story.
    pub mode: String,
    /// Number of articles read.
    pub articles: usize,
    /// Number of distinct events among them.
    pub events: usize,
    /// Gold mentions of every chain type (a mention on two chains counts twice).
    pub mentions: usize,
    /// Gold mentions of party chains ([`PARTY_TYPES`]).
    pub party_mentions: usize,
    /// Party mentions that are proper names.
    pub name_mentions: usize,
    /// Party mentions that are pronouns.
    pub pronoun_mentions: usize,
    /// Party mentions that are neither proper names nor pronouns: the linking set.
    pub non_name_mentions: usize,
    /// What each event's oracle lexicon holds, events in order of first appearance.
    pub oracle: Vec<OracleSummary>,
    /// Linking accuracy on the non-name party mentions of all articles.
    pub linking: Linking,
    /// The same per article, in the order scored (event by event, in file order within one).
    pub per_article: Vec<ArticleLinking>,
    /// CoNLL scores over party mentions, each article on its own.
    pub coref_within_documents: CorefMethods,
    /// CoNLL scores over party mentions, the articles of each event together.
    pub coref_across_event: CorefMethods,
    /// Linking accuracy by the rule that linked the mention's hit (the hit that overlaps it
    /// most; `none` for a hit with no actor): which rules earn their place.
    pub by_rule: BTreeMap<String, Accuracy>,
    /// Why framelens missed the non-name party mentions it did not link, and the misses.
    pub errors: Errors,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Token distance between two token ranges (0 when they overlap).
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    b.0.saturating_sub(a.1).max(a.0.saturating_sub(b.1))
}

/// A proper-name party mention: (first, last, chain).
type NameAt<'a> = (usize, usize, &'a str);

/// The chain of the nearest name within [`WINDOW`] tokens (ties: the earlier one).
fn nearest_name<'a>(names: &[NameAt<'a>], m: &GoldMention, skip_self: bool) -> Option<&'a str> {
    names
        .iter()
        .filter(|n| !(skip_self && n.0 == m.first && n.1 == m.last))
        .map(|n| (distance((n.0, n.1), (m.first, m.last)), n.0, n.2))
        .filter(|(d, _, _)| *d <= WINDOW)
        .min_by_key(|(d, start, _)| (*d, *start))
        .map(|(_, _, c)| c)
}

/// The chain of the last name ending before the mention starts.
fn most_recent<'a>(names: &[NameAt<'a>], m: &GoldMention) -> Option<&'a str> {
    names
        .iter()
        .filter(|n| n.1 < m.first)
        .max_by_key(|n| (n.1, n.0))
        .map(|n| n.2)
}

/// The actor framelens gives a mention: that of the hit with actors or the actor mention that
/// overlaps it most (a hit first on a tie); the first actor of a hit with several.
fn tool_actor(art: &Article, span: Span) -> Option<String> {
    let mut best: Option<(usize, u8, &str)> = None;
    for h in &art.hits {
        let o = overlap(Span::new(h.start, h.end), span);
        if o > 0
            && let Some(a) = h.actors.first()
            && best.is_none_or(|(bo, bp, _)| (o, 1) > (bo, bp))
        {
            best = Some((o, 1, &**a));
        }
    }
    for m in &art.mentions {
        let o = overlap(Span::new(m.start, m.end), span);
        if o > 0 && best.is_none_or(|(bo, bp, _)| (o, 0) > (bo, bp)) {
            best = Some((o, 0, m.actor.as_str()));
        }
    }
    best.map(|b| b.2.to_owned())
}

/// Groups mention ids by key; mentions with no key are singletons.
fn partition<K: Ord>(items: impl IntoIterator<Item = (usize, Option<K>)>) -> Partition {
    let mut by: BTreeMap<K, Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for (id, k) in items {
        match k {
            Some(k) => by.entry(k).or_default().push(id),
            None => out.push(vec![id]),
        }
    }
    out.extend(by.into_values());
    out
}

/// What one party mention gets from the gold and each method, for the coreference scores.
struct Assigned {
    chain: String,
    tool: Option<String>,
    head: String,
    window: Option<String>,
}

fn coref_of(items: &[Assigned]) -> CorefSums {
    let key = partition(
        items
            .iter()
            .enumerate()
            .map(|(i, a)| (i, Some(a.chain.clone()))),
    );
    let tool = partition(items.iter().enumerate().map(|(i, a)| (i, a.tool.clone())));
    let head = partition(
        items
            .iter()
            .enumerate()
            .map(|(i, a)| (i, Some(a.head.clone()))),
    );
    let window = partition(items.iter().enumerate().map(|(i, a)| (i, a.window.clone())));
    CorefSums {
        framelens: conll(&key, &tool),
        head: conll(&key, &head),
        window: conll(&key, &window),
    }
}

fn context(d: &Doc, m: &GoldMention) -> String {
    let a = m.first.saturating_sub(6);
    let b = (m.last + 7).min(d.tokens.len());
    let mut s = String::new();
    for (i, t) in d.tokens[a..b].iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        if a + i == m.first {
            s.push('[');
        }
        s.push_str(&t.text);
        if a + i == m.last {
            s.push(']');
        }
    }
    s
}

fn count_sorted(m: BTreeMap<String, usize>, keep: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(keep);
    v
}

/// How many missed texts the report lists.
const TOP: usize = 25;

/// Scores already-read articles. `same_story` analyses each event's articles together.
pub fn score(dataset: &str, docs: &[Doc], same_story: bool) -> Result<NewswclReport, EvalError> {
    let casing = Casing::of(docs);
    // Events in the order they first appear.
    let mut events: Vec<&str> = Vec::new();
    for d in docs {
        if !events.contains(&d.event.as_str()) {
            events.push(&d.event);
        }
    }
    let mut r = NewswclReport {
        dataset: dataset.to_owned(),
        mode: if same_story {
            "oracle lexicon per event; the articles of each event analysed as one story".into()
        } else {
            "oracle lexicon per event; each article analysed on its own".into()
        },
        articles: docs.len(),
        events: events.len(),
        ..NewswclReport::default()
    };
    let mut tally = Tally::default();
    let mut across = CorefSums::default();
    for ev in &events {
        let ev_docs: Vec<&Doc> = docs.iter().filter(|d| d.event == *ev).collect();
        let (lex, summary) = oracle_lexicon(ev, &ev_docs, &casing);
        r.oracle.push(summary);
        let an = Analyzer::new(lex).map_err(|e| EvalError::Oracle(e.to_string()))?;
        let arts: Vec<Article> = if same_story {
            let pairs: Vec<(&str, &str)> = ev_docs
                .iter()
                .map(|d| (d.name.as_str(), d.text.as_str()))
                .collect();
            an.analyze_story(&pairs)
        } else {
            ev_docs
                .iter()
                .map(|d| an.analyze(&d.name, &d.text))
                .collect()
        };
        let mut event_items: Vec<Assigned> = Vec::new();
        for (d, art) in ev_docs.iter().zip(&arts) {
            let items = score_article(&mut r, &mut tally, d, art, &casing);
            // Across the event, framelens's clusters are actor ids (one lexicon per event).
            event_items.extend(items);
        }
        let c = coref_of(&event_items);
        across.framelens.add(&c.framelens);
        across.head.add(&c.head);
        across.window.add(&c.window);
    }
    r.coref_within_documents = tally.within.figures();
    r.coref_across_event = across.figures();
    r.errors.most_frequent = count_sorted(tally.missed_texts, TOP);
    r.errors.by_class = tally
        .by_class
        .into_iter()
        .map(|(c, m)| (c, count_sorted(m, TOP)))
        .collect();
    Ok(r)
}

/// What the scoring of each article adds to, beside the report.
#[derive(Default)]
struct Tally {
    /// Coreference within each document.
    within: CorefSums,
    /// Missed mention texts (lower-cased), with their count, in all and per class.
    missed_texts: BTreeMap<String, usize>,
    by_class: BTreeMap<ErrorClass, BTreeMap<String, usize>>,
}

/// Scores one article `d`, analysed as `art`: the counts of its party mentions, the linking of
/// its non-name mentions (framelens and the baselines), its misses and its coreference. Gives
/// the mentions with the clusters each method puts them in, for the event's coreference.
fn score_article(
    r: &mut NewswclReport,
    tally: &mut Tally,
    d: &Doc,
    art: &Article,
    casing: &Casing,
) -> Vec<Assigned> {
    r.mentions += d.mentions.len();
    let party: Vec<(&GoldMention, Class)> = d
        .mentions
        .iter()
        .filter(|m| is_party(&m.chain))
        .map(|m| (m, classify(&d.tokens, m.first, m.last, casing)))
        .collect();
    let names: Vec<NameAt> = party
        .iter()
        .filter(|(_, c)| *c == Class::Name)
        .map(|(m, _)| (m.first, m.last, m.chain.as_str()))
        .collect();
    let top = most_named(&names);
    let mut lk = Linking::default();
    let mut items: Vec<Assigned> = Vec::new();
    for (m, class) in &party {
        r.party_mentions += 1;
        match class {
            Class::Name => r.name_mentions += 1,
            Class::Pronoun => r.pronoun_mentions += 1,
            Class::Other => r.non_name_mentions += 1,
        }
        items.push(Assigned {
            chain: m.chain.clone(),
            tool: tool_actor(art, m.span),
            head: head_lemma(&d.tokens, m.first, m.last),
            window: if *class == Class::Name {
                Some(m.chain.clone())
            } else {
                nearest_name(&names, m, true).map(str::to_owned)
            },
        });
        if *class != Class::Other {
            continue;
        }
        let over: Vec<&crate::analysis::Hit> = art
            .hits
            .iter()
            .filter(|h| overlap(Span::new(h.start, h.end), m.span) > 0)
            .collect();
        let ok = over.iter().any(|h| h.describes(&m.chain));
        lk.framelens.add(ok);
        if let Some(h) = over.iter().max_by_key(|h| {
            (
                overlap(Span::new(h.start, h.end), m.span),
                std::cmp::Reverse(h.start),
            )
        }) {
            r.by_rule
                .entry(h.link.as_str().to_owned())
                .or_default()
                .add(ok);
        }
        lk.most_named.add(top == Some(m.chain.as_str()));
        lk.nearest_name
            .add(nearest_name(&names, m, false) == Some(m.chain.as_str()));
        lk.most_recent
            .add(most_recent(&names, m) == Some(m.chain.as_str()));
        if !ok {
            let miss = miss_of(d, m, &over);
            match miss.class {
                ErrorClass::NoHit => r.errors.no_hit += 1,
                ErrorClass::NoActor => r.errors.no_actor += 1,
                ErrorClass::WrongActor => r.errors.wrong_actor += 1,
            }
            let text = form_of(&d.tokens, m.first, m.last).to_lowercase();
            *tally.missed_texts.entry(text.clone()).or_default() += 1;
            *tally
                .by_class
                .entry(miss.class)
                .or_default()
                .entry(text)
                .or_default() += 1;
            r.errors.misses.push(miss);
        }
    }
    let c = coref_of(&items);
    tally.within.framelens.add(&c.framelens);
    tally.within.head.add(&c.head);
    tally.within.window.add(&c.window);
    r.linking.add(&lk);
    r.per_article.push(ArticleLinking {
        article: d.name.clone(),
        linking: lk,
    });
    items
}

/// The party most often named among `names` (ties: the one named first).
fn most_named<'a>(names: &[NameAt<'a>]) -> Option<&'a str> {
    let mut named: Vec<(&str, usize, usize)> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match named.iter_mut().find(|x| x.0 == n.2) {
            Some(x) => x.1 += 1,
            None => named.push((n.2, 1, i)),
        }
    }
    named
        .iter()
        .max_by_key(|x| (x.1, std::cmp::Reverse(x.2)))
        .map(|x| x.0)
}

/// A mention framelens did not link to its chain, with the hits `over` it and their actors
/// and rules: no hit, hits with no actor, or a wrong actor.
fn miss_of(d: &Doc, m: &GoldMention, over: &[&crate::analysis::Hit]) -> Miss {
    let class = if over.is_empty() {
        ErrorClass::NoHit
    } else if over.iter().all(|h| h.actors.is_empty()) {
        ErrorClass::NoActor
    } else {
        ErrorClass::WrongActor
    };
    let mut actors: Vec<String> = over
        .iter()
        .flat_map(|h| h.actors.iter().map(|a| a.to_string()))
        .collect();
    actors.sort();
    actors.dedup();
    let mut rules: Vec<String> = over.iter().map(|h| h.link.as_str().to_owned()).collect();
    rules.sort();
    rules.dedup();
    Miss {
        article: d.name.clone(),
        text: m.text.clone(),
        chain: m.chain.clone(),
        class,
        actors,
        rules,
        context: context(d, m),
    }
}

impl Linking {
    /// Adds one article's counts, and recomputes each accuracy.
    fn add(&mut self, lk: &Linking) {
        for (a, b) in [
            (&mut self.framelens, &lk.framelens),
            (&mut self.most_named, &lk.most_named),
            (&mut self.nearest_name, &lk.nearest_name),
            (&mut self.most_recent, &lk.most_recent),
        ] {
            a.n += b.n;
            a.correct += b.correct;
            a.accuracy = if a.n == 0 {
                0.0
            } else {
                a.correct as f64 / a.n as f64
            };
        }
    }
}

/// Reads `path` and scores it.
pub fn eval_newswcl(path: &Path, same_story: bool) -> Result<NewswclReport, EvalError> {
    let docs = load(path)?;
    score(
        &format!("NewsWCL50 ({})", path.display()),
        &docs,
        same_story,
    )
}

fn acc(a: &Accuracy) -> String {
    if a.n == 0 {
        "-".into()
    } else {
        format!("{:.3} ({}/{})", a.accuracy, a.correct, a.n)
    }
}

fn coref_table(s: &mut String, title: &str, c: &CorefMethods) {
    let _ = writeln!(s, "{title}:");
    let _ = writeln!(
        s,
        "  {:<28} {:>7} {:>7} {:>7} {:>7}",
        "", "MUC F1", "B3 F1", "CEAF-e", "CoNLL"
    );
    for (name, f) in [
        ("framelens", &c.framelens),
        ("same head lemma", &c.same_head_lemma),
        (
            &*format!("nearest name (±{WINDOW} tokens)"),
            &c.nearest_name,
        ),
    ] {
        let _ = writeln!(
            s,
            "  {name:<28} {:>7.3} {:>7.3} {:>7.3} {:>7.3}",
            f.muc.f1, f.b3.f1, f.ceaf_e.f1, f.conll_f1
        );
    }
}

/// The report as text.
pub fn render_text(r: &NewswclReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {} — {}", r.dataset, r.mode);
    let _ = writeln!(
        s,
        "articles {}, events {}, gold mentions {}, party mentions {} (proper names {}, pronouns \
         {}, non-name {})",
        r.articles,
        r.events,
        r.mentions,
        r.party_mentions,
        r.name_mentions,
        r.pronoun_mentions,
        r.non_name_mentions
    );
    let (a, al, l): (usize, usize, usize) = r.oracle.iter().fold((0, 0, 0), |t, o| {
        (t.0 + o.actors, t.1 + o.aliases, t.2 + o.labels)
    });
    let _ = writeln!(
        s,
        "oracle lexicons: {} events, {a} actors with {al} name forms, {l} labels",
        r.oracle.len()
    );
    let _ = writeln!(s, "actor linking on non-name party mentions:");
    for (name, x) in [
        ("framelens", &r.linking.framelens),
        ("baseline: most named party", &r.linking.most_named),
        (
            &*format!("baseline: nearest name (±{WINDOW})"),
            &r.linking.nearest_name,
        ),
        ("baseline: most recent name", &r.linking.most_recent),
    ] {
        let _ = writeln!(s, "  {name:<32} {}", acc(x));
    }
    let _ = writeln!(
        s,
        "per article (framelens / most named / nearest / recent):"
    );
    for a in &r.per_article {
        let l = &a.linking;
        let _ = writeln!(
            s,
            "  {:<8} {:<18} {:<18} {:<18} {}",
            a.article,
            acc(&l.framelens),
            acc(&l.most_named),
            acc(&l.nearest_name),
            acc(&l.most_recent)
        );
    }
    coref_table(
        &mut s,
        "coreference of party mentions, within documents",
        &r.coref_within_documents,
    );
    coref_table(
        &mut s,
        "coreference of party mentions, across each event",
        &r.coref_across_event,
    );
    if !r.by_rule.is_empty() {
        let _ = writeln!(
            s,
            "linking by rule (the rule of the hit that covers the mention most):"
        );
        let mut rules: Vec<(&String, &Accuracy)> = r.by_rule.iter().collect();
        rules.sort_by(|a, b| b.1.n.cmp(&a.1.n).then(a.0.cmp(b.0)));
        for (rule, x) in rules {
            let _ = writeln!(s, "  {rule:<32} {}", acc(x));
        }
    }
    errors_text(&mut s, &r.errors);
    s
}

/// The errors section of the text report: counts per class, the most frequent missed texts,
/// and the first 40 misses.
fn errors_text(s: &mut String, e: &Errors) {
    let _ = writeln!(
        s,
        "linking errors: {} {}, {} {}, {} {}",
        ErrorClass::NoHit.as_str(),
        e.no_hit,
        ErrorClass::NoActor.as_str(),
        e.no_actor,
        ErrorClass::WrongActor.as_str(),
        e.wrong_actor
    );
    let counts = |v: &[(String, usize)]| {
        v.iter()
            .map(|(t, n)| format!("{t} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !e.most_frequent.is_empty() {
        let _ = writeln!(
            s,
            "most frequent missed texts: {}",
            counts(&e.most_frequent)
        );
    }
    for (c, v) in &e.by_class {
        let _ = writeln!(s, "  {}: {}", c.as_str(), counts(v));
    }
    if !e.misses.is_empty() {
        let _ = writeln!(s, "missed mentions ({}):", e.misses.len());
        for m in e.misses.iter().take(40) {
            let _ = writeln!(
                s,
                "  {} {:?} gold {}; {}{}: {}",
                m.article,
                m.text,
                m.chain,
                m.class.as_str(),
                if m.actors.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.actors.join("+"))
                },
                m.context
            );
        }
        if e.misses.len() > 40 {
            let _ = writeln!(
                s,
                "  ... and {} more (see --format json)",
                e.misses.len() - 40
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "#begin document 1/-/1_L; part 000
1/-/1_L\t0\t0\tTrump\t(1_USA_Trump_ACTOR)\t
1/-/1_L\t0\t1\tsnubs\t-\t

1/-/1_L\t1\t0\tThe\t(1_USA_Trump_ACTOR|(1_Trip_EVENT
1/-/1_L\t1\t1\tpresident\t-
1/-/1_L\t1\t2\tof\t-
1/-/1_L\t1\t3\tthe\t(1_USA_COUNTRY
1/-/1_L\t1\t4\tUnited\t-
1/-/1_L\t1\t5\tStates\t1_USA_COUNTRY)|1_USA_Trump_ACTOR)
1/-/1_L\t1\t6\tleft\t1_Trip_EVENT)
1/-/1_L\t1\t7\t.\t-
1/-/1_L\t1\t8\t\\n\t-

1/-/1_L\t2\t0\tHe\t(1_USA_Trump_ACTOR)|(1_KOR_COUNTRY|(1_PRK_COUNTRY
1/-/1_L\t2\t1\tsaw\t-
1/-/1_L\t2\t2\tKoreans\t1_KOR_COUNTRY)|1_PRK_COUNTRY)
#end document
";

    #[test]
    fn reads_text_nested_and_multi_chain_mentions() {
        let docs = parse("t.conll", DOC).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!((d.event.as_str(), d.name.as_str()), ("1", "1_L"));
        assert_eq!(
            d.text,
            "Trump snubs\nThe president of the United States left .\nHe saw Koreans"
        );
        let got: Vec<(&str, &str)> = d
            .mentions
            .iter()
            .map(|m| (m.chain.as_str(), &d.text[m.span.start..m.span.end]))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1_USA_Trump_ACTOR", "Trump"),
                ("1_Trip_EVENT", "The president of the United States left"),
                ("1_USA_Trump_ACTOR", "The president of the United States"),
                ("1_USA_COUNTRY", "the United States"),
                ("1_KOR_COUNTRY", "He saw Koreans"),
                ("1_PRK_COUNTRY", "He saw Koreans"),
                ("1_USA_Trump_ACTOR", "He"),
            ]
        );
        for m in &d.mentions {
            assert_eq!(m.text, d.text[m.span.start..m.span.end]);
        }
    }

    #[test]
    fn classifies_names_pronouns_and_descriptions() {
        let docs = parse("t.conll", DOC).unwrap();
        let d = &docs[0];
        let casing = Casing::of(&docs);
        let class = |chain: &str, text: &str| {
            let m = d
                .mentions
                .iter()
                .find(|m| m.chain == chain && m.text == text)
                .unwrap();
            classify(&d.tokens, m.first, m.last, &casing)
        };
        assert_eq!(class("1_USA_Trump_ACTOR", "Trump"), Class::Name);
        assert_eq!(class("1_USA_Trump_ACTOR", "He"), Class::Pronoun);
        assert_eq!(
            class("1_USA_Trump_ACTOR", "The president of the United States"),
            Class::Other
        );
        assert_eq!(class("1_USA_COUNTRY", "the United States"), Class::Other);
        // "Kim Jong - un" and a name with a particle are names; an opening common word is not.
        let toks = |words: &[&str]| -> Vec<Token> {
            let mut at = 0;
            words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let t = Token {
                        text: (*w).to_owned(),
                        span: Span::new(at, at + w.len()),
                        sentence: 1,
                        initial: i == 0,
                    };
                    at += w.len() + 1;
                    t
                })
                .collect()
        };
        let mut casing = Casing::default();
        casing.note("officials");
        casing.note("President");
        let t = toks(&["Kim", "Jong", "-", "un"]);
        assert_eq!(classify(&t, 0, 3, &casing), Class::Name);
        let t = toks(&["Republic", "of", "Korea", "'s"]);
        assert_eq!(classify(&t, 0, 3, &casing), Class::Name);
        let t = toks(&["Officials", "said"]);
        assert_eq!(classify(&t, 0, 0, &casing), Class::Other);
        let t = toks(&["President", "Trump"]);
        assert_eq!(classify(&t, 0, 1, &casing), Class::Name);
        let t = toks(&["U.S.", "officials"]);
        assert_eq!(classify(&t, 0, 1, &casing), Class::Other);
        assert_eq!(classify(&t, 0, 0, &casing), Class::Name);
    }

    #[test]
    fn a_title_with_no_name_after_it_is_no_name() {
        for (form, title) in [
            ("President", true),
            ("South Korean President", true),
            ("Secretary", true),
            ("President Moon", false),
            ("Kim Jong - un", false),
        ] {
            assert_eq!(is_title(form), title, "{form:?}");
        }
    }

    #[test]
    fn head_lemmas() {
        for (w, l) in [
            ("officials", "official"),
            ("countries", "country"),
            ("policemen", "policeman"),
            ("marches", "march"),
            ("us", "us"),
            ("congress", "congress"),
        ] {
            assert_eq!(lemma(w), l);
        }
    }

    fn parse_err(input: &str) -> ParseError {
        parse("bad.conll", input).unwrap_err()
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = parse_err("#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tTrump\n");
        assert_eq!(e.line, 2, "{e}");
        assert!(e.to_string().starts_with("bad.conll:2: expected 5"), "{e}");
        let e = parse_err("#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tTrump\tX_ACTOR)\n");
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("not open"), "{e}");
        let e = parse_err(
            "#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tA\t-\n1/-/1_L\t0\t1\tB\t(X_ACTOR\n#end document\n",
        );
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("never closed"), "{e}");
        let e = parse_err("#begin document 1/-/1_L; part 000\n1/-/1_L\tzero\t0\tA\t-\n");
        assert_eq!(e.line, 2, "{e}");
        let e = parse_err("#begin document 1/-/1_L; part 000\n\n1/-/1_L\t0\t0\tA\t((X\n");
        assert_eq!(e.line, 3, "{e}");
        let e = parse_err("1/-/1_L\t0\t0\tA\t-\n");
        assert_eq!(e.line, 1, "{e}");
        let e = parse_err("#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tA\t-\n");
        assert!(
            e.message.contains("no `#end document`") && e.line == 1,
            "{e}"
        );
        let e =
            parse_err("#begin document 1/-/1_L; part 000\n1/-/2_L\t0\t0\tA\t-\n#end document\n");
        assert_eq!(e.line, 2, "{e}");
        assert!(parse_err("").message.contains("no documents"));
        let e = parse_err("#end document\n");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn oracle_lexicon_has_actors_aliases_and_labels() {
        let docs = parse("t.conll", DOC).unwrap();
        let casing = Casing::of(&docs);
        let refs: Vec<&Doc> = docs.iter().collect();
        let (lex, summary) = oracle_lexicon("1", &refs, &casing);
        let trump = lex.actor("1_USA_Trump_ACTOR").unwrap();
        assert_eq!(trump.name, "Trump");
        assert_eq!(trump.people[0].name, "Trump");
        let usa = lex.actor("1_USA_COUNTRY").unwrap();
        assert_eq!(usa.actor_type, ActorType::State);
        // Named only as "the United States": the name after the article is its name (a
        // chain with no proper name at all would be named by its concept, "USA").
        assert_eq!(usa.name, "United States");
        assert_eq!(concept_name("1_USA_COUNTRY"), "USA");
        let forms: Vec<&str> = lex.labels.iter().map(|l| l.forms[0].as_str()).collect();
        assert!(
            forms.contains(&"The president of the United States"),
            "{forms:?}"
        );
        assert!(forms.contains(&"the United States"), "{forms:?}");
        // Events and pronouns are not in it.
        assert!(
            !forms.iter().any(|f| f.contains("left") || *f == "He"),
            "{forms:?}"
        );
        assert_eq!(summary.actors, 4);
        // It compiles.
        Analyzer::new(lex).unwrap();
    }

    #[test]
    fn scores_a_small_file() {
        let docs = parse("t.conll", DOC).unwrap();
        let r = score("t", &docs, false).unwrap();
        assert_eq!(r.party_mentions, 6);
        assert_eq!(
            (r.name_mentions, r.pronoun_mentions, r.non_name_mentions),
            (1, 1, 4)
        );
        assert_eq!(r.linking.framelens.n, 4);
        let text = render_text(&r);
        assert!(
            text.contains("actor linking on non-name party mentions"),
            "{text}"
        );
        let again = render_text(&score("t", &docs, false).unwrap());
        assert_eq!(text, again);
    }
}
