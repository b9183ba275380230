//! Word lists the analysis reads in more than one module: the verbs that cue someone's words
//! (saying, naming, belief, intention, request), the phrases that name a source ("according
//! to"), and the auxiliaries a negation follows. A list that only one rule reads stays beside
//! that rule. What the lists mean in context (which frame a verb opens, whose words follow) is
//! decided in [`super::voice`], not here.

use std::sync::OnceLock;

use crate::text::WordSet;

/// Verbs of saying and reporting, English and French ("said", "told", "a déclaré").
pub(crate) static REPORTING: WordSet = WordSet::new(&[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "stated",
    "stating",
    "add",
    "adds",
    "added",
    "adding",
    "note",
    "noted",
    "noting",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "emphasize",
    "emphasized",
    "emphasised",
    "emphasizing",
    "emphasising",
    "emphasizes",
    "underlined",
    "underscored",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "warn",
    "warns",
    "warned",
    "warning",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "announce",
    "announces",
    "announced",
    "declare",
    "declares",
    "declared",
    "declaring",
    "deny",
    "denies",
    "denied",
    "denying",
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "blame",
    "blames",
    "blamed",
    "blaming",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "confirm",
    "confirms",
    "confirmed",
    "reported",
    "explained",
    "asserted",
    "asserts",
    "suggested",
    "suggests",
    "wrote",
    "writes",
    "tweeted",
    "estimated",
    "pledged",
    "promised",
    "urged",
    "threatened",
    "reiterated",
    "conceded",
    "concedes",
    "boasted",
    "complained",
    "maintained",
    "contended",
    "quoted",
    "cited",
    "predicted",
    "testified",
    "observed",
    "remarked",
    "replied",
    "responded",
    "countered",
    "charged",
    "calling",
    "praised",
    "praises",
    "praising",
    "endorsed",
    "endorses",
    "endorsing",
    "hailed",
    "lauded",
    "applauded",
    "commended",
    "shouted",
    "shouting",
    "yelled",
    "yelling",
    "chanted",
    "chanting",
    "screamed",
    "whispered",
    "muttered",
    "exclaimed",
    "describes",
    "described",
    "called",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "slammed",
    "criticized",
    "criticised",
    "termed",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "citing",
    "determined",
    "concluded",
    "ruled",
    "dismiss",
    "reject",
    "condemn",
    "denounce",
    "describe",
    "notes",
    "predicts",
    "predicting",
    "reaffirmed",
    "reaffirms",
    "reaffirming",
    "asserting",
    "speculated",
    "lamented",
    "joked",
    "quipped",
    "retorted",
    "recounted",
    "explains",
    "explaining",
    "cautioned",
    "conceding",
    "complains",
    "complaining",
    "tweeting",
    "announcing",
    "criticizing",
    "criticising",
    "denouncing",
    "acknowledging",
    "cite",
    "cites",
    "slamming",
    "dismissing",
    "lamenting",
    "laments",
    "underscore",
    "underscores",
    "endorse",
    "applaud",
    "applauds",
    // French verbs of saying, present and past participle (the auxiliary, "a déclaré", is
    // read as English "has said" is): the path for lexicons in French.
    "déclare",
    "déclarent",
    "déclaré",
    "affirme",
    "affirment",
    "affirmé",
    "assurent",
    "assuré",
    "annonce",
    "annoncent",
    "annoncé",
    "indique",
    "indiquent",
    "indiqué",
    "souligne",
    "soulignent",
    "souligné",
    "ajoute",
    "ajoutent",
    "ajouté",
    "explique",
    "expliquent",
    "expliqué",
    "précise",
    "précisent",
    "précisé",
    "dénonce",
    "dénoncent",
    "dénoncé",
    "estime",
    "estiment",
    "estimé",
    "prévient",
    "préviennent",
    "prévenu",
    "rapporte",
    "rapportent",
    "rapporté",
]);

/// Verbs of naming. Their object complement, the name ("calls them *terrorists*", "described the
/// raid as *a massacre*", "refers to them as *occupiers*"), is the wording of the verb's subject,
/// or of the agent of a passive ("labelled *terrorists* by Ankara"). Some are reporting verbs
/// too: used without a name ("described the scene"), they fall back to [`REPORTING`].
pub(crate) static NAMING_VERBS: WordSet = WordSet::new(&[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "describes",
    "described",
    "describing",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "labeling",
    "brand",
    "brands",
    "branded",
    "branding",
    "termed",
    "dub",
    "dubs",
    "dubbed",
    "refer",
    "refers",
    "referred",
    "referring",
]);

/// Verbs of belief, expectation and finding: they report someone's view (a propositional
/// attitude), but only with a clause after them ("polls show that", "he thinks the regime will
/// fall", "asked whether"); "police found the body" reports nothing.
pub(crate) static ATTITUDE: WordSet = WordSet::new(&[
    "think",
    "thinks",
    "thought",
    "believe",
    "believes",
    "believed",
    "feel",
    "feels",
    "fear",
    "fears",
    "feared",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "know",
    "knows",
    "knew",
    "found",
    "finds",
    "show",
    "shows",
    "showed",
    "indicated",
    "indicates",
    "revealed",
    "asked",
    "asks",
    "wondered",
    "agree",
    "agrees",
    "agreed",
    "mentioned",
    "mentions",
    "suspect",
    "suspects",
    "suspected",
    "recognized",
    "recognised",
    "realized",
    "realised",
    "implied",
    "hinted",
    "signaled",
    "signalled",
    "assumed",
    "doubt",
    "doubts",
    "doubted",
    "worried",
    "learned",
    "heard",
    "pointed",
    "maintains",
    "contends",
    "recalled",
    "answered",
    "disclosed",
    "clarified",
    "suggest",
    "suggesting",
    "showing",
    "expected",
    "expecting",
    "reveals",
    "reveal",
    "recognize",
    "recognizes",
    "recognizing",
    "indicate",
    "worries",
    "find",
    "believing",
    "fearing",
    "knowing",
    "assume",
    "hints",
    "feeling",
    "recalling",
    "recalls",
    "mentioning",
    "predict",
    "conclude",
]);

/// Verbs of wanting and intending, and speech acts of committing or refusing: they report
/// someone's aim (a propositional attitude, like [`ATTITUDE`]) or act, but only with an
/// infinitive after them, directly or after an object ("wants to build a wall", "wants voters
/// to know that ...", "refused to endorse"). Verbs of trying ("sought to", "aims to") are left
/// out: they describe what someone does, in the outlet's words.
pub(crate) static INTENTION: WordSet = WordSet::new(&[
    "want",
    "wants",
    "wanted",
    "wanting",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "intending",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "decline",
    "declines",
    "declined",
    "declining",
    "wish",
    "wishes",
    "wished",
    "prefer",
    "prefers",
    "preferred",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "promising",
    "promise",
    "offering",
    "offer",
    "threatening",
    "threaten",
    "pledging",
    "proposing",
]);

/// Verbs of asking someone to act ("asked Congress to approve the deal"): with an infinitive
/// after them, the request is their words.
pub(crate) static REQUEST: WordSet = WordSet::new(&[
    "asked",
    "asks",
    "asking",
    "urged",
    "urges",
    "urging",
    "begged",
    "implored",
    "pressed",
    "challenged",
    "invited",
    "encouraged",
]);

/// A class of verbs that, with a noun phrase, report a position or a topic rather than words:
/// "supported the bill", "voted for Clinton", "talked about taxes". What follows is the outlet's
/// description of what the subject is for or against, or spoke of, so its voice stays the
/// outlet's ([`super::voice`] keeps these apart from speech frames). A verb here that also
/// takes a clause or an infinitive ("mentioned that ...", "prefer to") makes a speech frame
/// then, by the lists above.
pub(crate) struct ObjectWords {
    /// The verb forms (or nouns, in [`OBJECT_NOUNS`]).
    pub words: WordSet,
    /// The prepositions the object follows; none for a direct object.
    pub prepositions: &'static [&'static str],
    /// A topic ("spoke about") rather than a position ("supported").
    pub topic: bool,
}

/// The verbs of position and of topic, by class. Praise and condemnation are in [`REPORTING`].
/// Verbs whose first sense in conflict news is physical are left out ("attacked", "defended",
/// "struck", "blasted"; "questioned" a suspect, "embraced" the freed hostages), or read only
/// with the preposition of their verbal sense ("pushed for", not "pushed against"); "backed"
/// and "welcomed" keep a physical sense ("backed into a wall", "welcomed Putin to Beijing") the
/// object rules do not always exclude. Verbs of trying ("sought") describe what someone does
/// and are left out too.
pub(crate) static OBJECT_VERBS: [ObjectWords; 8] = [
    ObjectWords {
        words: WordSet::new(&[
            "support",
            "supports",
            "supported",
            "supporting",
            "backed",
            "backs",
            "oppose",
            "opposes",
            "opposed",
            "opposing",
            "favor",
            "favors",
            "favored",
            "favoring",
            "favour",
            "favours",
            "favoured",
            "favouring",
            "prefer",
            "prefers",
            "preferred",
            "mocked",
            "mocks",
            "mocking",
            "ridiculed",
            "ridicules",
            "ridiculing",
            "thanked",
            "thanking",
            "congratulated",
            "congratulating",
            "welcomed",
            "welcomes",
            "welcoming",
            "championed",
            "championing",
            "decried",
            "decries",
            "decrying",
            "faulted",
            "faulting",
            "proposed",
            "proposes",
            "proposing",
        ]),
        prepositions: &[],
        topic: false,
    },
    // "voted for Clinton", "campaigned against the deal", "pushed for a ceasefire".
    ObjectWords {
        words: WordSet::new(&[
            "voted",
            "vote",
            "votes",
            "voting",
            "campaigned",
            "campaigns",
            "campaigning",
            "advocated",
            "advocates",
            "advocating",
            "lobbied",
            "lobbies",
            "lobbying",
        ]),
        prepositions: &["for", "against"],
        topic: false,
    },
    // "pushed for a ceasefire" (not "pushed against police lines").
    ObjectWords {
        words: WordSet::new(&["pushed", "pushes", "pushing"]),
        prepositions: &["for"],
        topic: false,
    },
    // "sided with Russia", "agreed with Matthews about the winner".
    ObjectWords {
        words: WordSet::new(&[
            "sided",
            "sides",
            "siding",
            "agreed",
            "agree",
            "agrees",
            "agreeing",
            "disagreed",
            "disagree",
            "disagrees",
            "disagreeing",
        ]),
        prepositions: &["with"],
        topic: false,
    },
    // "discussed the deal", "mentioned the wall".
    ObjectWords {
        words: WordSet::new(&[
            "discussed",
            "discuss",
            "discusses",
            "discussing",
            "mentioned",
            "mention",
            "mentions",
            "mentioning",
        ]),
        prepositions: &[],
        topic: true,
    },
    // "talked about taxes", "spoke of reform", "asked about the deal".
    ObjectWords {
        words: WordSet::new(&[
            "spoke", "speak", "speaks", "speaking", "spoken", "talked", "talk", "talks", "talking",
            "asked", "asks", "asking", "ask",
        ]),
        prepositions: &["about", "of"],
        topic: true,
    },
    // "referring to Clinton's successor".
    ObjectWords {
        words: WordSet::new(&["referring", "referred", "refers", "refer"]),
        prepositions: &["to"],
        topic: true,
    },
    // "commented on the ruling".
    ObjectWords {
        words: WordSet::new(&["commented", "comments", "commenting", "comment"]),
        prepositions: &["on"],
        topic: true,
    },
];

/// The class of [`OBJECT_VERBS`] the verb form `w` (lower case) is in, if any.
pub(crate) fn object_verb(w: &str) -> Option<&'static ObjectWords> {
    static ALL: OnceLock<WordSet> = OnceLock::new();
    class_of(&OBJECT_VERBS, &ALL, w)
}

/// The class of `classes` the word `w` is in, if any. Every token of an article is looked up,
/// so one set of all the classes' words (`all`, built on first use) answers first, nearly
/// always no.
fn class_of(
    classes: &'static [ObjectWords],
    all: &'static OnceLock<WordSet>,
    w: &str,
) -> Option<&'static ObjectWords> {
    let all = all.get_or_init(|| {
        let words: Vec<&'static str> = classes
            .iter()
            .flat_map(|c| c.words.iter().copied())
            .collect();
        // Built once per process; the set lives as long as the classes it indexes.
        WordSet::new(Box::leak(words.into_boxed_slice()))
    });
    if !all.contains(w) {
        return None;
    }
    classes.iter().find(|c| c.words.contains(w))
}

/// Prepositions that name the source of the words after or before them: "according to the
/// army", and the French "selon l'armée", "d'après l'armée".
pub(crate) const SOURCE_PHRASES: &[&[&str]] =
    &[&["according", "to"], &["selon"], &["d'après"], &["d’après"]];

/// Whether `w` (lower case) is a verb this module reads as a cue of someone's words, view, aim
/// or request: a verb of saying, of naming, of belief and finding, of wanting, or of asking.
/// The first word of a source phrase ("according" of "according to", "selon") counts too.
pub fn is_cue_word(w: &str) -> bool {
    SOURCE_PHRASES.iter().any(|p| p[0] == w)
        || REPORTING.contains(w)
        || NAMING_VERBS.contains(w)
        || ATTITUDE.contains(w)
        || INTENTION.contains(w)
        || REQUEST.contains(w)
}

/// Nouns of position and of topic with the prepositions of their object, read after a
/// possessor ("Russia's support for the regime", "her opposition to the war", "Clinton's
/// criticism of Trump", "his remarks about the strike"), as [`OBJECT_VERBS`] are read. Nouns
/// whose first sense in war news is physical ("attack", "assault") are left out.
pub(crate) static OBJECT_NOUNS: [ObjectWords; 6] = [
    ObjectWords {
        words: WordSet::new(&["support", "backing"]),
        prepositions: &["for", "of", "behind"],
        topic: false,
    },
    ObjectWords {
        words: WordSet::new(&["opposition", "objection", "objections"]),
        prepositions: &["to"],
        topic: false,
    },
    ObjectWords {
        words: WordSet::new(&[
            "criticism",
            "criticisms",
            "critique",
            "condemnation",
            "endorsement",
            "praise",
            "rejection",
        ]),
        prepositions: &["of", "for"],
        topic: false,
    },
    // Not "attack" or "assault": in war news "Russia's attack on Kyiv" is a strike.
    ObjectWords {
        words: WordSet::new(&["broadside", "broadsides", "tirade", "diatribe"]),
        prepositions: &["on", "against"],
        topic: false,
    },
    ObjectWords {
        words: WordSet::new(&["comments", "remarks", "questions", "views"]),
        prepositions: &["on", "about"],
        topic: true,
    },
    ObjectWords {
        words: WordSet::new(&["references", "reference"]),
        prepositions: &["to"],
        topic: true,
    },
];

/// The class of [`OBJECT_NOUNS`] the noun `w` (lower case) is in, if any.
pub(crate) fn object_noun(w: &str) -> Option<&'static ObjectWords> {
    static ALL: OnceLock<WordSet> = OnceLock::new();
    class_of(&OBJECT_NOUNS, &ALL, w)
}

/// Whether `w` (lower case) is a cue of any attribution relation framelens lists: one of
/// [`is_cue_word`], or a verb or noun of position or topic ([`OBJECT_VERBS`],
/// [`OBJECT_NOUNS`]).
pub fn is_relation_cue_word(w: &str) -> bool {
    is_cue_word(w) || object_verb(w).is_some() || object_noun(w).is_some()
}

/// Auxiliaries that a negation follows ("has not said", "is not saying").
pub(crate) static AUXILIARIES: WordSet = WordSet::new(&[
    "do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "will", "would",
    "could", "should", "can", "may", "might", "must",
]);

/// Whether `w` (lower case) is one of [`AUXILIARIES`].
pub(crate) fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(w)
}

/// Words that open a clause inside a sentence: subordinating conjunctions ("because", "while")
/// and relative words ("which", "whose"). A rule walking over a subject or an object phrase
/// stops at one of them. Voice also stops at the words of a reported question ("what",
/// "whether"), attribution at "until" and "since": each adds its own beside the rule.
pub(crate) static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "whose", "as", "while", "because", "although", "though",
    "whereas", "when", "if", "unless",
]);

/// Personal pronouns that are a clause's subject ("it had already said", "they were called").
pub(crate) static SUBJECT_PRONOUNS: WordSet = WordSet::new(&["it", "they", "we", "he", "she", "i"]);

/// The forms of "be" that make a passive ("were neutralised", "has been accused").
pub(crate) static BE_FORMS: WordSet =
    WordSet::new(&["is", "was", "are", "were", "been", "being", "be"]);

/// Nouns for a document a party issues: "the statement" as a speaker is the party whose frame's
/// sentence names the statement ("In a statement, the RSF's spokesman said ..."), and "a
/// statement from the army command" is the army command.
pub(crate) static DOCUMENT_NOUNS: WordSet =
    WordSet::new(&["statement", "communique", "communiqué", "declaration"]);
