"""Corpus summaries on a real Dask cluster (a scheduler and worker processes) are the command
line's, byte for byte, also when a worker is killed in the middle of the run."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import framelens  # noqa: E402
import framelens.dask  # noqa: E402


def write_shards(root, folder, copies=1, shards=4):
    """The samples and the gold sets' articles as JSONL shards, sources and dates in fields; one
    bad line (not JSON) and one record with no text among them."""
    paths = sorted((root / "samples").glob("*.txt"))
    for d in ["wire", "newset", "newset2", "newset3"]:
        paths += sorted((root / "tests" / "fixtures" / d).glob("*.txt"))
    lines = []
    for c in range(copies):
        for i, p in enumerate(paths):
            r = {
                "id": f"{p.parent.name}/{p.stem}/{c}",
                "source": p.stem.split("_")[1] if "_" in p.stem else p.parent.name,
                "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "text": p.read_text(encoding="utf-8"),
            }
            lines.append(json.dumps(r, ensure_ascii=False))
    lines.insert(3, "{not json")
    lines.insert(7, json.dumps({"id": "empty", "source": "wire"}))
    folder.mkdir()
    for s in range(shards):
        (folder / f"shard-{s}.jsonl").write_text(
            "".join(l + "\n" for l in lines[s::shards]), encoding="utf-8"
        )
    return sorted(folder.glob("*.jsonl"))


def cli_summary(cli, folder, tmp_path):
    out = tmp_path / "cli-summary.json"
    r = subprocess.run(
        [cli, "corpus", "-q", str(folder), "--summary", str(out)], capture_output=True
    )
    assert r.returncode == 6, r.stderr  # a run that skipped records
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        with Client(cluster) as c:
            yield c


def test_a_dask_summary_is_the_command_lines_byte_for_byte(client, cli, root, tmp_path):
    folder = tmp_path / "shards"
    write_shards(root, folder)
    want = cli_summary(cli, folder, tmp_path)
    lines = db.read_text(str(folder / "*.jsonl"), blocksize="16KiB")
    assert lines.npartitions > 4
    got = framelens.dask.corpus_summary(lines)
    assert got.to_json() == want
    assert json.loads(want)["skipped"] == {"invalid_json": 1, "missing_text": 1}


def test_a_dask_dataframe_of_records_gives_the_same_summary(client, cli, root, tmp_path):
    folder = tmp_path / "shards"
    shards = write_shards(root, folder)
    rows = []
    for p in shards:
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    # The bad line is not in the frame, so the command line reads the same rows.
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "all.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    want = cli_summary(cli, clean, tmp_path)
    frame = dd.from_pandas(pd.DataFrame(rows), npartitions=5)
    assert framelens.dask.corpus_summary(frame).to_json() == want


def test_a_worker_killed_mid_run_changes_nothing(client, cli, root, tmp_path):
    folder = tmp_path / "shards"
    write_shards(root, folder, copies=12, shards=6)
    want = cli_summary(cli, folder, tmp_path)
    lines = db.read_text(str(folder / "*.jsonl"), blocksize="64KiB")
    an = framelens.Analyzer()
    total = lines.reduction(
        lambda part: framelens.dask.summarize_partition(part, an),
        framelens.dask.merge_summaries,
    )
    future = client.compute(total)
    pids = client.run(os.getpid)
    # Wait until the run is under way, then kill one worker process outright.
    deadline = time.time() + 60
    while time.time() < deadline:
        processing = client.processing()
        if any(processing.values()):
            break
        time.sleep(0.01)
    assert not future.done(), "the run ended before a worker could be killed"
    # The victim is a worker that holds a task at this moment.
    busy = [w for w, keys in client.processing().items() if keys] or list(pids)
    victim = pids[sorted(busy)[0]]
    os.kill(victim, signal.SIGKILL)
    got = future.result(timeout=300)
    assert got == want
    # The worker really died, and the nanny started another.
    assert victim not in client.run(os.getpid).values()


def test_the_example_writes_the_command_lines_summary(cli, root, tmp_path):
    folder = tmp_path / "shards"
    write_shards(root, folder)
    want = cli_summary(cli, folder, tmp_path)
    out = tmp_path / "summary.json"
    r = subprocess.run(
        [
            sys.executable,
            str(root / "examples" / "dask_corpus.py"),
            str(folder / "*.jsonl"),
            str(out),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == want
    assert "articles from" in r.stdout


def test_records_with_no_source_count_under_their_file_as_on_the_command_line(
    client, cli, root, tmp_path
):
    folder = tmp_path / "shards"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "samples").glob("*.txt"))]
    for name, text in zip(["agency", "wire"], texts):
        (folder / f"{name}.jsonl").write_text(
            json.dumps({"id": name, "text": text}) + "\n", encoding="utf-8"
        )
    want = tmp_path / "want.json"
    subprocess.run([cli, "corpus", "-q", str(folder), "--summary", str(want)], check=True)
    lines = db.read_text(str(folder / "*.jsonl"), include_path=True)
    got = framelens.dask.corpus_summary(lines)
    assert got.sources == ["agency", "wire"]
    assert got.to_json() == want.read_text(encoding="utf-8")


def test_more_sources_than_allowed_stop_the_run(client):
    records = db.from_sequence(
        [{"source": f"s{i}", "text": "The rebels advanced."} for i in range(6)], npartitions=3
    )
    with pytest.raises(ValueError, match="6 sources, more than max_sources=4"):
        framelens.dask.corpus_summary(records, max_sources=4)
