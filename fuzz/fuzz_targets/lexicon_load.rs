//! Lexicon loading: arbitrary bytes as a YAML lexicon file. Loading may fail with diagnostics;
//! it must not panic, and an error's rendering must not either. A lexicon that loads is also
//! compiled for matching and run on a sentence.
//!
//! The file is loaded alone: loading the bundled lexicons too made each execution take about a
//! second under AddressSanitizer (1,075 executions in 600 s), too slow to explore anything.
#![no_main]

use framelens::{Analyzer, LexiconBuilder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match LexiconBuilder::new().text("fuzz.yaml", text).build() {
        Ok(lex) => {
            if let Ok(an) = Analyzer::new(lex) {
                let _ = an.analyze("probe", "HTS fighters, the regime said, were 'terrorists'.");
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
