//! Unit tests of the attribution rules: a table per rule, with the cases where it must fire and
//! those where it must not, and the order of the table.

use std::sync::OnceLock;

use super::{LinkRule, RULES};
use crate::analysis::Analyzer;
use crate::lexicon::Lexicon;

use LinkRule::*;

fn analyzer() -> &'static Analyzer {
    static AN: OnceLock<Analyzer> = OnceLock::new();
    AN.get_or_init(|| {
        Analyzer::new(Lexicon::bundled().expect("bundled lexicons load")).expect("compile")
    })
}

/// (sentence, term as written, the rule that links it, the actor ids it gets). The term is
/// the first hit with that text.
type Row = (
    &'static str,
    &'static str,
    LinkRule,
    &'static [&'static str],
);

/// Analyses each row's sentence and compares the term's link. `fires` rows must be linked by
/// `rule`; `not` rows must be linked by some other rule (or none), which the row pins.
fn check(rule: LinkRule, fires: &[Row], not: &[Row]) {
    check_hit(rule, fires, not, false);
}

/// As [`check`], with the term's last hit rather than its first when `last`.
fn check_hit(rule: LinkRule, fires: &[Row], not: &[Row], last: bool) {
    let mut failures = Vec::new();
    let rows = fires
        .iter()
        .map(|r| (true, r))
        .chain(not.iter().map(|r| (false, r)));
    for (fire, &(sentence, term, want_rule, want_actors)) in rows {
        assert_eq!(
            fire,
            want_rule == rule,
            "row {sentence:?}: a fire row must expect {rule:?}, a not-fire row another rule"
        );
        let a = analyzer().analyze("test", &format!("Headline\n{sentence}"));
        let found = if last {
            a.hits.iter().rev().find(|h| h.text == term)
        } else {
            a.hits.iter().find(|h| h.text == term)
        };
        let Some(h) = found else {
            failures.push(format!(
                "{sentence:?}: no hit {term:?} (hits {:?})",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let got: Vec<&str> = h.actor_ids();
        if h.link != want_rule || got != want_actors {
            failures.push(format!(
                "{sentence:?}: {term:?} got {got:?} by {} ({}), want {want_actors:?} by {}",
                h.link.as_str(),
                h.link_detail,
                want_rule.as_str()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn module_doc_lists_the_rules_in_table_order() {
    // The numbered items of the module doc: "//! 4. `designation`: ...".
    let listed: Vec<&str> = include_str!("mod.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("//! "))
        .filter_map(|l| {
            let (n, rest) = l.split_once(". `")?;
            n.parse::<usize>().ok()?;
            rest.split_once('`').map(|(name, _)| name)
        })
        .collect();
    let mut code: Vec<&str> = RULES.iter().map(|(r, _)| r.as_str()).collect();
    code.extend([
        Reciprocal.as_str(),
        HeadMatch.as_str(),
        SameDescription.as_str(),
        CarriedOver.as_str(),
        Salience.as_str(),
        UnnamedParty.as_str(),
    ]);
    assert_eq!(listed, code);
}

const OBJECT_COMPLEMENT: &[Row] = &[
    // The passive's subject is the anchor of an apposition, not the party inside it.
    (
        "Hezbollah, the main ally of Hamas in Lebanon, was branded a terrorist group by \
             Washington.",
        "terrorist group",
        ObjectComplement,
        &["hezbollah"],
    ),
    (
        "Hamas calls Israel an occupation regime.",
        "occupation regime",
        ObjectComplement,
        &["israel"],
    ),
    (
        "The PKK was labelled a terrorist organization by Turkey.",
        "terrorist organization",
        ObjectComplement,
        &["pkk"],
    ),
    (
        "Ankara has long described the YPG as terrorists.",
        "terrorists",
        ObjectComplement,
        &["ypg"],
    ),
    // An apposition between the object and the name, and "to be" before it.
    (
        "Ankara describes the YPG, which holds Kobani, as terrorists.",
        "terrorists",
        ObjectComplement,
        &["ypg"],
    ),
    (
        "Erdogan called the SDF, the US-backed force in the northeast, a terrorist group.",
        "terrorist group",
        ObjectComplement,
        &["sdf"],
    ),
    // "whom/which X calls Y": the relative pronoun is the object; it stands for the phrase
    // before it.
    (
        "The Houthis, whom Saudi Arabia has long called an Iranian proxy, deny it.",
        "proxy",
        ObjectComplement,
        &["houthis"],
    ),
];
const NOT_OBJECT_COMPLEMENT: &[Row] = &[
    // No naming verb: the clause rules decide.
    (
        "Hamas fought Israeli occupation forces.",
        "occupation forces",
        SamePhrase,
        &["israel"],
    ),
    // "What X called Y": the name is of something the text does not name, and a
    // dysphemism in Abbas's words is not his act.
    (
        "Abbas condemned what he called a massacre.",
        "massacre",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

/// A lead that ties "militia" to the SDF, a paragraph about others, then `$last`.
macro_rules! militia_story {
    ($last:literal) => {
        concat!(
            "The SDF, a Kurdish-led militia, held the town of Manbij for years. Turkey \
                 shelled the town on Monday. Russia called for calm.\n\nHezbollah said on \
                 Tuesday that Israel had struck its positions. The Israeli army said it hit \
                 weapons depots. ",
            $last
        )
    };
}

const SAME_DESCRIPTION: &[Row] = &[
    // Tied by its own phrase in the lead, the description keeps its party paragraphs later.
    (
        militia_story!("Residents said the militia had left Manbij."),
        "militia",
        SameDescription,
        &["sdf"],
    ),
    // A definite description whose bare head the article uses for one party alone.
    (
        militia_story!("Residents said the terrorist militia had left Manbij."),
        "terrorist militia",
        SameDescription,
        &["sdf"],
    ),
    // A definite description says more than the party nearest it.
    (
        militia_story!("Russian jets struck the militia near Manbij."),
        "militia",
        SameDescription,
        &["sdf"],
    ),
    // The members of a group the article ties: "the rebels" of "a rebel alliance".
    (
        "The SDF, a rebel alliance, held the town of Manbij for years. Turkey shelled the \
             town on Monday.\n\nResidents said the rebels had left Manbij.",
        "rebels",
        SameDescription,
        &["sdf"],
    ),
];
/// A row of a salience reordering test: (last sentences, term, actor id, whether the rule
/// moved that party first).
type MovedRow = (&'static str, &'static str, &'static str, bool);

/// Analyses `headline`, `story` and each row's last sentences, and checks that the row's term
/// (its last hit when `last`) is linked by salience to the row's actor, with a detail that
/// holds `moved_by` exactly when the row says the rule moved it.
fn check_moved(headline: &str, story: &str, rows: &[MovedRow], moved_by: &str, last: bool) {
    for &(end, term, want, moved) in rows {
        let text = format!("{headline}\n{story}{end}");
        let a = analyzer().analyze("test", &text);
        let found = if last {
            a.hits.iter().rev().find(|h| h.text == term)
        } else {
            a.hits.iter().find(|h| h.text == term)
        };
        let h = found.expect(term);
        assert_eq!(h.link, Salience, "{end}");
        assert_eq!(h.actor_ids(), [want], "{end}: {}", h.link_detail);
        assert_eq!(
            h.link_detail.contains(moved_by),
            moved,
            "{end}: {}",
            h.link_detail
        );
    }
}

#[test]
fn a_head_that_names_fighters_is_an_armed_group_before_a_movement() {
    const STORY: &str = "The People's Defence Force took the town. The National Unity \
                             Government said on Monday that it was proud. ";
    // (last sentence, term, actor, whether the head moved the armed group first)
    let rows: &[MovedRow] = &[
        (
            "The resistance groups later withdrew.",
            "resistance groups",
            "pdf",
            true,
        ),
        (
            "The resistance forces later withdrew.",
            "resistance forces",
            "pdf",
            true,
        ),
        // A head that names no fighters keeps the most salient party.
        (
            "The resistance movement later withdrew.",
            "resistance movement",
            "nug",
            false,
        ),
    ];
    check_moved("Headline", STORY, rows, "a head that names fighters", false);
}

/// A state's adjective on a label the state cannot be puts first a party the lexicon makes
/// the state's own (its proxy), though another is more salient; with no adjective, or one
/// whose state has no party in focus, salience decides as usual.
#[test]
fn a_states_adjective_points_to_its_own_party() {
    const STORY: &str = "JNIM fighters attacked an army post. JNIM said it killed ten \
                             soldiers. The Wagner Group has been in Mali since 2021. ";
    // (last sentence, term, actor id, whether the state's party was moved first)
    let rows: &[MovedRow] = &[
        (
            "Witnesses said Russian mercenaries killed 40 civilians.",
            "mercenaries",
            "wagner",
            true,
        ),
        (
            "Witnesses said mercenaries killed 40 civilians.",
            "mercenaries",
            "jnim",
            false,
        ),
        (
            "Witnesses said Chadian mercenaries killed 40 civilians.",
            "mercenaries",
            "jnim",
            false,
        ),
    ];
    let moved_by = "by its adjective, and the lexicon makes";
    check_moved("Mali army battles jihadists", STORY, rows, moved_by, true);
}

/// Forces named without saying whose, in a state's own words, are that state's though
/// another party is more salient; in a non-state speaker's words, or for a delegitimising
/// label, salience decides as usual.
#[test]
fn a_states_unqualified_forces_are_its_own() {
    const STORY: &str = "India denied the charge. India called the claim baseless. New \
                             Delhi said India would respond. ";
    // (last sentences, term, actor id, whether the speaker's state was moved first)
    let rows: &[MovedRow] = &[
        (
            "The ISPR issued a statement. \"Security forces killed six militants,\" it said.",
            "Security forces",
            "pakistan",
            true,
        ),
        (
            "The TTP issued a statement. \"Security forces killed six of our men,\" it said.",
            "Security forces",
            "india",
            false,
        ),
        (
            "The ISPR issued a statement. \"Occupation forces killed six civilians,\" it said.",
            "Occupation forces",
            "india",
            false,
        ),
    ];
    let headline = "Pakistan accuses India of backing militants";
    check_moved(
        headline,
        STORY,
        rows,
        "in the words of a state, are its own",
        false,
    );
}

const NOT_SAME_DESCRIPTION: &[Row] = &[
    // An indefinite phrase introduces someone new.
    (
        militia_story!("Residents said a militia had left Manbij."),
        "militia",
        Salience,
        &["sdf"],
    ),
    // A phrase that names its own party is not the description tied elsewhere (and a state's
    // possessive before a group noun says where the group is, not whose it is).
    (
        militia_story!("Russia's militia struck Manbij."),
        "militia",
        Salience,
        &["sdf"],
    ),
    (
        militia_story!("Russia said its militia struck Manbij."),
        "militia",
        Salience,
        &["sdf"],
    ),
    // The article calls two parties a rebel alliance: "the rebels" are neither by that.
    (
        "The SDF, a rebel alliance, held the town of Manbij for years. Hezbollah is also a \
             rebel coalition. Turkey shelled the town.\n\nResidents said the rebels had left \
             Manbij.",
        "rebels",
        Salience,
        &["hezbollah"],
    ),
    // The article ties the description to two parties: it means neither by itself.
    (
        "The SDF, a Kurdish-led militia, held the town of Manbij for years. Hezbollah is \
             also a militia. Turkey shelled the town on Monday. Russia called for calm.\n\n\
             Residents said the militia had left Manbij.",
        "militia",
        Salience,
        &["sdf"],
    ),
];

/// The object of an opposing word is not a party named before it in its clause, even
/// across a parenthetical between dashes, for a label and an act alike.
const OPPOSED: &[Row] = &[
    // An act answered in kind is the other side's, not the answering subject's.
    (
        "Lashkar-e-Taiba gunmen struck Pahalgam. India hit camps in Pakistan in response to \
             the terror attack.",
        "terror attack",
        Salience,
        &["lashkar-e-taiba"],
    ),
    (
        "Lashkar-e-Taiba gunmen struck Pahalgam. India hit camps in Pakistan in retaliation \
             for the terror attack.",
        "terror attack",
        Salience,
        &["lashkar-e-taiba"],
    ),
    (
        "JNIM fighters attacked an army post. The junta turned to Russia's Wagner Group – now \
             called the Africa Corps – for help fighting an Islamist insurgency.",
        "Islamist",
        Salience,
        &["jnim"],
    ),
    (
        "JNIM fighters attacked an army post. The junta turned to Russia's Wagner Group – now \
             called the Africa Corps – for help fighting an Islamist insurgency.",
        "insurgency",
        Salience,
        &["jnim"],
    ),
    (
        "JNIM fighters attacked an army post. Wagner Group has been fighting the insurgency.",
        "insurgency",
        Salience,
        &["jnim"],
    ),
];

/// A delegitimising term in a party's words: a party the article sets against the speaker
/// counts double; without such a sentence, the most salient party wins.
const SPEAKERS_OPPONENT: &[Row] = &[
    (
        "Syrian troops struck HTS positions near Hama on Monday. The SDF held talks with \
             Damascus on Tuesday.\n\nSyria's army said terrorists had attacked a checkpoint.",
        "terrorists",
        Salience,
        &["hts"],
    ),
    (
        "Syrian troops met HTS envoys near Hama on Monday. The SDF held talks with \
             Damascus on Tuesday.\n\nSyria's army said terrorists had attacked a checkpoint.",
        "terrorists",
        Salience,
        &["sdf"],
    ),
];

const RECIPROCAL: &[Row] = &[
    // A reciprocal subject with no frame of its own.
    (
        "The Sudanese army has been fighting the RSF since April. Peace talks collapsed, \
             with each side blaming the other.",
        "blaming",
        Reciprocal,
        &["sudan-army", "rsf"],
    ),
    // An auxiliary and an adverb may stand between, and a progressive is active.
    (
        "Hamas and Israel clashed again near Rafah. Both sides have repeatedly been \
             accusing each other of violations.",
        "accusing",
        Reciprocal,
        &["hamas", "israel"],
    ),
    // The speaker of a frame that is the two sides.
    (
        "Hamas and Israel clashed again near Rafah. Both sides accused each other of \
             violating the truce.",
        "accused",
        Reciprocal,
        &["hamas", "israel"],
    ),
];
const NOT_RECIPROCAL: &[Row] = &[
    // A passive: the two sides are the accused, and no accuser is named.
    (
        "Hamas and Israel clashed again near Rafah. Both sides were accused of war crimes.",
        "accused",
        SpeakerOfVerb,
        &[],
    ),
    // The verb is not the reciprocal subject's: "denied" stands between.
    (
        "Hamas and Israel clashed again near Rafah. Both sides denied the allegations.",
        "allegations",
        None,
        &[],
    ),
    // The article sets no two parties against each other: the speaker is no party.
    (
        "Qatar met Hamas envoys in Doha. Each side blamed the other.",
        "blamed",
        SpeakerOfVerb,
        &[],
    ),
    // A subject that is one party.
    (
        "Israel struck Hamas in Rafah. The Israeli army blamed Hamas for the attack.",
        "blamed",
        SpeakerOfVerb,
        &["israel"],
    ),
];

#[test]
fn reciprocal() {
    check(Reciprocal, RECIPROCAL, NOT_RECIPROCAL);
}

#[test]
fn opposing_words() {
    check(Salience, OPPOSED, &[]);
    check(Salience, SPEAKERS_OPPONENT, &[]);
}

#[test]
fn same_description() {
    // The term is the last hit with its text: the first use is the one that ties it.
    check_hit(
        SameDescription,
        SAME_DESCRIPTION,
        NOT_SAME_DESCRIPTION,
        true,
    );
}

#[test]
fn an_indefinite_phrase_introduces_the_party_described_later() {
    // The first "militia" comes before the description's first tie. After it, "a militia"
    // is someone new (`NOT_SAME_DESCRIPTION`).
    let a = analyzer().analyze(
        "test",
        &format!(
            "Headline\nA militia seized Manbij on Monday, residents said. {}",
            militia_story!("")
        ),
    );
    let first = a.hits.iter().find(|h| h.text == "militia").expect("a hit");
    assert_eq!(first.link, SameDescription, "{}", first.link_detail);
    assert_eq!(first.actor_ids(), ["sdf"]);
    assert!(
        first
            .link_detail
            .starts_with("this indefinite phrase introduces the party"),
        "{}",
        first.link_detail
    );
}

#[test]
fn members_of_a_described_group_are_that_group() {
    // Labels as long as an annotator's spans: the term holds its group.
    let lex = crate::lexicon::LexiconBuilder::new()
        .text(
            "test:members",
            "actors:
  - {id: caravan, name: Central American Caravan, type: organization}
  - {id: usa, name: United States, type: state}
categories: [mention]
labels:
  - {id: l1, category: mention, stance: 0, kind: label, forms: [the caravan]}
  - id: l2
    category: mention
    stance: 0
    kind: label
    forms: [members of the caravan, the caravan's participants]
  - {id: l3, category: mention, stance: 0, kind: label, forms: [its members]}
",
        )
        .build()
        .expect("lexicon");
    let an = Analyzer::new(lex).expect("compile");
    let a = an.analyze(
        "test",
        "Central American Caravan reaches the border\nThe Central American Caravan left \
             Tijuana. The United States watched the caravan. Members of the caravan \
             waited. The United States questioned the caravan's participants. The United \
             States counted its members.",
    );
    let got: Vec<(&str, &str, Vec<&str>)> = a
        .hits
        .iter()
        .map(|h| (h.text.as_str(), h.link.as_str(), h.actor_ids()))
        .collect();
    assert_eq!(
        got,
        [
            ("the caravan", "head_match", vec!["caravan"]),
            (
                "Members of the caravan",
                "same_description",
                vec!["caravan"]
            ),
            (
                "the caravan's participants",
                "same_description",
                vec!["caravan"]
            ),
            // A possessive pronoun is for the pronoun to resolve, and the term's own
            // determiner opens its phrase: "counted" before it is the verb, not a
            // participle that would bring the United States into the phrase.
            ("its members", "nearest_in_clause", vec!["usa"]),
        ]
    );
}

#[test]
fn object_complement() {
    check(ObjectComplement, OBJECT_COMPLEMENT, NOT_OBJECT_COMPLEMENT);
}

const SPEAKER_OF_VERB: &[Row] = &[
    // A description of civil-society organisations is a party of the article.
    (
        "Human rights groups have accused the army of atrocities.",
        "accused",
        SpeakerOfVerb,
        &["human-rights-groups"],
    ),
    // "... and accused" with no frame before it shares the subject the sentence opens with.
    (
        "Yemen's internationally recognized government welcomed the move and accused the \
             Houthis of terrorism.",
        "accused",
        SpeakerOfVerb,
        &["yemen-government"],
    ),
    (
        "Fidan claimed that the strikes were legal.",
        "claimed",
        SpeakerOfVerb,
        &["turkey"],
    ),
    (
        "Erdogan alleged that the PKK had attacked a base.",
        "alleged",
        SpeakerOfVerb,
        &["turkey"],
    ),
    (
        "Blinken insisted that talks would continue.",
        "insisted",
        SpeakerOfVerb,
        &["united-states"],
    ),
];
// A reporting verb's party is its speaker's and no one else's: a speaker that is no party,
// or a passive with no agent (its subject is the accused), decides the verb has none.
const SPEAKER_OF_VERB_NONE: &[Row] = &[
    (
        "The ministry claimed that the strikes were legal.",
        "claimed",
        SpeakerOfVerb,
        &[],
    ),
    (
        "Critics claimed that the strikes were legal.",
        "claimed",
        SpeakerOfVerb,
        &[],
    ),
    (
        "Hamas was accused of war crimes.",
        "accused",
        SpeakerOfVerb,
        &[],
    ),
    (
        "Mali’s junta accused of war crimes after raid on village",
        "accused",
        SpeakerOfVerb,
        &[],
    ),
];
const NOT_SPEAKER_OF_VERB: &[Row] = &[
    // No frame: an attribution word is no one's by proximity ("alleged" is not Turkey's).
    (
        "Turkey struck what it called an alleged PKK base.",
        "alleged",
        None,
        &[],
    ),
];

#[test]
fn speaker_of_verb() {
    check(SpeakerOfVerb, SPEAKER_OF_VERB, NOT_SPEAKER_OF_VERB);
    check(SpeakerOfVerb, SPEAKER_OF_VERB_NONE, &[]);
}

/// A possessor in an apposition is not the party the apposition describes, whichever rule
/// then decides.
#[test]
fn a_possessor_in_an_apposition_is_not_the_party_described() {
    let a = analyzer().analyze(
        "test",
        "Headline\nSyria's government fought on. Russia, the regime's main ally, sent jets.",
    );
    let h = a.hits.iter().find(|h| h.text == "regime").unwrap();
    assert_eq!(
        h.actor_ids(),
        vec!["syrian-government"],
        "{}",
        h.link_detail
    );
    let russia = h
        .link_candidates
        .iter()
        .find(|c| c.actor == "russia")
        .unwrap();
    assert_eq!(
        russia.excluded,
        Some(
            "named in another role by the term's phrase (patron, target, opponent, or what its apposition describes)"
        )
    );
}

const ACCUSED_OF: &[Row] = &[
    // An object relative: the charge is the relative pronoun's antecedent's, not the
    // accuser's (and the verb is no agentless passive).
    (
        "Hamas, which Israel accused of war crimes, denied it.",
        "war crimes",
        AccusedOf,
        &["hamas"],
    ),
    (
        "India has long accused Pakistan of terrorism.",
        "terrorism",
        AccusedOf,
        &["pakistan"],
    ),
    (
        "JNIM has also been accused of atrocities.",
        "atrocities",
        AccusedOf,
        &["jnim"],
    ),
    // A charge that opens with a gerund: the accused is its subject, and the act further
    // on is theirs.
    (
        "India accused Pakistan of using proxies to carry out massacres in Kashmir.",
        "massacres",
        AccusedOf,
        &["pakistan"],
    ),
    // The accuser after "by" is not the accused.
    (
        "Hamas was accused by Israel of war crimes.",
        "war crimes",
        AccusedOf,
        &["hamas"],
    ),
];

const NOT_ACCUSED_OF: &[Row] = &[
    // A preposition that does not go with the verb: not a charge.
    (
        "Hamas accused Israel after the war crimes.",
        "war crimes",
        NearestInClause,
        &["israel"],
    ),
    // A comma closes the gerund's charge: what follows it is no longer the charge.
    // Another charge after "and": its own preposition ends the first one.
    (
        "India accused Pakistan of shelling posts and Hamas of massacres.",
        "massacres",
        NearestInClause,
        &["hamas"],
    ),
    (
        "India accused Pakistan of funding proxies, and Hamas carried out massacres.",
        "massacres",
        NearestInClause,
        &["hamas"],
    ),
    // What a party is accused of ignoring is others' act.
    (
        "Turkey accused Hamas of ignoring massacres by Israel.",
        "massacres",
        SamePhrase,
        &["israel"],
    ),
];

#[test]
fn accused_of() {
    check(AccusedOf, ACCUSED_OF, NOT_ACCUSED_OF);
}

const SPEAKER_SUBJECT: &[Row] = &[
    // An act coordinated with the pronoun's verb shares its subject.
    (
        "The Israeli military said Friday it had struck a Hezbollah site near Nabatieh and \
             “eliminated” a commander.",
        "eliminated",
        SpeakerSubject,
        &["israel"],
    ),
    // A label after the pronoun and a copula is said of the speaker.
    (
        "The junta fought on. The NUG says it is the country's legitimate government.",
        "legitimate government",
        SpeakerSubject,
        &["nug"],
    ),
    (
        "The junta fought on. “We are the legitimate government,” the NUG said.",
        "legitimate government",
        SpeakerSubject,
        &["nug"],
    ),
    // A euphemistic act in a party's own words is its own.
    (
        "Israel said it had eliminated a Hezbollah cell.",
        "eliminated",
        SpeakerSubject,
        &["israel"],
    ),
    (
        "Hamas said it had liberated the camp.",
        "liberated",
        SpeakerSubject,
        &["hamas"],
    ),
    (
        "Syria's army said that it had “neutralised” the cell.",
        "neutralised",
        SpeakerSubject,
        &["syrian-government"],
    ),
];

const SPEAKER_SUBJECT_PASSIVE: &[Row] = &[
    // A passive with no agent hides the doer of a sanitizing act: the speaker's side.
    (
        "Israel said more than 50 fighters had been eliminated in the past week.",
        "eliminated",
        SpeakerSubject,
        &["israel"],
    ),
    (
        "Hamas said two soldiers were neutralised.",
        "neutralised",
        SpeakerSubject,
        &["hamas"],
    ),
];
const NOT_SPEAKER_SUBJECT_PASSIVE: &[Row] = &[
    // The agent is named after "by".
    (
        "Israel said more than 50 fighters had been eliminated by Hamas.",
        "eliminated",
        SamePhrase,
        &["hamas"],
    ),
    // Not a passive: someone else is the subject.
    (
        "Hamas said Israel eliminated two fighters.",
        "eliminated",
        SamePhrase,
        &["israel"],
    ),
];

const SPEAKER_SUBJECT_UNNAMED: &[Row] = &[
    // The subject names no party: the speaker's own forces, unnamed.
    (
        "Israel said troops had “neutralised” 12 gunmen near the border.",
        "neutralised",
        SpeakerSubject,
        &["israel"],
    ),
    // A party in a phrase of support, without commas, is no subject.
    (
        "Haiti's National Police said officers supported by the Kenyan-led mission had \
             “neutralized” 12 gang members.",
        "neutralized",
        SpeakerSubject,
        &["haiti"],
    ),
    // After the words: a passive coordinated with another.
    (
        "“Those who refuse will be hunted down and neutralised,” Israel's army said.",
        "neutralised",
        SpeakerSubject,
        &["israel"],
    ),
    // A verb after a modal.
    (
        "Israel's army said troops would “neutralise” any gunman who approached.",
        "neutralise",
        SpeakerSubject,
        &["israel"],
    ),
    // A speaker whose state is known by title only, in the discourse phase.
    (
        "Nigeria's army fought Boko Haram in Borno. Units of a brigade neutralised 20 \
             fighters on Sunday, according to a military spokesman.",
        "neutralised",
        SpeakerSubject,
        &["nigeria"],
    ),
];
const NOT_SPEAKER_SUBJECT_UNNAMED: &[Row] = &[
    // A party named in the subject does it.
    (
        "Hamas said Israeli troops had “eliminated” a family in Gaza.",
        "eliminated",
        NearestInClause,
        &["israel"],
    ),
    // A noun: the other side's act by its common name. (Proximity then gives it the
    // speaker, who is the nearest party: a known error of proximity, not of this rule.)
    (
        "Ukraine said thousands had passed through “filtration camps”.",
        "filtration camps",
        NearestInClause,
        &["ukraine"],
    ),
    // The agent after "by", past a closing quotation mark.
    (
        "Israel said 50 fighters had been “eliminated” by Hamas.",
        "eliminated",
        NearestInClause,
        &["hamas"],
    ),
    // Members after "including" are the subject's own.
    (
        "Hamas said forces including Israeli units had eliminated a family.",
        "eliminated",
        NearestInClause,
        &["israel"],
    ),
    // A leader after "led by" is the subject's own: the party it names does the act.
    (
        "Hamas said units led by Israel's army had neutralised its fighters.",
        "neutralised",
        NearestInClause,
        &["israel"],
    ),
];

/// Sentences where the unnamed-doer reading must not fire, whatever the later rules then
/// make of the act: a party in the subject past a parenthetical and an auxiliary, and a
/// delegitimising term as the subject (it names the other side).
#[test]
fn no_unnamed_doer_when_the_subject_names_the_other_side() {
    for sentence in [
        "Hamas said Israeli troops, on Sunday, had eliminated a family.",
        "Hamas said occupation forces had “eliminated” a family.",
        "Hamas said the occupation army would “neutralise” the fighters.",
    ] {
        let a = analyzer().analyze("test", &format!("Headline\n{sentence}"));
        let h = a
            .hits
            .iter()
            .find(|h| h.text.starts_with("eliminat") || h.text == "neutralise");
        let h = h.unwrap_or_else(|| panic!("{sentence:?}: no act among {:?}", a.hits));
        assert_ne!(h.link, SpeakerSubject, "{sentence:?}: {}", h.link_detail);
    }
}

/// An act is not done by the party of its patient, found past determiners ("any other")
/// and a term that is a compound adjective ("Indian-sponsored") on the patient's noun;
/// with no label after the act there is no patient, and the party in focus does it.
#[test]
fn an_acts_patient_is_found_past_a_compound_adjective() {
    for (end, want) in [
        (
            "eliminate any other Indian-sponsored kharji found in the area.",
            "pakistan",
        ),
        ("eliminate any threat found in the area.", "ttp"),
    ] {
        let text = format!(
            "Headline\nThe TTP attacked a checkpoint in North Waziristan on Sunday, \
                 Pakistan's army said. The TTP said it had lost 11 fighters. An operation is \
                 under way to {end}"
        );
        let a = analyzer().analyze("test", &text);
        let h = a.hits.iter().find(|h| h.text == "eliminate").expect("hit");
        assert_eq!(
            (h.link, h.actor_ids()),
            (Salience, vec![want]),
            "{end}: {}",
            h.link_detail
        );
    }
}

#[test]
fn speaker_subject_of_an_unnamed_doer() {
    check(
        SpeakerSubject,
        SPEAKER_SUBJECT_UNNAMED,
        NOT_SPEAKER_SUBJECT_UNNAMED,
    );
}

#[test]
fn speaker_subject_of_an_agentless_passive() {
    check(
        SpeakerSubject,
        SPEAKER_SUBJECT_PASSIVE,
        NOT_SPEAKER_SUBJECT_PASSIVE,
    );
}

const NOT_SPEAKER_SUBJECT: &[Row] = &[
    // A subordinate clause between, with a subject of its own: the act is its verb's.
    (
        "The Ukrainian army said it repelled an assault after Russian troops crossed the \
             river and “liberated” a village.",
        "liberated",
        NearestInClause,
        &["russia"],
    ),
    // No pronoun: the subject of the reported words is the party named there.
    (
        "Hamas said Israel had struck a school and “eliminated” a family.",
        "eliminated",
        NearestInClause,
        &["israel"],
    ),
    // A preposition between: the label is not what the subject is said to be.
    (
        "The SDF said it was willing to talk with the regime.",
        "regime",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A condemning act is not reported of oneself: the speaker is not its agent.
    (
        "Hamas said the invasion had begun.",
        "invasion",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // Someone else is the subject of the reported words.
    (
        "Hamas said Israel had liberated the camp.",
        "liberated",
        NearestInClause,
        &["israel"],
    ),
];

#[test]
fn speaker_subject() {
    check(SpeakerSubject, SPEAKER_SUBJECT, NOT_SPEAKER_SUBJECT);
}

const SAME_PHRASE: &[Row] = &[
    // A term that modifies a person's title describes that person's side: the coup is its
    // leader's, the rebels its commander's.
    (
        "Coup leader Min Aung Hlaing addressed officers in Naypyitaw.",
        "Coup",
        SamePhrase,
        &["myanmar-military"],
    ),
    (
        "Rebel commander Abu Mohammed al-Jolani entered Aleppo.",
        "Rebel",
        SamePhrase,
        &["hts"],
    ),
    // A governing armed group may be called a regime (the bundled entry targets both).
    (
        "The army said it struck infrastructure used by the Huthi terrorist regime.",
        "terrorist regime",
        SamePhrase,
        &["houthis"],
    ),
    // An act's adjective right before a party's name modifies it.
    (
        "Kinshasa's alliance with genocidal FDLR militia threatens the deal.",
        "genocidal",
        SamePhrase,
        &["fdlr"],
    ),
    // An abbreviation names the party its entry's full forms name.
    (
        "Troops crossed the Line of Control into PoK on Tuesday.",
        "PoK",
        SamePhrase,
        &["pakistan"],
    ),
    // The clause's verb and its subject are not in the object's phrase, after a number or
    // not; a hyphenated act is a modifier.
    (
        "Ukraine killed 40 Russian occupiers.",
        "occupiers",
        SamePhrase,
        &["russia"],
    ),
    (
        "The Defense Forces of Ukraine eliminated 1,040 Russian occupiers.",
        "occupiers",
        SamePhrase,
        &["russia"],
    ),
    // A possessor opens its phrase: nothing before it belongs ("Pakistan rejected"), and a
    // quotation mark after it does not end the phrase.
    (
        "Pakistan rejected India's baseless allegations.",
        "allegations",
        SamePhrase,
        &["india"],
    ),
    (
        "Pakistan rejected India's \"baseless allegations\" on Monday.",
        "allegations",
        SamePhrase,
        &["india"],
    ),
    // A delegitimising label on a state's adjective, with nothing compatible in focus: that
    // state's forces.
    (
        "Russian units continue to clear the remaining Ukrainian gunmen.",
        "gunmen",
        SamePhrase,
        &["ukraine"],
    ),
    // Inside the term.
    (
        "They fled Assad's regime.",
        "Assad's regime",
        SamePhrase,
        &["syrian-government"],
    ),
    // A premodifier, with its conjuncts.
    (
        "Aleppo was hit by the HTS terror organization.",
        "terror organization",
        SamePhrase,
        &["hts"],
    ),
    (
        "Palestinian Islamic Jihad and Hamas militants fired rockets.",
        "militants",
        SamePhrase,
        &["pij", "hamas"],
    ),
    // To the right: the owner phrase, or the head a compound modifies.
    (
        "Fighters of HTS entered Hama.",
        "Fighters",
        SamePhrase,
        &["hts"],
    ),
    (
        "Fighters from a U.S.-backed, Kurdish-led coalition battled on.",
        "U.S.-backed",
        SamePhrase,
        &["sdf"],
    ),
    // The owner phrase's conjuncts own the term too.
    (
        "The brigade is made up of fighters from Palestinian Islamic Jihad and Hamas.",
        "fighters",
        SamePhrase,
        &["pij", "hamas"],
    ),
    (
        "Militants of HTS, the PKK or Hezbollah were seen.",
        "Militants",
        SamePhrase,
        &["hts", "pkk", "hezbollah"],
    ),
    // Not a conjunct whose type the entry does not allow, nor one that modifies a noun after it.
    (
        "He met fighters of HTS and the Turkish army.",
        "fighters",
        SamePhrase,
        &["hts"],
    ),
    (
        "Militants of HTS and SNA factions clashed near Afrin.",
        "Militants",
        SamePhrase,
        &["hts"],
    ),
    // A label right before a party's organ or name modifies it, whatever type the entry
    // targets.
    (
        "Hamas said the terrorist Israeli army shelled the camp.",
        "terrorist",
        SamePhrase,
        &["israel"],
    ),
    // A label glued to "-led" says who leads the head: the possessor's own party, whatever
    // type the entry targets.
    (
        "Syria's Islamist-led authorities have pledged to punish those responsible.",
        "Islamist",
        SamePhrase,
        &["syrian-government"],
    ),
];
const NOT_SAME_PHRASE: &[Row] = &[
    // "-led" on a head that is no government or organ: set against the possessor.
    (
        "Assad's Islamist-led opposition seized Aleppo.",
        "Islamist",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A place's possessor owns no leaders.
    (
        "In Syria's Islamist-led north, fighting went on.",
        "Islamist",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A title with no name right after it names no one.
    (
        "The rebel commander said Bashar al-Assad had fled.",
        "rebel",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // An act's noun of two words is no adjective, whatever its ending.
    (
        "They denounced the sham trial Ukraine's soldiers faced in Rostov.",
        "sham trial",
        Salience,
        &["ukraine"],
    ),
    // An act's noun before a name is no modifier of it: the name opens a clause.
    (
        "Hamas condemned the aggression Israel launched on Gaza.",
        "aggression",
        Salience,
        &["israel"],
    ),
    // A neutral or contested label on a state's adjective says where they are from.
    (
        "Syrian rebels advanced on the city.",
        "rebels",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // An act's of-phrase names its victim.
    (
        "The invasion of Ukraine began at dawn.",
        "invasion",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A participle after the subject is the verb: "HTS" is not in the subject's phrase,
    // and as the object of the militants' attack it is not the militants either.
    (
        "The militants attacked HTS positions.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // So is a verb made by -ize, -ise or -ify, in the present tense too.
    (
        "The Fighting Forces neutralise terrorists in the north.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The SDF neutralizes terrorists near Raqqa.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A proxy word's modifier names the patron, which is ambiguous here.
    (
        "An Iranian proxy fired rockets.",
        "proxy",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // Not a modifier: a label that is a party noun, before a clause whose subject is named.
    (
        "The militias Iran backs fired rockets.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn same_phrase() {
    check(SamePhrase, SAME_PHRASE, NOT_SAME_PHRASE);
}

/// Iran's proxies on record in the bundled actors lexicon, in its order.
const IRAN_PROXIES: &[&str] = &[
    "hezbollah",
    "houthis",
    "hamas",
    "pij",
    "pmf",
    "kataib-hezbollah",
    "islamic-resistance-iraq",
    "asaib-ahl-al-haq",
    "harakat-al-nujaba",
    "kataib-sayyid-al-shuhada",
    "badr-organization",
];
const PROXY: &[Row] = &[
    // A plural proxy word and a patron with several proxies: those the article names, or
    // all those on record when it names none; never the patron.
    (
        "Iran backs its proxies across the region.",
        "proxies",
        Proxy,
        IRAN_PROXIES,
    ),
    (
        "Critics say Washington is too soft on Tehran's proxies. Hezbollah and the Houthis fired again.",
        "proxies",
        Proxy,
        &["hezbollah", "houthis"],
    ),
    (
        "Turkey and the US back their respective insurgent groups.",
        "insurgent groups",
        Proxy,
        &["sna", "sdf"],
    ),
    (
        "The Turkish-backed militias attacked Kurdish fighters.",
        "militias",
        Proxy,
        &["sna"],
    ),
    (
        "Turkey, which supports armed groups in Syria, denied it.",
        "armed groups",
        Proxy,
        &["sna"],
    ),
    (
        "The US-backed militias advanced.",
        "militias",
        Proxy,
        &["sdf"],
    ),
];
const NOT_PROXY: &[Row] = &[
    // Iran has several proxies: one of them is ambiguous.
    (
        "An Iranian proxy fired rockets.",
        "proxy",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // "their" with no antecedent.
    (
        "Their insurgent groups advanced.",
        "insurgent groups",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn proxy() {
    check(Proxy, PROXY, NOT_PROXY);
}

const POSSESSOR: &[Row] = &[
    // A noun of attribution doubts the words of its owner: a possessive pronoun's
    // antecedent, or the agent after "by".
    (
        "The Houthis, through their propaganda outlets, claimed victory.",
        "propaganda",
        Possessor,
        &["houthis"],
    ),
    (
        "M23 has denied the allegations, calling them \"fabrications\" by Kinshasa.",
        "fabrications",
        Possessor,
        &["drc"],
    ),
    // The owner's type need not be among the entry's targets: a movement's militias are
    // its own, by a possessive, a possessive pronoun or an of-phrase.
    (
        "The army said the Muslim Brotherhood's militias were moving.",
        "militias",
        Possessor,
        &["muslim-brotherhood"],
    ),
    (
        "The army will not allow the Muslim Brotherhood and its militias to drag the country into war.",
        "militias",
        Possessor,
        &["muslim-brotherhood"],
    ),
    // A definite organisation noun as possessor refers back as "its" does, not to a party
    // named after the term.
    (
        "Lawrence Kanyuka, the AFC/M23 spokesman, said that the group's fighters had taken \
             Kiliba from the FDLR.",
        "fighters",
        Possessor,
        &["m23"],
    ),
    (
        "The army said the militias of the Muslim Brotherhood were moving.",
        "militias",
        Possessor,
        &["muslim-brotherhood"],
    ),
    // A name that ends in a noun for forces or a government, as the noun modifier right
    // before the group noun, owns it as an of-phrase would.
    (
        "The RSF crushed an attack by Port Sudan army militias.",
        "militias",
        Possessor,
        &["sudan-army"],
    ),
    // "their" stands for the coordinated owners.
    (
        "The Muslim Brotherhood and Hamas sent their militants.",
        "militants",
        Possessor,
        &["muslim-brotherhood", "hamas"],
    ),
    // A state's word before a government noun names the state as a polity: the mercenaries
    // of the regime are the regime's, though the entry targets no state.
    (
        "The judiciary said the mercenaries of the Zionist regime had confessed.",
        "mercenaries",
        Possessor,
        &["israel"],
    ),
];
const NOT_POSSESSOR: &[Row] = &[
    // A definite noun for a state's organ as possessor is not the speaker before it, nor
    // is "the group's" when the party named last is a state.
    (
        "The RSF said the government's militias had attacked El Fasher.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Hamas said the Israeli army had killed dozens while the group's fighters defended \
             the camp.",
        "fighters",
        Salience,
        &["hamas"],
    ),
    // A country's bare name before the group noun says where the militias are, not whose
    // they are; and a modifier with a word between it and the term is no compound.
    (
        "Iraq militias attacked the base.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The RSF crushed an attack by Port Sudan army and militias.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A name that ends in a noun for the country, not its rulers.
    (
        "Islamic Republic militias attacked the base.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // What follows a noun of attribution is what is claimed, not whose claim it is.
    (
        "Kigali dismissed the allegations of Rwandan involvement.",
        "allegations",
        None,
        &[],
    ),
    // An owner whose type the entry targets, or a person the lexicon lists, is read by
    // `same_phrase` first.
    (
        "Rwanda rejected Kinshasa's claims.",
        "claims",
        SamePhrase,
        &["drc"],
    ),
    (
        "Residents fled Khalifa Haftar's militias.",
        "militias",
        SamePhrase,
        &["lna"],
    ),
    // A place owns nothing, and a state's possessive before a group noun says where the
    // group is.
    (
        "Fighting broke out in Libya between its militias.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Fighting broke out between Russia's militias.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The spokesman said the militias of Syria were moving.",
        "militias",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A patron with proxies on record: the proxy rule reads "its" first.
    (
        "Iran and its militias attacked.",
        "militias",
        Proxy,
        IRAN_PROXIES,
    ),
    // Not a group noun: an act's owner is its doer by the phrase (`same_phrase`).
    (
        "The Muslim Brotherhood's terrorism was condemned.",
        "terrorism",
        SamePhrase,
        &["muslim-brotherhood"],
    ),
];

#[test]
fn possessor() {
    check(Possessor, POSSESSOR, NOT_POSSESSOR);
}

const DESIGNATION: &[Row] = &[
    // "to be" as well as "as"; an apposition to the object passed over.
    (
        "Turkey considers the PKK to be a terrorist organization.",
        "terrorist organization",
        Designation,
        &["pkk"],
    ),
    (
        "Türkiye also considers the SDF, the US-backed force in the northeast, to be a \
             terrorist group.",
        "terrorist group",
        Designation,
        &["sdf"],
    ),
    (
        "The PKK, which has been designated as a terrorist group by Turkey, fought on.",
        "terrorist group",
        Designation,
        &["pkk"],
    ),
    (
        "HTS—designated as a terrorist organization—took Aleppo.",
        "terrorist organization",
        Designation,
        &["hts"],
    ),
    (
        "HTS, designated a terrorist organization by the UN, took Aleppo.",
        "terrorist organization",
        Designation,
        &["hts"],
    ),
    (
        "The PKK, which is listed as a terrorist group, fought on.",
        "terrorist group",
        Designation,
        &["pkk"],
    ),
    // The object of an active designation verb, before "as": all its parties for a plural.
    (
        "The junta has designated the NUG and its armed wing, the PDF, as terrorist organisations.",
        "terrorist organisations",
        Designation,
        &["nug", "pdf"],
    ),
    (
        "Washington designated the Houthis as a terrorist organization.",
        "terrorist organization",
        Designation,
        &["houthis"],
    ),
];
const NOT_DESIGNATION: &[Row] = &[
    // The designated actor sits between the verb and the term.
    (
        "The UN has designated HTS a terrorist organization.",
        "terrorist organization",
        NearestInClause,
        &["hts"],
    ),
    // Nothing before the verb to designate.
    (
        "It was designated a terrorist organization in 2018.",
        "terrorist organization",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Washington designated the group a terrorist organization.",
        "terrorist organization",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn designation() {
    check(Designation, DESIGNATION, NOT_DESIGNATION);
}

const COPULA: &[Row] = &[
    // A state's people, and a population noun's party adjective, are the subject.
    (
        "More than 1,060 Iranians were martyred on Monday.",
        "martyred",
        Copula,
        &["iran"],
    ),
    (
        "Two Kurdish civilians were martyred on Monday.",
        "martyred",
        Copula,
        &["kurds"],
    ),
    (
        "HTS is a militant Islamist group that seeks a state.",
        "militant Islamist group",
        Copula,
        &["hts"],
    ),
    (
        "Hamas remains a terrorist organization.",
        "terrorist organization",
        Copula,
        &["hamas"],
    ),
    (
        "The PKK was also a terrorist group.",
        "terrorist group",
        Copula,
        &["pkk"],
    ),
    (
        "Hezbollah is a proxy of the Iranian regime.",
        "proxy",
        Copula,
        &["hezbollah"],
    ),
    // A relational noun's possessor is the party it relates to: the offshoot is the YPG.
    (
        "The YPG is the PKK's Syrian offshoot.",
        "offshoot",
        Copula,
        &["ypg"],
    ),
];
// A denial is said of its subject too; "we" in quoted words is the speaker, and a negative
// quantifier is no one.
const COPULA_DENIALS: &[Row] = &[
    (
        "“We are not terrorists,” Hamas said in a statement.",
        "terrorists",
        Copula,
        &["hamas"],
    ),
    (
        "Turkey said the SDF is not a terrorist group.",
        "terrorist group",
        Copula,
        &["sdf"],
    ),
    (
        "Israel struck the village. “We are not terrorists,” one farmer said.",
        "terrorists",
        Copula,
        &[],
    ),
    (
        "Israel struck the village. “Nobody here is a terrorist,” one farmer said.",
        "terrorist",
        Copula,
        &[],
    ),
    // "Citizens" in a state's own words are its own people, counted or not.
    (
        "The Lebanese health ministry said two citizens were martyred in the strike.",
        "martyred",
        Copula,
        &["lebanon"],
    ),
    (
        "The Lebanese health ministry said that a second citizen was martyred in a strike.",
        "martyred",
        Copula,
        &["lebanon"],
    ),
];
const NOT_COPULA: &[Row] = &[
    // A state cannot be a terrorist group in the lexicon's terms.
    (
        "Turkey is a terrorist group.",
        "terrorist group",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // "is fighting": a verb, not a copula.
    (
        "Turkey is fighting a terrorist group.",
        "terrorist group",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // The subject is no actor.
    (
        "The group is a terrorist organization.",
        "terrorist organization",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // "Citizens" are a state's own only in that state's words: not in the outlet's, not in
    // the words of speakers who are no state, and not with a possessor of their own.
    (
        "Two citizens were martyred in the strike.",
        "martyred",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Residents said two citizens were martyred in the strike.",
        "martyred",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Lebanon said the ministry's citizens were martyred in a strike.",
        "martyred",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The Lebanese health ministry said their citizens were martyred in a strike.",
        "martyred",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn copula() {
    check(Copula, COPULA, NOT_COPULA);
    check(Copula, COPULA_DENIALS, &[]);
}

const APPOSITION: &[Row] = &[
    (
        "HTS, a militant group, took Aleppo.",
        "militant group",
        Apposition,
        &["hts"],
    ),
    (
        "The PKK (a terrorist organization) fought on.",
        "terrorist organization",
        Apposition,
        &["pkk"],
    ),
    (
        "Hezbollah—a terrorist group—fired rockets.",
        "terrorist group",
        Apposition,
        &["hezbollah"],
    ),
];
const NOT_APPOSITION: &[Row] = &[
    // A description of a party after a comma is no apposition to an act before it (and
    // no object of that act's noun).
    (
        "Since May, when India struck camps in response to the Pahalgam terror attack, the \
             security forces have intensified operations.",
        "security forces",
        NearestInClause,
        &["india"],
    ),
    // A verb after a comma says what the clause's subject did; a supporter is no subject.
    (
        "Burkinabe soldiers, supported by the VDP, neutralised several dozen terrorists.",
        "neutralised",
        NearestInClause,
        &["burkina-faso"],
    ),
    // The phrase before is an incompatible actor, or none.
    (
        "Turkey, a militant group, fought on.",
        "militant group",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The city, a terrorist stronghold, fell.",
        "terrorist",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn apposition() {
    check(Apposition, APPOSITION, NOT_APPOSITION);
}

const RELATIVE_CLAUSE: &[Row] = &[
    (
        "HTS, which leads the rebel coalition, took Aleppo.",
        "rebel coalition",
        RelativeClause,
        &["hts"],
    ),
    (
        "Hezbollah, whose fighters crossed the border, fired rockets.",
        "fighters",
        RelativeClause,
        &["hezbollah"],
    ),
    // A state between "which" and the term cannot be a group, so it does not block.
    (
        "The PKK, which Turkey fought in the 1990s as a terrorist group, fought on.",
        "terrorist group",
        RelativeClause,
        &["pkk"],
    ),
];
const NOT_RELATIVE_CLAUSE: &[Row] = &[
    // A compatible actor between "which" and the term.
    (
        "The SDF, which HTS fought as a terrorist group, held the town.",
        "terrorist group",
        Salience,
        &["sdf"],
    ),
    // A naming verb in the relative clause: the object complement rule decides first.
    (
        "The SDF, which HTS calls a terrorist group, fought on.",
        "terrorist group",
        ObjectComplement,
        &["sdf"],
    ),
    // No comma before "which": not a relative clause on a named antecedent.
    (
        "The area which the terrorist group held fell.",
        "terrorist group",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn relative_clause() {
    check(RelativeClause, RELATIVE_CLAUSE, NOT_RELATIVE_CLAUSE);
}

const COORDINATION: &[Row] = &[
    (
        "Both Turkey and the US maintain occupation forces in Syria.",
        "occupation forces",
        Coordination,
        &["turkey", "united-states"],
    ),
    (
        "Syrian-Russian operations eliminate dozens of fighters.",
        "eliminate",
        Coordination,
        &["syrian-government", "russia"],
    ),
    (
        "Russia and Iran launched an invasion.",
        "invasion",
        Coordination,
        &["russia", "iran"],
    ),
    // Two parties' adjectives, each with its head noun.
    (
        "Malian soldiers and Russian mercenaries committed massacres in the village.",
        "massacres",
        Coordination,
        &["mali", "russia"],
    ),
    (
        "The Malian junta and its Russian allies are committing massacres.",
        "massacres",
        Coordination,
        &["mali", "russia"],
    ),
];
const NOT_COORDINATION: &[Row] = &[
    // Two clauses, not two conjuncts: the nearest is the subject of the second.
    (
        "Malian soldiers killed and Russian troops wounded civilians in a massacre.",
        "massacre",
        NearestInClause,
        &["russia"],
    ),
    // One actor alone.
    (
        "Turkey maintains occupation forces in Syria.",
        "occupation forces",
        NearestInClause,
        &["turkey"],
    ),
    // Conjuncts in the term's own phrase are same_phrase's.
    (
        "Hamas and Hezbollah militants fired rockets.",
        "militants",
        SamePhrase,
        &["hamas", "hezbollah"],
    ),
];

#[test]
fn coordination() {
    check(Coordination, COORDINATION, NOT_COORDINATION);
}

const NEAREST_IN_CLAUSE: &[Row] = &[
    // A party after "on", past a region's words, is what the act is done to.
    (
        "The Israeli army escalated its strikes on South Lebanon, in a flagrant violation of \
             the ceasefire.",
        "violation of the ceasefire",
        NearestInClause,
        &["israel"],
    ),
    // A noun of wrongdoing names its doer after "of".
    (
        "The Houthis denounced the crimes of the Zionist enemy in Gaza.",
        "crimes",
        NearestInClause,
        &["israel"],
    ),
    (
        "Witnesses described the brutality of the Israeli army.",
        "brutality",
        NearestInClause,
        &["israel"],
    ),
    // So does a noun of dying for a cause: the one who died.
    (
        "The axis emerged stronger despite the martyrdom of Hezbollah leader Hassan \
             Nasrallah.",
        "martyrdom",
        NearestInClause,
        &["hezbollah"],
    ),
    // After a parenthetical, the subject before it: not an introductory phrase's party, nor
    // a name cut at a hyphen.
    (
        "Despite Ukraine's counteroffensive, Russian forces, backed by artillery, liberated \
             Avdiivka.",
        "liberated",
        NearestInClause,
        &["russia"],
    ),
    (
        "The SDF, backed by US-led coalition jets, liberated Raqqa.",
        "liberated",
        NearestInClause,
        &["sdf"],
    ),
    // A participle right before its noun is a modifier, no verb of support.
    (
        "The RSF deployed heavily armed militias near El Fasher.",
        "militias",
        NearestInClause,
        &["rsf"],
    ),
    // A compound "-backed" is no verb of support: the party before it stays a candidate.
    (
        "Israel struck Hezbollah targets in Lebanon, hours after the Iran-backed terrorist \
             group fired rockets.",
        "terrorist group",
        NearestInClause,
        &["hezbollah"],
    ),
    // A verb after a parenthetical takes the clause's subject, which a leader names.
    (
        "The armed forces, led by Khalifa Haftar, liberated Benghazi from the militants.",
        "liberated",
        NearestInClause,
        &["lna"],
    ),
    // A population noun is no thing its adjective's party makes: the label is said of it.
    (
        "Indian troops martyred two Kashmiri youths in Kupwara.",
        "martyred",
        NearestInClause,
        &["kashmiris"],
    ),
    // A participle that is not one of support leaves its agent a candidate: the units
    // ambushed by HTS killed HTS's militants.
    (
        "Army units, ambushed by HTS near Idlib, killed several militants.",
        "militants",
        NearestInClause,
        &["hts"],
    ),
    // A label after a form of "be" is a predicate, not the object of the participle before:
    // the fighters are the militants, whoever killed or attacked whom.
    (
        "HTS fighters killed by Russian strikes were militants.",
        "militants",
        NearestInClause,
        &["hts"],
    ),
    (
        "SDF fighters attacking Turkish positions are terrorists.",
        "terrorists",
        NearestInClause,
        &["sdf"],
    ),
    // A party inside an apposition is not an argument of the clause; its anchor is.
    (
        "Hezbollah, the main ally of Hamas in Lebanon, sheltered militants near the border.",
        "militants",
        NearestInClause,
        &["hezbollah"],
    ),
    // A state's adjective before "against" says where the rebels are from; the government
    // forces after it are that state's.
    (
        "Syrian rebels advanced against government forces.",
        "government forces",
        NearestInClause,
        &["syrian-government"],
    ),
    (
        "Turkey maintains occupation forces in Syria.",
        "occupation forces",
        NearestInClause,
        &["turkey"],
    ),
    (
        "Russia launched an invasion of Ukraine.",
        "invasion",
        NearestInClause,
        &["russia"],
    ),
    // A past-tense act takes its subject, not the nearer object.
    (
        "Hamas terrorists invaded southern Israel and massacred civilians.",
        "massacred",
        NearestInClause,
        &["hamas"],
    ),
    // A phrase fronted before the subject's comma is not the subject of a verb of
    // fighting: the party it names may be the one fought.
    (
        "Compounding HTS's problems, the SDF battled militants.",
        "militants",
        NearestInClause,
        &["hts"],
    ),
];
const NOT_NEAREST_IN_CLAUSE: &[Row] = &[
    // A list after a verb of attack is its object, commas and all: not the subject's.
    (
        "The Sudanese army killed the militants, terrorists and mercenaries near El Fasher.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // An event noun of a transitive verb names its object after "of", not its doer.
    (
        "The invasion of Ukraine began in 2022.",
        "invasion",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "The siege of Hamas positions continued.",
        "siege",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // The object of a verb of support is not the supporter's.
    (
        "The RSF attacked El Fasher on Monday. The UAE denies arming the paramilitary.",
        "paramilitary",
        Salience,
        &["rsf"],
    ),
    // "The enemy" in a party's own words is whoever it fights, not the party nearest.
    (
        "Russian troops fought Ukrainian forces near Kupiansk on Monday. \"The enemy lost a \
             US-made howitzer,\" the Russian defence ministry said.",
        "The enemy",
        Salience,
        &["ukraine"],
    ),
    // A state's people suffer acts as often as they do them: no agent by proximity.
    (
        "Israel struck Tehran on Friday. More than 1,060 Iranians were martyred in the aggression.",
        "aggression",
        Salience,
        &["israel"],
    ),
    (
        "Russia opened camps in Mariupol. Thousands of Ukrainians were held in the filtration camps.",
        "filtration camps",
        Salience,
        &["russia"],
    ),
    // The object of an attack verb, however long its noun phrase, is not the subject's.
    (
        "The RSF on Monday crushed an attack by the militias of the Sudanese army and the terrorist Islamist brigades.",
        "terrorist",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A party does not call itself a terrorist, named as the speaker or again in its words.
    (
        "The SDF said terrorists attacked SDF positions.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // After "against", the term is the other side: not the party before it, in its clause
    // or from the discourse.
    (
        "HTS fighters advanced against militants.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // So is the object of a verb of fighting.
    (
        "HTS fighters were fighting militants near Idlib.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // And the object of a verb of attack, defeat or seizure, or of freeing a place from
    // someone: a party is not the object of its own attack.
    (
        "SDF units neutralised several terrorists near Raqqa.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "SDF fighters liberated two villages from the militants.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "HTS forces arrested dozens of militants in Idlib.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    (
        "Alert troops of the SDF intercepted the terrorists near the border.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A label that is the subject of an attack is not its object, even past a first
    // predicate.
    (
        "Suspected militants have looted shops and killed a commander of the SDF near Raqqa.",
        "militants",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A participial phrase of support between commas before the verb names the subject's
    // allies: the party it names does the act too.
    (
        "Army units, supported by the VDP, neutralised several dozen terrorists.",
        "terrorists",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // The speaker who reports an act is not its agent.
    (
        "Russia said the strikes were an invasion.",
        "invasion",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // A country named as a place; "as" opens another clause.
    (
        "Troops entered northern Syria as occupation forces.",
        "occupation forces",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // Several actors: coordination.
    (
        "Both Turkey and the US maintain occupation forces in Syria.",
        "occupation forces",
        Coordination,
        &["turkey", "united-states"],
    ),
];

#[test]
fn nearest_in_clause() {
    check(NearestInClause, NEAREST_IN_CLAUSE, NOT_NEAREST_IN_CLAUSE);
}

const EPITHET: &[Row] = &[
    // A side's name for its enemy names the party of the conflict the article is about.
    (
        "Somali forces liberated two villages from the Khawarij.",
        "Khawarij",
        Epithet,
        &["al-shabaab"],
    ),
    (
        "Pakistani troops killed ten Khawarij in North Waziristan.",
        "Khawarij",
        Epithet,
        &["ttp"],
    ),
];
const NOT_EPITHET: &[Row] = &[
    // No place of the entry's parties is named ...
    (
        "Troops killed ten Khawarij near the border.",
        "Khawarij",
        UnnamedParty,
        &["unnamed-1"],
    ),
    // ... or two are named as often.
    (
        "Somalia and Pakistan vowed to defeat the Khawarij.",
        "Khawarij",
        UnnamedParty,
        &["unnamed-1"],
    ),
];

#[test]
fn epithet() {
    check(Epithet, EPITHET, NOT_EPITHET);
}

const DISTANCED_PHRASE: &[Row] = &[
    // The next mention.
    (
        "The so-called Islamic State claimed the attack.",
        "so-called",
        DistancedPhrase,
        &["isis"],
    ),
    // The next term, with its actors.
    (
        "HTS, a so-called terrorist group, took Hama.",
        "so-called",
        DistancedPhrase,
        &["hts"],
    ),
    (
        "Hezbollah is a so-called terrorist organization.",
        "so-called",
        DistancedPhrase,
        &["hezbollah"],
    ),
];
/// A marker that names a party in its own words takes that party (`same_phrase`).
const DISTANCING_NAMES: &[Row] = &[(
    "Dozens were killed, according to the Hamas-run health ministry.",
    "Hamas-run health ministry",
    SamePhrase,
    &["hamas"],
)];
const NOT_DISTANCING_NAMES: &[Row] = &[
    // A speaker named in the marker is not what it marks.
    (
        "Russia shelled the town of Kharkiv. That is what Moscow calls a special military \
             operation.",
        "what Moscow calls",
        DistancedPhrase,
        &["russia"],
    ),
    (
        "Dozens were killed, says the so-called Islamic State.",
        "so-called",
        DistancedPhrase,
        &["isis"],
    ),
];
const NOT_DISTANCED_PHRASE: &[Row] = &[
    // The next term has no actor, or there is no term or mention.
    (
        "The so-called terrorist group fled.",
        "so-called",
        None,
        &[],
    ),
    ("The so-called peace talks failed.", "so-called", None, &[]),
    // The mention is more than three tokens away.
    (
        "The so-called, according to many observers, Islamic State struck.",
        "so-called",
        None,
        &[],
    ),
];

#[test]
fn distanced_phrase() {
    check(DistancedPhrase, DISTANCED_PHRASE, NOT_DISTANCED_PHRASE);
    check(SamePhrase, DISTANCING_NAMES, NOT_DISTANCING_NAMES);
}
