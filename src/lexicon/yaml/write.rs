//! Writing scalars: what the lexicon tools and the oracle lexicons write, and what error
//! messages suggest writing. A string written by [`scalar`] or [`double_quoted`] reads back as
//! exactly that string. This module only writes; it reads nothing.

/// A string as a one-line YAML scalar that reads back as exactly that string, in block and flow
/// context alike: plain when unambiguous, else single-quoted, else double-quoted with escapes.
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_owned()
    } else if !s.chars().any(needs_escape) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        double_quoted(s)
    }
}

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_alphabetic() || first == '_') || s.ends_with(' ') {
        return false;
    }
    let chars_ok = s.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '-'
                    | '_'
                    | '.'
                    | '/'
                    | '\''
                    | '’'
                    | '('
                    | ')'
                    | '+'
                    | '*'
                    | '&'
                    | '!'
                    | '?'
                    | ';'
            )
    });
    // Words YAML 1.1 or 1.2 read as booleans, nulls or special floats.
    let reserved = matches!(
        s.to_ascii_lowercase().as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "nan" | "inf"
    );
    chars_ok && !reserved
}

/// Characters a single-quoted scalar cannot hold as they are: controls, the byte-order mark,
/// the line and paragraph separators, and the two noncharacters YAML does not allow raw.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// A string as a YAML double-quoted scalar: any text, control and line-separator characters
/// escaped.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
