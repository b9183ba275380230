//! Comparing two sources: for every actor either names, the terms each applies (by voice), each
//! source's stance score and the difference, label swaps, terms a source uses only inside others'
//! speech, the verbs each source uses to introduce each speaker, actors only one mentions, and a
//! short plain-language summary of the largest differences with evidence sentences.
//!
//! The summary calls the sources "A" and "B" (the report header names them).
//! `compare(b, a)` is `compare(a, b)` with the sides swapped: every figure is computed per side and
//! the summary is ordered by a key that does not depend on which side is first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::analysis::voice::Voice;
use crate::analysis::{Article, Hit};
use crate::lexicon::{Kind, Lexicon, SourceFile};

/// A sentence that backs a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// Index of the sentence in the article (0-based).
    pub sentence: usize,
    /// Byte offset of the sentence in the article.
    pub sentence_start: usize,
    /// The sentence, from its first token to its last (shared with the hit).
    pub sentence_text: Arc<str>,
    /// The term as written in the article.
    pub hit: String,
    /// Byte offset of the term in the article as analysed (not a normalised copy).
    pub start: usize,
    /// Byte offset just past the term: `&article[start..end] == hit`.
    pub end: usize,
    /// Whose voice the term is in: the author's, a quote, reported speech or scare quotes.
    pub voice: Voice,
    /// The speaker as written; `None` in the author's voice, in scare quotes, or when the text
    /// names no speaker (a quote with no frame, a passive with no agent).
    pub speaker: Option<String>,
    /// The earlier phrase a pronoun or role-noun speaker was resolved to ("He" -> "Erdogan"),
    /// or the label that names the speaker's party.
    pub speaker_antecedent: Option<String>,
    /// The phrase describes more than one actor.
    #[serde(skip)]
    pub shared: bool,
}

impl Evidence {
    /// The evidence of one hit; `shared` when the hit describes more than one actor.
    pub fn of(h: &Hit) -> Evidence {
        Evidence {
            sentence: h.sentence,
            sentence_start: h.sentence_start,
            sentence_text: h.sentence_text.clone(),
            hit: h.text.clone(),
            start: h.start,
            end: h.end,
            voice: h.voice,
            speaker: h.speaker.clone(),
            speaker_antecedent: h.speaker_antecedent.clone(),
            shared: h.actors.len() > 1,
        }
    }

    /// The speaker for a sentence of prose: "He (Erdogan)".
    pub fn speaker_shown(&self) -> Option<String> {
        let s = self.speaker.as_ref()?;
        let shown = match &self.speaker_antecedent {
            Some(a) if a != s => format!("{s} ({a})"),
            _ => s.clone(),
        };
        Some(crate::text::shown(&shown).into_owned())
    }

    /// The speaker as a summary names it, once: the referent a pronoun or role noun was resolved
    /// to ("Erdogan" for "He"), else the speaker as written, with a document read as the party
    /// that issued it ("Syria's army command" for "A statement from Syria's army command").
    pub fn speaker_name(&self) -> Option<String> {
        let s = self.speaker.as_ref()?;
        let name = crate::text::shown(self.speaker_antecedent.as_deref().unwrap_or(s));
        Some(issuer_of_document(&name).to_owned())
    }
}

/// The speaker of the frame an attribution verb opens, named once: the phrase a pronoun or role
/// noun was resolved to ("Vasily Nebenzya" for "The envoy"), else the speaker as written ("the
/// Karst Liberation Front (KLF)", brackets and all), with a document read as the party that
/// issued it. `None` when the verb opens no frame.
fn framed_name(art: &Article, h: &Hit) -> Option<String> {
    let f = art
        .speech
        .iter()
        .find(|s| s.start < h.end && h.start < s.end)?;
    let name = crate::text::shown(f.resolved_from.as_deref().unwrap_or(&f.speaker));
    Some(issuer_of_document(&name).to_owned())
}

/// "A statement from Syria's army command" -> "Syria's army command": a document noun
/// ([`crate::analysis::words::DOCUMENT_NOUNS`]) after an article, followed by "from", "by" or
/// "of", stands for the party after it. Any other phrase is returned as it is.
fn issuer_of_document(speaker: &str) -> &str {
    let mut words = speaker.splitn(4, ' ');
    let (Some(det), Some(noun), Some(prep), Some(rest)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return speaker;
    };
    let det_ok = ["a", "an", "the"]
        .iter()
        .any(|d| det.eq_ignore_ascii_case(d));
    let noun_ok = crate::analysis::words::DOCUMENT_NOUNS.contains(noun.to_lowercase());
    let prep_ok = ["from", "by", "of"].contains(&prep);
    if det_ok && noun_ok && prep_ok && !rest.trim().is_empty() {
        rest.trim()
    } else {
        speaker
    }
}

/// One term as one source applies it to one actor.
#[derive(Clone, Debug, Serialize)]
pub struct TermUse {
    /// Lexicon entry id.
    pub term: String,
    /// The words as the article wrote them, distinct, in order of first use; each run of
    /// whitespace (a line break, Markdown's blanked markup) is one space. The exact slices are
    /// in `evidence`.
    pub written: Vec<String>,
    /// The uses of each wording (spellings that differ only in case are one, shown in lower case
    /// when the article writes it so), in order of first use: "terror organization" and
    /// "terrorist organization" are two wordings of one entry.
    pub forms: Vec<FormUse>,
    /// Category path of the entry (`delegitimizing/terrorism`).
    pub category: String,
    /// Stance of the entry, -2 .. +2: how the term casts the actor.
    pub stance: i8,
    /// What the entry names: a label, an act, an attribution verb or a distancing marker.
    pub kind: Kind,
    /// Uses by voice; a voice with no use is absent.
    pub by_voice: BTreeMap<Voice, usize>,
    /// Uses in every voice (the sum of `by_voice`).
    pub total: usize,
    /// Every use, in text order.
    pub evidence: Vec<Evidence>,
}

/// The uses of one wording of a term.
#[derive(Clone, Debug, Serialize)]
pub struct FormUse {
    /// The words, as [`TermUse::written`] gives them.
    pub words: String,
    /// Uses by voice; a voice with no use is absent.
    pub by_voice: BTreeMap<Voice, usize>,
}

/// How one source treats one actor.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Side {
    /// How many times the source mentions the actor, in any form (name, adjective, pronoun ...).
    pub mentions: usize,
    /// The terms the source applies to the actor, one per lexicon entry, in order of first use.
    pub terms: Vec<TermUse>,
    /// Mean stance of the terms in the source's own voice.
    pub author_stance: Option<f64>,
    /// Mean stance of the terms in quoted, reported or scare-quoted speech.
    pub others_stance: Option<f64>,
    /// Terms the source applies to this actor only inside others' speech.
    pub only_in_others_speech: Vec<String>,
    /// Set when this source never names the actor: the article its terms were tied through
    /// (see `crate::story`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred_from: Option<String>,
}

/// A term one source uses in its own voice for an actor where the other uses a different one.
#[derive(Clone, Debug, Serialize)]
pub struct Swap {
    /// Entry id of A's term.
    pub a_term: String,
    /// The words as A first wrote them, in lower case.
    pub a: String,
    /// Stance of A's entry, -2 .. +2.
    pub a_stance: i8,
    /// Entry id of B's term.
    pub b_term: String,
    /// The words as B first wrote them, in lower case.
    pub b: String,
    /// Stance of B's entry, -2 .. +2.
    pub b_stance: i8,
}

/// One actor, both sides.
#[derive(Clone, Debug, Serialize)]
pub struct ActorDiff {
    /// Actor id: a lexicon actor's, or that of a party no lexicon lists.
    pub actor: String,
    /// The actor's name in the lexicon given (with the article's parties added: "X (not in the
    /// lexicon)", "unnamed party 1 (...)"), else its id.
    pub name: String,
    /// How source A treats the actor.
    pub a: Side,
    /// How source B treats the actor.
    pub b: Side,
    /// a.author_stance - b.author_stance, when both exist.
    pub author_stance_difference: Option<f64>,
    /// Terms one source uses in its own voice and the other does not, paired across the sides
    /// when of one kind and of different stances; the largest stance gap first.
    pub swaps: Vec<Swap>,
    /// For a party no lexicon lists: unlisted (named) or unnamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::analysis::discourse::Origin>,
}

/// The verbs one source uses to introduce one speaker.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerVerbs {
    /// Actor id the speaker resolves to, if any.
    pub speaker_actor: Option<String>,
    /// For a speaker that joins speakers of different parties ("Putin and Erdogan"), the party
    /// of each (see [`crate::analysis::SpeechOut::speaker_parties`]); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speaker_parties: Vec<String>,
    /// The speaker as shown: the antecedent of a pronoun or role noun (or the label that names
    /// the speaker's party), else as written, or
    /// "(not named)" for a passive with no agent. Spellings that differ only in case are one.
    pub speaker: String,
    /// Every reporting verb, as written, with counts.
    pub verbs: BTreeMap<String, usize>,
    /// The loaded ones (attribution entries of the lexicon: claimed, alleged ...).
    pub loaded: Vec<String>,
}

/// A plain-language statement about a difference, with evidence from both sides.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Actor id the finding is about; `None` for a phrase tied to several actors at once, and
    /// for loaded verbs tied to no actor.
    pub actor: Option<String>,
    /// The statement in plain language, calling the sources "A" and "B", with every term and
    /// speaker (the `--long` summary).
    pub text: String,
    /// The same finding in one short sentence: the two most used terms of each side and how many
    /// more, and each speaker named once (the summary a reader sees first).
    pub short: String,
    /// Evidence from source A (empty when A has none, as for a finding about B alone).
    pub evidence_a: Vec<Evidence>,
    /// Evidence from source B (empty when B has none, as for a finding about A alone).
    pub evidence_b: Vec<Evidence>,
    #[serde(skip)]
    weight: f64,
}

/// Summary figures of one source.
#[derive(Clone, Debug, Serialize)]
pub struct SourceInfo {
    /// The source's name (file stem, `--name-a`/`--name-b`, `stdin` ...).
    pub name: String,
    /// Words in the article (word and number tokens).
    pub words: usize,
    /// Terms found, in every voice.
    pub hits: usize,
    /// Hits per 1,000 words.
    pub density: f64,
    /// Terms found in the source's own voice.
    pub author_hits: usize,
}

/// The comparison of two sources.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// Version of the JSON output format (`crate::SCHEMA_VERSION`).
    pub schema_version: u32,
    /// Version of framelens that made the comparison.
    pub framelens_version: &'static str,
    /// The lexicon files loaded.
    pub lexicons: Vec<SourceFile>,
    /// Summary figures of source A.
    pub a: SourceInfo,
    /// Summary figures of source B.
    pub b: SourceInfo,
    /// Every actor either source mentions or applies a term to, in order of id.
    pub actors: Vec<ActorDiff>,
    /// The speakers A introduces, with its verbs for each, by actor id then speaker.
    pub speakers_a: Vec<SpeakerVerbs>,
    /// The speakers B introduces, with its verbs for each, by actor id then speaker.
    pub speakers_b: Vec<SpeakerVerbs>,
    /// Ids of the actors A mentions or applies a term to and B does not.
    pub only_in_a: Vec<String>,
    /// Ids of the actors B mentions or applies a term to and A does not.
    pub only_in_b: Vec<String>,
    /// At most 8 findings, the weightiest first.
    pub summary: Vec<Finding>,
}

fn mean(v: impl Iterator<Item = i8>) -> Option<f64> {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += f64::from(x);
        n += 1;
    }
    (n > 0).then(|| s / n as f64)
}

/// The terms one article applies to one actor, grouped by entry, in order of first use.
pub fn term_uses(art: &Article, actor: &str) -> Vec<TermUse> {
    let mut terms: Vec<TermUse> = Vec::new();
    for h in art.hits.iter().filter(|h| h.describes(actor)) {
        let i = match terms.iter().position(|t| *t.term == *h.term) {
            Some(i) => i,
            None => {
                terms.push(TermUse {
                    term: h.term.to_string(),
                    written: Vec::new(),
                    forms: Vec::new(),
                    category: h.category.to_string(),
                    stance: h.stance,
                    kind: h.kind,
                    by_voice: BTreeMap::new(),
                    total: 0,
                    evidence: Vec::new(),
                });
                terms.len() - 1
            }
        };
        let t = &mut terms[i];
        // The words as a reader sees them: "militant group" however the markup spaced it.
        let written = crate::text::shown(&h.text);
        if !t.written.iter().any(|w| w.eq_ignore_ascii_case(&written)) {
            t.written.push(written.to_string());
        }
        let lower = written.chars().next().is_some_and(char::is_lowercase);
        match t
            .forms
            .iter_mut()
            .find(|f| f.words.eq_ignore_ascii_case(&written))
        {
            Some(f) => {
                if lower && f.words.chars().next().is_some_and(char::is_uppercase) {
                    f.words = written.into_owned();
                }
                *f.by_voice.entry(h.voice).or_default() += 1;
            }
            None => t.forms.push(FormUse {
                words: written.into_owned(),
                by_voice: BTreeMap::from([(h.voice, 1)]),
            }),
        }
        *t.by_voice.entry(h.voice).or_default() += 1;
        t.total += 1;
        t.evidence.push(Evidence::of(h));
    }
    terms
}

fn side(art: &Article, actor: &str) -> Side {
    let hits: Vec<&Hit> = art.hits.iter().filter(|h| h.describes(actor)).collect();
    let terms = term_uses(art, actor);
    let labels = || hits.iter().filter(|h| h.counts_in_stance());
    let only_in_others_speech = terms
        .iter()
        .filter(|t| t.kind.counts_in_stance() && !t.by_voice.contains_key(&Voice::Author))
        .map(|t| t.term.clone())
        .collect();
    Side {
        mentions: art.mentions.iter().filter(|m| m.actor == actor).count(),
        author_stance: mean(
            labels()
                .filter(|h| h.voice == Voice::Author)
                .map(|h| h.stance),
        ),
        others_stance: mean(
            labels()
                .filter(|h| h.voice != Voice::Author)
                .map(|h| h.stance),
        ),
        terms,
        only_in_others_speech,
        inferred_from: art
            .parties
            .iter()
            .find(|p| p.id == actor)
            .and_then(|p| p.inferred_from.clone()),
    }
}

fn own_terms(s: &Side) -> Vec<&TermUse> {
    s.terms
        .iter()
        .filter(|t| t.kind.counts_in_stance() && t.by_voice.contains_key(&Voice::Author))
        .collect()
}

/// How a frame's speaker is shown: the antecedent a pronoun was resolved to, else the speaker as
/// written, or "(not named)" for a passive with no agent.
fn shown_speaker(s: &crate::analysis::SpeechOut) -> String {
    let shown = s.resolved_from.clone().unwrap_or_else(|| s.speaker.clone());
    let shown = crate::text::shown(without_full_stop(shown.trim())).into_owned();
    if shown.is_empty() {
        "(not named)".to_owned()
    } else {
        shown
    }
}

/// A speaker phrase that ran to the end of its sentence loses the sentence's full stop ("posted
/// on X." -> "posted on X"); an abbreviation keeps its own ("U.S.", "Ltd." after a dot inside).
fn without_full_stop(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(rest) if !rest.rsplit(' ').next().unwrap_or("").contains('.') => rest,
        _ => s,
    }
}

/// Whether `long` is `short` with a title before it, so both name one person: "Iraqi Prime
/// Minister Shia al-Sudani" and "Shia al-Sudani", "President Erdogan" and "Erdogan". Not when
/// what comes before is a list ("Putin and Erdogan"), a possessive or a clause.
fn titled_form_of(long: &str, short: &str) -> bool {
    let Some(title) = long.strip_suffix(short).and_then(|t| t.strip_suffix(' ')) else {
        return false;
    };
    let names = short.chars().next().is_some_and(char::is_uppercase);
    let plain_title = !title.is_empty()
        && !title.split(' ').any(|w| {
            matches!(
                w,
                "and"
                    | "or"
                    | "&"
                    | "of"
                    | "from"
                    | "for"
                    | "to"
                    | "at"
                    | "in"
                    | "on"
                    | "with"
                    | "by"
            ) || w.ends_with(',')
                || w.contains('\'')
        });
    names && plain_title
}

impl SpeakerVerbs {
    /// The ids of the parties the speaker stands for: every party of a joint speaker, else the
    /// one it resolves to, else none.
    pub fn parties(&self) -> Vec<&str> {
        if self.speaker_parties.is_empty() {
            self.speaker_actor.iter().map(String::as_str).collect()
        } else {
            self.speaker_parties.iter().map(String::as_str).collect()
        }
    }
}

/// Speakers of one party that name one person, one with a title and one without, become one row,
/// under the fuller name.
fn merge_titled(mut out: Vec<SpeakerVerbs>) -> Vec<SpeakerVerbs> {
    let mut i = 0;
    while i < out.len() {
        let into = (0..out.len()).find(|&j| {
            j != i
                && out[j].speaker_actor == out[i].speaker_actor
                && out[i].speaker_actor.is_some()
                && titled_form_of(&out[j].speaker, &out[i].speaker)
        });
        match into {
            Some(j) => {
                let short = out.remove(i);
                let j = if j > i { j - 1 } else { j };
                for (v, n) in short.verbs {
                    *out[j].verbs.entry(v).or_default() += n;
                }
                for l in short.loaded {
                    if !out[j].loaded.contains(&l) {
                        out[j].loaded.push(l);
                    }
                }
            }
            None => i += 1,
        }
    }
    out
}

fn speakers(art: &Article, lex: &Lexicon) -> Vec<SpeakerVerbs> {
    let mut out: Vec<SpeakerVerbs> = Vec::new();
    for s in &art.speech {
        let key = s.speaker_actor.clone();
        let shown = shown_speaker(s);
        let e = match out
            .iter_mut()
            .position(|o| o.speaker_actor == key && o.speaker.eq_ignore_ascii_case(&shown))
        {
            Some(i) => &mut out[i],
            None => {
                out.push(SpeakerVerbs {
                    speaker_actor: key.clone(),
                    speaker_parties: s.speaker_parties.clone(),
                    speaker: shown.clone(),
                    verbs: BTreeMap::new(),
                    loaded: Vec::new(),
                });
                out.last_mut().expect("just pushed")
            }
        };
        *e.verbs.entry(s.verb.to_lowercase()).or_default() += 1;
    }
    for h in art.hits.iter().filter(|h| h.kind == Kind::Attribution) {
        let Some(i) = art
            .speech
            .iter()
            .position(|s| s.start < h.end && h.start < s.end)
        else {
            continue;
        };
        let s = &art.speech[i];
        let shown = shown_speaker(s);
        if let Some(e) = out
            .iter_mut()
            .find(|o| o.speaker_actor == s.speaker_actor && o.speaker.eq_ignore_ascii_case(&shown))
        {
            let loaded = crate::text::shown(&h.text).to_lowercase();
            if !e.loaded.contains(&loaded) {
                e.loaded.push(loaded);
            }
        }
    }
    let _ = lex;
    let mut out = merge_titled(out);
    out.sort_by(|x, y| {
        x.speaker_actor
            .cmp(&y.speaker_actor)
            .then(x.speaker.cmp(&y.speaker))
    });
    out
}

/// How a term is shown in prose: a variant written in lower case if the article has one ("rebels"
/// rather than a sentence-initial "Rebels"), else as first written ("Syrian government").
pub fn shown(t: &TermUse) -> String {
    t.forms
        .iter()
        .map(|f| &f.words)
        .chain(&t.written)
        .find(|w| w.chars().next().is_some_and(char::is_lowercase))
        .or(t.written.first())
        .cloned()
        .unwrap_or_else(|| t.term.clone())
}

fn quoted_list(ts: &[&TermUse]) -> String {
    let mut words: Vec<String> = Vec::new();
    for t in ts {
        let w = format!("'{}'", shown(t));
        if !words.iter().any(|x| x.eq_ignore_ascii_case(&w)) {
            words.push(w);
        }
    }
    words.sort_by_key(|w| w.to_lowercase());
    join_words(&words)
}

fn join_words(words: &[String]) -> String {
    match words.len() {
        0 => String::new(),
        1 => words[0].clone(),
        n => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

fn first_evidence(ts: &[&TermUse], voice: Option<Voice>) -> Vec<Evidence> {
    let fits = |e: &&Evidence| voice.is_none_or(|v| e.voice == v);
    // The earliest use written as the word is shown ("'rebels'"), else the earliest use.
    let first_of = |word: &str, uses: &[&TermUse]| {
        let evs = || uses.iter().flat_map(|t| t.evidence.iter()).filter(fits);
        let written =
            |e: &&Evidence| format!("'{}'", crate::text::shown(&e.hit)).eq_ignore_ascii_case(word);
        evs()
            .filter(written)
            .min_by_key(|e| e.start)
            .or_else(|| evs().min_by_key(|e| e.start))
            .cloned()
    };
    // One sentence for each word the short finding names, so that its references show them.
    let mut ev: Vec<Evidence> = Vec::new();
    for (_, word, uses) in ranked(ts, voice).iter().take(2) {
        if let Some(e) = first_of(word, uses)
            && !ev.iter().any(|x| x.sentence == e.sentence)
        {
            ev.push(e);
        }
    }
    // Then the earliest others, up to two sentences.
    let mut rest: Vec<&Evidence> = ts
        .iter()
        .flat_map(|t| t.evidence.iter())
        .filter(fits)
        .collect();
    rest.sort_by_key(|e| e.start);
    for e in rest {
        if ev.len() >= 2 {
            break;
        }
        if !ev.iter().any(|x| x.sentence == e.sentence) {
            ev.push(e.clone());
        }
    }
    ev.sort_by_key(|e| e.start);
    ev
}

/// "'a' and 'b' (quote by X), 'c' (reported by Y)": others' uses grouped by voice and speaker.
fn describe_others(ts: &[&TermUse]) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut evs: Vec<&Evidence> = ts.iter().flat_map(|t| t.evidence.iter()).collect();
    evs.sort_by_key(|e| e.start);
    for e in evs {
        let who = e.speaker_name().unwrap_or_else(|| match e.voice {
            Voice::Scare => "no one".into(),
            _ => "an unnamed speaker".into(),
        });
        let key = match e.voice {
            Voice::Scare => "in scare quotes".to_owned(),
            v => format!("{} by {who}", v.as_str()),
        };
        let hit = format!("'{}'", crate::text::shown(&e.hit));
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => {
                if !g.1.contains(&hit) {
                    g.1.push(hit);
                }
            }
            None => groups.push((key, vec![hit])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(k, hits)| format!("{} ({k})", join_words(&hits)))
        .collect();
    parts.join("; ")
}

/// "'a', 'b' and 3 more": the two terms used most (ties in the order of `quoted_list`), and how
/// many others there are.
/// `voice`: rank by the uses in that voice (the outlet's own), else by every use.
fn few(ts: &[&TermUse], voice: Option<Voice>) -> String {
    let words = ranked(ts, voice);
    let more = words.len().saturating_sub(2);
    let top: Vec<String> = words.into_iter().take(2).map(|x| x.1).collect();
    match more {
        0 => join_words(&top),
        n => format!("{} and {n} more", top.join(", ")),
    }
}

/// The words of `ts` as shown ("'rebels'"), most used first (in `voice`, else in all), ties in
/// alphabetical order: (uses, words, the terms written so).
fn ranked<'t>(ts: &[&'t TermUse], voice: Option<Voice>) -> Vec<(usize, String, Vec<&'t TermUse>)> {
    let mut words: Vec<(usize, String, Vec<&TermUse>)> = Vec::new();
    for &t in ts {
        let w = format!("'{}'", shown(t));
        let n = voice.map_or(t.total, |v| t.by_voice.get(&v).copied().unwrap_or(0));
        match words.iter_mut().find(|x| x.1.eq_ignore_ascii_case(&w)) {
            Some(x) => {
                x.0 += n;
                x.2.push(t);
            }
            None => words.push((n, w, vec![t])),
        }
    }
    words.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then_with(|| x.1.to_lowercase().cmp(&y.1.to_lowercase()))
    });
    words
}

/// The speakers of others' uses, each named once ([`Evidence::speaker_name`]), in order of first
/// use; "unnamed" when none is named.
fn speaker_names(ts: &[&TermUse]) -> String {
    let mut evs: Vec<&Evidence> = ts.iter().flat_map(|t| t.evidence.iter()).collect();
    evs.sort_by_key(|e| e.start);
    let mut names: Vec<String> = Vec::new();
    for e in evs.iter().filter(|e| e.voice != Voice::Author) {
        let n = match (e.voice, e.speaker_name()) {
            (_, Some(n)) => n,
            (Voice::Scare, None) => "scare quotes".to_owned(),
            (_, None) => "unnamed".to_owned(),
        };
        if !names.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
            names.push(n);
        }
    }
    once_each(names).join(", ")
}

/// Names with a titled and a bare form of one person kept once, under the fuller
/// ([`titled_form_of`]), in order of first use.
fn once_each(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if out
            .iter()
            .any(|o| o.eq_ignore_ascii_case(&n) || titled_form_of(o, &n))
        {
            continue;
        }
        match out.iter().position(|o| titled_form_of(&n, o)) {
            Some(i) => out[i] = n,
            None => out.push(n),
        }
    }
    out
}

/// The short form of an actor finding: each side's own words, then the words it uses only
/// inside others' (a side with none is left out).
fn short_actor_finding(
    d: &ActorDiff,
    [an, bn]: [&str; 2],
    own: [&[&TermUse]; 2],
    others: [&[&TermUse]; 2],
) -> String {
    let st = [d.a.author_stance, d.b.author_stance];
    let side = |i: usize| {
        format!(
            "{} (mean {})",
            few(own[i], Some(Voice::Author)),
            fmt_stance(st[i])
        )
    };
    let mut s = match (own[0].is_empty(), own[1].is_empty()) {
        (true, true) => format!(
            "{}: neither uses a loaded term for it in its own voice.",
            d.name
        ),
        (false, true) => format!(
            "{}: in its own voice {an} uses {}; {bn} uses no loaded term.",
            d.name,
            side(0)
        ),
        (true, false) => format!(
            "{}: in its own voice {bn} uses {}; {an} uses no loaded term.",
            d.name,
            side(1)
        ),
        (false, false) => format!(
            "{}: in its own voice {an} uses {}, {bn} {}.",
            d.name,
            side(0),
            side(1)
        ),
    };
    let quoted: Vec<String> = [an, bn]
        .iter()
        .zip(others)
        .filter(|(_, o)| !o.is_empty())
        .map(|(n, o)| format!("{n} {} ({})", few(o, None), speaker_names(o)))
        .collect();
    if !quoted.is_empty() {
        s.push_str(&format!(" Only in others' words: {}.", quoted.join("; ")));
    }
    s
}

fn fmt_stance(s: Option<f64>) -> String {
    s.map_or_else(|| "none".into(), |v| format!("{v:+.1}"))
}

/// The findings about one actor, worded from side `x` (named `xn`) against side `y`.
fn actor_findings(d: &ActorDiff, an: &str, bn: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let own_a = own_terms(&d.a);
    let own_b = own_terms(&d.b);
    fn others(s: &Side) -> Vec<&TermUse> {
        s.terms
            .iter()
            .filter(|t| s.only_in_others_speech.contains(&t.term) && t.stance < 0)
            .collect()
    }
    let (oa, ob) = (others(&d.a), others(&d.b));
    if own_a.is_empty() && own_b.is_empty() && oa.is_empty() && ob.is_empty() {
        return out;
    }
    // A side whose only own-voice terms for this actor are phrases shared with other actors is
    // already told by the shared-phrase finding.
    let shared_only = |s: &Side, own: &[&TermUse], others: &[&TermUse]| {
        !own.is_empty()
            && others.is_empty()
            && s.terms
                .iter()
                .filter(|t| t.kind.counts_in_stance())
                .all(|t| t.evidence.iter().all(|e| e.shared))
    };
    if (shared_only(&d.a, &own_a, &oa) && own_b.is_empty() && ob.is_empty())
        || (shared_only(&d.b, &own_b, &ob) && own_a.is_empty() && oa.is_empty())
    {
        return out;
    }
    let diff = match (d.a.author_stance, d.b.author_stance) {
        (Some(x), Some(y)) => (x - y).abs(),
        (Some(x), None) | (None, Some(x)) => x.abs(),
        _ => 0.0,
    };
    let count = (own_a.len() + own_b.len() + oa.len() + ob.len()) as f64;
    let mut text = String::new();
    let say = |n: &str, own: &[&TermUse], st: Option<f64>| -> String {
        if own.is_empty() {
            format!("{n} uses no loaded term for {} in its own voice", d.name)
        } else if own.iter().all(|t| t.kind == Kind::Label) {
            format!(
                "{n} calls {} {} in its own voice (mean stance {})",
                d.name,
                quoted_list(own),
                fmt_stance(st)
            )
        } else {
            format!(
                "in its own voice {n} uses {} for {} (mean stance {})",
                quoted_list(own),
                d.name,
                fmt_stance(st)
            )
        }
    };
    text.push_str(&say(an, &own_a, d.a.author_stance));
    text.push_str("; ");
    text.push_str(&say(bn, &own_b, d.b.author_stance));
    for (n, o) in [(an, &oa), (bn, &ob)] {
        if !o.is_empty() {
            text.push_str(&format!(
                "; only inside others' words, {n} uses {}",
                describe_others(o)
            ));
        }
    }
    text.push('.');
    let mut chars = text.chars();
    if let Some(c) = chars.next() {
        text = c.to_uppercase().chain(chars).collect();
    }
    let short = short_actor_finding(d, [an, bn], [&own_a, &own_b], [&oa, &ob]);
    let mut ev_a = first_evidence(&own_a, Some(Voice::Author));
    ev_a.extend(first_evidence(&oa, None));
    let mut ev_b = first_evidence(&own_b, Some(Voice::Author));
    ev_b.extend(first_evidence(&ob, None));
    out.push(Finding {
        actor: Some(d.actor.clone()),
        text,
        short,
        evidence_a: ev_a,
        evidence_b: ev_b,
        weight: diff * 2.0 + count,
    });
    out
}

/// A phrase that one source ties to several actors at once ("both Turkey and the US maintain
/// occupation forces").
fn shared_findings(art: &Article, name: &str, lex: &Lexicon, first: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for h in art
        .hits
        .iter()
        .filter(|h| h.actors.len() > 1 && h.voice == Voice::Author && h.stance < 0)
    {
        let names: Vec<String> = h
            .actors
            .iter()
            .map(|a| {
                lex.actor(a)
                    .map_or_else(|| a.to_string(), |x| x.name.clone())
            })
            .collect();
        let text = format!(
            "{name} applies '{}' to {} at once, in its own voice.",
            crate::text::shown(&h.text).to_lowercase(),
            join_words(&names)
        );
        let ev = vec![Evidence::of(h)];
        out.push(Finding {
            actor: None,
            short: text.clone(),
            text,
            evidence_a: if first { ev.clone() } else { Vec::new() },
            evidence_b: if first { Vec::new() } else { ev },
            weight: 3.0 + f64::from(-h.stance),
        });
    }
    out
}

fn verb_findings(an: &str, bn: &str, lex: &Lexicon, a: &Article, b: &Article) -> Vec<Finding> {
    let mut out = Vec::new();
    for (n, art, first) in [(an, a, true), (bn, b, false)] {
        // Loaded attribution terms, grouped by the actor whose words or stance they frame.
        let mut groups: Vec<(Option<Arc<str>>, Vec<&Hit>)> = Vec::new();
        for h in art.hits.iter().filter(|h| h.kind == Kind::Attribution) {
            let key = h.actors.first().cloned();
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.1.push(h),
                None => groups.push((key, vec![h])),
            }
        }
        for (actor, hits) in groups {
            let mut who: Vec<String> = Vec::new();
            let mut verbs: Vec<String> = Vec::new();
            for h in &hits {
                // A passive ("was accused of") frames no one by name.
                if let Some(s) = framed_name(art, h)
                    && !s.trim().is_empty()
                    && !who.contains(&s)
                {
                    who.push(s);
                }
                let v = format!("'{}'", crate::text::shown(&h.text).to_lowercase());
                if !verbs.contains(&v) {
                    verbs.push(v);
                }
            }
            let name = actor
                .as_ref()
                .and_then(|id| lex.actor(id))
                .map(|x| x.name.clone());
            let names = once_each(who);
            let whose = match (names.is_empty(), &name) {
                (false, Some(nm)) => format!("{} ({nm})", join_words(&names)),
                (false, None) => join_words(&names),
                (true, Some(nm)) => nm.clone(),
                (true, None) => "an unnamed speaker".into(),
            };
            let short = format!(
                "{n} frames {whose} with {} rather than a neutral 'said'.",
                join_words(&verbs)
            );
            let text = format!(
                "{n} frames what {whose} {} with {}: {}, where a neutral 'said' was available.",
                if names.len() > 1 {
                    "say or do"
                } else {
                    "says or does"
                },
                join_words(&verbs),
                if verbs.len() == 1 {
                    "a word that casts doubt or blame"
                } else {
                    "words that cast doubt or blame"
                }
            );
            let ev: Vec<Evidence> = hits.iter().map(|h| Evidence::of(h)).collect();
            out.push(Finding {
                actor: actor.map(|a| a.to_string()),
                text,
                short,
                evidence_a: if first { ev.clone() } else { Vec::new() },
                evidence_b: if first { Vec::new() } else { ev },
                weight: 4.5,
            });
        }
    }
    out
}

/// Compares article `a` with article `b`.
pub fn compare(lex: &Lexicon, a: &Article, b: &Article) -> Comparison {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for art in [a, b] {
        ids.extend(
            art.hits
                .iter()
                .flat_map(|h| h.actors.iter().map(|a| a.to_string())),
        );
        ids.extend(art.mentions.iter().map(|m| m.actor.clone()));
    }
    let mut actors = Vec::new();
    let mut only_in_a = Vec::new();
    let mut only_in_b = Vec::new();
    for id in &ids {
        let sa = side(a, id);
        let sb = side(b, id);
        let in_a = sa.mentions > 0 || !sa.terms.is_empty();
        let in_b = sb.mentions > 0 || !sb.terms.is_empty();
        if in_a && !in_b {
            only_in_a.push(id.clone());
        }
        if in_b && !in_a {
            only_in_b.push(id.clone());
        }
        let own_a = own_terms(&sa);
        let own_b = own_terms(&sb);
        let a_only: Vec<&&crate::diff::TermUse> = own_a
            .iter()
            .filter(|t| !own_b.iter().any(|u| u.term == t.term))
            .collect();
        let b_only: Vec<&&crate::diff::TermUse> = own_b
            .iter()
            .filter(|t| !own_a.iter().any(|u| u.term == t.term))
            .collect();
        let mut swaps = Vec::new();
        for x in &a_only {
            for y in &b_only {
                if x.stance != y.stance && x.kind == y.kind {
                    swaps.push(Swap {
                        a_term: x.term.clone(),
                        a: x.written[0].to_lowercase(),
                        a_stance: x.stance,
                        b_term: y.term.clone(),
                        b: y.written[0].to_lowercase(),
                        b_stance: y.stance,
                    });
                }
            }
        }
        swaps.sort_by(|x, y| {
            (y.a_stance - y.b_stance)
                .abs()
                .cmp(&(x.a_stance - x.b_stance).abs())
                .then(x.a.cmp(&y.a))
                .then(x.b.cmp(&y.b))
        });
        let diff = match (sa.author_stance, sb.author_stance) {
            (Some(x), Some(y)) => Some(x - y),
            _ => None,
        };
        actors.push(ActorDiff {
            actor: id.clone(),
            name: lex.actor(id).map_or_else(|| id.clone(), |x| x.name.clone()),
            a: sa,
            b: sb,
            author_stance_difference: diff,
            swaps,
            origin: [a, b]
                .iter()
                .flat_map(|art| &art.parties)
                .find(|p| p.id == *id && p.inferred_from.is_none())
                .map(|p| p.origin),
        });
    }
    let speakers_a = speakers(a, lex);
    let speakers_b = speakers(b, lex);
    let mut summary = Vec::new();
    for d in &actors {
        summary.extend(actor_findings(d, "A", "B"));
    }
    summary.extend(shared_findings(a, "A", lex, true));
    summary.extend(shared_findings(b, "B", lex, false));
    summary.extend(verb_findings("A", "B", lex, a, b));
    // Order by weight, then by a key that is the same whichever side is first.
    summary.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then_with(|| x.actor.cmp(&y.actor))
            .then_with(|| sym_key(x).cmp(&sym_key(y)))
    });
    summary.truncate(8);
    let info = |art: &Article| SourceInfo {
        name: art.name.clone(),
        words: art.profile.words,
        hits: art.profile.hits,
        density: art.profile.density,
        author_hits: art.hits.iter().filter(|h| h.voice == Voice::Author).count(),
    };
    Comparison {
        schema_version: crate::SCHEMA_VERSION,
        framelens_version: env!("CARGO_PKG_VERSION"),
        lexicons: lex.files.clone(),
        a: info(a),
        b: info(b),
        actors,
        speakers_a,
        speakers_b,
        only_in_a,
        only_in_b,
        summary,
    }
}

/// A key of a finding that does not change when the sides are swapped.
fn sym_key(f: &Finding) -> (usize, usize, String) {
    let mut ev: Vec<usize> = f
        .evidence_a
        .iter()
        .chain(&f.evidence_b)
        .map(|e| e.start)
        .collect();
    ev.sort();
    (
        f.evidence_a.len().max(f.evidence_b.len()),
        f.evidence_a.len().min(f.evidence_b.len()),
        format!("{ev:?}"),
    )
}

#[cfg(test)]
mod tests {
    use super::{framed_name, issuer_of_document, titled_form_of, without_full_stop};
    use crate::Lexicon;

    /// One person with a title and without; rows that are not one person.
    #[test]
    fn a_titled_name_is_the_same_person() {
        let rows = [
            (
                "Iraqi Prime Minister Shia al-Sudani",
                "Shia al-Sudani",
                true,
            ),
            ("President Erdogan", "Erdogan", true),
            ("Russian President Vladimir Putin", "Vladimir Putin", true),
            // A list, a possessive, a clause, no title, or no name.
            ("Putin and Erdogan", "Erdogan", false),
            (
                "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan",
                "Recep Tayyip Erdogan",
                false,
            ),
            ("the statement from Erdogan", "Erdogan", false),
            ("Erdogan's office", "office", false),
            ("Erdogan", "Erdogan", false),
            ("the ministry", "ministry", false),
            ("The spokesman for Hamas", "Hamas", false),
        ];
        for (long, short, want) in rows {
            assert_eq!(titled_form_of(long, short), want, "{long} / {short}");
        }
    }

    #[test]
    fn a_speaker_loses_the_full_stop_of_its_sentence() {
        let rows = [
            ("the statement posted on X.", "the statement posted on X"),
            ("U.S.", "U.S."),
            ("officials in the U.S.", "officials in the U.S."),
            ("Fidan", "Fidan"),
        ];
        for (s, want) in rows {
            assert_eq!(without_full_stop(s), want, "{s}");
        }
    }

    /// A document stands for the party that issued it; any other speaker is left as written.
    #[test]
    fn a_document_speaker_is_its_issuer() {
        let rows = [
            (
                "A statement from Syria's army command",
                "Syria's army command",
            ),
            ("the communiqué of the Élysée", "the Élysée"),
            ("a declaration by the African Union", "the African Union"),
            ("The statement from the RSF", "the RSF"),
            // Not a document, or not "from/by/of": as written.
            ("A spokesman for the army", "A spokesman for the army"),
            ("the report from Gaza", "the report from Gaza"),
            ("A statement", "A statement"),
            ("statement from the army", "statement from the army"),
            ("Putin", "Putin"),
        ];
        for (speaker, want) in rows {
            assert_eq!(issuer_of_document(speaker), want, "{speaker}");
        }
    }

    /// The speaker an attribution verb frames, named once: (article, verb, name).
    #[test]
    fn a_frame_speaker_is_named_once() {
        let an = crate::Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        let rows = [
            (
                "Russia's UN envoy Vasily Nebenzya spoke on Monday. The envoy claimed the \
                 rebels were armed abroad.",
                "claimed",
                "Vasily Nebenzya",
            ),
            (
                "Erdogan spoke on Monday. He claimed the rebels were armed abroad.",
                "claimed",
                "Erdogan",
            ),
            (
                "A statement from Syria's army command claimed the rebels were armed abroad.",
                "claimed",
                "Syria's army command",
            ),
            // The speaker's own bracketed acronym is kept: it is no resolved name.
            (
                "The Karst Liberation Front (KLF) claimed the army shelled the villages.",
                "claimed",
                "The Karst Liberation Front (KLF)",
            ),
        ];
        for (text, verb, want) in rows {
            let art = an.analyze("t", text);
            let h = art
                .hits
                .iter()
                .find(|h| h.text == verb)
                .unwrap_or_else(|| panic!("no '{verb}' in {text}"));
            assert_eq!(framed_name(&art, h).as_deref(), Some(want), "{text}");
        }
    }
}
