//! Voice: for every stretch of an article, whether the outlet speaks in its own voice or reports
//! someone else's words, and who that someone is.
//!
//! The module finds three structures and paints the sentence's tokens with them, outer to inner:
//! 1. **Speech frames**: a reporting verb with its speaker. `X said (that) ...` (speaker before the
//!    verb, the words after it), `..., X said.` and `"...," said X` (the words before), `according to
//!    X`, a participle continuing the frame (`..., adding that ...`, and after a preposition of
//!    manner or time, `by saying that ...`), and a verb sharing the subject of an earlier frame
//!    (`... and claimed ...`, which ends the earlier frame's words at its coordinator), or with no
//!    frame before it the name or pronoun the sentence opens with, when the verb takes a clause
//!    (`She cut the debt, but said ...`), or that opens the clause after a fronted adverbial
//!    (`In interviews on Sunday, he defended the plan, saying ...`; a name right after a
//!    preposition or a subordinator, `After Iran struck`, is no subject). A quantifier alone (`Some said`) or a share (`47% say`)
//!    is a subject. After a quotation that ends with a comma, a question or an exclamation mark,
//!    a tag of a speaker and a verb in -ed or in the present -s is a frame (`“...,” he surmised`,
//!    `“...,” mused the co-host`, `“...,” the Texas governor continues`): the tag makes the verb
//!    one of saying. A frame in mid-sentence reports the words on
//!    both sides (`The trend, X said, has been clear`); a name and a colon opening a paragraph
//!    give the rest to the name (`Lindsey Graham: ...`); `In a poll, ...` gives the clause to
//!    the poll; `Asked whether ...,` is a question put by someone not named. Verbs of belief and finding
//!    report only with a clause after them, verbs of wanting, refusing and asking only with an
//!    infinitive (`wants to`, `asked Congress to`); verbs of trying (`sought to`) describe what
//!    someone does and make no frame. The words begin at `that` when only adjuncts or, after a
//!    verb of telling, the addressee stand before it (`wrote in a now-deleted post that`, `told
//!    reporters that`); a participle frame after a comma (`, falsely claiming that`) ends the
//!    words of the frame before it; a verb of saying inside a relative clause of the sentence's
//!    subject, with a finite verb right after it (`The recovery he promised has turned ...`),
//!    reports nothing. A naming verb's object may be completed by a prepositional phrase before
//!    the name (`called Israel's presence at five hilltops an occupation`). A verb of saying followed by adjuncts only (`X said on
//!    Monday.`) reports nothing in its sentence. A passive of accusing with no agent (`Mali's
//!    junta accused of war crimes`, `has been accused of`) is a frame with no speaker: the charge
//!    is someone's words, and the text does not say whose; with an agent (`accused by rights
//!    groups of ...`) the agent speaks. Other passive verbs and expletive subjects (`It is worth
//!    noting that`) are not frames, and a fronted adverbial before the
//!    speaker (`In a statement, it said ...`) is not reported words. A **naming verb** (`call`, `describe
//!    as`, `label`, `brand`, `dub`, `refer to ... as`) makes a frame whose words are only the name
//!    it gives (after the object, an apposition between commas, and "to be") and whose speaker is
//!    the namer: the subject (`X calls them Y`), the antecedent of a
//!    relative pronoun (`the rebels, who call themselves Y`), the subject after an object relative
//!    (`what X called Y`) or the agent of a passive (`described by X as Y`, `labelled Y by X`). A
//!    passive with no agent (`the group, described as Y,`) names no one: its name stays in the
//!    outlet's voice, with a rule that says so, since the outlet repeats the name without saying
//!    whose it is (as for a designation with no designator). A participle after an auxiliary
//!    of "have", a modal or "do" is active, even after a comma (`The government, led by Burhan,
//!    has branded the RSF Y`).
//!
//!    The speaker before the verb may be set apart from it by auxiliaries and do-support (`did
//!    say`), catenatives (`continued to say`, `were more likely to say`), a date (`on March 3
//!    said`, but `Nine in 10 said` is a subject), a place adverb (`officials there say`) or an
//!    adverbial or participle between commas (`Some voters, at campaign events, said`), which is
//!    no part of the speaker. Other frames: `..., as X said` (the clause beside it), `with X
//!    saying ...` and a participle of saying right after a noun, or a time after it, with a
//!    clause or a quotation after a colon (`a statement late Tuesday saying: “...”`), an
//!    adjective of certainty or hope before `that` (`are confident that`, `made it clear that`;
//!    not after an expletive `it`), a verb of finding or belief that closes the sentence after a
//!    comma (`..., a new poll has found.`), a noun of saying or believing before `that` and a clause
//!    after a determiner or a possessor (`Israel's claim that ...`, `the belief that ...`; the
//!    possessor speaks), and a relative clause of saying set off by commas, whose
//!    words end at its closing comma. A frame's words end before a second speaker's frame after
//!    `and`, `but`, `, while` or `, whereas`, and before `, although ...`, the outlet's concession.
//!    A passive of saying after `, as` reports the clause before the comma (`..., as first
//!    reported by the New York Times on Tuesday`).
//!    After a quotation, the words after `X told` or `X said` are no words of the frame unless
//!    they hold a clause (`“...,” Ryan told CNN's Jake Tapper about ...`).
//!    A frame inside another frame's words is part of them: its speaker and verb take the outer
//!    frame's voice (`The minister said the rebels claimed ...`), except inside an appeal
//!    (`called on X to ...`), which reports an act asked for, not words.
//! 2. **Parenthetical insertions** (between a pair of dashes or in brackets) inside reported speech:
//!    the outlet's own gloss, so author voice. An acronym alone in brackets ("Indian Illegally
//!    Occupied Jammu and Kashmir (IIOJK)") restates the words before it, in their voice.
//! 3. **Quotations**: straight and curly double marks (and guillemets, and two apostrophes `''` as
//!    older news archives write a double mark), single marks when they pair
//!    inside one sentence, quotes that run across paragraphs with a repeated opening mark, and
//!    unbalanced marks (an unclosed quote ends with its sentence unless the next paragraph reopens it).
//!    A quote takes the speaker of the frame around or beside it; a quote of one to three words with no
//!    speaker is a scare quote.
//!
//! Beside these it finds **stances and topics** (`stances`): a verb of position or of topic with
//! a noun phrase ("Clinton supported the bill", "Sanders spoke about the debt"), whose subject
//! the speech-frame rules find. They paint nothing: the noun phrase is the outlet's description
//! of a position, not the subject's words. [`crate::analysis::speech`] lists them as relations.
//! A question opening a sentence ("Asked on Monday whether ...,", "Asked about the deal,") is a
//! frame whatever follows "asked", with up to eight words of adjuncts before the question.
//!
//! Speakers written as pronouns or role nouns ("He", "It", "the envoy", "the statement") are resolved
//! to the nearest earlier speaker or person they can refer to; "It" first to the subject of the
//! sentence before, when that sentence opens with a party's name. What it does not do: parse syntax, so
//! a reporting verb used as a noun after an adjective, or a clause whose subject is far from its
//! verb, can be missed; those hits stay in the author's voice.

mod frames;
mod model;
mod quotes;
mod scope;
mod speakers;
mod stances;

use std::ops::Range;

use crate::analysis::mention::Mention;
use crate::analysis::words::{INTENTION, REQUEST};
use crate::lexicon::ActorType;
use crate::text::{LowerTokens, Segmented, TokenKind, token_range};
use frames::find_frames;
pub(crate) use frames::{APPOSITION_OPENERS, CLAIM_NOUNS, INCLUSION_WORDS};
use model::Ctx;
pub(crate) use model::{
    ACCUSATION_VERBS, DESIGNATION_VERBS, accuses, designates, skips_before_verb,
};
pub use model::{Frame, Naming, Quote, Voice, VoiceOf, Voices, Why};
pub use quotes::is_title;
use quotes::{find_quotes, parentheticals};
use speakers::{
    continuing_speaker, quote_frame, resolve_headline_speakers, resolve_speakers,
    resolve_speakers_of,
};
pub use stances::{StanceKind, stance_kind};

/// Finds frames, quotes and the voice of every token.
/// `types[a]` is the type of actor `a`, used to resolve "the group", "the army" and the like;
/// `lower` holds the tokens of `seg` in lower case; `no_party` the pronouns that stand for a
/// person of no party (`crate::analysis::actors::pronouns`), whom a speaker "he" then names.
/// With `stances_too` false, no stance or topic is looked for ([`Voices::stances`] stays empty):
/// they paint no voice and feed only the attribution relations.
pub fn analyze(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &[Mention],
    no_party: &[Mention],
    types: &[ActorType],
    stances_too: bool,
) -> Voices {
    let cx = Ctx {
        text,
        seg,
        mentions,
        no_party,
        types,
        lower,
    };
    let mut tags = vec![Why::Narration; seg.tokens.len()];
    let mut frames: Vec<Frame> = Vec::new();
    let quotes_raw = find_quotes(text, seg);
    let mut order: Vec<usize> = Vec::new();
    let mut insertions: Vec<Range<usize>> = Vec::new();
    let mut no_namer: Vec<Range<usize>> = Vec::new();
    let mut stances: Vec<Frame> = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let first = frames.len();
        find_frames(
            &cx,
            si,
            s.tokens.clone(),
            &quotes_raw,
            &mut frames,
            &mut no_namer,
        );
        if stances_too {
            stances::find_stances(
                &cx,
                si,
                &s.tokens,
                &quotes_raw,
                &frames[first..],
                &mut stances,
            );
        }
        if frames.len() == first {
            for t in no_namer.drain(..).flatten() {
                tags[t] = Why::NoNamer;
            }
            // No frame: nothing to paint (a frame's scope never leaves its sentence).
            continue;
        }
        order.clear();
        order.extend(first..frames.len());
        order.sort_by_key(|&f| (frames[f].scope.start, usize::MAX - frames[f].scope.len()));
        for &f in &order {
            // An agentless accusation inside another frame's words stays that frame's: in
            // "Hamas was accused of war crimes, Israel said", Israel speaks.
            if frames[f].inside_other(&frames[first..]) {
                continue;
            }
            for t in frames[f].scope.clone() {
                tags[t] = Why::Frame(f);
            }
        }
        paint_insertions(&cx, s.tokens.clone(), &mut insertions, &mut tags);
        paint_speakers_and_namings(&cx, &frames, first, &mut tags);
        for t in no_namer.drain(..).flatten() {
            if matches!(tags[t], Why::Narration | Why::SpeakerTag) {
                tags[t] = Why::NoNamer;
            }
        }
    }
    resolve_speakers(&cx, &mut frames);
    resolve_headline_speakers(&cx, &mut frames);
    let stances = resolved_stances(&cx, &frames, stances);
    let mut quotes = Vec::with_capacity(quotes_raw.len());
    for (qi, q) in quotes_raw.into_iter().enumerate() {
        let inner = token_range(seg, q.inner);
        let words = inner
            .clone()
            .filter(|&t| seg.tokens[t].kind != TokenKind::Punct)
            .count();
        let frame = quote_frame(&cx, &frames, &tags, &inner, q.inner, &quotes);
        let frame = frame.or_else(|| continuing_speaker(&cx, &frames, &quotes, &q));
        for t in inner {
            tags[t] = Why::Quote(qi);
        }
        quotes.push(Quote {
            span: q.span,
            inner: q.inner,
            words,
            closed: q.closed,
            continues: q.continues,
            frame,
        });
    }
    Voices {
        frames,
        quotes,
        tags,
        stances,
    }
}

/// Paints the speaker and verb of each frame of a sentence (`frames[first..]`) as a speaker tag
/// and a reporting verb, or as the words of the frame they stand inside; then the words of a
/// naming frame as the namer's.
fn paint_speakers_and_namings(cx: &Ctx, frames: &[Frame], first: usize, tags: &mut [Why]) {
    for (i, f) in frames.iter().enumerate().skip(first) {
        let outer = outer_frame(cx, frames, first, i);
        for t in f.speaker_tokens.clone() {
            tags[t] = outer.map_or(Why::SpeakerTag, Why::Frame);
        }
        for t in f.verb_tokens.clone() {
            tags[t] = outer.map_or(Why::ReportingVerb, Why::Frame);
        }
    }
    // A name given inside another frame's speaker phrase is still the namer's ("The group,
    // described by Ankara as terrorists, denied it"), and so is one given by an agentless
    // passive there; the words another frame reports stay that frame's ("X said the group,
    // described as terrorists, ...").
    for (i, f) in frames.iter().enumerate().skip(first) {
        if f.naming.is_some() {
            for t in f.scope.clone() {
                tags[t] = Why::Frame(i);
            }
        }
    }
}

/// Paints the parenthetical insertions of the sentence `r` inside reported words as the
/// outlet's own gloss. `insertions` is a buffer.
fn paint_insertions(
    cx: &Ctx,
    r: Range<usize>,
    insertions: &mut Vec<Range<usize>>,
    tags: &mut [Why],
) {
    parentheticals(cx, r, insertions);
    for r in insertions.drain(..) {
        // "Indian Illegally Occupied Jammu and Kashmir (IIOJK)": an acronym in brackets
        // restates the words before it, in their voice.
        if r.len() == 1 && crate::text::is_acronym(cx.seg.tokens[r.start].span.slice(cx.text)) {
            continue;
        }
        for t in r {
            if matches!(tags[t], Why::Frame(_)) {
                tags[t] = Why::Parenthetical;
            }
        }
    }
}

/// The stances with their speakers resolved as speech frames' are, reading the speakers of the
/// speech frames (and stances) before each; the speech frames are left as they are.
fn resolved_stances(cx: &Ctx, frames: &[Frame], stances: Vec<Frame>) -> Vec<Frame> {
    if stances.is_empty() {
        return stances;
    }
    let mut all: Vec<(bool, Frame)> = frames
        .iter()
        .map(|f| (false, f.clone()))
        .chain(stances.into_iter().map(|f| (true, f)))
        .collect();
    all.sort_by_key(|(_, f)| f.verb.start);
    let (is_stance, mut all): (Vec<bool>, Vec<Frame>) = all.into_iter().unzip();
    resolve_speakers_of(cx, &mut all, |i| is_stance[i]);
    all.into_iter()
        .zip(is_stance)
        .filter_map(|(f, s)| s.then_some(f))
        .collect()
}

/// The frame of `frames[first..]` whose reported words hold frame `i` (its verb, and its speaker
/// when it has one), if any: "Klein said two women who have accused Clinton said ..." is one
/// report inside another, and the inner frame's speaker and verb keep the outer frame's voice.
/// Not a naming frame, nor an appeal ("called on X to halt support for the regime, which it
/// accused of ..."), which reports an act asked for rather than words.
fn outer_frame(cx: &Ctx, frames: &[Frame], first: usize, i: usize) -> Option<usize> {
    let f = &frames[i];
    let v = f.verb_tokens.start;
    let inside = |g: &Frame| {
        g.scope.contains(&v)
            && (f.speaker_tokens.is_empty()
                || (g.scope.start <= f.speaker_tokens.start && f.speaker_tokens.end <= g.scope.end))
    };
    let appeal = |g: &Frame| {
        let w = cx.word(g.verb_tokens.start);
        // "called on", "called for": a verb of calling with its particle.
        REQUEST.contains(w)
            || INTENTION.contains(w)
            || (w.starts_with("call") && g.verb_tokens.len() > 1)
    };
    (first..frames.len()).find(|&g| {
        g != i
            && inside(&frames[g])
            && !f.scope.contains(&frames[g].verb_tokens.start)
            && frames[g].naming.is_none()
            && !appeal(&frames[g])
    })
}

#[cfg(test)]
mod tests {
    use super::quotes::{double_marks, is_title, mark_len_at, opens_with_double};
    use crate::text::token_range;
    use crate::text::{Span, segment};

    #[test]
    fn titles_are_told_from_speech() {
        for (quoted, title) in [
            ("Fox News Sunday", true),
            ("Orange is the New Black", true),
            ("Make America Great Again", true),
            ("HuffPost", true),
            ("rebels", false),
            ("We will win", false),
            ("The Regime Has Fallen. We Won", false),
            ("", false),
        ] {
            assert_eq!(is_title(quoted), title, "{quoted:?}");
        }
    }

    #[test]
    fn a_span_inside_one_token_gets_that_token() {
        // (text, the span's bytes, the token range): a span on token bounds gets the tokens it
        // covers; one inside a token (format characters the tokenizer keeps in the word) gets
        // that token; one in the space between tokens gets none.
        let text = "\u{1e023}\u{202e}militants\u{202c} attacked";
        let word = text.find('m').unwrap()..text.find("\u{202c}").unwrap();
        let cases: &[(std::ops::Range<usize>, std::ops::Range<usize>)] = &[
            (word, 0..1),
            (text.find("attacked").unwrap()..text.len(), 1..2),
            (0..text.len(), 0..2),
            (text.find(' ').unwrap()..text.find(' ').unwrap() + 1, 1..1),
        ];
        let seg = segment(text);
        assert_eq!(seg.tokens.len(), 2);
        for (bytes, want) in cases {
            let got = token_range(&seg, Span::new(bytes.start, bytes.end));
            assert_eq!(got, *want, "{:?}", &text[bytes.clone()]);
        }
        // The analysis of such a term reads its context and does not panic.
        let an = crate::Analyzer::new(crate::Lexicon::bundled().unwrap()).unwrap();
        let a = an.analyze("t", "\u{1e023}\u{202e}militants\u{202c}");
        assert_eq!(a.hits.len(), 1);
    }

    /// A double mark: byte offset, the mark, its length in bytes.
    type Mark = (usize, char, usize);

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        let cases: &[(&str, &[Mark])] = &[
            ("''Türkiye,'' he said", &[(0, '"', 2), (11, '"', 2)]),
            (
                "“Ça va,” ''oui''",
                &[(0, '“', 3), (10, '”', 3), (14, '"', 2), (19, '"', 2)],
            ),
            ("rock 'n' roll", &[]),
            // Three apostrophes: a pair, then a lone mark.
            ("'''", &[(0, '"', 2)]),
            ("''''", &[(0, '"', 2), (2, '"', 2)]),
        ];
        for &(text, want) in cases {
            let got = double_marks(text);
            assert_eq!(got, want, "{text:?}");
            for &(at, _, len) in &got {
                assert_eq!(mark_len_at(text, at), len, "{text:?} at {at}");
                assert!(text.is_char_boundary(at) && text.is_char_boundary(at + len));
            }
        }
        assert!(opens_with_double("''We won''"));
        assert!(!opens_with_double("'We won'"));
    }
}
