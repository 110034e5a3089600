//! The proposals of `rules/proposals/` are built into the binary (build.rs), each as it is on
//! disk. (That `lab`, `check` and `diff` take them is tested through the binary:
//! `tests/cli/builtin_proposals.rs`.)
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::rules::overlay::{builtin_proposal, builtin_proposal_names, BUILTIN_PROPOSALS};

const NOU: &str = "anskaffelser-nou-2023-26";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_shipped_proposal_is_built_in_as_it_is_on_disk() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("rules/proposals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let built_in: Vec<String> = BUILTIN_PROPOSALS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(built_in, on_disk);
    assert_eq!(builtin_proposal_names().len(), on_disk.len());
    for name in builtin_proposal_names() {
        let file = builtin_proposal(name).unwrap();
        let text = std::fs::read_to_string(root().join(format!("rules/proposals/{name}.yaml")));
        assert_eq!(file.text, text.unwrap(), "{name}");
        assert_eq!(
            file.path,
            Path::new("rules/proposals").join(format!("{name}.yaml"))
        );
    }
    assert!(builtin_proposal(&format!("{NOU}.yaml")).is_some());
    assert!(builtin_proposal("rules-proposals-readme").is_none());
}
