//! The corpus pipeline: one thread reads records into batches, a second hands each batch to the
//! cores to analyse in parallel (rayon), and the calling thread writes hit rows and adds counts
//! in input order while the cores go on with the next batch.
//!
//! Memory stays flat: at most a few batches (each about [`BATCH_BYTES`] of text) are in flight,
//! whatever the corpus size. Output does not depend on the number of threads.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

use super::hits::{self, HitRow, HitWriter};
use super::input::{Item, Reader, SkipReason, Skipped};
use super::summary::{Contribution, Summary};
use crate::analysis::Analyzer;

/// Text per batch handed to the cores. Small enough that the cores start soon and finish
/// together, large enough that handing out a batch costs nothing next to analysing it.
pub const BATCH_BYTES: usize = 1 << 20;
/// Records per batch at most.
const BATCH_RECORDS: usize = 2048;

/// What a run reports back.
pub struct Outcome {
    pub summary: Summary,
    /// Records skipped (also counted by reason in the summary).
    pub skipped: u64,
    /// Bytes of article text analysed.
    pub bytes: u64,
    pub seconds: f64,
}

/// How far a run has got, for a progress display.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Input bytes read so far (file bytes, including JSON or CSV markup).
    pub input_bytes: u64,
    pub articles: u64,
    pub text_bytes: u64,
}

/// Analyses every record `reader` yields. Skipped records go to `on_skip` in input order;
/// `on_progress` is called after each batch.
pub fn run(
    an: &Analyzer,
    reader: Reader,
    mut hits: Option<HitWriter>,
    mut on_skip: impl FnMut(&Skipped),
    mut on_progress: impl FnMut(Progress),
) -> Result<Outcome, hits::HitsError> {
    let started = Instant::now();
    let mut summary = Summary::new(&an.lexicon);
    let mut progress = Progress::default();
    let mut skipped = 0u64;
    let want_rows = hits.is_some();
    std::thread::scope(|scope| -> Result<(), hits::HitsError> {
        let (tx, rx) = sync_channel::<(Vec<Item>, u64)>(2);
        scope.spawn(move || {
            let mut reader = reader;
            let mut batch = Vec::new();
            let mut bytes = 0usize;
            while let Some(item) = reader.next() {
                bytes += item.bytes();
                batch.push(item);
                if bytes >= BATCH_BYTES || batch.len() >= BATCH_RECORDS {
                    let full = std::mem::take(&mut batch);
                    if tx.send((full, reader.consumed())).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send((batch, reader.consumed()));
            }
        });
        let (done_tx, done_rx) = sync_channel::<(Vec<Item>, Vec<ItemResult>, u64)>(1);
        scope.spawn(move || {
            for (batch, consumed) in rx {
                let done: Vec<ItemResult> = batch
                    .par_iter()
                    .map(|item| match item {
                        Item::Record(r) => Some(analyse(an, r, want_rows)),
                        Item::Skipped(_) => None,
                    })
                    .collect();
                if done_tx.send((batch, done, consumed)).is_err() {
                    return;
                }
            }
        });
        for (batch, done, consumed) in done_rx {
            for (item, result) in batch.iter().zip(done) {
                match (item, result) {
                    (Item::Skipped(s), _) => {
                        skipped += 1;
                        summary.skip(s.reason.as_str());
                        on_skip(s);
                    }
                    (Item::Record(_), Some(Ok(a))) => {
                        progress.articles += 1;
                        progress.text_bytes += a.contribution.bytes;
                        if let Some(w) = hits.as_mut() {
                            w.write(&a.rows)?;
                        }
                        summary.add(&an.lexicon, a.contribution);
                    }
                    (Item::Record(r), result) => {
                        let why = match result {
                            Some(Err(why)) => why,
                            _ => "no result".into(),
                        };
                        let s = Skipped {
                            origin: r.origin.clone(),
                            reason: SkipReason::AnalysisFailed,
                            detail: format!("the analysis failed ({why}); please report this"),
                        };
                        skipped += 1;
                        summary.skip(s.reason.as_str());
                        on_skip(&s);
                    }
                }
            }
            progress.input_bytes = consumed;
            on_progress(progress);
        }
        Ok(())
    })?;
    if let Some(w) = hits {
        w.finish()?;
    }
    Ok(Outcome {
        summary,
        skipped,
        bytes: progress.text_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// What became of one item of a batch: `None` for a record skipped while reading.
type ItemResult = Option<Result<Analysed, String>>;

struct Analysed {
    contribution: Contribution,
    rows: Vec<HitRow>,
}

/// Analyses one record; a panic inside the analysis becomes an error for this record only.
fn analyse(an: &Analyzer, r: &super::input::Record, want_rows: bool) -> Result<Analysed, String> {
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        let title = r.title.as_ref().map(|t| an.analyze(&r.id, t));
        let body = an.analyze(&r.id, &r.text);
        let parts: Vec<&crate::analysis::Article> = title.iter().chain([&body]).collect();
        let mut contribution = Contribution::of(&r.source, r.month.as_deref(), &parts);
        contribution.bytes = (r.text.len() + r.title.as_ref().map_or(0, String::len)) as u64;
        let rows = if want_rows {
            hits::rows(r, title.as_ref(), &body)
        } else {
            Vec::new()
        };
        Analysed { contribution, rows }
    }))
    .map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}
