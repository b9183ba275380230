//! Finding lexicon forms in text: whole words, multi-word phrases, trailing-`*` globs, regex
//! entries and exclusions, with the longest match winning and no two matches overlapping.
//!
//! Matching runs over a *normalized* copy of the text (lower case, one space for any run of white
//! space, curly apostrophes and quotes made straight, hyphen look-alikes made `-`, zero-width and
//! bidi control characters dropped). Every normalized byte remembers the original byte it came from,
//! so every reported span points into the original text.
//!
//! What it does not do: stemming or inflection (list each word form, or use a glob), matching
//! across a hyphen inside a form written with a space, or case folding beyond what
//! `char::to_lowercase` does.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::text::Span;

/// The text as the matcher sees it, with a map back to the original bytes.
pub struct Normalized {
    pub text: String,
    /// For each normalized byte: the original byte offset where its character starts.
    start: Vec<u32>,
    /// For each normalized byte: the original byte offset where its character ends.
    end: Vec<u32>,
}

/// Characters dropped before matching: zero-width, soft hyphen, bidi controls, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn fold(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2043}' => '-',
        c if is_invisible(c) => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        Normalized::build(original, true)
    }

    /// The same folding with case kept, for regex entries (which may test case).
    pub fn keep_case(original: &str) -> Normalized {
        Normalized::build(original, false)
    }

    fn build(original: &str, lower: bool) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut start = Vec::with_capacity(original.len());
        let mut end = Vec::with_capacity(original.len());
        let mut last_space = true;
        for (o, c) in original.char_indices() {
            let Some(f) = fold(c) else { continue };
            let e = (o + c.len_utf8()) as u32;
            if f == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
                text.push(' ');
                start.push(o as u32);
                end.push(e);
                continue;
            }
            last_space = false;
            let before = text.len();
            if lower {
                text.extend(f.to_lowercase());
            } else {
                text.push(f);
            }
            for _ in before..text.len() {
                start.push(o as u32);
                end.push(e);
            }
        }
        Normalized { text, start, end }
    }

    /// The original span of normalized bytes `[s, e)`.
    pub fn original(&self, s: usize, e: usize) -> Span {
        Span::new(self.start[s] as usize, self.end[e - 1] as usize)
    }

    /// Normalizes a lexicon form the same way the text is normalized.
    pub fn form(form: &str) -> String {
        Normalized::new(form).text.trim().to_owned()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One pattern the matcher looks for.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Whose pattern this is (an index chosen by the caller: a label entry, an actor form...).
    pub owner: usize,
    /// The form as written in the lexicon.
    pub form: String,
    /// Match only when the original text has exactly this case (acronyms such as `US`).
    pub exact_case: bool,
    /// An exclusion for `owner`: matches of `owner` inside it are dropped.
    pub exclusion: bool,
}

/// A match in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub owner: usize,
    /// Index of the pattern (or `usize::MAX - i` for the i-th regex) that produced it.
    pub pattern: usize,
}

struct Compiled {
    glob: bool,
    needle_len: usize,
    first_is_word: bool,
    last_is_word: bool,
}

/// A compiled set of patterns.
pub struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    compiled: Vec<Compiled>,
    regexes: Vec<(Regex, usize)>,
}

/// Why a matcher could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    #[error("cannot compile the lexicon forms: {0}")]
    Automaton(String),
    #[error("cannot compile regex `{pattern}`: {reason}")]
    Regex { pattern: String, reason: String },
}

impl Matcher {
    /// Builds a matcher from literal/glob patterns and `(regex, owner)` pairs.
    pub fn new(
        patterns: Vec<Pattern>,
        regexes: &[(String, usize)],
    ) -> Result<Matcher, MatcherError> {
        let mut needles = Vec::with_capacity(patterns.len());
        let mut compiled = Vec::with_capacity(patterns.len());
        for p in &patterns {
            let n = Normalized::form(&p.form);
            let glob = n.ends_with('*');
            let needle = n.trim_end_matches('*').to_owned();
            compiled.push(Compiled {
                glob,
                needle_len: needle.len(),
                first_is_word: needle.chars().next().is_some_and(is_word_char),
                last_is_word: needle.chars().last().is_some_and(is_word_char),
            });
            needles.push(needle);
        }
        let ac = if needles.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&needles)
                    .map_err(|e| MatcherError::Automaton(e.to_string()))?,
            )
        };
        let mut res = Vec::new();
        for (r, owner) in regexes {
            let re = regex::RegexBuilder::new(r)
                .case_insensitive(true)
                .size_limit(crate::lexicon::yaml::REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| MatcherError::Regex {
                    pattern: r.clone(),
                    reason: e.to_string(),
                })?;
            res.push((re, *owner));
        }
        Ok(Matcher {
            ac,
            patterns,
            compiled,
            regexes: res,
        })
    }

    pub fn pattern(&self, i: usize) -> Option<&Pattern> {
        self.patterns.get(i)
    }

    /// All matches, leftmost-longest across every pattern, none overlapping, in text order.
    pub fn find(&self, original: &str, norm: &Normalized) -> Vec<Hit> {
        self.search(original, norm, false).selected
    }

    /// Like [`Matcher::find`], keeping the candidates that lost and why: for `lexicon explain`.
    pub fn find_explained(&self, original: &str, norm: &Normalized) -> Explained {
        self.search(original, norm, true)
    }

    fn search(&self, original: &str, norm: &Normalized, explain: bool) -> Explained {
        let mut cands: Vec<Hit> = Vec::new();
        let mut exclusions: Vec<Hit> = Vec::new();
        let t = norm.text.as_str();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(t) {
                let pi = m.pattern().as_usize();
                let c = &self.compiled[pi];
                let p = &self.patterns[pi];
                let s = m.start();
                let mut e = s + c.needle_len;
                if c.first_is_word && t[..s].chars().next_back().is_some_and(is_word_char) {
                    continue;
                }
                if c.glob {
                    e += t[e..]
                        .char_indices()
                        .find(|&(_, ch)| !is_word_char(ch))
                        .map_or(t.len() - e, |(i, _)| i);
                } else if c.last_is_word && t[e..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
                let span = norm.original(s, e);
                if p.exact_case && !same_words(span.slice(original), &p.form) {
                    continue;
                }
                let hit = Hit {
                    span,
                    owner: p.owner,
                    pattern: pi,
                };
                if p.exclusion {
                    exclusions.push(hit);
                } else {
                    cands.push(hit);
                }
            }
        }
        // Regex entries run over the folded text too (case kept), so that "Iran‐backed" with a
        // Unicode hyphen or a zero-width character matches like "Iran-backed".
        let cased = (!self.regexes.is_empty()).then(|| Normalized::keep_case(original));
        for (i, (re, owner)) in self.regexes.iter().enumerate() {
            let Some(cased) = &cased else { break };
            for m in re.find_iter(&cased.text) {
                if m.is_empty() {
                    continue;
                }
                cands.push(Hit {
                    span: cased.original(m.start(), m.end()),
                    owner: *owner,
                    pattern: usize::MAX - i,
                });
            }
        }
        let mut excluded = Vec::new();
        if !exclusions.is_empty() {
            cands.retain(|h| {
                match exclusions
                    .iter()
                    .find(|x| x.owner == h.owner && x.span.contains(h.span))
                {
                    Some(x) => {
                        excluded.push((*h, *x));
                        false
                    }
                    None => true,
                }
            });
        }
        if !explain {
            return Explained {
                selected: select_longest(cands),
                ..Explained::default()
            };
        }
        let selected = select_longest(cands.clone());
        // `selected` is in text order and does not overlap itself: find each loser's winner by
        // binary search.
        let overlapped = cands
            .into_iter()
            .filter_map(|c| {
                let i = selected.partition_point(|w| w.span.end <= c.span.start);
                let w = selected.get(i).filter(|w| w.span.overlaps(c.span))?;
                (*w != c).then_some((c, *w))
            })
            .collect();
        Explained {
            selected,
            excluded,
            overlapped,
        }
    }
}

/// The matches of [`Matcher::find_explained`], with the candidates that lost.
#[derive(Clone, Debug, Default)]
pub struct Explained {
    pub selected: Vec<Hit>,
    /// (candidate, the exclusion match it fell inside)
    pub excluded: Vec<(Hit, Hit)>,
    /// (candidate, the kept match that overlapped it: leftmost, then longest, wins)
    pub overlapped: Vec<(Hit, Hit)>,
}

/// Compares two phrases word by word, ignoring differences in white space.
fn same_words(a: &str, b: &str) -> bool {
    let a = a.chars().filter(|c| !is_invisible(*c));
    let mut a_words = String::new();
    for c in a {
        a_words.push(c);
    }
    a_words.split_whitespace().eq(b.split_whitespace())
}

/// Keeps the leftmost, then longest, of overlapping candidates. Ties on span go to the lowest
/// owner index, so the result does not depend on the order the automaton reports matches.
pub fn select_longest(mut cands: Vec<Hit>) -> Vec<Hit> {
    cands.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.owner.cmp(&b.owner))
    });
    let mut out: Vec<Hit> = Vec::with_capacity(cands.len());
    let mut covered_to = 0usize;
    for c in cands {
        if c.span.start < covered_to {
            continue;
        }
        covered_to = c.span.end;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(owner: usize, form: &str) -> Pattern {
        Pattern {
            owner,
            form: form.into(),
            exact_case: false,
            exclusion: false,
        }
    }

    fn run(patterns: Vec<Pattern>, text: &str) -> Vec<(String, usize)> {
        let m = Matcher::new(patterns, &[]).unwrap();
        let n = Normalized::new(text);
        m.find(text, &n)
            .into_iter()
            .map(|h| (h.span.slice(text).to_owned(), h.owner))
            .collect()
    }

    #[test]
    fn table() {
        // (patterns as owner:form, text, expected matches as text@owner)
        let cases: &[(&[&str], &str, &[&str])] = &[
            (&["0:rebels"], "The rebels advanced", &["rebels@0"]),
            (&["0:rebel"], "rebellion broke out", &[]),
            (
                &["0:rebel*"],
                "the rebellion, rebels",
                &["rebellion@0", "rebels@0"],
            ),
            (
                &["0:terror", "1:terror organization"],
                "the HTS terror organization",
                &["terror organization@1"],
            ),
            (&["0:hts"], "HTS's fighters", &["HTS@0"]),
            (&["0:hts"], "HTS’s fighters", &["HTS@0"]),
            (&["0:u.s."], "the U.S.-designated group", &["U.S.@0"]),
            (
                &["0:terrorist organization"],
                "a  terrorist\norganization",
                &["terrorist\norganization@0"],
            ),
            (
                &["0:occupation forces"],
                "OCCUPATION FORCES left",
                &["OCCUPATION FORCES@0"],
            ),
            (&["0:so-called"], "the so‑called state", &["so‑called@0"]),
            (
                &["0:workers' party"],
                "Kurdistan Workers’ Party",
                &["Workers’ Party@0"],
            ),
            (
                &["0:rebel offensive", "1:rebel"],
                "rebel offensives",
                &["rebel@1"],
            ),
            (&["0:assad"], "Bashar al-Assad's forces", &["Assad@0"]),
            (
                &["0:hayat tahrir al-sham"],
                "هيئة تحرير الشام Hayat Tahrir al-Sham",
                &["Hayat Tahrir al-Sham@0"],
            ),
            (
                &["0:ter\u{200B}ror"],
                "ter\u{200B}ror",
                &["ter\u{200B}ror@0"],
            ),
        ];
        for (pats, text, want) in cases {
            let ps = pats
                .iter()
                .map(|p| {
                    let (o, f) = p.split_once(':').unwrap();
                    pat(o.parse().unwrap(), f)
                })
                .collect();
            let got: Vec<String> = run(ps, text)
                .into_iter()
                .map(|(t, o)| format!("{t}@{o}"))
                .collect();
            assert_eq!(
                got,
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "text {text:?}"
            );
        }
    }

    #[test]
    fn exact_case_for_acronyms() {
        let p = Pattern {
            owner: 0,
            form: "US".into(),
            exact_case: true,
            exclusion: false,
        };
        assert_eq!(
            run(vec![p.clone()], "let us see the US reply"),
            vec![("US".to_string(), 0)]
        );
    }

    #[test]
    fn exclusions_drop_matches_inside_them() {
        let mut x = pat(0, "war on terror");
        x.exclusion = true;
        assert_eq!(
            run(vec![pat(0, "terror"), x], "the war on terror and terror"),
            vec![("terror".to_string(), 0)]
        );
    }

    #[test]
    fn regex_entries_give_original_spans() {
        let m = Matcher::new(vec![], &[(r"\b\w+-backed\b".into(), 3)]).unwrap();
        let t = "the Turkish\u{2010}backed militia";
        let n = Normalized::new(t);
        let got: Vec<_> = m
            .find(t, &n)
            .into_iter()
            .map(|h| h.span.slice(t).to_owned())
            .collect();
        assert_eq!(got, vec!["Turkish\u{2010}backed"]);
    }
}
