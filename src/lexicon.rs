//! Lexicons: the loaded terms (label entries) and the parties they describe (actor entries).
//!
//! This module owns the in-memory form of a lexicon, the rules for combining several files
//! (later entries replace earlier ones with the same id), and the defaults bundled into the binary.
//! Reading YAML lives in `yaml`; matching forms against text lives in `crate::matcher`.

pub mod convert;
mod layers;
pub mod model;
mod snapshot;
pub(crate) mod yaml;

pub use model::{
    ActorEntry, ActorType, Epithet, Kind, LabelEntry, Lexicon, Person, Requirement, SourceFile,
};
pub use yaml::schema_json;

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The default lexicon files, compiled into the binary so that it works from any folder.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "conflict-labels.yaml",
        include_str!("../lexicons/conflict-labels.yaml"),
    ),
    (
        "conflict-labels-fr.yaml",
        include_str!("../lexicons/conflict-labels-fr.yaml"),
    ),
    ("actors.yaml", include_str!("../lexicons/actors.yaml")),
];

/// What is said of an entry that replaces the entry of the same id at `earlier` (file:line)
/// without saying so; `stances`: the earlier and the later stance, for labels.
pub(crate) fn override_message(
    kind: &str,
    id: &str,
    earlier: &str,
    stances: Option<(i8, i8)>,
) -> String {
    let change = match stances {
        Some((was, now)) if was != now => format!(" (stance {was} -> {now})"),
        _ => String::new(),
    };
    format!(
        "{kind} `{id}` replaces the {kind} `{id}` of {earlier}{change}; write `overrides: true` in the entry if that is meant"
    )
}

/// What is said of a file given as a lexicon that is a dictionary of another tool (`f`): the
/// command that converts it.
pub(crate) fn foreign_message(path: &str, f: convert::Foreign) -> String {
    let stem = match path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains(['/', '\\']) => stem,
        _ => path,
    };
    let mut out = format!("{stem}.yaml");
    if out == path {
        out = format!("{stem}-framelens.yaml");
    }
    format!(
        "this is a {} dictionary, not a framelens lexicon: convert it with `framelens lexicon import {} --from {} > {}`, then load {}",
        f.display_name(),
        shell_word(path),
        f.as_str(),
        shell_word(&out),
        shell_word(&out),
    )
}

/// `s`, a path, as one word of a POSIX shell command: as it is when it holds only characters no
/// shell reads specially, else in single quotes; a path that starts with `-` begins with `./`,
/// so that the command does not read it as an option.
fn shell_word(s: &str) -> String {
    let dotted;
    let s = if s.starts_with('-') {
        dotted = format!("./{s}");
        &dotted
    } else {
        s
    };
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '+' | ',' | ':' | '@')
        });
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The problem of the lexicon file `path` whose bytes are not UTF-8, for `--lexicon` and
/// `lexicon check` alike: at the line and column (in characters) of the first byte that is not,
/// with that line (its bad bytes shown as U+FFFD).
pub(crate) fn not_utf8(path: &str, e: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = e.as_bytes();
    let at = e.utf8_error().valid_up_to();
    let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let line = good.matches('\n').count() as u64 + 1;
    let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Diagnostic::at(
        path,
        &String::from_utf8_lossy(bytes),
        line,
        column,
        not_utf8_message(bytes, at),
    )
}

/// What is said of a lexicon file whose bytes are not UTF-8 from byte `at` on: with the legacy
/// encoding the whole file reads in, if one is likely; a file that is UTF-8 but for a few bytes
/// is told to fix them, not to be saved in another encoding.
fn not_utf8_message(bytes: &[u8], at: usize) -> String {
    use crate::input::decode::{Looks, looks_like};
    match looks_like(bytes, encoding_rs::UTF_8) {
        Looks::Like(e) => format!(
            "the file is not valid UTF-8 (byte offset {at}); it looks like {}: save it as UTF-8",
            e.name()
        ),
        Looks::MostlyUtf8 => format!(
            "the file is not valid UTF-8 at byte offset {at}, though the rest of it is: retype the character there"
        ),
        // looks_like leaves the byte-order mark to its caller; a lexicon's is UTF-8's.
        Looks::Marked | Looks::Unknown => {
            format!("the file is not valid UTF-8 (byte offset {at}): save it as UTF-8")
        }
    }
}

/// How the path of a bundled file begins (`bundled:actors.yaml`).
pub const BUNDLED_PREFIX: &str = "bundled:";

/// A lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read at all: the system said why.
    #[error("cannot read lexicon {path}: {source}")]
    Unreadable {
        /// The file, as its path was given.
        path: String,
        /// The I/O error the system gave.
        #[source]
        source: std::io::Error,
    },
    /// The file could not be read at all: no such file, no permission, a directory, too large,
    /// or a FIFO nothing writes to ([`crate::budget::ReadFailure`]).
    #[error("cannot read lexicon {path}: {reason}")]
    NotReadable {
        /// The file, as its path was given.
        path: String,
        /// Why, in words (`it is a directory`, `no such file`).
        reason: String,
    },
    /// The file was read but has problems; every one found is listed.
    #[error("{}", render_all(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Problems shown when a lexicon fails to load; `framelens lexicon check` lists them all.
const SHOWN_PROBLEMS: usize = 50;

fn render_all(diags: &[Diagnostic]) -> String {
    let mut out = diags
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    if diags.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "\n... and {} more problems (`framelens lexicon check FILE` lists them all)",
            diags.len() - SHOWN_PROBLEMS
        ));
    }
    out
}

impl LexiconError {
    /// The problems as diagnostics: one with no position for a file that could not be read,
    /// else every problem found.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            LexiconError::Unreadable { path, source } => {
                vec![Diagnostic::file_level(
                    path,
                    format!("cannot read the file: {source}"),
                )]
            }
            LexiconError::NotReadable { path, reason } => {
                vec![Diagnostic::file_level(
                    path,
                    format!("cannot read the file: {reason}"),
                )]
            }
            LexiconError::Invalid(d) => d.clone(),
        }
    }
}

/// Collects lexicon files in order, then validates the combination.
#[derive(Default)]
pub struct LexiconBuilder {
    parsed: Vec<yaml::ParsedFile>,
    problems: Vec<Diagnostic>,
    /// Undeclared overrides are problems, not warnings (for `lexicon check`).
    strict_overrides: bool,
}

impl LexiconBuilder {
    /// A builder with no files yet, that records undeclared overrides instead of refusing them.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes an entry that replaces an earlier entry of the same id without `overrides: true` a
    /// problem that stops the build, as `lexicon check` reports it; by default it is recorded
    /// in [`Lexicon::overrides`] and the later entry is used.
    pub fn strict_overrides(mut self) -> Self {
        self.strict_overrides = true;
        self
    }

    /// Adds the lexicons bundled with framelens: parsed ahead of time when the snapshot of them
    /// is fresh (`snapshot`), else parsed now.
    pub fn bundled(mut self) -> Self {
        match snapshot::parsed(BUNDLED) {
            Some(files) => self.parsed.extend(files),
            None => {
                for (name, text) in BUNDLED {
                    self.add_text(&format!("{BUNDLED_PREFIX}{name}"), text);
                }
            }
        }
        self
    }

    /// Adds a lexicon file from disk (at most `crate::budget::LEXICON_BYTES`).
    pub fn file(self, path: &Path) -> Result<Self, LexiconError> {
        self.file_within(
            path,
            &crate::budget::Budget::new(crate::budget::LEXICON_BYTES),
        )
    }

    /// Adds a lexicon file from disk, read within `budget` (a FIFO waits for its writer at
    /// most `budget.open_wait`).
    pub fn file_within(
        mut self,
        path: &Path,
        budget: &crate::budget::Budget,
    ) -> Result<Self, LexiconError> {
        let shown = path.display().to_string();
        // `ReadFailure` words a missing file, a refused permission and a folder itself; its
        // `Io` holds any other I/O error, shown in the system's words.
        let bytes = budget.read_path(path).map_err(|e| match e {
            crate::budget::ReadFailure::Io(source) => LexiconError::Unreadable {
                path: shown.clone(),
                source,
            },
            e => LexiconError::NotReadable {
                path: shown.clone(),
                reason: e.to_string(),
            },
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                self.problems.push(not_utf8(&shown, &e));
                return Ok(self);
            }
        };
        // A quanteda-style YAML dictionary is converted on the way in (stance 0 unless its keys
        // say otherwise).
        if convert::looks_like_quanteda(&text)
            && let Ok(c) = convert::import(&shown, &text, convert::Foreign::Quanteda)
        {
            self.add_text(&shown, &c.text);
            return Ok(self);
        }
        self.add_text(&shown, &text);
        Ok(self)
    }

    /// Adds a lexicon given as text; `name` is used in messages.
    pub fn text(mut self, name: &str, text: &str) -> Self {
        self.add_text(name, text);
        self
    }

    /// Parses a file; one that does not read and is a dictionary of another tool is one
    /// problem, that says how to convert it.
    fn add_text(&mut self, name: &str, text: &str) {
        match yaml::parse(name, text) {
            Ok(p) => self.parsed.push(p),
            Err(mut d) => match convert::recognise(name, text) {
                Some(f) => self
                    .problems
                    .push(Diagnostic::file_level(name, foreign_message(name, f))),
                None => self.problems.append(&mut d),
            },
        }
    }

    /// Combines the files: later entries replace earlier ones with the same id.
    pub fn build(mut self) -> Result<Lexicon, LexiconError> {
        // A file that writes a bundled file's `lexicon:` name takes that file's place: it is a
        // version of it (an edited copy), not a layer over it. A name taken from the file name
        // (a user's `actors.yaml` without `lexicon:`) does not count.
        let names: Vec<String> = self
            .parsed
            .iter()
            .filter(|p| !p.path.starts_with(BUNDLED_PREFIX) && p.named)
            .map(|p| p.name.clone())
            .collect();
        self.parsed
            .retain(|p| !(p.path.starts_with(BUNDLED_PREFIX) && names.contains(&p.name)));
        let mut problems = self.problems;
        let mut lex = Lexicon::default();
        for p in &self.parsed {
            lex.categories.extend(p.categories.iter().cloned());
        }
        let mut label_at: HashMap<String, usize> = HashMap::new();
        let mut actor_at: HashMap<String, usize> = HashMap::new();
        // Where each id was last defined (file:line), for the overrides.
        let mut placed: HashMap<(&str, String), String> = HashMap::new();
        let mut layers = layers::Layers::default();
        for (file_index, p) in self.parsed.into_iter().enumerate() {
            let first_override = lex.overrides.len();
            lex.overrides.extend(layers.taken_by(&p));
            for (entry, loc) in p.labels {
                if !lex.categories.contains(&entry.category) {
                    problems.push(loc.category(format!(
                        "unknown category `{}`: declare it under `categories:`",
                        entry.category
                    )));
                }
                let id = entry.id.clone();
                if let Some(&i) = label_at.get(&id)
                    && !entry.overrides
                {
                    let earlier = &placed[&("label", id.clone())];
                    let stances = Some((lex.labels[i].stance, entry.stance));
                    let message = override_message("label", &id, earlier, stances);
                    lex.overrides.push(loc.id(message));
                }
                placed.insert(("label", id.clone()), loc.place());
                let entry = LabelEntry {
                    file: file_index,
                    ..entry
                };
                upsert(&mut lex.labels, &mut label_at, id, entry);
            }
            for (entry, loc) in p.actors {
                let id = entry.id.clone();
                if actor_at.contains_key(&id) && !entry.overrides {
                    let earlier = &placed[&("actor", id.clone())];
                    let message = override_message("actor", &id, earlier, None);
                    lex.overrides.push(loc.id(message));
                }
                placed.insert(("actor", id.clone()), loc.place());
                let entry = ActorEntry {
                    file: file_index,
                    ..entry
                };
                upsert(&mut lex.actors, &mut actor_at, id, entry);
            }
            // This file's overrides in the order they were written.
            lex.overrides[first_override..].sort_by_key(|d| (d.line, d.column));
            lex.files.push(SourceFile {
                path: p.path,
                name: p.name,
                version: p.version,
                language: p.language,
                labels: p.label_count,
                actors: p.actor_count,
            });
        }
        for actor in &lex.actors {
            if let Some(p) = &actor.part_of
                && !actor_at.contains_key(p)
            {
                problems.push(Diagnostic::file_level(
                    &lex.files[actor.file].path,
                    format!("actor `{}` is part of unknown actor `{p}`", actor.id),
                ));
            }
            for proxy in &actor.proxies {
                if !actor_at.contains_key(proxy) {
                    problems.push(Diagnostic::file_level(
                        &lex.files[actor.file].path,
                        format!("actor `{}` names unknown proxy actor `{proxy}`", actor.id),
                    ));
                }
            }
        }
        if self.strict_overrides {
            problems.append(&mut lex.overrides);
        }
        if problems.is_empty() {
            Ok(lex)
        } else {
            Err(LexiconError::Invalid(problems))
        }
    }
}

/// Adds `entry`, or replaces the earlier entry with the same id in place.
fn upsert<T>(list: &mut Vec<T>, index: &mut HashMap<String, usize>, id: String, entry: T) {
    match index.get(&id) {
        Some(&i) => list[i] = entry,
        None => {
            index.insert(id, list.len());
            list.push(entry);
        }
    }
}

impl Lexicon {
    /// The default lexicons alone.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        LexiconBuilder::new().bundled().build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command that converts a foreign dictionary names its paths as one shell word each,
    /// never as an option.
    #[test]
    fn the_convert_command_quotes_its_paths() {
        let table: &[(&str, &str)] = &[
            (
                "mini.dic",
                "`framelens lexicon import mini.dic --from liwc > mini.yaml`, then load mini.yaml",
            ),
            (
                "-mini.dic",
                "`framelens lexicon import ./-mini.dic --from liwc > ./-mini.yaml`, then load ./-mini.yaml",
            ),
            (
                "-my dict.dic",
                "`framelens lexicon import './-my dict.dic' --from liwc > './-my dict.yaml'`, then load './-my dict.yaml'",
            ),
            (
                "it's.yaml",
                "`framelens lexicon import 'it'\\''s.yaml' --from liwc > 'it'\\''s-framelens.yaml'`, then load 'it'\\''s-framelens.yaml'",
            ),
        ];
        for (path, want) in table {
            let got = foreign_message(path, convert::Foreign::Liwc);
            assert!(got.ends_with(want), "{path}: {got}");
        }
    }

    /// A lexicon that is not UTF-8 is told to be saved as UTF-8, with the encoding it looks
    /// like; one that is UTF-8 but for a byte is told to fix that byte, not to change encoding.
    #[test]
    fn a_lexicon_not_in_utf8_is_told_what_to_do() {
        let w1252 = b"labels:\n  - id: caf\xe9\n    note: na\xefve \x93terrorists\x94\n".as_slice();
        let mut utf8 = "categories: [d\u{e9}l\u{e9}gitimation/terrorisme]\nlabels:\n  - id: \u{e9}t\u{e9}\n    note: \u{e0} Gen\u{e8}ve\n".as_bytes().to_vec();
        utf8.insert(60, 0xff);
        let table: &[(&[u8], &str)] = &[
            (
                w1252,
                "the file is not valid UTF-8 (byte offset 19); it looks like windows-1252: save it as UTF-8",
            ),
            (
                &utf8,
                "the file is not valid UTF-8 at byte offset 60, though the rest of it is: retype the character there",
            ),
        ];
        for (bytes, want) in table {
            let at = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            assert_eq!(not_utf8_message(bytes, at), *want);
        }
    }

    /// The kinds of party a term can describe: `person` alone stands for the kinds a person
    /// leads; beside other types, written before or after them, those types.
    #[test]
    fn a_term_for_a_person_describes_the_parties_people_lead() {
        use ActorType::*;
        let table: [(&str, &[ActorType]); 4] = [
            ("[person]", &[State, ArmedGroup, Movement, Organization]),
            ("[person, state]", &[State]),
            ("[armed_group, person, movement]", &[ArmedGroup, Movement]),
            ("[population]", &[Population]),
        ];
        for (targets, want) in table {
            let src = format!(
                "categories: [a/b]\nlabels:\n  - {{id: t, forms: [tyrant], category: a/b, stance: -2, kind: label, targets: {targets}}}\n"
            );
            let lex = LexiconBuilder::new().text("x.yaml", &src).build().unwrap();
            let e = &lex.labels[0];
            assert_eq!(e.party_types(), want, "{targets}");
            assert_eq!(
                e.allows(Population),
                want.contains(&Population),
                "{targets}"
            );
        }
    }

    /// A file that writes a bundled file's `lexicon:` name takes its place; a file that is only
    /// called like one (`actors.yaml` without `lexicon:`) is a layer over it.
    #[test]
    fn a_bundled_file_is_replaced_only_by_its_written_name() {
        let bundled = Lexicon::bundled().unwrap();
        let one_actor = "actors:\n  - {id: zz-party, name: ZZ Party, type: movement}\n";
        let layered = LexiconBuilder::new()
            .bundled()
            .text("actors.yaml", one_actor)
            .build()
            .unwrap();
        assert_eq!(layered.actors.len(), bundled.actors.len() + 1);
        let replaced = LexiconBuilder::new()
            .bundled()
            .text("mine.yaml", &format!("lexicon: actors\n{one_actor}"))
            .build()
            .unwrap();
        assert_eq!(replaced.actors.len(), 1);
        assert_eq!(replaced.labels.len(), bundled.labels.len());
    }

    #[test]
    fn a_file_that_cannot_be_read_keeps_the_io_error_as_its_source() {
        // A path through a regular file: "Not a directory", an I/O error of no kind the
        // budget words itself.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml/x.yaml");
        let Err(e) = LexiconBuilder::new().file(&path) else {
            panic!("{} was read", path.display());
        };
        assert!(matches!(e, LexiconError::Unreadable { .. }), "{e}");
        let source = std::error::Error::source(&e).expect("the io::Error");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotADirectory);
        assert_eq!(
            e.to_string(),
            format!("cannot read lexicon {}: {io}", path.display())
        );
        assert_eq!(
            e.diagnostics()[0].message,
            format!("cannot read the file: {io}")
        );
    }
}
