//! Every exit status of `framelens`, in one place. The README and `framelens --help` give the same
//! table, and the integration tests pin the status of runs that end with each.

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
    /// that `lexicon show` does not know.
    Usage,
    /// 3: an article, summary or dictionary could not be read.
    Input,
    /// 4: a lexicon could not be loaded or edited.
    Lexicon,
    /// 5: gold annotations could not be read.
    Gold,
    /// 6: a corpus run finished but skipped some records.
    Skipped,
    /// 7: an output was refused or could not be written.
    Output,
    /// `lexicon check` has its own statuses, as a checker does: 1 when it found problems in a
    /// lexicon ...
    Problems,
    /// ... and 2 when a file to check could not be read.
    Unchecked,
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
            Exit::Problems => 1,
            Exit::Unchecked => 2,
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
            (Exit::Problems, 1),
            (Exit::Unchecked, 2),
        ];
        for (e, n) in all {
            assert_eq!(e.code(), n, "{e:?}");
        }
    }
}
