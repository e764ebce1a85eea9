//! Problems found in the definitions, and their rustc-style rendering.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// A place in a definition file: 1-based line and column, counted in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Pos {
    /// The position of line `line`, column `column` (both 1-based).
    pub fn new(line: usize, column: usize) -> Self {
        Pos { line, column }
    }
}

/// A secondary place that a diagnostic points at, such as the first definition of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The file of the other place.
    pub file: PathBuf,
    /// Where in that file.
    pub pos: Pos,
    /// What is there, in a few words.
    pub label: String,
}

/// One problem in one definition file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The definition file, as the user named it (relative to the definitions folder's parent).
    pub file: PathBuf,
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong, lowercase, quoting the offending key or value.
    pub message: String,
    /// What to do about it, where something can be said.
    pub hint: Option<String>,
    /// Another place that explains the problem.
    pub related: Option<Related>,
}

impl Diagnostic {
    /// A problem at `pos` of `file`.
    pub fn new(file: &Path, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            pos,
            message: message.into(),
            hint: None,
            related: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint when there is one.
    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Points at a second place.
    pub fn with_related(mut self, file: &Path, pos: Pos, label: impl Into<String>) -> Self {
        self.related = Some(Related { file: file.to_path_buf(), pos, label: label.into() });
        self
    }

    /// Renders the diagnostic like rustc does, quoting the source line under a caret.
    ///
    /// `source` is the text of [`Diagnostic::file`], when it could be read.
    pub fn render(&self, source: Option<&str>) -> String {
        let line = source.and_then(|s| s.lines().nth(self.pos.line.saturating_sub(1)));
        self.render_line(line)
    }

    /// [`Diagnostic::render`] with the source line already found.
    fn render_line(&self, line: Option<&str>) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "error: {}", self.message);
        let _ = writeln!(out, "  --> {}:{}:{}", display_path(&self.file), self.pos.line, self.pos.column);
        if let Some(line) = line {
            let number = self.pos.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, caret_at) = window(line, self.pos.column.saturating_sub(1));
            let caret = " ".repeat(caret_at);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(out, "{pad} | {caret}^");
        }
        if let Some(related) = &self.related {
            let _ = writeln!(
                out,
                "  = note: {} at {}:{}:{}",
                related.label,
                display_path(&related.file),
                related.pos.line,
                related.pos.column
            );
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = help: {hint}");
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = display_path(&self.file);
        write!(f, "{file}:{}:{}: {}", self.pos.line, self.pos.column, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (help: {hint})")?;
        }
        Ok(())
    }
}

/// The part of a source line shown under a message: the whole line when it is not very long,
/// else 120 characters around the column, cut with `…`; and the caret's offset in it.
fn window(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 120;
    let chars: Vec<char> = line.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
    if chars.len() <= 160 {
        return (chars.into_iter().collect(), column);
    }
    let start = column.saturating_sub(WIDTH / 2).min(chars.len().saturating_sub(WIDTH));
    let end = (start + WIDTH).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column - start + usize::from(start > 0))
}

/// Paths are shown with `/` on every platform, so that messages and goldens agree, and with
/// control characters escaped, so that a path never breaks the line it is written on (generated
/// headers and docs hold paths too).
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    if !text.contains(char::is_control) {
        return text;
    }
    text.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() }).collect()
}

/// The problems of one run, ordered by file and position.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Sorts the problems by file, then position, then message, so output is stable.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (&a.file, a.pos, &a.message).cmp(&(&b.file, b.pos, &b.message))
        });
        self.0.dedup();
        self
    }

    /// Renders every problem, reading each file once for its source lines, and a summary line.
    ///
    /// Each file's lines are indexed once, so a file with a problem on every line renders in
    /// time proportional to its size.
    pub fn render(&self, read: impl Fn(&Path) -> Option<String>) -> String {
        struct Source {
            path: PathBuf,
            text: Option<String>,
            lines: Vec<(usize, usize)>,
        }
        let mut out = String::new();
        let mut cache: Option<Source> = None;
        for diagnostic in &self.0 {
            if cache.as_ref().is_none_or(|c| c.path != diagnostic.file) {
                let text = read(&diagnostic.file);
                let lines = text.as_deref().map(line_spans).unwrap_or_default();
                cache = Some(Source { path: diagnostic.file.clone(), text, lines });
            }
            let line = cache.as_ref().and_then(|c| {
                let (start, end) = *c.lines.get(diagnostic.pos.line.checked_sub(1)?)?;
                c.text.as_deref().map(|t| &t[start..end])
            });
            out.push_str(&diagnostic.render_line(line));
            out.push('\n');
        }
        let files: std::collections::BTreeSet<_> = self.0.iter().map(|d| &d.file).collect();
        let _ = writeln!(
            out,
            "error: {} problem{} in {} definition file{}; nothing was written",
            self.0.len(),
            if self.0.len() == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" },
        );
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The byte range of every line of `text`, as [`str::lines`] splits it.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.lines() {
        spans.push((start, start + line.len()));
        start += line.len();
        start += text[start..].find('\n').map_or(0, |i| i + 1);
    }
    spans
}

/// A value short enough to quote in a message: long ones keep their start and an ellipsis.
pub fn excerpt(text: &str) -> String {
    const KEEP: usize = 40;
    match text.char_indices().nth(KEEP) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = (length / 3).max(1) + 1;
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        // The distance is at least the difference in length: skipping on it keeps a long
        // misspelt name from costing a full comparison with every defined type.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (edit_distance(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos() {
        let keys = ["name", "type", "required", "description"];
        assert_eq!(nearest("requried", keys), Some("required"));
        assert_eq!(nearest("tpye", keys), Some("type"));
        assert_eq!(nearest("colour", keys), None);
    }

    #[test]
    fn lines_are_split_as_lines_splits_them() {
        for text in ["", "a", "a\n", "a\r\nbc\r\n\nd", "\n\n"] {
            let spans: Vec<&str> = line_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(spans, text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn long_values_are_shortened() {
        assert_eq!(excerpt("short"), "short");
        assert_eq!(excerpt(&"é".repeat(50)), format!("{}…", "é".repeat(40)));
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::new(Path::new("A.yaml"), Pos::new(1, 501), "here");
        let text = d.render(Some(&line));
        let shown: Vec<&str> = text.lines().collect();
        assert!(shown[3].chars().count() < 140, "{}", shown[3]);
        let caret = shown[4].find('^').expect("a caret");
        assert_eq!(shown[3][..].chars().nth(caret), Some('X'), "{text}");
    }

    #[test]
    fn render_quotes_the_line_with_a_caret() {
        let d = Diagnostic::new(Path::new("defs/A.yaml"), Pos::new(2, 3), "unknown key `requried`")
            .with_hint("did you mean `required`?");
        let text = d.render(Some("name: A\n  requried: true\n"));
        assert_eq!(
            text,
            "error: unknown key `requried`\n  --> defs/A.yaml:2:3\n  |\n2 |   requried: true\n  |   ^\n  = help: did you mean `required`?\n"
        );
    }
}
