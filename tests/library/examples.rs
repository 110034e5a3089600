//! The normative example, in English and in Norwegian words, resolves to one model.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rammelab::{load_model, Vocabulary};

#[test]
fn both_normative_examples_resolve_to_the_same_model() {
    let vocab = Vocabulary::builtin();
    let en = load_model(Path::new("models/paa-doerterskelen.lsm"), vocab).unwrap();
    let nb = load_model(Path::new("models/paa-doerterskelen.nb.lsm"), vocab).unwrap();
    assert_eq!(en, nb);
    assert_eq!(en.name(), "På dørterskelen");
    assert_eq!(en.counts(), [4, 2, 3, 0]);
}

#[test]
fn the_shipped_examples_are_the_normative_ones_unchanged() {
    let shared = Path::new("../shared/design/examples");
    let shared = if shared.exists() {
        shared.to_path_buf()
    } else {
        Path::new("/work/shared/design/examples").to_path_buf()
    };
    if !shared.exists() {
        return;
    }
    for name in ["paa-doerterskelen.lsm", "paa-doerterskelen.nb.lsm"] {
        let ours = std::fs::read(Path::new("models").join(name)).unwrap();
        let theirs = std::fs::read(shared.join(name)).unwrap();
        assert_eq!(
            ours, theirs,
            "models/{name} differs from the normative example"
        );
    }
}
