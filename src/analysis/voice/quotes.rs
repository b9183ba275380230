//! Quotation marks: the quotations of a paragraph (double marks, guillemets, paired single
//! marks, quotes left open across paragraphs) and the parenthetical insertions inside reported
//! words. What it does not do: decide whose words a quotation holds (see `frames` and
//! `speakers`).

use std::ops::Range;

use super::model::{Ctx, RawQuote};
use crate::text::WordSet;
use crate::text::{Segmented, Span, is_closing_double, is_double, is_opening_double};

/// Finds quotations paragraph by paragraph.
pub(super) fn find_quotes(text: &str, seg: &Segmented) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut prev_open = false;
    let paras = &seg.paragraphs;
    for (pi, p) in paras.iter().enumerate() {
        let pt = p.span.slice(text);
        let base = p.span.start;
        let starts_open = opens_with_double(pt);
        let continues = prev_open && starts_open;
        let mut open: Option<usize> = None; // byte offset (relative) of the opening mark
        let mut first_mark = true;
        let mut first_quote = true;
        let push = |out: &mut Vec<RawQuote>,
                    o: usize,
                    c_end: usize,
                    inner_end: usize,
                    closed: bool,
                    first_quote: &mut bool| {
            let mark_len = mark_len_at(pt, o);
            out.push(RawQuote {
                span: Span::new(base + o, base + c_end),
                inner: Span::new(base + o + mark_len, base + inner_end.max(o + mark_len)),
                closed,
                continues: continues && *first_quote,
            });
            *first_quote = false;
        };
        for (i, c, len) in double_marks(pt) {
            let prev = char_before(pt, i);
            let next = pt[i + len..].chars().next();
            let opens_here = is_opening_double(c)
                || (c == '"'
                    && prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace()));
            // „...“: the low opening mark of German and the languages around it is closed by
            // the mark that opens an English quotation.
            let low_opened = open.is_some_and(|o| pt[o..].starts_with('\u{201E}'));
            let closes_here = is_closing_double(c)
                || (c == '"' && !opens_here)
                || (c == '\u{201C}' && low_opened);
            match open {
                Some(o) if closes_here || c == '"' => {
                    push(&mut out, o, i + len, i, true, &mut first_quote);
                    open = None;
                }
                Some(o) => {
                    // A second opening mark: the first quote was never closed.
                    push(&mut out, o, i, i, false, &mut first_quote);
                    open = Some(i);
                }
                None if opens_here => open = Some(i),
                None => {
                    if first_mark && prev_open && !starts_open {
                        // A closing mark for a quote opened in an earlier paragraph.
                        out.push(RawQuote {
                            span: Span::new(base, base + i + len),
                            inner: Span::new(base, base + i),
                            closed: true,
                            continues: true,
                        });
                        first_quote = false;
                    }
                }
            }
            first_mark = false;
        }
        prev_open = false;
        if let Some(o) = open {
            let next_reopens = paras
                .get(pi + 1)
                .is_some_and(|np| opens_with_double(np.span.slice(text)));
            let end = if next_reopens {
                prev_open = true;
                pt.len()
            } else {
                // Unbalanced: the quote ends with its sentence.
                seg.sentence_at(base + o)
                    .map_or(pt.len(), |s| seg.sentences[s].span.end - base)
            };
            push(&mut out, o, end, end, false, &mut first_quote);
        }
        // Single marks, outside double quotes.
        single_quotes(text, p.span, true, 120, &mut out);
        for s in seg.paragraph_sentences(p.index) {
            single_quotes(text, s.span, false, 12, &mut out);
        }
    }
    out.sort_by_key(|q| q.span.start);
    // Drop single-mark quotes nested in double quotes.
    let mut kept: Vec<RawQuote> = Vec::with_capacity(out.len());
    for q in out {
        if kept.last().is_some_and(|k| k.span.contains(q.span)) {
            continue;
        }
        kept.push(q);
    }
    kept
}

/// Single quotation marks that pair inside `s`: curly marks (‘ … ’) across a whole paragraph, up
/// to `max_words` words (British copy quotes with them); straight marks only inside one sentence
/// and a dozen words, since `'` is also the apostrophe.
pub(super) fn single_quotes(
    text: &str,
    s: Span,
    curly: bool,
    max_words: usize,
    out: &mut Vec<RawQuote>,
) {
    let (open_mark, close_mark) = if curly {
        ('\u{2018}', '\u{2019}')
    } else {
        ('\'', '\'')
    };
    let st = s.slice(text);
    // Only the marks are visited: the text between them is read when an opener is found.
    let mut from = 0;
    while let Some(found) = st[from..].find(open_mark) {
        let i = from + found;
        let after_open = i + open_mark.len_utf8();
        from = after_open;
        let prev = char_before(st, i);
        let next = st[after_open..].chars().next();
        let opener = prev.is_none_or(|p| p.is_whitespace() || "([{—–".contains(p))
            && next.is_some_and(char::is_alphanumeric);
        if !opener {
            continue;
        }
        let mut words = 1;
        let mut before = open_mark;
        let mut rest = st[after_open..].char_indices().peekable();
        while let Some((rel, d)) = rest.next() {
            // The byte cap keeps text without spaces ("(‘a(‘a(‘a…") from being rescanned from
            // every opener: the scan is bounded per opener, so the whole pass stays linear.
            if is_double(d) || words > max_words || rel > max_words * MAX_WORD_BYTES {
                break;
            }
            if d.is_whitespace() && !before.is_whitespace() {
                words += 1;
            }
            if d == close_mark {
                let j = after_open + rel;
                let after = rest.peek().map(|x| x.1);
                let is_closer = !before.is_whitespace()
                    && after.is_none_or(|a| !a.is_alphanumeric())
                    && !(before == 's'
                        && after == Some(' ')
                        && st[j + d.len_utf8() + 1..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase));
                if is_closer {
                    let end = j + d.len_utf8();
                    out.push(RawQuote {
                        span: Span::new(s.start + i, s.start + end),
                        inner: Span::new(s.start + after_open, s.start + j),
                        closed: true,
                        continues: false,
                    });
                    from = end;
                    break;
                }
            }
            before = d;
        }
    }
}

/// The double quotation marks of `s`: byte offset, the mark, and its length in bytes. Two
/// apostrophes (`''`), the ASCII stand-in for a double quote in older news archives, count as a
/// straight mark (`"`).
pub(super) fn double_marks(s: &str) -> Vec<(usize, char, usize)> {
    let mut out: Vec<(usize, char, usize)> = memchr::memchr3_iter(b'"', 0xC2, 0xE2, s.as_bytes())
        .filter_map(|at| {
            s[at..]
                .chars()
                .next()
                .filter(|&c| is_double(c))
                .map(|c| (at, c, c.len_utf8()))
        })
        .collect();
    let mut pairs = memchr::memmem::find_iter(s.as_bytes(), "''").peekable();
    if pairs.peek().is_some() {
        let mut last_end = 0;
        for at in pairs {
            // Three apostrophes are read from the left: a pair, then a lone mark.
            if at >= last_end {
                out.push((at, '"', 2));
                last_end = at + 2;
            }
        }
        out.sort_unstable_by_key(|m| m.0);
    }
    out
}

/// The length of the double mark at byte `at` of `s`.
pub(super) fn mark_len_at(s: &str, at: usize) -> usize {
    if s[at..].starts_with("''") {
        2
    } else {
        s[at..].chars().next().map_or(1, char::len_utf8)
    }
}

/// Whether `s` opens with a double quotation mark.
pub(super) fn opens_with_double(s: &str) -> bool {
    s.starts_with("''")
        || s.chars()
            .next()
            .is_some_and(|c| c == '"' || is_opening_double(c))
}

/// The bytes a single-mark quotation may hold per word it is allowed (see [`single_quotes`]).
pub(super) const MAX_WORD_BYTES: usize = 32;

/// The character that ends just before byte `i` of `s`.
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Token ranges strictly inside a pair of dashes or brackets, appended to `out`.
pub(super) fn parentheticals(cx: &Ctx, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut dash: Option<usize> = None;
    let mut paren: Option<usize> = None;
    for t in r {
        match cx.first_char(t) {
            '—' | '–' if cx.is_punct(t) => match dash {
                Some(d) => {
                    out.push(d + 1..t);
                    dash = None;
                }
                None => dash = Some(t),
            },
            '(' | '[' if cx.is_punct(t) => paren = Some(t),
            ')' | ']' if cx.is_punct(t) => {
                if let Some(p) = paren.take() {
                    out.push(p + 1..t);
                }
            }
            _ => {}
        }
    }
}

pub(super) fn is_closing_mark(cx: &Ctx, t: usize) -> bool {
    let c = cx.first_char(t);
    cx.is_punct(t)
        && (c == '"'
            || is_closing_double(c)
            || c == '\u{2019}'
            || c == '\''
            || (c == '\u{201C}' && closes_low_quote(cx, t)))
}

/// Whether the “ at token `t` closes a quotation opened with „ (German, Czech, Polish ...
/// copy): a „ comes before it, with no “ between.
pub(super) fn closes_low_quote(cx: &Ctx, t: usize) -> bool {
    (0..t)
        .rev()
        .take(MAX_QUOTE_LOOKBACK)
        .filter(|&k| cx.is_punct(k))
        .map(|k| cx.first_char(k))
        .find(|&c| c == '\u{201E}' || c == '\u{201C}')
        == Some('\u{201E}')
}

/// How many tokens back [`closes_low_quote`] looks for the opening mark.
pub(super) const MAX_QUOTE_LOOKBACK: usize = 200;

/// Words a title leaves in lower case.
pub(super) static TITLE_LOWER: WordSet = WordSet::new(&[
    "a", "an", "the", "of", "and", "or", "nor", "but", "for", "in", "on", "at", "to", "with", "by",
    "from", "is", "are", "as", "vs", "vs.", "&",
]);

/// "Fox News Sunday", "Orange is the New Black": words in title case, the name of a work, a show
/// or a slogan rather than someone's words. Every word but `TITLE_LOWER` opens with a capital
/// letter or a digit, and no sentence ends inside.
pub fn is_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let ends_sentence = quoted
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .contains(['.', '!', '?']);
    !words.is_empty()
        && !ends_sentence
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_LOWER.contains(w.to_lowercase().as_str())
        })
}
