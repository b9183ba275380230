//! Integration tests: the samples.

use super::*;

#[test]
fn sample_a_uses_the_terror_family_in_its_own_voice() {
    let a = sample_article(A);
    for term in [
        "terror organization",
        "terrorist factions",
        "terror offensive",
    ] {
        let h = hit(&a, term, 0);
        assert_eq!(h.voice, Voice::Author, "{term}: {h:?}");
        assert!(h.describes("hts"), "{term}: {h:?}");
    }
    let claimed = hit(&a, "claimed", 0);
    assert_eq!(claimed.voice, Voice::Author);
    assert_eq!(claimed.actor_ids(), ["turkey"], "{claimed:?}");
    let occ = hit(&a, "occupation forces", 0);
    assert_eq!(occ.actor_ids(), ["turkey", "united-states"], "{occ:?}");
}

#[test]
fn sample_b_keeps_terrorist_in_others_voices() {
    let b = sample_article(B);
    for term in ["rebels", "militants", "militant Islamist group"] {
        let h = hit(&b, term, 0);
        assert!(h.describes("hts"), "{term}: {h:?}");
    }
    assert_eq!(hit(&b, "militants", 0).voice, Voice::Author);
    assert_eq!(hit(&b, "militant Islamist group", 0).voice, Voice::Author);
    let terror: Vec<&Hit> = b
        .hits
        .iter()
        .filter(|h| h.text.to_lowercase().contains("terror"))
        .collect();
    assert!(terror.len() >= 4, "{terror:?}");
    for h in terror {
        assert_ne!(
            h.voice,
            Voice::Author,
            "'{}' in {:?} should be quoted or attributed",
            h.text,
            h.sentence_text
        );
    }
}

#[test]
fn compare_mirrors() {
    assert_mirrors(&sample_article(A), &sample_article(B));
}

/// The `--long` summary: every term and speaker of each finding, in plain words.
#[test]
fn compare_summary_says_it_in_plain_words() {
    let out = framelens()
        .args([
            "compare",
            sample(A).to_str().unwrap(),
            sample(B).to_str().unwrap(),
            "--name-a",
            "A",
            "--name-b",
            "B",
            "--long",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let summary = out.split("\nActors").next().unwrap();
    // Findings are wrapped at 80 columns: compare them with white space collapsed.
    let mut findings: Vec<String> = Vec::new();
    for line in summary.lines().skip_while(|l| *l != "Summary").skip(1) {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if indent == 2
            && t.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            findings.push(t.split_once(". ").unwrap().1.to_owned());
        } else if indent == 2
            && let Some(f) = findings.last_mut()
        {
            f.push(' ');
            f.push_str(t);
        }
    }
    let hts = findings
        .iter()
        .find(|f| f.contains("Hayat Tahrir al-Sham"))
        .expect("a finding on HTS");
    for w in [
        "'terror organization'",
        "'terrorist factions'",
        "'terror offensive'",
        "A uses",
        "B uses",
        "'rebels'",
        "'militants'",
        "'militant Islamist group'",
        "only inside others' words",
        "'terrorist organizations' (quote by",
        "'terrorist aggression' and 'radical groups' (quote by Putin)",
        "(reported by U.S.)",
    ] {
        assert!(hts.contains(w), "missing {w:?} in {hts}");
    }
    assert!(
        findings
            .iter()
            .any(|f| f.contains("'occupation forces' to Turkey and United States at once")),
        "{summary}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.starts_with("A frames what Fidan (Turkey)") && f.contains("'claimed'")),
        "{summary}"
    );
}

/// The bundled articles: the samples and the four gold sets, in path order.
fn bundled_articles() -> Vec<PathBuf> {
    let sets = [
        "samples",
        "tests/fixtures/wire",
        "tests/fixtures/newset",
        "tests/fixtures/newset2",
        "tests/fixtures/newset3",
    ];
    let mut paths: Vec<PathBuf> = sets
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() > 50, "{}", paths.len());
    paths
}

/// The automaton built for a quick start finds what the one built for throughput finds: the
/// analysis of every article of the repository is the same, byte for byte.
#[test]
fn both_builds_of_the_automaton_give_the_same_analysis() {
    let fast_scan = analyzer();
    let fast_start = Analyzer::for_few_texts(Lexicon::bundled().unwrap()).unwrap();
    for p in &bundled_articles() {
        let text = std::fs::read_to_string(p).unwrap();
        let a = serde_json::to_string(&fast_scan.analyze("a", &text)).unwrap();
        let b = serde_json::to_string(&fast_start.analyze("a", &text)).unwrap();
        assert!(a == b, "{}", p.display());
    }
}

/// What a corpus run asks for (`Extent::Hits`) leaves out the speech frames and the
/// attribution relations, and nothing else: the hits, mentions, parties and profile are those of
/// the full analysis, byte for byte.
#[test]
fn an_analysis_of_hits_alone_gives_the_same_hits() {
    use framelens::analysis::{Extent, LanguageCheck, RelationKind};
    let an = analyzer();
    let (mut frames, mut relations, mut stances) = (0, 0, 0);
    for p in &bundled_articles() {
        let text = std::fs::read_to_string(p).unwrap();
        let analyse = |extent| an.analyze_checked("a", &text, None, LanguageCheck::Always, extent);
        let mut full = analyse(Extent::Full);
        let lean = analyse(Extent::Hits);
        assert!(lean.speech.is_empty() && lean.attributions.is_empty());
        frames += full.speech.len();
        relations += full.attributions.len();
        stances += full
            .attributions
            .iter()
            .filter(|r| matches!(r.kind, RelationKind::Stance | RelationKind::Topic))
            .count();
        full.speech.clear();
        full.attributions.clear();
        let a = serde_json::to_string(&full).unwrap();
        let b = serde_json::to_string(&lean).unwrap();
        assert!(a == b, "{}", p.display());
    }
    // The full analysis had something to leave out.
    assert!(
        frames > 500 && relations > 500 && stances > 5,
        "{frames} {relations} {stances}"
    );
}

/// The strings many hits repeat are held once per article: the hits of one sentence share its
/// text, the hits of one entry share its id and category, and the hits of one actor share its
/// id. Each shared string is still the hit's own value (the sentence is the article's text at
/// the hit's sentence offset).
#[test]
fn hits_share_the_strings_they_repeat() {
    use std::sync::Arc;
    let an = analyzer();
    let (mut sentences, mut entries, mut actors) = (0, 0, 0);
    for p in &bundled_articles() {
        let text = std::fs::read_to_string(p).unwrap();
        let a = an.analyze("a", &text);
        for (i, h) in a.hits.iter().enumerate() {
            let at = h.sentence_start;
            assert_eq!(
                text.get(at..at + h.sentence_text.len()),
                Some(&*h.sentence_text)
            );
            for g in &a.hits[..i] {
                if g.sentence == h.sentence {
                    assert!(Arc::ptr_eq(&g.sentence_text, &h.sentence_text));
                    sentences += 1;
                }
                if g.term == h.term {
                    assert!(Arc::ptr_eq(&g.term, &h.term), "{}", h.term);
                    assert!(Arc::ptr_eq(&g.category, &h.category), "{}", h.term);
                    entries += 1;
                }
                for (x, y) in g
                    .actors
                    .iter()
                    .flat_map(|x| h.actors.iter().map(move |y| (x, y)))
                {
                    assert_eq!(x == y, Arc::ptr_eq(x, y), "{x} {y}");
                    actors += usize::from(x == y);
                }
            }
        }
    }
    // Every kind of sharing was seen many times.
    assert!(
        sentences > 100 && entries > 100 && actors > 100,
        "{sentences} {entries} {actors}"
    );
}

/// An article with more label matches than the analyser's cap is not analysed, and its profile
/// says how many it had; at the cap, it is analysed as usual.
#[test]
fn an_article_over_the_cap_of_matches_is_not_analysed() {
    use framelens::analysis::HitCap;
    let text = "The rebels said the terrorists attacked the regime. ".repeat(2);
    let at = |cap: usize| {
        Analyzer::for_few_texts(Lexicon::bundled().unwrap())
            .unwrap()
            .with_max_hits(cap)
            .analyze("a", &text)
    };
    let over = at(5);
    assert_eq!(over.profile.hit_cap, Some(HitCap { found: 6, limit: 5 }));
    assert!(over.hits.is_empty() && over.mentions.is_empty() && over.parties.is_empty());
    assert_eq!((over.profile.words, over.text.as_str()), (0, text.as_str()));
    let under = at(6);
    assert_eq!(under.profile.hit_cap, None);
    assert_eq!(under.hits.len(), 6);
    assert_eq!(
        serde_json::to_string(&under).unwrap(),
        serde_json::to_string(&analyzer().analyze("a", &text)).unwrap()
    );
}
