//! Integration tests: the HTML report in a browser.

use super::*;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Network, Page};
use headless_chrome::{Browser, LaunchOptions};
use std::ffi::OsStr;
use std::sync::{Arc, Mutex};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The page as a browser sees it: what it requested, what it logged, and the tab.
struct Loaded {
    _browser: Browser,
    tab: Arc<headless_chrome::Tab>,
    requests: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
    dialogs: Arc<Mutex<Vec<String>>>,
}

fn chromium_available() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    // CI installs chromium (.ci/run); anywhere else the browser tests are skipped.
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install {CHROMIUM}"
    );
    eprintln!("skipped: {CHROMIUM} is not installed");
    false
}

fn load(page: &Path) -> Loaded {
    load_at(page, 1400)
}

/// The page in a window `width` pixels wide.
fn load_at(page: &Path, width: u32) -> Loaded {
    let profile = tempfile::tempdir().unwrap();
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let browser = Browser::new(LaunchOptions {
        headless: true,
        sandbox: false,
        path: Some(PathBuf::from(CHROMIUM)),
        user_data_dir: Some(profile.path().to_path_buf()),
        window_size: Some((width, 1800)),
        args,
        ..LaunchOptions::default()
    })
    .expect("chromium starts");
    let tab = browser.new_tab().expect("a tab");
    let requests = Arc::new(Mutex::new(Vec::new()));
    let errors = Arc::new(Mutex::new(Vec::new()));
    let dialogs = Arc::new(Mutex::new(Vec::new()));
    let (r, e, d) = (requests.clone(), errors.clone(), dialogs.clone());
    tab.add_event_listener(Arc::new(move |event: &Event| match event {
        Event::NetworkRequestWillBeSent(ev) => {
            r.lock().unwrap().push(ev.params.request.url.clone())
        }
        Event::RuntimeExceptionThrown(ev) => e
            .lock()
            .unwrap()
            .push(format!("{:?}", ev.params.exception_details)),
        Event::RuntimeConsoleAPICalled(ev) if format!("{:?}", ev.params.Type) == "Error" => e
            .lock()
            .unwrap()
            .push(format!("console error: {:?}", ev.params.args)),
        Event::LogEntryAdded(ev) if format!("{:?}", ev.params.entry.level) == "Error" => e
            .lock()
            .unwrap()
            .push(format!("log error: {}", ev.params.entry.text)),
        Event::PageJavascriptDialogOpening(ev) => d.lock().unwrap().push(ev.params.message.clone()),
        _ => {}
    }))
    .unwrap();
    let enable: Network::Enable = serde_json::from_value(serde_json::json!({})).unwrap();
    tab.call_method(enable).unwrap();
    tab.enable_runtime().unwrap();
    tab.enable_log().unwrap();
    // The window's size as a page sees it (a headless window has a minimum width); a narrow one
    // is a phone's.
    let metrics: Emulation::SetDeviceMetricsOverride = serde_json::from_value(serde_json::json!({
        "width": width, "height": 1800, "deviceScaleFactor": 1, "mobile": width < 600
    }))
    .unwrap();
    tab.call_method(metrics).unwrap();
    let url = format!("file://{}", page.display());
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    std::mem::forget(profile); // the browser still uses it; the OS temp folder is cleaned later
    Loaded {
        _browser: browser,
        tab,
        requests,
        errors,
        dialogs,
    }
}

fn eval(tab: &headless_chrome::Tab, js: &str) -> serde_json::Value {
    tab.evaluate(js, false)
        .unwrap()
        .value
        .unwrap_or(serde_json::Value::Null)
}

/// A screenshot of what the window shows, written to target/NAME, and to docs/NAME when
/// FRAMELENS_UPDATE_SCREENSHOT is set.
fn screenshot(tab: &headless_chrome::Tab, name: &str) {
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    assert!(png.len() > 10_000, "{name}: an empty picture");
    std::fs::write(root().join("target").join(name), &png).unwrap();
    if std::env::var_os("FRAMELENS_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs").join(name), &png).unwrap();
    }
}

fn render(args: &[&str], out: &Path) {
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    all.extend(["--format", "html", "--output", out.to_str().unwrap()]);
    framelens().args(&all).assert().success();
}

#[test]
fn the_report_renders_in_a_browser_without_the_network() {
    if !chromium_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    render(
        &[sample(A).to_str().unwrap(), sample(B).to_str().unwrap()],
        &page,
    );
    let l = load(&page);
    let hits = sample_article(A).hits.len() + sample_article(B).hits.len();
    let shown = eval(&l.tab, "document.querySelectorAll('[data-voice]').length");
    assert_eq!(shown, serde_json::json!(hits), "every hit is highlighted");
    let rows = eval(&l.tab, "document.querySelectorAll('table tbody tr').length");
    assert!(rows.as_u64().unwrap_or(0) >= 5, "per-actor table: {rows}");
    let tip = eval(
        &l.tab,
        "(() => { const h = document.querySelector('[data-voice]'); return h.getAttribute('title') || h.textContent + ' ' + (document.getElementById(h.getAttribute('aria-describedby') || '') || {}).textContent; })()",
    );
    let tip = tip.as_str().unwrap_or_default().to_owned();
    assert!(
        tip.contains("terror-offensive") && tip.contains("author"),
        "tooltip: {tip}"
    );
    // Screenshots of the top (summary) and of the highlighted articles side by side.
    for (name, anchor) in [
        ("report.png", "summary"),
        ("report-articles.png", "articles"),
    ] {
        eval(
            &l.tab,
            &format!("document.getElementById('{anchor}').scrollIntoView()"),
        );
        screenshot(&l.tab, name);
    }
    let requests: Vec<String> = l
        .requests
        .lock()
        .unwrap()
        .iter()
        .filter(|u| !u.starts_with("file://") && !u.starts_with("data:"))
        .cloned()
        .collect();
    assert!(
        requests.is_empty(),
        "the page asked the network for {requests:?}"
    );
    assert!(
        l.errors.lock().unwrap().is_empty(),
        "console errors: {:?}",
        l.errors.lock().unwrap()
    );
}

#[test]
fn an_article_cannot_run_script_in_the_report() {
    if !chromium_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let evil = "Headline <script>window.pwned=1;alert(1)</script>\nThe terrorists wrote </textarea><img src=x onerror=\"window.pwned=2\"> and \"onmouseover=alert(1) \u{202E}reversed\u{202C} text, said HTS.";
    let a = write_temp(&dir, "evil.txt", evil.as_bytes());
    let page = dir.path().join("evil.html");
    render(&[a.to_str().unwrap(), sample(B).to_str().unwrap()], &page);
    let l = load(&page);
    assert_eq!(
        eval(&l.tab, "typeof window.pwned"),
        serde_json::json!("undefined")
    );
    let text = eval(&l.tab, "document.body.textContent");
    assert!(
        text.as_str()
            .unwrap()
            .contains("<script>window.pwned=1;alert(1)</script>"),
        "the article's markup is shown as text"
    );
    assert!(
        l.dialogs.lock().unwrap().is_empty(),
        "dialogs: {:?}",
        l.dialogs.lock().unwrap()
    );
    let requests: Vec<String> = l
        .requests
        .lock()
        .unwrap()
        .iter()
        .filter(|u| !u.starts_with("file://") && !u.starts_with("data:"))
        .cloned()
        .collect();
    assert!(requests.is_empty(), "the page asked for {requests:?}");
}

/// The report on a phone (390 px) and on a desktop (1400 px): nothing is wider than the window,
/// and every tooltip's box, shown, lies inside it. Screenshots of both go to target/ (and to
/// docs/ with FRAMELENS_UPDATE_SCREENSHOT).
#[test]
fn the_report_fits_a_phone_and_a_desktop() {
    if !chromium_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    render(
        &[sample(A).to_str().unwrap(), sample(B).to_str().unwrap()],
        &page,
    );
    for width in [390u32, 1400] {
        let l = load_at(&page, width);
        // The sections past the first screen start closed, and a link into one opens it.
        let closed = eval(&l.tab, "document.querySelectorAll('details[open]').length");
        assert_eq!(closed, serde_json::json!(0));
        eval(&l.tab, "document.querySelector('a.to-actor').click()");
        let opened = eval(
            &l.tab,
            "document.getElementById('actors').querySelector('details').open",
        );
        assert_eq!(opened, serde_json::json!(true), "{width}px");
        // Everything open, as for print, is measured below.
        eval(
            &l.tab,
            "document.querySelectorAll('details').forEach(d => d.open = true)",
        );
        // Elements wider than the window, by tag, class and width: none.
        let wide = eval(
            &l.tab,
            "(() => { const w = document.documentElement.clientWidth; const out = []; \
             for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); \
             if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('[hidden], .skip, .tip')) \
             { out.push(e.tagName + '.' + e.getAttribute('class') + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); } } \
             return JSON.stringify([document.documentElement.scrollWidth, w, out.slice(0, 12)]); })()",
        );
        let wide: serde_json::Value = serde_json::from_str(wide.as_str().unwrap()).unwrap();
        let (scroll, client) = (wide[0].as_u64().unwrap(), wide[1].as_u64().unwrap());
        assert!(
            scroll <= client,
            "{width}px: scrollWidth {scroll} > {client}: {wide}"
        );
        assert!(wide[2].as_array().unwrap().is_empty(), "{width}px: {wide}");
        // Every term's tooltip, opened by focusing the term, lies inside the window.
        let tips = eval(
            &l.tab,
            "(() => { const w = document.documentElement.clientWidth; const out = []; let n = 0; \
             for (const m of document.querySelectorAll('mark.hit')) { m.focus(); \
             const t = m.querySelector('.tip'); if (!t) continue; n++; const r = t.getBoundingClientRect(); \
             if (r.width === 0 || r.left < 0 || r.right > w) out.push(m.textContent.slice(0, 30) + ' ' \
             + Math.round(r.left) + '..' + Math.round(r.right)); } \
             return JSON.stringify([n, out.slice(0, 10)]); })()",
        );
        let tips: serde_json::Value = serde_json::from_str(tips.as_str().unwrap()).unwrap();
        assert!(tips[0].as_u64().unwrap() > 40, "{width}px: {tips}");
        assert!(
            tips[1].as_array().unwrap().is_empty(),
            "{width}px: tooltips off screen: {tips}"
        );
        // The overview at the top, and the chart and actor table.
        for (part, anchor) in [("", "glance"), ("-chart", "chart")] {
            eval(
                &l.tab,
                &format!(
                    "document.activeElement.blur(); document.getElementById('{anchor}').scrollIntoView()"
                ),
            );
            screenshot(&l.tab, &format!("report-{width}{part}.png"));
        }
    }
}
