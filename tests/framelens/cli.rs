//! Integration tests: CLI.

use super::*;

#[test]
fn cli_broken_lexicon_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let lexf = write_temp(
        &dir,
        "bad.yaml",
        b"categories: [a/b]\nlabels:\n  - id: x\n    forms: [x]\n    category: a/b\n    stance: 5\n    kind: label\n",
    );
    let art = write_temp(&dir, "art.txt", b"Headline\nText.");
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--lexicon",
            lexf.to_str().unwrap(),
        ],
        4,
    );
    let shown = lexf.display().to_string();
    assert_eq!(
        err,
        format!(
            "framelens: error: stance 5 is out of range: use -2, -1, 0, 1 or 2\n  --> {shown}:6:13\n  |\n6 |     stance: 5\n  |             ^\n"
        )
    );
}

#[test]
fn cli_yaml_syntax_error_and_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_temp(&dir, "syntax.yaml", b"labels:\n  - id: [x\n");
    let art = write_temp(&dir, "art.txt", b"Headline\nText.");
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--no-default-lexicons",
            "--lexicon",
            bad.to_str().unwrap(),
        ],
        4,
    );
    assert!(err.contains(&format!("{}:2:", bad.display())), "{err}");
    let cat = write_temp(
        &dir,
        "cat.yaml",
        b"labels:\n  - {id: x, forms: [x], category: nope/none, stance: 1, kind: act}\n",
    );
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--no-default-lexicons",
            "--lexicon",
            cat.to_str().unwrap(),
        ],
        4,
    );
    assert_eq!(
        err,
        format!(
            "framelens: error: unknown category `nope/none`: declare it under `categories:`\n  --> {}:2:35\n  |\n2 |   - {{id: x, forms: [x], category: nope/none, stance: 1, kind: act}}\n  |                                   ^\n",
            cat.display()
        )
    );
}

#[test]
fn cli_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    framelens()
        .args(["score", "/no/such/article.txt"])
        .assert()
        .code(3)
        .stderr("framelens: /no/such/article.txt: no such file\n");
    let bin = write_temp(&dir, "bin.txt", b"Headline\n\xff\xfe bad");
    framelens()
        .args(["score", bin.to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(format!(
            "framelens: {}: not valid UTF-8 at byte 9 (line 2)\n",
            bin.display()
        ));
    let empty = write_temp(&dir, "empty.txt", b"  \n");
    framelens()
        .args(["score", empty.to_str().unwrap()])
        .assert()
        .code(3);
    let bom_only = write_temp(&dir, "bom.txt", b"\xef\xbb\xbf\xe2\x80\x8b\n");
    framelens()
        .args(["score", bom_only.to_str().unwrap()])
        .assert()
        .code(3);
    framelens()
        .args(["score", "x.txt", "--lexicon", "/no/such/lexicon.yaml"])
        .assert()
        .code(4);
    framelens()
        .args(["compare", "only-one.txt"])
        .assert()
        .code(2);
    framelens()
        .args(["score", dir.path().to_str().unwrap()])
        .assert()
        .code(3);
}

#[test]
fn cli_reads_stdin_and_no_default_lexicons_drops_bundled() {
    framelens()
        .args(["score", "-", "--format", "json"])
        .write_stdin("Headline\nThe rebels advanced.")
        .assert()
        .success()
        .stdout(predicates::str::contains("\"term\": \"rebel\""));
    let out = framelens()
        .args(["score", "-", "--format", "json", "--no-default-lexicons"])
        .write_stdin("Headline\nThe rebels advanced.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"][0]["hits"].as_array().unwrap().len(), 0);
}

#[test]
fn json_hits_carry_the_documented_fields() {
    let out = framelens()
        .args(["score", sample(B).to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    let text = std::fs::read_to_string(sample(B)).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        for k in [
            "text",
            "start",
            "end",
            "term",
            "category",
            "stance",
            "kind",
            "actors",
            "link",
            "voice",
            "speaker",
            "speaker_actor",
            "negated",
            "sentence",
            "sentence_text",
        ] {
            assert!(h.get(k).is_some(), "missing {k} in {h}");
        }
        assert_slices(h, &text);
    }
}

#[test]
fn offsets_count_from_the_first_byte_even_with_a_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "\u{feff}Headline\r\nThe “rebels” of هيئة تحرير الشام advanced — the militants said.\r\n";
    let f = write_temp(&dir, "bom.txt", body.as_bytes());
    let out = framelens()
        .args(["score", f.to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap();
    assert!(hits.len() >= 2, "{hits:?}");
    for h in hits {
        assert_slices(h, body);
    }
}

#[test]
fn piped_text_output_has_no_colour_and_fits_80_columns() {
    let out = snapshot_output(&[
        "compare",
        sample(A).to_str().unwrap(),
        sample(B).to_str().unwrap(),
    ]);
    assert!(!out.contains('\u{1b}'), "escape codes in piped output");
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
}

/// `--date` takes a calendar date, YYYY-MM-DD: an impossible day or a word is a usage error
/// (exit 2) that says what a date is and why this one is not.
#[test]
fn a_date_that_is_no_calendar_day_is_a_usage_error() {
    let a = sample(A);
    let b = sample(B);
    for (date, why) in [
        ("2026-02-30", "parameter 'day' for `2026-02` is invalid"),
        ("yesterday", "failed to parse four digit integer as year"),
    ] {
        let err = stderr_of(
            &[
                "compare",
                a.to_str().unwrap(),
                b.to_str().unwrap(),
                "--format",
                "html",
                "--date",
                date,
            ],
            2,
        );
        let head =
            format!("error: invalid value '{date}' for '--date <DATE>': not a date (YYYY-MM-DD): ");
        assert!(err.starts_with(&head) && err.contains(why), "{err}");
    }
}
