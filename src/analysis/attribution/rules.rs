//! The local rules of the table `RULES` in `attribution`, one function per `LinkRule`: each
//! reads the term's phrase, clause or sentence and returns the `Link` it finds, with the detail
//! `--explain` prints. The rules shared with other parts (the possessor, the nearest actor in
//! the clause) live in `context`.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::context::{
    COPULA, Context, Link, LinkRule, Term, TermHit, appositive_of, before_verb, is_clause_boundary,
    is_clause_verb, marks_before, names, pronoun_owners, skip_marks, speaker_link, subject_start,
    unique_actors, verb_form,
};
use crate::analysis::discourse::Cast;
use crate::analysis::heads::{self, Head};
use crate::analysis::mention::{Form, Role, starting_within};
use crate::analysis::opponents::{SUPPORT_VERBS, supports_subject};
use crate::analysis::voice::{Frame, Naming, Voice};
use crate::analysis::words::BE_FORMS;
use crate::analysis::words::{SUBJECT_PRONOUNS, is_auxiliary};
use crate::lexicon::{ActorType, Kind};
use crate::text::TokenKind;
use crate::text::WordSet;
use crate::text::token_range;

/// Whether a term is the participle of a passive that names no agent ("three of them were
/// neutralised", "had been eliminated in the past week"): a form of "be" before it (an adverb
/// may stand between) and no "by" right after it.
/// `toks` are the term's tokens, `sent` its sentence's.
pub(super) fn agentless_passive(cx: &Context, toks: &Range<usize>, sent: &Range<usize>) -> bool {
    // The participle opens the term ("neutralised", "taken out").
    let first = cx.w(toks.start);
    if !(first.ends_with("ed") || first.ends_with("en")) {
        return false;
    }
    // (Quotation marks around the term are passed over: "had been “eliminated” by".)
    let mut k = marks_before(cx, toks.start, sent.start);
    if k > sent.start && cx.w(k - 1).ends_with("ly") && cx.w(k - 1).len() > 4 {
        k -= 1;
    }
    let after = skip_marks(cx, toks.end, sent.end);
    let by = after < sent.end && cx.w(after) == "by";
    k > sent.start && BE_FORMS.contains(cx.w(k - 1)) && !by
}

/// `speaker_subject`: an act that is the verb of reported words whose subject is a pronoun
/// standing for the speaker ("the Arakan Army ... said it had “liberated” the town", "the army
/// said they neutralised ...") is the speaker's own act, as is a sanitizing act in a passive that
/// names no agent ("the ministry said 50 mercenaries had been eliminated"); a label after such a
/// subject and a copula is said of the speaker ("the NUG says it is the country's legitimate
/// government"); and when no pronoun opens the words, a verb of an act of stance above zero
/// whose subject names no party ([`unnamed_doer`]).
/// Only terms that do not condemn: a party does not name itself or its acts so.
pub(super) fn speaker_subject(cx: &Context, t: &Term) -> Option<Link> {
    let label = t.entry.kind == Kind::Label;
    if !(t.entry.kind == Kind::Act || label) || t.entry.stance < 0 {
        return None;
    }
    let v = cx.voices.voice_of(cx.seg, t.hit.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let frame = &cx.voices.frames[v.frame?];
    let a = frame.speaker_actor?;
    if !t.entry.allows(cx.type_of(a)) {
        return None;
    }
    let via = frame
        .resolved_from
        .as_ref()
        .map(|r| format!(" (resolved to '{r}')"))
        .unwrap_or_default();
    // A label is said of the subject after a copula, with at most four words of its noun
    // phrase before it ("it is the country's legitimate government"): where that phrase opens.
    let np = if label {
        let mut k = t.toks.start;
        // Only the words of one noun phrase: no preposition, "to" or punctuation between.
        static NOT_IN_NP: WordSet = WordSet::new(&[
            "to", "of", "with", "for", "in", "on", "at", "by", "from", "than", "as", "about",
        ]);
        while k > t.sent.start
            && t.toks.start - k < 4
            && !COPULA.contains(cx.w(k - 1))
            && !NOT_IN_NP.contains(cx.w(k - 1))
            && cx.seg.tokens[k - 1].kind != TokenKind::Punct
        {
            k -= 1;
        }
        if k == t.sent.start || !COPULA.contains(cx.w(k - 1)) {
            return None;
        }
        k
    } else {
        t.toks.start
    };
    // "More than 50 mercenaries had been eliminated": a passive that names no agent hides the
    // doer of a sanitizing act in a party's own words, and the doer is the speaker's side.
    if !label && t.entry.stance > 0 && agentless_passive(cx, &t.toks, &t.sent) {
        let detail = "a passive with no agent in the words of";
        return Some(speaker_link(cx, a, frame.speaker, &via, detail));
    }
    // "We will liberate ...": in quoted words, "we" and "I" are the speaker.
    if v.voice == Voice::Quote {
        let mut k = np;
        let mut aux = 0;
        while k > t.sent.start && aux < 3 && before_verb(cx.w(k - 1)) {
            k -= 1;
            aux += 1;
        }
        if k > t.sent.start && matches!(cx.w(k - 1), "we" | "i") {
            return Some(Link {
                actors: vec![a],
                rule: LinkRule::SpeakerSubject,
                detail: format!(
                    "'{}' in the quoted words of '{}'{via} is the speaker",
                    cx.w(k - 1),
                    frame.speaker.slice(cx.text)
                ),
            });
        }
    }
    // After the verb: the pronoun, at most three auxiliaries or adverbs, then the term
    // (quotation marks may stand between).
    let Some(pronoun) = pronoun_after_verb(cx, frame, np) else {
        return unnamed_doer(cx, t, frame, a, &via);
    };
    let mut k = skip_marks(cx, pronoun + 1, np);
    let mut aux = 0;
    while k < np && aux < 3 && before_verb(cx.w(k)) {
        k = skip_marks(cx, k + 1, np);
        aux += 1;
    }
    let coordinated = k < np && !label && shares_subject(cx, k, np);
    (k == np || coordinated).then(|| Link {
        actors: vec![a],
        rule: LinkRule::SpeakerSubject,
        detail: format!(
            "'{}' in the words of '{}'{via} stands for the speaker{}",
            cx.w(pronoun),
            frame.speaker.slice(cx.text),
            if coordinated {
                ", the subject of the verbs coordinated with the act"
            } else {
                ""
            }
        ),
    })
}

/// "The army said troops had “neutralised” 52 terrorists", "Those who refuse to surrender will
/// be hunted down and neutralised," the spokesman said: a verb that praises or softens the act
/// (stance above zero: a euphemism, a liberation) in a party's own words, whose subject names
/// no party, is the speaker's act. A side reports its own forces' acts so, without naming
/// them (the deixis of "our forces"), and a passive hides the doer the same way. Not a noun
/// ("the filtration camps" is the other side's act by its common name) and not when a party
/// is named in the subject: "Hamas said Israeli forces had eliminated ..." is Israel's. A
/// party in a phrase of support there ("officers supported by the Kenyan-led mission") is no
/// subject, with or without commas around the phrase, and a passive with "by" after it names
/// its agent. "Names no party" is read from the clause's start, the reporting verb or the last
/// comma before the verb group up to that group: a party there as an object ("troops fighting
/// Hamas had neutralised ...") also blocks the reading, which errs on the side of not firing.
/// For a speaker known as a party; an official known by title only is read so in the discourse
/// phase ([`official_doer`]).
pub(super) fn unnamed_doer(
    cx: &Context,
    t: &Term,
    frame: &Frame,
    a: usize,
    via: &str,
) -> Option<Link> {
    doer_unnamed(cx, t.hits, t.hit, frame).then(|| {
        let what = "the act's subject names no party, in the words of";
        speaker_link(cx, a, frame.speaker, via, what)
    })
}

/// Whether term `h`, in the words of `frame`, is a verb of stance above zero whose subject
/// names no party (see [`unnamed_doer`]).
pub(super) fn doer_unnamed(cx: &Context, hits: &[TermHit], h: &TermHit, frame: &Frame) -> bool {
    let toks = token_range(cx.seg, h.span);
    let sent = cx.seg.sentences[h.sentence].tokens.clone();
    if h.entry.kind != Kind::Act || h.entry.stance <= 0 {
        return false;
    }
    // A passive with no agent: its subject is whom the act is done to ("three of them were
    // neutralised"), so a party named there does not do it.
    if agentless_passive(cx, &toks, &sent) {
        return true;
    }
    // (A passive that names its agent after "by" names who does it.)
    let after = skip_marks(cx, toks.end, sent.end);
    let by_agent = after < sent.end && cx.w(after) == "by";
    if by_agent || !verb_form(cx, &toks, &sent) {
        return false;
    }
    // Where the verb group opens: before its auxiliaries, adverbs and quotation marks ("had
    // “eliminated”", "will be hunted down and"), so that a comma before it is seen.
    let mut at = toks.start;
    while at > sent.start && at + 5 > toks.start && in_verb_group(cx.w(at - 1)) {
        at -= 1;
    }
    let clause = cx.clause_of(h.sentence, toks.start);
    let verb_end = Some(frame.verb_tokens().end)
        .filter(|&v| v <= at && v > clause.start)
        .unwrap_or(clause.start);
    let after_comma = at > clause.start && cx.w(at - 1) == ",";
    let from = subject_start(cx, clause.start, at, after_comma).max(verb_end);
    let in_subject = |t: usize| t >= from && t < at;
    // A delegitimising term in the subject names the other side ("Hamas said occupation
    // forces had eliminated ...").
    let labelled = hits
        .iter()
        .any(|o| o.entry.stance < 0 && in_subject(token_range(cx.seg, o.span).start));
    from < at
        && !labelled
        && !starting_within(cx.mentions, cx.seg.sentences[h.sentence].span).any(|m| {
            let f = cx.first_token(m);
            in_subject(f)
                && !frame.speaker.contains(cx.mentions[m].span)
                && !cx.is_place(m)
                && !(from..f).any(|j| {
                    supports_subject(cx.lower, j) && !matches!(cx.w(j), "led" | "including")
                })
        })
}

/// Whether a word may stand in a verb group before its verb: an auxiliary or modal, a form of
/// "be", "to", "not", an adverb in "-ly", or a quotation mark.
pub(super) fn in_verb_group(w: &str) -> bool {
    is_auxiliary(w)
        || BE_FORMS.contains(w)
        || matches!(w, "to" | "not" | "never" | "also" | "then")
        || (w.ends_with("ly") && w.len() > 4)
        || crate::text::is_quote_token(w)
}

/// `speaker_subject` in the discourse phase: [`unnamed_doer`] for a speaker whose state is
/// known by title and focus only ("a security source", "Interior ministry spokesman X"; see
/// [`officials_of`]). Read before a tie is carried over: the tie of the headline's act
/// ("Fighting Forces neutralise ...") does not say whose the next unnamed units are.
pub(super) fn official_doer(
    cx: &Context,
    hits: &[TermHit],
    h: &TermHit,
    officials: &[Option<usize>],
) -> Option<Link> {
    let v = cx.voices.voice_of(cx.seg, h.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let fi = v.frame?;
    let frame = &cx.voices.frames[fi];
    let a = officials[fi]
        .filter(|&a| frame.speaker_actor.is_none() && h.entry.allows(cx.type_of(a)))?;
    doer_unnamed(cx, hits, h, frame).then(|| {
        let what = "the act's subject names no party, in the words of the official";
        let via = format!(" (who speaks for {})", cx.name(a));
        speaker_link(cx, a, frame.speaker, &via, what)
    })
}

/// The subject pronoun that opens the words of `frame`, before token `np`, when it agrees with
/// the speaker ("he" and "she" with a person, "it" with a party): right after the verb, after a
/// date ("said Friday it had", "said on Monday that it") and "that", quotation marks passed
/// over. `None` when the words open otherwise, or the verb comes after the term ("..., the army
/// said" ends the text).
pub(super) fn pronoun_after_verb(cx: &Context, frame: &Frame, np: usize) -> Option<usize> {
    let mut k = skip_marks(cx, frame.verb_tokens().end, np);
    let mut dated = 0;
    while k < np
        && dated < 4
        && (crate::text::is_calendar_word(cx.w(k))
            || matches!(cx.w(k), "on" | "yesterday" | "today" | "earlier")
            || cx.w(k).chars().all(|c| c.is_ascii_digit()))
    {
        k += 1;
        dated += 1;
    }
    if k < np && cx.w(k) == "that" {
        k = skip_marks(cx, k + 1, np);
    }
    if k >= np || !SUBJECT_PRONOUNS.contains(cx.w(k)) {
        return None;
    }
    let person = starting_within(cx.mentions, frame.speaker).any(|m| {
        matches!(
            cx.mentions[m].form,
            Form::Person | Form::Pronoun | Form::Title
        )
    });
    match cx.w(k) {
        "he" | "she" | "i" if !person => None,
        "it" if person => None,
        _ => Some(k),
    }
}

/// "it had struck a site near Nabatieh and “eliminated” a commander": an act at `act` that
/// follows "and" (quotation marks may stand between) shares the subject of the verb phrase
/// opening at `verb`, when nothing between opens another clause: no comma, no clause word or
/// subordinator ("after", "before", "where"), no subject pronoun.
pub(super) fn shares_subject(cx: &Context, verb: usize, act: usize) -> bool {
    let mut k = act;
    while k > verb && crate::text::is_quote_token(cx.w(k - 1)) {
        k -= 1;
    }
    if k <= verb + 1 || cx.w(k - 1) != "and" {
        return false;
    }
    (verb..k - 1).all(|j| {
        let w = cx.w(j);
        w != ","
            && !is_clause_boundary(w)
            && !matches!(w, "after" | "before" | "where" | "once")
            && !SUBJECT_PRONOUNS.contains(w)
    })
}

/// A term that modifies a singular title before a person's name describes that person's side:
/// the rebels a "rebel commander" commands, the coup a "coup leader" led ("Coup leader Min
/// Aung Hlaing", "militant leader Dogo Gide"). The title is one word that leads or speaks for
/// a side ([`heads::is_side_role`]; not "war crimes prosecutor") right after the term, and the
/// name right after it; the party is the
/// person's, or the one the lexicon says the person is part of, as the entry's types allow. A
/// term that is itself a title ("the tyrant Bashar al-Assad") is the name's by the modifier
/// rule before this one.
pub(super) fn titled_person_after(cx: &Context, t: &Term) -> Option<Link> {
    let title = t.toks.end;
    if title + 1 >= t.sent.end || t.head.is_some() || !heads::is_side_role(cx.w(title)) {
        return None;
    }
    let m = cx.mention_at.get(title + 1).copied().flatten()?;
    let a = cx.mentions[m].actor;
    if cx.first_token(m) != title + 1 || cx.mentions[m].form != Form::Person {
        return None;
    }
    let party = if t.entry.allows(cx.type_of(a)) {
        a
    } else {
        cx.part_of(a).filter(|&p| t.entry.allows(cx.type_of(p)))?
    };
    Some(Link {
        actors: vec![party],
        rule: LinkRule::SamePhrase,
        detail: format!(
            "the term modifies the title of '{}': {}",
            cx.mention_text(m),
            cx.name(party)
        ),
    })
}

/// `same_phrase`: a compatible actor in the term's own noun phrase, tried in this order: inside
/// the term ("Assad regime"), among its premodifiers with their conjuncts ("Palestinian Islamic
/// Jihad and Hamas militants"), the party a person named there is part of ("the Trump
/// administration"), the party of a service noun's possessor ("Trump's adviser"), and to its
/// right when the term is a compound modifying a head ("U.S.-backed, Kurdish-led coalition") or
/// is followed by an owner phrase ("fighters of HTS"), or when the term is a label that is no
/// party noun right before a party's name or organ, which it modifies ("the terrorist Israeli
/// army").
pub(super) fn same_phrase(cx: &Context, t: &Term) -> Option<Link> {
    let own: Vec<usize> = t
        .inside
        .iter()
        .copied()
        .filter(|&m| t.fits(cx, m))
        .collect();
    if !own.is_empty() {
        return Some(Link {
            detail: format!("'{}' is part of the term", cx.mention_text(own[0])),
            actors: unique_actors(cx, &own),
            rule: LinkRule::SamePhrase,
        });
    }
    // "PoK": an abbreviation of a form that names its party ("Pakistan-occupied Kashmir").
    if let Some(a) = t.hit.named.filter(|_| t.inside.is_empty())
        && t.entry.allows(cx.type_of(a))
        && t.agrees(cx, a, false)
    {
        return Some(Link {
            detail: format!(
                "the term abbreviates a form that names {} (its entry's other forms)",
                cx.name(a)
            ),
            actors: vec![a],
            rule: LinkRule::SamePhrase,
        });
    }
    if t.left.iter().any(|&m| t.fits(cx, m)) {
        let mut ms: Vec<usize> = t
            .left
            .iter()
            .filter(|&&m| t.fits(cx, m))
            .flat_map(|&m| cx.conjuncts(m))
            .filter(|&m| t.fits(cx, m))
            .collect();
        ms.sort();
        ms.dedup();
        return Some(Link {
            actors: unique_actors(cx, &ms),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' in the same noun phrase", cx.mention_text(ms[0])),
        });
    }
    // "the Trump administration", "Abe's government": a person's government is the party the
    // lexicon says the person is part of.
    // The party a person named in the phrase is part of, with how the phrase names it.
    let party_of = |(m, p): (usize, usize), how: &str| Link {
        actors: vec![p],
        rule: LinkRule::SamePhrase,
        detail: format!("'{}' {how}: {}", cx.mention_text(m), cx.name(p)),
    };
    let via = t.inside.iter().chain(&t.left).find_map(|&m| {
        let a = cx.mentions[m].actor;
        let p = cx.part_of(a)?;
        (!t.agrees(cx, a, false) && t.entry.allows(cx.type_of(p)) && t.agrees(cx, p, false))
            .then_some((m, p))
    });
    if let Some(found) = via {
        return Some(party_of(
            found,
            "in the same noun phrase, and the phrase names a party of theirs",
        ));
    }
    // "Trump's chief economic adviser", "his lawyer": someone on the possessor's side, so the
    // party the lexicon says the possessor is part of.
    let side = t.possessors.iter().filter(|_| t.service).find_map(|&m| {
        // The term names a member of that party, not the party: only the entry's types count.
        let p = cx.part_of(cx.mentions[m].actor)?;
        t.entry.allows(cx.type_of(p)).then_some((m, p))
    });
    if let Some(found) = side {
        return Some(party_of(
            found,
            "owns the phrase, which names someone on their side",
        ));
    }
    led_by_owner(cx, t)
        .or_else(|| modified_head(cx, t))
        .or_else(|| titled_person_after(cx, t))
        .or_else(|| head_after(cx, t))
}

/// "Syria's Islamist-led authorities", "Sudan's jihadist-dominated council": a label glued to
/// "-led" or "-dominated" says who leads the head it modifies, and when that head is a
/// government or an organ (a council, a coalition, forces, a movement), the label describes the
/// head's own party, here the possessor of the phrase, whatever type the entry targets. Not any
/// other head: "Assad's Islamist-led opposition" and "Mali's jihadist-led insurgency" are set
/// against their possessor. A name after the compound ("the Islamist-led HTS") is
/// [`head_after`]'s; a label glued to "-backed" names a backer, another party, and is not read
/// here.
pub(super) fn led_by_owner(cx: &Context, t: &Term) -> Option<Link> {
    let rest = &cx.text[t.hit.span.end..];
    let after = ["-led ", "-dominated "]
        .iter()
        .find_map(|suffix| rest.strip_prefix(suffix))?;
    // The head is a government or an organ, which its leaders speak for: not "the Islamist-led
    // opposition" or "insurgency" that a state's possessive sets against it, nor a region.
    let head: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let organ = heads::GOVERNMENT_NOUNS.contains(head.as_str())
        || matches!(
            head.as_str(),
            "council" | "parliament" | "assembly" | "coalition" | "forces" | "army" | "movement"
        );
    if t.entry.kind != Kind::Label || !organ || t.toks.start < t.sent.start + 2 {
        return None;
    }
    let owner = t.toks.start - 1;
    if cx.seg.tokens[owner].kind != TokenKind::Possessive {
        return None;
    }
    let m = cx.mention_at[owner - 1]?;
    if cx.is_place(m) || cx.mentions[m].role.is_some() {
        return None;
    }
    Some(Link {
        actors: vec![cx.mentions[m].actor],
        rule: LinkRule::SamePhrase,
        detail: format!(
            "'{}' owns the head whose leaders the term's compound names",
            cx.mention_text(m)
        ),
    })
}

/// The name or organ right after the term that the term modifies (the last part of
/// `same_phrase` reads the words after the term: this, then [`titled_person_after`], then
/// [`head_after`]).
pub(super) fn modified_head(cx: &Context, t: &Term) -> Option<Link> {
    // "the terrorist Israeli army", "the terrorist Myanmar military": a label right before a party's
    // name or organ is its modifier, and describes it whatever type the entry targets; a title
    // right before a name is the name's ("C.I.A. director Mike Pompeo"). Not a label that is
    // any other party noun: in "the militias Iran backs" the name opens a clause. An act's
    // adjective does the same ("genocidal FDLR militia", "the criminal Assad regime").
    // An act's adjective is one word, a form derived from the entry's noun (its first form),
    // with an adjective's ending: "genocidal" of "genocide", not "withdrawal" nor "sham trial".
    let adjective = t.entry.kind == Kind::Act && t.toks.len() == 1 && {
        let word = cx.w(t.toks.start);
        ["al", "ic", "ous"].iter().any(|s| word.ends_with(s))
            && t.entry
                .forms
                .first()
                .is_some_and(|f| !f.eq_ignore_ascii_case(word))
    };
    if (t.entry.kind == Kind::Label || adjective)
        && t.head
            .is_none_or(|h| h.class == heads::Class::Role && !h.plural)
        && let Some(&m) = t.right.first()
        && cx.first_token(m) == t.toks.end
        && matches!(cx.mentions[m].form, Form::Name | Form::Title)
        && cx.mentions[m].role.is_none()
        && !cx.is_place(m)
    {
        return Some(Link {
            actors: vec![cx.mentions[m].actor],
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' is the head the term modifies", cx.mention_text(m)),
        });
    }
    None
}

/// The head after a term that is a compound modifier ("U.S.-backed, Kurdish-led coalition") or
/// is followed by an owner phrase ("fighters of HTS"). What follows a noun of attribution is
/// what is claimed: "allegations of Rwandan involvement" are not Rwanda's.
pub(super) fn head_after(cx: &Context, t: &Term) -> Option<Link> {
    let mut after: Vec<usize> = t.right.iter().copied().filter(|&m| t.fits(cx, m)).collect();
    if after.is_empty() || !(t.compound || t.owner_pp) || t.entry.kind == Kind::Attribution {
        return None;
    }
    // The owner phrase's conjuncts are owners too: "fighters from Hamas and Islamic Jihad", when
    // the last of them ends the phrase (the sentence's end, punctuation, or the clause's verb),
    // not when it modifies a noun after it ("Militants of HTS and SNA factions clashed").
    let ends_phrase = |m: usize| {
        let k = cx.last_token(m) + 1;
        k >= t.sent.end
            || cx.seg.tokens[k].kind != TokenKind::Word
            || is_auxiliary(cx.w(k))
            || cx.w(k).ends_with("ed")
    };
    if let Some(&last) = after.last() {
        let more: Vec<usize> = cx
            .conjuncts(last)
            .into_iter()
            .filter(|&m| m > last)
            .collect();
        if more.last().is_some_and(|&m| ends_phrase(m)) {
            after.extend(more.into_iter().filter(|&m| t.fits(cx, m)));
        }
    }
    Some(Link {
        actors: unique_actors(cx, &after),
        rule: LinkRule::SamePhrase,
        detail: format!("'{}' is the head of the phrase", cx.mention_text(after[0])),
    })
}

/// Gerunds of neglect or concealment: what a party is accused of ignoring or hiding is
/// someone else's act ("accused the UN of ignoring massacres").
pub(super) static NEGLECT: WordSet = WordSet::new(&[
    "ignoring",
    "failing",
    "covering",
    "hiding",
    "concealing",
    "denying",
    "downplaying",
    "overlooking",
    "tolerating",
    "condoning",
    "excusing",
    "whitewashing",
    "justifying",
]);

/// `accused_of`: an act charged to someone with a verb of accusing is that someone's: the object
/// of the active verb ("India has long accused Pakistan of terrorism"), else the subject of the
/// passive ("JNIM has also been accused of atrocities", the headline "Mali's junta accused of war
/// crimes"), never the accuser after "by". The act may stand further on in a charge that opens
/// with a gerund, whose subject the accused is ("accuses Rwanda of using the militia as a
/// pretext to occupy and loot the east"), with no comma or semicolon between.
pub(super) fn accused_of(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind != Kind::Act || t.np_start <= t.sent.start {
        return None;
    }
    // The preposition before the act's phrase, quotation marks passed over.
    let mut p = t.np_start - 1;
    while p > t.sent.start && crate::text::is_quote_token(cx.w(p)) {
        p -= 1;
    }
    let clause = cx.clause_of(t.hit.sentence, p);
    let verb_before = |p: usize| {
        (clause.start.max(p.saturating_sub(6))..p).rev().find(|&k| {
            crate::analysis::voice::ACCUSATION_VERBS
                .iter()
                .any(|&(verb, prep)| verb == cx.w(k) && prep == cx.w(p))
        })
    };
    // The charge's preposition, before any other "of", "for" or "with" going back: a gerund in
    // lower case after it, not one of neglect (in "accused the UN of ignoring massacres" the
    // massacres are others').
    let gerund_charge = || {
        let p = (clause.start..t.np_start)
            .rev()
            .take_while(|&k| !matches!(cx.w(k), "," | ";" | ":"))
            .find(|&k| matches!(cx.w(k), "of" | "for" | "with"))?;
        let g = cx.w(p + 1);
        let lower_case = cx.seg.tokens[p + 1]
            .span
            .slice(cx.text)
            .starts_with(|c: char| c.is_lowercase());
        let gerund = g.len() >= 5 && g.ends_with("ing") && !g.ends_with("thing") && lower_case;
        if !gerund || NEGLECT.contains(g) {
            return None;
        }
        Some((p, verb_before(p)?))
    };
    let (p, v) = match verb_before(p) {
        Some(v) => (p, v),
        None => gerund_charge()?,
    };
    let fits = |m: usize| t.fits(cx, m) && !cx.is_place(m);
    let object = t.in_sentence.clone().find(|&m| {
        let f = cx.first_token(m);
        f > v && cx.last_token(m) < p && fits(m) && cx.w(f - 1) != "by"
    });
    // "Hamas, which Israel accused of war crimes": the object is the relative pronoun, and the
    // charge is its antecedent's.
    let relative = (t.sent.start.max(v.saturating_sub(4))..v)
        .rev()
        .find(|&k| matches!(cx.w(k), "which" | "whom" | "who" | "that"));
    if object.is_none()
        && let Some(rel) = relative.filter(|&r| r > t.sent.start)
    {
        return t.link_to_antecedent(
            cx,
            rel,
            LinkRule::AccusedOf,
            "charged to the relative pronoun's antecedent",
        );
    }
    let (m, how) = match object {
        Some(m) => (m, "object"),
        None => {
            // The passive's subject: the last party before the verb in its clause, not one
            // after "by".
            let m = t.in_sentence.clone().rev().find(|&m| {
                let f = cx.first_token(m);
                f >= clause.start
                    && cx.last_token(m) < v
                    && fits(m)
                    && !(f > 0 && cx.w(f - 1) == "by")
            })?;
            (m, "subject of the passive")
        }
    };
    let group: Vec<usize> = cx.conjuncts(m).into_iter().filter(|&g| fits(g)).collect();
    Some(Link {
        actors: unique_actors(cx, &group),
        rule: LinkRule::AccusedOf,
        detail: format!(
            "charged to '{}', {how} of '{} ... {}'",
            cx.mention_text(m),
            cx.w(v),
            cx.w(p)
        ),
    })
}

/// `proxy`: a group term whose phrase names a patron state describes the patron's proxies, when
/// each patron has exactly one proxy the term can describe (otherwise the proxy is ambiguous and
/// later rules decide). The patron is a backer in the phrase ("Turkish-backed factions"), the
/// antecedent of "their" ("Turkey and the US back their respective insurgent groups"), the
/// subject of a support verb before the phrase ("Turkey, which supports armed groups") or the
/// agent after "backed by" ("factions backed by Turkey").
pub(super) fn proxy(cx: &Context, t: &Term) -> Option<Link> {
    let e = t.entry;
    let proxy_word = e.kind == Kind::Label && e.category.ends_with("/proxy");
    let wants_groups = proxy_word
        || (!e.targets.is_empty() && !e.allows(ActorType::State))
        || (e.targets.is_empty() && !t.backers.is_empty());
    if !wants_groups {
        return None;
    }
    let (owners, how) = patrons(cx, t);
    let mut proxies = Vec::new();
    let mut ambiguous = false;
    for &o in &owners {
        // A party no lexicon lists has no proxies on record.
        let Some(owner) = cx.lex.actors.get(cx.mentions[o].actor) else {
            continue;
        };
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
    // "Tehran's proxies": a plural proxy word with several proxies on record describes those
    // of them the article names (all of them when it names none).
    let plural = t
        .hit
        .span
        .slice(cx.text)
        .split_whitespace()
        .last()
        .is_some_and(|w| heads::is_plural(&w.to_lowercase()));
    if ambiguous && plural {
        let named: Vec<usize> = proxies
            .iter()
            .copied()
            .filter(|&p| cx.mentions.iter().any(|m| m.actor == p))
            .collect();
        if !named.is_empty() {
            proxies = named;
        }
        ambiguous = false;
    }
    if proxies.is_empty() || ambiguous {
        return None;
    }
    let owner_actors = unique_actors(cx, &owners);
    Some(Link {
        detail: format!(
            "group {how} {}, whose proxies the lexicon lists",
            names(cx, &owner_actors)
        ),
        actors: proxies,
        rule: LinkRule::Proxy,
    })
}

/// `object_complement`: a term in the name of a naming frame ([`crate::analysis::voice::Naming`])
/// describes what the frame names: the object of an active verb ("Turkey considers the SDF a
/// terrorist group"), the namer of "who call themselves", the subject of a passive ("the group
/// was labelled a terrorist organization"), what the relative pronoun of "whom/which X calls Y"
/// stands for ("the Houthis, whom Saudi Arabia calls an Iranian proxy"). "What X called Y" names
/// nothing the text names.
pub(super) fn object_complement(cx: &Context, t: &Term) -> Option<Link> {
    if t.entry.kind != Kind::Label {
        return None;
    }
    let f = &cx.voices.frames[cx.voices.voice_of(cx.seg, t.hit.span).frame?];
    let verb = f.verb_tokens();
    if !f.scope.contains(&t.toks.start) {
        return None;
    }
    let (actors, what): (Vec<usize>, String) = match f.naming? {
        Naming::Active => {
            let m = t.in_sentence.clone().find(|&m| {
                cx.first_token(m) >= verb.end && cx.last_token(m) < t.np_start && t.fits(cx, m)
            })?;
            let group: Vec<usize> = cx
                .conjuncts(m)
                .into_iter()
                .filter(|&g| t.fits(cx, g))
                .collect();
            (
                unique_actors(cx, &group),
                format!("object '{}' of the naming verb", cx.mention_text(m)),
            )
        }
        Naming::Relative => {
            let a = f.speaker_actor?;
            if !(t.entry.allows(cx.type_of(a)) && t.agrees(cx, a, true)) {
                return None;
            }
            (
                vec![a],
                format!("'{}', who names itself so", f.speaker.slice(cx.text)),
            )
        }
        Naming::Passive => {
            // The last party before the verb, or the anchor of the apposition it is in ("the
            // SDF, an ally of the US, was labelled ...").
            let m = t.in_sentence.clone().rev().find(|&m| {
                cx.last_token(m) < verb.start && cx.first_token(m) >= t.sent.start && t.fits(cx, m)
            })?;
            let m = appositive_of(cx, m, t.sent.start, verb.start)
                .filter(|&a| t.fits(cx, a))
                .unwrap_or(m);
            (
                vec![cx.mentions[m].actor],
                format!(
                    "subject '{}' of the passive naming verb",
                    cx.mention_text(m)
                ),
            )
        }
        // "The Houthis, whom Saudi Arabia calls an Iranian proxy": the relative pronoun is the
        // object, and what it stands for is the phrase before it. A free relative ("what X
        // called Y") stands for no party.
        Naming::Gap => {
            let sp = token_range(cx.seg, f.speaker).start;
            let rel = sp
                .checked_sub(1)
                .filter(|&k| matches!(cx.w(k), "which" | "whom" | "who" | "that"))?;
            return t.link_to_antecedent(
                cx,
                rel,
                LinkRule::ObjectComplement,
                "named by the verb through the relative pronoun:",
            );
        }
    };
    Some(Link {
        actors,
        rule: LinkRule::ObjectComplement,
        detail: what,
    })
}

/// The patrons of a group term for [`proxy`] (mentions, with their conjuncts where found through
/// a pronoun or a verb) and how they were found.
pub(super) fn patrons(cx: &Context, t: &Term) -> (Vec<usize>, &'static str) {
    if !t.backers.is_empty() {
        return (t.backers.clone(), "backed by");
    }
    let (np_start, sent) = (t.np_start, &t.sent);
    if let Some(g) = pronoun_owners(cx, t) {
        return (g, "owned by");
    }
    if np_start > sent.start
        && SUPPORT_VERBS.contains(cx.w(np_start - 1))
        && let Some(m) = t
            .in_sentence
            .clone()
            .rev()
            .find(|&m| cx.last_token(m) < np_start - 1 && cx.first_token(m) >= sent.start)
    {
        return (cx.conjuncts(m), "supported by");
    }
    // "factions backed by Turkey"
    let end = t.toks.end;
    if end + 1 < sent.end
        && SUPPORT_VERBS.contains(cx.w(end))
        && cx.w(end + 1) == "by"
        && let Some(m) = cx.mention_at.get(end + 2).copied().flatten()
    {
        return (cx.conjuncts(m), "backed by");
    }
    (Vec::new(), "backed by")
}

/// `designation`: a term after a designation verb describes what the verb designates, the
/// phrase before it ("HTS—designated as a terrorist organization", "the PKK, which has been
/// designated as a terrorist group"), or its object before "as" ("the junta has designated the
/// NUG and its armed wing, the PDF, as terrorist organisations": every party of the object for a
/// plural term, the first for a singular one).
pub(super) fn designation(cx: &Context, t: &Term) -> Option<Link> {
    if !t.designated {
        return designated_object(cx, t);
    }
    if t.lead <= t.sent.start {
        return None;
    }
    let mut p = t.lead;
    if p > t.sent.start && matches!(cx.w(p - 1), "which" | "who" | "that") {
        p -= 1;
        // ", which": the comma opens the relative clause; its antecedent stands right before.
        if p > t.sent.start && matches!(cx.w(p - 1), "," | "—" | "–" | "-") {
            p -= 1;
        }
    }
    t.link_back(cx, p, LinkRule::Designation, "designation of")
}

/// The object of an active designation verb before "as" and the term ("designated X and Y as
/// terrorist organisations"): the parties named between the verb and "as".
pub(super) fn designated_object(cx: &Context, t: &Term) -> Option<Link> {
    let mut a = t.np_start;
    while a > t.sent.start && matches!(cx.w(a - 1), "a" | "an") {
        a -= 1;
    }
    // "as" or "to be": "designated the NUG as ...", "considers the SDF to be ...".
    let as_at = if a > t.sent.start && cx.w(a - 1) == "as" {
        a - 1
    } else if a > t.sent.start + 1 && cx.w(a - 1) == "be" && cx.w(a - 2) == "to" {
        a - 2
    } else {
        return None;
    };
    let v = (t.sent.start.max(as_at.saturating_sub(25))..as_at)
        .rev()
        .take_while(|&k| !matches!(cx.w(k), ";" | ":" | "."))
        .find(|&k| crate::analysis::voice::designates(cx.w(k)))?;
    let object: Vec<usize> = t
        .in_sentence
        .clone()
        .filter(|&m| {
            cx.first_token(m) > v && cx.last_token(m) < as_at && t.fits(cx, m) && !cx.is_place(m)
        })
        .collect();
    let first = *object.first()?;
    let plural =
        t.head.as_ref().is_some_and(|h| h.plural) || heads::is_plural(cx.w(t.toks.end - 1));
    let chosen = if plural { object } else { vec![first] };
    Some(Link {
        actors: unique_actors(cx, &chosen),
        rule: LinkRule::Designation,
        detail: format!(
            "designation of the object '{}' of '{}'",
            cx.mention_text(first),
            cx.w(v)
        ),
    })
}

/// `copula`: a term after "is"/"was"/"remains" ... describes the subject right before the verb
/// ("HTS is a militant group").
pub(super) fn copula(cx: &Context, t: &Term) -> Option<Link> {
    // "are not terrorists", "is no longer a terrorist group": a denial is still said of the
    // subject.
    let mut c = t.lead;
    while c > t.sent.start
        && t.lead - c < 3
        && matches!(cx.w(c - 1), "not" | "n't" | "never" | "no" | "longer")
    {
        c -= 1;
    }
    if c <= t.sent.start || !COPULA.contains(cx.w(c - 1)) {
        return None;
    }
    // "Several ISWAP terrorists were neutralised": a participle after "be" is passive, and its
    // subject is whom the act is done to (see `Term::patient`), not who does it.
    if t.entry.kind == Kind::Act && cx.w(t.toks.end - 1).ends_with("ed") {
        return None;
    }
    let copula = c - 1;
    if let Some(link) = pronoun_subject(cx, t, copula) {
        return Some(link);
    }
    t.link_back(cx, copula, LinkRule::Copula, "subject")
}

/// A copula whose subject is "we" or "I" in quoted words, or a negative quantifier ("nobody",
/// "no one", "none of us"): the label is said of the speaker, whose party it takes (none when
/// the speaker is no party: "‘We are not terrorists,’ villagers say"), or of no one. Else a
/// state's own citizens ([`own_citizens`]); `None` for any other subject.
pub(super) fn pronoun_subject(cx: &Context, t: &Term, copula: usize) -> Option<Link> {
    // The subject: the words from the clause's start (after quotation marks) up to the copula,
    // "here" and "there" left out ("nobody here is a terrorist").
    let mut words: Vec<&str> = (t.sent.start..copula)
        .map(|k| cx.w(k))
        .filter(|w| !crate::text::is_quote_token(w))
        .collect();
    if let Some(i) = words.iter().rposition(|w| matches!(*w, "," | ";" | ":")) {
        words.drain(..=i);
    }
    words.retain(|w| !matches!(*w, "here" | "there"));
    let none = |detail: String| Link {
        actors: Vec::new(),
        rule: LinkRule::Copula,
        detail,
    };
    match words.as_slice() {
        ["nobody" | "none" | "noone"] | ["no", "one"] | ["none", "of", ..] => {
            Some(none(format!("said of no one ('{}')", words.join(" "))))
        }
        ["we" | "i"] => {
            let v = cx.voices.voice_of(cx.seg, t.hit.span);
            if v.voice != Voice::Quote {
                return None;
            }
            let frame = v.frame.map(|f| &cx.voices.frames[f]);
            let speaker = frame.map_or_else(String::new, |f| f.speaker.slice(cx.text).to_owned());
            match frame
                .and_then(|f| f.speaker_actor)
                .filter(|&a| t.entry.allows(cx.type_of(a)))
            {
                Some(a) => Some(Link {
                    actors: vec![a],
                    rule: LinkRule::Copula,
                    detail: format!("subject '{}': the speaker, '{speaker}'", words[0]),
                }),
                None => Some(none(format!(
                    "subject '{}': the speaker{}, who is no party the lexicon lists",
                    words[0],
                    if speaker.is_empty() {
                        String::new()
                    } else {
                        format!(" '{speaker}'")
                    }
                ))),
            }
        }
        _ => own_citizens(cx, t, &words),
    }
}

/// "The Lebanese Ministry of Public Health said two citizens were martyred": a bare noun for a
/// state's people ([`heads::CITIZEN_NOUNS`]), counted by at most two words before it (an
/// article, a number, a quantifier or an ordinal: "a third citizen"; no possessor: "their
/// citizens" are someone's), as the subject of a clause in a state's own words, is that state's
/// people, as "we" is the speaker: a term about a population then describes the state the
/// speaker speaks for. `words` are the words before the copula, from the clause's start.
pub(super) fn own_citizens(cx: &Context, t: &Term, words: &[&str]) -> Option<Link> {
    let (&noun, before) = words.split_last()?;
    if !heads::CITIZEN_NOUNS.contains(noun) || !t.entry.allows(ActorType::Population) {
        return None;
    }
    let counted = before
        .iter()
        .rev()
        .take_while(|w| {
            heads::is_quantifier(w)
                || heads::is_ordinal(w)
                || matches!(**w, "a" | "an" | "the" | "another")
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(2)
        .count();
    // What stands before the subject opens its clause: the reporting verb, "that", "and", or the
    // start of the words.
    if let Some(w) = before.len().checked_sub(counted + 1).map(|i| before[i])
        && !(matches!(w, "that" | "and") || crate::analysis::words::is_cue_word(w))
    {
        return None;
    }
    let v = cx.voices.voice_of(cx.seg, t.hit.span);
    if !matches!(v.voice, Voice::Quote | Voice::Reported) {
        return None;
    }
    let f = &cx.voices.frames[v.frame?];
    let a = f
        .speaker_actor
        .filter(|&a| cx.type_of(a) == ActorType::State)?;
    Some(Link {
        actors: vec![a],
        rule: LinkRule::Copula,
        detail: format!(
            "subject '{noun}': the people of the state that speaks, '{}'",
            f.speaker.slice(cx.text)
        ),
    })
}

/// `apposition`: a term set off by a comma, dash or bracket describes the phrase right before
/// it ("HTS, a militant group").
pub(super) fn apposition(cx: &Context, t: &Term) -> Option<Link> {
    if t.lead <= t.sent.start || !matches!(cx.w(t.lead - 1), "," | "—" | "–" | "(") {
        return None;
    }
    // A verb after a comma is no apposition: "Units, supported by the VDP, neutralised ..."
    // and "Israel struck the camp, killing ..." say what the clause's subject did.
    if is_clause_verb(cx, t.hit, t.toks.end - 1, t.sent.start) {
        return None;
    }
    t.link_back(cx, t.lead - 1, LinkRule::Apposition, "apposition to")
}

/// `relative_clause`: a term in a clause opened by ", which"/", who"/", whose" describes the
/// clause's antecedent, when no compatible actor stands between the relative word and the term
/// ("the SDF, which HTS fought as a terrorist group" leaves the term to HTS; in "the PKK, which
/// Turkey fought in the 1990s as a terrorist group" a state cannot be the group, so the term is
/// the PKK's). A naming verb in the clause is [`object_complement`]'s.
pub(super) fn relative_clause(cx: &Context, t: &Term) -> Option<Link> {
    let sent = &t.sent;
    let rel = (sent.start..t.np_start).rev().find(|&k| {
        matches!(cx.w(k), "which" | "who" | "whose")
            && k > sent.start
            && matches!(cx.w(k - 1), "," | "—")
    })?;
    // (A state's people between are no agent of an act: see `nearest_in`.)
    let between_has_actor = (rel..t.np_start).any(|k| {
        cx.mention_at[k].is_some_and(|m| {
            t.fits(cx, m) && !(t.entry.kind == Kind::Act && cx.population_reading(m))
        })
    });
    if between_has_actor {
        return None;
    }
    t.link_back(cx, rel - 1, LinkRule::RelativeClause, "relative clause on")
}

/// `coordination`: the nearest actor in the clause (see [`nearest_in`]) is one of several
/// coordinated actors, and the term describes them all ("both Turkey and the US maintain
/// occupation forces").
pub(super) fn coordination(cx: &Context, t: &Term) -> Option<Link> {
    let (_, group) = t.nearest(cx)?;
    let actors = unique_actors(cx, group);
    if actors.len() < 2 {
        return None;
    }
    let listed = group
        .iter()
        .map(|&g| format!("'{}'", cx.mention_text(g)))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Link {
        actors,
        rule: LinkRule::Coordination,
        detail: format!("coordinated actors {listed}"),
    })
}

/// `nearest_in_clause`: the nearest actor in the clause (see [`nearest_in`]) when it stands
/// alone.
pub(super) fn nearest_in_clause(cx: &Context, t: &Term) -> Option<Link> {
    let (m, group) = t.nearest(cx)?;
    let actors = unique_actors(cx, group);
    if actors.len() > 1 {
        return None;
    }
    Some(Link {
        actors,
        rule: LinkRule::NearestInClause,
        detail: format!(
            "nearest compatible actor in the clause: '{}'",
            cx.mention_text(*m)
        ),
    })
}

/// `epithet`: a side's name for a party, recorded by the lexicon (`names:` of the entry), names
/// that party where the article is about that side's conflict: "Khawarij" is al-Shabaab in an
/// article that names Somalia, and the TTP in one that names Pakistan. Of the entry's parties,
/// the one whose places (its `where`, or the party itself) the article names most often, when
/// one is named more than the others; never a party of a type the entry does not target. Names
/// the party though the article never does: state media seldom name the enemy they call by
/// such a name.
pub(super) fn epithet(cx: &Context, t: &Term) -> Option<Link> {
    let index = |id: &str| cx.lex.actors.iter().position(|a| a.id == id);
    let times = |a: usize| cx.mentions.iter().filter(|m| m.actor == a).count();
    let mut ranked: Vec<(usize, usize, usize)> = t
        .entry
        .names
        .iter()
        .filter_map(|n| {
            let a = index(&n.actor).filter(|&a| t.entry.allows(cx.type_of(a)))?;
            // The place named most often, and how often the article names the party's places.
            let places: Vec<(usize, usize)> = std::iter::once(a)
                .chain(n.where_.iter().filter_map(|w| index(w)))
                .map(|p| (times(p), p))
                .collect();
            let total = places.iter().map(|x| x.0).sum::<usize>();
            let &(_, top) = places.iter().max()?;
            (total > 0).then_some((total, a, top))
        })
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let &(n, a, place) = ranked.first()?;
    if ranked.get(1).is_some_and(|r| r.0 == n) {
        return None;
    }
    Some(Link {
        actors: vec![a],
        rule: LinkRule::Epithet,
        detail: format!(
            "the lexicon gives the term as a name for {} where the article is about {} (named {n} times)",
            cx.name(a),
            cx.name(place)
        ),
    })
}

/// `distanced_phrase`: a distancing marker ("so-called") describes what follows it within three
/// tokens: the actors of the next term when that term has some, or the next mention.
pub(super) fn distanced_phrase(
    cx: &Context,
    hits: &[TermHit],
    hit_at: &[Option<usize>],
    links: &[Option<Link>],
    hi: usize,
) -> Option<Link> {
    let own = token_range(cx.seg, hits[hi].span);
    // "the Hamas-run health ministry": a marker that names the party in control of a source
    // marks that party's claims, as a term names its owner (`same_phrase`). Another party in
    // the marker is not what it marks ("what Moscow calls terrorism" is about the next term).
    let mut named: Vec<usize> = own
        .clone()
        .filter_map(|t| cx.mention_at[t])
        .filter(|&m| cx.mentions[m].role == Some(Role::Controller))
        .collect();
    named.dedup();
    if let Some(&first) = named.first() {
        return Some(Link {
            actors: unique_actors(cx, &named),
            rule: LinkRule::SamePhrase,
            detail: format!("'{}' is part of the term", cx.mention_text(first)),
        });
    }
    let after = own.end;
    let next = (after..(after + 3).min(cx.seg.tokens.len())).find_map(|t| {
        hit_at[t]
            .filter(|&o| o != hi)
            .map(|o| (Some(o), None))
            .or_else(|| cx.mention_at[t].map(|m| (None, Some(m))))
    });
    match next {
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
    }
}

/// A term tied to actors: (sentence, paragraph, actors, term as written).
pub(super) type Tie = (usize, usize, Vec<usize>, String);

/// The ties the discourse phase may carry over to a later term: the last of each entry, and
/// the last of any entry (for an anaphoric phrase: "such groups").
#[derive(Default)]
pub(super) struct Ties<'h> {
    pub(super) by_entry: FxHashMap<&'h str, Tie>,
    pub(super) any: Option<Tie>,
}

impl<'h> Ties<'h> {
    /// Records the link of term `h`, when it has actors and is no attribution verb.
    pub(super) fn record(&mut self, cx: &Context, h: &TermHit<'h>, link: &Link) {
        if link.actors.is_empty() || h.entry.kind == Kind::Attribution {
            return;
        }
        let para = cx.seg.sentences[h.sentence].paragraph;
        let tie = (
            h.sentence,
            para,
            link.actors.clone(),
            h.span.slice(cx.text).to_owned(),
        );
        self.by_entry.insert(h.entry.id.as_str(), tie.clone());
        self.any = Some(tie);
    }

    /// The ties term `h` may take: its entry's last, and the last of any entry when the phrase
    /// is anaphoric. A tie carried over must hold for this use too: not a party this use is set
    /// `against`, and not one the side its voice takes rules out (see `crate::analysis::alignment`): "Our
    /// forces will defend every centimetre against these invaders" does not carry the speaker's
    /// own forces over to "invaders".
    pub(super) fn usable(
        &self,
        h: &TermHit,
        anaphoric: bool,
        against: &[usize],
        rules_out: impl Fn(usize) -> bool,
    ) -> (Option<&Tie>, Option<&Tie>) {
        let untouched = |t: &&Tie| !t.2.iter().any(|&a| against.contains(&a) || rules_out(a));
        let recent = if anaphoric { self.any.as_ref() } else { None };
        let recent = recent.filter(untouched);
        let same_entry = self.by_entry.get(h.entry.id.as_str()).filter(untouched);
        (same_entry, recent)
    }
}

pub(super) fn carried_over(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    head: Option<&Head>,
    same_entry: Option<&Tie>,
    anaphor: Option<&Tie>,
) -> Option<Link> {
    let e = h.entry;
    if e.kind == Kind::Attribution {
        return None;
    }
    let para = cx.seg.sentences[h.sentence].paragraph;
    let near = |t: &&Tie| t.1 == para || h.sentence - t.0 <= 2;
    // "such terrorist groups": an anaphoric determiner points back to the last tied term of any
    // category whose actors the term can describe; otherwise the last use of the same entry (the same label repeated).
    // As in the discourse model, a delegitimising term in a party's own words is not about it.
    let v = cx.voices.voice_of(cx.seg, h.span);
    let speaker = match v.voice {
        Voice::Quote | Voice::Reported if e.stance < 0 => {
            v.frame.and_then(|f| cx.voices.frames[f].speaker_actor)
        }
        _ => None,
    };
    let fits = |t: &&Tie| {
        t.2.iter().all(|&a| {
            e.allows(cast.actor_type(a))
                && head.is_none_or(|h| h.refuses(cast.referent(a), false).is_none())
                && speaker != Some(a)
        })
    };
    let anaphor = anaphor.filter(near).filter(fits);
    let (s, _, actors, term) = anaphor.or(same_entry.filter(near).filter(fits))?;
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
