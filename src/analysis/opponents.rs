//! Opponents: which parties an article sets against each other, read from its own sentences.
//!
//! Two parties are opposed when one clause puts them on the two sides of a word of hostility:
//! - a verb of attack, combat or accusation ([`HOSTILE`], and the verbs of accusing of
//!   [`crate::analysis::voice::ACCUSATION_VERBS`]) with one party before it and the other
//!   after it: "Israeli jets struck Hezbollah positions", "the army clashed with PKK fighters",
//!   and the passive alike, since opposition has no direction: "Hamas fighters were killed by
//!   Israeli troops";
//! - "against" or "versus" ([`OPPOSING`]): "Turkey's offensive against the SDF";
//! - a reciprocal verb whose subject joins both: "Turkey and the SDF clashed";
//! - a noun of conflict ([`CONFLICTS`]) with both sides after "between" ("the ceasefire between
//!   Israel and Hezbollah") or joined by a hyphen before it ("the Russia-Ukraine war").
//!
//! Each side of a word is the party nearest it, at most [`NEAR`] tokens away in its clause, and
//! those joined to that party by "and", "or", a slash or a hyphen, or by commas in a list that
//! "and" or "or" closes ("Russia, Iran and Turkey attacked ..."). A party after an allying word
//! ("fought alongside the army", "struck a deal with Russia") is no opponent. The party
//! before a verb stands after the last comma before it (its subject, not a fronted phrase), or
//! is the party a relative pronoun there stands for ("the army, which has been fighting the
//! RSF").
//! A side is a party named (not as a place, nor in a compound such as "Turkish-backed",
//! "HTS-led" or "Hamas-run"), or a term a local rule tied to one party ("the occupation
//! forces").
//!
//! What it does not do: parse; see a side that only a term no rule tied names ("militants
//! attacked the base"); weigh how often or how recently two parties fought; or know
//! any enmity that the article does not state (there is no lexicon of enemies).
//!
//! Alliance is read more narrowly: parties are allies when one clause puts them together on the
//! side of a word of hostility that has an opponent on the other side: joined subjects ("Mali
//! and Wagner killed JNIM fighters"), or a subject and the parties of a participial phrase of
//! support between commas before the verb ("the army, backed by the Wazalendo, repelled an
//! offensive by M23"). Joined objects are not allies ("the UN condemned Russia and Ukraine"),
//! nor the two subjects of a reciprocal verb.

use std::ops::Range;

use crate::text::{LowerTokens, Segmented, TokenKind, WordSet};

/// Words whose object is the side opposed to the parties before them in the clause: "against",
/// "versus", and verbs of fighting ("for help fighting an Islamist insurgency").
pub static OPPOSING: WordSet = WordSet::new(&[
    "against",
    "versus",
    "fight",
    "fights",
    "fighting",
    "fought",
    "battle",
    "battles",
    "battling",
    "battled",
    "combat",
    "combating",
    "combatting",
    "confront",
    "confronting",
    "confronted",
]);

/// Verbs of attack and condemnation: with [`OPPOSING`] and the verbs of accusing
/// ([`crate::analysis::voice::ACCUSATION_VERBS`]: "accused", "blamed" ...), the words of hostility.
pub static HOSTILE: WordSet = WordSet::new(&[
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "strike",
    "strikes",
    "struck",
    "striking",
    "shell",
    "shelled",
    "shelling",
    "bomb",
    "bombed",
    "bombing",
    "bombard",
    "bombarded",
    "bombarding",
    "kill",
    "kills",
    "killed",
    "killing",
    "target",
    "targets",
    "targeted",
    "targeting",
    "raid",
    "raided",
    "raiding",
    "ambush",
    "ambushed",
    "invade",
    "invaded",
    "invading",
    "besiege",
    "besieged",
    "clash",
    "clashed",
    "clashing",
    "repel",
    "repelled",
    "repulsed",
    "shot",
    "condemn",
    "condemns",
    "condemned",
    "condemning",
    // The verbs of state media for defeating or stopping an enemy ("neutralised several
    // terrorists", "intercepted the terrorists"), of seizing people, and of freeing a place from
    // an enemy ("liberate two villages from Khawarij"). Not "pursue", whose object is as often
    // talks or a policy.
    "neutralise",
    "neutralises",
    "neutralised",
    "neutralising",
    "neutralize",
    "neutralizes",
    "neutralized",
    "neutralizing",
    "eliminate",
    "eliminates",
    "eliminated",
    "eliminating",
    "arrest",
    "arrested",
    "arresting",
    "capture",
    "captured",
    "capturing",
    "detain",
    "detained",
    "detaining",
    "liberate",
    "liberates",
    "liberated",
    "liberating",
    "intercept",
    "intercepted",
    "intercepting",
    "defeat",
    "defeated",
    "defeating",
    "rout",
    "routed",
    "crush",
    "crushed",
    "crushing",
]);

/// Verbs of backing a party: their subject is on its side.
pub static SUPPORT_VERBS: WordSet = WordSet::new(&[
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
]);

/// Participles that make their agent an ally of the noun they modify: those of
/// [`SUPPORT_VERBS`] and these, followed by "by" ("supported by", "led by", "joined by").
static ALLYING_PARTICIPLES: WordSet = WordSet::new(&[
    "led",
    "joined",
    "accompanied",
    "assisted",
    "aided",
    "reinforced",
]);

/// Whether a phrase of support opens at token `t`: a participle of [`SUPPORT_VERBS`] or
/// [`ALLYING_PARTICIPLES`] with "by" after it, or "including" (the subject's own members).
pub fn supports_subject(lower: &LowerTokens, t: usize) -> bool {
    let w = lower.get(t);
    w == "including"
        || (w.ends_with("ed")
            && (SUPPORT_VERBS.contains(w) || ALLYING_PARTICIPLES.contains(w))
            && lower.get(t + 1) == "by")
}

/// Verbs that, with a subject of two parties and no object, set them against each other
/// ("Turkey and the SDF clashed"). Not "fought" or "battled": "Hamas and Islamic Jihad fighters
/// fought in Jenin" fought on one side.
static RECIPROCAL: WordSet = WordSet::new(&["clash", "clashed", "clashing"]);

/// Words between a word of hostility and a party that make the party an ally, or the object not
/// hostile: "fought alongside the army", "struck a deal with Russia", "will eliminate tariffs
/// on US goods", "pursue talks with Moscow".
static ALLIED: WordSet = WordSet::new(&[
    "alongside",
    "deal",
    "deals",
    "agreement",
    "accord",
    "alliance",
    "together",
    "talks",
    "negotiations",
    "dialogue",
    "tariffs",
]);

/// Nouns of conflict whose two sides a "between" or a hyphenated pair names.
pub static CONFLICTS: WordSet = WordSet::new(&[
    "war",
    "fighting",
    "clashes",
    "conflict",
    "hostilities",
    "ceasefire",
    "cease-fire",
    "truce",
    "battles",
    "confrontation",
]);

/// Words that open a clause or a verb phrase, not a noun phrase: after "and" they end a
/// conjunct ("Hamas and then Israel", "Israel and also Hamas").
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "then", "also", "later", "now", "which", "who", "that", "not", "so", "thus", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "said", "says",
]);

/// How many tokens at most stand between a word of hostility and the party on either side of
/// it ("Israeli jets on Tuesday struck", "struck what it said were Hezbollah positions").
const NEAR: usize = 6;

/// Whether a word (lower-case) is a verb or noun of attack, defeat, seizure or condemnation
/// ([`HOSTILE`]), not one of accusing.
pub fn is_attack(w: &str) -> bool {
    HOSTILE.contains(w)
}

/// Whether a word (lower-case) is a word of hostility.
pub fn is_hostile(w: &str) -> bool {
    HOSTILE.contains(w) || OPPOSING.contains(w) || crate::analysis::voice::accuses(w)
}

/// A place where the article names a party, in tokens, for [`Opponents::read`].
#[derive(Clone, Copy, Debug)]
pub struct Side {
    pub first: usize,
    pub last: usize,
    pub actor: usize,
}

/// Two parties the article sets against each other, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opposed {
    pub a: usize,
    pub b: usize,
    pub sentence: usize,
    /// The word of hostility, as written in lower case.
    pub word: String,
}

/// The opposed pairs of one article, in text order, and the parties it puts on one side of a
/// word of hostility together.
#[derive(Default, Debug)]
pub struct Opponents {
    pairs: Vec<Opposed>,
    allies: Vec<(usize, usize)>,
}

/// The article's tokens, for the readers below.
struct Reader<'a> {
    lower: &'a LowerTokens,
    seg: &'a Segmented,
    /// The usable mentions, in text order.
    sides: &'a [Side],
    /// `at[t]`: the mention on token `t`.
    at: Vec<Option<usize>>,
}

impl Reader<'_> {
    fn w(&self, t: usize) -> &str {
        self.lower.get(t)
    }

    /// Mention `i` and those joined to it inside `within`: by "and", "or", a slash or a hyphen
    /// ("Mali and Wagner", "Israel-Hamas"), or by a comma in a list that "and" or "or" closes
    /// ("Russia, Iran and Turkey"). A lone comma joins nothing: "According to Egypt, Israel
    /// struck Hamas" and "Russia attacked Ukraine, the US said" are no lists.
    fn group(&self, i: usize, within: &Range<usize>) -> Vec<usize> {
        let inside = |a: usize| {
            within.contains(&self.sides[a].first) && within.contains(&self.sides[a].last)
        };
        // The words between mention a and mention b, when they are only joining words, or
        // "and"/"or" then the second conjunct's determiner and one modifier ("FARDC and valiant
        // Wazalendo", "the Rwandan army and its M23 auxiliaries").
        let between = |a: usize, b: usize| -> Option<Vec<&str>> {
            let (from, to) = (self.sides[a].last + 1, self.sides[b].first);
            if from > to || to - from > 3 || !inside(a) || !inside(b) {
                return None;
            }
            let words: Vec<&str> = (from..to).map(|t| self.w(t)).collect();
            let joining = |w: &&str| matches!(*w, "and" | "or" | "," | "/" | "-" | "–" | "the");
            if words.len() <= 2 && words.iter().all(joining) {
                return Some(words);
            }
            // A word in -ed or -ing is more likely a second verb ("condemned Russia and urged
            // Ukraine") than a modifier.
            let modifier = |t: usize| {
                let w = self.w(t);
                self.seg.tokens[t].kind == TokenKind::Word
                    && !is_hostile(w)
                    && !CLAUSE_OPENERS.contains(w)
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
            };
            let determiner =
                |t: usize| matches!(self.w(t), "the" | "its" | "their" | "his" | "her");
            let conjunct = matches!(words[0], "and" | "or")
                && (from + 1..to).filter(|&t| !determiner(t)).count() <= 1
                && (from + 1..to).all(|t| determiner(t) || modifier(t));
            conjunct.then_some(words)
        };
        // Adjacent sides are one phrase ("valiant Wazalendo", where a term names the party).
        let closes = |w: &[&str]| {
            w.is_empty()
                || w.iter()
                    .any(|w| matches!(*w, "and" | "or" | "/" | "-" | "–"))
        };
        // Links in text order: (a, a + 1) joined, and whether the link closes the list itself.
        let link = |a: usize| -> Option<bool> {
            (a + 1 < self.sides.len())
                .then(|| between(a, a + 1))
                .flatten()
                .map(|w| closes(&w))
        };
        // A comma joins only when a closing link follows it in the same run ("A, B and C").
        let joined = |a: usize| -> bool {
            let mut k = a;
            loop {
                match link(k) {
                    Some(true) => return true,
                    Some(false) => k += 1,
                    None => return false,
                }
            }
        };
        let mut out = vec![i];
        let mut k = i;
        while k > 0 && joined(k - 1) {
            k -= 1;
            out.push(k);
        }
        let mut k = i;
        while joined(k) {
            k += 1;
            out.push(k);
        }
        out.sort_unstable();
        out
    }

    /// The first token of the sentence that holds token `k`.
    fn sentence_start(&self, k: usize) -> usize {
        let i = self
            .seg
            .sentences
            .partition_point(|s| s.tokens.end <= k)
            .min(self.seg.sentences.len().saturating_sub(1));
        self.seg.sentences[i].tokens.start.min(k)
    }

    /// The nearest mention ending in `range`, reading leftwards from its end.
    fn last_in(&self, range: Range<usize>) -> Option<usize> {
        range.rev().find_map(|t| self.at[t])
    }

    /// The first mention starting in `range`.
    fn first_in(&self, range: Range<usize>) -> Option<usize> {
        range.into_iter().find_map(|t| self.at[t])
    }
}

/// Whether the verb of accusing at token `k` has the preposition of its charge in the clause
/// after it ("accused Pakistan of sponsoring ...", "blamed for the attack"): "the slain
/// terrorists were suspected to belong to the Pakistan-based LeT" accuses no one.
fn charges(r: &Reader, k: usize) -> bool {
    let Some(&(_, prep)) = crate::analysis::voice::ACCUSATION_VERBS
        .iter()
        .find(|(v, _)| *v == r.w(k))
    else {
        return false;
    };
    let end = r.lower.len().min(k + 2 + NEAR);
    (k + 1..end)
        .take_while(|&t| !matches!(r.w(t), "." | ";"))
        .any(|t| r.w(t) == prep)
}

impl Opponents {
    /// Reads the pairs from the sentences of `seg`. `sides` are the mentions that may be a side,
    /// sorted by their first token; `clause_of(sentence, token)` gives the clause a token stands in.
    pub fn read(
        seg: &Segmented,
        lower: &LowerTokens,
        sides: &[Side],
        clause_of: impl Fn(usize, usize) -> Range<usize>,
    ) -> Opponents {
        let mut at = vec![None; seg.tokens.len()];
        for (i, s) in sides.iter().enumerate() {
            for slot in &mut at[s.first..=s.last.min(seg.tokens.len().saturating_sub(1))] {
                *slot = Some(i);
            }
        }
        let r = Reader {
            lower,
            seg,
            sides,
            at,
        };
        let mut out = Opponents::default();
        for (si, sent) in seg.sentences.iter().enumerate() {
            // Every reading needs two parties in the sentence.
            let first = sides.partition_point(|s| s.first < sent.tokens.start);
            let last = sides.partition_point(|s| s.first < sent.tokens.end);
            if last < first + 2 {
                continue;
            }
            for k in sent.tokens.clone() {
                let w = r.w(k);
                if is_hostile(w) && (is_attack(w) || OPPOSING.contains(w) || charges(&r, k)) {
                    out.around_verb(&r, si, k, clause_of(si, k));
                }
                if CONFLICTS.contains(w) {
                    out.around_noun(&r, si, k, sent.tokens.clone());
                }
            }
        }
        out
    }

    /// Sets each party of `left` against each of `right`. When that sets any pair, the parties
    /// of `left` (a verb's subjects and those backing them) stand on one side: allies.
    fn push(&mut self, r: &Reader, left: &[usize], right: &[usize], sentence: usize, word: &str) {
        if !self.oppose(r, left, right, sentence, word) {
            return;
        }
        for (i, &x) in left.iter().enumerate() {
            for &y in &left[i + 1..] {
                let (a, b) = (r.sides[x].actor, r.sides[y].actor);
                let pair = (a.min(b), a.max(b));
                if a != b && !self.allies.contains(&pair) {
                    self.allies.push(pair);
                }
            }
        }
    }

    /// Sets each party of `left` against each of `right`, and says whether any pair was set
    /// (here or before).
    fn oppose(
        &mut self,
        r: &Reader,
        left: &[usize],
        right: &[usize],
        sentence: usize,
        word: &str,
    ) -> bool {
        let mut any = false;
        for &x in left {
            for &y in right {
                let (a, b) = (r.sides[x].actor, r.sides[y].actor);
                if a == b || left.iter().any(|&l| r.sides[l].actor == b) {
                    continue;
                }
                any = true;
                let (a, b) = (a.min(b), a.max(b));
                if !self.pairs.iter().any(|p| p.a == a && p.b == b) {
                    self.pairs.push(Opposed {
                        a,
                        b,
                        sentence,
                        word: word.to_owned(),
                    });
                }
            }
        }
        any
    }

    /// A word of hostility at token `k`: the parties before it against those after it, or the
    /// parties of a reciprocal verb's subject against each other.
    fn around_verb(&mut self, r: &Reader, sentence: usize, k: usize, clause: Range<usize>) {
        let w = r.w(k);
        // A comma between two parties is a list's ("Russia, Iran and Turkey attacked"), not
        // the end of a fronted phrase.
        let listed = |j: usize| {
            j > 0
                && r.at[j - 1].is_some()
                && (r.at.get(j + 1).copied().flatten().is_some()
                    || (r.w(j + 1) == "the" && r.at.get(j + 2).copied().flatten().is_some()))
        };
        let from = if matches!(w, "against" | "versus") {
            clause.start
        } else {
            (clause.start..k)
                .rev()
                .find(|&j| r.w(j) == "," && !listed(j))
                .map_or(clause.start, |j| j + 1)
        };
        // "The army, which has been fighting the RSF": the relative pronoun that opens the
        // clause stands for the party before its comma.
        let sent_start = r.sentence_start(k);
        let comma = (from >= sent_start + 2
            && matches!(r.w(from - 1), "which" | "who")
            && r.w(from - 2) == ",")
            .then(|| from - 2);
        let mut left_zone = from.max(k.saturating_sub(NEAR))..k;
        let mut before = r.last_in(left_zone.clone());
        if before.is_none()
            && let Some(c) = comma
        {
            left_zone = c.saturating_sub(NEAR).max(sent_start)..c;
            before = r.last_in(left_zone.clone());
        }
        // "The army, backed by the valiant Wazalendo, on Sunday repelled an offensive": the
        // subject stands before a participial phrase of support set off by commas, and the
        // parties in the phrase are on its side.
        let mut supporters = Vec::new();
        if before.is_none()
            && from > sent_start + 1
            && r.w(from - 1) == ","
            && let Some(open) = (sent_start..from - 1).rev().find(|&j| r.w(j) == ",")
            && open + 1 < from - 1
            && supports_subject(r.lower, open + 1)
        {
            let phrase = open + 1..from - 1;
            supporters = (phrase.clone())
                .filter_map(|t| r.at[t])
                .filter(|&i| phrase.contains(&r.sides[i].first))
                .collect();
            supporters.dedup();
            left_zone = open.saturating_sub(NEAR).max(sent_start)..open;
            before = r.last_in(left_zone.clone());
        }
        let Some(before) = before else {
            return;
        };
        let mut left = r.group(before, &left_zone);
        left.extend(supporters);
        // Allies are no opponents: "fought alongside the army", "struck a deal with Russia".
        let right_zone = k + 1..clause.end.min(k + 1 + NEAR);
        let after = r.first_in(right_zone.clone());
        let allied = |to: usize| (k + 1..to).any(|t| ALLIED.contains(r.w(t)));
        match after {
            Some(after) if !allied(r.sides[after].first) => {
                // The first party stands near the word; those joined to it may reach further
                // ("an offensive by the Rwandan army and its M23 auxiliaries").
                let right = r.group(after, &(k + 1..clause.end));
                self.push(r, &left, &right, sentence, w);
            }
            None if RECIPROCAL.contains(w) && left.len() > 1 => {
                for (i, &x) in left.iter().enumerate() {
                    self.oppose(r, &[x], &left[i + 1..], sentence, w);
                }
            }
            _ => {}
        }
    }

    /// A noun of conflict at token `k`: "between X and Y" after it, or "X-Y" right before it.
    fn around_noun(&mut self, r: &Reader, sentence: usize, k: usize, sent: Range<usize>) {
        let w = r.w(k);
        let between = (k + 1..sent.end.min(k + 3)).find(|&t| r.w(t) == "between");
        if let Some(b) = between
            && let Some(x) = r.first_in(b + 1..sent.end.min(b + 4))
        {
            let group = r.group(x, &(b + 1..sent.end));
            if group.len() > 1 {
                for (i, &p) in group.iter().enumerate() {
                    self.oppose(r, &[p], &group[i + 1..], sentence, w);
                }
            }
            return;
        }
        // "the Israel-Hamas war": two names joined by a hyphen, the noun after them.
        if k > sent.start
            && let Some(y) = r.at[k - 1]
            && y > 0
            && r.sides[y - 1].last + 2 == r.sides[y].first
            && matches!(r.w(r.sides[y].first - 1), "-" | "–")
        {
            self.oppose(r, &[y - 1], &[y], sentence, w);
        }
    }

    /// The parties opposed to `actor`, each with the first place that says so.
    pub fn of(&self, actor: usize) -> impl Iterator<Item = (usize, &Opposed)> {
        self.pairs.iter().filter_map(move |p| {
            if p.a == actor {
                Some((p.b, p))
            } else if p.b == actor {
                Some((p.a, p))
            } else {
                None
            }
        })
    }

    /// Every pair, in text order of the first place that sets it.
    pub fn pairs(&self) -> &[Opposed] {
        &self.pairs
    }

    /// Whether the article puts parties `a` and `b` together on one side of a word of hostility
    /// ("Mali and Wagner killed JNIM fighters", "the army, backed by the Wazalendo, repelled an
    /// offensive by M23"), and never sets them against each other.
    pub fn allied(&self, a: usize, b: usize) -> bool {
        let pair = (a.min(b), a.max(b));
        self.allies.contains(&pair) && !self.pairs.iter().any(|p| (p.a, p.b) == pair)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LowerTokens, segment};

    /// Reads the pairs of `text`, where each word of `parties` is a party (by its index), and
    /// gives them as (party word, party word, hostile word).
    fn pairs(text: &str, parties: &[&str]) -> Vec<(String, String, String)> {
        read(text, parties)
            .pairs
            .iter()
            .map(|p| {
                (
                    parties[p.a].to_owned(),
                    parties[p.b].to_owned(),
                    p.word.clone(),
                )
            })
            .collect()
    }

    /// Reads `text` with each word of `parties` a party (by its index). Clauses end at ";",
    /// "while", "which" and "who".
    fn read(text: &str, parties: &[&str]) -> Opponents {
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let mut sides: Vec<Side> = (0..seg.tokens.len())
            .filter_map(|t| {
                let actor = parties.iter().position(|p| *p == lower.get(t))?;
                Some(Side {
                    first: t,
                    last: t,
                    actor,
                })
            })
            .collect();
        sides.sort_by_key(|s| s.first);
        let clause_of = |s: usize, t: usize| {
            let r = seg.sentences[s].tokens.clone();
            let stop = |k: usize| matches!(lower.get(k), ";" | "while" | "which" | "who");
            let start = (r.start..t)
                .rev()
                .find(|&k| stop(k))
                .map_or(r.start, |k| k + 1);
            let end = (t..r.end).find(|&k| stop(k)).unwrap_or(r.end);
            start..end
        };
        Opponents::read(&seg, &lower, &sides, clause_of)
    }

    /// (text, party words, expected pairs as "a-b:word", in text order).
    const ROWS: &[(&str, &[&str], &[&str])] = &[
        // A verb with a party on each side, active and passive.
        (
            "Israeli jets struck Hezbollah positions.",
            &["israeli", "hezbollah"],
            &["israeli-hezbollah:struck"],
        ),
        (
            "Three fighters of Hamas were killed by Israeli troops.",
            &["hamas", "israeli"],
            &["hamas-israeli:killed"],
        ),
        // "against", with its object after it.
        (
            "Turkey launched an offensive against the SDF.",
            &["turkey", "sdf"],
            &["turkey-sdf:against"],
        ),
        // Joined parties are one side, each opposed to the other side.
        (
            "Mali and Wagner killed JNIM fighters.",
            &["mali", "wagner", "jnim"],
            &["mali-jnim:killed", "wagner-jnim:killed"],
        ),
        // A reciprocal verb with two parties as its subject.
        (
            "Turkey and the SDF clashed near Manbij.",
            &["turkey", "sdf"],
            &["turkey-sdf:clashed"],
        ),
        // A noun of conflict: "between X and Y", or "X-Y" before it.
        (
            "The ceasefire between Israel and Hezbollah held.",
            &["israel", "hezbollah"],
            &["israel-hezbollah:ceasefire"],
        ),
        (
            "The Israel-Hamas war goes on.",
            &["israel", "hamas"],
            &["israel-hamas:war"],
        ),
        // A relative pronoun stands for the party before its comma.
        (
            "The army, which has been fighting the RSF, said so.",
            &["army", "rsf"],
            &["army-rsf:fighting"],
        ),
        // Accusation is hostility too.
        (
            "India accused Pakistan of sheltering militants.",
            &["india", "pakistan"],
            &["india-pakistan:accused"],
        ),
        // Not: a party behind the last comma before a verb is a fronted phrase, not the subject.
        (
            "Backed by Iran, the militants struck a base.",
            &["iran"],
            &[],
        ),
        // Not: a party too far from the word, or across a clause boundary.
        (
            "Qatar said on Monday after long talks with its many partners in the region that militants attacked Israel.",
            &["qatar", "israel"],
            &[],
        ),
        (
            "Egypt mediated; militants attacked Israel.",
            &["egypt", "israel"],
            &[],
        ),
        // Not: one party on both sides, or a lone subject of a reciprocal verb.
        ("Israel attacked Israel.", &["israel"], &[]),
        ("Hamas fighters clashed overnight.", &["hamas"], &[]),
        // Not: words of peace.
        (
            "Qatar met Hamas and Israel.",
            &["qatar", "hamas", "israel"],
            &[],
        ),
        // A comma list needs "and" or "or" to close it; a lone comma joins nothing.
        (
            "Russia, Iran and Turkey attacked Ukraine.",
            &["russia", "iran", "turkey", "ukraine"],
            &[
                "russia-ukraine:attacked",
                "iran-ukraine:attacked",
                "turkey-ukraine:attacked",
            ],
        ),
        (
            "According to Egypt, Israel struck Hamas.",
            &["egypt", "israel", "hamas"],
            &["israel-hamas:struck"],
        ),
        (
            "Russia attacked Ukraine, the US said.",
            &["russia", "ukraine", "us"],
            &["russia-ukraine:attacked"],
        ),
        // Not: allies after the word.
        (
            "Wagner fought alongside the Malian army.",
            &["wagner", "malian"],
            &[],
        ),
        (
            "Turkey struck a deal with Russia.",
            &["turkey", "russia"],
            &[],
        ),
        // Not: a reciprocal reading of "fought": the subject fought on one side.
        ("Hamas and Jihad fought in Jenin.", &["hamas", "jihad"], &[]),
        // Not: the object of a second verb joined by "and".
        (
            "The UN condemned Russia and urged Ukraine to talk.",
            &["un", "russia", "ukraine"],
            &["un-russia:condemned"],
        ),
        // A verb of accusing needs the preposition of its charge.
        (
            "India suspected Pakistan of sponsoring attacks.",
            &["india", "pakistan"],
            &["india-pakistan:suspected"],
        ),
        (
            "Fighters were suspected to belong to a Pakistan group, LeT.",
            &["pakistan", "let"],
            &[],
        ),
        // A conjunct keeps its determiner and one modifier.
        (
            "FARDC and valiant Wazalendo repel an assault by M23 terrorists.",
            &["fardc", "wazalendo", "m23"],
            &["fardc-m23:repel", "wazalendo-m23:repel"],
        ),
        (
            "Troops repelled an offensive by Rwanda and its M23 auxiliaries.",
            &["troops", "rwanda", "m23"],
            &["troops-rwanda:repelled", "troops-m23:repelled"],
        ),
        // Not: a clause after "and".
        (
            "Israel struck Hamas and then Hezbollah fired rockets.",
            &["israel", "hamas", "hezbollah"],
            &["israel-hamas:struck"],
        ),
        // The subject before a participial phrase of support, and the parties in it.
        (
            "The FARDC, backed by the valiant Wazalendo, on Sunday repelled M23.",
            &["fardc", "wazalendo", "m23"],
            &["fardc-m23:repelled", "wazalendo-m23:repelled"],
        ),
        // Not: a participle of hostility ("ambushed by").
        (
            "The FARDC, ambushed by M23 near Goma, on Sunday killed ADF fighters.",
            &["fardc", "m23", "adf"],
            &[],
        ),
    ];

    /// (text, party words, the pairs of allies as "a-b").
    const ALLY_ROWS: &[(&str, &[&str], &[&str])] = &[
        (
            "Mali and Wagner killed JNIM fighters.",
            &["mali", "wagner", "jnim"],
            &["mali-wagner"],
        ),
        (
            "The FARDC, backed by the valiant Wazalendo, on Sunday repelled M23.",
            &["fardc", "wazalendo", "m23"],
            &["fardc-wazalendo"],
        ),
        // Not: joined objects, the subjects of a reciprocal verb, or subjects with no opponent.
        (
            "The UN condemned Russia and Ukraine.",
            &["un", "russia", "ukraine"],
            &[],
        ),
        ("Turkey and the SDF clashed.", &["turkey", "sdf"], &[]),
        (
            "Israel and Hamas killed civilians.",
            &["israel", "hamas"],
            &[],
        ),
        // A pair set before still makes the subjects allies.
        (
            "Mali killed JNIM fighters. Mali and Wagner killed JNIM fighters.",
            &["mali", "wagner", "jnim"],
            &["mali-wagner"],
        ),
        // Not: parties the article also sets against each other.
        (
            "Mali and Wagner killed JNIM fighters. Mali condemned Wagner.",
            &["mali", "wagner", "jnim"],
            &[],
        ),
    ];

    #[test]
    fn reads_allies() {
        let mut failures = Vec::new();
        for &(text, parties, want) in ALLY_ROWS {
            let o = read(text, parties);
            let mut got = Vec::new();
            for a in 0..parties.len() {
                for b in a + 1..parties.len() {
                    if o.allied(a, b) {
                        got.push(format!("{}-{}", parties[a], parties[b]));
                    }
                }
            }
            if got != want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn reads_opposed_pairs() {
        let mut failures = Vec::new();
        for &(text, parties, want) in ROWS {
            let got: Vec<String> = pairs(text, parties)
                .into_iter()
                .map(|(a, b, w)| format!("{a}-{b}:{w}"))
                .collect();
            if got != want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn of_gives_the_other_party_and_where() {
        let seg = segment("Israel struck Hamas. Israel hit Jordan.");
        let lower = LowerTokens::new("Israel struck Hamas. Israel hit Jordan.", &seg.tokens);
        let sides = [
            Side {
                first: 0,
                last: 0,
                actor: 0,
            },
            Side {
                first: 2,
                last: 2,
                actor: 1,
            },
            Side {
                first: 4,
                last: 4,
                actor: 0,
            },
            Side {
                first: 6,
                last: 6,
                actor: 2,
            },
        ];
        let o = Opponents::read(&seg, &lower, &sides, |s, _| seg.sentences[s].tokens.clone());
        let of_israel: Vec<(usize, usize)> = o.of(0).map(|(a, p)| (a, p.sentence)).collect();
        assert_eq!(of_israel, vec![(1, 0)]);
        let of_hamas: Vec<usize> = o.of(1).map(|(a, _)| a).collect();
        assert_eq!(of_hamas, vec![0]);
        assert!(o.of(2).next().is_none());
    }
}
