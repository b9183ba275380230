//! Titles: the words each party is known by in one article, so that a description made of them
//! refers to it ("the caravan" to the "Migrant caravan", "the special counsel" to the person the
//! text introduced as "special counsel Robert Mueller", "the president" to "President Trump",
//! "the army" to "the Sudanese army").
//!
//! This is the head-match pass of multi-pass coreference (Raghunathan et al. 2010, Lee et al.
//! 2013): a description whose words, head included, all occur in one of the names the article
//! gives a party refers to that party. A name is read as the text writes it, with the title
//! written right before it ("North Korean leader Kim Jong Un" gives Kim the words "north",
//! "korean", "leader", "kim", "jong" and "un"); a role noun further back that is not right
//! before another ("deputy minister") heads a phrase of its own and ends the title ("should the
//! president fire special counsel Robert Mueller"). Aliases the lexicon lists but the article does
//! not use count for nothing: a lexicon alias such as "Israeli security forces" is a
//! description, and would claim every "security forces".
//!
//! What it does not do: guess. A description with one word the party lacks ("the former
//! president", "the terrorist organization" against "Palestine Liberation Organization") does
//! not match, and an indefinite one ("a president") introduces someone new. Which of several
//! matching parties is meant is left to the caller (the discourse model picks the most salient).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::heads;
use crate::analysis::mention::{Form, Mention};
use crate::text::token_range;
use crate::text::{LowerTokens, Segmented, Span, TokenKind};

/// The longest title read before a person's name, in words.
const MAX_TITLE_WORDS: usize = 4;

/// Adds a mention for every definite description made of a person's title ("the president"
/// after "President Donald Trump", "the special counsel" after "special counsel Robert
/// Mueller", "The Prime Minister said"): the one person the article named before it with every
/// word of it, title included. Such a description stands for that person as a pronoun would:
/// its mention has form [`Form::Title`] and the name as its antecedent. A state organ named by
/// its head alone ("the army" after "the Sudanese army") gets such a mention too (see
/// [`organ_mention`]).
///
/// What it does not do: choose. A description that two people named before would fit ("the
/// president" after President Trump and President Macron), one with a word neither name has
/// ("the former president"), one followed by "of" ("the president of France") or by a name
/// (the name is the mention), and an indefinite or plural one ("a president", "the
/// presidents") get no mention.
pub fn title_mentions(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &mut Vec<Mention>,
) {
    // The words of every person's mention, read once, when a title is first met.
    let mut people: Option<Vec<(usize, FxHashSet<String>)>> = None;
    // The parties named with each organ head, read once, when an organ is first met.
    let mut organs: Option<OrganNames> = None;
    let mut found = Vec::new();
    for s in &seg.sentences {
        for t in s.tokens.clone() {
            if lower.get(t) != "the" {
                continue;
            }
            let Some((end, words)) = title_after(text, seg, lower, t, s.tokens.end) else {
                let at = t..s.tokens.end;
                if let Some(m) = organ_mention(text, seg, lower, at, mentions, &mut organs) {
                    found.push(m);
                }
                continue;
            };
            let span = Span::new(seg.tokens[t].span.start, seg.tokens[end].span.end);
            let lo = mentions.partition_point(|m| m.span.end <= span.start);
            if mentions.get(lo).is_some_and(|m| m.span.start < span.end) {
                continue;
            }
            let people = people.get_or_insert_with(|| {
                mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.form == Form::Person)
                    .map(|(i, m)| {
                        let mut w: FxHashSet<String> =
                            heads::name_words(m.span.slice(text)).collect();
                        w.extend(title_before(text, seg, lower, m));
                        (i, w)
                    })
                    .collect()
            });
            // The people named before it with every word of it, the latest mention of each.
            let mut fits: Vec<usize> = Vec::new();
            for (i, w) in people.iter().rev() {
                let m = &mentions[*i];
                if m.span.start >= span.start || !words.iter().all(|d| w.contains(d)) {
                    continue;
                }
                let same = |j: &usize| {
                    let o = &mentions[*j];
                    o.actor == m.actor && o.person == m.person
                };
                if !fits.iter().any(same) {
                    fits.push(*i);
                }
            }
            if let [i] = fits[..] {
                let a = &mentions[i];
                found.push(Mention {
                    span,
                    actor: a.actor,
                    form: Form::Title,
                    person: a.person.clone(),
                    role: None,
                    compound: None,
                    near_miss_of: None,
                    antecedent: Some(a.span.slice(text).to_owned()),
                });
            }
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// The state organs a definite description may name by its head alone ("the army" after "the
/// Sudanese army"): the heads of [`heads::STATE_SPEAKER_NOUNS`] that are not loaded labels of
/// their own ("regime", "junta") and that no group's name ends in ("state", as in "Islamic
/// State", and "country").
fn is_organ_head(w: &str) -> bool {
    heads::STATE_SPEAKER_NOUNS.contains(w) && !matches!(w, "regime" | "junta" | "state" | "country")
}

/// A mention for "the army", "the military", "the government", "the authorities" or "the
/// administration" at determiner `the`: the one party named before it by a name whose last word
/// is that head ("the Sudanese army", "Myanmar military"), the head-match of a shortened name.
/// `None` when a word stands between the determiner and the head (a modifier may contrast, "the
/// former government", or name another party's forces, "the occupation army"), when a name
/// follows the head (or "of" and a name), when "military" is an adjective (before a lower-case
/// word that is not a verb in -ed, an auxiliary, a verb of saying, a preposition or a
/// conjunction), when no name or several parties' names fit, or when a mention already covers
/// the words.
/// For each organ head, the parties named with a name that ends in it, each once, in the order
/// of their first such name: (where that name starts, the party, the name's mention).
type OrganNames = FxHashMap<String, Vec<(usize, usize, usize)>>;

/// The parties named with each organ head ([`OrganNames`]), from the article's name mentions.
fn organ_names(text: &str, mentions: &[Mention]) -> OrganNames {
    let mut out = OrganNames::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.form != Form::Name || m.role.is_some() {
            continue;
        }
        let Some(last) = m.span.slice(text).split_whitespace().last() else {
            continue;
        };
        let last = last.to_lowercase();
        if !is_organ_head(&last) {
            continue;
        }
        let named = out.entry(last).or_default();
        if !named.iter().any(|&(_, a, _)| a == m.actor) {
            named.push((m.span.start, m.actor, i));
        }
    }
    out
}

fn organ_mention(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    at: std::ops::Range<usize>,
    mentions: &[Mention],
    organs: &mut Option<OrganNames>,
) -> Option<Mention> {
    let (the, end) = (at.start, at.end);
    // The head right after the determiner: a modifier may contrast ("the former government",
    // "the rival army") or name another party's forces ("the occupation army").
    let k = the + 1;
    if k >= end || !is_organ_head(lower.get(k)) {
        return None;
    }
    let capitalised = |i: usize| {
        i < end
            && seg.tokens[i].kind == TokenKind::Word
            && seg.tokens[i]
                .span
                .slice(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    // "military" is an adjective as often as a noun: before a lower-case word that is not a
    // verb in -ed, an auxiliary, a verb of saying, a preposition or a conjunction ("the military
    // operation"), it is no head.
    if lower.get(k) == "military"
        && k + 1 < end
        && seg.tokens[k + 1].kind == TokenKind::Word
        && !capitalised(k + 1)
    {
        let next = lower.get(k + 1);
        let verb_or_function_word = next.ends_with("ed")
            || crate::analysis::words::is_auxiliary(next)
            || crate::analysis::words::is_cue_word(next)
            || heads::ends_a_head(next)
            || matches!(next, "and" | "or" | "but");
        if !verb_or_function_word {
            return None;
        }
    }
    let named = capitalised(k + 1)
        || (k + 1 < end
            && lower.get(k + 1) == "of"
            && (capitalised(k + 2)
                || (k + 2 < end && lower.get(k + 2) == "the" && capitalised(k + 3))));
    if named {
        return None;
    }
    let span = Span::new(seg.tokens[the].span.start, seg.tokens[k].span.end);
    let lo = mentions.partition_point(|m| m.span.end <= span.start);
    if mentions.get(lo).is_some_and(|m| m.span.start < span.end) {
        return None;
    }
    let named = organs
        .get_or_insert_with(|| organ_names(text, mentions))
        .get(lower.get(k))?;
    let mut before = named.iter().filter(|&&(start, _, _)| start < span.start);
    let &(_, _, i) = before.next()?;
    if before.next().is_some() {
        return None;
    }
    let a = &mentions[i];
    Some(Mention {
        span,
        actor: a.actor,
        form: Form::Title,
        person: None,
        role: None,
        compound: None,
        near_miss_of: None,
        antecedent: Some(a.span.slice(text).to_owned()),
    })
}

/// The title after the determiner at token `the`: at most [`MAX_TITLE_WORDS`] lower-case words
/// ending in a singular role noun ("president", "special counsel", "prime minister"; a role noun
/// one or two words before another modifies it: "deputy prime minister"), and the token it ends
/// at. `None` when "of" or a name follows it.
fn title_after(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    the: usize,
    end: usize,
) -> Option<(usize, Vec<String>)> {
    // The words of the title, read only once one is found (most "the" open none).
    let words_to = |k: usize| {
        (the + 1..=k)
            .flat_map(|j| heads::name_words(lower.get(j)))
            .collect()
    };
    for k in the + 1..(the + 1 + MAX_TITLE_WORDS).min(end) {
        let tok = seg.tokens[k];
        let w = lower.get(k);
        if tok.kind != TokenKind::Word || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
        if heads::is_role_noun(w) && !heads::is_plural(w) {
            // A role noun that modifies the next ("the deputy prime minister", "the chief
            // military prosecutor"): the title goes on to the role noun one or two words on.
            let role_at = |j: usize| {
                j < end
                    && j < the + 1 + MAX_TITLE_WORDS
                    && seg.tokens[j].kind == TokenKind::Word
                    && heads::is_role_noun(lower.get(j))
                    && !heads::is_plural(lower.get(j))
            };
            // The word between is a modifier ("prime", "military"), not a function word or a
            // verb ("the president is commander", "the chairman and chief executive").
            let plain = |j: usize| {
                j < end
                    && seg.tokens[j].kind == TokenKind::Word
                    && lower.get(j).chars().all(char::is_alphabetic)
                    && !matches!(
                        lower.get(j),
                        "is" | "was" | "are" | "were" | "and" | "or" | "a" | "an" | "the" | "of"
                    )
            };
            if k + 1 < the + 1 + MAX_TITLE_WORDS
                && (role_at(k + 1) || (plain(k + 1) && role_at(k + 2)))
            {
                continue;
            }
            let next = (k + 1 < end).then(|| seg.tokens[k + 1]);
            let named_after = next.is_some_and(|n| {
                lower.get(k + 1) == "of"
                    || (n.kind == TokenKind::Word
                        && n.span
                            .slice(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase))
            });
            return (!named_after).then(|| (k, words_to(k)));
        }
    }
    None
}

/// The words each party of one article (or of a story) is known by.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// Per actor index (lexicon actors, then the article's unlisted parties): the words of each
    /// way the article names it, with the title written before it; empty when it is not named.
    names: Vec<Vec<FxHashSet<String>>>,
}

impl Known {
    /// The names `mentions` give each party (pronouns left out), each with the title the text
    /// writes before it. `parties` is the number of actor indexes.
    #[doc(hidden)]
    pub fn build(
        text: &str,
        seg: &Segmented,
        lower: &LowerTokens,
        mentions: &[Mention],
        parties: usize,
    ) -> Known {
        let mut names: Vec<Vec<FxHashSet<String>>> = vec![Vec::new(); parties];
        for m in mentions {
            if matches!(m.form, Form::Pronoun | Form::Title) || m.role.is_some() {
                continue;
            }
            let Some(list) = names.get_mut(m.actor) else {
                continue;
            };
            let mut words: FxHashSet<String> = heads::name_words(m.span.slice(text)).collect();
            words.extend(title_before(text, seg, lower, m));
            if !list.contains(&words) {
                list.push(words);
            }
        }
        Known { names }
    }

    /// The parties among `candidates` named at least once with every word of `description`.
    pub fn matching(
        &self,
        description: &[String],
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<usize> {
        candidates
            .filter(|&a| {
                self.names.get(a).is_some_and(|list| {
                    list.iter()
                        .any(|w| description.iter().all(|d| w.contains(d)))
                })
            })
            .collect()
    }

    /// Adds the names `other` knows (another article's), keeping each name once.
    pub fn merge(&mut self, other: Known) {
        if self.names.len() < other.names.len() {
            self.names.resize(other.names.len(), Vec::new());
        }
        for (mine, theirs) in self.names.iter_mut().zip(other.names) {
            for w in theirs {
                if !mine.contains(&w) {
                    mine.push(w);
                }
            }
        }
    }

    /// The parties the article names, in index order.
    pub fn named(&self) -> impl Iterator<Item = usize> + '_ {
        self.names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .map(|(a, _)| a)
    }
}

/// The title written right before a mention: up to [`MAX_TITLE_WORDS`] words ending in a role
/// noun ("special counsel", "North Korean leader"), read leftwards until a word that is not a
/// plain word, is a determiner, or is a role noun not right before another role noun, unless
/// the title is capitalised up to it ("Deputy Prime Minister", "Chief Military Prosecutor").
fn title_before(text: &str, seg: &Segmented, lower: &LowerTokens, m: &Mention) -> Vec<String> {
    let first = token_range(seg, m.span).start;
    let start = seg
        .sentence_at(m.span.start)
        .map_or(0, |s| seg.sentences[s].tokens.start);
    let mut out = Vec::new();
    let capital = |k: usize| {
        seg.tokens[k]
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // Whether every word read so far is capitalised: one written title.
    let mut written_title = true;
    let mut t = first;
    while t > start && out.len() < MAX_TITLE_WORDS {
        let k = t - 1;
        let w = lower.get(k);
        let plain = seg.tokens[k].kind == TokenKind::Word
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !matches!(
                w,
                "the" | "a" | "an" | "and" | "or" | "of" | "said" | "says"
            );
        if !plain {
            break;
        }
        let word: String = heads::name_words(w).collect::<Vec<_>>().concat();
        let role = heads::is_role_noun(w);
        if out.is_empty() && !role {
            return Vec::new();
        }
        // Another role noun, not right before one ("deputy minister", "attorney general"), is
        // the head of another phrase: "should the president fire special counsel Robert
        // Mueller" gives Mueller the title "fire special counsel", not "president".
        let joined_to_role = out
            .last()
            .is_some_and(|next: &String| heads::is_role_noun(next));
        let one_written_title = written_title && capital(k);
        if role && !out.is_empty() && !joined_to_role && !one_written_title {
            break;
        }
        written_title &= capital(k);
        out.push(word);
        t = k;
    }
    out
}
