//! The corpus report (`framelens corpus`, `framelens report`): per-source totals and, per actor,
//! the labels each source over- or under-uses, as text, Markdown, JSON or an HTML page with
//! charts. Built from one [`CorpusReport`] value; the JSON is its serde form.

use std::fmt::Write as _;

pub use super::figures::thousands;
use super::figures::{headline, method, own_share, p_text, pct};
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
        sanitize(&k.term),
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
    if a.name == a.actor {
        sanitize(&a.actor)
    } else {
        format!("{} ({})", sanitize(&a.name), sanitize(&a.actor))
    }
}

fn uses_line(a: &ActorComparison) -> String {
    a.totals
        .iter()
        .map(|(s, n)| format!("{} {}", sanitize(s), thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ")
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
    if compare {
        let _ = writeln!(s, "\n{}", textwrap::fill(&method(r), 80));
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
    let mut quiet = Vec::new();
    for a in &p.actors {
        let rows = significant(a);
        if compare && rows.is_empty() {
            quiet.push(actor_title(a));
            continue;
        }
        let _ = writeln!(s, "\n{}", actor_title(a));
        let _ = writeln!(s, "  uses: {}", uses_line(a));
        let top: Vec<String> = a
            .terms
            .iter()
            .take(6)
            .map(|t| format!("{} {}", sanitize(&t.term), thousands(t.total)))
            .collect();
        let _ = writeln!(s, "  most used: {}", top.join(", "));
        if compare {
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
    if !quiet.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            textwrap::fill(
                &format!("No significant difference for: {}.", quiet.join(", ")),
                80
            )
        );
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
    if compare {
        let _ = writeln!(s, "\n{}", method(r));
    }
    for p in &r.periods {
        if r.by.is_some() {
            let _ = writeln!(s, "\n## {}", md(&p.period));
        }
        for a in &p.actors {
            let rows = significant(a);
            if compare && rows.is_empty() {
                continue;
            }
            let h = if r.by.is_some() { "###" } else { "##" };
            let _ = writeln!(s, "\n{h} {}\n", md(&actor_title(a)));
            let _ = writeln!(s, "Uses: {}.\n", md(&uses_line(a)));
            if !compare {
                continue;
            }
            let _ = writeln!(
                s,
                "| source | term | | uses | share | elsewhere | G² | p | log ratio |\n|---|---|---|---:|---:|---:|---:|---:|---:|"
            );
            for k in rows.iter().take(ROWS_PER_ACTOR) {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} of {} | {} | {} | {:.1} | {} | {:+.2} |",
                    md(&k.source),
                    md(&k.term),
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
    }
    s
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
