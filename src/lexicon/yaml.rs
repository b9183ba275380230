//! Reading lexicon files: YAML (through serde-saphyr, which keeps line:column spans) into
//! validated entries. Every YAML call of the crate lives here.
//!
//! Checks made here, each reported at its line and column: YAML syntax, wrong types, unknown keys,
//! duplicate keys, stance out of range, an invalid or too large regex, a malformed glob, a duplicate
//! id inside one file, an entry with nothing to match. Checks that need every file (unknown category,
//! unknown proxy) are made by [`super::LexiconBuilder::build`].

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{ActorEntry, ActorType, Kind, LabelEntry, Person};
use crate::diagnostic::Diagnostic;

/// Largest compiled size allowed for a regex entry, so a pathological pattern is refused.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lexicon: Option<String>,
    version: Option<Spanned<VersionText>>,
    categories: Option<Vec<Spanned<String>>>,
    labels: Option<Vec<RawLabel>>,
    actors: Option<Vec<RawActor>>,
}

/// A version may be written as `2026.11` (a float to YAML) or `"2026.11"`.
#[derive(Deserialize)]
#[serde(untagged)]
enum VersionText {
    Text(String),
    Number(f64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    id: Spanned<String>,
    #[serde(default)]
    forms: Vec<Spanned<String>>,
    regex: Option<Spanned<String>>,
    category: Spanned<String>,
    stance: Spanned<i64>,
    kind: Kind,
    #[serde(default)]
    targets: Vec<ActorType>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: Spanned<String>,
    name: String,
    #[serde(rename = "type")]
    actor_type: ActorType,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    adjectives: Vec<Spanned<String>>,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    proxies: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    role: Option<String>,
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "label" => Ok(Kind::Label),
            "act" => Ok(Kind::Act),
            "attribution" => Ok(Kind::Attribution),
            "distancing" => Ok(Kind::Distancing),
            other => Err(serde::de::Error::custom(format!(
                "unknown kind `{other}`, expected one of label, act, attribution, distancing"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for ActorType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "state" => Ok(ActorType::State),
            "armed_group" => Ok(ActorType::ArmedGroup),
            "movement" => Ok(ActorType::Movement),
            "population" => Ok(ActorType::Population),
            "organization" => Ok(ActorType::Organization),
            other => Err(serde::de::Error::custom(format!(
                "unknown actor type `{other}`, expected one of state, armed_group, movement, population, organization"
            ))),
        }
    }
}

/// Where a parsed label entry's fields were written, for checks made after all files are read.
pub struct EntryLoc {
    file: String,
    category: (u64, u64, Option<String>),
}

impl EntryLoc {
    pub(crate) fn category(&self, message: String) -> Diagnostic {
        let (line, column, src) = &self.category;
        Diagnostic {
            file: self.file.clone(),
            line: *line,
            column: *column,
            message,
            source_line: src.clone(),
        }
    }
}

/// One file, parsed and checked on its own.
pub struct ParsedFile {
    pub path: String,
    pub name: String,
    pub version: Option<String>,
    pub categories: Vec<String>,
    pub labels: Vec<(LabelEntry, EntryLoc)>,
    pub actors: Vec<(ActorEntry, ())>,
    pub label_count: usize,
    pub actor_count: usize,
}

struct Checker<'a> {
    path: &'a str,
    text: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at<T>(&self, s: &Spanned<T>, message: String) -> Diagnostic {
        Diagnostic::at(
            self.path,
            self.text,
            s.referenced.line(),
            s.referenced.column(),
            message,
        )
    }
    fn err<T>(&mut self, s: &Spanned<T>, message: String) {
        let d = self.at(s, message);
        self.problems.push(d);
    }

    /// A form: non-empty, and a `*` only at the end of the last word.
    fn form(&mut self, f: &Spanned<String>, what: &str) -> Option<String> {
        let v = f.value.split_whitespace().collect::<Vec<_>>().join(" ");
        if v.is_empty() {
            self.err(f, format!("empty {what}"));
            return None;
        }
        if let Some(pos) = v.find('*') {
            if pos != v.len() - 1 {
                self.err(
                    f,
                    format!("`{v}`: `*` is allowed only at the end of the last word"),
                );
                return None;
            }
            let stem = v.trim_end_matches('*');
            let last = stem.rsplit(' ').next().unwrap_or("");
            if last.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                self.err(
                    f,
                    format!(
                        "`{v}`: a glob needs at least 3 letters before `*`, or it matches too much"
                    ),
                );
                return None;
            }
        }
        Some(v)
    }

    fn forms(&mut self, list: &[Spanned<String>], what: &str) -> Vec<String> {
        list.iter().filter_map(|f| self.form(f, what)).collect()
    }
}

/// Parses one lexicon file. Returns every problem found in it.
pub fn parse(path: &str, text: &str) -> Result<ParsedFile, Vec<Diagnostic>> {
    let raw: RawFile = match serde_saphyr::from_str(text) {
        Ok(r) => r,
        Err(e) => return Err(vec![saphyr_diagnostic(path, text, &e)]),
    };
    let mut ck = Checker {
        path,
        text,
        problems: Vec::new(),
    };
    let name = raw.lexicon.unwrap_or_else(|| {
        let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let base = base.strip_prefix("bundled:").unwrap_or(base);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
    });
    let version = raw.version.map(|v| match v.value {
        VersionText::Text(s) => s,
        VersionText::Number(n) => n.to_string(),
    });
    let mut categories = Vec::new();
    for c in raw.categories.unwrap_or_default() {
        let ok = !c.value.is_empty()
            && c.value.split('/').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
            });
        if ok {
            categories.push(c.value.clone());
        } else {
            ck.err(
                &c,
                format!(
                    "bad category path `{}`: use words joined by `/`, like `delegitimizing/terrorism`",
                    c.value
                ),
            );
        }
    }

    let mut seen = std::collections::HashMap::new();
    let mut labels = Vec::new();
    let raw_labels = raw.labels.unwrap_or_default();
    let label_count = raw_labels.len();
    for l in raw_labels {
        if let Some(first) = seen.insert(l.id.value.clone(), l.id.referenced.line()) {
            ck.err(
                &l.id,
                format!(
                    "duplicate label id `{}` (first defined on line {first})",
                    l.id.value
                ),
            );
            continue;
        }
        if l.id.value.trim().is_empty() {
            ck.err(&l.id, "empty id".into());
        }
        if !(-2..=2).contains(&l.stance.value) {
            ck.err(
                &l.stance,
                format!(
                    "stance {} is out of range: use -2, -1, 0, 1 or 2",
                    l.stance.value
                ),
            );
        }
        if let Some(r) = &l.regex
            && let Err(e) = regex::RegexBuilder::new(&r.value)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
        {
            let msg = match e {
                regex::Error::CompiledTooBig(_) => format!(
                    "regex `{}` is too large (over {} bytes compiled)",
                    r.value, REGEX_SIZE_LIMIT
                ),
                other => format!(
                    "invalid regex `{}`: {}",
                    r.value,
                    other.to_string().lines().last().unwrap_or("").trim()
                ),
            };
            ck.err(r, msg);
        }
        if l.forms.is_empty() && l.regex.is_none() {
            ck.err(
                &l.id,
                format!("label `{}` has neither `forms` nor `regex`", l.id.value),
            );
        }
        let forms = ck.forms(&l.forms, "form");
        let exclude = ck.forms(&l.exclude, "exclusion");
        let loc = EntryLoc {
            file: path.to_owned(),
            category: (
                l.category.referenced.line(),
                l.category.referenced.column(),
                text.lines()
                    .nth(l.category.referenced.line().saturating_sub(1) as usize)
                    .map(str::to_owned),
            ),
        };
        labels.push((
            LabelEntry {
                id: l.id.value,
                forms,
                regex: l.regex.map(|r| r.value),
                category: l.category.value,
                stance: l.stance.value.clamp(-2, 2) as i8,
                kind: l.kind,
                targets: l.targets,
                exclude,
                note: l.note,
                file: 0,
            },
            loc,
        ));
    }

    let mut seen = std::collections::HashMap::new();
    let mut actors = Vec::new();
    let raw_actors = raw.actors.unwrap_or_default();
    let actor_count = raw_actors.len();
    for a in raw_actors {
        if let Some(first) = seen.insert(a.id.value.clone(), a.id.referenced.line()) {
            ck.err(
                &a.id,
                format!(
                    "duplicate actor id `{}` (first defined on line {first})",
                    a.id.value
                ),
            );
            continue;
        }
        let aliases = ck.forms(&a.aliases, "alias");
        let adjectives = ck.forms(&a.adjectives, "adjective");
        let people = a
            .people
            .into_iter()
            .filter_map(|p| {
                let name = ck.form(&p.name, "person name")?;
                Some(Person {
                    name,
                    aliases: ck.forms(&p.aliases, "alias"),
                    role: p.role,
                })
            })
            .collect();
        actors.push((
            ActorEntry {
                id: a.id.value,
                name: a.name,
                actor_type: a.actor_type,
                aliases,
                adjectives,
                people,
                proxies: a.proxies.into_iter().map(|p| p.value).collect(),
                file: 0,
            },
            (),
        ));
    }
    if ck.problems.is_empty() {
        Ok(ParsedFile {
            path: path.to_owned(),
            name,
            version,
            categories,
            labels,
            actors,
            label_count,
            actor_count,
        })
    } else {
        Err(ck.problems)
    }
}

/// Reads any YAML document into `T`, with errors located in `path`. Other modules (the gold
/// annotations of [`crate::eval`]) read YAML through here so that every YAML call stays in one place.
pub fn from_str<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|e| saphyr_diagnostic(path, text, &e))
}

/// Turns a serde-saphyr error into our diagnostic, keeping its line and column.
fn saphyr_diagnostic(path: &str, text: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let bare = e.without_snippet().to_string();
    // serde-saphyr appends " at line N, column M"; the location is shown separately.
    let message = match bare.rfind(" at line ") {
        Some(i) => bare[..i].to_owned(),
        None => bare,
    };
    match e.location() {
        Some(loc) => Diagnostic::at(path, text, loc.line(), loc.column(), message),
        None => Diagnostic::file_level(path, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<String> {
        match parse("t.yaml", src) {
            Ok(_) => vec![],
            Err(d) => d
                .into_iter()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .collect(),
        }
    }

    const HEAD: &str = "categories: [a/b]\nlabels:\n";

    #[test]
    fn table_of_semantic_errors() {
        let cases: &[(&str, &str)] = &[
            (
                "  - {id: x, forms: [t], category: a/b, stance: 3, kind: label}\n",
                "3:48: stance 3 is out of range: use -2, -1, 0, 1 or 2",
            ),
            (
                "  - {id: x, regex: '(unclosed', category: a/b, stance: 1, kind: act}\n",
                "3:20: invalid regex `(unclosed`: error: unclosed group",
            ),
            (
                "  - {id: x, forms: ['ter*ror'], category: a/b, stance: 1, kind: act}\n",
                "3:21: `ter*ror`: `*` is allowed only at the end of the last word",
            ),
            (
                "  - {id: x, forms: ['t*'], category: a/b, stance: 1, kind: act}\n",
                "3:21: `t*`: a glob needs at least 3 letters before `*`, or it matches too much",
            ),
            (
                "  - {id: x, category: a/b, stance: 1, kind: act}\n",
                "3:10: label `x` has neither `forms` nor `regex`",
            ),
            (
                "  - {id: x, forms: [a], category: a/b, stance: 1, kind: act}\n  - {id: x, forms: [b], category: a/b, stance: 1, kind: act}\n",
                "4:10: duplicate label id `x` (first defined on line 3)",
            ),
            (
                "  - {id: x, forms: [a], category: a/b, stance: 1, kind: labl}\n",
                "3:57: unknown kind `labl`, expected one of label, act, attribution, distancing",
            ),
            (
                "  - {id: x, froms: [a], category: a/b, stance: 1, kind: act}\n",
                "3:13: unknown field `froms`, expected one of id, forms, regex, category, stance, kind, targets, exclude, note",
            ),
        ];
        for (body, want) in cases {
            let got = problems(&format!("{HEAD}{body}"));
            assert_eq!(got, vec![want.to_string()], "for {body}");
        }
    }

    #[test]
    fn huge_regex_is_refused() {
        let src = format!(
            "{HEAD}  - {{id: x, regex: '\\w{{1000}}\\w{{1000}}\\w{{1000}}', category: a/b, stance: 1, kind: act}}\n"
        );
        let got = problems(&src);
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("is too large"), "{got:?}");
    }

    #[test]
    fn syntax_error_has_location() {
        let got = problems("labels:\n  - id: [x\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("2:"), "{got:?}");
    }
}
