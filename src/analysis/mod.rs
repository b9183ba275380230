//! Analysis of one article: segmentation, matching, voice, attribution, negation, and the
//! per-article profile. This module owns the [`Hit`] record every report is built from.

pub(crate) mod actors;
pub(crate) mod alignment;
pub(crate) mod attribution;
pub(crate) mod discourse;
pub(crate) mod heads;
pub(crate) mod mention;
pub(crate) mod opponents;
pub(crate) mod speech;
pub(crate) mod titles;
pub(crate) mod unlisted;
pub(crate) mod voice;
pub(crate) mod words;

// The rule modules above are private to the crate: their machinery serves this module. The
// types an `Article` is made of are its face, re-exported here, with `with_parties`.
pub use crate::language::Detected;
pub use attribution::{Link, LinkRule};
pub use discourse::{Candidate, Origin, Party, with_parties};
pub use mention::{Form, Role};
pub use speech::{AttributionOut, Excerpt, Kind as RelationKind};
pub use titles::Known;
pub use voice::Voice;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::analysis::actors::ActorIndex;
use crate::analysis::attribution::TermHit;
use crate::analysis::mention::Mention;
use crate::analysis::voice::Voices;
use crate::lexicon::{ActorType, Kind, LabelEntry, Lexicon, Requirement};
use crate::matcher::{Matcher, MatcherError, Normalized, Pattern};
use crate::text::WordSet;
use crate::text::token_range;
use crate::text::{LowerTokens, Segmented, Span, TokenKind, segment};

/// One loaded term found in an article, with everything that explains it.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// The term as written in the article.
    pub text: String,
    /// Byte offsets into the article: `&article[start..end] == text`.
    pub start: usize,
    /// End of the term in the article, in bytes (exclusive).
    pub end: usize,
    /// Lexicon entry id (shared by the hits of one entry in an article).
    pub term: Arc<str>,
    /// The entry's category, as its lexicon declares it ("delegitimizing/terrorism").
    pub category: Arc<str>,
    /// The entry's stance, from -2 (strongly delegitimising) to 2 (strongly legitimising).
    pub stance: i8,
    /// What the entry names: a label, an act, an attribution verb or a distancing marker.
    pub kind: Kind,
    /// Actor ids the term describes.
    pub actors: Vec<Arc<str>>,
    /// For an act, the actor ids it is done to: its victims or targets ("the invasion of
    /// Ukraine"). Empty for other terms, and for an act whose object names no party.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub done_to: Vec<Arc<str>>,
    /// The rule that linked the actors.
    pub link: LinkRule,
    /// What the rule saw.
    pub link_detail: String,
    /// The parties the discourse model weighed, with their points (empty when a rule of the
    /// term's own phrase or clause decided).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub link_candidates: Vec<Candidate>,
    /// Whose words the term is in: the outlet's own, a quotation, reported speech or scare quotes.
    pub voice: Voice,
    /// The rule that decided the voice.
    pub voice_rule: Cow<'static, str>,
    /// The speaker as written, when the voice is not the author's.
    pub speaker: Option<String>,
    /// The actor id the speaker resolves to.
    pub speaker_actor: Option<Arc<str>>,
    /// `speaker_actor` is the party an unnamed official or organ serves, read from the
    /// speaker's title or the organ's words ("Interior ministry spokesman X", "a security
    /// source") and the article's focus, not from a name.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub speaker_by_office: bool,
    /// The earlier phrase a pronoun or role-noun speaker was resolved to ("He" -> "Erdogan").
    pub speaker_antecedent: Option<String>,
    /// For an attribution verb ("claimed"), the speaker whose words it introduces.
    pub framed_speaker: Option<String>,
    /// Whether a negating word stands up to four tokens before the term (with no comma or
    /// preposition between), or a verb of denial reports it ("Ankara denied that ...").
    pub negated: bool,
    /// The negating word, when negated.
    pub negation: Option<String>,
    /// Sentence index (0-based).
    pub sentence: usize,
    /// Byte offset of the sentence in the article.
    pub sentence_start: usize,
    /// The text of the term's sentence (shared by the hits of one sentence).
    pub sentence_text: Arc<str>,
    /// The term was found only by reading letters of another script as the Latin letters they
    /// look like ("tеrrorists" with a Cyrillic е): a sign of text written to evade keyword
    /// filters (`crate::matcher`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lookalike: bool,
    /// Index of the lexicon file the entry came from.
    #[serde(skip)]
    pub file: usize,
    /// Index of the entry in `lexicon.labels`.
    #[serde(skip)]
    pub entry: usize,
    /// Indices in `lexicon.actors` of the lexicon actors among `actors`, in the same order (the
    /// article's own parties are not counted here).
    #[serde(skip)]
    pub actor_indices: Vec<usize>,
}

impl Hit {
    /// Whether the hit counts in the stance of the actors it describes. This is the one
    /// definition every output uses (the text, Markdown and HTML reports, the JSON `author_stance`
    /// and `others_stance`, and the `in_stance` column of `corpus --hits`): an actor's stance in
    /// a voice is the mean entry stance of the hits that describe it in that voice and count.
    /// Every kind counts but `attribution`: a verb such as "claimed" casts doubt on a speaker's
    /// words, and is reported beside the stance, not averaged into it.
    pub fn counts_in_stance(&self) -> bool {
        self.kind.counts_in_stance()
    }

    /// The ids of the actors the hit describes, in order.
    pub fn actor_ids(&self) -> Vec<&str> {
        self.actors.iter().map(|a| &**a).collect()
    }

    /// The ids of the actors the act is done to, in order.
    pub fn done_to_ids(&self) -> Vec<&str> {
        self.done_to.iter().map(|a| &**a).collect()
    }

    /// Whether the hit describes the actor `id`.
    pub fn describes(&self, id: &str) -> bool {
        self.actors.iter().any(|a| **a == *id)
    }

    /// Whether the act is done to the actor `id`.
    pub fn is_done_to(&self, id: &str) -> bool {
        self.done_to.iter().any(|a| **a == *id)
    }
}

/// An actor mention, for reports.
#[derive(Clone, Debug, Serialize)]
pub struct MentionOut {
    /// Id of the actor named: a lexicon actor's, or one of the article's own parties'.
    pub actor: String,
    /// The mention as written.
    pub text: String,
    /// Byte offsets into the article: `&article[start..end] == text`.
    pub start: usize,
    /// End of the mention in the article, in bytes (exclusive).
    pub end: usize,
    /// How the mention names the actor.
    pub form: crate::analysis::mention::Form,
    /// The role a compound gives the actor ("U.S.-backed": backer), when the mention is in one.
    pub role: Option<Role>,
    /// The listed name the mention is a near miss of: a person's surname it misspells, or a
    /// party's name it renames or shortens ("Rapid Support Forces"). None for a name as listed.
    pub near_miss_of: Option<String>,
    /// For a pronoun, the mention it stands for.
    pub antecedent: Option<String>,
    /// Index of `actor` in `lexicon.actors`; None for a party no lexicon lists.
    #[serde(skip)]
    pub actor_index: Option<usize>,
}

/// A reporting frame, for reports: who speaks, with which verb.
#[derive(Clone, Debug, Serialize)]
pub struct SpeechOut {
    /// The cue as written: the reporting verb, "according to", a noun of saying, or the dash or
    /// colon that marks a source in a headline or at the start of a paragraph.
    pub verb: String,
    /// Byte offsets of the verb in the article.
    pub start: usize,
    /// End of the verb in the article, in bytes (exclusive).
    pub end: usize,
    /// The speaker as written; empty when the text names none ("accused of ...", "Asked whether").
    pub speaker: String,
    /// The actor id the speaker resolves to, when it resolves to one.
    pub speaker_actor: Option<String>,
    /// The other phrase the speaker was resolved through, when there is one: the one a pronoun or
    /// role noun stands for ("He" -> "Erdogan"), or a label that names the speaker's party.
    pub resolved_from: Option<String>,
    /// Sentence index (0-based) of the frame.
    pub sentence: usize,
    /// When the speaker joins speakers of different parties with "and" ("Russian President
    /// Vladimir Putin and Turkish President Recep Tayyip Erdogan"), the party of each, in the
    /// order written; empty otherwise. `speaker_actor` stays the one party the speaker was
    /// resolved to, which the rules of voice and attribution use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speaker_parties: Vec<String>,
}

/// Counts of one actor's hits.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ActorProfile {
    /// Hits that describe the actor (it is among their `actors`).
    pub hits: usize,
    /// Those hits, counted by voice.
    pub by_voice: BTreeMap<Voice, usize>,
    /// Mean stance of the terms in the outlet's own voice (None when there are none).
    pub author_stance: Option<f64>,
    /// Mean stance of the terms in others' voices (quoted, reported, scare).
    pub others_stance: Option<f64>,
    /// Mentions of the actor in the article, of any form.
    pub mentions: usize,
}

/// The per-article summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Profile {
    /// Words in the article, numbers included.
    pub words: usize,
    /// Sentences in the article.
    pub sentences: usize,
    /// Terms found: the number of the article's hits.
    pub hits: usize,
    /// Hits per 1,000 words.
    pub density: f64,
    /// Hits per lexicon entry id.
    pub by_term: BTreeMap<String, usize>,
    /// Hits per category.
    pub by_category: BTreeMap<String, usize>,
    /// Hits per voice.
    pub by_voice: BTreeMap<Voice, usize>,
    /// Per actor id: the hits that describe the actor, and its mentions.
    pub by_actor: BTreeMap<String, ActorProfile>,
    /// What matching had to fold to read the text (omitted when nothing).
    #[serde(skip_serializing_if = "Folds::is_empty")]
    pub folds: Folds,
    /// Regex entries that matched `crate::matcher::MAX_REGEX_MATCHES` times, the most counted
    /// in one article: their later matches are not counted (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capped_regexes: Vec<String>,
    /// The article has more label matches than the analyser's cap ([`DEFAULT_MAX_HITS`]), and
    /// was not analysed: its hits, mentions, parties and counts are empty (omitted when under
    /// the cap). The command line refuses such an article; a corpus run skips it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hit_cap: Option<HitCap>,
    /// The language the article is written in, as detected (omitted when it has no letters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Detected>,
    /// The article is firmly in a language that no loaded label lexicon is written for: its
    /// count of terms says nothing about its wording.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unread_language: bool,
}

impl Profile {
    /// What to tell the user about the article's language, when no loaded lexicon reads it:
    /// "article is French (0.98); no lexicon for French: 0 terms".
    pub fn language_note(&self) -> Option<String> {
        let d = self.language.filter(|_| self.unread_language)?;
        Some(format!(
            "article is {} ({:.2}); no lexicon for {}: {} term{}",
            d.name,
            d.confidence,
            d.name,
            self.hits,
            if self.hits == 1 { "" } else { "s" }
        ))
    }
}

/// What one walk of the matcher found in a text.
struct Found {
    labels: Vec<crate::matcher::Hit>,
    names: Vec<crate::matcher::Hit>,
    folding: crate::matcher::Folding,
    /// Label entries whose regex reached its cap of matches.
    capped: Vec<usize>,
    /// The label matches of the text, when there are more than the analyser's
    /// [`Analyzer::max_hits`]: the article is not analysed.
    over_cap: Option<usize>,
}

/// The most label matches analysed in one article, unless [`Analyzer::with_max_hits`] says
/// otherwise: far above any article (a long news feature has a few hundred), and low enough that
/// one analysis stays within an ordinary machine's memory. Each match costs about 1.4 KB while the
/// article is analysed and reported, so this cap holds an article of nothing but loaded words
/// to about 280 MB.
pub const DEFAULT_MAX_HITS: usize = 200_000;

/// An article with more label matches than the analyser's cap, which was not analysed
/// (`Profile::hit_cap`). Its message is why the command line refuses the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error(
    "{found} lexicon matches, over the limit of {limit} for one article (--max-hits; the memory \
     of an analysis grows with its matches, about 1.4 KB each)"
)]
pub struct HitCap {
    /// The label matches in the text.
    pub found: usize,
    /// The cap ([`Analyzer::with_max_hits`]).
    pub limit: usize,
}

/// Characters of an article that matching read differently from how they are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Folds {
    /// Default-ignorable characters skipped (zero-width, variation selectors, tags ...).
    pub ignored: u32,
    /// Compatibility forms read as their letters (full-width, mathematical, ligatures ...).
    pub compatibility: u32,
    /// Letters of one script read as the Latin letter they look like, inside a word of mixed
    /// scripts.
    pub lookalikes: u32,
}

impl Folds {
    /// Whether no character was skipped, read through a compatibility form, or read as a
    /// look-alike (every count is 0).
    pub fn is_empty(&self) -> bool {
        *self == Folds::default()
    }

    fn of(f: &crate::matcher::Folding) -> Folds {
        Folds {
            ignored: f.ignored,
            compatibility: f.compatibility,
            lookalikes: f.lookalikes.len() as u32,
        }
    }
}

/// The analysis of one article.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    /// The name the article was analysed under, used in reports.
    pub name: String,
    /// The loaded terms found in the article.
    pub hits: Vec<Hit>,
    /// The actor mentions: of lexicon actors and of the article's own parties.
    pub mentions: Vec<MentionOut>,
    /// The reporting frames: who speaks, with which verb.
    pub speech: Vec<SpeechOut>,
    /// The attribution relations: who is cited saying what (`crate::analysis::speech`).
    pub attributions: Vec<AttributionOut>,
    /// Parties the lexicon does not list: named but unlisted, or never named.
    pub parties: Vec<Party>,
    /// The per-article summary.
    pub profile: Profile,
    /// The text analysed.
    #[serde(skip)]
    pub text: String,
    /// Byte spans of the text's sentences, by sentence index.
    #[serde(skip)]
    pub sentence_spans: Vec<Span>,
}

/// When [`Analyzer::analyze_checked`] detects an article's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageCheck {
    /// Every article (`score`, `compare`, `eval`).
    Always,
    /// Only an article in which no term was found: where "0 terms" needs explaining (corpus
    /// records).
    WithoutTerms,
    /// Never (a record's headline: too short to tell).
    Never,
}

/// How much an analysis writes out beside the hits, the mentions, the parties and the profile.
/// The hits are the same under both: nothing a hit records is read from what [`Extent::Hits`]
/// leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Everything ([`Article::speech`] and [`Article::attributions`] too): `score`, `compare`,
    /// `attributions`, `eval` and the library.
    Full,
    /// No speech frames and no attribution relations, and no search for stances and topics,
    /// which feed only the relations: what a corpus run reads (its summary and `--hits` rows).
    /// A corpus run that groups records into stories (`--story-field`) analyses them with
    /// [`Extent::Full`].
    Hits,
}

/// A lexicon compiled for matching.
pub struct Analyzer {
    /// The lexicon it was built from.
    pub lexicon: Lexicon,
    /// The label forms compiled for matching (owners are indices into `lexicon.labels`), with
    /// the actors' name forms as a second group ([`Matcher::find`] gives the labels alone).
    #[doc(hidden)]
    pub labels: Matcher,
    actors: ActorIndex,
    /// ISO 639-3 codes of the languages the loaded label lexicons are written in.
    languages: Vec<&'static str>,
    /// Per label entry: the one party its forms name ([`named_parties`]).
    named: Vec<Option<usize>>,
    /// The lexicon's names as the unlisted-party checks compare them.
    listed: crate::analysis::unlisted::ListedNames,
    /// The most label matches analysed in one article ([`DEFAULT_MAX_HITS`]).
    max_hits: usize,
}

/// Words that negate what follows them ("not", "never", "without"). The verbs of [`DENIALS`]
/// negate too.
static NEGATORS: WordSet = WordSet::new(&[
    "not", "no", "never", "n't", "neither", "nor", "without", "nobody", "none", "nothing",
]);

/// Verbs of denial: a term in the words they report is negated ("Ankara denied that the
/// groups it backs are terrorists").
static DENIALS: WordSet = WordSet::new(&[
    "deny",
    "denies",
    "denied",
    "denying",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "dismissed",
    "dismisses",
]);

impl Analyzer {
    /// Compiles `lexicon` for matching: its label forms, exclusions and regexes, and its actors'
    /// name forms. Fails when the forms or a regex cannot be compiled. The automaton is built
    /// for throughput, for many articles; see [`Analyzer::for_few_texts`].
    pub fn new(lexicon: Lexicon) -> Result<Analyzer, MatcherError> {
        Analyzer::built(lexicon, crate::matcher::Build::Throughput)
    }

    /// The same analyser, refusing an article with more than `n` label matches
    /// ([`DEFAULT_MAX_HITS`] by default): such an article is not analysed, and its profile says
    /// so (`Profile::hit_cap`). The cap bounds the memory of one analysis, which grows with the
    /// number of matches; finding them is one pass of the matcher.
    pub fn with_max_hits(mut self, n: usize) -> Analyzer {
        self.max_hits = n;
        self
    }

    /// The most label matches analysed in one article ([`Analyzer::with_max_hits`]).
    pub fn max_hits(&self) -> usize {
        self.max_hits
    }

    /// [`Analyzer::new`] for a command that reads a few articles: the automaton is quicker to
    /// build and somewhat slower to scan. The results are the same.
    pub fn for_few_texts(lexicon: Lexicon) -> Result<Analyzer, MatcherError> {
        Analyzer::built(lexicon, crate::matcher::Build::StartUp)
    }

    fn built(lexicon: Lexicon, build: crate::matcher::Build) -> Result<Analyzer, MatcherError> {
        let mut patterns = Vec::new();
        let mut regexes = Vec::new();
        for (i, e) in lexicon.labels.iter().enumerate() {
            for f in &e.forms {
                patterns.push(Pattern {
                    owner: i,
                    form: f.clone(),
                    exact_case: false,
                    exclusion: false,
                });
            }
            for x in &e.exclude {
                patterns.push(Pattern {
                    owner: i,
                    form: x.clone(),
                    exact_case: false,
                    exclusion: true,
                });
            }
            if let Some(r) = &e.regex {
                regexes.push((r.clone(), i));
            }
        }
        let (actors, actor_forms) = ActorIndex::new(&lexicon);
        let listed = crate::analysis::unlisted::ListedNames::new(&lexicon);
        // Label forms and actor names are found in one walk over the text.
        // A later file's entry wins over an earlier file's on the same words.
        let layers = lexicon.labels.iter().map(|e| e.file).collect();
        let labels =
            Matcher::grouped_for(vec![patterns, actor_forms], &regexes, build)?.with_layers(layers);
        let mut languages: Vec<&'static str> = lexicon
            .files
            .iter()
            .filter(|f| f.labels > 0)
            .map(|f| f.language)
            .collect();
        languages.sort_unstable();
        languages.dedup();
        let mut an = Analyzer {
            lexicon,
            labels,
            actors,
            languages,
            named: Vec::new(),
            listed,
            max_hits: DEFAULT_MAX_HITS,
        };
        an.named = named_parties(&an);
        Ok(an)
    }

    /// The lexicon's actor mentions in `text` (names, adjectives and people; no pronouns), in
    /// text order. `seg` is `text` segmented.
    pub(crate) fn actor_mentions(&self, text: &str, seg: &Segmented) -> Vec<Mention> {
        self.actors.mentions(text, self.find(text).names, seg)
    }

    /// The label matches and the actor-name matches of `text`, found in one walk.
    fn find(&self, text: &str) -> Found {
        // The case-kept copy for regex entries is folded in the same pass.
        let norm = if self.labels.has_regexes() {
            Normalized::with_case_kept(text)
        } else {
            Normalized::new(text)
        };
        let (mut groups, capped) = self.labels.find_groups_capped(text, &norm);
        let names = groups.pop().unwrap_or_default();
        let labels = groups.pop().unwrap_or_default();
        let over_cap = (labels.len() > self.max_hits).then_some(labels.len());
        Found {
            labels,
            names,
            folding: norm.folding,
            capped,
            over_cap,
        }
    }

    /// What the matcher had to fold, and the regex entries it capped, into `profile`.
    fn matching_notes(
        &self,
        profile: &mut Profile,
        folding: &crate::matcher::Folding,
        capped: &[usize],
    ) {
        profile.folds = Folds::of(folding);
        profile.capped_regexes = capped
            .iter()
            .map(|&e| self.lexicon.labels[e].id.clone())
            .collect();
    }

    /// The matches that count, as the attribution rules take them, with their entries'
    /// indices: a match outside every sentence is dropped, and so is the match of an entry that
    /// `requires: party` in a sentence that names none, after a sentence that names none
    /// ([`typed_sentences`]).
    fn term_hits<'a>(
        &'a self,
        raw: &[crate::matcher::Hit],
        seg: &Segmented,
        typed: &[(usize, ActorType)],
    ) -> (Vec<TermHit<'a>>, Vec<usize>) {
        raw.iter()
            .filter_map(|h| {
                let th = TermHit {
                    span: h.span,
                    entry: &self.lexicon.labels[h.owner],
                    sentence: seg.sentence_at(h.span.start)?,
                    named: self.named.get(h.owner).copied().flatten(),
                };
                let met = match th.entry.requires {
                    None => true,
                    Some(Requirement::Party) => {
                        names_a_party(th.entry, th.sentence, typed)
                            || (th.sentence > 0 && names_a_party(th.entry, th.sentence - 1, typed))
                    }
                };
                met.then_some((th, h.owner))
            })
            .unzip()
    }

    /// The article's language, when `check` asks for it (`profile.hits` counted already), and
    /// whether a loaded label lexicon reads it.
    fn language_notes(&self, profile: &mut Profile, text: &str, check: LanguageCheck) {
        let detect = match check {
            LanguageCheck::Always => true,
            LanguageCheck::WithoutTerms => profile.hits == 0,
            LanguageCheck::Never => false,
        };
        if detect {
            profile.language = crate::language::detect(text);
            profile.unread_language = profile
                .language
                .is_some_and(|d| d.firm() && !self.languages.contains(&d.code));
        }
    }

    /// The parties `text` names that the lexicon does not list (`crate::analysis::unlisted`).
    #[doc(hidden)]
    pub fn unlisted(&self, text: &str) -> Vec<crate::analysis::unlisted::Unlisted> {
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let known = self.actor_mentions(text, &seg);
        let found = crate::analysis::unlisted::find(text, &seg, &lower, &known);
        let found = self.listed.without_listed(found);
        // Listed parties under another form of their name are not new actors to suggest, nor
        // are descriptions ("rights groups"), which name no one party.
        let named_here: FxHashSet<usize> = known.iter().map(|m| m.actor).collect();
        let found = found
            .into_iter()
            .filter(|u| {
                u.listed.is_none()
                    && u.mentions
                        .iter()
                        .any(|m| m.form != crate::analysis::unlisted::UnlistedForm::Description)
            })
            .collect();
        self.listed
            .split_renamed(found, &|a| named_here.contains(&a))
            .1
    }

    /// The type of every actor index: the lexicon's actors, then the article's `unlisted`
    /// parties.
    fn types_with(&self, unlisted: &[Party]) -> std::borrow::Cow<'_, [ActorType]> {
        if unlisted.is_empty() {
            std::borrow::Cow::Borrowed(&self.actors.types)
        } else {
            let mut t = self.actors.types.clone();
            t.extend(unlisted.iter().map(|p| p.actor_type));
            std::borrow::Cow::Owned(t)
        }
    }

    /// The parties `text` names that no lexicon lists, as parties of the article, with their
    /// mentions added to `mentions` (actor index `lexicon.actors.len() + i` for party `i`); and
    /// the mentions of the titled people who are no party, with [`crate::analysis::actors::NO_PARTY`]
    /// for actor: what a pronoun may stand for (see [`crate::analysis::actors::pronouns`]).
    fn unlisted_parties(
        &self,
        text: &str,
        seg: &Segmented,
        lower: &LowerTokens,
        mentions: &mut Vec<Mention>,
    ) -> (Vec<Party>, Vec<Mention>) {
        use crate::analysis::unlisted::UnlistedForm;
        let found = self
            .listed
            .without_listed(crate::analysis::unlisted::find(text, seg, lower, mentions));
        // A titled person the text places in a listed party is one of its people.
        let (placed, found): (Vec<_>, Vec<_>) = found.into_iter().partition(|u| u.listed.is_some());
        for u in &placed {
            people_as_mentions(u, u.listed.expect("partitioned on it"), mentions);
        }
        // A titled person with no group of their own speaks for some party the text does not
        // say, and a state organ named by its head ("Foreign Ministry", "Interior Ministry")
        // belongs to some state: made parties of their own, they would split the party they
        // belong to. Both are left to `lexicon suggest-actors`.
        let (found, no_party): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|u| u.mentions.iter().any(|m| m.form != UnlistedForm::Person));
        let mut people = Vec::new();
        for u in &no_party {
            people_as_mentions(u, crate::analysis::actors::NO_PARTY, &mut people);
        }
        // "Rapid Support Militia", "the Armed Forces", "the General Command": a listed party
        // under another form of its name is that party, a state organ included.
        let named_here: FxHashSet<usize> = mentions.iter().map(|m| m.actor).collect();
        let named = |a: usize| named_here.contains(&a);
        let (renames, found) = self.listed.split_renamed(found, &named);
        let found: Vec<_> = found
            .into_iter()
            .filter(|u| u.actor_type != crate::lexicon::ActorType::State)
            .collect();
        for (u, actor, listed) in &renames {
            let actor = *actor;
            people_as_mentions(u, actor, mentions);
            for um in u.mentions.iter().filter(|m| m.form != UnlistedForm::Person) {
                mentions.push(Mention {
                    span: um.span,
                    actor,
                    form: Form::Name,
                    person: None,
                    role: None,
                    compound: None,
                    near_miss_of: Some(listed.clone()),
                    antecedent: None,
                });
            }
        }
        if !renames.is_empty() || !placed.is_empty() {
            mentions.sort_by_key(|m| m.span.start);
        }
        let n = self.lexicon.actors.len();
        let mut parties = Vec::with_capacity(found.len());
        for (k, u) in found.into_iter().enumerate() {
            for um in &u.mentions {
                let person = um
                    .person
                    .and_then(|p| u.people.get(p))
                    .map(|p| p.name.clone());
                let form = match um.form {
                    UnlistedForm::Person => Form::Person,
                    _ => Form::Name,
                };
                mentions.push(Mention {
                    span: um.span,
                    actor: n + k,
                    form,
                    person: person.or_else(|| (form == Form::Person).then(|| u.name.clone())),
                    role: None,
                    compound: None,
                    near_miss_of: None,
                    antecedent: None,
                });
            }
            let acronym = u
                .acronym
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            parties.push(Party {
                description: format!(
                    "named {}{acronym} in the text; type from the word '{}'",
                    u.name, u.head
                ),
                id: u.id,
                name: u.name,
                actor_type: u.actor_type,
                origin: Origin::Unlisted,
                inferred_from: None,
                types: vec![u.actor_type],
            });
        }
        if !parties.is_empty() {
            mentions.sort_by_key(|m| m.span.start);
        }
        people.sort_by_key(|m| m.span.start);
        (parties, people)
    }

    /// Analyses one article. `name` is used in reports.
    pub fn analyze(&self, name: &str, text: &str) -> Article {
        self.analyze_in_story(name, text, None)
    }

    /// The names an article gives lexicon actors, with the titles it writes before them: what
    /// the other articles of a story may use to read a shortened name (see `crate::analysis::titles`).
    pub fn names_in(&self, text: &str) -> Known {
        // An article over the cap of matches is not analysed, and names nothing for the story.
        let found = self.find(text);
        if found.over_cap.is_some() {
            return Known::default();
        }
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let mentions = self.actors.mentions(text, found.names, &seg);
        Known::build(text, &seg, &lower, &mentions, self.lexicon.actors.len())
    }

    /// Analyses one article of a story: `story` holds the names the story's articles give
    /// lexicon actors ([`Analyzer::names_in`], merged).
    pub fn analyze_in_story(&self, name: &str, text: &str, story: Option<&Known>) -> Article {
        self.analyze_checked(name, text, story, LanguageCheck::Always, Extent::Full)
    }

    /// [`Analyzer::analyze_in_story`], detecting the language only as `check` says: the
    /// detector costs 0.07 to 0.12 ms an article (see `crate::language::SAMPLE_BYTES`), which
    /// a corpus run of millions of short records pays only where it explains an article
    /// without terms; and writing out only what `extent` asks for.
    pub fn analyze_checked(
        &self,
        name: &str,
        text: &str,
        story: Option<&Known>,
        check: LanguageCheck,
        extent: Extent,
    ) -> Article {
        let found = self.find(text);
        if let Some(found) = found.over_cap {
            return self.refused(name, text, found);
        }
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let mut raw = found.labels;
        let (mentions, unlisted, no_party) =
            self.all_mentions(text, (&seg, &lower), found.names, &mut raw);
        let types = self.types_with(&unlisted);
        let stances_too = extent == Extent::Full;
        let mut voices = voice::analyze(
            text,
            &seg,
            &lower,
            &mentions,
            &no_party,
            &types,
            stances_too,
        );
        let typed = typed_sentences(&seg, &mentions, &types);
        let (term_hits, entries) = self.term_hits(&raw, &seg, &typed);
        let linked = self.link_terms(
            text,
            (&seg, &lower),
            (&unlisted, &mentions),
            &mut voices,
            &term_hits,
            story,
        );
        let n_actors = self.lexicon.actors.len();
        let actor_name = |a: usize| match self.lexicon.actors.get(a) {
            Some(x) => x.id.as_str(),
            None => linked.parties[a - n_actors].id.as_str(),
        };
        let actor_id = |a: usize| actor_name(a).to_owned();
        let mut shared = Shared::default();
        let mut hits = Vec::with_capacity(term_hits.len());
        let mut designations = Vec::new();
        let weighed = linked.candidates.into_iter();
        let mut done_to = linked.done_to.into_iter();
        for (i, ((th, link), candidates)) in
            term_hits.iter().zip(linked.links).zip(weighed).enumerate()
        {
            let victims = done_to.next().unwrap_or_default();
            let e = th.entry;
            let decided = self.voice_for(text, &seg, &voices, &mentions, &lower, &term_hits, i);
            let official = decided.official(&linked.officials);
            designations.extend(decided.designation);
            let speaker = decided.speaker.map(|s| s.slice(text).to_owned());
            let speaker_antecedent = speaker
                .as_ref()
                .and_then(|_| voices.resolved_from(&seg, th.span));
            let (negated, negation) = negation(&seg, &lower, th.span, th.sentence, &voices);
            let s = seg.sentences[th.sentence].span;
            hits.push(Hit {
                text: th.span.slice(text).to_owned(),
                start: th.span.start,
                end: th.span.end,
                term: shared.string(&e.id),
                category: shared.string(&e.category),
                stance: e.stance,
                kind: e.kind,
                actors: shared.ids(link.actors.iter().copied(), actor_name),
                done_to: shared.ids(victims, actor_name),
                link: link.rule,
                link_detail: link.detail,
                link_candidates: candidates,
                voice: decided.voice,
                voice_rule: decided.rule,
                speaker_actor: shared.id(decided.actor.or(official), actor_name),
                speaker_by_office: official.is_some(),
                speaker,
                speaker_antecedent,
                framed_speaker: (e.kind == Kind::Attribution)
                    .then(|| framed_speaker(text, &voices, th.span))
                    .flatten(),
                negated,
                negation,
                sentence: th.sentence,
                sentence_start: s.start,
                sentence_text: shared.sentence(th.sentence, s.slice(text)),
                lookalike: found.folding.lookalike_in(th.span.start, th.span.end),
                file: e.file,
                entry: entries[i],
                actor_indices: link.actors.into_iter().filter(|&a| a < n_actors).collect(),
            });
        }
        let (speech, attributions) = match extent {
            Extent::Full => {
                speech_and_relations(text, &seg, &voices, &mentions, &designations, actor_id)
            }
            Extent::Hits => (Vec::new(), Vec::new()),
        };
        let mentions_out = mentions_out(text, &mentions, n_actors, actor_id);
        let mut profile = profile(&hits, &mentions_out, word_count(&seg), seg.sentences.len());
        self.matching_notes(&mut profile, &found.folding, &found.capped);
        self.language_notes(&mut profile, text, check);
        Article {
            name: name.to_owned(),
            hits,
            mentions: mentions_out,
            speech,
            attributions,
            parties: linked.parties,
            profile,
            text: text.to_owned(),
            sentence_spans: seg.sentences.iter().map(|s| s.span).collect(),
        }
    }

    /// The article of `text` not analysed, because it has `found` label matches, more than the
    /// cap ([`Analyzer::with_max_hits`]): only its name, its text and the profile's `hit_cap`.
    fn refused(&self, name: &str, text: &str, found: usize) -> Article {
        Article {
            name: name.to_owned(),
            hits: Vec::new(),
            mentions: Vec::new(),
            speech: Vec::new(),
            attributions: Vec::new(),
            parties: Vec::new(),
            profile: Profile {
                hit_cap: Some(HitCap {
                    found,
                    limit: self.max_hits,
                }),
                ..Profile::default()
            },
            text: text.to_owned(),
            sentence_spans: Vec::new(),
        }
    }

    /// Every mention of a party in an article, in text order: the lexicon's actors (`names`, as
    /// the matcher found them), the parties no lexicon lists, acronyms the article defines,
    /// titled people and pronouns; with the unlisted parties and the pronouns that stand for a
    /// person of no party. A label inside an unlisted party's name is dropped from `raw`.
    fn all_mentions(
        &self,
        text: &str,
        (seg, lower): (&Segmented, &LowerTokens),
        names: Vec<crate::matcher::Hit>,
        raw: &mut Vec<crate::matcher::Hit>,
    ) -> (Vec<Mention>, Vec<Party>, Vec<Mention>) {
        let mut mentions = self.actors.mentions(text, names, seg);
        let (unlisted, no_party) = self.unlisted_parties(text, seg, lower, &mut mentions);
        within_unlisted_names(raw, text, &mentions, self.lexicon.actors.len());
        crate::analysis::actors::acronyms_defined_here(
            text,
            &mut mentions,
            self.lexicon.actors.len(),
        );
        crate::analysis::titles::title_mentions(text, seg, lower, &mut mentions);
        let no_party =
            crate::analysis::actors::pronouns(text, seg, lower, &mut mentions, &no_party);
        (mentions, unlisted, no_party)
    }

    /// Links every term against the frames as they stand, then names the frames whose speaker
    /// is a label ("The Khawarij claimed ...") with the party that label was tied to, and, when
    /// there are such frames, links the terms again with them.
    fn link_terms(
        &self,
        text: &str,
        (seg, lower): (&Segmented, &LowerTokens),
        (unlisted, mentions): (&[Party], &[Mention]),
        voices: &mut Voices,
        term_hits: &[TermHit],
        story: Option<&Known>,
    ) -> attribution::Linked {
        let link = |voices: &Voices| {
            let cx = attribution::Context::new(
                text,
                seg,
                lower,
                &self.lexicon,
                unlisted,
                mentions,
                voices,
            )
            .in_story(story);
            let linked = attribution::link_all(&cx, term_hits);
            let by_label = attribution::speakers_by_label(&cx, term_hits, &linked.links);
            (linked, by_label)
        };
        let (linked, by_label) = link(voices);
        if by_label.is_empty() {
            return linked;
        }
        // The frames take those parties, and the terms are linked again with them.
        for (f, a, label) in by_label {
            voices.frames[f].speaker_actor = Some(a);
            voices.frames[f].resolved_from = Some(label);
        }
        link(voices).0
    }

    #[allow(clippy::too_many_arguments)]
    fn voice_for(
        &self,
        text: &str,
        seg: &Segmented,
        voices: &Voices,
        mentions: &[Mention],
        lower: &LowerTokens,
        hits: &[TermHit],
        i: usize,
    ) -> Decided {
        let h = &hits[i];
        let plain = |voice: Voice, rule: Cow<'static, str>| Decided {
            voice,
            rule,
            speaker: None,
            actor: None,
            frame: None,
            designation: None,
        };
        let base = voices.voice_of(seg, h.span);
        let toks = token_range(seg, h.span);
        // A designation names its designator: "U.S.-designated", "designated ... by Turkey".
        if base.voice != Voice::Quote
            && h.entry.kind != Kind::Attribution
            && let Some(d) = designated_voice(seg, mentions, lower, h, base.voice)
        {
            return d;
        }
        // "what it called", "what Moscow calls": a marker whose naming verb names its speaker is
        // the outlet's way of attributing the name (like a reporting verb); the name after it is
        // the namer's (see below).
        let naming_frame = |f: Option<usize>| f.filter(|&f| voices.frames[f].naming.is_some());
        if h.entry.kind == Kind::Distancing
            && base.voice != Voice::Quote
            && naming_frame(voices.frame_with_verb(h.span)).is_some()
        {
            return plain(
                Voice::Author,
                "naming marker chosen by the outlet (what X called)".into(),
            );
        }
        // A distancing marker itself ("so-called") in the narration is the outlet's own word:
        // the outlet holds what follows at arm's length (that is in scare voice, below).
        if h.entry.kind == Kind::Distancing && base.voice == Voice::Author {
            return plain(
                Voice::Author,
                "distancing marker in the narration: the outlet's own word".into(),
            );
        }
        // "so-called X": the words are held at arm's length. After "what X called" they are X's.
        if base.voice != Voice::Quote
            && naming_frame(base.frame).is_none()
            && h.entry.kind != Kind::Distancing
            && i > 0
            && hits[i - 1].entry.kind == Kind::Distancing
            && token_range(seg, hits[i - 1].span).end + 2 >= toks.start
        {
            let rule = format!("distancing marker '{}'", hits[i - 1].span.slice(text));
            return plain(Voice::Scare, rule.into());
        }
        let (speaker, actor) = match base.frame {
            Some(f) => {
                let fr = &voices.frames[f];
                // An agentless passive ("accused of ...") has an empty speaker: none.
                (
                    (!fr.speaker.is_empty()).then_some(fr.speaker),
                    fr.speaker_actor,
                )
            }
            None => (None, None),
        };
        Decided {
            speaker,
            actor,
            frame: base.frame,
            ..plain(base.voice, base.rule.into())
        }
    }
}

/// Drops the label matches that lie inside the name of an organisation the lexicon does not
/// list ("Martyrs" in "the Foundation of Martyrs and Veterans Affairs"): a word of a name is no
/// loaded use, as it is not in a listed name, which the matcher reads as one name before its
/// words. Only a name whose head ([`name_head`]) is an organisation's head noun
/// ([`crate::analysis::unlisted::is_organisation_head`]) and lies outside the match: a match
/// that holds the head ("Defeating Jihad", "Internal Security Forces") or a word glued to it by
/// a hyphen ("Countering-Jihad") stays a term, since the name may be no organisation's.
///
/// What it does not do: read the names of unlisted state organs (those become no party of
/// their own; "a Ministry of Martyrs' Affairs" keeps its term), nor of listed parties under a
/// new form of their name. `listed` is the number of actors the lexicon lists (unlisted
/// parties come after).
fn within_unlisted_names(
    raw: &mut Vec<crate::matcher::Hit>,
    text: &str,
    mentions: &[Mention],
    listed: usize,
) {
    let names: Vec<(Span, Span)> = mentions
        .iter()
        .filter(|m| m.actor >= listed && m.form == Form::Name)
        .filter_map(|m| name_head(text, m.span).map(|head| (m.span, head)))
        .filter(|(_, head)| crate::analysis::unlisted::is_organisation_head(head.slice(text)))
        .collect();
    if names.is_empty() {
        return;
    }
    raw.retain(|h| {
        !names.iter().any(|&(name, head)| {
            name.start <= h.span.start
                && h.span.end <= name.end
                && (head.end <= h.span.start || h.span.end <= head.start)
        })
    });
}

/// The head word of a name: the word before its first "of" or "for" ("Foundation" of
/// "Foundation of Martyrs", "Front" of "National Front for the Liberation of Angola"), else its
/// last word. Words are split at white space only: "Countering-Jihad" is one word, and no head.
fn name_head(text: &str, name: Span) -> Option<Span> {
    let words: Vec<Span> = name
        .slice(text)
        .split_whitespace()
        .map(|w| {
            let start = name.start + (w.as_ptr() as usize - text[name.start..].as_ptr() as usize);
            Span::new(start, start + w.len())
        })
        .collect();
    let of = words
        .iter()
        .position(|w| matches!(w.slice(text).to_lowercase().as_str(), "of" | "for"));
    match of {
        Some(0) => None,
        Some(i) => words.get(i - 1).copied(),
        None => words.last().copied(),
    }
}

/// The sentences (indices) that name a party, each with the party's type, in sentence order:
/// what `requires: party` looks up. A lexicon actor, one of its people (or a pronoun or title
/// standing for one), or a party the article names that no lexicon lists.
fn typed_sentences(
    seg: &Segmented,
    mentions: &[Mention],
    types: &[ActorType],
) -> Vec<(usize, ActorType)> {
    let mut v: Vec<(usize, ActorType)> = mentions
        .iter()
        .filter_map(|m| Some((seg.sentence_at(m.span.start)?, *types.get(m.actor)?)))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether sentence `s` names a party of a type `e` can describe (see [`typed_sentences`]).
fn names_a_party(e: &LabelEntry, s: usize, typed: &[(usize, ActorType)]) -> bool {
    let from = typed.partition_point(|&(k, _)| k < s);
    typed[from..]
        .iter()
        .take_while(|&&(k, _)| k == s)
        .any(|&(_, t)| e.allows(t))
}

/// The comma that opens an apposition closed by the comma at `close` (", the US-backed force
/// in the northeast,"): within 16 tokens before it, followed by a determiner, a relative word or
/// a word of inclusion.
fn apposition_before(lower: &LowerTokens, start: usize, close: usize) -> Option<usize> {
    let open = (start..close)
        .rev()
        .take(16)
        .find(|&k| lower.get(k) == ",")?;
    // An apposition opens with a determiner or a relative word; a parenthetical adjunct that
    // narrows or extends the object opens with a word of inclusion ("the West Bank, including
    // East Jerusalem, to be ...").
    let w = lower.get(open + 1);
    (crate::analysis::voice::APPOSITION_OPENERS.contains(w)
        || crate::analysis::voice::INCLUSION_WORDS.contains(w))
    .then_some(open)
}

/// The speech frames and the attribution relations of an article, as its JSON writes them.
fn speech_and_relations(
    text: &str,
    seg: &Segmented,
    voices: &Voices,
    mentions: &[Mention],
    designations: &[crate::analysis::speech::Designated],
    actor_id: impl Fn(usize) -> String + Copy,
) -> (Vec<SpeechOut>, Vec<AttributionOut>) {
    let relations = crate::analysis::speech::relations(text, seg, voices, designations);
    (
        speech_out(text, voices, mentions, actor_id),
        relations
            .iter()
            .map(|r| AttributionOut::new(text, r, actor_id))
            .collect(),
    )
}

/// The speech frames, for reports.
fn speech_out(
    text: &str,
    voices: &Voices,
    mentions: &[Mention],
    actor_id: impl Fn(usize) -> String,
) -> Vec<SpeechOut> {
    voices
        .frames
        .iter()
        .map(|f| SpeechOut {
            verb: f.verb.slice(text).to_owned(),
            start: f.verb.start,
            end: f.verb.end,
            speaker: f.speaker.slice(text).to_owned(),
            speaker_actor: f.speaker_actor.map(&actor_id),
            resolved_from: f.resolved_from.clone(),
            sentence: f.sentence,
            speaker_parties: joint_speakers(text, f.speaker, mentions)
                .into_iter()
                .map(&actor_id)
                .collect(),
        })
        .collect()
}

/// The parties of a speaker phrase that joins several speakers with "and" ("Russian President
/// Vladimir Putin and Turkish President Recep Tayyip Erdogan"), in order: each conjunct's party
/// by the first name, person or title it holds, else by its first adjective or people noun
/// ("Turkish officials"). Empty unless two conjuncts give two different parties: "Russia's
/// ambassador to the United Nations" is one speaker, however many parties it names.
fn joint_speakers(text: &str, speaker: Span, mentions: &[Mention]) -> Vec<usize> {
    let phrase = speaker.slice(text);
    // Conjuncts: the pieces of the phrase between the words "and".
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let lo = mentions.partition_point(|m| m.span.start < speaker.start);
    let within = &mentions[lo..];
    let within = &within[..within.partition_point(|m| m.span.end <= speaker.end)];
    // An "and" inside a name ("the Jammu and Kashmir Police") joins no speakers.
    let in_a_name = |at: usize| within.iter().any(|m| m.span.start < at && at < m.span.end);
    let ands: Vec<usize> = phrase
        .match_indices("and")
        .map(|(i, _)| i)
        .filter(|&i| !is_letter(phrase[..i].chars().next_back()))
        .filter(|&i| !is_letter(phrase[i + 3..].chars().next()))
        .filter(|&i| !in_a_name(speaker.start + i))
        .collect();
    if ands.is_empty() {
        return Vec::new();
    }
    let inside: Vec<&Mention> = within.iter().filter(|m| m.role.is_none()).collect();
    let cuts: Vec<usize> = std::iter::once(speaker.start)
        .chain(ands.iter().map(|i| speaker.start + i))
        .chain(std::iter::once(speaker.end))
        .collect();
    let mut out: Vec<usize> = Vec::new();
    for piece in cuts.windows(2) {
        let within: Vec<&&Mention> = inside
            .iter()
            .filter(|m| m.span.start >= piece[0] && m.span.end <= piece[1])
            .collect();
        let by = |forms: &[Form]| within.iter().find(|m| forms.contains(&m.form));
        let head = by(&[Form::Name, Form::Person, Form::Title])
            .or_else(|| by(&[Form::Adjective, Form::People]));
        if let Some(m) = head
            && !out.contains(&m.actor)
        {
            out.push(m.actor);
        }
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// The actor mentions, for reports (`n_actors` lexicon actors come before the article's own).
fn mentions_out(
    text: &str,
    mentions: &[Mention],
    n_actors: usize,
    actor_id: impl Fn(usize) -> String,
) -> Vec<MentionOut> {
    mentions
        .iter()
        .map(|m| MentionOut {
            actor: actor_id(m.actor),
            text: m.span.slice(text).to_owned(),
            start: m.span.start,
            end: m.span.end,
            form: m.form,
            role: m.role,
            near_miss_of: m.near_miss_of.clone(),
            antecedent: m.antecedent.clone(),
            actor_index: (m.actor < n_actors).then_some(m.actor),
        })
        .collect()
}

/// The strings that many hits of one article repeat, allocated once per article and shared:
/// an entry's id and category, and the text of a sentence (hits come in the order of the text,
/// so the sentence of the last hit is the one kept).
#[derive(Default)]
struct Shared<'a> {
    strings: FxHashMap<&'a str, Arc<str>>,
    sentence: Option<(usize, Arc<str>)>,
}

impl<'a> Shared<'a> {
    fn string(&mut self, s: &'a str) -> Arc<str> {
        Arc::clone(self.strings.entry(s).or_insert_with(|| Arc::from(s)))
    }

    /// The ids of the actors `xs`, by their names (`name`).
    fn ids(
        &mut self,
        xs: impl IntoIterator<Item = usize>,
        name: impl Fn(usize) -> &'a str,
    ) -> Vec<Arc<str>> {
        xs.into_iter().map(|a| self.string(name(a))).collect()
    }

    /// The id of actor `x`, if any.
    fn id(&mut self, x: Option<usize>, name: impl Fn(usize) -> &'a str) -> Option<Arc<str>> {
        x.map(|a| self.string(name(a)))
    }

    fn sentence(&mut self, i: usize, text: &str) -> Arc<str> {
        match &self.sentence {
            Some((j, t)) if *j == i => Arc::clone(t),
            _ => Arc::clone(&self.sentence.insert((i, Arc::from(text))).1),
        }
    }
}

/// The voice of a term, with its speaker and, for a designation, the relation it makes.
struct Decided {
    voice: Voice,
    rule: Cow<'static, str>,
    /// The speaker as written.
    speaker: Option<Span>,
    /// The speaker's actor.
    actor: Option<usize>,
    /// The frame the words are in, for a reporting frame's voice.
    frame: Option<usize>,
    designation: Option<crate::analysis::speech::Designated>,
}

impl Decided {
    /// The state an unnamed official speaker serves, by title and focus (`officials`, per
    /// frame, from [`attribution::Linked`]), when the words have a speaker and no named party.
    fn official(&self, officials: &[Option<usize>]) -> Option<usize> {
        self.frame
            .filter(|_| self.actor.is_none() && self.speaker.is_some())
            .and_then(|f| officials.get(f).copied().flatten())
    }
}

fn designated(
    h: &TermHit,
    designator: Option<Span>,
    actor: Option<usize>,
    verb: Option<Span>,
    rule: &'static str,
) -> crate::analysis::speech::Designated {
    crate::analysis::speech::Designated {
        term: h.span,
        designator,
        actor,
        verb,
        sentence: h.sentence,
        rule,
    }
}

/// The voice a designation gives a term: reported, with the designator as speaker, when one is
/// named ("U.S.-designated", "designated ... by Turkey"); the author's when none is named and
/// the term is not in someone's words already. Records the relation.
fn designated_voice(
    seg: &Segmented,
    mentions: &[Mention],
    lower: &LowerTokens,
    h: &TermHit,
    base: Voice,
) -> Option<Decided> {
    let reported = |rule: &'static str, sp: Span, actor: Option<usize>, verb: Option<Span>| {
        Some(Decided {
            voice: Voice::Reported,
            rule: rule.into(),
            speaker: Some(sp),
            actor,
            frame: None,
            designation: Some(designated(h, Some(sp), actor, verb, rule)),
        })
    };
    let near = Span::new(h.span.start.saturating_sub(64), h.span.start);
    if let Some(m) = mentions[crate::analysis::mention::starting_within(mentions, near)]
        .iter()
        .find(|m| {
            m.role == Some(Role::Designator)
                && m.compound
                    .is_some_and(|c| c.end <= h.span.start && h.span.start - c.end <= 2)
        })
    {
        // The cue is the compound's suffix: "-designated" of "U.S.-designated".
        let verb = m.compound.map(|c| Span::new(m.span.end, c.end));
        let rule = "designation with a named designator (X-designated)";
        return reported(rule, m.span, Some(m.actor), verb);
    }
    let toks = token_range(seg, h.span);
    let sent = seg.sentences[h.sentence].tokens.clone();
    match designation(seg, mentions, lower, toks, sent)? {
        Designation::By(rule, sp, actor, verb) => reported(rule, sp, actor, Some(verb)),
        Designation::Unnamed(verb) if matches!(base, Voice::Reported | Voice::Author) => {
            let rule = "designation with no designator named";
            Some(Decided {
                voice: Voice::Author,
                rule: rule.into(),
                speaker: None,
                actor: None,
                frame: None,
                designation: Some(designated(h, None, None, Some(verb), rule)),
            })
        }
        Designation::Unnamed(_) => None,
    }
}

/// What a designation construction says about who designates.
enum Designation {
    /// A named designator: the rule, the designator's span, its actor, the verb's span.
    By(&'static str, Span, Option<usize>, Span),
    /// "designated as a terrorist organization" with no designator named: the verb's span.
    Unnamed(Span),
}

/// Finds a designation governing the term at `toks`: a designation verb at most eight tokens
/// before it in the same clause. Passive with "by X" (before or after the term) or active with a
/// subject actor ("The United States designated the group a terrorist organization", "which
/// the EU lists as ...") names the designator; a passive with no agent names none.
fn designation(
    seg: &Segmented,
    mentions: &[Mention],
    lower: &LowerTokens,
    toks: std::ops::Range<usize>,
    sent: std::ops::Range<usize>,
) -> Option<Designation> {
    let (dv, re_prefix) = designation_verb(seg, lower, &toks, &sent)?;
    let verb = seg.tokens[dv].span;
    if let Some(by) = by_designator(seg, mentions, lower, &toks, &sent, dv) {
        return Some(by);
    }
    // Walk back over adverbs and auxiliaries to what precedes the verb.
    static AUX: WordSet = WordSet::new(&[
        "also",
        "formally",
        "officially",
        "has",
        "have",
        "had",
        "already",
        "long",
        "still",
    ]);
    let mut b = if re_prefix { dv - 2 } else { dv };
    while b > sent.start && AUX.contains(lower.get(b - 1)) {
        b -= 1;
    }
    let passive = b > sent.start && words::BE_FORMS.contains(lower.get(b - 1));
    if passive {
        return Some(
            in_jurisdictions(seg, mentions, lower, toks, sent, verb)
                .unwrap_or(Designation::Unnamed(verb)),
        );
    }
    // "The United States, Israel's closest ally, has designated ...": skip an apposition.
    if b > sent.start
        && lower.get(b - 1) == ","
        && let Some(open) = (sent.start..b - 1)
            .rev()
            .take(12)
            .find(|&k| lower.get(k) == ",")
    {
        b = open;
    }
    if b == sent.start {
        return None;
    }
    active_designator(seg, mentions, lower, sent.start, b, verb)
}

/// Words that mark a stretch as no part of a designation's noun phrases.
fn is_designation_stop(w: &str) -> bool {
    matches!(w, "," | "." | ";" | ":" | "—" | "–" | "(" | ")")
}

/// The designation verb governing the term at `toks`: at most eight tokens before it in the
/// same clause (an apposition between commas after the object passed over, once), with only
/// its object noun phrase between them, and whether it is written "re-designated". None for a
/// compound ("U.S.-designated", read from the actor mention's role).
fn designation_verb(
    seg: &Segmented,
    lower: &LowerTokens,
    toks: &std::ops::Range<usize>,
    sent: &std::ops::Range<usize>,
) -> Option<(usize, bool)> {
    let mut k = toks.start;
    // "considers the SDF, the US-backed force in the northeast, to be a terrorist group": an
    // apposition between commas after the object is passed over, once.
    let mut skipped = 0;
    let mut apposition = 0..0;
    let dv = loop {
        if k > sent.start
            && skipped == 0
            && lower.get(k - 1) == ","
            && let Some(open) = apposition_before(lower, sent.start, k - 1)
        {
            skipped = k - open;
            apposition = open..k;
            k = open;
            continue;
        }
        if k == sent.start || toks.start - k >= 8 + skipped || is_designation_stop(lower.get(k - 1))
        {
            return None;
        }
        if crate::analysis::voice::DESIGNATION_VERBS.contains(lower.get(k - 1)) {
            break k - 1;
        }
        k -= 1;
    };
    // The term must be the designation's complement: only its object noun phrase may stand
    // between ("designated the group a terrorist organization"), not another clause.
    let clause_word = |t: usize| {
        seg.tokens[t].kind == TokenKind::Number
            || matches!(
                lower.get(t),
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "and"
                    | "but"
                    | "which"
                    | "who"
                    | "that"
            )
    };
    if (dv + 1..toks.start).any(|t| !apposition.contains(&t) && clause_word(t)) {
        return None;
    }
    let re_prefix = dv >= sent.start + 2 && lower.get(dv - 1) == "-" && lower.get(dv - 2) == "re";
    if dv > sent.start && lower.get(dv - 1) == "-" && !re_prefix {
        return None;
    }
    Some((dv, re_prefix))
}

/// The actor a span holds, if any.
fn actor_in(mentions: &[Mention], sp: Span) -> Option<usize> {
    mentions[crate::analysis::mention::starting_within(mentions, sp)]
        .iter()
        .find(|m| sp.contains(m.span))
        .map(|m| m.actor)
}

/// "designated ... by X (and Y)": the agent after "by", between the verb at `dv` and the term,
/// or right after the term.
fn by_designator(
    seg: &Segmented,
    mentions: &[Mention],
    lower: &LowerTokens,
    toks: &std::ops::Range<usize>,
    sent: &std::ops::Range<usize>,
    dv: usize,
) -> Option<Designation> {
    let by = (dv + 1..toks.start)
        .find(|&t| lower.get(t) == "by")
        .or_else(|| (toks.end < sent.end && lower.get(toks.end) == "by").then_some(toks.end))?;
    let limit = if by >= toks.end { sent.end } else { toks.start };
    let mut e = by + 1;
    while e < limit
        && !is_designation_stop(lower.get(e))
        && !matches!(lower.get(e), "as" | "a" | "an")
    {
        e += 1;
    }
    (e > by + 1).then(|| {
        let sp = Span::new(seg.tokens[by + 1].span.start, seg.tokens[e - 1].span.end);
        Designation::By(
            "designation with a named designator (designated ... by X)",
            sp,
            actor_in(mentions, sp),
            seg.tokens[dv].span,
        )
    })
}

/// An active designation's designator: the actor (or conjoined actors) ending right before
/// token `b`, or the subject of a relative clause whose object is the relative pronoun ("the
/// KLF, which Brussels designated as ..."), named even when it is not a known actor.
fn active_designator(
    seg: &Segmented,
    mentions: &[Mention],
    lower: &LowerTokens,
    sent_start: usize,
    b: usize,
    verb: Span,
) -> Option<Designation> {
    let ends_at = |t: usize| {
        let end = seg.tokens[t].span.end;
        let lo = mentions.partition_point(|m| m.span.end < end);
        mentions[lo..]
            .iter()
            .take_while(|m| m.span.end == end)
            .last()
    };
    let Some(last) = ends_at(b - 1) else {
        let g = (sent_start..b - 1)
            .rev()
            .take(4)
            .take_while(|&t| seg.tokens[t].kind != TokenKind::Punct)
            .find(|&t| matches!(lower.get(t), "which" | "that" | "whom" | "what"))?;
        let sp = Span::new(seg.tokens[g + 1].span.start, seg.tokens[b - 1].span.end);
        return Some(Designation::By(
            "designation by the subject of a relative clause (which X designated)",
            sp,
            actor_in(mentions, sp),
            verb,
        ));
    };
    let mut start = last.span.start;
    // Extend over "X and Y", "X, Y and Z".
    let mut t = crate::text::token_at(seg, start)?;
    while t >= sent_start + 2 && matches!(lower.get(t - 1), "and" | ",") {
        match ends_at(t - 2) {
            Some(m) => {
                start = m.span.start;
                t = crate::text::token_at(seg, start)?;
            }
            None => break,
        }
    }
    let sp = Span::new(start, last.span.end);
    Some(Designation::By(
        "designation by a named actor (X designated ... as)",
        sp,
        Some(last.actor),
        verb,
    ))
}

/// "proscribed as a terrorist organisation in the UK, the US and the EU": a passive designation
/// whose designators are the jurisdictions after "in".
fn in_jurisdictions(
    seg: &Segmented,
    mentions: &[Mention],
    lower: &LowerTokens,
    toks: std::ops::Range<usize>,
    sent: std::ops::Range<usize>,
    verb: Span,
) -> Option<Designation> {
    if toks.end + 1 >= sent.end || lower.get(toks.end) != "in" {
        return None;
    }
    let mut e = toks.end + 1;
    while e < sent.end && e - toks.end <= 10 && !matches!(lower.get(e), "." | ";" | ":" | "—" | "–")
    {
        e += 1;
    }
    let sp = Span::new(
        seg.tokens[toks.end + 1].span.start,
        seg.tokens[e - 1].span.end,
    );
    let inside: Vec<&Mention> = mentions[crate::analysis::mention::starting_within(mentions, sp)]
        .iter()
        .filter(|m| sp.contains(m.span))
        .collect();
    let first = inside.first()?;
    // The list of jurisdictions ends at its last actor ("the UK, the US and the EU, lost ...").
    let last = inside.iter().map(|m| m.span.end).max().unwrap_or(sp.end);
    Some(Designation::By(
        "designation in named jurisdictions (proscribed in X)",
        Span::new(sp.start, last),
        Some(first.actor),
        verb,
    ))
}

/// A negating word within four tokens before the term (not across a preposition), or a verb of
/// denial whose words contain the term.
fn negation(
    seg: &Segmented,
    lower: &LowerTokens,
    span: Span,
    sentence: usize,
    voices: &Voices,
) -> (bool, Option<String>) {
    let toks = token_range(seg, span);
    let start = seg.sentences[sentence].tokens.start;
    let from = toks.start.saturating_sub(4).max(start);
    for t in (from..toks.start).rev() {
        let w = lower.get(t);
        // A preposition ends the reach of a negator: "no place for terrorists".
        if matches!(
            w,
            "," | ";"
                | "."
                | "but"
                | "for"
                | "of"
                | "in"
                | "on"
                | "at"
                | "with"
                | "to"
                | "from"
                | "by"
        ) {
            break;
        }
        if NEGATORS.contains(w) || DENIALS.contains(w) || w.ends_with("n't") {
            return (true, Some(w.to_owned()));
        }
    }
    if let Some(f) = voices.voice_of(seg, span).frame {
        let verb = lower.get(token_range(seg, voices.frames[f].verb).start);
        if DENIALS.contains(verb) {
            return (true, Some(verb.to_owned()));
        }
    }
    (false, None)
}

/// The mean of stances, or None for none.
pub(crate) fn mean(v: &[i8]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64)
}

fn profile(hits: &[Hit], mentions: &[MentionOut], words: usize, sentences: usize) -> Profile {
    let mut p = Profile {
        words,
        sentences,
        hits: hits.len(),
        density: if words == 0 {
            0.0
        } else {
            hits.len() as f64 * 1000.0 / words as f64
        },
        ..Profile::default()
    };
    let mut stances: BTreeMap<String, (Vec<i8>, Vec<i8>)> = BTreeMap::new();
    for h in hits {
        *p.by_term.entry(h.term.to_string()).or_default() += 1;
        *p.by_category.entry(h.category.to_string()).or_default() += 1;
        *p.by_voice.entry(h.voice).or_default() += 1;
        for a in &h.actors {
            let ap = p.by_actor.entry(a.to_string()).or_default();
            ap.hits += 1;
            *ap.by_voice.entry(h.voice).or_default() += 1;
            if h.counts_in_stance() {
                let st = stances.entry(a.to_string()).or_default();
                if h.voice == Voice::Author {
                    st.0.push(h.stance);
                } else {
                    st.1.push(h.stance);
                }
            }
        }
    }
    for m in mentions {
        p.by_actor.entry(m.actor.clone()).or_default().mentions += 1;
    }
    for (a, (au, ot)) in stances {
        if let Some(ap) = p.by_actor.get_mut(&a) {
            ap.author_stance = mean(&au);
            ap.others_stance = mean(&ot);
        }
    }
    p
}

/// The person mentions of an unlisted party `u`, added to `mentions` as mentions of listed
/// actor `actor`'s people: a titled person the text places in that actor, or one of the people
/// of a listed party under another form of its name.
fn people_as_mentions(
    u: &crate::analysis::unlisted::Unlisted,
    actor: usize,
    mentions: &mut Vec<Mention>,
) {
    use crate::analysis::unlisted::UnlistedForm;
    for um in u.mentions.iter().filter(|m| m.form == UnlistedForm::Person) {
        let person = um
            .person
            .and_then(|p| u.people.get(p))
            .map(|p| p.name.clone());
        mentions.push(Mention {
            span: um.span,
            actor,
            form: Form::Person,
            person: person.or_else(|| Some(u.name.clone())),
            role: None,
            compound: None,
            near_miss_of: None,
            antecedent: None,
        });
    }
}

/// Per label entry of `an`'s lexicon, the one party the entry's forms name, when they all do:
/// each form names that party and no other ("Pakistan-occupied Kashmir"), or is one word written
/// as an acronym ([`crate::text::is_acronym`]: "PoK", "PoJK"), taken for an abbreviation of the
/// others (its letters are not checked against their initials). A term written as the acronym
/// then names the party as the full form does. An entry with a
/// regex, with a form that names no party and is no abbreviation ("militias"), or whose forms
/// name different parties ("YPG/PKK"), names none.
fn named_parties(an: &Analyzer) -> Vec<Option<usize>> {
    an.lexicon
        .labels
        .iter()
        .map(|e| {
            if e.regex.is_some() {
                return None;
            }
            let mut named = None;
            for f in &e.forms {
                let seg = segment(f);
                let mut actors: Vec<usize> =
                    an.actor_mentions(f, &seg).iter().map(|m| m.actor).collect();
                actors.dedup();
                match actors[..] {
                    [] => {
                        if f.contains(char::is_whitespace) || !crate::text::is_acronym(f) {
                            return None;
                        }
                    }
                    [a] if named.is_none_or(|n| n == a) => named = Some(a),
                    _ => return None,
                }
            }
            named
        })
        .collect()
}

/// The speaker of the frame whose verb is at `verb`, as written, with the earlier phrase it was
/// resolved to in brackets ("He (Erdogan)").
fn framed_speaker(text: &str, voices: &Voices, verb: Span) -> Option<String> {
    let fr = &voices.frames[voices.frame_with_verb(verb)?];
    let sp = fr.speaker.slice(text);
    Some(match &fr.resolved_from {
        Some(r) => format!("{sp} ({r})"),
        None => sp.to_owned(),
    })
}

/// The words of a segmented text, numbers included.
fn word_count(seg: &Segmented) -> usize {
    seg.tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A speaker that joins speakers of different parties with "and" gives each party; one
    /// speaker gives none, however many parties its words name. (sentence, parties)
    #[test]
    fn joint_speakers_give_each_party() {
        let an = Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        let rows: &[(&str, &[&str])] = &[
            (
                "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan \
                 stressed the need for calm.",
                &["russia", "turkey"],
            ),
            (
                "Turkish officials and Iranian diplomats said the talks went well.",
                &["turkey", "iran"],
            ),
            // Non-ASCII before the conjunction: the pieces are cut at byte offsets.
            (
                "Hakan Fidan of Türkiye and Antony Blinken said the call was useful.",
                &["turkey", "united-states"],
            ),
            (
                "Russia's ambassador to the United Nations said the vote was unfair.",
                &[],
            ),
            ("Putin and the Kremlin said the talks went well.", &[]),
            ("Erdogan and his aides said the talks went well.", &[]),
            // An "and" inside a name joins no one.
            (
                "The Jammu and Kashmir Police and Pakistan's army said the talks failed.",
                &["india", "pakistan"],
            ),
            ("Sandra Anderson said the talks went well.", &[]),
        ];
        for (text, want) in rows {
            let art = an.analyze("t", text);
            let got: Vec<&str> = art
                .speech
                .iter()
                .flat_map(|s| s.speaker_parties.iter().map(String::as_str))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn an_entry_names_a_party_when_every_form_names_it_or_abbreviates_one_that_does() {
        let yaml = "actors:
  - {id: pk, name: Pakistan, type: state, adjectives: [Pakistani]}
  - {id: in, name: India, type: state}
categories: [loaded]
labels:
  - {id: pok, forms: [Pakistan-occupied Kashmir, PoK, PoJK], category: loaded, stance: -2, kind: act}
  - {id: generic, forms: [Pakistani militias, militias], category: loaded, stance: -1, kind: label}
  - {id: two, forms: [India-Pakistan war, IPW], category: loaded, stance: -1, kind: act}
  - {id: none, forms: [terrorists, TTP-like], category: loaded, stance: -2, kind: label}
";
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = Analyzer::new(lex).unwrap();
        let named: Vec<(&str, Option<&str>)> = an
            .lexicon
            .labels
            .iter()
            .zip(&an.named)
            .map(|(e, n)| (e.id.as_str(), n.map(|a| an.lexicon.actors[a].id.as_str())))
            .collect();
        assert_eq!(
            named,
            [
                ("pok", Some("pk")),
                // A form that names no party and is no abbreviation.
                ("generic", None),
                // Two parties in one form.
                ("two", None),
                ("none", None),
            ]
        );
    }

    /// A word of an unlisted organisation's name is no loaded term; a capitalised phrase that
    /// names no organisation, and a match that holds the name's head, keep their terms.
    #[test]
    fn words_of_an_unlisted_organisations_name_are_no_terms() {
        let an = Analyzer::new(Lexicon::bundled().expect("bundled lexicons load")).unwrap();
        // (text, term, whether it is a hit)
        let rows: &[(&str, &str, bool)] = &[
            (
                "Toll rises\nMore than 1,060 people died, according to the Foundation of \
                 Martyrs and Veterans Affairs. The Foundation of Martyrs and Veterans Affairs \
                 said more were missing.",
                "Martyrs",
                false,
            ),
            (
                "Exiles\nHis sisters joined the Ethiopian People's Revolutionary Party. The \
                 Ethiopian People's Revolutionary Party went underground.",
                "Revolutionary",
                false,
            ),
            // A word glued to the head by a hyphen: "Countering-Jihad" is no head.
            (
                "Plan\nThe Countering-Jihad Strategy was published. Critics said the \
                 Countering-Jihad Strategy would fail.",
                "Jihad",
                true,
            ),
            // The match holds the name's head: the name may be no organisation's.
            (
                "Raid\nThe Internal Security Forces arrested three men. The Internal Security \
                 Forces said they were armed.",
                "Security Forces",
                true,
            ),
            // The head before "for".
            (
                "Angola\nThe National Front for the Liberation of Angola fought on. The \
                 National Front for the Liberation of Angola later disarmed.",
                "Liberation",
                false,
            ),
            // Outside the name, the same word is a term.
            (
                "Toll rises\nThe Foundation of Martyrs and Veterans Affairs said the martyrs \
                 were buried.",
                "martyrs",
                true,
            ),
        ];
        for &(text, term, hit) in rows {
            let a = an.analyze("t", text);
            let found = a.hits.iter().any(|h| h.text == term);
            assert_eq!(found, hit, "{term:?} in {text:?}: hits {:?}", a.hits);
        }
    }
}
