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
//!     sets against each other (`crate::analysis::opponents`), the pair most in focus at the term.
//! 16. `head_match`: a label that is a shortened name or title of a party the article names
//!     ("the caravan" of "Migrant caravan", "the special counsel" of "special counsel Robert
//!     Mueller", see `crate::analysis::titles`) takes that party, the most salient one if several fit.
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
//!     its own verb casts it as, take the statement's speaker. Before the entry's own last tie,
//!     an act said of a bare "this", "these", "that", "those" or "it" by a copula ("These are
//!     war crimes.") refers back to the last act before it, in its sentence or the one before,
//!     and takes that act's parties (discourse deixis).
//! 19. `salience`: the most salient compatible party of the article's discourse model
//!     ([`crate::analysis::discourse`]): headline, lead, subject position and repetition, decaying with
//!     distance; never the party whose own statement holds a delegitimising term, nor its
//!     patron or proxy by the lexicon, and a party the article sets against that speaker
//!     (`crate::analysis::opponents`) counts double. A speaker
//!     whose title names an office of a state and no party ("Interior ministry spokesman X",
//!     "Major X") speaks for the state most in focus there. The side each voice takes
//!     (`crate::analysis::alignment`) rules parties out; a euphemism in the outlet's narration, and a
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
//! Every rule, local or not, also asks the label's head noun (`crate::analysis::heads`): "the migrants"
//! is plural and never one person, "the administration" is a state, "the president" is a person
//! or a party through one of its people, and "a senior official" is someone new, not a person
//! named before. A person listed as an actor of their own lends a government noun the party the
//! lexicon says they are `part_of` ("the Trump administration", "Abe's government").
//!
//! Across the articles of one story, `crate::story` may then re-tie an unnamed party's terms
//! to the party another article names in the same role (`story`).
//!
//! Otherwise the term has no actor. What it does not do: parse syntax. Noun phrases and clauses are
//! approximated from tokens (determiners, possessives, adjective-like words, clause words), so a
//! term whose actor sits in a different clause is carried over or left without one rather than
//! guessed.

mod context;
mod described;
mod rules;
mod sides;

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use crate::analysis::discourse::{self, Cast};
use crate::analysis::heads::{self, Head};
use crate::analysis::mention::Form;
use crate::analysis::opponents::Opponents;
use crate::analysis::titles::Known;
use crate::lexicon::{ActorType, Kind};
use crate::text::TokenKind;
use crate::text::token_range;
pub use context::{Context, Link, LinkRule, Linked, TermHit};
use context::{POSSESSIVE_PRONOUNS, Reading, Term, described, head_of, possessor, speaker_of_verb};
use described::{
    Terms, as_candidates, by_description, definite, earlier_statement, head_match,
    head_match_candidates, owned_by_label, possessed, referred_act, resumed_statement, salience_of,
    set_against_by_entry, state_named_by_adjective, without_patients,
};
use rules::{
    Ties, accused_of, apposition, carried_over, coordination, copula, designation,
    distanced_phrase, epithet, nearest_in_clause, object_complement, official_doer, proxy,
    relative_clause, same_phrase, speaker_subject,
};
use sides::{Focus, Roles, from_salience, reciprocal, side_rules_out, sides_of, sides_taken};

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
                || POSSESSIVE_PRONOUNS.contains(cx.w(term.toks.start))
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

/// Per term, the parties its act is done to, which the local phase read: taken out of the
/// readings for the discourse phase to correct.
fn take_done_to(readings: &mut [Reading]) -> Vec<Vec<usize>> {
    readings
        .iter_mut()
        .map(|r| std::mem::take(&mut r.done_to))
        .collect()
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
    let mut done_to = take_done_to(&mut readings);
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
                    .or_else(|| referred_act(cx, hits, &out, hi))
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

#[cfg(test)]
mod tests;
