//! Entity framing on SemEval-2025 Task 10, subtask 1: do the terms framelens ties to an entity
//! agree with the role the article casts it in (Antagonist, Protagonist, Innocent)?
//!
//! `framelens eval --entity-framing DIR` reads `DIR/subtask-1-annotations.txt` (tab-separated:
//! document, mention, start, end in characters with the end *inclusive*, main role, fine roles)
//! and `DIR/raw-documents/NAME`. The actors are an oracle built from the annotated mention strings
//! alone: one actor per mention string (a surname mentioned alone in a document joins the full
//! name annotated there), typed as the bundled actor lexicon types the same name, else
//! `movement`. The labels are the bundled label lexicon; `--lexicon` files are not used.
//!
//! An *entity* is a mention string of one document, with the main role of its first annotated
//! mention. For each it gathers the terms tied to its actor, with their stance in the outlet's
//! voice and in others'. The role the terms imply is the sign of their mean stance (the outlet's
//! voice when it has terms, else all): negative is Antagonist, positive Protagonist, zero
//! Innocent (cast as neither). An entity tied to no term that a delegitimised act is done to
//! ([`crate::analysis::Hit::done_to`]: "the invasion of Ukraine") is Innocent, as SemEval's
//! Victim is. It reports coverage (entities with a role implied: a term tied, or a delegitimised
//! act done to them), macro-F1 of that role against the main role on the covered entities and on
//! all (an entity with no role implied then takes the majority role), beside the majority-class baseline; and for the fine roles
//! Terrorist and Tyrant, how often a term of that family (`delegitimizing/terrorism`;
//! `delegitimizing/illegitimate-rule`) is tied to the entity, against the other entities.
//!
//! What it does not do: read roles from anything but the lexicon's terms (verbs, events and
//! whole narratives are beyond it), or resolve an entity named two different ways other than by
//! its surname.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::basil::{looks_like_person, q, yaml_list};
use super::{EvalError, LineError};
use crate::analysis::Analyzer;
use crate::analysis::voice::Voice;
use crate::lexicon::LexiconBuilder;
use crate::matcher::Normalized;
use crate::text::Span;

/// One annotated mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleMention {
    /// File name of the document in `raw-documents/`.
    pub document: String,
    /// The mention as annotated.
    pub mention: String,
    /// Character offsets, end exclusive (the file's inclusive end plus one).
    pub start: usize,
    /// End of the mention, in characters, exclusive.
    pub end: usize,
    /// The main role: `Antagonist`, `Protagonist` or `Innocent`.
    pub main: String,
    /// The fine roles (`Terrorist`, `Tyrant`...), in file order; may be empty.
    pub fine: Vec<String>,
}

const MAIN_ROLES: [&str; 3] = ["Antagonist", "Protagonist", "Innocent"];

/// Parses the annotation file.
pub fn parse(path: &str, input: &str) -> Result<Vec<RoleMention>, LineError> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |k: usize, message: String| LineError {
            path: path.to_owned(),
            line: i + 1,
            column: cols[..k.min(cols.len())]
                .iter()
                .map(|c| c.chars().count() + 1)
                .sum::<usize>()
                + 1,
            message,
        };
        if cols.len() < 5 {
            return Err(err(
                0,
                format!(
                    "a line has at least 5 tab-separated fields (document, mention, start, end, \
                     main role), found {}",
                    cols.len()
                ),
            ));
        }
        let num = |k: usize| {
            cols[k]
                .trim()
                .parse::<usize>()
                .map_err(|_| err(k, format!("offset {:?} is not a number", cols[k])))
        };
        // The document is a file name inside raw-documents/, never a path.
        if cols[0].is_empty() || cols[0].contains(['/', '\\']) || cols[0] == ".." || cols[0] == "."
        {
            return Err(err(0, format!("{:?} is not a document file name", cols[0])));
        }
        let (start, last) = (num(2)?, num(3)?);
        if last < start {
            return Err(err(
                2,
                format!("offsets {start}..={last} end before they start"),
            ));
        }
        if !MAIN_ROLES.contains(&cols[4]) {
            return Err(err(
                4,
                format!(
                    "unknown main role {:?}, expected Antagonist, Protagonist or Innocent",
                    cols[4]
                ),
            ));
        }
        out.push(RoleMention {
            document: cols[0].to_owned(),
            mention: cols[1].to_owned(),
            start,
            end: last
                .checked_add(1)
                .ok_or_else(|| err(3, format!("offset {last} is too large")))?,
            main: cols[4].to_owned(),
            fine: cols[5..]
                .iter()
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
                .collect(),
        });
    }
    Ok(out)
}

/// Per-class and macro F1 of predicted against gold main roles.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RoleF1 {
    /// Entities scored.
    pub n: usize,
    /// F1 of each main role (0 for a role neither predicted nor gold).
    pub by_role: BTreeMap<&'static str, f64>,
    /// The mean of the three roles' F1.
    pub macro_f1: f64,
}

fn role_f1(pairs: &[(&str, &str)]) -> RoleF1 {
    let mut r = RoleF1 {
        n: pairs.len(),
        ..RoleF1::default()
    };
    for role in MAIN_ROLES {
        let tp = pairs
            .iter()
            .filter(|(g, p)| *g == role && *p == role)
            .count() as f64;
        let pred = pairs.iter().filter(|(_, p)| *p == role).count() as f64;
        let gold = pairs.iter().filter(|(g, _)| *g == role).count() as f64;
        let (p, rc) = (tp / pred.max(1.0), tp / gold.max(1.0));
        let f = if p + rc > 0.0 {
            2.0 * p * rc / (p + rc)
        } else {
            0.0
        };
        r.by_role.insert(role, f);
    }
    r.macro_f1 = r.by_role.values().sum::<f64>() / MAIN_ROLES.len() as f64;
    r
}

/// How often a term family is tied to entities with and without a fine role.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FamilyRow {
    /// The fine role (`Terrorist` or `Tyrant`).
    pub fine_role: &'static str,
    /// The label category of its namesake terms (`delegitimizing/terrorism`...).
    pub category: &'static str,
    /// Entities with the fine role, and of them those tied to a term of the family.
    pub with_role: usize,
    /// Entities with the fine role tied to a term of the family.
    pub with_role_tied: usize,
    /// The other entities, and of them those tied to a term of the family.
    pub others: usize,
    /// Other entities tied to a term of the family.
    pub others_tied: usize,
}

/// The report of `eval --entity-framing`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EntityReport {
    /// `SemEval-2025 Task 10 entity framing (DIR)`, with the folder given.
    pub dataset: String,
    /// Documents read: those with at least one entity.
    pub documents: usize,
    /// Annotated mentions (lines of the annotation file).
    pub mentions: usize,
    /// Entities: mention strings of one document, a surname joined to its person's full name.
    pub entities: usize,
    /// Entities with a role implied: at least one term tied, or a delegitimised act done to them.
    pub covered: usize,
    /// `covered / entities`, a 0..1 share (0 when there is no entity).
    pub coverage: f64,
    /// The role of the stance sign against the main role, on the covered entities.
    pub covered_f1: RoleF1,
    /// The majority role on the same entities.
    pub covered_majority: RoleF1,
    /// On every entity; one with no term takes the majority role.
    pub all_f1: RoleF1,
    /// The majority role on every entity.
    pub all_majority: RoleF1,
    /// The most frequent gold main role (ties go to the first in alphabetical order).
    pub majority_role: String,
    /// For the fine roles Terrorist and Tyrant, how often their namesake terms are tied.
    pub families: Vec<FamilyRow>,
    /// Gold role -> role the terms imply ("none" without terms) -> count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

/// An entity: its document, its matcher form and spelling, its main and fine roles.
struct Entity {
    document: String,
    key: String,
    name: String,
    main: String,
    fine: Vec<String>,
}

/// Groups mentions into entities: by document and matcher form; a one-word mention equal to the
/// surname of a person annotated in the same document joins that person.
fn entities(mentions: &[RoleMention]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for m in mentions {
        let key = Normalized::form(&m.mention);
        if key.is_empty() {
            continue;
        }
        if let Some(e) = out
            .iter_mut()
            .find(|e| e.document == m.document && e.key == key)
        {
            e.fine.extend(m.fine.iter().cloned());
            continue;
        }
        out.push(Entity {
            document: m.document.clone(),
            key,
            name: m.mention.trim().to_owned(),
            main: m.main.clone(),
            fine: m.fine.clone(),
        });
    }
    let mut surnames: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for e in &out {
        if looks_like_person(&e.name)
            && let Some(s) = crate::analysis::actors::surname(&e.name)
        {
            surnames.insert(
                (e.document.clone(), Normalized::form(s)),
                (e.key.clone(), e.name.clone()),
            );
        }
    }
    for e in &mut out {
        if let Some((key, name)) = surnames.get(&(e.document.clone(), e.key.clone()))
            && *key != e.key
        {
            e.key = key.clone();
            e.name = name.clone();
        }
    }
    // One entity per (document, key); a surname's fine roles join its person's.
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out {
        match merged
            .iter_mut()
            .find(|m| m.document == e.document && m.key == e.key)
        {
            Some(m) => m.fine.extend(e.fine),
            None => merged.push(e),
        }
    }
    merged
}

/// The oracle actor lexicon: one actor per entity form (`entity-N`, in first-seen order), typed
/// as the bundled actors type the same name. Gives the YAML and the id of each form.
fn oracle_actors(entities: &[Entity]) -> Result<(String, BTreeMap<String, String>), EvalError> {
    let bundled = crate::lexicon::Lexicon::bundled()
        .map_err(|e| EvalError::Oracle(e.to_string()))
        .and_then(|l| Analyzer::new(l).map_err(|e| EvalError::Oracle(e.to_string())))?;
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut y = String::from(
        "# Oracle actors built from SemEval-2025 entity mentions, for evaluation only.\n\
         lexicon: \"entity-oracle\"\nactors:\n",
    );
    for e in entities {
        if ids.contains_key(&e.key) {
            continue;
        }
        let id = format!("entity-{}", ids.len() + 1);
        let seg = crate::text::segment(&e.name);
        let known = bundled
            .actor_mentions(&e.name, &seg)
            .first()
            .filter(|m| m.span == Span::new(0, e.name.len()) || m.span.len() * 2 >= e.name.len())
            .map(|m| {
                // A state's people ("Ukrainians") are a population, not the state.
                let ty = match m.form {
                    crate::analysis::mention::Form::People => crate::lexicon::ActorType::Population,
                    _ => bundled.lexicon.actors[m.actor].actor_type,
                };
                (ty.as_str(), m.form)
            });
        let ty = known.map_or("movement", |(ty, _)| ty);
        // A name the bundled lexicon knows as something else is no person ("United States",
        // "United Nations").
        let person = looks_like_person(&e.name)
            && known.is_none_or(|(_, form)| form == crate::analysis::mention::Form::Person);
        y.push_str(&format!(
            "  - id: {}\n    name: {}\n    type: {ty}\n",
            q(&id),
            q(&e.name)
        ));
        if person {
            y.push_str(&format!("    people:\n      - name: {}\n", q(&e.name)));
        } else {
            y.push_str(&format!(
                "    aliases: {}\n",
                yaml_list(std::slice::from_ref(&e.name))
            ));
        }
        ids.insert(e.key.clone(), id);
    }
    Ok((y, ids))
}

/// The label categories of the fine roles' namesake families.
const FAMILIES: [(&str, &str); 2] = [
    ("Terrorist", "delegitimizing/terrorism"),
    ("Tyrant", "delegitimizing/illegitimate-rule"),
];

/// Runs the evaluation on `dir`.
pub fn eval_entity_framing(dir: &Path) -> Result<EntityReport, EvalError> {
    let file = dir.join("subtask-1-annotations.txt");
    let shown = file.display().to_string();
    let input = std::fs::read_to_string(&file).map_err(|e| EvalError::Io {
        path: shown.clone(),
        source: e,
    })?;
    let mentions = parse(&shown, &input).map_err(EvalError::Line)?;
    let ents = entities(&mentions);
    let (yaml, ids) = oracle_actors(&ents)?;
    let lex = LexiconBuilder::new()
        .text("bundled:conflict-labels.yaml", crate::lexicon::BUNDLED[0].1)
        .text("oracle:entities", &yaml)
        .build()
        .map_err(|e| EvalError::Oracle(e.to_string()))?;
    let an = Analyzer::new(lex).map_err(|e| EvalError::Oracle(e.to_string()))?;
    let mut r = EntityReport {
        dataset: format!("SemEval-2025 Task 10 entity framing ({})", dir.display()),
        mentions: mentions.len(),
        entities: ents.len(),
        ..EntityReport::default()
    };
    // (gold role, implied role or None, families tied, fine roles)
    let mut rows: Vec<Row> = Vec::new();
    let mut by_doc: BTreeMap<&str, Vec<&Entity>> = BTreeMap::new();
    for e in &ents {
        by_doc.entry(e.document.as_str()).or_default().push(e);
    }
    for (doc, es) in &by_doc {
        let path = dir.join("raw-documents").join(doc);
        let text = std::fs::read_to_string(&path).map_err(|e| EvalError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        r.documents += 1;
        let art = an.analyze(doc, &text);
        for e in es {
            let id = &ids[&e.key];
            let tied: Vec<&crate::analysis::Hit> =
                art.hits.iter().filter(|h| h.describes(id)).collect();
            let own: Vec<i8> = tied
                .iter()
                .filter(|h| h.voice == Voice::Author)
                .map(|h| h.stance)
                .collect();
            let all: Vec<i8> = tied.iter().map(|h| h.stance).collect();
            // A delegitimised act done to the entity ("the invasion of Ukraine") casts it as
            // the one who suffers, when its own terms do not cast it either way.
            let suffers = art
                .hits
                .iter()
                .any(|h| h.stance < 0 && h.is_done_to(id) && !h.describes(id));
            let implied = implied_role(&own, &all, suffers);
            let families = tied.iter().map(|h| h.category.to_string()).collect();
            rows.push((e.main.as_str(), implied, families, &e.fine));
        }
    }
    finish(&mut r, &rows);
    Ok(r)
}

/// The role an entity's terms imply: the sign of the mean stance of its terms in the outlet's
/// voice (`own`), else of all its terms; negative is Antagonist, positive Protagonist, zero
/// Innocent. An entity with no term of its own that `suffers` a delegitimised act is Innocent.
/// `None` when nothing casts it.
fn implied_role(own: &[i8], all: &[i8], suffers: bool) -> Option<&'static str> {
    match crate::analysis::mean(own).or_else(|| crate::analysis::mean(all)) {
        Some(s) if s < 0.0 => Some("Antagonist"),
        Some(s) if s > 0.0 => Some("Protagonist"),
        Some(_) => Some("Innocent"),
        None => suffers.then_some("Innocent"),
    }
}

/// One entity: gold role, the role its terms imply (none without terms), the categories of the
/// terms tied, the fine roles.
type Row<'a> = (&'a str, Option<&'static str>, Vec<String>, &'a [String]);

/// The figures from the rows.
fn finish(r: &mut EntityReport, rows: &[Row]) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (g, ..) in rows {
        *counts.entry(g).or_default() += 1;
    }
    let majority = MAIN_ROLES
        .iter()
        .copied()
        .max_by_key(|m| (counts.get(m).copied().unwrap_or(0), std::cmp::Reverse(*m)))
        .unwrap_or("Antagonist");
    r.majority_role = majority.to_owned();
    let covered: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|(g, p, ..)| p.map(|p| (*g, p)))
        .collect();
    r.covered = covered.len();
    r.coverage = covered.len() as f64 / rows.len().max(1) as f64;
    r.covered_f1 = role_f1(&covered);
    let maj: Vec<(&str, &str)> = covered.iter().map(|(g, _)| (*g, majority)).collect();
    r.covered_majority = role_f1(&maj);
    let all: Vec<(&str, &str)> = rows
        .iter()
        .map(|(g, p, ..)| (*g, p.unwrap_or(majority)))
        .collect();
    r.all_f1 = role_f1(&all);
    let maj: Vec<(&str, &str)> = rows.iter().map(|(g, ..)| (*g, majority)).collect();
    r.all_majority = role_f1(&maj);
    for (g, p, ..) in rows {
        *r.confusion
            .entry((*g).to_owned())
            .or_default()
            .entry(p.unwrap_or("none").to_owned())
            .or_default() += 1;
    }
    for (role, category) in FAMILIES {
        let mut row = FamilyRow {
            fine_role: role,
            category,
            ..FamilyRow::default()
        };
        for (_, _, cats, fine) in rows {
            let tied = cats.iter().any(|c| c == category);
            if fine.iter().any(|f| f == role) {
                row.with_role += 1;
                row.with_role_tied += usize::from(tied);
            } else {
                row.others += 1;
                row.others_tied += usize::from(tied);
            }
        }
        r.families.push(row);
    }
}

/// The report as text.
pub fn render_text(r: &EntityReport) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {} ==", r.dataset);
    let _ = writeln!(
        s,
        "{} documents, {} mentions, {} entities; {} with a term or an act done to them (coverage {:.3})",
        r.documents, r.mentions, r.entities, r.covered, r.coverage
    );
    let _ = writeln!(
        s,
        "\nMain role from the sign of the stance (macro-F1 over Antagonist, Protagonist, Innocent):"
    );
    for (name, f, m) in [
        ("covered entities", &r.covered_f1, &r.covered_majority),
        ("every entity", &r.all_f1, &r.all_majority),
    ] {
        let roles: Vec<String> = f
            .by_role
            .iter()
            .map(|(k, v)| format!("{k} {v:.3}"))
            .collect();
        let _ = writeln!(
            s,
            "  {name:<17} {:.3} ({})   majority role ({}) {:.3}   n {}",
            f.macro_f1,
            roles.join(", "),
            r.majority_role,
            m.macro_f1,
            f.n
        );
    }
    let _ = writeln!(s, "\nFine roles and their namesake terms:");
    for f in &r.families {
        let _ = writeln!(
            s,
            "  {:<10} {}: tied to {}/{} entities with the role, {}/{} of the others",
            f.fine_role, f.category, f.with_role_tied, f.with_role, f.others_tied, f.others
        );
    }
    let _ = writeln!(s, "\nGold role -> role the terms imply:");
    for (g, row) in &r.confusion {
        let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p} {n}")).collect();
        let _ = writeln!(s, "  {g:<12} {}", cells.join(", "));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse_with_inclusive_ends_and_errors_are_located() {
        let m = parse(
            "a.txt",
            "D1\tVladimir Putin\t10\t23\tAntagonist\tTyrant\tInstigator\n",
        )
        .unwrap();
        assert_eq!((m[0].start, m[0].end), (10, 24));
        assert_eq!(m[0].fine, ["Tyrant", "Instigator"]);
        let rows: &[(&str, &str)] = &[
            (
                "D1\tPutin\t10\t14\n",
                "a.txt:1:1: a line has at least 5 tab-separated fields (document, mention, start, end, main role), found 4",
            ),
            (
                "D1\tPutin\tx\t14\tAntagonist\n",
                "a.txt:1:10: offset \"x\" is not a number",
            ),
            (
                "D1\tPutin\t14\t10\tAntagonist\n",
                "a.txt:1:10: offsets 14..=10 end before they start",
            ),
            (
                "../etc\tPutin\t10\t14\tAntagonist\n",
                "a.txt:1:1: \"../etc\" is not a document file name",
            ),
            (
                "D1\tPutin\t0\t18446744073709551615\tAntagonist\n",
                "a.txt:1:12: offset 18446744073709551615 is too large",
            ),
            (
                "D1\tPutin\t10\t14\tVillain\n",
                "a.txt:1:16: unknown main role \"Villain\", expected Antagonist, Protagonist or Innocent",
            ),
        ];
        for &(input, want) in rows {
            assert_eq!(
                parse("a.txt", input).unwrap_err().to_string(),
                want,
                "{input:?}"
            );
        }
    }

    #[test]
    fn a_surname_joins_its_person_in_the_same_document() {
        let m = parse(
            "a.txt",
            "D1\tVladimir Putin\t0\t13\tAntagonist\tTyrant\n\
             D1\tPutin\t20\t24\tAntagonist\tInstigator\n\
             D2\tPutin\t0\t4\tProtagonist\tGuardian\n",
        )
        .unwrap();
        let e = entities(&m);
        assert_eq!(e.len(), 2, "D1's two mentions are one entity, D2's another");
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(
            e[0].fine,
            ["Tyrant", "Instigator"],
            "the surname's roles join"
        );
        assert_eq!(e[1].name, "Putin");
        assert_eq!(e[1].main, "Protagonist");
    }

    #[test]
    fn the_implied_role_reads_own_terms_first_then_acts_suffered() {
        // (own voice, all voices, suffers a delegitimised act, implied role)
        type Row = (&'static [i8], &'static [i8], bool, Option<&'static str>);
        let rows: &[Row] = &[
            (&[-2, 1], &[-2, 1], false, Some("Antagonist")),
            (&[], &[2], false, Some("Protagonist")),
            (&[1, -1], &[1, -1], true, Some("Innocent")),
            // Its own terms decide, whatever is done to it.
            (&[-2], &[-2], true, Some("Antagonist")),
            (&[1], &[1], true, Some("Protagonist")),
            // No term of its own: what it suffers casts it, or nothing does.
            (&[], &[], true, Some("Innocent")),
            (&[], &[], false, None),
        ];
        for &(own, all, suffers, want) in rows {
            assert_eq!(
                implied_role(own, all, suffers),
                want,
                "{own:?} {all:?} {suffers}"
            );
        }
    }

    #[test]
    fn macro_f1_averages_the_three_roles() {
        let pairs = [
            ("Antagonist", "Antagonist"),
            ("Antagonist", "Protagonist"),
            ("Protagonist", "Protagonist"),
            ("Innocent", "Antagonist"),
        ];
        let f = role_f1(&pairs);
        // Antagonist: P 1/2, R 1/2 -> 0.5; Protagonist: P 1/2, R 1 -> 2/3; Innocent 0.
        assert!((f.by_role["Antagonist"] - 0.5).abs() < 1e-9);
        assert!((f.by_role["Protagonist"] - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(f.by_role["Innocent"], 0.0);
        assert!((f.macro_f1 - (0.5 + 2.0 / 3.0) / 3.0).abs() < 1e-9);
    }
}
