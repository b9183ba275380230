//! The 14 bundled articles (samples/ and tests/fixtures/wire/), shared by the criterion bench and
//! the profiling example.

use std::path::Path;

/// `(file name, text)` of every bundled article, in a fixed order.
pub fn bundled_articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["samples", "tests/fixtures/wire"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("article folder")
            .map(|e| e.expect("folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).expect("article");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, text));
        }
    }
    assert_eq!(out.len(), 14, "expected the 14 bundled articles");
    out
}
