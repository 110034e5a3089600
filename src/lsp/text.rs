//! The text of an open document and the conversion between LSP positions and byte offsets.
//!
//! LSP positions count UTF-16 code units by default (the only encoding every client
//! supports), while the parser's spans are byte offsets into UTF-8. `æ`, `ø` and `å` are two
//! bytes and one unit; an emoji is four bytes and two units. Every position a client sends is
//! clamped: a line past the end is the end of the text, a character past the end of its line
//! is the end of that line, and a character inside a surrogate pair (or a `\r\n`) is the start
//! of that character. Nothing a client sends makes an offset that cuts a character.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::syntax::Span;

/// An open document: its text and where its lines start.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    /// Byte offsets where lines start (after each `\n`).
    line_starts: Vec<usize>,
}

impl Text {
    pub fn new(text: String) -> Text {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Text { text, line_starts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The byte offset of an LSP position, clamped into the text (see the module doc).
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.line_starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self.line_end(pos.line as usize);
        let line = self.text.get(start..end).unwrap_or("");
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > pos.character {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The LSP position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let character = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.encode_utf16().count());
        Position::new(line as u32, character as u32)
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(
            self.position(span.start as usize),
            self.position(span.end as usize),
        )
    }

    /// The byte span of an LSP range (start and end clamped, end never before start).
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        Span::new(start, end)
    }

    /// The range of the whole text.
    pub fn whole(&self) -> Range {
        Range::new(Position::new(0, 0), self.position(self.text.len()))
    }

    /// The end of line `line` (before its `\r\n` or `\n`).
    fn line_end(&self, line: usize) -> usize {
        let next = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&s| s - 1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        if next > start && self.text.as_bytes().get(next - 1) == Some(&b'\r') {
            next - 1
        } else {
            next
        }
    }

    /// Applies the changes of one `didChange`, in order: a change with a range replaces that
    /// range (incremental sync), one without replaces the whole text (full sync).
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.span(range);
                    let mut text = std::mem::take(&mut self.text);
                    text.replace_range(span.start as usize..span.end as usize, &change.text);
                    *self = Text::new(text);
                }
                None => *self = Text::new(change.text),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let t = Text::new("aktør x\n😀ø\r\nz".to_string());
        // `ø` is 2 bytes, 1 unit.
        assert_eq!(t.offset(Position::new(0, 5)), 6);
        assert_eq!(t.position(6), Position::new(0, 5));
        // The emoji is 4 bytes, 2 units; inside it is its start.
        assert_eq!(t.offset(Position::new(1, 1)), 9);
        assert_eq!(t.offset(Position::new(1, 2)), 13);
        assert_eq!(t.position(13), Position::new(1, 2));
        // Past the end of a line: the line's end, before `\r\n`.
        assert_eq!(t.offset(Position::new(1, 99)), 15);
        // Past the last line: the end of the text.
        assert_eq!(t.offset(Position::new(9, 0)), t.as_str().len());
        // An offset inside a character is the character's start.
        assert_eq!(t.position(10), Position::new(1, 0));
    }

    #[test]
    fn incremental_changes_replace_ranges() {
        let mut t = Text::new("aktør a {\n}\n".to_string());
        t.apply(vec![TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 6), Position::new(0, 7))),
            range_length: None,
            text: "bø".to_string(),
        }]);
        assert_eq!(t.as_str(), "aktør bø {\n}\n");
        t.apply(vec![TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(5, 0), Position::new(0, 0))),
            range_length: None,
            text: "#".to_string(),
        }]);
        assert_eq!(t.as_str(), "aktør bø {\n}\n#");
    }
}
