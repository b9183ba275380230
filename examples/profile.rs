//! Runs `Analyzer::analyze` over the 14 bundled articles (samples/ and tests/fixtures/wire/)
//! ROUNDS times, for profilers: `cargo build --release --example profile`, then
//! `perf record -g target/release/examples/profile 200` or
//! `valgrind --tool=callgrind target/release/examples/profile 5`.
//! Prints the analysis throughput (wall clock, after building the analyzer).

use std::time::Instant;

use framelens::{Analyzer, Lexicon};

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map_or(50, |a| a.parse().expect("ROUNDS is a number"));
    let arts = common::bundled_articles();
    let analyzer = Analyzer::new(Lexicon::bundled().expect("bundled lexicons")).expect("compiles");
    let bytes: usize = arts.iter().map(|(_, t)| t.len()).sum();
    let t = Instant::now();
    let mut hits = 0;
    for _ in 0..rounds {
        for (name, text) in &arts {
            hits += analyzer.analyze(name, text).hits.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {bytes} bytes, {rounds} rounds: {:.3} s, {:.2} MB/s ({hits} hits)",
        arts.len(),
        secs,
        (bytes * rounds) as f64 / secs / 1e6
    );
}
