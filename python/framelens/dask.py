"""Corpus summaries on Dask: each partition of records becomes a :class:`framelens.Summary` on a
worker, and the partial summaries are merged, as ``framelens merge`` merges files.

    >>> from dask.distributed import Client, LocalCluster
    >>> import dask.bag as db
    >>> client = Client(LocalCluster(n_workers=4, processes=True))
    >>> records = db.read_text("shards/*.jsonl")   # JSONL lines, read by framelens
    >>> summary = framelens.dask.corpus_summary(records)
    >>> open("summary.json", "w").write(summary.to_json())

The result is the summary ``framelens corpus --summary`` writes for the same records, byte for
byte, however the records are partitioned: every count is a sum, and merging is exact. A
partition whose worker dies is computed again by Dask, so a lost worker changes nothing.

What it does not do: start a cluster (use ``LocalCluster``, dask-jobqueue or dask-kubernetes),
read files (``dask.bag.read_text``, ``dask.dataframe.read_json``), or write the hits of each
article (use ``framelens corpus --hits`` per shard for that).
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Sequence

from . import Analyzer, LexiconSource, Summary

__all__ = ["corpus_summary", "summarize_partition", "merge_summaries"]


def summarize_partition(records: Iterable[dict], analyzer: Analyzer) -> str:
    """The summary of one partition's records, as JSON text (cheap to send between
    processes)."""
    return analyzer.summarize(records, name="partition").to_json()


def merge_summaries(parts: Sequence[str]) -> str:
    """The partial summaries (JSON text) added up, in order, as JSON text."""
    out: Optional[Summary] = None
    for p in parts:
        s = Summary.from_json(p)
        out = s if out is None else out + s
    if out is None:
        raise ValueError("no summaries to merge")
    return out.to_json()


def _records_bag(data: Any):
    """A Dask bag of records from a bag (of dicts or JSONL lines) or a Dask DataFrame (one row a
    record)."""
    import dask.bag as db

    if isinstance(data, db.Bag):
        return data
    to_bag = getattr(data, "to_bag", None)
    if to_bag is None:
        raise TypeError(
            f"corpus_summary takes a dask.bag.Bag of records or a dask DataFrame, not {type(data).__name__}"
        )
    return to_bag(index=False, format="dict")


def corpus_summary(
    data: Any,
    lexicons: Sequence[LexiconSource] = (),
    defaults: bool = True,
    analyzer: Optional[Analyzer] = None,
    split_every: Optional[int] = None,
) -> Summary:
    """The corpus summary of ``data``: a ``dask.bag.Bag`` of record dicts or of JSONL lines
    (``dask.bag.read_text``: a bad line is then skipped and counted, as the command line does),
    or a Dask DataFrame
    whose columns are the record fields (``text``, and ``id``, ``source``, ``date``, ``title``,
    ``story``). Each partition is counted on a worker (``summarize_partition``) and the counts
    are merged in a tree (``merge_summaries``, ``split_every`` at a time). Runs on the current
    Dask scheduler: a ``dask.distributed.Client`` if one is active.

    ``lexicons``/``defaults`` are as for :class:`framelens.Analyzer`, or give an ``analyzer``.
    The analyzer travels to the workers as the text of its lexicons and is compiled once per
    worker process.
    """
    an = analyzer if analyzer is not None else Analyzer(lexicons, defaults)
    bag = _records_bag(data)
    total = bag.reduction(
        lambda part: summarize_partition(part, an),
        merge_summaries,
        split_every=split_every,
    )
    return Summary.from_json(total.compute())


def partial_summaries(data: Any, analyzer: Analyzer) -> List[str]:
    """Each partition's summary (JSON text), in partition order: for inspecting a run."""
    bag = _records_bag(data)
    return bag.map_partitions(lambda part: [summarize_partition(part, analyzer)]).compute()
