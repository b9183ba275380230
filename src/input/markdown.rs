//! Markdown read as the text it shows, with offsets kept: markup bytes become spaces, so the
//! analysed text has the same length as the file and every offset into it is an offset into the
//! file (the hit's text is the same in both).
//!
//! pulldown-cmark finds what is text. Kept: the text of paragraphs, headings, emphasis, link
//! labels, lists, quotes and code. Blanked to spaces: heading marks (`#`, `===`), emphasis marks,
//! link and image destinations (`[label](https://...)`), autolinks (`<https://...>`), image alt
//! text, reference definitions, raw HTML, and YAML front matter. A line broken inside a paragraph
//! is joined to the next (its line break becomes a space), because framelens reads one paragraph
//! per line.
//!
//! What it does not do: decode bytes, resolve entities or escapes (`&amp;` stays as written), or
//! render Markdown.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// `text` with every byte that is not shown text replaced by a space (line breaks kept, except
/// inside a paragraph). The result has the same length and the same line structure.
pub fn mask(text: &str) -> String {
    let mut keep = vec![false; text.len()];
    let mut join = Vec::new();
    // For each open link, image and front matter: whether its text is hidden (autolinks,
    // images, front matter) or shown (links with a label).
    let mut open: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    for (event, range) in parser.into_offset_iter() {
        let hidden = open.iter().any(|&h| h);
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                open.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
            }
            Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => open.push(true),
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                open.pop();
            }
            Event::Text(_) | Event::Code(_) if !hidden => {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
            Event::SoftBreak => join.push(range),
            _ => {}
        }
    }
    let mut out = text.as_bytes().to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if !keep[i] && *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    for r in join {
        out[r].iter_mut().for_each(|b| *b = b' ');
    }
    // Only whole characters were kept or blanked (a text range never splits one), and blanks are
    // ASCII: the bytes are still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The date a Markdown file's YAML front matter gives (`date:`, else `published:`), as written;
/// `None` without front matter, without such a key, or when the front matter is not YAML.
pub fn published(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct FrontMatter {
        date: Option<String>,
        published: Option<String>,
    }
    let mut block = String::new();
    let mut inside = false;
    for event in Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => inside = true,
            Event::End(TagEnd::MetadataBlock(_)) => break,
            Event::Text(t) if inside => block.push_str(&t),
            // Front matter comes first, or not at all.
            _ if !inside => return None,
            _ => {}
        }
    }
    let fm: FrontMatter = serde_saphyr::from_str(&block).ok()?;
    fm.date
        .or(fm.published)
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter's date, and nothing from a file without one.
    #[test]
    fn front_matter_gives_the_date() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "---\ntitle: Aleppo\ndate: 2024-12-03\n---\n\n# Aleppo\n",
                Some("2024-12-03"),
            ),
            (
                "---\npublished: \"2024-12-03T10:00:00Z\"\n---\nText\n",
                Some("2024-12-03T10:00:00Z"),
            ),
            (
                "---\ndate: 2024-12-03\npublished: 2020-01-01\n---\nText\n",
                Some("2024-12-03"),
            ),
            ("---\ntags: [a, b]\n---\nText\n", None),
            ("# Aleppo\n\ndate: 2024-12-03\n", None),
            ("Text\n\n---\ndate: 2024-12-03\n---\n", None),
            ("---\ndate: [not, a, date]\n---\nText\n", None),
        ];
        for (text, want) in rows {
            assert_eq!(published(text).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn markup_becomes_spaces_and_text_keeps_its_place() {
        let cases: &[(&str, &str)] = &[
            ("# Rebels advance\n", "  Rebels advance\n"),
            (
                "Headline\n========\n\nThe **rebels** advanced.\n",
                "Headline\n        \n\nThe   rebels   advanced.\n",
            ),
            (
                "See [the report](https://x.example/terrorists-regime) now.",
                "See  the report                                       now.",
            ),
            (
                "Link <https://x.example/terrorists> here.",
                "Link                                here.",
            ),
            (
                "![terrorists on a truck](img.png) Text.",
                "                                  Text.",
            ),
            (
                "A line\nwrapped in “one” paragraph — with Arabic الشرع.\n\nNext.",
                "A line wrapped in “one” paragraph — with Arabic الشرع.\n\nNext.",
            ),
            (
                "---\ntitle: terrorists\n---\n\nBody.\n",
                "   \n                 \n   \n\nBody.\n",
            ),
            (
                "[1]: https://x.example/regime\n\nBody.",
                "                             \n\nBody.",
            ),
            ("> quoted\r\n> more\r\n", "  quoted    more\r\n"),
        ];
        for (md, want) in cases {
            let got = mask(md);
            assert_eq!(got, *want, "{md:?}");
            assert_eq!(got.len(), md.len());
        }
    }
}
