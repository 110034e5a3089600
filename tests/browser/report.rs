//! The HTML report in a real browser: headless Chromium opens the page, takes a screenshot and
//! prints it to PDF, and the test fails on any network request or console error.
//!
//! How requests and errors are seen: the test starts Chromium with `--remote-debugging-port=0`
//! and an empty profile, and drives it over the DevTools protocol (a websocket on the loopback
//! address, through `tungstenite`). On the page's own session it enables the `Network`,
//! `Runtime` and `Log` domains before navigating, so the browser itself reports
//!
//! - every request the page makes (`Network.requestWillBeSent`: images, fonts, styles, scripts,
//!   prefetches; sent before the request leaves, and also for requests the page's
//!   Content-Security-Policy then blocks). The only request allowed is the report file itself;
//! - every console message (`Runtime.consoleAPICalled`) and uncaught exception
//!   (`Runtime.exceptionThrown`);
//! - every browser log entry (`Log.entryAdded`): failed loads, CSP violations, deprecations.
//!
//! Errors fail the test; warnings are printed. A self-test loads a page that makes a request
//! and logs an error, and checks that both are caught, so the harness cannot silently go blind.
//!
//! Screenshots and PDFs are left in `target/tmp/report-browser/` to look at.
//!
//! Chromium: Debian's `chromium` (or `RAMMELAB_CHROMIUM=/path`). The tests are ignored by a
//! plain `cargo test`, which lists them with the reason; `.ci/run` installs Chromium and runs
//! them (`cargo test -- --include-ignored`). Run without a browser, they fail: a browser test
//! that passes without a browser would be a skip nobody sees.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::chromium::{Browser, Page};
use serde_json::{json, Value};

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What only the report's tests do with a page.
impl Browser {
    /// A screenshot of the first screen (1280×800, a projector), one of the whole page, and the
    /// page printed to PDF, written as `<name>.png`, `<name>-full.png` and `<name>.pdf`.
    fn capture(&mut self, page: &Page, name: &str) -> (PathBuf, PathBuf) {
        let dir = out_dir();
        let shot = self.data(page, "Page.captureScreenshot", json!({"format": "png"}));
        std::fs::write(dir.join(format!("{name}.png")), &shot).unwrap();
        let height = self
            .eval(page, "document.documentElement.scrollHeight")
            .as_u64()
            .unwrap_or(800)
            .min(16_000) as u32;
        self.viewport(&page.session, 1280, height);
        let full = self.data(page, "Page.captureScreenshot", json!({"format": "png"}));
        std::fs::write(dir.join(format!("{name}-full.png")), &full).unwrap();
        self.viewport(&page.session, 1280, 800);
        let pdf = self.data(
            page,
            "Page.printToPDF",
            json!({"printBackground": true, "preferCSSPageSize": true}),
        );
        let pdf_path = dir.join(format!("{name}.pdf"));
        std::fs::write(&pdf_path, &pdf).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
        assert!(shot.starts_with(b"\x89PNG"), "not a PNG");
        (dir.join(format!("{name}.png")), pdf_path)
    }

    fn close(&mut self, page: &Page) {
        self.call(None, "Target.closeTarget", json!({"targetId": page.target}));
    }
}

fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap();
    format!("file://{}", abs.display())
}

/// Writes a report with the binary and returns its path.
fn write_report(name: &str, args: &[&str]) -> PathBuf {
    let path = out_dir().join(format!("{name}.html"));
    let status = Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .arg("report")
        .args(args)
        .args(["--at", "2026-11-28", "-o"])
        .arg(&path)
        .env_remove("RAMMELAB_LANG")
        .status()
        .unwrap();
    assert!(status.success(), "rammelab report {args:?} failed");
    path
}

#[test]
#[ignore = "needs Chromium (`chromium` or RAMMELAB_CHROMIUM); .ci/run installs it and runs it"]
fn the_harness_sees_requests_and_console_errors() {
    let mut b = Browser::launch();
    let path = out_dir().join("harness-self-test.html");
    std::fs::write(
        &path,
        "<!doctype html><title>t</title><img src=\"http://127.0.0.1:9/x.png\">\
         <script>console.error('boom')</script>",
    )
    .unwrap();
    let page = b.open(&file_url(&path));
    let problems = b.problems(&page);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("network request: http://127.0.0.1:9/x.png")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("console error") && p.contains("boom")),
        "{problems:?}"
    );
}

#[test]
#[ignore = "needs Chromium (`chromium` or RAMMELAB_CHROMIUM); .ci/run installs it and runs it"]
fn reports_open_print_and_stay_offline_and_silent_in_chromium() {
    let mut b = Browser::launch();
    let reports = [
        (
            "paa-doerterskelen.nb",
            write_report("paa-doerterskelen.nb", &["models/paa-doerterskelen.lsm"]),
        ),
        (
            "all-models.en",
            write_report("all-models.en", &["models/", "--lang", "en"]),
        ),
        (
            "hostile",
            write_report(
                "hostile",
                &[
                    "tests/report/hostile.lsm",
                    "--rules",
                    "tests/report/hostile-rules",
                ],
            ),
        ),
    ];
    for (name, path) in &reports {
        let page = b.open(&file_url(path));
        let (_, pdf) = b.capture(&page, name);
        let problems = b.problems(&page);
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        // Nothing from the model or the rules became markup that runs or calls out.
        let probe = b.eval(
            &page,
            "JSON.stringify({
                pwned: typeof window.__pwned,
                scripts: document.scripts.length,
                handlers: [...document.querySelectorAll('*')]
                    .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                links: [...document.querySelectorAll('[href]')]
                    .map(a => a.getAttribute('href'))
                    .filter(h => !/^(https?:|#)/.test(h)),
                embeds: document.querySelectorAll('img, iframe, object, embed, link, video, audio').length
            })",
        );
        assert_eq!(
            probe,
            json!(r#"{"pwned":"undefined","scripts":0,"handlers":0,"links":[],"embeds":0}"#),
            "{name}"
        );
        let pages = count_pdf_pages(&std::fs::read(&pdf).unwrap());
        assert!(pages >= 2, "{name}: the PDF has {pages} pages");
        b.close(&page);
    }

    // The status filter works without a script: choosing `ok` hides the other services.
    let page = b.open(&file_url(&reports[1].1));
    let shown = |b: &mut Browser, page: &Page| -> Value {
        b.eval(
            page,
            "[...document.querySelectorAll('#m3 tr[data-status]')]
                .filter(r => getComputedStyle(r).display !== 'none')
                .map(r => r.dataset.status).join(',')",
        )
    };
    let all = shown(&mut b, &page).as_str().unwrap().to_string();
    assert!(all.contains("ok") && all.contains("blocked"), "{all}");
    b.eval(
        &page,
        "document.querySelector('label[for=m3-f-ok]').click()",
    );
    let ok: Vec<&str> = all.split(',').filter(|s| *s == "ok").collect();
    assert_eq!(shown(&mut b, &page), json!(ok.join(",")));
    assert!(b.problems(&page).is_empty());
}

/// Pages of a PDF, counted by their page objects.
fn count_pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// The page as printed: media `print`, and a window as wide as the text area of a landscape A4
/// page (297 mm less two 8 mm margins), where the graph is printed.
const LANDSCAPE_TEXT_WIDTH_PX: u32 = 1062;

/// The smallest text on the printed page, in points: every element with text of its own that
/// print shows, at its computed size (1 CSS px = 0.75 pt); and every text of the SVG drawings
/// print shows, at its size times the drawing's scale on the page. Returns (html, svg) minima
/// and a description of where they are.
fn smallest_printed_text(b: &mut Browser, page: &Page) -> (f64, f64, String) {
    b.call(
        Some(&page.session),
        "Emulation.setEmulatedMedia",
        json!({"media": "print"}),
    );
    b.viewport(&page.session, LANDSCAPE_TEXT_WIDTH_PX, 800);
    let r = b.eval(
        page,
        "(() => {
            const shown = e => e.getClientRects().length > 0
                && getComputedStyle(e).visibility !== 'hidden';
            let html = Infinity, small = '';
            for (const e of document.body.querySelectorAll('*')) {
                if (e.closest('svg')) continue;
                const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own || !shown(e)) continue;
                const pt = parseFloat(getComputedStyle(e).fontSize) * 0.75;
                if (pt < html) {
                    html = pt;
                    small = e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40);
                }
            }
            let svg = Infinity, where = '';
            for (const s of document.querySelectorAll('svg')) {
                if (!shown(s)) continue;
                const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
                for (const t of s.querySelectorAll('text')) {
                    const pt = parseFloat(t.getAttribute('font-size')) * scale * 0.75;
                    if (pt < svg) {
                        svg = pt;
                        where = s.querySelector('text').textContent + ': ' + t.textContent;
                    }
                }
            }
            return JSON.stringify([html, svg, small + ' / ' + where]);
        })()",
    );
    let v: Value = serde_json::from_str(r.as_str().unwrap()).unwrap();
    (
        v[0].as_f64().unwrap(),
        v[1].as_f64().unwrap(),
        v[2].as_str().unwrap().to_string(),
    )
}

/// The smallest text a printed report may have (7 pt, less a rounding error: 7 pt is
/// 9.333 px).
const MIN_PT: f64 = 6.99;

#[test]
#[ignore = "needs Chromium (`chromium` or RAMMELAB_CHROMIUM); .ci/run installs it and runs it"]
fn the_printed_report_of_a_five_barrier_model_fits_in_seven_a4_pages_with_legible_text() {
    let mut b = Browser::launch();
    for (name, lang) in [
        ("print-paa-doerterskelen.nb", "nb"),
        ("print-paa-doerterskelen.en", "en"),
    ] {
        let path = write_report(name, &["models/paa-doerterskelen.lsm", "--lang", lang]);
        let page = b.open(&file_url(&path));
        let (_, pdf) = b.capture(&page, name);
        let pages = count_pdf_pages(&std::fs::read(&pdf).unwrap());
        // Six pages with 105 rules; the table of every rule checked takes a page more at 168.
        assert!(
            pages <= 7,
            "{name}: {pages} A4 pages (was 18 before the print layout)"
        );
        let (html, svg, where_) = smallest_printed_text(&mut b, &page);
        assert!(html >= MIN_PT, "{name}: text of {html:.1} pt ({where_})");
        assert!(
            svg >= MIN_PT,
            "{name}: graph text of {svg:.1} pt ({where_})"
        );
        assert!(b.problems(&page).is_empty());
        b.close(&page);
    }
}

#[test]
#[ignore = "needs Chromium (`chromium` or RAMMELAB_CHROMIUM); .ci/run installs it and runs it"]
fn the_printed_graph_of_every_shipped_model_stays_legible_on_a4() {
    let mut b = Browser::launch();
    let mut report = Vec::new();
    let mut models: Vec<PathBuf> = std::fs::read_dir("models")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "lsm"))
        .collect();
    models.sort();
    for model in &models {
        let stem = model.file_stem().unwrap().to_string_lossy().to_string();
        let name = format!("print-{stem}");
        let path = write_report(&name, &[model.to_str().unwrap()]);
        let page = b.open(&file_url(&path));
        let (_, pdf) = b.capture(&page, &name);
        let pages = count_pdf_pages(&std::fs::read(&pdf).unwrap());
        let (html, svg, where_) = smallest_printed_text(&mut b, &page);
        eprintln!("{stem}: {pages} pages, text >= {html:.1} pt, graph text >= {svg:.1} pt");
        report.push((stem, pages, html, svg, where_));
        b.close(&page);
    }
    for (stem, pages, html, svg, where_) in &report {
        assert!(*html >= MIN_PT, "{stem}: text of {html:.1} pt ({where_})");
        assert!(
            *svg >= MIN_PT,
            "{stem}: graph text of {svg:.1} pt ({where_})"
        );
        // The largest were 12 pages with 105 rules, 15 with 168 (the table of rules checked).
        assert!(*pages <= 16, "{stem}: {pages} pages");
    }
}
