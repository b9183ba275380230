"""Corpus summaries on Dask: each partition of records becomes a :class:`framelens.Summary` on a
worker, and the partial summaries are merged, as ``framelens merge`` merges files.

    >>> from dask.distributed import Client, LocalCluster
    >>> import dask.bag as db
    >>> client = Client(LocalCluster(n_workers=4, processes=True))
    >>> records = db.read_text("shards/*.jsonl", include_path=True)   # read by framelens
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

from pathlib import PurePath

from . import Analyzer, LexiconSource, Summary

# The command line's --max-sources default.
DEFAULT_MAX_SOURCES = 10_000

__all__ = ["corpus_summary", "summarize_partition", "merge_summaries"]


def summarize_partition(
    records: Iterable[Any], analyzer: Analyzer, max_sources: int = DEFAULT_MAX_SOURCES
) -> str:
    """The summary of one partition's records, as JSON text (cheap to send between processes).

    Records are dicts or JSONL lines; lines read with ``dask.bag.read_text(...,
    include_path=True)`` come as ``(line, path)`` pairs, and a record with no source then counts
    under the file's stem, as ``framelens corpus`` counts it. Without a path such a record
    counts under "partition"."""
    items = list(records)
    name = "partition"
    if items and isinstance(items[0], tuple):
        name = PurePath(items[0][1]).stem
        items = [line for line, _ in items]
    return analyzer.summarize(items, name=name, max_sources=max_sources).to_json()


def merge_summaries(parts: Sequence[str], max_sources: int = DEFAULT_MAX_SOURCES) -> str:
    """The partial summaries (JSON text) added up, in order, as JSON text. More than
    ``max_sources`` sources in all raise ``ValueError``, as the command line stops."""
    out: Optional[Summary] = None
    for p in parts:
        s = Summary.from_json(p)
        out = s if out is None else out + s
    if out is None:
        raise ValueError("no summaries to merge")
    if len(out.sources) > max_sources:
        raise ValueError(
            f"the records name {len(out.sources)} sources, more than max_sources={max_sources} "
            "(the summary's memory grows with them)"
        )
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
    max_sources: int = DEFAULT_MAX_SOURCES,
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
    worker process. Records with no ``source`` count as ``framelens corpus`` counts them only
    when their lines are read with ``read_text(..., include_path=True)`` (see
    ``summarize_partition``). More than ``max_sources`` sources raise ``ValueError``.
    """
    an = analyzer if analyzer is not None else Analyzer(lexicons, defaults)
    bag = _records_bag(data)
    total = bag.reduction(
        lambda part: summarize_partition(part, an, max_sources),
        lambda parts: merge_summaries(parts, max_sources),
        split_every=split_every,
    )
    return Summary.from_json(total.compute())


def partial_summaries(data: Any, analyzer: Analyzer) -> List[str]:
    """Each partition's summary (JSON text), in partition order: for inspecting a run."""
    bag = _records_bag(data)
    return bag.map_partitions(lambda part: [summarize_partition(part, analyzer)]).compute()
