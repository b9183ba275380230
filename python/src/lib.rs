//! `framelens._native`: the Rust side of the Python package. It holds the compiled lexicons and
//! runs the library's analysis, comparison and corpus counting with the GIL released; results
//! cross into Python as the JSON the command line writes, which `framelens/__init__.py` turns
//! into typed objects. Nothing here prints or touches files.
//!
//! What it does not do: read files or URLs (Python reads them), or keep Python objects.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use framelens::corpus::input::{InputConfig, InputFormat, Reader};
use framelens::corpus::summary::{Contribution, Summary as CoreSummary};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    _native,
    LexiconError,
    PyValueError,
    "A lexicon could not be loaded; the message names the file, line and column."
);
create_exception!(
    _native,
    SummaryError,
    PyValueError,
    "A summary could not be read or merged; the message says where and why."
);

/// The lexicons of an analyzer: each file's name and YAML text, and whether the bundled ones
/// come first. Two analyzers with the same key share one compiled analyzer in a process.
type Key = (Vec<(String, String)>, bool);

/// An article with more lexicon matches than the analyzer's cap was not analysed: ValueError,
/// with the command line's message.
fn refuse_over_cap(a: &framelens::analysis::Article) -> PyResult<()> {
    match a.profile.hit_cap {
        Some(cap) => Err(PyValueError::new_err(format!("{}: {cap}", a.name))),
        None => Ok(()),
    }
}

/// Compiled analyzers of this process, by their lexicons: an unpickled analyzer on a worker
/// compiles its lexicons once, however many tasks bring it. The cache holds them weakly, so an
/// analyzer no one uses any more is freed; the lock is held while compiling, so two threads
/// asking for the same lexicons compile them once.
fn compiled(key: &Key) -> Result<Arc<framelens::Analyzer>, String> {
    type Cache = HashMap<Key, Weak<framelens::Analyzer>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Mutex::default)
        .lock()
        .map_err(|e| e.to_string())?;
    if let Some(an) = cache.get(key).and_then(Weak::upgrade) {
        return Ok(an);
    }
    let (files, defaults) = key;
    let mut b = framelens::LexiconBuilder::new();
    if *defaults {
        b = b.bundled();
    }
    for (name, text) in files {
        b = b.text(name, text);
    }
    let lex = b.build().map_err(|e| e.to_string())?;
    let an = Arc::new(framelens::Analyzer::new(lex).map_err(|e| e.to_string())?);
    cache.retain(|_, w| w.strong_count() > 0);
    cache.insert(key.clone(), Arc::downgrade(&an));
    Ok(an)
}

/// The compiled lexicons and the analysis.
#[pyclass(module = "framelens._native", frozen)]
struct Analyzer {
    key: Key,
    inner: Arc<framelens::Analyzer>,
}

#[pymethods]
impl Analyzer {
    /// `lexicons`: (name, YAML text) pairs, in order; `defaults`: the bundled lexicons first.
    #[new]
    #[pyo3(signature = (lexicons = Vec::new(), defaults = true))]
    fn new(py: Python<'_>, lexicons: Vec<(String, String)>, defaults: bool) -> PyResult<Self> {
        let key = (lexicons, defaults);
        let inner = py
            .detach(|| compiled(&key))
            .map_err(LexiconError::new_err)?;
        Ok(Analyzer { key, inner })
    }

    /// The lexicon files as given: (name, YAML text) pairs.
    #[getter]
    fn lexicons(&self) -> Vec<(String, String)> {
        self.key.0.clone()
    }

    /// Whether the bundled lexicons come first.
    #[getter]
    fn defaults(&self) -> bool {
        self.key.1
    }

    /// The lexicon files in use, as the JSON of `score --format json` lists them.
    fn lexicon_files_json(&self) -> String {
        serde_json::to_string(&self.inner.lexicon.files).unwrap_or_default()
    }

    /// Analyses one text; the GIL is released meanwhile. A text with more lexicon matches than
    /// the command line's default `--max-hits` raises ValueError, as the command line refuses it.
    fn score(&self, py: Python<'_>, name: String, text: String) -> PyResult<Article> {
        let an = self.inner.clone();
        let inner = py.detach(|| an.analyze(&name, &text));
        refuse_over_cap(&inner)?;
        Ok(Article {
            analyzer: self.inner.clone(),
            text,
            inner,
        })
    }

    /// Analyses several texts as coverage of one story: (name, text) pairs.
    fn score_story(&self, py: Python<'_>, texts: Vec<(String, String)>) -> PyResult<Vec<Article>> {
        let an = self.inner.clone();
        let arts = py.detach(|| {
            let named: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            an.analyze_story(&named)
        });
        arts.iter().try_for_each(refuse_over_cap)?;
        Ok(texts
            .into_iter()
            .zip(arts)
            .map(|((_, text), inner)| Article {
                analyzer: self.inner.clone(),
                text,
                inner,
            })
            .collect())
    }

    /// Compares two texts, (name, text) each, read as one story, as `framelens compare` does:
    /// the comparison's JSON, and the two articles as read in the story.
    fn compare(
        &self,
        py: Python<'_>,
        a: (String, String),
        b: (String, String),
    ) -> PyResult<(String, Article, Article)> {
        let an = self.inner.clone();
        let (json, aa, ab) = py
            .detach(|| {
                let mut story = an.analyze_story(&[(&a.0, &a.1), (&b.0, &b.1)]).into_iter();
                let (Some(aa), Some(ab)) = (story.next(), story.next()) else {
                    return Err("the story gave fewer articles than texts".to_owned());
                };
                let lex = framelens::analysis::with_parties(
                    &an.lexicon,
                    aa.parties.iter().chain(&ab.parties),
                );
                let c = framelens::compare(&lex, &aa, &ab);
                let json = serde_json::to_string(&c).map_err(|e| e.to_string())?;
                Ok((json, aa, ab))
            })
            .map_err(pyo3::exceptions::PyRuntimeError::new_err)?;
        refuse_over_cap(&aa)?;
        refuse_over_cap(&ab)?;
        let article = |text: String, inner| Article {
            analyzer: self.inner.clone(),
            text,
            inner,
        };
        Ok((json, article(a.1, aa), article(b.1, ab)))
    }

    /// Counts records as `framelens corpus` does: `data` is JSONL (one record per line, the
    /// command line's fields), `name` its name in skip messages and the source of records
    /// without one. Gives the summary and the skipped records' messages.
    #[pyo3(signature = (data, name = "records".to_owned(), max_sources = framelens::corpus::run::DEFAULT_MAX_SOURCES))]
    fn summarize_jsonl(
        &self,
        py: Python<'_>,
        data: Vec<u8>,
        name: String,
        max_sources: usize,
    ) -> PyResult<(Summary, Vec<String>)> {
        let an = self.inner.clone();
        let out = py.detach(|| {
            let reader =
                Reader::from_memory(InputConfig::default(), &name, data, InputFormat::Jsonl);
            let mut skips = Vec::new();
            let run = framelens::corpus::run::run(
                &an,
                reader,
                None,
                max_sources,
                |s| skips.push(format!("{}: {}", s.origin, s.detail)),
                |_| {},
            );
            run.map(|o| (o.summary, skips)).map_err(|e| e.to_string())
        });
        let (summary, skips) = out.map_err(PyValueError::new_err)?;
        Ok((Summary { inner: summary }, skips))
    }

    /// Whether this analyzer and `other` use one compiled analyzer (the process compiled their
    /// lexicons once).
    fn shares_compiled(&self, other: &Analyzer) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// An empty summary for these lexicons.
    fn empty_summary(&self) -> Summary {
        Summary {
            inner: CoreSummary::new(&self.inner.lexicon),
        }
    }

    fn __repr__(&self) -> String {
        let names: Vec<&str> = self.key.0.iter().map(|(n, _)| n.as_str()).collect();
        format!(
            "Analyzer(lexicons={names:?}, defaults={})",
            if self.key.1 { "True" } else { "False" }
        )
    }
}

/// One analysed article, with its text.
#[pyclass(module = "framelens._native", frozen)]
struct Article {
    analyzer: Arc<framelens::Analyzer>,
    text: String,
    inner: framelens::Article,
}

#[pymethods]
impl Article {
    /// The article as `score --format json` writes each of its articles (made with the GIL
    /// released).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| serde_json::to_string(&self.inner))
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }

    /// The text analysed.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The article's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// This article's counts under `source` (and `date`, ISO 8601 or RFC 2822), as a corpus
    /// run counts a record with no title.
    #[pyo3(signature = (source, date = None))]
    fn contribution(&self, source: &str, date: Option<&str>) -> Summary {
        let lex = &self.analyzer.lexicon;
        let month = date.and_then(framelens::corpus::input::month_of);
        let mut s = CoreSummary::new(lex);
        s.add(
            lex,
            Contribution::of(lex, source, month.as_deref(), &[&self.inner]),
        );
        Summary { inner: s }
    }
}

/// A mergeable summary of a corpus, as `framelens corpus --summary` writes it.
#[pyclass(module = "framelens._native", frozen)]
struct Summary {
    inner: CoreSummary,
}

#[pymethods]
impl Summary {
    /// Reads a summary's JSON; `name` says where it came from in an error.
    #[staticmethod]
    #[pyo3(signature = (json, name = "summary".to_owned()))]
    fn from_json(json: &str, name: String) -> PyResult<Summary> {
        CoreSummary::from_json(&name, json)
            .map(|inner| Summary { inner })
            .map_err(|e| SummaryError::new_err(e.to_string()))
    }

    /// The JSON `framelens corpus --summary` writes, byte for byte.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// This summary and `other` added up (made with the same lexicons).
    fn merged(&self, other: &Summary) -> PyResult<Summary> {
        let mut out = self.inner.clone();
        out.merge(
            other.inner.clone(),
            "the first summary",
            "the second summary",
        )
        .map_err(|e| SummaryError::new_err(e.to_string()))?;
        Ok(Summary { inner: out })
    }

    /// The sources counted, in order.
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.inner.sources.keys().cloned().collect()
    }

    /// Articles counted.
    #[getter]
    fn articles(&self) -> u64 {
        self.inner.articles
    }
}

/// `framelens._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add_class::<Article>()?;
    m.add_class::<Summary>()?;
    m.add("LexiconError", m.py().get_type::<LexiconError>())?;
    m.add("SummaryError", m.py().get_type::<SummaryError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
