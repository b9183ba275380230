//! The types of the voice analysis (voices, frames, quotes and why a token has its voice), the
//! context the rules read the sentence through, and the word lists and tests on single words
//! that several of its parts share.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use crate::analysis::heads;
use crate::analysis::mention::{Form, Mention};
use crate::analysis::words::{
    AUXILIARIES, CLAUSE_WORDS, REPORTING, REQUEST, SOURCE_PHRASES, SUBJECT_PRONOUNS,
};
use crate::lexicon::ActorType;
use crate::text::{
    LowerTokens, Segmented, Span, TokenKind, WordSet, Words, is_calendar_word, is_quote_char,
    token_at, token_range,
};

/// Who is speaking when a term is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// The outlet's own narration.
    Author,
    /// Inside quotation marks, words attributed to a speaker.
    Quote,
    /// Indirect or attributed speech without quotation marks.
    Reported,
    /// Scare quotes, or words after a distancing marker: they are held at arm's length, with no
    /// speaker.
    Scare,
}

impl Voice {
    /// The voice's name as the JSON and CSV outputs write it (`author`, `quote`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Author => "author",
            Voice::Quote => "quote",
            Voice::Reported => "reported",
            Voice::Scare => "scare",
        }
    }
    /// Every voice, in the order the reports list them.
    pub const ALL: [Voice; 4] = [Voice::Author, Voice::Quote, Voice::Reported, Voice::Scare];
}

/// The shape of a speech frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    /// `X said (that) ...`
    SpeakerFirst,
    /// `..., X said.` or `"...," said X.`
    SpeakerLast,
    /// `according to X`
    AccordingTo,
    /// `..., adding that ...`: the subject of the frame before.
    Participle,
    /// `... and claimed ...`: the subject of the frame before.
    SharedSubject,
    /// `... described by X as ...`: a passive verb with its agent.
    ByAgent,
    /// A headline's source after a final dash or colon: `... villages – MOD`, `...: ISPR`.
    HeadlineSource,
    /// A name and a colon opening a paragraph: `Graham: Trump's rhetoric is destroying the GOP`.
    ColonSource,
    /// `Asked whether ..., X said`: a question put by someone the text does not name; the
    /// frame's speaker is empty.
    Question,
    /// `X (was) accused of ...`: a passive of accusing with no agent. The words are someone's
    /// charge, and the text does not say whose: the frame's speaker is empty.
    Agentless,
    /// `Israel's claim that ...`, `the belief that ...`: a noun of saying or believing with a
    /// clause; the speaker is the possessor, or empty when none is written.
    Nominal,
}

/// How a naming verb names: the frame's scope is the name (the verb's object complement) and its
/// speaker is the namer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Naming {
    /// `X calls them Y`, `X described the raid as Y`, `X refers to them as Y`.
    Active,
    /// `the rebels, who call themselves Y`: the namer is the relative pronoun's antecedent.
    Relative,
    /// `what X called Y`, `which X describes as Y`: the object is the relative pronoun.
    Gap,
    /// `described by X as Y`, `labelled Y by X`: the namer is the agent.
    Passive,
}

/// A reporting verb with its speaker and the words it reports.
#[derive(Clone, Debug, Serialize)]
pub struct Frame {
    /// The shape of the frame.
    pub kind: FrameKind,
    /// The reporting verb (or `according to`).
    pub verb: Span,
    /// The speaker as written.
    pub speaker: Span,
    /// The speaker's actor, when it could be resolved.
    pub speaker_actor: Option<usize>,
    /// The earlier phrase a pronoun or role noun speaker was resolved to ("He" -> "Erdogan").
    pub resolved_from: Option<String>,
    /// Set when the speaker's party was read from its head noun's type alone ("the junta":
    /// the last state named), which the party of a label the speaker opens with overrides
    /// (see `attribution::speakers_by_label`).
    #[serde(skip)]
    pub by_type: bool,
    /// Index of the frame's sentence in the segmentation.
    pub sentence: usize,
    /// For a naming verb ("calls them terrorists"), the construction; the scope is then the name.
    pub naming: Option<Naming>,
    /// Token indices the frame reports.
    #[serde(skip)]
    pub scope: Range<usize>,
    #[serde(skip)]
    pub(super) verb_tokens: Range<usize>,
    #[serde(skip)]
    pub(super) speaker_tokens: Range<usize>,
}

impl Frame {
    /// The tokens of the verb.
    pub fn verb_tokens(&self) -> Range<usize> {
        self.verb_tokens.clone()
    }

    /// The rule that made the frame, as `--explain` prints it.
    pub fn rule(&self) -> &'static str {
        match (self.naming, self.kind) {
            (Some(Naming::Active), _) => "naming: X calls them Y (the namer's words)",
            (Some(Naming::Relative), _) => "naming: X, who call themselves Y (the namer's words)",
            (Some(Naming::Gap), _) => "naming: what X called Y (the namer's words)",
            (Some(Naming::Passive), _) => {
                "naming: called Y by X, passive with an agent (the agent's words)"
            }
            (None, kind) => match kind {
                FrameKind::SpeakerFirst => "reported: X said (that) ...",
                FrameKind::SpeakerLast => "reported: ..., X said",
                FrameKind::AccordingTo => "reported: according to X",
                FrameKind::Participle => "reported: ..., adding that ...",
                FrameKind::SharedSubject => "reported: ... and claimed ...",
                FrameKind::ByAgent => "reported: ... described by X as ...",
                FrameKind::HeadlineSource => {
                    "reported: headline source after a final dash or colon"
                }
                FrameKind::ColonSource => "reported: X: ..., a name and a colon open the paragraph",
                FrameKind::Question => {
                    "reported: asked whether ..., a question by someone not named"
                }
                FrameKind::Agentless => {
                    "reported: X (was) accused of ..., a charge by someone not named"
                }
                FrameKind::Nominal => {
                    "reported: X's claim that ..., a noun of saying with a clause"
                }
            },
        }
    }

    /// True for an agentless charge inside the words another frame of its sentence reports
    /// ("Hamas was accused of war crimes, Israel said"): those words are the other frame's.
    pub fn inside_other(&self, sentence_frames: &[Frame]) -> bool {
        self.kind == FrameKind::Agentless
            && sentence_frames.iter().any(|g| {
                g.kind != FrameKind::Agentless && g.scope.contains(&self.verb_tokens.start)
            })
    }
}

/// A quotation.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// The quote with its marks.
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Tokens inside the marks that are not punctuation (three or fewer with no speaker: scare
    /// quotes).
    pub words: usize,
    /// False when no closing mark was found.
    pub closed: bool,
    /// True when it reopens a quote left open at the end of the previous paragraph.
    pub continues: bool,
    /// Index into [`Voices::frames`] of the speaker's frame.
    pub frame: Option<usize>,
}

/// Why a token has its voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The outlet's narration: no frame or quotation covers the token.
    Narration,
    /// In the words frame `n` of [`Voices::frames`] reports.
    Frame(usize),
    /// In a parenthetical insertion (dashes or brackets) inside reported words: the outlet's gloss.
    Parenthetical,
    /// The speaker phrase of a frame that no other frame reports.
    SpeakerTag,
    /// The reporting verb of a frame that no other frame reports: the outlet's choice of verb.
    ReportingVerb,
    /// A name given by a passive naming verb with no agent ("the group, described as terrorists").
    NoNamer,
    /// Inside quotation `n` of [`Voices::quotes`].
    Quote(usize),
}

/// The voice of every token of an article.
pub struct Voices {
    /// The speech frames, in text order.
    pub frames: Vec<Frame>,
    /// The quotations, in text order.
    pub quotes: Vec<Quote>,
    pub(super) tags: Vec<Why>,
    /// Positions and topics ("supported the bill", "talked about taxes"), in text order: frames
    /// whose scope is the object, which paint no voice (see `stances`).
    pub stances: Vec<Frame>,
}

/// The voice of one span, with its speaker and the rule that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceOf {
    /// The voice.
    pub voice: Voice,
    /// Index into [`Voices::frames`] of the frame whose words these are, when there is one.
    pub frame: Option<usize>,
    /// Index into [`Voices::quotes`] of the quotation the span is in, when there is one.
    pub quote: Option<usize>,
    /// The rule that decided, as `--explain` prints it.
    pub rule: &'static str,
}

/// Verbs of an official act of listing. Verbs of naming ("branded", "labelled") are
/// [`NAMING_VERBS`], read as speech frames whose words are the name.
pub(crate) static DESIGNATION_VERBS: WordSet = WordSet::new(&[
    "designated",
    "designates",
    "designate",
    "redesignated",
    "listed",
    "lists",
    "list",
    "proscribed",
    "proscribes",
    "classified",
    "classifies",
    "considers",
    "considered",
    "deems",
    "deemed",
    "declared",
    "declares",
]);

/// Participles of naming verbs that read as an official label ("branded a terrorist group",
/// "labelled a terrorist organisation"); "called" and "described" are left out, as "a group called
/// HTS" and "what he called a massacre" name without designating.
pub(super) static DESIGNATING_PARTICIPLES: WordSet =
    WordSet::new(&["branded", "labeled", "labelled"]);

/// Whether a word is a verb of designating or a naming participle that designates
/// ("designated", "considered", "branded"): what leads into a designation's complement.
pub(crate) fn designates(w: &str) -> bool {
    DESIGNATION_VERBS.contains(w) || DESIGNATING_PARTICIPLES.contains(w)
}

/// Words right after a naming verb that give it another sense: "called for a ceasefire",
/// "called on Israel to ...", "police called to the scene", "called off the talks".
pub(super) static NOT_A_NAME_AFTER: WordSet = WordSet::new(&[
    "for", "on", "upon", "off", "up", "out", "back", "in", "into", "to", "at", "over", "around",
    "with", "about", "after", "from", "of", "and", "or", "but", "that",
]);

/// Object pronouns: a naming verb's object when it is one of these ends there.
pub(super) static OBJECT_PRONOUNS: WordSet = WordSet::new(&[
    "them",
    "themselves",
    "it",
    "itself",
    "him",
    "himself",
    "her",
    "herself",
    "us",
    "ourselves",
    "me",
    "myself",
    "you",
    "yourselves",
]);

/// Words that end a name: a preposition or a new clause ("calls them terrorists *in* its
/// statements", "described as a massacre *which* ...").
pub(super) static NAME_ENDS_AT: WordSet = WordSet::new(&[
    "in", "on", "at", "for", "from", "during", "over", "against", "into", "by", "to", "since",
    "after", "before", "about", "with", "amid", "under", "despite", "across", "through", "via",
    "that", "which", "who", "whom", "whose", "because", "while", "when", "although", "though",
    "whereas", "if", "unless", "but",
]);

/// The longest name a naming verb is taken to give, in tokens.
pub(super) const MAX_NAME_TOKENS: usize = 8;

/// Verbs of accusing, with the preposition that introduces the act they charge someone with
/// ("accused X of war crimes", "charged with murder", "blamed for the attack").
pub(crate) const ACCUSATION_VERBS: &[(&str, &str)] = &[
    ("accused", "of"),
    ("accuse", "of"),
    ("accuses", "of"),
    ("accusing", "of"),
    ("suspected", "of"),
    ("convicted", "of"),
    ("charged", "with"),
    ("charges", "with"),
    ("blamed", "for"),
    ("blames", "for"),
    ("blaming", "for"),
];

/// The verb of accusing at `v` has its charge after an object of at most four words, with no
/// punctuation between: "accusing them of", "blaming Kinshasa for".
pub(super) fn takes_charge(cx: &Ctx, v: usize, end: usize) -> bool {
    let Some(&(_, prep)) = ACCUSATION_VERBS.iter().find(|&&(w, _)| w == cx.word(v)) else {
        return false;
    };
    (v + 2..end.min(v + 6))
        .take_while(|&k| !cx.is_punct(k - 1))
        .any(|k| cx.word(k) == prep)
}

/// Whether a word is a verb of accusing ([`ACCUSATION_VERBS`]).
pub(crate) fn accuses(w: &str) -> bool {
    ACCUSATION_VERBS.iter().any(|&(v, _)| v == w)
}

/// Whether a word is one of those that stand between a subject and its verb
/// ([`SKIP_BEFORE_VERB`]: adverbs, auxiliaries, dates).
pub(crate) fn skips_before_verb(w: &str) -> bool {
    SKIP_BEFORE_VERB.contains(w) || is_calendar_word(w)
}

/// Words skipped when walking back from a verb to its subject: adverbs, auxiliaries, dates (with
/// the day and month names of [`is_calendar_word`]).
pub(super) static SKIP_BEFORE_VERB: WordSet = WordSet::new(&[
    "also",
    "further",
    "earlier",
    "later",
    "previously",
    "then",
    "now",
    "already",
    "again",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "recently",
    "initially",
    "once",
    "late",
    "early",
    "on",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "should",
    "can",
    "must",
    "do",
    "does",
    "did",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
    "previously",
    "often",
    "frequently",
    "never",
    "always",
    "just",
    "first",
    "openly",
    "explicitly",
    "flatly",
    "long",
    "still",
    "routinely",
    "widely",
    "commonly",
    "sometimes",
    "officially",
    "formally",
    "usually",
]);

/// The verb at `v` takes an infinitive: "to" and a verb right after it ("refused to endorse"),
/// or, for a verb of wanting or asking, after an object of at most three words ("wants voters
/// to know", "asked Congress to approve"), the infinitive quoted or not ('urged Trump to "stop
/// ..."'). Not a noun after a determiner or a possessive ("her plans to"), and not "to" before
/// a number ("declined to 20").
pub(super) fn takes_infinitive(cx: &Ctx, v: usize, end: usize) -> bool {
    let noun = v > 0
        && (cx.is(v - 1, &DETERMINERS)
            || cx.is(v - 1, &["new", "latest", "own", "any", "no"])
            || cx.seg.tokens[v - 1].kind == TokenKind::Possessive);
    let infinitive = |k: usize| {
        // A quoted infinitive: 'urged Trump to "stop holding government hostage"'.
        let quoted = k + 2 < end && cx.is_punct(k + 1) && is_quote_char(cx.first_char(k + 1));
        let verb = if quoted { k + 2 } else { k + 1 };
        cx.word(k) == "to"
            && verb < end
            && !cx.is_punct(verb)
            && cx.seg.tokens[verb].kind != TokenKind::Number
            && !cx.is(verb, &DETERMINERS)
            && !cx.first_char(verb).is_uppercase()
    };
    let with_object = REQUEST.contains(cx.word(v)) || cx.word(v).starts_with("want");
    let reach = if with_object { 5 } else { 2 };
    !noun
        && (v + 1..end.min(v + reach))
            .take_while(|&k| !cx.is_punct(k) && !opens_clause(cx.word(k)))
            .any(infinitive)
}

/// The number of words of the source phrase ([`SOURCE_PHRASES`]) that starts at token `t`.
pub(super) fn source_phrase_at(cx: &Ctx, t: usize, end: usize) -> Option<usize> {
    SOURCE_PHRASES
        .iter()
        .find(|p| t + p.len() <= end && p.iter().enumerate().all(|(i, w)| cx.word(t + i) == *w))
        .map(|p| p.len())
}

/// Whether `w` opens a reported clause: "that", or the French "que" ("a affirmé que les ...",
/// elided before a vowel: "qu'ils").
pub(super) fn is_complementizer(w: &str) -> bool {
    w == "that" || w == "que" || w.starts_with("qu'") || w.starts_with("qu’")
}

/// Words that open an indirect question ("asked whether", "wondered why").
pub(super) static QUESTION_WORDS: WordSet = WordSet::new(&[
    "whether", "if", "why", "how", "what", "who", "when", "where",
]);

/// The verb at `v` has a clause after it: "that", a question word, or a clause by
/// [`complement_clause`], within its first four words (an addressee may come first: "asked
/// reporters whether").
pub(super) fn takes_clause(cx: &Ctx, v: usize, end: usize) -> bool {
    let stop = (v + 1..end)
        .find(|&k| matches!(cx.word(k), "," | "." | ";" | ":" | "!" | "?"))
        .unwrap_or(end);
    if stop == v + 1 {
        return false;
    }
    (v + 1..stop.min(v + 5)).any(|k| is_complementizer(cx.word(k)) || cx.is(k, &QUESTION_WORDS))
        || complement_clause(cx, &(v + 1..stop))
}

/// Verbs of saying that take their speaker after them ('"...," said X').
pub(super) static REPORTING_SAY: WordSet = WordSet::new(&[
    "said",
    "recalled",
    "answered",
    "shouted",
    "yelled",
    "exclaimed",
    "whispered",
    "muttered",
    "says",
    "added",
    "adds",
    "wrote",
    "asked",
    "continued",
    "explained",
    "insisted",
    "warned",
    "say",
    // The present tense of the same verbs, as features write them ("..., the governor
    // continues"); not "warns" or "asks", whose object a headline puts there ("IDF eliminates
    // Hezbollah terrorist, warns Iraqi militias").
    "recalls",
    "answers",
    "shouts",
    "exclaims",
    "writes",
    "continues",
    "explains",
    "insists",
    // French: '« ... », a déclaré le ministre', '« ... », affirme-t-il'.
    "déclaré",
    "déclare",
    "affirmé",
    "affirme",
    "ajouté",
    "ajoute",
    "précisé",
    "précise",
    "expliqué",
    "explique",
    "indiqué",
    "indique",
    "souligné",
    "souligne",
    "assuré",
    "estimé",
    "estime",
    "dénoncé",
    "dénonce",
]);

/// Auxiliaries with the negation fused ("hasn't said", "isn't saying"), written with a straight
/// apostrophe; [`negated_auxiliary`] reads a curly one too.
pub(super) static NEGATED_AUXILIARIES: WordSet = WordSet::new(&[
    "don't",
    "doesn't",
    "didn't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "won't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "can't",
    "cannot",
]);

/// Whether `w` is an auxiliary with the negation fused, with either apostrophe.
pub(super) fn negated_auxiliary(w: &str) -> bool {
    NEGATED_AUXILIARIES.contains(w)
        || (w.contains('’') && NEGATED_AUXILIARIES.contains(w.replace('’', "'").as_str()))
}

/// Forms of "be" that make a verb in -ing after them progressive ("is saying"); with a fused
/// negation ("isn't saying") they are among [`NEGATED_AUXILIARIES`].
pub(super) static BE_PROGRESSIVE: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "be", "been", "am", "'s", "’s", "'re", "’re",
]);

/// A subject can not end with these: they mean the verb is not a finite verb with a subject.
pub(super) static NOT_SUBJECT: WordSet = WordSet::new(&[
    "is", "was", "were", "are", "be", "been", "being", "am", "to", "of", "for", "with", "worth",
    "that", "than", "which", "who", "whom", "as", "or", "if", "when", "while", "because", "not",
    "do", "does", "did", "the", "a", "an", "these", "those", "there", "here", "by", "from", "in",
    "at", "into", "about", "after", "before", "its", "their", "his", "her", "our", "your", "my",
    "so", "such", "some", "any", "no", "what", "how", "why", "where",
]);

/// Words that open an adverbial phrase fronted before a subject ("In a statement, it said ...",
/// "On Monday, the ministry said ...").
pub(super) static FRONTED: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "later",
    "earlier",
    "meanwhile",
    "separately",
    "however",
    "since",
    "under",
    "late",
    "early",
    "last",
    "yesterday",
    "today",
]);

pub(super) static PRONOUN_PERSON: WordSet = WordSet::new(&["he", "she"]);
pub(super) static PRONOUN_THING: WordSet = WordSet::new(&["it"]);

/// Whether `w` (lower case) is a finite auxiliary or modal, plain ([`AUXILIARIES`]) or
/// contracted ("'s", "won't"): in the words after a reporting verb it means a clause.
pub(super) fn finite(w: &str) -> bool {
    AUXILIARIES.contains(w) || matches!(w, "'s" | "’s" | "won't" | "can't" | "isn't" | "wasn't")
}

/// Whether `w` (lower case) can be a clause's subject by itself: one of [`SUBJECT_PRONOUNS`],
/// "you", or the "there" of "there is". After a reporting verb such a word starts its
/// complement ("said he was ...").
pub(super) fn subject_pronoun(w: &str) -> bool {
    SUBJECT_PRONOUNS.contains(w) || matches!(w, "you" | "there")
}

/// Whether `w` (lower case) opens a clause: one of [`CLAUSE_WORDS`], or a word that opens a
/// reported question ("what", "whether").
pub(super) fn opens_clause(w: &str) -> bool {
    CLAUSE_WORDS.contains(w) || matches!(w, "what" | "whether")
}

pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) seg: &'a Segmented,
    pub(super) mentions: &'a [Mention],
    /// Pronouns that stand for a person of no party, with the name as antecedent.
    pub(super) no_party: &'a [Mention],
    pub(super) types: &'a [ActorType],
    pub(super) lower: &'a LowerTokens,
}

impl Ctx<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.lower.get(i)
    }
    pub(super) fn is(&self, i: usize, list: &(impl Words + ?Sized)) -> bool {
        list.has(self.word(i))
    }
    pub(super) fn first_char(&self, i: usize) -> char {
        self.seg.tokens[i]
            .span
            .slice(self.text)
            .chars()
            .next()
            .unwrap_or(' ')
    }
    pub(super) fn is_punct(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Punct
    }
    pub(super) fn span(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.seg.tokens[r.start].span.start,
            self.seg.tokens[r.end - 1].span.end,
        )
    }
    /// First actor mention (by position) inside a span.
    /// Whether token `k` lies inside an actor's mention ("Support" in "Rapid Support Forces").
    pub(super) fn in_mention(&self, k: usize) -> bool {
        let tok = self.seg.tokens[k].span;
        let i = self.mentions.partition_point(|m| m.span.start <= tok.start);
        i > 0 && self.mentions[i - 1].span.contains(tok)
    }

    /// The first mention in speaker span `s`, not a state's people ("Many Russians say" is no
    /// statement of Russia's).
    pub(super) fn first_actor(&self, s: Span) -> Option<&Mention> {
        self.mentions[crate::analysis::mention::starting_within(self.mentions, s)]
            .iter()
            .find(|m| s.contains(m.span) && m.form != Form::People)
    }
}

impl Voices {
    /// The earlier phrase the speaker of the frame at `span` was resolved to ("He" ->
    /// "Erdogan"), when there is a frame and it was.
    pub fn resolved_from(&self, seg: &Segmented, span: Span) -> Option<String> {
        let f = self.voice_of(seg, span).frame?;
        self.frames[f].resolved_from.clone()
    }

    /// The voice at the first token of `span`.
    pub fn voice_of(&self, seg: &Segmented, span: Span) -> VoiceOf {
        // The first word of the span decides: a span that starts with a quotation mark is in
        // the quote the mark opens.
        let r = token_range(seg, span);
        let t = r
            .clone()
            .find(|&t| seg.tokens[t].kind != TokenKind::Punct)
            .or_else(|| token_at(seg, span.start));
        match t.map(|t| self.tags[t]) {
            None | Some(Why::Narration) => VoiceOf {
                voice: Voice::Author,
                frame: None,
                quote: None,
                rule: "narration",
            },
            Some(Why::Frame(f)) => VoiceOf {
                voice: Voice::Reported,
                frame: Some(f),
                quote: None,
                rule: self.frames[f].rule(),
            },
            Some(Why::NoNamer) => VoiceOf {
                voice: Voice::Author,
                frame: None,
                quote: None,
                rule: "naming with no namer: passive with no agent (the outlet repeats the name)",
            },
            Some(Why::Parenthetical) => VoiceOf {
                voice: Voice::Author,
                frame: None,
                quote: None,
                rule: "parenthetical insertion in reported speech",
            },
            Some(Why::SpeakerTag) => VoiceOf {
                voice: Voice::Author,
                frame: None,
                quote: None,
                rule: "speaker tag",
            },
            Some(Why::ReportingVerb) => VoiceOf {
                voice: Voice::Author,
                frame: None,
                quote: None,
                rule: "reporting verb chosen by the outlet",
            },
            Some(Why::Quote(q)) => {
                let quote = &self.quotes[q];
                match quote.frame {
                    Some(f) => VoiceOf {
                        voice: Voice::Quote,
                        frame: Some(f),
                        quote: Some(q),
                        rule: "inside quotation marks with a speaker",
                    },
                    None if quote.words <= 3 => VoiceOf {
                        voice: Voice::Scare,
                        frame: None,
                        quote: Some(q),
                        rule: "scare quotes: a short quoted fragment with no speaker",
                    },
                    None => VoiceOf {
                        voice: Voice::Quote,
                        frame: None,
                        quote: Some(q),
                        rule: "inside quotation marks, speaker not stated",
                    },
                }
            }
        }
    }

    /// The frame whose reporting verb is at `span`, if any.
    pub fn frame_with_verb(&self, span: Span) -> Option<usize> {
        // Frames are in text order of their verbs.
        let i = self.frames.partition_point(|f| f.verb.end <= span.start);
        self.frames
            .get(i)
            .filter(|f| f.verb.overlaps(span))
            .map(|_| i)
    }
}

pub(super) struct RawQuote {
    pub(super) span: Span,
    pub(super) inner: Span,
    pub(super) closed: bool,
    pub(super) continues: bool,
}

/// Whether token `k` looks like a verb in the past: a lower-case word in -ed of at least `min`
/// bytes (4 keeps "used" out of some tests, 5 "need" and "seed").
pub(super) fn past_form(cx: &Ctx, k: usize, min: usize) -> bool {
    let w = cx.word(k);
    w.len() >= min && w.ends_with("ed") && !cx.first_char(k).is_uppercase()
}

/// Prepositions that open a phrase completing an object ("the attack on Gaza").
pub(super) static OBJECT_PREPOSITIONS: WordSet = WordSet::new(&[
    "at", "on", "in", "of", "near", "along", "across", "over", "from", "against", "inside",
    "outside", "around", "within", "into",
]);

/// Prepositions that open an adjunct of time, place or means: after a reporting verb, and after
/// an inverted speaker ("says Perry in the new ad"); "of", "for" and "from" stay in the speaker
/// ("said the head of the agency").
pub(super) static SPEAKER_ADJUNCTS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "after", "before", "while", "when", "via", "through",
]);

/// Words that open a noun phrase.
pub(super) static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "one",
]);

/// Words after a reporting verb that open an adjunct, not its complement ("said as the crowd
/// cheered", "said late Tuesday"), besides the prepositions of [`SPEAKER_ADJUNCTS`].
pub(super) static OTHER_ADJUNCT_STARTS: WordSet = WordSet::new(&[
    "as",
    "to",
    "from",
    "with",
    "without",
    "of",
    "for",
    "by",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "today",
    "yesterday",
    "tonight",
    "repeatedly",
    "again",
    "also",
    "then",
    "afterward",
    "afterwards",
    "recently",
    "previously",
    "privately",
    "publicly",
]);

/// Whether a word after a reporting verb opens an adjunct, not its complement ([`SPEAKER_ADJUNCTS`]
/// and [`OTHER_ADJUNCT_STARTS`]: "said on Tuesday", "said as the crowd cheered").
pub(super) fn is_adjunct_start(w: &str) -> bool {
    SPEAKER_ADJUNCTS.contains(w) || OTHER_ADJUNCT_STARTS.contains(w)
}

/// "said he was facing scrutiny", "said families file lawsuits": the words after the verb form a
/// clause, the verb's complement, rather than an adjunct ending a "..., X said" sentence. A
/// clause opens with a subject pronoun, or (after no adjunct word) holds a finite auxiliary among
/// its first five words.
pub(super) fn complement_clause(cx: &Ctx, after: &Range<usize>) -> bool {
    let first = cx.word(after.start);
    if subject_pronoun(first) {
        return true;
    }
    // The auxiliary follows a short subject ("said the regime had collapsed"); one far into the
    // words belongs to a relative clause of an object ("found the body of a man the terrorists
    // had kidnapped").
    if is_adjunct_start(first) {
        return false;
    }
    after.clone().take(5).any(|t| finite(cx.word(t))) || past_tense_clause(cx, after)
}

/// "said the state allocated $26 million": a short noun phrase (an optional determiner or
/// number, then one to three words that are no function words) and a lower-case verb in -ed
/// with an object after it. Not a participle with its agent ("the rebels backed by Russia"),
/// with a preposition after it ("told supporters gathered in Ohio") or with nothing after it:
/// those modify the noun.
pub(super) fn past_tense_clause(cx: &Ctx, after: &Range<usize>) -> bool {
    let mut k = after.start;
    if cx.is(k, &DETERMINERS) || cx.seg.tokens[k].kind == TokenKind::Number {
        k += 1;
    }
    let noun_start = k;
    while k < after.end && k <= noun_start + 3 {
        let w = cx.word(k);
        if past_form(cx, k, 5) && k > noun_start {
            let next = k + 1;
            return next < after.end
                && !matches!(cx.word(next), "." | "," | ";" | ":" | "!" | "?" | ")")
                && !is_adjunct_start(cx.word(next))
                && !cx.is(next, &OBJECT_PREPOSITIONS);
        }
        let nounish = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !cx.is(k, &NOT_SUBJECT)
            && !is_adjunct_start(cx.word(k))
            && !finite(cx.word(k))
            && !REPORTING.contains(w);
        if !nounish {
            return false;
        }
        k += 1;
    }
    false
}

/// "In a statement, it said the regime had fled": the stretch `before` the subject's comma is a
/// fronted adverbial, not reported words, when it is short, opens with a preposition or a
/// sentence adverb ([`FRONTED`]), holds no punctuation, and words follow the verb (in "Under no
/// circumstances will we talk, the minister said." nothing does, and the stretch is reported).
pub(super) fn fronted_adverbial(cx: &Ctx, before: Range<usize>, after: &Range<usize>) -> bool {
    !before.is_empty()
        && before.len() <= 6
        && cx.is(before.start, &FRONTED)
        && !before.clone().any(|k| cx.is_punct(k))
        && !after.is_empty()
        && !cx.is_punct(after.start)
}

/// "The group said", "the army said" (`words` are the speaker's, lower-cased): the last actor
/// of the type the head noun names, in the five sentences before, not named as a place.
pub(super) fn by_type<'m>(cx: &Ctx<'m>, sp: Span, words: &[Cow<str>]) -> Option<&'m Mention> {
    let head = words.last()?.as_ref();
    let wanted: &[ActorType] = if words.len() > 3 {
        return None;
    } else if heads::GROUP_NOUNS.contains(head) {
        &[ActorType::ArmedGroup, ActorType::Movement]
    } else if heads::STATE_SPEAKER_NOUNS.contains(head) {
        &[ActorType::State]
    } else {
        return None;
    };
    let here = cx.seg.sentence_at(sp.start).unwrap_or(0);
    let upto = cx.mentions.partition_point(|m| m.span.start < sp.start);
    cx.mentions[..upto]
        .iter()
        .rev()
        .take_while(|m| {
            cx.seg
                .sentence_at(m.span.start)
                .is_some_and(|s| here - s <= 5)
        })
        .find(|m| {
            m.role.is_none()
                && wanted.contains(&cx.types[m.actor])
                && !heads::mention_reads_as_place(cx.text, cx.seg, cx.lower, m)
        })
}
