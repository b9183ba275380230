//! The flags of `framelens`, as clap reads them. Turning them into a configuration is
//! [`super::config`]'s work.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use framelens::report::Format;

/// Shows how news outlets frame the same story: which loaded terms each article uses, which actor
/// each term describes, and whether the outlet says it in its own voice or quotes someone else.
#[derive(Parser)]
#[command(name = "framelens", version, about, max_term_width = 100)]
#[command(
    after_help = "Inputs of score and compare: text (UTF-8, or --encoding), Markdown, HTML pages \
(.html, or content that starts like HTML: the article is extracted), JSON and JSONL records, \
http(s) URLs, `-` for standard input. Offsets count bytes of the text analysed, which \
--show-text prints.\n\n\
Exit codes: 0 success, 1 unexpected failure, 2 usage error (an unknown --encoding label, an \
id `lexicon show` does not know), \
3 unreadable article or summary (missing, a directory, empty, binary, not valid in its encoding, \
no article text in a page, a URL that failed: each message names the input), 4 invalid lexicon, \
5 unreadable gold annotations, 6 corpus finished but some records were skipped, 7 an output \
refused or not written (a link, a FIFO or a device, the same file as an input or as another \
output, a full disk, a lexicon another edit holds locked)."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Cmd,
    /// Add a lexicon file (YAML); later files override earlier entries with the same id.
    #[arg(long = "lexicon", short = 'l', global = true, value_name = "FILE")]
    pub(crate) lexicons: Vec<PathBuf>,
    /// Do not load the lexicons bundled with framelens.
    #[arg(long, global = true)]
    pub(crate) no_default_lexicons: bool,
    /// Output format.
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Fmt::Text)]
    pub(crate) format: Fmt,
    /// Show the rules and the sentence behind every term.
    #[arg(long, global = true)]
    pub(crate) explain: bool,
    /// The date shown in an HTML report's header, YYYY-MM-DD (default: today, UTC).
    #[arg(long, global = true, value_parser = parse_date)]
    pub(crate) date: Option<jiff::civil::Date>,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub(crate) color: ColorWhen,
    /// The encoding of inputs without a byte-order mark (a WHATWG label: windows-1252,
    /// windows-1256, iso-8859-6, utf-16le ...; default UTF-8, or what a page or server declares).
    /// In corpus mode: text, Markdown and HTML files, and CSV fields (JSONL is UTF-8).
    #[arg(long, global = true, value_name = "LABEL", value_parser = framelens::input::encoding_for_label)]
    pub(crate) encoding: Option<&'static encoding_rs::Encoding>,
    /// Replace bytes that are not valid in the input's encoding with U+FFFD (and say how many on
    /// standard error) instead of refusing the input.
    #[arg(long, global = true)]
    pub(crate) lossy: bool,
    /// Print the text each input gives, as analysed (after decoding and HTML extraction), instead
    /// of the report: hit offsets slice it.
    #[arg(long, global = true)]
    pub(crate) show_text: bool,
    /// Give up after SECS seconds (default 30): fetching a URL (connecting, redirects and the
    /// page together), reading an HTML page (each, after it is fetched; in a corpus, the page is
    /// skipped), or waiting for a writer
    /// to open an article or a lexicon that is a FIFO (summaries, source maps and dictionaries
    /// to import wait 30 s).
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_timeout)]
    pub(crate) timeout: Option<f64>,
}

/// How `score` and `compare` read their inputs.
#[derive(clap::Args)]
pub(crate) struct ReadArgs {
    /// Read every input as text, markdown, html, json or jsonl (default: by extension, by the
    /// server's Content-Type for a URL, and text that starts like HTML is HTML).
    #[arg(long, value_parser = parse_input_format)]
    pub(crate) input_format: Option<framelens::input::Format>,
    /// JSON / JSONL field holding the headline.
    #[arg(long, default_value = "title")]
    pub(crate) title_field: String,
    /// JSON / JSONL field holding the article text.
    #[arg(long, default_value = "text")]
    pub(crate) text_field: String,
    /// Refuse an input file (or standard input) larger than this many bytes.
    #[arg(long, default_value_t = framelens::input::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub(crate) max_article_bytes: u64,
}

pub(crate) fn parse_input_format(s: &str) -> Result<framelens::input::Format, String> {
    framelens::input::Format::parse(s).ok_or_else(|| {
        format!("unknown input format `{s}`, expected one of text, markdown, html, json, jsonl")
    })
}

pub(crate) fn parse_hits_path(s: &str) -> Result<PathBuf, String> {
    let p = PathBuf::from(s);
    match framelens::corpus::hits::HitFormat::of(&p) {
        Some(_) => Ok(p),
        None => Err("the hits file must end in .csv, .jsonl or .ndjson".into()),
    }
}

pub(crate) fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 86_400.0 => Ok(t),
        _ => Err("expected a number of seconds, such as 30 or 2.5".into()),
    }
}

#[derive(Subcommand)]
pub(crate) enum LexCmd {
    /// Check lexicon files for errors, all at once (exit 0 clean, 1 problems, 2 unreadable).
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Quality warnings on the loaded lexicons (bundled and --lexicon files).
    Lint,
    /// List every loaded entry.
    List,
    /// Show one entry.
    Show { id: String },
    /// Show which entry matches which words of TEXT, and why.
    Explain { text: String },
    /// Write a commented starter lexicon to FILE.
    Init { file: PathBuf },
    /// Convert a LIWC (.dic), Lexicoder (.lc3), quanteda (YAML) or WordStat (.cat) dictionary to
    /// framelens YAML; what cannot be carried over is listed on standard error.
    Import {
        file: PathBuf,
        #[arg(long, value_parser = parse_foreign)]
        from: framelens::lexicon::convert::Foreign,
        /// What every entry id starts with (default: the file's name and `-`, as in
        /// `mini-terrorist`, so that no id replaces a bundled entry; `--prefix ''` keeps the
        /// bare words, which replace the entries of the same id).
        #[arg(long, value_name = "TEXT")]
        prefix: Option<String>,
    },
    /// Convert the loaded lexicons to LIWC, Lexicoder, quanteda or WordStat.
    Export {
        #[arg(long, value_parser = parse_foreign)]
        to: framelens::lexicon::convert::Foreign,
    },
    /// Print the JSON Schema of the lexicon format (lexicons/schema.json).
    Schema,
    /// Add a label entry to FILE in place, keeping every comment and the formatting.
    Add {
        file: PathBuf,
        #[arg(long)]
        id: String,
        /// A form (repeat for several).
        #[arg(long = "form")]
        forms: Vec<String>,
        #[arg(long)]
        regex: Option<String>,
        #[arg(long)]
        category: String,
        #[arg(long, allow_hyphen_values = true, value_parser = clap::value_parser!(i8).range(-2..=2))]
        stance: i8,
        /// label, act, attribution or distancing.
        #[arg(long, default_value = "label", value_parser = parse_kind)]
        kind: framelens::lexicon::Kind,
        /// An actor type the term can describe (repeat for several).
        #[arg(long = "target", value_parser = parse_type)]
        targets: Vec<framelens::lexicon::ActorType>,
        #[arg(long = "exclude")]
        exclude: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        /// Declare --category in FILE even though no loaded lexicon declares it (without this,
        /// an unknown category is refused as a likely typo).
        #[arg(long)]
        new_category: bool,
    },
    /// Add an actor entry to FILE in place.
    AddActor {
        file: PathBuf,
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long = "type", value_parser = parse_type)]
        actor_type: framelens::lexicon::ActorType,
        #[arg(long = "alias")]
        aliases: Vec<String>,
        #[arg(long = "adjective")]
        adjectives: Vec<String>,
    },
    /// Remove the label or actor with this id from FILE in place.
    Remove { file: PathBuf, id: String },
    /// Print lexicon entries (YAML, with the add-actor command for each) for the parties the
    /// articles name that no loaded lexicon lists: named organisations, their acronyms, titled
    /// people. Reads its inputs as score does.
    SuggestActors {
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
}

pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e: jiff::Error| format!("not a date (YYYY-MM-DD): {e}"))
}

pub(crate) fn parse_kind(s: &str) -> Result<framelens::lexicon::Kind, String> {
    use framelens::lexicon::Kind;
    [Kind::Label, Kind::Act, Kind::Attribution, Kind::Distancing]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| {
            format!("unknown kind `{s}`, expected one of label, act, attribution, distancing")
        })
}

pub(crate) fn parse_type(s: &str) -> Result<framelens::lexicon::ActorType, String> {
    use framelens::lexicon::ActorType as T;
    [T::State, T::ArmedGroup, T::Movement, T::Population, T::Organization]
        .into_iter()
        .find(|t| t.as_str() == s)
        .ok_or_else(|| format!("unknown actor type `{s}`, expected one of state, armed_group, movement, population, organization"))
}

pub(crate) fn parse_foreign(s: &str) -> Result<framelens::lexicon::convert::Foreign, String> {
    s.parse()
        .map_err(|e: framelens::lexicon::convert::ConvertError| e.to_string())
}

#[derive(Subcommand)]
pub(crate) enum Cmd {
    /// Write, check and inspect lexicons.
    #[command(subcommand)]
    Lexicon(LexCmd),
    /// Tag loaded terms in one or more articles (files, URLs or `-` for stdin: text with the
    /// headline first, Markdown, HTML pages, JSON or JSONL records).
    Score {
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        /// Read the articles as coverage of one story: a party one article never names is
        /// aligned with the party that plays the same role in another.
        #[arg(long)]
        same_story: bool,
    },
    /// List the attribution relations in one or more articles (read as score does): who is
    /// cited (source and resolved speaker), the cue, the words attributed (content) and the
    /// kind: quote, reported, scare, designation or naming. --explain gives each one's rule.
    Attributions {
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Compare how two articles (files, URLs or `-`) describe the same actors.
    Compare {
        a: PathBuf,
        b: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// Name of source A in the report (default: its file name).
        #[arg(long)]
        name_a: Option<String>,
        /// Name of source B in the report (default: its file name).
        #[arg(long)]
        name_b: Option<String>,
    },
    /// Analyse a corpus: folders of .txt files, JSONL, CSV or `-` (JSONL on stdin), many articles
    /// per source, on every core; per-source totals, and with --compare the labels each source
    /// over- or under-uses for each actor.
    Corpus(CorpusArgs),
    /// Merge summaries from separate corpus runs into the summary one run over all would give.
    Merge {
        #[arg(required = true, value_name = "SUMMARY")]
        parts: Vec<PathBuf>,
        /// Refuse a merge that names more than N sources (its memory grows with them).
        #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES)]
        max_sources: usize,
    },
    /// Report on one or more summaries (merged first), as `corpus` does.
    Report {
        #[arg(required = true, value_name = "SUMMARY")]
        summaries: Vec<PathBuf>,
        /// Refuse summaries that together name more than N sources (memory grows with them).
        #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES)]
        max_sources: usize,
        #[command(flatten)]
        stats: StatsArgs,
    },
    /// Measure the tool, beside a window baseline, against annotated data.
    #[command(group(clap::ArgGroup::new("data").required(true).multiple(true).args(["gold", "basil", "newswcl", "polnear", "semeval_spans", "entity_framing"])))]
    Eval {
        /// Folder of gold YAML files (framelens gold format, docs/gold-format.md).
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Folder of the articles of --gold (default: beside the gold files).
        #[arg(long, requires = "gold")]
        articles: Option<PathBuf>,
        /// BASIL folder (with articles/ and annotations/): measured with the lexicons in use and
        /// with an oracle lexicon built from its gold spans.
        #[arg(long)]
        basil: Option<PathBuf>,
        /// NewsWCL50 file in CoNLL form: actor linking and coreference of the party mentions,
        /// with an oracle lexicon built from the file (the lexicon options are not used).
        #[arg(long, value_name = "FILE")]
        newswcl: Option<PathBuf>,
        /// With --newswcl: analyse the articles of each event together, as one story.
        #[arg(long, requires = "newswcl")]
        same_story: bool,
        /// PolNeAR folder (text/ and attributions/ in brat format, or subfolders such as train/
        /// and dev/ laid out so): the attribution relations (content, source, cue) and the voice
        /// of the lexicon hits, beside a quotation-marks-only baseline.
        #[arg(long, value_name = "DIR")]
        polnear: Option<PathBuf>,
        /// SemEval-2023 Task 3 folder (articles/ and labels/): the lexicon hits against the
        /// Loaded_Language and Name_Calling-Labeling spans, precision against any technique, and
        /// recall on conflict vocabulary.
        #[arg(long, value_name = "DIR")]
        semeval_spans: Option<PathBuf>,
        /// SemEval-2025 Task 10 subtask-1 folder (raw-documents/, subtask-1-annotations.txt): do
        /// the terms tied to each entity agree with its role? Oracle actors from the mentions,
        /// the bundled labels (the lexicon options are not used).
        #[arg(long, value_name = "DIR")]
        entity_framing: Option<PathBuf>,
    },
}

/// The arguments of `corpus`.
#[derive(clap::Args)]
pub(crate) struct CorpusArgs {
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Read every input as txt, jsonl or csv (default: by extension; stdin is jsonl).
    #[arg(long, value_parser = ["txt", "jsonl", "csv"])]
    pub(crate) input_format: Option<String>,
    /// JSONL field / CSV column holding the article id.
    #[arg(long, default_value = "id")]
    pub(crate) id_field: String,
    /// ... the source (outlet); default: the folder or file name.
    #[arg(long, default_value = "source")]
    pub(crate) source_field: String,
    /// ... the date (ISO 8601 or RFC 2822).
    #[arg(long, default_value = "date")]
    pub(crate) date_field: String,
    /// ... the headline (analysed as its own paragraph).
    #[arg(long, default_value = "title")]
    pub(crate) title_field: String,
    /// ... the article text.
    #[arg(long, default_value = "text")]
    pub(crate) text_field: String,
    /// ... a story id: consecutive records with the same value are read as one story, as
    /// `score --same-story` reads its files (sort the corpus by it first).
    #[arg(long, value_name = "FIELD")]
    pub(crate) story_field: Option<String>,
    /// The source of every record, whatever the input says.
    #[arg(long, conflicts_with = "source_map")]
    pub(crate) source: Option<String>,
    /// A file of `raw,source` lines renaming raw sources (field values, folder or file names).
    #[arg(long, value_name = "FILE")]
    pub(crate) source_map: Option<PathBuf>,
    /// Skip articles longer than this many bytes.
    #[arg(long, default_value_t = framelens::corpus::input::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub(crate) max_article_bytes: usize,
    /// Write one row per hit and actor to FILE (.csv, .jsonl or .ndjson).
    #[arg(long, value_name = "FILE", value_parser = parse_hits_path)]
    pub(crate) hits: Option<PathBuf>,
    /// Write the mergeable per-source aggregate to FILE (JSON; see `framelens merge`).
    #[arg(long, value_name = "FILE")]
    pub(crate) summary: Option<PathBuf>,
    /// Stop when the records name more than N sources (the summary's memory grows with
    /// them); --source-map can map raw names to fewer sources.
    #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES)]
    pub(crate) max_sources: usize,
    /// Write --hits CSV cells as they are: by default a text cell that a spreadsheet would
    /// run as a formula (starting with =, +, -, @, a tab or a carriage return, and not a
    /// number) is written with a ' in front.
    #[arg(long)]
    pub(crate) raw_csv: bool,
    #[command(flatten)]
    pub(crate) stats: StatsArgs,
    /// Worker threads (default: one per core; at most four per core).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// No progress bar and no closing line on standard error.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
}

/// How `corpus` and `report` compare sources.
#[derive(clap::Args)]
pub(crate) struct StatsArgs {
    /// For each actor, test which labels each source over- or under-uses against the others.
    #[arg(long)]
    pub(crate) compare: bool,
    /// Also compare period by period.
    #[arg(long, value_enum)]
    pub(crate) by: Option<ByArg>,
    /// Which uses count: the outlet's own voice, others' (quoted, reported), or all.
    #[arg(long, value_enum, default_value_t = VoiceArg::Author)]
    pub(crate) voice: VoiceArg,
    /// Significance level for the (adjusted) p-value of G².
    #[arg(long, default_value_t = 0.05, value_parser = parse_alpha)]
    pub(crate) alpha: f64,
    /// Do not test terms used fewer times than this (all sources together).
    #[arg(long, default_value_t = 5)]
    pub(crate) min_count: u64,
    /// Correction for the number of tests.
    #[arg(long, value_enum, default_value_t = AdjustArg::Holm)]
    pub(crate) adjust: AdjustArg,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ByArg {
    Month,
    Year,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum VoiceArg {
    Author,
    Others,
    All,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum AdjustArg {
    Holm,
    None,
}

pub(crate) fn parse_alpha(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(a) if a > 0.0 && a < 1.0 => Ok(a),
        _ => Err("expected a number between 0 and 1, such as 0.05".into()),
    }
}

impl StatsArgs {
    pub(crate) fn options(&self) -> framelens::corpus::compare::CompareOptions {
        use framelens::corpus::compare::{Adjust, CompareOptions, Period, VoiceFilter};
        CompareOptions {
            voices: match self.voice {
                VoiceArg::Author => VoiceFilter::Author,
                VoiceArg::Others => VoiceFilter::Others,
                VoiceArg::All => VoiceFilter::All,
            },
            by: self.by.map(|b| match b {
                ByArg::Month => Period::Month,
                ByArg::Year => Period::Year,
            }),
            alpha: self.alpha,
            min_count: self.min_count,
            adjust: match self.adjust {
                AdjustArg::Holm => Adjust::Holm,
                AdjustArg::None => Adjust::None,
            },
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Fmt {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// Exits with a usage error for a flag the command does not take: flags for reading articles
/// where no article is read, and `--format html` for `attributions`.
pub(crate) fn refuse_misplaced_flags(cli: &Cli, format: Format) {
    use clap::CommandFactory;
    if format == Format::Html && matches!(cli.command, Cmd::Attributions { .. }) {
        Cli::command()
            .error(
                clap::error::ErrorKind::InvalidValue,
                "attributions has no HTML format: use text, markdown or json",
            )
            .exit();
    }
    // Flags for reading articles, refused where no article is read.
    let reads = matches!(
        cli.command,
        Cmd::Score { .. }
            | Cmd::Attributions { .. }
            | Cmd::Compare { .. }
            | Cmd::Lexicon(LexCmd::SuggestActors { .. })
    );
    for (given, flag, applies) in [
        (cli.lossy, "--lossy", reads),
        (cli.show_text, "--show-text", reads),
        (
            cli.encoding.is_some(),
            "--encoding",
            reads || matches!(cli.command, Cmd::Corpus { .. }),
        ),
    ] {
        if given && !applies {
            let only = if flag == "--encoding" {
                "score, attributions, compare, corpus and lexicon suggest-actors"
            } else {
                "score, attributions, compare and lexicon suggest-actors"
            };
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("{flag} applies to {only} only"),
                )
                .exit();
        }
    }
}
