//! Embeds the rule packs shipped in `rules/` and the proposals in `rules/proposals/` into the
//! binary, so `rammelab check` works from any folder and `lab`/`diff` have the proposals after
//! `cargo install` (`--overlays builtin`, `--overlay builtin:NAME`). The vocabulary is embedded
//! by `src/vocab` with `include_str!`.
//!
//! Each shipped pack and the vocabulary are also embedded as JSON, converted here from their
//! YAML: reading YAML was most of the time a small `check` took from start to exit, and JSON
//! reads several times faster into the same structs. The YAML stays the source (shown by
//! `rules show`, used to place diagnostics); a file that does not convert is read as YAML.
//!
//! The word catalogue (`locales/<lang>/*.ftl`) is embedded the same way, every file of every
//! language folder, so a translator adds a file without touching Rust (`src/base/words`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let names = yaml_files("rules");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let mut out = String::from("&[\n");
    let mut json = String::from("&[\n");
    for n in &names {
        let path = Path::new(&manifest).join("rules").join(n);
        let _ = writeln!(
            out,
            "    ({n:?}, include_str!({:?})),",
            path.display().to_string()
        );
        let _ = writeln!(json, "    ({n:?}, {:?}),", as_json(&path));
    }
    out.push(']');
    json.push(']');
    let mut proposals = String::from("&[\n");
    for n in yaml_files("rules/proposals") {
        let path = Path::new(&manifest)
            .join("rules")
            .join("proposals")
            .join(&n);
        let _ = writeln!(
            proposals,
            "    ({n:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    proposals.push(']');
    println!("cargo:rerun-if-changed=locales");
    let locales = locale_files(Path::new(&manifest).join("locales").as_path());
    let vocab = as_json(&Path::new(&manifest).join("rules").join("vocabulary.yaml"));
    for (file, text) in [
        ("builtin_packs.rs", out),
        ("builtin_packs_json.rs", json),
        ("builtin_vocabulary_json.rs", format!("{vocab:?}")),
        ("builtin_proposals.rs", proposals),
        ("locales.rs", locales),
    ] {
        let dest = Path::new(&out_dir).join(file);
        if let Err(e) = std::fs::write(&dest, text) {
            println!("cargo:warning=could not write {}: {e}", dest.display());
        }
    }
}

/// The names of the `*.yaml` files in a folder (not the vocabulary), sorted; none when the
/// folder does not read.
fn yaml_files(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml") && n != "vocabulary.yaml")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// `&[(language, file name, text)]` for every `*.ftl` file in every folder of `locales/`,
/// sorted, as Rust source that embeds each file with `include_str!`.
fn locale_files(root: &Path) -> String {
    let mut files: Vec<(String, String)> = Vec::new();
    for lang in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let lang_name = lang.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(lang.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                files.push((lang_name.clone(), name));
            }
        }
    }
    files.sort();
    let mut out = String::from("&[\n");
    for (lang, name) in &files {
        let path = root.join(lang).join(name);
        let _ = writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push(']');
    out
}

/// A YAML file as JSON text, or "" when it does not read (it is then read as YAML, which
/// reports the error).
fn as_json(path: &Path) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_yaml::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| serde_json::to_string(&v).ok())
        .unwrap_or_default()
}
