//! Attribution relations (`framelens attributions`, the `attributions` array of `score --format
//! json`) and the public benchmarks: PolNeAR (`eval --polnear`), the SemEval-2023 technique
//! spans (`eval --semeval-spans`) and SemEval-2025 entity framing (`eval --entity-framing`),
//! with the lexicon fixes their errors called for.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use common::{analyze, analyzer, root};
use framelens::Voice;
use framelens::analysis::RelationKind as Kind;

fn framelens() -> Command {
    Command::cargo_bin("framelens").expect("binary built")
}

/// Standard output of a successful run.
fn stdout(args: &[&str], file: &std::path::Path) -> Vec<u8> {
    framelens()
        .args(args)
        .arg(file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// (text, relations as (kind, source as written or "", cue or "", content)).
type Case = (
    &'static str,
    &'static [(Kind, &'static str, &'static str, &'static str)],
);

const RELATIONS: &[Case] = &[
    (
        "Headline\nThe minister said that the regime had fallen.",
        &[(
            Kind::Reported,
            "The minister",
            "said",
            "that the regime had fallen",
        )],
    ),
    // A quote before its frame keeps its marks; its sentences are one relation.
    (
        "Headline\n“The regime has fallen,” the minister said.",
        &[(
            Kind::Quote,
            "the minister",
            "said",
            "“The regime has fallen,”",
        )],
    ),
    (
        "Headline\n“The regime has fallen. We won,” she said.",
        &[(
            Kind::Quote,
            "she",
            "said",
            "“The regime has fallen. We won,”",
        )],
    ),
    (
        "Headline\nThe city fell, according to the ministry.",
        &[(
            Kind::Reported,
            "the ministry",
            "according to",
            "The city fell",
        )],
    ),
    (
        "Headline\nThe government calls them terrorists.",
        &[(Kind::Naming, "The government", "calls", "terrorists")],
    ),
    // An agentless charge: the words are someone's, the text does not say whose.
    (
        "Headline\nThe junta has been accused of war crimes.",
        &[(Kind::Reported, "", "accused", "of war crimes")],
    ),
    (
        "Headline\nThe “rebels” took the town.",
        &[(Kind::Scare, "", "", "“rebels”")],
    ),
    // A title in quotation marks is no one's words.
    (
        "Headline\nShe spoke on “Fox News Sunday” about the war.",
        &[],
    ),
    // "I think" inside a quote belongs to the quote.
    (
        "Headline\n“I think the regime is finished,” he said.",
        &[(
            Kind::Quote,
            "he",
            "said",
            "“I think the regime is finished,”",
        )],
    ),
    // A second predicate of the same subject reports its own words: the first verb's end at
    // the coordinator.
    (
        "Headline\nClinton has encouraged European nations to bolster defense spending but has \
         said she will hold firm to U.S. commitments.",
        &[
            (
                Kind::Reported,
                "Clinton",
                "encouraged",
                "European nations to bolster defense spending",
            ),
            (
                Kind::Reported,
                "Clinton",
                "said",
                "she will hold firm to U.S. commitments",
            ),
        ],
    ),
    // A speech tag after a quotation that ends with a comma (or a question or exclamation
    // mark): any verb in the past there is one of saying, in either order.
    (
        "Headline\n“People are afraid of wasting their votes,” he surmised.",
        &[(
            Kind::Quote,
            "he",
            "surmised",
            "“People are afraid of wasting their votes,”",
        )],
    ),
    (
        "Headline\n“Imagine the two of them on one stage,” mused Blaze co-host Stu Burguiere.",
        &[(
            Kind::Quote,
            "Blaze co-host Stu Burguiere",
            "mused",
            "“Imagine the two of them on one stage,”",
        )],
    ),
    // Not after a title, nor with a speaker that opens with a preposition.
    (
        "Headline\nHis film, “Oppenheimer,” released in July, grossed a fortune.",
        &[],
    ),
    // Not after a quotation that ends its sentence: the next sentence is narration.
    (
        "Headline\n“The war is over for all of us.” He departed.",
        &[(Kind::Quote, "", "", "“The war is over for all of us.”")],
    ),
    // A quotation interrupted by its frame is one relation: its words are both parts.
    (
        "Headline\n“The regime has fallen,” she said. “We won.”",
        &[(
            Kind::Quote,
            "she",
            "said",
            "“The regime has fallen,” … “We won.”",
        )],
    ),
    (
        "Headline\n“The regime has fallen,” said Adrian Mapp, a delegate from Ohio. “We won. \
         It is over.” “Now we rebuild.”",
        &[(
            Kind::Quote,
            "Adrian Mapp",
            "said",
            "“The regime has fallen,” … “We won. It is over.” … “Now we rebuild.”",
        )],
    ),
    // The frame in mid-sentence, between the two parts.
    (
        "Headline\n“It was more plane than I needed,” he wrote, “but I could not resist.”",
        &[(
            Kind::Quote,
            "he",
            "wrote",
            "“It was more plane than I needed,” … “but I could not resist.”",
        )],
    ),
    // Not across a paragraph, nor past other words: the later quotation is a relation of its
    // own, with no cue (and the speaker carried over only within the paragraph).
    (
        "Headline\n“The regime has fallen,” she said.\n“We won the war.”",
        &[
            (Kind::Quote, "she", "said", "“The regime has fallen,”"),
            (Kind::Quote, "", "", "“We won the war.”"),
        ],
    ),
    (
        "Headline\n“The regime has fallen,” she said. Then she left. “We won the war.”",
        &[
            (Kind::Quote, "she", "said", "“The regime has fallen,”"),
            (Kind::Quote, "she", "", "“We won the war.”"),
        ],
    ),
    // A fronted phrase before "X said" + clause is not the reported words.
    (
        "Headline\nMaking the rounds on the Sunday shows, Carson said he was facing scrutiny.",
        &[(Kind::Reported, "Carson", "said", "he was facing scrutiny")],
    ),
    (
        "Headline\nKarimi, executive director of Interfaith Paths to Peace, said she hopes for unity.",
        &[(
            Kind::Reported,
            "Karimi, executive director of Interfaith Paths to Peace",
            "said",
            "she hopes for unity",
        )],
    ),
    // The speaker after its verb, after a comma with no quotation mark.
    (
        "Headline\nThe rise may have been more surprising than expected, said several observers.",
        &[(
            Kind::Reported,
            "several observers",
            "said",
            "The rise may have been more surprising than expected",
        )],
    ),
    // ... but not after an insertion, nor with a verb in the "speaker".
    (
        "Headline\nThe army, which has fought the RSF since April, said the militia shelled the city.",
        &[(
            Kind::Reported,
            "The army, which has fought the RSF since April",
            "said",
            "the militia shelled the city",
        )],
    ),
    // A phrase set off by commas after the subject is not an inversion.
    (
        "Headline\nErdogan, speaking in Ankara, said the rebels took the town.",
        &[(
            Kind::Reported,
            "Erdogan, speaking in Ankara",
            "said",
            "the rebels took the town",
        )],
    ),
    // A question's speaker after its verb.
    (
        "Headline\n“Why now?” asked the minister.",
        &[(Kind::Quote, "the minister", "asked", "“Why now?”")],
    ),
    // Verbs of finding and belief report a view only with a clause after them.
    ("Headline\nPolice found the body near the river.", &[]),
    (
        "Headline\nA poll found that most voters back the plan.",
        &[(
            Kind::Reported,
            "A poll",
            "found",
            "that most voters back the plan",
        )],
    ),
    (
        "Headline\nHe asked whether the regime would fall.",
        &[(
            Kind::Reported,
            "He",
            "asked",
            "whether the regime would fall",
        )],
    ),
    // Every form of a verb of saying, belief or intention is read: the present of "cite",
    // participles of "announce" and "threaten", and the base of "suggest".
    (
        "Headline\nOfficials cite intelligence that the group is planning attacks.",
        &[(
            Kind::Reported,
            "Officials",
            "cite",
            "intelligence that the group is planning attacks",
        )],
    ),
    (
        "Headline\nErdogan spoke on Monday, announcing that the border would close.",
        &[(
            Kind::Reported,
            "Erdogan",
            "announcing",
            "that the border would close",
        )],
    ),
    (
        "Headline\nThe polls suggest that the race is tight.",
        &[(
            Kind::Reported,
            "The polls",
            "suggest",
            "that the race is tight",
        )],
    ),
    // Without a clause, a verb of finding or belief reports nothing.
    (
        "Headline\nInvestigators find the wreckage near the coast.",
        &[],
    ),
    // A quote inside the complement does not end it.
    (
        "Headline\nÇavuşoğlu said the “terrorists” had fled.",
        &[(
            Kind::Reported,
            "Çavuşoğlu",
            "said",
            "the “terrorists” had fled",
        )],
    ),
    // A progressive or negated verb of saying keeps its subject.
    (
        "Headline\nDonald Trump is warning voters that a Clinton victory would bring scandal back.",
        &[(
            Kind::Reported,
            "Donald Trump",
            "warning",
            // The addressee of a verb of telling is not part of the words.
            "that a Clinton victory would bring scandal back",
        )],
    ),
    (
        "Headline\nBut the attorney general isn't saying if the foundation broke any laws.",
        &[(
            Kind::Reported,
            "the attorney general",
            "saying",
            "if the foundation broke any laws",
        )],
    ),
    (
        "Headline\nLawmakers have not said when they would take up the bill.",
        &[(
            Kind::Reported,
            "Lawmakers",
            "said",
            "when they would take up the bill",
        )],
    ),
    // A name opening the sentence, with long insertions before the verb.
    (
        "Headline\nRep. Gregory W. Meeks (D-N.Y.), chairman of the caucus's political action committee, said members will help him raise cash.",
        &[(
            Kind::Reported,
            "Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus's political action committee",
            "said",
            "members will help him raise cash",
        )],
    ),
    (
        "Headline\nKall -- co-editor of a book analyzing the debates -- said the candidate tended to make announcements there.",
        &[(
            Kind::Reported,
            "Kall -- co-editor of a book analyzing the debates",
            "said",
            "the candidate tended to make announcements there",
        )],
    ),
    // A relative pronoun is the source as written.
    (
        "Headline\nTrump attacked an architect who said he was stiffed after he designed a clubhouse.",
        &[(
            Kind::Reported,
            "who",
            "said",
            "he was stiffed after he designed a clubhouse",
        )],
    ),
    // A participle with a clause takes the name the sentence opens with (and what she spoke
    // about is a topic).
    (
        "Headline\nClinton spoke out on Tuesday about the shooting, arguing that the killings were intolerable.",
        &[
            (
                Kind::Topic,
                "Clinton",
                "spoke out on Tuesday about",
                "the shooting",
            ),
            (
                Kind::Reported,
                "Clinton",
                "arguing",
                "that the killings were intolerable",
            ),
        ],
    ),
    // Two apostrophes are a double quotation mark; a quote after "he said," is its words.
    (
        "Headline\nMr. Manafort said, ''What media outlet isn't taking sides in this election?''",
        &[(
            Kind::Quote,
            "Mr. Manafort",
            "said",
            "''What media outlet isn't taking sides in this election?''",
        )],
    ),
    (
        "Headline\nAs for the network's bent, he said, “What media outlet isn't taking sides?”",
        &[(
            Kind::Quote,
            "he",
            "said",
            "“What media outlet isn't taking sides?”",
        )],
    ),
    // A frame in mid-sentence: the words on both sides, or after a fronted adverbial only.
    (
        "Headline\nThe trend, Mr. Obama said, has been clear for years.",
        &[(
            Kind::Reported,
            "Mr. Obama",
            "said",
            "The trend, Mr. Obama said, has been clear for years",
        )],
    ),
    (
        "Headline\nDuring his years in office, Mr. Obama said, the trend has been clear.",
        &[(
            Kind::Reported,
            "Mr. Obama",
            "said",
            "the trend has been clear",
        )],
    ),
    // The speaker after the verb, after a coordinated clause (not an insertion).
    (
        "Headline\nThe refusal did not go over well with Republicans, and the meeting deteriorated from there, said one source in the room.",
        &[(
            Kind::Reported,
            "one source in the room",
            "said",
            "The refusal did not go over well with Republicans, and the meeting deteriorated from there",
        )],
    ),
    // A verb of saying followed by adjuncts only reports nothing in its sentence; a title in
    // quotation marks is not someone's words.
    (
        "Headline\nRubio said on his campaign plane on Monday as he crossed Nevada.",
        &[],
    ),
    (
        "Headline\nPence said in an interview with “Fox News Sunday.”",
        &[],
    ),
    // A name and a colon opening a paragraph; a label of the page is not a name, nor a lone
    // word that is not a person ("Sudan:", below).
    (
        "Headline\nLindsey Graham: Trump’s rhetoric is destroying the party’s chance to win.",
        &[(
            Kind::Reported,
            "Lindsey Graham",
            ":",
            "Trump’s rhetoric is destroying the party’s chance to win",
        )],
    ),
    (
        "Headline\nUpdate: The story was changed to correct a date.",
        &[],
    ),
    // Verbs of wanting, refusing and asking with an infinitive; a noun is not a verb.
    (
        "Headline\nRubio wants to emerge as the chief alternative to Trump.",
        &[(
            Kind::Reported,
            "Rubio",
            "wants",
            "to emerge as the chief alternative to Trump",
        )],
    ),
    ("Headline\nHer plans to raise taxes drew criticism.", &[]),
    ("Headline\nRussia sought to capture the city.", &[]),
    (
        "Headline\nCruz refused to endorse Trump at the convention.",
        &[(
            Kind::Reported,
            "Cruz",
            "refused",
            "to endorse Trump at the convention",
        )],
    ),
    (
        "Headline\nThe senator asked Congress to approve the deal.",
        &[(
            Kind::Reported,
            "The senator",
            "asked",
            "Congress to approve the deal",
        )],
    ),
    // An appeal: the particle belongs to the cue.
    (
        "Headline\nSanders called for a boycott of the speech.",
        &[(
            Kind::Reported,
            "Sanders",
            "called for",
            "a boycott of the speech",
        )],
    ),
    // Polls and records speak through "In a poll, ..." and verbs of finding.
    (
        "Headline\nIn an NBC News poll released Monday, 50 percent of respondents chose Clinton.",
        &[(
            Kind::Reported,
            "an NBC News poll released Monday",
            "In",
            "50 percent of respondents chose Clinton",
        )],
    ),
    (
        "Headline\nExit polls conducted by Edison Research show two-thirds of voters support the proposal.",
        &[(
            Kind::Reported,
            "Exit polls conducted by Edison Research",
            "show",
            "two-thirds of voters support the proposal",
        )],
    ),
    // A question put by someone not named.
    (
        "Headline\nAsked whether he would run, Ryan said he was not interested.",
        &[
            (Kind::Reported, "", "Asked", "whether he would run"),
            (Kind::Reported, "Ryan", "said", "he was not interested"),
        ],
    ),
    // A verb of shouting with a short quote.
    (
        "Headline\nA man in the crowd yelled “Stay there!”",
        &[(Kind::Quote, "A man in the crowd", "yelled", "“Stay there!”")],
    ),
    // Questions put by someone not named, with adjuncts before the question.
    (
        "Headline\nAsked on Monday whether the regime would fall, Ryan said he was not sure.",
        &[
            (Kind::Reported, "", "Asked", "whether the regime would fall"),
            (Kind::Reported, "Ryan", "said", "he was not sure"),
        ],
    ),
    (
        "Headline\nAsked specifically about the strikes, Ryan said he was not sure.",
        &[
            (Kind::Reported, "", "Asked", "about the strikes"),
            (Kind::Reported, "Ryan", "said", "he was not sure"),
        ],
    ),
    // Not a question: an object before the comma.
    ("Headline\nAsked the congregation to stand, he left.", &[]),
    // Stances and topics: a verb of position or of topic with a noun phrase. The object runs
    // to a mark, a subordinator or a time, and ends on no preposition.
    (
        "Headline\nUnion leaders opposed the deal, but the mayor backed it.",
        &[
            (Kind::Stance, "Union leaders", "opposed", "the deal"),
            (Kind::Stance, "the mayor", "backed", "it"),
        ],
    ),
    (
        "Headline\nErdoğan welcomed the “operation” on Sunday.",
        &[
            (Kind::Stance, "Erdoğan", "welcomed", "the “operation”"),
            (Kind::Scare, "", "", "“operation”"),
        ],
    ),
    (
        "Headline\nVoters in the county voted for Clinton in 2016.",
        &[(Kind::Stance, "Voters in the county", "voted for", "Clinton")],
    ),
    (
        "Headline\nMost oppose it, and many agreed with Trump about the wall.",
        &[
            (Kind::Stance, "Most", "oppose", "it"),
            (Kind::Stance, "many", "agreed with", "Trump about the wall"),
        ],
    ),
    (
        "Headline\nSanders spoke out on Tuesday about the debt.",
        &[(
            Kind::Topic,
            "Sanders",
            "spoke out on Tuesday about",
            "the debt",
        )],
    ),
    (
        "Headline\nThe ministry spoke about the terrorists in its briefing.",
        &[(
            Kind::Topic,
            "The ministry",
            "spoke about",
            "the terrorists in its briefing",
        )],
    ),
    // The subject: a name with insertions, after a fronted adverbial, the noun a participle
    // modifies, the subject the sentence opens with for a participle after a comma.
    (
        "Headline\nCarole Bower, 75, a retiree in Carthage, supported Gov. John Kasich of Ohio.",
        &[(
            Kind::Stance,
            "Carole Bower, 75, a retiree in Carthage",
            "supported",
            "Gov. John Kasich of Ohio",
        )],
    ),
    (
        "Headline\nAs a senator, Kaine has opposed defunding Planned Parenthood.",
        &[(
            Kind::Stance,
            "Kaine",
            "opposed",
            "defunding Planned Parenthood",
        )],
    ),
    (
        "Headline\nThe pastors supporting Cruz, who met in Iowa, prayed.",
        &[(Kind::Stance, "The pastors", "supporting", "Cruz")],
    ),
    (
        "Headline\nBlack voters have formed a bloc, supporting her by 67 points.",
        &[(Kind::Stance, "Black voters", "supporting", "her")],
    ),
    // A noun of position or topic after a possessor (set off by one adjective at most); the
    // possessor is the source, and the object ends before the verb of the noun's clause.
    (
        "Headline\nRussia's support for the regime was clear.",
        &[(Kind::Stance, "Russia", "support for", "the regime")],
    ),
    (
        "Headline\nClinton's scathing criticism of Trump collapsed in the polls.",
        &[(Kind::Stance, "Clinton", "criticism of", "Trump")],
    ),
    // In war news an attack is a strike, not a stance.
    ("Headline\nRussia's attack on Kyiv killed 12 people.", &[]),
    // A contraction is no possessor; a possessive inside the object and an irregular verb
    // after it.
    (
        "Headline\nThere's broad support for a ceasefire among Democrats.",
        &[],
    ),
    (
        "Headline\nBiden's support for Israel's war drew protests.",
        &[(Kind::Stance, "Biden", "support for", "Israel's war")],
    ),
    ("Headline\nHe talked about 20 minutes.", &[]),
    ("Headline\nPeace talks about the hostages stalled.", &[]),
    (
        "Headline\nThe truck backed over the checkpoint barrier.",
        &[],
    ),
    (
        "Headline\nHe repeated his remarks about the strike and told reporters he was sure.",
        &[
            (Kind::Topic, "his", "remarks about", "the strike"),
            (Kind::Reported, "He", "told", "reporters he was sure"),
        ],
    ),
    ("Headline\nSupport for the bill fell.", &[]),
    // "of", "to" and "for" after other words belong to the nearer noun.
    (
        "Headline\nAn official, speaking on condition of anonymity, denied it.",
        &[(Kind::Reported, "An official", "denied", "it")],
    ),
    ("Headline\nHe spoke for about five minutes.", &[]),
    ("Headline\nIsrael agreed to sign a deal with Egypt.", &[]),
    (
        "Headline\nThe commission referred 298 suspects to the judiciary.",
        &[],
    ),
    // No stance: inside someone's words (reported or quoted), a passive, a compound, a name, a
    // question, a noun, a duration, and verbs whose first sense is physical.
    (
        "Headline\nThe senator said Russia supported the regime.",
        &[(
            Kind::Reported,
            "The senator",
            "said",
            "Russia supported the regime",
        )],
    ),
    (
        "Headline\n“We support the resistance,” the spokesman said.",
        &[(
            Kind::Quote,
            "the spokesman",
            "said",
            "“We support the resistance,”",
        )],
    ),
    (
        "Headline\nThe strikes were supported by Russian aircraft.",
        &[],
    ),
    ("Headline\nIran-backed militias fired rockets.", &[]),
    ("Headline\nThe Syrian Support Group shelled the town.", &[]),
    ("Headline\nDo you support the ceasefire?", &[]),
    ("Headline\nThe party saw broad support among voters.", &[]),
    ("Headline\nCruz has pushed for months to end it.", &[]),
    (
        "Headline\nTroops defended the city and attacked the airport.",
        &[],
    ),
    ("Headline\nPolice questioned the suspect.", &[]),
    ("Headline\nNetanyahu embraced the freed hostages.", &[]),
    ("Headline\nProtesters pushed against police lines.", &[]),
    ("Headline\nThe tank backed into a wall.", &[]),
    (
        "Headline\nTroops pushed deeper into Gaza for the first time.",
        &[],
    ),
    // Nouns read as verbs: after a determiner, a number, an adjective, a single capitalised
    // word before a bare form.
    ("Headline\nFour proposed projects collapsed.", &[]),
    ("Headline\nWestern support of Ukraine continues.", &[]),
    ("Headline\nPlease support our journalism.", &[]),
    ("Headline\nVarious comments on the strikes circulated.", &[]),
    // A subject that opens with a subordinator is none; an adverb after it is no part of it.
    (
        "Headline\nBefore Trump mentioned the wall, the crowd cheered.",
        &[],
    ),
    (
        "Headline\nObama barely mentioned the war.",
        &[(Kind::Topic, "Obama", "mentioned", "the war")],
    ),
    // A single capitalised word agrees with an -s form as a name.
    (
        "Headline\nClinton supports the bill.",
        &[(Kind::Stance, "Clinton", "supports", "the bill")],
    ),
    // A noun of position inside another stance's object is part of it.
    (
        "Headline\nCritics mocked his previous support of the war.",
        &[(
            Kind::Stance,
            "Critics",
            "mocked",
            "his previous support of the war",
        )],
    ),
    // What these rules must not read as someone's words: a headline's topic before a colon,
    // a noun or a number after "to", a possessive before a verb in -ing, a prepositional phrase
    // holding an evidence noun, a noun after a preposition, a recalled ambassador.
    (
        "Headline\nSudan: Civilians were killed in an attack on the market.",
        &[],
    ),
    (
        "Headline\nIsrael offered no evidence to support its claim.",
        &[],
    ),
    ("Headline\nCasualties declined to 20 last week.", &[]),
    (
        "Headline\nIsrael's warning to residents to flee was ignored.",
        &[],
    ),
    (
        "Headline\nIn response to the report, Israel recalled its ambassador.",
        &[],
    ),
    (
        "Headline\nTroops searching the hospital for documents found weapons in the basement.",
        &[],
    ),
    // A number or a verb in the past after "said" may be the claim itself.
    (
        "Headline\nThe ministry said at least 30 people died in the strike.",
        &[(
            Kind::Reported,
            "The ministry",
            "said",
            "at least 30 people died in the strike",
        )],
    ),
    (
        "Headline\nThe ministry said in a statement Israeli forces killed 20 people.",
        &[(
            Kind::Reported,
            "The ministry",
            "said",
            "in a statement Israeli forces killed 20 people",
        )],
    ),
    // A clause before the first comma is not a subject with an insertion.
    (
        "Headline\nIsraeli strikes killed 20 people, including 8 children, said the health ministry.",
        &[(
            Kind::Reported,
            "the health ministry",
            "said",
            "Israeli strikes killed 20 people, including 8 children",
        )],
    ),
    // An adverbial after a mid-sentence frame is the outlet's.
    (
        "Headline\nThe city has fallen, the army said, as fighting raged in the suburbs.",
        &[(Kind::Reported, "the army", "said", "The city has fallen")],
    ),
    // Found on PolNeAR's attributions: a verb after "and" shares the subject the sentence opens
    // with, when a clause follows (here one with a verb in -ed and no auxiliary) ...
    (
        "Headline\nGovernor Rick Scott blasted Congress and said the rebels shelled the town.",
        &[(
            Kind::Reported,
            "Governor Rick Scott",
            "said",
            "the rebels shelled the town",
        )],
    ),
    // ... and with no clause after it reports nothing.
    (
        "Headline\nThe rebels shelled the town and said nothing.",
        &[],
    ),
    // A place adverb after the subject's noun; not after a verb in a relative clause.
    (
        "Headline\nAnalysts there say the militants are regrouping.",
        &[(
            Kind::Reported,
            "Analysts",
            "say",
            "the militants are regrouping",
        )],
    ),
    ("Headline\nPeople who lived there said.", &[]),
    // A share of people is a subject; a date before the verb is not.
    (
        "Headline\nNine in 10 said the rebels should disarm.",
        &[(
            Kind::Reported,
            "Nine in 10",
            "said",
            "the rebels should disarm",
        )],
    ),
    (
        "Headline\nThe army on March 3 said the rebels withdrew.",
        &[(Kind::Reported, "The army", "said", "the rebels withdrew")],
    ),
    // Do-support and catenatives keep the speaker.
    (
        "Headline\nHe did say the militants had withdrawn.",
        &[(Kind::Reported, "He", "say", "the militants had withdrawn")],
    ),
    (
        "Headline\nErdogan continued to say the militants must leave.",
        &[(Kind::Reported, "Erdogan", "say", "the militants must leave")],
    ),
    (
        "Headline\nVoters were slightly more likely to say the rebels had won.",
        &[(Kind::Reported, "Voters", "say", "the rebels had won")],
    ),
    // "as X said" reports the clause beside it, before it or around it; a causal "as" nothing.
    (
        "Headline\nThe militants fled, as the army said.",
        &[(Kind::Reported, "the army", "said", "The militants fled")],
    ),
    (
        "Headline\nThe militants, as the army has said, fled to the hills.",
        &[(
            Kind::Reported,
            "the army",
            "said",
            "The militants, as the army has said, fled to the hills",
        )],
    ),
    ("Headline\nThe militants fled as the army advanced.", &[]),
    // A relative clause set off by commas ends at its closing comma.
    (
        "Headline\nErdogan, who in 2019 said the rebels were a threat, met Assad.",
        &[(Kind::Reported, "who", "said", "the rebels were a threat")],
    ),
    // An adverbial set off between the subject and its verb is no part of the speaker.
    (
        "Headline\nSome voters, on television or at small campaign events, said the rebels had won.",
        &[(Kind::Reported, "Some voters", "said", "the rebels had won")],
    ),
    // A participle of saying after a noun phrase, with a clause after it: "with X saying", a
    // reduced relative. Not without a clause.
    (
        "Headline\nThe army advanced, with officials saying the rebels had fled.",
        &[(Kind::Reported, "officials", "saying", "the rebels had fled")],
    ),
    (
        "Headline\nThe ministry issued a statement saying the talks had failed.",
        &[(
            Kind::Reported,
            "a statement",
            "saying",
            "the talks had failed",
        )],
    ),
    ("Headline\nThe army advanced, with the rebels fleeing.", &[]),
    // Adjectives of certainty and hope with a "that" clause; not after an expletive "it".
    (
        "Headline\nOfficials are confident that the rebels will withdraw.",
        &[(
            Kind::Reported,
            "Officials",
            "confident",
            "that the rebels will withdraw",
        )],
    ),
    (
        "Headline\nErdogan made it clear that the militants must leave.",
        &[(
            Kind::Reported,
            "Erdogan",
            "clear",
            "that the militants must leave",
        )],
    ),
    ("Headline\nIt is clear that the rebels have lost.", &[]),
    // A verb of finding that closes the sentence after a comma.
    (
        "Headline\nThe rebels hold the airport, a new report has found.",
        &[(
            Kind::Reported,
            "a new report",
            "found",
            "The rebels hold the airport",
        )],
    ),
    // The words end before a second speaker's coordinated frame, and before a concessive clause
    // of the outlet's.
    (
        "Headline\nFowler said the race would be intense — and he noted that aid had arrived.",
        &[
            (
                Kind::Reported,
                "Fowler",
                "said",
                "the race would be intense",
            ),
            (Kind::Reported, "he", "noted", "that aid had arrived"),
        ],
    ),
    (
        "Headline\nThe army said the town was calm, while the governor alleged that aid had been looted.",
        &[
            (Kind::Reported, "The army", "said", "the town was calm"),
            (
                Kind::Reported,
                "the governor",
                "alleged",
                "that aid had been looted",
            ),
        ],
    ),
    (
        "Headline\nThe army said the town was calm, although the rebels still hold the airport.",
        &[(Kind::Reported, "The army", "said", "the town was calm")],
    ),
    // Guards found in review: a name in -ing is no participle; a verb of agreeing that closes
    // its sentence reports nothing; a participle with a preposition after it is no clause's
    // verb; "most" before "were saying" is the subject; a concessive with no clause after it
    // goes on with the words; a comma right after a relative's verb opens its words.
    (
        "Headline\nThe plane maker, Boeing, said the rebels had seized the plant.",
        &[(
            Kind::Reported,
            "The plane maker, Boeing",
            "said",
            "the rebels had seized the plant",
        )],
    ),
    ("Headline\nAfter a long debate, the council agreed.", &[]),
    (
        "Headline\nThe economy is strong, Trump told supporters gathered in Ohio.",
        &[(Kind::Reported, "Trump", "told", "The economy is strong")],
    ),
    (
        "Headline\nOf those polled, most were saying the rebels had won.",
        &[(Kind::Reported, "most", "saying", "the rebels had won")],
    ),
    (
        "Headline\nHe said the deal, though costly, was worth it.",
        &[(
            Kind::Reported,
            "He",
            "said",
            "the deal, though costly, was worth it",
        )],
    ),
    (
        "Headline\nErdogan, who said, \"The rebels are terrorists,\" resigned.",
        &[(Kind::Quote, "who", "said", "\"The rebels are terrorists,\"")],
    ),
    // A noun of saying or believing with a "that" clause: the possessor speaks, or no one the
    // text names; a relative clause on the noun is no content.
    (
        "Headline\nAnalysts rejected Israel's claim that the hospital hid a command centre.",
        &[
            (
                Kind::Reported,
                "Analysts",
                "rejected",
                "Israel's claim that the hospital hid a command centre",
            ),
            (
                Kind::Reported,
                "Israel",
                "claim",
                "that the hospital hid a command centre",
            ),
        ],
    ),
    (
        "Headline\nMany share the belief that the regime will fall.",
        &[(Kind::Reported, "", "belief", "that the regime will fall")],
    ),
    (
        "Headline\nThe charge that might have stung never came.",
        &[],
    ),
    ("Headline\nThe claim that he made was false.", &[]),
    // A passive of saying after ", as" reports the clause before the comma; its agent ends
    // before an adjunct of time.
    (
        "Headline\nThe group started buying ad time, as first reported by the New York Times on \
         Tuesday.",
        &[(
            Kind::Reported,
            "the New York Times",
            "reported",
            "The group started buying ad time",
        )],
    ),
    // A designation: the designated term, the designator and its verb.
    (
        "Headline\nHTS was designated a terrorist organization by the United States.",
        &[(
            Kind::Designation,
            "the United States",
            "designated",
            "terrorist organization",
        )],
    ),
];

#[test]
fn relations_table() {
    let mut failures = Vec::new();
    for (text, want) in RELATIONS {
        let a = analyze(text);
        let got: Vec<(Kind, String, String, String)> = a
            .attributions
            .iter()
            .map(|r| {
                // Every offset points into the original text.
                for e in [Some(&r.content), r.source.as_ref(), r.cue.as_ref()]
                    .into_iter()
                    .flatten()
                    .chain(&r.continued)
                {
                    assert_eq!(&text[e.start..e.end], e.text, "{text:?}");
                }
                (
                    r.kind,
                    r.source
                        .as_ref()
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    r.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                    // The parts of a split quotation, joined by " … ".
                    std::iter::once(&r.content)
                        .chain(&r.continued)
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" … "),
                )
            })
            .collect();
        let want: Vec<(Kind, String, String, String)> = want
            .iter()
            .map(|&(k, s, c, t)| (k, s.to_owned(), c.to_owned(), t.to_owned()))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same rules decide the voice of the hits: (text, term, voice, speaker as written).
const VOICES: &[(&str, &str, Voice, &str)] = &[
    // A speech tag after a quotation: a description after a determiner, and the present of
    // features.
    (
        "Headline\nPerry spoke in Iowa.\n\"I will end the terror,\" the Texas governor continued.",
        "terror",
        Voice::Quote,
        "the Texas governor",
    ),
    (
        "Headline\nPerry spoke in Iowa.\n\"I will end the terror,\" Perry continues.",
        "terror",
        Voice::Quote,
        "Perry",
    ),
    (
        "Headline\nThe rally went on.\n\"End the terror,\" the crowd chants.",
        "terror",
        Voice::Quote,
        "the crowd",
    ),
    // Not a tag: a conjunction in -s, and a noun of wording with a relative clause whose
    // subject is a name.
    (
        "Headline\nThe war went on.\n“We beat the terrorists,” whereas the rebels took the town.",
        "terrorists",
        Voice::Quote,
        "",
    ),
    (
        "Headline\nThe war went on.\nThe town sheltered the “freedom fighters,” the label Moscow \
         disliked.",
        "freedom fighters",
        Voice::Scare,
        "",
    ),
    // A further quotation in the paragraph keeps the speaker of the one before, over a frame
    // inside that quotation's tag sentence.
    (
        "Headline\nCruz spoke.\n\"It is garbage,\" Cruz said about the article alleging that he \
         lied. \"It is a terror smear.\"",
        "terror",
        Voice::Quote,
        "Cruz",
    ),
    // A request with its infinitive quoted, and a participle of request after a comma, whose
    // subject is the sentence's.
    (
        "Headline\nHoyer spoke.\nHoyer shared a similar sentiment, urging Trump to \"stop the \
         terror now.\"",
        "terror",
        Voice::Quote,
        "Hoyer",
    ),
    (
        "Headline\nHoyer spoke.\nHoyer shared a similar sentiment, urging Trump to stop the \
         terror now.",
        "terror",
        Voice::Reported,
        "Hoyer",
    ),
    // An adjunct of time or place ends an inverted speaker; "of" does not.
    (
        "Headline\nPerry spoke.\n\"I will fight the terror,\" says Perry in the new ad titled \
         \"Strong.\"",
        "terror",
        Voice::Quote,
        "Perry",
    ),
    (
        "Headline\nPerry spoke.\n\"I will fight the terror,\" said the head of the agency on \
         Monday.",
        "terror",
        Voice::Quote,
        "the head of the agency",
    ),
    (
        "Headline\nIn a long interview on Sunday, the minister said the regime had collapsed.",
        "regime",
        Voice::Reported,
        "the minister",
    ),
    (
        "Headline\n“I think the regime is finished. It has lost,” he said.",
        "regime",
        Voice::Quote,
        "he",
    ),
    (
        "Headline\nPolice found the terrorists' hideout.",
        "terrorists",
        Voice::Author,
        "",
    ),
    (
        "Headline\nPolice found the body of a man the terrorists had kidnapped.",
        "terrorists",
        Voice::Author,
        "",
    ),
    (
        "Headline\nA survey found that most Syrians see the regime as illegitimate.",
        "regime",
        Voice::Reported,
        "A survey",
    ),
    (
        "Headline\nThe minister is warning that the regime will fall.",
        "regime",
        Voice::Reported,
        "The minister",
    ),
    (
        "Headline\nThe regime, the minister said, has lost its grip.",
        "regime",
        Voice::Reported,
        "the minister",
    ),
    (
        "Headline\nThe minister said, ''The regime has fallen.''",
        "regime",
        Voice::Quote,
        "The minister",
    ),
    (
        "Headline\nErdogan: The terrorists will pay for the attack.",
        "terrorists",
        Voice::Reported,
        "Erdogan",
    ),
    // A frame inside the words another frame reports is part of them: its verb is the outer
    // speaker's word ...
    (
        "Headline\nThe minister said the rebels claimed the town was theirs.",
        "claimed",
        Voice::Reported,
        "The minister",
    ),
    (
        "Headline\nKlein said that two other women who accused Clinton of assault received calls.",
        "accused",
        Voice::Reported,
        "Klein",
    ),
    // ... but not inside an appeal, which reports an act asked for, not words.
    (
        "Headline\nThe command called on governments to halt support for the regime, which it \
         accused of war crimes.",
        "accused",
        Voice::Author,
        "",
    ),
    // The clause of a noun of saying is someone's words.
    (
        "Headline\nAnalysts doubted Israel's claim that the rebels had fled.",
        "rebels",
        Voice::Reported,
        "Israel",
    ),
    // "aims to", "sought to": what someone does, told in the outlet's words.
    (
        "Headline\nThe operation sought to drive the terrorists out of the city.",
        "terrorists",
        Voice::Author,
        "",
    ),
    // A stance or a topic reports a position in the outlet's words: its object keeps the
    // outlet's voice.
    (
        "Headline\nRussia supported the Assad regime in 2015.",
        "Assad regime",
        Voice::Author,
        "",
    ),
    (
        "Headline\nThe ministry spoke about the terrorists in its briefing.",
        "terrorists",
        Voice::Author,
        "",
    ),
    // A question put by someone not named, after an adjunct: the asker's words.
    (
        "Headline\nAsked on Monday whether the regime would fall, Ryan said he was not sure.",
        "regime",
        Voice::Reported,
        "",
    ),
];

#[test]
fn a_stance_source_resolves_as_a_speaker_does() {
    // A pronoun subject resolves to the person before it, with that person's party.
    let a = analyze("Headline\nNetanyahu met the envoy on Monday. He welcomed the ceasefire.");
    let r = a
        .attributions
        .iter()
        .find(|r| r.kind == Kind::Stance)
        .expect("a stance");
    assert_eq!(
        (
            r.source.as_ref().map(|s| s.text.as_str()),
            r.speaker.as_deref(),
            r.speaker_actor.as_deref(),
            r.content.text.as_str(),
        ),
        (
            Some("He"),
            Some("Netanyahu"),
            Some("israel"),
            "the ceasefire"
        )
    );
    assert!(r.rule.starts_with("stance:"), "{}", r.rule);
}

#[test]
fn voice_of_hits_under_the_new_frames() {
    for &(text, term, voice, speaker) in VOICES {
        let a = analyze(text);
        let h = a
            .hits
            .iter()
            .find(|h| h.text.eq_ignore_ascii_case(term))
            .unwrap_or_else(|| panic!("{text:?}: no hit {term:?}"));
        assert_eq!(
            (h.voice, h.speaker.as_deref().unwrap_or("")),
            (voice, speaker),
            "{text:?}: {}",
            h.voice_rule
        );
    }
}

#[test]
fn cli_lists_attributions_as_text_and_json() {
    let sample = root().join("samples/syria-2024-12_blinken-fidan-call.txt");
    let out = stdout(&["attributions", "--explain"], &sample);
    insta::assert_snapshot!(
        "attributions_blinken_fidan",
        String::from_utf8(out).unwrap()
    );
    let out = stdout(&["attributions", "--format", "json"], &sample);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["command"], "attributions");
    let rels = v["articles"][0]["attributions"].as_array().unwrap();
    assert!(rels.len() >= 5, "{v}");
    let text = std::fs::read_to_string(&sample).unwrap();
    for r in rels {
        let c = &r["content"];
        let (s, e) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
        assert_eq!(&text[s as usize..e as usize], c["text"].as_str().unwrap());
        assert!(r["rule"].as_str().is_some_and(|x| !x.is_empty()), "{r}");
    }
    // score --format json carries the same relations.
    let out = stdout(&["score", "--format", "json"], &sample);
    let s: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        &s["articles"][0]["attributions"],
        &v["articles"][0]["attributions"]
    );
}

#[test]
fn cli_attributions_refuses_html() {
    let sample = root().join("samples/syria-2024-12_blinken-fidan-call.txt");
    framelens()
        .args(["attributions", "--format", "html"])
        .arg(&sample)
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "error: invalid value 'html' for '--format <FORMAT>'\n  [possible values: text, markdown, json]\n",
        ));
}

// ---------------------------------------------------------------- PolNeAR

#[test]
fn polnear_fixture_figures() {
    let dir = root().join("tests/fixtures/polnear");
    let r = framelens::eval::polnear::eval_polnear(analyzer(), &dir).expect("eval runs");
    assert_eq!((r.articles, r.unannotated), (1, 1));
    // Four gold attributions; framelens finds the three of saying, believing and quoting,
    // and misses the one of wanting (its fourth relation is in the discarded line).
    assert_eq!(r.gold_relations, 4);
    let f = &r.framelens;
    assert_eq!((f.relations.gold, f.relations.predicted), (4, 3));
    assert_eq!(f.relations.precision_credit, 3.0);
    assert_eq!((f.source.correct, f.source.n), (3, 3));
    assert_eq!(
        (f.cues.gold, f.cues.predicted, f.cues.precision_credit),
        (4, 3, 3.0)
    );
    // The quotation-marks baseline finds the quote alone, with no source.
    let b = &r.baseline;
    assert_eq!(
        (b.relations.predicted, b.relations.precision_credit),
        (1, 1.0)
    );
    assert_eq!((b.source.correct, b.source.n), (0, 1));
    assert_eq!(b.cues.predicted, 0);
    // The discarded line ("Subscribe now, our editor said.") counts for nothing: framelens's
    // relation there is neither a prediction nor a token.
    assert!(f.tokens.precision > 0.99, "{:?}", f.tokens);
    assert_eq!(f.tokens.predicted, 11, "{:?}", f.tokens);
    let missed: Vec<&str> = r.missed_cues.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(missed, ["want"]);
}

#[test]
fn polnear_folder_errors_name_the_file() {
    let dir = root().join("tests/fixtures");
    framelens()
        .args(["eval", "--polnear"])
        .arg(dir.join("no-such-folder"))
        .assert()
        .code(5)
        .stderr(predicates::str::contains("no-such-folder"));
}

#[test]
fn polnear_dev_floors() {
    let Some(dir) = data("polnear-dev") else {
        return;
    };
    let r = framelens::eval::polnear::eval_polnear(analyzer(), &dir).expect("eval runs");
    let text = framelens::eval::polnear::render_text(&r);
    assert_eq!(r.articles, 924, "{text}");
    // Floors just below the measured figures (docs/accuracy.md), so a regression fails.
    let (f, b) = (&r.framelens, &r.baseline);
    assert!(f.tokens.f1 >= 0.80, "{text}");
    assert!(f.relations.f1 >= 0.70, "{text}");
    assert!(f.source.accuracy >= 0.84, "{text}");
    assert!(f.cues.f1 >= 0.62, "{text}");
    assert!(f.tokens.f1 >= b.tokens.f1 + 0.20, "{text}");
    // The issue asks for 20 points over the baseline: 0.642 against 0.440 (+20.2) since the
    // voice rules of 2026-12-04's fourth session (docs/accuracy.md).
    assert!(f.relations.f1 >= b.relations.f1 + 0.20, "{text}");
    assert!(f.source.accuracy >= b.source.accuracy + 0.20, "{text}");
    assert!(r.hit_voice.author_vs_not.accuracy >= 0.76, "{text}");
    assert!(
        r.hit_voice.author_vs_not.accuracy > r.hit_voice.baseline_author_vs_not.accuracy,
        "{text}"
    );
}

/// The shared data folder `name`, or None (with a message) when it is absent outside CI.
fn data(name: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/data").join(name);
    if dir.exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have {}",
        dir.display()
    );
    eprintln!("skipped: {} is absent", dir.display());
    None
}

// ---------------------------------------------------------------- SemEval

/// Senses the lexicon must not read as labels, and the loaded uses it must: (text, term id,
/// hits of it).
const LEXICON_SENSES: &[(&str, &str, usize)] = &[
    (
        "Headline\nPalestinian Islamic Jihad fighters fired rockets.",
        "jihad",
        0,
    ),
    (
        "Headline\nThe Islamic Jihad Union claimed the attack.",
        "jihad",
        0,
    ),
    (
        "Headline\nHe preached jihad and praised jihadism.",
        "jihad",
        2,
    ),
    (
        "Headline\nGang violence has surged; a gang member was held.",
        "gangs",
        0,
    ),
    ("Headline\nThe Gang of Eight met on Monday.", "gangs", 0),
    (
        "Headline\nThe government called the rebels armed gangs.",
        "gangs",
        1,
    ),
    ("Headline\nPolice said the gunman acted alone.", "gunmen", 0),
    ("Headline\nGunmen stormed the checkpoint.", "gunmen", 1),
    (
        "Headline\nThe attacker was arrested at the station.",
        "attackers",
        0,
    ),
    (
        "Headline\nThe attackers fled across the border.",
        "attackers",
        1,
    ),
    (
        "Headline\nThe comet is a solar system visitor, a space invader.",
        "invader",
        0,
    ),
    ("Headline\nShahid Khan spoke to reporters.", "shaheed", 0),
    (
        "Headline\nThe troops met resistance from villagers.",
        "resistance",
        0,
    ),
    (
        "Headline\nHezbollah hailed the resistance.",
        "resistance",
        1,
    ),
    (
        "Headline\nThe talk of regime-change in Tehran grew.",
        "regime",
        0,
    ),
];

#[test]
fn lexicon_senses_table() {
    for &(text, term, n) in LEXICON_SENSES {
        let a = analyze(text);
        let got = a.hits.iter().filter(|h| *h.term == *term).count();
        assert_eq!(
            got,
            n,
            "{text:?}: {:?}",
            a.hits
                .iter()
                .map(|h| (&h.term, &h.text))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn semeval_spans_floors() {
    let Some(dir) = data("semeval23-spans-dev") else {
        return;
    };
    let r = framelens::eval::semeval::eval_semeval_spans(analyzer(), &dir).expect("eval runs");
    let text = framelens::eval::semeval::render_text(&r);
    assert_eq!((r.articles, r.loaded_spans), (221, 1802), "{text}");
    // The target on conflict vocabulary (0.987 measured: the one miss is a name).
    assert!(r.conflict.recall >= 0.95, "{text}");
    // Floors just below the measured precision of label hits against any technique.
    assert!(
        r.precision_any["label, stance ≠ 0"].precision >= 0.32,
        "{text}"
    );
    assert_eq!(r.misses.len(), 20, "{text}");
    // The hits to sort by hand: label hits with a stance on no technique span (213 of 324 on
    // 2026-12-04, fifth session; docs/accuracy.md). A hit on some span earns at most 1 of precision credit,
    // so they are at most the predictions less the credit.
    let p = &r.precision_any["label, stance ≠ 0"];
    assert!(!r.unmarked.is_empty(), "{text}");
    assert!(
        r.unmarked.len() as f64 <= p.predicted as f64 - p.precision_credit + 1e-9,
        "{} unmarked, {p:?}",
        r.unmarked.len()
    );
    assert!(
        r.unmarked
            .iter()
            .all(|u| u.end > u.start && u.sentence.contains(&u.text))
    );
    assert!(!r.false_alarms.is_empty(), "{text}");
}

#[test]
fn entity_framing_floors() {
    let Some(dir) = data("semeval25-entity-dev") else {
        return;
    };
    let r = framelens::eval::entity::eval_entity_framing(&dir).expect("eval runs");
    let text = framelens::eval::entity::render_text(&r);
    assert_eq!((r.documents, r.mentions), (109, 361), "{text}");
    // Floors just below the measured figures of the fourth session of 2026-12-04: coverage
    // 0.268, macro-F1 0.456 against 0.273 (+18.3), over every entity 0.343 against 0.270 (the
    // fifth session's families moved them to 0.274, 0.478 against 0.272, and 0.355). Before acts recorded what they are done
    // to, an entity with no term of its own was never cast as Innocent: coverage 0.259 and
    // macro-F1 0.381 against 0.281 (+10.0), 0.304 over every entity. On 2026-12-05 (seventh
    // session) a person's name came to need a capital: the oracle's person entries whose last
    // word is a common word ("States", "Nations", "Gates", "Solar") stopped matching "states",
    // "nations" and so on, and the terms those false mentions had held went to other entities
    // by salience, right for one (Kiev) and wrong for others (the governor of Belgorod took a
    // "terrorists"): coverage 0.290, macro-F1 0.434 against 0.266 (+16.8), 0.347 over every
    // entity; a term of praise going to its voice's side then gave 0.293, 0.431 against 0.267
    // (+16.4) and 0.346. On 2026-12-05 (tenth session) the oracle typed an entity the bundled
    // lexicon reads as a state's people ("Ukrainians") as a population: coverage 0.284, macro-F1
    // 0.445 against 0.272 (+17.3), 0.347 over every entity. The floors follow.
    assert!(r.coverage >= 0.26, "{text}");
    assert!(r.covered_f1.macro_f1 >= 0.43, "{text}");
    assert!(
        r.covered_f1.macro_f1 >= r.covered_majority.macro_f1 + 0.16,
        "{text}"
    );
    assert!(
        r.all_f1.macro_f1 >= r.all_majority.macro_f1 + 0.06,
        "{text}"
    );
}

#[test]
fn cli_eval_runs_the_new_data_sets_together() {
    let (Some(se), Some(ef)) = (data("semeval23-spans-dev"), data("semeval25-entity-dev")) else {
        return;
    };
    let out = framelens()
        .args(["eval", "--format", "json", "--semeval-spans"])
        .arg(&se)
        .arg("--entity-framing")
        .arg(&ef)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v["semeval_spans"]["conflict"]["recall"].is_number(), "{v}");
    assert!(
        v["entity_framing"]["covered_f1"]["macro_f1"].is_number(),
        "{v}"
    );
}
