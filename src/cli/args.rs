//! The flags of `framelens`, as clap reads them. Turning them into a configuration is
//! [`super::config`]'s work.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Shows how news outlets frame the same story: which loaded terms each article uses, which actor
/// each term describes, and whether the outlet says it in its own voice or quotes someone else.
#[derive(Parser)]
#[command(name = "framelens", version, about, max_term_width = 100)]
#[command(
    after_help = "Inputs of score and compare: text (UTF-8, or --encoding), Markdown, HTML pages \
(.html, or content that starts like HTML: the article is extracted), JSON and JSONL records, \
http(s) URLs, `-` for standard input. Offsets count bytes of the text analysed, which \
--show-text prints.\n\n\
Exit codes (each means one thing, whichever command ends with it):\n  \
0  success\n  \
1  unexpected failure\n  \
2  usage error: an unknown flag, value, --encoding label or command; an id `lexicon show` does \
not know\n  \
3  an input could not be read: an article, a summary, a dictionary to import, a file given to \
`lexicon check` (missing, a directory, empty, binary, not valid in its encoding, no article \
text in a page, a URL that failed; each message names the input)\n  \
4  a lexicon is invalid: it could not be loaded or edited, or `lexicon check` found problems\n  \
5  gold annotations could not be read\n  \
6  a corpus run finished but skipped some records\n  \
7  an output was refused or not written (a link, a FIFO or a device, the same file as an input \
or as another output, an existing file for `lexicon init`, a full disk, a lexicon another edit \
holds locked)"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Cmd,
}

/// The lexicons a command loads, and how long it waits for inputs that are slow to come.
#[derive(clap::Args, Clone, Debug, Default)]
pub(crate) struct LoadArgs {
    /// Add a lexicon file (YAML); later files override earlier entries with the same id.
    #[arg(
        long = "lexicon",
        short = 'l',
        value_name = "FILE",
        help_heading = "Lexicons"
    )]
    pub(crate) lexicons: Vec<PathBuf>,
    /// Do not load the lexicons bundled with framelens.
    #[arg(long, help_heading = "Lexicons")]
    pub(crate) no_default_lexicons: bool,
    /// Give up after SECS seconds (default 30): fetching a URL (connecting, redirects and the
    /// page together), reading an HTML page (each, after it is fetched; in a corpus, the page is
    /// skipped), or waiting for a writer to open an article or a lexicon that is a FIFO
    /// (summaries, source maps and dictionaries to import wait 30 s).
    #[arg(long, value_name = "SECS", value_parser = parse_timeout, help_heading = "Input")]
    pub(crate) timeout: Option<f64>,
}

impl LoadArgs {
    /// `--timeout`, or the default.
    pub(crate) fn timeout(&self) -> std::time::Duration {
        self.timeout.map_or(
            framelens::input::DEFAULT_TIMEOUT,
            std::time::Duration::from_secs_f64,
        )
    }
}

/// Where a command writes its output.
#[derive(clap::Args, Clone, Debug, Default)]
pub(crate) struct OutArgs {
    /// Write the output to FILE (atomically) instead of standard output (`-`: standard output).
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    pub(crate) output: Option<PathBuf>,
}

/// The report of score, compare, corpus and report: its format and the date an HTML page shows.
#[derive(clap::Args, Clone, Debug)]
pub(crate) struct PageArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Fmt::Text, help_heading = "Output")]
    pub(crate) format: Fmt,
    /// The date shown in an HTML report's header, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_parser = parse_date, value_name = "DATE", help_heading = "Output")]
    pub(crate) date: Option<jiff::civil::Date>,
}

/// Colour in a text report.
#[derive(clap::Args, Clone, Debug)]
pub(crate) struct ColorArgs {
    /// Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", help_heading = "Output")]
    pub(crate) color: ColorWhen,
}

/// The evidence behind every term.
#[derive(clap::Args, Clone, Debug)]
pub(crate) struct ExplainArgs {
    /// Show the rules and the sentence behind every term (text output; the JSON always has
    /// them).
    #[arg(long, help_heading = "Output")]
    pub(crate) explain: bool,
    /// Print the text each input gives, as analysed (after decoding and HTML extraction), instead
    /// of the report: hit offsets slice it.
    #[arg(long, help_heading = "Input")]
    pub(crate) show_text: bool,
}

/// How `score`, `attributions`, `compare` and `lexicon suggest-actors` read their inputs.
#[derive(clap::Args, Clone, Debug)]
#[command(next_help_heading = "Input")]
pub(crate) struct ReadArgs {
    /// Read every input as FORMAT: text (or txt), markdown (or md), html, json or jsonl (default:
    /// by extension, by the server's Content-Type for a URL, and text that starts like HTML is
    /// HTML).
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub(crate) input_format: Option<framelens::input::Format>,
    /// JSON / JSONL field holding the headline.
    #[arg(long, default_value = "title", value_name = "FIELD")]
    pub(crate) title_field: String,
    /// JSON / JSONL field holding the article text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub(crate) text_field: String,
    /// Refuse an input file (or standard input) larger than this many bytes.
    #[arg(long, default_value_t = framelens::input::DEFAULT_MAX_BYTES, value_name = "BYTES", help_heading = "Input")]
    pub(crate) max_article_bytes: u64,
    #[command(flatten)]
    pub(crate) encoding: EncodingArgs,
    /// Replace bytes that are not valid in the input's encoding with U+FFFD (and say how many on
    /// standard error) instead of refusing the input.
    #[arg(long, help_heading = "Input")]
    pub(crate) lossy: bool,
}

/// The cap on lexicon matches of `score`, `attributions` and `compare`.
#[derive(clap::Args, Clone, Debug)]
pub(crate) struct HitCapArgs {
    /// Refuse an article with more than N lexicon matches (memory grows with them, about 1.4 KB
    /// each).
    #[arg(long, default_value_t = framelens::analysis::DEFAULT_MAX_HITS, value_name = "N", help_heading = "Input")]
    pub(crate) max_hits: usize,
}

/// The encoding of inputs that do not say.
#[derive(clap::Args, Clone, Debug, Default)]
pub(crate) struct EncodingArgs {
    /// The encoding of inputs without a byte-order mark (a WHATWG label: windows-1252,
    /// windows-1256, iso-8859-6, utf-16le ...; default UTF-8, or what a page or server declares).
    /// In corpus mode: text, Markdown and HTML files, and CSV fields (JSONL is UTF-8).
    #[arg(long, value_name = "LABEL", value_parser = framelens::input::encoding_for_label, help_heading = "Input")]
    pub(crate) encoding: Option<&'static encoding_rs::Encoding>,
}

pub(crate) fn parse_input_format(s: &str) -> Result<framelens::input::Format, String> {
    framelens::input::Format::parse(s).ok_or_else(|| {
        format!("unknown input format `{s}`, expected one of text, markdown, html, json, jsonl")
    })
}

pub(crate) fn parse_corpus_format(
    s: &str,
) -> Result<framelens::corpus::input::InputFormat, String> {
    framelens::corpus::input::InputFormat::parse(s)
        .ok_or_else(|| format!("unknown input format `{s}`, expected one of text, jsonl, csv"))
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
    /// Check lexicon files for errors, all at once (exit 0 clean, 4 problems, 3 a file could not
    /// be read).
    Check {
        /// The lexicon files (YAML) to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Check the files alone: a category the bundled lexicons declare is then unknown.
        #[arg(long, help_heading = "Lexicons")]
        no_default_lexicons: bool,
    },
    /// Quality warnings on the loaded lexicons (bundled and --lexicon files).
    Lint {
        #[command(flatten)]
        load: LoadArgs,
    },
    /// List every loaded entry.
    List {
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show one entry.
    Show {
        /// The id of a label or an actor.
        id: String,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show which entry matches which words of TEXT, and why.
    Explain {
        /// The words to match, as one argument (quote them).
        text: String,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Write a commented starter lexicon to FILE (never over an existing file).
    Init {
        /// The new lexicon file.
        file: PathBuf,
    },
    /// Convert a LIWC (.dic), Lexicoder (.lc3), quanteda (YAML) or WordStat (.cat) dictionary to
    /// framelens YAML; what cannot be carried over is listed on standard error.
    Import {
        /// The dictionary to convert.
        file: PathBuf,
        /// The dictionary's format.
        #[arg(long, value_parser = parse_foreign, value_name = "FORMAT")]
        from: framelens::lexicon::convert::Foreign,
        /// What every entry id starts with (default: the file's name and `-`, as in
        /// `mini-terrorist`, so that no id replaces a bundled entry; `--prefix ''` keeps the
        /// bare words, which replace the entries of the same id).
        #[arg(long, value_name = "TEXT")]
        prefix: Option<String>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Convert the loaded lexicons to LIWC, Lexicoder, quanteda or WordStat.
    Export {
        /// The format to write.
        #[arg(long, value_parser = parse_foreign, value_name = "FORMAT")]
        to: framelens::lexicon::convert::Foreign,
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Print the JSON Schema of the lexicon format (lexicons/schema.json).
    Schema,
    /// Add a label entry to FILE in place, keeping every comment and the formatting.
    Add {
        /// The lexicon file to edit.
        file: PathBuf,
        /// The new entry's id (letters, digits, `-` and `_`).
        #[arg(long)]
        id: String,
        /// A form (repeat for several): words, `*` for any word ending, `?` for one letter.
        #[arg(long = "form", value_name = "FORM")]
        forms: Vec<String>,
        /// A regular expression to match instead of forms.
        #[arg(long, value_name = "REGEX")]
        regex: Option<String>,
        /// The category, as `family/name` (one the loaded lexicons declare, or see
        /// --new-category).
        #[arg(long, value_name = "CATEGORY")]
        category: String,
        /// How the term casts the actor it describes, from -2 (most hostile) to 2.
        #[arg(long, allow_hyphen_values = true, value_name = "-2..2", value_parser = clap::value_parser!(i8).range(-2..=2))]
        stance: i8,
        /// label, act, attribution or distancing.
        #[arg(long, default_value = "label", value_parser = parse_kind, value_name = "KIND")]
        kind: framelens::lexicon::Kind,
        /// An actor type the term can describe (repeat for several): state, armed_group,
        /// movement, population or organization.
        #[arg(long = "target", value_parser = parse_type, value_name = "TYPE")]
        targets: Vec<framelens::lexicon::ActorType>,
        /// A phrase in which a form is not this term (repeat for several), as in
        /// `anti-terrorist police` for `terrorist`.
        #[arg(long = "exclude", value_name = "PHRASE")]
        exclude: Vec<String>,
        /// A note on the entry: where the term comes from, how it is used.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Declare --category in FILE even though no loaded lexicon declares it (without this,
        /// an unknown category is refused as a likely typo).
        #[arg(long)]
        new_category: bool,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Add an actor entry to FILE in place.
    AddActor {
        /// The lexicon file to edit.
        file: PathBuf,
        /// The new actor's id (letters, digits, `-` and `_`).
        #[arg(long)]
        id: String,
        /// The name reports show.
        #[arg(long)]
        name: String,
        /// state, armed_group, movement, population or organization.
        #[arg(long = "type", value_parser = parse_type, value_name = "TYPE")]
        actor_type: framelens::lexicon::ActorType,
        /// Another name of the actor in the text (repeat for several).
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<String>,
        /// An adjective that names the actor, as `Syrian` (repeat for several).
        #[arg(long = "adjective", value_name = "WORD")]
        adjectives: Vec<String>,
    },
    /// Remove the label or actor with this id from FILE in place.
    Remove {
        /// The lexicon file to edit.
        file: PathBuf,
        /// The id of the entry to remove.
        id: String,
    },
    /// Print lexicon entries (YAML, with the add-actor command for each) for the parties the
    /// articles name that no loaded lexicon lists: named organisations, their acronyms, titled
    /// people. Reads its inputs as score does.
    SuggestActors {
        /// Articles: files, URLs or `-` for standard input.
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        load: LoadArgs,
    },
}

pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e: jiff::Error| format!("not a date (YYYY-MM-DD): {e}"))
}

pub(crate) fn parse_kind(s: &str) -> Result<framelens::lexicon::Kind, String> {
    use framelens::lexicon::Kind;
    Kind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown kind `{s}`, expected one of {}", all.join(", "))
        })
}

/// An actor type of `lexicon add --target` and `add-actor --type`: every type but `person` (a
/// person is listed under an actor's `people`).
pub(crate) fn parse_type(s: &str) -> Result<framelens::lexicon::ActorType, String> {
    use framelens::lexicon::ActorType as T;
    let types = || T::ALL.into_iter().filter(|t| *t != T::Person);
    types().find(|t| t.as_str() == s).ok_or_else(|| {
        let all: Vec<&str> = types().map(|t| t.as_str()).collect();
        format!(
            "unknown actor type `{s}`, expected one of {}",
            all.join(", ")
        )
    })
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
        /// Articles: files, URLs or `-` for standard input.
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        /// Read the articles as coverage of one story: a party one article never names is
        /// aligned with the party that plays the same role in another.
        #[arg(long)]
        same_story: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        cap: HitCapArgs,
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        page: PageArgs,
        #[command(flatten)]
        explain: ExplainArgs,
        #[command(flatten)]
        color: ColorArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// List the attribution relations in one or more articles (read as score does): who is
    /// cited (source and resolved speaker), the cue, the words attributed (content) and the
    /// kind: quote, reported, scare, designation, naming, stance ("X supported the bill") or
    /// topic ("X spoke about the debt"); a stance's or topic's words are the outlet's, and keep
    /// its voice. --explain gives each one's rule.
    Attributions {
        /// Articles: files, URLs or `-` for standard input.
        #[arg(required = true, value_name = "FILE|URL")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        cap: HitCapArgs,
        #[command(flatten)]
        load: LoadArgs,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ListFmt::Text, help_heading = "Output")]
        format: ListFmt,
        #[command(flatten)]
        explain: ExplainArgs,
        #[command(flatten)]
        color: ColorArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Compare how two articles (files, URLs or `-`) describe the same actors.
    Compare {
        /// Source A: a file, a URL or `-` for standard input.
        #[arg(value_name = "A")]
        a: PathBuf,
        /// Source B: a file, a URL or `-` for standard input.
        #[arg(value_name = "B")]
        b: PathBuf,
        /// Name of source A in the report (default: its file name).
        #[arg(long, value_name = "NAME")]
        name_a: Option<String>,
        /// Name of source B in the report (default: its file name).
        #[arg(long, value_name = "NAME")]
        name_b: Option<String>,
        /// The summary in full: every term and speaker of each finding, and its evidence
        /// sentences (text and Markdown; the JSON has both forms).
        #[arg(long, help_heading = "Output")]
        long: bool,
        /// Print the text each input gives, as analysed (after decoding and HTML extraction),
        /// instead of the report: hit offsets slice it.
        #[arg(long, help_heading = "Input")]
        show_text: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        cap: HitCapArgs,
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        page: PageArgs,
        #[command(flatten)]
        color: ColorArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Analyse a corpus: folders of .txt files, JSONL, CSV or `-` (JSONL on stdin), many articles
    /// per source, on every core; per-source totals, and with --compare the labels each source
    /// over- or under-uses for each actor.
    Corpus(Box<CorpusArgs>),
    /// Merge summaries from separate corpus runs into the summary one run over all would give
    /// (JSON).
    Merge {
        /// Summaries written by `corpus --summary` (or by merge).
        #[arg(required = true, value_name = "SUMMARY")]
        parts: Vec<PathBuf>,
        /// Refuse a merge that names more than N sources (its memory grows with them).
        #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES)]
        max_sources: usize,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Report on one or more summaries (merged first), as `corpus` does.
    Report {
        /// Summaries written by `corpus --summary` or merge.
        #[arg(required = true, value_name = "SUMMARY")]
        summaries: Vec<PathBuf>,
        /// Refuse summaries that together name more than N sources (memory grows with them).
        #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES)]
        max_sources: usize,
        #[command(flatten)]
        stats: StatsArgs,
        #[command(flatten)]
        page: PageArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Measure the tool, beside a window baseline, against annotated data.
    Eval(Box<EvalArgs>),
    /// Print a shell's completion script for framelens: bash, zsh, fish, elvish or powershell
    /// (bash: `framelens completions bash > ~/.local/share/bash-completion/completions/framelens`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page of framelens, or of one command (roff: `framelens man | man -l -`);
    /// with --out-dir, write every page (the build step of a package: `framelens man --out-dir
    /// /usr/local/share/man/man1`).
    Man {
        /// A command, as `score` or `lexicon add` (default: the whole program).
        #[arg(value_name = "COMMAND", conflicts_with = "out_dir")]
        command: Vec<String>,
        /// Write the page of the program and of every command into this folder, as
        /// framelens.1, framelens-score.1, framelens-lexicon-add.1 ..., and list the files
        /// written.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// The arguments of `eval`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("data").required(true).multiple(true).args(["gold", "basil", "newswcl", "polnear", "semeval_spans", "entity_framing"])))]
pub(crate) struct EvalArgs {
    /// Folder of gold YAML files (framelens gold format, docs/gold-format.md).
    #[arg(long, value_name = "DIR")]
    pub(crate) gold: Option<PathBuf>,
    /// Folder of the articles of --gold (default: beside the gold files).
    #[arg(long, requires = "gold", value_name = "DIR")]
    pub(crate) articles: Option<PathBuf>,
    /// BASIL folder (with articles/ and annotations/): measured with the lexicons in use and
    /// with an oracle lexicon built from its gold spans.
    #[arg(long, value_name = "DIR")]
    pub(crate) basil: Option<PathBuf>,
    /// NewsWCL50 file in CoNLL form: actor linking and coreference of the party mentions,
    /// with an oracle lexicon built from the file (the lexicon options are not used).
    #[arg(long, value_name = "FILE")]
    pub(crate) newswcl: Option<PathBuf>,
    /// With --newswcl: analyse the articles of each event together, as one story.
    #[arg(long, requires = "newswcl")]
    pub(crate) same_story: bool,
    /// PolNeAR folder (text/ and attributions/ in brat format, or subfolders such as train/
    /// and dev/ laid out so): the attribution relations (content, source, cue) and the voice
    /// of the lexicon hits, beside a quotation-marks-only baseline.
    #[arg(long, value_name = "DIR")]
    pub(crate) polnear: Option<PathBuf>,
    /// SemEval-2023 Task 3 folder (articles/ and labels/): the lexicon hits against the
    /// Loaded_Language and Name_Calling-Labeling spans, precision against any technique, and
    /// recall on conflict vocabulary.
    #[arg(long, value_name = "DIR")]
    pub(crate) semeval_spans: Option<PathBuf>,
    /// SemEval-2025 Task 10 subtask-1 folder (raw-documents/, subtask-1-annotations.txt): do
    /// the terms tied to each entity agree with its role? Oracle actors from the mentions,
    /// the bundled labels (the lexicon options are not used).
    #[arg(long, value_name = "DIR")]
    pub(crate) entity_framing: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) load: LoadArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = EvalFmt::Text, help_heading = "Output")]
    pub(crate) format: EvalFmt,
    #[command(flatten)]
    pub(crate) out: OutArgs,
}

/// The arguments of `corpus`.
#[derive(clap::Args)]
pub(crate) struct CorpusArgs {
    /// Folders (a folder per source, or files inside), JSONL or CSV files, or `-` (JSONL on
    /// standard input).
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Read every input as FORMAT: text (or txt: a file per article), jsonl or csv (default: by
    /// extension; standard input is jsonl).
    #[arg(long, value_name = "FORMAT", value_parser = parse_corpus_format, help_heading = "Input")]
    pub(crate) input_format: Option<framelens::corpus::input::InputFormat>,
    /// JSONL field / CSV column holding the article id.
    #[arg(
        long,
        default_value = "id",
        value_name = "FIELD",
        help_heading = "Input"
    )]
    pub(crate) id_field: String,
    /// ... the source (outlet); default: the folder or file name.
    #[arg(
        long,
        default_value = "source",
        value_name = "FIELD",
        help_heading = "Input"
    )]
    pub(crate) source_field: String,
    /// ... the date (ISO 8601 or RFC 2822).
    #[arg(
        long,
        default_value = "date",
        value_name = "FIELD",
        help_heading = "Input"
    )]
    pub(crate) date_field: String,
    /// ... the headline (analysed as its own paragraph).
    #[arg(
        long,
        default_value = "title",
        value_name = "FIELD",
        help_heading = "Input"
    )]
    pub(crate) title_field: String,
    /// ... the article text.
    #[arg(
        long,
        default_value = "text",
        value_name = "FIELD",
        help_heading = "Input"
    )]
    pub(crate) text_field: String,
    /// ... a story id: consecutive records with the same value are read as one story, as
    /// `score --same-story` reads its files (sort the corpus by it first).
    #[arg(long, value_name = "FIELD", help_heading = "Input")]
    pub(crate) story_field: Option<String>,
    /// The source of every record, whatever the input says.
    #[arg(
        long,
        conflicts_with = "source_map",
        value_name = "NAME",
        help_heading = "Input"
    )]
    pub(crate) source: Option<String>,
    /// A file of `raw,source` lines renaming raw sources (field values, folder or file names).
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub(crate) source_map: Option<PathBuf>,
    /// A file of `id,date` lines dating the files of one article (id: the path within the folder
    /// given, as --hits writes it). Without it, a file is dated by its own metadata (HTML
    /// `<meta>`, Markdown front matter), else by a date in its name (`2024-12-03-story.txt`).
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub(crate) dates: Option<PathBuf>,
    /// Skip articles longer than this many bytes.
    #[arg(long, default_value_t = framelens::corpus::input::DEFAULT_MAX_BYTES, value_name = "BYTES", help_heading = "Input")]
    pub(crate) max_article_bytes: usize,
    /// Skip articles with more than N lexicon matches (memory grows with them, about 1.4 KB
    /// each).
    #[arg(long, default_value_t = framelens::analysis::DEFAULT_MAX_HITS, value_name = "N", help_heading = "Input")]
    pub(crate) max_hits: usize,
    /// Write one row per hit and actor to FILE (.csv, .jsonl or .ndjson).
    #[arg(long, value_name = "FILE", value_parser = parse_hits_path, help_heading = "Output")]
    pub(crate) hits: Option<PathBuf>,
    /// Write the mergeable per-source aggregate to FILE (JSON; see `framelens merge`).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub(crate) summary: Option<PathBuf>,
    /// Stop when the records name more than N sources (the summary's memory grows with
    /// them); --source-map can map raw names to fewer sources.
    #[arg(long, value_name = "N", default_value_t = framelens::corpus::run::DEFAULT_MAX_SOURCES, help_heading = "Run")]
    pub(crate) max_sources: usize,
    /// Write --hits CSV cells as they are: by default a text cell that a spreadsheet would
    /// run as a formula (starting with =, +, -, @, a tab or a carriage return, and not a
    /// number) is written with a ' in front.
    #[arg(long, help_heading = "Output")]
    pub(crate) raw_csv: bool,
    #[command(flatten)]
    pub(crate) stats: StatsArgs,
    #[command(flatten)]
    pub(crate) encoding: EncodingArgs,
    #[command(flatten)]
    pub(crate) load: LoadArgs,
    #[command(flatten)]
    pub(crate) page: PageArgs,
    #[command(flatten)]
    pub(crate) out: OutArgs,
    /// Worker threads (default: one per core; at most four per core).
    #[arg(long, value_name = "N", help_heading = "Run")]
    pub(crate) threads: Option<usize>,
    /// No progress bar and no closing line on standard error.
    #[arg(long, short = 'q', help_heading = "Run")]
    pub(crate) quiet: bool,
}

/// How `corpus` and `report` compare sources.
#[derive(clap::Args)]
#[command(next_help_heading = "Comparison")]
pub(crate) struct StatsArgs {
    /// For each actor, test which labels each source over- or under-uses against the others.
    #[arg(long)]
    pub(crate) compare: bool,
    /// Also compare period by period.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub(crate) by: Option<ByArg>,
    /// Which uses count: the outlet's own voice, others' (quoted, reported), or all.
    #[arg(long, value_enum, default_value_t = VoiceArg::Author, value_name = "VOICE")]
    pub(crate) voice: VoiceArg,
    /// Significance level for the (adjusted) p-value of G².
    #[arg(long, default_value_t = 0.05, value_parser = parse_alpha, value_name = "P")]
    pub(crate) alpha: f64,
    /// Do not test terms used fewer times than this (all sources together).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub(crate) min_count: u64,
    /// Correction for the number of tests.
    #[arg(long, value_enum, default_value_t = AdjustArg::Holm, value_name = "METHOD")]
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

/// The formats of a report that has a page form.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Fmt {
    Text,
    Markdown,
    Json,
    Html,
}

/// The formats of `attributions`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ListFmt {
    Text,
    Markdown,
    Json,
}

/// The formats of `eval`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum EvalFmt {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every command, as the words that name it, with the command itself.
    fn commands() -> Vec<(String, clap::Command)> {
        fn walk(prefix: &str, c: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
            for s in c.get_subcommands().filter(|s| s.get_name() != "help") {
                let name = format!("{prefix}{}", s.get_name()).trim().to_owned();
                out.push((name.clone(), s.clone()));
                walk(&format!("{name} "), s, out);
            }
        }
        let mut root = Cli::command();
        root.build();
        let mut out = vec![(String::new(), root.clone())];
        walk("", &root, &mut out);
        out
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_and_argument_has_help() {
        let mut missing = Vec::new();
        for (name, c) in commands() {
            if c.get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                missing.push(format!("`{name}` itself"));
            }
            for a in c.get_arguments() {
                if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    missing.push(format!("`{name}` {}", a.get_id()));
                }
            }
        }
        assert!(missing.is_empty(), "without help: {missing:?}");
    }

    /// Each command takes the flags it uses, and no other: the table is the contract.
    #[test]
    fn each_command_takes_only_the_flags_it_uses() {
        const LOAD: &str = "lexicon no-default-lexicons timeout";
        const READ: &str = "input-format title-field text-field max-article-bytes encoding lossy";
        const PAGE: &str = "format date";
        let want: Vec<(&str, String)> = vec![
            ("", "version".into()),
            ("lexicon", String::new()),
            ("lexicon check", "no-default-lexicons".into()),
            ("lexicon lint", LOAD.into()),
            ("lexicon list", LOAD.into()),
            ("lexicon show", LOAD.into()),
            ("lexicon explain", LOAD.into()),
            ("lexicon init", String::new()),
            ("lexicon import", "from prefix output".into()),
            ("lexicon export", format!("to {LOAD} output")),
            ("lexicon schema", String::new()),
            (
                "lexicon add",
                format!(
                    "id form regex category stance kind target exclude note new-category {LOAD}"
                ),
            ),
            ("lexicon add-actor", "id name type alias adjective".into()),
            ("lexicon remove", String::new()),
            ("lexicon suggest-actors", format!("{READ} {LOAD}")),
            (
                "score",
                format!("same-story {READ} max-hits {LOAD} {PAGE} explain show-text color output"),
            ),
            (
                "attributions",
                format!("{READ} max-hits {LOAD} format explain show-text color output"),
            ),
            (
                "compare",
                format!("name-a name-b long show-text {READ} max-hits {LOAD} {PAGE} color output"),
            ),
            (
                "corpus",
                format!(
                    "input-format id-field source-field date-field title-field text-field \
                     story-field source source-map dates max-article-bytes max-hits hits summary \
                     max-sources \
                     raw-csv compare by voice alpha min-count adjust encoding {LOAD} {PAGE} output \
                     threads quiet"
                ),
            ),
            ("merge", "max-sources output".into()),
            (
                "report",
                format!("max-sources compare by voice alpha min-count adjust {PAGE} output"),
            ),
            (
                "eval",
                format!(
                    "gold articles basil newswcl same-story polnear semeval-spans entity-framing \
                     {LOAD} format output"
                ),
            ),
            ("completions", String::new()),
            ("man", "out-dir".into()),
        ];
        let got: Vec<(String, String)> = commands()
            .into_iter()
            .map(|(name, c)| {
                let flags: Vec<&str> = c
                    .get_arguments()
                    .filter_map(|a| a.get_long())
                    .filter(|l| *l != "help")
                    .collect();
                (name, flags.join(" "))
            })
            .collect();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(n, f)| {
                (
                    n.to_owned(),
                    f.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect();
        assert_eq!(got, want);
    }
}
