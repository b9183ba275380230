//! Stances and topics: who the text says is for or against something ("Clinton supported the
//! bill", "Union leaders opposed the deal", "Tehran's support for the government"), or talked
//! about it ("Sanders spoke about the debt", "referring to Clinton's successor", "his remarks
//! about the strike"), with a noun phrase where a speech frame would have a clause.
//!
//! Attribution corpora count these as attributions (PolNeAR and PARC attribute positions and
//! topics as well as words), and a reader of framing wants to know who is reported as taking
//! which side. But the noun phrase is the outlet's description of the position, not the
//! subject's wording: "Russia supported the Assad regime" does not put "regime" in Russia's
//! mouth. So these structures are found with the subject rules of speech frames
//! ([`super::frames::frame_at`]) and kept apart from them: they never paint a token's voice.
//!
//! What it does not do: read a position held by a noun with no possessor ("support for the
//! bill"); read a passive ("was supported by"); tell the physical sense of a verb from the
//! verbal one beyond leaving out the verbs whose first sense in conflict news is physical
//! (`crate::analysis::words::OBJECT_VERBS`); or parse the object: it runs to the first
//! punctuation mark, subordinator, word of time or preposition before a number that ends a
//! noun phrase, and an irregular verb other than the common ones after a subject holding the
//! object ("jets supporting ground troops struck the town") stays in it.

use std::ops::Range;

use super::frames::{frame_at, new_frame, noun_phrase_before, possessor_before, verb_group_start};
use super::model::{Ctx, DETERMINERS, Frame, FrameKind, RawQuote, finite, past_form};
use super::scope::{ly_adverb, name_before_insertions, opening_subject, opens_no_subject};
use crate::analysis::words::{BE_FORMS, CLAUSE_WORDS, ObjectWords, object_noun, object_verb};
use crate::text::{WordSet, is_calendar_word, is_quote_token};

/// Words that cannot open the object of a verb of position or topic: a clause, an infinitive,
/// the agent of a passive, or an adjunct ("supported by", "opposed to", "spoke on Tuesday").
static NOT_AN_OBJECT: WordSet = WordSet::new(&[
    "that", "to", "by", "as", "for", "with", "from", "in", "on", "at", "during", "after", "before",
    "while", "when", "if", "whether", "among", "out", "up", "down", "away", "back", "off", "again",
    "also", "too", "here", "there", "now", "then", "so", "and", "or", "but", "not", "later",
    "earlier", "often", "never", "once", "still", "even", "just", "months", "years", "weeks",
    "days", "hours", "decades", "into", "onto", "over", "across", "through", "toward", "towards",
    "past",
]);

/// Words that may stand between a verb of topic and "about" ("spoke out on Tuesday about",
/// "talked at length about"), besides adverbs in -ly and days.
static BEFORE_ABOUT: WordSet = WordSet::new(&[
    "out", "up", "more", "less", "again", "at", "length", "on", "last", "this", "late", "early",
]);

/// Possessors that are contractions of "is" ("There's", "It's").
static CONTRACTED: WordSet = WordSet::new(&[
    "it", "that", "there", "here", "what", "he", "she", "who", "let", "where",
]);

/// Common irregular pasts that end a subject holding the object ("Biden's support for Israel
/// drew protests").
static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "drew", "grew", "went", "became", "left", "fell", "came", "cost", "made", "took", "gave",
    "kept", "stood", "struck", "hit", "met", "led", "won", "lost", "sent", "saw", "began",
]);

/// Prepositions that, before a number, open an adjunct that ends an object ("voted for
/// Clinton in 2016", "supporting her by 67 points").
static BEFORE_A_NUMBER: WordSet = WordSet::new(&["in", "by", "at", "on", "since", "until", "with"]);

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
    "so",
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
    if object_verb(first)
        .or_else(|| object_noun(first))
        .is_some_and(|c| c.topic)
    {
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
    let first = out.len();
    // Whether the sentence is a question, read at its first candidate.
    let mut asks: Option<bool> = None;
    for v in r.clone() {
        let w = cx.word(v);
        // Nearly every word is neither a verb nor a noun of position or topic.
        let noun = object_noun(w);
        let verb = object_verb(w);
        if noun.is_none() && verb.is_none() {
            continue;
        }
        // A question asks about a position; it states none ("Do you support Ted Cruz?").
        if *asks.get_or_insert_with(|| question(cx, r)) {
            return;
        }
        // A stance inside the object of another is part of it ("Critics mocked his previous
        // support of the war").
        if out[first..].iter().any(|g| g.scope.contains(&v)) {
            continue;
        }
        if let Some(f) = noun
            .and_then(|class| nominal_stance(cx, si, r, v, class))
            .filter(|_| !in_a_name(cx, r, v))
        {
            out.push(f);
            continue;
        }
        let Some(class) = verb else {
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
        if !clean_subject(cx, &mut f) {
            continue;
        }
        // A participle modifying a noun is inside that noun's phrase, which may be the subject
        // of the clause: its object ends before the clause's verb ("jets supporting ground
        // troops struck the town").
        let in_subject = f.kind == FrameKind::Participle && f.scope.is_empty();
        f.scope = o..object_end(cx, o, r.end, in_subject);
        f.verb_tokens = v..o;
        f.verb = cx.span(&(v..o));
        out.push(f);
    }
}

/// Tidies the subject of a stance frame: adverbs in -ly at its end are not part of it ("He
/// barely mentioned"); one that opens with a subordinator, a preposition or a connective is no
/// subject at all ("Before Trump mentioned ..."), and gives `false`.
fn clean_subject(cx: &Ctx, f: &mut Frame) -> bool {
    let mut st = f.speaker_tokens.clone();
    if st.is_empty() {
        return true;
    }
    while st.len() > 1 && ly_adverb(cx, st.end - 1) {
        st.end -= 1;
    }
    if opens_no_subject(cx, st.start) && !cx.is(st.start, &SUBJECT_WORDS) {
        return false;
    }
    f.speaker = cx.span(&st);
    f.speaker_tokens = st;
    true
}

/// "Russia's support for the regime", "her opposition to the war", "Clinton's scathing
/// criticism of Trump": a noun of position or topic (of `class`, in
/// `crate::analysis::words::OBJECT_NOUNS`)
/// after a possessor, which one lower-case word may set off, with its preposition and object.
/// The possessor is the source; with none ("support for the bill"), or with a contraction
/// ("There's broad support for"), there is no stance.
fn nominal_stance(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    n: usize,
    class: &ObjectWords,
) -> Option<Frame> {
    let p = n + 1;
    let number = |k: usize| cx.seg.tokens[k].kind == crate::text::TokenKind::Number;
    if p + 1 >= r.end
        || !class.prepositions.contains(&cx.word(p))
        || !opens_object(cx, p + 1)
        || number(p + 1)
    {
        return None;
    }
    let mut owner = possessor_before(cx, r, n);
    if owner.is_empty()
        && n > r.start + 1
        && cx.first_char(n - 1).is_lowercase()
        && !cx.is_punct(n - 1)
    {
        owner = possessor_before(cx, r, n - 1);
    }
    // "There's", "It's", "What's": a contraction of "is", not a possessor.
    if owner.is_empty() || (owner.len() == 1 && cx.is(owner.start, &CONTRACTED)) {
        return None;
    }
    let mut f = new_frame(
        cx,
        si,
        n,
        FrameKind::Nominal,
        owner,
        p + 1..object_end(cx, p + 1, r.end, true),
    );
    f.verb_tokens = n..p + 1;
    f.verb = cx.span(&(n..p + 1));
    Some(f)
}

/// Whether the word at `v` is part of a name or a compound, not a verb: inside an actor's
/// mention ("Rapid Support Forces"), capitalised inside a sentence that is not in title case
/// ("the Syrian Support Group", but "Trump Supports Ban"), or joined to the word before by a
/// hyphen ("Iran-backed", "U.S.-supported").
fn in_a_name(cx: &Ctx, r: &Range<usize>, v: usize) -> bool {
    let tok = cx.seg.tokens[v].span;
    let capital = v > r.start && cx.first_char(v).is_uppercase() && !title_case(cx, r);
    let hyphen = cx.text[..tok.start].ends_with(['-', '\u{2010}', '\u{2011}']);
    cx.in_mention(v) || capital || hyphen
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
/// a bare or -s form ("support", "supports", which are nouns too) only after an auxiliary or
/// adverb of its verb group ("will oppose", "largely supports"), a subject pronoun, relative or
/// quantifier, or a name (`name_before`; a single capitalised word only before an -s form); a
/// bare form also after a plural noun ("unions oppose", but "broad support", "his previous
/// support").
fn verb_not_noun(cx: &Ctx, r: &Range<usize>, v: usize, class: &ObjectWords) -> bool {
    let w = cx.word(v);
    // A form in -s, or a bare form: one whose past or -s form is in its class ("spoke" is no
    // noun).
    let bare = ["ed", "d", "s"]
        .iter()
        .any(|e| class.words.contains(format!("{w}{e}")));
    // After a determiner or a number, any form is an adjective or a noun ("Four proposed
    // projects", "the supporting evidence"); a quantifier that can stand alone as a subject
    // ("Most oppose it") is no determiner here.
    let numeral = |k: usize| {
        cx.seg.tokens[k].kind == crate::text::TokenKind::Number
            || (cx.is(k, &crate::analysis::heads::QUANTIFIERS) && !cx.is(k, &SUBJECT_WORDS))
    };
    let after_determiner = v > r.start
        && ((cx.is(v - 1, &DETERMINERS) && !cx.is(v - 1, &SUBJECT_WORDS)) || numeral(v - 1));
    if after_determiner {
        return false;
    }
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
        && !before.ends_with("ous")
        && !cx.is(p, &DETERMINERS)
        && !cx.is(p, &NOT_PLURAL_NOUNS)
        && !crate::analysis::words::is_auxiliary(before)
        && cx.seg.tokens[p].kind != crate::text::TokenKind::Possessive;
    // A capitalised word alone agrees with an -s form as a singular name ("Clinton supports"),
    // not with a bare form ("Western support", "Please support").
    let singular_name = !class.topic
        && w.ends_with('s')
        && cx.first_char(p).is_uppercase()
        && !before.ends_with("ous")
        && !cx.is(p, &DETERMINERS)
        && !cx.is(p, &crate::analysis::heads::QUANTIFIERS);
    cx.is(p, &SUBJECT_WORDS)
        || name_before(cx, r, p)
        || singular_name
        || ly_adverb(cx, p)
        || plural_noun
}

/// Words in -s before a verb's bare form that are no plural noun: "his previous support".
static NOT_PLURAL_NOUNS: WordSet = WordSet::new(&[
    "his", "its", "this", "thus", "us", "yes", "various", "has", "was", "is",
]);

/// Whether the word at `p` ends a name: a word inside an actor's mention, or a capitalised word
/// after another one ("Hillary Clinton supports"); a capitalised word alone at the start of its
/// sentence is no name to this test ("Western support", "Please support").
fn name_before(cx: &Ctx, r: &Range<usize>, p: usize) -> bool {
    let capital = |k: usize| cx.first_char(k).is_uppercase() && !cx.is_punct(k);
    cx.in_mention(p) || (capital(p) && p > r.start && capital(p - 1))
}

/// How many words may stand between a verb and "about" before its object: "spoke out on
/// Tuesday about", "talked at length about".
const BEFORE_PREPOSITION: usize = 4;

/// Where the object of the verb at `v` opens: right after it, or after its preposition
/// (`preps`) right after it, or after "about" when up to [`BEFORE_PREPOSITION`] adverbs and
/// words of time precede it ([`BEFORE_ABOUT`]); never at a number. `None` when no object opens
/// there.
fn object_start(cx: &Ctx, r: &Range<usize>, v: usize, preps: &[&str]) -> Option<usize> {
    let mut o = v + 1;
    if !preps.is_empty() {
        // Words between the verb and its preposition only before "about", and only adverbs
        // and words of time: "of", "to" or "for" after other words belongs to the nearer noun
        // ("speaking on condition of anonymity", "referred 298 suspects to the judiciary").
        o = if v + 1 < r.end && preps.contains(&cx.word(v + 1)) {
            v + 2
        } else {
            let skippable = |k: usize| {
                cx.is(k, &BEFORE_ABOUT) || is_calendar_word(cx.word(k)) || ly_adverb(cx, k)
            };
            let about = (v + 1..r.end)
                .take(BEFORE_PREPOSITION + 1)
                .find(|&k| !skippable(k))
                .filter(|&k| preps.contains(&"about") && cx.word(k) == "about")?;
            about + 1
        };
    }
    // "about five minutes" is a length, not a topic.
    let number = o < r.end && cx.seg.tokens[o].kind == crate::text::TokenKind::Number;
    (o < r.end && opens_object(cx, o) && !number).then_some(o)
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
/// of time or cause, "and" before a verb ("supported the bill and voted for it", "and told"),
/// or the end of the sentence `end`. For an object inside a subject (`in_subject`: of a noun,
/// "Russia's support for the regime was clear", or of a participle modifying a noun), also at
/// a finite auxiliary, a verb in -ed or a common irregular past ([`IRREGULAR_PAST`]), the verb
/// of the clause (not "the embattled leader", nor the `'s` of "Israel's war").
fn object_end(cx: &Ctx, o: usize, end: usize, in_subject: bool) -> usize {
    let mut e = (o + 1..end)
        .find(|&k| {
            let w = cx.word(k);
            (cx.is_punct(k) && ENDS_OBJECT_MARKS.contains(w))
                || ENDS_OBJECT.contains(w)
                || is_calendar_word(w)
                || (BEFORE_A_NUMBER.contains(w)
                    && k + 1 < end
                    && cx.seg.tokens[k + 1].kind == crate::text::TokenKind::Number)
                || (CLAUSE_WORDS.contains(w) && !matches!(w, "that" | "which" | "who" | "whom"))
                // The verb of the clause the phrase is subject of: "Russia's support for the
                // regime was clear", "... for the bill collapsed" (not "the embattled leader").
                || (in_subject
                    && ((finite(w)
                        && cx.seg.tokens[k].kind != crate::text::TokenKind::Possessive)
                        || IRREGULAR_PAST.contains(w)
                        || (past_form(cx, k, 5)
                            && !cx.is(k - 1, &DETERMINERS)
                            && !cx.is_punct(k - 1)
                            && !ly_adverb(cx, k - 1))))
                || (matches!(w, "and" | "or")
                    && k + 1 < end
                    && (cx.word(k + 1).ends_with("ed")
                        || crate::analysis::words::is_auxiliary(cx.word(k + 1))
                        || crate::analysis::words::REPORTING.contains(cx.word(k + 1))))
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
