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

#[cfg(test)]
mod tests {
    use super::*;

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
