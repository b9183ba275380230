//! Integration tests: lexicon layers.

use super::*;

/// The hits of `text` as (text, term, stance), with `args` added to `score`; and standard error.
fn hits_with(
    dir: &tempfile::TempDir,
    text: &str,
    args: &[&str],
) -> (Vec<(String, String, i64)>, String) {
    let article = write_temp(dir, "article.txt", text.as_bytes());
    let out = framelens()
        .arg("score")
        .arg(&article)
        .args(["--format", "json"])
        .args(args)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["articles"][0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["text"].as_str().unwrap().to_owned(),
                h["term"].as_str().unwrap().to_owned(),
                h["stance"].as_i64().unwrap(),
            )
        })
        .collect();
    (hits, String::from_utf8(out.stderr).unwrap())
}

/// A dictionary imported from LIWC gets ids of its own (`mini-terrorist`), so it replaces no
/// bundled entry; where its globs take the words of bundled forms, the run says so for each,
/// with the stance it changes, and `lexicon check` counts each as a problem. With `--prefix ''`
/// its ids are the bare words and replace the bundled entries, with a warning for each. Before,
/// "terrorists" silently became stance 0, and `check` reported 0 problems.
#[test]
fn an_imported_dictionary_that_replaces_bundled_entries_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_temp(
        &dir,
        "mini.dic",
        b"%\n1\tterror\n2\trebel\n%\nterrorist*\t1\nrebel*\t2\n",
    );
    let import = |prefix: &[&str]| {
        framelens()
            .args([
                "lexicon",
                "import",
                "mini.dic",
                "--from",
                "liwc",
                "-o",
                "mini.yaml",
            ])
            .args(prefix)
            .current_dir(dir.path())
            .assert()
            .success();
    };
    import(&[]);
    let (hits, err) = hits_with(
        &dir,
        "The terrorists attacked.",
        &["--lexicon", "mini.yaml"],
    );
    assert_eq!(
        hits,
        vec![("terrorists".into(), "mini-terrorist".into(), 0)]
    );
    let (t, r, b) = (
        bundled_line("terrorist") + 1,
        bundled_line("rebel") + 1,
        bundled_line("rebellion") + 1,
    );
    let (ts, ft, fr) = (
        bundled_line("ip-terroristan") + 1,
        bundled_line_in("conflict-labels-fr.yaml", "fr-terroriste") + 1,
        bundled_line_in("conflict-labels-fr.yaml", "fr-rebelle") + 1,
    );
    let tail = "; the later entry is matched on these words; write `overrides: true` in the entry if that is meant\n";
    assert_eq!(
        err,
        format!(
            "framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `terrorist` of `terrorist` (bundled:conflict-labels.yaml:{t}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `Terroristan` of `ip-terroristan` (bundled:conflict-labels.yaml:{ts}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `terroriste` of `fr-terroriste` (bundled:conflict-labels-fr.yaml:{ft}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebel` of `rebel` (bundled:conflict-labels.yaml:{r}){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebelle` of `fr-rebelle` (bundled:conflict-labels-fr.yaml:{fr}) (stance -1 -> 0){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebellion` of `rebellion` (bundled:conflict-labels.yaml:{b}){tail}"
        )
    );
    framelens()
        .args(["lexicon", "check", "mini.yaml"])
        .current_dir(dir.path())
        .assert()
        .code(4)
        .stdout(predicates::str::ends_with("1 file checked, 6 problems\n"));
    import(&["--prefix", ""]);
    let (hits, err) = hits_with(
        &dir,
        "The terrorists attacked.",
        &["--lexicon", "mini.yaml"],
    );
    assert_eq!(hits, vec![("terrorists".into(), "terrorist".into(), 0)]);
    let (t, r) = (t - 1, r - 1);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            format!(
                "framelens: warning: mini.yaml:13:9: label `terrorist` replaces the label `terrorist` of bundled:conflict-labels.yaml:{t} (stance -2 -> 0); write `overrides: true` in the entry if that is meant"
            ),
            format!(
                "framelens: warning: mini.yaml:14:13: form `terrorist*` of `terrorist` matches words of the form `Terroristan` of `ip-terroristan` (bundled:conflict-labels.yaml:{ts}) (stance -2 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:14:13: form `terrorist*` of `terrorist` matches words of the form `terroriste` of `fr-terroriste` (bundled:conflict-labels-fr.yaml:{ft}) (stance -2 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:19:9: label `rebel` replaces the label `rebel` of bundled:conflict-labels.yaml:{r}; write `overrides: true` in the entry if that is meant"
            ),
            format!(
                "framelens: warning: mini.yaml:20:13: form `rebel*` of `rebel` matches words of the form `rebelle` of `fr-rebelle` (bundled:conflict-labels-fr.yaml:{fr}) (stance -1 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:20:13: form `rebel*` of `rebel` matches words of the form `rebellion` of `rebellion` (bundled:conflict-labels.yaml:{b}){}",
                tail.trim_end()
            ),
        ]
    );
}

/// The line of the bundled label `id`.
fn bundled_line(id: &str) -> usize {
    bundled_line_in("conflict-labels.yaml", id)
}

/// The line of entry `id`'s first form in the bundled lexicon `file`.
fn bundled_line_in(file: &str, id: &str) -> usize {
    let text = std::fs::read_to_string(root().join("lexicons").join(file)).unwrap();
    1 + text
        .lines()
        .position(|l| l.trim() == format!("- id: {id}"))
        .expect("bundled id")
}

/// The starter lexicon of `lexicon init` replaces no bundled entry: beside it, every bundled
/// term is found as without it, and its own terms are found too, with nothing on standard
/// error. Before, its `terrorist` entry replaced the bundled one: "terroristic" was no longer
/// found.
#[test]
fn the_starter_lexicon_leaves_the_bundled_terms_alone() {
    let dir = tempfile::tempdir().unwrap();
    framelens()
        .args(["lexicon", "init", "mine.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
    let text = "The terroristic attack. Anti-terrorist police and the rebels came.";
    let (bundled, _) = hits_with(&dir, text, &[]);
    assert!(bundled.iter().any(|h| h.0 == "terroristic"), "{bundled:?}");
    let (with, err) = hits_with(&dir, text, &["--lexicon", "mine.yaml"]);
    assert_eq!((with, err.as_str()), (bundled, ""));
    let (own, _) = hits_with(&dir, "The freebooters fled.", &["--lexicon", "mine.yaml"]);
    assert_eq!(own, vec![("freebooters".into(), "freebooters".into(), -2)]);
}

/// A user entry with a form of a bundled entry is the one matched on those words (the later
/// layer wins), with a warning naming both; `overrides: true` says it is meant and silences
/// the warning. Before, the bundled entry always won and the user's entry never matched.
#[test]
fn a_later_lexicon_wins_on_a_bundled_form() {
    let dir = tempfile::tempdir().unwrap();
    let entry = "categories: [mine/test]\nlabels:\n  - id: my-insurgents\n    forms: [rebels]\n    category: mine/test\n    stance: -1\n    kind: label\n";
    write_temp(&dir, "form.yaml", entry.as_bytes());
    let (hits, err) = hits_with(&dir, "The rebels came.", &["--lexicon", "form.yaml"]);
    assert_eq!(hits, vec![("rebels".into(), "my-insurgents".into(), -1)]);
    let line = bundled_line("rebel") + 1;
    assert_eq!(
        err,
        format!(
            "framelens: warning: form.yaml:4:13: form `rebels` of `my-insurgents` is also a form of `rebel` (bundled:conflict-labels.yaml:{line}) (stance 0 -> -1); the later entry is matched on these words; write `overrides: true` in the entry if that is meant\n"
        )
    );
    write_temp(
        &dir,
        "form.yaml",
        format!("{entry}    overrides: true\n").as_bytes(),
    );
    let (hits, err) = hits_with(&dir, "The rebels came.", &["--lexicon", "form.yaml"]);
    assert_eq!(
        (hits, err.as_str()),
        (vec![("rebels".into(), "my-insurgents".into(), -1)], "")
    );
    framelens()
        .args(["lexicon", "check", "form.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
}

/// `lexicon add` refuses a label for a file of actors (it would have to create `categories:`
/// and `labels:`, which `lexicon remove` does not take back), and a category that neither the
/// file nor the loaded lexicons declare, naming the closest one; `--new-category` declares it.
/// Both refusals exit 4 and leave the file as it was. Before, both were accepted without a word.
#[test]
fn lexicon_add_refuses_an_actors_file_and_an_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let actors = "lexicon: mine\nactors:\n  - {id: q, name: Q, type: state}\n";
    let a = write_temp(&dir, "actors.yaml", actors.as_bytes());
    let add = |file: &str, category: &str, extra: &[&str]| {
        let mut c = framelens();
        c.args([
            "lexicon", "add", file, "--id", "zz", "--form", "zzz", "--stance", "-1",
        ])
        .args(["--category", category])
        .args(extra)
        .current_dir(dir.path());
        c.output().unwrap()
    };
    let out = add("actors.yaml", "delegitimizing/terrorism", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "framelens: actors.yaml lists actors and no labels; add the label to a lexicon of labels, or write `labels: []` in actors.yaml first\n"
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), actors);
    let labels = "lexicon: mine\ncategories: [mine/x]\nlabels: []\n";
    let l = write_temp(&dir, "labels.yaml", labels.as_bytes());
    let out = add("labels.yaml", "delegitimizing/terorism", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "framelens: unknown category `delegitimizing/terorism`: neither labels.yaml nor the loaded lexicons declare it (did you mean `delegitimizing/terrorism`?); give --new-category to declare it in labels.yaml\n"
    );
    assert_eq!(std::fs::read_to_string(&l).unwrap(), labels);
    assert!(add("labels.yaml", "mine/x", &[]).status.success());
    let mut c = framelens();
    c.args([
        "lexicon",
        "add",
        "labels.yaml",
        "--id",
        "zz2",
        "--form",
        "zzz2",
        "--stance",
        "-1",
    ])
    .args(["--category", "brand/new", "--new-category"])
    .current_dir(dir.path())
    .assert()
    .success();
    let text = std::fs::read_to_string(&l).unwrap();
    assert!(text.contains("categories: [mine/x, brand/new]"), "{text}");
}

/// An article in a language that no loaded label lexicon is written for is said to be one, on
/// standard error, instead of reading as an article without loaded words; an article in a
/// language a lexicon covers, or too short to tell, gets no note.
#[test]
fn an_article_in_a_language_without_a_lexicon_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let english = "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {id: t, forms: [rebels], category: mine/test, stance: -1, kind: label, targets: [armed_group], note: n}\n";
    write_temp(&dir, "en.yaml", english.as_bytes());
    let only_english = ["--no-default-lexicons", "--lexicon", "en.yaml"];
    let spanish = "El ejército afirmó el domingo que los rebeldes habían tomado la ciudad tras dos días de combates y que los civiles huían hacia el sur.";
    let (hits, err) = hits_with(&dir, spanish, &only_english);
    assert!(hits.is_empty());
    assert_eq!(
        err,
        "framelens: article: article is Spanish (1.00); no lexicon for Spanish: 0 terms\n"
    );
    let english_text =
        "The army said on Sunday that the rebels had taken the town after two days of fighting.";
    let (hits, err) = hits_with(&dir, english_text, &only_english);
    assert_eq!((hits.len(), err.as_str()), (1, ""));
    let (_, err) = hits_with(&dir, "Rebels.", &only_english);
    assert_eq!(err, "");
    // The bundled lexicons read French.
    let french = "L'armée a affirmé dimanche que les rebelles avaient pris la ville après deux jours de combats.";
    let (hits, err) = hits_with(&dir, french, &[]);
    assert_eq!(
        (hits, err.as_str()),
        (vec![("rebelles".into(), "fr-rebelle".into(), -1)], "")
    );
}

/// French copy, end to end: accents and capitals folded, « » and „ “ quotations with the
/// speaker after an inverted French verb of saying, "a affirmé que" and "selon" as reporting
/// frames, byte offsets into the original, and a common phrase that needs a party in its
/// sentence ("violation flagrante" of the rules of a match is no label).
#[test]
fn a_french_article_is_read_end_to_end() {
    let text = "TERRORISTES NEUTRALISÉS À MOPTI\n\n« Ce sont des terroristes », a déclaré le porte-parole de l'armée malienne. Le ministre a affirmé que les groupes armés terroristes avaient attaqué le camp. Selon l'armée, les rebelles ont perdu dix hommes. „Les miliciens ont fui“, a précisé un officier. Le match a été marqué par une violation flagrante des règles.";
    let a = analyze(text);
    let rows: Vec<(&str, &str, Voice, Option<&str>)> = a
        .hits
        .iter()
        .map(|h| {
            assert_eq!(&text[h.start..h.end], h.text);
            (h.text.as_str(), &*h.term, h.voice, h.speaker.as_deref())
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("TERRORISTES", "fr-terroriste", Voice::Author, None),
            ("NEUTRALISÉS", "neutralize", Voice::Author, None),
            (
                "terroristes",
                "fr-terroriste",
                Voice::Quote,
                Some("le porte-parole de l'armée malienne")
            ),
            (
                "groupes armés terroristes",
                "fr-groupes-armes-terroristes",
                Voice::Reported,
                Some("Le ministre")
            ),
            ("rebelles", "fr-rebelle", Voice::Reported, Some("l'armée")),
            ("miliciens", "fr-milice", Voice::Quote, Some("un officier")),
        ]
    );
    let lang = a.profile.language.expect("a language");
    assert_eq!((lang.code, lang.name), ("fra", "French"));
    assert!(!a.profile.unread_language);
}

/// `requires: party`: a common word counts only in a sentence that names a party of a type the
/// entry targets, or in the sentence right after one: a lexicon actor, a party the article names
/// that no lexicon lists, or a pronoun standing for a person of a party.
#[test]
fn a_common_word_needs_a_party_in_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {id: beasts, forms: [animals], category: mine/test, stance: -2, kind: label, targets: [armed_group, person], requires: party, note: n}\nactors:\n  - {id: kf, name: Karst Front, type: armed_group}\n  - {id: ru, name: Ruritania, type: state}\n  - {id: ug, name: Upland Guard, type: armed_group, people: [{name: Boris Malko}]}\n";
    write_temp(&dir, "l.yaml", lexicon.as_bytes());
    let args = ["--no-default-lexicons", "--lexicon", "l.yaml"];
    let table = [
        ("The zoo moved its animals to a new enclosure.", 0),
        (
            "The Karst Front fighters are animals, the governor said.",
            1,
        ),
        ("They are animals. The Karst Front denied it.", 0),
        (
            "The Karst Front shelled the village. Its fighters are animals, residents said.",
            1,
        ),
        (
            "The Karst Front shelled the village. Night fell. Its fighters are animals.",
            0,
        ),
        ("Ruritania's soldiers behaved like animals.", 0),
        (
            "The Marsh Liberation Front (MLF) said its rivals were animals.",
            1,
        ),
        (
            "Boris Malko spoke on Sunday. He called his rivals animals.",
            1,
        ),
    ];
    for (text, n) in table {
        let (hits, _) = hits_with(&dir, text, &args);
        assert_eq!(hits.len(), n, "{text}");
    }
}

/// `targets: [person]`: a term said of one individual describes the party the person leads or
/// speaks for: a person named beside it links to that person's party, a party named in its
/// phrase ("the tyrant of Karst Front") to that party, and a population never.
#[test]
fn a_term_for_a_person_describes_a_person_of_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = |targets: &str| {
        format!(
            "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {{id: tyrant, forms: [tyrant], category: mine/test, stance: -2, kind: label, targets: [{targets}], note: n}}\nactors:\n  - {{id: kf, name: Karst Front, type: armed_group}}\n  - id: ru\n    name: Ruritania\n    type: state\n    people: [{{name: Boris Malko}}]\n"
        )
    };
    let links = |targets: &str| -> Vec<(String, String)> {
        write_temp(&dir, "l.yaml", lexicon(targets).as_bytes());
        write_temp(
            &dir,
            "a.txt",
            b"Malko, the tyrant, fled the capital on Sunday. The tyrant of Karst Front fled too.",
        );
        let out = framelens()
            .args(["score", "a.txt", "--format", "json"])
            .args(["--no-default-lexicons", "--lexicon", "l.yaml"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["articles"][0]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["actors"].to_string(),
                    h["link"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pairs = |v: [(&str, &str); 2]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        links("person"),
        pairs([(r#"["ru"]"#, "apposition"), (r#"["kf"]"#, "same_phrase")])
    );
    assert_eq!(
        links("state, armed_group"),
        pairs([(r#"["ru"]"#, "apposition"), (r#"["kf"]"#, "same_phrase")])
    );
    // A term only a population can be describes neither Malko's state nor Karst Front: with no
    // population named, an unnamed one.
    assert_eq!(
        links("population"),
        pairs([
            (r#"["unnamed-1"]"#, "unnamed_party"),
            (r#"["unnamed-1"]"#, "carried_over")
        ])
    );
    // An actor cannot be a person: a person is one of a party's people.
    write_temp(
        &dir,
        "bad.yaml",
        b"actors:\n  - {id: p, name: Boris, type: person}\n",
    );
    let out = framelens()
        .args(["lexicon", "check", "bad.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "error: `person` is a label target, not an actor type: list a person under the `people` of their party\n  --> bad.yaml:2:32\n  |\n2 |   - {id: p, name: Boris, type: person}\n  |                                ^\n1 file checked, 1 problem\n"
    );
}

/// One sentence of `tests/fixtures/lexicon-families.yaml`.
#[derive(serde::Deserialize)]
struct FamilyCase {
    family: String,
    text: String,
    form: Option<String>,
    id: Option<String>,
}

/// Every family of the bundled label lexicon finds its true uses, with the entry that lists
/// them, and leaves its false ones (the ordinary sense of a listed word) alone: a table of 327
/// sentences written with the entries. Failures are listed together.
#[test]
fn every_lexicon_family_finds_its_true_uses_and_not_its_false_ones() {
    let path = root().join("tests/fixtures/lexicon-families.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cases: Vec<FamilyCase> = serde_saphyr::from_str(&text).unwrap();
    assert!(cases.len() >= 300);
    let an = analyzer();
    let mut wrong = Vec::new();
    for c in &cases {
        let a = an.analyze("case", &c.text);
        let ok = match (&c.form, &c.id) {
            (Some(form), id) => a
                .hits
                .iter()
                .any(|h| h.text == *form && id.as_ref().is_none_or(|i| *h.term == **i)),
            (None, Some(id)) => a.hits.iter().all(|h| *h.term != **id),
            (None, None) => a.hits.is_empty(),
        };
        if !ok {
            let found: Vec<String> = a
                .hits
                .iter()
                .map(|h| format!("{} [{}]", h.text, h.term))
                .collect();
            wrong.push(format!(
                "{}: {:?} wants {:?} [{:?}], found {found:?}",
                c.family, c.text, c.form, c.id
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// A corpus run counts the records in a language that no loaded lexicon is written for, by
/// language, in the summary and the report's headline, and a merge adds them up. The records in
/// French, one with terms and one without, are read by the bundled French lexicon, the one in
/// English by the English one.
#[test]
fn a_corpus_counts_the_records_no_lexicon_reads() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        r#"{"id": "en", "source": "wire", "text": "The army said on Sunday that the rebels had taken the town after two days of fighting."}"#,
        r#"{"id": "es", "source": "wire", "text": "El ejército afirmó el domingo que los rebeldes habían tomado la ciudad tras dos días de combates y que los civiles huían hacia el sur."}"#,
        r#"{"id": "fr", "source": "wire", "text": "L'armée a affirmé dimanche que les rebelles avaient pris la ville après deux jours de combats."}"#,
        r#"{"id": "fr-budget", "source": "wire", "text": "Le gouvernement a présenté dimanche devant l'Assemblée nationale son projet de budget pour l'année prochaine."}"#,
    ];
    write_temp(&dir, "c.jsonl", (records.join("\n") + "\n").as_bytes());
    let out = framelens()
        .args(["corpus", "c.jsonl", "--summary", "s.json", "--quiet"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.starts_with("framelens corpus: 4 articles from 1 source; 1 in a language no loaded lexicon is written for (Spanish 1)\n"),
        "{report}"
    );
    let summary = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.path().join(name)).unwrap()).unwrap()
    };
    assert_eq!(
        summary("s.json")["unread_languages"],
        serde_json::json!({"Spanish": 1})
    );
    std::fs::copy(dir.path().join("s.json"), dir.path().join("t.json")).unwrap();
    framelens()
        .args(["merge", "s.json", "t.json", "-o", "m.json"])
        .current_dir(dir.path())
        .assert()
        .success();
    assert_eq!(
        summary("m.json")["unread_languages"],
        serde_json::json!({"Spanish": 2})
    );
}

#[test]
fn an_attribution_noun_at_the_first_byte_of_a_text_is_read() {
    // The resumptive-appositive rule looks at the tokens before a noun of saying; at token 0
    // there are none (a subtraction there overflowed in debug builds).
    let a = framelens::analysis::Analyzer::new(framelens::lexicon::Lexicon::bundled().unwrap())
        .unwrap()
        .analyze("t", "Claims of abuse grew, claims the army denies.");
    let h = hit(&a, "Claims", 0);
    assert_eq!(
        h.link,
        framelens::analysis::LinkRule::None,
        "{}",
        h.link_detail
    );
}

#[test]
fn lexicon_show_of_an_unknown_id_is_a_usage_error() {
    framelens()
        .args(["lexicon", "show", "no-such-entry"])
        .assert()
        .code(2)
        .stdout("no label or actor has the id `no-such-entry`\n");
    framelens()
        .args(["lexicon", "show", "terrorist"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("terrorist"));
}
