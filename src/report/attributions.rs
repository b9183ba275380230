//! The `attributions` report: every attribution relation of each article (who is cited, with
//! which cue, saying what), as text, Markdown or JSON. There is no HTML form: the command's
//! output is a list to read or to feed a program, and the command line refuses `--format html`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Format, Options, Styles, json, md_escape, paint, sanitize, wrap};
use crate::analysis::Article;
use crate::analysis::speech::{AttributionOut, Kind};

#[derive(Serialize)]
struct AttributionsJson<'a> {
    schema_version: u32,
    framelens_version: &'static str,
    command: &'static str,
    articles: Vec<ArticleJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    name: &'a str,
    attributions: &'a [AttributionOut],
}

const KINDS: [Kind; 7] = [
    Kind::Quote,
    Kind::Reported,
    Kind::Scare,
    Kind::Designation,
    Kind::Naming,
    Kind::Stance,
    Kind::Topic,
];

fn document(articles: &[Article]) -> AttributionsJson<'_> {
    AttributionsJson {
        schema_version: crate::SCHEMA_VERSION,
        framelens_version: env!("CARGO_PKG_VERSION"),
        command: "attributions",
        articles: articles
            .iter()
            .map(|a| ArticleJson {
                name: &a.name,
                attributions: &a.attributions,
            })
            .collect(),
    }
}

/// [`render`], written to `w`: JSON is streamed.
pub fn render_to(
    w: &mut dyn std::io::Write,
    articles: &[Article],
    o: Options,
) -> std::io::Result<()> {
    match o.format {
        Format::Json => super::json_to(w, &document(articles)),
        _ => w.write_all(render(articles, o).as_bytes()),
    }
}

/// Renders the relations of `articles` (HTML, which the command line refuses, as Markdown).
pub fn render(articles: &[Article], o: Options) -> String {
    match o.format {
        Format::Json => json(&document(articles)),
        Format::Markdown | Format::Html => markdown(articles),
        Format::Text => text(articles, o),
    }
}

/// "3 quote, 2 reported": the count of each kind present.
fn counts(rels: &[AttributionOut]) -> String {
    let parts: Vec<String> = KINDS
        .iter()
        .filter_map(|&k| {
            let n = rels.iter().filter(|r| r.kind == k).count();
            (n > 0).then(|| format!("{n} {}", k.as_str()))
        })
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// "Fidan (He) → turkey": who speaks, as written and as resolved, with the actor.
fn who(r: &AttributionOut) -> String {
    let mut s = match (&r.source, &r.speaker) {
        (Some(src), Some(sp)) if *sp != src.text => format!("{sp} (\"{}\")", src.text),
        (_, Some(sp)) => sp.clone(),
        (Some(src), None) => src.text.clone(),
        (None, None) => "no source stated".into(),
    };
    if let Some(a) = &r.speaker_actor {
        let _ = write!(s, " → {a}");
    }
    s
}

fn text(articles: &[Article], o: Options) -> String {
    let st = Styles::new(o.color);
    let mut s = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let _ = writeln!(
            s,
            "{}",
            paint(st.head, &format!("== {} ==", sanitize(&a.name)))
        );
        let _ = writeln!(
            s,
            "{} attributions: {}",
            a.attributions.len(),
            counts(&a.attributions)
        );
        for (n, r) in a.attributions.iter().enumerate() {
            let cue = r
                .cue
                .as_ref()
                .map(|c| format!(", cue \"{}\"", c.text))
                .unwrap_or_default();
            let head = format!(
                "{}. {} by {}{cue} (sentence {})",
                n + 1,
                r.kind.as_str(),
                who(r),
                r.sentence + 1
            );
            let _ = writeln!(s, "{}", wrap(&head, o.width, ""));
            let _ = writeln!(s, "{}", wrap(&r.content.text, o.width, "   "));
            // The rest of a split quotation, after the clause that interrupts it.
            for c in &r.continued {
                let _ = writeln!(s, "{}", wrap(&format!("… {}", c.text), o.width, "   "));
            }
            if o.explain {
                let mut lines = format!("rule: {}", r.rule);
                let _ = write!(
                    lines,
                    "; content bytes {}..{}",
                    r.content.start, r.content.end
                );
                for c in &r.continued {
                    let _ = write!(lines, ", continued {}..{}", c.start, c.end);
                }
                if let Some(src) = &r.source {
                    let _ = write!(lines, "; source bytes {}..{}", src.start, src.end);
                }
                if let Some(c) = &r.cue {
                    let _ = write!(lines, "; cue bytes {}..{}", c.start, c.end);
                }
                let _ = writeln!(s, "{}", paint(st.dim, &wrap(&lines, o.width, "   ")));
            }
        }
    }
    s
}

fn markdown(articles: &[Article]) -> String {
    let mut s = String::new();
    for a in articles {
        let _ = writeln!(s, "## {}\n", md_escape(&a.name));
        let _ = writeln!(
            s,
            "{} attributions: {}\n",
            a.attributions.len(),
            counts(&a.attributions)
        );
        if a.attributions.is_empty() {
            continue;
        }
        s.push_str("| # | kind | source | cue | content | rule |\n|---|---|---|---|---|---|\n");
        for (n, r) in a.attributions.iter().enumerate() {
            let cue = r.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("");
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                n + 1,
                r.kind.as_str(),
                md_escape(&who(r)),
                md_escape(cue),
                md_escape(
                    &std::iter::once(&r.content)
                        .chain(&r.continued)
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" … ")
                ),
                md_escape(&r.rule)
            );
        }
        s.push('\n');
    }
    s
}
