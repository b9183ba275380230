//! The integration tests of framelens: one binary, with fixture helpers at the top.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{analyze, analyzer, root};
use framelens::analysis::voice::Voice;
use framelens::analysis::{Analyzer, Article, Hit};
use framelens::lexicon::{Lexicon, LexiconBuilder};
use predicates::prelude::PredicateBooleanExt;

// ---------------------------------------------------------------- fixtures

fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

const A: &str = "syria-2024-12_blinken-fidan-call.txt";
const B: &str = "syria-2024-12_putin-erdogan-call.txt";

fn sample_article(name: &str) -> Article {
    let text = std::fs::read_to_string(sample(name)).expect("sample present");
    analyzer().analyze(name, &text)
}

/// The hit whose text is `term` (case-insensitive), the `nth` one.
fn hit<'a>(a: &'a Article, term: &str, nth: usize) -> &'a Hit {
    a.hits
        .iter()
        .filter(|h| h.text.eq_ignore_ascii_case(term))
        .nth(nth)
        .unwrap_or_else(|| {
            panic!(
                "no hit {term:?} #{nth}; hits: {:?}",
                a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
            )
        })
}

fn framelens() -> Command {
    let mut c = Command::cargo_bin("framelens").expect("binary built");
    // The URL tests talk to a server on 127.0.0.1: never through a proxy.
    for v in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        c.env_remove(v);
    }
    c
}

/// Runs framelens with `args`, expects exit `code`, returns standard error.
fn stderr_of(args: &[&str], code: i32) -> String {
    let out = framelens()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).expect("UTF-8 stderr")
}

/// A JSON hit's `start`..`end` slices exactly its `text` out of the article.
fn assert_slices(h: &serde_json::Value, article: &str) {
    let (s, e) = (
        h["start"].as_u64().unwrap() as usize,
        h["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&article[s..e], h["text"].as_str().unwrap());
}

fn write_temp(dir: &tempfile::TempDir, name: &str, body: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, body).expect("write fixture");
    p
}

// ---------------------------------------------------------------- voice

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
        assert_eq!(h.done_to, want, "{text:?}: {}", h.link_detail);
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
        assert!(
            !h.actors.iter().any(|x| x == "lna"),
            "{term}: {:?}",
            h.actors
        );
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
        assert_eq!(h.actors, actors, "{text}");
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
    assert_eq!(hit(&a, "junta", 0).actors, ["myanmar-military"]);
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
    assert_eq!(hit(&b, "regime", 0).actors, ["niger"]);
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
        .filter(|m| m.form == framelens::analysis::mention::Form::Title)
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
    assert_eq!(hit(&a, "atrocities", 0).actors, ["sudan-army"]);
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
    assert_eq!(h.actors, ["syrian-government"], "{}", h.link_detail);
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
            .all(|m| m.form != framelens::analysis::mention::Form::Title),
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

// ---------------------------------------------------------------- attribution

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
        let got: Vec<&str> = h.actors.iter().map(String::as_str).collect();
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
    assert_eq!(hit(&a, "junta", 0).actors, ["burkina-faso"]);
    let h = hit(&a, "accusing", 0);
    assert_eq!(h.actors, ["burkina-faso"], "{h:?}");
    let r = a
        .attributions
        .iter()
        .find(|r| r.cue.as_ref().is_some_and(|c| c.text == "accusing"))
        .expect("a relation with the cue 'accusing'");
    assert_eq!(r.speaker_actor.as_deref(), Some("burkina-faso"));
}

/// The antecedent of the first mention of `pronoun` (any case) in `text`; panics when the
/// analysis made no mention of it.
fn pronoun_antecedent(text: &str, pronoun: &str) -> Option<String> {
    let a = analyze(text);
    let m = a
        .mentions
        .iter()
        .find(|m| m.text.eq_ignore_ascii_case(pronoun))
        .unwrap_or_else(|| panic!("no mention {pronoun:?} in {text:?}"));
    m.antecedent.clone()
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

// ---------------------------------------------------------------- spans

mod spans {
    use super::*;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("the HTS terror organization".to_string()),
            Just("“terrorists,” he said".to_string()),
            Just("U.S.-designated".to_string()),
            Just("Erdogan’s regime".to_string()),
            Just("هيئة تحرير الشام".to_string()),
            Just(" — ".to_string()),
            Just("\"".to_string()),
            Just("\n".to_string()),
            Just("so-called rebels".to_string()),
            Just("\u{200B}".to_string()),
            Just("‘".to_string()),
            Just("’".to_string()),
            Just("«".to_string()),
            Just("„".to_string()),
            Just("'".to_string()),
            Just("\u{202E}militants\u{202C}".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just(", Turkey said.".to_string()),
            // The constructions of the speaker, accusation and possessor rules, cut anywhere
            // (", Hamas said" with no full stop ends a text on its verb).
            Just(", Hamas said".to_string()),
            Just(" “liberated”".to_string()),
            Just("We will liberate".to_string()),
            Just("In a statement, it said it had".to_string()),
            Just(" was accused of war crimes".to_string()),
            Just(", whom Turkey calls a".to_string()),
            Just("The claims".to_string()),
            Just(" the PKK's offshoot".to_string()),
            Just(" the two leaders".to_string()),
            Just(" accused by rights groups of atrocities".to_string()),
            Just("“We are not terrorists,” ".to_string()),
            Just("Nobody here is a terrorist".to_string()),
            Just(" both Koreas and our two countries".to_string()),
            Just("Latin American militias".to_string()),
            Just(" according to Damascus, ".to_string()),
            Just("\r\n\r\n".to_string()),
            "\\PC{0,12}",
        ]
    }

    /// Any Unicode scalar values at all, control and unassigned characters included.
    fn any_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(any::<char>(), 0..200).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn every_span_slices_the_original(parts in proptest::collection::vec(fragment(), 0..24)) {
            let text: String = parts.concat();
            let a = analyze(&text);
            for h in &a.hits {
                prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
                prop_assert_eq!(&text[h.start..h.end], h.text.as_str());
                prop_assert!(h.sentence_text.contains(h.text.as_str()));
            }
            for m in &a.mentions {
                prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            }
            // Deterministic: the same input gives the same output.
            let again = analyze(&text);
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&again).unwrap());
        }

        #[test]
        fn analysis_never_panics_on_arbitrary_unicode(text in any_text()) {
            let a = analyze(&text);
            for h in &a.hits {
                prop_assert_eq!(text.get(h.start..h.end), Some(h.text.as_str()));
                let s = h.sentence_start;
                prop_assert_eq!(text.get(s..s + h.sentence_text.len()), Some(h.sentence_text.as_str()));
            }
            for m in &a.mentions {
                prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
            }
            for f in &a.speech {
                prop_assert!(text.get(f.start..f.end).is_some());
            }
            let again = analyze(&text);
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&again).unwrap());
        }

        #[test]
        fn compare_mirrors_for_any_pair(
            a in proptest::collection::vec(fragment(), 0..16),
            b in proptest::collection::vec(fragment(), 0..16),
        ) {
            let a = analyze(&a.concat());
            let b = analyze(&b.concat());
            assert_mirrors(&a, &b);
        }
    }
}

// ---------------------------------------------------------------- the samples

#[test]
fn sample_a_uses_the_terror_family_in_its_own_voice() {
    let a = sample_article(A);
    for term in [
        "terror organization",
        "terrorist factions",
        "terror offensive",
    ] {
        let h = hit(&a, term, 0);
        assert_eq!(h.voice, Voice::Author, "{term}: {h:?}");
        assert!(h.actors.contains(&"hts".to_string()), "{term}: {h:?}");
    }
    let claimed = hit(&a, "claimed", 0);
    assert_eq!(claimed.voice, Voice::Author);
    assert_eq!(claimed.actors, vec!["turkey".to_string()], "{claimed:?}");
    let occ = hit(&a, "occupation forces", 0);
    assert_eq!(
        occ.actors,
        vec!["turkey".to_string(), "united-states".to_string()],
        "{occ:?}"
    );
}

#[test]
fn sample_b_keeps_terrorist_in_others_voices() {
    let b = sample_article(B);
    for term in ["rebels", "militants", "militant Islamist group"] {
        let h = hit(&b, term, 0);
        assert!(h.actors.contains(&"hts".to_string()), "{term}: {h:?}");
    }
    assert_eq!(hit(&b, "militants", 0).voice, Voice::Author);
    assert_eq!(hit(&b, "militant Islamist group", 0).voice, Voice::Author);
    let terror: Vec<&Hit> = b
        .hits
        .iter()
        .filter(|h| h.text.to_lowercase().contains("terror"))
        .collect();
    assert!(terror.len() >= 4, "{terror:?}");
    for h in terror {
        assert_ne!(
            h.voice,
            Voice::Author,
            "'{}' in {:?} should be quoted or attributed",
            h.text,
            h.sentence_text
        );
    }
}

#[test]
fn compare_mirrors() {
    assert_mirrors(&sample_article(A), &sample_article(B));
}

/// compare(A, B) is compare(B, A) with the sides swapped: the same actors in the same order,
/// each side's uses and stance differences exchanged, and the same evidence.
fn assert_mirrors(a: &Article, b: &Article) {
    let lex = &analyzer().lexicon;
    let ab = framelens::diff::compare(lex, a, b);
    let ba = framelens::diff::compare(lex, b, a);
    assert_eq!(ab.actors.len(), ba.actors.len());
    for (x, y) in ab.actors.iter().zip(&ba.actors) {
        assert_eq!(x.actor, y.actor);
        assert_eq!(
            serde_json::to_string(&x.a).unwrap(),
            serde_json::to_string(&y.b).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&x.b).unwrap(),
            serde_json::to_string(&y.a).unwrap()
        );
        assert_eq!(
            x.author_stance_difference,
            y.author_stance_difference.map(|d| -d)
        );
    }
    assert_eq!(ab.only_in_a, ba.only_in_b);
    assert_eq!(ab.only_in_b, ba.only_in_a);
    let ev = |c: &framelens::diff::Comparison| -> Vec<(Vec<usize>, Vec<usize>)> {
        c.summary
            .iter()
            .map(|f| {
                (
                    f.evidence_a.iter().map(|e| e.start).collect(),
                    f.evidence_b.iter().map(|e| e.start).collect(),
                )
            })
            .collect()
    };
    let mut swapped: Vec<_> = ev(&ba).into_iter().map(|(x, y)| (y, x)).collect();
    // Two findings that are each other's mirror image ("A frames ... with 'accused'", "B frames
    // ... with 'accused'" on the same sentence) tie on every key that does not name a side, so
    // no order of the two can mirror itself: such a pair may come in either order.
    let ab_ev = ev(&ab);
    for i in 1..swapped.len().min(ab_ev.len()) {
        let (p, q) = (&ab_ev[i - 1], &ab_ev[i]);
        let mirror_pair = p.0 == q.1 && p.1 == q.0;
        if mirror_pair && swapped[i - 1] == *q && swapped[i] == *p {
            swapped.swap(i - 1, i);
        }
    }
    assert_eq!(ab_ev, swapped);
}

#[test]
fn compare_summary_says_it_in_plain_words() {
    let out = framelens()
        .args([
            "compare",
            sample(A).to_str().unwrap(),
            sample(B).to_str().unwrap(),
            "--name-a",
            "A",
            "--name-b",
            "B",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let summary = out.split("\nActors").next().unwrap();
    // Findings are wrapped at 80 columns: compare them with white space collapsed.
    let mut findings: Vec<String> = Vec::new();
    for line in summary.lines().skip_while(|l| *l != "Summary").skip(1) {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if indent == 2
            && t.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        {
            findings.push(t.split_once(". ").unwrap().1.to_owned());
        } else if indent == 2
            && let Some(f) = findings.last_mut()
        {
            f.push(' ');
            f.push_str(t);
        }
    }
    let hts = findings
        .iter()
        .find(|f| f.contains("Hayat Tahrir al-Sham"))
        .expect("a finding on HTS");
    for w in [
        "'terror organization'",
        "'terrorist factions'",
        "'terror offensive'",
        "A uses",
        "B uses",
        "'rebels'",
        "'militants'",
        "'militant Islamist group'",
        "only inside others' words",
        "'terrorist organizations' (quote by",
        "'terrorist aggression' and 'radical groups' (quote by Putin)",
        "(reported by U.S.)",
    ] {
        assert!(hts.contains(w), "missing {w:?} in {hts}");
    }
    assert!(
        findings
            .iter()
            .any(|f| f.contains("'occupation forces' to Turkey and United States at once")),
        "{summary}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.starts_with("A frames what Fidan (Turkey)") && f.contains("'claimed'")),
        "{summary}"
    );
}

// ---------------------------------------------------------------- gold

#[test]
fn gold_targets_are_met() {
    let gold = root().join("../shared/data/gold");
    if !gold.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            gold.display()
        );
        eprintln!("skipped: {} is absent", gold.display());
        return;
    }
    let r = framelens::eval::eval_gold(analyzer(), &gold, Some(&root().join("samples")))
        .expect("eval runs");
    let text = framelens::eval::render_text(std::slice::from_ref(&r));
    assert!(r.misaligned.is_empty(), "{text}");
    let pairs = r.phrase_pairs.as_ref().expect("pair figures");
    assert!(pairs.recall >= 0.90, "{text}");
    assert!(pairs.precision >= 0.85, "{text}");
    assert!(pairs.f1 >= 0.90, "{text}");
    assert!(r.tool.actor.accuracy >= 0.90, "{text}");
    assert!(r.tool.voice.accuracy >= 0.95, "{text}");
}

#[test]
fn gold_parties_outside_the_lexicon_are_scored_by_their_words() {
    // Bandits, never named, are an unnamed party known by its terms; the Karst Liberation Front
    // is unlisted. A gold actor the lexicon does not know is right when the tool's party outside
    // the lexicon goes by the same words, and wrong otherwise.
    let dir = tempfile::tempdir().unwrap();
    write_temp(
        &dir,
        "a.txt",
        b"Bandits raid villages\n\nBandits raided two villages on Monday.\n",
    );
    write_temp(
        &dir,
        "b.txt",
        b"Rebels hold hills\n\nThe Karst Liberation Front (KLF) said its rebels held the hills.\n",
    );
    let score = |bandits: &str, klf: &str| {
        let item = |article: &str, term: &str, actor: &str, sentence: &str| {
            format!(
                "article: {article}\nmentions:\n  - term: \"{term}\"\n    actor: \"{actor}\"\n    \
                 voice: author\n    speaker: null\n    sentence: \"{sentence}\"\n"
            )
        };
        let a = item("a.txt", "Bandits", bandits, "Bandits raid villages");
        let b = item(
            "b.txt",
            "rebels",
            klf,
            "The Karst Liberation Front (KLF) said its rebels held the hills.",
        );
        write_temp(&dir, "a.yaml", a.as_bytes());
        write_temp(&dir, "b.yaml", b.as_bytes());
        let r = framelens::eval::eval_gold(analyzer(), dir.path(), Some(dir.path()))
            .expect("eval runs");
        let text = framelens::eval::render_text(std::slice::from_ref(&r));
        assert_eq!(r.found, 2, "{text}");
        (r.tool.actor.correct, text)
    };
    let (right, text) = score("bandits", "Karst Liberation Front");
    assert_eq!(right, 2, "{text}");
    let (right, text) = score("gunmen", "Karst Front");
    assert_eq!(right, 0, "{text}");
}

#[test]
fn wire_set_does_not_regress() {
    // Twelve articles about other conflicts, written and annotated for framelens
    // (tests/fixtures/wire): floors a little under the figures in the README.
    let dir = root().join("tests/fixtures/wire");
    let r = framelens::eval::eval_gold(analyzer(), &dir, Some(&dir)).expect("eval runs");
    let text = framelens::eval::render_text(std::slice::from_ref(&r));
    assert!(r.misaligned.is_empty(), "{text}");
    assert_eq!(r.articles, 12);
    assert!(r.phrase_pairs.as_ref().unwrap().f1 >= 0.95, "{text}");
    assert!(r.tool.voice.accuracy >= 0.90, "{text}");
    assert!(r.tool.author_vs_other.accuracy >= 0.92, "{text}");
    assert!(r.tool.actor.accuracy >= 0.81, "{text}");
    // The rules must beat the window baseline.
    assert!(r.tool.actor.accuracy > r.baseline.actor.accuracy, "{text}");
    assert!(r.tool.voice.accuracy > r.baseline.voice.accuracy, "{text}");
}

#[test]
fn the_sets_written_in_each_sides_register_do_not_regress() {
    // tests/fixtures/newset (no longer blind: some of its misses named families added since) and
    // tests/fixtures/newset2 (written blind on 2026-12-04), and tests/fixtures/newset3 (written
    // blind on 2026-12-05): floors a little under the figures in the README, and above the
    // window baseline.
    for (set, articles, recall, precision, voice, actor) in [
        ("newset", 14, 0.76, 0.92, 0.84, 0.68),
        ("newset2", 12, 0.80, 0.89, 0.90, 0.74),
        ("newset3", 12, 0.74, 0.90, 0.88, 0.76),
    ] {
        let dir = root().join("tests/fixtures").join(set);
        let r = framelens::eval::eval_gold(analyzer(), &dir, Some(&dir)).expect("eval runs");
        let text = framelens::eval::render_text(std::slice::from_ref(&r));
        assert!(r.misaligned.is_empty(), "{set}: {text}");
        assert_eq!(r.articles, articles, "{set}");
        let pairs = r.phrase_pairs.as_ref().unwrap();
        assert!(pairs.recall >= recall, "{set}: {text}");
        assert!(pairs.precision >= precision, "{set}: {text}");
        assert!(r.tool.voice.accuracy >= voice, "{set}: {text}");
        assert!(r.tool.actor.accuracy >= actor, "{set}: {text}");
        assert!(
            r.tool.actor.accuracy > r.baseline.actor.accuracy + 0.15,
            "{set}: {text}"
        );
        assert!(
            r.tool.voice.accuracy > r.baseline.voice.accuracy + 0.15,
            "{set}: {text}"
        );
    }
}

#[test]
fn basil_targets_are_met() {
    let dir = root().join("../shared/data/basil-dev");
    if !dir.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            dir.display()
        );
        eprintln!(
            "skipped: {} is absent (BASIL is not shipped with framelens)",
            dir.display()
        );
        return;
    }
    let reports = framelens::eval::eval_basil(analyzer(), &dir).expect("eval runs");
    let text = framelens::eval::render_text(&reports);
    assert_eq!(reports.len(), 2, "{text}");
    let (own, oracle) = (&reports[0], &reports[1]);
    assert_eq!(own.articles, 150, "{text}");
    assert!(
        own.misaligned.is_empty() && oracle.misaligned.is_empty(),
        "{text}"
    );
    assert!(oracle.mode.starts_with("oracle"), "{text}");
    // Targets of the accuracy issue: quoted-vs-not at least 0.93, target accuracy at least 15
    // points above the window baseline, in oracle mode.
    assert!(oracle.tool.quote_vs_other.accuracy >= 0.93, "{text}");
    assert!(
        oracle.tool.actor.accuracy >= oracle.baseline.actor.accuracy + 0.15,
        "{text}"
    );
    // The default lexicon's figures are reported, with the misses listed.
    assert_eq!(own.misses_by_term.len(), 20, "{text}");
}

#[test]
fn untyped_labels_take_the_most_salient_party() {
    let lex = LexiconBuilder::new()
        .bundled()
        .text(
            "mine.yaml",
            "categories: [test/untyped]\nlabels:\n  - {id: scandal, forms: [scandal], category: test/untyped, stance: -1, kind: label}\n",
        )
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    let clear = an.analyze(
        "t",
        "Headline\nErdogan spoke. Erdogan left. Erdogan returned.\nThe scandal grew.",
    );
    let h = clear.hits.iter().find(|h| h.text == "scandal").unwrap();
    assert_eq!(
        (h.actors.clone(), h.link.as_str()),
        (vec!["turkey".to_string()], "salience")
    );
    let shared = an.analyze(
        "t",
        "Headline\nErdogan spoke. Putin left. Erdogan returned. Putin too.\nThe scandal grew.",
    );
    // A label with no targets is a referring expression: it takes the most salient party, here
    // the one named last, and the record shows the rival it was weighed against.
    let h = shared.hits.iter().find(|h| h.text == "scandal").unwrap();
    assert_eq!(
        (h.actors.clone(), h.link.as_str()),
        (vec!["russia".to_string()], "salience")
    );
    let weighed: Vec<&str> = h.link_candidates.iter().map(|c| c.actor.as_str()).collect();
    assert_eq!(weighed, ["russia", "turkey"], "{h:?}");
}

// ---------------------------------------------------------------- lexicons

#[test]
fn bundled_lexicons_are_big_enough() {
    let lex = Lexicon::bundled().unwrap();
    assert!(lex.labels.len() >= 150, "{}", lex.labels.len());
    for id in [
        "hts",
        "sna",
        "syrian-government",
        "sdf",
        "pkk",
        "turkey",
        "united-states",
        "russia",
        "iran",
        "israel",
        "ukraine",
    ] {
        assert!(lex.actor(id).is_some(), "actor {id} missing");
    }
}

#[test]
fn later_files_override_by_id_and_are_listed() {
    let lex = LexiconBuilder::new()
        .bundled()
        .text(
            "mine.yaml",
            "lexicon: mine\ncategories: [custom/test]\nlabels:\n  - {id: rebels, forms: [rebels, rebel], category: custom/test, stance: -2, kind: label}\n",
        )
        .build()
        .unwrap();
    let e = lex.label("rebels").expect("entry");
    assert_eq!(e.stance, -2);
    assert_eq!(lex.files.last().unwrap().name, "mine");
    assert_eq!(lex.files[e.file].path, "mine.yaml");
}

#[test]
fn schema_is_current() {
    let on_disk =
        std::fs::read_to_string(root().join("lexicons/schema.json")).expect("schema present");
    assert!(
        on_disk == framelens::lexicon::yaml::schema_json(),
        "lexicons/schema.json is stale: run `cargo run -- lexicon schema > lexicons/schema.json`"
    );
    // The schema describes the bundled files' keys.
    for key in [
        "\"labels\"",
        "\"actors\"",
        "\"stance\"",
        "\"targets\"",
        "\"proxies\"",
        "\"allow\"",
    ] {
        assert!(on_disk.contains(key), "{key}");
    }
}

#[test]
fn lexicon_check_pins_every_kind_of_mistake() {
    // One broken file per kind of mistake; `framelens lexicon check` must report each with file,
    // line, column and the offending line. The rendered messages are pinned in a snapshot.
    let cases: &[(&str, &str)] = &[
        ("syntax", "labels:\n  - id: [x\n"),
        (
            "wrong-type",
            "labels:\n  - {id: x, forms: [x], category: a/b, stance: high, kind: label}\ncategories: [a/b]\n",
        ),
        (
            "unknown-key",
            "categories: [a/b]\nlabels:\n  - id: x\n    froms: [x]\n    category: a/b\n    stance: 1\n    kind: label\n",
        ),
        (
            "duplicate-key",
            "categories: [a/b]\nlabels:\n  - id: x\n    id: y\n    forms: [x]\n    category: a/b\n    stance: 1\n    kind: label\n",
        ),
        (
            "stance-range",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [x], category: a/b, stance: -3, kind: label}\n",
        ),
        (
            "bad-regex",
            "categories: [a/b]\nlabels:\n  - {id: x, regex: '[unclosed', category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "huge-regex",
            "categories: [a/b]\nlabels:\n  - {id: x, regex: '\\w{1000}\\w{1000}\\w{1000}', category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "inner-glob",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: ['ter*or'], category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "short-glob",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: ['te*'], category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "nothing-to-match",
            "categories: [a/b]\nlabels:\n  - {id: x, category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "duplicate-id",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [a], category: a/b, stance: 1, kind: act}\n  - {id: x, forms: [b], category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "duplicate-form",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [rebels], category: a/b, stance: 1, kind: act}\n  - {id: y, forms: [Rebels], category: a/b, stance: 1, kind: act}\n",
        ),
        (
            "unknown-category",
            "labels:\n  - {id: x, forms: [a], category: nope/none, stance: 1, kind: act}\n",
        ),
        ("bad-category-path", "categories: ['a//b']\n"),
        (
            "unknown-kind",
            "categories: [a/b]\nlabels:\n  - {id: x, forms: [a], category: a/b, stance: 1, kind: lable}\n",
        ),
        (
            "unknown-actor-type",
            "actors:\n  - {id: q, name: Q, type: stat}\n",
        ),
        (
            "unknown-proxy",
            "actors:\n  - {id: q, name: Q, type: state, proxies: [nobody]}\n",
        ),
        (
            "unknown-epithet-actor",
            "categories: [a/b]\nlabels:\n  - id: x\n    forms: [a]\n    category: a/b\n    stance: -1\n    kind: label\n    names:\n      - actor: al-shabab\n        where: [somalia]\n",
        ),
        ("not-utf8", "labels: \u{0}"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut rendered = String::new();
    for (name, body) in cases {
        let path = dir.path().join(format!("{name}.yaml"));
        if *name == "not-utf8" {
            std::fs::write(&path, b"labels:\n  - id: \xff\n").unwrap();
        } else {
            std::fs::write(&path, body).unwrap();
        }
        let out = framelens()
            .args(["lexicon", "check", path.to_str().unwrap()])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out)
            .unwrap()
            .replace(dir.path().to_str().unwrap(), "<dir>");
        assert!(
            text.contains(&format!("<dir>/{name}.yaml")),
            "{name}: {text}"
        );
        rendered.push_str(&format!("== {name}\n{text}"));
    }
    insta::assert_snapshot!("lexicon_check_mistakes", rendered);
    // Clean files exit 0; an unreadable one exits 2.
    framelens()
        .args([
            "lexicon",
            "check",
            "lexicons/conflict-labels.yaml",
            "lexicons/actors.yaml",
        ])
        .assert()
        .code(0);
    framelens()
        .args(["lexicon", "check", "/no/such/lexicon.yaml"])
        .assert()
        .code(2);
}

#[test]
fn lexicon_add_then_remove_leaves_the_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let original = "# my lexicon\ncategories: [a/b]   # one category\n\nlabels:\n    # first entry, 4-space indent\n    - id: x\n      forms: [rebels]   # trailing comment\n      category: a/b\n      stance: 0\n      kind: label\n      note: |\n        A block note\n        on two lines.\n    - {id: y, forms: [militants], category: a/b, stance: -1, kind: label}\nactors:\n- id: q\n  name: Q\n  type: state\n";
    let f = write_temp(&dir, "l.yaml", original.as_bytes());
    let p = f.to_str().unwrap();
    framelens()
        .args([
            "lexicon",
            "add",
            p,
            "--id",
            "thugs",
            "--form",
            "thugs",
            "--form",
            "hired: thugs #1",
            "--category",
            "a/b",
            "--stance",
            "-2",
            "--target",
            "armed_group",
            "--note",
            "An insult.",
        ])
        .assert()
        .success();
    let added = std::fs::read_to_string(&f).unwrap();
    assert!(
        added.starts_with("# my lexicon\ncategories: [a/b]   # one category\n"),
        "{added}"
    );
    let lex = LexiconBuilder::new().file(&f).unwrap().build().unwrap();
    assert_eq!(
        lex.label("thugs").unwrap().forms,
        vec!["thugs".to_string(), "hired: thugs #1".to_string()]
    );
    framelens()
        .args([
            "lexicon",
            "add-actor",
            p,
            "--id",
            "r",
            "--name",
            "R Group",
            "--type",
            "armed_group",
            "--alias",
            "RG",
        ])
        .assert()
        .success();
    framelens()
        .args(["lexicon", "remove", p, "r"])
        .assert()
        .success();
    framelens()
        .args(["lexicon", "remove", p, "thugs"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&f).unwrap(), original);
    // Refusals change nothing and exit 4.
    framelens()
        .args([
            "lexicon",
            "add",
            p,
            "--id",
            "x",
            "--form",
            "z",
            "--category",
            "a/b",
            "--stance",
            "1",
        ])
        .assert()
        .code(4);
    framelens()
        .args(["lexicon", "remove", p, "nope"])
        .assert()
        .code(4);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), original);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn lexicon_lint_is_clean_on_the_bundled_lexicons() {
    framelens()
        .args(["lexicon", "lint"])
        .assert()
        .success()
        .stdout("0 warnings\n");
}

#[test]
fn lexicon_suggest_actors_pins_the_entries_for_unlisted_parties() {
    let dir = root().join("tests/fixtures/unlisted");
    let expected = "\
# 2 parties named in the 1 article that no loaded lexicon lists.
# The types are guesses from a head word or a title: check each entry before adding it,
# with the add-actor command above it (FILE is the lexicon to edit; people go in by hand),
# or save this output and load it with --lexicon.

actors:

  # Karst Liberation Front: 7 mentions in karst.txt (acronym 3, full name 1, person 2, short form 1).
  # Type armed_group from the head word \"Front\".
  # framelens lexicon add-actor FILE --id karst-liberation-front --name 'Karst Liberation Front' --type armed_group --alias KLF
  - id: karst-liberation-front
    name: Karst Liberation Front
    type: armed_group
    aliases: [KLF]
    adjectives: []
    people:
      - name: Jamal Orbek
        role: commander
    proxies: []

  # Vesna Horvat: 1 mention in karst.txt (person 1).
  # Type state from the title \"interior minister\".
  # framelens lexicon add-actor FILE --id vesna-horvat --name 'Vesna Horvat' --type state
  - id: vesna-horvat
    name: Vesna Horvat
    type: state
    aliases: []
    adjectives: []
    people:
      - name: Vesna Horvat
        role: interior minister
    proxies: []
";
    framelens()
        .current_dir(&dir)
        .args(["lexicon", "suggest-actors", "karst.txt"])
        .assert()
        .success()
        .stdout(expected);
    // With the suggestions loaded, nothing is left to suggest.
    let tmp = tempfile::tempdir().unwrap();
    let lex = write_temp(&tmp, "suggested.yaml", expected.as_bytes());
    framelens()
        .current_dir(&dir)
        .args(["lexicon", "suggest-actors", "karst.txt", "--lexicon"])
        .arg(&lex)
        .assert()
        .success()
        .stdout("# No unlisted parties: every party named in the 1 article is in the lexicons.\n");
}

#[test]
fn lexicon_import_and_quanteda_with_dash_dash_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let dic = write_temp(
        &dir,
        "small.dic",
        b"%\n1\tthreat\n2\tpeace\n%\nterroris*\t1\nfreedom fighter\t2\nmilitant\t1\t2\n",
    );
    let out = framelens()
        .args(["lexicon", "import", dic.to_str().unwrap(), "--from", "liwc"])
        .assert()
        .success()
        .get_output()
        .clone();
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("terroris*") && yaml.contains("freedom fighter"),
        "{yaml}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("not carried over")
    );
    let q = write_temp(
        &dir,
        "dict.yml",
        b"threat:\n  terror:\n    - terroris*\n    - terror attack\npeace:\n  - ceasefire\n",
    );
    framelens()
        .args([
            "score",
            "-",
            "--no-default-lexicons",
            "--lexicon",
            q.to_str().unwrap(),
            "--format",
            "json",
        ])
        .write_stdin("Headline\nThe terrorists broke the ceasefire.")
        .assert()
        .success()
        .stdout(
            predicates::str::contains("\"category\": \"threat/terror\"")
                .and(predicates::str::contains("\"text\": \"ceasefire\"")),
        );
}

// ---------------------------------------------------------------- CLI

#[test]
fn cli_broken_lexicon_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let lexf = write_temp(
        &dir,
        "bad.yaml",
        b"categories: [a/b]\nlabels:\n  - id: x\n    forms: [x]\n    category: a/b\n    stance: 5\n    kind: label\n",
    );
    let art = write_temp(&dir, "art.txt", b"Headline\nText.");
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--lexicon",
            lexf.to_str().unwrap(),
        ],
        4,
    );
    let shown = lexf.display().to_string();
    assert_eq!(
        err,
        format!(
            "framelens: error: stance 5 is out of range: use -2, -1, 0, 1 or 2\n  --> {shown}:6:13\n  |\n6 |     stance: 5\n  |             ^\n"
        )
    );
}

#[test]
fn cli_yaml_syntax_error_and_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_temp(&dir, "syntax.yaml", b"labels:\n  - id: [x\n");
    let art = write_temp(&dir, "art.txt", b"Headline\nText.");
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--no-default-lexicons",
            "--lexicon",
            bad.to_str().unwrap(),
        ],
        4,
    );
    assert!(err.contains(&format!("{}:2:", bad.display())), "{err}");
    let cat = write_temp(
        &dir,
        "cat.yaml",
        b"labels:\n  - {id: x, forms: [x], category: nope/none, stance: 1, kind: act}\n",
    );
    let err = stderr_of(
        &[
            "score",
            art.to_str().unwrap(),
            "--no-default-lexicons",
            "--lexicon",
            cat.to_str().unwrap(),
        ],
        4,
    );
    assert_eq!(
        err,
        format!(
            "framelens: error: unknown category `nope/none`: declare it under `categories:`\n  --> {}:2:35\n  |\n2 |   - {{id: x, forms: [x], category: nope/none, stance: 1, kind: act}}\n  |                                   ^\n",
            cat.display()
        )
    );
}

#[test]
fn cli_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    framelens()
        .args(["score", "/no/such/article.txt"])
        .assert()
        .code(3)
        .stderr("framelens: /no/such/article.txt: no such file\n");
    let bin = write_temp(&dir, "bin.txt", b"Headline\n\xff\xfe bad");
    framelens()
        .args(["score", bin.to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(format!(
            "framelens: {}: not valid UTF-8 at byte 9 (line 2)\n",
            bin.display()
        ));
    let empty = write_temp(&dir, "empty.txt", b"  \n");
    framelens()
        .args(["score", empty.to_str().unwrap()])
        .assert()
        .code(3);
    let bom_only = write_temp(&dir, "bom.txt", b"\xef\xbb\xbf\xe2\x80\x8b\n");
    framelens()
        .args(["score", bom_only.to_str().unwrap()])
        .assert()
        .code(3);
    framelens()
        .args(["score", "x.txt", "--lexicon", "/no/such/lexicon.yaml"])
        .assert()
        .code(4);
    framelens()
        .args(["compare", "only-one.txt"])
        .assert()
        .code(2);
    framelens()
        .args(["score", dir.path().to_str().unwrap()])
        .assert()
        .code(3);
}

#[test]
fn cli_reads_stdin_and_no_default_lexicons_drops_bundled() {
    framelens()
        .args(["score", "-", "--format", "json"])
        .write_stdin("Headline\nThe rebels advanced.")
        .assert()
        .success()
        .stdout(predicates::str::contains("\"term\": \"rebel\""));
    let out = framelens()
        .args(["score", "-", "--format", "json", "--no-default-lexicons"])
        .write_stdin("Headline\nThe rebels advanced.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"][0]["hits"].as_array().unwrap().len(), 0);
}

#[test]
fn json_hits_carry_the_documented_fields() {
    let out = framelens()
        .args(["score", sample(B).to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    let text = std::fs::read_to_string(sample(B)).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        for k in [
            "text",
            "start",
            "end",
            "term",
            "category",
            "stance",
            "kind",
            "actors",
            "link",
            "voice",
            "speaker",
            "speaker_actor",
            "negated",
            "sentence",
            "sentence_text",
        ] {
            assert!(h.get(k).is_some(), "missing {k} in {h}");
        }
        assert_slices(h, &text);
    }
}

#[test]
fn offsets_count_from_the_first_byte_even_with_a_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "\u{feff}Headline\r\nThe “rebels” of هيئة تحرير الشام advanced — the militants said.\r\n";
    let f = write_temp(&dir, "bom.txt", body.as_bytes());
    let out = framelens()
        .args(["score", f.to_str().unwrap(), "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap();
    assert!(hits.len() >= 2, "{hits:?}");
    for h in hits {
        assert_slices(h, body);
    }
}

#[test]
fn piped_text_output_has_no_colour_and_fits_80_columns() {
    let out = snapshot_output(&[
        "compare",
        sample(A).to_str().unwrap(),
        sample(B).to_str().unwrap(),
    ]);
    assert!(!out.contains('\u{1b}'), "escape codes in piped output");
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
}

// ---------------------------------------------------------------- snapshots

fn snapshot_output(args: &[&str]) -> String {
    let out = framelens()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn snapshot_compare_reports() {
    let (a, b) = (sample(A), sample(B));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let root = root();
    let strip = |s: String| s.replace(root.to_str().unwrap(), "<root>");
    insta::assert_snapshot!("compare_text", strip(snapshot_output(&["compare", a, b])));
    insta::assert_snapshot!(
        "compare_markdown",
        strip(snapshot_output(&["compare", a, b, "--format", "markdown"]))
    );
    insta::assert_snapshot!(
        "score_explain_b",
        strip(snapshot_output(&["score", b, "--explain"]))
    );
    insta::assert_snapshot!(
        "compare_html",
        strip(snapshot_output(&[
            "compare",
            a,
            b,
            "--format",
            "html",
            "--date",
            "2026-11-21"
        ]))
    );
}

// ---------------------------------------------------------------- the HTML report in a browser

mod browser {
    use super::*;
    use headless_chrome::protocol::cdp::types::Event;
    use headless_chrome::protocol::cdp::{Network, Page};
    use headless_chrome::{Browser, LaunchOptions};
    use std::ffi::OsStr;
    use std::sync::{Arc, Mutex};

    const CHROMIUM: &str = "/usr/bin/chromium";

    /// The page as a browser sees it: what it requested, what it logged, and the tab.
    struct Loaded {
        _browser: Browser,
        tab: Arc<headless_chrome::Tab>,
        requests: Arc<Mutex<Vec<String>>>,
        errors: Arc<Mutex<Vec<String>>>,
        dialogs: Arc<Mutex<Vec<String>>>,
    }

    fn chromium_available() -> bool {
        if Path::new(CHROMIUM).exists() {
            return true;
        }
        // CI installs chromium (.ci/run); anywhere else the browser tests are skipped.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install {CHROMIUM}"
        );
        eprintln!("skipped: {CHROMIUM} is not installed");
        false
    }

    fn load(page: &Path) -> Loaded {
        let profile = tempfile::tempdir().unwrap();
        let args: Vec<&OsStr> = [
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ]
        .iter()
        .map(OsStr::new)
        .collect();
        let browser = Browser::new(LaunchOptions {
            headless: true,
            sandbox: false,
            path: Some(PathBuf::from(CHROMIUM)),
            user_data_dir: Some(profile.path().to_path_buf()),
            window_size: Some((1400, 1800)),
            args,
            ..LaunchOptions::default()
        })
        .expect("chromium starts");
        let tab = browser.new_tab().expect("a tab");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let dialogs = Arc::new(Mutex::new(Vec::new()));
        let (r, e, d) = (requests.clone(), errors.clone(), dialogs.clone());
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::NetworkRequestWillBeSent(ev) => {
                r.lock().unwrap().push(ev.params.request.url.clone())
            }
            Event::RuntimeExceptionThrown(ev) => e
                .lock()
                .unwrap()
                .push(format!("{:?}", ev.params.exception_details)),
            Event::RuntimeConsoleAPICalled(ev) if format!("{:?}", ev.params.Type) == "Error" => e
                .lock()
                .unwrap()
                .push(format!("console error: {:?}", ev.params.args)),
            Event::LogEntryAdded(ev) if format!("{:?}", ev.params.entry.level) == "Error" => e
                .lock()
                .unwrap()
                .push(format!("log error: {}", ev.params.entry.text)),
            Event::PageJavascriptDialogOpening(ev) => {
                d.lock().unwrap().push(ev.params.message.clone())
            }
            _ => {}
        }))
        .unwrap();
        let enable: Network::Enable = serde_json::from_value(serde_json::json!({})).unwrap();
        tab.call_method(enable).unwrap();
        tab.enable_runtime().unwrap();
        tab.enable_log().unwrap();
        let url = format!("file://{}", page.display());
        tab.navigate_to(&url)
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        std::mem::forget(profile); // the browser still uses it; the OS temp folder is cleaned later
        Loaded {
            _browser: browser,
            tab,
            requests,
            errors,
            dialogs,
        }
    }

    fn eval(tab: &headless_chrome::Tab, js: &str) -> serde_json::Value {
        tab.evaluate(js, false)
            .unwrap()
            .value
            .unwrap_or(serde_json::Value::Null)
    }

    fn render(args: &[&str], out: &Path) {
        let mut all = vec!["compare"];
        all.extend_from_slice(args);
        all.extend(["--format", "html", "--output", out.to_str().unwrap()]);
        framelens().args(&all).assert().success();
    }

    #[test]
    fn the_report_renders_in_a_browser_without_the_network() {
        if !chromium_available() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("report.html");
        render(
            &[sample(A).to_str().unwrap(), sample(B).to_str().unwrap()],
            &page,
        );
        let l = load(&page);
        let hits = sample_article(A).hits.len() + sample_article(B).hits.len();
        let shown = eval(&l.tab, "document.querySelectorAll('[data-voice]').length");
        assert_eq!(shown, serde_json::json!(hits), "every hit is highlighted");
        let rows = eval(&l.tab, "document.querySelectorAll('table tbody tr').length");
        assert!(rows.as_u64().unwrap_or(0) >= 5, "per-actor table: {rows}");
        let tip = eval(
            &l.tab,
            "(() => { const h = document.querySelector('[data-voice]'); return h.getAttribute('title') || h.textContent + ' ' + (document.getElementById(h.getAttribute('aria-describedby') || '') || {}).textContent; })()",
        );
        let tip = tip.as_str().unwrap_or_default().to_owned();
        assert!(
            tip.contains("terror-offensive") && tip.contains("author"),
            "tooltip: {tip}"
        );
        // Screenshots of the top (summary) and of the highlighted articles side by side.
        for (name, anchor) in [
            ("report.png", "summary"),
            ("report-articles.png", "articles"),
        ] {
            eval(
                &l.tab,
                &format!("document.getElementById('{anchor}').scrollIntoView()"),
            );
            let png = l
                .tab
                .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
                .unwrap();
            assert!(png.len() > 10_000);
            std::fs::write(root().join("target").join(name), &png).unwrap();
            if std::env::var_os("FRAMELENS_UPDATE_SCREENSHOT").is_some() {
                std::fs::write(root().join("docs").join(name), &png).unwrap();
            }
        }
        let requests: Vec<String> = l
            .requests
            .lock()
            .unwrap()
            .iter()
            .filter(|u| !u.starts_with("file://") && !u.starts_with("data:"))
            .cloned()
            .collect();
        assert!(
            requests.is_empty(),
            "the page asked the network for {requests:?}"
        );
        assert!(
            l.errors.lock().unwrap().is_empty(),
            "console errors: {:?}",
            l.errors.lock().unwrap()
        );
    }

    #[test]
    fn an_article_cannot_run_script_in_the_report() {
        if !chromium_available() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let evil = "Headline <script>window.pwned=1;alert(1)</script>\nThe terrorists wrote </textarea><img src=x onerror=\"window.pwned=2\"> and \"onmouseover=alert(1) \u{202E}reversed\u{202C} text, said HTS.";
        let a = write_temp(&dir, "evil.txt", evil.as_bytes());
        let page = dir.path().join("evil.html");
        render(&[a.to_str().unwrap(), sample(B).to_str().unwrap()], &page);
        let l = load(&page);
        assert_eq!(
            eval(&l.tab, "typeof window.pwned"),
            serde_json::json!("undefined")
        );
        let text = eval(&l.tab, "document.body.textContent");
        assert!(
            text.as_str()
                .unwrap()
                .contains("<script>window.pwned=1;alert(1)</script>"),
            "the article's markup is shown as text"
        );
        assert!(
            l.dialogs.lock().unwrap().is_empty(),
            "dialogs: {:?}",
            l.dialogs.lock().unwrap()
        );
        let requests: Vec<String> = l
            .requests
            .lock()
            .unwrap()
            .iter()
            .filter(|u| !u.starts_with("file://") && !u.starts_with("data:"))
            .cloned()
            .collect();
        assert!(requests.is_empty(), "the page asked for {requests:?}");
    }
}

// ---------------------------------------------------------------- corpus mode

/// A corpus with a known difference: three outlets describe HTS in their own voice with
/// different labels, in set proportions. Sentences vary with the article number so that no two
/// articles are identical.
fn synthetic_corpus(per_source: usize) -> Vec<serde_json::Value> {
    let places = [
        "Hama",
        "Idlib",
        "Aleppo",
        "Homs",
        "Maarat al-Numan",
        "Saraqib",
        "Khan Sheikhoun",
    ];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    // (source, labels cycled through: the share of each is its share of the cycle)
    let styles: [(&str, &[&str]); 3] = [
        ("wire", &["militants", "militants", "militants", "rebels"]),
        (
            "statetv",
            &[
                "terrorists",
                "terrorists",
                "terrorists",
                "terrorists",
                "militants",
            ],
        ),
        ("partisan", &["rebels", "rebels", "rebels", "militants"]),
    ];
    let mut out = Vec::new();
    for (s, (source, labels)) in styles.iter().enumerate() {
        for i in 0..per_source {
            let n = s * per_source + i;
            let place = places[n % places.len()];
            let day = days[n % days.len()];
            let l1 = labels[i % labels.len()];
            let l2 = labels[(i + 1) % labels.len()];
            let text = format!(
                "Hayat Tahrir al-Sham {l1} advanced on {place} on {day}.\n\n\
                 The offensive is the largest in years. Hayat Tahrir al-Sham {l2} took \
                 {k} villages near {place} overnight. Residents fled south, according to the \
                 Syrian Observatory.\n\n\
                 \u{201c}We will hold the line,\u{201d} a commander said.",
                k = 2 + n % 9
            );
            out.push(serde_json::json!({
                "id": format!("{source}-{i:04}"),
                "source": source,
                "date": format!("2024-{:02}-{:02}", 10 + i % 3, 1 + i % 28),
                "title": format!("Fighting near {place}"),
                "text": text,
            }));
        }
    }
    out
}

fn jsonl(records: &[serde_json::Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The string `key` of every element of a JSON array.
fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|e| e[key].as_str().expect("a string").to_owned())
        .collect()
}

fn corpus_json_report(args: &[&str]) -> serde_json::Value {
    let out = framelens().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

#[test]
fn corpus_compare_names_the_labels_that_differ() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_temp(
        &dir,
        "corpus.jsonl",
        jsonl(&synthetic_corpus(40)).as_bytes(),
    );
    let r = corpus_json_report(&[
        "corpus",
        input.to_str().unwrap(),
        "--compare",
        "--quiet",
        "--format",
        "json",
    ]);
    assert_eq!(r["articles"], 120);
    let period = &r["periods"][0];
    assert_eq!(period["period"], "all");
    let hts = period["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["actor"] == "hts")
        .expect("HTS compared");
    // 80 uses per source: 2 per article.
    assert_eq!(
        hts["totals"],
        serde_json::json!({"partisan": 80, "statetv": 80, "wire": 80})
    );
    let sig: Vec<(String, String, String)> = hts["keyness"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["significant"] == true)
        .map(|k| {
            (
                k["source"].as_str().unwrap().to_owned(),
                k["term"].as_str().unwrap().to_owned(),
                k["direction"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for want in [
        ("statetv", "terrorist", "over"),
        ("wire", "militant", "over"),
        ("partisan", "rebel", "over"),
        ("wire", "terrorist", "under"),
        ("statetv", "rebel", "under"),
    ] {
        assert!(
            sig.iter()
                .any(|s| (s.0.as_str(), s.1.as_str(), s.2.as_str()) == want),
            "{want:?} missing from {sig:?}"
        );
    }
    // statetv: 64 "terrorists" of 80; the others: 0 of 160. Every figure is in the row.
    let row = hts["keyness"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["source"] == "statetv" && k["term"] == "terrorist")
        .unwrap();
    assert_eq!(row["n_target"], 64);
    assert_eq!(row["target_total"], 80);
    assert_eq!(row["n_reference"], 0);
    assert_eq!(row["reference_total"], 160);
    assert!(row["g2"].as_f64().unwrap() > 100.0);
    assert!(row["p_adjusted"].as_f64().unwrap() < 1e-10);
    // The text report says it in words.
    let out = framelens()
        .args(["corpus", input.to_str().unwrap(), "--compare", "--quiet"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("statetv over-uses \"terrorist\": 64 of 80 uses (80.0%) vs 0.0% elsewhere"),
        "{text}"
    );
}

#[test]
fn corpus_split_runs_merge_to_the_bytes_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let records = synthetic_corpus(25);
    let whole = write_temp(&dir, "whole.jsonl", jsonl(&records).as_bytes());
    let run = |inputs: &[&Path], summary: &Path, extra: &[&str]| {
        let mut args: Vec<String> = vec!["corpus".into(), "--quiet".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend(["--summary".into(), summary.display().to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        framelens().args(&args).assert().success();
        std::fs::read(summary).unwrap()
    };
    let one = run(&[&whole], &dir.path().join("one.json"), &[]);
    // Any thread count gives the same bytes.
    assert_eq!(
        one,
        run(&[&whole], &dir.path().join("t1.json"), &["--threads", "1"])
    );
    // Three uneven parts, one of them interleaving sources.
    let parts = [&records[..7], &records[7..51], &records[51..]];
    let mut summaries = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let f = write_temp(&dir, &format!("part{i}.jsonl"), jsonl(p).as_bytes());
        let s = dir.path().join(format!("part{i}.json"));
        run(&[&f], &s, &[]);
        summaries.push(s);
    }
    for order in [[0, 1, 2], [2, 0, 1]] {
        let mut args = vec!["merge".to_owned()];
        args.extend(order.iter().map(|&i| summaries[i].display().to_string()));
        let out = framelens().args(&args).output().unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, one, "merge in order {order:?}");
    }
    // The report from merged parts equals the report from the one run.
    let from_parts = framelens()
        .arg("report")
        .args(&summaries)
        .args(["--compare", "--format", "json"])
        .output()
        .unwrap();
    let from_one = framelens()
        .args([
            "report",
            dir.path().join("one.json").to_str().unwrap(),
            "--compare",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(from_parts.stdout, from_one.stdout);
    // Parts made with another lexicon are refused.
    let lex = write_temp(
        &dir,
        "extra.yaml",
        b"lexicon: extra\nlabels:\n  - id: gunmen\n    forms: [gunmen]\n    category: delegitimizing/militancy\n    stance: -1\n    kind: label\n",
    );
    let other = dir.path().join("other.json");
    framelens()
        .args(["--lexicon", lex.to_str().unwrap(), "corpus", "--quiet"])
        .arg(dir.path().join("part0.jsonl"))
        .arg("--summary")
        .arg(&other)
        .assert()
        .success();
    let err = stderr_of(
        &[
            "merge",
            summaries[0].to_str().unwrap(),
            other.to_str().unwrap(),
        ],
        3,
    );
    assert!(err.contains("made with a different lexicon than"), "{err}");
}

#[test]
fn corpus_reads_folders_csv_and_stdin_alike() {
    let dir = tempfile::tempdir().unwrap();
    let records = synthetic_corpus(4);
    let jl = write_temp(&dir, "c.jsonl", jsonl(&records).as_bytes());
    // A folder per source, one .txt per article (no titles, no dates).
    let mut csv = String::from("id,source,date,title,text\n");
    for r in &records {
        let src = r["source"].as_str().unwrap();
        std::fs::create_dir_all(dir.path().join("tree").join(src)).unwrap();
        let id = r["id"].as_str().unwrap();
        std::fs::write(
            dir.path().join("tree").join(src).join(format!("{id}.txt")),
            r["text"].as_str().unwrap(),
        )
        .unwrap();
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        csv.push_str(&format!(
            "{},{},{},{},{}\n",
            id,
            src,
            r["date"].as_str().unwrap(),
            q(r["title"].as_str().unwrap()),
            q(r["text"].as_str().unwrap())
        ));
    }
    let csv = write_temp(&dir, "c.csv", csv.as_bytes());
    let totals = |r: &serde_json::Value| r["sources"].clone();
    let from_jsonl = corpus_json_report(&["corpus", jl.to_str().unwrap(), "-q", "-f", "json"]);
    let from_csv = corpus_json_report(&["corpus", csv.to_str().unwrap(), "-q", "-f", "json"]);
    assert_eq!(totals(&from_jsonl), totals(&from_csv));
    let out = framelens()
        .args(["corpus", "-", "-q", "-f", "json"])
        .write_stdin(std::fs::read(&jl).unwrap())
        .output()
        .unwrap();
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(totals(&from_jsonl), totals(&from_stdin));
    // Folder names are the sources; the texts are the same but carry no titles.
    let tree = dir.path().join("tree");
    let from_tree = corpus_json_report(&["corpus", tree.to_str().unwrap(), "-q", "-f", "json"]);
    let names = strings(&from_tree["sources"], "source");
    assert_eq!(names, ["partisan", "statetv", "wire"]);
    assert_eq!(from_tree["articles"], 12);
    // A mapping file renames sources.
    let map = write_temp(
        &dir,
        "map.csv",
        b"# raw,source\nstatetv,State TV\nwire\tWire\n",
    );
    let mapped = corpus_json_report(&[
        "corpus",
        jl.to_str().unwrap(),
        "--source-map",
        map.to_str().unwrap(),
        "-q",
        "-f",
        "json",
    ]);
    let names = strings(&mapped["sources"], "source");
    assert_eq!(names, ["State TV", "Wire", "partisan"]);
}

#[test]
fn corpus_reports_bad_records_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "source": "wire", "text": "Hayat Tahrir al-Sham militants advanced on Hama."})
        )
    };
    let mut body = Vec::new();
    body.extend(good("a").as_bytes());
    body.extend(b"{\"id\": \"b\", \"text\": \n");
    body.extend(b"{\"id\": \"c\", \"text\": \"caf\xe9\"}\n");
    body.extend(b"{\"id\": \"d\", \"text\": \"   \"}\n");
    body.extend(b"{\"id\": \"e\"}\n");
    body.extend(b"[1, 2]\n");
    body.extend(b"\n");
    body.extend(format!("{{\"id\": \"f\", \"text\": \"{}\"}}\n", "x ".repeat(3000)).as_bytes());
    body.extend(good("g").as_bytes());
    let f = write_temp(&dir, "bad.jsonl", &body);
    let summary = dir.path().join("s.json");
    let out = framelens()
        .args([
            "corpus",
            f.to_str().unwrap(),
            "--max-article-bytes",
            "1000",
            "--summary",
        ])
        .arg(&summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let p = f.display();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "framelens: {p}:2: skipped: invalid JSON at column 20: EOF while parsing a value\n\
         framelens: {p}:3: skipped: not valid UTF-8 at column 25\n\
         framelens: {p}:4: skipped: the text is empty\n\
         framelens: {p}:5: skipped: no 'text' field\n\
         framelens: {p}:6: skipped: the line is not a JSON object\n\
         framelens: {p}:8: skipped: an article of 6000 bytes, over the limit of 1000\n"
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("2 articles"), "{stderr}");
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(s["articles"], 2);
    assert_eq!(
        s["skipped"],
        serde_json::json!({"empty_text": 1, "invalid_json": 2, "invalid_utf8": 1, "missing_text": 1, "too_large": 1})
    );
    // Inputs that do not exist stop the run before it starts.
    let err = stderr_of(&["corpus", "no/such/dir"], 3);
    assert_eq!(err, "framelens: no/such/dir: no such file or folder\n");
    let err = stderr_of(&["corpus", f.to_str().unwrap(), "--hits", "out.txt"], 2);
    assert!(
        err.starts_with("error: invalid value 'out.txt' for '--hits <FILE>': the hits file must end in .csv, .jsonl or .ndjson\n"),
        "{err}"
    );
}

#[test]
fn corpus_hit_rows_point_into_each_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{201c}These are terrorists,\u{201d} said Abu Mohammed al-Jolani\u{2019}s \
                rival — أبو محمد الجولاني — of the Turkish occupation forces in Afrin, \
                the Syrian Democratic Forces said.";
    let title = "Turkey and the United States are occupation forces, Damascus said";
    let rec = serde_json::json!({"id": "x1", "source": "sdf-press", "date": "2024-12-03", "title": title, "text": text});
    let f = write_temp(&dir, "one.jsonl", format!("{rec}\n").as_bytes());
    for ext in ["csv", "jsonl"] {
        let hits = dir.path().join(format!("hits.{ext}"));
        framelens()
            .args(["corpus", f.to_str().unwrap(), "-q", "--hits"])
            .arg(&hits)
            .assert()
            .success();
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = if ext == "jsonl" {
            std::fs::read_to_string(&hits)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        } else {
            let mut r = csv::Reader::from_path(&hits).unwrap();
            let head = r.headers().unwrap().clone();
            r.records()
                .map(|rec| {
                    head.iter()
                        .zip(rec.unwrap().iter())
                        .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v.to_owned())))
                        .collect()
                })
                .collect()
        };
        assert!(rows.len() >= 3, "{rows:?}");
        let num = |v: &serde_json::Value| -> usize {
            v.as_u64()
                .map(|n| n as usize)
                .unwrap_or_else(|| v.as_str().unwrap().parse().unwrap())
        };
        for r in &rows {
            let field = if r["field"] == "title" { title } else { text };
            let (s, e) = (num(&r["start"]), num(&r["end"]));
            assert_eq!(&field[s..e], r["text"].as_str().unwrap(), "{r:?}");
            assert_eq!(r["doc_id"], "x1");
            assert_eq!(r["source"], "sdf-press");
        }
        // The title's "occupation forces" describes two actors: two rows, one hit number.
        let title_rows: Vec<_> = rows
            .iter()
            .filter(|r| r["field"] == "title" && r["term"] == "occupation-forces")
            .collect();
        let actors: Vec<&str> = title_rows
            .iter()
            .map(|r| r["actor"].as_str().unwrap())
            .collect();
        assert_eq!(actors, ["turkey", "united-states"], "{ext}");
        assert_eq!(title_rows[0]["hit"], title_rows[1]["hit"]);
    }
}

#[test]
fn corpus_by_month_and_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_temp(&dir, "c.jsonl", jsonl(&synthetic_corpus(30)).as_bytes());
    let inp = input.to_str().unwrap();
    let r = corpus_json_report(&[
        "corpus",
        inp,
        "-q",
        "--compare",
        "--by",
        "month",
        "-f",
        "json",
    ]);
    let periods = strings(&r["periods"], "period");
    assert_eq!(periods, ["2024-10", "2024-11", "2024-12"]);
    let year = corpus_json_report(&[
        "corpus",
        inp,
        "-q",
        "--compare",
        "--by",
        "year",
        "-f",
        "json",
    ]);
    assert_eq!(year["periods"][0]["period"], "2024");
    let md = framelens()
        .args(["corpus", inp, "-q", "--compare", "-f", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| statetv | terrorist | over | 48 of 60 |"),
        "{md}"
    );
    let html = framelens()
        .args([
            "corpus",
            inp,
            "-q",
            "--compare",
            "--by",
            "month",
            "-f",
            "html",
            "--date",
            "2026-11-21",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("2024-10 · statetv"));
    assert!(!html.contains("http://") && !html.contains("https://"));
}

// ---------------------------------------------------------------- hostile input (docs/robustness.md)

/// framelens under an address-space limit of `bytes` (util-linux `prlimit`): a case that needs
/// more memory fails the test instead of passing on a large machine.
fn capped(bytes: u64) -> Command {
    let prlimit = Path::new("/usr/bin/prlimit");
    assert!(
        prlimit.exists(),
        "the memory-bounded tests need util-linux's prlimit"
    );
    let mut c = Command::new(prlimit);
    c.arg(format!("--as={bytes}"))
        .arg("--")
        .arg(assert_cmd::cargo::cargo_bin("framelens"));
    c
}

/// Standard error of a run under [`capped`], which must end with `code`.
fn capped_stderr(bytes: u64, args: &[&str], code: i32) -> String {
    let out = capped(bytes)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

const GIB: u64 = 1 << 30;

/// A lexicon file that makes the loader work hard or lie: each is refused with exit 4 and a
/// message that names the file and, where there is one, the line and column, within 1 GiB of
/// address space.
#[test]
fn hostile_lexicons_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let art = write_temp(&dir, "art.txt", b"HTS fighters advanced.");
    let run = |lex: &Path| {
        capped_stderr(
            GIB,
            &[
                "score",
                art.to_str().unwrap(),
                "--lexicon",
                lex.to_str().unwrap(),
            ],
            4,
        )
    };
    // "Billion laughs": ten anchors, each a list of ten aliases of the one before.
    let mut bomb = String::from(
        "labels:\n  - id: x\n    category: neutral/state\n    stance: 0\n    kind: label\n    forms: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        bomb.push_str(&format!(
            "  - id: x{i}\n    category: neutral/state\n    stance: 0\n    kind: label\n    forms: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    let f = write_temp(&dir, "bomb.yaml", bomb.as_bytes());
    let err = run(&f);
    assert!(
        err.starts_with("framelens: error: expected string scalar"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {}:11:17", f.display())), "{err}");

    // 10,000 nested flow sequences: the parser's depth limit, with the snippet cut short.
    let deep = format!("labels:\n{}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let f = write_temp(&dir, "deep.yaml", deep.as_bytes());
    let err = run(&f);
    let shown = format!("…{}…", "[".repeat(100));
    assert_eq!(
        err,
        format!(
            "framelens: error: recursion limit exceeded\n  --> {}:2:256\n  |\n2 | {shown}\n  | {}^\n",
            f.display(),
            " ".repeat(51)
        )
    );

    // 10,000 nested block mappings: 100 MB of indentation, refused by its size before it is
    // read; 5,000 (25 MB) are read and refused at the first key.
    let nested = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect()
    };
    let f = write_temp(&dir, "nested.yaml", nested(10_000).as_bytes());
    assert_eq!(
        run(&f),
        format!(
            "framelens: cannot read lexicon {}: 100058890 bytes, over the limit of 67108864 bytes\n",
            f.display()
        )
    );
    let f = write_temp(&dir, "nested.yaml", nested(5_000).as_bytes());
    let err = run(&f);
    assert!(
        err.starts_with("framelens: error: unknown field `k0`"),
        "{err}"
    );

    // A regex whose compiled program would be huge.
    let f = write_temp(
        &dir,
        "regex.yaml",
        b"labels:\n  - id: boom\n    regex: '\\w{1000}\\w{1000}\\w{1000}'\n    category: neutral/state\n    stance: 0\n    kind: label\n",
    );
    let err = run(&f);
    assert_eq!(
        err,
        format!(
            "framelens: error: regex `\\w{{1000}}\\w{{1000}}\\w{{1000}}` is too large (over 1048576 bytes compiled)\n  --> {}:3:12\n  |\n3 |     regex: '\\w{{1000}}\\w{{1000}}\\w{{1000}}'\n  |            ^\n",
            f.display()
        )
    );

    // Not a lexicon file at all.
    let err = run(dir.path());
    assert_eq!(
        err,
        format!(
            "framelens: cannot read lexicon {}: it is a directory\n",
            dir.path().display()
        )
    );
    let err = run(&dir.path().join("missing.yaml"));
    assert_eq!(
        err,
        format!(
            "framelens: cannot read lexicon {}: no such file\n",
            dir.path().join("missing.yaml").display()
        )
    );
    // A file that exists but cannot be read, even by root: /proc/self/mem at offset 0.
    if Path::new("/proc/self/mem").exists() {
        let err = run(Path::new("/proc/self/mem"));
        assert_eq!(
            err,
            "framelens: cannot read lexicon /proc/self/mem: Input/output error (os error 5)\n"
        );
    }
}

/// 200,000 entries load and match; 200,000 broken entries are reported, the first 50 shown,
/// without rescanning the file for each problem (that once took hours).
#[test]
fn a_lexicon_with_200000_entries() {
    let dir = tempfile::tempdir().unwrap();
    let entry = |i: usize, kind: bool| {
        let word: String = format!("{i:06}")
            .bytes()
            .map(|d| (b'a' + (d - b'0')) as char)
            .collect();
        format!(
            "  - id: t{i}\n    forms: [zq{word} unit]\n    category: neutral/state\n    stance: 0\n{}",
            if kind { "    kind: label\n" } else { "" }
        )
    };
    let body = |kind: bool| -> String {
        let mut s = String::from("lexicon: huge\ncategories: [neutral/state]\nlabels:\n");
        for i in 0..200_000 {
            s.push_str(&entry(i, kind));
        }
        s
    };
    let art = write_temp(&dir, "art.txt", b"HTS said the zqbcdefa unit moved.");
    let good = write_temp(&dir, "good.yaml", body(true).as_bytes());
    let out = capped(2 * GIB)
        .args(["score", art.to_str().unwrap(), "--format", "json"])
        .args(["--lexicon", good.to_str().unwrap()])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let terms: Vec<&str> = json["articles"][0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["term"].as_str().unwrap())
        .collect();
    assert_eq!(terms, ["t123450"]);

    let broken = write_temp(&dir, "broken.yaml", body(false).as_bytes());
    let err = capped_stderr(
        2 * GIB,
        &[
            "score",
            art.to_str().unwrap(),
            "--lexicon",
            broken.to_str().unwrap(),
        ],
        4,
    );
    assert_eq!(err.matches("error: missing field `kind`").count(), 50);
    assert!(
        err.ends_with(
            "... and 199950 more problems (`framelens lexicon check FILE` lists them all)\n"
        ),
        "{}",
        &err[err.len() - 300..]
    );
}

/// Text built to make the analysis quadratic or to break its offsets: every case finishes, and
/// every hit still slices the text exactly.
#[test]
fn hostile_articles_analyse_in_bounded_time() {
    let cases: Vec<(&str, String)> = vec![
        (
            "a 1,000,000-character word",
            format!("HTS terrorists {} rebels", "a".repeat(1_000_000)),
        ),
        ("openers without closers", "(‘a".repeat(20_000)),
        ("straight openers", "(' a".repeat(20_000)),
        (
            "unbalanced double marks",
            format!("{} HTS terrorists {}", "\"".repeat(20_000), "“".repeat(20_000)),
        ),
        ("a quote opened per clause", "“HTS terrorists ".repeat(10_000)),
        (
            "one sentence of 60,000 words",
            "HTS terrorists said ".repeat(20_000),
        ),
        ("dashes and brackets", "— ( [ ".repeat(20_000)),
        (
            "mixed scripts, bidi and zero-width",
            "HTS \u{202E}terrorists\u{202C} هيئة تحرير الشام \u{200B}\u{200D}rebels \u{2066}militants\u{2069} "
                .repeat(2_000),
        ),
    ];
    for (what, text) in cases {
        let a = analyze(&text);
        for h in &a.hits {
            assert_eq!(
                text.get(h.start..h.end),
                Some(h.text.as_str()),
                "{what}: {h:?}"
            );
        }
        match what {
            "a 1,000,000-character word" => {
                let terms: Vec<&str> = a.hits.iter().map(|h| h.term.as_str()).collect();
                assert_eq!(terms, ["terrorist", "rebel"], "{what}");
            }
            "one sentence of 60,000 words" => assert_eq!(a.hits.len(), 20_000, "{what}"),
            _ => {}
        }
    }
}

/// Terminal escape sequences and bidi controls in an article never reach the terminal raw in
/// the text report; the JSON keeps the exact text (offsets point into it).
#[test]
fn escape_sequences_in_articles_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let body = "HTS \u{1b}[2J\u{1b}]0;owned\u{7} terrorists \u{202E}rebels\u{202C} advanced.";
    let art = write_temp(&dir, "esc.txt", body.as_bytes());
    let out = framelens()
        .args(["score", art.to_str().unwrap(), "--explain"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for raw in ['\u{1b}', '\u{7}', '\u{202E}', '\u{202C}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text}");
    }
    // The sentence is wrapped to the terminal width; each escaped piece is on one line.
    for shown in [
        "HTS \\u{1b}[2J\\u{1b}]0;owned\\u{7} terrorists",
        "\\u{202e}",
        "rebels\\u{202c} advanced.",
    ] {
        assert!(text.contains(shown), "{shown} not in {text}");
    }
    let out = framelens()
        .args(["score", art.to_str().unwrap(), "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for h in json["articles"][0]["hits"].as_array().unwrap() {
        assert_slices(h, body);
    }
}

/// `framelens ... | head -1`: a reader that goes away ends the run quietly, exit 0.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::process::Stdio;
    // Text, and the streamed JSON and HTML.
    for format in ["text", "json", "html"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("framelens"))
            .args(["score", "--explain", "-f", format])
            .args([sample(A), sample(B)])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

// ---------------------------------------------------------------- inputs: encodings, HTML, records, URLs

fn html_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/html").join(name)
}

/// Runs framelens, expects success, returns standard output as a string.
fn stdout_of(args: &[&str]) -> String {
    let out = framelens()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 stdout")
}

/// Runs framelens with `args`, expects exit 3 and a message about `input`, returns the reason.
fn refusal(args: &[&str], input: &str) -> String {
    let err = stderr_of(args, 3);
    let prefix = format!("framelens: {input}: ");
    assert!(err.starts_with(&prefix) && err.ends_with('\n'), "{err}");
    err[prefix.len()..err.len() - 1].to_owned()
}

/// The text framelens analyses for `args` (`--show-text`) and the JSON hits of its articles;
/// every hit must slice that text exactly.
fn shown_text_and_hits(args: &[&str]) -> (String, Vec<serde_json::Value>) {
    let mut show = args.to_vec();
    show.push("--show-text");
    let text = stdout_of(&show);
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&json)).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap().clone();
    for h in &hits {
        assert_slices(h, &text);
    }
    (text, hits)
}

/// Every `kept` string is in `text`, and no `gone` one.
fn assert_kept_and_gone(text: &str, kept: &[&str], gone: &[&str]) {
    for k in kept {
        assert!(text.contains(k), "missing {k:?} in {text}");
    }
    for g in gone {
        assert!(!text.contains(g), "{g:?} left in {text}");
    }
}

fn hit_texts(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_encoding_gives_the_text_and_hits_of_utf8() {
    let arabic =
        "Headline\nThe “rebels” of أحمد الشرع advanced — the regime said the terrorists fled.\n";
    let latin =
        "Headline\nThe “rebels” of Tahrir advanced — café regime said the terrorists fled.\n";
    let plain_arabic =
        "Headline\nThe rebels of أحمد الشرع advanced, the regime said the terrorists fled.\n";
    let utf16 = |text: &str, le: bool| {
        let mut b: Vec<u8> = if le {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for u in text.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let legacy = |enc: &'static encoding_rs::Encoding, text: &str| {
        let (b, _, bad) = enc.encode(text);
        assert!(!bad, "{} cannot encode {text}", enc.name());
        b.into_owned()
    };
    // (file name, bytes, extra flags, the text analysed)
    let cases: Vec<(&str, Vec<u8>, Vec<&str>, String)> = vec![
        (
            "utf8.txt",
            arabic.as_bytes().to_vec(),
            vec![],
            arabic.into(),
        ),
        (
            "bom.txt",
            [b"\xef\xbb\xbf".as_slice(), arabic.as_bytes()].concat(),
            vec![],
            format!("\u{feff}{arabic}"),
        ),
        ("le.txt", utf16(arabic, true), vec![], arabic.into()),
        ("be.txt", utf16(arabic, false), vec![], arabic.into()),
        (
            "1256.txt",
            legacy(encoding_rs::WINDOWS_1256, arabic),
            vec!["--encoding", "windows-1256"],
            arabic.into(),
        ),
        (
            "1252.txt",
            legacy(encoding_rs::WINDOWS_1252, latin),
            vec!["--encoding", "latin1"],
            latin.into(),
        ),
        (
            "8859-6.txt",
            legacy(encoding_rs::ISO_8859_6, plain_arabic),
            vec!["--encoding", "iso-8859-6"],
            plain_arabic.into(),
        ),
        // A byte-order mark wins over --encoding.
        (
            "le-declared.txt",
            utf16(arabic, true),
            vec!["--encoding", "windows-1252"],
            arabic.into(),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, flags, want) in cases {
        let f = write_temp(&dir, name, &bytes);
        let mut args = vec!["score", f.to_str().unwrap()];
        args.extend(flags);
        let (text, hits) = shown_text_and_hits(&args);
        assert_eq!(text, want, "{name}");
        assert_eq!(
            hit_texts(&hits),
            ["rebels", "regime", "terrorists"],
            "{name}"
        );
    }
}

#[test]
fn invalid_bytes_are_refused_unless_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_temp(
        &dir,
        "bad.txt",
        b"Headline\nThe \xff\xfe rebels advanced.\n",
    );
    let p = bad.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p], p),
        "not valid UTF-8 at byte 13 (line 2)"
    );
    let out = framelens()
        .args(["score", p, "--lossy", "--show-text"])
        .assert()
        .success()
        .stderr(format!(
            "framelens: {p}: replaced 2 bytes that are not valid UTF-8 with U+FFFD (--lossy)\n"
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Headline\nThe \u{fffd}\u{fffd} rebels advanced.\n"
    );
    // A declared encoding names itself; the offset counts bytes of the file.
    let sjis = write_temp(&dir, "sjis.txt", b"Headline\n\x82\xa0 \x85\x40 rebels\n");
    let p = sjis.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p, "--encoding", "shift_jis"], p),
        "not valid Shift_JIS at byte 12 (line 2)"
    );
    // --lossy is for score and compare (corpus mode skips and counts such records).
    assert!(stderr_of(&["corpus", p, "--lossy"], 2).starts_with(
        "error: --lossy applies to score, attributions, compare and lexicon suggest-actors only\n"
    ));
    assert!(
        stderr_of(&["lexicon", "list", "--encoding", "latin1"], 2).starts_with(
            "error: --encoding applies to score, attributions, compare, corpus and lexicon suggest-actors only\n"
        )
    );
    // An unknown label is a usage error naming it.
    let err = stderr_of(&["score", p, "--encoding", "klingon"], 2);
    assert!(
        err.starts_with(
            "error: invalid value 'klingon' for '--encoding <LABEL>': unknown encoding label \
             `klingon` (use a WHATWG label such as utf-8, utf-16le, windows-1252, windows-1256, \
             iso-8859-6)\n"
        ),
        "{err}"
    );
}

#[test]
fn binary_files_are_refused_but_utf16_is_not() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, want) in [
        ("a.pdf.txt", &b"%PDF-1.7\n\x00\x01\x02"[..], Some(9)),
        ("bom-nul.txt", b"\xef\xbb\xbfHeadline\x00", Some(11)),
        (
            "utf16.txt",
            b"\xff\xfeH\x00i\x00\n\x00r\x00e\x00b\x00e\x00l\x00s\x00",
            None,
        ),
    ] {
        let f = write_temp(&dir, name, bytes);
        let p = f.to_str().unwrap();
        match want {
            Some(at) => assert_eq!(
                refusal(&["score", p], p),
                format!("looks like a binary file (NUL byte at byte {at})")
            ),
            None => assert_eq!(stdout_of(&["score", p, "--show-text"]), "Hi\nrebels"),
        }
    }
}

#[test]
fn html_page_is_reduced_to_headline_and_body_paragraphs() {
    let page = html_fixture("article.html");
    let (text, hits) = shown_text_and_hits(&["score", page.to_str().unwrap()]);
    assert!(
        text.starts_with(
            "Rebels enter Aleppo as government lines collapse\n\nSyrian rebels led by"
        ),
        "{text}"
    );
    // Body paragraphs, separated by blank lines, entities decoded, curly quotes and Arabic kept.
    assert_kept_and_gone(
        &text,
        &[
            "\n\nThe group’s leader, Abu Mohammed al-Jolani — born Ahmed al-Sharaa (أحمد الشرع) — told \
         fighters in a recorded message that “the regime of Bashar al-Assad is finished in Aleppo” \
         and urged them to protect civilians.\n\n",
            "to \"strengthen defensive lines\" and described",
            "\n\nThe United Nations envoy for Syria, Geir Pedersen,",
        ],
        // Navigation, share widgets, the read-more box, related links, comments, scripts, styles.
        &[
            "Politics",
            "Subscribe",
            "why the terrorists won",
            "Share on Facebook",
            "Email this story",
            "Read more",
            "a timeline of thirteen years",
            "Related stories",
            "last stronghold",
            "Comments",
            "reader42",
            "should never have been allowed",
            "freedom fighters",
            "Post comment",
            "dataLayer",
            "tracking",
            "STYLE-LEAK",
            "All rights reserved",
            "&amp;",
            "&mdash;",
        ],
    );
    assert_eq!(text.matches("\n\n").count(), 6, "{text}");
    assert_eq!(
        hit_texts(&hits),
        [
            "Rebels",
            "rebels",
            "opposition fighters",
            "fighters",
            "regime",
            "terrorist organizations",
            "terrorist organization",
            "opposition factions"
        ]
    );
    assert_eq!(hits[4]["voice"], "quote");
}

#[test]
fn html_is_found_by_content_and_the_format_flag_decides() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read(html_fixture("article.html")).unwrap();
    let saved = write_temp(&dir, "saved-page.txt", &page);
    let s = saved.to_str().unwrap();
    let extracted = stdout_of(&["score", s, "--show-text"]);
    assert!(extracted.starts_with("Rebels enter Aleppo as government lines collapse\n\n"));
    assert_eq!(
        stdout_of(&["score", s, "--show-text", "--input-format", "text"]).as_bytes(),
        page
    );
    let out = framelens()
        .args(["score", "-", "--show-text", "--input-format", "html"])
        .write_stdin(page.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), extracted);
    // A page with nothing to read.
    let empty = write_temp(
        &dir,
        "empty.html",
        b"<html><head><title></title></head><body><script>var rebels;</script></body></html>",
    );
    let p = empty.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p], p),
        "no article text found in the HTML page"
    );
}

#[test]
fn html_meta_charset_and_show_text_of_two_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = "<html><head><meta charset=\"windows-1256\"><title>Sharaa in Damascus</title></head>\
        <body><article><p>Ahmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.</p>\
        </article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(utf8);
    let f = write_temp(&dir, "sharaa.htm", &bytes);
    let g = write_temp(&dir, "note.txt", "Note\nThe militants left.".as_bytes());
    let out = stdout_of(&[
        "compare",
        f.to_str().unwrap(),
        g.to_str().unwrap(),
        "--show-text",
    ]);
    assert_eq!(
        out,
        format!(
            "==> {} <==\nSharaa in Damascus\n\nAhmed al-Sharaa (أحمد الشرع) told the rebels in \
             Damascus that the regime had fallen.\n\n==> {} <==\nNote\nThe militants left.\n",
            f.display(),
            g.display()
        )
    );
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "compare",
        f.to_str().unwrap(),
        g.to_str().unwrap(),
        "--show-text",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["texts"][0]["name"], "sharaa");
    assert_eq!(v["texts"][1]["text"], "Note\nThe militants left.");
}

#[test]
fn markdown_markup_and_link_urls_make_no_hits_and_offsets_stay_raw() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntags: [terrorists, regime]\n---\n\n# Rebels advance on Hama\n\n\
        The **militants** of [Hayat Tahrir al-Sham](https://example.com/terrorists-regime) entered\n\
        the city — “we are not terrorists,” said أحمد الشرع.\n\n\
        ![regime tanks](https://example.com/regime.jpg)\n\n\
        See <https://example.com/insurgents> and [the army][1].\n\n\
        [1]: https://example.com/junta\n";
    let f = write_temp(&dir, "story.md", md.as_bytes());
    let (text, hits) = shown_text_and_hits(&["score", f.to_str().unwrap()]);
    assert_eq!(text.len(), md.len());
    for h in &hits {
        assert_slices(h, md);
    }
    assert_eq!(hit_texts(&hits), ["Rebels", "militants", "terrorists"]);
    assert!(text.contains("  Rebels advance on Hama\n"), "{text}");
    assert!(
        text.contains("entered the city — “we are not terrorists,” said"),
        "{text}"
    );
}

#[test]
fn json_and_jsonl_records_are_articles() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write_temp(
        &dir,
        "feed.jsonl",
        "{\"id\": \"wire-1\", \"title\": \"Rebels take Aleppo\", \"text\": \"The rebels advanced.\\nThe regime fled.\"}\n\
         {\"title\": \"Second\", \"text\": \"Militants of أحمد الشرع’s group “left”.\"}\n"
            .as_bytes(),
    );
    let j = jsonl.to_str().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["score", j, "--format", "json"])).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["name"], "wire-1");
    assert_eq!(arts[1]["name"], "feed:2");
    let text = "Rebels take Aleppo\n\nThe rebels advanced.\nThe regime fled.";
    for h in arts[0]["hits"].as_array().unwrap() {
        assert_slices(h, text);
    }
    // Other field names, and a JSON file holding one record, compared with a text file.
    let json = write_temp(
        &dir,
        "one.json",
        br#"{"headline": "Army retakes town", "body": "The army said the terrorists withdrew."}"#,
    );
    let out = stdout_of(&[
        "compare",
        json.to_str().unwrap(),
        sample(A).to_str().unwrap(),
        "--title-field",
        "headline",
        "--text-field",
        "body",
        "--show-text",
    ]);
    assert!(
        out.starts_with(&format!(
            "==> {} <==\nArmy retakes town\n\nThe army said the terrorists withdrew.\n",
            json.display()
        )),
        "{out}"
    );
    // compare takes one article per input; records that are not articles name their line.
    assert_eq!(
        refusal(&["compare", j, sample(A).to_str().unwrap()], j),
        "holds 2 articles; compare takes one article per input (use score, or corpus)"
    );
    let bad = write_temp(
        &dir,
        "bad.jsonl",
        b"{\"text\": \"ok\"}\n{\"title\": \"no text\"}\n",
    );
    let b = bad.to_str().unwrap();
    assert_eq!(refusal(&["score", b], &format!("{b}:2")), "no 'text' field");
}

/// A local HTTP server on 127.0.0.1 for the URL tests: serves at most `max` connections, each
/// on its own thread, and is never reached from outside the machine. Returns its base URL.
fn serve(max: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let page = std::fs::read(html_fixture("article.html")).unwrap();
    let sample_b = std::fs::read(sample(B)).unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let (page, sample_b) = (page.clone(), sample_b.clone());
            std::thread::spawn(move || {
                let mut path = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap_or(0) > 0 {
                    if path.is_empty() {
                        path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                    }
                    if line == "\r\n" {
                        break;
                    }
                    line.clear();
                }
                let respond = |stream: &mut std::net::TcpStream,
                               status: &str,
                               headers: &str,
                               body: &[u8]| {
                    let head = format!(
                        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body);
                };
                match path.as_str() {
                    "/world/rebels-enter-aleppo.html" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: text/html; charset=utf-8\r\n",
                        &page,
                    ),
                    "/wire/putin-erdogan" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: text/plain; charset=utf-8\r\n",
                        &sample_b,
                    ),
                    "/ar/sharaa" => {
                        let html = "<html><head><title>الشرع في دمشق</title></head><body><article>\
                            <p>Ahmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.</p>\
                            </article></body></html>";
                        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(html);
                        respond(
                            &mut stream,
                            "200 OK",
                            "Content-Type: text/html; charset=windows-1256\r\n",
                            &bytes,
                        )
                    }
                    "/loop" => respond(&mut stream, "302 Found", "Location: /loop\r\n", b""),
                    "/report.pdf" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: application/pdf\r\n",
                        b"%PDF-1.7",
                    ),
                    "/huge" => {
                        let size = 21usize << 20;
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n<p>"
                        );
                        let _ = stream.write_all(head.as_bytes());
                        let chunk = vec![b'a'; 1 << 16];
                        for _ in 0..(size >> 16) {
                            if stream.write_all(&chunk).is_err() {
                                break;
                            }
                        }
                    }
                    "/slow" => {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        respond(
                            &mut stream,
                            "200 OK",
                            "Content-Type: text/plain\r\n",
                            b"Late\nrebels",
                        );
                    }
                    _ => respond(
                        &mut stream,
                        "404 Not Found",
                        "Content-Type: text/plain\r\n",
                        b"no",
                    ),
                }
            });
        }
    });
    base
}

#[test]
fn urls_are_fetched_extracted_and_named_readably() {
    let base = serve(16);
    let a = format!("{base}/world/rebels-enter-aleppo.html");
    let b = format!("{base}/wire/putin-erdogan");
    // The text of a fetched page is the text of the saved page.
    let (text, hits) = shown_text_and_hits(&["score", &a]);
    assert_eq!(
        text,
        stdout_of(&[
            "score",
            html_fixture("article.html").to_str().unwrap(),
            "--show-text"
        ])
    );
    assert_eq!(hits.len(), 8);
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["compare", &a, &b, "--format", "json"])).unwrap();
    assert_eq!(v["a"]["name"], "127.0.0.1/rebels-enter-aleppo", "{v}");
    assert_eq!(v["b"]["name"], "127.0.0.1/putin-erdogan");
    // The charset of the Content-Type decodes the page.
    let text = stdout_of(&["score", &format!("{base}/ar/sharaa"), "--show-text"]);
    assert_eq!(
        text,
        "الشرع في دمشق\n\nAhmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.\n"
    );
}

#[test]
fn url_failures_each_name_the_url_and_the_reason() {
    let base = serve(32);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/gone", l.local_addr().unwrap())
    };
    let cases = [
        (
            format!("{base}/missing"),
            "the server answered HTTP 404 (Not Found)",
        ),
        (format!("{base}/loop"), "more than 5 redirects"),
        (
            format!("{base}/report.pdf"),
            "not an article page: Content-Type application/pdf (expected text/html or text/plain)",
        ),
        (
            format!("{base}/huge"),
            "over the limit of 16777216 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)",
        ),
        (closed, "cannot connect: connection refused"),
    ];
    for (url, reason) in cases {
        assert_eq!(refusal(&["score", &url], &url), reason);
    }
    // Past --max-article-bytes, the fetch's own limit.
    let huge = format!("{base}/huge");
    assert_eq!(
        refusal(&["score", &huge, "--max-article-bytes", "30000000"], &huge),
        "the response is larger than the limit of 20 MiB"
    );
    let slow = format!("{base}/slow");
    let started = std::time::Instant::now();
    assert_eq!(
        refusal(&["score", &slow, "--timeout", "1"], &slow),
        "timed out after 1 s"
    );
    assert!(started.elapsed() < std::time::Duration::from_millis(2900));
}

#[test]
fn corpus_reads_pages_markdown_and_legacy_files_as_score_does() {
    let dir = tempfile::tempdir().unwrap();
    let outlet = dir.path().join("pages").join("ledger");
    std::fs::create_dir_all(&outlet).unwrap();
    std::fs::copy(html_fixture("article.html"), outlet.join("aleppo.html")).unwrap();
    let arabic = "Headline\nThe rebels of أحمد الشرع advanced, the regime said.\n";
    let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    std::fs::write(outlet.join("arabic.txt"), &w1256).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(arabic.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(outlet.join("utf16.txt"), &utf16).unwrap();
    std::fs::write(
        outlet.join("notes.md"),
        "# Notes\n\nThe [militants](https://example.com/terrorists) left.\n",
    )
    .unwrap();
    std::fs::write(outlet.join("junk.txt"), b"GIF\x00\x01").unwrap();
    let hits = dir.path().join("hits.jsonl");
    let out = framelens()
        .args(["corpus", "-q", "--encoding", "windows-1256", "--hits"])
        .arg(&hits)
        .arg(dir.path().join("pages"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "framelens: {}: skipped: looks like a binary file (NUL byte at byte 3)\n",
            outlet.join("junk.txt").display()
        )
    );
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&hits)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |doc: &str| -> Vec<String> {
        let mut v: Vec<String> = rows
            .iter()
            .filter(|r| r["doc_id"] == doc)
            .map(|r| r["text"].as_str().unwrap().to_owned())
            .collect();
        v.dedup();
        v
    };
    // The page gives the hits `score` finds on it; the legacy and UTF-16 files those of UTF-8.
    let page = shown_text_and_hits(&["score", html_fixture("article.html").to_str().unwrap()]).1;
    assert_eq!(of("ledger/aleppo.html"), hit_texts(&page));
    assert_eq!(of("ledger/arabic.txt"), ["rebels", "regime"]);
    assert_eq!(of("ledger/utf16.txt"), ["rebels", "regime"]);
    assert_eq!(of("ledger/notes.md"), ["militants"]);
    // A spreadsheet's CSV export in windows-1252, decoded field by field.
    let csv = "id,source,title,text\nc1,Wire,“Rebels” advance,The regime’s army — café owners said — fled.\n";
    let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode(csv);
    let f = write_temp(&dir, "export.csv", &w1252);
    std::fs::remove_file(&hits).unwrap();
    framelens()
        .args(["corpus", "-q", "--encoding", "windows-1252", "--hits"])
        .arg(&hits)
        .arg(&f)
        .assert()
        .success();
    let rows = std::fs::read_to_string(&hits).unwrap();
    let texts: Vec<String> = rows
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].to_string())
        .collect();
    assert_eq!(texts, ["\"Rebels\"", "\"regime\""], "{rows}");
    assert!(
        rows.contains("The regime’s army — café owners said — fled."),
        "{rows}"
    );
    // Without --encoding the same file's records are skipped as not UTF-8.
    let out = framelens().args(["corpus", "-q"]).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "framelens: {}:2: skipped: not valid UTF-8 in column 3 at byte 0\n",
            f.display()
        )
    );
}

#[test]
fn show_text_is_exact_when_piped_and_escaped_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Headline\nThe \u{1b}[31mrebels\u{1b}[0m advanced.\n";
    let f = write_temp(&dir, "esc.txt", body.as_bytes());
    assert_eq!(
        stdout_of(&["score", f.to_str().unwrap(), "--show-text"]),
        body
    );
    // The escaped form on a terminal is pinned by a unit test of the binary (`cli::run`): a
    // test run's standard output is never a terminal.
}

#[test]
fn a_legacy_encoded_page_with_furniture_inside_its_container() {
    // Saved from a site that declares windows-1256 in a <meta http-equiv>, with a cookie banner,
    // a "Read more" link and a newsletter box inside the article's container, tags, share
    // buttons, Disqus comments and a "most read" sidebar.
    let page = html_fixture("damascus-windows-1256.html");
    let (text, hits) = shown_text_and_hits(&["score", page.to_str().unwrap()]);
    assert!(
        text.starts_with(
            "Sharaa meets Arab envoys in Damascus\n\nSyria’s new de facto leader, Ahmed al-Sharaa \
             (أحمد الشرع), received Arab envoys"
        ),
        "{text}"
    );
    assert_kept_and_gone(
        &text,
        &[
            "\n\n“The Syrian people have suffered under the regime for fifty years,” Sharaa said. “We \
         will not allow the country to become a base for militias.”\n\n",
            "\n\nthe return of refugees from Lebanon, Jordan and Turkey;\n\n",
            "the 1974 disengagement agreement.\n",
        ],
        &[
            "cookies",
            "Sign in",
            "Podcasts",
            "Read more",
            "who are its terrorists",
            "newsletter",
            "Tags:",
            "WhatsApp",
            "12 comments",
            "terrorists in suits",
            "Liberation at last",
            "Most read",
            "Hama airport",
            "__CONFIG__",
            "junta",
        ],
    );
    assert_eq!(
        hit_texts(&hits),
        [
            "rebel offensive",
            "monopoly on weapons",
            "regime",
            "militias",
            "foreign fighters"
        ]
    );
    assert_eq!(
        (&hits[2]["voice"], &hits[2]["speaker"]),
        (&"quote".into(), &"Sharaa".into())
    );
}

/// A 100 MB article on one line is refused before it is read (file or standard input); the
/// limit is a flag.
#[test]
fn a_100_mb_article_on_one_line_is_refused_by_size() {
    let dir = tempfile::tempdir().unwrap();
    let line = "HTS terrorists advanced on Aleppo — “rebels”, said Erdoğan. ".repeat(1_600_000);
    assert!(line.len() > 100_000_000 && !line.contains('\n'));
    let big = write_temp(&dir, "big.txt", line.as_bytes());
    let err = capped_stderr(GIB, &["score", big.to_str().unwrap()], 3);
    assert_eq!(
        err,
        format!(
            "framelens: {}: {} bytes, over the limit of 16777216 bytes for one article \
             (--max-article-bytes; `framelens corpus` reads collections)\n",
            big.display(),
            line.len()
        )
    );
    capped(GIB)
        .args(["compare", "-", sample(A).to_str().unwrap()])
        .write_stdin(line.as_bytes())
        .assert()
        .code(3)
        .stderr(
            "framelens: <stdin>: over the limit of 16777216 bytes for one article \
             (--max-article-bytes; `framelens corpus` reads collections)\n",
        );
    // Raised, the same limit lets a smaller one-line article through.
    let text = "HTS terrorists advanced on Aleppo — “rebels”, said Erdoğan. ".repeat(30);
    let small = write_temp(&dir, "small.txt", text.as_bytes());
    let small = small.to_str().unwrap();
    let len = text.len().to_string();
    for (limit, code) in [("1000", 3), (len.as_str(), 0)] {
        framelens()
            .args(["score", small, "--max-article-bytes", limit])
            .assert()
            .code(code);
    }
}

#[test]
fn newswcl_eval_prints_linking_and_coreference_figures() {
    let file = root().join("../shared/data/newswcl50-dev/newswcl50-even-events.conll");
    if !file.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            file.display()
        );
        eprintln!(
            "skipped: {} is absent (NewsWCL50 is not shipped with framelens)",
            file.display()
        );
        return;
    }
    let path = file.to_str().unwrap();
    let out = framelens()
        .args(["eval", "--newswcl", path])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for want in [
        "articles 25, events 5",
        "actor linking on non-name party mentions:",
        "baseline: most named party",
        "baseline: nearest name (±10)",
        "baseline: most recent name",
        "coreference of party mentions, within documents:",
        "coreference of party mentions, across each event:",
        "same head lemma",
        "linking errors: no hit found",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
    // JSON has every figure; the same-story run reads the same mentions.
    let out = framelens()
        .args([
            "eval",
            "--newswcl",
            path,
            "--same-story",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 25);
    assert!(v["mode"].as_str().unwrap().contains("one story"));
    let n = v["linking"]["framelens"]["n"].as_u64().unwrap();
    assert_eq!(v["non_name_mentions"].as_u64(), Some(n));
    assert!((600..=900).contains(&n), "{n} non-name party mentions");
    // The targets of the actor-resolution issue, on the story: linking at least 0.60, and
    // cross-document CoNLL F1 at least 10 points above the same-head-lemma baseline.
    let linking = v["linking"]["framelens"]["accuracy"].as_f64().unwrap();
    assert!(linking >= 0.60, "linking {linking}");
    let across = &v["coref_across_event"];
    let (ours, head) = (
        across["framelens"]["conll_f1"].as_f64().unwrap(),
        across["same_head_lemma"]["conll_f1"].as_f64().unwrap(),
    );
    assert!(ours >= head + 0.10, "CoNLL F1 {ours} against {head}");
    for k in ["coref_within_documents", "coref_across_event"] {
        for m in ["framelens", "same_head_lemma", "nearest_name"] {
            let f = v[k][m]["conll_f1"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&f), "{k} {m} {f}");
        }
    }
    // A malformed file fails with its line.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conll");
    std::fs::write(
        &bad,
        "#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tA\n",
    )
    .unwrap();
    framelens()
        .args(["eval", "--newswcl", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("bad.conll:2:"));
}

// ---------------------------------------------------------------- one story, unnamed and unlisted parties

/// The actor section of `framelens compare A B` for two fixture files, white space collapsed.
fn compare_actors(a: &str, b: &str) -> String {
    let dir = root().join("tests/fixtures");
    let (a, b) = (dir.join(a), dir.join(b));
    let out = snapshot_output(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    let from = out.find("Actors (stance").expect("an actor table");
    let to = out.find("How each source").unwrap_or(out.len());
    // Lines are wrapped to the terminal: compare words, not lines.
    out[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn compare_ties_an_unnamed_party_to_the_name_the_other_article_gives() {
    let t = compare_actors("story/state-media.txt", "story/wire-names-group.txt");
    assert!(t.contains("Hayat Tahrir al-Sham: A -2.00 / B"), "{t}");
    assert!(
        t.contains("[A never names it: tied through B, where the same role is named]"),
        "{t}"
    );
    assert!(t.contains("swap: A 'terrorists' (-2) where B has"), "{t}");
}

#[test]
fn compare_keeps_a_party_neither_article_names_as_one_unnamed_party() {
    let t = compare_actors("story/state-media.txt", "story/wire-names-nobody.txt");
    assert!(
        t.contains("unnamed party 1 ('Terrorists'): A -2.00 / B"),
        "{t}"
    );
    assert!(
        t.contains("(never named: known only by the terms that describe it)"),
        "{t}"
    );
    assert!(t.contains("B: Rebels"), "{t}");
}

#[test]
fn compare_shows_a_party_no_lexicon_lists() {
    let t = compare_actors("unlisted/karst.txt", "unlisted/karst-b.txt");
    assert!(
        t.contains("Karst Liberation Front (not in the lexicon): A +0.00 / B -0.67"),
        "{t}"
    );
    assert!(t.contains("see `framelens lexicon"), "{t}");
    // "who call themselves freedom fighters": "freedom fighters" is the group's words, not B's.
    // The verb "call themselves" is B's own choice of word (author voice, stance 0), tied to the
    // group that does the calling; with B's two "separatists" (-1 each) the mean is -0.67.
    assert!(t.contains("freedom fighters (reported 1)"), "{t}");
    assert!(t.contains("call themselves (author 1)"), "{t}");
}

#[test]
fn score_same_story_aligns_and_plain_score_does_not() {
    let dir = root().join("tests/fixtures/story");
    let (a, b) = (
        dir.join("state-media.txt"),
        dir.join("wire-names-group.txt"),
    );
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&snapshot_output(args)).unwrap()
    };
    let story = json(&["score", "--same-story", a, b, "--format", "json"]);
    let alone = json(&["score", a, b, "--format", "json"]);
    let first_actor = |v: &serde_json::Value| v["articles"][0]["hits"][0]["actors"][0].clone();
    assert_eq!(first_actor(&story), "hts");
    assert_eq!(first_actor(&alone), "unnamed-1");
    let party = &story["articles"][0]["parties"][0];
    assert_eq!(party["inferred_from"], "wire-names-group");
    assert_eq!(alone["articles"][0]["parties"][0]["origin"], "unnamed");
}

/// The members of a counted plural are distinct sides; a name made plural counts only the
/// parties it names; "our" in someone's words counts the speaker's side.
#[test]
fn counted_plurals_count_distinct_sides() {
    let yaml = "categories: [test/desc]
actors:
  - {id: kim, name: Kim Jong Un, type: organization, people: [{name: Kim Jong Un}], part_of: prk}
  - {id: prk, name: North Korea, type: state}
  - {id: kor, name: South Korea, type: state}
  - {id: usa, name: United States, type: state}
  - {id: fra, name: France, type: state}
labels:
  - {id: koreas, forms: [the two Koreas], category: test/desc, stance: 0, kind: label}
  - {id: sides, forms: [both sides], category: test/desc, stance: 0, kind: label}
  - {id: ours, forms: [our two countries], category: test/desc, stance: 0, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("sides.yaml", yaml)
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    // (text, term, actors)
    let rows: &[(&str, &str, &[&str])] = &[
        // Kim and North Korea are one side; the state stands for it, as "sides" names no people.
        (
            "Headline\nKim Jong Un spoke. Kim Jong Un said North Korea would talk. South Korea \
             agreed, and both sides met.",
            "both sides",
            &["prk", "kor"],
        ),
        // "The two Koreas" are the parties named Korea, however salient the United States is.
        (
            "Headline\nThe United States spoke. The United States warned North Korea. The United \
             States met South Korea. The two Koreas agreed.",
            "the two Koreas",
            &["prk", "kor"],
        ),
        // "Our two countries" in France's words: France is one of them, though less in focus.
        (
            "Headline\nThe United States met North Korea. The United States and North Korea \
             talked. France said: \"our two countries are friends.\"",
            "our two countries",
            &["usa", "fra"],
        ),
    ];
    for &(text, term, want) in rows {
        let a = an.analyze("t", text);
        let h = hit(&a, term, 0);
        let mut got: Vec<&str> = h.actors.iter().map(String::as_str).collect();
        let mut want = want.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{text}\n{}", h.link_detail);
    }
}

/// A person listed as an actor of their own is on the side of the state they are part of: a
/// delegitimising term in the person's words describes neither, by proximity or by focus; in the
/// state's own words it does not describe the person.
#[test]
fn own_statement_covers_the_speakers_side() {
    let yaml = "categories: [test/neg]
actors:
  - {id: kim, name: Kim Jong Un, type: organization, people: [{name: Kim Jong Un}], part_of: prk}
  - {id: prk, name: North Korea, type: state}
  - {id: usa, name: United States, type: state}
labels:
  - {id: regime, forms: [hostile regime], category: test/neg, stance: -1, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("side.yaml", yaml)
        .build()
        .unwrap();
    let an = Analyzer::new(lex).unwrap();
    // (text, the party the term describes)
    let rows: &[(&str, &str)] = &[
        // North Korea is nearest, but it is the speaker's side.
        (
            "Headline\nThe United States sent ships. Kim Jong Un said North Korea faced a \
             hostile regime.",
            "usa",
        ),
        // North Korea is the most salient party, and again the speaker's side.
        (
            "Headline\nNorth Korea tested a missile. North Korea held a parade. The United \
             States sent ships. Kim Jong Un said talks with a hostile regime were over.",
            "usa",
        ),
        // In the state's words, its leader is on its side too.
        (
            "Headline\nThe United States sent ships. North Korea said that Kim Jong Un faced a \
             hostile regime.",
            "usa",
        ),
    ];
    for &(text, want) in rows {
        let a = an.analyze("t", text);
        let h = hit(&a, "hostile regime", 0);
        assert_eq!(h.actors, [want], "{text}\n{}", h.link_detail);
    }
}

/// A lexicon with people listed as their own actors, as the NewsWCL oracle builds it, and
/// labels with no targets: what a description's head word and words say decide its party.
fn head_noun_analyzer() -> Analyzer {
    let yaml = "categories: [test/desc]
actors:
  - {id: trump, name: Donald Trump, type: organization, people: [{name: Donald Trump}], part_of: usa}
  - {id: mueller, name: Robert Mueller, type: organization, people: [{name: Robert Mueller}]}
  - {id: usa, name: United States, type: state, aliases: [U.S.]}
  - {id: caravan, name: Migrant caravan, type: population}
  - {id: mex, name: Mexico, type: state}
  - {id: psf, name: People Without Borders, type: organization}
labels:
  - {id: president, forms: [the president], category: test/desc, stance: 0, kind: label}
  - {id: a-president, forms: [a president], category: test/desc, stance: 0, kind: label}
  - {id: former, forms: [the former president], category: test/desc, stance: 0, kind: label}
  - {id: counsel, forms: [the special counsel], category: test/desc, stance: 0, kind: label}
  - {id: migrants, forms: [the migrants], category: test/desc, stance: 0, kind: label}
  - {id: admin, forms: [the administration], category: test/desc, stance: 0, kind: label}
  - {id: the-caravan, forms: [the caravan], category: test/desc, stance: 0, kind: label}
  - {id: t-admin, forms: [the Trump administration], category: test/desc, stance: 0, kind: label}
  - {id: two, forms: [the two countries], category: test/desc, stance: 0, kind: label}
  - {id: caravans, forms: [caravans], category: test/desc, stance: 0, kind: label}
  - {id: two-leaders, forms: [the two leaders], category: test/desc, stance: 0, kind: label}
  - {id: groups, forms: [the groups], category: test/desc, stance: 0, kind: label}
  - {id: adviser, forms: [adviser], category: test/desc, stance: 0, kind: label}
  - {id: rivals, forms: [rivals], category: test/desc, stance: 0, kind: label}
";
    let lex = LexiconBuilder::new()
        .text("desc.yaml", yaml)
        .build()
        .unwrap();
    Analyzer::new(lex).unwrap()
}

/// (text, the term, its n-th hit, the actors, the link rule).
type DescRow = (
    &'static str,
    &'static str,
    usize,
    &'static [&'static str],
    &'static str,
);

#[test]
fn descriptions_agree_with_their_party_and_match_its_titles() {
    let rows: &[DescRow] = &[
        // A title the text writes before a name makes the description refer to that person,
        // whoever stands nearer.
        (
            "Special counsel Robert Mueller questioned aides. Trump met the special counsel on Monday.",
            "the special counsel",
            0,
            &["mueller"],
            "head_match",
        ),
        (
            "President Trump spoke. Robert Mueller was there too, and the president left.",
            "the president",
            0,
            &["trump"],
            "head_match",
        ),
        // A shortened name: "the caravan" of "Migrant caravan".
        (
            "The Migrant caravan reached the U.S. border. Trump said the caravan must stop.",
            "the caravan",
            0,
            &["caravan"],
            "head_match",
        ),
        // A bare plural is generic: no shortened name, whatever the words.
        (
            "The Migrant caravan reached the U.S. border. Caravans come every spring.",
            "Caravans",
            0,
            &["caravan"],
            "salience",
        ),
        // One word the names lack, or an indefinite article: no match. "The former president"
        // falls to the nearest party it can be; "a president" introduces someone new, so no
        // person already named is it.
        (
            "President Trump spoke. Robert Mueller said the former president lied.",
            "the former president",
            0,
            &["mueller"],
            "nearest_in_clause",
        ),
        (
            "President Trump spoke. The U.S. needs a president who listens.",
            "a president",
            0,
            &["usa"],
            "nearest_in_clause",
        ),
        // Number and class agreement: a plural is not one person, an administration is a state.
        (
            "Trump spoke at the border. Trump said the migrants would be stopped.",
            "the migrants",
            0,
            &[],
            "none",
        ),
        (
            "The United States closed the border. Trump said the administration acted.",
            "the administration",
            0,
            &["usa"],
            "salience",
        ),
        // As many parties as the phrase counts, the most salient first.
        (
            "Mexico protested. The United States replied, and the two countries agreed.",
            "the two countries",
            0,
            &["usa", "mex"],
            "salience",
        ),
        // "The two leaders" counts people: each of the two is one leader, so persons qualify
        // and states (no people listed) do not.
        (
            "Robert Mueller met Donald Trump in Mexico. The United States said the two leaders talked.",
            "the two leaders",
            0,
            &["mueller", "trump"],
            "salience",
        ),
        // Fewer parties than it counts: no single person is "the two leaders".
        (
            "Donald Trump spoke in Mexico. Later the two leaders met.",
            "the two leaders",
            0,
            &[],
            "none",
        ),
        // A description that is a shortened name of one party refers to it, and so keeps it in
        // focus: "the groups" goes to the caravan the last three sentences spoke of, not to the
        // organisation named more often but longer ago.
        (
            "The Migrant caravan left in March. People Without Borders organised it, and People \
             Without Borders spoke for it. Later the caravan reached Tijuana. Mexico let the \
             caravan camp. Then the caravan waited. Officials met the groups.",
            "the groups",
            0,
            &["caravan"],
            "salience",
        ),
        // Someone who serves a person is on that person's side, not that person.
        (
            "Mexico protested. Donald Trump's adviser replied.",
            "adviser",
            0,
            &["usa"],
            "same_phrase",
        ),
        // A relational noun's possessor is neither its referent nor on its side: "Trump's
        // rivals" are not the United States by the phrase (salience decides).
        (
            "Mexico protested. Donald Trump's rivals replied.",
            "rivals",
            0,
            &["mex"],
            "salience",
        ),
        // A person's government is the party the lexicon says the person is part of.
        (
            "Mexico protested, and the Trump administration acted.",
            "the Trump administration",
            0,
            &["usa"],
            "same_phrase",
        ),
    ];
    let an = head_noun_analyzer();
    let mut failures = Vec::new();
    for &(text, term, nth, actors, rule) in rows {
        let a = an.analyze("t", &format!("Headline\n{text}"));
        let Some(h) = a.hits.iter().filter(|h| h.text == term).nth(nth) else {
            failures.push(format!("{text:?}: no hit {term:?}"));
            continue;
        };
        if h.actors != actors || h.link.as_str() != rule {
            failures.push(format!(
                "{text:?}: {term:?} got {:?} by {} ({}), want {actors:?} by {rule}",
                h.actors,
                h.link.as_str(),
                h.link_detail
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explain_records_why_a_description_refused_a_party() {
    let an = head_noun_analyzer();
    let a = an.analyze(
        "t",
        "Headline\nTrump spoke. The United States closed the border. Trump said the administration acted.",
    );
    let h = a
        .hits
        .iter()
        .find(|h| h.text == "the administration")
        .unwrap();
    assert_eq!(h.link.as_str(), "salience");
    let trump = h
        .link_candidates
        .iter()
        .find(|c| c.actor == "trump")
        .expect("trump weighed");
    assert_eq!(trump.excluded, Some("the head word names no person"));
}

#[test]
fn a_shortened_name_reads_through_the_story() {
    let an = head_noun_analyzer();
    let a = "Headline\nThe Migrant caravan reached Tijuana on Sunday.";
    let b = "Headline\nThe United States closed the border. Trump said the caravan must stop.";
    // Alone, B never writes the caravan's name: "the caravan" falls to the party in focus.
    let alone = an.analyze("b", b);
    let h = alone.hits.iter().find(|h| h.text == "the caravan").unwrap();
    assert_ne!(h.link.as_str(), "head_match", "{h:?}");
    assert!(!h.actors.contains(&"caravan".to_string()), "{h:?}");
    // As one story with A, the name A gives it decides.
    let story = an.analyze_story(&[("a", a), ("b", b)]);
    let h = story[1]
        .hits
        .iter()
        .find(|h| h.text == "the caravan")
        .unwrap();
    assert_eq!(
        (h.actors.clone(), h.link.as_str()),
        (vec!["caravan".to_string()], "head_match"),
        "{}",
        h.link_detail
    );
}

#[test]
fn part_of_must_name_a_known_actor() {
    let yaml =
        "actors:\n  - {id: trump, name: Donald Trump, type: organization, part_of: nobody}\n";
    let err = LexiconBuilder::new()
        .text("p.yaml", yaml)
        .build()
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "error: actor `trump` is part of unknown actor `nobody`\n  --> p.yaml"
    );
}

/// The hit rows of `corpus --hits` for `input` with `extra` flags: (doc_id, text, actor, link).
fn corpus_hit_rows(input: &Path, extra: &[&str]) -> Vec<(String, String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hits.csv");
    let mut args: Vec<&str> = vec!["corpus", input.to_str().unwrap(), "--quiet"];
    args.extend(extra);
    args.extend(["--hits", out.to_str().unwrap()]);
    let run = framelens().args(&args).output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut rd = csv::Reader::from_path(&out).unwrap();
    let h = rd.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, text, actor, link) = (col("doc_id"), col("text"), col("actor"), col("link"));
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[id].to_owned(),
                r[text].to_owned(),
                r[actor].to_owned(),
                r[link].to_owned(),
            )
        })
        .collect()
}

#[test]
fn corpus_reads_consecutive_records_of_a_story_together() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |f: &str| std::fs::read_to_string(format!("tests/fixtures/story/{f}")).unwrap();
    let record = |id: &str, story: &str, text: &str| {
        serde_json::json!({"id": id, "source": id, "story": story, "text": text}).to_string()
    };
    let body = [
        record("a", "s1", &fixture("state-media.txt")),
        record("b", "s1", &fixture("wire-names-group.txt")),
        // Another story: its records are never read with s1's.
        record("c", "s2", &fixture("state-media.txt")),
    ]
    .join("\n");
    let input = write_temp(&dir, "c.jsonl", body.as_bytes());
    let terrorists = |rows: &[(String, String, String, String)], doc: &str| {
        rows.iter()
            .filter(|r| r.0 == doc && r.1.eq_ignore_ascii_case("terrorists"))
            .map(|r| (r.2.clone(), r.3.clone()))
            .collect::<Vec<_>>()
    };
    // Alone, the state-media article never names the group: an unnamed party.
    let alone = corpus_hit_rows(&input, &[]);
    let a = terrorists(&alone, "a");
    assert!(
        !a.is_empty() && a.iter().all(|(actor, _)| actor == "unnamed-1"),
        "{a:?}"
    );
    // With --story-field, the wire story of the same story names it.
    let grouped = corpus_hit_rows(&input, &["--story-field", "story"]);
    let a = terrorists(&grouped, "a");
    assert!(
        !a.is_empty()
            && a.iter()
                .all(|(actor, link)| actor == "hts" && link == "story"),
        "{a:?}"
    );
    let c = terrorists(&grouped, "c");
    assert!(
        !c.is_empty() && c.iter().all(|(actor, _)| actor == "unnamed-1"),
        "{c:?}"
    );
}

#[test]
fn corpus_summary_counts_unnamed_and_unlisted_parties_as_actors() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |f: &str| std::fs::read_to_string(root().join("tests/fixtures").join(f)).unwrap();
    let records = [
        serde_json::json!({"id": "s1", "source": "sana", "text": fixture("story/state-media.txt")}),
        serde_json::json!({"id": "k1", "source": "wire", "text": fixture("unlisted/karst.txt")}),
    ];
    let input = write_temp(&dir, "c.jsonl", jsonl(&records).as_bytes());
    let summary = dir.path().join("s.json");
    framelens()
        .args(["corpus", "--quiet", input.to_str().unwrap(), "--summary"])
        .arg(&summary)
        .assert()
        .success();
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let actors = |source: &str| s["sources"][source]["undated"]["actors"].clone();
    // State media never name the attackers: their terms count for an unnamed party, not "none".
    let sana = actors("sana");
    // The headline in the outlet's voice, two sentences in the army's.
    let terrorist = &sana["(unnamed)"]["terms"]["terrorist"];
    assert_eq!(
        terrorist,
        &serde_json::json!({"author": 1, "reported": 2}),
        "{sana}"
    );
    assert!(sana.get("(none)").is_none(), "{sana}");
    // The KLF is in no lexicon: its own row, named and marked.
    let wire = actors("wire");
    let klf = &wire["karst-liberation-front"];
    assert!(klf["mentions"].as_u64().unwrap() >= 3, "{wire}");
    assert!(
        klf["terms"].as_object().is_some_and(|t| !t.is_empty()),
        "{wire}"
    );
    assert_eq!(
        s["actor_names"]["karst-liberation-front"],
        "Karst Liberation Front (not in the lexicon)"
    );
    assert_eq!(s["unlisted"], serde_json::json!(["karst-liberation-front"]));
}

// ---------------------------------------------------------------- lexicon layers

/// The hits of `text` as (text, term, stance), with `args` added to `score`; and standard error.
fn hits_with(
    dir: &tempfile::TempDir,
    text: &str,
    args: &[&str],
) -> (Vec<(String, String, i64)>, String) {
    let article = write_temp(dir, "article.txt", text.as_bytes());
    let out = framelens()
        .arg("score")
        .arg(&article)
        .args(["--format", "json"])
        .args(args)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["articles"][0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["text"].as_str().unwrap().to_owned(),
                h["term"].as_str().unwrap().to_owned(),
                h["stance"].as_i64().unwrap(),
            )
        })
        .collect();
    (hits, String::from_utf8(out.stderr).unwrap())
}

/// A dictionary imported from LIWC gets ids of its own (`mini-terrorist`), so it replaces no
/// bundled entry; where its globs take the words of bundled forms, the run says so for each,
/// with the stance it changes, and `lexicon check` counts each as a problem. With `--prefix ''`
/// its ids are the bare words and replace the bundled entries, with a warning for each. Before,
/// "terrorists" silently became stance 0, and `check` reported 0 problems.
#[test]
fn an_imported_dictionary_that_replaces_bundled_entries_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_temp(
        &dir,
        "mini.dic",
        b"%\n1\tterror\n2\trebel\n%\nterrorist*\t1\nrebel*\t2\n",
    );
    let import = |prefix: &[&str]| {
        framelens()
            .args([
                "lexicon",
                "import",
                "mini.dic",
                "--from",
                "liwc",
                "-o",
                "mini.yaml",
            ])
            .args(prefix)
            .current_dir(dir.path())
            .assert()
            .success();
    };
    import(&[]);
    let (hits, err) = hits_with(
        &dir,
        "The terrorists attacked.",
        &["--lexicon", "mini.yaml"],
    );
    assert_eq!(
        hits,
        vec![("terrorists".into(), "mini-terrorist".into(), 0)]
    );
    let (t, r, b) = (
        bundled_line("terrorist") + 1,
        bundled_line("rebel") + 1,
        bundled_line("rebellion") + 1,
    );
    let (ts, ft, fr) = (
        bundled_line("ip-terroristan") + 1,
        bundled_line_in("conflict-labels-fr.yaml", "fr-terroriste") + 1,
        bundled_line_in("conflict-labels-fr.yaml", "fr-rebelle") + 1,
    );
    let tail = "; the later entry is matched on these words; write `overrides: true` in the entry if that is meant\n";
    assert_eq!(
        err,
        format!(
            "framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `terrorist` of `terrorist` (bundled:conflict-labels.yaml:{t}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `Terroristan` of `ip-terroristan` (bundled:conflict-labels.yaml:{ts}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:14:13: form `terrorist*` of `mini-terrorist` matches words of the form `terroriste` of `fr-terroriste` (bundled:conflict-labels-fr.yaml:{ft}) (stance -2 -> 0){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebel` of `rebel` (bundled:conflict-labels.yaml:{r}){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebelle` of `fr-rebelle` (bundled:conflict-labels-fr.yaml:{fr}) (stance -1 -> 0){tail}\
             framelens: warning: mini.yaml:20:13: form `rebel*` of `mini-rebel` matches words of the form `rebellion` of `rebellion` (bundled:conflict-labels.yaml:{b}){tail}"
        )
    );
    framelens()
        .args(["lexicon", "check", "mini.yaml"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stdout(predicates::str::ends_with("1 file checked, 6 problems\n"));
    import(&["--prefix", ""]);
    let (hits, err) = hits_with(
        &dir,
        "The terrorists attacked.",
        &["--lexicon", "mini.yaml"],
    );
    assert_eq!(hits, vec![("terrorists".into(), "terrorist".into(), 0)]);
    let (t, r) = (t - 1, r - 1);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            format!(
                "framelens: warning: mini.yaml:13:9: label `terrorist` replaces the label `terrorist` of bundled:conflict-labels.yaml:{t} (stance -2 -> 0); write `overrides: true` in the entry if that is meant"
            ),
            format!(
                "framelens: warning: mini.yaml:14:13: form `terrorist*` of `terrorist` matches words of the form `Terroristan` of `ip-terroristan` (bundled:conflict-labels.yaml:{ts}) (stance -2 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:14:13: form `terrorist*` of `terrorist` matches words of the form `terroriste` of `fr-terroriste` (bundled:conflict-labels-fr.yaml:{ft}) (stance -2 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:19:9: label `rebel` replaces the label `rebel` of bundled:conflict-labels.yaml:{r}; write `overrides: true` in the entry if that is meant"
            ),
            format!(
                "framelens: warning: mini.yaml:20:13: form `rebel*` of `rebel` matches words of the form `rebelle` of `fr-rebelle` (bundled:conflict-labels-fr.yaml:{fr}) (stance -1 -> 0){}",
                tail.trim_end()
            ),
            format!(
                "framelens: warning: mini.yaml:20:13: form `rebel*` of `rebel` matches words of the form `rebellion` of `rebellion` (bundled:conflict-labels.yaml:{b}){}",
                tail.trim_end()
            ),
        ]
    );
}

/// The line of the bundled label `id`.
fn bundled_line(id: &str) -> usize {
    bundled_line_in("conflict-labels.yaml", id)
}

/// The line of entry `id`'s first form in the bundled lexicon `file`.
fn bundled_line_in(file: &str, id: &str) -> usize {
    let text = std::fs::read_to_string(root().join("lexicons").join(file)).unwrap();
    1 + text
        .lines()
        .position(|l| l.trim() == format!("- id: {id}"))
        .expect("bundled id")
}

/// The starter lexicon of `lexicon init` replaces no bundled entry: beside it, every bundled
/// term is found as without it, and its own terms are found too, with nothing on standard
/// error. Before, its `terrorist` entry replaced the bundled one: "terroristic" was no longer
/// found.
#[test]
fn the_starter_lexicon_leaves_the_bundled_terms_alone() {
    let dir = tempfile::tempdir().unwrap();
    framelens()
        .args(["lexicon", "init", "mine.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
    let text = "The terroristic attack. Anti-terrorist police and the rebels came.";
    let (bundled, _) = hits_with(&dir, text, &[]);
    assert!(bundled.iter().any(|h| h.0 == "terroristic"), "{bundled:?}");
    let (with, err) = hits_with(&dir, text, &["--lexicon", "mine.yaml"]);
    assert_eq!((with, err.as_str()), (bundled, ""));
    let (own, _) = hits_with(&dir, "The freebooters fled.", &["--lexicon", "mine.yaml"]);
    assert_eq!(own, vec![("freebooters".into(), "freebooters".into(), -2)]);
}

/// A user entry with a form of a bundled entry is the one matched on those words (the later
/// layer wins), with a warning naming both; `overrides: true` says it is meant and silences
/// the warning. Before, the bundled entry always won and the user's entry never matched.
#[test]
fn a_later_lexicon_wins_on_a_bundled_form() {
    let dir = tempfile::tempdir().unwrap();
    let entry = "categories: [mine/test]\nlabels:\n  - id: my-insurgents\n    forms: [rebels]\n    category: mine/test\n    stance: -1\n    kind: label\n";
    write_temp(&dir, "form.yaml", entry.as_bytes());
    let (hits, err) = hits_with(&dir, "The rebels came.", &["--lexicon", "form.yaml"]);
    assert_eq!(hits, vec![("rebels".into(), "my-insurgents".into(), -1)]);
    let line = bundled_line("rebel") + 1;
    assert_eq!(
        err,
        format!(
            "framelens: warning: form.yaml:4:13: form `rebels` of `my-insurgents` is also a form of `rebel` (bundled:conflict-labels.yaml:{line}) (stance 0 -> -1); the later entry is matched on these words; write `overrides: true` in the entry if that is meant\n"
        )
    );
    write_temp(
        &dir,
        "form.yaml",
        format!("{entry}    overrides: true\n").as_bytes(),
    );
    let (hits, err) = hits_with(&dir, "The rebels came.", &["--lexicon", "form.yaml"]);
    assert_eq!(
        (hits, err.as_str()),
        (vec![("rebels".into(), "my-insurgents".into(), -1)], "")
    );
    framelens()
        .args(["lexicon", "check", "form.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
}

/// `lexicon add` refuses a label for a file of actors (it would have to create `categories:`
/// and `labels:`, which `lexicon remove` does not take back), and a category that neither the
/// file nor the loaded lexicons declare, naming the closest one; `--new-category` declares it.
/// Both refusals exit 4 and leave the file as it was. Before, both were accepted without a word.
#[test]
fn lexicon_add_refuses_an_actors_file_and_an_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let actors = "lexicon: mine\nactors:\n  - {id: q, name: Q, type: state}\n";
    let a = write_temp(&dir, "actors.yaml", actors.as_bytes());
    let add = |file: &str, category: &str, extra: &[&str]| {
        let mut c = framelens();
        c.args([
            "lexicon", "add", file, "--id", "zz", "--form", "zzz", "--stance", "-1",
        ])
        .args(["--category", category])
        .args(extra)
        .current_dir(dir.path());
        c.output().unwrap()
    };
    let out = add("actors.yaml", "delegitimizing/terrorism", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "framelens: actors.yaml lists actors and no labels; add the label to a lexicon of labels, or write `labels: []` in actors.yaml first\n"
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), actors);
    let labels = "lexicon: mine\ncategories: [mine/x]\nlabels: []\n";
    let l = write_temp(&dir, "labels.yaml", labels.as_bytes());
    let out = add("labels.yaml", "delegitimizing/terorism", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "framelens: unknown category `delegitimizing/terorism`: neither labels.yaml nor the loaded lexicons declare it (did you mean `delegitimizing/terrorism`?); give --new-category to declare it in labels.yaml\n"
    );
    assert_eq!(std::fs::read_to_string(&l).unwrap(), labels);
    assert!(add("labels.yaml", "mine/x", &[]).status.success());
    let mut c = framelens();
    c.args([
        "lexicon",
        "add",
        "labels.yaml",
        "--id",
        "zz2",
        "--form",
        "zzz2",
        "--stance",
        "-1",
    ])
    .args(["--category", "brand/new", "--new-category"])
    .current_dir(dir.path())
    .assert()
    .success();
    let text = std::fs::read_to_string(&l).unwrap();
    assert!(text.contains("categories: [mine/x, brand/new]"), "{text}");
}

/// An article in a language that no loaded label lexicon is written for is said to be one, on
/// standard error, instead of reading as an article without loaded words; an article in a
/// language a lexicon covers, or too short to tell, gets no note.
#[test]
fn an_article_in_a_language_without_a_lexicon_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let english = "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {id: t, forms: [rebels], category: mine/test, stance: -1, kind: label, targets: [armed_group], note: n}\n";
    write_temp(&dir, "en.yaml", english.as_bytes());
    let only_english = ["--no-default-lexicons", "--lexicon", "en.yaml"];
    let spanish = "El ejército afirmó el domingo que los rebeldes habían tomado la ciudad tras dos días de combates y que los civiles huían hacia el sur.";
    let (hits, err) = hits_with(&dir, spanish, &only_english);
    assert!(hits.is_empty());
    assert_eq!(
        err,
        "framelens: article: article is Spanish (1.00); no lexicon for Spanish: 0 terms\n"
    );
    let english_text =
        "The army said on Sunday that the rebels had taken the town after two days of fighting.";
    let (hits, err) = hits_with(&dir, english_text, &only_english);
    assert_eq!((hits.len(), err.as_str()), (1, ""));
    let (_, err) = hits_with(&dir, "Rebels.", &only_english);
    assert_eq!(err, "");
    // The bundled lexicons read French.
    let french = "L'armée a affirmé dimanche que les rebelles avaient pris la ville après deux jours de combats.";
    let (hits, err) = hits_with(&dir, french, &[]);
    assert_eq!(
        (hits, err.as_str()),
        (vec![("rebelles".into(), "fr-rebelle".into(), -1)], "")
    );
}

/// French copy, end to end: accents and capitals folded, « » and „ “ quotations with the
/// speaker after an inverted French verb of saying, "a affirmé que" and "selon" as reporting
/// frames, byte offsets into the original, and a common phrase that needs a party in its
/// sentence ("violation flagrante" of the rules of a match is no label).
#[test]
fn a_french_article_is_read_end_to_end() {
    let text = "TERRORISTES NEUTRALISÉS À MOPTI\n\n« Ce sont des terroristes », a déclaré le porte-parole de l'armée malienne. Le ministre a affirmé que les groupes armés terroristes avaient attaqué le camp. Selon l'armée, les rebelles ont perdu dix hommes. „Les miliciens ont fui“, a précisé un officier. Le match a été marqué par une violation flagrante des règles.";
    let a = analyze(text);
    let rows: Vec<(&str, &str, Voice, Option<&str>)> = a
        .hits
        .iter()
        .map(|h| {
            assert_eq!(&text[h.start..h.end], h.text);
            (
                h.text.as_str(),
                h.term.as_str(),
                h.voice,
                h.speaker.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("TERRORISTES", "fr-terroriste", Voice::Author, None),
            ("NEUTRALISÉS", "neutralize", Voice::Author, None),
            (
                "terroristes",
                "fr-terroriste",
                Voice::Quote,
                Some("le porte-parole de l'armée malienne")
            ),
            (
                "groupes armés terroristes",
                "fr-groupes-armes-terroristes",
                Voice::Reported,
                Some("Le ministre")
            ),
            ("rebelles", "fr-rebelle", Voice::Reported, Some("l'armée")),
            ("miliciens", "fr-milice", Voice::Quote, Some("un officier")),
        ]
    );
    let lang = a.profile.language.expect("a language");
    assert_eq!((lang.code, lang.name), ("fra", "French"));
    assert!(!a.profile.unread_language);
}

/// `requires: party`: a common word counts only in a sentence that names a party of a type the
/// entry targets, or in the sentence right after one: a lexicon actor, a party the article names
/// that no lexicon lists, or a pronoun standing for a person of a party.
#[test]
fn a_common_word_needs_a_party_in_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {id: beasts, forms: [animals], category: mine/test, stance: -2, kind: label, targets: [armed_group, person], requires: party, note: n}\nactors:\n  - {id: kf, name: Karst Front, type: armed_group}\n  - {id: ru, name: Ruritania, type: state}\n  - {id: ug, name: Upland Guard, type: armed_group, people: [{name: Boris Malko}]}\n";
    write_temp(&dir, "l.yaml", lexicon.as_bytes());
    let args = ["--no-default-lexicons", "--lexicon", "l.yaml"];
    let table = [
        ("The zoo moved its animals to a new enclosure.", 0),
        (
            "The Karst Front fighters are animals, the governor said.",
            1,
        ),
        ("They are animals. The Karst Front denied it.", 0),
        (
            "The Karst Front shelled the village. Its fighters are animals, residents said.",
            1,
        ),
        (
            "The Karst Front shelled the village. Night fell. Its fighters are animals.",
            0,
        ),
        ("Ruritania's soldiers behaved like animals.", 0),
        (
            "The Marsh Liberation Front (MLF) said its rivals were animals.",
            1,
        ),
        (
            "Boris Malko spoke on Sunday. He called his rivals animals.",
            1,
        ),
    ];
    for (text, n) in table {
        let (hits, _) = hits_with(&dir, text, &args);
        assert_eq!(hits.len(), n, "{text}");
    }
}

/// `targets: [person]`: a term said of one individual describes the party the person leads or
/// speaks for: a person named beside it links to that person's party, a party named in its
/// phrase ("the tyrant of Karst Front") to that party, and a population never.
#[test]
fn a_term_for_a_person_describes_a_person_of_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = |targets: &str| {
        format!(
            "lexicon: mine\ncategories: [mine/test]\nlabels:\n  - {{id: tyrant, forms: [tyrant], category: mine/test, stance: -2, kind: label, targets: [{targets}], note: n}}\nactors:\n  - {{id: kf, name: Karst Front, type: armed_group}}\n  - id: ru\n    name: Ruritania\n    type: state\n    people: [{{name: Boris Malko}}]\n"
        )
    };
    let links = |targets: &str| -> Vec<(String, String)> {
        write_temp(&dir, "l.yaml", lexicon(targets).as_bytes());
        write_temp(
            &dir,
            "a.txt",
            b"Malko, the tyrant, fled the capital on Sunday. The tyrant of Karst Front fled too.",
        );
        let out = framelens()
            .args(["score", "a.txt", "--format", "json"])
            .args(["--no-default-lexicons", "--lexicon", "l.yaml"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["articles"][0]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["actors"].to_string(),
                    h["link"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pairs = |v: [(&str, &str); 2]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        links("person"),
        pairs([(r#"["ru"]"#, "apposition"), (r#"["kf"]"#, "same_phrase")])
    );
    assert_eq!(
        links("state, armed_group"),
        pairs([(r#"["ru"]"#, "apposition"), (r#"["kf"]"#, "same_phrase")])
    );
    // A term only a population can be describes neither Malko's state nor Karst Front: with no
    // population named, an unnamed one.
    assert_eq!(
        links("population"),
        pairs([
            (r#"["unnamed-1"]"#, "unnamed_party"),
            (r#"["unnamed-1"]"#, "carried_over")
        ])
    );
    // An actor cannot be a person: a person is one of a party's people.
    write_temp(
        &dir,
        "bad.yaml",
        b"actors:\n  - {id: p, name: Boris, type: person}\n",
    );
    let out = framelens()
        .args(["lexicon", "check", "bad.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "error: `person` is a label target, not an actor type: list a person under the `people` of their party\n  --> bad.yaml:2:32\n  |\n2 |   - {id: p, name: Boris, type: person}\n  |                                ^\n1 file checked, 1 problem\n"
    );
}

/// One sentence of `tests/fixtures/lexicon-families.yaml`.
#[derive(serde::Deserialize)]
struct FamilyCase {
    family: String,
    text: String,
    form: Option<String>,
    id: Option<String>,
}

/// Every family of the bundled label lexicon finds its true uses, with the entry that lists
/// them, and leaves its false ones (the ordinary sense of a listed word) alone: a table of 327
/// sentences written with the entries. Failures are listed together.
#[test]
fn every_lexicon_family_finds_its_true_uses_and_not_its_false_ones() {
    let path = root().join("tests/fixtures/lexicon-families.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cases: Vec<FamilyCase> = serde_saphyr::from_str(&text).unwrap();
    assert!(cases.len() >= 300);
    let an = analyzer();
    let mut wrong = Vec::new();
    for c in &cases {
        let a = an.analyze("case", &c.text);
        let ok = match (&c.form, &c.id) {
            (Some(form), id) => a
                .hits
                .iter()
                .any(|h| h.text == *form && id.as_ref().is_none_or(|i| h.term == *i)),
            (None, Some(id)) => a.hits.iter().all(|h| h.term != *id),
            (None, None) => a.hits.is_empty(),
        };
        if !ok {
            let found: Vec<String> = a
                .hits
                .iter()
                .map(|h| format!("{} [{}]", h.text, h.term))
                .collect();
            wrong.push(format!(
                "{}: {:?} wants {:?} [{:?}], found {found:?}",
                c.family, c.text, c.form, c.id
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// A corpus run counts the records in a language that no loaded lexicon is written for, by
/// language, in the summary and the report's headline, and a merge adds them up. The records in
/// French, one with terms and one without, are read by the bundled French lexicon, the one in
/// English by the English one.
#[test]
fn a_corpus_counts_the_records_no_lexicon_reads() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        r#"{"id": "en", "source": "wire", "text": "The army said on Sunday that the rebels had taken the town after two days of fighting."}"#,
        r#"{"id": "es", "source": "wire", "text": "El ejército afirmó el domingo que los rebeldes habían tomado la ciudad tras dos días de combates y que los civiles huían hacia el sur."}"#,
        r#"{"id": "fr", "source": "wire", "text": "L'armée a affirmé dimanche que les rebelles avaient pris la ville après deux jours de combats."}"#,
        r#"{"id": "fr-budget", "source": "wire", "text": "Le gouvernement a présenté dimanche devant l'Assemblée nationale son projet de budget pour l'année prochaine."}"#,
    ];
    write_temp(&dir, "c.jsonl", (records.join("\n") + "\n").as_bytes());
    let out = framelens()
        .args(["corpus", "c.jsonl", "--summary", "s.json", "--quiet"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.starts_with("framelens corpus: 4 articles from 1 source; 1 in a language no loaded lexicon is written for (Spanish 1)\n"),
        "{report}"
    );
    let summary = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.path().join(name)).unwrap()).unwrap()
    };
    assert_eq!(
        summary("s.json")["unread_languages"],
        serde_json::json!({"Spanish": 1})
    );
    std::fs::copy(dir.path().join("s.json"), dir.path().join("t.json")).unwrap();
    framelens()
        .args(["merge", "s.json", "t.json", "-o", "m.json"])
        .current_dir(dir.path())
        .assert()
        .success();
    assert_eq!(
        summary("m.json")["unread_languages"],
        serde_json::json!({"Spanish": 2})
    );
}

#[test]
fn an_attribution_noun_at_the_first_byte_of_a_text_is_read() {
    // The resumptive-appositive rule looks at the tokens before a noun of saying; at token 0
    // there are none (a subtraction there overflowed in debug builds).
    let a = framelens::analysis::Analyzer::new(framelens::lexicon::Lexicon::bundled().unwrap())
        .unwrap()
        .analyze("t", "Claims of abuse grew, claims the army denies.");
    let h = hit(&a, "Claims", 0);
    assert_eq!(
        h.link,
        framelens::analysis::attribution::LinkRule::None,
        "{}",
        h.link_detail
    );
}

#[test]
fn lexicon_show_of_an_unknown_id_is_a_usage_error() {
    framelens()
        .args(["lexicon", "show", "no-such-entry"])
        .assert()
        .code(2)
        .stdout("no label or actor has the id `no-such-entry`\n");
    framelens()
        .args(["lexicon", "show", "terrorist"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("terrorist"));
}
