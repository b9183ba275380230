//! The integration tests of framelens: one binary, with the fixture helpers here and one module
//! per concern.

mod attribution;
mod browser;
mod cli;
#[path = "../common/mod.rs"]
mod common;
mod corpus;
mod gold;
mod hostile;
mod inputs;
mod layers;
mod lexicons;
mod reports;
mod samples;
mod spans;
mod story;
mod voice;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{analyze, analyzer, root};
use framelens::Voice;
use framelens::analysis::{Analyzer, Article, Hit};
use framelens::lexicon::{Lexicon, LexiconBuilder};
use predicates::prelude::PredicateBooleanExt;

// ---------------------------------------------------------------- fixtures

fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

const A: &str = "syria-2024-12_blinken-fidan-call.txt";
const B: &str = "syria-2024-12_putin-erdogan-call.txt";

fn sample_article(name: &str) -> Article {
    let text = std::fs::read_to_string(sample(name)).expect("sample present");
    analyzer().analyze(name, &text)
}

/// The hit whose text is `term` (case-insensitive), the `nth` one.
fn hit<'a>(a: &'a Article, term: &str, nth: usize) -> &'a Hit {
    a.hits
        .iter()
        .filter(|h| h.text.eq_ignore_ascii_case(term))
        .nth(nth)
        .unwrap_or_else(|| {
            panic!(
                "no hit {term:?} #{nth}; hits: {:?}",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            )
        })
}

fn framelens() -> Command {
    let mut c = Command::cargo_bin("framelens").expect("binary built");
    // The URL tests talk to a server on 127.0.0.1: never through a proxy.
    for v in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        c.env_remove(v);
    }
    c
}

/// Runs framelens, expects success, returns standard output as a string.
fn stdout_of(args: &[&str]) -> String {
    let out = framelens()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 stdout")
}

/// Runs framelens with `args`, expects exit `code`, returns standard error.
fn stderr_of(args: &[&str], code: i32) -> String {
    let out = framelens()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).expect("UTF-8 stderr")
}

/// A JSON hit's `start`..`end` slices exactly its `text` out of the article.
fn assert_slices(h: &serde_json::Value, article: &str) {
    let (s, e) = (
        h["start"].as_u64().unwrap() as usize,
        h["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&article[s..e], h["text"].as_str().unwrap());
}

fn write_temp(dir: &tempfile::TempDir, name: &str, body: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, body).expect("write fixture");
    p
}

// Helpers shared by several modules.

const GIB: u64 = 1 << 30;

/// The antecedent of the first mention of `pronoun` (any case) in `text`; panics when the
/// analysis made no mention of it.
fn pronoun_antecedent(text: &str, pronoun: &str) -> Option<String> {
    let a = analyze(text);
    let m = a
        .mentions
        .iter()
        .find(|m| m.text.eq_ignore_ascii_case(pronoun))
        .unwrap_or_else(|| panic!("no mention {pronoun:?} in {text:?}"));
    m.antecedent.clone()
}

fn jsonl(records: &[serde_json::Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// Standard error of a run under [`capped`], which must end with `code`.
fn capped_stderr(bytes: u64, args: &[&str], code: i32) -> String {
    let out = capped(bytes)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

/// framelens under an address-space limit of `bytes` (util-linux `prlimit`): a case that needs
/// more memory fails the test instead of passing on a large machine.
fn capped(bytes: u64) -> Command {
    let prlimit = Path::new("/usr/bin/prlimit");
    assert!(
        prlimit.exists(),
        "the memory-bounded tests need util-linux's prlimit"
    );
    let mut c = Command::new(prlimit);
    c.arg(format!("--as={bytes}"))
        .arg("--")
        .arg(assert_cmd::cargo::cargo_bin("framelens"));
    c
}

/// compare(A, B) is compare(B, A) with the sides swapped: the same actors in the same order,
/// each side's uses and stance differences exchanged, and the same evidence.
fn assert_mirrors(a: &Article, b: &Article) {
    let lex = &analyzer().lexicon;
    let ab = framelens::diff::compare(lex, a, b);
    let ba = framelens::diff::compare(lex, b, a);
    assert_eq!(ab.actors.len(), ba.actors.len());
    for (x, y) in ab.actors.iter().zip(&ba.actors) {
        assert_eq!(x.actor, y.actor);
        assert_eq!(
            serde_json::to_string(&x.a).unwrap(),
            serde_json::to_string(&y.b).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&x.b).unwrap(),
            serde_json::to_string(&y.a).unwrap()
        );
        assert_eq!(
            x.author_stance_difference,
            y.author_stance_difference.map(|d| -d)
        );
    }
    assert_eq!(ab.only_in_a, ba.only_in_b);
    assert_eq!(ab.only_in_b, ba.only_in_a);
    let ev = |c: &framelens::diff::Comparison| -> Vec<(Vec<usize>, Vec<usize>)> {
        c.summary
            .iter()
            .map(|f| {
                (
                    f.evidence_a.iter().map(|e| e.start).collect(),
                    f.evidence_b.iter().map(|e| e.start).collect(),
                )
            })
            .collect()
    };
    let mut swapped: Vec<_> = ev(&ba).into_iter().map(|(x, y)| (y, x)).collect();
    // Two findings that are each other's mirror image ("A frames ... with 'accused'", "B frames
    // ... with 'accused'" on the same sentence) tie on every key that does not name a side, so
    // no order of the two can mirror itself: such a pair may come in either order.
    let ab_ev = ev(&ab);
    for i in 1..swapped.len().min(ab_ev.len()) {
        let (p, q) = (&ab_ev[i - 1], &ab_ev[i]);
        let mirror_pair = p.0 == q.1 && p.1 == q.0;
        if mirror_pair && swapped[i - 1] == *q && swapped[i] == *p {
            swapped.swap(i - 1, i);
        }
    }
    assert_eq!(ab_ev, swapped);
}
