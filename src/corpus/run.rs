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
use crate::analysis::{Analyzer, Extent, LanguageCheck};

/// Text per batch handed to the cores. Small enough that the cores start soon and finish
/// together, large enough that handing out a batch costs nothing next to analysing it.
pub const BATCH_BYTES: usize = 1 << 20;
/// Records per batch at most.
const BATCH_RECORDS: usize = 2048;
/// Records of one story read together at most (`--story-field`); a longer run of one story is
/// read in parts of this size, so that memory stays bounded whatever the input.
pub const STORY_RECORDS: usize = 64;

/// What a run reports back.
pub struct Outcome {
    /// The counts of the records analysed, and of the skipped ones by reason.
    pub summary: Summary,
    /// Records skipped (also counted by reason in the summary).
    pub skipped: u64,
    /// Records whose id repeats the id of an earlier record of the same source (they are
    /// analysed and counted like the others), with the first of them.
    pub repeated_ids: Repeated,
    /// Bytes of article text analysed.
    pub bytes: u64,
    /// Wall-clock seconds the run took, writing the hits file included.
    pub seconds: f64,
}

/// Records that repeat the id of an earlier record of the same source: the same article read
/// twice, most often, which counts it twice. Ids are remembered as 64-bit hashes, for the first
/// [`Repeated::LIMIT`] records.
#[derive(Debug, Default)]
pub struct Repeated {
    seen: rustc_hash::FxHashSet<u64>,
    /// How many records repeated an id.
    pub count: u64,
    /// The first of them: its id and where it is.
    pub first: Option<(String, crate::corpus::input::Origin)>,
}

impl Repeated {
    /// The records whose ids are remembered.
    pub const LIMIT: usize = 5_000_000;

    fn see(&mut self, r: &crate::corpus::input::Record) {
        use std::hash::{BuildHasher, Hash, Hasher};
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        r.source.hash(&mut h);
        r.id.hash(&mut h);
        let key = h.finish();
        if self.seen.contains(&key) {
            self.count += 1;
            self.first
                .get_or_insert_with(|| (r.id.clone(), r.origin.clone()));
        } else if self.seen.len() < Self::LIMIT {
            self.seen.insert(key);
        }
    }
}

/// Why a corpus run stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The hits file could not be written.
    #[error("{0}")]
    Hits(#[from] hits::HitsError),
    /// A record named a source past the limit of `--max-sources`.
    #[error(
        "{at}: a source past the limit of {limit} sources (--max-sources); map the raw names to fewer sources (--source-map), or raise the limit"
    )]
    TooManySources {
        /// The limit (`--max-sources`).
        limit: usize,
        /// Where the record that named the source past the limit is.
        at: crate::corpus::input::Origin,
    },
}

/// The default of `--max-sources`.
pub const DEFAULT_MAX_SOURCES: usize = 10_000;

/// How far a run has got, for a progress display.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Input bytes read so far (file bytes, including JSON or CSV markup).
    pub input_bytes: u64,
    /// Records analysed so far (skipped ones not counted).
    pub articles: u64,
    /// Bytes of article text (title and text, UTF-8) analysed so far.
    pub text_bytes: u64,
}

/// Analyses every record `reader` yields. Skipped records go to `on_skip` in input order;
/// `on_progress` is called after each batch.
///
/// A run stops with [`RunError::TooManySources`] when the records name more than `max_sources`
/// sources: the summary keeps counts per source, month, actor and term, so its memory grows with
/// the number of sources (150,000 took 1.2 GB).
pub fn run(
    an: &Analyzer,
    reader: Reader,
    mut hits: Option<HitWriter>,
    max_sources: usize,
    mut on_skip: impl FnMut(&Skipped),
    mut on_progress: impl FnMut(Progress),
) -> Result<Outcome, RunError> {
    let started = Instant::now();
    let mut summary = Summary::new(&an.lexicon);
    let mut progress = Progress::default();
    let mut skipped = 0u64;
    let mut repeated_ids = Repeated::default();
    let want_rows = hits.is_some();
    std::thread::scope(|scope| -> Result<(), RunError> {
        let (tx, rx) = sync_channel::<(Vec<Item>, u64)>(2);
        scope.spawn(move || {
            let mut reader = reader;
            let mut batch: Vec<Item> = Vec::new();
            let mut bytes = 0usize;
            while let Some(item) = reader.next() {
                // A full batch is cut before the next item, unless that item goes on the story
                // of the batch's last records (a story is never split between batches).
                let full = bytes >= BATCH_BYTES || batch.len() >= BATCH_RECORDS;
                if full && !continues_story(&batch, &item) {
                    let done = std::mem::take(&mut batch);
                    if tx.send((done, reader.consumed())).is_err() {
                        return;
                    }
                    bytes = 0;
                }
                bytes += item.bytes();
                batch.push(item);
            }
            if !batch.is_empty() {
                let _ = tx.send((batch, reader.consumed()));
            }
        });
        let (done_tx, done_rx) = sync_channel::<(Vec<Item>, Vec<ItemResult>, u64)>(1);
        scope.spawn(move || {
            for (batch, consumed) in rx {
                let done: Vec<ItemResult> = stories(&batch)
                    .par_iter()
                    .flat_map_iter(|range| analyse_items(an, &batch[range.clone()], want_rows))
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
                    (Item::Record(r), Some(Ok(mut a))) => {
                        repeated_ids.see(r);
                        progress.articles += 1;
                        progress.text_bytes += a.contribution.bytes;
                        if let Some(w) = hits.as_mut() {
                            w.write(&mut a.rows)?;
                        }
                        summary.add(&an.lexicon, a.contribution);
                        if summary.sources.len() > max_sources {
                            return Err(RunError::TooManySources {
                                limit: max_sources,
                                at: r.origin.clone(),
                            });
                        }
                    }
                    (Item::Record(r), result) => {
                        let (reason, detail) = match result {
                            Some(Err(Unanalysed::OverCap(cap))) => {
                                (SkipReason::TooLarge, cap.to_string())
                            }
                            Some(Err(Unanalysed::Panicked(why))) => (
                                SkipReason::AnalysisFailed,
                                format!("the analysis failed ({why}); please report this"),
                            ),
                            _ => (
                                SkipReason::AnalysisFailed,
                                "the analysis failed (no result); please report this".into(),
                            ),
                        };
                        let s = Skipped {
                            origin: r.origin.clone(),
                            reason,
                            detail,
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
        repeated_ids,
        bytes: progress.text_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// What became of one item of a batch: `None` for a record skipped while reading.
type ItemResult = Option<Result<Analysed, Unanalysed>>;

/// Why a record was not analysed.
enum Unanalysed {
    /// The analysis panicked (a bug), with the panic's message.
    Panicked(String),
    /// The record's headline or text has more label matches than `--max-hits`.
    OverCap(crate::analysis::HitCap),
}

/// The story of an item: a record's story id, if it has one.
fn story_of(item: &Item) -> Option<&str> {
    match item {
        Item::Record(r) => r.story.as_deref(),
        Item::Skipped(_) => None,
    }
}

/// Whether `next` belongs to the story the last records of `batch` are in, and that run is
/// shorter than [`STORY_RECORDS`].
fn continues_story(batch: &[Item], next: &Item) -> bool {
    let Some(story) = story_of(next) else {
        return false;
    };
    let run = batch
        .iter()
        .rev()
        .take_while(|i| story_of(i) == Some(story))
        .count();
    run > 0 && run < STORY_RECORDS
}

/// The batch cut into the units analysed together: each run of consecutive records with the
/// same story id (at most [`STORY_RECORDS`]), and every other item on its own.
fn stories(batch: &[Item]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, item) in batch.iter().enumerate() {
        match out.last_mut() {
            Some(last)
                if story_of(item).is_some()
                    && story_of(&batch[last.start]) == story_of(item)
                    && last.len() < STORY_RECORDS =>
            {
                last.end = i + 1;
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Analyses one unit of [`stories`]: a lone item as itself, a story's records as one story
/// (their texts read together, each headline on its own).
fn analyse_items(an: &Analyzer, items: &[Item], want_rows: bool) -> Vec<ItemResult> {
    let records: Vec<&super::input::Record> = items
        .iter()
        .filter_map(|i| match i {
            Item::Record(r) => Some(r),
            Item::Skipped(_) => None,
        })
        .collect();
    if records.len() < 2 {
        return items
            .iter()
            .map(|item| match item {
                Item::Record(r) => Some(analyse(an, r, want_rows)),
                Item::Skipped(_) => None,
            })
            .collect();
    }
    let story = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let texts: Vec<(&str, &str)> = records
            .iter()
            .map(|r| (r.id.as_str(), r.text.as_str()))
            .collect();
        an.analyze_story(&texts)
    }));
    match story {
        Ok(bodies) => records
            .iter()
            .zip(bodies)
            .map(|(r, body)| Some(analysed(an, r, body, want_rows)))
            .collect(),
        Err(p) => {
            let why = panic_message(p.as_ref());
            records
                .iter()
                .map(|_| Some(Err(Unanalysed::Panicked(why.clone()))))
                .collect()
        }
    }
}

struct Analysed {
    contribution: Contribution,
    rows: Vec<HitRow>,
}

/// Analyses one record; a panic inside the analysis becomes an error for this record only.
fn analyse(
    an: &Analyzer,
    r: &super::input::Record,
    want_rows: bool,
) -> Result<Analysed, Unanalysed> {
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        let body = an.analyze_checked(
            &r.id,
            &r.text,
            None,
            LanguageCheck::WithoutTerms,
            Extent::Hits,
        );
        analysed(an, r, body, want_rows)
    }))
    .unwrap_or_else(|p| Err(Unanalysed::Panicked(panic_message(p.as_ref()))))
}

/// A record's counts and hit rows, from its analysed text (its headline is analysed here); a
/// panic becomes an error for this record only, and so does a headline or text over the cap of
/// matches.
fn analysed(
    an: &Analyzer,
    r: &super::input::Record,
    body: crate::analysis::Article,
    want_rows: bool,
) -> Result<Analysed, Unanalysed> {
    if let Some(cap) = body.profile.hit_cap {
        return Err(Unanalysed::OverCap(cap));
    }
    let title = std::panic::catch_unwind(AssertUnwindSafe(|| {
        r.title
            .as_ref()
            .map(|t| an.analyze_checked(&r.id, t, None, LanguageCheck::Never, Extent::Hits))
    }))
    .map_err(|p| Unanalysed::Panicked(panic_message(p.as_ref())))?;
    if let Some(cap) = title.as_ref().and_then(|t| t.profile.hit_cap) {
        return Err(Unanalysed::OverCap(cap));
    }
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        let parts: Vec<&crate::analysis::Article> = title.iter().chain([&body]).collect();
        let mut contribution = Contribution::of(&an.lexicon, &r.source, r.month.as_deref(), &parts);
        contribution.bytes = (r.text.len() + r.title.as_ref().map_or(0, String::len)) as u64;
        let rows = if want_rows {
            hits::rows(r, title.as_ref(), &body)
        } else {
            Vec::new()
        };
        Analysed { contribution, rows }
    }))
    .map_err(|p| Unanalysed::Panicked(panic_message(p.as_ref())))
}

/// The message of a panic's payload.
fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::input::{Origin, Record};

    fn item(story: Option<&str>) -> Item {
        Item::Record(Record {
            id: "r".into(),
            source: "s".into(),
            date: None,
            month: None,
            title: None,
            text: "t".into(),
            story: story.map(str::to_owned),
            origin: Origin {
                file: "f".into(),
                line: None,
            },
        })
    }
    fn skipped() -> Item {
        Item::Skipped(Skipped {
            origin: Origin {
                file: "f".into(),
                line: Some(1),
            },
            reason: SkipReason::InvalidJson,
            detail: "bad".into(),
        })
    }

    #[test]
    fn consecutive_records_of_a_story_are_one_unit() {
        let batch = vec![
            item(Some("a")),
            item(Some("a")),
            item(None),
            item(Some("b")),
            skipped(),
            item(Some("b")),
            item(Some("a")),
        ];
        // "b" is cut by the skipped record; the last "a" is not next to the first two.
        assert_eq!(stories(&batch), vec![0..2, 2..3, 3..4, 4..5, 5..6, 6..7]);
        assert!(continues_story(&batch[..2], &item(Some("a"))));
        assert!(!continues_story(&batch[..2], &item(Some("b"))));
        assert!(!continues_story(&batch[..3], &item(None)));
        assert!(!continues_story(&[], &item(Some("a"))));
    }

    #[test]
    fn a_long_story_is_read_in_parts() {
        let batch: Vec<Item> = (0..STORY_RECORDS + 3).map(|_| item(Some("a"))).collect();
        assert_eq!(
            stories(&batch),
            vec![0..STORY_RECORDS, STORY_RECORDS..STORY_RECORDS + 3]
        );
        assert!(!continues_story(&batch[..STORY_RECORDS], &item(Some("a"))));
    }
}
