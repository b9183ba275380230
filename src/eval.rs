//! Evaluation against hand annotations in the framelens gold format (one YAML file per article;
//! see `docs/gold-format.md`).
//!
//! Figures, per data set:
//! - **phrase detection** on unique (term, sentence) pairs: a predicted pair is right when its span
//!   overlaps a gold term in the same sentence; a gold pair is found when some hit overlaps it;
//! - **voice** and **actor** accuracy on the gold mentions the tool found (an actor is right when
//!   the gold actor, resolved through the actor lexicon, is among the hit's actors; a gold `null`
//!   actor is right when the hit has none);
//! - **speaker** accuracy on found non-author mentions whose gold speaker names a known actor.
//!
//! Gold entries are located by their sentence prefix and term; entries that cannot be located are
//! listed as misaligned, never dropped silently.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzer, Article};
use crate::diagnostic::Diagnostic;
use crate::lexicon::Lexicon;
use crate::text::Span;
use crate::voice::Voice;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    article: String,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

/// One annotated mention.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldMention {
    pub term: String,
    pub actor: Option<String>,
    pub voice: String,
    pub speaker: Option<String>,
    pub sentence: String,
}

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{0}")]
    Gold(Diagnostic),
    #[error("no gold files (*.yaml) in {0}")]
    Empty(String),
}

/// Precision, recall and F1 with their counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub gold_found: usize,
    pub predicted_right: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// An accuracy with its counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Accuracy {
    pub n: usize,
    pub correct: usize,
    pub accuracy: f64,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.correct += usize::from(ok);
        self.accuracy = self.correct as f64 / self.n as f64;
    }
}

/// A gold mention and what the tool made of it.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub article: String,
    pub term: String,
    pub sentence: String,
    pub gold_actor: Option<String>,
    pub gold_voice: String,
    pub found: Option<String>,
    pub actors: Vec<String>,
    pub voice: Option<Voice>,
    pub speaker: Option<String>,
}

/// Figures for one data set.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EvalReport {
    pub dataset: String,
    pub articles: usize,
    pub phrase: Prf,
    pub voice: Accuracy,
    /// gold voice -> predicted voice -> count
    pub voice_confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub author_vs_other: Accuracy,
    pub actor: Accuracy,
    pub speaker: Accuracy,
    pub misses: Vec<Outcome>,
    pub wrong_voice: Vec<Outcome>,
    pub wrong_actor: Vec<Outcome>,
    /// Predicted (term, sentence) pairs with no gold term there: text and sentence.
    pub false_alarms: Vec<(String, String, String)>,
    pub misaligned: Vec<String>,
}

fn io(path: &Path, e: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Resolves a gold actor or speaker name to an actor id through the actor lexicon: exact name,
/// id, alias or person first, then any alias or person surname that appears in the string.
pub fn resolve_actor(lex: &Lexicon, name: &str) -> Option<String> {
    let n = name.trim().to_lowercase();
    for a in &lex.actors {
        let names = std::iter::once(&a.name).chain(&a.aliases).chain(
            a.people
                .iter()
                .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
        );
        if a.id.to_lowercase() == n || names.clone().any(|x| x.to_lowercase() == n) {
            return Some(a.id.clone());
        }
    }
    // A longer description: "Hakan Fidan (Turkish Foreign Minister)", "Syrian army command".
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .collect();
    for a in &lex.actors {
        let mut forms: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
        forms.push(&a.name);
        forms.extend(a.adjectives.iter().map(String::as_str));
        for p in &a.people {
            forms.push(&p.name);
            if let Some(s) = crate::actors::surname(&p.name) {
                forms.push(s);
            }
        }
        for f in forms {
            let fw: Vec<&str> = f.split_whitespace().collect();
            if fw.is_empty() {
                continue;
            }
            if words
                .windows(fw.len())
                .any(|w| w.iter().zip(&fw).all(|(x, y)| x.eq_ignore_ascii_case(y)))
            {
                return Some(a.id.clone());
            }
        }
    }
    None
}

struct Located {
    mention: GoldMention,
    span: Option<Span>,
    sentence: Option<usize>,
}

/// Finds each gold mention's span in the article.
fn locate(
    article: &Article,
    mentions: Vec<GoldMention>,
    misaligned: &mut Vec<String>,
    file: &str,
) -> Vec<Located> {
    let text = &article.text;
    let mut out: Vec<Located> = Vec::with_capacity(mentions.len());
    // Group entries with the same term and sentence: k-th entry -> k-th occurrence, unless there
    // are more entries than occurrences (one phrase, several actors): then all take the first.
    let mut groups: Vec<((String, String), Vec<usize>)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = (m.term.clone(), m.sentence.clone());
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let mut spans: Vec<Option<Span>> = vec![None; mentions.len()];
    for ((term, prefix), idx) in &groups {
        let prefix = prefix.trim_end_matches('…').trim_end();
        let Some(pos) = text.find(prefix) else {
            misaligned.push(format!("{file}: sentence not found: {prefix:?}"));
            continue;
        };
        // Search from the prefix to the end of its paragraph.
        let para_end = text[pos..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| pos + i);
        let window = &text[pos..para_end];
        // Whole-word occurrences only: "terrorist" is not found inside "terrorists".
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let occ: Vec<usize> = window
            .match_indices(term.as_str())
            .filter(|(i, _)| {
                !word(window[..*i].chars().next_back())
                    && !word(window[i + term.len()..].chars().next())
            })
            .map(|(i, _)| pos + i)
            .collect();
        if occ.is_empty() {
            misaligned.push(format!(
                "{file}: term {term:?} not found in sentence {prefix:?}"
            ));
            continue;
        }
        for (k, &i) in idx.iter().enumerate() {
            let at = if idx.len() <= occ.len() {
                occ[k]
            } else {
                occ[0]
            };
            spans[i] = Some(Span::new(at, at + term.len()));
        }
    }
    for (m, span) in mentions.into_iter().zip(spans) {
        let sentence = span.and_then(|s| {
            article
                .sentence_spans
                .iter()
                .position(|x| x.start <= s.start && s.start < x.end)
        });
        out.push(Located {
            mention: m,
            span,
            sentence,
        });
    }
    out
}

/// Evaluates the analyzer on every `*.yaml` gold file in `gold_dir`; articles are looked up in
/// `articles_dir` (or beside the gold file).
pub fn eval_gold(
    an: &Analyzer,
    gold_dir: &Path,
    articles_dir: Option<&Path>,
) -> Result<EvalReport, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(|e| io(gold_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(EvalError::Empty(gold_dir.display().to_string()));
    }
    let lex = &an.lexicon;
    let mut r = EvalReport {
        dataset: format!("framelens gold ({})", gold_dir.display()),
        ..EvalReport::default()
    };
    for f in files {
        let shown = f.display().to_string();
        let src = std::fs::read_to_string(&f).map_err(|e| io(&f, e))?;
        let gold: GoldFile =
            crate::lexicon::yaml::from_str(&shown, &src).map_err(EvalError::Gold)?;
        let dir = articles_dir.map_or_else(
            || f.parent().unwrap_or(Path::new(".")).to_path_buf(),
            Path::to_path_buf,
        );
        let apath = dir.join(&gold.article);
        let text = match std::fs::read_to_string(&apath) {
            Ok(t) => t,
            Err(e) => {
                r.misaligned.push(format!(
                    "{shown}: article {} unreadable: {e}",
                    apath.display()
                ));
                continue;
            }
        };
        let article = an.analyze(&gold.article, &text);
        r.articles += 1;
        let located = locate(&article, gold.mentions, &mut r.misaligned, &shown);
        score_article(lex, &article, &located, &mut r);
    }
    let p = &mut r.phrase;
    p.precision = ratio(p.predicted_right, p.predicted);
    p.recall = ratio(p.gold_found, p.gold);
    p.f1 = if p.precision + p.recall > 0.0 {
        2.0 * p.precision * p.recall / (p.precision + p.recall)
    } else {
        0.0
    };
    Ok(r)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn score_article(lex: &Lexicon, art: &Article, located: &[Located], r: &mut EvalReport) {
    // Phrase detection on unique (term, sentence) pairs.
    let mut gold_pairs: Vec<(String, usize, Vec<Span>)> = Vec::new();
    for l in located {
        let (Some(s), Some(sp)) = (l.sentence, l.span) else {
            continue;
        };
        let key = l.mention.term.to_lowercase();
        match gold_pairs.iter_mut().find(|g| g.0 == key && g.1 == s) {
            Some(g) => g.2.push(sp),
            None => gold_pairs.push((key, s, vec![sp])),
        }
    }
    let mut pred_pairs: Vec<(String, usize, Vec<Span>)> = Vec::new();
    for h in &art.hits {
        let key = h.text.to_lowercase();
        let sp = Span::new(h.start, h.end);
        match pred_pairs
            .iter_mut()
            .find(|g| g.0 == key && g.1 == h.sentence)
        {
            Some(g) => g.2.push(sp),
            None => pred_pairs.push((key, h.sentence, vec![sp])),
        }
    }
    r.phrase.gold += gold_pairs.len();
    r.phrase.predicted += pred_pairs.len();
    for g in &gold_pairs {
        if pred_pairs
            .iter()
            .any(|p| p.1 == g.1 && p.2.iter().any(|a| g.2.iter().any(|b| a.overlaps(*b))))
        {
            r.phrase.gold_found += 1;
        }
    }
    for p in &pred_pairs {
        if gold_pairs
            .iter()
            .any(|g| g.1 == p.1 && g.2.iter().any(|b| p.2.iter().any(|a| a.overlaps(*b))))
        {
            r.phrase.predicted_right += 1;
        } else {
            let s = art
                .sentence_spans
                .get(p.1)
                .map_or("", |s| s.slice(&art.text));
            r.false_alarms
                .push((art.name.clone(), p.0.clone(), s.chars().take(80).collect()));
        }
    }
    // Voice, actor and speaker on the gold mentions found.
    for l in located {
        let Some(sp) = l.span else { continue };
        let hit = art
            .hits
            .iter()
            .filter(|h| Span::new(h.start, h.end).overlaps(sp))
            .max_by_key(|h| h.end.min(sp.end) - h.start.max(sp.start));
        let gold_actor = l
            .mention
            .actor
            .as_deref()
            .map(|a| resolve_actor(lex, a).unwrap_or_else(|| format!("?{a}")));
        let mut o = Outcome {
            article: art.name.clone(),
            term: l.mention.term.clone(),
            sentence: l.mention.sentence.clone(),
            gold_actor: gold_actor.clone(),
            gold_voice: l.mention.voice.clone(),
            found: None,
            actors: Vec::new(),
            voice: None,
            speaker: None,
        };
        let Some(h) = hit else {
            r.misses.push(o);
            continue;
        };
        o.found = Some(h.text.clone());
        o.actors = h.actors.clone();
        o.voice = Some(h.voice);
        o.speaker = h.speaker.clone();
        let voice_ok = h.voice.as_str() == l.mention.voice;
        r.voice.add(voice_ok);
        r.author_vs_other
            .add((h.voice == Voice::Author) == (l.mention.voice == "author"));
        *r.voice_confusion
            .entry(l.mention.voice.clone())
            .or_default()
            .entry(h.voice.as_str().to_owned())
            .or_default() += 1;
        let actor_ok = match &gold_actor {
            Some(a) => h.actors.contains(a),
            None => h.actors.is_empty(),
        };
        r.actor.add(actor_ok);
        if l.mention.voice != "author"
            && let Some(gs) = &l.mention.speaker
            && let Some(ga) = resolve_actor(lex, gs)
        {
            r.speaker
                .add(h.speaker_actor.as_deref() == Some(ga.as_str()));
        }
        if !voice_ok {
            r.wrong_voice.push(o.clone());
        }
        if !actor_ok {
            r.wrong_actor.push(o);
        }
    }
}

/// Renders an evaluation report as text.
pub fn render_text(r: &EvalReport) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {} articles", r.dataset, r.articles);
    let p = &r.phrase;
    let _ = writeln!(
        s,
        "phrase detection (unique term, sentence pairs; overlap): precision {:.3} ({}/{}), recall {:.3} ({}/{}), F1 {:.3}",
        p.precision, p.predicted_right, p.predicted, p.recall, p.gold_found, p.gold, p.f1
    );
    let acc = |a: &Accuracy| format!("{:.3} ({}/{})", a.accuracy, a.correct, a.n);
    let _ = writeln!(s, "voice accuracy on found mentions: {}", acc(&r.voice));
    let _ = writeln!(
        s,
        "author vs not-author accuracy: {}",
        acc(&r.author_vs_other)
    );
    let _ = writeln!(s, "actor accuracy on found mentions: {}", acc(&r.actor));
    let _ = writeln!(
        s,
        "speaker accuracy (non-author, gold speaker a known actor): {}",
        acc(&r.speaker)
    );
    let _ = writeln!(s, "voice confusion (gold -> predicted):");
    for (g, row) in &r.voice_confusion {
        let cells = row
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(s, "  {g}: {cells}");
    }
    let list = |s: &mut String, title: &str, v: &[Outcome]| {
        if v.is_empty() {
            return;
        }
        let _ = writeln!(s, "{title}:");
        for o in v {
            let _ = writeln!(
                s,
                "  {:?} in {:?}: gold {} / {}; tool {} / {}",
                o.term,
                o.sentence.chars().take(50).collect::<String>(),
                o.gold_actor.as_deref().unwrap_or("null"),
                o.gold_voice,
                if o.actors.is_empty() {
                    "none".to_owned()
                } else {
                    o.actors.join("+")
                },
                o.voice.map_or("-", |v| v.as_str())
            );
        }
    };
    list(&mut s, "missed", &r.misses);
    list(&mut s, "wrong voice", &r.wrong_voice);
    list(&mut s, "wrong actor", &r.wrong_actor);
    if !r.false_alarms.is_empty() {
        let _ = writeln!(s, "false alarms:");
        for (a, t, sent) in &r.false_alarms {
            let _ = writeln!(s, "  {a}: {t:?} in {sent:?}");
        }
    }
    if !r.misaligned.is_empty() {
        let _ = writeln!(s, "misaligned gold entries:");
        for m in &r.misaligned {
            let _ = writeln!(s, "  {m}");
        }
    }
    s
}
