//! Finding lexicon forms in text: whole words, multi-word phrases, trailing-`*` globs, regex
//! entries and exclusions, with the longest match winning (then the leftmost) and no two matches overlapping.
//! Patterns come in groups (label forms, actor names) found in one automaton walk and selected
//! group by group.
//!
//! Matching runs over a *normalized* copy of the text (lower case, one space for any run of white
//! space, curly apostrophes and quotes made straight, hyphen look-alikes made `-`, zero-width and
//! bidi control characters dropped). Every normalized byte remembers the original byte it came from,
//! so every reported span points into the original text. So that a term cannot hide from the
//! lexicon behind characters that look the same, the copy is also folded:
//! - every Default_Ignorable_Code_Point (U+034F, variation selectors, tags, U+180E, U+3164 ...)
//!   is dropped;
//! - every letter with the combining marks after it is put in NFKD and the marks are dropped:
//!   accents do not count, however they are written ("Türkiye", "Tu\u{308}rkiye" and
//!   "Turkiye" are one form, and so are "terrorists" and "terro\u{301}rists"), and
//!   compatibility forms are read as their letters (full-width, mathematical, circled:
//!   "ｔｅｒｒｏｒ" is "terror");
//! - in a word that mixes Latin, Greek, Cyrillic or Armenian letters, a letter of one script that
//!   looks like a Latin letter (its UTS #39 confusable skeleton is that letter) is read as it
//!   ("tеrrorists" with a Cyrillic е); a word wholly in one of those scripts is left alone;
//! - the Turkish dotted capital İ and dotless ı are read as i, in any language ("TERRORİSTS",
//!   "ıslam").
//!
//! [`Normalized::folding`] counts what was folded and where a look-alike was read.
//!
//! Regex entries run over the same folding with case kept, one paragraph (line) at a time: a regex
//! match does not cross a paragraph break (look-arounds such as `\b` still see the text around
//! the paragraph). A regex is tried only in the paragraphs that hold one of its required literals
//! (see [`required_literals`]), found for all regexes at once by one automaton.
//!
//! What it does not do: stemming or inflection (list each word form, or use a glob), matching
//! across a hyphen inside a form written with a space, case folding beyond what
//! `char::to_lowercase` does (and the Turkish i), or reading a word written wholly in
//! look-alikes of another script.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::{Input, meta};
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::text::Span;

/// The text as the matcher sees it, with a map back to the original bytes.
pub struct Normalized {
    /// The folded copy: lower case, except in one made by `Normalized::keep_case` (which
    /// `cased()` returns).
    pub text: String,
    /// Where each stretch of normalized bytes came from, in text order (see [`Run`]).
    runs: Vec<Run>,
    /// Offsets of the spaces that stand for a line break (`\n` or `\r`): paragraph ends.
    breaks: Vec<u32>,
    /// The same folding with case kept, when built by [`Normalized::with_case_kept`].
    cased: Option<Box<Normalized>>,
    /// What the folding changed beyond case, white space and punctuation.
    pub folding: Folding,
}

/// What folding changed in a text, beyond case, white space and punctuation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folding {
    /// Default-ignorable characters dropped (zero-width, variation selectors, tags ...).
    pub ignored: u32,
    /// Letters read through a compatibility decomposition (full-width, mathematical, circled
    /// letters, ligatures): NFKD differs from NFD. Accents, however written, are not counted.
    pub compatibility: u32,
    /// Original byte offsets of the letters read as the Latin letter they look like, in text
    /// order.
    pub lookalikes: Vec<usize>,
}

impl Folding {
    /// Whether a look-alike letter was read inside the original bytes `[start, end)`.
    pub fn lookalike_in(&self, start: usize, end: usize) -> bool {
        let i = self.lookalikes.partition_point(|&o| o < start);
        self.lookalikes.get(i).is_some_and(|&o| o < end)
    }
}

/// A stretch of normalized text starting at byte `norm`, from original byte `orig`. When
/// `orig_len` is 0 the stretch is a copy of the original byte for byte (every character kept
/// with the same UTF-8 length, nothing dropped), so offsets map one to one. Otherwise it is one
/// original character of `orig_len` bytes that became the normalized bytes up to the next run.
#[derive(Clone, Copy, Debug)]
struct Run {
    norm: u32,
    orig: u32,
    orig_len: u32,
}

/// Characters dropped before matching: zero-width, soft hyphen, bidi controls, BOM, and every
/// other Default_Ignorable_Code_Point of Unicode.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (!c.is_ascii() && is_default_ignorable(c))
}

fn is_default_ignorable(c: char) -> bool {
    use icu_properties::{CodePointSetData, props::DefaultIgnorableCodePoint};
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
}

/// The most combining marks read with the letter before them as one unit of folding.
const MAX_MARKS: usize = 32;

/// Whether `c` is a combining mark (a nonzero canonical combining class).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
}

/// The scripts whose letters are folded as look-alikes of Latin ones.
fn lookalike_script(c: char) -> Option<unicode_script::Script> {
    use unicode_script::{Script, UnicodeScript};
    let s = c.script();
    matches!(
        s,
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Armenian
    )
    .then_some(s)
}

/// What folding needs to know of a character: whether it belongs in a word (alphanumeric, a
/// mark, invisible), its script among the [`lookalike_script`]s (1 Latin, 2 Greek, 3 Cyrillic,
/// 4 Armenian, 0 other) and the Latin letter it looks like, if it is a letter of one of those
/// scripts and its UTS #39 skeleton is one ASCII letter.
#[derive(Clone, Copy, Default)]
struct CharClass {
    in_word: bool,
    script: u8,
    lookalike: Option<char>,
}

impl CharClass {
    fn of(c: char) -> CharClass {
        use unicode_script::Script;
        let script = lookalike_script(c);
        let lookalike = match script {
            Some(_) if c.is_alphabetic() && !c.is_ascii() => skeleton_letter(c),
            _ => None,
        };
        CharClass {
            in_word: c.is_alphanumeric() || is_mark(c) || is_invisible(c),
            script: match script {
                Some(Script::Latin) => 1,
                Some(Script::Greek) => 2,
                Some(Script::Cyrillic) => 3,
                Some(Script::Armenian) => 4,
                _ => 0,
            },
            lookalike,
        }
    }

    /// The class of `c`: looked up for the characters below U+2000 (worked out once, on first
    /// use, from the same properties), worked out for the others.
    fn get(c: char) -> CharClass {
        const TABLED: u32 = 0x2000;
        static TABLE: std::sync::OnceLock<Box<[CharClass]>> = std::sync::OnceLock::new();
        if u32::from(c) >= TABLED {
            return CharClass::of(c);
        }
        TABLE.get_or_init(|| {
            (0..TABLED)
                .map(|u| char::from_u32(u).map_or_else(CharClass::default, CharClass::of))
                .collect()
        })[u32::from(c) as usize]
    }
}

/// The Latin letter `c`'s UTS #39 skeleton is, when it is one ASCII letter other than `c`.
fn skeleton_letter(c: char) -> Option<char> {
    let mut buf = [0u8; 4];
    let mut sk = unicode_security::skeleton(c.encode_utf8(&mut buf));
    match (sk.next(), sk.next()) {
        (Some(l), None) if l.is_ascii_alphabetic() && l != c => Some(l),
        _ => None,
    }
}

/// The word around original bytes `[start, end)` (at most 32 characters each way), and whether
/// it has letters of two of the [`lookalike_script`]s.
fn mixed_word(original: &str, start: usize, end: usize) -> (usize, usize, bool) {
    let in_word = |c: &char| CharClass::get(*c).in_word;
    let before: usize = original[..start]
        .chars()
        .rev()
        .take(32)
        .take_while(in_word)
        .map(char::len_utf8)
        .sum();
    let after: usize = original[end..]
        .chars()
        .take(32)
        .take_while(in_word)
        .map(char::len_utf8)
        .sum();
    let (lo, hi) = (start - before, end + after);
    let mut first = 0;
    for c in original[lo..hi].chars() {
        match (first, CharClass::get(c).script) {
            (_, 0) => {}
            (0, s) => first = s,
            (f, s) if f != s => return (lo, hi, true),
            _ => {}
        }
    }
    (lo, hi, false)
}

/// Whether the word around `[start, end)` mixes scripts, worked out once per word: `word` keeps
/// the last word's extent and answer.
fn in_mixed_word(
    original: &str,
    start: usize,
    end: usize,
    word: &mut Option<(usize, usize, bool)>,
) -> bool {
    match *word {
        Some((lo, hi, mixed)) if lo <= start && end <= hi => mixed,
        _ => {
            let w = mixed_word(original, start, end);
            *word = Some(w);
            w.2
        }
    }
}

/// One letter (or other character) of a unit after [`fold`]: the Turkish dotless i read as i,
/// and a look-alike of a Latin letter read as it inside a word that mixes scripts (counted in
/// `folding`).
fn fold_letter(
    original: &str,
    start: usize,
    end: usize,
    f: char,
    folding: &mut Folding,
    word: &mut Option<(usize, usize, bool)>,
) -> char {
    if f == '\u{0131}' {
        return 'i';
    }
    if !f.is_ascii()
        && let Some(l) = CharClass::get(f).lookalike
        && in_mixed_word(original, start, end, word)
    {
        folding.lookalikes.push(start);
        return l;
    }
    f
}

/// Whether `c` is its own NFKD (no decomposition, canonical or compatibility).
fn undecomposed(c: char) -> bool {
    matches!(
        unicode_normalization::is_nfkd_quick(std::iter::once(c)),
        unicode_normalization::IsNormalized::Yes
    )
}

/// Folds one unit of text (a character with the combining marks after it, at original bytes
/// `[start, end)`) for matching, counting into `folding`: a letter is put in NFKD (so a
/// compatibility form reads as its letters), the combining marks are dropped, then [`fold`], the
/// Turkish i and look-alike letters apply. A symbol or a number keeps its form (so "™" or "½"
/// never turn into letters and digits glued to a word). `word` caches whether the current word
/// mixes scripts ([`in_mixed_word`]).
fn fold_unit(
    original: &str,
    start: usize,
    end: usize,
    folding: &mut Folding,
    word: &mut Option<(usize, usize, bool)>,
) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkd_quick};
    let unit = &original[start..end];
    let letter = unit.chars().next().is_some_and(char::is_alphabetic);
    let nfkd: std::borrow::Cow<str> = match is_nfkd_quick(unit.chars()) {
        IsNormalized::Yes => unit.into(),
        _ if !letter => unit.into(),
        _ => {
            let n: String = unit.chars().nfkd().collect();
            // Canonical decomposition only takes accents apart; more is a compatibility form.
            if !n.chars().eq(unit.chars().nfd()) {
                folding.compatibility += 1;
            }
            n.into()
        }
    };
    let mut out = String::with_capacity(nfkd.len());
    for c in nfkd.chars() {
        if is_mark(c) {
            continue;
        }
        let Some(f) = fold(c) else {
            folding.ignored += 1;
            continue;
        };
        out.push(fold_letter(original, start, end, f, folding, word));
    }
    out
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

/// ASCII bytes that `fold` changes or drops: white space (as `char::is_whitespace` has it) and
/// the backtick.
#[inline]
const fn ascii_special(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'`')
}

/// How a byte ends a stretch of text that folding keeps as it is: [`KEEP`], [`SPACE`] (a space,
/// kept unless it follows another), or [`STOP`] (non-ASCII, or ASCII that folding changes).
static STRETCH: [u8; 256] = {
    let mut t = [KEEP; 256];
    let mut b = 0;
    while b < 256 {
        if b >= 0x80 || ascii_special(b as u8) {
            t[b] = STOP;
        }
        b += 1;
    }
    t[b' ' as usize] = SPACE;
    t
};
const KEEP: u8 = 0;
const SPACE: u8 = 1;
const STOP: u8 = 2;

/// One normalized copy being built.
struct Builder {
    text: String,
    runs: Vec<Run>,
    breaks: Vec<u32>,
    lower: bool,
    /// The original offset right after the last byte-for-byte copy (`usize::MAX` when the last
    /// thing pushed was not one), where a copy may continue the current run.
    next_orig: usize,
}

impl Builder {
    fn new(capacity: usize, lower: bool) -> Builder {
        Builder {
            text: String::with_capacity(capacity),
            runs: Vec::new(),
            breaks: Vec::new(),
            lower,
            next_orig: usize::MAX,
        }
    }

    /// Notes that the bytes pushed from now on are copies of the original from byte `o`.
    #[inline]
    fn copy_from(&mut self, o: usize) {
        if o != self.next_orig {
            self.runs.push(Run {
                norm: self.text.len() as u32,
                orig: o as u32,
                orig_len: 0,
            });
        }
    }

    /// Pushes ASCII text that needs no folding, from original byte `o`.
    #[inline]
    fn push_plain(&mut self, o: usize, s: &str) {
        self.copy_from(o);
        let from = self.text.len();
        self.text.push_str(s);
        if self.lower {
            self.text[from..].make_ascii_lowercase();
        }
        self.next_orig = o + s.len();
    }

    /// Pushes the folded character `f` for the original character at `o` of `len` bytes.
    #[inline]
    fn push_char(&mut self, o: usize, len: usize, f: char) {
        let from = self.text.len();
        if self.lower {
            self.text.extend(f.to_lowercase());
        } else {
            self.text.push(f);
        }
        if self.text.len() - from == len {
            if o != self.next_orig {
                self.runs.push(Run {
                    norm: from as u32,
                    orig: o as u32,
                    orig_len: 0,
                });
            }
            self.next_orig = o + len;
        } else {
            self.runs.push(Run {
                norm: from as u32,
                orig: o as u32,
                orig_len: len as u32,
            });
            self.next_orig = usize::MAX;
        }
    }

    /// Pushes the folded text `f` of the original unit at `o` of `len` bytes (a letter and its
    /// combining marks): one run, unless it is one character for one of the same length.
    fn push_unit(&mut self, o: usize, len: usize, f: &str) {
        let mut chars = f.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.len_utf8() == len
        {
            self.push_char(o, len, c);
            return;
        }
        let from = self.text.len();
        if self.lower {
            self.text.extend(f.chars().flat_map(char::to_lowercase));
        } else {
            self.text.push_str(f);
        }
        if self.text.len() == from {
            return;
        }
        self.runs.push(Run {
            norm: from as u32,
            orig: o as u32,
            orig_len: len as u32,
        });
        self.next_orig = usize::MAX;
    }

    /// Marks the space just pushed as standing for a line break.
    fn mark_break(&mut self) {
        let at = (self.text.len() - 1) as u32;
        if self.breaks.last() != Some(&at) {
            self.breaks.push(at);
        }
    }

    fn finish(self) -> Normalized {
        Normalized {
            text: self.text,
            runs: self.runs,
            breaks: self.breaks,
            cased: None,
            folding: Folding::default(),
        }
    }
}

impl Normalized {
    /// The lower-case folded copy of `original`, with no copy with case kept.
    pub fn new(original: &str) -> Normalized {
        Normalized::build(original, false)
    }

    /// The same folding with case kept, for regex entries (which may test case).
    pub fn keep_case(original: &str) -> Normalized {
        let mut b = [Builder::new(original.len(), false)];
        let folding = Normalized::fill(original, &mut b);
        let [b] = b;
        Normalized {
            folding,
            ..b.finish()
        }
    }

    /// The lower-case copy and, in the same pass, the copy with case kept that regex entries
    /// run over (see [`Normalized::cased`]).
    pub fn with_case_kept(original: &str) -> Normalized {
        Normalized::build(original, true)
    }

    /// The copy with case kept, when this one was built by [`Normalized::with_case_kept`].
    pub fn cased(&self) -> Option<&Normalized> {
        self.cased.as_deref()
    }

    fn build(original: &str, cased: bool) -> Normalized {
        let lower = Builder::new(original.len(), true);
        if !cased {
            let mut b = [lower];
            let folding = Normalized::fill(original, &mut b);
            let [b] = b;
            return Normalized {
                folding,
                ..b.finish()
            };
        }
        let mut b = [lower, Builder::new(original.len(), false)];
        let folding = Normalized::fill(original, &mut b);
        let [lower, cased] = b;
        let mut n = lower.finish();
        n.cased = Some(Box::new(cased.finish()));
        n.folding = folding;
        n
    }

    /// Folds `original` into every builder of `out` in one pass; returns what folding changed
    /// beyond case, white space and punctuation.
    fn fill<const N: usize>(original: &str, out: &mut [Builder; N]) -> Folding {
        let bytes = original.as_bytes();
        let mut folding = Folding::default();
        let mut word = None;
        let mut last_space = true;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 && !ascii_special(b) {
                // A stretch of ASCII that folding keeps as it is. A single space after a
                // non-space folds to itself, so it stays in the stretch; a second one is dropped
                // and ends it. A letter before a combining mark is left to the unit it makes.
                let mut run = 1;
                let mut prev = b;
                for &c in &bytes[i + 1..] {
                    match STRETCH[usize::from(c)] {
                        KEEP => {}
                        SPACE if prev != b' ' => {}
                        _ => break,
                    }
                    prev = c;
                    run += 1;
                }
                if bytes.get(i + run).is_some_and(|&n| n >= 0x80)
                    && original[i + run..].chars().next().is_some_and(is_mark)
                {
                    run -= 1;
                }
                if run > 0 {
                    let s = &original[i..i + run];
                    for bld in out.iter_mut() {
                        bld.push_plain(i, s);
                    }
                    last_space = bytes[i + run - 1] == b' ';
                    i += run;
                    continue;
                }
            }
            let (c, n) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = original[i..].chars().next().unwrap_or('\u{FFFD}');
                (c, c.len_utf8())
            };
            let o = i;
            i += n;
            let Some(f) = fold(c) else {
                folding.ignored += 1;
                continue;
            };
            if f == ' ' {
                if last_space {
                    // A line break inside a run of white space makes the run's space a break;
                    // white space before any text is dropped.
                    if matches!(c, '\n' | '\r') {
                        for bld in out.iter_mut().filter(|b| !b.text.is_empty()) {
                            bld.mark_break();
                        }
                    }
                    continue;
                }
                last_space = true;
                for bld in out.iter_mut() {
                    bld.push_char(o, n, ' ');
                    if matches!(c, '\n' | '\r') {
                        bld.mark_break();
                    }
                }
                continue;
            }
            // One character that folds to one (no marks after it, nothing to decompose): the
            // common case of any script, without building a unit.
            if !original[i..].chars().next().is_some_and(is_mark)
                && (f.is_ascii() || (undecomposed(f) && !is_mark(f)))
            {
                let f = if f.is_ascii() {
                    f
                } else {
                    fold_letter(original, o, i, f, &mut folding, &mut word)
                };
                last_space = false;
                for bld in out.iter_mut() {
                    bld.push_char(o, n, f);
                }
                continue;
            }
            // A unit: the character with the combining marks after it.
            for m in original[i..].chars().take(MAX_MARKS) {
                if !is_mark(m) {
                    break;
                }
                i += m.len_utf8();
            }
            let unit = fold_unit(original, o, i, &mut folding, &mut word);
            if unit.is_empty() {
                continue;
            }
            last_space = false;
            for bld in out.iter_mut() {
                bld.push_unit(o, i - o, &unit);
            }
        }
        folding
    }

    /// The original span of normalized bytes `[s, e)`.
    pub fn original(&self, s: usize, e: usize) -> Span {
        Span::new(self.start_of(s), self.end_of(e - 1))
    }

    /// The run holding normalized byte `n`.
    fn run_at(&self, n: usize) -> &Run {
        let i = self.runs.partition_point(|r| r.norm as usize <= n);
        &self.runs[i - 1]
    }

    /// The original offset where the character of normalized byte `n` starts.
    fn start_of(&self, n: usize) -> usize {
        let r = self.run_at(n);
        if r.orig_len != 0 {
            return r.orig as usize;
        }
        let mut n = n;
        while !self.text.is_char_boundary(n) {
            n -= 1;
        }
        r.orig as usize + (n - r.norm as usize)
    }

    /// The original offset where the character of normalized byte `n` ends.
    fn end_of(&self, n: usize) -> usize {
        let r = self.run_at(n);
        if r.orig_len != 0 {
            return (r.orig + r.orig_len) as usize;
        }
        let mut n = n + 1;
        while !self.text.is_char_boundary(n) {
            n += 1;
        }
        r.orig as usize + (n - r.norm as usize)
    }

    /// The paragraphs of the normalized text (the stretches between line breaks), as byte
    /// ranges; the space that stands for a break belongs to none.
    pub fn paragraph(&self, k: usize) -> std::ops::Range<usize> {
        let start = if k == 0 {
            0
        } else {
            self.breaks[k - 1] as usize + 1
        };
        let end = self.breaks.get(k).map_or(self.text.len(), |&b| b as usize);
        start..end
    }

    /// The number of paragraphs (see [`Normalized::paragraph`]).
    pub fn paragraphs(&self) -> usize {
        self.breaks.len() + 1
    }

    /// The paragraph holding normalized byte `n`.
    pub fn paragraph_at(&self, n: usize) -> usize {
        self.breaks.partition_point(|&b| (b as usize) < n)
    }

    /// Normalizes a lexicon form the same way the text is normalized.
    pub fn form(form: &str) -> String {
        Normalized::new(form).text.trim().to_owned()
    }
}

/// A character that continues a word: where a form's `*` stops, and what a whole-word match may
/// not touch.
pub fn is_word_char(c: char) -> bool {
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
    /// Where the match is in the original text.
    pub span: Span,
    /// The `owner` of the pattern or regex entry that produced it.
    pub owner: usize,
    /// Index of the pattern (or `usize::MAX - i` for the i-th regex) that produced it.
    pub pattern: usize,
}

struct Compiled {
    /// The group the pattern belongs to (see [`Matcher::grouped`]).
    group: u8,
    glob: bool,
    needle_len: usize,
    first_is_word: bool,
    last_is_word: bool,
}

/// A compiled set of patterns, in one or more groups that are searched in one walk over the text
/// but selected separately: a match in one group never hides a match in another.
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// The patterns of every group, group after group.
    patterns: Vec<Pattern>,
    groups: usize,
    compiled: Vec<Compiled>,
    regexes: Vec<RegexEntry>,
    /// The required literals of the regex entries (see [`required_literals`]) in one automaton,
    /// with the index of the regex each belongs to.
    literals: Option<(AhoCorasick, Vec<usize>)>,
    /// The layer of each owner of the first group (see [`Matcher::with_layers`]).
    layers: Vec<usize>,
}

/// A regex entry compiled for matching.
struct RegexEntry {
    re: meta::Regex,
    owner: usize,
    /// False when no required literal could be worked out: the regex is tried in every
    /// paragraph.
    has_literals: bool,
}

/// Total bytes of normalized forms up to which the forms are compiled to a DFA (see
/// [`Matcher::new`]); the DFA takes about 256 bytes per byte of forms at most.
const DFA_MAX_NEEDLE_BYTES: usize = 400_000;

/// What the automaton of the forms is built for. Both kinds find the same matches (they are
/// the same Aho-Corasick automaton, searched with the same match semantics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Build {
    /// The fastest scan: a DFA while the forms are few enough for its table to stay small. Its
    /// build takes about half the start-up of a run with the bundled lexicons; it pays off over
    /// many articles (a corpus, an evaluation).
    #[default]
    Throughput,
    /// The fastest start: a contiguous NFA, built in a fraction of the DFA's time and somewhat
    /// slower to scan; for a command that reads a few articles.
    StartUp,
}

/// Why a matcher could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    /// The forms, or the regex entries' required literals, could not be built into an automaton
    /// (the builder's message).
    #[error("cannot compile the lexicon forms: {0}")]
    Automaton(String),
    /// A regex entry does not compile, or compiles past the size limit.
    #[error("cannot compile regex `{pattern}`: {reason}")]
    Regex {
        /// The regex as written in the lexicon.
        pattern: String,
        /// Why it does not compile, in the regex crate's words, or the size limit it passes.
        reason: String,
    },
}

impl Matcher {
    /// Builds a matcher from literal/glob patterns and `(regex, owner)` pairs.
    pub fn new(
        patterns: Vec<Pattern>,
        regexes: &[(String, usize)],
    ) -> Result<Matcher, MatcherError> {
        Matcher::grouped(vec![patterns], regexes)
    }

    /// Builds a matcher with several groups of patterns (at most 256). One automaton walk finds
    /// the matches of every group, and each group keeps its own longest-first selection and
    /// exclusions (see [`Matcher::find_groups`]). The regexes belong to the first group. Hits
    /// report `pattern` as an index into all patterns, group after group, so the first group's
    /// indices are its own.
    pub fn grouped(
        groups: Vec<Vec<Pattern>>,
        regexes: &[(String, usize)],
    ) -> Result<Matcher, MatcherError> {
        Matcher::grouped_for(groups, regexes, Build::Throughput)
    }

    /// [`Matcher::grouped`], with the automaton built for `build`.
    pub fn grouped_for(
        groups: Vec<Vec<Pattern>>,
        regexes: &[(String, usize)],
        build: Build,
    ) -> Result<Matcher, MatcherError> {
        assert!(groups.len() <= 256, "at most 256 pattern groups");
        let n_groups = groups.len().max(1);
        let patterns: Vec<Pattern> = groups.iter().flatten().cloned().collect();
        let group_of = groups
            .iter()
            .enumerate()
            .flat_map(|(g, ps)| std::iter::repeat_n(g as u8, ps.len()));
        let mut needles = Vec::with_capacity(patterns.len());
        let mut compiled = Vec::with_capacity(patterns.len());
        for (p, group) in patterns.iter().zip(group_of) {
            let n = Normalized::form(&p.form);
            let glob = n.ends_with('*');
            let needle = n.trim_end_matches('*').to_owned();
            compiled.push(Compiled {
                group,
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
            // A DFA is the fastest to search but takes a table row per trie state: use it while
            // the forms are few enough for that to stay small, an NFA past that.
            let bytes: usize = needles.iter().map(String::len).sum();
            let kind = if build == Build::Throughput && bytes <= DFA_MAX_NEEDLE_BYTES {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            };
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(kind))
                    .build(&needles)
                    .map_err(|e| MatcherError::Automaton(e.to_string()))?,
            )
        };
        let mut res = Vec::with_capacity(regexes.len());
        let mut lits = Vec::new();
        let mut lit_regex = Vec::new();
        for (i, (r, owner)) in regexes.iter().enumerate() {
            let (re, req) = compile_regex(r)?;
            for l in req.iter().flatten() {
                lits.push(l.clone());
                lit_regex.push(i);
            }
            res.push(RegexEntry {
                re,
                owner: *owner,
                has_literals: req.is_some(),
            });
        }
        let literals = if lits.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&lits)
                .map_err(|e| MatcherError::Automaton(e.to_string()))?;
            Some((ac, lit_regex))
        };
        Ok(Matcher {
            ac,
            patterns,
            groups: n_groups,
            compiled,
            regexes: res,
            literals,
            layers: Vec::new(),
        })
    }

    /// Gives the owners of the first group layers (`layers[owner]`, 0 where missing): of two
    /// matches of the same text, the one of the higher layer is kept. A lexicon file loaded
    /// later is a higher layer, so that a user's entry wins over a bundled one on the same
    /// words.
    pub fn with_layers(mut self, layers: Vec<usize>) -> Matcher {
        self.layers = layers;
        self
    }

    /// Heap bytes taken by the automata (the forms' and the regex literals').
    pub fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, AhoCorasick::memory_usage)
            + self
                .literals
                .as_ref()
                .map_or(0, |(ac, _)| ac.memory_usage())
    }

    /// True when the matcher has regex entries (which run over a case-kept copy of the text).
    pub fn has_regexes(&self) -> bool {
        !self.regexes.is_empty()
    }

    /// The pattern of index `i`, as `Hit::pattern` gives it; `None` for a regex entry's index.
    pub fn pattern(&self, i: usize) -> Option<&Pattern> {
        self.patterns.get(i)
    }

    /// All matches of the first group, longest first across its patterns, none overlapping,
    /// in text order.
    pub fn find(&self, original: &str, norm: &Normalized) -> Vec<Hit> {
        self.find_groups(original, norm).swap_remove(0)
    }

    /// The matches of every group, as [`Matcher::find`] selects them, found in one walk.
    pub fn find_groups(&self, original: &str, norm: &Normalized) -> Vec<Vec<Hit>> {
        self.find_groups_capped(original, norm).0
    }

    /// [`Matcher::find_groups`], and the owners of the regex entries whose matches reached
    /// [`MAX_REGEX_MATCHES`] in this text (their later matches are not looked for).
    pub fn find_groups_capped(
        &self,
        original: &str,
        norm: &Normalized,
    ) -> (Vec<Vec<Hit>>, Vec<usize>) {
        let mut capped = Vec::new();
        let groups = self
            .search(original, norm, false, &mut capped)
            .into_iter()
            .map(|e| e.selected)
            .collect();
        (groups, capped)
    }

    /// Like [`Matcher::find`], keeping the candidates that lost and why: for `lexicon explain`.
    pub fn find_explained(&self, original: &str, norm: &Normalized) -> Explained {
        self.search(original, norm, true, &mut Vec::new())
            .swap_remove(0)
    }

    fn search(
        &self,
        original: &str,
        norm: &Normalized,
        explain: bool,
        capped: &mut Vec<usize>,
    ) -> Vec<Explained> {
        let mut cands: Vec<Vec<Hit>> = vec![Vec::new(); self.groups];
        let mut exclusions: Vec<Vec<Hit>> = vec![Vec::new(); self.groups];
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
                let g = usize::from(c.group);
                if p.exclusion {
                    exclusions[g].push(hit);
                } else {
                    cands[g].push(hit);
                }
            }
        }
        if !self.regexes.is_empty() {
            self.search_regexes(original, norm, &mut cands[0], capped);
        }
        cands
            .into_iter()
            .zip(exclusions)
            .enumerate()
            .map(|(g, (cands, exclusions))| {
                let layers: &[usize] = if g == 0 { &self.layers } else { &[] };
                select(cands, &exclusions, explain, layers)
            })
            .collect()
    }
}

/// The selection of one group's candidates: exclusions, then the longest of overlapping ones.
fn select(mut cands: Vec<Hit>, exclusions: &[Hit], explain: bool, layers: &[usize]) -> Explained {
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
            selected: select_longest(cands, layers),
            ..Explained::default()
        };
    }
    let selected = select_longest(cands.clone(), layers);
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

impl Matcher {
    /// Regex entries run over the folded text too (case kept), so that "Iran‐backed" with a
    /// Unicode hyphen or a zero-width character matches like "Iran-backed"; each runs paragraph
    /// by paragraph, only in the paragraphs that hold one of its required literals.
    /// A regex entry stops at [`MAX_REGEX_MATCHES`] matches in one text, and its owner goes to
    /// `capped`.
    fn search_regexes(
        &self,
        original: &str,
        norm: &Normalized,
        cands: &mut Vec<Hit>,
        capped: &mut Vec<usize>,
    ) {
        let built;
        let cased = match norm.cased() {
            Some(c) => c,
            None => {
                built = Normalized::keep_case(original);
                &built
            }
        };
        // For each regex, the paragraphs where it may match (sorted, without repeats).
        let mut paragraphs: Vec<Vec<usize>> = vec![Vec::new(); self.regexes.len()];
        if let Some((ac, lit_regex)) = &self.literals {
            for m in ac.find_overlapping_iter(&norm.text) {
                let k = norm.paragraph_at(m.start());
                let ps = &mut paragraphs[lit_regex[m.pattern().as_usize()]];
                if ps.last() != Some(&k) {
                    ps.push(k);
                }
            }
        }
        for (i, r) in self.regexes.iter().enumerate() {
            let ps = &mut paragraphs[i];
            if r.has_literals {
                // Overlapping matches of several literals can arrive out of order.
                ps.sort_unstable();
                ps.dedup();
            } else {
                *ps = (0..cased.paragraphs()).collect();
            }
            let mut found = 0;
            'paragraphs: for &k in ps.iter() {
                let input = Input::new(&cased.text).range(cased.paragraph(k));
                for m in r.re.find_iter(input) {
                    if m.is_empty() {
                        continue;
                    }
                    if found == MAX_REGEX_MATCHES {
                        capped.push(r.owner);
                        break 'paragraphs;
                    }
                    found += 1;
                    cands.push(Hit {
                        span: cased.original(m.start(), m.end()),
                        owner: r.owner,
                        pattern: usize::MAX - i,
                    });
                }
            }
        }
    }
}

/// The most matches one regex entry gives in one text: a regex that matches almost anything
/// (`(?s).`) would otherwise make a hit of every character.
pub const MAX_REGEX_MATCHES: usize = 10_000;

/// Largest compiled size allowed for a regex entry (forward and reverse automata each), so a
/// pathological pattern is refused.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Why a regex entry cannot be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegexFault {
    /// Its automata would be larger than [`REGEX_SIZE_LIMIT`].
    TooLarge,
    /// Its syntax is wrong: the `regex` crate's message.
    Invalid(String),
}

/// Why the matcher would refuse the regex entry `r`, if it would: the check that `lexicon
/// check` and the loader run, with the matcher's own compilation and limits, so that what they
/// pass a run accepts.
pub fn regex_fault(r: &str) -> Option<RegexFault> {
    match compile(r) {
        Ok(built) => {
            // Kept for the matcher, which would otherwise compile the same regex again.
            checked().insert(r.to_owned(), built);
            None
        }
        Err(fault) => Some(fault),
    }
}

/// Regexes [`regex_fault`] compiled, waiting for [`compile_regex`] to take them.
type Built = (meta::Regex, Option<Vec<String>>);

fn checked() -> std::sync::MutexGuard<'static, std::collections::HashMap<String, Built>> {
    static CHECKED: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, Built>>,
    > = std::sync::OnceLock::new();
    CHECKED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner())
}

/// Compiles a regex entry with case-insensitive matching and [`REGEX_SIZE_LIMIT`], keeping the
/// engine that can search a range of the text with look-around seeing the rest.
fn compile_regex(r: &str) -> Result<(meta::Regex, Option<Vec<String>>), MatcherError> {
    if let Some(built) = checked().remove(r) {
        return Ok(built);
    }
    compile(r).map_err(|fault| MatcherError::Regex {
        pattern: r.to_owned(),
        reason: match fault {
            RegexFault::TooLarge => {
                format!("Compiled regex exceeds size limit of {REGEX_SIZE_LIMIT} bytes.")
            }
            RegexFault::Invalid(m) => m,
        },
    })
}

fn compile(r: &str) -> Result<(meta::Regex, Option<Vec<String>>), RegexFault> {
    let config = meta::Config::new()
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true);
    // One syntax tree serves the engine and the required literals: translating large Unicode
    // classes case-insensitively is most of the cost of compiling.
    let invalid = || {
        // Word the error as the `regex` crate does.
        let e = regex::RegexBuilder::new(r)
            .case_insensitive(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .err();
        match e {
            Some(regex::Error::CompiledTooBig(_)) => RegexFault::TooLarge,
            Some(e) => RegexFault::Invalid(e.to_string()),
            None => RegexFault::Invalid("the regex cannot be compiled".into()),
        }
    };
    let hir = parse_regex(r).map_err(|_| invalid())?;
    let re = meta::Builder::new()
        .configure(config)
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(_) => RegexFault::TooLarge,
            None => invalid(),
        })?;
    Ok((re, literals_of(&hir)))
}

/// The syntax tree of a regex entry: case-insensitive, matching UTF-8 text.
fn parse_regex(r: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .utf8(true)
        .build()
        .parse(r)
        .map_err(|e| e.to_string())
}

/// Strings, in the lower case of the normalized text, one of which every match of the
/// case-insensitive regex `r` contains; `None` when no such set can be worked out.
///
/// Worked out on the regex's syntax tree, where some parts match one of a few strings exactly: a
/// literal matches itself, a class of at most `MAX_CLASS` characters each of them (lower-cased:
/// case-insensitive `k` is `[Kk\u{212A}]`, all `k`), an alternation of such parts the union, and
/// a concatenation of them every combination (up to `MAX_STRINGS`). A concatenation keeps the
/// best of the sets it holds (the one whose shortest string is longest, then the smallest); an
/// alternation of parts that each have a set has their union; a repetition of at least one has
/// its part's set. Anything else (larger classes, optional parts) has none. A regex match in the
/// case-kept text lower-cases, character by character, to a stretch of the lower-case text, so
/// it holds one of these strings there too.
pub fn required_literals(r: &str) -> Option<Vec<String>> {
    literals_of(&parse_regex(r).ok()?)
}

/// [`required_literals`] of a parsed regex.
fn literals_of(hir: &Hir) -> Option<Vec<String>> {
    let mut set = required(hir).any?;
    set.sort();
    set.dedup();
    Some(set)
}

/// The largest class read as a set of strings.
const MAX_CLASS: u32 = 8;
/// The most strings a part's exact set may hold.
const MAX_STRINGS: usize = 64;

/// What a part of a regex says about the strings its matches contain.
#[derive(Debug, Default)]
struct Required {
    /// The strings (lower-cased) the part matches, when they are few: one of them exactly.
    exact: Option<Vec<String>>,
    /// Strings one of which every match of the part contains (none empty).
    any: Option<Vec<String>>,
}

impl Required {
    fn exact(set: Vec<String>) -> Required {
        Required {
            any: (!set.iter().any(String::is_empty)).then(|| set.clone()),
            exact: Some(set),
        }
    }
}

/// The shortest string of a set (the longer, the fewer places it matches), then the fewest.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|s| s.chars().count()).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn required(h: &Hir) -> Required {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Required::exact(vec![String::new()]),
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => Required::exact(vec![lower(s)]),
            Err(_) => Required::default(),
        },
        HirKind::Class(Class::Unicode(c)) => {
            let size: u32 = c
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if size > MAX_CLASS {
                return Required::default();
            }
            let mut set: Vec<String> = c
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|c| c.to_lowercase().collect())
                .collect();
            set.sort();
            set.dedup();
            Required::exact(set)
        }
        HirKind::Class(Class::Bytes(_)) => Required::default(),
        HirKind::Repetition(rep) if rep.min >= 1 => {
            let sub = required(&rep.sub);
            Required {
                any: sub.any,
                exact: sub.exact.filter(|_| rep.min == 1 && rep.max == Some(1)),
            }
        }
        HirKind::Repetition(_) => Required::default(),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Concat(parts) => {
            let mut best: Option<Vec<String>> = None;
            let mut consider = |set: Vec<String>| {
                if !set.iter().any(String::is_empty)
                    && best.as_ref().is_none_or(|b| score(&set) > score(b))
                {
                    best = Some(set);
                }
            };
            // Every combination of the exact parts since the last part that is not exact.
            let mut run = vec![String::new()];
            let mut all_exact = true;
            for p in parts {
                let r = required(p);
                match r.exact {
                    Some(set) if run.len() * set.len() <= MAX_STRINGS => {
                        run = run
                            .iter()
                            .flat_map(|a| set.iter().map(move |b| format!("{a}{b}")))
                            .collect();
                    }
                    Some(set) => {
                        all_exact = false;
                        consider(std::mem::replace(&mut run, set));
                    }
                    None => {
                        all_exact = false;
                        consider(std::mem::replace(&mut run, vec![String::new()]));
                        if let Some(set) = r.any {
                            consider(set);
                        }
                    }
                }
            }
            if all_exact {
                return Required::exact(run);
            }
            consider(run);
            Required {
                exact: None,
                any: best,
            }
        }
        HirKind::Alternation(alts) => {
            let subs: Vec<Required> = alts.iter().map(required).collect();
            let union = |sets: Vec<Option<Vec<String>>>| -> Option<Vec<String>> {
                let mut all = Vec::new();
                for s in sets {
                    all.extend(s?);
                }
                all.sort();
                all.dedup();
                Some(all)
            };
            let (exact, any): (Vec<_>, Vec<_>) = subs.into_iter().map(|r| (r.exact, r.any)).unzip();
            Required {
                exact: union(exact).filter(|s| s.len() <= MAX_STRINGS),
                any: union(any),
            }
        }
    }
}

/// The matches of [`Matcher::find_explained`], with the candidates that lost.
#[derive(Clone, Debug, Default)]
pub struct Explained {
    /// The matches kept, as `Matcher::find` returns them.
    pub selected: Vec<Hit>,
    /// (candidate, the exclusion match it fell inside)
    pub excluded: Vec<(Hit, Hit)>,
    /// (candidate, the kept match that overlapped it: longest, then leftmost, wins)
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

/// Keeps the longest of overlapping candidates, then the leftmost: a match is dropped for a
/// longer one it overlaps ("North Korean leader" beats "the North" in "the North Korean
/// leader"), or for one as long that starts further left, as spaCy's `filter_spans` does. Ties
/// on span go to the owner of the highest layer (`layers[owner]`, 0 where missing), then the
/// lowest owner index, then the lowest pattern index, so the result does not depend on the
/// order the automaton reports matches. Returned in text order.
pub fn select_longest(mut cands: Vec<Hit>, layers: &[usize]) -> Vec<Hit> {
    let layer = |owner: usize| layers.get(owner).copied().unwrap_or(0);
    cands.sort_by(|a, b| {
        (b.span.end - b.span.start)
            .cmp(&(a.span.end - a.span.start))
            .then(a.span.start.cmp(&b.span.start))
            .then(layer(b.owner).cmp(&layer(a.owner)))
            .then(a.owner.cmp(&b.owner))
            .then(a.pattern.cmp(&b.pattern))
    });
    // Kept spans by start: each new candidate checks its neighbours only.
    let mut kept: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for c in cands {
        let before = kept.range(..c.span.end).next_back();
        if before.is_some_and(|(_, k)| k.span.end > c.span.start) {
            continue;
        }
        kept.insert(c.span.start, c);
    }
    kept.into_values().collect()
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
            // Crossing matches: the longer wins wherever it starts; of equal length, the first.
            (
                &["0:the north", "1:north korean leader"],
                "met the North Korean leader",
                &["North Korean leader@1"],
            ),
            (
                &["0:armed group", "1:group chief"],
                "armed group chief met",
                &["armed group@0"],
            ),
            (
                &["0:the rebels", "1:rebels", "2:rebels attacked"],
                "the rebels attacked",
                &["rebels attacked@2"],
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
    fn groups_select_and_exclude_separately() {
        // Group 0: labels; group 1: names. "Syrian government forces" is one label, and
        // "Syrian government" a name inside it: both are kept, each in its own group. The
        // exclusion in group 1 drops only the group-1 owner it names.
        let mut x = pat(1, "syrian government forces");
        x.exclusion = true;
        let m = Matcher::grouped(
            vec![
                vec![pat(0, "government forces"), pat(1, "rebels")],
                vec![pat(0, "syrian government"), pat(1, "syrian"), x],
            ],
            &[(r"\bclaim(?:ed|s)\b".into(), 2)],
        )
        .unwrap();
        let text = "Syrian government forces claimed the rebels fled; Syrian troops";
        let n = Normalized::new(text);
        let groups: Vec<Vec<(&str, usize, usize)>> = m
            .find_groups(text, &n)
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|h| (h.span.slice(text), h.owner, h.pattern))
                    .collect()
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                vec![
                    ("government forces", 0, 0),
                    ("claimed", 2, usize::MAX),
                    ("rebels", 1, 1)
                ],
                vec![("Syrian government", 0, 2), ("Syrian", 1, 3)],
            ]
        );
        // `find` is the first group alone, and pattern indices of the first group are its own.
        assert_eq!(m.find(text, &n).len(), 3);
        assert_eq!(m.pattern(1).map(|p| p.form.as_str()), Some("rebels"));
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

    /// The maps as they were first written: two offsets per normalized byte, each unit (a
    /// character with the combining marks after it) folded on its own.
    fn reference(original: &str, lower: bool) -> (String, Vec<usize>, Vec<usize>) {
        let (mut text, mut start, mut end) = (String::new(), Vec::new(), Vec::new());
        let mut last_space = true;
        let mut chars = original.char_indices().peekable();
        while let Some((o, c)) = chars.next() {
            let Some(f) = fold(c) else { continue };
            let mut e = o + c.len_utf8();
            if f == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
                text.push(' ');
                start.push(o);
                end.push(e);
                continue;
            }
            let folded = if f.is_ascii() && !chars.peek().is_some_and(|&(_, m)| is_mark(m)) {
                f.to_string()
            } else {
                let mut marks = 0;
                while marks < MAX_MARKS
                    && let Some(&(_, m)) = chars.peek()
                    && is_mark(m)
                {
                    e += m.len_utf8();
                    marks += 1;
                    chars.next();
                }
                fold_unit(original, o, e, &mut Folding::default(), &mut None)
            };
            if folded.is_empty() {
                continue;
            }
            last_space = false;
            let before = text.len();
            if lower {
                text.extend(folded.chars().flat_map(char::to_lowercase));
            } else {
                text.push_str(&folded);
            }
            for _ in before..text.len() {
                start.push(o);
                end.push(e);
            }
        }
        (text, start, end)
    }

    fn check_maps(original: &str) {
        let both = Normalized::with_case_kept(original);
        for (n, lower) in [
            (&Normalized::new(original), true),
            (&both, true),
            (&Normalized::keep_case(original), false),
            (both.cased().unwrap(), false),
        ] {
            let (text, start, end) = reference(original, lower);
            assert_eq!(n.text, text, "{original:?}");
            for (s, &st) in start.iter().enumerate() {
                for e in s + 1..=text.len() {
                    assert_eq!(
                        n.original(s, e),
                        Span::new(st, end[e - 1]),
                        "{original:?} {s}..{e}"
                    );
                }
            }
        }
    }

    #[test]
    fn maps_back_to_the_original() {
        for t in [
            "",
            "plain ascii text",
            "  Leading and trailing  \n\n",
            "Two\n\nparagraphs\r\nand\rmore",
            "İstanbul KELVIN \u{212A} ΣΑΣ",
            "non\u{A0}breaking\u{2003}spaces and\u{200B}zero\u{AD}width",
            "“Curly” ‘quotes’ and `ticks` and U.S.‐backed",
            "ﬁne ligature Straße",
            "Tu\u{308}rkiye terro\u{301}rists t\u{435}rror ｔｅｒｒｏｒ \u{301}\u{301} e\u{301}\u{301}",
            "terr\u{34F}orists terr\u{FE0F}orists \u{E0041} TERRORİSTS ıslam",
            "\u{FEFF}\u{200B}",
            "a \u{200B}\n\u{200B} b",
        ] {
            check_maps(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn maps_back_on_any_text(t in "[aZİıеΣß \n\r\t\u{A0}\u{200B}\u{2019}\u{301}\u{34F}\u{FF54}`é-]{0,24}") {
            check_maps(&t);
        }
    }

    /// Spellings that a reader takes for a lexicon form: (text, the folded text, default
    /// ignorables skipped, compatibility forms read, original offsets of look-alike letters).
    #[test]
    fn evasive_spellings_fold_to_the_form() {
        let cases: &[(&str, &str, u32, u32, &[usize])] = &[
            ("terr\u{43E}rists", "terrorists", 0, 0, &[4]),
            ("t\u{435}rr\u{43E}rists", "terrorists", 0, 0, &[1, 5]),
            (
                "\u{FF54}\u{FF45}\u{FF52}\u{FF52}\u{FF4F}\u{FF52}",
                "terror",
                0,
                6,
                &[],
            ),
            (
                "\u{1D42D}\u{1D41E}\u{1D42B}\u{1D42B}\u{1D428}\u{1D42B}",
                "terror",
                0,
                6,
                &[],
            ),
            ("terro\u{301}rists", "terrorists", 0, 0, &[]),
            ("terr\u{34F}orists", "terrorists", 1, 0, &[]),
            ("terr\u{FE0F}orists", "terrorists", 1, 0, &[]),
            ("terr\u{E0041}orists", "terrorists", 1, 0, &[]),
            ("terr\u{180E}orists", "terrorists", 1, 0, &[]),
            ("terr\u{3164}orists", "terrorists", 1, 0, &[]),
            ("TERROR\u{130}STS", "terrorists", 0, 0, &[]),
            (
                "Tu\u{308}rkiye and T\u{FC}rkiye",
                "turkiye and turkiye",
                0,
                0,
                &[],
            ),
            ("coup d'e\u{301}tat", "coup d'etat", 0, 0, &[]),
            // Words wholly in Cyrillic or Greek are left alone (case aside).
            (
                "\u{422}\u{435}\u{440}\u{440}\u{43E}\u{440}",
                "\u{442}\u{435}\u{440}\u{440}\u{43E}\u{440}",
                0,
                0,
                &[],
            ),
            (
                "\u{39A}\u{391}\u{39B}\u{39F}",
                "\u{3BA}\u{3B1}\u{3BB}\u{3BF}",
                0,
                0,
                &[],
            ),
            // Greek and Cyrillic capitals mixed in one word read as the Latin word.
            (
                "\u{397}\u{391}\u{39C}\u{391}\u{405}",
                "hamas",
                0,
                0,
                &[0, 2, 4, 6, 8],
            ),
        ];
        for &(text, folded, ignored, compatibility, lookalikes) in cases {
            let n = Normalized::new(text);
            assert_eq!(n.text, folded, "{text:?}");
            assert_eq!(
                n.folding,
                Folding {
                    ignored,
                    compatibility,
                    lookalikes: lookalikes.to_vec(),
                },
                "{text:?}"
            );
            let m = Matcher::new(
                vec![Pattern {
                    owner: 0,
                    form: folded.to_owned(),
                    exact_case: false,
                    exclusion: false,
                }],
                &[],
            )
            .unwrap();
            let hits = m.find(text, &n);
            assert_eq!(hits.len(), 1, "{text:?}");
            assert_eq!(hits[0].span.slice(text), text);
            assert_eq!(
                n.folding.lookalike_in(0, text.len()),
                !lookalikes.is_empty()
            );
        }
    }

    /// Symbols and numbers keep their form: "™" does not become letters glued to the word
    /// before it, a spacing accent does not become a space, and none of them counts as folded.
    #[test]
    fn symbols_and_numbers_keep_their_form() {
        for (text, folded) in [
            ("Hamas\u{2122} said", "hamas\u{2122} said"),
            ("don\u{B4}t", "don\u{B4}t"),
            ("\u{BD} of them\u{2026}", "\u{BD} of them\u{2026}"),
        ] {
            let n = Normalized::new(text);
            assert_eq!(n.text, folded);
            assert_eq!(n.folding, Folding::default(), "{text:?}");
        }
        let m = Matcher::new(
            vec![Pattern {
                owner: 0,
                form: "hamas".into(),
                exact_case: false,
                exclusion: false,
            }],
            &[],
        )
        .unwrap();
        let t = "Hamas\u{2122} said";
        assert_eq!(m.find(t, &Normalized::new(t)).len(), 1);
    }

    #[test]
    fn paragraphs_of_the_normalized_text() {
        let n = Normalized::new("One  two\n\n Three \r\nfour\n");
        assert_eq!(n.text, "one two three four ");
        let ps: Vec<&str> = (0..n.paragraphs())
            .map(|k| &n.text[n.paragraph(k)])
            .collect();
        assert_eq!(ps, ["one two", "three", "four", ""]);
        assert_eq!(n.paragraph_at(0), 0);
        assert_eq!(n.paragraph_at(8), 1);
    }

    #[test]
    fn required_literals_table() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            (r"\b(?-i:\p{Lu})[\p{L}.]*-occupied\b", Some(&["-occupied"])),
            (
                r"\bpuppets?\s+(?:(?-i:\p{Lu})[\p{L}'’.-]*\s+){1,2}(?:regime|government)\b",
                Some(&["puppet"]),
            ),
            (r"foo|bar", Some(&["bar", "foo"])),
            (r"(?:a|b*)cd", Some(&["cd"])),
            (r"(?:ab)+x?", Some(&["ab"])),
            (r"(?:ab)?", None),
            (r"\w+", None),
            (r"[a-z]+-backed", Some(&["-backed"])),
            // Case-insensitive `k` is [Kk\u{212A}]: all lower-case to `k`.
            (r"kid", Some(&["kid"])),
            (r"[a-c]x", Some(&["ax", "bx", "cx"])),
            // Case-insensitive `s` takes in `ſ`, which stays `ſ` in lower case.
            (
                r"sponsored",
                Some(&["sponsored", "sponſored", "ſponsored", "ſponſored"]),
            ),
            (r"(?-i:ÄB)c", Some(&["äbc"])),
            (
                r"(?:state|junta)-(?:backed|funded)",
                Some(&[
                    "junta-backed",
                    "junta-funded",
                    "state-backed",
                    "state-funded",
                    "ſtate-backed",
                    "ſtate-funded",
                ]),
            ),
            (r"what (?:\w+) (?:call|dubbed)", Some(&["what "])),
            (r"\w+-(?:backed|funded)", Some(&["-backed", "-funded"])),
            (
                r"what (?:\w+) (?:called|dubbed)",
                Some(&[" called", " dubbed"]),
            ),
            (r"x|\w", None),
        ];
        for (re, want) in cases {
            let got = required_literals(re);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{re}");
        }
    }

    fn regex_hits(regexes: &[&str], text: &str) -> Vec<String> {
        let rs: Vec<(String, usize)> = regexes
            .iter()
            .enumerate()
            .map(|(i, r)| (r.to_string(), i))
            .collect();
        let m = Matcher::new(vec![], &rs).unwrap();
        let mut out = Vec::new();
        for n in [Normalized::new(text), Normalized::with_case_kept(text)] {
            let got: Vec<String> = m
                .find(text, &n)
                .into_iter()
                .map(|h| format!("{}@{}", h.span.slice(text), h.owner))
                .collect();
            if !out.is_empty() {
                assert_eq!(got, out, "with and without the case-kept copy");
            }
            out = got;
        }
        out
    }

    #[test]
    fn regex_entries_in_paragraphs_with_non_ascii_text() {
        let occupied = r"\b(?-i:\p{Lu})[\p{L}.]*-occupied\b";
        let backed = r"\b(?:(?-i:\p{Lu})[\p{L}.]*|state)-(?:backed|funded)\b";
        let text = "Über die Lage: the Russian\u{2011}occupied city.\n\n\
            «Türkiye‐backed» factions and İran-backed groups; state-funded media.\n\
            Nothing here is occupied — not even Ägypten-occupied land.\n\
            an iran-backed militia (lower case: no match)";
        assert_eq!(
            regex_hits(&[occupied, backed], text),
            [
                "Russian\u{2011}occupied@0",
                "Türkiye‐backed@1",
                "İran-backed@1",
                "state-funded@1",
                "Ägypten-occupied@0"
            ]
        );
    }

    #[test]
    fn regex_matches_do_not_cross_a_paragraph_break() {
        let puppet = r"\bpuppets?\s+(?:(?-i:\p{Lu})\p{L}*\s+){1,2}regime\b";
        assert_eq!(
            regex_hits(&[puppet], "the puppet Syrian regime"),
            ["puppet Syrian regime@0"]
        );
        assert_eq!(
            regex_hits(&[puppet], "the puppet\nSyrian regime"),
            [] as [&str; 0]
        );
        // A regex with no required literal is tried in every paragraph.
        assert_eq!(
            regex_hits(&[r"\b(?-i:\p{Lu})\w+\s\w+"], "Ab cd\nEf\ngh Ij kl"),
            ["Ab cd@0", "Ij kl@0"]
        );
    }

    #[test]
    fn regex_errors_are_worded_as_the_regex_crate_words_them() {
        let unclosed = ["(", "a"].concat();
        let Err(MatcherError::Regex { reason, .. }) =
            Matcher::new(vec![], &[(unclosed.clone(), 0)])
        else {
            panic!("an unclosed group does not compile");
        };
        assert_eq!(
            reason,
            regex::RegexBuilder::new(&unclosed)
                .case_insensitive(true)
                .build()
                .unwrap_err()
                .to_string(),
            "same message"
        );
    }
}
