//! The compare path: the input is split at its first NUL byte into two articles, which are
//! analysed, compared both ways and rendered in every format. compare(A, B) must mirror
//! compare(B, A): the same actors, with the sides swapped.
#![no_main]

use framelens::diff;
use framelens::report::{self, Format, Options};
use libfuzzer_sys::fuzz_target;

mod common;
use common::analyzer;

mod erased {
    /// Serialises a side of a comparison so that two sides can be compared exactly.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a_text, b_text) = text.split_once('\0').unwrap_or((text, ""));
    let an = analyzer();
    let a = an.analyze("a", a_text);
    let b = an.analyze("b", b_text);
    let ab = diff::compare(&an.lexicon, &a, &b);
    let ba = diff::compare(&an.lexicon, &b, &a);
    assert_eq!(ab.actors.len(), ba.actors.len());
    for (x, y) in ab.actors.iter().zip(&ba.actors) {
        assert_eq!(x.actor, y.actor);
        let json = |v: &dyn erased::Json| v.json();
        assert_eq!(json(&x.a), json(&y.b));
        assert_eq!(json(&x.b), json(&y.a));
    }
    assert_eq!(ab.only_in_a, ba.only_in_b);
    assert_eq!(ab.only_in_b, ba.only_in_a);
    for format in [Format::Text, Format::Markdown, Format::Json, Format::Html] {
        let o = Options {
            format,
            explain: true,
            color: false,
            width: 80,
            date: "2026-11-21".parse().ok(),
            long: false,
        };
        let _ = report::compare(&an.lexicon, &ab, &a, &b, o);
    }
});
