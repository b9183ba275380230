//! The measures: precision, recall and F1 on exact spans and with partial credit for overlap (the
//! SemEval-2020 Task 11 span metric), accuracies, and confusion counts.
//!
//! Conventions, so that every figure is defined: precision is 0 when nothing was predicted, recall
//! is 0 when there is no gold, and F1 is 0 when precision and recall are both 0. Spans are
//! half-open byte ranges within one document; identical gold spans (one phrase annotated once per
//! actor) count once.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::text::Span;

/// Precision, recall and F1 with the counts behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Number of gold items.
    pub gold: usize,
    /// Number of predicted items.
    pub predicted: usize,
    /// Credit earned by the predictions (a count for exact matching; a sum of fractions with
    /// partial credit).
    pub precision_credit: f64,
    /// Credit earned by the gold items.
    pub recall_credit: f64,
    /// `precision_credit / predicted`; 0 when nothing was predicted.
    pub precision: f64,
    /// `recall_credit / gold`; 0 when there is no gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
}

impl Prf {
    /// Adds another document's counts.
    pub fn add(&mut self, other: &Prf) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.precision_credit += other.precision_credit;
        self.recall_credit += other.recall_credit;
        self.finish();
    }

    /// Recomputes the ratios from the counts.
    pub fn finish(&mut self) {
        self.precision = if self.predicted == 0 {
            0.0
        } else {
            self.precision_credit / self.predicted as f64
        };
        self.recall = if self.gold == 0 {
            0.0
        } else {
            self.recall_credit / self.gold as f64
        };
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

fn unique(spans: &[Span]) -> Vec<Span> {
    let mut v = spans.to_vec();
    v.sort();
    v.dedup();
    v
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Exact-span matching within one document: a prediction is right when a gold span has exactly
/// its start and end.
pub fn exact(predicted: &[Span], gold: &[Span]) -> Prf {
    let (p, g) = (unique(predicted), unique(gold));
    let hits = p.iter().filter(|s| g.binary_search(s).is_ok()).count() as f64;
    let mut r = Prf {
        gold: g.len(),
        predicted: p.len(),
        precision_credit: hits,
        recall_credit: hits,
        ..Prf::default()
    };
    r.finish();
    r
}

/// The SemEval-2020 Task 11 span metric within one document: each predicted span earns the
/// fraction of its bytes covered by gold spans (summed over the gold spans it overlaps), each gold
/// span the fraction of its bytes covered by predictions; precision and recall average them.
pub fn partial(predicted: &[Span], gold: &[Span]) -> Prf {
    let (p, g) = (unique(predicted), unique(gold));
    let credit = |s: Span, others: &[Span]| -> f64 {
        if s.is_empty() {
            return 0.0;
        }
        let covered: usize = others.iter().map(|&o| overlap(s, o)).sum();
        (covered as f64 / s.len() as f64).min(1.0)
    };
    let mut r = Prf {
        gold: g.len(),
        predicted: p.len(),
        precision_credit: p.iter().map(|&s| credit(s, &g)).sum(),
        recall_credit: g.iter().map(|&s| credit(s, &p)).sum(),
        ..Prf::default()
    };
    r.finish();
    r
}

/// An accuracy with its counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Number of items judged.
    pub n: usize,
    /// Number of them judged right.
    pub correct: usize,
    /// `correct / n`, or 0 when `n` is 0.
    pub accuracy: f64,
}

impl Accuracy {
    /// Counts one item, right when `ok`, and recomputes `accuracy`.
    pub fn add(&mut self, ok: bool) {
        self.n += 1;
        self.correct += usize::from(ok);
        self.accuracy = self.correct as f64 / self.n as f64;
    }
}

/// Counts of (gold label, predicted label).
pub type Confusion = BTreeMap<String, BTreeMap<String, usize>>;

/// Counts one item with gold label `gold` and predicted label `predicted` in `c`.
pub fn confuse(c: &mut Confusion, gold: &str, predicted: &str) {
    *c.entry(gold.to_owned())
        .or_default()
        .entry(predicted.to_owned())
        .or_default() += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> Span {
        Span::new(a, b)
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn exact_matching() {
        // Gold [0,10) [20,30); predicted [0,10) [21,30) [40,45).
        let r = exact(&[s(0, 10), s(21, 30), s(40, 45)], &[s(0, 10), s(20, 30)]);
        assert_eq!((r.predicted, r.gold), (3, 2));
        close(r.precision, 1.0 / 3.0);
        close(r.recall, 0.5);
        close(r.f1, 2.0 * (1.0 / 3.0) * 0.5 / (1.0 / 3.0 + 0.5)); // 0.4
        close(r.f1, 0.4);
    }

    #[test]
    fn partial_credit_by_overlap() {
        // Gold [0,10); predicted [5,15): the prediction covers 5 of its 10 bytes with gold
        // (P = 0.5) and the gold has 5 of its 10 bytes predicted (R = 0.5).
        let r = partial(&[s(5, 15)], &[s(0, 10)]);
        close(r.precision, 0.5);
        close(r.recall, 0.5);
        close(r.f1, 0.5);
        // One long prediction over two gold spans: [0,20) against [0,5) and [10,20).
        // P = (5 + 10) / 20 = 0.75; R = (5/5 + 10/10) / 2 = 1.0; F1 = 2*0.75/1.75.
        let r = partial(&[s(0, 20)], &[s(0, 5), s(10, 20)]);
        close(r.precision, 0.75);
        close(r.recall, 1.0);
        close(r.f1, 1.5 / 1.75);
        // A prediction inside a longer gold span: [2,4) in [0,8): P = 1, R = 2/8.
        let r = partial(&[s(2, 4)], &[s(0, 8)]);
        close(r.precision, 1.0);
        close(r.recall, 0.25);
    }

    #[test]
    fn empty_sets_are_zero_not_nan() {
        let r = partial(&[], &[s(0, 4)]);
        assert_eq!((r.precision, r.recall, r.f1), (0.0, 0.0, 0.0));
        let r = partial(&[s(0, 4)], &[]);
        assert_eq!((r.precision, r.recall, r.f1), (0.0, 0.0, 0.0));
        let r = exact(&[], &[]);
        assert_eq!(
            (r.precision, r.recall, r.f1, r.gold, r.predicted),
            (0.0, 0.0, 0.0, 0, 0)
        );
    }

    #[test]
    fn a_phrase_annotated_for_two_actors_counts_once() {
        // "occupation forces" annotated twice (Turkey, United States) is one gold span.
        let r = exact(&[s(10, 27)], &[s(10, 27), s(10, 27)]);
        assert_eq!((r.gold, r.predicted), (1, 1));
        close(r.recall, 1.0);
        let r = partial(&[s(10, 27)], &[s(10, 27), s(10, 27)]);
        close(r.precision, 1.0);
        close(r.recall, 1.0);
    }

    #[test]
    fn documents_add_up() {
        let mut total = Prf::default();
        total.add(&exact(&[s(0, 2)], &[s(0, 2)]));
        total.add(&exact(&[s(0, 2), s(5, 6)], &[s(9, 10)]));
        assert_eq!((total.gold, total.predicted), (2, 3));
        close(total.precision, 1.0 / 3.0);
        close(total.recall, 0.5);
    }

    #[test]
    fn accuracy_counts() {
        let mut a = Accuracy::default();
        assert_eq!(a.accuracy, 0.0);
        for ok in [true, false, true, true] {
            a.add(ok);
        }
        assert_eq!((a.n, a.correct), (4, 3));
        close(a.accuracy, 0.75);
    }
}
