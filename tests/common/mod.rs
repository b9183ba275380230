//! Fixture helpers shared by the integration tests.

use std::path::PathBuf;
use std::sync::OnceLock;

use framelens::analysis::{Analyzer, Article};
use framelens::lexicon::Lexicon;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The analyzer of the bundled lexicons, compiled once per test binary.
pub fn analyzer() -> &'static Analyzer {
    static AN: OnceLock<Analyzer> = OnceLock::new();
    AN.get_or_init(|| {
        Analyzer::new(Lexicon::bundled().expect("bundled lexicons load")).expect("compile")
    })
}

pub fn analyze(text: &str) -> Article {
    analyzer().analyze("test", text)
}
