//! Which labels each source over- or under-uses for each actor, against the other sources
//! pooled, with the keyness statistics of [`super::keyness`].
//!
//! For an actor, the unit counted is one use of a term describing it (in the voices chosen:
//! by default the outlet's own voice). For source S and term t the 2×2 table is: uses of t for
//! the actor in S, uses of other terms for the actor in S, and the same two counts in every other
//! source together. The question answered is "given that S describes this actor, how much more
//! or less often than the others does it choose this word", not "how much does S write about the
//! actor" (that is in the per-source totals).
//!
//! What it does not do: control for articles (a source that repeats one term many times in one
//! article weighs as much as many articles using it once), or test more than one source against
//! one other (each source is tested against all the others pooled, as quanteda's
//! `textstat_keyness` does with a target and a reference).

use std::collections::BTreeMap;

use serde::Serialize;

use super::keyness::{Keyness, Table2x2, holm, keyness};
use super::summary::{Cell, NO_ACTOR, Summary, UNDATED, UNNAMED_ACTOR};
use crate::analysis::voice::Voice;

/// Which uses count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VoiceFilter {
    /// The outlet's own voice only.
    Author,
    /// Quoted, reported and scare-quoted uses only.
    Others,
    /// Every use.
    All,
}

impl VoiceFilter {
    fn admits(self, voice: Voice) -> bool {
        match self {
            VoiceFilter::Author => voice == Voice::Author,
            VoiceFilter::Others => voice != Voice::Author,
            VoiceFilter::All => true,
        }
    }

    /// The filter's name, as `--voice` takes it: `author`, `others` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            VoiceFilter::Author => "author",
            VoiceFilter::Others => "others",
            VoiceFilter::All => "all",
        }
    }
}

/// The time unit of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar months (`YYYY-MM`).
    Month,
    /// Calendar years (`YYYY`).
    Year,
}

/// Correction for testing many (actor, source, term) cells at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Adjust {
    /// No correction: `p_adjusted` is the p-value of G².
    None,
    /// Holm's step-down method over every test in the period.
    Holm,
}

/// Settings of a comparison.
#[derive(Clone, Copy, Debug)]
pub struct CompareOptions {
    /// Which uses of a term count.
    pub voices: VoiceFilter,
    /// Compare period by period; `None` compares the whole corpus at once.
    pub by: Option<Period>,
    /// Significance level, applied to the (adjusted) p-value of G².
    pub alpha: f64,
    /// Cells whose term is used fewer times than this (all sources together) are not tested.
    pub min_count: u64,
    /// Correction of the p-values for the number of tests in a period.
    pub adjust: Adjust,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            voices: VoiceFilter::Author,
            by: None,
            alpha: 0.05,
            min_count: 5,
            adjust: Adjust::Holm,
        }
    }
}

/// Totals of one source.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SourceTotals {
    /// Source name.
    pub source: String,
    /// Articles (records analysed).
    pub articles: u64,
    /// Words (word and number tokens) in the articles' titles and texts.
    pub words: u64,
    /// Terms found, in every voice (a term linked to several actors counts once).
    pub hits: u64,
    /// Hits per 1,000 words.
    pub density: f64,
    /// voice -> hits, in every voice whatever the filter.
    pub voices: BTreeMap<Voice, u64>,
}

/// One term's uses for an actor, per source.
#[derive(Clone, Debug, Serialize)]
pub struct TermUse {
    /// Lexicon entry id.
    pub term: String,
    /// The words reports show for the term (the entry's first form; the id for a summary that
    /// does not say).
    pub words: String,
    /// The entry's category path (empty for a term the summary does not describe).
    pub category: String,
    /// The entry's stance, -2 to +2 (0 for a term the summary does not describe).
    pub stance: i8,
    /// source -> uses (every source listed, zeros included).
    pub counts: BTreeMap<String, u64>,
    /// Uses in all sources together.
    pub total: u64,
}

/// One test: a source against the others, for one actor and term.
#[derive(Clone, Debug, Serialize)]
pub struct KeyRow {
    /// The source tested against all the others pooled.
    pub source: String,
    /// Lexicon entry id.
    pub term: String,
    /// The words reports show for the term.
    pub words: String,
    /// The entry's category path.
    pub category: String,
    /// The entry's stance, -2 to +2.
    pub stance: i8,
    /// "over" when the source uses the term more than the others do, else "under".
    pub direction: &'static str,
    /// Share of the actor's term uses in the source, and in the others.
    pub share: f64,
    /// Share (0..1) of the actor's term uses in the other sources pooled that are this term.
    pub share_reference: f64,
    /// The statistics of the 2×2 table, flattened into the row's fields.
    #[serde(flatten)]
    pub stats: Keyness,
    /// The p-value of G² after the correction chosen for the number of tests.
    pub p_adjusted: f64,
    /// Whether `p_adjusted` is below `alpha`.
    pub significant: bool,
}

/// One actor in one period.
#[derive(Clone, Debug, Serialize)]
pub struct ActorComparison {
    /// Actor id; `(none)` for terms linked to no actor, `(unnamed)` for parties never named.
    pub actor: String,
    /// Display name: the actor's name, or a description for `(none)` and `(unnamed)`.
    pub name: String,
    /// source -> term uses for the actor (in the voices chosen).
    pub totals: BTreeMap<String, u64>,
    /// source -> times named.
    pub mentions: BTreeMap<String, u64>,
    /// Every term used for the actor, most used first.
    pub terms: Vec<TermUse>,
    /// Every test made, strongest first (none for `(none)` and `(unnamed)`: only a real actor
    /// is tested).
    pub keyness: Vec<KeyRow>,
}

/// One period (or the whole corpus).
#[derive(Clone, Debug, Serialize)]
pub struct PeriodComparison {
    /// `YYYY-MM` or `YYYY` with `--by`, `undated` for records without a readable date; `all`
    /// without `--by`.
    pub period: String,
    /// Totals of every source in the period (zeros for a source with no article in it).
    pub sources: Vec<SourceTotals>,
    /// The actors described in the period, most term uses first; `(unnamed)` then `(none)` last.
    pub actors: Vec<ActorComparison>,
    /// Tests made in the period: the number the p-values are adjusted over.
    pub tests: usize,
}

/// The corpus report: totals, and the comparison when asked for.
#[derive(Clone, Debug, Serialize)]
pub struct CorpusReport {
    /// Version of the JSON output format (`crate::SCHEMA_VERSION`).
    pub schema_version: u32,
    /// Records analysed.
    pub articles: u64,
    /// reason -> records skipped.
    pub skipped: BTreeMap<String, u64>,
    /// language -> articles in a language no loaded lexicon reads (see [`Summary`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub unread_languages: BTreeMap<String, u64>,
    /// Totals of each source over the whole corpus, by source name.
    pub sources: Vec<SourceTotals>,
    /// Which uses were counted.
    pub voices: VoiceFilter,
    /// The period compared within; `None` for the whole corpus at once.
    pub by: Option<Period>,
    /// Significance level, applied to the (adjusted) p-value of G².
    pub alpha: f64,
    /// Terms used fewer times than this for an actor in a period (all sources together) were not
    /// tested.
    pub min_count: u64,
    /// Correction of the p-values for the number of tests in a period.
    pub adjust: Adjust,
    /// One entry, `all`, without `--by`; one per period with it.
    pub periods: Vec<PeriodComparison>,
}

fn period_of(month: &str, by: Option<Period>) -> String {
    match by {
        None => "all".into(),
        Some(_) if month == UNDATED => UNDATED.into(),
        Some(Period::Month) => month.to_owned(),
        Some(Period::Year) => month.get(..4).unwrap_or(month).to_owned(),
    }
}

fn totals(source: &str, cells: &[&Cell]) -> SourceTotals {
    let mut t = SourceTotals {
        source: source.to_owned(),
        ..SourceTotals::default()
    };
    for c in cells {
        t.articles += c.articles;
        t.words += c.words;
        t.hits += c.hits;
        for (v, n) in &c.voices {
            *t.voices.entry(*v).or_default() += n;
        }
    }
    t.density = if t.words == 0 {
        0.0
    } else {
        t.hits as f64 * 1000.0 / t.words as f64
    };
    t
}

/// Builds the report from a summary.
pub fn compare(s: &Summary, o: &CompareOptions) -> CorpusReport {
    let sources: Vec<&String> = s.sources.keys().collect();
    let overall = sources
        .iter()
        .map(|src| {
            let cells: Vec<&Cell> = s.sources[*src].values().collect();
            totals(src, &cells)
        })
        .collect();
    // period -> source -> cells
    let mut by_period: BTreeMap<String, BTreeMap<&String, Vec<&Cell>>> = BTreeMap::new();
    for (src, months) in &s.sources {
        for (m, cell) in months {
            by_period
                .entry(period_of(m, o.by))
                .or_default()
                .entry(src)
                .or_default()
                .push(cell);
        }
    }
    // `undated` sorts after the dates.
    let mut keys: Vec<String> = by_period.keys().cloned().collect();
    keys.sort_by_key(|k| (k == UNDATED, k.clone()));
    let periods = keys
        .into_iter()
        .map(|p| period(s, &sources, &p, &by_period[&p], o))
        .collect();
    CorpusReport {
        schema_version: crate::SCHEMA_VERSION,
        articles: s.articles,
        skipped: s.skipped.clone(),
        unread_languages: s.unread_languages.clone(),
        sources: overall,
        voices: o.voices,
        by: o.by,
        alpha: o.alpha,
        min_count: o.min_count,
        adjust: o.adjust,
        periods,
    }
}

fn period(
    s: &Summary,
    sources: &[&String],
    name: &str,
    cells: &BTreeMap<&String, Vec<&Cell>>,
    o: &CompareOptions,
) -> PeriodComparison {
    let empty = Vec::new();
    let source_totals = sources
        .iter()
        .map(|src| totals(src, cells.get(src).unwrap_or(&empty)))
        .collect();
    // actor -> term -> source -> uses, and actor -> source -> mentions
    let mut uses: BTreeMap<&str, BTreeMap<&str, BTreeMap<&str, u64>>> = BTreeMap::new();
    let mut mentions: BTreeMap<&str, BTreeMap<&str, u64>> = BTreeMap::new();
    for (src, cs) in cells {
        for c in cs {
            for (actor, ac) in &c.actors {
                *mentions
                    .entry(actor)
                    .or_default()
                    .entry(src.as_str())
                    .or_default() += ac.mentions;
                for (term, voices) in &ac.terms {
                    let n: u64 = voices
                        .iter()
                        .filter(|(v, _)| o.voices.admits(**v))
                        .map(|(_, n)| n)
                        .sum();
                    if n > 0 {
                        *uses
                            .entry(actor)
                            .or_default()
                            .entry(term)
                            .or_default()
                            .entry(src.as_str())
                            .or_default() += n;
                    }
                }
            }
        }
    }
    let mut actors: Vec<ActorComparison> = uses
        .iter()
        .map(|(actor, terms)| actor_comparison(s, sources, actor, terms, &mentions, o))
        .collect();
    // Adjust over every test in the period.
    let ps: Vec<f64> = actors
        .iter()
        .flat_map(|a| a.keyness.iter().map(|k| k.stats.p_g2))
        .collect();
    let adjusted = match o.adjust {
        Adjust::None => ps.clone(),
        Adjust::Holm => holm(&ps),
    };
    let mut i = 0;
    for a in &mut actors {
        for k in &mut a.keyness {
            k.p_adjusted = adjusted[i];
            k.significant = k.p_adjusted < o.alpha;
            i += 1;
        }
    }
    // Most-described actors first; parties never named, then "no actor", last.
    let rank = |a: &str| match a {
        NO_ACTOR => 2,
        UNNAMED_ACTOR => 1,
        _ => 0,
    };
    actors.sort_by(|a, b| {
        rank(&a.actor)
            .cmp(&rank(&b.actor))
            .then(
                b.totals
                    .values()
                    .sum::<u64>()
                    .cmp(&a.totals.values().sum::<u64>()),
            )
            .then(a.actor.cmp(&b.actor))
    });
    PeriodComparison {
        period: name.to_owned(),
        sources: source_totals,
        actors,
        tests: ps.len(),
    }
}

fn actor_comparison(
    s: &Summary,
    sources: &[&String],
    actor: &str,
    terms: &BTreeMap<&str, BTreeMap<&str, u64>>,
    mentions: &BTreeMap<&str, BTreeMap<&str, u64>>,
    o: &CompareOptions,
) -> ActorComparison {
    let mut totals: BTreeMap<String, u64> = sources.iter().map(|s| ((*s).clone(), 0)).collect();
    for counts in terms.values() {
        for (src, n) in counts {
            *totals.entry((*src).to_owned()).or_default() += n;
        }
    }
    let mut term_uses: Vec<TermUse> = terms
        .iter()
        .map(|(term, counts)| {
            let info = s.terms.get(*term);
            TermUse {
                term: (*term).to_owned(),
                words: info
                    .map(|i| i.words.clone())
                    .filter(|w| !w.is_empty())
                    .unwrap_or_else(|| (*term).to_owned()),
                category: info.map(|i| i.category.clone()).unwrap_or_default(),
                stance: info.map_or(0, |i| i.stance),
                counts: sources
                    .iter()
                    .map(|src| {
                        (
                            (*src).clone(),
                            counts.get(src.as_str()).copied().unwrap_or(0),
                        )
                    })
                    .collect(),
                total: counts.values().sum(),
            }
        })
        .collect();
    term_uses.sort_by(|a, b| b.total.cmp(&a.total).then(a.term.cmp(&b.term)));
    // Only a real actor is tested: the terms tied to no actor, and the parties of many articles
    // that never name them, are no one party whose description could differ between sources.
    let keyness_rows = if actor != NO_ACTOR && actor != UNNAMED_ACTOR {
        tests(&term_uses, sources, &totals, o)
    } else {
        Vec::new()
    };
    ActorComparison {
        actor: actor.to_owned(),
        name: if actor == NO_ACTOR {
            "no actor linked".into()
        } else if actor == UNNAMED_ACTOR {
            "parties their articles never name".into()
        } else {
            s.actor_names
                .get(actor)
                .cloned()
                .unwrap_or_else(|| actor.to_owned())
        },
        totals,
        mentions: sources
            .iter()
            .map(|src| {
                (
                    (*src).clone(),
                    mentions
                        .get(actor)
                        .and_then(|m| m.get(src.as_str()))
                        .copied()
                        .unwrap_or(0),
                )
            })
            .collect(),
        terms: term_uses,
        keyness: keyness_rows,
    }
}

/// Every test of an actor's terms: each source against the others pooled, for each term used
/// at least `o.min_count` times; strongest first.
fn tests(
    term_uses: &[TermUse],
    sources: &[&String],
    totals: &BTreeMap<String, u64>,
    o: &CompareOptions,
) -> Vec<KeyRow> {
    let all: u64 = totals.values().sum();
    let mut keyness_rows = Vec::new();
    for t in term_uses {
        if t.total < o.min_count {
            continue;
        }
        for src in sources {
            let src_total = totals[*src];
            let ref_total = all - src_total;
            if src_total == 0 || ref_total == 0 {
                continue;
            }
            let a = t.counts[*src];
            let c = t.total - a;
            let stats = keyness(Table2x2 {
                a,
                b: src_total - a,
                c,
                d: ref_total - c,
            });
            let share = a as f64 / src_total as f64;
            let share_reference = c as f64 / ref_total as f64;
            keyness_rows.push(KeyRow {
                source: (*src).clone(),
                term: t.term.clone(),
                words: t.words.clone(),
                category: t.category.clone(),
                stance: t.stance,
                direction: if share >= share_reference {
                    "over"
                } else {
                    "under"
                },
                share,
                share_reference,
                p_adjusted: stats.p_g2,
                significant: false,
                stats,
            });
        }
    }
    keyness_rows.sort_by(|a, b| {
        b.stats
            .g2
            .abs()
            .total_cmp(&a.stats.g2.abs())
            .then(a.source.cmp(&b.source))
            .then(a.term.cmp(&b.term))
    });
    keyness_rows
}
