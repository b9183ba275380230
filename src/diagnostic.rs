//! Diagnostics: an error message tied to a file, line and column, rendered with the offending
//! line and a caret, the way compilers report problems.
//!
//! The renderer is deliberately plain (no colour, no multi-line spans) so that tests can pin the
//! exact text and a user can paste it into an issue.

use std::fmt;

/// One problem found in an input file, with its location.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The file as the user named it (or `bundled:NAME` for a lexicon shipped in the binary).
    pub file: String,
    /// 1-based line; 0 when the problem has no position (an unreadable file).
    pub line: u64,
    /// 1-based column in characters; 0 when unknown.
    pub column: u64,
    /// What is wrong, in one line.
    pub message: String,
    /// The text of the offending line, when known.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic pointing at `line:column` of `source` (the whole file text).
    pub fn at(
        file: &str,
        source: &str,
        line: u64,
        column: u64,
        message: impl Into<String>,
    ) -> Self {
        let source_line = if line == 0 {
            None
        } else {
            source.lines().nth(line as usize - 1)
        };
        Diagnostic::with_line(file, source_line, line, column, message)
    }

    /// A diagnostic at `line:column` whose line text the caller already has (`lines[line - 1]`
    /// of a file split once with [`str::lines`]): a file with many problems is not rescanned
    /// for each of them.
    pub fn in_lines(
        file: &str,
        lines: &[&str],
        line: u64,
        column: u64,
        message: impl Into<String>,
    ) -> Self {
        let source_line = (line as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i).copied());
        Diagnostic::with_line(file, source_line, line, column, message)
    }

    fn with_line(
        file: &str,
        source_line: Option<&str>,
        line: u64,
        column: u64,
        message: impl Into<String>,
    ) -> Self {
        let source_line = source_line.map(str::to_owned);
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            message: message.into(),
            source_line,
        }
    }

    /// A diagnostic for a whole file, with no position.
    pub fn file_level(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        if self.line == 0 {
            return write!(f, "  --> {}", self.file);
        }
        write!(f, "  --> {}:{}:{}", self.file, self.line, self.column)?;
        if let Some(src) = &self.source_line {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let (shown, caret_at) = window(src, self.column.saturating_sub(1) as usize);
            // The caret goes under the column'th character; tabs are kept so it lines up, and
            // escaped control characters count at their escaped width.
            let before: String = shown.chars().take(caret_at).collect();
            let lead: String = crate::text::sanitize(&before)
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let shown = crate::text::sanitize(&shown);
            write!(f, "\n{pad} |\n{num} | {shown}\n{pad} | {lead}^")?;
        }
        Ok(())
    }
}

/// Characters of a source line shown around the caret.
const SNIPPET_CHARS: usize = 100;

/// The part of `line` shown in a snippet: all of it when short, else [`SNIPPET_CHARS`]
/// characters around character `col` with `…` where text was cut. Returns the text and the
/// caret's character position in it.
fn window(line: &str, col: usize) -> (String, usize) {
    let n = line.chars().count();
    if n <= SNIPPET_CHARS {
        return (line.to_owned(), col);
    }
    let start = col.saturating_sub(SNIPPET_CHARS / 2).min(n - SNIPPET_CHARS);
    let end = start + SNIPPET_CHARS;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(SNIPPET_CHARS));
    if end < n {
        out.push('…');
    }
    (out, col - start + usize::from(start > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_and_caret() {
        let src = "labels:\n  - id: a\n    stance: 7\n";
        let d = Diagnostic::at("my.yaml", src, 3, 13, "stance 7 is out of range -2..=2");
        assert_eq!(
            d.to_string(),
            "error: stance 7 is out of range -2..=2\n  --> my.yaml:3:13\n  |\n3 |     stance: 7\n  |             ^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let src = format!("labels: {}x{}", "[".repeat(300), "]".repeat(300));
        let d = Diagnostic::at("deep.yaml", &src, 1, 309, "recursion limit exceeded");
        let shown = format!("…{}x{}…", "[".repeat(50), "]".repeat(49));
        let caret = format!("{}^", " ".repeat(51));
        assert_eq!(
            d.to_string(),
            format!(
                "error: recursion limit exceeded\n  --> deep.yaml:1:309\n  |\n1 | {shown}\n  | {caret}"
            )
        );
        // A short line is shown whole; control characters in it are escaped.
        let d = Diagnostic::at("a.yaml", "id: \u{1b}[31m", 1, 5, "bad id");
        assert!(d.to_string().contains("1 | id: \\u{1b}[31m"), "{d}");
    }

    #[test]
    fn file_level_has_no_snippet() {
        let d = Diagnostic::file_level("gone.yaml", "cannot read the file: not found");
        assert_eq!(
            d.to_string(),
            "error: cannot read the file: not found\n  --> gone.yaml"
        );
    }
}
