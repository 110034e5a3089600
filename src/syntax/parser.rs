//! The pest parser and the driver that reads a file item by item, so that a syntax error in
//! one item does not hide the items after it.

use pest::Parser as _;

use crate::base::limits::{work, Limit, LimitExceeded, Limits};
use crate::base::note::Note;
use crate::syntax::ast::{File, ValueKind};
use crate::syntax::error::{Expected, Found, SyntaxError, SyntaxErrorKind};
use crate::syntax::lower::{Lower, Lowered};
use crate::syntax::Span;
use crate::vocab::ItemKind;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/model.pest"]
pub(crate) struct ModelParser;

/// An item that did not parse: where it stood and, when it could be read, its kind and id, so
/// that later stages do not report references to it as unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenItem {
    pub kind: Option<ItemKind>,
    pub id: Option<String>,
    pub span: Span,
}

/// The result of reading a file with recovery: every item that parsed, every syntax error,
/// and the items that did not parse.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub file: File,
    pub errors: Vec<SyntaxError>,
    pub broken: Vec<BrokenItem>,
}

/// Reads a whole file, recovering at item level after each syntax error, within the default
/// [`Limits`].
pub fn parse_recovering(source: &str) -> Parsed {
    parse_recovering_with(source, &Limits::default())
}

/// Reads a whole file, recovering at item level after each syntax error. A file over a limit
/// gets an error that names it: nested too deep (checked before parsing), too many items
/// (parsing stops there), or a list too long.
pub fn parse_recovering_with(source: &str, limits: &Limits) -> Parsed {
    let mut parsed = Parsed::default();
    if let Some((at, depth)) = crate::base::limits::model_depth_over(source, limits.max_depth) {
        let over = LimitExceeded::new(Limit::Depth, limits.max_depth, depth);
        let span = Span::new(at, at + 1);
        parsed
            .errors
            .push(SyntaxError::new(SyntaxErrorKind::Limit(over), span));
        return parsed;
    }
    crate::base::limits::set_pest_call_limit();
    let mut pos = 0;
    let mut spare = SPARE_FACTOR
        .saturating_mul(source.len())
        .saturating_add(SPARE_MIN);
    let triples: Vec<usize> = source.match_indices("\"\"\"").map(|(i, _)| i).collect();
    let mut window = MIN_WINDOW;
    work::add(source.len());
    while pos <= source.len() {
        let count = parsed.file.items.len() + parsed.broken.len();
        if count >= limits.max_items && !source.get(pos..).unwrap_or("").trim().is_empty() {
            let at = skip_trivia(source, pos);
            if at < source.len() {
                let over = LimitExceeded::new(Limit::Items, limits.max_items, count + 1).at_least();
                let span = Span::new(at, next_item_line(source, at).unwrap_or(source.len()));
                parsed
                    .errors
                    .push(SyntaxError::new(SyntaxErrorKind::Limit(over), span));
                break;
            }
        }
        match parse_next(source, pos, &triples, &mut spare, window) {
            Ok(mut pairs) => {
                let Some(next) = pairs.next() else { break };
                let end = pos + next.as_span().end();
                window = 2 * (end - pos);
                let mut lower = Lower::new(pos, &mut parsed.errors);
                let item = lower.lower_next(next, &mut parsed.file.comments);
                match item {
                    Some(Ok(Lowered::Item(item))) => parsed.file.items.push(item),
                    Some(Ok(Lowered::Directive(d))) => parsed.file.directives.push(d),
                    Some(Err(broken)) => parsed.broken.push(broken),
                    None => break,
                }
                if end <= pos {
                    break;
                }
                pos = end;
            }
            Err(error) => {
                let start = skip_trivia(source, pos);
                let resume = next_item_line(source, start);
                work::add(resume.unwrap_or(source.len()) - start + 1);
                parsed
                    .errors
                    .push(syntax_error(&error, source, pos, start, resume));
                parsed.broken.push(broken_item(source, start, resume));
                match resume {
                    Some(r) => pos = r,
                    None => break,
                }
            }
        }
    }
    check_lists(&mut parsed, limits.max_list_length);
    parsed
}

/// The smallest window of text one parse of an item is given; it starts at twice the size of
/// the item before, so a file of large items is not read in many small steps.
const MIN_WINDOW: usize = 256;
/// Extra work allowed for items with multi-line strings, as a multiple of the file's length
/// plus a constant (see [`parse_next`]).
const SPARE_FACTOR: usize = 4;
const SPARE_MIN: usize = 1 << 20;

/// Parses the next item, starting at `pos`.
///
/// pest builds each error with a scan from the *end* of its input back to the error, so giving
/// it the whole rest of the file makes every broken item cost the length of the file, and a
/// file of broken items quadratic time. So each parse gets a window of the text, doubled
/// until the result cannot depend on what lies after it: a parse that succeeds decided
/// everything before its closing `}`, and one that fails well before the window's end never
/// looked past it, since every token but the multi-line string stops at its line's end or at
/// the window's end, where the parser would then fail. (A window that holds no item, only
/// spaces and comments, is not trusted: its end is not the end of the file.) A window holding `"""` is not trusted:
/// such an item is parsed against the whole rest of the file (cheap when it succeeds), out of
/// `spare`; when that runs out (only in files full of broken multi-line strings) the window's
/// result is taken as it is, and a broken multi-line string may be reported less precisely.
fn parse_next<'s>(
    source: &'s str,
    pos: usize,
    triples: &[usize],
    spare: &mut usize,
    size: usize,
) -> Result<pest::iterators::Pairs<'s, Rule>, pest::error::Error<Rule>> {
    let len = source.len();
    let mut size = size.max(MIN_WINDOW);
    loop {
        let mut end = pos.saturating_add(size).min(len);
        while !source.is_char_boundary(end) {
            end += 1;
        }
        let mut window = source.get(pos..end).unwrap_or("");
        // Is there a `"""` (at `triples`, where the file has one) inside the window?
        let first = triples.partition_point(|&t| t < pos);
        let multiline = end < len && triples.get(first).is_some_and(|&t| t + 3 <= end);
        if multiline && *spare > 0 {
            end = len;
            window = source.get(pos..).unwrap_or("");
        }
        let result = ModelParser::parse(Rule::next, window);
        let needs_more = match &result {
            Ok(pairs) => {
                let next = pairs.clone().next();
                work::add(next.as_ref().map_or(0, |p| p.as_span().end()));
                // Only the whole rest of the file can end at its end: a window that holds
                // nothing but comments matched the end of the window, not of the file.
                !next.is_some_and(|p| p.into_inner().any(|c| c.as_rule() == Rule::item))
            }
            Err(e) => {
                // The error was built with a scan from the window's end.
                work::add(window.len());
                if multiline {
                    *spare = spare.saturating_sub(window.len());
                }
                error_offset(e) + 8 >= window.len()
            }
        };
        if end >= len || !needs_more {
            return result;
        }
        size = size.saturating_mul(2);
    }
}

/// Where pest stopped, relative to the text it was given.
fn error_offset(error: &pest::error::Error<Rule>) -> usize {
    match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((p, _)) => p,
    }
}

/// An error for every list longer than `max` values.
fn check_lists(parsed: &mut Parsed, max: usize) {
    for item in &parsed.file.items {
        for field in &item.fields {
            if let ValueKind::List(values) = &field.value.kind {
                if values.len() > max {
                    let over = LimitExceeded::new(Limit::ListLength, max, values.len());
                    parsed.errors.push(SyntaxError::new(
                        SyntaxErrorKind::Limit(over),
                        field.value.span,
                    ));
                }
            }
        }
    }
}

/// The start of the next token after spaces, line breaks and comments.
fn skip_trivia(source: &str, mut pos: usize) -> usize {
    let bytes = source.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
            b'#' => {
                pos = source
                    .get(pos..)
                    .and_then(|s| s.find('\n'))
                    .map_or(source.len(), |i| pos + i)
            }
            _ => break,
        }
    }
    pos
}

/// The start of the first line after the one holding `from` whose first word is an item
/// keyword: where reading resumes after a syntax error.
fn next_item_line(source: &str, from: usize) -> Option<usize> {
    let mut line_start = source.get(from..)?.find('\n')? + from + 1;
    loop {
        let line_end = source
            .get(line_start..)
            .and_then(|s| s.find('\n'))
            .map_or(source.len(), |i| line_start + i);
        let line = source.get(line_start..line_end).unwrap_or("");
        let indent = line.len() - line.trim_start().len();
        if starts_with_keyword(line.trim_start()) {
            return Some(line_start + indent);
        }
        if line_end >= source.len() {
            return None;
        }
        line_start = line_end + 1;
    }
}

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    text.get(..end).unwrap_or("")
}

fn starts_with_keyword(text: &str) -> bool {
    let word = first_word(text);
    ItemKind::from_keyword(word).is_some() || crate::syntax::ast::is_directive_word(word)
}

/// What can be read of an item that did not parse: its keyword and id.
fn broken_item(source: &str, start: usize, resume: Option<usize>) -> BrokenItem {
    let end = resume.unwrap_or(source.len());
    let text = source.get(start..end).unwrap_or("");
    let keyword = first_word(text);
    let kind = ItemKind::from_keyword(keyword).map(|(k, _)| k);
    let after = text.get(keyword.len()..).unwrap_or("").trim_start();
    let id = Some(first_word(after))
        .filter(|w| !w.is_empty() && kind.is_some())
        .map(str::to_string);
    BrokenItem {
        kind,
        id,
        span: Span::new(start, end),
    }
}

/// Turns pest's error into ours, in words a person understands. `base` is where this parse
/// started, `start` where the failing item starts and `resume` where the next item does.
fn syntax_error(
    error: &pest::error::Error<Rule>,
    source: &str,
    base: usize,
    start: usize,
    resume: Option<usize>,
) -> SyntaxError {
    let at = base
        + match error.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((p, _)) => p,
        };
    let item_text = source
        .get(start..resume.unwrap_or(source.len()))
        .unwrap_or("");
    let open = item_text
        .find('{')
        .map(|i| Span::new(start + i, start + i + 1));
    let expected: Vec<Expected> = match &error.variant {
        pest::error::ErrorVariant::CustomError { .. } => {
            return SyntaxError::new(SyntaxErrorKind::TooComplex, Span::new(start, start));
        }
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut e: Vec<Expected> = positives.iter().filter_map(|r| expected(*r)).collect();
            e.sort();
            e.dedup();
            // After a number, a unit or period is the likelier intent than the `:` of a
            // field named like the word that followed.
            if e.iter()
                .any(|x| matches!(x, Expected::Unit | Expected::Period))
            {
                e.retain(|x| *x != Expected::Colon);
            }
            e
        }
    };
    if at >= source.len() {
        // A multi-line string that never closes swallows the rest of the file.
        if let Some(q) = unclosed_triple_quote(source.get(start..).unwrap_or("")) {
            let span = Span::new(start + q, start + q + 3);
            return SyntaxError::new(SyntaxErrorKind::UnterminatedMultiline, span);
        }
        if let Some(open) = open {
            return SyntaxError::new(SyntaxErrorKind::MissingBrace, open);
        }
    }
    // A display name without its closing quote swallows the `{` of the item's head.
    if let Some(q) = unclosed_quote_on_head(item_text) {
        let line_end = item_text.find('\n').unwrap_or(item_text.len());
        let span = Span::new(start + q, start + line_end);
        return SyntaxError::new(SyntaxErrorKind::UnterminatedString, span);
    }
    if let (Some(next), Some(open)) = (resume, open) {
        if next <= at && open.start as usize <= next {
            // The parser read into the next item: this item's `{` was not closed.
            return SyntaxError::new(SyntaxErrorKind::MissingBrace, open)
                .with_note(Span::new(next, next), Note::NextItemStartsHere);
        }
    }
    if let Some(e) = spaced_decimal_comma(source, at) {
        return e;
    }
    let (found, span) = found_at(source, at);
    SyntaxError::new(SyntaxErrorKind::Unexpected { expected, found }, span)
}

/// `12, 5` where one value stands: a decimal comma with a space after it, which the grammar
/// reads as a number and a stray comma. (In a list the same text is two values.)
fn spaced_decimal_comma(source: &str, at: usize) -> Option<SyntaxError> {
    let before = source.get(..at)?.trim_end_matches([' ', '\t']);
    let whole_start = before
        .rfind(|c: char| !(c.is_ascii_digit() || c == '_'))
        .map_or(0, |i| i + 1);
    let whole = before.get(whole_start..)?;
    let after = source.get(at..)?.trim_start_matches([' ', '\t']);
    let fraction_text = after.strip_prefix(',')?.trim_start_matches([' ', '\t']);
    let fraction_len = fraction_text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(fraction_text.len());
    let fraction = fraction_text.get(..fraction_len)?;
    // The number stands alone after the field's `:` (not the end of a date or a word).
    let alone = before
        .get(..whole_start)
        .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\t', ':']));
    if !alone || !whole.starts_with(|c: char| c.is_ascii_digit()) || fraction.is_empty() {
        return None;
    }
    let end = source.len() - fraction_text.len() + fraction_len;
    let written = source.get(whole_start..end)?.to_string();
    Some(SyntaxError::new(
        SyntaxErrorKind::SpacedDecimalComma {
            written,
            decimal: format!("{whole}.{fraction}"),
        },
        Span::new(whole_start, end),
    ))
}

/// The offset of a `"` on an item's first line that opens a string and is never closed.
fn unclosed_quote_on_head(item: &str) -> Option<usize> {
    let head = item.get(..item.find('\n').unwrap_or(item.len()))?;
    let mut open = None;
    let mut escaped = false;
    for (i, c) in head.char_indices() {
        match c {
            '\\' if open.is_some() && !escaped => {
                escaped = true;
                continue;
            }
            '#' if open.is_none() => break,
            '"' if !escaped => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
        escaped = false;
    }
    open
}

/// The offset of a `"""` that opens a string and is never closed, if any.
fn unclosed_triple_quote(text: &str) -> Option<usize> {
    let positions: Vec<usize> = text.match_indices("\"\"\"").map(|(i, _)| i).collect();
    if positions.len() % 2 == 1 {
        positions.last().copied()
    } else {
        None
    }
}

/// The token at a position, for "found `x`".
fn found_at(source: &str, at: usize) -> (Found, Span) {
    let rest = source.get(at..).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let at = at + (rest.len() - trimmed.len());
    match trimmed.chars().next() {
        None => (Found::EndOfFile, Span::new(at, at)),
        Some('\r' | '\n') => (Found::LineBreak, Span::new(at, at)),
        Some(c) => {
            let word = first_word(trimmed);
            let text = if word.is_empty() {
                c.to_string()
            } else {
                word.to_string()
            };
            let span = Span::new(at, at + text.len());
            (Found::Text(text), span)
        }
    }
}

/// The one table from grammar rules to what a person would call them.
fn expected(rule: Rule) -> Option<Expected> {
    Some(match rule {
        Rule::item
        | Rule::keyword
        | Rule::directive
        | Rule::extends
        | Rule::extends_kw
        | Rule::remove
        | Rule::remove_kw
        | Rule::change
        | Rule::change_kw => Expected::Item,
        Rule::path => Expected::Path,
        Rule::EOI => Expected::EndOfFile,
        Rule::id => Expected::Id,
        Rule::display_name => Expected::DisplayName,
        Rule::ends => Expected::Ends,
        Rule::end_id => Expected::ItemRef,
        Rule::colon => Expected::Colon,
        Rule::arrow => Expected::Arrow,
        Rule::block | Rule::lbrace => Expected::OpenBrace,
        Rule::rbrace => Expected::CloseBrace,
        Rule::field | Rule::field_name => Expected::Field,
        Rule::list
        | Rule::lbracket
        | Rule::string_ml
        | Rule::string
        | Rule::date
        | Rule::numeric
        | Rule::number
        | Rule::word => Expected::Value,
        Rule::comma => Expected::Comma,
        Rule::rbracket => Expected::CloseBracket,
        Rule::percent | Rule::unit => Expected::Unit,
        Rule::per | Rule::period => Expected::Period,
        Rule::next
        | Rule::WHITESPACE
        | Rule::single
        | Rule::inline
        | Rule::digits
        | Rule::group_space
        | Rule::word_start
        | Rule::word_char
        | Rule::COMMENT
        | Rule::ml_text
        | Rule::str_text
        | Rule::escape
        | Rule::str_end => return None,
    })
}
