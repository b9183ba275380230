//! Unlisted actors: the parties an article names that no lexicon lists.
//!
//! This module owns the rules that pick such parties out of the text by their form alone, the
//! table that guesses their type from a head word ([`HEADS`]) or a title ([`TITLES`]), and the
//! grouping of their mentions. It finds:
//!
//! - **Proper-noun groups** ending in an organisational head noun: "Karst Liberation Front",
//!   "Popular Mobilization Forces", "Army of Islam", "Front for the Liberation of Mozambique",
//!   "Kurdistan Workers' Party", "Ahrar al-Shām Movement". A name needs two capitalised words, one
//!   of which is not a head noun, so "the Army", "Front" or "Government Forces" never qualify. A
//!   name written at the start of a sentence needs two capitalised words besides the first (whose
//!   capital may only mark the sentence start), and a name in a headline written in title case
//!   counts only when the body names it too; such mentions are kept once the body has the name.
//! - **Acronyms** expanded beside the name, "Karst Liberation Front (KLF)" or "KLF (Karst
//!   Liberation Front)": every bare "KLF" in the article is then a mention, headline included.
//!   An all-caps word that is never expanded is not reported, however often it recurs: nothing
//!   in it says what kind of party it is (or whether it is a party at all: AFP, IED, GDP), so no
//!   usable lexicon entry could be suggested for it.
//! - **Short forms**: "the Front" after "Karst Liberation Front" has been named, when the article
//!   names exactly one unlisted party with that head noun. The mention covers the head word.
//! - **Titled people**: a title ("Prime Minister", "Gen.", "commander", "spokesman", "Sheikh")
//!   followed by one to three capitalised words. When the title directly follows an unlisted
//!   party ("KLF commander Jamal Orbek", "the Front's spokesman Ali Hassan") the person is one of
//!   that party's people; otherwise the person is a party of their own, typed by the title. Later
//!   uses of the full name, or of the surname alone, are mentions.
//! - **Descriptions of civil society**: a plural organisational head ("groups", "agencies",
//!   "organisations", [`DESCRIBED_HEADS`]) after words that place it there ("rights", "aid",
//!   "humanitarian", "civil society"): "Rights groups have accused the army" makes "rights
//!   groups" a party of the article, which its verbs of saying and accusing describe. A fuller
//!   or shorter description of exactly one found before ("human rights groups" after "rights
//!   groups") is the same party; two that neither contains are two ("press freedom groups",
//!   "human rights groups"). After "to" or a modal the first word is a verb ("to aid groups").
//!   Such parties are no lexicon entries to suggest. A qualifier outside that vocabulary is not
//!   read: "gun rights groups" is taken as "rights groups", and so one party with "civil rights
//!   groups".
//!
//! Spans are byte ranges into the original text, and never overlap the lexicon's own mentions
//! (`known`) or each other.
//!
//! What it does **not** do: decide whether a party found here is the same as a listed one under
//! another name (the caller drops exact name matches with [`ListedNames::without_listed`]), but for three
//! forms of a listed name ([`ListedNames::renamed`]): a listed acronym in brackets after it ("Islamic
//! Revolution Guards Corps (IRGC)"), its head noun swapped for a loaded one ("Rapid Support
//! Militia"), and the name shortened when the article names only one party it may shorten
//! ("the Armed Forces"); resolve pronouns,
//! read any other lower-case description ("the rebels", "critics", "armed groups"), recognise names without a head noun or a title
//! ("Hamas", "Ahrar al-Shām"), or write lexicon files (`framelens lexicon suggest-actors` prints
//! entries; `add-actor` writes them).

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::mention::Mention;
use crate::lexicon::{ActorType, Lexicon};
use crate::text::WordSet;
use crate::text::{LowerTokens, Segmented, Span, TokenKind};

/// How a mention names an unlisted party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnlistedForm {
    /// The full name: "Karst Liberation Front".
    Full,
    /// The acronym the article expands: "KLF".
    Acronym,
    /// The head noun after "the": "(the) Front". The span covers the head word.
    Short,
    /// A titled person's name, full or surname alone: "Jamal Orbek", "Orbek".
    Person,
    /// A plural description of organisations of civil society: "rights groups", "aid
    /// agencies" (see [`DESCRIBED_HEADS`]).
    Description,
}

/// One place where the article names an unlisted party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnlistedMention {
    pub span: Span,
    pub form: UnlistedForm,
    /// For a person mention, the index of the person in [`Unlisted::people`].
    pub person: Option<usize>,
}

/// A person introduced with a title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnlistedPerson {
    pub name: String,
    /// The title as written, in lower case ("commander", "prime minister").
    pub title: String,
}

/// A party the article names that no lexicon lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unlisted {
    /// The name as a slug: "karst-liberation-front".
    pub id: String,
    /// The name as first written in the body, white space collapsed; for a titled person who is
    /// a party of their own, the person's name.
    pub name: String,
    pub acronym: Option<String>,
    pub actor_type: ActorType,
    /// The head noun ("Front") or the title ("minister") that decided the type.
    pub head: String,
    /// Titled people who speak or act for the party.
    pub people: Vec<UnlistedPerson>,
    /// In text order.
    pub mentions: Vec<UnlistedMention>,
    /// For a titled person the text places in a listed party, that actor's index: "the
    /// spokesman of the Libyan National Army, Major General Ahmed Zwai", "LNA spokesman Ahmed
    /// Zwai". The person is no party of their own; the mentions are that actor's.
    pub listed: Option<usize>,
}

use ActorType::{ArmedGroup, Movement, Organization, State};

/// The plural heads of a description of organisations ("rights groups"), in lower case.
pub static DESCRIBED_HEADS: WordSet = WordSet::new(&[
    "groups",
    "organisations",
    "organizations",
    "agencies",
    "ngos",
    "charities",
    "watchdogs",
    "monitors",
]);

/// The words that make such a description one of civil society, not of fighters or of a
/// people: "rights groups", "human rights organisations", "aid agencies", "civil society
/// groups" ("armed groups", "Kurdish groups" are not).
static CIVIL_MODIFIERS: WordSet = WordSet::new(&[
    "rights",
    "human",
    "aid",
    "humanitarian",
    "relief",
    "advocacy",
    "activist",
    "civil",
    "society",
    "monitoring",
    "watchdog",
    "medical",
    "charity",
    "press",
    "freedom",
    "environmental",
]);

/// Organisational head nouns, as written (capitalised), and the type each suggests. The one
/// place where a head word decides a type (a lower-case description of [`DESCRIBED_HEADS`] is
/// always an organisation).
pub const HEADS: &[(&str, ActorType)] = &[
    ("Army", ArmedGroup),
    ("Armies", ArmedGroup),
    ("Front", ArmedGroup),
    ("Brigade", ArmedGroup),
    ("Brigades", ArmedGroup),
    ("Battalion", ArmedGroup),
    ("Battalions", ArmedGroup),
    ("Militia", ArmedGroup),
    ("Militias", ArmedGroup),
    ("Legion", ArmedGroup),
    ("Division", ArmedGroup),
    ("Forces", ArmedGroup),
    ("Guard", ArmedGroup),
    ("Guards", ArmedGroup),
    ("Corps", ArmedGroup),
    ("Jihad", ArmedGroup),
    ("Regiment", ArmedGroup),
    ("Movement", Movement),
    ("Party", Movement),
    ("Alliance", Movement),
    ("Coalition", Movement),
    ("League", Movement),
    ("Congress", Movement),
    ("Ministry", State),
    ("Government", State),
    ("Authority", State),
    ("Agency", State),
    ("Command", State),
    ("Directorate", State),
    ("Council", Organization),
    ("Committee", Organization),
    ("Commission", Organization),
    ("Union", Organization),
    ("Organization", Organization),
    ("Organisation", Organization),
    ("Group", Organization),
    ("Association", Organization),
    ("Federation", Organization),
    ("Assembly", Organization),
    ("Society", Organization),
    ("Foundation", Organization),
    ("Network", Organization),
    ("Watch", Organization),
    ("Institute", Organization),
    ("Observatory", Organization),
    ("International", Organization),
];

/// Titles that introduce a person, as lower-case words, the type they suggest for the person's
/// party, and whether the title may be written in lower case ("commander Jamal Orbek"). Titles
/// that are also common adjectives or nouns ("major", "general", "leader") count only when
/// capitalised. Ranks of a regular army and the offices of a government suggest a state (a
/// rank, a state's title that counts only capitalised, alone makes its holder a state's
/// official, see [`is_state_office`]);
/// commander and emir an armed group; a sheikh, and the offices of a legislature or a party
/// (senator, speaker, leader), a movement, since they may be the opposition's; a spokesman, a
/// chair, a mayor or a secretary says nothing, and gets the neutral organization.
pub const TITLES: &[(&[&str], ActorType, bool)] = &[
    (&["prime", "minister"], State, true),
    (&["foreign", "minister"], State, true),
    (&["defence", "minister"], State, true),
    (&["defense", "minister"], State, true),
    (&["interior", "minister"], State, true),
    (&["minister"], State, true),
    (&["president"], State, true),
    (&["ambassador"], State, true),
    (&["governor"], State, true),
    (&["major", "general"], State, false),
    (&["brigadier", "general"], State, false),
    (&["lieutenant", "general"], State, false),
    (&["general"], State, false),
    (&["gen."], State, false),
    (&["colonel"], State, false),
    (&["col."], State, false),
    (&["major"], State, false),
    (&["maj."], State, false),
    (&["brig."], State, false),
    (&["lt."], State, false),
    (&["gov."], State, true),
    (&["attorney", "general"], State, true),
    (&["senator"], Movement, false),
    (&["sen."], Movement, false),
    (&["representative"], Movement, false),
    (&["rep."], Movement, false),
    (&["congressman"], Movement, true),
    (&["congresswoman"], Movement, true),
    (&["speaker"], Movement, false),
    (&["leader"], Movement, false),
    (&["mayor"], Organization, true),
    (&["secretary"], Organization, false),
    (&["chairman"], Organization, true),
    (&["chairwoman"], Organization, true),
    (&["chair"], Organization, false),
    (&["commander"], ArmedGroup, true),
    (&["emir"], ArmedGroup, true),
    (&["sheikh"], Movement, false),
    (&["spokesman"], Organization, true),
    (&["spokeswoman"], Organization, true),
    (&["spokesperson"], Organization, true),
];

/// Whether a lower-case word (a trailing full stop dropped) is a word of one of [`TITLES`]
/// ("minister", "gen", "spokesman").
pub fn is_title_word(w: &str) -> bool {
    TITLES
        .iter()
        .any(|(words, _, _)| words.iter().any(|t| t.trim_end_matches('.') == w))
}

/// Words of a title that name an office of a state: its ministries, government, courts,
/// forces and police ("Interior ministry spokesman", "Deputy Minister of Defence").
static STATE_OFFICES: WordSet = WordSet::new(&[
    "ministry",
    "minister",
    "government",
    "army",
    "military",
    "defence",
    "defense",
    "interior",
    "judiciary",
    "police",
    "presidency",
    "presidential",
]);

/// Words of a title that say the office is not the state's: held no longer, or held against
/// it ("former defence minister", "opposition lawmaker", "rebel commander").
static NOT_STATE_OFFICE: WordSet = WordSet::new(&[
    "former",
    "ex",
    "opposition",
    "rebel",
    "rebels",
    "exiled",
    "shadow",
    "militia",
    "insurgent",
]);

/// Head nouns that name an organ of a state on their own ("The ministry", "the Presidency", "the
/// Northwestern Command").
static ORGAN_HEADS: WordSet = WordSet::new(&["ministry", "presidency", "directorate", "command"]);

/// Head nouns that name a state's organ only with a word of office beside them ("the National
/// Intelligence and Security Agency", "the General Staff", "a security source", "the Defence
/// Headquarters"): alone, "the agency", "the source" or "the headquarters" may be anyone's.
static QUALIFIED_HEADS: WordSet =
    WordSet::new(&["agency", "staff", "source", "sources", "headquarters"]);

/// Words of office an organ's name may hold besides those of [`STATE_OFFICES`]; either kind
/// qualifies a head of [`QUALIFIED_HEADS`].
static ORGAN_OFFICES: WordSet = WordSet::new(&[
    "security",
    "intelligence",
    "general",
    "armed",
    "forces",
    "national",
]);

/// The other words an organ's name may hold: function words and what a ministry is of ("the
/// Ministry of Foreign Affairs"); a region's adjective ("the Northwestern Command",
/// [`crate::analysis::heads::COMPASS_ADJECTIVES`]) too. They qualify
/// nothing: "foreign sources" are no state's.
static ORGAN_FILLERS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "these", "of", "in", "for", "and", "foreign", "affairs",
]);

/// The words of a speaker as written, lower case.
fn speaker_words(speaker: &str) -> impl Iterator<Item = Cow<'_, str>> {
    speaker
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::text::lowercase)
}

/// Whether a speaker as written is an organ of a state named by what it is, with no other word:
/// "the Ministry of Defence", "The ministry", "the Presidency", "a security source", "the
/// National Intelligence and Security Agency"; not a source, agency or command with no word of
/// office ("the source", "The agency"). A word outside the organ's vocabulary names whose or
/// which organ ("the Gaza Health Ministry", "the Internal Security Command in Latakia",
/// "diplomatic sources", "the Foreign Office", which British copy writes for its own), and the
/// organ is then left unresolved.
pub fn is_state_organ(speaker: &str) -> bool {
    // An acronym in brackets after the name is the name again: "The Defence Headquarters (DHQ)".
    let speaker = match speaker
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
    {
        Some((name, acronym)) if crate::text::is_acronym(acronym.trim()) => name,
        _ => speaker,
    };
    let is = |list: &WordSet, w: &str| list.contains(w);
    let office = |w: &str| is(&STATE_OFFICES, w) || is(&ORGAN_OFFICES, w);
    let filler =
        |w: &str| is(&ORGAN_FILLERS, w) || is(&crate::analysis::heads::COMPASS_ADJECTIVES, w);
    // Every word is of the organ's vocabulary, and one is an organ's head (a qualified head
    // with a word of office somewhere).
    let (mut organ_head, mut qualified, mut any_office) = (false, false, false);
    for w in speaker_words(speaker) {
        let (h, q, o) = (is(&ORGAN_HEADS, &w), is(&QUALIFIED_HEADS, &w), office(&w));
        if !(h || q || o || filler(&w)) {
            return false;
        }
        organ_head |= h;
        qualified |= q;
        any_office |= o;
    }
    organ_head || (qualified && any_office)
}

/// The head of a definite organ named by its head alone ("the ministry", "The source", "these
/// sources"), singular: such a speaker refers back to the organ named before it. A definite
/// office holder named by a role noun alone ("the spokesperson", "the official") refers back the
/// same way to the speaker named before with that head ("a defence spokesperson").
pub fn definite_organ(speaker: &str) -> Option<&'static str> {
    let mut words = speaker_words(speaker);
    let (Some(det), Some(head), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    if !matches!(&*det, "the" | "this" | "these") {
        return None;
    }
    let singular = if head == "sources" { "source" } else { &*head };
    ORGAN_HEADS
        .iter()
        .chain(QUALIFIED_HEADS.iter())
        .find(|h| **h == singular)
        .or_else(|| {
            crate::analysis::heads::ROLE_NOUNS
                .iter()
                .find(|h| **h == singular)
        })
        .copied()
}

/// The last word of a speaker, lower case and singular for "sources": what a definite organ
/// ([`definite_organ`]) is matched with.
pub fn speaker_head(speaker: &str) -> Option<String> {
    let last = speaker_words(speaker).last()?;
    Some(if last == "sources" {
        "source".to_owned()
    } else {
        last.into_owned()
    })
}

/// Whether a word, as written, is a rank of a regular army: a capitalised title of
/// [`TITLES`] that suggests a state and counts only when capitalised ("Major", "Gen.").
pub(crate) fn is_rank(raw: &str) -> bool {
    // The words of the titles that suggest a state and count only capitalised, without their
    // full stops ("gen", "general", "major").
    static RANK_WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let ranks = RANK_WORDS.get_or_init(|| {
        TITLES
            .iter()
            .filter(|(_, ty, lower_ok)| *ty == ActorType::State && !lower_ok)
            .flat_map(|(words, _, _)| words.iter().map(|w| w.trim_end_matches('.')))
            .collect()
    });
    raw.chars().next().is_some_and(char::is_uppercase)
        && ranks.contains(crate::text::lowercase(raw).trim_end_matches('.'))
}

/// Whether a lower-case word belongs to the name of a state office or organ: a word of office
/// ([`STATE_OFFICES`], [`ORGAN_OFFICES`]) or an organ's head ([`ORGAN_HEADS`],
/// [`QUALIFIED_HEADS`]).
pub(crate) fn is_office_word(w: &str) -> bool {
    [
        &STATE_OFFICES,
        &ORGAN_OFFICES,
        &ORGAN_HEADS,
        &QUALIFIED_HEADS,
    ]
    .iter()
    .any(|list| list.contains(w))
}

/// Whether a speaker as written ("Interior ministry spokesman Noureddine al-Baba", "Major
/// Jean-Pierre Kasongo Mwamba, spokesman for the operational sector", "the Deputy Minister") is
/// one person holding an office of a state: a role noun ([`crate::analysis::heads::ROLE_NOUNS`]) with an
/// office word, or a rank ([`is_rank`]; the first part of a hyphenated title decides, so
/// "Secretary-General" is none and "Major-General" is one), and nothing that says the office
/// is not the state's.
pub fn is_state_office(speaker: &str) -> bool {
    let words: Vec<&str> = speaker
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let parts = words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(crate::text::lowercase);
    let (mut office, mut role) = (false, false);
    for (i, w) in parts.enumerate() {
        if NOT_STATE_OFFICE.contains(&*w)
            || (i == 0 && crate::analysis::heads::is_relational_word(&w))
        {
            return false;
        }
        office |= STATE_OFFICES.contains(&*w);
        role |= crate::analysis::heads::ROLE_NOUNS.contains(&*w);
    }
    let rank = words
        .iter()
        .any(|w| is_rank(w.split('-').next().unwrap_or(w)));
    rank || (office && role)
}

/// Capitalised words that never begin a name: the capital is the sentence's, or the word is a
/// date ("On Tuesday Karst Liberation Front fighters ...").
/// Whether a capitalised word cannot start a name: a function word, or a day or month name.
fn not_name_start(w: &str) -> bool {
    NOT_NAME_START.contains(w) || crate::text::is_calendar_word(w)
}

static NOT_NAME_START: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "by",
    "for",
    "from",
    "with",
    "to",
    "of",
    "and",
    "but",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "when",
    "while",
    "after",
    "before",
    "as",
    "last",
    "yesterday",
    "today",
]);

/// Nouns whose `'s` may sit inside a name: "People's Army", "Women's Union".
static COLLECTIVE: WordSet = WordSet::new(&["people", "women", "men", "children"]);

/// Capitalised words that are not a person's name after a title ("General Assembly").
static NOT_PERSON: WordSet = WordSet::new(&[
    "Staff",
    "Secretary",
    "Prosecutor",
    "Court",
    "Assembly",
    "Electric",
    "Motors",
]);

fn head_type(word: &str) -> Option<ActorType> {
    HEADS.iter().find(|(h, _)| *h == word).map(|(_, t)| *t)
}

/// Whether a word, in any case, is one of the organisational head nouns of [`HEADS`]: "the
/// General Command" is an organ, not a general.
pub fn is_organisation_head(word: &str) -> bool {
    HEADS.iter().any(|(h, _)| h.eq_ignore_ascii_case(word))
}

/// Every unlisted party the text names, in order of first mention. `lower` holds the tokens of
/// `seg` in lower case; `known` are the lexicon's actor mentions (sorted by start), whose words
/// are never reused.
pub fn find(text: &str, seg: &Segmented, lower: &LowerTokens, known: &[Mention]) -> Vec<Unlisted> {
    let mut f = Finder::new(text, seg, lower, known);
    f.names();
    f.acronyms();
    f.short_forms();
    f.people();
    f.descriptions();
    f.finish()
}

/// The lexicon's names as the checks of this module compare them, folded once per lexicon
/// (an [`crate::analysis::Analyzer`] holds one) rather than once per article: every article of a
/// corpus asks the same questions of the same names.
#[derive(Clone, Debug, Default)]
pub struct ListedNames {
    /// Every actor's name and aliases, and its people's names and aliases, folded ([`fold`]).
    listed: rustc_hash::FxHashSet<String>,
    /// Per actor, in lexicon order: its name, then its aliases.
    names: Vec<Vec<ListedName>>,
    /// The forms of the label entries of negative stance, in lower case.
    loaded: rustc_hash::FxHashSet<String>,
    /// The head nouns of [`HEADS`], in lower case.
    heads: rustc_hash::FxHashSet<String>,
    /// What a name becomes shortened, without its first word or its closing "of ...", to the
    /// names it shortens: (actor, index into its `names`), in lexicon order.
    shortened: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
}

/// One name or alias of a listed actor, as written and folded, with its content words.
#[derive(Clone, Debug)]
struct ListedName {
    written: String,
    folded: String,
    words: Vec<String>,
}

impl ListedNames {
    pub fn new(lex: &Lexicon) -> ListedNames {
        let mut listed = rustc_hash::FxHashSet::default();
        let mut names = Vec::with_capacity(lex.actors.len());
        let mut shortened = rustc_hash::FxHashMap::<String, Vec<(usize, usize)>>::default();
        for (i, a) in lex.actors.iter().enumerate() {
            let own: Vec<ListedName> = std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| ListedName {
                    written: n.clone(),
                    folded: fold(n),
                    words: name_words(n),
                })
                .collect();
            listed.extend(own.iter().map(|n| n.folded.clone()));
            for (k, n) in own.iter().enumerate() {
                let rest = n.folded.split_once(' ').map(|(_, rest)| rest);
                let first = n.folded.split_once(" of ").map(|(first, _)| first);
                for short in rest.into_iter().chain(first.filter(|&f| Some(f) != rest)) {
                    shortened.entry(short.to_owned()).or_default().push((i, k));
                }
            }
            for p in &a.people {
                listed.insert(fold(&p.name));
                listed.extend(p.aliases.iter().map(|s| fold(s)));
            }
            names.push(own);
        }
        let loaded = lex
            .labels
            .iter()
            .filter(|e| e.stance < 0)
            .flat_map(|e| e.forms.iter().map(|f| f.to_lowercase()))
            .collect();
        let heads = HEADS.iter().map(|(h, _)| h.to_lowercase()).collect();
        ListedNames {
            listed,
            names,
            loaded,
            heads,
            shortened,
        }
    }

    /// Drops the parties whose name or person equals a name, alias or person of an actor the
    /// lexicon lists (ignoring case, white space and the kind of apostrophe). A party whose
    /// acronym is listed is that actor under another name ([`ListedNames::renamed`]).
    pub fn without_listed(&self, found: Vec<Unlisted>) -> Vec<Unlisted> {
        found
            .into_iter()
            .filter(|u| !self.listed.contains(&fold(&u.name)))
            .collect()
    }

    /// The parties of `found` that are listed ones under another form of their name
    /// ([`ListedNames::renamed`]), each with the listed actor's index and the name it matched,
    /// and the others.
    pub fn split_renamed(
        &self,
        found: Vec<Unlisted>,
        named: &dyn Fn(usize) -> bool,
    ) -> (Vec<(Unlisted, usize, String)>, Vec<Unlisted>) {
        let mut renames = Vec::new();
        let mut rest = Vec::new();
        for u in found {
            match self.renamed(&u, named) {
                Some((actor, listed)) => renames.push((u, actor, listed)),
                None => rest.push(u),
            }
        }
        (renames, rest)
    }

    /// The listed actor an unlisted party is, under another form of its name, and the listed
    /// name it matches. Three forms count:
    /// - **its acronym**: the article writes a listed name or alias in brackets after it
    ///   ("Islamic Revolution Guards Corps (IRGC)", where the lexicon lists "IRGC" and writes the
    ///   name "Islamic Revolutionary Guard Corps"): the brackets say the two are one, when half
    ///   the name's words are the listed name's ([`ListedNames::names_alike`]: not "Japan
    ///   Self-Defense Forces (SDF)");
    /// - **a hostile renaming**: a listed name or alias whose last word, an organisational head
    ///   noun ([`HEADS`]), is swapped for a head noun that the lexicon lists as a term of
    ///   negative stance. "Rapid Support Militia", as Sudanese state media write it, is the
    ///   "Rapid Support Forces". The words before the head must be the same and at least two
    ///   ("National Militia" names too little to be "National Army");
    /// - **a shortened name**: a listed name or alias without its first word ("Armed Forces"
    ///   for "Sudanese Armed Forces") or without its closing "of ..." ("Armed Forces" for "Armed
    ///   Forces of Ukraine"), when exactly one of the actors it may shorten is named in the
    ///   article (`named`). With none or several, it stays a party of its own.
    pub fn renamed(&self, u: &Unlisted, named: &dyn Fn(usize) -> bool) -> Option<(usize, String)> {
        if let Some(acr) = &u.acronym {
            let folded = fold(acr);
            let listed = self.names.iter().position(|own| {
                own.iter().any(|n| n.folded == folded) && self.names_alike(&u.name, own, &folded)
            });
            if let Some(i) = listed {
                return Some((i, acr.clone()));
            }
        }
        let name = fold(&u.name);
        let (stem, head) = name.rsplit_once(' ')?;
        if self.loaded.contains(head) && stem.split(' ').count() >= 2 {
            let hit = self.names.iter().enumerate().find_map(|(i, own)| {
                own.iter()
                    .find(|n| {
                        n.folded.rsplit_once(' ').is_some_and(|(st, hd)| {
                            st == stem && hd != head && self.heads.contains(hd)
                        })
                    })
                    .map(|n| (i, n.written.clone()))
            });
            if hit.is_some() {
                return hit;
            }
        }
        // Each actor once, with the first of its names that `name` shortens.
        let shortens = self.shortened.get(&name)?;
        let mut found = shortens
            .iter()
            .enumerate()
            .filter(|&(j, &(i, _))| j == 0 || shortens[j - 1].0 != i)
            .map(|(_, &(i, k))| (i, self.names[i][k].written.clone()));
        let mut in_article = found.by_ref().filter(|&(i, _)| named(i));
        let first = in_article.next()?;
        in_article.next().is_none().then_some(first)
    }

    /// Whether an unlisted party's name reads as one of a listed actor's longer names (`own`,
    /// its name and aliases): at least half of its words, each the same as a word of that name
    /// or sharing its first four letters or more ("Revolution Guards" for "Revolutionary
    /// Guard"). Two parties that share an acronym ("Japan Self-Defense Forces (SDF)", "Syrian
    /// Democratic Forces") are not one.
    fn names_alike(&self, name: &str, own: &[ListedName], acronym: &str) -> bool {
        let alike = |x: &str, y: &str| {
            let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
            x == y || (common >= 4 && (x.starts_with(y) || y.starts_with(x)))
        };
        let mine = name_words(name);
        own.iter().filter(|n| n.folded != acronym).any(|n| {
            let shared = mine
                .iter()
                .filter(|w| n.words.iter().any(|t| alike(w, t)))
                .count();
            shared > 0 && 2 * shared >= mine.len()
        })
    }
}

/// The content words of a name, folded: "of", "the", "and" and "for" are left out.
fn name_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "and" | "for"))
        .map(str::to_owned)
        .collect()
}

/// A name for comparison: lower case, white space collapsed, curly apostrophes straight.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .to_lowercase()
}

/// The name as an id: lower-case letters and digits, anything else one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '’' && c != '\'' {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// One party being collected.
struct Group {
    key: String,
    name: String,
    acronym: Option<String>,
    actor_type: ActorType,
    head: String,
    /// The head noun for short forms (organisations only).
    short_head: Option<String>,
    people: Vec<UnlistedPerson>,
    mentions: Vec<UnlistedMention>,
    /// Named by a form that counts on its own (see the module documentation).
    strong: bool,
    /// Start of the first full mention, for short forms.
    first_full: usize,
    /// See [`Unlisted::listed`].
    listed: Option<usize>,
}

/// The party a titled person speaks or acts for, as the text places them.
#[derive(Clone, Copy)]
enum Owner {
    /// An unlisted party the finder has found.
    Group(usize),
    /// A listed actor, by index.
    Listed(usize),
}

struct Finder<'a> {
    text: &'a str,
    seg: &'a Segmented,
    lower: &'a LowerTokens,
    /// Tokens that overlap a known mention or an unlisted mention already taken.
    used: Vec<bool>,
    /// Tokens of a headline written in title case.
    title_case: Vec<bool>,
    groups: Vec<Group>,
    by_key: HashMap<String, usize>,
    /// The lexicon's mentions, in text order.
    known: &'a [Mention],
}

impl<'a> Finder<'a> {
    fn new(
        text: &'a str,
        seg: &'a Segmented,
        lower: &'a LowerTokens,
        known: &'a [Mention],
    ) -> Self {
        let n = seg.tokens.len();
        let mut used = vec![false; n];
        for m in known {
            let lo = seg.tokens.partition_point(|t| t.span.end <= m.span.start);
            for (i, t) in seg.tokens.iter().enumerate().skip(lo) {
                if t.span.start >= m.span.end {
                    break;
                }
                used[i] = true;
            }
        }
        let mut title_case = vec![false; n];
        if let Some(p) = seg.paragraphs.first().filter(|p| p.headline) {
            let toks: Vec<usize> = (0..n)
                .filter(|&i| p.span.contains(seg.tokens[i].span))
                .collect();
            let long: Vec<&str> = toks
                .iter()
                .map(|&i| seg.tokens[i].span.slice(text))
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            let caps = long.iter().filter(|w| starts_upper(w)).count();
            // Title case capitalises every word of four letters or more.
            if long.len() >= 3 && caps == long.len() {
                for i in toks {
                    title_case[i] = true;
                }
            }
        }
        Finder {
            text,
            seg,
            lower,
            used,
            title_case,
            groups: Vec::new(),
            by_key: HashMap::new(),
            known,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.slice(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        self.seg
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// A free word that starts with a capital and has a lower-case letter (not an acronym).
    fn cap(&self, i: usize) -> bool {
        self.is_word(i) && !self.used[i] && {
            let w = self.word(i);
            starts_upper(w) && w.chars().any(char::is_lowercase)
        }
    }

    /// Token `i` is a hyphen written with no space on either side.
    fn glued_hyphen(&self, i: usize) -> bool {
        let t = &self.seg.tokens;
        i > 0
            && i + 1 < t.len()
            && t[i].kind == TokenKind::Punct
            && matches!(self.word(i), "-" | "\u{2010}" | "\u{2011}")
            && t[i - 1].span.end == t[i].span.start
            && t[i].span.end == t[i + 1].span.start
    }

    fn particle(&self, i: usize) -> bool {
        self.is_word(i) && !self.used[i] && crate::text::NAME_PARTICLES.contains(self.word(i))
    }

    /// Whether token `i` (in a sentence ending at `end`) starts a name part: a capitalised word,
    /// or a particle followed by one ("al-Shām", "al Sham", "de Libération").
    fn name_part(&self, i: usize, end: usize) -> bool {
        self.cap(i)
            || (self.particle(i)
                && ((i + 1 < end && self.cap(i + 1))
                    || (i + 2 < end && self.glued_hyphen(i + 1) && self.cap(i + 2))))
    }

    /// Whether token `k` (not a capitalised word) joins the name words around it: a particle
    /// before a name part, a glued hyphen before a capital, a possessive before a capital, or
    /// "and" after a word that is not a head noun.
    fn joins(&self, k: usize, end: usize) -> bool {
        let prev = k - 1;
        let t = self.seg.tokens[k];
        if self.particle(k) {
            self.name_part(k, end)
        } else if self.glued_hyphen(k) {
            (self.cap(k + 1) || self.particle(prev)) && self.name_part(k + 1, end)
        } else if t.kind == TokenKind::Possessive {
            (matches!(self.word(k), "'" | "’") || COLLECTIVE.contains(self.lower.get(prev)))
                && k + 1 < end
                && self.cap(k + 1)
        } else {
            self.lower.get(k) == "and"
                && !self.used[k]
                && head_type(self.word(prev)).is_none()
                && k + 1 < end
                && self.cap(k + 1)
        }
    }

    /// The end (exclusive) of the run of name words that starts at `i`: capitalised words,
    /// particles, glued hyphens before a capital, "of"/"for" (+ "the") once a head noun has been
    /// seen ("Army of Islam", but not "Leaders of the ..."), "and" after a word that is not a head
    /// noun, and a possessive before a capital: a plural's apostrophe ("Workers' Party") or the
    /// `'s` of a collective noun ("People's Army").
    fn run_end(&self, i: usize, end: usize) -> usize {
        let mut k = i + 1;
        let mut seen_head = head_type(self.word(i)).is_some();
        while k < end {
            if self.cap(k) {
                seen_head |= head_type(self.word(k)).is_some();
                k += 1;
            } else if self.joins(k, end) {
                k += 1;
            } else if seen_head && matches!(self.lower.get(k), "of" | "for") && !self.used[k] {
                let next = if k + 1 < end && self.lower.get(k + 1) == "the" {
                    k + 2
                } else {
                    k + 1
                };
                if next < end && self.cap(next) {
                    k = next;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        k
    }

    /// Step 1: proper-noun groups ending in a head noun.
    fn names(&mut self) {
        let mut found = Vec::new();
        for s in &self.seg.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            // The first word of the sentence, after opening quotes and brackets.
            let first = (lo..hi).find(|&i| self.is_word(i));
            let mut i = lo;
            while i < hi {
                if !self.cap(i) {
                    i += 1;
                    continue;
                }
                let r = self.run_end(i, hi);
                match self.name_in(i, r) {
                    // A name takes no indefinite article: "a Foreign Terrorist Organization" is a
                    // category, not a party. (In "an Arakan Army spokesman" the article is the
                    // spokesman's, and the name modifies it.)
                    Some((a, b, _))
                        if a > lo
                            && matches!(self.lower.get(a - 1), "a" | "an")
                            && !self.modifies_a_noun(b, hi) =>
                    {
                        i = b;
                    }
                    Some((a, b, head)) => {
                        found.push((a, b, head, first));
                        i = b;
                    }
                    None => i = r,
                }
            }
        }
        for (a, b, head, first) in found {
            let caps: Vec<usize> = (a..b).filter(|&k| self.cap(k)).collect();
            let initial = first == Some(a);
            let counted = caps.iter().filter(|&&k| !(initial && k == a)).count();
            let strong = counted >= 2 && !self.title_case[a];
            let span = Span::new(
                self.seg.tokens[a].span.start,
                self.seg.tokens[b - 1].span.end,
            );
            let name = collapse(span.slice(self.text));
            let head_word = self.word(head).to_owned();
            let g = self.group(
                &name,
                head_type(&head_word).unwrap_or(Organization),
                &head_word,
            );
            g.short_head = Some(head_word);
            g.strong |= strong;
            g.first_full = g.first_full.min(span.start);
            g.mentions.push(UnlistedMention {
                span,
                form: UnlistedForm::Full,
                person: None,
            });
            self.take(a, b);
        }
    }

    /// The name inside the run `[i, r)`: `(start, end, head)`. Leading function words are
    /// dropped; the name ends at the last head noun, or runs on through an "of"/"for" phrase after
    /// a head noun ("Army of Islam"), up to a title.
    fn name_in(&self, i: usize, r: usize) -> Option<(usize, usize, usize)> {
        let mut a = i;
        while a < r && (not_name_start(self.lower.get(a)) || !self.cap(a)) {
            a += 1;
        }
        let mut head = None;
        let mut end = a;
        let mut k = a;
        while k < r {
            if self.cap(k) && head_type(self.word(k)).is_some() {
                head = Some(k);
                end = k + 1;
                if k + 1 < r && matches!(self.lower.get(k + 1), "of" | "for") {
                    end = (k + 1..r)
                        .find(|&j| self.cap(j) && title_at(self.lower, j, r).is_some())
                        .unwrap_or(r);
                    // Do not end on a particle or connector.
                    while end > k + 1 && !self.cap(end - 1) {
                        end -= 1;
                    }
                    break;
                }
            }
            k += 1;
        }
        let head = head?;
        let caps = (a..end).filter(|&k| self.cap(k)).count();
        let other = (a..end).any(|k| self.cap(k) && head_type(self.word(k)).is_none());
        (caps >= 2 && other).then_some((a, end, head))
    }

    /// Whether the word at `b` (before `hi`) is a common noun that the name before it modifies
    /// ("an Arakan Army spokesman"): a lower-case word that is no function word.
    fn modifies_a_noun(&self, b: usize, hi: usize) -> bool {
        static FUNCTION: WordSet = WordSet::new(&[
            "in", "on", "at", "by", "for", "of", "and", "or", "to", "with", "from", "that",
            "which", "who", "since", "after", "before", "until", "over", "is", "was", "are",
            "were", "has", "had", "have", "last", "this", "as",
        ]);
        b < hi && self.is_word(b) && !self.cap(b) && !FUNCTION.contains(self.lower.get(b))
    }

    /// The group with this name (created as needed).
    fn group(&mut self, name: &str, t: ActorType, head: &str) -> &mut Group {
        let key = fold(name);
        let gi = *self.by_key.entry(key.clone()).or_insert_with(|| {
            self.groups.push(Group {
                key,
                name: name.to_owned(),
                acronym: None,
                actor_type: t,
                head: head.to_owned(),
                short_head: None,
                people: Vec::new(),
                mentions: Vec::new(),
                strong: false,
                first_full: usize::MAX,
                listed: None,
            });
            self.groups.len() - 1
        });
        &mut self.groups[gi]
    }

    fn take(&mut self, a: usize, b: usize) {
        for u in &mut self.used[a..b] {
            *u = true;
        }
    }

    /// Token range of `span` (which starts and ends on token edges).
    fn tokens_of(&self, span: Span) -> (usize, usize) {
        let t = &self.seg.tokens;
        let a = t.partition_point(|x| x.span.start < span.start);
        let b = t.partition_point(|x| x.span.start < span.end);
        (a, b)
    }

    /// A free word that can be an acronym (see [`Self::acronym_shaped`]).
    fn acronym_like(&self, i: usize) -> bool {
        self.acronym_shaped(i) && !self.used[i]
    }

    /// A word shaped like an acronym: 2 to 8 letters, at least two capitals, starting with one.
    fn acronym_shaped(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.word(i);
            let n = w.chars().count();
            (2..=8).contains(&n)
                && w.chars().all(char::is_alphabetic)
                && starts_upper(w)
                && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        }
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.seg
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.span.slice(self.text) == p)
    }

    /// Step 2: "Name (ACR)" and "ACR (Name)"; then every bare use of the acronym. An acronym
    /// the lexicon's mentions already hold ("Islamic Revolution Guards Corps (IRGC)") is
    /// recorded with no mentions of its own: [`renamed`] then reads the name as that party's.
    fn acronyms(&mut self) {
        let mut links: Vec<(usize, String)> = Vec::new();
        for (gi, g) in self.groups.iter().enumerate() {
            for m in g.mentions.iter().filter(|m| m.form == UnlistedForm::Full) {
                let (a, b) = self.tokens_of(m.span);
                let acr = if self.is_punct(b, "(")
                    && self.acronym_shaped(b + 1)
                    && self.is_punct(b + 2, ")")
                {
                    Some(b + 1)
                } else if a >= 2
                    && self.is_punct(a - 1, "(")
                    && self.is_punct(b, ")")
                    && self.acronym_shaped(a - 2)
                {
                    Some(a - 2)
                } else {
                    None
                };
                let Some(acr) = acr else { continue };
                let acr = self.word(acr);
                let initial = acr
                    .chars()
                    .next()
                    .map(|c| c.to_lowercase().collect::<String>());
                let fits = g.name.split_whitespace().any(|w| {
                    starts_upper(w) && initial.as_deref().is_some_and(|c| fold(w).starts_with(c))
                });
                if fits && !links.iter().any(|(_, x)| x == acr) {
                    links.push((gi, acr.to_owned()));
                }
            }
        }
        for (gi, acr) in links {
            if self.groups[gi].acronym.is_some() {
                continue;
            }
            // Free uses only: a used one is the lexicon's mention (or another party's).
            let spots: Vec<usize> = (0..self.seg.tokens.len())
                .filter(|&i| self.acronym_like(i) && self.word(i) == acr)
                .collect();
            for i in spots {
                self.used[i] = true;
                self.groups[gi].mentions.push(UnlistedMention {
                    span: self.seg.tokens[i].span,
                    form: UnlistedForm::Acronym,
                    person: None,
                });
            }
            self.groups[gi].acronym = Some(acr);
        }
    }

    /// The unlisted group with a mention that ends at token `i`, if any.
    fn group_ending_at(&self, i: usize) -> Option<usize> {
        let end = self.seg.tokens[i].span.end;
        self.groups
            .iter()
            .position(|g| g.short_head.is_some() && g.mentions.iter().any(|m| m.span.end == end))
    }

    /// The listed actor whose mention ends at token `i`: (its index, the mention's first token).
    fn listed_ending_at(&self, i: usize) -> Option<(usize, usize)> {
        let end = self.seg.tokens[i].span.end;
        let k = self.known.partition_point(|m| m.span.end < end);
        let m = self.known.get(k).filter(|m| m.span.end == end)?;
        let start = self
            .seg
            .tokens
            .partition_point(|t| t.span.end <= m.span.start);
        Some((m.actor, start))
    }

    /// The party named at token `p` (a possessive after it skipped back over): an unlisted group
    /// or a listed actor whose mention ends there, with the mention's first token.
    fn party_ending_at(&self, p: usize) -> Option<(Owner, usize)> {
        let p = if self.seg.tokens[p].kind == TokenKind::Possessive {
            p.checked_sub(1)?
        } else {
            p
        };
        if let Some(gi) = self.group_ending_at(p) {
            let end = self.seg.tokens[p].span.end;
            let span = self.groups[gi]
                .mentions
                .iter()
                .find(|m| m.span.end == end)?
                .span;
            let start = self
                .seg
                .tokens
                .partition_point(|t| t.span.end <= span.start);
            return Some((Owner::Group(gi), start));
        }
        self.listed_ending_at(p).map(|(a, s)| (Owner::Listed(a), s))
    }

    /// The party the person titled at `i` (name ending before `b`, in the sentence of tokens
    /// `sent`) speaks for, as the text places them:
    /// - a party right before the title, or before a role noun or two before it: "KLF
    ///   commander", "the Front's spokesman", "LNA spokesman Major General";
    /// - an apposition before: "the spokesman of the General Command, Major General Faraj
    ///   al-Mabrouk";
    /// - an apposition after: "Major General Faraj al-Mabrouk, spokesman for the army's General
    ///   Command".
    ///
    /// The apposition is a role noun or title, "of" or "for", and the party, next to the name
    /// with a comma between. Not a party the name merely sits beside ("in Tripoli, General X").
    fn owner_of(&self, i: usize, b: usize, sent: std::ops::Range<usize>) -> Option<Owner> {
        let (lo, end) = (sent.start, sent.end);
        // A party in this sentence, ending at token `p`.
        let party_at = |p: usize| self.party_ending_at(p).filter(|&(_, start)| start >= lo);
        if let Some(o) = i
            .checked_sub(1)
            .filter(|&p| p >= lo)
            .and_then(|before| self.owner_before(before, lo, &party_at))
        {
            return Some(o);
        }
        self.owner_after(b, end, &party_at)
    }

    /// [`Finder::owner_of`] before the title, whose token before is `before` (in the sentence
    /// from token `lo`): a party right there or before a role noun or two, or an apposition.
    fn owner_before(
        &self,
        before: usize,
        lo: usize,
        party_at: &dyn Fn(usize) -> Option<(Owner, usize)>,
    ) -> Option<Owner> {
        let role_of = |k: usize| self.role_word(k);
        // The party may stand before a role noun that precedes the title: "LNA spokesman Major
        // General Ahmed Zwai".
        let mut p = before;
        while p > lo && p + 1 >= before && role_of(p) {
            p -= 1;
        }
        if let Some((o, _)) =
            party_at(before).or_else(|| (p < before).then(|| party_at(p)).flatten())
        {
            return Some(o);
        }
        // "..., the spokesman of [the] PARTY, TITLE NAME"
        if self.word(before) == ","
            && before > lo
            && let Some((o, start)) = party_at(before - 1)
        {
            let mut k = start;
            if k > lo && self.lower.get(k - 1) == "the" {
                k -= 1;
            }
            if k >= lo + 2 && matches!(self.lower.get(k - 1), "of" | "for") && role_of(k - 2) {
                return Some(o);
            }
        }
        None
    }

    /// Whether token `k` is a role noun or a title ("spokesman", "commander", "General").
    fn role_word(&self, k: usize) -> bool {
        self.is_word(k)
            && (crate::analysis::heads::class_of(self.lower.get(k))
                == Some(crate::analysis::heads::Class::Role)
                || title_at(self.lower, k, k + 1).is_some())
    }

    /// [`Finder::owner_of`] after the name ending before token `b` (in the sentence ending
    /// before `end`): "TITLE NAME, [a|the] [chief] spokesman of/for [the] PARTY".
    fn owner_after(
        &self,
        b: usize,
        end: usize,
        party_at: &dyn Fn(usize) -> Option<(Owner, usize)>,
    ) -> Option<Owner> {
        if b + 3 < end && self.word(b) == "," {
            let mut k = b + 1;
            if matches!(self.lower.get(k), "a" | "an" | "the") {
                k += 1;
            }
            let role_end =
                (k..(k + 3).min(end)).find(|&j| matches!(self.lower.get(j), "of" | "for"))?;
            if role_end > k && self.role_word(role_end - 1) {
                let mut p = role_end + 1;
                if p < end && self.lower.get(p) == "the" {
                    p += 1;
                }
                // The party's mention starts at `p`; find where it ends.
                return (p..end.min(p + 8))
                    .filter_map(party_at)
                    .find(|&(_, start)| start == p)
                    .map(|(o, _)| o);
            }
        }
        None
    }

    /// Step 3: titled people, and later uses of their names.
    fn people(&mut self) {
        let n = self.seg.tokens.len();
        let mut i = 0;
        while i < n {
            let Some((tlen, t, lower_ok)) = (!self.title_case[i])
                .then(|| title_at(self.lower, i, n))
                .flatten()
                .filter(|&(tlen, _, lower_ok)| {
                    (lower_ok || starts_upper(self.word(i))) && (i..i + tlen).all(|k| !self.used[k])
                })
            else {
                i += 1;
                continue;
            };
            let s = self.seg.sentence_at(self.seg.tokens[i].span.start);
            let (lo, first, end) = s.map_or((0, 0, n), |s| {
                let r = self.seg.sentences[s].tokens.clone();
                (
                    r.start,
                    r.clone().find(|&k| self.is_word(k)).unwrap_or(r.start),
                    r.end,
                )
            });
            // "Major" or "General" first in a sentence may be capitalised for the sentence
            // ("Major Western powers ..."): it then needs a name of two words.
            let min_words = if !lower_ok && i == first && !self.word(i).ends_with('.') {
                2
            } else {
                1
            };
            let start = i + tlen;
            // One to three capitalised words, with particles and glued hyphens between.
            let mut k = start;
            let mut words = 0;
            let mut last = None;
            while k < end && words < 3 {
                if self.cap(k)
                    && head_type(self.word(k)).is_none()
                    && !NOT_PERSON.contains(self.word(k))
                    && !not_name_start(self.lower.get(k))
                    && title_at(self.lower, k, end).is_none()
                {
                    words += 1;
                    k += 1;
                    last = Some(k);
                } else if self.particle(k) || (words > 0 && self.glued_hyphen(k)) {
                    k += 1;
                } else {
                    break;
                }
            }
            // A name that runs on into more capitalised words ("General Assembly", a fourth
            // word, a head noun) is not taken as a person.
            let runs_on = k < end
                && ((self.cap(k)
                    && !not_name_start(self.lower.get(k))
                    && title_at(self.lower, k, end).is_none())
                    // ... or into a name already found ("Foreign Minister Abbas Araghchi").
                    || (self.is_word(k) && self.used[k] && starts_upper(self.word(k))));
            let Some(b) = last.filter(|_| !runs_on && words >= min_words) else {
                i += 1;
                continue;
            };
            let title = (i..start)
                .map(|k| self.lower.get(k))
                .collect::<Vec<_>>()
                .join(" ");
            let span = Span::new(
                self.seg.tokens[start].span.start,
                self.seg.tokens[b - 1].span.end,
            );
            let name = collapse(span.slice(self.text));
            let owner = self.owner_of(i, b, lo..end);
            let (gi, pi) = self.person_in(owner, &name, t, &title);
            self.take(start, b);
            self.groups[gi].mentions.push(UnlistedMention {
                span,
                form: UnlistedForm::Person,
                person: Some(pi),
            });
            self.later_names(gi, pi, b);
            i = b;
        }
    }

    /// The group and person index for a titled person `name`, given the party the text places
    /// them in: one of an unlisted group's people, or a party of their own (kept apart from the
    /// parties to report when the owner is a listed actor).
    fn person_in(
        &mut self,
        owner: Option<Owner>,
        name: &str,
        t: ActorType,
        title: &str,
    ) -> (usize, usize) {
        let person = || UnlistedPerson {
            name: name.to_owned(),
            title: title.to_owned(),
        };
        if let Some(Owner::Group(gi)) = owner {
            let g = &mut self.groups[gi];
            let pi = g
                .people
                .iter()
                .position(|p| fold(&p.name) == fold(name))
                .unwrap_or_else(|| {
                    g.people.push(person());
                    g.people.len() - 1
                });
            return (gi, pi);
        }
        let g = self.group(name, t, title);
        g.strong = true;
        if let Some(Owner::Listed(a)) = owner {
            g.listed = Some(a);
        }
        if g.people.is_empty() {
            g.people.push(person());
        }
        let key = g.key.clone();
        (self.by_key[&key], 0)
    }

    /// Later uses of person `pi` of group `gi` after token `from`: the full name, or the surname
    /// alone when no capitalised word follows it.
    fn later_names(&mut self, gi: usize, pi: usize, from: usize) {
        let name = self.groups[gi].people[pi].name.clone();
        let words: Vec<&str> = crate::text::tokenize(&name)
            .iter()
            .map(|t| t.span.slice(&name))
            .collect::<Vec<_>>();
        let surname = words.last().copied().unwrap_or_default();
        let n = self.seg.tokens.len();
        let mut i = from;
        while i < n {
            let full = i + words.len() <= n
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, w)| !self.used[i + j] && self.word(i + j) == *w);
            let len = if full && !(i + words.len() < n && self.cap(i + words.len())) {
                words.len()
            } else if words.len() > 1
                && self.cap(i)
                && self.word(i) == surname
                && !(i + 1 < n && self.cap(i + 1))
            {
                1
            } else {
                i += 1;
                continue;
            };
            let span = Span::new(
                self.seg.tokens[i].span.start,
                self.seg.tokens[i + len - 1].span.end,
            );
            self.take(i, i + len);
            self.groups[gi].mentions.push(UnlistedMention {
                span,
                form: UnlistedForm::Person,
                person: Some(pi),
            });
            i += len;
        }
    }

    /// Step 4: "the Front" for the one unlisted party with that head noun, after it is named.
    fn short_forms(&mut self) {
        let mut per_head: HashMap<String, Vec<usize>> = HashMap::new();
        for (gi, g) in self.groups.iter().enumerate() {
            if let Some(h) = &g.short_head
                && g.strong
            {
                per_head.entry(h.clone()).or_default().push(gi);
            }
        }
        let n = self.seg.tokens.len();
        for (head, gs) in per_head {
            let [gi] = gs[..] else { continue };
            let after = self.groups[gi].first_full;
            for k in 1..n {
                if self.seg.tokens[k].span.start > after
                    && self.lower.get(k - 1) == "the"
                    && self.cap(k)
                    && self.word(k) == head
                    && !(k + 1 < n
                        && (self.cap(k + 1) || matches!(self.lower.get(k + 1), "of" | "for")))
                {
                    self.used[k] = true;
                    self.groups[gi].mentions.push(UnlistedMention {
                        span: self.seg.tokens[k].span,
                        form: UnlistedForm::Short,
                        person: None,
                    });
                }
            }
        }
    }

    /// Plural descriptions of civil-society organisations ("rights groups", "human rights
    /// organisations", "aid agencies"): one party per description, within one sentence, named
    /// in lower case. A description that is a fuller or a shorter form of exactly one found
    /// before ("human rights groups" and "rights groups") is the same party; "gun rights
    /// groups" and "civil rights groups" are two. After "to" or a modal the first word is a verb
    /// ("to aid groups", "will press groups"), and there is no description.
    fn descriptions(&mut self) {
        let n = self.seg.tokens.len();
        let sentence = |k: usize| self.seg.sentence_at(self.seg.tokens[k].span.start);
        for k in 1..n {
            let head = self.lower.get(k);
            if self.used[k] || !DESCRIBED_HEADS.contains(head) {
                continue;
            }
            let mut start = k;
            while start > 0
                && !self.used[start - 1]
                && CIVIL_MODIFIERS.contains(self.lower.get(start - 1))
                && sentence(start - 1) == sentence(k)
            {
                start -= 1;
            }
            let verb_before = start > 0
                && sentence(start - 1) == sentence(k)
                && matches!(
                    self.lower.get(start - 1),
                    "to" | "will" | "would" | "can" | "could" | "should" | "must" | "may" | "might"
                );
            if start == k || verb_before {
                continue;
            }
            let span = Span::new(
                self.seg.tokens[start].span.start,
                self.seg.tokens[k].span.end,
            );
            let key = collapse(&span.slice(self.text).to_lowercase());
            let related: Vec<usize> = self
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    g.mentions
                        .iter()
                        .all(|m| m.form == UnlistedForm::Description)
                        && (g.key == key
                            || g.key.ends_with(&format!(" {key}"))
                            || key.ends_with(&format!(" {}", g.key)))
                })
                .map(|(gi, _)| gi)
                .collect();
            let gi = match related[..] {
                [gi] => gi,
                _ => {
                    let g = self.group(&key, Organization, head);
                    g.strong = true;
                    g.first_full = span.start;
                    self.by_key[&key]
                }
            };
            self.take(start, k + 1);
            self.groups[gi].mentions.push(UnlistedMention {
                span,
                form: UnlistedForm::Description,
                person: None,
            });
        }
    }

    /// Drops groups named only where a name does not count, and orders the rest.
    fn finish(self) -> Vec<Unlisted> {
        let mut out: Vec<Unlisted> = Vec::new();
        for mut g in self.groups.into_iter().filter(|g| g.strong) {
            g.mentions.sort_by_key(|m| m.span.start);
            let mut id = slug(&g.name);
            if out.iter().any(|u| u.id == id) {
                let base = id.clone();
                let mut n = 2;
                while out.iter().any(|u| u.id == id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
            }
            out.push(Unlisted {
                id,
                name: g.name,
                acronym: g.acronym,
                actor_type: g.actor_type,
                head: g.head,
                people: g.people,
                mentions: g.mentions,
                listed: g.listed,
            });
        }
        out.sort_by_key(|u| u.mentions.first().map_or(usize::MAX, |m| m.span.start));
        out
    }
}

/// The title that starts at token `i` (before `end`), the longest one: its length in tokens, the
/// type it suggests, and whether it may be written in lower case.
fn title_at(lower: &LowerTokens, i: usize, end: usize) -> Option<(usize, ActorType, bool)> {
    if i >= lower.len() {
        return None;
    }
    titles_starting(lower.get(i))
        .iter()
        .map(|&k| &TITLES[k])
        .filter(|(words, _, _)| {
            i + words.len() <= end
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, w)| i + j < lower.len() && lower.get(i + j) == *w)
        })
        .max_by_key(|(words, _, _)| words.len())
        .map(|(words, t, lower_ok)| (words.len(), *t, *lower_ok))
}

/// The indices into [`TITLES`] of the titles whose first word is `w`, in table order: a token
/// is compared with the few titles it can start, not with all of them.
fn titles_starting(w: &str) -> &'static [usize] {
    type ByFirst = (
        crate::text::Shapes,
        rustc_hash::FxHashMap<&'static str, Vec<usize>>,
    );
    static BY_FIRST: std::sync::OnceLock<ByFirst> = std::sync::OnceLock::new();
    let (shapes, by_first) = BY_FIRST.get_or_init(|| {
        let mut by_first = rustc_hash::FxHashMap::<&'static str, Vec<usize>>::default();
        for (k, (words, _, _)) in TITLES.iter().enumerate() {
            by_first.entry(words[0]).or_default().push(k);
        }
        (crate::text::Shapes::of(by_first.keys().copied()), by_first)
    });
    if !shapes.may_hold(w) {
        return &[];
    }
    by_first.get(w).map_or(&[], Vec::as_slice)
}

/// Whether a word as written starts with a capital letter.
pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn state_offices_are_read_from_titles() {
        // (speaker as written, holds a state office)
        let rows: &[(&str, bool)] = &[
            ("Interior ministry spokesman Noureddine al-Baba", true),
            ("Deputy Minister of Defence Abdifatah Hassan Gure", true),
            ("the Deputy Minister", true),
            ("Government spokesman Patrick Muyaya", true),
            ("Major Jean-Pierre Kasongo Mwamba", true),
            (
                "The spokesman for the Zamfara State Police Command, DSP Musa Aliyu",
                true,
            ),
            // A rank is a title only capitalised; an office word needs a holder.
            ("a major opposition figure", false),
            ("the ministry", false),
            ("Health Ministry", false),
            // Not the state's office: former, opposition, rebel, or relational.
            ("former defence minister Ali Ahmed", false),
            ("opposition lawmaker Ali Ahmed", false),
            ("rebel commander Ali Ahmed", false),
            ("critics of the government", false),
            ("a spokesman for the guards", false),
            // The Foreign Office is every foreign ministry's name in some copy: no state's by itself.
            ("the Foreign Office spokesperson", false),
            ("a foreign diplomat", false),
            // A compound title is a rank only when its first part is one.
            ("UN Secretary-General Antonio Guterres", false),
            // The offices of a legislature or a party may be the opposition's.
            ("Sen. Mark Warner", false),
            ("House Majority Leader Steny Hoyer", false),
            ("Major-General Ali Ahmed", true),
            ("Brig. Gen. Ali Ahmed", true),
        ];
        for &(speaker, want) in rows {
            assert_eq!(is_state_office(speaker), want, "{speaker}");
        }
    }

    #[test]
    fn state_organs_are_read_from_their_words_alone() {
        let rows: &[(&str, bool)] = &[
            ("the Ministry of Defence", true),
            ("The ministry", true),
            ("the Presidency", true),
            ("a security source", true),
            ("Military sources", true),
            // A source alone may be anyone's.
            ("the source", false),
            ("The sources", false),
            ("the National Intelligence and Security Agency", true),
            // An acronym in brackets restates the name; a headquarters needs a word of office.
            ("the National Intelligence and Security Agency (NISA)", true),
            ("The Defence Headquarters (DHQ)", true),
            ("the headquarters", false),
            ("the Gaza Health Ministry (GHM)", false),
            ("A source in the Command", true),
            ("the Ministry of Foreign Affairs", true),
            ("the General Command", true),
            ("the Foreign Office", false),
            ("the office", false),
            ("foreign sources", false),
            ("The agency", false),
            ("the staff", false),
            // A word that says whose organ it is, or what else it is.
            ("the Gaza Health Ministry", false),
            ("the Internal Security Command in Latakia", false),
            ("diplomatic sources", false),
            ("a source close to the group", false),
            ("the army", false),
            ("the government", false),
            ("officials", false),
        ];
        for &(speaker, want) in rows {
            assert_eq!(is_state_organ(speaker), want, "{speaker}");
        }
        // A definite organ named by its head alone refers back.
        let heads: &[(&str, Option<&str>)] = &[
            ("the ministry", Some("ministry")),
            ("The source", Some("source")),
            ("these sources", Some("source")),
            ("The agency", Some("agency")),
            // An office holder by a role noun alone refers back the same way.
            ("the spokesperson", Some("spokesperson")),
            ("The minister", Some("minister")),
            ("the Ministry of Defence", None),
            ("a source", None),
            ("a spokesperson", None),
            // Role nouns are singular: a plural refers to no one speaker.
            ("the spokesmen", None),
            ("the officials", None),
        ];
        for &(speaker, want) in heads {
            assert_eq!(definite_organ(speaker), want, "{speaker}");
        }
    }

    use super::*;
    use crate::text::segment;

    /// The parties found in `text` with no known mentions: `(name, acronym, type, head)`.
    fn found(text: &str) -> Vec<Unlisted> {
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let out = find(text, &seg, &lower, &[]);
        check_spans(text, &out);
        out
    }

    /// Every span slices the text to the name, the acronym, the head noun or the person's name
    /// (or surname).
    fn check_spans(text: &str, out: &[Unlisted]) {
        let mut all: Vec<Span> = Vec::new();
        for u in out {
            for m in &u.mentions {
                let s = m.span.slice(text);
                match m.form {
                    UnlistedForm::Full => assert_eq!(fold(s), fold(&u.name)),
                    UnlistedForm::Acronym => assert_eq!(Some(s), u.acronym.as_deref()),
                    UnlistedForm::Short => assert_eq!(s, u.head),
                    UnlistedForm::Description => assert!(s.to_lowercase().ends_with(&u.head)),
                    UnlistedForm::Person => {
                        let p = &u.people[m.person.expect("a person mention names its person")];
                        assert!(
                            p.name.ends_with(s),
                            "{s:?} is not (the end of) {:?}",
                            p.name
                        );
                    }
                }
                all.push(m.span);
            }
        }
        all.sort();
        for w in all.windows(2) {
            assert!(!w[0].overlaps(w[1]), "overlapping mentions {w:?}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|u| u.name).collect()
    }

    fn forms(u: &Unlisted, text: &str) -> Vec<(UnlistedForm, String)> {
        u.mentions
            .iter()
            .map(|m| (m.form, m.span.slice(text).to_owned()))
            .collect()
    }

    const BODY: &str = "Fighting continued on Monday.\n";

    #[test]
    fn civil_society_descriptions_are_parties() {
        /// A party found: its name and its mentions as written.
        type Found<'a> = (&'a str, &'a [&'a str]);
        // (text, the parties found)
        let rows: &[(&str, &[Found])] = &[
            // One party per description; a fuller one with the same last modifier is the same.
            (
                "Rights groups accused the army. Human rights groups said so again.",
                &[("rights groups", &["Rights groups", "Human rights groups"])],
            ),
            (
                "Aid agencies and civil society organisations left.",
                &[
                    ("aid agencies", &["Aid agencies"]),
                    (
                        "civil society organisations",
                        &["civil society organisations"],
                    ),
                ],
            ),
            // Fighters, a people and a bare head are no civil-society description.
            ("Armed groups, Kurdish groups and the groups met.", &[]),
            // A verb after "to" or a modal; a modifier in the sentence before.
            ("Iran continues to aid groups such as Hezbollah.", &[]),
            ("The army blocks aid.\nAgencies said so.", &[]),
            // Two descriptions that neither contains are two parties.
            (
                "Press freedom groups and human rights groups protested.",
                &[
                    ("press freedom groups", &["Press freedom groups"]),
                    ("human rights groups", &["human rights groups"]),
                ],
            ),
        ];
        for &(text, want) in rows {
            let out = found(text);
            let got: Vec<(String, Vec<String>)> = out
                .iter()
                .map(|u| {
                    assert_eq!(u.actor_type, ActorType::Organization, "{text}");
                    let spans = forms(u, text);
                    assert!(spans.iter().all(|(f, _)| *f == UnlistedForm::Description));
                    (u.name.clone(), spans.into_iter().map(|(_, s)| s).collect())
                })
                .collect();
            let want: Vec<(String, Vec<String>)> = want
                .iter()
                .map(|(n, ms)| (n.to_string(), ms.iter().map(|m| m.to_string()).collect()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn proper_noun_groups_fire() {
        let cases: &[(&str, &str, ActorType, &str)] = &[
            // After "an", a name that modifies a noun is still a name: the article is the
            // spokesman's.
            (
                "An Arakan Liberation Front spokesman said the town had fallen.",
                "Arakan Liberation Front",
                ArmedGroup,
                "Front",
            ),
            (
                "Fighters of the Karst Liberation Front took the bridge.",
                "Karst Liberation Front",
                ArmedGroup,
                "Front",
            ),
            (
                "Shelling was blamed on the Army of Islam near Douma.",
                "Army of Islam",
                ArmedGroup,
                "Army",
            ),
            (
                "He once fought with the Front for the Liberation of Mozambique in the north.",
                "Front for the Liberation of Mozambique",
                ArmedGroup,
                "Front",
            ),
            (
                "Units of the Popular Mobilization Forces moved in.",
                "Popular Mobilization Forces",
                ArmedGroup,
                "Forces",
            ),
            (
                "The Kurdistan Workers' Party denied it.",
                "Kurdistan Workers' Party",
                Movement,
                "Party",
            ),
            (
                "Leaders of the Justice and Equality Movement met on Friday.",
                "Justice and Equality Movement",
                Movement,
                "Movement",
            ),
            (
                "A statement from the Karst Interior Ministry followed.",
                "Karst Interior Ministry",
                State,
                "Ministry",
            ),
            (
                "“We will not stop,” said the Ahrar al-Shām Movement — again.",
                "Ahrar al-Shām Movement",
                Movement,
                "Movement",
            ),
            (
                "Delegates of the Karst Regional Council arrived.",
                "Karst Regional Council",
                Organization,
                "Council",
            ),
            (
                "Karst Liberation Front fighters took the bridge.",
                "Karst Liberation Front",
                ArmedGroup,
                "Front",
            ),
            // Monitors and rights groups that speak in the news are organisations.
            (
                "On Monday, Human Rights Watch accused the army of abuses.",
                "Human Rights Watch",
                Organization,
                "Watch",
            ),
            (
                "Medics from the Sudan Doctors Network blamed the paramilitary.",
                "Sudan Doctors Network",
                Organization,
                "Network",
            ),
            (
                "Researchers at the Karst Peace Institute counted the dead.",
                "Karst Peace Institute",
                Organization,
                "Institute",
            ),
            (
                "A report by Karst Rights Observatory followed.",
                "Karst Rights Observatory",
                Organization,
                "Observatory",
            ),
            (
                "Delegates of Karst Aid International arrived.",
                "Karst Aid International",
                Organization,
                "International",
            ),
        ];
        for (sentence, name, t, head) in cases {
            let text = format!("{BODY}{sentence}");
            let out = found(&text);
            assert_eq!(out.len(), 1, "{sentence}: {:?}", names(&text));
            assert_eq!(&out[0].name, name, "{sentence}");
            assert_eq!(out[0].actor_type, *t, "{sentence}");
            assert_eq!(&out[0].head, head, "{sentence}");
        }
    }

    #[test]
    fn proper_noun_groups_do_not_fire() {
        for sentence in [
            "The Army said the road was open.",
            "Front-line towns were shelled.",
            "Front lines moved little.",
            "Government Forces advanced on the town.",
            "Popular Front leaders met.",
            "the army and the front moved.",
            "Security officials said the Council would meet.",
            "Washington designated the group a Foreign Terrorist Organization.",
            "Washington designated the group a Foreign Terrorist Organization in March.",
        ] {
            let text = format!("{BODY}{sentence}");
            assert!(names(&text).is_empty(), "{sentence}: {:?}", names(&text));
        }
    }

    #[test]
    fn two_parties_joined_by_and_stay_apart() {
        let text = "Talks between the Karst Liberation Front and the Dinaric People's Army failed.";
        assert_eq!(
            names(text),
            ["Karst Liberation Front", "Dinaric People's Army"]
        );
    }

    #[test]
    fn a_title_case_headline_counts_only_with_the_body() {
        let alone = "Karst Liberation Front Seizes Border Town\nFighting continued on Monday.";
        assert!(names(alone).is_empty());
        let both = "Karst Liberation Front Seizes Border Town\n\
                    Fighters of the Karst Liberation Front took the bridge.";
        let out = found(both);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].mentions.len(),
            2,
            "the headline use is a mention too"
        );
        // A headline in sentence case is prose.
        let sentence_case = "Karst Liberation Front seizes border town\nFighting continued.";
        assert_eq!(names(sentence_case), ["Karst Liberation Front"]);
    }

    #[test]
    fn a_sentence_initial_name_needs_two_more_capitals_or_the_body() {
        let alone = "Fighting continued.\nPopular Front fighters took the bridge.";
        assert!(names(alone).is_empty());
        let text = "Dinaric Front fighters took the bridge. A day later the Dinaric Front fled.";
        assert_eq!(names(text), ["Dinaric Front"]);
        assert_eq!(found(text)[0].mentions.len(), 2);
    }

    #[test]
    fn acronyms_link_to_their_expansion() {
        for text in [
            "The Karst Liberation Front (KLF) took the bridge. KLF fighters held it. The KLF left.",
            "KLF (Karst Liberation Front) took the bridge. KLF fighters held it. The KLF left.",
        ] {
            let out = found(text);
            assert_eq!(out.len(), 1, "{text}");
            let u = &out[0];
            assert_eq!(u.acronym.as_deref(), Some("KLF"));
            let acr = u
                .mentions
                .iter()
                .filter(|m| m.form == UnlistedForm::Acronym)
                .count();
            assert_eq!(acr, 3, "{text}");
        }
        // A recurring all-caps word that is never expanded is not reported.
        assert!(names("Fighting continued. The KLF said so. The KLF left.").is_empty());
        // An acronym that does not start like the name is not linked.
        let out = found("The Karst Liberation Front (AFP) took the bridge.");
        assert_eq!(out[0].acronym, None);
    }

    #[test]
    fn short_forms_need_one_party_with_that_head() {
        let text = "Fighting continued. The Karst Liberation Front took the bridge. \
                    Later the Front withdrew, and the Front said so.";
        let out = found(text);
        assert_eq!(
            forms(&out[0], text),
            [
                (UnlistedForm::Full, "Karst Liberation Front".into()),
                (UnlistedForm::Short, "Front".into()),
                (UnlistedForm::Short, "Front".into()),
            ]
        );
        // Two fronts: "the Front" is ambiguous.
        let two = "Fighting continued. The Karst Liberation Front and the Dinaric Popular Front \
                   met. Later the Front withdrew.";
        let out = found(two);
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|u| u.mentions.len() == 1), "{out:?}");
        // Before the name is given, "the Front" is nobody.
        let before = "Fighting continued. The Front withdrew. The Karst Liberation Front said so.";
        assert_eq!(found(before)[0].mentions.len(), 1);
    }

    #[test]
    fn titled_people() {
        let text = "Fighting continued. Prime Minister Ahmed Karimi spoke on Monday. \
                    Karimi said talks would go on, and Ahmed Karimi left.";
        let out = found(text);
        assert_eq!(out.len(), 1);
        let u = &out[0];
        assert_eq!(u.name, "Ahmed Karimi");
        assert_eq!(u.actor_type, State);
        assert_eq!(u.head, "prime minister");
        assert_eq!(
            u.people,
            [UnlistedPerson {
                name: "Ahmed Karimi".into(),
                title: "prime minister".into()
            }]
        );
        assert_eq!(u.mentions.len(), 3);

        let cases: &[(&str, &str, ActorType)] = &[
            ("Gen. Dragan Vuk inspected the line.", "Dragan Vuk", State),
            (
                "The emir Abu Hafs al-Masri fled.",
                "Abu Hafs al-Masri",
                ArmedGroup,
            ),
            ("Sheikh Hamad Zayid spoke.", "Hamad Zayid", Movement),
            (
                "A spokesman, not named, and commander Jamal Orbek spoke.",
                "Jamal Orbek",
                ArmedGroup,
            ),
            (
                "The Minister Élodie Ferrand–Dubois arrived.",
                "Élodie Ferrand",
                State,
            ),
            ("Sen. Mark Warner objected.", "Mark Warner", Movement),
            (
                "House Majority Leader Steny Hoyer objected.",
                "Steny Hoyer",
                Movement,
            ),
            ("Congresswoman Ana Ruiz objected.", "Ana Ruiz", Movement),
            ("Mayor Ed Murray objected.", "Ed Murray", Organization),
        ];
        for (sentence, name, t) in cases {
            let text = format!("{BODY}{sentence}");
            let out = found(&text);
            assert_eq!(out.len(), 1, "{sentence}: {:?}", names(&text));
            assert_eq!(&out[0].name, name, "{sentence}");
            assert_eq!(out[0].actor_type, *t, "{sentence}");
        }
        for sentence in [
            "The general mood was calm.",
            "Major Western powers objected.",
            "The General Assembly voted.",
            "A minister of state resigned.",
            "The president said so.",
            "The leader of the group said so.",
            "His party leader Ali Reza said so.",
        ] {
            let text = format!("{BODY}{sentence}");
            let people: Vec<_> = found(&text)
                .into_iter()
                .filter(|u| !u.people.is_empty())
                .map(|u| u.name)
                .collect();
            assert!(people.is_empty(), "{sentence}: {people:?}");
        }
    }

    #[test]
    fn a_title_after_a_party_makes_the_person_one_of_its_people() {
        let text = "Fighting continued. The Karst Liberation Front (KLF) took the bridge. \
                    KLF commander Jamal Orbek said the Front’s spokesman Ali Hassan would speak. \
                    Orbek left.";
        let out = found(text);
        assert_eq!(out.len(), 1, "{:?}", names(text));
        let u = &out[0];
        assert_eq!(
            u.people,
            [
                UnlistedPerson {
                    name: "Jamal Orbek".into(),
                    title: "commander".into()
                },
                UnlistedPerson {
                    name: "Ali Hassan".into(),
                    title: "spokesman".into()
                },
            ]
        );
        let people: Vec<_> = u
            .mentions
            .iter()
            .filter(|m| m.form == UnlistedForm::Person)
            .map(|m| (m.span.slice(text), m.person))
            .collect();
        assert_eq!(
            people,
            [
                ("Jamal Orbek", Some(0)),
                ("Ali Hassan", Some(1)),
                ("Orbek", Some(0))
            ]
        );
    }

    #[test]
    fn known_mentions_are_not_reused() {
        let text = "Fighting continued. The Karst Liberation Front took the bridge.";
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let start = text.find("Karst").unwrap();
        let known = [Mention {
            span: Span::new(start, start + "Karst Liberation Front".len()),
            actor: 0,
            form: crate::analysis::mention::Form::Name,
            person: None,
            role: None,
            compound: None,
            near_miss_of: None,
            antecedent: None,
        }];
        assert!(find(text, &seg, &lower, &known).is_empty());
        // A known adjective breaks the run: "Syrian" + "Army" is not a new party.
        let text = "Fighting continued. Then the Syrian Army moved.";
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let start = text.find("Syrian").unwrap();
        let known = [Mention {
            span: Span::new(start, start + 6),
            ..known[0].clone()
        }];
        assert!(find(text, &seg, &lower, &known).is_empty());
        // A titled name that runs into a known surname is not cut short to a new person.
        let text = "Fighting continued. Foreign Minister Abbas Araghchi arrived.";
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let start = text.find("Araghchi").unwrap();
        let known = [Mention {
            span: Span::new(start, start + 8),
            ..known[0].clone()
        }];
        assert!(find(text, &seg, &lower, &known).is_empty());
    }

    #[test]
    fn listed_names_are_dropped() {
        let lex = crate::lexicon::LexiconBuilder::new()
            .text(
                "test",
                "actors:\n  - id: klf\n    name: Karst Liberation Front\n    type: armed_group\n",
            )
            .build()
            .unwrap();
        let text = "Fighting continued. The Karst  Liberation Front took the bridge.";
        assert_eq!(found(text).len(), 1);
        assert!(
            ListedNames::new(&lex)
                .without_listed(found(text))
                .is_empty()
        );
    }

    #[test]
    fn spans_are_bytes_into_the_original_text() {
        // Non-ASCII text before, inside and after the names.
        let text = "Ḥalab — “Qūwāt” report\n\
                    Über die Lage: the Hay’at Karst Liberation Front (HKLF) — «ça va» — and \
                    Commander Ḥasan al-Šāmī spoke; HKLF’s men and the Front left. Al-Šāmī… no, \
                    Šāmī said it.";
        let out = found(text);
        assert_eq!(out.len(), 2, "{:?}", names(text));
        assert_eq!(out[0].name, "Hay’at Karst Liberation Front");
        assert_eq!(out[0].id, "hayat-karst-liberation-front");
        assert_eq!(out[1].name, "Ḥasan al-Šāmī");
        assert_eq!(out[1].id, "ḥasan-al-šāmī");
        assert_eq!(
            forms(&out[0], text),
            [
                (UnlistedForm::Full, "Hay’at Karst Liberation Front".into()),
                (UnlistedForm::Acronym, "HKLF".into()),
                (UnlistedForm::Acronym, "HKLF".into()),
                (UnlistedForm::Short, "Front".into()),
            ]
        );
        assert_eq!(
            forms(&out[1], text),
            [
                (UnlistedForm::Person, "Ḥasan al-Šāmī".into()),
                (UnlistedForm::Person, "Šāmī".into()),
                (UnlistedForm::Person, "Šāmī".into()),
            ]
        );
    }

    #[test]
    fn every_span_slices_its_form_on_varied_text() {
        // check_spans runs inside found(): exercise it on text that mixes every rule.
        let texts = [
            "Karst Rebels Seize Town\nThe Karst Liberation Front (KLF) and the Army of Islam \
             fought; KLF commander Jamal Orbek and Gen. Dragan Vuk met. The Front and Orbek \
             left. Vuk stayed with the Army.",
            "KLF (Karst Liberation Front) — “the Front” — said President Ana Lúcia Ferreira \
             of the Karst Regional Council (KRC) spoke. Ferreira, the KRC and the Council agreed.",
            "",
            "Front",
            "Minister",
            "The Army of",
            "Commander al-",
        ];
        for t in texts {
            found(t);
        }
    }

    /// (name as the article writes it, ids of the listed actors the article names, expected id).
    const RENAMED: &[(&str, &[&str], Option<&str>)] = &[
        // A listed name with its head swapped for a loaded noun, named or not.
        ("Rapid Support Militia", &[], Some("rsf")),
        ("Rapid Support Militia", &["sudan-army"], Some("rsf")),
        // One word before the head names too little.
        ("Support Militia", &[], None),
        // A head that is no loaded term is no renaming ("Rapid Support Council").
        ("Rapid Support Council", &[], None),
        // A shortened name, when the article names one party it may shorten.
        ("Armed Forces", &["sudan-army"], Some("sudan-army")),
        ("Armed Forces", &["ukraine"], Some("ukraine")),
        // Several, or none: it stays a party of its own.
        ("Armed Forces", &["sudan-army", "lebanon"], None),
        ("Armed Forces", &[], None),
    ];

    #[test]
    fn renamed_listed_parties() {
        let lex = Lexicon::bundled().unwrap();
        let listed = ListedNames::new(&lex);
        let index = |id: &str| lex.actors.iter().position(|a| a.id == id).unwrap();
        for (name, named, want) in RENAMED {
            let u = Unlisted {
                id: slug(name),
                name: (*name).to_owned(),
                acronym: None,
                actor_type: ArmedGroup,
                head: name.rsplit(' ').next().unwrap().to_owned(),
                people: Vec::new(),
                mentions: Vec::new(),
                listed: None,
            };
            let here: Vec<usize> = named.iter().map(|id| index(id)).collect();
            let got = listed
                .renamed(&u, &|a| here.contains(&a))
                .map(|(a, _)| lex.actors[a].id.as_str());
            assert_eq!(got, *want, "{name} with {named:?}");
        }
    }

    #[test]
    fn a_renamed_party_is_the_listed_one_in_the_analysis() {
        let an = crate::analysis::Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        let text = "Army advances\n\nThe army repelled an attack by the Rapid Support Militia \
                    near Bara. The Rapid Support Militia fled west.\n";
        let art = an.analyze("t", text);
        assert!(art.parties.is_empty(), "{:?}", art.parties);
        // Nor is it an actor to suggest adding.
        assert!(an.unlisted(text).is_empty(), "{:?}", an.unlisted(text));
        let m = art
            .mentions
            .iter()
            .find(|m| m.text == "Rapid Support Militia")
            .unwrap();
        assert_eq!(
            (m.actor.as_str(), m.near_miss_of.as_deref()),
            ("rsf", Some("Rapid Support Forces"))
        );
    }

    #[test]
    fn a_name_whose_bracketed_acronym_is_listed_is_that_party() {
        let an = crate::analysis::Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        // (text, the name, the actor its mentions take; None: a party of its own)
        let rows: &[(&str, &str, Option<&str>)] = &[
            // The lexicon writes "Islamic Revolutionary Guard Corps"; the brackets say it is one.
            (
                "A commander of the Islamic Revolution Guards Corps (IRGC) spoke. The Islamic \
                 Revolution Guards Corps fired missiles.",
                "Islamic Revolution Guards Corps",
                Some("irgc"),
            ),
            // An acronym that does not start like the name restates nothing.
            (
                "The Karst Liberation Front (IRGC) spoke. The Karst Liberation Front fled.",
                "Karst Liberation Front",
                None,
            ),
            // An acronym two parties share: half the name's words must be the listed name's.
            (
                "The Japan Self-Defense Forces (SDF) spoke. The Japan Self-Defense Forces \
                 landed.",
                "Japan Self-Defense Forces",
                None,
            ),
            // An acronym no lexicon lists: a party of its own, as before.
            (
                "The Karst Liberation Front (KLF) spoke. The Karst Liberation Front fled.",
                "Karst Liberation Front",
                None,
            ),
        ];
        for &(body, name, want) in rows {
            let text = format!("Headline\n\n{body}\n");
            let art = an.analyze("t", &text);
            let ms: Vec<_> = art.mentions.iter().filter(|m| m.text == name).collect();
            assert_eq!(ms.len(), 2, "{body}: {:?}", art.mentions);
            for m in ms {
                match want {
                    Some(id) => {
                        assert_eq!(m.actor, id, "{body}");
                        assert_eq!(m.near_miss_of.as_deref(), Some("IRGC"), "{body}");
                    }
                    None => assert!(
                        art.parties.iter().any(|p| p.id == m.actor),
                        "{body}: {:?}",
                        m
                    ),
                }
            }
            if want.is_some() {
                assert!(art.parties.is_empty(), "{body}: {:?}", art.parties);
                assert!(an.unlisted(&text).is_empty(), "{body}");
            }
        }
    }

    #[test]
    fn a_titled_person_the_text_places_in_a_listed_party_is_one_of_its_people() {
        let an = crate::analysis::Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        // (text, the later bare surname, the actor it is a person of; None: no mention)
        let rows: &[(&str, &str, Option<&str>)] = &[
            // An apposition before the title, to a listed name or to a shortened one.
            (
                "The spokesman of the Libyan National Army, Major General Ahmed Zwai, spoke. \
                 Later Zwai said more.",
                "Zwai",
                Some("lna"),
            ),
            (
                "The General Command of the Libyan Arab Armed Forces met. The spokesman of the \
                 General Command, Major General Faraj al-Mabrouk, spoke. Later al-Mabrouk said more.",
                "Mabrouk",
                Some("lna"),
            ),
            // An apposition after the name.
            (
                "Major General Ahmed Zwai, a spokesman for the Libyan National Army, spoke. \
                 Later Zwai said more.",
                "Zwai",
                Some("lna"),
            ),
            // The party right before the title.
            (
                "LNA spokesman Major General Ahmed Zwai spoke. Later Zwai said more.",
                "Zwai",
                Some("lna"),
            ),
            // A party beside the name in another role places no one.
            (
                "In Libya, Major General Ahmed Zwai spoke. Later Zwai said more.",
                "Zwai",
                None,
            ),
            // A party at the end of the sentence before (here a paragraph of its own).
            (
                "Strikes on the Libyan National Army\n\nMajor General Ahmed Zwai said the talks \
                 failed. Later Zwai said more.",
                "Zwai",
                None,
            ),
            (
                "Talks with the Libyan National Army, Major General Ahmed Zwai said, failed. \
                 Later Zwai said more.",
                "Zwai",
                None,
            ),
        ];
        for &(body, surname, want) in rows {
            let text = format!("Headline\n\n{body}\n");
            let art = an.analyze("t", &text);
            let got = art
                .mentions
                .iter()
                .rev()
                .find(|m| m.text.ends_with(surname))
                .filter(|m| m.form == crate::analysis::mention::Form::Person)
                .map(|m| m.actor.as_str());
            assert_eq!(got, want, "{body}");
            // A person placed in a listed party is no actor to suggest.
            if want.is_some() {
                assert!(
                    an.unlisted(&text).iter().all(|u| !u.name.contains(surname)),
                    "{body}"
                );
            }
        }
    }
}
