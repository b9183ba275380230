//! Loaded language on the SemEval-2023 Task 3 persuasion-technique spans (the English articles of
//! the Propaganda Techniques Corpus): how much of the field's loaded wording the lexicons find,
//! and whether what they find is loaded at all.
//!
//! `framelens eval --semeval-spans DIR` reads `DIR/articles/articleID.txt` and
//! `DIR/labels/articleID-labels-subtask-3.txt` (one span per line: article id, technique, start,
//! end, in characters; they become bytes). With the lexicons in use it measures:
//! - span precision, recall and F1 with the SemEval-2020 partial-overlap metric
//!   ([`super::metrics::partial`]) of the *label* hits against `Loaded_Language ∪
//!   Name_Calling-Labeling`, and the same for every hit;
//! - precision against the spans of *any* technique, by entry kind (label, act, attribution,
//!   distancing) and for label hits with a stance other than 0;
//! - recall on the gold spans (of the two techniques) that hold conflict vocabulary
//!   ([`CONFLICT_STEMS`]): a span is found when a hit covers its conflict word;
//! - the twenty most frequent misses (gold spans no hit overlaps) and false alarms (label hits
//!   that overlap no span of any technique), for the lexicon work.
//!
//! What it does not do: judge whether a false alarm is a loaded use the corpus leaves
//! unannotated; that reading is done by hand and recorded in `docs/accuracy.md`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::metrics::{Prf, partial};
use super::{EvalError, LineError};
use crate::analysis::{Analyzer, Hit};
use crate::lexicon::Kind;
use crate::text::Span;

/// One technique span, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Technique {
    /// The technique's name as in the label file (`Loaded_Language`...).
    pub technique: String,
    /// Byte span into the article's text.
    pub span: Span,
}

/// The techniques that name loaded wording: the gold of the span figures.
pub const LOADED: [&str; 2] = ["Loaded_Language", "Name_Calling-Labeling"];

/// Word beginnings that make a gold span conflict vocabulary (a word of the span starts with
/// one, in lower case).
pub const CONFLICT_STEMS: &[&str] = &[
    "terror",
    "extremis",
    "jihad",
    "regime",
    "militant",
    "occupation",
    "occupier",
    "invasion",
    "invader",
    "aggression",
    "aggressor",
    "propaganda",
    "insurgen",
    "genocid",
    "massacre",
    "puppet",
    "junta",
    "dictator",
    "tyrant",
    "separatist",
    "mercenar",
    "warlord",
    "caliphate",
];

/// Parses a label file of `text`: `ID<TAB>technique<TAB>start<TAB>end` per line, offsets in
/// characters.
pub fn parse(path: &str, labels: &str, text: &str) -> Result<Vec<Technique>, LineError> {
    let bytes = super::char_starts(text);
    let mut out = Vec::new();
    for (i, line) in labels.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let err = |column: usize, message: String| LineError {
            path: path.to_owned(),
            line: i + 1,
            column,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(err(
                1,
                format!(
                    "a label line has 4 tab-separated fields (id, technique, start, end), found {}",
                    cols.len()
                ),
            ));
        }
        let column_of = |k: usize| cols[..k].iter().map(|c| c.len() + 1).sum::<usize>() + 1;
        let num = |k: usize| {
            cols[k].parse::<usize>().map_err(|_| {
                err(
                    column_of(k),
                    format!("offset {:?} is not a number", cols[k]),
                )
            })
        };
        let (a, b) = (num(2)?, num(3)?);
        let (Some(&sa), Some(&sb)) = (bytes.get(a), bytes.get(b)) else {
            return Err(err(
                column_of(2),
                format!(
                    "offsets {a}..{b} pass the end of the article ({} characters)",
                    bytes.len() - 1
                ),
            ));
        };
        if a > b {
            return Err(err(
                column_of(2),
                format!("offsets {a}..{b} end before they start"),
            ));
        }
        out.push(Technique {
            technique: cols[1].to_owned(),
            span: Span::new(sa, sb),
        });
    }
    Ok(out)
}

/// An article with its technique spans.
pub struct Doc {
    /// The article's id: the stem of its file in `articles/`.
    pub name: String,
    /// The article's text.
    pub text: String,
    /// Its technique spans, in label-file order; empty when it has no label file.
    pub gold: Vec<Technique>,
}

/// Reads every article of `dir` (name order) with its label file; an article without one has
/// no span.
pub fn load(dir: &Path) -> Result<Vec<Doc>, EvalError> {
    let io = |p: &Path, e: std::io::Error| EvalError::Io {
        path: p.display().to_string(),
        source: e,
    };
    let articles = dir.join("articles");
    let files = super::sorted_files(&articles, "txt")?;
    if files.is_empty() {
        return Err(EvalError::Empty {
            folder: articles.display().to_string(),
            want: "articles (*.txt)",
        });
    }
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        let name = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let text = std::fs::read_to_string(&f).map_err(|e| io(&f, e))?;
        let lf = dir
            .join("labels")
            .join(format!("{name}-labels-subtask-3.txt"));
        let gold = match std::fs::read_to_string(&lf) {
            Ok(l) => parse(&lf.display().to_string(), &l, &text).map_err(EvalError::Line)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io(&lf, e)),
        };
        docs.push(Doc { name, text, gold });
    }
    Ok(docs)
}

/// Recall on the conflict-vocabulary subset.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ConflictRecall {
    /// Gold spans of the two techniques that hold conflict vocabulary.
    pub gold: usize,
    /// Of them, those whose conflict word a hit covers.
    pub found: usize,
    /// `found / gold`, or 0 when `gold` is 0.
    pub recall: f64,
    /// The missed spans (article, text), at most 40.
    pub missed: Vec<(String, String)>,
}

/// The report of `eval --semeval-spans`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SemevalReport {
    /// `SemEval-2023 Task 3 spans (DIR)`, with the folder given.
    pub dataset: String,
    /// Articles read, with or without a label file.
    pub articles: usize,
    /// Spans of `Loaded_Language` and `Name_Calling-Labeling`.
    pub loaded_spans: usize,
    /// Spans of every technique.
    pub technique_spans: usize,
    /// Label hits against the two techniques (partial overlap).
    pub labels: Prf,
    /// Every hit against the two techniques.
    pub all_hits: Prf,
    /// Precision against any technique, by entry kind, and `label, stance ≠ 0`.
    pub precision_any: BTreeMap<String, Prf>,
    /// Recall on the gold spans of the two techniques that hold conflict vocabulary.
    pub conflict: ConflictRecall,
    /// Gold spans of the two techniques no hit overlaps (lower case), most frequent first.
    pub misses: Vec<(String, usize)>,
    /// Label hits that overlap no span of any technique (the term id), most frequent first.
    pub false_alarms: Vec<(String, usize)>,
    /// Every label hit with a stance other than 0 that overlaps no span of any technique, in
    /// document order: the hits to sort into a sense the lexicon does not mean and a loaded use
    /// the corpus leaves unmarked (`--format json` only).
    pub unmarked: Vec<Unmarked>,
}

/// A label hit with a stance that no technique span overlaps.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Unmarked {
    /// The article's id.
    pub document: String,
    /// Lexicon entry id of the hit.
    pub term: String,
    /// The hit's text as written in the document.
    pub text: String,
    /// Byte offsets into the document.
    pub start: usize,
    /// End of the hit, exclusive (a byte offset into the document).
    pub end: usize,
    /// The whole sentence the hit is in.
    pub sentence: String,
}

/// The conflict word of a gold span: the first word that starts with a conflict stem, as a
/// byte span of the text.
fn conflict_word(text: &str, s: Span) -> Option<Span> {
    let slice = s.slice(text);
    let mut start = None;
    let ends = slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')));
    for (i, c) in ends {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let w = slice[b..i].to_lowercase();
                if CONFLICT_STEMS.iter().any(|p| w.starts_with(p)) {
                    return Some(Span::new(s.start + b, s.start + i));
                }
                start = None;
            }
            _ => {}
        }
    }
    None
}

fn spans<'a>(hits: impl Iterator<Item = &'a Hit>) -> Vec<Span> {
    hits.map(|h| Span::new(h.start, h.end)).collect()
}

/// Runs the evaluation on `dir` with the lexicons of `an`.
pub fn eval_semeval_spans(an: &Analyzer, dir: &Path) -> Result<SemevalReport, EvalError> {
    let docs = load(dir)?;
    let mut r = SemevalReport {
        dataset: format!("SemEval-2023 Task 3 spans ({})", dir.display()),
        articles: docs.len(),
        ..SemevalReport::default()
    };
    let (mut misses, mut false_alarms) = (BTreeMap::new(), BTreeMap::new());
    for d in &docs {
        let art = an.analyze(&d.name, &d.text);
        let loaded: Vec<Span> = d
            .gold
            .iter()
            .filter(|t| LOADED.contains(&t.technique.as_str()))
            .map(|t| t.span)
            .collect();
        let any: Vec<Span> = d.gold.iter().map(|t| t.span).collect();
        r.loaded_spans += loaded.len();
        r.technique_spans += any.len();
        let labels: Vec<&Hit> = art.hits.iter().filter(|h| h.kind == Kind::Label).collect();
        r.labels
            .add(&partial(&spans(labels.iter().copied()), &loaded));
        r.all_hits.add(&partial(&spans(art.hits.iter()), &loaded));
        for kind in [Kind::Label, Kind::Act, Kind::Attribution, Kind::Distancing] {
            let of_kind = spans(art.hits.iter().filter(|h| h.kind == kind));
            r.precision_any
                .entry(kind.as_str().to_owned())
                .or_default()
                .add(&partial(&of_kind, &any));
        }
        let loaded_labels = spans(labels.iter().copied().filter(|h| h.stance != 0));
        r.precision_any
            .entry("label, stance ≠ 0".to_owned())
            .or_default()
            .add(&partial(&loaded_labels, &any));
        for &g in &loaded {
            if !art
                .hits
                .iter()
                .any(|h| Span::new(h.start, h.end).overlaps(g))
            {
                *misses
                    .entry(g.slice(&d.text).trim().to_lowercase())
                    .or_insert(0) += 1;
            }
            let Some(w) = conflict_word(&d.text, g) else {
                continue;
            };
            r.conflict.gold += 1;
            if art
                .hits
                .iter()
                .any(|h| Span::new(h.start, h.end).contains(w))
            {
                r.conflict.found += 1;
            } else if r.conflict.missed.len() < 40 {
                r.conflict
                    .missed
                    .push((d.name.clone(), g.slice(&d.text).to_owned()));
            }
        }
        for h in &labels {
            if !any.iter().any(|g| g.overlaps(Span::new(h.start, h.end))) {
                *false_alarms.entry(h.term.to_string()).or_insert(0) += 1;
                if h.stance != 0 {
                    r.unmarked.push(Unmarked {
                        document: d.name.clone(),
                        term: h.term.to_string(),
                        text: h.text.clone(),
                        start: h.start,
                        end: h.end,
                        sentence: h.sentence_text.to_string(),
                    });
                }
            }
        }
    }
    r.conflict.recall = if r.conflict.gold == 0 {
        0.0
    } else {
        r.conflict.found as f64 / r.conflict.gold as f64
    };
    r.misses = super::count_sorted(misses, 20);
    r.false_alarms = super::count_sorted(false_alarms, 20);
    Ok(r)
}

/// The report as text.
pub fn render_text(r: &SemevalReport) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {} ==", r.dataset);
    let _ = writeln!(
        s,
        "{} articles, {} spans of Loaded_Language or Name_Calling-Labeling ({} spans of every technique)",
        r.articles, r.loaded_spans, r.technique_spans
    );
    let _ = writeln!(
        s,
        "\nSpans against Loaded_Language ∪ Name_Calling-Labeling (partial overlap):"
    );
    for (name, p) in [("label hits", &r.labels), ("every hit", &r.all_hits)] {
        let _ = writeln!(
            s,
            "  {name:<12} P {:.3}  R {:.3}  F1 {:.3}  ({} predicted)",
            p.precision, p.recall, p.f1, p.predicted
        );
    }
    let _ = writeln!(s, "\nPrecision against any technique:");
    for (k, p) in &r.precision_any {
        let _ = writeln!(s, "  {k:<18} {:.3} ({} hits)", p.precision, p.predicted);
    }
    let c = &r.conflict;
    let _ = writeln!(
        s,
        "\nRecall on conflict vocabulary: {:.3} ({}/{} spans whose conflict word a hit covers)",
        c.recall, c.found, c.gold
    );
    for (a, t) in &c.missed {
        let _ = writeln!(s, "  missed in {a}: {t:?}");
    }
    for (name, list) in [
        ("Most frequent misses", &r.misses),
        (
            "Most frequent false alarms (label hits on no technique span)",
            &r.false_alarms,
        ),
    ] {
        let items: Vec<String> = list.iter().map(|(t, n)| format!("{t} ({n})")).collect();
        let _ = writeln!(s, "\n{name}: {}", items.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Çavuşoğlu: terrorists.\nJihad-style raid.";

    #[test]
    fn character_offsets_become_byte_offsets() {
        // "terrorists" is characters 11..21, bytes 14..24.
        let t = parse("l.txt", "1\tLoaded_Language\t11\t21\n\n", TEXT).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].span.slice(TEXT), "terrorists");
        assert_eq!(t[0].technique, "Loaded_Language");
    }

    #[test]
    fn malformed_lines_are_located() {
        let rows: &[(&str, &str)] = &[
            (
                "1\tLoaded_Language\t11\n",
                "l.txt:1:1: a label line has 4 tab-separated fields (id, technique, start, end), found 3",
            ),
            ("1\tX\ta\t21\n", "l.txt:1:5: offset \"a\" is not a number"),
            ("1\tX\t11\tb\n", "l.txt:1:8: offset \"b\" is not a number"),
            (
                "1\tX\t11\t99\n",
                "l.txt:1:5: offsets 11..99 pass the end of the article (40 characters)",
            ),
            (
                "1\tX\t21\t11\n",
                "l.txt:1:5: offsets 21..11 end before they start",
            ),
        ];
        for &(labels, want) in rows {
            let e = parse("l.txt", labels, TEXT).expect_err(labels);
            assert_eq!(e.to_string(), want, "{labels:?}");
        }
    }

    #[test]
    fn the_conflict_word_of_a_span() {
        let whole = Span::new(0, TEXT.len());
        let w = conflict_word(TEXT, whole).unwrap();
        assert_eq!(w.slice(TEXT), "terrorists");
        let second = Span::new(TEXT.find("Jihad").unwrap(), TEXT.len());
        assert_eq!(conflict_word(TEXT, second).unwrap().slice(TEXT), "Jihad");
        assert_eq!(conflict_word("a raid", Span::new(0, 6)), None);
    }
}
