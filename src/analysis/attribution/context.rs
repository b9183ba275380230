//! What the rules read: the `Context` of an article (its segmentation, mentions, voices and
//! lexicon, with what is computed once for every term), the `Term` a rule links (its entry, its
//! sentence and clause, its phrase), the `Link` a rule makes and the readings of a phrase that
//! several rules share: its possessor, its head, the actor nearest it in its clause, the
//! descriptions the article ties to parties.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::analysis::discourse::{Candidate, Party};
use crate::analysis::heads::{self, Head, Referent};
use crate::analysis::mention::{Form, Mention, Role, starting_within};
use crate::analysis::opponents::{OPPOSING, SUPPORT_VERBS, is_attack, supports_subject};
use crate::analysis::titles::Known;
use crate::analysis::voice::Voices;
use crate::analysis::words::BE_FORMS;
use crate::analysis::words::{CLAUSE_WORDS, is_auxiliary};
use crate::lexicon::{ActorType, Kind, LabelEntry, Lexicon};
use crate::text::token_range;
use crate::text::{LowerTokens, Segmented, Span, TokenKind, WordSet};

/// The rule that tied a term to its actor(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRule {
    /// An attribution verb describes the speaker of its frame.
    SpeakerOfVerb,
    /// An act in reported words whose subject stands for the speaker is the speaker's.
    SpeakerSubject,
    /// An actor named in the term's own noun phrase ("Assad's regime", "HTS fighters").
    SamePhrase,
    /// An act charged with a verb of accusing is the accused's.
    AccusedOf,
    /// A group term owned or backed by a patron state describes its proxies.
    Proxy,
    /// A group noun owned by a party names that party's forces or members.
    Possessor,
    /// The object of a naming verb ("Turkey considers the SDF a terrorist group").
    ObjectComplement,
    /// The subject of a copula ("HTS is a militant group").
    Copula,
    /// The anchor of an apposition ("HTS, a militant group").
    Apposition,
    /// The party designated ("the PKK, which has been designated as a terrorist group").
    Designation,
    /// The antecedent of a relative clause the term stands in ("the PKK, which ...").
    RelativeClause,
    /// The nearest compatible actor in the clause, with its conjuncts.
    Coordination,
    /// The nearest compatible actor in the clause, alone.
    NearestInClause,
    /// A side's name for a party, recorded in the lexicon ("Khawarij"), in that side's conflict.
    Epithet,
    /// A distancing marker ("so-called") takes the actors of the words after it.
    DistancedPhrase,
    /// A shortened name or title of a party the article names ("the caravan").
    HeadMatch,
    /// The actor the term's entry was last tied to in the sentences just before; or what the
    /// term refers back to: a statement and its speaker ("the claims"), or an act said of
    /// "this" or "these" ("These are war crimes").
    CarriedOver,
    /// The party the article ties the same description to by a defining rule.
    SameDescription,
    /// "Each other", "each side": the two sides the article sets against each other.
    Reciprocal,
    /// The most salient compatible party of the article's discourse model.
    Salience,
    /// No compatible party is in focus: an unnamed party of the article.
    UnnamedParty,
    /// Re-tied across a story's articles to the party another article names in the same role.
    Story,
    /// No actor.
    None,
}

impl LinkRule {
    /// The rule's name as the outputs and `--explain` write it (`same_phrase`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkRule::SpeakerOfVerb => "speaker_of_verb",
            LinkRule::SpeakerSubject => "speaker_subject",
            LinkRule::SamePhrase => "same_phrase",
            LinkRule::AccusedOf => "accused_of",
            LinkRule::Proxy => "proxy",
            LinkRule::Possessor => "possessor",
            LinkRule::ObjectComplement => "object_complement",
            LinkRule::Copula => "copula",
            LinkRule::Apposition => "apposition",
            LinkRule::Designation => "designation",
            LinkRule::RelativeClause => "relative_clause",
            LinkRule::Coordination => "coordination",
            LinkRule::NearestInClause => "nearest_in_clause",
            LinkRule::Epithet => "epithet",
            LinkRule::DistancedPhrase => "distanced_phrase",
            LinkRule::HeadMatch => "head_match",
            LinkRule::CarriedOver => "carried_over",
            LinkRule::SameDescription => "same_description",
            LinkRule::Reciprocal => "reciprocal",
            LinkRule::Salience => "salience",
            LinkRule::UnnamedParty => "unnamed_party",
            LinkRule::Story => "story",
            LinkRule::None => "none",
        }
    }
}

/// The actors of one term and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The actors: indices into the lexicon's actors, then the article's unlisted parties, then
    /// its unnamed ones.
    pub actors: Vec<usize>,
    /// The rule that tied them.
    pub rule: LinkRule,
    /// What the rule saw, as `--explain` prints it.
    pub detail: String,
}

impl Link {
    pub(super) fn none() -> Link {
        Link {
            actors: Vec::new(),
            rule: LinkRule::None,
            detail: "no compatible actor found".into(),
        }
    }
}

/// A term found in the text, as attribution needs it.
pub struct TermHit<'a> {
    /// The term's bytes in the article.
    pub span: Span,
    /// The lexicon entry it matched.
    pub entry: &'a LabelEntry,
    /// Index of its sentence in the segmentation.
    pub sentence: usize,
    /// The one party the entry's forms name, when they all do: an abbreviated form ("PoK")
    /// names it as the full form ("Pakistan-occupied Kashmir") does.
    pub named: Option<usize>,
}

pub(super) static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "any", "this", "that", "these", "those", "such", "some", "many", "several",
    "other", "its", "their", "his", "her", "our", "all", "both", "two", "three", "various", "most",
    "same",
]);
/// How many tokens after an act its patient's noun may stand ([`Term::patient`]).
pub(super) const PATIENT_REACH: usize = 7;
pub(super) static ANAPHORIC: WordSet = WordSet::new(&["such", "these", "those", "same"]);
pub(super) static POSSESSIVE_PRONOUNS: WordSet = WordSet::new(&["its", "their"]);
pub(super) static COPULA: WordSet = WordSet::new(&[
    "is", "was", "are", "were", "remains", "remain", "became", "becomes", "become",
]);
/// A clause boundary: `;`, `:`, a dash or a word that opens a subordinate clause.
pub(super) fn is_clause_boundary(w: &str) -> bool {
    matches!(w, ";" | ":" | "—" | "–") || opens_subordinate(w)
}

/// Whether `w` (lower case) opens a subordinate clause: one of [`CLAUSE_WORDS`], "until" or
/// "since".
pub(super) fn opens_subordinate(w: &str) -> bool {
    CLAUSE_WORDS.contains(w) || matches!(w, "until" | "since")
}

/// Endings of adjectives ("-al", "-ic", "-ous"): suffixes, read with `ends_with`, not a word list.
pub(super) const ADJECTIVE_ENDINGS: &[&str] = &[
    "ed", "ic", "al", "ive", "ous", "ist", "ian", "ish", "ese", "ern", "ant", "ent", "ary", "ful",
    "less", "ble", "ing", "led",
];
pub(super) static NOT_ADJECTIVE: WordSet = WordSet::new(&[
    "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "is", "was",
    "are", "were", "be", "been", "being", "has", "have", "had", "said", "which", "who", "that",
    "as", "not", "led",
]);

/// Everything attribution looks at.
pub struct Context<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its paragraphs, sentences and tokens.
    pub seg: &'a Segmented,
    /// The lexicons the article is analysed with.
    pub lex: &'a Lexicon,
    /// The parties the article names that no lexicon lists; actor index `lex.actors.len() + i`
    /// is `unlisted[i]`.
    pub unlisted: &'a [Party],
    /// The mentions of parties, in text order.
    pub mentions: &'a [Mention],
    /// The speech frames and quotations, and the voice of every token.
    pub voices: &'a Voices,
    /// The names the other articles of the story give lexicon actors, when the article is read
    /// as one of a story (see `crate::analysis::titles`).
    pub story: Option<&'a Known>,
    pub(super) lower: &'a LowerTokens,
    pub(super) mention_at: Vec<Option<usize>>,
    /// `tokens[m]`: the first token of mention `m` and the last token of it with its compound
    /// (see [`Context::first_token`] and [`Context::last_token`]), computed once.
    pub(super) tokens: Vec<(usize, usize)>,
    /// `place[m]`: whether mention `m` is a name read as a place ([`Context::is_place`]).
    pub(super) place: Vec<bool>,
    /// `boundary[t]`: whether token `t` is a clause boundary ([`is_clause_boundary`]), read the
    /// first time [`Context::clause_of`] passes it.
    boundary: Vec<std::cell::OnceCell<bool>>,
}

impl<'a> Context<'a> {
    /// The context of one article, with the token of every mention and which mentions name
    /// places computed once.
    pub fn new(
        text: &'a str,
        seg: &'a Segmented,
        lower: &'a LowerTokens,
        lex: &'a Lexicon,
        unlisted: &'a [Party],
        mentions: &'a [Mention],
        voices: &'a Voices,
    ) -> Self {
        let mut mention_at = vec![None; seg.tokens.len()];
        let mut tokens = Vec::with_capacity(mentions.len());
        for (mi, m) in mentions.iter().enumerate() {
            let whole = token_range(seg, m.compound.unwrap_or(m.span));
            let first = match m.compound {
                Some(_) => token_range(seg, m.span).start,
                None => whole.start,
            };
            tokens.push((first, whole.end.saturating_sub(1).max(whole.start)));
            for t in whole {
                mention_at[t] = Some(mi);
            }
        }
        let place = mentions
            .iter()
            .map(|m| heads::mention_reads_as_place(text, seg, lower, m))
            .collect();
        Context {
            text,
            seg,
            lex,
            unlisted,
            mentions,
            voices,
            story: None,
            lower,
            mention_at,
            tokens,
            place,
            boundary: vec![std::cell::OnceCell::new(); seg.tokens.len()],
        }
    }

    /// The same context, for an article read as one of a story whose names are `story`.
    pub fn in_story(self, story: Option<&'a Known>) -> Self {
        Context { story, ..self }
    }

    pub(super) fn w(&self, t: usize) -> &str {
        self.lower.get(t)
    }
    pub(super) fn actor_type(&self, m: usize) -> ActorType {
        self.type_of(self.mentions[m].actor)
    }
    /// The type of an actor: a lexicon actor, or a party the article names but no lexicon lists.
    pub(super) fn type_of(&self, a: usize) -> ActorType {
        match self.lex.actors.get(a) {
            Some(x) => x.actor_type,
            None => self.unlisted[a - self.lex.actors.len()].actor_type,
        }
    }
    /// What a head noun can tell of an actor (see [`crate::analysis::heads`]).
    pub(super) fn referent(&self, a: usize) -> Referent {
        Referent::of(self.lex.actors.get(a), self.type_of(a))
    }
    /// The party a person listed as an actor is part of (the lexicon's `part_of`).
    pub(super) fn part_of(&self, a: usize) -> Option<usize> {
        let id = self.lex.actors.get(a)?.part_of.as_ref()?;
        self.lex.actors.iter().position(|x| &x.id == id)
    }
    pub(super) fn name(&self, actor: usize) -> &str {
        match self.lex.actors.get(actor) {
            Some(x) => &x.name,
            None => &self.unlisted[actor - self.lex.actors.len()].name,
        }
    }

    pub(super) fn mention_text(&self, m: usize) -> &str {
        self.mentions[m].span.slice(self.text)
    }
    pub(super) fn compatible(&self, e: &LabelEntry, m: usize) -> bool {
        // A party's people are its population, not the party: "two Ukrainians" are no
        // "occupiers" nor "regime".
        let fits = if self.population_reading(m) {
            e.allows(ActorType::Population)
        } else {
            e.allows(self.actor_type(m))
        };
        fits && !matches!(self.mentions[m].role, Some(Role::Backer | Role::Designator))
    }

    /// Whether mention `m` names a party's people rather than the party: a state's people
    /// ("Iranians"), or an adjective on a population noun ("Kurdish civilians", "two Lebanese
    /// citizens"). It is then compatible with a term about a population, and no agent of an
    /// act by proximity.
    pub(super) fn population_reading(&self, m: usize) -> bool {
        match self.mentions[m].form {
            Form::People => true,
            Form::Adjective => {
                let next = self.last_token(m) + 1;
                // (The cheap test first: this runs for every adjective a rule weighs.)
                next < self.lower.len()
                    && heads::is_plural(self.w(next))
                    && heads::class_of(self.w(next)) == Some(heads::Class::Collective)
            }
            _ => false,
        }
    }

    /// A country named as a place ("in northern Syria", "the border with Mali"), not as a
    /// party ([`heads::mention_reads_as_place`]).
    pub(super) fn is_place(&self, m: usize) -> bool {
        self.place[m]
    }

    /// The word before mention `m` in its sentence, past "the" and the words of a region
    /// ("on South Lebanon", "in the occupied West Bank"): the preposition that says what the
    /// mention is to the clause.
    pub(super) fn word_before_region(&self, m: usize) -> Option<&str> {
        let start = self
            .seg
            .sentence_at(self.mentions[m].span.start)
            .map_or(0, |s| self.seg.sentences[s].tokens.start);
        let mut t = self.first_token(m);
        while t > start {
            let w = self.w(t - 1);
            if !heads::is_region_word(w) {
                return Some(w);
            }
            t -= 1;
        }
        None
    }
    /// The first token of mention `m` (without its compound).
    pub(super) fn first_token(&self, m: usize) -> usize {
        self.tokens[m].0
    }
    /// The last token of mention `m` with its compound.
    pub(super) fn last_token(&self, m: usize) -> usize {
        self.tokens[m].1
    }

    /// The mentions coordinated with `m` ("Turkey and the US", "Syrian-Russian", and two
    /// parties' adjectives with their head nouns: "Malian soldiers and Russian mercenaries"), in
    /// order.
    pub(super) fn conjuncts(&self, m: usize) -> Vec<usize> {
        let joiner = |a: usize, b: usize| -> bool {
            // tokens strictly between mention a's end and mention b's start
            let from = self.last_token(a) + 1;
            let to = self.first_token(b);
            if from > to || to - from > 3 {
                return false;
            }
            let mut words: Vec<&str> = (from..to).map(|t| self.w(t)).collect();
            // "Malian soldiers and Russian mercenaries", "the Malian junta and its Russian
            // allies": a party's adjective with its head noun, joined to another's.
            if self.mentions[a].form == Form::Adjective
                && self.mentions[b].form == Form::Adjective
                && let Some(and) = words.iter().position(|w| *w == "and")
                && (1..=2).contains(&and)
                && words[..and].iter().all(|w| {
                    w.chars().all(char::is_alphabetic)
                        && !w.ends_with("ed")
                        && !is_clause_boundary(w)
                })
            {
                words.drain(..and);
                if words.len() == 2 && matches!(words[1], "its" | "their") {
                    words.pop();
                }
            }
            words
                .iter()
                .any(|w| matches!(*w, "and" | "," | "-" | "/" | "&" | "or"))
                && words
                    .iter()
                    .all(|w| matches!(*w, "and" | "," | "-" | "/" | "&" | "or" | "the" | "both"))
        };
        let mut group = vec![m];
        let mut i = m;
        while i > 0 && joiner(i - 1, i) && self.mentions[i - 1].role.is_none() {
            i -= 1;
            group.insert(0, i);
        }
        let mut j = m;
        while j + 1 < self.mentions.len() && joiner(j, j + 1) && self.mentions[j + 1].role.is_none()
        {
            j += 1;
            group.push(j);
        }
        group
    }

    pub(super) fn clause_of(&self, sentence: usize, tok: usize) -> std::ops::Range<usize> {
        let r = self.seg.sentences[sentence].tokens.clone();
        let is_boundary =
            |t: usize| *self.boundary[t].get_or_init(|| is_clause_boundary(self.w(t)));
        let mut s = tok;
        while s > r.start && !is_boundary(s - 1) {
            s -= 1;
        }
        let mut e = tok;
        while e < r.end && !is_boundary(e) {
            e += 1;
        }
        s..e
    }
}

pub(super) fn unique_actors(cx: &Context, ms: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &m in ms {
        let a = cx.mentions[m].actor;
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

pub(super) fn names(cx: &Context, actors: &[usize]) -> String {
    actors
        .iter()
        .map(|&a| cx.name(a))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The links of every term of an article, with the candidates each discourse resolution weighed
/// and the parties the lexicon does not list.
pub struct Linked {
    /// Per term, in the order the terms were given: its link.
    pub links: Vec<Link>,
    /// Per term: the parties weighed by the discourse model (empty for local rules).
    pub candidates: Vec<Vec<Candidate>>,
    /// Per term: for an act, the parties it is done to (its victims or targets); empty
    /// otherwise.
    pub done_to: Vec<Vec<usize>>,
    /// The parties no lexicon lists: the article's unlisted parties, then the unnamed ones
    /// the discourse phase made; actor index `lex.actors.len() + i` is `parties[i]`.
    pub parties: Vec<Party>,
    /// Per frame of the article's voices: the party an unnamed official or organ speaks for, by
    /// the speaker's title or the organ's words ("Interior ministry spokesman Noureddine
    /// al-Baba", "a security source"; see `officials_of`).
    pub officials: Vec<Option<usize>>,
}

/// What the local phase finds for one term, for the discourse phase.
#[derive(Default)]
pub(super) struct Reading {
    /// The link of a local rule, if one fired.
    pub(super) link: Option<Link>,
    /// The phrase opens with an anaphoric determiner ("such groups").
    pub(super) anaphoric: bool,
    /// Parties the phrase names in another role (see [`Term::other_roles`]).
    pub(super) other_roles: Vec<usize>,
    /// For an act, the parties it is done to (see [`Term::done_to`]).
    pub(super) done_to: Vec<usize>,
    /// The phrase names its own party, one the term cannot describe ("Kurdish fighters").
    pub(super) owned: bool,
    /// A state the phrase names by its adjective ("Ukrainian militants").
    pub(super) state_adjective: Option<usize>,
    /// The phrase names some party other than by a state's adjective ("Trump's
    /// 'compromise'", "Russia's militia", "HTS fighters"), or has a possessive pronoun ("its
    /// militia").
    pub(super) names_party: bool,
    /// Parties the term is a shortened name or title of (see [`crate::analysis::titles`]).
    pub(super) head_matches: Vec<usize>,
    /// How many parties a plural label counts ("the two countries").
    pub(super) count: Option<usize>,
    /// Parties the term is the subject of an attack on (see [`against_after`]).
    pub(super) set_against: Vec<usize>,
    /// For an act, the term that names whom it is done to (see [`Term::patient`]).
    pub(super) patient: Option<usize>,
}

/// The rules whose ties say what a description means in an article: each reads the party off
/// the text around the term itself (its phrase, an apposition, a copula, a naming verb).
/// Not a relative clause's (the term may be an argument inside the clause, not what the clause
/// says of its antecedent) nor the proximity rules'.
pub(super) const DEFINING_RULES: &[LinkRule] = &[
    LinkRule::SamePhrase,
    LinkRule::Proxy,
    LinkRule::Possessor,
    LinkRule::ObjectComplement,
    LinkRule::Designation,
    LinkRule::Copula,
    LinkRule::Apposition,
];

/// A description an article ties to one party: the parties, and where it was first tied.
#[derive(Clone)]
pub(super) struct Described {
    pub(super) actors: Vec<usize>,
    pub(super) first: (usize, String),
    pub(super) ties: usize,
    /// Some tie is of the bare head with a determiner ("the caravan"): in this article the head
    /// alone picks the party out.
    pub(super) bare: bool,
}

/// How a label found the description the article ties (see [`Descriptions::find`]).
pub(super) enum Via<'a> {
    /// Its own description.
    Same,
    /// Its head: "the migrant caravan" where the article ties "the caravan".
    Head,
    /// The group its members make up: "the migrants" where the article ties "the migrant
    /// caravan" (the text of that group).
    Members(&'a str),
    /// The group it names the members of: "members of the caravan" (the group's text).
    MemberOf(&'a str),
}

/// What the article's descriptions mean (see [`described`]).
pub(super) struct Descriptions {
    /// By description key ([`heads::description_key`]): one party per description, `None`
    /// for a description tied to different parties.
    pub(super) by_key: FxHashMap<String, Option<Described>>,
    /// By the description of a group's members ("migrant" from "the migrant caravan"), with
    /// the group's text.
    pub(super) members: FxHashMap<String, Option<(Described, String)>>,
}

impl Descriptions {
    /// The tie of a description key: its own, else (uniqueness of a definite description) the
    /// tie of its bare head when the article uses the bare head for one party alone.
    pub(super) fn tied(&self, key: &str) -> Option<(&Described, bool)> {
        match self.by_key.get(key) {
            Some(d) => d.as_ref().map(|d| (d, false)),
            None => {
                let head = heads::key_head(key);
                let d = self.by_key.get(head)?.as_ref()?;
                (head != key && d.bare).then_some((d, true))
            }
        }
    }

    /// The description a label's text is tied to, and how. "Members of the caravan" is the
    /// caravan's; a plural label is also the group it makes up ("the migrants" of "the migrant
    /// caravan").
    pub(super) fn find<'a>(&'a self, text: &'a str) -> Option<(&'a Described, Via<'a>)> {
        if let Some(group) = heads::members_of(text) {
            let (d, _) = self.tied(&heads::description_key(group)?)?;
            return Some((d, Via::MemberOf(group)));
        }
        let key = heads::description_key(text)?;
        if let Some((d, by_head)) = self.tied(&key) {
            return Some((d, if by_head { Via::Head } else { Via::Same }));
        }
        if self.by_key.contains_key(&key) || !heads::plural_head(text) {
            return None;
        }
        let (d, group) = self.members.get(&key)?.as_ref()?;
        Some((d, Via::Members(group)))
    }
}

/// The labels of the article that a defining rule ties, by description key (its common-noun
/// words up to the head, singular, see [`heads::description_key`]): one party per description
/// when every such tie agrees, `None` for a description tied to different parties ("American
/// officials", "Russian officials"). A shortened name of exactly one party ("the caravan")
/// counts as a tie too. Then the members of each group so tied: "the migrant caravan" is made
/// up of migrants.
pub(super) fn described(cx: &Context, hits: &[TermHit], readings: &[Reading]) -> Descriptions {
    let mut by_key: FxHashMap<String, Option<Described>> = FxHashMap::default();
    for (h, r) in hits.iter().zip(readings) {
        if h.entry.kind != Kind::Label {
            continue;
        }
        let actors = match &r.link {
            Some(l) if DEFINING_RULES.contains(&l.rule) && !l.actors.is_empty() => &l.actors,
            None if r.head_matches.len() == 1 => &r.head_matches,
            _ => continue,
        };
        // A denial ("the SDF is not a terrorist group") says what a party is not.
        if r.link.as_ref().is_some_and(|l| l.rule == LinkRule::Copula) && denied(cx, h) {
            continue;
        }
        let text = h.span.slice(cx.text);
        let Some(key) = heads::description_key(text) else {
            continue;
        };
        let bare = heads::description_words(text).is_some_and(|w| w.len() == 1);
        let mut sorted = actors.clone();
        sorted.sort_unstable();
        match by_key.entry(key).or_insert_with(|| {
            Some(Described {
                actors: sorted.clone(),
                first: (h.sentence, text.to_owned()),
                ties: 0,
                bare: false,
            })
        }) {
            Some(d) if d.actors == sorted => {
                d.ties += 1;
                d.bare |= bare;
            }
            slot => *slot = None,
        }
    }
    let mut out = Descriptions {
        by_key,
        members: FxHashMap::default(),
    };
    let mut members: FxHashMap<String, Option<(Described, String)>> = FxHashMap::default();
    for h in hits.iter().filter(|h| h.entry.kind == Kind::Label) {
        // "Members of the migrant caravan" speaks of the migrant caravan too.
        let whole = h.span.slice(cx.text);
        let text = heads::members_of(whole).unwrap_or(whole);
        let Some(key) = heads::description_key(text) else {
            continue;
        };
        let (Some(of), Some((d, _))) = (heads::member_key(&key), out.tied(&key)) else {
            continue;
        };
        match members
            .entry(of.to_owned())
            .or_insert_with(|| Some((d.clone(), text.to_owned())))
        {
            Some((m, _)) if m.actors == d.actors => {}
            slot => *slot = None,
        }
    }
    out.members = members;
    out
}

/// Whether a negation stands in the three tokens before a term ("is not a terrorist group",
/// "are no longer rebels").
pub(super) fn denied(cx: &Context, h: &TermHit) -> bool {
    let t = token_range(cx.seg, h.span).start;
    let start = cx.seg.sentences[h.sentence].tokens.start;
    (start.max(t.saturating_sub(3))..t).any(|k| matches!(cx.w(k), "not" | "n't" | "never" | "no"))
}

/// "Port Sudan army militias": a party's name that ends in a noun for its forces or its rulers
/// (government, regime, junta ...), written as the noun modifier right before a group noun, owns
/// the group, as "the militias of the Port Sudan army" does. A country's name does not, bare or
/// ending in a noun for the country ("Iraq militias", "Islamic Republic militias": where they
/// are), nor an adjective ("Palestinian fighters").
pub(super) fn institution_modifier(cx: &Context, t: &Term) -> Option<usize> {
    let &m = t.left.first()?;
    let last = cx.last_token(m);
    let head = cx.w(last);
    (cx.mentions[m].form == Form::Name
        && last + 1 == t.toks.start
        && (heads::is_forces_head(head)
            || (heads::GOVERNMENT_NOUNS.contains(head) && !heads::names_a_country(head))))
    .then_some(m)
}

/// One term as the local rules see it. The parts several rules need (token ranges, the noun
/// phrase around the term, the words before it) are worked out once, in [`Term::new`].
pub(super) struct Term<'a> {
    /// The article's terms in text order, the term covering each token, and the links decided
    /// so far (an antecedent can be an earlier term that already has actors).
    pub(super) hits: &'a [TermHit<'a>],
    pub(super) hit_at: &'a [Option<usize>],
    pub(super) links: &'a [Option<Link>],
    /// This term's index in `hits`.
    pub(super) index: usize,
    pub(super) hit: &'a TermHit<'a>,
    pub(super) entry: &'a LabelEntry,
    /// The term's tokens and its sentence's tokens.
    pub(super) toks: Range<usize>,
    pub(super) sent: Range<usize>,
    /// The mentions that start in the sentence.
    pub(super) in_sentence: Range<usize>,
    /// Mentions lying inside the term ("Assad regime", "Turkish-backed").
    pub(super) inside: Vec<usize>,
    /// Mentions among the premodifiers to the left of the term (emptied for a proxy word, whose
    /// modifiers name the patron), the first token of the noun phrase, and whether it opens with
    /// "its"/"their" or with an anaphoric determiner ("such", "these").
    pub(super) left: Vec<usize>,
    pub(super) np_start: usize,
    pub(super) possessor_pronoun: bool,
    pub(super) anaphoric: bool,
    /// Mentions to the right that the term may modify or that its of/from/by phrase names
    /// (emptied for a proxy word followed by such a phrase: it names the patron).
    pub(super) right: Vec<usize>,
    /// The term is a compound ("U.S.-backed") or has a backer inside it or before it.
    pub(super) compound: bool,
    /// The term is followed by the preposition that names an owner ("of", "from", "by").
    pub(super) owner_pp: bool,
    /// Patrons named in or around the phrase: backers inside the term, a proxy word's
    /// modifiers and of-phrase, and compound backers just before the term ("Turkish-backed").
    pub(super) backers: Vec<usize>,
    /// The possessors of a relational noun ("Hamas's allies", "Trump's adviser"): someone the
    /// term relates to, not the one it describes (also among `backers`).
    pub(super) possessors: Vec<usize>,
    /// The head is a service noun ("adviser", "lawyer"): the term names someone on its
    /// possessor's side.
    pub(super) service: bool,
    /// The start of the words that lead into the noun phrase ("is also a", "designated as"),
    /// and whether they hold a designation verb.
    pub(super) lead: usize,
    pub(super) designated: bool,
    /// The head noun of a label ("the migrants", "the administration"): a party it cannot
    /// refer to is not compatible (see [`crate::analysis::heads`]).
    pub(super) head: Option<&'a Head>,
    /// The nearest actor in the clause with its conjuncts, shared by the last two rules.
    pub(super) nearest: OnceCell<Option<(usize, Vec<usize>)>>,
}

/// What an antecedent before a term is: mentions (one with its conjuncts), or an earlier term
/// whose link has actors.
pub(super) enum Antecedent {
    Mentions(Vec<usize>),
    Term(usize),
}

impl<'a> Term<'a> {
    pub(super) fn new(
        cx: &Context,
        hits: &'a [TermHit<'a>],
        hit_at: &'a [Option<usize>],
        links: &'a [Option<Link>],
        index: usize,
        head: Option<&'a Head>,
    ) -> Term<'a> {
        let hit = &hits[index];
        let entry = hit.entry;
        let toks = token_range(cx.seg, hit.span);
        let sent = cx.seg.sentences[hit.sentence].tokens.clone();
        // A term that is itself a title ("the special counsel") names no one inside it: what it
        // stands for is `head_match`'s to say.
        let mut inside: Vec<usize> = starting_within(cx.mentions, hit.span)
            .filter(|&m| hit.span.contains(cx.mentions[m].span))
            .filter(|&m| !(cx.mentions[m].form == Form::Title && cx.mentions[m].span == hit.span))
            .collect();
        let mut backers: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&m| matches!(cx.mentions[m].role, Some(Role::Backer)))
            .collect();
        let (mut left, np_start, possessor_pronoun, anaphoric) =
            scan_left(cx, hits, hit_at, toks.start, sent.start);
        // "an Iranian proxy": for a proxy word the modifier names the patron, not the proxy.
        let proxy_word = entry.kind == Kind::Label && entry.category.ends_with("/proxy");
        if proxy_word {
            backers.append(&mut left);
        }
        // "The PKK's Syrian offshoot", "Hamas's allies": a relational noun's possessor is the
        // party it relates to, not the one it describes.
        let mut possessors = Vec::new();
        if heads::is_relational(hit.span.slice(cx.text)) {
            let owns = |m: &usize| {
                let after = cx.last_token(*m) + 1;
                (after < sent.end && cx.seg.tokens[after].kind == TokenKind::Possessive)
                    || (cx.mentions[*m].form == Form::Pronoun
                        && matches!(
                            cx.mention_text(*m).to_lowercase().as_str(),
                            "his" | "her" | "its" | "their"
                        ))
            };
            for list in [&mut left, &mut inside] {
                let (owners, rest): (Vec<usize>, Vec<usize>) = list.iter().partition(|m| owns(m));
                possessors.extend(owners);
                *list = rest;
            }
            backers.extend(&possessors);
        }
        let compound = !backers.is_empty() || hit.span.slice(cx.text).contains('-');
        let mut right = scan_right(cx, entry, hit_at, compound, toks.end, sent.end);
        let owner_pp = starts_with_owner_pp(cx, entry, toks.end, sent.end);
        if proxy_word && owner_pp {
            // "a proxy of the Iranian regime": the of-phrase names the patron.
            backers.append(&mut right);
        }
        // A compound backer modifying the term ("Turkish-backed militias").
        backers.extend(left.iter().copied().filter(|&m| {
            matches!(cx.mentions[m].role, Some(Role::Backer)) && cx.last_token(m) + 2 >= toks.start
        }));
        let (lead, designated) = lead_in(cx, np_start, sent.start);
        Term {
            hits,
            hit_at,
            links,
            index,
            hit,
            entry,
            in_sentence: starting_within(cx.mentions, cx.seg.sentences[hit.sentence].span),
            toks,
            sent,
            inside,
            left,
            np_start,
            possessor_pronoun,
            anaphoric,
            right,
            compound,
            owner_pp,
            backers,
            possessors,
            service: heads::is_service(hit.span.slice(cx.text)),
            lead,
            designated,
            head,
            nearest: OnceCell::new(),
        }
    }

    /// Whether mention `m` is one the term can describe: its type is among the entry's targets,
    /// it is no backer or designator, and the term's head word agrees with its party.
    pub(super) fn fits(&self, cx: &Context, m: usize) -> bool {
        cx.compatible(self.entry, m) && self.agrees(cx, cx.mentions[m].actor, false)
    }

    /// Whether the term's head word can refer to actor `a`, or be said of it when
    /// `predicative` (see [`Head::refuses`]).
    pub(super) fn agrees(&self, cx: &Context, a: usize, predicative: bool) -> bool {
        self.head
            .is_none_or(|h| h.refuses(cx.referent(a), predicative).is_none())
    }

    /// The mention, or the earlier linked term, that ends right before token `pos` (closing or
    /// opening brackets skipped).
    pub(super) fn antecedent_before(&self, cx: &Context, pos: usize) -> Option<Antecedent> {
        if pos == 0 {
            return None;
        }
        let mut p = pos - 1;
        while p > self.sent.start && matches!(cx.w(p), ")" | "(") {
            p -= 1;
        }
        // A comma before the verb closes an apposition ("HTS, a group formerly linked to
        // al-Qaeda, is ..."): the antecedent is the head before it, not the apposition's last
        // word. Any other comma or dash is passed over ("the PKK, which ...").
        if p > self.sent.start && matches!(cx.w(p), "," | "—" | "–" | "-") {
            p = match apposition_open(cx, self.sent.start, p) {
                Some(open) if open > self.sent.start => open - 1,
                _ => p - 1,
            };
        }
        if let Some(m) = cx.mention_at[p] {
            return Some(Antecedent::Mentions(cx.conjuncts(m)));
        }
        // "Two Kurdish civilians were martyred": a population noun's party adjective.
        if p > self.sent.start
            && let Some(m) = cx.mention_at[p - 1]
            && cx.last_token(m) == p - 1
            && cx.population_reading(m)
        {
            return Some(Antecedent::Mentions(vec![m]));
        }
        if let Some(o) = self.hit_at[p]
            && o < self.index
            && let Some(Some(l)) = self.links.get(o)
            && !l.actors.is_empty()
        {
            return Some(Antecedent::Term(o));
        }
        None
    }

    /// [`Term::link_back`] from the relative pronoun at `rel` to its antecedent: ", whom" —
    /// the comma opens the relative clause, and the antecedent stands right before it (as in
    /// `designation`).
    pub(super) fn link_to_antecedent(
        &self,
        cx: &Context,
        rel: usize,
        rule: LinkRule,
        what: &str,
    ) -> Option<Link> {
        let at = if rel > self.sent.start && matches!(cx.w(rel - 1), "," | "—" | "–") {
            rel - 1
        } else {
            rel
        };
        self.link_back(cx, at, rule, what)
    }

    /// The link to the antecedent before token `pos`: its actors that the term can describe.
    pub(super) fn link_back(
        &self,
        cx: &Context,
        pos: usize,
        rule: LinkRule,
        what: &str,
    ) -> Option<Link> {
        let e = self.entry;
        // What stands in apposition, after a copula or a designation verb is said of the party.
        let predicative = matches!(
            rule,
            LinkRule::Apposition | LinkRule::Copula | LinkRule::Designation
        );
        // A possessor is not what the phrase says of the party: in "China, the junta's main arms
        // supplier", the supplier is China and the junta someone else.
        if predicative && self.possessor(cx) {
            return None;
        }
        let agrees = |a: usize| self.agrees(cx, a, predicative);
        match self.antecedent_before(cx, pos)? {
            Antecedent::Mentions(ms) => {
                let ok: Vec<usize> = ms
                    .into_iter()
                    .filter(|&m| cx.compatible(e, m) && agrees(cx.mentions[m].actor))
                    .collect();
                (!ok.is_empty()).then(|| Link {
                    actors: unique_actors(cx, &ok),
                    rule,
                    detail: format!("{what} '{}'", cx.mention_text(ok[0])),
                })
            }
            Antecedent::Term(o) => {
                // A description of a party is no apposition to an act: in "in response to the
                // terror attack, the security forces have ...", the forces are not the attack.
                if rule == LinkRule::Apposition
                    && e.kind == Kind::Label
                    && self.hits[o].entry.kind == Kind::Act
                {
                    return None;
                }
                let l = self.links[o].as_ref()?;
                let ok: Vec<usize> = l
                    .actors
                    .iter()
                    .copied()
                    .filter(|&a| e.allows(cx.type_of(a)) && agrees(a))
                    .collect();
                (!ok.is_empty()).then(|| Link {
                    actors: ok,
                    rule,
                    detail: format!("{what} '{}'", self.hits[o].span.slice(cx.text)),
                })
            }
        }
    }

    /// The actors the term's own phrase names in another role than the one it describes: its
    /// patrons ("an Iranian proxy", "Turkish-backed factions"), a relational noun's possessors
    /// ("Hamas's allies"), the parties before "against" or a verb of fighting ("the SDF battled
    /// militants") or before a verb of support ("the UAE denies arming the paramilitary"), the
    /// party an apposition describes when the term is its possessor ("China,
    /// the junta's supplier") and, for an act, its victim or target ("the invasion of Ukraine",
    /// "attacks against Israel"). The discourse model never gives the term one of these.
    pub(super) fn other_roles(&self, cx: &Context) -> Vec<usize> {
        let mut out: Vec<usize> = self.backers.iter().map(|&m| cx.mentions[m].actor).collect();
        // The possessor in an apposition is not the party the apposition describes: in "China,
        // the junta's main arms supplier", the junta is not China.
        if self.possessor(cx)
            && self.lead > self.sent.start
            && matches!(cx.w(self.lead - 1), "," | "—" | "–" | "(")
            && let Some(Antecedent::Mentions(ms)) = self.antecedent_before(cx, self.lead - 1)
        {
            out.extend(ms.into_iter().map(|m| cx.mentions[m].actor));
        }
        let against = against_before(cx, self.hit.sentence, &self.toks, self.entry.kind);
        let supporters = support_before(cx, self.hit.sentence, &self.toks);
        for before in against.into_iter().chain(supporters) {
            out.extend(
                self.in_sentence
                    .clone()
                    .filter(|&m| {
                        cx.first_token(m) >= before.start
                            && cx.last_token(m) < before.end
                            && cx.mentions[m].form != Form::Adjective
                    })
                    .map(|m| cx.mentions[m].actor),
            );
        }
        if self.entry.kind == Kind::Act
            && self.toks.end < self.sent.end
            && (matches!(cx.w(self.toks.end), "against" | "on")
                || cx.w(self.toks.end) == "of"
                    && !heads::names_doer_after_of(self.hit.span.slice(cx.text)))
        {
            let mut k = self.toks.end + 1;
            while k < self.sent.end && DETERMINERS.contains(cx.w(k)) {
                k += 1;
            }
            if let Some(m) = cx.mention_at.get(k).copied().flatten() {
                out.extend(cx.conjuncts(m).into_iter().map(|c| cx.mentions[c].actor));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The parties after a label that is the subject of an attack ([`against_after`]): the
    /// label does not describe them, here or elsewhere in the article.
    pub(super) fn set_against(&self, cx: &Context) -> Vec<usize> {
        let Some(after) = against_after(cx, self.hit.sentence, &self.toks, self.entry.kind) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = (0..cx.mentions.len())
            .filter(|&m| {
                cx.first_token(m) >= after.start && cx.last_token(m) < after.end && !cx.is_place(m)
            })
            .map(|m| cx.mentions[m].actor)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// For an act, the term that names whom it is done to, its patient: the term after it, past
    /// determiners, numbers, names and a term that is a compound adjective in a participle ("neutralise 52
    /// terrorists", "killed several ISWAP fighters", "eliminate any other Indian-sponsored
    /// kharji"; not after "of", which as often names the doer: "a war crime of the terrorist
    /// state"), or, for a participle, the term before it that is its passive subject ("Two
    /// terrorists neutralised as Army foils bid", "the militants were eliminated"). Without a
    /// form of "be", a participle is passive only when no object follows it: in "Militants
    /// killed three soldiers" the militants are the agents.
    pub(super) fn patient(&self, cx: &Context) -> Option<usize> {
        if self.entry.kind != Kind::Act {
            return None;
        }
        let skippable = |k: usize| {
            let w = cx.w(k);
            // A name before the noun ("neutralised several ISWAP terrorists").
            (cx.mention_at[k].is_some() && self.hit_at[k].is_none())
                // A term that is a compound adjective on the patient, a participle after a
                // hyphen ("Indian-sponsored", "foreign-backed").
                || self.hit_at[k].is_some_and(|p| {
                    p != self.index
                        && self.hits[p].entry.kind != Kind::Label
                        && self.hits[p]
                            .span
                            .slice(cx.text)
                            .rsplit_once('-')
                            .is_some_and(|(_, last)| last.ends_with("ed"))
                })
                || DETERMINERS.contains(w)
                || heads::is_quantifier(w)
                || matches!(w, "at" | "least" | "more" | "than" | "about" | "over")
                || cx.seg.tokens[k].kind == TokenKind::Number
        };
        let mut k = self.toks.end;
        while k < self.sent.end && k < self.toks.end + PATIENT_REACH && skippable(k) {
            k += 1;
        }
        if k < self.sent.end
            && let Some(p) = self.hit_at[k]
            && p != self.index
            && self.hits[p].entry.kind == Kind::Label
        {
            return Some(p);
        }
        if self.toks.is_empty()
            || self.toks.start <= self.sent.start
            || !cx.w(self.toks.end - 1).ends_with("ed")
        {
            return None;
        }
        // Walk back over the passive's auxiliaries: forms of "be", and of "have" before "been"
        // ("have been neutralised"); "have" alone is an active perfect.
        let mut j = self.toks.start;
        let mut be = false;
        while j > self.sent.start {
            let w = cx.w(j - 1);
            if BE_FORMS.contains(w) {
                be = true;
            } else if !(be && HAVE_FORMS.contains(w)) {
                break;
            }
            j -= 1;
        }
        if j <= self.sent.start {
            return None;
        }
        let p = self.hit_at[j - 1]?;
        if p == self.index || self.hits[p].entry.kind != Kind::Label {
            return None;
        }
        if be {
            return Some(p);
        }
        // A bare participle is a headline's passive ("Two terrorists neutralised as Army foils
        // bid") only when no object follows it and a number counts its subject; in "Bandits
        // abducted and killed 12 villagers" the bandits are the agents.
        let no_object = self.toks.end >= self.sent.end
            || cx.seg.tokens[self.toks.end].kind == TokenKind::Punct
            || matches!(
                cx.w(self.toks.end),
                "as" | "in" | "on" | "by" | "near" | "after" | "during" | "while" | "when"
            );
        let first = token_range(cx.seg, self.hits[p].span).start;
        let counted = first > self.sent.start
            && (cx.seg.tokens[first - 1].kind == TokenKind::Number
                || heads::is_quantifier(cx.w(first - 1)));
        (no_object && counted).then_some(p)
    }

    /// For an act, the parties it is done to: the party after "of", "against" or "on" ("the
    /// invasion of Ukraine", "attacks against Israel", "strikes on Hezbollah"), or the object
    /// right after a verb form in -ed or -ing ("Russia invaded Ukraine", "shelling Kharkiv"; not
    /// a noun after a determiner: "after the shelling Russia said"), with the parties an "and"
    /// coordinates with it, in its sentence. Determiners may come between. A party named as a
    /// place ("strikes in Gaza") or by an adjective ("Ukrainian towns") is not counted: the act
    /// is done where it lives or to what is its, which the text does not make the party.
    pub(super) fn done_to(&self, cx: &Context) -> Vec<usize> {
        if self.entry.kind != Kind::Act || self.toks.end >= self.sent.end {
            return Vec::new();
        }
        // A verb form, not a noun in -ing after a determiner ("After the shelling Russia said").
        let word = cx.w(self.toks.end - 1);
        let after_determiner = self.toks.start > self.sent.start
            && (DETERMINERS.contains(cx.w(self.toks.start - 1))
                || cx.seg.tokens[self.toks.start - 1].kind == TokenKind::Possessive);
        let verb_form = (word.ends_with("ed") || word.ends_with("ing")) && !after_determiner;
        let mut k = self.toks.end;
        if matches!(cx.w(k), "of" | "against" | "on") {
            k += 1;
        } else if !verb_form {
            return Vec::new();
        }
        while k < self.sent.end && DETERMINERS.contains(cx.w(k)) {
            k += 1;
        }
        if k >= self.sent.end {
            return Vec::new();
        }
        let Some(m) = cx.mention_at.get(k).copied().flatten() else {
            return Vec::new();
        };
        if cx.mentions[m].form == Form::Adjective || cx.mentions[m].role.is_some() {
            return Vec::new();
        }
        // The parties coordinated after it: a comma joins only a list that "and" or "or"
        // closes, since a comma alone may open an apposition ("against Türkiye, the PKK ...").
        let chain: Vec<usize> = cx.conjuncts(m).into_iter().filter(|&c| c >= m).collect();
        let closed = chain
            .windows(2)
            .rposition(|w| {
                (cx.last_token(w[0]) + 1..cx.first_token(w[1]))
                    .any(|t| matches!(cx.w(t), "and" | "or" | "&" | "/"))
            })
            .map_or(1, |i| i + 2);
        // In the order the text names them.
        let mut out: Vec<usize> = Vec::new();
        for &c in &chain[..closed.min(chain.len())] {
            if !out.contains(&cx.mentions[c].actor) {
                out.push(cx.mentions[c].actor);
            }
        }
        out
    }

    /// Whether the term is a possessor ("the junta's"): a possessive ending follows it.
    pub(super) fn possessor(&self, cx: &Context) -> bool {
        self.toks.end < self.sent.end && cx.seg.tokens[self.toks.end].kind == TokenKind::Possessive
    }

    /// The nearest compatible actor in the clause with its compatible conjuncts, found once. None
    /// for an attribution
    /// term: whoever stands near "alleged" or "accused" is not who alleges or accuses (that is
    /// the speaker of its frame, `speaker_of_verb`).
    pub(super) fn nearest(&self, cx: &Context) -> Option<&(usize, Vec<usize>)> {
        if self.entry.kind == Kind::Attribution {
            return None;
        }
        self.nearest.get_or_init(|| nearest_in(cx, self)).as_ref()
    }
}

/// The head noun of a label term; other kinds of term (acts, attribution verbs) have none.
pub(super) fn head_of(cx: &Context, hit: &TermHit) -> Option<Head> {
    if hit.entry.kind != Kind::Label {
        return None;
    }
    let mut head = Head::of(hit.span.slice(cx.text))?;
    head.types = hit.entry.targets.is_empty();
    Some(head)
}

/// The word of hostility before a term in its clause (an opposing word of [`OPPOSING`] at most
/// four tokens before it, or, at most six tokens before a label with no "and" and no form of
/// "be" between, a verb of attack, defeat, seizure or condemnation not followed by "by":
/// [`is_attack`]; not one of accusing, whose object is a person accused of something else): the
/// term names the side opposed to the parties named before it ("the Army would act against
/// terrorists", "turned to Wagner for help fighting an insurgency", "the Fighting Forces
/// neutralise several dozen terrorists", "SNA forces liberate two villages from Khawarij"). A
/// party is not the object of its own attack: the reference of the object is disjoint from the
/// subject's. Gives the tokens where those parties stand: the clause up to the word, or for a
/// verb, from the last comma before it (its subject, not a fronted phrase: "Compounding Assad's
/// problems, fighters battled government forces").
pub(super) fn against_before(
    cx: &Context,
    sentence: usize,
    toks: &Range<usize>,
    kind: Kind,
) -> Option<Range<usize>> {
    let clause = cx.clause_of(sentence, toks.start);
    // A verb of attack takes a label as its object; an act after it is more often a second verb
    // of the same subject ("Hamas terrorists invaded southern Israel and massacred ..."). A
    // participle followed by "by" is passive, and a form of "be" before the label makes it a
    // predicate of the noun before the participle: in "Palestinians killed by Israeli fire are
    // martyrs" the martyrs are the Palestinians.
    // "and" or "or" before a determiner joins a second object ("crushing an attack by the
    // militias of the Port Sudan army and the terrorist Islamist brigades"); before anything
    // else it may open a second verb. No comma stands between a verb and its object but one
    // of a list that goes on after the term ("killed the militants, terrorists and
    // mercenaries"): in "in response to the attack, the security forces have ..." the forces
    // are a new subject.
    let list_goes_on = (toks.end..(toks.end + 4).min(clause.end))
        .take_while(|&j| cx.w(j) != ",")
        .any(|j| matches!(cx.w(j), "and" | "or"));
    let object = |k: usize| {
        kind == Kind::Label
            && cx.w(k + 1) != "by"
            && (k + 1..toks.start).all(|j| {
                let joins_object = matches!(cx.w(j), "and" | "or")
                    && (j + 1 == toks.start || DETERMINERS.contains(cx.w(j + 1)));
                (joins_object || !matches!(cx.w(j), "and" | "or" | "but" | "then"))
                    && !BE_FORMS.contains(cx.w(j))
                    && !matches!(cx.w(j), ";" | ":")
                    && (cx.w(j) != "," || list_goes_on)
            })
    };
    // Past six tokens, only a noun phrase may stand between the verb and the term: no comma, no
    // preposition but "of" and "by", no other verb ("struck Hezbollah targets across southern
    // Lebanon, hours after the Iran-backed terrorist group fired": the group is no object).
    let noun_phrase = |k: usize| {
        (k + 1..toks.start).all(|j| {
            let w = cx.w(j);
            let inside = cx.mention_at[j].is_some();
            !matches!(w, "," | ";" | ":" | "(" | ")")
                && !OBJECT_PHRASE_ENDS.contains(w)
                && (inside || !(w.ends_with("ed") || w.ends_with("ing")))
        })
    };
    // "in response to", "in retaliation for": an act answered in kind is the other side's. Not
    // the noun as a modifier ("reprisal attacks", "revenge killings").
    let answers = |k: usize| {
        let next = cx.w(k + 1);
        match cx.w(k) {
            "response" => k > clause.start && cx.w(k - 1) == "in" && next == "to",
            "retaliation" | "reprisal" | "reprisals" | "revenge" => {
                matches!(next, "for" | "against")
            }
            _ => false,
        }
    };
    // An opposing word stands at most four tokens before the term; a verb of attack may have an
    // object between ("liberated two villages from the militants", "crushing an attack by the
    // militias of the Port Sudan army and the terrorist ...").
    let k = (clause.start..toks.start)
        .rev()
        .take(14)
        .enumerate()
        .find(|&(i, k)| {
            (i < 4 && (OPPOSING.contains(cx.w(k)) || answers(k)))
                || (is_attack(cx.w(k)) && object(k) && (i < 6 || noun_phrase(k)))
        })?
        .1;
    if matches!(cx.w(k), "against" | "versus") {
        return Some(clause.start..k);
    }
    // A parenthetical between paired dashes does not end the clause it interrupts: in "turned
    // to Russia's Wagner Group – now rebranded as the Africa Corps – for help fighting an
    // insurgency", those who fight are named before it.
    let sent_start = cx.seg.sentences[sentence].tokens.start;
    let is_dash = |j: usize| matches!(cx.w(j), "—" | "–");
    let mut start = clause.start;
    // The dash before the clause closes a parenthetical when it is the second, fourth ... dash
    // of its sentence; an odd one opens one, and the clause is inside it.
    let closing = start > sent_start + 1
        && is_dash(start - 1)
        && (sent_start..start).filter(|&j| is_dash(j)).count() % 2 == 0;
    if closing
        && let Some(open) = (sent_start..start - 1).rev().find(|&j| is_dash(j))
        && open > sent_start
    {
        start = cx.clause_of(sentence, open - 1).start;
    }
    let comma_before = |end: usize| (start..end).rev().find(|&j| cx.w(j) == ",");
    let mut from = comma_before(k).map_or(start, |j| j + 1);
    // A participial phrase of support set off by commas right before the verb names parties
    // on the subject's side: in "Units of a battalion, supported by the VDP, neutralised
    // several dozen terrorists" neither the units nor the VDP are the terrorists. Not another
    // participle: in "Army units, ambushed by M23 near Goma, killed several terrorists" M23 is
    // the other side.
    if from == k
        && from > start
        && let Some(open) = comma_before(from - 1)
        && open + 2 < from - 1
        && supports_subject(cx.lower, open + 1)
    {
        from = comma_before(open).map_or(start, |j| j + 1);
    }
    Some(from..k)
}

/// Whether term `h`, ending at token `k`, is its clause's verb rather than a modifier of the
/// noun phrase after it: an act in a verb form, a participle ("Ukraine eliminated Russian
/// occupiers") or a verb made by a verb-forming suffix, -ize, -ise or -ify, in any tense ("the
/// forces neutralise terrorists"), unless a determiner or a hyphen makes it a modifier ("the
/// armed groups", "foreign-backed terrorists").
pub(super) fn is_clause_verb(cx: &Context, h: &TermHit, k: usize, sent_start: usize) -> bool {
    let start = token_range(cx.seg, h.span).start;
    let last = cx.w(k);
    let hyphen = |j: usize| matches!(cx.w(j), "-" | "–");
    let modifier = (start..k).any(hyphen)
        || (start > sent_start && (DETERMINERS.contains(cx.w(start - 1)) || hyphen(start - 1)));
    h.entry.kind == Kind::Act && is_verb_form(last) && !modifier
}

/// Whether a word (lower case) has the ending of a participle or of a verb-forming suffix:
/// -ed, -ing, and -ize, -ise, -ify with their third-person forms. Only asked of an act's words,
/// whose nouns end otherwise ("invasion", "massacre", "shelling" aside).
fn is_verb_form(w: &str) -> bool {
    const ENDINGS: [&str; 8] = ["ed", "ing", "ize", "izes", "ise", "ises", "ify", "ifies"];
    ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Words that end an object's noun phrase: prepositions other than "of" and "by", subordinators,
/// and words of time and saying.
pub(super) static OBJECT_PHRASE_ENDS: WordSet = WordSet::new(&[
    "in", "on", "at", "to", "from", "for", "with", "into", "across", "over", "through", "during",
    "after", "before", "when", "while", "as", "since", "because", "that", "which", "who", "hours",
    "days", "saying", "said",
]);

/// "The UAE denies arming the paramilitary": the object of a verb of support
/// ([`SUPPORT_VERBS`]), with at most determiners between, is the supported party, not the one
/// that gives the support, the party named last before the verb. Gives the tokens of that
/// party's mention (with what follows it up to the verb). Not a compound ("the Iran-backed
/// terrorist group") nor a participle right before its noun ("heavily armed militias"): both
/// are modifiers.
pub(super) fn support_before(
    cx: &Context,
    sentence: usize,
    toks: &Range<usize>,
) -> Option<Range<usize>> {
    let clause = cx.clause_of(sentence, toks.start);
    let verb = (toks.start.saturating_sub(3).max(clause.start)..toks.start)
        .rev()
        .find(|&k| {
            SUPPORT_VERBS.contains(cx.w(k))
                && (k + 1..toks.start).all(|j| DETERMINERS.contains(cx.w(j)))
        })?;
    let compound = verb > 0 && matches!(cx.w(verb - 1), "-" | "–" | "\u{2010}" | "\u{2011}");
    let modifier = cx.w(verb).ends_with("ed") && verb + 1 == toks.start;
    if compound || modifier {
        return None;
    }
    let supporter = (clause.start..verb).rev().find_map(|k| cx.mention_at[k])?;
    Some(cx.first_token(supporter)..verb)
}

/// The object of hostility after a label that is its sentence's subject: "Suspected bandits
/// have abducted 34 people and killed a commander of the Community Protection Guards",
/// "Militants killed three Syrian soldiers". The label stands first in its sentence (after at
/// most a dateline or headline tag that a colon or dash closes, and two words before it such as
/// "the" or "suspected"); a verb of attack ([`is_attack`]) follows in the same sentence, not in a
/// relative clause; the parties named in the nine tokens after the verb, before a comma or
/// "and", are the other side, as are those after "by" when the verb is passive. Gives the
/// tokens where they stand. The converse of [`against_before`]: the reference of an attack's
/// subject is disjoint from its object's.
pub(super) fn against_after(
    cx: &Context,
    sentence: usize,
    toks: &Range<usize>,
    kind: Kind,
) -> Option<Range<usize>> {
    if kind != Kind::Label {
        return None;
    }
    let sent = cx.seg.sentences[sentence].tokens.clone();
    let opens = (sent.start..toks.start)
        .rev()
        .find(|&k| matches!(cx.w(k), ":" | "—" | "–" | "-"))
        .map_or(sent.start, |k| k + 1);
    if toks.start < opens || toks.start - opens > 2 {
        return None;
    }
    let verb = (toks.end..sent.end).find(|&k| {
        is_attack(cx.w(k))
            && !(k.saturating_sub(2).max(toks.end)..k)
                .any(|j| matches!(cx.w(j), "who" | "which" | "that" | "whose"))
    })?;
    // A subordinate clause before the verb has a subject of its own.
    if (toks.end..verb).any(|j| {
        matches!(
            cx.w(j),
            "after" | "when" | "while" | "as" | "because" | "since" | "before" | "until" | "if"
        )
    }) {
        return None;
    }
    let end = (verb + 1..sent.end.min(verb + 10))
        .find(|&k| matches!(cx.w(k), "," | "and" | ";" | "." | "but"))
        .unwrap_or(sent.end.min(verb + 10));
    Some(verb + 1..end)
}

/// Walks left from token `from` over the term's premodifiers (mentions, other terms, at most
/// two adjective-like words, possessives, numbers) to the determiner that opens the noun phrase.
/// Gives the mentions passed, the first token of the phrase, and whether the determiner is a
/// possessive pronoun or anaphoric.
pub(super) fn scan_left(
    cx: &Context,
    hits: &[TermHit],
    hit_at: &[Option<usize>],
    from: usize,
    sent_start: usize,
) -> (Vec<usize>, usize, bool, bool) {
    let mut t = from;
    let mut left: Vec<usize> = Vec::new();
    let mut possessor_pronoun = false;
    let mut anaphoric = false;
    let mut adjectives = 0;
    // Set once a possessive ending is passed: the possessor then opens the phrase ("Pakistan
    // rejected India's allegations": nothing before "India's" belongs to it).
    let mut possessive = false;
    // A term that opens with its own determiner ("Sessions called the caravan ...") opens its
    // phrase there.
    if let Some(w) = cx.seg.tokens.get(from).map(|_| cx.w(from))
        && DETERMINERS.contains(w)
    {
        let pronoun = POSSESSIVE_PRONOUNS.contains(w);
        return (left, from, pronoun, ANAPHORIC.contains(w));
    }
    while t > sent_start {
        let k = t - 1;
        if let Some(m) = cx.mention_at[k] {
            left.push(m);
            t = cx.first_token(m).min(k);
            if possessive {
                // Only the possessor's own determiner ("the PKK's") may stand before it.
                if t > sent_start && DETERMINERS.contains(cx.w(t - 1)) {
                    t -= 1;
                }
                break;
            }
            continue;
        }
        // After a number only a determiner or a possessor may open the phrase: in "Ukraine
        // killed 40 Russian occupiers" the word before the number is the clause's verb.
        let numbered = t < from && cx.seg.tokens[t].kind == TokenKind::Number;
        if numbered
            && !(DETERMINERS.contains(cx.w(k))
                || cx.seg.tokens[k].kind == TokenKind::Possessive
                || matches!(cx.w(k), "(" | ")" | "-"))
        {
            break;
        }
        if let Some(o) = hit_at[k] {
            if is_clause_verb(cx, &hits[o], k, sent_start) {
                break;
            }
            t = token_range(cx.seg, hits[o].span).start.min(k);
            continue;
        }
        let w = cx.w(k);
        let kind = cx.seg.tokens[k].kind;
        if DETERMINERS.contains(w) {
            possessor_pronoun |= POSSESSIVE_PRONOUNS.contains(w);
            anaphoric |= ANAPHORIC.contains(w);
            t = k;
            // The determiner opens the phrase; what is before it ("all of the") is not walked.
            break;
        }
        if kind == TokenKind::Possessive {
            // "the group's fighters": a definite noun for an armed group or a movement as
            // possessor refers back as "its" does, when the party named last before it is one.
            if k >= sent_start + 2
                && matches!(cx.w(k - 2), "the" | "this" | "that")
                && GROUP_OWNERS.contains(cx.w(k - 1))
                && cx.mention_at[k - 1].is_none()
                && last_party_is_a_group(cx, sent_start, k - 2)
            {
                return (left, k - 2, true, anaphoric);
            }
            possessive = true;
            t = k;
            continue;
        }
        // India's "baseless allegations": an opening mark right after a possessor.
        if crate::text::is_quote_token(w)
            && k > sent_start
            && cx.seg.tokens[k - 1].kind == TokenKind::Possessive
        {
            t = k;
            continue;
        }
        if matches!(w, "(" | ")" | "-") || kind == TokenKind::Number {
            t = k;
            continue;
        }
        let alpha = w.chars().all(char::is_alphabetic);
        // A participle modifies the term only right after a determiner or a name ("the armed
        // groups"); elsewhere it is more likely the clause's verb ("militias attacked Kurdish
        // ...").
        let participle = w.ends_with("ed") || w.ends_with("ing");
        let after_det =
            k > sent_start && (DETERMINERS.contains(cx.w(k - 1)) || cx.mention_at[k - 1].is_some());
        // A verb of fighting is the clause's verb, even after a name ("the SDF battled ...").
        if alpha && participle && (!after_det || OPPOSING.contains(w)) {
            break;
        }
        if alpha
            && adjectives < 2
            && !NOT_ADJECTIVE.contains(w)
            && w.chars().next().is_some_and(char::is_lowercase)
            && ADJECTIVE_ENDINGS.iter().any(|s| w.ends_with(s))
        {
            adjectives += 1;
            t = k;
            continue;
        }
        break;
    }
    (left, t, possessor_pronoun, anaphoric)
}

/// Nouns for an armed group or a movement that, definite, may own a term as "its" does ("the
/// group's fighters"): not a state's or an organ's ("the government's militias" are named by
/// their owner, not by the speaker before them).
pub(super) static GROUP_OWNERS: WordSet = WordSet::new(&[
    "group",
    "movement",
    "organisation",
    "organization",
    "militia",
]);

/// Whether the last party named before token `before` in its sentence (not as a place) is an
/// armed group or a movement, as the antecedent of [`GROUP_OWNERS`] must be.
pub(super) fn last_party_is_a_group(cx: &Context, sent_start: usize, before: usize) -> bool {
    (sent_start..before)
        .rev()
        .find_map(|k| cx.mention_at[k].filter(|&m| !cx.is_place(m)))
        .is_some_and(|m| {
            matches!(
                cx.type_of(cx.mentions[m].actor),
                ActorType::ArmedGroup | ActorType::Movement
            )
        })
}

/// Walks right from token `from` (the end of the term), at most six steps, collecting the
/// mentions the term may modify ("U.S.-backed, Kurdish-led coalition") or that its owner phrase
/// names ("fighters from a Kurdish-led coalition").
pub(super) fn scan_right(
    cx: &Context,
    e: &LabelEntry,
    hit_at: &[Option<usize>],
    compound: bool,
    from: usize,
    sent_end: usize,
) -> Vec<usize> {
    let mut k = from;
    let mut right: Vec<usize> = Vec::new();
    let mut steps = 0;
    while k < sent_end && steps < 6 {
        let w = cx.w(k);
        if let Some(m) = cx.mention_at[k] {
            right.push(m);
            k = cx.last_token(m) + 1;
            steps += 1;
            continue;
        }
        // A label's of-phrase names its owner ("fighters of HTS"), an act's names its victim
        // ("the invasion of Ukraine"): an act's agent follows "by".
        let owner_prep = if e.kind == Kind::Act { "by" } else { "of" };
        let allowed = DETERMINERS.contains(w)
            || (steps == 0 && (w == owner_prep || (e.kind != Kind::Act && w == "from")))
            || (compound && matches!(w, "," | "-"))
            || hit_at[k].is_some();
        if !allowed {
            break;
        }
        k += 1;
        steps += 1;
    }
    right
}

/// Walks left from the noun phrase's first token over the words that lead into it: adverbs and
/// articles ("also a"), then a designation verb with its auxiliaries ("has been designated as").
/// Gives the first token of those words and whether a designation verb was among them.
pub(super) fn lead_in(cx: &Context, np_start: usize, sent_start: usize) -> (usize, bool) {
    let mut b = np_start;
    while b > sent_start
        && matches!(
            cx.w(b - 1),
            "also" | "still" | "now" | "widely" | "as" | "a" | "an"
        )
    {
        b -= 1;
    }
    if !(b > sent_start && crate::analysis::voice::designates(cx.w(b - 1))) {
        return (b, false);
    }
    b -= 1;
    while b > sent_start
        && matches!(
            cx.w(b - 1),
            "been" | "being" | "has" | "have" | "had" | "is" | "was" | "are" | "were"
        )
    {
        b -= 1;
    }
    (b, true)
}

/// `speaker_of_verb`: an attribution verb ("claimed") describes the speaker of its frame. When
/// the speaker resolves to no actor, or the frame has none (an agentless passive), the verb's
/// link is decided empty: no later rule gives it a party but `reciprocal`, when the speaker is
/// "both sides" or "each side".
pub(super) fn speaker_of_verb(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind != Kind::Attribution {
        return None;
    }
    let frame = &cx.voices.frames[cx.voices.frame_with_verb(t.hit.span)?];
    // A reporting verb's party is its speaker's, and no one else's: a speaker that is no party,
    // or a passive with no agent ("Mali's junta accused of war crimes"), leaves it none.
    let Some(a) = frame.speaker_actor else {
        let speaker = frame.speaker.slice(cx.text);
        return Some(Link {
            actors: Vec::new(),
            rule: LinkRule::SpeakerOfVerb,
            detail: if speaker.is_empty() {
                "a passive with no agent: the text does not say who speaks".to_owned()
            } else {
                format!("speaker '{speaker}' of the reporting verb is no known party")
            },
        });
    };
    let via = frame
        .resolved_from
        .as_ref()
        .map(|r| format!(" (resolved to '{r}')"))
        .unwrap_or_default();
    Some(Link {
        actors: vec![a],
        rule: LinkRule::SpeakerOfVerb,
        detail: format!(
            "speaker '{}'{via} of the reporting verb",
            frame.speaker.slice(cx.text)
        ),
    })
}

/// Whether a word may stand between a subject pronoun and its verb ("it had already", "we
/// will", "it is"): the words voice skips before a verb, a copula, or "been".
pub(super) fn before_verb(w: &str) -> bool {
    crate::analysis::voice::skips_before_verb(w) || COPULA.contains(w) || w == "been"
}

/// A `speaker_subject` link to the speaker's party `a`: "{what} '{speaker}'{via}: the speaker's
/// own act".
pub(super) fn speaker_link(cx: &Context, a: usize, speaker: Span, via: &str, what: &str) -> Link {
    Link {
        actors: vec![a],
        rule: LinkRule::SpeakerSubject,
        detail: format!(
            "{what} '{}'{via}: the speaker's own act",
            speaker.slice(cx.text)
        ),
    }
}

/// The forms of "have", read before a participle.
pub(super) static HAVE_FORMS: WordSet = WordSet::new(&["have", "has", "had"]);

/// Whether the term is a verb: one word ending in "-ed" (a past tense or participle), or one
/// after an auxiliary, a modal or "to" ("will neutralise", "to eliminate"), quotation marks
/// passed over ("would “neutralise”").
pub(super) fn verb_form(cx: &Context, toks: &Range<usize>, sent: &Range<usize>) -> bool {
    let k = marks_before(cx, toks.start, sent.start);
    toks.len() == 1
        && (cx.w(toks.start).ends_with("ed")
            || (k > sent.start && (is_auxiliary(cx.w(k - 1)) || cx.w(k - 1) == "to")))
}

/// The first token from `k` on, before `end`, that is not a quotation mark.
pub(super) fn skip_marks(cx: &Context, mut k: usize, end: usize) -> usize {
    while k < end
        && cx.seg.tokens[k].kind == TokenKind::Punct
        && crate::text::is_quote_token(cx.w(k))
    {
        k += 1;
    }
    k
}

/// The token after the last one before `k`, back to `start`, that is not a quotation mark:
/// where the term at `k` opens with the marks before it passed over.
pub(super) fn marks_before(cx: &Context, mut k: usize, start: usize) -> usize {
    while k > start && crate::text::is_quote_token(cx.w(k - 1)) {
        k -= 1;
    }
    k
}

/// What "its"/"their" opening the term's phrase stands for: the nearest coordinated group of
/// actors before the phrase in the sentence (a plural antecedent), else the nearest actor with
/// its conjuncts. A party named as a place ("in Libya") is passed over.
pub(super) fn pronoun_owners(cx: &Context, t: &Term) -> Option<Vec<usize>> {
    if !t.possessor_pronoun {
        return None;
    }
    let before: Vec<usize> = t
        .in_sentence
        .clone()
        .rev()
        .filter(|&m| cx.last_token(m) < t.np_start && cx.first_token(m) >= t.sent.start)
        .filter(|&m| !cx.is_place(m))
        .collect();
    let plural = before
        .iter()
        .map(|&m| cx.conjuncts(m))
        .find(|g| g.len() > 1);
    plural.or_else(|| before.first().map(|&m| cx.conjuncts(m)))
}

/// The owner of words a noun of attribution doubts, when its own phrase does not name it
/// before the noun ("Kinshasa's claims" is `same_phrase`'s): a possessive pronoun's antecedent
/// ("their propaganda outlets"), or the agent after "by", past a closing quotation mark
/// ("calling them “fabrications” by Kinshasa"). Not an of-phrase, which names what is
/// claimed ("allegations of Rwandan involvement"). An attribution word that is the verb of a
/// frame is `speaker_of_verb`'s.
pub(super) fn claim_owner(cx: &Context, t: &Term) -> Option<Link> {
    let mut by = t.toks.end;
    while by < t.sent.end && crate::text::is_quote_token(cx.w(by)) {
        by += 1;
    }
    let agent = (by + 1 < t.sent.end && cx.w(by) == "by")
        .then(|| {
            let mut k = by + 1;
            while k < t.sent.end && DETERMINERS.contains(cx.w(k)) {
                k += 1;
            }
            cx.mention_at.get(k).copied().flatten()
        })
        .flatten();
    let (owners, how): (Vec<usize>, &str) = if let Some(g) = pronoun_owners(cx, t) {
        (
            g,
            "is what the possessive pronoun before the term stands for, whose words it doubts",
        )
    } else if let Some(m) = agent {
        (
            cx.conjuncts(m),
            "is the agent after 'by', whose words the term doubts",
        )
    } else {
        return None;
    };
    let owners: Vec<usize> = owners
        .into_iter()
        .filter(|&m| cx.compatible(t.entry, m) && !cx.is_place(m))
        .collect();
    let &first = owners.first()?;
    Some(Link {
        actors: unique_actors(cx, &owners),
        rule: LinkRule::Possessor,
        detail: format!("'{}' {how}", cx.mention_text(first)),
    })
}

/// `possessor`: a group noun owned by a party ("the Muslim Brotherhood's militias", "the
/// Brotherhood and its militias", "the militias of the Brotherhood") names that party's forces
/// or members, so it describes that party, whatever type the entry targets: the owner is not a
/// candidate the term may or may not refer to, but the party the phrase says the group belongs
/// to. A person's group is the party the lexicon says the person is part of ("Haftar's
/// militias"). Not a state named by one word, unless the entry may describe a state: "Syria's
/// rebels" are the rebels in Syria, "the militias of the Port Sudan army" the army's, and "the
/// mercenaries of the Zionist regime" the regime's (a state's word before a government noun). Not a
/// relational noun ("Hamas's allies"), whose possessor is the other party, nor
/// a group noun the lexicon makes a proxy word (rule 5 reads those first), nor a backer
/// ("Turkish-backed militias") or designator.
pub(super) fn possessor(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind == Kind::Attribution {
        return claim_owner(cx, t);
    }
    if t.entry.kind != Kind::Label || t.head.is_none_or(|h| h.class != heads::Class::Group) {
        return None;
    }
    // A state named by one word (its country or capital) before a group noun says where the
    // group is, not whose it is ("Syria's rebels", "Moscow's militias"), unless the entry may
    // describe a state; "the militias of the Port Sudan army" are the army's.
    // "The militias of the Syrian regime", "the mercenaries of the Zionist regime": a state's
    // word before a government noun names the state as a polity, not a place.
    let polity = |m: usize| {
        let after = cx.last_token(m) + 1;
        after < t.sent.end && heads::GOVERNMENT_NOUNS.contains(cx.w(after))
    };
    let owns = |m: usize| {
        !matches!(cx.mentions[m].role, Some(Role::Backer | Role::Designator))
            && !cx.is_place(m)
            && (cx.actor_type(m) != ActorType::State
                || t.entry.allows(ActorType::State)
                || cx.mention_text(m).split_whitespace().count() > 1
                || polity(m))
    };
    let (owners, how): (Vec<usize>, &str) = if let Some(&m) = t.left.iter().rev().find(|&&m| {
        let after = cx.last_token(m) + 1;
        after < t.sent.end && cx.seg.tokens[after].kind == TokenKind::Possessive && owns(m)
    }) {
        (vec![m], "owns the phrase")
    } else if let Some(g) = pronoun_owners(cx, t) {
        (
            g,
            "is what the possessive pronoun before the term stands for",
        )
    } else if t.toks.end < t.sent.end && cx.w(t.toks.end) == "of" {
        let after = t.right.first().copied().filter(|&m| owns(m));
        (
            after.into_iter().collect(),
            "owns the phrase (an of-phrase after it)",
        )
    } else if let Some(m) = institution_modifier(cx, t) {
        (
            vec![m],
            "owns the phrase (a noun modifier that names its forces or government)",
        )
    } else {
        return None;
    };
    let owners: Vec<usize> = owners.into_iter().filter(|&m| owns(m)).collect();
    let &first = owners.first()?;
    let mut actors: Vec<usize> = owners
        .iter()
        .filter_map(|&m| {
            let a = cx.mentions[m].actor;
            if t.agrees(cx, a, false) {
                Some(a)
            } else {
                cx.part_of(a)
            }
        })
        .collect();
    actors.dedup();
    if actors.is_empty() {
        return None;
    }
    Some(Link {
        detail: format!(
            "'{}' {how}: the term names its forces or members",
            cx.mention_text(first)
        ),
        actors,
        rule: LinkRule::Possessor,
    })
}

/// The opening comma or dash of an apposition that `close` ends: the nearest one before it in
/// the sentence, at most twenty tokens back, followed by a determiner or a relative pronoun
/// ("HTS, a group formerly linked to al-Qaeda, ..."). None when the stretch holds another
/// clause boundary or nothing opens an apposition.
pub(super) fn apposition_open(cx: &Context, sent_start: usize, close: usize) -> Option<usize> {
    let from = close.saturating_sub(20).max(sent_start);
    let open = (from..close)
        .rev()
        .take_while(|&k| !matches!(cx.w(k), ";" | ":" | "." | "\"" | "“" | "”"))
        .find(|&k| matches!(cx.w(k), "," | "—" | "–"))?;
    matches!(
        cx.w(open + 1),
        "a" | "an" | "the" | "which" | "who" | "whose" | "one"
    )
    .then_some(open)
}

/// The actor nearest the term in its clause, with its conjuncts that the term can describe.
/// Places ("in northern Syria") are skipped. An attribution verb takes any actor before it, but
/// none when passive ("X was accused of"). An act's agent stands before it or after "by", is
/// not the target of "against"/"on" nor the speaker reporting it; a past-tense act ("invaded")
/// takes the first actor of its clause after the last comma, its subject, rather than the
/// nearest, often its object.
pub(super) fn nearest_in(cx: &Context, t: &Term) -> Option<(usize, Vec<usize>)> {
    let (e, h, toks, sent) = (t.entry, t.hit, &t.toks, &t.sent);
    let clause = cx.clause_of(h.sentence, toks.start);
    let frame = cx
        .voices
        .voice_of(cx.seg, h.span)
        .frame
        .map(|f| &cx.voices.frames[f]);
    let speaker_span = frame.map(|f| f.speaker);
    let speaker_actor = frame.and_then(|f| f.speaker_actor);
    // "the enemy", "the adversary" in a party's own words are whoever that party fights: no
    // party by proximity (salience then counts the speaker's opponents double).
    let head = t
        .toks
        .clone()
        .rev()
        .map(|k| cx.w(k))
        .find(|w| w.chars().all(char::is_alphabetic));
    if speaker_actor.is_some() && head.is_some_and(heads::is_adversary_word) {
        return None;
    }
    // A term after "against" names the other side: no party before it in the clause
    // ("the Army would act against terrorists").
    let against = against_before(cx, h.sentence, toks, e.kind);
    // And a label that is the subject of an attack is not its object ("Suspected bandits ...
    // killed a commander of the Community Protection Guards").
    let attacked = against_after(cx, h.sentence, toks, e.kind);
    let supporters = support_before(cx, h.sentence, toks);
    let verb_like = e.kind == Kind::Attribution;
    if verb_like && toks.start > sent.start && BE_FORMS.contains(cx.w(toks.start - 1)) {
        return None;
    }
    let past_verb = e.kind == Kind::Act && h.span.slice(cx.text).to_lowercase().ends_with("ed");
    let passive = past_verb && toks.start > sent.start && BE_FORMS.contains(cx.w(toks.start - 1));
    // The subject of reported words comes after the reporting verb ("Hamas said Israel had
    // liberated ...": Israel, not Hamas).
    let verb_end = frame
        .map(|f| f.verb_tokens().end)
        .filter(|&v| v <= toks.start && v > clause.start)
        .unwrap_or(clause.start);
    let after_comma = past_verb && toks.start > clause.start && cx.w(toks.start - 1) == ",";
    let subject_from = subject_start(cx, clause.start, toks.start, after_comma).max(verb_end);
    // The party an apposition describes is not its possessor ("China, the junta's supplier").
    let described = if t.possessor(cx) {
        t.other_roles(cx)
    } else {
        Vec::new()
    };
    let mut best: Option<(usize, usize)> = None;
    for m in t.in_sentence.clone() {
        let (f, l) = (cx.first_token(m), cx.last_token(m));
        if described.contains(&cx.mentions[m].actor) {
            continue;
        }
        if f < clause.start || l >= clause.end || toks.contains(&f) {
            continue;
        }
        // "Paul Ryan, the chairman of the House Budget Committee, has been excoriated": a
        // party inside an apposition is not an argument of the clause; its anchor is.
        if appositive_of(cx, m, sent.start, toks.start).is_some_and(|a| t.fits(cx, a)) {
            continue;
        }
        if !(t.fits(cx, m) || (verb_like && cx.mentions[m].role.is_none())) {
            continue;
        }
        if cx.is_place(m) || (verb_like && f > toks.start) || t.backers.contains(&m) {
            continue;
        }
        // A party does not call itself, or its own acts, by a delegitimising name ("Israel
        // said the aggression"), whether it is named as the speaker or again in its words ("the
        // Army said the Army would ..."); nor does a person the party they are part of, or the
        // reverse. A neutral or euphemistic act in its own words is often
        // its own ("the command said it had eliminated a cell"), so the speaker stays a
        // candidate for it.
        if e.stance < 0
            && (speaker_span.is_some_and(|sp| sp.contains(cx.mentions[m].span))
                || speaker_actor.is_some_and(|s| cx.lex.one_party(s, cx.mentions[m].actor)))
        {
            continue;
        }
        let within =
            |r: &Option<Range<usize>>| r.as_ref().is_some_and(|b| f >= b.start && l < b.end);
        // (A state's adjective before it says where a fighter is from, not which side he is
        // on: "Syrian rebels advanced against government forces".)
        if (within(&against) && cx.mentions[m].form != Form::Adjective)
            || within(&attacked)
            || within(&supporters)
        {
            continue;
        }
        if e.kind == Kind::Act {
            if no_agent_of_act(cx, m, toks, passive) {
                continue;
            }
        } else if modifies_a_thing(cx, m) {
            continue;
        }
        let dist = if past_verb && l < toks.start {
            if f < subject_from || (after_comma && in_support_phrase(cx, subject_from, f)) {
                continue;
            }
            f - subject_from
        } else if l < toks.start {
            toks.start - l
        } else {
            f.saturating_sub(toks.end) + 1
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, m));
        }
    }
    let (_, m) = best?;
    let group: Vec<usize> = cx
        .conjuncts(m)
        .into_iter()
        .filter(|&g| t.fits(cx, g) || verb_like)
        .collect();
    Some((m, group))
}

/// Where the subject of the term's clause may start: after the last comma before the term, or,
/// for a verb right after a comma (`after_comma`), which closes a parenthetical ("The armed
/// forces, led by Khalifa Haftar, liberated Benghazi"), before the comma that opens it: after
/// the comma before that one, or at the clause's start, and then after a dateline or tag that a
/// dash with spaces closes ("OUAGADOUGOU, October 21 (RTB) - Units ..."; a hyphen inside a
/// name such as "al-Assad" closes nothing). With no comma to open the parenthetical the verb has
/// no subject before it here.
pub(super) fn subject_start(
    cx: &Context,
    clause_start: usize,
    term: usize,
    after_comma: bool,
) -> usize {
    let comma_before = |end: usize| (clause_start..end).rev().find(|&k| cx.w(k) == ",");
    if !after_comma {
        return comma_before(term).map_or(clause_start, |k| k + 1);
    }
    let Some(open) = comma_before(term - 1) else {
        return term;
    };
    let from = comma_before(open).map_or(clause_start, |k| k + 1);
    let spaced_dash = |k: usize| {
        let t = &cx.seg.tokens;
        matches!(cx.w(k), "-" | "—" | "–")
            && k > 0
            && k + 1 < t.len()
            && t[k - 1].span.end < t[k].span.start
            && t[k].span.end < t[k + 1].span.start
    };
    (from..open)
        .rev()
        .find(|&k| spaced_dash(k))
        .map_or(from, |k| k + 1)
}

/// Whether mention `m`, first token `f`, stands in a phrase of support or alliance set off by a
/// comma after `from` ("Units, supported by the VDP, neutralised ..."): a supporter or an ally is
/// no subject; a leader ("led by"), or members after "including", are the subject's own.
pub(super) fn in_support_phrase(cx: &Context, from: usize, f: usize) -> bool {
    (from..f).rev().find(|&j| cx.w(j) == ",").is_some_and(|c| {
        supports_subject(cx.lower, c + 1) && !matches!(cx.w(c + 1), "led" | "including")
    })
}

/// Whether mention `m` can be no agent of the act at `toks` by proximity: a state's people or a
/// population, where acts land as often as they start ("1,060 Iranians were martyred in the
/// aggression"), unless after "by" ("the land grab by Israeli settlers"); a party after the act
/// but not after "by"; the subject of a passive, its
/// patient ("ISWAP terrorists were neutralised"); a party after "against", "on" or "at", with
/// "the" or a region's words between ("its aggression on South Lebanon"). A
/// noun of wrongdoing names its doer after "of" ("the crimes of the Zionist enemy":
/// [`heads::names_doer_after_of`]), at most two words on, with no comma between.
pub(super) fn no_agent_of_act(cx: &Context, m: usize, toks: &Range<usize>, passive: bool) -> bool {
    let (f, l) = (cx.first_token(m), cx.last_token(m));
    let after_by =
        f > toks.start && f > 0 && (cx.w(f - 1) == "by" || (f > 1 && cx.w(f - 2) == "by"));
    let doer_after_of = f > toks.end
        && f <= toks.end + 3
        && cx.w(toks.end) == "of"
        && (toks.end..f).all(|k| cx.w(k) != ",")
        && toks.end > 0
        && heads::names_doer_after_of(cx.w(toks.end - 1));
    (!after_by && (cx.population_reading(m) || (f > toks.start && !doer_after_of)))
        || (passive && l < toks.start)
        || cx
            .word_before_region(m)
            .is_some_and(|w| matches!(w, "against" | "on" | "upon" | "targeting" | "at"))
}

/// The mention an apposition that holds mention `m` is attached to, when the apposition closes
/// before token `before`: "Paul Ryan, the chairman of the House Budget Committee, ..." gives
/// Paul Ryan for the committee. The apposition opens with a comma right after the anchor and
/// holds no other comma. It opens with a determiner, or is a bare title ("Michael Steele,
/// chairman of the Republican National Committee, ...", "Lis Smith, a spokeswoman for ...").
pub(super) fn appositive_of(
    cx: &Context,
    m: usize,
    sent_start: usize,
    before: usize,
) -> Option<usize> {
    let (f, l) = (cx.first_token(m), cx.last_token(m));
    let open = (sent_start..f)
        .rev()
        .take_while(|&k| !matches!(cx.w(k), ";" | ":" | "." | "\"" | "“" | "”"))
        .find(|&k| cx.w(k) == ",")?;
    if open == sent_start
        || !(matches!(cx.w(open + 1), "the" | "a" | "an") || bare_title(cx, open + 1, f))
    {
        return None;
    }
    let anchor = cx.mention_at[open - 1]?;
    let close = (l + 1..before).find(|&k| matches!(cx.w(k), "," | ";" | ":" | "."))?;
    // "Hamas, the US said, is ...": a parenthetical frame is no apposition.
    let frame = cx.voices.frames.iter().any(|f| {
        let v = f.verb_tokens();
        v.start > open && v.start < close
    });
    (cx.w(close) == "," && !frame).then_some(anchor)
}

/// Whether the words from token `from` up to token `to` open a title without a determiner: a
/// role or relational noun among the first three lower-case words, followed by "of", "for" or
/// "at" ("chairman of", "former deputy leader of", "spokeswoman for").
pub(super) fn bare_title(cx: &Context, from: usize, to: usize) -> bool {
    let is_lower_word = |k: usize| {
        let raw = cx.seg.tokens[k].span.slice(cx.text);
        raw.chars().next().is_some_and(char::is_lowercase)
    };
    (from..to.min(from + 3))
        .take_while(|&k| is_lower_word(k))
        .any(|k| {
            let w = cx.w(k);
            (heads::is_role_noun(w) || heads::is_relational_word(w))
                && k + 1 < to
                && matches!(cx.w(k + 1), "of" | "for" | "at")
        })
}

/// Nouns that denote a party itself, its people or its institutions: an adjective naming a
/// party before one of them names the party ("Russian forces", "Turkish officials").
pub(super) static PARTY_NOUNS: WordSet = WordSet::new(&[
    "forces",
    "force",
    "troops",
    "army",
    "armies",
    "military",
    "government",
    "governments",
    "officials",
    "official",
    "authorities",
    "soldiers",
    "soldier",
    "police",
    "units",
    "unit",
    "militia",
    "militias",
    "fighters",
    "officers",
    "commanders",
    "commander",
    "leaders",
    "leader",
    "leadership",
    "president",
    "minister",
    "ministry",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomats",
    "diplomat",
    "state",
    "regime",
    "administration",
    "side",
    "delegation",
    "navy",
    "personnel",
    "security",
    "intelligence",
    "envoy",
    "ambassador",
    "embassy",
    "people",
    "side's",
    "president's",
    "militants",
    "rebels",
    "groups",
    "group",
    "proxies",
    "allies",
    "counterparts",
    "opposition",
    "parliament",
    "junta",
    "cabinet",
    "coalition",
    "alliance",
    "movement",
    "organization",
    "organisation",
    "faction",
    "factions",
    "party",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "wing",
    "branch",
    "affiliate",
    "affiliates",
    "members",
    "supporters",
    "loyalists",
    "partners",
    "counterpart",
    "agents",
]);

/// Whether an adjective mention modifies a noun that is a thing or an event, not the party
/// ("backed by Russian air strikes", "Iranian drones"): then the mention names the party only
/// as the source of that thing, and a label nearby does not describe it.
pub(super) fn modifies_a_thing(cx: &Context, m: usize) -> bool {
    if cx.mentions[m].form != Form::Adjective {
        return false;
    }
    let next = cx.last_token(m) + 1;
    let sentence_end = cx
        .seg
        .sentence_at(cx.mentions[m].span.start)
        .map_or(0, |s| cx.seg.sentences[s].tokens.end);
    if next >= sentence_end || cx.mention_at[next].is_some() {
        return false;
    }
    let w = cx.w(next);
    let word = cx.seg.tokens[next].kind == TokenKind::Word
        && w.chars().next().is_some_and(char::is_alphabetic)
        && cx.seg.tokens[next]
            .span
            .slice(cx.text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    // (A population is people, not a thing: "two Kashmiri youths".)
    word && !PARTY_NOUNS.contains(w) && !cx.population_reading(m)
}

/// Whether the term is followed by the preposition that names its owner: "of"/"from" for a
/// label ("fighters of HTS"), "by" for an act ("an attack by HTS").
pub(super) fn starts_with_owner_pp(cx: &Context, e: &LabelEntry, at: usize, end: usize) -> bool {
    at < end
        && if e.kind == Kind::Act {
            cx.w(at) == "by"
        } else {
            matches!(cx.w(at), "of" | "from")
        }
}
