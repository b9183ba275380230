//! Looking into a loaded lexicon, for `framelens lexicon list`, `show`, `explain` and `init`.

use std::fmt::Write as _;

use super::lint::Warning;
use crate::analysis::Analyzer;
use crate::lexicon::Lexicon;
use crate::matcher::Normalized;

/// One line per entry: id, category, stance, kind, file and forms.
pub fn list(lex: &Lexicon) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} labels, {} actors from {} files",
        lex.labels.len(),
        lex.actors.len(),
        lex.files.len()
    );
    for e in &lex.labels {
        let file = lex.files.get(e.file).map_or("", |f| f.path.as_str());
        let _ = writeln!(
            s,
            "label {} [{} {:+} {}] {} :: {}",
            e.id,
            e.category,
            e.stance,
            e.kind.as_str(),
            file,
            e.forms.join(", ")
        );
    }
    for a in &lex.actors {
        let file = lex.files.get(a.file).map_or("", |f| f.path.as_str());
        let _ = writeln!(
            s,
            "actor {} [{}] {} :: {}",
            a.id,
            a.actor_type.as_str(),
            file,
            a.name
        );
    }
    s
}

/// Everything about one entry, or `None` when no label or actor has that id.
pub fn show(lex: &Lexicon, id: &str) -> Option<String> {
    let mut s = String::new();
    if let Some(e) = lex.label(id) {
        let file = lex.files.get(e.file).map_or("", |f| f.path.as_str());
        let _ = writeln!(
            s,
            "label {}\n  file: {file}\n  category: {}\n  stance: {:+}\n  kind: {}",
            e.id,
            e.category,
            e.stance,
            e.kind.as_str()
        );
        let _ = writeln!(s, "  forms: {}", e.forms.join(", "));
        if let Some(r) = &e.regex {
            let _ = writeln!(s, "  regex: {r}");
        }
        if !e.targets.is_empty() {
            let _ = writeln!(
                s,
                "  targets: {}",
                e.targets
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if !e.exclude.is_empty() {
            let _ = writeln!(s, "  exclude: {}", e.exclude.join(", "));
        }
        if let Some(n) = &e.note {
            let _ = writeln!(s, "  note: {}", n.trim());
        }
    }
    if let Some(a) = lex.actor(id) {
        let file = lex.files.get(a.file).map_or("", |f| f.path.as_str());
        let _ = writeln!(
            s,
            "actor {}\n  file: {file}\n  name: {}\n  type: {}",
            a.id,
            a.name,
            a.actor_type.as_str()
        );
        if !a.aliases.is_empty() {
            let _ = writeln!(s, "  aliases: {}", a.aliases.join(", "));
        }
        if !a.adjectives.is_empty() {
            let _ = writeln!(s, "  adjectives: {}", a.adjectives.join(", "));
        }
        for p in &a.people {
            let _ = writeln!(
                s,
                "  person: {}{}",
                p.name,
                p.role.as_ref().map_or(String::new(), |r| format!(" ({r})"))
            );
        }
        if !a.proxies.is_empty() {
            let _ = writeln!(s, "  proxies: {}", a.proxies.join(", "));
        }
    }
    (!s.is_empty()).then_some(s)
}

/// Which entry matched which words of `text`, and why the other candidates lost.
pub fn explain(an: &Analyzer, text: &str) -> String {
    let lex = &an.lexicon;
    let norm = Normalized::new(text);
    let ex = an.labels.find_explained(text, &norm);
    let mut s = String::new();
    let name = |owner: usize| lex.labels.get(owner).map_or("?", |e| e.id.as_str());
    let form = |h: &crate::matcher::Hit| {
        an.labels
            .pattern(h.pattern)
            .map_or_else(|| "regex".to_owned(), |p| format!("form `{}`", p.form))
    };
    if ex.selected.is_empty() {
        let _ = writeln!(s, "no entry matches {text:?}");
    }
    for h in &ex.selected {
        let e = &lex.labels[h.owner];
        let _ = writeln!(
            s,
            "'{}' (bytes {}..{}) matches `{}` by {} [{} {:+} {}]",
            h.span.slice(text),
            h.span.start,
            h.span.end,
            e.id,
            form(h),
            e.category,
            e.stance,
            e.kind.as_str()
        );
    }
    for (h, winner) in &ex.overlapped {
        let _ = writeln!(
            s,
            "'{}' would match `{}` by {}, but '{}' of `{}` wins (longest, then leftmost)",
            h.span.slice(text),
            name(h.owner),
            form(h),
            winner.span.slice(text),
            name(winner.owner)
        );
    }
    for (h, x) in &ex.excluded {
        let _ = writeln!(
            s,
            "'{}' would match `{}` by {}, but it lies inside the exclusion '{}'",
            h.span.slice(text),
            name(h.owner),
            form(h),
            x.span.slice(text)
        );
    }
    // The full analysis, for voice and actor.
    let art = an.analyze("explain", text);
    // A match of an entry that `requires: party`, in a sentence that names no party of its
    // targets (nor does the sentence before it), is dropped before actors and voice are worked
    // out.
    for h in &ex.selected {
        let e = &lex.labels[h.owner];
        let in_a_sentence = art
            .sentence_spans
            .iter()
            .any(|x| x.start <= h.span.start && h.span.start < x.end);
        if e.requires.is_some()
            && in_a_sentence
            && !art.hits.iter().any(|x| x.start == h.span.start)
        {
            let targets: Vec<&str> = e.targets.iter().map(|t| t.as_str()).collect();
            let _ = writeln!(
                s,
                "  not counted: '{}' of `{}` counts only in a sentence that names a party ({}), or right after one: requires: party",
                h.span.slice(text),
                e.id,
                if targets.is_empty() {
                    "any".to_owned()
                } else {
                    targets.join(", ")
                }
            );
        }
    }
    for h in &art.hits {
        let actors = if h.actors.is_empty() {
            "no actor".to_owned()
        } else {
            h.actors.join(" + ")
        };
        let _ = writeln!(
            s,
            "  in context: '{}' -> {actors} ({}); voice {} ({})",
            h.text,
            h.link.as_str(),
            h.voice.as_str(),
            h.voice_rule
        );
    }
    s
}

/// Renders lint warnings, one per line, `file:line: [code] entry: message`.
pub fn render_warnings(ws: &[Warning]) -> String {
    let mut s = String::new();
    for w in ws {
        let loc = match w.line {
            Some(l) => format!("{}:{l}", w.file),
            None => w.file.clone(),
        };
        let _ = writeln!(s, "{loc}: [{}] {}: {}", w.code.as_str(), w.entry, w.message);
    }
    let _ = writeln!(
        s,
        "{} warning{}",
        ws.len(),
        if ws.len() == 1 { "" } else { "s" }
    );
    s
}

/// A commented starter lexicon.
pub const STARTER: &str = r#"# A framelens lexicon. Every key is optional; see docs/lexicon-format.md.
# Check it with:   framelens lexicon check THIS_FILE
# Use it with:     framelens score article.txt --lexicon THIS_FILE
lexicon: my-lexicon
version: "0.1"

# Category paths used below must be declared here (or in another file loaded with this one).
categories:
  - delegitimizing/terrorism
  - legitimizing/resistance

labels:
  # A label names a party. Forms ignore case and match whole words; a trailing * matches any
  # ending of the last word. Stance runs from -2 (strongly delegitimizing) to +2.
  # This file is loaded after the bundled lexicons: an entry with the id of a bundled entry
  # replaces it, and a form of a bundled entry is matched for this file's entry. framelens
  # warns about both unless the entry says `overrides: true`.
  - id: freebooters
    forms: [freebooter, freebooters]
    category: delegitimizing/terrorism
    stance: -2
    kind: label                # label | act | attribution | distancing
    targets: [armed_group]     # actor types it can describe; leave out for any
    exclude: [freebooters fc]    # phrases inside which it does not count
    note: Casts fighters as raiders; describe what they did instead.

  - id: liberation-fighters
    forms: [liberation fighter*]
    category: legitimizing/resistance
    stance: 1
    kind: label
    note: A group's own name for its fighters; legitimizing when used in the outlet's voice.

actors:
  # An actor is a party that labels describe. An alias without lower-case letters (ABC) matches
  # with exact case; people's surnames match on their own.
  - id: example-group
    name: Example Group
    type: armed_group          # state | armed_group | movement | population | organization
    aliases: [Example Group, EG]
    adjectives: []
    people:
      - name: Jane Example
        role: spokesperson
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconBuilder;

    #[test]
    fn the_starter_loads_and_explains() {
        let lex = LexiconBuilder::new()
            .text("starter.yaml", STARTER)
            .build()
            .unwrap();
        let an = Analyzer::new(lex).unwrap();
        let out = explain(
            &an,
            "The Freebooters FC fans and the freebooters of Example Group",
        );
        assert!(
            out.contains(
                "'freebooters' (bytes 32..43) matches `freebooters` by form `freebooters`"
            ),
            "{out}"
        );
        assert!(
            out.contains("in context: 'freebooters' -> example-group"),
            "{out}"
        );
        assert!(!out.contains("bytes 4..13"), "{out}");
        let out = explain(&an, "liberation fighters");
        assert!(
            out.contains("matches `liberation-fighters` by form `liberation fighter*`"),
            "{out}"
        );
    }

    /// The starter, loaded after the bundled lexicons as `--lexicon` loads it, replaces none of
    /// their entries and takes none of their forms.
    #[test]
    fn the_starter_overrides_nothing_bundled() {
        let lex = LexiconBuilder::new()
            .bundled()
            .text("starter.yaml", STARTER)
            .build()
            .unwrap();
        assert_eq!(lex.overrides, Vec::new());
    }

    #[test]
    fn explain_says_why_a_candidate_lost() {
        let src = "categories: [a/b]\nlabels:\n  - {id: t, forms: [terror], category: a/b, stance: -2, kind: act, exclude: [war on terror]}\n  - {id: o, forms: [terror organization], category: a/b, stance: -2, kind: label}\n";
        let an = Analyzer::new(LexiconBuilder::new().text("x.yaml", src).build().unwrap()).unwrap();
        let out = explain(&an, "the terror organization and the war on terror");
        assert!(out.contains("'terror' would match `t` by form `terror`, but 'terror organization' of `o` wins (longest, then leftmost)"), "{out}");
        assert!(out.contains("'terror' would match `t` by form `terror`, but it lies inside the exclusion 'war on terror'"), "{out}");
    }

    #[test]
    fn explain_says_when_a_match_needs_a_party() {
        let src = "categories: [a/b]\nlabels:\n  - {id: beasts, forms: [animals], category: a/b, stance: -2, kind: label, targets: [armed_group], requires: party}\nactors:\n  - {id: kf, name: Karst Front, type: armed_group}\n";
        let an = Analyzer::new(LexiconBuilder::new().text("x.yaml", src).build().unwrap()).unwrap();
        let out = explain(&an, "The zoo moved its animals.");
        assert!(
            out.contains("  not counted: 'animals' of `beasts` counts only in a sentence that names a party (armed_group), or right after one: requires: party"),
            "{out}"
        );
        let out = explain(&an, "Karst Front fighters are animals.");
        assert!(!out.contains("not counted"), "{out}");
        assert!(out.contains("  in context: 'animals' -> kf"), "{out}");
    }

    #[test]
    fn show_and_list() {
        let lex = crate::lexicon::Lexicon::bundled().unwrap();
        let s = show(&lex, "hts").unwrap();
        assert!(
            s.starts_with("actor hts\n  file: bundled:actors.yaml\n  name: Hayat Tahrir al-Sham"),
            "{s}"
        );
        assert!(show(&lex, "no-such-id").is_none());
        let l = list(&lex);
        assert!(
            l.lines().any(|x| x.starts_with(
                "label rebel [contested/insurgency +0 label] bundled:conflict-labels.yaml :: "
            )),
            "{l}"
        );
    }
}
