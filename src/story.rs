//! Story: several articles read as coverage of one event. An unnamed party of one article (see
//! [`crate::analysis::discourse`]) is aligned with the party that plays the same role in another: a party
//! that article names, or an unnamed party of its own.
//!
//! The role of a party is read from the sentences that speak of it: the other parties named
//! there (the same adversary, the same speaker), and the content words (the same action, the
//! same place). Two parties align when their types agree and their roles share evidence; the
//! best-supported candidate wins, and the shared evidence is recorded in each hit's link detail.
//! A party the article itself names is never a candidate for its own unnamed party: the article
//! would have named it.
//!
//! What it does not do: decide that two *named* parties are the same (names are the lexicon's
//! business), or align parties across articles of different stories; the caller says which
//! articles belong together.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::analysis::attribution::LinkRule;
use crate::analysis::discourse::Origin;
use crate::analysis::titles::Known;
use crate::analysis::{Analyzer, Article};
use crate::lexicon::{ActorType, Lexicon};
use crate::text::WordSet;

/// Words too common to say anything about a role.
static STOPWORDS: WordSet = WordSet::new(&[
    "about", "after", "again", "against", "also", "among", "and", "are", "because", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "during", "each", "for",
    "from", "had", "has", "have", "her", "here", "his", "into", "its", "last", "more", "most",
    "not", "now", "said", "says", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "told", "under", "until", "very", "was",
    "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "year",
    "years", "over", "other", "only", "just", "many", "much", "since", "still", "week",
]);

/// Evidence needed before two parties are taken for one: shared parties count double.
const MIN_EVIDENCE: usize = 2;

impl Analyzer {
    /// Analyses several articles as coverage of one story, in the order given: each article as
    /// [`Analyzer::analyze`] reads it, then its unnamed parties aligned across the story (see
    /// the module doc).
    pub fn analyze_story(&self, docs: &[(&str, &str)]) -> Vec<Article> {
        let mut names = Known::default();
        for (_, text) in docs {
            names.merge(self.names_in(text));
        }
        let mut arts: Vec<Article> = docs
            .iter()
            .map(|(name, text)| self.analyze_in_story(name, text, Some(&names)))
            .collect();
        align(&self.lexicon, &mut arts);
        arts
    }
}

/// What the sentences about one party say of its role.
#[derive(Default)]
struct Role {
    parties: BTreeSet<String>,
    words: BTreeSet<String>,
}

/// The role of the party `id` in `art`: the sentences whose hits describe it or whose mentions
/// name it. One pass over the hits and mentions sorts them by sentence, so the cost grows with
/// the article, not with its sentences times its hits.
fn role_of(art: &Article, id: &str) -> Role {
    // For each sentence: whether it speaks of `id`, and the other parties it names.
    let mut by_sentence: BTreeMap<usize, (bool, Vec<&str>)> = BTreeMap::new();
    for h in &art.hits {
        let entry = by_sentence.entry(h.sentence).or_default();
        for a in &h.actors {
            if **a == *id {
                entry.0 = true;
            } else {
                entry.1.push(a);
            }
        }
    }
    for m in &art.mentions {
        if let Some(s) = sentence_of(art, m.start) {
            let entry = by_sentence.entry(s).or_default();
            if m.actor == id {
                entry.0 = true;
            } else {
                entry.1.push(&m.actor);
            }
        }
    }
    let mut role = Role::default();
    for (&s, (about, others)) in &by_sentence {
        if !about {
            continue;
        }
        role.parties.extend(others.iter().map(|&p| p.to_owned()));
        let Some(span) = art.sentence_spans.get(s) else {
            continue;
        };
        for w in span.slice(&art.text).split(|c: char| !c.is_alphanumeric()) {
            let w = w.to_lowercase();
            if w.chars().count() >= 4
                && !STOPWORDS.contains(w.as_str())
                && !crate::text::is_calendar_word(&w)
            {
                role.words.insert(stem(&w).to_owned());
            }
        }
    }
    role.parties.retain(|p| !p.starts_with("unnamed-"));
    role
}

/// A crude English stem: enough that "attacked", "attacks" and "attack" meet.
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 4
        {
            return s;
        }
    }
    w
}

fn sentence_of(art: &Article, byte: usize) -> Option<usize> {
    let i = art.sentence_spans.partition_point(|s| s.end <= byte);
    art.sentence_spans
        .get(i)
        .filter(|s| s.start <= byte)
        .map(|_| i)
}

/// The parties an article names (lexicon actors or unlisted parties), by id, with their type.
fn named(art: &Article, lex: &Lexicon) -> BTreeMap<String, ActorType> {
    let mut out = BTreeMap::new();
    for m in &art.mentions {
        if let Some(a) = lex.actor(&m.actor) {
            out.insert(a.id.clone(), a.actor_type);
        } else if let Some(p) = art.parties.iter().find(|p| p.id == m.actor) {
            out.insert(p.id.clone(), p.actor_type);
        }
    }
    out
}

/// The evidence two roles share: (score, what was shared).
fn shared(x: &Role, y: &Role) -> (usize, String) {
    let parties: Vec<&String> = x.parties.intersection(&y.parties).collect();
    let words: Vec<&String> = x.words.intersection(&y.words).collect();
    let score = 2 * parties.len() + words.len();
    let mut what = Vec::new();
    if !parties.is_empty() {
        what.push(format!(
            "parties {}",
            parties
                .iter()
                .take(4)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !words.is_empty() {
        what.push(format!(
            "words {}",
            words
                .iter()
                .take(6)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    (score, what.join("; "))
}

/// The best candidate found so far for an unnamed party: (article, party id, score, evidence,
/// whether the other article names it).
type Best = Option<(usize, String, usize, String, bool)>;

fn consider(best: &mut Best, j: usize, id: &str, score: usize, what: String, named: bool) {
    if score >= MIN_EVIDENCE && best.as_ref().is_none_or(|b| score > b.2) {
        *best = Some((j, id.to_owned(), score, what, named));
    }
}

/// Where another article names a party: (that article's name, the party's name, the evidence).
type Inferred = (String, String, String);

/// One renaming: (article, old id, new id, where the party is named, if elsewhere).
type Rename = (usize, String, String, Option<Inferred>);

/// Aligns the unnamed parties of `arts` across the story, in place. Articles are taken in order;
/// the result depends only on the articles and their order.
pub fn align(lex: &Lexicon, arts: &mut [Article]) {
    let names: Vec<BTreeMap<String, ActorType>> = arts.iter().map(|a| named(a, lex)).collect();
    // Story-wide ids for unnamed parties, keyed by (article, id in the article).
    let mut story_ids: BTreeMap<(usize, String), String> = BTreeMap::new();
    let mut next_unnamed = 1;
    let mut fresh = || {
        let s = format!("unnamed-{next_unnamed}");
        next_unnamed += 1;
        s
    };
    let mut plan: Vec<Rename> = Vec::new();
    for (i, art) in arts.iter().enumerate() {
        for u in art.parties.iter().filter(|p| p.origin == Origin::Unnamed) {
            let role = role_of(art, &u.id);
            let mut best: Best = None;
            for (j, other) in arts.iter().enumerate().filter(|&(j, _)| j != i) {
                // Parties the other article names and this one never does.
                for (id, ty) in &names[j] {
                    if !names[i].contains_key(id) && u.types.contains(ty) {
                        let (score, what) = shared(&role, &role_of(other, id));
                        consider(&mut best, j, id, score, what, true);
                    }
                }
                // Unnamed parties of the other article with a type in common.
                for p in other.parties.iter().filter(|p| p.origin == Origin::Unnamed) {
                    if p.types.iter().any(|t| u.types.contains(t)) {
                        let (score, what) = shared(&role, &role_of(other, &p.id));
                        consider(&mut best, j, &p.id, score, what, false);
                    }
                }
            }
            match best {
                Some((j, id, _, what, true)) => {
                    let name = lex.actor(&id).map_or_else(
                        || {
                            arts[j]
                                .parties
                                .iter()
                                .find(|p| p.id == id)
                                .map_or_else(|| id.clone(), |p| p.name.clone())
                        },
                        |a| a.name.clone(),
                    );
                    plan.push((
                        i,
                        u.id.clone(),
                        id,
                        Some((arts[j].name.clone(), name, what)),
                    ));
                }
                Some((j, id, ..)) => {
                    let sid = story_ids
                        .get(&(j, id.clone()))
                        .or_else(|| story_ids.get(&(i, u.id.clone())))
                        .cloned()
                        .unwrap_or_else(&mut fresh);
                    story_ids.insert((j, id), sid.clone());
                    story_ids.insert((i, u.id.clone()), sid);
                }
                None => {
                    story_ids
                        .entry((i, u.id.clone()))
                        .or_insert_with(&mut fresh);
                }
            }
        }
    }
    for ((i, old), new) in story_ids {
        if !plan.iter().any(|p| p.0 == i && p.1 == old) {
            plan.push((i, old, new, None));
        }
    }
    // Two passes so that a new id never collides with an old one not yet renamed.
    for (i, old, _, _) in &plan {
        rename(lex, &mut arts[*i], old, &format!("\u{0}{old}"), None);
    }
    for (i, old, new, from) in plan {
        rename(lex, &mut arts[i], &format!("\u{0}{old}"), &new, from);
    }
}

/// Gives the party `old` of `art` the id `new`; with `from` (article, name, evidence), the party
/// is the one another article names, and its terms say so.
fn rename(lex: &Lexicon, art: &mut Article, old: &str, new: &str, from: Option<Inferred>) {
    let lex_index = lex.actors.iter().position(|a| a.id == new);
    let renamed: Arc<str> = Arc::from(new);
    for h in &mut art.hits {
        if !h.describes(old) {
            continue;
        }
        for a in h.actors.iter_mut().filter(|a| ***a == *old) {
            *a = Arc::clone(&renamed);
        }
        for c in h.link_candidates.iter_mut().filter(|c| c.actor == old) {
            c.actor = new.to_owned();
        }
        match &from {
            Some((article, name, what)) => {
                h.link = LinkRule::Story;
                h.link_detail = format!(
                    "no party this article names fits; the same role as {name} in '{article}' \
                     ({what})"
                );
                if let Some(ix) = lex_index
                    && !h.actor_indices.contains(&ix)
                {
                    h.actor_indices.push(ix);
                }
            }
            None => h.link_detail = h.link_detail.replace(old, new),
        }
    }
    if let Some(p) = art.profile.by_actor.remove(old) {
        art.profile.by_actor.insert(new.to_owned(), p);
    }
    if let Some(p) = art.parties.iter_mut().find(|p| p.id == old) {
        p.id = new.to_owned();
        match from {
            Some((article, name, _)) => {
                p.name = name;
                p.inferred_from = Some(article);
            }
            None => {
                if let Some(n) = new.strip_prefix("unnamed-") {
                    let said = p.name.split_once(" (").map_or("", |x| x.1);
                    p.name = format!("unnamed party {n} ({said}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::attribution::LinkRule;
    use crate::lexicon::Lexicon;
    use std::sync::OnceLock;

    fn an() -> &'static Analyzer {
        static AN: OnceLock<Analyzer> = OnceLock::new();
        AN.get_or_init(|| Analyzer::new(Lexicon::bundled().unwrap()).unwrap())
    }

    const STATE_MEDIA: &str = "Terrorists attack police stations in Aleppo countryside\n\n\
        DAMASCUS - Terrorists attacked police stations in the western countryside of Aleppo on \
        Thursday, the Syrian army command said.\n\nThe army said its units confronted the \
        terrorists in Aleppo and Idlib.\n";
    const NAMES_THE_GROUP: &str = "Rebels launch offensive near Aleppo\n\nISTANBUL - Hayat \
        Tahrir al-Sham (HTS) launched a surprise offensive on Thursday against Syrian \
        government forces in the countryside of Aleppo.\n\nThe rebels captured several police \
        stations west of Aleppo, according to a war monitor.\n";
    const NAMES_NOBODY: &str = "Rebels launch offensive near Aleppo\n\nISTANBUL - Armed \
        opposition groups launched a surprise offensive on Thursday against Syrian government \
        forces in the countryside of Aleppo.\n\nThe rebels captured several police stations \
        west of Aleppo, according to a war monitor.\n";
    const UNRELATED: &str = "Floods in the delta\n\nHeavy rain flooded farms in the delta on \
        Monday, officials said.\n\nMilitants were not involved.\n";

    fn actors_of(art: &Article, written: &str) -> Vec<Vec<String>> {
        art.hits
            .iter()
            .filter(|h| h.text.eq_ignore_ascii_case(written))
            .map(|h| h.actor_ids().iter().map(|a| a.to_string()).collect())
            .collect()
    }

    #[test]
    fn an_unnamed_party_takes_the_name_the_other_article_gives() {
        let arts = an().analyze_story(&[("sana", STATE_MEDIA), ("wire", NAMES_THE_GROUP)]);
        let sana = &arts[0];
        for actors in actors_of(sana, "terrorists") {
            assert_eq!(actors, vec!["hts".to_owned()]);
        }
        let story: Vec<_> = sana
            .hits
            .iter()
            .filter(|h| h.link == LinkRule::Story)
            .collect();
        assert!(!story.is_empty());
        assert!(
            story[0].link_detail.contains("'wire'"),
            "{}",
            story[0].link_detail
        );
        let p = sana.parties.iter().find(|p| p.id == "hts").unwrap();
        assert_eq!(p.inferred_from.as_deref(), Some("wire"));
        // Counted like any lexicon actor.
        assert!(sana.hits.iter().any(|h| h.actor_indices.len() == 1));
    }

    #[test]
    fn when_neither_article_names_the_group_both_share_one_unnamed_party() {
        let arts = an().analyze_story(&[("sana", STATE_MEDIA), ("wire", NAMES_NOBODY)]);
        let a = actors_of(&arts[0], "terrorists");
        let b = actors_of(&arts[1], "rebels");
        assert!(!a.is_empty() && !b.is_empty());
        assert!(
            a.iter()
                .chain(&b)
                .all(|x| x == &vec!["unnamed-1".to_owned()]),
            "{a:?} {b:?}"
        );
        for art in &arts {
            let p = &art.parties[0];
            assert_eq!((p.id.as_str(), p.origin), ("unnamed-1", Origin::Unnamed));
            assert!(p.inferred_from.is_none());
        }
    }

    #[test]
    fn parties_of_unrelated_articles_stay_apart() {
        let arts = an().analyze_story(&[("sana", STATE_MEDIA), ("floods", UNRELATED)]);
        let a = actors_of(&arts[0], "terrorists");
        let b = actors_of(&arts[1], "militants");
        assert!(!a.is_empty() && !b.is_empty());
        assert_ne!(a[0], b[0], "no shared parties or words: no alignment");
    }

    #[test]
    fn a_party_the_article_names_is_never_inferred_for_it() {
        // The wire story names HTS itself: nothing in it is inferred from the state media.
        let arts = an().analyze_story(&[("wire", NAMES_THE_GROUP), ("sana", STATE_MEDIA)]);
        assert!(arts[0].hits.iter().all(|h| h.link != LinkRule::Story));
        assert!(arts[0].parties.iter().all(|p| p.inferred_from.is_none()));
    }

    #[test]
    fn story_alignment_is_deterministic() {
        let x = an().analyze_story(&[("sana", STATE_MEDIA), ("wire", NAMES_NOBODY)]);
        let y = an().analyze_story(&[("sana", STATE_MEDIA), ("wire", NAMES_NOBODY)]);
        for (p, q) in x.iter().zip(&y) {
            assert_eq!(
                serde_json::to_string(&p.hits).unwrap(),
                serde_json::to_string(&q.hits).unwrap()
            );
        }
    }
}
