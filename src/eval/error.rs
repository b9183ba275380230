//! What can stop an evaluation (unreadable data, a malformed line, an oracle lexicon that cannot be
//! built), and the small file helpers every reader of annotation files shares. The readers and
//! the scoring are elsewhere in [`super`].

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder that cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder, as displayed.
        path: String,
        /// Why it cannot be read.
        #[source]
        source: std::io::Error,
    },
    /// A framelens gold file (YAML) that does not parse into the gold format.
    #[error("{0}")]
    Gold(Diagnostic),
    /// A folder with no data to evaluate.
    #[error("no {want} in {folder}")]
    Empty {
        /// The folder, as displayed.
        folder: String,
        /// What the evaluation looked for there ("gold files (*.yaml)").
        want: &'static str,
    },
    /// An oracle lexicon that cannot be built, or an analyzer that cannot be made from it:
    /// the error's text.
    #[error("cannot build the oracle lexicon: {0}")]
    Oracle(String),
    /// A data file with a malformed line.
    #[error("{0}")]
    Format(ParseError),
    /// A line of an annotation file (brat, SemEval labels or roles) that cannot be read.
    #[error("{0}")]
    Line(LineError),
}

/// A line of an annotation file that cannot be read: file, line and column (1-based), message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct LineError {
    /// The file, as shown in messages.
    pub path: String,
    /// Line number, 1-based.
    pub line: usize,
    /// Column where the fault starts, 1-based (1 when the line as a whole is at fault).
    pub column: usize,
    /// What is wrong with the line.
    pub message: String,
}

/// The byte offset of every character of `text`, and of its end: annotation files count
/// characters, framelens counts bytes.
pub(crate) fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The files of `dir` with extension `ext`, in name order.
pub(crate) fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>, EvalError> {
    let mut v: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::Io {
            path: dir.display().to_string(),
            source: e,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    Ok(v)
}

/// A line of a NewsWCL50 CoNLL file that cannot be read: file, line (1-based), message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct ParseError {
    /// The file, as shown in messages.
    pub path: String,
    /// Line number, 1-based; 0 when the file holds no document at all.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::EvalError;

    #[test]
    fn an_unreadable_file_keeps_the_io_error_as_its_source() {
        let e = super::sorted_files(std::path::Path::new("no/such/folder"), "yaml").unwrap_err();
        assert!(matches!(e, EvalError::Io { .. }));
        let source = std::error::Error::source(&e).expect("the io::Error");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(e.to_string(), format!("cannot read no/such/folder: {io}"));
    }
}
