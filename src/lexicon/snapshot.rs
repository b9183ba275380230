//! The bundled lexicons, parsed ahead of time.
//!
//! Reading the bundled YAML was most of framelens's start-up: 246 M of the 394 M instructions
//! of `framelens score` on a one-line article (callgrind). `bundled.snapshot.json`, next to
//! this module, holds what [`super::yaml::parse`] makes of each bundled file, and a hash of the
//! YAML it was made from and of the parser's own source ([`PARSER`]). [`parsed`] gives those
//! files when the hash matches the YAML and the parser compiled into this binary, and `None`
//! otherwise: the loader then parses the YAML, so a snapshot made before a change to the YAML
//! or to those source files costs time, not a wrong lexicon. A change elsewhere that alters
//! what the parser makes is caught by the test below, not at run time. The hash is FxHash,
//! whose constants differ on 32-bit targets: there the snapshot is never taken (and the test
//! fails), which costs start-up time only.
//!
//! The test `the_snapshot_is_the_bundled_yaml_parsed` fails when the snapshot is stale; run it
//! with `FRAMELENS_UPDATE_SNAPSHOT=1` to write it anew:
//!
//! ```text
//! FRAMELENS_UPDATE_SNAPSHOT=1 cargo test --lib snapshot
//! ```
//!
//! What it does not do: cache anything a user gives. A lexicon named with `--lexicon` is parsed
//! at every run; the snapshot lives in the source tree and never on disk beside a user's files.

use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use super::yaml::ParsedFile;

/// The snapshot, as compiled into the binary.
const SNAPSHOT: &str = include_str!("bundled.snapshot.json");

/// The parsed bundled files and the hash of the YAML they were parsed from.
#[derive(Serialize, Deserialize)]
struct Snapshot {
    /// [`yaml_hash`] of the bundled files, in hexadecimal.
    yaml: String,
    /// Each file's language code (a `&'static str` of the language table in the parsed file,
    /// which serde cannot read back into one).
    languages: Vec<String>,
    files: Vec<ParsedFile>,
}

/// The source of the code that turns YAML into parsed files: a change to it makes the snapshot
/// stale as a change to the YAML does.
const PARSER: &[&str] = &[
    include_str!("yaml.rs"),
    include_str!("yaml/plain.rs"),
    include_str!("model.rs"),
    include_str!("../language.rs"),
];

/// A hash of the files' names and texts and of [`PARSER`] (FxHash: about 0.1 ms for the
/// bundled half megabyte).
fn yaml_hash(bundled: &[(&str, &str)]) -> String {
    let mut h = rustc_hash::FxHasher::default();
    for source in PARSER {
        h.write(source.as_bytes());
        h.write_u8(0xff);
    }
    for (name, text) in bundled {
        h.write(name.as_bytes());
        h.write_u8(0xff);
        h.write(text.as_bytes());
        h.write_u8(0xff);
    }
    format!("{:016x}", h.finish())
}

/// The files `bundled` (name, YAML) as [`super::yaml::parse`] makes them, read from the
/// snapshot; `None` when the snapshot is not that of this YAML (or cannot be read).
pub(super) fn parsed(bundled: &[(&str, &str)]) -> Option<Vec<ParsedFile>> {
    from_json(SNAPSHOT, &yaml_hash(bundled))
}

fn from_json(json: &str, want: &str) -> Option<Vec<ParsedFile>> {
    let mut s: Snapshot = serde_json::from_str(json).ok()?;
    if s.yaml != want || s.languages.len() != s.files.len() {
        return None;
    }
    for (f, code) in s.files.iter_mut().zip(&s.languages) {
        f.language = crate::language::parse(code).ok()?;
    }
    Some(s.files)
}

/// The snapshot of the files `bundled` (name, YAML), named with `prefix` as the loader names
/// them, as the file holds it: the YAML parsed now.
#[cfg(test)]
fn render(bundled: &[(&str, &str)], prefix: &str) -> String {
    let files = bundled
        .iter()
        .map(|(name, text)| {
            super::yaml::parse(&format!("{prefix}{name}"), text)
                .unwrap_or_else(|d| panic!("the bundled {name} does not parse: {d:?}"))
        })
        .collect::<Vec<ParsedFile>>();
    let s = Snapshot {
        yaml: yaml_hash(bundled),
        languages: files.iter().map(|f| f.language.to_owned()).collect(),
        files,
    };
    let mut out = serde_json::to_string_pretty(&s).expect("a snapshot serialises");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{BUNDLED, BUNDLED_PREFIX, LexiconBuilder};

    const PATH: &str = "src/lexicon/bundled.snapshot.json";

    #[test]
    fn the_snapshot_is_the_bundled_yaml_parsed() {
        let fresh = render(BUNDLED, BUNDLED_PREFIX);
        if std::env::var_os("FRAMELENS_UPDATE_SNAPSHOT").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
            std::fs::write(path, &fresh).unwrap();
            return;
        }
        assert!(
            fresh == SNAPSHOT,
            "{PATH} is not the bundled YAML parsed: run `FRAMELENS_UPDATE_SNAPSHOT=1 cargo test \
             --lib snapshot` (until then the YAML is parsed at every start)"
        );
        assert!(parsed(BUNDLED).is_some());
    }

    /// The lexicon built from the snapshot is the one built from the YAML, overrides and all,
    /// alone and under a user's file.
    #[test]
    fn the_snapshot_builds_the_same_lexicon_as_the_yaml() {
        let from_yaml = |user: Option<&str>| {
            let mut b = LexiconBuilder::new();
            for (name, text) in BUNDLED {
                b.add_text(&format!("{BUNDLED_PREFIX}{name}"), text);
            }
            if let Some(u) = user {
                b.add_text("user.yaml", u);
            }
            format!("{:?}", b.build().unwrap())
        };
        let from_snapshot = |user: Option<&str>| {
            let mut b = LexiconBuilder::new().bundled();
            if let Some(u) = user {
                b.add_text("user.yaml", u);
            }
            format!("{:?}", b.build().unwrap())
        };
        // A user's file that replaces a bundled entry without saying so: an override the
        // lexicon records.
        let user = "labels:\n  - id: terrorist\n    forms: [terrorists]\n    \
                    category: delegitimizing/terrorism\n    stance: 0\n    kind: label\n";
        for u in [None, Some(user)] {
            assert_eq!(from_snapshot(u), from_yaml(u), "{u:?}");
        }
    }

    #[test]
    fn a_snapshot_of_other_yaml_is_not_taken() {
        let fresh = yaml_hash(BUNDLED);
        assert!(from_json(SNAPSHOT, &fresh).is_some());
        assert!(from_json(SNAPSHOT, "0000000000000000").is_none());
        // One byte more in one file is other YAML.
        let (name, text) = BUNDLED[0];
        let edited = format!("{text} ");
        let mut other: Vec<(&str, &str)> = BUNDLED.to_vec();
        other[0] = (name, &edited);
        assert!(parsed(&other).is_none());
        assert!(from_json("{\"yaml\": 1}", &fresh).is_none());
        assert!(from_json("", &fresh).is_none());
    }
}
