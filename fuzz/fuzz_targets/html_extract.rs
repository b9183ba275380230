//! Page reading: arbitrary UTF-8 as an HTML page, through the markup check and Readability, the
//! way `score page.html` and `score URL` read it. The page may be refused; reading must not
//! panic, and a page that passes the check must be read within libFuzzer's `-timeout` (the
//! check exists to bound the parser's time). The text read from a page is its own string, so
//! the only property left to check is that it is well-formed, which its type already promises.
//!
//! The page is read on a thread with the same large stack that `extract_within` gives it.
#![no_main]

use framelens::input::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(page) = std::str::from_utf8(data) else {
        return;
    };
    let page = page.to_owned();
    let reader = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || match html::extract(&page, Some("https://example.org/a")) {
            Ok(text) => assert!(text.len() <= 4 * page.len() + 4096, "text grew past its page"),
            Err(e) => {
                let _ = e.to_string();
            }
        })
        .expect("a thread for the page");
    reader.join().expect("reading the page panicked");
});
