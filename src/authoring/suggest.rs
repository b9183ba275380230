//! `framelens lexicon suggest-actors`: lexicon entries for the parties articles name that no
//! loaded lexicon lists (`crate::analysis::unlisted`).
//!
//! The output is itself a lexicon file (an `actors:` list, everything else in comments), so it can
//! be saved and loaded with `--lexicon`, or each entry pasted into a file. Above each entry, a
//! comment gives the mentions per file and per form, the word that decided the type, and the
//! `framelens lexicon add-actor` command that adds the entry (`FILE` stands for the lexicon to
//! edit). `add-actor` does not take people: a titled person is then added by hand from the entry.
//! Entries come in order of first mention, the inputs taken in the order given; a party found in
//! several articles (by id) is one entry.

use std::collections::BTreeMap;

use crate::analysis::unlisted::{Unlisted, UnlistedForm, UnlistedPerson};
use crate::lexicon::yaml::scalar;

/// One party, merged across articles.
struct Entry {
    first: Unlisted,
    people: Vec<UnlistedPerson>,
    /// Mentions per file, in the order the files came.
    per_file: Vec<(String, usize)>,
    per_form: BTreeMap<&'static str, usize>,
}

fn form_name(f: UnlistedForm) -> &'static str {
    match f {
        UnlistedForm::Full => "full name",
        UnlistedForm::Acronym => "acronym",
        UnlistedForm::Short => "short form",
        UnlistedForm::Person => "person",
        UnlistedForm::Description => "description",
    }
}

/// The suggestions for the parties found, given per article as `(file, parties)`; `articles` is
/// the number of articles read. Says so in one line when there are none.
pub fn render(found: &[(String, Vec<Unlisted>)], articles: usize) -> String {
    let mut entries: Vec<Entry> = Vec::new();
    for (file, parties) in found {
        for u in parties {
            let i = match entries.iter().position(|e| e.first.id == u.id) {
                Some(i) => i,
                None => {
                    entries.push(Entry {
                        first: u.clone(),
                        people: Vec::new(),
                        per_file: Vec::new(),
                        per_form: BTreeMap::new(),
                    });
                    entries.len() - 1
                }
            };
            let e = &mut entries[i];
            for p in &u.people {
                if !e.people.iter().any(|q| q.name == p.name) {
                    e.people.push(p.clone());
                }
            }
            match e.per_file.iter_mut().find(|(f, _)| f == file) {
                Some((_, n)) => *n += u.mentions.len(),
                None => e.per_file.push((file.clone(), u.mentions.len())),
            }
            for m in &u.mentions {
                *e.per_form.entry(form_name(m.form)).or_default() += 1;
            }
        }
    }
    let read = plural(articles, "article", "articles");
    if entries.is_empty() {
        return format!(
            "# No unlisted parties: every party named in the {read} is in the lexicons.\n"
        );
    }
    let mut s = format!(
        "# {} named in the {read} that no loaded lexicon lists.\n\
         # The types are guesses from a head word or a title: check each entry before adding it,\n\
         # with the add-actor command above it (FILE is the lexicon to edit; people go in by hand),\n\
         # or save this output and load it with --lexicon.\n\
         \n\
         actors:\n",
        plural(entries.len(), "party", "parties"),
    );
    for e in &entries {
        let u = &e.first;
        let total: usize = e.per_file.iter().map(|(_, n)| n).sum();
        let counted = match &e.per_file[..] {
            [(f, _)] => format!("{} in {f}", plural(total, "mention", "mentions")),
            many => format!(
                "{}: {}",
                plural(total, "mention", "mentions"),
                many.iter()
                    .map(|(f, n)| format!("{n} in {f}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let forms: Vec<String> = e.per_form.iter().map(|(f, n)| format!("{f} {n}")).collect();
        let decided = if u.people.first().is_some_and(|p| p.name == u.name) {
            format!("the title \"{}\"", u.head)
        } else {
            format!("the head word \"{}\"", u.head)
        };
        s.push('\n');
        s.push_str(&format!(
            "  # {}: {counted} ({}).\n  # Type {} from {decided}.\n",
            u.name,
            forms.join(", "),
            u.actor_type.as_str(),
        ));
        let mut cmd = format!(
            "framelens lexicon add-actor FILE --id {} --name {} --type {}",
            shell(&u.id),
            shell(&u.name),
            u.actor_type.as_str()
        );
        if let Some(a) = &u.acronym {
            cmd.push_str(&format!(" --alias {}", shell(a)));
        }
        s.push_str(&format!("  # {cmd}\n"));
        s.push_str(&format!("  - id: {}\n", scalar(&u.id)));
        s.push_str(&format!("    name: {}\n", scalar(&u.name)));
        s.push_str(&format!("    type: {}\n", u.actor_type.as_str()));
        let aliases: Vec<String> = u.acronym.iter().map(|a| scalar(a)).collect();
        s.push_str(&format!("    aliases: [{}]\n", aliases.join(", ")));
        s.push_str("    adjectives: []\n");
        if e.people.is_empty() {
            s.push_str("    people: []\n");
        } else {
            s.push_str("    people:\n");
            for p in &e.people {
                s.push_str(&format!("      - name: {}\n", scalar(&p.name)));
                s.push_str(&format!("        role: {}\n", scalar(&p.title)));
            }
        }
        s.push_str("    proxies: []\n");
    }
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A word for a POSIX shell: as is when it is safe, else single-quoted.
fn shell(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ',' | ':'))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconBuilder;
    use crate::text::{LowerTokens, segment};

    #[test]
    fn unlisted_suggestions_load_as_a_lexicon() {
        let text = "Fighting continued. The Karst Liberation Front (KLF) took the bridge. \
                    KLF commander Jamal Orbek said so. Interior Minister Ahmed O'Neil objected.";
        let seg = segment(text);
        let lower = LowerTokens::new(text, &seg.tokens);
        let found = crate::analysis::unlisted::find(text, &seg, &lower, &[]);
        assert_eq!(found.len(), 2);
        let out = render(&[("a.txt".into(), found)], 1);
        assert!(out.contains(
            "  # framelens lexicon add-actor FILE --id ahmed-oneil --name 'Ahmed O'\\''Neil' \
             --type state\n"
        ));
        let lex = LexiconBuilder::new()
            .text("suggested", &out)
            .build()
            .expect("the suggestions load");
        let klf = lex.actor("karst-liberation-front").unwrap();
        assert_eq!(klf.aliases, ["KLF"]);
        assert_eq!(klf.people[0].name, "Jamal Orbek");
        assert_eq!(klf.people[0].role.as_deref(), Some("commander"));
        assert_eq!(lex.actor("ahmed-oneil").unwrap().name, "Ahmed O'Neil");
        assert!(render(&[], 2).starts_with("# No unlisted parties"));
    }
}
