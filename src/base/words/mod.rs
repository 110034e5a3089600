//! The word catalogue: every text a user reads, in bokmål and English, kept as Project Fluent
//! files under `locales/<lang>/*.ftl` that a translator edits without reading Rust.
//!
//! The files are embedded in the binary at build time (`build.rs`), so an installed binary
//! needs nothing beside it. Each language is one Fluent bundle built on first use. Code asks
//! for a text by key with named values:
//!
//! ```text
//! let s = text!(Lang::En, "cli-config-errors", count = 2, file = "rammelab.toml");
//! assert_eq!(s, "rammelab: 2 errors in `rammelab.toml`");
//! ```
//!
//! (The module is `pub(crate)`, so this runs as the unit test `fills_values_without_isolation_marks`.)
//!
//! A key the catalogue lacks is never a panic for a user: the text is the key itself, so the
//! gap is visible and reportable. Debug builds (and so every test) stop at it instead, and
//! `tests/cli/words.rs` checks that every key named in `src/` exists in both languages with the
//! same variables.
//!
//! Fluent's Unicode isolation marks around values are turned off: they would land in
//! terminals, snapshots and JSON as invisible characters.

mod texts;
mod value;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::lang::Lang;
pub use texts::{join, limit, summary, ticked, Texts};
pub use value::Value;

/// Every catalogue file: (language code, file name, text).
const FILES: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

type Bundle = FluentBundle<FluentResource>;

/// The text of `key` in `lang`, with each `(name, value)` filled in where the text says
/// `{ $name }`. A missing key gives the key itself (and stops a debug build).
pub fn text(lang: Lang, key: &str, args: &[(&str, Value)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        missing(lang, key);
        return key.to_string();
    };
    let fluent_args = to_fluent(args);
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    if !errors.is_empty() {
        broken(lang, key, &errors);
    }
    out.into_owned()
}

/// Whether the catalogue has `key` in `lang` (for texts that are optional, such as a help line
/// that only some items have).
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// The text of `key` in `lang` if the catalogue has it.
pub fn maybe(lang: Lang, key: &str, args: &[(&str, Value)]) -> Option<String> {
    has(lang, key).then(|| text(lang, key, args))
}

/// The texts of every catalogue file of a language, for tools that list or check them.
pub fn files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES
        .iter()
        .filter(move |(code, _, _)| *code == lang.code())
        .map(|(_, name, text)| (*name, *text))
}

/// `words::text(lang, key, &[(name, value), …])` written as `text!(lang, key, name = value, …)`.
#[macro_export]
macro_rules! text {
    ($lang:expr, $key:expr $(,)?) => {
        $crate::base::words::text($lang, $key, &[])
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::base::words::text(
            $lang,
            $key,
            &[$((stringify!($name), $crate::base::words::Value::from($value))),+],
        )
    };
}

fn to_fluent<'a>(args: &'a [(&'a str, Value)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut out = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        out.set(*name, value.to_fluent());
    }
    Some(out)
}

fn bundle(lang: Lang) -> &'static Bundle {
    static NB: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang))
}

/// One language's bundle from its embedded files. A file with a syntax error keeps the
/// entries that parse; a key defined twice keeps its first text (`tests/cli/words.rs` refuses
/// both).
fn build(lang: Lang) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for (name, text) in files(lang) {
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                broken(lang, name, &errors);
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            broken(lang, name, &errors);
        }
    }
    bundle
}

/// A key the catalogue lacks. Debug builds stop so a test finds it; release builds show the key.
fn missing(lang: Lang, key: &str) {
    if cfg!(debug_assertions) {
        panic!("word catalogue: no key `{key}` in locales/{lang}");
    }
}

/// A text that does not format (a value missing, a syntax error). Debug builds stop.
fn broken<E: std::fmt::Debug>(lang: Lang, key: &str, errors: &[E]) {
    if cfg!(debug_assertions) {
        panic!("word catalogue: `{key}` in locales/{lang}: {errors:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_values_without_isolation_marks() {
        let s = text!(Lang::En, "cli-config-errors", count = 1, file = "a.toml");
        assert_eq!(s, "rammelab: 1 error in `a.toml`");
        let s = text!(Lang::Nb, "cli-config-errors", count = 3, file = "a.toml");
        assert_eq!(s, "rammelab: 3 feil i `a.toml`");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn every_language_has_files() {
        for l in Lang::ALL {
            assert!(files(l).count() > 0, "no catalogue files for {l}");
        }
    }

    #[test]
    fn has_and_maybe() {
        assert!(has(Lang::Nb, "cli-config-errors"));
        assert!(!has(Lang::Nb, "words-no-such-key"));
        assert_eq!(maybe(Lang::En, "words-no-such-key", &[]), None);
    }
}
