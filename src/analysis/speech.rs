//! Speech relations: who is cited saying what. Each relation ties a *source* (the speaker as
//! written), a *cue* (the reporting verb, "according to", a naming or designation verb) and a
//! *content* (the words attributed), with its kind and the rule that found it. This is the
//! attribution relation of the PolNeAR and PARC corpora; `framelens attributions FILE` lists them.
//!
//! The module reads the structures [`crate::analysis::voice`] finds and the designations
//! [`crate::analysis`] finds, and turns them into relations:
//! - a speech frame is one relation (a participle continuing it, "..., noting that ...", is a
//!   relation of its own, inside the first): its speaker is the source, its verb the cue, and the words it
//!   reports the content. A quotation the frame introduces and that overlaps those words joins
//!   the content ("“A. B. C,” she said." is one relation whose content is the whole quote). The
//!   kind is `quote` when quoted words make up at least half of the content, `reported`
//!   otherwise, and `naming` for a naming verb ("X calls them Y", where the content is the name).
//!   A quotation the frame interrupts goes on in the quotations of the same speaker that open
//!   right after the frame's sentence, in its paragraph, with nothing between: "“A,” she said.
//!   “B.”" is one relation, `content` "“A,”" and `continued` ["“B.”"];
//! - a quotation no frame's words hold is a relation of its own, unless it is a title in title
//!   case ("Fox News Sunday", "Make America Great Again": a work, a show or a slogan): `quote`, with the speaker of the
//!   frame beside it or of the quote before it when the voice module found one (no cue), or with
//!   no source; a quote of one to three words with no speaker is `scare`;
//! - a designation ("designated a terrorist organization by X", "U.S.-designated") is a
//!   `designation` whose content is the designated term, and whose source is the designator when
//!   one is named;
//! - a position or a topic with a noun phrase (`crate::analysis::voice` finds them as
//!   stances: "Clinton supported the bill", "voted for Trump", "Sanders spoke about the debt")
//!   is a `stance` or a `topic` whose content is the noun phrase, unless it stands inside a
//!   quotation or the words of a speech frame of its sentence (then it is part of those). Its
//!   words are the outlet's description of the position: the relation says who took it, and
//!   the voice of the words stays the outlet's.
//!
//! What it does not do: find attributions the voice module does not (a position held by a noun,
//! "support for the bill", "his opposition to the war", which PolNeAR counts; nominal cues with
//! no clause, such as "allegations of"; hedges whose source is the outlet, "seemed", "is
//! expected to"); carry a frame's words past its
//! sentence unless a quotation does; or judge whether the source is credible. A frame inside a
//! quotation ("“I think it is over,” she said") is not a relation of its own: its words are
//! part of the quotation's content. Content offsets
//! are bytes into the original text, with the punctuation at either end left out (quotation
//! marks are kept).

use std::ops::Range;

use serde::Serialize;

use crate::analysis::voice::{StanceKind, Voices};
use crate::text::{Segmented, Span, TokenKind};
use crate::text::{is_quote_token, token_range};

/// The kind of an attribution relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Words inside quotation marks, with or without a stated speaker.
    Quote,
    /// Indirect speech: a reporting verb or "according to" with the words it reports.
    Reported,
    /// A short quoted fragment with no speaker: held at arm's length.
    Scare,
    /// A designation ("designated a terrorist organization by X").
    Designation,
    /// A name given by a naming verb ("X calls them Y", "who call themselves Y").
    Naming,
    /// A position the source is said to take on someone or something ("X supported the bill"):
    /// the content is the outlet's description of it, in the outlet's voice.
    Stance,
    /// What the source is said to have talked about ("X spoke about the debt"): the content is
    /// the outlet's description of the topic, in the outlet's voice.
    Topic,
}

impl Kind {
    /// The kind's name in reports: `quote`, `reported`, `scare`, `designation` or `naming`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Reported => "reported",
            Kind::Scare => "scare",
            Kind::Designation => "designation",
            Kind::Naming => "naming",
            Kind::Stance => "stance",
            Kind::Topic => "topic",
        }
    }
}

/// One relation, as byte spans into the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// What kind of attribution it is.
    pub kind: Kind,
    /// The speaker as written (none for an agentless charge or an unattributed quote).
    pub source: Option<Span>,
    /// The actor the speaker resolves to.
    pub speaker_actor: Option<usize>,
    /// The earlier phrase a pronoun or role-noun speaker stands for ("He" -> "Erdogan").
    pub resolved_from: Option<String>,
    /// The words that signal the attribution.
    pub cue: Option<Span>,
    /// The words attributed.
    pub content: Span,
    /// The rest of a split quotation, after the reporting clause that interrupts it
    /// ("“A,” she said. “B.”": `content` is the first quotation, this the second).
    pub continued: Vec<Span>,
    /// Sentence index (0-based) of the frame or designation, else of the content's start.
    pub sentence: usize,
    /// The rule that found it.
    pub rule: &'static str,
}

impl Relation {
    /// The relation of frame `f` (speech or stance): its speaker is the source, its verb the
    /// cue.
    fn of_frame(
        f: &crate::analysis::voice::Frame,
        kind: Kind,
        content: Span,
        continued: Vec<Span>,
        rule: &'static str,
    ) -> Relation {
        Relation {
            kind,
            source: (!f.speaker.is_empty()).then_some(f.speaker),
            speaker_actor: f.speaker_actor,
            resolved_from: f.resolved_from.clone(),
            cue: Some(f.verb),
            content,
            continued,
            sentence: f.sentence,
            rule,
        }
    }
}

/// A designation the analysis found for a term: the designated term, the designator (when
/// named), the designation's verb, and the rule.
#[derive(Clone, Debug)]
pub struct Designated {
    /// Byte span of the designated term.
    pub term: Span,
    /// Byte span of the designator as written, when one is named.
    pub designator: Option<Span>,
    /// The designator's actor index, when it resolves to one.
    pub actor: Option<usize>,
    /// Byte span of the cue: the designation verb, or a compound's suffix ("-designated").
    pub verb: Option<Span>,
    /// Sentence index (0-based) of the term.
    pub sentence: usize,
    /// The rule that found it.
    pub rule: &'static str,
}

/// The token range `r` without punctuation at either end, except quotation marks (so that a
/// quote keeps its marks).
fn trimmed(seg: &Segmented, text: &str, mut r: Range<usize>) -> Range<usize> {
    let strip = |t: usize| {
        let tok = &seg.tokens[t];
        tok.kind == TokenKind::Punct && !is_quote_token(tok.span.slice(text))
    };
    while r.start < r.end && strip(r.start) {
        r.start += 1;
    }
    while r.end > r.start && strip(r.end - 1) {
        r.end -= 1;
    }
    // Marks with no word inside: nothing is attributed.
    if words_in(seg, r.clone()) == 0 {
        return r.start..r.start;
    }
    r
}

fn span_of(seg: &Segmented, r: &Range<usize>) -> Span {
    Span::new(
        seg.tokens[r.start].span.start,
        seg.tokens[r.end - 1].span.end,
    )
}

fn words_in(seg: &Segmented, r: Range<usize>) -> usize {
    r.filter(|&t| seg.tokens[t].kind != TokenKind::Punct)
        .count()
}

/// Every relation of an article, in text order of the content: the frames and quotes of
/// `voices`, and the `designations` the analysis found.
pub fn relations(
    text: &str,
    seg: &Segmented,
    voices: &Voices,
    designations: &[Designated],
) -> Vec<Relation> {
    let mut out = Vec::with_capacity(voices.frames.len() + voices.quotes.len());
    let mut joined = vec![false; voices.quotes.len()];
    frame_relations(text, seg, voices, &mut joined, &mut out);
    quote_relations(text, seg, voices, &joined, &mut out);
    stance_relations(text, seg, voices, &mut out);
    out.extend(designations.iter().map(|d| Relation {
        kind: Kind::Designation,
        source: d.designator,
        speaker_actor: d.actor,
        resolved_from: None,
        cue: d.verb,
        content: d.term,
        continued: Vec::new(),
        sentence: d.sentence,
        rule: d.rule,
    }));
    out.sort_by_key(|r| (r.content.start, r.content.end, r.kind));
    out
}

/// Whether the byte span `s` lies inside the words of a quotation. Quotes are in text order; a
/// quote nested in another (single marks inside double) starts after it, so the few quotes
/// starting last before `s` are looked at.
fn inside_quote(voices: &Voices, s: Span) -> bool {
    let i = voices.quotes.partition_point(|q| q.inner.start <= s.start);
    voices.quotes[..i]
        .iter()
        .rev()
        .take(4)
        .any(|q| q.inner.contains(s))
}

/// One relation per speech frame, with the quotations it introduces that overlap its words
/// (marked in `joined`).
fn frame_relations(
    text: &str,
    seg: &Segmented,
    voices: &Voices,
    joined: &mut [bool],
    out: &mut Vec<Relation>,
) {
    let mut by_frame: Vec<Vec<usize>> = vec![Vec::new(); voices.frames.len()];
    for (qi, q) in voices.quotes.iter().enumerate() {
        if let Some(f) = q.frame {
            by_frame[f].push(qi);
        }
    }
    for (fi, f) in voices.frames.iter().enumerate() {
        let lo = voices.frames.partition_point(|g| g.sentence < f.sentence);
        let hi = voices.frames.partition_point(|g| g.sentence <= f.sentence);
        // A frame inside a quotation ("“I think it is over,” she said") is part of the quoted
        // words: the quotation is the relation.
        if f.inside_other(&voices.frames[lo..hi]) || inside_quote(voices, f.verb) {
            continue;
        }
        let mut toks = f.scope.clone();
        let mut quoted = 0;
        // A frame that reports nothing in its own sentence ("Rubio said on Monday.") has as its
        // words the first quotation beside it (its sentence or the next) whose speaker it is.
        for &qi in &by_frame[fi] {
            let q = &voices.quotes[qi];
            let inner = token_range(seg, q.inner);
            let apart = inner.end <= toks.start || toks.end <= inner.start;
            let beside = toks.is_empty()
                && !crate::analysis::voice::is_title(q.inner.slice(text))
                && seg
                    .sentence_at(q.inner.start)
                    .is_some_and(|s| s.abs_diff(f.sentence) <= 1);
            if inner.is_empty() || (apart && !beside) {
                continue;
            }
            if toks.is_empty() {
                toks = inner.clone();
            }
            joined[qi] = true;
            quoted += words_in(seg, inner);
            // The quotation with its marks.
            let whole = token_range(seg, q.span);
            toks = toks.start.min(whole.start)..toks.end.max(whole.end);
        }
        let toks = trimmed(seg, text, toks);
        if toks.is_empty() {
            continue;
        }
        // An interrupted quotation: its other parts, in text order after the first.
        let mut parts = vec![span_of(seg, &toks)];
        let mut words = words_in(seg, toks.clone());
        if quoted > 0 && f.naming.is_none() {
            for (q, n) in split_quotation(text, seg, voices, f, &by_frame[fi], joined, &toks) {
                parts.push(q);
                quoted += n;
                words += n;
            }
        }
        parts.sort_by_key(|p| p.start);
        let content = parts.remove(0);
        let kind = if f.naming.is_some() {
            Kind::Naming
        } else if quoted * 2 >= words {
            Kind::Quote
        } else {
            Kind::Reported
        };
        out.push(Relation::of_frame(f, kind, content, parts, f.rule()));
    }
}

/// The other parts of a quotation that frame `f` interrupts, each with its number of words: the
/// frame's quotations (`quotes`) apart from its words `toks` that stand in the frame's sentence
/// ("“It was more plane than I needed,” he wrote, “but I find it hard to resist.”"), and
/// those that open right after the end of that sentence, or of the quotation before them, with
/// nothing but white space between, in the same paragraph ("“Guns have been a crisis,” said
/// Adrian Mapp, a delegate. “Guns have no place here.”"). Such a quotation is one attribution
/// (the interrupted quotation of PARC and PolNeAR). Marks each part in `joined`.
fn split_quotation(
    text: &str,
    seg: &Segmented,
    voices: &Voices,
    f: &crate::analysis::voice::Frame,
    quotes: &[usize],
    joined: &mut [bool],
    toks: &Range<usize>,
) -> Vec<(Span, usize)> {
    let sentence = &seg.sentences[f.sentence];
    let mut end = sentence.span.end.max(span_of(seg, toks).end);
    let mut out = Vec::new();
    for &qi in quotes {
        let q = &voices.quotes[qi];
        if joined[qi] || crate::analysis::voice::is_title(q.inner.slice(text)) {
            continue;
        }
        let within = sentence.span.contains(q.span);
        if within && !beside_frame(seg, text, f, toks, token_range(seg, q.span)) {
            continue;
        }
        if !within {
            if q.span.start < end {
                continue;
            }
            let same_paragraph = seg
                .sentence_at(q.span.start)
                .is_some_and(|s| seg.sentences[s].paragraph == sentence.paragraph);
            if !same_paragraph || !text[end..q.span.start].chars().all(char::is_whitespace) {
                break;
            }
        }
        let inner = trimmed(seg, text, token_range(seg, q.span));
        if inner.is_empty() {
            continue;
        }
        joined[qi] = true;
        out.push((span_of(seg, &inner), words_in(seg, inner)));
        if !within {
            end = q.span.end;
        }
    }
    out
}

/// Whether the quotation at tokens `q`, in the frame's sentence, is a part of the words the
/// frame interrupts: before them, it ends where the frame's speaker and verb begin, with only
/// punctuation between ("“A,” he wrote, “B”"); after them, only punctuation, the speaker and
/// verb, and at most six other words without a quotation mark stand between ("“A,” he said of
/// Trump and Ryan, “B”"). A quotation before the speaker ("The army, which had promised
/// “total victory,” said ...") is none.
fn beside_frame(
    seg: &Segmented,
    text: &str,
    f: &crate::analysis::voice::Frame,
    toks: &Range<usize>,
    q: Range<usize>,
) -> bool {
    let speaker = token_range(seg, f.speaker);
    let verb = f.verb_tokens();
    let tag = |t: usize| speaker.contains(&t) || verb.contains(&t);
    let punct = |t: usize| seg.tokens[t].kind == TokenKind::Punct;
    if q.end <= toks.start {
        let before_speaker = f.speaker.is_empty() || q.end <= speaker.start;
        return before_speaker && (q.end..toks.start).all(|t| tag(t) || punct(t));
    }
    if q.start >= toks.end {
        let gap = toks.end..q.start;
        let others = gap.clone().filter(|&t| !tag(t) && !punct(t)).count();
        let marks = gap
            .clone()
            .any(|t| crate::text::is_quote_token(seg.tokens[t].span.slice(text)));
        return others <= 6 && !marks;
    }
    false
}

/// One relation per quotation no frame's relation holds, titles left out.
fn quote_relations(
    text: &str,
    seg: &Segmented,
    voices: &Voices,
    joined: &[bool],
    out: &mut Vec<Relation>,
) {
    for (qi, q) in voices.quotes.iter().enumerate() {
        if joined[qi] || crate::analysis::voice::is_title(q.inner.slice(text)) {
            continue;
        }
        let toks = trimmed(seg, text, token_range(seg, q.span));
        if toks.is_empty() {
            continue;
        }
        let content = span_of(seg, &toks);
        let frame = q.frame.map(|f| &voices.frames[f]);
        let (kind, rule) = match frame {
            Some(_) => (
                Kind::Quote,
                "quotation whose speaker is that of the frame beside it or of the quote before it",
            ),
            None if q.words <= 3 => (
                Kind::Scare,
                "scare quotes: a short quoted fragment with no speaker",
            ),
            None => (Kind::Quote, "inside quotation marks, speaker not stated"),
        };
        out.push(Relation {
            kind,
            source: frame.map(|f| f.speaker).filter(|s| !s.is_empty()),
            speaker_actor: frame.and_then(|f| f.speaker_actor),
            resolved_from: frame.and_then(|f| f.resolved_from.clone()),
            cue: None,
            content,
            continued: Vec::new(),
            sentence: seg.sentence_at(content.start).unwrap_or(0),
            rule,
        });
    }
}

/// One relation per stance or topic ([`Voices::stances`]) that stands outside every quotation
/// and outside the words of a speech frame of its sentence: those are the quotation's or the
/// frame's ("She said Russia supported the regime" is her report, not a stance of the outlet's
/// narration).
fn stance_relations(text: &str, seg: &Segmented, voices: &Voices, out: &mut Vec<Relation>) {
    for f in &voices.stances {
        let v = f.verb_tokens().start;
        let lo = voices.frames.partition_point(|g| g.sentence < f.sentence);
        let hi = voices.frames.partition_point(|g| g.sentence <= f.sentence);
        let reported = voices.frames[lo..hi]
            .iter()
            .any(|g| g.naming.is_none() && g.scope.contains(&v));
        if reported || inside_quote(voices, f.verb) {
            continue;
        }
        let toks = trimmed(seg, text, f.scope.clone());
        if toks.is_empty() {
            continue;
        }
        let (kind, rule) = match crate::analysis::voice::stance_kind(text, f) {
            StanceKind::Position => (
                Kind::Stance,
                "stance: X supported, opposed ... Y, or X's support for Y (a position, in the outlet's words)",
            ),
            StanceKind::Topic => (
                Kind::Topic,
                "topic: X spoke about, discussed ... Y, or X's remarks about Y (in the outlet's words)",
            ),
        };
        out.push(Relation::of_frame(
            f,
            kind,
            span_of(seg, &toks),
            Vec::new(),
            rule,
        ));
    }
}

/// A stretch of the article, for reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Byte offsets into the article: `&article[start..end] == text`.
    pub start: usize,
    /// End of `text` in the article, in bytes (exclusive).
    pub end: usize,
    /// The stretch as written.
    pub text: String,
}

impl Excerpt {
    /// The stretch `s` of `text`.
    pub fn new(text: &str, s: Span) -> Excerpt {
        Excerpt {
            start: s.start,
            end: s.end,
            text: s.slice(text).to_owned(),
        }
    }
}

/// One relation, for reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttributionOut {
    /// What kind of attribution it is.
    pub kind: Kind,
    /// The speaker as written (none for an agentless charge or an unattributed quote).
    pub source: Option<Excerpt>,
    /// Who speaks: the phrase a pronoun or role noun stands for, else the source as written.
    pub speaker: Option<String>,
    /// The actor id the speaker resolves to.
    pub speaker_actor: Option<String>,
    /// The words that signal the attribution (none for a quotation outside every frame's words).
    pub cue: Option<Excerpt>,
    /// The words attributed.
    pub content: Excerpt,
    /// The rest of a split quotation, after the reporting clause that interrupts it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continued: Vec<Excerpt>,
    /// Sentence index (0-based) of the cue, or of the content's start when there is no cue.
    pub sentence: usize,
    /// The rule that found the relation.
    pub rule: String,
}

impl AttributionOut {
    /// The relation `r` of `text`, with `actor_id` giving the id of an actor index.
    pub(crate) fn new(
        text: &str,
        r: &Relation,
        actor_id: impl Fn(usize) -> String,
    ) -> AttributionOut {
        let source = r.source.map(|s| Excerpt::new(text, s));
        AttributionOut {
            kind: r.kind,
            speaker: r
                .resolved_from
                .clone()
                .or_else(|| source.as_ref().map(|s| s.text.clone())),
            source,
            speaker_actor: r.speaker_actor.map(actor_id),
            cue: r.cue.map(|c| Excerpt::new(text, c)),
            content: Excerpt::new(text, r.content),
            continued: r.continued.iter().map(|&c| Excerpt::new(text, c)).collect(),
            sentence: r.sentence,
            rule: r.rule.to_owned(),
        }
    }
}
