//! framelens: how news outlets frame the same story.
//!
//! A lexicon-driven scorer tags loaded terms in each article ([`lexicon`], [`matcher`]), works out
//! which actor each term describes ([`actors`], [`attribution`]) and whether the outlet says it in
//! its own voice or reports someone else's words ([`voice`]); [`diff`] then reports how two sources
//! describe the same actors differently, and [`report`] renders the results. [`eval`] measures the
//! tool against hand annotations.

pub mod actors;
pub mod alignment;
pub mod analysis;
pub mod app;
pub mod attribution;
pub mod budget;
pub mod corpus;
pub mod diagnostic;
pub mod diff;
pub mod discourse;
pub mod eval;
pub mod heads;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod matcher;
pub mod opponents;
pub mod output;
pub mod report;
pub mod speech;
pub mod story;
pub mod text;
pub mod titles;
pub mod unlisted;
pub mod voice;

pub use analysis::{Analyzer, Article, Hit};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError};

/// Version of the JSON output format. Bumped on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;
