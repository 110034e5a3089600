//! Byte ranges into a source file.

/// A byte range `start..end` into a source file.
///
/// Spans compare equal to every other span, so that two trees or models that say the same
/// thing compare equal whatever their layout. Tests that care about a span assert the text
/// it covers.
#[derive(Debug, Clone, Copy, Default, Eq)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// The byte after the last.
    pub end: u32,
}

impl PartialEq for Span {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl std::hash::Hash for Span {
    /// Consistent with equality: every span hashes alike.
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {}
}

impl Span {
    /// The span from byte `start` up to, not including, byte `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// How many bytes it covers.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether it covers no byte (a point, as at the end of a file).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text the span covers, or `""` when it does not fit the text.
    pub fn text(self, source: &str) -> &str {
        source
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The one place where spans become miette spans (byte offset and byte length). A span
    /// past the end of the text is clamped so that miette still renders a snippet.
    pub fn to_miette(self, source: &str) -> miette::SourceSpan {
        let len = source.len();
        let start = (self.start as usize).min(len);
        let end = (self.end as usize).clamp(start, len);
        miette::SourceSpan::new(start.into(), end - start)
    }
}
