//! Integration tests: snapshots of the reports.

use super::*;

#[test]
fn snapshot_compare_reports() {
    let (a, b) = (sample(A), sample(B));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let root = root();
    let strip = |s: String| s.replace(root.to_str().unwrap(), "<root>");
    insta::assert_snapshot!("compare_text", strip(snapshot_output(&["compare", a, b])));
    insta::assert_snapshot!(
        "compare_markdown",
        strip(snapshot_output(&["compare", a, b, "--format", "markdown"]))
    );
    insta::assert_snapshot!(
        "score_explain_b",
        strip(snapshot_output(&["score", b, "--explain"]))
    );
    insta::assert_snapshot!(
        "compare_html",
        strip(snapshot_output(&[
            "compare",
            a,
            b,
            "--format",
            "html",
            "--date",
            "2026-11-21"
        ]))
    );
}

/// The summary a reader sees first, for the samples and for pairs whose party is unnamed or in no
/// lexicon, and the `--long` form; the short one fits in 25 lines at 80 columns.
#[test]
fn snapshot_compare_summaries() {
    let root = root();
    let fixture = |p: &str| root.join("tests/fixtures").join(p);
    let (a, b) = (sample(A), sample(B));
    let pairs = [
        ("summary_samples", a, b),
        (
            "summary_unnamed",
            fixture("story/state-media.txt"),
            fixture("story/wire-names-nobody.txt"),
        ),
        (
            "summary_unlisted",
            fixture("unlisted/karst.txt"),
            fixture("unlisted/karst-b.txt"),
        ),
    ];
    for (name, a, b) in &pairs {
        let out = snapshot_output(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
        let summary: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.starts_with("Summary"))
            .take_while(|l| !l.is_empty())
            .collect();
        assert!(summary.len() <= 25, "{name}: {} lines", summary.len());
        assert!(summary.iter().all(|l| l.chars().count() <= 80), "{name}");
        insta::assert_snapshot!(*name, summary.join("\n"));
    }
    let long = snapshot_output(&[
        "compare",
        pairs[0].1.to_str().unwrap(),
        pairs[0].2.to_str().unwrap(),
        "--long",
    ]);
    let summary: Vec<&str> = long
        .lines()
        .skip_while(|l| !l.starts_with("Summary"))
        .take_while(|l| !l.is_empty())
        .collect();
    insta::assert_snapshot!("summary_samples_long", summary.join("\n"));
}
