//! From flags to a validated [`Config`]: colour, width, date and format settled, each
//! subcommand's arguments turned into its [`Command`].
//!
//! Each subcommand declares only the flags it uses (the groups of [`super::args`]); the groups a
//! subcommand does not have keep their defaults here, so a flag cannot be given where it would be
//! ignored.

use std::io::IsTerminal;
use std::path::PathBuf;

use framelens::input::{ReadOptions, Source};
use framelens::report::{Format, Options};

use super::args::{
    Cli, Cmd, ColorArgs, ColorWhen, CorpusArgs, EvalArgs, EvalFmt, ExplainArgs, Fmt, LexCmd,
    ListFmt, LoadArgs, OutArgs, PageArgs, ReadArgs,
};
use super::process::worker_threads;
use super::run::{self as app, Command, Config, LexiconCommand, LexiconConfig};

/// The flag groups of the command given, each left at its default where the command has none.
#[derive(Default)]
struct Groups {
    load: LoadArgs,
    out: OutArgs,
    format: Option<Format>,
    date: Option<jiff::civil::Date>,
    explain: bool,
    long: bool,
    show_text: bool,
    color: Option<ColorWhen>,
    read: Option<ReadArgs>,
    /// `--max-hits`, of the commands that have it.
    max_hits: Option<usize>,
}

impl Groups {
    fn page(&mut self, p: PageArgs) {
        self.format = Some(match p.format {
            Fmt::Text => Format::Text,
            Fmt::Markdown => Format::Markdown,
            Fmt::Json => Format::Json,
            Fmt::Html => Format::Html,
        });
        self.date = p.date;
    }

    fn explain(&mut self, e: ExplainArgs) {
        self.explain = e.explain;
        self.show_text = e.show_text;
    }

    fn color(&mut self, c: ColorArgs) {
        self.color = Some(c.color);
    }
}

impl Cli {
    /// The configuration these flags ask for.
    pub(crate) fn into_config(self) -> Config {
        let mut g = Groups::default();
        let command = command(self.command, &mut g);
        let format = g.format.unwrap_or(Format::Text);
        let color = match g.color.unwrap_or(ColorWhen::Never) {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
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
        let timeout = g.load.timeout();
        let mut input = ReadOptions {
            timeout,
            ..ReadOptions::default()
        };
        if let Some(r) = g.read {
            input.encoding = r.encoding.encoding;
            input.lossy = r.lossy;
            input.format = r.input_format;
            input.fields.title = r.title_field;
            input.fields.text = r.text_field;
            input.max_bytes = r.max_article_bytes;
        }
        Config {
            input,
            max_hits: g.max_hits.unwrap_or(framelens::analysis::DEFAULT_MAX_HITS),
            show_text: g.show_text,
            terminal: std::io::stdout().is_terminal(),
            // `-o -` is standard output.
            output: g.out.output.filter(|p| p.as_os_str() != "-"),
            command,
            lexicons: LexiconConfig {
                files: g.load.lexicons,
                no_defaults: g.load.no_default_lexicons,
                open_wait: timeout,
            },
            report: Options {
                format,
                explain: g.explain,
                long: g.long,
                color: color && format == Format::Text,
                width,
                date: Some(g.date.unwrap_or_else(|| {
                    jiff::Timestamp::now()
                        .to_zoned(jiff::tz::TimeZone::UTC)
                        .date()
                })),
            },
        }
    }
}

fn sources(files: Vec<PathBuf>) -> Vec<Source> {
    files.into_iter().map(Source::from_arg).collect()
}

/// The command these flags ask for; its flag groups go to `g`.
fn command(cmd: Cmd, g: &mut Groups) -> Command {
    match cmd {
        Cmd::Lexicon(l) => Command::Lexicon(lexicon_command(l, g)),
        Cmd::Score {
            files,
            same_story,
            read,
            cap,
            load,
            page,
            explain,
            color,
            out,
        } => {
            (g.read, g.load, g.out) = (Some(read), load, out);
            g.max_hits = Some(cap.max_hits);
            g.page(page);
            g.explain(explain);
            g.color(color);
            Command::Score {
                inputs: sources(files),
                same_story,
            }
        }
        Cmd::Attributions {
            files,
            read,
            cap,
            load,
            format,
            explain,
            color,
            out,
        } => {
            (g.read, g.load, g.out) = (Some(read), load, out);
            g.max_hits = Some(cap.max_hits);
            g.format = Some(match format {
                ListFmt::Text => Format::Text,
                ListFmt::Markdown => Format::Markdown,
                ListFmt::Json => Format::Json,
            });
            g.explain(explain);
            g.color(color);
            Command::Attributions {
                inputs: sources(files),
            }
        }
        Cmd::Compare {
            a,
            b,
            name_a,
            name_b,
            long,
            show_text,
            read,
            cap,
            load,
            page,
            color,
            out,
        } => {
            (g.read, g.load, g.out, g.show_text, g.long) = (Some(read), load, out, show_text, long);
            g.max_hits = Some(cap.max_hits);
            g.page(page);
            g.color(color);
            Command::Compare {
                a: Source::from_arg(a),
                b: Source::from_arg(b),
                name_a,
                name_b,
            }
        }
        Cmd::Corpus(c) => Command::Corpus(Box::new(corpus_config(*c, g))),
        Cmd::Merge {
            parts,
            max_sources,
            out,
        } => {
            g.out = out;
            Command::Merge { parts, max_sources }
        }
        Cmd::Report {
            summaries,
            max_sources,
            stats,
            page,
            out,
        } => {
            g.out = out;
            g.page(page);
            Command::Report {
                summaries,
                max_sources,
                compare: stats.compare,
                options: stats.options(),
            }
        }
        Cmd::Eval(e) => Command::Eval(eval_sets(*e, g)),
        Cmd::Completions { shell } => Command::Completions(shell),
        Cmd::Man { command, out_dir } => match out_dir {
            Some(dir) => Command::ManPages(dir),
            None => Command::Man(command),
        },
    }
}

fn eval_sets(e: EvalArgs, g: &mut Groups) -> app::EvalSets {
    let EvalArgs {
        gold,
        articles,
        basil,
        newswcl,
        same_story,
        polnear,
        semeval_spans,
        entity_framing,
        load,
        format,
        out,
    } = e;
    (g.load, g.out) = (load, out);
    g.format = Some(match format {
        EvalFmt::Text => Format::Text,
        EvalFmt::Json => Format::Json,
    });
    app::EvalSets {
        gold,
        articles,
        basil,
        newswcl,
        same_story,
        polnear,
        semeval_spans,
        entity_framing,
    }
}

/// The lexicon subcommand these flags ask for; its flag groups go to `g`.
fn lexicon_command(l: LexCmd, g: &mut Groups) -> LexiconCommand {
    match l {
        LexCmd::Check {
            files,
            no_default_lexicons,
        } => {
            g.load.no_default_lexicons = no_default_lexicons;
            LexiconCommand::Check { files }
        }
        LexCmd::Lint { load } => {
            g.load = load;
            LexiconCommand::Lint
        }
        LexCmd::List { load } => {
            g.load = load;
            LexiconCommand::List
        }
        LexCmd::Show { id, load } => {
            g.load = load;
            LexiconCommand::Show { id }
        }
        LexCmd::Explain { text, load } => {
            g.load = load;
            LexiconCommand::Explain { text }
        }
        LexCmd::Init { file } => LexiconCommand::Init { file },
        LexCmd::Import {
            file,
            from,
            prefix,
            out,
        } => {
            g.out = out;
            LexiconCommand::Import { file, from, prefix }
        }
        LexCmd::Export { to, load, out } => {
            (g.load, g.out) = (load, out);
            LexiconCommand::Export { to }
        }
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
            load,
        } => {
            g.load = load;
            LexiconCommand::Add {
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
            }
        }
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
        LexCmd::SuggestActors { files, read, load } => {
            (g.read, g.load) = (Some(read), load);
            LexiconCommand::SuggestActors {
                inputs: sources(files),
            }
        }
    }
}

/// The configuration of a corpus run.
fn corpus_config(c: CorpusArgs, g: &mut Groups) -> app::CorpusConfig {
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
        dates,
        max_article_bytes,
        max_hits,
        hits,
        summary,
        max_sources,
        raw_csv,
        stats,
        encoding,
        load,
        page,
        out,
        threads,
        quiet,
    } = c;
    let timeout = load.timeout();
    (g.load, g.out) = (load, out);
    g.page(page);
    g.max_hits = Some(max_hits);
    app::CorpusConfig {
        input: framelens::corpus::input::InputConfig {
            paths: inputs,
            format: input_format,
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
            dates: Default::default(),
            max_bytes: max_article_bytes,
            encoding: encoding.encoding,
            html_deadline: Some(timeout),
        },
        source_map,
        dates,
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
