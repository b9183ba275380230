//! Integration tests: inputs: encodings, HTML, records, URLs.

use super::*;

fn html_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/html").join(name)
}

/// Runs framelens with `args`, expects exit 3 and a message about `input`, returns the reason.
fn refusal(args: &[&str], input: &str) -> String {
    let err = stderr_of(args, 3);
    let prefix = format!("framelens: {input}: ");
    assert!(err.starts_with(&prefix) && err.ends_with('\n'), "{err}");
    err[prefix.len()..err.len() - 1].to_owned()
}

/// The text framelens analyses for `args` (`--show-text`) and the JSON hits of its articles;
/// every hit must slice that text exactly.
fn shown_text_and_hits(args: &[&str]) -> (String, Vec<serde_json::Value>) {
    let mut show = args.to_vec();
    show.push("--show-text");
    let text = stdout_of(&show);
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&json)).unwrap();
    let hits = v["articles"][0]["hits"].as_array().unwrap().clone();
    for h in &hits {
        assert_slices(h, &text);
    }
    (text, hits)
}

/// Every `kept` string is in `text`, and no `gone` one.
fn assert_kept_and_gone(text: &str, kept: &[&str], gone: &[&str]) {
    for k in kept {
        assert!(text.contains(k), "missing {k:?} in {text}");
    }
    for g in gone {
        assert!(!text.contains(g), "{g:?} left in {text}");
    }
}

fn hit_texts(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_encoding_gives_the_text_and_hits_of_utf8() {
    let arabic =
        "Headline\nThe “rebels” of أحمد الشرع advanced — the regime said the terrorists fled.\n";
    let latin =
        "Headline\nThe “rebels” of Tahrir advanced — café regime said the terrorists fled.\n";
    let plain_arabic =
        "Headline\nThe rebels of أحمد الشرع advanced, the regime said the terrorists fled.\n";
    let utf16 = |text: &str, le: bool| {
        let mut b: Vec<u8> = if le {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for u in text.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let legacy = |enc: &'static encoding_rs::Encoding, text: &str| {
        let (b, _, bad) = enc.encode(text);
        assert!(!bad, "{} cannot encode {text}", enc.name());
        b.into_owned()
    };
    // (file name, bytes, extra flags, the text analysed)
    let cases: Vec<(&str, Vec<u8>, Vec<&str>, String)> = vec![
        (
            "utf8.txt",
            arabic.as_bytes().to_vec(),
            vec![],
            arabic.into(),
        ),
        (
            "bom.txt",
            [b"\xef\xbb\xbf".as_slice(), arabic.as_bytes()].concat(),
            vec![],
            format!("\u{feff}{arabic}"),
        ),
        ("le.txt", utf16(arabic, true), vec![], arabic.into()),
        ("be.txt", utf16(arabic, false), vec![], arabic.into()),
        (
            "1256.txt",
            legacy(encoding_rs::WINDOWS_1256, arabic),
            vec!["--encoding", "windows-1256"],
            arabic.into(),
        ),
        (
            "1252.txt",
            legacy(encoding_rs::WINDOWS_1252, latin),
            vec!["--encoding", "latin1"],
            latin.into(),
        ),
        (
            "8859-6.txt",
            legacy(encoding_rs::ISO_8859_6, plain_arabic),
            vec!["--encoding", "iso-8859-6"],
            plain_arabic.into(),
        ),
        // A byte-order mark wins over --encoding.
        (
            "le-declared.txt",
            utf16(arabic, true),
            vec!["--encoding", "windows-1252"],
            arabic.into(),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, flags, want) in cases {
        let f = write_temp(&dir, name, &bytes);
        let mut args = vec!["score", f.to_str().unwrap()];
        args.extend(flags);
        let (text, hits) = shown_text_and_hits(&args);
        assert_eq!(text, want, "{name}");
        assert_eq!(
            hit_texts(&hits),
            ["rebels", "regime", "terrorists"],
            "{name}"
        );
    }
}

/// An article in a legacy encoding is refused with the encoding it looks like and the flag
/// that reads it; the flag, given as said, reads it.
#[test]
fn an_article_in_a_legacy_encoding_is_refused_with_the_flag_that_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8])] = &[
        (
            "w1252.txt",
            b"The caf\xe9 was closed. \x93They are terrorists,\x94 na\xefve officials said.\n",
        ),
        (
            "w1251.txt",
            b"\xcc\xee\xf1\xea\xe2\xe0 \xe7\xe0\xff\xe2\xe8\xeb\xe0, \xf7\xf2\xee \xef\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb \xef\xf0\xee\xe4\xee\xeb\xe6\xe0\xfe\xf2\xf1\xff.\n",
        ),
    ];
    let mut rendered = String::new();
    for (name, body) in cases {
        let f = write_temp(&dir, name, body);
        let p = f.to_str().unwrap();
        let err = stderr_of(&["score", p], 3);
        rendered.push_str(&err.replace(dir.path().to_str().unwrap(), "<dir>"));
        let label = err
            .split("--encoding ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap();
        framelens()
            .args(["score", p, "--encoding", label])
            .assert()
            .success();
    }
    insta::assert_snapshot!("legacy_encoding_hint", rendered);
}

/// An article that is UTF-8 but for a stray byte, and one whose UTF-8 byte-order mark decides
/// its encoding, are not told to use an `--encoding` (it would garble the first and cannot
/// change the second: the mark wins); `--lossy`, which they are pointed to, reads both.
#[test]
fn a_damaged_utf8_article_is_pointed_to_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = "Les rebelles ont d\u{e9}clar\u{e9} \u{e0} Gen\u{e8}ve que le cessez-le-feu \u{e9}tait rompu.\n"
        .repeat(20)
        .into_bytes();
    damaged.insert(300, 0xff);
    let marked = b"\xef\xbb\xbfThe caf\xe9 was closed.\n";
    let cases: &[(&str, &[u8], &[&str], &str)] = &[
        (
            "damaged.txt",
            &damaged,
            &[],
            "not valid UTF-8 at byte 300 (line 5); the rest of it is UTF-8, which another encoding would misread: --lossy replaces the bytes that are not UTF-8",
        ),
        (
            "marked.txt",
            marked,
            &[],
            "not valid UTF-8 at byte 10 (line 1); it starts with a UTF-8 byte-order mark, which decides its encoding whatever --encoding says: --lossy replaces the bytes that are not UTF-8",
        ),
        (
            "marked.txt",
            marked,
            &["--encoding", "windows-1252"],
            "not valid UTF-8 at byte 10 (line 1); it starts with a UTF-8 byte-order mark, which decides its encoding whatever --encoding says: --lossy replaces the bytes that are not UTF-8",
        ),
    ];
    for (name, body, flags, want) in cases {
        let f = write_temp(&dir, name, body);
        let p = f.to_str().unwrap();
        let mut args = vec!["score", p];
        args.extend_from_slice(flags);
        assert_eq!(refusal(&args, p), *want, "{name} {flags:?}");
        args.push("--lossy");
        framelens().args(&args).assert().success();
    }
}

#[test]
fn invalid_bytes_are_refused_unless_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_temp(
        &dir,
        "bad.txt",
        b"Headline\nThe \xff\xfe rebels advanced.\n",
    );
    let p = bad.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p], p),
        "not valid UTF-8 at byte 13 (line 2); it looks like windows-1254: try --encoding windows-1254 (or --lossy to replace the bytes that are not UTF-8)"
    );
    let out = framelens()
        .args(["score", p, "--lossy", "--show-text"])
        .assert()
        .success()
        .stderr(format!(
            "framelens: {p}: replaced 2 bytes that are not valid UTF-8 with U+FFFD (--lossy)\n"
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Headline\nThe \u{fffd}\u{fffd} rebels advanced.\n"
    );
    // A declared encoding names itself; the offset counts bytes of the file.
    let sjis = write_temp(&dir, "sjis.txt", b"Headline\n\x82\xa0 \x85\x40 rebels\n");
    let p = sjis.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p, "--encoding", "shift_jis"], p),
        "not valid Shift_JIS at byte 12 (line 2); if it is written in another encoding, name it with --encoding LABEL (such as windows-1252); --lossy replaces the bytes that are not Shift_JIS"
    );
    // --lossy is for score and compare (corpus mode skips and counts such records).
    assert!(
        stderr_of(&["corpus", p, "--lossy"], 2)
            .starts_with("error: unexpected argument '--lossy' found\n")
    );
    assert!(
        stderr_of(&["lexicon", "list", "--encoding", "latin1"], 2)
            .starts_with("error: unexpected argument '--encoding' found\n")
    );
    // An unknown label is a usage error naming it.
    let err = stderr_of(&["score", p, "--encoding", "klingon"], 2);
    assert!(
        err.starts_with(
            "error: invalid value 'klingon' for '--encoding <LABEL>': unknown encoding label \
             `klingon` (use a WHATWG label such as utf-8, utf-16le, windows-1252, windows-1256, \
             iso-8859-6)\n"
        ),
        "{err}"
    );
}

#[test]
fn binary_files_are_refused_but_utf16_is_not() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, want) in [
        ("a.pdf.txt", &b"%PDF-1.7\n\x00\x01\x02"[..], Some(9)),
        ("bom-nul.txt", b"\xef\xbb\xbfHeadline\x00", Some(11)),
        (
            "utf16.txt",
            b"\xff\xfeH\x00i\x00\n\x00r\x00e\x00b\x00e\x00l\x00s\x00",
            None,
        ),
    ] {
        let f = write_temp(&dir, name, bytes);
        let p = f.to_str().unwrap();
        match want {
            Some(at) => assert_eq!(
                refusal(&["score", p], p),
                format!("looks like a binary file (NUL byte at byte {at})")
            ),
            None => assert_eq!(stdout_of(&["score", p, "--show-text"]), "Hi\nrebels"),
        }
    }
}

#[test]
fn html_page_is_reduced_to_headline_and_body_paragraphs() {
    let page = html_fixture("article.html");
    let (text, hits) = shown_text_and_hits(&["score", page.to_str().unwrap()]);
    assert!(
        text.starts_with(
            "Rebels enter Aleppo as government lines collapse\n\nSyrian rebels led by"
        ),
        "{text}"
    );
    // Body paragraphs, separated by blank lines, entities decoded, curly quotes and Arabic kept.
    assert_kept_and_gone(
        &text,
        &[
            "\n\nThe group’s leader, Abu Mohammed al-Jolani — born Ahmed al-Sharaa (أحمد الشرع) — told \
         fighters in a recorded message that “the regime of Bashar al-Assad is finished in Aleppo” \
         and urged them to protect civilians.\n\n",
            "to \"strengthen defensive lines\" and described",
            "\n\nThe United Nations envoy for Syria, Geir Pedersen,",
        ],
        // Navigation, share widgets, the read-more box, related links, comments, scripts, styles.
        &[
            "Politics",
            "Subscribe",
            "why the terrorists won",
            "Share on Facebook",
            "Email this story",
            "Read more",
            "a timeline of thirteen years",
            "Related stories",
            "last stronghold",
            "Comments",
            "reader42",
            "should never have been allowed",
            "freedom fighters",
            "Post comment",
            "dataLayer",
            "tracking",
            "STYLE-LEAK",
            "All rights reserved",
            "&amp;",
            "&mdash;",
        ],
    );
    assert_eq!(text.matches("\n\n").count(), 6, "{text}");
    assert_eq!(
        hit_texts(&hits),
        [
            "Rebels",
            "rebels",
            "opposition fighters",
            "fighters",
            "regime",
            "terrorist organizations",
            "terrorist organization",
            "opposition factions"
        ]
    );
    assert_eq!(hits[4]["voice"], "quote");
}

#[test]
fn html_is_found_by_content_and_the_format_flag_decides() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read(html_fixture("article.html")).unwrap();
    let saved = write_temp(&dir, "saved-page.txt", &page);
    let s = saved.to_str().unwrap();
    let extracted = stdout_of(&["score", s, "--show-text"]);
    assert!(extracted.starts_with("Rebels enter Aleppo as government lines collapse\n\n"));
    assert_eq!(
        stdout_of(&["score", s, "--show-text", "--input-format", "text"]).as_bytes(),
        page
    );
    let out = framelens()
        .args(["score", "-", "--show-text", "--input-format", "html"])
        .write_stdin(page.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), extracted);
    // A page with nothing to read.
    let empty = write_temp(
        &dir,
        "empty.html",
        b"<html><head><title></title></head><body><script>var rebels;</script></body></html>",
    );
    let p = empty.to_str().unwrap();
    assert_eq!(
        refusal(&["score", p], p),
        "no article text found in the HTML page"
    );
}

#[test]
fn html_meta_charset_and_show_text_of_two_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = "<html><head><meta charset=\"windows-1256\"><title>Sharaa in Damascus</title></head>\
        <body><article><p>Ahmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.</p>\
        </article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(utf8);
    let f = write_temp(&dir, "sharaa.htm", &bytes);
    let g = write_temp(&dir, "note.txt", "Note\nThe militants left.".as_bytes());
    let out = stdout_of(&[
        "compare",
        f.to_str().unwrap(),
        g.to_str().unwrap(),
        "--show-text",
    ]);
    assert_eq!(
        out,
        format!(
            "==> {} <==\nSharaa in Damascus\n\nAhmed al-Sharaa (أحمد الشرع) told the rebels in \
             Damascus that the regime had fallen.\n\n==> {} <==\nNote\nThe militants left.\n",
            f.display(),
            g.display()
        )
    );
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "compare",
        f.to_str().unwrap(),
        g.to_str().unwrap(),
        "--show-text",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["texts"][0]["name"], "sharaa");
    assert_eq!(v["texts"][1]["text"], "Note\nThe militants left.");
}

#[test]
fn markdown_markup_and_link_urls_make_no_hits_and_offsets_stay_raw() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntags: [terrorists, regime]\n---\n\n# Rebels advance on Hama\n\n\
        The **militants** of [Hayat Tahrir al-Sham](https://example.com/terrorists-regime) entered\n\
        the city — “we are not terrorists,” said أحمد الشرع.\n\n\
        ![regime tanks](https://example.com/regime.jpg)\n\n\
        See <https://example.com/insurgents> and [the army][1].\n\n\
        [1]: https://example.com/junta\n";
    let f = write_temp(&dir, "story.md", md.as_bytes());
    let (text, hits) = shown_text_and_hits(&["score", f.to_str().unwrap()]);
    assert_eq!(text.len(), md.len());
    for h in &hits {
        assert_slices(h, md);
    }
    assert_eq!(hit_texts(&hits), ["Rebels", "militants", "terrorists"]);
    assert!(text.contains("  Rebels advance on Hama\n"), "{text}");
    assert!(
        text.contains("entered the city — “we are not terrorists,” said"),
        "{text}"
    );
}

/// Markdown markup is blanked to spaces so that offsets point into the file; the reports show
/// the words as rendered ("militant group"), the JSON keeps the exact slice.
#[test]
fn markdown_evidence_shows_the_rendered_words() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Aleppo falls\n\nSyrian rebels *led by* **Hayat Tahrir al-Sham** advanced. \
        The **militant** group took the city, and the *militant* _group_ held it, *senior* \
        officials said.\n";
    let f = write_temp(&dir, "story.md", md.as_bytes());
    let p = f.to_str().unwrap();
    // The analysed text is the file with its markup blanked: the same length, and the hits
    // slice it (`shown_text_and_hits` checks that).
    let (analysed, hits) = shown_text_and_hits(&["score", p]);
    assert_eq!(analysed.len(), md.len());
    assert!(hit_texts(&hits).contains(&"militant   group".to_owned()));
    let text = stdout_of(&["score", p, "--explain"]);
    assert!(text.contains("'militant group' [militant-group"), "{text}");
    // No run of blanked markup survives in what is shown, past each line's indent.
    for line in text.lines() {
        assert!(!line.trim_start().contains("  "), "{line:?}");
    }
    assert!(
        text.contains("sentence 2: Syrian rebels led by Hayat Tahrir"),
        "{text}"
    );
    // (The line may wrap between the two words.)
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains("(senior officials)"), "{text}");
    // The comparison shows the same words, in its findings, tables and speakers.
    let compared = stdout_of(&["compare", p, p]);
    assert!(compared.contains("militant group"), "{compared}");
    for line in compared.lines() {
        assert!(!line.trim_start().contains("  "), "{line:?}");
    }
    let md_report = stdout_of(&["score", p, "--format", "markdown"]);
    assert!(md_report.contains("| militant group |"), "{md_report}");
}

#[test]
fn json_and_jsonl_records_are_articles() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write_temp(
        &dir,
        "feed.jsonl",
        "{\"id\": \"wire-1\", \"title\": \"Rebels take Aleppo\", \"text\": \"The rebels advanced.\\nThe regime fled.\"}\n\
         {\"title\": \"Second\", \"text\": \"Militants of أحمد الشرع’s group “left”.\"}\n"
            .as_bytes(),
    );
    let j = jsonl.to_str().unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["score", j, "--format", "json"])).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["name"], "wire-1");
    assert_eq!(arts[1]["name"], "feed:2");
    let text = "Rebels take Aleppo\n\nThe rebels advanced.\nThe regime fled.";
    for h in arts[0]["hits"].as_array().unwrap() {
        assert_slices(h, text);
    }
    // Other field names, and a JSON file holding one record, compared with a text file.
    let json = write_temp(
        &dir,
        "one.json",
        br#"{"headline": "Army retakes town", "body": "The army said the terrorists withdrew."}"#,
    );
    let out = stdout_of(&[
        "compare",
        json.to_str().unwrap(),
        sample(A).to_str().unwrap(),
        "--title-field",
        "headline",
        "--text-field",
        "body",
        "--show-text",
    ]);
    assert!(
        out.starts_with(&format!(
            "==> {} <==\nArmy retakes town\n\nThe army said the terrorists withdrew.\n",
            json.display()
        )),
        "{out}"
    );
    // compare takes one article per input; records that are not articles name their line.
    assert_eq!(
        refusal(&["compare", j, sample(A).to_str().unwrap()], j),
        "holds 2 articles; compare takes one article per input (use score, or corpus)"
    );
    let bad = write_temp(
        &dir,
        "bad.jsonl",
        b"{\"text\": \"ok\"}\n{\"title\": \"no text\"}\n",
    );
    let b = bad.to_str().unwrap();
    assert_eq!(refusal(&["score", b], &format!("{b}:2")), "no 'text' field");
}

/// A local HTTP server on 127.0.0.1 for the URL tests: serves at most `max` connections, each
/// on its own thread, and is never reached from outside the machine. Returns its base URL.
fn serve(max: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let page = std::fs::read(html_fixture("article.html")).unwrap();
    let sample_b = std::fs::read(sample(B)).unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let (page, sample_b) = (page.clone(), sample_b.clone());
            std::thread::spawn(move || {
                let mut path = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap_or(0) > 0 {
                    if path.is_empty() {
                        path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                    }
                    if line == "\r\n" {
                        break;
                    }
                    line.clear();
                }
                let respond = |stream: &mut std::net::TcpStream,
                               status: &str,
                               headers: &str,
                               body: &[u8]| {
                    let head = format!(
                        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body);
                };
                match path.as_str() {
                    "/world/rebels-enter-aleppo.html" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: text/html; charset=utf-8\r\n",
                        &page,
                    ),
                    "/wire/putin-erdogan" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: text/plain; charset=utf-8\r\n",
                        &sample_b,
                    ),
                    "/ar/sharaa" => {
                        let html = "<html><head><title>الشرع في دمشق</title></head><body><article>\
                            <p>Ahmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.</p>\
                            </article></body></html>";
                        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(html);
                        respond(
                            &mut stream,
                            "200 OK",
                            "Content-Type: text/html; charset=windows-1256\r\n",
                            &bytes,
                        )
                    }
                    "/loop" => respond(&mut stream, "302 Found", "Location: /loop\r\n", b""),
                    "/report.pdf" => respond(
                        &mut stream,
                        "200 OK",
                        "Content-Type: application/pdf\r\n",
                        b"%PDF-1.7",
                    ),
                    "/huge" => {
                        let size = 21usize << 20;
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n<p>"
                        );
                        let _ = stream.write_all(head.as_bytes());
                        let chunk = vec![b'a'; 1 << 16];
                        for _ in 0..(size >> 16) {
                            if stream.write_all(&chunk).is_err() {
                                break;
                            }
                        }
                    }
                    "/slow" => {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        respond(
                            &mut stream,
                            "200 OK",
                            "Content-Type: text/plain\r\n",
                            b"Late\nrebels",
                        );
                    }
                    _ => respond(
                        &mut stream,
                        "404 Not Found",
                        "Content-Type: text/plain\r\n",
                        b"no",
                    ),
                }
            });
        }
    });
    base
}

#[test]
fn urls_are_fetched_extracted_and_named_readably() {
    let base = serve(16);
    let a = format!("{base}/world/rebels-enter-aleppo.html");
    let b = format!("{base}/wire/putin-erdogan");
    // The text of a fetched page is the text of the saved page.
    let (text, hits) = shown_text_and_hits(&["score", &a]);
    assert_eq!(
        text,
        stdout_of(&[
            "score",
            html_fixture("article.html").to_str().unwrap(),
            "--show-text"
        ])
    );
    assert_eq!(hits.len(), 8);
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["compare", &a, &b, "--format", "json"])).unwrap();
    assert_eq!(v["a"]["name"], "127.0.0.1/rebels-enter-aleppo", "{v}");
    assert_eq!(v["b"]["name"], "127.0.0.1/putin-erdogan");
    // The charset of the Content-Type decodes the page.
    let text = stdout_of(&["score", &format!("{base}/ar/sharaa"), "--show-text"]);
    assert_eq!(
        text,
        "الشرع في دمشق\n\nAhmed al-Sharaa (أحمد الشرع) told the rebels in Damascus that the regime had fallen.\n"
    );
}

#[test]
fn url_failures_each_name_the_url_and_the_reason() {
    let base = serve(32);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/gone", l.local_addr().unwrap())
    };
    let cases = [
        (
            format!("{base}/missing"),
            "the server answered HTTP 404 (Not Found)",
        ),
        (format!("{base}/loop"), "more than 5 redirects"),
        (
            format!("{base}/report.pdf"),
            "not an article page: Content-Type application/pdf (expected text/html or text/plain)",
        ),
        (
            format!("{base}/huge"),
            "over the limit of 16777216 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)",
        ),
        (closed, "cannot connect: connection refused"),
    ];
    for (url, reason) in cases {
        assert_eq!(refusal(&["score", &url], &url), reason);
    }
    // Past --max-article-bytes, the fetch's own limit.
    let huge = format!("{base}/huge");
    assert_eq!(
        refusal(&["score", &huge, "--max-article-bytes", "30000000"], &huge),
        "the response is larger than the limit of 20 MiB"
    );
    let slow = format!("{base}/slow");
    let started = std::time::Instant::now();
    assert_eq!(
        refusal(&["score", &slow, "--timeout", "1"], &slow),
        "timed out after 1 s"
    );
    assert!(started.elapsed() < std::time::Duration::from_millis(2900));
}

#[test]
fn corpus_reads_pages_markdown_and_legacy_files_as_score_does() {
    let dir = tempfile::tempdir().unwrap();
    let outlet = dir.path().join("pages").join("ledger");
    std::fs::create_dir_all(&outlet).unwrap();
    std::fs::copy(html_fixture("article.html"), outlet.join("aleppo.html")).unwrap();
    let arabic = "Headline\nThe rebels of أحمد الشرع advanced, the regime said.\n";
    let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    std::fs::write(outlet.join("arabic.txt"), &w1256).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(arabic.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(outlet.join("utf16.txt"), &utf16).unwrap();
    std::fs::write(
        outlet.join("notes.md"),
        "# Notes\n\nThe [militants](https://example.com/terrorists) left.\n",
    )
    .unwrap();
    std::fs::write(outlet.join("junk.txt"), b"GIF\x00\x01").unwrap();
    let hits = dir.path().join("hits.jsonl");
    let out = framelens()
        .args(["corpus", "-q", "--encoding", "windows-1256", "--hits"])
        .arg(&hits)
        .arg(dir.path().join("pages"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "framelens: {}: skipped: looks like a binary file (NUL byte at byte 3)\n",
            outlet.join("junk.txt").display()
        )
    );
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&hits)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |doc: &str| -> Vec<String> {
        let mut v: Vec<String> = rows
            .iter()
            .filter(|r| r["doc_id"] == doc)
            .map(|r| r["text"].as_str().unwrap().to_owned())
            .collect();
        v.dedup();
        v
    };
    // The page gives the hits `score` finds on it; the legacy and UTF-16 files those of UTF-8.
    let page = shown_text_and_hits(&["score", html_fixture("article.html").to_str().unwrap()]).1;
    assert_eq!(of("ledger/aleppo.html"), hit_texts(&page));
    assert_eq!(of("ledger/arabic.txt"), ["rebels", "regime"]);
    assert_eq!(of("ledger/utf16.txt"), ["rebels", "regime"]);
    assert_eq!(of("ledger/notes.md"), ["militants"]);
    // A spreadsheet's CSV export in windows-1252, decoded field by field.
    let csv = "id,source,title,text\nc1,Wire,“Rebels” advance,The regime’s army — café owners said — fled.\n";
    let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode(csv);
    let f = write_temp(&dir, "export.csv", &w1252);
    std::fs::remove_file(&hits).unwrap();
    framelens()
        .args(["corpus", "-q", "--encoding", "windows-1252", "--hits"])
        .arg(&hits)
        .arg(&f)
        .assert()
        .success();
    let rows = std::fs::read_to_string(&hits).unwrap();
    let texts: Vec<String> = rows
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].to_string())
        .collect();
    assert_eq!(texts, ["\"Rebels\"", "\"regime\""], "{rows}");
    assert!(
        rows.contains("The regime’s army — café owners said — fled."),
        "{rows}"
    );
    // Without --encoding the same file's records are skipped as not UTF-8.
    let out = framelens().args(["corpus", "-q"]).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "framelens: {}:2: skipped: not valid UTF-8 in column 3 at byte 0\n",
            f.display()
        )
    );
}

#[test]
fn show_text_is_exact_when_piped_and_escaped_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Headline\nThe \u{1b}[31mrebels\u{1b}[0m advanced.\n";
    let f = write_temp(&dir, "esc.txt", body.as_bytes());
    assert_eq!(
        stdout_of(&["score", f.to_str().unwrap(), "--show-text"]),
        body
    );
    // The escaped form on a terminal is pinned by a unit test of the binary (`cli::run`): a
    // test run's standard output is never a terminal.
}

#[test]
fn a_legacy_encoded_page_with_furniture_inside_its_container() {
    // Saved from a site that declares windows-1256 in a <meta http-equiv>, with a cookie banner,
    // a "Read more" link and a newsletter box inside the article's container, tags, share
    // buttons, Disqus comments and a "most read" sidebar.
    let page = html_fixture("damascus-windows-1256.html");
    let (text, hits) = shown_text_and_hits(&["score", page.to_str().unwrap()]);
    assert!(
        text.starts_with(
            "Sharaa meets Arab envoys in Damascus\n\nSyria’s new de facto leader, Ahmed al-Sharaa \
             (أحمد الشرع), received Arab envoys"
        ),
        "{text}"
    );
    assert_kept_and_gone(
        &text,
        &[
            "\n\n“The Syrian people have suffered under the regime for fifty years,” Sharaa said. “We \
         will not allow the country to become a base for militias.”\n\n",
            "\n\nthe return of refugees from Lebanon, Jordan and Turkey;\n\n",
            "the 1974 disengagement agreement.\n",
        ],
        &[
            "cookies",
            "Sign in",
            "Podcasts",
            "Read more",
            "who are its terrorists",
            "newsletter",
            "Tags:",
            "WhatsApp",
            "12 comments",
            "terrorists in suits",
            "Liberation at last",
            "Most read",
            "Hama airport",
            "__CONFIG__",
            "junta",
        ],
    );
    assert_eq!(
        hit_texts(&hits),
        [
            "rebel offensive",
            "monopoly on weapons",
            "regime",
            "militias",
            "foreign fighters"
        ]
    );
    assert_eq!(
        (&hits[2]["voice"], &hits[2]["speaker"]),
        (&"quote".into(), &"Sharaa".into())
    );
}

/// A 100 MB article on one line is refused before it is read (file or standard input); the
/// limit is a flag.
#[test]
fn a_100_mb_article_on_one_line_is_refused_by_size() {
    let dir = tempfile::tempdir().unwrap();
    let line = "HTS terrorists advanced on Aleppo — “rebels”, said Erdoğan. ".repeat(1_600_000);
    assert!(line.len() > 100_000_000 && !line.contains('\n'));
    let big = write_temp(&dir, "big.txt", line.as_bytes());
    let err = capped_stderr(GIB, &["score", big.to_str().unwrap()], 3);
    assert_eq!(
        err,
        format!(
            "framelens: {}: {} bytes, over the limit of 16777216 bytes for one article \
             (--max-article-bytes; `framelens corpus` reads collections)\n",
            big.display(),
            line.len()
        )
    );
    capped(GIB)
        .args(["compare", "-", sample(A).to_str().unwrap()])
        .write_stdin(line.as_bytes())
        .assert()
        .code(3)
        .stderr(
            "framelens: <stdin>: over the limit of 16777216 bytes for one article \
             (--max-article-bytes; `framelens corpus` reads collections)\n",
        );
    // Raised, the same limit lets a smaller one-line article through.
    let text = "HTS terrorists advanced on Aleppo — “rebels”, said Erdoğan. ".repeat(30);
    let small = write_temp(&dir, "small.txt", text.as_bytes());
    let small = small.to_str().unwrap();
    let len = text.len().to_string();
    for (limit, code) in [("1000", 3), (len.as_str(), 0)] {
        framelens()
            .args(["score", small, "--max-article-bytes", limit])
            .assert()
            .code(code);
    }
}

#[test]
fn newswcl_eval_prints_linking_and_coreference_figures() {
    let file = root().join("../shared/data/newswcl50-dev/newswcl50-even-events.conll");
    if !file.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            file.display()
        );
        eprintln!(
            "skipped: {} is absent (NewsWCL50 is not shipped with framelens)",
            file.display()
        );
        return;
    }
    let path = file.to_str().unwrap();
    let out = framelens()
        .args(["eval", "--newswcl", path])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for want in [
        "articles 25, events 5",
        "actor linking on non-name party mentions:",
        "baseline: most named party",
        "baseline: nearest name (±10)",
        "baseline: most recent name",
        "coreference of party mentions, within documents:",
        "coreference of party mentions, across each event:",
        "same head lemma",
        "linking errors: no hit found",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
    // JSON has every figure; the same-story run reads the same mentions.
    let out = framelens()
        .args([
            "eval",
            "--newswcl",
            path,
            "--same-story",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 25);
    assert!(v["mode"].as_str().unwrap().contains("one story"));
    let n = v["linking"]["framelens"]["n"].as_u64().unwrap();
    assert_eq!(v["non_name_mentions"].as_u64(), Some(n));
    assert!((600..=900).contains(&n), "{n} non-name party mentions");
    // The targets of the actor-resolution issue, on the story: linking at least 0.60, and
    // cross-document CoNLL F1 at least 10 points above the same-head-lemma baseline.
    let linking = v["linking"]["framelens"]["accuracy"].as_f64().unwrap();
    assert!(linking >= 0.60, "linking {linking}");
    let across = &v["coref_across_event"];
    let (ours, head) = (
        across["framelens"]["conll_f1"].as_f64().unwrap(),
        across["same_head_lemma"]["conll_f1"].as_f64().unwrap(),
    );
    assert!(ours >= head + 0.10, "CoNLL F1 {ours} against {head}");
    for k in ["coref_within_documents", "coref_across_event"] {
        for m in ["framelens", "same_head_lemma", "nearest_name"] {
            let f = v[k][m]["conll_f1"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&f), "{k} {m} {f}");
        }
    }
    // A malformed file fails with its line.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conll");
    std::fs::write(
        &bad,
        "#begin document 1/-/1_L; part 000\n1/-/1_L\t0\t0\tA\n",
    )
    .unwrap();
    framelens()
        .args(["eval", "--newswcl", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("bad.conll:2:"));
}

#[test]
fn an_eval_folder_with_nothing_to_read_says_what_it_looked_for() {
    // (flag, the folder made inside the temporary one, the message after "framelens: no ").
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let cases: &[(&str, &str, String)] = &[
        ("--gold", "g", format!("gold files (*.yaml) in {d}/g")),
        (
            "--semeval-spans",
            "s",
            format!("articles (*.txt) in {d}/s/articles"),
        ),
        (
            "--polnear",
            "p",
            format!("text/ and attributions/ folders (in it or in its subfolders) in {d}/p"),
        ),
    ];
    for (flag, sub, want) in cases {
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(folder.join("articles")).unwrap();
        let err = stderr_of(&["eval", flag, folder.to_str().unwrap()], 5);
        assert_eq!(err, format!("framelens: no {want}\n"), "{flag}");
    }
}
