//! The studio in a real browser: headless Chromium drives `rammelab studio` on a temporary
//! copy of the shipped models, as the issue lists it: open a model; type a typo and see its
//! diagnostic at the right line; fix it and see the barriers; toggle an overlay and see a
//! service go from blocked to not blocked; move the date across a change in the law and see a
//! finding go and come back; edit the file on disk and see the page follow; save and find the
//! file intact; and axe-core on every view with no violation. The page's own timing of each
//! redraw (from the answer's arrival to a redrawn page) is printed and written to
//! `target/tmp/studio-browser/timings.json`, not asserted.
//!
//! The harness (Chromium over the DevTools protocol, every request, console error and
//! exception seen) is `chromium.rs`, as for the report. axe-core comes from npm: `.ci/run`
//! installs it into `target/axe` and names its `axe.min.js` in `RAMMELAB_AXE`. Screenshots go to
//! `target/tmp/studio-browser/`, and into `docs/studio/` for `docs/studio.md` when
//! `UPDATE_DOCS` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::chromium::{Browser, Page};
use crate::studio_support::Studio;
use serde_json::json;

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("studio-browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const NEEDS: &str =
    "needs Chromium and axe-core (`.ci/run` installs both; RAMMELAB_AXE names axe.min.js)";

impl Browser {
    /// Polls a JavaScript expression until it is true; fails with `what` after 20 s.
    fn until(&mut self, page: &Page, expr: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.eval(page, expr) == json!(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} ({expr})"
            );
            self.pump(Duration::from_millis(100));
        }
    }

    /// Runs axe-core on the page as it stands; every violation, with the nodes it names.
    fn axe(&mut self, page: &Page, axe: &str) -> Vec<String> {
        if self.eval(page, "typeof axe === 'object'") != json!(true) {
            self.eval(page, axe);
        }
        let r = self.call(
            Some(&page.session),
            "Runtime.evaluate",
            json!({
                "expression": "axe.run(document).then(r => r.violations.map(v => v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.slice(0, 3).map(n => n.target))))",
                "awaitPromise": true,
                "returnByValue": true,
            }),
        );
        r["result"]["value"]
            .as_array()
            .unwrap_or_else(|| panic!("axe did not run: {r}"))
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// A screenshot of the first screen, kept in the test's folder and, with `UPDATE_DOCS`,
    /// in `docs/studio/`.
    fn shot(&mut self, page: &Page, name: &str) {
        let png = self.data(page, "Page.captureScreenshot", json!({"format": "png"}));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(out_dir().join(format!("{name}.png")), &png).unwrap();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/studio");
            std::fs::create_dir_all(&docs).unwrap();
            std::fs::write(docs.join(format!("{name}.png")), &png).unwrap();
        }
    }
}

fn axe_source() -> String {
    let path = std::env::var_os("RAMMELAB_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/axe/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core not found at {} ({e}): npm install --prefix target/axe axe-core@4",
            path.display()
        )
    })
}

/// Sets the editor's text as typing would (an `input` event), as JavaScript source.
fn type_text(text: &str) -> String {
    format!(
        "(() => {{ const t = document.getElementById('editor-text'); t.focus(); t.value = {}; t.dispatchEvent(new Event('input', {{bubbles: true}})); return true; }})()",
        serde_json::to_string(text).unwrap()
    )
}

/// Waits until the page has drawn a view after `before` views.
fn drawn_after(b: &mut Browser, page: &Page, before: u64, what: &str) {
    b.until(
        page,
        &format!("Number(document.body.dataset.views || 0) > {before}"),
        what,
    );
}

fn views(b: &mut Browser, page: &Page) -> u64 {
    b.eval(page, "Number(document.body.dataset.views || 0)")
        .as_u64()
        .unwrap_or(0)
}

const MODEL: &str = "paa-doerterskelen.lsm";
const VARIANT: &str = "variants/paa-doerterskelen/med-databehandleravtale.lsm";

/// An overlay of the test's own that repeals the rule on direct awards above the EEA
/// threshold, so that the variant's one blocking barrier goes.
const REPEAL: &str = "overlay: test-repeal
version: \"2026.12\"
title:
  nb: \"Test: direkte tildeling tillatt\"
  en: \"Test: direct award allowed\"
status: proposed
test_date: 2026-12-01
source:
  act: \"Test\"
  short: test
  section: \"§ 1\"
  url: \"https://lovdata.no/lov/2016-06-17-73\"
repeal:
  - rule: foa-direct-award-above-eea-threshold
    from: 2026-01-01
";

#[test]
#[ignore = "needs Chromium and axe-core (`.ci/run` installs both; RAMMELAB_AXE names axe.min.js)"]
fn a_lab_session_in_the_browser() {
    let _ = NEEDS;
    let axe = axe_source();
    let s = Studio::start(&[]);
    std::fs::write(s.dir.join("test-repeal.yaml"), REPEAL).unwrap();
    let mut b = Browser::launch();
    let mut violations: Vec<String> = Vec::new();
    let mut check = |b: &mut Browser, page: &Page, view: &str| {
        for v in b.axe(page, &axe) {
            violations.push(format!("{view}: {v}"));
        }
    };

    // Open a model.
    let page = b.open(&format!("{}?model={MODEL}", s.url()));
    b.until(
        &page,
        "document.body.dataset.ready === 'true' && Number(document.body.dataset.views || 0) >= 1",
        "the first view",
    );
    b.until(
        &page,
        "document.querySelectorAll('#barriers li[data-rule]').length > 0",
        "the barriers",
    );
    b.until(
        &page,
        "document.querySelector('#graph svg') !== null",
        "the graph",
    );
    check(&mut b, &page, "model");
    b.shot(&page, "studio-model");

    // A click on a barrier in the graph shows its source and the services it blocks.
    b.eval(&page, "document.querySelector('#graph g.node[data-key^=\"gdpr-art28\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    b.until(
        &page,
        "document.querySelector('#details-body a[href^=\"https://lovdata.no/\"]') !== null",
        "the barrier's details",
    );
    check(&mut b, &page, "barrier details");
    b.shot(&page, "studio-details");

    // A typo: its diagnostic at its line; the fix brings the barriers back.
    let text = s.read(MODEL);
    let at = text.find("provider:").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let typo = format!("{}providr:{}", &text[..at], &text[at + 9..]);
    let n = views(&mut b, &page);
    b.eval(&page, &type_text(&typo));
    drawn_after(&mut b, &page, n, "the view of the typo");
    b.until(
        &page,
        &format!(
            "document.querySelector('#diagnostics li.diagnostic[data-line=\"{line}\"]') !== null"
        ),
        "the diagnostic at its line",
    );
    b.until(
        &page,
        "document.querySelector('#editor-colours .t-diag') !== null",
        "the underlined typo",
    );
    check(&mut b, &page, "diagnostics");
    b.shot(&page, "studio-diagnostic");
    // The quick fix offered with the diagnostic puts the word back.
    let n = views(&mut b, &page);
    b.eval(
        &page,
        "document.querySelector('#diagnostics button.fix').click()",
    );
    drawn_after(&mut b, &page, n, "the view of the fix");
    assert_eq!(
        b.eval(&page, "document.getElementById('editor-text').value"),
        json!(text)
    );
    b.until(&page, "document.querySelectorAll('#diagnostics li.diagnostic').length === 0 && document.querySelectorAll('#barriers li[data-rule]').length > 0", "the barriers after the fix");

    // The date across a change in the law: a finding goes, and comes back.
    let rules_now = b.eval(&page, "[...document.querySelectorAll('#barriers li[data-rule]')].map(l => l.dataset.rule).join(' ')");
    let n = views(&mut b, &page);
    b.eval(&page, "(() => { const d = document.getElementById('at'); d.value = '2020-01-01'; d.dispatchEvent(new Event('change')); })()");
    drawn_after(&mut b, &page, n, "the view at 2020-01-01");
    let rules_then = b.eval(&page, "[...document.querySelectorAll('#barriers li[data-rule]')].map(l => l.dataset.rule).join(' ')");
    assert_ne!(
        rules_now, rules_then,
        "the barriers are the same in 2020 and 2026"
    );
    let n = views(&mut b, &page);
    b.eval(&page, "(() => { const d = document.getElementById('at'); d.value = '2026-12-01'; d.dispatchEvent(new Event('change')); })()");
    drawn_after(&mut b, &page, n, "the view at 2026-12-01");
    assert_eq!(b.eval(&page, "[...document.querySelectorAll('#barriers li[data-rule]')].map(l => l.dataset.rule).join(' ')"), rules_now);

    // An overlay switched on: the variant's service goes from blocked to not blocked.
    let n = views(&mut b, &page);
    b.eval(&page, &format!("(() => {{ const m = document.getElementById('model'); m.value = '{VARIANT}'; m.dispatchEvent(new Event('change')); }})()"));
    drawn_after(&mut b, &page, n, "the variant");
    b.until(&page, "document.querySelector('#services li[data-service=\"doerbesok\"]')?.dataset.status === 'blocked'", "doerbesok blocked");
    let n = views(&mut b, &page);
    b.eval(&page, "(() => { const c = document.querySelector('#overlays input[value=\"test-repeal.yaml\"]'); c.checked = true; c.dispatchEvent(new Event('change')); })()");
    drawn_after(&mut b, &page, n, "the view under the overlay");
    b.until(&page, "document.querySelector('#services li[data-service=\"doerbesok\"]')?.dataset.status !== 'blocked'", "doerbesok no longer blocked");
    b.eval(&page, "document.getElementById('lab-run').click()");
    b.until(
        &page,
        "document.querySelectorAll('#lab-table tbody tr').length > 1",
        "the lab table",
    );
    check(&mut b, &page, "lab");
    b.shot(&page, "studio-lab");

    // The file changed on disk: the page follows.
    let on_disk = format!("{}\n# endret i en annen editor\n", s.read(VARIANT));
    std::fs::write(s.dir.join(VARIANT), &on_disk).unwrap();
    b.until(
        &page,
        "document.getElementById('editor-text').value.includes('endret i en annen editor')",
        "the page to follow the disk",
    );

    // Save: the file on disk is the editor's text, whole.
    let saved = on_disk.replace("endret i en annen editor", "lagret fra studioet");
    b.eval(&page, &type_text(&saved));
    b.eval(&page, "document.getElementById('save').click()");
    b.until(
        &page,
        &format!(
            "document.getElementById('save-state').textContent === {}",
            serde_json::to_string("Lagret").unwrap()
        ),
        "the save",
    );
    assert_eq!(s.read(VARIANT), saved);

    // English, and presentation mode.
    let en = b.open(&format!("{}?lang=en&model={MODEL}", s.url()));
    b.until(
        &en,
        "document.body.dataset.ready === 'true' && Number(document.body.dataset.views || 0) >= 1",
        "the English page",
    );
    check(&mut b, &en, "English");
    b.eval(&en, "document.getElementById('present').click()");
    b.until(
        &en,
        "document.body.classList.contains('present')",
        "presentation mode",
    );
    check(&mut b, &en, "presentation");
    b.shot(&en, "studio-present");
    // At 200 % zoom (a 640 px wide window), the page still works and is still clean.
    b.viewport(&en.session, 640, 400);
    check(&mut b, &en, "200 % zoom");

    // The page's own timing of each redraw, from the answer's arrival to a redrawn page.
    let timings = b.eval(&page, "window.rammelabStudio.timings");
    let redraws: Vec<f64> = timings
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["redraw_ms"].as_f64())
        .collect();
    let mut sorted = redraws.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    let max = sorted.last().copied().unwrap_or_default();
    eprintln!(
        "browser redraw after a view: {} views, median {median:.1} ms, max {max:.1} ms",
        redraws.len()
    );
    std::fs::write(
        out_dir().join("timings.json"),
        serde_json::to_string_pretty(&timings).unwrap(),
    )
    .unwrap();

    let mut problems = b.problems(&page);
    problems.extend(b.problems(&en));
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
}
