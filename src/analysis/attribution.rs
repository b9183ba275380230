//! Attribution: which actor(s) each loaded term describes, and the rule that says so.
//!
//! The local rules are tried in this order, the order of the table `RULES` in the code; the
//! first that finds a compatible actor wins (an actor is compatible when its type is one the
//! lexicon entry `targets`):
//! 1. `speaker_of_verb`: an attribution verb ("claimed") describes the speaker of its frame,
//!    and only that: when the speaker is no party ("critics claimed"), or a passive names no
//!    agent ("Mali's junta accused of war crimes"), the verb has none. No proximity rule gives an
//!    attribution word a party; only a reciprocal speaker ("both sides accused each other") is
//!    the two sides (`reciprocal`, below).
//! 2. `speaker_subject`: an act that does not condemn, in reported words whose subject is a
//!    pronoun standing for the speaker ("the Arakan Army said it had “liberated” the town", or
//!    "we" in quoted words: "“We will liberate Darfur,” the army's spokesman said"), is the
//!    speaker's, and so is an act coordinated with that pronoun's verb ("the military said Friday
//!    it had struck a site and “eliminated” a commander"); so is a label said of such a subject
//!    after a copula ("the NUG says it is the country's legitimate government"). A verb of
//!    an act of stance above zero whose subject names no party and holds no delegitimising
//!    term ("the army said troops had “neutralised” 12 gunmen"), or in the passive with no
//!    agent, is the speaker's too (tried when no subject pronoun opens the words); for an
//!    official known by title only this is read in the discourse phase, before `carried_over`.
//! 3. `same_phrase`: an actor named in the term's own noun phrase ("the HTS terror organization",
//!    "Assad's regime", "HTS fighters", "fighters from a Kurdish-led coalition"; a compound
//!    "U.S.-backed" describes the head it modifies), or by the term itself when it abbreviates
//!    forms of its entry that all name one party ("PoK" of "Pakistan-occupied Kashmir"); a
//!    label that is no party noun, right before a party's name or organ, modifies it and
//!    describes it whatever type the entry targets ("the terrorist Israeli army"), and so does an
//!    act's adjective ("genocidal FDLR militia"); a term before a person's title describes
//!    that person's side ("Coup leader Min Aung Hlaing"); a label glued to "-led" says who
//!    leads its head, so when the head is a government or an organ the label describes the
//!    head's possessor ("Syria's Islamist-led authorities").
//! 4. `accused_of`: an act charged with a verb of accusing is the accused's: the object of
//!    "accused X of", else the subject of "X was accused of" ("JNIM has been accused of
//!    atrocities"), never the accuser after "by".
//! 5. `proxy`: a group term owned or backed by a state that the lexicon says has proxies
//!    ("their respective insurgent groups", "Turkey, which supports armed groups", "Turkish-backed
//!    factions") describes those proxies; a plural proxy word ("Tehran's proxies") describes all
//!    of a patron's proxies that the article names, or all those on record.
//! 6. `possessor`: a group noun owned by a party ("the Muslim Brotherhood's militias", "the
//!    Brotherhood and its militias", "the militias of the Brotherhood", "the mercenaries of the
//!    Zionist regime", and a name ending in a noun for forces or a government as the noun
//!    modifier right before it: "Port Sudan army militias") names that party's forces or
//!    members, whatever type the entry targets;
//!    not a place ("in Libya ... its militias") nor a relational noun's possessor ("Hamas's
//!    allies"). A definite noun for an armed group or a movement as possessor refers back as
//!    "its" does, when the party named last before it is one ("the group's fighters" in the
//!    words of M23's spokesman). A noun of attribution doubts its
//!    owner's words: a possessive pronoun's antecedent ("their propaganda outlets") or the
//!    agent after "by" (“fabrications” by
//!    Kinshasa"); what follows it after "of" is what is claimed, never its owner. An owner that
//!    is itself a label ("The regime's propaganda outlet", "The Khawarij, through their
//!    propaganda outlets") is read once that label has its party, in the discourse phase below.
//! 7. `object_complement`: the term names the object of a naming verb ("Turkey considers the
//!    SDF a terrorist group", "he called Mr. Mattis an island of stability"), or, in "the rebels,
//!    who call themselves freedom fighters", the namer; after a passive ("the group was
//!    labelled a terrorist organization") the subject; after "whom/which X calls" ("the
//!    Houthis, whom Saudi Arabia calls an Iranian proxy") what the relative pronoun stands for.
//! 8. `designation`: "HTS—designated as a terrorist organization", "the PKK, which has been
//!    designated as a terrorist group", and the object before "as" ("the junta has designated
//!    the NUG and its armed wing, the PDF, as terrorist organisations": both).
//! 9. `copula`: "HTS is a militant group" (not an act in the passive: the subject of "were
//!    neutralised" is whom it was done to). "We" in quoted words is the speaker, and a bare
//!    "citizens" in a state's words is its own people ("the ministry said two citizens were
//!    martyred").
//! 10. `apposition`: "HTS, a militant group" (not a verb after the comma: "Units, supported by
//!     the VDP, neutralised ..." says what the clause's subject did).
//! 11. `relative_clause`: "the PKK, which ... TERM", with no compatible actor in between.
//! 12. `coordination`: the nearest compatible actor in the same clause when it has conjuncts, all
//!     of them ("both Turkey and the US maintain occupation forces" gives two actors).
//! 13. `nearest_in_clause`: the nearest compatible actor in the same clause, alone, but not the
//!     party before a verb of support whose object the term is ("The UAE denies arming the
//!     paramilitary"). A past-tense
//!     act takes its clause's subject; after a comma, the subject before the parenthetical the
//!     comma closes ("The armed forces, led by Khalifa Haftar, liberated ..."), not a supporter
//!     in a phrase set off before the verb. A state's people ("Iranians") and a population
//!     ("Kurdish civilians") are no act's agent by proximity, unless after "by": acts land on
//!     them as often as they start there. A party after an act is no agent unless after "by",
//!     or after the "of" of a noun of wrongdoing or of dying for a cause ("the crimes of the
//!     Zionist enemy", "the martyrdom of Hassan Nasrallah"; an event
//!     noun's "of" names what is done to: "the invasion of Ukraine"). "The
//!     enemy" in a party's own words takes no party by proximity: it is whoever that party
//!     fights, for `salience` to weigh.
//! 14. `epithet`: a side's name for a party that the lexicon records (`names:` of its entry)
//!     names the party where the article is about that side's conflict: "Khawarij" is
//!     al-Shabaab in an article that names Somalia, the TTP in one that names Pakistan; the
//!     party whose places the article names most often, and none on a tie.
//!
//! A distancing marker ("so-called") takes no local rule: once the local rules are done,
//! `distanced_phrase` gives it the actors of the term, or the mention, in the three tokens after
//! it. A marker that names the party in control of a source ("the Hamas-run health ministry")
//! takes that party instead, as `same_phrase`. Then, in text order, the discourse rules for the terms still without an actor:
//! 15. `reciprocal`: an attribution verb or an act whose subject is reciprocal ("with each side
//!     blaming the other", "both sides accused each other") describes the two sides the article
//!     sets against each other ([`crate::analysis::opponents`]), the pair most in focus at the term.
//! 16. `head_match`: a label that is a shortened name or title of a party the article names
//!     ("the caravan" of "Migrant caravan", "the special counsel" of "special counsel Robert
//!     Mueller", see [`crate::analysis::titles`]) takes that party, the most salient one if several fit.
//!     It overrides the proximity rules (12 and 13), never the others.
//! 17. `same_description`: a label takes the party the article ties the same description to
//!     by a defining rule (3, 5 to 10, or a shortened name): "the militia"
//!     after "the SDF, a Kurdish-led militia", one sense per description and article.
//!     Descriptions are the same when their common-noun words are ("Central American migrants",
//!     "the migrants"); one the article ties to different parties takes none, and an
//!     indefinite phrase after the first tie introduces someone new. Three readings
//!     extend it: a definite description whose bare head the article uses for one party alone
//!     is that party ("the migrant caravan" where "the caravan" is the Central American
//!     Caravan); members are the group they make up ("members of the caravan", "the caravan's
//!     participants", and "the migrants" of "the migrant caravan", "the rebels" of "the rebel
//!     alliance"); and an indefinite phrase before the description's first tie introduces the
//!     party the article then refers back to ("A caravan of migrants reached the border" ...
//!     "the caravan"). A definite description so tied also overrides the proximity rules (12
//!     and 13), unless its own phrase names a party.
//! 18. `carried_over`: a term with no actor in its clause takes the actor its entry was last
//!     tied to, in the same paragraph or the two sentences before, unless the side its voice
//!     takes rules that actor out (as for `salience`, below); after an anaphoric determiner
//!     ("such terrorist groups") the last tie of any category whose actors it can describe. A
//!     definite attribution noun ("the claims", "the accusation") takes the speaker of the last
//!     statement reported before it, in its sentence or the two before (none when that
//!     statement has no named source). A noun of saying set off by a comma after the clause a
//!     frame reports ("..., claims Kigali dismisses as propaganda", "..., a charge India
//!     rejected as “baseless propaganda”") sums up that statement: it, and the word of doubt
//!     its own verb casts it as, take the statement's speaker.
//! 19. `salience`: the most salient compatible party of the article's discourse model
//!     ([`crate::analysis::discourse`]): headline, lead, subject position and repetition, decaying with
//!     distance; never the party whose own statement holds a delegitimising term, nor its
//!     patron or proxy by the lexicon, and a party the article sets against that speaker
//!     ([`crate::analysis::opponents`]) counts double. A speaker
//!     whose title names an office of a state and no party ("Interior ministry spokesman X",
//!     "Major X") speaks for the state most in focus there. The side each voice takes
//!     ([`crate::analysis::alignment`]) rules parties out; a euphemism in the outlet's narration, and a
//!     term of praise in any voice, go to a party that voice sides with, when one is a
//!     candidate. A head that names fighters ("resistance groups") takes an armed group before
//!     a political movement (`discourse::armed_head_first`). A state's adjective on a label
//!     the state cannot be ("Russian mercenaries") puts first a party the lexicon makes that
//!     state's own, its proxy or a party `part_of` it (`discourse::origin_party_first`), and
//!     forces named without saying whose in a state's own words are that state's
//!     (`discourse::speakers_own_forces_first`). An act is not done by the
//!     party of its patient ("Troops neutralise 52 terrorists", "the militants were
//!     eliminated"): once every term is resolved, an act that focus or a carried-over tie gave
//!     that party is resolved again without it.
//! 20. `unnamed_party`: a label that describes parties, with no compatible party in focus, takes
//!     an unnamed party of the article (but a negative label in a party's own statement takes
//!     the one adversary the article sets against it, whatever its type: `salience`); a
//!     delegitimising label on a state's adjective ("Ukrainian militants", "the Russian
//!     terrorists") takes that state instead (`same_phrase`).
//!
//! Every rule, local or not, also asks the label's head noun ([`crate::analysis::heads`]): "the migrants"
//! is plural and never one person, "the administration" is a state, "the president" is a person
//! or a party through one of its people, and "a senior official" is someone new, not a person
//! named before. A person listed as an actor of their own lends a government noun the party the
//! lexicon says they are `part_of` ("the Trump administration", "Abe's government").
//!
//! Across the articles of one story, [`crate::story`] may then re-tie an unnamed party's terms
//! to the party another article names in the same role (`story`).
//!
//! Otherwise the term has no actor. What it does not do: parse syntax. Noun phrases and clauses are
//! approximated from tokens (determiners, possessives, adjective-like words, clause words), so a
//! term whose actor sits in a different clause is carried over or left without one rather than
//! guessed.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::analysis::alignment::{Alignment, Evidence, Holder, Relations};
use crate::analysis::discourse::{
    self, Candidate, Cast, Discourse, Party, Resolved, Salience, Term as DiscourseTerm,
};
use crate::analysis::heads::{self, Head, Referent};
use crate::analysis::mention::{Form, Mention, Role, starting_within};
use crate::analysis::opponents::{
    OPPOSING, Opponents, Opposed, SUPPORT_VERBS, Side, is_attack, supports_subject,
};
use crate::analysis::titles::Known;
use crate::analysis::voice::{Frame, Naming, Voice, VoiceOf, Voices};
use crate::analysis::words::{CLAUSE_WORDS, SUBJECT_PRONOUNS, is_auxiliary};
use crate::lexicon::{ActorType, Kind, LabelEntry, Lexicon};
use crate::text::token_range;
use crate::text::{LowerTokens, Segmented, Span, TokenKind};

/// The rule that tied a term to its actor(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRule {
    SpeakerOfVerb,
    SpeakerSubject,
    SamePhrase,
    AccusedOf,
    Proxy,
    Possessor,
    ObjectComplement,
    Copula,
    Apposition,
    Designation,
    RelativeClause,
    Coordination,
    NearestInClause,
    Epithet,
    DistancedPhrase,
    HeadMatch,
    CarriedOver,
    SameDescription,
    Reciprocal,
    Salience,
    UnnamedParty,
    Story,
    None,
}

impl LinkRule {
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
    pub actors: Vec<usize>,
    pub rule: LinkRule,
    pub detail: String,
}

impl Link {
    fn none() -> Link {
        Link {
            actors: Vec::new(),
            rule: LinkRule::None,
            detail: "no compatible actor found".into(),
        }
    }
}

/// A term found in the text, as attribution needs it.
pub struct TermHit<'a> {
    pub span: Span,
    pub entry: &'a LabelEntry,
    pub sentence: usize,
    /// The one party the entry's forms name, when they all do: an abbreviated form ("PoK")
    /// names it as the full form ("Pakistan-occupied Kashmir") does.
    pub named: Option<usize>,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "any", "this", "that", "these", "those", "such", "some", "many", "several",
    "other", "its", "their", "his", "her", "our", "all", "both", "two", "three", "various", "most",
    "same",
];
/// How many tokens after an act its patient's noun may stand ([`Term::patient`]).
const PATIENT_REACH: usize = 7;
const ANAPHORIC: &[&str] = &["such", "these", "those", "same"];
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their"];
const COPULA: &[&str] = &[
    "is", "was", "are", "were", "remains", "remain", "became", "becomes", "become",
];
/// A clause boundary: `;`, `:`, a dash or a word that opens a subordinate clause.
fn is_clause_boundary(w: &str) -> bool {
    matches!(w, ";" | ":" | "—" | "–") || opens_subordinate(w)
}

/// Whether `w` (lower case) opens a subordinate clause: one of [`CLAUSE_WORDS`], "until" or
/// "since".
fn opens_subordinate(w: &str) -> bool {
    CLAUSE_WORDS.contains(&w) || matches!(w, "until" | "since")
}

const ADJECTIVE_ENDINGS: &[&str] = &[
    "ed", "ic", "al", "ive", "ous", "ist", "ian", "ish", "ese", "ern", "ant", "ent", "ary", "ful",
    "less", "ble", "ing", "led",
];
const NOT_ADJECTIVE: &[&str] = &[
    "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "is", "was",
    "are", "were", "be", "been", "being", "has", "have", "had", "said", "which", "who", "that",
    "as", "not", "led",
];

/// Everything attribution looks at.
pub struct Context<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub lex: &'a Lexicon,
    /// The parties the article names that no lexicon lists; actor index `lex.actors.len() + i`
    /// is `unlisted[i]`.
    pub unlisted: &'a [Party],
    pub mentions: &'a [Mention],
    pub voices: &'a Voices,
    /// The names the other articles of the story give lexicon actors, when the article is read
    /// as one of a story (see [`crate::analysis::titles`]).
    pub story: Option<&'a Known>,
    lower: &'a LowerTokens,
    mention_at: Vec<Option<usize>>,
    /// `tokens[m]`: the first token of mention `m` and the last token of it with its compound
    /// (see [`Context::first_token`] and [`Context::last_token`]), computed once.
    tokens: Vec<(usize, usize)>,
    /// `place[m]`: whether mention `m` is a name read as a place ([`Context::is_place`]).
    place: Vec<bool>,
}

impl<'a> Context<'a> {
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
        }
    }

    /// The same context, for an article read as one of a story whose names are `story`.
    pub fn in_story(self, story: Option<&'a Known>) -> Self {
        Context { story, ..self }
    }

    fn w(&self, t: usize) -> &str {
        self.lower.get(t)
    }
    fn actor_type(&self, m: usize) -> ActorType {
        self.type_of(self.mentions[m].actor)
    }
    /// The type of an actor: a lexicon actor, or a party the article names but no lexicon lists.
    fn type_of(&self, a: usize) -> ActorType {
        match self.lex.actors.get(a) {
            Some(x) => x.actor_type,
            None => self.unlisted[a - self.lex.actors.len()].actor_type,
        }
    }
    /// What a head noun can tell of an actor (see [`crate::analysis::heads`]).
    fn referent(&self, a: usize) -> Referent {
        Referent::of(self.lex.actors.get(a), self.type_of(a))
    }
    /// The party a person listed as an actor is part of (the lexicon's `part_of`).
    fn part_of(&self, a: usize) -> Option<usize> {
        let id = self.lex.actors.get(a)?.part_of.as_ref()?;
        self.lex.actors.iter().position(|x| &x.id == id)
    }
    fn name(&self, actor: usize) -> &str {
        match self.lex.actors.get(actor) {
            Some(x) => &x.name,
            None => &self.unlisted[actor - self.lex.actors.len()].name,
        }
    }

    fn mention_text(&self, m: usize) -> &str {
        self.mentions[m].span.slice(self.text)
    }
    fn compatible(&self, e: &LabelEntry, m: usize) -> bool {
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
    fn population_reading(&self, m: usize) -> bool {
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
    fn is_place(&self, m: usize) -> bool {
        self.place[m]
    }

    /// The word before mention `m` in its sentence, past "the" and the words of a region
    /// ("on South Lebanon", "in the occupied West Bank"): the preposition that says what the
    /// mention is to the clause.
    fn word_before_region(&self, m: usize) -> Option<&str> {
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
    fn first_token(&self, m: usize) -> usize {
        self.tokens[m].0
    }
    /// The last token of mention `m` with its compound.
    fn last_token(&self, m: usize) -> usize {
        self.tokens[m].1
    }

    /// The mentions coordinated with `m` ("Turkey and the US", "Syrian-Russian", and two
    /// parties' adjectives with their head nouns: "Malian soldiers and Russian mercenaries"), in
    /// order.
    fn conjuncts(&self, m: usize) -> Vec<usize> {
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

    fn clause_of(&self, sentence: usize, tok: usize) -> std::ops::Range<usize> {
        let r = self.seg.sentences[sentence].tokens.clone();
        let is_boundary = |t: usize| is_clause_boundary(self.w(t));
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

fn unique_actors(cx: &Context, ms: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &m in ms {
        let a = cx.mentions[m].actor;
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

fn names(cx: &Context, actors: &[usize]) -> String {
    actors
        .iter()
        .map(|&a| cx.name(a))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The links of every term of an article, with the candidates each discourse resolution weighed
/// and the parties the lexicon does not list.
pub struct Linked {
    pub links: Vec<Link>,
    /// Per term: the parties weighed by the discourse model (empty for local rules).
    pub candidates: Vec<Vec<Candidate>>,
    /// Per term: for an act, the parties it is done to (its victims or targets); empty
    /// otherwise.
    pub done_to: Vec<Vec<usize>>,
    pub parties: Vec<Party>,
    /// Per frame of the article's voices: the party an unnamed official or organ speaks for, by
    /// the speaker's title or the organ's words ("Interior ministry spokesman Noureddine
    /// al-Baba", "a security source"; see `officials_of`).
    pub officials: Vec<Option<usize>>,
}

/// Links every term to its actors. `hits` must be in text order.
pub fn link_all(cx: &Context, hits: &[TermHit]) -> Linked {
    let mut hit_at: Vec<Option<usize>> = vec![None; cx.seg.tokens.len()];
    for (hi, h) in hits.iter().enumerate() {
        for t in token_range(cx.seg, h.span) {
            hit_at[t] = Some(hi);
        }
    }
    let heads: Vec<Option<Head>> = hits.iter().map(|h| head_of(cx, h)).collect();
    let mut readings = read_locally(cx, hits, &hit_at, &heads);
    // Distancing markers describe what follows them.
    let links: Vec<Option<Link>> = readings.iter_mut().map(|r| r.link.take()).collect();
    let mut links = links;
    for (hi, h) in hits.iter().enumerate() {
        if h.entry.kind == Kind::Distancing {
            links[hi] = distanced_phrase(cx, hits, &hit_at, &links, hi);
        }
    }
    for (r, l) in readings.iter_mut().zip(links) {
        r.link = l;
    }
    resolve_in_discourse(cx, hits, &heads, readings)
}

/// Speakers named by a label that the terms tied to one party: "The Khawarij, through their
/// propaganda outlets, claimed ..." (the Somali epithet for al-Shabaab), "The rebels' Saba
/// news agency blamed ...". The label opens the speaker, after "the" at most, and is its head
/// (the speaker ends there or at a comma) or the possessor of its head. For each frame whose
/// speaker names no party, or was read by its head noun's type alone ("the junta": the last
/// state named; `Frame::by_type`), and each later frame that shares that speaker: the frame,
/// the party, and the label as written. A party made up for the article alone (an unnamed one)
/// does not count.
///
/// What it does not do: read a label inside the speaker's phrase ("fighters loyal to the
/// rebels"), or one that several parties share ("the two groups said").
pub fn speakers_by_label(
    cx: &Context,
    hits: &[TermHit],
    links: &[Link],
) -> Vec<(usize, usize, String)> {
    let named = cx.lex.actors.len() + cx.unlisted.len();
    let frames = &cx.voices.frames;
    // The label starting at each token, and what each speaker (as a span) was read as.
    let mut label_at: FxHashMap<usize, usize> = FxHashMap::default();
    for (hi, h) in hits.iter().enumerate() {
        if h.entry.kind == Kind::Label {
            label_at
                .entry(token_range(cx.seg, h.span).start)
                .or_insert(hi);
        }
    }
    let mut read: FxHashMap<(usize, usize), Option<(usize, String)>> = FxHashMap::default();
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (fi, f) in frames.iter().enumerate() {
        if (f.speaker_actor.is_some() && !f.by_type) || f.speaker.is_empty() {
            continue;
        }
        let key = (f.speaker.start, f.speaker.end);
        let found = read
            .entry(key)
            .or_insert_with(|| label_speaker(cx, f, fi, hits, links, &label_at, named));
        if let Some((a, label)) = found {
            out.push((fi, *a, label.clone()));
        }
    }
    out
}

/// The party of the label that opens frame `fi`'s speaker as its head or its head's possessor
/// (see [`speakers_by_label`]).
fn label_speaker(
    cx: &Context,
    f: &crate::analysis::voice::Frame,
    fi: usize,
    hits: &[TermHit],
    links: &[Link],
    label_at: &FxHashMap<usize, usize>,
    named: usize,
) -> Option<(usize, String)> {
    let sp = token_range(cx.seg, f.speaker);
    let first = if cx.w(sp.start) == "the" {
        sp.start + 1
    } else {
        sp.start
    };
    let hi = *label_at.get(&first)?;
    let h = &hits[hi];
    // A label read as its own frame's words (a frame inside a quotation that the voice layer
    // gives to it) would make the label speak for itself.
    let own = cx.voices.voice_of(cx.seg, h.span).frame;
    if own.is_some_and(|g| g == fi || cx.voices.frames[g].speaker.contains(h.span)) {
        return None;
    }
    let end = token_range(cx.seg, h.span).end;
    let heads_it =
        end >= sp.end || cx.w(end) == "," || cx.seg.tokens[end].kind == TokenKind::Possessive;
    match (&links[hi].actors[..], heads_it) {
        (&[a], true) if a < named => Some((a, h.span.slice(cx.text).to_owned())),
        _ => None,
    }
}

/// What the local phase finds for one term, for the discourse phase.
#[derive(Default)]
struct Reading {
    /// The link of a local rule, if one fired.
    link: Option<Link>,
    /// The phrase opens with an anaphoric determiner ("such groups").
    anaphoric: bool,
    /// Parties the phrase names in another role (see [`Term::other_roles`]).
    other_roles: Vec<usize>,
    /// For an act, the parties it is done to (see [`Term::done_to`]).
    done_to: Vec<usize>,
    /// The phrase names its own party, one the term cannot describe ("Kurdish fighters").
    owned: bool,
    /// A state the phrase names by its adjective ("Ukrainian militants").
    state_adjective: Option<usize>,
    /// The phrase names some party other than by a state's adjective ("Trump's
    /// 'compromise'", "Russia's militia", "HTS fighters"), or has a possessive pronoun ("its
    /// militia").
    names_party: bool,
    /// Parties the term is a shortened name or title of (see [`crate::analysis::titles`]).
    head_matches: Vec<usize>,
    /// How many parties a plural label counts ("the two countries").
    count: Option<usize>,
    /// Parties the term is the subject of an attack on (see [`against_after`]).
    set_against: Vec<usize>,
    /// For an act, the term that names whom it is done to (see [`Term::patient`]).
    patient: Option<usize>,
}

/// The local rules, term by term in text order (a term may take an earlier term's link).
fn read_locally(
    cx: &Context,
    hits: &[TermHit],
    hit_at: &[Option<usize>],
    heads: &[Option<Head>],
) -> Vec<Reading> {
    // The names each party goes by, built only if some label needs them.
    let known: OnceCell<Known> = OnceCell::new();
    let mut links: Vec<Option<Link>> = vec![None; hits.len()];
    let mut readings: Vec<Reading> = Vec::with_capacity(hits.len());
    for (hi, h) in hits.iter().enumerate() {
        if h.entry.kind == Kind::Distancing {
            readings.push(Reading::default());
            continue;
        }
        let term = Term::new(cx, hits, hit_at, &links, hi, heads[hi].as_ref());
        let phrase: Vec<usize> = term.left.iter().chain(&term.inside).copied().collect();
        // "Kurdish fighters": the phrase itself says whose the fighters are. When that party
        // is not one the term can describe, the discourse model must not pick another. A
        // state's adjective says only where they are from ("Syrian rebels" fight Syria).
        let owned = phrase.iter().any(|&m| {
            cx.actor_type(m) != ActorType::State
                && cx.mentions[m].role.is_none()
                && term.agrees(cx, cx.mentions[m].actor, false)
        });
        let state_adjective = phrase.iter().copied().find(|&m| {
            cx.actor_type(m) == ActorType::State
                && cx.mentions[m].form == Form::Adjective
                && cx.mentions[m].role.is_none()
        });
        let count = (h.entry.kind == Kind::Label)
            .then(|| heads::cardinality(h.span.slice(cx.text)))
            .flatten();
        let mut link = local(cx, &term);
        // "The two countries": one party nearby is not the two the phrase counts.
        if count.is_some_and(|n| n >= 2)
            && link
                .as_ref()
                .is_some_and(|l| l.rule == LinkRule::NearestInClause)
        {
            link = None;
        }
        // A description that is a party's shortened name or title ("the caravan", "the special
        // counsel") refers to that party, whatever stands nearest it.
        let by_proximity = link
            .as_ref()
            .is_none_or(|l| matches!(l.rule, LinkRule::Coordination | LinkRule::NearestInClause));
        let head_matches = if by_proximity {
            head_match_candidates(cx, &known, h, heads[hi].as_ref())
        } else {
            Vec::new()
        };
        let link = if head_matches.is_empty() { link } else { None };
        readings.push(Reading {
            link: None,
            anaphoric: term.anaphoric,
            other_roles: term.other_roles(cx),
            done_to: term.done_to(cx),
            owned,
            state_adjective,
            names_party: possessed(cx, h)
                || term.possessor_pronoun
                || POSSESSIVE_PRONOUNS.contains(&cx.w(term.toks.start))
                || phrase
                    .iter()
                    .any(|&m| cx.mentions[m].form != Form::Adjective),
            head_matches,
            count,
            set_against: term.set_against(cx),
            patient: term.patient(cx),
        });
        links[hi] = link;
    }
    for (r, l) in readings.iter_mut().zip(links) {
        r.link = l;
    }
    readings
}

/// The discourse rules, in text order so that a carried-over tie can feed the next one, for the
/// terms no local rule linked.
fn resolve_in_discourse(
    cx: &Context,
    hits: &[TermHit],
    heads: &[Option<Head>],
    mut readings: Vec<Reading>,
) -> Linked {
    let place: Vec<bool> = (0..cx.mentions.len()).map(|m| cx.is_place(m)).collect();
    let salience = salience_of(cx, hits, &readings, &place);
    // Read only if a term asks for them (most articles have no term that does).
    let sides = sides_of(cx, hits, &readings, &place);
    let read: OnceCell<Opponents> = OnceCell::new();
    let opponents = || {
        read.get_or_init(|| Opponents::read(cx.seg, cx.lower, &sides, |s, t| cx.clause_of(s, t)))
    };
    let descriptions = described(cx, hits, &readings);
    let (officials, alignment) = sides_taken(cx, hits, &readings, &salience, &opponents);
    let set_against = set_against_by_entry(hits, &readings);
    let mut cast = Cast {
        lex: cx.lex,
        parties: cx.unlisted.to_vec(),
    };
    let mut unnamed = Vec::new();
    let mut ties = Ties::default();
    let mut out = Vec::with_capacity(hits.len());
    let mut candidates = Vec::with_capacity(hits.len());
    let mut done_to: Vec<Vec<usize>> = readings
        .iter_mut()
        .map(|r| std::mem::take(&mut r.done_to))
        .collect();
    for (hi, h) in hits.iter().enumerate() {
        let r = &mut readings[hi];
        let mut weighed = Vec::new();
        let link = match r.link.take() {
            // A definite description refers back to the party the article ties it to ("the
            // immigration officials", "the caravan's members"), whatever stands nearest it,
            // unless its own phrase names a party; a bare plural ("fighters") may be anyone's.
            Some(l)
                if matches!(l.rule, LinkRule::Coordination | LinkRule::NearestInClause)
                    && !r.names_party
                    && (definite(cx, h) || heads::members_of(h.span.slice(cx.text)).is_some()) =>
            {
                by_description(cx, &cast, h, heads[hi].as_ref(), r, &descriptions).unwrap_or(l)
            }
            // "Both sides accused each other": the speaker of the frame is the two sides.
            Some(l) if l.actors.is_empty() && l.rule == LinkRule::SpeakerOfVerb => {
                reciprocal(cx, &cast, h, &opponents, &salience).unwrap_or(l)
            }
            Some(l) => l,
            None => {
                let head = heads[hi].as_ref();
                let against: &[usize] = set_against
                    .get(h.entry.id.as_str())
                    .map_or(&[], Vec::as_slice);
                // (The side its voice takes is read only when a tie is there to check.)
                let sided = OnceCell::new();
                let rules_out = |a: usize| {
                    sided.get_or_init(|| side_rules_out(cx, h, &alignment, &officials, &opponents))(
                        a,
                    )
                };
                let (same_entry, recent) = ties.usable(h, r.anaphoric, against, rules_out);
                reciprocal(cx, &cast, h, &opponents, &salience)
                    .or_else(|| head_match(&cast, h, &r.head_matches, &salience, cx.text))
                    .or_else(|| by_description(cx, &cast, h, head, r, &descriptions))
                    .or_else(|| official_doer(cx, hits, h, &officials))
                    .or_else(|| carried_over(cx, &cast, h, head, same_entry, recent))
                    .or_else(|| resumed_statement(cx, h))
                    .or_else(|| owned_by_label(cx, &cast, hits, &out, hi))
                    .or_else(|| earlier_statement(cx, hits, h))
                    .or_else(|| {
                        if r.owned {
                            return None;
                        }
                        let roles = Roles {
                            other: &r.other_roles,
                            set_against: against,
                            patient: &[],
                            head,
                            count: r.count,
                            origin: r.state_adjective.map(|m| cx.mentions[m].actor),
                        };
                        let focus: Focus = (&salience, &opponents, &alignment, &officials);
                        let (l, w) = by_salience(cx, h, r, roles, focus, &mut cast, &mut unnamed)?;
                        weighed = w;
                        Some(l)
                    })
                    .unwrap_or_else(Link::none)
            }
        };
        ties.record(cx, h, &link);
        candidates.push(as_candidates(&cast, weighed));
        // A party cannot be both who does an act and whom it is done to.
        done_to[hi].retain(|a| !link.actors.contains(a));
        out.push(link);
    }
    // An act is not done by whom it is done to: an act that only focus tied to the party of its
    // patient ("Troops neutralise 52 terrorists", with "terrorists" JNIM's) is resolved again
    // without that party.
    let terms = Terms {
        hits,
        heads,
        readings: &readings,
        set_against: &set_against,
    };
    without_patients(
        cx,
        &terms,
        (&salience, &opponents, &alignment, &officials),
        (&mut cast, &mut unnamed),
        &mut out,
        &mut candidates,
        &mut done_to,
    );
    Linked {
        links: out,
        candidates,
        done_to,
        parties: cast.parties,
        officials,
    }
}

/// The last discourse rules for a term: the most salient compatible party (`salience`), else an
/// unnamed party (`unnamed_party`), or the state a delegitimising label's adjective names when
/// nothing is in focus. Gives the link and the parties weighed.
fn by_salience<'o>(
    cx: &Context,
    h: &TermHit,
    r: &Reading,
    roles: Roles,
    focus: Focus<'_, 'o>,
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
) -> Option<(Link, Vec<discourse::Considered>)> {
    let before = cast.parties.len();
    let res = from_salience(cx, h, roles, focus, cast, unnamed)?;
    if res.unnamed
        && let Some(l) = state_named_by_adjective(cx, h, r.state_adjective)
    {
        // The unnamed party made for this term alone is not needed.
        if cast.parties.len() > before {
            cast.parties.pop();
            unnamed.pop();
        }
        return Some((l, res.candidates));
    }
    let link = Link {
        actors: res.actors,
        rule: if res.unnamed {
            LinkRule::UnnamedParty
        } else {
            LinkRule::Salience
        },
        detail: res.detail,
    };
    Some((link, res.candidates))
}

/// The terms of an article as the discourse phase reads them, for [`without_patients`].
struct Terms<'a, 'h> {
    hits: &'a [TermHit<'h>],
    heads: &'a [Option<Head>],
    readings: &'a [Reading],
    set_against: &'a FxHashMap<&'h str, Vec<usize>>,
}

/// What focus weighs: the salience of each party, the parties set against each other, the
/// side each voice takes, and the state each official speaks for.
type Focus<'a, 'o> = (
    &'a Salience,
    &'a dyn Fn() -> &'o Opponents,
    &'a Alignment,
    &'a [Option<usize>],
);

/// Resolves again, without the party of its patient ([`Term::patient`]), each act that focus or
/// a carried-over tie gave that party: "Troops neutralise 52 terrorists" is not the
/// terrorists' act. Runs once every term is resolved, since the patient often comes after the
/// act. What it does not do: carry the new party on to later terms (their ties were made with
/// the old one).
fn without_patients(
    cx: &Context,
    t: &Terms,
    focus: Focus,
    (cast, unnamed): (&mut Cast, &mut Vec<(Vec<ActorType>, usize)>),
    out: &mut [Link],
    candidates: &mut [Vec<Candidate>],
    done_to: &mut [Vec<usize>],
) {
    for hi in 0..t.hits.len() {
        let r = &t.readings[hi];
        let Some(p) = r.patient else {
            continue;
        };
        let (link, patient) = (&out[hi], &out[p].actors);
        if r.owned
            || !matches!(link.rule, LinkRule::Salience | LinkRule::CarriedOver)
            || !link.actors.iter().any(|a| patient.contains(a))
        {
            continue;
        }
        let patient = patient.clone();
        let roles = Roles {
            other: &r.other_roles,
            set_against: t
                .set_against
                .get(t.hits[hi].entry.id.as_str())
                .map_or(&[], Vec::as_slice),
            patient: &patient,
            head: t.heads[hi].as_ref(),
            count: r.count,
            origin: r.state_adjective.map(|m| cx.mentions[m].actor),
        };
        let res = from_salience(cx, &t.hits[hi], roles, focus, cast, unnamed);
        let detail = format!(
            "; its patient '{}' is {}",
            t.hits[p].span.slice(cx.text),
            patient
                .iter()
                .map(|&a| cast.name(a))
                .collect::<Vec<_>>()
                .join(" and ")
        );
        out[hi] = match res {
            Some(res) => {
                candidates[hi] = as_candidates(cast, res.candidates);
                Link {
                    actors: res.actors,
                    rule: if res.unnamed {
                        LinkRule::UnnamedParty
                    } else {
                        LinkRule::Salience
                    },
                    detail: res.detail + &detail,
                }
            }
            None => Link::none(),
        };
        done_to[hi].retain(|a| !out[hi].actors.contains(a));
    }
}

/// The parties a discourse resolution weighed, with their ids, for the report.
fn as_candidates(cast: &Cast, weighed: Vec<discourse::Considered>) -> Vec<Candidate> {
    weighed
        .into_iter()
        .map(|(a, points, excluded)| Candidate {
            actor: cast.id(a).to_owned(),
            points,
            excluded,
        })
        .collect()
}

/// A description denotes one referent through an article: the parties that one use of an entry
/// is set against (the object of its attack, [`against_after`]) are no referent of any use of
/// it. The parties, by entry id.
fn set_against_by_entry<'h>(
    hits: &'h [TermHit],
    readings: &[Reading],
) -> FxHashMap<&'h str, Vec<usize>> {
    let mut out: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (h, r) in hits.iter().zip(readings) {
        if !r.set_against.is_empty() {
            let v = out.entry(h.entry.id.as_str()).or_default();
            v.extend(&r.set_against);
            v.sort_unstable();
            v.dedup();
        }
    }
    out
}

/// The rules whose ties say what a description means in an article: each reads the party off
/// the text around the term itself (its phrase, an apposition, a copula, a naming verb).
/// Not a relative clause's (the term may be an argument inside the clause, not what the clause
/// says of its antecedent) nor the proximity rules'.
const DEFINING_RULES: &[LinkRule] = &[
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
struct Described {
    actors: Vec<usize>,
    first: (usize, String),
    ties: usize,
    /// Some tie is of the bare head with a determiner ("the caravan"): in this article the head
    /// alone picks the party out.
    bare: bool,
}

/// How a label found the description the article ties (see [`Descriptions::find`]).
enum Via<'a> {
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
struct Descriptions {
    /// By description key ([`heads::description_key`]): one party per description, `None`
    /// for a description tied to different parties.
    by_key: FxHashMap<String, Option<Described>>,
    /// By the description of a group's members ("migrant" from "the migrant caravan"), with
    /// the group's text.
    members: FxHashMap<String, Option<(Described, String)>>,
}

impl Descriptions {
    /// The tie of a description key: its own, else (uniqueness of a definite description) the
    /// tie of its bare head when the article uses the bare head for one party alone.
    fn tied(&self, key: &str) -> Option<(&Described, bool)> {
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
    fn find<'a>(&'a self, text: &'a str) -> Option<(&'a Described, Via<'a>)> {
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
fn described(cx: &Context, hits: &[TermHit], readings: &[Reading]) -> Descriptions {
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

/// Whether a possessor stands right before a term, quotation marks aside ("Trump's
/// 'compromise'"), even one that is a term of its own.
fn possessed(cx: &Context, h: &TermHit) -> bool {
    let start = cx.seg.sentences[h.sentence].tokens.start;
    let mut t = token_range(cx.seg, h.span).start;
    while t > start && crate::text::is_quote_token(cx.w(t - 1)) {
        t -= 1;
    }
    t > start && cx.seg.tokens[t - 1].kind == TokenKind::Possessive
}

/// Whether a negation stands in the three tokens before a term ("is not a terrorist group",
/// "are no longer rebels").
fn denied(cx: &Context, h: &TermHit) -> bool {
    let t = token_range(cx.seg, h.span).start;
    let start = cx.seg.sentences[h.sentence].tokens.start;
    (start.max(t.saturating_sub(3))..t).any(|k| matches!(cx.w(k), "not" | "n't" | "never" | "no"))
}

/// Whether a term opens with, or follows, an indefinite article.
fn indefinite(cx: &Context, h: &TermHit) -> bool {
    let is = |w: &str| matches!(w, "a" | "an" | "another");
    let t = token_range(cx.seg, h.span).start;
    let first = h
        .span
        .slice(cx.text)
        .split_whitespace()
        .next()
        .unwrap_or("");
    is(&first.to_lowercase()) || (t > cx.seg.sentences[h.sentence].tokens.start && is(cx.w(t - 1)))
}

/// `same_description`: a label with no actor of its own takes the party the article ties the same
/// description to elsewhere ("the migrants" after "the caravan of Central American migrants"),
/// when that party fits it.
fn same_description(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    head: Option<&Head>,
    other_roles: &[usize],
    found: (&Described, Via),
) -> Option<Link> {
    let (d, via) = found;
    let e = h.entry;
    // "a group": an indefinite phrase introduces someone new, though "a member of the caravan"
    // belongs to a group known. The head alone picks a party out only in a definite phrase.
    // An indefinite phrase before the description's first tie introduces the party the
    // article then refers back to ("a caravan of migrants reached the border" ... "the
    // caravan").
    let new = head.is_some_and(|hd| hd.indefinite) || indefinite(cx, h);
    let introduces = new && d.first.0 > h.sentence && !matches!(via, Via::Members(_));
    if e.kind != Kind::Label
        || (new && !introduces && !matches!(via, Via::MemberOf(_)))
        || (matches!(via, Via::Head) && !new && !definite(cx, h))
    {
        return None;
    }
    let v = cx.voices.voice_of(cx.seg, h.span);
    let speaker = match v.voice {
        Voice::Quote | Voice::Reported if e.stance < 0 => {
            v.frame.and_then(|f| cx.voices.frames[f].speaker_actor)
        }
        _ => None,
    };
    let fits = d.actors.iter().all(|&a| {
        e.allows(cast.actor_type(a))
            && head.is_none_or(|hd| hd.refuses(cast.referent(a), false).is_none())
            && speaker != Some(a)
            && !other_roles.contains(&a)
    });
    if !fits {
        return None;
    }
    let parties = d
        .actors
        .iter()
        .map(|&a| cast.name(a))
        .collect::<Vec<_>>()
        .join(" and ");
    let tied = format!(
        "'{}' in sentence {}{}",
        d.first.1,
        d.first.0 + 1,
        if d.ties > 1 {
            format!(", and {} more", d.ties - 1)
        } else {
            String::new()
        }
    );
    let detail = match via {
        Via::Same | Via::Head if introduces => format!(
            "this indefinite phrase introduces the party that the article then refers back to \
             as {parties} ({tied})"
        ),
        Via::Same => format!("the article ties this description to {parties} ({tied})"),
        Via::Head => format!(
            "the article ties the bare head of this definite description to {parties} ({tied}), \
             so it picks out that party"
        ),
        Via::Members(group) => format!(
            "these are the members of '{group}', a group the article ties to {parties} ({tied})"
        ),
        Via::MemberOf(group) => {
            format!("members of '{group}', which the article ties to {parties} ({tied})")
        }
    };
    Some(Link {
        actors: d.actors.clone(),
        rule: LinkRule::SameDescription,
        detail,
    })
}

/// `same_description` for a term, unless its own phrase says whose it is: "Kurdish fighters"
/// and "Russia's militia" name their own party and are not the description tied elsewhere
/// ("Hamas fighters"), and "the two countries" counts its parties (salience does). A state's
/// adjective only says where they are from ("Palestinian fighters" may be the article's PIJ
/// fighters), as for salience.
fn by_description(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    head: Option<&Head>,
    r: &Reading,
    descriptions: &Descriptions,
) -> Option<Link> {
    if r.owned || r.names_party || r.count.is_some() {
        return None;
    }
    let found = descriptions.find(h.span.slice(cx.text))?;
    same_description(cx, cast, h, head, &r.other_roles, found)
}

/// "Ukrainian militants", "the Russian terrorists" with no compatible party in focus: a
/// delegitimising label on a state's adjective names that state's own forces (the usual way one
/// side's media speak of the other's army), rather than an unnamed party. Neutral and contested
/// labels are left alone: "Syrian rebels" fight Syria.
fn state_named_by_adjective(cx: &Context, h: &TermHit, adjective: Option<usize>) -> Option<Link> {
    let m = adjective?;
    (h.entry.kind == Kind::Label && h.entry.stance < 0).then(|| Link {
        actors: vec![cx.mentions[m].actor],
        rule: LinkRule::SamePhrase,
        detail: format!(
            "'{}' in the same noun phrase: a delegitimising name for that state's forces, with no \
             compatible party in focus",
            cx.mention_text(m)
        ),
    })
}

/// "Port Sudan army militias": a party's name that ends in a noun for its forces or its rulers
/// (government, regime, junta ...), written as the noun modifier right before a group noun, owns
/// the group, as "the militias of the Port Sudan army" does. A country's name does not, bare or
/// ending in a noun for the country ("Iraq militias", "Islamic Republic militias": where they
/// are), nor an adjective ("Palestinian fighters").
fn institution_modifier(cx: &Context, t: &Term) -> Option<usize> {
    let &m = t.left.first()?;
    let last = cx.last_token(m);
    let head = cx.w(last);
    (cx.mentions[m].form == Form::Name
        && last + 1 == t.toks.start
        && (heads::is_forces_head(head)
            || (heads::GOVERNMENT_NOUNS.contains(&head) && !heads::names_a_country(head))))
    .then_some(m)
}

/// The parties a label is a shortened name or title of (see [`crate::analysis::titles`]): those the
/// article names whose words hold every word of the label, that its type and head allow.
fn head_match_candidates(
    cx: &Context,
    known: &OnceCell<Known>,
    h: &TermHit,
    head: Option<&Head>,
) -> Vec<usize> {
    if h.entry.kind != Kind::Label || !definite(cx, h) {
        return Vec::new();
    }
    let Some(words) = heads::description_words(h.span.slice(cx.text)) else {
        return Vec::new();
    };
    let known = known.get_or_init(|| {
        let parties = cx.lex.actors.len() + cx.unlisted.len();
        Known::build(cx.text, cx.seg, cx.lower, cx.mentions, parties)
    });
    let fits = |&a: &usize| {
        h.entry.allows(cx.type_of(a))
            && head.is_none_or(|hd| hd.refuses(cx.referent(a), false).is_none())
    };
    let here: Vec<usize> = known
        .matching(&words, known.named())
        .into_iter()
        .filter(fits)
        .collect();
    if !here.is_empty() {
        return here;
    }
    // A name only another article of the story gives ("the caravan" where this article never
    // writes "Migrant caravan").
    cx.story.map_or_else(Vec::new, |story| {
        story
            .matching(&words, story.named())
            .into_iter()
            .filter(fits)
            .collect()
    })
}

/// Whether a label reads as a definite description or a title, the forms a shortened name takes:
/// it opens with, or follows, a definite determiner or a possessive ("the caravan", "the
/// regime", "its leader"), or it is capitalised ("President Trump", "Special Counsel"). A bare
/// plural ("terrorists") is generic and names no one in particular.
fn definite(cx: &Context, h: &TermHit) -> bool {
    const DEFINITE: &[&str] = &[
        "the", "this", "that", "these", "those", "its", "their", "his", "her",
    ];
    let text = h.span.slice(cx.text);
    let t = token_range(cx.seg, h.span).start;
    let start = cx.seg.sentences[h.sentence].tokens.start;
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    // A capital counts where the sentence does not give it, or on a title ("President Trump").
    let title = heads::class_of(&first) == Some(heads::Class::Role);
    if (t > start || title) && text.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if DEFINITE.contains(&first.as_str()) {
        return true;
    }
    t > start
        && (DEFINITE.contains(&cx.w(t - 1)) || cx.seg.tokens[t - 1].kind == TokenKind::Possessive)
}

/// "The regime's propaganda outlet ENA", "The Khawarij, through their propaganda outlets": an
/// attribution term owned by an earlier label, by its possessive or by "its"/"their" in an
/// adjunct set off right after the label (only punctuation and a preposition between), is owned
/// by the party the label was tied to (`done`: the links of the terms before it), as the
/// `possessor` rule reads a name. What it does not do: read "of" ("the outlets of the regime"),
/// a pronoun further on, or a label after the term.
fn owned_by_label(
    cx: &Context,
    cast: &Cast,
    hits: &[TermHit],
    done: &[Link],
    hi: usize,
) -> Option<Link> {
    let h = &hits[hi];
    if h.entry.kind != Kind::Attribution {
        return None;
    }
    let t = token_range(cx.seg, h.span).start;
    let sent_start = cx.seg.sentences[h.sentence].tokens.start;
    if t < sent_start + 2 {
        return None;
    }
    let possessive = cx.seg.tokens[t - 1].kind == TokenKind::Possessive;
    let pronoun = POSSESSIVE_PRONOUNS.contains(&cx.w(t - 1));
    if !possessive && !pronoun {
        return None;
    }
    let j = (0..hi).rev().find(|&j| hits[j].entry.kind == Kind::Label)?;
    let owner = &hits[j];
    let end = token_range(cx.seg, owner.span).end;
    let fits = if possessive {
        end == t - 1
    } else {
        // The pronoun is in an adjunct set off right after the label ("The Khawarij, through
        // their propaganda outlets, claimed"): only punctuation and a preposition between.
        owner.sentence == h.sentence
            && (end..t - 1).all(|k| {
                cx.seg.tokens[k].kind == TokenKind::Punct
                    || matches!(cx.w(k), "through" | "via" | "with" | "in" | "on" | "by")
            })
    };
    let actors = &done.get(j)?.actors;
    if !fits || actors.is_empty() || !actors.iter().all(|&a| h.entry.allows(cast.actor_type(a))) {
        return None;
    }
    Some(Link {
        actors: actors.clone(),
        rule: LinkRule::Possessor,
        detail: format!(
            "owned by '{}', which was tied to {}",
            owner.span.slice(cx.text),
            actors
                .iter()
                .map(|&a| cast.name(a))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    })
}

/// "..., claims Kigali dismisses as propaganda", "..., a charge rejected by India as “baseless
/// propaganda”": a noun of saying set off by a comma after the clause a frame reports, bare or
/// after "a"/"an" (a resumptive appositive), sums up that statement. The noun, and a word of doubt
/// the appositive's own verb casts it as ("as propaganda"), describe the statement's speaker.
/// The appositive must read as a relative clause on the noun (a subject, "which"/"that", or a
/// passive with "by"/"as" after it). What it does not do: read a noun with its own "of" ("...,
/// claims of genocide"), one in a list ("rumours, claims and propaganda") or opening a clause of
/// its own ("..., allegations surfaced"), the end of a subordinate clause ("When Israel said
/// ..., allegations ..."), or an appositive with a comma inside; nor give a party when the
/// statement's speaker is none.
fn resumed_statement(cx: &Context, h: &TermHit) -> Option<Link> {
    if h.entry.kind != Kind::Attribution {
        return None;
    }
    let sent = cx.seg.sentences[h.sentence].tokens.clone();
    let toks = token_range(cx.seg, h.span);
    // The comma before a resumptive noun at `r`.
    let comma_before = |r: usize| {
        let k = if r > sent.start && matches!(cx.w(r - 1), "a" | "an") {
            r - 1
        } else {
            r
        };
        (k > sent.start + 1
            && cx.w(k - 1) == ","
            && crate::analysis::voice::CLAIM_NOUNS.contains(&cx.w(r))
            && (r + 1 >= sent.end || cx.w(r + 1) != "of"))
            .then(|| k - 1)
    };
    let comma = match comma_before(toks.start) {
        Some(c) => c,
        None => {
            // A word of doubt after "as" (and up to two words more: "as baseless propaganda"),
            // in the appositive of a noun of saying, with no comma between them.
            let mut a = toks.start;
            let mut words = 0;
            while a > sent.start && cx.w(a - 1) != "as" {
                if !crate::text::is_quote_token(cx.w(a - 1)) {
                    words += 1;
                    if words > 2 || cx.seg.tokens[a - 1].kind != TokenKind::Word {
                        return None;
                    }
                }
                a -= 1;
            }
            if a <= sent.start {
                return None;
            }
            (sent.start..a - 1)
                .rev()
                .take(12)
                .take_while(|&r| cx.w(r) != ",")
                .find_map(comma_before)?
        }
    };
    // The appositive is a relative clause on the noun (its subject a name or a determiner's
    // phrase, or "which"/"that", or a passive with "by" or "as"), not a list ("rumours, claims
    // and propaganda") nor a new clause whose subject it is ("..., allegations surfaced").
    let r =
        (comma + 1..sent.end).find(|&k| crate::analysis::voice::CLAIM_NOUNS.contains(&cx.w(k)))?;
    let next = r + 1;
    let relative = next < sent.end
        && (DETERMINERS.contains(&cx.w(next))
            || matches!(cx.w(next), "which" | "that" | "who")
            || (cx.seg.tokens[next].kind == TokenKind::Word
                && cx.seg.tokens[next]
                    .span
                    .slice(cx.text)
                    .starts_with(char::is_uppercase))
            || (cx.w(next).ends_with("ed")
                && next + 1 < sent.end
                && matches!(cx.w(next + 1), "by" | "as")));
    // Nor the end of a clause a subordinator opens ("When Israel said ..., allegations ...").
    let subordinate =
        opens_subordinate(cx.w(sent.start)) || matches!(cx.w(sent.start), "after" | "before");
    if !relative || subordinate {
        return None;
    }
    let at = cx.seg.tokens[comma].span.start;
    let f = cx.voices.frames.iter().rev().find(|f| {
        f.sentence == h.sentence
            && f.naming.is_none()
            && f.verb.end <= at
            && f.scope.end >= comma
            && f.scope.start < comma
    })?;
    let how = format!(
        "sums up, after a comma, what '{}' said before it",
        f.speaker.slice(cx.text)
    );
    statement_speaker(cx, h, f, &how)
}

/// `head_match`: of the parties a label is a shortened name or title of, the most salient at
/// the term (the first named when none is in focus).
fn head_match(
    cast: &Cast,
    h: &TermHit,
    matches: &[usize],
    salience: &Salience,
    text: &str,
) -> Option<Link> {
    let first = *matches.first()?;
    let ranked = salience.at(h.sentence, h.span.start);
    let a = ranked
        .iter()
        .map(|&(a, _)| a)
        .find(|a| matches.contains(a))
        .unwrap_or(first);
    let others = matches.len() - 1;
    Some(Link {
        actors: vec![a],
        rule: LinkRule::HeadMatch,
        detail: format!(
            "'{}' is a shortened name or title of {}{}",
            h.span.slice(text),
            cast.name(a),
            if others > 0 {
                format!(", the most salient of {} that it fits", others + 1)
            } else {
                String::new()
            }
        ),
    })
}

/// The link of an attribution noun `h` that refers to the statement of frame `f`: its speaker's
/// party (`how` says how the noun refers to it); none when the speaker is no party.
fn statement_speaker(
    cx: &Context,
    h: &TermHit,
    f: &crate::analysis::voice::Frame,
    how: &str,
) -> Option<Link> {
    Some(Link {
        actors: vec![f.speaker_actor?],
        rule: LinkRule::CarriedOver,
        detail: format!("'{}' {how}", h.span.slice(cx.text)),
    })
}

/// "The claims could not be independently verified", "calling the accusation a lie": a
/// definite attribution noun with no speaker of its own refers back to the last statement
/// reported before it, in its sentence or the two before, and describes that statement's
/// speaker. When that speaker is no known party, neither is the term's.
fn earlier_statement(cx: &Context, hits: &[TermHit], h: &TermHit) -> Option<Link> {
    if h.entry.kind != Kind::Attribution || !definite(cx, h) {
        return None;
    }
    // Not the frame the term is in ("The army denies the accusations": the army is the one
    // accused, not the accuser).
    let t = token_range(cx.seg, h.span).start;
    let f = cx.voices.frames.iter().rev().find(|f| {
        f.verb.end <= h.span.start
            && f.naming.is_none()
            && !f.scope.contains(&t)
            && f.sentence < h.sentence
    })?;
    if h.sentence - f.sentence > 2 {
        return None;
    }
    // A statement reported since with no speaker ("has also been accused of war crimes") is the
    // one referred to, and its source is unknown.
    if hits.iter().any(|o| {
        o.entry.kind == Kind::Attribution
            && o.span.start >= f.verb.end
            && o.span.end <= h.span.start
            && o.span != f.verb
    }) {
        return None;
    }
    let how = format!(
        "refers back to what '{}' said in sentence {}",
        f.speaker.slice(cx.text),
        f.sentence + 1
    );
    statement_speaker(cx, h, f, &how)
}

/// The article's discourse model (see [`crate::analysis::discourse`]), with `place[m]` set for the
/// mentions that name a place.
fn salience_of(cx: &Context, hits: &[TermHit], readings: &[Reading], place: &[bool]) -> Salience {
    // Salience counts every term a local rule tied, and every definite description that is a
    // shortened name of one party only ("the caravan" for "Migrant caravan"): both refer to it.
    let ties: Vec<(usize, usize, Vec<usize>)> = hits
        .iter()
        .zip(readings)
        .filter_map(|(h, r)| {
            let actors = match r.link.as_ref() {
                Some(l) => l.actors.clone(),
                None if r.head_matches.len() == 1 => r.head_matches.clone(),
                None => return None,
            };
            (!actors.is_empty() && h.entry.kind != Kind::Attribution).then_some((
                h.sentence,
                h.span.start,
                actors,
            ))
        })
        .collect();
    let d = Discourse {
        text: cx.text,
        seg: cx.seg,
        lower: cx.lower,
        mentions: cx.mentions,
        place,
        first_unlisted: cx.lex.actors.len(),
    };
    Salience::build(&d, cx.lex.actors.len() + cx.unlisted.len(), &ties)
}

/// The sides of hostility for [`Opponents::read`]: the parties named (not as a place or in a
/// compound role), and the terms a local rule tied to one party ("the occupation forces", "HTS
/// fighters") where no name stands; sorted by their first token.
fn sides_of(cx: &Context, hits: &[TermHit], readings: &[Reading], place: &[bool]) -> Vec<Side> {
    let mut sides: Vec<Side> = (0..cx.mentions.len())
        .filter(|&m| cx.mentions[m].role.is_none() && !place[m])
        .map(|m| Side {
            first: cx.first_token(m),
            last: cx.last_token(m),
            actor: cx.mentions[m].actor,
        })
        .collect();
    for (h, r) in hits.iter().zip(readings) {
        let toks = token_range(cx.seg, h.span);
        if let Some(l) = r.link.as_ref()
            && let [actor] = l.actors[..]
            && h.entry.kind == Kind::Label
            && !toks.is_empty()
            && toks.clone().all(|t| cx.mention_at[t].is_none())
        {
            sides.push(Side {
                first: toks.start,
                last: toks.end - 1,
                actor,
            });
        }
    }
    sides.sort_by_key(|s| s.first);
    sides
}

/// Reciprocal subjects before a verb or an act, as two words: "each side blaming the other",
/// "both sides accused ...", "the two sides".
const RECIPROCAL_SUBJECTS: &[(&str, &str)] = &[
    ("each", "side"),
    ("either", "side"),
    ("both", "sides"),
    ("two", "sides"),
    ("both", "parties"),
    ("warring", "sides"),
    ("warring", "parties"),
];

/// Words that may stand between a reciprocal subject and its verb.
const RECIPROCAL_GAP: &[&str] = &[
    "has",
    "have",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "also",
    "again",
    "repeatedly",
    "then",
    "later",
    "quickly",
    "immediately",
];

/// `reciprocal`: an attribution verb or an act whose subject is reciprocal ("with each side
/// blaming the other", "both sides accused each other of violations") describes the two sides
/// of the article's conflict: of the pairs of parties the article sets against each other
/// ([`crate::analysis::opponents`]), the one most in focus at the term. None when the article sets no
/// two parties against each other that are both in focus.
fn reciprocal<'o>(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    opponents: &dyn Fn() -> &'o Opponents,
    salience: &Salience,
) -> Option<Link> {
    if !matches!(h.entry.kind, Kind::Attribution | Kind::Act) {
        return None;
    }
    // The subject stands right before the verb, or before an auxiliary or adverb ("both sides
    // have repeatedly accused ..."); a passive ("both sides were accused of war crimes") has
    // the two sides as its object, not as its accusers.
    let t = token_range(cx.seg, h.span).start;
    let sent_start = cx.seg.sentences[h.sentence].tokens.start;
    let mut k = t;
    while k > sent_start && RECIPROCAL_GAP.contains(&cx.w(k - 1)) {
        k -= 1;
    }
    let progressive = cx.w(t).ends_with("ing");
    if (!progressive && (k..t).any(|j| BE_FORMS.contains(&cx.w(j)))) || k < sent_start + 2 {
        return None;
    }
    let subject = k - 2;
    if !RECIPROCAL_SUBJECTS
        .iter()
        .any(|&(a, b)| cx.w(subject) == a && cx.w(subject + 1) == b)
    {
        return None;
    }
    let points = salience.at(h.sentence, h.span.start);
    let of = |a: usize| points.iter().find(|p| p.0 == a).map_or(0, |p| p.1);
    let (pair, sum) = opponents()
        .pairs()
        .iter()
        .filter(|p| of(p.a) >= discourse::MIN_POINTS && of(p.b) >= discourse::MIN_POINTS)
        .map(|p| (p, of(p.a) + of(p.b)))
        .fold(None, |best: Option<(&Opposed, u32)>, (p, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((p, n)),
        })?;
    let mut actors = vec![pair.a, pair.b];
    actors.sort_by_key(|&a| std::cmp::Reverse(of(a)));
    Some(Link {
        detail: format!(
            "'{} {}' are the two sides the article sets against each other, the pair most in \
             focus ({sum} points): {} and {} ('{}' in sentence {})",
            cx.w(subject),
            cx.w(subject + 1),
            cast.name(actors[0]),
            cast.name(actors[1]),
            pair.word,
            pair.sentence + 1
        ),
        actors,
        rule: LinkRule::Reciprocal,
    })
}

/// What a term's own reading rules out or asks of a party, for [`from_salience`].
struct Roles<'r> {
    /// Parties its phrase names in another role ([`Term::other_roles`]).
    other: &'r [usize],
    /// Parties its description is set against ([`set_against_by_entry`]).
    set_against: &'r [usize],
    /// For an act, the parties of its patient ([`Term::patient`]).
    patient: &'r [usize],
    head: Option<&'r Head>,
    count: Option<usize>,
    /// The state its phrase names by an adjective ("Russian mercenaries").
    origin: Option<usize>,
}

/// Resolves a term from the article's discourse model (see [`crate::analysis::discourse`]).
fn from_salience<'o>(
    cx: &Context,
    h: &TermHit,
    roles: Roles,
    (salience, opponents, alignment, officials): Focus<'_, 'o>,
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
) -> Option<Resolved> {
    let v = cx.voices.voice_of(cx.seg, h.span);
    let holder = (h.entry.stance != 0)
        .then(|| holder_of(cx, &v, officials))
        .flatten();
    let relations = Sides {
        lex: cast.lex,
        opponents,
    };
    let leaning = |a: usize| {
        holder
            .as_ref()
            .and_then(|ho| alignment.leaning(ho, a, &relations))
    };
    let frame = match v.voice {
        Voice::Quote | Voice::Reported => v.frame,
        _ => None,
    };
    let named = frame.and_then(|f| cx.voices.frames[f].speaker_actor);
    let speaker_official = named.is_none() && frame.is_some_and(|f| officials[f].is_some());
    let speaker_actor = named.or_else(|| frame.and_then(|f| officials[f]));
    // A delegitimising term in a party's own words is about those the article sets against it.
    let opposed: Vec<(usize, String)> = match speaker_actor {
        Some(s) if h.entry.stance < 0 => opponents()
            .of(s)
            .map(|(a, o)| (a, format!("'{}' in sentence {}", o.word, o.sentence + 1)))
            .collect(),
        _ => Vec::new(),
    };
    let term = DiscourseTerm {
        entry: h.entry,
        span: h.span,
        sentence: h.sentence,
        speaker_actor,
        speaker_official,
        opposed: &opposed,
        other_roles: roles.other,
        set_against: roles.set_against,
        patient: roles.patient,
        head: roles.head,
        count: roles.count,
        origin: roles.origin,
        leaning: &leaning,
        narration: v.voice == Voice::Author,
        owner_pp: {
            // The owner phrase may follow the closing mark of a quoted term ("“mercenaries” of").
            let sent_end = cx.seg.sentences[h.sentence].tokens.end;
            let mut at = token_range(cx.seg, h.span).end;
            while at < sent_end && crate::text::is_quote_token(cx.w(at)) {
                at += 1;
            }
            starts_with_owner_pp(cx, h.entry, at, sent_end)
        },
    };
    discourse::resolve(salience, cast, unnamed, &term, cx.text, cx.seg)
}

/// Whether the side the voice of term `h` takes rules party `a` out for it: a negative term
/// (not a euphemism) does not describe the speaker's own party or a party its voice sides with,
/// and a positive one not a party its voice is set against (see [`crate::analysis::alignment`]).
fn side_rules_out<'a, 'o>(
    cx: &'a Context,
    h: &'a TermHit,
    alignment: &'a Alignment,
    officials: &'a [Option<usize>],
    opponents: &'a dyn Fn() -> &'o Opponents,
) -> impl Fn(usize) -> bool + 'a
where
    'o: 'a,
{
    let e = h.entry;
    let v = cx.voices.voice_of(cx.seg, h.span);
    let holder = (e.stance != 0 && e.stance_is_the_users())
        .then(|| holder_of(cx, &v, officials))
        .flatten();
    let speaker = match v.voice {
        Voice::Quote | Voice::Reported => v
            .frame
            .and_then(|f| cx.voices.frames[f].speaker_actor.or(officials[f])),
        _ => None,
    };
    move |a: usize| {
        if e.stance < 0 && speaker == Some(a) {
            return true;
        }
        let relations = Sides {
            lex: cx.lex,
            opponents,
        };
        holder
            .as_ref()
            .and_then(|ho| alignment.leaning(ho, a, &relations))
            .is_some_and(|l| (e.stance < 0 && l.net > 0) || (e.stance > 0 && l.net < 0))
    }
}

/// The state each official speaks for ([`officials_of`]) and the side each voice takes
/// ([`alignment_of`]). The outlet's side comes first, since what officials say is not needed
/// for it, and tells which state an official serves.
fn sides_taken<'o>(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    salience: &Salience,
    opponents: &dyn Fn() -> &'o Opponents,
) -> (Vec<Option<usize>>, Alignment) {
    let no_officials = vec![None; cx.voices.frames.len()];
    let outlet = alignment_of(cx, hits, readings, &no_officials);
    let relations = Sides {
        lex: cx.lex,
        opponents,
    };
    let outlet_leaning = |a: usize| {
        outlet
            .leaning(&Holder::Author, a, &relations)
            .map_or(0, |l| l.net)
    };
    let denounced = denounced_by_frame(cx, hits, readings);
    let officials = officials_of(cx, salience, &outlet_leaning, &denounced);
    let alignment = alignment_of(cx, hits, readings, &officials);
    (officials, alignment)
}

/// The state each frame's speaker serves, when the frame names no party but the speaker's title
/// says they hold a state office ([`crate::analysis::unlisted::is_state_office`]: "Interior ministry spokesman
/// Noureddine al-Baba", "Major Jean-Pierre Kasongo Mwamba", "the Deputy Minister"). An official
/// is named without the country when the outlet writes for that country's readers, or the story
/// is about it: the state is the most salient one the outlet sides with (`outlet_leaning`, the
/// net of [`crate::analysis::alignment`] for the outlet's narration), else the most salient state the
/// outlet is not against, where the speaker is named; a state the outlet is against by a net of
/// one term (a wire story's "junta") still serves when it has three times any other state's
/// points ([`state_in_focus`]). A state organ named by its words alone
/// ([`crate::analysis::unlisted::is_state_organ`]: "the Ministry of Defence", "a security source") is
/// read the same way, and, when no state can be the one, is the organ of the most salient armed
/// group or movement the outlet sides with. A definite organ or office holder named by its head
/// alone ("the ministry", "the source", "the spokesperson") takes what the speaker with that
/// head named in the five sentences before was read as. Words that denounce a party by name
/// ("Pakistan-occupied Kashmir") are not its official's, and an organ whose words denounce a
/// party serves a party the outlet sides with before a state the outlet is merely not against.
///
/// What it does not do: tell which of two states in equal focus the official serves (none is
/// chosen when the runner-up has more than half the leader's points and the outlet sides with
/// neither), or read a title that names an opposition or a former office ("former
/// defence minister").
fn officials_of(
    cx: &Context,
    salience: &Salience,
    outlet_leaning: &dyn Fn(usize) -> i32,
    denounced: &[Vec<usize>],
) -> Vec<Option<usize>> {
    let frames = &cx.voices.frames;
    // Each speaker as written (or as resolved), read once.
    let written: Vec<&str> = frames
        .iter()
        .map(|f| {
            f.resolved_from
                .as_deref()
                .unwrap_or_else(|| f.speaker.slice(cx.text))
        })
        .collect();
    let mut out: Vec<Option<usize>> = Vec::with_capacity(frames.len());
    for (f, &w) in frames.iter().zip(&written) {
        if f.speaker_actor.is_some() {
            out.push(None);
            continue;
        }
        let mut organ = crate::analysis::unlisted::is_state_organ(w);
        let mut office = organ || crate::analysis::unlisted::is_state_office(w);
        let n = out.len();
        // "He said" after "Akpan said": a personal pronoun stands for the person who spoke
        // last, in the five sentences before (no organ), as news copy uses it; that person's
        // state, if an official's. (The pronoun as written: one resolved to a person of no
        // party reads as that person's name.)
        let pronoun = is_personal_pronoun(w) || is_personal_pronoun(f.speaker.slice(cx.text));
        let last_person = (0..n)
            .rev()
            .filter(|_| pronoun)
            .take_while(|&g| frames[g].sentence + 5 >= f.sentence)
            .find(|&g| !crate::analysis::unlisted::is_state_organ(written[g]));
        // A speaker written short stands for the title the text introduced it with ("Akpan"
        // for "The Director of Defence Media Operations, Brigadier General Samuel Akpan").
        if !office
            && last_person.is_none()
            && let Some(intro) = introduction(cx, f, w)
        {
            organ = crate::analysis::unlisted::is_state_organ(intro);
            office = organ || crate::analysis::unlisted::is_state_office(intro);
        }
        // "the ministry", "the source", "the spokesperson": the organ or office holder with that
        // head named in the five sentences before, whatever it was read as ("The ministry" after
        // "the Gaza Health Ministry" is no state's); else a head that names an organ or a state
        // office alone is read as one.
        let before = crate::analysis::unlisted::definite_organ(w).and_then(|head| {
            (0..n)
                .rev()
                .take_while(|&g| frames[g].sentence + 5 >= f.sentence)
                .find(|&g| {
                    crate::analysis::unlisted::speaker_head(written[g]).as_deref() == Some(head)
                })
        });
        let before = before.or(last_person);
        let state = match before {
            Some(g) => out[g],
            None if office => state_in_focus(cx, salience, outlet_leaning, f, organ, &denounced[n]),
            None => None,
        };
        out.push(state);
    }
    out
}

/// The words the text introduced a speaker with when the frame writes it short: for an acronym,
/// the name before its first use in brackets ("The Defence Headquarters (DHQ)"); for a surname,
/// its clause up to the surname's first use ("The Director of Defence Media Operations,
/// Brigadier General Samuel Akpan"); for "he", "she" or "him", "her", the clause of the
/// last titled name (a rank and capitalised words after it) in the two sentences before. A
/// clause starts at its sentence's start or after a semicolon, colon or quotation mark.
fn introduction<'t>(cx: &Context<'t>, f: &Frame, written: &str) -> Option<&'t str> {
    let toks = &cx.seg.tokens;
    let raw = |k: usize| toks[k].span.slice(cx.text);
    let clause_from = |k: usize| {
        let sent = cx.seg.sentence_at(toks[k].span.start)?;
        let start = cx.seg.sentences[sent].tokens.start;
        Some(
            (start..k)
                .rev()
                .find(|&j| matches!(cx.w(j), ";" | ":" | "\"" | "“" | "”"))
                .map_or(start, |j| j + 1),
        )
    };
    let slice = |from: usize, to: usize| {
        let (a, b) = (toks[from].span.start, toks[to].span.end);
        (b > a).then(|| &cx.text[a..b])
    };
    let word = written.trim();
    // "The DHQ": an acronym may take the article.
    let word = match word
        .strip_prefix("The ")
        .or_else(|| word.strip_prefix("the "))
    {
        Some(w) if crate::text::is_acronym(w) => w,
        _ => word,
    };
    if word.contains(char::is_whitespace) || word.is_empty() {
        return None;
    }
    if crate::text::is_acronym(word) {
        let k = (1..toks.len()).find(|&k| raw(k) == word && cx.w(k - 1) == "(")?;
        let from = clause_from(k - 1)?;
        return (from + 1 < k).then(|| slice(from, k - 2)).flatten();
    }
    // A title: capitalised words, words of office or role, and the words that join them ("The
    // Director of Defence Media Operations, Brigadier General"), with no verb between.
    let capitalised = |k: usize| crate::analysis::unlisted::starts_upper(raw(k));
    let title = |from: usize, to: usize| {
        (from..to).all(|k| {
            let w = cx.w(k);
            capitalised(k)
                || matches!(w, "," | "-" | "of" | "the" | "for" | "and")
                || heads::ROLE_NOUNS.contains(&w)
                || crate::analysis::unlisted::is_office_word(w)
        })
    };
    let upto = token_range(cx.seg, f.speaker).start;
    if crate::analysis::unlisted::starts_upper(word) && !is_personal_pronoun(word) {
        // The surname's first use, after a first name, at the end of a title.
        let k = (1..upto).find(|&k| raw(k) == word)?;
        let from = clause_from(k)?;
        return (from + 1 < k && capitalised(k - 1) && title(from, k))
            .then(|| slice(from, k))
            .flatten();
    }
    if !is_personal_pronoun(word) {
        return None;
    }
    // The last ranked name of the two sentences before, at the end of a title that opens its
    // clause: the subject of its sentence.
    let first = cx.seg.sentences[f.sentence.saturating_sub(2)].tokens.start;
    let end = cx.seg.sentences[f.sentence].tokens.start;
    let rank = (first..end).rev().find(|&k| {
        crate::analysis::unlisted::is_rank(raw(k)) && k + 1 < end && capitalised(k + 1)
    })?;
    let last = (rank + 1..end).take_while(|&k| capitalised(k)).last()?;
    let from = clause_from(rank)?;
    title(from, rank).then(|| slice(from, last)).flatten()
}

/// The personal pronouns that stand for one person speaking, in either case.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Whether a speaker as written is a personal pronoun of [`PERSONAL_PRONOUNS`].
fn is_personal_pronoun(w: &str) -> bool {
    PERSONAL_PRONOUNS.contains(&w.trim().to_lowercase().as_str())
}

/// For each speech frame, the parties its own words delegitimise by name: a term of negative
/// stance whose own phrase names the party ("Pakistan-occupied Kashmir", "PoK", "Pakistan's
/// proxy war", rule `same_phrase`). No party says so of itself, so the frame's unnamed official
/// or organ does not serve them.
fn denounced_by_frame(cx: &Context, hits: &[TermHit], readings: &[Reading]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); cx.voices.frames.len()];
    for (h, r) in hits.iter().zip(readings) {
        let Some(link) = r.link.as_ref().filter(|l| l.rule == LinkRule::SamePhrase) else {
            continue;
        };
        if h.entry.stance >= 0 || !h.entry.stance_is_the_users() {
            continue;
        }
        let v = cx.voices.voice_of(cx.seg, h.span);
        if !matches!(v.voice, Voice::Quote | Voice::Reported) {
            continue;
        }
        if let Some(list) = v.frame.and_then(|f| out.get_mut(f)) {
            list.extend(link.actors.iter().copied());
        }
    }
    out
}

/// The party an unnamed official or organ of frame `f` serves (see [`officials_of`]): a state,
/// or for an organ (`organ`) with no state to be, a governing armed group or movement. Never a
/// party its words denounce (`denounced`); and an organ whose words denounce one serves a
/// governing party the outlet sides with before a state the outlet is merely not against. A
/// state the outlet is against serves only when it is the most salient state, the outlet's net
/// lean against it is one (a single "junta"), and it has three times any other state's points;
/// a governing party the outlet sides with, for an organ whose words denounce, comes first.
fn state_in_focus(
    cx: &Context,
    salience: &Salience,
    outlet_leaning: &dyn Fn(usize) -> i32,
    f: &Frame,
    organ: bool,
    denounced: &[usize],
) -> Option<usize> {
    let ranked = salience.at(f.sentence, f.speaker.start);
    let listed = |a: usize| a < cx.lex.actors.len();
    let states: Vec<(usize, u32, i32)> = ranked
        .iter()
        .filter(|&&(a, _)| {
            listed(a) && cx.type_of(a) == ActorType::State && !denounced.contains(&a)
        })
        .map(|&(a, p)| (a, p, outlet_leaning(a)))
        .collect();
    if let Some(&(a, _, _)) = states.iter().find(|&&(_, _, lean)| lean > 0) {
        return Some(a);
    }
    let all_states = states;
    let states: Vec<(usize, u32, i32)> = all_states
        .iter()
        .copied()
        .filter(|&(_, _, lean)| lean >= 0)
        .collect();
    // An organ of a party that governs where it holds ground ("the Ministry of Health" of the
    // Houthis' Sanaa government): one the outlet sides with, and not one the words denounce.
    let governing = || {
        ranked
            .iter()
            .find(|&&(a, _)| {
                listed(a)
                    && matches!(cx.type_of(a), ActorType::ArmedGroup | ActorType::Movement)
                    && outlet_leaning(a) > 0
                    && !denounced.contains(&a)
            })
            .map(|&(a, _)| a)
    };
    // An organ whose words denounce a party takes a side: one the outlet sides with comes before
    // a state the outlet merely is not against.
    if organ
        && !denounced.is_empty()
        && let Some(a) = governing()
    {
        return Some(a);
    }
    // The state the story is about, which the outlet's own voice is against by one term alone
    // (a wire story's "junta"), is still the one whose officials speak in it: when it has three
    // times the points of any other state, the outlet's word does not make the story another
    // state's.
    if let [(a, p, lean), rest @ ..] = &all_states[..]
        && *lean == -1
        && rest.first().is_none_or(|&(_, q, _)| 3 * q <= *p)
    {
        return Some(*a);
    }
    let state = match states[..] {
        [(a, _, _)] => Some(a),
        [(a, p, _), (_, q, _), ..] if 2 * q <= p => Some(a),
        _ => None,
    };
    if state.is_some() || !organ {
        return state;
    }
    governing()
}

/// Whose words term `h` is in, for [`crate::analysis::alignment`]: the outlet's, a speaker's party, or a
/// speaker by the capitalised words of the name. `None` for scare quotes and markers, and for a
/// speaker with no name ("officials").
fn holder_of(cx: &Context, v: &VoiceOf, officials: &[Option<usize>]) -> Option<Holder> {
    match v.voice {
        Voice::Author => Some(Holder::Author),
        Voice::Scare => None,
        Voice::Quote | Voice::Reported => {
            let fi = v.frame?;
            let f = &cx.voices.frames[fi];
            if let Some(a) = f.speaker_actor {
                return Some(Holder::Party(a));
            }
            if let Some(a) = officials[fi] {
                return Some(Holder::Official(a));
            }
            let name = f
                .resolved_from
                .as_deref()
                .unwrap_or_else(|| f.speaker.slice(cx.text));
            // The capitalised words of the name, without determiners, role nouns and
            // abbreviated titles ("Mr.", "Sen.", "Gen."): what tells two speakers apart.
            let words: Vec<String> = name
                .split_whitespace()
                .filter(|raw| raw.chars().next().is_some_and(char::is_uppercase))
                .filter(|raw| !(raw.ends_with('.') && raw.chars().count() <= 4))
                .flat_map(heads::name_words)
                .filter(|w| {
                    w.chars().count() >= 3
                        && !DETERMINERS.contains(&w.as_str())
                        && heads::class_of(w).is_none()
                })
                .collect();
            (!words.is_empty()).then_some(Holder::Named(words))
        }
    }
}

/// What each voice of the article says of the parties that local rules tied its terms to: the
/// evidence of its side (see [`crate::analysis::alignment`]). Terms that frame words (attribution verbs),
/// euphemisms ([`LabelEntry::stance_is_the_users`]), designations (the designator's word) and
/// terms of no stance tell nothing.
fn alignment_of(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    officials: &[Option<usize>],
) -> Alignment {
    let mut evidence = Vec::new();
    for (h, r) in hits.iter().zip(readings) {
        let Some(l) = r.link.as_ref() else { continue };
        // A designation is the designator's word, not its voice's ("HTS, designated a terrorist
        // organization" in a wire story).
        if h.entry.stance == 0
            || h.entry.kind == Kind::Attribution
            || !h.entry.stance_is_the_users()
            || l.actors.is_empty()
            || l.rule == LinkRule::Designation
        {
            continue;
        }
        let Some(holder) = holder_of(cx, &cx.voices.voice_of(cx.seg, h.span), officials) else {
            continue;
        };
        for &a in &l.actors {
            evidence.push(Evidence {
                holder: holder.clone(),
                actor: a,
                sign: i32::from(h.entry.stance.signum()),
                term: h.span.slice(cx.text).to_owned(),
                sentence: h.sentence,
            });
        }
    }
    Alignment::new(evidence)
}

/// How two parties stand in the article, for [`crate::analysis::alignment`]: one side when one is the
/// other or they share the actor they are `part_of`; set against each other when the article
/// opposes them or their sides ([`crate::analysis::opponents`]).
struct Sides<'c, 'o> {
    lex: &'c Lexicon,
    opponents: &'c dyn Fn() -> &'o Opponents,
}

impl Relations for Sides<'_, '_> {
    fn relation(&self, a: usize, b: usize) -> i32 {
        let (sa, sb) = (self.lex.side(a), self.lex.side(b));
        if a == b || sa == sb {
            return 1;
        }
        let on = |x: usize, s: usize, y: usize| x == y || s == self.lex.side(y);
        let read = (self.opponents)();
        let opposed = read
            .pairs()
            .iter()
            .any(|p| (on(a, sa, p.a) && on(b, sb, p.b)) || (on(a, sa, p.b) && on(b, sb, p.a)));
        if opposed {
            -1
        } else if read.allied(a, b) {
            1
        } else {
            0
        }
    }
}

/// A local rule: the link it finds for a term, or `None` to pass the term to the next rule.
type RuleFn = fn(&Context, &Term) -> Option<Link>;

/// The local rules, in the order they are tried (the order of the module doc). The first one
/// that returns a link decides the term, and the link it returns names that rule. A new rule goes
/// in here, at the place its priority calls for, with its rows in the tests below.
const RULES: &[(LinkRule, RuleFn)] = &[
    (LinkRule::SpeakerOfVerb, speaker_of_verb),
    (LinkRule::SpeakerSubject, speaker_subject),
    (LinkRule::SamePhrase, same_phrase),
    (LinkRule::AccusedOf, accused_of),
    (LinkRule::Proxy, proxy),
    (LinkRule::Possessor, possessor),
    (LinkRule::ObjectComplement, object_complement),
    (LinkRule::Designation, designation),
    (LinkRule::Copula, copula),
    (LinkRule::Apposition, apposition),
    (LinkRule::RelativeClause, relative_clause),
    (LinkRule::Coordination, coordination),
    (LinkRule::NearestInClause, nearest_in_clause),
    (LinkRule::Epithet, epithet),
];

/// Tries [`RULES`] in order on one term.
fn local(cx: &Context, term: &Term) -> Option<Link> {
    RULES.iter().find_map(|&(rule, apply)| {
        let link = apply(cx, term)?;
        debug_assert_eq!(link.rule, rule, "a rule returned another rule's link");
        Some(link)
    })
}

/// One term as the local rules see it. The parts several rules need (token ranges, the noun
/// phrase around the term, the words before it) are worked out once, in [`Term::new`].
struct Term<'a> {
    /// The article's terms in text order, the term covering each token, and the links decided
    /// so far (an antecedent can be an earlier term that already has actors).
    hits: &'a [TermHit<'a>],
    hit_at: &'a [Option<usize>],
    links: &'a [Option<Link>],
    /// This term's index in `hits`.
    index: usize,
    hit: &'a TermHit<'a>,
    entry: &'a LabelEntry,
    /// The term's tokens and its sentence's tokens.
    toks: Range<usize>,
    sent: Range<usize>,
    /// The mentions that start in the sentence.
    in_sentence: Range<usize>,
    /// Mentions lying inside the term ("Assad regime", "Turkish-backed").
    inside: Vec<usize>,
    /// Mentions among the premodifiers to the left of the term (emptied for a proxy word, whose
    /// modifiers name the patron), the first token of the noun phrase, and whether it opens with
    /// "its"/"their" or with an anaphoric determiner ("such", "these").
    left: Vec<usize>,
    np_start: usize,
    possessor_pronoun: bool,
    anaphoric: bool,
    /// Mentions to the right that the term may modify or that its of/from/by phrase names
    /// (emptied for a proxy word followed by such a phrase: it names the patron).
    right: Vec<usize>,
    /// The term is a compound ("U.S.-backed") or has a backer inside it or before it.
    compound: bool,
    /// The term is followed by the preposition that names an owner ("of", "from", "by").
    owner_pp: bool,
    /// Patrons named in or around the phrase: backers inside the term, a proxy word's
    /// modifiers and of-phrase, and compound backers just before the term ("Turkish-backed").
    backers: Vec<usize>,
    /// The possessors of a relational noun ("Hamas's allies", "Trump's adviser"): someone the
    /// term relates to, not the one it describes (also among `backers`).
    possessors: Vec<usize>,
    /// The head is a service noun ("adviser", "lawyer"): the term names someone on its
    /// possessor's side.
    service: bool,
    /// The start of the words that lead into the noun phrase ("is also a", "designated as"),
    /// and whether they hold a designation verb.
    lead: usize,
    designated: bool,
    /// The head noun of a label ("the migrants", "the administration"): a party it cannot
    /// refer to is not compatible (see [`crate::analysis::heads`]).
    head: Option<&'a Head>,
    /// The nearest actor in the clause with its conjuncts, shared by the last two rules.
    nearest: OnceCell<Option<(usize, Vec<usize>)>>,
}

/// What an antecedent before a term is: mentions (one with its conjuncts), or an earlier term
/// whose link has actors.
enum Antecedent {
    Mentions(Vec<usize>),
    Term(usize),
}

impl<'a> Term<'a> {
    fn new(
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
    fn fits(&self, cx: &Context, m: usize) -> bool {
        cx.compatible(self.entry, m) && self.agrees(cx, cx.mentions[m].actor, false)
    }

    /// Whether the term's head word can refer to actor `a`, or be said of it when
    /// `predicative` (see [`Head::refuses`]).
    fn agrees(&self, cx: &Context, a: usize, predicative: bool) -> bool {
        self.head
            .is_none_or(|h| h.refuses(cx.referent(a), predicative).is_none())
    }

    /// The mention, or the earlier linked term, that ends right before token `pos` (closing or
    /// opening brackets skipped).
    fn antecedent_before(&self, cx: &Context, pos: usize) -> Option<Antecedent> {
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
    fn link_to_antecedent(
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
    fn link_back(&self, cx: &Context, pos: usize, rule: LinkRule, what: &str) -> Option<Link> {
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
    fn other_roles(&self, cx: &Context) -> Vec<usize> {
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
            while k < self.sent.end && DETERMINERS.contains(&cx.w(k)) {
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
    fn set_against(&self, cx: &Context) -> Vec<usize> {
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
    fn patient(&self, cx: &Context) -> Option<usize> {
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
                || DETERMINERS.contains(&w)
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
            if BE_FORMS.contains(&w) {
                be = true;
            } else if !(be && HAVE_FORMS.contains(&w)) {
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
    fn done_to(&self, cx: &Context) -> Vec<usize> {
        if self.entry.kind != Kind::Act || self.toks.end >= self.sent.end {
            return Vec::new();
        }
        // A verb form, not a noun in -ing after a determiner ("After the shelling Russia said").
        let word = cx.w(self.toks.end - 1);
        let after_determiner = self.toks.start > self.sent.start
            && (DETERMINERS.contains(&cx.w(self.toks.start - 1))
                || cx.seg.tokens[self.toks.start - 1].kind == TokenKind::Possessive);
        let verb_form = (word.ends_with("ed") || word.ends_with("ing")) && !after_determiner;
        let mut k = self.toks.end;
        if matches!(cx.w(k), "of" | "against" | "on") {
            k += 1;
        } else if !verb_form {
            return Vec::new();
        }
        while k < self.sent.end && DETERMINERS.contains(&cx.w(k)) {
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
    fn possessor(&self, cx: &Context) -> bool {
        self.toks.end < self.sent.end && cx.seg.tokens[self.toks.end].kind == TokenKind::Possessive
    }

    /// The nearest compatible actor in the clause with its compatible conjuncts, found once. None
    /// for an attribution
    /// term: whoever stands near "alleged" or "accused" is not who alleges or accuses (that is
    /// the speaker of its frame, `speaker_of_verb`).
    fn nearest(&self, cx: &Context) -> Option<&(usize, Vec<usize>)> {
        if self.entry.kind == Kind::Attribution {
            return None;
        }
        self.nearest.get_or_init(|| nearest_in(cx, self)).as_ref()
    }
}

/// The head noun of a label term; other kinds of term (acts, attribution verbs) have none.
fn head_of(cx: &Context, hit: &TermHit) -> Option<Head> {
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
fn against_before(
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
                    && (j + 1 == toks.start || DETERMINERS.contains(&cx.w(j + 1)));
                (joins_object || !matches!(cx.w(j), "and" | "or" | "but" | "then"))
                    && !BE_FORMS.contains(&cx.w(j))
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
                && !OBJECT_PHRASE_ENDS.contains(&w)
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
            (i < 4 && (OPPOSING.contains(&cx.w(k)) || answers(k)))
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
/// noun phrase after it: an act in a verb form ("Ukraine eliminated Russian occupiers"), unless
/// a determiner or a hyphen makes it a modifier ("the armed groups", "foreign-backed
/// terrorists").
fn is_clause_verb(cx: &Context, h: &TermHit, k: usize, sent_start: usize) -> bool {
    let start = token_range(cx.seg, h.span).start;
    let last = cx.w(k);
    let hyphen = |j: usize| matches!(cx.w(j), "-" | "–");
    let modifier = (start..k).any(hyphen)
        || (start > sent_start && (DETERMINERS.contains(&cx.w(start - 1)) || hyphen(start - 1)));
    h.entry.kind == Kind::Act && (last.ends_with("ed") || last.ends_with("ing")) && !modifier
}

/// Words that end an object's noun phrase: prepositions other than "of" and "by", subordinators,
/// and words of time and saying.
const OBJECT_PHRASE_ENDS: &[&str] = &[
    "in", "on", "at", "to", "from", "for", "with", "into", "across", "over", "through", "during",
    "after", "before", "when", "while", "as", "since", "because", "that", "which", "who", "hours",
    "days", "saying", "said",
];

/// "The UAE denies arming the paramilitary": the object of a verb of support
/// ([`SUPPORT_VERBS`]), with at most determiners between, is the supported party, not the one
/// that gives the support, the party named last before the verb. Gives the tokens of that
/// party's mention (with what follows it up to the verb). Not a compound ("the Iran-backed
/// terrorist group") nor a participle right before its noun ("heavily armed militias"): both
/// are modifiers.
fn support_before(cx: &Context, sentence: usize, toks: &Range<usize>) -> Option<Range<usize>> {
    let clause = cx.clause_of(sentence, toks.start);
    let verb = (toks.start.saturating_sub(3).max(clause.start)..toks.start)
        .rev()
        .find(|&k| {
            SUPPORT_VERBS.contains(&cx.w(k))
                && (k + 1..toks.start).all(|j| DETERMINERS.contains(&cx.w(j)))
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
fn against_after(
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
fn scan_left(
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
        && DETERMINERS.contains(&w)
    {
        let pronoun = POSSESSIVE_PRONOUNS.contains(&w);
        return (left, from, pronoun, ANAPHORIC.contains(&w));
    }
    while t > sent_start {
        let k = t - 1;
        if let Some(m) = cx.mention_at[k] {
            left.push(m);
            t = cx.first_token(m).min(k);
            if possessive {
                // Only the possessor's own determiner ("the PKK's") may stand before it.
                if t > sent_start && DETERMINERS.contains(&cx.w(t - 1)) {
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
            && !(DETERMINERS.contains(&cx.w(k))
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
        if DETERMINERS.contains(&w) {
            possessor_pronoun |= POSSESSIVE_PRONOUNS.contains(&w);
            anaphoric |= ANAPHORIC.contains(&w);
            t = k;
            // The determiner opens the phrase; what is before it ("all of the") is not walked.
            break;
        }
        if kind == TokenKind::Possessive {
            // "the group's fighters": a definite noun for an armed group or a movement as
            // possessor refers back as "its" does, when the party named last before it is one.
            if k >= sent_start + 2
                && matches!(cx.w(k - 2), "the" | "this" | "that")
                && GROUP_OWNERS.contains(&cx.w(k - 1))
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
        let after_det = k > sent_start
            && (DETERMINERS.contains(&cx.w(k - 1)) || cx.mention_at[k - 1].is_some());
        // A verb of fighting is the clause's verb, even after a name ("the SDF battled ...").
        if alpha && participle && (!after_det || OPPOSING.contains(&w)) {
            break;
        }
        if alpha
            && adjectives < 2
            && !NOT_ADJECTIVE.contains(&w)
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
const GROUP_OWNERS: &[&str] = &[
    "group",
    "movement",
    "organisation",
    "organization",
    "militia",
];

/// Whether the last party named before token `before` in its sentence (not as a place) is an
/// armed group or a movement, as the antecedent of [`GROUP_OWNERS`] must be.
fn last_party_is_a_group(cx: &Context, sent_start: usize, before: usize) -> bool {
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
fn scan_right(
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
        let allowed = DETERMINERS.contains(&w)
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
fn lead_in(cx: &Context, np_start: usize, sent_start: usize) -> (usize, bool) {
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
fn speaker_of_verb(cx: &Context, t: &Term) -> Option<Link> {
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
fn before_verb(w: &str) -> bool {
    crate::analysis::voice::skips_before_verb(w) || COPULA.contains(&w) || w == "been"
}

/// A `speaker_subject` link to the speaker's party `a`: "{what} '{speaker}'{via}: the speaker's
/// own act".
fn speaker_link(cx: &Context, a: usize, speaker: Span, via: &str, what: &str) -> Link {
    Link {
        actors: vec![a],
        rule: LinkRule::SpeakerSubject,
        detail: format!(
            "{what} '{}'{via}: the speaker's own act",
            speaker.slice(cx.text)
        ),
    }
}

/// The forms of "be" that make a passive ("were neutralised", "has been accused").
const BE_FORMS: &[&str] = &["is", "was", "are", "were", "been", "being", "be"];
const HAVE_FORMS: &[&str] = &["have", "has", "had"];

/// Whether a term is the participle of a passive that names no agent ("three of them were
/// neutralised", "had been eliminated in the past week"): a form of "be" before it (an adverb
/// may stand between) and no "by" right after it.
/// `toks` are the term's tokens, `sent` its sentence's.
fn agentless_passive(cx: &Context, toks: &Range<usize>, sent: &Range<usize>) -> bool {
    // The participle opens the term ("neutralised", "taken out").
    let first = cx.w(toks.start);
    if !(first.ends_with("ed") || first.ends_with("en")) {
        return false;
    }
    // (Quotation marks around the term are passed over: "had been “eliminated” by".)
    let mut k = marks_before(cx, toks.start, sent.start);
    if k > sent.start && cx.w(k - 1).ends_with("ly") && cx.w(k - 1).len() > 4 {
        k -= 1;
    }
    let after = skip_marks(cx, toks.end, sent.end);
    let by = after < sent.end && cx.w(after) == "by";
    k > sent.start && BE_FORMS.contains(&cx.w(k - 1)) && !by
}

/// `speaker_subject`: an act that is the verb of reported words whose subject is a pronoun
/// standing for the speaker ("the Arakan Army ... said it had “liberated” the town", "the army
/// said they neutralised ...") is the speaker's own act, as is a sanitizing act in a passive that
/// names no agent ("the ministry said 50 mercenaries had been eliminated"); a label after such a
/// subject and a copula is said of the speaker ("the NUG says it is the country's legitimate
/// government"); and when no pronoun opens the words, a verb of an act of stance above zero
/// whose subject names no party ([`unnamed_doer`]).
/// Only terms that do not condemn: a party does not name itself or its acts so.
fn speaker_subject(cx: &Context, t: &Term) -> Option<Link> {
    let label = t.entry.kind == Kind::Label;
    if !(t.entry.kind == Kind::Act || label) || t.entry.stance < 0 {
        return None;
    }
    let v = cx.voices.voice_of(cx.seg, t.hit.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let frame = &cx.voices.frames[v.frame?];
    let a = frame.speaker_actor?;
    if !t.entry.allows(cx.type_of(a)) {
        return None;
    }
    let via = frame
        .resolved_from
        .as_ref()
        .map(|r| format!(" (resolved to '{r}')"))
        .unwrap_or_default();
    // A label is said of the subject after a copula, with at most four words of its noun
    // phrase before it ("it is the country's legitimate government"): where that phrase opens.
    let np = if label {
        let mut k = t.toks.start;
        // Only the words of one noun phrase: no preposition, "to" or punctuation between.
        const NOT_IN_NP: &[&str] = &[
            "to", "of", "with", "for", "in", "on", "at", "by", "from", "than", "as", "about",
        ];
        while k > t.sent.start
            && t.toks.start - k < 4
            && !COPULA.contains(&cx.w(k - 1))
            && !NOT_IN_NP.contains(&cx.w(k - 1))
            && cx.seg.tokens[k - 1].kind != TokenKind::Punct
        {
            k -= 1;
        }
        if k == t.sent.start || !COPULA.contains(&cx.w(k - 1)) {
            return None;
        }
        k
    } else {
        t.toks.start
    };
    // "More than 50 mercenaries had been eliminated": a passive that names no agent hides the
    // doer of a sanitizing act in a party's own words, and the doer is the speaker's side.
    if !label && t.entry.stance > 0 && agentless_passive(cx, &t.toks, &t.sent) {
        let detail = "a passive with no agent in the words of";
        return Some(speaker_link(cx, a, frame.speaker, &via, detail));
    }
    // "We will liberate ...": in quoted words, "we" and "I" are the speaker.
    if v.voice == Voice::Quote {
        let mut k = np;
        let mut aux = 0;
        while k > t.sent.start && aux < 3 && before_verb(cx.w(k - 1)) {
            k -= 1;
            aux += 1;
        }
        if k > t.sent.start && matches!(cx.w(k - 1), "we" | "i") {
            return Some(Link {
                actors: vec![a],
                rule: LinkRule::SpeakerSubject,
                detail: format!(
                    "'{}' in the quoted words of '{}'{via} is the speaker",
                    cx.w(k - 1),
                    frame.speaker.slice(cx.text)
                ),
            });
        }
    }
    // After the verb: the pronoun, at most three auxiliaries or adverbs, then the term
    // (quotation marks may stand between).
    let Some(pronoun) = pronoun_after_verb(cx, frame, np) else {
        return unnamed_doer(cx, t, frame, a, &via);
    };
    let mut k = skip_marks(cx, pronoun + 1, np);
    let mut aux = 0;
    while k < np && aux < 3 && before_verb(cx.w(k)) {
        k = skip_marks(cx, k + 1, np);
        aux += 1;
    }
    let coordinated = k < np && !label && shares_subject(cx, k, np);
    (k == np || coordinated).then(|| Link {
        actors: vec![a],
        rule: LinkRule::SpeakerSubject,
        detail: format!(
            "'{}' in the words of '{}'{via} stands for the speaker{}",
            cx.w(pronoun),
            frame.speaker.slice(cx.text),
            if coordinated {
                ", the subject of the verbs coordinated with the act"
            } else {
                ""
            }
        ),
    })
}

/// "The army said troops had “neutralised” 52 terrorists", "Those who refuse to surrender will
/// be hunted down and neutralised," the spokesman said: a verb that praises or softens the act
/// (stance above zero: a euphemism, a liberation) in a party's own words, whose subject names
/// no party, is the speaker's act. A side reports its own forces' acts so, without naming
/// them (the deixis of "our forces"), and a passive hides the doer the same way. Not a noun
/// ("the filtration camps" is the other side's act by its common name) and not when a party
/// is named in the subject: "Hamas said Israeli forces had eliminated ..." is Israel's. A
/// party in a phrase of support there ("officers supported by the Kenyan-led mission") is no
/// subject, with or without commas around the phrase, and a passive with "by" after it names
/// its agent. "Names no party" is read from the clause's start, the reporting verb or the last
/// comma before the verb group up to that group: a party there as an object ("troops fighting
/// Hamas had neutralised ...") also blocks the reading, which errs on the side of not firing.
/// For a speaker known as a party; an official known by title only is read so in the discourse
/// phase ([`official_doer`]).
fn unnamed_doer(cx: &Context, t: &Term, frame: &Frame, a: usize, via: &str) -> Option<Link> {
    doer_unnamed(cx, t.hits, t.hit, frame).then(|| {
        let what = "the act's subject names no party, in the words of";
        speaker_link(cx, a, frame.speaker, via, what)
    })
}

/// Whether term `h`, in the words of `frame`, is a verb of stance above zero whose subject
/// names no party (see [`unnamed_doer`]).
fn doer_unnamed(cx: &Context, hits: &[TermHit], h: &TermHit, frame: &Frame) -> bool {
    let toks = token_range(cx.seg, h.span);
    let sent = cx.seg.sentences[h.sentence].tokens.clone();
    if h.entry.kind != Kind::Act || h.entry.stance <= 0 {
        return false;
    }
    // A passive with no agent: its subject is whom the act is done to ("three of them were
    // neutralised"), so a party named there does not do it.
    if agentless_passive(cx, &toks, &sent) {
        return true;
    }
    // (A passive that names its agent after "by" names who does it.)
    let after = skip_marks(cx, toks.end, sent.end);
    let by_agent = after < sent.end && cx.w(after) == "by";
    if by_agent || !verb_form(cx, &toks, &sent) {
        return false;
    }
    // Where the verb group opens: before its auxiliaries, adverbs and quotation marks ("had
    // “eliminated”", "will be hunted down and"), so that a comma before it is seen.
    let mut at = toks.start;
    while at > sent.start && at + 5 > toks.start && in_verb_group(cx.w(at - 1)) {
        at -= 1;
    }
    let clause = cx.clause_of(h.sentence, toks.start);
    let verb_end = Some(frame.verb_tokens().end)
        .filter(|&v| v <= at && v > clause.start)
        .unwrap_or(clause.start);
    let after_comma = at > clause.start && cx.w(at - 1) == ",";
    let from = subject_start(cx, clause.start, at, after_comma).max(verb_end);
    let in_subject = |t: usize| t >= from && t < at;
    // A delegitimising term in the subject names the other side ("Hamas said occupation
    // forces had eliminated ...").
    let labelled = hits
        .iter()
        .any(|o| o.entry.stance < 0 && in_subject(token_range(cx.seg, o.span).start));
    from < at
        && !labelled
        && !starting_within(cx.mentions, cx.seg.sentences[h.sentence].span).any(|m| {
            let f = cx.first_token(m);
            in_subject(f)
                && !frame.speaker.contains(cx.mentions[m].span)
                && !cx.is_place(m)
                && !(from..f).any(|j| {
                    supports_subject(cx.lower, j) && !matches!(cx.w(j), "led" | "including")
                })
        })
}

/// Whether a word may stand in a verb group before its verb: an auxiliary or modal, a form of
/// "be", "to", "not", an adverb in "-ly", or a quotation mark.
fn in_verb_group(w: &str) -> bool {
    is_auxiliary(w)
        || BE_FORMS.contains(&w)
        || matches!(w, "to" | "not" | "never" | "also" | "then")
        || (w.ends_with("ly") && w.len() > 4)
        || crate::text::is_quote_token(w)
}

/// `speaker_subject` in the discourse phase: [`unnamed_doer`] for a speaker whose state is
/// known by title and focus only ("a security source", "Interior ministry spokesman X"; see
/// [`officials_of`]). Read before a tie is carried over: the tie of the headline's act
/// ("Fighting Forces neutralise ...") does not say whose the next unnamed units are.
fn official_doer(
    cx: &Context,
    hits: &[TermHit],
    h: &TermHit,
    officials: &[Option<usize>],
) -> Option<Link> {
    let v = cx.voices.voice_of(cx.seg, h.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let fi = v.frame?;
    let frame = &cx.voices.frames[fi];
    let a = officials[fi]
        .filter(|&a| frame.speaker_actor.is_none() && h.entry.allows(cx.type_of(a)))?;
    doer_unnamed(cx, hits, h, frame).then(|| {
        let what = "the act's subject names no party, in the words of the official";
        let via = format!(" (who speaks for {})", cx.name(a));
        speaker_link(cx, a, frame.speaker, &via, what)
    })
}

/// Whether the term is a verb: one word ending in "-ed" (a past tense or participle), or one
/// after an auxiliary, a modal or "to" ("will neutralise", "to eliminate"), quotation marks
/// passed over ("would “neutralise”").
fn verb_form(cx: &Context, toks: &Range<usize>, sent: &Range<usize>) -> bool {
    let k = marks_before(cx, toks.start, sent.start);
    toks.len() == 1
        && (cx.w(toks.start).ends_with("ed")
            || (k > sent.start && (is_auxiliary(cx.w(k - 1)) || cx.w(k - 1) == "to")))
}

/// The token after the last one before `k`, back to `start`, that is not a quotation mark:
/// where the term at `k` opens with the marks before it passed over.
fn marks_before(cx: &Context, mut k: usize, start: usize) -> usize {
    while k > start && crate::text::is_quote_token(cx.w(k - 1)) {
        k -= 1;
    }
    k
}

/// The first token from `k` on, before `end`, that is not a quotation mark.
fn skip_marks(cx: &Context, mut k: usize, end: usize) -> usize {
    while k < end
        && cx.seg.tokens[k].kind == TokenKind::Punct
        && crate::text::is_quote_token(cx.w(k))
    {
        k += 1;
    }
    k
}

/// The subject pronoun that opens the words of `frame`, before token `np`, when it agrees with
/// the speaker ("he" and "she" with a person, "it" with a party): right after the verb, after a
/// date ("said Friday it had", "said on Monday that it") and "that", quotation marks passed
/// over. `None` when the words open otherwise, or the verb comes after the term ("..., the army
/// said" ends the text).
fn pronoun_after_verb(cx: &Context, frame: &Frame, np: usize) -> Option<usize> {
    let mut k = skip_marks(cx, frame.verb_tokens().end, np);
    let mut dated = 0;
    while k < np
        && dated < 4
        && (crate::text::is_calendar_word(cx.w(k))
            || matches!(cx.w(k), "on" | "yesterday" | "today" | "earlier")
            || cx.w(k).chars().all(|c| c.is_ascii_digit()))
    {
        k += 1;
        dated += 1;
    }
    if k < np && cx.w(k) == "that" {
        k = skip_marks(cx, k + 1, np);
    }
    if k >= np || !SUBJECT_PRONOUNS.contains(&cx.w(k)) {
        return None;
    }
    let person = starting_within(cx.mentions, frame.speaker).any(|m| {
        matches!(
            cx.mentions[m].form,
            Form::Person | Form::Pronoun | Form::Title
        )
    });
    match cx.w(k) {
        "he" | "she" | "i" if !person => None,
        "it" if person => None,
        _ => Some(k),
    }
}

/// "it had struck a site near Nabatieh and “eliminated” a commander": an act at `act` that
/// follows "and" (quotation marks may stand between) shares the subject of the verb phrase
/// opening at `verb`, when nothing between opens another clause: no comma, no clause word or
/// subordinator ("after", "before", "where"), no subject pronoun.
fn shares_subject(cx: &Context, verb: usize, act: usize) -> bool {
    let mut k = act;
    while k > verb && crate::text::is_quote_token(cx.w(k - 1)) {
        k -= 1;
    }
    if k <= verb + 1 || cx.w(k - 1) != "and" {
        return false;
    }
    (verb..k - 1).all(|j| {
        let w = cx.w(j);
        w != ","
            && !is_clause_boundary(w)
            && !matches!(w, "after" | "before" | "where" | "once")
            && !SUBJECT_PRONOUNS.contains(&w)
    })
}

/// A term that modifies a singular title before a person's name describes that person's side:
/// the rebels a "rebel commander" commands, the coup a "coup leader" led ("Coup leader Min
/// Aung Hlaing", "militant leader Dogo Gide"). The title is one word that leads or speaks for
/// a side ([`heads::is_side_role`]; not "war crimes prosecutor") right after the term, and the
/// name right after it; the party is the
/// person's, or the one the lexicon says the person is part of, as the entry's types allow. A
/// term that is itself a title ("the tyrant Bashar al-Assad") is the name's by the modifier
/// rule before this one.
fn titled_person_after(cx: &Context, t: &Term) -> Option<Link> {
    let title = t.toks.end;
    if title + 1 >= t.sent.end || t.head.is_some() || !heads::is_side_role(cx.w(title)) {
        return None;
    }
    let m = cx.mention_at.get(title + 1).copied().flatten()?;
    let a = cx.mentions[m].actor;
    if cx.first_token(m) != title + 1 || cx.mentions[m].form != Form::Person {
        return None;
    }
    let party = if t.entry.allows(cx.type_of(a)) {
        a
    } else {
        cx.part_of(a).filter(|&p| t.entry.allows(cx.type_of(p)))?
    };
    Some(Link {
        actors: vec![party],
        rule: LinkRule::SamePhrase,
        detail: format!(
            "the term modifies the title of '{}': {}",
            cx.mention_text(m),
            cx.name(party)
        ),
    })
}

/// `same_phrase`: a compatible actor in the term's own noun phrase, tried in this order: inside
/// the term ("Assad regime"), among its premodifiers with their conjuncts ("Palestinian Islamic
/// Jihad and Hamas militants"), the party a person named there is part of ("the Trump
/// administration"), the party of a service noun's possessor ("Trump's adviser"), and to its
/// right when the term is a compound modifying a head ("U.S.-backed, Kurdish-led coalition") or
/// is followed by an owner phrase ("fighters of HTS"), or when the term is a label that is no
/// party noun right before a party's name or organ, which it modifies ("the terrorist Israeli
/// army").
fn same_phrase(cx: &Context, t: &Term) -> Option<Link> {
    let own: Vec<usize> = t
        .inside
        .iter()
        .copied()
        .filter(|&m| t.fits(cx, m))
        .collect();
    if !own.is_empty() {
        return Some(Link {
            detail: format!("'{}' is part of the term", cx.mention_text(own[0])),
            actors: unique_actors(cx, &own),
            rule: LinkRule::SamePhrase,
        });
    }
    // "PoK": an abbreviation of a form that names its party ("Pakistan-occupied Kashmir").
    if let Some(a) = t.hit.named.filter(|_| t.inside.is_empty())
        && t.entry.allows(cx.type_of(a))
        && t.agrees(cx, a, false)
    {
        return Some(Link {
            detail: format!(
                "the term abbreviates a form that names {} (its entry's other forms)",
                cx.name(a)
            ),
            actors: vec![a],
            rule: LinkRule::SamePhrase,
        });
    }
    if t.left.iter().any(|&m| t.fits(cx, m)) {
        let mut ms: Vec<usize> = t
            .left
            .iter()
            .filter(|&&m| t.fits(cx, m))
            .flat_map(|&m| cx.conjuncts(m))
            .filter(|&m| t.fits(cx, m))
            .collect();
        ms.sort();
        ms.dedup();
        return Some(Link {
            actors: unique_actors(cx, &ms),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' in the same noun phrase", cx.mention_text(ms[0])),
        });
    }
    // "the Trump administration", "Abe's government": a person's government is the party the
    // lexicon says the person is part of.
    // The party a person named in the phrase is part of, with how the phrase names it.
    let party_of = |(m, p): (usize, usize), how: &str| Link {
        actors: vec![p],
        rule: LinkRule::SamePhrase,
        detail: format!("'{}' {how}: {}", cx.mention_text(m), cx.name(p)),
    };
    let via = t.inside.iter().chain(&t.left).find_map(|&m| {
        let a = cx.mentions[m].actor;
        let p = cx.part_of(a)?;
        (!t.agrees(cx, a, false) && t.entry.allows(cx.type_of(p)) && t.agrees(cx, p, false))
            .then_some((m, p))
    });
    if let Some(found) = via {
        return Some(party_of(
            found,
            "in the same noun phrase, and the phrase names a party of theirs",
        ));
    }
    // "Trump's chief economic adviser", "his lawyer": someone on the possessor's side, so the
    // party the lexicon says the possessor is part of.
    let side = t.possessors.iter().filter(|_| t.service).find_map(|&m| {
        // The term names a member of that party, not the party: only the entry's types count.
        let p = cx.part_of(cx.mentions[m].actor)?;
        t.entry.allows(cx.type_of(p)).then_some((m, p))
    });
    if let Some(found) = side {
        return Some(party_of(
            found,
            "owns the phrase, which names someone on their side",
        ));
    }
    led_by_owner(cx, t)
        .or_else(|| modified_head(cx, t))
        .or_else(|| titled_person_after(cx, t))
        .or_else(|| head_after(cx, t))
}

/// "Syria's Islamist-led authorities", "Sudan's jihadist-dominated council": a label glued to
/// "-led" or "-dominated" says who leads the head it modifies, and when that head is a
/// government or an organ (a council, a coalition, forces, a movement), the label describes the
/// head's own party, here the possessor of the phrase, whatever type the entry targets. Not any
/// other head: "Assad's Islamist-led opposition" and "Mali's jihadist-led insurgency" are set
/// against their possessor. A name after the compound ("the Islamist-led HTS") is
/// [`head_after`]'s; a label glued to "-backed" names a backer, another party, and is not read
/// here.
fn led_by_owner(cx: &Context, t: &Term) -> Option<Link> {
    let rest = &cx.text[t.hit.span.end..];
    let after = ["-led ", "-dominated "]
        .iter()
        .find_map(|suffix| rest.strip_prefix(suffix))?;
    // The head is a government or an organ, which its leaders speak for: not "the Islamist-led
    // opposition" or "insurgency" that a state's possessive sets against it, nor a region.
    let head: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let organ = heads::GOVERNMENT_NOUNS.contains(&head.as_str())
        || matches!(
            head.as_str(),
            "council" | "parliament" | "assembly" | "coalition" | "forces" | "army" | "movement"
        );
    if t.entry.kind != Kind::Label || !organ || t.toks.start < t.sent.start + 2 {
        return None;
    }
    let owner = t.toks.start - 1;
    if cx.seg.tokens[owner].kind != TokenKind::Possessive {
        return None;
    }
    let m = cx.mention_at[owner - 1]?;
    if cx.is_place(m) || cx.mentions[m].role.is_some() {
        return None;
    }
    Some(Link {
        actors: vec![cx.mentions[m].actor],
        rule: LinkRule::SamePhrase,
        detail: format!(
            "'{}' owns the head whose leaders the term's compound names",
            cx.mention_text(m)
        ),
    })
}

/// The name or organ right after the term that the term modifies (the last part of
/// `same_phrase` reads the words after the term: this, then [`titled_person_after`], then
/// [`head_after`]).
fn modified_head(cx: &Context, t: &Term) -> Option<Link> {
    // "the terrorist Israeli army", "the terrorist Myanmar military": a label right before a party's
    // name or organ is its modifier, and describes it whatever type the entry targets; a title
    // right before a name is the name's ("C.I.A. director Mike Pompeo"). Not a label that is
    // any other party noun: in "the militias Iran backs" the name opens a clause. An act's
    // adjective does the same ("genocidal FDLR militia", "the criminal Assad regime").
    // An act's adjective is one word, a form derived from the entry's noun (its first form),
    // with an adjective's ending: "genocidal" of "genocide", not "withdrawal" nor "sham trial".
    let adjective = t.entry.kind == Kind::Act && t.toks.len() == 1 && {
        let word = cx.w(t.toks.start);
        ["al", "ic", "ous"].iter().any(|s| word.ends_with(s))
            && t.entry
                .forms
                .first()
                .is_some_and(|f| !f.eq_ignore_ascii_case(word))
    };
    if (t.entry.kind == Kind::Label || adjective)
        && t.head
            .is_none_or(|h| h.class == heads::Class::Role && !h.plural)
        && let Some(&m) = t.right.first()
        && cx.first_token(m) == t.toks.end
        && matches!(cx.mentions[m].form, Form::Name | Form::Title)
        && cx.mentions[m].role.is_none()
        && !cx.is_place(m)
    {
        return Some(Link {
            actors: vec![cx.mentions[m].actor],
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' is the head the term modifies", cx.mention_text(m)),
        });
    }
    None
}

/// The head after a term that is a compound modifier ("U.S.-backed, Kurdish-led coalition") or
/// is followed by an owner phrase ("fighters of HTS"). What follows a noun of attribution is
/// what is claimed: "allegations of Rwandan involvement" are not Rwanda's.
fn head_after(cx: &Context, t: &Term) -> Option<Link> {
    let after: Vec<usize> = t.right.iter().copied().filter(|&m| t.fits(cx, m)).collect();
    if after.is_empty() || !(t.compound || t.owner_pp) || t.entry.kind == Kind::Attribution {
        return None;
    }
    Some(Link {
        actors: unique_actors(cx, &after),
        rule: LinkRule::SamePhrase,
        detail: format!("'{}' is the head of the phrase", cx.mention_text(after[0])),
    })
}

/// Gerunds of neglect or concealment: what a party is accused of ignoring or hiding is
/// someone else's act ("accused the UN of ignoring massacres").
const NEGLECT: &[&str] = &[
    "ignoring",
    "failing",
    "covering",
    "hiding",
    "concealing",
    "denying",
    "downplaying",
    "overlooking",
    "tolerating",
    "condoning",
    "excusing",
    "whitewashing",
    "justifying",
];

/// `accused_of`: an act charged to someone with a verb of accusing is that someone's: the object
/// of the active verb ("India has long accused Pakistan of terrorism"), else the subject of the
/// passive ("JNIM has also been accused of atrocities", the headline "Mali's junta accused of war
/// crimes"), never the accuser after "by". The act may stand further on in a charge that opens
/// with a gerund, whose subject the accused is ("accuses Rwanda of using the militia as a
/// pretext to occupy and loot the east"), with no comma or semicolon between.
fn accused_of(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind != Kind::Act || t.np_start <= t.sent.start {
        return None;
    }
    // The preposition before the act's phrase, quotation marks passed over.
    let mut p = t.np_start - 1;
    while p > t.sent.start && crate::text::is_quote_token(cx.w(p)) {
        p -= 1;
    }
    let clause = cx.clause_of(t.hit.sentence, p);
    let verb_before = |p: usize| {
        (clause.start.max(p.saturating_sub(6))..p).rev().find(|&k| {
            crate::analysis::voice::ACCUSATION_VERBS
                .iter()
                .any(|&(verb, prep)| verb == cx.w(k) && prep == cx.w(p))
        })
    };
    // The charge's preposition, before any other "of", "for" or "with" going back: a gerund in
    // lower case after it, not one of neglect (in "accused the UN of ignoring massacres" the
    // massacres are others').
    let gerund_charge = || {
        let p = (clause.start..t.np_start)
            .rev()
            .take_while(|&k| !matches!(cx.w(k), "," | ";" | ":"))
            .find(|&k| matches!(cx.w(k), "of" | "for" | "with"))?;
        let g = cx.w(p + 1);
        let lower_case = cx.seg.tokens[p + 1]
            .span
            .slice(cx.text)
            .starts_with(|c: char| c.is_lowercase());
        let gerund = g.len() >= 5 && g.ends_with("ing") && !g.ends_with("thing") && lower_case;
        if !gerund || NEGLECT.contains(&g) {
            return None;
        }
        Some((p, verb_before(p)?))
    };
    let (p, v) = match verb_before(p) {
        Some(v) => (p, v),
        None => gerund_charge()?,
    };
    let fits = |m: usize| t.fits(cx, m) && !cx.is_place(m);
    let object = t.in_sentence.clone().find(|&m| {
        let f = cx.first_token(m);
        f > v && cx.last_token(m) < p && fits(m) && cx.w(f - 1) != "by"
    });
    // "Hamas, which Israel accused of war crimes": the object is the relative pronoun, and the
    // charge is its antecedent's.
    let relative = (t.sent.start.max(v.saturating_sub(4))..v)
        .rev()
        .find(|&k| matches!(cx.w(k), "which" | "whom" | "who" | "that"));
    if object.is_none()
        && let Some(rel) = relative.filter(|&r| r > t.sent.start)
    {
        return t.link_to_antecedent(
            cx,
            rel,
            LinkRule::AccusedOf,
            "charged to the relative pronoun's antecedent",
        );
    }
    let (m, how) = match object {
        Some(m) => (m, "object"),
        None => {
            // The passive's subject: the last party before the verb in its clause, not one
            // after "by".
            let m = t.in_sentence.clone().rev().find(|&m| {
                let f = cx.first_token(m);
                f >= clause.start
                    && cx.last_token(m) < v
                    && fits(m)
                    && !(f > 0 && cx.w(f - 1) == "by")
            })?;
            (m, "subject of the passive")
        }
    };
    let group: Vec<usize> = cx.conjuncts(m).into_iter().filter(|&g| fits(g)).collect();
    Some(Link {
        actors: unique_actors(cx, &group),
        rule: LinkRule::AccusedOf,
        detail: format!(
            "charged to '{}', {how} of '{} ... {}'",
            cx.mention_text(m),
            cx.w(v),
            cx.w(p)
        ),
    })
}

/// `proxy`: a group term whose phrase names a patron state describes the patron's proxies, when
/// each patron has exactly one proxy the term can describe (otherwise the proxy is ambiguous and
/// later rules decide). The patron is a backer in the phrase ("Turkish-backed factions"), the
/// antecedent of "their" ("Turkey and the US back their respective insurgent groups"), the
/// subject of a support verb before the phrase ("Turkey, which supports armed groups") or the
/// agent after "backed by" ("factions backed by Turkey").
fn proxy(cx: &Context, t: &Term) -> Option<Link> {
    let e = t.entry;
    let proxy_word = e.kind == Kind::Label && e.category.ends_with("/proxy");
    let wants_groups = proxy_word
        || (!e.targets.is_empty() && !e.allows(ActorType::State))
        || (e.targets.is_empty() && !t.backers.is_empty());
    if !wants_groups {
        return None;
    }
    let (owners, how) = patrons(cx, t);
    let mut proxies = Vec::new();
    let mut ambiguous = false;
    for &o in &owners {
        // A party no lexicon lists has no proxies on record.
        let Some(owner) = cx.lex.actors.get(cx.mentions[o].actor) else {
            continue;
        };
        let mine: Vec<usize> = owner
            .proxies
            .iter()
            .filter_map(|p| cx.lex.actors.iter().position(|a| &a.id == p))
            .filter(|&pi| e.allows(cx.lex.actors[pi].actor_type))
            .collect();
        ambiguous |= mine.len() > 1;
        for pi in mine {
            if !proxies.contains(&pi) {
                proxies.push(pi);
            }
        }
    }
    // "Tehran's proxies": a plural proxy word with several proxies on record describes those
    // of them the article names (all of them when it names none).
    let plural = t
        .hit
        .span
        .slice(cx.text)
        .split_whitespace()
        .last()
        .is_some_and(|w| heads::is_plural(&w.to_lowercase()));
    if ambiguous && plural {
        let named: Vec<usize> = proxies
            .iter()
            .copied()
            .filter(|&p| cx.mentions.iter().any(|m| m.actor == p))
            .collect();
        if !named.is_empty() {
            proxies = named;
        }
        ambiguous = false;
    }
    if proxies.is_empty() || ambiguous {
        return None;
    }
    let owner_actors = unique_actors(cx, &owners);
    Some(Link {
        detail: format!(
            "group {how} {}, whose proxies the lexicon lists",
            names(cx, &owner_actors)
        ),
        actors: proxies,
        rule: LinkRule::Proxy,
    })
}

/// `object_complement`: a term in the name of a naming frame ([`crate::analysis::voice::Naming`])
/// describes what the frame names: the object of an active verb ("Turkey considers the SDF a
/// terrorist group"), the namer of "who call themselves", the subject of a passive ("the group
/// was labelled a terrorist organization"), what the relative pronoun of "whom/which X calls Y"
/// stands for ("the Houthis, whom Saudi Arabia calls an Iranian proxy"). "What X called Y" names
/// nothing the text names.
fn object_complement(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind != Kind::Label {
        return None;
    }
    let f = &cx.voices.frames[cx.voices.voice_of(cx.seg, t.hit.span).frame?];
    let verb = f.verb_tokens();
    if !f.scope.contains(&t.toks.start) {
        return None;
    }
    let (actors, what): (Vec<usize>, String) = match f.naming? {
        Naming::Active => {
            let m = t.in_sentence.clone().find(|&m| {
                cx.first_token(m) >= verb.end && cx.last_token(m) < t.np_start && t.fits(cx, m)
            })?;
            let group: Vec<usize> = cx
                .conjuncts(m)
                .into_iter()
                .filter(|&g| t.fits(cx, g))
                .collect();
            (
                unique_actors(cx, &group),
                format!("object '{}' of the naming verb", cx.mention_text(m)),
            )
        }
        Naming::Relative => {
            let a = f.speaker_actor?;
            if !(t.entry.allows(cx.type_of(a)) && t.agrees(cx, a, true)) {
                return None;
            }
            (
                vec![a],
                format!("'{}', who names itself so", f.speaker.slice(cx.text)),
            )
        }
        Naming::Passive => {
            // The last party before the verb, or the anchor of the apposition it is in ("the
            // SDF, an ally of the US, was labelled ...").
            let m = t.in_sentence.clone().rev().find(|&m| {
                cx.last_token(m) < verb.start && cx.first_token(m) >= t.sent.start && t.fits(cx, m)
            })?;
            let m = appositive_of(cx, m, t.sent.start, verb.start)
                .filter(|&a| t.fits(cx, a))
                .unwrap_or(m);
            (
                vec![cx.mentions[m].actor],
                format!(
                    "subject '{}' of the passive naming verb",
                    cx.mention_text(m)
                ),
            )
        }
        // "The Houthis, whom Saudi Arabia calls an Iranian proxy": the relative pronoun is the
        // object, and what it stands for is the phrase before it. A free relative ("what X
        // called Y") stands for no party.
        Naming::Gap => {
            let sp = token_range(cx.seg, f.speaker).start;
            let rel = sp
                .checked_sub(1)
                .filter(|&k| matches!(cx.w(k), "which" | "whom" | "who" | "that"))?;
            return t.link_to_antecedent(
                cx,
                rel,
                LinkRule::ObjectComplement,
                "named by the verb through the relative pronoun:",
            );
        }
    };
    Some(Link {
        actors,
        rule: LinkRule::ObjectComplement,
        detail: what,
    })
}

/// What "its"/"their" opening the term's phrase stands for: the nearest coordinated group of
/// actors before the phrase in the sentence (a plural antecedent), else the nearest actor with
/// its conjuncts. A party named as a place ("in Libya") is passed over.
fn pronoun_owners(cx: &Context, t: &Term) -> Option<Vec<usize>> {
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
fn claim_owner(cx: &Context, t: &Term) -> Option<Link> {
    let mut by = t.toks.end;
    while by < t.sent.end && crate::text::is_quote_token(cx.w(by)) {
        by += 1;
    }
    let agent = (by + 1 < t.sent.end && cx.w(by) == "by")
        .then(|| {
            let mut k = by + 1;
            while k < t.sent.end && DETERMINERS.contains(&cx.w(k)) {
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
fn possessor(cx: &Context, t: &Term) -> Option<Link> {
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
        after < t.sent.end && heads::GOVERNMENT_NOUNS.contains(&cx.w(after))
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

/// The patrons of a group term for [`proxy`] (mentions, with their conjuncts where found through
/// a pronoun or a verb) and how they were found.
fn patrons(cx: &Context, t: &Term) -> (Vec<usize>, &'static str) {
    if !t.backers.is_empty() {
        return (t.backers.clone(), "backed by");
    }
    let (np_start, sent) = (t.np_start, &t.sent);
    if let Some(g) = pronoun_owners(cx, t) {
        return (g, "owned by");
    }
    if np_start > sent.start
        && SUPPORT_VERBS.contains(&cx.w(np_start - 1))
        && let Some(m) = t
            .in_sentence
            .clone()
            .rev()
            .find(|&m| cx.last_token(m) < np_start - 1 && cx.first_token(m) >= sent.start)
    {
        return (cx.conjuncts(m), "supported by");
    }
    // "factions backed by Turkey"
    let end = t.toks.end;
    if end + 1 < sent.end
        && SUPPORT_VERBS.contains(&cx.w(end))
        && cx.w(end + 1) == "by"
        && let Some(m) = cx.mention_at.get(end + 2).copied().flatten()
    {
        return (cx.conjuncts(m), "backed by");
    }
    (Vec::new(), "backed by")
}

/// The opening comma or dash of an apposition that `close` ends: the nearest one before it in
/// the sentence, at most twenty tokens back, followed by a determiner or a relative pronoun
/// ("HTS, a group formerly linked to al-Qaeda, ..."). None when the stretch holds another
/// clause boundary or nothing opens an apposition.
fn apposition_open(cx: &Context, sent_start: usize, close: usize) -> Option<usize> {
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

/// `designation`: a term after a designation verb describes what the verb designates, the
/// phrase before it ("HTS—designated as a terrorist organization", "the PKK, which has been
/// designated as a terrorist group"), or its object before "as" ("the junta has designated the
/// NUG and its armed wing, the PDF, as terrorist organisations": every party of the object for a
/// plural term, the first for a singular one).
fn designation(cx: &Context, t: &Term) -> Option<Link> {
    if !t.designated {
        return designated_object(cx, t);
    }
    if t.lead <= t.sent.start {
        return None;
    }
    let mut p = t.lead;
    if p > t.sent.start && matches!(cx.w(p - 1), "which" | "who" | "that") {
        p -= 1;
        // ", which": the comma opens the relative clause; its antecedent stands right before.
        if p > t.sent.start && matches!(cx.w(p - 1), "," | "—" | "–" | "-") {
            p -= 1;
        }
    }
    t.link_back(cx, p, LinkRule::Designation, "designation of")
}

/// The object of an active designation verb before "as" and the term ("designated X and Y as
/// terrorist organisations"): the parties named between the verb and "as".
fn designated_object(cx: &Context, t: &Term) -> Option<Link> {
    let mut a = t.np_start;
    while a > t.sent.start && matches!(cx.w(a - 1), "a" | "an") {
        a -= 1;
    }
    // "as" or "to be": "designated the NUG as ...", "considers the SDF to be ...".
    let as_at = if a > t.sent.start && cx.w(a - 1) == "as" {
        a - 1
    } else if a > t.sent.start + 1 && cx.w(a - 1) == "be" && cx.w(a - 2) == "to" {
        a - 2
    } else {
        return None;
    };
    let v = (t.sent.start.max(as_at.saturating_sub(25))..as_at)
        .rev()
        .take_while(|&k| !matches!(cx.w(k), ";" | ":" | "."))
        .find(|&k| crate::analysis::voice::designates(cx.w(k)))?;
    let object: Vec<usize> = t
        .in_sentence
        .clone()
        .filter(|&m| {
            cx.first_token(m) > v && cx.last_token(m) < as_at && t.fits(cx, m) && !cx.is_place(m)
        })
        .collect();
    let first = *object.first()?;
    let plural =
        t.head.as_ref().is_some_and(|h| h.plural) || heads::is_plural(cx.w(t.toks.end - 1));
    let chosen = if plural { object } else { vec![first] };
    Some(Link {
        actors: unique_actors(cx, &chosen),
        rule: LinkRule::Designation,
        detail: format!(
            "designation of the object '{}' of '{}'",
            cx.mention_text(first),
            cx.w(v)
        ),
    })
}

/// `copula`: a term after "is"/"was"/"remains" ... describes the subject right before the verb
/// ("HTS is a militant group").
fn copula(cx: &Context, t: &Term) -> Option<Link> {
    // "are not terrorists", "is no longer a terrorist group": a denial is still said of the
    // subject.
    let mut c = t.lead;
    while c > t.sent.start
        && t.lead - c < 3
        && matches!(cx.w(c - 1), "not" | "n't" | "never" | "no" | "longer")
    {
        c -= 1;
    }
    if c <= t.sent.start || !COPULA.contains(&cx.w(c - 1)) {
        return None;
    }
    // "Several ISWAP terrorists were neutralised": a participle after "be" is passive, and its
    // subject is whom the act is done to (see `Term::patient`), not who does it.
    if t.entry.kind == Kind::Act && cx.w(t.toks.end - 1).ends_with("ed") {
        return None;
    }
    let copula = c - 1;
    if let Some(link) = pronoun_subject(cx, t, copula) {
        return Some(link);
    }
    t.link_back(cx, copula, LinkRule::Copula, "subject")
}

/// A copula whose subject is "we" or "I" in quoted words, or a negative quantifier ("nobody",
/// "no one", "none of us"): the label is said of the speaker, whose party it takes (none when
/// the speaker is no party: "‘We are not terrorists,’ villagers say"), or of no one. Else a
/// state's own citizens ([`own_citizens`]); `None` for any other subject.
fn pronoun_subject(cx: &Context, t: &Term, copula: usize) -> Option<Link> {
    // The subject: the words from the clause's start (after quotation marks) up to the copula,
    // "here" and "there" left out ("nobody here is a terrorist").
    let mut words: Vec<&str> = (t.sent.start..copula)
        .map(|k| cx.w(k))
        .filter(|w| !crate::text::is_quote_token(w))
        .collect();
    if let Some(i) = words.iter().rposition(|w| matches!(*w, "," | ";" | ":")) {
        words.drain(..=i);
    }
    words.retain(|w| !matches!(*w, "here" | "there"));
    let none = |detail: String| Link {
        actors: Vec::new(),
        rule: LinkRule::Copula,
        detail,
    };
    match words.as_slice() {
        ["nobody" | "none" | "noone"] | ["no", "one"] | ["none", "of", ..] => {
            Some(none(format!("said of no one ('{}')", words.join(" "))))
        }
        ["we" | "i"] => {
            let v = cx.voices.voice_of(cx.seg, t.hit.span);
            if v.voice != Voice::Quote {
                return None;
            }
            let frame = v.frame.map(|f| &cx.voices.frames[f]);
            let speaker = frame.map_or_else(String::new, |f| f.speaker.slice(cx.text).to_owned());
            match frame
                .and_then(|f| f.speaker_actor)
                .filter(|&a| t.entry.allows(cx.type_of(a)))
            {
                Some(a) => Some(Link {
                    actors: vec![a],
                    rule: LinkRule::Copula,
                    detail: format!("subject '{}': the speaker, '{speaker}'", words[0]),
                }),
                None => Some(none(format!(
                    "subject '{}': the speaker{}, who is no party the lexicon lists",
                    words[0],
                    if speaker.is_empty() {
                        String::new()
                    } else {
                        format!(" '{speaker}'")
                    }
                ))),
            }
        }
        _ => own_citizens(cx, t, &words),
    }
}

/// "The Lebanese Ministry of Public Health said two citizens were martyred": a bare noun for a
/// state's people ([`heads::CITIZEN_NOUNS`]), counted by at most two words before it (an
/// article, a number, a quantifier or an ordinal: "a third citizen"; no possessor: "their
/// citizens" are someone's), as the subject of a clause in a state's own words, is that state's
/// people, as "we" is the speaker: a term about a population then describes the state the
/// speaker speaks for. `words` are the words before the copula, from the clause's start.
fn own_citizens(cx: &Context, t: &Term, words: &[&str]) -> Option<Link> {
    let (&noun, before) = words.split_last()?;
    if !heads::CITIZEN_NOUNS.contains(&noun) || !t.entry.allows(ActorType::Population) {
        return None;
    }
    let counted = before
        .iter()
        .rev()
        .take_while(|w| {
            heads::is_quantifier(w)
                || heads::is_ordinal(w)
                || matches!(**w, "a" | "an" | "the" | "another")
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(2)
        .count();
    // What stands before the subject opens its clause: the reporting verb, "that", "and", or the
    // start of the words.
    if let Some(w) = before.len().checked_sub(counted + 1).map(|i| before[i])
        && !(matches!(w, "that" | "and") || crate::analysis::words::is_cue_word(w))
    {
        return None;
    }
    let v = cx.voices.voice_of(cx.seg, t.hit.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let f = &cx.voices.frames[v.frame?];
    let a = f
        .speaker_actor
        .filter(|&a| cx.type_of(a) == ActorType::State)?;
    Some(Link {
        actors: vec![a],
        rule: LinkRule::Copula,
        detail: format!(
            "subject '{noun}': the people of the state that speaks, '{}'",
            f.speaker.slice(cx.text)
        ),
    })
}

/// `apposition`: a term set off by a comma, dash or bracket describes the phrase right before
/// it ("HTS, a militant group").
fn apposition(cx: &Context, t: &Term) -> Option<Link> {
    if t.lead <= t.sent.start || !matches!(cx.w(t.lead - 1), "," | "—" | "–" | "(") {
        return None;
    }
    // A verb after a comma is no apposition: "Units, supported by the VDP, neutralised ..."
    // and "Israel struck the camp, killing ..." say what the clause's subject did.
    if is_clause_verb(cx, t.hit, t.toks.end - 1, t.sent.start) {
        return None;
    }
    t.link_back(cx, t.lead - 1, LinkRule::Apposition, "apposition to")
}

/// `relative_clause`: a term in a clause opened by ", which"/", who"/", whose" describes the
/// clause's antecedent, when no compatible actor stands between the relative word and the term
/// ("the SDF, which HTS fought as a terrorist group" leaves the term to HTS; in "the PKK, which
/// Turkey fought in the 1990s as a terrorist group" a state cannot be the group, so the term is
/// the PKK's). A naming verb in the clause is [`object_complement`]'s.
fn relative_clause(cx: &Context, t: &Term) -> Option<Link> {
    let sent = &t.sent;
    let rel = (sent.start..t.np_start).rev().find(|&k| {
        matches!(cx.w(k), "which" | "who" | "whose")
            && k > sent.start
            && matches!(cx.w(k - 1), "," | "—")
    })?;
    // (A state's people between are no agent of an act: see `nearest_in`.)
    let between_has_actor = (rel..t.np_start).any(|k| {
        cx.mention_at[k].is_some_and(|m| {
            t.fits(cx, m) && !(t.entry.kind == Kind::Act && cx.population_reading(m))
        })
    });
    if between_has_actor {
        return None;
    }
    t.link_back(cx, rel - 1, LinkRule::RelativeClause, "relative clause on")
}

/// `coordination`: the nearest actor in the clause (see [`nearest_in`]) is one of several
/// coordinated actors, and the term describes them all ("both Turkey and the US maintain
/// occupation forces").
fn coordination(cx: &Context, t: &Term) -> Option<Link> {
    let (_, group) = t.nearest(cx)?;
    let actors = unique_actors(cx, group);
    if actors.len() < 2 {
        return None;
    }
    let listed = group
        .iter()
        .map(|&g| format!("'{}'", cx.mention_text(g)))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Link {
        actors,
        rule: LinkRule::Coordination,
        detail: format!("coordinated actors {listed}"),
    })
}

/// `nearest_in_clause`: the nearest actor in the clause (see [`nearest_in`]) when it stands
/// alone.
fn nearest_in_clause(cx: &Context, t: &Term) -> Option<Link> {
    let (m, group) = t.nearest(cx)?;
    let actors = unique_actors(cx, group);
    if actors.len() > 1 {
        return None;
    }
    Some(Link {
        actors,
        rule: LinkRule::NearestInClause,
        detail: format!(
            "nearest compatible actor in the clause: '{}'",
            cx.mention_text(*m)
        ),
    })
}

/// The actor nearest the term in its clause, with its conjuncts that the term can describe.
/// Places ("in northern Syria") are skipped. An attribution verb takes any actor before it, but
/// none when passive ("X was accused of"). An act's agent stands before it or after "by", is
/// not the target of "against"/"on" nor the speaker reporting it; a past-tense act ("invaded")
/// takes the first actor of its clause after the last comma, its subject, rather than the
/// nearest, often its object.
fn nearest_in(cx: &Context, t: &Term) -> Option<(usize, Vec<usize>)> {
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
    if verb_like && toks.start > sent.start && BE_FORMS.contains(&cx.w(toks.start - 1)) {
        return None;
    }
    let past_verb = e.kind == Kind::Act && h.span.slice(cx.text).to_lowercase().ends_with("ed");
    let passive = past_verb && toks.start > sent.start && BE_FORMS.contains(&cx.w(toks.start - 1));
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

/// `epithet`: a side's name for a party, recorded by the lexicon (`names:` of the entry), names
/// that party where the article is about that side's conflict: "Khawarij" is al-Shabaab in an
/// article that names Somalia, and the TTP in one that names Pakistan. Of the entry's parties,
/// the one whose places (its `where`, or the party itself) the article names most often, when
/// one is named more than the others; never a party of a type the entry does not target. Names
/// the party though the article never does: state media seldom name the enemy they call by
/// such a name.
fn epithet(cx: &Context, t: &Term) -> Option<Link> {
    let index = |id: &str| cx.lex.actors.iter().position(|a| a.id == id);
    let times = |a: usize| cx.mentions.iter().filter(|m| m.actor == a).count();
    let mut ranked: Vec<(usize, usize, usize)> = t
        .entry
        .names
        .iter()
        .filter_map(|n| {
            let a = index(&n.actor).filter(|&a| t.entry.allows(cx.type_of(a)))?;
            // The place named most often, and how often the article names the party's places.
            let places: Vec<(usize, usize)> = std::iter::once(a)
                .chain(n.where_.iter().filter_map(|w| index(w)))
                .map(|p| (times(p), p))
                .collect();
            let total = places.iter().map(|x| x.0).sum::<usize>();
            let &(_, top) = places.iter().max()?;
            (total > 0).then_some((total, a, top))
        })
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let &(n, a, place) = ranked.first()?;
    if ranked.get(1).is_some_and(|r| r.0 == n) {
        return None;
    }
    Some(Link {
        actors: vec![a],
        rule: LinkRule::Epithet,
        detail: format!(
            "the lexicon gives the term as a name for {} where the article is about {} (named {n} times)",
            cx.name(a),
            cx.name(place)
        ),
    })
}

/// Where the subject of the term's clause may start: after the last comma before the term, or,
/// for a verb right after a comma (`after_comma`), which closes a parenthetical ("The armed
/// forces, led by Khalifa Haftar, liberated Benghazi"), before the comma that opens it: after
/// the comma before that one, or at the clause's start, and then after a dateline or tag that a
/// dash with spaces closes ("OUAGADOUGOU, October 21 (RTB) - Units ..."; a hyphen inside a
/// name such as "al-Assad" closes nothing). With no comma to open the parenthetical the verb has
/// no subject before it here.
fn subject_start(cx: &Context, clause_start: usize, term: usize, after_comma: bool) -> usize {
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
fn in_support_phrase(cx: &Context, from: usize, f: usize) -> bool {
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
fn no_agent_of_act(cx: &Context, m: usize, toks: &Range<usize>, passive: bool) -> bool {
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
fn appositive_of(cx: &Context, m: usize, sent_start: usize, before: usize) -> Option<usize> {
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
fn bare_title(cx: &Context, from: usize, to: usize) -> bool {
    let is_lower_word = |k: usize| {
        let raw = cx.seg.tokens[k].span.slice(cx.text);
        raw.chars().next().is_some_and(char::is_lowercase)
    };
    (from..to.min(from + 3))
        .take_while(|&k| is_lower_word(k))
        .any(|k| {
            let w = cx.w(k);
            (heads::class_of(w) == Some(heads::Class::Role) || heads::is_relational_word(w))
                && k + 1 < to
                && matches!(cx.w(k + 1), "of" | "for" | "at")
        })
}

/// Nouns that denote a party itself, its people or its institutions: an adjective naming a
/// party before one of them names the party ("Russian forces", "Turkish officials").
const PARTY_NOUNS: &[&str] = &[
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
];

/// Whether an adjective mention modifies a noun that is a thing or an event, not the party
/// ("backed by Russian air strikes", "Iranian drones"): then the mention names the party only
/// as the source of that thing, and a label nearby does not describe it.
fn modifies_a_thing(cx: &Context, m: usize) -> bool {
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
    word && !PARTY_NOUNS.contains(&w) && !cx.population_reading(m)
}

/// `distanced_phrase`: a distancing marker ("so-called") describes what follows it within three
/// tokens: the actors of the next term when that term has some, or the next mention.
fn distanced_phrase(
    cx: &Context,
    hits: &[TermHit],
    hit_at: &[Option<usize>],
    links: &[Option<Link>],
    hi: usize,
) -> Option<Link> {
    let own = token_range(cx.seg, hits[hi].span);
    // "the Hamas-run health ministry": a marker that names the party in control of a source
    // marks that party's claims, as a term names its owner (`same_phrase`). Another party in
    // the marker is not what it marks ("what Moscow calls terrorism" is about the next term).
    let mut named: Vec<usize> = own
        .clone()
        .filter_map(|t| cx.mention_at[t])
        .filter(|&m| cx.mentions[m].role == Some(Role::Controller))
        .collect();
    named.dedup();
    if let Some(&first) = named.first() {
        return Some(Link {
            actors: unique_actors(cx, &named),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' is part of the term", cx.mention_text(first)),
        });
    }
    let after = own.end;
    let next = (after..(after + 3).min(cx.seg.tokens.len())).find_map(|t| {
        hit_at[t]
            .filter(|&o| o != hi)
            .map(|o| (Some(o), None))
            .or_else(|| cx.mention_at[t].map(|m| (None, Some(m))))
    });
    match next {
        Some((Some(o), _)) => links[o]
            .clone()
            .filter(|l| !l.actors.is_empty())
            .map(|l| Link {
                actors: l.actors,
                rule: LinkRule::DistancedPhrase,
                detail: format!("marks the next term '{}'", hits[o].span.slice(cx.text)),
            }),
        Some((None, Some(m))) => Some(Link {
            actors: vec![cx.mentions[m].actor],
            rule: LinkRule::DistancedPhrase,
            detail: format!("marks '{}'", cx.mention_text(m)),
        }),
        _ => None,
    }
}

/// Whether the term is followed by the preposition that names its owner: "of"/"from" for a
/// label ("fighters of HTS"), "by" for an act ("an attack by HTS").
fn starts_with_owner_pp(cx: &Context, e: &LabelEntry, at: usize, end: usize) -> bool {
    at < end
        && if e.kind == Kind::Act {
            cx.w(at) == "by"
        } else {
            matches!(cx.w(at), "of" | "from")
        }
}

/// A term tied to actors: (sentence, paragraph, actors, term as written).
type Tie = (usize, usize, Vec<usize>, String);

/// The ties the discourse phase may carry over to a later term: the last of each entry, and
/// the last of any entry (for an anaphoric phrase: "such groups").
#[derive(Default)]
struct Ties<'h> {
    by_entry: FxHashMap<&'h str, Tie>,
    any: Option<Tie>,
}

impl<'h> Ties<'h> {
    /// Records the link of term `h`, when it has actors and is no attribution verb.
    fn record(&mut self, cx: &Context, h: &TermHit<'h>, link: &Link) {
        if link.actors.is_empty() || h.entry.kind == Kind::Attribution {
            return;
        }
        let para = cx.seg.sentences[h.sentence].paragraph;
        let tie = (
            h.sentence,
            para,
            link.actors.clone(),
            h.span.slice(cx.text).to_owned(),
        );
        self.by_entry.insert(h.entry.id.as_str(), tie.clone());
        self.any = Some(tie);
    }

    /// The ties term `h` may take: its entry's last, and the last of any entry when the phrase
    /// is anaphoric. A tie carried over must hold for this use too: not a party this use is set
    /// `against`, and not one the side its voice takes rules out (see `crate::analysis::alignment`): "Our
    /// forces will defend every centimetre against these invaders" does not carry the speaker's
    /// own forces over to "invaders".
    fn usable(
        &self,
        h: &TermHit,
        anaphoric: bool,
        against: &[usize],
        rules_out: impl Fn(usize) -> bool,
    ) -> (Option<&Tie>, Option<&Tie>) {
        let untouched = |t: &&Tie| !t.2.iter().any(|&a| against.contains(&a) || rules_out(a));
        let recent = if anaphoric { self.any.as_ref() } else { None };
        let recent = recent.filter(untouched);
        let same_entry = self.by_entry.get(h.entry.id.as_str()).filter(untouched);
        (same_entry, recent)
    }
}

fn carried_over(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    head: Option<&Head>,
    same_entry: Option<&Tie>,
    anaphor: Option<&Tie>,
) -> Option<Link> {
    let e = h.entry;
    if e.kind == Kind::Attribution {
        return None;
    }
    let para = cx.seg.sentences[h.sentence].paragraph;
    let near = |t: &&Tie| t.1 == para || h.sentence - t.0 <= 2;
    // "such terrorist groups": an anaphoric determiner points back to the last tied term of any
    // category whose actors the term can describe; otherwise the last use of the same entry (the same label repeated).
    // As in the discourse model, a delegitimising term in a party's own words is not about it.
    let v = cx.voices.voice_of(cx.seg, h.span);
    let speaker = match v.voice {
        Voice::Quote | Voice::Reported if e.stance < 0 => {
            v.frame.and_then(|f| cx.voices.frames[f].speaker_actor)
        }
        _ => None,
    };
    let fits = |t: &&Tie| {
        t.2.iter().all(|&a| {
            e.allows(cast.actor_type(a))
                && head.is_none_or(|h| h.refuses(cast.referent(a), false).is_none())
                && speaker != Some(a)
        })
    };
    let anaphor = anaphor.filter(near).filter(fits);
    let (s, _, actors, term) = anaphor.or(same_entry.filter(near).filter(fits))?;
    Some(Link {
        actors: actors.clone(),
        rule: LinkRule::CarriedOver,
        detail: format!(
            "'{term}' in sentence {} was tied to {}",
            s + 1,
            actors
                .iter()
                .map(|&a| cast.name(a))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::{LinkRule, RULES};
    use crate::analysis::Analyzer;
    use crate::lexicon::Lexicon;

    use LinkRule::*;

    fn analyzer() -> &'static Analyzer {
        static AN: OnceLock<Analyzer> = OnceLock::new();
        AN.get_or_init(|| {
            Analyzer::new(Lexicon::bundled().expect("bundled lexicons load")).expect("compile")
        })
    }

    /// (sentence, term as written, the rule that links it, the actor ids it gets). The term is
    /// the first hit with that text.
    type Row = (
        &'static str,
        &'static str,
        LinkRule,
        &'static [&'static str],
    );

    /// Analyses each row's sentence and compares the term's link. `fires` rows must be linked by
    /// `rule`; `not` rows must be linked by some other rule (or none), which the row pins.
    fn check(rule: LinkRule, fires: &[Row], not: &[Row]) {
        check_hit(rule, fires, not, false);
    }

    /// As [`check`], with the term's last hit rather than its first when `last`.
    fn check_hit(rule: LinkRule, fires: &[Row], not: &[Row], last: bool) {
        let mut failures = Vec::new();
        let rows = fires
            .iter()
            .map(|r| (true, r))
            .chain(not.iter().map(|r| (false, r)));
        for (fire, &(sentence, term, want_rule, want_actors)) in rows {
            assert_eq!(
                fire,
                want_rule == rule,
                "row {sentence:?}: a fire row must expect {rule:?}, a not-fire row another rule"
            );
            let a = analyzer().analyze("test", &format!("Headline\n{sentence}"));
            let found = if last {
                a.hits.iter().rev().find(|h| h.text == term)
            } else {
                a.hits.iter().find(|h| h.text == term)
            };
            let Some(h) = found else {
                failures.push(format!(
                    "{sentence:?}: no hit {term:?} (hits {:?})",
                    a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
                ));
                continue;
            };
            let got: Vec<&str> = h.actors.iter().map(String::as_str).collect();
            if h.link != want_rule || got != want_actors {
                failures.push(format!(
                    "{sentence:?}: {term:?} got {got:?} by {} ({}), want {want_actors:?} by {}",
                    h.link.as_str(),
                    h.link_detail,
                    want_rule.as_str()
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn module_doc_lists_the_rules_in_table_order() {
        // The numbered items of the module doc: "//! 4. `designation`: ...".
        let listed: Vec<&str> = include_str!("attribution.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("//! "))
            .filter_map(|l| {
                let (n, rest) = l.split_once(". `")?;
                n.parse::<usize>().ok()?;
                rest.split_once('`').map(|(name, _)| name)
            })
            .collect();
        let mut code: Vec<&str> = RULES.iter().map(|(r, _)| r.as_str()).collect();
        code.extend([
            Reciprocal.as_str(),
            HeadMatch.as_str(),
            SameDescription.as_str(),
            CarriedOver.as_str(),
            Salience.as_str(),
            UnnamedParty.as_str(),
        ]);
        assert_eq!(listed, code);
    }

    const OBJECT_COMPLEMENT: &[Row] = &[
        // The passive's subject is the anchor of an apposition, not the party inside it.
        (
            "Hezbollah, the main ally of Hamas in Lebanon, was branded a terrorist group by \
             Washington.",
            "terrorist group",
            ObjectComplement,
            &["hezbollah"],
        ),
        (
            "Hamas calls Israel an occupation regime.",
            "occupation regime",
            ObjectComplement,
            &["israel"],
        ),
        (
            "The PKK was labelled a terrorist organization by Turkey.",
            "terrorist organization",
            ObjectComplement,
            &["pkk"],
        ),
        (
            "Ankara has long described the YPG as terrorists.",
            "terrorists",
            ObjectComplement,
            &["ypg"],
        ),
        // An apposition between the object and the name, and "to be" before it.
        (
            "Ankara describes the YPG, which holds Kobani, as terrorists.",
            "terrorists",
            ObjectComplement,
            &["ypg"],
        ),
        (
            "Erdogan called the SDF, the US-backed force in the northeast, a terrorist group.",
            "terrorist group",
            ObjectComplement,
            &["sdf"],
        ),
        // "whom/which X calls Y": the relative pronoun is the object; it stands for the phrase
        // before it.
        (
            "The Houthis, whom Saudi Arabia has long called an Iranian proxy, deny it.",
            "proxy",
            ObjectComplement,
            &["houthis"],
        ),
    ];
    const NOT_OBJECT_COMPLEMENT: &[Row] = &[
        // No naming verb: the clause rules decide.
        (
            "Hamas fought Israeli occupation forces.",
            "occupation forces",
            SamePhrase,
            &["israel"],
        ),
        // "What X called Y": the name is of something the text does not name, and a
        // dysphemism in Abbas's words is not his act.
        (
            "Abbas condemned what he called a massacre.",
            "massacre",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    /// A lead that ties "militia" to the SDF, a paragraph about others, then `$last`.
    macro_rules! militia_story {
        ($last:literal) => {
            concat!(
                "The SDF, a Kurdish-led militia, held the town of Manbij for years. Turkey \
                 shelled the town on Monday. Russia called for calm.\n\nHezbollah said on \
                 Tuesday that Israel had struck its positions. The Israeli army said it hit \
                 weapons depots. ",
                $last
            )
        };
    }

    const SAME_DESCRIPTION: &[Row] = &[
        // Tied by its own phrase in the lead, the description keeps its party paragraphs later.
        (
            militia_story!("Residents said the militia had left Manbij."),
            "militia",
            SameDescription,
            &["sdf"],
        ),
        // A definite description whose bare head the article uses for one party alone.
        (
            militia_story!("Residents said the terrorist militia had left Manbij."),
            "terrorist militia",
            SameDescription,
            &["sdf"],
        ),
        // A definite description says more than the party nearest it.
        (
            militia_story!("Russian jets struck the militia near Manbij."),
            "militia",
            SameDescription,
            &["sdf"],
        ),
        // The members of a group the article ties: "the rebels" of "a rebel alliance".
        (
            "The SDF, a rebel alliance, held the town of Manbij for years. Turkey shelled the \
             town on Monday.\n\nResidents said the rebels had left Manbij.",
            "rebels",
            SameDescription,
            &["sdf"],
        ),
    ];
    /// A row of a salience reordering test: (last sentences, term, actor id, whether the rule
    /// moved that party first).
    type MovedRow = (&'static str, &'static str, &'static str, bool);

    /// Analyses `headline`, `story` and each row's last sentences, and checks that the row's term
    /// (its last hit when `last`) is linked by salience to the row's actor, with a detail that
    /// holds `moved_by` exactly when the row says the rule moved it.
    fn check_moved(headline: &str, story: &str, rows: &[MovedRow], moved_by: &str, last: bool) {
        for &(end, term, want, moved) in rows {
            let text = format!("{headline}\n{story}{end}");
            let a = analyzer().analyze("test", &text);
            let found = if last {
                a.hits.iter().rev().find(|h| h.text == term)
            } else {
                a.hits.iter().find(|h| h.text == term)
            };
            let h = found.expect(term);
            assert_eq!(h.link, Salience, "{end}");
            assert_eq!(h.actors, [want], "{end}: {}", h.link_detail);
            assert_eq!(
                h.link_detail.contains(moved_by),
                moved,
                "{end}: {}",
                h.link_detail
            );
        }
    }

    #[test]
    fn a_head_that_names_fighters_is_an_armed_group_before_a_movement() {
        const STORY: &str = "The People's Defence Force took the town. The National Unity \
                             Government said on Monday that it was proud. ";
        // (last sentence, term, actor, whether the head moved the armed group first)
        let rows: &[MovedRow] = &[
            (
                "The resistance groups later withdrew.",
                "resistance groups",
                "pdf",
                true,
            ),
            (
                "The resistance forces later withdrew.",
                "resistance forces",
                "pdf",
                true,
            ),
            // A head that names no fighters keeps the most salient party.
            (
                "The resistance movement later withdrew.",
                "resistance movement",
                "nug",
                false,
            ),
        ];
        check_moved("Headline", STORY, rows, "a head that names fighters", false);
    }

    /// A state's adjective on a label the state cannot be puts first a party the lexicon makes
    /// the state's own (its proxy), though another is more salient; with no adjective, or one
    /// whose state has no party in focus, salience decides as usual.
    #[test]
    fn a_states_adjective_points_to_its_own_party() {
        const STORY: &str = "JNIM fighters attacked an army post. JNIM said it killed ten \
                             soldiers. The Wagner Group has been in Mali since 2021. ";
        // (last sentence, term, actor id, whether the state's party was moved first)
        let rows: &[MovedRow] = &[
            (
                "Witnesses said Russian mercenaries killed 40 civilians.",
                "mercenaries",
                "wagner",
                true,
            ),
            (
                "Witnesses said mercenaries killed 40 civilians.",
                "mercenaries",
                "jnim",
                false,
            ),
            (
                "Witnesses said Chadian mercenaries killed 40 civilians.",
                "mercenaries",
                "jnim",
                false,
            ),
        ];
        let moved_by = "by its adjective, and the lexicon makes";
        check_moved("Mali army battles jihadists", STORY, rows, moved_by, true);
    }

    /// Forces named without saying whose, in a state's own words, are that state's though
    /// another party is more salient; in a non-state speaker's words, or for a delegitimising
    /// label, salience decides as usual.
    #[test]
    fn a_states_unqualified_forces_are_its_own() {
        const STORY: &str = "India denied the charge. India called the claim baseless. New \
                             Delhi said India would respond. ";
        // (last sentences, term, actor id, whether the speaker's state was moved first)
        let rows: &[MovedRow] = &[
            (
                "The ISPR issued a statement. \"Security forces killed six militants,\" it said.",
                "Security forces",
                "pakistan",
                true,
            ),
            (
                "The TTP issued a statement. \"Security forces killed six of our men,\" it said.",
                "Security forces",
                "india",
                false,
            ),
            (
                "The ISPR issued a statement. \"Occupation forces killed six civilians,\" it said.",
                "Occupation forces",
                "india",
                false,
            ),
        ];
        let headline = "Pakistan accuses India of backing militants";
        check_moved(
            headline,
            STORY,
            rows,
            "in the words of a state, are its own",
            false,
        );
    }

    const NOT_SAME_DESCRIPTION: &[Row] = &[
        // An indefinite phrase introduces someone new.
        (
            militia_story!("Residents said a militia had left Manbij."),
            "militia",
            Salience,
            &["sdf"],
        ),
        // A phrase that names its own party is not the description tied elsewhere (and a state's
        // possessive before a group noun says where the group is, not whose it is).
        (
            militia_story!("Russia's militia struck Manbij."),
            "militia",
            Salience,
            &["sdf"],
        ),
        (
            militia_story!("Russia said its militia struck Manbij."),
            "militia",
            Salience,
            &["sdf"],
        ),
        // The article calls two parties a rebel alliance: "the rebels" are neither by that.
        (
            "The SDF, a rebel alliance, held the town of Manbij for years. Hezbollah is also a \
             rebel coalition. Turkey shelled the town.\n\nResidents said the rebels had left \
             Manbij.",
            "rebels",
            Salience,
            &["hezbollah"],
        ),
        // The article ties the description to two parties: it means neither by itself.
        (
            "The SDF, a Kurdish-led militia, held the town of Manbij for years. Hezbollah is \
             also a militia. Turkey shelled the town on Monday. Russia called for calm.\n\n\
             Residents said the militia had left Manbij.",
            "militia",
            Salience,
            &["sdf"],
        ),
    ];

    /// The object of an opposing word is not a party named before it in its clause, even
    /// across a parenthetical between dashes, for a label and an act alike.
    const OPPOSED: &[Row] = &[
        // An act answered in kind is the other side's, not the answering subject's.
        (
            "Lashkar-e-Taiba gunmen struck Pahalgam. India hit camps in Pakistan in response to \
             the terror attack.",
            "terror attack",
            Salience,
            &["lashkar-e-taiba"],
        ),
        (
            "Lashkar-e-Taiba gunmen struck Pahalgam. India hit camps in Pakistan in retaliation \
             for the terror attack.",
            "terror attack",
            Salience,
            &["lashkar-e-taiba"],
        ),
        (
            "JNIM fighters attacked an army post. The junta turned to Russia's Wagner Group – now \
             called the Africa Corps – for help fighting an Islamist insurgency.",
            "Islamist",
            Salience,
            &["jnim"],
        ),
        (
            "JNIM fighters attacked an army post. The junta turned to Russia's Wagner Group – now \
             called the Africa Corps – for help fighting an Islamist insurgency.",
            "insurgency",
            Salience,
            &["jnim"],
        ),
        (
            "JNIM fighters attacked an army post. Wagner Group has been fighting the insurgency.",
            "insurgency",
            Salience,
            &["jnim"],
        ),
    ];

    /// A delegitimising term in a party's words: a party the article sets against the speaker
    /// counts double; without such a sentence, the most salient party wins.
    const SPEAKERS_OPPONENT: &[Row] = &[
        (
            "Syrian troops struck HTS positions near Hama on Monday. The SDF held talks with \
             Damascus on Tuesday.\n\nSyria's army said terrorists had attacked a checkpoint.",
            "terrorists",
            Salience,
            &["hts"],
        ),
        (
            "Syrian troops met HTS envoys near Hama on Monday. The SDF held talks with \
             Damascus on Tuesday.\n\nSyria's army said terrorists had attacked a checkpoint.",
            "terrorists",
            Salience,
            &["sdf"],
        ),
    ];

    const RECIPROCAL: &[Row] = &[
        // A reciprocal subject with no frame of its own.
        (
            "The Sudanese army has been fighting the RSF since April. Peace talks collapsed, \
             with each side blaming the other.",
            "blaming",
            Reciprocal,
            &["sudan-army", "rsf"],
        ),
        // An auxiliary and an adverb may stand between, and a progressive is active.
        (
            "Hamas and Israel clashed again near Rafah. Both sides have repeatedly been \
             accusing each other of violations.",
            "accusing",
            Reciprocal,
            &["hamas", "israel"],
        ),
        // The speaker of a frame that is the two sides.
        (
            "Hamas and Israel clashed again near Rafah. Both sides accused each other of \
             violating the truce.",
            "accused",
            Reciprocal,
            &["hamas", "israel"],
        ),
    ];
    const NOT_RECIPROCAL: &[Row] = &[
        // A passive: the two sides are the accused, and no accuser is named.
        (
            "Hamas and Israel clashed again near Rafah. Both sides were accused of war crimes.",
            "accused",
            SpeakerOfVerb,
            &[],
        ),
        // The verb is not the reciprocal subject's: "denied" stands between.
        (
            "Hamas and Israel clashed again near Rafah. Both sides denied the allegations.",
            "allegations",
            None,
            &[],
        ),
        // The article sets no two parties against each other: the speaker is no party.
        (
            "Qatar met Hamas envoys in Doha. Each side blamed the other.",
            "blamed",
            SpeakerOfVerb,
            &[],
        ),
        // A subject that is one party.
        (
            "Israel struck Hamas in Rafah. The Israeli army blamed Hamas for the attack.",
            "blamed",
            SpeakerOfVerb,
            &["israel"],
        ),
    ];

    #[test]
    fn reciprocal() {
        check(Reciprocal, RECIPROCAL, NOT_RECIPROCAL);
    }

    #[test]
    fn opposing_words() {
        check(Salience, OPPOSED, &[]);
        check(Salience, SPEAKERS_OPPONENT, &[]);
    }

    #[test]
    fn same_description() {
        // The term is the last hit with its text: the first use is the one that ties it.
        check_hit(
            SameDescription,
            SAME_DESCRIPTION,
            NOT_SAME_DESCRIPTION,
            true,
        );
    }

    #[test]
    fn an_indefinite_phrase_introduces_the_party_described_later() {
        // The first "militia" comes before the description's first tie. After it, "a militia"
        // is someone new (`NOT_SAME_DESCRIPTION`).
        let a = analyzer().analyze(
            "test",
            &format!(
                "Headline\nA militia seized Manbij on Monday, residents said. {}",
                militia_story!("")
            ),
        );
        let first = a.hits.iter().find(|h| h.text == "militia").expect("a hit");
        assert_eq!(first.link, SameDescription, "{}", first.link_detail);
        assert_eq!(first.actors, ["sdf"]);
        assert!(
            first
                .link_detail
                .starts_with("this indefinite phrase introduces the party"),
            "{}",
            first.link_detail
        );
    }

    #[test]
    fn members_of_a_described_group_are_that_group() {
        // Labels as long as an annotator's spans: the term holds its group.
        let lex = crate::lexicon::LexiconBuilder::new()
            .text(
                "test:members",
                "actors:
  - {id: caravan, name: Central American Caravan, type: organization}
  - {id: usa, name: United States, type: state}
categories: [mention]
labels:
  - {id: l1, category: mention, stance: 0, kind: label, forms: [the caravan]}
  - id: l2
    category: mention
    stance: 0
    kind: label
    forms: [members of the caravan, the caravan's participants]
  - {id: l3, category: mention, stance: 0, kind: label, forms: [its members]}
",
            )
            .build()
            .expect("lexicon");
        let an = Analyzer::new(lex).expect("compile");
        let a = an.analyze(
            "test",
            "Central American Caravan reaches the border\nThe Central American Caravan left \
             Tijuana. The United States watched the caravan. Members of the caravan \
             waited. The United States questioned the caravan's participants. The United \
             States counted its members.",
        );
        let got: Vec<(&str, &str, Vec<&str>)> = a
            .hits
            .iter()
            .map(|h| {
                (
                    h.text.as_str(),
                    h.link.as_str(),
                    h.actors.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("the caravan", "head_match", vec!["caravan"]),
                (
                    "Members of the caravan",
                    "same_description",
                    vec!["caravan"]
                ),
                (
                    "the caravan's participants",
                    "same_description",
                    vec!["caravan"]
                ),
                // A possessive pronoun is for the pronoun to resolve, and the term's own
                // determiner opens its phrase: "counted" before it is the verb, not a
                // participle that would bring the United States into the phrase.
                ("its members", "nearest_in_clause", vec!["usa"]),
            ]
        );
    }

    #[test]
    fn object_complement() {
        check(ObjectComplement, OBJECT_COMPLEMENT, NOT_OBJECT_COMPLEMENT);
    }

    const SPEAKER_OF_VERB: &[Row] = &[
        // A description of civil-society organisations is a party of the article.
        (
            "Human rights groups have accused the army of atrocities.",
            "accused",
            SpeakerOfVerb,
            &["human-rights-groups"],
        ),
        // "... and accused" with no frame before it shares the subject the sentence opens with.
        (
            "Yemen's internationally recognized government welcomed the move and accused the \
             Houthis of terrorism.",
            "accused",
            SpeakerOfVerb,
            &["yemen-government"],
        ),
        (
            "Fidan claimed that the strikes were legal.",
            "claimed",
            SpeakerOfVerb,
            &["turkey"],
        ),
        (
            "Erdogan alleged that the PKK had attacked a base.",
            "alleged",
            SpeakerOfVerb,
            &["turkey"],
        ),
        (
            "Blinken insisted that talks would continue.",
            "insisted",
            SpeakerOfVerb,
            &["united-states"],
        ),
    ];
    // A reporting verb's party is its speaker's and no one else's: a speaker that is no party,
    // or a passive with no agent (its subject is the accused), decides the verb has none.
    const SPEAKER_OF_VERB_NONE: &[Row] = &[
        (
            "The ministry claimed that the strikes were legal.",
            "claimed",
            SpeakerOfVerb,
            &[],
        ),
        (
            "Critics claimed that the strikes were legal.",
            "claimed",
            SpeakerOfVerb,
            &[],
        ),
        (
            "Hamas was accused of war crimes.",
            "accused",
            SpeakerOfVerb,
            &[],
        ),
        (
            "Mali’s junta accused of war crimes after raid on village",
            "accused",
            SpeakerOfVerb,
            &[],
        ),
    ];
    const NOT_SPEAKER_OF_VERB: &[Row] = &[
        // No frame: an attribution word is no one's by proximity ("alleged" is not Turkey's).
        (
            "Turkey struck what it called an alleged PKK base.",
            "alleged",
            None,
            &[],
        ),
    ];

    #[test]
    fn speaker_of_verb() {
        check(SpeakerOfVerb, SPEAKER_OF_VERB, NOT_SPEAKER_OF_VERB);
        check(SpeakerOfVerb, SPEAKER_OF_VERB_NONE, &[]);
    }

    /// A possessor in an apposition is not the party the apposition describes, whichever rule
    /// then decides.
    #[test]
    fn a_possessor_in_an_apposition_is_not_the_party_described() {
        let a = analyzer().analyze(
            "test",
            "Headline\nSyria's government fought on. Russia, the regime's main ally, sent jets.",
        );
        let h = a.hits.iter().find(|h| h.text == "regime").unwrap();
        assert_eq!(
            h.actors,
            vec!["syrian-government".to_owned()],
            "{}",
            h.link_detail
        );
        let russia = h
            .link_candidates
            .iter()
            .find(|c| c.actor == "russia")
            .unwrap();
        assert_eq!(
            russia.excluded,
            Some(
                "named in another role by the term's phrase (patron, target, opponent, or what its apposition describes)"
            )
        );
    }

    const ACCUSED_OF: &[Row] = &[
        // An object relative: the charge is the relative pronoun's antecedent's, not the
        // accuser's (and the verb is no agentless passive).
        (
            "Hamas, which Israel accused of war crimes, denied it.",
            "war crimes",
            AccusedOf,
            &["hamas"],
        ),
        (
            "India has long accused Pakistan of terrorism.",
            "terrorism",
            AccusedOf,
            &["pakistan"],
        ),
        (
            "JNIM has also been accused of atrocities.",
            "atrocities",
            AccusedOf,
            &["jnim"],
        ),
        // A charge that opens with a gerund: the accused is its subject, and the act further
        // on is theirs.
        (
            "India accused Pakistan of using proxies to carry out massacres in Kashmir.",
            "massacres",
            AccusedOf,
            &["pakistan"],
        ),
        // The accuser after "by" is not the accused.
        (
            "Hamas was accused by Israel of war crimes.",
            "war crimes",
            AccusedOf,
            &["hamas"],
        ),
    ];

    const NOT_ACCUSED_OF: &[Row] = &[
        // A preposition that does not go with the verb: not a charge.
        (
            "Hamas accused Israel after the war crimes.",
            "war crimes",
            NearestInClause,
            &["israel"],
        ),
        // A comma closes the gerund's charge: what follows it is no longer the charge.
        // Another charge after "and": its own preposition ends the first one.
        (
            "India accused Pakistan of shelling posts and Hamas of massacres.",
            "massacres",
            NearestInClause,
            &["hamas"],
        ),
        (
            "India accused Pakistan of funding proxies, and Hamas carried out massacres.",
            "massacres",
            NearestInClause,
            &["hamas"],
        ),
        // What a party is accused of ignoring is others' act.
        (
            "Turkey accused Hamas of ignoring massacres by Israel.",
            "massacres",
            SamePhrase,
            &["israel"],
        ),
    ];

    #[test]
    fn accused_of() {
        check(AccusedOf, ACCUSED_OF, NOT_ACCUSED_OF);
    }

    const SPEAKER_SUBJECT: &[Row] = &[
        // An act coordinated with the pronoun's verb shares its subject.
        (
            "The Israeli military said Friday it had struck a Hezbollah site near Nabatieh and \
             “eliminated” a commander.",
            "eliminated",
            SpeakerSubject,
            &["israel"],
        ),
        // A label after the pronoun and a copula is said of the speaker.
        (
            "The junta fought on. The NUG says it is the country's legitimate government.",
            "legitimate government",
            SpeakerSubject,
            &["nug"],
        ),
        (
            "The junta fought on. “We are the legitimate government,” the NUG said.",
            "legitimate government",
            SpeakerSubject,
            &["nug"],
        ),
        // A euphemistic act in a party's own words is its own.
        (
            "Israel said it had eliminated a Hezbollah cell.",
            "eliminated",
            SpeakerSubject,
            &["israel"],
        ),
        (
            "Hamas said it had liberated the camp.",
            "liberated",
            SpeakerSubject,
            &["hamas"],
        ),
        (
            "Syria's army said that it had “neutralised” the cell.",
            "neutralised",
            SpeakerSubject,
            &["syrian-government"],
        ),
    ];

    const SPEAKER_SUBJECT_PASSIVE: &[Row] = &[
        // A passive with no agent hides the doer of a sanitizing act: the speaker's side.
        (
            "Israel said more than 50 fighters had been eliminated in the past week.",
            "eliminated",
            SpeakerSubject,
            &["israel"],
        ),
        (
            "Hamas said two soldiers were neutralised.",
            "neutralised",
            SpeakerSubject,
            &["hamas"],
        ),
    ];
    const NOT_SPEAKER_SUBJECT_PASSIVE: &[Row] = &[
        // The agent is named after "by".
        (
            "Israel said more than 50 fighters had been eliminated by Hamas.",
            "eliminated",
            SamePhrase,
            &["hamas"],
        ),
        // Not a passive: someone else is the subject.
        (
            "Hamas said Israel eliminated two fighters.",
            "eliminated",
            SamePhrase,
            &["israel"],
        ),
    ];

    const SPEAKER_SUBJECT_UNNAMED: &[Row] = &[
        // The subject names no party: the speaker's own forces, unnamed.
        (
            "Israel said troops had “neutralised” 12 gunmen near the border.",
            "neutralised",
            SpeakerSubject,
            &["israel"],
        ),
        // A party in a phrase of support, without commas, is no subject.
        (
            "Haiti's National Police said officers supported by the Kenyan-led mission had \
             “neutralized” 12 gang members.",
            "neutralized",
            SpeakerSubject,
            &["haiti"],
        ),
        // After the words: a passive coordinated with another.
        (
            "“Those who refuse will be hunted down and neutralised,” Israel's army said.",
            "neutralised",
            SpeakerSubject,
            &["israel"],
        ),
        // A verb after a modal.
        (
            "Israel's army said troops would “neutralise” any gunman who approached.",
            "neutralise",
            SpeakerSubject,
            &["israel"],
        ),
        // A speaker whose state is known by title only, in the discourse phase.
        (
            "Nigeria's army fought Boko Haram in Borno. Units of a brigade neutralised 20 \
             fighters on Sunday, according to a military spokesman.",
            "neutralised",
            SpeakerSubject,
            &["nigeria"],
        ),
    ];
    const NOT_SPEAKER_SUBJECT_UNNAMED: &[Row] = &[
        // A party named in the subject does it.
        (
            "Hamas said Israeli troops had “eliminated” a family in Gaza.",
            "eliminated",
            NearestInClause,
            &["israel"],
        ),
        // A noun: the other side's act by its common name. (Proximity then gives it the
        // speaker, who is the nearest party: a known error of proximity, not of this rule.)
        (
            "Ukraine said thousands had passed through “filtration camps”.",
            "filtration camps",
            NearestInClause,
            &["ukraine"],
        ),
        // The agent after "by", past a closing quotation mark.
        (
            "Israel said 50 fighters had been “eliminated” by Hamas.",
            "eliminated",
            NearestInClause,
            &["hamas"],
        ),
        // Members after "including" are the subject's own.
        (
            "Hamas said forces including Israeli units had eliminated a family.",
            "eliminated",
            NearestInClause,
            &["israel"],
        ),
        // A leader after "led by" is the subject's own: the party it names does the act.
        (
            "Hamas said units led by Israel's army had neutralised its fighters.",
            "neutralised",
            NearestInClause,
            &["israel"],
        ),
    ];

    /// Sentences where the unnamed-doer reading must not fire, whatever the later rules then
    /// make of the act: a party in the subject past a parenthetical and an auxiliary, and a
    /// delegitimising term as the subject (it names the other side).
    #[test]
    fn no_unnamed_doer_when_the_subject_names_the_other_side() {
        for sentence in [
            "Hamas said Israeli troops, on Sunday, had eliminated a family.",
            "Hamas said occupation forces had “eliminated” a family.",
            "Hamas said the occupation army would “neutralise” the fighters.",
        ] {
            let a = analyzer().analyze("test", &format!("Headline\n{sentence}"));
            let h = a
                .hits
                .iter()
                .find(|h| h.text.starts_with("eliminat") || h.text == "neutralise");
            let h = h.unwrap_or_else(|| panic!("{sentence:?}: no act among {:?}", a.hits));
            assert_ne!(h.link, SpeakerSubject, "{sentence:?}: {}", h.link_detail);
        }
    }

    /// An act is not done by the party of its patient, found past determiners ("any other")
    /// and a term that is a compound adjective ("Indian-sponsored") on the patient's noun;
    /// with no label after the act there is no patient, and the party in focus does it.
    #[test]
    fn an_acts_patient_is_found_past_a_compound_adjective() {
        for (end, want) in [
            (
                "eliminate any other Indian-sponsored kharji found in the area.",
                "pakistan",
            ),
            ("eliminate any threat found in the area.", "ttp"),
        ] {
            let text = format!(
                "Headline\nThe TTP attacked a checkpoint in North Waziristan on Sunday, \
                 Pakistan's army said. The TTP said it had lost 11 fighters. An operation is \
                 under way to {end}"
            );
            let a = analyzer().analyze("test", &text);
            let h = a.hits.iter().find(|h| h.text == "eliminate").expect("hit");
            assert_eq!(
                (h.link, h.actors.as_slice()),
                (Salience, [want.to_string()].as_slice()),
                "{end}: {}",
                h.link_detail
            );
        }
    }

    #[test]
    fn speaker_subject_of_an_unnamed_doer() {
        check(
            SpeakerSubject,
            SPEAKER_SUBJECT_UNNAMED,
            NOT_SPEAKER_SUBJECT_UNNAMED,
        );
    }

    #[test]
    fn speaker_subject_of_an_agentless_passive() {
        check(
            SpeakerSubject,
            SPEAKER_SUBJECT_PASSIVE,
            NOT_SPEAKER_SUBJECT_PASSIVE,
        );
    }

    const NOT_SPEAKER_SUBJECT: &[Row] = &[
        // A subordinate clause between, with a subject of its own: the act is its verb's.
        (
            "The Ukrainian army said it repelled an assault after Russian troops crossed the \
             river and “liberated” a village.",
            "liberated",
            NearestInClause,
            &["russia"],
        ),
        // No pronoun: the subject of the reported words is the party named there.
        (
            "Hamas said Israel had struck a school and “eliminated” a family.",
            "eliminated",
            NearestInClause,
            &["israel"],
        ),
        // A preposition between: the label is not what the subject is said to be.
        (
            "The SDF said it was willing to talk with the regime.",
            "regime",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A condemning act is not reported of oneself: the speaker is not its agent.
        (
            "Hamas said the invasion had begun.",
            "invasion",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // Someone else is the subject of the reported words.
        (
            "Hamas said Israel had liberated the camp.",
            "liberated",
            NearestInClause,
            &["israel"],
        ),
    ];

    #[test]
    fn speaker_subject() {
        check(SpeakerSubject, SPEAKER_SUBJECT, NOT_SPEAKER_SUBJECT);
    }

    const SAME_PHRASE: &[Row] = &[
        // A term that modifies a person's title describes that person's side: the coup is its
        // leader's, the rebels its commander's.
        (
            "Coup leader Min Aung Hlaing addressed officers in Naypyitaw.",
            "Coup",
            SamePhrase,
            &["myanmar-military"],
        ),
        (
            "Rebel commander Abu Mohammed al-Jolani entered Aleppo.",
            "Rebel",
            SamePhrase,
            &["hts"],
        ),
        // A governing armed group may be called a regime (the bundled entry targets both).
        (
            "The army said it struck infrastructure used by the Huthi terrorist regime.",
            "terrorist regime",
            SamePhrase,
            &["houthis"],
        ),
        // An act's adjective right before a party's name modifies it.
        (
            "Kinshasa's alliance with genocidal FDLR militia threatens the deal.",
            "genocidal",
            SamePhrase,
            &["fdlr"],
        ),
        // An abbreviation names the party its entry's full forms name.
        (
            "Troops crossed the Line of Control into PoK on Tuesday.",
            "PoK",
            SamePhrase,
            &["pakistan"],
        ),
        // The clause's verb and its subject are not in the object's phrase, after a number or
        // not; a hyphenated act is a modifier.
        (
            "Ukraine killed 40 Russian occupiers.",
            "occupiers",
            SamePhrase,
            &["russia"],
        ),
        (
            "The Defense Forces of Ukraine eliminated 1,040 Russian occupiers.",
            "occupiers",
            SamePhrase,
            &["russia"],
        ),
        // A possessor opens its phrase: nothing before it belongs ("Pakistan rejected"), and a
        // quotation mark after it does not end the phrase.
        (
            "Pakistan rejected India's baseless allegations.",
            "allegations",
            SamePhrase,
            &["india"],
        ),
        (
            "Pakistan rejected India's \"baseless allegations\" on Monday.",
            "allegations",
            SamePhrase,
            &["india"],
        ),
        // A delegitimising label on a state's adjective, with nothing compatible in focus: that
        // state's forces.
        (
            "Russian units continue to clear the remaining Ukrainian gunmen.",
            "gunmen",
            SamePhrase,
            &["ukraine"],
        ),
        // Inside the term.
        (
            "They fled Assad's regime.",
            "Assad's regime",
            SamePhrase,
            &["syrian-government"],
        ),
        // A premodifier, with its conjuncts.
        (
            "Aleppo was hit by the HTS terror organization.",
            "terror organization",
            SamePhrase,
            &["hts"],
        ),
        (
            "Palestinian Islamic Jihad and Hamas militants fired rockets.",
            "militants",
            SamePhrase,
            &["pij", "hamas"],
        ),
        // To the right: the owner phrase, or the head a compound modifies.
        (
            "Fighters of HTS entered Hama.",
            "Fighters",
            SamePhrase,
            &["hts"],
        ),
        (
            "Fighters from a U.S.-backed, Kurdish-led coalition battled on.",
            "U.S.-backed",
            SamePhrase,
            &["sdf"],
        ),
        // A label right before a party's organ or name modifies it, whatever type the entry
        // targets.
        (
            "Hamas said the terrorist Israeli army shelled the camp.",
            "terrorist",
            SamePhrase,
            &["israel"],
        ),
        // A label glued to "-led" says who leads the head: the possessor's own party, whatever
        // type the entry targets.
        (
            "Syria's Islamist-led authorities have pledged to punish those responsible.",
            "Islamist",
            SamePhrase,
            &["syrian-government"],
        ),
    ];
    const NOT_SAME_PHRASE: &[Row] = &[
        // "-led" on a head that is no government or organ: set against the possessor.
        (
            "Assad's Islamist-led opposition seized Aleppo.",
            "Islamist",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A place's possessor owns no leaders.
        (
            "In Syria's Islamist-led north, fighting went on.",
            "Islamist",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A title with no name right after it names no one.
        (
            "The rebel commander said Bashar al-Assad had fled.",
            "rebel",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // An act's noun of two words is no adjective, whatever its ending.
        (
            "They denounced the sham trial Ukraine's soldiers faced in Rostov.",
            "sham trial",
            Salience,
            &["ukraine"],
        ),
        // An act's noun before a name is no modifier of it: the name opens a clause.
        (
            "Hamas condemned the aggression Israel launched on Gaza.",
            "aggression",
            Salience,
            &["israel"],
        ),
        // A neutral or contested label on a state's adjective says where they are from.
        (
            "Syrian rebels advanced on the city.",
            "rebels",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // An act's of-phrase names its victim.
        (
            "The invasion of Ukraine began at dawn.",
            "invasion",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A participle after the subject is the verb: "HTS" is not in the subject's phrase,
        // and as the object of the militants' attack it is not the militants either.
        (
            "The militants attacked HTS positions.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A proxy word's modifier names the patron, which is ambiguous here.
        (
            "An Iranian proxy fired rockets.",
            "proxy",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // Not a modifier: a label that is a party noun, before a clause whose subject is named.
        (
            "The militias Iran backs fired rockets.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn same_phrase() {
        check(SamePhrase, SAME_PHRASE, NOT_SAME_PHRASE);
    }

    /// Iran's proxies on record in the bundled actors lexicon, in its order.
    const IRAN_PROXIES: &[&str] = &[
        "hezbollah",
        "houthis",
        "hamas",
        "pij",
        "pmf",
        "kataib-hezbollah",
        "islamic-resistance-iraq",
        "asaib-ahl-al-haq",
        "harakat-al-nujaba",
        "kataib-sayyid-al-shuhada",
        "badr-organization",
    ];
    const PROXY: &[Row] = &[
        // A plural proxy word and a patron with several proxies: those the article names, or
        // all those on record when it names none; never the patron.
        (
            "Iran backs its proxies across the region.",
            "proxies",
            Proxy,
            IRAN_PROXIES,
        ),
        (
            "Critics say Washington is too soft on Tehran's proxies. Hezbollah and the Houthis fired again.",
            "proxies",
            Proxy,
            &["hezbollah", "houthis"],
        ),
        (
            "Turkey and the US back their respective insurgent groups.",
            "insurgent groups",
            Proxy,
            &["sna", "sdf"],
        ),
        (
            "The Turkish-backed militias attacked Kurdish fighters.",
            "militias",
            Proxy,
            &["sna"],
        ),
        (
            "Turkey, which supports armed groups in Syria, denied it.",
            "armed groups",
            Proxy,
            &["sna"],
        ),
        (
            "The US-backed militias advanced.",
            "militias",
            Proxy,
            &["sdf"],
        ),
    ];
    const NOT_PROXY: &[Row] = &[
        // Iran has several proxies: one of them is ambiguous.
        (
            "An Iranian proxy fired rockets.",
            "proxy",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // "their" with no antecedent.
        (
            "Their insurgent groups advanced.",
            "insurgent groups",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn proxy() {
        check(Proxy, PROXY, NOT_PROXY);
    }

    const POSSESSOR: &[Row] = &[
        // A noun of attribution doubts the words of its owner: a possessive pronoun's
        // antecedent, or the agent after "by".
        (
            "The Houthis, through their propaganda outlets, claimed victory.",
            "propaganda",
            Possessor,
            &["houthis"],
        ),
        (
            "M23 has denied the allegations, calling them \"fabrications\" by Kinshasa.",
            "fabrications",
            Possessor,
            &["drc"],
        ),
        // The owner's type need not be among the entry's targets: a movement's militias are
        // its own, by a possessive, a possessive pronoun or an of-phrase.
        (
            "The army said the Muslim Brotherhood's militias were moving.",
            "militias",
            Possessor,
            &["muslim-brotherhood"],
        ),
        (
            "The army will not allow the Muslim Brotherhood and its militias to drag the country into war.",
            "militias",
            Possessor,
            &["muslim-brotherhood"],
        ),
        // A definite organisation noun as possessor refers back as "its" does, not to a party
        // named after the term.
        (
            "Lawrence Kanyuka, the AFC/M23 spokesman, said that the group's fighters had taken \
             Kiliba from the FDLR.",
            "fighters",
            Possessor,
            &["m23"],
        ),
        (
            "The army said the militias of the Muslim Brotherhood were moving.",
            "militias",
            Possessor,
            &["muslim-brotherhood"],
        ),
        // A name that ends in a noun for forces or a government, as the noun modifier right
        // before the group noun, owns it as an of-phrase would.
        (
            "The RSF crushed an attack by Port Sudan army militias.",
            "militias",
            Possessor,
            &["sudan-army"],
        ),
        // "their" stands for the coordinated owners.
        (
            "The Muslim Brotherhood and Hamas sent their militants.",
            "militants",
            Possessor,
            &["muslim-brotherhood", "hamas"],
        ),
        // A state's word before a government noun names the state as a polity: the mercenaries
        // of the regime are the regime's, though the entry targets no state.
        (
            "The judiciary said the mercenaries of the Zionist regime had confessed.",
            "mercenaries",
            Possessor,
            &["israel"],
        ),
    ];
    const NOT_POSSESSOR: &[Row] = &[
        // A definite noun for a state's organ as possessor is not the speaker before it, nor
        // is "the group's" when the party named last is a state.
        (
            "The RSF said the government's militias had attacked El Fasher.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Hamas said the Israeli army had killed dozens while the group's fighters defended \
             the camp.",
            "fighters",
            Salience,
            &["hamas"],
        ),
        // A country's bare name before the group noun says where the militias are, not whose
        // they are; and a modifier with a word between it and the term is no compound.
        (
            "Iraq militias attacked the base.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "The RSF crushed an attack by Port Sudan army and militias.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A name that ends in a noun for the country, not its rulers.
        (
            "Islamic Republic militias attacked the base.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // What follows a noun of attribution is what is claimed, not whose claim it is.
        (
            "Kigali dismissed the allegations of Rwandan involvement.",
            "allegations",
            None,
            &[],
        ),
        // An owner whose type the entry targets, or a person the lexicon lists, is read by
        // `same_phrase` first.
        (
            "Rwanda rejected Kinshasa's claims.",
            "claims",
            SamePhrase,
            &["drc"],
        ),
        (
            "Residents fled Khalifa Haftar's militias.",
            "militias",
            SamePhrase,
            &["lna"],
        ),
        // A place owns nothing, and a state's possessive before a group noun says where the
        // group is.
        (
            "Fighting broke out in Libya between its militias.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Fighting broke out between Russia's militias.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "The spokesman said the militias of Syria were moving.",
            "militias",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A patron with proxies on record: the proxy rule reads "its" first.
        (
            "Iran and its militias attacked.",
            "militias",
            Proxy,
            IRAN_PROXIES,
        ),
        // Not a group noun: an act's owner is its doer by the phrase (`same_phrase`).
        (
            "The Muslim Brotherhood's terrorism was condemned.",
            "terrorism",
            SamePhrase,
            &["muslim-brotherhood"],
        ),
    ];

    #[test]
    fn possessor() {
        check(Possessor, POSSESSOR, NOT_POSSESSOR);
    }

    const DESIGNATION: &[Row] = &[
        // "to be" as well as "as"; an apposition to the object passed over.
        (
            "Turkey considers the PKK to be a terrorist organization.",
            "terrorist organization",
            Designation,
            &["pkk"],
        ),
        (
            "Türkiye also considers the SDF, the US-backed force in the northeast, to be a \
             terrorist group.",
            "terrorist group",
            Designation,
            &["sdf"],
        ),
        (
            "The PKK, which has been designated as a terrorist group by Turkey, fought on.",
            "terrorist group",
            Designation,
            &["pkk"],
        ),
        (
            "HTS—designated as a terrorist organization—took Aleppo.",
            "terrorist organization",
            Designation,
            &["hts"],
        ),
        (
            "HTS, designated a terrorist organization by the UN, took Aleppo.",
            "terrorist organization",
            Designation,
            &["hts"],
        ),
        (
            "The PKK, which is listed as a terrorist group, fought on.",
            "terrorist group",
            Designation,
            &["pkk"],
        ),
        // The object of an active designation verb, before "as": all its parties for a plural.
        (
            "The junta has designated the NUG and its armed wing, the PDF, as terrorist organisations.",
            "terrorist organisations",
            Designation,
            &["nug", "pdf"],
        ),
        (
            "Washington designated the Houthis as a terrorist organization.",
            "terrorist organization",
            Designation,
            &["houthis"],
        ),
    ];
    const NOT_DESIGNATION: &[Row] = &[
        // The designated actor sits between the verb and the term.
        (
            "The UN has designated HTS a terrorist organization.",
            "terrorist organization",
            NearestInClause,
            &["hts"],
        ),
        // Nothing before the verb to designate.
        (
            "It was designated a terrorist organization in 2018.",
            "terrorist organization",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Washington designated the group a terrorist organization.",
            "terrorist organization",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn designation() {
        check(Designation, DESIGNATION, NOT_DESIGNATION);
    }

    const COPULA: &[Row] = &[
        // A state's people, and a population noun's party adjective, are the subject.
        (
            "More than 1,060 Iranians were martyred on Monday.",
            "martyred",
            Copula,
            &["iran"],
        ),
        (
            "Two Kurdish civilians were martyred on Monday.",
            "martyred",
            Copula,
            &["kurds"],
        ),
        (
            "HTS is a militant Islamist group that seeks a state.",
            "militant Islamist group",
            Copula,
            &["hts"],
        ),
        (
            "Hamas remains a terrorist organization.",
            "terrorist organization",
            Copula,
            &["hamas"],
        ),
        (
            "The PKK was also a terrorist group.",
            "terrorist group",
            Copula,
            &["pkk"],
        ),
        (
            "Hezbollah is a proxy of the Iranian regime.",
            "proxy",
            Copula,
            &["hezbollah"],
        ),
        // A relational noun's possessor is the party it relates to: the offshoot is the YPG.
        (
            "The YPG is the PKK's Syrian offshoot.",
            "offshoot",
            Copula,
            &["ypg"],
        ),
    ];
    // A denial is said of its subject too; "we" in quoted words is the speaker, and a negative
    // quantifier is no one.
    const COPULA_DENIALS: &[Row] = &[
        (
            "“We are not terrorists,” Hamas said in a statement.",
            "terrorists",
            Copula,
            &["hamas"],
        ),
        (
            "Turkey said the SDF is not a terrorist group.",
            "terrorist group",
            Copula,
            &["sdf"],
        ),
        (
            "Israel struck the village. “We are not terrorists,” one farmer said.",
            "terrorists",
            Copula,
            &[],
        ),
        (
            "Israel struck the village. “Nobody here is a terrorist,” one farmer said.",
            "terrorist",
            Copula,
            &[],
        ),
        // "Citizens" in a state's own words are its own people, counted or not.
        (
            "The Lebanese health ministry said two citizens were martyred in the strike.",
            "martyred",
            Copula,
            &["lebanon"],
        ),
        (
            "The Lebanese health ministry said that a second citizen was martyred in a strike.",
            "martyred",
            Copula,
            &["lebanon"],
        ),
    ];
    const NOT_COPULA: &[Row] = &[
        // A state cannot be a terrorist group in the lexicon's terms.
        (
            "Turkey is a terrorist group.",
            "terrorist group",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // "is fighting": a verb, not a copula.
        (
            "Turkey is fighting a terrorist group.",
            "terrorist group",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // The subject is no actor.
        (
            "The group is a terrorist organization.",
            "terrorist organization",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // "Citizens" are a state's own only in that state's words: not in the outlet's, not in
        // the words of speakers who are no state, and not with a possessor of their own.
        (
            "Two citizens were martyred in the strike.",
            "martyred",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Residents said two citizens were martyred in the strike.",
            "martyred",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Lebanon said the ministry's citizens were martyred in a strike.",
            "martyred",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "The Lebanese health ministry said their citizens were martyred in a strike.",
            "martyred",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn copula() {
        check(Copula, COPULA, NOT_COPULA);
        check(Copula, COPULA_DENIALS, &[]);
    }

    const APPOSITION: &[Row] = &[
        (
            "HTS, a militant group, took Aleppo.",
            "militant group",
            Apposition,
            &["hts"],
        ),
        (
            "The PKK (a terrorist organization) fought on.",
            "terrorist organization",
            Apposition,
            &["pkk"],
        ),
        (
            "Hezbollah—a terrorist group—fired rockets.",
            "terrorist group",
            Apposition,
            &["hezbollah"],
        ),
    ];
    const NOT_APPOSITION: &[Row] = &[
        // A description of a party after a comma is no apposition to an act before it (and
        // no object of that act's noun).
        (
            "Since May, when India struck camps in response to the Pahalgam terror attack, the \
             security forces have intensified operations.",
            "security forces",
            NearestInClause,
            &["india"],
        ),
        // A verb after a comma says what the clause's subject did; a supporter is no subject.
        (
            "Burkinabe soldiers, supported by the VDP, neutralised several dozen terrorists.",
            "neutralised",
            NearestInClause,
            &["burkina-faso"],
        ),
        // The phrase before is an incompatible actor, or none.
        (
            "Turkey, a militant group, fought on.",
            "militant group",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "The city, a terrorist stronghold, fell.",
            "terrorist",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn apposition() {
        check(Apposition, APPOSITION, NOT_APPOSITION);
    }

    const RELATIVE_CLAUSE: &[Row] = &[
        (
            "HTS, which leads the rebel coalition, took Aleppo.",
            "rebel coalition",
            RelativeClause,
            &["hts"],
        ),
        (
            "Hezbollah, whose fighters crossed the border, fired rockets.",
            "fighters",
            RelativeClause,
            &["hezbollah"],
        ),
        // A state between "which" and the term cannot be a group, so it does not block.
        (
            "The PKK, which Turkey fought in the 1990s as a terrorist group, fought on.",
            "terrorist group",
            RelativeClause,
            &["pkk"],
        ),
    ];
    const NOT_RELATIVE_CLAUSE: &[Row] = &[
        // A compatible actor between "which" and the term.
        (
            "The SDF, which HTS fought as a terrorist group, held the town.",
            "terrorist group",
            Salience,
            &["sdf"],
        ),
        // A naming verb in the relative clause: the object complement rule decides first.
        (
            "The SDF, which HTS calls a terrorist group, fought on.",
            "terrorist group",
            ObjectComplement,
            &["sdf"],
        ),
        // No comma before "which": not a relative clause on a named antecedent.
        (
            "The area which the terrorist group held fell.",
            "terrorist group",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn relative_clause() {
        check(RelativeClause, RELATIVE_CLAUSE, NOT_RELATIVE_CLAUSE);
    }

    const COORDINATION: &[Row] = &[
        (
            "Both Turkey and the US maintain occupation forces in Syria.",
            "occupation forces",
            Coordination,
            &["turkey", "united-states"],
        ),
        (
            "Syrian-Russian operations eliminate dozens of fighters.",
            "eliminate",
            Coordination,
            &["syrian-government", "russia"],
        ),
        (
            "Russia and Iran launched an invasion.",
            "invasion",
            Coordination,
            &["russia", "iran"],
        ),
        // Two parties' adjectives, each with its head noun.
        (
            "Malian soldiers and Russian mercenaries committed massacres in the village.",
            "massacres",
            Coordination,
            &["mali", "russia"],
        ),
        (
            "The Malian junta and its Russian allies are committing massacres.",
            "massacres",
            Coordination,
            &["mali", "russia"],
        ),
    ];
    const NOT_COORDINATION: &[Row] = &[
        // Two clauses, not two conjuncts: the nearest is the subject of the second.
        (
            "Malian soldiers killed and Russian troops wounded civilians in a massacre.",
            "massacre",
            NearestInClause,
            &["russia"],
        ),
        // One actor alone.
        (
            "Turkey maintains occupation forces in Syria.",
            "occupation forces",
            NearestInClause,
            &["turkey"],
        ),
        // Conjuncts in the term's own phrase are same_phrase's.
        (
            "Hamas and Hezbollah militants fired rockets.",
            "militants",
            SamePhrase,
            &["hamas", "hezbollah"],
        ),
    ];

    #[test]
    fn coordination() {
        check(Coordination, COORDINATION, NOT_COORDINATION);
    }

    const NEAREST_IN_CLAUSE: &[Row] = &[
        // A party after "on", past a region's words, is what the act is done to.
        (
            "The Israeli army escalated its strikes on South Lebanon, in a flagrant violation of \
             the ceasefire.",
            "violation of the ceasefire",
            NearestInClause,
            &["israel"],
        ),
        // A noun of wrongdoing names its doer after "of".
        (
            "The Houthis denounced the crimes of the Zionist enemy in Gaza.",
            "crimes",
            NearestInClause,
            &["israel"],
        ),
        (
            "Witnesses described the brutality of the Israeli army.",
            "brutality",
            NearestInClause,
            &["israel"],
        ),
        // So does a noun of dying for a cause: the one who died.
        (
            "The axis emerged stronger despite the martyrdom of Hezbollah leader Hassan \
             Nasrallah.",
            "martyrdom",
            NearestInClause,
            &["hezbollah"],
        ),
        // After a parenthetical, the subject before it: not an introductory phrase's party, nor
        // a name cut at a hyphen.
        (
            "Despite Ukraine's counteroffensive, Russian forces, backed by artillery, liberated \
             Avdiivka.",
            "liberated",
            NearestInClause,
            &["russia"],
        ),
        (
            "The SDF, backed by US-led coalition jets, liberated Raqqa.",
            "liberated",
            NearestInClause,
            &["sdf"],
        ),
        // A participle right before its noun is a modifier, no verb of support.
        (
            "The RSF deployed heavily armed militias near El Fasher.",
            "militias",
            NearestInClause,
            &["rsf"],
        ),
        // A compound "-backed" is no verb of support: the party before it stays a candidate.
        (
            "Israel struck Hezbollah targets in Lebanon, hours after the Iran-backed terrorist \
             group fired rockets.",
            "terrorist group",
            NearestInClause,
            &["hezbollah"],
        ),
        // A verb after a parenthetical takes the clause's subject, which a leader names.
        (
            "The armed forces, led by Khalifa Haftar, liberated Benghazi from the militants.",
            "liberated",
            NearestInClause,
            &["lna"],
        ),
        // A population noun is no thing its adjective's party makes: the label is said of it.
        (
            "Indian troops martyred two Kashmiri youths in Kupwara.",
            "martyred",
            NearestInClause,
            &["kashmiris"],
        ),
        // A participle that is not one of support leaves its agent a candidate: the units
        // ambushed by HTS killed HTS's militants.
        (
            "Army units, ambushed by HTS near Idlib, killed several militants.",
            "militants",
            NearestInClause,
            &["hts"],
        ),
        // A label after a form of "be" is a predicate, not the object of the participle before:
        // the fighters are the militants, whoever killed or attacked whom.
        (
            "HTS fighters killed by Russian strikes were militants.",
            "militants",
            NearestInClause,
            &["hts"],
        ),
        (
            "SDF fighters attacking Turkish positions are terrorists.",
            "terrorists",
            NearestInClause,
            &["sdf"],
        ),
        // A party inside an apposition is not an argument of the clause; its anchor is.
        (
            "Hezbollah, the main ally of Hamas in Lebanon, sheltered militants near the border.",
            "militants",
            NearestInClause,
            &["hezbollah"],
        ),
        // A state's adjective before "against" says where the rebels are from; the government
        // forces after it are that state's.
        (
            "Syrian rebels advanced against government forces.",
            "government forces",
            NearestInClause,
            &["syrian-government"],
        ),
        (
            "Turkey maintains occupation forces in Syria.",
            "occupation forces",
            NearestInClause,
            &["turkey"],
        ),
        (
            "Russia launched an invasion of Ukraine.",
            "invasion",
            NearestInClause,
            &["russia"],
        ),
        // A past-tense act takes its subject, not the nearer object.
        (
            "Hamas terrorists invaded southern Israel and massacred civilians.",
            "massacred",
            NearestInClause,
            &["hamas"],
        ),
        // A phrase fronted before the subject's comma is not the subject of a verb of
        // fighting: the party it names may be the one fought.
        (
            "Compounding HTS's problems, the SDF battled militants.",
            "militants",
            NearestInClause,
            &["hts"],
        ),
    ];
    const NOT_NEAREST_IN_CLAUSE: &[Row] = &[
        // A list after a verb of attack is its object, commas and all: not the subject's.
        (
            "The Sudanese army killed the militants, terrorists and mercenaries near El Fasher.",
            "terrorists",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // An event noun of a transitive verb names its object after "of", not its doer.
        (
            "The invasion of Ukraine began in 2022.",
            "invasion",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "The siege of Hamas positions continued.",
            "siege",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // The object of a verb of support is not the supporter's.
        (
            "The RSF attacked El Fasher on Monday. The UAE denies arming the paramilitary.",
            "paramilitary",
            Salience,
            &["rsf"],
        ),
        // "The enemy" in a party's own words is whoever it fights, not the party nearest.
        (
            "Russian troops fought Ukrainian forces near Kupiansk on Monday. \"The enemy lost a \
             US-made howitzer,\" the Russian defence ministry said.",
            "The enemy",
            Salience,
            &["ukraine"],
        ),
        // A state's people suffer acts as often as they do them: no agent by proximity.
        (
            "Israel struck Tehran on Friday. More than 1,060 Iranians were martyred in the aggression.",
            "aggression",
            Salience,
            &["israel"],
        ),
        (
            "Russia opened camps in Mariupol. Thousands of Ukrainians were held in the filtration camps.",
            "filtration camps",
            Salience,
            &["russia"],
        ),
        // The object of an attack verb, however long its noun phrase, is not the subject's.
        (
            "The RSF on Monday crushed an attack by the militias of the Sudanese army and the terrorist Islamist brigades.",
            "terrorist",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A party does not call itself a terrorist, named as the speaker or again in its words.
        (
            "The SDF said terrorists attacked SDF positions.",
            "terrorists",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // After "against", the term is the other side: not the party before it, in its clause
        // or from the discourse.
        (
            "HTS fighters advanced against militants.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // So is the object of a verb of fighting.
        (
            "HTS fighters were fighting militants near Idlib.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // And the object of a verb of attack, defeat or seizure, or of freeing a place from
        // someone: a party is not the object of its own attack.
        (
            "SDF units neutralised several terrorists near Raqqa.",
            "terrorists",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "SDF fighters liberated two villages from the militants.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "HTS forces arrested dozens of militants in Idlib.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        (
            "Alert troops of the SDF intercepted the terrorists near the border.",
            "terrorists",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A label that is the subject of an attack is not its object, even past a first
        // predicate.
        (
            "Suspected militants have looted shops and killed a commander of the SDF near Raqqa.",
            "militants",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A participial phrase of support between commas before the verb names the subject's
        // allies: the party it names does the act too.
        (
            "Army units, supported by the VDP, neutralised several dozen terrorists.",
            "terrorists",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // The speaker who reports an act is not its agent.
        (
            "Russia said the strikes were an invasion.",
            "invasion",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // A country named as a place; "as" opens another clause.
        (
            "Troops entered northern Syria as occupation forces.",
            "occupation forces",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // Several actors: coordination.
        (
            "Both Turkey and the US maintain occupation forces in Syria.",
            "occupation forces",
            Coordination,
            &["turkey", "united-states"],
        ),
    ];

    #[test]
    fn nearest_in_clause() {
        check(NearestInClause, NEAREST_IN_CLAUSE, NOT_NEAREST_IN_CLAUSE);
    }

    const EPITHET: &[Row] = &[
        // A side's name for its enemy names the party of the conflict the article is about.
        (
            "Somali forces liberated two villages from the Khawarij.",
            "Khawarij",
            Epithet,
            &["al-shabaab"],
        ),
        (
            "Pakistani troops killed ten Khawarij in North Waziristan.",
            "Khawarij",
            Epithet,
            &["ttp"],
        ),
    ];
    const NOT_EPITHET: &[Row] = &[
        // No place of the entry's parties is named ...
        (
            "Troops killed ten Khawarij near the border.",
            "Khawarij",
            UnnamedParty,
            &["unnamed-1"],
        ),
        // ... or two are named as often.
        (
            "Somalia and Pakistan vowed to defeat the Khawarij.",
            "Khawarij",
            UnnamedParty,
            &["unnamed-1"],
        ),
    ];

    #[test]
    fn epithet() {
        check(Epithet, EPITHET, NOT_EPITHET);
    }

    const DISTANCED_PHRASE: &[Row] = &[
        // The next mention.
        (
            "The so-called Islamic State claimed the attack.",
            "so-called",
            DistancedPhrase,
            &["isis"],
        ),
        // The next term, with its actors.
        (
            "HTS, a so-called terrorist group, took Hama.",
            "so-called",
            DistancedPhrase,
            &["hts"],
        ),
        (
            "Hezbollah is a so-called terrorist organization.",
            "so-called",
            DistancedPhrase,
            &["hezbollah"],
        ),
    ];
    /// A marker that names a party in its own words takes that party (`same_phrase`).
    const DISTANCING_NAMES: &[Row] = &[(
        "Dozens were killed, according to the Hamas-run health ministry.",
        "Hamas-run health ministry",
        SamePhrase,
        &["hamas"],
    )];
    const NOT_DISTANCING_NAMES: &[Row] = &[
        // A speaker named in the marker is not what it marks.
        (
            "Russia shelled the town of Kharkiv. That is what Moscow calls a special military \
             operation.",
            "what Moscow calls",
            DistancedPhrase,
            &["russia"],
        ),
        (
            "Dozens were killed, says the so-called Islamic State.",
            "so-called",
            DistancedPhrase,
            &["isis"],
        ),
    ];
    const NOT_DISTANCED_PHRASE: &[Row] = &[
        // The next term has no actor, or there is no term or mention.
        (
            "The so-called terrorist group fled.",
            "so-called",
            None,
            &[],
        ),
        ("The so-called peace talks failed.", "so-called", None, &[]),
        // The mention is more than three tokens away.
        (
            "The so-called, according to many observers, Islamic State struck.",
            "so-called",
            None,
            &[],
        ),
    ];

    #[test]
    fn distanced_phrase() {
        check(DistancedPhrase, DISTANCED_PHRASE, NOT_DISTANCED_PHRASE);
        check(SamePhrase, DISTANCING_NAMES, NOT_DISTANCING_NAMES);
    }
}
