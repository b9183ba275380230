//! Integration tests: gold.

use super::*;

#[test]
fn gold_targets_are_met() {
    let gold = root().join("../shared/data/gold");
    if !gold.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            gold.display()
        );
        eprintln!("skipped: {} is absent", gold.display());
        return;
    }
    let r = framelens::eval::eval_gold(analyzer(), &gold, Some(&root().join("samples")))
        .expect("eval runs");
    let text = framelens::eval::render_text(std::slice::from_ref(&r));
    assert!(r.misaligned.is_empty(), "{text}");
    let pairs = r.phrase_pairs.as_ref().expect("pair figures");
    assert!(pairs.recall >= 0.90, "{text}");
    assert!(pairs.precision >= 0.85, "{text}");
    assert!(pairs.f1 >= 0.90, "{text}");
    assert!(r.tool.actor.accuracy >= 0.90, "{text}");
    assert!(r.tool.voice.accuracy >= 0.95, "{text}");
}

#[test]
fn gold_parties_outside_the_lexicon_are_scored_by_their_words() {
    // Bandits, never named, are an unnamed party known by its terms; the Karst Liberation Front
    // is unlisted. A gold actor the lexicon does not know is right when the tool's party outside
    // the lexicon goes by the same words, and wrong otherwise.
    let dir = tempfile::tempdir().unwrap();
    write_temp(
        &dir,
        "a.txt",
        b"Bandits raid villages\n\nBandits raided two villages on Monday.\n",
    );
    write_temp(
        &dir,
        "b.txt",
        b"Rebels hold hills\n\nThe Karst Liberation Front (KLF) said its rebels held the hills.\n",
    );
    let score = |bandits: &str, klf: &str| {
        let item = |article: &str, term: &str, actor: &str, sentence: &str| {
            format!(
                "article: {article}\nmentions:\n  - term: \"{term}\"\n    actor: \"{actor}\"\n    \
                 voice: author\n    speaker: null\n    sentence: \"{sentence}\"\n"
            )
        };
        let a = item("a.txt", "Bandits", bandits, "Bandits raid villages");
        let b = item(
            "b.txt",
            "rebels",
            klf,
            "The Karst Liberation Front (KLF) said its rebels held the hills.",
        );
        write_temp(&dir, "a.yaml", a.as_bytes());
        write_temp(&dir, "b.yaml", b.as_bytes());
        let r = framelens::eval::eval_gold(analyzer(), dir.path(), Some(dir.path()))
            .expect("eval runs");
        let text = framelens::eval::render_text(std::slice::from_ref(&r));
        assert_eq!(r.found, 2, "{text}");
        (r.tool.actor.correct, text)
    };
    let (right, text) = score("bandits", "Karst Liberation Front");
    assert_eq!(right, 2, "{text}");
    let (right, text) = score("gunmen", "Karst Front");
    assert_eq!(right, 0, "{text}");
}

#[test]
fn wire_set_does_not_regress() {
    // Twelve articles about other conflicts, written and annotated for framelens
    // (tests/fixtures/wire): floors a little under the figures in the README.
    let dir = root().join("tests/fixtures/wire");
    let r = framelens::eval::eval_gold(analyzer(), &dir, Some(&dir)).expect("eval runs");
    let text = framelens::eval::render_text(std::slice::from_ref(&r));
    assert!(r.misaligned.is_empty(), "{text}");
    assert_eq!(r.articles, 12);
    assert!(r.phrase_pairs.as_ref().unwrap().f1 >= 0.95, "{text}");
    assert!(r.tool.voice.accuracy >= 0.90, "{text}");
    assert!(r.tool.author_vs_other.accuracy >= 0.92, "{text}");
    assert!(r.tool.actor.accuracy >= 0.81, "{text}");
    // The rules must beat the window baseline.
    assert!(r.tool.actor.accuracy > r.baseline.actor.accuracy, "{text}");
    assert!(r.tool.voice.accuracy > r.baseline.voice.accuracy, "{text}");
}

#[test]
fn the_sets_written_in_each_sides_register_do_not_regress() {
    // tests/fixtures/newset (no longer blind: some of its misses named families added since) and
    // tests/fixtures/newset2 (written blind on 2026-12-04), and tests/fixtures/newset3 (written
    // blind on 2026-12-05): floors a little under the figures in the README, and above the
    // window baseline.
    for (set, articles, recall, precision, voice, actor) in [
        ("newset", 14, 0.78, 0.92, 0.84, 0.68),
        ("newset2", 12, 0.80, 0.89, 0.90, 0.74),
        ("newset3", 12, 0.78, 0.90, 0.88, 0.76),
    ] {
        let dir = root().join("tests/fixtures").join(set);
        let r = framelens::eval::eval_gold(analyzer(), &dir, Some(&dir)).expect("eval runs");
        let text = framelens::eval::render_text(std::slice::from_ref(&r));
        assert!(r.misaligned.is_empty(), "{set}: {text}");
        assert_eq!(r.articles, articles, "{set}");
        let pairs = r.phrase_pairs.as_ref().unwrap();
        assert!(pairs.recall >= recall, "{set}: {text}");
        assert!(pairs.precision >= precision, "{set}: {text}");
        assert!(r.tool.voice.accuracy >= voice, "{set}: {text}");
        assert!(r.tool.actor.accuracy >= actor, "{set}: {text}");
        assert!(
            r.tool.actor.accuracy > r.baseline.actor.accuracy + 0.15,
            "{set}: {text}"
        );
        assert!(
            r.tool.voice.accuracy > r.baseline.voice.accuracy + 0.15,
            "{set}: {text}"
        );
    }
}

#[test]
fn basil_targets_are_met() {
    let dir = root().join("../shared/data/basil-dev");
    if !dir.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            dir.display()
        );
        eprintln!(
            "skipped: {} is absent (BASIL is not shipped with framelens)",
            dir.display()
        );
        return;
    }
    let reports = framelens::eval::eval_basil(analyzer(), &dir).expect("eval runs");
    let text = framelens::eval::render_text(&reports);
    assert_eq!(reports.len(), 2, "{text}");
    let (own, oracle) = (&reports[0], &reports[1]);
    assert_eq!(own.articles, 150, "{text}");
    assert!(
        own.misaligned.is_empty() && oracle.misaligned.is_empty(),
        "{text}"
    );
    assert!(oracle.mode.starts_with("oracle"), "{text}");
    // Targets of the accuracy issue: quoted-vs-not at least 0.93, target accuracy at least 15
    // points above the window baseline, in oracle mode.
    assert!(oracle.tool.quote_vs_other.accuracy >= 0.93, "{text}");
    assert!(
        oracle.tool.actor.accuracy >= oracle.baseline.actor.accuracy + 0.15,
        "{text}"
    );
    // The default lexicon's figures are reported, with the misses listed.
    assert_eq!(own.misses_by_term.len(), 20, "{text}");
}

#[test]
fn untyped_labels_take_the_most_salient_party() {
    let lex = LexiconBuilder::new()
        .bundled()
        .text(
            "mine.yaml",
            "categories: [test/untyped]\nlabels:\n  - {id: scandal, forms: [scandal], category: test/untyped, stance: -1, kind: label}\n",
        )
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    let clear = an.analyze(
        "t",
        "Headline\nErdogan spoke. Erdogan left. Erdogan returned.\nThe scandal grew.",
    );
    let h = clear.hits.iter().find(|h| h.text == "scandal").unwrap();
    assert_eq!(
        (h.actor_ids(), h.link.as_str()),
        (vec!["turkey"], "salience")
    );
    let shared = an.analyze(
        "t",
        "Headline\nErdogan spoke. Putin left. Erdogan returned. Putin too.\nThe scandal grew.",
    );
    // A label with no targets is a referring expression: it takes the most salient party, here
    // the one named last, and the record shows the rival it was weighed against.
    let h = shared.hits.iter().find(|h| h.text == "scandal").unwrap();
    assert_eq!(
        (h.actor_ids(), h.link.as_str()),
        (vec!["russia"], "salience")
    );
    let weighed: Vec<&str> = h.link_candidates.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(weighed, ["russia", "turkey"], "{h:?}");
}
