//! Attribution on PolNeAR (Newell, Margolin and Ruths, LREC 2018): whose words each stretch of
//! an article is, against a corpus where every attribution (source, cue, content) is annotated
//! in brat standoff format.
//!
//! `framelens eval --polnear DIR` reads `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANN.ann`
//! (or every subfolder of DIR laid out so, such as `train/` and `dev/`). An article annotated by
//! several annotators is scored against the first annotation in file-name order, so each
//! article counts once. It measures the relations of `crate::analysis::speech` (every kind but `scare`):
//! - **content tokens**: precision, recall and F1 of the word tokens framelens attributes against
//!   the tokens of the gold `Content` spans;
//! - **relations**: a predicted relation matches a gold one (one to one, largest overlap first)
//!   when their contents share at least half of the words of either;
//! - **source** on matched relations: right when the predicted source overlaps the gold `Source`,
//!   or names the same entity (a capitalised word in common with it, after a pronoun speaker is
//!   resolved), or when neither has a source;
//! - **cues**: a predicted cue matches a gold `Cue` it overlaps;
//! - the same figures for a baseline that takes every stretch between double quotation marks in
//!   a paragraph as a relation with no source and no cue;
//! - for the hits of the lexicons in use, the voice this gold implies: author when the hit is in
//!   no `Content` span; otherwise quote when it is also between quotation marks, reported if not;
//! - recall by construction (sentence-final "X said", "according to", content in another
//!   paragraph than its cue, indirect speech with and without "that", nominal cues such as
//!   "allegations of", direct quotes), and the cues most often missed and wrongly found.
//!
//! Words inside a `Discard` span (boilerplate the annotators set aside) count for nothing: they
//! are left out of the token figures, and a relation (gold, framelens's or the baseline's) whose
//! words all lie there is left out of the relation, source and cue figures.
//! What it does not do: score nested attributions apart, or read `Discuss` notes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::metrics::{Accuracy, Prf};
use super::{EvalError, LineError};
use crate::analysis::speech::Kind;
use crate::analysis::voice::Voice;
use crate::analysis::{Analyzer, Article};
use crate::text::WordSet;
use crate::text::{Segmented, Span, TokenKind, segment};

/// One annotated attribution: its spans as byte ranges into the text (a span annotated in
/// fragments gives several).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldRelation {
    /// The `Source` fragments (who speaks); empty when the relation has none.
    pub source: Vec<Span>,
    /// The `Cue` fragments (the words that introduce the content); empty when it has none.
    pub cue: Vec<Span>,
    /// The `Content` fragments (the words attributed); empty when it has none.
    pub content: Vec<Span>,
}

/// The annotation of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotation {
    /// The attribution relations (the file's events), in file order.
    pub relations: Vec<GoldRelation>,
    /// Stretches the annotators set aside.
    pub discard: Vec<Span>,
}

/// One text-bound annotation: its type and fragments (bytes).
struct TextBound {
    kind: String,
    spans: Vec<Span>,
}

/// Parses a brat file for `text`. Offsets in the file count characters; they become byte
/// offsets. Lines that are not annotations are an error, except the continuation of a span's
/// text over a line break.
pub fn parse(path: &str, ann: &str, text: &str) -> Result<Annotation, LineError> {
    let bytes = super::char_starts(text);
    let err = |line: usize, column: usize, message: String| LineError {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    let mut bound: BTreeMap<&str, TextBound> = BTreeMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    let mut after_text_bound = false;
    for (i, line) in ann.lines().enumerate() {
        let ln = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let id = line.split('\t').next().unwrap_or("");
        let numbered = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let mut cols = line.splitn(3, '\t');
            let id = cols.next().unwrap_or("");
            let body = cols.next().ok_or_else(|| {
                err(
                    ln,
                    id.len() + 1,
                    "a text-bound annotation needs a type and offsets".into(),
                )
            })?;
            let at = id.len() + 2;
            bound.insert(
                id,
                text_bound(body, &bytes).map_err(|(c, m)| err(ln, at + c, m))?,
            );
            after_text_bound = true;
        } else if numbered('E') {
            events.push((ln, line));
            after_text_bound = false;
        } else if id.starts_with('#') || ['A', 'R', 'N', 'M'].into_iter().any(numbered) {
            after_text_bound = false;
        } else if !(after_text_bound || line.trim().is_empty()) {
            return Err(err(
                ln,
                1,
                format!("not a brat annotation line: {:?}", short(line)),
            ));
        }
    }
    let mut out = Annotation::default();
    for tb in bound.values().filter(|t| t.kind == "Discard") {
        out.discard.extend(&tb.spans);
    }
    for (ln, line) in events {
        let args = line.split_once('\t').map_or("", |(_, a)| a);
        let mut r = GoldRelation::default();
        let mut column = line.len() - args.len() + 1;
        for arg in args.split(' ') {
            if arg.is_empty() {
                column += 1;
                continue;
            }
            let (role, id) = arg.split_once(':').ok_or_else(|| {
                err(
                    ln,
                    column,
                    format!("an event argument is ROLE:ID, found {arg:?}"),
                )
            })?;
            let tb = bound
                .get(id)
                .ok_or_else(|| err(ln, column, format!("{id} is not defined in this file")))?;
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => r.source.extend(&tb.spans),
                "Cue" => r.cue.extend(&tb.spans),
                "Content" => r.content.extend(&tb.spans),
                _ => {}
            }
            column += arg.len() + 1;
        }
        out.relations.push(r);
    }
    Ok(out)
}

/// "Content 760 905;910 950": the type and its fragments, in bytes. An error gives the column
/// (0-based within `body`) and the message.
fn text_bound(body: &str, bytes: &[usize]) -> Result<TextBound, (usize, String)> {
    let (kind, offsets) = body.split_once(' ').ok_or((
        0,
        "a text-bound annotation needs offsets after its type".to_owned(),
    ))?;
    let mut spans = Vec::new();
    let mut col = kind.len() + 1;
    for frag in offsets.split(';') {
        let mut it = frag.split(' ');
        let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else {
            return Err((col, format!("a fragment is START END, found {frag:?}")));
        };
        let num = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| (col, format!("offset {s:?} is not a number")))
        };
        let (a, b) = (num(a)?, num(b)?);
        let (Some(&sa), Some(&sb)) = (bytes.get(a), bytes.get(b)) else {
            return Err((
                col,
                format!(
                    "offsets {a}..{b} pass the end of the text ({} characters)",
                    bytes.len() - 1
                ),
            ));
        };
        if a > b {
            return Err((col, format!("offsets {a}..{b} end before they start")));
        }
        spans.push(Span::new(sa, sb));
        col += frag.len() + 1;
    }
    Ok(TextBound {
        kind: kind.to_owned(),
        spans,
    })
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

/// One article with its annotation.
pub struct Doc {
    /// The article's name: the stem of its `text/NAME.txt`.
    pub name: String,
    /// The article's text.
    pub text: String,
    /// Its annotation, from the first `NAME_*.ann` file in name order.
    pub gold: Annotation,
}

/// The folders under `dir` that hold `text/` and `attributions/`: `dir` itself, or else its
/// subfolders in name order.
fn splits(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let laid_out = |d: &Path| d.join("text").is_dir() && d.join("attributions").is_dir();
    if laid_out(dir) {
        return Ok(vec![dir.to_owned()]);
    }
    let io = |e: std::io::Error| EvalError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| laid_out(p))
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(EvalError::Empty {
            folder: dir.display().to_string(),
            want: "text/ and attributions/ folders (in it or in its subfolders)",
        });
    }
    Ok(out)
}

/// Reads every annotated article under `dir`. Articles with no annotation are counted apart.
pub fn load(dir: &Path) -> Result<(Vec<Doc>, usize), EvalError> {
    let mut docs = Vec::new();
    let mut unannotated = 0;
    for split in splits(dir)? {
        let anns = super::sorted_files(&split.join("attributions"), "ann")?;
        for txt in super::sorted_files(&split.join("text"), "txt")? {
            let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            // NAME_ANNOTATOR.ann: the first annotator in name order.
            let ann = anns.iter().find(|a| {
                a.file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.rsplit_once('_'))
                    .is_some_and(|(name, _)| name == stem)
            });
            let Some(ann) = ann else {
                unannotated += 1;
                continue;
            };
            let read = |p: &Path| {
                std::fs::read_to_string(p).map_err(|e| EvalError::Io {
                    path: p.display().to_string(),
                    source: e,
                })
            };
            let text = read(&txt)?;
            let gold =
                parse(&ann.display().to_string(), &read(ann)?, &text).map_err(EvalError::Line)?;
            docs.push(Doc {
                name: stem.to_owned(),
                text,
                gold,
            });
        }
    }
    Ok((docs, unannotated))
}

/// A relation reduced to what is scored: its content's word tokens (indices, sorted), source,
/// the name its speaker resolves to, and cue.
#[derive(Clone, Debug, Default)]
struct Scored {
    content: Vec<usize>,
    source: Vec<Span>,
    name: Option<String>,
    cue: Vec<Span>,
    kind: Option<Kind>,
}

/// The word tokens (not punctuation) of a segmented text, with a lookup by span.
struct Words {
    spans: Vec<Span>,
}

impl Words {
    fn new(seg: &Segmented) -> Words {
        Words {
            spans: seg
                .tokens
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .map(|t| t.span)
                .collect(),
        }
    }

    /// Indices of the words that overlap any of `spans`, sorted and unique.
    fn within(&self, spans: &[Span]) -> Vec<usize> {
        let mut v = Vec::new();
        for s in spans {
            let lo = self.spans.partition_point(|w| w.end <= s.start);
            v.extend((lo..self.spans.len()).take_while(|&i| self.spans[i].start < s.end));
        }
        v.sort_unstable();
        v.dedup();
        v
    }
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// The size of the intersection of two sorted index lists.
fn common(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// One-to-one matching, largest overlap first: pairs (predicted, gold) whose contents share at
/// least half of the words of either.
fn match_relations(pred: &[Scored], gold: &[Scored]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (p, pr) in pred.iter().enumerate() {
        for (g, gr) in gold.iter().enumerate() {
            let n = common(&pr.content, &gr.content);
            if n > 0 && (2 * n >= pr.content.len() || 2 * n >= gr.content.len()) {
                cands.push((std::cmp::Reverse(n), p, g));
            }
        }
    }
    cands.sort();
    let (mut pu, mut gu) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (_, p, g) in cands {
        if !pu[p] && !gu[g] {
            pu[p] = true;
            gu[g] = true;
            out.push((p, g));
        }
    }
    out
}

/// Capitalised words of a name, without titles and determiners.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .filter(|w| {
            !matches!(
                *w,
                "The" | "A" | "An" | "Mr" | "Mrs" | "Ms" | "Dr" | "He" | "She" | "They" | "It"
            )
        })
        .map(str::to_lowercase)
        .collect()
}

/// The source is right when both have none, when the spans overlap, or when the predicted
/// speaker (resolved) shares a capitalised word with the gold source.
fn source_ok(text: &str, p: &Scored, g: &Scored) -> bool {
    match (p.source.is_empty(), g.source.is_empty()) {
        (true, true) => true,
        (true, false) | (false, true) => false,
        (false, false) => {
            overlaps(&p.source, &g.source) || {
                let gold: Vec<String> = g
                    .source
                    .iter()
                    .flat_map(|s| name_words(s.slice(text)))
                    .collect();
                p.name
                    .as_deref()
                    .is_some_and(|n| name_words(n).iter().any(|w| gold.contains(w)))
            }
        }
    }
}

/// Cue matching: one to one, in order, a predicted cue right when it overlaps a gold cue.
fn match_cues(pred: &[Scored], gold: &[Scored]) -> usize {
    let mut used = vec![false; gold.len()];
    let mut n = 0;
    for p in pred.iter().filter(|p| !p.cue.is_empty()) {
        if let Some(g) = (0..gold.len()).find(|&g| !used[g] && overlaps(&p.cue, &gold[g].cue)) {
            used[g] = true;
            n += 1;
        }
    }
    n
}

/// Stretches between double quotation marks within a paragraph (the marks left out): straight
/// marks pair in turn, curly ones open and close. Two apostrophes (`''`) are a straight mark.
fn quoted_stretches(text: &str, seg: &Segmented) -> Vec<Span> {
    let mut out = Vec::new();
    for p in &seg.paragraphs {
        let s = p.span.slice(text);
        let mut open: Option<usize> = None;
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = p.span.start + i;
            let (c, len) = if c == '\'' && chars.next_if(|&(_, n)| n == '\'').is_some() {
                ('"', 2)
            } else {
                (c, c.len_utf8())
            };
            match (c, open) {
                ('“' | '«', _) => open = Some(at + len),
                ('"', None) => open = Some(at + len),
                ('"' | '”' | '»', Some(o)) => {
                    out.push(Span::new(o, at));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// The four figures for one system.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    /// Content word tokens.
    pub tokens: Prf,
    /// Relations, matched one to one when their contents share at least half the words of either.
    pub relations: Prf,
    /// Source on matched relations.
    pub source: Accuracy,
    /// Cues: a predicted cue is right when it overlaps a gold cue not matched before.
    pub cues: Prf,
}

/// Recall of one construction.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ConstructionRow {
    /// The construction, or in `by_cue_known` the cue class ("cue framelens reads", "other cue").
    pub construction: &'static str,
    /// Gold relations of this construction.
    pub gold: usize,
    /// Gold relations of this construction that framelens matched.
    pub found: usize,
    /// `found / gold`, or 0 when `gold` is 0.
    pub recall: f64,
    /// Gold relations of this construction that the baseline matched.
    pub baseline_found: usize,
    /// `baseline_found / gold`, or 0 when `gold` is 0.
    pub baseline_recall: f64,
}

/// Precision of one kind of predicted relation.
#[derive(Clone, Debug, Default, Serialize)]
pub struct KindRow {
    /// Relations of this kind that framelens predicted.
    pub predicted: usize,
    /// Of them, those matched to a gold relation.
    pub matched: usize,
    /// `matched / predicted`, or 0 when `predicted` is 0.
    pub precision: f64,
}

/// The voice of the lexicon hits, against the voice the gold implies.
#[derive(Clone, Debug, Default, Serialize)]
pub struct HitVoice {
    /// Author vs not author.
    pub author_vs_not: Accuracy,
    /// Author vs not author for a baseline that reads every hit outside quotation marks as the
    /// author's.
    pub baseline_author_vs_not: Accuracy,
    /// Author, quote or reported (scare counts as quote).
    pub three_way: Accuracy,
    /// Gold voice -> framelens's voice -> count.
    pub confusion: super::metrics::Confusion,
}

/// The report of `eval --polnear`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PolnearReport {
    /// `PolNeAR (DIR)`, with the folder given.
    pub dataset: String,
    /// Annotated articles scored.
    pub articles: usize,
    /// Articles in the folders with no annotation file (not scored).
    pub unannotated: usize,
    /// Gold relations scored (those whose words all lie in `Discard` spans left out).
    pub gold_relations: usize,
    /// framelens's figures.
    pub framelens: Figures,
    /// Every stretch between double quotation marks as a relation with no source and no cue.
    pub baseline: Figures,
    /// Precision by kind of framelens relation (`quote`, `reported`, `designation`, `naming`,
    /// `stance`, `topic`).
    pub by_kind: BTreeMap<&'static str, KindRow>,
    /// Relation recall on the gold attributions whose cue holds a verb framelens reads as a cue
    /// (`crate::analysis::words::is_relation_cue_word`), and on the others (verbs of seeming,
    /// trying and perceiving, nouns of support: attributions in PolNeAR's wide sense).
    pub by_cue_known: BTreeMap<&'static str, ConstructionRow>,
    /// Relation recall by construction, one row per construction in a fixed order.
    pub constructions: Vec<ConstructionRow>,
    /// The voice of the lexicon hits outside `Discard` spans, against the voice the gold implies.
    pub hit_voice: HitVoice,
    /// The cues of the gold relations framelens missed, most frequent first (lower case).
    pub missed_cues: Vec<(String, usize)>,
    /// The cues of framelens's relations that match no gold relation.
    pub false_cues: Vec<(String, usize)>,
}

/// Verbs and words whose cue is a noun ("the allegations of", "in a statement").
static NOMINAL_CUES: WordSet = WordSet::new(&[
    "statement",
    "statements",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assertion",
    "assertions",
    "announcement",
    "remarks",
    "criticism",
    "belief",
    "view",
    "views",
    "argument",
    "suggestion",
    "insistence",
    "rumors",
    "rumours",
    "speculation",
    "testimony",
    "interview",
    "poll",
    "survey",
    "report",
    "memo",
    "letter",
    "tweet",
    "op-ed",
]);

const CONSTRUCTIONS: [&str; 9] = [
    "content in another paragraph than its cue",
    "content of several sentences",
    "according to X",
    "nominal cue (statement, allegations of ...)",
    "cue after the content (..., X said)",
    "direct quote after its cue",
    "indirect, with \"that\"",
    "indirect, without \"that\"",
    "no cue or no content",
];

/// Which of [`CONSTRUCTIONS`] a gold relation is.
fn construction(text: &str, seg: &Segmented, g: &GoldRelation) -> usize {
    let (Some(c0), Some(c1), Some(q0)) = (
        g.content.iter().map(|s| s.start).min(),
        g.content.iter().map(|s| s.end).max(),
        g.cue.iter().map(|s| s.start).min(),
    ) else {
        return 8;
    };
    let para = |b: usize| seg.paragraphs.partition_point(|p| p.span.start <= b);
    let sent = |b: usize| seg.sentences.partition_point(|s| s.span.start <= b);
    let last = c1.saturating_sub(1).max(c0);
    if para(c0) != para(last) || (para(q0) != para(c0) && para(q0) != para(last)) {
        return 0;
    }
    if sent(c0) != sent(last) {
        return 1;
    }
    let cue: String = g
        .cue
        .iter()
        .map(|s| s.slice(text).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    if cue.starts_with("according to") {
        return 2;
    }
    let cue_words: Vec<&str> = cue.split_whitespace().collect();
    if cue_words.iter().any(|w| NOMINAL_CUES.contains(w)) {
        return 3;
    }
    if q0 >= c1 {
        return 4;
    }
    let content = text[c0..c1].trim_start();
    if content.starts_with(['"', '“', '«', '\'', '‘']) {
        5
    } else if content.to_lowercase().starts_with("that ") {
        6
    } else {
        7
    }
}

fn cue_text(text: &str, cue: &[Span]) -> String {
    if cue.is_empty() {
        return "(no cue)".into();
    }
    cue.iter()
        .map(|s| s.slice(text).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Accumulates one system's figures on one document; returns the matched pairs.
fn score_side(
    text: &str,
    pred: &[Scored],
    gold: &[Scored],
    discard: &[usize],
    f: &mut Figures,
) -> Vec<(usize, usize)> {
    let keep = |v: &mut Vec<usize>| v.retain(|t| discard.binary_search(t).is_err());
    let mut pt: Vec<usize> = pred
        .iter()
        .flat_map(|r| r.content.iter().copied())
        .collect();
    let mut gt: Vec<usize> = gold
        .iter()
        .flat_map(|r| r.content.iter().copied())
        .collect();
    for v in [&mut pt, &mut gt] {
        v.sort_unstable();
        v.dedup();
        keep(v);
    }
    let both = common(&pt, &gt) as f64;
    f.tokens.add(&prf(gt.len(), pt.len(), both));
    let pairs = match_relations(pred, gold);
    f.relations
        .add(&prf(gold.len(), pred.len(), pairs.len() as f64));
    for &(p, g) in &pairs {
        f.source.add(source_ok(text, &pred[p], &gold[g]));
    }
    let gold_cues = gold.iter().filter(|g| !g.cue.is_empty()).count();
    let pred_cues = pred.iter().filter(|p| !p.cue.is_empty()).count();
    f.cues
        .add(&prf(gold_cues, pred_cues, match_cues(pred, gold) as f64));
    pairs
}

fn prf(gold: usize, predicted: usize, credit: f64) -> Prf {
    let mut p = Prf {
        gold,
        predicted,
        precision_credit: credit,
        recall_credit: credit,
        ..Prf::default()
    };
    p.finish();
    p
}

/// framelens's relations of an article (scare quotes left out: they attribute to no one).
fn predicted(art: &Article, words: &Words) -> Vec<Scored> {
    art.attributions
        .iter()
        .filter(|r| r.kind != Kind::Scare)
        .map(|r| Scored {
            // A frame in mid-sentence ("The trend, Mr. Obama said, has been clear") lies inside
            // its content's extent; its source and cue words are not content.
            content: {
                let frame: Vec<Span> = (r.source.iter().chain(&r.cue))
                    .map(|s| Span::new(s.start, s.end))
                    .collect();
                let frame = words.within(&frame);
                let parts: Vec<Span> = std::iter::once(&r.content)
                    .chain(&r.continued)
                    .map(|c| Span::new(c.start, c.end))
                    .collect();
                let mut c = words.within(&parts);
                c.retain(|w| frame.binary_search(w).is_err());
                c
            },
            source: r.source.iter().map(|s| Span::new(s.start, s.end)).collect(),
            name: r.speaker.clone(),
            cue: r.cue.iter().map(|c| Span::new(c.start, c.end)).collect(),
            kind: Some(r.kind),
        })
        .filter(|r| !r.content.is_empty())
        .collect()
}

/// The voice the gold gives a hit, and framelens's, as author / quote / reported.
fn hit_voices(art: &Article, gold: &Annotation, marks: &[Span], hv: &mut HitVoice) {
    let contents: Vec<Span> = gold
        .relations
        .iter()
        .flat_map(|r| r.content.iter().copied())
        .collect();
    for h in &art.hits {
        let s = Span::new(h.start, h.end);
        if gold.discard.iter().any(|d| d.overlaps(s)) {
            continue;
        }
        let in_marks = marks.iter().any(|m| m.contains(s));
        let g = match (contents.iter().any(|c| c.overlaps(s)), in_marks) {
            (false, _) => "author",
            (true, true) => "quote",
            (true, false) => "reported",
        };
        let p = match h.voice {
            Voice::Author => "author",
            Voice::Quote | Voice::Scare => "quote",
            Voice::Reported => "reported",
        };
        hv.author_vs_not.add((g == "author") == (p == "author"));
        hv.baseline_author_vs_not.add((g == "author") != in_marks);
        hv.three_way.add(g == p);
        super::metrics::confuse(&mut hv.confusion, g, p);
    }
}

/// The recall of each construction row and cue class, and the precision of each kind, from
/// their counts.
fn finish_rates(r: &mut PolnearReport, rows: &mut [ConstructionRow]) {
    for row in rows.iter_mut().chain(r.by_cue_known.values_mut()) {
        let of = |n: usize| {
            if row.gold == 0 {
                0.0
            } else {
                n as f64 / row.gold as f64
            }
        };
        row.recall = of(row.found);
        row.baseline_recall = of(row.baseline_found);
    }
    for k in r.by_kind.values_mut() {
        k.precision = k.matched as f64 / k.predicted.max(1) as f64;
    }
}

/// Runs the evaluation on every annotated article under `dir`.
pub fn eval_polnear(an: &Analyzer, dir: &Path) -> Result<PolnearReport, EvalError> {
    let (docs, unannotated) = load(dir)?;
    let mut r = PolnearReport {
        dataset: format!("PolNeAR ({})", dir.display()),
        articles: docs.len(),
        unannotated,
        ..PolnearReport::default()
    };
    let mut rows: Vec<ConstructionRow> = CONSTRUCTIONS
        .iter()
        .map(|&c| ConstructionRow {
            construction: c,
            ..ConstructionRow::default()
        })
        .collect();
    let (mut missed, mut false_cues) = (BTreeMap::new(), BTreeMap::new());
    for d in &docs {
        let seg = segment(&d.text);
        let words = Words::new(&seg);
        let art = an.analyze(&d.name, &d.text);
        // Relations whose words all lie in set-aside boilerplate count for nothing, on either side.
        let discard = words.within(&d.gold.discard);
        let outside = |v: Vec<usize>| -> Vec<usize> {
            v.into_iter()
                .filter(|t| discard.binary_search(t).is_err())
                .collect()
        };
        let kept: Vec<usize> = (0..d.gold.relations.len())
            .filter(|&gi| {
                let c = &d.gold.relations[gi].content;
                c.is_empty() || !outside(words.within(c)).is_empty()
            })
            .collect();
        let gold: Vec<Scored> = kept
            .iter()
            .map(|&gi| {
                let g = &d.gold.relations[gi];
                Scored {
                    content: outside(words.within(&g.content)),
                    source: g.source.clone(),
                    name: None,
                    cue: g.cue.clone(),
                    kind: None,
                }
            })
            .collect();
        let marks = quoted_stretches(&d.text, &seg);
        let strip = |v: Vec<Scored>| -> Vec<Scored> {
            v.into_iter()
                .map(|s| Scored {
                    content: outside(s.content),
                    ..s
                })
                .filter(|s| !s.content.is_empty())
                .collect()
        };
        let base = strip(
            marks
                .iter()
                .map(|m| Scored {
                    content: words.within(&[*m]),
                    ..Scored::default()
                })
                .collect(),
        );
        let pred = strip(predicted(&art, &words));
        let pairs = score_side(&d.text, &pred, &gold, &discard, &mut r.framelens);
        let bpairs = score_side(&d.text, &base, &gold, &discard, &mut r.baseline);
        r.gold_relations += gold.len();
        for (pos, &gi) in kept.iter().enumerate() {
            let g = &d.gold.relations[gi];
            let found = pairs.iter().any(|&(_, x)| x == pos);
            let base_found = bpairs.iter().any(|&(_, x)| x == pos);
            let known = cue_text(&d.text, &g.cue)
                .split(|c: char| !c.is_alphanumeric())
                .any(crate::analysis::words::is_relation_cue_word);
            let name = if known {
                "cue framelens reads"
            } else {
                "other cue"
            };
            for row in [
                &mut rows[construction(&d.text, &seg, g)],
                r.by_cue_known
                    .entry(name)
                    .or_insert_with(|| ConstructionRow {
                        construction: name,
                        ..ConstructionRow::default()
                    }),
            ] {
                row.gold += 1;
                row.found += usize::from(found);
                row.baseline_found += usize::from(base_found);
            }
            if !found {
                *missed.entry(cue_text(&d.text, &g.cue)).or_insert(0) += 1;
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            let kind = p.kind.map_or("?", Kind::as_str);
            let row = r.by_kind.entry(kind).or_default();
            row.predicted += 1;
            if pairs.iter().any(|&(x, _)| x == pi) {
                row.matched += 1;
            } else {
                *false_cues.entry(cue_text(&d.text, &p.cue)).or_insert(0) += 1;
            }
        }
        hit_voices(&art, &d.gold, &marks, &mut r.hit_voice);
    }
    finish_rates(&mut r, &mut rows);
    r.constructions = rows;
    r.missed_cues = super::count_sorted(missed, 20);
    r.false_cues = super::count_sorted(false_cues, 20);
    Ok(r)
}

fn pct(x: f64) -> String {
    format!("{x:.3}")
}

/// The report as text.
pub fn render_text(r: &PolnearReport) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {} ==", r.dataset);
    let _ = writeln!(
        s,
        "{} articles ({} without annotation not scored), {} gold attributions",
        r.articles, r.unannotated, r.gold_relations
    );
    let _ = writeln!(
        s,
        "\n                       framelens              quotation marks only"
    );
    let _ = writeln!(
        s,
        "                       P      R      F1      P      R      F1"
    );
    for (name, a, b) in [
        ("content tokens", &r.framelens.tokens, &r.baseline.tokens),
        ("relations", &r.framelens.relations, &r.baseline.relations),
        ("cues", &r.framelens.cues, &r.baseline.cues),
    ] {
        let _ = writeln!(
            s,
            "  {name:<20} {} {} {}   {} {} {}",
            pct(a.precision),
            pct(a.recall),
            pct(a.f1),
            pct(b.precision),
            pct(b.recall),
            pct(b.f1)
        );
    }
    let (a, b) = (&r.framelens.source, &r.baseline.source);
    let _ = writeln!(
        s,
        "  source (matched)     {} ({}/{})      {} ({}/{})",
        pct(a.accuracy),
        a.correct,
        a.n,
        pct(b.accuracy),
        b.correct,
        b.n
    );
    let _ = writeln!(
        s,
        "\nRelation recall by construction (framelens / quotation marks only):"
    );
    for c in r.constructions.iter().chain(r.by_cue_known.values()) {
        let _ = writeln!(
            s,
            "  {:<44} {:>5} gold  {}  {}",
            c.construction,
            c.gold,
            pct(c.recall),
            pct(c.baseline_recall)
        );
    }
    let _ = writeln!(s, "\nPrecision by kind of relation:");
    for (k, row) in &r.by_kind {
        let _ = writeln!(
            s,
            "  {k:<12} {} ({}/{})",
            pct(row.precision),
            row.matched,
            row.predicted
        );
    }
    let hv = &r.hit_voice;
    let _ = writeln!(
        s,
        "\nVoice of the lexicon hits against this gold: author vs not {} ({}/{}), \
         quotation marks only {}; author/quote/reported {}",
        pct(hv.author_vs_not.accuracy),
        hv.author_vs_not.correct,
        hv.author_vs_not.n,
        pct(hv.baseline_author_vs_not.accuracy),
        pct(hv.three_way.accuracy)
    );
    for (name, list) in [
        ("Cues of missed attributions", &r.missed_cues),
        ("Cues of attributions not in the gold", &r.false_cues),
    ] {
        let items: Vec<String> = list.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let _ = writeln!(s, "\n{name}: {}", items.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Çavuşoğlu said it.\nNext line.";

    #[test]
    fn character_offsets_become_byte_offsets() {
        // "said" is characters 10..14 and bytes 13..17; "it" follows the multi-byte name.
        let ann = "T1\tSource 0 9\tÇavuşoğlu\nT2\tCue 10 14\tsaid\nT3\tContent 15 17;19 23\tit Next\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 \n#1\tAnnotatorNotes T1\tok\n";
        let a = parse("x.ann", ann, TEXT).unwrap();
        assert_eq!(a.relations.len(), 1);
        let r = &a.relations[0];
        assert_eq!(r.source[0].slice(TEXT), "Çavuşoğlu");
        assert_eq!(r.cue[0].slice(TEXT), "said");
        let parts: Vec<&str> = r.content.iter().map(|s| s.slice(TEXT)).collect();
        assert_eq!(parts, ["it", "Next"]);
    }

    #[test]
    fn a_span_text_may_run_over_a_line_break() {
        let ann = "T1\tContent 15 23\tit.\n\nNext\nE1\tAttribution:T1 Content:T1\n";
        let a = parse("x.ann", ann, TEXT).unwrap();
        assert_eq!(a.relations[0].content[0].slice(TEXT), "it.\nNext");
    }

    #[test]
    fn malformed_lines_are_located() {
        let rows: &[(&str, &str)] = &[
            (
                "hello\n",
                "x.ann:1:1: not a brat annotation line: \"hello\"",
            ),
            (
                "T1\tContent 0 99\tx\n",
                "x.ann:1:12: offsets 0..99 pass the end of the text (29 characters)",
            ),
            (
                "T1\tContent 4 2\tx\n",
                "x.ann:1:12: offsets 4..2 end before they start",
            ),
            (
                "T1\tContent a 2\tx\n",
                "x.ann:1:12: offset \"a\" is not a number",
            ),
            (
                "T1\tContent 0 2 3\tx\n",
                "x.ann:1:12: a fragment is START END, found \"0 2 3\"",
            ),
            (
                "T1\tContent 0 2;5\tx\n",
                "x.ann:1:16: a fragment is START END, found \"5\"",
            ),
            (
                "T1\tContent\n",
                "x.ann:1:4: a text-bound annotation needs offsets after its type",
            ),
            (
                "T1\n",
                "x.ann:1:3: a text-bound annotation needs a type and offsets",
            ),
            (
                "T1\tCue 0 2\tÇa\nE1\tAttribution:T1 Cue:T7\n",
                "x.ann:2:19: T7 is not defined in this file",
            ),
            (
                "T1\tCue 0 2\tÇa\nE1\tAttribution:T1 Cue\n",
                "x.ann:2:19: an event argument is ROLE:ID, found \"Cue\"",
            ),
        ];
        for &(ann, want) in rows {
            let e = parse("x.ann", ann, TEXT).expect_err(ann);
            assert_eq!(e.to_string(), want, "{ann:?}");
        }
    }

    fn scored(content: &[usize]) -> Scored {
        Scored {
            content: content.to_vec(),
            ..Scored::default()
        }
    }

    #[test]
    fn relations_match_one_to_one_on_half_the_words_of_either() {
        let gold = [scored(&[0, 1, 2, 3, 4, 5]), scored(&[10, 11])];
        // Inside the first gold (all of its own words), overlapping the second by half of the
        // gold's words, and a third sharing one word of six with the first: no match.
        let pred = [
            scored(&[1, 2]),
            scored(&[11, 12, 13, 14]),
            scored(&[5, 20, 21, 22, 23, 24]),
        ];
        assert_eq!(match_relations(&pred, &gold), vec![(0, 0), (1, 1)]);
        // Two predictions for one gold: the larger overlap wins, the other stays unmatched.
        let pred = [scored(&[0, 1]), scored(&[0, 1, 2, 3])];
        assert_eq!(match_relations(&pred, &gold), vec![(1, 0)]);
    }

    #[test]
    fn sources_match_by_span_or_by_name() {
        let text = "Mrs. Clinton said so. He agreed.";
        let gold = Scored {
            source: vec![Span::new(0, 12)],
            ..Scored::default()
        };
        let by_name = Scored {
            source: vec![Span::new(22, 24)],
            name: Some("Hillary Clinton".into()),
            ..Scored::default()
        };
        let other = Scored {
            source: vec![Span::new(22, 24)],
            name: Some("He".into()),
            ..Scored::default()
        };
        assert!(source_ok(text, &by_name, &gold));
        assert!(!source_ok(text, &other, &gold));
        assert!(source_ok(text, &Scored::default(), &Scored::default()));
        assert!(!source_ok(text, &Scored::default(), &gold));
    }
}
