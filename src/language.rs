//! The language an article is written in, and the language a lexicon is written for.
//!
//! Owns: detecting an article's language (whatlang's trigram model, run on the first
//! [`SAMPLE_BYTES`] of the text), and reading the `language:` field of a lexicon file as an
//! ISO 639-3 code or an English name.
//!
//! Does not: choose lexicons per article (every loaded lexicon is matched against every
//! article, so a user may mix languages), translate, or fold case per language (the matcher
//! folds case the same way for every text). A language is only *said*: an article in a language
//! no loaded label lexicon is written for gets a note, so that "0 terms" is not read as "no
//! loaded words".

use serde::Serialize;
use whatlang::Lang;

/// How much of an article the detector reads: a few paragraphs settle the trigram counts of
/// news copy. A call costs about 70 µs whatever the length, plus about 25 µs a KiB read (2,000
/// calls on wire copy: 74 µs for 256 bytes, 121 µs for 2 KiB, 268 µs for 8 KiB).
pub const SAMPLE_BYTES: usize = 2048;

/// The language of lexicon files that do not say.
pub const DEFAULT: &str = "eng";

/// Below this confidence the detection is not reported as a language the article is in.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// What the detector found.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Detected {
    /// ISO 639-3 code (`eng`, `fra`).
    pub code: &'static str,
    /// English name (`French`).
    pub name: &'static str,
    /// 0 to 1.
    pub confidence: f64,
    /// The detector's own judgement that the text was long and clear enough.
    pub reliable: bool,
}

impl Detected {
    /// Whether the detection is firm enough to tell the user about.
    pub fn firm(&self) -> bool {
        self.reliable && self.confidence >= MIN_CONFIDENCE
    }
}

/// The language of `text`, from its first [`SAMPLE_BYTES`] (cut at a character boundary).
/// `None` for text with no letters the model knows.
pub fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    Some(Detected {
        code: info.lang().code(),
        name: info.lang().eng_name(),
        confidence: (info.confidence() * 100.0).round() / 100.0,
        reliable: info.is_reliable(),
    })
}

/// The ISO 639-3 code a lexicon's `language:` field names: a code (`fra`) or an English name
/// (`French`), in any case.
pub fn parse(field: &str) -> Result<&'static str, String> {
    let f = field.trim().to_lowercase();
    let found = Lang::from_code(f.as_str()).or_else(|| {
        Lang::all()
            .iter()
            .copied()
            .find(|l| l.eng_name().to_lowercase() == f)
    });
    match found {
        Some(l) => Ok(l.code()),
        None => Err(format!(
            "unknown language `{field}`: write an ISO 639-3 code (eng, fra, spa, ara, rus, tur, heb, ukr) or an English name (French)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_paragraphs_are_told_apart() {
        let cases = [
            (
                "The army said on Sunday that the rebels had taken the town after two days of fighting, and that civilians were fleeing south.",
                "eng",
            ),
            (
                "L'armée a affirmé dimanche que les rebelles avaient pris la ville après deux jours de combats, et que les civils fuyaient vers le sud.",
                "fra",
            ),
            (
                "El ejército afirmó el domingo que los rebeldes habían tomado la ciudad tras dos días de combates y que los civiles huían hacia el sur.",
                "spa",
            ),
            (
                "Армия заявила в воскресенье, что повстанцы захватили город после двух дней боёв, а мирные жители бегут на юг.",
                "rus",
            ),
        ];
        for (text, code) in cases {
            let d = detect(text).expect("a language");
            assert_eq!(d.code, code, "{text}");
            assert!(d.firm(), "{text}: {d:?}");
        }
    }

    #[test]
    fn text_without_letters_has_no_language() {
        assert_eq!(detect("1234 5678 -- !!"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn the_sample_is_cut_at_a_character_boundary() {
        // One byte, then two-byte letters: byte SAMPLE_BYTES falls inside a letter.
        let letters = format!("a{}", "é".repeat(SAMPLE_BYTES));
        assert!(!letters.is_char_boundary(SAMPLE_BYTES));
        assert!(detect(&letters).is_some());
        // Three-byte symbols, no letters: cut inside one, and no language.
        let symbols = "€".repeat(SAMPLE_BYTES);
        assert!(!symbols.is_char_boundary(SAMPLE_BYTES));
        assert_eq!(detect(&symbols), None);
    }

    #[test]
    fn a_lexicon_language_is_a_code_or_an_english_name() {
        let table = [
            ("fra", Ok("fra")),
            ("French", Ok("fra")),
            (" ENG ", Ok("eng")),
            ("spanish", Ok("spa")),
            (
                "fr",
                Err("unknown language `fr`: write an ISO 639-3 code (eng, fra, spa, ara, rus, tur, heb, ukr) or an English name (French)".to_owned()),
            ),
        ];
        for (field, want) in table {
            assert_eq!(parse(field), want, "{field}");
        }
    }
}
