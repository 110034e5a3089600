//! Every serde_yaml call of the project lives here, so the YAML crate can be swapped in one
//! place; and because deserialised values lose their positions, this module also finds where a
//! key or a scalar stands in the source text.

use serde::de::DeserializeOwned;

use crate::base::span::Span;

/// A YAML error with its byte offset in the source, when serde_yaml knows it.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub message: String,
    pub offset: Option<usize>,
    /// The file is over a limit (size or expansion) rather than wrong.
    pub limit: Option<YamlLimit>,
}

/// Which limit a YAML file is over, with its facts (the words are the reader's business).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlLimit {
    /// The file itself is `size` bytes, over [`MAX_YAML_BYTES`].
    Size { size: u64 },
    /// Its aliases expand it past [`MAX_YAML_BYTES`].
    Aliases,
}

/// The largest YAML file, and the most it may expand to through aliases (`&anchor` and
/// `*anchor`): far beyond any real rule pack (the largest is about 60 KiB), small enough that
/// an alias bomb is refused instead of filling memory.
pub const MAX_YAML_BYTES: usize = 16 * 1024 * 1024;

/// What a value costs besides its text, so that a bomb of empty values is counted too.
const NODE_COST: usize = 8;

/// Deserialises a YAML document, after checking that it does not expand past
/// [`MAX_YAML_BYTES`] through aliases.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let placed = |mut e: YamlError| {
        if e.offset.is_none() {
            e.offset = Some(unplaced_offset(text, &e));
        }
        e
    };
    check_expansion(text).map_err(placed)?;
    serde_yaml::from_str(text)
        .map_err(yaml_error)
        .map_err(placed)
}

/// Where to point for an error the YAML reader gives no position for, so that every error
/// of a rule file has a line and a column: the second document of a file that has several
/// (`---`), the first alias (`*name`) of a file that expands too far, else the start of the
/// file (a file too large, which is about all of it).
fn unplaced_offset(text: &str, e: &YamlError) -> usize {
    let found = if e.message.contains("more than one document") {
        second_document(text)
    } else if e.limit.is_some() {
        first_alias(text)
    } else {
        None
    };
    found.unwrap_or(0)
}

/// The offset of the `---` that starts a second document: a `---` line after a line of
/// content (a file may open with `---`).
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    let mut start = 0;
    for line in text.split('\n') {
        let at = start;
        start += line.len() + 1;
        let l = line.trim_end_matches('\r');
        let marker = l == "---" || l.starts_with("--- ");
        if marker && content {
            return Some(at);
        }
        let t = l.trim_start();
        if !marker && !t.is_empty() && !t.starts_with('#') {
            content = true;
        }
    }
    None
}

/// The offset of the first alias (`*name` after a space, `[`, `,`, `{` or `:`).
fn first_alias(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        let after = bytes.get(i + 1);
        let opens = before.is_none_or(|c| matches!(c, b' ' | b'[' | b',' | b'{' | b':' | b'\t'));
        let named = after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
        (b == b'*' && opens && named).then_some(i)
    })
}

fn yaml_error(e: serde_yaml::Error) -> YamlError {
    let offset = e.location().map(|l| l.index());
    let mut message = e.to_string();
    // serde_yaml appends " at line N column M"; the diagnostic shows the place itself.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    YamlError {
        message,
        offset,
        limit: None,
    }
}

/// Refuses a YAML text larger than [`MAX_YAML_BYTES`], or one whose aliases expand it past
/// that. serde_yaml bounds the number of alias jumps (100 per event of the file), which stops
/// the classic "billion laughs", but not the size of what each jump copies: a few thousand
/// aliases of one large string would still fill memory. This walks the document once without
/// keeping anything, counting the bytes every value would take, and stops at the budget.
pub fn check_expansion(text: &str) -> Result<(), YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(YamlError {
            message: format!(
                "the file is {}, larger than the limit of {} for YAML files",
                crate::base::limits::bytes(text.len() as u64),
                crate::base::limits::bytes(MAX_YAML_BYTES as u64)
            ),
            offset: None,
            limit: Some(YamlLimit::Size {
                size: text.len() as u64,
            }),
        });
    }
    // Without an anchor there is no alias, and the text is its own size.
    if !text.contains('&') {
        return Ok(());
    }
    let left = std::cell::Cell::new(MAX_YAML_BYTES);
    let result = serde::de::DeserializeSeed::deserialize(
        Budget { left: &left },
        serde_yaml::Deserializer::from_str(text),
    );
    match result {
        Err(e) if e.to_string().contains(EXPANDS) || e.to_string().contains("repetition limit") => {
            Err(YamlError {
                message: format!(
                    "the file expands to more than {} through aliases (`*name`)",
                    crate::base::limits::bytes(MAX_YAML_BYTES as u64)
                ),
                offset: e.location().map(|l| l.index()),
                limit: Some(YamlLimit::Aliases),
            })
        }
        // Any other error is reported by the real deserialisation, with its own words.
        _ => Ok(()),
    }
}

const EXPANDS: &str = "expansion budget exceeded";

/// Visits any YAML value, charging its size to a budget.
#[derive(Clone, Copy)]
struct Budget<'a> {
    left: &'a std::cell::Cell<usize>,
}

impl Budget<'_> {
    fn charge<E: serde::de::Error>(self, n: usize) -> Result<(), E> {
        let cost = n.saturating_add(NODE_COST);
        match self.left.get().checked_sub(cost) {
            Some(rest) => {
                self.left.set(rest);
                Ok(())
            }
            None => Err(E::custom(EXPANDS)),
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Budget<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.charge(v.len())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.charge(0)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.charge(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.charge(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess as _;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// Where a scalar value stands in the source, line by line, so that an offset into the value
/// as deserialised can be mapped back into the file.
#[derive(Debug, Clone)]
pub struct ScalarLoc {
    /// The span of the key (`when:`), used when a finer position cannot be trusted.
    pub key: Span,
    /// For each line of the value: its byte offset in the source and its length.
    lines: Vec<(usize, usize)>,
    exact: bool,
}

impl ScalarLoc {
    /// Maps a span in the deserialised value to a span in the source.
    pub fn map(&self, span: Span) -> Span {
        if !self.exact {
            return self.key;
        }
        let start = self.offset(span.start as usize);
        let end = self.offset(span.end as usize).max(start);
        Span::new(start, end)
    }

    fn offset(&self, mut at: usize) -> usize {
        for &(src, len) in &self.lines {
            if at <= len {
                return src + at;
            }
            at -= len + 1;
        }
        self.lines
            .last()
            .map_or(self.key.start as usize, |&(s, l)| s + l)
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Lines of a text with their byte offsets.
fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push((start, line.strip_suffix('\r').unwrap_or(line)));
        start += line.len() + 1;
    }
    out
}

/// Is this line `id: ID` (or `- id: ID`) for the given id?
fn is_id_line(line: &str, id: &str) -> bool {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    t.strip_prefix("id:")
        .map(|rest| rest.trim().trim_matches(|c| c == '"' || c == '\''))
        == Some(id)
}

/// The spans of every `id: ID` line of a file, by id (the first line for an id written twice):
/// [`locate_entry`] for all rules of a pack at once, in one pass over the text.
pub fn entry_index(text: &str) -> std::collections::HashMap<String, Span> {
    let mut out = std::collections::HashMap::new();
    let mut start = 0;
    for line in text.split('\n') {
        let l = line.strip_suffix('\r').unwrap_or(line);
        let t = l.trim_start().trim_start_matches("- ").trim_start();
        if let Some(rest) = t.strip_prefix("id:") {
            let id = rest.trim().trim_matches(|c| c == '"' || c == '\'');
            out.entry(id.to_string())
                .or_insert_with(|| Span::new(start + indent(l), start + l.len()));
        }
        start += line.len() + 1;
    }
    out
}

/// The span of the line `id: ID` of a rule (or a list entry keyed by `key: ID`).
pub fn locate_entry(text: &str, id: &str) -> Option<Span> {
    lines_with_offsets(text)
        .into_iter()
        .find(|(_, l)| is_id_line(l, id))
        .map(|(o, l)| Span::new(o + indent(l), o + l.len()))
}

/// Finds `key:` inside the rule whose id is `id`, and the value that follows it.
///
/// `expected` is the value as deserialised; when the text found does not reproduce it, the
/// location falls back to the key, so a label is never placed on the wrong words.
pub fn locate_value(text: &str, id: &str, key: &str, expected: &str) -> Option<ScalarLoc> {
    let lines = lines_with_offsets(text);
    let start = lines.iter().position(|(_, l)| is_id_line(l, id))?;
    let entry_indent = {
        let l = lines.get(start)?.1;
        let t = l.trim_start();
        indent(l) + if t.starts_with("- ") { 2 } else { 0 }
    };
    let prefix = format!("{key}:");
    let mut i = start;
    loop {
        let (off, line) = *lines.get(i)?;
        if i > start && !line.trim().is_empty() && indent(line) < entry_indent {
            return None;
        }
        if i > start && line.trim_start().starts_with("- id:") && indent(line) < entry_indent + 1 {
            return None;
        }
        let t = line.trim_start().trim_start_matches("- ");
        if t.starts_with(&prefix) && (i == start || indent(line) >= entry_indent) {
            let key_start = off + line.len() - t.len();
            let key_span = Span::new(key_start, key_start + prefix.len());
            return Some(value_after_key(
                &lines, i, key_span, line, t, &prefix, expected,
            ));
        }
        i += 1;
    }
}

fn value_after_key(
    lines: &[(usize, &str)],
    i: usize,
    key_span: Span,
    line: &str,
    t: &str,
    prefix: &str,
    expected: &str,
) -> ScalarLoc {
    let key_indent = indent(line);
    let rest = t.get(prefix.len()..).unwrap_or("");
    let rest_trim = rest.trim_start();
    let rest_off = key_span.end as usize + (rest.len() - rest_trim.len());
    let mut out = Vec::new();
    let block = rest_trim.starts_with('|') || rest_trim.starts_with('>');
    if !block && !rest_trim.is_empty() {
        let quoted = rest_trim.starts_with('"') || rest_trim.starts_with('\'');
        let body = if quoted {
            rest_trim.get(1..).unwrap_or("")
        } else {
            rest_trim
        };
        let body = body.trim_end();
        let body = if quoted {
            body.strip_suffix(['"', '\'']).unwrap_or(body)
        } else {
            body
        };
        out.push((rest_off + usize::from(quoted), body.len()));
    }
    let mut content_indent = None;
    for &(off, l) in lines.iter().skip(i + 1) {
        if l.trim().is_empty() {
            if block {
                out.push((off, 0));
            }
            continue;
        }
        if indent(l) <= key_indent {
            break;
        }
        let ci = *content_indent.get_or_insert(indent(l));
        let body = l.get(ci.min(l.len())..).unwrap_or("");
        out.push((off + ci.min(l.len()), body.trim_end().len()));
    }
    while out.last().is_some_and(|&(_, len)| len == 0) {
        out.pop();
    }
    let source_text: Vec<&str> = out
        .iter()
        .map(|&(o, len)| {
            lines
                .iter()
                .find_map(|(lo, l)| {
                    let rel = o.checked_sub(*lo)?;
                    l.get(rel..rel + len)
                })
                .unwrap_or("")
        })
        .collect();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let exact = squash(&source_text.join("\n")) == squash(expected);
    ScalarLoc {
        key: key_span,
        lines: out,
        exact,
    }
}

/// The byte offset of `needle` in the source, searching from the rule whose id is `id`.
pub fn locate_text(text: &str, id: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let start = locate_entry(text, id)?.start as usize;
    text.get(start..)?.find(needle).map(|i| start + i)
}

/// Where a key stands in one entry of a top-level list: the span of the value after `key:` in
/// the `index`-th entry (0-based) of the list under `section:`, or of the entry's first line
/// when the entry has no such key.
#[expect(
    clippy::indexing_slicing,
    reason = "line indexes come from enumerating the same lines"
)]
pub fn locate_list_key(text: &str, section: &str, index: usize, key: &str) -> Option<Span> {
    let lines = lines_with_offsets(text);
    let head = format!("{section}:");
    let start = lines
        .iter()
        .position(|(_, l)| indent(l) == 0 && l.starts_with(&head))?;
    // The entries: lines starting with `- ` at the indentation of the first one.
    let mut entry_indent = None;
    let mut entries: Vec<usize> = Vec::new();
    for (i, (_, l)) in lines.iter().enumerate().skip(start + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent(l) == 0 && !t.starts_with("- ") {
            break;
        }
        if t.starts_with("- ") && *entry_indent.get_or_insert(indent(l)) == indent(l) {
            entries.push(i);
        }
    }
    let first = *entries.get(index)?;
    let end = entries.get(index + 1).copied().unwrap_or(lines.len());
    let prefix = format!("{key}:");
    for (off, l) in lines.iter().take(end).skip(first) {
        let t = l.trim_start().trim_start_matches("- ");
        if let Some(rest) = t.strip_prefix(&prefix) {
            let value = rest.trim();
            let value = value.split(" #").next().unwrap_or(value).trim_end();
            let at =
                off + l.len() - t.len() + prefix.len() + (rest.len() - rest.trim_start().len());
            return Some(if value.is_empty() {
                Span::new(at - prefix.len(), at)
            } else {
                Span::new(at, at + value.len())
            });
        }
        if *off > lines[first].0 && indent(l) <= entry_indent.unwrap_or(0) {
            break;
        }
    }
    let (off, l) = lines[first];
    Some(Span::new(off + indent(l), off + l.len()))
}

/// The span of a word inside a span of the text (a name inside `rules: [a, b]`), or the whole
/// span when the word is not there.
pub fn locate_word(text: &str, within: Span, word: &str) -> Span {
    let hay = within.text(text);
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(word)) {
        let at = from + i;
        let before = hay.get(..at).and_then(|h| h.chars().next_back());
        let after = hay.get(at + word.len()..).and_then(|h| h.chars().next());
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        if boundary(before) && boundary(after) {
            let start = within.start as usize + at;
            return Span::new(start, start + word.len());
        }
        from = at + word.len();
    }
    within
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const PACK: &str = "rules:\n  - id: a\n    when: x == y\n  - id: b\n    title: t\n    when: |\n      flow.x == y\n      and z\n";

    #[test]
    fn finds_plain_and_block_values() {
        let a = locate_value(PACK, "a", "when", "x == y").unwrap();
        assert_eq!(a.map(Span::new(5, 6)).text(PACK), "y");
        let b = locate_value(PACK, "b", "when", "flow.x == y\nand z\n").unwrap();
        assert_eq!(b.map(Span::new(16, 17)).text(PACK), "z");
        assert_eq!(b.map(Span::new(0, 6)).text(PACK), "flow.x");
    }

    #[test]
    fn finds_keys_of_list_entries() {
        let text = "overlay: x\nrepeal:\n  - rule: a\n    from: 2027-01-01\n  - {rule: b, from: 2028-01-01}\nexemptions:\n  - rules: [a, bb, b]\n    to: 2030-01-01 # end\n";
        let s = locate_list_key(text, "repeal", 0, "rule").unwrap();
        assert_eq!(s.text(text), "a");
        let s = locate_list_key(text, "repeal", 1, "rule").unwrap();
        assert_eq!(s.text(text), "- {rule: b, from: 2028-01-01}");
        let s = locate_list_key(text, "exemptions", 0, "to").unwrap();
        assert_eq!(s.text(text), "2030-01-01");
        let r = locate_list_key(text, "exemptions", 0, "rules").unwrap();
        assert_eq!(locate_word(text, r, "b").text(text), "b");
        assert_eq!(locate_word(text, r, "bb").text(text), "bb");
        assert!(locate_list_key(text, "exemptions", 1, "to").is_none());
    }

    #[test]
    fn an_alias_bomb_of_large_strings_is_refused() {
        // 4 MiB behind one anchor and eight aliases to it: 36 MiB once expanded.
        let big = "x".repeat(4 << 20);
        let text = format!("a: &big \"{big}\"\nb: [{}]\n", ["*big"; 8].join(", "));
        let e = check_expansion(&text).unwrap_err();
        assert!(e.message.contains("expands"), "{}", e.message);
        // The same with two aliases is allowed.
        let text = format!("a: &big \"{big}\"\nb: [*big, *big]\n");
        assert!(check_expansion(&text).is_ok());
    }

    #[test]
    fn falls_back_to_the_key_when_the_text_differs() {
        let a = locate_value(PACK, "a", "when", "something else").unwrap();
        assert_eq!(a.map(Span::new(0, 1)).text(PACK), "when:");
    }
}
