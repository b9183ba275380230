//! Evaluation: how often framelens finds the annotated terms, and how often their voice, actor and
//! speaker are right, beside a window baseline, on annotated data sets (the framelens gold format,
//! [`gold`]; BASIL, [`basil`]). Actor linking and coreference on NewsWCL50 are measured apart, in
//! [`newswcl`], with the coreference metrics in [`coref`]; so are attribution relations on
//! PolNeAR ([`polnear`]), loaded-language spans on SemEval-2023 Task 3 ([`semeval`]) and entity
//! framing on SemEval-2025 Task 10 ([`entity`]).
//!
//! Every data set becomes a list of [`EvalDoc`]s: an article's text and its gold items (span, and
//! whichever of voice, quotation, actor and speaker the annotation gives). [`score`] analyses each
//! article and measures:
//! - **phrase detection** on the gold items marked `detect`: exact spans, partial credit for
//!   overlap (the SemEval-2020 Task 11 span metric, [`metrics`]), and for the framelens gold format
//!   unique (term, sentence) pairs, where a predicted pair is right when it overlaps a gold term in
//!   the same sentence;
//! - on every gold item a hit overlaps (the found ones): **voice** (four-way, with a confusion
//!   matrix), author vs not-author, quoted vs not quoted, **actor** (right when the gold actor is
//!   among the hit's actors; a gold `null` is right when the hit has none) and **speaker** (on
//!   items whose gold speaker names a known actor);
//! - the same for the **baseline** ([`baseline`]) on the same hits, so the gain of the voice and
//!   attribution rules is visible;
//! - misses and false alarms, per term and per category.

pub mod baseline;
pub mod basil;
pub mod coref;
pub mod entity;
pub(crate) mod error;
pub mod gold;

pub use error::{EvalError, LineError};
pub(crate) use error::{char_starts, sorted_files};
pub use gold::{EvalDoc, GoldItem, resolve_actor};
pub mod metrics;
pub mod newswcl;
pub mod polnear;
pub mod semeval;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::analysis::voice::Voice;
use crate::analysis::{Analyzer, Hit};
use crate::lexicon::Lexicon;
use crate::text::Span;
use metrics::{Accuracy, Confusion, Prf, confuse};

/// Voice, actor and speaker figures for one method.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    /// Four-way voice (author, quote, reported, scare), on found items with a gold voice.
    pub voice: Accuracy,
    /// gold voice -> predicted voice -> count
    pub voice_confusion: Confusion,
    /// Author vs not-author, on found items with a gold voice.
    pub author_vs_other: Accuracy,
    /// Quoted (quote or scare voice) vs not quoted, on found items whose gold says which.
    pub quote_vs_other: Accuracy,
    /// Actor, on found items whose gold gives an actor or none: right when the gold actor is among
    /// the actors (a `?name` actor: an unlisted party with the same words, or an unnamed one
    /// whose terms have that head), or when both have none.
    pub actor: Accuracy,
    /// Speaker, on found items whose gold speaker is a known actor: right when the hit's speaker
    /// resolves to that actor id (the baseline names no speaker, so is never right).
    pub speaker: Accuracy,
}

/// A gold item and what the tool made of it.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// Name of the article.
    pub article: String,
    /// The gold term, as annotated.
    pub term: String,
    /// The first 80 characters of the sentence where the gold span starts (empty if none).
    pub sentence: String,
    /// The gold actor id (`?name` for one the lexicon does not know); `None` when the gold gives
    /// no actor or says the item describes none.
    pub gold_actor: Option<String>,
    /// The gold voice (author / quote / reported / scare), when annotated.
    pub gold_voice: Option<String>,
    /// Text of the hit that overlaps the gold span most (the first on a tie); `None` when missed.
    pub found: Option<String>,
    /// Actor ids of that hit; empty when missed or when the hit has none.
    pub actors: Vec<String>,
    /// Voice of that hit; `None` when missed.
    pub voice: Option<Voice>,
    /// Speaker of that hit as written; `None` when missed or when the hit names no speaker.
    pub speaker: Option<String>,
    /// The rule that linked the hit's actors.
    pub rule: Option<String>,
}

/// A hit with no gold item under it.
#[derive(Clone, Debug, Serialize)]
pub struct FalseAlarm {
    /// Name of the article.
    pub article: String,
    /// The hit's text as written in the article.
    pub text: String,
    /// Lexicon entry id of the hit.
    pub term: String,
    /// Category of that entry.
    pub category: String,
    /// The first 80 characters of the hit's sentence.
    pub sentence: String,
}

/// Figures for one data set in one mode.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EvalReport {
    /// The data set and its folder ("framelens gold (DIR)", "BASIL (DIR)").
    pub dataset: String,
    /// Which lexicon produced the figures ("default lexicons", "oracle lexicon"...).
    pub mode: String,
    /// Articles scored.
    pub articles: usize,
    /// Gold items located in the articles, whether marked `detect` or not.
    pub gold_items: usize,
    /// Gold items that some hit overlaps.
    pub found: usize,
    /// Unique (term, sentence) pairs, overlap matching (framelens gold format only).
    pub phrase_pairs: Option<Prf>,
    /// Phrase detection on the `detect` items, exact spans.
    pub phrase_exact: Prf,
    /// Phrase detection on the `detect` items, partial credit for overlap (SemEval-2020 Task 11).
    pub phrase_partial: Prf,
    /// Voice, actor and speaker figures of framelens on the found items.
    pub tool: Figures,
    /// The same figures for the window baseline on the same hits.
    pub baseline: Figures,
    /// Actor accuracy by the rule that linked the item's hit (`none` for a hit with no actor):
    /// which rules earn their place.
    pub actor_by_rule: BTreeMap<String, Accuracy>,
    /// Missed detection items, by lower-cased term, most frequent first.
    pub misses_by_term: Vec<(String, usize)>,
    /// Missed detection items by the category of the entry that matches the term on its own, or
    /// "(no lexicon entry)": a lexicon author sees what is missing and what is matched but lost
    /// in context (an exclusion, a longer match).
    pub misses_by_category: Vec<(String, usize)>,
    /// False alarms by lower-cased hit text, most frequent first (at most 20).
    pub false_alarms_by_term: Vec<(String, usize)>,
    /// False alarms by the category of the hit's entry, most frequent first (at most 20).
    pub false_alarms_by_category: Vec<(String, usize)>,
    /// Detection items that no hit overlaps.
    pub misses: Vec<Outcome>,
    /// Found items whose gold voice the tool got wrong.
    pub wrong_voice: Vec<Outcome>,
    /// Found items whose quotation (inside quotation marks or not) the tool got wrong.
    pub wrong_quote: Vec<Outcome>,
    /// Found items whose gold actor the tool got wrong.
    pub wrong_actor: Vec<Outcome>,
    /// Hits that overlap no detection item.
    pub false_alarms: Vec<FalseAlarm>,
    /// Problems met reading the data (a gold entry not found in its article, an unreadable file);
    /// those entries are not scored.
    pub misaligned: Vec<String>,
}

/// Evaluates the analyzer on a folder in the framelens gold format.
pub fn eval_gold(
    an: &Analyzer,
    gold_dir: &Path,
    articles_dir: Option<&Path>,
) -> Result<EvalReport, EvalError> {
    let (docs, misaligned) = gold::load(&an.lexicon, gold_dir, articles_dir)?;
    let dataset = format!("framelens gold ({})", gold_dir.display());
    Ok(score(an, &dataset, &mode_name(an), &docs, misaligned, true))
}

/// Turns BASIL documents into evaluation documents: every span is scored for quotation, target and
/// speaker; only `lex` spans count for detection. Targets and named speakers are resolved through
/// `lex` (an entity the lexicon does not know can never be matched, and is kept as `?name`).
fn basil_docs(lex: &Lexicon, docs: &[basil::BasilDoc]) -> Vec<EvalDoc> {
    docs.iter()
        .map(|d| EvalDoc {
            name: d.name.clone(),
            text: d.text.clone(),
            gold: d
                .spans
                .iter()
                .map(|s| GoldItem {
                    span: s.span,
                    term: s.txt.clone(),
                    detect: s.lex,
                    actor: s
                        .target
                        .as_ref()
                        .map(|t| Some(resolve_actor(lex, t).unwrap_or_else(|| format!("?{t}")))),
                    voice: None,
                    quoted: Some(s.quote),
                    speaker: s
                        .speaker
                        .as_deref()
                        .filter(|sp| !sp.starts_with("other_"))
                        .and_then(|sp| resolve_actor(lex, sp)),
                })
                .collect(),
        })
        .collect()
}

/// Evaluates on BASIL (`dir` is the folder with `articles/` and `annotations/`) twice: with the
/// analyzer's own lexicons, and with an oracle lexicon built from the gold span texts and the gold
/// entities, so that voice and attribution are measured apart from lexicon coverage.
pub fn eval_basil(an: &Analyzer, dir: &Path) -> Result<Vec<EvalReport>, EvalError> {
    let (docs, problems) = basil::load(dir).map_err(|e| EvalError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    let dataset = format!("BASIL ({})", dir.display());
    let own = score(
        an,
        &dataset,
        &format!("{}; detection on lex spans", mode_name(an)),
        &basil_docs(&an.lexicon, &docs),
        problems.clone(),
        false,
    );
    let yaml = basil::oracle_lexicon_yaml(&docs);
    let lex = crate::lexicon::LexiconBuilder::new()
        .text("oracle:basil", &yaml)
        .build()
        .map_err(|e| EvalError::Oracle(e.to_string()))?;
    let oracle = Analyzer::new(lex).map_err(|e| EvalError::Oracle(e.to_string()))?;
    let oracle_report = score(
        &oracle,
        &dataset,
        "oracle lexicon (gold span texts and entities); detection on lex spans",
        &basil_docs(&oracle.lexicon, &docs),
        problems,
        false,
    );
    Ok(vec![own, oracle_report])
}

/// A short name for the lexicons an analyzer uses.
pub fn mode_name(an: &Analyzer) -> String {
    let files: Vec<&str> = an.lexicon.files.iter().map(|f| f.path.as_str()).collect();
    if files.iter().all(|f| f.starts_with("bundled:")) {
        "default lexicons".into()
    } else {
        format!("lexicons: {}", files.join(", "))
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn sentence_of(spans: &[Span], at: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.start <= at);
    i.checked_sub(1).filter(|&i| at < spans[i].end)
}

/// The counts, most frequent first (ties in name order), at most `keep` of them.
pub(crate) fn count_sorted(m: BTreeMap<String, usize>, keep: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(keep);
    v
}

/// The parties of one article that no lexicon lists, by id, with the description keys that
/// name them ([`crate::analysis::heads::description_key`]): an unlisted party's name ("community protection
/// guard"), and the heads of the terms tied to an unnamed party ("bandit" for "unnamed party 1
/// ('Bandits')"). A gold actor that the lexicon does not know either (`?Community Protection
/// Guards`, `?bandits`) is that party when its key is the unlisted party's, or its head is one of
/// the unnamed party's: the reader of the report sees the same party under the same words.
///
/// What it does not do: match a gold party to an unnamed party by anything but the words of its
/// terms ("?Nagorno-Karabakh Republic" is not "unnamed party 1 ('separatist regime')").
struct Outside {
    keys: BTreeMap<String, (crate::analysis::discourse::Origin, Vec<String>)>,
}

impl Outside {
    fn of(art: &crate::analysis::Article) -> Outside {
        use crate::analysis::discourse::Origin;
        use crate::analysis::heads::{description_key, key_head};
        let mut keys = BTreeMap::new();
        for p in &art.parties {
            let words: Vec<String> = match p.origin {
                Origin::Unlisted => description_key(&p.name).into_iter().collect(),
                Origin::Unnamed => {
                    let mut heads: Vec<String> = art
                        .hits
                        .iter()
                        .filter(|h| h.describes(&p.id))
                        .filter_map(|h| description_key(&h.text))
                        .map(|k| key_head(&k).to_owned())
                        .collect();
                    heads.sort();
                    heads.dedup();
                    heads
                }
            };
            keys.insert(p.id.clone(), (p.origin, words));
        }
        Outside { keys }
    }

    /// Whether the tool's `actors` hold the party the lexicon does not know that the gold names
    /// `name` (without its `?`).
    fn names(&self, name: &str, actors: &[String]) -> bool {
        use crate::analysis::discourse::Origin;
        let Some(key) = crate::analysis::heads::description_key(name) else {
            return false;
        };
        let head = crate::analysis::heads::key_head(&key);
        actors.iter().any(|id| {
            self.keys
                .get(id)
                .is_some_and(|(origin, words)| match origin {
                    // A fuller description is the same party: "?rights groups" is the
                    // article's "human rights groups" (a key of two words or more: "?militia"
                    // is not every "X militia").
                    Origin::Unlisted => words.iter().any(|w| {
                        w == &key || (key.contains(' ') && w.ends_with(&format!(" {key}")))
                    }),
                    Origin::Unnamed => words.iter().any(|w| w == head),
                })
        })
    }
}

/// Scores one found item; returns whether the voice, the quotation and the actor were right.
fn score_one(
    f: &mut Figures,
    g: &GoldItem,
    voice: Voice,
    (actors, outside): (&[String], &Outside),
    speaker: Option<&str>,
) -> (bool, bool, bool) {
    let mut voice_ok = true;
    if let Some(gv) = &g.voice {
        voice_ok = voice.as_str() == gv;
        f.voice.add(voice_ok);
        confuse(&mut f.voice_confusion, gv, voice.as_str());
        f.author_vs_other
            .add((voice == Voice::Author) == (gv == "author"));
    }
    let mut quote_ok = true;
    if let Some(q) = g.quoted {
        quote_ok = matches!(voice, Voice::Quote | Voice::Scare) == q;
        f.quote_vs_other.add(quote_ok);
    }
    let mut actor_ok = true;
    if let Some(ga) = &g.actor {
        actor_ok = match ga {
            Some(a) => {
                actors.contains(a)
                    || a.strip_prefix('?')
                        .is_some_and(|name| outside.names(name, actors))
            }
            None => actors.is_empty(),
        };
        f.actor.add(actor_ok);
    }
    if let Some(gs) = &g.speaker {
        f.speaker.add(speaker == Some(gs.as_str()));
    }
    (voice_ok, quote_ok, actor_ok)
}

/// Scores `docs`; `pairs` adds the unique (term, sentence) pair figures of the framelens gold
/// format.
pub fn score(
    an: &Analyzer,
    dataset: &str,
    mode: &str,
    docs: &[EvalDoc],
    misaligned: Vec<String>,
    pairs: bool,
) -> EvalReport {
    let mut r = EvalReport {
        dataset: dataset.to_owned(),
        mode: mode.to_owned(),
        misaligned,
        ..EvalReport::default()
    };
    let mut pair_prf = Prf::default();
    let mut tally = ErrorTally::default();
    for d in docs {
        let art = an.analyze(&d.name, &d.text);
        let base = baseline::baseline(&art);
        let outside = Outside::of(&art);
        r.articles += 1;
        r.gold_items += d.gold.len();
        let hit_spans: Vec<Span> = art.hits.iter().map(|h| Span::new(h.start, h.end)).collect();
        let detect: Vec<Span> = d.gold.iter().filter(|g| g.detect).map(|g| g.span).collect();
        r.phrase_exact.add(&metrics::exact(&hit_spans, &detect));
        r.phrase_partial.add(&metrics::partial(&hit_spans, &detect));
        if pairs {
            pair_prf.add(&pair_figures(&art.sentence_spans, &art.hits, d));
        }
        let sentence_text = |at: usize| {
            sentence_of(&art.sentence_spans, at)
                .map(|s| {
                    art.sentence_spans[s]
                        .slice(&d.text)
                        .chars()
                        .take(80)
                        .collect::<String>()
                })
                .unwrap_or_default()
        };
        for g in &d.gold {
            let best = art
                .hits
                .iter()
                .enumerate()
                .filter(|(_, h)| overlap(Span::new(h.start, h.end), g.span) > 0)
                .max_by_key(|(i, h)| (overlap(Span::new(h.start, h.end), g.span), usize::MAX - i));
            let mut o = Outcome {
                article: d.name.clone(),
                term: g.term.clone(),
                sentence: sentence_text(g.span.start),
                gold_actor: g.actor.clone().flatten(),
                gold_voice: g.voice.clone(),
                found: None,
                actors: Vec::new(),
                voice: None,
                speaker: None,
                rule: None,
            };
            let Some((i, h)) = best else {
                if g.detect {
                    tally.miss(an, &g.term);
                    r.misses.push(o);
                }
                continue;
            };
            r.found += 1;
            o.found = Some(h.text.clone());
            o.actors = h.actors.iter().map(|a| a.to_string()).collect();
            o.voice = Some(h.voice);
            o.speaker = h.speaker.clone();
            o.rule = Some(h.link.as_str().to_owned());
            let (voice_ok, quote_ok, actor_ok) = score_one(
                &mut r.tool,
                g,
                h.voice,
                (&o.actors, &outside),
                h.speaker_actor.as_deref(),
            );
            score_one(
                &mut r.baseline,
                g,
                base[i].voice,
                (&base[i].actors, &outside),
                None,
            );
            if g.actor.is_some() {
                r.actor_by_rule
                    .entry(h.link.as_str().to_owned())
                    .or_default()
                    .add(actor_ok);
            }
            if !voice_ok {
                r.wrong_voice.push(o.clone());
            }
            if !quote_ok {
                r.wrong_quote.push(o.clone());
            }
            if !actor_ok {
                r.wrong_actor.push(o);
            }
        }
        for h in &art.hits {
            let sp = Span::new(h.start, h.end);
            if !detect.iter().any(|&g| overlap(g, sp) > 0) {
                r.false_alarms.push(tally.false_alarm(&d.name, h));
            }
        }
    }
    r.phrase_pairs = pairs.then_some(pair_prf);
    r.misses_by_term = count_sorted(tally.misses_by_term, 20);
    r.misses_by_category = count_sorted(tally.misses_by_cat, 20);
    r.false_alarms_by_term = count_sorted(tally.fa_by_term, 20);
    r.false_alarms_by_category = count_sorted(tally.fa_by_cat, 20);
    r
}

/// The misses and false alarms of a scoring run, by term (lower-cased) and by category.
#[derive(Default)]
struct ErrorTally {
    misses_by_term: BTreeMap<String, usize>,
    misses_by_cat: BTreeMap<String, usize>,
    fa_by_term: BTreeMap<String, usize>,
    fa_by_cat: BTreeMap<String, usize>,
}

impl ErrorTally {
    /// Counts a gold term no hit found, under the category its words alone get (or "(no lexicon
    /// entry)").
    fn miss(&mut self, an: &Analyzer, term: &str) {
        *self.misses_by_term.entry(term.to_lowercase()).or_default() += 1;
        let alone = an.analyze("", term);
        let cat = alone.hits.first().map_or_else(
            || "(no lexicon entry)".to_owned(),
            |h| h.category.to_string(),
        );
        *self.misses_by_cat.entry(cat).or_default() += 1;
    }

    /// Counts hit `h` of article `article`, which no gold term overlaps, and describes it.
    fn false_alarm(&mut self, article: &str, h: &Hit) -> FalseAlarm {
        *self.fa_by_term.entry(h.text.to_lowercase()).or_default() += 1;
        *self.fa_by_cat.entry(h.category.to_string()).or_default() += 1;
        FalseAlarm {
            article: article.to_owned(),
            text: h.text.clone(),
            term: h.term.to_string(),
            category: h.category.to_string(),
            sentence: h.sentence_text.chars().take(80).collect(),
        }
    }
}

/// Unique (term, sentence) pairs for one document: a predicted pair is right when one of its
/// spans overlaps a gold span of a pair in the same sentence, and a gold pair is found when some
/// hit in its sentence overlaps it.
fn pair_figures(sentences: &[Span], hits: &[Hit], d: &EvalDoc) -> Prf {
    type Pairs = Vec<(String, Option<usize>, Vec<Span>)>;
    let add = |v: &mut Pairs, key: String, s: Option<usize>, sp: Span| match v
        .iter_mut()
        .find(|p| p.0 == key && p.1 == s)
    {
        Some(p) => p.2.push(sp),
        None => v.push((key, s, vec![sp])),
    };
    let mut gold: Pairs = Vec::new();
    for g in d.gold.iter().filter(|g| g.detect) {
        add(
            &mut gold,
            g.term.to_lowercase(),
            sentence_of(sentences, g.span.start),
            g.span,
        );
    }
    let mut pred: Pairs = Vec::new();
    for h in hits {
        add(
            &mut pred,
            h.text.to_lowercase(),
            Some(h.sentence),
            Span::new(h.start, h.end),
        );
    }
    let meets = |a: &(String, Option<usize>, Vec<Span>), b: &(String, Option<usize>, Vec<Span>)| {
        a.1 == b.1 && a.2.iter().any(|x| b.2.iter().any(|y| overlap(*x, *y) > 0))
    };
    let found = gold
        .iter()
        .filter(|g| pred.iter().any(|p| meets(p, g)))
        .count();
    let right = pred
        .iter()
        .filter(|p| gold.iter().any(|g| meets(p, g)))
        .count();
    let mut r = Prf {
        gold: gold.len(),
        predicted: pred.len(),
        precision_credit: right as f64,
        recall_credit: found as f64,
        ..Prf::default()
    };
    r.finish();
    r
}

fn acc(a: &Accuracy) -> String {
    if a.n == 0 {
        "-".into()
    } else {
        format!("{:.3} ({}/{})", a.accuracy, a.correct, a.n)
    }
}

fn prf_line(name: &str, p: &Prf) -> String {
    format!(
        "  {name:<34} {:>6.3} {:>6.3} {:>6.3}   ({} predicted, {} gold)\n",
        p.precision, p.recall, p.f1, p.predicted, p.gold
    )
}

/// One list of outcomes in the text report, at most 40 of them, under `title`; nothing when
/// `v` is empty.
fn outcome_list(s: &mut String, title: &str, v: &[Outcome]) {
    use std::fmt::Write as _;
    if v.is_empty() {
        return;
    }
    let _ = writeln!(s, "{title} ({}):", v.len());
    for o in v.iter().take(40) {
        let _ = writeln!(
            s,
            "  {:?} in {:?}: gold {} / {}; tool {} / {}",
            o.term,
            o.sentence.chars().take(50).collect::<String>(),
            o.gold_actor.as_deref().unwrap_or("null"),
            o.gold_voice.as_deref().unwrap_or("-"),
            if o.actors.is_empty() {
                "none".to_owned()
            } else {
                o.actors.join("+")
            },
            o.voice.map_or("-", |v| v.as_str())
        );
    }
    if v.len() > 40 {
        let _ = writeln!(s, "  ... and {} more (see --format json)", v.len() - 40);
    }
}

/// Renders evaluation reports as text.
pub fn render_text(reports: &[EvalReport]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for (k, r) in reports.iter().enumerate() {
        if k > 0 {
            s.push('\n');
        }
        let _ = writeln!(s, "{} [{}]", r.dataset, r.mode);
        let _ = writeln!(
            s,
            "{} articles, {} gold items, {} found by a hit",
            r.articles, r.gold_items, r.found
        );
        let _ = writeln!(
            s,
            "phrase detection                      precision recall   F1"
        );
        s.push_str(&prf_line("exact spans", &r.phrase_exact));
        s.push_str(&prf_line(
            "partial overlap (SemEval-2020 T11)",
            &r.phrase_partial,
        ));
        if let Some(p) = &r.phrase_pairs {
            s.push_str(&prf_line("unique (term, sentence) pairs", p));
        }
        let _ = writeln!(
            s,
            "on found items                     framelens          baseline (±{} tokens)",
            baseline::WINDOW
        );
        for (name, a, b) in [
            ("voice (4-way)", &r.tool.voice, &r.baseline.voice),
            (
                "author vs not-author",
                &r.tool.author_vs_other,
                &r.baseline.author_vs_other,
            ),
            (
                "quoted vs not quoted",
                &r.tool.quote_vs_other,
                &r.baseline.quote_vs_other,
            ),
            ("actor", &r.tool.actor, &r.baseline.actor),
            (
                "speaker (gold names an actor)",
                &r.tool.speaker,
                &r.baseline.speaker,
            ),
        ] {
            let _ = writeln!(s, "  {name:<32} {:<18} {}", acc(a), acc(b));
        }
        if !r.tool.voice_confusion.is_empty() {
            let _ = writeln!(s, "voice confusion, framelens (gold -> predicted):");
            for (g, row) in &r.tool.voice_confusion {
                let cells = row
                    .iter()
                    .map(|(p, n)| format!("{p} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(s, "  {g}: {cells}");
            }
        }
        if !r.actor_by_rule.is_empty() {
            let _ = writeln!(s, "actor by link rule, framelens:");
            let mut rules: Vec<(&String, &Accuracy)> = r.actor_by_rule.iter().collect();
            rules.sort_by(|a, b| b.1.n.cmp(&a.1.n).then(a.0.cmp(b.0)));
            for (rule, x) in rules {
                let _ = writeln!(s, "  {rule:<32} {}", acc(x));
            }
        }
        let counts = |v: &[(String, usize)]| {
            v.iter()
                .map(|(t, n)| format!("{t} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !r.misses_by_term.is_empty() {
            let _ = writeln!(s, "most frequent misses: {}", counts(&r.misses_by_term));
            let _ = writeln!(s, "misses by category: {}", counts(&r.misses_by_category));
        }
        if !r.false_alarms_by_category.is_empty() {
            let _ = writeln!(
                s,
                "false alarms by category: {}",
                counts(&r.false_alarms_by_category)
            );
            let _ = writeln!(
                s,
                "false alarms by term: {}",
                counts(&r.false_alarms_by_term)
            );
        }
        outcome_list(&mut s, "missed", &r.misses);
        outcome_list(&mut s, "wrong voice", &r.wrong_voice);
        outcome_list(&mut s, "wrong quotation", &r.wrong_quote);
        outcome_list(&mut s, "wrong actor", &r.wrong_actor);
        if !r.misaligned.is_empty() {
            let _ = writeln!(s, "misaligned gold entries ({}):", r.misaligned.len());
            for m in r.misaligned.iter().take(40) {
                let _ = writeln!(s, "  {m}");
            }
        }
    }
    s
}
