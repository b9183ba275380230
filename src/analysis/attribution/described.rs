//! Links read from the article beyond the term's own phrase, once the local rules are done: the
//! same description tied to a party elsewhere, a head noun that a party's name shares, an
//! owner named by an earlier label, a statement a noun of saying sums up, and the article's
//! discourse model (`salience`), with the acts whose party turns out to be their patient
//! resolved again.

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use super::context::{
    COPULA, Context, DETERMINERS, Described, Descriptions, Link, LinkRule, POSSESSIVE_PRONOUNS,
    Reading, TermHit, Via, opens_subordinate, skip_marks,
};
use super::sides::{Focus, Roles, from_salience};
use crate::analysis::discourse::{self, Candidate, Cast, Discourse, Salience};
use crate::analysis::heads::{self, Head};
use crate::analysis::titles::Known;
use crate::analysis::voice::Voice;
use crate::lexicon::{ActorType, Kind};
use crate::text::TokenKind;
use crate::text::WordSet;
use crate::text::token_range;

/// The terms of an article as the discourse phase reads them, for [`without_patients`].
pub(super) struct Terms<'a, 'h> {
    pub(super) hits: &'a [TermHit<'h>],
    pub(super) heads: &'a [Option<Head>],
    pub(super) readings: &'a [Reading],
    pub(super) set_against: &'a FxHashMap<&'h str, Vec<usize>>,
}

/// Resolves again, without the party of its patient ([`Term::patient`]), each act that focus or
/// a carried-over tie gave that party: "Troops neutralise 52 terrorists" is not the
/// terrorists' act. Runs once every term is resolved, since the patient often comes after the
/// act. What it does not do: carry the new party on to later terms (their ties were made with
/// the old one).
pub(super) fn without_patients(
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
pub(super) fn as_candidates(cast: &Cast, weighed: Vec<discourse::Considered>) -> Vec<Candidate> {
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
pub(super) fn set_against_by_entry<'h>(
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

/// Whether a possessor stands right before a term, quotation marks aside ("Trump's
/// 'compromise'"), even one that is a term of its own.
pub(super) fn possessed(cx: &Context, h: &TermHit) -> bool {
    let start = cx.seg.sentences[h.sentence].tokens.start;
    let mut t = token_range(cx.seg, h.span).start;
    while t > start && crate::text::is_quote_token(cx.w(t - 1)) {
        t -= 1;
    }
    t > start && cx.seg.tokens[t - 1].kind == TokenKind::Possessive
}

/// Whether a term opens with, or follows, an indefinite article.
pub(super) fn indefinite(cx: &Context, h: &TermHit) -> bool {
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
pub(super) fn same_description(
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
pub(super) fn by_description(
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
pub(super) fn state_named_by_adjective(
    cx: &Context,
    h: &TermHit,
    adjective: Option<usize>,
) -> Option<Link> {
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

/// The parties a label is a shortened name or title of (see [`crate::analysis::titles`]): those the
/// article names whose words hold every word of the label, that its type and head allow.
pub(super) fn head_match_candidates(
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
pub(super) fn definite(cx: &Context, h: &TermHit) -> bool {
    static DEFINITE: WordSet = WordSet::new(&[
        "the", "this", "that", "these", "those", "its", "their", "his", "her",
    ]);
    let text = h.span.slice(cx.text);
    let t = token_range(cx.seg, h.span).start;
    let start = cx.seg.sentences[h.sentence].tokens.start;
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    // A capital counts where the sentence does not give it, or on a title ("President Trump").
    let title = heads::is_role_noun(&first);
    if (t > start || title) && text.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if DEFINITE.contains(first.as_str()) {
        return true;
    }
    t > start
        && (DEFINITE.contains(cx.w(t - 1)) || cx.seg.tokens[t - 1].kind == TokenKind::Possessive)
}

/// "The regime's propaganda outlet ENA", "The Khawarij, through their propaganda outlets": an
/// attribution term owned by an earlier label, by its possessive or by "its"/"their" in an
/// adjunct set off right after the label (only punctuation and a preposition between), is owned
/// by the party the label was tied to (`done`: the links of the terms before it), as the
/// `possessor` rule reads a name. What it does not do: read "of" ("the outlets of the regime"),
/// a pronoun further on, or a label after the term.
pub(super) fn owned_by_label(
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
    let pronoun = POSSESSIVE_PRONOUNS.contains(cx.w(t - 1));
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

/// "These are war crimes.", "This is a massacre": an act said of a bare demonstrative or "it"
/// by a copula is discourse deixis. The pronoun refers back to the last act tied to a party
/// before it, in its sentence or the one before ("The junta and its allies are committing
/// massacres ... These are war crimes."), and the term takes that act's parties (`done`: the
/// links of the terms before it). What it does not do: read a demonstrative with a noun of its
/// own ("These people are ..."), a copula with more than three words between it and the term,
/// or other words than articles, negations and intensifiers there, or an act further back than
/// the sentence before; an earlier act tied to no party, or tied by focus alone, gives nothing,
/// and so does one whose party speaks the term.
pub(super) fn referred_act(
    cx: &Context,
    hits: &[TermHit],
    done: &[Link],
    hi: usize,
) -> Option<Link> {
    let h = &hits[hi];
    if h.entry.kind != Kind::Act {
        return None;
    }
    let sent = cx.seg.sentences[h.sentence].tokens.clone();
    let t = token_range(cx.seg, h.span).start;
    let first = skip_marks(cx, sent.start, t);
    let copula = |w: &str| COPULA.contains(w) || matches!(w, "'s" | "’s");
    // Between the copula and the term, only an article, a negation or an intensifier ("These
    // are not war crimes", "This is nothing but genocide"), not a preposition ("That was before
    // the retaliatory strikes").
    let between = |w: &str| {
        DETERMINERS.contains(w)
            || matches!(
                w,
                "not" | "also" | "clearly" | "simply" | "nothing" | "but" | "more"
            )
    };
    if !matches!(cx.w(first), "this" | "these" | "that" | "those" | "it")
        || first + 2 > t
        || !copula(cx.w(first + 1))
        || t - (first + 2) > 3
        || !(first + 2..t).all(|k| between(cx.w(k)))
    {
        return None;
    }
    // The last act before the term, in its sentence or the one before, tied to a party by a
    // rule of its own sentence (not by focus, which a later pass may revise).
    let j = (0..hi).rev().find(|&j| hits[j].entry.kind == Kind::Act)?;
    let before = &hits[j];
    let by_focus = matches!(
        done[j].rule,
        LinkRule::Salience | LinkRule::CarriedOver | LinkRule::UnnamedParty
    );
    if before.sentence + 1 < h.sentence || done[j].actors.is_empty() || by_focus {
        return None;
    }
    // Not the party whose own words the term is in: "... massacres in Bucha, Ukraine says.
    // “This is a provocation,” the Kremlin said" does not call Russia's act a provocation.
    let v = cx.voices.voice_of(cx.seg, h.span);
    let speaker = v.frame.and_then(|f| cx.voices.frames[f].speaker_actor);
    if speaker.is_some_and(|a| done[j].actors.contains(&a)) {
        return None;
    }
    Some(Link {
        actors: done[j].actors.clone(),
        rule: LinkRule::CarriedOver,
        detail: format!(
            "'{}' is said of '{}', which refers back to '{}' in sentence {}",
            h.span.slice(cx.text),
            cx.seg.tokens[first].span.slice(cx.text),
            before.span.slice(cx.text),
            before.sentence + 1
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
pub(super) fn resumed_statement(cx: &Context, h: &TermHit) -> Option<Link> {
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
            && crate::analysis::voice::CLAIM_NOUNS.contains(cx.w(r))
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
        (comma + 1..sent.end).find(|&k| crate::analysis::voice::CLAIM_NOUNS.contains(cx.w(k)))?;
    let next = r + 1;
    let relative = next < sent.end
        && (DETERMINERS.contains(cx.w(next))
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
pub(super) fn head_match(
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
pub(super) fn statement_speaker(
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
pub(super) fn earlier_statement(cx: &Context, hits: &[TermHit], h: &TermHit) -> Option<Link> {
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
pub(super) fn salience_of(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    place: &[bool],
) -> Salience {
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
