"""Summaries made in Python are the command line's, byte for byte; they merge and pickle; an
analyzer pickles as its lexicons."""

import json
import pickle
import subprocess
import sys

import pytest

import framelens


def sample_records(root):
    a = (root / "samples" / "syria-2024-12_blinken-fidan-call.txt").read_text(encoding="utf-8")
    b = (root / "samples" / "syria-2024-12_putin-erdogan-call.txt").read_text(encoding="utf-8")
    wire = sorted((root / "tests" / "fixtures" / "wire").glob("*.txt"))
    records = [
        {"id": "a", "source": "State", "date": "2024-12-03", "title": a.split("\n")[0], "text": a},
        {"id": "b", "source": "Wire", "date": "2024-12-04", "text": b},
    ]
    for i, p in enumerate(wire):
        records.append(
            {
                "id": p.stem,
                "source": p.stem.split("_")[1],
                "date": f"2025-0{1 + i % 3}-1{i % 10}",
                "text": p.read_text(encoding="utf-8"),
            }
        )
    records.append({"id": "no-text", "source": "Wire"})
    return records


def cli_summary(cli, records, tmp_path, name="c.jsonl"):
    src = tmp_path / name
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    out = tmp_path / "s.json"
    subprocess.run(
        [cli, "corpus", "-q", str(src), "--summary", str(out)], check=False, capture_output=True
    )
    return out.read_text(encoding="utf-8")


def test_a_summary_of_records_is_the_command_lines(cli, root, tmp_path):
    records = sample_records(root)
    s = framelens.Analyzer().summarize(records)
    assert s.to_json() == cli_summary(cli, records, tmp_path)
    assert s.articles == len(records) - 1
    assert len(s.skips) == 1 and "no-text" not in s.skips[0] and "records:" in s.skips[0]
    assert s.to_dict()["skipped"] == {"missing_text": 1}


def test_summaries_of_parts_add_up_to_the_summary_of_the_whole(cli, root, tmp_path):
    records = sample_records(root)
    an = framelens.Analyzer()
    parts = [an.summarize(records[i::3]) for i in range(3)]
    total = parts[0] + parts[1] + parts[2]
    assert total.to_json() == cli_summary(cli, records, tmp_path)
    assert total == an.summarize(records)


def test_a_summary_from_articles_counts_them(root):
    an = framelens.Analyzer()
    arts = [
        an.score(p.read_text(encoding="utf-8")) for p in sorted((root / "samples").glob("*.txt"))
    ]
    s = framelens.Summary.from_articles(arts, source="Samples", date="2024-12-04")
    d = s.to_dict()
    assert d["articles"] == 2
    assert list(d["sources"]) == ["Samples"]
    assert list(d["sources"]["Samples"]) == ["2024-12"]


def test_summaries_pickle_and_read_back(root):
    s = framelens.Analyzer().summarize(sample_records(root)[:3])
    again = pickle.loads(pickle.dumps(s))
    assert again == s and again.to_json() == s.to_json()
    assert framelens.Summary.from_json(s.to_json()) == s


def test_a_bad_summary_is_an_error_that_says_why():
    with pytest.raises(framelens.SummaryError) as e:
        framelens.Summary.from_json('{"format": "framelens-summary"}', name="s.json")
    assert str(e.value).startswith("s.json: ")
    assert isinstance(e.value, ValueError)


MINE = (
    "mine.yaml",
    "categories: [loaded]\nlabels:\n  - {id: gremlins, forms: [gremlins], category: loaded, stance: -2, kind: label}\n",
)


def test_an_analyzer_pickles_as_its_lexicons_and_gives_the_same_hits():
    an = framelens.Analyzer([MINE])
    again = pickle.loads(pickle.dumps(an))
    text = "Officials said gremlins attacked the rebels near Hama."
    assert again.score(text).to_json() == an.score(text).to_json()
    assert "gremlins" in {h.term for h in again.score(text).hits}


def test_a_process_compiles_each_set_of_lexicons_once():
    an = framelens.Analyzer([MINE])
    again = pickle.loads(pickle.dumps(an))
    assert again._native.shares_compiled(an._native)
    assert framelens.Analyzer([MINE])._native.shares_compiled(an._native)
    other = framelens.Analyzer([MINE], defaults=False)
    assert not other._native.shares_compiled(an._native)


def test_an_analyzer_unpickled_in_another_process_gives_the_same_hits(tmp_path):
    an = framelens.Analyzer([MINE])
    text = "Officials said gremlins attacked the rebels near Hama."
    blob = tmp_path / "an.pickle"
    blob.write_bytes(pickle.dumps(an))
    code = (
        "import pickle, sys, json\n"
        f"an = pickle.loads(open({str(blob)!r}, 'rb').read())\n"
        f"print(json.dumps(an.score({text!r}).to_json()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, cwd=tmp_path
    )
    assert json.loads(out.stdout) == an.score(text).to_json()


def test_more_sources_than_allowed_is_an_error():
    records = [
        {"id": str(i), "source": f"outlet {i}", "text": "The rebels advanced."} for i in range(3)
    ]
    with pytest.raises(ValueError) as e:
        framelens.Analyzer().summarize(records, max_sources=2)
    assert "2" in str(e.value) and "source" in str(e.value)
    assert framelens.Analyzer().summarize(records, max_sources=3).articles == 3


def test_articles_comparisons_and_records_pickle(root):
    an = framelens.Analyzer([MINE])
    text = "Officials said gremlins attacked the rebels near Hama."
    art = an.score(text, name="one")
    again = pickle.loads(pickle.dumps(art))
    assert again.to_json() == art.to_json()
    assert again.hits == art.hits and again.text[again.hits[0].start :] == text[art.hits[0].start :]
    assert again.contribution("S") == art.contribution("S")
    rec = art.profile
    assert pickle.loads(pickle.dumps(rec)) == rec
    import copy

    assert copy.deepcopy(art.hits[0]) == art.hits[0]
    c = an.compare(art, an.score("The terrorists attacked, the army said.", name="two"))
    c2 = pickle.loads(pickle.dumps(c))
    assert c2.to_dict() == c.to_dict()
    assert c2.articles[1].name == "two"


def test_odd_record_values_are_read_as_the_command_line_reads_json():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    from decimal import Decimal

    an = framelens.Analyzer()
    text = "The rebels advanced on Hama."
    good = {"id": "a", "source": "S", "text": text}
    odd = [
        {**good, "id": "b", "date": np.float32("nan"), "score": Decimal("1.5")},
        {**good, "id": "c", "extra": np.arange(3), "n": np.int64(4), "blob": b"\xff"},
        {**good, "id": "d", "date": pd.NaT, "x": pd.NA, "when": pd.Timestamp("2024-12-03")},
        json.dumps({**good, "id": "e"}, indent=2),  # one record over several lines
        b'{"id": "f", "source": "S", "text": "The rebels \xff advanced."}',  # not UTF-8
        '{"id": "g", "source": "S", "text": "bad \ud800"}',  # a lone surrogate: not UTF-8
        "{not json\n",
    ]
    s = an.summarize([good] + odd)
    assert s.articles == 5
    assert s.to_dict()["skipped"] == {"invalid_json": 1, "invalid_utf8": 2}
    assert len(s.skips) == 3
    with pytest.raises(TypeError):
        an.summarize(pd.DataFrame([good]))
    with pytest.raises(TypeError):
        an.summarize(good)


def test_threads_asking_for_the_same_lexicons_share_one_compile():
    import threading

    mine = ("threads.yaml", MINE[1].replace("gremlins", "goblins"))
    got = []
    ts = [threading.Thread(target=lambda: got.append(framelens.Analyzer([mine]))) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(a._native.shares_compiled(got[0]._native) for a in got)
