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
