//! Speech frames: the reporting, naming, nominal and adjectival frames of a sentence, each with
//! its verb, its speaker's words and its scope, found by `find_frames` in the order the module
//! doc of `voice` gives.

use std::ops::Range;

use super::model::{
    ACCUSATION_VERBS, BE_PROGRESSIVE, Ctx, DETERMINERS, Frame, FrameKind, MAX_NAME_TOKENS,
    NAME_ENDS_AT, NOT_A_NAME_AFTER, NOT_SUBJECT, Naming, OBJECT_PREPOSITIONS, OBJECT_PRONOUNS,
    QUESTION_WORDS, REPORTING_SAY, RawQuote, SKIP_BEFORE_VERB, SPEAKER_ADJUNCTS, complement_clause,
    finite, fronted_adverbial, is_adjunct_start, negated_auxiliary, opens_clause, past_form,
    skips_before_verb, source_phrase_at, subject_pronoun, takes_charge, takes_clause,
    takes_infinitive,
};
use super::quotes::{is_closing_mark, is_title};
use super::scope::{
    adjuncts_only, antecedent_phrase, comma_outside_quotes, complement_end, content_start,
    fronted_before, fronted_phrase, holds_verb, in_subject_relative, inverted_after_comma,
    ly_adverb, opening_name, opening_subject, opens_no_subject, parenthetical_rest, subject_back,
    subject_before_insertions,
};
use crate::analysis::mention::Form;
use crate::analysis::words::{ATTITUDE, AUXILIARIES, INTENTION, NAMING_VERBS, REPORTING, REQUEST};
use crate::text::WordSet;
use crate::text::{Span, TokenKind, is_calendar_word, is_quote_char, token_range};

/// Finds the speech frames of one sentence.
/// Names given by an agentless passive naming verb go to `no_namer`.
pub(super) fn find_frames(
    cx: &Ctx,
    si: usize,
    r: Range<usize>,
    quotes: &[RawQuote],
    frames: &mut Vec<Frame>,
    no_namer: &mut Vec<Range<usize>>,
) {
    let first_frame = frames.len();
    let end = r.end;
    let quoted = quotation_closes_in(cx, &r, quotes);
    let mut t = r.start;
    while t < end {
        let w = cx.word(t);
        // Most words open no frame, and every test below asks for a cue word first.
        if t > r.start && !may_open_frame(w, quoted) {
            t += 1;
            continue;
        }
        if let Some(width) = source_phrase_at(cx, t, end) {
            let (f, next) = according_to(cx, si, &r, t, width);
            frames.extend(f);
            t = next;
            continue;
        }
        if t == r.start
            && let Some(f) = in_evidence(cx, si, &r)
        {
            t = f.scope.start;
            frames.push(f);
            continue;
        }
        let naming_verb = NAMING_VERBS.contains(w);
        // '"Why now?" asked the minister': after a closing quote a verb of saying inverts.
        let after_quote = t > r.start
            && (is_closing_mark(cx, t - 1)
                || (t > r.start + 1 && cx.word(t - 1) == "," && is_closing_mark(cx, t - 2)));
        // "Asked about the deal, ...": a question opening the sentence, whatever follows "asked".
        if w == "asked"
            && let Some(f) = question_frame(cx, si, &r, t, verb_group_start(cx, &r, t).0)
        {
            frames.push(f);
            t += 1;
            continue;
        }
        if let Some(f) = adjective_frame(cx, si, &r, t, quotes, &frames[first_frame..])
            .or_else(|| nominal_frame(cx, si, &r, t, quotes))
        {
            frames.push(f);
            t += 1;
            continue;
        }
        let attitude = reports_a_view(cx, &r, t, after_quote);
        let tag = speech_tag(cx, &r, t, quotes);
        if !(naming_verb || attitude || tag || REPORTING.contains(w)) || cx.in_mention(t) {
            t += 1;
            continue;
        }
        if naming_verb {
            match naming_at(cx, si, &r, t, quotes, &frames[first_frame..]) {
                Some(NamingAt::Frame(f)) => {
                    frames.push(f);
                    t += 1;
                    continue;
                }
                Some(NamingAt::NoNamer(name)) => {
                    no_namer.push(name);
                    t += 1;
                    continue;
                }
                None => {}
            }
            // Not naming. "call" then has other senses (to phone, to summon) and reports words
            // only as an appeal: "called for a ceasefire", "called on Israel to withdraw".
            let appeal = t + 1 < end && matches!(cx.word(t + 1), "for" | "on" | "upon");
            if !REPORTING.contains(w) || (w.starts_with("call") && !appeal) {
                t += 1;
                continue;
            }
        }
        if let Some(mut f) = frame_at(cx, si, &r, t, quotes, &frames[first_frame..]) {
            if w.starts_with("call") {
                take_particle(cx, &mut f);
            }
            frames.push(f);
        }
        t += 1;
    }
    frames.extend(headline_source(cx, si, &r));
    if let Some(f) = colon_source(cx, si, &r) {
        frames.push(f);
    }
    // Keep frames in text order of their verbs (lookups rely on it).
    frames[first_frame..].sort_by_key(|f| f.verb.start);
    end_before_participles(cx, &r, &mut frames[first_frame..]);
    end_before_coordinated(cx, &r, &mut frames[first_frame..]);
}

/// A headline's source after a final dash: "Russian forces liberate two villages – MOD"; or
/// after a final colon with at least three tokens before it, when it is a party the text knows
/// or an acronym ("Security forces send 11 khwarij to hell: ISPR"), not a title-case phrase
/// ("Deal Signed: What It Means", "Truce Collapses: Israel Resumes Strikes"). `r` holds the
/// tokens of sentence `si`.
fn headline_source(cx: &Ctx, si: usize, r: &Range<usize>) -> Option<Frame> {
    let end = r.end;
    let sentence = &cx.seg.sentences[si];
    let dash_or_colon = |k: usize| match cx.word(k) {
        "–" | "—" | "-" => cx.seg.tokens[k].span.start > cx.seg.tokens[k - 1].span.end,
        ":" => k >= r.start + 3 && headline_source_name(cx, k + 1..end),
        _ => false,
    };
    if cx.seg.paragraphs[sentence.paragraph].headline
        && let Some(d) = (r.start + 1..end)
            .rev()
            .take(5)
            .find(|&k| matches!(cx.word(k), "–" | "—" | "-" | ":"))
        && d + 1 < end
        && (d + 1..end).all(|k| cx.first_char(k).is_uppercase() || cx.is_punct(k))
        && dash_or_colon(d)
    {
        return Some(Frame {
            kind: FrameKind::HeadlineSource,
            verb: cx.seg.tokens[d].span,
            speaker: cx.span(&(d + 1..end)),
            speaker_actor: None,
            resolved_from: None,
            by_type: false,
            sentence: si,
            naming: None,
            scope: r.start..d,
            verb_tokens: d..d + 1,
            speaker_tokens: d + 1..end,
        });
    }
    None
}

/// Whether the words `r` after a headline's final colon name its source: mentions of parties
/// or people the text knows cover every word, or every word is an acronym
/// ([`crate::text::is_acronym`]: "ISPR") and no label of a page ("VIDEO", "UPDATE").
pub(super) fn headline_source_name(cx: &Ctx, r: Range<usize>) -> bool {
    let words: Vec<usize> = r.clone().filter(|&k| !cx.is_punct(k)).collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let known = words.iter().all(|&k| {
        let at = cx.seg.tokens[k].span;
        cx.mentions.iter().any(|m| m.span.contains(at))
    });
    let acronyms = words.iter().all(|&k| {
        crate::text::is_acronym(cx.seg.tokens[k].span.slice(cx.text)) && !cx.is(k, &PAGE_LABELS)
    });
    known || acronyms
}

/// Nouns of wording, whose relative clause names who uses the words ("the label Moscow
/// rejected", "the term Israel uses"), not who speaks.
pub(super) static WORDING_NOUNS: WordSet = WordSet::new(&[
    "label",
    "term",
    "word",
    "words",
    "name",
    "phrase",
    "description",
    "characterization",
    "characterisation",
    "epithet",
    "slogan",
    "nickname",
]);

/// Adverbs in -s, which a speech tag's verb in the present is not.
pub(super) static NOT_VERBS_IN_S: WordSet = WordSet::new(&[
    "perhaps",
    "besides",
    "always",
    "sometimes",
    "afterwards",
    "towards",
    "nevertheless",
    "nonetheless",
    "regardless",
]);

/// Whether a quotation closes in the tokens `r`: a speech tag follows one ([`speech_tag`]).
fn quotation_closes_in(cx: &Ctx, r: &Range<usize>, quotes: &[RawQuote]) -> bool {
    r.start < r.end && {
        let from = cx.seg.tokens[r.start].span.start;
        let to = cx.seg.tokens[r.end - 1].span.end;
        quotes.iter().any(|q| from < q.span.end && q.span.end <= to)
    }
}

/// Whether the lower-case word `w` may open a frame in [`find_frames`] anywhere but at the start
/// of its sentence (where [`in_evidence`] reads the sentence's opening): a cue word
/// ([`crate::analysis::words::is_cue_word`]: saying, naming, belief, aim, request, or the first
/// word of a source phrase), an attitude adjective ([`ATTITUDE_ADJECTIVES`]), a noun of claim
/// ([`CLAIM_NOUNS`]), or, when a quotation closes in the sentence (`quoted`), a word in -ed or -s
/// of four letters or more that [`speech_tag`] may read as a verb. Every test of the loop in
/// `find_frames` asks for one of these before anything else, so a word that is none of them is
/// passed over with one lookup: the words are hashed once, into one set. The test
/// `words_that_open_no_frame_pass_every_test` checks this on the bundled articles and gold sets.
fn may_open_frame(w: &str, quoted: bool) -> bool {
    static CUES: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let lists = [
            &REPORTING,
            &NAMING_VERBS,
            &ATTITUDE,
            &INTENTION,
            &REQUEST,
            &ATTITUDE_ADJECTIVES,
            &CLAIM_NOUNS,
        ];
        lists
            .into_iter()
            .flat_map(|l| l.iter().copied())
            .chain(crate::analysis::words::SOURCE_PHRASES.iter().map(|p| p[0]))
            .collect()
    });
    (quoted && w.len() > 3 && (w.ends_with("ed") || w.ends_with('s'))) || cues.contains(w)
}

/// '“People are afraid of wasting their votes,” he surmised.', '“Imagine that,” mused the
/// co-host.': a quotation that ends with a comma, a question or an exclamation mark inside its
/// closing mark (or a comma after it), and is no title, followed by a verb in -ed or in the
/// present in -s ("the governor continues", "she quips") and its speaker in either order, with
/// the tag ending the sentence or followed by a comma. The speaker before the verb is a subject
/// pronoun, one to four capitalised words, or a description of up to four words after a
/// determiner ("the Texas governor"); after it, up to seven
/// words that open with a capital, a determiner or a pronoun (not "in July"). In this tag such a
/// verb is one of saying or of the manner of saying ("mused", "quipped", "scoffed"), which no
/// word list holds whole.
pub(super) fn speech_tag(cx: &Ctx, r: &Range<usize>, v: usize, quotes: &[RawQuote]) -> bool {
    let w = cx.word(v);
    let lower = !cx.first_char(v).is_uppercase();
    let past = w.len() > 3 && w.ends_with("ed");
    // The present of features ("..., the governor continues", "..., she quips"); not a
    // conjunction or an adverb in -s ("..., whereas the data show", "..., perhaps").
    let present = w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| w.ends_with(e))
        && !opens_clause(cx.word(v))
        && !finite(cx.word(v))
        && !cx.is(v, &NOT_VERBS_IN_S);
    if !lower || !(past || present) || v < r.start + 2 {
        return false;
    }
    // The quotation closes at token `k - 1` ('”' or '”,'), is someone's words (not the title of
    // a film or a show), and its own last mark says a tag follows.
    let someones_words = |mark: usize| {
        let end = cx.seg.tokens[mark].span.end;
        quotes
            .iter()
            .find(|q| q.span.end == end)
            .is_some_and(|q| !is_title(q.inner.slice(cx.text)))
    };
    let quote_closes_before = |k: usize| {
        if k >= r.start + 2 && is_closing_mark(cx, k - 1) {
            matches!(cx.word(k - 2), "," | "?" | "!") && someones_words(k - 1)
        } else {
            k >= r.start + 3
                && cx.word(k - 1) == ","
                && is_closing_mark(cx, k - 2)
                && someones_words(k - 2)
        }
    };
    let ends = |k: usize| k >= r.end || matches!(cx.word(k), "." | ",");
    // Inverted: the verb right after the quotation, then the speaker.
    if quote_closes_before(v) {
        let first = v + 1;
        let opens = first < r.end
            && ((cx.first_char(first).is_uppercase() && !is_calendar_word(cx.word(first)))
                || cx.is(first, &DETERMINERS)
                || subject_pronoun(cx.word(first)));
        // A hyphen inside a name or title ("co-host") does not end the speaker.
        let e = (first..r.end)
            .find(|&k| cx.is_punct(k) && !is_word_hyphen(cx.word(k)) && cx.word(k) != ".")
            .unwrap_or(r.end);
        let e = (first..e).find(|&k| cx.word(k) == ".").unwrap_or(e);
        return opens && e > first && e - v <= 8 && ends(e);
    }
    // The speaker, then the verb: a subject pronoun, one to four capitalised words, or a
    // description of up to four words after a determiner ("the Texas governor").
    let mut k = v;
    if subject_pronoun(cx.word(k - 1)) {
        k -= 1;
    } else {
        while k > r.start && v - k < 4 && cx.first_char(k - 1).is_uppercase() && !cx.is_punct(k - 1)
        {
            k -= 1;
        }
        if k == v || !quote_closes_before(k) {
            // Not a noun of wording with a relative clause ("the label Moscow rejected", "the
            // term Israel uses"): the name there is the clause's subject, not a speaker.
            let wording_relative = |d: usize| {
                cx.first_char(v - 1).is_uppercase()
                    && (d + 1..v - 1).any(|j| cx.is(j, &WORDING_NOUNS))
            };
            let described = (v.saturating_sub(5).max(r.start)..v)
                .rev()
                .find(|&d| cx.is(d, &DETERMINERS) && (d + 1..v).all(|j| !cx.is_punct(j)))
                .filter(|&d| !wording_relative(d));
            if let Some(d) = described {
                k = d;
            }
        }
    }
    k < v && ends(v + 1) && quote_closes_before(k)
}

/// The hyphens that join the parts of a word or name ("vice-president", "co-host").
pub(super) fn is_word_hyphen(w: &str) -> bool {
    matches!(w, "-" | "‐" | "‑")
}

/// The comma before the participle at `v`, over the adverbs between them (", erroneously
/// claiming", ", also citing"), or the closing quotation mark right after such a comma; when
/// there is one.
pub(super) fn participle_comma(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<usize> {
    let mut k = v;
    while k > r.start && (ly_adverb(cx, k - 1) || skips_before_verb(cx.word(k - 1))) {
        k -= 1;
    }
    if k > r.start && cx.word(k - 1) == "," {
        return Some(k - 1);
    }
    // American style puts the comma inside the closing quotation mark: 'party," claiming'.
    (k > r.start + 1 && is_closing_mark(cx, k - 1) && cx.word(k - 2) == ",").then(|| k - 1)
}

/// Prepositions of manner and time that make a participle after them an adverbial of its clause
/// ("by saying that", "while insisting that", "after claiming that").
pub(super) static ADVERBIAL_PREPOSITIONS: WordSet =
    WordSet::new(&["by", "while", "after", "before", "when"]);

/// "Ryan dismissed the critique, erroneously claiming that ...": a participle frame after a
/// comma starts a predicate of its own. The words of a frame before it in the sentence end at
/// that comma, so the adverbs and the participle are the outlet's description of the act.
pub(super) fn end_before_participles(cx: &Ctx, r: &Range<usize>, frames: &mut [Frame]) {
    for i in 1..frames.len() {
        // A participle of naming reports only the name ("calling the charge a pretext"): the
        // words before it stay the earlier frame's.
        if frames[i].kind != FrameKind::Participle || frames[i].naming.is_some() {
            continue;
        }
        let Some(comma) = participle_comma(cx, r, frames[i].verb_tokens.start) else {
            continue;
        };
        for f in &mut frames[..i] {
            let reports = matches!(
                f.kind,
                FrameKind::SpeakerFirst | FrameKind::SharedSubject | FrameKind::Participle
            );
            if reports && f.naming.is_none() && f.scope.start <= comma && comma < f.scope.end {
                f.scope.end = comma;
            }
        }
    }
}

/// "Clinton has encouraged European nations to bolster defense spending but has said she will
/// hold firm": a frame that shares the subject of the sentence's first verb ("... and claimed
/// ...") is a second predicate, coordinated with the first. The words of a frame before it end
/// at the coordinator ("and", "but", after the auxiliaries and adverbs before the verb), so
/// each verb reports its own words.
pub(super) fn end_before_coordinated(cx: &Ctx, r: &Range<usize>, frames: &mut [Frame]) {
    for i in 1..frames.len() {
        if frames[i].naming.is_some() {
            continue;
        }
        // "Fowler said the race would be intense — and he noted ...": a frame with a subject of
        // its own right after the coordinator.
        let mut k = match frames[i].kind {
            FrameKind::SharedSubject => frames[i].verb_tokens.start,
            FrameKind::SpeakerFirst if !frames[i].speaker_tokens.is_empty() => {
                frames[i].speaker_tokens.start
            }
            _ => continue,
        };
        while k > r.start && (ly_adverb(cx, k - 1) || skips_before_verb(cx.word(k - 1))) {
            k -= 1;
        }
        // "X claimed ..., while Y alleged ...": after a comma, "while" and "whereas" set a
        // second speaker's frame against the first.
        let contrast = frames[i].kind == FrameKind::SpeakerFirst
            && k >= r.start + 2
            && cx.is(k - 1, &["while", "whereas"])
            && cx.word(k - 2) == ",";
        if k == r.start || !(matches!(cx.word(k - 1), "and" | "but") || contrast) {
            continue;
        }
        let mut coordinator = k - 1;
        while coordinator > r.start && matches!(cx.word(coordinator - 1), "," | "—" | "–" | ";")
        {
            coordinator -= 1;
        }
        for f in &mut frames[..i] {
            let reports = matches!(
                f.kind,
                FrameKind::SpeakerFirst | FrameKind::SharedSubject | FrameKind::Participle
            );
            if reports
                && f.naming.is_none()
                && f.scope.start < coordinator
                && coordinator < f.scope.end
            {
                f.scope.end = coordinator;
            }
        }
    }
}

/// Words before a colon that label a part of a page rather than name a speaker.
pub(super) static PAGE_LABELS: WordSet = WordSet::new(&[
    "update",
    "updated",
    "note",
    "editor's",
    "editor’s",
    "watch",
    "video",
    "photos",
    "photo",
    "related",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "q",
    "a",
    "read",
    "correction",
    "clarification",
    "advertisement",
    "transcript",
    "source",
    "sources",
    "listen",
    "see",
    "more",
    "also",
    "contact",
    "email",
    "follow",
    "subscribe",
    "click",
    "warning",
    "disclaimer",
]);

/// "Lindsey Graham: Trump's rhetoric destroying GOP's chance", "NY Daily News: ...": a
/// paragraph that opens with a short name and a colon gives the words after the colon to that
/// name, as headlines and lead-ins do. The name is one to five tokens, opening with a capital
/// letter (not all capitals, which is a label or a dateline), with no auxiliary, verb of saying
/// or clause word; it names a person the text knows, or is two or more capitalised words. At
/// least three words follow. Labels of a page ("Update:", "Watch:") are not names, and neither
/// is a lone word or a phrase in lower case ("Sudan: ...", "Gaza war: ..."), a headline's topic.
pub(super) fn colon_source(cx: &Ctx, si: usize, r: &Range<usize>) -> Option<Frame> {
    let sentence = &cx.seg.sentences[si];
    let first_of_paragraph = si == 0 || cx.seg.sentences[si - 1].paragraph != sentence.paragraph;
    if !first_of_paragraph {
        return None;
    }
    let colon = (r.start..r.end.min(r.start + 6)).find(|&k| cx.word(k) == ":")?;
    if colon == r.start || colon + 3 >= r.end {
        return None;
    }
    let first = cx.seg.tokens[r.start].span.slice(cx.text);
    let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !first.chars().any(char::is_lowercase);
    let name_like = cx.first_char(r.start).is_uppercase()
        && !all_caps
        && (r.start..colon).all(|k| {
            !(cx.is(k, &PAGE_LABELS)
                || finite(cx.word(k))
                || opens_clause(cx.word(k))
                || opens_no_subject(cx, k)
                || REPORTING.contains(cx.word(k))
                || (cx.is_punct(k) && cx.word(k) != "."))
        });
    // A person, or a name of two or more capitalised words ("NY Daily News"): a lone word or
    // a phrase in lower case is a headline's topic ("Sudan: civilians killed", "Gaza war: ...").
    let name = cx.span(&(r.start..colon));
    let person = cx
        .first_actor(name)
        .is_some_and(|m| matches!(m.form, Form::Person | Form::Title));
    let proper = colon - r.start >= 2
        && (r.start..colon).all(|k| cx.first_char(k).is_uppercase() || cx.word(k) == ".");
    if !name_like || !(person || proper) {
        return None;
    }
    Some(Frame {
        kind: FrameKind::ColonSource,
        verb: cx.seg.tokens[colon].span,
        speaker: cx.span(&(r.start..colon)),
        speaker_actor: None,
        resolved_from: None,
        by_type: false,
        sentence: si,
        naming: None,
        scope: colon + 1..r.end,
        verb_tokens: colon..colon + 1,
        speaker_tokens: r.start..colon,
    })
}

/// Verbs of finding that report what a poll, study or record shows, with no clause after them
/// ("a poll shows Sanders leading").
pub(super) static FINDING: WordSet = WordSet::new(&[
    "show",
    "shows",
    "showed",
    "shown",
    "found",
    "finds",
    "suggests",
    "suggested",
    "indicates",
    "indicated",
]);

/// Nouns for sources of evidence that speak through a verb of finding or open a sentence with
/// "In a ... poll,".
pub(super) static EVIDENCE_NOUNS: WordSet = WordSet::new(&[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "analysis",
    "research",
    "figures",
    "numbers",
    "records",
    "documents",
    "results",
    "census",
    "tally",
    "audit",
    "review",
    "investigation",
    "estimates",
    "polling",
]);

/// Whether the subject before the verb at `v` is a source of evidence: an evidence noun heads
/// it, right before the verb or before a participle phrase ("exit polls conducted by Edison
/// Research show ..."), at most eight words back with no punctuation or clause word between, and
/// not after a preposition ("searching the hospital for documents found weapons").
pub(super) fn evidence_subject(cx: &Ctx, r: &Range<usize>, v: usize) -> bool {
    let Some(k) = (v.saturating_sub(8).max(r.start)..v)
        .rev()
        .take_while(|&k| !cx.is_punct(k) && !opens_clause(cx.word(k)))
        .find(|&k| cx.is(k, &EVIDENCE_NOUNS))
    else {
        return false;
    };
    let participle = k + 1 == v || {
        let w = cx.word(k + 1);
        w.ends_with("ed") && !cx.first_char(k + 1).is_uppercase()
    };
    let after_preposition = k > r.start && is_adjunct_start(cx.word(k - 1));
    participle && !after_preposition
}

/// "In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Clinton": a
/// sentence that opens with "In" and a noun phrase on a source of evidence up to a comma gives
/// the clause after the comma to that source. The phrase is at most twelve tokens and an
/// evidence noun heads it (before any preposition or participle); the clause holds no verb of
/// saying of its own.
pub(super) fn in_evidence(cx: &Ctx, si: usize, r: &Range<usize>) -> Option<Frame> {
    if cx.word(r.start) != "in" {
        return None;
    }
    let comma = (r.start + 1..r.end.min(r.start + 14)).find(|&k| cx.is_punct(k))?;
    let source = r.start + 1..comma;
    // The evidence noun heads the phrase: it comes before any preposition or participle ("In
    // response to the report, ..." is not the report's).
    let head_end = source
        .clone()
        .find(|&k| {
            is_adjunct_start(cx.word(k))
                || (cx.word(k).ends_with("ed") && !cx.first_char(k).is_uppercase())
        })
        .unwrap_or(comma);
    if cx.word(comma) != ","
        || comma + 3 > r.end
        || !(source.start..head_end).any(|k| cx.is(k, &EVIDENCE_NOUNS))
        || (comma + 1..r.end).any(|k| REPORTING.contains(cx.word(k)) || cx.is(k, &FINDING))
    {
        return None;
    }
    Some(Frame {
        kind: FrameKind::AccordingTo,
        verb: cx.seg.tokens[r.start].span,
        speaker: cx.span(&source),
        speaker_actor: None,
        resolved_from: None,
        by_type: false,
        sentence: si,
        naming: None,
        scope: comma + 1..r.end,
        verb_tokens: r.start..r.start + 1,
        speaker_tokens: source,
    })
}

/// "according to X" at token `t`: the frame (none when no speaker follows) and the token to
/// go on from. At the start of a sentence the words after the speaker are reported; elsewhere,
/// those before "according".
pub(super) fn according_to(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    t: usize,
    width: usize,
) -> (Option<Frame>, usize) {
    let end = r.end;
    let sp_start = t + width;
    let mut sp_end = sp_start;
    while sp_end < end && !matches!(cx.word(sp_end), "," | "." | ";" | ":" | "!" | "?") {
        sp_end += 1;
    }
    let next = sp_end.max(t + width);
    if sp_end == sp_start {
        return (None, next);
    }
    let scope = if t == r.start {
        (sp_end + 1).min(end)..end
    } else {
        let mut s_end = t;
        if s_end > r.start && cx.word(s_end - 1) == "," {
            s_end -= 1;
        }
        r.start..s_end
    };
    let f = Frame {
        kind: FrameKind::AccordingTo,
        verb: cx.span(&(t..t + width)),
        speaker: cx.span(&(sp_start..sp_end)),
        speaker_actor: None,
        resolved_from: None,
        by_type: false,
        sentence: si,
        naming: None,
        scope,
        verb_tokens: t..t + width,
        speaker_tokens: sp_start..sp_end,
    };
    (Some(f), next)
}

/// Whether the verb of belief, finding, wanting or asking at `t` reports a view here: a verb of
/// belief or finding with a clause after it (or inverted after a quote, or a verb of finding
/// after an evidence noun: "a poll shows Sanders leading"); a verb of wanting or asking with an
/// infinitive ("wants to", "asked Congress to").
pub(super) fn reports_a_view(cx: &Ctx, r: &Range<usize>, t: usize, after_quote: bool) -> bool {
    let w = cx.word(t);
    let end = r.end;
    // "..., a new poll has found.", "..., analysts believe.": a verb of finding or belief
    // closes the sentence after a comma ("After a long debate, the council agreed." reports
    // nothing).
    let closes = (FINDING.contains(w) || CLOSING_BELIEF.contains(w))
        && (t + 1..end).all(|k| cx.is_punct(k) && !is_quote_char(cx.first_char(k)))
        && (r.start + 3..t).any(|k| cx.word(k) == ",");
    (ATTITUDE.contains(w)
        && (takes_clause(cx, t, end)
            || closes
            || (after_quote && REPORTING_SAY.contains(w))
            || (FINDING.contains(w) && evidence_subject(cx, r, t))))
        || ((INTENTION.contains(w) || REQUEST.contains(w)) && takes_infinitive(cx, t, end))
}

/// "called for a boycott", "calling on Congress to act": the particle of an appeal is part of
/// the cue, not of the words reported.
pub(super) fn take_particle(cx: &Ctx, f: &mut Frame) {
    let v = f.verb_tokens.start;
    let particle = v + 1;
    if f.scope.start == particle && particle + 1 < f.scope.end {
        f.verb_tokens = v..particle + 1;
        f.verb = cx.span(&f.verb_tokens);
        f.scope.start = particle + 1;
    }
}

/// What a naming verb gives when it names.
pub(super) enum NamingAt {
    /// The namer's frame, whose scope is the name.
    Frame(Frame),
    /// The tokens of a name given by a passive with no agent.
    NoNamer(Range<usize>),
}

/// French forms of "have" before a past participle in -é ("a déclaré", "ont affirmé"): skipped
/// only before such a participle, since "a" is also the English article.
pub(super) static FRENCH_AUXILIARIES: WordSet =
    WordSet::new(&["a", "ont", "avait", "avaient", "aurait", "auraient"]);

/// Where the verb group of the verb at `v` starts: the walk back over adverbs, auxiliaries,
/// negations and dates to the end of the subject. "does not call", "didn't say", "have not
/// said", "isn't saying": the subject is before the negation (which is recorded on the hit, not
/// here). Also whether a form of "be" makes a verb in -ing progressive ("is warning voters
/// that ...", "has been saying"): a finite verb, not a participle.
pub(super) fn verb_group_start(cx: &Ctx, r: &Range<usize>, v: usize) -> (usize, bool) {
    let word = cx.word(v);
    let mut progressive = false;
    let mut b = v;
    while b > r.start {
        let w = cx.word(b - 1);
        let negation = match w {
            "not" => b >= r.start + 2 && cx.is(b - 2, &AUXILIARIES),
            _ if cx.is(b - 1, &AUXILIARIES) => b < v && cx.word(b) == "not",
            _ => negated_auxiliary(w),
        };
        let negated_be = negation
            && ["is", "are", "was", "were"]
                .iter()
                .any(|b| w.starts_with(b));
        // "Israel's warning to residents": an 's after a name is a possessive, not "is".
        let possessive = cx.seg.tokens[b - 1].kind == TokenKind::Possessive
            && !(b >= 2 && cx.is(b - 2, &["he", "she", "it", "that", "there", "who", "what"]));
        let be = word.ends_with("ing") && !possessive && (BE_PROGRESSIVE.contains(w) || negated_be);
        progressive |= be;
        let skippable = SKIP_BEFORE_VERB.contains(w)
            || (word.ends_with('é') && FRENCH_AUXILIARIES.contains(w))
            || is_calendar_word(w)
            || negation
            || be
            || date_number(cx, r, b - 1)
            || catenative_to(cx, r, b)
            || (w == "in" && cx.word(b).len() == 4 && date_number(cx, r, b))
            || locative_after_noun(cx, r, b - 1);
        if !skippable {
            break;
        }
        b -= 1;
    }
    (b, progressive)
}

/// Verbs and adjectives that take the verb of saying as an infinitive without changing who
/// speaks: "continued to say", "seemed to suggest", "has to show", "went on to say", "were more
/// likely to say".
pub(super) static CATENATIVES: WordSet = WordSet::new(&[
    "continue",
    "continues",
    "continued",
    "continuing",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "begin",
    "begins",
    "began",
    "begun",
    "start",
    "starts",
    "started",
    "tend",
    "tends",
    "tended",
    "need",
    "needs",
    "needed",
    "has",
    "have",
    "had",
    "likely",
    "unlikely",
    "going",
    "used",
    "ought",
    "able",
    "willing",
    "eager",
    "quick",
    "keen",
    "went",
    "goes",
    "go",
    "on",
]);

/// Words of degree before an adjective of [`CATENATIVES`] ("were slightly more likely to say");
/// forms of "be" ([`BE_PROGRESSIVE`]) are stepped over there too.
pub(super) static CATENATIVE_DEGREE: WordSet = WordSet::new(&[
    "more", "less", "most", "slightly", "much", "far", "very", "so",
]);

/// Whether the walk back from a verb of saying to its subject may step over token `b - 1`, part
/// of a catenative chain the verb's infinitive ends: the "to" after a catenative, the
/// catenative before its "to" ("went on to"), and the degree words and "be" before an adjective
/// of the chain. The chain keeps the speaker: "Lewandowski continued to say he had never ...".
pub(super) fn catenative_to(cx: &Ctx, r: &Range<usize>, b: usize) -> bool {
    let k = b - 1;
    let w = cx.word(k);
    if w == "to" {
        return k > r.start && cx.is(k - 1, &CATENATIVES);
    }
    let chain = cx.is(b, &["to", "on"]) || cx.is(b, &CATENATIVES);
    // Degree words and "be" only before an adjective of the chain ("were slightly more likely
    // to"), never on their own ("most were saying": "most" is the subject).
    let adjective = (b..r.end).take(4).any(|j| {
        cx.is(
            j,
            &["likely", "unlikely", "able", "willing", "eager", "going"],
        )
    });
    (chain && cx.is(k, &CATENATIVES))
        || (adjective && (cx.is(k, &CATENATIVE_DEGREE) || cx.is(k, &BE_PROGRESSIVE)))
}

/// Whether the number at `k` is part of a date before a verb ("on March 3 said", "on 3 March
/// said", "in 2010 said"): next to a month or day name, or a year. "Nine in 10 said" is a
/// subject.
pub(super) fn date_number(cx: &Ctx, r: &Range<usize>, k: usize) -> bool {
    let year = |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y));
    cx.seg.tokens[k].kind == TokenKind::Number
        && ((k > r.start && is_calendar_word(cx.word(k - 1)))
            || is_calendar_word(cx.word(k + 1))
            || year(cx.word(k)))
}

/// "officials there say", "analysts here believe": a place adverb after a noun is part of the
/// subject's noun phrase, not a word that ends it. Not after a verb in a relative clause ("those
/// who live there say"): the word before the noun opens no clause, and the noun is no
/// participle.
pub(super) fn locative_after_noun(cx: &Ctx, r: &Range<usize>, k: usize) -> bool {
    k > r.start
        && cx.is(k, &["here", "there"])
        && cx.word(k - 1).chars().all(char::is_alphabetic)
        && !cx.word(k - 1).ends_with("ed")
        && !cx.is(k - 1, &NOT_SUBJECT)
        && !finite(cx.word(k - 1))
        && !(k >= r.start + 2 && opens_clause(cx.word(k - 2)))
}

/// A frame of kind `kind` for the verb at token `v` of sentence `si`; with no speaker tokens the
/// speaker span is the verb's.
pub(super) fn new_frame(
    cx: &Ctx,
    si: usize,
    v: usize,
    kind: FrameKind,
    speaker_tokens: Range<usize>,
    scope: Range<usize>,
) -> Frame {
    Frame {
        kind,
        verb: cx.seg.tokens[v].span,
        speaker: if speaker_tokens.is_empty() {
            cx.seg.tokens[v].span
        } else {
            cx.span(&speaker_tokens)
        },
        speaker_actor: None,
        resolved_from: None,
        by_type: false,
        sentence: si,
        naming: None,
        scope,
        verb_tokens: v..v + 1,
        speaker_tokens,
    }
}

/// How many words of adjuncts may stand between "asked" and the question it opens.
pub(super) const QUESTION_ADJUNCT_WORDS: usize = 8;

/// "Asked whether he would run, Ryan said ...", "When asked about the deal, ...": a question
/// opening the sentence (the verb group at `b`), up to its comma, put by someone not named: the
/// frame's speaker is empty. Adjuncts may stand between "asked" and the question ("Asked on
/// Monday whether", "Asked at a briefing in Washington about", "Asked specifically what"): up
/// to [`QUESTION_ADJUNCT_WORDS`] words, none a verb, and the question is the frame's words.
/// Elsewhere "asked" is read like any verb of saying.
pub(super) fn question_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    b: usize,
) -> Option<Frame> {
    let opens = b == r.start || (b == r.start + 1 && cx.word(r.start) == "when");
    if !opens {
        return None;
    }
    let comma = (v + 1..r.end).find(|&k| cx.word(k) == ",")?;
    let asks = |k: usize| cx.is(k, &QUESTION_WORDS) || cx.is(k, &["about", "to"]);
    let q = (v + 1..comma)
        .take(QUESTION_ADJUNCT_WORDS + 1)
        .find(|&k| asks(k))?;
    // A question with no word after its question word ("Asked about, he said") is none.
    if q + 1 >= comma {
        return None;
    }
    let adjunct = v + 1..q;
    let adjuncts_only = adjunct.is_empty()
        || ((is_adjunct_start(cx.word(adjunct.start)) || ly_adverb(cx, adjunct.start))
            && !cx.is(adjunct.start, &["to", "by"])
            && !holds_verb(cx, adjunct.clone()));
    if !adjuncts_only {
        return None;
    }
    let mut f = new_frame(cx, si, v, FrameKind::Question, 0..0, q..comma);
    let at = cx.seg.tokens[v].span.start;
    f.speaker = Span::new(at, at);
    Some(f)
}

/// "an architect who said he was stiffed": the relative pronoun at `p` is the subject of the
/// verb at `v`, the source as written, resolved at once to the noun phrase it stands for.
pub(super) fn relative_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    p: usize,
    quotes: &[RawQuote],
) -> Option<Frame> {
    let antecedent = cx.span(&antecedent_phrase(cx, r, p)?);
    // "Erdogan, who in 2019 said the rebels were a threat, met Assad": a relative clause set off
    // by commas ends at the next comma outside quotation marks; the main clause goes on after it.
    let end = if p > r.start && cx.word(p - 1) == "," {
        // A comma right after the verb opens its words ("who said, “...,” resigned").
        let from = if cx.word(v + 1) == "," { v + 2 } else { v + 1 };
        comma_outside_quotes(cx, from..r.end, |_| true).unwrap_or(r.end)
    } else {
        r.end
    };
    let scope_end = complement_end(cx, v, end, quotes);
    let mut f = new_frame(
        cx,
        si,
        v,
        FrameKind::SpeakerFirst,
        p..p + 1,
        v + 1..scope_end,
    );
    f.speaker_actor = cx.first_actor(antecedent).map(|m| m.actor);
    f.resolved_from = Some(antecedent.slice(cx.text).to_owned());
    Some(f)
}

/// "..., X said.": whether the words `after` the verb at `v` (up to its next comma) end a
/// sentence whose reported words came before: nothing, punctuation, or a short stretch with no
/// clause, no "that" and no quotation. A quote right after the verb is its words ('..., he said,
/// "What ...?"').
pub(super) fn tail_after(cx: &Ctx, v: usize, end: usize, after: &Range<usize>) -> bool {
    let opens_quote = |k: usize| k < end && cx.is_punct(k) && is_quote_char(cx.first_char(k));
    let quote_follows = opens_quote(v + 1)
        || (v + 2 < end && matches!(cx.word(v + 1), "," | ":") && opens_quote(v + 2));
    !quote_follows
        && (after.is_empty()
            || matches!(cx.word(after.start), "." | "," | ";" | "!" | "?")
            || (after.len() <= 10 && !complement_clause(cx, after) && !that_or_quote(cx, after)))
}

/// Whether the tokens `ks` hold "that" or a quotation mark: words after a verb that are no
/// mere tail of its sentence.
pub(super) fn that_or_quote(cx: &Ctx, ks: &Range<usize>) -> bool {
    ks.clone()
        .any(|t| cx.word(t) == "that" || (cx.is_punct(t) && is_quote_char(cx.first_char(t))))
}

/// The words a frame after its subject reports, when that subject follows the comma or closing
/// quote at `bb`: the words before (up to and with a closing quote), or, for a frame set off in
/// mid-sentence, the words on both sides ("The trend, Mr. Obama said, has been clear"; from a
/// relative word right before: "the stadium, which, Tompkins said, is full") or only the clause
/// after a fronted adverbial ("During his years in office, Mr. Obama said, the trend ...").
pub(super) fn tail_scope(
    cx: &Ctx,
    r: &Range<usize>,
    bb: usize,
    after: &Range<usize>,
) -> Range<usize> {
    let s_end = if bb > r.start && is_closing_mark(cx, bb) {
        bb + 1
    } else {
        bb
    };
    match parenthetical_rest(cx, after, r.end) {
        Some(rest) if !fronted_before(cx, r.start..bb) => {
            let from = if bb > r.start && cx.is(bb - 1, &["which", "who", "that"]) {
                bb - 1
            } else {
                r.start
            };
            from..rest.end
        }
        Some(rest) => rest,
        None => r.start..s_end,
    }
}

/// The end of the short noun phrase starting at token `k`: an object pronoun; an actor mention
/// after an optional determiner; or an optional determiner, capitalised words and at most one
/// more word ("the fighters", "Kurdish fighters", "the Kurdish YPG"); a possessive goes on to
/// its head ("Turkey's Fidan"). Without a parser the split between a naming verb's object and
/// the name is a guess: it errs on a short object.
pub(super) fn noun_phrase_end(cx: &Ctx, k: usize, end: usize) -> usize {
    let j = noun_phrase_part(cx, k, end);
    if j > k && j + 1 < end && cx.seg.tokens[j].kind == TokenKind::Possessive {
        return noun_phrase_part(cx, j + 1, end);
    }
    j
}

/// [`noun_phrase_end`] without the possessive.
pub(super) fn noun_phrase_part(cx: &Ctx, k: usize, end: usize) -> usize {
    if k >= end || cx.is_punct(k) {
        return k;
    }
    if cx.is(k, &OBJECT_PRONOUNS) {
        return k + 1;
    }
    let mut j = k;
    if cx.is(
        j,
        &[
            "the", "a", "an", "this", "these", "those", "its", "their", "his", "our",
        ],
    ) {
        j += 1;
    }
    if j < end {
        let at = cx.seg.tokens[j].span.start;
        let i = cx.mentions.partition_point(|m| m.span.start < at);
        if let Some(m) = cx.mentions.get(i).filter(|m| m.span.start == at) {
            return token_range(cx.seg, m.span).end.min(end);
        }
    }
    while j < end && !cx.is_punct(j) && cx.first_char(j).is_uppercase() {
        j += 1;
    }
    if j < end && !cx.is_punct(j) && !cx.is(j, &NAME_ENDS_AT) && !cx.is(j, &["as", "and", "or"]) {
        j += 1;
    }
    j
}

/// Words that open an apposition after a noun phrase (", the US-backed force in the northeast,",
/// ", which controls the northeast,").
pub(crate) static APPOSITION_OPENERS: WordSet =
    WordSet::new(&["the", "a", "an", "which", "who", "whose", "its", "their"]);

/// Words that open a parenthetical which narrows or extends a noun phrase (", including East
/// Jerusalem,"): passed over like an apposition.
pub(crate) static INCLUSION_WORDS: WordSet = WordSet::new(&[
    "including",
    "excluding",
    "especially",
    "notably",
    "particularly",
    "mainly",
    "chiefly",
]);

/// "called Israel's presence at five hilltops an occupation": an object followed by a
/// prepositional phrase runs to the name after it, when the name opens with an indefinite
/// article or a quotation after the preposition's own object, within eight words, and no
/// punctuation, other preposition or clause word comes first ("called an election in a bid to
/// ..." names nothing). Gives where the object ends, or `None` when no such name follows.
pub(super) fn object_complement_end(
    cx: &Ctx,
    quotes: &[RawQuote],
    e: usize,
    end: usize,
) -> Option<usize> {
    // The object's head may come a word or two later ("continued presence at").
    let p = (e..end.min(e + 3)).find(|&p| cx.is(p, &OBJECT_PREPOSITIONS))?;
    let plain = |t: usize| {
        !cx.is_punct(t)
            && !opens_clause(cx.word(t))
            && !cx.is(t, &["a", "an", "as", "to", "and", "or", "by"])
    };
    if !(e..p).all(plain) {
        return None;
    }
    // The preposition's own object comes first ("on a school"): the name is after it.
    for j in p + 2..end.min(p + 9) {
        let opens_quote = cx.is_punct(j)
            && is_quote_char(cx.first_char(j))
            && quotes
                .iter()
                .any(|q| q.span.start == cx.seg.tokens[j].span.start);
        if cx.is(j, &["a", "an"]) || opens_quote {
            return Some(j);
        }
        if cx.is_punct(j) || cx.is(j, &NAME_ENDS_AT) || cx.is(j, &["and", "or", "to", "of"]) {
            return None;
        }
    }
    None
}

/// The end of a name starting at token `k`: a quotation that opens there, or the words up to a
/// punctuation mark, a preposition or a new clause, at most [`MAX_NAME_TOKENS`].
pub(super) fn name_end(cx: &Ctx, quotes: &[RawQuote], k: usize, end: usize) -> usize {
    let quote_end = |t: usize| {
        let at = cx.seg.tokens[t].span.start;
        let qi = quotes.partition_point(|q| q.span.start < at);
        quotes
            .get(qi)
            .filter(|q| q.span.start == at && q.closed)
            .map(|q| token_range(cx.seg, q.span).end.min(end))
    };
    if k < end && cx.seg.tokens[k].kind == TokenKind::Possessive {
        return k;
    }
    let mut j = k;
    while j < end && j - k < MAX_NAME_TOKENS {
        if cx.is_punct(j) && is_quote_char(cx.first_char(j)) {
            // A quotation inside the name is part of it; a stray mark ends it.
            match quote_end(j) {
                Some(e) if e > j => {
                    j = e;
                    continue;
                }
                _ => break,
            }
        }
        if (cx.is_punct(j) && cx.word(j) != "-") || cx.is(j, &NAME_ENDS_AT) {
            break;
        }
        j += 1;
    }
    j
}

/// A naming verb at `v` used to name: "X calls them Y", "X described the raid as Y", "X refers to
/// them as Y", "the rebels, who call themselves Y", "what X called Y", "described by X as Y",
/// "labelled Y by X", and the agentless "described as Y". None when the verb does not name
/// ("called for a ceasefire", "called the hotline", "police called to the scene").
pub(super) fn naming_at(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    quotes: &[RawQuote],
    earlier: &[Frame],
) -> Option<NamingAt> {
    let end = r.end;
    let word = |k: usize| if k < end { cx.word(k) } else { "" };
    let verb = cx.word(v);
    // "so-called", "self-described": a compound, not a verb.
    if v > r.start && cx.word(v - 1) == "-" {
        return None;
    }
    let refer = verb.starts_with("refer");
    // "describe" and "refer to" take their name after "as".
    let needs_as = refer || verb.starts_with("describ");
    let mut k = v + 1;
    if refer {
        if word(k) != "to" {
            return None;
        }
        k += 1;
    } else if cx.is(k.min(end - 1), &NOT_A_NAME_AFTER) && k < end {
        return None;
    }
    // What stands before the verb, past adverbs.
    let mut b = v;
    while b > r.start
        && (SKIP_BEFORE_VERB.contains(cx.word(b - 1)) || is_calendar_word(cx.word(b - 1)))
    {
        b -= 1;
    }
    let prev = (b > r.start).then(|| cx.word(b - 1));
    let relative = matches!(prev, Some("who" | "which" | "that"));
    // "what X called", "which the EU describes as", "that aid groups described as": the verb's
    // object is the relative pronoun, its subject a few words between them.
    let gap = if relative || b == r.start {
        None
    } else {
        (r.start..b - 1)
            .rev()
            .take(5)
            .take_while(|&g| !cx.is_punct(g) && !REPORTING.contains(cx.word(g)))
            .find(|&g| cx.is(g, &["what", "which", "whom", "that"]))
            .map(|g| g + 1..b)
    };
    let participle = verb.ends_with("ed");
    // An auxiliary passed over makes the participle a perfect or the verb finite ("The
    // government, based in Port Sudan, has branded the RSF ..."): active, whatever precedes it.
    // (The walk above passes over "has", modals and "do", never a form of "be".)
    let auxiliary = (b..v).any(|k| crate::analysis::words::is_auxiliary(cx.word(k)));
    let passive = participle
        && !auxiliary
        && gap.is_none()
        && !relative
        && (prev.is_none_or(|p| {
            matches!(
                p,
                "is" | "was" | "are" | "were" | "be" | "been" | "being" | "," | "(" | "—" | "–"
            )
        }) || matches!(word(k), "by" | "as")
            || word(noun_phrase_end(cx, k, end)) == "by");
    let make =
        |naming, speaker: Range<usize>, scope| naming_frame(cx, si, v, naming, speaker, scope);
    if passive {
        return passive_naming(cx, quotes, k, end, needs_as).map(|(agent, name)| {
            if agent.is_empty() {
                NamingAt::NoNamer(name)
            } else {
                NamingAt::Frame(make(Naming::Passive, agent, name))
            }
        });
    }
    let name = active_name(cx, quotes, k, end, gap.is_some(), needs_as)?;
    if let Some(subject) = gap {
        return Some(NamingAt::Frame(make(Naming::Gap, subject, name)));
    }
    if relative {
        let antecedent = relative_antecedent(cx, r, b)?;
        return Some(NamingAt::Frame(make(Naming::Relative, antecedent, name)));
    }
    // A subject found as for a verb of saying: "X calls", "..., calling", "... and called".
    let mut f = frame_at(cx, si, r, v, quotes, earlier)?;
    f.naming = Some(Naming::Active);
    f.scope = name;
    if matches!(f.kind, FrameKind::SpeakerLast | FrameKind::ByAgent) {
        f.kind = FrameKind::SpeakerFirst;
    }
    Some(NamingAt::Frame(f))
}

/// The frame of a naming verb at `v`: its namer (`speaker`) and the name (`scope`). A passive
/// naming ("described by X as Y") puts its namer after the verb.
pub(super) fn naming_frame(
    cx: &Ctx,
    si: usize,
    v: usize,
    naming: Naming,
    speaker_tokens: Range<usize>,
    scope: Range<usize>,
) -> Frame {
    Frame {
        kind: if naming == Naming::Passive {
            FrameKind::ByAgent
        } else {
            FrameKind::SpeakerFirst
        },
        verb: cx.seg.tokens[v].span,
        speaker: cx.span(&speaker_tokens),
        speaker_actor: None,
        resolved_from: None,
        by_type: false,
        sentence: si,
        naming: Some(naming),
        scope,
        verb_tokens: v..v + 1,
        speaker_tokens,
    }
}

/// A passive naming from token `k` after its verb: "described by X as Y" or "labelled Y by X".
/// Gives the agent (empty when none is named) and the name; none when there is no name, or no
/// "as" where the verb needs one.
pub(super) fn passive_naming(
    cx: &Ctx,
    quotes: &[RawQuote],
    mut k: usize,
    end: usize,
    needs_as: bool,
) -> Option<(Range<usize>, Range<usize>)> {
    let word = |k: usize| if k < end { cx.word(k) } else { "" };
    let mut agent = 0..0;
    if word(k) == "by" {
        agent = k + 1..noun_phrase_end(cx, k + 1, end);
        k = agent.end;
    }
    let as_ = word(k) == "as";
    if needs_as && !as_ {
        return None;
    }
    k += usize::from(as_);
    let name = k..name_end(cx, quotes, k, end);
    if name.is_empty() {
        return None;
    }
    if agent.is_empty() && word(name.end) == "by" {
        agent = name.end + 1..noun_phrase_end(cx, name.end + 1, end);
    }
    Some((agent, name))
}

/// The name an active naming verb gives, from token `k` after it: past its object (a relative
/// pronoun's gap when `gap`, with a resumptive pronoun), an apposition between commas, "to be"
/// and "as". None when there is no name, or no "as" where the verb needs one.
pub(super) fn active_name(
    cx: &Ctx,
    quotes: &[RawQuote],
    k: usize,
    end: usize,
    gap: bool,
    needs_as: bool,
) -> Option<Range<usize>> {
    let word = |k: usize| if k < end { cx.word(k) } else { "" };
    let mut k = if gap {
        // The object is the relative pronoun; a resumptive pronoun may still follow.
        k + usize::from(cx.is(k.min(end - 1), &OBJECT_PRONOUNS) && k < end)
    } else {
        let e = noun_phrase_end(cx, k, end);
        object_complement_end(cx, quotes, e, end).unwrap_or(e)
    };
    // "considers the SDF, the US-backed force that controls the northeast, to be a terrorist
    // group": an apposition between commas after the object, then "to be".
    if !gap && word(k) == "," {
        let close = (k + 1..end).take(16).find(|&c| word(c) == ",");
        let inserted =
            APPOSITION_OPENERS.contains(word(k + 1)) || INCLUSION_WORDS.contains(word(k + 1));
        // Only when a name follows ("..., a terrorist group", "..., to be", "..., as"):
        // "called Biden, the US president, and discussed ..." is a call, not a name.
        let name_follows = |c: usize| {
            matches!(word(c + 1), "a" | "an" | "the" | "to" | "as")
                || (c + 1 < end && cx.is_punct(c + 1) && is_quote_char(cx.first_char(c + 1)))
        };
        if let Some(c) = close.filter(|&c| inserted && name_follows(c)) {
            k = c + 1;
        }
    }
    if word(k) == "to" && word(k + 1) == "be" {
        k += 2;
    }
    if word(k) == "as" {
        k += 1;
    } else if needs_as {
        return None;
    }
    let name = k..name_end(cx, quotes, k, end);
    (!name.is_empty()).then_some(name)
}

/// The antecedent of "who"/"which" before token `b` (the relative pronoun's position plus one):
/// an actor mention ending there, or the words back to a determiner or a clause boundary
/// (at most six). None when nothing stands there.
pub(super) fn relative_antecedent(cx: &Ctx, r: &Range<usize>, b: usize) -> Option<Range<usize>> {
    let mut a_end = b - 1;
    if a_end > r.start && cx.word(a_end - 1) == "," {
        a_end -= 1;
    }
    if a_end == r.start {
        return None;
    }
    let last = cx.seg.tokens[a_end - 1].span.end;
    let i = cx.mentions.partition_point(|m| m.span.end < last);
    let mut s = match cx.mentions.get(i).filter(|m| m.span.end == last) {
        Some(m) => token_range(cx.seg, m.span).start,
        None => a_end,
    };
    if s == a_end {
        while s > r.start && a_end - s < 6 {
            let w = cx.word(s - 1);
            if cx.is_punct(s - 1) || opens_clause(w) || REPORTING.contains(w) {
                break;
            }
            s -= 1;
            if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her") {
                break;
            }
        }
    }
    (s != a_end).then_some(s..a_end)
}

/// "..., adding that ...": a participle at `v` continuing the frame before it. Adverbs may stand
/// between the comma and the participle (", erroneously claiming that ..."). With no frame
/// before it, the participle takes the subject the sentence opens with. A participle after a
/// preposition of manner or time ([`ADVERBIAL_PREPOSITIONS`]) takes that subject too, unless it
/// lies inside the words of a frame before it.
pub(super) fn participle_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    earlier: &[Frame],
) -> Option<Frame> {
    let end = r.end;
    let scope = content_start(cx, v, end)..end;
    if participle_comma(cx, r, v).is_none() {
        // "Trump landed in hot water by saying that ...": a participle that a preposition of
        // manner or time makes an adverbial of its clause shares the clause's subject; not
        // inside the words of a frame before it ("X said Hamas broke the truce by claiming
        // ..." is Hamas's claim, as X reports it).
        let p = v.checked_sub(1).filter(|&p| p >= r.start)?;
        if let Some(subject) = noun_before_participle(cx, r, v) {
            return Some(new_frame(cx, si, v, FrameKind::Participle, subject, scope));
        }
        if !cx.is(p, &ADVERBIAL_PREPOSITIONS) || earlier.iter().any(|f| f.scope.contains(&v)) {
            return None;
        }
        let subject = opening_subject(cx, r, v)
            .or_else(|| opening_name(cx, r, v).filter(|_| takes_clause(cx, v, end)))?;
        return Some(new_frame(cx, si, v, FrameKind::Participle, subject, scope));
    }
    // A passive participle with its agent right after a noun ("the government announced by
    // the militia") modifies that noun: its agent is no subject that a participle after the
    // comma could share.
    let modifies_noun = |f: &Frame| {
        // Past adverbs: "was reportedly announced by".
        let mut b = f.verb_tokens.start;
        while b > r.start
            && (cx.word(b - 1).ends_with("ly") || SKIP_BEFORE_VERB.contains(cx.word(b - 1)))
        {
            b -= 1;
        }
        f.kind == FrameKind::ByAgent
            && b > r.start
            && !cx.is(b - 1, &BE_PROGRESSIVE)
            && !cx.is(b - 1, &["being"])
    };
    let prev = earlier
        .iter()
        .rev()
        .find(|f| f.kind != FrameKind::Question)
        .filter(|f| !modifies_noun(f));
    if let Some(prev) = prev {
        let mut f = new_frame(cx, si, v, FrameKind::Participle, 0..0, scope);
        f.speaker = prev.speaker;
        f.speaker_tokens = 0..0;
        return Some(f);
    }
    // "Russia launched the operation in 2022, citing ...": the subject of the sentence, when the
    // sentence opens with an actor, or with a name or a pronoun and the participle takes a
    // clause ("Clinton spoke out on Tuesday, arguing that ..."), is a request with its
    // infinitive ("Hoyer agreed, urging Trump to end the shutdown"), or is an accusation with
    // the charge ("The junta suspended RFI, accusing it of spreading lies").
    // After a fronted adverbial ("In television interviews on Sunday, he defended ..., saying
    // ..."), the subject opens the clause after its comma.
    let clause = || {
        takes_clause(cx, v, end)
            || (REQUEST.contains(cx.word(v)) && takes_infinitive(cx, v, end))
            || takes_charge(cx, v, end)
            || (v + 1 < end && cx.is_punct(v + 1) && is_quote_char(cx.first_char(v + 1)))
    };
    let opening = |r: &Range<usize>| {
        opening_subject(cx, r, v).or_else(|| opening_name(cx, r, v).filter(|_| clause()))
    };
    // Only when the participle's comma is the next one: in "In Beirut, Lebanon, Hezbollah
    // fired ..., saying" or "In Gaza, where Israel struck, Hamas ..." the stretch after the
    // first comma is no clause's opening.
    let subject = opening(r).or_else(|| {
        let comma = (r.start + 1..v).find(|&k| cx.word(k) == ",")?;
        let next = (comma + 1..v).find(|&k| cx.word(k) == ",")?;
        (fronted_phrase(cx, r, comma) && participle_comma(cx, r, v) == Some(next)).then_some(())?;
        opening(&(comma + 1..r.end))
    })?;
    Some(new_frame(cx, si, v, FrameKind::Participle, subject, scope))
}

/// "with 30 percent of voters saying they have a positive view of him", "a statement saying
/// the talks had failed": a participle of saying right after a noun phrase (or a time after it:
/// "a statement late Tuesday saying"), with a clause or a colon and a quotation after it, has
/// that noun phrase for its subject (an absolute construction after "with", or a reduced
/// relative clause). Gives its tokens ([`noun_phrase_before`]).
pub(super) fn noun_before_participle(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    // A quotation after a colon is what it says ("a statement saying: “...”").
    let quotation = v + 2 < r.end
        && cx.word(v + 1) == ":"
        && cx.is_punct(v + 2)
        && is_quote_char(cx.first_char(v + 2));
    if !(takes_clause(cx, v, r.end) || quotation) {
        return None;
    }
    noun_phrase_before(cx, r, v)
}

/// The noun phrase right before the participle at `v` (or before a time after it), which a
/// participle there modifies ("super PACs supporting Carson"): it runs back to a comma, dash,
/// "with", a clause word or a verb, at most eight tokens. `None` when the word before is no
/// noun (a determiner, a finite verb, a preposition of manner, a coordinator, a possessive).
pub(super) fn noun_phrase_before(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let mut p = v.checked_sub(1).filter(|&p| p >= r.start)?;
    // A time between the noun and the participle ("a statement late Tuesday saying").
    if crate::text::is_calendar_word(cx.word(p)) && p > r.start {
        p -= 1;
        if cx.is(p, &["on", "late", "early", "last"]) && p > r.start {
            p -= 1;
        }
    }
    let noun = cx.word(p).chars().any(char::is_alphanumeric)
        && !cx.is(p, &NOT_SUBJECT)
        && !finite(cx.word(p))
        && !cx.is(p, &ADVERBIAL_PREPOSITIONS)
        && !cx.is(
            p,
            &[
                "without", "and", "or", "but", "not", "also", "keep", "keeps", "kept",
            ],
        )
        && !REPORTING.contains(cx.word(p))
        && !holds_verb(cx, p..p + 1)
        && cx.seg.tokens[p].kind != TokenKind::Possessive;
    if !noun {
        return None;
    }
    let mut s = p;
    while s > r.start && p - s < 7 {
        let w = cx.word(s - 1);
        // "caught on tape saying": the object of a preposition other than "of" is no subject.
        if is_adjunct_start(cx.word(s - 1)) && !cx.is(s - 1, &["with", "of"]) {
            return None;
        }
        let stop = matches!(w, "," | ";" | ":" | "—" | "–" | "(" | "with")
            || opens_clause(cx.word(s - 1))
            || finite(cx.word(s - 1))
            || REPORTING.contains(w)
            || holds_verb(cx, s - 1..s)
            || (cx.is_punct(s - 1) && is_quote_char(cx.first_char(s - 1)));
        if stop {
            break;
        }
        s -= 1;
    }
    (!opens_no_subject(cx, s) || cx.seg.tokens[s].kind == TokenKind::Number).then_some(s..p + 1)
}

/// Nouns of saying and believing that report a "that" clause after them ("Israel's claim that
/// ...", "the belief that ...").
pub(crate) static CLAIM_NOUNS: WordSet = WordSet::new(&[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "belief",
    "view",
    "argument",
    "suggestion",
    "insistence",
    "contention",
    "assumption",
    "warning",
    "warnings",
    "promise",
    "pledge",
    "assurance",
    "assurances",
    "admission",
    "acknowledgment",
    "acknowledgement",
    "conclusion",
    "complaint",
    "complaints",
    "fears",
    "hopes",
    "insinuation",
    "speculation",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "denial",
    "denials",
]);

/// Adjectives before a noun of [`CLAIM_NOUNS`] that keep it a noun ("false claims that").
pub(super) static CLAIM_ADJECTIVES: WordSet = WordSet::new(&[
    "false",
    "new",
    "recent",
    "similar",
    "earlier",
    "previous",
    "latest",
    "wild",
    "baseless",
    "repeated",
    "unfounded",
    "unproven",
    "dubious",
    "persistent",
    "widespread",
]);

/// "Israel's claim that the hospital hid a command centre", "his assertion that ...", "the
/// belief that ...": a noun of [`CLAIM_NOUNS`] right before "that" and a clause is a frame whose
/// words are the clause and whose speaker is the possessor before the noun (a name with "'s",
/// or a possessive pronoun), or empty. Not a relative clause on the noun ("the claim that he
/// made was false"). The words run to the end of the sentence, as for a verb: in "The belief
/// that the regime will fall is widespread" they take in the main clause's predicate too.
pub(super) fn nominal_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    t: usize,
    quotes: &[RawQuote],
) -> Option<Frame> {
    if !cx.is(t, &CLAIM_NOUNS) || t + 2 >= r.end || cx.word(t + 1) != "that" || t == r.start {
        return None;
    }
    // A noun, not the verb ("is warning that", "Hamas claims that"): a determiner, a possessor
    // or an adjective of [`CLAIM_ADJECTIVES`] or in -ed comes before it ("repeated claims").
    let p = t - 1;
    let noun = cx.is(p, &DETERMINERS)
        || cx.is(
            p,
            &[
                "his", "her", "their", "its", "our", "my", "your", "no", "any",
            ],
        )
        || cx.seg.tokens[p].kind == TokenKind::Possessive
        || cx.is(p, &CLAIM_ADJECTIVES)
        || (past_form(cx, p, 5) && p > r.start && cx.is(p - 1, &DETERMINERS));
    if !noun {
        return None;
    }
    let clause = t + 2..r.end;
    // A relative clause on the noun, not its content: its subject ("the charge that might have
    // stung"), or its object, a subject and a verb with a finite verb right after them ("the
    // claim that he made was false", "the claim that the army denied is true").
    let k = clause.start + usize::from(cx.is(clause.start, &DETERMINERS));
    let object_gap = k + 2 < r.end
        && !finite(cx.word(k + 1))
        && !ly_adverb(cx, k + 1)
        && cx.first_char(k + 1).is_lowercase()
        && finite(cx.word(k + 2));
    if finite(cx.word(clause.start)) || object_gap || clause.len() < 3 {
        return None;
    }
    let speaker = possessor_before(cx, r, t);
    let scope_end = complement_end(cx, t, r.end, quotes);
    let mut f = new_frame(
        cx,
        si,
        t,
        FrameKind::Nominal,
        speaker.clone(),
        t + 1..scope_end,
    );
    if speaker.is_empty() {
        let at = cx.seg.tokens[t].span.start;
        f.speaker = Span::new(at, at);
    }
    Some(f)
}

/// The possessor right before the noun at `t`: a possessive pronoun ("his", "her", "their",
/// "its"), or up to four capitalised words before `'s` ("Israel's", "Hillary Clinton's"). Empty
/// when there is none.
pub(super) fn possessor_before(cx: &Ctx, r: &Range<usize>, t: usize) -> Range<usize> {
    if t > r.start && cx.is(t - 1, &["his", "her", "their", "its"]) {
        t - 1..t
    } else if t > r.start + 1 && cx.seg.tokens[t - 1].kind == TokenKind::Possessive {
        let end = t - 1;
        let mut s = end;
        while s > r.start && end - s < 4 && cx.first_char(s - 1).is_uppercase() {
            s -= 1;
        }
        s..end
    } else {
        0..0
    }
}

/// Verbs of belief that report the clause before them when they close its sentence.
pub(super) static CLOSING_BELIEF: WordSet = WordSet::new(&[
    "believe", "believes", "think", "thinks", "fear", "fears", "suspect", "suspects", "expect",
    "expects", "revealed",
]);

/// Adjectives of certainty, hope and worry that report a view with a "that" clause ("officials
/// are confident that ...", "he made clear that ...").
pub(super) static ATTITUDE_ADJECTIVES: WordSet = WordSet::new(&[
    "confident",
    "convinced",
    "sure",
    "certain",
    "aware",
    "hopeful",
    "optimistic",
    "pessimistic",
    "adamant",
    "concerned",
    "afraid",
    "skeptical",
    "sceptical",
    "insistent",
    "clear",
    "unaware",
    "persuaded",
]);

/// Verbs besides "be" ([`BE_PROGRESSIVE`]) that link a subject to an adjective of attitude
/// ("remains confident", "made clear").
pub(super) static COPULAS: WordSet = WordSet::new(&[
    "remain", "remains", "remained", "seems", "seemed", "appeared", "appears", "became", "become",
    "grew", "felt", "feels", "made", "make", "makes", "sounded",
]);

/// "Officials are confident that the rebels will withdraw", "Trump made it clear that ...": an
/// adjective of [`ATTITUDE_ADJECTIVES`] right before "that", after a copula (adverbs and "it"
/// between them), is a frame whose speaker is the copula's subject (read as for a verb) and
/// whose words are the clause. The adjective is the cue.
pub(super) fn adjective_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    t: usize,
    quotes: &[RawQuote],
    earlier: &[Frame],
) -> Option<Frame> {
    if !cx.is(t, &ATTITUDE_ADJECTIVES) || t + 1 >= r.end || cx.word(t + 1) != "that" {
        return None;
    }
    let mut c = t.checked_sub(1).filter(|&c| c > r.start)?;
    let degree = [
        "very", "so", "not", "quite", "more", "less", "still", "also", "it",
    ];
    while c > r.start && (ly_adverb(cx, c) || cx.is(c, &degree)) {
        c -= 1;
    }
    if !(cx.is(c, &COPULAS) || cx.is(c, &BE_PROGRESSIVE)) || c == r.start {
        return None;
    }
    let mut f = frame_at(cx, si, r, c, quotes, earlier)?;
    // "It is clear that ...": an expletive subject is the outlet's own judgment.
    let expletive = f.speaker_tokens.len() == 1 && cx.is(f.speaker_tokens.start, &["it", "this"]);
    if (f.kind != FrameKind::SpeakerFirst && f.kind != FrameKind::SharedSubject) || expletive {
        return None;
    }
    let scope_end = complement_end(cx, t, r.end, quotes);
    f.scope = (t + 1).min(scope_end)..scope_end;
    f.verb = cx.span(&(t..t + 1));
    f.verb_tokens = t..t + 1;
    Some(f)
}

/// "... and claimed ...": a verb at `v`, after "and" or "but", sharing the subject of the frame
/// before. Not of an agentless passive, whose subject is the accused, not a speaker: "Hamas was
/// accused of war crimes and denied them" makes no frame. With no frame before it ("Yemen's
/// government ... welcomed the designation and accused the Houthis of ..."), the verb shares
/// the subject the sentence opens with.
pub(super) fn shared_subject_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    earlier: &[Frame],
) -> Option<Frame> {
    let scope = content_start(cx, v, r.end)..r.end;
    let Some(prev) = earlier.iter().rev().find(|f| f.kind != FrameKind::Question) else {
        // The sentence's opening actor, else its opening name or subject pronoun when the verb
        // takes a clause ("She cut the debt, but said she could not ...").
        let subject = opening_subject(cx, r, v)
            .or_else(|| opening_name(cx, r, v).filter(|_| takes_clause(cx, v, r.end)))?;
        return Some(new_frame(
            cx,
            si,
            v,
            FrameKind::SharedSubject,
            subject,
            scope,
        ));
    };
    if prev.kind == FrameKind::Agentless {
        return None;
    }
    let mut f = new_frame(cx, si, v, FrameKind::SharedSubject, 0..0, scope);
    f.speaker = prev.speaker;
    Some(f)
}

pub(super) fn frame_at(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    quotes: &[RawQuote],
    earlier: &[Frame],
) -> Option<Frame> {
    let end = r.end;
    let word = cx.word(v);
    let (b, progressive) = verb_group_start(cx, r, v);
    let before = if b > r.start { Some(b - 1) } else { None };
    let make = |kind, speaker_tokens: Range<usize>, scope: Range<usize>| {
        new_frame(cx, si, v, kind, speaker_tokens, scope)
    };
    if word.ends_with("ing") && !progressive {
        return participle_frame(cx, si, r, v, earlier);
    }
    if let Some(p) = before
        && matches!(cx.word(p), "and" | "but")
    {
        return shared_subject_frame(cx, si, r, v, earlier);
    }
    if let Some(f) = agentless_accusation(cx, si, r, v, b) {
        return Some(f);
    }
    if let Some(f) = by_agent_frame(cx, si, r, v) {
        return Some(f);
    }
    if let Some(f) = quote_then_verb(cx, si, r, v, (b, before), quotes) {
        return Some(f);
    }
    if let Some(f) = inverted_after_comma(cx, r, v, before, b) {
        return Some(make(FrameKind::SpeakerLast, f.0, f.1));
    }
    let mut p = before?;
    // "Rep. Meeks (D-N.Y.), chairman of the caucus's PAC, said ...": a name opening the
    // sentence, with insertions of any length after it.
    if let Some(subject) = subject_before_insertions(cx, r, p, v) {
        let scope_end = complement_end(cx, v, end, quotes);
        let start = content_start(cx, v, scope_end).min(scope_end);
        return Some(make(FrameKind::SpeakerFirst, subject, start..scope_end));
    }
    // "The army, which has fought the RSF since April, said ...", "X, the commander, said":
    // an apposition or relative clause between commas sits between the subject and its verb.
    let mut subject_end = p + 1;
    if matches!(cx.word(p), "," | "—" | "–") {
        (p, subject_end) = insertion_before_verb(cx, r, p)?;
    }
    if cx.is(p, &["who", "which"]) {
        return relative_frame(cx, si, r, v, p, quotes);
    }
    // "Some said ...": "some" standing alone before the verb at the start of its clause is the
    // subject, not a determiner ("many", "most" and "others" are no determiners to this rule).
    let lone_quantifier = cx.word(p) == "some"
        && (p == r.start || matches!(cx.word(p - 1), "," | ";" | "and" | "but" | "while"));
    if (cx.is(p, &NOT_SUBJECT) && !lone_quantifier)
        || cx.seg.tokens[p].kind == TokenKind::Possessive
    {
        return None;
    }
    // "47% say ...": a share of people.
    if cx.is_punct(p) && !matches!(cx.word(p), ")" | "]" | "%") {
        return None;
    }
    let (s, subject_end) = subject_back(cx, r, p, subject_end);
    let subject = s..subject_end;
    let boundary_before = if s > r.start { Some(s - 1) } else { None };
    if in_subject_relative(cx, r, &subject, v) {
        return None;
    }
    // What follows the verb up to the next comma: "..., the ministry said in a statement on X,
    // adding that ..." still ends its sentence's reported words.
    let after_end = (v + 1..end).find(|&k| cx.word(k) == ",").unwrap_or(end);
    let after: Range<usize> = v + 1..after_end;
    // '“...,” Ryan told CNN's Jake Tapper about his support.': after a quotation, the words
    // after the verb are a tail of any length unless they hold a clause.
    let quote_before = boundary_before.is_some_and(|bb| is_closing_mark(cx, bb));
    let after_is_tail = tail_after(cx, v, end, &after)
        || (quote_before && !takes_clause(cx, v, end) && !that_or_quote(cx, &after));
    let fronted = boundary_before.is_some_and(|bb| fronted_adverbial(cx, r.start..bb, &after));
    if let Some(bb) = boundary_before
        && (cx.word(bb) == "," || is_closing_mark(cx, bb))
        && after_is_tail
        // A verb of wanting reports the infinitive after it, never the words before.
        && (!INTENTION.contains(word) || REPORTING.contains(word))
        && !fronted
        && subject.len() <= 14
    {
        let scope = tail_scope(cx, r, bb, &after);
        return Some(make(FrameKind::SpeakerLast, subject, scope));
    }
    if let Some(scope) = as_frame_scope(cx, r, boundary_before, &after, quotes) {
        return Some(make(FrameKind::SpeakerLast, subject, scope));
    }
    let scope_end = complement_end(cx, v, end, quotes);
    let start = content_start(cx, v, scope_end).min(scope_end);
    Some(make(FrameKind::SpeakerFirst, subject, start..scope_end))
}

/// "Scott had a gun, as police have said.", "As the ministry reported, the strike hit a
/// school": a clause of comparison whose verb of saying has no complement of its own reports the
/// clause beside it. `bb` is the token before the subject, "as"; after a comma it reports the
/// words before (and those after it when it is set off in mid-sentence: "Its goals, as Putin has
/// said, are ..."), at the start of the sentence the clause after its comma. Only when nothing
/// but adjuncts follows the verb (`after`, up to its comma): "As he said goodbye, the crowd
/// cheered" and "as police announced the arrests" have objects of their own, and a causal "as"
/// ("as the crowd cheered") has no verb of saying.
pub(super) fn as_frame_scope(
    cx: &Ctx,
    r: &Range<usize>,
    bb: Option<usize>,
    after: &Range<usize>,
    quotes: &[RawQuote],
) -> Option<Range<usize>> {
    let bare =
        after.is_empty() || cx.is_punct(after.start) || adjuncts_only(cx, after.clone(), quotes);
    let bb = bb.filter(|&bb| cx.word(bb) == "as" && bare)?;
    if bb > r.start + 2 && cx.word(bb - 1) == "," {
        return Some(match parenthetical_rest(cx, after, r.end) {
            Some(rest) => r.start..rest.end,
            None => r.start..bb - 1,
        });
    }
    if bb == r.start {
        let comma = (bb + 1..r.end).find(|&k| cx.word(k) == ",")?;
        return (comma + 2 < r.end).then_some(comma + 1..r.end);
    }
    None
}

/// The words set off between a subject and its verb, closed by the comma or dash at `p`: gives
/// the token before their opening mark (where the subject ends) and the end of the speaker as
/// written, or `None` when the mark closes no insertion. A pair of dashes always sets words
/// apart; commas do after a determiner or relative word, for a short stretch, after a name
/// ("Karimi, executive director of Interfaith Paths to Peace, said"), and around an adverbial
/// or a participle after a subject that holds no verb ("Some voters, on television or at
/// campaign events, said", "De Blasio, speaking on WOR710, said"). An apposition or relative
/// clause stays in the speaker as written (it often says whom the speaker stands for); an
/// adverbial or a participle does not.
pub(super) fn insertion_before_verb(
    cx: &Ctx,
    r: &Range<usize>,
    p: usize,
) -> Option<(usize, usize)> {
    let open = (r.start..p)
        .rev()
        .take(16)
        .find(|&k| cx.word(k) == cx.word(p))?;
    let first = cx.word(open + 1);
    let inserted = p - open - 1;
    let after_name = open > r.start && cx.first_char(open - 1).is_uppercase();
    // "speaking on WOR710", not a name in -ing ("The plane maker, Boeing, said").
    let participle = first.ends_with("ing") && cx.first_char(open + 1).is_lowercase();
    let adverbial = is_adjunct_start(cx.word(open + 1)) || participle;
    let looks_inserted = cx.word(p) != ","
        || matches!(
            first,
            "which" | "who" | "whose" | "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
        || inserted <= 6
        || after_name
        || (inserted <= 14 && adverbial && !holds_verb(cx, r.start..open));
    if open == r.start || inserted == 0 || !looks_inserted {
        return None;
    }
    Some((open - 1, if adverbial { open } else { p }))
}

/// "Mali's junta accused of war crimes", "JNIM has been accused of atrocities": a participle
/// of accusing with its preposition right after it is a passive with no agent. Its subject is
/// the accused; what follows is someone's charge, but the text does not say whose. Not after a
/// relative pronoun: "Hamas, which Israel accused of war crimes" is active, its object the
/// pronoun. `b` is where the verb group starts.
pub(super) fn agentless_accusation(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    b: usize,
) -> Option<Frame> {
    let end = r.end;
    let word = cx.word(v);
    let object_relative = (r.start..b)
        .rev()
        .take(4)
        .any(|k| matches!(cx.word(k), "which" | "whom" | "that" | "who"));
    if word.ends_with("ed")
        && v + 1 < end
        && !object_relative
        && ACCUSATION_VERBS
            .iter()
            .any(|&(verb, prep)| verb == word && prep == cx.word(v + 1))
    {
        // The charge runs to the end of its clause, with what elaborates it ("of war crimes,
        // including indiscriminate air strikes").
        let charge_end = (v + 2..end)
            .find(|&k| {
                matches!(
                    cx.word(k),
                    ";" | ":" | "and" | "but" | "which" | "who" | "after" | "as" | "while"
                )
            })
            .unwrap_or(end);
        let mut f = new_frame(cx, si, v, FrameKind::Agentless, 0..0, v + 1..charge_end);
        let at = cx.seg.tokens[v].span.start;
        f.speaker = Span::new(at, at);
        return Some(f);
    }
    None
}

/// "... described by X as ...": a passive verb with its agent, which ends at the verb's
/// preposition ("accused by rights groups of torture"), a comma, "as", "that" or "to", or a
/// quotation mark, within twelve tokens.
pub(super) fn by_agent_frame(cx: &Ctx, si: usize, r: &Range<usize>, v: usize) -> Option<Frame> {
    let end = r.end;
    let word = cx.word(v);
    if v + 2 < end && cx.word(v + 1) == "by" {
        let mut e = v + 2;
        // "accused by rights groups of torture": the agent ends at the verb's preposition.
        let charge = |k: usize| {
            ACCUSATION_VERBS
                .iter()
                .any(|&(verb, prep)| verb == word && prep == cx.word(k))
        };
        while e < end
            && e - v <= 12
            && !matches!(cx.word(e), "as" | "," | "." | ";" | ":" | "that" | "to")
            && !charge(e)
            && !(cx.is_punct(e) && is_quote_char(cx.first_char(e)))
        {
            e += 1;
        }
        if e > v + 2 && e - v <= 12 {
            let scope = as_passive_scope(cx, r, v).unwrap_or(e..end);
            let agent_end = if scope.end <= v {
                agent_end(cx, v + 2..e)
            } else {
                e
            };
            let mut f = new_frame(cx, si, v, FrameKind::ByAgent, v + 2..agent_end, scope);
            f.verb_tokens = v..v + 2;
            return Some(f);
        }
    }
    None
}

/// "..., as first reported by the New York Times on Tuesday.": a passive of saying in a clause
/// of comparison after a comma reports the clause before the comma. Gives that clause, when the
/// verb at `v` (after adverbs and a form of "be") follows ", as".
pub(super) fn as_passive_scope(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let mut a = v;
    while a > r.start
        && (ly_adverb(cx, a - 1)
            || cx.is(a - 1, &["first", "originally", "earlier", "previously"])
            || cx.is(a - 1, &BE_PROGRESSIVE))
    {
        a -= 1;
    }
    (a > r.start + 2 && cx.word(a - 1) == "as" && cx.word(a - 2) == ",").then(|| r.start..a - 2)
}

/// Where an agent after "by" ends: before an adjunct of time or place ("by the New York Times
/// on Tuesday"), but not inside a name ("by the Council on Foreign Relations", "the Institute of
/// Peace").
pub(super) fn agent_end(cx: &Ctx, agent: Range<usize>) -> usize {
    (agent.start + 1..agent.end)
        .find(|&k| {
            is_adjunct_start(cx.word(k))
                && !cx.is(k, &["of", "for"])
                && k + 1 < agent.end
                && (cx.first_char(k + 1).is_lowercase()
                    || is_calendar_word(cx.word(k + 1))
                    || cx.seg.tokens[k + 1].kind == TokenKind::Number)
        })
        .unwrap_or(agent.end)
}

/// '"...," said X.': inversion after a closing quotation mark, with a verb of saying: the
/// speaker runs from the verb to the next punctuation (a hyphen inside a word does not end it)
/// or to an adjunct of time, place or means ([`SPEAKER_ADJUNCTS`]: "says Perry in the new ad"),
/// and the words are the quotation before. `b` is where the verb group starts and `before`
/// the token before it.
pub(super) fn quote_then_verb(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    v: usize,
    (b, before): (usize, Option<usize>),
    quotes: &[RawQuote],
) -> Option<Frame> {
    let end = r.end;
    let word = cx.word(v);
    if let Some(p) = before
        && (is_closing_mark(cx, p)
            || (cx.word(p) == "," && p > r.start && is_closing_mark(cx, p - 1)))
        && (b == v || (b + 1 == v && cx.is(b, &FRENCH_AUXILIARIES)))
        && (REPORTING_SAY.contains(word) || speech_tag(cx, r, v, quotes))
    {
        let mut e = v + 1;
        // A hyphen inside a word joins words of one speaker ("the vice-president", "le
        // porte-parole"); a spaced one ("Smith - a spokesman") ends the speaker.
        let joining = |k: usize| {
            let toks = &cx.seg.tokens;
            is_word_hyphen(cx.word(k))
                && k + 1 < toks.len()
                && toks[k - 1].span.end == toks[k].span.start
                && toks[k].span.end == toks[k + 1].span.start
        };
        // An adjunct of time, place or means ends the speaker ("says Perry in the new ad
        // titled ...").
        let adjunct = |k: usize| k > v + 1 && cx.is(k, &SPEAKER_ADJUNCTS);
        while e < end && (!cx.is_punct(e) || joining(e)) && !adjunct(e) {
            e += 1;
        }
        let closes = e == end || matches!(cx.word(e), "." | "," | "!" | "?") || adjunct(e);
        if e > v + 1 && closes && e - v <= 8 {
            let mut s_end = p;
            while s_end > r.start && (cx.word(s_end - 1) == "," || is_closing_mark(cx, s_end - 1)) {
                s_end -= 1;
            }
            if is_closing_mark(cx, p) || (p > r.start && is_closing_mark(cx, p - 1)) {
                s_end = p + 1;
                while s_end > r.start && !is_closing_mark(cx, s_end - 1) {
                    s_end -= 1;
                }
            }
            return Some(new_frame(
                cx,
                si,
                v,
                FrameKind::SpeakerLast,
                v + 1..e,
                r.start..s_end.max(r.start),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LowerTokens, segment};

    #[test]
    fn cue_words_may_open_a_frame() {
        // (word, a quotation closes in the sentence, may open a frame)
        let rows: &[(&str, bool, bool)] = &[
            ("said", false, true),
            ("says", false, true),
            ("according", false, true),
            ("selon", false, true),
            ("called", false, true),
            ("branded", false, true),
            ("believes", false, true),
            ("wants", false, true),
            ("urged", false, true),
            ("allegations", false, true),
            ("convinced", false, true),
            // A word in -ed or -s may be the verb of a speech tag after a quotation
            // ('"...," she quips'), and only there.
            ("mused", true, true),
            ("quips", true, true),
            ("rebels", true, true),
            ("mused", false, false),
            ("quips", false, false),
            ("rebels", false, false),
            ("the", true, false),
            ("rebel", true, false),
            ("town", false, false),
            ("red", true, false),
            ("has", true, false),
            (",", true, false),
        ];
        for &(w, quoted, want) in rows {
            assert_eq!(may_open_frame(w, quoted), want, "{w} {quoted}");
        }
    }

    /// The skip in `find_frames` is exact: a word that `may_open_frame` rejects passes every
    /// test of the loop, on every word of the bundled articles and gold sets.
    #[test]
    fn words_that_open_no_frame_pass_every_test() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for d in [
            "samples",
            "tests/fixtures/wire",
            "tests/fixtures/newset",
            "tests/fixtures/newset2",
            "tests/fixtures/newset3",
        ] {
            for e in std::fs::read_dir(root.join(d)).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
        files.sort();
        assert!(files.len() >= 50, "{} articles", files.len());
        // Speech tags after a quotation, nouns of claim and adjectives of attitude before
        // "that", which the articles above do not have.
        let tags = [
            "“People are afraid of wasting their votes,” he surmised. “Imagine that,” mused the co-host.",
            "\"We will stay,\" the governor continues, \"whatever it costs.\" Others disagreed.",
            "His assertion that the army had withdrawn was false. The belief that the regime will \
             fall is widespread. Officials are confident that the rebels will withdraw soon.",
        ];
        let texts = files
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
            .chain(
                tags.iter()
                    .map(|t| ("speech tags".to_owned(), (*t).to_owned())),
            );
        let mut passed = 0;
        for (p, text) in texts {
            let seg = segment(&text);
            let lower = LowerTokens::new(&text, &seg.tokens);
            let cx = Ctx {
                text: &text,
                seg: &seg,
                mentions: &[],
                no_party: &[],
                types: &[],
                lower: &lower,
            };
            let quotes = super::super::quotes::find_quotes(&text, &seg);
            for (si, s) in seg.sentences.iter().enumerate() {
                let r = s.tokens.clone();
                let quoted = quotation_closes_in(&cx, &r, &quotes);
                for t in r.start + 1..r.end {
                    let w = cx.word(t);
                    if may_open_frame(w, quoted) {
                        continue;
                    }
                    passed += 1;
                    let at = format!("{p} token {t} '{w}'");
                    assert!(source_phrase_at(&cx, t, r.end).is_none(), "{at}");
                    assert!(
                        adjective_frame(&cx, si, &r, t, &quotes, &[]).is_none(),
                        "{at}"
                    );
                    assert!(nominal_frame(&cx, si, &r, t, &quotes).is_none(), "{at}");
                    assert!(!reports_a_view(&cx, &r, t, true), "{at}");
                    assert!(!reports_a_view(&cx, &r, t, false), "{at}");
                    assert!(!speech_tag(&cx, &r, t, &quotes), "{at}");
                    assert!(!NAMING_VERBS.contains(w) && !REPORTING.contains(w), "{at}");
                }
            }
        }
        assert!(passed > 10_000, "only {passed} words passed over");
    }
}
