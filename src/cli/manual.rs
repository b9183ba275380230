//! `framelens man`: the manual page of the program or of one of its commands, made from the clap
//! definition by clap_mangen, so that it can never disagree with `--help`.
//!
//! The page of the program lists its commands; each command has a page of its own, named as git
//! names its pages (`framelens-lexicon-add`). A page is written to standard output; `framelens
//! man --out-dir DIR` writes them all, the build step of a package (`scripts/assets.sh`).

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
    render(cmd)
}

/// Every page, with its file name: `framelens.1`, then one page per command and subcommand in
/// the order `--help` lists them (`framelens-score.1`, `framelens-lexicon-add.1`).
pub(crate) fn all_pages() -> Result<Vec<(String, String)>, AppError> {
    fn walk(
        cmd: &clap::Command,
        name: &str,
        out: &mut Vec<(String, String)>,
    ) -> Result<(), AppError> {
        out.push((format!("{name}.1"), render(cmd)?));
        for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
            walk(sub, &format!("{name}-{}", sub.get_name()), out)?;
        }
        Ok(())
    }
    let mut root = Cli::command();
    root.build();
    let mut out = Vec::new();
    walk(&root, "framelens", &mut out)?;
    Ok(out)
}

/// The roff source of one built command's page.
fn render(cmd: &clap::Command) -> Result<String, AppError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .source(concat!("framelens ", env!("CARGO_PKG_VERSION")))
        .manual("framelens manual")
        .render(&mut buf)
        .map_err(AppError::Output)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
