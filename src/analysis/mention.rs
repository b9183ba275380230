//! A mention: one place where an article names a party, and how ([`Form`], [`Role`]). Finding
//! mentions is `super::actors`'s work; this module only defines what one is, so that the
//! modules reading mentions (heads, unlisted names, voice) need not depend on the finder.

use serde::Serialize;

use crate::text::Span;

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A name or alias of the actor ("Hayat Tahrir al-Sham", "HTS").
    Name,
    /// An adjective for the actor ("Turkish"): one the lexicon lists, or one derived from a
    /// state's name.
    Adjective,
    /// The noun for a state's people ("Iranians", "Israelis"): it names the state as a
    /// population, which suffers acts as often as it does them.
    People,
    /// One of the actor's people, by name, alias or surname ("Hakan Fidan", "Fidan").
    Person,
    /// A third-person singular pronoun (he, his, she, her) standing for a person named before.
    Pronoun,
    /// A definite description by a person's title ("the president" after "President Donald
    /// Trump"), standing for that person (see `crate::analysis::titles::title_mentions`).
    Title,
}

/// The role a compound gives the named actor: "U.S.-backed" makes the US the backer of the
/// thing described, not the thing itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// -backed, -sponsored, -funded, -armed, -supported, -aligned, -allied
    Backer,
    /// -led
    Leader,
    /// -designated, -listed
    Designator,
    /// -held, -controlled, -run, -ruled, -occupied, -administered
    Controller,
}

/// One place where the article names an actor.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    /// Byte span of the mention in the article.
    pub span: Span,
    /// Index into [`crate::lexicon::Lexicon::actors`].
    pub actor: usize,
    /// How the mention names the actor.
    pub form: Form,
    /// The person named, when the form is a person.
    pub person: Option<String>,
    /// The role a compound gives the actor ("U.S.-backed": backer), when the mention is in one.
    pub role: Option<Role>,
    /// Span of the whole compound ("U.S.-designated"), when there is one.
    pub compound: Option<Span>,
    /// Set when the name was resolved as a near miss of a listed name: a known person's name
    /// misspelt, or a party's name renamed or shortened (`crate::analysis::unlisted::ListedNames::renamed`).
    pub near_miss_of: Option<String>,
    /// For a pronoun, the mention it stands for, as written.
    pub antecedent: Option<String>,
}

/// Indices of the mentions (sorted by start) that start inside `span`.
pub fn starting_within(mentions: &[Mention], span: Span) -> std::ops::Range<usize> {
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    let hi = mentions.partition_point(|m| m.span.start < span.end);
    lo..hi.max(lo)
}
