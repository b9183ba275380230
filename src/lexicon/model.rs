//! The in-memory form of a lexicon: label entries (the loaded terms), actor entries (the parties
//! they describe), and the [`Lexicon`] that holds every entry of every file, with the lookups the
//! analysis asks of it. Reading YAML (`super::yaml`), combining files ([`super::LexiconBuilder`])
//! and the bundled defaults are not here: this module only says what a loaded lexicon is.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

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
    /// Every kind, in the order the lexicon format lists them.
    pub const ALL: [Kind; 4] = [Kind::Label, Kind::Act, Kind::Attribution, Kind::Distancing];

    /// The name written in a lexicon's `kind:`: `label`, `act`, `attribution`, `distancing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Label => "label",
            Kind::Act => "act",
            Kind::Attribution => "attribution",
            Kind::Distancing => "distancing",
        }
    }

    /// Whether terms of this kind count in the stance of the actors they describe: every kind
    /// but `attribution` (a verb such as "claimed" casts doubt on a speaker's words, and is
    /// reported beside the stance). The one definition every output follows; see
    /// `Hit::counts_in_stance`.
    pub fn counts_in_stance(self) -> bool {
        self != Kind::Attribution
    }
}

/// What kind of party an actor is; label entries say which kinds they can describe.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// A state, its government or an organ of it: Turkey, the Syrian government, the IRGC.
    State,
    /// An armed group: Hayat Tahrir al-Sham, the Syrian Democratic Forces, Islamic State.
    ArmedGroup,
    /// A political movement, party or opposition: Fatah, the Syrian opposition.
    Movement,
    /// A people or a part of one: Kurds, Alawites, Israeli settlers.
    Population,
    /// An organisation: the United Nations, NATO, the Syrian Observatory for Human Rights.
    Organization,
    /// One individual ("tyrant", "butcher"): a label target only. Actors are parties; a person
    /// is listed under a party's `people`, and a term said of a person describes that party.
    Person,
}

impl ActorType {
    /// Every actor type, in the order the lexicon format lists them.
    pub const ALL: [ActorType; 6] = [
        ActorType::State,
        ActorType::ArmedGroup,
        ActorType::Movement,
        ActorType::Population,
        ActorType::Organization,
        ActorType::Person,
    ];

    /// The name written in `type:` and `targets:`: `state`, `armed_group`, `movement`,
    /// `population`, `organization`, `person`.
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
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LabelEntry {
    /// Unique key among label entries; a later file's entry with the same id replaces this one.
    pub id: String,
    /// Words or phrases, matched ignoring case as whole words; a trailing `*` on the last word
    /// matches any ending.
    pub forms: Vec<String>,
    /// A regular expression, case-insensitive, run over the normalised text (case kept) one
    /// paragraph at a time; `None` when not given.
    pub regex: Option<String>,
    /// The '/'-separated category path, e.g. `delegitimizing/terrorism`.
    pub category: String,
    /// How the term casts the party it describes: -2 strongly delegitimizing ... +2 strongly
    /// legitimizing.
    pub stance: i8,
    /// What the term is: a label, an act, a verb of attribution or a distancing marker.
    pub kind: Kind,
    /// Actor types the term can describe, `person` last (empty: any); see
    /// [`LabelEntry::party_types`].
    pub targets: Vec<ActorType>,
    /// Phrases, written like forms, inside which a match of this entry does not count.
    pub exclude: Vec<String>,
    /// A condition the sentence must meet for a match to count (`requires: party`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requirement>,
    /// The parties the term is a side's name for, by where it is said (`names:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Epithet>,
    /// Why the entry has its stance (which newsroom rule); `None` when not given.
    pub note: Option<String>,
    /// Lint warnings the author has considered and accepted for this entry (`allow: [no-note]`).
    pub allow: Vec<String>,
    /// The entry replaces the entry of the same id in an earlier lexicon on purpose.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overrides: bool,
    /// Index into [`Lexicon::files`] of the file the entry came from.
    pub file: usize,
}

/// A party a term is a side's name for: in an article that names one of `where` (or the party
/// itself), the term names `actor` ("Khawarij" is al-Shabaab in Somali state media and the TTP
/// in Pakistani).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Epithet {
    /// The actor id the term names.
    pub actor: String,
    /// Actor ids: the term names `actor` in an article that names one of them or `actor`
    /// itself.
    #[serde(rename = "where", default, skip_serializing_if = "Vec::is_empty")]
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
    /// The value written in `requires:`: `party`.
    pub fn as_str(self) -> &'static str {
        match self {
            Requirement::Party => "party",
        }
    }
}

impl LabelEntry {
    /// The words a report shows for the entry: its first form with the glob marks (`*`, `?`)
    /// dropped ("terror offensive", "terrorist" for `terrorist*`), or, for an entry with a
    /// regular expression and no form, its id with `-` and `_` read as spaces.
    pub fn words(&self) -> String {
        match self.forms.first() {
            Some(f) => f.replace(['*', '?'], "").trim().to_owned(),
            None => self.id.replace(['-', '_'], " "),
        }
    }

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
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Person {
    /// Full name, also matched; its last word (without `al-`) matches as a surname.
    pub name: String,
    /// Other names the person is matched by.
    pub aliases: Vec<String>,
    /// What the person is to the party, as written (`leader`); not used in matching. `None`
    /// when not given.
    pub role: Option<String>,
}

/// One party: a state, an armed group, a movement...
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ActorEntry {
    /// Unique key among actor entries, by which `proxies`, `part_of` and label `names` refer to
    /// the actor.
    pub id: String,
    /// Display name, also matched.
    pub name: String,
    /// What kind of party the actor is (`type:`); never `Person`, which the loader refuses.
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    /// Other names; one without lower-case letters (HTS, US) matches with exact case, the
    /// others ignoring case.
    pub aliases: Vec<String>,
    /// Adjectival forms (Turkish); compounds such as Turkish-backed are recognised from them.
    pub adjectives: Vec<String>,
    /// People who speak or act for the actor.
    pub people: Vec<Person>,
    /// Ids of the actors this one backs.
    pub proxies: Vec<String>,
    /// For a person listed as an actor of their own: the id of the party they belong to, which
    /// "his government", "the Trump administration" refer to.
    pub part_of: Option<String>,
    /// Lint warnings the author has considered and accepted for this entry.
    pub allow: Vec<String>,
    /// The entry replaces the entry of the same id in an earlier lexicon on purpose.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overrides: bool,
    /// Index into [`Lexicon::files`] of the file the entry came from.
    pub file: usize,
}

/// A lexicon file that contributed to the loaded lexicon.
#[derive(Clone, Debug, Serialize)]
pub struct SourceFile {
    /// Path as given, or `bundled:NAME`.
    pub path: String,
    /// The file's `lexicon:` name (its file stem when absent).
    pub name: String,
    /// The file's `version:` as text (a bare number as its decimal text: `2026.10` gives
    /// `2026.1`); `None` when absent.
    pub version: Option<String>,
    /// ISO 639-3 code of the language the file's forms are written in.
    pub language: &'static str,
    /// Number of label entries in the file, also those a later file replaces.
    pub labels: usize,
    /// Number of actor entries in the file, also those a later file replaces.
    pub actors: usize,
}

/// Every entry from every file, combined.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Lexicon {
    /// The files combined, in the order they were added; an entry's `file` indexes this list.
    pub files: Vec<SourceFile>,
    /// Every label entry; an entry that replaces one of the same id takes that one's place.
    pub labels: Vec<LabelEntry>,
    /// Every actor entry; an entry that replaces one of the same id takes that one's place.
    pub actors: Vec<ActorEntry>,
    /// Every category path any of the files declares.
    pub categories: BTreeSet<String>,
    /// Entries that replaced an entry of the same id in an earlier file without saying so
    /// (`overrides: true`), located at the later entry's id: a run warns about each.
    #[serde(skip)]
    pub overrides: Vec<Diagnostic>,
}

impl Lexicon {
    /// The actor entry with id `id`, if any.
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

    /// The label entry with id `id`, if any.
    pub fn label(&self, id: &str) -> Option<&LabelEntry> {
        self.labels.iter().find(|l| l.id == id)
    }
}
