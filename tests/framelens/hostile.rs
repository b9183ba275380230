//! Integration tests: hostile input (docs/robustness.md).

use super::*;

/// A lexicon file that makes the loader work hard or lie: each is refused with exit 4 and a
/// message that names the file and, where there is one, the line and column, within 1 GiB of
/// address space.
#[test]
fn hostile_lexicons_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let art = write_temp(&dir, "art.txt", b"HTS fighters advanced.");
    let run = |lex: &Path| {
        capped_stderr(
            GIB,
            &[
                "score",
                art.to_str().unwrap(),
                "--lexicon",
                lex.to_str().unwrap(),
            ],
            4,
        )
    };
    // "Billion laughs": ten anchors, each a list of ten aliases of the one before.
    let mut bomb = String::from(
        "labels:\n  - id: x\n    category: neutral/state\n    stance: 0\n    kind: label\n    forms: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        bomb.push_str(&format!(
            "  - id: x{i}\n    category: neutral/state\n    stance: 0\n    kind: label\n    forms: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    let f = write_temp(&dir, "bomb.yaml", bomb.as_bytes());
    let err = run(&f);
    assert!(
        err.starts_with("framelens: error: expected string scalar"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {}:11:17", f.display())), "{err}");

    // 10,000 nested flow sequences: the parser's depth limit, with the snippet cut short.
    let deep = format!("labels:\n{}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let f = write_temp(&dir, "deep.yaml", deep.as_bytes());
    let err = run(&f);
    let shown = format!("…{}…", "[".repeat(100));
    assert_eq!(
        err,
        format!(
            "framelens: error: recursion limit exceeded\n  --> {}:2:256\n  |\n2 | {shown}\n  | {}^\n",
            f.display(),
            " ".repeat(51)
        )
    );

    // 10,000 nested block mappings: 100 MB of indentation, refused by its size before it is
    // read; 5,000 (25 MB) are read and refused at the first key.
    let nested = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect()
    };
    let f = write_temp(&dir, "nested.yaml", nested(10_000).as_bytes());
    assert_eq!(
        run(&f),
        format!(
            "framelens: cannot read lexicon {}: 100058890 bytes, over the limit of 67108864 bytes\n",
            f.display()
        )
    );
    let f = write_temp(&dir, "nested.yaml", nested(5_000).as_bytes());
    let err = run(&f);
    assert!(
        err.starts_with("framelens: error: unknown field `k0`"),
        "{err}"
    );

    // A regex whose compiled program would be huge.
    let f = write_temp(
        &dir,
        "regex.yaml",
        b"labels:\n  - id: boom\n    regex: '\\w{1000}\\w{1000}\\w{1000}'\n    category: neutral/state\n    stance: 0\n    kind: label\n",
    );
    let err = run(&f);
    assert_eq!(
        err,
        format!(
            "framelens: error: regex `\\w{{1000}}\\w{{1000}}\\w{{1000}}` is too large (over 1048576 bytes compiled)\n  --> {}:3:12\n  |\n3 |     regex: '\\w{{1000}}\\w{{1000}}\\w{{1000}}'\n  |            ^\n",
            f.display()
        )
    );

    // Not a lexicon file at all.
    let err = run(dir.path());
    assert_eq!(
        err,
        format!(
            "framelens: cannot read lexicon {}: it is a directory\n",
            dir.path().display()
        )
    );
    let err = run(&dir.path().join("missing.yaml"));
    assert_eq!(
        err,
        format!(
            "framelens: cannot read lexicon {}: no such file\n",
            dir.path().join("missing.yaml").display()
        )
    );
    // A file that exists but cannot be read, even by root: /proc/self/mem at offset 0.
    if Path::new("/proc/self/mem").exists() {
        let err = run(Path::new("/proc/self/mem"));
        assert_eq!(
            err,
            "framelens: cannot read lexicon /proc/self/mem: Input/output error (os error 5)\n"
        );
    }
}

/// 200,000 entries load and match; 200,000 broken entries are reported, the first 50 shown,
/// without rescanning the file for each problem (that once took hours).
#[test]
fn a_lexicon_with_200000_entries() {
    let dir = tempfile::tempdir().unwrap();
    let entry = |i: usize, kind: bool| {
        let word: String = format!("{i:06}")
            .bytes()
            .map(|d| (b'a' + (d - b'0')) as char)
            .collect();
        format!(
            "  - id: t{i}\n    forms: [zq{word} unit]\n    category: neutral/state\n    stance: 0\n{}",
            if kind { "    kind: label\n" } else { "" }
        )
    };
    let body = |kind: bool| -> String {
        let mut s = String::from("lexicon: huge\ncategories: [neutral/state]\nlabels:\n");
        for i in 0..200_000 {
            s.push_str(&entry(i, kind));
        }
        s
    };
    let art = write_temp(&dir, "art.txt", b"HTS said the zqbcdefa unit moved.");
    let good = write_temp(&dir, "good.yaml", body(true).as_bytes());
    let out = capped(2 * GIB)
        .args(["score", art.to_str().unwrap(), "--format", "json"])
        .args(["--lexicon", good.to_str().unwrap()])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let terms: Vec<&str> = json["articles"][0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["term"].as_str().unwrap())
        .collect();
    assert_eq!(terms, ["t123450"]);

    let broken = write_temp(&dir, "broken.yaml", body(false).as_bytes());
    let err = capped_stderr(
        2 * GIB,
        &[
            "score",
            art.to_str().unwrap(),
            "--lexicon",
            broken.to_str().unwrap(),
        ],
        4,
    );
    assert_eq!(
        err.matches("error: this label has no `kind`: add one, like `kind: label`")
            .count(),
        50
    );
    assert!(
        err.ends_with(
            "... and 199950 more problems (`framelens lexicon check FILE` lists them all)\n"
        ),
        "{}",
        &err[err.len() - 300..]
    );
}

/// Text built to make the analysis quadratic or to break its offsets: every case finishes, and
/// every hit still slices the text exactly.
#[test]
fn hostile_articles_analyse_in_bounded_time() {
    let cases: Vec<(&str, String)> = vec![
        (
            "a 1,000,000-character word",
            format!("HTS terrorists {} rebels", "a".repeat(1_000_000)),
        ),
        ("openers without closers", "(‘a".repeat(20_000)),
        ("straight openers", "(' a".repeat(20_000)),
        (
            "unbalanced double marks",
            format!("{} HTS terrorists {}", "\"".repeat(20_000), "“".repeat(20_000)),
        ),
        ("a quote opened per clause", "“HTS terrorists ".repeat(10_000)),
        (
            "one sentence of 60,000 words",
            "HTS terrorists said ".repeat(20_000),
        ),
        ("dashes and brackets", "— ( [ ".repeat(20_000)),
        (
            "mixed scripts, bidi and zero-width",
            "HTS \u{202E}terrorists\u{202C} هيئة تحرير الشام \u{200B}\u{200D}rebels \u{2066}militants\u{2069} "
                .repeat(2_000),
        ),
    ];
    for (what, text) in cases {
        let a = analyze(&text);
        for h in &a.hits {
            assert_eq!(
                text.get(h.start..h.end),
                Some(h.text.as_str()),
                "{what}: {h:?}"
            );
        }
        match what {
            "a 1,000,000-character word" => {
                let terms: Vec<&str> = a.hits.iter().map(|h| &*h.term).collect();
                assert_eq!(terms, ["terrorist", "rebel"], "{what}");
            }
            "one sentence of 60,000 words" => assert_eq!(a.hits.len(), 20_000, "{what}"),
            _ => {}
        }
    }
}

/// Terminal escape sequences and bidi controls in an article never reach the terminal raw in
/// the text report; the JSON keeps the exact text (offsets point into it).
#[test]
fn escape_sequences_in_articles_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let body = "HTS \u{1b}[2J\u{1b}]0;owned\u{7} terrorists \u{202E}rebels\u{202C} advanced.";
    let art = write_temp(&dir, "esc.txt", body.as_bytes());
    let out = framelens()
        .args(["score", art.to_str().unwrap(), "--explain"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for raw in ['\u{1b}', '\u{7}', '\u{202E}', '\u{202C}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text}");
    }
    // The sentence is wrapped to the terminal width; each escaped piece is on one line.
    for shown in [
        "HTS \\u{1b}[2J\\u{1b}]0;owned\\u{7} terrorists",
        "\\u{202e}",
        "rebels\\u{202c} advanced.",
    ] {
        assert!(text.contains(shown), "{shown} not in {text}");
    }
    let out = framelens()
        .args(["score", art.to_str().unwrap(), "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for h in json["articles"][0]["hits"].as_array().unwrap() {
        assert_slices(h, body);
    }
}

/// `framelens ... | head -1`: a reader that goes away ends the run quietly, exit 0.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::process::Stdio;
    // Text, and the streamed JSON and HTML.
    for format in ["text", "json", "html"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("framelens"))
            .args(["score", "--explain", "-f", format])
            .args([sample(A), sample(B)])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}
