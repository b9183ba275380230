"""framelens from Python: which loaded terms an article uses, which actor each describes, and
whether the outlet says it in its own voice or reports someone else's words.

    >>> import framelens
    >>> an = framelens.Analyzer()
    >>> art = an.score("Syria's army said terrorists attacked its positions near Hama.")
    >>> [(h.text, h.voice, h.actors) for h in art.hits]

The analysis is the Rust library's (the same as the ``framelens`` command), run with the GIL
released. Results are plain Python objects with the fields of the command line's JSON
(docs/json.md); offsets are ``str`` indices, so ``art.text[h.start:h.end] == h.text``, and the
byte offsets of the JSON are kept as ``start_byte`` and ``end_byte``.

What this module does not do: fetch URLs or decode files (read them yourself, or use the
command line), or write reports (``framelens compare --format html`` does).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _native
from ._native import LexiconError, SummaryError

__version__ = _native.__version__

__all__ = [
    "Analyzer",
    "Article",
    "Hit",
    "Comparison",
    "Summary",
    "Record",
    "LexiconError",
    "SummaryError",
]

LexiconSource = Union[str, "os.PathLike[str]", Tuple[str, str]]


def _lexicon_files(lexicons: Iterable[LexiconSource]) -> List[Tuple[str, str]]:
    """Each lexicon as (name, YAML text): a path is read as UTF-8, a pair is taken as it is."""
    files = []
    for lx in lexicons:
        if isinstance(lx, tuple):
            name, text = lx
            files.append((str(name), str(text)))
        else:
            path = os.fspath(lx)
            with open(path, encoding="utf-8") as f:
                files.append((path, f.read()))
    return files


def _restore_analyzer(files: List[Tuple[str, str]], defaults: bool) -> "Analyzer":
    an = Analyzer.__new__(Analyzer)
    an._native = _native.Analyzer(files, defaults)
    return an


class Analyzer:
    """The compiled lexicons and the analysis.

    ``lexicons``: YAML lexicon files (paths, or ``(name, yaml_text)`` pairs), added after the
    bundled ones unless ``defaults=False``, later files overriding earlier entries with the same
    id, as ``framelens --lexicon`` does. A lexicon that does not load raises
    :class:`LexiconError` with its file, line and column.

    An analyzer pickles as the text of its lexicons; a process compiles each set of lexicons
    once, however many analyzers or tasks bring it (this is what Dask workers receive).
    """

    def __init__(self, lexicons: Sequence[LexiconSource] = (), defaults: bool = True):
        if isinstance(lexicons, (str, os.PathLike)):
            lexicons = [lexicons]  # one file given by itself
        self._native = _native.Analyzer(_lexicon_files(lexicons), bool(defaults))

    def __reduce__(self):
        return (_restore_analyzer, (self._native.lexicons, self._native.defaults))

    def __repr__(self) -> str:
        return repr(self._native)

    @property
    def lexicon_files(self) -> List["Record"]:
        """The lexicon files in use (name, entries, actors), as ``score --format json`` lists them."""
        return [Record._of(x) for x in json.loads(self._native.lexicon_files_json())]

    def score(self, text: str, title: Optional[str] = None, name: str = "article") -> "Article":
        """Analyses one article. A ``title`` is put before the text as a paragraph of its own,
        as the command line does with a record's title; offsets count in that text
        (``Article.text``). An article with more lexicon matches than the command line's default
        ``--max-hits`` (200,000) raises ValueError, as the command line refuses it."""
        return Article._of(self._native.score(name, _joined(title, text)), self)

    def score_story(self, texts: Iterable[Union[str, Tuple[str, str]]]) -> List["Article"]:
        """Analyses several articles as coverage of one story (``score --same-story``): a party
        one never names is aligned with the party another names in the same role. Each item is a
        text, or a ``(name, text)`` pair. A text over the cap of matches raises ValueError, as in
        ``score``."""
        named = []
        for i, t in enumerate(texts):
            named.append(t if isinstance(t, tuple) else (f"article-{i + 1}", t))
        return [Article._of(a, self) for a in self._native.score_story(named)]

    def compare(self, a: Union["Article", str], b: Union["Article", str]) -> "Comparison":
        """Compares two articles (or texts) as ``framelens compare`` does (a text over the cap of
        matches raises ValueError, as in ``score``): both are read again
        as coverage of one story, then each actor's terms, voices and speakers are set side by
        side."""
        pa = (a.name, a.text) if isinstance(a, Article) else ("A", a)
        pb = (b.name, b.text) if isinstance(b, Article) else ("B", b)
        if pb[0] == pa[0]:
            pb = (pb[0] + " (B)", pb[1])
        data, na, nb = self._native.compare(pa, pb)
        return Comparison._of(json.loads(data), [Article._of(na, self), Article._of(nb, self)])

    def summarize(
        self, records: Iterable[Dict[str, Any]], name: str = "records", max_sources: int = 10_000
    ) -> "Summary":
        """Counts records as ``framelens corpus --summary`` does, byte for byte: each record is a
        dict with the command line's fields (``text``, and ``id``, ``source``, ``date``,
        ``title``, ``story``), or a line of JSONL text as read from a file. A record with no
        ``source`` counts under ``name``. More than ``max_sources`` sources (the command line's
        ``--max-sources``) raise ``ValueError``: the summary's memory grows with them. Records the
        command line would skip are skipped and counted; their messages are in
        ``Summary.skips``."""
        if isinstance(records, (dict, str, bytes)) or hasattr(records, "columns"):
            raise TypeError(
                "summarize takes an iterable of records (dicts or JSONL lines); for a pandas "
                "DataFrame pass df.to_dict('records')"
            )
        data = _jsonl(records)
        native, skips = self._native.summarize_jsonl(data, name, max_sources)
        return Summary(native, skips)


def _joined(title: Optional[str], text: str) -> str:
    return text if title is None else f"{title}\n\n{text}"


def _jsonable(v: Any) -> Any:
    """A value JSON cannot hold as it is, as JSON takes it: a date as ISO 8601 text, a numpy
    scalar as its Python value, a numpy array as a list, anything else as its text. Used as
    ``json.dumps(default=...)``, so nested values are covered too."""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "tolist"):  # numpy scalars and arrays
        return v.tolist()
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("utf-8", errors="replace")
    return str(v)


def _missing(v: Any) -> bool:
    """None, a NaN of any float type, and pandas' missing-value markers (NA, NaT)."""
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(v != v)  # NaN is the one value unequal to itself
    except (TypeError, ValueError):  # arrays compare element by element
        return False


def _raw_line(r: Union[str, bytes]) -> bytes:
    """A JSONL line given as text or bytes, as one line: a record written over several lines
    (pretty-printed JSON) is made one, and one that is no JSON stays one bad line."""
    raw = r if isinstance(r, bytes) else r.encode("utf-8", errors="surrogatepass")
    raw = raw.rstrip(b"\r\n")
    if b"\n" in raw or b"\r" in raw:
        try:
            raw = json.dumps(json.loads(raw), ensure_ascii=False).encode("utf-8")
        except ValueError:
            raw = raw.replace(b"\r", b" ").replace(b"\n", b" ")
    return raw


def _jsonl(records: Iterable[Union[Dict[str, Any], str, bytes]]) -> bytes:
    """Records as JSONL: a dict is written as JSON (missing values left out), a string or bytes
    is taken as a JSONL line as it is, so that a bad one is skipped and counted as the command
    line does (text that is not valid UTF-8, a lone surrogate, stays so)."""
    lines = []
    for r in records:
        if isinstance(r, (str, bytes)):
            lines.append(_raw_line(r))
            continue
        clean = {str(k): v for k, v in r.items() if not _missing(v)}
        text = json.dumps(clean, ensure_ascii=False, allow_nan=False, default=_jsonable)
        lines.append(text.encode("utf-8", errors="surrogatepass"))
    return b"".join(line + b"\n" for line in lines)


class Record:
    """A JSON object of the command line's output as an object: each field an attribute, nested
    objects records too. ``to_dict()`` gives the JSON back."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]):
        object.__setattr__(self, "_data", data)

    @classmethod
    def _of(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return cls(v)
        if isinstance(v, list):
            return [cls._of(x) for x in v]
        return v

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return Record._of(self._data[name])
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return Record._of(self._data[name])

    def __contains__(self, name: str) -> bool:
        return name in self._data

    def __dir__(self) -> List[str]:
        return sorted(self._data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other._data == self._data

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in list(self._data.items())[:6])
        more = ", ..." if len(self._data) > 6 else ""
        return f"Record({shown}{more})"

    def to_dict(self) -> Dict[str, Any]:
        return self._data

    def __reduce__(self):
        return (Record, (self._data,))


class _Chars:
    """Byte offsets of a UTF-8 text as ``str`` indices."""

    def __init__(self, text: str):
        raw = text.encode("utf-8")
        if len(raw) == len(text):
            self._map = None
        else:
            m = [0] * (len(raw) + 1)
            b = 0
            for i, ch in enumerate(text):
                n = len(ch.encode("utf-8"))
                for k in range(n):
                    m[b + k] = i
                b += n
            m[b] = len(text)
            self._map = m

    def __call__(self, byte: int) -> int:
        return byte if self._map is None else self._map[byte]


@dataclass(frozen=True)
class Hit:
    """One loaded term: what it is, whom it describes, in whose voice, and why.

    The fields are those of a hit in ``score --format json`` (docs/json.md), except that
    ``start``, ``end`` and ``sentence_start`` are ``str`` indices into ``Article.text``; the JSON's
    byte offsets are ``start_byte``, ``end_byte`` and ``sentence_start_byte``.
    """

    text: str
    start: int
    end: int
    term: str
    category: str
    stance: int
    kind: str
    actors: List[str]
    link: str
    link_detail: str
    voice: str
    voice_rule: str
    speaker: Optional[str]
    speaker_actor: Optional[str]
    speaker_antecedent: Optional[str]
    framed_speaker: Optional[str]
    negated: bool
    negation: Optional[str]
    sentence: int
    sentence_start: int
    sentence_text: str
    start_byte: int
    end_byte: int
    sentence_start_byte: int
    done_to: List[str] = field(default_factory=list)
    link_candidates: List[Record] = field(default_factory=list)
    speaker_by_office: bool = False
    lookalike: bool = False

    @classmethod
    def _of(cls, h: Dict[str, Any], chars: _Chars) -> "Hit":
        known = {f for f in cls.__dataclass_fields__}
        kw = {k: Record._of(v) for k, v in h.items() if k in known}
        kw.update(
            start=chars(h["start"]),
            end=chars(h["end"]),
            sentence_start=chars(h["sentence_start"]),
            start_byte=h["start"],
            end_byte=h["end"],
            sentence_start_byte=h["sentence_start"],
        )
        return cls(**kw)

    def to_dict(self) -> Dict[str, Any]:
        out = {}
        for k in self.__dataclass_fields__:
            v = getattr(self, k)
            out[k] = (
                [x.to_dict() if isinstance(x, Record) else x for x in v]
                if isinstance(v, list)
                else v
            )
        return out


# The columns of `Article.to_dicts()`, in order.
HIT_COLUMNS = [
    "article",
    "actor",
    "text",
    "start",
    "end",
    "start_byte",
    "end_byte",
    "term",
    "category",
    "kind",
    "stance",
    "voice",
    "speaker",
    "speaker_actor",
    "link",
    "sentence",
    "sentence_text",
]


class Article:
    """One analysed article: its ``name``, the ``text`` analysed, its ``hits`` (:class:`Hit`),
    and the other parts of ``score --format json``: ``mentions``, ``speech``, ``attributions``,
    ``parties`` and ``profile``, as :class:`Record` objects."""

    def __init__(self) -> None:  # made by Analyzer.score
        raise TypeError("articles are made by Analyzer.score")

    @classmethod
    def _of(cls, native: Any, analyzer: "Analyzer") -> "Article":
        # The Python objects are made on first use: building them needs the GIL, the analysis
        # did not.
        a = cls.__new__(cls)
        a._native = native
        a._analyzer = analyzer
        a._parsed = None
        a._hits = None
        a._chars = None
        a.name = native.name
        a.text = native.text
        return a

    def __reduce__(self):
        # An article travels as its JSON, with the analyzer as its lexicons.
        return (_detached_article, (self._analyzer, self.name, self.text, json.dumps(self._json)))

    def _analysed(self) -> Any:
        """The Rust article (an unpickled one is analysed again, which gives the same)."""
        if self._native is None:
            self._native = self._analyzer._native.score(self.name, self.text)
        return self._native

    @property
    def _json(self) -> Dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self._native.to_json())
        return self._parsed

    @property
    def hits(self) -> List[Hit]:
        if self._hits is None:
            self.index(0)
            self._hits = [Hit._of(h, self._chars) for h in self._json["hits"]]
        return self._hits

    @property
    def mentions(self) -> List[Record]:
        return Record._of(self._json["mentions"])

    @property
    def speech(self) -> List[Record]:
        return Record._of(self._json["speech"])

    @property
    def attributions(self) -> List[Record]:
        return Record._of(self._json["attributions"])

    @property
    def parties(self) -> List[Record]:
        return Record._of(self._json["parties"])

    @property
    def profile(self) -> Record:
        return Record._of(self._json["profile"])

    def __repr__(self) -> str:
        return f"<framelens.Article {self.name!r}: {len(self.hits)} hits>"

    def index(self, byte_offset: int) -> int:
        """The ``str`` index of a byte offset of the JSON (``mentions``, ``speech`` and
        ``attributions`` keep the JSON's byte offsets; hits have both)."""
        if getattr(self, "_chars", None) is None:
            self._chars = _Chars(self.text)
        return self._chars(byte_offset)

    def to_json(self) -> Dict[str, Any]:
        """The article as ``score --format json`` writes it (byte offsets)."""
        return self._json

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One row per hit and actor it describes (a hit with no actor gives one row with actor
        ``None``), as ``framelens corpus --hits`` writes rows: the columns of ``HIT_COLUMNS``."""
        rows = []
        for h in self.hits:
            for actor in h.actors or [None]:
                rows.append(
                    {
                        "article": self.name,
                        "actor": actor,
                        "text": h.text,
                        "start": h.start,
                        "end": h.end,
                        "start_byte": h.start_byte,
                        "end_byte": h.end_byte,
                        "term": h.term,
                        "category": h.category,
                        "kind": h.kind,
                        "stance": h.stance,
                        "voice": h.voice,
                        "speaker": h.speaker,
                        "speaker_actor": h.speaker_actor,
                        "link": h.link,
                        "sentence": h.sentence,
                        "sentence_text": h.sentence_text,
                    }
                )
        return rows

    def to_pandas(self):
        """``to_dicts()`` as a pandas DataFrame (pandas is needed for this method only)."""
        return _data_frame(self.to_dicts())

    def contribution(self, source: str, date: Optional[str] = None) -> "Summary":
        """This article's counts in a corpus summary, under ``source`` and ``date``."""
        return Summary(self._analysed().contribution(source, date), [])


def _detached_article(analyzer: "Analyzer", name: str, text: str, data: str) -> "Article":
    a = Article.__new__(Article)
    a._native = None
    a._analyzer = analyzer
    a._parsed = json.loads(data)
    a._hits = None
    a._chars = None
    a.name = name
    a.text = text
    return a


def _data_frame(rows: List[Dict[str, Any]]):
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install pandas") from e
    return pd.DataFrame(rows, columns=HIT_COLUMNS)


class Comparison(Record):
    """Two sources compared, with the fields of ``compare --format json``: ``a`` and ``b`` (each
    source's counts), ``actors`` (per actor: each side's terms, stances and swaps), ``summary``
    (findings, each with ``short``, ``text`` and its evidence), ``speakers_a``,
    ``speakers_b``, ``only_in_a``, ``only_in_b``, and ``articles``: the two articles as read
    together (:class:`Article`)."""

    __slots__ = ("_articles",)

    @classmethod
    def _of(cls, v: Dict[str, Any], articles: List["Article"]) -> "Comparison":
        c = cls(v)
        object.__setattr__(c, "_articles", articles)
        return c

    @property
    def articles(self) -> List["Article"]:
        return self._articles

    def __reduce__(self):
        return (Comparison._of, (self._data, self._articles))

    def to_dict(self) -> Dict[str, Any]:
        """The JSON of ``compare --format json`` but its ``command`` field."""
        return {**self._data, "articles": [a.to_json() for a in self._articles]}

    def __repr__(self) -> str:
        return f"<framelens.Comparison {self.a.name!r} vs {self.b.name!r}: {len(self._data['summary'])} findings>"


def _summary_from_json(text: str) -> "Summary":
    return Summary.from_json(text)


class Summary:
    """A mergeable corpus summary, as ``framelens corpus --summary`` writes it.

    ``a + b`` adds two summaries up (``framelens merge``); ``to_json()`` is the command line's
    text byte for byte; a summary pickles as that text. ``skips`` holds the messages of records
    skipped while it was made, those of both sides after ``+``; a summary read from JSON or
    unpickled has none (the JSON counts skipped records by reason, not their messages).
    """

    def __init__(self, native: Any, skips: List[str]):
        self._native = native
        self.skips = list(skips)

    @staticmethod
    def from_json(text: str, name: str = "summary") -> "Summary":
        """Reads a summary; :class:`SummaryError` says where and why it is not one."""
        return Summary(_native.Summary.from_json(text, name), [])

    @staticmethod
    def from_records(
        records: Iterable[Dict[str, Any]], analyzer: Optional[Analyzer] = None
    ) -> "Summary":
        """``analyzer.summarize(records)`` (the bundled lexicons by default)."""
        return (analyzer or Analyzer()).summarize(records)

    @staticmethod
    def from_articles(
        articles: Iterable[Article], source: str, date: Optional[str] = None
    ) -> "Summary":
        """The summary of analysed articles, all under one ``source`` and ``date``."""
        out: Optional[Summary] = None
        for a in articles:
            c = a.contribution(source, date)
            out = c if out is None else out + c
        if out is None:
            raise ValueError("from_articles needs at least one article")
        return out

    def __add__(self, other: "Summary") -> "Summary":
        if not isinstance(other, Summary):
            return NotImplemented
        return Summary(self._native.merged(other._native), self.skips + other.skips)

    def __reduce__(self):
        return (_summary_from_json, (self.to_json(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summary) and other.to_json() == self.to_json()

    def __repr__(self) -> str:
        return f"<framelens.Summary: {self.articles} articles>"

    @property
    def articles(self) -> int:
        return self._native.articles

    @property
    def sources(self) -> List[str]:
        """The sources counted, in order."""
        return self._native.sources

    def to_json(self) -> str:
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.to_json())
