//! Integration tests: attribution.

use super::*;

/// (text, term, nth, expected actor ids, rule)
const LINK_CASES: &[(&str, &str, usize, &[&str], &str)] = &[
    (
        "Headline\nAleppo was hit by the HTS terror organization.",
        "terror organization",
        0,
        &["hts"],
        "same_phrase",
    ),
    (
        "Headline\nThey fled Assad's regime.",
        "Assad's regime",
        0,
        &["syrian-government"],
        "same_phrase",
    ),
    (
        "Headline\nHTS is a militant Islamist group that seeks a state.",
        "militant Islamist group",
        0,
        &["hts"],
        "copula",
    ),
    (
        "Headline\nBoth Turkey and the US maintain occupation forces in Syria.",
        "occupation forces",
        0,
        &["turkey", "united-states"],
        "coordination",
    ),
    (
        "Headline\nThe PKK, which has been designated as a terrorist group by Turkey, fought on.",
        "terrorist group",
        0,
        &["pkk"],
        "designation",
    ),
    (
        "Headline\nTurkey and the US back their respective insurgent groups.",
        "insurgent groups",
        0,
        &["sna", "sdf"],
        "proxy",
    ),
    (
        "Headline\nThe Turkish-backed National Army militia joined the battle.",
        "militia",
        0,
        &["sna"],
        "same_phrase",
    ),
    (
        "Headline\nFighters from a U.S.-backed, Kurdish-led coalition battled on.",
        "U.S.-backed",
        0,
        &["sdf"],
        "same_phrase",
    ),
    (
        "Headline\nSyrian-Russian operations eliminate dozens of fighters.",
        "eliminate",
        0,
        &["syrian-government", "russia"],
        "coordination",
    ),
    (
        "Headline\nFidan claimed that the strikes were legal.",
        "claimed",
        0,
        &["turkey"],
        "speaker_of_verb",
    ),
    (
        "Headline\nHTS fighters took the city. Later such terrorist groups took the airport.",
        "terrorist groups",
        0,
        &["hts"],
        "carried_over",
    ),
    // An act said of a bare "this" or "these" by a copula refers back to the last act before
    // it, in its sentence or the one before (discourse deixis), and takes its parties; not a
    // demonstrative with a noun of its own, nor an act two sentences back.
    (
        "Headline\nRussian forces committed massacres in Bucha. These are war crimes.",
        "war crimes",
        0,
        &["russia"],
        "carried_over",
    ),
    (
        "Headline\n\"The Malian junta and its Russian allies are committing massacres,\" she \
         said. \"These are war crimes.\"",
        "war crimes",
        0,
        &["mali", "russia"],
        "carried_over",
    ),
    (
        "Headline\nRussian forces committed massacres in Bucha. It is clearly a genocide.",
        "genocide",
        0,
        &["russia"],
        "carried_over",
    ),
    // Not in the words of the party the act was tied to, nor after a preposition.
    (
        "Headline\nRussian forces committed massacres in Bucha, Ukraine says. “This is a false \
         flag,” the Russian defence ministry said.",
        "false flag",
        0,
        &["ukraine"],
        "salience",
    ),
    (
        "Headline\nHamas gunmen massacred civilians at the festival. That was before the \
         retaliatory strikes began.",
        "retaliatory strikes",
        0,
        &["unnamed-1"],
        "unnamed_party",
    ),
    (
        "Headline\nRussian forces committed massacres in Bucha. These attacks are war crimes.",
        "war crimes",
        0,
        &["russia"],
        "salience",
    ),
    (
        "Headline\nRussian forces committed massacres in Bucha. The town was empty. These are \
         war crimes.",
        "war crimes",
        0,
        &["russia"],
        "salience",
    ),
    // A definite attribution noun refers back to the last statement reported before it: its
    // speaker, not the party that denies it; none when that statement has no speaker.
    (
        "Headline\nIsrael said the strike hit a base. Hamas denies the claims.",
        "claims",
        0,
        &["israel"],
        "carried_over",
    ),
    (
        "Headline\nIsrael said the strike hit a base. Hamas has also been accused of abuses. The claims could not be verified.",
        "claims",
        0,
        &[],
        "none",
    ),
    // A noun of saying set off by a comma after a reported clause sums up that statement
    // (a resumptive appositive): it, and a word of doubt its own verb casts it as, are the
    // speaker's; not a noun with its own "of", and none when the statement has no speaker.
    (
        "Headline\nIsrael said the strike hit a base, claims Hamas dismisses as propaganda.",
        "claims",
        0,
        &["israel"],
        "carried_over",
    ),
    (
        "Headline\nIsrael said the strike hit a base, claims Hamas dismisses as propaganda.",
        "propaganda",
        0,
        &["israel"],
        "carried_over",
    ),
    (
        "Headline\nIsrael said Hamas fired first, a charge rejected by the group as “baseless lies”.",
        "baseless",
        0,
        &["israel"],
        "carried_over",
    ),
    (
        "Headline\nÖcalan’s PKK said the strike hit a base, an allegation Türkiye denies.",
        "allegation",
        0,
        &["pkk"],
        "carried_over",
    ),
    (
        "Headline\nIsrael said the strike hit a base, claims of genocide are propaganda.",
        "claims",
        0,
        &[],
        "none",
    ),
    // Not a list, a new clause the noun is the subject of, or a subordinate clause's end.
    (
        "Headline\nIsrael said the group spread rumours, claims and propaganda.",
        "claims",
        0,
        &[],
        "none",
    ),
    (
        "Headline\nIsrael said the strike hit a base, allegations surfaced that it had lied.",
        "allegations",
        0,
        &[],
        "none",
    ),
    (
        "Headline\nWhen Israel said the strike hit a base, allegations the army denies surfaced.",
        "allegations",
        0,
        &[],
        "none",
    ),
    (
        "Headline\nCritics said the strike hit a base, claims Hamas dismisses as propaganda.",
        "claims",
        0,
        &[],
        "none",
    ),
    // A term owned by an earlier label, by its possessive or by "their" with no party named
    // between, is owned by the party that label was tied to; a name between owns it instead.
    (
        "Headline\nEthiopia's army attacked Fano positions. The regime's propaganda outlet \
         claimed victory.",
        "propaganda",
        0,
        &["ethiopia"],
        "possessor",
    ),
    (
        "Headline\nSomalia's army took the town. The Khawarij, through their propaganda \
         outlets, claimed victory.",
        "propaganda",
        0,
        &["al-shabaab"],
        "possessor",
    ),
    // Not a pronoun further on, whose antecedent may be any noun between ("the newspaper").
    (
        "Headline\nSomalia's army took the town. The junta shut the newspaper over its \
         propaganda.",
        "propaganda",
        0,
        &[],
        "none",
    ),
    // An owner the article never names: its unnamed party.
    (
        "Headline\nThe militants' propaganda outlet claimed victory.",
        "propaganda",
        0,
        &["unnamed-1"],
        "possessor",
    ),
    (
        "Headline\nSomalia's army took the town. The Khawarij fled, and Kenya, through its \
         propaganda outlets, claimed victory.",
        "propaganda",
        0,
        &["kenya"],
        "possessor",
    ),
    // "We" in quoted words is the speaker; "these terrorists" then does not carry the speaker
    // over from the act before it.
    (
        "Headline\nThe SDF fought on. \"We will liberate the city from these terrorists,\" Hamas said.",
        "liberate",
        0,
        &["hamas"],
        "speaker_subject",
    ),
    (
        "Headline\nThe SDF fought on. \"We will liberate the city from these terrorists,\" Hamas said.",
        "terrorists",
        0,
        &["sdf"],
        "salience",
    ),
    // A pronoun stands for the last person named: "his regime" is Assad's.
    (
        "Headline\nBashar al-Assad fled to Moscow. Critics said his regime had collapsed.",
        "regime",
        0,
        &["syrian-government"],
        "same_phrase",
    ),
    // A proxy word's modifier and of-phrase name the patron; the copula names the proxy.
    (
        "Headline\nHezbollah is a proxy of the Iranian regime.",
        "proxy",
        0,
        &["hezbollah"],
        "copula",
    ),
    // A past-tense act describes its subject, not the nearest actor (its object).
    (
        "Headline\nHamas terrorists invaded southern Israel and massacred civilians.",
        "massacred",
        0,
        &["hamas"],
        "nearest_in_clause",
    ),
    // An act noun's of-phrase is its victim, not its agent.
    (
        "Headline\nThe invasion of Ukraine began at dawn.",
        "invasion",
        0,
        &["unnamed-1"],
        "unnamed_party",
    ),
    // A compound backer modifying a group term names the patron; a verb ends the noun phrase.
    (
        "Headline\nThe Turkish-backed militias attacked Kurdish fighters.",
        "militias",
        0,
        &["sna"],
        "proxy",
    ),
    (
        "Headline\nThe Turkish-backed militias attacked Kurdish fighters.",
        "fighters",
        0,
        &[],
        "none",
    ),
    // A label with no actor anywhere stays without one.
    (
        "Headline\nThe militants left at dawn.",
        "militants",
        0,
        &["unnamed-1"],
        "unnamed_party",
    ),
    // Non-ASCII: an Arabic-script name beside a mapped actor.
    (
        "Headline\nهيئة تحرير الشام: the Hayat Tahrir al-Sham (HTS) terror organization took Hama.",
        "terror organization",
        0,
        &["hts"],
        "same_phrase",
    ),
];

#[test]
fn attribution_table() {
    let mut failures = Vec::new();
    for (text, term, nth, actors, rule) in LINK_CASES {
        let a = analyze(text);
        let Some(h) = a
            .hits
            .iter()
            .filter(|h| h.text.eq_ignore_ascii_case(term))
            .nth(*nth)
        else {
            failures.push(format!(
                "{text:?}: no hit {term:?} (hits {:?})",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let got: Vec<&str> = h.actor_ids();
        if got != *actors || h.link.as_str() != *rule {
            failures.push(format!(
                "{text:?}: {term:?} got {got:?} by {} ({}), want {actors:?} by {rule}",
                h.link.as_str(),
                h.link_detail
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Backward anaphora: a pronoun in a preposed adverbial stands for the main clause's subject,
/// not for the person of the sentence before.
#[test]
fn a_pronoun_in_a_preposed_adverbial_is_the_main_subject() {
    let rows: &[(&str, &str)] = &[
        (
            "Headline\nErdogan arrived on Monday.\nAfter days of reports about his advisers, \
             Blinken met the press.",
            "Blinken",
        ),
        // Not preposed: the pronoun looks back as usual.
        (
            "Headline\nErdogan arrived on Monday.\nReports about his advisers angered Blinken, \
             aides said.",
            "Erdogan",
        ),
    ];
    for &(text, want) in rows {
        assert_eq!(
            pronoun_antecedent(text, "his").as_deref(),
            Some(want),
            "{text:?}"
        );
    }
}

#[test]
fn a_pronoun_may_stand_for_a_titled_person_of_no_party() {
    // (text, the speaker's party, the speaker as resolved). A titled person no lexicon lists,
    // and whom the text places in no party, is named after the listed one: "he" is that
    // person, of no party, and not Erdogan. With no such person between, "he" is Erdogan.
    let rows: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "Headline\nErdogan met Putin on Monday.\n\nSen. Mark Warner spoke on Tuesday.\n\n\
             \"The regime must go,\" he said.",
            None,
            Some("Mark Warner"),
        ),
        (
            "Headline\nErdogan met Putin on Monday.\n\nHouse Majority Leader Steny Hoyer spoke \
             on Tuesday.\n\n\"The regime must go,\" he said.",
            None,
            Some("Steny Hoyer"),
        ),
        (
            "Headline\nErdogan met Putin on Monday.\n\nThe talks went on.\n\n\"The regime must \
             go,\" he said.",
            Some("turkey"),
            Some("Erdogan"),
        ),
    ];
    for &(text, party, name) in rows {
        let a = analyze(text);
        let h = hit(&a, "regime", 0);
        assert_eq!(h.speaker.as_deref(), Some("he"), "{text}");
        assert_eq!(h.speaker_actor.as_deref(), party, "{text}");
        assert_eq!(h.speaker_antecedent.as_deref(), name, "{text}");
    }
}

#[test]
fn a_pronoun_that_tags_a_quotation_is_no_person_named_inside_it() {
    // The quotation runs over two sentences and names Putin in the first; the tag's "he" is the
    // person named before the quotation, not Putin. A "he" inside the quotation may be Putin.
    let a = analyze(
        "Headline\nErdogan spoke on Monday.\n\n\"Putin must stop. The regime must go,\" he \
         said.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("turkey"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("Erdogan"));
    assert_eq!(
        pronoun_antecedent(
            "Headline\nErdogan spoke on Monday.\n\n\"Putin must stop. He must go,\" Erdogan said.",
            "he"
        )
        .as_deref(),
        Some("Putin")
    );
}

#[test]
fn a_participle_of_accusing_with_its_charge_takes_the_sentence_subject() {
    // (sentence, the speaker of the relation whose cue is the participle, if any). The
    // subject is a description, not a name: the participle needs its charge ("of", "for"
    // after an object of at most four words) to be read as that subject's words.
    let rows: &[(&str, Option<&str>)] = &[
        (
            "The army suspended RFI in 2022, accusing them of spreading lies.",
            Some("The army"),
        ),
        (
            "The army suspended RFI, blaming the station for the unrest.",
            Some("The army"),
        ),
        ("The army suspended RFI in 2022, accusing nobody.", None),
        (
            "The army suspended RFI, blaming the station, and left.",
            None,
        ),
    ];
    for &(sentence, speaker) in rows {
        let a = analyze(&format!("Headline\n\n{sentence}"));
        // The relation itself is there exactly when a speaker is expected.
        let got = a
            .attributions
            .iter()
            .find(|r| {
                r.cue
                    .as_ref()
                    .is_some_and(|c| c.text.starts_with("accusing") || c.text == "blaming")
            })
            .map(|r| r.speaker.clone());
        assert_eq!(got, speaker.map(|s| Some(s.to_owned())), "{sentence}");
    }
}

#[test]
fn a_label_that_opens_a_speaker_outranks_the_last_party_of_its_type() {
    // "The junta" as a speaker would be the last state named (Russia, by its adjective); the
    // label "junta" is tied to Burkina Faso, and the speaker is that party.
    let a = analyze(
        "Burkina Faso expels French diplomats\n\nBurkina Faso has expelled three French \
         diplomats, the government said. Burkina Faso accused them of subversion.\n\nRussian \
         instructors arrived in Ouagadougou last year.\n\nThe junta suspended RFI in 2022, \
         accusing it of spreading lies.",
    );
    assert_eq!(hit(&a, "junta", 0).actor_ids(), ["burkina-faso"]);
    let h = hit(&a, "accusing", 0);
    assert_eq!(h.actor_ids(), ["burkina-faso"], "{h:?}");
    let r = a
        .attributions
        .iter()
        .find(|r| r.cue.as_ref().is_some_and(|c| c.text == "accusing"))
        .expect("a relation with the cue 'accusing'");
    assert_eq!(r.speaker_actor.as_deref(), Some("burkina-faso"));
}

#[test]
fn near_miss_names_resolve_and_ordinary_words_do_not() {
    let a = analyze("Headline\nFidan told Blinekn that talks would go on. Then Araqchi arrived.");
    let names: Vec<(&str, &str)> = a
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.actor.as_str()))
        .collect();
    assert!(names.contains(&("Blinekn", "united-states")), "{names:?}");
    assert!(names.contains(&("Araqchi", "iran")), "{names:?}");
    let b = analyze("Headline\nThe Blanket Coalition met Nathan Arabic in Brazil and Nebraska.");
    // No lexicon actor is read into these words; "Blanket Coalition" has the shape of a group's
    // name, so it is a party no lexicon lists, and nothing else is.
    assert!(
        b.mentions.iter().all(|m| m.actor_index.is_none()),
        "false actors: {:?}",
        b.mentions
    );
    let parties: Vec<&str> = b.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parties, ["blanket-coalition"]);
}
