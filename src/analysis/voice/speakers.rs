//! Speakers: who the speaker of a frame or a quotation is, when it is written as a pronoun, a
//! role noun or not at all (the speaker of the quotation before, of the frame beside it, or
//! the issuer of a statement).

use std::borrow::Cow;
use std::ops::Range;

use super::model::{
    Ctx, Frame, FrameKind, PRONOUN_PERSON, PRONOUN_THING, Quote, RawQuote, Why, by_type,
};
use crate::analysis::actors::PersonGenders;
use crate::analysis::heads;
use crate::analysis::mention::{Form, Mention};
use crate::analysis::words::DOCUMENT_NOUNS;
use crate::text::WordSet;
use crate::text::{Span, is_double, token_range};

/// The speaker of a quote with no frame of its own, carried from the context the way news copy
/// does: a quote reopened in the next paragraph, a further quote in the same paragraph after an
/// attributed one ('"...," Katz said. "The days when ..."') with no other speaker between (but
/// the frames of the tag's own sentence after its verb), or a
/// paragraph that opens with a quote after a paragraph ending in 'X said:'.
pub(super) fn continuing_speaker(
    cx: &Ctx,
    frames: &[Frame],
    done: &[Quote],
    q: &RawQuote,
) -> Option<usize> {
    let prev = done.last();
    if q.continues {
        return prev.and_then(|p| p.frame);
    }
    let para = cx.seg.paragraph_at(q.span.start)?;
    if let Some(p) = prev
        && p.frame.is_some()
        && cx.seg.paragraph_at(p.span.start) == Some(para)
        && let Some(pf) = p.frame
        && {
            // No other speaker between the two quotes. The first quote's own frame may be, and
            // so may a frame later in its tag's sentence ('"...," Cruz said about the article
            // alleging that he had affairs. "..."'): the tag's sentence is one attribution.
            let lo = frames.partition_point(|f| f.verb.start < p.span.end);
            let hi = frames.partition_point(|f| f.verb.start < q.span.start);
            let tag = &frames[pf];
            (lo..hi).all(|f| {
                f == pf
                    || (frames[f].sentence == tag.sentence && frames[f].verb.start > tag.verb.start)
            })
        }
    {
        return p.frame;
    }
    // 'X said:' closing the previous paragraph.
    let p_span = cx.seg.paragraphs[para].span;
    if para > 0 && q.span.start == p_span.start {
        let before = cx.seg.paragraphs[para - 1].span;
        let ends_with_colon = before.slice(cx.text).trim_end().ends_with(':');
        if ends_with_colon {
            let i = frames.partition_point(|f| f.verb.start < before.end);
            return i
                .checked_sub(1)
                .filter(|&i| before.contains(frames[i].verb));
        }
    }
    None
}

/// The frame that a quote belongs to.
pub(super) fn quote_frame(
    cx: &Ctx,
    frames: &[Frame],
    tags: &[Why],
    inner: &Range<usize>,
    span: Span,
    _done: &[Quote],
) -> Option<usize> {
    if inner.is_empty() {
        return None;
    }
    if let Why::Frame(f) = tags[inner.start] {
        return Some(f);
    }
    // A frame right after the quote ('"...," the ministry said').
    let last = inner.end.saturating_sub(1);
    let s_first = cx.seg.sentence_at(cx.seg.tokens[inner.start].span.start)?;
    let s_last = cx
        .seg
        .sentence_at(cx.seg.tokens[last].span.start)
        .unwrap_or(s_first);
    // Frames are in sentence order.
    let lo = frames.partition_point(|f| f.sentence < s_first);
    let hi = frames.partition_point(|f| f.sentence <= s_last);
    let candidates = lo..hi.max(lo);
    if let Some(f) = candidates
        .clone()
        .find(|&f| frames[f].kind == FrameKind::SpeakerLast && frames[f].speaker.start >= span.end)
    {
        return Some(f);
    }
    // Otherwise the nearest frame in the sentences the quote touches, but not one inside the
    // quote: in "“I think it is over. We lost,” ..." the quote's "I think" is the speaker's own;
    // nor a question put by someone not named, whose asker is not the one quoted ("Asked about
    // the deal, Grassley answered, “Depends.”").
    candidates
        .filter(|&f| !span.contains(frames[f].verb) && frames[f].kind != FrameKind::Question)
        .min_by_key(|&f| {
            let v = frames[f].verb;
            if v.end <= span.start {
                span.start - v.end
            } else {
                v.start.saturating_sub(span.end)
            }
        })
}

/// The subject of the sentence before the one of `sp`: a party named by its name (not a person,
/// an adjective or a place), first in that sentence (after at most "the"), when no party is
/// named in `sp`'s own sentence before it.
pub(super) fn previous_subject<'m>(cx: &Ctx<'m>, sp: Span) -> Option<&'m Mention> {
    let here = cx.seg.sentence_at(sp.start)?;
    let own = cx.seg.sentences[here].span;
    let before = cx.seg.sentences.get(here.checked_sub(1)?)?;
    let upto = cx.mentions.partition_point(|m| m.span.start < sp.start);
    let named = &cx.mentions[..upto];
    if named.last().is_some_and(|m| m.span.start >= own.start) {
        return None;
    }
    let first = named.partition_point(|m| m.span.start < before.span.start);
    let m = named.get(first)?;
    let t = before.tokens.start;
    let opens = m.span.start == cx.seg.tokens[t].span.start
        || (cx.is(t, &["the"])
            && before.tokens.len() > 1
            && m.span.start == cx.seg.tokens[t + 1].span.start);
    (opens && m.form == Form::Name && m.role.is_none()).then_some(m)
}

/// Whether the person a pronoun speaker was resolved to is named in what the pronoun's verb
/// says: in "He said Trump was ..." and "..., she said, Trump was ..." the pronoun is the
/// subject and the name is in its words, so the two are not one person (binding principle C).
/// Its words run from the verb to the end of the sentence or the first "and", "but" or ";"
/// that opens another clause ("what he calls X, and highlights Mr. Perry's record" may be
/// Perry's).
pub(super) fn named_after_in_sentence(cx: &Ctx, f: &Frame, pronoun: &Mention) -> bool {
    let Some(s) = cx.seg.sentences.get(f.sentence) else {
        return false;
    };
    let from = f.verb_tokens().end.max(s.tokens.start);
    let end = (from..s.tokens.end)
        .find(|&k| matches!(cx.word(k), "and" | "but" | ";" | "while" | "whereas"))
        .unwrap_or(s.tokens.end);
    let (Some(first), Some(last)) = (
        cx.seg.tokens.get(from),
        end.checked_sub(1).and_then(|k| cx.seg.tokens.get(k)),
    ) else {
        return false;
    };
    if first.span.start >= last.span.end {
        return false;
    }
    let words = Span::new(first.span.start.max(pronoun.span.end), last.span.end);
    cx.mentions[crate::analysis::mention::starting_within(cx.mentions, words)]
        .iter()
        .any(|m| {
            matches!(m.form, Form::Person | Form::Name)
                && m.actor == pronoun.actor
                && m.person == pronoun.person
        })
}

/// "..., Burton said. He added ...": a verb of going on speaking says the last speaker, in its
/// sentence or the two before, goes on, whoever that is. The pronoun agrees with a person, so
/// the last speaker must be one: a person's mention, or a capitalised name that does not open
/// its sentence ("The ministry said" is no person). Its actor (none for a person no lexicon
/// lists) and the name it was given.
pub(super) fn going_on(
    cx: &Ctx,
    frames: &[Frame],
    i: usize,
    pronoun: &str,
) -> Option<(Option<usize>, String)> {
    let f = &frames[i];
    if !matches!(pronoun, "he" | "she")
        || !CONTINUING.contains(crate::text::lowercase(f.verb.slice(cx.text)))
    {
        return None;
    }
    let p = frames[..i].iter().rev().find(|p| {
        p.sentence + 2 >= f.sentence && p.speaker.slice(cx.text) != f.speaker.slice(cx.text)
    })?;
    let person = cx
        .first_actor(p.speaker)
        .is_some_and(|m| matches!(m.form, Form::Person | Form::Title | Form::Pronoun));
    let opens = cx
        .seg
        .sentences
        .get(p.sentence)
        .is_some_and(|s| s.span.start == p.speaker.start);
    let written = p.speaker.slice(cx.text);
    let named = !opens
        && written
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (person || named).then(|| {
        let name = p.resolved_from.as_deref().unwrap_or(written);
        (p.speaker_actor, name.to_owned())
    })
}

/// Verbs of going on speaking: their subject is the last speaker ("He added").
pub(super) static CONTINUING: WordSet =
    WordSet::new(&["added", "adds", "continued", "continues", "concluded"]);

/// A participle or a shared subject ("..., adding", "... and claimed") takes the reading of the
/// frame before it with the same speaker: whether frame `i` did. One with a subject of its own
/// (the one its sentence opens with) is resolved like any other.
pub(super) fn shares_subject(frames: &mut [Frame], i: usize) -> bool {
    if !matches!(
        frames[i].kind,
        FrameKind::Participle | FrameKind::SharedSubject
    ) {
        return false;
    }
    let sp = frames[i].speaker;
    let Some((a, r, by_type)) = frames[..i]
        .iter()
        .rev()
        .find(|f| f.speaker == sp)
        .map(|p| (p.speaker_actor, p.resolved_from.clone(), p.by_type))
    else {
        return false;
    };
    frames[i].speaker_actor = a;
    frames[i].resolved_from = r;
    frames[i].by_type = by_type;
    true
}

/// Gives each frame its speaker's actor, resolving pronouns and role nouns to earlier speakers.
pub(super) fn resolve_speakers(cx: &Ctx, frames: &mut [Frame]) {
    resolve_speakers_of(cx, frames, |_| true);
}

/// [`resolve_speakers`] for the frames `which` selects (by index); the others, already resolved,
/// are only read as earlier speakers.
pub(super) fn resolve_speakers_of(cx: &Ctx, frames: &mut [Frame], which: impl Fn(usize) -> bool) {
    // The lowercase words of the speaker (most are lowercase already and borrowed).
    let mut words: Vec<Cow<str>> = Vec::new();
    let genders = std::cell::OnceCell::new();
    for i in 0..frames.len() {
        // A relative pronoun's frame comes resolved to its antecedent.
        if !which(i) || frames[i].resolved_from.is_some() {
            continue;
        }
        let sp = frames[i].speaker;
        if shares_subject(frames, i) {
            continue;
        }
        words.clear();
        words.extend(
            sp.slice(cx.text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                        Cow::Owned(w.to_lowercase())
                    } else {
                        Cow::Borrowed(w)
                    }
                }),
        );
        let words = &words;
        let first_noun = words
            .iter()
            .find(|w| !matches!(w.as_ref(), "the" | "a" | "an" | "some" | "many"));
        if first_noun.is_some_and(|w| heads::is_relational_word(w)) {
            continue;
        }
        if let [pronoun] = &words[..]
            && let Some((actor, name)) = going_on(cx, frames, i, pronoun)
        {
            frames[i].speaker_actor = actor;
            frames[i].resolved_from = Some(name);
            continue;
        }
        // A pronoun that stands for a person of no party ("Sen. Mark Warner spoke. ... he
        // said") is that person, and no listed one.
        if let Some(m) = cx.no_party.iter().find(|m| m.span == sp) {
            frames[i].resolved_from = m.antecedent.clone();
            continue;
        }
        if let Some(m) = cx.first_actor(sp) {
            if m.form == Form::Pronoun && named_after_in_sentence(cx, &frames[i], m) {
                continue;
            }
            frames[i].speaker_actor = Some(m.actor);
            if matches!(m.form, Form::Pronoun | Form::Title) {
                frames[i].resolved_from = m.antecedent.clone();
            }
            continue;
        }
        let Some(head) = words.last() else { continue };
        if let Some(m) = by_type(cx, sp, words) {
            frames[i].speaker_actor = Some(m.actor);
            frames[i].resolved_from = Some(m.span.slice(cx.text).to_owned());
            frames[i].by_type = true;
            continue;
        }
        // "The General Command" is an organ: a role word before an organisational head noun
        // names no person.
        let person_like = words.len() <= 3
            && !crate::analysis::unlisted::is_organisation_head(head)
            && (PRONOUN_PERSON.contains(head.as_ref())
                || words.iter().any(|w| heads::ROLE_NOUNS.contains(w.as_ref())));
        let thing_like = words.len() == 1 && PRONOUN_THING.contains(head.as_ref());
        if person_like {
            if let Some(p) = same_role_speaker(cx, &frames[..i], frames[i].sentence, words) {
                // An earlier speaker of no party ("a defence spokesperson") is left to the
                // reading of unnamed officials (`attribution`), as this one is.
                let found = p.speaker_actor.map(|a| {
                    let name = p
                        .resolved_from
                        .as_deref()
                        .unwrap_or(p.speaker.slice(cx.text));
                    (a, name.to_owned())
                });
                if let Some((a, name)) = found {
                    frames[i].speaker_actor = Some(a);
                    frames[i].resolved_from = Some(name);
                }
                continue;
            }
            let genders =
                genders.get_or_init(|| PersonGenders::of(cx.text, cx.seg, cx.lower, cx.mentions));
            if let Some(m) = last_person_subject(cx, sp, head, genders) {
                frames[i].speaker_actor = Some(m.actor);
                frames[i].resolved_from = Some(m.span.slice(cx.text).to_owned());
            }
            continue;
        }
        if let Some(m) = issuer_of(cx, sp, head) {
            frames[i].speaker_actor = Some(m.actor);
            frames[i].resolved_from = Some(m.span.slice(cx.text).to_owned());
            continue;
        }
        let antecedent = antecedent_of(cx, &frames[..i], sp, head, thing_like);
        if let Some((a, text)) = antecedent {
            frames[i].speaker_actor = a;
            frames[i].resolved_from = Some(text);
        }
    }
}

/// How many sentences back a role noun looks for the speaker it refers to.
pub(super) const MAX_ROLE_DISTANCE: usize = 10;

/// "The spokesman said", after "the official spokesman of the RSF, Al-Fateh Qurashi, said": a
/// definite description made of a role noun, with any modifiers, refers back to the last
/// speaker described with every one of its words, in the [`MAX_ROLE_DISTANCE`] sentences before
/// (head match over speakers, as [`crate::analysis::titles`] does over names). `None` when no earlier
/// speaker has them all, or the description is indefinite ("a spokesman" is someone new).
pub(super) fn same_role_speaker<'f>(
    cx: &Ctx,
    before: &'f [Frame],
    here: usize,
    words: &[Cow<str>],
) -> Option<&'f Frame> {
    let (the, rest) = words.split_first()?;
    let head = rest.last()?;
    if the != "the" || rest.len() > 2 || !heads::ROLE_NOUNS.contains(head.as_ref()) {
        return None;
    }
    before
        .iter()
        .rev()
        .take_while(|p| here.saturating_sub(p.sentence) <= MAX_ROLE_DISTANCE)
        .find(|p| {
            let theirs: Vec<Cow<str>> = p
                .speaker
                .slice(cx.text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(crate::text::lowercase)
                .collect();
            // More than the description itself: a name or a party goes with the role.
            let described = theirs.len() > rest.len() + 1 || p.resolved_from.is_some();
            described && rest.iter().all(|w| theirs.iter().any(|t| t == w))
        })
}

/// For a pronoun or role-noun speaker `sp` with head word `head`: the subject of the most
/// recent sentence that names a person (the first person named in it: English puts the subject
/// first), before the speaker. A pronoun agrees in gender with the person it stands for, and a
/// person named inside quoted words is spoken of, not the one who speaks ("\"You (Pelosi) and
/// your fellow Democrats ...,\" the Republican senator said").
pub(super) fn last_person_subject<'m>(
    cx: &Ctx<'m>,
    sp: Span,
    head: &str,
    genders: &PersonGenders,
) -> Option<&'m Mention> {
    let upto = cx.mentions.partition_point(|m| m.span.start < sp.start);
    let people = || {
        cx.mentions[..upto].iter().rev().filter(|m| {
            m.form == Form::Person
                && m.span.end <= sp.start
                && genders.agree(m, head)
                && !inside_quotation(cx, m.span.start)
        })
    };
    let last_sentence = cx.seg.sentence_at(people().next()?.span.start);
    people()
        .take_while(|m| cx.seg.sentence_at(m.span.start) == last_sentence)
        .last()
}

/// Whether byte `at` is inside quotation marks: an odd number of double marks stands before it
/// in its paragraph (a quotation that goes on into the next paragraph opens it with a mark
/// again).
pub(super) fn inside_quotation(cx: &Ctx, at: usize) -> bool {
    let Some(s) = cx.seg.sentence_at(at) else {
        return false;
    };
    let para = cx.seg.sentences[s].paragraph;
    let from = cx
        .seg
        .paragraph_sentences(para)
        .first()
        .map_or(0, |s| s.tokens.start);
    let upto = cx.seg.tokens.partition_point(|t| t.span.start < at);
    (from..upto)
        .filter(|&k| cx.is_punct(k) && is_double(cx.first_char(k)))
        .count()
        % 2
        == 1
}

/// A speaker in the headline that no earlier text resolves ("General Command: army on alert")
/// is the first later speaker, with an actor, whose head word (its last word) is the same: a
/// headline shortens the name the body gives in full ("The General Command of the Libyan Arab
/// Armed Forces announced" ends on a name that holds "Command", so the body's shorter "The
/// General Command also said", resolved to it, is what matches). Names only: not a pronoun, a
/// role noun ("Minister: ...") or a source.
pub(super) fn resolve_headline_speakers(cx: &Ctx, frames: &mut [Frame]) {
    let last_word = |sp: Span| {
        sp.slice(cx.text)
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    for i in 0..frames.len() {
        let f = &frames[i];
        let in_headline = cx
            .seg
            .sentences
            .get(f.sentence)
            .is_some_and(|s| cx.seg.paragraphs[s.paragraph].headline);
        if !in_headline || f.speaker_actor.is_some() || f.resolved_from.is_some() {
            continue;
        }
        let written = f.speaker.slice(cx.text);
        let Some(head) = last_word(f.speaker) else {
            continue;
        };
        // A role noun or a source names no one in particular: "Minister: ..." may be any
        // minister the body quotes.
        if !written.starts_with(|c: char| c.is_uppercase())
            || PRONOUN_PERSON.contains(head.as_str())
            || PRONOUN_THING.contains(head.as_str())
            || heads::is_role_noun(&head)
            || matches!(
                head.as_str(),
                "source" | "sources" | "official" | "officials"
            )
        {
            continue;
        }
        let found = frames[i + 1..]
            .iter()
            .find(|g| g.speaker_actor.is_some() && last_word(g.speaker).as_deref() == Some(&head));
        if let Some((a, name)) = found.map(|g| (g.speaker_actor, g.speaker.slice(cx.text))) {
            frames[i].speaker_actor = a;
            frames[i].resolved_from = Some(name.to_owned());
        }
    }
}

/// Whether `word` is one of the words of `speaker` in lower case, the words being what
/// `lowercase(speaker)` splits into at every character that is not a letter or a digit. An ASCII
/// speaker is read as it stands, without a lower-case copy.
fn has_word(speaker: &str, word: &str) -> bool {
    let not_alphanumeric = |c: char| !c.is_alphanumeric();
    if speaker.is_ascii() {
        // ASCII lower-casing maps each byte to one byte and letters to letters: the words are
        // the same, lower-cased one by one.
        !word.bytes().any(|b| b.is_ascii_uppercase())
            && speaker
                .split(not_alphanumeric)
                .any(|w| w.eq_ignore_ascii_case(word))
    } else {
        crate::text::lowercase(speaker)
            .split(not_alphanumeric)
            .any(|w| w == word)
    }
}

/// The earlier party a pronoun or role-noun speaker `sp` stands for, given the frames before it:
/// (its actor, the phrase it was resolved to). "It" is the subject of the sentence before, when
/// that sentence opens with a party's name and nothing is named before the pronoun in its own
/// sentence (centering: the subject is the likeliest next topic); otherwise "it", "the
/// statement", "the ministry" is an earlier speaker that is no person, or that shares the head
/// noun, among the last 30 frames; "the statement" with none such is the speaker of the last
/// frame of an earlier sentence that names a statement ([`DOCUMENT_NOUNS`]).
pub(super) fn antecedent_of(
    cx: &Ctx,
    before: &[Frame],
    sp: Span,
    head: &str,
    thing_like: bool,
) -> Option<(Option<usize>, String)> {
    if thing_like && let Some(m) = previous_subject(cx, sp) {
        // Said as a speaker before ("The Ukrainian Foreign Ministry said ... It also noted"):
        // the speaker as written then.
        let written = before
            .iter()
            .rev()
            .find(|f| f.speaker_actor == Some(m.actor) && f.speaker.contains(m.span))
            .map_or(m.span, |f| f.speaker);
        return Some((Some(m.actor), written.slice(cx.text).to_owned()));
    }
    let recent = &before[before.len().saturating_sub(30)..];
    let found = recent.iter().rev().find(|f| {
        f.speaker_actor.is_some()
            && if thing_like {
                !cx.mentions[crate::analysis::mention::starting_within(cx.mentions, f.speaker)]
                    .iter()
                    .any(|m| m.form == Form::Person && m.span == f.speaker)
            } else {
                has_word(f.speaker.slice(cx.text), head)
            }
    });
    // "In a statement, the RSF's spokesman said ... '...,' the statement said": with no speaker
    // of that head before, the last frame in an earlier sentence that names the document.
    let here = cx.seg.sentence_at(sp.start);
    let issued = || {
        recent.iter().rev().find(|f| {
            f.speaker_actor.is_some()
                && Some(f.sentence) != here
                && cx.seg.sentences[f.sentence]
                    .tokens
                    .clone()
                    .any(|k| cx.word(k) == head)
        })
    };
    found
        .or_else(|| {
            (!thing_like && DOCUMENT_NOUNS.contains(head))
                .then(issued)
                .flatten()
        })
        .map(|a| (a.speaker_actor, a.speaker.slice(cx.text).to_owned()))
}

/// "Romney released a statement saying ...": a document ([`DOCUMENT_NOUNS`]) that is the object
/// of a verb of issuing speaks for that verb's subject, the party named nearest before the verb
/// in its sentence ("Israel said Hamas issued a statement" is Hamas's), or before a relative
/// clause set off by commas right before it ("Hamas, which Israel has fought, issued a
/// statement"); an appositive there names the subject itself ("Israel's enemy, Hamas, issued").
pub(super) fn issuer_of<'m>(cx: &Ctx<'m>, sp: Span, head: &str) -> Option<&'m Mention> {
    if !DOCUMENT_NOUNS.contains(head) {
        return None;
    }
    let t = token_range(cx.seg, sp).start;
    let s = cx.seg.sentences.get(cx.seg.sentence_at(sp.start)?)?;
    let verb = t.checked_sub(1).filter(|&v| v > s.tokens.start)?;
    if !cx.is(verb, &ISSUING) {
        return None;
    }
    let from = s.span.start;
    // A relative clause set off by commas right before the verb ("Hamas, which Israel has fought
    // for years, issued ...") is no part of the subject: the party is the one before it. An
    // appositive there names the subject itself ("Its armed wing, the Qassam Brigades, issued").
    let relative_before = (verb >= s.tokens.start + 2 && cx.word(verb - 1) == ",")
        .then(|| {
            (s.tokens.start..verb - 1)
                .rev()
                .find(|&k| cx.word(k) == ",")
        })
        .flatten()
        .filter(|&open| cx.is(open + 1, &["which", "who", "whom", "whose"]));
    let upto = match relative_before {
        Some(open) => cx.seg.tokens[open].span.start,
        None => cx.seg.tokens[verb].span.start,
    };
    let lo = cx.mentions.partition_point(|m| m.span.start < from);
    cx.mentions[lo..]
        .iter()
        .take_while(|m| m.span.end <= upto)
        .filter(|m| m.form != Form::People)
        .last()
}

/// Verbs of issuing a document ("released a statement").
pub(super) static ISSUING: WordSet = WordSet::new(&[
    "issued",
    "issues",
    "released",
    "releases",
    "published",
    "publishes",
    "posted",
    "posts",
    "sent",
    "sends",
    "circulated",
]);

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_word` reads a speaker's words as lower-casing the whole speaker and splitting it
    /// would.
    #[test]
    fn has_word_is_a_word_of_the_lowercased_speaker() {
        let reference = |s: &str, w: &str| {
            s.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x == w)
        };
        let speakers = [
            "the RSF's spokesman",
            "The Ministry of Defence",
            "İstanbul police",
            "ΟΔΟΣ spokesman",
            "a  source",
            "",
            "Ｍinistry",
        ];
        let words = [
            "spokesman",
            "ministry",
            "Ministry",
            "police",
            "i",
            "stanbul",
            "",
            "source",
            "rsf",
            "οδος",
            "ｍinistry",
        ];
        let mut found = 0;
        for s in speakers {
            for w in words {
                assert_eq!(has_word(s, w), reference(s, w), "{s:?} {w:?}");
                found += usize::from(reference(s, w));
            }
        }
        assert!(found >= 8, "{found}");
    }
}
