//! The per-source aggregate of a corpus run, and merging aggregates from separate runs.
//!
//! A [`Summary`] holds integer counts only, keyed by source, month, actor, term and voice, in
//! sorted maps. Adding two summaries is adding counts, which is associative and commutative, so
//! `merge(run(A), run(B))` serialises to exactly the bytes of `run(A ∪ B)` whatever the split and
//! the order of the parts. Ratios and statistics are computed when a report is made, never
//! stored.
//!
//! A summary records a fingerprint of the lexicon it was made with (entries that affect results:
//! forms, categories, stances, targets, actor names and aliases; not notes). Summaries made with
//! different lexicons cannot be merged.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

use crate::analysis::Article;
use crate::analysis::discourse::Origin;
use crate::analysis::voice::Voice;
use crate::lexicon::{Kind, Lexicon};

/// The version of the summary format; merging refuses other versions.
/// Version 2: terms of parties their article never names count under `(unnamed)`, and parties
/// no lexicon lists under their own id (version 1 counted both under `(none)`).
pub const SUMMARY_VERSION: u32 = 2;

/// The month key of records without a readable date.
pub const UNDATED: &str = "undated";

/// The actor key of terms linked to no actor.
pub const NO_ACTOR: &str = "(none)";

/// The actor key of terms linked to a party their article never names (`unnamed-1` ...). Such
/// parties are known only within one article, so a corpus counts them together.
pub const UNNAMED_ACTOR: &str = "(unnamed)";

/// What a term is, as the lexicon said when the summary was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermInfo {
    /// The entry's category path (`delegitimizing/terrorism` ...).
    pub category: String,
    /// The entry's stance, from -2 (strongly delegitimizing) to +2 (strongly legitimizing).
    pub stance: i8,
    /// What kind of term the entry is: label, act, attribution or distancing.
    pub kind: Kind,
    /// The words reports show for the term ([`crate::lexicon::LabelEntry::words`]); empty in
    /// summaries written before December 2026, whose reports show the id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub words: String,
}

impl TermInfo {
    /// Whether two summaries describe the term alike. Its words are compared only when both
    /// have them: an older summary has none.
    fn agrees_with(&self, other: &TermInfo) -> bool {
        self.category == other.category
            && self.stance == other.stance
            && self.kind == other.kind
            && (self.words.is_empty() || other.words.is_empty() || self.words == other.words)
    }
}

/// Counts for one actor in one source and month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCounts {
    /// Times the actor is named (names, adjectives, people, resolved pronouns).
    pub mentions: u64,
    /// Articles that name the actor at least once.
    pub articles: u64,
    /// term id -> voice -> uses of the term for this actor.
    #[serde(deserialize_with = "voice_keys::per_term")]
    pub terms: BTreeMap<String, BTreeMap<Voice, u64>>,
}

/// Counts for one source in one month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Articles (records analysed) of the source in the month.
    pub articles: u64,
    /// Words (word and number tokens) in the articles' titles and texts.
    pub words: u64,
    /// Bytes of the articles' titles and texts as read (UTF-8).
    pub bytes: u64,
    /// Terms found in the articles, in every voice (a term linked to several actors counts once).
    pub hits: u64,
    /// voice -> hits.
    #[serde(deserialize_with = "voice_keys::counts")]
    pub voices: BTreeMap<Voice, u64>,
    /// actor id (or `(none)`) -> counts.
    pub actors: BTreeMap<String, ActorCounts>,
}

/// A mergeable aggregate of a corpus run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Always `framelens-summary`: tells a summary from other JSON.
    pub format: String,
    /// The summary format version: `SUMMARY_VERSION` when made.
    pub version: u32,
    /// SHA-256 of the lexicon entries that affect results.
    pub lexicon: String,
    /// Records analysed (skipped records are counted under `skipped`).
    pub articles: u64,
    /// reason -> records skipped.
    pub skipped: BTreeMap<String, u64>,
    /// The terms seen, with what the lexicon says of them.
    pub terms: BTreeMap<String, TermInfo>,
    /// actor id -> display name, for the actors seen.
    pub actor_names: BTreeMap<String, String>,
    /// The ids among `actor_names` of parties an article names that the lexicon does not list
    /// (their name carries "(not in the lexicon)").
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unlisted: BTreeSet<String>,
    /// source -> month (`YYYY-MM` or `undated`) -> counts.
    pub sources: BTreeMap<String, BTreeMap<String, Cell>>,
    /// language (English name) -> articles firmly in a language that no loaded label lexicon
    /// is written for: their count of terms says nothing of their wording.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unread_languages: BTreeMap<String, u64>,
}

/// Why summaries could not be merged or read.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    /// `file` is not a summary (not JSON, no `format` or `version` field, a field of the wrong
    /// shape); `reason` says what is wrong.
    #[error("{file}: not a framelens summary: {reason}")]
    NotSummary {
        /// The summary, as named.
        file: String,
        /// What is wrong: the JSON error, or the field that is missing.
        reason: String,
    },
    /// `file` is of another summary format version; `found` is its version (`u32::MAX` if it does
    /// not fit).
    #[error(
        "{file}: summary format version {found}, this framelens reads version {SUMMARY_VERSION}"
    )]
    Version {
        /// The summary, as named.
        file: String,
        /// Its format version (`u32::MAX` when it does not fit).
        found: u32,
    },
    /// `file` was made with another lexicon than `first`.
    #[error(
        "{file}: made with a different lexicon than {first} (fingerprints {theirs:.12}… and {ours:.12}…); \
         run every part with the same lexicon files"
    )]
    Lexicon {
        /// The summary being merged.
        file: String,
        /// The summary read first, which the others are merged into.
        first: String,
        /// The lexicon fingerprint of `file` (SHA-256, hex).
        theirs: String,
        /// The lexicon fingerprint of the summaries merged so far.
        ours: String,
    },
    /// `file` describes a term (category, stance or kind) otherwise than the summaries merged
    /// so far.
    #[error("{file}: term '{term}' is described differently than in {first}")]
    Term {
        /// The summary being merged.
        file: String,
        /// The summary read first, which the others are merged into.
        first: String,
        /// The term id.
        term: String,
    },
    /// Merging `file` would take a count, or the sum of all counts, past `u64::MAX`.
    #[error("{file}: a count would pass 2^64 - 1 when merged; nothing was written")]
    Overflow {
        /// The summary whose merge would pass `u64::MAX`.
        file: String,
    },
    /// The counts of `file` add up past `u64::MAX`, which no report could total.
    #[error("{file}: its counts add up past 2^64 - 1, which no report can total")]
    TooLarge {
        /// The summary whose counts add up past `u64::MAX`.
        file: String,
    },
    /// The summaries merged so far name more sources than `--max-sources` allows.
    #[error(
        "{file}: the summaries read so far name {sources} sources, past the limit of {limit} (--max-sources); \
         raise the limit, or map the raw names to fewer sources (corpus --source-map) before summarising"
    )]
    TooManySources {
        /// The summary that took the merge past the limit.
        file: String,
        /// The sources the summaries merged so far name.
        sources: usize,
        /// The limit (`--max-sources`).
        limit: usize,
    },
    /// A count under a voice key that names no [`Voice`]; `at` is the key's place, as a jq path.
    #[error(
        "{file}: unknown voice {voice} at {at}; the voices a summary counts are {}",
        voice_names()
    )]
    UnknownVoice {
        /// The summary, as named in errors.
        file: String,
        /// The key, as a JSON string.
        voice: String,
        /// The key's place, as a jq path (`.sources["nyt"]["2024-12"].voices`).
        at: String,
    },
}

/// "author, quote, reported and scare".
fn voice_names() -> String {
    let names: Vec<&str> = Voice::ALL.iter().map(|v| v.as_str()).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The voice named `key` as a summary writes it ([`Voice::as_str`]).
fn voice_named(key: &str) -> Option<Voice> {
    Voice::ALL.into_iter().find(|v| v.as_str() == key)
}

/// Reading the maps keyed by voice. [`Voice`] is written by its own serialisation (its name in
/// lower case); it is read back here, where a key that names no voice is an error.
mod voice_keys {
    use super::*;

    /// A voice read from its name.
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct Named(Voice);

    impl<'de> Deserialize<'de> for Named {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Named, D::Error> {
            let key = String::deserialize(d)?;
            voice_named(&key).map(Named).ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "unknown voice `{key}`, expected {}",
                    voice_names()
                ))
            })
        }
    }

    fn unnamed(m: BTreeMap<Named, u64>) -> BTreeMap<Voice, u64> {
        m.into_iter().map(|(Named(v), n)| (v, n)).collect()
    }

    /// voice -> count.
    pub(super) fn counts<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<Voice, u64>, D::Error> {
        BTreeMap::<Named, u64>::deserialize(d).map(unnamed)
    }

    /// term -> voice -> count.
    pub(super) fn per_term<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, BTreeMap<Voice, u64>>, D::Error> {
        let m = BTreeMap::<String, BTreeMap<Named, u64>>::deserialize(d)?;
        Ok(m.into_iter().map(|(t, v)| (t, unnamed(v))).collect())
    }
}

/// The first key of a voice map in `v` (a summary as JSON) that names no voice, with its place
/// as a jq path (`.sources["nyt"]["2024-12"].voices`): both as [`SummaryError::UnknownVoice`]
/// shows them. Parts of `v` that are not objects are passed over (reading them fails anyway).
fn unknown_voice(v: &serde_json::Value) -> Option<(String, String)> {
    use serde_json::{Map, Value};
    fn objects(v: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
        v.and_then(Value::as_object).into_iter().flat_map(Map::iter)
    }
    fn unknown(m: Option<&Value>) -> Option<&String> {
        objects(m)
            .map(|(k, _)| k)
            .find(|k| voice_named(k).is_none())
    }
    let q = |k: &str| serde_json::to_string(k).expect("a string serialises");
    for (source, months) in objects(v.get("sources")) {
        for (month, cell) in objects(Some(months)) {
            let at = || format!(".sources[{}][{}]", q(source), q(month));
            if let Some(k) = unknown(cell.get("voices")) {
                return Some((q(k), format!("{}.voices", at())));
            }
            for (actor, counts) in objects(cell.get("actors")) {
                for (term, voices) in objects(counts.get("terms")) {
                    if let Some(k) = unknown(Some(voices)) {
                        let place = format!("{}.actors[{}].terms[{}]", at(), q(actor), q(term));
                        return Some((q(k), place));
                    }
                }
            }
        }
    }
    None
}

/// `*a += b`, or an error past `u64::MAX`.
fn plus(a: &mut u64, b: u64) -> Result<(), ()> {
    *a = a.checked_add(b).ok_or(())?;
    Ok(())
}

/// The fingerprint of a lexicon: a SHA-256 over every field that can change a result.
pub fn fingerprint(lex: &Lexicon) -> String {
    let mut h = Sha256::new();
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    for e in &lex.labels {
        field("label");
        field(&e.id);
        for f in &e.forms {
            field(f);
        }
        field(e.regex.as_deref().unwrap_or(""));
        field(&e.category);
        field(&e.stance.to_string());
        field(e.kind.as_str());
        for t in &e.targets {
            field(t.as_str());
        }
        for x in &e.exclude {
            field(x);
        }
        if let Some(r) = e.requires {
            field(r.as_str());
        }
        // The language of the entry's file decides which articles are counted as unread.
        field(lex.files.get(e.file).map_or("", |f| f.language));
    }
    for a in &lex.actors {
        field("actor");
        field(&a.id);
        field(&a.name);
        field(a.actor_type.as_str());
        for x in a.aliases.iter().chain(&a.adjectives).chain(&a.proxies) {
            field(x);
        }
        for p in &a.people {
            field(&p.name);
            for x in &p.aliases {
                field(x);
            }
            field(p.role.as_deref().unwrap_or(""));
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// One article's contribution, computed where the article was analysed. Actors and terms are
/// lexicon indices (`lexicon.actors`, `lexicon.labels`): names are looked up only when the
/// contribution is added to a summary, and only for keys the summary does not hold yet.
#[derive(Clone, Debug, Default)]
pub struct Contribution {
    /// The record's source.
    pub source: String,
    /// `YYYY-MM`, or `undated` when the record's date could not be read.
    pub month: String,
    /// Words (word and number tokens) in the title and text.
    pub words: u64,
    /// Bytes of the title and text as read (UTF-8).
    pub bytes: u64,
    /// Terms found in the title and text (a term linked to several actors counts once).
    pub hits: u64,
    /// voice -> hits.
    pub voices: BTreeMap<Voice, u64>,
    /// (actor, mentions), by actor.
    pub mentions: Vec<(UseActor, u64)>,
    /// ((actor, term, voice), uses), by key.
    pub uses: Vec<(UseKey, u64)>,
    /// The language of the article, when it is firmly one that no loaded lexicon reads.
    pub unread_language: Option<&'static str>,
}

/// Whom a use or a mention is counted for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UseActor {
    /// A lexicon actor, by index in `lexicon.actors`.
    Listed(usize),
    /// A party the article names that the lexicon does not list: (id, name as written).
    Unlisted(String, String),
    /// A party the article never names.
    Unnamed,
    /// No actor.
    None,
}

/// The actor, term and voice of a use.
pub type UseKey = (UseActor, usize, Voice);

impl Contribution {
    /// The counts of one analysed article (title and body may be two analyses), made with
    /// the lexicon `lex`.
    pub fn of(lex: &Lexicon, source: &str, month: Option<&str>, parts: &[&Article]) -> Self {
        let mut c = Contribution {
            source: source.to_owned(),
            month: month.unwrap_or(UNDATED).to_owned(),
            ..Contribution::default()
        };
        let mut mentions = Vec::new();
        let mut uses = Vec::new();
        for a in parts {
            if a.profile.unread_language {
                c.unread_language = c.unread_language.or(a.profile.language.map(|d| d.name));
            }
            c.words += a.profile.words as u64;
            c.bytes += a.text.len() as u64;
            c.hits += a.hits.len() as u64;
            let whom = |id: &str| match a.parties.iter().find(|p| p.id == id) {
                Some(p) if p.origin == Origin::Unlisted => {
                    Some(UseActor::Unlisted(p.id.clone(), p.name.clone()))
                }
                Some(_) => Some(UseActor::Unnamed),
                None => None,
            };
            for m in &a.mentions {
                match m.actor_index {
                    Some(i) => mentions.push(UseActor::Listed(i)),
                    None => mentions.extend(whom(&m.actor)),
                }
            }
            for h in &a.hits {
                let voice = h.voice;
                *c.voices.entry(voice).or_default() += 1;
                if h.actors.is_empty() {
                    uses.push((UseActor::None, h.entry, voice));
                }
                let mut listed = h.actor_indices.iter().peekable();
                for id in &h.actors {
                    // `actor_indices` holds the lexicon actors among `actors`, in order: the
                    // next of them is this one when the ids agree; any other is a party.
                    let actor = match listed.peek() {
                        Some(&&i) if lex.actors.get(i).is_some_and(|a| *a.id == **id) => {
                            listed.next();
                            UseActor::Listed(i)
                        }
                        _ => match whom(id) {
                            Some(p) => p,
                            None => continue,
                        },
                    };
                    uses.push((actor, h.entry, voice));
                }
            }
        }
        c.mentions = counted(mentions);
        c.uses = counted(uses);
        c
    }
}

/// Each distinct item with the number of times it occurs, in order.
fn counted<T: Ord>(mut items: Vec<T>) -> Vec<(T, u64)> {
    items.sort_unstable();
    let mut out: Vec<(T, u64)> = Vec::new();
    for x in items {
        match out.last_mut() {
            Some((last, n)) if *last == x => *n += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}

/// The entry under `key`, made (default) if missing; the key is copied only then.
fn slot<'m, V: Default>(map: &'m mut BTreeMap<String, V>, key: &str) -> &'m mut V {
    if !map.contains_key(key) {
        map.insert(key.to_owned(), V::default());
    }
    map.get_mut(key).expect("inserted above")
}

impl Summary {
    /// An empty summary for runs with this lexicon.
    pub fn new(lex: &Lexicon) -> Summary {
        Summary::with_fingerprint(fingerprint(lex))
    }

    fn with_fingerprint(lexicon: String) -> Summary {
        Summary {
            format: "framelens-summary".into(),
            version: SUMMARY_VERSION,
            lexicon,
            articles: 0,
            skipped: BTreeMap::new(),
            terms: BTreeMap::new(),
            actor_names: BTreeMap::new(),
            unlisted: BTreeSet::new(),
            sources: BTreeMap::new(),
            unread_languages: BTreeMap::new(),
        }
    }

    /// Counts one analysed article. `lex` is the lexicon the contribution's indices refer to.
    pub fn add(&mut self, lex: &Lexicon, c: Contribution) {
        self.articles += 1;
        if let Some(l) = c.unread_language {
            *self.unread_languages.entry(l.to_owned()).or_default() += 1;
        }
        let cell = slot(slot(&mut self.sources, &c.source), &c.month);
        cell.articles += 1;
        cell.words += c.words;
        cell.bytes += c.bytes;
        cell.hits += c.hits;
        for (v, n) in c.voices {
            *cell.voices.entry(v).or_default() += n;
        }
        let names = &mut self.actor_names;
        let unlisted = &mut self.unlisted;
        let mut named = |a: &UseActor| -> String {
            match a {
                UseActor::Listed(i) => {
                    let actor = &lex.actors[*i];
                    if !names.contains_key(&actor.id) {
                        names.insert(actor.id.clone(), actor.name.clone());
                    }
                    actor.id.clone()
                }
                UseActor::Unlisted(id, name) => {
                    // Articles may write one id's name differently ("Karst liberation front"):
                    // the smallest form is kept, so that any order of adding and merging
                    // gives the same bytes.
                    let shown = format!("{name} (not in the lexicon)");
                    match names.get_mut(id) {
                        Some(n) if shown < *n => *n = shown,
                        Some(_) => {}
                        None => {
                            names.insert(id.clone(), shown);
                        }
                    }
                    unlisted.insert(id.clone());
                    id.clone()
                }
                UseActor::Unnamed => UNNAMED_ACTOR.to_owned(),
                UseActor::None => NO_ACTOR.to_owned(),
            }
        };
        for (a, n) in &c.mentions {
            let counts = slot(&mut cell.actors, &named(a));
            counts.mentions += n;
            counts.articles += 1;
        }
        // The uses are sorted by actor, then term: each actor and term is looked up once.
        for by_actor in c.uses.chunk_by(|x, y| x.0.0 == y.0.0) {
            let actor = named(&by_actor[0].0.0);
            let terms = &mut slot(&mut cell.actors, &actor).terms;
            for by_term in by_actor.chunk_by(|x, y| x.0.1 == y.0.1) {
                let entry = &lex.labels[by_term[0].0.1];
                if !self.terms.contains_key(&entry.id) {
                    let info = TermInfo {
                        category: entry.category.clone(),
                        stance: entry.stance,
                        kind: entry.kind,
                        words: entry.words(),
                    };
                    self.terms.insert(entry.id.clone(), info);
                }
                let voices = slot(terms, &entry.id);
                for &((_, _, voice), n) in by_term {
                    *voices.entry(voice).or_default() += n;
                }
            }
        }
    }

    /// Counts one skipped record.
    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_owned()).or_default() += 1;
    }

    /// Reads a summary written by `corpus --summary` or `merge`. `file` names it in errors.
    pub fn from_json(file: &str, json: &str) -> Result<Summary, SummaryError> {
        let not = |reason: String| SummaryError::NotSummary {
            file: file.to_owned(),
            reason,
        };
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| not(e.to_string()))?;
        if v.get("format").and_then(|f| f.as_str()) != Some("framelens-summary") {
            return Err(not("no \"format\": \"framelens-summary\" field".into()));
        }
        match v.get("version").and_then(|x| x.as_u64()) {
            Some(n) if n == u64::from(SUMMARY_VERSION) => {}
            Some(n) => {
                return Err(SummaryError::Version {
                    file: file.to_owned(),
                    found: u32::try_from(n).unwrap_or(u32::MAX),
                });
            }
            None => return Err(not("no \"version\" field".into())),
        }
        if let Some((voice, at)) = unknown_voice(&v) {
            return Err(SummaryError::UnknownVoice {
                file: file.to_owned(),
                voice,
                at,
            });
        }
        let s: Summary = serde_json::from_value(v).map_err(|e| not(e.to_string()))?;
        if s.grand_total().is_none() {
            return Err(SummaryError::TooLarge {
                file: file.to_owned(),
            });
        }
        Ok(s)
    }

    /// The sum of every count in the summary, or `None` past `u64::MAX`: when it fits, every
    /// total a report makes (over sources, months, terms) fits too.
    fn grand_total(&self) -> Option<u64> {
        let mut t = self.articles;
        let mut add = |n: u64| -> Option<()> {
            t = t.checked_add(n)?;
            Some(())
        };
        for n in self.skipped.values().chain(self.unread_languages.values()) {
            add(*n)?;
        }
        for cell in self.sources.values().flat_map(BTreeMap::values) {
            for n in [cell.articles, cell.words, cell.bytes, cell.hits] {
                add(n)?;
            }
            for n in cell.voices.values() {
                add(*n)?;
            }
            for a in cell.actors.values() {
                add(a.mentions)?;
                add(a.articles)?;
                for n in a.terms.values().flat_map(BTreeMap::values) {
                    add(*n)?;
                }
            }
        }
        Some(t)
    }

    /// The summary as pretty JSON with a final newline: the bytes `--summary` writes.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a summary serialises");
        s.push('\n');
        s
    }

    /// Adds `other` (read from `file`) into `self` (first read from `first`).
    pub fn merge(&mut self, other: Summary, first: &str, file: &str) -> Result<(), SummaryError> {
        if other.lexicon != self.lexicon {
            return Err(SummaryError::Lexicon {
                file: file.to_owned(),
                first: first.to_owned(),
                theirs: other.lexicon,
                ours: self.lexicon.clone(),
            });
        }
        for (t, info) in other.terms {
            match self.terms.get_mut(&t) {
                Some(mine) if !mine.agrees_with(&info) => {
                    return Err(SummaryError::Term {
                        file: file.to_owned(),
                        first: first.to_owned(),
                        term: t,
                    });
                }
                Some(mine) => {
                    if mine.words.is_empty() {
                        mine.words = info.words;
                    }
                }
                None => {
                    self.terms.insert(t, info);
                }
            }
        }
        for (a, name) in other.actor_names {
            // A lexicon actor's name is the same in both (one lexicon); an unlisted party's is
            // the smallest form either side saw.
            match self.actor_names.get_mut(&a) {
                Some(n) if name < *n => *n = name,
                Some(_) => {}
                None => {
                    self.actor_names.insert(a, name);
                }
            }
        }
        self.unlisted.extend(other.unlisted);
        let languages = other
            .unread_languages
            .into_iter()
            .try_for_each(|(l, n)| plus(self.unread_languages.entry(l).or_default(), n));
        languages
            .and_then(|()| self.add_counts(other.articles, other.skipped, other.sources))
            .ok()
            .and_then(|()| self.grand_total())
            .map(drop)
            .ok_or_else(|| SummaryError::Overflow {
                file: file.to_owned(),
            })
    }

    /// Adds the counts of another summary, refusing to wrap past `u64::MAX`.
    fn add_counts(
        &mut self,
        articles: u64,
        skipped: BTreeMap<String, u64>,
        sources: BTreeMap<String, BTreeMap<String, Cell>>,
    ) -> Result<(), ()> {
        plus(&mut self.articles, articles)?;
        for (r, n) in skipped {
            plus(self.skipped.entry(r).or_default(), n)?;
        }
        for (source, months) in sources {
            let mine = self.sources.entry(source).or_default();
            for (month, cell) in months {
                let c = mine.entry(month).or_default();
                plus(&mut c.articles, cell.articles)?;
                plus(&mut c.words, cell.words)?;
                plus(&mut c.bytes, cell.bytes)?;
                plus(&mut c.hits, cell.hits)?;
                for (v, n) in cell.voices {
                    plus(c.voices.entry(v).or_default(), n)?;
                }
                for (actor, ac) in cell.actors {
                    let a = c.actors.entry(actor).or_default();
                    plus(&mut a.mentions, ac.mentions)?;
                    plus(&mut a.articles, ac.articles)?;
                    for (term, voices) in ac.terms {
                        let t = a.terms.entry(term).or_default();
                        for (v, n) in voices {
                            plus(t.entry(v).or_default(), n)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contribution of `uses` (actor id or `(none)`, term id, voice) of the bundled lexicon,
    /// each actor also mentioned once per use.
    fn contribution(
        lex: &Lexicon,
        source: &str,
        month: &str,
        uses: &[(&str, &str, Voice)],
    ) -> Contribution {
        let actor = |id: &str| match lex.actors.iter().position(|a| a.id == id) {
            Some(i) => UseActor::Listed(i),
            None if id == NO_ACTOR => UseActor::None,
            None if id == UNNAMED_ACTOR => UseActor::Unnamed,
            None => UseActor::Unlisted(id.to_owned(), id.to_uppercase()),
        };
        let term = |id: &str| lex.labels.iter().position(|l| l.id == id).unwrap();
        let mut c = Contribution {
            source: source.into(),
            month: month.into(),
            words: 100,
            bytes: 600,
            hits: uses.len() as u64,
            ..Contribution::default()
        };
        let mut keys = Vec::new();
        let mut mentions = Vec::new();
        for &(a, t, v) in uses {
            keys.push((actor(a), term(t), v));
            *c.voices.entry(v).or_default() += 1;
            if a != NO_ACTOR && a != UNNAMED_ACTOR {
                mentions.push(actor(a));
            }
        }
        c.uses = counted(keys);
        c.mentions = counted(mentions);
        c
    }

    #[test]
    fn merging_parts_equals_one_run_in_any_order() {
        let lex = Lexicon::bundled().unwrap();
        let docs = [
            contribution(
                &lex,
                "fox",
                "2024-12",
                &[("hts", "terrorist", Voice::Author)],
            ),
            contribution(
                &lex,
                "nyt",
                "2024-12",
                &[
                    ("hts", "rebel", Voice::Author),
                    ("hts", "terrorist", Voice::Quote),
                    (NO_ACTOR, "terrorist", Voice::Author),
                    (UNNAMED_ACTOR, "terrorist", Voice::Author),
                    ("karst-liberation-front", "rebel", Voice::Author),
                ],
            ),
            contribution(
                &lex,
                "fox",
                "2025-01",
                &[("turkey", "occupation-forces", Voice::Quote)],
            ),
            contribution(&lex, "huff", UNDATED, &[]),
        ];
        let mut one = Summary::with_fingerprint("x".into());
        for d in docs.iter().cloned() {
            one.add(&lex, d);
        }
        one.skip("invalid_json");
        let nyt = &one.sources["nyt"]["2024-12"].actors;
        assert_eq!(nyt["(unnamed)"].terms["terrorist"][&Voice::Author], 1);
        assert_eq!(
            nyt["karst-liberation-front"].terms["rebel"][&Voice::Author],
            1
        );
        assert_eq!(
            one.actor_names["karst-liberation-front"],
            "KARST-LIBERATION-FRONT (not in the lexicon)"
        );
        assert!(one.unlisted.contains("karst-liberation-front") && one.unlisted.len() == 1);
        for split in 0..=docs.len() {
            let mut a = Summary::with_fingerprint("x".into());
            let mut b = Summary::with_fingerprint("x".into());
            for d in &docs[..split] {
                a.add(&lex, d.clone());
            }
            for d in &docs[split..] {
                b.add(&lex, d.clone());
            }
            b.skip("invalid_json");
            let mut ab = a.clone();
            ab.merge(b.clone(), "a", "b").unwrap();
            assert_eq!(ab.to_json(), one.to_json(), "split at {split}");
            let mut ba = b;
            ba.merge(a, "b", "a").unwrap();
            assert_eq!(ba.to_json(), one.to_json(), "reversed, split at {split}");
        }
    }

    #[test]
    fn json_round_trips() {
        let lex = Lexicon::bundled().unwrap();
        let mut s = Summary::with_fingerprint("x".into());
        s.add(
            &lex,
            contribution(
                &lex,
                "fox",
                "2024-12",
                &Voice::ALL.map(|v| ("hts", "terrorist", v)),
            ),
        );
        let json = s.to_json();
        // Voices are written by name, and every name is read back.
        let counts = "\"author\": 1,\n          \"quote\": 1,\n          \"reported\": 1,\n          \"scare\": 1\n";
        assert!(
            json.contains(&format!("\"voices\": {{\n          {counts}")),
            "{json}"
        );
        let back = Summary::from_json("s.json", &json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn an_unknown_voice_is_refused_at_its_place() {
        let lex = Lexicon::bundled().unwrap();
        let mut s = Summary::with_fingerprint("x".into());
        s.add(
            &lex,
            contribution(
                &lex,
                "fox",
                "2024-12",
                &[("hts", "terrorist", Voice::Quote)],
            ),
        );
        let json = s.to_json();
        let e = Summary::from_json(
            "s.json",
            &json.replace("\"quote\": 1\n        }", "\"narrator\": 1\n        }"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json: unknown voice \"narrator\" at .sources[\"fox\"][\"2024-12\"].voices; the voices \
             a summary counts are author, quote, reported and scare"
        );
        let e = Summary::from_json("s.json", &json.replace("\"quote\"", "\"Quote\"")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json: unknown voice \"Quote\" at .sources[\"fox\"][\"2024-12\"].voices; the voices \
             a summary counts are author, quote, reported and scare"
        );
        let only_in_a_term = json.replace(
            "\"quote\": 1\n              }",
            "\"quote\": 1,\n              \"\\n\": 1\n              }",
        );
        let e = Summary::from_json("s.json", &only_in_a_term).unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json: unknown voice \"\\n\" at .sources[\"fox\"][\"2024-12\"].actors[\"hts\"].terms[\"terrorist\"]; \
             the voices a summary counts are author, quote, reported and scare"
        );
    }

    #[test]
    fn refuses_other_lexicons_versions_and_files() {
        let mut a = Summary::with_fingerprint("aaaaaaaaaaaaaaaa".into());
        let b = Summary::with_fingerprint("bbbbbbbbbbbbbbbb".into());
        let e = a.merge(b, "one.json", "two.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "two.json: made with a different lexicon than one.json (fingerprints bbbbbbbbbbbb… and \
             aaaaaaaaaaaa…); run every part with the same lexicon files"
        );
        // Version 1 counted unnamed and unlisted parties under "(none)": not mergeable either.
        for version in [99, 1] {
            let json = format!(r#"{{"format": "framelens-summary", "version": {version}}}"#);
            let e = Summary::from_json("x.json", &json).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("x.json: summary format version {version}, this framelens reads version 2")
            );
        }
        let e = Summary::from_json("h.json", r#"{"hits": []}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "h.json: not a framelens summary: no \"format\": \"framelens-summary\" field"
        );
    }

    #[test]
    fn the_fingerprint_follows_results_not_notes() {
        let lex = Lexicon::bundled().unwrap();
        let mut noted = lex.clone();
        noted.labels[0].note = Some("another note".into());
        assert_eq!(fingerprint(&lex), fingerprint(&noted));
        let mut changed = lex.clone();
        changed.labels[0].stance = -changed.labels[0].stance + 1;
        assert_ne!(fingerprint(&lex), fingerprint(&changed));
    }
}
