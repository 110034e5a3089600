//! Rendering diagnostics for people: colours on a terminal, plain text when piped or with
//! `NO_COLOR`.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

/// Renders a diagnostic with its source snippet, labels and help, `width` columns wide.
///
/// A label far into a very long line (a minified file, a megabyte string) is shown as a
/// `file:line:column` location instead of a snippet: miette prints whole lines and cannot
/// indent a label past column 65 535 (it panics), and nobody reads such a snippet anyway.
pub fn render_diagnostic(diag: &dyn Diagnostic, color: bool, width: usize) -> String {
    if !has_long_line(diag) {
        return render_graphical(diag, color, width);
    }
    // Render this one on its own, then each related diagnostic the same careful way.
    let plain = WithoutSnippet {
        inner: diag,
        location: long_line_location(diag),
    };
    let mut out = render_graphical(&plain, color, width);
    for related in diag.related().into_iter().flatten() {
        out.push_str(&render_diagnostic(related, color, width));
    }
    out
}

/// Whether a label of the diagnostic, or of one related to it, stands on a line too long to
/// show.
fn has_long_line(diag: &dyn Diagnostic) -> bool {
    long_line_location(diag).is_some() || diag.related().into_iter().flatten().any(has_long_line)
}

/// The furthest column, and the longest label, a snippet is shown for.
const MAX_SNIPPET_LINE: usize = 1_000;

/// The most bytes of a label's lines, with one line of context on each side, shown as a
/// snippet.
const MAX_SNIPPET_BYTES: usize = 12 * MAX_SNIPPET_LINE;

/// Whether lines around a label cannot be drawn safely. miette's reader counts a lone `\r` as
/// a line break, but its drawing does not: a label just after a lone `\r` in the middle of a
/// 200 000-byte line was placed at column 0 by the one and underlined at column 125 000 by the
/// other, past what a format width can hold (a panic, found by the fuzz run). Such lines, and
/// very long ones, are shown as a location instead.
fn unshowable_lines(data: &[u8]) -> bool {
    data.len() > MAX_SNIPPET_BYTES
        || data
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && data.get(i + 1) != Some(&b'\n'))
}

/// `file:line:column` of the first label, when a label stands on a line too long to show.
fn long_line_location(diag: &dyn Diagnostic) -> Option<String> {
    let source = diag.source_code()?;
    let labels: Vec<miette::LabeledSpan> = diag.labels()?.collect();
    let too_long = labels.iter().any(|l| {
        l.inner().len() > MAX_SNIPPET_LINE
            || source
                .read_span(l.inner(), 0, 0)
                .map_or(true, |c| c.column() > MAX_SNIPPET_LINE)
            || source
                .read_span(l.inner(), 1, 1)
                .map_or(true, |c| unshowable_lines(c.data()))
    });
    if !too_long {
        return None;
    }
    let first = labels.first()?;
    let contents = source.read_span(first.inner(), 0, 0).ok()?;
    let name = contents.name().unwrap_or("input").to_string();
    Some(format!(
        "{name}:{}:{}",
        contents.line() + 1,
        contents.column() + 1
    ))
}

/// A diagnostic shown without related diagnostics, and without its source snippet when it
/// has a `location` instead.
struct WithoutSnippet<'a> {
    inner: &'a dyn Diagnostic,
    location: Option<String>,
}

impl std::fmt::Debug for WithoutSnippet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.inner, f)
    }
}

impl std::fmt::Display for WithoutSnippet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{} (at {location})", self.inner),
            None => write!(f, "{}", self.inner),
        }
    }
}

impl std::error::Error for WithoutSnippet<'_> {}

impl Diagnostic for WithoutSnippet<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.inner.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.inner.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.inner.help()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.location
            .is_none()
            .then(|| self.inner.source_code())
            .flatten()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.location
            .is_none()
            .then(|| self.inner.labels())
            .flatten()
    }
}

fn render_graphical(diag: &dyn Diagnostic, color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    match handler.render_report(&mut out, diag) {
        Ok(()) => out,
        Err(_) => format!("{diag}\n"),
    }
}

/// Whether standard error should get colours (`--color`; by default a terminal, and no
/// `NO_COLOR`).
pub fn stderr_color() -> bool {
    super::color::stderr()
}

/// The width to render at: the terminal's `COLUMNS`, or 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}
