#!/usr/bin/env bash
# Benchmark of the whole `framelens corpus` command on synthetic corpora, with matching-only
# references, as one table from one run.
#
# Usage: bench/corpus.sh [WORKDIR]      (from anywhere; default WORKDIR: ${TMPDIR:-/tmp}/framelens-bench)
#
#   - builds the release binary and the two generator examples once;
#   - generates, or reuses if present in WORKDIR, the corpora corpus-NMB-DENSITY.jsonl (4
#     sources, seed 1, examples/gen_corpus.rs) for each size and density: `dense` (about 40
#     loaded terms per 1,000 words) and `realistic` (about 10); and the lexicons
#     labels-200.yaml and labels-20000.yaml (examples/gen_lexicon.rs);
#   - on each corpus, runs every configuration once per round, RUNS rounds, so that the
#     configurations alternate and a slow minute of the host falls on all of them:
#       default   framelens corpus, the bundled lexicons
#       +20k      framelens corpus, the bundled lexicons and labels-20000.yaml
#       200only   framelens corpus, --no-default-lexicons with lexicons/actors.yaml and labels-200.yaml
#       rg        rg -o -i -w -F -f terms.txt over the titles and texts (corpus-NMB-DENSITY.txt):
#                 matching alone, the bundled label forms; skipped without rg or with SKIP_RG=1
#       spacy     bench/spacy_reference.py: spaCy's tokenizer and PhraseMatcher with the same
#                 forms, one process; skipped when python3 cannot import spacy or SKIP_SPACY=1
#     (PYTHON names the interpreter, default python3);
#   - prints one table: corpus MB, density, configuration, median and fastest seconds with their
#     MB/s (title + text bytes / s), peak RSS MB, and the median share of CPU time the host stole
#     during a run (from /proc/stat; on a shared virtual machine read the fastest run as well);
#   - times start-up + lexicon compile: median of 20 runs of `framelens score` on a one-line
#     article (hyperfine if installed, else a bash loop).
#
# Environment: RUNS (default 3), SIZES (default "10 100", in MB), DENSITIES (default "dense
# realistic"), SKIP_RG=1, SKIP_SPACY=1, PYTHON, FRAMELENS (the binary to time, default
# target/release/framelens; it is still built).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/framelens-bench}"
RUNS="${RUNS:-3}"
SIZES="${SIZES:-10 100}"
DENSITIES="${DENSITIES:-dense realistic}"
PYTHON="${PYTHON:-python3}"
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
    for density in $DENSITIES; do
        c="$WORK/corpus-${mb}MB-$density.jsonl"
        if [[ ! -s "$c" || ! -s "$c.meta" ]]; then
            echo "== generating $c" >&2
            "$EX/gen_corpus" --bytes "${mb}MB" --sources 4 --seed 1 --density "$density" \
                --out "$c" 2> "$c.meta"
            cat "$c.meta" >&2
        fi
    done
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

# The references match the label forms of the bundled conflict-labels.yaml (not the French file's
# nor the actor names), one a line; globs lose their '*' (rg -F and the PhraseMatcher have no
# globs).
terms="$WORK/terms.txt"
grep -E '^    forms: \[' "$ROOT/lexicons/conflict-labels.yaml" \
    | sed -e 's/^    forms: \[//' -e 's/\]$//' | sed 's/, /\n/g' \
    | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/" -e 's/\*$//' | sort -u > "$terms"
if [[ -z "${SKIP_RG:-}" ]] && command -v rg > /dev/null 2>&1; then
    CONFIGS+=(rg)
else
    echo "note: no rg row (SKIP_RG is set or rg is not installed)" >&2
fi
if [[ -z "${SKIP_SPACY:-}" ]] && "$PYTHON" -c 'import spacy' > /dev/null 2>&1; then
    CONFIGS+=(spacy)
else
    echo "note: no spacy row (SKIP_SPACY is set or $PYTHON cannot import spacy)" >&2
fi

# The titles and texts of a corpus as plain text, one field a line, for rg.
plain_text() {
    local c="$1" txt="${1%.jsonl}.txt"
    if [[ ! -s "$txt" ]]; then
        if command -v jq > /dev/null 2>&1; then
            jq -r '.title, .text' "$c" > "$txt"
        else
            "$PYTHON" -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l); print(r["title"]); print(r["text"])' "$c" > "$txt"
        fi
    fi
    echo "$txt"
}

# One timed run of configuration $2 on corpus $1; "seconds maxrss_kb" is left in time.txt.
run_once() {
    local c="$1" cfg="$2"
    case "$cfg" in
        rg)
            # rg exits 1 when nothing matches.
            /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
                rg -o -i -w -F -f "$terms" "$(plain_text "$c")" > "$WORK/rg-out.txt" \
                || [[ $? -eq 1 ]]
            ;;
        spacy)
            /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
                "$PYTHON" "$ROOT/bench/spacy_reference.py" "$terms" "$c" > "$WORK/spacy-out.txt"
            ;;
        *)
            # shellcheck disable=SC2086
            if ! /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
                "$BIN" corpus "$c" ${LEXFLAGS[$cfg]} --summary "$WORK/summary.json" --quiet \
                > /dev/null 2> "$WORK/stderr.txt"; then
                echo "error: framelens corpus failed on $c ($cfg):" >&2
                cat "$WORK/stderr.txt" >&2
                exit 1
            fi
            ;;
    esac
}

rows=()
for mb in $SIZES; do
    for density in $DENSITIES; do
        c="$WORK/corpus-${mb}MB-$density.jsonl"
        bytes="$(text_bytes "$c")"
        [[ " ${CONFIGS[*]} " == *" rg "* ]] && plain_text "$c" > /dev/null
        declare -A secs=() rss=() steals=()
        for ((i = 1; i <= RUNS; i++)); do
            for cfg in "${CONFIGS[@]}"; do
                read -r st0 tt0 < <(cpu_jiffies)
                run_once "$c" "$cfg"
                read -r s k < <(tail -n 1 "$WORK/time.txt")
                read -r st1 tt1 < <(cpu_jiffies)
                st="$(steal_percent "$st0" "$tt0" "$st1" "$tt1")"
                secs[$cfg]+="$s "; rss[$cfg]+="$k "; steals[$cfg]+="$st "
                echo "   ${mb}MB $density $cfg run $i: ${s}s, $((k / 1024)) MB, ${st}% stolen" >&2
            done
        done
        for cfg in "${CONFIGS[@]}"; do
            med="$(printf '%s\n' ${secs[$cfg]} | median)"
            fastest="$(printf '%s\n' ${secs[$cfg]} | sort -g | head -n 1)"
            peak="$(printf '%s\n' ${rss[$cfg]} | sort -n | tail -n 1)"
            steal="$(printf '%s\n' ${steals[$cfg]} | median)"
            rows+=("$(awk -v b="$bytes" -v s="$med" -v f="$fastest" -v k="$peak" -v c="$cfg" \
                -v d="$density" -v st="$steal" \
                'BEGIN {printf "%9.1f  %-9s  %-8s  %9.2f  %8.1f  %9.2f  %12.1f  %11.0f  %8s", b/1e6, d, c, s, (s > 0 ? b/1e6/s : 0), f, (f > 0 ? b/1e6/f : 0), k/1024, st}')")
        done
        unset secs rss steals
    done
done

echo
echo "framelens corpus (default, +20k, 200only: the whole analysis, all cores) and matching alone"
echo "(rg: the $(wc -l < "$terms") label forms of conflict-labels.yaml, one file; spacy: the same forms, one process)"
echo "corpus MB  density    config    median s      MB/s  fastest s  fastest MB/s  peak RSS MB  stolen %"
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

