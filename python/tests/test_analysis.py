"""The Python results are the command line's: the same JSON for every bundled article, offsets
that slice the text, rows for pandas, and the errors of bad input."""

import json
import subprocess

import pytest

import framelens
from conftest import bundled_articles


@pytest.fixture(scope="module")
def an():
    return framelens.Analyzer()


@pytest.mark.parametrize("path", bundled_articles(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_bundled_article_gives_the_json_of_the_command_line(an, cli, path):
    out = subprocess.run(
        [cli, "score", str(path), "--format", "json"], capture_output=True, check=True
    )
    want = json.loads(out.stdout)["articles"][0]
    art = an.score(path.read_text(encoding="utf-8"), name=want["name"])
    assert art.to_json() == want
    for h in art.hits:
        assert art.text[h.start : h.end] == h.text
        assert art.text.encode("utf-8")[h.start_byte : h.end_byte].decode("utf-8") == h.text
        assert art.text[h.sentence_start :].startswith(h.sentence_text)


def test_offsets_are_str_indices_in_non_ascii_text(an):
    text = "Ahmed al-Sharaa (أحمد الشرع) told the “rebels” in Damascus that the regime had fallen."
    art = an.score(text, title="Der Präsident — in Damaskus")
    assert art.text.startswith("Der Präsident — in Damaskus\n\n")
    rebels = next(h for h in art.hits if h.text == "rebels")
    assert art.text[rebels.start : rebels.end] == "rebels"
    assert rebels.start_byte > rebels.start  # the Arabic letters take two bytes each


def test_rows_for_pandas_are_one_per_hit_and_actor(an, root):
    art = an.score(
        (root / "samples" / "syria-2024-12_putin-erdogan-call.txt").read_text(encoding="utf-8")
    )
    rows = art.to_dicts()
    assert len(rows) == sum(max(1, len(h.actors)) for h in art.hits)
    assert list(rows[0]) == framelens.HIT_COLUMNS
    df = art.to_pandas()
    assert list(df.columns) == framelens.HIT_COLUMNS
    assert len(df) == len(rows)
    assert set(df["voice"]) <= {"author", "quote", "reported", "scare"}
    hts = df[df["actor"] == "hts"]
    assert len(hts) > 3
    assert all(art.text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))


def test_compare_gives_the_json_of_the_command_line(an, cli, root):
    a = root / "samples" / "syria-2024-12_blinken-fidan-call.txt"
    b = root / "samples" / "syria-2024-12_putin-erdogan-call.txt"
    out = subprocess.run(
        [cli, "compare", str(a), str(b), "--format", "json"], capture_output=True, check=True
    )
    want = json.loads(out.stdout)
    del want["command"]
    arts = [an.score(p.read_text(encoding="utf-8"), name=p.stem) for p in (a, b)]
    c = an.compare(*arts)
    assert c.to_dict() == want
    assert c.summary[0].short.startswith("Hayat Tahrir al-Sham: in its own voice A uses")
    assert c.a.name == a.stem


def test_a_story_aligns_an_unnamed_party_with_the_one_named_elsewhere(an, root):
    story = root / "tests" / "fixtures" / "story"
    arts = an.score_story(
        [
            (p.stem, p.read_text(encoding="utf-8"))
            for p in (story / "state-media.txt", story / "wire-names-group.txt")
        ]
    )
    terrorists = [h for h in arts[0].hits if h.text.lower() == "terrorists"]
    assert terrorists and all(h.actors == ["hts"] for h in terrorists)


def test_a_bad_lexicon_is_an_error_with_its_place(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "categories: [x]\nlabels:\n  - id: a\n    forms: [a]\n    category: x\n    stance: strong\n    kind: label\n"
    )
    with pytest.raises(framelens.LexiconError) as e:
        framelens.Analyzer([bad])
    assert str(bad) in str(e.value)
    assert "`stance` must be a whole number from -2 to 2, found `strong`" in str(e.value)
    assert isinstance(e.value, ValueError)
    with pytest.raises(FileNotFoundError):
        framelens.Analyzer([tmp_path / "missing.yaml"])


def test_a_lexicon_of_ones_own_adds_to_the_bundled_ones():
    mine = (
        "mine.yaml",
        "categories: [loaded]\nlabels:\n  - {id: gremlins, forms: [gremlins], category: loaded, stance: -2, kind: label}\n",
    )
    text = "Officials said gremlins attacked the rebels."
    with_mine = framelens.Analyzer([mine]).score(text)
    assert {h.term for h in with_mine.hits} >= {"gremlins", "rebel"}
    alone = framelens.Analyzer([mine], defaults=False).score(text)
    assert [h.term for h in alone.hits] == ["gremlins"]


def test_byte_offsets_of_records_convert_to_str_indices(an):
    text = "Präsident Erdoğan said the “terrorists” had been driven out of Tal Rifaat."
    art = an.score(text)
    sp = art.speech[0]
    assert art.text[art.index(sp.start) : art.index(sp.end)] == sp.verb == "said"
    m = next(m for m in art.mentions if m.text.startswith("Erdo"))
    assert art.text[art.index(m.start) : art.index(m.end)] == m.text


def test_an_article_over_the_cap_of_matches_raises_as_the_command_line_refuses_it(an):
    # 70,000 sentences of three loaded terms: 210,000 matches, over the default of 200,000.
    text = "The rebels said the terrorists attacked the regime. " * 70_000
    message = (
        "big: 210000 lexicon matches, over the limit of 200000 for one article (--max-hits; the "
        "memory of an analysis grows with its matches, about 1.4 KB each)"
    )
    with pytest.raises(ValueError) as e:
        an.score(text, name="big")
    assert str(e.value) == message
    with pytest.raises(ValueError):
        an.compare(an.score("The rebels attacked.", name="small"), text)
    assert len(an.score(text[: len(text) // 2], name="half").hits) == 105_000
