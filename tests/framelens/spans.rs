//! Integration tests: spans.

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
            prop_assert_eq!(text.get(s..s + h.sentence_text.len()), Some(&*h.sentence_text));
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
