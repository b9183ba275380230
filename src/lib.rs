//! framelens: how news outlets frame the same story.
//!
//! A lexicon-driven scorer tags loaded terms in each article, works out which actor each term
//! describes and whether the outlet says it in its own voice or reports someone else's words;
//! a comparison then shows how two sources describe the same actors differently.
//!
//! The library's face is small:
//! - [`Lexicon`], built with [`LexiconBuilder`] from the bundled lexicons and YAML files;
//! - [`Analyzer`], which reads one article into an [`Article`]: its [`Hit`]s, each with the
//!   lexicon entry, the actors it describes, its [`Voice`] and speaker, and the rules that
//!   decided them ([`analysis`] holds these types);
//! - [`compare`], which sets two articles side by side in a [`Comparison`] ([`diff`]);
//! - [`corpus`], for many articles and the mergeable summary of a corpus run;
//! - [`report`], which renders articles, comparisons and summaries as text, Markdown, JSON or
//!   HTML; [`input`], which reads files, URLs, HTML and JSON records into article text;
//! - the errors, each with its source: [`LexiconError`], [`MatcherError`], and the located
//!   [`Diagnostic`].
//!
//! ```
//! use framelens::{Analyzer, Lexicon, Voice};
//!
//! let analyzer = Analyzer::new(Lexicon::bundled()?)?;
//! let article = analyzer.analyze(
//!     "example",
//!     "Rebels seized the town. The army said the terrorists fled.",
//! );
//! let hit = article.hits.iter().find(|h| h.text == "terrorists").unwrap();
//! assert_eq!(hit.voice, Voice::Reported);
//! assert_eq!(&article.text[hit.start..hit.end], "terrorists");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The other modules (the lexicon tools, the evaluations, the matcher, the segmenter, read
//! limits and safe writes) serve the `framelens` binary. They are public so that the binary and
//! its tests can reach them, but hidden from this documentation, and they are not part of the
//! API. `docs/architecture.md` maps every module and the layers they form.

#![warn(missing_docs)]

pub mod analysis;
pub mod corpus;
pub mod diff;
pub mod input;
pub mod lexicon;
pub mod report;

// The machinery of the binary's own commands. Public only so that the binary, its tests and
// its benchmarks can reach it; hidden from the documentation and not part of the API.
#[doc(hidden)]
pub mod authoring;
#[doc(hidden)]
pub mod budget;
#[doc(hidden)]
pub mod diagnostic;
#[doc(hidden)]
pub mod eval;
#[doc(hidden)]
pub mod matcher;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod text;

pub(crate) mod language;
pub(crate) mod story;

pub use analysis::voice::Voice;
pub use analysis::{Analyzer, Article, Hit};
pub use budget::{Budget, ReadFailure};
pub use diagnostic::Diagnostic;
pub use diff::{Comparison, compare};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError};
pub use matcher::MatcherError;
pub use output::OutputError;
pub use text::Span;

/// Version of the JSON output format. Bumped on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;
