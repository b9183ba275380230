//! Coreference metrics: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998), CEAF-e (Luo 2005,
//! entity-based, φ4 similarity) and the CoNLL F1, their unweighted mean.
//!
//! A partition is a list of clusters of mention ids (`usize`). The key (gold) and the response
//! (system) need not hold the same mentions: a key mention the response lacks counts as a
//! response singleton for MUC and as no overlap for B³ and CEAF-e, as in the reference scorer of
//! Pradhan et al. (2014). Every figure keeps its numerator and denominator apart ([`Score`]) so
//! that several documents add up the way the reference scorer adds them (micro-averaged).
//! Empty clusters are ignored; a mention id must not appear twice in one partition.

use std::collections::HashMap;

use pathfinding::prelude::{Matrix, kuhn_munkres};
use serde::Serialize;

/// Clusters of mention ids.
pub type Partition = Vec<Vec<usize>>;

/// Recall and precision of one metric, as sums that add up across documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Recall numerator: key links kept (MUC), Σ |K ∩ R|² / |K| (B³), or the total φ4 of
    /// the alignment (CEAF-e).
    pub recall_num: f64,
    /// Recall denominator: key links (MUC), key mentions (B³) or key entities (CEAF-e).
    pub recall_den: f64,
    /// Precision numerator: the recall sum with key and response swapped (CEAF-e: the same
    /// total).
    pub precision_num: f64,
    /// Precision denominator: response links (MUC), mentions (B³) or entities (CEAF-e).
    pub precision_den: f64,
}

fn ratio(num: f64, den: f64) -> f64 {
    if den == 0.0 { 0.0 } else { num / den }
}

impl Score {
    /// Adds another document's sums.
    pub fn add(&mut self, o: &Score) {
        self.recall_num += o.recall_num;
        self.recall_den += o.recall_den;
        self.precision_num += o.precision_num;
        self.precision_den += o.precision_den;
    }

    /// 0 when the denominator is 0 (as in the reference scorer).
    pub fn recall(&self) -> f64 {
        ratio(self.recall_num, self.recall_den)
    }

    /// 0 when the denominator is 0 (as in the reference scorer).
    pub fn precision(&self) -> f64 {
        ratio(self.precision_num, self.precision_den)
    }

    /// Harmonic mean of recall and precision; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (r, p) = (self.recall(), self.precision());
        if r + p == 0.0 {
            0.0
        } else {
            2.0 * r * p / (r + p)
        }
    }

    /// The figures for a report.
    pub fn figures(&self) -> Rpf {
        Rpf {
            recall: self.recall(),
            precision: self.precision(),
            f1: self.f1(),
        }
    }
}

/// Recall, precision and F1, for reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Rpf {
    /// Recall, 0..1.
    pub recall: f64,
    /// Precision, 0..1.
    pub precision: f64,
    /// Harmonic mean of recall and precision, 0..1; 0 when both are 0.
    pub f1: f64,
}

/// The three metrics of the CoNLL score, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Conll {
    /// MUC sums.
    pub muc: Score,
    /// B³ sums.
    pub b3: Score,
    /// CEAF-e sums.
    pub ceaf_e: Score,
}

impl Conll {
    /// Adds another document's sums, metric by metric.
    pub fn add(&mut self, o: &Conll) {
        self.muc.add(&o.muc);
        self.b3.add(&o.b3);
        self.ceaf_e.add(&o.ceaf_e);
    }

    /// The CoNLL F1: the mean of the MUC, B³ and CEAF-e F1.
    pub fn f1(&self) -> f64 {
        (self.muc.f1() + self.b3.f1() + self.ceaf_e.f1()) / 3.0
    }

    /// The figures for a report: each metric's recall, precision and F1, and the CoNLL F1.
    pub fn figures(&self) -> ConllFigures {
        ConllFigures {
            muc: self.muc.figures(),
            b3: self.b3.figures(),
            ceaf_e: self.ceaf_e.figures(),
            conll_f1: self.f1(),
        }
    }
}

/// The CoNLL score, for reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ConllFigures {
    /// MUC recall, precision and F1.
    pub muc: Rpf,
    /// B³ recall, precision and F1.
    pub b3: Rpf,
    /// CEAF-e recall, precision and F1.
    pub ceaf_e: Rpf,
    /// The mean of the three F1 figures.
    pub conll_f1: f64,
}

/// All three metrics of `response` against `key`.
pub fn conll(key: &Partition, response: &Partition) -> Conll {
    Conll {
        muc: muc(key, response),
        b3: b_cubed(key, response),
        ceaf_e: ceaf_e(key, response),
    }
}

fn nonempty(p: &Partition) -> Vec<&Vec<usize>> {
    p.iter().filter(|c| !c.is_empty()).collect()
}

/// Mention id -> index of its cluster in `p`.
fn cluster_of(p: &[&Vec<usize>]) -> HashMap<usize, usize> {
    p.iter()
        .enumerate()
        .flat_map(|(ci, c)| c.iter().map(move |&m| (m, ci)))
        .collect()
}

/// MUC one way: Σ (|K| − |p(K)|) and Σ (|K| − 1) over the clusters K of `a`, where p(K) is the
/// partition of K by the clusters of `b` (a mention `b` lacks is a part of its own).
fn muc_side(a: &[&Vec<usize>], b: &[&Vec<usize>]) -> (f64, f64) {
    let at = cluster_of(b);
    let (mut num, mut den) = (0usize, 0usize);
    for k in a {
        let mut parts: Vec<usize> = Vec::new();
        let mut alone = 0usize;
        for m in k.iter() {
            match at.get(m) {
                Some(&c) => parts.push(c),
                None => alone += 1,
            }
        }
        parts.sort_unstable();
        parts.dedup();
        num += k.len() - (parts.len() + alone);
        den += k.len() - 1;
    }
    (num as f64, den as f64)
}

/// MUC (Vilain et al. 1995): links kept. Singletons add nothing to either side, so a partition of
/// singletons alone scores 0.
pub fn muc(key: &Partition, response: &Partition) -> Score {
    let (k, r) = (nonempty(key), nonempty(response));
    let (recall_num, recall_den) = muc_side(&k, &r);
    let (precision_num, precision_den) = muc_side(&r, &k);
    Score {
        recall_num,
        recall_den,
        precision_num,
        precision_den,
    }
}

/// B³ one way: Σ over clusters K of `a` and B of `b` of |K ∩ B|² / |K|, and Σ |K|.
fn b3_side(a: &[&Vec<usize>], b: &[&Vec<usize>]) -> (f64, f64) {
    let at = cluster_of(b);
    let (mut num, mut den) = (0.0, 0.0);
    for k in a {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in k.iter() {
            if let Some(&c) = at.get(m) {
                *counts.entry(c).or_default() += 1;
            }
        }
        let n = k.len() as f64;
        // Summed as integers, so the total does not depend on the map's order (a float sum in
        // hash order differs in its last digits from run to run).
        let squares: usize = counts.values().map(|&c| c * c).sum();
        num += squares as f64 / n;
        den += n;
    }
    (num, den)
}

/// B³ (Bagga & Baldwin 1998): per-mention overlap of the mention's key and response clusters.
pub fn b_cubed(key: &Partition, response: &Partition) -> Score {
    let (k, r) = (nonempty(key), nonempty(response));
    let (recall_num, recall_den) = b3_side(&k, &r);
    let (precision_num, precision_den) = b3_side(&r, &k);
    Score {
        recall_num,
        recall_den,
        precision_num,
        precision_den,
    }
}

/// φ4(K, R) = 2 |K ∩ R| / (|K| + |R|).
fn phi4(common: usize, k: usize, r: usize) -> f64 {
    2.0 * common as f64 / (k + r) as f64
}

/// Fixed-point scale for the assignment solver, which needs integer weights. Two assignments
/// whose true totals differ by less than about 1e-12 per entity may be swapped; the total is then
/// recomputed exactly from the chosen assignment.
const SCALE: f64 = 1e12;

/// CEAF-e (Luo 2005): the one-to-one alignment of key and response entities with the largest
/// total φ4 similarity (Kuhn–Munkres); recall = total / number of key entities, precision =
/// total / number of response entities.
pub fn ceaf_e(key: &Partition, response: &Partition) -> Score {
    let (k, r) = (nonempty(key), nonempty(response));
    let mut total = 0.0;
    if !k.is_empty() && !r.is_empty() {
        let at = cluster_of(&r);
        // Similarity matrix, key entities x response entities.
        let mut sim = vec![vec![0.0f64; r.len()]; k.len()];
        for (ki, kc) in k.iter().enumerate() {
            let mut common: HashMap<usize, usize> = HashMap::new();
            for m in kc.iter() {
                if let Some(&c) = at.get(m) {
                    *common.entry(c).or_default() += 1;
                }
            }
            for (ri, n) in common {
                sim[ki][ri] = phi4(n, kc.len(), r[ri].len());
            }
        }
        // The solver wants no more rows than columns.
        let transposed = k.len() > r.len();
        let (rows, cols) = if transposed {
            (r.len(), k.len())
        } else {
            (k.len(), r.len())
        };
        let get = |i: usize, j: usize| if transposed { sim[j][i] } else { sim[i][j] };
        let mut m = Matrix::new(rows, cols, 0i64);
        for i in 0..rows {
            for j in 0..cols {
                m[(i, j)] = (get(i, j) * SCALE).round() as i64;
            }
        }
        let (_, assign) = kuhn_munkres(&m);
        total = assign.iter().enumerate().map(|(i, &j)| get(i, j)).sum();
    }
    Score {
        recall_num: total,
        recall_den: k.len() as f64,
        precision_num: total,
        precision_den: r.len() as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < EPS
    }

    fn p(clusters: &[&[usize]]) -> Partition {
        clusters.iter().map(|c| c.to_vec()).collect()
    }

    /// The scores are the same to the last bit however the maps inside are ordered: each map
    /// gets its own hash seed, so fifty runs on one partition would differ in their last digits
    /// if a float sum followed a map's order.
    #[test]
    fn scores_do_not_depend_on_map_order() {
        // One key cluster of 465 mentions split over 30 response clusters of 1 to 30 mentions:
        // B³ recall then sums 30 different fractions c² / 465.
        let mut resp: Partition = Vec::new();
        let mut next = 0;
        for size in 1..=30 {
            resp.push((next..next + size).collect());
            next += size;
        }
        let key: Partition = vec![(0..next).collect()];
        let first = conll(&key, &resp);
        for _ in 0..50 {
            let again = conll(&key, &resp);
            assert_eq!(again.b3.recall().to_bits(), first.b3.recall().to_bits());
            assert_eq!(
                again.b3.precision().to_bits(),
                first.b3.precision().to_bits()
            );
            assert_eq!(again.f1().to_bits(), first.f1().to_bits());
        }
    }

    /// The example of Pradhan et al. (2014), section 3: key {a b c} {d e f g}, response {a b}
    /// {c d} {f g h i}, with a..i as 1..9. Worked by hand:
    /// - MUC recall ((3−2) + (4−3)) / (2 + 3) = 2/5; precision ((2−1) + (2−2) + (4−3)) /
    ///   (1 + 1 + 3) = 2/5.
    /// - B³ recall (4/3 + 1/3 + 1/4 + 4/4) / 7 = 35/84; precision (4/2 + 1/2 + 1/2 + 4/4) / 8 = 1/2.
    /// - CEAF-e: φ4({abc},{ab}) = 4/5, φ4({defg},{fghi}) = 4/8 is the best alignment (1.3, against
    ///   4/5 + 2/6 or 2/5 + 4/8); recall 1.3/2 = 0.65, precision 1.3/3.
    #[test]
    fn pradhan_2014_example() {
        let key = p(&[&[1, 2, 3], &[4, 5, 6, 7]]);
        let resp = p(&[&[1, 2], &[3, 4], &[6, 7, 8, 9]]);
        let c = conll(&key, &resp);
        assert!(close(c.muc.recall(), 0.4) && close(c.muc.precision(), 0.4));
        assert!(close(c.muc.f1(), 0.4));
        assert!(close(c.b3.recall(), 35.0 / 84.0), "{}", c.b3.recall());
        assert!(close(c.b3.precision(), 0.5));
        assert!(close(c.ceaf_e.recall(), 0.65), "{}", c.ceaf_e.recall());
        assert!(close(c.ceaf_e.precision(), 1.3 / 3.0));
        let b3f = 2.0 * (35.0 / 84.0) * 0.5 / (35.0 / 84.0 + 0.5);
        let cef = 2.0 * 0.65 * (1.3 / 3.0) / (0.65 + 1.3 / 3.0);
        assert!(close(c.f1(), (0.4 + b3f + cef) / 3.0));
    }

    /// Vilain et al. (1995): key {A B C D}, response {A B} {C D}: one link missing, so recall
    /// 2/3, precision 1.
    #[test]
    fn muc_split_cluster() {
        let key = p(&[&[1, 2, 3, 4]]);
        let resp = p(&[&[1, 2], &[3, 4]]);
        let s = muc(&key, &resp);
        assert!(close(s.recall(), 2.0 / 3.0) && close(s.precision(), 1.0));
        // The other way round: the merge costs precision.
        let s = muc(&resp, &key);
        assert!(close(s.recall(), 1.0) && close(s.precision(), 2.0 / 3.0));
    }

    #[test]
    fn identical_partitions_score_one() {
        let key = p(&[&[1, 2, 3], &[4, 5], &[6]]);
        let c = conll(&key, &key.clone());
        for s in [c.muc, c.b3, c.ceaf_e] {
            assert!(close(s.recall(), 1.0) && close(s.precision(), 1.0) && close(s.f1(), 1.0));
        }
        assert!(close(c.f1(), 1.0));
        // The order of clusters and of mentions in them does not matter.
        let shuffled = p(&[&[6], &[5, 4], &[3, 1, 2]]);
        assert_eq!(conll(&key, &shuffled), c);
    }

    #[test]
    fn singletons() {
        // All singletons on both sides: MUC has no links to score (0), B³ and CEAF-e are perfect.
        let key = p(&[&[1], &[2], &[3]]);
        let c = conll(&key, &key.clone());
        assert_eq!(c.muc.recall_den, 0.0);
        assert!(close(c.muc.f1(), 0.0));
        assert!(close(c.b3.f1(), 1.0) && close(c.ceaf_e.f1(), 1.0));
        // A system that leaves every mention alone against a key of one cluster of three.
        let key = p(&[&[1, 2, 3]]);
        let c = conll(&key, &p(&[&[1], &[2], &[3]]));
        assert!(close(c.muc.recall(), 0.0) && close(c.muc.precision(), 0.0));
        assert!(close(c.b3.recall(), 1.0 / 3.0) && close(c.b3.precision(), 1.0));
        // CEAF-e: one key entity aligned to one singleton, φ4 = 2/4.
        assert!(close(c.ceaf_e.recall(), 0.5) && close(c.ceaf_e.precision(), 0.5 / 3.0));
    }

    #[test]
    fn empty_sets() {
        let empty: Partition = Vec::new();
        let c = conll(&empty, &empty);
        assert!(close(c.f1(), 0.0));
        let key = p(&[&[1, 2]]);
        let c = conll(&key, &empty);
        assert!(close(c.muc.recall(), 0.0) && close(c.b3.recall(), 0.0));
        assert!(close(c.ceaf_e.recall(), 0.0) && close(c.f1(), 0.0));
        // Empty clusters are ignored.
        let c = conll(&key, &p(&[&[], &[1, 2]]));
        assert!(close(c.f1(), 1.0));
    }

    #[test]
    fn ceaf_takes_the_optimal_not_the_greedy_alignment() {
        // φ4: {1 2 3 4}-{1 2 3 5} 6/8, {1 2 3 4}-{4} 2/5, {5}-{1 2 3 5} 2/5, {5}-{4} 0. Taking the
        // best pair first gives 6/8 + 0; the optimal alignment 2/5 + 2/5 = 0.8.
        let key = p(&[&[1, 2, 3, 4], &[5]]);
        let resp = p(&[&[1, 2, 3, 5], &[4]]);
        let s = ceaf_e(&key, &resp);
        assert!(close(s.recall_num, 0.8), "{}", s.recall_num);
        // Two response entities, each best for a different key entity.
        let key = p(&[&[1, 2, 3], &[4, 5, 6]]);
        let resp = p(&[&[1, 2, 4], &[3, 5, 6]]);
        // φ4: {123}-{124} 4/6, {123}-{356} 2/6, {456}-{124} 2/6, {456}-{356} 4/6: best 8/6.
        let s = ceaf_e(&key, &resp);
        assert!(close(s.recall_num, 8.0 / 6.0));
        // More key than response entities (the solver's matrix is transposed).
        let s = ceaf_e(&resp, &key);
        assert!(close(s.recall_num, 8.0 / 6.0));
    }

    #[test]
    fn documents_add_up_micro_averaged() {
        let mut total = Conll::default();
        total.add(&conll(&p(&[&[1, 2]]), &p(&[&[1, 2]])));
        total.add(&conll(&p(&[&[1, 2, 3]]), &p(&[&[1], &[2], &[3]])));
        // MUC: recall (1 + 0) / (1 + 2).
        assert!(close(total.muc.recall(), 1.0 / 3.0));
        // B³ recall: (2 + 1) / (2 + 3).
        assert!(close(total.b3.recall(), 3.0 / 5.0));
    }
}
