//! Reports: the analysis of articles (`score`) and the comparison of two (`compare`) rendered as
//! plain text for a terminal (80 columns, optional colour), Markdown, or JSON.
//!
//! Every format is built from the same [`Article`] and [`Comparison`] values; the JSON is their
//! serde form inside an envelope with `schema_version` (see `docs/json.md`).

pub mod attributions;
pub mod corpus;
mod figures;
pub(crate) mod html;

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;

use crate::analysis::voice::Voice;
use crate::analysis::{Article, Hit};
use crate::diff::{Comparison, Evidence, Side};
use crate::lexicon::{Kind, Lexicon, SourceFile};
use crate::text::{sanitize, shown};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal, wrapped to `Options::width`, with optional colour.
    Text,
    /// Markdown.
    Markdown,
    /// JSON: the serde form of the values, with `schema_version` (see `docs/json.md`).
    Json,
    /// One self-contained page (see `html`).
    Html,
}

/// Options common to all reports.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The format to render.
    pub format: Format,
    /// Show, for every hit, the rules and the sentence that explain it.
    pub explain: bool,
    /// Emit ANSI colour (text format only; the caller decides from the terminal and NO_COLOR).
    pub color: bool,
    /// Columns that plain-text reports wrap to (80 by default; never fewer than 20 are used).
    pub width: usize,
    /// The date shown in the header of an HTML report.
    pub date: Option<jiff::civil::Date>,
    /// The comparison's summary in full (every term and speaker of each finding, and its
    /// evidence sentences) rather than one short sentence per finding with sentence numbers.
    pub long: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Text,
            explain: false,
            color: false,
            width: 80,
            date: None,
            long: false,
        }
    }
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    schema_version: u32,
    framelens_version: &'static str,
    command: &'static str,
    lexicons: &'a [SourceFile],
    articles: &'a [Article],
}

#[derive(Serialize)]
struct CompareJson<'a> {
    command: &'static str,
    #[serde(flatten)]
    comparison: &'a Comparison,
    articles: [&'a Article; 2],
}

struct Styles {
    head: Style,
    term: Style,
    dim: Style,
}

impl Styles {
    fn new(color: bool) -> Styles {
        if color {
            Styles {
                head: Style::new().effects(Effects::BOLD),
                term: Style::new()
                    .fg_color(Some(AnsiColor::Yellow.into()))
                    .effects(Effects::BOLD),
                dim: Style::new().effects(Effects::DIMMED),
            }
        } else {
            Styles {
                head: Style::new(),
                term: Style::new(),
                dim: Style::new(),
            }
        }
    }
}

fn paint(s: Style, t: &str) -> String {
    format!("{}{t}{}", s.render(), s.render_reset())
}

fn wrap(t: &str, width: usize, indent: &str) -> String {
    let opts = textwrap::Options::new(width.max(20))
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(&sanitize(t), opts)
}

/// [`wrap`] of text taken from the article (a rule's reasons quote it): each run of whitespace
/// shown as one space.
fn wrap_shown(t: &str, width: usize, indent: &str) -> String {
    wrap(&shown(t), width, indent)
}

fn stance(s: Option<f64>) -> String {
    s.map_or_else(|| "-".into(), |v| format!("{v:+.2}"))
}

fn voices(by: &std::collections::BTreeMap<Voice, usize>) -> String {
    Voice::ALL
        .iter()
        .filter_map(|v| by.get(v).map(|n| format!("{} {n}", v.as_str())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn actor_name(lex: &Lexicon, id: &str) -> String {
    lex.actor(id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}

fn hit_line(h: &Hit, lex: &Lexicon) -> String {
    let actors = if h.actors.is_empty() {
        "no actor".to_owned()
    } else {
        h.actors
            .iter()
            .map(|a| actor_name(lex, a))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let mut voice = h.voice.as_str().to_owned();
    if let Some(s) = &h.speaker {
        let _ = write!(voice, " ({})", shown(s));
    }
    if h.negated {
        voice.push_str(", negated");
    }
    format!(
        "'{}' [{} {:+}] -> {actors}; {voice}",
        shown(&h.text),
        h.term,
        h.stance
    )
}

fn explain_lines(h: &Hit, width: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        wrap_shown(
            &format!("entry: {} ({}, {})", h.term, h.category, h.kind.as_str()),
            width,
            "      "
        )
    );
    let _ = writeln!(
        s,
        "{}",
        wrap_shown(
            &format!("actor: {}: {}", h.link.as_str(), h.link_detail),
            width,
            "      "
        )
    );
    if !h.done_to.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            wrap_shown(
                &format!(
                    "done to: {} (the party after \"of\", \"against\" or \"on\", or the verb's object)",
                    h.done_to.join(", ")
                ),
                width,
                "      "
            )
        );
    }
    if !h.link_candidates.is_empty() {
        let weighed: Vec<String> = h
            .link_candidates
            .iter()
            .map(|c| match c.excluded {
                Some(why) => format!("{} {} (out: {why})", c.actor, c.points),
                None => format!("{} {}", c.actor, c.points),
            })
            .collect();
        let _ = writeln!(
            s,
            "{}",
            wrap_shown(
                &format!("weighed (salience points): {}", weighed.join("; ")),
                width,
                "      "
            )
        );
    }
    let mut v = format!("voice: {}", h.voice_rule);
    match &h.speaker_actor {
        Some(a) if h.speaker_by_office => {
            let _ = write!(
                v,
                " (speaker actor: {a}, whose official or organ the speaker is by title, not by name)"
            );
        }
        Some(a) => {
            let _ = write!(v, " (speaker actor: {a})");
        }
        None => {}
    }
    let _ = writeln!(s, "{}", wrap_shown(&v, width, "      "));
    let _ = writeln!(
        s,
        "{}",
        wrap_shown(
            &format!("sentence {}: {}", h.sentence + 1, h.sentence_text),
            width,
            "      "
        )
    );
    s
}

/// Renders `score` output for several articles.
pub fn score(lex: &Lexicon, articles: &[Article], o: Options) -> String {
    match o.format {
        Format::Json => json(&ScoreJson {
            schema_version: crate::SCHEMA_VERSION,
            framelens_version: env!("CARGO_PKG_VERSION"),
            command: "score",
            lexicons: &lex.files,
            articles,
        }),
        Format::Markdown => score_markdown(lex, articles, o),
        Format::Html => html::score_dated(lex, articles, o.date)
            .unwrap_or_else(|e| format!("cannot render the HTML report: {e}\n")),
        Format::Text => score_text(lex, articles, o),
    }
}

/// Writes `v` as pretty JSON with a final newline, streamed to `w` (no string of the whole
/// document is built).
pub(crate) fn json_to<T: Serialize>(w: &mut dyn std::io::Write, v: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

/// [`score`], written to `w`: JSON and HTML are streamed. The articles are taken, because the
/// HTML page reads them while it is written (see `html::score_to`).
pub fn score_to(
    w: &mut dyn std::io::Write,
    lex: &Lexicon,
    articles: Vec<Article>,
    o: Options,
) -> std::io::Result<()> {
    match o.format {
        Format::Json => json_to(
            w,
            &ScoreJson {
                schema_version: crate::SCHEMA_VERSION,
                framelens_version: env!("CARGO_PKG_VERSION"),
                command: "score",
                lexicons: &lex.files,
                articles: &articles,
            },
        ),
        Format::Html => html::score_to(w, lex, articles, o.date).map_err(html_write_error),
        _ => w.write_all(score(lex, &articles, o).as_bytes()),
    }
}

/// An error of rendering HTML to a writer: the writer's own error when there is one (a closed
/// pipe stays a closed pipe).
fn html_write_error(e: minijinja::Error) -> std::io::Error {
    use std::error::Error as _;
    match e.source().and_then(|s| s.downcast_ref::<std::io::Error>()) {
        Some(io) => std::io::Error::new(io.kind(), io.to_string()),
        None => std::io::Error::other(format!("cannot render the HTML report: {e}")),
    }
}

/// [`compare`], written to `w`: JSON and HTML are streamed. The articles are taken, as in
/// [`score_to`].
pub fn compare_to(
    w: &mut dyn std::io::Write,
    lex: &Lexicon,
    c: &Comparison,
    [a, b]: [Article; 2],
    o: Options,
) -> std::io::Result<()> {
    match o.format {
        Format::Json => json_to(
            w,
            &CompareJson {
                command: "compare",
                comparison: c,
                articles: [&a, &b],
            },
        ),
        Format::Html => html::compare_to(w, lex, c, [a, b], o.date).map_err(html_write_error),
        _ => w.write_all(compare(lex, c, &a, &b, o).as_bytes()),
    }
}

fn json<T: Serialize>(v: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

fn lexicon_line(lex: &Lexicon) -> String {
    lex.files
        .iter()
        .map(|f| match &f.version {
            Some(v) => format!("{} {v} ({})", f.name, f.path),
            None => format!("{} ({})", f.name, f.path),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn score_text(lex: &Lexicon, articles: &[Article], o: Options) -> String {
    let st = Styles::new(o.color);
    let mut s = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let p = &a.profile;
        let _ = writeln!(
            s,
            "{}",
            paint(st.head, &format!("== {} ==", sanitize(&a.name)))
        );
        let _ = writeln!(
            s,
            "{} words, {} sentences, {} loaded terms ({:.1} per 1,000 words); {}",
            p.words,
            p.sentences,
            p.hits,
            p.density,
            voices(&p.by_voice)
        );
        if let Some(note) = p.language_note() {
            let _ = writeln!(s, "{}", paint(st.dim, &format!("Note: {note}")));
        }
        s.push('\n');
        let _ = writeln!(
            s,
            "{}",
            paint(
                st.head,
                "Actors (mean stance of terms: own voice / others' voices)"
            )
        );
        let mut rows: Vec<_> = p.by_actor.iter().filter(|(_, ap)| ap.hits > 0).collect();
        rows.sort_by(|x, y| y.1.hits.cmp(&x.1.hits).then(x.0.cmp(y.0)));
        for (id, ap) in rows {
            let _ = writeln!(
                s,
                "{}",
                wrap(
                    &format!(
                        "{}: {} terms ({}); stance {} / {}",
                        actor_name(lex, id),
                        ap.hits,
                        voices(&ap.by_voice),
                        stance(ap.author_stance),
                        stance(ap.others_stance)
                    ),
                    o.width,
                    "  "
                )
            );
        }
        s.push('\n');
        let _ = writeln!(s, "{}", paint(st.head, "Terms"));
        for h in &a.hits {
            let line = wrap(&hit_line(h, lex), o.width, "  ");
            let term = shown(&h.text);
            let _ = writeln!(s, "{}", line.replacen(&*term, &paint(st.term, &term), 1));
            if o.explain {
                s.push_str(&paint(st.dim, &explain_lines(h, o.width)));
            }
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        wrap(&format!("Lexicons: {}", lexicon_line(lex)), o.width, "")
    );
    s
}

pub(crate) fn md_escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in sanitize(t).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A sentence with the hit in bold.
fn md_evidence(e: &Evidence) -> String {
    let s = &e.sentence_text;
    let rel = e
        .start
        .checked_sub(e.sentence_start)
        .filter(|&i| s.get(i..i + e.hit.len()) == Some(e.hit.as_str()));
    let body = match rel {
        Some(i) => format!(
            "{}**{}**{}",
            md_escape(&shown(&s[..i])),
            md_escape(&shown(&e.hit)),
            md_escape(&shown(&s[i + e.hit.len()..]))
        ),
        None => md_escape(&shown(s)),
    };
    let who = match (&e.voice, e.speaker_shown()) {
        (v, Some(sp)) => format!("{}, {}", v.as_str(), md_escape(&sp)),
        (v, None) => v.as_str().to_owned(),
    };
    format!("{body} _({who})_")
}

fn score_markdown(lex: &Lexicon, articles: &[Article], _o: Options) -> String {
    let mut s = String::new();
    for a in articles {
        let p = &a.profile;
        let _ = writeln!(s, "## {}\n", md_escape(&a.name));
        let _ = writeln!(
            s,
            "{} words, {} loaded terms ({:.1} per 1,000 words): {}.\n",
            p.words,
            p.hits,
            p.density,
            voices(&p.by_voice)
        );
        if let Some(note) = p.language_note() {
            let _ = writeln!(s, "Note: {}.\n", md_escape(&note));
        }
        let _ = writeln!(
            s,
            "| term | entry | stance | actors | link | voice | speaker |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|");
        for h in &a.hits {
            let _ = writeln!(
                s,
                "| {} | {} | {:+} | {} | {} | {}{} | {} |",
                md_escape(&shown(&h.text)),
                md_escape(&h.term),
                h.stance,
                md_escape(
                    &h.actors
                        .iter()
                        .map(|x| actor_name(lex, x))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                h.link.as_str(),
                h.voice.as_str(),
                if h.negated { " (negated)" } else { "" },
                md_escape(h.speaker.as_deref().unwrap_or(""))
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "_Lexicons: {}_", md_escape(&lexicon_line(lex)));
    s
}

/// Renders `compare` output.
pub fn compare(lex: &Lexicon, c: &Comparison, a: &Article, b: &Article, o: Options) -> String {
    match o.format {
        Format::Json => json(&CompareJson {
            command: "compare",
            comparison: c,
            articles: [a, b],
        }),
        Format::Markdown => compare_markdown(lex, c, a, b, o.long),
        Format::Html => html::compare_dated(lex, c, a, b, o.date)
            .unwrap_or_else(|e| format!("cannot render the HTML report: {e}\n")),
        Format::Text => compare_text(lex, c, o),
    }
}

/// A side's terms by the words used, each wording with its own counts; a term written more
/// than one way names its entry beside each wording ("terror organization
/// [terrorist-organization] (author 1)").
fn side_terms(s: &Side) -> String {
    if s.terms.is_empty() {
        return "-".into();
    }
    s.terms
        .iter()
        .flat_map(|t| {
            let entry = (t.forms.len() > 1).then(|| format!(" [{}]", t.term));
            t.forms.iter().map(move |f| {
                format!(
                    "{}{} ({})",
                    f.words,
                    entry.as_deref().unwrap_or(""),
                    voices(&f.by_voice)
                )
            })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The words as written for a list of entry ids of one side.
fn written(s: &Side, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            s.terms
                .iter()
                .find(|t| &t.term == id)
                .map_or_else(|| id.clone(), crate::diff::shown)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn compare_text(lex: &Lexicon, c: &Comparison, o: Options) -> String {
    let st = Styles::new(o.color);
    let w = o.width;
    let mut s = String::new();
    let (an, bn) = (sanitize(&c.a.name), sanitize(&c.b.name));
    let _ = writeln!(
        s,
        "{}",
        paint(
            st.head,
            &wrap(&format!("framelens compare: A = {an}, B = {bn}"), w, "")
        )
    );
    for (tag, i) in [("A", &c.a), ("B", &c.b)] {
        let _ = writeln!(
            s,
            "  {tag}: {} words, {} loaded terms ({:.1} per 1,000 words), {} in its own voice",
            i.words, i.hits, i.density, i.author_hits
        );
    }
    compare_summary_text(&mut s, c, &st, w, o.long);
    let _ = writeln!(
        s,
        "\n{}",
        paint(
            st.head,
            "Actors (stance: mean of terms in the outlet's own voice)"
        )
    );
    for d in &c.actors {
        if !(d.a.terms.is_empty() && d.b.terms.is_empty()) {
            compare_actor_text(&mut s, d, &st, w);
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        paint(st.head, "How each source introduces speakers")
    );
    compare_speakers_text(&mut s, lex, c, w);
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| actor_name(lex, i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !c.only_in_a.is_empty() || !c.only_in_b.is_empty() {
        let _ = writeln!(s, "\n{}", paint(st.head, "Actors only one source mentions"));
        if !c.only_in_a.is_empty() {
            let _ = writeln!(
                s,
                "{}",
                wrap(&format!("only A: {}", names(&c.only_in_a)), w, "  ")
            );
        }
        if !c.only_in_b.is_empty() {
            let _ = writeln!(
                s,
                "{}",
                wrap(&format!("only B: {}", names(&c.only_in_b)), w, "  ")
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        wrap(&format!("Lexicons: {}", lexicon_line(lex)), w, "")
    );
    let _ = writeln!(
        s,
        "{}",
        paint(
            st.dim,
            &wrap(
                "Stance runs from -2 (strongly delegitimizing) to +2 (strongly legitimizing); it scores the words, not the truth of what is said. Use --explain with `score` to see the rule behind every term.",
                w,
                ""
            )
        )
    );
    s
}

/// A finding's evidence, each sentence once, side by side.
fn evidence_once(f: &crate::diff::Finding) -> [(&'static str, Vec<&Evidence>); 2] {
    fn once(evs: &[Evidence]) -> Vec<&Evidence> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out: Vec<&Evidence> = evs.iter().filter(|e| seen.insert(e.sentence)).collect();
        out.sort_by_key(|e| e.sentence);
        out
    }
    [("A", once(&f.evidence_a)), ("B", once(&f.evidence_b))]
}

/// "A s2, s4; B s7": the sentences behind a finding, by number, each once.
fn evidence_refs(f: &crate::diff::Finding) -> String {
    evidence_once(f)
        .iter()
        .filter(|(_, evs)| !evs.is_empty())
        .map(|(tag, evs)| {
            let mut n: Vec<usize> = evs.iter().map(|e| e.sentence + 1).collect();
            n.sort_unstable();
            let list: Vec<String> = n.iter().map(|i| format!("s{i}")).collect();
            format!("{tag} {}", list.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The summary section of the text comparison: one short sentence per finding with the numbers
/// of its evidence sentences, or (`long`) each finding in full with the sentences.
fn compare_summary_text(s: &mut String, c: &Comparison, st: &Styles, w: usize, long: bool) {
    if long {
        let _ = writeln!(s, "\n{}", paint(st.head, "Summary"));
    } else {
        let _ = writeln!(
            s,
            "\n{} {}",
            paint(st.head, "Summary"),
            paint(st.dim, "(evidence: sentence numbers; --long prints them)")
        );
    }
    for (i, f) in c.summary.iter().enumerate() {
        if !long {
            let line = format!("{}. {} [{}]", i + 1, f.short, evidence_refs(f));
            let _ = writeln!(s, "{}", wrap(&line, w, "  "));
            continue;
        }
        let _ = writeln!(s, "{}", wrap(&format!("{}. {}", i + 1, f.text), w, "  "));
        for (tag, evs) in evidence_once(f) {
            for e in evs {
                let _ = writeln!(
                    s,
                    "{}",
                    paint(
                        st.dim,
                        &wrap(
                            &format!("{tag} s{}: {}", e.sentence + 1, shown(&e.sentence_text)),
                            w,
                            "       "
                        )
                    )
                );
            }
        }
    }
}

/// One actor of the text comparison: its stance in each source, where it comes from when no
/// lexicon lists it, each source's terms, word swaps and terms used only in others' words.
fn compare_actor_text(s: &mut String, d: &crate::diff::ActorDiff, st: &Styles, w: usize) {
    let diff = d
        .author_stance_difference
        .map_or_else(String::new, |x| format!(", difference {x:+.2}"));
    let _ = writeln!(
        s,
        "{}",
        paint(
            st.head,
            &format!(
                "  {}: A {} / B {}{diff}",
                d.name,
                stance(d.a.author_stance),
                stance(d.b.author_stance)
            )
        )
    );
    match d.origin {
        Some(crate::analysis::discourse::Origin::Unnamed) => {
            let _ = writeln!(
                s,
                "{}",
                wrap(
                    "(never named: known only by the terms that describe it)",
                    w,
                    "    "
                )
            );
        }
        Some(crate::analysis::discourse::Origin::Unlisted) => {
            let _ = writeln!(
                s,
                "{}",
                wrap(
                    "(named in the text but in no lexicon: see `framelens lexicon \
                     suggest-actors`)",
                    w,
                    "    "
                )
            );
        }
        None => {}
    }
    for (tag, side, other) in [("A", &d.a, "B"), ("B", &d.b, "A")] {
        let mut line = format!("{tag}: {}", side_terms(side));
        if side.inferred_from.is_some() {
            let _ = write!(
                line,
                " [{tag} never names it: tied through {other}, where the same role is named]"
            );
        }
        let _ = writeln!(s, "{}", wrap(&line, w, "    "));
    }
    for sw in d.swaps.iter().take(3) {
        let _ = writeln!(
            s,
            "{}",
            wrap(
                &format!(
                    "swap: A '{}' ({:+}) where B has '{}' ({:+})",
                    sw.a, sw.a_stance, sw.b, sw.b_stance
                ),
                w,
                "    "
            )
        );
    }
    for (tag, side) in [("A", &d.a), ("B", &d.b)] {
        if !side.only_in_others_speech.is_empty() {
            let _ = writeln!(
                s,
                "{}",
                wrap(
                    &format!(
                        "{tag} uses only in others' words: {}",
                        written(side, &side.only_in_others_speech)
                    ),
                    w,
                    "    "
                )
            );
        }
    }
}

/// How each source introduces its speakers, in the text comparison.
fn compare_speakers_text(s: &mut String, lex: &Lexicon, c: &Comparison, w: usize) {
    for (tag, list) in [("A", &c.speakers_a), ("B", &c.speakers_b)] {
        for sp in list {
            let parties = sp.parties();
            let who = if parties.is_empty() {
                shown(&sp.speaker).into_owned()
            } else {
                let names: Vec<String> = parties.iter().map(|id| actor_name(lex, id)).collect();
                format!("{} ({})", shown(&sp.speaker), names.join(", "))
            };
            let verbs = sp
                .verbs
                .iter()
                .map(|(v, n)| format!("{v} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let loaded = if sp.loaded.is_empty() {
                String::new()
            } else {
                format!("; loaded: {}", sp.loaded.join(", "))
            };
            let _ = writeln!(
                s,
                "{}",
                wrap(&format!("{tag}: {who}: {verbs}{loaded}"), w, "  ")
            );
        }
    }
}

fn compare_markdown(lex: &Lexicon, c: &Comparison, a: &Article, b: &Article, long: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Framing comparison: {} vs {}\n",
        md_escape(&c.a.name),
        md_escape(&c.b.name)
    );
    let _ = writeln!(s, "## Summary\n");
    if !long && !c.summary.is_empty() {
        let _ = writeln!(
            s,
            "One sentence per finding; in brackets, the numbers of the sentences it rests on, as \
             the Evidence section below numbers them (`--long` prints the sentences here).\n"
        );
    }
    for f in &c.summary {
        if !long {
            let _ = writeln!(s, "- {} [{}]", md_escape(&f.short), evidence_refs(f));
            continue;
        }
        let _ = writeln!(s, "- {}", md_escape(&f.text));
        for (tag, evs) in evidence_once(f) {
            for e in evs {
                let _ = writeln!(s, "  - {tag}: {}", md_evidence(e));
            }
        }
    }
    let _ = writeln!(s, "\n## Actors\n");
    let _ = writeln!(
        s,
        "| actor | A terms | B terms | A stance | B stance | difference |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|");
    for d in &c.actors {
        if d.a.terms.is_empty() && d.b.terms.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            md_escape(&d.name),
            md_escape(&side_terms(&d.a)),
            md_escape(&side_terms(&d.b)),
            stance(d.a.author_stance),
            stance(d.b.author_stance),
            d.author_stance_difference
                .map_or_else(|| "-".into(), |x| format!("{x:+.2}"))
        );
    }
    let _ = writeln!(s, "\n## Evidence\n");
    for (tag, art) in [("A", a), ("B", b)] {
        let _ = writeln!(s, "### {tag}: {}\n", md_escape(&art.name));
        for h in art.hits.iter().filter(|h| h.kind != Kind::Distancing) {
            let e = Evidence::of(h);
            let actors = h
                .actors
                .iter()
                .map(|x| actor_name(lex, x))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                s,
                "- s{}: {} → {}",
                e.sentence + 1,
                md_evidence(&e),
                md_escape(if actors.is_empty() {
                    "no actor"
                } else {
                    &actors
                })
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "_Lexicons: {}_", md_escape(&lexicon_line(lex)));
    s
}
