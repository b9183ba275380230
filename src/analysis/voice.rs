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
//!    (`She cut the debt, but said ...`). A quantifier alone (`Some said`) or a share (`47% say`)
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
//! Speakers written as pronouns or role nouns ("He", "It", "the envoy", "the statement") are resolved
//! to the nearest earlier speaker or person they can refer to; "It" first to the subject of the
//! sentence before, when that sentence opens with a party's name. What it does not do: parse syntax, so
//! a reporting verb used as a noun after an adjective, or a clause whose subject is far from its
//! verb, can be missed; those hits stay in the author's voice.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use super::words::{
    ATTITUDE, AUXILIARIES, CLAUSE_WORDS, INTENTION, NAMING_VERBS, REPORTING, REQUEST,
    SOURCE_PHRASES, SUBJECT_PRONOUNS,
};
use crate::analysis::actors::PersonGenders;
use crate::analysis::heads;
use crate::analysis::mention::{Form, Mention};
use crate::lexicon::ActorType;
use crate::text::{
    LowerTokens, Segmented, Span, TokenKind, WordSet, is_calendar_word, is_closing_double,
    is_double, is_opening_double, is_quote_char, token_at, token_range,
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
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Author => "author",
            Voice::Quote => "quote",
            Voice::Reported => "reported",
            Voice::Scare => "scare",
        }
    }
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
    pub sentence: usize,
    /// For a naming verb ("calls them terrorists"), the construction; the scope is then the name.
    pub naming: Option<Naming>,
    /// Token indices the frame reports.
    #[serde(skip)]
    pub scope: Range<usize>,
    #[serde(skip)]
    verb_tokens: Range<usize>,
    #[serde(skip)]
    speaker_tokens: Range<usize>,
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
    Narration,
    Frame(usize),
    Parenthetical,
    SpeakerTag,
    ReportingVerb,
    /// A name given by a passive naming verb with no agent ("the group, described as terrorists").
    NoNamer,
    Quote(usize),
}

/// The voice of every token of an article.
pub struct Voices {
    pub frames: Vec<Frame>,
    pub quotes: Vec<Quote>,
    tags: Vec<Why>,
}

/// The voice of one span, with its speaker and the rule that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceOf {
    pub voice: Voice,
    pub frame: Option<usize>,
    pub quote: Option<usize>,
    pub rule: &'static str,
}

/// Verbs of an official act of listing. Verbs of naming ("branded", "labelled") are
/// [`NAMING_VERBS`], read as speech frames whose words are the name.
pub(crate) const DESIGNATION_VERBS: &[&str] = &[
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
];

/// Participles of naming verbs that read as an official label ("branded a terrorist group",
/// "labelled a terrorist organisation"); "called" and "described" are left out, as "a group called
/// HTS" and "what he called a massacre" name without designating.
const DESIGNATING_PARTICIPLES: &[&str] = &["branded", "labeled", "labelled"];

/// Whether a word is a verb of designating or a naming participle that designates
/// ("designated", "considered", "branded"): what leads into a designation's complement.
pub(crate) fn designates(w: &str) -> bool {
    DESIGNATION_VERBS.contains(&w) || DESIGNATING_PARTICIPLES.contains(&w)
}

/// Words right after a naming verb that give it another sense: "called for a ceasefire",
/// "called on Israel to ...", "police called to the scene", "called off the talks".
const NOT_A_NAME_AFTER: &[&str] = &[
    "for", "on", "upon", "off", "up", "out", "back", "in", "into", "to", "at", "over", "around",
    "with", "about", "after", "from", "of", "and", "or", "but", "that",
];

/// Object pronouns: a naming verb's object when it is one of these ends there.
const OBJECT_PRONOUNS: &[&str] = &[
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
];

/// Words that end a name: a preposition or a new clause ("calls them terrorists *in* its
/// statements", "described as a massacre *which* ...").
const NAME_ENDS_AT: &[&str] = &[
    "in", "on", "at", "for", "from", "during", "over", "against", "into", "by", "to", "since",
    "after", "before", "about", "with", "amid", "under", "despite", "across", "through", "via",
    "that", "which", "who", "whom", "whose", "because", "while", "when", "although", "though",
    "whereas", "if", "unless", "but",
];

/// The longest name a naming verb is taken to give, in tokens.
const MAX_NAME_TOKENS: usize = 8;

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
fn takes_charge(cx: &Ctx, v: usize, end: usize) -> bool {
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
static SKIP_BEFORE_VERB: WordSet = WordSet::new(&[
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
fn takes_infinitive(cx: &Ctx, v: usize, end: usize) -> bool {
    let noun = v > 0
        && (cx.is(v - 1, DETERMINERS)
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
            && !cx.is(verb, DETERMINERS)
            && !cx.first_char(verb).is_uppercase()
    };
    let with_object = REQUEST.contains(&cx.word(v)) || cx.word(v).starts_with("want");
    let reach = if with_object { 5 } else { 2 };
    !noun
        && (v + 1..end.min(v + reach))
            .take_while(|&k| !cx.is_punct(k) && !opens_clause(cx.word(k)))
            .any(infinitive)
}

/// The number of words of the source phrase ([`SOURCE_PHRASES`]) that starts at token `t`.
fn source_phrase_at(cx: &Ctx, t: usize, end: usize) -> Option<usize> {
    SOURCE_PHRASES
        .iter()
        .find(|p| t + p.len() <= end && p.iter().enumerate().all(|(i, w)| cx.word(t + i) == *w))
        .map(|p| p.len())
}

/// Whether `w` opens a reported clause: "that", or the French "que" ("a affirmé que les ...",
/// elided before a vowel: "qu'ils").
fn is_complementizer(w: &str) -> bool {
    w == "that" || w == "que" || w.starts_with("qu'") || w.starts_with("qu’")
}

/// Words that open an indirect question ("asked whether", "wondered why").
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "why", "how", "what", "who", "when", "where",
];

/// The verb at `v` has a clause after it: "that", a question word, or a clause by
/// [`complement_clause`], within its first four words (an addressee may come first: "asked
/// reporters whether").
fn takes_clause(cx: &Ctx, v: usize, end: usize) -> bool {
    let stop = (v + 1..end)
        .find(|&k| matches!(cx.word(k), "," | "." | ";" | ":" | "!" | "?"))
        .unwrap_or(end);
    if stop == v + 1 {
        return false;
    }
    (v + 1..stop.min(v + 5)).any(|k| is_complementizer(cx.word(k)) || cx.is(k, QUESTION_WORDS))
        || complement_clause(cx, &(v + 1..stop))
}

/// Verbs of saying that take their speaker after them ('"...," said X').
const REPORTING_SAY: &[&str] = &[
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
];

/// Auxiliaries with the negation fused ("hasn't said", "isn't saying"), written with a straight
/// apostrophe; [`negated_auxiliary`] reads a curly one too.
const NEGATED_AUXILIARIES: &[&str] = &[
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
];

/// Whether `w` is an auxiliary with the negation fused, with either apostrophe.
fn negated_auxiliary(w: &str) -> bool {
    NEGATED_AUXILIARIES.contains(&w)
        || (w.contains('’') && NEGATED_AUXILIARIES.contains(&w.replace('’', "'").as_str()))
}

/// Forms of "be" that make a verb in -ing after them progressive ("is saying"); with a fused
/// negation ("isn't saying") they are among [`NEGATED_AUXILIARIES`].
const BE_PROGRESSIVE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "'s", "’s", "'re", "’re",
];

/// A subject can not end with these: they mean the verb is not a finite verb with a subject.
const NOT_SUBJECT: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "am", "to", "of", "for", "with", "worth",
    "that", "than", "which", "who", "whom", "as", "or", "if", "when", "while", "because", "not",
    "do", "does", "did", "the", "a", "an", "these", "those", "there", "here", "by", "from", "in",
    "at", "into", "about", "after", "before", "its", "their", "his", "her", "our", "your", "my",
    "so", "such", "some", "any", "no", "what", "how", "why", "where",
];

/// Words that open an adverbial phrase fronted before a subject ("In a statement, it said ...",
/// "On Monday, the ministry said ...").
const FRONTED: &[&str] = &[
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
];

const PRONOUN_PERSON: &[&str] = &["he", "she"];
const PRONOUN_THING: &[&str] = &["it"];

/// Whether `w` (lower case) is a finite auxiliary or modal, plain ([`AUXILIARIES`]) or
/// contracted ("'s", "won't"): in the words after a reporting verb it means a clause.
fn finite(w: &str) -> bool {
    AUXILIARIES.contains(&w) || matches!(w, "'s" | "’s" | "won't" | "can't" | "isn't" | "wasn't")
}

/// Whether `w` (lower case) can be a clause's subject by itself: one of [`SUBJECT_PRONOUNS`],
/// "you", or the "there" of "there is". After a reporting verb such a word starts its
/// complement ("said he was ...").
fn subject_pronoun(w: &str) -> bool {
    SUBJECT_PRONOUNS.contains(&w) || matches!(w, "you" | "there")
}

/// Whether `w` (lower case) opens a clause: one of [`CLAUSE_WORDS`], or a word that opens a
/// reported question ("what", "whether").
fn opens_clause(w: &str) -> bool {
    CLAUSE_WORDS.contains(&w) || matches!(w, "what" | "whether")
}

struct Ctx<'a> {
    text: &'a str,
    seg: &'a Segmented,
    mentions: &'a [Mention],
    /// Pronouns that stand for a person of no party, with the name as antecedent.
    no_party: &'a [Mention],
    types: &'a [ActorType],
    lower: &'a LowerTokens,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i)
    }
    fn is(&self, i: usize, list: &[&str]) -> bool {
        list.contains(&self.word(i))
    }
    fn first_char(&self, i: usize) -> char {
        self.seg.tokens[i]
            .span
            .slice(self.text)
            .chars()
            .next()
            .unwrap_or(' ')
    }
    fn is_punct(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Punct
    }
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.seg.tokens[r.start].span.start,
            self.seg.tokens[r.end - 1].span.end,
        )
    }
    /// First actor mention (by position) inside a span.
    /// The first mention in speaker span `s`, not a state's people ("Many Russians say" is no
    /// statement of Russia's).
    fn first_actor(&self, s: Span) -> Option<&Mention> {
        self.mentions[crate::analysis::mention::starting_within(self.mentions, s)]
            .iter()
            .find(|m| s.contains(m.span) && m.form != Form::People)
    }
}

/// Finds frames, quotes and the voice of every token.
/// `types[a]` is the type of actor `a`, used to resolve "the group", "the army" and the like;
/// `lower` holds the tokens of `seg` in lower case; `no_party` the pronouns that stand for a
/// person of no party ([`crate::analysis::actors::pronouns`]), whom a speaker "he" then names.
pub fn analyze(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &[Mention],
    no_party: &[Mention],
    types: &[ActorType],
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
        parentheticals(&cx, s.tokens.clone(), &mut insertions);
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
        for (i, f) in frames.iter().enumerate().skip(first) {
            let outer = outer_frame(&cx, &frames, first, i);
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
        for t in no_namer.drain(..).flatten() {
            if matches!(tags[t], Why::Narration | Why::SpeakerTag) {
                tags[t] = Why::NoNamer;
            }
        }
    }
    resolve_speakers(&cx, &mut frames);
    resolve_headline_speakers(&cx, &mut frames);
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
    }
}

impl Voices {
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
        REQUEST.contains(&w)
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

struct RawQuote {
    span: Span,
    inner: Span,
    closed: bool,
    continues: bool,
}

/// Finds quotations paragraph by paragraph.
fn find_quotes(text: &str, seg: &Segmented) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut prev_open = false;
    let paras = &seg.paragraphs;
    for (pi, p) in paras.iter().enumerate() {
        let pt = p.span.slice(text);
        let base = p.span.start;
        let starts_open = opens_with_double(pt);
        let continues = prev_open && starts_open;
        let mut open: Option<usize> = None; // byte offset (relative) of the opening mark
        let mut first_mark = true;
        let mut first_quote = true;
        let push = |out: &mut Vec<RawQuote>,
                    o: usize,
                    c_end: usize,
                    inner_end: usize,
                    closed: bool,
                    first_quote: &mut bool| {
            let mark_len = mark_len_at(pt, o);
            out.push(RawQuote {
                span: Span::new(base + o, base + c_end),
                inner: Span::new(base + o + mark_len, base + inner_end.max(o + mark_len)),
                closed,
                continues: continues && *first_quote,
            });
            *first_quote = false;
        };
        for (i, c, len) in double_marks(pt) {
            let prev = char_before(pt, i);
            let next = pt[i + len..].chars().next();
            let opens_here = is_opening_double(c)
                || (c == '"'
                    && prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace()));
            // „...“: the low opening mark of German and the languages around it is closed by
            // the mark that opens an English quotation.
            let low_opened = open.is_some_and(|o| pt[o..].starts_with('\u{201E}'));
            let closes_here = is_closing_double(c)
                || (c == '"' && !opens_here)
                || (c == '\u{201C}' && low_opened);
            match open {
                Some(o) if closes_here || c == '"' => {
                    push(&mut out, o, i + len, i, true, &mut first_quote);
                    open = None;
                }
                Some(o) => {
                    // A second opening mark: the first quote was never closed.
                    push(&mut out, o, i, i, false, &mut first_quote);
                    open = Some(i);
                }
                None if opens_here => open = Some(i),
                None => {
                    if first_mark && prev_open && !starts_open {
                        // A closing mark for a quote opened in an earlier paragraph.
                        out.push(RawQuote {
                            span: Span::new(base, base + i + len),
                            inner: Span::new(base, base + i),
                            closed: true,
                            continues: true,
                        });
                        first_quote = false;
                    }
                }
            }
            first_mark = false;
        }
        prev_open = false;
        if let Some(o) = open {
            let next_reopens = paras
                .get(pi + 1)
                .is_some_and(|np| opens_with_double(np.span.slice(text)));
            let end = if next_reopens {
                prev_open = true;
                pt.len()
            } else {
                // Unbalanced: the quote ends with its sentence.
                seg.sentence_at(base + o)
                    .map_or(pt.len(), |s| seg.sentences[s].span.end - base)
            };
            push(&mut out, o, end, end, false, &mut first_quote);
        }
        // Single marks, outside double quotes.
        single_quotes(text, p.span, true, 120, &mut out);
        for s in seg.paragraph_sentences(p.index) {
            single_quotes(text, s.span, false, 12, &mut out);
        }
    }
    out.sort_by_key(|q| q.span.start);
    // Drop single-mark quotes nested in double quotes.
    let mut kept: Vec<RawQuote> = Vec::with_capacity(out.len());
    for q in out {
        if kept.last().is_some_and(|k| k.span.contains(q.span)) {
            continue;
        }
        kept.push(q);
    }
    kept
}

/// Single quotation marks that pair inside `s`: curly marks (‘ … ’) across a whole paragraph, up
/// to `max_words` words (British copy quotes with them); straight marks only inside one sentence
/// and a dozen words, since `'` is also the apostrophe.
fn single_quotes(text: &str, s: Span, curly: bool, max_words: usize, out: &mut Vec<RawQuote>) {
    let (open_mark, close_mark) = if curly {
        ('\u{2018}', '\u{2019}')
    } else {
        ('\'', '\'')
    };
    let st = s.slice(text);
    // Only the marks are visited: the text between them is read when an opener is found.
    let mut from = 0;
    while let Some(found) = st[from..].find(open_mark) {
        let i = from + found;
        let after_open = i + open_mark.len_utf8();
        from = after_open;
        let prev = char_before(st, i);
        let next = st[after_open..].chars().next();
        let opener = prev.is_none_or(|p| p.is_whitespace() || "([{—–".contains(p))
            && next.is_some_and(char::is_alphanumeric);
        if !opener {
            continue;
        }
        let mut words = 1;
        let mut before = open_mark;
        let mut rest = st[after_open..].char_indices().peekable();
        while let Some((rel, d)) = rest.next() {
            // The byte cap keeps text without spaces ("(‘a(‘a(‘a…") from being rescanned from
            // every opener: the scan is bounded per opener, so the whole pass stays linear.
            if is_double(d) || words > max_words || rel > max_words * MAX_WORD_BYTES {
                break;
            }
            if d.is_whitespace() && !before.is_whitespace() {
                words += 1;
            }
            if d == close_mark {
                let j = after_open + rel;
                let after = rest.peek().map(|x| x.1);
                let is_closer = !before.is_whitespace()
                    && after.is_none_or(|a| !a.is_alphanumeric())
                    && !(before == 's'
                        && after == Some(' ')
                        && st[j + d.len_utf8() + 1..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase));
                if is_closer {
                    let end = j + d.len_utf8();
                    out.push(RawQuote {
                        span: Span::new(s.start + i, s.start + end),
                        inner: Span::new(s.start + after_open, s.start + j),
                        closed: true,
                        continues: false,
                    });
                    from = end;
                    break;
                }
            }
            before = d;
        }
    }
}

/// The double quotation marks of `s`: byte offset, the mark, and its length in bytes. Two
/// apostrophes (`''`), the ASCII stand-in for a double quote in older news archives, count as a
/// straight mark (`"`).
fn double_marks(s: &str) -> Vec<(usize, char, usize)> {
    let mut out: Vec<(usize, char, usize)> = memchr::memchr3_iter(b'"', 0xC2, 0xE2, s.as_bytes())
        .filter_map(|at| {
            s[at..]
                .chars()
                .next()
                .filter(|&c| is_double(c))
                .map(|c| (at, c, c.len_utf8()))
        })
        .collect();
    let mut pairs = memchr::memmem::find_iter(s.as_bytes(), "''").peekable();
    if pairs.peek().is_some() {
        let mut last_end = 0;
        for at in pairs {
            // Three apostrophes are read from the left: a pair, then a lone mark.
            if at >= last_end {
                out.push((at, '"', 2));
                last_end = at + 2;
            }
        }
        out.sort_unstable_by_key(|m| m.0);
    }
    out
}

/// The length of the double mark at byte `at` of `s`.
fn mark_len_at(s: &str, at: usize) -> usize {
    if s[at..].starts_with("''") {
        2
    } else {
        s[at..].chars().next().map_or(1, char::len_utf8)
    }
}

/// Whether `s` opens with a double quotation mark.
fn opens_with_double(s: &str) -> bool {
    s.starts_with("''")
        || s.chars()
            .next()
            .is_some_and(|c| c == '"' || is_opening_double(c))
}

/// The bytes a single-mark quotation may hold per word it is allowed (see [`single_quotes`]).
const MAX_WORD_BYTES: usize = 32;

/// The character that ends just before byte `i` of `s`.
fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Token ranges strictly inside a pair of dashes or brackets, appended to `out`.
fn parentheticals(cx: &Ctx, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut dash: Option<usize> = None;
    let mut paren: Option<usize> = None;
    for t in r {
        match cx.first_char(t) {
            '—' | '–' if cx.is_punct(t) => match dash {
                Some(d) => {
                    out.push(d + 1..t);
                    dash = None;
                }
                None => dash = Some(t),
            },
            '(' | '[' if cx.is_punct(t) => paren = Some(t),
            ')' | ']' if cx.is_punct(t) => {
                if let Some(p) = paren.take() {
                    out.push(p + 1..t);
                }
            }
            _ => {}
        }
    }
}

fn is_closing_mark(cx: &Ctx, t: usize) -> bool {
    let c = cx.first_char(t);
    cx.is_punct(t)
        && (c == '"'
            || is_closing_double(c)
            || c == '\u{2019}'
            || c == '\''
            || (c == '\u{201C}' && closes_low_quote(cx, t)))
}

/// Whether the “ at token `t` closes a quotation opened with „ (German, Czech, Polish ...
/// copy): a „ comes before it, with no “ between.
fn closes_low_quote(cx: &Ctx, t: usize) -> bool {
    (0..t)
        .rev()
        .take(MAX_QUOTE_LOOKBACK)
        .filter(|&k| cx.is_punct(k))
        .map(|k| cx.first_char(k))
        .find(|&c| c == '\u{201E}' || c == '\u{201C}')
        == Some('\u{201E}')
}

/// How many tokens back [`closes_low_quote`] looks for the opening mark.
const MAX_QUOTE_LOOKBACK: usize = 200;

/// Finds the speech frames of one sentence.
/// Names given by an agentless passive naming verb go to `no_namer`.
fn find_frames(
    cx: &Ctx,
    si: usize,
    r: Range<usize>,
    quotes: &[RawQuote],
    frames: &mut Vec<Frame>,
    no_namer: &mut Vec<Range<usize>>,
) {
    let first_frame = frames.len();
    let end = r.end;
    let mut t = r.start;
    while t < end {
        let w = cx.word(t);
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
        let tok = cx.seg.tokens[t].span;
        let inside_name = || {
            let i = cx.mentions.partition_point(|m| m.span.start <= tok.start);
            i > 0 && cx.mentions[i - 1].span.contains(tok)
        };
        let naming_verb = NAMING_VERBS.contains(w);
        // '"Why now?" asked the minister': after a closing quote a verb of saying inverts.
        let after_quote = t > r.start
            && (is_closing_mark(cx, t - 1)
                || (t > r.start + 1 && cx.word(t - 1) == "," && is_closing_mark(cx, t - 2)));
        if let Some(f) = adjective_frame(cx, si, &r, t, quotes, &frames[first_frame..])
            .or_else(|| nominal_frame(cx, si, &r, t, quotes))
        {
            frames.push(f);
            t += 1;
            continue;
        }
        let attitude = reports_a_view(cx, &r, t, after_quote);
        let tag = speech_tag(cx, &r, t, quotes);
        if !(naming_verb || attitude || tag || REPORTING.contains(w)) || inside_name() {
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
    // A headline's source after a final dash: "Russian forces liberate two villages – MOD"; or
    // after a final colon with at least three tokens before it, when it is a party the text
    // knows or an acronym ("Security forces send 11 khwarij to hell: ISPR"), not a title-case
    // phrase ("Deal Signed: What It Means", "Truce Collapses: Israel Resumes Strikes").
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
        frames.push(Frame {
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
    if let Some(f) = colon_source(cx, si, &r) {
        frames.push(f);
    }
    // Keep frames in text order of their verbs (lookups rely on it).
    frames[first_frame..].sort_by_key(|f| f.verb.start);
    end_before_participles(cx, &r, &mut frames[first_frame..]);
    end_before_coordinated(cx, &r, &mut frames[first_frame..]);
}

/// Whether the words `r` after a headline's final colon name its source: mentions of parties
/// or people the text knows cover every word, or every word is an acronym
/// ([`crate::text::is_acronym`]: "ISPR") and no label of a page ("VIDEO", "UPDATE").
fn headline_source_name(cx: &Ctx, r: Range<usize>) -> bool {
    let words: Vec<usize> = r.clone().filter(|&k| !cx.is_punct(k)).collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let known = words.iter().all(|&k| {
        let at = cx.seg.tokens[k].span;
        cx.mentions.iter().any(|m| m.span.contains(at))
    });
    let acronyms = words.iter().all(|&k| {
        crate::text::is_acronym(cx.seg.tokens[k].span.slice(cx.text)) && !cx.is(k, PAGE_LABELS)
    });
    known || acronyms
}

/// Nouns of wording, whose relative clause names who uses the words ("the label Moscow
/// rejected", "the term Israel uses"), not who speaks.
const WORDING_NOUNS: &[&str] = &[
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
];

/// Adverbs in -s, which a speech tag's verb in the present is not.
const NOT_VERBS_IN_S: &[&str] = &[
    "perhaps",
    "besides",
    "always",
    "sometimes",
    "afterwards",
    "towards",
    "nevertheless",
    "nonetheless",
    "regardless",
];

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
fn speech_tag(cx: &Ctx, r: &Range<usize>, v: usize, quotes: &[RawQuote]) -> bool {
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
        && !cx.is(v, NOT_VERBS_IN_S);
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
                || cx.is(first, DETERMINERS)
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
                    && (d + 1..v - 1).any(|j| cx.is(j, WORDING_NOUNS))
            };
            let described = (v.saturating_sub(5).max(r.start)..v)
                .rev()
                .find(|&d| cx.is(d, DETERMINERS) && (d + 1..v).all(|j| !cx.is_punct(j)))
                .filter(|&d| !wording_relative(d));
            if let Some(d) = described {
                k = d;
            }
        }
    }
    k < v && ends(v + 1) && quote_closes_before(k)
}

/// The hyphens that join the parts of a word or name ("vice-president", "co-host").
fn is_word_hyphen(w: &str) -> bool {
    matches!(w, "-" | "‐" | "‑")
}

/// True for an adverb in -ly written in lower case ("erroneously").
fn ly_adverb(cx: &Ctx, k: usize) -> bool {
    let w = cx.word(k);
    w.len() > 4 && w.ends_with("ly") && !cx.first_char(k).is_uppercase()
}

/// The comma before the participle at `v`, over the adverbs between them (", erroneously
/// claiming", ", also citing"), or the closing quotation mark right after such a comma; when
/// there is one.
fn participle_comma(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<usize> {
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
const ADVERBIAL_PREPOSITIONS: &[&str] = &["by", "while", "after", "before", "when"];

/// "Ryan dismissed the critique, erroneously claiming that ...": a participle frame after a
/// comma starts a predicate of its own. The words of a frame before it in the sentence end at
/// that comma, so the adverbs and the participle are the outlet's description of the act.
fn end_before_participles(cx: &Ctx, r: &Range<usize>, frames: &mut [Frame]) {
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
fn end_before_coordinated(cx: &Ctx, r: &Range<usize>, frames: &mut [Frame]) {
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
const PAGE_LABELS: &[&str] = &[
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
];

/// "Lindsey Graham: Trump's rhetoric destroying GOP's chance", "NY Daily News: ...": a
/// paragraph that opens with a short name and a colon gives the words after the colon to that
/// name, as headlines and lead-ins do. The name is one to five tokens, opening with a capital
/// letter (not all capitals, which is a label or a dateline), with no auxiliary, verb of saying
/// or clause word; it names a person the text knows, or is two or more capitalised words. At
/// least three words follow. Labels of a page ("Update:", "Watch:") are not names, and neither
/// is a lone word or a phrase in lower case ("Sudan: ...", "Gaza war: ..."), a headline's topic.
fn colon_source(cx: &Ctx, si: usize, r: &Range<usize>) -> Option<Frame> {
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
            !(cx.is(k, PAGE_LABELS)
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
const FINDING: &[&str] = &[
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
];

/// Nouns for sources of evidence that speak through a verb of finding or open a sentence with
/// "In a ... poll,".
const EVIDENCE_NOUNS: &[&str] = &[
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
];

/// Whether the subject before the verb at `v` is a source of evidence: an evidence noun heads
/// it, right before the verb or before a participle phrase ("exit polls conducted by Edison
/// Research show ..."), at most eight words back with no punctuation or clause word between, and
/// not after a preposition ("searching the hospital for documents found weapons").
fn evidence_subject(cx: &Ctx, r: &Range<usize>, v: usize) -> bool {
    let Some(k) = (v.saturating_sub(8).max(r.start)..v)
        .rev()
        .take_while(|&k| !cx.is_punct(k) && !opens_clause(cx.word(k)))
        .find(|&k| cx.is(k, EVIDENCE_NOUNS))
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
fn in_evidence(cx: &Ctx, si: usize, r: &Range<usize>) -> Option<Frame> {
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
        || !(source.start..head_end).any(|k| cx.is(k, EVIDENCE_NOUNS))
        || (comma + 1..r.end).any(|k| REPORTING.contains(cx.word(k)) || cx.is(k, FINDING))
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
fn according_to(
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
fn reports_a_view(cx: &Ctx, r: &Range<usize>, t: usize, after_quote: bool) -> bool {
    let w = cx.word(t);
    let end = r.end;
    // "..., a new poll has found.", "..., analysts believe.": a verb of finding or belief
    // closes the sentence after a comma ("After a long debate, the council agreed." reports
    // nothing).
    let closes = (FINDING.contains(&w) || CLOSING_BELIEF.contains(&w))
        && (t + 1..end).all(|k| cx.is_punct(k) && !is_quote_char(cx.first_char(k)))
        && (r.start + 3..t).any(|k| cx.word(k) == ",");
    (ATTITUDE.contains(w)
        && (takes_clause(cx, t, end)
            || closes
            || (after_quote && REPORTING_SAY.contains(&w))
            || (FINDING.contains(&w) && evidence_subject(cx, r, t))))
        || ((INTENTION.contains(w) || REQUEST.contains(&w)) && takes_infinitive(cx, t, end))
}

/// "called for a boycott", "calling on Congress to act": the particle of an appeal is part of
/// the cue, not of the words reported.
fn take_particle(cx: &Ctx, f: &mut Frame) {
    let v = f.verb_tokens.start;
    let particle = v + 1;
    if f.scope.start == particle && particle + 1 < f.scope.end {
        f.verb_tokens = v..particle + 1;
        f.verb = cx.span(&f.verb_tokens);
        f.scope.start = particle + 1;
    }
}

/// What a naming verb gives when it names.
enum NamingAt {
    /// The namer's frame, whose scope is the name.
    Frame(Frame),
    /// The tokens of a name given by a passive with no agent.
    NoNamer(Range<usize>),
}

/// French forms of "have" before a past participle in -é ("a déclaré", "ont affirmé"): skipped
/// only before such a participle, since "a" is also the English article.
const FRENCH_AUXILIARIES: &[&str] = &["a", "ont", "avait", "avaient", "aurait", "auraient"];

/// Where the verb group of the verb at `v` starts: the walk back over adverbs, auxiliaries,
/// negations and dates to the end of the subject. "does not call", "didn't say", "have not
/// said", "isn't saying": the subject is before the negation (which is recorded on the hit, not
/// here). Also whether a form of "be" makes a verb in -ing progressive ("is warning voters
/// that ...", "has been saying"): a finite verb, not a participle.
fn verb_group_start(cx: &Ctx, r: &Range<usize>, v: usize) -> (usize, bool) {
    let word = cx.word(v);
    let mut progressive = false;
    let mut b = v;
    while b > r.start {
        let w = cx.word(b - 1);
        let negation = match w {
            "not" => b >= r.start + 2 && cx.is(b - 2, AUXILIARIES),
            _ if cx.is(b - 1, AUXILIARIES) => b < v && cx.word(b) == "not",
            _ => negated_auxiliary(w),
        };
        let negated_be = negation
            && ["is", "are", "was", "were"]
                .iter()
                .any(|b| w.starts_with(b));
        // "Israel's warning to residents": an 's after a name is a possessive, not "is".
        let possessive = cx.seg.tokens[b - 1].kind == TokenKind::Possessive
            && !(b >= 2 && cx.is(b - 2, &["he", "she", "it", "that", "there", "who", "what"]));
        let be =
            word.ends_with("ing") && !possessive && (BE_PROGRESSIVE.contains(&w) || negated_be);
        progressive |= be;
        let skippable = SKIP_BEFORE_VERB.contains(w)
            || (word.ends_with('é') && FRENCH_AUXILIARIES.contains(&w))
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

/// Whether the tokens `ks` hold a finite auxiliary or a lower-case verb in -ed: a clause, not a
/// subject ("The militants raided the village, burning houses, said X").
fn holds_verb(cx: &Ctx, ks: Range<usize>) -> bool {
    ks.into_iter()
        .any(|k| finite(cx.word(k)) || (past_form(cx, k, 4) && !cx.first_char(k).is_uppercase()))
}

/// Whether token `k` looks like a verb in the past: a lower-case word in -ed of at least `min`
/// bytes (4 keeps "used" out of some tests, 5 "need" and "seed").
fn past_form(cx: &Ctx, k: usize, min: usize) -> bool {
    let w = cx.word(k);
    w.len() >= min && w.ends_with("ed") && !cx.first_char(k).is_uppercase()
}

/// Verbs and adjectives that take the verb of saying as an infinitive without changing who
/// speaks: "continued to say", "seemed to suggest", "has to show", "went on to say", "were more
/// likely to say".
const CATENATIVES: &[&str] = &[
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
];

/// Words of degree before an adjective of [`CATENATIVES`] ("were slightly more likely to say");
/// forms of "be" ([`BE_PROGRESSIVE`]) are stepped over there too.
const CATENATIVE_DEGREE: &[&str] = &[
    "more", "less", "most", "slightly", "much", "far", "very", "so",
];

/// Whether the walk back from a verb of saying to its subject may step over token `b - 1`, part
/// of a catenative chain the verb's infinitive ends: the "to" after a catenative, the
/// catenative before its "to" ("went on to"), and the degree words and "be" before an adjective
/// of the chain. The chain keeps the speaker: "Lewandowski continued to say he had never ...".
fn catenative_to(cx: &Ctx, r: &Range<usize>, b: usize) -> bool {
    let k = b - 1;
    let w = cx.word(k);
    if w == "to" {
        return k > r.start && cx.is(k - 1, CATENATIVES);
    }
    let chain = cx.is(b, &["to", "on"]) || cx.is(b, CATENATIVES);
    // Degree words and "be" only before an adjective of the chain ("were slightly more likely
    // to"), never on their own ("most were saying": "most" is the subject).
    let adjective = (b..r.end).take(4).any(|j| {
        cx.is(
            j,
            &["likely", "unlikely", "able", "willing", "eager", "going"],
        )
    });
    (chain && cx.is(k, CATENATIVES))
        || (adjective && (cx.is(k, CATENATIVE_DEGREE) || cx.is(k, BE_PROGRESSIVE)))
}

/// Whether the number at `k` is part of a date before a verb ("on March 3 said", "on 3 March
/// said", "in 2010 said"): next to a month or day name, or a year. "Nine in 10 said" is a
/// subject.
fn date_number(cx: &Ctx, r: &Range<usize>, k: usize) -> bool {
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
fn locative_after_noun(cx: &Ctx, r: &Range<usize>, k: usize) -> bool {
    k > r.start
        && cx.is(k, &["here", "there"])
        && cx.word(k - 1).chars().all(char::is_alphabetic)
        && !cx.word(k - 1).ends_with("ed")
        && !cx.is(k - 1, NOT_SUBJECT)
        && !finite(cx.word(k - 1))
        && !(k >= r.start + 2 && opens_clause(cx.word(k - 2)))
}

/// A frame of kind `kind` for the verb at token `v` of sentence `si`; with no speaker tokens the
/// speaker span is the verb's.
fn new_frame(
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

/// "Asked whether he would run, Ryan said ...", "When asked about the deal, ...": a question
/// opening the sentence (the verb group at `b`), up to its comma, put by someone not named: the
/// frame's speaker is empty. Elsewhere "asked" is read like any verb of saying.
fn question_frame(cx: &Ctx, si: usize, r: &Range<usize>, v: usize, b: usize) -> Option<Frame> {
    let opens = b == r.start || (b == r.start + 1 && cx.word(r.start) == "when");
    if !opens {
        return None;
    }
    let comma = (v + 1..r.end).find(|&k| cx.word(k) == ",")?;
    if !(cx.is(v + 1, QUESTION_WORDS) || cx.is(v + 1, &["about", "to"])) {
        return None;
    }
    let mut f = new_frame(cx, si, v, FrameKind::Question, 0..0, v + 1..comma);
    let at = cx.seg.tokens[v].span.start;
    f.speaker = Span::new(at, at);
    Some(f)
}

/// "an architect who said he was stiffed": the relative pronoun at `p` is the subject of the
/// verb at `v`, the source as written, resolved at once to the noun phrase it stands for.
fn relative_frame(
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
fn tail_after(cx: &Ctx, v: usize, end: usize, after: &Range<usize>) -> bool {
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
fn that_or_quote(cx: &Ctx, ks: &Range<usize>) -> bool {
    ks.clone()
        .any(|t| cx.word(t) == "that" || (cx.is_punct(t) && is_quote_char(cx.first_char(t))))
}

/// The words a frame after its subject reports, when that subject follows the comma or closing
/// quote at `bb`: the words before (up to and with a closing quote), or, for a frame set off in
/// mid-sentence, the words on both sides ("The trend, Mr. Obama said, has been clear"; from a
/// relative word right before: "the stadium, which, Tompkins said, is full") or only the clause
/// after a fronted adverbial ("During his years in office, Mr. Obama said, the trend ...").
fn tail_scope(cx: &Ctx, r: &Range<usize>, bb: usize, after: &Range<usize>) -> Range<usize> {
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
fn noun_phrase_end(cx: &Ctx, k: usize, end: usize) -> usize {
    let j = noun_phrase_part(cx, k, end);
    if j > k && j + 1 < end && cx.seg.tokens[j].kind == TokenKind::Possessive {
        return noun_phrase_part(cx, j + 1, end);
    }
    j
}

/// [`noun_phrase_end`] without the possessive.
fn noun_phrase_part(cx: &Ctx, k: usize, end: usize) -> usize {
    if k >= end || cx.is_punct(k) {
        return k;
    }
    if cx.is(k, OBJECT_PRONOUNS) {
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
    if j < end && !cx.is_punct(j) && !cx.is(j, NAME_ENDS_AT) && !cx.is(j, &["as", "and", "or"]) {
        j += 1;
    }
    j
}

/// Words that open an apposition after a noun phrase (", the US-backed force in the northeast,",
/// ", which controls the northeast,").
pub(crate) const APPOSITION_OPENERS: &[&str] =
    &["the", "a", "an", "which", "who", "whose", "its", "their"];

/// Words that open a parenthetical which narrows or extends a noun phrase (", including East
/// Jerusalem,"): passed over like an apposition.
pub(crate) const INCLUSION_WORDS: &[&str] = &[
    "including",
    "excluding",
    "especially",
    "notably",
    "particularly",
    "mainly",
    "chiefly",
];

/// Prepositions that open a phrase completing an object ("the attack on Gaza").
const OBJECT_PREPOSITIONS: &[&str] = &[
    "at", "on", "in", "of", "near", "along", "across", "over", "from", "against", "inside",
    "outside", "around", "within", "into",
];

/// "called Israel's presence at five hilltops an occupation": an object followed by a
/// prepositional phrase runs to the name after it, when the name opens with an indefinite
/// article or a quotation after the preposition's own object, within eight words, and no
/// punctuation, other preposition or clause word comes first ("called an election in a bid to
/// ..." names nothing). Gives where the object ends, or `None` when no such name follows.
fn object_complement_end(cx: &Ctx, quotes: &[RawQuote], e: usize, end: usize) -> Option<usize> {
    // The object's head may come a word or two later ("continued presence at").
    let p = (e..end.min(e + 3)).find(|&p| cx.is(p, OBJECT_PREPOSITIONS))?;
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
        if cx.is_punct(j) || cx.is(j, NAME_ENDS_AT) || cx.is(j, &["and", "or", "to", "of"]) {
            return None;
        }
    }
    None
}

/// The end of a name starting at token `k`: a quotation that opens there, or the words up to a
/// punctuation mark, a preposition or a new clause, at most [`MAX_NAME_TOKENS`].
fn name_end(cx: &Ctx, quotes: &[RawQuote], k: usize, end: usize) -> usize {
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
        if (cx.is_punct(j) && cx.word(j) != "-") || cx.is(j, NAME_ENDS_AT) {
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
fn naming_at(
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
    } else if cx.is(k.min(end - 1), NOT_A_NAME_AFTER) && k < end {
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
fn naming_frame(
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
fn passive_naming(
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
fn active_name(
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
        k + usize::from(cx.is(k.min(end - 1), OBJECT_PRONOUNS) && k < end)
    } else {
        let e = noun_phrase_end(cx, k, end);
        object_complement_end(cx, quotes, e, end).unwrap_or(e)
    };
    // "considers the SDF, the US-backed force that controls the northeast, to be a terrorist
    // group": an apposition between commas after the object, then "to be".
    if !gap && word(k) == "," {
        let close = (k + 1..end).take(16).find(|&c| word(c) == ",");
        let inserted =
            APPOSITION_OPENERS.contains(&word(k + 1)) || INCLUSION_WORDS.contains(&word(k + 1));
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
fn relative_antecedent(cx: &Ctx, r: &Range<usize>, b: usize) -> Option<Range<usize>> {
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
fn participle_frame(
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
        if !cx.is(p, ADVERBIAL_PREPOSITIONS) || earlier.iter().any(|f| f.scope.contains(&v)) {
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
            && !cx.is(b - 1, BE_PROGRESSIVE)
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
    let subject = opening_subject(cx, r, v).or_else(|| {
        let clause = takes_clause(cx, v, end)
            || (REQUEST.contains(&cx.word(v)) && takes_infinitive(cx, v, end))
            || takes_charge(cx, v, end)
            || (v + 1 < end && cx.is_punct(v + 1) && is_quote_char(cx.first_char(v + 1)));
        opening_name(cx, r, v).filter(|_| clause)
    })?;
    Some(new_frame(cx, si, v, FrameKind::Participle, subject, scope))
}

/// "with 30 percent of voters saying they have a positive view of him", "a statement saying
/// the talks had failed": a participle of saying right after a noun phrase (or a time after it:
/// "a statement late Tuesday saying"), with a clause or a colon and a quotation after it, has
/// that noun phrase for its subject (an absolute construction after "with", or a reduced
/// relative clause). The phrase runs back to a comma, dash, "with", a clause word or a
/// verb, at most eight tokens. Gives its tokens.
fn noun_before_participle(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let mut p = v.checked_sub(1).filter(|&p| p >= r.start)?;
    // A time between the noun and the participle ("a statement late Tuesday saying").
    if crate::text::is_calendar_word(cx.word(p)) && p > r.start {
        p -= 1;
        if cx.is(p, &["on", "late", "early", "last"]) && p > r.start {
            p -= 1;
        }
    }
    let noun = cx.word(p).chars().any(char::is_alphanumeric)
        && !cx.is(p, NOT_SUBJECT)
        && !finite(cx.word(p))
        && !cx.is(p, ADVERBIAL_PREPOSITIONS)
        && !cx.is(
            p,
            &[
                "without", "and", "or", "but", "not", "also", "keep", "keeps", "kept",
            ],
        )
        && !REPORTING.contains(cx.word(p))
        && !holds_verb(cx, p..p + 1)
        && cx.seg.tokens[p].kind != TokenKind::Possessive;
    // A quotation after a colon is what it says ("a statement saying: “...”").
    let quotation = v + 2 < r.end
        && cx.word(v + 1) == ":"
        && cx.is_punct(v + 2)
        && is_quote_char(cx.first_char(v + 2));
    if !noun || !(takes_clause(cx, v, r.end) || quotation) {
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
pub(crate) const CLAIM_NOUNS: &[&str] = &[
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
];

/// Adjectives before a noun of [`CLAIM_NOUNS`] that keep it a noun ("false claims that").
const CLAIM_ADJECTIVES: &[&str] = &[
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
];

/// "Israel's claim that the hospital hid a command centre", "his assertion that ...", "the
/// belief that ...": a noun of [`CLAIM_NOUNS`] right before "that" and a clause is a frame whose
/// words are the clause and whose speaker is the possessor before the noun (a name with "'s",
/// or a possessive pronoun), or empty. Not a relative clause on the noun ("the claim that he
/// made was false"). The words run to the end of the sentence, as for a verb: in "The belief
/// that the regime will fall is widespread" they take in the main clause's predicate too.
fn nominal_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    t: usize,
    quotes: &[RawQuote],
) -> Option<Frame> {
    if !cx.is(t, CLAIM_NOUNS) || t + 2 >= r.end || cx.word(t + 1) != "that" || t == r.start {
        return None;
    }
    // A noun, not the verb ("is warning that", "Hamas claims that"): a determiner, a possessor
    // or an adjective of [`CLAIM_ADJECTIVES`] or in -ed comes before it ("repeated claims").
    let p = t - 1;
    let noun = cx.is(p, DETERMINERS)
        || cx.is(
            p,
            &[
                "his", "her", "their", "its", "our", "my", "your", "no", "any",
            ],
        )
        || cx.seg.tokens[p].kind == TokenKind::Possessive
        || cx.is(p, CLAIM_ADJECTIVES)
        || (past_form(cx, p, 5) && p > r.start && cx.is(p - 1, DETERMINERS));
    if !noun {
        return None;
    }
    let clause = t + 2..r.end;
    // A relative clause on the noun, not its content: its subject ("the charge that might have
    // stung"), or its object, a subject and a verb with a finite verb right after them ("the
    // claim that he made was false", "the claim that the army denied is true").
    let k = clause.start + usize::from(cx.is(clause.start, DETERMINERS));
    let object_gap = k + 2 < r.end
        && !finite(cx.word(k + 1))
        && !ly_adverb(cx, k + 1)
        && cx.first_char(k + 1).is_lowercase()
        && finite(cx.word(k + 2));
    if finite(cx.word(clause.start)) || object_gap || clause.len() < 3 {
        return None;
    }
    let speaker = if t > r.start && cx.is(t - 1, &["his", "her", "their", "its"]) {
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
    };
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

/// Verbs of belief that report the clause before them when they close its sentence.
const CLOSING_BELIEF: &[&str] = &[
    "believe", "believes", "think", "thinks", "fear", "fears", "suspect", "suspects", "expect",
    "expects", "revealed",
];

/// Adjectives of certainty, hope and worry that report a view with a "that" clause ("officials
/// are confident that ...", "he made clear that ...").
const ATTITUDE_ADJECTIVES: &[&str] = &[
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
];

/// Verbs besides "be" ([`BE_PROGRESSIVE`]) that link a subject to an adjective of attitude
/// ("remains confident", "made clear").
const COPULAS: &[&str] = &[
    "remain", "remains", "remained", "seems", "seemed", "appeared", "appears", "became", "become",
    "grew", "felt", "feels", "made", "make", "makes", "sounded",
];

/// "Officials are confident that the rebels will withdraw", "Trump made it clear that ...": an
/// adjective of [`ATTITUDE_ADJECTIVES`] right before "that", after a copula (adverbs and "it"
/// between them), is a frame whose speaker is the copula's subject (read as for a verb) and
/// whose words are the clause. The adjective is the cue.
fn adjective_frame(
    cx: &Ctx,
    si: usize,
    r: &Range<usize>,
    t: usize,
    quotes: &[RawQuote],
    earlier: &[Frame],
) -> Option<Frame> {
    if !cx.is(t, ATTITUDE_ADJECTIVES) || t + 1 >= r.end || cx.word(t + 1) != "that" {
        return None;
    }
    let mut c = t.checked_sub(1).filter(|&c| c > r.start)?;
    let degree = [
        "very", "so", "not", "quite", "more", "less", "still", "also", "it",
    ];
    while c > r.start && (ly_adverb(cx, c) || cx.is(c, &degree)) {
        c -= 1;
    }
    if !(cx.is(c, COPULAS) || cx.is(c, BE_PROGRESSIVE)) || c == r.start {
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

/// Conjunctions that, after a comma, open a concessive or contrastive clause of the outlet's
/// ("while" is left out: ", while the air force struck ..." often goes on with the report).
const CONCESSIVES: &[&str] = &["although", "though", "whereas"];

/// "Police reported no arrests, although 55 people were cited": the words reported end before
/// a comma and a concessive conjunction ([`CONCESSIVES`]) outside quotation marks; the clause
/// after it is the outlet's. Gives the end (`end` when there is none).
fn concessive_end(cx: &Ctx, v: usize, end: usize) -> usize {
    // A clause must follow, not a short phrase set off by commas: "the deal, though costly,
    // was worth it" goes on.
    let clause = |k: usize| {
        let stop = (k + 2..end).find(|&j| cx.word(j) == ",").unwrap_or(end);
        stop > k + 5 || (k + 2 < stop && complement_clause(cx, &(k + 2..stop)))
    };
    comma_outside_quotes(cx, v + 1..end, |k| {
        k + 1 < end && cx.is(k + 1, CONCESSIVES) && clause(k)
    })
    .unwrap_or(end)
}

/// The first comma in `ks` outside quotation marks (the marks pair in turn) for which `also`
/// holds.
fn comma_outside_quotes(cx: &Ctx, ks: Range<usize>, also: impl Fn(usize) -> bool) -> Option<usize> {
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

/// "... and claimed ...": a verb at `v`, after "and" or "but", sharing the subject of the frame
/// before. Not of an agentless passive, whose subject is the accused, not a speaker: "Hamas was
/// accused of war crimes and denied them" makes no frame. With no frame before it ("Yemen's
/// government ... welcomed the designation and accused the Houthis of ..."), the verb shares
/// the subject the sentence opens with.
fn shared_subject_frame(
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

fn frame_at(
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
    if word == "asked"
        && let Some(f) = question_frame(cx, si, r, v, b)
    {
        return Some(f);
    }
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
    if (cx.is(p, NOT_SUBJECT) && !lone_quantifier) || cx.seg.tokens[p].kind == TokenKind::Possessive
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
fn as_frame_scope(
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
fn insertion_before_verb(cx: &Ctx, r: &Range<usize>, p: usize) -> Option<(usize, usize)> {
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
fn agentless_accusation(
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
fn by_agent_frame(cx: &Ctx, si: usize, r: &Range<usize>, v: usize) -> Option<Frame> {
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
fn as_passive_scope(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let mut a = v;
    while a > r.start
        && (ly_adverb(cx, a - 1)
            || cx.is(a - 1, &["first", "originally", "earlier", "previously"])
            || cx.is(a - 1, BE_PROGRESSIVE))
    {
        a -= 1;
    }
    (a > r.start + 2 && cx.word(a - 1) == "as" && cx.word(a - 2) == ",").then(|| r.start..a - 2)
}

/// Where an agent after "by" ends: before an adjunct of time or place ("by the New York Times
/// on Tuesday"), but not inside a name ("by the Council on Foreign Relations", "the Institute of
/// Peace").
fn agent_end(cx: &Ctx, agent: Range<usize>) -> usize {
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
fn quote_then_verb(
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
        && (b == v || (b + 1 == v && cx.is(b, FRENCH_AUXILIARIES)))
        && (REPORTING_SAY.contains(&word) || speech_tag(cx, r, v, quotes))
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
        let adjunct = |k: usize| k > v + 1 && cx.is(k, SPEAKER_ADJUNCTS);
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

/// Prepositions that open an adjunct of time, place or means: after a reporting verb, and after
/// an inverted speaker ("says Perry in the new ad"); "of", "for" and "from" stay in the speaker
/// ("said the head of the agency").
const SPEAKER_ADJUNCTS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "while", "when", "via", "through",
];

/// Walks back from the token `p` before a verb over its subject to the clause boundary; gives
/// where the subject starts and where it ends (`subject_end`, moved before a relative clause on
/// the subject). A coordinator opens the clause, not the subject ("But Schneiderman isn't
/// saying"); the clause it opens is not the tail of the words before ("..., but officials
/// said.").
fn subject_back(cx: &Ctx, r: &Range<usize>, p: usize, mut subject_end: usize) -> (usize, usize) {
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
                && !cx.is(k, DETERMINERS)
                && !subject_pronoun(cx.word(k))
                && !cx.is(k, NOT_SUBJECT)
        };
        if matches!(w, "who" | "which")
            && s >= r.start + 2
            && relative_verb(s)
            && cx.word(s - 2).chars().all(char::is_alphabetic)
            && !REPORTING.contains(cx.word(s - 2))
            && !cx.is(s - 2, NOT_SUBJECT)
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
const TELLING: &[&str] = &[
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
];

/// The longest stretch of adjuncts between a reporting verb and its complementizer that is read
/// as such ("said in a statement on Friday that").
const MAX_ADJUNCT_TOKENS: usize = 14;

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
fn content_start(cx: &Ctx, v: usize, end: usize) -> usize {
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
    if cx.is(v, TELLING) {
        let np_end = (lead..comp)
            .find(|&k| is_adjunct_start(cx.word(k)) || cx.is_punct(k))
            .unwrap_or(comp);
        // One noun phrase: a determiner only at its start ("told CNN the militants that ..."
        // holds two, the second the words').
        if np_end == lead || np_end - lead > 3 || (lead + 1..np_end).any(|k| cx.is(k, DETERMINERS))
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
        && (cx.is(lead + 1, DETERMINERS)
            || cx.is(lead + 1, OBJECT_PRONOUNS)
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
fn clause_inside(cx: &Ctx, from: usize, to: usize) -> bool {
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
fn in_subject_relative(cx: &Ctx, r: &Range<usize>, subject: &Range<usize>, v: usize) -> bool {
    let s = subject.start;
    let noun_phrase = cx.is(s, DETERMINERS)
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
fn complement_end(cx: &Ctx, v: usize, end: usize, quotes: &[RawQuote]) -> usize {
    if REPORTING_SAY.contains(&cx.word(v)) && adjuncts_only(cx, v + 1..end, quotes) {
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
fn antecedent_phrase(cx: &Ctx, r: &Range<usize>, rel: usize) -> Option<Range<usize>> {
    let mut e = rel;
    if e > r.start && cx.word(e - 1) == "," {
        e -= 1;
    }
    if e == r.start || cx.is_punct(e - 1) && cx.word(e - 1) != "." || cx.is(e - 1, NOT_SUBJECT) {
        return None;
    }
    let mut s = e - 1;
    while s > r.start && e - s < 6 && !cx.is(s, DETERMINERS) {
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
fn adjuncts_only(cx: &Ctx, after: Range<usize>, quotes: &[RawQuote]) -> bool {
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
    if !opens || cx.is(after.start, &["to"]) || cx.is(after.start, QUESTION_WORDS) {
        return false;
    }
    let subordinate =
        |k: usize| (k.saturating_sub(2).max(after.start)..k).any(|j| cx.is(j, SUBORDINATORS));
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
const SUBORDINATORS: &[&str] = &[
    "as", "when", "while", "after", "before", "because", "since", "if", "until", "though",
    "although",
];

/// The words after a frame set off by commas in mid-sentence ("The trend, Mr. Obama said, has
/// been clear"): after the verb and its adjuncts (`after`) come a comma and at least two more
/// words to the sentence's end, which do not open a participle ("adding that"), a new clause
/// with a coordinator, or an adverbial (", he said, after the talks").
fn parenthetical_rest(cx: &Ctx, after: &Range<usize>, end: usize) -> Option<Range<usize>> {
    let comma = after.end;
    if comma >= end || cx.word(comma) != "," || comma + 3 > end {
        return None;
    }
    let first = comma + 1;
    // ", the army said, as fighting raged": an adverbial of the outlet's after the frame.
    let opens_other = cx.word(first).ends_with("ing")
        || cx.is(first, &["and", "but", "or", "so", "then", "according"])
        || cx.is(first, SUBORDINATORS)
        || is_adjunct_start(cx.word(first))
        || cx.is_punct(first)
        || REPORTING.contains(cx.word(first));
    (!opens_other).then_some(first..end)
}

/// Whether the words before a mid-sentence frame are an adverbial opening the sentence (a
/// preposition or subordinator first, no finite verb) rather than a part of the clause reported.
fn fronted_before(cx: &Ctx, before: Range<usize>) -> bool {
    !before.is_empty()
        && (cx.is(before.start, FRONTED) || cx.is(before.start, SUBORDINATORS))
        && !before.clone().any(|k| finite(cx.word(k)))
}

/// Words that open an insertion between a subject and its verb ("The army, which ...", "X, the
/// commander, ...").
const INSERTION_OPENERS: &[&str] = &[
    "which", "who", "whose", "the", "a", "an", "its", "his", "her", "their", "now", "then",
    "however", "too", "also",
];

/// Words a title leaves in lower case.
const TITLE_LOWER: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "nor", "but", "for", "in", "on", "at", "to", "with", "by",
    "from", "is", "are", "as", "vs", "vs.", "&",
];

/// "Fox News Sunday", "Orange is the New Black": words in title case, the name of a work, a show
/// or a slogan rather than someone's words. Every word but [`TITLE_LOWER`] opens with a capital
/// letter or a digit, and no sentence ends inside.
pub fn is_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let ends_sentence = quoted
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .contains(['.', '!', '?']);
    !words.is_empty()
        && !ends_sentence
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_LOWER.contains(&w.to_lowercase().as_str())
        })
}

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "one",
];

/// Words that may not open a sentence's subject, besides those that open an adverbial or a
/// subordinate clause ([`opens_no_subject`]).
const NOT_A_SUBJECT_START: &[&str] = &[
    "still", "yet", "but", "and", "so", "now", "here", "there", "it", "this", "that", "these",
    "those", "asked",
];

/// Whether token `k` opens a fronted adverbial, a subordinate clause or a connective, not a
/// sentence's subject ("In", "When", "However", "But").
fn opens_no_subject(cx: &Ctx, k: usize) -> bool {
    cx.is(k, NOT_A_SUBJECT_START)
        || cx.is(k, FRONTED)
        || cx.is(k, SUBORDINATORS)
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
fn subject_before_insertions(
    cx: &Ctx,
    r: &Range<usize>,
    p: usize,
    v: usize,
) -> Option<Range<usize>> {
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
                || cx.is(k, crate::text::NAME_PARTICLES))
                && !REPORTING.contains(cx.word(k))
        });
    let clause = if REPORTING.contains(cx.word(v)) {
        v + 1 < r.end && !cx.is_punct(v + 1)
    } else {
        takes_clause(cx, v, r.end)
    };
    if !name_like || p - open > 60 || !clause {
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

/// Words after a reporting verb that open an adjunct, not its complement ("said as the crowd
/// cheered", "said late Tuesday"), besides the prepositions of [`SPEAKER_ADJUNCTS`].
const OTHER_ADJUNCT_STARTS: &[&str] = &[
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
];

/// Whether a word after a reporting verb opens an adjunct, not its complement ([`SPEAKER_ADJUNCTS`]
/// and [`OTHER_ADJUNCT_STARTS`]: "said on Tuesday", "said as the crowd cheered").
fn is_adjunct_start(w: &str) -> bool {
    SPEAKER_ADJUNCTS.contains(&w) || OTHER_ADJUNCT_STARTS.contains(&w)
}

/// "said he was facing scrutiny", "said families file lawsuits": the words after the verb form a
/// clause, the verb's complement, rather than an adjunct ending a "..., X said" sentence. A
/// clause opens with a subject pronoun, or (after no adjunct word) holds a finite auxiliary among
/// its first five words.
fn complement_clause(cx: &Ctx, after: &Range<usize>) -> bool {
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
fn past_tense_clause(cx: &Ctx, after: &Range<usize>) -> bool {
    let mut k = after.start;
    if cx.is(k, DETERMINERS) || cx.seg.tokens[k].kind == TokenKind::Number {
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
                && !cx.is(next, OBJECT_PREPOSITIONS);
        }
        let nounish = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !cx.is(k, NOT_SUBJECT)
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

/// Words that open a speaker written after its verb ("said several observers").
const SPEAKER_OPENERS: &[&str] = &[
    "the", "a", "an", "several", "many", "some", "most", "both", "one", "two", "three", "another",
    "other", "his", "her", "its", "their",
];

/// "It may have been more surprising than expected, said several observers.": the speaker after
/// its verb, which follows a comma with no closing quote. The speaker runs to the sentence's end
/// or a comma, at most seven words, and opens with a capital letter or a determiner; at least
/// three words come before, with no other comma or dash among them (else the comma may close an
/// insertion after the subject). Gives the speaker's tokens and the words reported.
fn inverted_after_comma(
    cx: &Ctx,
    r: &Range<usize>,
    v: usize,
    before: Option<usize>,
    b: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let p = before?;
    if cx.word(p) != "," || b != v || p < r.start + 3 || !REPORTING_SAY.contains(&cx.word(v)) {
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
                        || cx.is(first, INSERTION_OPENERS)
                        || cx.word(first).ends_with("ing")
                        || cx.first_char(first).is_uppercase()
                }));
    let speaker_ok = e > v + 1
        && e - v <= 8
        && verbless
        && !insertion
        && (e == r.end || matches!(cx.word(e), "." | "," | "!" | "?"))
        && (cx.first_char(v + 1).is_uppercase() || SPEAKER_OPENERS.contains(&cx.word(v + 1)));
    speaker_ok.then(|| (v + 1..e, r.start..p))
}

/// The subject a sentence opens with, when it opens with an actor's name (at its first or second
/// token) that ends before the verb at `v`: its tokens, from the sentence's start.
fn opening_subject(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
    let first = cx
        .mentions
        .partition_point(|m| m.span.start < cx.seg.tokens[r.start].span.start);
    let m = cx.mentions.get(first)?;
    let m_tokens = token_range(cx.seg, m.span);
    if m_tokens.start > r.start + 1 || m_tokens.end >= v {
        return None;
    }
    Some(r.start..m_tokens.end)
}

/// The name or subject pronoun a sentence opens with (after a coordinator), ending before the
/// verb at `v`: one to five capitalised tokens, the first not one that opens an adverbial or a
/// clause ("In", "When"), with the noun after an opening determiner ("The ministry"), or "he",
/// "she", "they", "we", "I".
fn opening_name(cx: &Ctx, r: &Range<usize>, v: usize) -> Option<Range<usize>> {
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
            && !cx.is(e, NOT_SUBJECT)
            && !REPORTING.contains(cx.word(e))
            && !(e > start + 1 && cx.word(e).ends_with("ed"))
        {
            e += 1;
        }
    }
    Some(start..e)
}

/// The speaker of a quote with no frame of its own, carried from the context the way news copy
/// does: a quote reopened in the next paragraph, a further quote in the same paragraph after an
/// attributed one ('"...," Katz said. "The days when ..."') with no other speaker between (but
/// the frames of the tag's own sentence after its verb), or a
/// paragraph that opens with a quote after a paragraph ending in 'X said:'.
fn continuing_speaker(cx: &Ctx, frames: &[Frame], done: &[Quote], q: &RawQuote) -> Option<usize> {
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
fn quote_frame(
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
    // quote: in "“I think it is over. We lost,” ..." the quote's "I think" is the speaker's own.
    candidates
        .filter(|&f| !span.contains(frames[f].verb))
        .min_by_key(|&f| {
            let v = frames[f].verb;
            if v.end <= span.start {
                span.start - v.end
            } else {
                v.start.saturating_sub(span.end)
            }
        })
}

/// "In a statement, it said the regime had fled": the stretch `before` the subject's comma is a
/// fronted adverbial, not reported words, when it is short, opens with a preposition or a
/// sentence adverb ([`FRONTED`]), holds no punctuation, and words follow the verb (in "Under no
/// circumstances will we talk, the minister said." nothing does, and the stretch is reported).
fn fronted_adverbial(cx: &Ctx, before: Range<usize>, after: &Range<usize>) -> bool {
    !before.is_empty()
        && before.len() <= 6
        && cx.is(before.start, FRONTED)
        && !before.clone().any(|k| cx.is_punct(k))
        && !after.is_empty()
        && !cx.is_punct(after.start)
}

/// The subject of the sentence before the one of `sp`: a party named by its name (not a person,
/// an adjective or a place), first in that sentence (after at most "the"), when no party is
/// named in `sp`'s own sentence before it.
fn previous_subject<'m>(cx: &Ctx<'m>, sp: Span) -> Option<&'m Mention> {
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
fn named_after_in_sentence(cx: &Ctx, f: &Frame, pronoun: &Mention) -> bool {
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
fn going_on(
    cx: &Ctx,
    frames: &[Frame],
    i: usize,
    pronoun: &str,
) -> Option<(Option<usize>, String)> {
    let f = &frames[i];
    if !matches!(pronoun, "he" | "she")
        || !CONTINUING.contains(&f.verb.slice(cx.text).to_lowercase().as_str())
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
const CONTINUING: &[&str] = &["added", "adds", "continued", "continues", "concluded"];

/// "The group said", "the army said" (`words` are the speaker's, lower-cased): the last actor
/// of the type the head noun names, in the five sentences before, not named as a place.
fn by_type<'m>(cx: &Ctx<'m>, sp: Span, words: &[Cow<str>]) -> Option<&'m Mention> {
    let head = words.last()?.as_ref();
    let wanted: &[ActorType] = if words.len() > 3 {
        return None;
    } else if heads::GROUP_NOUNS.contains(&head) {
        &[ActorType::ArmedGroup, ActorType::Movement]
    } else if heads::STATE_SPEAKER_NOUNS.contains(&head) {
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

/// A participle or a shared subject ("..., adding", "... and claimed") takes the reading of the
/// frame before it with the same speaker: whether frame `i` did. One with a subject of its own
/// (the one its sentence opens with) is resolved like any other.
fn shares_subject(frames: &mut [Frame], i: usize) -> bool {
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
fn resolve_speakers(cx: &Ctx, frames: &mut [Frame]) {
    // The lowercase words of the speaker (most are lowercase already and borrowed).
    let mut words: Vec<Cow<str>> = Vec::new();
    let genders = std::cell::OnceCell::new();
    for i in 0..frames.len() {
        // A relative pronoun's frame comes resolved to its antecedent.
        if frames[i].resolved_from.is_some() {
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
            && (PRONOUN_PERSON.contains(&head.as_ref())
                || words
                    .iter()
                    .any(|w| heads::ROLE_NOUNS.contains(&w.as_ref())));
        let thing_like = words.len() == 1 && PRONOUN_THING.contains(&head.as_ref());
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
const MAX_ROLE_DISTANCE: usize = 10;

/// "The spokesman said", after "the official spokesman of the RSF, Al-Fateh Qurashi, said": a
/// definite description made of a role noun, with any modifiers, refers back to the last
/// speaker described with every one of its words, in the [`MAX_ROLE_DISTANCE`] sentences before
/// (head match over speakers, as [`crate::analysis::titles`] does over names). `None` when no earlier
/// speaker has them all, or the description is indefinite ("a spokesman" is someone new).
fn same_role_speaker<'f>(
    cx: &Ctx,
    before: &'f [Frame],
    here: usize,
    words: &[Cow<str>],
) -> Option<&'f Frame> {
    let (the, rest) = words.split_first()?;
    let head = rest.last()?;
    if the != "the" || rest.len() > 2 || !heads::ROLE_NOUNS.contains(&head.as_ref()) {
        return None;
    }
    before
        .iter()
        .rev()
        .take_while(|p| here.saturating_sub(p.sentence) <= MAX_ROLE_DISTANCE)
        .find(|p| {
            let theirs: Vec<String> = p
                .speaker
                .slice(cx.text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
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
fn last_person_subject<'m>(
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
fn inside_quotation(cx: &Ctx, at: usize) -> bool {
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
fn resolve_headline_speakers(cx: &Ctx, frames: &mut [Frame]) {
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
            || PRONOUN_PERSON.contains(&head.as_str())
            || PRONOUN_THING.contains(&head.as_str())
            || heads::class_of(&head) == Some(heads::Class::Role)
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

/// The earlier party a pronoun or role-noun speaker `sp` stands for, given the frames before it:
/// (its actor, the phrase it was resolved to). "It" is the subject of the sentence before, when
/// that sentence opens with a party's name and nothing is named before the pronoun in its own
/// sentence (centering: the subject is the likeliest next topic); otherwise "it", "the
/// statement", "the ministry" is an earlier speaker that is no person, or that shares the head
/// noun, among the last 30 frames; "the statement" with none such is the speaker of the last
/// frame of an earlier sentence that names a statement ([`DOCUMENT_NOUNS`]).
fn antecedent_of(
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
                f.speaker
                    .slice(cx.text)
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == head)
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
            (!thing_like && DOCUMENT_NOUNS.contains(&head))
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
fn issuer_of<'m>(cx: &Ctx<'m>, sp: Span, head: &str) -> Option<&'m Mention> {
    if !DOCUMENT_NOUNS.contains(&head) {
        return None;
    }
    let t = token_range(cx.seg, sp).start;
    let s = cx.seg.sentences.get(cx.seg.sentence_at(sp.start)?)?;
    let verb = t.checked_sub(1).filter(|&v| v > s.tokens.start)?;
    if !cx.is(verb, ISSUING) {
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
const ISSUING: &[&str] = &[
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
];

/// Nouns for a document a party issues: "the statement" as a speaker is the party whose frame's
/// sentence names the statement ("In a statement, the RSF's spokesman said ...").
const DOCUMENT_NOUNS: &[&str] = &["statement", "communique", "communiqué", "declaration"];

#[cfg(test)]
mod tests {
    use super::{double_marks, mark_len_at, opens_with_double, token_range};
    use crate::text::{Span, segment};

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
