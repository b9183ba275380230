//! Deterministic generator of a synthetic news corpus for benchmarking `framelens corpus`.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --bytes 10MB --out /tmp/corpus.jsonl
//! cargo run --release --example gen_corpus -- --articles 500 --sources 6 --format dir --out /tmp/corpus
//! cargo run --release --example gen_corpus -- --bytes 1MB --format csv --seed 7 --start 2024-06 --months 12 --out c.csv
//! cargo run --release --example gen_corpus -- --bytes 100MB --density realistic --out /tmp/r.jsonl
//! ```
//!
//! Output: JSONL records `{"id", "source", "date", "title", "text"}` one per line (default), a
//! CSV file with the header `id,source,date,title,text`, or a folder with one subfolder per source
//! and one `ID.txt` per article (headline on the first line, then the text). The same seed and
//! flags give byte-identical output; `--articles N` gives a prefix of the corpus for any larger N.
//! A summary line (`articles=... text_bytes=... seconds=...`) is printed on standard error;
//! `text_bytes` counts title and text bytes.
//!
//! `--density realistic` makes about 72% of the paragraphs after the lede plain reporting ([`PLAIN`]:
//! weather, prices, schools, roads, figures) with no loaded term, for about 10 terms per 1,000
//! words with the bundled lexicons instead of about 40; `--density dense` (the default) gives
//! the same bytes as before the option existed.
//!
//! Articles are wire-style stories (2-8 KB, 6-20 paragraphs: headline, dateline, narration,
//! direct quotes with curly or straight quotes, reported speech, "according to", officials,
//! monitors, background) about eight conflicts: Syria (HTS / Syrian government), Turkey and the
//! PKK, Gaza (Hamas / Israel), Lebanon (Hezbollah / Israel), the Red Sea (Houthis / United
//! States), Sudan (RSF / army), the Sahel (JNIM / Mali) and Myanmar (Arakan Army / junta).
//! Actor names and aliases are those of lexicons/actors.yaml; about 10% of paragraphs are real
//! paragraphs from samples/ and tests/fixtures/wire/ on the same conflict.
//!
//! # Per-source label preferences (so that a keyness comparison has real differences to find)
//!
//! Own-voice labels for the non-state armed group (HTS, PKK, Hamas, Hezbollah, Houthis, RSF, JNIM,
//! Arakan Army), all literal forms of lexicons/conflict-labels.yaml:
//!
//! | source     | members (plural)                                  | the group                                    |
//! |------------|---------------------------------------------------|----------------------------------------------|
//! | wire       | militants, fighters, (insurgents)                 | militant group, armed group                  |
//! | statetv    | terrorists, terrorist elements, terror operatives | terrorist organization, terror group, terrorist group |
//! | partisan   | rebels, rebel fighters, opposition fighters       | rebel group, opposition group, armed opposition group |
//! | broadsheet | militants, rebels, fighters, jihadists, Islamist militants | militant group, rebel group, armed group, jihadist group |
//! | tabloid    | extremists, terrorists, gunmen                    | terror group, terror outfit                  |
//! | regional   | insurgents, insurgent fighters, combatants        | insurgent group, armed faction               |
//! | agency     | militiamen, gunmen, fighters                      | militia, armed group                         |
//! | weekly     | guerrillas, guerrilla fighters, irregulars        | guerrilla movement, insurgency               |
//!
//! Theme overrides: partisan calls Hamas and Hezbollah "resistance fighters" / "resistance
//! movement", the PKK "guerrillas", the Arakan Army "resistance fighters" / "revolutionary
//! forces"; statetv calls the PKK "separatist terrorists" and the RSF "terrorist militias" /
//! "rebel militia"; wire, broadsheet and agency call the RSF "paramilitaries" / "paramilitary group".
//!
//! Own-voice naming of the state side (government forces, government, operation):
//! wire and agency neutral ("government forces", "Syrian government", "offensive");
//! statetv and tabloid friendly ("security forces", "legitimate Syrian government",
//! "counter-terrorism operation", "neutralized"); partisan hostile ("regime forces", "Assad
//! regime", "occupation forces" for Israel and Turkey, "junta" for Mali and Myanmar, "aggression");
//! broadsheet, regional and weekly mix neutral with some hostile. statetv and tabloid name the
//! group's attacks "terror offensive" / "terrorist aggression"; partisan calls them a "liberation
//! campaign". wire, statetv and broadsheet call the Gaza health ministry "Hamas-run".
//!
//! Reporting verbs: statetv and tabloid write "claimed" / "alleged" / "insisted" for the group's
//! speakers and "stressed" / "affirmed" for the state's; partisan and weekly the reverse;
//! broadsheet hedges everyone ("claimed", "insisted", "argued"); wire says "said".
//! Quotes from officials carry the strong labels ("terrorists", "Takfiri terrorists", "Zionist
//! enemy", "the criminal regime", "genocide") in every source; broadsheet has the most quoted
//! and reported paragraphs (and "what it called"), statetv the fewest.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{ArgGroup, Parser, ValueEnum};

#[derive(Parser)]
#[command(about = "Generate a deterministic synthetic news corpus")]
#[command(group(ArgGroup::new("size").required(true).args(["bytes", "articles"])))]
struct Args {
    /// Stop when the total title + text bytes reach SIZE (e.g. 10MB, 500KB, 1GB, 123456)
    #[arg(long, value_parser = parse_size)]
    bytes: Option<u64>,
    /// Number of articles
    #[arg(long)]
    articles: Option<u64>,
    /// Number of sources (at least 3)
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(3..))]
    sources: u32,
    /// Random seed
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Output file (jsonl, csv) or folder (dir)
    #[arg(long)]
    out: PathBuf,
    /// First month of the dates, YYYY-MM
    #[arg(long, default_value = "2024-09")]
    start: String,
    /// Number of months the dates spread over
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..))]
    months: u32,
    /// How thick the loaded terms lie: `dense` (about 40 hits per 1,000 words with the bundled
    /// lexicons: every paragraph is about the conflict) or `realistic` (about 10: most
    /// paragraphs are plain reporting of weather, prices, schools, roads and numbers)
    #[arg(long, value_enum, default_value_t = Density::Dense)]
    density: Density,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Density {
    Dense,
    Realistic,
}

/// In a `--density realistic` corpus, the share of the paragraphs after the first, among those
/// not taken from a real article (a tenth), that are plain reporting ([`PLAIN`]) with no loaded
/// term: about 72 % of all the paragraphs after the first.
const PLAIN_SHARE: f64 = 0.8;

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Jsonl,
    Dir,
    Csv,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| format!("bad size '{s}'"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        u => {
            return Err(format!(
                "unknown size unit '{u}' (use B, KB, MB, GB, KiB, MiB, GiB)"
            ));
        }
    };
    Ok((n * mult) as u64)
}

// ------------------------------------------------------------------------------------------
// Data
// ------------------------------------------------------------------------------------------

struct Person {
    name: &'static str,
    /// Another way of writing the name (Arabic script, accents), used now and then.
    alt: &'static str,
    title: &'static str,
    role: &'static str,
    short: &'static str,
    pr: &'static str,
    /// For third parties: -1 hostile to the group (quotes strong labels), 0 neutral, +1 friendly.
    view: i8,
}

const fn p(
    name: &'static str,
    alt: &'static str,
    title: &'static str,
    role: &'static str,
    short: &'static str,
    pr: &'static str,
    view: i8,
) -> Person {
    Person {
        name,
        alt,
        title,
        role,
        short,
        pr,
        view,
    }
}

/// How an outlet names the state side in its own voice.
#[derive(Clone, Copy, PartialEq)]
enum View {
    Neutral = 0,
    Friendly = 1,
    Hostile = 2,
}

struct Theme {
    key: &'static str,
    weight: u32,
    datelines: &'static [&'static str],
    capital: &'static str,
    country: &'static str,
    regions: &'static [&'static str],
    places: &'static [&'static str],
    g_names: &'static [&'static str],
    g_full: &'static str,
    g_attr: &'static str,
    g_people: &'static [Person],
    g_anon: &'static [&'static str],
    g_self: &'static [&'static str],
    s_names: &'static [&'static str],
    s_adj: &'static str,
    s_people: &'static [Person],
    s_anon: &'static [&'static str],
    /// Own-voice names of the state's forces: neutral, friendly, hostile.
    s_forces: [&'static [&'static str]; 3],
    /// Own-voice names of the state's government: neutral, friendly, hostile.
    s_gov: [&'static [&'static str]; 3],
    thirds: &'static [Person],
    monitors: &'static [&'static str],
    /// Monitors as named by outlets that are not hostile to the state ("Hamas-run").
    monitors_alt: &'static [&'static str],
    qg: &'static [&'static str],
    qgs: &'static [&'static str],
    qs: &'static [&'static str],
    qsa: &'static [&'static str],
    qatk: &'static [&'static str],
    islamist: bool,
    background: &'static [&'static str],
    topic: &'static [&'static str],
    years: (u32, u32),
    real: &'static [&'static str],
}

static THEMES: &[Theme] = &[
    Theme {
        key: "syria",
        weight: 4,
        datelines: &["BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "ALEPPO"],
        capital: "Damascus",
        country: "Syria",
        regions: &[
            "northwestern Syria",
            "Idlib province",
            "the Aleppo countryside",
            "the Hama countryside",
            "northern Syria",
        ],
        places: &[
            "Aleppo",
            "Hama",
            "Homs",
            "Saraqeb",
            "Maarat al-Numan",
            "Khan Sheikhoun",
            "Tal Rifaat",
            "Manbij",
            "al-Bab",
            "Jisr al-Shughur",
            "Morek",
            "Atarib",
            "Salamiyah",
            "Rastan",
        ],
        g_names: &[
            "Hayat Tahrir al-Sham",
            "HTS",
            "HTS",
            "Hay'at Tahrir al-Sham",
        ],
        g_full: "Hayat Tahrir al-Sham (HTS)",
        g_attr: "HTS",
        g_people: &[
            p(
                "Abu Mohammed al-Jolani",
                "Abu Mohammed al-Jolani (أبو محمد الجولاني)",
                "HTS leader",
                "the leader of HTS",
                "Jolani",
                "he",
                0,
            ),
            p(
                "Ahmed al-Sharaa",
                "Ahmed al-Sharaa (أحمد الشرع)",
                "HTS chief",
                "who leads HTS under the nom de guerre Abu Mohammed al-Jolani",
                "Sharaa",
                "he",
                0,
            ),
            p(
                "Murhaf Abu Qasra",
                "",
                "HTS military commander",
                "the group's military commander",
                "Abu Qasra",
                "he",
                0,
            ),
            p(
                "Mohammed al-Bashir",
                "",
                "Salvation Government head",
                "head of the Idlib-based Salvation Government",
                "Bashir",
                "he",
                0,
            ),
            p(
                "Asaad al-Shaibani",
                "",
                "HTS political official",
                "a senior HTS political official",
                "Shaibani",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "a senior HTS commander",
            "an HTS official",
            "a spokesman for the group's operations room",
        ],
        g_self: &["our fighters", "the mujahideen", "the revolutionaries"],
        s_names: &[
            "the Syrian government",
            "Damascus",
            "Syria's government",
            "President Bashar al-Assad's government",
        ],
        s_adj: "Syrian",
        s_people: &[
            p(
                "Bassam Sabbagh",
                "",
                "Syrian Foreign Minister",
                "Syria's foreign minister",
                "Sabbagh",
                "he",
                0,
            ),
            p(
                "Bashar al-Assad",
                "",
                "Syrian President",
                "Syria's president",
                "Assad",
                "he",
                0,
            ),
            p(
                "Koussay Aldahhak",
                "",
                "Syrian U.N. Ambassador",
                "Syria's ambassador to the United Nations",
                "Aldahhak",
                "he",
                0,
            ),
            p(
                "Mohammad Ghazi al-Jalali",
                "",
                "Syrian Prime Minister",
                "Syria's prime minister",
                "Jalali",
                "he",
                0,
            ),
            p(
                "Bouthaina Shaaban",
                "",
                "presidential adviser",
                "an adviser to Assad",
                "Shaaban",
                "she",
                0,
            ),
        ],
        s_anon: &[
            "a Syrian military source",
            "the Syrian army command",
            "the Syrian Defence Ministry",
        ],
        s_forces: [
            &[
                "government forces",
                "Syrian government forces",
                "Syrian army troops",
                "government troops",
            ],
            &[
                "Syrian Arab Army troops",
                "security forces",
                "Syrian army units",
                "army units",
            ],
            &[
                "regime forces",
                "regime troops",
                "pro-regime militias",
                "Assad's forces",
            ],
        ],
        s_gov: [
            &[
                "Syrian government",
                "Assad government",
                "Damascus government",
            ],
            &[
                "legitimate Syrian government",
                "Syrian state",
                "Syrian leadership",
            ],
            &["Assad regime", "Syrian regime", "Damascus regime"],
        ],
        thirds: &[
            p(
                "Sergei Lavrov",
                "",
                "Russian Foreign Minister",
                "Russia's foreign minister",
                "Lavrov",
                "he",
                -1,
            ),
            p(
                "Dmitry Peskov",
                "",
                "Kremlin spokesman",
                "the Kremlin's spokesman",
                "Peskov",
                "he",
                -1,
            ),
            p(
                "Abbas Araghchi",
                "",
                "Iranian Foreign Minister",
                "Iran's foreign minister",
                "Araghchi",
                "he",
                -1,
            ),
            p(
                "Hakan Fidan",
                "",
                "Turkish Foreign Minister",
                "Turkey's foreign minister",
                "Fidan",
                "he",
                0,
            ),
            p(
                "Recep Tayyip Erdogan",
                "Recep Tayyip Erdoğan",
                "Turkish President",
                "Turkey's president",
                "Erdogan",
                "he",
                0,
            ),
            p(
                "Antony Blinken",
                "",
                "U.S. Secretary of State",
                "the U.S. secretary of state",
                "Blinken",
                "he",
                -1,
            ),
            p(
                "Geir Pedersen",
                "",
                "U.N. special envoy for Syria",
                "the U.N. envoy for Syria",
                "Pedersen",
                "he",
                0,
            ),
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Kaja Kallas",
                "",
                "EU foreign policy chief",
                "the European Union's foreign policy chief",
                "Kallas",
                "she",
                0,
            ),
        ],
        monitors: &[
            "the Syrian Observatory for Human Rights",
            "the Britain-based Syrian Observatory for Human Rights",
            "the Syrian Observatory, a war monitor",
            "the White Helmets rescue service",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "terrorist organizations",
            "terrorist groups",
            "Takfiri terrorists",
            "armed terrorist groups",
            "terrorist elements",
        ],
        qgs: &["terrorist organization", "terror group", "terrorist group"],
        qs: &[
            "the criminal regime",
            "the Assad regime",
            "the regime",
            "the tyrant's army",
        ],
        qsa: &["crimes", "massacres", "oppression", "barrel bombs"],
        qatk: &[
            "terrorist attack",
            "terrorist aggression",
            "terror offensive",
        ],
        islamist: true,
        background: &[
            "Syria's civil war began in 2011, when a crackdown by {S} on pro-democracy protests spiralled into a conflict that has killed more than 300,000 people and displaced millions.",
            "{^G}, formerly known as the Nusra Front, broke ties with al-Qaeda in 2016 and has since run much of Idlib province through its Salvation Government.",
            "Russia and Iran have been the main backers of {S} throughout the war, while Turkey supports some of the armed factions in the north.",
            "The front lines had been largely frozen since a 2020 ceasefire brokered by Moscow and Ankara.",
            "The United States, Russia, Turkey and the United Nations have all designated {G} a terrorist organisation.",
        ],
        topic: &[
            "the offensive in northern Syria",
            "the fighting around Aleppo",
            "the battle for Hama",
            "the renewed war in Syria",
        ],
        years: (2012, 2020),
        real: &[
            include_str!("../samples/syria-2024-12_blinken-fidan-call.txt"),
            include_str!("../samples/syria-2024-12_putin-erdogan-call.txt"),
        ],
    },
    Theme {
        key: "pkk",
        weight: 2,
        datelines: &["ANKARA", "ISTANBUL", "DIYARBAKIR", "ERBIL", "QAMISHLI"],
        capital: "Ankara",
        country: "Turkey",
        regions: &[
            "northern Iraq",
            "northeast Syria",
            "southeastern Turkey",
            "the Qandil mountains",
            "the Iraqi Kurdistan region",
        ],
        places: &[
            "Kobani",
            "Manbij",
            "Qamishli",
            "Hasakah",
            "Tal Abyad",
            "Ras al-Ain",
            "Duhok",
            "Sinjar",
            "Hakkari",
            "Sirnak",
            "Metina",
            "Gara",
        ],
        g_names: &[
            "the PKK",
            "the PKK",
            "the Kurdistan Workers' Party",
            "the Kurdistan Workers Party",
        ],
        g_full: "the Kurdistan Workers' Party (PKK)",
        g_attr: "PKK",
        g_people: &[
            p(
                "Murat Karayilan",
                "Murat Karayılan",
                "PKK military commander",
                "the PKK's military commander",
                "Karayilan",
                "he",
                0,
            ),
            p(
                "Cemil Bayik",
                "Cemil Bayık",
                "PKK co-leader",
                "a co-leader of the group",
                "Bayik",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "a PKK commander in the Qandil mountains",
            "a PKK spokesman",
            "an HPG commander",
        ],
        g_self: &["our guerrillas", "the guerrillas", "our fighters"],
        s_names: &["Turkey", "Ankara", "Türkiye", "the Turkish government"],
        s_adj: "Turkish",
        s_people: &[
            p(
                "Recep Tayyip Erdogan",
                "Recep Tayyip Erdoğan",
                "Turkish President",
                "Turkey's president",
                "Erdogan",
                "he",
                0,
            ),
            p(
                "Hakan Fidan",
                "",
                "Turkish Foreign Minister",
                "Turkey's foreign minister",
                "Fidan",
                "he",
                0,
            ),
            p(
                "Yasar Guler",
                "Yaşar Güler",
                "Defence Minister",
                "Turkey's defence minister",
                "Guler",
                "he",
                0,
            ),
            p(
                "Omer Celik",
                "Ömer Çelik",
                "AK Party spokesman",
                "the spokesman of the ruling AK Party",
                "Celik",
                "he",
                0,
            ),
            p(
                "Oncu Keceli",
                "Öncü Keçeli",
                "Foreign Ministry spokesman",
                "the foreign ministry's spokesman",
                "Keceli",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the Turkish Defence Ministry",
            "a Turkish security source",
            "Turkish military officials",
        ],
        s_forces: [
            &["Turkish forces", "Turkish troops", "Turkish soldiers"],
            &[
                "security forces",
                "Turkish commandos",
                "Turkish Armed Forces units",
            ],
            &[
                "occupation forces",
                "Turkish occupation forces",
                "occupying forces",
                "occupation troops",
            ],
        ],
        s_gov: [
            &["Turkish government", "government in Ankara"],
            &["Turkish state", "legitimate authorities in Ankara"],
            &["Erdogan regime", "Ankara regime", "Turkish regime"],
        ],
        thirds: &[
            p(
                "Antony Blinken",
                "",
                "U.S. Secretary of State",
                "the U.S. secretary of state",
                "Blinken",
                "he",
                0,
            ),
            p(
                "Mazloum Abdi",
                "",
                "SDF commander",
                "the commander of the Syrian Democratic Forces",
                "Abdi",
                "he",
                1,
            ),
            p(
                "Kaja Kallas",
                "",
                "EU foreign policy chief",
                "the European Union's foreign policy chief",
                "Kallas",
                "she",
                0,
            ),
            p(
                "Sergei Lavrov",
                "",
                "Russian Foreign Minister",
                "Russia's foreign minister",
                "Lavrov",
                "he",
                0,
            ),
            p(
                "Devlet Bahceli",
                "Devlet Bahçeli",
                "MHP leader",
                "the leader of Erdogan's nationalist ally MHP",
                "Bahceli",
                "he",
                -1,
            ),
        ],
        monitors: &[
            "local officials",
            "the Kurdish-run Hawar news agency",
            "the Syrian Observatory for Human Rights",
            "security sources",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "separatist terrorists",
            "terrorist organizations",
            "terrorist elements",
            "PKK extensions",
        ],
        qgs: &[
            "terrorist organization",
            "separatist terrorist organization",
            "terror organization",
        ],
        qs: &[
            "the Turkish occupation",
            "the occupation army",
            "the fascist Turkish state",
        ],
        qsa: &["aggression", "occupation", "massacres", "war crimes"],
        qatk: &["terrorist attack", "terror attack"],
        islamist: false,
        background: &[
            "{^G}, which took up arms against the Turkish state in 1984, is designated a terrorist group by Turkey, the United States and the European Union. More than 40,000 people have been killed in the conflict.",
            "Ankara regards the YPG, the main component of the U.S.-backed Syrian Democratic Forces, as an extension of {G}.",
            "Jailed PKK founder Abdullah Öcalan has been held on İmralı island since 1999.",
            "Turkey has carried out several cross-border operations in northern Syria since 2016 and maintains dozens of bases in northern Iraq.",
        ],
        topic: &[
            "the conflict with the PKK",
            "Turkey's cross-border operations",
            "the Kurdish question",
        ],
        years: (2015, 2022),
        real: &[include_str!("../tests/fixtures/wire/a08_anadolu_pkk.txt")],
    },
    Theme {
        key: "gaza",
        weight: 3,
        datelines: &["GAZA", "JERUSALEM", "CAIRO", "DOHA", "TEL AVIV"],
        capital: "Jerusalem",
        country: "Gaza",
        regions: &[
            "the Gaza Strip",
            "northern Gaza",
            "southern Gaza",
            "central Gaza",
        ],
        places: &[
            "Khan Younis",
            "Rafah",
            "Jabalia",
            "Deir al-Balah",
            "Beit Hanoun",
            "Nuseirat",
            "Gaza City",
            "Beit Lahiya",
            "al-Mawasi",
            "Bureij",
            "Shejaiya",
        ],
        g_names: &["Hamas", "Hamas", "Hamas", "the Islamic Resistance Movement"],
        g_full: "Hamas",
        g_attr: "Hamas",
        g_people: &[
            p(
                "Khalil al-Hayya",
                "Khalil al-Hayya (خليل الحية)",
                "Hamas chief negotiator",
                "Hamas's chief negotiator",
                "Hayya",
                "he",
                0,
            ),
            p(
                "Osama Hamdan",
                "",
                "senior Hamas official",
                "a senior Hamas official in Beirut",
                "Hamdan",
                "he",
                0,
            ),
            p(
                "Mousa Abu Marzouk",
                "",
                "Hamas politburo member",
                "a member of Hamas's political bureau",
                "Abu Marzouk",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "a Hamas official",
            "a Qassam Brigades commander",
            "a senior Hamas source",
        ],
        g_self: &["the resistance", "our fighters", "the mujahideen"],
        s_names: &["Israel", "the Israeli military", "Israel's government"],
        s_adj: "Israeli",
        s_people: &[
            p(
                "Benjamin Netanyahu",
                "",
                "Israeli Prime Minister",
                "Israel's prime minister",
                "Netanyahu",
                "he",
                0,
            ),
            p(
                "Israel Katz",
                "",
                "Israeli Defence Minister",
                "Israel's defence minister",
                "Katz",
                "he",
                0,
            ),
            p(
                "Daniel Hagari",
                "",
                "military spokesman Rear Admiral",
                "the Israeli military's chief spokesman",
                "Hagari",
                "he",
                0,
            ),
            p(
                "Gideon Saar",
                "Gideon Sa'ar",
                "Israeli Foreign Minister",
                "Israel's foreign minister",
                "Saar",
                "he",
                0,
            ),
            p(
                "Danny Danon",
                "",
                "Israeli U.N. Ambassador",
                "Israel's ambassador to the United Nations",
                "Danon",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the Israeli military",
            "an Israeli military official",
            "an Israeli security official",
        ],
        s_forces: [
            &["Israeli forces", "Israeli troops", "Israeli soldiers"],
            &["IDF troops", "Israeli security forces", "IDF soldiers"],
            &[
                "occupation forces",
                "Israeli occupation forces",
                "occupation troops",
                "occupying forces",
            ],
        ],
        s_gov: [
            &["Israeli government", "Netanyahu government"],
            &["State of Israel", "Israeli leadership"],
            &["occupation government", "Israeli regime"],
        ],
        thirds: &[
            p(
                "Antony Blinken",
                "",
                "U.S. Secretary of State",
                "the U.S. secretary of state",
                "Blinken",
                "he",
                -1,
            ),
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Tom Fletcher",
                "",
                "U.N. humanitarian chief",
                "the U.N.'s humanitarian chief",
                "Fletcher",
                "he",
                0,
            ),
            p(
                "Majed al-Ansari",
                "",
                "Qatari Foreign Ministry spokesman",
                "the spokesman of Qatar's foreign ministry",
                "Ansari",
                "he",
                0,
            ),
            p(
                "Volker Türk",
                "",
                "U.N. human rights chief",
                "the U.N. human rights chief",
                "Türk",
                "he",
                0,
            ),
            p(
                "Jake Sullivan",
                "",
                "U.S. National Security Adviser",
                "the White House national security adviser",
                "Sullivan",
                "he",
                -1,
            ),
        ],
        monitors: &[
            "the Gaza health ministry",
            "Gaza's health ministry",
            "Palestinian health officials",
            "the Palestinian Civil Defence",
        ],
        monitors_alt: &[
            "the Hamas-run health ministry",
            "the Hamas-run Gaza health ministry",
        ],
        qg: &[
            "terrorists",
            "Hamas terrorists",
            "terror operatives",
            "terrorist operatives",
            "terror cells",
        ],
        qgs: &[
            "terrorist organization",
            "terror organization",
            "terror group",
        ],
        qs: &[
            "the occupation",
            "the Zionist enemy",
            "the occupation army",
            "the Zionist entity",
        ],
        qsa: &[
            "genocide",
            "massacres",
            "aggression",
            "war crimes",
            "collective punishment",
        ],
        qatk: &["terror attack", "terrorist attack", "massacre"],
        islamist: true,
        background: &[
            "The war began on October 7, 2023, when Hamas-led gunmen attacked southern Israel, killing about 1,200 people and taking 251 hostages, according to Israeli tallies.",
            "Israel's military campaign in Gaza has since killed more than 40,000 Palestinians, according to {monitor}, and displaced nearly all of the enclave's 2.3 million people.",
            "Egypt, Qatar and the United States have spent months trying to broker a ceasefire and the release of the remaining hostages.",
            "Much of Gaza lies in ruins, and U.N. agencies have warned of famine in the north of the enclave.",
        ],
        topic: &[
            "the war in Gaza",
            "the ceasefire talks",
            "the hostage negotiations",
        ],
        years: (2007, 2021),
        real: &[
            include_str!("../tests/fixtures/wire/a01_ap_gaza.txt"),
            include_str!("../tests/fixtures/wire/a02_aljazeera_jenin.txt"),
        ],
    },
    Theme {
        key: "lebanon",
        weight: 2,
        datelines: &["BEIRUT", "JERUSALEM", "TYRE", "SIDON"],
        capital: "Jerusalem",
        country: "Lebanon",
        regions: &[
            "southern Lebanon",
            "the Bekaa Valley",
            "Beirut's southern suburbs",
            "northern Israel",
        ],
        places: &[
            "Tyre",
            "Nabatieh",
            "Bint Jbeil",
            "Khiam",
            "Marjayoun",
            "Baalbek",
            "Sidon",
            "Dahiyeh",
            "Kiryat Shmona",
            "Metula",
            "Naqoura",
        ],
        g_names: &[
            "Hezbollah",
            "Hezbollah",
            "Iran-backed Hezbollah",
            "Lebanon's Hezbollah",
        ],
        g_full: "Hezbollah",
        g_attr: "Hezbollah",
        g_people: &[
            p(
                "Naim Qassem",
                "Naim Qassem (نعيم قاسم)",
                "Hezbollah Secretary-General",
                "Hezbollah's secretary-general",
                "Qassem",
                "he",
                0,
            ),
            p(
                "Hassan Nasrallah",
                "",
                "Hezbollah leader",
                "the group's longtime leader",
                "Nasrallah",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "a Hezbollah official",
            "a source close to Hezbollah",
            "Hezbollah's media office",
        ],
        g_self: &["the resistance", "the Islamic Resistance", "our fighters"],
        s_names: &["Israel", "the Israeli military", "Israel's government"],
        s_adj: "Israeli",
        s_people: &[
            p(
                "Benjamin Netanyahu",
                "",
                "Israeli Prime Minister",
                "Israel's prime minister",
                "Netanyahu",
                "he",
                0,
            ),
            p(
                "Yoav Gallant",
                "",
                "Israeli Defence Minister",
                "Israel's defence minister",
                "Gallant",
                "he",
                0,
            ),
            p(
                "Herzi Halevi",
                "",
                "military chief Lieutenant General",
                "the Israeli military's chief of staff",
                "Halevi",
                "he",
                0,
            ),
            p(
                "Daniel Hagari",
                "",
                "military spokesman Rear Admiral",
                "the Israeli military's chief spokesman",
                "Hagari",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the Israeli military",
            "an Israeli military official",
            "Israel's Northern Command",
        ],
        s_forces: [
            &["Israeli forces", "Israeli troops", "Israeli soldiers"],
            &["IDF troops", "Israeli security forces", "IDF soldiers"],
            &[
                "occupation forces",
                "occupation troops",
                "Israeli occupation forces",
            ],
        ],
        s_gov: [
            &["Israeli government", "Netanyahu government"],
            &["State of Israel", "Israeli leadership"],
            &["Israeli regime", "occupation government"],
        ],
        thirds: &[
            p(
                "Najib Mikati",
                "",
                "Lebanese caretaker Prime Minister",
                "Lebanon's caretaker prime minister",
                "Mikati",
                "he",
                0,
            ),
            p(
                "Joseph Aoun",
                "",
                "Lebanese army chief",
                "the commander of the Lebanese army",
                "Aoun",
                "he",
                0,
            ),
            p(
                "Abbas Araghchi",
                "",
                "Iranian Foreign Minister",
                "Iran's foreign minister",
                "Araghchi",
                "he",
                1,
            ),
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Jean-Noel Barrot",
                "Jean-Noël Barrot",
                "French Foreign Minister",
                "France's foreign minister",
                "Barrot",
                "he",
                0,
            ),
            p(
                "John Kirby",
                "",
                "White House spokesman",
                "the White House national security spokesman",
                "Kirby",
                "he",
                -1,
            ),
        ],
        monitors: &[
            "Lebanon's health ministry",
            "the Lebanese health ministry",
            "Lebanese security sources",
            "the state-run National News Agency",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "terror operatives",
            "terrorist infrastructure",
            "terrorist army",
        ],
        qgs: &[
            "terrorist organization",
            "terror organization",
            "terrorist army",
        ],
        qs: &["the Zionist enemy", "the enemy", "the occupation"],
        qsa: &["aggression", "massacres", "crimes"],
        qatk: &["terror attack", "terrorist attack"],
        islamist: false,
        background: &[
            "Hezbollah began firing at Israeli positions on October 8, 2023, a day after the Hamas attack on southern Israel, in what it called a support front for Gaza.",
            "The fighting has displaced more than a million people in Lebanon and tens of thousands in northern Israel.",
            "A 2006 U.N. resolution, 1701, calls for the area south of the Litani River to be free of any armed personnel other than the Lebanese army and U.N. peacekeepers.",
            "{^G}, founded in 1982 with Iranian support, is both an armed group and a political party with seats in Lebanon's parliament.",
        ],
        topic: &[
            "the war in Lebanon",
            "the fighting on the Lebanese border",
            "ceasefire efforts in Lebanon",
        ],
        years: (2006, 2019),
        real: &[
            include_str!("../tests/fixtures/wire/a03_fox_hezbollah.txt"),
            include_str!("../tests/fixtures/wire/a12_guardian_lebanon.txt"),
        ],
    },
    Theme {
        key: "redsea",
        weight: 2,
        datelines: &["DUBAI", "SANAA", "ADEN", "RIYADH", "WASHINGTON"],
        capital: "Washington",
        country: "Yemen",
        regions: &[
            "the Red Sea",
            "the Gulf of Aden",
            "northern Yemen",
            "the Bab el-Mandeb strait",
        ],
        places: &[
            "Hodeidah", "Sanaa", "Saada", "Ras Isa", "Mokha", "Marib", "Taiz", "Salif", "Dhamar",
        ],
        g_names: &[
            "the Houthis",
            "Yemen's Houthis",
            "the Iran-aligned Houthis",
            "Ansar Allah",
        ],
        g_full: "the Houthi movement, Ansar Allah,",
        g_attr: "Houthi",
        g_people: &[
            p(
                "Yahya Saree",
                "",
                "Houthi military spokesman",
                "the Houthis' military spokesman",
                "Saree",
                "he",
                0,
            ),
            p(
                "Mohammed Abdulsalam",
                "",
                "Houthi spokesman",
                "the Houthis' chief negotiator and spokesman",
                "Abdulsalam",
                "he",
                0,
            ),
            p(
                "Abdul-Malik al-Houthi",
                "Abdul-Malik al-Houthi (عبد الملك الحوثي)",
                "Houthi leader",
                "the movement's leader",
                "al-Houthi",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "a Houthi official",
            "a Houthi military source",
            "a Houthi commander",
        ],
        g_self: &[
            "our armed forces",
            "the Yemeni armed forces",
            "our naval forces",
        ],
        s_names: &["the United States", "Washington", "the U.S. military"],
        s_adj: "U.S.",
        s_people: &[
            p(
                "Lloyd Austin",
                "",
                "U.S. Defense Secretary",
                "the U.S. defense secretary",
                "Austin",
                "he",
                0,
            ),
            p(
                "Pete Hegseth",
                "",
                "U.S. Defense Secretary",
                "the U.S. defense secretary",
                "Hegseth",
                "he",
                0,
            ),
            p(
                "John Kirby",
                "",
                "White House spokesman",
                "the White House national security spokesman",
                "Kirby",
                "he",
                0,
            ),
            p(
                "Matthew Miller",
                "",
                "State Department spokesperson",
                "the State Department's spokesperson",
                "Miller",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "U.S. Central Command",
            "a U.S. defense official",
            "the Pentagon",
        ],
        s_forces: [
            &["U.S. forces", "U.S. warships", "U.S. aircraft"],
            &[
                "coalition forces",
                "U.S. Central Command forces",
                "allied navies",
            ],
            &["American aggressors", "U.S. invaders", "aggressor forces"],
        ],
        s_gov: [
            &["U.S. administration", "Biden administration"],
            &["U.S. administration", "allied governments"],
            &["American imperialists", "U.S. warmongers"],
        ],
        thirds: &[
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Rashad al-Alimi",
                "",
                "Presidential Leadership Council head",
                "the head of Yemen's Presidential Leadership Council",
                "Alimi",
                "he",
                -1,
            ),
            p(
                "Abbas Araghchi",
                "",
                "Iranian Foreign Minister",
                "Iran's foreign minister",
                "Araghchi",
                "he",
                1,
            ),
            p(
                "Faisal bin Farhan",
                "",
                "Saudi Foreign Minister Prince",
                "Saudi Arabia's foreign minister",
                "bin Farhan",
                "he",
                0,
            ),
            p(
                "David Lammy",
                "",
                "British Foreign Secretary",
                "Britain's foreign secretary",
                "Lammy",
                "he",
                -1,
            ),
        ],
        monitors: &[
            "the British maritime agency UKMTO",
            "the maritime security firm Ambrey",
            "the Houthi-run health ministry",
            "shipping sources",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "pirates",
            "terrorist organizations",
            "Iranian proxies",
        ],
        qgs: &[
            "terrorist organization",
            "Foreign Terrorist Organization",
            "terror group",
        ],
        qs: &[
            "the American enemy",
            "the Zionist enemy",
            "the American-British aggression",
        ],
        qsa: &["aggression", "crimes", "piracy"],
        qatk: &["terrorist attack", "act of piracy"],
        islamist: false,
        background: &[
            "{^G}, who control most of Yemen's populous north including the capital Sanaa, have attacked more than 100 merchant ships since November 2023 in what they say is solidarity with Palestinians in Gaza.",
            "Shipping through the Suez Canal has fallen by more than half since the attacks began, forcing companies to reroute vessels around Africa's Cape of Good Hope.",
            "The United States re-designated the group a Foreign Terrorist Organization, reversing a 2021 decision taken over concerns it would hamper aid deliveries.",
            "Yemen's war, which began in 2014, has killed hundreds of thousands of people and left millions dependent on aid.",
        ],
        topic: &[
            "attacks on Red Sea shipping",
            "the U.S. strikes on Yemen",
            "the crisis in the Red Sea",
        ],
        years: (2014, 2021),
        real: &[include_str!(
            "../tests/fixtures/wire/a05_reuters_redsea.txt"
        )],
    },
    Theme {
        key: "sudan",
        weight: 1,
        datelines: &["KHARTOUM", "PORT SUDAN", "NAIROBI", "CAIRO"],
        capital: "Port Sudan",
        country: "Sudan",
        regions: &[
            "Darfur",
            "North Darfur",
            "Khartoum state",
            "Gezira state",
            "North Kordofan",
        ],
        places: &[
            "El Fasher",
            "Omdurman",
            "Wad Madani",
            "Nyala",
            "El Geneina",
            "Zamzam camp",
            "Sennar",
            "Bahri",
            "El Obeid",
        ],
        g_names: &["the RSF", "the Rapid Support Forces", "the RSF"],
        g_full: "the Rapid Support Forces (RSF)",
        g_attr: "RSF",
        g_people: &[
            p(
                "Mohamed Hamdan Dagalo",
                "",
                "RSF commander",
                "the RSF commander known as Hemedti",
                "Dagalo",
                "he",
                0,
            ),
            p(
                "Abdel Rahim Hamdan Dagalo",
                "",
                "RSF deputy commander",
                "the RSF's deputy commander",
                "Abdel Rahim",
                "he",
                0,
            ),
        ],
        g_anon: &[
            "an RSF adviser",
            "an RSF spokesman",
            "an RSF field commander",
        ],
        g_self: &["our forces", "our fighters"],
        s_names: &["the Sudanese army", "Sudan's army", "the army"],
        s_adj: "army",
        s_people: &[
            p(
                "Abdel Fattah al-Burhan",
                "",
                "army chief General",
                "Sudan's army chief and de facto head of state",
                "Burhan",
                "he",
                0,
            ),
            p(
                "Yasser al-Atta",
                "",
                "army commander",
                "a senior army commander",
                "Atta",
                "he",
                0,
            ),
            p(
                "Nabil Abdallah",
                "",
                "army spokesman Brigadier General",
                "the army's spokesman",
                "Abdallah",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the Sudanese army",
            "a military source",
            "the army's media office",
        ],
        s_forces: [
            &["army troops", "Sudanese army forces", "army soldiers"],
            &[
                "Sudanese Armed Forces units",
                "national army troops",
                "army troops",
            ],
            &["Burhan's militias", "army militias", "junta forces"],
        ],
        s_gov: [
            &["army-led government", "Sovereignty Council"],
            &["legitimate government", "Transitional Sovereignty Council"],
            &["Port Sudan junta", "military junta"],
        ],
        thirds: &[
            p(
                "Tom Fletcher",
                "",
                "U.N. humanitarian chief",
                "the U.N.'s humanitarian chief",
                "Fletcher",
                "he",
                0,
            ),
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Antony Blinken",
                "",
                "U.S. Secretary of State",
                "the U.S. secretary of state",
                "Blinken",
                "he",
                -1,
            ),
            p(
                "Anwar Gargash",
                "",
                "Emirati presidential adviser",
                "a diplomatic adviser to the UAE president",
                "Gargash",
                "he",
                0,
            ),
        ],
        monitors: &[
            "local activists",
            "the Sudan Doctors Network",
            "the Emergency Lawyers group",
            "medical sources",
        ],
        monitors_alt: &[],
        qg: &[
            "Janjaweed militias",
            "terrorist militias",
            "mercenaries",
            "rebels",
            "criminals",
        ],
        qgs: &["terrorist militia", "rebel militia", "mercenary force"],
        qs: &[
            "the Burhan junta",
            "the Islamist remnants",
            "the army of the former regime",
        ],
        qsa: &["aggression", "crimes", "bombardment"],
        qatk: &["terrorist attack", "massacre"],
        islamist: false,
        background: &[
            "War broke out in April 2023 between the army and {G} over plans to integrate the two forces, shattering a transition to civilian rule.",
            "The conflict has driven more than 12 million people from their homes, creating what the United Nations calls the world's largest displacement crisis.",
            "The United States has said members of {G} committed genocide in Darfur, which the group denies.",
        ],
        topic: &[
            "the war in Sudan",
            "the siege of El Fasher",
            "the fighting in Darfur",
        ],
        years: (2013, 2021),
        real: &[include_str!(
            "../tests/fixtures/wire/a09_aljazeera_sudan.txt"
        )],
    },
    Theme {
        key: "sahel",
        weight: 1,
        datelines: &["BAMAKO", "DAKAR", "NIAMEY", "OUAGADOUGOU"],
        capital: "Bamako",
        country: "Mali",
        regions: &[
            "central Mali",
            "northern Mali",
            "the Sahel",
            "the tri-border area",
        ],
        places: &[
            "Timbuktu",
            "Gao",
            "Mopti",
            "Kidal",
            "Menaka",
            "Segou",
            "Djenne",
            "Boni",
            "Kati",
            "Nioro du Sahel",
        ],
        g_names: &[
            "JNIM",
            "the al-Qaeda-linked group JNIM",
            "Jama'at Nusrat al-Islam wal-Muslimin",
        ],
        g_full: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)",
        g_attr: "JNIM",
        g_people: &[p(
            "Iyad Ag Ghaly",
            "",
            "JNIM leader",
            "the group's leader",
            "Ag Ghaly",
            "he",
            0,
        )],
        g_anon: &[
            "a JNIM spokesman",
            "a JNIM official",
            "a local JNIM commander",
        ],
        g_self: &["the mujahideen", "our fighters"],
        s_names: &["Mali's military government", "the Malian army", "Bamako"],
        s_adj: "Malian",
        s_people: &[
            p(
                "Assimi Goita",
                "Assimi Goïta",
                "interim President Colonel",
                "Mali's interim president",
                "Goita",
                "he",
                0,
            ),
            p(
                "Souleymane Dembele",
                "Souleymane Dembélé",
                "army spokesman Colonel",
                "the army's spokesman",
                "Dembele",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the Malian army",
            "the army's general staff",
            "a Malian security source",
        ],
        s_forces: [
            &["Malian troops", "Malian army soldiers", "Malian soldiers"],
            &["Malian Armed Forces units", "FAMa units", "security forces"],
            &[
                "junta forces",
                "junta troops",
                "junta soldiers and their mercenaries",
            ],
        ],
        s_gov: [
            &["military government", "Malian authorities"],
            &["transitional government", "transitional authorities"],
            &["junta", "Bamako junta"],
        ],
        thirds: &[
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Emmanuel Macron",
                "",
                "French President",
                "France's president",
                "Macron",
                "he",
                -1,
            ),
            p(
                "Sergei Lavrov",
                "",
                "Russian Foreign Minister",
                "Russia's foreign minister",
                "Lavrov",
                "he",
                -1,
            ),
            p(
                "Volker Türk",
                "",
                "U.N. human rights chief",
                "the U.N. human rights chief",
                "Türk",
                "he",
                0,
            ),
        ],
        monitors: &[
            "local officials",
            "security sources",
            "Human Rights Watch",
            "residents reached by phone",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "armed terrorist groups",
            "terrorist groups",
            "jihadist terrorists",
        ],
        qgs: &["terrorist group", "terrorist organization"],
        qs: &[
            "the junta",
            "the putschists",
            "the junta and its mercenaries",
        ],
        qsa: &["crimes", "massacres"],
        qatk: &["terrorist attack", "cowardly terrorist attack"],
        islamist: true,
        background: &[
            "Mali has been fighting jihadist insurgencies since 2012, when the groups hijacked a Tuareg rebellion in the north.",
            "The military, which seized power in coups in 2020 and 2021, expelled French troops and turned to Russian mercenaries of the Wagner Group, now rebranded as the Africa Corps.",
            "Thousands of civilians have been killed across the Sahel, and millions displaced, as the violence has spread towards coastal West Africa.",
        ],
        topic: &[
            "the insurgency in the Sahel",
            "the security crisis in Mali",
            "the blockade of Timbuktu",
        ],
        years: (2012, 2021),
        real: &[include_str!("../tests/fixtures/wire/a07_guardian_mali.txt")],
    },
    Theme {
        key: "myanmar",
        weight: 1,
        datelines: &["YANGON", "BANGKOK", "SITTWE", "MANDALAY"],
        capital: "Naypyitaw",
        country: "Myanmar",
        regions: &[
            "Rakhine state",
            "Sagaing region",
            "northern Shan state",
            "Chin state",
        ],
        places: &[
            "Sittwe",
            "Kyaukphyu",
            "Lashio",
            "Myawaddy",
            "Mandalay",
            "Paletwa",
            "Maungdaw",
            "Thandwe",
            "Ann",
            "Buthidaung",
        ],
        g_names: &[
            "the Arakan Army",
            "the Arakan Army",
            "the ethnic Arakan Army",
        ],
        g_full: "the Arakan Army (AA)",
        g_attr: "Arakan Army",
        g_people: &[
            p(
                "Twan Mrat Naing",
                "",
                "Arakan Army commander-in-chief",
                "the commander-in-chief of the Arakan Army",
                "Twan Mrat Naing",
                "he",
                0,
            ),
            p(
                "Khine Thu Kha",
                "",
                "Arakan Army spokesman",
                "the Arakan Army's spokesman",
                "Khine Thu Kha",
                "he",
                0,
            ),
        ],
        g_anon: &["an Arakan Army officer", "an Arakan Army spokesman"],
        g_self: &["our revolutionary forces", "our fighters"],
        s_names: &[
            "Myanmar's military",
            "the military government",
            "the Myanmar army",
        ],
        s_adj: "military",
        s_people: &[
            p(
                "Min Aung Hlaing",
                "",
                "military leader Senior General",
                "Myanmar's military leader",
                "Min Aung Hlaing",
                "he",
                0,
            ),
            p(
                "Zaw Min Tun",
                "",
                "military spokesman Major General",
                "the military government's spokesman",
                "Zaw Min Tun",
                "he",
                0,
            ),
        ],
        s_anon: &[
            "the military government",
            "a military spokesman",
            "the military's information team",
        ],
        s_forces: [
            &[
                "military troops",
                "government forces",
                "Myanmar army soldiers",
            ],
            &["Tatmadaw troops", "security forces", "army columns"],
            &["junta troops", "junta forces", "military junta troops"],
        ],
        s_gov: [
            &["military government", "State Administration Council"],
            &["State Administration Council", "union government"],
            &["military junta", "junta"],
        ],
        thirds: &[
            p(
                "Wang Yi",
                "",
                "Chinese Foreign Minister",
                "China's foreign minister",
                "Wang",
                "he",
                0,
            ),
            p(
                "Antonio Guterres",
                "António Guterres",
                "U.N. Secretary-General",
                "the U.N. secretary-general",
                "Guterres",
                "he",
                0,
            ),
            p(
                "Kyaw Moe Tun",
                "",
                "NUG-aligned U.N. envoy",
                "Myanmar's U.N. ambassador, who represents the ousted civilian government",
                "Kyaw Moe Tun",
                "he",
                1,
            ),
            p(
                "Volker Türk",
                "",
                "U.N. human rights chief",
                "the U.N. human rights chief",
                "Türk",
                "he",
                0,
            ),
        ],
        monitors: &[
            "the Assistance Association for Political Prisoners",
            "local residents",
            "independent media outlets",
            "aid workers",
        ],
        monitors_alt: &[],
        qg: &[
            "terrorists",
            "insurgents",
            "terrorist groups",
            "destructive elements",
        ],
        qgs: &["terrorist group", "insurgent group"],
        qs: &[
            "the military dictatorship",
            "the fascist junta",
            "the junta",
        ],
        qsa: &["atrocities", "war crimes", "indiscriminate bombing"],
        qatk: &["terrorist attack", "terror attack"],
        islamist: false,
        background: &[
            "Myanmar has been in turmoil since the military seized power in a February 2021 coup, ousting the elected government of Aung San Suu Kyi.",
            "An alliance of ethnic armed groups launched an offensive in October 2023 that has seized dozens of towns and hundreds of military posts.",
            "More than three million people have been displaced across the country, according to the United Nations.",
        ],
        topic: &[
            "the civil war in Myanmar",
            "the fighting in Rakhine",
            "the post-coup conflict",
        ],
        years: (2009, 2021),
        real: &[include_str!(
            "../tests/fixtures/wire/a10_irrawaddy_myanmar.txt"
        )],
    },
];

type W = &'static [(&'static str, u32)];

struct Profile {
    name: &'static str,
    outlet: &'static str,
    tag: &'static str,
    /// Weights of the neutral, friendly and hostile own-voice names for the state side.
    views: [u32; 3],
    plural: W,
    coll: W,
    /// Extra group labels used only when the group is Islamist.
    islamist_plural: W,
    islamist_coll: W,
    /// Weights of paragraph kinds: narration, state quote, group quote, reported, according,
    /// third party, hedged, humanitarian, background.
    kinds: [u32; 9],
    /// Verbs for speakers of each side: (state side, group side).
    verbs_state: W,
    verbs_group: W,
    curly: f64,
}

const SAY_NEUTRAL: W = &[
    ("said", 14),
    ("told reporters", 2),
    ("added", 1),
    ("noted", 1),
    ("warned", 1),
];
const SAY_FAVOUR: W = &[
    ("said", 6),
    ("stressed", 3),
    ("affirmed", 2),
    ("noted", 1),
    ("explained", 1),
];
const SAY_DOUBT: W = &[
    ("claimed", 5),
    ("said", 3),
    ("insisted", 2),
    ("alleged", 1),
    ("maintained", 1),
];
const SAY_HEDGE: W = &[
    ("said", 6),
    ("claimed", 2),
    ("insisted", 2),
    ("argued", 1),
    ("acknowledged", 1),
    ("maintained", 1),
];

static PROFILES: &[Profile] = &[
    Profile {
        name: "wire",
        outlet: "Meridian Wire",
        tag: "Meridian",
        views: [1, 0, 0],
        plural: &[("militants", 5), ("fighters", 4), ("insurgents", 1)],
        coll: &[("militant group", 4), ("armed group", 3)],
        islamist_plural: &[("Islamist militants", 1)],
        islamist_coll: &[("Islamist group", 1)],
        kinds: [30, 10, 8, 12, 8, 10, 2, 8, 8],
        verbs_state: SAY_NEUTRAL,
        verbs_group: SAY_NEUTRAL,
        curly: 0.2,
    },
    Profile {
        name: "statetv",
        outlet: "State Television",
        tag: "STV",
        views: [1, 6, 0],
        plural: &[
            ("terrorists", 6),
            ("terrorist elements", 2),
            ("terror operatives", 1),
        ],
        coll: &[
            ("terrorist organization", 4),
            ("terror group", 3),
            ("terrorist group", 2),
        ],
        islamist_plural: &[],
        islamist_coll: &[],
        kinds: [40, 12, 3, 8, 6, 8, 1, 6, 8],
        verbs_state: SAY_FAVOUR,
        verbs_group: SAY_DOUBT,
        curly: 0.8,
    },
    Profile {
        name: "partisan",
        outlet: "The Partisan",
        tag: "The Partisan",
        views: [1, 0, 4],
        plural: &[
            ("rebels", 5),
            ("rebel fighters", 3),
            ("opposition fighters", 2),
        ],
        coll: &[
            ("rebel group", 3),
            ("opposition group", 2),
            ("armed opposition group", 1),
        ],
        islamist_plural: &[],
        islamist_coll: &[],
        kinds: [34, 6, 12, 10, 6, 6, 3, 10, 8],
        verbs_state: SAY_DOUBT,
        verbs_group: SAY_FAVOUR,
        curly: 0.6,
    },
    Profile {
        name: "broadsheet",
        outlet: "The Broadsheet",
        tag: "Broadsheet",
        views: [7, 0, 3],
        plural: &[("militants", 3), ("rebels", 2), ("fighters", 2)],
        coll: &[
            ("militant group", 2),
            ("rebel group", 1),
            ("armed group", 1),
        ],
        islamist_plural: &[("jihadists", 1), ("Islamist militants", 2)],
        islamist_coll: &[("jihadist group", 1), ("Islamist militant group", 1)],
        kinds: [18, 16, 12, 16, 8, 14, 8, 6, 6],
        verbs_state: SAY_HEDGE,
        verbs_group: SAY_HEDGE,
        curly: 0.9,
    },
    Profile {
        name: "tabloid",
        outlet: "Daily Bulletin",
        tag: "Bulletin",
        views: [4, 6, 0],
        plural: &[("extremists", 3), ("terrorists", 2), ("gunmen", 2)],
        coll: &[("terror group", 3), ("terror outfit", 1)],
        islamist_plural: &[("jihadists", 2)],
        islamist_coll: &[("jihadist group", 1)],
        kinds: [36, 12, 4, 8, 6, 8, 2, 8, 6],
        verbs_state: SAY_FAVOUR,
        verbs_group: SAY_DOUBT,
        curly: 0.3,
    },
    Profile {
        name: "regional",
        outlet: "Regional Times",
        tag: "Regional Times",
        views: [6, 0, 4],
        plural: &[
            ("insurgents", 4),
            ("insurgent fighters", 2),
            ("combatants", 1),
        ],
        coll: &[("insurgent group", 3), ("armed faction", 2)],
        islamist_plural: &[],
        islamist_coll: &[],
        kinds: [30, 10, 10, 12, 8, 8, 3, 8, 8],
        verbs_state: SAY_NEUTRAL,
        verbs_group: SAY_NEUTRAL,
        curly: 0.5,
    },
    Profile {
        name: "agency",
        outlet: "Continental Press",
        tag: "CP",
        views: [9, 1, 0],
        plural: &[("militiamen", 3), ("gunmen", 2), ("fighters", 2)],
        coll: &[("militia", 4), ("armed group", 2)],
        islamist_plural: &[],
        islamist_coll: &[],
        kinds: [30, 10, 8, 12, 10, 10, 2, 8, 8],
        verbs_state: SAY_NEUTRAL,
        verbs_group: SAY_NEUTRAL,
        curly: 0.1,
    },
    Profile {
        name: "weekly",
        outlet: "The Weekly Review",
        tag: "Weekly Review",
        views: [5, 0, 5],
        plural: &[
            ("guerrillas", 3),
            ("guerrilla fighters", 2),
            ("irregulars", 1),
        ],
        coll: &[("guerrilla movement", 2), ("insurgency", 1)],
        islamist_plural: &[],
        islamist_coll: &[],
        kinds: [28, 10, 12, 12, 6, 10, 6, 8, 8],
        verbs_state: SAY_DOUBT,
        verbs_group: SAY_FAVOUR,
        curly: 0.7,
    },
];

/// Theme-specific own-voice labels for the group, overriding the profile's.
fn group_override(profile: &str, theme: &str) -> Option<(W, W)> {
    Some(match (profile, theme) {
        ("partisan", "gaza" | "lebanon") => (
            &[("resistance fighters", 5), ("fighters", 2)],
            &[("resistance movement", 4), ("resistance group", 2)],
        ),
        ("partisan", "pkk") => (
            &[("guerrillas", 4), ("fighters", 2)],
            &[("guerrilla movement", 2), ("armed movement", 1)],
        ),
        ("partisan", "myanmar") => (
            &[
                ("resistance fighters", 3),
                ("revolutionary forces", 2),
                ("rebels", 2),
            ],
            &[("resistance group", 2), ("rebel group", 2)],
        ),
        ("partisan", "redsea") => (
            &[("fighters", 3), ("resistance fighters", 2)],
            &[("resistance movement", 2)],
        ),
        ("partisan", "sudan") => (
            &[("fighters", 4), ("paramilitaries", 2)],
            &[("paramilitary force", 3)],
        ),
        ("statetv", "pkk") => (
            &[("terrorists", 5), ("separatist terrorists", 3)],
            &[
                ("terrorist organization", 3),
                ("separatist terrorist organization", 2),
            ],
        ),
        ("statetv", "sudan") => (
            &[("terrorist militias", 3), ("rebels", 2), ("mercenaries", 2)],
            &[("terrorist militia", 3), ("rebel militia", 2)],
        ),
        ("wire" | "broadsheet" | "agency", "sudan") => (
            &[("paramilitaries", 4), ("fighters", 3)],
            &[("paramilitary group", 4), ("paramilitary force", 1)],
        ),
        _ => return None,
    })
}

const SACT: [&[&str]; 3] = [
    &[
        "an offensive",
        "a military campaign",
        "an air campaign",
        "a counteroffensive",
        "a ground assault",
    ],
    &[
        "a counter-terrorism operation",
        "a security operation",
        "a clearance operation",
        "an anti-terror operation",
        "a campaign of precision strikes",
    ],
    &[
        "a campaign of aggression",
        "a brutal crackdown",
        "an indiscriminate bombardment",
        "a scorched-earth campaign",
        "a war of aggression",
    ],
];
const SKILL: [&[&str]; 3] = [
    &["killed"],
    &["neutralized", "eliminated", "killed"],
    &["killed"],
];
/// Own-voice names of the group's attacks: neutral, friendly-to-state, hostile-to-state view.
const GACT: [&[&str]; 3] = [
    &["an offensive", "an assault", "an attack", "an advance"],
    &[
        "a terror offensive",
        "a terrorist aggression",
        "a terror attack",
        "a terrorist attack",
    ],
    &[
        "a liberation campaign",
        "a counteroffensive",
        "an operation",
        "a lightning offensive",
    ],
];

// ------------------------------------------------------------------------------------------
// Templates. Slots: {KEY}; {^KEY} capitalises the first letter. See `Gen::slot` for keys.
// ------------------------------------------------------------------------------------------

const HEADLINES: &[&str] = &[
    "{^Ga} {gl} push toward {place} as {sf} regroup",
    "{^Sa} strikes hit {place} after {gl} attack",
    "{^Ga} {gl} seize {place}, monitor says",
    "At least {n} killed as fighting rages near {place}",
    "{^Ts} urges restraint as {gl} advance in {region}",
    "{^sf} pound {Ga} positions near {place}",
    "Thousands flee {place} as {Ga} {gl} close in",
    "{^Sss} vows “{qg}” will be defeated",
    "{^Ga} {gg} claims attack on {place}",
    "Analysis: What the battle for {place} means for {region}",
    "{^Ga} leader vows to press on with {topic}",
    "U.N. warns of humanitarian catastrophe in {region}",
    "{^sf} say they retook villages near {place}",
    "Talks stall as {Ga} {gl} and {sf} clash around {place}",
    "{^S} accuses {G} of shelling civilians in {place}",
    "Explainer: Who are {Gf}?",
    "{^Gld} says group will not lay down arms",
    "Aid convoys blocked as {topic} enters {ord} week",
];

const LEDES: &[&str] = &[
    "{^Ga} {gl} pushed deeper into {region} {when}, seizing several villages on the outskirts of {place} in one of the fastest advances in years, {monitor} said.",
    "{^sf} launched {a_sact} against {Ga} {gl} near {place} {when}, killing at least {n} people, according to {monitor}.",
    "At least {n} people were killed {when} when {gl} attacked positions held by {sf} around {place}, {monitor} said.",
    "{^Ga} {gl} said {when} they had captured {place}, a strategically important town on the road to {place2}, after {nw} days of heavy fighting with {sf}.",
    "{^S} accused {Ga} {gl} {when} of shelling residential areas of {place}, as fighting spread across {region} for a {ord} day.",
    "Thousands of families fled {place} {when} as {sf} and {Ga} {gl} fought street by street, residents and aid workers said.",
    "{^Ssp} vowed {when} to drive the “{qg}” out of {region}, as {sf} massed reinforcements near {place}.",
    "Air strikes hit {place} {when}, killing {n} people including {nw} children, hours after {Ga} {gl} claimed an attack on {sf} nearby, {monitor} said.",
    "{^Gf} launched {a_gact} on {place} {when}, the biggest challenge to {S} in {region} since {year}.",
    "{^T} {say_t} {when} {Tpr} was alarmed by the escalation in {region}, where {Ga} {gl} and {sf} have been locked in fierce fighting around {place}.",
];

const NARRATION: &[&str] = &[
    "{^Gf} is {a_gg} that has held territory in {region} since {year}.",
    "{^Ga} {gl} have been fighting {sf} in {region} for years, but the latest offensive is the largest since {year}.",
    "Witnesses said dozens of {Ga} {gl} on motorcycles and pickup trucks entered {place} before dawn, meeting little return fire.",
    "The fighting has displaced more than {big} people since {ago}, according to the United Nations.",
    "{^sf} said they had {skill} {nn} {gl} in the past 24 hours, a figure that could not be independently verified.",
    "Smoke rose over {place} as {sf} shelled the approaches to the town, a reporter for {outlet} saw.",
    "Roads out of {place} were jammed with cars and trucks piled high with mattresses, blankets and cooking gas cylinders.",
    "The advance marks a major setback for the {sg}, whose forces had held {place} since {year}.",
    "Analysts say the {gg} has rebuilt its ranks and acquired drones that allow it to strike deep behind the front lines.",
    "{^Ga} {gl} now control an area home to more than {big} people.",
    "The {sact} began after {gl} attacked checkpoints manned by {sf} near {place}, killing {n_w} soldiers.",
    "Hospitals in {place} were overwhelmed, doctors said, with wounded patients lying in corridors.",
    "Electricity and water have been cut in much of {place} since the fighting began {ago}.",
    "It was not possible to independently verify the accounts of either side.",
    "{^Ga} {gl} posted videos on social media appearing to show them inside government buildings in {place}. {outlet} could not immediately verify the footage.",
    "The {sact} has drawn criticism from rights groups, who say civilians have borne the brunt of the violence.",
    "{^sf} shelled {Ga} positions near {place} through the night, residents said.",
    "Prices of bread and fuel have more than doubled in {place} since {ago}.",
    "The {gg} — which counts between {big} and {big2} {gl} — has sought to present a more disciplined face in recent years.",
    "Several positions held by {sf} around {place} fell within hours, according to two military sources.",
    "{^Ga} {gl} also took control of a military airport and seized weapons depots, a security source said.",
    "The road linking {place} and {place2}, a vital supply route, changed hands twice in {nw} days.",
    "By {day} evening the front line ran just {n} km (about {n2} miles) from the centre of {place}.",
    "The {gg}'s fighters are better equipped than in past rounds of fighting, with night-vision goggles and armed drones, according to military analysts.",
    "The {sg} has repeatedly said it will not negotiate with {G}.",
    "In {place2}, shops shuttered early and residents queued for bread as rumours of an imminent attack spread.",
    "{^sf} have been stretched thin, with many units redeployed to other fronts over the past year.",
    "Neither {S} nor {G} gave casualty figures for their own forces.",
    "Satellite images reviewed by {outlet} showed fresh craters and burned vehicles along the main road into {place}.",
    "Schools in {place} have been closed since {ago}, and many have been turned into shelters for displaced families.",
    "The {sact} is the most serious escalation in {region} since {year}.",
    "Residents described a night of heavy bombardment — the windows of their homes shattering as shells landed nearby.",
];

const STATE_QUOTES: &[&str] = &[
    "“We will continue to fight the {qg} until every inch of {country} is liberated,” {Ssp} {said_s}.",
    "“These {qg} have no place in {region},” {Ssp} {said_s} at a news conference in {capital}. “They will be held accountable.”",
    "“The {qg} are being supported from outside, and everyone knows who is behind them,” {Sss} {said_s}.",
    "“Our forces are dealing with the {qg} with full force,” said {Ssp}.",
    "“What happened in {place} was a {qatk}, nothing else,” {Sanon} said in a statement.",
    "“We will not allow the {qg} to take our people hostage,” {Sss} told {outlet}. “The response will be decisive.”",
    "\"Anyone who carries a weapon with the {qg} is a legitimate target,\" {Ssp} {said_s}.",
    "“There is no place for {qg} in the future of {country},” {Ssp2} told reporters in {capital} on {day}.",
    "“We have always said that {G} is a {qgs},” {Sss} {said_s}, “and the world is now seeing the truth.”",
    "“Our soldiers are defending civilians against the {qg},” {Spr} added.",
];

const GROUP_QUOTES: &[&str] = &[
    "“{^gself} will not stop until {place2} is free,” {Gld} {said_g} in a video message.",
    "“{^qs} is collapsing,” {Gsp} {said_g}. “Its soldiers are fleeing.”",
    "“We are defending our people against {qsa},” {Ganon} told {outlet} by phone from {place}.",
    "“This operation is a response to the {qsa} of {qs},” {Gld} {said_g} in a statement posted on Telegram.",
    "“We call on the soldiers of the army to lay down their weapons and return to their families,” {Gsp} {said_g}.",
    "“{^gself} entered {place} to protect its people, not to take revenge,” {Gld} {said_g}. “Civilians and their property will be respected.”",
    "\"The {qsa} of {qs} will not go unanswered,\" {Gsp} {said_g}.",
    "“{^qs} only understands the language of force,” {Ganon} said.",
];

const REPORTED: &[&str] = &[
    "{^Ssp} {say_s} that the {qg} had been driven back from {place} and that the situation was “under control.”",
    "{^S} {say_s} {Ga} {gl} had fired {weapon} at residential neighbourhoods of {place}, killing {n} civilians.",
    "{^Gsp} {say_g} {sf} had bombed a market in {place}, killing {n_w} people, and accused {S} of {qsa}.",
    "{^Ssp} {say_s} the {sf} would “restore security to every corner” of {region}.",
    "{^Gld} {say_g} the {gg} had no intention of harming civilians and that its fighters would protect public institutions.",
    "{^Sss} also {say_s} foreign powers were arming the {qg}, without giving evidence.",
    "{^S} has accused foreign governments of funding the {qg}, a charge they deny.",
    "{^Ganon} {say_g} the {gg} had captured {n} soldiers and seized {nw} tanks.",
    "{^Ssp2} {say_s} on {day} that {S} had “no choice but to respond” to what {Spr} described as a {qatk}.",
    "{^Gsp} denied that the group's fighters had targeted civilians and {say_g} the accusations were baseless.",
    "{^Sanon} {say_s} {sf} had {skill} “dozens of {qg}” in strikes on {place}.",
    "{^Gld} warned that the group would strike {place2} next if the {sact} continued.",
];

const ACCORDING: &[&str] = &[
    "According to {monitor}, at least {nn} people have been killed since {ago}, including {n} civilians.",
    "{^sf} have lost at least {n} positions, according to {monitor}.",
    "{^G} has between {big} and {big2} {gl}, according to {estimates}.",
    "According to {Ga} {gl}, more than {nn} soldiers surrendered in {place}.",
    "According to a statement from {Sss}'s office, {Spr} told {Ts} that {S} would “respond with full force.”",
    "Some {big} civilians remain trapped in {place}, according to {hum_org}.",
    "According to residents, {gl} set up checkpoints at the entrances to {place} and urged people to stay indoors.",
    "The death toll had risen to {nn} by {day}, according to {monitor}.",
];

const THIRD: &[&str] = &[
    "“We urge all parties to exercise maximum restraint and protect civilians,” {T} {said_t}.",
    "{^T} {say_t} {Tpr} was “deeply concerned” by the escalation in {region} and called for an immediate ceasefire.",
    "{^T} {say_t} the {tq} must not be allowed to exploit the chaos in {region}.",
    "{^T} {say_t} Washington was monitoring the situation closely and was in contact with regional partners.",
    "{^T2} speaking to reporters in {city2}, {say_t} there could be no military solution to {topic}.",
    "“The situation on the ground is extremely fluid,” {T} {said_t}, adding that humanitarian access was “severely restricted.”",
    "“The {tq} are responsible for this escalation,” {T} {said_t} on {day}.",
    "{^T} spoke by phone with {Ssp} on {day}, and the two discussed {topic}, according to a readout of the call.",
    "“Civilians are paying the price, again,” {T} wrote on X.",
    "{^Ts} {say_t} {Tpr} would raise {topic} at a meeting of foreign ministers in {city2} next week.",
];

const HEDGED: &[&str] = &[
    "{^S} said its forces had responded to what it called a “{qatk}” by {Ga} {gl}.",
    "{^Ga} {gl} said the operation was a response to what they called “{qsa}” by {sf}.",
    "{^S} claimed its strikes had hit only “{qg}” and their weapons depots.",
    "{^Gsp} described the offensive as a “{qsa_fight}” against {qs}.",
    "{^sf} said the strikes targeted what they described as {qg} hideouts in {place}.",
    "{^S}, which calls {G} a “{qgs},” has ruled out talks.",
    "{^G} insists it has severed its past links, but {S} says the group remains a “{qgs}.”",
];

const HUMANITARIAN: &[&str] = &[
    "The United Nations said more than {big} people had been displaced in {region} since {ago}, many of them for the second or third time.",
    "Aid groups warned that shelters in {place2} were full and that temperatures were dropping.",
    "{^hum_org} said access to {place} was blocked and that {nw} aid convoys had been turned back.",
    "“Families are sleeping in the open, in cars, in half-built buildings,” said a {hum_org} worker in {place2} who asked not to be named.",
    "Médecins Sans Frontières said its teams in {place} had treated {nn} wounded people in {nw} days.",
    "Food prices have soared and the World Food Programme said it had suspended distributions in parts of {region}.",
];

/// Plain reporting, for `--density realistic`: the paragraphs of a news story that carry no
/// loaded term (weather, prices, schools, roads, figures), some of them naming a place or a
/// party.
const PLAIN: &[&str] = &[
    "Temperatures in {place2} fell below freezing overnight, and the weather service expected snow on higher ground by the weekend.",
    "The price of bread in {place} has doubled since {ago}, traders said, and cooking gas is sold by the litre.",
    "Schools in {region} reopened on {day} after a break of {nw} weeks, with classes held in two shifts to make room for more pupils.",
    "The main road between {place} and {place2} was reopened to traffic on {day}, after engineers repaired a bridge damaged by floods.",
    "Electricity is available for about {nw} hours a day in most districts of {place2}, residents said.",
    "The local council said it had registered {big} new residents since the start of the year, most of them from villages in {region}.",
    "Farmers in {region} said the harvest had been poor because of the late rains and the cost of fuel for pumps.",
    "A hospital in {place} said it had enough insulin for {nw} weeks and had asked donors for more.",
    "Mobile phone coverage returned to parts of {place} on {day}, and banks said they would open their branches for three days a week.",
    "The currency lost a further {nw} percent of its value against the dollar this month, according to exchange offices in {capital}.",
    "Water trucks now serve {nn} neighbourhoods of {place2}, up from a handful in the summer.",
    "The airport in {capital} handled {big} passengers last month, its operator said, most of them on flights to the Gulf.",
    "Teachers in {region} have not been paid for {nw} months, a union representative said on {day}.",
    "A new bakery funded by local traders opened in {place} this week and sells about {big} loaves a day.",
    "Officials in {capital} said talks on the budget would resume next week, after the finance committee asked for revised figures.",
    "Residents of {place2} queued for hours at the only working petrol station, where fuel was limited to {nw} litres a car.",
    "The ministry of health said {nn} cases of cholera had been recorded in {region} since {ago}, and that vaccination teams had been sent.",
    "A football match between two clubs from {place} and {place2} drew a crowd of several thousand on {day}.",
    "Rents in the centre of {place} have risen sharply, estate agents said, as families move in from the outskirts.",
    "The {hum_org} said it had distributed blankets and stoves to {big} households in {region} ahead of the winter.",
    "Shops in the old market of {place} stayed open late on {day} for the first time in months.",
    "The transport authority announced a new timetable for the ferry service to {place2}, with sailings twice a week from next month.",
    "Engineers said repairs to the water plant in {place} would take at least {nw} weeks and cost about {big} dollars.",
    "The census office said the population of {region} had grown by about {nw} percent in a decade.",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MON: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const NUMW: [&str; 11] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
const ORD: [&str; 8] = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const WEAPONS: &[&str] = &[
    "rockets",
    "artillery shells",
    "mortar rounds",
    "explosive-laden drones",
    "ballistic missiles",
    "cluster munitions",
];
const HUM_ORGS: &[&str] = &[
    "the World Food Programme",
    "UNICEF",
    "the International Committee of the Red Cross",
    "the U.N. refugee agency UNHCR",
    "the Norwegian Refugee Council",
    "OCHA, the U.N. aid coordination office",
];
const CITIES2: &[&str] = &[
    "Brussels", "Geneva", "New York", "Doha", "Cairo", "Riyadh", "Ankara", "Moscow", "Paris",
    "Amman", "Antalya",
];
const AGO: &[&str] = &[
    "last week",
    "late last month",
    "earlier this month",
    "the start of the offensive",
    "the weekend",
    "mid-{month}",
];

// ------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// 0 = Monday.
fn weekday(dt: Date) -> usize {
    // Days from civil (Howard Hinnant), 1970-01-01 was a Thursday.
    let y = if dt.m <= 2 { dt.y - 1 } else { dt.y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = dt.m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + dt.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    ((days + 3).rem_euclid(7)) as usize
}

fn wpick<'a>(rng: &mut fastrand::Rng, items: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|x| x.1).sum();
    let mut r = rng.u32(0..total);
    for (s, w) in items {
        if r < *w {
            return s;
        }
        r -= w;
    }
    items[items.len() - 1].0
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(0..items.len())]
}

fn a_an(s: &str) -> String {
    let an = s.starts_with(['a', 'e', 'i', 'o', 'A', 'E', 'I', 'O']) || s.starts_with("un");
    format!("{} {s}", if an { "an" } else { "a" })
}

fn strip_article(s: &str) -> &str {
    s.strip_prefix("an ")
        .or_else(|| s.strip_prefix("a "))
        .unwrap_or(s)
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

struct Gen<'a> {
    rng: fastrand::Rng,
    density: Density,
    th: &'a Theme,
    pr: &'a Profile,
    date: Date,
    last_s: Option<&'a Person>,
    last_g: Option<&'a Person>,
    last_t: Option<&'a Person>,
    /// Big numbers already drawn, so that "between {big} and {big2}" is ordered.
    last_big: u64,
    last_n: u64,
    /// Templates used in this article: (list address, index).
    used: Vec<(usize, usize)>,
}

impl<'a> Gen<'a> {
    fn view(&mut self) -> usize {
        let v = self.pr.views;
        let items = [("0", v[0]), ("1", v[1]), ("2", v[2])];
        let items: Vec<(&str, u32)> = items.into_iter().filter(|x| x.1 > 0).collect();
        match wpick(&mut self.rng, &items) {
            "1" => View::Friendly as usize,
            "2" => View::Hostile as usize,
            _ => View::Neutral as usize,
        }
    }

    fn person(&mut self, people: &'a [Person]) -> &'a Person {
        pick(&mut self.rng, people)
    }

    fn pname(&mut self, p: &'a Person) -> &'a str {
        if !p.alt.is_empty() && self.rng.f64() < 0.35 {
            p.alt
        } else {
            p.name
        }
    }

    fn group_plural(&mut self) -> &'static str {
        let (mut pl, _) =
            group_override(self.pr.name, self.th.key).unwrap_or((self.pr.plural, self.pr.coll));
        if self.th.islamist && !self.pr.islamist_plural.is_empty() && self.rng.f64() < 0.3 {
            pl = self.pr.islamist_plural;
        }
        wpick(&mut self.rng, pl)
    }

    fn group_coll(&mut self) -> &'static str {
        let (_, mut co) =
            group_override(self.pr.name, self.th.key).unwrap_or((self.pr.plural, self.pr.coll));
        if self.th.islamist && !self.pr.islamist_coll.is_empty() && self.rng.f64() < 0.3 {
            co = self.pr.islamist_coll;
        }
        wpick(&mut self.rng, co)
    }

    fn when(&mut self) -> String {
        let wd = weekday(self.date);
        let day = WEEKDAYS[wd];
        let prev = WEEKDAYS[(wd + 6) % 7];
        match self.rng.u32(0..7) {
            0 => format!("late on {prev}"),
            1 => format!("early on {day}"),
            2 => format!("on {day} evening"),
            3 => "overnight".to_string(),
            4 => format!("on {prev}"),
            _ => format!("on {day}"),
        }
    }

    fn slot(&mut self, key: &str) -> String {
        let th = self.th;
        match key {
            "G" => pick(&mut self.rng, th.g_names).to_string(),
            "Gf" => th.g_full.to_string(),
            "Ga" => th.g_attr.to_string(),
            "gl" => self.group_plural().to_string(),
            "gg" => self.group_coll().to_string(),
            "a_gg" => a_an(self.group_coll()),
            "gact" => {
                let v = self.view();
                strip_article(pick::<&str>(&mut self.rng, GACT[v])).to_string()
            }
            "a_gact" => {
                let v = self.view();
                pick(&mut self.rng, GACT[v]).to_string()
            }
            "Gld" | "Gsp" => {
                let p = self.person(th.g_people);
                self.last_g = Some(p);
                let name = self.pname(p);
                if self.rng.f64() < 0.3 {
                    format!("{name}, {},", p.role)
                } else {
                    format!("{} {name}", p.title)
                }
            }
            "Gs" => {
                let p = match self.last_g {
                    Some(p) => p,
                    None => self.person(th.g_people),
                };
                p.short.to_string()
            }
            "Gpr" => self.last_g.map_or("he", |p| p.pr).to_string(),
            "Ganon" => pick(&mut self.rng, th.g_anon).to_string(),
            "gself" => pick(&mut self.rng, th.g_self).to_string(),
            "S" => pick(&mut self.rng, th.s_names).to_string(),
            "Sa" => th.s_adj.to_string(),
            "sf" => {
                let v = self.view();
                pick(&mut self.rng, th.s_forces[v]).to_string()
            }
            "sg" => {
                let v = self.view();
                pick(&mut self.rng, th.s_gov[v]).to_string()
            }
            "sact" => {
                let v = self.view();
                strip_article(pick::<&str>(&mut self.rng, SACT[v])).to_string()
            }
            "a_sact" => {
                let v = self.view();
                pick(&mut self.rng, SACT[v]).to_string()
            }
            "skill" => {
                let v = self.view();
                pick(&mut self.rng, SKILL[v]).to_string()
            }
            "Ssp" => {
                let p = self.person(th.s_people);
                self.last_s = Some(p);
                let name = self.pname(p);
                format!("{} {name}", p.title)
            }
            "Ssp2" => {
                let p = self.person(th.s_people);
                self.last_s = Some(p);
                let name = self.pname(p);
                format!("{name}, {},", p.role)
            }
            "Sss" => {
                let p = match self.last_s {
                    Some(p) => p,
                    None => {
                        let p = self.person(th.s_people);
                        self.last_s = Some(p);
                        p
                    }
                };
                p.short.to_string()
            }
            "Spr" => self.last_s.map_or("he", |p| p.pr).to_string(),
            "Sanon" => pick(&mut self.rng, th.s_anon).to_string(),
            "T" | "T2" => {
                let p = self.person(th.thirds);
                self.last_t = Some(p);
                let name = self.pname(p);
                if key == "T2" {
                    format!("{name}, {},", p.role)
                } else {
                    format!("{} {name}", p.title)
                }
            }
            "Ts" => {
                let p = match self.last_t {
                    Some(p) => p,
                    None => {
                        let p = self.person(th.thirds);
                        self.last_t = Some(p);
                        p
                    }
                };
                p.short.to_string()
            }
            "Tpr" => self.last_t.map_or("he", |p| p.pr).to_string(),
            "tq" => {
                let view = self.last_t.map_or(0, |p| p.view);
                let list: &[&str] = match view {
                    -1 => th.qg,
                    1 => &["resistance fighters", "fighters", "resistance"],
                    _ => &["armed groups", "militant groups", "extremist groups"],
                };
                pick(&mut self.rng, list).to_string()
            }
            "qg" => pick(&mut self.rng, th.qg).to_string(),
            "qgs" => pick(&mut self.rng, th.qgs).to_string(),
            "qs" => pick(&mut self.rng, th.qs).to_string(),
            "qsa" => pick(&mut self.rng, th.qsa).to_string(),
            "qsa_fight" => pick(
                &mut self.rng,
                &[
                    "fight against oppression",
                    "liberation struggle",
                    "struggle for freedom",
                    "battle of liberation",
                ],
            )
            .to_string(),
            "qatk" => pick(&mut self.rng, th.qatk).to_string(),
            "say_s" | "said_s" => {
                let v = self.pr.verbs_state;
                wpick(&mut self.rng, v).to_string()
            }
            "say_g" | "said_g" => {
                let v = self.pr.verbs_group;
                wpick(&mut self.rng, v).to_string()
            }
            "say_t" | "said_t" => wpick(&mut self.rng, SAY_NEUTRAL).to_string(),
            "place" => pick(&mut self.rng, th.places).to_string(),
            "place2" => pick(&mut self.rng, th.places).to_string(),
            "region" => pick(&mut self.rng, th.regions).to_string(),
            "capital" => th.capital.to_string(),
            "country" => th.country.to_string(),
            "monitor" => {
                if !th.monitors_alt.is_empty()
                    && self.pr.views[2] * 2 < self.pr.views[0] + self.pr.views[1]
                    && self.rng.f64() < 0.6
                {
                    pick(&mut self.rng, th.monitors_alt).to_string()
                } else {
                    pick(&mut self.rng, th.monitors).to_string()
                }
            }
            "topic" => pick(&mut self.rng, th.topic).to_string(),
            "outlet" => self.pr.outlet.to_string(),
            "year" => self.rng.u32(th.years.0..=th.years.1).to_string(),
            "n" => {
                self.last_n = self.rng.u64(3..60);
                self.last_n.to_string()
            }
            "n_w" => {
                self.last_n = self.rng.u64(3..60);
                if self.last_n < 10 {
                    NUMW[self.last_n as usize].to_string()
                } else {
                    self.last_n.to_string()
                }
            }
            "estimates" => pick(
                &mut self.rng,
                &[
                    "Western intelligence estimates",
                    "U.S. intelligence estimates",
                    "analysts",
                    "researchers who track the group",
                    "the International Crisis Group",
                ],
            )
            .to_string(),
            "n2" => ((self.last_n * 62 + 50) / 100).max(1).to_string(),
            "nn" => self.rng.u64(60..900).to_string(),
            "big" => {
                self.last_big = self.rng.u64(2..60) * 500;
                thousands(self.last_big)
            }
            "big2" => thousands(self.last_big * self.rng.u64(2..4)),
            "nw" => NUMW[self.rng.usize(2..11)].to_string(),
            "ord" => pick(&mut self.rng, &ORD).to_string(),
            "when" => self.when(),
            "day" => WEEKDAYS[weekday(self.date)].to_string(),
            "ago" => {
                let s = pick(&mut self.rng, AGO).to_string();
                s.replace("{month}", MONTHS[(self.date.m as usize + 10) % 12])
            }
            "weapon" => pick(&mut self.rng, WEAPONS).to_string(),
            "hum_org" => pick(&mut self.rng, HUM_ORGS).to_string(),
            "city2" => pick(&mut self.rng, CITIES2).to_string(),
            _ => panic!("unknown template slot {{{key}}}"),
        }
    }

    fn fill(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 64);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let j = rest[i..].find('}').expect("unclosed slot") + i;
            let key = &rest[i + 1..j];
            let (capitalise, key) = match key.strip_prefix('^') {
                Some(k) => (true, k),
                None => (false, key),
            };
            let v = self.slot(key);
            if capitalise {
                out.push_str(&cap(&v));
            } else {
                out.push_str(&v);
            }
            rest = &rest[j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn sentences(&mut self, list: &[&str], n: usize) -> String {
        let mut out = String::new();
        let mut used: Vec<usize> = Vec::new();
        for _ in 0..n {
            // Avoid repeating a template within the article (and within the paragraph).
            let mut k = self.rng.usize(0..list.len());
            for _ in 0..8 {
                let key = (list.as_ptr() as usize, k);
                if !used.contains(&k) && !self.used.contains(&key) {
                    break;
                }
                k = self.rng.usize(0..list.len());
            }
            used.push(k);
            self.used.push((list.as_ptr() as usize, k));
            if !out.is_empty() {
                out.push(' ');
            }
            let s = self.fill(list[k]);
            out.push_str(&s);
        }
        out
    }

    fn real_paragraph(&mut self) -> Option<String> {
        let file = *pick(&mut self.rng, self.th.real);
        let lines: Vec<&str> = file
            .lines()
            .skip(1)
            .filter(|l| {
                let head: String = l.chars().take(50).collect();
                l.len() >= 80
                    && !l.starts_with("SEE ALSO")
                    && !head.contains(") -")
                    && !head.contains(") —")
                    && !head.contains(": ")
            })
            .collect();
        if lines.is_empty() {
            return None;
        }
        Some(pick(&mut self.rng, &lines).to_string())
    }

    fn article(&mut self) -> (String, String) {
        let h = *pick(&mut self.rng, HEADLINES);
        let title = self.fill(h);
        let curly = self.rng.f64() < self.pr.curly;
        let mut paras: Vec<String> = Vec::new();
        let dl = *pick(&mut self.rng, self.th.datelines);
        let dateline = match self.rng.u32(0..3) {
            0 => format!("{dl} ({}) —", self.pr.tag),
            1 => format!(
                "{dl}, {} {} ({}) -",
                MON[self.date.m as usize - 1],
                self.date.d,
                self.pr.tag
            ),
            _ => format!("{dl} ({}) -", self.pr.tag),
        };
        let mut lede = format!("{dateline} {}", self.sentences(LEDES, 1));
        if self.rng.f64() < 0.4 {
            lede.push(' ');
            lede.push_str(&self.sentences(NARRATION, 1));
        }
        paras.push(lede);
        let n_paras = self.rng.usize(6..=20);
        let kinds: [&[&str]; 9] = [
            NARRATION,
            STATE_QUOTES,
            GROUP_QUOTES,
            REPORTED,
            ACCORDING,
            THIRD,
            HEDGED,
            HUMANITARIAN,
            self.th.background,
        ];
        let weights: Vec<(&str, u32)> = ["0", "1", "2", "3", "4", "5", "6", "7", "8"]
            .iter()
            .copied()
            .zip(self.pr.kinds.iter().copied())
            .collect();
        let mut bytes = paras[0].len() + title.len();
        let mut background_used = false;
        while paras.len() < n_paras || bytes < 2200 {
            if bytes > 7000 {
                break;
            }
            if self.rng.f64() < 0.1
                && let Some(p) = self.real_paragraph()
            {
                bytes += p.len() + 2;
                paras.push(p);
                continue;
            }
            if self.density == Density::Realistic && self.rng.f64() < PLAIN_SHARE {
                let n = self.rng.usize(2..=4);
                let p = self.sentences(PLAIN, n);
                bytes += p.len() + 2;
                paras.push(p);
                continue;
            }
            let k: usize = wpick(&mut self.rng, &weights).parse().unwrap();
            if k == 8 && background_used {
                continue;
            }
            background_used |= k == 8;
            let n = match k {
                0 => self.rng.usize(1..=3),
                1 | 2 => 1,
                5 => self.rng.usize(1..=2),
                8 => 2.min(self.th.background.len()),
                _ => self.rng.usize(1..=2),
            };
            let mut p = self.sentences(kinds[k], n);
            // Mix: a quote paragraph sometimes closes with a line of narration.
            if matches!(k, 1 | 2) && self.rng.f64() < 0.3 {
                p.push(' ');
                p.push_str(&self.sentences(NARRATION, 1));
            }
            bytes += p.len() + 2;
            paras.push(p);
        }
        let mut text = paras.join("\n\n");
        let mut title = title;
        if !curly {
            text = text.replace(['“', '”'], "\"").replace('’', "'");
            title = title.replace(['“', '”'], "\"");
        } else {
            text = text.replace('\'', "’");
        }
        (title, text)
    }
}

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    source: &'a str,
    date: &'a str,
    title: &'a str,
    text: &'a str,
}

fn source_names(n: u32) -> Vec<(String, &'static Profile)> {
    (0..n as usize)
        .map(|i| {
            let prof = &PROFILES[i % PROFILES.len()];
            let round = i / PROFILES.len();
            let name = if round == 0 {
                prof.name.to_string()
            } else {
                format!("{}{}", prof.name, round + 1)
            };
            (name, prof)
        })
        .collect()
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let (sy, sm) = args
        .start
        .split_once('-')
        .ok_or_else(|| anyhow::anyhow!("--start must be YYYY-MM"))?;
    let start_y: i32 = sy.parse()?;
    let start_m: u32 = sm.parse()?;
    anyhow::ensure!((1..=12).contains(&start_m), "--start month must be 01..12");
    let sources = source_names(args.sources);
    let theme_weights: Vec<(&str, u32)> = THEMES.iter().map(|t| (t.key, t.weight)).collect();

    let began = Instant::now();
    enum Sink {
        Jsonl(BufWriter<std::fs::File>),
        Csv(Box<csv::Writer<BufWriter<std::fs::File>>>),
        Dir(PathBuf),
    }
    let mut sink = match args.format {
        Format::Jsonl => Sink::Jsonl(BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(&args.out)?,
        )),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(BufWriter::with_capacity(
                1 << 20,
                std::fs::File::create(&args.out)?,
            ));
            w.write_record(["id", "source", "date", "title", "text"])?;
            Sink::Csv(Box::new(w))
        }
        Format::Dir => {
            for (name, _) in &sources {
                std::fs::create_dir_all(args.out.join(name))?;
            }
            Sink::Dir(args.out.clone())
        }
    };

    let mut total: u64 = 0;
    let mut count: u64 = 0;
    let mut line = String::new();
    loop {
        if args.articles.is_some_and(|n| count >= n) || args.bytes.is_some_and(|b| total >= b) {
            break;
        }
        // One generator per article, seeded from (seed, index): any prefix is stable.
        let mut rng = fastrand::Rng::with_seed(
            args.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ count.wrapping_mul(0xD1B5_4A32_D192_ED03),
        );
        let (sname, prof) = &sources[rng.usize(0..sources.len())];
        let tkey = wpick(&mut rng, &theme_weights);
        let th = THEMES.iter().find(|t| t.key == tkey).unwrap();
        let mo = rng.u32(0..args.months) + start_m - 1;
        let y = start_y + (mo / 12) as i32;
        let m = mo % 12 + 1;
        let d = rng.u32(1..=days_in_month(y, m));
        let date = Date { y, m, d };
        let mut g = Gen {
            rng,
            density: args.density,
            th,
            pr: prof,
            date,
            last_s: None,
            last_g: None,
            last_t: None,
            last_big: 1000,
            last_n: 10,
            used: Vec::new(),
        };
        let (title, text) = g.article();
        let date_s = format!("{y:04}-{m:02}-{d:02}");
        let id = format!("{sname}-{y:04}{m:02}{d:02}-{count:07}");
        total += (title.len() + text.len()) as u64;
        match &mut sink {
            Sink::Jsonl(w) => {
                line.clear();
                let rec = Record {
                    id: &id,
                    source: sname,
                    date: &date_s,
                    title: &title,
                    text: &text,
                };
                write!(line, "{}", serde_json::to_string(&rec)?)?;
                line.push('\n');
                w.write_all(line.as_bytes())?;
            }
            Sink::Csv(w) => w.write_record([&id, sname, &date_s, &title, &text])?,
            Sink::Dir(dir) => std::fs::write(
                dir.join(sname).join(format!("{id}.txt")),
                format!("{title}\n{text}\n"),
            )?,
        }
        count += 1;
    }
    match sink {
        Sink::Jsonl(mut w) => w.flush()?,
        Sink::Csv(mut w) => w.flush()?,
        Sink::Dir(_) => {}
    }
    let secs = began.elapsed().as_secs_f64();
    eprintln!(
        "articles={count} text_bytes={total} seconds={secs:.3} articles_per_s={:.0} mb_per_s={:.1} sources={}",
        count as f64 / secs,
        total as f64 / 1e6 / secs,
        sources
            .iter()
            .map(|s| s.0.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    Ok(())
}
