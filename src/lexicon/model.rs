//! The in-memory form of a lexicon: label entries (the loaded terms), actor entries (the parties
//! they describe), and the [`Lexicon`] that holds every entry of every file, with the lookups the
//! analysis asks of it. Reading YAML ([`super::yaml`]), combining files ([`super::LexiconBuilder`])
//! and the bundled defaults are not here: this module only says what a loaded lexicon is.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// What a label entry names.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A word that names a party: "terrorists", "rebels", "regime".
    Label,
    /// A word for what a party does or is: "terror offensive", "occupation forces", "aggression".
    Act,
    /// A verb of saying that judges the speaker: "claimed", "alleged", "admitted".
    Attribution,
    /// A marker that the next words are someone else's: "so-called", "self-styled".
    Distancing,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Label => "label",
            Kind::Act => "act",
            Kind::Attribution => "attribution",
            Kind::Distancing => "distancing",
        }
    }
}

/// What kind of party an actor is; label entries say which kinds they can describe.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    State,
    ArmedGroup,
    Movement,
    Population,
    Organization,
    /// One individual ("tyrant", "butcher"): a label target only. Actors are parties; a person
    /// is listed under a party's `people`, and a term said of a person describes that party.
    Person,
}

impl ActorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::State => "state",
            ActorType::ArmedGroup => "armed_group",
            ActorType::Movement => "movement",
            ActorType::Population => "population",
            ActorType::Organization => "organization",
            ActorType::Person => "person",
        }
    }
}

/// One loaded term.
#[derive(Clone, Debug, Serialize)]
pub struct LabelEntry {
    pub id: String,
    pub forms: Vec<String>,
    pub regex: Option<String>,
    pub category: String,
    pub stance: i8,
    pub kind: Kind,
    pub targets: Vec<ActorType>,
    pub exclude: Vec<String>,
    /// A condition the sentence must meet for a match to count (`requires: party`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requirement>,
    /// The parties the term is a side's name for, by where it is said (`names:`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Epithet>,
    pub note: Option<String>,
    /// Lint warnings the author has considered and accepted for this entry (`allow: [no-note]`).
    pub allow: Vec<String>,
    /// The entry replaces the entry of the same id in an earlier lexicon on purpose.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overrides: bool,
    /// Index into [`Lexicon::files`] of the file the entry came from.
    pub file: usize,
}

/// A party a term is a side's name for: in an article that names one of `where` (or the party
/// itself), the term names `actor` ("Khawarij" is al-Shabaab in Somali state media and the TTP
/// in Pakistani).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Epithet {
    /// The actor id the term names.
    pub actor: String,
    /// Actor ids: the term names `actor` in an article that names one of them or `actor`
    /// itself.
    #[serde(rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub where_: Vec<String>,
}

/// A condition a sentence must meet for a match of an entry to count.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// The sentence, or the one before it, names a party (or one of its people) of a type the
    /// entry targets: a common word such as "animals" or "violation" is a label only in a
    /// sentence about a party, whose topic the next sentence may keep without naming it.
    Party,
}

impl Requirement {
    pub fn as_str(self) -> &'static str {
        match self {
            Requirement::Party => "party",
        }
    }
}

impl LabelEntry {
    /// An entry with the fields every entry has and nothing more: no forms, regex, targets,
    /// exclusions, requirement, `names`, note or accepted warnings, and in no file yet (`file`
    /// is 0 until a lexicon places it). The other fields are given with struct update syntax.
    pub fn new(
        id: impl Into<String>,
        category: impl Into<String>,
        stance: i8,
        kind: Kind,
    ) -> LabelEntry {
        LabelEntry {
            id: id.into(),
            forms: Vec::new(),
            regex: None,
            category: category.into(),
            stance,
            kind,
            targets: Vec::new(),
            exclude: Vec::new(),
            requires: None,
            names: Vec::new(),
            note: None,
            allow: Vec::new(),
            overrides: false,
            file: 0,
        }
    }

    /// Whether the entry's stance is the attitude of whoever uses it. It is not for a euphemism
    /// (category `sanitizing/...`): "neutralised" or "filtration camps" is positive in the
    /// doer's own words, and an opponent who takes up the common name of the act does not
    /// thereby approve of it.
    pub fn stance_is_the_users(&self) -> bool {
        self.category.split('/').next() != Some("sanitizing")
    }

    /// Whether the entry can describe an actor of type `t` (an empty target list allows any):
    /// `t` is among [`LabelEntry::party_types`].
    pub fn allows(&self, t: ActorType) -> bool {
        self.targets.is_empty() || self.party_types().contains(&t)
    }

    /// The kinds of party the entry can describe. A term said of a person describes the party
    /// the person leads or speaks for: `person` alone stands for every kind a person can lead
    /// (all but a population); beside other types, those types say which.
    pub fn party_types(&self) -> &[ActorType] {
        const LED_BY_PEOPLE: &[ActorType] = &[
            ActorType::State,
            ActorType::ArmedGroup,
            ActorType::Movement,
            ActorType::Organization,
        ];
        // `person` is read last (see the parser), so the other types are one slice.
        match self.targets.as_slice() {
            [ActorType::Person] => LED_BY_PEOPLE,
            [rest @ .., ActorType::Person] => rest,
            t => t,
        }
    }
}

/// A person who speaks or acts for an actor.
#[derive(Clone, Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
}

/// One party: a state, an armed group, a movement...
#[derive(Clone, Debug, Serialize)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub people: Vec<Person>,
    pub proxies: Vec<String>,
    /// For a person listed as an actor of their own: the id of the party they belong to, which
    /// "his government", "the Trump administration" refer to.
    pub part_of: Option<String>,
    /// Lint warnings the author has considered and accepted for this entry.
    pub allow: Vec<String>,
    /// The entry replaces the entry of the same id in an earlier lexicon on purpose.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overrides: bool,
    pub file: usize,
}

/// A lexicon file that contributed to the loaded lexicon.
#[derive(Clone, Debug, Serialize)]
pub struct SourceFile {
    /// Path as given, or `bundled:NAME`.
    pub path: String,
    /// The file's `lexicon:` name (its file stem when absent).
    pub name: String,
    pub version: Option<String>,
    /// ISO 639-3 code of the language the file's forms are written in.
    pub language: &'static str,
    pub labels: usize,
    pub actors: usize,
}

/// Every entry from every file, combined.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Lexicon {
    pub files: Vec<SourceFile>,
    pub labels: Vec<LabelEntry>,
    pub actors: Vec<ActorEntry>,
    pub categories: BTreeSet<String>,
    /// Entries that replaced an entry of the same id in an earlier file without saying so
    /// (`overrides: true`), located at the later entry's id: a run warns about each.
    #[serde(skip)]
    pub overrides: Vec<Diagnostic>,
}

impl Lexicon {
    pub fn actor(&self, id: &str) -> Option<&ActorEntry> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The side actor `a` (an index into `actors`) is on: the actor it is `part_of`, else itself
    /// (also for an index past the listed actors: a party of one article).
    pub fn side(&self, a: usize) -> usize {
        self.actors
            .get(a)
            .and_then(|x| x.part_of.as_deref())
            .and_then(|id| self.actors.iter().position(|y| y.id == id))
            .unwrap_or(a)
    }

    /// Whether actors `a` and `b` are one party or one is `part_of` the other (a person listed
    /// as an actor and the state they belong to). Two people of one state are not: they may be
    /// rivals.
    pub fn one_party(&self, a: usize, b: usize) -> bool {
        a == b || self.side(a) == b || self.side(b) == a
    }

    pub fn label(&self, id: &str) -> Option<&LabelEntry> {
        self.labels.iter().find(|l| l.id == id)
    }
}
