#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), one after the other.
# cargo-fuzz needs nightly compiler flags; the stable toolchain accepts them with
# RUSTC_BOOTSTRAP=1, which this script sets. Install cargo-fuzz once: cargo install cargo-fuzz.
# Seeds come from the repository (the sample articles, the wire fixtures, the spellings that
# hide a term from a keyword filter in seeds/analyze, the bundled lexicons and seeds/lexicon_load);
# what libFuzzer adds goes to fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(analyze compare lexicon_load html_extract csv_records)
fi
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/analyze corpus/compare corpus/lexicon_load corpus/html_extract corpus/csv_records
cp ../samples/*.txt ../tests/fixtures/wire/*.txt ../tests/fixtures/newset*/*.txt seeds/analyze/*.txt \
    corpus/analyze/
cp ../samples/*.txt corpus/compare/
# compare reads two articles split at the first NUL byte: pairs of the samples and the wire set.
prev=""
for f in ../samples/*.txt ../tests/fixtures/wire/*.txt; do
    if [[ -n "$prev" ]]; then
        { cat "$prev"; printf '\0'; cat "$f"; } > "corpus/compare/pair-$(basename "$prev" .txt)-$(basename "$f")"
    fi
    prev="$f"
done
cp ../lexicons/*.yaml seeds/lexicon_load/*.yaml corpus/lexicon_load/
cp ../tests/fixtures/html/*.html seeds/html_extract/*.html corpus/html_extract/
cp seeds/csv_records/*.csv corpus/csv_records/
cargo fuzz build -O
for t in "${targets[@]}"; do
    echo "== $t: ${secs} s"
    cargo fuzz run -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
done
