//! A saved or fetched article page reduced to the text framelens analyses: the headline, a blank
//! line, then the body paragraphs separated by blank lines. The article is found by dom_smoothie
//! (a port of Mozilla's Readability), which drops navigation, share widgets, "read more" boxes,
//! related links, comments, scripts and styles, and decodes entities. Before it runs, blocks
//! whose class or id names them as furniture (newsletter, share, comments ...) are removed from
//! the page (dom_query, the DOM dom_smoothie works on); after it, paragraphs that only point
//! elsewhere ("Read more: ...") are dropped.
//!
//! What it does not do: decode bytes (the page arrives as a `String`, see `decode`), fetch pages,
//! or keep any link to the HTML source: offsets into the analysed text refer to this extracted
//! text, which `--show-text` prints.

/// Pages with more elements than this are refused rather than parsed (a news page has a few
/// thousand).
pub const MAX_ELEMENTS: usize = 200_000;

/// Pages whose elements nest deeper than this are refused: Readability's scoring takes time
/// quadratic in the depth (4,000 nested elements: about a minute), and real pages nest a few
/// dozen deep.
pub const MAX_DEPTH: usize = 512;

/// Why no article text came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in the HTML page")]
    NoArticle,
    #[error("the HTML page has {found} elements, over the limit of {limit}")]
    TooManyElements { found: usize, limit: usize },
    #[error("the HTML page nests elements more than {limit} deep")]
    TooDeep { limit: usize },
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
    let doc = dom_query::Document::from(html);
    // Counted before the page is cleaned, so that cleaning too works on a bounded page
    // (Readability counts again).
    let found = doc.select("*").length();
    if found > limit {
        return Err(HtmlError::TooManyElements { found, limit });
    }
    if deeper_than(&doc, MAX_DEPTH) {
        return Err(HtmlError::TooDeep { limit: MAX_DEPTH });
    }
    drop_furniture(&doc);
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: limit,
        ..Config::default()
    };
    // A URL Readability will not take (not absolute) only loses link resolution.
    let mut r = match Readability::with_document(doc, url, Some(config.clone())) {
        Ok(r) => r,
        Err(_) => {
            let doc = dom_query::Document::from(html);
            drop_furniture(&doc);
            Readability::with_document(doc, None, Some(config)).map_err(|_| HtmlError::NoArticle)?
        }
    };
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
    paragraphs.retain(|p| !is_link_teaser(p));
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

/// Removes from the page the blocks whose class or id names them as page furniture rather
/// than article: newsletter and subscription boxes, "read more" and related links, share and
/// social buttons, comments, cookie banners, promotions. Readability drops most of these by its
/// own scores; a box inside the article's container (a "Read more" link between paragraphs, a
/// sign-up form under the text) can survive them. An element that holds the page's `h1`,
/// `article` or `main`, and `html`, `body`, `main` and `article` themselves, are never dropped,
/// whatever their class.
fn drop_furniture(doc: &dom_query::Document) {
    static FURNITURE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = FURNITURE.get_or_init(|| {
        regex::Regex::new(
            "(^|[-_])(newsletters?|read-?more|related|share|sharing|social|comments?|disqus|\
             cookies?|consent|subscribe|subscription|sign-?up|promo|outbrain|taboola|most-read)\
             ($|[-_])",
        )
        .expect("valid pattern")
    });
    // The ancestors of the headline and of the article's containers: walked up once, so the
    // cost stays linear however deep the page nests.
    let mut protected = std::collections::HashSet::new();
    for n in doc.select("h1, article, main").nodes() {
        let mut up = n.parent();
        while let Some(p) = up {
            if !protected.insert(p.id) {
                break;
            }
            up = p.parent();
        }
    }
    let doomed: Vec<_> = doc
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|n| {
            !protected.contains(&n.id)
                && !["html", "body", "main", "article"]
                    .iter()
                    .any(|t| n.has_name(t))
                && [n.attr("class"), n.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(|v| {
                        v.split_whitespace()
                            .any(|t| re.is_match(&t.to_ascii_lowercase()))
                    })
        })
        .cloned()
        .collect();
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Whether any element of the page lies more than `limit` elements below the root (one walk).
fn deeper_than(doc: &dom_query::Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_element_child();
        while let Some(c) = child {
            child = c.next_element_sibling();
            stack.push((c, depth + 1));
        }
    }
    false
}

/// A paragraph that only points elsewhere: "Read more: ...", "See also: ...", "Related: ...".
fn is_link_teaser(p: &str) -> bool {
    static TEASER: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = TEASER.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^(read more|read also|also read|see also|related( stories| articles| coverage)?|recommended|more on this story)\s*[:|»›\-–—]",
        )
        .expect("valid pattern")
    });
    p.len() < 300 && re.is_match(p)
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
        let nested = |n: usize| {
            format!(
                "<html><body>{}<p>The rebels advanced.</p>{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        };
        assert_eq!(
            extract(&nested(600), None).unwrap_err().to_string(),
            "the HTML page nests elements more than 512 deep"
        );
        assert_eq!(
            extract(&nested(100), None).unwrap(),
            "The rebels advanced.\n"
        );
    }

    #[test]
    fn furniture_inside_the_article_is_dropped_but_not_the_article() {
        let html = "<html><body class=\"single has-comments\"><div id=\"content\">\
            <h1>Rebels advance</h1><div class=\"entry\"><p>The rebels advanced on Hama on Friday \
            morning, residents said.</p><p class=\"read-more-inline\"><a href=/x>Who are the \
            terrorists?</a></p><p><b>Read more:</b> <a href=/y>The militants of Idlib</a></p>\
            <p>The army said it had withdrawn to new lines north of the city.</p></div>\
            <div class=\"newsletter-signup\"><p>Sign up for news about the regime.</p></div>\
            <div class=\"commentary\"><p>Commentary stays: a commentary is an article.</p></div>\
            </div></body></html>";
        assert_eq!(
            extract(html, None).unwrap(),
            "Rebels advance\n\nThe rebels advanced on Hama on Friday morning, residents said.\n\n\
             The army said it had withdrawn to new lines north of the city.\n\n\
             Commentary stays: a commentary is an article.\n"
        );
        for (p, teaser) in [
            ("Read more: Who are HTS?", true),
            ("READ MORE » Syria", true),
            ("See also - the timeline", true),
            ("Related stories: Idlib", true),
            (
                "Read more about it, the minister said, in the report.",
                false,
            ),
            ("Related parties met in Geneva.", false),
        ] {
            assert_eq!(is_link_teaser(p), teaser, "{p}");
        }
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
