//! Lexicons: the loaded terms (label entries) and the parties they describe (actor entries).
//!
//! This module owns the in-memory form of a lexicon, the rules for combining several files
//! (later entries replace earlier ones with the same id), and the defaults bundled into the binary.
//! Reading YAML lives in [`yaml`]; matching forms against text lives in [`crate::matcher`].

pub mod convert;
pub mod edit;
pub mod inspect;
mod layers;
pub mod lint;
pub mod suggest;
pub mod yaml;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// The default lexicon files, compiled into the binary so that it works from any folder.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "conflict-labels.yaml",
        include_str!("../lexicons/conflict-labels.yaml"),
    ),
    (
        "conflict-labels-fr.yaml",
        include_str!("../lexicons/conflict-labels-fr.yaml"),
    ),
    ("actors.yaml", include_str!("../lexicons/actors.yaml")),
];

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

/// What is said of an entry that replaces the entry of the same id at `earlier` (file:line)
/// without saying so; `stances`: the earlier and the later stance, for labels.
pub(crate) fn override_message(
    kind: &str,
    id: &str,
    earlier: &str,
    stances: Option<(i8, i8)>,
) -> String {
    let change = match stances {
        Some((was, now)) if was != now => format!(" (stance {was} -> {now})"),
        _ => String::new(),
    };
    format!(
        "{kind} `{id}` replaces the {kind} `{id}` of {earlier}{change}; write `overrides: true` in the entry if that is meant"
    )
}

/// How the path of a bundled file begins (`bundled:actors.yaml`).
pub const BUNDLED_PREFIX: &str = "bundled:";

/// A lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read at all.
    #[error("cannot read lexicon {path}: {reason}")]
    Unreadable { path: String, reason: String },
    /// The file was read but has problems; every one found is listed.
    #[error("{}", render_all(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Problems shown when a lexicon fails to load; `framelens lexicon check` lists them all.
const SHOWN_PROBLEMS: usize = 50;

fn render_all(diags: &[Diagnostic]) -> String {
    let mut out = diags
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    if diags.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "\n... and {} more problems (`framelens lexicon check FILE` lists them all)",
            diags.len() - SHOWN_PROBLEMS
        ));
    }
    out
}

impl LexiconError {
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            LexiconError::Unreadable { path, reason } => {
                vec![Diagnostic::file_level(
                    path,
                    format!("cannot read the file: {reason}"),
                )]
            }
            LexiconError::Invalid(d) => d.clone(),
        }
    }
}

/// Collects lexicon files in order, then validates the combination.
#[derive(Default)]
pub struct LexiconBuilder {
    parsed: Vec<yaml::ParsedFile>,
    problems: Vec<Diagnostic>,
    /// Undeclared overrides are problems, not warnings (for `lexicon check`).
    strict_overrides: bool,
}

impl LexiconBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes an entry that replaces an earlier entry of the same id without `overrides: true` a
    /// problem that stops the build, as `lexicon check` reports it; by default it is recorded
    /// in [`Lexicon::overrides`] and the later entry is used.
    pub fn strict_overrides(mut self) -> Self {
        self.strict_overrides = true;
        self
    }

    /// Adds the lexicons bundled with framelens.
    pub fn bundled(mut self) -> Self {
        for (name, text) in BUNDLED {
            self.add_text(&format!("{BUNDLED_PREFIX}{name}"), text);
        }
        self
    }

    /// Adds a lexicon file from disk (at most [`crate::budget::LEXICON_BYTES`]).
    pub fn file(self, path: &Path) -> Result<Self, LexiconError> {
        self.file_within(
            path,
            &crate::budget::Budget::new(crate::budget::LEXICON_BYTES),
        )
    }

    /// Adds a lexicon file from disk, read within `budget` (a FIFO waits for its writer at
    /// most `budget.open_wait`).
    pub fn file_within(
        mut self,
        path: &Path,
        budget: &crate::budget::Budget,
    ) -> Result<Self, LexiconError> {
        let shown = path.display().to_string();
        let bytes = budget
            .read_path(path)
            .map_err(|e| LexiconError::Unreadable {
                path: shown.clone(),
                reason: match e {
                    crate::budget::ReadFailure::Io(e) => io_reason(&e),
                    e => e.to_string(),
                },
            })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let good = &e.as_bytes()[..at];
                let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                let col = String::from_utf8_lossy(good)
                    .rsplit('\n')
                    .next()
                    .map_or(0, |l| l.chars().count()) as u64
                    + 1;
                self.problems.push(Diagnostic::at(
                    &shown,
                    "",
                    line,
                    col,
                    format!("the file is not valid UTF-8 (byte offset {at})"),
                ));
                return Ok(self);
            }
        };
        // A quanteda-style YAML dictionary is converted on the way in (stance 0 unless its keys
        // say otherwise).
        if convert::looks_like_quanteda(&text)
            && let Ok(c) = convert::import(&shown, &text, convert::Foreign::Quanteda)
        {
            self.add_text(&shown, &c.text);
            return Ok(self);
        }
        self.add_text(&shown, &text);
        Ok(self)
    }

    /// Adds a lexicon given as text; `name` is used in messages.
    pub fn text(mut self, name: &str, text: &str) -> Self {
        self.add_text(name, text);
        self
    }

    fn add_text(&mut self, name: &str, text: &str) {
        match yaml::parse(name, text) {
            Ok(p) => self.parsed.push(p),
            Err(mut d) => self.problems.append(&mut d),
        }
    }

    /// Combines the files: later entries replace earlier ones with the same id.
    pub fn build(mut self) -> Result<Lexicon, LexiconError> {
        // A file that writes a bundled file's `lexicon:` name takes that file's place: it is a
        // version of it (an edited copy), not a layer over it. A name taken from the file name
        // (a user's `actors.yaml` without `lexicon:`) does not count.
        let names: Vec<String> = self
            .parsed
            .iter()
            .filter(|p| !p.path.starts_with(BUNDLED_PREFIX) && p.named)
            .map(|p| p.name.clone())
            .collect();
        self.parsed
            .retain(|p| !(p.path.starts_with(BUNDLED_PREFIX) && names.contains(&p.name)));
        let mut problems = self.problems;
        let mut lex = Lexicon::default();
        for p in &self.parsed {
            lex.categories.extend(p.categories.iter().cloned());
        }
        let mut label_at: HashMap<String, usize> = HashMap::new();
        let mut actor_at: HashMap<String, usize> = HashMap::new();
        // Where each id was last defined (file:line), for the overrides.
        let mut placed: HashMap<(&str, String), String> = HashMap::new();
        let mut layers = layers::Layers::default();
        for (file_index, p) in self.parsed.into_iter().enumerate() {
            let first_override = lex.overrides.len();
            lex.overrides.extend(layers.taken_by(&p));
            for (entry, loc) in p.labels {
                if !lex.categories.contains(&entry.category) {
                    problems.push(loc.category(format!(
                        "unknown category `{}`: declare it under `categories:`",
                        entry.category
                    )));
                }
                let id = entry.id.clone();
                if let Some(&i) = label_at.get(&id)
                    && !entry.overrides
                {
                    let earlier = &placed[&("label", id.clone())];
                    let stances = Some((lex.labels[i].stance, entry.stance));
                    let message = override_message("label", &id, earlier, stances);
                    lex.overrides.push(loc.id(message));
                }
                placed.insert(("label", id.clone()), loc.place());
                let entry = LabelEntry {
                    file: file_index,
                    ..entry
                };
                upsert(&mut lex.labels, &mut label_at, id, entry);
            }
            for (entry, loc) in p.actors {
                let id = entry.id.clone();
                if actor_at.contains_key(&id) && !entry.overrides {
                    let earlier = &placed[&("actor", id.clone())];
                    let message = override_message("actor", &id, earlier, None);
                    lex.overrides.push(loc.id(message));
                }
                placed.insert(("actor", id.clone()), loc.place());
                let entry = ActorEntry {
                    file: file_index,
                    ..entry
                };
                upsert(&mut lex.actors, &mut actor_at, id, entry);
            }
            // This file's overrides in the order they were written.
            lex.overrides[first_override..].sort_by_key(|d| (d.line, d.column));
            lex.files.push(SourceFile {
                path: p.path,
                name: p.name,
                version: p.version,
                language: p.language,
                labels: p.label_count,
                actors: p.actor_count,
            });
        }
        for actor in &lex.actors {
            if let Some(p) = &actor.part_of
                && !actor_at.contains_key(p)
            {
                problems.push(Diagnostic::file_level(
                    &lex.files[actor.file].path,
                    format!("actor `{}` is part of unknown actor `{p}`", actor.id),
                ));
            }
            for proxy in &actor.proxies {
                if !actor_at.contains_key(proxy) {
                    problems.push(Diagnostic::file_level(
                        &lex.files[actor.file].path,
                        format!("actor `{}` names unknown proxy actor `{proxy}`", actor.id),
                    ));
                }
            }
        }
        if self.strict_overrides {
            problems.append(&mut lex.overrides);
        }
        if problems.is_empty() {
            Ok(lex)
        } else {
            Err(LexiconError::Invalid(problems))
        }
    }
}

/// Adds `entry`, or replaces the earlier entry with the same id in place.
fn upsert<T>(list: &mut Vec<T>, index: &mut HashMap<String, usize>, id: String, entry: T) {
    match index.get(&id) {
        Some(&i) => list[i] = entry,
        None => {
            index.insert(id, list.len());
            list.push(entry);
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

impl Lexicon {
    /// The default lexicons alone.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        LexiconBuilder::new().bundled().build()
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of party a term can describe: `person` alone stands for the kinds a person
    /// leads; beside other types, written before or after them, those types.
    #[test]
    fn a_term_for_a_person_describes_the_parties_people_lead() {
        use ActorType::*;
        let table: [(&str, &[ActorType]); 4] = [
            ("[person]", &[State, ArmedGroup, Movement, Organization]),
            ("[person, state]", &[State]),
            ("[armed_group, person, movement]", &[ArmedGroup, Movement]),
            ("[population]", &[Population]),
        ];
        for (targets, want) in table {
            let src = format!(
                "categories: [a/b]\nlabels:\n  - {{id: t, forms: [tyrant], category: a/b, stance: -2, kind: label, targets: {targets}}}\n"
            );
            let lex = LexiconBuilder::new().text("x.yaml", &src).build().unwrap();
            let e = &lex.labels[0];
            assert_eq!(e.party_types(), want, "{targets}");
            assert_eq!(
                e.allows(Population),
                want.contains(&Population),
                "{targets}"
            );
        }
    }

    /// A file that writes a bundled file's `lexicon:` name takes its place; a file that is only
    /// called like one (`actors.yaml` without `lexicon:`) is a layer over it.
    #[test]
    fn a_bundled_file_is_replaced_only_by_its_written_name() {
        let bundled = Lexicon::bundled().unwrap();
        let one_actor = "actors:\n  - {id: zz-party, name: ZZ Party, type: movement}\n";
        let layered = LexiconBuilder::new()
            .bundled()
            .text("actors.yaml", one_actor)
            .build()
            .unwrap();
        assert_eq!(layered.actors.len(), bundled.actors.len() + 1);
        let replaced = LexiconBuilder::new()
            .bundled()
            .text("mine.yaml", &format!("lexicon: actors\n{one_actor}"))
            .build()
            .unwrap();
        assert_eq!(replaced.actors.len(), 1);
        assert_eq!(replaced.labels.len(), bundled.labels.len());
    }
}
