//! Layers: what a lexicon file loaded later takes from the files loaded before it.
//!
//! Files load in order (the bundled ones first, then each `--lexicon`), and where the entries
//! of two files match the same words, the matcher keeps the later file's
//! ([`crate::matcher::Matcher::with_layers`]). This module finds, when a file is added, the
//! forms of earlier files whose words its forms take: the same form (`rebels` and `rebels`), or
//! a glob and a form it covers (`terrorist*` and `terrorists`, either way round), or two globs
//! one of which covers the other. Each is a located diagnostic, unless the later entry says
//! `overrides: true`; a run prints them as warnings and `lexicon check` as problems.
//!
//! What it does not do: forms that match some of the same words without one covering the other
//! (two different phrases that overlap in a text) are the matcher's ordinary business, settled
//! by the longest match; and regex entries are not compared.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::yaml::ParsedFile;
use crate::diagnostic::Diagnostic;
use crate::matcher::{Normalized, is_word_char};

/// A form of an earlier file.
#[derive(Clone)]
struct Earlier {
    /// As written.
    form: String,
    entry: String,
    /// file:line.
    place: String,
    stance: i8,
}

/// The label forms of the files read so far, by normalized text without the `*`, and whether
/// the form is a glob. A later file's form of the same text and kind replaces an earlier one.
#[derive(Default)]
pub(crate) struct Layers {
    forms: BTreeMap<String, Vec<(bool, Earlier)>>,
}

impl Layers {
    /// Forgets the forms of the entries `ids`: a later file replaces them, and their forms go
    /// with them.
    fn forget(&mut self, ids: &HashSet<&str>) {
        for same in self.forms.values_mut() {
            same.retain(|(_, e)| !ids.contains(e.entry.as_str()));
        }
    }
}

impl Layers {
    /// The forms of `p` whose words an earlier file's form of another entry also matches,
    /// unless `p`'s entry says `overrides: true`: the matcher now takes `p`'s entry there. Then
    /// adds `p`'s forms.
    pub(crate) fn taken_by(&mut self, p: &ParsedFile) -> Vec<Diagnostic> {
        let declared = p.declared_overrides();
        let stance: HashMap<&str, i8> = p
            .labels
            .iter()
            .map(|(e, _)| (e.id.as_str(), e.stance))
            .collect();
        self.forget(&p.labels.iter().map(|(e, _)| e.id.as_str()).collect());
        let mut out = Vec::new();
        // (later entry, earlier entry) pairs already reported: once each, at the first form.
        let mut named: Vec<(&str, String)> = Vec::new();
        for (form, entry, line, column) in &p.form_locs {
            if declared.contains(&entry.as_str()) {
                continue;
            }
            let (text, glob) = split(form);
            let now = stance.get(entry.as_str()).copied().unwrap_or(0);
            for e in self.covered(&text, glob) {
                let pair = (entry.as_str(), e.entry.clone());
                if e.entry != *entry && !named.contains(&pair) {
                    named.push(pair);
                    out.push(Diagnostic {
                        file: p.path.clone(),
                        line: *line,
                        column: *column,
                        message: message(form, entry, &e, now),
                        source_line: None,
                    });
                }
            }
        }
        for (form, entry, line, _) in &p.form_locs {
            let (text, glob) = split(form);
            let earlier = Earlier {
                form: form.clone(),
                entry: entry.clone(),
                place: format!("{}:{line}", p.path),
                stance: stance.get(entry.as_str()).copied().unwrap_or(0),
            };
            let same = self.forms.entry(text).or_default();
            same.retain(|(g, _)| *g != glob);
            same.push((glob, earlier));
        }
        out
    }

    /// The earlier forms that match words the form `text` (a glob when `glob`) also matches,
    /// each once, in a stable order.
    fn covered(&self, text: &str, glob: bool) -> Vec<Earlier> {
        let mut found: Vec<Earlier> = Vec::new();
        // Earlier forms that start with `text`: the same form, or (for a glob) forms and globs
        // it covers.
        for (key, forms) in self.forms.range(text.to_owned()..) {
            let Some(rest) = key.strip_prefix(text) else {
                break;
            };
            let covers = rest.is_empty() || (glob && rest.chars().all(is_word_char));
            if covers {
                found.extend(forms.iter().map(|(_, e)| e.clone()));
            }
        }
        // Earlier globs that cover `text`: their text is `text` cut inside its last word.
        for (cut, _) in text.char_indices().rev() {
            let rest = &text[cut..];
            if !rest.chars().all(is_word_char) {
                break;
            }
            if let Some(forms) = self.forms.get(&text[..cut]) {
                found.extend(forms.iter().filter(|(g, _)| *g).map(|(_, e)| e.clone()));
            }
        }
        found
    }
}

/// A form's normalized text without its `*`, and whether it had one.
fn split(form: &str) -> (String, bool) {
    let n = Normalized::form(form);
    match n.strip_suffix('*') {
        Some(t) => (t.trim_end().to_owned(), true),
        None => (n, false),
    }
}

fn message(form: &str, entry: &str, e: &Earlier, stance: i8) -> String {
    let change = if e.stance == stance {
        String::new()
    } else {
        format!(" (stance {} -> {stance})", e.stance)
    };
    let what = if Normalized::form(form) == Normalized::form(&e.form) {
        format!("form `{form}` of `{entry}` is also a form of `{}`", e.entry)
    } else {
        format!(
            "form `{form}` of `{entry}` matches words of the form `{}` of `{}`",
            e.form, e.entry
        )
    };
    format!(
        "{what} ({}){change}; the later entry is matched on these words; write `overrides: true` in the entry if that is meant",
        e.place
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, entries: &[(&str, &str, i8)]) -> ParsedFile {
        let mut text = String::from("categories: [a/b]\nlabels:\n");
        for (id, form, stance) in entries {
            text.push_str(&format!(
                "  - {{id: {id}, forms: ['{form}'], category: a/b, stance: {stance}, kind: label}}\n"
            ));
        }
        super::super::yaml::parse(path, &text).unwrap()
    }

    /// Which later forms take which earlier ones, table-driven: (earlier form, later form,
    /// taken).
    #[test]
    fn what_a_later_form_takes() {
        let table = [
            ("rebels", "rebels", true),
            ("rebels", "Rebels", true),
            ("terrorists", "terrorist*", true),
            ("terrorist", "terrorist*", true),
            ("terrorist*", "terrorists", true),
            ("terror*", "terrorist*", true),
            ("terrorist*", "terror*", true),
            ("terrorist group", "terrorist*", false),
            ("anti-terrorist", "terrorist*", false),
            ("rebel", "rebels", false),
            ("rebels", "rebel", false),
            ("armed rebels", "rebels", false),
        ];
        for (earlier, later, taken) in table {
            let mut l = Layers::default();
            assert!(
                l.taken_by(&file("a.yaml", &[("x", earlier, -2)]))
                    .is_empty()
            );
            let d = l.taken_by(&file("b.yaml", &[("y", later, 0)]));
            assert_eq!(d.len(), usize::from(taken), "{earlier} then {later}: {d:?}");
        }
    }

    #[test]
    fn the_message_names_both_forms_and_the_stance() {
        let mut l = Layers::default();
        l.taken_by(&file("a.yaml", &[("terrorist", "terrorists", -2)]));
        let d = l.taken_by(&file("b.yaml", &[("mini-terrorist", "terrorist*", 0)]));
        assert_eq!(
            d[0].message,
            "form `terrorist*` of `mini-terrorist` matches words of the form `terrorists` of `terrorist` (a.yaml:3) (stance -2 -> 0); the later entry is matched on these words; write `overrides: true` in the entry if that is meant"
        );
        assert_eq!(
            (d[0].file.as_str(), d[0].line, d[0].column),
            ("b.yaml", 3, 34)
        );
    }

    /// An entry replaced by id takes its forms with it: a later form that only the replaced
    /// entry had is nobody's; and one later entry is named once per earlier entry.
    #[test]
    fn replaced_entries_leave_no_forms_behind() {
        let mut l = Layers::default();
        l.taken_by(&file("a.yaml", &[("rebel", "rebels", 0)]));
        let d = l.taken_by(&file(
            "b.yaml",
            &[("rebel", "rebel", 0), ("mine", "rebels", -1)],
        ));
        assert!(d.is_empty(), "{d:?}");
        let mut l = Layers::default();
        l.taken_by(&file("a.yaml", &[("rebel", "rebels", 0)]));
        let text = "categories: [a/b]\nlabels:\n  - {id: y, forms: [rebels, 'rebel*'], category: a/b, stance: 0, kind: label}\n";
        let p = super::super::yaml::parse("b.yaml", text).unwrap();
        assert_eq!(l.taken_by(&p).len(), 1);
    }

    #[test]
    fn an_entry_that_says_so_takes_words_without_a_word() {
        let mut l = Layers::default();
        l.taken_by(&file("a.yaml", &[("x", "rebels", 0)]));
        let text = "categories: [a/b]\nlabels:\n  - {id: y, forms: [rebels], category: a/b, stance: 0, kind: label, overrides: true}\n";
        let p = super::super::yaml::parse("b.yaml", text).unwrap();
        assert!(l.taken_by(&p).is_empty());
    }
}
