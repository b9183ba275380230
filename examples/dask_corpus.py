"""A corpus summary on a Dask cluster: JSONL shards read by worker processes, each partition
counted by framelens, the counts merged. The result is what `framelens corpus SHARDS --summary`
writes, byte for byte.

    python examples/dask_corpus.py 'shards/*.jsonl' summary.json --workers 4

On a cluster of several machines, connect a Client to its scheduler instead of starting a
LocalCluster (docs/python.md shows dask-jobqueue for Slurm and dask-kubernetes).
"""

import argparse

import dask.bag as db
from dask.distributed import Client, LocalCluster

import framelens
import framelens.dask


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("shards", help="a glob of JSONL files, one record per line")
    p.add_argument("summary", help="where to write the summary JSON")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--lexicon", action="append", default=[], help="a YAML lexicon to add")
    p.add_argument("--blocksize", default="1MiB", help="bytes of JSONL per partition")
    args = p.parse_args()

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster:
        with Client(cluster):
            # The lines as they are, with their file: framelens reads them as the command line
            # does (a bad line is skipped and counted, a record with no source counts under
            # its file's stem), not json.loads on a worker.
            records = db.read_text(args.shards, blocksize=args.blocksize, include_path=True)
            summary = framelens.dask.corpus_summary(records, lexicons=args.lexicon)
    with open(args.summary, "w", encoding="utf-8") as f:
        f.write(summary.to_json())
    print(f"{summary.articles} articles from {records.npartitions} partitions -> {args.summary}")


if __name__ == "__main__":
    main()
