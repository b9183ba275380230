//! Keyness statistics for one feature in a 2x2 contingency table, as quanteda's
//! `textstat_keyness` reports them with its default corrections: signed chi-squared (Yates),
//! signed G2 (log-likelihood, Williams), their p-values, and Hardie's Log Ratio as effect size;
//! plus Bonferroni and Holm adjustment of p-values over many tests.
//!
//! This module owns the arithmetic only. It does not count anything: deciding what a "feature"
//! is (a term, a term used of an actor), which outlet is the target and which the reference,
//! and turning corpus counts into a [`Table2x2`] belong to the caller, as do ranking, filtering
//! and rendering. Every function is pure and never panics; no NaN or infinity comes out of
//! [`keyness`].
//!
//! # The table
//!
//! |              | this feature | all other features | total              |
//! |--------------|--------------|--------------------|--------------------|
//! | target       | `a`          | `b`                | `R1 = a + b`       |
//! | reference    | `c`          | `d`                | `R2 = c + d`       |
//! | total        | `C1 = a + c` | `C2 = b + d`       | `N = a + b + c + d`|
//!
//! quanteda names the cells differently (its `a` target feature, `b` reference feature, `c`
//! target other, `d` reference other: our `b` and `c` transposed). Every formula below is
//! symmetric under that transposition, so the values are the same.
//!
//! # Formulas implemented
//!
//! Let `D = ad - bc` (computed exactly in 128-bit integers) and `E(a) = R1 C1 / N`. Then
//! `a - E(a) = D / N`, so `a > E(a)` exactly when `D > 0`; in every cell `|O - E| = |D| / N`.
//!
//! * **sign**: `+1` when `D > 0` (the target uses the feature more than expected: over-use),
//!   `-1` when `D < 0` (under-use). When `D = 0` both statistics are 0 and carry no sign.
//! * **chi2** (quanteda `measure = "chi2"`, `correction = "default"`, i.e. Yates):
//!   `chi2 = sign * N * max(0, |D| - N/2)^2 / (R1 R2 C1 C2)`.
//!   This is `sum (|O - E| - 0.5)^2 / E` over the four cells, the continuity correction
//!   subtracting 0.5 from each `|O - E|`, but never more than `|O - E|` itself. quanteda's
//!   `keyness_chi2_dt`, as far as we know its source (it could not be checked from this
//!   machine), computes `N (|ad - bc| - N/2)^2 / (R1 R2 C1 C2) * ifelse(a > E, 1, -1)` with no
//!   floor at 0. The two agree whenever `|a - E(a)| >= 0.5`. Below that, quanteda's form
//!   over-corrects: a table closer to independence gets a *larger* statistic, and one exactly at
//!   independence (`a == E`) gets a small negative one. We use the floor, as R's
//!   `chisq.test(correct = TRUE)` (which quanteda's older `keyness_chi2_stats` path calls) and
//!   `scipy.stats.chi2_contingency(correction = True)` do, and report 0 there.
//! * **g2** (quanteda `measure = "lr"`, `correction = "default"`, i.e. Williams):
//!   `G2 = 2 * sum O ln(O / E)` over the four cells, with `0 ln 0 = 0`, then divided by
//!   Williams' `q = 1 + (N/R1 + N/R2 - 1) (N/C1 + N/C2 - 1) / (6N)`, then signed:
//!   `g2 = sign * G2 / q`. quanteda adds `1e-16` inside each logarithm to dodge `ln 0`; that
//!   changes values by about 1e-16 relative and is not reproduced. The sum is evaluated as
//!   `2 * sum E f(O/E)` with `f(x) = x ln x - x + 1`, which is the same quantity (the four
//!   `O - E` add up to 0) but has no cancellation between large terms, so counts of 1e12 and
//!   more still give accurate values (scipy's direct sum loses digits there). Williams' `q`
//!   grows without bound as a margin shrinks (a reference of 1 token among 377 875 gives
//!   `q` of about 63 000), so with a tiny side `g2` is small even where `chi2` is huge; that is
//!   the correction as quanteda applies it.
//! * **p_chi2**, **p_g2**: upper tail of the chi-squared distribution with 1 degree of freedom
//!   at `|chi2|` and `|g2|` (statrs' survival function). quanteda computes
//!   `1 - pchisq(|x|, 1)`, which agrees to about 1e-16 absolute but rounds to 0 below that; we
//!   keep the small values.
//! * **log_ratio** (Hardie's Log Ratio, effect size; not part of quanteda):
//!   `log2((a / R1) / (c / R2))`. A zero `a` or `c` is replaced by 0.5 and its row total grows
//!   by the same 0.5 (`a = 0` gives `0.5 / (b + 0.5)`), so the result stays finite. Evaluated as
//!   `log2(1 + (a d - b c) / (c R1))` on the adjusted counts when the ratio lies between 0.5 and
//!   1.5 (accurate there, `ad - bc` being exact), else as the plain ratio. After a zero is
//!   adjusted the Log Ratio can point the other way from the statistics (`a=0 b=1 c=1 d=10`:
//!   0.5/1.5 against 1/11 is positive for an under-used feature). For `a = 0` that happens
//!   exactly when `d/2 > bc`, which makes `|a - E(a)| = bc/N < 0.5`, so `chi2` is 0 there
//!   (likewise for `c = 0`): the sign of a nonzero `chi2` and of the Log Ratio always agree.
//! * **degenerate tables**: when any of `R1`, `R2`, `C1`, `C2` is 0 (an empty side, or a
//!   feature absent from both sides, or nothing but this feature anywhere) there is no
//!   contrast to measure: both statistics and the log ratio are 0, both p-values 1.

use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// Counts for one feature: `a` = the feature in the target, `b` = every other feature in the
/// target, `c` = the feature in the reference, `d` = every other feature in the reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Table2x2 {
    /// Count of the feature in the target.
    pub a: u64,
    /// Count of all other features in the target.
    pub b: u64,
    /// Count of the feature in the reference.
    pub c: u64,
    /// Count of all other features in the reference.
    pub d: u64,
}

impl Table2x2 {
    /// Builds the table from the feature's count and the total count on each side
    /// (`b = target_total - in_target`, `d = reference_total - in_reference`). `None` when a
    /// count exceeds its total.
    pub fn from_totals(
        in_target: u64,
        target_total: u64,
        in_reference: u64,
        reference_total: u64,
    ) -> Option<Self> {
        Some(Self {
            a: in_target,
            b: target_total.checked_sub(in_target)?,
            c: in_reference,
            d: reference_total.checked_sub(in_reference)?,
        })
    }
}

/// Keyness of one feature in the target against the reference. See the module docs for the
/// exact formulas. Positive statistics mean over-use in the target, negative under-use.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Keyness {
    /// Signed Pearson chi-squared with Yates' continuity correction.
    pub chi2: f64,
    /// Upper-tail p-value of `|chi2|`, chi-squared with 1 degree of freedom.
    pub p_chi2: f64,
    /// Signed log-likelihood G2 with Williams' correction.
    pub g2: f64,
    /// Upper-tail p-value of `|g2|`, chi-squared with 1 degree of freedom.
    pub p_g2: f64,
    /// Hardie's Log Ratio: log2 of the feature's relative frequency in the target over that in
    /// the reference (zero counts taken as 0.5).
    pub log_ratio: f64,
    /// `a`: the feature's count in the target.
    pub n_target: u64,
    /// `c`: the feature's count in the reference.
    pub n_reference: u64,
    /// `a + b`: all features in the target (saturating at `u64::MAX`).
    pub target_total: u64,
    /// `c + d`: all features in the reference (saturating at `u64::MAX`).
    pub reference_total: u64,
}

/// Computes the keyness of the feature counted in `t`.
pub fn keyness(t: Table2x2) -> Keyness {
    let Table2x2 { a, b, c, d } = t;
    let mut out = Keyness {
        chi2: 0.0,
        p_chi2: 1.0,
        g2: 0.0,
        p_g2: 1.0,
        log_ratio: 0.0,
        n_target: a,
        n_reference: c,
        target_total: a.saturating_add(b),
        reference_total: c.saturating_add(d),
    };

    // Margins in f64: exact up to 2^53, and sums of two u64 cannot overflow here.
    let (af, bf, cf, df) = (a as f64, b as f64, c as f64, d as f64);
    let (r1, r2, c1, c2) = (af + bf, cf + df, af + cf, bf + df);
    if r1 == 0.0 || r2 == 0.0 || c1 == 0.0 || c2 == 0.0 {
        return out;
    }
    let n = r1 + r2;

    // D = ad - bc, exactly: each product of two u64 fits in a u128.
    let ad = u128::from(a) * u128::from(d);
    let bc = u128::from(b) * u128::from(c);
    let (abs_det, sign) = match ad.cmp(&bc) {
        std::cmp::Ordering::Greater => ((ad - bc) as f64, 1.0),
        std::cmp::Ordering::Less => ((bc - ad) as f64, -1.0),
        std::cmp::Ordering::Equal => return out,
    };

    // Chi-squared with Yates' correction, floored at 0.
    let excess = (abs_det - n / 2.0).max(0.0);
    let chi2 = n * excess * excess / (r1 * r2 * c1 * c2);

    // G2 = 2 * sum E f(O/E), f(x) = x ln x - x + 1; O/E - 1 = +-D / (row * col).
    let cell = |o: u64, row: f64, col: f64, dev_sign: f64| {
        let expected = row * col / n;
        if o == 0 {
            return expected; // f(0) = 1
        }
        let r = dev_sign * abs_det / (row * col);
        if r > -0.5 {
            expected * x_ln_x_minus_x_plus_1(r)
        } else {
            // Far below expectation 1 + r loses digits (it can even round to 0); O/E directly
            // is accurate there, and f has no cancellation for O/E < 0.5.
            let x = o as f64 * n / (row * col);
            expected * (x * x.ln() - x + 1.0)
        }
    };
    let g2_raw = 2.0
        * (cell(a, r1, c1, sign)
            + cell(b, r1, c2, -sign)
            + cell(c, r2, c1, -sign)
            + cell(d, r2, c2, sign));
    let q = 1.0 + (n / r1 + n / r2 - 1.0) * (n / c1 + n / c2 - 1.0) / (6.0 * n);
    let g2 = g2_raw / q;

    out.chi2 = sign * chi2;
    out.p_chi2 = upper_tail_1df(chi2);
    out.g2 = sign * g2;
    out.p_g2 = upper_tail_1df(g2);
    out.log_ratio = log_ratio(a, b, c, d, sign * abs_det);
    out
}

/// `f(1 + r) = (1 + r) ln(1 + r) - r` for `r > -1`, accurate also for small `|r|`.
fn x_ln_x_minus_x_plus_1(r: f64) -> f64 {
    if r.abs() < 1e-2 {
        // Taylor series: sum over k >= 2 of (-1)^k r^k / (k (k - 1)); the first omitted term
        // is below 4e-16 of the sum for |r| < 0.01.
        let mut sum = 0.0;
        let mut power = r;
        for k in 2..=8u32 {
            power *= r;
            let term = power / f64::from(k * (k - 1));
            sum += if k % 2 == 0 { term } else { -term };
        }
        sum
    } else {
        (1.0 + r) * r.ln_1p() - r
    }
}

/// Hardie's Log Ratio with zero counts of the feature taken as 0.5 (the side's total grows by
/// the same 0.5). `det` is `ad - bc` on the unadjusted counts; the caller guarantees `a + c > 0`
/// and both row totals > 0.
fn log_ratio(a: u64, b: u64, c: u64, d: u64, det: f64) -> f64 {
    let adjusted = |x: u64| if x == 0 { 0.5 } else { x as f64 };
    let (aa, bf, cc, df) = (adjusted(a), b as f64, adjusted(c), d as f64);
    // ratio = aa (cc + d) / (cc (aa + b)) = 1 + (aa d - b cc) / (cc (aa + b)).
    let numerator = if a == 0 || c == 0 {
        aa * df - bf * cc
    } else {
        det
    };
    let x = numerator / (cc * (aa + bf));
    let value = if x.abs() < 0.5 {
        x.ln_1p() / std::f64::consts::LN_2
    } else {
        // Far from 1 the plain ratio is the accurate one (1 + x would lose digits near 0).
        ((aa * (cc + df)) / (cc * (aa + bf))).log2()
    };
    if value.is_finite() { value } else { 0.0 }
}

/// Upper tail of the chi-squared distribution with 1 degree of freedom at `x >= 0`.
fn upper_tail_1df(x: f64) -> f64 {
    let dist = ChiSquared::new(1.0).expect("1 degree of freedom is a valid chi-squared");
    let p = dist.sf(x);
    if p.is_nan() { 1.0 } else { p.clamp(0.0, 1.0) }
}

/// Bonferroni-adjusted p-value: `min(1, p * tests)`. `tests = 0` counts as one test; a NaN `p`
/// stays NaN.
pub fn bonferroni(p: f64, tests: usize) -> f64 {
    if p.is_nan() {
        return p;
    }
    (p * tests.max(1) as f64).min(1.0)
}

/// Holm's step-down adjusted p-values, in the order given: with the `m` p-values sorted
/// ascending, the i-th smallest (from 1) becomes `min(1, max over j <= i of (m - j + 1) p_(j))`,
/// so the adjusted values never decrease along the sorted order (as R's
/// `p.adjust(method = "holm")`). NaN entries stay NaN and are not counted in `m`.
pub fn holm(ps: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ps.len()).filter(|&i| !ps[i].is_nan()).collect();
    order.sort_by(|&i, &j| ps[i].total_cmp(&ps[j]));
    let m = order.len();
    let mut out = vec![f64::NAN; ps.len()];
    let mut running = 0.0_f64;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank) as f64 * ps[i]).min(1.0));
        out[i] = running;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(a: u64, b: u64, c: u64, d: u64) -> Table2x2 {
        Table2x2 { a, b, c, d }
    }

    /// `actual` within `rel` of `expected`, relative (exact when `expected` is 0).
    fn close(actual: f64, expected: f64, rel: f64) -> bool {
        actual == expected || (actual - expected).abs() <= rel * expected.abs()
    }

    #[track_caller]
    fn assert_close(what: &str, actual: f64, expected: f64, rel: f64) {
        assert!(
            close(actual, expected, rel),
            "{what}: got {actual:e}, expected {expected:e} (rel. error {:e})",
            ((actual - expected) / expected).abs()
        );
    }

    // Hand arithmetic, table 1: a=10 b=90 c=20 d=380.
    //   R1=100 R2=400 C1=30 C2=470 N=500; E(a) = 100*30/500 = 6 < 10, so over-use (+).
    //   E: a 6, b 100*470/500 = 94, c 400*30/500 = 24, d 400*470/500 = 376; every |O-E| = 4.
    //   ad - bc = 3800 - 1800 = 2000 (= N * 4).
    //   Yates: N (|ad-bc| - N/2)^2 / (R1 R2 C1 C2) = 500 * 1750^2 / (100*400*30*470)
    //        = 1_531_250_000 / 564_000_000 = 1531.25 / 564 = 2.7149822695...
    //        check: (4 - 0.5)^2 * (1/6 + 1/94 + 1/24 + 1/376) = 12.25 * 0.22163120 = 2.71498
    //   G2 = 2 (10 ln(10/6) + 90 ln(90/94) + 20 ln(20/24) + 380 ln(380/376))
    //      = 2 (5.1082562 - 3.9136601 - 3.6464311 + 4.0212015) = 2 * 1.5693666 = 3.1387331
    //   q = 1 + (500/100 + 500/400 - 1)(500/30 + 500/470 - 1) / 3000
    //     = 1 + 5.25 * 16.7304965 / 3000 = 1.0292784;  G2 / q = 3.0494502
    //   Log Ratio = log2((10/100) / (20/400)) = log2(0.1 / 0.05) = 1.
    #[test]
    fn hand_computed_table_without_zeros() {
        let k = keyness(t(10, 90, 20, 380));
        assert_close("chi2", k.chi2, 1531.25 / 564.0, 1e-12);
        let g2 = 2.0
            * (10.0 * (10.0_f64 / 6.0).ln()
                + 90.0 * (90.0_f64 / 94.0).ln()
                + 20.0 * (20.0_f64 / 24.0).ln()
                + 380.0 * (380.0_f64 / 376.0).ln());
        let q = 1.0 + 5.25 * (500.0 / 30.0 + 500.0 / 470.0 - 1.0) / 3000.0;
        assert_close("g2", k.g2, g2 / q, 1e-12);
        assert_close("g2 (digits)", k.g2, 3.0494502, 1e-7);
        assert_eq!(k.log_ratio, 1.0);
        assert_eq!(
            (k.n_target, k.n_reference, k.target_total, k.reference_total),
            (10, 20, 100, 400)
        );
    }

    // Hand arithmetic, table 2 (zero cell): a=0 b=50 c=12 d=138.
    //   R1=50 R2=150 C1=12 C2=188 N=200; E(a) = 50*12/200 = 3 > 0, so under-use (-).
    //   E: a 3, b 50*188/200 = 47, c 150*12/200 = 9, d 150*188/200 = 141; every |O-E| = 3.
    //   ad - bc = 0 - 600 = -600.
    //   Yates: 200 * (600 - 100)^2 / (50*150*12*188) = 50_000_000 / 16_920_000 = 2.9550827...
    //   G2 = 2 (0 [0 ln 0 = 0] + 50 ln(50/47) + 12 ln(12/9) + 138 ln(138/141))
    //      = 2 (3.0937702 + 3.4521849 - 2.9678563) = 2 * 3.5780987 = 7.1561975
    //   q = 1 + (200/50 + 200/150 - 1)(200/12 + 200/188 - 1) / 1200
    //     = 1 + 4.3333333 * 16.7304965 / 1200 = 1.0604157;  G2 / q = 6.7484833, signed -.
    //   Log Ratio: a = 0 -> 0.5, target total 50 -> 50.5:
    //     log2((0.5/50.5) / (12/150)) = log2(0.0099010 / 0.08) = log2(0.1237624) = -3.0143553
    #[test]
    fn hand_computed_table_with_a_zero_cell() {
        let k = keyness(t(0, 50, 12, 138));
        assert_close("chi2", k.chi2, -50_000_000.0 / 16_920_000.0, 1e-12);
        let g2 = 2.0
            * (50.0 * (50.0_f64 / 47.0).ln()
                + 12.0 * (12.0_f64 / 9.0).ln()
                + 138.0 * (138.0_f64 / 141.0).ln());
        let q = 1.0 + (4.0 + 4.0 / 3.0 - 1.0) * (200.0 / 12.0 + 200.0 / 188.0 - 1.0) / 1200.0;
        assert_close("g2", k.g2, -g2 / q, 1e-12);
        assert_close("g2 (digits)", k.g2, -6.7484833, 1e-7);
        assert_close(
            "log_ratio",
            k.log_ratio,
            ((0.5 / 50.5) / (12.0 / 150.0_f64)).log2(),
            1e-12,
        );
        assert!(k.p_chi2 > 0.0 && k.p_chi2 < 1.0);
    }

    type Cells = (u64, u64, u64, u64);

    /// (table, chi2, p_chi2, g2, p_g2, log_ratio), from scipy 1.17.1 with this snippet:
    ///
    /// ```python
    /// import math
    /// import numpy as np
    /// from scipy.stats import chi2, chi2_contingency
    ///
    /// def ref(a, b, c, d):
    ///     t = np.array([[a, b], [c, d]], dtype=float)
    ///     n = t.sum()
    ///     e_a = (a + b) * (a + c) / n
    ///     sign = 1.0 if a > e_a else (-1.0 if a < e_a else 0.0)
    ///     x2 = chi2_contingency(t, correction=True)[0]
    ///     g2 = chi2_contingency(t, correction=False, lambda_="log-likelihood")[0]
    ///     q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
    ///     g2w = g2 / q
    ///     aa, cc = (a or 0.5), (c or 0.5)
    ///     lr = math.log2((aa / (aa + b)) / (cc / (cc + d)))
    ///     return (sign * x2, chi2.sf(x2, 1), sign * g2w, chi2.sf(g2w, 1), lr)
    ///
    /// for t in [(10, 90, 20, 380), (0, 50, 12, 138), (3, 997, 30, 970),
    ///           (150, 99850, 40, 199960), (7, 0, 3, 40), (10, 10, 10, 11), (5, 5, 5, 5)]:
    ///     print(t, ", ".join(repr(float(v)) for v in ref(*t)))
    /// ```
    const SCIPY: &[(Cells, [f64; 5])] = &[
        (
            (10, 90, 20, 380),
            [
                2.7149822695035457,
                0.09941007525433886,
                3.049450217528051,
                0.08076447866863487,
                1.0,
            ],
        ),
        (
            (0, 50, 12, 138),
            [
                -2.9550827423167845,
                0.08560792435018842,
                -6.7484832538539825,
                0.009382741359014148,
                -3.01435529297707,
            ],
        ),
        (
            (3, 997, 30, 970),
            [
                -20.828519049159617,
                5.02294179314816e-06,
                -25.62400825937808,
                4.148457108815443e-07,
                -std::f64::consts::LOG2_10, // -3.321928094887362: 0.003 / 0.03
            ],
        ),
        (
            (150, 99850, 40, 199960),
            [
                175.95946731175354,
                3.695616243545111e-40,
                166.05562664780274,
                5.379166532954944e-38,
                2.9068905956085187,
            ],
        ),
        (
            (7, 0, 3, 40),
            [
                27.00373754152824,
                2.0306243847325417e-07,
                25.07345092030986,
                5.518747725771661e-07,
                3.841302253980942,
            ],
        ),
        (
            // |a - E(a)| < 0.5: the Yates floor gives 0 (see module docs).
            (10, 10, 10, 11),
            [
                0.0,
                1.0,
                0.02242275068515432,
                0.8809679489142072,
                0.070389327891398,
            ],
        ),
        ((5, 5, 5, 5), [0.0, 1.0, 0.0, 1.0, 0.0]),
    ];

    #[test]
    fn matches_scipy_reference_values() {
        for &((a, b, c, d), [chi2, p_chi2, g2, p_g2, lr]) in SCIPY {
            let k = keyness(t(a, b, c, d));
            let name = format!("({a}, {b}, {c}, {d})");
            assert_close(&format!("{name} chi2"), k.chi2, chi2, 1e-9);
            assert_close(&format!("{name} p_chi2"), k.p_chi2, p_chi2, 1e-9);
            assert_close(&format!("{name} g2"), k.g2, g2, 1e-9);
            assert_close(&format!("{name} p_g2"), k.p_g2, p_g2, 1e-9);
            assert_close(&format!("{name} log_ratio"), k.log_ratio, lr, 1e-9);
        }
    }

    #[test]
    fn under_use_is_negative_over_use_positive() {
        // Target 1 in 1000, reference 10 in 1000.
        let under = keyness(t(1, 999, 10, 990));
        assert!(
            under.chi2 < 0.0 && under.g2 < 0.0 && under.log_ratio < 0.0,
            "{under:?}"
        );
        let over = keyness(t(10, 990, 1, 999));
        assert!(
            over.chi2 > 0.0 && over.g2 > 0.0 && over.log_ratio > 0.0,
            "{over:?}"
        );
    }

    #[test]
    fn swapping_target_and_reference_flips_signs_and_keeps_magnitudes() {
        let mut tables: Vec<Table2x2> = SCIPY
            .iter()
            .map(|&((a, b, c, d), _)| t(a, b, c, d))
            .collect();
        // The first one was found by the property test: a side of one token (Williams' q is about
        // 63 000) and a Log Ratio near -19.5, where 1 + x loses digits.
        tables.extend([
            t(0, 377_875, 1, 0),
            t(0, 5, 0, 7),
            t(3, 0, 0, 4),
            t(1, 2, 3, 4),
            t(1_000_000, 1, 2, 3),
        ]);
        for table in tables {
            let k = keyness(table);
            let s = keyness(t(table.c, table.d, table.a, table.b));
            let ctx = format!("{table:?}");
            assert_eq!(s.chi2, -k.chi2, "{ctx}");
            assert_eq!(s.p_chi2, k.p_chi2, "{ctx}");
            assert_close(&format!("{ctx} g2"), s.g2, -k.g2, 1e-12);
            assert_close(&format!("{ctx} p_g2"), s.p_g2, k.p_g2, 1e-12);
            assert_close(
                &format!("{ctx} log_ratio"),
                s.log_ratio,
                -k.log_ratio,
                1e-12,
            );
            assert_eq!(
                (s.n_target, s.n_reference, s.target_total, s.reference_total),
                (k.n_reference, k.n_target, k.reference_total, k.target_total)
            );
        }
    }

    #[test]
    fn empty_margins_give_zero_statistics_and_p_one() {
        for table in [
            t(0, 0, 0, 0), // nothing at all
            t(0, 0, 3, 7), // empty target
            t(3, 7, 0, 0), // empty reference
            t(0, 4, 0, 9), // feature absent on both sides
            t(4, 0, 9, 0), // nothing but this feature
            t(0, 0, 0, 9), // empty target and absent feature
        ] {
            let k = keyness(table);
            assert_eq!(
                (k.chi2, k.p_chi2, k.g2, k.p_g2, k.log_ratio),
                (0.0, 1.0, 0.0, 1.0, 0.0),
                "{table:?}"
            );
            assert!(k.chi2.is_sign_positive() && k.g2.is_sign_positive());
        }
        let k = keyness(t(0, 0, 3, 7));
        assert_eq!((k.n_target, k.target_total, k.reference_total), (0, 0, 10));
    }

    #[test]
    fn independence_gives_zero() {
        // ad == bc: O == E in every cell.
        let k = keyness(t(2, 6, 5, 15));
        assert_eq!((k.chi2, k.g2, k.log_ratio), (0.0, 0.0, 0.0));
        assert_eq!((k.p_chi2, k.p_g2), (1.0, 1.0));
    }

    #[test]
    fn yates_correction_never_exceeds_the_deviation() {
        // ad - bc = 110 - 100 = 10, N/2 = 20.5: |a - E(a)| = 10/41 < 0.5, so chi2 = 0.
        // quanteda's unfloored form would give 41 (10 - 20.5)^2 / (20*21*20*21) = 0.0256.
        let k = keyness(t(10, 10, 10, 11));
        assert_eq!((k.chi2, k.p_chi2), (0.0, 1.0));
        assert!(k.g2 > 0.0, "G2 has no continuity correction: {k:?}");
        // Just at |a - E(a)| = 0.5 the corrected statistic is exactly 0 too:
        // a=1 b=0 c=1 d=2: N=4, ad - bc = 2 = N/2.
        assert_eq!(keyness(t(1, 0, 1, 2)).chi2, 0.0);
    }

    #[test]
    fn log_ratio_replaces_zero_counts_with_half() {
        // a = 0: log2((0.5 / 100.5) / (10 / 100)).
        let k = keyness(t(0, 100, 10, 90));
        assert_close("a=0", k.log_ratio, ((0.5 / 100.5) / 0.1_f64).log2(), 1e-12);
        // c = 0: log2((10 / 100) / (0.5 / 100.5)).
        let k = keyness(t(10, 90, 0, 100));
        assert_close("c=0", k.log_ratio, (0.1 / (0.5 / 100.5_f64)).log2(), 1e-12);
        // Only the feature on the target side: b = 0.
        let k = keyness(t(5, 0, 1, 9));
        assert_close("b=0", k.log_ratio, (1.0 / 0.1_f64).log2(), 1e-12);
    }

    // Exact values for huge tables, from Python's decimal module at 60 digits (the direct
    // scipy sum is off by 2.5e-6 relative on the second table: 6.24996093800057):
    //
    // from decimal import Decimal as D, getcontext
    // getcontext().prec = 60
    // def ref_exact(a, b, c, d):
    //     a, b, c, d = map(D, (a, b, c, d))
    //     n = a + b + c + d
    //     r1, r2, c1, c2 = a + b, c + d, a + c, b + d
    //     det = a * d - b * c
    //     sign = 1 if det > 0 else (-1 if det < 0 else 0)
    //     excess = max(D(0), abs(det) - n / 2)
    //     x2 = n * excess * excess / (r1 * r2 * c1 * c2)
    //     g2 = 0
    //     for o, e in ((a, r1 * c1 / n), (b, r1 * c2 / n), (c, r2 * c1 / n), (d, r2 * c2 / n)):
    //         if o > 0:
    //             g2 += o * (o / e).ln()
    //     g2 *= 2
    //     q = 1 + (n / r1 + n / r2 - 1) * (n / c1 + n / c2 - 1) / (6 * n)
    //     aa, cc = (a or D("0.5")), (c or D("0.5"))
    //     lr = ((aa / (aa + b)) / (cc / (cc + d))).ln() / D(2).ln()
    //     return sign * x2, sign * g2 / q, lr
    #[test]
    fn huge_counts_stay_finite_and_accurate() {
        const T: u64 = 1_000_000_000_000;
        let cases = [
            (
                t(T, 3 * T, 2 * T, 5 * T),
                [
                    -16369047618.86756,
                    -16502205534.047522,
                    -0.19264507794239588,
                ],
            ),
            (
                t(T, T, T, T + 5_000_000),
                [6.249971562591624, 6.249976562577409, 3.6067330938079197e-06],
            ),
        ];
        for (table, [chi2, g2, lr]) in cases {
            let k = keyness(table);
            assert_close("chi2", k.chi2, chi2, 1e-9);
            assert_close("g2", k.g2, g2, 1e-9);
            assert_close("log_ratio", k.log_ratio, lr, 1e-9);
        }
        let max = u64::MAX;
        for table in [
            t(max, max, max, max),
            t(max, 0, 0, max),
            t(0, max, max, 1),
            t(max, 1, 1, max),
            t(1, max, 0, max),
        ] {
            let k = keyness(table);
            for v in [k.chi2, k.p_chi2, k.g2, k.p_g2, k.log_ratio] {
                assert!(v.is_finite(), "{table:?} -> {k:?}");
            }
            assert!((0.0..=1.0).contains(&k.p_chi2) && (0.0..=1.0).contains(&k.p_g2));
        }
        assert_eq!(keyness(t(max, max, 0, 0)).target_total, max);
    }

    #[test]
    fn from_totals_derives_the_other_cells() {
        assert_eq!(
            Table2x2::from_totals(10, 100, 20, 400),
            Some(t(10, 90, 20, 380))
        );
        assert_eq!(Table2x2::from_totals(0, 0, 0, 0), Some(t(0, 0, 0, 0)));
        assert_eq!(Table2x2::from_totals(11, 10, 0, 5), None);
        assert_eq!(Table2x2::from_totals(1, 10, 6, 5), None);
    }

    #[test]
    fn serializes_with_field_names() {
        let json = serde_json::to_value(keyness(t(10, 90, 20, 380))).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "chi2",
            "p_chi2",
            "g2",
            "p_g2",
            "log_ratio",
            "n_target",
            "n_reference",
            "target_total",
            "reference_total",
        ] {
            assert!(keys.contains(&key), "missing {key} in {json}");
        }
        assert_eq!(json["log_ratio"], 1.0);
    }

    #[test]
    fn bonferroni_multiplies_and_caps() {
        assert_close("0.01 x 3", bonferroni(0.01, 3), 0.03, 1e-15);
        assert_eq!(bonferroni(0.4, 3), 1.0);
        assert_eq!(bonferroni(0.02, 1), 0.02);
        assert_eq!(bonferroni(0.02, 0), 0.02);
        assert_eq!(bonferroni(0.0, 1000), 0.0);
        assert!(bonferroni(f64::NAN, 3).is_nan());
    }

    // Holm by hand: p = [0.01, 0.04, 0.03, 0.005], m = 4.
    //   sorted: 0.005 (#3) * 4 = 0.02; 0.01 (#0) * 3 = 0.03; 0.03 (#2) * 2 = 0.06;
    //           0.04 (#1) * 1 = 0.04 -> raised to 0.06 by monotonicity.
    //   back in input order: [0.03, 0.06, 0.06, 0.02].
    #[test]
    fn holm_hand_example() {
        let got = holm(&[0.01, 0.04, 0.03, 0.005]);
        for (g, e) in got.iter().zip([0.03, 0.06, 0.06, 0.02]) {
            assert_close("holm", *g, e, 1e-12);
        }
    }

    #[test]
    fn holm_caps_ties_and_edges() {
        // 0.3 * 2 = 0.6, then 0.5 * 1 = 0.5 -> 0.6; 0.6 * 2 = 1.2 -> 1.
        assert_eq!(holm(&[0.5, 0.3]), vec![0.6, 0.6]);
        assert_eq!(holm(&[0.6, 0.7]), vec![1.0, 1.0]);
        // Ties: both 0.01, m = 3: 0.03, then 0.02 -> 0.03; 0.2 * 1 = 0.2.
        let got = holm(&[0.01, 0.2, 0.01]);
        for (g, e) in got.iter().zip([0.03, 0.2, 0.03]) {
            assert_close("ties", *g, e, 1e-12);
        }
        assert_eq!(holm(&[]), Vec::<f64>::new());
        assert_eq!(holm(&[0.2]), vec![0.2]);
        // NaN stays NaN and does not count: m = 2.
        let got = holm(&[0.01, f64::NAN, 0.04]);
        assert!(got[1].is_nan());
        assert_close("nan m", got[0], 0.02, 1e-12);
        assert_close("nan m", got[2], 0.04, 1e-12);
        // Holm never exceeds Bonferroni and never falls below the raw p-value.
        let ps = [0.001, 0.2, 0.03, 0.04, 0.5];
        for (adj, p) in holm(&ps).iter().zip(ps) {
            assert!(*adj >= p && *adj <= bonferroni(p, ps.len()));
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn counts() -> impl Strategy<Value = u64> {
            prop_oneof![0..20u64, 0..100_000u64, Just(0u64), 0..u64::MAX]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2048))]
            #[test]
            fn finite_symmetric_and_in_range(a in counts(), b in counts(), c in counts(), d in counts()) {
                let k = keyness(t(a, b, c, d));
                for v in [k.chi2, k.p_chi2, k.g2, k.p_g2, k.log_ratio] {
                    prop_assert!(v.is_finite(), "{:?}", k);
                }
                prop_assert!((0.0..=1.0).contains(&k.p_chi2) && (0.0..=1.0).contains(&k.p_g2));
                // Sign agrees across measures (chi2 may be floored to 0).
                prop_assert!(k.chi2 * k.g2 >= 0.0, "{:?}", k);
                if (a > 0 && c > 0) || k.chi2 != 0.0 {
                    prop_assert!(k.g2 * k.log_ratio >= 0.0, "{:?}", k);
                }
                if a.max(b).max(c).max(d) <= 100_000 && k.g2 != 0.0 {
                    // The plain sum of O ln(O/E) is accurate at these sizes.
                    let (af, bf, cf, df) = (a as f64, b as f64, c as f64, d as f64);
                    let n = af + bf + cf + df;
                    let term = |o: f64, e: f64| if o == 0.0 { 0.0 } else { o * (o / e).ln() };
                    let (r1, r2, c1, c2) = (af + bf, cf + df, af + cf, bf + df);
                    let g2 = 2.0 * (term(af, r1 * c1 / n) + term(bf, r1 * c2 / n)
                        + term(cf, r2 * c1 / n) + term(df, r2 * c2 / n));
                    let q = 1.0 + (n / r1 + n / r2 - 1.0) * (n / c1 + n / c2 - 1.0) / (6.0 * n);
                    prop_assert!(
                        (k.g2.abs() - g2 / q).abs() <= 1e-9 * (g2 / q) + 1e-9,
                        "{:?}: plain sum {}", k, g2 / q
                    );
                }
                let s = keyness(t(c, d, a, b));
                prop_assert_eq!(s.chi2, -k.chi2);
                prop_assert!(close(s.g2, -k.g2, 1e-12), "{:?} {:?}", k, s);
                prop_assert!(close(s.log_ratio, -k.log_ratio, 1e-12), "{:?} {:?}", k, s);
            }
        }
    }
}
