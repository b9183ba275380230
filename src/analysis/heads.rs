//! Head nouns: what the head word of a noun phrase says about the party it can refer to.
//!
//! A description agrees with its referent, as a pronoun does (Lappin & Leass's agreement filter,
//! the semantic-class agreement of Soon, Ng & Lim): "the migrants" is plural, so it is not one
//! person; "the administration" is a government, so it is neither a person nor an armed group;
//! "the president" holds an office, so it is a person, or a party through one of its people.
//! This module owns the word classes that decide that, and the test of a head against a party
//! ([`Head::refuses`]). Speaker resolution in [`crate::analysis::voice`] uses the same classes for "the
//! group said", "the army said", "the minister said".
//!
//! What it does not do: tag parts of speech or lemmatise. The head is the last word before the
//! first preposition or relative word ("director of the agency" has the head "director"), its
//! number is read from its ending with a short list of exceptions, and a head in none of the
//! classes constrains nothing. "The mogul" or "the effort" may refer to anyone, and a loaded
//! phrase is often said of a party rather than referring to it ("a disaster in the making").

use crate::analysis::mention::{Form, Mention};
use crate::lexicon::{ActorEntry, ActorType};
use crate::text::WordSet;
use crate::text::{LowerTokens, Segmented};

/// Relational nouns: what they name stands in a relation to the party their possessor or
/// complement names, and is not that party ("Hamas's allies", "the PKK's Syrian offshoot",
/// and the enemies of [`ADVERSARY_NOUNS`],
/// "critics of the government", "relatives of the victims"). A speaker so described is not the
/// party named in it, and a term with such a head does not describe its possessor.
pub static RELATIONAL_NOUNS: WordSet = WordSet::new(&[
    "critic",
    "opponent",
    "rival",
    "detractor",
    "victim",
    "survivor",
    "family",
    "relative",
    "resident",
    "witness",
    "neighbour",
    "neighbor",
    "ally",
    "partner",
    "patron",
    "backer",
    "sponsor",
    "supplier",
    "client",
    "puppet",
    "proxy",
    "affiliate",
    "offshoot",
    "branch",
    "wing",
    "arm",
    "franchise",
    "extension",
]);

/// Nouns for a state or its government: only a state can be one.
pub static GOVERNMENT_NOUNS: WordSet = WordSet::new(&[
    "government",
    "governments",
    "administration",
    "administrations",
    "regime",
    "regimes",
    "junta",
    "authorities",
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "kingdom",
    "republic",
    "cabinet",
    "ministry",
    "embassy",
    "monarchy",
    "superpower",
    "superpowers",
]);

/// Heads of a speaker that stands for a state as a whole ("the army said", "the government
/// said"), resolved to the last state named; those that are no loaded label of their own also
/// make "the army" a mention of the party named before with that head (see
/// [`crate::analysis::titles::title_mentions`]). Organs such as "the ministry" or "the embassy" are
/// left out: they are better resolved to the earlier speaker with the same head ("the Ukrainian
/// Foreign Ministry ... the ministry said").
pub static STATE_SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "army",
    "military",
    "government",
    "regime",
    "junta",
    "administration",
    "authorities",
    "country",
    "state",
]);

/// Nouns for an organised group: a party, but never a state and never one person.
pub static GROUP_NOUNS: WordSet = WordSet::new(&[
    "group",
    "militia",
    "movement",
    "organization",
    "organisation",
    "faction",
    "rebels",
    "militants",
    "insurgents",
    "fighters",
    "mercenaries",
    "terrorists",
    "jihadists",
    "extremists",
    "gunmen",
    "guerrillas",
    "paramilitaries",
]);

/// Units that fight, beside the fighters of [`GROUP_NOUNS`]: with them, the heads of
/// [`is_armed_head`].
static ARMED_UNITS: WordSet = WordSet::new(&["force", "brigade", "unit", "combatant"]);

/// Whether a head word names people or units who fight (singular or plural): a group noun of
/// [`GROUP_NOUNS`] other than those for a political body ("movement", "organization"), or a unit
/// of [`ARMED_UNITS`]. A phrase with such a head ("resistance groups", "resistance forces")
/// names the armed wing of a cause, not the political movement beside it (see
/// `discourse::armed_head_first`).
pub fn is_armed_head(w: &str) -> bool {
    let s = singular(w);
    let is = |list: &WordSet| list.contains(w) || list.contains(&s);
    (is(&GROUP_NOUNS) && !matches!(s.as_str(), "movement" | "organization" | "organisation"))
        || is(&ARMED_UNITS)
}

/// Whether a noun of [`GOVERNMENT_NOUNS`] names the country rather than its rulers ("republic",
/// "kingdom", "state", "nation", "country", "superpower"), singular or plural.
pub fn names_a_country(w: &str) -> bool {
    matches!(
        singular(w).as_str(),
        "country" | "nation" | "state" | "kingdom" | "republic" | "superpower"
    )
}

/// Nouns for a state's armed or security forces besides [`ARMED_UNITS`], singular.
static STATE_FORCE_NOUNS: WordSet =
    WordSet::new(&["troop", "soldier", "army", "military", "police"]);

/// Whether a head word names armed or security forces, singular or plural ("security forces",
/// "the troops", "the army", "soldiers"): a unit of [`ARMED_UNITS`] or [`STATE_FORCE_NOUNS`].
/// Unlike [`is_armed_head`] it leaves out the nouns for groups ("militants", "fighters").
pub fn is_forces_head(w: &str) -> bool {
    let s = singular(w);
    let is = |list: &WordSet| list.contains(w) || list.contains(&s);
    is(&ARMED_UNITS) || is(&STATE_FORCE_NOUNS)
}

/// Nouns for a party's enemy: relational nouns whose referent is relative to the speaker (whoever
/// the speaker fights), singular.
pub static ADVERSARY_NOUNS: WordSet = WordSet::new(&["enemy", "adversary", "foe"]);

/// Nouns for a collective or a population: many people, never one person, and never a state
/// itself ("officials" are not in this list: they may stand for their state; "citizens" are, as
/// a state's population, which `attribution` reads apart from the state).
pub static COLLECTIVE_NOUNS: WordSet = WordSet::new(&[
    "caravan",
    "caravans",
    "crowd",
    "crowds",
    "team",
    "coalition",
    "alliance",
    "campaign",
    "network",
    "community",
    "communities",
    "population",
    "migrants",
    "immigrants",
    "emigrants",
    "refugees",
    "seekers",
    "asylum-seekers",
    "protesters",
    "protestors",
    "demonstrators",
    "civilians",
    "citizens",
    "nationals",
    "youths",
    "children",
    "residents",
    "villagers",
    "settlers",
    "voters",
    "supporters",
    "activists",
    "organizers",
    "organisers",
    "participants",
    "applicants",
    "families",
]);

/// Nouns for a holder of an office or a role in a party ("the president", "the special
/// counsel", "the spokesman"). In the singular they name one person: a party can be one only
/// through a person it lists.
pub static ROLE_NOUNS: WordSet = WordSet::new(&[
    "president",
    "leader",
    "dictator",
    "ruler",
    "despot",
    "tyrant",
    "autocrat",
    "strongman",
    "king",
    "queen",
    "monarch",
    "prince",
    "emir",
    "sultan",
    "ayatollah",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "director",
    "chief",
    "commander",
    "general",
    "admiral",
    "envoy",
    "ambassador",
    "diplomat",
    "emissary",
    "negotiator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "counsel",
    "attorney",
    "lawyer",
    "prosecutor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "official",
    "nominee",
    "successor",
    "predecessor",
    "counterpart",
    "incumbent",
]);

/// The role nouns of [`ROLE_NOUNS`] that lead or speak for a side: a word before them names
/// that side ("rebel commander", "coup leader", "militia spokesman"). Before the others it
/// names what the office deals with ("war crimes prosecutor", "peace envoy").
static SIDE_ROLES: WordSet = WordSet::new(&[
    "leader",
    "commander",
    "chief",
    "ruler",
    "strongman",
    "dictator",
    "chairman",
    "chairwoman",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
]);

/// Whether a lower-case word is a role noun that leads or speaks for a side ([`SIDE_ROLES`]).
pub fn is_side_role(w: &str) -> bool {
    SIDE_ROLES.contains(w)
}

/// Plural nouns that do not end in -s, and singular nouns that do.
static PLURAL_WORDS: WordSet =
    WordSet::new(&["people", "men", "women", "children", "police", "personnel"]);
static SINGULAR_IN_S: WordSet = WordSet::new(&[
    "news", "series", "species", "politics", "this", "its", "his", "was", "has", "is", "as", "us",
]);

/// The longest phrase read for a head, in words up to the head's end: a longer term is a
/// clause or a sentence.
const MAX_WORDS: usize = 8;

/// Words after which a noun phrase's head is over: prepositions and relative words.
static HEAD_ENDS_BEFORE: WordSet = WordSet::new(&[
    "of", "at", "for", "from", "in", "on", "with", "by", "to", "who", "which", "that", "whose",
]);

/// Whether a lower-case word ends a head noun's phrase: a preposition or a relative word.
pub fn ends_a_head(w: &str) -> bool {
    HEAD_ENDS_BEFORE.contains(w)
}

/// The class of a head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A holder of an office ("president", "spokesman").
    Role,
    /// A state or its government ("regime", "country").
    Government,
    /// An organised group ("militia", "rebels").
    Group,
    /// A collective or population ("caravan", "migrants").
    Collective,
}

/// What a party is, as far as a head noun can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Referent {
    pub actor_type: ActorType,
    /// The party is one person: a lexicon actor named after one of its people.
    pub person: bool,
    /// The party lists people (leaders, officials) that a role noun can stand for.
    pub has_people: bool,
}

impl Referent {
    /// A party of type `actor_type`: a lexicon actor (`entry`), or a party no lexicon lists.
    pub fn of(entry: Option<&ActorEntry>, actor_type: ActorType) -> Referent {
        entry.map_or_else(|| Referent::of_party(actor_type), Referent::of_actor)
    }
    /// A lexicon actor.
    pub fn of_actor(a: &ActorEntry) -> Referent {
        Referent {
            actor_type: a.actor_type,
            person: a
                .people
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&a.name)),
            has_people: !a.people.is_empty(),
        }
    }
    /// A party no lexicon lists (unlisted or unnamed): it lists no people.
    pub fn of_party(actor_type: ActorType) -> Referent {
        Referent {
            actor_type,
            person: false,
            has_people: false,
        }
    }
}

/// The head word of a phrase, its number and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub word: String,
    pub plural: bool,
    pub class: Class,
    /// The phrase opens with an indefinite article ("a senior official", "an adviser"): it
    /// introduces someone new, not a person already named.
    pub indefinite: bool,
    /// Whether the class decides the party's type (a government noun a state). Off for a
    /// lexicon entry that lists the types it targets: the lexicon knows better than a head word
    /// ("legitimate government" may be said of a government in exile).
    pub types: bool,
}

impl Head {
    /// The head of `phrase`: its last word before the first preposition or relative word,
    /// lower-cased, a possessive ending dropped. `None` when the phrase has no word, runs past
    /// [`MAX_WORDS`] before the head ends, or when its
    /// head is in none of the classes: "demands" may be a verb, "a disaster in the making" may be
    /// said of a person's plan, and neither says what party it refers to.
    pub fn of(phrase: &str) -> Option<Head> {
        let word = head_word(phrase)?;
        let indefinite = lower_words(phrase)
            .next()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "another"));
        let class = class_of(&word)?;
        Some(Head {
            plural: is_plural(&word),
            class,
            indefinite,
            types: true,
            word,
        })
    }

    /// Why this head cannot refer to the party `r`, or `None` when it can. A `predicative`
    /// phrase (in apposition, after a copula or a designation verb) says what a party already
    /// named is, so an indefinite article there introduces no one new ("Pelosi, a prolific
    /// fundraiser").
    pub fn refuses(&self, r: Referent, predicative: bool) -> Option<&'static str> {
        let new_person = self.indefinite && !predicative;
        if r.person && new_person && self.class == Class::Role {
            return Some("an indefinite phrase introduces someone new, not a person named before");
        }
        if r.person && (self.plural || self.class != Class::Role) {
            return Some(if self.plural {
                "a plural head cannot be one person"
            } else {
                "the head word names no person"
            });
        }
        if predicative || !self.types {
            // "The NUG says it is the country's legitimate government": what a party is said
            // to be is no proof of its type.
            return None;
        }
        match self.class {
            Class::Role if !self.plural && !new_person && !r.person && !r.has_people => {
                Some("the head word names a person and the party lists none")
            }
            Class::Government if r.actor_type != ActorType::State => {
                Some("the head word names a state and the party is none")
            }
            Class::Group | Class::Collective if r.actor_type == ActorType::State => {
                Some("the head word names a group and the party is a state")
            }
            _ => None,
        }
    }
}

/// The words of a description that must all be among a party's own words for the description
/// to be taken as a shortened name or title of it ("the caravan" of "Migrant caravan", "the
/// special counsel" of "special counsel Robert Mueller"): its content words, singular,
/// determiners and possessive endings left out, up to its head. `None` for an indefinite phrase
/// (it introduces someone new), a phrase past [`MAX_WORDS`], or one with no content word.
pub fn description_words(phrase: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for lower in lower_words(phrase) {
        if out.is_empty() && matches!(lower.as_str(), "a" | "an" | "another") {
            return None;
        }
        if !out.is_empty() && HEAD_ENDS_BEFORE.contains(lower.as_str()) {
            break;
        }
        let bare = without_possessive(&lower);
        if is_description_stopword(bare) || !bare.chars().any(char::is_alphabetic) {
            continue;
        }
        out.push(singular(bare));
        if out.len() > MAX_WORDS {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// How many parties a plural description counts: "the two countries", "both sides", "our two
/// nations" give 2, "the three leaders" 3. `None` without a number word before a plural head, or
/// for a clause.
pub fn cardinality(phrase: &str) -> Option<usize> {
    let mut count = None;
    let mut last: Option<String> = None;
    for (i, raw) in phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if i >= MAX_WORDS {
            return None;
        }
        let lower = raw.to_lowercase();
        if last.is_some() && HEAD_ENDS_BEFORE.contains(lower.as_str()) {
            break;
        }
        count = count.or(match lower.as_str() {
            "two" | "both" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            _ => None,
        });
        last = Some(lower);
    }
    last.filter(|w| is_plural(w)).and(count)
}

/// The words a party's own name or title gives (`name_words("Special Counsel Robert Mueller")`),
/// as [`description_words`] reads a description.
pub fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    lower_words(name)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|w| singular(without_possessive(&w)))
}

/// The words of a phrase, lower-cased: runs of letters, digits, hyphens and apostrophes, with
/// hyphens and apostrophes trimmed from their ends.
fn lower_words(phrase: &str) -> impl Iterator<Item = String> + '_ {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .map(|w| w.trim_matches(|c| matches!(c, '-' | '\'' | '’')))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Nouns for people who serve, speak for or belong with someone ("Trump's chief economic
/// adviser", "his personal lawyer", "his associates"): on that person's side, but not that
/// person. A speaker so described speaks for the party named (unlike [`RELATIONAL_NOUNS`]).
pub static SERVICE_NOUNS: WordSet = WordSet::new(&[
    "adviser",
    "advisor",
    "aide",
    "lawyer",
    "attorney",
    "counsel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "associate",
    "deputy",
    "assistant",
    "staff",
    "cabinet",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "son-in-law",
    "friend",
    "successor",
    "predecessor",
    "counterpart",
]);

/// Whether a word (singular or plural) is one of [`RELATIONAL_NOUNS`] or [`ADVERSARY_NOUNS`].
pub fn is_relational_word(w: &str) -> bool {
    let s = singular(w);
    RELATIONAL_NOUNS.contains(s.as_str()) || ADVERSARY_NOUNS.contains(s.as_str())
}

/// Whether a word (singular or plural) is one of [`ADVERSARY_NOUNS`].
pub fn is_adversary_word(w: &str) -> bool {
    ADVERSARY_NOUNS.contains(singular(w).as_str())
}

/// Whether the head word of a phrase ([`Head::of`]'s, whatever its class) is a relational noun
/// ("the PKK's Syrian offshoot") or a service noun ("Trump's chief economic adviser"): it names
/// someone other than its possessor.
pub fn is_relational(phrase: &str) -> bool {
    head_word(phrase).is_some_and(|w| is_relational_word(&w) || is_service_word(&w))
}

/// Whether the head word of a phrase is a service noun ([`SERVICE_NOUNS`]): someone on the
/// possessor's side.
pub fn is_service(phrase: &str) -> bool {
    head_word(phrase).is_some_and(|w| is_service_word(&w))
}

fn is_service_word(w: &str) -> bool {
    SERVICE_NOUNS.contains(singular(w).as_str())
}

/// The head word of a noun phrase as [`Head::of`] finds it, whatever its class: the last word
/// before the first preposition or relative word, lower-cased, without a possessive ending.
/// `None` past [`MAX_WORDS`] (a clause, not a noun phrase).
fn head_word(phrase: &str) -> Option<String> {
    let mut head: Option<String> = None;
    for (i, lower) in lower_words(phrase).enumerate() {
        if i >= MAX_WORDS {
            return None;
        }
        if head.is_some() && HEAD_ENDS_BEFORE.contains(lower.as_str()) {
            break;
        }
        let bare = without_possessive(&lower);
        if bare.chars().any(char::is_alphabetic) {
            head = Some(bare.to_owned());
        }
    }
    head
}

/// The key by which two descriptions count as the same description: their common-noun words up
/// to the head, singular, without determiners and without the capitalised words before the head
/// that say whose or where ("the migrants" and "Central American migrants" both give
/// "migrant"; "terror groups" and "insurgent groups" differ; in title case every word counts).
/// `None` for a phrase whose head is past [`MAX_WORDS`] or with no word.
pub fn description_key(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .map(|w| w.trim_matches(|c| matches!(c, '-' | '\'' | '’')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut end = words.len();
    for (i, w) in words.iter().enumerate() {
        if i > 0 && HEAD_ENDS_BEFORE.contains(w.to_lowercase().as_str()) {
            end = i;
            break;
        }
    }
    if end > MAX_WORDS {
        return None;
    }
    let words = &words[..end];
    let (head, before) = words.split_last()?;
    // In title case ("Terror Groups") a capital says nothing: every word counts.
    let title_case = head.chars().next().is_some_and(char::is_uppercase);
    let mut key: Vec<String> = before
        .iter()
        .filter(|w| title_case || !w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .filter(|w| !is_description_stopword(without_possessive(w)))
        .map(|w| singular(without_possessive(&w)))
        .collect();
    key.push(singular(without_possessive(&head.to_lowercase())));
    Some(key.join(" "))
}

/// Nouns for those who make up a group: "members of the caravan", "the caravan's participants",
/// "the ranks of the militia".
static MEMBER_NOUNS: WordSet = WordSet::new(&["member", "participant", "rank", "part", "rest"]);

/// The group whose members a phrase speaks of: "members of the caravan", "the caravan's
/// members" and "a group of about 150 of the caravan's members" give "the caravan". `None` when
/// the phrase's head is not a member noun ([`MEMBER_NOUNS`]), or the group is a pronoun ("its
/// members": whose is for the pronoun to say).
pub fn members_of(phrase: &str) -> Option<&str> {
    let is_member = |words: &str| {
        head_word(words).is_some_and(|w| MEMBER_NOUNS.contains(singular(&w).as_str()))
    };
    // Offsets are found in `phrase` itself (lower-casing may change byte lengths), on ASCII
    // words and marks, so every one is a char boundary.
    let of_at = |s: &str, last: bool| {
        let mut hits = s
            .as_bytes()
            .windows(4)
            .enumerate()
            .filter(|(_, w)| w.eq_ignore_ascii_case(b" of "))
            .map(|(i, _)| i);
        if last { hits.next_back() } else { hits.next() }
    };
    // "members of the caravan": the first "of" closes the head.
    let group = if let Some(of) = of_at(phrase, false).filter(|&of| is_member(&phrase[..of])) {
        &phrase[of + 4..]
    } else {
        // "the caravan's members", "the caravan 's members": the possessor, after any "of"
        // before it.
        let (at, len) = ["'s ", "'S ", "\u{2019}s ", "\u{2019}S "]
            .iter()
            .filter_map(|p| phrase.rfind(p).map(|i| (i, p.len())))
            .max()?;
        if !is_member(&phrase[at + len..]) {
            return None;
        }
        let before = phrase[..at].trim_end();
        &before[of_at(before, true).map_or(0, |i| i + 4)..]
    };
    let group = group.trim();
    let first = lower_words(group).next()?;
    (!matches!(
        first.as_str(),
        "its" | "their" | "his" | "her" | "it" | "them"
    ))
    .then_some(group)
}

/// Heads of a group made up of members a modifier names, besides the group and collective
/// nouns ([`GROUP_NOUNS`], [`COLLECTIVE_NOUNS`]): "the migrant caravan" is made up of migrants,
/// "the rebel army" of rebels.
static MEMBERSHIP_HEADS: WordSet = WordSet::new(&["convoy", "army", "force", "front"]);

/// The description of a group's members, from the description key of the group
/// ([`description_key`]): "migrant caravan" gives "migrant" ("the migrants" are its members),
/// "rebel alliance" gives "rebel". `None` when the head is not a group noun (a group or
/// collective noun, or one of [`MEMBERSHIP_HEADS`]) or there is no modifier.
pub fn member_key(key: &str) -> Option<&str> {
    let (modifiers, head) = key.rsplit_once(' ')?;
    // "a caravan", "two caravans": an article or a number is no modifier.
    let modifiers = ["a ", "an "]
        .iter()
        .find_map(|a| modifiers.strip_prefix(a))
        .unwrap_or(modifiers);
    let content = |w: &str| {
        w.chars().all(char::is_alphabetic)
            && !QUANTIFIERS.contains(w)
            && !matches!(w, "a" | "an" | "another")
    };
    let group = MEMBERSHIP_HEADS.contains(head)
        || matches!(class_of(head), Some(Class::Group | Class::Collective));
    (group && modifiers.split(' ').all(content)).then_some(modifiers)
}

/// Whether a phrase's head word is plural ("the migrants", "members of the caravan").
pub fn plural_head(phrase: &str) -> bool {
    head_word(phrase).is_some_and(|w| is_plural(&w))
}

/// Words that count or quantify rather than describe.
pub(crate) static QUANTIFIERS: WordSet = WordSet::new(&[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
    "dozens", "scores", "hundreds", "both", "several", "many", "some", "few", "all", "most",
    "other",
]);

/// Bare nouns for a state's people, which in that state's own words mean its own (see
/// `attribution::own_citizens`); a state's people in anyone's words are in [`COLLECTIVE_NOUNS`].
pub static CITIZEN_NOUNS: WordSet =
    WordSet::new(&["citizen", "citizens", "nationals", "compatriots"]);

/// Adjectives of a region of a country ("northern Syria", "the Northwestern Command").
pub static COMPASS_ADJECTIVES: WordSet = WordSet::new(&[
    "northern",
    "southern",
    "eastern",
    "western",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "central",
]);

/// Prepositions that make a country's name a place ("in Lebanon", "near Mali's border").
static PLACE_PREPOSITIONS: WordSet = WordSet::new(&[
    "in",
    "into",
    "across",
    "throughout",
    "inside",
    "within",
    "near",
    "around",
    "toward",
    "towards",
]);

/// Whether mention `m` is a name read as a place ([`reads_as_place`]): "in northern Syria", "the
/// border with Mali", or the place a dateline says a story was filed from ("Baku, December 2
/// (APA) -", [`Segmented::dateline`]). Only a name can be, but for any mention in a dateline
/// (the agency's adjective in "(Syrian Arab News Agency)").
pub fn mention_reads_as_place(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    m: &Mention,
) -> bool {
    let t = seg.tokens.partition_point(|x| x.span.start < m.span.start);
    let Some(s) = seg.sentence_at(m.span.start) else {
        return false;
    };
    if seg.dateline(text, s).is_some_and(|d| d.contains(&t)) {
        return true;
    }
    if m.form != Form::Name {
        return false;
    }
    let start = seg.sentences[s].tokens.start;
    reads_as_place((start..t).rev().map(|k| lower.get(k)))
}

/// Whether a name reads as a place rather than a party, from the words before it in its
/// sentence, nearest first (`before`): a region's adjective right before it ("southern
/// Lebanon"), a preposition of place before the words of a region ("in the occupied West
/// Bank", "near northern Mali"), or the other side of a border ("the border with Mali").
pub fn reads_as_place<'w>(mut before: impl Iterator<Item = &'w str>) -> bool {
    let Some(first) = before.next() else {
        return false;
    };
    if COMPASS_ADJECTIVES.contains(first) {
        return true;
    }
    let mut rest = std::iter::once(first)
        .chain(before)
        .skip_while(|&w| is_region_word(w));
    match rest.next() {
        Some("with") => rest.next().is_some_and(|w| BORDER_NOUNS.contains(w)),
        Some(w) => PLACE_PREPOSITIONS.contains(w),
        None => false,
    }
}

/// Nouns of a border, whose "with" names the country on the other side ("the border with Mali").
static BORDER_NOUNS: WordSet = WordSet::new(&["border", "borders", "frontier", "boundary"]);

/// The words between a preposition and a region's name ("the", "occupied", "north", "eastern").
pub fn is_region_word(w: &str) -> bool {
    COMPASS_ADJECTIVES.contains(w)
        || matches!(
            w,
            "the" | "north" | "south" | "east" | "west" | "rural" | "occupied"
        )
}

/// Nouns with no transitive verb behind them, whose "of" names the doer (a subjective genitive):
/// of wrongdoing ("the crimes of the occupation", "the brutality of the regime"), and of dying
/// for a cause, whose doer is the one who died ("the martyrdom of Hassan Nasrallah"). An
/// event noun made from a transitive verb takes its object after "of" instead ("the invasion of
/// Ukraine", "the siege of Gaza", "the killing of civilians"); a noun of either reading
/// ("oppression of the Kurds", "the oppression of the Khawarij") is in neither list.
static DOER_OF_NOUNS: WordSet = WordSet::new(&[
    "crime",
    "crimes",
    "atrocity",
    "atrocities",
    "terrorism",
    "aggression",
    "brutality",
    "barbarity",
    "barbarism",
    "savagery",
    "cruelty",
    "violence",
    "tyranny",
    "misdeeds",
    "wrongdoing",
    "treachery",
    "martyrdom",
    "martyrdoms",
]);

/// Whether the last word of a term is a noun of [`DOER_OF_NOUNS`], whose "of" names the doer.
pub fn names_doer_after_of(term: &str) -> bool {
    term.rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| DOER_OF_NOUNS.contains(w.to_lowercase().as_str()))
}

/// Ordinal numbers that count one of a series ("a third citizen").
static ORDINALS: WordSet = WordSet::new(&[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
]);

/// Whether a lower-case word is an ordinal number of [`ORDINALS`].
pub fn is_ordinal(w: &str) -> bool {
    ORDINALS.contains(w)
}

/// Whether a lower-case word counts or quantifies rather than describes ("two", "several",
/// "dozens").
pub fn is_quantifier(w: &str) -> bool {
    QUANTIFIERS.contains(w)
}

/// The head word of a description key ("migrant caravan" -> "caravan").
pub fn key_head(key: &str) -> &str {
    key.rsplit_once(' ').map_or(key, |(_, h)| h)
}

/// The singular of a capitalised plural head, lower-cased: a name made plural ("the two
/// Koreas" -> "korea", "both Sudans" -> "sudan"). `None` when the head is written in lower
/// case or is not plural.
pub fn proper_plural_stem(phrase: &str) -> Option<String> {
    let head = head_word(phrase)?;
    let written = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .find(|w| w.to_lowercase() == head)?;
    (written.chars().next().is_some_and(char::is_uppercase) && is_plural(&head))
        .then(|| singular(&head))
}

/// A word without its possessive ending ("kremlin's" -> "kremlin").
fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Whether a lower-case word is a role noun ([`ROLE_NOUNS`]) or an honorific ("mr", "dr"): a
/// title before a name.
pub fn is_role_or_honorific(w: &str) -> bool {
    ROLE_NOUNS.contains(w) || COURTESY_TITLES.contains(w) || HONORIFICS.contains(w)
}

/// Honorifics and parliamentary titles written before a name, lower case, without their full
/// stop ("Sen. Cruz", "Speaker Johnson"), besides the [`COURTESY_TITLES`].
static HONORIFICS: WordSet = WordSet::new(&[
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "congressman",
    "congresswoman",
    "speaker",
    "chairman",
    "chairwoman",
    "justice",
    "judge",
    "mayor",
    "sir",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "pope",
    "saint",
    "st",
]);

/// Words a description may hold that say nothing of which party it is.
static DESCRIPTION_STOPWORDS: WordSet = WordSet::new(&[
    "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
]);

/// Courtesy titles, lower case and without their full stop: they say nothing of which party a
/// description is, and before a name they are a title.
static COURTESY_TITLES: WordSet = WordSet::new(&["mr", "mrs", "ms", "dr"]);

/// Whether a word says nothing of which party a description is: a determiner, a possessive
/// pronoun or a courtesy title.
fn is_description_stopword(w: &str) -> bool {
    DESCRIPTION_STOPWORDS.contains(w) || COURTESY_TITLES.contains(w)
}

/// The class of a lower-case word, if it has one.
pub fn class_of(w: &str) -> Option<Class> {
    // A word that is not plural is its own singular.
    let singular = is_plural(w).then(|| singular(w));
    let is =
        |list: &WordSet| list.contains(w) || singular.as_ref().is_some_and(|s| list.contains(s));
    if is(&ROLE_NOUNS) {
        Some(Class::Role)
    } else if is(&GOVERNMENT_NOUNS) {
        Some(Class::Government)
    } else if is(&GROUP_NOUNS) {
        Some(Class::Group)
    } else if is(&COLLECTIVE_NOUNS) {
        Some(Class::Collective)
    } else {
        None
    }
}

/// Whether a lower-case word is a role noun (or the plural of one): `class_of(w) ==
/// Some(Class::Role)`, without looking the word up in the other classes.
pub fn is_role_noun(w: &str) -> bool {
    ROLE_NOUNS.contains(w) || (is_plural(w) && ROLE_NOUNS.contains(singular(w)))
}

/// Whether a lower-case noun is plural: a plural word with no -s, or an -s ending that is not
/// -ss, -us or -is and not one of the singular words in -s.
pub fn is_plural(w: &str) -> bool {
    if PLURAL_WORDS.contains(w) {
        return true;
    }
    w.ends_with('s')
        && w.chars().count() > 3
        && !["ss", "us", "is"].iter().any(|s| w.ends_with(s))
        && !SINGULAR_IN_S.contains(w)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A plural noun's singular, crudely ("officials" -> "official", "countries" -> "country");
/// other words unchanged.
fn singular(w: &str) -> String {
    if !is_plural(w) {
        return w.to_owned();
    }
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if let Some(s) = ["ches", "shes", "sses", "xes"]
        .iter()
        .find_map(|e| w.strip_suffix(e).map(|s| (s, &e[..e.len() - 2])))
        .map(|(s, e)| format!("{s}{e}"))
    {
        s
    } else if let Some(s) = w.strip_suffix("men") {
        format!("{s}man")
    } else if let Some(s) = w.strip_suffix('s') {
        s.to_owned()
    } else {
        w.to_owned()
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    /// `is_role_noun` is `class_of`'s role class, for every word of the four classes, its
    /// plural and its capitalised form, and for words of no class.
    #[test]
    fn is_role_noun_is_the_role_class() {
        let lists = [
            &ROLE_NOUNS,
            &GOVERNMENT_NOUNS,
            &GROUP_NOUNS,
            &COLLECTIVE_NOUNS,
        ];
        let mut words: Vec<String> = lists
            .iter()
            .flat_map(|l| l.iter())
            .flat_map(|w| {
                [
                    w.to_string(),
                    format!("{w}s"),
                    format!("{w}es"),
                    w.to_uppercase(),
                ]
            })
            .collect();
        words.extend(
            [
                "the",
                "said",
                "attorneys",
                "spokesmen",
                "chiefs",
                "bus",
                "",
                "ü",
            ]
            .map(String::from),
        );
        let mut roles = 0;
        for w in &words {
            let role = class_of(w) == Some(Class::Role);
            assert_eq!(is_role_noun(w), role, "{w}");
            roles += usize::from(role);
        }
        assert!(roles > 100, "{roles}");
    }

    #[test]
    fn places_by_the_words_before_a_name() {
        // (words before the name, as written, whether the name reads as a place)
        let rows: &[(&str, bool)] = &[
            ("killed in", true),
            ("a raid in the occupied", true),
            ("strikes on southern", true),
            ("fighting near northern", true),
            ("near the border with", true),
            ("along the frontier with", true),
            // A party: a partner, an adversary, an agent.
            ("talks with", false),
            ("clashes with the", false),
            ("attacked by", false),
            ("", false),
        ];
        for &(before, want) in rows {
            let words: Vec<&str> = before.split_whitespace().rev().collect();
            assert_eq!(reads_as_place(words.into_iter()), want, "{before:?}");
        }
    }

    fn person() -> Referent {
        Referent {
            actor_type: ActorType::Organization,
            person: true,
            has_people: true,
        }
    }
    fn state(has_people: bool) -> Referent {
        Referent {
            actor_type: ActorType::State,
            person: false,
            has_people,
        }
    }
    fn group() -> Referent {
        Referent::of_party(ActorType::ArmedGroup)
    }

    #[test]
    fn heads_of_phrases() {
        let rows: &[(&str, &str, bool, Class)] = &[
            ("the president", "president", false, Class::Role),
            ("The President", "president", false, Class::Role),
            ("North Korean leader", "leader", false, Class::Role),
            (
                "director of South Korea's intelligence service",
                "director",
                false,
                Class::Role,
            ),
            (
                "senior vice president at the Center",
                "president",
                false,
                Class::Role,
            ),
            ("American officials", "officials", true, Class::Role),
            // A plural name for fighters is a group, never one person.
            ("these terrorists", "terrorists", true, Class::Group),
            ("Russian mercenaries", "mercenaries", true, Class::Group),
            (
                "the Trump administration",
                "administration",
                false,
                Class::Government,
            ),
            ("Mueller's team", "team", false, Class::Collective),
            ("the two countries", "countries", true, Class::Government),
            ("asylum-seekers", "asylum-seekers", true, Class::Collective),
            ("the migrants", "migrants", true, Class::Collective),
            ("terror organization", "organization", false, Class::Group),
        ];
        for &(phrase, word, plural, class) in rows {
            let h = Head::of(phrase).unwrap_or_else(|| panic!("no head in {phrase:?}"));
            assert_eq!(
                (h.word.as_str(), h.plural, h.class),
                (word, plural, class),
                "{phrase:?}"
            );
        }
        // No head that says anything: no word, a word in no class, a clause.
        for phrase in [
            " , — ",
            "demands",
            "these achievements",
            "the effort",
            "the Kremlin’s",
            "lashed out",
            "your mother and father don't respect their positions or the nation",
        ] {
            assert_eq!(Head::of(phrase), None, "{phrase:?}");
        }
    }

    #[test]
    fn a_lexicon_entry_with_targets_decides_the_type() {
        let mut h = Head::of("legitimate government").expect("a head");
        assert!(h.refuses(group(), false).is_some());
        h.types = false;
        assert_eq!(h.refuses(group(), false), None);
        assert!(h.refuses(person(), false).is_some(), "still no person");
    }

    /// Checks `f` on each row of a table: (input, the output wanted).
    fn table<I: std::fmt::Debug + Copy, O: PartialEq + std::fmt::Debug>(
        f: impl Fn(I) -> O,
        rows: &[(I, O)],
    ) {
        for (input, want) in rows {
            assert_eq!(&f(*input), want, "{input:?}");
        }
    }

    #[test]
    fn description_words_are_content_words_up_to_the_head() {
        let rows: &[(&str, Option<&[&str]>)] = &[
            ("the caravan", Some(&["caravan"])),
            ("The Special Counsel", Some(&["special", "counsel"])),
            ("the caravans", Some(&["caravan"])),
            ("Mr. Moon's office", Some(&["moon", "office"])),
            ("director of the agency", Some(&["director"])),
            ("the Front", Some(&["front"])),
            ("a president", None),
            ("an adviser", None),
            ("the", None),
            ("the one two three four five six seven eight nine", None),
        ];
        for &(phrase, want) in rows {
            let got = description_words(phrase);
            let want: Option<Vec<String>> =
                want.map(|w| w.iter().map(|s| (*s).to_owned()).collect());
            assert_eq!(got, want, "{phrase:?}");
        }
        table(
            cardinality,
            &[
                ("the two countries", Some(2)),
                ("both sides", Some(2)),
                ("our two nations", Some(2)),
                ("The three leaders of the alliance", Some(3)),
                ("the two", None),
                ("two-state solution", None),
                ("the countries", None),
            ],
        );
        table(
            |p| description_key(p).map(|k| &*k.leak()),
            &[
                ("the migrants", Some("migrant")),
                ("Central American migrants", Some("migrant")),
                ("Migrants", Some("migrant")),
                ("Terror Groups", Some("terror group")),
                ("terror groups", Some("terror group")),
                ("their insurgent groups", Some("insurgent group")),
                ("the caravan's members", Some("caravan member")),
                ("the leader of the group", Some("leader")),
            ],
        );
        table(
            |p| proper_plural_stem(p).map(|k| &*k.leak()),
            &[
                ("the two Koreas", Some("korea")),
                ("both Sudans", Some("sudan")),
                ("the two countries", None),
                ("the Korea", None),
                ("the two Koreas' leaders", None),
            ],
        );
        table(
            members_of,
            &[
                ("members of the caravan", Some("the caravan")),
                ("Members of migrant caravan", Some("migrant caravan")),
                ("the caravan's members", Some("the caravan")),
                ("the caravan 's participants", Some("the caravan")),
                ("the caravan\u{2019}s members", Some("the caravan")),
                (
                    "a group of about 150 of the caravan 's members",
                    Some("the caravan"),
                ),
                ("the ranks of the militia", Some("the militia")),
                // Lower-casing "İ" takes more bytes: offsets stay in the phrase as written.
                ("İHH MEMBERS OF the İHH convoy", Some("the İHH convoy")),
                ("the İHH convoy's members", Some("the İHH convoy")),
                ("a member of the caravan", Some("the caravan")),
                // Not a member noun, or the group is a pronoun's to say.
                ("supporters of the caravan", None),
                ("the caravan's organizers", None),
                ("its members", None),
                ("members of their families", None),
                ("the members", None),
            ],
        );
        table(
            member_key,
            &[
                ("migrant caravan", Some("migrant")),
                ("rebel alliance", Some("rebel")),
                ("central american caravan", Some("central american")),
                ("a caravan", None),
                ("two group", None),
                ("caravan", None),
                ("terror attack", None),
                ("migrant family", None),
            ],
        );
        assert_eq!(key_head("migrant caravan"), "caravan");
        assert_eq!(key_head("caravan"), "caravan");
        assert!(plural_head("the migrants in the caravan"));
        assert!(!plural_head("the migrant caravan"));
        let name: Vec<String> = name_words("Special Counsel Robert Mueller's").collect();
        assert_eq!(name, ["special", "counsel", "robert", "mueller"]);
    }

    #[test]
    fn what_a_head_refuses() {
        // (phrase, party, refused?)
        let rows: &[(&str, Referent, Option<&str>)] = &[
            ("the president", person(), None),
            ("the president", state(true), None),
            (
                "the president",
                state(false),
                Some("the head word names a person and the party lists none"),
            ),
            (
                "the migrants",
                person(),
                Some("a plural head cannot be one person"),
            ),
            ("the migrants", group(), None),
            (
                "the migrants",
                state(true),
                Some("the head word names a group and the party is a state"),
            ),
            (
                "the administration",
                person(),
                Some("the head word names no person"),
            ),
            ("the administration", state(false), None),
            (
                "the administration",
                group(),
                Some("the head word names a state and the party is none"),
            ),
            ("American officials", state(false), None),
            (
                "American officials",
                person(),
                Some("a plural head cannot be one person"),
            ),
            (
                "a senior adviser",
                person(),
                Some("an indefinite phrase introduces someone new, not a person named before"),
            ),
            ("a senior adviser", state(false), None),
            (
                "rebels",
                state(true),
                Some("the head word names a group and the party is a state"),
            ),
        ];
        for (phrase, r, want) in rows {
            // Said of a party already named, a phrase refuses only what number and personhood
            // forbid: no type, no novelty.
            let h = Head::of(phrase).unwrap_or_else(|| panic!("no head in {phrase:?}"));
            let not_one_person = r.person && (h.plural || h.class != Class::Role);
            assert_eq!(
                h.refuses(*r, true).is_some(),
                not_one_person,
                "{phrase:?} said of {r:?}"
            );
            assert_eq!(h.refuses(*r, false), *want, "{phrase:?} against {r:?}");
        }
    }
}
