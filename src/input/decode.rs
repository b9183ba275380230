//! Bytes to text: byte-order marks, declared and legacy encodings (encoding_rs), binary files,
//! and invalid bytes (an error, or U+FFFD with `--lossy`).
//!
//! Which encoding wins: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), then the encoding the
//! user declared (`--encoding`), then the charset of an HTTP `Content-Type`, then an HTML page's
//! `<meta charset>`, then UTF-8. A UTF-8 file is used byte for byte, its byte-order mark kept,
//! so offsets into the text are offsets into the file; any other encoding is transcoded to UTF-8
//! (its mark dropped) and offsets count bytes of the UTF-8 text.
//!
//! What it does not do: read bytes in an encoding guessed from them, extract text from HTML, or
//! read files; it takes bytes and returns a `String`. Only when bytes are not valid in the
//! encoding used, and the user did not name it, is an encoding guessed from the bytes
//! (chardetng), to be named in the error ([`looks_like`]).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// The encoding named by a WHATWG label (`utf-8`, `windows-1256`, `latin1`, `iso-8859-6` ...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        // The "replacement" encoding decodes any input to one U+FFFD: useless for an article.
        Some(e) if e != encoding_rs::REPLACEMENT => Ok(e),
        Some(_) => Err(format!(
            "encoding label `{label}` names an encoding framelens cannot decode"
        )),
        None => Err(format!(
            "unknown encoding label `{label}` (use a WHATWG label such as utf-8, utf-16le, \
             windows-1252, windows-1256, iso-8859-6)"
        )),
    }
}

/// Text decoded from bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The text in UTF-8. Bytes read as UTF-8 are kept as they are, byte-order mark too (but for
    /// U+FFFD under `lossy`); any other encoding is transcoded, its mark dropped.
    pub text: String,
    /// The encoding the bytes were read in (UTF-8 where a UTF-16 charset was overruled).
    pub encoding: &'static Encoding,
    /// Input bytes replaced by U+FFFD (only with `lossy`).
    pub replaced: usize,
    /// A UTF-16 charset the server declared that the bytes cannot be (no NUL byte, and valid
    /// UTF-8): they were read as UTF-8 instead.
    pub overruled: Option<&'static Encoding>,
}

/// Why bytes could not be decoded. Offsets count bytes of the input, as a hex editor shows them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A NUL byte in an input not read as UTF-16; `at` is its byte offset in the input.
    #[error("looks like a binary file (NUL byte at byte {at})")]
    Binary {
        /// Byte offset of the NUL byte in the input.
        at: usize,
    },
    /// Bytes that are not valid in the encoding used (an error only without `lossy`).
    #[error("not valid {encoding} at byte {at} (line {line}); {}", advice(.encoding, *.looks))]
    Invalid {
        /// The encoding's name, as encoding_rs gives it (`UTF-8`, `Shift_JIS` ...).
        encoding: &'static str,
        /// Byte offset of the first invalid byte in the input, counting any byte-order mark.
        at: usize,
        /// The line of that byte, counting from 1.
        line: usize,
        /// What the input looks like, for the advice: [`Looks::Unknown`] when the user named
        /// the encoding.
        looks: Looks,
    },
}

/// What an input that is not valid in the encoding it was read in looks like, for the advice
/// its error gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    /// Text in this encoding, in which the whole input decodes without an error: a legacy
    /// encoding (chardetng's guess), or UTF-8 for valid UTF-8 read in a legacy encoding.
    Like(&'static Encoding),
    /// UTF-8 with a few bytes that are not: most of its bytes beyond ASCII form UTF-8
    /// sequences, which any other encoding would misread.
    MostlyUtf8,
    /// It starts with a byte-order mark, which decides its encoding whatever `--encoding` says.
    Marked,
    /// Nothing to go on: the user named the encoding, or no encoding fits.
    Unknown,
}

/// What to do about an input that is not valid in `encoding`: the flag that reads it in the
/// encoding it looks like, or the flags that can help.
fn advice(encoding: &str, looks: Looks) -> String {
    match looks {
        Looks::Like(g) => format!(
            "it looks like {0}: try --encoding {0} (or --lossy to replace the bytes that are not {encoding})",
            g.name()
        ),
        Looks::MostlyUtf8 if encoding == "UTF-8" => {
            "the rest of it is UTF-8, which another encoding would misread: --lossy replaces the bytes that are not UTF-8".into()
        }
        Looks::MostlyUtf8 => {
            "most of it is UTF-8: try --encoding utf-8 --lossy (--lossy replaces the bytes that are not UTF-8)".into()
        }
        Looks::Marked => format!(
            "it starts with a {encoding} byte-order mark, which decides its encoding whatever --encoding says: --lossy replaces the bytes that are not {encoding}"
        ),
        Looks::Unknown => format!(
            "if it is written in another encoding, name it with --encoding LABEL (such as windows-1252); --lossy replaces the bytes that are not {encoding}"
        ),
    }
}

/// What `bytes`, not valid in the encoding `tried`, look like: UTF-8 when they are valid UTF-8
/// and `tried` is another encoding; UTF-8 with a few bad bytes when most of their bytes beyond
/// ASCII are UTF-8 ([`mostly_utf8`]), which a legacy encoding would garble; else the legacy
/// encoding chardetng guesses (the detector Firefox uses for unlabelled pages, from the byte
/// statistics of each legacy encoding), kept only if it is not `tried` and every byte of the
/// input decodes in it without an error. UTF-16 without a byte-order mark is not guessed.
pub fn looks_like(bytes: &[u8], tried: &'static Encoding) -> Looks {
    // UTF-16 (tried, or bytes with NUL in them) is no legacy encoding's.
    if !tried.is_ascii_compatible() || bytes.contains(&0) {
        return Looks::Unknown;
    }
    if tried != UTF_8 && std::str::from_utf8(bytes).is_ok() {
        return Looks::Like(UTF_8);
    }
    if mostly_utf8(bytes) {
        return Looks::MostlyUtf8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess != tried
        && guess
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    {
        Looks::Like(guess)
    } else {
        Looks::Unknown
    }
}

/// Whether most bytes of `bytes` beyond ASCII form valid UTF-8 sequences: UTF-8 text with a
/// few bad bytes. Text in a one-byte legacy encoding (windows-1252, windows-1251 ...) almost
/// never forms a UTF-8 sequence; one in a two-byte encoding (Shift_JIS, GBK, EUC-KR, Big5)
/// does by chance, for a minority of its bytes, so "any UTF-8 sequence" would not tell them
/// apart.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > bad
}

/// Where the encoding comes from, strongest first; `None` where the input says nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints {
    /// `--encoding`.
    pub declared: Option<&'static Encoding>,
    /// The charset of an HTTP `Content-Type`.
    pub transport: Option<&'static Encoding>,
    /// An HTML page's `<meta charset>` (looked for only in HTML).
    pub meta: Option<&'static Encoding>,
}

/// Why bytes are read in the encoding they are, which says what their error may advise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chosen {
    /// By a byte-order mark, which `--encoding` cannot change.
    Mark,
    /// By the user (`--encoding`): no other encoding is guessed against it.
    User,
    /// By what the input declares, or by default: the bytes are looked at ([`looks_like`]).
    Otherwise,
}

impl Chosen {
    fn looks(self, bytes: &[u8], tried: &'static Encoding) -> Looks {
        match self {
            Chosen::Mark => Looks::Marked,
            Chosen::User => Looks::Unknown,
            Chosen::Otherwise => looks_like(bytes, tried),
        }
    }
}

/// Decodes `bytes`: see the module documentation for which encoding wins.
pub fn decode(bytes: Vec<u8>, hints: Hints, lossy: bool) -> Result<Decoded, DecodeError> {
    let bom = Encoding::for_bom(&bytes);
    let chosen = if bom.is_some() {
        Chosen::Mark
    } else if hints.declared.is_some() {
        Chosen::User
    } else {
        Chosen::Otherwise
    };
    let (encoding, body_start) = match bom {
        // The UTF-8 mark stays in the text, so that offsets count from the first byte.
        Some((e, _)) if e == UTF_8 => (UTF_8, 0),
        Some((e, len)) => (e, len),
        None => (
            hints
                .declared
                .or(hints.transport)
                .or(hints.meta)
                .unwrap_or(UTF_8),
            0,
        ),
    };
    // A server's UTF-16 without a byte-order mark, on bytes with no NUL byte that are valid
    // UTF-8, is a wrong label (HTML's markup alone would put NUL bytes in UTF-16).
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if utf16
        && body_start == 0
        && hints.declared.is_none()
        && hints.transport == Some(encoding)
        && !bytes.contains(&0)
        && std::str::from_utf8(&bytes).is_ok()
    {
        return utf8(bytes, lossy, Chosen::User).map(|d| Decoded {
            overruled: Some(encoding),
            ..d
        });
    }
    if !utf16 && let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { at });
    }
    if encoding == UTF_8 {
        return utf8(bytes, lossy, chosen);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let input = &bytes[body_start..];
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length(input.len())
            .unwrap_or(input.len().saturating_mul(3)),
    );
    let (mut read, mut replaced) = (0usize, 0usize);
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&input[read..], &mut text, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(input.len() - read + 16),
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                if !lossy {
                    let at = body_start + read - usize::from(bad) - after as usize;
                    return Err(DecodeError::Invalid {
                        encoding: encoding.name(),
                        at,
                        line: text.matches('\n').count() + 1,
                        looks: chosen.looks(&bytes[body_start..], encoding),
                    });
                }
                text.push('\u{fffd}');
                replaced += usize::from(bad);
            }
        }
    }
    Ok(Decoded {
        text,
        encoding,
        replaced,
        overruled: None,
    })
}

/// `bytes` as UTF-8; an error says what they look like, as far as `chosen` lets it.
fn utf8(bytes: Vec<u8>, lossy: bool, chosen: Chosen) -> Result<Decoded, DecodeError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8,
            replaced: 0,
            overruled: None,
        }),
        Err(e) if !lossy => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(DecodeError::Invalid {
                encoding: "UTF-8",
                at,
                line,
                looks: chosen.looks(e.as_bytes(), UTF_8),
            })
        }
        Err(e) => {
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut replaced = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    text.push('\u{fffd}');
                    replaced += chunk.invalid().len();
                }
            }
            Ok(Decoded {
                text,
                encoding: UTF_8,
                replaced,
                overruled: None,
            })
        }
    }
}

/// The encoding an HTML page declares in a `<meta charset=...>` or `<meta http-equiv=
/// "Content-Type" content="...; charset=...">` within its first 1024 bytes, as the WHATWG prescan
/// reads it (a page that claims UTF-16 in ASCII bytes is UTF-8; x-user-defined is windows-1252).
pub fn html_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &head[start + c + 7..end];
            rest = trim_ascii_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_ascii_start(r);
                let r = r.strip_prefix(b"\"").or(r.strip_prefix(b"'")).unwrap_or(r);
                let label_end = r
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b <= b' ')
                    .unwrap_or(r.len());
                if let Some(e) = Encoding::for_label(&r[..label_end]) {
                    return Some(if e == UTF_16LE || e == UTF_16BE {
                        UTF_8
                    } else if e == encoding_rs::X_USER_DEFINED {
                        encoding_rs::WINDOWS_1252
                    } else {
                        e
                    });
                }
            }
        }
        from = end.max(start);
    }
    None
}

/// The encoding named by the `charset` parameter of a `Content-Type` value.
pub fn content_type_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| Encoding::for_label(v.trim().trim_matches('"').as_bytes()))
            .flatten()
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8], hints: Hints) -> String {
        decode(bytes.to_vec(), hints, false).expect("decodes").text
    }

    fn declared(label: &str) -> Hints {
        Hints {
            declared: Some(encoding_for_label(label).unwrap()),
            ..Hints::default()
        }
    }

    #[test]
    fn boms_and_declared_encodings() {
        // (bytes, hints, text)
        let cases: &[(&[u8], Hints, &str)] = &[
            (b"plain", Hints::default(), "plain"),
            (b"\xef\xbb\xbfkept", Hints::default(), "\u{feff}kept"),
            (b"\xff\xfeA\x00\xe9\x00", Hints::default(), "Aé"),
            (b"\xfe\xff\x00A\x00\xe9", Hints::default(), "Aé"),
            // A mark wins over a declared encoding.
            (b"\xff\xfeA\x00", declared("windows-1252"), "A"),
            (
                b"\x93rebels\x94 \x97 caf\xe9",
                declared("windows-1252"),
                "“rebels” — café",
            ),
            (b"\xc3\xcd\xe3\xcf", declared("windows-1256"), "أحمد"),
            (b"\xc7\xcd\xe5\xcf", declared("iso-8859-6"), "احمد"),
            (b"\xe9", declared("latin1"), "é"),
            // Declared UTF-16 without a mark: NUL bytes are expected.
            (b"A\x00B\x00", declared("utf-16le"), "AB"),
        ];
        for (bytes, hints, want) in cases {
            assert_eq!(ok(bytes, *hints), *want, "{bytes:?}");
        }
    }

    #[test]
    fn hints_rank_declared_transport_meta() {
        let w1252 = encoding_rs::WINDOWS_1252;
        let w1256 = encoding_rs::WINDOWS_1256;
        let h = Hints {
            declared: None,
            transport: Some(w1256),
            meta: Some(w1252),
        };
        assert_eq!(decode(b"\xc7".to_vec(), h, false).unwrap().encoding, w1256);
        let h = Hints {
            declared: Some(w1252),
            ..h
        };
        assert_eq!(decode(b"\xc7".to_vec(), h, false).unwrap().encoding, w1252);
    }

    #[test]
    fn errors_name_the_byte_and_line() {
        let cases: &[(&[u8], Hints, DecodeError)] = &[
            (
                b"Headline\n\xff\xfe bad",
                Hints::default(),
                DecodeError::Invalid {
                    encoding: "UTF-8",
                    at: 9,
                    line: 2,
                    // "ÿþ" is Turkish as much as Western European.
                    looks: Looks::Like(encoding_rs::WINDOWS_1254),
                },
            ),
            (
                b"ab\ncd\x00ef",
                Hints::default(),
                DecodeError::Binary { at: 5 },
            ),
            (
                b"\xef\xbb\xbfx\x00",
                Hints::default(),
                DecodeError::Binary { at: 4 },
            ),
            // Shift_JIS: 0x85 0x40 is unmapped.
            (
                b"a\nb\n\x85\x40",
                declared("shift_jis"),
                DecodeError::Invalid {
                    encoding: "Shift_JIS",
                    at: 4,
                    line: 3,
                    // The user named the encoding: none is guessed.
                    looks: Looks::Unknown,
                },
            ),
            // An unpaired surrogate after the mark: offsets count the mark. The mark decides
            // the encoding: none is guessed.
            (
                b"\xff\xfeA\x00\x00\xd8B\x00",
                Hints::default(),
                DecodeError::Invalid {
                    encoding: "UTF-16LE",
                    at: 4,
                    line: 1,
                    looks: Looks::Marked,
                },
            ),
            // A UTF-8 mark before windows-1252 text, with or without --encoding: the mark wins,
            // so no --encoding can help.
            (
                b"\xef\xbb\xbfLe caf\xe9 \xe9tait ferm\xe9.",
                Hints::default(),
                DecodeError::Invalid {
                    encoding: "UTF-8",
                    at: 9,
                    line: 1,
                    looks: Looks::Marked,
                },
            ),
            (
                b"\xef\xbb\xbfLe caf\xe9 \xe9tait ferm\xe9.",
                declared("windows-1252"),
                DecodeError::Invalid {
                    encoding: "UTF-8",
                    at: 9,
                    line: 1,
                    looks: Looks::Marked,
                },
            ),
        ];
        for (bytes, hints, want) in cases {
            assert_eq!(
                decode(bytes.to_vec(), *hints, false).unwrap_err(),
                *want,
                "{bytes:?}"
            );
        }
        assert_eq!(
            DecodeError::Binary { at: 5 }.to_string(),
            "looks like a binary file (NUL byte at byte 5)"
        );
        let e = DecodeError::Invalid {
            encoding: "UTF-8",
            at: 9,
            line: 1,
            looks: Looks::Marked,
        };
        assert_eq!(
            e.to_string(),
            "not valid UTF-8 at byte 9 (line 1); it starts with a UTF-8 byte-order mark, which decides its encoding whatever --encoding says: --lossy replaces the bytes that are not UTF-8"
        );
    }

    /// Text in a legacy encoding that is not valid UTF-8 is said to look like that encoding,
    /// with the flag that reads it; bytes that fit no encoding get the two flags that can help.
    #[test]
    fn an_invalid_input_names_the_encoding_it_looks_like() {
        let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode(
            "The caf\u{e9} was closed. \u{201c}We were na\u{ef}ve,\u{201d} the owner said.",
        );
        let (w1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430} \u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b}\u{430}, \u{447}\u{442}\u{43e} \u{43f}\u{435}\u{440}\u{435}\u{433}\u{43e}\u{432}\u{43e}\u{440}\u{44b} \u{43f}\u{440}\u{43e}\u{434}\u{43e}\u{43b}\u{436}\u{430}\u{442}\u{441}\u{44f}.");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
            "\u{653f}\u{5e9c}\u{306f}\u{58f0}\u{660e}\u{3092}\u{767a}\u{8868}\u{3057}\u{305f}\u{3002}\u{6b66}\u{88c5}\u{52e2}\u{529b}\u{306f}\u{3053}\u{308c}\u{3092}\u{5426}\u{5b9a}\u{3057}\u{305f}\u{3002}",
        );
        // Two-byte encodings whose text has UTF-8 sequences by chance (a few of its letters).
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "\u{653f}\u{5e9c}\u{53d1}\u{8868}\u{58f0}\u{660e}\u{3002}\u{6b66}\u{88c5}\u{7ec4}\u{7ec7}\u{5426}\u{8ba4}\u{4e86}\u{8fd9}\u{4e00}\u{8bf4}\u{6cd5}\u{3002}\u{5317}\u{4eac}\u{5916}\u{4ea4}\u{90e8}\u{53d1}\u{8a00}\u{4eba}\u{8868}\u{793a}\u{ff0c}\u{8c08}\u{5224}\u{5c06}\u{5728}\u{65e5}\u{5185}\u{74e6}\u{7ee7}\u{7eed}\u{8fdb}\u{884c}\u{3002}",
        );
        let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(
            "\u{c815}\u{bd80}\u{b294} \u{c131}\u{ba85}\u{c744} \u{bc1c}\u{d45c}\u{d588}\u{b2e4}. \u{bb34}\u{c7a5} \u{c138}\u{b825}\u{c740} \u{c774}\u{b97c} \u{bd80}\u{c778}\u{d588}\u{b2e4}. \u{c11c}\u{c6b8}\u{c5d0}\u{c11c} \u{b300}\u{d1b5}\u{b839}\u{c774} \u{ae30}\u{c790}\u{d68c}\u{acac}\u{c744} \u{c5f4}\u{c5c8}\u{b2e4}.",
        );
        // UTF-8 text with one stray byte: the rest would be garbled by any legacy encoding.
        let french = "Le gouvernement a annonc\u{e9} mercredi que les n\u{e9}gociations reprendraient \u{e0} Gen\u{e8}ve. ".repeat(20);
        let mut damaged = french.clone().into_bytes();
        damaged.insert(900, 0xff);
        let table: &[(&[u8], &'static Encoding, Looks)] = &[
            (&w1252, UTF_8, Looks::Like(encoding_rs::WINDOWS_1252)),
            (&w1251, UTF_8, Looks::Like(encoding_rs::WINDOWS_1251)),
            (&sjis, UTF_8, Looks::Like(encoding_rs::SHIFT_JIS)),
            (&gbk, UTF_8, Looks::Like(encoding_rs::GBK)),
            (&euc_kr, UTF_8, Looks::Like(encoding_rs::EUC_KR)),
            (&damaged, UTF_8, Looks::MostlyUtf8),
            (&damaged, encoding_rs::SHIFT_JIS, Looks::MostlyUtf8),
            // Valid UTF-8 read as another encoding (a page's wrong charset).
            (
                french.as_bytes(),
                encoding_rs::SHIFT_JIS,
                Looks::Like(UTF_8),
            ),
            // A NUL byte: no legacy text.
            (b"ab\x00\xff", UTF_8, Looks::Unknown),
        ];
        for (bytes, tried, want) in table {
            assert_eq!(looks_like(bytes, tried), *want, "{bytes:?} {tried:?}");
        }
        // The chance UTF-8 sequences are there, so only a majority tells UTF-8 apart.
        for legacy in [&sjis, &gbk, &euc_kr] {
            assert!(legacy.utf8_chunks().any(|c| !c.valid().is_ascii()));
        }
        let e = decode(damaged, Hints::default(), false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not valid UTF-8 at byte 900 (line 1); the rest of it is UTF-8, which another encoding would misread: --lossy replaces the bytes that are not UTF-8"
        );
        let e = decode(w1252.to_vec(), Hints::default(), false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not valid UTF-8 at byte 7 (line 1); it looks like windows-1252: try --encoding windows-1252 (or --lossy to replace the bytes that are not UTF-8)"
        );
        let e = DecodeError::Invalid {
            encoding: "UTF-8",
            at: 3,
            line: 1,
            looks: Looks::Unknown,
        };
        assert_eq!(
            e.to_string(),
            "not valid UTF-8 at byte 3 (line 1); if it is written in another encoding, name it with --encoding LABEL (such as windows-1252); --lossy replaces the bytes that are not UTF-8"
        );
    }

    #[test]
    fn lossy_replaces_and_counts() {
        let d = decode(b"a\xff\xfeb\xe2\x80".to_vec(), Hints::default(), true).unwrap();
        assert_eq!(d.text, "a\u{fffd}\u{fffd}b\u{fffd}");
        assert_eq!(d.replaced, 4);
        let d = decode(b"a\x85\x40b".to_vec(), declared("shift_jis"), true).unwrap();
        assert_eq!(d.text, "a\u{fffd}@b");
        assert_eq!(d.replaced, 1);
    }

    #[test]
    fn labels() {
        assert_eq!(encoding_for_label("Latin1").unwrap().name(), "windows-1252");
        assert_eq!(encoding_for_label("arabic").unwrap().name(), "ISO-8859-6");
        assert_eq!(
            encoding_for_label("klingon").unwrap_err(),
            "unknown encoding label `klingon` (use a WHATWG label such as utf-8, utf-16le, \
             windows-1252, windows-1256, iso-8859-6)"
        );
        assert!(encoding_for_label("iso-2022-kr").is_err());
    }

    #[test]
    fn meta_and_content_type_charsets() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (
                b"<html><head><meta charset=\"windows-1256\">",
                Some("windows-1256"),
            ),
            (b"<META CHARSET=latin1>", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">",
                Some("ISO-8859-6"),
            ),
            (b"<meta charset='utf-16'>", Some("UTF-8")),
            (b"<meta name=viewport content=x>", None),
            (b"<p>charset=windows-1256</p>", None),
        ];
        for (html, want) in cases {
            assert_eq!(html_meta_charset(html).map(|e| e.name()), *want, "{html:?}");
        }
        assert_eq!(
            content_type_charset("text/html; charset=\"windows-1256\"").map(|e| e.name()),
            Some("windows-1256")
        );
        assert_eq!(content_type_charset("text/html"), None);
    }
}
