//! The library's layering, checked over its own source: no import loop between files, and no
//! import from a lower layer up to a higher one. `docs/architecture.md` draws the same map.
//!
//! A file's imports are the modules its code names: `crate::` paths (in `use` lines, braces
//! expanded, and inline), `super::` paths, and a parent's paths into its own submodules
//! (`yaml::parse` in `lexicon.rs`). Comments, doc links, `#[cfg(test)] mod tests` blocks and
//! unit-test files (`tests.rs`) are not imports: a doc may point up the pipeline, and a test may
//! use anything. What this does not
//! see: a path spelled through a re-export is an import of the module that re-exports it, and
//! macros are not expanded.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// Each top-level module and its layer, from the bottom of the pipeline up: text → matcher →
/// lexicon → analysis → story → diff / corpus → report → the tools over them. The commands
/// (`src/main.rs`, `src/cli/`) belong to the binary, which uses the library from outside.
/// A module may import its own layer and the layers below.
const LAYERS: &[(&str, usize)] = &[
    ("text", 0),
    ("budget", 0),
    ("language", 0),
    ("output", 0),
    ("diagnostic", 1),
    ("matcher", 1),
    ("input", 1),
    ("lexicon", 2),
    ("analysis", 3),
    ("story", 4),
    ("diff", 5),
    ("corpus", 5),
    ("report", 6),
    ("authoring", 7),
    ("eval", 7),
];

/// The modules of `analysis/` in the order the analysis builds on them: each may import only
/// the ones before it. `analysis` itself (its `mod.rs`, the Analyzer) comes last.
const ANALYSIS_ORDER: &[&str] = &[
    "analysis::mention",
    "analysis::words",
    "analysis::heads",
    "analysis::unlisted",
    "analysis::titles",
    "analysis::actors",
    "analysis::voice::model",
    "analysis::voice::quotes",
    "analysis::voice::scope",
    "analysis::voice::frames",
    "analysis::voice::speakers",
    "analysis::voice::stances",
    "analysis::voice",
    "analysis::speech",
    "analysis::opponents",
    "analysis::alignment",
    "analysis::discourse",
    "analysis::attribution::context",
    "analysis::attribution::sides",
    "analysis::attribution::described",
    "analysis::attribution::rules",
    "analysis::attribution",
    "analysis",
];

/// Every module of the library (`a::b`) and its file; the crate root and the binary (`main.rs`,
/// `cli/`) are not modules of a layer.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p != src.join("cli") {
                    stack.push(p);
                }
                continue;
            }
            // A unit-test module kept in a file of its own (`#[cfg(test)] mod tests;`) is no
            // part of the library's layers, as a `mod tests { ... }` block is not.
            if p.extension().is_none_or(|x| x != "rs")
                || p.file_name().is_some_and(|n| n == "tests.rs")
            {
                continue;
            }
            let rel = p.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|l| l == "mod") {
                parts.pop();
            }
            if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
                continue;
            }
            out.insert(parts.join("::"), p);
        }
    }
    out
}

/// The code of a file: without its unit-test modules (`#[cfg(test)] mod NAME { ... }`, up to
/// the brace that closes it, so that code after a test module still counts) and without
/// comments (`//` outside a string literal).
fn code_of(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]\nmod ") {
        code.push_str(&rest[..at]);
        let after = &rest[at..];
        // `#[cfg(test)] mod tests;`: the module is a file of its own, which is not read.
        let line_end = after[13..].find('\n').map_or(after.len(), |i| 13 + i);
        if after[..line_end].trim_end().ends_with(';') {
            rest = &after[line_end..];
            continue;
        }
        let Some(open) = after.find('{') else {
            rest = "";
            break;
        };
        let mut depth = 0usize;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    code.push_str(rest);
    code.lines()
        .map(without_comment)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line without its `//` comment; a `//` inside a string literal ("https://...") stays.
fn without_comment(line: &str) -> &str {
    let (mut in_string, mut escaped) = (false, false);
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// The paths a `use` tree names, braces expanded: `a::{b::C, d}` gives `a::b::C` and `a::d`.
fn expand(prefix: &str, tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        return vec![format!("{prefix}{path}")];
    };
    let head = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut cur) = (Vec::new(), 0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    parts.push(cur);
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&format!("{prefix}{head}"), p))
        .collect()
}

/// The module a path names: its longest prefix that is a module.
fn resolve(path: &str, mods: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = path
        .split("::")
        .filter(|p| !p.is_empty() && *p != "self")
        .collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| mods.contains(m))
}

/// The modules that module `me` imports, given its code.
fn imports(me: &str, code: &str, mods: &BTreeSet<String>) -> BTreeSet<String> {
    let parent = me.rsplit_once("::").map_or("", |(p, _)| p);
    // `super::super::x`: one module up per `super`.
    let anchored = |anchor: &str, rest: &str| -> String {
        if anchor == "crate" {
            return rest.to_owned();
        }
        let mut base = parent;
        let mut rest = rest;
        while let Some(r) = rest.strip_prefix("super::") {
            base = base.rsplit_once("::").map_or("", |(p, _)| p);
            rest = r;
        }
        if base.is_empty() {
            rest.to_owned()
        } else {
            format!("{base}::{rest}")
        }
    };
    let mut paths = Vec::new();
    let use_tree = Regex::new(r"\buse\s+(crate|super)::([^;]+);").unwrap();
    for c in use_tree.captures_iter(code) {
        for p in expand("", &c[2]) {
            paths.push(anchored(&c[1], &p));
        }
    }
    let inline =
        Regex::new(r"\b(crate|super)::((?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*)")
            .unwrap();
    for c in inline.captures_iter(code) {
        // `crate::a::{b, c}` names what is in the braces (read above), not `a` itself.
        let end = c.get(0).map_or(0, |m| m.end());
        if !code[end..].starts_with("::{") {
            paths.push(anchored(&c[1], &c[2]));
        }
    }
    // A parent naming its own submodules: `yaml::parse`, `self::yaml`.
    let child_path = Regex::new(r"(?:^|[^:\w])(?:self::)?([a-z_][a-z0-9_]*)::").unwrap();
    for c in child_path.captures_iter(code) {
        let child = if me.is_empty() {
            c[1].to_owned()
        } else {
            format!("{me}::{}", &c[1])
        };
        if mods.contains(&child) {
            paths.push(child);
        }
    }
    let mut out: BTreeSet<String> = paths.iter().filter_map(|p| resolve(p, mods)).collect();
    out.remove(me);
    out
}

fn layer(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS.iter().find(|(m, _)| *m == top).map(|&(_, l)| l)
}

/// A loop in `graph`, as the modules along it, if there is one (depth-first search).
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(v.to_owned(), 1);
        path.push(v.to_owned());
        for w in graph.get(v).into_iter().flatten() {
            match state.get(w.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = path.iter().position(|p| p == w).unwrap();
                    let mut lp = path[at..].to_vec();
                    lp.push(w.clone());
                    return Some(lp);
                }
                0 => {
                    if let Some(lp) = visit(w, graph, state, path) {
                        return Some(lp);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(v.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for v in graph.keys() {
        if state.get(v.as_str()).copied().unwrap_or(0) == 0 {
            let mut path = Vec::new();
            if let Some(lp) = visit(v, graph, &mut state, &mut path) {
                return Some(lp);
            }
        }
    }
    None
}

fn library_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&src);
    let mods: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(m, p)| {
            let code = code_of(&std::fs::read_to_string(p).unwrap());
            (m.clone(), imports(m, &code, &mods))
        })
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn imports_are_read_from_use_trees_inline_paths_and_submodule_paths() {
    let mods = set(&[
        "text",
        "lexicon",
        "lexicon::yaml",
        "lexicon::model",
        "analysis",
        "analysis::voice",
        "analysis::words",
        "report",
    ]);
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "report",
            "use crate::analysis::{Article, voice::Voice};",
            &["analysis", "analysis::voice"],
        ),
        (
            "report",
            "use crate::analysis::{voice::Voice};",
            &["analysis::voice"],
        ),
        (
            "report",
            "use crate::{text, lexicon::model::Kind};",
            &["text", "lexicon::model"],
        ),
        ("report", "use crate::text::sanitize as clean;", &["text"]),
        (
            "analysis::voice",
            "use super::words::{REPORTING, AUXILIARIES};",
            &["analysis::words"],
        ),
        (
            "analysis::voice",
            "let x = crate::text::token_range(seg, s);",
            &["text"],
        ),
        (
            "analysis::voice",
            "let v = super::Analyzer::new();",
            &["analysis"],
        ),
        (
            "lexicon",
            "match yaml::parse(name, text) {",
            &["lexicon::yaml"],
        ),
        (
            "lexicon",
            "let k = self::model::Kind::Label;",
            &["lexicon::model"],
        ),
        (
            "lexicon::yaml",
            "use super::model::{Kind, LabelEntry};",
            &["lexicon::model"],
        ),
        // Not imports: a path to an unknown module, a method call, the module itself.
        (
            "analysis::voice",
            "let n = s.text::len(); crate::analysis::voice::f();",
            &[],
        ),
        ("text", "let w = words::count();", &[]),
    ];
    for (me, code, want) in cases {
        assert_eq!(imports(me, code, &mods), set(want), "{me}: {code}");
    }
}

#[test]
fn comments_doc_links_and_unit_tests_are_not_imports() {
    let code = code_of(
        "//! See [`crate::report`].\nuse crate::text::Span; // crate::eval is above\n#[cfg(test)]\nmod tests {\n    fn f() {\n        crate::eval::x();\n    }\n}\nfn after_the_tests() {\n    let u = \"https://x\"; crate::lexicon::load(u);\n}\n",
    );
    let mods = set(&["text", "report", "eval", "analysis", "lexicon"]);
    assert_eq!(imports("analysis", &code, &mods), set(&["text", "lexicon"]));
    // A test module in a file of its own: the code after its declaration still counts.
    let code = code_of("#[cfg(test)]\nmod tests;\nfn f() {\n    crate::lexicon::load();\n}\n");
    assert_eq!(imports("analysis", &code, &mods), set(&["lexicon"]));
}

#[test]
fn a_loop_is_found_and_shown_along_its_path() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", set(&["b"])),
        ("b", set(&["c"])),
        ("c", set(&["a", "d"])),
        ("d", set(&[])),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(
        find_loop(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let dag: BTreeMap<String, BTreeSet<String>> =
        [("a", set(&["b", "c"])), ("b", set(&["c"])), ("c", set(&[]))]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
    assert_eq!(find_loop(&dag), None);
}

#[test]
fn the_library_has_no_import_loop() {
    let graph = library_graph();
    // The reading must see the library: a few imports every version of it has.
    for (from, to) in [
        ("analysis", "lexicon"),
        ("analysis::voice", "text"),
        ("report", "diff"),
        ("lexicon", "lexicon::yaml"),
    ] {
        assert!(graph[from].contains(to), "{from} should import {to}");
    }
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 100);
    if let Some(lp) = find_loop(&graph) {
        panic!("import loop: {}", lp.join(" -> "));
    }
}

#[test]
fn every_module_has_a_layer_and_imports_only_its_own_and_lower_layers() {
    let graph = library_graph();
    let mut upward = Vec::new();
    for (from, tos) in &graph {
        let lf = layer(from).unwrap_or_else(|| panic!("{from} has no layer in LAYERS"));
        for to in tos {
            let lt = layer(to).unwrap_or_else(|| panic!("{to} has no layer in LAYERS"));
            if lt > lf {
                upward.push(format!("{from} (layer {lf}) imports {to} (layer {lt})"));
            }
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn the_analysis_modules_build_on_each_other_in_their_listed_order() {
    let graph = library_graph();
    let at = |m: &str| {
        ANALYSIS_ORDER
            .iter()
            .position(|x| *x == m)
            .unwrap_or_else(|| panic!("{m} is not in ANALYSIS_ORDER"))
    };
    let mut later = Vec::new();
    for (from, tos) in graph.iter().filter(|(m, _)| layer(m) == Some(3)) {
        for to in tos.iter().filter(|t| layer(t) == Some(3)) {
            if at(to) > at(from) {
                later.push(format!("{from} imports {to}, listed after it"));
            }
        }
    }
    assert!(later.is_empty(), "{}", later.join("\n"));
}

#[test]
fn the_library_never_prints_exits_or_draws_progress() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let banned = Regex::new(
        r"\b(e?println!|e?print!|dbg!|process::exit|io::stdout\(\)|io::stderr\(\)|indicatif::)",
    )
    .unwrap();
    let mut found = Vec::new();
    for (m, p) in modules(&src) {
        let code = code_of(&std::fs::read_to_string(&p).unwrap());
        for (n, line) in code.lines().enumerate() {
            if let Some(b) = banned.find(line) {
                found.push(format!("{m}:{}: {}", n + 1, b.as_str()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The check reads code: it finds a print where there is one.
    let code = code_of("fn f() {\n    eprintln!(\"x\");\n}\n");
    assert!(banned.is_match(&code));
}

/// The modules `cargo doc` shows: the library's face. Every other module is private to the
/// crate, or public for the binary and its tests but `#[doc(hidden)]`. A module added to the
/// face must be added here, on purpose.
const FACE: &[&str] = &[
    "analysis",
    "corpus",
    "corpus::compare",
    "corpus::hits",
    "corpus::input",
    "corpus::keyness",
    "corpus::run",
    "corpus::summary",
    "diff",
    "input",
    "lexicon",
    "lexicon::convert",
    "lexicon::model",
    "report",
    "report::attributions",
    "report::corpus",
];

/// The modules a file declares `pub` and does not hide from the documentation: `pub mod NAME;`
/// with no `#[doc(hidden)]` on the lines of attributes above it.
fn documented_submodules(code: &str) -> Vec<String> {
    let decl = Regex::new(r"^pub mod ([a-z_0-9]+)\b").unwrap();
    let lines: Vec<&str> = code.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = decl.captures(line) else {
            continue;
        };
        // The attributes and doc comments above the declaration.
        let hidden = lines[..i]
            .iter()
            .rev()
            .take_while(|l| l.starts_with("#[") || l.starts_with("//"))
            .any(|l| l.starts_with("#[") && l.contains("doc(hidden)"));
        if !hidden {
            out.push(c[1].to_string());
        }
    }
    out
}

#[test]
fn the_documented_face_is_the_intended_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&src);
    let mut face = BTreeSet::new();
    let mut todo = vec![(String::new(), src.join("lib.rs"))];
    while let Some((path, file)) = todo.pop() {
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for name in documented_submodules(&code) {
            let sub = if path.is_empty() {
                name
            } else {
                format!("{path}::{name}")
            };
            let f = files
                .get(&sub)
                .unwrap_or_else(|| panic!("no file for {sub}"));
            todo.push((sub.clone(), f.clone()));
            face.insert(sub);
        }
    }
    assert_eq!(face, set(FACE));
    // The reading of attributes: a hidden module is left out, a private one too.
    let code = "pub mod a;\n#[doc(hidden)]\npub mod b;\n#[doc(hidden)]\n#[allow(x)]\npub mod c;\n\
                pub(crate) mod d;\nmod e;\n#[doc(hidden)]\n/// Docs.\npub mod f;\npub mod g {}\n";
    assert_eq!(
        documented_submodules(code),
        vec!["a".to_string(), "g".to_string()]
    );
}
