//! The studio's server time from an edit to a fresh view: for each shipped model, a one-byte
//! edit of its text, then what `POST /api/view` does with it (resolve, evaluate, the check
//! report with explain steps, the graph's SVG, the colouring, the unlock order) and the JSON
//! answer, timed over many runs. The HTTP layer adds little on the loopback; the page's own
//! redraw time is measured by `tests/studio_browser.rs`.
//!
//! ```sh
//! cargo run --release --example studio_view            # every shipped model, 50 runs each
//! cargo run --release --example studio_view -- 200     # 200 runs each
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use rammelab::rules::RuleSet;
use rammelab::studio::engine::{Ask, Engine};
use rammelab::vocab::Lang;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let dir = std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("models")).unwrap();
    rammelab::base::fsutil::remember_given_folders(std::slice::from_ref(&dir));
    let engine = Engine {
        rules: RuleSet::builtin().unwrap(),
        limits: rammelab::base::limits::Limits::default(),
        dir: dir.clone(),
    };
    let at: jiff::civil::Date = "2026-12-01".parse().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "lsm"))
        .collect();
    files.sort();
    println!("model                                  bytes  median ms  p95 ms  (of {runs} runs, edit to JSON answer)");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs {
            // A different edit each run: a comment line at the end.
            let edited = format!("{text}\n# {i}\n");
            let ask = Ask {
                file: &file,
                shown: &shown,
                text: &edited,
                at,
                lang: Lang::Nb,
                overlays: &[],
                focus: None,
            };
            let started = Instant::now();
            let view = engine.view(&ask);
            let json = serde_json::to_vec(&view).unwrap();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(view.diagnostics.is_empty() && !json.is_empty(), "{shown}");
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        println!("{shown:<38} {:>6}  {median:>9.2}  {p95:>6.2}", text.len());
    }
}
