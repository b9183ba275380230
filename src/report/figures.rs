//! Figures as every corpus report writes them, in text, Markdown and HTML alike: counts with
//! thousands separators, p-values, shares, the report's headline and its method sentence.

use std::fmt::Write as _;

use crate::corpus::compare::{ActorComparison, Adjust, CorpusReport, SourceTotals};

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A p-value as reports show it.
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// The share of a source's hits in its own voice.
pub(crate) fn own_share(t: &SourceTotals) -> String {
    let own = t
        .voices
        .get(&crate::analysis::voice::Voice::Author)
        .copied()
        .unwrap_or(0);
    if t.hits == 0 {
        "-".into()
    } else {
        pct(own as f64 / t.hits as f64)
    }
}

pub(crate) fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

pub(crate) fn headline(r: &CorpusReport) -> String {
    let mut s = format!(
        "{} articles from {} source{}",
        thousands(r.articles),
        r.sources.len(),
        if r.sources.len() == 1 { "" } else { "s" }
    );
    let skipped: u64 = r.skipped.values().sum();
    if skipped > 0 {
        let why: Vec<String> = r
            .skipped
            .iter()
            .map(|(k, n)| format!("{} {}", thousands(*n), k.replace('_', " ")))
            .collect();
        let _ = write!(s, " ({} skipped: {})", thousands(skipped), why.join(", "));
    }
    let unread: u64 = r.unread_languages.values().sum();
    if unread > 0 {
        let which: Vec<String> = r
            .unread_languages
            .iter()
            .map(|(l, n)| format!("{l} {}", thousands(*n)))
            .collect();
        let _ = write!(
            s,
            "; {} in a language no loaded lexicon is written for ({})",
            thousands(unread),
            which.join(", ")
        );
    }
    s
}

/// Why an actor with no significant difference has none: nothing tested, or the tests made.
pub(crate) fn no_difference(r: &CorpusReport, a: &ActorComparison) -> String {
    use crate::corpus::summary::{NO_ACTOR, UNNAMED_ACTOR};
    let using = a.totals.values().filter(|n| **n > 0).count();
    if a.actor == NO_ACTOR || a.actor == UNNAMED_ACTOR {
        "Not tested: these terms describe no one party".to_owned()
    } else if using < 2 {
        "Not tested: only one source uses terms for it, so there is nothing to compare".to_owned()
    } else if a.keyness.is_empty() {
        format!(
            "Not tested: no term is used at least {} times in all (--min-count)",
            r.min_count
        )
    } else {
        format!(
            "No significant difference ({} test{})",
            a.keyness.len(),
            if a.keyness.len() == 1 { "" } else { "s" }
        )
    }
}

/// "How to read this": what the counts and, with `--compare`, each statistic say, one item each,
/// shared by the text, Markdown and HTML reports.
pub(crate) fn how_to_read(r: &CorpusReport, compare: bool) -> Vec<String> {
    let voices = match r.voices {
        crate::corpus::compare::VoiceFilter::Author => "in each outlet's own voice",
        crate::corpus::compare::VoiceFilter::Others => "in quoted and reported speech",
        crate::corpus::compare::VoiceFilter::All => "in any voice",
    };
    let mut items = vec![format!(
        "Each actor's counts (a table in text and Markdown, a bar per source in HTML) are the \
         terms each source uses for it {voices}, most used first; 'all terms' is the actor's \
         total in each source."
    )];
    if !compare {
        items.push(
            "--compare tests, term by term, whether a source uses a term for an actor more or \
             less often than the other sources do."
                .to_owned(),
        );
        return items;
    }
    let tests: usize = r.periods.iter().map(|p| p.tests).sum();
    let adjust = match r.adjust {
        Adjust::Holm => format!(
            "adjusted with Holm's method for the number of tests made in {} ({tests} in all): \
             each p is multiplied by the number of tests not yet passed, smallest first, so that \
             the chance of even one false difference {} stays below {}",
            if r.by.is_some() {
                "each period"
            } else {
                "the report"
            },
            if r.by.is_some() {
                "in a period"
            } else {
                "in the report"
            },
            r.alpha
        ),
        Adjust::None => "not adjusted for the number of tests (--adjust none)".to_owned(),
    };
    items.extend([
        "A test sets one source against all the others pooled: of the actor's term uses in the \
         source, the share that are this term, against the same share elsewhere."
            .to_owned(),
        "G² (log-likelihood, Williams-corrected) measures how far the two shares are apart \
         given the counts: 0 when they are equal, larger for a clearer difference; about 3.8 is \
         p = 0.05 for one test."
            .to_owned(),
        format!(
            "p is the chance of a G² as large if every source used the term alike, {adjust}. A \
             difference is significant at p < {}.",
            r.alpha
        ),
        "The log ratio is the effect size: log2 of the share in the source over the share \
         elsewhere. +1 is twice as often, -1 half as often, 0 alike. A count of zero is taken as \
         0.5, so that the ratio stays finite; it is then a bound, not an estimate."
            .to_owned(),
        format!(
            "Not tested: terms used fewer than {} times in all (--min-count), actors only one \
             source describes, terms tied to no actor, and parties their articles never name \
             (one entry for many parties).",
            r.min_count
        ),
    ]);
    items
}
