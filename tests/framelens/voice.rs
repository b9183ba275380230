//! Integration tests: voice.

use super::*;

/// (sentence, term, voice, speaker substring or "" for none)
const VOICE_CASES: &[(&str, &str, Voice, &str)] = &[
    // ... but a relative clause with a subject of its own is the frame's: the army speaks.
    (
        "Headline\nTroops shelled the villages which the army said were \"terrorist bases\".",
        "terrorist bases",
        Voice::Quote,
        "the army",
    ),
    // An opening determiner takes its noun phrase, up to the verb.
    (
        "Headline\nThe defence ministry said the \"terrorists\" fled.",
        "terrorists",
        Voice::Quote,
        "The defence ministry",
    ),
    // An adverb before a passive participle leaves it the main verb: its agent speaks on.
    (
        "Headline\nThe plan was reportedly announced by the rebels, describing it as \"a \
         terrorist plot\".",
        "terrorist",
        Voice::Quote,
        "the rebels",
    ),
    // A relative clause on the subject is no speaker of its own: the noun phrase before it
    // speaks, without the parties the clause names.
    (
        "Headline\nA government official who asked not to be named said the army was pursuing \
         \"terrorists\".",
        "terrorists",
        Voice::Quote,
        "A government official",
    ),
    (
        "Headline\n\"They accused us of feeding the terrorists,\" a survivor who fled to \
         Ouagadougou told RFI.",
        "terrorists",
        Voice::Quote,
        "a survivor",
    ),
    // A passive participle with its agent after a noun modifies the noun: a participle after
    // the comma shares the sentence's subject, not the agent ...
    (
        "Headline\nThe ministry rejected the government announced by the rebels in Nyala, \
         describing it as \"a terrorist plot\".",
        "terrorist",
        Voice::Quote,
        "The ministry",
    ),
    // ... while after a passive main verb the agent speaks on.
    (
        "Headline\nThe plan was announced by the rebels, describing it as \"a terrorist plot\".",
        "terrorist",
        Voice::Quote,
        "the rebels",
    ),
    // Narration.
    (
        "Headline\nThe rebels advanced on Hama.",
        "rebels",
        Voice::Author,
        "",
    ),
    // X said (that) ...
    (
        "Headline\nThe army said that terrorists attacked the town.",
        "terrorists",
        Voice::Reported,
        "The army",
    ),
    (
        "Headline\nErdogan said the militants must withdraw.",
        "militants",
        Voice::Reported,
        "Erdogan",
    ),
    // A fronted adverbial before the speaker is not reported words.
    (
        "Headline\nIn a statement, the army said the militants must withdraw.",
        "militants",
        Voice::Reported,
        "the army",
    ),
    (
        "Headline\nOn Monday, it said the militants must withdraw.",
        "militants",
        Voice::Reported,
        "it",
    ),
    // ..., X said (a fronted adverbial before the reported words too).
    (
        "Headline\nIn Idlib, the militants pushed close to the city, the army said.",
        "militants",
        Voice::Reported,
        "the army",
    ),
    (
        "Headline\nThe militants pushed close to the city, the Syrian Observatory said.",
        "militants",
        Voice::Reported,
        "the Syrian Observatory",
    ),
    // according to X
    (
        "Headline\nThe insurgents hold the airport, according to state media.",
        "insurgents",
        Voice::Reported,
        "state media",
    ),
    // Direct quotes, straight and curly, with the speaker before or after.
    (
        "Headline\nThe minister said: \"These terrorists will be defeated.\"",
        "terrorists",
        Voice::Quote,
        "The minister",
    ),
    (
        "Headline\n“We will crush the terrorist gangs,” the president said.",
        "terrorist",
        Voice::Quote,
        "the president",
    ),
    (
        "Headline\n\"We fight the occupation forces,\" said Nasrallah.",
        "occupation forces",
        Voice::Quote,
        "Nasrallah",
    ),
    // A short quote with no speaker is a scare quote...
    (
        "Headline\nThe group's fighters carry the \"liberation\" flag.",
        "liberation",
        Voice::Scare,
        "",
    ),
    // ... but a short quote given as a name is the namer's (see NAMING_CASES).
    (
        "Headline\nThe group calls itself a \"liberation movement\" in its statements.",
        "liberation",
        Voice::Quote,
        "The group",
    ),
    // so-called: what follows is held at arm's length; the marker is the outlet's own word in
    // its narration, and takes the speaker's voice in reported words.
    (
        "Headline\nFighters of the so-called resistance crossed the border.",
        "resistance",
        Voice::Scare,
        "",
    ),
    (
        "Headline\nFighters of the so-called resistance crossed the border.",
        "so-called",
        Voice::Author,
        "",
    ),
    (
        "Headline\nThe ministry said fighters of the so-called resistance crossed the border.",
        "so-called",
        Voice::Reported,
        "The ministry",
    ),
    // Designation with and without a designator.
    (
        "Headline\nThe group has been designated as a terrorist organization by Turkey and the United States.",
        "terrorist organization",
        Voice::Reported,
        "Turkey and the United States",
    ),
    (
        "Headline\nThe U.S.-designated terrorist organization has 5,000 fighters.",
        "terrorist organization",
        Voice::Reported,
        "U.S.",
    ),
    (
        "Headline\nIt backs HTS—designated as a terrorist organization—on the front.",
        "terrorist organization",
        Voice::Author,
        "",
    ),
    // A gloss in brackets inside reported words is the outlet's; an acronym in brackets restates
    // the words before it, in their voice.
    (
        "Headline\nPakistan said the people of Indian Illegally Occupied Jammu and Kashmir (IIOJK) were victims.",
        "IIOJK",
        Voice::Reported,
        "Pakistan",
    ),
    (
        "Headline\nPakistan said Kashmiris (the terrorists, in Indian parlance) were victims.",
        "terrorists",
        Voice::Author,
        "",
    ),
    // Active designations name their designator; so does a passive with "by X" before the term.
    (
        "Headline\nThe United States re-designated the group a Foreign Terrorist Organization in 2021.",
        "Terrorist Organization",
        Voice::Reported,
        "United States",
    ),
    (
        "Headline\nThe group, which the EU and Britain also list as a terrorist organization, denied it.",
        "terrorist organization",
        Voice::Reported,
        "EU and Britain",
    ),
    (
        "Headline\nIt was designated by Washington as a terrorist organization in 2018.",
        "terrorist organization",
        Voice::Reported,
        "Washington",
    ),
    // A subject separated from its verb by an apposition or relative clause.
    (
        "Headline\nThe Sudanese army, which has fought the RSF since April, said the militia shelled the city.",
        "militia",
        Voice::Reported,
        "The Sudanese army, which has fought the RSF since April",
    ),
    // A speech act with a passive agent.
    (
        "Headline\nThe raid was described by Putin as a terrorist attack.",
        "terrorist attack",
        Voice::Reported,
        "Putin",
    ),
    // A further quote in the same paragraph keeps its speaker.
    (
        "Headline\n“We will respond,” Katz said in a statement. “The days when terrorists could fire at will are over.”",
        "terrorists",
        Voice::Quote,
        "Katz",
    ),
    // British single quotes across a sentence boundary.
    (
        "Headline\nThe minister said: ‘They are criminals. These terrorists must be stopped.’",
        "terrorists",
        Voice::Quote,
        "The minister",
    ),
    // A headline's source after a final dash.
    (
        "Russian forces liberate two more villages in Donbass – MOD\nText.",
        "liberate",
        Voice::Reported,
        "MOD",
    ),
    // Or after a final colon, when it names a party the text knows or is an acronym.
    (
        "Security forces send 11 terrorists to hell in North Waziristan: ISPR\nText.",
        "terrorists",
        Voice::Reported,
        "ISPR",
    ),
    (
        "Ceasefire collapses as rebels advance: Live Updates\nText.",
        "rebels",
        Voice::Author,
        "",
    ),
    (
        "Army routs terrorists in the north: What We Know\nText.",
        "terrorists",
        Voice::Author,
        "",
    ),
    (
        "Truce with the terrorists collapses: Israel Resumes Strikes\nText.",
        "terrorists",
        Voice::Author,
        "",
    ),
    (
        "Army routs terrorists in the north: VIDEO\nText.",
        "terrorists",
        Voice::Author,
        "",
    ),
    // A participle frame whose subject opens the sentence.
    (
        "Headline\nRussia launched the operation in 2022, citing the need to “denazify” Ukraine.",
        "denazify",
        Voice::Quote,
        "Russia",
    ),
    // After a fronted adverbial or clause, the subject of the clause after its comma: a name
    // after "After" is no subject.
    (
        "Headline\nIn a speech on Sunday, Iran's president defended the strikes, saying the Zionist regime had provoked them.",
        "Zionist regime",
        Voice::Reported,
        "Iran",
    ),
    (
        "Headline\nIn a speech on Sunday, he defended the strikes, saying the Zionist regime had provoked them.",
        "Zionist regime",
        Voice::Reported,
        "he",
    ),
    (
        "Headline\nAfter Iran struck, Israeli officials hit back, saying the terrorists had provoked them.",
        "terrorists",
        Voice::Reported,
        "Israeli",
    ),
    // An adverb before the name leaves it the subject; a possessive in the adverbial is no
    // finite verb; a second comma-closed phrase after the adverbial ("In Beirut, Lebanon,")
    // leaves the participle with no subject rather than a wrong one.
    (
        "Headline\nMeanwhile Russia launched new strikes, saying the Kyiv regime had provoked them.",
        "Kyiv regime",
        Voice::Reported,
        "Russia",
    ),
    (
        "Headline\nIn Sunday's speech, he defended the strikes, saying the Zionist regime had provoked them.",
        "Zionist regime",
        Voice::Reported,
        "he",
    ),
    (
        "Headline\nIn Beirut, Lebanon, Hezbollah fired rockets, saying the Zionist enemy had provoked the attack.",
        "Zionist enemy",
        Voice::Author,
        "",
    ),
    // "The group said": the last armed group named.
    (
        "Headline\nHamas fighters attacked the post.\nThe group said the occupation forces had retreated.",
        "occupation forces",
        Voice::Reported,
        "The group",
    ),
    // Text after a quoted complement is the outlet's again.
    (
        "Headline\nBlinken stressed \"the need for calm in Aleppo,\" which has been hit by a terror offensive.",
        "terror offensive",
        Voice::Author,
        "",
    ),
    // An expletive subject is not a speaker.
    (
        "Headline\nIt is worth noting that both sides keep occupation forces there.",
        "occupation forces",
        Voice::Author,
        "",
    ),
    // Coreference: the pronoun takes the last person named.
    (
        "Headline\nErdogan spoke to Putin.\nHe also said the Syrian regime must negotiate.",
        "Syrian regime",
        Voice::Reported,
        "He",
    ),
    // A quote across paragraphs with a repeated opening mark keeps its speaker.
    (
        "Headline\nThe envoy said: \"The rebels are armed by foreigners.\n\"The terrorists must leave Aleppo,\" he added.",
        "terrorists",
        Voice::Quote,
        "",
    ),
    // Non-ASCII names, curly quotes and an em dash.
    (
        "Headline\nقال المتحدث Abu Mohammed al-Jolani said the “occupation forces” must leave — now.",
        "occupation forces",
        Voice::Quote,
        "Abu Mohammed al-Jolani",
    ),
    // A designation whose object has an apposition: the designator speaks.
    (
        "Headline\nTürkiye also considers the SDF, the US-backed force in the northeast, to be a terrorist group.",
        "terrorist group",
        Voice::Reported,
        "Türkiye",
    ),
    // The object of a preposition after a naming verb's object is not a name ("called elections
    // in a rebel-held town" names nothing).
    (
        "Headline\nThe junta called elections in a rebel-held town.",
        "rebel-held",
        Voice::Author,
        "",
    ),
    // A quote that opens the words ends them, unless a preposition continues them, to the end
    // of its phrase; one of time does not.
    (
        "Headline\nIran vows “crushing response” to any aggression, as the rebels advance.",
        "rebels",
        Voice::Author,
        "",
    ),
    (
        "Headline\nThe army said “surrender” on Monday as the rebels fled.",
        "rebels",
        Voice::Author,
        "",
    ),
    (
        "Headline\nIran vows 'crushing response' to any new aggression by the Israeli regime.",
        "aggression",
        Voice::Reported,
        "Iran",
    ),
    (
        "Headline\nAbbas condemned “a massacre”. The army said the militants fled.",
        "massacre",
        Voice::Quote,
        "Abbas",
    ),
    // A parenthetical of inclusion after the object is passed over like an apposition.
    (
        "Headline\nThe United Nations considers the West Bank, including East Jerusalem, to be occupied territory.",
        "occupied territory",
        Voice::Reported,
        "United Nations",
    ),
    // A denial is a frame like any other; the negation is recorded on the hit.
    (
        "Headline\nAnkara denies they are terrorists.",
        "terrorists",
        Voice::Reported,
        "Ankara",
    ),
    // Adjuncts between the verb and "that" say where and when the words were said: the
    // outlet's voice. The words begin at "that".
    (
        "Headline\nThe army said in a statement on the rebels' raid that five soldiers died.",
        "rebels",
        Voice::Author,
        "",
    ),
    (
        "Headline\nThe army said in a statement on Friday that militants attacked the town.",
        "militants",
        Voice::Reported,
        "The army",
    ),
    (
        "Headline\nThe army wrote in a post on Telegram: militants attacked the town.",
        "militants",
        Voice::Reported,
        "The army",
    ),
    // After a verb of telling, the addressee before "that" is not the words either.
    (
        "Headline\nErdogan told the rebels on Monday that the army would stay.",
        "rebels",
        Voice::Author,
        "",
    ),
    (
        "Headline\nErdogan told reporters in Ankara that the militants must withdraw.",
        "militants",
        Voice::Reported,
        "Erdogan",
    ),
    // A "that" after an object opens a relative clause inside the words.
    (
        "Headline\nThe army said the militants that attacked the town had fled.",
        "militants",
        Voice::Reported,
        "The army",
    ),
    // Adjuncts between commas, and after a participle frame, are not the words either.
    (
        "Headline\nShe also said, without evidence, that the militants had fled.",
        "without evidence",
        Voice::Author,
        "",
    ),
    (
        "Headline\nShe also said, without evidence, that the militants had fled.",
        "militants",
        Voice::Reported,
        "She",
    ),
    (
        "Headline\nThe minister ended the talks, claiming without evidence that the militants had fled.",
        "without evidence",
        Voice::Author,
        "",
    ),
    // American style puts the comma inside the closing mark: the participle after it still
    // starts its own frame.
    (
        "Headline\nTrump insisted that he had “won the debate,” claiming that the town was calm.",
        "claiming",
        Voice::Author,
        "",
    ),
    // ... but not after a verb that takes an infinitive, after "of", or after more than an
    // addressee: what follows is the words.
    (
        "Headline\nThe minister vowed to crush the terrorists that attacked the town.",
        "terrorists",
        Voice::Reported,
        "The minister",
    ),
    (
        "Headline\nThe army warned of terrorists that would strike again.",
        "terrorists",
        Voice::Reported,
        "The army",
    ),
    (
        "Headline\nErdogan told CNN the militants that attacked the town were finished.",
        "militants",
        Voice::Reported,
        "Erdogan",
    ),
    (
        "Headline\nErdogan ended the talks, also claiming that the militants had fled.",
        "militants",
        Voice::Reported,
        "Erdogan",
    ),
    (
        "Headline\nThe minister ended the talks, also claiming that the town was calm.",
        "claiming",
        Voice::Author,
        "",
    ),
    // A reporting verb in a relative clause of the sentence's subject reports nothing ...
    (
        "Headline\nThe ceasefire he promised has turned into a war with the militants.",
        "militants",
        Voice::Author,
        "",
    ),
    // ... but where the gap is the subject of its words, they are reported: after a verb, or
    // when another finite verb follows, the sentence's own.
    (
        "Headline\nThe camp the army says is a terrorist base was evacuated.",
        "terrorist base",
        Voice::Reported,
        "the army",
    ),
    (
        "Headline\nThe army named the towns the rebels said were held by militants.",
        "militants",
        Voice::Reported,
        "the rebels",
    ),
    // A participle after a preposition of manner or time is an adverbial of the clause: its
    // speaker is the clause's subject.
    (
        "Headline\nTrump landed in hot water by saying that the militants had won.",
        "militants",
        Voice::Reported,
        "Trump",
    ),
    // A verb after "but" or "and" shares the subject the sentence opens with, a name or a
    // pronoun, when it takes a clause.
    (
        "Headline\nShe cut the debt in five years, but said the militants had won.",
        "militants",
        Voice::Reported,
        "She",
    ),
    (
        "Headline\nShe cut the debt in five years, but warned of the militants.",
        "militants",
        Voice::Author,
        "",
    ),
    // A quantifier alone, or a share, is a subject that speaks.
    (
        "Headline\nSome said the militants had won.",
        "militants",
        Voice::Reported,
        "Some",
    ),
    (
        "Headline\nBy big margins, 47% say the militants had won.",
        "militants",
        Voice::Reported,
        "47%",
    ),
    // ... and "some" before a noun is still the determiner of its subject.
    (
        "Headline\nSome people said the militants had won.",
        "militants",
        Voice::Reported,
        "Some people",
    ),
    // A participle after a comma and an adverb starts its own frame: the adverb and the
    // participle are the outlet's description of the act, and the earlier words end at the
    // comma.
    (
        "Headline\nThe minister dismissed the report, falsely claiming that the militants had fled.",
        "militants",
        Voice::Reported,
        "The minister",
    ),
    (
        "Headline\nThe minister dismissed the report, falsely claiming that the town was calm.",
        "claiming",
        Voice::Author,
        "",
    ),
];

/// A passive of accusing with no agent ("X accused of ...", "X has been accused of ..."): the
/// charge is someone's words, and the text does not say whose, so the hit is reported with no
/// speaker; with "by X" the agent speaks. What it does not reach: a verb after "and" shares no
/// speaker with it, and the charge ends with its clause. "Called X, the ..., and ..." is a call,
/// not a name.
#[test]
fn agentless_accusations_are_reported_with_no_speaker() {
    use Voice::{Author, Reported};
    // (text, term, voice, speaker)
    let rows: &[(&str, &str, Voice, Option<&str>)] = &[
        (
            "Mali’s junta accused of war crimes after raid\nText.",
            "war crimes",
            Reported,
            None,
        ),
        (
            "Headline\nJNIM has also been accused of atrocities.",
            "atrocities",
            Reported,
            None,
        ),
        (
            "Headline\nThe army was charged with war crimes.",
            "war crimes",
            Reported,
            None,
        ),
        (
            "Headline\nThe army was accused by rights groups of atrocities.",
            "atrocities",
            Reported,
            Some("rights groups"),
        ),
        // Active: the subject accuses.
        (
            "Headline\nIndia accused Pakistan of terrorism.",
            "terrorism",
            Reported,
            Some("India"),
        ),
        // Inside another frame's words the charge is that speaker's.
        (
            "Headline\nHamas was accused of war crimes, Israel said.",
            "war crimes",
            Reported,
            Some("Israel"),
        ),
        (
            "Headline\nHamas was accused of war crimes and denied any atrocities.",
            "atrocities",
            Author,
            None,
        ),
        (
            "Mali’s junta accused of war crimes after atrocities in Moura\nText.",
            "atrocities",
            Author,
            None,
        ),
        (
            "Headline\nErdogan called Biden, the US president, and discussed the terrorist attack.",
            "terrorist attack",
            Author,
            None,
        ),
    ];
    for &(text, term, voice, speaker) in rows {
        let a = analyze(text);
        let h = hit(&a, term, 0);
        assert_eq!(
            (h.voice, h.speaker.as_deref()),
            (voice, speaker),
            "{text:?}: {}",
            h.voice_rule
        );
    }
}

/// A frame that shares a subject with no frame before it (a participle, "... and accused")
/// takes the subject its sentence opens with, and that subject resolves to its party.
#[test]
fn a_frame_with_the_opening_subject_resolves_its_speaker() {
    let rows: &[(&str, &str, &str)] = &[
        (
            "Headline\nRussia launched the operation in 2022, citing the need to “denazify” Ukraine.",
            "denazify",
            "russia",
        ),
        (
            "Headline\nThe Houthis seized the ship and claimed that the “aggression” would stop.",
            "aggression",
            "houthis",
        ),
    ];
    for &(text, term, actor) in rows {
        let a = analyze(text);
        let h = hit(&a, term, 0);
        assert_eq!(
            h.speaker_actor.as_deref(),
            Some(actor),
            "{text:?}: {}",
            h.voice_rule
        );
    }
}

/// What an act is done to: the party after "of", "against" or "on", or the object of a verb
/// form, with the parties an "and" coordinates with it. (text, term, `done_to` ids.)
#[test]
fn an_act_records_the_parties_it_is_done_to() {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "Headline\nRussia invaded Ukraine in 2022.",
            "invaded",
            &["ukraine"],
        ),
        (
            "Headline\nThe invasion of Ukraine was condemned in Kyiv.",
            "invasion",
            &["ukraine"],
        ),
        (
            "Headline\nHamas launched terror attacks on Israel and the United States.",
            "terror attacks",
            &["israel", "united-states"],
        ),
        // A comma alone may open an apposition, not a list.
        (
            "Headline\nThe PKK waged a terror campaign against Türkiye, the EU says.",
            "terror campaign",
            &["turkey"],
        ),
        // A party named by its adjective is where the act happens, not whom it is done to.
        (
            "Headline\nRussia continued the invasion of Ukrainian towns.",
            "invasion",
            &[],
        ),
        // A label is done to no one.
        (
            "Headline\nThe terrorists attacked Israel.",
            "terrorists",
            &[],
        ),
        // A noun in -ing after a determiner has no object: "Russia" is a new subject.
        (
            "Headline\nAfter the abducting Russia said nothing.",
            "abducting",
            &[],
        ),
        // What stands after the sentence's end is no object.
        (
            "Headline\nThey spoke of the invasion of. Ukraine was calm.",
            "invasion",
            &[],
        ),
    ];
    for &(text, term, want) in rows {
        let a = analyze(text);
        let h = hit(&a, term, 0);
        assert_eq!(h.done_to_ids(), want, "{text:?}: {}", h.link_detail);
    }
    // `--explain` says what the act was done to, and JSON carries it.
    let dir = tempfile::tempdir().unwrap();
    let art = write_temp(
        &dir,
        "a.txt",
        b"Headline\nRussia invaded Ukraine in 2022.\n",
    );
    let run = |args: &[&str]| {
        let out = framelens()
            .arg("score")
            .arg(&art)
            .args(args)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let text = run(&["--explain", "--color", "never"]);
    assert!(
        text.contains("      done to: ukraine (the party after"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&["-f", "json"])).unwrap();
    let hits = json["articles"][0]["hits"]
        .as_array()
        .or(json["hits"].as_array());
    let invaded = hits
        .unwrap()
        .iter()
        .find(|h| h["text"] == "invaded")
        .unwrap();
    assert_eq!(invaded["done_to"], serde_json::json!(["ukraine"]), "{json}");
}

#[test]
fn voice_table() {
    let mut failures = Vec::new();
    for (text, term, voice, speaker) in VOICE_CASES {
        let a = analyze(text);
        let Some(h) = a.hits.iter().find(|h| h.text.eq_ignore_ascii_case(term)) else {
            failures.push(format!(
                "{text:?}: no hit {term:?} (hits {:?})",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let sp = h.speaker.clone().unwrap_or_default();
        if h.voice != *voice
            || !sp.contains(speaker)
            || (speaker.is_empty() && *voice == Voice::Author && h.speaker.is_some())
        {
            failures.push(format!(
                "{text:?}: {term:?} got {:?} speaker {:?} ({}), want {voice:?} speaker containing {speaker:?}",
                h.voice, h.speaker, h.voice_rule
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Naming constructions: (text, term, voice, rule substring, speaker as written or "" for
/// none, negated). A naming verb's object complement is the namer's wording.
const NAMING_CASES: &[(&str, &str, Voice, &str, &str, bool)] = &[
    // An apposition between the object and the name.
    (
        "Headline\nErdogan called the SDF, the US-backed force in the northeast, a terrorist group.",
        "terrorist group",
        Voice::Reported,
        "naming: X calls them Y",
        "Erdogan",
        false,
    ),
    // An object completed by a prepositional phrase runs to the name that follows it, past the
    // preposition's own object.
    (
        "Headline\nErdogan called the strike on a school a massacre.",
        "massacre",
        Voice::Reported,
        "naming: X calls them Y",
        "Erdogan",
        false,
    ),
    (
        "Headline\nLebanon's president has called Israel's continued presence at five hilltops an occupation.",
        "occupation",
        Voice::Reported,
        "naming: X calls them Y",
        "Lebanon's president",
        false,
    ),
    (
        "Headline\nErdogan called the raid on the camp a “massacre”.",
        "massacre",
        Voice::Quote,
        "inside quotation marks with a speaker",
        "Erdogan",
        false,
    ),
    // Relative clause: the namer is the antecedent; bare, straight and curly marks.
    (
        "Headline\nThe rebels, who call themselves freedom fighters, took the town.",
        "freedom fighters",
        Voice::Reported,
        "naming: X, who call themselves Y",
        "The rebels",
        false,
    ),
    (
        "Headline\nThe rebels, who call themselves \"freedom fighters\", took the town.",
        "freedom fighters",
        Voice::Quote,
        "inside quotation marks with a speaker",
        "The rebels",
        false,
    ),
    (
        "Headline\nThe rebels, who call themselves “freedom fighters”, took the town.",
        "freedom fighters",
        Voice::Quote,
        "inside quotation marks with a speaker",
        "The rebels",
        false,
    ),
    // Active: X calls / called / labels / describes / refers to / brands them Y.
    (
        "Headline\nThe government calls them terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "The government",
        false,
    ),
    (
        "Headline\nTurkey called the fighters terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Turkey",
        false,
    ),
    (
        "Headline\nTurkey labels the YPG as terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Turkey",
        false,
    ),
    (
        "Headline\nTurkey described the fighters as terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Turkey",
        false,
    ),
    (
        "Headline\nAnkara refers to them as terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Ankara",
        false,
    ),
    (
        "Headline\nErdogan brands them terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Erdogan",
        false,
    ),
    (
        "Headline\nHe called the attack a terrorist act.",
        "terrorist",
        Voice::Reported,
        "naming: X calls them Y",
        "He",
        false,
    ),
    (
        "Headline\nThe minister called them “terrorists” on Monday.",
        "terrorists",
        Voice::Quote,
        "inside quotation marks with a speaker",
        "The minister",
        false,
    ),
    // Negation keeps the namer and is recorded.
    (
        "Headline\nAnkara does not call them terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Ankara",
        true,
    ),
    (
        "Headline\nAnkara doesn't call them terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "Ankara",
        true,
    ),
    // "what X called Y": the name is X's, the marker itself the outlet's.
    (
        "Headline\nHezbollah fired rockets in what Moscow calls terrorism.",
        "terrorism",
        Voice::Reported,
        "naming: what X called Y",
        "Moscow",
        false,
    ),
    (
        "Headline\nHezbollah fired rockets in what Moscow calls terrorism.",
        "what Moscow calls",
        Voice::Author,
        "naming marker chosen by the outlet",
        "",
        false,
    ),
    (
        "Headline\nAbbas condemned what he described as a massacre.",
        "massacre",
        Voice::Reported,
        "naming: what X called Y",
        "he",
        false,
    ),
    (
        "Headline\nAbbas condemned what he called “a massacre” in Jenin.",
        "massacre",
        Voice::Quote,
        "inside quotation marks with a speaker",
        "he",
        false,
    ),
    // Designation in a relative clause, the designator named but not a known actor.
    (
        "Headline\nThe KLF, which Brussels designated as a terrorist organization, denied it.",
        "terrorist organization",
        Voice::Reported,
        "designation by the subject of a relative clause",
        "Brussels",
        false,
    ),
    // Passive with an agent, before or after the name.
    (
        "Headline\nThe group, described by Ankara as terrorists, denied it.",
        "terrorists",
        Voice::Reported,
        "naming: called Y by X, passive with an agent",
        "Ankara",
        false,
    ),
    (
        "Headline\nFighters labelled terrorists by the government fled.",
        "terrorists",
        Voice::Reported,
        "naming: called Y by X, passive with an agent",
        "the government",
        false,
    ),
    (
        "Headline\nThe fighters were branded terrorists by Turkey.",
        "terrorists",
        Voice::Reported,
        "naming: called Y by X, passive with an agent",
        "Turkey",
        false,
    ),
    // A passive with no agent: no namer, so the outlet's voice with a rule that says so.
    (
        "Headline\nThe group, described as terrorists, denied it.",
        "terrorists",
        Voice::Author,
        "naming with no namer",
        "",
        false,
    ),
    (
        "Headline\nThe fighters were labelled terrorists.",
        "terrorists",
        Voice::Author,
        "naming with no namer",
        "",
        false,
    ),
    // An auxiliary makes the participle active, whatever stands before it: an insertion
    // between the namer and the verb closes with a comma.
    (
        "Headline\nThe government, led by Burhan, has branded the RSF terrorists.",
        "terrorists",
        Voice::Reported,
        "naming: X calls them Y",
        "The government, led by Burhan",
        false,
    ),
    (
        "Headline\nThe PKK has been branded terrorists.",
        "terrorists",
        Voice::Author,
        "naming with no namer",
        "",
        false,
    ),
    // ... unless the sentence is someone's reported words.
    (
        "Headline\nErdogan said the group, described as terrorists, must leave.",
        "terrorists",
        Voice::Reported,
        "reported: X said (that)",
        "Erdogan",
        false,
    ),
    // Other senses of the verbs: no naming.
    (
        "Headline\nPolice called to the scene found terrorists.",
        "terrorists",
        Voice::Author,
        "narration",
        "",
        false,
    ),
    (
        "Headline\nBlinken calls Turkey's Fidan about the terrorists.",
        "terrorists",
        Voice::Author,
        "narration",
        "",
        false,
    ),
    (
        "Headline\nTerrorists called the hotline.",
        "Terrorists",
        Voice::Author,
        "narration",
        "",
        false,
    ),
    (
        "Headline\nThe militants called for a ceasefire.",
        "militants",
        Voice::Author,
        "speaker tag",
        "",
        false,
    ),
    (
        "Headline\nThe rebels described the terrorists in detail.",
        "terrorists",
        Voice::Reported,
        "reported: X said (that)",
        "The rebels",
        false,
    ),
];

#[test]
fn naming_table() {
    let mut failures = Vec::new();
    for (text, term, voice, rule, speaker, negated) in NAMING_CASES {
        let a = analyze(text);
        let Some(h) = a.hits.iter().find(|h| h.text.eq_ignore_ascii_case(term)) else {
            failures.push(format!(
                "{text:?}: no hit {term:?} (hits {:?})",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let sp = h.speaker.as_deref().unwrap_or("");
        if h.voice != *voice
            || !h.voice_rule.contains(rule)
            || sp != *speaker
            || h.negated != *negated
        {
            failures.push(format!(
                "{text:?}: {term:?} got {:?} {:?} speaker {sp:?} negated {}, want {voice:?} {rule:?} speaker {speaker:?} negated {negated}",
                h.voice, h.voice_rule, h.negated
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn naming_speaker_resolves_to_its_actor() {
    let a = analyze("Headline\nTurkey called the fighters terrorists.");
    assert_eq!(
        hit(&a, "terrorists", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
    let b = analyze("Headline\nThe group, described by Ankara as terrorists, denied it.");
    assert_eq!(
        hit(&b, "terrorists", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
    let c = analyze("Headline\nPutin spoke.\nAbbas condemned what he called a massacre.");
    assert_eq!(
        hit(&c, "massacre", 0).speaker_actor.as_deref(),
        Some("palestinian-authority")
    );
}

#[test]
fn negation_scope() {
    // (text, term, negated)
    let cases = [
        ("Headline\nNobody here is a terrorist.", "terrorist", true),
        (
            "Headline\nThere is no place for terrorists here.",
            "terrorists",
            false,
        ),
        (
            "Headline\nThe NUG denies that its forces are terrorists in any sense.",
            "terrorists",
            true,
        ),
        ("Headline\nThey are not rebels.", "rebels", true),
    ];
    for (text, term, want) in cases {
        let a = analyze(text);
        assert_eq!(hit(&a, term, 0).negated, want, "{text}");
    }
}

#[test]
fn negation_is_recorded_not_cancelled() {
    let a = analyze("Headline\nAnkara denies they are terrorists.");
    let h = hit(&a, "terrorists", 0);
    assert!(h.negated, "{h:?}");
    assert_eq!(h.negation.as_deref(), Some("denies"));
}

#[test]
fn speaker_resolves_through_definite_descriptions_but_not_relational_heads() {
    let a = analyze(
        "Headline\nHamas fighters attacked the post.\nThe group said the occupation forces had retreated.",
    );
    assert_eq!(
        hit(&a, "occupation forces", 0).speaker_actor.as_deref(),
        Some("hamas")
    );
    let b = analyze(
        "Headline\nCritics of the Biden administration said the militias were Iran's proxies.",
    );
    assert_eq!(hit(&b, "militias", 0).speaker_actor, None);
}

#[test]
fn an_organ_and_a_headline_speaker_resolve_to_the_party_the_body_names() {
    // "The General Command" is an organ, not a general; the headline shortens the name the body
    // gives in full, and the body's own shortened name is the listed alias without "of ...".
    let a = analyze(
        "General Command: terrorist militias mobilise west of Sirte\n\
         The General Command of the Libyan Arab Armed Forces announced that its units were on \
         alert.\nThe General Command also said the terrorists had fled.",
    );
    for term in ["terrorist militias", "terrorists"] {
        let h = hit(&a, term, 0);
        assert_eq!(h.speaker_actor.as_deref(), Some("lna"), "{term}");
        assert!(!h.describes("lna"), "{term}: {:?}", h.actors);
    }
    // A headline speaker that no later speaker shares a head word with stays unresolved.
    let b = analyze(
        "Residents: terrorists attacked the village\nThe Libyan National Army said it had \
         repelled the attack.",
    );
    assert_eq!(hit(&b, "terrorists", 0).speaker_actor, None);
    // A role noun in the headline may be any minister the body quotes.
    let c = analyze(
        "Minister: terrorists attacked the village\nForeign Minister Abbas Araghchi said the \
         attack was condemned.",
    );
    assert_eq!(hit(&c, "terrorists", 0).speaker_actor, None);
}

#[test]
fn the_statement_speaks_for_whoever_issued_it() {
    // "the statement" as a speaker is the party whose frame named a statement before it ...
    let a = analyze(
        "Headline\nIn a statement, the spokesman of the Rapid Support Forces said the town was \
         taken. \"The terrorists fled,\" the statement said.",
    );
    assert_eq!(
        hit(&a, "terrorists", 0).speaker_actor.as_deref(),
        Some("rsf")
    );
    // ... and no one's when no statement was named.
    let b = analyze(
        "Headline\nThe spokesman of the Rapid Support Forces said the town was taken. \"The \
         terrorists fled,\" the statement said.",
    );
    assert_eq!(hit(&b, "terrorists", 0).speaker_actor, None);
}

#[test]
fn a_speaker_written_short_keeps_the_title_it_was_introduced_with() {
    // An acronym stands for the organ named before its first use in brackets, a surname for
    // the titled name it was introduced with, and "he" for the person who spoke last.
    let a = analyze(
        "Troops neutralise 52 terrorists in North East: DHQ\nThe Defence Headquarters (DHQ) \
         says Nigerian troops have neutralised 52 terrorists. The Director of Defence Media \
         Operations, Brigadier General Samuel Akpan, disclosed this on Thursday. \"The \
         insurgents are on the run,\" Akpan said. He said the militants had lost their bases. \
         The DHQ urged the public to report the jihadists.",
    );
    for (term, nth) in [
        ("terrorists", 0),
        ("insurgents", 0),
        ("militants", 0),
        ("jihadists", 0),
    ] {
        let h = hit(&a, term, nth);
        assert_eq!(h.speaker_actor.as_deref(), Some("nigeria"), "{term}");
        assert!(h.speaker_by_office, "{term}");
    }
    // Not: a surname introduced with no office of a state, nor a pronoun after such a speaker.
    let b = analyze(
        "Headline\nFighting continued near Abuja on Monday. Local farmer Samuel Akpan described \
         the attack. \"The insurgents are on the run,\" Akpan said. He said the militants had \
         fled.",
    );
    assert_eq!(hit(&b, "insurgents", 0).speaker_actor, None);
    assert_eq!(hit(&b, "militants", 0).speaker_actor, None);
    // Not: a pronoun after another person spoke is that person, not the official before.
    let c = analyze(
        "Headline\nNigerian troops fought near Maiduguri. The Director of Defence Media \
         Operations, Brigadier General Samuel Akpan, disclosed this on Thursday. \"The \
         insurgents are on the run,\" Akpan said. Local farmer Musa Bello said the attack was \
         over. He said the militants had fled.",
    );
    assert_eq!(
        hit(&c, "insurgents", 0).speaker_actor.as_deref(),
        Some("nigeria")
    );
    assert_eq!(hit(&c, "militants", 0).speaker_actor, None);
    // Not: a name first written after a verb ("told Reuters") has no title.
    let d = analyze(
        "Headline\nNigerian troops fought near Maiduguri. Brigadier General Samuel Akpan told \
         Reuters the troops had advanced. Reuters said the militants had fled.",
    );
    assert_eq!(hit(&d, "militants", 0).speaker_actor, None);
}

#[test]
fn an_unnamed_official_speaks_for_the_state_in_focus_by_title() {
    let a = analyze(
        "Niger army repels attack\nNiger's army said on Monday it had repelled an attack near \
         Tillaberi. Interior ministry spokesman Moussa Garba said the terrorists had fled.",
    );
    let h = hit(&a, "terrorists", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("niger"));
    assert!(h.speaker_by_office);
    // A speaker the text names a party for is not read from the title.
    let b = analyze(
        "Headline\nNiger's army said on Monday it had repelled an attack near Tillaberi. \
         JNIM spokesman Moussa Garba said the terrorists had fled.",
    );
    let h = hit(&b, "terrorists", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("jnim"));
    assert!(!h.speaker_by_office);
    // A state organ named by what it is, and "the source" after a security source.
    let d = analyze(
        "Niger army repels attack\nNiger's army said on Monday it had repelled an attack near \
         Tillaberi. The Ministry of Defence said the terrorists had fled. A security source said \
         the insurgents were pursued. The source said the jihadists had lost 20 men.",
    );
    for term in ["terrorists", "insurgents", "jihadists"] {
        let h = hit(&d, term, 0);
        assert_eq!(h.speaker_actor.as_deref(), Some("niger"), "{term}");
        assert!(h.speaker_by_office, "{term}");
    }
    // With no state the outlet could speak for, an organ is that of a party it sides with that
    // governs where it holds ground.
    let f = analyze(
        "Yemeni forces repel aggression\nThe valiant Houthi forces repelled an attack by the \
         American aggression near Hodeidah on Monday. A security source said the mercenaries had \
         fled.",
    );
    let h = hit(&f, "mercenaries", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("houthis"));
    assert!(h.speaker_by_office);
    // A source that nothing makes the state's is nobody's.
    let e = analyze(
        "Headline\nNiger's army said on Monday it had repelled an attack near Tillaberi. \
         Sources said the terrorists had fled.",
    );
    assert_eq!(hit(&e, "terrorists", 0).speaker_actor, None);
    // A title that names no office of a state gives none.
    let c = analyze(
        "Headline\nNiger's army said on Monday it had repelled an attack near Tillaberi. \
         Opposition spokesman Moussa Garba said the terrorists had fled.",
    );
    assert_eq!(hit(&c, "terrorists", 0).speaker_actor, None);
    // An official whose own words denounce a state by name does not serve it, though it is the
    // state most in focus; "the spokesperson" refers back to the spokesperson named before.
    let g = analyze(
        "Headline\nPakistan said on Monday it would respond, and Pakistan recalled its envoy. \
         Pakistan closed the border. India sent troops. Pakistan said it would talk. \
         Infiltrators crossed from Pakistan-occupied Kashmir, a defence spokesperson said. The \
         terrorists fled, the spokesperson said.",
    );
    assert_eq!(
        hit(&g, "Infiltrators", 0).speaker_actor.as_deref(),
        Some("india")
    );
    assert_eq!(
        hit(&g, "terrorists", 0).speaker_actor.as_deref(),
        Some("india")
    );
    // Not: words that denounce no state leave the state in focus.
    let h = analyze(
        "Headline\nPakistan said on Monday it would respond, and Pakistan recalled its envoy. \
         Pakistan closed the border. India sent troops. Pakistan said it would talk. \
         Infiltrators crossed the line, a defence spokesperson said.",
    );
    assert_eq!(
        hit(&h, "Infiltrators", 0).speaker_actor.as_deref(),
        Some("pakistan")
    );
}

#[test]
fn a_statement_speaks_for_the_party_that_issued_it() {
    // (text, speaker actor of "occupation")
    let rows: &[(&str, Option<&str>)] = &[
        (
            "Hamas issued a statement on Monday saying the occupation must end.",
            Some("hamas"),
        ),
        (
            "Israel said Hamas had released a statement late Tuesday saying: \"The occupation \
             must end.\"",
            Some("hamas"),
        ),
        // A phrase set off by commas before the verb is no part of its subject.
        (
            "Hamas, which Israel has fought for years, issued a statement saying the occupation \
             must end.",
            Some("hamas"),
        ),
        // An appositive there names the subject itself.
        (
            "Israel's enemy, Hamas, issued a statement saying the occupation must end.",
            Some("hamas"),
        ),
        // Not the object of a verb of issuing: a recipient is no author.
        (
            "Israel received a statement on Monday saying the occupation must end.",
            None,
        ),
    ];
    for &(text, actor) in rows {
        let a = analyze(&format!("Headline\n{text}"));
        let h = hit(&a, "occupation", 0);
        assert_eq!(h.speaker.as_deref(), Some("a statement"), "{text}");
        assert_eq!(h.speaker_actor.as_deref(), actor, "{text}");
    }
}

#[test]
fn a_speaker_named_by_a_label_is_the_party_the_label_was_tied_to() {
    // (text, term, its actors, speaker actor of the term)
    let rows: &[(&str, &str, &[&str], Option<&str>)] = &[
        // The label heads the speaker: an epithet the lexicon gives al-Shabaab in Somalia.
        (
            "Somali army liberates villages\nThe Somali army liberated two villages in Middle \
             Shabelle, Somalia's defence ministry said. The Khawarij, through their outlets, \
             claimed to have killed dozens of soldiers.",
            "claimed",
            &["al-shabaab"],
            None,
        ),
        // The label is the possessor of the speaker's head.
        (
            "Headline\nThe Houthi rebels attacked a ship in the Red Sea. The rebels' news agency \
             said the mercenaries had fled.",
            "mercenaries",
            &["unnamed-1"],
            Some("houthis"),
        ),
    ];
    for &(text, term, actors, speaker) in rows {
        let a = analyze(text);
        let h = hit(&a, term, 0);
        assert_eq!(h.actor_ids(), actors, "{text}");
        assert_eq!(h.speaker_actor.as_deref(), speaker, "{text}");
    }
    // Not a label the article leaves unnamed ("the militants" of no named group).
    let a = analyze("Headline\nThe militants said the mercenaries had fled.");
    assert_eq!(hit(&a, "mercenaries", 0).speaker_actor, None);
    // Not a label inside a quotation that the voice layer reads as its own frame's words.
    let a = analyze(
        "Headline\nThe Myanmar military bombed a monastery. \"The junta knows the monastery is \
         full, and they bombed it,\" said a resident who asked not to be named.",
    );
    assert_eq!(hit(&a, "junta", 0).actor_ids(), ["myanmar-military"]);
}

#[test]
fn an_organ_serves_the_state_in_focus_that_the_outlet_calls_a_junta_once() {
    const LEAD: &str = "Niger soldiers killed in attack\nNiger's army said on Monday it had \
                        repelled an attack near Tillaberi. Niger has been ruled by a junta since \
                        2023";
    const ORGAN: &str = "The Ministry of Defence said the terrorists had fled.";
    // One term of the outlet's against Niger, which holds the focus: the ministry is Niger's.
    let a = analyze(&format!("{LEAD}, and France withdrew its troops. {ORGAN}"));
    let h = hit(&a, "terrorists", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("niger"));
    assert!(h.speaker_by_office);
    // Two terms against it: the outlet takes a side, and the ministry is not read as Niger's.
    let b = analyze(&format!(
        "{LEAD}. The Nigerien regime has jailed critics, and France withdrew its troops. {ORGAN}"
    ));
    let h = hit(&b, "terrorists", 0);
    assert_eq!(hit(&b, "regime", 0).actor_ids(), ["niger"]);
    assert_ne!(h.speaker_actor.as_deref(), Some("niger"));
}

#[test]
fn speaker_resolves_to_actor_through_pronoun() {
    let a = analyze(
        "Headline\nErdogan spoke to Putin.\nHe also said the Syrian regime must negotiate.",
    );
    let h = hit(&a, "Syrian regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("turkey"));
}

/// The title mentions of an article: text, actor and what each stands for.
fn title_mentions(a: &Article) -> Vec<(&str, &str, &str)> {
    a.mentions
        .iter()
        .filter(|m| m.form == framelens::analysis::Form::Title)
        .map(|m| {
            (
                m.text.as_str(),
                m.actor.as_str(),
                m.antecedent.as_deref().unwrap_or(""),
            )
        })
        .collect()
}

#[test]
fn a_state_organ_by_its_head_alone_stands_for_the_party_named_with_that_head() {
    // (article, the organ mentions found: text, actor, what it stands for)
    type Found = &'static [(&'static str, &'static str, &'static str)];
    let rows: &[(&str, Found)] = &[
        (
            "Headline\nThe Sudanese army shelled el-Fasher. Rights groups accused the army of \
             atrocities.",
            &[("the army", "sudan-army", "Sudanese army")],
        ),
        (
            "Headline\nThe Myanmar military bombed a village. The military denied it.",
            &[("The military", "myanmar-military", "Myanmar military")],
        ),
        // Not: no name before it ends in the head, or two parties' names do.
        (
            "Headline\nSudan shelled el-Fasher. Rights groups accused the army of atrocities.",
            &[],
        ),
        (
            "Headline\nThe Sudanese army and the Israeli army were named. The army denied it.",
            &[],
        ),
        // Not: "of" or a name after the head, a head that names no organ ("the state" after
        // "Islamic State"), or a loaded label ("the regime").
        (
            "Headline\nThe Sudanese army shelled el-Fasher. The army of Chad denied it.",
            &[],
        ),
        (
            "Headline\nThe Islamic State attacked. The state denied it.",
            &[],
        ),
        (
            "Headline\nThe Assad regime fell. The regime's prisons opened.",
            &[],
        ),
        // "military" before a lower-case word that is not a verb in -ed, an auxiliary, a verb of
        // saying, a preposition or a conjunction is an adjective.
        (
            "Headline\nThe Myanmar military bombed a village. The military operation ended.",
            &[],
        ),
        (
            "Headline\nThe Myanmar military bombed a village. The military denied it, and the \
             military said it would go on.",
            &[
                ("The military", "myanmar-military", "Myanmar military"),
                ("the military", "myanmar-military", "Myanmar military"),
            ],
        ),
    ];
    for &(text, want) in rows {
        let a = analyze(text);
        let got = title_mentions(&a);
        assert_eq!(got, want, "{text}");
    }
    // The organ is the object of "accused ... of": the charge is its party's.
    let a = analyze(
        "Headline\nThe Sudanese army shelled el-Fasher, and the RSF attacked Kadugli. The RSF \
         said the town was calm. Rights groups accused the army of atrocities.",
    );
    assert_eq!(hit(&a, "atrocities", 0).actor_ids(), ["sudan-army"]);
}

#[test]
fn a_title_stands_for_the_one_person_named_with_it() {
    const LEAD: &str = "Headline\nPresident Donald Trump met Erdogan on Monday. ";
    // (what follows the lead, the title mentions found: text, actor, what it stands for)
    type Found = &'static [(&'static str, &'static str, &'static str)];
    let rows: &[(&str, Found)] = &[
        (
            "The president said the regime must go.",
            &[("The president", "united-states", "Donald Trump")],
        ),
        (
            "Erdogan praised the president's plan.",
            &[("the president", "united-states", "Donald Trump")],
        ),
        // A word no name has, "of" or a name after it, no definite article, a plural.
        ("The former president said the regime must go.", &[]),
        ("The president of the club said the regime must go.", &[]),
        ("The president Joe Biden said the regime must go.", &[]),
        ("A president said the regime must go.", &[]),
        ("The presidents said the regime must go.", &[]),
    ];
    // A role noun that heads another phrase is no word of the title after it: "should the
    // dictator fire special envoy Hakan Fidan" gives Fidan no "dictator", so the label is not
    // his (Turkey's) by head match.
    let a = analyze(
        "Headline\nSyria's Bashar al-Assad met Erdogan on Monday. Erdogan warned that should the \
         dictator fire special envoy Hakan Fidan, talks would end.",
    );
    let h = hit(&a, "dictator", 0);
    assert_eq!(h.actor_ids(), ["syrian-government"], "{}", h.link_detail);
    // A capitalised title is one title up to its first word, role nouns inside it included:
    // "Deputy Prime Minister" is not cut to "prime minister", so "the deputy prime minister"
    // is the Turkish minister, not the prime minister named after him.
    let a = analyze(
        "Headline\nTürkiye’s Deputy Prime Minister Cevdet Yılmaz met Prime Minister Mohammed \
         Shia al-Sudani of Iraq. The deputy prime minister said the terrorists had fled.",
    );
    assert_eq!(
        title_mentions(&a),
        [("The deputy prime minister", "turkey", "Cevdet Yılmaz")],
        "{:?}",
        a.hits
    );
    // A plural word in the title is read as the name's words are ("External Affairs Minister").
    let a = analyze(
        "Headline\nExternal Affairs Minister S. Jaishankar met Putin on Monday. The external \
         affairs minister said the regime must go.",
    );
    assert_eq!(hit(&a, "regime", 0).speaker_actor.as_deref(), Some("india"));
    for &(rest, want) in rows {
        let a = analyze(&format!("{LEAD}{rest}"));
        let got = title_mentions(&a);
        assert_eq!(got, want, "{rest}");
    }
    // Two presidents named: the title alone chooses neither.
    let a = analyze(
        "Headline\nPresident Donald Trump met President Erdogan on Monday. The president said \
         the regime must go.",
    );
    assert!(
        a.mentions
            .iter()
            .all(|m| m.form != framelens::analysis::Form::Title),
        "{:?}",
        a.mentions
    );
    // A pronoun after the title stands for the person it was read from.
    let a = analyze(&format!(
        "{LEAD}After the talks, the president left Ankara. He said the regime must go."
    ));
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("united-states"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("Donald Trump"));
}

#[test]
fn a_pronoun_agrees_in_gender_with_a_person_the_article_gives_one() {
    // "She" would be the president named first in her sentence; the article calls him
    // "Mr. Erdogan" and her "Ms. von der Leyen". (Named outside her words: a person named
    // inside them is never she, see `a_pronoun_in_quoted_words_is_not_their_speaker`.)
    let rows: &[(&str, &str, &str)] = &[
        (
            "Ms. von der Leyen met President Erdogan on Tuesday, and Mr. Erdogan spoke first.",
            "eu",
            "von der Leyen",
        ),
        // No honorific: the pronoun agrees with both, and the first person in its sentence wins.
        (
            "Von der Leyen met President Erdogan on Tuesday, and Erdogan spoke first.",
            "turkey",
            "Erdogan",
        ),
    ];
    for &(lead, actor, antecedent) in rows {
        let a = analyze(&format!(
            "Headline\n{lead} When the president had left, she said the regime must go."
        ));
        let h = hit(&a, "regime", 0);
        assert_eq!(h.speaker_actor.as_deref(), Some(actor), "{lead}");
        assert_eq!(h.speaker_antecedent.as_deref(), Some(antecedent), "{lead}");
    }
    // "The president" inside her own words is never she; "Mr. Erdogan" is not either.
    let a = analyze(
        "Headline\nMs. von der Leyen met President Erdogan on Tuesday, and Mr. Erdogan spoke \
         first. \"The regime must go, and I will not judge the president,\" she said.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("eu"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("von der Leyen"));
    // The only person named before is "Mr. Erdogan": "she" is someone no lexicon lists (the
    // woman named without a title), not Erdogan, however recent.
    let a = analyze(
        "Headline\nMr. Erdogan met Ann Coulter on Tuesday. Coulter fired back later. \
         \"The regime must go,\" she said.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor, None, "{:?}", h.speaker_antecedent);
    // A gendered title two words before a name is not that person's ("a spokeswoman for
    // Erdogan"): "he" is still Erdogan.
    let a = analyze(
        "Headline\nA spokeswoman for Erdogan met Putin on Tuesday. \"The regime must go,\" he \
         said.",
    );
    assert_eq!(
        hit(&a, "regime", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
}

#[test]
fn a_pronoun_in_quoted_words_is_not_their_speaker() {
    // The speaker named before the quotation would say "I": "he" inside it is the person of the
    // sentence before. Outside the quotation, the first person of the sentence is the
    // antecedent as usual.
    let rows: &[(&str, &str)] = &[
        (
            "Headline\nPutin spoke on Monday. Erdogan said: \"He is welcome in Ankara.\"",
            "Putin",
        ),
        (
            "Headline\nPutin spoke on Monday. Erdogan said he was welcome in Ankara.",
            "Erdogan",
        ),
        // Only the speaker is ruled out: another person named before him may be "he".
        (
            "Headline\nPutin spoke on Monday. Asked about Erdogan, Biden said: \"He is \
             welcome.\"",
            "Erdogan",
        ),
        // The speaker named before a quotation of several sentences is ruled out in its later
        // sentences too.
        (
            "Headline\nErdogan wrote: \"Putin ordered the strike. Then he left.\"",
            "Putin",
        ),
    ];
    for &(text, antecedent) in rows {
        assert_eq!(
            pronoun_antecedent(text, "he").as_deref(),
            Some(antecedent),
            "{text}"
        );
    }
}

#[test]
fn a_role_noun_speaker_is_not_a_person_named_inside_quoted_words() {
    // Erdogan is named last, but inside the quotation: he is spoken of. The speaker is the
    // person of the sentence before.
    for speaker in ["the president", "the senator"] {
        let a = analyze(&format!(
            "Headline\nPutin spoke on Monday in Moscow.\n\"Erdogan and his regime will fail,\" \
             {speaker} said."
        ));
        let h = hit(&a, "regime", 0);
        assert_eq!(h.speaker_actor.as_deref(), Some("russia"), "{speaker}");
        assert_eq!(h.speaker_antecedent.as_deref(), Some("Putin"), "{speaker}");
    }
}

#[test]
fn a_pronoun_speaker_is_not_the_person_its_words_name() {
    // "He" would be Erdogan, named last; but Erdogan is named in what "he" says.
    let a = analyze(
        "Headline\nErdogan met Putin on Monday. By lifting the ban, he said, Erdogan was \
         \"backing terrorists.\"",
    );
    let h = hit(&a, "terrorists", 0);
    assert_eq!(h.speaker.as_deref(), Some("he"));
    assert_eq!(h.speaker_actor, None);
    // Without the name in its words, the pronoun is Erdogan, as before.
    let b = analyze(
        "Headline\nErdogan met Putin on Monday. By lifting the ban, he said, Turkey was \
         \"backing terrorists.\"",
    );
    assert_eq!(
        hit(&b, "terrorists", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
    // A name after "and" is in another clause, not in what the pronoun says.
    let c = analyze(
        "Headline\nErdogan met Putin on Monday. He said the regime must go, and Erdogan left \
         for Ankara.",
    );
    assert_eq!(
        hit(&c, "regime", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
}

#[test]
fn a_verb_of_going_on_keeps_the_last_speaker() {
    // "He added": Burton goes on speaking, though Erdogan is the person named last.
    let a = analyze(
        "Headline\nErdogan spoke to Putin on Monday.\n\"The talks went well,\" Burton said. \
         He added that the regime must go.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor, None);
    assert_eq!(h.speaker_antecedent.as_deref(), Some("Burton"));
    // "He said" is not a verb of going on: the pronoun is resolved as any other.
    let b = analyze(
        "Headline\nErdogan spoke to Putin on Monday.\n\"The talks went well,\" Burton said. \
         He said that the regime must go.",
    );
    assert_eq!(
        hit(&b, "regime", 0).speaker_actor.as_deref(),
        Some("turkey")
    );
    // The last speaker is no person ("The ministry said"): "He" is resolved as any other.
    let c = analyze(
        "Headline\nErdogan spoke to Putin on Monday. The ministry said the talks went well. He \
         added that the regime must go.",
    );
    let h = hit(&c, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("turkey"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("Erdogan"));
}

#[test]
fn an_organ_speaker_is_not_a_country_named_as_a_place() {
    // (text, speaker actor of "the military"): the last state named before it, unless named
    // as a place.
    let rows: &[(&str, Option<&str>)] = &[
        (
            "The IDF struck a site in southern Lebanon on Tuesday, the military said, calling \
             it a terror target.",
            Some("israel"),
        ),
        (
            "The IDF struck a site in the occupied West Bank, the military said, calling it a \
             terror target.",
            Some("israel"),
        ),
        // The country on the other side of a border is a place too.
        (
            "Nigerien troops fought near the border with Mali on Thursday, the army said, \
             calling it a terror target.",
            Some("niger"),
        ),
        // Named as a party, the last state is the antecedent.
        (
            "The IDF struck a site after Lebanon protested, the military said, calling it a \
             terror target.",
            Some("lebanon"),
        ),
        (
            "Nigerien troops fought alongside Mali on Thursday, the army said, calling it a \
             terror target.",
            Some("mali"),
        ),
    ];
    for &(text, actor) in rows {
        let a = analyze(&format!("Headline\n{text}"));
        let h = hit(&a, "terror", 0);
        assert_eq!(h.speaker_actor.as_deref(), actor, "{text}");
    }
}

#[test]
fn a_role_noun_speaker_is_the_last_speaker_given_that_role() {
    // (second sentence, speaker actor, antecedent): the first sentence names the SDF's
    // spokesman as a speaker, then Putin, the subject of the last sentence that names a person,
    // whom a role noun would otherwise stand for.
    const FIRST: &str = "Headline\nThe official spokesman of the SDF, Farhad Shami, said the \
                         talks had failed. Putin met Erdogan in Ankara on Monday.";
    let rows: &[(&str, Option<&str>, Option<&str>)] = &[
        // The role alone, and with a modifier the earlier description has.
        (
            "The spokesman said the regime must go.",
            Some("sdf"),
            Some("The official spokesman of the SDF, Farhad Shami"),
        ),
        (
            "The official spokesman said the regime must go.",
            Some("sdf"),
            Some("The official spokesman of the SDF, Farhad Shami"),
        ),
        // A modifier the earlier description lacks: not that spokesman, so the last person.
        (
            "The army spokesman said the regime must go.",
            Some("russia"),
            Some("Putin"),
        ),
        // Another role: the last person, as before.
        (
            "The president said the regime must go.",
            Some("russia"),
            Some("Putin"),
        ),
    ];
    for &(second, actor, antecedent) in rows {
        let a = analyze(&format!("{FIRST} {second}"));
        let h = hit(&a, "regime", 0);
        assert_eq!(h.speaker_actor.as_deref(), actor, "{second}");
        assert_eq!(h.speaker_antecedent.as_deref(), antecedent, "{second}");
    }
    // An indefinite description is someone new: not the SDF's spokesman (it is read as any
    // other role noun).
    let a = analyze(
        "Headline\nThe spokesman of the SDF, Farhad Shami, said the talks had failed. Putin met \
         Erdogan on Monday. A spokesman said the regime must go.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("russia"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("Putin"));
    // An earlier spokesperson of no party leaves "the spokesperson" to the reading of unnamed
    // officials: not Putin.
    let a = analyze(
        "Headline\nA defence spokesperson said the talks had failed. Putin met Erdogan on \
         Monday. The spokesperson said the regime must go.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor, None);
    assert_eq!(h.speaker_antecedent, None);
}

#[test]
fn it_as_speaker_is_the_subject_of_the_sentence_before() {
    // Hamas spoke last, but the sentence before opens with the SDF: "it" is the SDF.
    let a = analyze(
        "Headline\nHamas said on Monday that the occupation must end.\nThe SDF, one of the \
         largest Kurdish-led forces, controls the northeast. In a statement, it said the regime \
         had fled.",
    );
    let h = hit(&a, "regime", 0);
    assert_eq!(h.speaker_actor.as_deref(), Some("sdf"));
    assert_eq!(h.speaker_antecedent.as_deref(), Some("SDF"));
    // Something named before the pronoun in its own sentence: the earlier speaker, as before.
    let b = analyze(
        "Headline\nHamas said on Monday that the occupation must end.\nThe SDF controls the \
         northeast. In Syria, it said the regime had fled.",
    );
    assert_eq!(hit(&b, "regime", 0).speaker_actor.as_deref(), Some("hamas"));
}
