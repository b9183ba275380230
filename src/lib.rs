//! framelens: how news outlets frame the same story.
//!
//! A lexicon-driven scorer tags loaded terms in each article ([`lexicon`], [`matcher`]), works out
//! which actor each term describes ([`analysis::actors`], [`analysis::attribution`]) and whether
//! the outlet says it in its own voice or reports someone else's words ([`analysis::voice`]);
//! [`diff`] then reports how two sources describe the same actors differently, and [`report`]
//! renders the results. [`eval`] measures the tool against hand annotations. The modules form
//! layers in that order, from [`text`] up; `docs/architecture.md` maps them.

#![warn(missing_docs)]

pub mod analysis;
pub mod authoring;
pub mod budget;
pub mod corpus;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod input;
pub(crate) mod language;
pub mod lexicon;
pub mod matcher;
pub mod output;
pub mod report;
pub(crate) mod story;
pub mod text;

pub use analysis::{Analyzer, Article, Hit};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError};

/// Version of the JSON output format. Bumped on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;
