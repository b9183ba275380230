//! `framelens man`: the manual page of the program or of one of its commands, made from the clap
//! definition by clap_mangen, so that it can never disagree with `--help`.
//!
//! The page of the program lists its commands; each command has a page of its own, named as git
//! names its pages (`framelens-lexicon-add`). Pages are written to standard output; a package
//! build installs them with `framelens man > framelens.1` and `framelens man score >
//! framelens-score.1`.

use clap::CommandFactory;

use super::args::Cli;
use super::run::AppError;

/// The roff source of the page of the command these words name (none: the program).
pub(crate) fn page(words: &[String]) -> Result<String, AppError> {
    let mut root = Cli::command();
    root.build();
    let mut cmd = &root;
    for (i, w) in words.iter().enumerate() {
        let path = words[..i].join(" ");
        let known: Vec<&str> = cmd
            .get_subcommands()
            .map(clap::Command::get_name)
            .filter(|n| *n != "help")
            .collect();
        let found = cmd.find_subcommand(w).filter(|_| w != "help");
        cmd = found.ok_or_else(|| {
            AppError::Usage(if known.is_empty() {
                format!("`framelens {path}` has no subcommands; its page is `framelens man {path}`")
            } else {
                format!(
                    "`framelens {}{w}` is not a command; the commands{} are {}",
                    if path.is_empty() {
                        String::new()
                    } else {
                        format!("{path} ")
                    },
                    if path.is_empty() {
                        String::new()
                    } else {
                        format!(" of `{path}`")
                    },
                    known.join(", ")
                )
            })
        })?;
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .source(concat!("framelens ", env!("CARGO_PKG_VERSION")))
        .manual("framelens manual")
        .render(&mut buf)
        .map_err(AppError::Output)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
