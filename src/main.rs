//! The `framelens` command: parses flags into a validated [`cli::run::Config`] and runs it.

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::args::Cli;
use cli::exit::Exit;
use cli::process::{ClosedStdout, STDOUT_CLOSED, clean_up_on_signals, start_workers};
use cli::run::{self as app, AppError, Command, LexiconCommand};

/// mimalloc: the analysis allocates many small strings on every core, where it is markedly faster
/// than the system allocator (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    clean_up_on_signals();
    let config = cli.into_config();
    if let Command::Corpus(c) = &config.command
        && let Err(e) = start_workers(c.threads)
    {
        eprintln!("framelens: {e}");
        return Exit::Failure.into();
    }
    let edits = matches!(
        config.command,
        Command::Lexicon(
            LexiconCommand::Init { .. }
                | LexiconCommand::Add { .. }
                | LexiconCommand::AddActor { .. }
                | LexiconCommand::Remove { .. }
        )
    );
    let (mut stdout, mut closed, mut sink) =
        (std::io::stdout().lock(), ClosedStdout, std::io::sink());
    let out: &mut dyn std::io::Write =
        match STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
            false => &mut stdout,
            true if edits => &mut sink,
            true => &mut closed,
        };
    match app::run(&config, out) {
        Ok(exit) => exit.into(),
        Err(AppError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let exit = e.exit();
            let msg = anyhow::Error::new(e);
            eprintln!("framelens: {msg}");
            exit.into()
        }
    }
}
