//! `rammelab completions SHELL` and `rammelab man`, generated from the clap definitions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn rammelab(args: &[&str]) -> (Option<i32>, String) {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rammelab"))
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn completions_for_each_shell_know_check_and_its_options() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, text) = rammelab(&["completions", shell]);
        assert_eq!(code, Some(0), "{shell}");
        assert!(text.contains("check"), "{shell}: no `check`");
        assert!(text.contains("fail-on"), "{shell}: no `--fail-on`");
        assert!(text.contains("sarif"), "{shell}: no `sarif` format");
    }
}

#[test]
fn the_man_page_names_the_commands() {
    let (code, text) = rammelab(&["man"]);
    assert_eq!(code, Some(0));
    assert!(
        text.starts_with(".ie") || text.contains(".TH rammelab"),
        "{text}"
    );
    assert!(text.contains("check"));
}

#[test]
fn man_pages_for_every_command_go_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = rammelab(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let page = std::fs::read_to_string(dir.path().join("rammelab-check.1")).unwrap();
    assert!(page.contains("fail\\-on"), "{page}");
    assert!(dir.path().join("rammelab.1").exists());
}
