//! `fmt`: the canonical layout of a model file.
//!
//! Two spaces of indentation, one field per line as `name: value`, lists on one line, one
//! blank line between items. The file's own words are kept (a Norwegian file stays
//! Norwegian), strings are kept as written, and every comment stays where it stood: a comment
//! at the end of a line stays at the end of that line, a comment on its own line stays above
//! the field, `}` or item that follows it. Formatting never changes what the file says.

use crate::syntax::ast::{Comment, DirectiveKind, Field, File, ValueKind, ValueNode};
use crate::syntax::{Span, SyntaxErrors};

/// Prints a model file in the canonical layout. A file with syntax errors is not formatted.
pub fn format(source: &str) -> Result<String, SyntaxErrors> {
    format_with(source, &crate::base::limits::Limits::default())
}

/// [`format`] within `limits`.
pub fn format_with(
    source: &str,
    limits: &crate::base::limits::Limits,
) -> Result<String, SyntaxErrors> {
    let file = crate::syntax::parse_with(source, limits)?;
    Ok(Printer::new(source, &file).print())
}

/// Something with fields between braces: an item, or a variant's `change` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Item(usize),
    Change(usize),
}

/// A place in the output that comments can attach to.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// A block's head, up to and including `{`.
    Head(Block),
    /// A field of a block.
    Field(Block, usize),
    /// A block's closing `}`.
    Close(Block),
    /// A variant line without a block: `extends "..."` or `remove id`.
    Line(usize),
    /// The end of the file.
    Eof,
}

struct Printer<'a> {
    source: &'a str,
    file: &'a File,
    slots: Vec<(Slot, Span)>,
    leading: Vec<Vec<&'a Comment>>,
    trailing: Vec<Option<&'a Comment>>,
    out: String,
}

impl<'a> Printer<'a> {
    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn new(source: &'a str, file: &'a File) -> Printer<'a> {
        // Items and variant lines in source order.
        let mut top: Vec<(u32, Option<Block>, usize)> = Vec::new();
        for (i, item) in file.items.iter().enumerate() {
            top.push((item.span.start, Some(Block::Item(i)), i));
        }
        for (d, dir) in file.directives.iter().enumerate() {
            let block =
                matches!(dir.kind, DirectiveKind::Change { .. }).then_some(Block::Change(d));
            top.push((dir.span.start, block, d));
        }
        top.sort_by_key(|(start, _, _)| *start);
        let mut slots = Vec::new();
        for (start, block, d) in top {
            let Some(b) = block else {
                slots.push((Slot::Line(d), file.directives[d].span));
                continue;
            };
            let (open, fields, close) = block_parts(file, b);
            slots.push((Slot::Head(b), Span::new(start as usize, open.end as usize)));
            for (j, field) in fields.iter().enumerate() {
                slots.push((Slot::Field(b, j), field.span));
            }
            slots.push((Slot::Close(b), close));
        }
        slots.push((Slot::Eof, Span::new(source.len(), source.len())));
        let mut leading = vec![Vec::new(); slots.len()];
        let mut trailing = vec![None; slots.len()];
        for comment in &file.comments {
            let c = comment.span.start;
            // Slots are in source order, so their ends rise: search, do not scan.
            let after = slots.partition_point(|(_, s)| s.end <= c);
            if let Some(p) = after.checked_sub(1) {
                let gap = source
                    .get(slots[p].1.end as usize..c as usize)
                    .unwrap_or("\n");
                if !gap.contains('\n') && trailing[p].is_none() && !matches!(slots[p].0, Slot::Eof)
                {
                    trailing[p] = Some(comment);
                    continue;
                }
            }
            let next = after.min(slots.len() - 1);
            leading[next].push(comment);
        }
        Printer {
            source,
            file,
            slots,
            leading,
            trailing,
            out: String::new(),
        }
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn print(mut self) -> String {
        for k in 0..self.slots.len() {
            match self.slots[k].0 {
                Slot::Head(b) => self.head(k, b),
                Slot::Field(b, j) => self.field(k, b, j),
                Slot::Close(b) => self.close(k, b),
                Slot::Line(d) => self.line(k, d),
                Slot::Eof => self.eof(k),
            }
        }
        self.out
    }

    fn text(&self, span: Span) -> &'a str {
        span.text(self.source)
    }

    /// Whether the source has a blank line between two offsets.
    fn blank_between(&self, from: u32, to: u32) -> bool {
        let gap = self.source.get(from as usize..to as usize).unwrap_or("");
        gap.matches('\n').count() >= 2
    }

    /// Comments on their own lines above a top-level slot, keeping one blank line where the
    /// source had one or more.
    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn top_comments(&mut self, k: usize, next_start: u32) {
        let comments = self.leading[k].clone();
        for (n, c) in comments.iter().enumerate() {
            if n > 0 && self.blank_between(comments[n - 1].span.end, c.span.start) {
                self.out.push('\n');
            }
            self.out.push_str(&c.text);
            self.out.push('\n');
        }
        if let Some(last) = comments.last() {
            if self.blank_between(last.span.end, next_start) {
                self.out.push('\n');
            }
        }
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn inner_comments(&mut self, k: usize) {
        for c in self.leading[k].clone() {
            self.out.push_str("  ");
            self.out.push_str(&c.text);
            self.out.push('\n');
        }
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn end_line(&mut self, k: usize) {
        if let Some(c) = self.trailing[k] {
            self.out.push(' ');
            self.out.push_str(&c.text);
        }
        self.out.push('\n');
    }

    /// The start of a top-level entry: a blank line after the one before (none between two
    /// `remove` lines), then the comments above it.
    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn start_entry(&mut self, k: usize, start: u32) {
        let grouped = k > 0
            && matches!(self.slots[k].0, Slot::Line(d) if self.is_remove(d))
            && matches!(self.slots[k - 1].0, Slot::Line(d) if self.is_remove(d))
            && self.leading[k].is_empty();
        if !self.out.is_empty() && !grouped {
            self.out.push('\n');
        }
        self.top_comments(k, start);
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn is_remove(&self, d: usize) -> bool {
        matches!(self.file.directives[d].kind, DirectiveKind::Remove { .. })
    }

    /// `extends "path"` or `remove id`.
    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn line(&mut self, k: usize, d: usize) {
        let dir = &self.file.directives[d];
        self.start_entry(k, dir.span.start);
        let keyword = self.text(dir.keyword);
        let line = match &dir.kind {
            DirectiveKind::Extends { path } => format!("{keyword} {}", self.text(path.span)),
            DirectiveKind::Remove { id } | DirectiveKind::Change { id, .. } => {
                format!("{keyword} {}", id.name)
            }
        };
        self.out.push_str(&line);
        self.end_line(k);
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn head(&mut self, k: usize, b: Block) {
        let start = self.slots[k].1.start;
        self.start_entry(k, start);
        let mut line = String::new();
        match b {
            Block::Item(i) => {
                let item = &self.file.items[i];
                line.push_str(self.text(item.keyword));
                if let Some(id) = &item.id {
                    line.push(' ');
                    line.push_str(&id.name);
                }
                if let Some(name) = &item.name {
                    line.push(' ');
                    line.push_str(self.text(name.span));
                }
                if let Some(ends) = &item.ends {
                    line.push_str(&format!(
                        ": {} {} {}",
                        ends.from.name,
                        ends.arrow.text(),
                        ends.to.name
                    ));
                }
            }
            Block::Change(d) => {
                let dir = &self.file.directives[d];
                line.push_str(self.text(dir.keyword));
                if let DirectiveKind::Change { id, .. } = &dir.kind {
                    line.push(' ');
                    line.push_str(&id.name);
                }
            }
        }
        line.push_str(" {");
        self.out.push_str(&line);
        if self.is_compact(k, b) {
            self.out.push('}');
            // The close slot prints the line's end.
        } else {
            self.end_line(k);
        }
    }

    /// A block without fields or comments inside is printed as `{}` on the head's line.
    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn is_compact(&self, k: usize, b: Block) -> bool {
        block_parts(self.file, b).1.is_empty()
            && self.trailing[k].is_none()
            && self.leading[k + 1].is_empty()
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn field(&mut self, k: usize, b: Block, j: usize) {
        let field = &block_parts(self.file, b).1[j];
        self.inner_comments(k);
        let value = self.value(&field.value);
        self.out
            .push_str(&format!("  {}: {}", field.name.name, value));
        self.end_line(k);
    }

    fn close(&mut self, k: usize, b: Block) {
        let head = k - block_parts(self.file, b).1.len() - 1;
        if !self.is_compact(head, b) {
            self.inner_comments(k);
            self.out.push('}');
        }
        self.end_line(k);
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "slot, item and field indexes come from walking the same parsed file"
    )]
    fn eof(&mut self, k: usize) {
        if self.leading[k].is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.top_comments(k, self.source.len() as u32);
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
    }

    fn value(&self, node: &ValueNode) -> String {
        match &node.kind {
            ValueKind::Str(_) | ValueKind::Date(_) | ValueKind::Invalid => {
                self.text(node.span).to_string()
            }
            ValueKind::Number(n) => n.text.to_string(),
            ValueKind::Percent(n) => format!("{} %", n.text),
            ValueKind::Quantity(q) => match &q.per {
                Some(p) => format!("{} {} per {}", q.amount.text, q.unit.name, p.name),
                None => format!("{} {}", q.amount.text, q.unit.name),
            },
            ValueKind::Word(w) => w.name.to_string(),
            ValueKind::List(items) => {
                let items: Vec<String> = items.iter().map(|v| self.value(v)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

/// The `{`, the fields and the `}` of a block.
#[expect(
    clippy::indexing_slicing,
    reason = "slot, item and field indexes come from walking the same parsed file"
)]
fn block_parts(file: &File, b: Block) -> (Span, &[Field], Span) {
    match b {
        Block::Item(i) => {
            let item = &file.items[i];
            (item.open, &item.fields, item.close)
        }
        Block::Change(d) => match &file.directives[d].kind {
            DirectiveKind::Change {
                open,
                fields,
                close,
                ..
            } => (*open, fields, *close),
            _ => (Span::default(), &[], Span::default()),
        },
    }
}
