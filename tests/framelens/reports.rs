//! Integration tests: snapshots of the reports.

use super::*;

#[test]
fn snapshot_compare_reports() {
    let (a, b) = (sample(A), sample(B));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let root = root();
    let strip = |s: String| s.replace(root.to_str().unwrap(), "<root>");
    insta::assert_snapshot!("compare_text", strip(stdout_of(&["compare", a, b])));
    insta::assert_snapshot!(
        "compare_markdown",
        strip(stdout_of(&["compare", a, b, "--format", "markdown"]))
    );
    insta::assert_snapshot!(
        "score_explain_b",
        strip(stdout_of(&["score", b, "--explain"]))
    );
    insta::assert_snapshot!(
        "compare_html",
        strip(stdout_of(&[
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

/// The lines of a text comparison's Summary section, its heading first.
fn summary_lines(out: &str) -> Vec<&str> {
    out.lines()
        .skip_while(|l| !l.starts_with("Summary"))
        .take_while(|l| !l.is_empty())
        .collect()
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
        let out = stdout_of(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
        let summary = summary_lines(&out);
        assert!(summary.len() <= 25, "{name}: {} lines", summary.len());
        assert!(summary.iter().all(|l| l.chars().count() <= 80), "{name}");
        insta::assert_snapshot!(*name, summary.join("\n"));
    }
    let long = stdout_of(&[
        "compare",
        pairs[0].1.to_str().unwrap(),
        pairs[0].2.to_str().unwrap(),
        "--long",
    ]);
    let summary = summary_lines(&long);
    insta::assert_snapshot!("summary_samples_long", summary.join("\n"));
}

/// Each own-voice word a short finding names ("in its own voice A uses 'terror offensive',
/// 'terror organization' and 3 more") is in one of the sentences its references give.
#[test]
fn a_short_finding_cites_a_sentence_for_each_word_it_names() {
    let root = root();
    let fixture = |p: &str| root.join("tests/fixtures").join(p);
    // The word shown ('rebels') is written otherwise first ("Rebel snipers").
    let dir = tempfile::tempdir().unwrap();
    let forms = write_temp(
        &dir,
        "a.txt",
        "Fighting near Hama\n\nRebel snipers of Hayat Tahrir al-Sham fired on the convoy on \
         Monday.\n\nLater the rebels advanced on the town. The rebels took the bridge.\n"
            .as_bytes(),
    );
    let other = write_temp(
        &dir,
        "b.txt",
        b"Fighting near Hama\n\nHayat Tahrir al-Sham terrorists fired on the convoy, the army said.\n",
    );
    let pairs = [
        (forms, other),
        (sample(A), sample(B)),
        (
            fixture("story/state-media.txt"),
            fixture("story/wire-names-nobody.txt"),
        ),
        (
            fixture("unlisted/karst.txt"),
            fixture("unlisted/karst-b.txt"),
        ),
    ];
    let mut checked = 0;
    for (a, b) in &pairs {
        let out = stdout_of(&[
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        for f in v["summary"].as_array().unwrap() {
            let short = f["short"].as_str().unwrap();
            // "in its own voice A uses 'x', 'y' and 2 more (mean ...), B 'z' (mean ...)."
            let Some(own) = short.split("in its own voice ").nth(1) else {
                continue;
            };
            let own = own.split(". Only in others").next().unwrap();
            // One part per side, each opening with its letter.
            for part in own.split("), ").flat_map(|p| p.split("; ")) {
                let key = match part.chars().next() {
                    Some('A') => "evidence_a",
                    Some('B') => "evidence_b",
                    _ => panic!("no side in {part:?} of {short:?}"),
                };
                let cited: Vec<String> = f[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["sentence_text"].as_str().unwrap().to_lowercase())
                    .collect();
                for word in part.split('\'').skip(1).step_by(2) {
                    assert!(
                        cited.iter().any(|s| s.contains(&word.to_lowercase())),
                        "'{word}' of {short:?} is in none of {cited:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 8, "only {checked} words checked");
}

/// The README's walkthrough shows what the tool prints: the samples' summary word for word, and
/// for each `$ framelens ...` block, every run of lines between `...` as consecutive lines of
/// the command's output, in order.
#[test]
fn the_readme_shows_what_the_tool_prints() {
    let root = root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for line in readme.lines() {
        match (&mut open, line.trim_start().starts_with("```")) {
            (None, true) if line.trim() == "```text" => open = Some(Vec::new()),
            (Some(_), true) => blocks.push(open.take().unwrap()),
            (Some(b), false) => b.push(line),
            _ => {}
        }
    }
    let run = |args: &[&str]| {
        let out = framelens()
            .current_dir(&root)
            .args(args)
            .env("NO_COLOR", "1")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    // The samples' summary.
    let summary = blocks
        .iter()
        .find(|b| b.first().is_some_and(|l| l.starts_with("Summary")))
        .expect("the samples' summary in the README");
    let out = run(&[
        "compare",
        "samples/syria-2024-12_blinken-fidan-call.txt",
        "samples/syria-2024-12_putin-erdogan-call.txt",
    ]);
    let printed = summary_lines(&out);
    assert_eq!(&printed, summary);
    // The commands shown with their output.
    let mut commands = 0;
    for b in blocks
        .iter()
        .filter(|b| b.first().is_some_and(|l| l.starts_with("$ framelens ")))
    {
        let args: Vec<&str> = b[0]["$ framelens ".len()..].split_whitespace().collect();
        let out = run(&args);
        let lines: Vec<&str> = out.lines().collect();
        let mut from = 0;
        for run_of in b[1..].split(|l| l.trim() == "...") {
            if run_of.is_empty() {
                continue;
            }
            let at = (from..lines.len())
                .find(|&i| lines[i..].starts_with(run_of))
                .unwrap_or_else(|| {
                    panic!("{}: not printed in order:\n{}", b[0], run_of.join("\n"))
                });
            from = at + run_of.len();
        }
        commands += 1;
    }
    assert!(commands >= 3, "{commands} commands checked");
}
