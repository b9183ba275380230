//! Editing a lexicon file in place: adding a label or an actor, removing an entry, without
//! changing a byte of the rest of the file.
//!
//! An edit is text surgery guided by the lossless syntax tree of [`yaml_edit`], which gives the
//! byte range of every item of the `categories:`, `labels:` and `actors:` sequences. The new text
//! is then checked: the old and the new text are both read with `crate::lexicon::yaml::parse`, and the
//! edit is refused (the text is left as it was) unless the only difference between them is the
//! intended one: the same `lexicon:` name and `version:`, the same categories, and the same label
//! and actor entries with the same field values in the same order, plus (or minus) the one entry.
//!
//! # Decisions
//!
//! - **Where a new entry goes.** At the end of the `labels:` (or `actors:`) sequence: after the
//!   last entry's own lines, including comment lines indented deeper than the sequence's dashes,
//!   and before any comment indented no deeper than the dashes (such a comment introduces what
//!   follows). The new entry copies the last entry's layout: the column of its dash, the spaces
//!   after the dash, the column of its keys, and whether entries are separated by a blank line.
//!   If the last entry is a flow mapping (`- {id: x, ...}`) the new one is a flow mapping too; if
//!   the whole sequence is a flow sequence (`labels: [...]`) the entry goes inside it. A key with
//!   no value (`labels:`) gets a block entry on the next line. A file without the key gets the key
//!   at its end, after a blank line. A file that does not end with a line break still does not
//!   after the edit.
//! - **How an entry is written.** Fields in the order of `docs/lexicon-format.md`, lists as flow
//!   sequences (`forms: [a, b]`), as in the bundled files. A label gets `regex` and `note` only
//!   when given, `exclude`, `names` and `allow` only when not empty, `requires` and `overrides`
//!   only when set (`lexicon add` sets none of these four); `targets` is always written (`[]` means
//!   any). An actor gets `aliases`, `adjectives`, `people: []` and `proxies: []`, ready to be
//!   filled in by hand. Forms, exclusions, aliases and adjectives are written with their white
//!   space collapsed, which is how the loader reads them. A string is written plain when that is
//!   unambiguous (it starts with a letter, uses only letters, digits, spaces and `-_./'’()+*&!?;`,
//!   and is not a word YAML reads as something else such as `yes` or `null`); otherwise
//!   single-quoted; or double-quoted with escapes when it holds a line break or another control
//!   character (so a multi-line note becomes a single `"...\n..."` line).
//! - **Undeclared category.** When a new label's category is not in the file's `categories:` list,
//!   it is appended to that list; if the file has no `categories:` key, one is created just before
//!   `labels:` (above the comment lines directly above `labels:`). The category is declared even
//!   if another loaded file declares it too, which is harmless and keeps the file self-contained.
//!   [`check_category`] refuses a category that neither the file nor the loaded lexicons declare
//!   (the command line calls it unless `--new-category` is given). Removing a label never removes
//!   a category.
//! - **A file of actors, or of labels.** A label is not added to a file that has `actors:` and no
//!   `labels:` ([`EditError::ActorsOnly`]): the edit would create `labels:` (and `categories:`),
//!   which removing the label would not take back. Nor is an actor added to a file of labels
//!   alone ([`EditError::LabelsOnly`]). A file with neither gets the key it needs.
//! - **What is removed.** [`remove`] removes the label or the actor with that id. When the file has
//!   both a label and an actor with that id (they are separate namespaces), it refuses with
//!   [`EditError::Ambiguous`]; [`remove_label`] and [`remove_actor`] say which one. The entry's own
//!   lines go: from the line of its dash through its last line, comments inside it included, plus
//!   one run of blank lines that separated it from its neighbours (the run above it; for the first
//!   entry the run below it), so that adding an entry and then removing it gives back the file byte
//!   for byte. Comment lines directly above an entry are kept: such a comment may head a section or
//!   several entries, and deleting text the user wrote is worse than leaving a stale line. The
//!   `labels:`/`actors:` key stays when its last entry goes (a key with no value means no entries).
//!   An actor that other actors of the same file list in `proxies:` is not removed
//!   ([`EditError::InUse`]): the file would no longer load. (Files are checked one at a time, so a
//!   proxy reference from another file cannot be seen here.)
//! - **What is refused.** A file that does not parse ([`EditError::Invalid`]); an edit whose result
//!   does not parse, such as an invalid new entry ([`EditError::InvalidResult`], with the
//!   diagnostics); a duplicate or unknown id; an edit that would change anything else
//!   ([`EditError::Unintended`]); a layout this module does not edit ([`EditError::Unsupported`]:
//!   a top-level flow mapping, several YAML documents, a key written as an explicit null such as
//!   `labels: ~`).
//! - **Writing.** [`apply_to_file`] edits the file a symbolic link points to (the link stays), keeps
//!   the file's permissions, refuses a read-only file, writes a temporary file in the same folder
//!   and renames it over the original, and refuses to write if the file changed on disk while it
//!   was being edited. On any failure the temporary file is removed and the original is untouched.

use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use yaml_edit::YamlFile;

use crate::diagnostic::Diagnostic;
use crate::lexicon::yaml::{self, ParsedFile, scalar};
use crate::lexicon::{ActorEntry, ActorType, Epithet, Kind, LabelEntry, Requirement};

/// An actor entry to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewActor {
    /// Unique key among the file's actor entries.
    pub id: String,
    /// Display name, also matched.
    pub name: String,
    /// What kind of party the actor is, written as `type:` (`person` is refused by the loader).
    pub actor_type: ActorType,
    /// Other names, written with their white space collapsed.
    pub aliases: Vec<String>,
    /// Adjectival forms (Turkish), written with their white space collapsed.
    pub adjectives: Vec<String>,
}

/// The two lists of entries a lexicon file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// `labels:`, the loaded terms.
    Labels,
    /// `actors:`, the parties the terms describe.
    Actors,
}

impl Section {
    /// The top-level key of the list.
    pub fn key(self) -> &'static str {
        match self {
            Section::Labels => "labels",
            Section::Actors => "actors",
        }
    }

    /// What one entry of the list is called.
    pub fn noun(self) -> &'static str {
        match self {
            Section::Labels => "label",
            Section::Actors => "actor",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// An edit could not be made. The file (or text) is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The file could not be read: the system said why.
    #[error("cannot read {path}: {}", io_reason(.source))]
    Unreadable {
        /// The file, as shown in messages.
        path: String,
        /// The I/O error the system gave.
        #[source]
        source: std::io::Error,
    },
    /// The file is not one an edit reads: a directory, not a regular file, too large, not UTF-8.
    #[error("cannot read {path}: {reason}")]
    NotReadable {
        /// The file, as shown in messages.
        path: String,
        /// Why, in words (`it is a directory`, `the file is not valid UTF-8 ...`).
        reason: String,
    },
    /// The file could not be written: the system said why.
    #[error("cannot write {path}: {}; the file is unchanged", io_reason(.source))]
    Unwritable {
        /// The file, as shown in messages.
        path: String,
        /// The I/O error the system gave.
        #[source]
        source: std::io::Error,
    },
    /// The file is not one an edit writes: read-only, or no longer a regular file.
    #[error("cannot write {path}: {reason}; the file is unchanged")]
    NotWritable {
        /// The file, as shown in messages.
        path: String,
        /// Why, in words (`the file is read-only`).
        reason: String,
    },
    /// The file has errors of its own; it is not edited until they are fixed.
    #[error("{path} has errors; fix them before editing it\n{}", render_all(.diagnostics))]
    Invalid {
        /// The file, as shown in messages.
        path: String,
        /// The file's problems, as the loader reports them.
        diagnostics: Vec<Diagnostic>,
    },
    /// The edited text would have errors (usually: the new entry is invalid). Line numbers are
    /// those of the edited text.
    #[error(
        "refused: after this edit {path} would have errors, so it is unchanged (lines as in the edited text)\n{}",
        render_all(.diagnostics)
    )]
    InvalidResult {
        /// The file, as shown in messages.
        path: String,
        /// The problems of the edited text, located in it.
        diagnostics: Vec<Diagnostic>,
    },
    /// An entry with that id is already in the list.
    #[error("{path} already has a {section} with id `{id}`")]
    DuplicateId {
        /// The file, as shown in messages.
        path: String,
        /// The list that already has the id.
        section: Section,
        /// The id of the entry to add.
        id: String,
    },
    /// No entry has that id (`section` is `None` when both lists were searched).
    #[error("{path} has no {} with id `{id}`", not_found_what(.section))]
    NotFound {
        /// The file, as shown in messages.
        path: String,
        /// The list searched; `None` when both were.
        section: Option<Section>,
        /// The id asked for.
        id: String,
    },
    /// Both a label and an actor have that id; [`remove_label`] or [`remove_actor`] says which.
    #[error("{path} has both a label and an actor with id `{id}`; say which one to remove")]
    Ambiguous {
        /// The file, as shown in messages.
        path: String,
        /// The id both entries have.
        id: String,
    },
    /// The actor is named in the `proxies:` of other actors of the file, which would then not load.
    #[error(
        "{path}: actor `{id}` is listed in the `proxies:` of {}; remove it there first",
        .by.iter().map(|b| format!("`{b}`")).collect::<Vec<_>>().join(", ")
    )]
    InUse {
        /// The file, as shown in messages.
        path: String,
        /// The id of the actor to remove.
        id: String,
        /// The ids of the file's actors whose `proxies:` name it.
        by: Vec<String>,
    },
    /// A label for a file that lists actors and no labels (`lexicon remove` could not take back
    /// the `labels:` and `categories:` keys the label would need).
    #[error(
        "{path} lists actors and no labels; add the label to a lexicon of labels, or write `labels: []` in {path} first"
    )]
    ActorsOnly {
        /// The file, as shown in messages.
        path: String,
    },
    /// An actor for a file that lists labels and no actors (for the same reason).
    #[error(
        "{path} lists labels and no actors; add the actor to a lexicon of actors, or write `actors: []` in {path} first"
    )]
    LabelsOnly {
        /// The file, as shown in messages.
        path: String,
    },
    /// A category that neither the file nor the loaded lexicons declare.
    #[error(
        "unknown category `{category}`: neither {path} nor the loaded lexicons declare it{}; give --new-category to declare it in {path}",
        .like.as_ref().map(|l| format!(" (did you mean `{l}`?)")).unwrap_or_default()
    )]
    UnknownCategory {
        /// The file, as shown in messages.
        path: String,
        /// The category of the label to add.
        category: String,
        /// The closest declared category, one or two edits away; `None` when there is none.
        like: Option<String>,
    },
    /// The edit would have changed more than the intended entry.
    #[error(
        "refused: the edit would change more than the {section} `{id}` in {path} ({detail}); the file is unchanged"
    )]
    Unintended {
        /// The file, as shown in messages.
        path: String,
        /// The list of the entry the edit was for.
        section: Section,
        /// The id of the entry the edit was for.
        id: String,
        /// The first other difference the edit would make, in a few words.
        detail: String,
    },
    /// The file is laid out in a way this module does not edit.
    #[error("cannot edit {path} automatically: {reason}")]
    Unsupported {
        /// The file, as shown in messages.
        path: String,
        /// Why, in words (`it holds more than one YAML document`).
        reason: String,
    },
    /// Someone else changed the file between reading and writing it.
    #[error("{path} changed on disk while it was being edited; nothing was written")]
    Changed {
        /// The file, as shown in messages.
        path: String,
    },
    /// Another process kept the file locked for an edit of its own.
    #[error("{0}")]
    Busy(crate::output::OutputError),
}

impl EditError {
    /// The located problems behind the error, if it has any.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            EditError::Invalid { diagnostics, .. }
            | EditError::InvalidResult { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }
}

fn render_all(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn not_found_what(section: &Option<Section>) -> &'static str {
    match section {
        Some(s) => s.noun(),
        None => "label or actor",
    }
}

// ------------------------------------------------------------------------------------------------
// Public operations
// ------------------------------------------------------------------------------------------------

/// Refuses a label category that neither the file (`text`) nor `known` (the loaded lexicons'
/// categories) declares, naming the closest known one when it is one or two edits away.
pub fn check_category(
    path: &str,
    text: &str,
    category: &str,
    known: &std::collections::BTreeSet<String>,
) -> Result<(), EditError> {
    let old = parse_old(path, text)?;
    if known.contains(category) || old.categories.iter().any(|c| c == category) {
        return Ok(());
    }
    let like = known
        .iter()
        .chain(&old.categories)
        .map(|c| (strsim::levenshtein(c, category), c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c.clone());
    Err(EditError::UnknownCategory {
        path: path.into(),
        category: category.into(),
        like,
    })
}

/// Adds a label entry at the end of the `labels:` sequence (creating the key if needed) and, when
/// the file does not declare the label's category, appends it to `categories:` (creating that key
/// just before `labels:` if needed). Returns the new text; see the module documentation.
pub fn add_label(
    path_for_messages: &str,
    text: &str,
    entry: &LabelEntry,
) -> Result<String, EditError> {
    let path = path_for_messages;
    let old = parse_old(path, text)?;
    if old.labels.iter().any(|(l, _)| l.id == entry.id) {
        return Err(EditError::DuplicateId {
            path: path.into(),
            section: Section::Labels,
            id: entry.id.clone(),
        });
    }
    let tree = Tree::read(path, text)?;
    if tree.labels.is_none() && tree.actors.is_some() {
        return Err(EditError::ActorsOnly { path: path.into() });
    }
    tree.check_count(path, Section::Labels, old.label_count)?;
    let fields = label_fields(entry);
    let mut new = append(text, &tree, "labels", &Item::Map(&fields));
    let declare = !old.categories.contains(&entry.category);
    if declare {
        new = declare_category(path, &new, &entry.category)?;
    }

    let mut want = Snapshot::of(&old);
    want.labels.push(LabelView::of_new(entry));
    if declare {
        want.categories.push(entry.category.clone());
    }
    verify(path, Section::Labels, &entry.id, &new, &want)?;
    Ok(new)
}

/// Adds an actor entry at the end of the `actors:` sequence (creating the key if needed). Returns
/// the new text; see the module documentation.
pub fn add_actor(
    path_for_messages: &str,
    text: &str,
    entry: &NewActor,
) -> Result<String, EditError> {
    let path = path_for_messages;
    let old = parse_old(path, text)?;
    if old.actors.iter().any(|(a, _)| a.id == entry.id) {
        return Err(EditError::DuplicateId {
            path: path.into(),
            section: Section::Actors,
            id: entry.id.clone(),
        });
    }
    let tree = Tree::read(path, text)?;
    if tree.actors.is_none() && tree.labels.is_some() {
        return Err(EditError::LabelsOnly { path: path.into() });
    }
    tree.check_count(path, Section::Actors, old.actor_count)?;
    let fields = actor_fields(entry);
    let new = append(text, &tree, "actors", &Item::Map(&fields));

    let mut want = Snapshot::of(&old);
    want.actors.push(ActorView::of_new(entry));
    verify(path, Section::Actors, &entry.id, &new, &want)?;
    Ok(new)
}

/// Removes the label or the actor with id `id`. Refused when there is none, and when the file has
/// both a label and an actor with that id ([`EditError::Ambiguous`]: use [`remove_label`] or
/// [`remove_actor`]). Comment lines above the entry are kept; see the module documentation.
pub fn remove(path_for_messages: &str, text: &str, id: &str) -> Result<String, EditError> {
    let path = path_for_messages;
    let old = parse_old(path, text)?;
    let label = old.labels.iter().any(|(l, _)| l.id == id);
    let actor = old.actors.iter().any(|(a, _)| a.id == id);
    match (label, actor) {
        (true, true) => Err(EditError::Ambiguous {
            path: path.into(),
            id: id.into(),
        }),
        (false, false) => Err(EditError::NotFound {
            path: path.into(),
            section: None,
            id: id.into(),
        }),
        (true, false) => remove_in(path, text, &old, Section::Labels, id),
        (false, true) => remove_in(path, text, &old, Section::Actors, id),
    }
}

/// Removes the label with id `id` (an actor with the same id stays).
pub fn remove_label(path_for_messages: &str, text: &str, id: &str) -> Result<String, EditError> {
    let old = parse_old(path_for_messages, text)?;
    remove_in(path_for_messages, text, &old, Section::Labels, id)
}

/// Removes the actor with id `id` (a label with the same id stays).
pub fn remove_actor(path_for_messages: &str, text: &str, id: &str) -> Result<String, EditError> {
    let old = parse_old(path_for_messages, text)?;
    remove_in(path_for_messages, text, &old, Section::Actors, id)
}

/// Reads the file at `path`, applies `op` to `(path as shown, text)`, checks that the result is a
/// valid lexicon, and writes it atomically: a temporary file in the same folder, with the
/// original's permissions, renamed over the original. A symbolic link is followed (the file it
/// points to is edited). The file is locked (an advisory lock, see [`crate::output::lock_for_edit`])
/// from the read to the rename, so concurrent edits by framelens wait for each other and none is
/// lost. A read-only file is refused, and nothing is written if another program changed the file
/// in the meantime. When `op` returns the text unchanged, nothing is written.
pub fn apply_to_file(
    path: &Path,
    op: impl FnOnce(&str, &str) -> Result<String, EditError>,
) -> Result<(), EditError> {
    let shown = path.display().to_string();
    let unreadable = |source: std::io::Error| EditError::Unreadable {
        path: shown.clone(),
        source,
    };
    let not_readable = |reason: String| EditError::NotReadable {
        path: shown.clone(),
        reason,
    };
    let target = std::fs::canonicalize(path).map_err(unreadable)?;
    let meta = std::fs::metadata(&target).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(not_readable("it is a directory".into()));
    }
    if !meta.is_file() {
        return Err(not_readable("it is not a regular file".into()));
    }
    if meta.permissions().readonly() {
        return Err(EditError::NotWritable {
            path: shown,
            reason: "the file is read-only".into(),
        });
    }
    let mut lock =
        crate::output::lock_for_edit(&target, crate::output::LOCK_WAIT).map_err(|e| {
            match crate::output::lock_error(path, e) {
                e @ crate::output::OutputError::Locked { .. } => EditError::Busy(e),
                crate::output::OutputError::Write { source, .. } => EditError::Unwritable {
                    path: shown.clone(),
                    source,
                },
                e => not_readable(e.to_string()),
            }
        })?;
    let bytes = crate::budget::Budget::new(crate::budget::LEXICON_BYTES)
        .read_from(lock.file())
        .map_err(|e| match e {
            crate::budget::ReadFailure::Io(e) => unreadable(e),
            e => not_readable(e.to_string()),
        })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        not_readable(format!(
            "the file is not valid UTF-8 (byte offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let new = op(&shown, &text)?;
    if new == text {
        return Ok(());
    }
    if let Err(diagnostics) = yaml::parse(&shown, &new) {
        return Err(EditError::InvalidResult {
            path: shown,
            diagnostics,
        });
    }
    write_atomically(&target, &shown, new.as_bytes(), text.as_bytes())?;
    drop(lock);
    Ok(())
}

// ------------------------------------------------------------------------------------------------
// Checking
// ------------------------------------------------------------------------------------------------

fn parse_old(path: &str, text: &str) -> Result<ParsedFile, EditError> {
    yaml::parse(path, text).map_err(|diagnostics| EditError::Invalid {
        path: path.into(),
        diagnostics,
    })
}

/// What a file means, field by field, for comparing two versions of it.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    name: String,
    version: Option<String>,
    categories: Vec<String>,
    labels: Vec<LabelView>,
    actors: Vec<ActorView>,
}

#[derive(Clone, Debug, PartialEq)]
struct LabelView {
    id: String,
    forms: Vec<String>,
    regex: Option<String>,
    category: String,
    stance: i8,
    kind: Kind,
    targets: Vec<ActorType>,
    exclude: Vec<String>,
    requires: Option<Requirement>,
    names: Vec<Epithet>,
    note: Option<String>,
    allow: Vec<String>,
    overrides: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct PersonView {
    name: String,
    aliases: Vec<String>,
    role: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct ActorView {
    id: String,
    name: String,
    actor_type: ActorType,
    aliases: Vec<String>,
    adjectives: Vec<String>,
    people: Vec<PersonView>,
    proxies: Vec<String>,
    part_of: Option<String>,
    allow: Vec<String>,
}

impl Snapshot {
    fn of(p: &ParsedFile) -> Snapshot {
        Snapshot {
            name: p.name.clone(),
            version: p.version.clone(),
            categories: p.categories.clone(),
            labels: p.labels.iter().map(|(l, _)| LabelView::of(l)).collect(),
            actors: p.actors.iter().map(|(a, _)| ActorView::of(a)).collect(),
        }
    }
}

impl LabelView {
    fn of(l: &LabelEntry) -> LabelView {
        LabelView {
            id: l.id.clone(),
            forms: l.forms.clone(),
            regex: l.regex.clone(),
            category: l.category.clone(),
            stance: l.stance,
            kind: l.kind,
            targets: l.targets.clone(),
            exclude: l.exclude.clone(),
            requires: l.requires,
            names: l.names.clone(),
            note: l.note.clone(),
            allow: l.allow.clone(),
            overrides: l.overrides,
        }
    }

    /// A new entry as the file will read it: with its forms' and exclusions' white space
    /// collapsed.
    fn of_new(l: &LabelEntry) -> LabelView {
        LabelView {
            forms: l.forms.iter().map(|f| collapse(f)).collect(),
            exclude: l.exclude.iter().map(|f| collapse(f)).collect(),
            ..LabelView::of(l)
        }
    }
}

impl ActorView {
    fn of(a: &ActorEntry) -> ActorView {
        ActorView {
            id: a.id.clone(),
            name: a.name.clone(),
            actor_type: a.actor_type,
            aliases: a.aliases.clone(),
            adjectives: a.adjectives.clone(),
            people: a
                .people
                .iter()
                .map(|p| PersonView {
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    role: p.role.clone(),
                })
                .collect(),
            proxies: a.proxies.clone(),
            part_of: a.part_of.clone(),
            allow: a.allow.clone(),
        }
    }

    fn of_new(a: &NewActor) -> ActorView {
        ActorView {
            id: a.id.clone(),
            name: a.name.clone(),
            actor_type: a.actor_type,
            aliases: a.aliases.iter().map(|f| collapse(f)).collect(),
            adjectives: a.adjectives.iter().map(|f| collapse(f)).collect(),
            people: Vec::new(),
            proxies: Vec::new(),
            part_of: None,
            allow: Vec::new(),
        }
    }
}

/// Parses `new_text` and checks that it means exactly `want`.
fn verify(
    path: &str,
    section: Section,
    id: &str,
    new_text: &str,
    want: &Snapshot,
) -> Result<(), EditError> {
    let new = yaml::parse(path, new_text).map_err(|diagnostics| EditError::InvalidResult {
        path: path.into(),
        diagnostics,
    })?;
    let got = Snapshot::of(&new);
    if &got == want {
        return Ok(());
    }
    Err(EditError::Unintended {
        path: path.into(),
        section,
        id: id.into(),
        detail: describe_difference(want, &got),
    })
}

/// Says, in a few words, the first way `got` differs from `want`.
fn describe_difference(want: &Snapshot, got: &Snapshot) -> String {
    if want.name != got.name {
        return format!(
            "the lexicon name would become `{}` instead of `{}`",
            got.name, want.name
        );
    }
    if want.version != got.version {
        return "the `version:` would change".into();
    }
    if want.categories != got.categories {
        return "the `categories:` list would change".into();
    }
    if let Some(d) = first_difference("label", &want.labels, &got.labels, |l| &l.id) {
        return d;
    }
    if let Some(d) = first_difference("actor", &want.actors, &got.actors, |a| &a.id) {
        return d;
    }
    "the entries would differ".into()
}

fn first_difference<T: PartialEq>(
    noun: &str,
    want: &[T],
    got: &[T],
    id: impl Fn(&T) -> &String,
) -> Option<String> {
    for i in 0..want.len().max(got.len()) {
        match (want.get(i), got.get(i)) {
            (Some(w), Some(g)) if w != g => {
                return Some(if id(w) == id(g) {
                    format!("{noun} `{}` would change", id(w))
                } else {
                    format!(
                        "{noun} `{}` would be found where `{}` belongs",
                        id(g),
                        id(w)
                    )
                });
            }
            (Some(w), None) => return Some(format!("{noun} `{}` would disappear", id(w))),
            (None, Some(g)) => return Some(format!("an extra {noun} `{}` would appear", id(g))),
            _ => {}
        }
    }
    None
}

// ------------------------------------------------------------------------------------------------
// Where things are in the text
// ------------------------------------------------------------------------------------------------

/// The parts of the file an edit touches, as byte offsets into its text.
struct Tree {
    /// Column of the top-level keys.
    top_col: usize,
    /// Indentation of a new block sequence: dash column (relative to the keys) and spaces after
    /// the dash, copied from an existing block sequence when there is one.
    dash_indent: usize,
    dash_gap: usize,
    categories: Option<SeqAt>,
    labels: Option<SeqAt>,
    actors: Option<SeqAt>,
}

/// A top-level key whose value is (or will be) a sequence.
struct SeqAt {
    /// Start of the line of the key.
    key_line: usize,
    /// End of the key itself.
    key_end: usize,
    shape: Shape,
}

enum Shape {
    /// `key:` with no value.
    Empty,
    /// `- item` lines; never empty.
    Block(Vec<BlockItem>),
    /// `[item, item]`; `close` is the offset of the `]`.
    Flow {
        close: usize,
        items: Vec<Range<usize>>,
    },
}

/// One item of a block sequence.
struct BlockItem {
    /// Start of the line of the dash.
    start: usize,
    /// End of the item's last line (past its line break, or the end of the text).
    end: usize,
    /// Column of the dash, and spaces between the dash and the item.
    dash_col: usize,
    gap: usize,
    /// The item is a flow mapping `{...}`, with a space inside the braces when `spaced`.
    flow: bool,
    spaced: bool,
}

impl Tree {
    fn read(path: &str, text: &str) -> Result<Tree, EditError> {
        let unsupported = |reason: String| EditError::Unsupported {
            path: path.into(),
            reason,
        };
        let file = YamlFile::from_str(text)
            .map_err(|e| unsupported(format!("the YAML editor cannot read it ({e})")))?;
        if file.documents().count() > 1 {
            return Err(unsupported("it holds more than one YAML document".into()));
        }
        let mut tree = Tree {
            top_col: 0,
            dash_indent: 2,
            dash_gap: 1,
            categories: None,
            labels: None,
            actors: None,
        };
        // A document that is not a mapping reads as an empty lexicon (comments only, or nothing).
        let Some(map) = file.document().and_then(|d| d.as_mapping()) else {
            return Ok(tree);
        };
        if map.is_flow_style() {
            return Err(unsupported(
                "its top level is a flow mapping `{...}`; write it as `key: value` lines".into(),
            ));
        }
        for (i, entry) in map.entries().enumerate() {
            let Some(key) = entry.key_node() else {
                continue;
            };
            let kr = range(key.byte_range());
            if i == 0 {
                tree.top_col = kr.start - line_start(text, kr.start);
            }
            let name = key.as_scalar().map(|s| s.as_string());
            let name = match name.as_deref() {
                Some(n @ ("categories" | "labels" | "actors")) => n,
                _ => continue,
            };
            let shape = match entry.value_node() {
                None => Shape::Empty,
                Some(v) => {
                    let vr = range(v.byte_range());
                    if let Some(seq) = v.as_sequence() {
                        let nodes: Vec<_> = seq
                            .values()
                            .map(|n| {
                                let flow = n.as_mapping().is_some_and(|m| m.is_flow_style());
                                (range(n.byte_range()), flow)
                            })
                            .collect();
                        if seq.is_flow_style() {
                            let close = vr.end.saturating_sub(1);
                            if text.as_bytes().get(close) != Some(&b']') {
                                return Err(unsupported(format!(
                                    "cannot find the `]` that closes `{name}:`"
                                )));
                            }
                            Shape::Flow {
                                close,
                                items: nodes.into_iter().map(|(r, _)| r).collect(),
                            }
                        } else {
                            Shape::Block(block_items(text, name, &nodes).map_err(unsupported)?)
                        }
                    } else if v.is_scalar() && text[vr.clone()].trim().is_empty() {
                        Shape::Empty
                    } else {
                        return Err(unsupported(format!(
                            "`{name}:` is written as `{}`; leave the value out or write `[]`",
                            text[vr].trim()
                        )));
                    }
                }
            };
            let at = SeqAt {
                key_line: line_start(text, kr.start),
                key_end: kr.end,
                shape,
            };
            match name {
                "categories" => tree.categories = Some(at),
                "labels" => tree.labels = Some(at),
                _ => tree.actors = Some(at),
            }
        }
        let model = [&tree.labels, &tree.actors, &tree.categories]
            .into_iter()
            .flatten()
            .find_map(|s| match &s.shape {
                Shape::Block(items) => items.first().map(|i| (i.dash_col, i.gap)),
                _ => None,
            });
        if let Some((dash_col, gap)) = model {
            tree.dash_indent = dash_col.saturating_sub(tree.top_col);
            tree.dash_gap = gap;
        }
        Ok(tree)
    }

    fn seq(&self, key: &str) -> Option<&SeqAt> {
        match key {
            "categories" => self.categories.as_ref(),
            "labels" => self.labels.as_ref(),
            _ => self.actors.as_ref(),
        }
    }

    /// The items the tree sees must be the entries the loader read, one for one.
    fn check_count(&self, path: &str, section: Section, count: usize) -> Result<(), EditError> {
        let seen = match self.seq(section.key()).map(|s| &s.shape) {
            None | Some(Shape::Empty) => 0,
            Some(Shape::Block(items)) => items.len(),
            Some(Shape::Flow { items, .. }) => items.len(),
        };
        if seen == count {
            Ok(())
        } else {
            Err(EditError::Unsupported {
                path: path.into(),
                reason: format!(
                    "the YAML editor sees {seen} items under `{}:` where the loader reads {count}",
                    section.key()
                ),
            })
        }
    }
}

fn range(p: yaml_edit::TextPosition) -> Range<usize> {
    p.start as usize..p.end as usize
}

/// Locates the lines of each item of a block sequence, given the items' own byte ranges.
fn block_items(
    text: &str,
    name: &str,
    nodes: &[(Range<usize>, bool)],
) -> Result<Vec<BlockItem>, String> {
    let mut dashes = Vec::with_capacity(nodes.len());
    for (i, (node, _)) in nodes.iter().enumerate() {
        let dash = find_dash(text, node.start)
            .ok_or_else(|| format!("cannot find the `-` of item {} of `{name}:`", i + 1))?;
        dashes.push(dash);
    }
    let mut items = Vec::with_capacity(nodes.len());
    for (i, ((node, flow), &dash)) in nodes.iter().zip(&dashes).enumerate() {
        let start = line_start(text, dash);
        let dash_col = dash - start;
        let limit = dashes
            .get(i + 1)
            .map_or(text.len(), |&d| line_start(text, d));
        let end = item_end(text, node.start, dash_col, limit);
        if content_end(text, node.clone()) > end || node.start >= end {
            return Err(format!(
                "cannot tell where item {} of `{name}:` ends",
                i + 1
            ));
        }
        let node_line = line_start(text, node.start);
        let gap = if node_line == start {
            node.start - dash - 1
        } else {
            (node.start - node_line).max(dash_col + 2) - dash_col - 1
        };
        items.push(BlockItem {
            start,
            end,
            dash_col,
            gap,
            flow: *flow,
            spaced: text[node.clone()].starts_with("{ "),
        });
    }
    Ok(items)
}

/// The offset of the `-` that introduces the item starting at `node_start`: on the same line, or
/// alone (perhaps with a comment) on a line above, with only blank or comment lines between.
fn find_dash(text: &str, node_start: usize) -> Option<usize> {
    let ls = line_start(text, node_start);
    let before = &text[ls..node_start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if let Some(indent) = trimmed.strip_suffix('-') {
        return (trimmed.len() < before.len() && indent.bytes().all(|b| b == b' '))
            .then_some(ls + indent.len());
    }
    if !before.bytes().all(|b| b == b' ') {
        return None;
    }
    let mut at = ls;
    while at > 0 {
        let prev = line_start(text, at - 1);
        let line = text[prev..at].trim_end_matches(['\n', '\r']);
        let body = line.trim_start_matches(' ');
        if let Some(rest) = body.strip_prefix('-') {
            let after = rest.trim_start_matches([' ', '\t']);
            let ok = after.is_empty() || (after.starts_with('#') && after.len() < rest.len());
            return ok.then_some(prev + line.len() - body.len());
        }
        if body.trim().is_empty() || body.starts_with('#') {
            at = prev;
        } else {
            return None;
        }
    }
    None
}

/// The end of the last line of a block item: the line where its node starts, then every line up
/// to `limit` that is indented deeper than the dash (blank lines in between do not end it).
fn item_end(text: &str, node_start: usize, dash_col: usize, limit: usize) -> usize {
    let mut end = line_end(text, node_start);
    let mut pos = end;
    while pos < limit {
        let next = line_end(text, pos);
        let line = text[pos..next].trim_end_matches(['\n', '\r']);
        if !line.trim().is_empty() {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if indent <= dash_col {
                break;
            }
            end = next;
        }
        pos = next;
    }
    end
}

/// The end of the last non-blank, non-comment line inside `r`.
fn content_end(text: &str, r: Range<usize>) -> usize {
    let mut end = r.start + text[r.clone()].trim_end().len();
    while end > r.start {
        let ls = line_start(text, end).max(r.start);
        if text[ls..end].trim_start().starts_with('#') && ls > r.start {
            end = r.start + text[r.start..ls].trim_end().len();
        } else {
            break;
        }
    }
    end
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The offset just past the line break ending the line that holds `pos` (or the end of the text).
fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1)
}

fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether a whole blank line lies in `from..to` (both line starts).
fn has_blank_line(text: &str, from: usize, to: usize) -> bool {
    from < to && text[from..to].split_inclusive('\n').any(is_blank)
}

// ------------------------------------------------------------------------------------------------
// Writing entries
// ------------------------------------------------------------------------------------------------

/// What goes into a sequence: a mapping (`key: value` pairs whose values are one-line YAML) or a
/// scalar (already quoted as needed).
enum Item<'a> {
    Map(&'a [(&'static str, String)]),
    Scalar(String),
}

impl Item<'_> {
    fn flow(&self, spaced: bool) -> String {
        match self {
            Item::Scalar(s) => s.clone(),
            Item::Map(fields) => {
                let inner = fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                if spaced {
                    format!("{{ {inner} }}")
                } else {
                    format!("{{{inner}}}")
                }
            }
        }
    }

    /// The item as block lines, each ending with `nl`.
    fn block(&self, dash_col: usize, gap: usize, nl: &str) -> String {
        let dash = format!("{}-{}", " ".repeat(dash_col), " ".repeat(gap));
        match self {
            Item::Scalar(s) => format!("{dash}{s}{nl}"),
            Item::Map(fields) => {
                let indent = " ".repeat(dash_col + 1 + gap);
                let mut out = String::new();
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push_str(if i == 0 { &dash } else { &indent });
                    out.push_str(&format!("{k}: {v}{nl}"));
                }
                out
            }
        }
    }
}

/// Appends `item` to the sequence under `key` (creating the key at the end of the file if absent).
fn append(text: &str, tree: &Tree, key: &str, item: &Item) -> String {
    let nl = newline(text);
    let default_dash = tree.top_col + tree.dash_indent;
    let Some(seq) = tree.seq(key) else {
        let sep = if text.trim().is_empty() || text.ends_with("\n\n") || text.ends_with("\n\r\n") {
            ""
        } else {
            nl
        };
        let body = format!(
            "{sep}{}{key}:{nl}{}",
            " ".repeat(tree.top_col),
            item.block(default_dash, tree.dash_gap, nl)
        );
        return insert_lines(text, text.len(), &body, nl);
    };
    match &seq.shape {
        Shape::Empty => {
            let pos = line_end(text, seq.key_end);
            insert_lines(text, pos, &item.block(default_dash, tree.dash_gap, nl), nl)
        }
        Shape::Block(items) => {
            let last = items
                .last()
                .expect("a block sequence has at least one item");
            let body = match item {
                Item::Map(_) if last.flow => format!(
                    "{}-{}{}{nl}",
                    " ".repeat(last.dash_col),
                    " ".repeat(last.gap),
                    item.flow(last.spaced)
                ),
                _ => item.block(last.dash_col, last.gap, nl),
            };
            let prev_end = match items.len() {
                1 => line_end(text, seq.key_end),
                n => items[n - 2].end,
            };
            let sep = if has_blank_line(text, prev_end, last.start) {
                nl
            } else {
                ""
            };
            insert_lines(text, last.end, &format!("{sep}{body}"), nl)
        }
        Shape::Flow { close, items } => {
            let spaced = items
                .last()
                .is_some_and(|r| text[r.clone()].starts_with("{ "));
            let (pos, ins) = match items.last() {
                None => (*close, item.flow(spaced)),
                Some(r) => (r.end, format!(", {}", item.flow(spaced))),
            };
            format!("{}{ins}{}", &text[..pos], &text[pos..])
        }
    }
}

/// Inserts whole lines (`body` ends with `nl`) at the line start `pos`. At the end of a text that
/// does not end with a line break, the lines go after a new line break and the text still ends
/// without one.
fn insert_lines(text: &str, pos: usize, body: &str, nl: &str) -> String {
    if pos == text.len() && !text.is_empty() && !text.ends_with('\n') {
        let body = body.strip_suffix(nl).unwrap_or(body);
        format!("{text}{nl}{body}")
    } else {
        format!("{}{body}{}", &text[..pos], &text[pos..])
    }
}

/// Appends `category` to `categories:`, creating the key before `labels:` when absent.
fn declare_category(path: &str, text: &str, category: &str) -> Result<String, EditError> {
    let tree = Tree::read(path, text)?;
    let item = Item::Scalar(scalar(category));
    let (Some(labels), None) = (&tree.labels, &tree.categories) else {
        return Ok(append(text, &tree, "categories", &item));
    };
    // Above `labels:` and the comment lines directly above it, which belong to it.
    let mut at = labels.key_line;
    let mut comments = false;
    while at > 0 {
        let prev = line_start(text, at - 1);
        if text[prev..at].trim_start().starts_with('#') {
            at = prev;
            comments = true;
        } else {
            break;
        }
    }
    let nl = newline(text);
    let body = format!(
        "{}categories:{nl}{}{}",
        " ".repeat(tree.top_col),
        item.block(tree.top_col + tree.dash_indent, tree.dash_gap, nl),
        if comments { nl } else { "" }
    );
    Ok(format!("{}{body}{}", &text[..at], &text[at..]))
}

fn label_fields(e: &LabelEntry) -> Vec<(&'static str, String)> {
    let mut f = vec![("id", scalar(&e.id))];
    if !e.forms.is_empty() || e.regex.is_none() {
        f.push(("forms", list(e.forms.iter().map(|s| collapse(s)))));
    }
    if let Some(r) = &e.regex {
        f.push(("regex", scalar(r)));
    }
    f.push(("category", scalar(&e.category)));
    f.push(("stance", e.stance.to_string()));
    f.push(("kind", e.kind.as_str().into()));
    f.push((
        "targets",
        list(e.targets.iter().map(|t| t.as_str().to_owned())),
    ));
    if !e.exclude.is_empty() {
        f.push(("exclude", list(e.exclude.iter().map(|s| collapse(s)))));
    }
    if let Some(r) = e.requires {
        f.push(("requires", r.as_str().into()));
    }
    if !e.names.is_empty() {
        let names: Vec<String> = e
            .names
            .iter()
            .map(|n| match n.where_.as_slice() {
                [] => format!("{{actor: {}}}", scalar(&n.actor)),
                w => format!(
                    "{{actor: {}, where: {}}}",
                    scalar(&n.actor),
                    list(w.to_vec())
                ),
            })
            .collect();
        f.push(("names", format!("[{}]", names.join(", "))));
    }
    if let Some(n) = &e.note {
        f.push(("note", scalar(n)));
    }
    if !e.allow.is_empty() {
        f.push(("allow", list(e.allow.clone())));
    }
    if e.overrides {
        f.push(("overrides", "true".into()));
    }
    f
}

fn actor_fields(e: &NewActor) -> Vec<(&'static str, String)> {
    vec![
        ("id", scalar(&e.id)),
        ("name", scalar(&e.name)),
        ("type", e.actor_type.as_str().into()),
        ("aliases", list(e.aliases.iter().map(|s| collapse(s)))),
        ("adjectives", list(e.adjectives.iter().map(|s| collapse(s)))),
        ("people", "[]".into()),
        ("proxies", "[]".into()),
    ]
}

/// White space collapsed as the loader reads forms.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A flow sequence of strings: `[a, 'b: c']`.
fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| scalar(&s)).collect();
    format!("[{}]", items.join(", "))
}

// ------------------------------------------------------------------------------------------------
// Removing
// ------------------------------------------------------------------------------------------------

fn remove_in(
    path: &str,
    text: &str,
    old: &ParsedFile,
    section: Section,
    id: &str,
) -> Result<String, EditError> {
    let (index, count) = match section {
        Section::Labels => (
            old.labels.iter().position(|(l, _)| l.id == id),
            old.label_count,
        ),
        Section::Actors => (
            old.actors.iter().position(|(a, _)| a.id == id),
            old.actor_count,
        ),
    };
    let Some(k) = index else {
        return Err(EditError::NotFound {
            path: path.into(),
            section: Some(section),
            id: id.into(),
        });
    };
    if section == Section::Actors {
        let by: Vec<String> = old
            .actors
            .iter()
            .filter(|(a, _)| a.id != id && a.proxies.iter().any(|p| p == id))
            .map(|(a, _)| a.id.clone())
            .collect();
        if !by.is_empty() {
            return Err(EditError::InUse {
                path: path.into(),
                id: id.into(),
                by,
            });
        }
    }
    let tree = Tree::read(path, text)?;
    tree.check_count(path, section, count)?;
    let cut = match tree.seq(section.key()).map(|s| &s.shape) {
        Some(Shape::Block(items)) => block_cut(text, items, k),
        Some(Shape::Flow { items, .. }) => flow_cut(items, k),
        // `check_count` saw `count` > 0 items.
        None | Some(Shape::Empty) => unreachable!("an entry was found in an empty sequence"),
    };
    let new = format!("{}{}", &text[..cut.start], &text[cut.end..]);

    let mut want = Snapshot::of(old);
    match section {
        Section::Labels => {
            want.labels.remove(k);
        }
        Section::Actors => {
            want.actors.remove(k);
        }
    }
    verify(path, section, id, &new, &want)?;
    Ok(new)
}

/// The bytes to cut to remove item `k` of a block sequence: its lines, plus the blank lines above
/// it (below it for the first of several items). The inverse of [`append`].
fn block_cut(text: &str, items: &[BlockItem], k: usize) -> Range<usize> {
    let item = &items[k];
    let (mut start, mut end) = (item.start, item.end);
    if k == 0 && items.len() > 1 {
        let ceil = items[1].start;
        while end < ceil {
            let next = line_end(text, end);
            if !is_blank(&text[end..next]) {
                break;
            }
            end = next;
        }
        return start..end;
    }
    if k > 0 {
        let floor = items[k - 1].end;
        while start > floor {
            let prev = line_start(text, start - 1);
            if !is_blank(&text[prev..start]) {
                break;
            }
            start = prev;
        }
    }
    // The last line of a text without a final line break: take the line break before it instead,
    // so the text still ends without one.
    if end == text.len() && !text.ends_with('\n') && start > 0 {
        start -= if text[..start].ends_with("\r\n") {
            2
        } else {
            1
        };
    }
    start..end
}

/// The bytes to cut to remove item `k` of a flow sequence, with one separating comma.
fn flow_cut(items: &[Range<usize>], k: usize) -> Range<usize> {
    if k > 0 {
        items[k - 1].end..items[k].end
    } else if items.len() > 1 {
        items[0].start..items[1].start
    } else {
        items[0].clone()
    }
}

// ------------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------------

/// How [`EditError::Unreadable`] and [`EditError::Unwritable`] word their I/O error: a missing
/// file and a refused permission plainly, anything else in the system's words.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Writes `contents` over `target` through a temporary file (which keeps the target's
/// permissions), unless the file on disk no longer holds `expected_old`.
fn write_atomically(
    target: &Path,
    shown: &str,
    contents: &[u8],
    expected_old: &[u8],
) -> Result<(), EditError> {
    let unwritable = |source: std::io::Error| EditError::Unwritable {
        path: shown.into(),
        source,
    };
    let output_failure = |e: crate::output::OutputError| match e {
        crate::output::OutputError::Write { source, .. } => unwritable(source),
        e => EditError::NotWritable {
            path: shown.into(),
            reason: e.to_string(),
        },
    };
    let mut f = crate::output::AtomicFile::create(target).map_err(output_failure)?;
    f.write_all(contents).map_err(unwritable)?;
    let now = crate::budget::Budget::new(crate::budget::LEXICON_BYTES)
        .read_path(target)
        .map_err(|e| match e {
            crate::budget::ReadFailure::Io(e) => unwritable(e),
            e => EditError::NotWritable {
                path: shown.into(),
                reason: e.to_string(),
            },
        })?;
    if now != expected_old {
        return Err(EditError::Changed { path: shown.into() });
    }
    f.commit().map_err(output_failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(id: &str, category: &str) -> LabelEntry {
        LabelEntry {
            forms: vec!["fresh term".into(), "fresh terms".into()],
            targets: vec![ActorType::ArmedGroup],
            note: Some("Added by a test.".into()),
            ..LabelEntry::new(id, category, -1, Kind::Label)
        }
    }

    fn actor(id: &str) -> NewActor {
        NewActor {
            id: id.into(),
            name: "New Front".into(),
            actor_type: ActorType::Movement,
            aliases: vec!["NF".into(), "the New Front".into()],
            adjectives: vec![],
        }
    }

    fn parsed(text: &str) -> ParsedFile {
        match yaml::parse("t.yaml", text) {
            Ok(p) => p,
            Err(d) => panic!("does not parse:\n{}\n---\n{text}", render_all(&d)),
        }
    }

    /// A file with comments everywhere, 4- and 2-space and indentless sequences, a flow entry
    /// between block entries, a literal block note, a dash alone on its line.
    const ODD: &str = "\
# My lexicon: hand edited, do not reflow.
lexicon: odd   # trailing comment
version: 1.0

categories:
    - a/b          # four-space sequence
    - c/d
labels:
  # first entry
  - id: first
    forms: [one, \"two words\"]
    category: a/b
    stance: -1
    kind: label
    note: |
      A note on
      two lines.

  # a comment between entries
  - {id: second, forms: ['three: four'], category: c/d, stance: 2, kind: act}   # flow entry

  -   id: third
      forms:
        - five
        - six   # deep
      category: a/b
      stance: 0
      kind: distancing
      targets: [state]
      allow: [no-note]   # accepted
    # trailing comment, deeper than the dashes: part of `third`

# A section comment about actors
actors:
- id: x
  name: \"X\"
  type: state
  aliases: [XX]   # short
-
  # a dash alone on its line
  id: y
  name: Y
  type: movement

-   id: z
    name: Z
    type: population
# end of file comment
";

    #[test]
    fn add_then_remove_label_is_byte_identical() {
        let added = add_label("odd.yaml", ODD, &label("new-one", "c/d")).unwrap();
        assert_ne!(added, ODD);
        let p = parsed(&added);
        assert_eq!(p.labels.len(), 4);
        assert_eq!(p.labels[3].0.id, "new-one");
        // The new entry copies the last entry's layout and goes before the section comment.
        assert!(
            added.contains(
                "    # trailing comment, deeper than the dashes: part of `third`\n\n  -   id: new-one\n      forms: [fresh term, fresh terms]\n"
            ),
            "{added}"
        );
        assert!(added.contains("      note: Added by a test.\n\n# A section comment about actors"));
        assert_eq!(remove("odd.yaml", &added, "new-one").unwrap(), ODD);
    }

    #[test]
    fn add_then_remove_actor_is_byte_identical() {
        let added = add_actor("odd.yaml", ODD, &actor("nf")).unwrap();
        // Entries are separated by a blank line before the last one: the new one is too.
        assert!(
            added.ends_with(
                "    type: population\n\n-   id: nf\n    name: New Front\n    type: movement\n    aliases: [NF, the New Front]\n    adjectives: []\n    people: []\n    proxies: []\n# end of file comment\n"
            ),
            "{added}"
        );
        assert_eq!(parsed(&added).actors.len(), 4);
        assert_eq!(remove("odd.yaml", &added, "nf").unwrap(), ODD);
    }

    #[test]
    fn removing_existing_entries_keeps_everything_else() {
        let without_second = remove("odd.yaml", ODD, "second").unwrap();
        assert_eq!(
            without_second,
            ODD.replace(
                "  - {id: second, forms: ['three: four'], category: c/d, stance: 2, kind: act}   # flow entry\n",
                ""
            )
        );
        let without_first = remove("odd.yaml", ODD, "first").unwrap();
        assert!(
            without_first.contains(
                "labels:\n  # first entry\n  # a comment between entries\n  - {id: second"
            )
        );
        let without_third = remove("odd.yaml", ODD, "third").unwrap();
        assert!(
            without_third.contains("# flow entry\n\n# A section comment"),
            "{without_third}"
        );
        let without_y = remove("odd.yaml", ODD, "y").unwrap();
        assert!(
            without_y.contains("  aliases: [XX]   # short\n\n-   id: z"),
            "{without_y}"
        );
        for t in [&without_second, &without_first, &without_third, &without_y] {
            parsed(t);
        }
    }

    #[test]
    fn flow_entries_get_a_flow_entry() {
        let src = "categories: [a/b]\nlabels:\n  - { id: a, forms: [x], category: a/b, stance: 1, kind: act }\n";
        let added = add_label("t.yaml", src, &label("b", "a/b")).unwrap();
        assert_eq!(
            added,
            format!(
                "{src}  - {{ id: b, forms: [fresh term, fresh terms], category: a/b, stance: -1, kind: label, targets: [armed_group], note: Added by a test. }}\n"
            )
        );
        assert_eq!(remove("t.yaml", &added, "b").unwrap(), src);
    }

    #[test]
    fn flow_sequences_and_empty_keys() {
        for src in [
            "categories: [a/b]\nlabels: []\n",
            "categories: [a/b]\nlabels: [ ]  # none yet\n",
            "categories: [a/b]\nlabels: [{id: a, forms: [x], category: a/b, stance: 1, kind: act}]\n",
            "categories: [a/b]\nlabels:\n",
            "categories: [a/b]\nlabels:   # none yet\nactors: []\n",
            "categories: [a/b]\nlabels:",
            "categories:\n  - a/b\nlabels:\n  - id: a\n    forms: [x]\n    category: a/b\n    stance: 1\n    kind: act",
        ] {
            let added = add_label("t.yaml", src, &label("b", "a/b")).unwrap();
            let p = parsed(&added);
            assert_eq!(p.labels.last().unwrap().0.id, "b", "{added}");
            assert_eq!(remove("t.yaml", &added, "b").unwrap(), src, "{added}");
        }
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let src = "categories: [a/b]\r\nlabels:\r\n  - id: a\r\n    forms: [x]\r\n    category: a/b\r\n    stance: 1\r\n    kind: act\r\n\r\n  - id: c\r\n    forms: [y]\r\n    category: a/b\r\n    stance: 1\r\n    kind: act\r\n";
        let added = add_label("t.yaml", src, &label("b", "a/b")).unwrap();
        assert!(!added.replace("\r\n", "").contains('\n'), "{added:?}");
        assert!(
            added.contains("kind: act\r\n\r\n  - id: b\r\n"),
            "{added:?}"
        );
        assert_eq!(remove("t.yaml", &added, "b").unwrap(), src);
    }

    #[test]
    fn adds_to_a_file_without_the_key() {
        let actors =
            "# actors only\nlexicon: mine\n\nactors:\n  - id: x\n    name: X\n    type: state\n";
        assert!(matches!(
            add_label("mine.yaml", actors, &label("fresh", "contested/new")),
            Err(EditError::ActorsOnly { .. })
        ));
        let src = "# nothing yet\nlexicon: mine\n";
        let added = add_label("mine.yaml", src, &label("fresh", "contested/new")).unwrap();
        assert_eq!(
            added,
            format!(
                "{src}\ncategories:\n  - contested/new\nlabels:\n  - id: fresh\n    forms: [fresh term, fresh terms]\n    category: contested/new\n    stance: -1\n    kind: label\n    targets: [armed_group]\n    note: Added by a test.\n"
            )
        );
        let p = parsed(&added);
        assert_eq!(p.categories, ["contested/new"]);
        assert_eq!(p.labels[0].0.id, "fresh");
        // Removing leaves the keys (and the declared category).
        let removed = remove("mine.yaml", &added, "fresh").unwrap();
        assert!(parsed(&removed).labels.is_empty());

        let added = add_actor("empty.yaml", "", &actor("nf")).unwrap();
        assert!(added.starts_with("actors:\n  - id: nf\n"), "{added}");
        parsed(&added);
        let added = add_actor("c.yaml", "# just a comment", &actor("nf")).unwrap();
        assert!(
            added.starts_with("# just a comment\n\nactors:\n  - id: nf\n"),
            "{added}"
        );
        assert!(added.ends_with("proxies: []"));
    }

    #[test]
    fn undeclared_category_is_declared() {
        // Appended to an existing list ...
        let added = add_label("odd.yaml", ODD, &label("n", "x/y")).unwrap();
        assert!(added.contains("    - c/d\n    - x/y\nlabels:\n"), "{added}");
        assert_eq!(parsed(&added).categories, ["a/b", "c/d", "x/y"]);
        // ... or a new list above `labels:` and its comments.
        let src = "lexicon: mine\n\n# my labels\nlabels:\n    - {id: a, forms: [x], category: a/b, stance: 1, kind: act}\n";
        let added = add_label("t.yaml", src, &label("n", "x/y")).unwrap();
        assert!(
            added.starts_with("lexicon: mine\n\ncategories:\n    - x/y\n\n# my labels\nlabels:\n"),
            "{added}"
        );
    }

    #[test]
    fn duplicate_and_unknown_ids_are_refused() {
        let e = add_label("odd.yaml", ODD, &label("second", "a/b")).unwrap_err();
        assert!(
            matches!(
                e,
                EditError::DuplicateId {
                    section: Section::Labels,
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(
            e.to_string(),
            "odd.yaml already has a label with id `second`"
        );
        let e = add_actor("odd.yaml", ODD, &actor("y")).unwrap_err();
        assert!(
            matches!(
                e,
                EditError::DuplicateId {
                    section: Section::Actors,
                    ..
                }
            ),
            "{e}"
        );
        // A label may share an id with an actor.
        add_label("odd.yaml", ODD, &label("y", "a/b")).unwrap();

        let e = remove("odd.yaml", ODD, "nope").unwrap_err();
        assert_eq!(
            e.to_string(),
            "odd.yaml has no label or actor with id `nope`"
        );
        let e = remove("actors.yaml", BUNDLED_ACTORS, "sna").unwrap_err();
        assert_eq!(
            e.to_string(),
            "actors.yaml: actor `sna` is listed in the `proxies:` of `turkey`; remove it there first"
        );
        let e = remove_actor("odd.yaml", ODD, "first").unwrap_err();
        assert_eq!(e.to_string(), "odd.yaml has no actor with id `first`");

        let both = add_label("odd.yaml", ODD, &label("y", "a/b")).unwrap();
        let e = remove("odd.yaml", &both, "y").unwrap_err();
        assert!(matches!(e, EditError::Ambiguous { .. }), "{e}");
        let only_actor = remove_label("odd.yaml", &both, "y").unwrap();
        assert_eq!(only_actor, ODD);
        let only_label = remove_actor("odd.yaml", &both, "y").unwrap();
        let p = parsed(&only_label);
        assert!(p.labels.iter().any(|(l, _)| l.id == "y"));
        assert!(!p.actors.iter().any(|(a, _)| a.id == "y"));
    }

    #[test]
    fn invalid_entries_and_files_are_refused() {
        let mut bad = label("bad", "a/b");
        bad.stance = 5;
        let e = add_label("odd.yaml", ODD, &bad).unwrap_err();
        assert!(matches!(e, EditError::InvalidResult { .. }), "{e}");
        assert!(e.to_string().contains("stance 5 is out of range"), "{e}");
        assert_eq!(e.diagnostics().len(), 1);

        let mut bad = label("bad", "a/b");
        bad.forms = vec!["t*".into()];
        let e = add_label("odd.yaml", ODD, &bad).unwrap_err();
        assert!(
            e.to_string().contains("a glob needs at least 3 letters"),
            "{e}"
        );

        let e = add_label("odd.yaml", "labels: [\n", &label("x", "a/b")).unwrap_err();
        assert!(matches!(e, EditError::Invalid { .. }), "{e}");
        let e = add_label("t.yaml", "labels: ~\n", &label("x", "a/b")).unwrap_err();
        assert!(matches!(e, EditError::Unsupported { .. }), "{e}");
        let e = remove(
            "t.yaml",
            "{labels: [{id: a, forms: [x], category: a/b, stance: 1, kind: act}]}",
            "a",
        )
        .unwrap_err();
        assert!(matches!(e, EditError::Unsupported { .. }), "{e}");
    }

    #[test]
    fn verification_catches_any_other_change() {
        let old = parsed(ODD);
        let mut want = Snapshot::of(&old);
        want.labels.remove(1);
        // Removing `second` but also touching `third` is refused.
        let new = ODD
            .replace("  - {id: second, forms: ['three: four'], category: c/d, stance: 2, kind: act}   # flow entry\n", "")
            .replace("      stance: 0\n", "      stance: 1\n");
        let e = verify("odd.yaml", Section::Labels, "second", &new, &want).unwrap_err();
        assert_eq!(
            e.to_string(),
            "refused: the edit would change more than the label `second` in odd.yaml (label `third` would change); the file is unchanged"
        );
        let new = ODD.replace("version: 1.0", "version: 2.0");
        let e = verify(
            "odd.yaml",
            Section::Labels,
            "second",
            &new,
            &Snapshot::of(&old),
        )
        .unwrap_err();
        assert!(e.to_string().contains("the `version:` would change"), "{e}");
        let new = ODD.replace("allow: [no-note]", "allow: []");
        let e = verify("odd.yaml", Section::Labels, "x", &new, &Snapshot::of(&old)).unwrap_err();
        assert!(e.to_string().contains("label `third` would change"), "{e}");
        let new = ODD.replace("    - c/d\n", "");
        let e = verify("odd.yaml", Section::Labels, "x", &new, &Snapshot::of(&old)).unwrap_err();
        assert!(e.to_string().contains("`categories:`"), "{e}");
    }

    #[test]
    fn awkward_strings_survive() {
        let entry = LabelEntry {
            forms: vec![
                "state: sponsor".into(),
                "#hashtag war".into(),
                "a # b".into(),
                "terror cell*".into(),
                "- dash".into(),
                "it's".into(),
                "'quoted'".into(),
                "\"double\"".into(),
                "yes".into(),
                "Null".into(),
                "123".into(),
                "[bracket]".into(),
                "a, b".into(),
                "café   au  lait".into(),
                "@handle".into(),
                "%percent".into(),
            ],
            regex: Some(r#"\bwhat (?:it|they) ['’"]?called\b"#.into()),
            exclude: vec!["not: this".into(), "*leading".into()],
            note: Some(
                "Line one: \"quoted\" and 'single'.\nLine two\twith a tab # not a comment\n".into(),
            ),
            ..LabelEntry::new("9-11", "a/b", 0, Kind::Act)
        };
        let src = "categories: [a/b]\nlabels:\n";
        // A leading `*` is not a valid glob: refused with the loader's message.
        let e = add_label("t.yaml", src, &entry).unwrap_err();
        assert!(e.to_string().contains("`*leading`"), "{e}");

        let entry = LabelEntry {
            exclude: vec!["not: this".into(), "odd #tag".into()],
            ..entry
        };
        let added = add_label("t.yaml", src, &entry).unwrap();
        let p = parsed(&added);
        let got = &p.labels[0].0;
        assert_eq!(LabelView::of(got), LabelView::of_new(&entry));
        assert_eq!(got.forms[0], "state: sponsor");
        assert_eq!(got.forms[3], "terror cell*");
        assert_eq!(got.forms[13], "café au lait");
        assert_eq!(remove("t.yaml", &added, "9-11").unwrap(), src);

        // The same through a flow mapping and a flow sequence.
        let src = "categories: [a/b]\nlabels: [{id: a, forms: [x], category: a/b, stance: 1, kind: act}]\n";
        let added = add_label("t.yaml", src, &entry).unwrap();
        assert_eq!(
            LabelView::of(&parsed(&added).labels[1].0),
            LabelView::of_new(&entry)
        );
        assert_eq!(remove("t.yaml", &added, "9-11").unwrap(), src);
    }

    /// The fields `lexicon add` never sets are written too, when an entry has them.
    #[test]
    fn every_field_of_a_new_label_is_written() {
        let entry = LabelEntry {
            forms: vec!["khawarij".into()],
            targets: vec![ActorType::ArmedGroup],
            requires: Some(Requirement::Party),
            names: vec![
                Epithet {
                    actor: "al-shabaab".into(),
                    where_: vec!["somalia".into(), "kenya".into()],
                },
                Epithet {
                    actor: "ttp".into(),
                    where_: vec![],
                },
            ],
            note: Some("A side's name for its enemy.".into()),
            allow: vec!["no-note".into(), "shadowed".into()],
            overrides: true,
            ..LabelEntry::new("khawarij", "a/b", -2, Kind::Label)
        };
        let src = "categories: [a/b]\nlabels:\n";
        let added = add_label("t.yaml", src, &entry).unwrap();
        assert_eq!(
            added,
            "categories: [a/b]\nlabels:\n  - id: khawarij\n    forms: [khawarij]\n    category: a/b\n    \
             stance: -2\n    kind: label\n    targets: [armed_group]\n    requires: party\n    \
             names: [{actor: al-shabaab, where: [somalia, kenya]}, {actor: ttp}]\n    \
             note: A side's name for its enemy.\n    allow: [no-note, shadowed]\n    overrides: true\n"
        );
        assert_eq!(
            LabelView::of(&parsed(&added).labels[0].0),
            LabelView::of_new(&entry)
        );
        assert_eq!(remove("t.yaml", &added, "khawarij").unwrap(), src);
        // The same in a flow mapping.
        let src = "categories: [a/b]\nlabels: [{id: a, forms: [x], category: a/b, stance: 1, kind: act}]\n";
        let added = add_label("t.yaml", src, &entry).unwrap();
        assert_eq!(
            LabelView::of(&parsed(&added).labels[1].0),
            LabelView::of_new(&entry)
        );
    }

    const BUNDLED_LABELS: &str = include_str!("../../lexicons/conflict-labels.yaml");
    const BUNDLED_ACTORS: &str = include_str!("../../lexicons/actors.yaml");

    #[test]
    fn bundled_lexicons_round_trip() {
        let added = add_label(
            "conflict-labels.yaml",
            BUNDLED_LABELS,
            &label("zz-test", "delegitimizing/terrorism"),
        )
        .unwrap();
        assert!(added.starts_with(BUNDLED_LABELS.trim_end()));
        assert!(added.ends_with("\n\n  - id: zz-test\n    forms: [fresh term, fresh terms]\n    category: delegitimizing/terrorism\n    stance: -1\n    kind: label\n    targets: [armed_group]\n    note: Added by a test.\n"));
        assert_eq!(
            remove("conflict-labels.yaml", &added, "zz-test").unwrap(),
            BUNDLED_LABELS
        );

        let added = add_actor("actors.yaml", BUNDLED_ACTORS, &actor("zz-test")).unwrap();
        assert!(added.ends_with("    proxies: []\n\n  - id: zz-test\n    name: New Front\n    type: movement\n    aliases: [NF, the New Front]\n    adjectives: []\n    people: []\n    proxies: []\n"));
        assert_eq!(
            remove("actors.yaml", &added, "zz-test").unwrap(),
            BUNDLED_ACTORS
        );

        // Removing real entries (the first, one in the middle, the last) changes only them.
        for (path, text, id) in [
            ("conflict-labels.yaml", BUNDLED_LABELS, "terrorist"),
            ("conflict-labels.yaml", BUNDLED_LABELS, "claimed"),
            ("conflict-labels.yaml", BUNDLED_LABELS, "what-x-called"),
            ("actors.yaml", BUNDLED_ACTORS, "hts"),
            ("actors.yaml", BUNDLED_ACTORS, "iran"),
            ("actors.yaml", BUNDLED_ACTORS, "arakan-army"),
        ] {
            let removed = remove(path, text, id).unwrap();
            assert!(removed.len() < text.len());
            assert!(!removed.contains(&format!("- id: {id}\n")));
        }

        // Files of the other kind are refused: the key the entry needs would stay after removing.
        assert!(matches!(
            add_actor("conflict-labels.yaml", BUNDLED_LABELS, &actor("nf")),
            Err(EditError::LabelsOnly { .. })
        ));
        assert!(matches!(
            add_label(
                "actors.yaml",
                BUNDLED_ACTORS,
                &label("zz", "delegitimizing/terrorism"),
            ),
            Err(EditError::ActorsOnly { .. })
        ));
    }

    struct TempDir(std::path::PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            use std::sync::atomic::{AtomicU64, Ordering};
            static N: AtomicU64 = AtomicU64::new(0);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let dir = std::env::temp_dir().join(format!(
                "framelens-edit-{tag}-{}-{nanos}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            std::fs::create_dir(&dir).unwrap();
            TempDir(dir)
        }

        fn names(&self) -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn apply_to_file_writes_atomically() {
        let dir = TempDir::new("apply");
        let file = dir.0.join("mine.yaml");
        std::fs::write(&file, ODD).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        }

        apply_to_file(&file, |p, t| add_label(p, t, &label("new-one", "c/d"))).unwrap();
        let edited = std::fs::read_to_string(&file).unwrap();
        assert!(
            parsed(&edited)
                .labels
                .iter()
                .any(|(l, _)| l.id == "new-one")
        );
        assert_eq!(dir.names(), ["mine.yaml"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }

        // A refused edit leaves the file as it was, and no temporary file.
        let e = apply_to_file(&file, |p, t| add_label(p, t, &label("new-one", "c/d"))).unwrap_err();
        assert!(matches!(e, EditError::DuplicateId { .. }), "{e}");
        let e = apply_to_file(&file, |_, t| Ok(t.replace("stance: 0", "stance: 9"))).unwrap_err();
        assert!(matches!(e, EditError::InvalidResult { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
        assert_eq!(dir.names(), ["mine.yaml"]);

        apply_to_file(&file, |p, t| remove(p, t, "new-one")).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), ODD);
        assert_eq!(dir.names(), ["mine.yaml"]);

        // A change made on disk between reading and writing is not overwritten.
        let e = apply_to_file(&file, |p, t| {
            std::fs::write(&file, format!("{t}# someone else\n")).unwrap();
            add_actor(p, t, &actor("nf"))
        })
        .unwrap_err();
        assert!(matches!(e, EditError::Changed { .. }), "{e}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            format!("{ODD}# someone else\n")
        );
        assert_eq!(dir.names(), ["mine.yaml"]);

        let e = apply_to_file(&dir.0.join("missing.yaml"), |_, t| Ok(t.into())).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "cannot read {}: no such file",
                dir.0.join("missing.yaml").display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn apply_to_file_follows_links_and_refuses_read_only_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("link");
        let file = dir.0.join("real.yaml");
        let link = dir.0.join("link.yaml");
        std::fs::write(&file, ODD).unwrap();
        std::os::unix::fs::symlink(&file, &link).unwrap();
        apply_to_file(&link, |p, t| add_actor(p, t, &actor("nf"))).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(std::fs::read_to_string(&file).unwrap().contains("id: nf"));
        assert_eq!(dir.names(), ["link.yaml", "real.yaml"]);

        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
        let before = std::fs::read_to_string(&file).unwrap();
        let e = apply_to_file(&file, |p, t| remove(p, t, "nf")).unwrap_err();
        assert!(matches!(e, EditError::NotWritable { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
        assert_eq!(dir.names(), ["link.yaml", "real.yaml"]);
    }

    #[test]
    fn a_file_that_cannot_be_read_keeps_the_io_error_as_its_source() {
        let path = Path::new("no/such/lexicon.yaml");
        let e = apply_to_file(path, |p, t| add_actor(p, t, &actor("nf"))).unwrap_err();
        assert!(matches!(e, EditError::Unreadable { .. }), "{e}");
        let source = std::error::Error::source(&e).expect("the io::Error");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(
            e.to_string(),
            "cannot read no/such/lexicon.yaml: no such file"
        );
    }

    #[test]
    fn a_file_that_cannot_be_written_keeps_the_io_error_as_its_source() {
        let target = Path::new("no/such/folder/lexicon.yaml");
        let e = write_atomically(target, "lexicon.yaml", b"labels: []\n", b"").unwrap_err();
        assert!(matches!(e, EditError::Unwritable { .. }), "{e}");
        let source = std::error::Error::source(&e).expect("the io::Error");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(
            e.to_string(),
            "cannot write lexicon.yaml: no such file; the file is unchanged"
        );
    }
}
