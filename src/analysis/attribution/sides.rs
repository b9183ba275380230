//! Which side each voice of the article takes: the parties set against each other, the state an
//! unnamed official serves, and what each voice says of the parties. The links read from the
//! whole article use it to rule a party out for a term (a party does not call itself a
//! terrorist) and the `reciprocal` rule to find the two sides of "each other".

use super::context::{
    Context, DETERMINERS, Link, LinkRule, Reading, TermHit, starts_with_owner_pp,
};
use crate::analysis::alignment::{Alignment, Evidence, Holder, Relations};
use crate::analysis::discourse::{self, Cast, Resolved, Salience, Term as DiscourseTerm};
use crate::analysis::heads::{self, Head};
use crate::analysis::opponents::{Opponents, Opposed, Side};
use crate::analysis::voice::{Frame, Voice, VoiceOf};
use crate::analysis::words::BE_FORMS;
use crate::lexicon::{ActorType, Kind, Lexicon};
use crate::text::WordSet;
use crate::text::token_range;

/// What focus weighs: the salience of each party, the parties set against each other, the
/// side each voice takes, and the state each official speaks for.
pub(super) type Focus<'a, 'o> = (
    &'a Salience,
    &'a dyn Fn() -> &'o Opponents,
    &'a Alignment,
    &'a [Option<usize>],
);

/// The sides of hostility for [`Opponents::read`]: the parties named (not as a place or in a
/// compound role), and the terms a local rule tied to one party ("the occupation forces", "HTS
/// fighters") where no name stands; sorted by their first token.
pub(super) fn sides_of(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    place: &[bool],
) -> Vec<Side> {
    let mut sides: Vec<Side> = (0..cx.mentions.len())
        .filter(|&m| cx.mentions[m].role.is_none() && !place[m])
        .map(|m| Side {
            first: cx.first_token(m),
            last: cx.last_token(m),
            actor: cx.mentions[m].actor,
        })
        .collect();
    for (h, r) in hits.iter().zip(readings) {
        let toks = token_range(cx.seg, h.span);
        if let Some(l) = r.link.as_ref()
            && let [actor] = l.actors[..]
            && h.entry.kind == Kind::Label
            && !toks.is_empty()
            && toks.clone().all(|t| cx.mention_at[t].is_none())
        {
            sides.push(Side {
                first: toks.start,
                last: toks.end - 1,
                actor,
            });
        }
    }
    sides.sort_by_key(|s| s.first);
    sides
}

/// Reciprocal subjects before a verb or an act, as two words: "each side blaming the other",
/// "both sides accused ...", "the two sides".
pub(super) const RECIPROCAL_SUBJECTS: &[(&str, &str)] = &[
    ("each", "side"),
    ("either", "side"),
    ("both", "sides"),
    ("two", "sides"),
    ("both", "parties"),
    ("warring", "sides"),
    ("warring", "parties"),
];

/// Words that may stand between a reciprocal subject and its verb.
pub(super) static RECIPROCAL_GAP: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "also",
    "again",
    "repeatedly",
    "then",
    "later",
    "quickly",
    "immediately",
]);

/// `reciprocal`: an attribution verb or an act whose subject is reciprocal ("with each side
/// blaming the other", "both sides accused each other of violations") describes the two sides
/// of the article's conflict: of the pairs of parties the article sets against each other
/// ([`crate::analysis::opponents`]), the one most in focus at the term. None when the article sets no
/// two parties against each other that are both in focus.
pub(super) fn reciprocal<'o>(
    cx: &Context,
    cast: &Cast,
    h: &TermHit,
    opponents: &dyn Fn() -> &'o Opponents,
    salience: &Salience,
) -> Option<Link> {
    if !matches!(h.entry.kind, Kind::Attribution | Kind::Act) {
        return None;
    }
    // The subject stands right before the verb, or before an auxiliary or adverb ("both sides
    // have repeatedly accused ..."); a passive ("both sides were accused of war crimes") has
    // the two sides as its object, not as its accusers.
    let t = token_range(cx.seg, h.span).start;
    let sent_start = cx.seg.sentences[h.sentence].tokens.start;
    let mut k = t;
    while k > sent_start && RECIPROCAL_GAP.contains(cx.w(k - 1)) {
        k -= 1;
    }
    let progressive = cx.w(t).ends_with("ing");
    if (!progressive && (k..t).any(|j| BE_FORMS.contains(cx.w(j)))) || k < sent_start + 2 {
        return None;
    }
    let subject = k - 2;
    if !RECIPROCAL_SUBJECTS
        .iter()
        .any(|&(a, b)| cx.w(subject) == a && cx.w(subject + 1) == b)
    {
        return None;
    }
    let points = salience.at(h.sentence, h.span.start);
    let of = |a: usize| points.iter().find(|p| p.0 == a).map_or(0, |p| p.1);
    let (pair, sum) = opponents()
        .pairs()
        .iter()
        .filter(|p| of(p.a) >= discourse::MIN_POINTS && of(p.b) >= discourse::MIN_POINTS)
        .map(|p| (p, of(p.a) + of(p.b)))
        .fold(None, |best: Option<(&Opposed, u32)>, (p, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((p, n)),
        })?;
    let mut actors = vec![pair.a, pair.b];
    actors.sort_by_key(|&a| std::cmp::Reverse(of(a)));
    Some(Link {
        detail: format!(
            "'{} {}' are the two sides the article sets against each other, the pair most in \
             focus ({sum} points): {} and {} ('{}' in sentence {})",
            cx.w(subject),
            cx.w(subject + 1),
            cast.name(actors[0]),
            cast.name(actors[1]),
            pair.word,
            pair.sentence + 1
        ),
        actors,
        rule: LinkRule::Reciprocal,
    })
}

/// What a term's own reading rules out or asks of a party, for [`from_salience`].
pub(super) struct Roles<'r> {
    /// Parties its phrase names in another role ([`Term::other_roles`]).
    pub(super) other: &'r [usize],
    /// Parties its description is set against ([`set_against_by_entry`]).
    pub(super) set_against: &'r [usize],
    /// For an act, the parties of its patient ([`Term::patient`]).
    pub(super) patient: &'r [usize],
    pub(super) head: Option<&'r Head>,
    pub(super) count: Option<usize>,
    /// The state its phrase names by an adjective ("Russian mercenaries").
    pub(super) origin: Option<usize>,
}

/// Resolves a term from the article's discourse model (see [`crate::analysis::discourse`]).
pub(super) fn from_salience<'o>(
    cx: &Context,
    h: &TermHit,
    roles: Roles,
    (salience, opponents, alignment, officials): Focus<'_, 'o>,
    cast: &mut Cast,
    unnamed: &mut Vec<(Vec<ActorType>, usize)>,
) -> Option<Resolved> {
    let v = cx.voices.voice_of(cx.seg, h.span);
    let holder = (h.entry.stance != 0)
        .then(|| holder_of(cx, &v, officials))
        .flatten();
    let relations = Sides {
        lex: cast.lex,
        opponents,
    };
    let leaning = |a: usize| {
        holder
            .as_ref()
            .and_then(|ho| alignment.leaning(ho, a, &relations))
    };
    let frame = match v.voice {
        Voice::Quote | Voice::Reported => v.frame,
        _ => None,
    };
    let named = frame.and_then(|f| cx.voices.frames[f].speaker_actor);
    let speaker_official = named.is_none() && frame.is_some_and(|f| officials[f].is_some());
    let speaker_actor = named.or_else(|| frame.and_then(|f| officials[f]));
    // A delegitimising term in a party's own words is about those the article sets against it.
    let opposed: Vec<(usize, String)> = match speaker_actor {
        Some(s) if h.entry.stance < 0 => opponents()
            .of(s)
            .map(|(a, o)| (a, format!("'{}' in sentence {}", o.word, o.sentence + 1)))
            .collect(),
        _ => Vec::new(),
    };
    let term = DiscourseTerm {
        entry: h.entry,
        span: h.span,
        sentence: h.sentence,
        speaker_actor,
        speaker_official,
        opposed: &opposed,
        other_roles: roles.other,
        set_against: roles.set_against,
        patient: roles.patient,
        head: roles.head,
        count: roles.count,
        origin: roles.origin,
        leaning: &leaning,
        narration: v.voice == Voice::Author,
        owner_pp: {
            // The owner phrase may follow the closing mark of a quoted term ("“mercenaries” of").
            let sent_end = cx.seg.sentences[h.sentence].tokens.end;
            let mut at = token_range(cx.seg, h.span).end;
            while at < sent_end && crate::text::is_quote_token(cx.w(at)) {
                at += 1;
            }
            starts_with_owner_pp(cx, h.entry, at, sent_end)
        },
    };
    discourse::resolve(salience, cast, unnamed, &term, cx.text, cx.seg)
}

/// Whether the side the voice of term `h` takes rules party `a` out for it: a negative term
/// (not a euphemism) does not describe the speaker's own party or a party its voice sides with,
/// and a positive one not a party its voice is set against (see [`crate::analysis::alignment`]).
pub(super) fn side_rules_out<'a, 'o>(
    cx: &'a Context,
    h: &'a TermHit,
    alignment: &'a Alignment,
    officials: &'a [Option<usize>],
    opponents: &'a dyn Fn() -> &'o Opponents,
) -> impl Fn(usize) -> bool + 'a
where
    'o: 'a,
{
    let e = h.entry;
    let v = cx.voices.voice_of(cx.seg, h.span);
    let holder = (e.stance != 0 && e.stance_is_the_users())
        .then(|| holder_of(cx, &v, officials))
        .flatten();
    let speaker = match v.voice {
        Voice::Quote | Voice::Reported => v
            .frame
            .and_then(|f| cx.voices.frames[f].speaker_actor.or(officials[f])),
        _ => None,
    };
    move |a: usize| {
        if e.stance < 0 && speaker == Some(a) {
            return true;
        }
        let relations = Sides {
            lex: cx.lex,
            opponents,
        };
        holder
            .as_ref()
            .and_then(|ho| alignment.leaning(ho, a, &relations))
            .is_some_and(|l| (e.stance < 0 && l.net > 0) || (e.stance > 0 && l.net < 0))
    }
}

/// The state each official speaks for ([`officials_of`]) and the side each voice takes
/// ([`alignment_of`]). The outlet's side comes first, since what officials say is not needed
/// for it, and tells which state an official serves.
pub(super) fn sides_taken<'o>(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    salience: &Salience,
    opponents: &dyn Fn() -> &'o Opponents,
) -> (Vec<Option<usize>>, Alignment) {
    let no_officials = vec![None; cx.voices.frames.len()];
    let outlet = alignment_of(cx, hits, readings, &no_officials);
    let relations = Sides {
        lex: cx.lex,
        opponents,
    };
    let outlet_leaning = |a: usize| {
        outlet
            .leaning(&Holder::Author, a, &relations)
            .map_or(0, |l| l.net)
    };
    let denounced = denounced_by_frame(cx, hits, readings);
    let officials = officials_of(cx, salience, &outlet_leaning, &denounced);
    let alignment = alignment_of(cx, hits, readings, &officials);
    (officials, alignment)
}

/// The state each frame's speaker serves, when the frame names no party but the speaker's title
/// says they hold a state office ([`crate::analysis::unlisted::is_state_office`]: "Interior ministry spokesman
/// Noureddine al-Baba", "Major Jean-Pierre Kasongo Mwamba", "the Deputy Minister"). An official
/// is named without the country when the outlet writes for that country's readers, or the story
/// is about it: the state is the most salient one the outlet sides with (`outlet_leaning`, the
/// net of [`crate::analysis::alignment`] for the outlet's narration), else the most salient state the
/// outlet is not against, where the speaker is named; a state the outlet is against by a net of
/// one term (a wire story's "junta") still serves when it has three times any other state's
/// points ([`state_in_focus`]). A state organ named by its words alone
/// ([`crate::analysis::unlisted::is_state_organ`]: "the Ministry of Defence", "a security source") is
/// read the same way, and, when no state can be the one, is the organ of the most salient armed
/// group or movement the outlet sides with. A definite organ or office holder named by its head
/// alone ("the ministry", "the source", "the spokesperson") takes what the speaker with that
/// head named in the five sentences before was read as. Words that denounce a party by name
/// ("Pakistan-occupied Kashmir") are not its official's, and an organ whose words denounce a
/// party serves a party the outlet sides with before a state the outlet is merely not against.
///
/// What it does not do: tell which of two states in equal focus the official serves (none is
/// chosen when the runner-up has more than half the leader's points and the outlet sides with
/// neither), or read a title that names an opposition or a former office ("former
/// defence minister").
pub(super) fn officials_of(
    cx: &Context,
    salience: &Salience,
    outlet_leaning: &dyn Fn(usize) -> i32,
    denounced: &[Vec<usize>],
) -> Vec<Option<usize>> {
    let frames = &cx.voices.frames;
    // Each speaker as written (or as resolved), read once.
    let written: Vec<&str> = frames
        .iter()
        .map(|f| {
            f.resolved_from
                .as_deref()
                .unwrap_or_else(|| f.speaker.slice(cx.text))
        })
        .collect();
    let mut out: Vec<Option<usize>> = Vec::with_capacity(frames.len());
    for (f, &w) in frames.iter().zip(&written) {
        if f.speaker_actor.is_some() {
            out.push(None);
            continue;
        }
        let mut organ = crate::analysis::unlisted::is_state_organ(w);
        let mut office = organ || crate::analysis::unlisted::is_state_office(w);
        let n = out.len();
        // "He said" after "Akpan said": a personal pronoun stands for the person who spoke
        // last, in the five sentences before (no organ), as news copy uses it; that person's
        // state, if an official's. (The pronoun as written: one resolved to a person of no
        // party reads as that person's name.)
        let pronoun = is_personal_pronoun(w) || is_personal_pronoun(f.speaker.slice(cx.text));
        let last_person = (0..n)
            .rev()
            .filter(|_| pronoun)
            .take_while(|&g| frames[g].sentence + 5 >= f.sentence)
            .find(|&g| !crate::analysis::unlisted::is_state_organ(written[g]));
        // A speaker written short stands for the title the text introduced it with ("Akpan"
        // for "The Director of Defence Media Operations, Brigadier General Samuel Akpan").
        if !office
            && last_person.is_none()
            && let Some(intro) = introduction(cx, f, w)
        {
            organ = crate::analysis::unlisted::is_state_organ(intro);
            office = organ || crate::analysis::unlisted::is_state_office(intro);
        }
        // "the ministry", "the source", "the spokesperson": the organ or office holder with that
        // head named in the five sentences before, whatever it was read as ("The ministry" after
        // "the Gaza Health Ministry" is no state's); else a head that names an organ or a state
        // office alone is read as one.
        let before = crate::analysis::unlisted::definite_organ(w).and_then(|head| {
            (0..n)
                .rev()
                .take_while(|&g| frames[g].sentence + 5 >= f.sentence)
                .find(|&g| {
                    crate::analysis::unlisted::speaker_head(written[g]).as_deref() == Some(head)
                })
        });
        let before = before.or(last_person);
        let state = match before {
            Some(g) => out[g],
            None if office => state_in_focus(cx, salience, outlet_leaning, f, organ, &denounced[n]),
            None => None,
        };
        out.push(state);
    }
    out
}

/// The words the text introduced a speaker with when the frame writes it short: for an acronym,
/// the name before its first use in brackets ("The Defence Headquarters (DHQ)"); for a surname,
/// its clause up to the surname's first use ("The Director of Defence Media Operations,
/// Brigadier General Samuel Akpan"); for "he", "she" or "him", "her", the clause of the
/// last titled name (a rank and capitalised words after it) in the two sentences before. A
/// clause starts at its sentence's start or after a semicolon, colon or quotation mark.
pub(super) fn introduction<'t>(cx: &Context<'t>, f: &Frame, written: &str) -> Option<&'t str> {
    let toks = &cx.seg.tokens;
    let raw = |k: usize| toks[k].span.slice(cx.text);
    let clause_from = |k: usize| {
        let sent = cx.seg.sentence_at(toks[k].span.start)?;
        let start = cx.seg.sentences[sent].tokens.start;
        Some(
            (start..k)
                .rev()
                .find(|&j| matches!(cx.w(j), ";" | ":" | "\"" | "“" | "”"))
                .map_or(start, |j| j + 1),
        )
    };
    let slice = |from: usize, to: usize| {
        let (a, b) = (toks[from].span.start, toks[to].span.end);
        (b > a).then(|| &cx.text[a..b])
    };
    let word = written.trim();
    // "The DHQ": an acronym may take the article.
    let word = match word
        .strip_prefix("The ")
        .or_else(|| word.strip_prefix("the "))
    {
        Some(w) if crate::text::is_acronym(w) => w,
        _ => word,
    };
    if word.contains(char::is_whitespace) || word.is_empty() {
        return None;
    }
    if crate::text::is_acronym(word) {
        let k = (1..toks.len()).find(|&k| raw(k) == word && cx.w(k - 1) == "(")?;
        let from = clause_from(k - 1)?;
        return (from + 1 < k).then(|| slice(from, k - 2)).flatten();
    }
    // A title: capitalised words, words of office or role, and the words that join them ("The
    // Director of Defence Media Operations, Brigadier General"), with no verb between.
    let capitalised = |k: usize| crate::analysis::unlisted::starts_upper(raw(k));
    let title = |from: usize, to: usize| {
        (from..to).all(|k| {
            let w = cx.w(k);
            capitalised(k)
                || matches!(w, "," | "-" | "of" | "the" | "for" | "and")
                || heads::ROLE_NOUNS.contains(w)
                || crate::analysis::unlisted::is_office_word(w)
        })
    };
    let upto = token_range(cx.seg, f.speaker).start;
    if crate::analysis::unlisted::starts_upper(word) && !is_personal_pronoun(word) {
        // The surname's first use, after a first name, at the end of a title.
        let k = (1..upto).find(|&k| raw(k) == word)?;
        let from = clause_from(k)?;
        return (from + 1 < k && capitalised(k - 1) && title(from, k))
            .then(|| slice(from, k))
            .flatten();
    }
    if !is_personal_pronoun(word) {
        return None;
    }
    // The last ranked name of the two sentences before, at the end of a title that opens its
    // clause: the subject of its sentence.
    let first = cx.seg.sentences[f.sentence.saturating_sub(2)].tokens.start;
    let end = cx.seg.sentences[f.sentence].tokens.start;
    let rank = (first..end).rev().find(|&k| {
        crate::analysis::unlisted::is_rank(raw(k)) && k + 1 < end && capitalised(k + 1)
    })?;
    let last = (rank + 1..end).take_while(|&k| capitalised(k)).last()?;
    let from = clause_from(rank)?;
    title(from, rank).then(|| slice(from, last)).flatten()
}

/// The personal pronouns that stand for one person speaking, in either case.
pub(super) static PERSONAL_PRONOUNS: WordSet = WordSet::new(&["he", "she", "him", "her"]);

/// Whether a speaker as written is a personal pronoun of [`PERSONAL_PRONOUNS`].
pub(super) fn is_personal_pronoun(w: &str) -> bool {
    PERSONAL_PRONOUNS.contains(crate::text::lowercase(w.trim()))
}

/// For each speech frame, the parties its own words delegitimise by name: a term of negative
/// stance whose own phrase names the party ("Pakistan-occupied Kashmir", "PoK", "Pakistan's
/// proxy war", rule `same_phrase`). No party says so of itself, so the frame's unnamed official
/// or organ does not serve them.
pub(super) fn denounced_by_frame(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); cx.voices.frames.len()];
    for (h, r) in hits.iter().zip(readings) {
        let Some(link) = r.link.as_ref().filter(|l| l.rule == LinkRule::SamePhrase) else {
            continue;
        };
        if h.entry.stance >= 0 || !h.entry.stance_is_the_users() {
            continue;
        }
        let v = cx.voices.voice_of(cx.seg, h.span);
        if !matches!(v.voice, Voice::Quote | Voice::Reported) {
            continue;
        }
        if let Some(list) = v.frame.and_then(|f| out.get_mut(f)) {
            list.extend(link.actors.iter().copied());
        }
    }
    out
}

/// The party an unnamed official or organ of frame `f` serves (see [`officials_of`]): a state,
/// or for an organ (`organ`) with no state to be, a governing armed group or movement. Never a
/// party its words denounce (`denounced`); and an organ whose words denounce one serves a
/// governing party the outlet sides with before a state the outlet is merely not against. A
/// state the outlet is against serves only when it is the most salient state, the outlet's net
/// lean against it is one (a single "junta"), and it has three times any other state's points;
/// a governing party the outlet sides with, for an organ whose words denounce, comes first.
pub(super) fn state_in_focus(
    cx: &Context,
    salience: &Salience,
    outlet_leaning: &dyn Fn(usize) -> i32,
    f: &Frame,
    organ: bool,
    denounced: &[usize],
) -> Option<usize> {
    let ranked = salience.at(f.sentence, f.speaker.start);
    let listed = |a: usize| a < cx.lex.actors.len();
    let states: Vec<(usize, u32, i32)> = ranked
        .iter()
        .filter(|&&(a, _)| {
            listed(a) && cx.type_of(a) == ActorType::State && !denounced.contains(&a)
        })
        .map(|&(a, p)| (a, p, outlet_leaning(a)))
        .collect();
    if let Some(&(a, _, _)) = states.iter().find(|&&(_, _, lean)| lean > 0) {
        return Some(a);
    }
    let all_states = states;
    let states: Vec<(usize, u32, i32)> = all_states
        .iter()
        .copied()
        .filter(|&(_, _, lean)| lean >= 0)
        .collect();
    // An organ of a party that governs where it holds ground ("the Ministry of Health" of the
    // Houthis' Sanaa government): one the outlet sides with, and not one the words denounce.
    let governing = || {
        ranked
            .iter()
            .find(|&&(a, _)| {
                listed(a)
                    && matches!(cx.type_of(a), ActorType::ArmedGroup | ActorType::Movement)
                    && outlet_leaning(a) > 0
                    && !denounced.contains(&a)
            })
            .map(|&(a, _)| a)
    };
    // An organ whose words denounce a party takes a side: one the outlet sides with comes before
    // a state the outlet merely is not against.
    if organ
        && !denounced.is_empty()
        && let Some(a) = governing()
    {
        return Some(a);
    }
    // The state the story is about, which the outlet's own voice is against by one term alone
    // (a wire story's "junta"), is still the one whose officials speak in it: when it has three
    // times the points of any other state, the outlet's word does not make the story another
    // state's.
    if let [(a, p, lean), rest @ ..] = &all_states[..]
        && *lean == -1
        && rest.first().is_none_or(|&(_, q, _)| 3 * q <= *p)
    {
        return Some(*a);
    }
    let state = match states[..] {
        [(a, _, _)] => Some(a),
        [(a, p, _), (_, q, _), ..] if 2 * q <= p => Some(a),
        _ => None,
    };
    if state.is_some() || !organ {
        return state;
    }
    governing()
}

/// Whose words term `h` is in, for [`crate::analysis::alignment`]: the outlet's, a speaker's party, or a
/// speaker by the capitalised words of the name. `None` for scare quotes and markers, and for a
/// speaker with no name ("officials").
pub(super) fn holder_of(cx: &Context, v: &VoiceOf, officials: &[Option<usize>]) -> Option<Holder> {
    match v.voice {
        Voice::Author => Some(Holder::Author),
        Voice::Scare => None,
        Voice::Quote | Voice::Reported => {
            let fi = v.frame?;
            let f = &cx.voices.frames[fi];
            if let Some(a) = f.speaker_actor {
                return Some(Holder::Party(a));
            }
            if let Some(a) = officials[fi] {
                return Some(Holder::Official(a));
            }
            let name = f
                .resolved_from
                .as_deref()
                .unwrap_or_else(|| f.speaker.slice(cx.text));
            // The capitalised words of the name, without determiners, role nouns and
            // abbreviated titles ("Mr.", "Sen.", "Gen."): what tells two speakers apart.
            let words: Vec<String> = name
                .split_whitespace()
                .filter(|raw| raw.chars().next().is_some_and(char::is_uppercase))
                .filter(|raw| !(raw.ends_with('.') && raw.chars().count() <= 4))
                .flat_map(heads::name_words)
                .filter(|w| {
                    w.chars().count() >= 3
                        && !DETERMINERS.contains(w.as_str())
                        && heads::class_of(w).is_none()
                })
                .collect();
            (!words.is_empty()).then_some(Holder::Named(words))
        }
    }
}

/// What each voice of the article says of the parties that local rules tied its terms to: the
/// evidence of its side (see [`crate::analysis::alignment`]). Terms that frame words (attribution verbs),
/// euphemisms ([`LabelEntry::stance_is_the_users`]), designations (the designator's word) and
/// terms of no stance tell nothing.
pub(super) fn alignment_of(
    cx: &Context,
    hits: &[TermHit],
    readings: &[Reading],
    officials: &[Option<usize>],
) -> Alignment {
    let mut evidence = Vec::new();
    for (h, r) in hits.iter().zip(readings) {
        let Some(l) = r.link.as_ref() else { continue };
        // A designation is the designator's word, not its voice's ("HTS, designated a terrorist
        // organization" in a wire story).
        if h.entry.stance == 0
            || h.entry.kind == Kind::Attribution
            || !h.entry.stance_is_the_users()
            || l.actors.is_empty()
            || l.rule == LinkRule::Designation
        {
            continue;
        }
        let Some(holder) = holder_of(cx, &cx.voices.voice_of(cx.seg, h.span), officials) else {
            continue;
        };
        for &a in &l.actors {
            evidence.push(Evidence {
                holder: holder.clone(),
                actor: a,
                sign: i32::from(h.entry.stance.signum()),
                term: h.span.slice(cx.text).to_owned(),
                sentence: h.sentence,
            });
        }
    }
    Alignment::new(evidence)
}

/// How two parties stand in the article, for [`crate::analysis::alignment`]: one side when one is the
/// other or they share the actor they are `part_of`; set against each other when the article
/// opposes them or their sides ([`crate::analysis::opponents`]).
pub(super) struct Sides<'c, 'o> {
    pub(super) lex: &'c Lexicon,
    pub(super) opponents: &'c dyn Fn() -> &'o Opponents,
}

impl Relations for Sides<'_, '_> {
    fn relation(&self, a: usize, b: usize) -> i32 {
        let (sa, sb) = (self.lex.side(a), self.lex.side(b));
        if a == b || sa == sb {
            return 1;
        }
        let on = |x: usize, s: usize, y: usize| x == y || s == self.lex.side(y);
        let read = (self.opponents)();
        let opposed = read
            .pairs()
            .iter()
            .any(|p| (on(a, sa, p.a) && on(b, sb, p.b)) || (on(a, sa, p.b) && on(b, sb, p.a)));
        if opposed {
            -1
        } else if read.allied(a, b) {
            1
        } else {
            0
        }
    }
}
