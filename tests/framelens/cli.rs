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
            "framelens: {}: not valid UTF-8 at byte 9 (line 2); it looks like windows-1254: try --encoding windows-1254 (or --lossy to replace the bytes that are not UTF-8)\n",
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
    let out = stdout_of(&[
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

/// A flag a command does not use is refused, not ignored: each row is a command with a flag it
/// would have dropped before, and the first line clap prints.
#[test]
fn a_flag_a_command_does_not_use_is_a_usage_error() {
    let rows: &[(&[&str], &str)] = &[
        (
            &["merge", "s.json", "-f", "html"],
            "unexpected argument '-f' found",
        ),
        (
            &["corpus", "dir", "--show-text"],
            "unexpected argument '--show-text' found",
        ),
        (
            &["corpus", "dir", "--lossy"],
            "unexpected argument '--lossy' found",
        ),
        (
            &["compare", "a.txt", "b.txt", "--explain"],
            "unexpected argument '--explain' found",
        ),
        (
            &["corpus", "dir", "--explain"],
            "unexpected argument '--explain' found",
        ),
        (
            &["report", "s.json", "--lexicon", "l.yaml"],
            "unexpected argument '--lexicon' found",
        ),
        (
            &["lexicon", "init", "l.yaml", "-o", "x"],
            "unexpected argument '-o' found",
        ),
        (
            &["lexicon", "list", "--format", "json"],
            "unexpected argument '--format' found",
        ),
        (
            &["attributions", "a.txt", "-f", "html"],
            "invalid value 'html' for '--format <FORMAT>'",
        ),
        (
            &["eval", "--gold", "g", "-f", "markdown"],
            "invalid value 'markdown' for '--format <FORMAT>'",
        ),
        (
            &["--lexicon", "l.yaml", "score", "a.txt"],
            "unexpected argument '--lexicon' found",
        ),
    ];
    for (args, first) in rows {
        let out = framelens().args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(
            err.lines().next(),
            Some(format!("error: {first}").as_str()),
            "{args:?}"
        );
    }
}

/// One spelling of each input format, the other accepted as an alias, in both reading modes.
#[test]
fn input_formats_have_one_spelling_and_accept_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("outlet");
    std::fs::create_dir(&out).unwrap();
    write_temp(&dir, "outlet/a.txt", b"Headline\nThe rebels advanced.\n");
    let art = write_temp(&dir, "art.txt", b"Headline\nThe rebels advanced.\n");
    for spelling in ["text", "txt"] {
        framelens()
            .args([
                "corpus",
                out.to_str().unwrap(),
                "-q",
                "--input-format",
                spelling,
            ])
            .assert()
            .success();
        framelens()
            .args(["score", art.to_str().unwrap(), "--input-format", spelling])
            .assert()
            .success()
            .stdout(predicates::str::contains("rebels"));
    }
    framelens()
        .args(["corpus", out.to_str().unwrap(), "--input-format", "tsv"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown input format `tsv`, expected one of text, jsonl, csv",
        ));
}

/// The bash completion script, sourced in bash, completes command names and flags.
#[test]
fn bash_completions_complete_commands_and_flags() {
    let script = framelens().args(["completions", "bash"]).output().unwrap();
    assert!(script.status.success());
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "framelens.bash", &script.stdout);
    let complete = |words: &str| -> Vec<String> {
        let n = words.split_whitespace().count();
        let cmd = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={}; COMP_LINE='{words}'; \
             COMP_POINT=${{#COMP_LINE}}; _framelens framelens \"${{COMP_WORDS[-1]}}\" \
             \"${{COMP_WORDS[-2]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display(),
            n - 1
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &cmd])
            .output()
            .expect("bash runs");
        // An empty reply still prints one empty line.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(complete("framelens sco"), ["score"]);
    assert_eq!(complete("framelens lexicon add-"), ["add-actor"]);
    assert_eq!(complete("framelens corpus --input-f"), ["--input-format"]);
    // A flag of another command is not offered.
    assert!(complete("framelens merge --sh").is_empty());
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = framelens().args(["completions", shell]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("suggest-actors"),
            "{shell}"
        );
    }
}

/// The manual pages: the program's lists every command; each command has its own; a word that
/// names no command is a usage error that lists the commands there are.
#[test]
fn manual_pages_cover_every_command() {
    let page = framelens().arg("man").output().unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains(".TH framelens 1"), "{page}");
    for c in [
        "lexicon",
        "score",
        "attributions",
        "compare",
        "corpus",
        "merge",
        "report",
        "eval",
    ] {
        assert!(page.contains(&format!("framelens\\-{c}(1)")), "{c}");
    }
    assert!(page.contains("Exit codes (each means one thing"));
    let add = framelens()
        .args(["man", "lexicon", "add"])
        .output()
        .unwrap();
    let add = String::from_utf8(add.stdout).unwrap();
    assert!(add.starts_with(".ie"), "{add}");
    assert!(add.contains(".TH framelens-lexicon-add 1"), "{add}");
    assert!(add.contains("\\fB\\-\\-stance\\fR"), "{add}");
    framelens()
        .args(["man", "score", "extra"])
        .assert()
        .code(2)
        .stderr(
            "framelens: `framelens score` has no subcommands; its page is `framelens man score`\n",
        );
    framelens().args(["man", "help"]).assert().code(2);
    // Every page at once, into a folder made for them, one file per command.
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("man/man1");
    let listed = stdout_of(&["man", "--out-dir", to.to_str().unwrap()]);
    let listed: Vec<&str> = listed.lines().collect();
    assert_eq!(listed.len(), 24, "{listed:?}");
    let mut names: Vec<String> = std::fs::read_dir(&to)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        assert!(listed.contains(&to.join(name).to_str().unwrap()), "{name}");
        let page = std::fs::read_to_string(to.join(name)).unwrap();
        let stem = name.strip_suffix(".1").unwrap();
        assert!(page.contains(&format!(".TH {stem} 1")), "{name}");
    }
    for want in [
        "framelens.1",
        "framelens-score.1",
        "framelens-lexicon-add.1",
        "framelens-man.1",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    assert_eq!(
        std::fs::read_to_string(to.join("framelens-lexicon-add.1")).unwrap(),
        add
    );
    framelens()
        .args(["man", "score", "--out-dir", to.to_str().unwrap()])
        .assert()
        .code(2);
    let file = to.join("framelens.1");
    framelens()
        .args(["man", "--out-dir", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(format!(
            "framelens: --out-dir {}: not a folder\n",
            file.display()
        ));
    framelens()
        .args(["man", "lexicon", "ad"])
        .assert()
        .code(2)
        .stderr(
            "framelens: `framelens lexicon ad` is not a command; the commands of `lexicon` are \
             check, lint, list, show, explain, init, import, export, schema, add, add-actor, \
             remove, suggest-actors\n",
        );
}
