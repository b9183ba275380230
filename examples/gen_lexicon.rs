//! Deterministic generator of a large framelens label lexicon, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_lexicon -- --terms 20000 --out /tmp/labels-20k.yaml
//! cargo run --release --example gen_lexicon -- --terms 200 --seed 2 --out /tmp/labels-200.yaml
//! cargo run --release -- lexicon check /tmp/labels-20k.yaml
//! ```
//!
//! The file follows lexicons/conflict-labels.yaml and docs/lexicon-format.md: a `lexicon:` name, a
//! `version:`, the `categories:` it uses (declared again, so the file also works with
//! `--no-default-lexicons`), and `labels:` entries with `id`, `forms`, `category`, `stance`,
//! `kind`, `targets` and `note`. Terms are plausible phrases built from real words ("rogue strike
//! cells", "separatist border brigades", "heavily armed raiders", "foreign mercenar*"): each entry
//! holds the singular and plural of one phrase, about 5% are trailing-`*` globs, none is a regex.
//! Above about 12,000 entries the compact shape is written (one form, no targets or note), because
//! framelens reads a lexicon file with a budget of 250,000 YAML nodes.
//! Ids and forms are unique, and no form (or id) is one of the bundled lexicons' forms, ids or
//! actor aliases. The same seed and `--terms` give the same file.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Generate a deterministic synthetic label lexicon")]
struct Args {
    /// Number of label entries
    #[arg(long, default_value_t = 20000)]
    terms: usize,
    /// Output YAML file
    #[arg(long)]
    out: PathBuf,
    /// Random seed
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// First modifiers, with the category and stance they give the entry.
const MODS1: &[(&str, &str, i8)] = &[
    ("armed", "delegitimizing/militancy", -1),
    ("heavily armed", "delegitimizing/militancy", -1),
    ("lightly armed", "delegitimizing/militancy", -1),
    ("masked", "delegitimizing/militancy", -1),
    ("unidentified", "delegitimizing/militancy", -1),
    ("rogue", "delegitimizing/criminality", -2),
    ("renegade", "delegitimizing/criminality", -2),
    ("outlawed", "delegitimizing/criminality", -2),
    ("proscribed", "delegitimizing/terrorism", -2),
    ("banned", "delegitimizing/terrorism", -2),
    ("clandestine", "delegitimizing/militancy", -1),
    ("underground", "delegitimizing/militancy", -1),
    ("covert", "delegitimizing/militancy", -1),
    ("shadowy", "delegitimizing/criminality", -2),
    ("fanatical", "delegitimizing/extremism", -2),
    ("zealot", "delegitimizing/extremism", -2),
    ("sectarian", "delegitimizing/extremism", -2),
    ("violent", "delegitimizing/militancy", -1),
    ("marauding", "delegitimizing/criminality", -2),
    ("lawless", "delegitimizing/criminality", -2),
    ("predatory", "delegitimizing/criminality", -2),
    ("bloodthirsty", "delegitimizing/dehumanization", -2),
    ("murderous", "delegitimizing/atrocity", -2),
    ("ruthless", "delegitimizing/atrocity", -2),
    ("trigger-happy", "delegitimizing/criminality", -2),
    ("foreign-trained", "delegitimizing/proxy", -1),
    ("externally funded", "delegitimizing/proxy", -1),
    ("hired", "delegitimizing/proxy", -1),
    ("imported", "delegitimizing/proxy", -1),
    ("infiltrating", "delegitimizing/militancy", -1),
    ("cross-border", "delegitimizing/militancy", -1),
    ("breakaway", "contested/insurgency", -1),
    ("splinter", "contested/insurgency", -1),
    ("dissident", "contested/insurgency", -1),
    ("secessionist", "contested/insurgency", -1),
    ("restive", "contested/insurgency", -1),
    ("insurrectionary", "contested/insurgency", -1),
    ("mutinous", "contested/insurgency", -1),
    ("defecting", "contested/insurgency", 0),
    ("tribal", "neutral/combatants", 0),
    ("local", "neutral/combatants", 0),
    ("regional", "neutral/combatants", 0),
    ("northern", "neutral/combatants", 0),
    ("southern", "neutral/combatants", 0),
    ("eastern", "neutral/combatants", 0),
    ("western", "neutral/combatants", 0),
    ("highland", "neutral/combatants", 0),
    ("coastal", "neutral/combatants", 0),
    ("veteran", "neutral/combatants", 0),
    ("seasoned", "neutral/combatants", 0),
    ("battle-hardened", "neutral/combatants", 0),
    ("loyalist", "neutral/state", 0),
    ("pro-government", "neutral/state", 0),
    ("state-aligned", "neutral/state", 0),
    ("community", "legitimizing/resistance", 1),
    ("grassroots", "legitimizing/resistance", 1),
    ("popular", "legitimizing/resistance", 1),
    ("patriotic", "legitimizing/resistance", 1),
    ("homegrown", "legitimizing/resistance", 1),
    ("civilian-led", "legitimizing/opposition", 1),
    ("pro-democracy", "legitimizing/opposition", 1),
    ("anti-junta", "legitimizing/opposition", 1),
    ("exiled", "legitimizing/opposition", 1),
    ("displaced", "legitimizing/opposition", 1),
    ("besieged", "legitimizing/resistance", 1),
    ("embattled", "legitimizing/resistance", 1),
    ("heroic", "legitimizing/resistance", 2),
    ("valiant", "legitimizing/resistance", 2),
    ("steadfast", "legitimizing/resistance", 2),
    ("fearless", "legitimizing/resistance", 2),
];

/// Second modifiers (closer to the head noun).
const MODS2: &[&str] = &[
    "strike",
    "assault",
    "sabotage",
    "reconnaissance",
    "sniper",
    "drone",
    "rocket",
    "mortar",
    "commando",
    "youth",
    "village",
    "border",
    "desert",
    "mountain",
    "urban",
    "river",
    "forest",
    "rapid-reaction",
    "special",
    "elite",
    "auxiliary",
    "reserve",
    "shadow",
    "hit-and-run",
    "raiding",
    "smuggling",
    "ambush",
    "night",
    "mobile",
    "motorcycle",
    "artillery",
    "anti-tank",
    "tunnel",
    "checkpoint",
    "convoy",
    "frontier",
    "hilltop",
    "marsh",
    "oasis",
    "harbour",
];

/// Head nouns: (singular, plural).
const HEADS: &[(&str, &str)] = &[
    ("cell", "cells"),
    ("unit", "units"),
    ("squad", "squads"),
    ("brigade", "brigades"),
    ("battalion", "battalions"),
    ("detachment", "detachments"),
    ("network", "networks"),
    ("faction", "factions"),
    ("column", "columns"),
    ("band", "bands"),
    ("outfit", "outfits"),
    ("contingent", "contingents"),
    ("crew", "crews"),
    ("formation", "formations"),
    ("cadre", "cadres"),
    ("operative", "operatives"),
    ("fighter", "fighters"),
    ("raider", "raiders"),
    ("gunman", "gunmen"),
    ("recruit", "recruits"),
    ("foot soldier", "foot soldiers"),
    ("enforcer", "enforcers"),
    ("patrol", "patrols"),
    ("platoon", "platoons"),
    ("regiment", "regiments"),
    ("legion", "legions"),
    ("cohort", "cohorts"),
    ("company", "companies"),
    ("commander", "commanders"),
    ("volunteer", "volunteers"),
    ("insurgent", "insurgents"),
    ("sympathizer", "sympathizers"),
    ("loyalist", "loyalists"),
    ("holdout", "holdouts"),
    ("warband", "warbands"),
    ("posse", "posses"),
];

/// Stems for glob entries (`MOD stem*`); they are never used as literal heads.
const GLOB_STEMS: &[&str] = &[
    "militia*",
    "guerrill*",
    "mercenar*",
    "paramilitar*",
    "insurrectionist*",
    "saboteur*",
    "marauder*",
    "jihadi*",
    "partisan*",
];

fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Forms, ids and actor aliases of the bundled lexicons, lower-cased.
fn bundled() -> (HashSet<String>, HashSet<String>) {
    let mut forms = HashSet::new();
    let mut ids = HashSet::new();
    for text in [
        include_str!("../lexicons/conflict-labels.yaml"),
        include_str!("../lexicons/actors.yaml"),
    ] {
        for line in text.lines() {
            let t = line.trim_start();
            if let Some(id) = t.strip_prefix("- id:") {
                ids.insert(id.trim().to_lowercase());
            } else if let Some(list) = t
                .strip_prefix("forms:")
                .or_else(|| t.strip_prefix("aliases:"))
                .or_else(|| t.strip_prefix("adjectives:"))
            {
                let list = list.trim().trim_start_matches('[').trim_end_matches(']');
                for f in list.split(", ") {
                    forms.insert(f.trim().trim_matches('"').trim_matches('\'').to_lowercase());
                }
            } else if let Some(name) = t
                .strip_prefix("name:")
                .or_else(|| t.strip_prefix("- name:"))
            {
                forms.insert(name.trim().trim_matches('"').to_lowercase());
            }
        }
    }
    (forms, ids)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let (bundled_forms, bundled_ids) = bundled();
    let mut rng = fastrand::Rng::with_seed(args.seed);

    // Every candidate phrase, in a seeded order: (forms, mod1 index).
    let mut candidates: Vec<(Vec<String>, usize)> = Vec::new();
    for (i, (m1, _, _)) in MODS1.iter().enumerate() {
        for (hs, hp) in HEADS {
            candidates.push((vec![format!("{m1} {hs}"), format!("{m1} {hp}")], i));
            for m2 in MODS2 {
                candidates.push((
                    vec![format!("{m1} {m2} {hs}"), format!("{m1} {m2} {hp}")],
                    i,
                ));
            }
        }
        for stem in GLOB_STEMS {
            candidates.push((vec![format!("{m1} {stem}")], i));
            for m2 in MODS2.iter().take(12) {
                candidates.push((vec![format!("{m1} {m2} {stem}")], i));
            }
        }
    }
    for (m2, (hs, hp)) in MODS2.iter().flat_map(|m| HEADS.iter().map(move |h| (m, h))) {
        candidates.push((vec![format!("{m2} {hs}"), format!("{m2} {hp}")], usize::MAX));
    }
    rng.shuffle(&mut candidates);
    anyhow::ensure!(
        args.terms <= candidates.len(),
        "at most {} terms can be generated",
        candidates.len()
    );

    let mut seen_forms: HashSet<String> = HashSet::new();
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut chosen: Vec<(String, Vec<String>, &str, i8)> = Vec::new();
    for (forms, m1) in candidates {
        if chosen.len() == args.terms {
            break;
        }
        let lower: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
        // No phrase that repeats a word stem ("loyalist loyalists", "raiding raiders").
        let words: Vec<&str> = lower[0].split(' ').collect();
        let stem = |w: &str| w.chars().take(5).collect::<String>();
        if words
            .iter()
            .enumerate()
            .any(|(i, w)| words[i + 1..].iter().any(|v| stem(v) == stem(w)))
        {
            continue;
        }
        if lower
            .iter()
            .any(|f| bundled_forms.contains(f) || seen_forms.contains(f))
        {
            continue;
        }
        let id = slug(forms.last().unwrap());
        if bundled_ids.contains(&id) || seen_ids.contains(&id) {
            continue;
        }
        let (category, stance) = match MODS1.get(m1) {
            Some((_, c, s)) => (*c, *s),
            None => ("neutral/combatants", 0),
        };
        seen_forms.extend(lower);
        seen_ids.insert(id.clone());
        chosen.push((id, forms, category, stance));
    }
    anyhow::ensure!(
        chosen.len() == args.terms,
        "only {} unique terms available",
        chosen.len()
    );
    // framelens reads lexicons with serde-saphyr's default budget of 250,000 YAML nodes per file.
    // A full entry (two forms, targets, note) is 19 nodes, so above ~12,000 entries each one is
    // written in the compact shape: one form (the plural, or the singular for a third of them),
    // no targets, no note: 12 nodes, so 20,000 entries fit.
    let compact = args.terms * 19 > 230_000;
    if compact {
        for (id, forms, _, _) in chosen.iter_mut() {
            if forms.len() == 2 {
                let keep = if rng.u32(0..3) == 0 { 0 } else { 1 };
                *forms = vec![forms[keep].clone()];
                let new_id = slug(&forms[0]);
                if !bundled_ids.contains(&new_id) && seen_ids.insert(new_id.clone()) {
                    *id = new_id;
                }
            }
        }
    }
    chosen.sort_by(|a, b| a.2.cmp(b.2).then(a.0.cmp(&b.0)));

    let mut categories: Vec<&str> = chosen.iter().map(|c| c.2).collect();
    categories.sort();
    categories.dedup();

    let mut out = String::with_capacity(args.terms * 220);
    writeln!(
        out,
        "# Synthetic framelens label lexicon for benchmarks: {} entries, seed {}.",
        args.terms, args.seed
    )?;
    writeln!(
        out,
        "# Generated by `cargo run --release --example gen_lexicon -- --terms {} --seed {}`;",
        args.terms, args.seed
    )?;
    writeln!(
        out,
        "# the phrases are combinations of real words, not a curated vocabulary. Format:"
    )?;
    writeln!(
        out,
        "# docs/lexicon-format.md. Categories are declared here again so that the file also"
    )?;
    writeln!(out, "# loads with --no-default-lexicons.")?;
    if compact {
        writeln!(
            out,
            "# Compact shape (one form per entry, no targets or note): framelens reads a file"
        )?;
        writeln!(
            out,
            "# with a budget of 250,000 YAML nodes, about 12,000 entries of the full shape."
        )?;
    }
    writeln!(out)?;
    writeln!(out, "lexicon: synthetic-labels-{}", args.terms)?;
    writeln!(out, "version: \"seed-{}\"", args.seed)?;
    writeln!(out)?;
    writeln!(out, "categories:")?;
    for c in &categories {
        writeln!(out, "  - {c}")?;
    }
    writeln!(out)?;
    writeln!(out, "labels:")?;
    for (id, forms, category, stance) in &chosen {
        let targets = if *stance > 0 {
            "[armed_group, movement, population]"
        } else {
            "[armed_group, movement]"
        };
        writeln!(out)?;
        writeln!(out, "  - id: {id}")?;
        writeln!(out, "    forms: [{}]", forms.join(", "))?;
        writeln!(out, "    category: {category}")?;
        writeln!(out, "    stance: {stance}")?;
        writeln!(out, "    kind: label")?;
        if !compact {
            writeln!(out, "    targets: {targets}")?;
            writeln!(
                out,
                "    note: Synthetic benchmark term ({}).",
                if *stance < 0 {
                    "delegitimizing"
                } else if *stance > 0 {
                    "legitimizing"
                } else {
                    "descriptive"
                }
            )?;
        }
    }
    std::fs::write(&args.out, out)?;
    eprintln!("wrote {} labels to {}", chosen.len(), args.out.display());
    Ok(())
}
