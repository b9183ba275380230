//! The hostile-input suite of issue 15 (docs/robustness.md, "Writes" and after): each finding is a
//! case that failed before its fix, with the message and the exit code pinned. Command-line cases
//! run under an address-space limit (`prlimit --as`), and the cases about links and special files
//! run a second time as an unprivileged user (`setpriv`) when the tests run as root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const GIB: u64 = 1 << 30;

/// The unprivileged user and group the link and special-file cases run as, besides the current
/// user, when the tests run as root (Debian's `nobody` and `nogroup`).
const NOBODY: u32 = 65534;

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id -u");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Who runs framelens: the current user, or `nobody`.
#[derive(Clone, Copy, Debug)]
enum User {
    Current,
    Nobody,
}

/// The users each link and special-file case runs as.
fn users() -> Vec<User> {
    if is_root() {
        vec![User::Current, User::Nobody]
    } else {
        vec![User::Current]
    }
}

/// framelens as `user`, under an address-space limit of 1 GiB, run in `dir`.
fn framelens_in(dir: &Path, user: User) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("framelens");
    let mut c = Command::new("/usr/bin/prlimit");
    c.arg(format!("--as={GIB}")).arg("--");
    if let User::Nobody = user {
        c.args([
            "/usr/bin/setpriv",
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
            "--",
        ]);
    }
    c.arg(bin).current_dir(dir);
    c
}

/// A scratch folder that `user` can write in.
fn scratch(user: User) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("temp dir");
    if let User::Nobody = user {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    d
}

fn run(dir: &Path, user: User, args: &[&str]) -> Output {
    framelens_in(dir, user)
        .args(args)
        .output()
        .expect("run framelens")
}

/// Standard error of a run that must end with `code`.
fn stderr(out: &Output, code: i32) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    err
}

const ARTICLE: &str = "Turkey's foreign minister said the rebels were a terrorist organization. \
The regime claimed victory over the terrorists in Aleppo.";

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn refused(target: &str, what: &str) -> String {
    format!(
        "framelens: {target}: is {what}; framelens writes only to regular files (choose another name, or `-` for standard output)\n"
    )
}

// ---------------------------------------------------------------- writes: links and special files

/// A link planted where the old fixed temporary name was (`r.txt.framelens-tmp`) is not followed:
/// its victim keeps its bytes, and the report is a regular file.
#[test]
fn a_planted_link_at_a_temporary_name_is_not_followed() {
    for user in users() {
        let d = scratch(user);
        std::fs::write(d.path().join("in.txt"), ARTICLE).unwrap();
        std::fs::write(d.path().join("victim.txt"), "keep").unwrap();
        for name in ["r.txt.framelens-tmp", ".r.txt.framelens-tmp"] {
            std::os::unix::fs::symlink("victim.txt", d.path().join(name)).unwrap();
        }
        let out = run(d.path(), user, &["score", "in.txt", "-o", "r.txt"]);
        stderr(&out, 0);
        assert_eq!(
            std::fs::read_to_string(d.path().join("victim.txt")).unwrap(),
            "keep"
        );
        let meta = std::fs::symlink_metadata(d.path().join("r.txt")).unwrap();
        assert!(meta.is_file(), "{user:?}");
        assert!(
            std::fs::read_to_string(d.path().join("r.txt"))
                .unwrap()
                .contains("terrorist organization")
        );
        assert_eq!(
            names(d.path()),
            [
                ".r.txt.framelens-tmp",
                "in.txt",
                "r.txt",
                "r.txt.framelens-tmp",
                "victim.txt"
            ]
        );
    }
}

/// `-o`, `--summary`, `--hits` and `lexicon init` refuse a target that is a link (dangling or
/// not), a FIFO, a socket or a folder, exit 7, and leave it as it was.
#[test]
fn special_targets_are_refused_for_every_output() {
    for user in users() {
        let d = scratch(user);
        let p = d.path();
        std::fs::write(p.join("in.txt"), ARTICLE).unwrap();
        std::fs::create_dir(p.join("c")).unwrap();
        std::fs::write(p.join("c/a.txt"), ARTICLE).unwrap();
        std::fs::write(p.join("victim.txt"), "keep").unwrap();
        std::os::unix::fs::symlink("victim.txt", p.join("link.csv")).unwrap();
        std::os::unix::fs::symlink("nowhere.yaml", p.join("dangling.yaml")).unwrap();
        let fifo = Command::new("mkfifo").arg(p.join("fifo.json")).status();
        assert!(fifo.unwrap().success());
        let _sock = std::os::unix::net::UnixListener::bind(p.join("sock.txt")).unwrap();
        std::fs::create_dir(p.join("dir.txt")).unwrap();
        let cases: [(&[&str], &str, &str); 6] = [
            (
                &["score", "in.txt", "-o", "link.csv"],
                "link.csv",
                "a symbolic link",
            ),
            (
                &["score", "in.txt", "-o", "sock.txt"],
                "sock.txt",
                "a socket",
            ),
            (&["score", "in.txt", "-o", "dir.txt"], "dir.txt", "a folder"),
            (
                &["corpus", "c", "-q", "--summary", "fifo.json"],
                "fifo.json",
                "a FIFO (named pipe)",
            ),
            (
                &["corpus", "c", "-q", "--hits", "link.csv"],
                "link.csv",
                "a symbolic link",
            ),
            (
                &["lexicon", "init", "dangling.yaml"],
                "dangling.yaml",
                "a symbolic link",
            ),
        ];
        for (args, target, what) in cases {
            let out = run(p, user, args);
            assert_eq!(
                stderr(&out, 7),
                refused(target, what),
                "{args:?} as {user:?}"
            );
        }
        assert_eq!(
            std::fs::read_to_string(p.join("victim.txt")).unwrap(),
            "keep"
        );
        assert!(!p.join("nowhere.yaml").exists());
        assert!(
            std::fs::symlink_metadata(p.join("link.csv"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(
            names(p),
            [
                "c",
                "dangling.yaml",
                "dir.txt",
                "fifo.json",
                "in.txt",
                "link.csv",
                "sock.txt",
                "victim.txt"
            ]
        );
        // `-o -` is standard output.
        let out = run(p, user, &["score", "in.txt", "-o", "-"]);
        stderr(&out, 0);
        assert!(String::from_utf8_lossy(&out.stdout).contains("terrorist organization"));
    }
}

/// `lexicon init` never replaces a file: an existing one is refused, exit 7.
#[test]
fn lexicon_init_never_replaces_a_file() {
    let d = scratch(User::Current);
    std::fs::write(d.path().join("mine.yaml"), "labels: []\n").unwrap();
    let out = run(d.path(), User::Current, &["lexicon", "init", "mine.yaml"]);
    assert_eq!(
        stderr(&out, 7),
        "framelens: cannot write mine.yaml: it already exists; framelens will not overwrite it\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("mine.yaml")).unwrap(),
        "labels: []\n"
    );
}

// ---------------------------------------------------------------- writes: outputs over inputs

/// An output that is an input (by name, through a link, or as a record file of a corpus), an
/// output inside an input folder, and one file given as two outputs: refused, exit 7, before
/// anything is read or written.
#[test]
fn outputs_never_replace_inputs_or_each_other() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(p.join("in.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink("in.txt", p.join("alias.txt")).unwrap();
    let record = serde_json::json!({"id": "1", "source": "s", "text": ARTICLE});
    std::fs::write(p.join("c.jsonl"), format!("{record}\n")).unwrap();
    std::fs::create_dir(p.join("dir")).unwrap();
    std::fs::write(p.join("dir/a.txt"), ARTICLE).unwrap();
    std::fs::write(p.join("lex.yaml"), "labels: []\n").unwrap();
    let is_input = |path: &str, same: &str| {
        let also = if same.is_empty() {
            String::new()
        } else {
            format!(" (the same file as {same})")
        };
        format!("framelens: {path}: is also an input{also}; framelens never writes over an input\n")
    };
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["score", "in.txt", "-o", "in.txt"], is_input("in.txt", "")),
        (vec!["score", "alias.txt", "-o", "in.txt"], is_input("in.txt", "alias.txt")),
        (vec!["compare", "in.txt", "c.jsonl", "-o", "c.jsonl"], is_input("c.jsonl", "")),
        (vec!["corpus", "c.jsonl", "-q", "-o", "c.jsonl"], is_input("c.jsonl", "")),
        (vec!["corpus", "c.jsonl", "-q", "--hits", "c.jsonl"], is_input("c.jsonl", "")),
        (
            vec!["score", "in.txt", "--lexicon", "lex.yaml", "-o", "lex.yaml"],
            is_input("lex.yaml", ""),
        ),
        (
            vec!["corpus", "dir", "-q", "--hits", "dir/h.csv"],
            "framelens: dir/h.csv: is inside the input folder dir; a later run would read it as an article\n".into(),
        ),
        (
            vec!["corpus", "c.jsonl", "-q", "-o", "x.md", "--summary", "x.md"],
            "framelens: x.md: is given as two outputs (-o and --summary)\n".into(),
        ),
        (
            vec!["corpus", "c.jsonl", "-q", "--summary", "h.jsonl", "--hits", "./h.jsonl"],
            "framelens: ./h.jsonl: is given as two outputs (--summary and --hits)\n".into(),
        ),
    ];
    let before = std::fs::read(p.join("c.jsonl")).unwrap();
    for (args, want) in cases {
        let out = run(p, User::Current, &args);
        assert_eq!(stderr(&out, 7), want, "{args:?}");
    }
    assert_eq!(std::fs::read(p.join("c.jsonl")).unwrap(), before);
    assert_eq!(std::fs::read_to_string(p.join("in.txt")).unwrap(), ARTICLE);
    assert_eq!(
        names(p),
        ["alias.txt", "c.jsonl", "dir", "in.txt", "lex.yaml"]
    );
}

// ---------------------------------------------------------------- writes: CSV formulas

/// A hits cell that a spreadsheet would run as a formula gets a `'` in front (OWASP); numbers keep
/// their sign; `--raw-csv` writes the cells as they are; JSONL is never changed.
#[test]
fn hits_csv_cells_cannot_run_as_formulas() {
    let d = scratch(User::Current);
    let p = d.path();
    let records = [
        serde_json::json!({"id": "=1+1", "source": "@evil", "text": "=HYPERLINK(\"http://x\") the terrorists attacked."}),
        serde_json::json!({"id": "-2", "source": "+s", "text": "The terrorists attacked."}),
    ];
    let body: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(p.join("c.jsonl"), body).unwrap();
    let cells = |file: &str| -> Vec<Vec<String>> {
        let mut r = csv::Reader::from_path(p.join(file)).unwrap();
        r.records()
            .map(|row| row.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--hits", "h.csv"],
        ),
        0,
    );
    let rows = cells("h.csv");
    assert_eq!(rows.len(), 2);
    // doc_id, source, ..., stance (column 10), ..., sentence (last)
    assert_eq!(rows[0][0], "'=1+1");
    assert_eq!(rows[0][1], "'@evil");
    assert_eq!(
        rows[0][18],
        "'=HYPERLINK(\"http://x\") the terrorists attacked."
    );
    assert_eq!(rows[0][10], "-2");
    assert_eq!(rows[1][0], "-2");
    assert_eq!(rows[1][1], "'+s");
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--hits", "raw.csv", "--raw-csv"],
        ),
        0,
    );
    let raw = cells("raw.csv");
    assert_eq!(raw[0][0], "=1+1");
    assert_eq!(
        raw[0][18],
        "=HYPERLINK(\"http://x\") the terrorists attacked."
    );
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--hits", "h.jsonl"],
        ),
        0,
    );
    let first = std::fs::read_to_string(p.join("h.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(v["doc_id"], "=1+1");
}

// ---------------------------------------------------------------- writes: concurrency and signals

/// A JSON file, parsed.
fn json_file(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A JSONL corpus of `n` records of the test article.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let body: String = (0..n)
        .map(|i| {
            let r = serde_json::json!({"id": i.to_string(), "source": format!("s{}", i % 3), "text": ARTICLE});
            format!("{r}\n")
        })
        .collect();
    let f = dir.join("c.jsonl");
    std::fs::write(&f, body).unwrap();
    f
}

/// A corpus run on one thread writing `--hits h.csv`.
const HITS_RUN: &[&str] = &[
    "corpus",
    "c.jsonl",
    "-q",
    "--hits",
    "h.csv",
    "--threads",
    "1",
];

/// Two runs writing the same `--hits` file at once: each writes a whole file of its own and
/// renames it into place, so the file left is exactly one run's rows, with no line mixed.
#[test]
fn concurrent_hits_runs_never_mix_rows() {
    let d = scratch(User::Current);
    let p = d.path();
    corpus(p, 400);
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--hits", "solo.csv"],
        ),
        0,
    );
    let solo = std::fs::read(p.join("solo.csv")).unwrap();
    let spawn = || {
        framelens_in(p, User::Current)
            .args(HITS_RUN)
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    assert_eq!(std::fs::read(p.join("h.csv")).unwrap(), solo);
    assert_eq!(names(p), ["c.jsonl", "h.csv", "solo.csv"]);
}

/// SIGINT, SIGTERM or SIGHUP while `--hits` and `--summary` are being written: the temporary
/// files are removed, no output appears under its name, and the process ends by the signal (as
/// a shell sees it: 130, 143, 129). Before, SIGINT at 3 s into a 100 MB corpus left a 35 MB
/// `h.csv.framelens-tmp`.
#[test]
fn a_signal_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let d = scratch(User::Current);
        let p = d.path();
        corpus(p, 20_000);
        let mut run = framelens_in(p, User::Current);
        run.args(HITS_RUN).args(["--summary", "s.json"]);
        // A signal ignored when framelens starts stays ignored (`nohup` ignores SIGHUP for all
        // it runs): the run starts with the default handling, as from a shell.
        // SAFETY: signal() is async-signal-safe, as pre_exec requires.
        unsafe {
            std::os::unix::process::CommandExt::pre_exec(&mut run, move || {
                libc::signal(number, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = run.spawn().unwrap();
        let start = Instant::now();
        while !names(p).iter().any(|n| n.ends_with(".framelens-tmp")) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no temporary file appeared"
            );
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run ended before the signal"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let ok = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "SIG{signal}");
        assert_eq!(names(p), ["c.jsonl"], "SIG{signal}");
    }
}

/// Three processes each add 50 entries to one lexicon file at the same time: every edit waits
/// for the file's lock, so all 150 entries are in the file, and it still loads.
#[test]
fn concurrent_lexicon_edits_lose_nothing() {
    let d = scratch(User::Current);
    let p = d.path().to_owned();
    std::fs::write(
        p.join("lex.yaml"),
        "# shared\ncategories: [a/b]\nlabels:\n  - id: seed\n    category: a/b\n    stance: -1\n    kind: label\n    forms: [seed]\n",
    )
    .unwrap();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let p = p.clone();
            std::thread::spawn(move || {
                for i in 0..50 {
                    let id = format!("w{w}-e{i}");
                    let out = run(
                        &p,
                        User::Current,
                        &[
                            "lexicon",
                            "add",
                            "lex.yaml",
                            "--id",
                            &id,
                            "--form",
                            &id,
                            "--category",
                            "a/b",
                            "--stance",
                            "-1",
                        ],
                    );
                    let err = stderr(&out, 0);
                    assert!(err.is_empty(), "{err}");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let text = std::fs::read_to_string(p.join("lex.yaml")).unwrap();
    for w in 0..3 {
        for i in 0..50 {
            assert!(
                text.contains(&format!("- id: w{w}-e{i}\n")),
                "w{w}-e{i} lost"
            );
        }
    }
    assert!(
        text.contains("# shared\ncategories: [a/b]\nlabels:\n"),
        "{text}"
    );
    assert!(text.contains("  - id: seed\n"), "{text}");
    let out = run(&p, User::Current, &["lexicon", "check", "lex.yaml"]);
    stderr(&out, 0);
    assert_eq!(names(&p), ["lex.yaml"]);
}

// ---------------------------------------------------------------- limits on every path

/// A local HTTP server for the limit cases: answers every connection with `body`, sent with
/// `headers`, until the test ends. Returns its base URL.
fn serve_bytes(headers: &'static str, body: Vec<u8>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 2 {
                line.clear();
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

/// A gzip-encoded page is capped after decompression: 32 MB of text sent as about 32 KB is
/// refused at the article limit (16 MiB by default, or `--max-article-bytes`), within 1 GiB.
#[test]
fn a_compressed_response_is_capped_after_decompression() {
    use std::io::Write;
    let mut page = b"<html><body><p>The rebels said ".to_vec();
    page.resize(32_000_000, b'a');
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&page).unwrap();
    let body = gz.finish().unwrap();
    assert!(body.len() < 100_000, "{}", body.len());
    let base = serve_bytes(
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
        body,
    );
    let url = format!("{base}/bomb");
    let d = scratch(User::Current);
    let out = run(d.path(), User::Current, &["score", &url]);
    assert_eq!(
        stderr(&out, 3),
        format!(
            "framelens: {url}: over the limit of 16777216 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)\n"
        )
    );
    let out = run(
        d.path(),
        User::Current,
        &["score", &url, "--max-article-bytes", "1000"],
    );
    assert!(
        stderr(&out, 3).ends_with(": over the limit of 1000 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)\n")
    );
}

/// `--max-article-bytes` applies to a URL's page as to a file.
#[test]
fn the_article_limit_applies_to_urls() {
    let page = format!("<html><body><p>{ARTICLE}</p></body></html>");
    let base = serve_bytes("Content-Type: text/html\r\n", page.into_bytes());
    let url = format!("{base}/a");
    let d = scratch(User::Current);
    stderr(&run(d.path(), User::Current, &["score", &url]), 0);
    let out = run(
        d.path(),
        User::Current,
        &["score", &url, "--max-article-bytes", "50"],
    );
    assert_eq!(
        stderr(&out, 3),
        format!(
            "framelens: {url}: over the limit of 50 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)\n"
        )
    );
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

/// Feeds `path` (a FIFO) with `x` until its reader closes it.
fn feed_forever(path: PathBuf) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        use std::io::Write;
        let mut w = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = vec![b'x'; 1 << 16];
        while w.write_all(&chunk).is_ok() {}
    })
}

/// An endless FIFO given as an article or as a lexicon is read up to its limit and refused; a
/// FIFO that nobody writes to is given up after `--timeout`; a lexicon from process substitution
/// is read.
#[test]
fn fifos_and_pipes_are_capped_and_never_hang() {
    let d = scratch(User::Current);
    let p = d.path();
    let art = p.join("art.txt");
    std::fs::write(&art, ARTICLE).unwrap();

    // (FIFO, arguments, exit code, message)
    let endless: [(&str, &[&str], i32, &str); 2] = [
        (
            "endless.txt",
            &["score", "endless.txt", "--max-article-bytes", "1000000"],
            3,
            "framelens: endless.txt: over the limit of 1000000 bytes for one article (--max-article-bytes; `framelens corpus` reads collections)\n",
        ),
        (
            "endless.yaml",
            &["score", "art.txt", "--lexicon", "endless.yaml"],
            4,
            "framelens: cannot read lexicon endless.yaml: over the limit of 67108864 bytes\n",
        ),
    ];
    for (fifo, args, code, message) in endless {
        mkfifo(&p.join(fifo));
        let w = feed_forever(p.join(fifo));
        assert_eq!(stderr(&run(p, User::Current, args), code), message);
        w.join().unwrap();
    }

    mkfifo(&p.join("silent.yaml"));
    let start = Instant::now();
    let out = run(
        p,
        User::Current,
        &[
            "score",
            "art.txt",
            "--lexicon",
            "silent.yaml",
            "--timeout",
            "1",
        ],
    );
    assert_eq!(
        stderr(&out, 4),
        "framelens: cannot read lexicon silent.yaml: a FIFO that nothing opened for writing within 1 s\n"
    );
    assert!(start.elapsed() < Duration::from_secs(20));

    std::fs::write(
        p.join("lex.yaml"),
        "categories: [a/b]\nlabels:\n  - id: zz-raiders\n    category: a/b\n    stance: -2\n    kind: label\n    forms: [raiders]\n",
    )
    .unwrap();
    std::fs::write(&art, "The raiders came at night.").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("framelens");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' score art.txt --lexicon <(cat lex.yaml) -f json",
            bin.display()
        ))
        .current_dir(p)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"term\": \"zz-raiders\""));
}

/// `--threads` far past the cores is capped at four per core, with a note, and the run works
/// within 1 GiB (it panicked with exit 101, "failed to spawn thread", before).
#[test]
fn worker_threads_are_capped() {
    let d = scratch(User::Current);
    let p = d.path();
    corpus(p, 20);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let out = run(
        p,
        User::Current,
        &["corpus", "c.jsonl", "-q", "--threads", "100000"],
    );
    assert_eq!(
        stderr(&out, 0),
        format!(
            "framelens: --threads 100000 is more than four per core; using {} ({cores} cores)\n",
            4 * cores
        )
    );
}

// ---------------------------------------------------------------- Unicode that evades the lexicon

/// "terrorists" spelled to evade a keyword filter is still found, with its exact offsets; a
/// spelling that needed look-alike letters of another script is flagged in the JSON and warned
/// about on standard error. Before, each of these gave no hit, exit 0 and no warning.
#[test]
fn spellings_that_evade_keyword_filters_are_found_and_flagged() {
    // (the word as written, look-alike letters read, ignorables skipped, compatibility forms)
    let cases: &[(&str, u64, u64, u64)] = &[
        ("terr\u{43E}rists", 1, 0, 0),
        ("t\u{435}rrorists", 1, 0, 0),
        (
            "\u{FF54}\u{FF45}\u{FF52}\u{FF52}\u{FF4F}\u{FF52}\u{FF49}\u{FF53}\u{FF54}\u{FF53}",
            0,
            0,
            10,
        ),
        (
            "\u{1D42D}\u{1D41E}\u{1D42B}\u{1D42B}\u{1D428}\u{1D42B}\u{1D422}\u{1D42C}\u{1D42D}\u{1D42C}",
            0,
            0,
            10,
        ),
        ("terro\u{301}rists", 0, 0, 0),
        ("terr\u{34F}orists", 0, 1, 0),
        ("terr\u{FE0F}orists", 0, 1, 0),
        ("terr\u{E0041}orists", 0, 1, 0),
        ("terr\u{180E}orists", 0, 1, 0),
        ("terr\u{3164}orists", 0, 1, 0),
        ("TERROR\u{130}STS", 0, 0, 0),
    ];
    let d = scratch(User::Current);
    for (n, &(word, lookalikes, ignored, compatibility)) in cases.iter().enumerate() {
        let text = format!("Officials said the {word} attacked the town.");
        let name = format!("a{n}.txt");
        std::fs::write(d.path().join(&name), &text).unwrap();
        let out = run(d.path(), User::Current, &["score", &name, "-f", "json"]);
        let err = stderr(&out, 0);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let art = &json["articles"][0];
        let hits = art["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 1, "{word:?}");
        let h = &hits[0];
        assert_eq!(h["term"], "terrorist", "{word:?}");
        assert_eq!(h["text"], word);
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], word);
        assert_eq!(
            h["lookalike"].as_bool().unwrap_or(false),
            lookalikes > 0,
            "{word:?}"
        );
        let folds = &art["profile"]["folds"];
        assert_eq!(
            folds["lookalikes"].as_u64().unwrap_or(0),
            lookalikes,
            "{word:?}"
        );
        assert_eq!(folds["ignored"].as_u64().unwrap_or(0), ignored, "{word:?}");
        assert_eq!(
            folds["compatibility"].as_u64().unwrap_or(0),
            compatibility,
            "{word:?}"
        );
        let warning = if lookalikes > 0 {
            format!(
                "framelens: a{n}: 1 term was found only by reading letters of another script as the Latin letters they look like ('{word}' at byte {s}); the text may be spelled to evade keyword filters\n"
            )
        } else {
            String::new()
        };
        assert_eq!(err, warning, "{word:?}");
    }
}

/// Text in decomposed form (NFD) reads as the composed form: "Türkiye" is the actor Turkey, and
/// "coup d'état" is one term, however the accents are written.
#[test]
fn decomposed_text_reads_as_composed() {
    let d = scratch(User::Current);
    let mut seen = Vec::new();
    for (n, turkiye, etat) in [
        (0, "T\u{FC}rkiye", "\u{E9}tat"),
        (1, "Tu\u{308}rkiye", "e\u{301}tat"),
    ] {
        let text = format!("{turkiye} called it a coup d'{etat} by the regime.");
        let name = format!("n{n}.txt");
        std::fs::write(d.path().join(&name), &text).unwrap();
        let out = run(d.path(), User::Current, &["score", &name, "-f", "json"]);
        stderr(&out, 0);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let art = &json["articles"][0];
        let hits: Vec<String> = art["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(hits[0], format!("coup d'{etat}"));
        let actors: Vec<&str> = art["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["actor"].as_str().unwrap())
            .collect();
        seen.push((hits.len(), actors.contains(&"turkey")));
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], (2, true));
}

// ---------------------------------------------------------------- lexicon check

/// `lexicon check` compiles every regex entry as the matcher does (case-insensitive, forward and
/// reverse automata): what it passes, a run accepts, and what a run refuses, it reports at its
/// line. Before, both regexes below passed the check, and the run failed with exit 1 and no
/// location.
#[test]
fn lexicon_check_refuses_what_the_matcher_refuses() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(
        p.join("rx.yaml"),
        "categories: [a/b]\nlabels:\n  - id: k\n    category: a/b\n    stance: -1\n    kind: label\n    regex: \"k{30000}\"\n  - id: sk\n    category: a/b\n    stance: -1\n    kind: label\n    regex: \"(?:sk){12000}\"\n",
    )
    .unwrap();
    std::fs::write(p.join("a.txt"), ARTICLE).unwrap();
    let report = "error: regex `k{30000}` is too large (over 1048576 bytes compiled)\n  --> rx.yaml:7:12\n  |\n7 |     regex: \"k{30000}\"\n  |            ^\nerror: regex `(?:sk){12000}` is too large (over 1048576 bytes compiled)\n  --> rx.yaml:12:12\n   |\n12 |     regex: \"(?:sk){12000}\"\n   |            ^\n";
    let out = run(p, User::Current, &["lexicon", "check", "rx.yaml"]);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{report}1 file checked, 2 problems\n")
    );
    let out = run(
        p,
        User::Current,
        &["score", "a.txt", "--lexicon", "rx.yaml"],
    );
    assert_eq!(stderr(&out, 4), format!("framelens: {report}"));
}

// ---------------------------------------------------------------- corpus input

/// Links in a corpus folder are followed (an article and a folder linked in are read; before,
/// both were skipped without a word); a link back to a folder above, a folder that cannot be read
/// and a file reached twice are each skipped with a message and counted, exit 6 (before, the
/// unreadable folder stopped the whole run with exit 3).
#[test]
fn corpus_folders_follow_links_and_skip_what_they_cannot_read() {
    for user in users() {
        let d = scratch(user);
        let p = d.path();
        for dir in ["corp/a", "corp/b", "corp/locked", "other"] {
            std::fs::create_dir_all(p.join(dir)).unwrap();
        }
        std::fs::write(p.join("corp/a/1.txt"), "The rebels attacked.").unwrap();
        std::fs::write(p.join("other/2.txt"), "The terrorists attacked.").unwrap();
        std::fs::write(p.join("corp/locked/3.txt"), "The regime fell.").unwrap();
        std::os::unix::fs::symlink("../../other/2.txt", p.join("corp/a/link.txt")).unwrap();
        std::os::unix::fs::symlink("../other", p.join("corp/linked")).unwrap();
        std::os::unix::fs::symlink("..", p.join("corp/b/up")).unwrap();
        // A link to nothing: an editor's lock file (hidden) is passed over, a missing article
        // named.
        std::os::unix::fs::symlink("user@host.123", p.join("corp/a/.#1.txt")).unwrap();
        std::os::unix::fs::symlink("moved.txt", p.join("corp/a/gone.txt")).unwrap();
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |m| std::fs::Permissions::from_mode(m);
            for dir in ["corp", "corp/a", "corp/b", "other"] {
                std::fs::set_permissions(p.join(dir), mode(0o777)).unwrap();
            }
            std::fs::set_permissions(p.join("corp/locked"), mode(0o000)).unwrap();
        }
        let out = run(p, user, &["corpus", "corp", "--summary", "s.json"]);
        let err = stderr(&out, 6);
        let locked_readable = matches!(user, User::Current) && is_root();
        let mut want = vec![
            "framelens: corp/a/gone.txt: skipped: a link to moved.txt, which does not exist",
            "framelens: corp/b/up: skipped: a link back to the folder corp above it; not followed",
            "framelens: corp/linked/2.txt: skipped: the same file as corp/a/link.txt; read once",
        ];
        if !locked_readable {
            want.push("framelens: corp/locked: skipped: cannot read the folder: permission denied");
        }
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("skipped:")).collect();
        assert_eq!(lines, want, "{user:?}");
        let summary: serde_json::Value = json_file(&p.join("s.json"));
        assert_eq!(
            summary["articles"],
            if locked_readable { 3 } else { 2 },
            "{user:?}"
        );
        assert_eq!(summary["skipped"]["duplicate"], 1);
        assert_eq!(
            summary["skipped"]["unreadable"],
            if locked_readable { 2 } else { 3 }
        );
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                p.join("corp/locked"),
                std::fs::Permissions::from_mode(0o755),
            )
            .unwrap();
        }
    }
}

/// A corpus file given twice is read once.
#[test]
fn a_corpus_file_given_twice_is_read_once() {
    let d = scratch(User::Current);
    let p = d.path();
    corpus(p, 3);
    let out = run(
        p,
        User::Current,
        &[
            "corpus",
            "c.jsonl",
            "./c.jsonl",
            "-q",
            "--summary",
            "s.json",
        ],
    );
    assert_eq!(
        stderr(&out, 6),
        "framelens: ./c.jsonl: skipped: the same file as c.jsonl; read once\n"
    );
    let summary: serde_json::Value = json_file(&p.join("s.json"));
    assert_eq!(summary["articles"], 3);
}

/// `merge` reads a summary given twice once, names a copy of a summary (it is merged: its
/// articles count twice), and refuses a count that would pass 2^64 - 1 instead of wrapping it.
#[test]
fn merge_warns_about_duplicates_and_refuses_overflow() {
    let d = scratch(User::Current);
    let p = d.path();
    corpus(p, 3);
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--summary", "s.json"],
        ),
        0,
    );
    std::fs::copy(p.join("s.json"), p.join("copy.json")).unwrap();
    let out = run(
        p,
        User::Current,
        &["merge", "s.json", "./s.json", "-o", "m.json"],
    );
    assert_eq!(
        stderr(&out, 0),
        "framelens: ./s.json: the same file as s.json; read once\n"
    );
    let m: serde_json::Value = json_file(&p.join("m.json"));
    assert_eq!(m["articles"], 3);
    let out = run(
        p,
        User::Current,
        &["merge", "s.json", "copy.json", "-o", "m2.json"],
    );
    assert_eq!(
        stderr(&out, 0),
        "framelens: copy.json: the same bytes as s.json (a copy?); both are merged, so its articles count twice\n"
    );
    let m: serde_json::Value = json_file(&p.join("m2.json"));
    assert_eq!(m["articles"], 6);
    // A summary whose counts add up to 2^64 - 4: merged with s.json, they would pass 2^64 - 1.
    let mut big: serde_json::Value = json_file(&p.join("s.json"));
    fn sum(v: &serde_json::Value) -> u64 {
        match v {
            serde_json::Value::Number(n) => n.as_u64().unwrap_or(0),
            serde_json::Value::Object(m) => m.values().map(sum).sum(),
            serde_json::Value::Array(a) => a.iter().map(sum).sum(),
            _ => 0,
        }
    }
    let total = sum(&big["sources"]) + sum(&big["skipped"]) + 3;
    big["articles"] = serde_json::json!(u64::MAX - total);
    std::fs::write(p.join("big.json"), serde_json::to_vec(&big).unwrap()).unwrap();
    let out = run(p, User::Current, &["report", "big.json"]);
    stderr(&out, 0);
    // One whose counts alone pass 2^64 - 1 is refused when read.
    let mut huge = big.clone();
    huge["articles"] = serde_json::json!(u64::MAX);
    std::fs::write(p.join("huge.json"), serde_json::to_vec(&huge).unwrap()).unwrap();
    let out = run(p, User::Current, &["report", "huge.json"]);
    assert_eq!(
        stderr(&out, 3),
        "framelens: huge.json: its counts add up past 2^64 - 1, which no report can total\n"
    );
    let out = run(
        p,
        User::Current,
        &["merge", "big.json", "s.json", "-o", "m3.json"],
    );
    assert_eq!(
        stderr(&out, 3),
        "framelens: s.json: a count would pass 2^64 - 1 when merged; nothing was written\n"
    );
    assert!(!p.join("m3.json").exists());
}

/// A CSV row with an unbalanced quote no longer swallows the records after it: it is skipped at
/// the line it starts on, and reading goes on at the next line, so each later record keeps its
/// own source; lines are numbered alike in CRLF and LF files. Before, record 1 took the text of
/// records 2 to 4 and was credited to `alpha`, with no error.
#[test]
fn a_bad_csv_row_is_skipped_and_reading_resynchronises() {
    let d = scratch(User::Current);
    let p = d.path();
    for (name, eol) in [("lf.csv", "\n"), ("crlf.csv", "\r\n")] {
        let rows = [
            "id,source,text",
            "1,alpha,\"The rebels attacked.",
            "2,beta,The terrorists attacked.",
            "3,gamma,The regime fell.",
            "4,delta,\"bad \"quote\" inside\",x",
            "5,eps,The militants fled.",
        ];
        std::fs::write(p.join(name), rows.map(|r| format!("{r}{eol}")).concat()).unwrap();
        let out = run(
            p,
            User::Current,
            &["corpus", name, "-q", "--hits", "h.jsonl"],
        );
        let quote = "text after the closing quote of a field (a quote inside a quoted field is written twice)";
        assert_eq!(
            stderr(&out, 6),
            format!(
                "framelens: {name}:2: skipped: invalid CSV: {quote}; reading goes on at the next line\n\
                 framelens: {name}:5: skipped: invalid CSV: {quote}; reading goes on at the next line\n"
            )
        );
        let rows: Vec<(String, String)> = std::fs::read_to_string(p.join("h.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["source"].as_str().unwrap().to_owned(),
                    v["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let want = [
            ("beta", "terrorists"),
            ("gamma", "regime"),
            ("eps", "militants"),
        ]
        .map(|(s, t)| (s.to_owned(), t.to_owned()));
        assert_eq!(rows, want, "{name}");
    }
}

/// A quoted field that never closes, with 40 MB after it, is read in bounded memory: under a
/// quarter of a GiB of address space the record is reported, its lines are read as records of
/// their own (each 10 MB line passed over as too large), and the record after them is read.
/// Before, the bad record was held whole, twice (its bytes kept to read again, and the CSV
/// reader's record): the run aborted under this limit, and at 1 GiB with 120 MB after it.
#[test]
fn an_unclosed_csv_quote_is_read_in_bounded_memory() {
    let d = scratch(User::Current);
    let p = d.path();
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(p.join("c.csv")).unwrap());
        f.write_all(b"id,source,text\n1,alpha,\"never closed\n")
            .unwrap();
        let line = format!("{}\n", "the rebels attacked ".repeat(500_000));
        for _ in 0..4 {
            f.write_all(line.as_bytes()).unwrap();
        }
        f.write_all(b"2,beta,The terrorists attacked.\n").unwrap();
    }
    let out = Command::new("/usr/bin/prlimit")
        .arg(format!("--as={}", GIB / 4))
        .arg("--")
        .arg(assert_cmd::cargo::cargo_bin("framelens"))
        .args(["corpus", "c.csv", "-q", "--hits", "h.jsonl"])
        .current_dir(p)
        .output()
        .expect("run framelens");
    let too_long = |line: u32| {
        format!(
            "framelens: c.csv:{line}: skipped: a CSV record of over 3145728 bytes; reading goes on after it\n"
        )
    };
    assert_eq!(
        stderr(&out, 6),
        format!(
            "framelens: c.csv:2: skipped: invalid CSV: a quoted field is never closed; reading goes on at the next line\n{}",
            (3..=6).map(too_long).collect::<String>()
        )
    );
    let hits = std::fs::read_to_string(p.join("h.jsonl")).unwrap();
    let hit: serde_json::Value = serde_json::from_str(hits.trim()).unwrap();
    assert_eq!(
        (hit["source"].as_str(), hit["text"].as_str()),
        (Some("beta"), Some("terrorists"))
    );
}

/// A report to a standard output that was closed (`>&-`) is an error, exit 7, and not a silent
/// success; `> /dev/null` is still a success, a run that writes its report with `-o` does not
/// need standard output, and a lexicon edit is made without its confirmation. Before, a closed output exited 0 having written nothing: Rust's runtime
/// opens /dev/null on it before `main`.
#[test]
fn a_closed_standard_output_is_an_error() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(p.join("a.txt"), ARTICLE).unwrap();
    let closed = |args: &[&str]| {
        Command::new("/bin/sh")
            .args(["-c", "exec \"$@\" >&-", "sh", "/usr/bin/prlimit"])
            .arg(format!("--as={GIB}"))
            .arg("--")
            .arg(assert_cmd::cargo::cargo_bin("framelens"))
            .args(args)
            .current_dir(p)
            .output()
            .expect("run framelens")
    };
    let message = "framelens: cannot write the output: standard output is closed (give -o FILE to write to a file)\n";
    assert_eq!(stderr(&closed(&["score", "a.txt"]), 7), message);
    assert_eq!(
        stderr(
            &closed(&["compare", "a.txt", "a.txt", "--format", "json"]),
            7
        ),
        message
    );
    assert_eq!(stderr(&closed(&["score", "a.txt", "-o", "r.txt"]), 0), "");
    assert!(
        std::fs::read_to_string(p.join("r.txt"))
            .unwrap()
            .contains("terrorist")
    );
    // A lexicon edit is made and succeeds: its confirmation has nowhere to go, and failing
    // after the edit would make a retry fail on the entry it added.
    assert_eq!(stderr(&closed(&["lexicon", "init", "mine.yaml"]), 0), "");
    assert!(p.join("mine.yaml").exists());
    let devnull = framelens_in(p, User::Current)
        .args(["score", "a.txt"])
        .stdout(std::process::Stdio::null())
        .output()
        .expect("run framelens");
    assert_eq!(stderr(&devnull, 0), "");
}

/// A server that declares UTF-16 for a page with no NUL byte that is valid UTF-8 has the wrong
/// label: the page is read as UTF-8, with a note. Before, it was decoded as UTF-16 into
/// nonsense: 0 hits and no warning.
#[test]
fn a_utf16_label_on_a_utf8_page_is_overruled_with_a_note() {
    let page = format!("<html><body><p>{ARTICLE}</p></body></html>");
    let base = serve_bytes(
        "Content-Type: text/html; charset=utf-16\r\n",
        page.into_bytes(),
    );
    let url = format!("{base}/a");
    let d = scratch(User::Current);
    let out = run(d.path(), User::Current, &["score", &url, "-f", "json"]);
    assert_eq!(
        stderr(&out, 0),
        format!(
            "framelens: {url}: the server declares UTF-16LE, but the page has no NUL byte and is valid UTF-8; read as UTF-8\n"
        )
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let terms: Vec<&str> = json["articles"][0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"terrorist-organization"), "{terms:?}");
}

/// Messages of the YAML parser are put in the lexicon's terms instead of leaking its API
/// ("use from_str_multiple or from_str_multiple_with_options", "budget breached: Depth { depth:
/// 65 }"), and an imported dictionary's errors name the file once.
#[test]
fn yaml_parser_messages_speak_of_lexicons() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(p.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(p.join("multi.yaml"), "labels: []\n---\nlabels: []\n").unwrap();
    let out = run(
        p,
        User::Current,
        &["score", "a.txt", "--lexicon", "multi.yaml"],
    );
    assert_eq!(
        stderr(&out, 4),
        "framelens: error: a lexicon file holds one YAML document: this is a second one (after `---`)\n  --> multi.yaml:3:1\n  |\n3 | labels: []\n  | ^\n"
    );
    let deep: String = (0..70)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .chain([format!("{}- word\n", "  ".repeat(70))])
        .collect();
    std::fs::write(p.join("q.yml"), deep).unwrap();
    let out = run(
        p,
        User::Current,
        &["lexicon", "import", "q.yml", "--from", "quanteda"],
    );
    assert_eq!(
        stderr(&out, 3),
        "framelens: q.yml:65: nested more than 64 levels deep\n"
    );
}

/// A regex entry that matches almost anything stops at 10,000 matches in one article, with a
/// warning and the entry named in the profile. Before, `(?s).` on a 1.2 MB article tried to
/// allocate 1 GiB and aborted.
#[test]
fn a_regex_entry_stops_at_its_cap_of_matches() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(
        p.join("any.yaml"),
        "categories: [a/b]\nlabels:\n  - id: any\n    category: a/b\n    stance: -1\n    kind: label\n    regex: \"(?s).\"\n",
    )
    .unwrap();
    std::fs::write(p.join("big.txt"), "ab ".repeat(400_000)).unwrap();
    let out = run(
        p,
        User::Current,
        &[
            "score",
            "big.txt",
            "--no-default-lexicons",
            "--lexicon",
            "any.yaml",
            "-f",
            "json",
        ],
    );
    assert_eq!(
        stderr(&out, 0),
        "framelens: big: the regex entry `any` matched 10000 times, the most counted in one article; its later matches are not counted\n"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let art = &json["articles"][0];
    // Each match is a hit, unless it falls outside every sentence (white space).
    let n = art["hits"].as_array().unwrap().len();
    assert!((9_900..=10_000).contains(&n), "{n}");
    assert_eq!(art["profile"]["capped_regexes"], serde_json::json!(["any"]));
}

/// Pages whose shape would make the HTML parser or Readability slow are refused before they are
/// parsed, exit 3. Before (release build): 200,000 attributes on one element took 14 s, a million
/// `&amp;` 10 s, and 100,000 nested `div`s 35 s before the nesting limit refused them.
#[test]
fn pages_that_would_parse_slowly_are_refused_before_parsing() {
    let d = scratch(User::Current);
    let p = d.path();
    let attrs: Vec<String> = (0..200_000).map(|i| format!("a{i}=\"x\"")).collect();
    let pages = [
        (
            "attrs.html",
            format!(
                "<html><body><p {}>The rebels attacked.</p></body></html>",
                attrs.join(" ")
            ),
            "the HTML page has an element with more than 1000 attributes (at byte 12)",
        ),
        (
            "amp.html",
            format!(
                "<html><body><p>The rebels attacked. {}</p></body></html>",
                "&amp;".repeat(1_000_000)
            ),
            "the HTML page has more than 100000 ampersands (`&`, `&amp;` ...)",
        ),
        (
            "deep.html",
            format!(
                "<html><body>{}<p>The rebels attacked.</p>{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
            "the HTML page nests elements more than 512 deep",
        ),
    ];
    for (name, page, why) in pages {
        std::fs::write(p.join(name), page).unwrap();
        let start = Instant::now();
        let out = run(p, User::Current, &["score", name]);
        assert_eq!(stderr(&out, 3), format!("framelens: {name}: {why}\n"));
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{name}: {:?}",
            start.elapsed()
        );
    }
}

/// Records that repeat an earlier record's id within a source are named on standard error
/// (the same article scraped twice counts twice); the run goes on and counts them, exit 0.
/// Before, nothing was said.
#[test]
fn repeated_record_ids_are_reported() {
    let d = scratch(User::Current);
    let p = d.path();
    let rec = |id: &str, source: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "source": source, "text": ARTICLE})
        )
    };
    let body = [
        rec("a1", "wire"),
        rec("a2", "wire"),
        rec("a1", "wire"),
        rec("a1", "tv"),
        rec("a2", "wire"),
    ]
    .concat();
    std::fs::write(p.join("c.jsonl"), body).unwrap();
    let out = run(
        p,
        User::Current,
        &["corpus", "c.jsonl", "-q", "--summary", "s.json"],
    );
    assert_eq!(
        stderr(&out, 0),
        "framelens: 2 records repeat the id of an earlier record of the same source (the first: 'a1' at c.jsonl:3); each is counted, so an article read twice counts twice\n"
    );
    let s: serde_json::Value = json_file(&p.join("s.json"));
    assert_eq!(s["articles"], 5);
}

/// A corpus whose records name more sources than `--max-sources` (default 10,000) stops with a
/// message at the first record past the limit, exit 3: the summary's memory grows with the
/// sources. Before, 150,000 sources took 1.2 GB, and `--compare --by month` aborted.
#[test]
fn a_corpus_with_too_many_sources_stops_with_a_message() {
    let d = scratch(User::Current);
    let p = d.path();
    let body: String = (0..30)
        .map(|i| format!("{}\n", serde_json::json!({"id": i.to_string(), "source": format!("outlet{i}"), "text": ARTICLE})))
        .collect();
    std::fs::write(p.join("c.jsonl"), body).unwrap();
    let out = run(
        p,
        User::Current,
        &["corpus", "c.jsonl", "-q", "--max-sources", "20"],
    );
    assert_eq!(
        stderr(&out, 3),
        "framelens: c.jsonl:21: a source past the limit of 20 sources (--max-sources); map the raw names to fewer sources (--source-map), or raise the limit\n"
    );
    stderr(
        &run(
            p,
            User::Current,
            &["corpus", "c.jsonl", "-q", "--max-sources", "30"],
        ),
        0,
    );
}

/// `merge` and `report` hold to the same limit on the summaries they merge: the summary that
/// takes the merge past `--max-sources` is named, exit 3, and nothing is written.
#[test]
fn merged_summaries_with_too_many_sources_are_refused() {
    let d = scratch(User::Current);
    let p = d.path();
    for (part, from) in [("one", 0), ("two", 15)] {
        let body: String = (from..from + 15)
            .map(|i| format!("{}\n", serde_json::json!({"id": i.to_string(), "source": format!("outlet{i}"), "text": ARTICLE})))
            .collect();
        std::fs::write(p.join(format!("{part}.jsonl")), body).unwrap();
        let summary = format!("{part}.json");
        let args = [
            "corpus",
            &format!("{part}.jsonl"),
            "-q",
            "--summary",
            &summary,
        ];
        stderr(&run(p, User::Current, &args), 0);
    }
    let message = "framelens: two.json: the summaries read so far name 30 sources, past the limit of 20 (--max-sources); raise the limit, or map the raw names to fewer sources (corpus --source-map) before summarising\n";
    let merge = [
        "merge",
        "one.json",
        "two.json",
        "--max-sources",
        "20",
        "-o",
        "m.json",
    ];
    assert_eq!(stderr(&run(p, User::Current, &merge), 3), message);
    assert!(!p.join("m.json").exists());
    let report = ["report", "one.json", "two.json", "--max-sources", "20"];
    assert_eq!(stderr(&run(p, User::Current, &report), 3), message);
    let merge = [
        "merge",
        "one.json",
        "two.json",
        "--max-sources",
        "30",
        "-o",
        "m.json",
    ];
    stderr(&run(p, User::Current, &merge), 0);
    assert_eq!(
        json_file(&p.join("m.json"))["sources"]
            .as_object()
            .unwrap()
            .len(),
        30
    );
}

/// Reading an HTML page counts against `--timeout`, as fetching does: a page that takes longer
/// is refused, exit 3 (in a corpus, skipped). Before, only the fetch was timed.
#[test]
fn reading_a_page_is_timed() {
    let d = scratch(User::Current);
    let p = d.path();
    let paragraphs: String = (0..3_000)
        .map(|i| format!("<p>Paragraph {i}: the rebels said the regime had fallen.</p>"))
        .collect();
    std::fs::write(
        p.join("big.html"),
        format!(
            "<html><head><title>T</title></head><body><article>{paragraphs}</article></body></html>"
        ),
    )
    .unwrap();
    let out = run(
        p,
        User::Current,
        &["score", "big.html", "--timeout", "0.001"],
    );
    assert_eq!(
        stderr(&out, 3),
        "framelens: big.html: reading the HTML page took more than 0.001 s (--timeout)\n"
    );
    stderr(&run(p, User::Current, &["score", "big.html"]), 0);
    // In a corpus the page is skipped (counted as `too_large`) and the run goes on with the next
    // file. Before, corpus files were read without a deadline: a 2 MB page of 400 blocks nested
    // 500 deep, within every markup limit, took 12 s.
    std::fs::write(
        p.join("good.txt"),
        "The rebels said the regime had fallen.\n",
    )
    .unwrap();
    let out = run(
        p,
        User::Current,
        &[
            "corpus",
            "big.html",
            "good.txt",
            "--timeout",
            "0.001",
            "-q",
            "--summary",
            "s.json",
        ],
    );
    assert_eq!(
        stderr(&out, 6),
        "framelens: big.html: skipped: reading the HTML page took more than 0.001 s (--timeout)\n"
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(p.join("s.json")).unwrap()).unwrap();
    assert_eq!(summary["skipped"], serde_json::json!({"too_large": 1}));
    assert_eq!(summary["articles"], 1);
    // Given the default 30 s, the same page is read.
    stderr(
        &run(p, User::Current, &["corpus", "big.html", "good.txt", "-q"]),
        0,
    );
}

/// An article with more lexicon matches than `--max-hits` (default 200,000) is refused after the
/// one pass that finds them, exit 3, with nothing written; `compare` refuses it too, and a
/// corpus run skips it as `too_large` and goes on. Before (release build): 15 MB of three
/// loaded terms a sentence (731,184 matches) took 1,108 MB and 30 s to score, and `score
/// --format json` aborted under `--as=1G` (`memory allocation of 40946304 bytes failed`).
#[test]
fn an_article_over_the_cap_of_matches_is_refused_before_it_is_analysed() {
    let d = scratch(User::Current);
    let p = d.path();
    let sentence = "The rebels said the terrorists attacked the regime. ";
    std::fs::write(p.join("a.txt"), sentence.repeat(70_000)).unwrap();
    let run_within = |args: &[&str]| {
        let mut c = Command::new("/usr/bin/timeout");
        c.args(["120", "/usr/bin/prlimit", &format!("--as={GIB}"), "--"])
            .arg(assert_cmd::cargo::cargo_bin("framelens"))
            .args(args)
            .current_dir(p);
        c.output().expect("run framelens")
    };
    let refused = "framelens: a: 210000 lexicon matches, over the limit of 200000 for one article \
                   (--max-hits; the memory of an analysis grows with its matches, about 1.4 KB \
                   each)\n";
    let out = run_within(&["score", "a.txt", "--format", "json", "-o", "a.json"]);
    assert_eq!(stderr(&out, 3), refused);
    let out = run_within(&["compare", "a.txt", "a.txt", "-o", "ab.txt"]);
    assert_eq!(stderr(&out, 3), refused);
    assert_eq!(names(p), ["a.txt"]);
    // Under the cap, the same article is analysed.
    std::fs::write(p.join("b.txt"), sentence.repeat(40)).unwrap();
    let out = run(
        p,
        User::Current,
        &["score", "b.txt", "--max-hits", "120", "-f", "json"],
    );
    stderr(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"][0]["hits"].as_array().unwrap().len(), 120);
    let out = run(p, User::Current, &["score", "b.txt", "--max-hits", "119"]);
    assert_eq!(
        stderr(&out, 3),
        "framelens: b: 120 lexicon matches, over the limit of 119 for one article (--max-hits; \
         the memory of an analysis grows with its matches, about 1.4 KB each)\n"
    );
    // A corpus run skips the record and goes on.
    let records = format!(
        "{{\"id\":\"1\",\"source\":\"s\",\"text\":\"{}\"}}\n{{\"id\":\"2\",\"source\":\"s\",\"text\":\"{sentence}\"}}\n",
        sentence.repeat(40)
    );
    std::fs::write(p.join("c.jsonl"), records).unwrap();
    let out = run(
        p,
        User::Current,
        &[
            "corpus",
            "c.jsonl",
            "--max-hits",
            "100",
            "--summary",
            "s.json",
            "--quiet",
        ],
    );
    assert!(
        stderr(&out, 6).starts_with(
            "framelens: c.jsonl:1: skipped: 120 lexicon matches, over the limit of 100 for one \
             article (--max-hits; the memory of an analysis grows with its matches, about 1.4 KB \
             each)\n"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("s.json")).unwrap()).unwrap();
    assert_eq!(summary["skipped"], serde_json::json!({"too_large": 1}));
    assert_eq!(summary["articles"], 1);
}

/// A 1 MB article with 60,000 hits on one line, and a pair of such articles (34,000 hits in the
/// second): `score` and
/// `compare` write their HTML pages (and `compare` its text) under half a GiB of address space.
/// The pages show every hit. Before (release build, 2 MB articles with 160,000 hits): the `score`
/// page peaked at 962 MB and the `compare` page at 1.6 GB, because every note and every segment
/// was built before the first byte was written; and `compare` took 65 s (16 s for 1 MB), because
/// the sentences about each unnamed party were matched against every hit.
#[test]
fn long_articles_with_many_hits_are_written_in_bounded_memory() {
    let d = scratch(User::Current);
    let p = d.path();
    std::fs::write(
        p.join("a.txt"),
        "The rebels said the terrorists attacked the regime. ".repeat(20_000),
    )
    .unwrap();
    std::fs::write(
        p.join("b.txt"),
        "Officials said the militants shelled the occupation forces. ".repeat(17_000),
    )
    .unwrap();
    let run_within = |args: &[&str]| {
        let mut c = Command::new("/usr/bin/timeout");
        c.args([
            "300",
            "/usr/bin/prlimit",
            &format!("--as={}", GIB / 2),
            "--",
        ])
        .arg(assert_cmd::cargo::cargo_bin("framelens"))
        .args(args)
        .current_dir(p);
        c.output().expect("run framelens")
    };
    let marks = |file: &str| {
        std::fs::read_to_string(p.join(file))
            .unwrap()
            .matches("<mark class=\"hit ")
            .count()
    };
    stderr(
        &run_within(&["score", "a.txt", "--format", "html", "-o", "a.html"]),
        0,
    );
    assert_eq!(marks("a.html"), 60_000);
    stderr(
        &run_within(&[
            "compare", "a.txt", "b.txt", "--format", "html", "-o", "ab.html",
        ]),
        0,
    );
    assert_eq!(marks("ab.html"), 60_000 + 34_000);
    stderr(
        &run_within(&["compare", "a.txt", "b.txt", "-o", "ab.txt"]),
        0,
    );
    assert!(
        std::fs::read_to_string(p.join("ab.txt"))
            .unwrap()
            .contains("terrorist")
    );
}
