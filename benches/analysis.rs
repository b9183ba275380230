//! Benchmarks of the per-article analysis: `cargo bench --bench analysis`.
//!
//! `lexicon_compile` builds an [`Analyzer`] from the bundled lexicons; `analyze_14` runs
//! [`Analyzer::analyze`] over the 14 bundled articles (samples/ and tests/fixtures/wire/), with
//! throughput in bytes of article text.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framelens::{Analyzer, Lexicon};

fn articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["samples", "tests/fixtures/wire"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("article folder")
            .map(|e| e.expect("folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).expect("article");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, text));
        }
    }
    assert_eq!(out.len(), 14, "the bench expects the 14 bundled articles");
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("lexicon_compile", |b| {
        b.iter(|| Analyzer::new(Lexicon::bundled().unwrap()).unwrap())
    });
    let analyzer = Analyzer::new(Lexicon::bundled().unwrap()).unwrap();
    let arts = articles();
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
