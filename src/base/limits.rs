//! Limits on what rammelab reads, so that every input is answered in bounded time and memory.
//!
//! Model and rule files come from many hands. A file that is far larger or deeper than any
//! real one is refused with a diagnostic that names the limit and the option that raises it,
//! instead of running out of memory, overflowing the stack or running for hours.
//!
//! | limit | default | option | where it is checked |
//! |---|---|---|---|
//! | file size | 64 MiB | `--max-file-size` | before a file is read |
//! | items in a file | 1 000 000 | `--max-items` | while the file is parsed |
//! | values in one list | 100 000 | `--max-list-length` | after parsing, before resolving |
//! | nesting depth | 64 | `--max-depth` | before parsing (brackets in models; brackets, `not` and arithmetic in conditions) |
//!
//! Rule files have their own, fixed limits (see [`crate::rules`]): the size of a YAML file and
//! what its aliases may expand to, and the nesting depth of a condition.

// Input reaches this code: no indexing that could panic (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fmt;

use crate::base::lang::Lang;
use crate::base::words;

pub mod work;

/// Limits for reading model files. [`Limits::default`] is what the command line uses unless
/// told otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub max_file_size: u64,
    /// Most items (model block, actors, services, flows, agreements) in one file.
    pub max_items: usize,
    /// Most values in one list.
    pub max_list_length: usize,
    /// Deepest nesting of brackets.
    pub max_depth: usize,
}

/// 64 MiB: a hundred times the largest model anyone has written by hand.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;
pub const DEFAULT_MAX_ITEMS: usize = 1_000_000;
pub const DEFAULT_MAX_LIST_LENGTH: usize = 100_000;
pub const DEFAULT_MAX_DEPTH: usize = 64;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_items: DEFAULT_MAX_ITEMS,
            max_list_length: DEFAULT_MAX_LIST_LENGTH,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// The deepest a condition in a rule pack may nest: brackets, runs of `not` and chained
/// arithmetic each count a level. Fixed: rule packs are reviewed code, and no real condition
/// comes near it.
pub const MAX_CONDITION_DEPTH: usize = 64;

/// Calls pest may make for one parse (one item of a model, one condition) before it gives up.
/// Far above what any real item needs (a few calls per character), it bounds the work on
/// pathological input. pest keeps the limit in one process-wide setting, read when a parse
/// starts, so every parser of the crate sets the same value: a parse on one thread never runs
/// with another parser's limit.
pub const PEST_CALL_LIMIT: usize = 50_000_000;

/// Sets pest's call limit to [`PEST_CALL_LIMIT`].
pub fn set_pest_call_limit() {
    pest::set_call_limit(std::num::NonZeroUsize::new(PEST_CALL_LIMIT));
}

impl Limits {
    /// The largest file to read, in bytes: `max_file_size`, but never past what a span (a
    /// `u32` byte offset) can point into.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size.min(u64::from(u32::MAX))
    }
}

/// Which limit an input went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    FileSize,
    Items,
    ListLength,
    Depth,
}

impl Limit {
    /// The command-line option that changes the limit.
    pub fn option(self) -> &'static str {
        match self {
            Limit::FileSize => "--max-file-size",
            Limit::Items => "--max-items",
            Limit::ListLength => "--max-list-length",
            Limit::Depth => "--max-depth",
        }
    }
}

/// An input over a limit: which limit, what it is, and how much was found (at least).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    pub limit: Limit,
    pub max: u64,
    /// What was found; reading may have stopped as soon as the limit was passed, so this is a
    /// lower bound where `at_least` is set.
    pub found: u64,
    pub at_least: bool,
}

impl LimitExceeded {
    pub fn new(limit: Limit, max: impl TryInto<u64>, found: impl TryInto<u64>) -> LimitExceeded {
        LimitExceeded {
            limit,
            max: max.try_into().unwrap_or(u64::MAX),
            found: found.try_into().unwrap_or(u64::MAX),
            at_least: false,
        }
    }

    pub fn at_least(mut self) -> LimitExceeded {
        self.at_least = true;
        self
    }

    /// The stable code users can search for.
    pub fn code(&self) -> &'static str {
        "rammelab::limit"
    }

    /// Message, label and help in a language, from the word catalogue
    /// (`locales/<lang>/limits.ftl`).
    pub fn texts(&self, lang: Lang) -> (String, String, String) {
        let (max, found) = (self.max, self.found);
        let (name, found, max, suggest) = match self.limit {
            Limit::FileSize => (
                "file-size",
                bytes_in(found, lang),
                bytes_in(max, lang),
                bytes_arg(found),
            ),
            Limit::Items => (
                "items",
                found.to_string(),
                max.to_string(),
                found.max(max.saturating_mul(2)).to_string(),
            ),
            Limit::ListLength => (
                "list-length",
                found.to_string(),
                max.to_string(),
                found.to_string(),
            ),
            Limit::Depth => (
                "depth",
                found.to_string(),
                max.to_string(),
                found.max(max.saturating_mul(2)).to_string(),
            ),
        };
        let at_least = if self.at_least { "yes" } else { "no" };
        let message = words::text(
            lang,
            &format!("limits-{name}-message"),
            &[
                ("at_least", at_least.into()),
                ("found", found.into()),
                ("max", max.into()),
            ],
        );
        let label = words::text(lang, &format!("limits-{name}-label"), &[]);
        let help = words::text(
            lang,
            &format!("limits-{name}-help"),
            &[
                ("option", self.limit.option().into()),
                ("suggest", suggest.into()),
            ],
        );
        (message, label, help)
    }
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts(Lang::En).0)
    }
}

impl std::error::Error for LimitExceeded {}

/// A byte count for people, in English: `64 MiB`, `1.5 KiB`, `12 bytes` (for texts that are
/// English only, such as `Display`).
pub fn bytes(n: u64) -> String {
    bytes_in(n, Lang::En)
}

/// A byte count for people in `lang`: `64 MiB`, `1.5 KiB`, `12 bytes` / `12 byte`.
pub fn bytes_in(n: u64, lang: Lang) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if n >= size {
            return if n % size == 0 {
                format!("{} {unit}", n / size)
            } else {
                format!("{:.1} {unit}", n as f64 / size as f64)
            };
        }
    }
    words::text(lang, "limits-bytes", &[("count", n.to_string().into())])
}

/// A size to suggest on the command line: the size found, rounded up to whole MiB.
fn bytes_arg(n: u64) -> String {
    let mib = n.div_ceil(1 << 20).max(1);
    format!("{mib}MiB")
}

/// Reads a size from the command line: `1000`, `64MiB`, `64M`, `512KiB`, `1GiB`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size; write it as, for example, `64MiB` or `1000000`"
            ))
        }
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| {
            format!("`{text}` is not a size; write it as, for example, `64MiB` or `1000000`")
        })
}

/// Where brackets in a model text first nest deeper than `max`: the byte offset of the bracket
/// and the depth reached (counted on up to the end of that line). Strings and comments are
/// skipped. Linear in the length of the text and allocation-free.
pub fn model_depth_over(text: &str, max: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut over: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => i = find_byte(bytes, i, b'\n'),
            b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                i = find_seq(bytes, i + 3, b"\"\"\"").map_or(bytes.len(), |e| e + 3);
                continue;
            }
            b'"' => i = skip_line_string(bytes, i),
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > max && over.is_none() {
                    over = Some((i, depth));
                }
                if let Some((_, deepest)) = over.as_mut() {
                    *deepest = (*deepest).max(depth);
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            b'\n' if over.is_some() => break,
            _ => {}
        }
        i += 1;
    }
    over
}

/// Where a condition first nests deeper than `max`: brackets, runs of `not` and chains of
/// arithmetic (`a + b + c` nests as `(a + b) + c`) each add a level. Strings and comments are
/// skipped.
pub fn condition_depth_over(text: &str, max: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Depth of the enclosing bracket, and the `not`s and operators stacked inside it.
    let mut stack: Vec<usize> = Vec::new();
    let mut base = 0usize;
    let mut nots = 0usize;
    let mut ops = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let at = i;
        match b {
            b'#' => {
                i = find_byte(bytes, i, b'\n');
                continue;
            }
            b'"' => {
                i = skip_line_string(bytes, i) + 1;
                nots = 0;
                continue;
            }
            b'(' | b'[' => {
                stack.push(base);
                base += nots + ops + 1;
                nots = 0;
                ops = 0;
            }
            b')' | b']' => {
                base = stack.pop().unwrap_or(0);
                nots = 0;
                ops = 0;
            }
            b'+' | b'*' | b'/' => ops += 1,
            // A `-` between digits is part of a date.
            b'-' if !(at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_digit)) => ops += 1,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let end = bytes
                    .iter()
                    .skip(i)
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .map_or(bytes.len(), |n| i + n);
                match bytes.get(i..end) {
                    Some(b"not") => nots += 1,
                    // `and`/`or` end an operand: the operators before them are done.
                    Some(b"and" | b"or") => {
                        nots = 0;
                        ops = 0;
                    }
                    _ => nots = 0,
                }
                i = end;
            }
            _ => {}
        }
        let depth = base + nots + ops;
        if depth > max {
            return Some((at, depth));
        }
        i = i.max(at + 1);
    }
    None
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> usize {
    bytes
        .iter()
        .skip(from)
        .position(|c| *c == b)
        .map_or(bytes.len(), |n| from + n)
}

fn find_seq(bytes: &[u8], from: usize, seq: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(seq.len())
        .position(|w| w == seq)
        .map(|n| from + n)
}

/// The index of the closing quote of a one-line string that opens at `open` (or of the line's
/// end when it does not close), honouring `\"`.
fn skip_line_string(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' | b'\n' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every limit has its three texts in both languages (the keys are built, so the scan in
    /// tests/cli/words.rs cannot see them; a missing key stops a debug build).
    #[test]
    fn every_limit_has_its_words() {
        for limit in [
            Limit::FileSize,
            Limit::Items,
            Limit::ListLength,
            Limit::Depth,
        ] {
            for lang in [Lang::Nb, Lang::En] {
                let e = LimitExceeded::new(limit, 10u64, 3_000_000u64).at_least();
                let (message, label, help) = e.texts(lang);
                assert!(!message.is_empty() && !label.is_empty(), "{limit:?}");
                assert!(help.contains(limit.option()), "{help}");
            }
        }
        let e = LimitExceeded::new(Limit::Items, 10u64, 12u64);
        assert_eq!(
            e.texts(Lang::En).0,
            "the file has 12 items, more than the limit of 10"
        );
        assert_eq!(
            e.at_least().texts(Lang::Nb).0,
            "filen har minst 12 elementer, flere enn grensen på 10"
        );
    }

    #[test]
    fn model_depth_skips_strings_and_comments() {
        assert_eq!(model_depth_over("model \"{[[[\" { a: [b] }", 2), None);
        assert_eq!(model_depth_over("# [[[[[\nmodel \"x\" {}", 1), None);
        assert_eq!(model_depth_over("a: \"\"\"\n[[[[\n\"\"\"", 1), None);
        assert_eq!(model_depth_over("{ [ [ ] ] }", 2), Some((4, 3)));
        assert_eq!(
            model_depth_over(&"[".repeat(10_000), 64),
            Some((64, 10_000))
        );
    }

    #[test]
    fn condition_depth_counts_brackets_nots_and_chains() {
        let ok = "not any(agreement a: a.kind == x and not (a.y in [b, c])) or d == 2026-07-01";
        assert_eq!(condition_depth_over(ok, 8), None);
        assert!(condition_depth_over(&"not ".repeat(100), 64).is_some());
        assert!(condition_depth_over(&"(".repeat(100), 64).is_some());
        let chain = format!("x == {}1", "1 + ".repeat(100));
        assert!(condition_depth_over(&chain, 64).is_some());
        let many = "not a and ".repeat(1_000) + "b";
        assert_eq!(condition_depth_over(&many, 4), None);
        assert_eq!(condition_depth_over("\"((((((\" == x", 2), None);
    }

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
        assert_eq!(bytes(64 << 20), "64 MiB");
        assert_eq!(bytes(100), "100 bytes");
        assert_eq!(bytes_in(100, Lang::Nb), "100 byte");
        assert_eq!(bytes_in(3 << 10, Lang::Nb), "3 KiB");
    }
}
