//! Every exit status of `framelens`, in one place. Each status means one thing, whichever command
//! ends with it: `lexicon check` finding problems ends as a lexicon that cannot be loaded does
//! (4), and a file it cannot read as an article that cannot be read (3). The README and
//! `framelens --help` give the same table, and the integration tests pin the status of runs that
//! end with each.

use std::process::ExitCode;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the run did what was asked.
    Success,
    /// 1: an unexpected failure (a lexicon that cannot be compiled, a report that cannot be
    /// rendered, a worker thread that cannot start).
    Failure,
    /// 2: bad command-line usage: an unknown flag or value, an unknown `--encoding` label, an id
    /// that `lexicon show` does not know, a command `man` does not know.
    Usage,
    /// 3: an input could not be read: an article, a summary, a dictionary to import, a lexicon
    /// file `lexicon check` was given.
    Input,
    /// 4: a lexicon is invalid: it could not be loaded or edited, or `lexicon check` found
    /// problems in it.
    Lexicon,
    /// 5: gold annotations could not be read.
    Gold,
    /// 6: a corpus run finished but skipped some records.
    Skipped,
    /// 7: an output was refused or could not be written.
    Output,
}

impl Exit {
    /// The status number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
            Exit::Input => 3,
            Exit::Lexicon => 4,
            Exit::Gold => 5,
            Exit::Skipped => 6,
            Exit::Output => 7,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn each_status_has_its_documented_number() {
        let all = [
            (Exit::Success, 0),
            (Exit::Failure, 1),
            (Exit::Usage, 2),
            (Exit::Input, 3),
            (Exit::Lexicon, 4),
            (Exit::Gold, 5),
            (Exit::Skipped, 6),
            (Exit::Output, 7),
        ];
        for (e, n) in all {
            assert_eq!(e.code(), n, "{e:?}");
        }
    }
}
