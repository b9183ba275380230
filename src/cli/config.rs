//! From flags to a validated [`Config`]: colour, width, date and format settled, each
//! subcommand's arguments turned into its [`Command`].

use std::io::IsTerminal;

use framelens::input::{ReadOptions, Source};
use framelens::report::{Format, Options};

use super::args::{Cli, Cmd, ColorWhen, CorpusArgs, Fmt, LexCmd, ReadArgs, refuse_misplaced_flags};
use super::process::worker_threads;
use super::run::{self as app, Command, Config, LexiconCommand, LexiconConfig};

impl Cli {
    /// The configuration these flags ask for. Flags that make no sense together end the process
    /// with a usage error first ([`refuse_misplaced_flags`]).
    pub(crate) fn into_config(self) -> Config {
        let color = match self.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let format = match self.format {
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
        refuse_misplaced_flags(&self, format);
        let timeout = self.timeout.map_or(
            framelens::input::DEFAULT_TIMEOUT,
            std::time::Duration::from_secs_f64,
        );
        let mut read_args = None;
        let command = command(self.command, self.encoding, timeout, &mut read_args);
        let mut input = ReadOptions {
            encoding: self.encoding,
            lossy: self.lossy,
            timeout,
            ..ReadOptions::default()
        };
        if let Some(r) = read_args {
            input.format = r.input_format;
            input.fields.title = r.title_field;
            input.fields.text = r.text_field;
            input.max_bytes = r.max_article_bytes;
        }
        let open_wait = input.timeout;
        Config {
            input,
            show_text: self.show_text,
            terminal: std::io::stdout().is_terminal(),
            // `-o -` is standard output.
            output: self.output.filter(|p| p.as_os_str() != "-"),
            command,
            lexicons: LexiconConfig {
                files: self.lexicons,
                no_defaults: self.no_default_lexicons,
                open_wait,
            },
            report: Options {
                format,
                explain: self.explain,
                color: color && format == Format::Text,
                width,
                date: Some(self.date.unwrap_or_else(|| {
                    jiff::Timestamp::now()
                        .to_zoned(jiff::tz::TimeZone::UTC)
                        .date()
                })),
            },
        }
    }
}

/// The command these flags ask for; the reading flags of a command that reads articles go to
/// `read_args`.
fn command(
    cmd: Cmd,
    encoding: Option<&'static encoding_rs::Encoding>,
    timeout: std::time::Duration,
    read_args: &mut Option<ReadArgs>,
) -> Command {
    match cmd {
        Cmd::Lexicon(l) => Command::Lexicon(lexicon_command(l, read_args)),
        Cmd::Score {
            files,
            read,
            same_story,
        } => {
            *read_args = Some(read);
            Command::Score {
                inputs: files.into_iter().map(Source::from_arg).collect(),
                same_story,
            }
        }
        Cmd::Attributions { files, read } => {
            *read_args = Some(read);
            Command::Attributions {
                inputs: files.into_iter().map(Source::from_arg).collect(),
            }
        }
        Cmd::Compare {
            a,
            b,
            read,
            name_a,
            name_b,
        } => {
            *read_args = Some(read);
            Command::Compare {
                a: Source::from_arg(a),
                b: Source::from_arg(b),
                name_a,
                name_b,
            }
        }
        Cmd::Corpus(c) => Command::Corpus(Box::new(corpus_config(c, encoding, timeout))),
        Cmd::Merge { parts, max_sources } => Command::Merge { parts, max_sources },
        Cmd::Report {
            summaries,
            max_sources,
            stats,
        } => Command::Report {
            summaries,
            max_sources,
            compare: stats.compare,
            options: stats.options(),
        },
        Cmd::Eval {
            gold,
            articles,
            basil,
            newswcl,
            same_story,
            polnear,
            semeval_spans,
            entity_framing,
        } => Command::Eval(app::EvalSets {
            gold,
            articles,
            basil,
            newswcl,
            same_story,
            polnear,
            semeval_spans,
            entity_framing,
        }),
    }
}

/// The lexicon subcommand these flags ask for; the reading flags of `suggest-actors` go to
/// `read_args`.
fn lexicon_command(l: LexCmd, read_args: &mut Option<ReadArgs>) -> LexiconCommand {
    match l {
        LexCmd::Check { files } => LexiconCommand::Check { files },
        LexCmd::Lint => LexiconCommand::Lint,
        LexCmd::List => LexiconCommand::List,
        LexCmd::Show { id } => LexiconCommand::Show { id },
        LexCmd::Explain { text } => LexiconCommand::Explain { text },
        LexCmd::Init { file } => LexiconCommand::Init { file },
        LexCmd::Import { file, from, prefix } => LexiconCommand::Import { file, from, prefix },
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
            new_category,
        } => LexiconCommand::Add {
            file,
            new_category,
            entry: framelens::lexicon::LabelEntry {
                forms,
                regex,
                targets,
                exclude,
                note,
                ..framelens::lexicon::LabelEntry::new(id, category, stance, kind)
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
            entry: framelens::authoring::edit::NewActor {
                id,
                name,
                actor_type,
                aliases,
                adjectives,
            },
        },
        LexCmd::Remove { file, id } => LexiconCommand::Remove { file, id },
        LexCmd::SuggestActors { files, read } => {
            *read_args = Some(read);
            LexiconCommand::SuggestActors {
                inputs: files.into_iter().map(Source::from_arg).collect(),
            }
        }
    }
}

/// The configuration of a corpus run; `encoding` and `timeout` are the global flags.
fn corpus_config(
    c: CorpusArgs,
    encoding: Option<&'static encoding_rs::Encoding>,
    timeout: std::time::Duration,
) -> app::CorpusConfig {
    let CorpusArgs {
        inputs,
        input_format,
        id_field,
        source_field,
        date_field,
        title_field,
        text_field,
        story_field,
        source,
        source_map,
        max_article_bytes,
        hits,
        summary,
        max_sources,
        raw_csv,
        stats,
        threads,
        quiet,
    } = c;
    app::CorpusConfig {
        input: framelens::corpus::input::InputConfig {
            paths: inputs,
            format: input_format
                .as_deref()
                .and_then(framelens::corpus::input::InputFormat::parse),
            fields: framelens::corpus::input::Fields {
                id: id_field,
                source: source_field,
                date: date_field,
                title: title_field,
                text: text_field,
                story: story_field,
            },
            source,
            source_map: Default::default(),
            max_bytes: max_article_bytes,
            encoding,
            html_deadline: Some(timeout),
        },
        source_map,
        hits,
        raw_csv,
        max_sources,
        summary,
        compare: stats.compare,
        options: stats.options(),
        threads: worker_threads(threads),
        quiet,
        progress: !quiet && std::io::stderr().is_terminal(),
    }
}
