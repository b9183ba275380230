//! Attribution: which actor(s) each loaded term describes, and the rule that says so.
//!
//! Rules, tried in this order for each term; the first that finds a compatible actor wins (an
//! actor is compatible when its type is one the lexicon entry `targets`):
//! 1. `speaker_of_verb`: an attribution verb ("claimed") describes the speaker of its frame.
//! 2. `same_phrase`: an actor named in the term's own noun phrase ("the HTS terror organization",
//!    "Assad's regime", "HTS fighters", "fighters from a Kurdish-led coalition"; a compound
//!    "U.S.-backed" describes the head it modifies).
//! 3. `proxy`: a group term owned or backed by a state that the lexicon says has proxies
//!    ("their respective insurgent groups", "Turkey, which supports armed groups", "Turkish-backed
//!    factions") describes those proxies.
//! 4. `copula`, `apposition`, `designation`, `relative_clause`: "HTS is a militant group",
//!    "HTS, a militant group", "HTS—designated as a terrorist organization", "the PKK, which ...".
//! 5. `coordination` / `nearest_in_clause`: the nearest compatible actor in the same clause, with
//!    all its conjuncts ("both Turkey and the US maintain occupation forces" gives two actors).
//! 6. `carried_over`: a term with no actor in its clause takes the actor its category was last tied
//!    to, in the same paragraph or the two sentences before ("such terrorist groups").
//! 7. `article_topic`: a group term (one whose targets exclude states) still without an actor takes
//!    the article's most-mentioned compatible group, when one clearly dominates (at least two
//!    mentions and more than any other).
//!
//! Otherwise the term has no actor. What it does not do: parse syntax. Noun phrases and clauses are
//! approximated from tokens (determiners, possessives, adjective-like words, clause words), so a
//! term whose actor sits in a different clause is carried over or left without one rather than
//! guessed.

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::actors::{Form, Mention, Role, starting_within};
use crate::discourse::{
    self, Candidate, Cast, Discourse, Party, Resolved, Salience, Term as DiscourseTerm,
};
use crate::lexicon::{ActorType, Kind, LabelEntry, Lexicon};
use crate::text::{LowerTokens, Segmented, Span, TokenKind};
use crate::voice::{Voice, Voices, token_range};

/// The rule that tied a term to its actor(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRule {
    SpeakerOfVerb,
    SamePhrase,
    Proxy,
    Copula,
    Apposition,
    Designation,
    RelativeClause,
    Coordination,
    NearestInClause,
    DistancedPhrase,
    CarriedOver,
    Salience,
    UnnamedParty,
    Story,
    None,
}

impl LinkRule {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkRule::SpeakerOfVerb => "speaker_of_verb",
            LinkRule::SamePhrase => "same_phrase",
            LinkRule::Proxy => "proxy",
            LinkRule::Copula => "copula",
            LinkRule::Apposition => "apposition",
            LinkRule::Designation => "designation",
            LinkRule::RelativeClause => "relative_clause",
            LinkRule::Coordination => "coordination",
            LinkRule::NearestInClause => "nearest_in_clause",
            LinkRule::DistancedPhrase => "distanced_phrase",
            LinkRule::CarriedOver => "carried_over",
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
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "such", "some", "many", "several", "other",
    "its", "their", "his", "her", "our", "all", "both", "two", "three", "various", "most", "same",
];
const ANAPHORIC: &[&str] = &["such", "these", "those", "same"];
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their"];
const SUPPORT_VERBS: &[&str] = &[
    "supports",
    "support",
    "supported",
    "supporting",
    "backs",
    "back",
    "backed",
    "backing",
    "arms",
    "armed",
    "arming",
    "funds",
    "funded",
    "funding",
    "sponsors",
    "sponsored",
    "finances",
    "financed",
    "trains",
    "trained",
];
const COPULA: &[&str] = &[
    "is", "was", "are", "were", "remains", "remain", "became", "becomes", "become",
];
const DESIGNATION_VERBS: &[&str] = &[
    "designated",
    "listed",
    "branded",
    "labeled",
    "labelled",
    "classified",
    "deemed",
    "considered",
    "declared",
    "proscribed",
];
const CLAUSE_BOUNDARY_WORDS: &[&str] = &[
    "as", "while", "because", "although", "though", "whereas", "when", "until", "since", "that",
    "which", "who", "whose", "whom", "if", "unless",
];
/// A clause boundary: `;`, `:`, a dash or one of [`CLAUSE_BOUNDARY_WORDS`] (matched as one
/// `match` rather than a scan of the list).
fn is_clause_boundary(w: &str) -> bool {
    let found = matches!(
        w,
        ";" | ":"
            | "—"
            | "–"
            | "as"
            | "while"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "when"
            | "until"
            | "since"
            | "that"
            | "which"
            | "who"
            | "whose"
            | "whom"
            | "if"
            | "unless"
    );
    debug_assert_eq!(
        found,
        matches!(w, ";" | ":" | "—" | "–") || CLAUSE_BOUNDARY_WORDS.contains(&w)
    );
    found
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
    pub mentions: &'a [Mention],
    pub voices: &'a Voices,
    lower: &'a LowerTokens,
    mention_at: Vec<Option<usize>>,
    /// `tokens[m]`: the first token of mention `m` and the last token of it with its compound
    /// (see [`Context::first_token`] and [`Context::last_token`]), computed once.
    tokens: Vec<(usize, usize)>,
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        seg: &'a Segmented,
        lower: &'a LowerTokens,
        lex: &'a Lexicon,
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
        Context {
            text,
            seg,
            lex,
            mentions,
            voices,
            lower,
            mention_at,
            tokens,
        }
    }

    fn w(&self, t: usize) -> &str {
        self.lower.get(t)
    }
    fn actor_type(&self, m: usize) -> ActorType {
        self.lex.actors[self.mentions[m].actor].actor_type
    }
    fn name(&self, actor: usize) -> &str {
        &self.lex.actors[actor].name
    }

    fn mention_text(&self, m: usize) -> &str {
        self.mentions[m].span.slice(self.text)
    }
    fn compatible(&self, e: &LabelEntry, m: usize) -> bool {
        e.allows(self.actor_type(m))
            && !matches!(self.mentions[m].role, Some(Role::Backer | Role::Designator))
    }

    /// A country named as a place ("in northern Syria"), not as a party: after a locative
    /// preposition, allowing a compass adjective or "the" between.
    fn is_place(&self, m: usize) -> bool {
        if self.mentions[m].form != Form::Name {
            return false;
        }
        let mut t = self.first_token(m);
        let start = self
            .seg
            .sentence_at(self.mentions[m].span.start)
            .map_or(0, |s| self.seg.sentences[s].tokens.start);
        while t > start {
            let w = self.w(t - 1);
            if matches!(
                w,
                "the"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "northwestern"
                    | "northeastern"
                    | "southwestern"
                    | "southeastern"
                    | "central"
                    | "rural"
                    | "occupied"
            ) {
                t -= 1;
                continue;
            }
            return matches!(
                w,
                "in" | "into"
                    | "across"
                    | "throughout"
                    | "inside"
                    | "within"
                    | "near"
                    | "around"
                    | "toward"
                    | "towards"
            );
        }
        false
    }
    /// The first token of mention `m` (without its compound).
    fn first_token(&self, m: usize) -> usize {
        self.tokens[m].0
    }
    /// The last token of mention `m` with its compound.
    fn last_token(&self, m: usize) -> usize {
        self.tokens[m].1
    }

    /// The mentions coordinated with `m` ("Turkey and the US", "Syrian-Russian"), in order.
    fn conjuncts(&self, m: usize) -> Vec<usize> {
        let joiner = |a: usize, b: usize| -> bool {
            // tokens strictly between mention a's end and mention b's start
            let from = self.last_token(a) + 1;
            let to = self.first_token(b);
            if from > to || to - from > 3 {
                return false;
            }
            let words: Vec<&str> = (from..to).map(|t| self.w(t)).collect();
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
    pub parties: Vec<Party>,
}

/// Links every term to its actors. `hits` must be in text order.
pub fn link_all(cx: &Context, hits: &[TermHit]) -> Linked {
    let mut hit_at: Vec<Option<usize>> = vec![None; cx.seg.tokens.len()];
    for (hi, h) in hits.iter().enumerate() {
        for t in token_range(cx.seg, h.span) {
            hit_at[t] = Some(hi);
        }
    }
    let mut links: Vec<Option<Link>> = vec![None; hits.len()];
    let mut anaphoric = vec![false; hits.len()];
    // Local rules.
    for (hi, h) in hits.iter().enumerate() {
        if h.entry.kind == Kind::Distancing {
            continue;
        }
        links[hi] = local(cx, hits, &hit_at, hi, &links, &mut anaphoric[hi]);
    }
    // Distancing markers describe what follows them.
    for (hi, h) in hits.iter().enumerate() {
        if h.entry.kind != Kind::Distancing {
            continue;
        }
        let after = token_range(cx.seg, h.span).end;
        let next = (after..(after + 3).min(cx.seg.tokens.len())).find_map(|t| {
            hit_at[t]
                .filter(|&o| o != hi)
                .map(|o| (Some(o), None))
                .or_else(|| cx.mention_at[t].map(|m| (None, Some(m))))
        });
        links[hi] = match next {
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
        };
    }
    // Discourse rules, in text order so that a carried-over tie can feed the next one.
    let ties: Vec<(usize, usize, Vec<usize>)> = hits
        .iter()
        .zip(&links)
        .filter_map(|(h, l)| {
            let l = l.as_ref().filter(|l| !l.actors.is_empty())?;
            (h.entry.kind != Kind::Attribution)
                .then(|| (h.sentence, h.span.start, l.actors.clone()))
        })
        .collect();
    let place: Vec<bool> = (0..cx.mentions.len()).map(|m| cx.is_place(m)).collect();
    let d = Discourse {
        text: cx.text,
        seg: cx.seg,
        lower: cx.lower,
        mentions: cx.mentions,
        place: &place,
    };
    let salience = Salience::build(&d, cx.lex.actors.len(), &ties);
    let mut cast = Cast {
        lex: cx.lex,
        parties: Vec::new(),
    };
    let mut unnamed = Vec::new();
    let mut last_tie: FxHashMap<&str, Tie> = FxHashMap::default();
    let mut any_tie: Option<Tie> = None;
    let mut out = Vec::with_capacity(hits.len());
    let mut candidates = Vec::with_capacity(hits.len());
    for (hi, h) in hits.iter().enumerate() {
        let mut weighed = Vec::new();
        let link = match links[hi].take() {
            Some(l) => l,
            None => {
                let recent = if anaphoric[hi] {
                    any_tie.as_ref()
                } else {
                    None
                };
                carried_over(
                    cx,
                    &cast,
                    h,
                    last_tie.get(h.entry.category.as_str()),
                    recent,
                )
                .or_else(|| {
                    let r = from_salience(cx, h, &salience, &mut cast, &mut unnamed)?;
                    weighed = r.candidates;
                    Some(Link {
                        actors: r.actors,
                        rule: if r.unnamed {
                            LinkRule::UnnamedParty
                        } else {
                            LinkRule::Salience
                        },
                        detail: r.detail,
                    })
                })
                .unwrap_or_else(Link::none)
            }
        };
        if !link.actors.is_empty() && h.entry.kind != Kind::Attribution {
            let para = cx.seg.sentences[h.sentence].paragraph;
            let tie = (
                h.sentence,
                para,
                link.actors.clone(),
                h.span.slice(cx.text).to_owned(),
            );
            last_tie.insert(h.entry.category.as_str(), tie.clone());
            any_tie = Some(tie);
        }
        candidates.push(
            weighed
                .into_iter()
                .map(|(a, points, excluded)| Candidate {
                    actor: cast.id(a).to_owned(),
                    points,
                    excluded,
                })
                .collect(),
        );
        out.push(link);
    }
    Linked {
        links: out,
        candidates,
        parties: cast.parties,
    }
}

/// Resolves a term from the article's discourse model (see [`crate::discourse`]).
fn from_salience(
    cx: &Context,
    h: &TermHit,
    salience: &Salience,
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
) -> Option<Resolved> {
    let v = cx.voices.voice_of(cx.seg, h.span);
    let speaker_actor = match v.voice {
        Voice::Quote | Voice::Reported => v.frame.and_then(|f| cx.voices.frames[f].speaker_actor),
        _ => None,
    };
    let term = DiscourseTerm {
        entry: h.entry,
        span: h.span,
        sentence: h.sentence,
        speaker_actor,
    };
    discourse::resolve(salience, cast, unnamed, &term, cx.text, cx.seg)
}

fn local(
    cx: &Context,
    hits: &[TermHit],
    hit_at: &[Option<usize>],
    hi: usize,
    links: &[Option<Link>],
    anaphoric_out: &mut bool,
) -> Option<Link> {
    let h = &hits[hi];
    let e = h.entry;
    let toks = token_range(cx.seg, h.span);
    let sent = cx.seg.sentences[h.sentence].tokens.clone();

    // 1. Attribution verbs describe their speaker.
    if e.kind == Kind::Attribution
        && let Some(f) = cx.voices.frame_with_verb(h.span)
    {
        let frame = &cx.voices.frames[f];
        if let Some(a) = frame.speaker_actor {
            let via = frame
                .resolved_from
                .as_ref()
                .map(|r| format!(" (resolved to '{r}')"))
                .unwrap_or_default();
            return Some(Link {
                actors: vec![a],
                rule: LinkRule::SpeakerOfVerb,
                detail: format!(
                    "speaker '{}'{via} of the reporting verb",
                    frame.speaker.slice(cx.text)
                ),
            });
        }
    }

    // 2. Mentions inside the term ("Assad regime", "Turkish-backed": the backer is kept apart).
    let inside: Vec<usize> = starting_within(cx.mentions, h.span)
        .filter(|&m| h.span.contains(cx.mentions[m].span))
        .collect();
    let in_sentence = starting_within(cx.mentions, cx.seg.sentences[h.sentence].span);
    let backers: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|&m| matches!(cx.mentions[m].role, Some(Role::Backer)))
        .collect();
    let own: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|&m| cx.compatible(e, m))
        .collect();
    if !own.is_empty() {
        let actors = unique_actors(cx, &own);
        return Some(Link {
            detail: format!("'{}' is part of the term", cx.mention_text(own[0])),
            actors,
            rule: LinkRule::SamePhrase,
        });
    }

    // Premodifiers to the left of the term, inside its noun phrase.
    let mut t = toks.start;
    let mut left: Vec<usize> = Vec::new();
    let mut possessor_pronoun = false;
    let mut anaphoric = false;
    let mut adjectives = 0;
    while t > sent.start {
        let k = t - 1;
        if let Some(m) = cx.mention_at[k] {
            left.push(m);
            t = cx.first_token(m).min(k);
            continue;
        }
        if let Some(o) = hit_at[k] {
            t = token_range(cx.seg, hits[o].span).start.min(k);
            continue;
        }
        let w = cx.w(k);
        let kind = cx.seg.tokens[k].kind;
        if DETERMINERS.contains(&w) {
            possessor_pronoun |= POSSESSIVE_PRONOUNS.contains(&w);
            anaphoric |= ANAPHORIC.contains(&w);
            t = k;
            // A determiner starts the phrase, but "the" may follow "all of"; stop here.
            break;
        }
        if kind == TokenKind::Possessive
            || matches!(w, "(" | ")" | "-")
            || kind == TokenKind::Number
        {
            t = k;
            continue;
        }
        let alpha = w.chars().all(char::is_alphabetic);
        // A participle is a modifier only after a determiner or a name ("the armed groups");
        // otherwise it is most likely the verb of the clause ("militias attacked Kurdish ...").
        let participle = w.ends_with("ed") || w.ends_with("ing");
        let after_det = k > sent.start
            && (DETERMINERS.contains(&cx.w(k - 1)) || cx.mention_at[k - 1].is_some());
        if alpha && participle && !after_det {
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
    let np_start = t;
    *anaphoric_out = anaphoric;
    // "an Iranian proxy": for a proxy word the modifier names the patron, not the proxy.
    let proxy_word = e.kind == Kind::Label && e.category.ends_with("/proxy");
    let mut backers = backers;
    if proxy_word {
        backers.extend(left.iter().copied());
        left.clear();
    }
    let same: Vec<usize> = left
        .iter()
        .copied()
        .filter(|&m| cx.compatible(e, m))
        .collect();
    if !same.is_empty() {
        // With their conjuncts: "Palestinian Islamic Jihad and Hamas militants".
        let mut ms: Vec<usize> = same
            .iter()
            .flat_map(|&m| cx.conjuncts(m))
            .filter(|&m| cx.compatible(e, m))
            .collect();
        ms.sort();
        ms.dedup();
        return Some(Link {
            actors: unique_actors(cx, &ms),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' in the same noun phrase", cx.mention_text(ms[0])),
        });
    }

    // To the right: the head a compound modifies ("U.S.-backed, Kurdish-led coalition"), or an
    // "of"/"from" phrase ("fighters from a Kurdish-led coalition").
    let mut k = toks.end;
    let mut right: Vec<usize> = Vec::new();
    let compound_term = !backers.is_empty() || h.span.slice(cx.text).contains('-');
    let mut steps = 0;
    while k < sent.end && steps < 6 {
        let w = cx.w(k);
        if let Some(m) = cx.mention_at[k] {
            right.push(m);
            k = cx.last_token(m) + 1;
            steps += 1;
            continue;
        }
        // "fighters of HTS" names the owner; "the invasion of Ukraine" names the victim, and an
        // act's agent comes with "by".
        let owner_pp = if e.kind == Kind::Act { "by" } else { "of" };
        let allowed = DETERMINERS.contains(&w)
            || (steps == 0 && (w == owner_pp || (e.kind != Kind::Act && w == "from")))
            || (compound_term && matches!(w, "," | "-"))
            || hit_at[k].is_some();
        if !allowed {
            break;
        }
        k += 1;
        steps += 1;
    }
    if proxy_word && starts_with_owner_pp(cx, e, toks.end, sent.end) {
        // "a proxy of the Iranian regime": the of-phrase names the patron.
        backers.extend(right.iter().copied());
        right.clear();
    }
    let after: Vec<usize> = right
        .iter()
        .copied()
        .filter(|&m| cx.compatible(e, m))
        .collect();
    let starts_with_pp = starts_with_owner_pp(cx, e, toks.end, sent.end);
    if !after.is_empty() && (compound_term || starts_with_pp) {
        return Some(Link {
            actors: unique_actors(cx, &after),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' is the head of the phrase", cx.mention_text(after[0])),
        });
    }

    // 3. Proxies: a group term owned or backed by a state with proxies.
    // The backers named in the phrase: inside the term ("Turkish-backed") or in a compound
    // modifying it ("Turkish-backed militias").
    backers.extend(left.iter().copied().filter(|&m| {
        matches!(cx.mentions[m].role, Some(Role::Backer)) && cx.last_token(m) + 2 >= toks.start
    }));
    let wants_groups = (!e.targets.is_empty() && !e.targets.contains(&ActorType::State))
        || (e.targets.is_empty() && !backers.is_empty());
    if wants_groups {
        let mut owners: Vec<usize> = backers.clone();
        let mut how = "backed by";
        if owners.is_empty() && possessor_pronoun {
            // "their" agrees with a plural antecedent: the nearest coordinated group of actors
            // before the phrase in the sentence, else the nearest actor.
            let before: Vec<usize> = in_sentence
                .clone()
                .rev()
                .filter(|&m| cx.last_token(m) < np_start && cx.first_token(m) >= sent.start)
                .collect();
            let plural = before
                .iter()
                .map(|&m| cx.conjuncts(m))
                .find(|g| g.len() > 1);
            if let Some(g) = plural.or_else(|| before.first().map(|&m| cx.conjuncts(m))) {
                owners = g;
                how = "owned by";
            }
        }
        if owners.is_empty()
            && np_start > sent.start
            && SUPPORT_VERBS.contains(&cx.w(np_start - 1))
            && let Some(m) = in_sentence
                .clone()
                .rev()
                .find(|&m| cx.last_token(m) < np_start - 1 && cx.first_token(m) >= sent.start)
        {
            owners = cx.conjuncts(m);
            how = "supported by";
        }
        if owners.is_empty() {
            // "factions backed by Turkey"
            if toks.end + 1 < sent.end
                && SUPPORT_VERBS.contains(&cx.w(toks.end))
                && cx.w(toks.end + 1) == "by"
                && let Some(m) = cx.mention_at.get(toks.end + 2).copied().flatten()
            {
                owners = cx.conjuncts(m);
            }
        }
        // Each owner must back exactly one group of the right type, or the proxy is ambiguous
        // ("an Iranian proxy" could be any of several) and other rules decide.
        let mut proxies = Vec::new();
        let mut ambiguous = false;
        for &o in &owners {
            let owner = &cx.lex.actors[cx.mentions[o].actor];
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
        if !proxies.is_empty() && !ambiguous {
            let owner_actors = unique_actors(cx, &owners);
            return Some(Link {
                detail: format!(
                    "group {how} {}, whose proxies the lexicon lists",
                    names(cx, &owner_actors)
                ),
                actors: proxies,
                rule: LinkRule::Proxy,
            });
        }
    }

    // 4. Copula, apposition, designation, relative clause: the phrase before.
    let mut b = np_start;
    while b > sent.start
        && matches!(
            cx.w(b - 1),
            "also" | "still" | "now" | "widely" | "as" | "a" | "an"
        )
    {
        b -= 1;
    }
    let mut designation = false;
    if b > sent.start && DESIGNATION_VERBS.contains(&cx.w(b - 1)) {
        designation = true;
        b -= 1;
        while b > sent.start
            && matches!(
                cx.w(b - 1),
                "been" | "being" | "has" | "have" | "had" | "is" | "was" | "are" | "were"
            )
        {
            b -= 1;
        }
    }
    let antecedent_before = |pos: usize| -> Option<(Vec<usize>, Option<usize>)> {
        // The mention or linked term ending right before token `pos`.
        if pos == 0 {
            return None;
        }
        let mut p = pos - 1;
        while p > sent.start && matches!(cx.w(p), ")" | "(") {
            p -= 1;
        }
        if let Some(m) = cx.mention_at[p] {
            return Some((cx.conjuncts(m), None));
        }
        if let Some(o) = hit_at[p]
            && o < hi
            && let Some(Some(l)) = links.get(o)
            && !l.actors.is_empty()
        {
            return Some((Vec::new(), Some(o)));
        }
        None
    };
    let link_to =
        |found: (Vec<usize>, Option<usize>), rule: LinkRule, what: &str| -> Option<Link> {
            match found {
                (ms, None) => {
                    let ok: Vec<usize> = ms.into_iter().filter(|&m| cx.compatible(e, m)).collect();
                    (!ok.is_empty()).then(|| Link {
                        actors: unique_actors(cx, &ok),
                        rule,
                        detail: format!("{what} '{}'", cx.mention_text(ok[0])),
                    })
                }
                (_, Some(o)) => {
                    let l = links[o].as_ref()?;
                    let ok: Vec<usize> = l
                        .actors
                        .iter()
                        .copied()
                        .filter(|&a| e.allows(cx.lex.actors[a].actor_type))
                        .collect();
                    (!ok.is_empty()).then(|| Link {
                        actors: ok,
                        rule,
                        detail: format!("{what} '{}'", hits[o].span.slice(cx.text)),
                    })
                }
            }
        };
    if b > sent.start {
        let before = cx.w(b - 1).to_owned();
        if designation {
            let mut p = b;
            if p > sent.start && matches!(cx.w(p - 1), "which" | "who" | "that") {
                p -= 1;
            }
            if p > sent.start && matches!(cx.w(p - 1), "," | "—" | "–" | "-") {
                p -= 1;
            }
            if let Some(l) = antecedent_before(p)
                .and_then(|f| link_to(f, LinkRule::Designation, "designation of"))
            {
                return Some(l);
            }
        }
        if COPULA.contains(&before.as_str())
            && let Some(l) =
                antecedent_before(b - 1).and_then(|f| link_to(f, LinkRule::Copula, "subject"))
        {
            return Some(l);
        }
        if matches!(before.as_str(), "," | "—" | "–" | "(")
            && let Some(l) = antecedent_before(b - 1)
                .and_then(|f| link_to(f, LinkRule::Apposition, "apposition to"))
        {
            return Some(l);
        }
    }
    // Relative clause: ", which ... TERM" with no actor between the antecedent and the term.
    if let Some(rel) = (sent.start..np_start).rev().find(|&k| {
        matches!(cx.w(k), "which" | "who" | "whose")
            && k > sent.start
            && matches!(cx.w(k - 1), "," | "—")
    }) {
        let between_has_actor =
            (rel..np_start).any(|k| cx.mention_at[k].is_some_and(|m| cx.compatible(e, m)));
        if !between_has_actor
            && let Some(l) = antecedent_before(rel - 1)
                .and_then(|f| link_to(f, LinkRule::RelativeClause, "relative clause on"))
        {
            return Some(l);
        }
    }

    // 5. The nearest compatible actor in the clause, with its conjuncts.
    let clause = cx.clause_of(h.sentence, toks.start);
    let speaker_span = cx
        .voices
        .voice_of(cx.seg, h.span)
        .frame
        .map(|f| cx.voices.frames[f].speaker);
    let verb_like = e.kind == Kind::Attribution;
    // "X was accused of ...": a passive attribution verb does not describe its subject.
    if verb_like
        && toks.start > sent.start
        && matches!(
            cx.w(toks.start - 1),
            "is" | "was" | "are" | "were" | "been" | "being" | "be"
        )
    {
        return None;
    }
    // An act written as a past-tense verb ("invaded", "eliminated") describes its subject: the
    // first actor of its clause after the last comma ("Hamas terrorists invaded southern Israel
    // and massacred ..."), not the nearest one, which is often the object.
    let past_verb = e.kind == Kind::Act && h.span.slice(cx.text).to_lowercase().ends_with("ed");
    let subject_from = (clause.start..toks.start)
        .rev()
        .find(|&k| cx.w(k) == ",")
        .map_or(clause.start, |k| k + 1);
    let mut best: Option<(usize, usize)> = None;
    for m in in_sentence {
        let (f, l) = (cx.first_token(m), cx.last_token(m));
        if f < clause.start || l >= clause.end || toks.contains(&f) {
            continue;
        }
        if !(cx.compatible(e, m) || (verb_like && cx.mentions[m].role.is_none())) {
            continue;
        }
        if cx.is_place(m) {
            continue;
        }
        if verb_like && f > toks.start {
            continue;
        }
        if e.kind == Kind::Act {
            // The agent of an act comes before it, or after "by"; not the target of
            // "against"/"on", nor the speaker who reports the act.
            let after_by =
                f > toks.start && f > 0 && (cx.w(f - 1) == "by" || (f > 1 && cx.w(f - 2) == "by"));
            if f > toks.start && !after_by {
                continue;
            }
            if f > 0 && matches!(cx.w(f - 1), "against" | "on" | "upon" | "targeting" | "at") {
                continue;
            }
            if speaker_span.is_some_and(|sp| sp.contains(cx.mentions[m].span)) {
                continue;
            }
        }
        let dist = if past_verb && l < toks.start {
            if f < subject_from {
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
    if let Some((_, m)) = best {
        let group: Vec<usize> = cx
            .conjuncts(m)
            .into_iter()
            .filter(|&g| cx.compatible(e, g) || verb_like)
            .collect();
        let actors = unique_actors(cx, &group);
        let rule = if actors.len() > 1 {
            LinkRule::Coordination
        } else {
            LinkRule::NearestInClause
        };
        let detail = if actors.len() > 1 {
            format!(
                "coordinated actors {}",
                group
                    .iter()
                    .map(|&g| format!("'{}'", cx.mention_text(g)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            format!(
                "nearest compatible actor in the clause: '{}'",
                cx.mention_text(m)
            )
        };
        return Some(Link {
            actors,
            rule,
            detail,
        });
    }
    None
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

fn carried_over(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    same_category: Option<&Tie>,
    anaphor: Option<&Tie>,
) -> Option<Link> {
    let e = h.entry;
    if e.kind == Kind::Attribution {
        return None;
    }
    let para = cx.seg.sentences[h.sentence].paragraph;
    let near = |t: &&Tie| t.1 == para || h.sentence - t.0 <= 2;
    // "such terrorist groups": an anaphoric determiner points back to the last tied term of any
    // category whose actors the term can describe; otherwise the last term of the same category.
    let fits = |t: &&Tie| t.2.iter().all(|&a| e.allows(cast.actor_type(a)));
    let anaphor = anaphor.filter(near).filter(fits);
    let (s, _, actors, term) = anaphor.or(same_category.filter(near).filter(fits))?;
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
