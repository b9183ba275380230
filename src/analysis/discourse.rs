//! Discourse: the parties of an article, how salient each one is at every point of it, and the
//! party a term resolves to when nothing in its own phrase or clause names one.
//!
//! The model follows the salience tradition of Lappin & Leass (1994) and centering theory: every
//! expression that refers to a party (a name, an adjective, one of its people, a pronoun, or a
//! term already tied to it by a local rule) adds points to that party. Points depend on where the
//! expression stands and what it is ([`WEIGHTS`]); they halve every [`HALF_LIFE`] sentences, so
//! the party most recently in focus leads. A share of every expression's points never decays
//! ([`TOPIC_SHARE`]): that is the article's topic, so that the group named in the headline still
//! wins "the rebels" twenty sentences later when nobody else has been named since.
//!
//! A term resolves to the most salient *compatible* party:
//! - its type is one the lexicon entry `targets`;
//! - a delegitimising term (negative stance) inside a party's own statement does not describe
//!   that party, nor its patron or proxy by the lexicon: "Syria's army said terrorists attacked"
//!   is not about the Syrian government, and Burkina Faso's "criminals" are not the VDP;
//!   and a compatible party the article sets against the speaker (`crate::analysis::opponents`: "the
//!   army struck HTS positions") counts its points [`OPPONENT_FACTOR`] times;
//! - a term of negative stance does not describe a party its voice (the outlet, or the speaker)
//!   sides with by what it says elsewhere in the article, nor one of positive stance a party the
//!   voice is set against (`crate::analysis::alignment`; not for euphemisms, whose stance is the doer's);
//!   and in the outlet's narration a negative description (an entry with targets, a party
//!   noun, or an act) goes first to a party the outlet is set against, as praise goes to the
//!   side a voice takes;
//! - a party named only as a place ("in northern Syria") is no referent, and one named as a
//!   backer or designator ("Turkish-backed", "U.S.-designated") counts for little;
//! - an act with no `targets` (it may be anyone's) resolves only to a clear leader; a label with
//!   none is a referring expression of its own and takes the most salient party.
//!
//! A party's own words may cast its adversary as what it is not: the rebels' "Islamist militias"
//! for an army. So a negative label in a party's statement that no party of its types can take
//! goes to the party the article sets against the speaker, whatever its type, when that party is
//! the only one (with two, the words may be about either), and the label has no of-complement
//! that says whose it is ("the mercenaries of the aggression").
//!
//! When no compatible party is in the article, a label that describes parties gets an *unnamed
//! party*: a first-class actor with a stable id within the article (`unnamed-1`, ...), a type,
//! and a description taken from the text. Terms whose targets overlap share one unnamed party.
//!
//! Every resolution records the candidates it weighed, with their points, so `--explain` shows
//! why the winner won. What it does not do: parse syntax (subjects are approximated by position),
//! use gender or number (collective parties take singular and plural words alike), or know of
//! adversaries the article does not set against each other in its own sentences.

use serde::Serialize;

use crate::analysis::alignment::Leaning;
use crate::analysis::heads::{self, Head, Referent};
use crate::analysis::mention::{Form, Mention, Role};
use crate::lexicon::{ActorType, Kind, LabelEntry, Lexicon};
use crate::text::token_range;
use crate::text::{LowerTokens, Segmented, Span};

/// Where a party that the lexicon does not list comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Named in the text (a proper-noun group, an acronym, a titled person), but in no lexicon.
    Unlisted,
    /// Never named: known only by the terms that describe it.
    Unnamed,
}

/// A party of one article that the lexicon does not list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Party {
    /// Stable within the article (`unnamed-1`) or derived from the name (`karst-liberation-front`).
    pub id: String,
    /// The name as first written in the text; for an unnamed party, `unnamed party N ('term')`.
    pub name: String,
    /// The kind of party: from the head noun or title of its name, else the first of `types`.
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    /// Whether the text names the party or only describes it.
    pub origin: Origin,
    /// What the text says of it: the first phrase that describes it.
    pub description: String,
    /// Set when a story-level reading tied the party to one named in another article.
    pub inferred_from: Option<String>,
    /// The types every term of an unnamed party allows (its `type` is the first of them).
    #[serde(skip)]
    pub types: Vec<ActorType>,
}

impl Party {
    /// The party as a lexicon actor entry, so that reports name it like any other actor.
    pub fn as_actor(&self) -> crate::lexicon::ActorEntry {
        crate::lexicon::ActorEntry {
            overrides: false,
            id: self.id.clone(),
            name: match self.origin {
                Origin::Unnamed => self.name.clone(),
                Origin::Unlisted => format!("{} (not in the lexicon)", self.name),
            },
            actor_type: self.actor_type,
            aliases: Vec::new(),
            adjectives: Vec::new(),
            people: Vec::new(),
            proxies: Vec::new(),
            part_of: None,
            allow: Vec::new(),
            // From no lexicon file: nothing looks a reported actor's file up.
            file: usize::MAX,
        }
    }
}

/// The lexicon with the parties of `parties` that it does not list added as actors: what reports
/// name actors from.
pub fn with_parties<'p>(lex: &Lexicon, parties: impl IntoIterator<Item = &'p Party>) -> Lexicon {
    let mut out = lex.clone();
    for p in parties {
        if out.actor(&p.id).is_none() {
            out.actors.push(p.as_actor());
        }
    }
    out
}

/// The actors of an article: the lexicon's, then the article's own parties. An actor index below
/// `lexicon.actors.len()` is a lexicon actor; the others are parties in order.
pub struct Cast<'a> {
    /// The lexicon, whose actors come first.
    pub lex: &'a Lexicon,
    /// The article's own parties, at actor indices from `lex.actors.len()` on.
    pub parties: Vec<Party>,
}

impl Cast<'_> {
    /// The type of actor `a`.
    pub fn actor_type(&self, a: usize) -> ActorType {
        match self.lex.actors.get(a) {
            Some(x) => x.actor_type,
            None => self.parties[a - self.lex.actors.len()].actor_type,
        }
    }
    /// The name of actor `a`.
    pub fn name(&self, a: usize) -> &str {
        match self.lex.actors.get(a) {
            Some(x) => &x.name,
            None => &self.parties[a - self.lex.actors.len()].name,
        }
    }
    /// What a head noun can tell of party `a` (see `crate::analysis::heads`).
    pub fn referent(&self, a: usize) -> Referent {
        Referent::of(self.lex.actors.get(a), self.actor_type(a))
    }
    /// The id of actor `a`.
    pub fn id(&self, a: usize) -> &str {
        match self.lex.actors.get(a) {
            Some(x) => &x.id,
            None => &self.parties[a - self.lex.actors.len()].id,
        }
    }
    /// The number of actors: the lexicon's actors and the article's own parties.
    pub fn len(&self) -> usize {
        self.lex.actors.len() + self.parties.len()
    }
    /// The side party `a` is on: the actor it is `part_of`, else itself.
    pub fn side(&self, a: usize) -> usize {
        self.lex.side(a)
    }
    /// Whether the lexicon lists one of `a` and `b` among the other's `proxies`: a patron and
    /// its proxy are one camp.
    pub fn patron_and_proxy(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.lex.actors.get(a), self.lex.actors.get(b)) else {
            return false;
        };
        x.proxies.contains(&y.id) || y.proxies.contains(&x.id)
    }
    /// The words of party `a`'s name and aliases, as a description is compared with them.
    pub fn names(&self, a: usize) -> impl Iterator<Item = String> + '_ {
        let forms: Vec<&str> = match self.lex.actors.get(a) {
            Some(x) => std::iter::once(x.name.as_str())
                .chain(x.aliases.iter().map(String::as_str))
                .collect(),
            None => vec![self.parties[a - self.lex.actors.len()].name.as_str()],
        };
        forms.into_iter().flat_map(heads::name_words)
    }
}

/// The points an expression adds to its party, by what it is and where it stands.
pub struct Weights {
    /// Any expression that refers to a party.
    pub base: u32,
    /// In the headline.
    pub headline: u32,
    /// In the first paragraph after the headline (the lead).
    pub lead: u32,
    /// At the start of its sentence: the grammatical subject in English news prose.
    pub subject: u32,
}

/// The weights in use; [`Weights`] says what each rewards.
pub const WEIGHTS: Weights = Weights {
    base: 100,
    headline: 100,
    lead: 50,
    subject: 80,
};

/// Points halve every this many sentences.
pub const HALF_LIFE: f64 = 2.0;
/// The share (in percent) of an expression's points that never decays: the article's topic.
pub const TOPIC_SHARE: u32 = 30;
/// Below this many points a party is not a referent at all.
pub const MIN_POINTS: u32 = 25;
/// How many times its points a party counts when the article sets it against the speaker of
/// the delegitimising term being resolved (see `crate::analysis::opponents`).
pub const OPPONENT_FACTOR: u32 = 2;
/// An act with no `targets` resolves only when the leader has this many times (in percent) the
/// runner-up's points.
pub const UNTYPED_LEAD: u32 = 150;

/// Percent of the points an expression keeps, by its form.
fn form_share(form: Form) -> u32 {
    match form {
        Form::Name => 100,
        Form::Person | Form::Title | Form::People => 80,
        Form::Adjective | Form::Pronoun => 50,
    }
}

/// One expression that refers to a party.
#[derive(Clone, Debug)]
struct Reference {
    actor: usize,
    sentence: usize,
    start: usize,
    points: u32,
}

/// A party weighed for a term, with its points at the term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The party's actor id.
    pub actor: String,
    /// Its salience at the term, in points.
    pub points: u32,
    /// Why it could not win, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<&'static str>,
}

/// The salience of every party of an article.
pub struct Salience {
    refs: Vec<Reference>,
    /// Points that never decay, per actor index.
    topic: Vec<u32>,
}

/// What salience needs to know of the article.
pub struct Discourse<'a> {
    /// The article.
    pub text: &'a str,
    /// `text` segmented.
    pub seg: &'a Segmented,
    /// The lowercase form of `seg`'s tokens.
    pub lower: &'a LowerTokens,
    /// The actor mentions, sorted by start.
    pub mentions: &'a [Mention],
    /// For each mention: named as a place ("in Syria") rather than as a party.
    pub place: &'a [bool],
    /// Actor indices from here on are parties no lexicon lists: their mentions come from
    /// capitalisation and head words, a weaker reading than a lexicon name, and feed salience
    /// only as a share of their points ([`UNLISTED_SHARE`]).
    pub first_unlisted: usize,
}

/// Percent of its points a mention of a party no lexicon lists adds to salience.
pub const UNLISTED_SHARE: u32 = 50;

impl Salience {
    /// Salience from the mentions and from the terms already tied to actors (`ties`: sentence,
    /// byte start and actors of each).
    pub fn build(d: &Discourse, actors: usize, ties: &[(usize, usize, Vec<usize>)]) -> Salience {
        let mut refs = Vec::new();
        let lead = lead_paragraph(d.seg);
        for (mi, m) in d.mentions.iter().enumerate() {
            let Some(s) = d.seg.sentence_at(m.span.start) else {
                continue;
            };
            let mut pts = position_points(d, s, lead, m.span);
            pts = pts * form_share(m.form) / 100;
            // A country named as a place ("in northern Syria") is where things happen, not a
            // participant.
            if d.place[mi] {
                continue;
            }
            if matches!(m.role, Some(Role::Backer | Role::Designator)) {
                pts /= 3;
            }
            if m.actor >= d.first_unlisted {
                pts = pts * UNLISTED_SHARE / 100;
            }
            refs.push(Reference {
                actor: m.actor,
                sentence: s,
                start: m.span.start,
                points: pts,
            });
        }
        for (s, start, actors) in ties {
            let span = Span::new(*start, *start);
            let pts = position_points(d, *s, lead, span) * 70 / 100;
            for &a in actors {
                refs.push(Reference {
                    actor: a,
                    sentence: *s,
                    start: *start,
                    points: pts,
                });
            }
        }
        refs.sort_by_key(|r| (r.start, r.actor));
        let mut topic = vec![0u32; actors];
        for r in &refs {
            if let Some(t) = topic.get_mut(r.actor) {
                *t += r.points * TOPIC_SHARE / 100;
            }
        }
        Salience { refs, topic }
    }

    /// The points of every party with any, at byte `at` of sentence `sentence`, highest first
    /// (ties by actor index, so the order is deterministic).
    pub fn at(&self, sentence: usize, at: usize) -> Vec<(usize, u32)> {
        let mut pts: Vec<f64> = self.topic.iter().map(|&t| f64::from(t)).collect();
        for r in self.refs.iter().take_while(|r| r.start < at) {
            let age = sentence.saturating_sub(r.sentence) as f64;
            if let Some(p) = pts.get_mut(r.actor) {
                *p += f64::from(r.points) * 0.5f64.powf(age / HALF_LIFE);
            }
        }
        let mut out: Vec<(usize, u32)> = pts
            .into_iter()
            .enumerate()
            .filter(|&(_, p)| p >= 1.0)
            .map(|(a, p)| (a, p.round() as u32))
            .collect();
        out.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }
}

/// The first body paragraph (after the headline), if any.
fn lead_paragraph(seg: &Segmented) -> Option<usize> {
    seg.paragraphs.iter().find(|p| !p.headline).map(|p| p.index)
}

fn position_points(d: &Discourse, s: usize, lead: Option<usize>, span: Span) -> u32 {
    let sent = &d.seg.sentences[s];
    let para = &d.seg.paragraphs[sent.paragraph];
    let mut pts = WEIGHTS.base;
    if para.headline {
        pts += WEIGHTS.headline;
    } else if lead == Some(para.index) {
        pts += WEIGHTS.lead;
    }
    if starts_sentence(d, s, span) {
        pts += WEIGHTS.subject;
    }
    pts
}

/// Whether only determiners, capitalised words (titles, names) and punctuation stand before
/// `span` in its sentence, after its dateline if it has one: the subject position of a
/// declarative English sentence.
fn starts_sentence(d: &Discourse, s: usize, span: Span) -> bool {
    let sent = d.seg.sentences[s].tokens.clone();
    let from = d.seg.dateline(d.text, s).map_or(sent.start, |r| r.end);
    let first = token_range(d.seg, span).start;
    first >= from
        && (from..first.min(sent.end)).all(|t| {
            let w = d.lower.get(t);
            matches!(
                w,
                "the" | "a" | "an" | "its" | "their" | "," | "’s" | "'s" | "-"
            ) || d.seg.tokens[t]
                .span
                .slice(d.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
}

/// A term as discourse resolution sees it.
pub struct Term<'a> {
    /// The lexicon entry matched.
    pub entry: &'a LabelEntry,
    /// Byte span of the term in the article.
    pub span: Span,
    /// Index of the term's sentence (0-based).
    pub sentence: usize,
    /// The actor whose own statement holds the term, if any.
    pub speaker_actor: Option<usize>,
    /// Whether that actor is the state whose office the speaker's title names, rather than a
    /// party the speaker is named with.
    pub speaker_official: bool,
    /// For a delegitimising term in a party's own statement, the parties the article sets
    /// against that party (see `crate::analysis::opponents`), each with where it says so.
    pub opposed: &'a [(usize, String)],
    /// Actors the term's own phrase names in another role (patron, possessor, opponent, victim).
    pub other_roles: &'a [usize],
    /// Actors the article sets this description against: the object of an attack that a use
    /// of the same entry makes ("bandits ... killed a commander of the Guards"). A description
    /// denotes one referent through an article, so no use of it describes them.
    pub set_against: &'a [usize],
    /// For an act, the parties of the term that names whom it is done to: the act is not theirs.
    pub patient: &'a [usize],
    /// The head noun of a label, which must agree with the party (see `crate::analysis::heads`).
    pub head: Option<&'a Head>,
    /// How many parties a plural label counts ("the two countries"), if it says.
    pub count: Option<usize>,
    /// The state the term's phrase names by its adjective ("Russian mercenaries"), if any.
    pub origin: Option<usize>,
    /// How the term's voice leans on a party, from what it says elsewhere in the article (see
    /// `crate::analysis::alignment`).
    pub leaning: &'a dyn Fn(usize) -> Option<Leaning>,
    /// The term is in the outlet's own narration.
    pub narration: bool,
    /// The term is followed by an owner phrase ("the mercenaries of the aggression"), which
    /// says whose it is.
    pub owner_pp: bool,
}

/// A party a resolution considered: its index, its points, and why it was ruled out (none when
/// it was kept).
pub type Considered = (usize, u32, Option<&'static str>);

/// How a term was resolved from the discourse.
pub struct Resolved {
    /// Actor indices the term resolves to: one party, or as many as a counting phrase says
    /// ("the two countries").
    pub actors: Vec<usize>,
    /// What the resolution saw, for the link's detail (`--explain`).
    pub detail: String,
    /// The parties weighed, with their points and why each was ruled out.
    pub candidates: Vec<Considered>,
    /// The term went to an unnamed party: no compatible party is named.
    pub unnamed: bool,
}

/// Resolves a term with no actor in its own phrase or clause to the most salient compatible
/// party, else to the one adversary of the speaker whose words it is in (whatever its type:
/// see `miscast_adversary`), else to an unnamed party (made in `cast` when needed).
pub fn resolve(
    sal: &Salience,
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
    t: &Term,
    text: &str,
    seg: &Segmented,
) -> Option<Resolved> {
    let e = t.entry;
    if !matches!(e.kind, Kind::Label | Kind::Act) {
        return None;
    }
    let ranked = sal.at(t.sentence, t.span.start);
    // "The two leaders" counts its referents: each of them is one leader, so a person may be
    // one of them though the head is plural.
    let counted = t.count.filter(|&n| n >= 2);
    let member = t.head.filter(|_| counted.is_some()).map(|h| Head {
        plural: false,
        ..h.clone()
    });
    let head = member.as_ref().or(t.head);
    let Weighed {
        candidates,
        mut ok,
        sided_out,
    } = weigh(t, cast, head, &ranked);
    // "The two countries", "both sides": as many parties as the phrase counts.
    if let Some(n) = counted.filter(|_| e.kind == Kind::Label)
        && let Some((top, how)) = counted_set(cast, &ok, n, t, head, text)
    {
        return Some(Resolved {
            actors: top.iter().map(|&(a, _)| a).collect(),
            detail: format!(
                "the {n} most salient compatible parties{how}, as the phrase counts: {}",
                top.iter()
                    .map(|&(a, p)| format!("{} ({p} points)", cast.name(a)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            candidates,
            unnamed: false,
        });
    }
    // Fewer compatible parties than the phrase counts: one of them may take it only if the head,
    // plural as written, agrees with it (no one person is "the two leaders").
    if counted.is_some() {
        ok.retain(|&(a, _)| {
            t.head
                .is_none_or(|h| h.refuses(cast.referent(a), false).is_none())
        });
    }
    let ruled_out = sided_out
        .map(|(a, why)| format!("; not {}: {why}", cast.name(a)))
        .unwrap_or_default();
    let against = weigh_opponents(&mut ok, t.opposed);
    let own_side = origin_party_first(t, &mut ok, cast)
        .or_else(|| speakers_own_forces_first(t, &mut ok, cast, text))
        .or_else(|| own_side_first(t, &mut ok, cast))
        .or_else(|| against_side_first(t, &mut ok, cast))
        .or_else(|| armed_head_first(t, &mut ok, cast, text));
    if let Some(&(a, p)) = ok.first() {
        let runner = ok.get(1).map_or(0, |x| x.1);
        // (A party put first for a reason of its own needs no lead in points.)
        if !e.targets.is_empty()
            || e.kind == Kind::Label
            || own_side.is_some()
            || p * 100 >= runner * UNTYPED_LEAD
        {
            return Some(Resolved {
                actors: vec![a],
                detail: own_side.unwrap_or_else(|| winner_detail(cast.name(a), p, runner, against))
                    + &ruled_out,
                candidates,
                unnamed: false,
            });
        }
        if !e.targets.is_empty() {
            return None;
        }
    }
    // Nothing compatible in focus: a label or act that describes parties gets an unnamed party.
    if e.targets.is_empty() {
        return None;
    }
    if let Some((a, p, why)) = miscast_adversary(t, &ranked, cast) {
        return Some(Resolved {
            actors: vec![a],
            detail: format!(
                "no party of the term's types is in focus, and a party's own words cast its \
                 adversary as what it is not: {} ({p} points; the article sets it against the \
                 speaker: {why})",
                cast.name(a)
            ),
            candidates,
            unnamed: false,
        });
    }
    let a = unnamed_party(cast, unnamed, e, t, text, seg);
    Some(Resolved {
        actors: vec![a],
        detail: format!(
            "no compatible party is named: {} ({}){ruled_out}",
            cast.id(a),
            cast.parties[a - cast.lex.actors.len()].description
        ),
        candidates,
        unnamed: true,
    })
}

/// The candidates a term's resolution weighed, and what it kept.
struct Weighed {
    /// At most six parties in focus, with their points and why each was ruled out (none when
    /// kept); parties of a type the entry does not target are left out.
    candidates: Vec<Considered>,
    /// The parties kept, most salient first, with their points.
    ok: Vec<(usize, u32)>,
    /// The first party the term's voice rules out by its side, and why (for the detail).
    sided_out: Option<(usize, String)>,
}

/// Weighs the parties in focus (`ranked`, most salient first) for term `t` with head `head`.
fn weigh(t: &Term, cast: &Cast, head: Option<&Head>, ranked: &[(usize, u32)]) -> Weighed {
    let mut w = Weighed {
        candidates: Vec::new(),
        ok: Vec::new(),
        sided_out: None,
    };
    for &(a, p) in ranked {
        if w.candidates.len() == 6 {
            break;
        }
        let why = ruled_out_by_speaker(t, cast, a)
            .or_else(|| {
                let (why, evidence) = ruled_out_by_side(t, a)?;
                w.sided_out.get_or_insert((a, evidence));
                Some(why)
            })
            .or_else(|| ruled_out_by_phrase(t, cast, head, a, p));
        match why {
            None => w.ok.push((a, p)),
            // A party of the wrong type is no real rival: it is left out of the record.
            Some(why) if why.starts_with("type") => continue,
            Some(_) => {}
        }
        w.candidates.push((a, p, why));
    }
    w
}

/// Why candidate `a` cannot be what term `t` describes, before the side its voice takes
/// ([`ruled_out_by_side`]) is asked: a type the entry does not target, or, for a delegitimising
/// term, the speaker's own party (by the speaker's title, as named, as a person of the party or
/// its party, or as its patron or proxy).
fn ruled_out_by_speaker(t: &Term, cast: &Cast, a: usize) -> Option<&'static str> {
    let e = t.entry;
    let own_words = e.stance < 0 && t.speaker_actor.is_some();
    if !e.allows(cast.actor_type(a)) {
        Some("type not among the term's targets")
    } else if own_words && t.speaker_actor == Some(a) && t.speaker_official {
        Some("the term is in the statement of an official of this state (by the speaker's title)")
    } else if own_words && t.speaker_actor == Some(a) {
        Some("the term is in this party's own statement")
    } else if own_words && t.speaker_actor.is_some_and(|s| cast.lex.one_party(s, a)) {
        Some(
            "the term is in the statement of a person of this party, or of the party of this person (by the lexicon's part_of)",
        )
    } else if own_words && t.speaker_actor.is_some_and(|s| cast.patron_and_proxy(s, a)) {
        Some("the term is in the statement of this party's patron or proxy (by the lexicon)")
    } else {
        None
    }
}

/// Why candidate `a` (with `p` points) cannot be what term `t` describes, after
/// [`ruled_out_by_speaker`] and [`ruled_out_by_side`]: a head that refuses it, another role in
/// the phrase, the act's patient, the object of the description's attack, too little focus.
fn ruled_out_by_phrase(
    t: &Term,
    cast: &Cast,
    head: Option<&Head>,
    a: usize,
    p: u32,
) -> Option<&'static str> {
    if let Some(w) = head.and_then(|h| h.refuses(cast.referent(a), false)) {
        Some(w)
    } else if t.other_roles.contains(&a) {
        Some(
            "named in another role by the term's phrase (patron, target, opponent, or what its apposition describes)",
        )
    } else if t.patient.contains(&a) {
        Some("whom the act is done to (its patient)")
    } else if t.set_against.contains(&a) {
        Some("the object of an attack by this description elsewhere in the article")
    } else if p < MIN_POINTS {
        Some("too little in focus")
    } else {
        None
    }
}

/// A party's own words may cast its adversary as what it is not: the rebels' "Islamist
/// militias" for an army, a government's "terrorist regime" for a rival state. When no party
/// of the term's types is in focus, a label of negative stance in a party's statement takes the party the article sets against the speaker (`t.opposed`),
/// whatever its type, when the article sets exactly one party against the speaker, that party
/// is in focus ([`MIN_POINTS`]) and is not one person, the term's phrase names no party in
/// another role and the term is neither done to it nor set against it, and no owner phrase
/// follows the term ("the mercenaries of the aggression" says whose they are). Gives the party,
/// its points and where the article sets it against the speaker.
fn miscast_adversary<'t>(
    t: &'t Term,
    ranked: &[(usize, u32)],
    cast: &Cast,
) -> Option<(usize, u32, &'t str)> {
    let e = t.entry;
    if e.kind != Kind::Label || e.stance >= 0 || t.owner_pp {
        return None;
    }
    let speaker = t.speaker_actor?;
    // With two adversaries, the words may be about either.
    let mut all = t.opposed.iter().filter(|o| o.0 != speaker);
    let (one, why) = all.next()?;
    if all.any(|o| o.0 != *one) {
        return None;
    }
    let &(a, p) = ranked.iter().find(|r| r.0 == *one)?;
    let fits = p >= MIN_POINTS
        && !cast.referent(a).person
        && t.other_roles.is_empty()
        && !t.patient.contains(&a)
        && !t.set_against.contains(&a);
    fits.then_some((a, p, why.as_str()))
}

/// Why the side the term's voice takes rules party `a` out (see [`crate::analysis::alignment`]), with the
/// evidence that decides it: a negative term does not describe a party its voice sides with, nor
/// a positive one a party its voice is set against. Not for euphemisms, whose stance is the
/// doer's ([`LabelEntry::stance_is_the_users`]).
fn ruled_out_by_side(t: &Term, a: usize) -> Option<(&'static str, String)> {
    let e = t.entry;
    if !e.stance_is_the_users() {
        return None;
    }
    let l = (t.leaning)(a)?;
    let why = if e.stance < 0 && l.net > 0 {
        "the term is negative, and its voice sides with this party elsewhere in the article"
    } else if e.stance > 0 && l.net < 0 {
        "the term is positive, and its voice is set against this party elsewhere in the article"
    } else {
        return None;
    };
    Some((why, l.why))
}

/// A term that only its doer's side or its friends use goes to a party its voice sides with
/// (see [`crate::analysis::alignment`]), when one is a candidate:
/// - a euphemism in the outlet's own narration ("two terrorists neutralised", "the special
///   military operation") takes up the doer's name for its act, so the doer is on the outlet's
///   side. Not in a speaker's words: a Ukrainian official who speaks of "filtration camps" uses
///   the common name of Russia's act;
/// - a term of praise ("the resistance", "martyrs", "valiant"), in any voice, praises the side
///   that voice takes: the converse of a negative term, which never describes that side.
///
/// Moves the most salient such party first and gives the detail that says why; leaves `ok` as
/// it is when the first is already one, or none is.
fn own_side_first(t: &Term, ok: &mut [(usize, u32)], cast: &Cast) -> Option<String> {
    let euphemism = !t.entry.stance_is_the_users() && t.narration;
    let praise = t.entry.stance_is_the_users() && t.entry.stance > 0;
    if !(euphemism || praise) {
        return None;
    }
    let what = if euphemism {
        "the outlet's own euphemism, for an act of a party on its side"
    } else {
        "a term of praise, for a party its voice sides with"
    };
    leaning_first(t, ok, cast, 1, what)
}

/// The converse of a term of praise, in the outlet's own narration: a negative description
/// goes to a party the outlet is set against by what it says elsewhere in the article (see
/// [`crate::analysis::alignment`]), when one is a candidate. A Ukrainian outlet that calls Russia's
/// troops "occupiers" in its own narration means them by "the invaders" a paragraph on, though
/// Ukraine's defenders are named nearer. Only for a description: an entry with targets, or a
/// head noun that names a party (not a clause the lexicon lists, which may be about anyone).
/// Not in a speaker's words, where the parties the article sets against the speaker already
/// count more ([`OPPONENT_FACTOR`]), and not for euphemisms, whose stance is the doer's.
fn against_side_first(t: &Term, ok: &mut [(usize, u32)], cast: &Cast) -> Option<String> {
    let describes = !t.entry.targets.is_empty() || t.head.is_some();
    if !t.narration || !describes || !t.entry.stance_is_the_users() || t.entry.stance >= 0 {
        return None;
    }
    leaning_first(
        t,
        ok,
        cast,
        -1,
        "a negative term, for a party its voice is set against",
    )
}

/// Moves the most salient candidate whose leaning (by the term's voice) has the sign `sign`
/// first, and gives the detail that says why (`what`); leaves `ok` as it is when the first is
/// already one, or none is.
fn leaning_first(
    t: &Term,
    ok: &mut [(usize, u32)],
    cast: &Cast,
    sign: i32,
    what: &str,
) -> Option<String> {
    let (i, why) = ok.iter().enumerate().find_map(|(i, &(a, _))| {
        (t.leaning)(a)
            .filter(|l| l.net.signum() == sign)
            .map(|l| (i, l.why))
    })?;
    moved_first(ok, i, cast, what, &format!(": {why}"))
}

/// The last word of a term, lower-cased: its head, including one the classes of [`Head`]
/// leave out ("forces").
fn last_word(term: &str) -> Option<String> {
    term.rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Moves candidate `i` of `ok` first, and gives the detail that says so: `what`, then the party
/// with its points and the party it passed with theirs. None when it is first already.
fn put_first(ok: &mut [(usize, u32)], i: usize, cast: &Cast, what: &str) -> Option<String> {
    moved_first(ok, i, cast, what, "")
}

/// [`put_first`], with `why` written after the points of the party passed.
fn moved_first(
    ok: &mut [(usize, u32)],
    i: usize,
    cast: &Cast,
    what: &str,
    why: &str,
) -> Option<String> {
    if i == 0 {
        return None;
    }
    let (passed, passed_points) = ok[0];
    ok[..=i].rotate_right(1);
    let (a, p) = ok[0];
    Some(format!(
        "{what}: {} ({p} points, ahead of {} with {passed_points}{why})",
        cast.name(a),
        cast.name(passed)
    ))
}

/// "Russian mercenaries", "Iranian militias": a state's adjective on a label says whose party
/// it is. The most salient candidate the lexicon ties to that state (its proxy or patron, or a
/// party one with it by `part_of`) goes first, unless the state itself ranks before it (a label
/// the state cannot be leaves the state out of the candidates). "Palestinian fighters" with no party of Palestine's in focus keep the
/// discourse's reading (the adjective says only where they are from).
fn origin_party_first(t: &Term, ok: &mut [(usize, u32)], cast: &Cast) -> Option<String> {
    let s = t.origin?;
    let own = |a: usize| a != s && (cast.patron_and_proxy(s, a) || cast.lex.one_party(s, a));
    let i = ok.iter().position(|&(a, _)| own(a))?;
    if ok[..i].iter().any(|&(a, _)| a == s) {
        return None;
    }
    let what = format!(
        "the phrase names {} by its adjective, and the lexicon makes {} its own",
        cast.name(s),
        cast.name(ok[i].0)
    );
    put_first(ok, i, cast, &what)
}

/// "Security forces", "the troops", "the army" in a state's own words (a phrase that names its
/// party is read by the local rules first, and one with an owner phrase after it is left
/// alone): a speaker who names forces without saying whose means its own (the deixis of "our
/// forces"), so the speaker's state goes first when it is a candidate. Only for a neutral or
/// positive label whose head names forces ([`heads::is_forces_head`]) and that has no owner
/// phrase after it; a delegitimising one is about the other side (see [`resolve`]). It does
/// not apply to a speaker that is no state: a rights group's "security forces" are whoever the
/// article puts in focus.
fn speakers_own_forces_first(
    t: &Term,
    ok: &mut [(usize, u32)],
    cast: &Cast,
    text: &str,
) -> Option<String> {
    let s = t.speaker_actor?;
    if t.entry.kind != Kind::Label
        || t.entry.stance < 0
        || t.owner_pp
        || cast.actor_type(s) != ActorType::State
    {
        return None;
    }
    let head = last_word(t.span.slice(text))?;
    if !heads::is_forces_head(&head) {
        return None;
    }
    let what = "forces named without saying whose, in the words of a state, are its own";
    put_first(ok, ok.iter().position(|&(a, _)| a == s)?, cast, what)
}

/// "Resistance groups", "resistance forces": a head that names fighters ([`heads::is_armed_head`])
/// describes an armed group before a political movement (a government in exile, a party, an
/// opposition council) that shares its cause. When the most salient compatible party is a
/// movement and an armed group is a candidate too, the most salient armed group goes first,
/// with the detail that says why; otherwise `ok` is left as it is.
fn armed_head_first(t: &Term, ok: &mut [(usize, u32)], cast: &Cast, text: &str) -> Option<String> {
    // The term's last word: a head the classes of [`Head`] leave out ("forces") counts too.
    let head = last_word(t.span.slice(text))?;
    let &(first, first_points) = ok.first()?;
    // (Not when the term's voice sides with the movement: `own_side_first` put it first.)
    if !heads::is_armed_head(&head)
        || cast.actor_type(first) != ActorType::Movement
        || (t.leaning)(first).is_some_and(|l| l.net > 0)
    {
        return None;
    }
    let i = ok
        .iter()
        .position(|&(a, _)| cast.actor_type(a) == ActorType::ArmedGroup)?;
    ok[..=i].rotate_right(1);
    let (a, p) = ok[0];
    Some(format!(
        "a head that names fighters ('{head}'), for an armed group before a political \
         movement: {} ({p} points), put before {} ({first_points} points)",
        cast.name(a),
        cast.name(first)
    ))
}

/// How the most salient compatible party won: with `p` points against the runner-up's
/// `runner`, and, when the speaker's opponents counted more, its own points and why.
fn winner_detail(name: &str, p: u32, runner: u32, against: Option<(u32, &str)>) -> String {
    match against {
        Some((raw, why)) => format!(
            "the most salient compatible party once the speaker's opponents count \
             {OPPONENT_FACTOR} times: {name} ({raw} points, counted {p}, next {runner}; the \
             article sets it against the speaker: {why})"
        ),
        None if runner > 0 => {
            format!("the most salient compatible party: {name} ({p} points, next {runner})")
        }
        None => format!("the most salient compatible party: {name} ({p} points)"),
    }
}

/// "Terrorists" in the army's words are most likely those the army fights: a party the article
/// sets against the speaker (`opposed`) counts its points [`OPPONENT_FACTOR`] times, and `ok`
/// is sorted again (stably: equal points keep the order of salience). Gives the winner's own
/// points and where the article opposes it, when the factor changed the winner; otherwise `ok`
/// is left as it was.
fn weigh_opponents<'o>(
    ok: &mut Vec<(usize, u32)>,
    opposed: &'o [(usize, String)],
) -> Option<(u32, &'o str)> {
    if opposed.is_empty() || ok.is_empty() {
        return None;
    }
    let why = |a: usize| opposed.iter().find(|o| o.0 == a).map(|o| o.1.as_str());
    let mut weighed: Vec<(usize, u32)> = ok
        .iter()
        .map(|&(a, p)| {
            (
                a,
                if why(a).is_some() {
                    p * OPPONENT_FACTOR
                } else {
                    p
                },
            )
        })
        .collect();
    weighed.sort_by_key(|x| std::cmp::Reverse(x.1));
    if weighed[0].0 == ok[0].0 {
        return None;
    }
    let winner = weighed[0].0;
    let raw = ok.iter().find(|x| x.0 == winner).map_or(0, |x| x.1);
    *ok = weighed;
    Some((raw, why(winner)?))
}

/// The `n` members of a counted plural ("the two countries", "both sides", "our two nations")
/// among the compatible parties `ok` (most salient first), and how they were chosen. The
/// members are distinct sides: a person and the state they belong to (`part_of`) are one side,
/// which the person stands for when the head names people ("the two leaders") and the state
/// otherwise. A name made plural ("the two Koreas") counts only the parties whose names hold
/// it; "our" in someone's words counts the speaker's side. `None` when fewer sides fit.
fn counted_set(
    cast: &Cast,
    ok: &[(usize, u32)],
    n: usize,
    t: &Term,
    head: Option<&Head>,
    text: &str,
) -> Option<(Vec<(usize, u32)>, &'static str)> {
    let phrase = t.span.slice(text);
    let mut how = "";
    let mut pool: Vec<(usize, u32)> = ok.to_vec();
    if let Some(stem) = heads::proper_plural_stem(phrase) {
        let named: Vec<(usize, u32)> = pool
            .iter()
            .copied()
            .filter(|&(a, _)| cast.names(a).any(|w| w == stem))
            .collect();
        if named.len() >= n {
            pool = named;
            how = " whose names the plural holds";
        }
    }
    // Sides, in order of their most salient member.
    let mut sides: Vec<(usize, u32, Vec<usize>)> = Vec::new();
    for &(a, p) in &pool {
        let side = cast.side(a);
        match sides.iter_mut().find(|s| s.0 == side) {
            Some(s) => s.2.push(a),
            None => sides.push((side, p, vec![a])),
        }
    }
    let first_person = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "our" | "we"));
    if let Some(sp) = t.speaker_actor.filter(|_| first_person)
        && let Some(i) = sides.iter().position(|s| s.0 == cast.side(sp))
        && i >= n
    {
        let s = sides.remove(i);
        sides.insert(0, s);
        how = " (the speaker's among them)";
    }
    if sides.len() < n {
        return None;
    }
    let people = head.is_some_and(|h| h.class == heads::Class::Role);
    let top = sides[..n]
        .iter()
        .map(|(side, p, members)| {
            let person = members.iter().find(|&&m| cast.referent(m).person);
            let rep = match person {
                Some(&m) if people => m,
                _ if members.contains(side) => *side,
                _ => members[0],
            };
            (rep, *p)
        })
        .collect();
    Some((top, how))
}

/// The unnamed party a term describes: an existing one whose types overlap the term's targets,
/// or a new one.
fn unnamed_party(
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
    e: &LabelEntry,
    t: &Term,
    text: &str,
    seg: &Segmented,
) -> usize {
    for (types, a) in unnamed.iter_mut() {
        if types.iter().any(|ty| e.party_types().contains(ty)) {
            types.retain(|ty| e.party_types().contains(ty));
            let p = &mut cast.parties[*a - cast.lex.actors.len()];
            p.types.clone_from(types);
            p.actor_type = types[0];
            return *a;
        }
    }
    let n = unnamed.len() + 1;
    let actor_type = e.party_types()[0];
    let sentence = seg.sentences[t.sentence].span;
    let description = describe(text, sentence, t.span);
    cast.parties.push(Party {
        id: format!("unnamed-{n}"),
        name: format!("unnamed party {n} ('{}')", t.span.slice(text)),
        actor_type,
        origin: Origin::Unnamed,
        description,
        inferred_from: None,
        types: e.party_types().to_vec(),
    });
    let a = cast.len() - 1;
    unnamed.push((e.party_types().to_vec(), a));
    a
}

/// The words of the sentence from the term to the end of its clause, at most twelve words: what
/// the text says the unnamed party is or does ("terrorists attacked police stations in Aleppo").
fn describe(text: &str, sentence: Span, term: Span) -> String {
    let rest = &text[term.start..sentence.end];
    let end = rest
        .char_indices()
        .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '.' | '—' | '–' | '"' | '“' | '”'))
        .map_or(rest.len(), |(i, _)| i);
    let words: Vec<&str> = rest[..end].split_whitespace().take(12).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use crate::analysis::attribution::LinkRule;
    use crate::analysis::{Analyzer, Article};
    use crate::lexicon::Lexicon;
    use std::sync::OnceLock;

    fn analyze(text: &str) -> Article {
        static AN: OnceLock<Analyzer> = OnceLock::new();
        AN.get_or_init(|| Analyzer::new(Lexicon::bundled().unwrap()).unwrap())
            .analyze("t", text)
    }

    /// (article, term as written (its first use), expected rule, expected actors).
    const CASES: &[(&str, &str, LinkRule, &[&str])] = &[
        // A negative description in the outlet's narration goes to the party the outlet has
        // called names in its own voice, though another is more in focus ...
        (
            "Shelling in Kherson\n\nRussian occupiers shelled Kherson on Monday. Ukrainian forces \
             repelled 46 assaults near Pokrovsk. Ukrainian units held the line at Kupiansk, and \
             Ukrainian brigades moved reserves to the front. The invaders suffered heavy losses.\n",
            "invaders",
            LinkRule::Salience,
            &["russia"],
        ),
        // ... and to the party most in focus when the outlet has said nothing of either.
        (
            "Shelling in Kherson\n\nRussian troops shelled Kherson on Monday. Ukrainian forces \
             repelled 46 assaults near Pokrovsk. Ukrainian units held the line at Kupiansk, and \
             Ukrainian brigades moved reserves to the front. The invaders suffered heavy losses.\n",
            "invaders",
            LinkRule::Salience,
            &["ukraine"],
        ),
        // The group the headline names is still the topic many sentences later.
        (
            "Hayat Tahrir al-Sham seizes Aleppo\n\nHayat Tahrir al-Sham fighters entered Aleppo \
             on Friday. Residents stayed indoors. Shops closed early. The city was quiet by \
             evening. Power was cut in several districts. The insurgents then moved south.\n",
            "insurgents",
            LinkRule::Salience,
            &["hts"],
        ),
        // Recency: the party named in the sentence before wins over the headline's.
        (
            "Hayat Tahrir al-Sham seizes Aleppo\n\nThe advance surprised many. In the east, \
             the Syrian Democratic Forces held their lines, and the SDF said it would stay. The \
             militants dug in near Raqqa.\n",
            "militants",
            LinkRule::Salience,
            &["sdf"],
        ),
        // A delegitimising word in a party's own statement is not about that party.
        (
            "Clashes in the north\n\nHamas said on Monday that terrorists had attacked its \
             positions.\n",
            "terrorists",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // A country named only as a place is not a party the term can take.
        (
            "Fighting resumes\n\nThe ceasefire collapsed in Syria on Monday. Militants shelled \
             villages.\n",
            "Militants",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // The outlet praises the VDP and calls JNIM terrorists: its own "militants" are not the
        // VDP, though the VDP is far more in focus (see crate::analysis::alignment).
        (
            "Valiant VDP fighters repel JNIM terrorists near Djibo\n\nThe VDP held the town of \
             Djibo on Sunday, and the VDP lost two men in the fighting. The VDP said the town \
             was calm. The militants fled north after the assault.\n",
            "militants",
            LinkRule::Salience,
            &["jnim"],
        ),
        // When the outlet says nothing loaded of either side, focus decides.
        (
            "VDP fighters repel JNIM near Djibo\n\nThe VDP held the town of \
             Djibo on Sunday, and the VDP lost two men in the fighting. The VDP said the town \
             was calm. The militants fled north after the assault.\n",
            "militants",
            LinkRule::Salience,
            &["vdp"],
        ),
        // A euphemism's stance is the doer's: whoever takes up its name does not approve of the
        // act, so the constraint does not apply to it ("filtration" is Russia's even in the
        // words of a Ukrainian who condemns Russia).
        (
            "Russian troops shell Kharkiv\n\nRussian forces shelled Kharkiv on Monday, and \
             Russia's army pressed north. Russia denied targeting civilians. Ukraine's \
             ombudsman Dmytro Lubinets said Ukraine would never forgive Russian war crimes, and \
             that thousands had passed through filtration camps.\n",
            "filtration camps",
            LinkRule::Salience,
            &["russia"],
        ),
        // A description set against a party in one sentence (the subject of an attack on it)
        // is not that party anywhere in the article, however salient it is.
        (
            "Militants storm villages\n\nSuspected militants have looted shops and killed a \
             commander of the SDF near Raqqa. The SDF said its units would respond. The SDF \
             sent reinforcements. The militants fled east.\n",
            "Militants",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // A speaker named by a military rank and no party is an official of the state most in
        // focus: "the enemy" in his words is not that state, nor its allies (the Wazalendo,
        // backing its army against M23).
        (
            "Army repels M23 near Masisi\n\nThe Armed Forces of the Democratic Republic of the \
             Congo, backed by the Wazalendo, on Sunday repelled an offensive by M23 near Masisi. \
             Congo said the town was calm, and Congo sent reinforcements. \"The enemy was stopped \
             cold,\" Major Jean-Pierre Kasongo said.\n",
            "The enemy",
            LinkRule::Salience,
            &["m23"],
        ),
        // Not: a title that names a former office.
        (
            "Army repels M23 near Masisi\n\nThe Armed Forces of the Democratic Republic of the \
             Congo on Sunday repelled an offensive by M23 near Masisi. Congo said the town was \
             calm, and Congo sent reinforcements. \"The enemy was stopped cold,\" former \
             defence minister Jean-Pierre Kasongo said.\n",
            "The enemy",
            LinkRule::Salience,
            &["drc"],
        ),
        // A euphemism in the outlet's narration is its side's name for its side's act: the
        // outlet says Russian forces "liberated" the village, so its "special military
        // operation" is Russia's, though Ukraine is more in focus.
        (
            "Russian forces liberate village in Donetsk\n\nRussian forces liberated the village \
             of Pishchane on Monday. Ukraine said its troops held other positions, and Ukraine \
             asked for air defence. Ukraine sent reserves. The special military operation has \
             been under way since February 24, 2022.\n",
            "special military operation",
            LinkRule::Salience,
            &["russia"],
        ),
        // Not: when the outlet takes no side, focus decides.
        (
            "Russian forces enter village in Donetsk\n\nRussian forces entered the village of \
             Pishchane on Monday. Ukraine said its troops held other positions, and Ukraine \
             asked for air defence. Ukraine sent reserves. The special military operation has \
             been under way since February 24, 2022.\n",
            "special military operation",
            LinkRule::Salience,
            &["ukraine"],
        ),
        // An act is not done by whom it is done to: its patient, the object of an active verb
        // or the subject of a passive one, is ISWAP, so the act is the other side's.
        (
            "Fighting in Borno\n\nISWAP fighters attacked a base in Borno on Monday. ISWAP said \
             it had seized weapons, and ISWAP posted photos. Nigeria said the base held. Troops \
             neutralised several ISWAP terrorists near the base.\n",
            "neutralised",
            LinkRule::Salience,
            &["nigeria"],
        ),
        (
            "Fighting in Borno\n\nISWAP fighters attacked a base in Borno on Monday. ISWAP said \
             it had seized weapons, and ISWAP posted photos. Nigeria said the base held. Several \
             ISWAP terrorists were neutralised near the base.\n",
            "neutralised",
            LinkRule::Salience,
            &["nigeria"],
        ),
        // Not: a patient that names no party leaves focus to decide.
        (
            "Fighting in Borno\n\nISWAP fighters attacked a base in Borno on Monday. ISWAP said \
             it had seized weapons, and ISWAP posted photos. Nigeria said the base held. Troops \
             neutralised several roadside bombs near the base.\n",
            "neutralised",
            LinkRule::Salience,
            &["iswap"],
        ),
        // A tie carried over holds only if the term's voice allows it: "these invaders" in the
        // words of an official of Congo is not Congo, though "security forces" just before it
        // was. No other state is in focus, and the official's words cast the one adversary the
        // article sets against Congo, M23, as the invading state.
        (
            "Army repels M23 near Masisi\n\nThe Armed Forces of the Democratic Republic of the \
             Congo on Sunday repelled an offensive by M23 near Masisi. M23 said it had withdrawn. \
             “Our defence and security forces remain determined to defend every centimetre of the \
             national territory against these invaders,” Major Kasongo said.\n",
            "invaders",
            LinkRule::Salience,
            &["m23"],
        ),
        // A term of praise praises its voice's side: "the resistance" in Hezbollah's words is
        // Hezbollah, though Hamas is more in focus.
        (
            "Hamas weighs truce\n\nHamas said on Tuesday it would talk to mediators, and Hamas \
             asked for calm. Hamas sent envoys to Cairo. Hezbollah said in a statement: “We will \
             not stop the fight. The resistance will answer any attack.”\n",
            "resistance",
            LinkRule::Salience,
            &["hezbollah"],
        ),
        // Not: a speaker with no side; focus decides.
        (
            "Hamas weighs truce\n\nHamas said on Tuesday it would talk to mediators, and Hamas \
             asked for calm. Hamas sent envoys to Cairo. Hezbollah was quiet. A witness said: “We \
             will not stop the fight. The resistance will answer any attack.”\n",
            "resistance",
            LinkRule::Salience,
            &["hamas"],
        ),
        // A patron's words do not delegitimise its proxy (the lexicon lists the VDP among
        // Burkina Faso's proxies), though the proxy is far more in focus.
        (
            "VDP repel JNIM near Djibo\n\nThe VDP held the town of Djibo on Sunday, and the VDP \
             lost two men. The VDP said the town was calm. Burkina Faso said the criminals fled \
             north.\n",
            "criminals",
            LinkRule::Salience,
            &["jnim"],
        ),
        // A party's own words cast its one adversary as what it is not: M23's "Islamist
        // militias" are the army it fights, though the label's targets list no state.
        (
            "Fighting near Goma\n\nThe Congolese army has been fighting M23 since 2021. M23 said \
             in a statement that its fighters had repelled an attack by “Islamist militias” near \
             Goma.\n",
            "Islamist militias",
            LinkRule::Salience,
            &["drc"],
        ),
        // Not: with two adversaries of the speaker, the words may be about either.
        (
            "Fighting near Goma\n\nThe Congolese army has been fighting M23 since 2021. M23 said \
             in a statement that its fighters had repelled an attack by “Islamist militias” near \
             Goma, and Burundi attacked M23 near Uvira.\n",
            "Islamist militias",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // Not: a label whose of-complement says whose it is.
        (
            "Fighting near Goma\n\nThe Congolese army has been fighting M23 since 2021. M23 said \
             in a statement that its fighters had repelled an attack by “Islamist militias of the \
             old order” near Goma.\n",
            "Islamist militias",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // Not: in the outlet's own narration, which is no party's statement.
        (
            "Fighting near Goma\n\nThe Congolese army has been fighting M23 since 2021. M23 \
             fighters repelled an attack by Islamist militias near Goma.\n",
            "Islamist militias",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // An act in the passive with no agent, in the words of an official whose state is
        // known by title and focus ("Pakistan-occupied Kashmir" is no Pakistani's word): the
        // state reports its own act, though Pakistan is more in focus.
        (
            "Army foils infiltration bid\nIndian troops laid an ambush for infiltrators from \
             Pakistan-occupied Kashmir, a defence spokesperson said. Pakistan denied it, and \
             Pakistan says it gives only moral support to Kashmiris.\n\"The terrorists opened \
             fire, and three of them were neutralised,\" the spokesperson said.\n",
            "neutralised",
            LinkRule::SpeakerSubject,
            &["india"],
        ),
        // Nobody is named: one unnamed party, shared by terms whose targets overlap.
        (
            "Attack on checkpoint\n\nTerrorists attacked a checkpoint at dawn. The militants \
             fled north.\n",
            "militants",
            LinkRule::UnnamedParty,
            &["unnamed-1"],
        ),
        // A dateline's place is where the story was filed, not a party: Kyiv gives Ukraine no
        // points.
        (
            "Talks resume\n\nKYIV (Reuters) - Officials met on Monday with an envoy from Russia. \
             The regime wants a deal, diplomats said.\n",
            "regime",
            LinkRule::Salience,
            &["russia"],
        ),
    ];

    #[test]
    fn discourse_cases() {
        for (text, term, rule, actors) in CASES {
            let art = analyze(text);
            let h = art
                .hits
                .iter()
                .find(|h| h.text == *term)
                .unwrap_or_else(|| panic!("no hit '{term}' in {text}"));
            assert_eq!(
                (h.link, h.actor_ids()),
                (*rule, actors.to_vec()),
                "{term}: {}",
                h.link_detail
            );
        }
    }

    #[test]
    fn the_candidates_weighed_are_recorded_with_their_points() {
        let art = analyze(CASES[3].0);
        let h = art.hits.iter().find(|h| h.text == "militants").unwrap();
        let ids: Vec<&str> = h.link_candidates.iter().map(|c| c.actor.as_str()).collect();
        assert_eq!(ids[0], "sdf");
        assert!(ids.contains(&"hts"), "{ids:?}");
        let pts: Vec<u32> = h.link_candidates.iter().map(|c| c.points).collect();
        assert!(pts.windows(2).all(|w| w[0] >= w[1]), "{pts:?}");
    }

    #[test]
    fn terms_of_a_state_and_of_a_group_get_separate_unnamed_parties() {
        let art = analyze(
            "Raid on the camp\n\nOccupation forces raided the camp at night. Terrorists fired \
             back.\n",
        );
        let ids: Vec<&str> = art.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["unnamed-1", "unnamed-2"]);
        assert_ne!(art.parties[0].actor_type, art.parties[1].actor_type);
        assert!(
            art.parties[0]
                .description
                .starts_with("Occupation forces raided")
        );
    }

    #[test]
    fn words_that_may_describe_anyone_make_no_unnamed_party() {
        // "claimed" frames words and has no targets: with nobody named it stays without an
        // actor rather than inventing a party.
        let art = analyze("Nothing named\n\nOfficials claimed the road was open.\n");
        let h = art.hits.iter().find(|h| h.text == "claimed").unwrap();
        assert!(h.actors.is_empty(), "{h:?}");
        assert!(art.parties.is_empty(), "{:?}", art.parties);
    }
}
