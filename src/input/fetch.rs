//! Fetching an article page over HTTP(S) with ureq (rustls): one GET with a connect and an
//! overall timeout, at most `MAX_REDIRECTS` redirects, a body of at most `MAX_BYTES`, and only
//! `text/html`, `application/xhtml+xml`, `text/plain` or `text/markdown` accepted. Each failure is
//! its own [`FetchError`].
//!
//! What it does not do: decode the body (it returns bytes and the charset of the
//! `Content-Type`), extract the article, retry, send cookies, or run a page's scripts.

use std::time::Duration;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;
/// The largest response body read: 20 MiB.
pub const MAX_BYTES: u64 = 20 << 20;
/// The default for `--timeout`.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A page as the server sent it.
#[derive(Debug)]
pub struct Fetched {
    /// The body, after any gzip decompression: bytes, not yet decoded.
    pub body: Vec<u8>,
    /// The `Content-Type` header, when there is one.
    pub content_type: Option<String>,
}

impl Fetched {
    /// The media type of the `Content-Type`, lower case, without parameters.
    pub fn media_type(&self) -> Option<String> {
        self.content_type.as_deref().map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }
}

/// Why a page could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// ureq cannot build a request for the URL (a malformed URL), with its message.
    #[error("not a URL framelens can fetch: {0}")]
    BadUrl(String),
    /// The host name does not resolve.
    #[error("cannot resolve the host name")]
    HostNotFound,
    /// The connection failed or broke (refused, or another I/O error), with the reason.
    #[error("cannot connect: {0}")]
    Connect(String),
    /// The fetch took longer than this timeout (connecting, redirects and body together).
    #[error("timed out after {} s", .0.as_secs_f64())]
    Timeout(Duration),
    /// The server answered with `status`, an HTTP status code outside 200..=299.
    #[error("the server answered HTTP {status}{}", reason(*.status))]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// More than `MAX_REDIRECTS` redirects.
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    /// The body, as sent or after decompression, is over the byte limit (`max_bytes` of `fetch`,
    /// at most `MAX_BYTES`).
    #[error("the response is larger than the limit of {} MiB", MAX_BYTES >> 20)]
    TooLarge,
    /// The `Content-Type` is not an accepted media type; holds that media type, in lower case.
    #[error("not an article page: Content-Type {0} (expected text/html or text/plain)")]
    NotText(String),
    /// Any other failure, with its message.
    #[error("{0}")]
    Other(String),
}

fn reason(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map_or_else(String::new, |r| format!(" ({r})"))
}

/// Fetches `url` (http or https) within `timeout` (connecting, redirects and body together),
/// reading at most `max_bytes` of the body (and never more than `MAX_BYTES`) as the server
/// sent it and again after decompression (gzip), so a compressed response cannot expand past the
/// limit.
pub fn fetch(url: &str, timeout: Duration, max_bytes: u64) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(timeout))
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("framelens/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let map = |e| from_ureq(e, timeout);
    let mut response = agent.get(url).call().map_err(map)?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status { status });
    }
    let content_type = response
        .headers()
        .get(ureq::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let fetched = Fetched {
        body: Vec::new(),
        content_type,
    };
    if let Some(m) = fetched.media_type()
        && !matches!(
            m.as_str(),
            "text/html" | "application/xhtml+xml" | "text/plain" | "text/markdown" | ""
        )
    {
        return Err(FetchError::NotText(m));
    }
    let limit = max_bytes.min(MAX_BYTES);
    let reader = response.body_mut().with_config().limit(limit).reader();
    let body = crate::budget::Budget::new(limit)
        .read_from(reader)
        .map_err(|e| match e {
            crate::budget::ReadFailure::TooLarge { .. } => FetchError::TooLarge,
            crate::budget::ReadFailure::Io(e) => unwrap_ureq(e, timeout),
            e => FetchError::Other(e.to_string()),
        })?;
    Ok(Fetched { body, ..fetched })
}

/// The failure for an error of reading the body, which wraps ureq's own error when it has one.
fn unwrap_ureq(e: std::io::Error, timeout: Duration) -> FetchError {
    if !e.get_ref().is_some_and(|r| r.is::<ureq::Error>()) {
        return from_ureq(ureq::Error::Io(e), timeout);
    }
    match e.into_inner().map(|i| i.downcast::<ureq::Error>()) {
        Some(Ok(u)) => from_ureq(*u, timeout),
        Some(Err(other)) => FetchError::Other(other.to_string()),
        None => FetchError::Other("the connection failed".into()),
    }
}

/// The failure a user is told about for an error of ureq.
fn from_ureq(e: ureq::Error, timeout: Duration) -> FetchError {
    match e {
        ureq::Error::BadUri(u) => FetchError::BadUrl(u),
        ureq::Error::Http(e) => FetchError::BadUrl(e.to_string()),
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::Timeout(_) => FetchError::Timeout(timeout),
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge,
        ureq::Error::ConnectionFailed => FetchError::Connect("connection failed".into()),
        ureq::Error::Io(e) => match e.kind() {
            std::io::ErrorKind::TimedOut => FetchError::Timeout(timeout),
            std::io::ErrorKind::ConnectionRefused => {
                FetchError::Connect("connection refused".into())
            }
            _ => FetchError::Connect(e.to_string()),
        },
        e => FetchError::Other(e.to_string()),
    }
}

/// Whether a command-line argument is a URL to fetch rather than a file name.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The name a report gives a fetched page: its host (without `www.`) and the last segment of its
/// path (without `.html`), as `example.com/rebels-enter-aleppo`.
pub fn short_name(url: &str) -> String {
    let Ok(uri) = url.parse::<ureq::http::Uri>() else {
        return url.to_owned();
    };
    let host = uri.host().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let segment = uri.path().rsplit('/').find(|s| !s.is_empty()).map(|s| {
        let s = s
            .strip_suffix(".html")
            .or_else(|| s.strip_suffix(".htm"))
            .unwrap_or(s);
        percent_decoded(s)
    });
    match segment {
        Some(s) if !s.is_empty() => format!("{host}/{s}"),
        _ => host.to_owned(),
    }
}

/// `%XX` escapes decoded where they form UTF-8 (an Arabic slug reads as Arabic).
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        for (url, want) in [
            (
                "https://www.example.com/world/2024/rebels-enter-aleppo.html",
                "example.com/rebels-enter-aleppo",
            ),
            ("https://news.example.org/", "news.example.org"),
            ("http://127.0.0.1:8080/a/b/?q=1", "127.0.0.1/b"),
            (
                "https://example.com/%D8%A7%D9%84%D8%B4%D8%B1%D8%B9",
                "example.com/الشرع",
            ),
        ] {
            assert_eq!(short_name(url), want, "{url}");
        }
    }

    #[test]
    fn urls_and_file_names() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("samples/a.txt"));
    }

    #[test]
    fn each_ureq_failure_has_its_message() {
        let t = Duration::from_millis(2500);
        for (e, want) in [
            (ureq::Error::HostNotFound, "cannot resolve the host name"),
            (
                ureq::Error::Timeout(ureq::Timeout::Connect),
                "timed out after 2.5 s",
            ),
            (ureq::Error::TooManyRedirects, "more than 5 redirects"),
            (
                ureq::Error::BodyExceedsLimit(MAX_BYTES),
                "the response is larger than the limit of 20 MiB",
            ),
            (
                ureq::Error::Io(std::io::ErrorKind::ConnectionRefused.into()),
                "cannot connect: connection refused",
            ),
            (
                ureq::Error::BadUri("http:/x".into()),
                "not a URL framelens can fetch: http:/x",
            ),
        ] {
            assert_eq!(from_ureq(e, t).to_string(), want);
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            FetchError::Status { status: 404 }.to_string(),
            "the server answered HTTP 404 (Not Found)"
        );
        assert_eq!(
            FetchError::Timeout(Duration::from_secs(2)).to_string(),
            "timed out after 2 s"
        );
        assert_eq!(
            FetchError::TooLarge.to_string(),
            "the response is larger than the limit of 20 MiB"
        );
    }
}
