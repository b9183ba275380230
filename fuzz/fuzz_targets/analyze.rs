//! Article analysis: arbitrary UTF-8 text with the bundled lexicons. Besides not panicking, every
//! hit, mention and sentence must slice the text exactly on character boundaries, and the text
//! report must render.
#![no_main]

use framelens::report::{self, Format, Options};
use libfuzzer_sys::fuzz_target;

mod common;
use common::analyzer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let an = analyzer();
    let art = an.analyze("fuzz", text);
    for h in &art.hits {
        assert_eq!(text.get(h.start..h.end), Some(h.text.as_str()), "hit {h:?}");
        assert_eq!(
            text.get(h.sentence_start..h.sentence_start + h.sentence_text.len()),
            Some(&*h.sentence_text)
        );
    }
    for m in &art.mentions {
        assert_eq!(
            text.get(m.start..m.end),
            Some(m.text.as_str()),
            "mention {m:?}"
        );
    }
    for s in &art.speech {
        assert!(text.get(s.start..s.end).is_some(), "speech verb {s:?}");
    }
    let o = Options {
        format: Format::Text,
        explain: true,
        color: false,
        width: 80,
        date: None,
        long: false,
    };
    let _ = report::score(&an.lexicon, std::slice::from_ref(&art), o);
});
