//! Actor mentions: where an article names a party, by name, acronym, adjective ("Turkish"),
//! compound ("Turkish-backed", "HTS-led", "U.S.-designated") or by one of its people ("Fidan").
//!
//! Names written slightly wrong in real copy ("Blinekn", "Araqchi") resolve to the person they
//! almost spell, under a strict rule (see [`NearMiss`]) so that ordinary capitalised words do not
//! become false actors. What it does not do: resolve pronouns (that is [`crate::analysis::voice`]'s speaker
//! coreference), or find parties the lexicon does not list.

use crate::analysis::mention::{Form, Mention, Role};
use crate::lexicon::{ActorType, Lexicon};
use crate::matcher::{Hit, Pattern};
use crate::text::WordSet;
use crate::text::{LowerTokens, Segmented, Span, TokenKind};

#[derive(Clone, Debug)]
struct FormInfo {
    actor: usize,
    form: Form,
    person: Option<usize>,
    /// A person's bare surname, which may also be someone's first name ("Abbas Araghchi").
    surname_only: bool,
}

/// The people of all actors, for near-miss names and speaker lookup.
#[derive(Clone, Debug)]
struct PersonRef {
    actor: usize,
    name: String,
}

/// Finds actor mentions in text. Its name forms are matched by the analyzer's matcher, in the
/// same walk as the label forms (see [`ActorIndex::new`]).
pub struct ActorIndex {
    forms: Vec<FormInfo>,
    people: Vec<PersonRef>,
    near: NearMiss,
    /// The people who share a surname, by the lower-cased surname, in lexicon order: only
    /// surnames of two or more people are kept ([`ActorIndex::shared_surname`]).
    namesakes: rustc_hash::FxHashMap<String, Vec<usize>>,
    pub types: Vec<ActorType>,
}

/// The rule for near-miss names: a capitalised word that is not at the start of a sentence, has at
/// least six letters, starts with the same letter as a known person's surname of at least six
/// letters, is within Damerau-Levenshtein distance 1 of it (2 when the longer word has 8 or more
/// letters), has a Jaro-Winkler similarity of at least 0.85, and does not end like an English
/// inflection (-ing, -ed, -ly, -tion).
#[derive(Clone, Debug, Default)]
pub struct NearMiss {
    /// (surname as written, lower-cased surname, person index)
    names: Vec<(String, String, usize)>,
    /// The letter set of each lower-cased surname ([`letters`]), parallel to `names`.
    masks: Vec<u64>,
    /// The length in characters of each lower-cased surname, parallel to `names`.
    lens: Vec<usize>,
    /// The indices into `names` of the surnames starting with each lower-case character, in
    /// the order they were added.
    by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
}

/// The set of characters in `s`, folded onto 64 bits. An edit (insertion, deletion,
/// substitution, transposition) adds at most one character to a word's set and removes at most
/// one, so two words within distance `d` differ by at most `d` bits each way: a cheap necessary
/// test run before the string distances.
fn letters(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

impl NearMiss {
    /// Adds the surname of person `person`, as written.
    fn add(&mut self, surname: &str, person: usize) {
        let lower = surname.to_lowercase();
        if let Some(first) = lower.chars().next() {
            self.by_first
                .entry(first)
                .or_default()
                .push(self.names.len());
        }
        self.masks.push(letters(&lower));
        self.lens.push(lower.chars().count());
        self.names.push((surname.to_owned(), lower, person));
    }

    /// The known surname that `word` is a near miss of, if any.
    pub fn resolve(&self, word: &str) -> Option<usize> {
        if word.len() < 6 || !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let n = word.chars().count();
        if n < 6 {
            return None;
        }
        // Only surnames with the same first letter are candidates.
        let first = word.chars().next()?.to_lowercase().next()?;
        let same_first = self.by_first.get(&first)?;
        let lower = word.to_lowercase();
        if ["ing", "ed", "ly", "tion"]
            .iter()
            .any(|s| lower.ends_with(s))
        {
            return None;
        }
        let lower_len = lower.chars().count();
        let mask = letters(&lower);
        let mut best: Option<(f64, usize)> = None;
        for &i in same_first {
            let (_, name, p) = &self.names[i];
            let name_mask = self.masks[i];
            if *name == lower {
                continue;
            }
            let name_len = self.lens[i];
            let longest = n.max(name_len);
            let max_dist = if longest >= 8 { 2 } else { 1 };
            // The distance is at least the difference in length, and at least the number of
            // letters one word has and the other lacks: skip what cannot pass.
            if lower_len.abs_diff(name_len) > max_dist
                || (mask & !name_mask).count_ones() > max_dist as u32
                || (name_mask & !mask).count_ones() > max_dist as u32
            {
                continue;
            }
            // Jaro-Winkler first: it is cheaper, and a name that would not be the best needs no
            // distance.
            let jw = strsim::jaro_winkler(&lower, name);
            if jw < 0.85 || best.is_some_and(|(b, _)| jw <= b) {
                continue;
            }
            if strsim::damerau_levenshtein(&lower, name) <= max_dist {
                best = Some((jw, *p));
            }
        }
        best.map(|(_, p)| p)
    }
}

const COMPOUND_ROLES: &[(&str, Role)] = &[
    ("backed", Role::Backer),
    ("sponsored", Role::Backer),
    ("funded", Role::Backer),
    ("armed", Role::Backer),
    ("supported", Role::Backer),
    ("aligned", Role::Backer),
    ("allied", Role::Backer),
    ("led", Role::Leader),
    ("designated", Role::Designator),
    ("listed", Role::Designator),
    ("held", Role::Controller),
    ("controlled", Role::Controller),
    ("run", Role::Controller),
    ("ruled", Role::Controller),
    ("occupied", Role::Controller),
    ("administered", Role::Controller),
];

/// A name form is matched with exact case when it has no lower-case letters (acronyms: HTS, US).
fn exact_case(form: &str) -> bool {
    form.chars().any(char::is_uppercase) && !form.chars().any(char::is_lowercase)
}

/// The adjectives English forms from a state's name ("Korea" -> "Korean", "Japan" ->
/// "Japanese", "Mexico" -> "Mexican", "Iraq" -> "Iraqi"), the last word changed and any words
/// before it kept ("North Korea" -> "North Korean"). Several endings are tried, since the rule
/// depends on the word ("Iran" -> "Iranian", "Sudan" -> "Sudanese"); a wrong candidate
/// ("Chinan") simply never occurs in text. Irregular demonyms ("French", "Dutch", "American"
/// for "United States") come from [`IRREGULAR_DEMONYMS`] instead.
pub fn demonyms(name: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR_DEMONYMS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
    {
        return forms.iter().map(|&f| f.to_owned()).collect();
    }
    let words: Vec<&str> = name.split(' ').collect();
    let Some((last, before)) = words.split_last() else {
        return Vec::new();
    };
    let proper = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    if words.len() > 3 || !words.iter().all(|w| proper(w)) || last.chars().count() < 4 {
        return Vec::new();
    }
    let stems: Vec<String> = if let Some(s) = last.strip_suffix('a') {
        vec![format!("{s}an")]
    } else if let Some(s) = last.strip_suffix('o') {
        vec![format!("{s}an")]
    } else if let Some(s) = last.strip_suffix('y') {
        vec![format!("{s}ian")]
    } else if let Some(s) = last.strip_suffix('e') {
        vec![format!("{s}ian")]
    } else if last.ends_with('i') {
        vec![format!("{last}an")]
    } else if last.ends_with("an") {
        vec![
            format!("{last}ese"),
            format!("{last}ian"),
            format!("{last}i"),
        ]
    } else {
        vec![format!("{last}ian"), format!("{last}i")]
    };
    stems
        .into_iter()
        .map(|stem| {
            let mut w = before.to_vec();
            w.push(&stem);
            w.join(" ")
        })
        .collect()
}

/// The adjectives of states whose names do not form them by a regular ending ("Germany" ->
/// "German", not "Germanian"), keyed by the state's usual English names. Only states are
/// listed; a lexicon that lists a state's adjectives gets none of these.
pub const IRREGULAR_DEMONYMS: &[(&str, &[&str])] = &[
    ("United States", &["American"]),
    ("United States of America", &["American"]),
    ("America", &["American"]),
    ("France", &["French"]),
    ("United Kingdom", &["British"]),
    ("Britain", &["British"]),
    ("Great Britain", &["British"]),
    ("Netherlands", &["Dutch"]),
    ("Switzerland", &["Swiss"]),
    ("Greece", &["Greek"]),
    ("Thailand", &["Thai"]),
    ("Philippines", &["Filipino", "Philippine"]),
    ("Ireland", &["Irish"]),
    ("Scotland", &["Scottish"]),
    ("England", &["English"]),
    ("Wales", &["Welsh"]),
    ("Denmark", &["Danish"]),
    ("Sweden", &["Swedish"]),
    ("Finland", &["Finnish"]),
    ("Poland", &["Polish"]),
    ("Spain", &["Spanish"]),
    ("Portugal", &["Portuguese"]),
    ("China", &["Chinese"]),
    ("Vietnam", &["Vietnamese"]),
    ("Lebanon", &["Lebanese"]),
    ("Afghanistan", &["Afghan"]),
    ("Turkey", &["Turkish"]),
    ("Türkiye", &["Turkish"]),
    ("Germany", &["German"]),
    ("Saudi Arabia", &["Saudi"]),
    ("Cyprus", &["Cypriot"]),
    ("Bangladesh", &["Bangladeshi"]),
    ("Somalia", &["Somali"]),
    ("Niger", &["Nigerien"]),
    ("Burkina Faso", &["Burkinabe"]),
    ("Congo", &["Congolese"]),
    ("Senegal", &["Senegalese"]),
    ("Myanmar", &["Burmese"]),
    ("Burma", &["Burmese"]),
    ("Belarus", &["Belarusian"]),
    ("Kazakhstan", &["Kazakh"]),
    ("Uzbekistan", &["Uzbek"]),
    ("Tajikistan", &["Tajik"]),
    ("Kyrgyzstan", &["Kyrgyz"]),
    ("Turkmenistan", &["Turkmen"]),
    ("Norway", &["Norwegian"]),
    ("Iceland", &["Icelandic"]),
    ("Chile", &["Chilean"]),
    ("Argentina", &["Argentine", "Argentinian"]),
    ("Nepal", &["Nepali", "Nepalese"]),
    ("United Arab Emirates", &["Emirati"]),
    ("Czech Republic", &["Czech"]),
    ("Czechia", &["Czech"]),
    ("Slovakia", &["Slovak"]),
    ("Malta", &["Maltese"]),
    ("Uruguay", &["Uruguayan"]),
    ("Paraguay", &["Paraguayan"]),
    ("Ivory Coast", &["Ivorian"]),
];

/// Words that make a regional demonym of the one after them: "Latin American" and "Central
/// American" are not American, "South Sudanese" is not Sudanese.
static REGION_WORDS: WordSet = WordSet::new(&[
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Latin", "Native",
]);

/// Words that make an ethnic group of a state's people after them, written apart: "Arab
/// Americans", "African Americans" are not the United States' people as a party ("Arab-Israeli"
/// is a compound of two parties).
static ETHNIC_WORDS: WordSet = WordSet::new(&["African", "Arab", "Asian"]);

/// Whether an adjective at `span` is the second half of a regional demonym ("Central American",
/// "South Sudanese"): a region word stands right before it, with a space or a hyphen between.
fn regional_demonym(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let spaced = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'));
    let Some(before) = spaced.or_else(|| before.strip_suffix('-')) else {
        return false;
    };
    let (_, word) = last_word(before);
    REGION_WORDS.contains(word) || (spaced.is_some() && ETHNIC_WORDS.contains(word))
}

/// Capitalised words that, right before a name, make it part of the name of a lake, a
/// mountain or a river ("Lake Chad", "Mount Lebanon"): a place, not the state.
static FEATURE_WORDS: WordSet = WordSet::new(&["Lake", "Mount", "Mt.", "River"]);

/// Capitalised words that, with "of", name a sea or a coast after a name ("Gulf of Aden",
/// "Sea of Japan", "Bay of Bengal", "Horn of Africa").
static FEATURE_OF_WORDS: WordSet =
    WordSet::new(&["Gulf", "Sea", "Bay", "Strait", "Straits", "Horn", "Cape"]);

/// Whether a name at `span` is part of the name of a geographic feature: right after a word of
/// [`FEATURE_WORDS`], or after one of [`FEATURE_OF_WORDS`] and "of".
fn names_a_feature(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == span.start {
        return false;
    }
    let (start, word) = last_word(before);
    if FEATURE_WORDS.contains(word) {
        return true;
    }
    if word != "of" {
        return false;
    }
    let (_, feature) = last_word(before[..start].trim_end_matches([' ', '\u{a0}']));
    FEATURE_OF_WORDS.contains(feature)
}

/// Whether a state's name at `span` opens the name of something else followed by a number:
/// a broadcaster ("France 24", "Russia 1") or an event ("Qatar 2022"). The number follows
/// after one space, is all digits, and ends the word (not "Syria 2,000" nor "Syria 3rd").
fn names_with_a_number(text: &str, span: Span) -> bool {
    let Some(after) = text[span.end..]
        .strip_prefix(' ')
        .or_else(|| text[span.end..].strip_prefix('\u{a0}'))
    else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after[digits..];
    let mut chars = rest.chars();
    let goes_on = match chars.next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '-') => true,
        // "2,000", "2.5": the number goes on.
        Some(',' | '.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    // A count ("in France 24 people died", "France 24 hours later"): a word follows that is
    // no function word or verb of a name's sentence.
    let next: String = rest
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    // A year reads as a name's ("Qatar 2022", "France 2030 plans"), not as a count.
    let year = digits == 4 && (after.starts_with("19") || after.starts_with("20"));
    let counts = !year
        && !next.is_empty()
        && next.chars().next().is_some_and(char::is_lowercase)
        && !AFTER_A_NAME.contains(next.as_str());
    digits > 0 && !goes_on && !counts
}

/// The words that may follow a name with a number ("France 24 in 2023", "France 24 reported"),
/// where a count would have its noun ("24 people").
static AFTER_A_NAME: WordSet = WordSet::new(&[
    "in", "on", "at", "and", "or", "to", "for", "from", "with", "by", "that", "which", "who",
    "said", "says", "reported", "reports", "has", "had", "have", "is", "was", "were", "are",
    "will", "would", "also", "as", "of",
]);

/// The last word of `s` (letters and dots) and where it starts.
fn last_word(s: &str) -> (usize, &str) {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, &s[start..])
}

/// The derived adjectives of the states whose lexicon entry lists none (see [`demonyms`]),
/// with their actor, leaving out any form that another actor lists or derives: "Nigerian"
/// would be both Niger's and Nigeria's, so it is neither's.
fn derived_adjectives(lex: &Lexicon) -> Vec<(usize, String)> {
    let mut listed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for a in &lex.actors {
        let people = a
            .people
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases));
        for f in std::iter::once(&a.name)
            .chain(&a.aliases)
            .chain(&a.adjectives)
            .chain(people)
        {
            listed.insert(f.to_lowercase());
        }
    }
    let mut derived: Vec<(usize, String)> = Vec::new();
    for (ai, a) in lex.actors.iter().enumerate() {
        if a.actor_type != ActorType::State || !a.adjectives.is_empty() {
            continue;
        }
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            for d in demonyms(n) {
                if !listed.contains(&d.to_lowercase())
                    && !derived.iter().any(|x| x == &(ai, d.clone()))
                {
                    derived.push((ai, d));
                }
            }
        }
    }
    let clash = |d: &(usize, String)| {
        derived
            .iter()
            .any(|o| o.0 != d.0 && o.1.eq_ignore_ascii_case(&d.1))
    };
    let keep: Vec<bool> = derived.iter().map(|d| !clash(d)).collect();
    derived
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

/// The nouns for the people of each state, made from its adjectives, listed or derived:
/// "Iranians", "Israelis", "Americans" ("Russians attack Zaporizhzhia" puts Russia in focus,
/// though as a population it is no act's agent by proximity). Only adjectives ending in "-an", "-en" or "-i" make such a plural ("the Chinese", "the
/// French" do not); a form any actor lists, or that two states would share, is no one's.
fn plural_demonyms(lex: &Lexicon, derived: &[(usize, String)]) -> Vec<(usize, String)> {
    let listed: std::collections::HashSet<String> = lex
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|f| f.to_lowercase())
        .collect();
    let adjectives = lex
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.actor_type == ActorType::State)
        .flat_map(|(ai, a)| a.adjectives.iter().map(move |d| (ai, d.as_str())))
        .chain(derived.iter().map(|(ai, d)| (*ai, d.as_str())));
    let mut out: Vec<(usize, String)> = Vec::new();
    for (ai, adj) in adjectives {
        if adj.contains(' ') || !["an", "en", "i"].iter().any(|e| adj.ends_with(e)) {
            continue;
        }
        let plural = format!("{adj}s");
        if !listed.contains(&plural.to_lowercase()) && !out.contains(&(ai, plural.clone())) {
            out.push((ai, plural));
        }
    }
    let clash = |d: &(usize, String)| out.iter().any(|o| o.0 != d.0 && o.1 == d.1);
    let keep: Vec<bool> = out.iter().map(|d| !clash(d)).collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

/// The surname used for a person: the last word, without an `al-`/`el-` prefix; none when that
/// word is a title ("President").
pub fn surname(name: &str) -> Option<&str> {
    let last = name.split_whitespace().last()?;
    let bare = ["al-", "el-", "Al-", "El-"]
        .iter()
        .find_map(|p| last.strip_prefix(p))
        .unwrap_or(last);
    // A title is no surname: "South Korean President" is matched whole or not at all.
    let title = crate::analysis::heads::class_of(&bare.to_lowercase())
        == Some(crate::analysis::heads::Class::Role);
    (bare != name && !title).then_some(bare)
}

impl ActorIndex {
    /// The index of the lexicon's actors, and the name forms to match for it: the owner of each
    /// pattern is what [`ActorIndex::mentions`] expects in a hit.
    pub fn new(lex: &Lexicon) -> (ActorIndex, Vec<Pattern>) {
        let mut patterns = Vec::new();
        let mut forms = Vec::new();
        let mut people = Vec::new();
        let mut near = NearMiss::default();
        let mut namesakes: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut add = |form: &str, info: FormInfo, patterns: &mut Vec<Pattern>| {
            patterns.push(Pattern {
                owner: forms.len(),
                form: form.to_owned(),
                exact_case: exact_case(form),
                exclusion: false,
            });
            forms.push(info);
        };
        for (ai, a) in lex.actors.iter().enumerate() {
            let name_info = FormInfo {
                actor: ai,
                form: Form::Name,
                person: None,
                surname_only: false,
            };
            // An actor named after a person ("Donald Trump") is matched as that person, so that
            // pronouns and role nouns can refer back to it.
            let is_person_name = |n: &String| {
                a.people.iter().any(|p| {
                    p.name.eq_ignore_ascii_case(n)
                        || p.aliases.iter().any(|x| x.eq_ignore_ascii_case(n))
                })
            };
            for alias in std::iter::once(&a.name).chain(&a.aliases) {
                if !is_person_name(alias) {
                    add(alias, name_info.clone(), &mut patterns);
                }
            }
            for adj in &a.adjectives {
                let info = FormInfo {
                    form: Form::Adjective,
                    ..name_info.clone()
                };
                add(adj, info, &mut patterns);
            }
            for p in &a.people {
                let pi = people.len();
                people.push(PersonRef {
                    actor: ai,
                    name: p.name.clone(),
                });
                let info = FormInfo {
                    actor: ai,
                    form: Form::Person,
                    person: Some(pi),
                    surname_only: false,
                };
                let mut names: Vec<&str> = vec![p.name.as_str()];
                names.extend(p.aliases.iter().map(String::as_str));
                for n in names {
                    add(n, info.clone(), &mut patterns);
                }
                if let Some(s) = surname(&p.name) {
                    namesakes.entry(s.to_lowercase()).or_default().push(pi);
                    let bare = FormInfo {
                        surname_only: true,
                        ..info.clone()
                    };
                    add(s, bare, &mut patterns);
                    if s.chars().count() >= 6 {
                        near.add(s, pi);
                    }
                }
            }
        }
        let derived = derived_adjectives(lex);
        for (ai, adj) in &derived {
            let info = FormInfo {
                actor: *ai,
                form: Form::Adjective,
                person: None,
                surname_only: false,
            };
            add(adj, info, &mut patterns);
        }
        for (ai, people) in plural_demonyms(lex, &derived) {
            let info = FormInfo {
                actor: ai,
                form: Form::People,
                person: None,
                surname_only: false,
            };
            add(&people, info, &mut patterns);
        }
        namesakes.retain(|_, people| people.len() > 1);
        let index = ActorIndex {
            forms,
            people,
            near,
            namesakes,
            types: lex.actors.iter().map(|a| a.actor_type).collect(),
        };
        (index, patterns)
    }

    /// Every actor mention in the text, in order, from the matches of the name forms
    /// [`ActorIndex::new`] gave (selected longest first, in text order).
    pub fn mentions(&self, text: &str, hits: Vec<Hit>, seg: &Segmented) -> Vec<Mention> {
        // The people named in full so far, the most recent last.
        let mut named_last: Vec<usize> = Vec::new();
        let mut out: Vec<Mention> = hits
            .into_iter()
            .filter(|h| {
                let info = &self.forms[h.owner];
                // A surname namesakes share is another's name only when it is no namesake's.
                let mut fulls = self
                    .namesakes_of(h.span.slice(text), info.person)
                    .map(|p| self.people[p].name.as_str());
                !(info.surname_only
                    && (followed_by_name(text, h.span)
                        || fulls.all(|full| preceded_by_name(text, h.span, Some(full)))))
            })
            // A person's name is written with a capital: "gallant troops" does not name Yoav
            // Gallant, nor "to trump" Donald Trump. (A script without capitals passes.)
            .filter(|h| {
                let written = h.span.slice(text);
                self.forms[h.owner].form != Form::Person
                    || written.chars().any(char::is_uppercase)
                    || !written.chars().any(char::is_lowercase)
            })
            .filter(|h| {
                !(matches!(self.forms[h.owner].form, Form::Adjective | Form::People)
                    && regional_demonym(text, h.span))
            })
            // "Lake Chad", "the Gulf of Aden": a place, not the state; "France 24" a
            // broadcaster.
            .filter(|h| !(self.forms[h.owner].form == Form::Name && names_a_feature(text, h.span)))
            .filter(|h| {
                !(self.forms[h.owner].form == Form::Name
                    && self.types[self.forms[h.owner].actor] == ActorType::State
                    && names_with_a_number(text, h.span))
            })
            .map(|h| {
                let info = &self.forms[h.owner];
                let person = info.person.map(|p| {
                    if info.surname_only {
                        self.shared_surname(text, h.span, p, &mut named_last)
                    } else {
                        named_last.retain(|&q| q != p);
                        named_last.push(p);
                        p
                    }
                });
                let (role, compound) = compound_role(text, h.span);
                Mention {
                    span: h.span,
                    actor: person.map_or(info.actor, |p| self.people[p].actor),
                    form: info.form,
                    person: person.map(|p| self.people[p].name.clone()),
                    role,
                    compound,
                    near_miss_of: None,
                    antecedent: None,
                }
            })
            .collect();
        // Near-miss names, in words no exact form covered.
        let mut extra = Vec::new();
        let mut seen: rustc_hash::FxHashMap<&str, Option<usize>> = Default::default();
        let mut next = 0; // first exact mention that may still overlap the token
        for s in &seg.sentences {
            for ti in s.tokens.clone().skip(1) {
                let t = seg.tokens[ti];
                if t.kind != TokenKind::Word {
                    continue;
                }
                while next < out.len() && out[next].span.end <= t.span.start {
                    next += 1;
                }
                if out.get(next).is_some_and(|m| m.span.overlaps(t.span)) {
                    continue;
                }
                let w = t.span.slice(text);
                // A word followed by a capitalised word is a first name ("Rodney Davis"), not a
                // surname spelt another way ("Romney").
                if w.len() < 6
                    || !w.chars().next().is_some_and(char::is_uppercase)
                    || followed_by_name(text, t.span)
                {
                    continue;
                }
                // Capitalised words recur within an article ("Saturday", a place name): each is
                // compared with the surnames once.
                let resolved = *seen.entry(w).or_insert_with(|| self.near.resolve(w));
                if let Some(pi) = resolved {
                    let p = &self.people[pi];
                    extra.push(Mention {
                        span: t.span,
                        actor: p.actor,
                        form: Form::Person,
                        person: Some(p.name.clone()),
                        role: None,
                        compound: None,
                        near_miss_of: Some(
                            self.near
                                .names
                                .iter()
                                .find(|n| n.2 == pi)
                                .map_or_else(String::new, |n| n.0.clone()),
                        ),
                        antecedent: None,
                    });
                }
            }
        }
        if !extra.is_empty() {
            out.extend(extra);
            out.sort_by_key(|m| m.span.start);
        }
        out
    }
}

impl ActorIndex {
    /// The listed people whose surname is `written`: its namesakes when two or more people
    /// share it, else `matched` alone (none when the form names no person).
    fn namesakes_of(&self, written: &str, matched: Option<usize>) -> impl Iterator<Item = usize> {
        let shared = self.namesakes.get(&written.to_lowercase());
        let one = if shared.is_some() { None } else { matched };
        shared.into_iter().flatten().copied().chain(one)
    }

    /// The person a surname stands for. A surname two or more listed people share
    /// ("Hutchinson" for Asa and Seth) names the namesake whose given name is written before it
    /// ("Hillary Rodham Clinton", which also counts as naming her in full); else the one the
    /// article last named in full, as a reader takes it; before any is named in full, `matched`,
    /// the one the matcher took (of identical forms, the first listed). `named_last` holds the people named in full so far, the most recent
    /// last. What it does not do: read a title's gender ("Mrs. Clinton").
    fn shared_surname(
        &self,
        text: &str,
        span: Span,
        matched: usize,
        named_last: &mut Vec<usize>,
    ) -> usize {
        let Some(namesakes) = self.namesakes.get(&span.slice(text).to_lowercase()) else {
            return matched;
        };
        // A given name right before the surname first, then one with a middle name between.
        let given = |middle: bool| {
            namesakes
                .iter()
                .copied()
                .find(|&p| given_name_at(text, span, &self.people[p].name, middle))
        };
        if let Some(p) = given(false).or_else(|| given(true)) {
            named_last.retain(|&q| q != p);
            named_last.push(p);
            return p;
        }
        named_last
            .iter()
            .rev()
            .find(|p| namesakes.contains(p))
            .copied()
            .unwrap_or(matched)
    }
}

/// Whether the capitals of `acronym` are the initials of the capitalised words of `name`
/// ("SNA" of "Somali National Army"; not "IRGC" of "Iran").
fn initials_spell(acronym: &str, name: &str) -> bool {
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let capitals: String = acronym.chars().filter(|c| c.is_uppercase()).collect();
    !capitals.is_empty() && initials == capitals
}

/// An acronym the article expands itself ("The Somali National Army (SNA)", "SNA (Somali
/// National Army)") means what the article says: each use of it that the lexicon read as another
/// party's alias (the Syrian National Army's "SNA") is the expansion's party in this article. The
/// expansion is the mention right before or inside the brackets, and the acronym must spell its
/// initials; an expansion that names the same party, or brackets holding more than the one
/// word, change nothing. Both must be listed
/// parties (actor index below `listed`): a name no lexicon lists is as likely another spelling
/// of the listed one ("Islamic Revolution Guards Corps (IRGC)").
pub fn acronyms_defined_here(text: &str, mentions: &mut [Mention], listed: usize) {
    let bracketed = |a: &Mention, b: &Mention| {
        a.span.end <= b.span.start
            && text[a.span.end..b.span.start].trim() == "("
            && text[b.span.end..].trim_start().starts_with(')')
    };
    let mut defined: Vec<(String, usize, usize)> = Vec::new();
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.actor == b.actor || a.actor >= listed || b.actor >= listed || !bracketed(a, b) {
            continue;
        }
        let (a_text, b_text) = (a.span.slice(text), b.span.slice(text));
        // (acronym, the party it was read as, the party the article gives it)
        let def = match (
            crate::text::is_acronym(a_text),
            crate::text::is_acronym(b_text),
        ) {
            (false, true) if b.form == Form::Name && a.form == Form::Name => {
                (b_text, b.actor, a.actor)
            }
            (true, false) if a.form == Form::Name && b.form == Form::Name => {
                (a_text, a.actor, b.actor)
            }
            _ => continue,
        };
        let name = if def.2 == a.actor { a_text } else { b_text };
        if initials_spell(def.0, name) && !defined.iter().any(|d| d.0 == def.0) {
            defined.push((def.0.to_owned(), def.1, def.2));
        }
    }
    for m in mentions.iter_mut() {
        if let Some(d) = defined
            .iter()
            .find(|d| d.1 == m.actor && m.form == Form::Name && m.span.slice(text) == d.0)
        {
            m.actor = d.2;
        }
    }
}

/// Adds a mention for every third-person singular pronoun that can stand for a person named
/// before it: the first person named earlier in the same sentence, else (in a preposed adverbial,
/// "After reports about his lawyer, Mr. Trump ...") the subject of the main clause after it, else
/// the first person named in the most recent of the five sentences before that names one
/// (subjects come first in English, and a pronoun prefers the subject). A person the article
/// gives a gendered honorific ("Mr. Netanyahu", "Ms. Rice") or a gendered title ("spokeswoman")
/// is not the antecedent of a pronoun of the other gender; the lexicon records no gender, so a
/// person the article gives neither agrees with both. Quoted words are their speaker's: a
/// pronoun inside them is not the speaker named right before them in its sentence, and a
/// pronoun outside them is no person named inside them in its sentence, nor, when it tags
/// them ('"...," he said'), anywhere in them.
/// `lower` holds the tokens of `seg` in lower case. `no_party` holds the mentions of people
/// who are no party (titled people the text places in none, with [`NO_PARTY`] for actor): a
/// pronoun may stand for them ("Sen. Mark Warner spoke. ... he said" is not the listed person
/// named before him). Such a pronoun gets no mention; it is returned, with its antecedent, so
/// that a speaker "he" can be read as that person (see [`crate::analysis::voice::analyze`]).
pub fn pronouns(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &mut Vec<Mention>,
    no_party: &[Mention],
) -> Vec<Mention> {
    let extra = if no_party.is_empty() {
        pronoun_mentions(text, seg, lower, mentions)
    } else {
        let mut all: Vec<Mention> = mentions.iter().chain(no_party).cloned().collect();
        all.sort_by_key(|m| m.span.start);
        pronoun_mentions(text, seg, lower, &all)
    };
    let (of_no_party, extra): (Vec<_>, Vec<_>) =
        extra.into_iter().partition(|m| m.actor == NO_PARTY);
    if !extra.is_empty() {
        mentions.extend(extra);
        mentions.sort_by_key(|m| m.span.start);
    }
    of_no_party
}

/// The actor of a mention of a person who is no party (see [`pronouns`]).
pub const NO_PARTY: usize = usize::MAX;

/// The mentions [`pronouns`] adds, from the person mentions in `mentions` (sorted by start).
fn pronoun_mentions(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut extra = Vec::new();
    let genders = PersonGenders::of(text, seg, lower, mentions);
    for (si, s) in seg.sentences.iter().enumerate() {
        for ti in s.tokens.clone() {
            let t = seg.tokens[ti];
            if t.kind != TokenKind::Word || gender_of_pronoun(lower.get(ti)).is_none() {
                continue;
            }
            let upto = mentions.partition_point(|m| m.span.start < t.span.start);
            let pronoun = lower.get(ti);
            // A pronoun that tags a quotation ('"... The president must stop. ...," he said')
            // is none of the people named anywhere inside it.
            let tagged = tagged_quotation(seg, lower, ti);
            let outside = |m: &&Mention| tagged.as_ref().is_none_or(|q| !q.contains(&m.span.start));
            let person = |m: &&Mention| {
                matches!(m.form, Form::Person | Form::Title) && genders.agree(m, pronoun)
            };
            // Binding: quoted words are their speaker's, who says "I" in them. A pronoun inside
            // them is not the speaker named before them in its sentence ('Dempsey said: "...
            // she didn't"'), and one outside them (the speaker of a tag) is no person named
            // inside them ('"... the president," she said').
            let marks = |from: usize, to: usize| {
                (from..to)
                    .filter(|&k| lower.get(k).chars().all(crate::text::is_double))
                    .count()
            };
            // (Marks are counted from token `from`: the pronoun's sentence, or its paragraph.)
            let same_side_from = |m: &&Mention, from: usize| {
                let after = seg.tokens.partition_point(|k| k.span.start < m.span.end);
                if marks(after, ti) % 2 == 0 {
                    return true;
                }
                let at = seg.tokens.partition_point(|k| k.span.start < m.span.start);
                let m_inside = marks(from, at) % 2 == 1;
                // Outside, it is ruled out only as the speaker: the opening mark stands at most
                // four tokens on, with a verb of saying or a colon and no other person between
                // ('Asked about Erdogan, Putin said: "He ..."': he may be Erdogan).
                let Some(open) = (after..ti)
                    .take(5)
                    .find(|&k| lower.get(k).chars().all(crate::text::is_double))
                else {
                    return true;
                };
                let said = (after..open).any(|k| {
                    lower.get(k) == ":" || crate::analysis::words::is_cue_word(lower.get(k))
                });
                let other = mentions.iter().any(|o| {
                    matches!(o.form, Form::Person | Form::Title)
                        && o.span.start >= seg.tokens[after.min(open)].span.start
                        && o.span.end <= seg.tokens[open].span.start
                });
                m_inside || !said || other
            };
            let same_side = |m: &&Mention| same_side_from(m, s.tokens.start);
            // Before the pronoun's sentence, the speaker of the quotation it is in, named in its
            // paragraph ('Gillibrand tweeted: "Trump ordered ... Then he shut down ..."'), is
            // ruled out too.
            let para = seg.paragraph_at(t.span.start);
            let para_start = para.map_or(s.tokens.start, |p| {
                seg.tokens
                    .partition_point(|k| k.span.start < seg.paragraphs[p].span.start)
            });
            let not_its_speaker = |m: &&Mention| {
                seg.paragraph_at(m.span.start) != para || same_side_from(m, para_start)
            };
            // The first person named at or after byte `from`, before the pronoun.
            let first_from = |from: usize| {
                let lo = mentions.partition_point(|m| m.span.start < from);
                mentions[lo.min(upto)..upto]
                    .iter()
                    .find(|m| person(m) && outside(m) && not_its_speaker(m))
            };
            let in_sentence = {
                let lo = mentions.partition_point(|m| m.span.start < s.span.start);
                mentions[lo.min(upto)..upto]
                    .iter()
                    .find(|m| person(m) && same_side(m))
            };
            let antecedent = in_sentence
                .or_else(|| main_clause_subject(seg, lower, mentions, si, ti))
                .or_else(|| {
                    // (No person of the pronoun's own sentence is left: `in_sentence` took the
                    // first that binding allows.)
                    let last = mentions[..upto].iter().rev().find(|m| {
                        person(m) && outside(m) && not_its_speaker(m) && m.span.start < s.span.start
                    })?;
                    let ls = seg.sentence_at(last.span.start)?;
                    if si - ls > 5 {
                        return None;
                    }
                    first_from(seg.sentences[ls].span.start)
                });
            if let Some(a) = antecedent {
                extra.push(Mention {
                    span: t.span,
                    actor: a.actor,
                    form: Form::Pronoun,
                    person: a.person.clone(),
                    role: None,
                    compound: None,
                    near_miss_of: None,
                    // A title stands for the name it was read from ("the president" for
                    // "President Donald Trump").
                    antecedent: a
                        .antecedent
                        .clone()
                        .filter(|_| a.form == Form::Title)
                        .or_else(|| Some(a.span.slice(text).to_owned())),
                });
            }
        }
    }
    extra
}

/// The bytes of the quotation that the pronoun at token `ti` tags as its speaker: a closing
/// double mark right before it, or before a comma right before it ('"...," he said'), and the
/// mark before that in the paragraph, which opens it.
fn tagged_quotation(
    seg: &Segmented,
    lower: &LowerTokens,
    ti: usize,
) -> Option<std::ops::Range<usize>> {
    let is_mark = |k: usize| lower.get(k).chars().all(crate::text::is_double);
    let para = seg.paragraph_at(seg.tokens[ti].span.start)?;
    let first = seg
        .tokens
        .partition_point(|t| t.span.start < seg.paragraphs[para].span.start);
    let mut close = ti.checked_sub(1).filter(|&k| k >= first)?;
    if lower.get(close) == "," {
        close = close.checked_sub(1).filter(|&k| k >= first)?;
    }
    // The mark closes a quotation: it is the second, fourth ... mark of its paragraph.
    if !is_mark(close) || (first..close).filter(|&k| is_mark(k)).count() % 2 == 0 {
        return None;
    }
    let open = (first..close).rev().find(|&k| is_mark(k))?;
    Some(seg.tokens[open].span.start..seg.tokens[close].span.end)
}

/// A person's gender, as far as the article says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The gender of a third-person singular pronoun that stands for a person (he, his, she,
/// her ...); `None` for any other word.
fn gender_of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a word written right before a name, or opening it, gives a person.
fn gender_of_title(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "congressman" | "chairman"
        | "businessman" | "councilman" | "congressmen" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
        | "spokeswoman" | "congresswoman" | "chairwoman" | "businesswoman" | "councilwoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The genders the article gives its people (see [`pronouns`]), read once for an article.
pub struct PersonGenders<'m>(Vec<(usize, Option<&'m str>, Gender)>);

impl<'m> PersonGenders<'m> {
    pub fn of(text: &str, seg: &Segmented, lower: &LowerTokens, mentions: &'m [Mention]) -> Self {
        PersonGenders(genders(text, seg, lower, mentions))
    }

    /// Whether the person mention `m` can be the antecedent of the pronoun `pronoun` (lower
    /// case): false only when the article gives that person, by an honorific or a gendered
    /// title, the other gender than a gendered pronoun's ("she" is not "Mr. Trump").
    pub fn agree(&self, m: &Mention, pronoun: &str) -> bool {
        let Some(wanted) = gender_of_pronoun(pronoun) else {
            return true;
        };
        self.0
            .iter()
            .find(|(a, p, _)| *a == m.actor && *p == m.person.as_deref())
            .is_none_or(|g| g.2 == wanted)
    }
}

/// The people (actor, person) the article gives a gender, by an honorific or a gendered title
/// opening or right before one of their mentions; none for a person given both.
fn genders<'m>(
    text: &str,
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &'m [Mention],
) -> Vec<(usize, Option<&'m str>, Gender)> {
    let mut out: Vec<(usize, Option<&'m str>, Option<Gender>)> = Vec::new();
    for m in mentions.iter().filter(|m| m.form == Form::Person) {
        let first = m.span.slice(text).split_whitespace().next().unwrap_or("");
        let mut g = gender_of_title(&first.to_lowercase());
        if g.is_none() {
            let t = crate::text::token_range(seg, m.span).start;
            let start = seg
                .sentence_at(m.span.start)
                .map_or(0, |s| seg.sentences[s].tokens.start);
            // The title stands right before the name, or a dot away ("Mr" "." "Trump").
            let k = match t.checked_sub(1).filter(|&k| k >= start) {
                Some(k) if lower.get(k) == "." => k.checked_sub(1).filter(|&k| k >= start),
                k => k,
            };
            g = k.and_then(|k| gender_of_title(lower.get(k)));
        }
        let Some(g) = g else { continue };
        let key = (m.actor, m.person.as_deref());
        match out.iter_mut().find(|(a, p, _)| (*a, *p) == key) {
            Some(e) if e.2 != Some(g) => e.2 = None,
            Some(_) => {}
            None => out.push((key.0, key.1, Some(g))),
        }
    }
    out.into_iter()
        .filter_map(|(a, p, g)| Some((a, p, g?)))
        .collect()
}

/// Words that open a preposed adverbial clause or phrase ("After days of reports about his
/// lawyer, Mr. Trump ...").
static PREPOSED: WordSet = WordSet::new(&[
    "after",
    "before",
    "while",
    "when",
    "although",
    "though",
    "despite",
    "since",
    "because",
    "upon",
    "following",
    "during",
    "as",
    "if",
    "once",
    "unlike",
    "like",
]);

/// Backward anaphora: a pronoun in a preposed adverbial ("After days of reports about his
/// lawyer, Mr. Trump appeared ...") stands for the subject of the main clause after it, a person
/// named right after the comma that closes the adverbial.
fn main_clause_subject<'m>(
    seg: &Segmented,
    lower: &LowerTokens,
    mentions: &'m [Mention],
    si: usize,
    ti: usize,
) -> Option<&'m Mention> {
    let s = &seg.sentences[si];
    let first = (s.tokens.start..ti).find(|&k| seg.tokens[k].kind == TokenKind::Word)?;
    if !PREPOSED.contains(lower.get(first)) {
        return None;
    }
    let comma = (ti + 1..s.tokens.end).find(|&k| lower.get(k) == ",")?;
    let next = comma + 1;
    let at = seg.tokens.get(next)?.span.start;
    // The subject may open with a title ("Mr. Trump"): the person's mention starts within two
    // tokens of the comma.
    let limit = seg.tokens.get((next + 2).min(s.tokens.end - 1))?.span.start;
    mentions
        .iter()
        .find(|m| m.form == Form::Person && m.span.start >= at && m.span.start <= limit)
}

/// A bare surname followed by another capitalised word is a first name ("Abbas Araghchi"), and
/// one followed by a name particle and a capitalised word is part of another name ("Faraj
/// al-Mabrouk", "Salman bin Hamad").
fn followed_by_name(text: &str, span: Span) -> bool {
    let rest = &text[span.end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return false;
    }
    if trimmed.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    // Particles and a capitalised word go on with the name: "Faraj al-Mabrouk", "Mohammed bin
    // Salman", "de la Cruz".
    let mut rest = trimmed;
    let mut particles = 0;
    loop {
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if !crate::text::NAME_PARTICLES.contains(word) {
            return particles > 0 && word.chars().next().is_some_and(char::is_uppercase);
        }
        let Some(next) = after.strip_prefix(['-', ' ', '\u{a0}']) else {
            return false;
        };
        particles += 1;
        rest = next;
    }
}

/// Whether one of the given names of `full` ("Hillary Clinton") is written right before the
/// surname at `span`, directly or with one middle name or initial between ("Hillary Rodham
/// Clinton", "Hillary R. Clinton").
fn given_name_before(text: &str, span: Span, full: &str) -> bool {
    given_name_at(text, span, full, true)
}

/// [`given_name_before`], with a middle name between allowed only when `middle`. A particle
/// ("bin", "Al") or a word in lower case is no given name.
fn given_name_at(text: &str, span: Span, full: &str, middle: bool) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    let Some((_, words)) = words.split_last() else {
        return false;
    };
    let given: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::text::NAME_PARTICLES.contains(w.to_lowercase().as_str())
        })
        .collect();
    let line = text[..span.start].rsplit('\n').next().unwrap_or_default();
    let before: Vec<&str> = line
        .rsplit([' ', '\u{a0}'])
        .skip(1) // the gap right before the surname
        .take(2)
        .collect();
    let is_given = |w: &&str| given.contains(w);
    match before.as_slice() {
        [w, ..] if is_given(w) => true,
        [between, w] if middle => {
            between.chars().next().is_some_and(char::is_uppercase)
                && between
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-')
                && is_given(w)
        }
        _ => false,
    }
}

/// A bare surname right after a capitalised word in mid-sentence is the end of another name
/// ("Hunter Biden" is not Joe Biden; "City Hall" is not Carnegie Hall), unless that word is a
/// compound adjective ending in a lower-case part ("the Hindutva-driven Modi regime"), a
/// title ("Foreign Minister Dar", "Mr. Dar", "Gen. Munir") or one of the given names the lexicon
/// lists for the person (`full`). At the start of a sentence the capital marks the sentence
/// ("But Dar said"), except in a dateline: a paragraph opening with the pair and a bracket or a
/// comma ("Bahir Dar (ENA) -" is a city, not Ishaq Dar). A person the lexicon lists by one word
/// may be written with a given name it does not know ("Vladimir Putin"). What it does not do:
/// tell an epithet or a nickname ("Tsar Putin", "Vlad Putin") from another person's first name.
fn preceded_by_name(text: &str, span: Span, full: Option<&str>) -> bool {
    let given: Vec<&str> = full
        .map(|f| f.split_whitespace().collect::<Vec<_>>())
        .unwrap_or_default();
    if given.len() < 2 {
        return false;
    }
    let before = &text[..span.start];
    let Some(gap) = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))
    else {
        return false;
    };
    let word_start = gap
        .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '.'))
        .map_or(0, |i| i + gap[i..].chars().next().map_or(1, char::len_utf8));
    let word = &gap[word_start..];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = word.trim_end_matches('.').to_lowercase();
    // A compound adjective ending in a lower-case part is no given name: "the Hindutva-driven
    // Modi regime", "the Kremlin-backed Kadyrov".
    let compound_adjective = word
        .rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase));
    if compound_adjective
        || crate::analysis::unlisted::is_title_word(&lower)
        || crate::analysis::heads::is_role_or_honorific(&lower)
        || given.iter().any(|g| g.eq_ignore_ascii_case(word))
        // "... Putin. Boot wrote": a full stop that is no title's ends a sentence.
        || word.ends_with('.')
        // A middle name after a given name: "Hillary Rodham Clinton".
        || full.is_some_and(|f| given_name_before(text, span, f))
    {
        return false;
    }
    let opens = gap[..word_start]
        .trim_end_matches([' ', '\u{a0}', '"', '“', '\'', '‘'])
        .chars()
        .next_back();
    match opens {
        // A paragraph that opens with the pair and a bracket or a comma is a dateline: "Bahir
        // Dar (ENA) -", "Bahir Dar, Ethiopia -".
        None | Some('\n') => text[span.end..].trim_start().starts_with(['(', ',']),
        // A capital after a sentence's end marks the sentence ("How Putin lost", "But Dar").
        Some('.' | '!' | '?' | ':') => false,
        Some(_) => true,
    }
}

/// "U.S.-backed": the role the suffix after a hyphen gives the actor, and the compound's span.
fn compound_role(text: &str, span: Span) -> (Option<Role>, Option<Span>) {
    let rest = &text[span.end..];
    let Some(after) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2010}'))
        .or_else(|| rest.strip_prefix('\u{2011}'))
    else {
        return (None, None);
    };
    let word_len = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    let word = after[..word_len].to_lowercase();
    for (suffix, role) in COMPOUND_ROLES {
        if word == *suffix {
            let hyphen = rest.len() - after.len();
            return (
                Some(*role),
                Some(Span::new(span.start, span.end + hyphen + word_len)),
            );
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near() -> NearMiss {
        let mut n = NearMiss::default();
        for (i, s) in ["Blinken", "Araghchi", "Nebenzya", "Erdogan", "Netanyahu"]
            .iter()
            .enumerate()
        {
            n.add(s, i);
        }
        n
    }

    #[test]
    fn surnames_are_never_titles() {
        assert_eq!(surname("Bashar al-Assad"), Some("Assad"));
        assert_eq!(surname("Moon Jae-in"), Some("Jae-in"));
        assert_eq!(surname("South Korean President"), None);
        assert_eq!(surname("Foreign Minister"), None);
        assert_eq!(surname("Erdogan"), None);
    }

    /// Checks, for each row (text after a headline, whether it names the actor), whether the
    /// article with the lexicon `yaml` has a mention of `actor`.
    fn check_named(yaml: &str, actor: &str, rows: &[(&str, bool)]) {
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = crate::Analyzer::new(lex).unwrap();
        for (text, named) in rows {
            let a = an.analyze("t", &format!("Headline\n{text}"));
            let found = a.mentions.iter().any(|m| m.actor == actor);
            assert_eq!(found, *named, "{text}");
        }
    }

    #[test]
    fn a_shared_surname_names_the_namesake_last_named_in_full() {
        let yaml = "actors:
  - id: asa
    name: Governor's office
    type: organization
    people: [{name: Asa Hutchinson}]
  - id: seth
    name: Seth's campaign
    type: organization
    people: [{name: Seth Hutchinson}]
  - id: hillary
    name: Hillary's campaign
    type: organization
    people: [{name: Hillary Clinton}]
";
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = crate::Analyzer::new(lex).unwrap();
        // (text, the actor of each mention in order). Before either namesake is named in full
        // the surname is the first listed; after, the one last named in full; a given name,
        // with or without a middle name or initial, names that namesake (in full). A surname
        // only one person has is untouched.
        let rows: &[(&str, &[&str])] = &[
            ("Hutchinson spoke.", &["asa"]),
            ("Seth Hutchinson spoke. Hutchinson left.", &["seth", "seth"]),
            (
                "Asa Hutchinson met Seth Hutchinson. Later Mr. Hutchinson left.",
                &["asa", "seth", "seth"],
            ),
            (
                "Seth Hutchinson met Asa Hutchinson.\n\nHutchinson left.",
                &["seth", "asa", "asa"],
            ),
            (
                "Officials met Seth R. Hutchinson. Hutchinson left.",
                &["seth", "seth"],
            ),
            (
                "Officials met Seth Lee Hutchinson. Hutchinson left.",
                &["seth", "seth"],
            ),
            ("Officials met Bob Lee Hutchinson on Monday.", &[]),
            (
                "Hillary Rodham Clinton spoke. Mrs. Clinton left.",
                &["hillary", "hillary"],
            ),
        ];
        for (text, want) in rows {
            let a = an.analyze("t", &format!("Headline\n{text}"));
            let got: Vec<&str> = a.mentions.iter().map(|m| m.actor.as_str()).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn a_state_name_before_a_number_names_something_else() {
        let yaml = "actors:
  - id: france
    name: France
    type: state
";
        // (text, whether it names France)
        let rows: &[(&str, bool)] = &[
            ("The junta suspended France 24 in 2023.", false),
            ("It was shown on France 24.", false),
            ("Qatar and France 2030 plans differ.", false),
            ("France 24's reporter left.", false),
            ("France said 24 people died.", true),
            ("In France 2,000 people marched.", true),
            ("France 3rd in the table.", true),
            ("It suspended France in 2023.", true),
            ("France, 24 hours later, left.", true),
            ("In France 24 people died.", true),
            ("He arrived in France 24 hours later.", true),
            ("Unions in France 24-hour strikes.", true),
            ("It was shown on France\u{a0}24.", false),
            ("France 24 reported the attack.", false),
        ];
        check_named(yaml, "france", rows);
    }

    #[test]
    fn a_near_miss_is_no_first_name() {
        let yaml = "actors:
  - id: romney
    name: Mitt Romney
    type: organization
    people: [{name: Mitt Romney}]
";
        // (text, whether it names Mitt Romney: "Romeny" is his name misspelt, "Rodney" before
        // another capitalised word is someone's first name. Only the next word is read: a
        // "Rodney" alone is still taken for the surname misspelt.)
        let rows: &[(&str, bool)] = &[
            ("Officials met Romeny on Monday.", true),
            ("Illinois Rep. Rodney Davis wrote an op-ed.", false),
            ("Officials met Rodney Davis on Monday.", false),
        ];
        check_named(yaml, "romney", rows);
    }

    #[test]
    fn a_surname_is_no_mention_when_the_name_goes_on() {
        let yaml = "actors:
  - id: pa
    name: Palestinian Authority
    type: state
    people: [{name: Majed Faraj}]
";
        // (text, whether it names Majed Faraj: a bare surname that goes on into another name
        // does not; the full name does, whatever follows)
        let rows: &[(&str, bool)] = &[
            ("Faraj said the talks went well.", true),
            ("Officials met Faraj on Monday.", true),
            ("Faraj al-Mabrouk said the army was ready.", false),
            ("Faraj el-Sayed said the army was ready.", false),
            ("Faraj bin Hamad said the army was ready.", false),
            ("Faraj Hassan said the army was ready.", false),
            ("Faraj de la Cruz said so.", false),
            ("Faraj de facto said so.", true),
            ("Majed Faraj al-Mabrouk met him.", true),
            ("Faraj al said so.", true),
            // A capitalised word in mid-sentence before the surname opens another name; a title
            // or the person's own given name does not, nor a capital that opens a sentence.
            ("Officials met Ahmed Faraj on Monday.", false),
            ("Officials met Minister Faraj on Monday.", true),
            ("Officials met Mr. Faraj on Monday.", true),
            ("Officials met Majed Faraj on Monday.", true),
            ("They met. But Faraj said the talks went well.", true),
            ("The talks ended. Faraj said so.", true),
            // A compound adjective ending in a lower-case part is no given name; a hyphenated
            // given name is.
            ("They said the Hindutva-driven Faraj regime fell.", true),
            ("They said the Kremlin-backed Faraj spoke.", true),
            ("Officials met Abdel-Karim Faraj on Monday.", false),
        ];
        check_named(yaml, "pa", rows);
    }

    #[test]
    fn a_dateline_place_is_no_surname() {
        let yaml = "actors:
  - id: pk
    name: Pakistan
    type: state
    people: [{name: Ishaq Dar}]
";
        // (text after the headline, whether it names Ishaq Dar)
        let rows: &[(&str, bool)] = &[
            ("Bahir Dar (ENA) - The army said the town was calm.", false),
            (
                "Bahir Dar, Ethiopia - The army said the town was calm.",
                false,
            ),
            ("Dar (APP) - The minister said the talks went well.", true),
            ("Islamabad (APP) - Dar said the talks went well.", true),
            ("Deputy Prime Minister Dar said the talks went well.", true),
        ];
        check_named(yaml, "pk", rows);
    }

    #[test]
    fn a_state_named_in_a_lake_sea_or_mountain_is_a_place() {
        let yaml = "actors:
  - {id: td, name: Chad, type: state}
";
        let rows: &[(&str, bool)] = &[
            ("Jets struck hideouts around the Lake Chad islands.", false),
            ("Chad's army struck hideouts near the lake.", true),
            ("Troops from Chad joined the mission.", true),
        ];
        check_named(yaml, "td", rows);
        let yaml = "actors:
  - {id: gn, name: Guinea, type: state}
";
        let rows: &[(&str, bool)] = &[
            ("Pirates seized a tanker in the Gulf of Guinea.", false),
            ("Guinea's junta seized a tanker.", true),
        ];
        check_named(yaml, "gn", rows);
    }

    #[test]
    fn an_acronym_the_article_expands_means_what_it_says() {
        let yaml = "actors:
  - {id: sna, name: Syrian National Army, type: armed_group, aliases: [SNA]}
  - {id: so, name: Somalia, type: state, aliases: [Somali National Army]}
";
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = crate::Analyzer::new(lex).unwrap();
        // (text, the actor of every "SNA" in it)
        let rows: &[(&str, &str)] = &[
            (
                "The Somali National Army (SNA) advanced. SNA troops held the town.",
                "so",
            ),
            (
                "SNA (Somali National Army) advanced. SNA troops held it.",
                "so",
            ),
            // The same party, or no expansion: the lexicon's reading.
            (
                "The Syrian National Army (SNA) advanced. SNA troops held it.",
                "sna",
            ),
            ("Turkey-backed SNA fighters advanced.", "sna"),
            // Letters that do not spell the name's initials: an aside, not an expansion.
            (
                "Fighters of Somalia (SNA) advanced. SNA troops held it.",
                "sna",
            ),
            // More than the acronym in the brackets.
            (
                "The Somali National Army (SNA, its new name) advanced. SNA troops held it.",
                "sna",
            ),
        ];
        for &(text, want) in rows {
            let a = an.analyze("t", &format!("Headline\n{text}"));
            let got: Vec<&str> = a
                .mentions
                .iter()
                .filter(|m| m.text == "SNA")
                .map(|m| m.actor.as_str())
                .collect();
            assert!(
                !got.is_empty() && got.iter().all(|g| *g == want),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn regional_demonyms_are_not_the_states() {
        let yaml = "actors:
  - {id: us, name: United States, type: state}
  - {id: sd, name: Sudan, type: state}
  - {id: ssd, name: South Sudan, type: state}
";
        // (text, the adjective mentions found, with their actors)
        let rows: &[(&str, &[(&str, &str)])] = &[
            ("American officials met.", &[("American", "us")]),
            ("Central American migrants walked.", &[]),
            (
                "Latin American and American leaders met.",
                &[("American", "us")],
            ),
            ("Latin-American leaders met.", &[]),
            (
                "South Sudanese and Sudanese troops clashed.",
                &[("South Sudanese", "ssd"), ("Sudanese", "sd")],
            ),
            ("Both Sudanese sides agreed.", &[("Sudanese", "sd")]),
            ("Southern Sudanese villages burned.", &[]),
        ];
        check_forms(yaml, Form::Adjective, rows);
    }

    #[test]
    fn a_states_people_are_named_by_its_plural_demonym() {
        let yaml = "actors:
  - {id: us, name: United States, type: state}
  - {id: ir, name: Iran, type: state, adjectives: [Iranian]}
  - {id: il, name: Israel, type: state}
  - {id: cn, name: China, type: state}
  - {id: ps, name: Palestinians, type: population, adjectives: [Palestinian]}
  - {id: ng, name: Niger, type: state}
  - {id: na, name: Nigeria, type: state}
";
        // (text, the people mentions found, with their actors)
        let rows: &[(&str, &[(&str, &str)])] = &[
            // Listed and derived adjectives in "-an" and "-i" make the plural.
            (
                "Iranians and Israelis marched.",
                &[("Iranians", "ir"), ("Israelis", "il")],
            ),
            ("Americans voted.", &[("Americans", "us")]),
            // A form an actor lists is that actor's name, not a people noun.
            ("Palestinians marched.", &[]),
            // No plural of "Chinese"; "Central Americans" are not the US's.
            ("The Chinese and Central Americans met.", &[]),
            // An ethnic group of a state's people, written apart.
            ("African Americans voted.", &[]),
            // Niger's people are "Nigeriens" (an irregular adjective), Nigeria's "Nigerians".
            (
                "Nigerians and Nigeriens voted.",
                &[("Nigerians", "na"), ("Nigeriens", "ng")],
            ),
        ];
        check_forms(yaml, Form::People, rows);
    }

    /// With the actors of `yaml`, each row's text (after a headline) gives the mentions of
    /// `form` listed, with their actors.
    fn check_forms(yaml: &str, form: Form, rows: &[(&str, &[(&str, &str)])]) {
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = crate::Analyzer::new(lex).unwrap();
        for &(text, want) in rows {
            let a = an.analyze("t", &format!("Headline\n{text}"));
            let got: Vec<(&str, &str)> = a
                .mentions
                .iter()
                .filter(|m| m.form == form)
                .map(|m| (m.text.as_str(), m.actor.as_str()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn demonyms_of_state_names() {
        let rows: &[(&str, &[&str])] = &[
            ("Korea", &["Korean"]),
            ("North Korea", &["North Korean"]),
            ("Mexico", &["Mexican"]),
            ("Italy", &["Italian"]),
            ("Ukraine", &["Ukrainian"]),
            ("Japan", &["Japanese", "Japanian", "Japani"]),
            ("Iraq", &["Iraqian", "Iraqi"]),
            ("Israel", &["Israelian", "Israeli"]),
            // Too short, not a proper name, or too long to be a state's name.
            ("Chad", &["Chadian", "Chadi"]),
            ("Mali", &["Malian"]),
            // Irregular ones, from the table.
            ("United States", &["American"]),
            ("Germany", &["German"]),
            ("Myanmar", &["Burmese"]),
            ("UAE", &[]),
            ("the Koreas", &[]),
            ("U.S.", &[]),
            ("Democratic Republic of the Congo", &[]),
        ];
        for &(name, want) in rows {
            assert_eq!(demonyms(name), want, "{name:?}");
        }
    }

    #[test]
    fn derived_adjectives_match_and_clashes_are_dropped() {
        let yaml = "actors:
  - {id: kor, name: South Korea, type: state}
  - {id: niger, name: Niger, type: state}
  - {id: nigeria, name: Nigeria, type: state}
  - {id: fr, name: France, type: state, adjectives: [French]}
  - {id: de, name: Germany, type: state}
  - {id: dprk, name: North Korea, type: state, aliases: [Korea]}
  - {id: rok, name: Republic of Korea, type: state, aliases: [Korea]}
";
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let derived = derived_adjectives(&lex);
        let forms: Vec<&str> = derived.iter().map(|(_, f)| f.as_str()).collect();
        assert!(forms.contains(&"South Korean"), "{forms:?}");
        // Irregular forms come from the table: Niger's is "Nigerien", so "Nigerian" is
        // Nigeria's alone; Germany's is "German", never "Germanian".
        let of = |f: &str| {
            derived
                .iter()
                .filter(|(_, d)| d == f)
                .map(|(a, _)| lex.actors[*a].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(of("Nigerian"), ["nigeria"]);
        assert_eq!(of("Nigerien"), ["niger"]);
        assert_eq!(of("German"), ["de"]);
        assert!(of("Germanian").is_empty(), "{forms:?}");
        // "Korean" would be both North Korea's and the Republic of Korea's: neither's.
        assert!(of("Korean").is_empty(), "{forms:?}");
        assert_eq!(of("North Korean"), ["dprk"]);
        // A state that lists its adjectives gets none derived.
        assert!(
            derived.iter().all(|(a, _)| lex.actors[*a].id != "fr"),
            "{derived:?}"
        );
        let an = crate::Analyzer::new(lex).unwrap();
        let a = an.analyze("t", "Headline\nSouth Korean officials met on Monday.");
        let m = a
            .mentions
            .iter()
            .find(|m| m.text == "South Korean")
            .expect("a mention");
        assert_eq!((m.actor.as_str(), m.form), ("kor", Form::Adjective));
    }

    #[test]
    fn a_person_is_named_with_a_capital() {
        let yaml = "lexicon: t
actors:
  - id: israel
    name: Israel
    type: state
    people:
      - name: Yoav Gallant
";
        let lex = crate::LexiconBuilder::new()
            .text("t.yaml", yaml)
            .build()
            .unwrap();
        let an = crate::Analyzer::new(lex).unwrap();
        let texts: Vec<String> = an
            .analyze(
                "t",
                "Headline\nThe gallant troops held. Gallant said so. GALLANT left.",
            )
            .mentions
            .iter()
            .map(|m| m.text.clone())
            .collect();
        assert_eq!(texts, ["Gallant", "GALLANT"]);
    }

    #[test]
    fn near_misses_resolve() {
        let n = near();
        assert_eq!(n.resolve("Blinekn"), Some(0));
        assert_eq!(n.resolve("Araqchi"), Some(1));
        assert_eq!(n.resolve("Nebenzia"), Some(2));
        assert_eq!(n.resolve("Erdogen"), Some(3));
        assert_eq!(n.resolve("Netanyhu"), Some(4));
    }

    #[test]
    fn ordinary_words_are_not_false_actors() {
        let n = near();
        for w in [
            "Blinking",
            "Blanket",
            "Arabic",
            "Arabia",
            "Nebraska",
            "Eroding",
            "Erdem",
            "Nathan",
            "Netherlands",
            "Bunker",
            "Ankara",
            "Brazil",
            "Blink",
            "Analyst",
            "Erdogan",
        ] {
            assert_eq!(n.resolve(w), None, "{w} must not resolve");
        }
    }

    #[test]
    fn compound_roles() {
        let t = "the U.S.-backed and HTS-led groups, Turkish-held areas, U.S. forces";
        let role = |w: &str, nth: usize| {
            let s = t.match_indices(w).nth(nth).unwrap().0;
            compound_role(t, Span::new(s, s + w.len()))
        };
        assert_eq!(role("U.S.", 0).0, Some(Role::Backer));
        assert_eq!(role("U.S.", 0).1.unwrap().slice(t), "U.S.-backed");
        assert_eq!(role("HTS", 0).0, Some(Role::Leader));
        assert_eq!(role("Turkish", 0).0, Some(Role::Controller));
        assert_eq!(role("U.S.", 1).0, None);
        // Occupiers and administrators control a place, as holders do.
        let t = "Pakistan-occupied Kashmir, Indian-administered Kashmir, Hamas-ruled Gaza";
        for (w, compound) in [
            ("Pakistan", "Pakistan-occupied"),
            ("Indian", "Indian-administered"),
            ("Hamas", "Hamas-ruled"),
        ] {
            let s = t.find(w).unwrap();
            let (r, span) = compound_role(t, Span::new(s, s + w.len()));
            assert_eq!(r, Some(Role::Controller), "{w}");
            assert_eq!(span.unwrap().slice(t), compound);
        }
    }
}
