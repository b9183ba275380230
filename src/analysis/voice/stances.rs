//! Stances and topics: who the text says is for or against something ("Clinton supported the
//! bill", "Union leaders opposed the deal"), or talked about it ("Sanders spoke about the
//! debt", "referring to Clinton's successor"), with a noun phrase where a speech frame would
//! have a clause.
//!
//! Attribution corpora count these as attributions (PolNeAR and PARC attribute positions and
//! topics as well as words), and a reader of framing wants to know who is reported as taking
//! which side. But the noun phrase is the outlet's description of the position, not the
//! subject's wording: "Russia supported the Assad regime" does not put "regime" in Russia's
//! mouth. So these structures are found with the subject rules of speech frames
//! ([`super::frames::frame_at`]) and kept apart from them: they never paint a token's voice.
//!
//! What it does not do: read a position held by a noun ("support for the bill", "his
//! opposition to the war"); read a passive ("was supported by"); tell the physical sense of a
//! verb from the verbal one beyond leaving out the verbs whose first sense in conflict news is
//! physical (`crate::analysis::words::OBJECT_VERBS`); or parse the object: it runs to the
//! first punctuation mark, subordinator or adjunct of time that ends a noun phrase.

use std::ops::Range;

use super::frames::{frame_at, new_frame, noun_phrase_before, verb_group_start};
use super::model::{Ctx, Frame, FrameKind, RawQuote};
use super::scope::{name_before_insertions, opening_subject, opens_no_subject};
use crate::analysis::words::{BE_FORMS, CLAUSE_WORDS, ObjectVerbs, object_verb};
use crate::text::{WordSet, is_calendar_word, is_quote_token};

/// Words that cannot open the object of a verb of position or topic: a clause, an infinitive,
/// the agent of a passive, or an adjunct ("supported by", "opposed to", "spoke on Tuesday").
static NOT_AN_OBJECT: WordSet = WordSet::new(&[
    "that", "to", "by", "as", "for", "with", "from", "in", "on", "at", "during", "after", "before",
    "while", "when", "if", "whether", "among", "out", "up", "down", "away", "back", "off", "again",
    "also", "too", "here", "there", "now", "then", "so", "and", "or", "but", "not", "later",
    "earlier", "often", "never", "once", "still", "even", "just", "months", "years", "weeks",
    "days", "hours", "decades",
]);

/// Prepositions an object does not end with: "welcomed the operation on Sunday" ends before
/// "Sunday", and the object before "on".
static NOT_LAST: WordSet = WordSet::new(&[
    "on", "in", "at", "by", "for", "with", "of", "to", "from", "the", "a", "an", "and", "or",
]);

/// Words before a verb's bare or -s form that make it a verb, not a noun ("they support", "who
/// opposes", but "broad support", "the mere mention").
static SUBJECT_WORDS: WordSet = WordSet::new(&[
    "i", "you", "we", "they", "he", "she", "it", "who", "that", "which", "most", "many", "some",
    "both", "all", "others",
]);

/// Words that end the object's noun phrase: subordinators and adjuncts of time and cause. A
/// relative clause ("the bill that Congress passed") stays in it.
static ENDS_OBJECT: WordSet = WordSet::new(&[
    "but",
    "during",
    "amid",
    "after",
    "before",
    "since",
    "until",
    "despite",
    "following",
    "because",
    "yesterday",
    "today",
    "tonight",
]);

/// Punctuation that ends the object's noun phrase.
static ENDS_OBJECT_MARKS: WordSet = WordSet::new(&[
    ",", ";", ":", ".", "?", "!", "(", ")", "[", "]", "—", "–", "--", "…",
]);

/// The kind of structure a stance frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StanceKind {
    /// A verb of taking a position with its object: "supported the bill".
    Position,
    /// A verb of speaking about something with its topic: "talked about taxes".
    Topic,
}

/// Whether the frame `f` of [`super::Voices::stances`] is a position or a topic.
pub fn stance_kind(cx_text: &str, f: &Frame) -> StanceKind {
    let verb = f.verb.slice(cx_text).to_lowercase();
    let first = verb.split_whitespace().next().unwrap_or("");
    if object_verb(first).is_some_and(|c| c.topic) {
        StanceKind::Topic
    } else {
        StanceKind::Position
    }
}

/// Finds the stances and topics of the sentence `si` (tokens `r`), whose speech frames are
/// `frames`: a verb of position or topic that opened no speech frame, with a subject the
/// speech-frame rules find before it (or share from the frame before it), and a noun phrase
/// after it (after the preposition, for a topic).
pub(super) fn find_stances(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    quotes: &[RawQuote],
    frames: &[Frame],
    out: &mut Vec<Frame>,
) {
    // A question asks about a position; it states none ("Do you support Ted Cruz?").
    if question(cx, r) {
        return;
    }
    for v in r.clone() {
        let w = cx.word(v);
        let Some(class) = object_verb(w) else {
            continue;
        };
        if frames.iter().any(|f| f.verb_tokens.contains(&v))
            || in_a_name(cx, r, v)
            || passive(cx, r, v)
            || !verb_not_noun(cx, r, v, class)
        {
            continue;
        }
        let Some(o) = object_start(cx, r, v, class.prepositions) else {
            continue;
        };
        let Some(mut f) = subject_frame(cx, si, r, v, quotes, frames) else {
            continue;
        };
        f.scope = o..object_end(cx, o, r.end);
        f.verb_tokens = v..o;
        f.verb = cx.span(&(v..o));
        out.push(f);
    }
}

/// Whether the word at `v` is part of a name or a compound, not a verb: inside an actor's
/// mention ("Rapid Support Forces"), capitalised inside a sentence that is not in title case
/// ("the Syrian Support Group", but "Trump Supports Ban"), or joined to the word before by a
/// hyphen ("Iran-backed", "U.S.-supported").
fn in_a_name(cx: &Ctx, r: &Range<usize>, v: usize) -> bool {
    let tok = cx.seg.tokens[v].span;
    let i = cx.mentions.partition_point(|m| m.span.start <= tok.start);
    let in_mention = i > 0 && cx.mentions[i - 1].span.contains(tok);
    let capital = v > r.start && cx.first_char(v).is_uppercase() && !title_case(cx, r);
    let hyphen = cx.text[..tok.start].ends_with(['-', '\u{2010}', '\u{2011}']);
    in_mention || capital || hyphen
}

/// Whether most words of the sentence `r` open with a capital letter, as a headline in title
/// case or in capitals does.
fn title_case(cx: &Ctx, r: &Range<usize>) -> bool {
    let words = r.clone().filter(|&k| !cx.is_punct(k));
    let (n, capital) = words.fold((0, 0), |(n, c), k| {
        (n + 1, c + usize::from(cx.first_char(k).is_uppercase()))
    });
    capital * 5 > n * 3
}

/// Whether the sentence `r` is a question: its last mark, before any closing quotation mark,
/// is "?".
fn question(cx: &Ctx, r: &Range<usize>) -> bool {
    r.clone()
        .rev()
        .find(|&k| !(cx.is_punct(k) && is_quote_token(cx.word(k))))
        .is_some_and(|k| cx.word(k) == "?")
}

/// Whether the verb at `v` (of `class`) is read as a verb: a past form or one in -ing always;
/// a bare or -s form
/// ("support", "supports", which are nouns too) only after an auxiliary or adverb of its verb
/// group ("will oppose", "largely supports"), a subject pronoun, relative or quantifier, or a
/// name; a bare form also after a plural noun ("unions oppose", but "broad support").
fn verb_not_noun(cx: &Ctx, r: &Range<usize>, v: usize, class: &ObjectVerbs) -> bool {
    let w = cx.word(v);
    // A form in -s, or a bare form: one whose past or -s form is in its class ("spoke" is no
    // noun).
    let bare = ["ed", "d", "s"]
        .iter()
        .any(|e| class.verbs.contains(format!("{w}{e}")));
    if !(w.ends_with('s') || bare) || w.ends_with("ed") || w.ends_with("ing") {
        return true;
    }
    let (b, _) = verb_group_start(cx, r, v);
    if b < v {
        return true;
    }
    let Some(p) = v
        .checked_sub(1)
        .filter(|&p| p >= r.start && !cx.is_punct(p))
    else {
        return false;
    };
    let before = cx.word(p);
    let plural_noun = !w.ends_with('s')
        && before.ends_with('s')
        && !before.ends_with("ss")
        && cx.seg.tokens[p].kind != crate::text::TokenKind::Possessive;
    cx.is(p, &SUBJECT_WORDS)
        || cx.first_char(p).is_uppercase()
        || (before.ends_with("ly") && before.len() > 4)
        || plural_noun
}

/// How many words may stand between a verb and the preposition of its object: "spoke out on
/// Tuesday about", "talked to reporters about".
const BEFORE_PREPOSITION: usize = 4;

/// Where the object of the verb at `v` opens: right after it, or after its preposition
/// (`preps`), which up to [`BEFORE_PREPOSITION`] words without punctuation or a clause word
/// may precede. `None` when no object opens there.
fn object_start(cx: &Ctx, r: &Range<usize>, v: usize, preps: &[&str]) -> Option<usize> {
    let mut o = v + 1;
    if !preps.is_empty() {
        o = (v + 1..r.end)
            .take(BEFORE_PREPOSITION + 1)
            .take_while(|&k| !cx.is_punct(k) && !CLAUSE_WORDS.contains(cx.word(k)))
            .find(|&k| preps.contains(&cx.word(k)))?
            + 1;
    }
    (o < r.end && opens_object(cx, o)).then_some(o)
}

/// The frame of the verb at `v` with its subject: the subject the speech-frame rules find
/// before it, or share from the frame before it, or the noun a participle modifies ("super
/// PACs supporting Carson").
fn subject_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    quotes: &[RawQuote],
    frames: &[Frame],
) -> Option<Frame> {
    // The rules of speech frames may read "..., X supported" as closing the words before it;
    // with an object after it, a verb of position has its subject before it all the same. A
    // speaker after the verb ("..., said X") is none here.
    let verb = cx.seg.tokens[v].span;
    let (b, _) = verb_group_start(cx, r, v);
    if b > r.start
        && let Some(name) = name_before_insertions(cx, r, b - 1)
    {
        return Some(new_frame(cx, si, v, FrameKind::SpeakerFirst, name, v..v));
    }
    let found = frame_at(cx, si, r, v, quotes, frames)
        .filter(|f| !f.speaker.is_empty() && f.speaker != verb && f.speaker.end <= verb.start);
    if found.is_some() || !cx.word(v).ends_with("ing") {
        return found;
    }
    // "Black voters have formed an important part of her coalition, supporting her by 67
    // points": a participle after a comma shares the subject the sentence opens with.
    let subject = if v > r.start && cx.word(v - 1) == "," {
        opening_subject(cx, r, v).or_else(|| opening_phrase(cx, r, v))?
    } else {
        noun_phrase_before(cx, r, v)?
    };
    Some(new_frame(cx, si, v, FrameKind::Participle, subject, v..v))
}

/// "was supported by", "is opposed to", "backed by Russia": a participle after a form of "be",
/// or with its agent after it, is no stance of its subject.
fn passive(cx: &Ctx, r: &Range<usize>, v: usize) -> bool {
    let (b, _) = verb_group_start(cx, r, v);
    let be = (b..v).any(|k| cx.is(k, &BE_FORMS)) || (v > r.start && cx.is(v - 1, &BE_FORMS));
    (be && cx.word(v).ends_with("ed")) || (v + 1 < r.end && cx.word(v + 1) == "by")
}

/// Whether the word at `o` can open the object: a word (or a quotation mark) that opens no
/// clause, infinitive, agent or adjunct.
fn opens_object(cx: &Ctx, o: usize) -> bool {
    let w = cx.word(o);
    if cx.is_punct(o) {
        return is_quote_token(w);
    }
    let adverb = w.ends_with("ly") && w.len() > 4;
    !(NOT_AN_OBJECT.contains(w)
        || is_calendar_word(w)
        || CLAUSE_WORDS.contains(w)
        || crate::analysis::words::is_auxiliary(w)
        || adverb)
}

/// Where the object that opens at `o` ends: at a punctuation mark, a subordinator, an adjunct
/// of time or cause, "and" before a verb ("supported the bill and voted for it"), or the end
/// of the sentence `end`.
fn object_end(cx: &Ctx, o: usize, end: usize) -> usize {
    let mut e = (o + 1..end)
        .find(|&k| {
            let w = cx.word(k);
            (cx.is_punct(k) && ENDS_OBJECT_MARKS.contains(w))
                || ENDS_OBJECT.contains(w)
                || is_calendar_word(w)
                || (CLAUSE_WORDS.contains(w) && !matches!(w, "that" | "which" | "who" | "whom"))
                || (matches!(w, "and" | "or")
                    && k + 1 < end
                    && (cx.word(k + 1).ends_with("ed")
                        || crate::analysis::words::is_auxiliary(cx.word(k + 1))))
        })
        .unwrap_or(end);
    while e > o + 1 && cx.is(e - 1, &NOT_LAST) {
        e -= 1;
    }
    e
}

/// The noun phrase a sentence opens with, up to its first auxiliary or verb in -ed before `v`
/// ("Black voters have formed ..."): one to six words with no punctuation, the first no word
/// that opens an adverbial or a clause.
fn opening_phrase(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let verb = (r.start + 1..v).find(|&k| {
        let w = cx.word(k);
        crate::analysis::words::is_auxiliary(w) || (w.ends_with("ed") && !cx.is_punct(k))
    })?;
    let phrase = r.start..verb;
    let words_only = phrase.clone().all(|k| !cx.is_punct(k));
    (phrase.len() <= 6 && words_only && !opens_no_subject(cx, r.start)).then_some(phrase)
}
