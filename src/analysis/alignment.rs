//! Alignment: which parties each voice of an article sides with, read from the words that voice
//! uses of parties elsewhere in the article.
//!
//! A voice is the outlet's own narration or one speaker. What a voice says of a party it names
//! is evidence of its side, in the sense of balance theory (Heider 1946; in stance detection,
//! the propagation of sides through "the enemy of my enemy"):
//! - a term of negative stance that a local rule ties to a party ("valiant Wazalendo" is
//!   positive, "RDF/M23 terrorists" negative) sets the voice against that party, and a term of
//!   positive stance sets it with that party;
//! - a speaker whose own party is known sides with it (counted [`SELF_WEIGHT`] times), and so
//!   does an official with the state their title serves;
//! - what holds of a party holds of its side (the actor it is `part_of`), and the reverse of a
//!   party the article sets against it ([`crate::analysis::opponents`]): a voice against M23 is with those
//!   M23 fights.
//!
//! The discourse model ([`crate::analysis::discourse`]) uses the net leaning as a constraint: a term of
//! negative stance does not describe a party its voice sides with, and a term of positive stance
//! does not describe a party its voice is against. A state news agency that calls the other side
//! "terrorists" in its own narration does not mean its own volunteers by "the terrorists" two
//! paragraphs on. A euphemism works the other way: in the outlet's narration it is the name its
//! side gives its own act ("the special military operation"), so a party the outlet sides with
//! is preferred for it; so is a party the voice sides with for a term of praise ("the
//! resistance" in Hezbollah's words).
//!
//! What it does not do: know an outlet's or a speaker's side from outside the article; count the
//! terms that only the discourse model resolved (a guess would feed the next guess); tell two
//! unnamed speakers apart when they share a surname; or weigh how strongly a term is loaded (the
//! sign of its stance is all that counts).

/// How many times a speaker's own party counts as evidence of its side.
pub const SELF_WEIGHT: i32 = 2;

/// Whose words a term is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The outlet's own narration.
    Author,
    /// A speaker whose party is known.
    Party(usize),
    /// A speaker whose title holds a state office, and no party: the state the article is
    /// most about where the speaker is named ("Interior ministry spokesman Noureddine al-Baba").
    Official(usize),
    /// A speaker no party is known for, by the capitalised words of the name ("kasongo",
    /// "mwamba"): two frames are one speaker when they share one.
    Named(Vec<String>),
}

impl Holder {
    fn same(&self, other: &Holder) -> bool {
        match (self, other) {
            (Holder::Named(a), Holder::Named(b)) => a.iter().any(|w| b.contains(w)),
            _ => self == other,
        }
    }

    /// How the voice is named in an explanation.
    fn describe(&self) -> &'static str {
        match self {
            Holder::Author => "the outlet",
            _ => "the speaker",
        }
    }
}

/// One term a local rule tied to a party: what it tells of its voice's side.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub holder: Holder,
    pub actor: usize,
    /// +1 (the term is positive) or -1.
    pub sign: i32,
    /// The term as written, and its sentence (from 0).
    pub term: String,
    pub sentence: usize,
}

/// How two parties stand to each other in an article: +1 one side, -1 set against each other,
/// 0 nothing said.
pub trait Relations {
    fn relation(&self, a: usize, b: usize) -> i32;
}

/// The evidence of every voice of an article.
#[derive(Default, Debug)]
pub struct Alignment {
    evidence: Vec<Evidence>,
}

/// Where a voice leans on one party: the net count, and the piece of evidence that weighs most
/// on it (for the explanation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaning {
    pub net: i32,
    pub why: String,
}

impl Alignment {
    pub fn new(evidence: Vec<Evidence>) -> Alignment {
        Alignment { evidence }
    }

    /// How `holder` leans on party `p`: `None` when nothing the voice says bears on it.
    pub fn leaning(&self, holder: &Holder, p: usize, rel: &dyn Relations) -> Option<Leaning> {
        let mut net = 0;
        // The weight that counts most, first of equals, and what gave it: the speaker's own
        // party (`None`, with its relation) or a piece of evidence. Its words are written once,
        // for the one that counts.
        let mut best: Option<(i32, Option<&Evidence>, i32)> = None;
        let own = match holder {
            Holder::Party(a) | Holder::Official(a) => {
                let r = rel.relation(*a, p);
                Some((SELF_WEIGHT * r, None, r))
            }
            Holder::Author | Holder::Named(_) => None,
        };
        let evidence = self
            .evidence
            .iter()
            .filter(|e| e.holder.same(holder))
            .map(|e| {
                let r = rel.relation(e.actor, p);
                (e.sign * r, Some(e), r)
            });
        for (w, from, r) in own.into_iter().chain(evidence) {
            net += w;
            if w != 0 && best.is_none_or(|b| w.abs() > b.0.abs()) {
                best = Some((w, from, r));
            }
        }
        let (_, from, r) = best?;
        let why = match (from, holder) {
            (None, Holder::Party(a) | Holder::Official(a)) => {
                if *a == p && matches!(holder, Holder::Official(_)) {
                    "the state whose office the speaker's title names".to_owned()
                } else if *a == p {
                    "the speaker's own party".to_owned()
                } else if r > 0 {
                    "on the speaker's own side".to_owned()
                } else {
                    "set against the speaker's own party in the article".to_owned()
                }
            }
            // Only a speaker of a party has a weight of its own; the outlet's and a named
            // speaker's weights are all evidence, so this arm is never taken.
            (None, _) => String::new(),
            (Some(e), _) => {
                let (verb, how) = match (e.actor == p, r) {
                    (true, _) => ("calls it", ""),
                    (false, 1) => ("uses", ", of a party on its side"),
                    _ => ("uses", ", of a party the article sets against it"),
                };
                format!(
                    "{} {verb} '{}' in sentence {}{how}",
                    holder.describe(),
                    e.term,
                    e.sentence + 1
                )
            }
        };
        (net != 0).then_some(Leaning { net, why })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parties 0 and 1 are one side; 2 is set against 0.
    struct Fixed;
    impl Relations for Fixed {
        fn relation(&self, a: usize, b: usize) -> i32 {
            let side = |x: usize| if x == 1 { 0 } else { x };
            if side(a) == side(b) {
                1
            } else if (side(a), side(b)) == (0, 2) || (side(a), side(b)) == (2, 0) {
                -1
            } else {
                0
            }
        }
    }

    fn ev(holder: Holder, actor: usize, sign: i32) -> Evidence {
        Evidence {
            holder,
            actor,
            sign,
            term: "t".to_owned(),
            sentence: 0,
        }
    }

    #[test]
    fn leanings_follow_sides_and_opponents() {
        let al = Alignment::new(vec![ev(Holder::Author, 2, -1)]);
        // (holder, party, expected net)
        let rows: &[(Holder, usize, Option<i32>)] = &[
            // Against 2 by its own words.
            (Holder::Author, 2, Some(-1)),
            // With 0, which the article sets against 2, and with 1, on 0's side.
            (Holder::Author, 0, Some(1)),
            (Holder::Author, 1, Some(1)),
            // Nothing bears on 3.
            (Holder::Author, 3, None),
            // A speaker of party 1 is with 0 (one side) and against 2, twice over.
            (Holder::Party(1), 0, Some(2)),
            (Holder::Party(1), 2, Some(-2)),
            // The author's evidence is not a named speaker's.
            (Holder::Named(vec!["kasongo".into()]), 2, None),
        ];
        for (h, p, want) in rows {
            assert_eq!(
                al.leaning(h, *p, &Fixed).map(|l| l.net),
                *want,
                "{h:?} on {p}"
            );
        }
    }

    #[test]
    fn named_speakers_are_one_when_they_share_a_name() {
        let al = Alignment::new(vec![ev(
            Holder::Named(vec!["jean-pierre".into(), "kasongo".into()]),
            2,
            -1,
        )]);
        let l = al
            .leaning(&Holder::Named(vec!["kasongo".into()]), 0, &Fixed)
            .unwrap();
        assert_eq!(l.net, 1);
        assert_eq!(
            l.why,
            "the speaker uses 't' in sentence 1, of a party the article sets against it"
        );
        assert!(
            al.leaning(&Holder::Named(vec!["muyaya".into()]), 0, &Fixed)
                .is_none()
        );
    }

    /// Each leaning says what weighed most; of equal weights, the first.
    #[test]
    fn a_leaning_says_what_weighed_most() {
        let mut second = ev(Holder::Author, 0, 1);
        second.sentence = 4;
        let al = Alignment::new(vec![ev(Holder::Author, 2, -1), second]);
        let rows: &[(Holder, usize, &str)] = &[
            (Holder::Party(0), 0, "the speaker's own party"),
            (
                Holder::Official(0),
                0,
                "the state whose office the speaker's title names",
            ),
            (Holder::Party(1), 0, "on the speaker's own side"),
            (
                Holder::Party(2),
                0,
                "set against the speaker's own party in the article",
            ),
            // Both pieces of evidence weigh 1 on party 0: the first is named.
            (
                Holder::Author,
                0,
                "the outlet uses 't' in sentence 1, of a party the article sets against it",
            ),
            (Holder::Author, 2, "the outlet calls it 't' in sentence 1"),
        ];
        for (h, p, want) in rows {
            let got = al.leaning(h, *p, &Fixed).map(|l| l.why);
            assert_eq!(got.as_deref(), Some(*want), "{h:?} on {p}");
        }
    }

    #[test]
    fn evidence_that_cancels_out_is_no_leaning() {
        let al = Alignment::new(vec![ev(Holder::Author, 2, -1), ev(Holder::Author, 2, 1)]);
        assert_eq!(al.leaning(&Holder::Author, 2, &Fixed), None);
    }
}
