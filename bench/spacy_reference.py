"""Matching-only reference for docs/performance.md: spaCy's PhraseMatcher over a JSONL corpus.

Usage: python3 bench/spacy_reference.py TERMS.txt CORPUS.jsonl [PROCESSES]

TERMS.txt holds one label form a line (bench/corpus.sh writes it from the bundled lexicon).
Each record's title and text are tokenised by a blank English pipeline (tokenizer only: no
tagger, parser or entity recogniser) and matched case-insensitively on the LOWER attribute.
Prints bytes of text, seconds, MB/s and the number of matches. Needs `pip install spacy`.
"""

import json
import sys
import time

import spacy
from spacy.matcher import PhraseMatcher


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for field in ("title", "text"):
                if r.get(field):
                    yield r[field]


def main():
    terms_path, corpus_path = sys.argv[1], sys.argv[2]
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    nlp = spacy.blank("en")
    nlp.max_length = 10_000_000
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    with open(terms_path, encoding="utf-8") as f:
        terms = [t.strip() for t in f if t.strip()]
    matcher.add("LABEL", list(nlp.tokenizer.pipe(terms)))
    docs = list(texts(corpus_path))
    size = sum(len(t.encode("utf-8")) for t in docs)
    started = time.perf_counter()
    matches = 0
    for doc in nlp.pipe(docs, batch_size=256, n_process=processes):
        matches += len(matcher(doc))
    secs = time.perf_counter() - started
    print(f"spaCy {spacy.__version__} PhraseMatcher, {len(terms)} forms, {processes} process(es): "
          f"{size / 1e6:.1f} MB in {secs:.2f} s = {size / 1e6 / secs:.2f} MB/s, {matches} matches")


if __name__ == "__main__":
    main()
