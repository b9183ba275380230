//! Figures as every corpus report writes them, in text, Markdown and HTML alike: counts with
//! thousands separators, p-values, shares, the report's headline and its method sentence.

use std::fmt::Write as _;

use crate::corpus::compare::{Adjust, CorpusReport, SourceTotals};

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

pub(crate) fn method(r: &CorpusReport) -> String {
    let voices = match r.voices {
        crate::corpus::compare::VoiceFilter::Author => "in each outlet's own voice",
        crate::corpus::compare::VoiceFilter::Others => "in quoted and reported speech",
        crate::corpus::compare::VoiceFilter::All => "in any voice",
    };
    let adjust = match r.adjust {
        Adjust::Holm => "Holm-adjusted over all tests",
        Adjust::None => "unadjusted",
    };
    format!(
        "Terms describing each actor {voices}; each source against the others pooled: \
         log-likelihood G² (Williams-corrected) and chi² (Yates), p {adjust}, significant at \
         p < {}; terms with fewer than {} uses are not tested.",
        r.alpha, r.min_count
    )
}
