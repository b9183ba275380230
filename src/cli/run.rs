//! The commands behind the command line: a validated configuration in, a report out. `main`
//! only parses flags into a [`Config`] and maps [`AppError`] to an [`Exit`] status.

use std::io::Write;
use std::path::{Path, PathBuf};

use framelens::analysis::with_parties;
use framelens::analysis::{Analyzer, Article};
use framelens::lexicon::{Lexicon, LexiconBuilder, LexiconError};
use framelens::report::{self, Format, Options};

use super::exit::Exit;

/// Where lexicons come from.
#[derive(Clone, Debug, Default)]
pub struct LexiconConfig {
    pub files: Vec<PathBuf>,
    pub no_defaults: bool,
    /// How long a lexicon that is a FIFO waits for its writer.
    pub open_wait: std::time::Duration,
}

/// A `framelens lexicon` subcommand.
#[derive(Clone, Debug)]
pub enum LexiconCommand {
    /// Errors in the given files, all at once. Exit 0 clean, 4 problems, 3 a file cannot be read.
    Check {
        files: Vec<PathBuf>,
    },
    /// Quality warnings on the loaded lexicons (exit 0).
    Lint,
    List,
    Show {
        id: String,
    },
    Explain {
        text: String,
    },
    /// Write a commented starter lexicon (refuses to overwrite).
    Init {
        file: PathBuf,
    },
    /// Convert a LIWC, Lexicoder, quanteda or WordStat dictionary to framelens YAML.
    Import {
        file: PathBuf,
        from: framelens::lexicon::convert::Foreign,
        /// What entry ids start with (None: the file's name and `-`).
        prefix: Option<String>,
    },
    /// Convert the loaded lexicons to a foreign format.
    Export {
        to: framelens::lexicon::convert::Foreign,
    },
    /// Print the JSON Schema of the lexicon format.
    Schema,
    /// Add a label entry to a file in place.
    Add {
        file: PathBuf,
        entry: framelens::lexicon::LabelEntry,
        /// Declare the category in the file even though no loaded lexicon knows it.
        new_category: bool,
    },
    /// Add an actor entry to a file in place.
    AddActor {
        file: PathBuf,
        entry: framelens::authoring::edit::NewActor,
    },
    /// Lexicon entries for the parties the articles name that no loaded lexicon lists.
    SuggestActors {
        inputs: Vec<framelens::input::Source>,
    },
    /// Remove the entry with this id from a file in place.
    Remove {
        file: PathBuf,
        id: String,
    },
}

/// A `framelens corpus` run.
#[derive(Clone, Debug)]
pub struct CorpusConfig {
    pub input: framelens::corpus::input::InputConfig,
    /// A `raw,source` file, read into `input.source_map` when the run starts.
    pub source_map: Option<PathBuf>,
    /// An `id,date` file, read into `input.dates` when the run starts.
    pub dates: Option<PathBuf>,
    pub hits: Option<PathBuf>,
    /// Write `--hits` CSV cells as they are, formulas included.
    pub raw_csv: bool,
    /// Stop when the records name more sources than this.
    pub max_sources: usize,
    pub summary: Option<PathBuf>,
    /// Report the keyness comparison (otherwise totals and most used terms only).
    pub compare: bool,
    pub options: framelens::corpus::compare::CompareOptions,
    /// Worker threads, for the caller that starts rayon's global pool (the library does not).
    pub threads: Option<usize>,
    /// No closing line on standard error.
    pub quiet: bool,
    /// Draw a progress bar on standard error.
    pub progress: bool,
}

/// One command, validated.
#[derive(Clone, Debug)]
pub enum Command {
    Corpus(Box<CorpusConfig>),
    /// Merge summaries; the merged summary is the output.
    Merge {
        parts: Vec<PathBuf>,
        /// Refuse a merge that names more sources than this.
        max_sources: usize,
    },
    /// Report on summaries (merged first).
    Report {
        summaries: Vec<PathBuf>,
        max_sources: usize,
        compare: bool,
        options: framelens::corpus::compare::CompareOptions,
    },
    Lexicon(LexiconCommand),
    Score {
        inputs: Vec<framelens::input::Source>,
        /// Align unnamed parties across the articles (one story).
        same_story: bool,
    },
    /// The attribution relations of each article.
    Attributions {
        inputs: Vec<framelens::input::Source>,
    },
    Compare {
        a: framelens::input::Source,
        b: framelens::input::Source,
        name_a: Option<String>,
        name_b: Option<String>,
    },
    Eval(EvalSets),
    /// A shell's completion script.
    Completions(clap_complete::Shell),
    /// The manual page of the program, or of the command these words name.
    Man(Vec<String>),
    /// Every manual page, written into this folder.
    ManPages(PathBuf),
}

/// The data sets `eval` measures on.
#[derive(Clone, Debug, Default)]
pub struct EvalSets {
    pub gold: Option<PathBuf>,
    pub articles: Option<PathBuf>,
    pub basil: Option<PathBuf>,
    /// A NewsWCL50 CoNLL file; `same_story` analyses each event's articles together.
    pub newswcl: Option<PathBuf>,
    pub same_story: bool,
    /// A PolNeAR folder (text/ and attributions/, or splits holding them).
    pub polnear: Option<PathBuf>,
    /// A SemEval-2023 Task 3 folder (articles/ and labels/).
    pub semeval_spans: Option<PathBuf>,
    /// A SemEval-2025 Task 10 subtask-1 folder (raw-documents/ and the annotation file).
    pub entity_framing: Option<PathBuf>,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub command: Command,
    /// Write the report to this file (atomically) instead of standard output.
    pub output: Option<PathBuf>,
    pub lexicons: LexiconConfig,
    pub report: Options,
    /// How `score` and `compare` read their inputs.
    pub input: framelens::input::ReadOptions,
    /// The most lexicon matches analysed in one article (`--max-hits`): `score`, `compare` and
    /// `attributions` refuse an article with more, `corpus` skips it.
    pub max_hits: usize,
    /// Print the text each input gives (what the analysis sees) instead of the report.
    pub show_text: bool,
    /// Standard output is a terminal: `--show-text` then shows control characters escaped (as
    /// the reports do) rather than exact, so an article cannot drive the terminal.
    pub terminal: bool,
}

/// A failure, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Lexicon(#[from] LexiconError),
    /// An input that cannot be used: no such file, a malformed line, too large...
    #[error("{path}: {reason}")]
    Input { path: String, reason: String },
    /// An input that could not be read: the system said why.
    #[error("{path}: {source}")]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Read(#[from] framelens::input::ReadError),
    #[error("{0}")]
    Eval(#[from] framelens::eval::EvalError),
    #[error("cannot compile the lexicon: {0}")]
    Compile(#[from] framelens::matcher::MatcherError),
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
    /// Words on the command line that name nothing (a command `man` does not know).
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Write(#[from] framelens::output::OutputError),
    /// A dictionary to import that cannot be read (the message names the file and line).
    #[error("{0}")]
    Convert(#[from] framelens::lexicon::convert::ConvertError),
    #[error("{0}")]
    Edit(#[from] framelens::authoring::edit::EditError),
    #[error("{0}")]
    Summary(#[from] framelens::corpus::summary::SummaryError),
    #[error("{0}")]
    Hits(#[from] framelens::corpus::hits::HitsError),
    #[error("{0}")]
    Run(#[from] framelens::corpus::run::RunError),
    #[error("cannot render the report: {0}")]
    Render(#[from] minijinja::Error),
}

impl AppError {
    pub fn exit(&self) -> Exit {
        match self {
            AppError::Compile(_) | AppError::Render(_) => Exit::Failure,
            AppError::Usage(_) => Exit::Usage,
            AppError::Output(_) | AppError::Write(_) | AppError::Hits(_) => Exit::Output,
            AppError::Run(framelens::corpus::run::RunError::Hits(_)) => Exit::Output,
            AppError::Run(_) => Exit::Input,
            AppError::Edit(
                framelens::authoring::edit::EditError::Busy(_)
                | framelens::authoring::edit::EditError::Unwritable { .. }
                | framelens::authoring::edit::EditError::NotWritable { .. },
            ) => Exit::Output,
            AppError::Input { .. }
            | AppError::Unreadable { .. }
            | AppError::Read(_)
            | AppError::Summary(_)
            | AppError::Convert(_) => Exit::Input,
            AppError::Lexicon(_) | AppError::Edit(_) => Exit::Lexicon,
            AppError::Eval(_) => Exit::Gold,
        }
    }
}

/// Overrides of earlier lexicon files named on standard error before a run; the rest are
/// counted.
const SHOWN_OVERRIDES: usize = 10;

/// Loads the lexicons the configuration asks for.
pub fn load_lexicon(c: &LexiconConfig) -> Result<Lexicon, LexiconError> {
    let mut b = LexiconBuilder::new();
    if !c.no_defaults {
        b = b.bundled();
    }
    let budget = framelens::budget::Budget {
        max_bytes: framelens::budget::LEXICON_BYTES,
        open_wait: c.open_wait,
    };
    for f in &c.files {
        b = b.file_within(f, &budget)?;
    }
    b.build()
}

/// Reads the articles of one input, telling on standard error what `--lossy` replaced.
pub fn read_articles(
    source: &framelens::input::Source,
    o: &framelens::input::ReadOptions,
) -> Result<Vec<framelens::input::Document>, AppError> {
    let read = framelens::input::read(source, o)?;
    for n in &read.notes {
        eprintln!("framelens: {}", framelens::text::sanitize(n));
    }
    Ok(read.documents)
}

/// Reads the one article of a `compare` input.
fn read_one(
    source: &framelens::input::Source,
    o: &framelens::input::ReadOptions,
) -> Result<framelens::input::Document, AppError> {
    let mut docs = read_articles(source, o)?;
    if docs.len() != 1 {
        return Err(AppError::Read(framelens::input::ReadError {
            input: source.shown(),
            problem: framelens::input::Problem::NotOne(docs.len()),
        }));
    }
    Ok(docs.remove(0))
}

/// Writes the `--show-text` output: exact, except to a terminal, where control characters are
/// escaped.
fn emit_text(
    config: &Config,
    out: &mut dyn Write,
    docs: &[framelens::input::Document],
) -> Result<(), AppError> {
    let text = show_text(docs, config.report.format);
    if config.terminal && config.output.is_none() {
        emit(out, None, &framelens::text::sanitize(&text))
    } else {
        emit(out, config.output.as_deref(), &text)
    }
}

/// The `--show-text` output: the text of each article as analysed. One article is printed
/// exactly (so offsets slice it); several each get a `==> ORIGIN <==` line before them, as
/// `head` does. JSON: `{"schema_version", "texts": [{"name", "origin", "text"}]}`.
fn show_text(docs: &[framelens::input::Document], format: Format) -> String {
    if format == Format::Json {
        let texts: Vec<serde_json::Value> = docs
            .iter()
            .map(|d| serde_json::json!({"name": d.name, "origin": d.origin, "text": d.text}))
            .collect();
        let mut s = serde_json::to_string_pretty(&serde_json::json!({
            "schema_version": framelens::SCHEMA_VERSION,
            "texts": texts,
        }))
        .unwrap_or_default();
        s.push('\n');
        return s;
    }
    if let [one] = docs {
        return one.text.clone();
    }
    let mut s = String::new();
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("==> {} <==\n", d.origin));
        s.push_str(&d.text);
        if !d.text.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Runs a command, writing its report to `out`; returns the exit code.
pub fn run(config: &Config, out: &mut dyn Write) -> Result<Exit, AppError> {
    check_outputs(config)?;
    match &config.command {
        Command::Lexicon(c) => return run_lexicon(config, c, out),
        Command::Completions(_) | Command::Man(_) | Command::ManPages(_) => {
            return run_about(&config.command, out);
        }
        Command::Merge { parts, max_sources } => {
            let merged = read_summaries(parts, *max_sources)?;
            emit(out, config.output.as_deref(), &merged.to_json())?;
            return Ok(Exit::Success);
        }
        Command::Report {
            summaries,
            max_sources,
            compare,
            options,
        } => {
            let merged = read_summaries(summaries, *max_sources)?;
            let r = framelens::corpus::compare::compare(&merged, options);
            let text = report::corpus::render(&r, *compare, config.report)?;
            emit(out, config.output.as_deref(), &text)?;
            return Ok(Exit::Success);
        }
        // The text each input gives, without loading the lexicons.
        Command::Score { inputs, .. } | Command::Attributions { inputs } if config.show_text => {
            let mut docs = Vec::with_capacity(inputs.len());
            for s in inputs {
                docs.extend(read_articles(s, &config.input)?);
            }
            emit_text(config, out, &docs)?;
            return Ok(Exit::Success);
        }
        Command::Compare { a, b, .. } if config.show_text => {
            let docs = [read_one(a, &config.input)?, read_one(b, &config.input)?];
            emit_text(config, out, &docs)?;
            return Ok(Exit::Success);
        }
        _ => {}
    }
    let lex = load_lexicon(&config.lexicons)?;
    // Entries that replace, or take the words of, an earlier file's without saying so.
    for d in lex.overrides.iter().take(SHOWN_OVERRIDES) {
        eprintln!(
            "framelens: warning: {}:{}:{}: {}",
            d.file, d.line, d.column, d.message
        );
    }
    if let Some(more) = lex.overrides.len().checked_sub(SHOWN_OVERRIDES + 1) {
        eprintln!(
            "framelens: warning: ... and {} more; `framelens lexicon check` lists them all",
            more + 1
        );
    }
    // A corpus or an evaluation reads many articles: its automaton is built for scanning
    // speed. The other commands read a few, and start faster with one built quickly.
    let an = match &config.command {
        Command::Corpus(_) | Command::Eval(_) => Analyzer::new(lex)?,
        _ => Analyzer::for_few_texts(lex)?,
    }
    .with_max_hits(config.max_hits);
    let (o, output) = (config.report, config.output.as_deref());
    let rendered = match &config.command {
        Command::Lexicon(_)
        | Command::Merge { .. }
        | Command::Report { .. }
        | Command::Completions(_)
        | Command::Man(_)
        | Command::ManPages(_) => String::new(),
        Command::Corpus(c) => return run_corpus(config, c, &an, out),
        Command::Score { inputs, same_story } => {
            let arts = score_all(&an, inputs, *same_story, &config.input)?;
            refuse_over_cap_or_warn(&arts)?;
            let lex = with_parties(&an.lexicon, arts.iter().flat_map(|a| &a.parties));
            emit_with(out, output, |w| report::score_to(w, &lex, arts, o))?;
            return Ok(Exit::Success);
        }
        Command::Attributions { inputs } => {
            let arts = score_all(&an, inputs, false, &config.input)?;
            refuse_over_cap_or_warn(&arts)?;
            emit_with(out, output, |w| {
                report::attributions::render_to(w, &arts, o)
            })?;
            return Ok(Exit::Success);
        }
        Command::Compare {
            a,
            b,
            name_a,
            name_b,
        } => {
            let da = read_one(a, &config.input)?;
            let db = read_one(b, &config.input)?;
            let na = name_a.clone().unwrap_or_else(|| da.name.clone());
            let mut nb = name_b.clone().unwrap_or_else(|| db.name.clone());
            if nb == na {
                nb.push_str(" (B)");
            }
            // Two articles compared are read as coverage of one story.
            let mut story = an
                .analyze_story(&[(&na, &da.text), (&nb, &db.text)])
                .into_iter();
            let (Some(aa), Some(ab)) = (story.next(), story.next()) else {
                unreachable!("analyze_story gives one article per text")
            };
            refuse_over_cap_or_warn([&aa, &ab])?;
            let lex = with_parties(&an.lexicon, aa.parties.iter().chain(&ab.parties));
            let c = framelens::diff::compare(&lex, &aa, &ab);
            emit_with(out, output, |w| {
                report::compare_to(w, &lex, &c, [aa, ab], o)
            })?;
            return Ok(Exit::Success);
        }
        Command::Eval(sets) => run_eval(&an, sets, config.report.format)?,
    };
    emit(out, output, &rendered)?;
    Ok(Exit::Success)
}

/// The commands about framelens itself: a shell's completions, a manual page.
fn run_about(c: &Command, out: &mut dyn Write) -> Result<Exit, AppError> {
    match c {
        Command::Completions(shell) => {
            let mut cmd = <super::args::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "framelens", &mut buf);
            write(out, &String::from_utf8_lossy(&buf))?;
        }
        Command::Man(words) => write(out, &super::manual::page(words)?)?,
        Command::ManPages(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(AppError::Usage(format!(
                    "--out-dir {}: not a folder",
                    dir.display()
                )));
            }
            std::fs::create_dir_all(dir).map_err(|e| {
                AppError::Write(framelens::output::OutputError::Write {
                    path: dir.display().to_string(),
                    source: e,
                })
            })?;
            for (name, page) in super::manual::all_pages()? {
                let path = dir.join(name);
                framelens::output::write_file(&path, page.as_bytes())?;
                write(out, &format!("{}\n", path.display()))?;
            }
        }
        _ => {}
    }
    Ok(Exit::Success)
}

/// Refuses, before anything is read or written, an output that is a link or a special file, is
/// also an input (or inside an input folder), or is given twice.
fn check_outputs(config: &Config) -> Result<(), framelens::output::OutputError> {
    use framelens::output::Output;
    let mut inputs: Vec<&Path> = config.lexicons.files.iter().map(PathBuf::as_path).collect();
    let mut outputs: Vec<Output> = Vec::new();
    match &config.command {
        Command::Score { inputs: srcs, .. }
        | Command::Attributions { inputs: srcs }
        | Command::Lexicon(LexiconCommand::SuggestActors { inputs: srcs }) => {
            inputs.extend(srcs.iter().filter_map(framelens::input::Source::path));
        }
        Command::Compare { a, b, .. } => inputs.extend(
            [a, b]
                .into_iter()
                .filter_map(framelens::input::Source::path),
        ),
        _ => {}
    }
    match &config.command {
        Command::Corpus(c) => {
            inputs.extend(c.input.paths.iter().map(PathBuf::as_path));
            inputs.extend(c.source_map.as_deref());
            inputs.extend(c.dates.as_deref());
            outputs.extend(c.summary.as_deref().map(|path| Output {
                flag: "--summary",
                path,
            }));
            outputs.extend(c.hits.as_deref().map(|path| Output {
                flag: "--hits",
                path,
            }));
        }
        Command::Merge { parts: p, .. } | Command::Report { summaries: p, .. } => {
            inputs.extend(p.iter().map(PathBuf::as_path));
        }
        Command::Lexicon(
            LexiconCommand::Import { file, .. }
            | LexiconCommand::Add { file, .. }
            | LexiconCommand::AddActor { file, .. }
            | LexiconCommand::Remove { file, .. },
        ) => inputs.push(file),
        Command::Lexicon(LexiconCommand::Check { files }) => {
            inputs.extend(files.iter().map(PathBuf::as_path));
        }
        Command::Lexicon(LexiconCommand::Init { file }) => outputs.push(Output {
            flag: "lexicon init",
            path: file,
        }),
        Command::Eval(e) => inputs.extend(
            [
                &e.gold,
                &e.articles,
                &e.basil,
                &e.newswcl,
                &e.polnear,
                &e.semeval_spans,
                &e.entity_framing,
            ]
            .into_iter()
            .flatten()
            .map(PathBuf::as_path),
        ),
        _ => {}
    }
    if let Some(path) = config.output.as_deref() {
        outputs.insert(0, Output { flag: "-o", path });
    }
    for o in &outputs {
        framelens::output::check_target(o.path)?;
    }
    framelens::output::check_distinct(&inputs, &outputs)
}

/// Runs `eval` on each data set given. JSON gives one data set's report alone, or several under
/// the keys `reports` (gold and BASIL), `newswcl`, `polnear`, `semeval_spans` and
/// `entity_framing`.
fn run_eval(an: &Analyzer, sets: &EvalSets, format: Format) -> Result<String, AppError> {
    let mut reports = Vec::new();
    if let Some(g) = &sets.gold {
        reports.push(framelens::eval::eval_gold(an, g, sets.articles.as_deref())?);
    }
    if let Some(b) = &sets.basil {
        reports.extend(framelens::eval::eval_basil(an, b)?);
    }
    let nw = match &sets.newswcl {
        Some(f) => Some(framelens::eval::newswcl::eval_newswcl(f, sets.same_story)?),
        None => None,
    };
    let pn = match &sets.polnear {
        Some(d) => Some(framelens::eval::polnear::eval_polnear(an, d)?),
        None => None,
    };
    let se = match &sets.semeval_spans {
        Some(d) => Some(framelens::eval::semeval::eval_semeval_spans(an, d)?),
        None => None,
    };
    let ef = match &sets.entity_framing {
        Some(d) => Some(framelens::eval::entity::eval_entity_framing(d)?),
        None => None,
    };
    if format != Format::Json {
        let mut s = if reports.is_empty() {
            String::new()
        } else {
            framelens::eval::render_text(&reports)
        };
        if let Some(n) = &nw {
            s.push_str(&framelens::eval::newswcl::render_text(n));
        }
        if let Some(p) = &pn {
            s.push_str(&framelens::eval::polnear::render_text(p));
        }
        if let Some(p) = &se {
            s.push_str(&framelens::eval::semeval::render_text(p));
        }
        if let Some(p) = &ef {
            s.push_str(&framelens::eval::entity::render_text(p));
        }
        return Ok(s);
    }
    let mut map = serde_json::Map::new();
    let mut put = |k: &str, v: serde_json::Result<serde_json::Value>| {
        if let Ok(v) = v {
            map.insert(k.to_owned(), v);
        }
    };
    if sets.gold.is_some() || sets.basil.is_some() {
        put("reports", serde_json::to_value(&reports));
    }
    if let Some(n) = &nw {
        put("newswcl", serde_json::to_value(n));
    }
    if let Some(p) = &pn {
        put("polnear", serde_json::to_value(p));
    }
    if let Some(p) = &se {
        put("semeval_spans", serde_json::to_value(p));
    }
    if let Some(p) = &ef {
        put("entity_framing", serde_json::to_value(p));
    }
    let value = if map.len() == 1 {
        map.into_iter().next().map(|(_, v)| v).unwrap_or_default()
    } else {
        serde_json::Value::Object(map)
    };
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    Ok(s)
}

/// Reads and analyses the articles of every input (as one story with `same_story`).
fn score_all(
    an: &Analyzer,
    inputs: &[framelens::input::Source],
    same_story: bool,
    o: &framelens::input::ReadOptions,
) -> Result<Vec<Article>, AppError> {
    let mut docs = Vec::with_capacity(inputs.len());
    for s in inputs {
        docs.extend(read_articles(s, o)?);
    }
    Ok(if same_story {
        let named: Vec<(&str, &str)> = docs
            .iter()
            .map(|d| (d.name.as_str(), d.text.as_str()))
            .collect();
        an.analyze_story(&named)
    } else {
        docs.iter().map(|d| an.analyze(&d.name, &d.text)).collect()
    })
}

/// An article with more lexicon matches than `--max-hits` is refused, with nothing written (it
/// was not analysed); otherwise what matching found odd is said ([`warn_about_matching`]).
fn refuse_over_cap_or_warn<'a>(
    arts: impl IntoIterator<Item = &'a Article> + Clone,
) -> Result<(), AppError> {
    if let Some((a, cap)) = arts
        .clone()
        .into_iter()
        .find_map(|a| Some((a, a.profile.hit_cap?)))
    {
        return Err(AppError::Input {
            path: framelens::text::sanitize(&a.name),
            reason: cap.to_string(),
        });
    }
    warn_about_matching(arts);
    Ok(())
}

/// Terms found only by reading look-alike letters of another script go to standard error, one
/// line per article: such spelling is itself a sign of text written to evade keyword filters.
///
/// A regex entry that reached its cap of matches in an article is named too.
fn warn_about_matching<'a>(arts: impl IntoIterator<Item = &'a Article>) {
    for a in arts {
        if let Some(note) = a.profile.language_note() {
            eprintln!("framelens: {}: {note}", framelens::text::sanitize(&a.name));
        }
        for id in &a.profile.capped_regexes {
            eprintln!(
                "framelens: {}: the regex entry `{id}` matched {} times, the most counted in one article; its later matches are not counted",
                framelens::text::sanitize(&a.name),
                framelens::matcher::MAX_REGEX_MATCHES
            );
        }
        let odd: Vec<&framelens::analysis::Hit> = a.hits.iter().filter(|h| h.lookalike).collect();
        let Some(first) = odd.first() else { continue };
        eprintln!(
            "framelens: {}: {} term{} found only by reading letters of another script as the Latin letters they look like ('{}' at byte {}); the text may be spelled to evade keyword filters",
            framelens::text::sanitize(&a.name),
            odd.len(),
            if odd.len() == 1 { " was" } else { "s were" },
            framelens::text::sanitize(&first.text),
            first.start
        );
    }
}

/// What a conversion could not carry over goes to standard error, one line each.
fn report_lost(lost: &[String]) {
    for l in lost {
        eprintln!("framelens: not carried over: {l}");
    }
}

/// Writes to `output` (atomically: see [`framelens::output`]) or to `out`.
fn emit(out: &mut dyn Write, output: Option<&Path>, text: &str) -> Result<(), AppError> {
    emit_with(out, output, |w| w.write_all(text.as_bytes()))
}

/// Lets `write` write the output, buffered, to `output` (atomically) or to `out`: a report is
/// streamed, never held whole in memory.
fn emit_with(
    out: &mut dyn Write,
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), AppError> {
    use framelens::output::{AtomicFile, OutputError};
    let Some(path) = output else {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
        write(&mut w).map_err(AppError::Output)?;
        return w.flush().map_err(AppError::Output);
    };
    let failed = |source| OutputError::Write {
        path: path.display().to_string(),
        source,
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, AtomicFile::create(path)?);
    write(&mut w).map_err(failed)?;
    let f = w.into_inner().map_err(|e| failed(e.into_error()))?;
    Ok(f.commit()?)
}

/// Reads a UTF-8 data file whole (a dictionary to import, a summary, a source map), within
/// [`framelens::budget::DATA_BYTES`].
fn read_data(path: &Path) -> Result<String, AppError> {
    let path_text = || path.display().to_string();
    framelens::budget::Budget::new(framelens::budget::DATA_BYTES)
        .read_text(path)
        .map_err(|e| match e {
            framelens::budget::ReadFailure::Io(source) => AppError::Unreadable {
                path: path_text(),
                source,
            },
            e => AppError::Input {
                path: path_text(),
                reason: e.to_string(),
            },
        })
}

fn write(out: &mut dyn Write, s: &str) -> Result<(), AppError> {
    out.write_all(s.as_bytes()).map_err(AppError::Output)?;
    out.flush().map_err(AppError::Output)
}

fn run_lexicon(config: &Config, c: &LexiconCommand, out: &mut dyn Write) -> Result<Exit, AppError> {
    use framelens::authoring::inspect;
    match c {
        LexiconCommand::Check { files } => run_check(config, files, out),
        LexiconCommand::Init { file } => {
            framelens::output::create_new(file, inspect::STARTER.as_bytes()).map_err(|e| {
                AppError::Write(framelens::output::OutputError::Write {
                    path: file.display().to_string(),
                    source: if e.kind() == std::io::ErrorKind::AlreadyExists {
                        std::io::Error::new(
                            e.kind(),
                            "it already exists; framelens will not overwrite it",
                        )
                    } else {
                        e
                    },
                })
            })?;
            write(out, &format!("wrote {}\n", file.display()))?;
            Ok(Exit::Success)
        }
        LexiconCommand::Add {
            file,
            entry,
            new_category,
        } => {
            // The categories of the loaded lexicons (the bundled ones and --lexicon files).
            let known = if *new_category {
                Default::default()
            } else {
                load_lexicon(&config.lexicons)?.categories
            };
            framelens::authoring::edit::apply_to_file(file, |p, t| {
                if !new_category {
                    framelens::authoring::edit::check_category(p, t, &entry.category, &known)?;
                }
                framelens::authoring::edit::add_label(p, t, entry)
            })?;
            write(
                out,
                &format!("added label `{}` to {}\n", entry.id, file.display()),
            )?;
            Ok(Exit::Success)
        }
        LexiconCommand::AddActor { file, entry } => {
            framelens::authoring::edit::apply_to_file(file, |p, t| {
                framelens::authoring::edit::add_actor(p, t, entry)
            })?;
            write(
                out,
                &format!("added actor `{}` to {}\n", entry.id, file.display()),
            )?;
            Ok(Exit::Success)
        }
        LexiconCommand::Remove { file, id } => {
            framelens::authoring::edit::apply_to_file(file, |p, t| {
                framelens::authoring::edit::remove(p, t, id)
            })?;
            write(out, &format!("removed `{id}` from {}\n", file.display()))?;
            Ok(Exit::Success)
        }
        LexiconCommand::Schema => {
            write(out, &framelens::lexicon::schema_json())?;
            Ok(Exit::Success)
        }
        LexiconCommand::Import { file, from, prefix } => {
            let text = read_data(file)?;
            let name = file.display().to_string();
            let c = framelens::lexicon::convert::import_prefixed(
                &name,
                &text,
                *from,
                prefix.as_deref(),
            )?;
            report_lost(&c.lost);
            emit(out, config.output.as_deref(), &c.text)?;
            Ok(Exit::Success)
        }
        LexiconCommand::Export { to } => {
            let lex = load_lexicon(&config.lexicons)?;
            let c = framelens::lexicon::convert::export(&lex, *to);
            report_lost(&c.lost);
            emit(out, config.output.as_deref(), &c.text)?;
            Ok(Exit::Success)
        }
        _ => run_inspection(config, c, out),
    }
}

/// `lexicon check`: every problem of the files, then a count; exit 4 for problems and 3 for a
/// file that could not be read, as every command.
fn run_check(config: &Config, files: &[PathBuf], out: &mut dyn Write) -> Result<Exit, AppError> {
    use framelens::authoring::lint;
    let r = lint::check(files, !config.lexicons.no_defaults);
    let mut s = String::new();
    for d in r.unreadable.iter().chain(&r.problems) {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    let n = r.problems.len() + r.unreadable.len();
    s.push_str(&format!(
        "{} file{} checked, {n} problem{}\n",
        r.files,
        if r.files == 1 { "" } else { "s" },
        if n == 1 { "" } else { "s" }
    ));
    write(out, &s)?;
    Ok(if !r.unreadable.is_empty() {
        Exit::Input
    } else if r.problems.is_empty() {
        Exit::Success
    } else {
        Exit::Lexicon
    })
}

/// The lexicon commands that read the loaded lexicons through an analyzer: lint, list, show,
/// explain, suggest-actors.
fn run_inspection(
    config: &Config,
    c: &LexiconCommand,
    out: &mut dyn Write,
) -> Result<Exit, AppError> {
    use framelens::authoring::{inspect, lint};
    let lex = load_lexicon(&config.lexicons)?;
    let an = Analyzer::for_few_texts(lex)?;
    let s = match c {
        LexiconCommand::Lint => {
            let mut sources = std::collections::HashMap::new();
            for (name, text) in framelens::lexicon::BUNDLED {
                sources.insert(format!("bundled:{name}"), (*text).to_owned());
            }
            for f in &config.lexicons.files {
                if let Ok(t) =
                    framelens::budget::Budget::new(framelens::budget::LEXICON_BYTES).read_text(f)
                {
                    sources.insert(f.display().to_string(), t);
                }
            }
            inspect::render_warnings(&lint::lint(&an, &sources))
        }
        LexiconCommand::List => inspect::list(&an.lexicon),
        LexiconCommand::Show { id } => match inspect::show(&an.lexicon, id) {
            Some(s) => s,
            None => {
                write(out, &format!("no label or actor has the id `{id}`\n"))?;
                return Ok(Exit::Usage);
            }
        },
        LexiconCommand::Explain { text } => inspect::explain(&an, text),
        LexiconCommand::SuggestActors { inputs } => {
            let mut found = Vec::new();
            let mut articles = 0;
            for src in inputs {
                for d in read_articles(src, &config.input)? {
                    articles += 1;
                    found.push((d.origin.clone(), an.unlisted(&d.text)));
                }
            }
            framelens::authoring::suggest::render(&found, articles)
        }
        _ => String::new(),
    };
    write(out, &s)?;
    Ok(Exit::Success)
}

/// Reads summaries and merges them in the order given.
///
/// A file given twice (by any name) is read once, and a file with the same bytes as an earlier
/// one (a copy) is merged but named on standard error: both would count the same articles twice.
/// Reads and merges summaries, refusing a merge that names more than `max_sources` sources at
/// the summary that passes the limit: the merged summary's memory grows with its sources.
fn read_summaries(
    paths: &[PathBuf],
    max_sources: usize,
) -> Result<framelens::corpus::summary::Summary, AppError> {
    use framelens::corpus::summary::Summary;
    use sha2::Digest;
    let mut merged: Option<(Summary, String)> = None;
    // (device and inode, SHA-256 of the bytes, the name given) of each summary read.
    type Seen = (Option<(u64, u64)>, [u8; 32], String);
    let mut seen: Vec<Seen> = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let id = std::fs::metadata(p)
            .ok()
            .and_then(|m| framelens::output::file_id(&m));
        if id.is_some()
            && let Some((_, _, first)) = seen.iter().find(|(o, _, _)| *o == id)
        {
            eprintln!("framelens: {shown}: the same file as {first}; read once");
            continue;
        }
        let text = read_data(p)?;
        let digest: [u8; 32] = sha2::Sha256::digest(text.as_bytes()).into();
        if let Some((_, _, first)) = seen.iter().find(|(_, d, _)| *d == digest) {
            eprintln!(
                "framelens: {shown}: the same bytes as {first} (a copy?); both are merged, so its articles count twice"
            );
        }
        seen.push((id, digest, shown.clone()));
        let s = Summary::from_json(&shown, &text)?;
        drop(text);
        let sources = match &mut merged {
            None => merged.insert((s, shown.clone())).0.sources.len(),
            Some((m, first)) => {
                m.merge(s, first, &shown)?;
                m.sources.len()
            }
        };
        if sources > max_sources {
            return Err(framelens::corpus::summary::SummaryError::TooManySources {
                file: shown,
                sources,
                limit: max_sources,
            }
            .into());
        }
    }
    Ok(merged
        .map(|(m, _)| m)
        .expect("clap requires at least one summary"))
}

/// A file of `key,value` lines (comma or tab between; `#` comments and blank lines skipped), as
/// `--source-map` (`raw,source`) and `--dates` (`id,date`) take them.
/// Each value must pass `check`, which says what is wrong with one that does not, and a key
/// given twice must have the same value both times.
fn read_pairs(
    path: &Path,
    form: &str,
    check: impl Fn(&str) -> Result<(), String>,
) -> Result<std::collections::BTreeMap<String, String>, AppError> {
    let shown = path.display().to_string();
    let text = read_data(path)?;
    // A spreadsheet's export may open with a byte-order mark and a header row of the two names.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let header = |l: &str| {
        l.replace('\t', ",")
            .replace(' ', "")
            .eq_ignore_ascii_case(form)
    };
    let mut map = std::collections::BTreeMap::new();
    let mut lines = std::collections::HashMap::new();
    let mut first = true;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if std::mem::take(&mut first) && header(l) {
            continue;
        }
        let Some((raw, source)) = l.split_once('\t').or_else(|| l.split_once(',')) else {
            return Err(AppError::Input {
                path: format!("{shown}:{}", i + 1),
                reason: format!("expected `{form}` (comma or tab between the two)"),
            });
        };
        let (raw, source) = (raw.trim(), source.trim());
        if raw.is_empty() || source.is_empty() {
            return Err(AppError::Input {
                path: format!("{shown}:{}", i + 1),
                reason: "an empty name".into(),
            });
        }
        let at = |reason: String| AppError::Input {
            path: format!("{shown}:{}", i + 1),
            reason,
        };
        check(source).map_err(at)?;
        if let Some(old) = map.insert(raw.to_owned(), source.to_owned())
            && old != source
        {
            return Err(at(format!(
                "`{raw}` is given `{old}` on line {} and `{source}` here",
                lines[raw]
            )));
        }
        lines.entry(raw.to_owned()).or_insert(i + 1);
    }
    Ok(map)
}

/// A date of the `--dates` manifest, as a record's date is read: ISO 8601 (`2024-12-03`,
/// `2024-12`) or RFC 2822.
fn check_date(date: &str) -> Result<(), String> {
    match framelens::corpus::input::month_of(date) {
        Some(_) => Ok(()),
        None => Err(format!(
            "`{date}` is no date: write it as 2024-12-03 (or 2024-12, or an RFC 2822 date){}",
            if date.contains(',') {
                "; an id that holds a comma needs a tab before its date"
            } else {
                ""
            }
        )),
    }
}

/// Says on standard error which ids of the `--dates` manifest `path` name no file of the run
/// (a few of them, and how many): a typo there leaves an article undated without a word.
fn warn_unmatched_dates(path: &Path, ids: &[&str]) {
    const SHOWN: usize = 5;
    if ids.is_empty() {
        return;
    }
    let mut list = ids
        .iter()
        .take(SHOWN)
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    let (n, verb) = match ids.len() {
        1 => ("1 id".to_owned(), "names"),
        n => (format!("{n} ids"), "name"),
    };
    eprintln!(
        "framelens: warning: {n} of {} {verb} no text, Markdown or HTML file of this run: \
         {list}; ids are paths below the folder given (or as given, for a file named by itself)",
        path.display()
    );
}

/// Skipped records printed on standard error before the rest are only counted.
const SHOWN_SKIPS: u64 = 50;

fn run_corpus(
    config: &Config,
    c: &CorpusConfig,
    an: &Analyzer,
    out: &mut dyn Write,
) -> Result<Exit, AppError> {
    use framelens::corpus::{hits::HitWriter, input::Reader, run};
    let mut input = c.input.clone();
    if let Some(m) = &c.source_map {
        input.source_map = read_pairs(m, "raw,source", |_| Ok(()))?;
    }
    if let Some(d) = &c.dates {
        input.dates = read_pairs(d, "id,date", check_date)?;
    }
    let reader = Reader::new(input).map_err(|e| AppError::Input {
        path: e.path,
        reason: e.reason,
    })?;
    if let Some(d) = &c.dates {
        warn_unmatched_dates(d, &reader.unmatched_dates());
    }
    let hits = c
        .hits
        .as_deref()
        .map(|p| HitWriter::create(p, c.raw_csv))
        .transpose()?;
    let bar = if c.progress {
        progress_bar(reader.total_bytes())
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut shown = 0u64;
    let mut more = 0u64;
    let outcome = run::run(
        an,
        reader,
        hits,
        c.max_sources,
        |s| {
            if shown < SHOWN_SKIPS {
                shown += 1;
                bar.suspend(|| {
                    eprintln!("framelens: {}", framelens::text::sanitize(&s.to_string()))
                });
            } else {
                more += 1;
            }
        },
        |p| {
            bar.set_position(p.input_bytes);
            let secs = bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} articles ({:.0}/s)",
                framelens::report::corpus::thousands(p.articles),
                p.articles as f64 / secs
            ));
        },
    )?;
    bar.finish_and_clear();
    if more > 0 {
        eprintln!("framelens: ... and {more} more records skipped (counted in the summary)");
    }
    let rep = &outcome.repeated_ids;
    if let Some((id, origin)) = &rep.first {
        eprintln!(
            "framelens: {} record{} the id of an earlier record of the same source (the first: '{}' at {}); each is counted, so an article read twice counts twice",
            rep.count,
            if rep.count == 1 {
                " repeats"
            } else {
                "s repeat"
            },
            framelens::text::sanitize(id),
            origin
        );
    }
    if !c.quiet {
        let mb = outcome.bytes as f64 / 1e6;
        eprintln!(
            "framelens: {} articles, {:.1} MB of text in {:.2} s ({:.1} MB/s){}",
            framelens::report::corpus::thousands(outcome.summary.articles),
            mb,
            outcome.seconds,
            mb / outcome.seconds.max(1e-9),
            if outcome.skipped > 0 {
                format!("; {} records skipped", outcome.skipped)
            } else {
                String::new()
            }
        );
    }
    if let Some(p) = &c.summary {
        emit(out, Some(p), &outcome.summary.to_json())?;
    }
    let r = framelens::corpus::compare::compare(&outcome.summary, &c.options);
    let text = report::corpus::render(&r, c.compare, config.report)?;
    emit(out, config.output.as_deref(), &text)?;
    Ok(if outcome.skipped > 0 {
        Exit::Skipped
    } else {
        Exit::Success
    })
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    progress_bar_to(total, indicatif::ProgressDrawTarget::stderr())
}

/// The progress bar on `target`. It counts decimal megabytes (MB, 10^6 bytes), as the closing
/// line does.
fn progress_bar_to(
    total: Option<u64>,
    target: indicatif::ProgressDrawTarget,
) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressStyle};
    let bar = ProgressBar::with_draw_target(total, target);
    let style = match total {
        Some(_) => ProgressStyle::with_template(
            "{elapsed_precise} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} \
             {decimal_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => ProgressStyle::with_template(
            "{elapsed_precise} {spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
        ),
    };
    if let Ok(s) = style {
        bar.set_style(s.progress_chars("=> "));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::Exit;

    /// A terminal that keeps what is written to it.
    #[derive(Debug, Default, Clone)]
    struct Screen(std::sync::Arc<std::sync::Mutex<String>>);

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            120
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.write_str(s)
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The bar counts MB (10^6 bytes), as the closing line does, not MiB.
    #[test]
    fn the_progress_bar_counts_decimal_megabytes() {
        let screen = Screen::default();
        let bar = super::progress_bar_to(
            Some(10_000_000),
            indicatif::ProgressDrawTarget::term_like(Box::new(screen.clone())),
        );
        bar.set_position(2_500_000);
        bar.tick();
        let shown = screen.0.lock().unwrap().clone();
        assert!(shown.contains("2.50 MB/10.00 MB"), "{shown:?}");
        assert!(!shown.contains("MiB"), "{shown:?}");
    }

    #[test]
    fn show_text_is_escaped_on_a_terminal_and_exact_when_piped() {
        let dir = tempfile::tempdir().unwrap();
        let body = "Headline\nThe \u{1b}[31mrebels\u{1b}[0m advanced.\n";
        let f = dir.path().join("esc.txt");
        std::fs::write(&f, body).unwrap();
        let mut config = super::Config {
            command: super::Command::Score {
                inputs: vec![framelens::input::Source::File(f.clone())],
                same_story: false,
            },
            output: None,
            lexicons: Default::default(),
            report: Default::default(),
            input: Default::default(),
            max_hits: framelens::analysis::DEFAULT_MAX_HITS,
            show_text: true,
            terminal: true,
        };
        let mut out = Vec::new();
        assert_eq!(super::run(&config, &mut out).unwrap(), Exit::Success);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Headline\nThe \\u{1b}[31mrebels\\u{1b}[0m advanced.\n"
        );
        config.terminal = false;
        let mut out = Vec::new();
        super::run(&config, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), body);
    }

    #[test]
    fn an_unreadable_data_file_keeps_the_io_error_as_its_source() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("summary.json");
        std::fs::write(&f, b"{\"format\": \"\xff\"}").unwrap();
        let e = super::read_data(&f).unwrap_err();
        assert!(matches!(e, super::AppError::Unreadable { .. }), "{e}");
        assert_eq!(e.exit(), Exit::Input);
        let source = std::error::Error::source(&e).expect("the io::Error");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::InvalidData);
        assert_eq!(
            e.to_string(),
            format!("{}: not valid UTF-8 (at byte 12)", f.display())
        );
    }
}
