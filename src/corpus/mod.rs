//! Corpus mode: many articles per outlet, read as a stream, analysed on every core, counted per
//! source, month, actor, term and voice, and compared with keyness statistics.
//!
//! - [`input`] reads folders, JSONL, CSV and standard input into records, skipping bad ones;
//! - [`run`] is the parallel pipeline;
//! - [`hits`] writes per-hit rows;
//! - [`summary`] is the mergeable aggregate;
//! - [`keyness`] holds the statistics and [`compare`] applies them per actor and source.

pub mod compare;
#[doc(hidden)]
pub mod csv_records;
pub mod hits;
pub mod input;
pub mod keyness;
pub mod run;
pub mod summary;
