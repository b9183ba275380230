//! Lexicon loading: arbitrary bytes as a YAML lexicon file, alone and on top of the bundled
//! lexicons. Loading may fail with diagnostics; it must not panic, and an error's rendering must
//! not either. A lexicon that loads is also compiled for matching.
#![no_main]

use framelens::{Analyzer, LexiconBuilder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for bundled in [false, true] {
        let mut b = LexiconBuilder::new();
        if bundled {
            b = b.bundled();
        }
        match b.text("fuzz.yaml", text).build() {
            Ok(lex) => {
                if let Ok(an) = Analyzer::new(lex) {
                    let _ = an.analyze("probe", "HTS fighters, the regime said, were 'terrorists'.");
                }
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
