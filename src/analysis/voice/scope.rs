//! The words a speech frame reports and the subject it has: where the reported clause starts
//! and ends, the subject before a verb over insertions and adjuncts, a clause after a comma,
//! and the opening subject a later verb shares.

use std::ops::Range;

use super::model::{
    Ctx, DETERMINERS, FRONTED, NOT_SUBJECT, OBJECT_PRONOUNS, QUESTION_WORDS, REPORTING_SAY,
    RawQuote, complement_clause, finite, is_adjunct_start, is_complementizer, opens_clause,
    past_form, subject_pronoun, takes_clause, takes_infinitive,
};
use super::quotes::is_title;
use crate::analysis::words::REPORTING;
use crate::text::WordSet;
use crate::text::{Span, TokenKind, is_calendar_word, is_quote_char, token_range};

/// True for an adverb in -ly written in lower case ("erroneously").
pub(super) fn ly_adverb(cx: &Ctx, k: usize) -> bool {
    let w = cx.word(k);
    w.len() > 4 && w.ends_with("ly") && !cx.first_char(k).is_uppercase()
}

/// Whether the tokens `ks` hold a finite auxiliary or a lower-case verb in -ed: a clause, not a
/// subject ("The militants raided the village, burning houses, said X").
pub(super) fn holds_verb(cx: &Ctx, ks: Range<usize>) -> bool {
    ks.into_iter()
        .any(|k| finite(cx.word(k)) || (past_form(cx, k, 4) && !cx.first_char(k).is_uppercase()))
}

/// Conjunctions that, after a comma, open a concessive or contrastive clause of the outlet's
/// ("while" is left out: ", while the air force struck ..." often goes on with the report).
pub(super) static CONCESSIVES: WordSet = WordSet::new(&["although", "though", "whereas"]);

/// "Police reported no arrests, although 55 people were cited": the words reported end before
/// a comma and a concessive conjunction ([`CONCESSIVES`]) outside quotation marks; the clause
/// after it is the outlet's. Gives the end (`end` when there is none).
pub(super) fn concessive_end(cx: &Ctx, v: usize, end: usize) -> usize {
    // A clause must follow, not a short phrase set off by commas: "the deal, though costly,
    // was worth it" goes on.
    let clause = |k: usize| {
        let stop = (k + 2..end).find(|&j| cx.word(j) == ",").unwrap_or(end);
        stop > k + 5 || (k + 2 < stop && complement_clause(cx, &(k + 2..stop)))
    };
    comma_outside_quotes(cx, v + 1..end, |k| {
        k + 1 < end && cx.is(k + 1, &CONCESSIVES) && clause(k)
    })
    .unwrap_or(end)
}

/// The first comma in `ks` outside quotation marks (the marks pair in turn) for which `also`
/// holds.
pub(super) fn comma_outside_quotes(
    cx: &Ctx,
    ks: Range<usize>,
    also: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut open_quote = false;
    for k in ks {
        if cx.is_punct(k) && is_quote_char(cx.first_char(k)) {
            open_quote = !open_quote;
        } else if !open_quote && cx.word(k) == "," && also(k) {
            return Some(k);
        }
    }
    None
}

/// Walks back from the token `p` before a verb over its subject to the clause boundary; gives
/// where the subject starts and where it ends (`subject_end`, moved before a relative clause on
/// the subject). A coordinator opens the clause, not the subject ("But Schneiderman isn't
/// saying"); the clause it opens is not the tail of the words before ("..., but officials
/// said.").
pub(super) fn subject_back(
    cx: &Ctx,
    r: &Range<usize>,
    p: usize,
    mut subject_end: usize,
) -> (usize, usize) {
    let mut s = p + 1;
    while s > r.start {
        let w = cx.word(s - 1);
        // A relative clause on the subject ("a government official who asked not to be named
        // dismissed ...", "a survivor who fled to Ouagadougou told RFI") modifies it: "who" or
        // "which" right after a noun (not after a preposition: "after which") and right before
        // its own verb, a lower-case word that opens no noun phrase (in "the villages which the
        // army said were bases" the relative's subject is the frame's speaker). The speaker is
        // the noun phrase before it, without the clause and the parties it names.
        let relative_verb = |k: usize| {
            k < p + 1
                && cx.first_char(k).is_lowercase()
                && cx.word(k).chars().all(char::is_alphabetic)
                && !cx.is(k, &DETERMINERS)
                && !subject_pronoun(cx.word(k))
                && !cx.is(k, &NOT_SUBJECT)
        };
        if matches!(w, "who" | "which")
            && s >= r.start + 2
            && relative_verb(s)
            && cx.word(s - 2).chars().all(char::is_alphabetic)
            && !REPORTING.contains(cx.word(s - 2))
            && !cx.is(s - 2, &NOT_SUBJECT)
        {
            subject_end = s - 1;
            s -= 1;
            continue;
        }
        let boundary = matches!(w, "," | ";" | ":" | "—" | "–")
            || opens_clause(w)
            || (cx.is_punct(s - 1) && is_quote_char(cx.first_char(s - 1)))
            || REPORTING.contains(cx.word(s - 1));
        if boundary || p + 1 - (s - 1) > 12 {
            break;
        }
        s -= 1;
    }
    while s < subject_end && cx.is(s, &["but", "and", "yet", "so", "or"]) {
        s += 1;
    }
    (s, subject_end)
}

/// Verbs of telling: their first object is the addressee, not the words ("told reporters that").
pub(super) static TELLING: WordSet = WordSet::new(&[
    "tell",
    "tells",
    "told",
    "telling",
    "assured",
    "informed",
    "reminded",
    "warned",
    "warning",
    "promised",
    "convinced",
]);

/// The longest stretch of adjuncts between a reporting verb and its complementizer that is read
/// as such ("said in a statement on Friday that").
pub(super) const MAX_ADJUNCT_TOKENS: usize = 14;

/// "X wrote in a now-deleted post on Friday that ...": where the words the verb at `v` reports
/// begin. Adjuncts between the verb and a complementizer (`that`, or a colon) say where, when and
/// how the words were said, in the outlet's voice; the words begin at the complementizer. The
/// stretch must open an adjunct (a preposition of place, time or manner, a word of time, an
/// adverb in -ly), or, after a verb of telling, name the addressee in at most three words before
/// such an adjunct or the complementizer ("told reporters in Kyiv that"). It may not hold a
/// finite verb, a subject pronoun, a quotation mark, a relative word or a verb of saying, since
/// then the complementizer belongs to a clause of the words ("said the group that attacked was
/// ..."). Not for a verb that takes an infinitive or an appeal ("vowed to destroy the tunnels
/// that ...", "called for a truce that ..."), nor after "of" ("warned of a catastrophe that
/// ..."): what follows is the words. Otherwise the words begin right after the verb.
pub(super) fn content_start(cx: &Ctx, v: usize, end: usize) -> usize {
    let first = v + 1;
    if first >= end || takes_infinitive(cx, v, end) {
        return first;
    }
    let Some(comp) = (first..end.min(first + MAX_ADJUNCT_TOKENS))
        .find(|&k| is_complementizer(cx.word(k)) || cx.word(k) == ":")
    else {
        return first;
    };
    if comp == first {
        return first;
    }
    // An adjunct may stand between commas ("said, without evidence, that").
    let mut lead = if cx.word(first) == "," {
        first + 1
    } else {
        first
    };
    // The addressee of a verb of telling: a short phrase before an adjunct or "that".
    if cx.is(v, &TELLING) {
        let np_end = (lead..comp)
            .find(|&k| is_adjunct_start(cx.word(k)) || cx.is_punct(k))
            .unwrap_or(comp);
        // One noun phrase: a determiner only at its start ("told CNN the militants that ..."
        // holds two, the second the words').
        if np_end == lead || np_end - lead > 3 || (lead + 1..np_end).any(|k| cx.is(k, &DETERMINERS))
        {
            return first;
        }
        if np_end == comp {
            return if clause_inside(cx, first, comp) {
                first
            } else {
                comp
            };
        }
        lead = np_end;
    }
    let w = cx.word(lead);
    // "to" opens an adjunct only before its addressee ("said to reporters that"), not before a
    // verb ("vowed to destroy"); "for" and "of", and "on" after "call", open what is asked for
    // or spoken of.
    let to_addressee = w == "to"
        && lead + 1 < comp
        && (cx.is(lead + 1, &DETERMINERS)
            || cx.is(lead + 1, &OBJECT_PRONOUNS)
            || cx.first_char(lead + 1).is_uppercase()
            || cx.word(lead + 1).ends_with('s'));
    let appeal = cx.word(v).starts_with("call");
    let preposition = is_adjunct_start(cx.word(lead))
        && !matches!(w, "as" | "to" | "for" | "of" | "by")
        && !(w == "on" && appeal)
        || to_addressee;
    let opens = preposition || is_calendar_word(w) || ly_adverb(cx, lead);
    if opens && !clause_inside(cx, first, comp) {
        comp
    } else {
        first
    }
}

/// Whether the tokens `from..to` hold what only a clause has: a finite verb, a subject pronoun,
/// a relative or question word, a quotation mark or a verb of saying.
pub(super) fn clause_inside(cx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        finite(cx.word(k))
            || subject_pronoun(cx.word(k))
            || cx.is(
                k,
                &["which", "who", "whom", "whose", "what", "whether", "if"],
            )
            || (cx.is_punct(k) && is_quote_char(cx.first_char(k)))
            || REPORTING.contains(cx.word(k))
    })
}

/// "The recovery he promised has turned into ...": a noun phrase opens the sentence, a
/// reporting verb at `v` follows its own subject, and a finite verb follows it, the sentence's
/// only one after the verb. The verb sits in a relative clause of that noun ("the recovery
/// [that] he promised"), whose gap is the verb's object; the finite verb is the sentence's, and
/// the verb reports nothing. After a verb or a preposition ("a list of countries he said had sent
/// troops") the gap is the subject of the words, which are reported, and so they are after a
/// relative word ("which the army said was aimed at terrorists") and when another finite verb
/// follows ("The hospital Israel says is a base was evacuated": "was" is the sentence's). Without
/// a parse, the noun phrase is known by its shape: a determiner, at most five words, and no word
/// in -ed among them ("The army named the towns it said were held" has a verb).
pub(super) fn in_subject_relative(
    cx: &Ctx,
    r: &Range<usize>,
    subject: &Range<usize>,
    v: usize,
) -> bool {
    let s = subject.start;
    let noun_phrase = cx.is(s, &DETERMINERS)
        && subject.len() <= 5
        && !subject.clone().skip(1).any(|k| cx.word(k).ends_with("ed"));
    s == r.start
        && subject.len() > 1
        && noun_phrase
        && v + 1 < r.end
        && finite(cx.word(v + 1))
        && !(v + 2..r.end).any(|k| finite(cx.word(k)))
}

/// "X said (that) ...": where the words after the verb at `v` end. When the words are a quote
/// that starts right after the verb, the frame ends with the quote; a quote after some words of
/// the complement ends it only when no word follows the quote ("said the “terrorists” had fled"
/// goes on), and a preposition right after a quote that opens the words continues them to the end
/// of its phrase ("vows 'crushing response' to any aggression"). Otherwise they run to the end of
/// the sentence, `end`.
pub(super) fn complement_end(cx: &Ctx, v: usize, end: usize, quotes: &[RawQuote]) -> usize {
    if REPORTING_SAY.contains(cx.word(v)) && adjuncts_only(cx, v + 1..end, quotes) {
        return v + 1;
    }
    let end = concessive_end(cx, v, end);
    let mut scope_end = end;
    let mut k = v + 1;
    let mut objects = 0;
    while k < end && objects <= 2 {
        let w = cx.word(k);
        if cx.is_punct(k) && is_quote_char(cx.first_char(k)) {
            let at = cx.seg.tokens[k].span.start;
            let qi = quotes.partition_point(|q| q.span.start < at);
            if let Some(q) = quotes.get(qi).filter(|q| q.span.start == at)
                && q.closed
            {
                let q_end = token_range(cx.seg, Span::new(q.span.start, q.span.end))
                    .end
                    .min(end);
                // "vows 'crushing response' to any new aggression": a preposition right after
                // a quote that opens the words continues them, to the end of their phrase. Not
                // one of time ("on Monday", "for two hours").
                let continues = objects == 0
                    && q_end + 1 < end
                    && cx.is(q_end, &["to", "against", "for", "over", "on", "of"])
                    && !is_calendar_word(cx.word(q_end + 1))
                    && cx.seg.tokens[q_end + 1].kind != TokenKind::Number;
                if continues {
                    scope_end = (q_end..end)
                        .find(|&t| matches!(cx.word(t), "," | ";" | ":"))
                        .unwrap_or(end);
                } else if objects == 0 || q_end == end || cx.is_punct(q_end) {
                    scope_end = q_end;
                }
            }
            break;
        }
        if !(w == "that" || w == ":" || w == ",") {
            objects += 1;
        }
        k += 1;
    }
    scope_end
}

/// The noun phrase a relative pronoun at `rel` stands for: the words before it (and before a
/// comma), back to punctuation, a clause word, a preposition or a verb of saying, at most six
/// words; it must end in a noun-like word (not a function word).
pub(super) fn antecedent_phrase(cx: &Ctx, r: &Range<usize>, rel: usize) -> Option<Range<usize>> {
    let mut e = rel;
    if e > r.start && cx.word(e - 1) == "," {
        e -= 1;
    }
    if e == r.start || cx.is_punct(e - 1) && cx.word(e - 1) != "." || cx.is(e - 1, &NOT_SUBJECT) {
        return None;
    }
    let mut s = e - 1;
    while s > r.start && e - s < 6 && !cx.is(s, &DETERMINERS) {
        let w = cx.word(s - 1);
        if cx.is_punct(s - 1)
            || opens_clause(w)
            || is_adjunct_start(w)
            || REPORTING.contains(w)
            || finite(w)
        {
            break;
        }
        s -= 1;
    }
    Some(s..e)
}

/// "Rubio said on his campaign plane on Monday as he crossed Nevada.": the words after a verb of
/// saying ("said", not "called for") are only adjuncts (they open with a preposition, a time
/// word or an adverb in -ly, and hold no "that", no number, no quotation other than a title, and
/// no auxiliary, subject pronoun or verb in -ed outside a subordinate clause), so the verb
/// reports nothing in its sentence; its words are a quotation beside it, if any.
pub(super) fn adjuncts_only(cx: &Ctx, after: Range<usize>, quotes: &[RawQuote]) -> bool {
    if after.is_empty() {
        return false;
    }
    let first = cx.word(after.start);
    let adverb =
        first.len() > 4 && first.ends_with("ly") && !cx.first_char(after.start).is_uppercase();
    let opens = is_adjunct_start(cx.word(after.start))
        || cx.is(after.start, &["about", "otherwise"])
        || adverb;
    // "said when they would act" is an indirect question, the verb's complement.
    if !opens || cx.is(after.start, &["to"]) || cx.is(after.start, &QUESTION_WORDS) {
        return false;
    }
    let subordinate =
        |k: usize| (k.saturating_sub(2).max(after.start)..k).any(|j| cx.is(j, &SUBORDINATORS));
    // A quotation there is someone's words, unless it is the title of a show or a work ("said
    // in an interview with “Fox News Sunday.”").
    let words_quoted = |k: usize| {
        let at = cx.seg.tokens[k].span.start;
        let qi = quotes.partition_point(|q| q.span.start < at);
        quotes
            .get(qi)
            .filter(|q| q.span.start == at)
            .is_some_and(|q| !is_title(q.inner.slice(cx.text)))
    };
    // A number ("said at least 30 people died") or a verb in the past ("said in a statement
    // Israeli forces killed 20") may be the clause reported: in doubt, the words are reported.
    let past = |k: usize| {
        let w = cx.word(k);
        w.len() > 3 && w.ends_with("ed") && !cx.first_char(k).is_uppercase()
    };
    !after.clone().any(|k| {
        cx.word(k) == "that"
            || cx.seg.tokens[k].kind == TokenKind::Number
            || (cx.is_punct(k) && is_quote_char(cx.first_char(k)) && words_quoted(k))
            || ((finite(cx.word(k)) || subject_pronoun(cx.word(k)) || past(k)) && !subordinate(k))
    })
}

/// Words that open a subordinate clause of time, reason or manner.
pub(super) static SUBORDINATORS: WordSet = WordSet::new(&[
    "as", "when", "while", "after", "before", "because", "since", "if", "until", "though",
    "although",
]);

/// The words after a frame set off by commas in mid-sentence ("The trend, Mr. Obama said, has
/// been clear"): after the verb and its adjuncts (`after`) come a comma and at least two more
/// words to the sentence's end, which do not open a participle ("adding that"), a new clause
/// with a coordinator, or an adverbial (", he said, after the talks").
pub(super) fn parenthetical_rest(
    cx: &Ctx,
    after: &Range<usize>,
    end: usize,
) -> Option<Range<usize>> {
    let comma = after.end;
    if comma >= end || cx.word(comma) != "," || comma + 3 > end {
        return None;
    }
    let first = comma + 1;
    // ", the army said, as fighting raged": an adverbial of the outlet's after the frame.
    let opens_other = cx.word(first).ends_with("ing")
        || cx.is(first, &["and", "but", "or", "so", "then", "according"])
        || cx.is(first, &SUBORDINATORS)
        || is_adjunct_start(cx.word(first))
        || cx.is_punct(first)
        || REPORTING.contains(cx.word(first));
    (!opens_other).then_some(first..end)
}

/// The prepositions of [`FRONTED`] (the others are adverbs: "meanwhile", "later", "today"), which
/// put a name right after them in an adverbial.
static PREPOSITIONS_OPENING: WordSet = WordSet::new(&[
    "in", "on", "at", "after", "before", "during", "since", "under",
]);

/// "In a speech on Sunday," "In Sunday's speech,": the words before `comma` are an adverbial
/// opening the sentence, a phrase (a preposition or an adverb of [`FRONTED`] first, no finite
/// auxiliary; a possessive "'s" is none) with no other comma in it.
pub(super) fn fronted_phrase(cx: &Ctx, r: &Range<usize>, comma: usize) -> bool {
    comma > r.start + 1
        && cx.is(r.start, &FRONTED)
        && (r.start..comma).all(|k| {
            cx.word(k) != ","
                && (cx.seg.tokens[k].kind == TokenKind::Possessive || !finite(cx.word(k)))
        })
}

/// Whether the words before a mid-sentence frame are an adverbial opening the sentence (a
/// preposition or subordinator first, no finite verb) rather than a part of the clause reported.
pub(super) fn fronted_before(cx: &Ctx, before: Range<usize>) -> bool {
    !before.is_empty()
        && (cx.is(before.start, &FRONTED) || cx.is(before.start, &SUBORDINATORS))
        && !before.clone().any(|k| finite(cx.word(k)))
}

/// Words that open an insertion between a subject and its verb ("The army, which ...", "X, the
/// commander, ...").
pub(super) static INSERTION_OPENERS: WordSet = WordSet::new(&[
    "which", "who", "whose", "the", "a", "an", "its", "his", "her", "their", "now", "then",
    "however", "too", "also",
]);

/// Words that may not open a sentence's subject, besides those that open an adverbial or a
/// subordinate clause ([`opens_no_subject`]).
pub(super) static NOT_A_SUBJECT_START: WordSet = WordSet::new(&[
    "still", "yet", "but", "and", "so", "now", "here", "there", "it", "this", "that", "these",
    "those", "asked",
]);

/// Whether token `k` opens a fronted adverbial, a subordinate clause or a connective, not a
/// sentence's subject ("In", "When", "However", "But").
pub(super) fn opens_no_subject(cx: &Ctx, k: usize) -> bool {
    cx.is(k, &NOT_A_SUBJECT_START)
        || cx.is(k, &FRONTED)
        || cx.is(k, &SUBORDINATORS)
        || is_adjunct_start(cx.word(k))
}

/// The sentence's opening name when insertions stand between it and the verb at `v` (`p`, the
/// token before the verb, closes the last one): "Rep. Meeks (D-N.Y.), chairman of the caucus's
/// PAC, said ...", "Kall -- co-editor of a book on the debates -- said ...", "Donna Rawlings, 59,
/// of Ashton, Md., who watched the ceremony, said ...". The name runs from the sentence's start
/// to its first comma, dash or parenthesis: one to six tokens, each capitalised (or an
/// abbreviation's full stop, or a particle of a name such as "al" or "de"). The verb must take a clause, so that the words after it are
/// what is said ("The senator, after the vote, said the bill was dead"). Gives the speaker's
/// tokens: the name with its insertions.
pub(super) fn subject_before_insertions(
    cx: &Ctx,
    r: &Range<usize>,
    p: usize,
    v: usize,
) -> Option<Range<usize>> {
    let clause = if REPORTING.contains(cx.word(v)) {
        v + 1 < r.end && !cx.is_punct(v + 1)
    } else {
        takes_clause(cx, v, r.end)
    };
    if !clause {
        return None;
    }
    name_before_insertions(cx, r, p)
}

/// The name of [`subject_before_insertions`], whatever follows the verb: the sentence's opening
/// name, with the insertions up to `p`, which closes the last one.
pub(super) fn name_before_insertions(cx: &Ctx, r: &Range<usize>, p: usize) -> Option<Range<usize>> {
    if !matches!(cx.word(p), "," | "—" | "–" | "--" | "-" | ")") || p <= r.start {
        return None;
    }
    let start = if cx.is(r.start, &["but", "and", "yet", "so"]) {
        r.start + 1
    } else {
        r.start
    };
    let open = (start..p).find(|&k| matches!(cx.word(k), "," | "—" | "–" | "--" | "-" | "("))?;
    let name = start..open;
    // A proper name: capitalised words, abbreviations and the particles of names ("Abu Mohammed
    // al-Jolani", "Leonard E. Burman"); "Israeli strikes killed 20 people" is a clause.
    let name_like = !name.is_empty()
        && name.len() <= 6
        && !opens_no_subject(cx, start)
        && name.clone().all(|k| {
            (cx.first_char(k).is_uppercase()
                || cx.word(k) == "."
                || cx.is(k, &crate::text::NAME_PARTICLES))
                && !REPORTING.contains(cx.word(k))
        });
    if !name_like || p - open > 60 {
        return None;
    }
    // The insertions stay in the speaker as written: an apposition often says whom the name
    // speaks for ("Karimi, executive director of Interfaith Paths to Peace").
    let mut e = p;
    while e > open && matches!(cx.word(e - 1), "," | "—" | "–" | "--" | "-") {
        e -= 1;
    }
    Some(start..if cx.word(p) == ")" { p + 1 } else { e })
}

/// Words that open a speaker written after its verb ("said several observers").
pub(super) static SPEAKER_OPENERS: WordSet = WordSet::new(&[
    "the", "a", "an", "several", "many", "some", "most", "both", "one", "two", "three", "another",
    "other", "his", "her", "its", "their",
]);

/// "It may have been more surprising than expected, said several observers.": the speaker after
/// its verb, which follows a comma with no closing quote. The speaker runs to the sentence's end
/// or a comma, at most seven words, and opens with a capital letter or a determiner; at least
/// three words come before, with no other comma or dash among them (else the comma may close an
/// insertion after the subject). Gives the speaker's tokens and the words reported.
pub(super) fn inverted_after_comma(
    cx: &Ctx,
    r: &Range<usize>,
    v: usize,
    before: Option<usize>,
    b: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let p = before?;
    if cx.word(p) != "," || b != v || p < r.start + 3 || !REPORTING_SAY.contains(cx.word(v)) {
        return None;
    }
    let mut e = v + 1;
    while e < r.end && !cx.is_punct(e) {
        e += 1;
    }
    // The speaker holds no verb: no auxiliary, no lower-case word in -ed ("said the rebel
    // militia shelled the city" is "X said Y" after an insertion).
    let verbless = (v + 1..e).all(|k| {
        let participle = cx.word(k).ends_with("ed") && !cx.first_char(k).is_uppercase();
        !(finite(cx.word(k)) || participle)
    });
    // The comma must not close an insertion after the subject ("The army, which has fought
    // the RSF, said ...", "Erdogan, speaking in Ankara, said the rebels took the town"): the
    // words before it hold no other comma or dash.
    // An insertion opens with a relative word, a determiner, a participle or a name; a
    // coordinated clause ("..., and the meeting deteriorated from there, said one source") does
    // not.
    // Words before the first comma that hold a verb are a clause, not a subject ("Israeli
    // strikes killed 20 people, including 8 children, said the health ministry").
    let first_mark = (r.start..p)
        .find(|&k| matches!(cx.word(k), "," | "—" | "–"))
        .unwrap_or(p);
    let clause_first = holds_verb(cx, r.start..first_mark);
    let insertion = !clause_first
        && (subject_before_insertions(cx, r, p, v).is_some()
            || (r.start..p)
                .rev()
                .find(|&k| matches!(cx.word(k), "," | "—" | "–"))
                .is_some_and(|open| {
                    let first = open + 1;
                    cx.word(open) != ","
                        || cx.is(first, &INSERTION_OPENERS)
                        || cx.word(first).ends_with("ing")
                        || cx.first_char(first).is_uppercase()
                }));
    let speaker_ok = e > v + 1
        && e - v <= 8
        && verbless
        && !insertion
        && (e == r.end || matches!(cx.word(e), "." | "," | "!" | "?"))
        && (cx.first_char(v + 1).is_uppercase() || SPEAKER_OPENERS.contains(cx.word(v + 1)));
    speaker_ok.then(|| (v + 1..e, r.start..p))
}

/// The subject a sentence opens with, when it opens with an actor's name (at its first or second
/// token) that ends before the verb at `v`: its tokens, from the sentence's start.
pub(super) fn opening_subject(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let first = cx
        .mentions
        .partition_point(|m| m.span.start < cx.seg.tokens[r.start].span.start);
    let m = cx.mentions.get(first)?;
    let m_tokens = token_range(cx.seg, m.span);
    if m_tokens.start > r.start + 1 || m_tokens.end >= v {
        return None;
    }
    // A preposition or a subordinator before the name opens an adverbial, not the subject
    // ("After Iran struck, ..."); an adverb does not ("Meanwhile Russia launched ...").
    if m_tokens.start == r.start + 1
        && (cx.is(r.start, &PREPOSITIONS_OPENING) || cx.is(r.start, &SUBORDINATORS))
    {
        return None;
    }
    Some(r.start..m_tokens.end)
}

/// The name or subject pronoun a sentence opens with (after a coordinator), ending before the
/// verb at `v`: one to five capitalised tokens, the first not one that opens an adverbial or a
/// clause ("In", "When"), with the noun after an opening determiner ("The ministry"), or "he",
/// "she", "they", "we", "I".
pub(super) fn opening_name(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let start = if cx.is(r.start, &["but", "and", "yet", "so"]) {
        r.start + 1
    } else {
        r.start
    };
    if start >= v {
        return None;
    }
    if cx.is(start, &["he", "she", "they", "we", "i"]) {
        return Some(start..start + 1);
    }
    if !cx.first_char(start).is_uppercase() || opens_no_subject(cx, start) {
        return None;
    }
    let mut e = start;
    while e < v && e - start < 5 && (cx.first_char(e).is_uppercase() || cx.word(e) == ".") {
        e += 1;
    }
    // "The ministry", "The defence ministry": a determiner takes its noun, lower case or not,
    // up to three words that are no verb (of saying, or in -ed) and no function word.
    if e == start + 1 && cx.is(start, &["the", "a", "an", "this"]) {
        while e < v
            && e - start <= 3
            && cx.word(e).chars().all(char::is_alphabetic)
            && !cx.is(e, &NOT_SUBJECT)
            && !REPORTING.contains(cx.word(e))
            && !(e > start + 1 && cx.word(e).ends_with("ed"))
        {
            e += 1;
        }
    }
    Some(start..e)
}
