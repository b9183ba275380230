//! What the analysis targets share: one analyzer over the bundled lexicons, built once.

use std::sync::OnceLock;

use framelens::{Analyzer, Lexicon};

pub fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Lexicon::bundled().unwrap()).unwrap())
}
