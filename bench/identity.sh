#!/usr/bin/env bash
# Whether two framelens binaries give the same outputs, byte for byte: the check run after every
# change meant to make framelens faster without changing what it finds.
#
# Usage: bench/identity.sh OLD_BINARY NEW_BINARY [WORKDIR]
#        (from anywhere; default WORKDIR: ${TMPDIR:-/tmp}/framelens-identity)
#
# Each binary writes, into WORKDIR/old and WORKDIR/new:
#   - `score --format json` and `score --explain` of every article of samples/ and of the gold
#     sets in tests/fixtures (wire, newset, newset2, newset3), and `score --format json` of those
#     in tests/fixtures/story and tests/fixtures/unlisted;
#   - the gold evals of the four sets, and, when ../shared/data holds them, the gold eval of the
#     samples and the BASIL, NewsWCL50, PolNeAR, SemEval-2023 and SemEval-2025 evals;
#   - `compare` of the two samples in text and JSON, and `attributions --format json` of the wire set;
#   - `corpus --summary --hits` of a 10 MB generated corpus of each density (examples/gen_corpus.rs,
#     seed 1; made once in WORKDIR).
# Then `diff -rq` of the two folders; exit 0 when they are the same, 1 when not. A command that
# fails writes its error into its file, so a failure of one binary only is a difference; one
# that fails alike for both is not, so read the files once when adding a command.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: bench/identity.sh OLD_BINARY NEW_BINARY [WORKDIR]" >&2
    exit 2
fi
OLD="$(realpath "$1")"
NEW="$(realpath "$2")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(realpath -m "${3:-${TMPDIR:-/tmp}/framelens-identity}")"
SHARED="$ROOT/../shared/data"
CARGO_TARGET_DIR="$(realpath -m "${CARGO_TARGET_DIR:-$ROOT/target}")"
export CARGO_TARGET_DIR
mkdir -p "$WORK"

(cd "$ROOT" && cargo build --release --quiet --example gen_corpus)
for density in dense realistic; do
    c="$WORK/corpus-10MB-$density.jsonl"
    if [[ ! -s "$c" ]]; then
        "$CARGO_TARGET_DIR/release/examples/gen_corpus" --bytes 10MB --seed 1 --density "$density" \
            --out "$c" 2> /dev/null
    fi
done

outputs() {
    local B="$1" out="$2"
    rm -rf "$out"
    mkdir -p "$out"
    cd "$ROOT"
    for f in samples/*.txt tests/fixtures/{wire,newset,newset2,newset3}/*.txt; do
        n="$(echo "$f" | tr / _)"
        "$B" score "$f" --format json > "$out/$n.json" 2>&1 || true
        "$B" score "$f" --explain > "$out/$n.explain" 2>&1 || true
    done
    for f in tests/fixtures/story/*.txt tests/fixtures/unlisted/*.txt; do
        [[ -f "$f" ]] || continue
        "$B" score "$f" --format json > "$out/$(echo "$f" | tr / _).json" 2>&1 || true
    done
    for s in wire newset newset2 newset3; do
        "$B" eval --gold "tests/fixtures/$s" --format json > "$out/eval-$s.json" 2>&1 || true
    done
    if [[ -d "$SHARED" ]]; then
        "$B" eval --gold "$SHARED/gold" --articles samples --format json > "$out/eval-samples.json" 2>&1 || true
        "$B" eval --basil "$SHARED/basil-dev" --format json > "$out/basil.json" 2>&1 || true
        "$B" eval --newswcl "$SHARED/newswcl50-dev/newswcl50-even-events.conll" --same-story \
            > "$out/newswcl.txt" 2>&1 || true
        "$B" eval --polnear "$SHARED/polnear-dev" > "$out/polnear.txt" 2>&1 || true
        "$B" eval --semeval-spans "$SHARED/semeval23-spans-dev" > "$out/semeval.txt" 2>&1 || true
        "$B" eval --entity-framing "$SHARED/semeval25-entity-dev" > "$out/entity.txt" 2>&1 || true
    fi
    local a=samples/syria-2024-12_blinken-fidan-call.txt b=samples/syria-2024-12_putin-erdogan-call.txt
    "$B" compare "$a" "$b" > "$out/compare.txt" 2>&1 || true
    "$B" compare "$a" "$b" --format json > "$out/compare.json" 2>&1 || true
    "$B" attributions tests/fixtures/wire/*.txt --format json > "$out/attributions.json" 2>&1 || true
    for density in dense realistic; do
        "$B" corpus "$WORK/corpus-10MB-$density.jsonl" -q --summary "$out/summary-$density.json" \
            --hits "$out/hits-$density.csv" > /dev/null 2>&1 || true
    done
}

outputs "$OLD" "$WORK/old"
outputs "$NEW" "$WORK/new"
if diff -rq "$WORK/old" "$WORK/new"; then
    echo "identical: $(find "$WORK/new" -type f | wc -l) files"
else
    exit 1
fi
