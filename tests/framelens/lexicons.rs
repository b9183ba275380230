//! Integration tests: lexicons.

use super::*;

#[test]
fn bundled_lexicons_are_big_enough() {
    let lex = Lexicon::bundled().unwrap();
    assert!(lex.labels.len() >= 150, "{}", lex.labels.len());
    for id in [
        "hts",
        "sna",
        "syrian-government",
        "sdf",
        "pkk",
        "turkey",
        "united-states",
        "russia",
        "iran",
        "israel",
        "ukraine",
    ] {
        assert!(lex.actor(id).is_some(), "actor {id} missing");
    }
}

#[test]
fn later_files_override_by_id_and_are_listed() {
    let lex = LexiconBuilder::new()
        .bundled()
        .text(
            "mine.yaml",
            "lexicon: mine\ncategories: [custom/test]\nlabels:\n  - {id: rebels, forms: [rebels, rebel], category: custom/test, stance: -2, kind: label}\n",
        )
        .build()
        .unwrap();
    let e = lex.label("rebels").expect("entry");
    assert_eq!(e.stance, -2);
    assert_eq!(lex.files.last().unwrap().name, "mine");
    assert_eq!(lex.files[e.file].path, "mine.yaml");
}

#[test]
fn schema_is_current() {
    let on_disk =
        std::fs::read_to_string(root().join("lexicons/schema.json")).expect("schema present");
    assert!(
        on_disk == framelens::lexicon::schema_json(),
        "lexicons/schema.json is stale: run `cargo run -- lexicon schema > lexicons/schema.json`"
    );
    // The schema describes the bundled files' keys.
    for key in [
        "\"labels\"",
        "\"actors\"",
        "\"stance\"",
        "\"targets\"",
        "\"proxies\"",
        "\"allow\"",
    ] {
        assert!(on_disk.contains(key), "{key}");
    }
}

/// One broken file per kind of mistake, by name (see `lexicon_check_pins_every_kind_of_mistake`).
const CHECK_MISTAKES: &[(&str, &str)] = &[
    ("syntax", "labels:\n  - id: [x\n"),
    (
        "wrong-type",
        "labels:\n  - {id: x, forms: [x], category: a/b, stance: high, kind: label}\ncategories: [a/b]\n",
    ),
    (
        "unknown-key",
        "categories: [a/b]\nlabels:\n  - id: x\n    froms: [x]\n    category: a/b\n    stance: 1\n    kind: label\n",
    ),
    (
        "duplicate-key",
        "categories: [a/b]\nlabels:\n  - id: x\n    id: y\n    forms: [x]\n    category: a/b\n    stance: 1\n    kind: label\n",
    ),
    (
        "stance-range",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: [x], category: a/b, stance: -3, kind: label}\n",
    ),
    (
        "bad-regex",
        "categories: [a/b]\nlabels:\n  - {id: x, regex: '[unclosed', category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "huge-regex",
        "categories: [a/b]\nlabels:\n  - {id: x, regex: '\\w{1000}\\w{1000}\\w{1000}', category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "inner-glob",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: ['ter*or'], category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "short-glob",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: ['te*'], category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "nothing-to-match",
        "categories: [a/b]\nlabels:\n  - {id: x, category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "duplicate-id",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: [a], category: a/b, stance: 1, kind: act}\n  - {id: x, forms: [b], category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "duplicate-form",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: [rebels], category: a/b, stance: 1, kind: act}\n  - {id: y, forms: [Rebels], category: a/b, stance: 1, kind: act}\n",
    ),
    (
        "unknown-category",
        "labels:\n  - {id: x, forms: [a], category: nope/none, stance: 1, kind: act}\n",
    ),
    ("bad-category-path", "categories: ['a//b']\n"),
    (
        "unknown-kind",
        "categories: [a/b]\nlabels:\n  - {id: x, forms: [a], category: a/b, stance: 1, kind: lable}\n",
    ),
    (
        "unknown-actor-type",
        "actors:\n  - {id: q, name: Q, type: stat}\n",
    ),
    (
        "unknown-proxy",
        "actors:\n  - {id: q, name: Q, type: state, proxies: [nobody]}\n",
    ),
    (
        "unknown-epithet-actor",
        "categories: [a/b]\nlabels:\n  - id: x\n    forms: [a]\n    category: a/b\n    stance: -1\n    kind: label\n    names:\n      - actor: al-shabab\n        where: [somalia]\n",
    ),
    ("not-utf8", "labels: \u{0}"),
    (
        "list-as-scalar",
        "categories: [a/b]\nlabels:\n  - id: x\n    forms: resistance fighter*\n    category: a/b\n    stance: 1\n    kind: label\n",
    ),
    (
        "missing-field",
        "categories: [a/b]\nlabels:\n  - id: x\n    forms: [x]\n    category: a/b\n    kind: label\n",
    ),
    (
        "unclosed-list",
        "categories: [a/b]\nlabels:\n  - id: x\n    category: a/b\n    forms: [foo\n    stance: 1\n    kind: label\n  - id: y\n    forms: [bar]\n    category: a/b\n    stance: 7\n    kind: label\n",
    ),
];

#[test]
fn lexicon_check_pins_every_kind_of_mistake() {
    // One broken file per kind of mistake; `framelens lexicon check` must report each with file,
    // line, column and the offending line. The rendered messages are pinned in a snapshot.
    let cases = CHECK_MISTAKES;
    let dir = tempfile::tempdir().unwrap();
    let mut rendered = String::new();
    for (name, body) in cases {
        let path = dir.path().join(format!("{name}.yaml"));
        if *name == "not-utf8" {
            std::fs::write(&path, b"labels:\n  - id: \xff\n").unwrap();
        } else {
            std::fs::write(&path, body).unwrap();
        }
        let out = framelens()
            .args(["lexicon", "check", path.to_str().unwrap()])
            .assert()
            .code(4)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out)
            .unwrap()
            .replace(dir.path().to_str().unwrap(), "<dir>");
        assert!(
            text.contains(&format!("<dir>/{name}.yaml")),
            "{name}: {text}"
        );
        rendered.push_str(&format!("== {name}\n{text}"));
    }
    insta::assert_snapshot!("lexicon_check_mistakes", rendered);
    // Clean files exit 0, problems 4 (an invalid lexicon); an unreadable one exits 3.
    framelens()
        .args([
            "lexicon",
            "check",
            "lexicons/conflict-labels.yaml",
            "lexicons/actors.yaml",
        ])
        .assert()
        .code(0);
    framelens()
        .args(["lexicon", "check", "/no/such/lexicon.yaml"])
        .assert()
        .code(3);
}

/// A dictionary of another tool given as a lexicon is one problem that names the tool and the
/// command that converts it; the command, run as written, gives a lexicon that loads.
#[test]
fn a_dictionary_of_another_tool_is_met_with_the_command_that_converts_it() {
    let cases: &[(&str, &str)] = &[
        (
            "mini.dic",
            "%\n1\tterror\n2\tneg\n%\nterrorist*\t1\nthug\t1 2\n",
        ),
        ("mini.lc3", "+TERROR\nterrorist*\nthug\n+PEACE\npeace\n"),
        (
            "mini.cat",
            "TERRORISM\n    TERRORIST (1)\n    FREEDOM_FIGHTER (1)\nPEACE\n    PEACE (1)\n",
        ),
        // Named by its first line, whatever its name.
        ("liwc.txt", "%\n1\tterror\n%\nterrorist*\t1\n"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let article = write_temp(&dir, "t.txt", b"Officials called the thugs terrorists.\n");
    let mut rendered = String::new();
    for (name, body) in cases {
        let path = write_temp(&dir, name, body.as_bytes());
        let err = stderr_of(
            &[
                "score",
                article.to_str().unwrap(),
                "--lexicon",
                path.to_str().unwrap(),
            ],
            4,
        );
        let shown = err.replace(dir.path().to_str().unwrap(), "<dir>");
        rendered.push_str(&format!("== score --lexicon {name}\n{shown}"));
        // `lexicon check` says the same, and exits 4 as for any invalid lexicon.
        let out = framelens()
            .args(["lexicon", "check", path.to_str().unwrap()])
            .assert()
            .code(4)
            .get_output()
            .stdout
            .clone();
        let check = String::from_utf8(out).unwrap();
        let message = err.lines().next().unwrap();
        let message = message.strip_prefix("framelens: error: ").unwrap();
        assert!(check.contains(message), "{check}");
        // The command in the message, run as written.
        let command = message.split('`').nth(1).unwrap();
        let (import, target) = command.split_once(" > ").unwrap();
        let args: Vec<&str> = import.split(' ').skip(1).collect();
        let out = framelens()
            .args(&args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        std::fs::write(target, out).unwrap();
        framelens()
            .args(["score", article.to_str().unwrap(), "--lexicon", target])
            .assert()
            .success();
    }
    insta::assert_snapshot!("foreign_dictionary_hint", rendered);
}

#[test]
fn lexicon_add_then_remove_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let original = "# my lexicon\ncategories: [a/b]   # one category\n\nlabels:\n    # first entry, 4-space indent\n    - id: x\n      forms: [rebels]   # trailing comment\n      category: a/b\n      stance: 0\n      kind: label\n      note: |\n        A block note\n        on two lines.\n    - {id: y, forms: [militants], category: a/b, stance: -1, kind: label}\nactors:\n- id: q\n  name: Q\n  type: state\n";
    let f = write_temp(&dir, "l.yaml", original.as_bytes());
    let p = f.to_str().unwrap();
    framelens()
        .args([
            "lexicon",
            "add",
            p,
            "--id",
            "thugs",
            "--form",
            "thugs",
            "--form",
            "hired: thugs #1",
            "--category",
            "a/b",
            "--stance",
            "-2",
            "--target",
            "armed_group",
            "--note",
            "An insult.",
        ])
        .assert()
        .success();
    let added = std::fs::read_to_string(&f).unwrap();
    assert!(
        added.starts_with("# my lexicon\ncategories: [a/b]   # one category\n"),
        "{added}"
    );
    let lex = LexiconBuilder::new().file(&f).unwrap().build().unwrap();
    assert_eq!(
        lex.label("thugs").unwrap().forms,
        vec!["thugs".to_string(), "hired: thugs #1".to_string()]
    );
    framelens()
        .args([
            "lexicon",
            "add-actor",
            p,
            "--id",
            "r",
            "--name",
            "R Group",
            "--type",
            "armed_group",
            "--alias",
            "RG",
        ])
        .assert()
        .success();
    framelens()
        .args(["lexicon", "remove", p, "r"])
        .assert()
        .success();
    framelens()
        .args(["lexicon", "remove", p, "thugs"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), original);
    // Refusals change nothing and exit 4.
    framelens()
        .args([
            "lexicon",
            "add",
            p,
            "--id",
            "x",
            "--form",
            "z",
            "--category",
            "a/b",
            "--stance",
            "1",
        ])
        .assert()
        .code(4);
    framelens()
        .args(["lexicon", "remove", p, "nope"])
        .assert()
        .code(4);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), original);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn lexicon_lint_is_clean_on_the_bundled_lexicons() {
    framelens()
        .args(["lexicon", "lint"])
        .assert()
        .success()
        .stdout("0 warnings\n");
}

#[test]
fn lexicon_suggest_actors_pins_the_entries_for_unlisted_parties() {
    let dir = root().join("tests/fixtures/unlisted");
    let expected = "\
# 2 parties named in the 1 article that no loaded lexicon lists.
# The types are guesses from a head word or a title: check each entry before adding it,
# with the add-actor command above it (FILE is the lexicon to edit; people go in by hand),
# or save this output and load it with --lexicon.

actors:

  # Karst Liberation Front: 7 mentions in karst.txt (acronym 3, full name 1, person 2, short form 1).
  # Type armed_group from the head word \"Front\".
  # framelens lexicon add-actor FILE --id karst-liberation-front --name 'Karst Liberation Front' --type armed_group --alias KLF
  - id: karst-liberation-front
    name: Karst Liberation Front
    type: armed_group
    aliases: [KLF]
    adjectives: []
    people:
      - name: Jamal Orbek
        role: commander
    proxies: []

  # Vesna Horvat: 1 mention in karst.txt (person 1).
  # Type state from the title \"interior minister\".
  # framelens lexicon add-actor FILE --id vesna-horvat --name 'Vesna Horvat' --type state
  - id: vesna-horvat
    name: Vesna Horvat
    type: state
    aliases: []
    adjectives: []
    people:
      - name: Vesna Horvat
        role: interior minister
    proxies: []
";
    framelens()
        .current_dir(&dir)
        .args(["lexicon", "suggest-actors", "karst.txt"])
        .assert()
        .success()
        .stdout(expected);
    // With the suggestions loaded, nothing is left to suggest.
    let tmp = tempfile::tempdir().unwrap();
    let lex = write_temp(&tmp, "suggested.yaml", expected.as_bytes());
    framelens()
        .current_dir(&dir)
        .args(["lexicon", "suggest-actors", "karst.txt", "--lexicon"])
        .arg(&lex)
        .assert()
        .success()
        .stdout("# No unlisted parties: every party named in the 1 article is in the lexicons.\n");
}

#[test]
fn lexicon_import_and_quanteda_with_dash_dash_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let dic = write_temp(
        &dir,
        "small.dic",
        b"%\n1\tthreat\n2\tpeace\n%\nterroris*\t1\nfreedom fighter\t2\nmilitant\t1\t2\n",
    );
    let out = framelens()
        .args(["lexicon", "import", dic.to_str().unwrap(), "--from", "liwc"])
        .assert()
        .success()
        .get_output()
        .clone();
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("terroris*") && yaml.contains("freedom fighter"),
        "{yaml}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("not carried over")
    );
    let q = write_temp(
        &dir,
        "dict.yml",
        b"threat:\n  terror:\n    - terroris*\n    - terror attack\npeace:\n  - ceasefire\n",
    );
    framelens()
        .args([
            "score",
            "-",
            "--no-default-lexicons",
            "--lexicon",
            q.to_str().unwrap(),
            "--format",
            "json",
        ])
        .write_stdin("Headline\nThe terrorists broke the ceasefire.")
        .assert()
        .success()
        .stdout(
            predicates::str::contains("\"category\": \"threat/terror\"")
                .and(predicates::str::contains("\"text\": \"ceasefire\"")),
        );
}
