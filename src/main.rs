//! The `framelens` command: parses flags into a validated [`framelens::app::Config`] and runs it.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use framelens::app::{self, AppError, Command, Config, LexiconCommand, LexiconConfig};
use framelens::report::{Format, Options};

/// Shows how news outlets frame the same story: which loaded terms each article uses, which actor
/// each term describes, and whether the outlet says it in its own voice or quotes someone else.
#[derive(Parser)]
#[command(name = "framelens", version, about, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 success, 1 unexpected failure, 2 usage error, \
3 unreadable article, 4 invalid lexicon, 5 unreadable gold annotations."
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
    /// Add a lexicon file (YAML); later files override earlier entries with the same id.
    #[arg(long = "lexicon", short = 'l', global = true, value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Do not load the lexicons bundled with framelens.
    #[arg(long, global = true)]
    no_default_lexicons: bool,
    /// Output format.
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Fmt::Text)]
    format: Fmt,
    /// Show the rules and the sentence behind every term.
    #[arg(long, global = true)]
    explain: bool,
    /// The date shown in an HTML report's header, YYYY-MM-DD (default: today, UTC).
    #[arg(long, global = true, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

#[derive(Subcommand)]
enum LexCmd {
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
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e: jiff::Error| format!("not a date (YYYY-MM-DD): {e}"))
}

fn parse_kind(s: &str) -> Result<framelens::lexicon::Kind, String> {
    use framelens::lexicon::Kind;
    [Kind::Label, Kind::Act, Kind::Attribution, Kind::Distancing]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| {
            format!("unknown kind `{s}`, expected one of label, act, attribution, distancing")
        })
}

fn parse_type(s: &str) -> Result<framelens::lexicon::ActorType, String> {
    use framelens::lexicon::ActorType as T;
    [T::State, T::ArmedGroup, T::Movement, T::Population, T::Organization]
        .into_iter()
        .find(|t| t.as_str() == s)
        .ok_or_else(|| format!("unknown actor type `{s}`, expected one of state, armed_group, movement, population, organization"))
}

fn parse_foreign(s: &str) -> Result<framelens::lexicon::convert::Foreign, String> {
    s.parse()
        .map_err(|e: framelens::lexicon::convert::ConvertError| e.to_string())
}

#[derive(Subcommand)]
enum Cmd {
    /// Write, check and inspect lexicons.
    #[command(subcommand)]
    Lexicon(LexCmd),
    /// Tag loaded terms in one or more articles (UTF-8 text, first line the headline; `-` reads stdin).
    Score {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Compare how two articles describe the same actors.
    Compare {
        a: PathBuf,
        b: PathBuf,
        /// Name of source A in the report (default: its file name).
        #[arg(long)]
        name_a: Option<String>,
        /// Name of source B in the report (default: its file name).
        #[arg(long)]
        name_b: Option<String>,
    },
    /// Measure the tool, beside a window baseline, against annotated data.
    #[command(group(clap::ArgGroup::new("data").required(true).multiple(true).args(["gold", "basil"])))]
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
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Fmt {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let format = match cli.format {
        Fmt::Text => Format::Text,
        Fmt::Markdown => Format::Markdown,
        Fmt::Json => Format::Json,
        Fmt::Html => Format::Html,
    };
    let width = if std::io::stdout().is_terminal() {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(80)
            .clamp(40, 120)
    } else {
        80
    };
    let command = match cli.command {
        Cmd::Lexicon(l) => Command::Lexicon(match l {
            LexCmd::Check { files } => LexiconCommand::Check { files },
            LexCmd::Lint => LexiconCommand::Lint,
            LexCmd::List => LexiconCommand::List,
            LexCmd::Show { id } => LexiconCommand::Show { id },
            LexCmd::Explain { text } => LexiconCommand::Explain { text },
            LexCmd::Init { file } => LexiconCommand::Init { file },
            LexCmd::Import { file, from } => LexiconCommand::Import { file, from },
            LexCmd::Export { to } => LexiconCommand::Export { to },
            LexCmd::Schema => LexiconCommand::Schema,
            LexCmd::Add {
                file,
                id,
                forms,
                regex,
                category,
                stance,
                kind,
                targets,
                exclude,
                note,
            } => LexiconCommand::Add {
                file,
                entry: framelens::lexicon::edit::NewLabel {
                    id,
                    forms,
                    regex,
                    category,
                    stance,
                    kind,
                    targets,
                    exclude,
                    note,
                },
            },
            LexCmd::AddActor {
                file,
                id,
                name,
                actor_type,
                aliases,
                adjectives,
            } => LexiconCommand::AddActor {
                file,
                entry: framelens::lexicon::edit::NewActor {
                    id,
                    name,
                    actor_type,
                    aliases,
                    adjectives,
                },
            },
            LexCmd::Remove { file, id } => LexiconCommand::Remove { file, id },
        }),
        Cmd::Score { files } => Command::Score { inputs: files },
        Cmd::Compare {
            a,
            b,
            name_a,
            name_b,
        } => Command::Compare {
            a,
            b,
            name_a,
            name_b,
        },
        Cmd::Eval {
            gold,
            articles,
            basil,
        } => Command::Eval {
            gold,
            articles,
            basil,
        },
    };
    let config = Config {
        output: cli.output,
        command,
        lexicons: LexiconConfig {
            files: cli.lexicons,
            no_defaults: cli.no_default_lexicons,
        },
        report: Options {
            format,
            explain: cli.explain,
            color: color && format == Format::Text,
            width,
            date: Some(cli.date.unwrap_or_else(|| {
                jiff::Timestamp::now()
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date()
            }))
            .map(|d| (d.year(), d.month(), d.day())),
        },
    };
    let mut out = std::io::stdout().lock();
    match app::run(&config, &mut out) {
        Ok(code) => ExitCode::from(code),
        Err(AppError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let code = e.exit_code();
            let msg = anyhow::Error::new(e);
            eprintln!("framelens: {msg}");
            ExitCode::from(code)
        }
    }
}
