//! Integration tests: one story, unnamed and unlisted parties.

use super::*;

/// The actor section of `framelens compare A B` for two fixture files, white space collapsed.
fn compare_actors(a: &str, b: &str) -> String {
    let dir = root().join("tests/fixtures");
    let (a, b) = (dir.join(a), dir.join(b));
    let out = stdout_of(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    let from = out.find("Actors (stance").expect("an actor table");
    let to = out.find("How each source").unwrap_or(out.len());
    // Lines are wrapped to the terminal: compare words, not lines.
    out[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn compare_ties_an_unnamed_party_to_the_name_the_other_article_gives() {
    let t = compare_actors("story/state-media.txt", "story/wire-names-group.txt");
    assert!(t.contains("Hayat Tahrir al-Sham: A -2.00 / B"), "{t}");
    assert!(
        t.contains("[A never names it: tied through B, where the same role is named]"),
        "{t}"
    );
    assert!(t.contains("swap: A 'terrorists' (-2) where B has"), "{t}");
}

#[test]
fn compare_keeps_a_party_neither_article_names_as_one_unnamed_party() {
    let t = compare_actors("story/state-media.txt", "story/wire-names-nobody.txt");
    assert!(
        t.contains("unnamed party 1 ('Terrorists'): A -2.00 / B"),
        "{t}"
    );
    assert!(
        t.contains("(never named: known only by the terms that describe it)"),
        "{t}"
    );
    assert!(t.contains("B: rebels"), "{t}");
}

#[test]
fn compare_shows_a_party_no_lexicon_lists() {
    let t = compare_actors("unlisted/karst.txt", "unlisted/karst-b.txt");
    assert!(
        t.contains("Karst Liberation Front (not in the lexicon): A +0.00 / B -0.67"),
        "{t}"
    );
    assert!(t.contains("see `framelens lexicon"), "{t}");
    // "who call themselves freedom fighters": "freedom fighters" is the group's words, not B's.
    // The verb "call themselves" is B's own choice of word (author voice, stance 0), tied to the
    // group that does the calling; with B's two "separatists" (-1 each) the mean is -0.67.
    assert!(t.contains("freedom fighters (reported 1)"), "{t}");
    assert!(t.contains("call themselves (author 1)"), "{t}");
}

#[test]
fn score_same_story_aligns_and_plain_score_does_not() {
    let dir = root().join("tests/fixtures/story");
    let (a, b) = (
        dir.join("state-media.txt"),
        dir.join("wire-names-group.txt"),
    );
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let json =
        |args: &[&str]| -> serde_json::Value { serde_json::from_str(&stdout_of(args)).unwrap() };
    let story = json(&["score", "--same-story", a, b, "--format", "json"]);
    let alone = json(&["score", a, b, "--format", "json"]);
    let first_actor = |v: &serde_json::Value| v["articles"][0]["hits"][0]["actors"][0].clone();
    assert_eq!(first_actor(&story), "hts");
    assert_eq!(first_actor(&alone), "unnamed-1");
    let party = &story["articles"][0]["parties"][0];
    assert_eq!(party["inferred_from"], "wire-names-group");
    assert_eq!(alone["articles"][0]["parties"][0]["origin"], "unnamed");
}

/// The members of a counted plural are distinct sides; a name made plural counts only the
/// parties it names; "our" in someone's words counts the speaker's side.
#[test]
fn counted_plurals_count_distinct_sides() {
    let yaml = "categories: [test/desc]
actors:
  - {id: kim, name: Kim Jong Un, type: organization, people: [{name: Kim Jong Un}], part_of: prk}
  - {id: prk, name: North Korea, type: state}
  - {id: kor, name: South Korea, type: state}
  - {id: usa, name: United States, type: state}
  - {id: fra, name: France, type: state}
labels:
  - {id: koreas, forms: [the two Koreas], category: test/desc, stance: 0, kind: label}
  - {id: sides, forms: [both sides], category: test/desc, stance: 0, kind: label}
  - {id: ours, forms: [our two countries], category: test/desc, stance: 0, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("sides.yaml", yaml)
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    // (text, term, actors)
    let rows: &[(&str, &str, &[&str])] = &[
        // Kim and North Korea are one side; the state stands for it, as "sides" names no people.
        (
            "Headline\nKim Jong Un spoke. Kim Jong Un said North Korea would talk. South Korea \
             agreed, and both sides met.",
            "both sides",
            &["prk", "kor"],
        ),
        // "The two Koreas" are the parties named Korea, however salient the United States is.
        (
            "Headline\nThe United States spoke. The United States warned North Korea. The United \
             States met South Korea. The two Koreas agreed.",
            "the two Koreas",
            &["prk", "kor"],
        ),
        // "Our two countries" in France's words: France is one of them, though less in focus.
        (
            "Headline\nThe United States met North Korea. The United States and North Korea \
             talked. France said: \"our two countries are friends.\"",
            "our two countries",
            &["usa", "fra"],
        ),
    ];
    for &(text, term, want) in rows {
        let a = an.analyze("t", text);
        let h = hit(&a, term, 0);
        let mut got: Vec<&str> = h.actor_ids();
        let mut want = want.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{text}\n{}", h.link_detail);
    }
}

/// A person listed as an actor of their own is on the side of the state they are part of: a
/// delegitimising term in the person's words describes neither, by proximity or by focus; in the
/// state's own words it does not describe the person.
#[test]
fn own_statement_covers_the_speakers_side() {
    let yaml = "categories: [test/neg]
actors:
  - {id: kim, name: Kim Jong Un, type: organization, people: [{name: Kim Jong Un}], part_of: prk}
  - {id: prk, name: North Korea, type: state}
  - {id: usa, name: United States, type: state}
labels:
  - {id: regime, forms: [hostile regime], category: test/neg, stance: -1, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("side.yaml", yaml)
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    // (text, the party the term describes)
    let rows: &[(&str, &str)] = &[
        // North Korea is nearest, but it is the speaker's side.
        (
            "Headline\nThe United States sent ships. Kim Jong Un said North Korea faced a \
             hostile regime.",
            "usa",
        ),
        // North Korea is the most salient party, and again the speaker's side.
        (
            "Headline\nNorth Korea tested a missile. North Korea held a parade. The United \
             States sent ships. Kim Jong Un said talks with a hostile regime were over.",
            "usa",
        ),
        // In the state's words, its leader is on its side too.
        (
            "Headline\nThe United States sent ships. North Korea said that Kim Jong Un faced a \
             hostile regime.",
            "usa",
        ),
    ];
    for &(text, want) in rows {
        let a = an.analyze("t", text);
        let h = hit(&a, "hostile regime", 0);
        assert_eq!(h.actor_ids(), [want], "{text}\n{}", h.link_detail);
    }
}

/// A lexicon with people listed as their own actors, as the NewsWCL oracle builds it, and
/// labels with no targets: what a description's head word and words say decide its party.
fn head_noun_analyzer() -> Analyzer {
    let yaml = "categories: [test/desc]
actors:
  - {id: trump, name: Donald Trump, type: organization, people: [{name: Donald Trump}], part_of: usa}
  - {id: mueller, name: Robert Mueller, type: organization, people: [{name: Robert Mueller}]}
  - {id: usa, name: United States, type: state, aliases: [U.S.]}
  - {id: caravan, name: Migrant caravan, type: population}
  - {id: mex, name: Mexico, type: state}
  - {id: psf, name: People Without Borders, type: organization}
labels:
  - {id: president, forms: [the president], category: test/desc, stance: 0, kind: label}
  - {id: a-president, forms: [a president], category: test/desc, stance: 0, kind: label}
  - {id: former, forms: [the former president], category: test/desc, stance: 0, kind: label}
  - {id: counsel, forms: [the special counsel], category: test/desc, stance: 0, kind: label}
  - {id: migrants, forms: [the migrants], category: test/desc, stance: 0, kind: label}
  - {id: admin, forms: [the administration], category: test/desc, stance: 0, kind: label}
  - {id: the-caravan, forms: [the caravan], category: test/desc, stance: 0, kind: label}
  - {id: t-admin, forms: [the Trump administration], category: test/desc, stance: 0, kind: label}
  - {id: two, forms: [the two countries], category: test/desc, stance: 0, kind: label}
  - {id: caravans, forms: [caravans], category: test/desc, stance: 0, kind: label}
  - {id: two-leaders, forms: [the two leaders], category: test/desc, stance: 0, kind: label}
  - {id: groups, forms: [the groups], category: test/desc, stance: 0, kind: label}
  - {id: adviser, forms: [adviser], category: test/desc, stance: 0, kind: label}
  - {id: rivals, forms: [rivals], category: test/desc, stance: 0, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("desc.yaml", yaml)
        .build()
        .unwrap();
    Analyzer::new(lex).unwrap()
}

/// (text, the term, its n-th hit, the actors, the link rule).
type DescRow = (
    &'static str,
    &'static str,
    usize,
    &'static [&'static str],
    &'static str,
);

#[test]
fn descriptions_agree_with_their_party_and_match_its_titles() {
    let rows: &[DescRow] = &[
        // A title the text writes before a name makes the description refer to that person,
        // whoever stands nearer.
        (
            "Special counsel Robert Mueller questioned aides. Trump met the special counsel on Monday.",
            "the special counsel",
            0,
            &["mueller"],
            "head_match",
        ),
        (
            "President Trump spoke. Robert Mueller was there too, and the president left.",
            "the president",
            0,
            &["trump"],
            "head_match",
        ),
        // A shortened name: "the caravan" of "Migrant caravan".
        (
            "The Migrant caravan reached the U.S. border. Trump said the caravan must stop.",
            "the caravan",
            0,
            &["caravan"],
            "head_match",
        ),
        // A bare plural is generic: no shortened name, whatever the words.
        (
            "The Migrant caravan reached the U.S. border. Caravans come every spring.",
            "Caravans",
            0,
            &["caravan"],
            "salience",
        ),
        // One word the names lack, or an indefinite article: no match. "The former president"
        // falls to the nearest party it can be; "a president" introduces someone new, so no
        // person already named is it.
        (
            "President Trump spoke. Robert Mueller said the former president lied.",
            "the former president",
            0,
            &["mueller"],
            "nearest_in_clause",
        ),
        (
            "President Trump spoke. The U.S. needs a president who listens.",
            "a president",
            0,
            &["usa"],
            "nearest_in_clause",
        ),
        // Number and class agreement: a plural is not one person, an administration is a state.
        (
            "Trump spoke at the border. Trump said the migrants would be stopped.",
            "the migrants",
            0,
            &[],
            "none",
        ),
        (
            "The United States closed the border. Trump said the administration acted.",
            "the administration",
            0,
            &["usa"],
            "salience",
        ),
        // As many parties as the phrase counts, the most salient first.
        (
            "Mexico protested. The United States replied, and the two countries agreed.",
            "the two countries",
            0,
            &["usa", "mex"],
            "salience",
        ),
        // "The two leaders" counts people: each of the two is one leader, so persons qualify
        // and states (no people listed) do not.
        (
            "Robert Mueller met Donald Trump in Mexico. The United States said the two leaders talked.",
            "the two leaders",
            0,
            &["mueller", "trump"],
            "salience",
        ),
        // Fewer parties than it counts: no single person is "the two leaders".
        (
            "Donald Trump spoke in Mexico. Later the two leaders met.",
            "the two leaders",
            0,
            &[],
            "none",
        ),
        // A description that is a shortened name of one party refers to it, and so keeps it in
        // focus: "the groups" goes to the caravan the last three sentences spoke of, not to the
        // organisation named more often but longer ago.
        (
            "The Migrant caravan left in March. People Without Borders organised it, and People \
             Without Borders spoke for it. Later the caravan reached Tijuana. Mexico let the \
             caravan camp. Then the caravan waited. Officials met the groups.",
            "the groups",
            0,
            &["caravan"],
            "salience",
        ),
        // Someone who serves a person is on that person's side, not that person.
        (
            "Mexico protested. Donald Trump's adviser replied.",
            "adviser",
            0,
            &["usa"],
            "same_phrase",
        ),
        // A relational noun's possessor is neither its referent nor on its side: "Trump's
        // rivals" are not the United States by the phrase (salience decides).
        (
            "Mexico protested. Donald Trump's rivals replied.",
            "rivals",
            0,
            &["mex"],
            "salience",
        ),
        // A person's government is the party the lexicon says the person is part of.
        (
            "Mexico protested, and the Trump administration acted.",
            "the Trump administration",
            0,
            &["usa"],
            "same_phrase",
        ),
    ];
    let an = head_noun_analyzer();
    let mut failures = Vec::new();
    for &(text, term, nth, actors, rule) in rows {
        let a = an.analyze("t", &format!("Headline\n{text}"));
        let Some(h) = a.hits.iter().filter(|h| h.text == term).nth(nth) else {
            failures.push(format!("{text:?}: no hit {term:?}"));
            continue;
        };
        if h.actor_ids() != actors || h.link.as_str() != rule {
            failures.push(format!(
                "{text:?}: {term:?} got {:?} by {} ({}), want {actors:?} by {rule}",
                h.actors,
                h.link.as_str(),
                h.link_detail
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explain_records_why_a_description_refused_a_party() {
    let an = head_noun_analyzer();
    let a = an.analyze(
        "t",
        "Headline\nTrump spoke. The United States closed the border. Trump said the administration acted.",
    );
    let h = a
        .hits
        .iter()
        .find(|h| h.text == "the administration")
        .unwrap();
    assert_eq!(h.link.as_str(), "salience");
    let trump = h
        .link_candidates
        .iter()
        .find(|c| c.actor == "trump")
        .expect("trump weighed");
    assert_eq!(trump.excluded, Some("the head word names no person"));
}

/// An article over the cap of matches is not analysed, and names nothing for the story: the
/// other article reads "the caravan" as it does alone.
#[test]
fn an_article_over_the_cap_of_matches_names_nothing_for_the_story() {
    let an = head_noun_analyzer().with_max_hits(5);
    let a = format!(
        "Headline\nThe Migrant caravan reached Tijuana on Sunday. {}",
        "The caravan moved on. ".repeat(6)
    );
    let b = "Headline\nThe United States closed the border. Trump said the caravan must stop.";
    let json = |x: &framelens::analysis::Article| serde_json::to_string(x).unwrap();
    let alone = json(&an.analyze_story(&[("b", b)])[0]);
    let story = an.analyze_story(&[("a", &a), ("b", b)]);
    assert!(story[0].profile.hit_cap.is_some(), "{:?}", story[0].profile);
    assert_eq!(json(&story[1]), alone);
    // Under the cap, A's name for the caravan decides how B reads it.
    let read = head_noun_analyzer().analyze_story(&[("a", &a), ("b", b)]);
    assert!(read[0].profile.hit_cap.is_none());
    assert_ne!(json(&read[1]), alone);
}

#[test]
fn a_shortened_name_reads_through_the_story() {
    let an = head_noun_analyzer();
    let a = "Headline\nThe Migrant caravan reached Tijuana on Sunday.";
    let b = "Headline\nThe United States closed the border. Trump said the caravan must stop.";
    // Alone, B never writes the caravan's name: "the caravan" falls to the party in focus.
    let alone = an.analyze("b", b);
    let h = alone.hits.iter().find(|h| h.text == "the caravan").unwrap();
    assert_ne!(h.link.as_str(), "head_match", "{h:?}");
    assert!(!h.describes("caravan"), "{h:?}");
    // As one story with A, the name A gives it decides.
    let story = an.analyze_story(&[("a", a), ("b", b)]);
    let h = story[1]
        .hits
        .iter()
        .find(|h| h.text == "the caravan")
        .unwrap();
    assert_eq!(
        (h.actor_ids(), h.link.as_str()),
        (vec!["caravan"], "head_match"),
        "{}",
        h.link_detail
    );
}

#[test]
fn part_of_must_name_a_known_actor() {
    let yaml =
        "actors:\n  - {id: trump, name: Donald Trump, type: organization, part_of: nobody}\n";
    let err = LexiconBuilder::new()
        .text("p.yaml", yaml)
        .build()
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "error: actor `trump` is part of unknown actor `nobody`\n  --> p.yaml"
    );
}

/// The hit rows of `corpus --hits` for `input` with `extra` flags: (doc_id, text, actor, link).
fn corpus_hit_rows(input: &Path, extra: &[&str]) -> Vec<(String, String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hits.csv");
    let mut args: Vec<&str> = vec!["corpus", input.to_str().unwrap(), "--quiet"];
    args.extend(extra);
    args.extend(["--hits", out.to_str().unwrap()]);
    let run = framelens().args(&args).output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut rd = csv::Reader::from_path(&out).unwrap();
    let h = rd.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, text, actor, link) = (col("doc_id"), col("text"), col("actor"), col("link"));
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[id].to_owned(),
                r[text].to_owned(),
                r[actor].to_owned(),
                r[link].to_owned(),
            )
        })
        .collect()
}

#[test]
fn corpus_reads_consecutive_records_of_a_story_together() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |f: &str| std::fs::read_to_string(format!("tests/fixtures/story/{f}")).unwrap();
    let record = |id: &str, story: &str, text: &str| {
        serde_json::json!({"id": id, "source": id, "story": story, "text": text}).to_string()
    };
    let body = [
        record("a", "s1", &fixture("state-media.txt")),
        record("b", "s1", &fixture("wire-names-group.txt")),
        // Another story: its records are never read with s1's.
        record("c", "s2", &fixture("state-media.txt")),
    ]
    .join("\n");
    let input = write_temp(&dir, "c.jsonl", body.as_bytes());
    let terrorists = |rows: &[(String, String, String, String)], doc: &str| {
        rows.iter()
            .filter(|r| r.0 == doc && r.1.eq_ignore_ascii_case("terrorists"))
            .map(|r| (r.2.clone(), r.3.clone()))
            .collect::<Vec<_>>()
    };
    // Alone, the state-media article never names the group: an unnamed party.
    let alone = corpus_hit_rows(&input, &[]);
    let a = terrorists(&alone, "a");
    assert!(
        !a.is_empty() && a.iter().all(|(actor, _)| actor == "unnamed-1"),
        "{a:?}"
    );
    // With --story-field, the wire story of the same story names it.
    let grouped = corpus_hit_rows(&input, &["--story-field", "story"]);
    let a = terrorists(&grouped, "a");
    assert!(
        !a.is_empty()
            && a.iter()
                .all(|(actor, link)| actor == "hts" && link == "story"),
        "{a:?}"
    );
    let c = terrorists(&grouped, "c");
    assert!(
        !c.is_empty() && c.iter().all(|(actor, _)| actor == "unnamed-1"),
        "{c:?}"
    );
}

#[test]
fn corpus_summary_counts_unnamed_and_unlisted_parties_as_actors() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |f: &str| std::fs::read_to_string(root().join("tests/fixtures").join(f)).unwrap();
    let records = [
        serde_json::json!({"id": "s1", "source": "sana", "text": fixture("story/state-media.txt")}),
        serde_json::json!({"id": "k1", "source": "wire", "text": fixture("unlisted/karst.txt")}),
    ];
    let input = write_temp(&dir, "c.jsonl", jsonl(&records).as_bytes());
    let summary = dir.path().join("s.json");
    framelens()
        .args(["corpus", "--quiet", input.to_str().unwrap(), "--summary"])
        .arg(&summary)
        .assert()
        .success();
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let actors = |source: &str| s["sources"][source]["undated"]["actors"].clone();
    // State media never name the attackers: their terms count for an unnamed party, not "none".
    let sana = actors("sana");
    // The headline in the outlet's voice, two sentences in the army's.
    let terrorist = &sana["(unnamed)"]["terms"]["terrorist"];
    assert_eq!(
        terrorist,
        &serde_json::json!({"author": 1, "reported": 2}),
        "{sana}"
    );
    assert!(sana.get("(none)").is_none(), "{sana}");
    // The KLF is in no lexicon: its own row, named and marked.
    let wire = actors("wire");
    let klf = &wire["karst-liberation-front"];
    assert!(klf["mentions"].as_u64().unwrap() >= 3, "{wire}");
    assert!(
        klf["terms"].as_object().is_some_and(|t| !t.is_empty()),
        "{wire}"
    );
    assert_eq!(
        s["actor_names"]["karst-liberation-front"],
        "Karst Liberation Front (not in the lexicon)"
    );
    assert_eq!(s["unlisted"], serde_json::json!(["karst-liberation-front"]));
}
