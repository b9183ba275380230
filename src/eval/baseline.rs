//! The window baseline the evaluation compares against, the method Empath uses: a term describes
//! the nearest actor named within ten tokens either side (pronouns are not resolved), and it is in the author's voice unless
//! it sits between quotation marks (an odd number of double quotation marks before it in its
//! paragraph). It has no notion of speakers, frames, designations or attribution rules.

use crate::analysis::Article;
use crate::analysis::voice::Voice;
use crate::text::token_range;
use crate::text::{Span, segment};

/// How far the window reaches, in tokens, on each side of a term.
pub const WINDOW: usize = 10;

/// The baseline's reading of one hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineHit {
    /// The actor id of the nearest actor mention within [`WINDOW`] tokens (pronouns and
    /// titles left out); empty when there is none.
    pub actors: Vec<String>,
    /// `Quote` after an odd number of double quotation marks in the hit's paragraph, else
    /// `Author`.
    pub voice: Voice,
}

/// The baseline's actor and voice for every hit of `art`, in the same order.
pub fn baseline(art: &Article) -> Vec<BaselineHit> {
    let seg = segment(&art.text);
    let mention_tokens: Vec<(std::ops::Range<usize>, &str)> = art
        .mentions
        .iter()
        // Names only: resolving pronouns is part of what the baseline does not do.
        .filter(|m| {
            !matches!(
                m.form,
                crate::analysis::mention::Form::Pronoun | crate::analysis::mention::Form::Title
            )
        })
        .map(|m| {
            (
                token_range(&seg, Span::new(m.start, m.end)),
                m.actor.as_str(),
            )
        })
        .filter(|(r, _)| !r.is_empty())
        .collect();
    art.hits
        .iter()
        .map(|h| {
            let r = token_range(&seg, Span::new(h.start, h.end));
            let mut best: Option<(usize, &str)> = None;
            for (m, actor) in &mention_tokens {
                let dist = if m.end <= r.start {
                    r.start - m.end + 1
                } else if m.start >= r.end {
                    m.start - r.end + 1
                } else {
                    0
                };
                if dist <= WINDOW && best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, actor));
                }
            }
            let para = seg
                .paragraph_at(h.start)
                .map_or(Span::new(0, h.start), |p| seg.paragraphs[p].span);
            let marks = art.text[para.start..h.start.max(para.start)]
                .chars()
                .filter(|&c| crate::text::is_double(c))
                .count();
            BaselineHit {
                actors: best.map(|(_, a)| vec![a.to_owned()]).unwrap_or_default(),
                voice: if marks % 2 == 1 {
                    Voice::Quote
                } else {
                    Voice::Author
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::lexicon::Lexicon;

    #[test]
    fn nearest_actor_and_quote_parity() {
        let an = Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
        let art = an.analyze(
            "t",
            "Headline\nTurkey said \"the terrorists\" attacked, while HTS rebels advanced.",
        );
        let b = baseline(&art);
        let at = |t: &str| {
            let i = art.hits.iter().position(|h| h.text == t).unwrap();
            b[i].clone()
        };
        // "terrorists": Turkey is 3 tokens away, HTS further; inside quotation marks.
        assert_eq!(at("terrorists").voice, Voice::Quote);
        assert_eq!(at("terrorists").actors, vec!["turkey".to_string()]);
        // "rebels": HTS right before it; after the closing mark, so the author's.
        assert_eq!(at("rebels").voice, Voice::Author);
        assert_eq!(at("rebels").actors, vec!["hts".to_string()]);
    }
}
