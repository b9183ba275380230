#!/usr/bin/env bash
# Benchmark of the whole `framelens corpus` command on synthetic corpora.
#
# Usage: bench/corpus.sh [WORKDIR]      (from anywhere; default WORKDIR: ${TMPDIR:-/tmp}/framelens-bench)
#
#   - builds the release binary and the two generator examples once;
#   - generates, or reuses if present in WORKDIR, the corpora corpus-10MB.jsonl and
#     corpus-100MB.jsonl (4 sources, seed 1, examples/gen_corpus.rs) and the lexicons
#     labels-200.yaml and labels-20000.yaml (examples/gen_lexicon.rs);
#   - runs `framelens corpus CORPUS [LEXICON FLAGS] --summary OUT.json --quiet` three times
#     under /usr/bin/time for each corpus and lexicon configuration:
#       default   the bundled lexicons
#       +20k      the bundled lexicons and labels-20000.yaml
#       200only   --no-default-lexicons with lexicons/actors.yaml and labels-200.yaml
#     and prints corpus MB, lexicon, median and fastest seconds with their MB/s (title + text
#     bytes / s), peak RSS MB, and the median share of CPU time the host stole during a run
#     (from /proc/stat; on a shared virtual machine read the fastest run as well as the median);
#   - times start-up + lexicon compile: median of 20 runs of `framelens score` on a one-line
#     article (hyperfine if installed, else a bash loop);
#   - times a matching-only reference: rg -o -i -w -F -f terms.txt over the titles and texts
#     (corpus-NMB.txt, extracted with jq or python3), if rg exists.
#
# Environment: RUNS (default 3), SIZES (default "10 100", in MB), SKIP_RG=1, FRAMELENS (the
# binary to time, default target/release/framelens; it is still built).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/framelens-bench}"
RUNS="${RUNS:-3}"
SIZES="${SIZES:-10 100}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${FRAMELENS:-$CARGO_TARGET_DIR/release/framelens}"
EX="$CARGO_TARGET_DIR/release/examples"
mkdir -p "$WORK"

if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 1
fi

echo "== build (release)" >&2
(cd "$ROOT" && cargo build --release --quiet --bin framelens --example gen_corpus --example gen_lexicon)

# --- data ------------------------------------------------------------------------------------
for mb in $SIZES; do
    c="$WORK/corpus-${mb}MB.jsonl"
    if [[ ! -s "$c" || ! -s "$c.meta" ]]; then
        echo "== generating $c" >&2
        "$EX/gen_corpus" --bytes "${mb}MB" --sources 4 --seed 1 --out "$c" 2> "$c.meta"
        cat "$c.meta" >&2
    fi
done
for n in 200 20000; do
    l="$WORK/labels-$n.yaml"
    if [[ ! -s "$l" ]]; then
        echo "== generating $l" >&2
        "$EX/gen_lexicon" --terms "$n" --seed 1 --out "$l"
    fi
done

text_bytes() { sed -n 's/.*text_bytes=\([0-9]*\).*/\1/p' "$1.meta"; }

# --- the corpus command ------------------------------------------------------------------------
if ! "$BIN" corpus --help > /dev/null 2>&1; then
    echo "error: '$BIN corpus' is not available (this build has no corpus subcommand);" >&2
    echo "       the data is ready in $WORK: re-run this script on a branch that has it." >&2
    exit 3
fi

# median of the numbers on standard input
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }

# "steal total" jiffies of all CPUs, from /proc/stat (0 0 where there is none): on a shared
# virtual machine the host takes part of the CPU ("steal"), which slows a run without showing in
# its user time, so each run reports the share stolen while it ran.
cpu_jiffies() {
    if [[ -r /proc/stat ]]; then
        awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print $9, t; exit}' /proc/stat
    else
        echo 0 0
    fi
}
steal_percent() { # BEFORE_STEAL BEFORE_TOTAL AFTER_STEAL AFTER_TOTAL
    awk -v s0="$1" -v t0="$2" -v s1="$3" -v t1="$4" \
        'BEGIN {d = t1 - t0; printf "%.0f", (d > 0 ? 100 * (s1 - s0) / d : 0)}'
}

declare -A LEXFLAGS=(
    [default]=""
    [+20k]="--lexicon $WORK/labels-20000.yaml"
    [200only]="--no-default-lexicons --lexicon $ROOT/lexicons/actors.yaml --lexicon $WORK/labels-200.yaml"
)
CONFIGS=(default +20k 200only)

rows=()
for mb in $SIZES; do
    c="$WORK/corpus-${mb}MB.jsonl"
    bytes="$(text_bytes "$c")"
    for cfg in "${CONFIGS[@]}"; do
        secs=(); rss=(); steals=()
        for ((i = 1; i <= RUNS; i++)); do
            out="$WORK/summary-${mb}MB-$cfg.json"
            read -r st0 tt0 < <(cpu_jiffies)
            # shellcheck disable=SC2086
            if ! /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
                "$BIN" corpus "$c" ${LEXFLAGS[$cfg]} --summary "$out" --quiet > /dev/null 2> "$WORK/stderr.txt"; then
                echo "error: framelens corpus failed on $c ($cfg):" >&2
                cat "$WORK/stderr.txt" >&2
                exit 1
            fi
            read -r st1 tt1 < <(cpu_jiffies)
            read -r s k < <(tail -n 1 "$WORK/time.txt")
            st="$(steal_percent "$st0" "$tt0" "$st1" "$tt1")"
            secs+=("$s"); rss+=("$k"); steals+=("$st")
            echo "   ${mb}MB $cfg run $i: ${s}s, $((k / 1024)) MB, ${st}% stolen" >&2
        done
        med="$(printf '%s\n' "${secs[@]}" | median)"
        fastest="$(printf '%s\n' "${secs[@]}" | sort -g | head -n 1)"
        peak="$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)"
        steal="$(printf '%s\n' "${steals[@]}" | median)"
        rows+=("$(awk -v b="$bytes" -v s="$med" -v f="$fastest" -v k="$peak" -v c="$cfg" -v st="$steal" \
            'BEGIN {printf "%9.1f  %-8s  %9.2f  %8.1f  %9.2f  %10.1f  %11.0f  %8s", b/1e6, c, s, (s > 0 ? b/1e6/s : 0), f, (f > 0 ? b/1e6/f : 0), k/1024, st}')")
    done
done

echo
echo "corpus MB  lexicon   median s      MB/s  fastest s  fastest MB/s  peak RSS MB  stolen %"
printf '%s\n' "${rows[@]}"

# --- start-up + lexicon compile --------------------------------------------------------------------
tiny="$WORK/tiny.txt"
echo "Rebels and militants clash near the town, officials said" > "$tiny"
echo
if command -v hyperfine > /dev/null 2>&1; then
    hyperfine --warmup 3 --runs 20 --export-json "$WORK/startup.json" --style none \
        "$BIN score $tiny" > /dev/null
    startup="$(sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$WORK/startup.json" | head -n 1)"
    awk -v s="$startup" 'BEGIN {printf "start-up + lexicon compile (score, bundled lexicons, hyperfine): median %.1f ms of 20\n", s*1000}'
else
    t=()
    for ((i = 0; i < 20; i++)); do
        a=$(date +%s%N); "$BIN" score "$tiny" > /dev/null; b=$(date +%s%N)
        t+=("$(((b - a) / 1000))")
    done
    med="$(printf '%s\n' "${t[@]}" | median)"
    awk -v s="$med" 'BEGIN {printf "start-up + lexicon compile (score, bundled lexicons, bash loop): median %.1f ms of 20\n", s/1000}'
fi

# --- matching-only reference -------------------------------------------------------------------------
if [[ -z "${SKIP_RG:-}" ]] && command -v rg > /dev/null 2>&1; then
    terms="$WORK/terms.txt"
    # Label forms of the bundled lexicon, one a line; globs lose their '*' (rg -F has no globs).
    grep -E '^    forms: \[' "$ROOT/lexicons/conflict-labels.yaml" \
        | sed -e 's/^    forms: \[//' -e 's/\]$//' | sed 's/, /\n/g' \
        | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/" -e 's/\*$//' | sort -u > "$terms"
    echo
    echo "reference: rg -o -i -w -F -f terms.txt ($(wc -l < "$terms") bundled label forms), matching only"
    for mb in $SIZES; do
        c="$WORK/corpus-${mb}MB.jsonl"
        bytes="$(text_bytes "$c")"
        txt="$WORK/corpus-${mb}MB.txt"
        if [[ ! -s "$txt" ]]; then
            if command -v jq > /dev/null 2>&1; then
                jq -r '.title, .text' "$c" > "$txt"
            else
                python3 -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l); print(r["title"]); print(r["text"])' "$c" > "$txt"
            fi
        fi
        secs=()
        for ((i = 1; i <= RUNS; i++)); do
            /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
                bash -c "rg -o -i -w -F -f '$terms' '$txt' | wc -l > '$WORK/rg-count.txt'"
            read -r s _ < <(tail -n 1 "$WORK/time.txt")
            secs+=("$s")
        done
        med="$(printf '%s\n' "${secs[@]}" | median)"
        awk -v b="$bytes" -v s="$med" -v n="$(cat "$WORK/rg-count.txt")" \
            'BEGIN {printf "%9.1f MB  %9.2f s  %8.1f MB/s  %d matches\n", b/1e6, s, (s > 0 ? b/1e6/s : 0), n}'
    done
fi
