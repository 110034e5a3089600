//! Source files: a path and its text, with the line index that locates a byte offset and the
//! windowed reader that miette cuts snippets from. Model files, rule packs, vocabularies,
//! overlays and `rammelab.toml` are all read into one of these.

use std::path::PathBuf;
use std::sync::Arc;

use miette::SourceCode;

/// A source file and its text, shared by every item and diagnostic that points into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path the file was read from, as given (relative paths stay relative).
    pub path: PathBuf,
    /// The whole text, as read.
    pub text: String,
    /// Byte offsets where lines start, computed the first time a location is asked for.
    line_starts: std::sync::OnceLock<Vec<u32>>,
    /// Byte offsets where lines start as miette counts them (after `\n`, `\r\n` or a lone
    /// `\r`), for cutting snippets; computed the first time a snippet is asked for.
    snippet_starts: std::sync::OnceLock<Vec<usize>>,
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.text == other.text
    }
}

impl Eq for SourceFile {}

impl SourceFile {
    /// A file held in memory under a path, as the studio and the language server hold an unsaved buffer.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<SourceFile> {
        Arc::new(SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            snippet_starts: std::sync::OnceLock::new(),
        })
    }

    /// 1-based line and column (in characters) of a byte offset. Lines are found by binary
    /// search in an index of line starts, so locating every finding of a large file stays
    /// linear.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(self.text.len());
        if self.text.get(..offset).is_none() {
            return (1, 1);
        }
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s as usize <= offset).max(1);
        let line_start = starts.get(line - 1).map_or(0, |&s| s as usize);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The bytes a snippet of `start..end` with `before` and `after` lines of context is cut
    /// from (whole lines, two more on each side than asked for), and the 0-based number of the
    /// window's first line as miette counts lines.
    pub(crate) fn snippet_window(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (std::ops::Range<usize>, usize) {
        let bytes = self.text.as_bytes();
        let starts = self.snippet_starts.get_or_init(|| {
            let mut starts = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
                if b == b'\n' || lone_cr {
                    starts.push(i + 1);
                }
            }
            starts
        });
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).max(1) - 1;
        let first = line_of(start).saturating_sub(before.saturating_add(2));
        let last = line_of(end).saturating_add(after.saturating_add(3));
        let from = starts.get(first).copied().unwrap_or(0);
        let to = starts.get(last).copied().unwrap_or(self.text.len());
        (from..to.max(from), first)
    }

    /// The file as a miette source, named by its path.
    pub fn named_source(&self) -> miette::NamedSource<String> {
        miette::NamedSource::new(self.path.display().to_string(), self.text.clone())
    }
}

/// Snippets are cut from a window of a few lines around the span, found in the file's line
/// index, instead of from the whole text: miette's own reader scans from the start of the
/// text for every span, which made a file with `n` errors cost `n` times its size. The window
/// starts two lines before the context miette asks for and ends two lines after it, so
/// miette's reader sees exactly the lines it would have used; its answer is shifted back to
/// offsets and line numbers of the whole file.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let (window, first_line) = self.snippet_window(
            span.offset(),
            span.offset().saturating_add(span.len()),
            context_lines_before,
            context_lines_after,
        );
        let text = self.text.get(window.clone()).unwrap_or_default();
        crate::base::limits::work::add(text.len());
        let shifted = miette::SourceSpan::new(
            span.offset().saturating_sub(window.start).into(),
            span.len(),
        );
        let inner =
            text.as_bytes()
                .read_span(&shifted, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.display().to_string(),
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + window.start).into(),
                inner.span().len(),
            ),
            inner.line() + first_line,
            inner.column(),
            inner.line_count() + first_line,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of a few texts with `\n`, `\r\n`, lone `\r`, blank lines and multibyte
    /// characters, with 0 to 3 lines of context: the windowed reader gives what miette's
    /// whole-text reader gives.
    #[test]
    fn windowed_snippets_equal_whole_text_snippets() {
        let texts = [
            "a\nbb\n\nccc æ\nd\n",
            "first\r\nsecond\r\n\r\nthird ø\r\nlast",
            "one\rtwo\r\nthree\nfour\r\rfive\n\n\nsix",
            "no newline at all",
            "\n\n\n\nx\n\n\n\n",
        ];
        for text in texts {
            let file = SourceFile::new("t.lsm", text);
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &start in &boundaries {
                for &end in boundaries.iter().filter(|&&e| e >= start) {
                    for context in 0..4 {
                        let span = miette::SourceSpan::new(start.into(), end - start);
                        let whole = text.read_span(&span, context, context);
                        let window = file.read_span(&span, context, context);
                        match (whole, window) {
                            (Ok(a), Ok(b)) => {
                                let got =
                                    (b.data(), *b.span(), b.line(), b.column(), b.line_count());
                                let want =
                                    (a.data(), *a.span(), a.line(), a.column(), a.line_count());
                                assert_eq!(got, want, "{text:?} {start}..{end} context {context}");
                            }
                            (Err(_), Err(_)) => {}
                            (a, b) => panic!(
                                "{text:?} {start}..{end} context {context}: {:?} vs {:?}",
                                a.is_ok(),
                                b.is_ok()
                            ),
                        }
                    }
                }
            }
        }
    }
}
