//! Integration tests: corpus mode.

use super::*;

/// A corpus with a known difference: three outlets describe HTS in their own voice with
/// different labels, in set proportions. Sentences vary with the article number so that no two
/// articles are identical.
fn synthetic_corpus(per_source: usize) -> Vec<serde_json::Value> {
    let places = [
        "Hama",
        "Idlib",
        "Aleppo",
        "Homs",
        "Maarat al-Numan",
        "Saraqib",
        "Khan Sheikhoun",
    ];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    // (source, labels cycled through: the share of each is its share of the cycle)
    let styles: [(&str, &[&str]); 3] = [
        ("wire", &["militants", "militants", "militants", "rebels"]),
        (
            "statetv",
            &[
                "terrorists",
                "terrorists",
                "terrorists",
                "terrorists",
                "militants",
            ],
        ),
        ("partisan", &["rebels", "rebels", "rebels", "militants"]),
    ];
    let mut out = Vec::new();
    for (s, (source, labels)) in styles.iter().enumerate() {
        for i in 0..per_source {
            let n = s * per_source + i;
            let place = places[n % places.len()];
            let day = days[n % days.len()];
            let l1 = labels[i % labels.len()];
            let l2 = labels[(i + 1) % labels.len()];
            let text = format!(
                "Hayat Tahrir al-Sham {l1} advanced on {place} on {day}.\n\n\
                 The offensive is the largest in years. Hayat Tahrir al-Sham {l2} took \
                 {k} villages near {place} overnight. Residents fled south, according to the \
                 Syrian Observatory.\n\n\
                 \u{201c}We will hold the line,\u{201d} a commander said.",
                k = 2 + n % 9
            );
            out.push(serde_json::json!({
                "id": format!("{source}-{i:04}"),
                "source": source,
                "date": format!("2024-{:02}-{:02}", 10 + i % 3, 1 + i % 28),
                "title": format!("Fighting near {place}"),
                "text": text,
            }));
        }
    }
    out
}

/// The string `key` of every element of a JSON array.
fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|e| e[key].as_str().expect("a string").to_owned())
        .collect()
}

fn corpus_json_report(args: &[&str]) -> serde_json::Value {
    let out = framelens().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

#[test]
fn corpus_compare_names_the_labels_that_differ() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_temp(
        &dir,
        "corpus.jsonl",
        jsonl(&synthetic_corpus(40)).as_bytes(),
    );
    let r = corpus_json_report(&[
        "corpus",
        input.to_str().unwrap(),
        "--compare",
        "--quiet",
        "--format",
        "json",
    ]);
    assert_eq!(r["articles"], 120);
    let period = &r["periods"][0];
    assert_eq!(period["period"], "all");
    let hts = period["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["actor"] == "hts")
        .expect("HTS compared");
    // 80 uses per source: 2 per article.
    assert_eq!(
        hts["totals"],
        serde_json::json!({"partisan": 80, "statetv": 80, "wire": 80})
    );
    let sig: Vec<(String, String, String)> = hts["keyness"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["significant"] == true)
        .map(|k| {
            (
                k["source"].as_str().unwrap().to_owned(),
                k["term"].as_str().unwrap().to_owned(),
                k["direction"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for want in [
        ("statetv", "terrorist", "over"),
        ("wire", "militant", "over"),
        ("partisan", "rebel", "over"),
        ("wire", "terrorist", "under"),
        ("statetv", "rebel", "under"),
    ] {
        assert!(
            sig.iter()
                .any(|s| (s.0.as_str(), s.1.as_str(), s.2.as_str()) == want),
            "{want:?} missing from {sig:?}"
        );
    }
    // statetv: 64 "terrorists" of 80; the others: 0 of 160. Every figure is in the row.
    let row = hts["keyness"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["source"] == "statetv" && k["term"] == "terrorist")
        .unwrap();
    assert_eq!(row["n_target"], 64);
    assert_eq!(row["target_total"], 80);
    assert_eq!(row["n_reference"], 0);
    assert_eq!(row["reference_total"], 160);
    assert!(row["g2"].as_f64().unwrap() > 100.0);
    assert!(row["p_adjusted"].as_f64().unwrap() < 1e-10);
    // The text report says it in words.
    let out = framelens()
        .args(["corpus", input.to_str().unwrap(), "--compare", "--quiet"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("statetv over-uses \"terrorist\": 64 of 80 uses (80.0%) vs 0.0% elsewhere"),
        "{text}"
    );
}

#[test]
fn corpus_split_runs_merge_to_the_bytes_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let records = synthetic_corpus(25);
    let whole = write_temp(&dir, "whole.jsonl", jsonl(&records).as_bytes());
    let run = |inputs: &[&Path], summary: &Path, extra: &[&str]| {
        let mut args: Vec<String> = vec!["corpus".into(), "--quiet".into()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        args.extend(["--summary".into(), summary.display().to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        framelens().args(&args).assert().success();
        std::fs::read(summary).unwrap()
    };
    let one = run(&[&whole], &dir.path().join("one.json"), &[]);
    // Any thread count gives the same bytes.
    assert_eq!(
        one,
        run(&[&whole], &dir.path().join("t1.json"), &["--threads", "1"])
    );
    // Three uneven parts, one of them interleaving sources.
    let parts = [&records[..7], &records[7..51], &records[51..]];
    let mut summaries = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let f = write_temp(&dir, &format!("part{i}.jsonl"), jsonl(p).as_bytes());
        let s = dir.path().join(format!("part{i}.json"));
        run(&[&f], &s, &[]);
        summaries.push(s);
    }
    for order in [[0, 1, 2], [2, 0, 1]] {
        let mut args = vec!["merge".to_owned()];
        args.extend(order.iter().map(|&i| summaries[i].display().to_string()));
        let out = framelens().args(&args).output().unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, one, "merge in order {order:?}");
    }
    // The report from merged parts equals the report from the one run.
    let from_parts = framelens()
        .arg("report")
        .args(&summaries)
        .args(["--compare", "--format", "json"])
        .output()
        .unwrap();
    let from_one = framelens()
        .args([
            "report",
            dir.path().join("one.json").to_str().unwrap(),
            "--compare",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(from_parts.stdout, from_one.stdout);
    // Parts made with another lexicon are refused.
    let lex = write_temp(
        &dir,
        "extra.yaml",
        b"lexicon: extra\nlabels:\n  - id: gunmen\n    forms: [gunmen]\n    category: delegitimizing/militancy\n    stance: -1\n    kind: label\n",
    );
    let other = dir.path().join("other.json");
    framelens()
        .args(["corpus", "--quiet", "--lexicon", lex.to_str().unwrap()])
        .arg(dir.path().join("part0.jsonl"))
        .arg("--summary")
        .arg(&other)
        .assert()
        .success();
    let err = stderr_of(
        &[
            "merge",
            summaries[0].to_str().unwrap(),
            other.to_str().unwrap(),
        ],
        3,
    );
    assert!(err.contains("made with a different lexicon than"), "{err}");
}

/// A summary whose counts name a voice framelens does not count is refused by `merge`, which
/// says where the key is.
#[test]
fn merge_refuses_an_unknown_voice_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let cell = r#"{"articles": 1, "words": 9, "bytes": 40, "hits": 1, "voices": {"narrator": 1}, "actors": {}}"#;
    let json = format!(
        r#"{{"format": "framelens-summary", "version": 2, "lexicon": "x", "articles": 1, "skipped": {{}}, "terms": {{}}, "actor_names": {{}}, "sources": {{"nyt": {{"2024-12": {cell}}}}}}}"#
    );
    let f = write_temp(&dir, "s.json", json.as_bytes());
    let err = stderr_of(&["merge", f.to_str().unwrap()], 3);
    assert_eq!(
        err,
        format!(
            "framelens: {}: unknown voice \"narrator\" at .sources[\"nyt\"][\"2024-12\"].voices; \
             the voices a summary counts are author, quote, reported and scare\n",
            f.display()
        )
    );
}

#[test]
fn corpus_reads_folders_csv_and_stdin_alike() {
    let dir = tempfile::tempdir().unwrap();
    let records = synthetic_corpus(4);
    let jl = write_temp(&dir, "c.jsonl", jsonl(&records).as_bytes());
    // A folder per source, one .txt per article (no titles, no dates).
    let mut csv = String::from("id,source,date,title,text\n");
    for r in &records {
        let src = r["source"].as_str().unwrap();
        std::fs::create_dir_all(dir.path().join("tree").join(src)).unwrap();
        let id = r["id"].as_str().unwrap();
        std::fs::write(
            dir.path().join("tree").join(src).join(format!("{id}.txt")),
            r["text"].as_str().unwrap(),
        )
        .unwrap();
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        csv.push_str(&format!(
            "{},{},{},{},{}\n",
            id,
            src,
            r["date"].as_str().unwrap(),
            q(r["title"].as_str().unwrap()),
            q(r["text"].as_str().unwrap())
        ));
    }
    let csv = write_temp(&dir, "c.csv", csv.as_bytes());
    let totals = |r: &serde_json::Value| r["sources"].clone();
    let from_jsonl = corpus_json_report(&["corpus", jl.to_str().unwrap(), "-q", "-f", "json"]);
    let from_csv = corpus_json_report(&["corpus", csv.to_str().unwrap(), "-q", "-f", "json"]);
    assert_eq!(totals(&from_jsonl), totals(&from_csv));
    let out = framelens()
        .args(["corpus", "-", "-q", "-f", "json"])
        .write_stdin(std::fs::read(&jl).unwrap())
        .output()
        .unwrap();
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(totals(&from_jsonl), totals(&from_stdin));
    // Folder names are the sources; the texts are the same but carry no titles.
    let tree = dir.path().join("tree");
    let from_tree = corpus_json_report(&["corpus", tree.to_str().unwrap(), "-q", "-f", "json"]);
    let names = strings(&from_tree["sources"], "source");
    assert_eq!(names, ["partisan", "statetv", "wire"]);
    assert_eq!(from_tree["articles"], 12);
    // A mapping file renames sources.
    let map = write_temp(
        &dir,
        "map.csv",
        b"# raw,source\nstatetv,State TV\nwire\tWire\n",
    );
    let mapped = corpus_json_report(&[
        "corpus",
        jl.to_str().unwrap(),
        "--source-map",
        map.to_str().unwrap(),
        "-q",
        "-f",
        "json",
    ]);
    let names = strings(&mapped["sources"], "source");
    assert_eq!(names, ["State TV", "Wire", "partisan"]);
    // A raw name mapped to two sources is refused with its place, not decided by the last line.
    let twice = write_temp(&dir, "twice.csv", b"raw,source\nwire,Wire\nwire,Wires\n");
    framelens()
        .args(["corpus", "-q", "--source-map"])
        .arg(&twice)
        .arg(&jl)
        .assert()
        .code(3)
        .stderr(format!(
            "framelens: {}:3: `wire` is given `Wire` on line 2 and `Wires` here\n",
            twice.display()
        ));
}

#[test]
fn corpus_reports_bad_records_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "source": "wire", "text": "Hayat Tahrir al-Sham militants advanced on Hama."})
        )
    };
    let mut body = Vec::new();
    body.extend(good("a").as_bytes());
    body.extend(b"{\"id\": \"b\", \"text\": \n");
    body.extend(b"{\"id\": \"c\", \"text\": \"caf\xe9\"}\n");
    body.extend(b"{\"id\": \"d\", \"text\": \"   \"}\n");
    body.extend(b"{\"id\": \"e\"}\n");
    body.extend(b"[1, 2]\n");
    body.extend(b"\n");
    body.extend(format!("{{\"id\": \"f\", \"text\": \"{}\"}}\n", "x ".repeat(3000)).as_bytes());
    body.extend(good("g").as_bytes());
    let f = write_temp(&dir, "bad.jsonl", &body);
    let summary = dir.path().join("s.json");
    let out = framelens()
        .args([
            "corpus",
            f.to_str().unwrap(),
            "--max-article-bytes",
            "1000",
            "--summary",
        ])
        .arg(&summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let p = f.display();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = format!(
        "framelens: {p}:2: skipped: invalid JSON at column 20: EOF while parsing a value\n\
         framelens: {p}:3: skipped: not valid UTF-8 at column 25\n\
         framelens: {p}:4: skipped: the text is empty\n\
         framelens: {p}:5: skipped: no 'text' field\n\
         framelens: {p}:6: skipped: the line is not a JSON object\n\
         framelens: {p}:8: skipped: an article of 6000 bytes, over the limit of 1000\n"
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("2 articles"), "{stderr}");
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(s["articles"], 2);
    assert_eq!(
        s["skipped"],
        serde_json::json!({"empty_text": 1, "invalid_json": 2, "invalid_utf8": 1, "missing_text": 1, "too_large": 1})
    );
    // Inputs that do not exist stop the run before it starts.
    let err = stderr_of(&["corpus", "no/such/dir"], 3);
    assert_eq!(err, "framelens: no/such/dir: no such file or folder\n");
    let err = stderr_of(&["corpus", f.to_str().unwrap(), "--hits", "out.txt"], 2);
    assert!(
        err.starts_with("error: invalid value 'out.txt' for '--hits <FILE>': the hits file must end in .csv, .jsonl or .ndjson\n"),
        "{err}"
    );
}

#[test]
fn corpus_hit_rows_point_into_each_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{201c}These are terrorists,\u{201d} said Abu Mohammed al-Jolani\u{2019}s \
                rival — أبو محمد الجولاني — of the Turkish occupation forces in Afrin, \
                the Syrian Democratic Forces said.";
    let title = "Turkey and the United States are occupation forces, Damascus said";
    let rec = serde_json::json!({"id": "x1", "source": "sdf-press", "date": "2024-12-03", "title": title, "text": text});
    let f = write_temp(&dir, "one.jsonl", format!("{rec}\n").as_bytes());
    for ext in ["csv", "jsonl"] {
        let hits = dir.path().join(format!("hits.{ext}"));
        framelens()
            .args(["corpus", f.to_str().unwrap(), "-q", "--hits"])
            .arg(&hits)
            .assert()
            .success();
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = if ext == "jsonl" {
            std::fs::read_to_string(&hits)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        } else {
            let mut r = csv::Reader::from_path(&hits).unwrap();
            let head = r.headers().unwrap().clone();
            r.records()
                .map(|rec| {
                    head.iter()
                        .zip(rec.unwrap().iter())
                        .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v.to_owned())))
                        .collect()
                })
                .collect()
        };
        assert!(rows.len() >= 3, "{rows:?}");
        let num = |v: &serde_json::Value| -> usize {
            v.as_u64()
                .map(|n| n as usize)
                .unwrap_or_else(|| v.as_str().unwrap().parse().unwrap())
        };
        for r in &rows {
            let field = if r["field"] == "title" { title } else { text };
            let (s, e) = (num(&r["start"]), num(&r["end"]));
            assert_eq!(&field[s..e], r["text"].as_str().unwrap(), "{r:?}");
            assert_eq!(r["doc_id"], "x1");
            assert_eq!(r["source"], "sdf-press");
        }
        // The title's "occupation forces" describes two actors: two rows, one hit number.
        let title_rows: Vec<_> = rows
            .iter()
            .filter(|r| r["field"] == "title" && r["term"] == "occupation-forces")
            .collect();
        let actors: Vec<&str> = title_rows
            .iter()
            .map(|r| r["actor"].as_str().unwrap())
            .collect();
        assert_eq!(actors, ["turkey", "united-states"], "{ext}");
        assert_eq!(title_rows[0]["hit"], title_rows[1]["hit"]);
    }
}

#[test]
fn corpus_by_month_and_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_temp(&dir, "c.jsonl", jsonl(&synthetic_corpus(30)).as_bytes());
    let inp = input.to_str().unwrap();
    let r = corpus_json_report(&[
        "corpus",
        inp,
        "-q",
        "--compare",
        "--by",
        "month",
        "-f",
        "json",
    ]);
    let periods = strings(&r["periods"], "period");
    assert_eq!(periods, ["2024-10", "2024-11", "2024-12"]);
    let year = corpus_json_report(&[
        "corpus",
        inp,
        "-q",
        "--compare",
        "--by",
        "year",
        "-f",
        "json",
    ]);
    assert_eq!(year["periods"][0]["period"], "2024");
    let md = framelens()
        .args(["corpus", inp, "-q", "--compare", "-f", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("| statetv | terrorist | over | 48 of 60 |"),
        "{md}"
    );
    let html = framelens()
        .args([
            "corpus",
            inp,
            "-q",
            "--compare",
            "--by",
            "month",
            "-f",
            "html",
            "--date",
            "2026-11-21",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("2024-10 · statetv"));
    assert!(!html.contains("http://") && !html.contains("https://"));
}

/// Stance has one definition: the mean `stance` of the hit rows that have `in_stance`, by article,
/// actor and voice (the outlet's own or not), is what `score --format json` gives each actor, and
/// what `compare` gives each side.
#[test]
fn hits_rows_give_the_stance_of_the_reports() {
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("outlet");
    std::fs::create_dir(&folder).unwrap();
    for name in [A, B] {
        std::fs::copy(sample(name), folder.join(name)).unwrap();
    }
    let csv_path = dir.path().join("hits.csv");
    framelens()
        .args(["corpus", "-q", "--hits"])
        .arg(&csv_path)
        .arg(&folder)
        .assert()
        .success();
    // (article, actor, own voice) -> stances of the rows that count.
    let mut rows: BTreeMap<(String, String, bool), Vec<f64>> = BTreeMap::new();
    let mut attribution_rows = 0;
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    for rec in r.deserialize::<BTreeMap<String, String>>() {
        let rec = rec.unwrap();
        assert_eq!(rec["in_stance"] == "true", rec["kind"] != "attribution");
        if rec["kind"] == "attribution" && !rec["actor"].is_empty() {
            attribution_rows += 1;
        }
        if rec["in_stance"] == "true" && !rec["actor"].is_empty() {
            let doc = rec["doc_id"].rsplit('/').next().unwrap().to_owned();
            let key = (doc, rec["actor"].clone(), rec["voice"] == "author");
            rows.entry(key)
                .or_default()
                .push(rec["stance"].parse().unwrap());
        }
    }
    // The samples have attribution verbs tied to actors: the definition is tested where it
    // matters.
    assert!(attribution_rows > 0);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let mut checked = 0;
    for name in [A, B] {
        let v: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(
            &framelens()
                .args(["score", "-f", "json"])
                .arg(sample(name))
                .output()
                .unwrap()
                .stdout,
        ))
        .unwrap();
        let by_actor = v["articles"][0]["profile"]["by_actor"].as_object().unwrap();
        for (actor, p) in by_actor {
            for (own, field) in [(true, "author_stance"), (false, "others_stance")] {
                let key = (name.to_owned(), actor.clone(), own);
                match (rows.get(&key), p[field].as_f64()) {
                    (Some(v), Some(s)) => {
                        assert!((mean(v) - s).abs() < 1e-9, "{key:?}: {} vs {s}", mean(v));
                        checked += 1;
                    }
                    (None, None) => {}
                    (got, want) => panic!("{key:?}: rows {got:?}, report {want:?}"),
                }
            }
        }
    }
    assert!(checked >= 6, "{checked}");
    // compare's sides use the same definition.
    let c: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(
        &framelens()
            .args(["compare", "-f", "json"])
            .arg(sample(A))
            .arg(sample(B))
            .output()
            .unwrap()
            .stdout,
    ))
    .unwrap();
    let mut compared = 0;
    for d in c["actors"].as_array().unwrap() {
        for (side, name) in [("a", A), ("b", B)] {
            let key = (
                name.to_owned(),
                d["actor"].as_str().unwrap().to_owned(),
                true,
            );
            let want = d[side]["author_stance"].as_f64();
            let got = rows.get(&key).map(|v| mean(v));
            match (got, want) {
                (Some(g), Some(w)) => {
                    assert!((g - w).abs() < 1e-9, "{key:?}");
                    compared += 1;
                }
                (None, None) => {}
                other => panic!("{key:?}: {other:?}"),
            }
        }
    }
    assert!(compared >= 4, "{compared}");
}

/// Files of one article are dated by the `--dates` manifest, else by their own metadata (HTML
/// `<meta>`, Markdown front matter), else by a date in their name; the rest are undated.
#[test]
fn folder_files_are_dated_by_manifest_metadata_or_name() {
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().unwrap();
    let body = "The rebels advanced on the city on Friday, and the army said the terrorists had \
                been pushed back from the outskirts by evening.";
    let files: &[(&str, String)] = &[
        (
            "wire/2024-12-03_rebels.txt",
            format!("Rebels advance\n\n{body}\n"),
        ),
        ("wire/undated.txt", format!("Rebels advance\n\n{body}\n")),
        (
            "wire/named-2024-05-05.txt",
            format!("Rebels advance\n\n{body}\n"),
        ),
        (
            "blog/2024-01-01-post.md",
            format!("---\ntitle: Rebels\ndate: 2024-10-05\n---\n\n# Rebels\n\n{body}\n"),
        ),
        (
            "blog/page.html",
            format!(
                "<html><head><title>Rebels</title><meta property=\"article:published_time\" \
                 content=\"2024-09-01T10:00:00Z\"></head><body><article><h1>Rebels</h1>\
                 <p>{body}</p><p>{body}</p></article></body></html>"
            ),
        ),
        ("blog/none.txt", format!("Rebels advance\n\n{body}\n")),
        // A date in a folder above the one given is not the file's.
        (
            "backup-2023-01-15/agency/plain.txt",
            format!("Rebels advance\n\n{body}\n"),
        ),
    ];
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    // The manifest dates one undated file and overrides a name's date.
    let manifest = write_temp(
        &dir,
        "dates.csv",
        b"# id,date\nundated.txt,2024-08-15\nnamed-2024-05-05.txt\t2024-06-06\n",
    );
    let hits = dir.path().join("h.csv");
    framelens()
        .args(["corpus", "-q", "--dates"])
        .arg(&manifest)
        .arg("--hits")
        .arg(&hits)
        .arg(dir.path().join("wire"))
        .arg(dir.path().join("blog"))
        .arg(dir.path().join("backup-2023-01-15/agency"))
        .assert()
        .success();
    let mut dates: BTreeMap<String, String> = BTreeMap::new();
    let mut r = csv::Reader::from_path(&hits).unwrap();
    for rec in r.deserialize::<BTreeMap<String, String>>() {
        let rec = rec.unwrap();
        dates.insert(rec["doc_id"].clone(), rec["date"].clone());
    }
    let want: BTreeMap<String, String> = [
        ("2024-12-03_rebels.txt", "2024-12-03"),
        ("undated.txt", "2024-08-15"),
        ("named-2024-05-05.txt", "2024-06-06"),
        ("2024-01-01-post.md", "2024-10-05"),
        ("page.html", "2024-09-01T10:00:00Z"),
        ("none.txt", ""),
        ("plain.txt", ""),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    assert_eq!(dates, want);
    // A bad manifest line is refused with its place: (manifest, line, message).
    let rows: &[(&[u8], usize, &str)] = &[
        (
            b"undated.txt\n",
            1,
            "expected `id,date` (comma or tab between the two)",
        ),
        (
            b"# dates\nundated.txt,2024-13-01\n",
            2,
            "`2024-13-01` is no date: write it as 2024-12-03 (or 2024-12, or an RFC 2822 date)",
        ),
        (
            b"undated.txt,yesterday\n",
            1,
            "`yesterday` is no date: write it as 2024-12-03 (or 2024-12, or an RFC 2822 date)",
        ),
        (
            b"undated.txt,2024-02-30\n",
            1,
            "`2024-02-30` is no date: write it as 2024-12-03 (or 2024-12, or an RFC 2822 date)",
        ),
        (
            b"undated.txt,2024-08-15\n\nundated.txt\t2024-08-16\n",
            3,
            "`undated.txt` is given `2024-08-15` on line 1 and `2024-08-16` here",
        ),
        (
            b"a,b.txt,2024-08-15\n",
            1,
            "`b.txt,2024-08-15` is no date: write it as 2024-12-03 (or 2024-12, or an RFC 2822 \
             date); an id that holds a comma needs a tab before its date",
        ),
    ];
    for (body, line, message) in rows {
        let bad = write_temp(&dir, "bad.csv", body);
        framelens()
            .args(["corpus", "-q", "--dates"])
            .arg(&bad)
            .arg(dir.path().join("wire"))
            .assert()
            .code(3)
            .stderr(format!("framelens: {}:{line}: {message}\n", bad.display()));
    }
    // A byte-order mark and a header row are passed over, the same line twice is no conflict,
    // and an id that names no file is said, not dropped.
    let loose = write_temp(
        &dir,
        "loose.csv",
        "\u{feff}id,date\r\nundated.txt,2024-08-15\r\nundated.txt,2024-08-15\nundatde.txt,2024-08-16\n"
            .as_bytes(),
    );
    framelens()
        .args(["corpus", "-q", "--dates"])
        .arg(&loose)
        .arg(dir.path().join("wire"))
        .assert()
        .success()
        .stderr(format!(
            "framelens: warning: 1 id of {} names no text, Markdown or HTML file of this run: \
             `undatde.txt`; ids are paths below the folder given (or as given, for a file named \
             by itself)\n",
            loose.display()
        ));
}

/// The corpus report keeps each actor's counts per source with `--compare` too, names terms by
/// their words, tests only real actors, and says how to read its statistics.
#[test]
fn corpus_report_shows_counts_per_source_in_words() {
    let dir = tempfile::tempdir().unwrap();
    for (outlet, file) in [
        ("a", sample(A)),
        ("b", sample(B)),
        ("a", root().join("tests/fixtures/story/state-media.txt")),
        (
            "b",
            root().join("tests/fixtures/story/wire-names-group.txt"),
        ),
    ] {
        let d = dir.path().join(outlet);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(&file, d.join(file.file_name().unwrap())).unwrap();
    }
    let run = |extra: &[&str]| {
        let out = framelens()
            .args(["corpus", "-q"])
            .arg(dir.path().join("a"))
            .arg(dir.path().join("b"))
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&["--compare"]);
    // Every actor keeps its table, with a column per source and the words of each term.
    assert!(!text.contains("No significant difference for:"), "{text}");
    let hts = text
        .split("\n\n")
        .find(|b| b.starts_with("Hayat Tahrir al-Sham (hts)"))
        .expect("a section for HTS");
    let lines: Vec<&str> = hts.lines().collect();
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        ["term", "a", "b"]
    );
    assert!(hts.contains("  terror offensive "), "{hts}");
    assert!(!hts.contains("terror-offensive"), "{hts}");
    assert!(lines.iter().any(|l| l.starts_with("  all terms ")), "{hts}");
    assert!(
        hts.ends_with("Not tested: no term is used at least 5 times in all (--min-count)"),
        "{hts}"
    );
    assert!(text.contains("\nHow to read this\n"), "{text}");
    // (Wrapped at 80 columns: compared with white space collapsed.)
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("A count of zero is taken as 0.5"), "{text}");
    // An actor only one source describes has nothing to be compared with.
    let turkey = text
        .split("\n\n")
        .find(|b| b.starts_with("Turkey (turkey)"))
        .expect("a section for Turkey");
    assert!(
        turkey.ends_with(
            "Not tested: only one source uses terms for it, so there is nothing to compare"
        ),
        "{turkey}"
    );
    // Parties never named are shown, not tested, and say why.
    let unnamed = text
        .split("\n\n")
        .find(|b| b.starts_with("parties their articles never name"))
        .expect("a section for unnamed parties");
    assert!(
        unnamed.ends_with("Not tested: these terms describe no one party"),
        "{unnamed}"
    );
    // The JSON has the words beside the ids, and no test of a party that is no actor, even
    // with every term tested.
    let v: serde_json::Value =
        serde_json::from_str(&run(&["--compare", "--min-count", "1", "-f", "json"])).unwrap();
    let actors = v["periods"][0]["actors"].as_array().unwrap();
    let mut tested = 0;
    for a in actors {
        let id = a["actor"].as_str().unwrap();
        let tests = a["keyness"].as_array().unwrap().len();
        if id.starts_with('(') {
            assert_eq!(tests, 0, "{id}");
        } else {
            tested += tests;
        }
        for t in a["terms"].as_array().unwrap() {
            assert!(!t["words"].as_str().unwrap().is_empty());
        }
    }
    assert!(tested > 0);
    let hts = actors.iter().find(|a| a["actor"] == "hts").unwrap();
    let offensive = hts["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"] == "terror-offensive")
        .unwrap();
    assert_eq!(offensive["words"], "terror offensive");
}

/// Records held in memory are read as the same records in a file are: one summary, byte for
/// byte (the Python package reads partitions so).
#[test]
fn records_in_memory_count_as_the_same_records_in_a_file() {
    use framelens::corpus::input::{InputConfig, InputFormat, Reader};
    use framelens::corpus::run::run;
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read_to_string(sample(A)).unwrap();
    let b = std::fs::read_to_string(sample(B)).unwrap();
    let mut jsonl = String::new();
    for (id, source, date, text) in [
        ("a", "State", "2024-12-03", a.as_str()),
        ("b", "Wire", "2024-12-04", b.as_str()),
        (
            "c",
            "Wire",
            "2025-01-02",
            "Les rebelles ont avancé. The militants, “terrorists” to Damascus, took Hama.",
        ),
    ] {
        let r = serde_json::json!({"id": id, "source": source, "date": date, "text": text});
        jsonl.push_str(&r.to_string());
        jsonl.push('\n');
    }
    jsonl.push_str("{\"id\": \"broken\"\n");
    let file = write_temp(&dir, "c.jsonl", jsonl.as_bytes());
    let an = analyzer();
    let summary = |reader: Reader| {
        let mut skips = Vec::new();
        let out = run(
            an,
            reader,
            None,
            1000,
            |s| skips.push(s.detail.clone()),
            |_| {},
        )
        .unwrap();
        (out.summary.to_json(), skips)
    };
    let from_file = summary(
        Reader::new(InputConfig {
            paths: vec![file],
            ..InputConfig::default()
        })
        .unwrap(),
    );
    let from_memory = summary(Reader::from_memory(
        InputConfig::default(),
        "c",
        jsonl.into_bytes(),
        InputFormat::Jsonl,
    ));
    assert_eq!(from_file, from_memory);
    assert_eq!(from_file.1.len(), 1, "{:?}", from_file.1);
    assert!(from_file.0.contains("\"articles\": 3"), "{}", from_file.0);
}
