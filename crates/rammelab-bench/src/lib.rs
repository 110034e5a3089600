//! rammelab's benchmarks (`benches/engine.rs`), the timing examples (`examples/`) and the
//! equivalence test against regorus (`tests/rego_equivalence.rs`), with the few helpers they
//! share. The crate exists so that criterion and regorus are compiled only by `cargo bench` and
//! by the tests of this member (`cargo test -p rammelab-bench`, run by `.ci/run`).
//!
//! Everything here goes through rammelab's facade (`rammelab::Workspace`, `evaluate`,
//! `build_view`, `build_graph`, `render`) and reads the generator's text
//! (`crates/rammelab-gen`): a model is parsed as `rammelab check` parses it, and a pack is
//! loaded from a folder as `--rules` loads it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rammelab::{
    build_view, render, Date, Evaluation, Format, Lang, Limits, Outcome, RuleErrors, RuleSources,
    Workspace,
};

/// The date the benchmarks read the law at.
pub fn at() -> Date {
    Date::constant(2026, 6, 1)
}

/// Limits wide enough for N = 100 000 (1.4 million items, 200 MB); the defaults refuse it.
pub fn wide_limits() -> Limits {
    Limits {
        max_file_size: 1 << 30,
        max_items: 10_000_000,
        ..Limits::default()
    }
}

/// A folder of its own under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("rammelab-bench-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Why a pack held in memory did not load.
#[derive(Debug)]
pub enum PackError {
    /// The temporary folder could not be written.
    Io(std::io::Error),
    /// The pack has errors.
    Rules(RuleErrors),
}

/// A pack folder holding one pack, `bench.yaml` with `yaml`, for as long as it lives; what
/// `rammelab check --no-builtin-rules --rules FOLDER` reads.
pub struct PackDir {
    dir: TempDir,
}

impl PackDir {
    /// Writes the pack into a fresh temporary folder.
    pub fn new(yaml: &str) -> Result<PackDir, PackError> {
        let dir = TempDir::new().map_err(PackError::Io)?;
        std::fs::write(dir.0.join("bench.yaml"), yaml).map_err(PackError::Io)?;
        Ok(PackDir { dir })
    }

    /// The pack alone, without the shipped packs (the vocabulary is the shipped one).
    pub fn sources(&self) -> RuleSources {
        RuleSources {
            dirs: vec![self.dir.0.clone()],
            no_builtin: true,
        }
    }

    /// Loads the pack into a workspace that reads models within [`wide_limits`].
    pub fn load(&self) -> Result<Workspace, PackError> {
        Workspace::load(&self.sources(), &[])
            .map(|w| w.with_limits(wide_limits()))
            .map_err(PackError::Rules)
    }
}

/// A workspace of the one pack `yaml` (a generated pack held in memory), reading models within
/// [`wide_limits`]. The facade loads packs from folders, so the pack goes through a temporary
/// one, removed again once loaded.
pub fn workspace_of(yaml: &str) -> Result<Workspace, PackError> {
    PackDir::new(yaml)?.load()
}

/// The shipped packs, reading models within [`wide_limits`].
pub fn shipped() -> Result<Workspace, RuleErrors> {
    Workspace::builtin().map(|w| w.with_limits(wide_limits()))
}

/// The check report of one evaluated model rendered as JSON (what `rammelab check --format
/// json` writes): the view, the report, the text.
pub fn report_json(workspace: &Workspace, eval: &Evaluation<'_>) -> String {
    let view = build_view(eval, Lang::Nb);
    let report = workspace.report(at(), Lang::Nb, vec![Outcome::Checked(view)]);
    render(&report, Format::Json)
}

/// The benchmark pack cut down to its first group-by rule ("a company receiving health data
/// from more than 3 distinct municipalities").
pub fn group_by_pack(yaml: &str) -> Option<String> {
    let (head, rules) = yaml.split_once("rules:\n")?;
    let rule = rules
        .split("\n  - id: ")
        .find(|r| r.contains("company-receiving-from-many-senders"))?;
    let rule = rule.trim_start_matches("  - id: ");
    Some(format!("{head}rules:\n  - id: {rule}\n"))
}
