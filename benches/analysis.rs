//! Benchmarks of the per-article analysis: `cargo bench --bench analysis`.
//!
//! `lexicon_compile` builds an [`Analyzer`] from the bundled lexicons; `analyze_14` runs
//! [`Analyzer::analyze`] over the 14 bundled articles (samples/ and tests/fixtures/wire/), with
//! throughput in bytes of article text.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framelens::{Analyzer, Lexicon};

mod common;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("lexicon_compile", |b| {
        b.iter(|| Analyzer::new(Lexicon::bundled().unwrap()).unwrap())
    });
    let analyzer = Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
    let arts = common::bundled_articles();
    let total: usize = arts.iter().map(|(_, t)| t.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(20);
    g.bench_function("analyze_14", |b| {
        b.iter(|| {
            for (name, text) in &arts {
                black_box(analyzer.analyze(name, text));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
