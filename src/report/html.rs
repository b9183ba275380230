//! The HTML report: one self-contained page for `compare` (two articles side by side) and for
//! `score` (one or more articles). Inline CSS and SVG and a few lines of optional inline
//! JavaScript; the page requests nothing from the network, opens from disk and prints cleanly.
//!
//! The page is built from the same [`Comparison`] and [`Article`] values as the JSON. This module
//! turns them into a view model of plain serializable structs: every string already made safe for
//! display (control and bidi characters shown as `\u{..}`, see [`crate::text::sanitize`]), every article
//! split into plain-text and hit segments at the hits' byte offsets, every anchor id chosen. The
//! templates in `templates/` only lay that out, and since their names end in `.html` minijinja
//! escapes every value: nothing is marked safe, so article text can never become markup.
//!
//! Anchors: `{key}-s-{n}` is sentence `n` (1-based) of the source with key `key` (`a`, `b`, ...),
//! `{key}-hit-{n}` its `n`-th hit (1-based, text order, the number shown as the footnote marker),
//! `actor-{slug}` an actor's row in the per-actor table, `finding-{n}` a summary finding.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Enumerator, Object, ObjectRepr};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};
use serde::Serialize;

use crate::analysis::voice::Voice;
use crate::analysis::{Article, Hit};
use crate::diff::{Comparison, Evidence, Side, TermUse};
use crate::lexicon::Lexicon;
use crate::text::Span;
use crate::text::{sanitize, shown};

const COMPARE_TEMPLATE: &str = include_str!("templates/compare.html");
const SCORE_TEMPLATE: &str = include_str!("templates/score.html");

/// One self-contained HTML page comparing two articles: inline CSS and SVG, no network requests,
/// prints cleanly, with `date` shown in the header (`2024-12-04`); with no date, the same input
/// gives the same bytes. The articles are copied for the page; [`compare_to`] takes them
/// instead.
pub fn compare_dated(
    lex: &Lexicon,
    c: &Comparison,
    a: &Article,
    b: &Article,
    date: Option<Date>,
) -> Result<String, Error> {
    let mut out = Vec::new();
    compare_to(&mut out, lex, c, [a.clone(), b.clone()], date)?;
    utf8(out)
}

/// [`compare_dated`], written to `w` as it is rendered. The articles' text and hit notes are
/// rendered one paragraph and one note at a time, so memory does not grow with the page.
pub fn compare_to(
    w: &mut dyn std::io::Write,
    lex: &Lexicon,
    c: &Comparison,
    [a, b]: [Article; 2],
    date: Option<Date>,
) -> Result<(), Error> {
    let page = compare_page(lex, c, &a, &b, date);
    render_to(w, "compare.html", &page, &bodies(lex, vec![a, b]))
}

/// [`score_dated`], written to `w` as it is rendered, as [`compare_to`] is.
pub fn score_to(
    w: &mut dyn std::io::Write,
    lex: &Lexicon,
    articles: Vec<Article>,
    date: Option<Date>,
) -> Result<(), Error> {
    let page = score_page(lex, &articles.iter().collect::<Vec<_>>(), date);
    render_to(w, "score.html", &page, &bodies(lex, articles))
}

/// One page for `score`: one or more articles, highlighted, with the per-actor table and chart,
/// and `date` shown in the header. The articles are copied for the page; [`score_to`] takes
/// them instead.
pub fn score_dated(
    lex: &Lexicon,
    articles: &[Article],
    date: Option<Date>,
) -> Result<String, Error> {
    let mut out = Vec::new();
    score_to(&mut out, lex, articles.to_vec(), date)?;
    utf8(out)
}

/// A date as the header shows it: `2024-12-04`.
fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn utf8(out: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(out).map_err(|e| {
        Error::new(ErrorKind::BadSerialization, "the report is not UTF-8").with_source(e)
    })
}

// ---------------------------------------------------------------------------------------------
// View model

#[derive(Serialize)]
struct Page {
    /// "compare" or "score".
    kind: &'static str,
    title: String,
    version: &'static str,
    date: Option<String>,
    lexicons: Vec<LexiconView>,
    sources: Vec<SourceView>,
    findings: Vec<FindingView>,
    chart: Vec<ChartRow>,
    actors: Vec<ActorRow>,
    /// Actors mentioned by some source but described by no loaded term.
    mentioned_only: String,
    only_in: Vec<OnlyIn>,
    speakers: Vec<SpeakerTable>,
    voices: Vec<VoiceView>,
    stances: Vec<StanceView>,
    filter_actors: Vec<FilterActor>,
    /// Some hit describes no actor (the filter offers "no actor").
    unlinked: bool,
}

#[derive(Serialize)]
struct LexiconView {
    name: String,
    version: Option<String>,
    path: String,
    labels: usize,
    actors: usize,
}

#[derive(Serialize)]
struct SourceView {
    /// "A", "B", ...
    tag: String,
    /// "a", "b", ...: the prefix of this source's anchors.
    key: String,
    name: String,
    words: usize,
    hits: usize,
    density: String,
    by_voice: Vec<VoiceCount>,
    // `hit_list` (the notes on the hits, in text order: [`HitView`]) and `paragraphs` (one per
    // line of the text, given in [`Piece`]s of chunks) are added at rendering, from [`Body`].
}

/// A run of one paragraph: one sentence (or the whitespace between two).
#[derive(Debug, PartialEq, Serialize)]
struct Chunk {
    /// Inside a sentence.
    sentence: bool,
    /// Anchors of the sentences starting here (normally one).
    ids: Vec<String>,
    segments: Vec<Segment>,
}

/// Plain text, or the text of a hit (an index into the source's `hit_list`).
#[derive(Debug, PartialEq, Serialize)]
struct Segment {
    text: String,
    hit: Option<usize>,
}

#[derive(Serialize)]
struct HitView {
    /// 1-based, text order: the footnote marker.
    n: usize,
    id: String,
    text: String,
    term: String,
    category: String,
    kind: &'static str,
    stance: String,
    stance_value: i8,
    stance_class: &'static str,
    /// Actor names, or "no actor".
    actors: String,
    /// Actor ids separated by spaces (for `data-actor`).
    actor_ids: String,
    link: &'static str,
    link_detail: String,
    voice: &'static str,
    voice_rule: String,
    speaker: Option<String>,
    framed_speaker: Option<String>,
    negation: Option<String>,
    /// 1-based sentence number.
    sentence: usize,
}

#[derive(Serialize)]
struct VoiceCount {
    voice: &'static str,
    n: usize,
}

#[derive(Serialize)]
struct Link {
    href: String,
    label: String,
}

#[derive(Serialize)]
struct FindingView {
    id: String,
    short: String,
    text: String,
    actor: Option<Link>,
    evidence: Vec<EvidenceView>,
}

#[derive(Serialize)]
struct EvidenceView {
    tag: String,
    href: String,
    label: String,
    /// The sentence split around the hit (`hit` empty when it could not be located).
    before: String,
    hit: String,
    after: String,
    voice: &'static str,
    speaker: Option<String>,
}

#[derive(Serialize)]
struct ChartRow {
    actor: String,
    name: String,
    href: String,
    bars: Vec<Bar>,
}

#[derive(Serialize)]
struct Bar {
    tag: String,
    /// Own (authorial) voice, else others' voices.
    own: bool,
    value: Option<f64>,
    /// "neg", "pos" or "zero".
    sign: &'static str,
    /// The value and its basis, as printed next to the bar.
    text: String,
    /// In the overview, how many pins of the same voice stand at about the same place before
    /// this one: it is set that many pin widths to the right, so that none hides another.
    nudge: usize,
}

#[derive(Serialize)]
struct ActorRow {
    anchor: String,
    actor: String,
    name: String,
    sides: Vec<SideCell>,
    difference: Option<String>,
    swaps: Vec<SwapView>,
}

#[derive(Serialize)]
struct SideCell {
    tag: String,
    terms: Vec<TermView>,
    own: String,
    own_n: usize,
    others: String,
    others_n: usize,
    mentions: usize,
}

#[derive(Serialize)]
struct TermView {
    shown: String,
    /// Other spellings as written, when there are any.
    variants: String,
    term: String,
    category: String,
    kind: &'static str,
    stance: String,
    stance_class: &'static str,
    total: usize,
    by_voice: Vec<VoiceCount>,
    only_others: bool,
    /// Links to the first [`MAX_SENTENCE_LINKS`] sentences the term is used in.
    sentences: Vec<SentenceLink>,
    /// How many sentences are left out of `sentences`.
    more_sentences: usize,
}

/// Sentence links listed for one term in the per-actor table. A term used in thousands of
/// sentences would otherwise fill the table (and the page's memory) with links; the article's
/// own highlights and notes still show every use.
const MAX_SENTENCE_LINKS: usize = 12;

#[derive(Serialize)]
struct SentenceLink {
    href: String,
    /// 1-based sentence number.
    n: usize,
}

#[derive(Serialize)]
struct SwapView {
    a: String,
    a_stance: String,
    a_class: &'static str,
    b: String,
    b_stance: String,
    b_class: &'static str,
}

#[derive(Serialize)]
struct OnlyIn {
    tag: String,
    names: String,
}

#[derive(Serialize)]
struct SpeakerTable {
    tag: String,
    name: String,
    rows: Vec<SpeakerRow>,
}

#[derive(Serialize)]
struct SpeakerRow {
    speaker: String,
    actor: Option<String>,
    verbs: String,
    loaded: String,
}

#[derive(Serialize)]
struct VoiceView {
    id: &'static str,
    line: &'static str,
    meaning: &'static str,
}

#[derive(Serialize)]
struct StanceView {
    label: &'static str,
    class: &'static str,
    meaning: &'static str,
}

#[derive(Serialize)]
struct FilterActor {
    id: String,
    name: String,
}

// ---------------------------------------------------------------------------------------------
// Rendering

fn render<P: Serialize>(name: &str, page: &P) -> Result<String, Error> {
    let mut out = Vec::new();
    render_to(&mut out, name, page, &[])?;
    utf8(out)
}

/// Renders page `name` straight to `w`: the page is never held whole as a string. `bodies` are
/// the texts of `page.sources`, in order, added to each as `hit_list` and `paragraphs`.
fn render_to<P: Serialize>(
    w: &mut dyn std::io::Write,
    name: &str,
    page: &P,
    bodies: &[Arc<Body>],
) -> Result<(), Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?,
    );
    env.add_template("compare.html", COMPARE_TEMPLATE)?;
    env.add_template("score.html", SCORE_TEMPLATE)?;
    env.add_template("corpus.html", CORPUS_TEMPLATE)?;
    let mut json = serde_json::to_value(page).map_err(|e| {
        Error::new(ErrorKind::BadSerialization, "cannot serialize the report").with_source(e)
    })?;
    let sources = match json {
        serde_json::Value::Object(ref mut m) if !bodies.is_empty() => m.remove("sources"),
        _ => None,
    };
    let mut fields = fields_of(json);
    if let Some(serde_json::Value::Array(list)) = sources {
        let sources: Vec<Value> = list
            .into_iter()
            .zip(bodies)
            .map(|(source, body)| {
                let mut f = fields_of(source);
                f.insert(
                    "hit_list".into(),
                    Value::from_object(HitNotes(Arc::clone(body))),
                );
                f.insert(
                    "paragraphs".into(),
                    Value::from_object(ArticleText(Arc::clone(body))),
                );
                Value::from(f)
            })
            .collect();
        fields.insert("sources".into(), Value::from(sources));
    }
    let ctx: BTreeMap<String, Value> = [("page".to_owned(), Value::from(fields))].into();
    env.get_template(name)?
        .render_captured_to(Value::from(ctx), w)
        .map(drop)
}

/// The fields of a serde object as template values (empty for anything else).
fn fields_of(v: serde_json::Value) -> BTreeMap<String, Value> {
    match v {
        serde_json::Value::Object(m) => m.into_iter().map(|(k, v)| (k, to_value(v))).collect(),
        _ => BTreeMap::new(),
    }
}

/// A view-model value as a template value.
fn view_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).map_or_else(|e| Value::from(e.to_string()), to_value)
}

/// One article as the page shows it: its text, split into paragraphs, and a note on each hit.
/// Both are made while the page is written, one paragraph or one note at a time
/// ([`ArticleText`], [`HitNotes`]), so that a page with a million hits never holds a million
/// notes.
#[derive(Debug)]
struct Body {
    lex: Arc<Lexicon>,
    art: Article,
    /// "a", "b", ...: the prefix of the article's anchors.
    key: String,
    /// Indices of the hits in text order; the 1-based position is the footnote number.
    order: Vec<usize>,
}

/// The bodies of `articles`, keyed "a", "b", ... in order.
fn bodies(lex: &Lexicon, articles: Vec<Article>) -> Vec<Arc<Body>> {
    let lex = Arc::new(lex.clone());
    articles
        .into_iter()
        .enumerate()
        .map(|(i, art)| {
            let mut order: Vec<usize> = (0..art.hits.len()).collect();
            order.sort_by_key(|&k| (art.hits[k].start, art.hits[k].end));
            Arc::new(Body {
                lex: Arc::clone(&lex),
                art,
                key: key(i),
                order,
            })
        })
        .collect()
}

/// The notes on an article's hits, in text order ([`HitView`]), made when the template reads
/// one.
#[derive(Debug)]
struct HitNotes(Arc<Body>);

impl Object for HitNotes {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let b = &self.0;
        let n = key.as_usize()?;
        let h = &b.art.hits[*b.order.get(n)?];
        Some(view_value(&hit_view(&b.lex, h, n + 1, &b.key)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.order.len())
    }
}

/// An article's paragraphs ([`Walk`]), in pieces of at most [`MAX_PIECE_CHUNKS`] chunks, each
/// made when the template's loop reaches it.
#[derive(Debug)]
struct ArticleText(Arc<Body>);

impl Object for ArticleText {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Iterable
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let body = Arc::clone(&self.0);
        let hits = &body.art.hits;
        let mut walk = Walk::new(
            &body.art.text,
            body.order.iter().map(|&k| (hits[k].start, hits[k].end)),
        );
        Enumerator::Iter(Box::new(std::iter::from_fn(move || {
            let a = &body.art;
            walk.next_piece(&a.text, &a.sentence_spans, &body.key)
                .map(|p| view_value(&p))
        })))
    }
}

/// A serde value as a template value (minijinja is built without its `serde` feature).
fn to_value(v: serde_json::Value) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::from(()),
        J::Bool(b) => Value::from(b),
        J::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(u)) => Value::from(u),
            _ => Value::from(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => Value::from(s),
        J::Array(a) => Value::from(a.into_iter().map(to_value).collect::<Vec<_>>()),
        J::Object(m) => Value::from(
            m.into_iter()
                .map(|(k, v)| (k, to_value(v)))
                .collect::<BTreeMap<String, Value>>(),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Building the view model

fn compare_page(
    lex: &Lexicon,
    c: &Comparison,
    a: &Article,
    b: &Article,
    date: Option<Date>,
) -> Page {
    let arts = [a, b];
    let anchors = Anchors::new(c.actors.iter().map(|d| d.actor.as_str()));
    let sources: Vec<SourceView> = arts
        .iter()
        .enumerate()
        .map(|(i, art)| source_view(art, i, Some(if i == 0 { &c.a } else { &c.b })))
        .collect();
    let (actors, chart, mentioned) = actor_views(c, &anchors);
    let findings = finding_views(c, &anchors);
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| sanitize(&actor_name(lex, id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let only_in = [(&c.only_in_a, 0), (&c.only_in_b, 1)]
        .iter()
        .filter(|(ids, _)| !ids.is_empty())
        .map(|&(ids, i)| OnlyIn {
            tag: tag(i),
            names: names(ids),
        })
        .collect();
    let speakers = speaker_tables(lex, c, &arts);
    Page {
        kind: "compare",
        title: format!(
            "Framing comparison: {} vs {}",
            sanitize(&c.a.name),
            sanitize(&c.b.name)
        ),
        version: env!("CARGO_PKG_VERSION"),
        date: date.map(date_text),
        lexicons: lexicons(lex),
        filter_actors: filter_actors(lex, &arts),
        unlinked: arts
            .iter()
            .any(|a| a.hits.iter().any(|h| h.actors.is_empty())),
        sources,
        findings,
        chart,
        actors,
        mentioned_only: mentioned.join(", "),
        only_in,
        speakers,
        voices: voices_legend(),
        stances: stances_legend(),
    }
}

/// The table row and the chart row of every actor a side has terms for, and the names of the
/// actors both sides only mention.
fn actor_views(c: &Comparison, anchors: &Anchors) -> (Vec<ActorRow>, Vec<ChartRow>, Vec<String>) {
    let mut actors = Vec::new();
    let mut chart = Vec::new();
    let mut mentioned = Vec::new();
    for d in &c.actors {
        if d.a.terms.is_empty() && d.b.terms.is_empty() {
            if d.a.mentions + d.b.mentions > 0 {
                mentioned.push(sanitize(&d.name));
            }
            continue;
        }
        let anchor = anchors.get(&d.actor);
        let sides = [(&d.a, 0), (&d.b, 1)];
        actors.push(ActorRow {
            anchor: anchor.clone(),
            actor: sanitize(&d.actor),
            name: sanitize(&d.name),
            sides: sides.iter().map(|&(s, i)| side_cell(s, i)).collect(),
            difference: d.author_stance_difference.map(fmt_score),
            swaps: d
                .swaps
                .iter()
                .map(|sw| SwapView {
                    a: sanitize(&sw.a),
                    a_stance: fmt_stance(sw.a_stance),
                    a_class: stance_class(sw.a_stance),
                    b: sanitize(&sw.b),
                    b_stance: fmt_stance(sw.b_stance),
                    b_class: stance_class(sw.b_stance),
                })
                .collect(),
        });
        let mut bars: Vec<Bar> = sides
            .iter()
            .flat_map(|&(s, i)| {
                let (own_n, others_n) = label_counts(&s.terms);
                [
                    bar(i, true, s.author_stance, own_n),
                    bar(i, false, s.others_stance, others_n),
                ]
            })
            .collect();
        for i in 0..bars.len() {
            bars[i].nudge = (0..i)
                .filter(|&j| {
                    bars[j].own == bars[i].own
                        && matches!((bars[j].value, bars[i].value), (Some(x), Some(y)) if (x - y).abs() < 0.2)
                })
                .count();
        }
        // An actor described only by attribution verbs has no stance to draw: no empty block.
        if bars.iter().any(|b| b.value.is_some()) {
            chart.push(ChartRow {
                actor: sanitize(&d.actor),
                name: sanitize(&d.name),
                href: format!("#{anchor}"),
                bars,
            });
        }
    }
    (actors, chart, mentioned)
}

/// The summary's findings, each with a link to its actor's row and its evidence.
fn finding_views(c: &Comparison, anchors: &Anchors) -> Vec<FindingView> {
    c.summary
        .iter()
        .enumerate()
        .map(|(n, f)| FindingView {
            id: format!("finding-{}", n + 1),
            short: sanitize(&f.short),
            text: sanitize(&f.text),
            actor: f.actor.as_ref().and_then(|id| {
                c.actors
                    .iter()
                    .find(|d| &d.actor == id && !(d.a.terms.is_empty() && d.b.terms.is_empty()))
                    .map(|d| Link {
                        href: format!("#{}", anchors.get(id)),
                        label: sanitize(&d.name),
                    })
            }),
            // Each sentence once.
            evidence: [(&f.evidence_a, 0), (&f.evidence_b, 1)]
                .iter()
                .flat_map(|&(evs, i)| {
                    let mut seen = BTreeSet::new();
                    evs.iter()
                        .filter(move |e| seen.insert(e.sentence))
                        .map(move |e| evidence_view(e, i))
                })
                .collect(),
        })
        .collect()
}

/// Each side's speakers: who is quoted, with which verbs, and the loaded terms in their words.
fn speaker_tables(lex: &Lexicon, c: &Comparison, arts: &[&Article; 2]) -> Vec<SpeakerTable> {
    [(&c.speakers_a, 0), (&c.speakers_b, 1)]
        .iter()
        .map(|&(list, i)| SpeakerTable {
            tag: tag(i),
            name: sanitize(&arts[i].name),
            rows: list
                .iter()
                .map(|sp| SpeakerRow {
                    speaker: sanitize(&sp.speaker),
                    actor: Some(sp.parties()).filter(|p| !p.is_empty()).map(|p| {
                        let names: Vec<String> = p.iter().map(|id| actor_name(lex, id)).collect();
                        sanitize(&names.join(", "))
                    }),
                    verbs: sanitize(
                        &sp.verbs
                            .iter()
                            .map(|(v, n)| format!("{v} ×{n}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    loaded: sanitize(&sp.loaded.join(", ")),
                })
                .collect(),
        })
        .collect()
}

fn score_page(lex: &Lexicon, arts: &[&Article], date: Option<Date>) -> Page {
    let sources: Vec<SourceView> = arts
        .iter()
        .enumerate()
        .map(|(i, art)| source_view(art, i, None))
        .collect();
    // Actors with terms, most terms first (as the text report of `score`).
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let mut mentioned: BTreeSet<&str> = BTreeSet::new();
    for art in arts {
        for (id, ap) in &art.profile.by_actor {
            if ap.hits > 0 {
                *totals.entry(id).or_default() += ap.hits;
            } else if ap.mentions > 0 {
                mentioned.insert(id);
            }
        }
    }
    mentioned.retain(|id| !totals.contains_key(id));
    let mut ids: Vec<(&str, usize)> = totals.into_iter().collect();
    ids.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let anchors = Anchors::new(ids.iter().map(|x| x.0));
    let mut actors = Vec::new();
    let mut chart = Vec::new();
    for &(id, _) in &ids {
        let anchor = anchors.get(id);
        let name = sanitize(&actor_name(lex, id));
        let sides: Vec<(Side, usize)> = arts
            .iter()
            .enumerate()
            .map(|(i, art)| {
                let ap = art.profile.by_actor.get(id);
                let terms = term_uses(art, id);
                let only_in_others_speech = terms
                    .iter()
                    .filter(|t| {
                        t.kind.counts_in_stance() && !t.by_voice.contains_key(&Voice::Author)
                    })
                    .map(|t| t.term.clone())
                    .collect();
                let side = Side {
                    mentions: ap.map_or(0, |p| p.mentions),
                    terms,
                    author_stance: ap.and_then(|p| p.author_stance),
                    others_stance: ap.and_then(|p| p.others_stance),
                    only_in_others_speech,
                    inferred_from: None,
                };
                (side, i)
            })
            .collect();
        actors.push(ActorRow {
            anchor: anchor.clone(),
            actor: sanitize(id),
            name: name.clone(),
            sides: sides.iter().map(|(s, i)| side_cell(s, *i)).collect(),
            difference: None,
            swaps: Vec::new(),
        });
        chart.push(ChartRow {
            actor: sanitize(id),
            name,
            href: format!("#{anchor}"),
            bars: sides
                .iter()
                .flat_map(|(s, i)| {
                    let (own_n, others_n) = label_counts(&s.terms);
                    [
                        bar(*i, true, s.author_stance, own_n),
                        bar(*i, false, s.others_stance, others_n),
                    ]
                })
                .collect(),
        });
    }
    let names: Vec<String> = arts.iter().map(|a| sanitize(&a.name)).collect();
    Page {
        kind: "score",
        title: if names.is_empty() {
            "Framing report".to_owned()
        } else {
            format!("Framing report: {}", names.join(", "))
        },
        version: env!("CARGO_PKG_VERSION"),
        date: date.map(date_text),
        lexicons: lexicons(lex),
        filter_actors: filter_actors(lex, arts),
        unlinked: arts
            .iter()
            .any(|a| a.hits.iter().any(|h| h.actors.is_empty())),
        sources,
        findings: Vec::new(),
        chart,
        actors,
        mentioned_only: mentioned
            .iter()
            .map(|id| sanitize(&actor_name(lex, id)))
            .collect::<Vec<_>>()
            .join(", "),
        only_in: Vec::new(),
        speakers: Vec::new(),
        voices: voices_legend(),
        stances: stances_legend(),
    }
}

use crate::diff::term_uses;

/// How many label uses (not attribution verbs) stand behind the own-voice and others' scores.
fn label_counts(terms: &[TermUse]) -> (usize, usize) {
    let mut own = 0;
    let mut others = 0;
    for t in terms.iter().filter(|t| t.kind.counts_in_stance()) {
        for (v, n) in &t.by_voice {
            if *v == Voice::Author {
                own += n;
            } else {
                others += n;
            }
        }
    }
    (own, others)
}

fn bar(i: usize, own: bool, value: Option<f64>, n: usize) -> Bar {
    let terms = if n == 1 { "term" } else { "terms" };
    Bar {
        tag: tag(i),
        own,
        value: value.map(|v| (v.clamp(-2.0, 2.0) * 100.0).round() / 100.0),
        sign: match value {
            Some(v) if v < 0.0 => "neg",
            Some(v) if v > 0.0 => "pos",
            _ => "zero",
        },
        text: match value {
            Some(v) => format!("{} ({n} {terms})", fmt_score(v)),
            None => "none".to_owned(),
        },
        nudge: 0,
    }
}

fn side_cell(s: &Side, i: usize) -> SideCell {
    let (own_n, others_n) = label_counts(&s.terms);
    let key = key(i);
    SideCell {
        tag: tag(i),
        terms: s
            .terms
            .iter()
            .map(|t| {
                let shown = crate::diff::shown(t);
                let mut sentences: Vec<usize> = t.evidence.iter().map(|e| e.sentence).collect();
                sentences.dedup();
                TermView {
                    variants: sanitize(
                        &t.written
                            .iter()
                            .filter(|w| **w != shown)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    shown: sanitize(&shown),
                    term: sanitize(&t.term),
                    category: sanitize(&t.category),
                    kind: t.kind.as_str(),
                    stance: fmt_stance(t.stance),
                    stance_class: stance_class(t.stance),
                    total: t.total,
                    by_voice: voice_counts(&t.by_voice),
                    only_others: s.only_in_others_speech.contains(&t.term),
                    more_sentences: sentences.len().saturating_sub(MAX_SENTENCE_LINKS),
                    sentences: sentences
                        .into_iter()
                        .take(MAX_SENTENCE_LINKS)
                        .map(|n| SentenceLink {
                            href: format!("#{key}-s-{}", n + 1),
                            n: n + 1,
                        })
                        .collect(),
                }
            })
            .collect(),
        own: s.author_stance.map_or_else(|| "–".to_owned(), fmt_score),
        own_n,
        others: s.others_stance.map_or_else(|| "–".to_owned(), fmt_score),
        others_n,
        mentions: s.mentions,
    }
}

fn evidence_view(e: &Evidence, i: usize) -> EvidenceView {
    let s = &e.sentence_text;
    let at = e
        .start
        .checked_sub(e.sentence_start)
        .filter(|&r| s.get(r..r + e.hit.len()) == Some(e.hit.as_str()));
    let (before, hit, after) = match at {
        Some(r) => (&s[..r], e.hit.as_str(), &s[r + e.hit.len()..]),
        None => (&**s, "", ""),
    };
    EvidenceView {
        tag: tag(i),
        href: format!("#{}-s-{}", key(i), e.sentence + 1),
        label: format!("{}, sentence {}", tag(i), e.sentence + 1),
        before: sanitize(&shown(before)),
        hit: sanitize(&shown(hit)),
        after: sanitize(&shown(after)),
        voice: e.voice.as_str(),
        speaker: e.speaker_shown().map(|s| sanitize(&s)),
    }
}

fn source_view(art: &Article, i: usize, info: Option<&crate::diff::SourceInfo>) -> SourceView {
    let p = &art.profile;
    SourceView {
        tag: tag(i),
        name: sanitize(&art.name),
        words: info.map_or(p.words, |x| x.words),
        hits: info.map_or(p.hits, |x| x.hits),
        density: format!("{:.1}", info.map_or(p.density, |x| x.density)),
        by_voice: voice_counts(&p.by_voice),
        key: key(i),
    }
}

fn hit_view(lex: &Lexicon, h: &Hit, n: usize, key: &str) -> HitView {
    let speaker = h.speaker.as_ref().map(|s| {
        let mut out = match &h.speaker_antecedent {
            Some(a) if a != s => format!("{s} ({a})"),
            _ => s.clone(),
        };
        if let Some(id) = &h.speaker_actor {
            out.push_str(&format!("; actor: {}", actor_name(lex, id)));
        }
        sanitize(&out)
    });
    HitView {
        n,
        id: format!("{key}-hit-{n}"),
        text: sanitize(&shown(&h.text)),
        term: sanitize(&h.term),
        category: sanitize(&h.category),
        kind: h.kind.as_str(),
        stance: fmt_stance(h.stance),
        stance_value: h.stance,
        stance_class: stance_class(h.stance),
        actors: if h.actors.is_empty() {
            "no actor".to_owned()
        } else {
            sanitize(
                &h.actors
                    .iter()
                    .map(|a| actor_name(lex, a))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        },
        actor_ids: sanitize(&h.actors.join(" ")),
        link: h.link.as_str(),
        link_detail: sanitize(&h.link_detail),
        voice: h.voice.as_str(),
        voice_rule: sanitize(&h.voice_rule),
        speaker,
        framed_speaker: h.framed_speaker.as_deref().map(sanitize),
        negation: h
            .negated
            .then(|| sanitize(h.negation.as_deref().unwrap_or("yes"))),
        sentence: h.sentence + 1,
    }
}

/// Splits an article into paragraphs (one per non-blank line), each into chunks (a sentence or
/// the space between two) and each chunk into plain and hit segments, at the hits' byte offsets.
/// `hits` are in text order; the segment of `hits[k]` has `hit == Some(k)`. Every hit gets exactly
/// one segment (a hit overlapping the one before is shown from where that one ends, possibly
/// empty), no cut falls inside a hit, and the segments of a paragraph put together are its line.
#[cfg(test)]
fn paragraphs(text: &str, hits: &[&Hit], sentences: &[Span], key: &str) -> Vec<Vec<Chunk>> {
    let mut walk = Walk::new(text, hits.iter().map(|h| (h.start, h.end)));
    let mut out: Vec<Vec<Chunk>> = Vec::new();
    while let Some(piece) = walk.next_piece(text, sentences, key) {
        if piece.open {
            out.push(Vec::new());
        }
        out.last_mut()
            .expect("a paragraph opens first")
            .extend(piece.chunks);
    }
    out
}

/// The walk behind [`paragraphs`], a piece of a paragraph at a time, so that a page is rendered
/// without holding every segment of a long article at once.
#[derive(Debug)]
struct Walk {
    /// Display ranges of the hits, in text order, never overlapping.
    disp: Vec<(usize, usize)>,
    /// Lines: a break inside a hit does not end one.
    lines: Vec<(usize, usize)>,
    /// The next line to read.
    line: usize,
    /// The next hit to place.
    next: usize,
    /// The next sentence to give an anchor.
    next_sentence: usize,
    /// The cuts of the paragraph being read (chunk `k` runs from `cuts[k]` to `cuts[k + 1]`),
    /// the next chunk to make (None between paragraphs), and where its line ends (whether it
    /// is the last).
    cuts: Vec<usize>,
    cut: Option<usize>,
    line_end: (usize, bool),
}

/// Chunks rendered as one piece: a paragraph of one long line is written a piece at a time.
const MAX_PIECE_CHUNKS: usize = 256;

/// Part of a paragraph: whether it opens the paragraph, whether it closes it, and its chunks.
#[derive(Debug, Serialize)]
struct Piece {
    open: bool,
    close: bool,
    chunks: Vec<Chunk>,
}

impl Walk {
    /// `hits`: the byte ranges of the hits, in text order.
    fn new(text: &str, hits: impl Iterator<Item = (usize, usize)>) -> Walk {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let mut disp: Vec<(usize, usize)> = Vec::new();
        let mut reach = 0;
        for (start, end) in hits {
            let s = floor(start).max(reach);
            let e = floor(end).max(s);
            disp.push((s, e));
            reach = e;
        }
        let mut walk = Walk {
            disp,
            lines: Vec::new(),
            line: 0,
            next: 0,
            next_sentence: 0,
            cuts: Vec::new(),
            cut: None,
            line_end: (0, false),
        };
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if (bytes[i] == b'\n' || bytes[i] == b'\r') && !walk.inside(i) {
                walk.lines.push((start, i));
                i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            } else {
                i += 1;
            }
        }
        walk.lines.push((start, text.len()));
        walk
    }

    /// Whether byte `p` falls inside a hit.
    fn inside(&self, p: usize) -> bool {
        let k = self.disp.partition_point(|d| d.0 < p);
        k > 0 && self.disp[k - 1].1 > p
    }

    /// The next piece of a paragraph: at most [`MAX_PIECE_CHUNKS`] of its chunks, or None after
    /// the last paragraph.
    fn next_piece(&mut self, text: &str, sentences: &[Span], key: &str) -> Option<Piece> {
        let open = self.cut.is_none();
        if open {
            self.start_paragraph(text, sentences)?;
        }
        let at = self.cut.unwrap_or(0);
        let (le, last_line) = self.line_end;
        let to = (at + MAX_PIECE_CHUNKS).min(self.cuts.len().saturating_sub(1));
        let mut chunks = Vec::with_capacity(to.saturating_sub(at));
        for k in at..to {
            let (x, y) = (self.cuts[k], self.cuts[k + 1]);
            chunks.push(self.chunk(text, sentences, key, (x, y), (y == le, last_line)));
        }
        let close = to + 1 >= self.cuts.len();
        self.cut = (!close).then_some(to);
        Some(Piece {
            open,
            close,
            chunks,
        })
    }

    /// Moves to the next line that makes a paragraph and cuts it at its sentences' edges; None
    /// after the last line.
    fn start_paragraph(&mut self, text: &str, sentences: &[Span]) -> Option<()> {
        loop {
            let li = self.line;
            let &(ls, le) = self.lines.get(li)?;
            self.line += 1;
            let last_line = li + 1 == self.lines.len();
            let blank = text[ls..le].trim().is_empty();
            let has_hits =
                self.next < self.disp.len() && (self.disp[self.next].0 < le || last_line);
            if blank && !has_hits {
                continue;
            }
            let mut cuts: Vec<usize> = vec![ls, le];
            let first = sentences.partition_point(|s| s.end <= ls);
            for s in sentences[first..].iter().take_while(|s| s.start < le) {
                for p in [s.start, s.end] {
                    if p > ls && p < le && text.is_char_boundary(p) && !self.inside(p) {
                        cuts.push(p);
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            self.cuts = cuts;
            self.cut = Some(0);
            self.line_end = (le, last_line);
            return Some(());
        }
    }

    /// The chunk from `x` to `y`; `line_end`: `y` ends its line, `last_line`: the line is the
    /// text's last.
    fn chunk(
        &mut self,
        text: &str,
        sentences: &[Span],
        key: &str,
        (x, y): (usize, usize),
        (line_end, last_line): (bool, bool),
    ) -> Chunk {
        let disp = &self.disp;
        let mut segments = Vec::new();
        let mut pos = x;
        while self.next < disp.len()
            && (disp[self.next].0 < y || (line_end && (disp[self.next].0 == y || last_line)))
        {
            let s = disp[self.next].0.clamp(pos, y);
            let e = disp[self.next].1.clamp(s, y);
            if s > pos {
                segments.push(Segment {
                    text: sanitize(&text[pos..s]),
                    hit: None,
                });
            }
            segments.push(Segment {
                text: sanitize(&text[s..e]),
                hit: Some(self.next),
            });
            pos = e;
            self.next += 1;
        }
        if y > pos {
            segments.push(Segment {
                text: sanitize(&text[pos..y]),
                hit: None,
            });
        }
        // Sentences starting here (and any skipped before, so that every one has an anchor).
        let mut ids = Vec::new();
        while self.next_sentence < sentences.len()
            && (sentences[self.next_sentence].start < y || (last_line && line_end))
        {
            self.next_sentence += 1;
            ids.push(format!("{key}-s-{}", self.next_sentence));
        }
        let k = sentences.partition_point(|s| s.start <= x);
        let sentence = k > 0 && sentences[k - 1].end > x;
        Chunk {
            sentence: sentence || !ids.is_empty(),
            ids,
            segments,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/// Anchor ids for actor rows: the id with anything but ASCII letters, digits, `-` and `_`
/// replaced, made unique.
struct Anchors(BTreeMap<String, String>);

impl Anchors {
    fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Anchors {
        let mut map = BTreeMap::new();
        let mut used = BTreeSet::new();
        for id in ids {
            let base: String = id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            let mut a = format!("actor-{base}");
            let mut n = 2;
            while !used.insert(a.clone()) {
                a = format!("actor-{base}-{n}");
                n += 1;
            }
            map.insert(id.to_owned(), a);
        }
        Anchors(map)
    }

    fn get(&self, id: &str) -> String {
        self.0
            .get(id)
            .cloned()
            .unwrap_or_else(|| "actors".to_owned())
    }
}

/// "A", "B", ... for the `i`-th source.
fn tag(i: usize) -> String {
    match u8::try_from(i) {
        Ok(n) if n < 26 => char::from(b'A' + n).to_string(),
        _ => format!("S{}", i + 1),
    }
}

fn key(i: usize) -> String {
    tag(i).to_lowercase()
}

fn actor_name(lex: &Lexicon, id: &str) -> String {
    lex.actor(id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}

/// A stance with a true minus sign: "−2", "0", "+1".
fn fmt_stance(s: i8) -> String {
    match s {
        0 => "0".to_owned(),
        s if s < 0 => format!("−{}", s.unsigned_abs()),
        s => format!("+{s}"),
    }
}

/// A mean stance: "−1.50", "+0.33", "0.00".
fn fmt_score(v: f64) -> String {
    let r = format!("{:.2}", v.abs());
    if r == "0.00" {
        r
    } else if v < 0.0 {
        format!("−{r}")
    } else {
        format!("+{r}")
    }
}

fn stance_class(s: i8) -> &'static str {
    match s {
        i8::MIN..=-2 => "st-m2",
        -1 => "st-m1",
        0 => "st-z",
        1 => "st-p1",
        _ => "st-p2",
    }
}

fn voice_counts(by: &BTreeMap<Voice, usize>) -> Vec<VoiceCount> {
    Voice::ALL
        .iter()
        .filter_map(|v| {
            by.get(v).map(|&n| VoiceCount {
                voice: v.as_str(),
                n,
            })
        })
        .collect()
}

fn lexicons(lex: &Lexicon) -> Vec<LexiconView> {
    lex.files
        .iter()
        .map(|f| LexiconView {
            name: sanitize(&f.name),
            version: f.version.as_deref().map(sanitize),
            path: sanitize(&f.path),
            labels: f.labels,
            actors: f.actors,
        })
        .collect()
}

fn filter_actors(lex: &Lexicon, arts: &[&Article]) -> Vec<FilterActor> {
    let ids: BTreeSet<&str> = arts
        .iter()
        .flat_map(|a| a.hits.iter().flat_map(|h| h.actors.iter().map(|a| &**a)))
        .collect();
    let mut out: Vec<FilterActor> = ids
        .into_iter()
        .map(|id| FilterActor {
            id: sanitize(id),
            name: sanitize(&actor_name(lex, id)),
        })
        .collect();
    out.sort_by_key(|x| x.name.to_lowercase());
    out
}

fn voices_legend() -> Vec<VoiceView> {
    vec![
        VoiceView {
            id: "author",
            line: "solid underline",
            meaning: "the outlet's own words (its narration)",
        },
        VoiceView {
            id: "quote",
            line: "double underline",
            meaning: "inside quotation marks, attributed to a speaker",
        },
        VoiceView {
            id: "reported",
            line: "dashed underline",
            meaning: "reported or attributed speech without quotation marks",
        },
        VoiceView {
            id: "scare",
            line: "dotted underline",
            meaning: "scare quotes or a distancing word (\"so-called\"), no speaker",
        },
    ]
}

fn stances_legend() -> Vec<StanceView> {
    vec![
        StanceView {
            label: "−2",
            class: "st-m2",
            meaning: "strongly delegitimizing",
        },
        StanceView {
            label: "−1",
            class: "st-m1",
            meaning: "delegitimizing",
        },
        StanceView {
            label: "0",
            class: "st-z",
            meaning: "neutral or descriptive",
        },
        StanceView {
            label: "+1",
            class: "st-p1",
            meaning: "legitimizing",
        },
        StanceView {
            label: "+2",
            class: "st-p2",
            meaning: "strongly legitimizing",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn analyzer() -> Analyzer {
        Analyzer::new(Lexicon::bundled().unwrap()).unwrap()
    }

    /// The compare page with no date.
    fn compare(lex: &Lexicon, c: &Comparison, a: &Article, b: &Article) -> Result<String, Error> {
        compare_dated(lex, c, a, b, None)
    }

    /// The score page with no date.
    fn score(lex: &Lexicon, articles: &[Article]) -> Result<String, Error> {
        score_dated(lex, articles, None)
    }

    fn samples(an: &Analyzer) -> (Article, Article) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 2, "two samples expected in {dir}");
        let read = |p: &std::path::Path| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            an.analyze(&name, &std::fs::read_to_string(p).unwrap())
        };
        (read(&paths[0]), read(&paths[1]))
    }

    /// What minijinja's HTML escaping makes of `s`.
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2f;")
    }

    /// The markup of the element with id `id`, up to its `</mark>`.
    fn mark<'a>(page: &'a str, id: &str) -> &'a str {
        let at = page
            .find(&format!(" id=\"{id}\""))
            .unwrap_or_else(|| panic!("no element {id}"));
        let start = page[..at].rfind("<mark ").unwrap();
        let end = at + page[at..].find("</mark>").unwrap();
        &page[start..end]
    }

    fn check_anchors(page: &str) {
        for part in page.split("href=\"#").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            assert!(
                page.contains(&format!(" id=\"{id}\"")),
                "link to #{id} has no target"
            );
        }
    }

    #[test]
    fn compare_page_of_the_samples() {
        let an = analyzer();
        let (a, b) = samples(&an);
        let c = crate::diff::compare(&an.lexicon, &a, &b);
        let page = compare(&an.lexicon, &c, &a, &b).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(!page.contains("src=") && !page.contains("@import"));
        assert_eq!(page.matches("<script").count(), 1);
        assert!(a.hits.len() + b.hits.len() > 10);
        assert_eq!(
            page.matches("<mark class=\"hit ").count(),
            a.hits.len() + b.hits.len()
        );
        for (key, art) in [("a", &a), ("b", &b)] {
            let mut hits: Vec<&Hit> = art.hits.iter().collect();
            hits.sort_by_key(|h| (h.start, h.end));
            for (n, h) in hits.iter().enumerate() {
                let m = mark(&page, &format!("{key}-hit-{}", n + 1));
                assert!(m.contains("tabindex=\"0\""), "{m}");
                assert!(m.contains(&format!("data-voice=\"{}\"", h.voice.as_str())));
                let (shown, tip) = m.split_once("<span class=\"tip\"").unwrap();
                assert!(shown.contains(&format!(">{}<sup", esc(&h.text))), "{m}");
                assert!(tip.contains(&esc(&h.term)), "{tip}");
                assert!(
                    tip.contains(&format!("<b>voice</b> {}", h.voice.as_str())),
                    "{tip}"
                );
            }
            for s in 1..=art.sentence_spans.len() {
                assert!(page.contains(&format!(" id=\"{key}-s-{s}\"")));
            }
        }
        let with_terms = c
            .actors
            .iter()
            .filter(|d| !d.a.terms.is_empty() || !d.b.terms.is_empty())
            .count();
        // The chart (wide and narrow) and the overview draw the actors with a stance; one
        // described only by attribution verbs has a row in the table alone.
        let with_stance = c
            .actors
            .iter()
            .filter(|d| {
                [&d.a, &d.b]
                    .iter()
                    .any(|s| s.author_stance.is_some() || s.others_stance.is_some())
            })
            .count();
        assert!(with_terms > with_stance && with_stance > 0);
        for layout in ["chart-wide", "chart-narrow"] {
            let chart = &page[page
                .find(&format!("<svg class=\"chart {layout}\""))
                .unwrap()..];
            let chart = &chart[..chart.find("</svg>").unwrap()];
            assert_eq!(
                chart.matches("<g class=\"chart-actor\"").count(),
                with_stance,
                "{layout}"
            );
        }
        assert_eq!(page.matches("<div class=\"track\"").count(), with_stance);
        assert_eq!(page.matches("<tr id=\"actor-").count(), with_terms);
        assert_eq!(page.matches("<li id=\"finding-").count(), c.summary.len());
        check_anchors(&page);
        // Deterministic: no clock in the page.
        assert_eq!(page, compare(&an.lexicon, &c, &a, &b).unwrap());
        assert!(
            compare_dated(
                &an.lexicon,
                &c,
                &a,
                &b,
                Some(jiff::civil::date(2024, 12, 4))
            )
            .unwrap()
            .contains("on 2024-12-04")
        );
    }

    #[test]
    fn article_text_renders_as_text() {
        let an = analyzer();
        let (a, _) = samples(&an);
        let evil = "Rebels <script>alert(1)</script> took the town.\n\
                    The terrorists wrote </textarea><img src=x onerror=alert(2)> in the \"onmouseover=alert(1) square.\n\
                    Officials said the \u{202E}regime\u{202C} and the terrorists fled.\n";
        let b = an.analyze("<script>alert(3)</script>\u{202E}", evil);
        assert!(!b.hits.is_empty());
        let c = crate::diff::compare(&an.lexicon, &a, &b);
        for page in [
            compare(&an.lexicon, &c, &a, &b).unwrap(),
            score(&an.lexicon, std::slice::from_ref(&b)).unwrap(),
        ] {
            assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
            assert!(!page.contains("<script>alert"));
            assert!(!page.contains("</textarea>"));
            assert!(!page.contains("<img"));
            assert!(!page.contains("\"onmouseover"));
            assert!(!page.contains('\u{202E}') && !page.contains('\u{202C}'));
            assert!(page.contains("\\u{202e}"));
            assert_eq!(page.matches("<script").count(), 1);
            check_anchors(&page);
        }
    }

    #[test]
    fn score_page() {
        let an = analyzer();
        let (a, b) = samples(&an);
        let page = score(&an.lexicon, &[a.clone(), b.clone(), a.clone()]).unwrap();
        assert_eq!(
            page.matches("<mark class=\"hit ").count(),
            2 * a.hits.len() + b.hits.len()
        );
        assert!(page.contains(" id=\"c-hit-1\""));
        assert!(!page.contains("id=\"summary\""));
        assert!(!page.contains("http://") && !page.contains("https://"));
        check_anchors(&page);
        let empty = score(&an.lexicon, &[]).unwrap();
        assert!(empty.contains("No loaded term describes an actor."));
    }

    /// A term used in more sentences than the table lists links to: the first twelve are
    /// linked and the rest counted, while the article still highlights every use.
    #[test]
    fn the_actor_table_links_at_most_twelve_sentences_per_term() {
        let an = analyzer();
        let text = "The regime shelled the town. ".repeat(20);
        let art = an.analyze("t", &text);
        assert_eq!(art.hits.len(), 20);
        let page = score(&an.lexicon, &[art]).unwrap();
        assert!(
            page.contains("sentence 12\">s12</a> and 8 more</li>"),
            "{page}"
        );
        assert!(!page.contains("sentence 13\">s13</a>"));
        assert_eq!(page.matches("<mark class=\"hit ").count(), 20);
    }

    /// A line longer than one piece is still one paragraph: one `<p>`, one `</p>`, every
    /// sentence anchored once and every hit marked once, in text order.
    #[test]
    fn a_long_line_is_written_in_pieces_as_one_paragraph() {
        let an = analyzer();
        let text = format!(
            "{}\nThe regime fell.",
            "The regime shelled the town. ".repeat(300)
        );
        let art = an.analyze("t", &text);
        let page = score(&an.lexicon, &[art]).unwrap();
        let body = &page[page.find("<div class=\"body\">").unwrap()..];
        let body = &body[..body.find("</div>").unwrap()];
        assert_eq!(body.matches("<p>").count(), 2, "{body}");
        assert_eq!(body.matches("</p>").count(), 2);
        assert!(body.contains("town.</span> </p>\n<p><span class=\"s\" id=\"a-s-301\">"));
        let ids: Vec<usize> = body
            .match_indices("id=\"a-s-")
            .map(|(i, _)| {
                let rest = &body[i + 8..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(ids, (1..=301).collect::<Vec<_>>());
        assert_eq!(body.matches("<mark class=\"hit ").count(), 301);
    }

    #[test]
    fn segments_cover_every_line_and_hit() {
        let an = analyzer();
        let text = "Headline about terrorists\r\n\r\n  The regime and the rebels.  Terrorists struck.\rLast line, no break";
        let art = an.analyze("t", text);
        let hits: Vec<&Hit> = art.hits.iter().collect();
        assert!(hits.len() >= 3);
        let ps = paragraphs(text, &hits, &art.sentence_spans, "a");
        let lines: Vec<&str> = text
            .split(['\r', '\n'])
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(ps.len(), lines.len());
        let mut seen = Vec::new();
        for (p, line) in ps.iter().zip(&lines) {
            let joined: String = p
                .iter()
                .flat_map(|c| c.segments.iter().map(|s| s.text.as_str()))
                .collect();
            assert_eq!(&joined, line);
            for s in p.iter().flat_map(|c| &c.segments) {
                if let Some(k) = s.hit {
                    assert_eq!(s.text, hits[k].text);
                    seen.push(k);
                }
            }
        }
        assert_eq!(seen, (0..hits.len()).collect::<Vec<_>>());
        let ids: Vec<&String> = ps.iter().flatten().flat_map(|c| &c.ids).collect();
        assert_eq!(ids.len(), art.sentence_spans.len());
    }

    #[test]
    fn overlapping_and_stray_hits_still_get_one_element_each() {
        let an = analyzer();
        let text = "The terrorists attacked.\nThen nothing.";
        let art = an.analyze("t", text);
        let mut inner = art.hits[0].clone();
        inner.start += 1;
        let mut past_end = art.hits[0].clone();
        past_end.start = text.len() + 5;
        past_end.end = text.len() + 9;
        let hits = vec![&art.hits[0], &inner, &past_end];
        let ps = paragraphs(text, &hits, &art.sentence_spans, "a");
        let placed: Vec<usize> = ps
            .iter()
            .flatten()
            .flat_map(|c| &c.segments)
            .filter_map(|s| s.hit)
            .collect();
        assert_eq!(placed, vec![0, 1, 2]);
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus page

const CORPUS_TEMPLATE: &str = include_str!("templates/corpus.html");

/// Colour-blind-safe categorical colours (Okabe–Ito) for an actor's most used terms; the last
/// is for every other term.
const TERM_COLOURS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#bbbbbb",
];

#[derive(Serialize)]
struct CorpusPage {
    version: &'static str,
    title: String,
    date: Option<String>,
    headline: String,
    howto: Vec<String>,
    compare: bool,
    by: Option<&'static str>,
    sources: Vec<CorpusSourceView>,
    actors: Vec<CorpusActorView>,
}

#[derive(Serialize)]
struct CorpusSourceView {
    name: String,
    articles: String,
    words: String,
    hits: String,
    density: String,
    own: String,
}

#[derive(Serialize)]
struct CorpusActorView {
    anchor: String,
    title: String,
    uses: String,
    chart: ShareChart,
    rows: Vec<KeyRowView>,
    more: usize,
    /// With `--compare` and no significant difference: why.
    note: Option<String>,
}

#[derive(Serialize)]
struct ShareChart {
    width: u32,
    height: u32,
    label_width: u32,
    bars: Vec<ShareBar>,
    legend: Vec<LegendItem>,
    description: String,
}

#[derive(Serialize)]
struct ShareBar {
    y: u32,
    label: String,
    total: String,
    segments: Vec<ShareSegment>,
}

#[derive(Serialize)]
struct ShareSegment {
    x: String,
    width: String,
    colour: &'static str,
    title: String,
}

#[derive(Serialize)]
struct LegendItem {
    term: String,
    colour: &'static str,
}

#[derive(Serialize)]
struct KeyRowView {
    period: String,
    source: String,
    term: String,
    direction: &'static str,
    uses: String,
    share: String,
    elsewhere: String,
    g2: String,
    chi2: String,
    p: String,
    log_ratio: String,
}

/// The corpus report as one self-contained page: totals per source, and per actor a chart of
/// the share of each term in each source's uses (one bar per source and period with `--by`)
/// and the table of significant differences.
pub fn corpus(
    r: &crate::corpus::compare::CorpusReport,
    compare: bool,
    date: Option<Date>,
) -> Result<String, Error> {
    use super::figures::thousands;
    let mut actors: Vec<CorpusActorView> = Vec::new();
    let mut order: Vec<&str> = Vec::new();
    // Actor order: as in the first period that has them.
    for p in &r.periods {
        for a in &p.actors {
            if !order.contains(&a.actor.as_str()) {
                order.push(&a.actor);
            }
        }
    }
    for id in order {
        let entries: Vec<(&str, &crate::corpus::compare::ActorComparison)> = r
            .periods
            .iter()
            .filter_map(|p| {
                p.actors
                    .iter()
                    .find(|a| a.actor == id)
                    .map(|a| (p.period.as_str(), a))
            })
            .collect();
        let sig: Vec<(&str, &crate::corpus::compare::KeyRow)> = entries
            .iter()
            .flat_map(|(p, a)| {
                a.keyness
                    .iter()
                    .filter(|k| k.significant)
                    .map(move |k| (*p, k))
            })
            .collect();
        let first = entries[0].1;
        let title = if first.name == first.actor {
            sanitize(&first.actor)
        } else {
            format!("{} ({})", sanitize(&first.name), sanitize(&first.actor))
        };
        // Every actor keeps its section; one without a significant difference says why.
        let note = (compare && sig.is_empty()).then(|| super::figures::no_difference(r, first));
        let mut sums: BTreeMap<&str, u64> = BTreeMap::new();
        for (_, a) in &entries {
            for (s, n) in &a.totals {
                *sums.entry(s).or_default() += n;
            }
        }
        let uses = sums
            .iter()
            .map(|(s, n)| format!("{} {}", sanitize(s), thousands(*n)))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = key_rows(&sig);
        actors.push(CorpusActorView {
            anchor: format!("actor-{}", slug(id)),
            title,
            uses,
            chart: share_chart(r, &entries),
            more: sig.len().saturating_sub(30),
            rows,
            note,
        });
    }
    let sources = r
        .sources
        .iter()
        .map(|t| CorpusSourceView {
            name: sanitize(&t.source),
            articles: thousands(t.articles),
            words: thousands(t.words),
            hits: thousands(t.hits),
            density: format!("{:.2}", t.density),
            own: super::figures::own_share(t),
        })
        .collect();
    let page = CorpusPage {
        version: env!("CARGO_PKG_VERSION"),
        title: format!("framelens corpus report: {}", super::figures::headline(r)),
        date: date.map(date_text),
        headline: super::figures::headline(r),
        howto: super::figures::how_to_read(r, compare),
        compare,
        by: r.by.map(|b| match b {
            crate::corpus::compare::Period::Month => "month",
            crate::corpus::compare::Period::Year => "year",
        }),
        sources,
        actors,
    };
    render("corpus.html", &page)
}

/// The chart of an actor's terms: for each source (and period, with `--by`), the share of each
/// of the actor's most used terms among its uses there.
fn share_chart(
    r: &crate::corpus::compare::CorpusReport,
    entries: &[(&str, &crate::corpus::compare::ActorComparison)],
) -> ShareChart {
    use super::figures::thousands;
    // The actor's most used terms over every period get the colours.
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    // The words each term is shown by.
    let mut words: BTreeMap<&str, &str> = BTreeMap::new();
    for (_, a) in entries {
        for t in &a.terms {
            *totals.entry(&t.term).or_default() += t.total;
            words.insert(&t.term, &t.words);
        }
    }
    let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let named: Vec<&str> = ranked
        .iter()
        .take(TERM_COLOURS.len() - 1)
        .map(|(t, _)| *t)
        .collect();
    let colour_of = |t: &str| {
        named
            .iter()
            .position(|n| *n == t)
            .map_or(TERM_COLOURS[TERM_COLOURS.len() - 1], |i| TERM_COLOURS[i])
    };
    let (label_width, bar_width, row) = (190u32, 460u32, 24u32);
    let mut bars = Vec::new();
    let mut y = 8u32;
    for (period, a) in entries {
        for (source, total) in &a.totals {
            let mut segments = Vec::new();
            let mut x = 0.0f64;
            let mut other = 0u64;
            for t in &a.terms {
                let n = t.counts.get(source).copied().unwrap_or(0);
                if n == 0 {
                    continue;
                }
                if !named.contains(&t.term.as_str()) {
                    other += n;
                    continue;
                }
                let w = n as f64 / *total as f64 * f64::from(bar_width);
                segments.push(ShareSegment {
                    x: format!("{:.1}", x),
                    width: format!("{:.1}", w),
                    colour: colour_of(&t.term),
                    title: format!(
                        "{}: \u{201c}{}\u{201d} {} of {} uses ({:.1}%)",
                        sanitize(source),
                        sanitize(&t.words),
                        thousands(n),
                        thousands(*total),
                        n as f64 * 100.0 / *total as f64
                    ),
                });
                x += w;
            }
            if other > 0 {
                let w = other as f64 / *total as f64 * f64::from(bar_width);
                segments.push(ShareSegment {
                    x: format!("{:.1}", x),
                    width: format!("{:.1}", w),
                    colour: TERM_COLOURS[TERM_COLOURS.len() - 1],
                    title: format!(
                        "{}: other terms {} of {} uses",
                        sanitize(source),
                        thousands(other),
                        thousands(*total)
                    ),
                });
            }
            bars.push(ShareBar {
                y,
                label: if r.by.is_some() {
                    format!("{} · {}", sanitize(period), sanitize(source))
                } else {
                    sanitize(source)
                },
                total: thousands(*total),
                segments,
            });
            y += row;
        }
        y += if r.by.is_some() { 10 } else { 0 };
    }
    let mut legend: Vec<LegendItem> = named
        .iter()
        .map(|t| LegendItem {
            term: sanitize(words.get(t).copied().unwrap_or(t)),
            colour: colour_of(t),
        })
        .collect();
    if ranked.len() > named.len() {
        legend.push(LegendItem {
            term: "other terms".into(),
            colour: TERM_COLOURS[TERM_COLOURS.len() - 1],
        });
    }
    ShareChart {
        width: label_width + bar_width + 90,
        height: y + 8,
        label_width,
        description: format!(
            "Share of each term among the terms used for this actor, one bar per {}.",
            if r.by.is_some() {
                "period and source"
            } else {
                "source"
            }
        ),
        bars,
        legend,
    }
}

/// The first 30 significant differences of an actor, as the table shows them.
fn key_rows(sig: &[(&str, &crate::corpus::compare::KeyRow)]) -> Vec<KeyRowView> {
    use super::figures::{p_text, thousands};
    sig.iter()
        .take(30)
        .map(|(p, k)| KeyRowView {
            period: sanitize(p),
            source: sanitize(&k.source),
            term: sanitize(&k.words),
            direction: k.direction,
            uses: format!(
                "{} of {}",
                thousands(k.stats.n_target),
                thousands(k.stats.target_total)
            ),
            share: format!("{:.1}%", k.share * 100.0),
            elsewhere: format!("{:.1}%", k.share_reference * 100.0),
            g2: format!("{:.1}", k.stats.g2.abs()),
            chi2: format!("{:.1}", k.stats.chi2.abs()),
            p: p_text(k.p_adjusted),
            log_ratio: format!("{:+.2}", k.stats.log_ratio),
        })
        .collect()
}

/// An anchor-safe form of an id.
fn slug(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}
