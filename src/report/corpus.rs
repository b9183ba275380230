//! The corpus report (`framelens corpus`, `framelens report`): per-source totals and, per actor,
//! the labels each source over- or under-uses, as text, Markdown, JSON or an HTML page with
//! charts. Built from one [`CorpusReport`] value; the JSON is its serde form.

use std::fmt::Write as _;

pub use super::figures::thousands;
use super::figures::{headline, how_to_read, no_difference, own_share, p_text, pct};
use super::{Format, Options, sanitize};
use crate::corpus::compare::{ActorComparison, CorpusReport, KeyRow, PeriodComparison};

/// Rows shown per actor in text and Markdown (JSON has every test).
const ROWS_PER_ACTOR: usize = 12;

/// Renders the report in the chosen format.
pub fn render(r: &CorpusReport, compare: bool, o: Options) -> Result<String, minijinja::Error> {
    Ok(match o.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(r).expect("a report serialises");
            s.push('\n');
            s
        }
        Format::Text => text(r, compare),
        Format::Markdown => markdown(r, compare),
        Format::Html => super::html::corpus(r, compare, o.date)?,
    })
}

fn row_text(k: &KeyRow) -> String {
    format!(
        "{} {} \"{}\": {} of {} uses ({}) vs {} elsewhere; G² {:.1}, p {}, log ratio {:+.2}",
        sanitize(&k.source),
        if k.direction == "over" {
            "over-uses"
        } else {
            "under-uses"
        },
        sanitize(&k.words),
        thousands(k.stats.n_target),
        thousands(k.stats.target_total),
        pct(k.share),
        pct(k.share_reference),
        k.stats.g2.abs(),
        p_text(k.p_adjusted),
        k.stats.log_ratio
    )
}

fn significant(a: &ActorComparison) -> Vec<&KeyRow> {
    a.keyness.iter().filter(|k| k.significant).collect()
}

fn actor_title(a: &ActorComparison) -> String {
    // `(none)` and `(unnamed)` are keys, not ids a user would look up: their name alone.
    if a.actor.starts_with('(') {
        sanitize(&a.name)
    } else if a.name == a.actor {
        sanitize(&a.actor)
    } else {
        format!("{} ({})", sanitize(&a.name), sanitize(&a.actor))
    }
}

/// The words of a term, cut to `w` characters.
fn cut(t: &str, w: usize) -> String {
    if t.chars().count() <= w {
        t.to_owned()
    } else {
        let mut c: String = t.chars().take(w.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}

/// The counts table of an actor: a row per term (the most used first), a column per source, and
/// the actor's total uses in each source.
fn counts_table_text(s: &mut String, a: &ActorComparison) {
    let tw = a
        .terms
        .iter()
        .take(ROWS_PER_ACTOR)
        .map(|t| t.words.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(9, 28);
    // Each column as wide as its name or its largest count ("12,345").
    let widths: Vec<usize> = a
        .totals
        .iter()
        .map(|(src, n)| src.chars().count().max(thousands(*n).len()).max(5))
        .collect();
    let mut head = format!("  {:<tw$}", "term");
    for (src, w) in a.totals.keys().zip(&widths) {
        let _ = write!(head, "  {:>w$}", sanitize(src));
    }
    let _ = writeln!(s, "{}", head.trim_end());
    for t in a.terms.iter().take(ROWS_PER_ACTOR) {
        let mut line = format!("  {:<tw$}", sanitize(&cut(&t.words, tw)));
        for (src, w) in a.totals.keys().zip(&widths) {
            let n = t.counts.get(src).copied().unwrap_or(0);
            let _ = write!(line, "  {:>w$}", thousands(n));
        }
        let _ = writeln!(s, "{line}");
    }
    if a.terms.len() > ROWS_PER_ACTOR {
        let _ = writeln!(
            s,
            "  ... {} more terms (--format json lists every one)",
            a.terms.len() - ROWS_PER_ACTOR
        );
    }
    let mut line = format!("  {:<tw$}", "all terms");
    for ((_, n), w) in a.totals.iter().zip(&widths) {
        let _ = write!(line, "  {:>w$}", thousands(*n));
    }
    let _ = writeln!(s, "{line}");
}

fn text(r: &CorpusReport, compare: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "framelens corpus: {}\n", headline(r));
    let w = r
        .sources
        .iter()
        .map(|t| t.source.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let _ = writeln!(
        s,
        "  {:<w$}  {:>9}  {:>12}  {:>9}  {:>9}  {:>9}",
        "source", "articles", "words", "hits", "per 1k", "own voice"
    );
    for t in &r.sources {
        let _ = writeln!(
            s,
            "  {:<w$}  {:>9}  {:>12}  {:>9}  {:>9.2}  {:>9}",
            sanitize(&t.source),
            thousands(t.articles),
            thousands(t.words),
            thousands(t.hits),
            t.density,
            own_share(t)
        );
    }
    for p in &r.periods {
        period_text(&mut s, r, p, compare);
    }
    let _ = writeln!(s, "\nHow to read this");
    for item in how_to_read(r, compare) {
        let _ = writeln!(
            s,
            "{}",
            textwrap::fill(
                &item,
                textwrap::Options::new(80)
                    .initial_indent("  - ")
                    .subsequent_indent("    ")
            )
        );
    }
    s
}

fn period_text(s: &mut String, r: &CorpusReport, p: &PeriodComparison, compare: bool) {
    if r.by.is_some() {
        let arts: u64 = p.sources.iter().map(|t| t.articles).sum();
        let _ = writeln!(
            s,
            "\n== {} ({} articles)",
            sanitize(&p.period),
            thousands(arts)
        );
    }
    for a in &p.actors {
        let _ = writeln!(s, "\n{}", actor_title(a));
        counts_table_text(s, a);
        if !compare {
            continue;
        }
        let rows = significant(a);
        if rows.is_empty() {
            let _ = writeln!(s, "  {}", no_difference(r, a));
        }
        for k in rows.iter().take(ROWS_PER_ACTOR) {
            let _ = writeln!(
                s,
                "{}",
                textwrap::fill(
                    &row_text(k),
                    textwrap::Options::new(80)
                        .initial_indent("  - ")
                        .subsequent_indent("    ")
                )
            );
        }
        if rows.len() > ROWS_PER_ACTOR {
            let _ = writeln!(
                s,
                "  ... {} more significant differences (--format json lists every test)",
                rows.len() - ROWS_PER_ACTOR
            );
        }
    }
}

use super::md_escape as md;

fn markdown(r: &CorpusReport, compare: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# framelens corpus report\n\n{}\n", headline(r));
    let _ = writeln!(
        s,
        "| source | articles | words | hits | per 1k words | own voice |\n|---|---:|---:|---:|---:|---:|"
    );
    for t in &r.sources {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {:.2} | {} |",
            md(&t.source),
            thousands(t.articles),
            thousands(t.words),
            thousands(t.hits),
            t.density,
            own_share(t)
        );
    }
    for p in &r.periods {
        if r.by.is_some() {
            let _ = writeln!(s, "\n## {}", md(&p.period));
        }
        for a in &p.actors {
            let h = if r.by.is_some() { "###" } else { "##" };
            let _ = writeln!(s, "\n{h} {}\n", md(&actor_title(a)));
            counts_table_markdown(&mut s, a);
            if compare {
                markdown_rows(&mut s, r, a);
            }
        }
    }
    let _ = writeln!(s, "\n## How to read this\n");
    for item in how_to_read(r, compare) {
        let _ = writeln!(s, "- {}", md(&item));
    }
    s
}

/// An actor's counts as a Markdown table: a row per term, a column per source.
fn counts_table_markdown(s: &mut String, a: &ActorComparison) {
    let sources: Vec<&String> = a.totals.keys().collect();
    let _ = writeln!(
        s,
        "| term | {} |\n|---|{}",
        sources
            .iter()
            .map(|x| md(x))
            .collect::<Vec<_>>()
            .join(" | "),
        "---:|".repeat(sources.len())
    );
    for t in a.terms.iter().take(ROWS_PER_ACTOR) {
        let cells: Vec<String> = sources
            .iter()
            .map(|src| thousands(t.counts.get(*src).copied().unwrap_or(0)))
            .collect();
        let _ = writeln!(s, "| {} | {} |", md(&t.words), cells.join(" | "));
    }
    let totals: Vec<String> = a.totals.values().map(|n| thousands(*n)).collect();
    let _ = writeln!(s, "| **all terms** | {} |", totals.join(" | "));
    if a.terms.len() > ROWS_PER_ACTOR {
        let _ = writeln!(
            s,
            "\n{} more terms in the JSON report.",
            a.terms.len() - ROWS_PER_ACTOR
        );
    }
}

/// An actor's significant differences as a Markdown table, or why there are none.
fn markdown_rows(s: &mut String, r: &CorpusReport, a: &ActorComparison) {
    let rows = significant(a);
    if rows.is_empty() {
        let _ = writeln!(s, "\n{}.", md(&no_difference(r, a)));
        return;
    }
    let _ = writeln!(
        s,
        "\n| source | term | | uses | share | elsewhere | G² | p | log ratio |\n|---|---|---|---:|---:|---:|---:|---:|---:|"
    );
    for k in rows.iter().take(ROWS_PER_ACTOR) {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} of {} | {} | {} | {:.1} | {} | {:+.2} |",
            md(&k.source),
            md(&k.words),
            k.direction,
            thousands(k.stats.n_target),
            thousands(k.stats.target_total),
            pct(k.share),
            pct(k.share_reference),
            k.stats.g2.abs(),
            p_text(k.p_adjusted).replace('<', "\\<"),
            k.stats.log_ratio
        );
    }
    if rows.len() > ROWS_PER_ACTOR {
        let _ = writeln!(
            s,
            "\n{} more significant differences in the JSON report.",
            rows.len() - ROWS_PER_ACTOR
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(p_text(0.0004), "< 0.001");
        assert_eq!(p_text(0.0412), "0.041");
    }
}
