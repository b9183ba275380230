//! Reading the framelens gold format (one YAML file per article; `docs/gold-format.md`) into
//! evaluation documents. Entries are located by their sentence prefix and term; an entry that
//! cannot be located is reported, never dropped silently.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use serde::Serialize;

use super::error::EvalError;
use crate::lexicon::Lexicon;
use crate::text::Span;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    article: String,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

/// One annotated mention, as written in the file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldMention {
    term: String,
    actor: Option<String>,
    voice: String,
    speaker: Option<String>,
    sentence: String,
}

fn io(path: &Path, e: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        source: e,
    }
}

/// Finds each mention's span in `text`: the k-th entry of a (term, sentence) group goes to the
/// k-th whole-word occurrence of the term from the sentence prefix to the end of its paragraph;
/// when a group has more entries than occurrences (one phrase annotated once per actor), all take
/// the first.
fn locate(
    text: &str,
    mentions: &[GoldMention],
    misaligned: &mut Vec<String>,
    file: &str,
) -> Vec<Option<Span>> {
    let mut groups: Vec<((&str, &str), Vec<usize>)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = (m.term.as_str(), m.sentence.as_str());
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
        let para_end = text[pos..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| pos + i);
        let window = &text[pos..para_end];
        // Whole-word occurrences only: "terrorist" is not found inside "terrorists".
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let occ: Vec<usize> = window
            .match_indices(term)
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
    spans
}

/// Reads every `*.yaml` gold file in `gold_dir`; articles are looked up in `articles_dir`, or
/// beside the gold files.
pub fn load(
    lex: &Lexicon,
    gold_dir: &Path,
    articles_dir: Option<&Path>,
) -> Result<(Vec<EvalDoc>, Vec<String>), EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(|e| io(gold_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(EvalError::Empty {
            folder: gold_dir.display().to_string(),
            want: "gold files (*.yaml)",
        });
    }
    let mut docs = Vec::new();
    let mut misaligned = Vec::new();
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
                misaligned.push(format!(
                    "{shown}: article {} unreadable: {e}",
                    apath.display()
                ));
                continue;
            }
        };
        let spans = locate(&text, &gold.mentions, &mut misaligned, &shown);
        let gold_items = gold
            .mentions
            .into_iter()
            .zip(spans)
            .filter_map(|(m, span)| {
                let span = span?;
                let speaker = m
                    .speaker
                    .as_deref()
                    .filter(|_| m.voice != "author")
                    .and_then(|s| resolve_actor(lex, s));
                Some(GoldItem {
                    span,
                    term: m.term,
                    detect: true,
                    actor: Some(
                        m.actor
                            .as_deref()
                            .map(|a| resolve_actor(lex, a).unwrap_or_else(|| format!("?{a}"))),
                    ),
                    quoted: Some(matches!(m.voice.as_str(), "quote" | "scare")),
                    voice: Some(m.voice),
                    speaker,
                })
            })
            .collect();
        docs.push(EvalDoc {
            name: gold.article,
            text,
            gold: gold_items,
        });
    }
    Ok((docs, misaligned))
}

/// One annotated item of a document.
#[derive(Clone, Debug, Serialize)]
pub struct GoldItem {
    /// Byte span in the document's text.
    pub span: Span,
    /// The annotated term or phrase, as it stands at `span` in the text.
    pub term: String,
    /// Counts for phrase detection (BASIL: `lex` spans only).
    pub detect: bool,
    /// The gold actor id, when the annotation gives one: `Some(None)` means "describes no actor".
    pub actor: Option<Option<String>>,
    /// The gold voice (author / quote / reported / scare), when annotated.
    pub voice: Option<String>,
    /// Whether the item sits inside quotation marks, when annotated.
    pub quoted: Option<bool>,
    /// The speaker's actor id, when the gold names a speaker that is a known actor.
    pub speaker: Option<String>,
}

/// An article with its gold items.
#[derive(Clone, Debug)]
pub struct EvalDoc {
    /// The gold file's `article` (the article's path from its folder), or for BASIL the file
    /// stem `<uuid>_<k>`.
    pub name: String,
    /// The article text the gold spans index.
    pub text: String,
    /// Its gold items in file order; items that could not be placed in the text are left out
    /// (and reported).
    pub gold: Vec<GoldItem>,
}

/// Resolves a gold actor or speaker name to an actor id through the actor lexicon: exact name,
/// id, alias or person first (underscores read as spaces), then any alias or person surname that
/// appears in the string ("Hakan Fidan (Turkish Foreign Minister)").
pub fn resolve_actor(lex: &Lexicon, name: &str) -> Option<String> {
    let spaced = name.replace('_', " ");
    let n = spaced.trim().to_lowercase();
    for a in &lex.actors {
        let names = std::iter::once(&a.name).chain(&a.aliases).chain(
            a.people
                .iter()
                .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
        );
        if a.id.to_lowercase() == name.trim().to_lowercase()
            || a.id.to_lowercase() == n
            || names.clone().any(|x| x.to_lowercase() == n)
        {
            return Some(a.id.clone());
        }
    }
    let words: Vec<&str> = spaced
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .collect();
    for a in &lex.actors {
        let mut forms: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
        forms.push(&a.name);
        forms.extend(a.adjectives.iter().map(String::as_str));
        for p in &a.people {
            forms.push(&p.name);
            if let Some(s) = crate::analysis::actors::surname(&p.name) {
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
