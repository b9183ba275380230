//! A saved or fetched article page reduced to the text framelens analyses: the headline, a blank
//! line, then the body paragraphs separated by blank lines. The article is found by dom_smoothie
//! (a port of Mozilla's Readability), which drops navigation, share widgets, "read more" boxes,
//! related links, comments, scripts and styles, and decodes entities.
//!
//! What it does not do: decode bytes (the page arrives as a `String`, see `decode`), fetch pages,
//! or keep any link to the HTML source: offsets into the analysed text refer to this extracted
//! text, which `--show-text` prints.

/// Pages with more elements than this are refused rather than parsed (a news page has a few
/// thousand).
pub const MAX_ELEMENTS: usize = 200_000;

/// Why no article text came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in the HTML page")]
    NoArticle,
    #[error("the HTML page has {found} elements, over the limit of {limit}")]
    TooManyElements { found: usize, limit: usize },
}

/// Whether `text` starts like an HTML document: after white space (and a byte-order mark), one of
/// the WHATWG MIME-sniffing patterns for HTML (`<!DOCTYPE HTML`, `<html`, `<head`, `<body`,
/// `<p`, `<div`, `<!--` ...) followed by a space or `>`.
pub fn looks_like_html(text: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    let t = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    let start = t
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(t.len());
    let t = &t[start..];
    TAGS.iter().any(|tag| {
        t.len() > tag.len()
            && t[..tag.len()].eq_ignore_ascii_case(tag)
            && (*tag == b"<!--" || matches!(t[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r'))
    })
}

/// The headline and body paragraphs of an article page. `url`, when known, lets Readability
/// resolve relative links (it does not change the text).
pub fn extract(html: &str, url: Option<&str>) -> Result<String, HtmlError> {
    extract_limited(html, url, MAX_ELEMENTS)
}

fn extract_limited(html: &str, url: Option<&str>, limit: usize) -> Result<String, HtmlError> {
    use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: limit,
        ..Config::default()
    };
    // A URL Readability will not take (not absolute) only loses link resolution.
    let mut r = Readability::new(html, url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .map_err(|_| HtmlError::NoArticle)?;
    let article = r.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(found, limit) => {
            HtmlError::TooManyElements { found, limit }
        }
        _ => HtmlError::NoArticle,
    })?;
    let title = one_line(&article.title);
    let mut paragraphs: Vec<String> = article
        .text_content
        .lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect();
    if paragraphs.first().is_some_and(|p| *p == title) {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() {
        return Err(HtmlError::NoArticle);
    }
    let mut text = String::with_capacity(article.text_content.len() + title.len() + 8);
    if !title.is_empty() {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    text.push_str(&paragraphs.join("\n\n"));
    text.push('\n');
    Ok(text)
}

/// White space runs (a page's line breaks and indentation inside a block) become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        for (text, want) in [
            (&b"<!DOCTYPE html>\n<html>"[..], true),
            (b"\xef\xbb\xbf  <HTML lang=en>", true),
            (b"<p>The rebels</p>", true),
            (b"<!-- saved page -->", true),
            (b"<b>bold</b>", true),
            (b"<bogus>", false),
            (b"<paragraph>", false),
            (b"Headline <html>", false),
            (b"", false),
        ] {
            assert_eq!(
                looks_like_html(text),
                want,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn headline_blank_line_paragraphs() {
        let html = "<html><head><title>Rebels advance | Site</title></head><body>\
            <nav><a href=/>Home</a> <a href=/w>World news about terrorists</a></nav>\
            <article><h1>Rebels advance</h1><p>The rebels\n   advanced on &ldquo;Hama&rdquo;.</p>\
            <p>The army said it &amp; its allies withdrew.</p></article></body></html>";
        assert_eq!(
            extract(html, Some("https://example.com/a")).unwrap(),
            "Rebels advance | Site\n\nThe rebels advanced on “Hama”.\n\nThe army said it & its allies withdrew.\n"
        );
    }

    #[test]
    fn a_page_over_the_element_limit_is_refused() {
        let page = format!("<html><body><p>{}</p></body></html>", "<b>x</b>".repeat(20));
        let e = extract_limited(&page, None, 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the HTML page has 24 elements, over the limit of 10"
        );
        assert!(extract_limited(&page, None, 100).is_ok());
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert_eq!(
            extract("<html><body></body></html>", None).unwrap_err(),
            HtmlError::NoArticle
        );
        assert_eq!(
            HtmlError::NoArticle.to_string(),
            "no article text found in the HTML page"
        );
    }
}
