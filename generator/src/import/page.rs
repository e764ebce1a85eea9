//! A reference page as Markdown blocks: title, description lines and tables, with positions.
//!
//! Only what a model page needs is recognised; everything else real pages carry (notice blocks,
//! kramdown attributes, code, images, other tables) is stepped over.

use crate::diag::Pos;

/// A heading or front matter value naming something, with the position of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title<'t> {
    /// The text, trimmed.
    pub text: &'t str,
    /// Where the text starts.
    pub pos: Pos,
}

/// One cell of a table line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell<'t> {
    /// The cell's text, trimmed.
    pub text: &'t str,
    /// Where the text starts; for an empty cell, just after its opening pipe.
    pub pos: Pos,
    /// Byte range of the cell between its pipes, untrimmed, in the line.
    pub span: (usize, usize),
}

/// One line of a table after its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'t> {
    /// The whole line.
    pub text: &'t str,
    /// The 1-based line number.
    pub line: usize,
    /// The cells between the pipes.
    pub cells: Vec<Cell<'t>>,
}

impl<'t> Row<'t> {
    /// The text from the start of cell `first` to the end of cell `last`, pipes included, trimmed.
    pub fn joined(&self, first: usize, last: usize) -> &'t str {
        let start = self.cells[first].span.0;
        let end = self.cells[last].span.1;
        self.text[start..end].trim()
    }
}

/// A table: its header line and the lines below its delimiter line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table<'t> {
    /// Where the header line starts.
    pub pos: Pos,
    /// The header's cells.
    pub header: Vec<Cell<'t>>,
    /// The body rows, in order.
    pub rows: Vec<Row<'t>>,
}

/// Which columns a property table has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// Name, Type, Description, Notes: the SDK reference pages.
    Four,
    /// The four, then JSON key and Allowed values.
    Six,
}

impl Columns {
    /// How many cells a row of such a table has.
    pub fn count(self) -> usize {
        match self {
            Columns::Four => 4,
            Columns::Six => 6,
        }
    }
}

/// The columns a property table starts with, lowercase.
const PROPERTY_COLUMNS: [&str; 4] = ["name", "type", "description", "notes"];
const EXTRA_COLUMNS: [&str; 2] = ["json key", "allowed values"];

/// Whether a header is a property table's, and which one.
pub fn columns(header: &[Cell<'_>]) -> Option<Columns> {
    let names: Vec<String> = header.iter().map(|c| c.text.to_ascii_lowercase()).collect();
    let wanted = |list: &[&str]| names.iter().map(String::as_str).eq(list.iter().copied());
    let six: Vec<&str> = PROPERTY_COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter())
        .copied()
        .collect();
    if wanted(&PROPERTY_COLUMNS) {
        Some(Columns::Four)
    } else if wanted(&six) {
        Some(Columns::Six)
    } else {
        None
    }
}

/// A Markdown block, as far as a model page needs to tell blocks apart.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block<'t> {
    Heading(Title<'t>),
    Text(&'t str),
    Table(Table<'t>),
    /// Anything that ends a paragraph and says nothing: blank lines, notices, code, attributes.
    Break,
}

/// A structural problem of the page, before any row is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: Option<String>,
}

/// What a page holds for the importer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page<'t> {
    /// The front matter's `title:`.
    pub front_title: Option<Title<'t>>,
    /// The first heading, when it is not `Properties`.
    pub heading: Option<Title<'t>>,
    /// The `Properties` heading, where the page has one.
    pub properties_heading: Option<Title<'t>>,
    /// The paragraphs between the title and the property table, each a list of lines.
    pub description: Vec<Vec<&'t str>>,
    /// The property table.
    pub table: Option<(Table<'t>, Columns)>,
    /// The table under `Properties` when its columns are not a property table's.
    pub foreign_table: Option<Table<'t>>,
    /// Blocks that never close.
    pub problems: Vec<Problem>,
}

/// Reads the blocks of a page and picks out its title, description and property table.
pub fn scan(text: &str) -> Page<'_> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut page = Page::default();
    let start = front_matter(&lines, &mut page);
    let blocks = blocks(&lines, start, &mut page.problems);

    let first_heading = blocks.iter().find_map(|(_, b)| match b {
        Block::Heading(h) => Some(*h),
        _ => None,
    });
    page.heading = first_heading.filter(|h| !is_properties(h.text));
    let section_start = if page.heading.is_some() {
        1 + heading_index(&blocks, 0)
    } else {
        0
    };
    let section_end = (section_start..blocks.len())
        .find(|&i| matches!(blocks[i].1, Block::Heading(_)))
        .unwrap_or(blocks.len());

    let properties = blocks
        .iter()
        .position(|(_, b)| matches!(b, Block::Heading(h) if is_properties(h.text)));
    let table_at = match properties {
        Some(at) => {
            if let (_, Block::Heading(h)) = &blocks[at] {
                page.properties_heading = Some(*h);
            }
            let found = blocks[at + 1..]
                .iter()
                .take_while(|(_, b)| !matches!(b, Block::Heading(_)))
                .position(|(_, b)| matches!(b, Block::Table(_)));
            found.map(|i| at + 1 + i)
        }
        None => (section_start..section_end).find(|&i| match &blocks[i].1 {
            Block::Table(t) => columns(&t.header).is_some(),
            _ => false,
        }),
    };
    if let Some(at) = table_at {
        if let (_, Block::Table(t)) = &blocks[at] {
            match columns(&t.header) {
                Some(c) => page.table = Some((t.clone(), c)),
                None => page.foreign_table = Some(t.clone()),
            }
        }
    }

    let description_end = table_at.filter(|&t| t < section_end).unwrap_or(section_end);
    page.description = paragraphs(&blocks[section_start.min(description_end)..description_end]);
    page
}

fn is_properties(heading: &str) -> bool {
    heading.eq_ignore_ascii_case("properties")
}

/// The index of the first heading block from `from` on.
fn heading_index(blocks: &[(usize, Block<'_>)], from: usize) -> usize {
    (from..blocks.len())
        .find(|&i| matches!(blocks[i].1, Block::Heading(_)))
        .unwrap_or(from)
}

fn paragraphs<'t>(blocks: &[(usize, Block<'t>)]) -> Vec<Vec<&'t str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for (_, block) in blocks {
        match block {
            Block::Text(line) => current.push(*line),
            _ if !current.is_empty() => out.push(std::mem::take(&mut current)),
            _ => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Reads a front matter block opening the page; returns the index of the first line after it.
fn front_matter<'t>(lines: &[&'t str], page: &mut Page<'t>) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    let Some(end) = (1..lines.len()).find(|&i| matches!(lines[i].trim_end(), "---" | "...")) else {
        page.problems.push(Problem {
            pos: Pos::new(1, 1),
            message: "the front matter opened here is never closed".to_owned(),
            hint: Some("end it with a line `---`".to_owned()),
        });
        return lines.len();
    };
    for (i, line) in lines.iter().enumerate().take(end).skip(1) {
        let Some(value) = line.strip_prefix("title:") else {
            continue;
        };
        let lead = value.len() - value.trim_start().len();
        let raw = value.trim();
        let unquoted = ['"', '\'']
            .iter()
            .find_map(|q| raw.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
            .filter(|_| raw.len() >= 2);
        let (text, quote) = match unquoted {
            Some(inner) => (inner, 1),
            None => (raw, 0),
        };
        let column = "title:".len() + lead + quote + 1;
        page.front_title = Some(Title {
            text,
            pos: Pos::new(i + 1, column),
        });
    }
    end + 1
}

/// Splits the lines from `start` into blocks, each with the index of its first line.
fn blocks<'t>(
    lines: &[&'t str],
    start: usize,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, Block<'t>)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        let (block, next) = if trimmed.is_empty() || is_attribute(trimmed) {
            (Block::Break, i + 1)
        } else if let Some(fence) = fence(trimmed) {
            (Block::Break, close_fence(lines, i, fence))
        } else if trimmed.starts_with(":::") && trimmed.len() > 3 {
            (Block::Break, close_notice(lines, i, problems))
        } else if let Some(heading) = heading(line, i + 1) {
            (Block::Heading(heading), i + 1)
        } else if trimmed.contains('|') && lines.get(i + 1).is_some_and(|l| is_delimiter(l)) {
            table(lines, i)
        } else {
            (Block::Text(trimmed), i + 1)
        };
        out.push((i, block));
        i = next;
    }
    out
}

/// A kramdown attribute list such as `{: class="table table-striped"}`.
fn is_attribute(trimmed: &str) -> bool {
    trimmed.starts_with("{:") && trimmed.ends_with('}')
}

/// The fence character and length of a code fence's opening line.
fn fence(trimmed: &str) -> Option<(char, usize)> {
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// The index after a code fence's closing line; an unclosed fence runs to the end, as in
/// CommonMark.
fn close_fence(lines: &[&str], open: usize, (c, n): (char, usize)) -> usize {
    let closes = |l: &str| {
        let t = l.trim();
        t.chars().take_while(|x| *x == c).count() >= n && t.trim_start_matches(c).is_empty()
    };
    (open + 1..lines.len())
        .find(|&i| closes(lines[i]))
        .map_or(lines.len(), |i| i + 1)
}

/// The index after a notice block's closing `:::`.
fn close_notice(lines: &[&str], open: usize, problems: &mut Vec<Problem>) -> usize {
    match (open + 1..lines.len()).find(|&i| lines[i].trim() == ":::") {
        Some(close) => close + 1,
        None => {
            let column = lines[open].len() - lines[open].trim_start().len() + 1;
            problems.push(Problem {
                pos: Pos::new(open + 1, column),
                message: format!("the notice block `{}` is never closed", lines[open].trim()),
                hint: Some("end it with a line `:::`".to_owned()),
            });
            lines.len()
        }
    }
}

/// An ATX heading: up to three spaces, one to six `#`, a space, the text.
fn heading(line: &str, number: usize) -> Option<Title<'_>> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let hashes = rest.chars().take_while(|c| *c == '#').count();
    if indent > 3 || !(1..=6).contains(&hashes) {
        return None;
    }
    let after = &rest[hashes..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let text = after.trim().trim_end_matches('#').trim_end();
    let lead = after.len() - after.trim_start().len();
    let column = line[..indent + hashes + lead].chars().count() + 1;
    Some(Title {
        text,
        pos: Pos::new(number, column),
    })
}

/// A table's delimiter line: cells of dashes with optional colons, and at least one pipe.
fn is_delimiter(line: &str) -> bool {
    let cells = split(line, 0);
    line.contains('|')
        && !cells.is_empty()
        && cells.iter().all(|c| {
            let dashes = c.text.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|x| x == '-')
        })
}

/// A table starting at `header`: the header, its delimiter and the rows up to the first line
/// that cannot be a row.
fn table<'t>(lines: &[&'t str], header: usize) -> (Block<'t>, usize) {
    let mut rows = Vec::new();
    let mut i = header + 2;
    while let Some(line) = lines.get(i) {
        let trimmed = line.trim();
        let ends = trimmed.is_empty()
            || !trimmed.contains('|')
            || is_attribute(trimmed)
            || heading(line, i + 1).is_some();
        if ends {
            break;
        }
        rows.push(Row {
            text: line,
            line: i + 1,
            cells: split(line, i + 1),
        });
        i += 1;
    }
    let indent = lines[header].len() - lines[header].trim_start().len();
    let pos = Pos::new(header + 1, lines[header][..indent].chars().count() + 1);
    (
        Block::Table(Table {
            pos,
            header: split(lines[header], header + 1),
            rows,
        }),
        i,
    )
}

/// Splits a table line at its unescaped pipes; a leading and a trailing pipe are optional.
pub fn split(line: &str, number: usize) -> Vec<Cell<'_>> {
    let mut pipes = Vec::new();
    let mut backslashes = 0;
    for (at, c) in line.char_indices() {
        if c == '|' && backslashes % 2 == 0 {
            pipes.push(at);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    let mut start = line.len() - line.trim_start().len();
    let mut end = line.trim_end().len();
    if pipes.first() == Some(&start) {
        pipes.remove(0);
        start += 1;
    }
    if end > start && pipes.last() == Some(&(end - 1)) {
        pipes.pop();
        end -= 1;
    }
    let mut bounds = Vec::with_capacity(pipes.len() + 1);
    let mut from = start;
    for pipe in pipes {
        bounds.push((from, pipe));
        from = pipe + 1;
    }
    bounds.push((from, end.max(from)));
    bounds
        .into_iter()
        .map(|(a, b)| cell(line, number, a, b))
        .collect()
}

fn cell(line: &str, number: usize, a: usize, b: usize) -> Cell<'_> {
    let raw = &line[a..b];
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    let column = line[..a + if text.is_empty() { 0 } else { lead }]
        .chars()
        .count()
        + 1;
    Cell {
        text,
        pos: Pos::new(number, column),
        span: (a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(cells: &[Cell<'t>]) -> Vec<&'t str> {
        cells.iter().map(|c| c.text).collect()
    }

    #[test]
    fn pipes_at_the_ends_are_optional() {
        assert_eq!(texts(&split("| a | b |", 1)), ["a", "b"]);
        assert_eq!(texts(&split("a | b", 1)), ["a", "b"]);
        assert_eq!(texts(&split("  | a | b", 1)), ["a", "b"]);
        assert_eq!(texts(&split("| a | |", 1)), ["a", ""]);
        assert_eq!(texts(&split(r"| a \| b | c |", 1)), [r"a \| b", "c"]);
        assert_eq!(texts(&split(r"| a \\| b |", 1)), [r"a \\", "b"]);
    }

    #[test]
    fn cells_know_their_columns() {
        let cells = split("| **id** | é |  |", 7);
        assert_eq!(cells[0].pos, Pos::new(7, 3));
        assert_eq!(cells[1].pos, Pos::new(7, 12));
        assert_eq!(cells[2].pos, Pos::new(7, 15));
    }

    #[test]
    fn rows_join_across_bare_pipes() {
        let line = "| **a** | **String** | one|two | [optional] |";
        let row = Row {
            text: line,
            line: 1,
            cells: split(line, 1),
        };
        assert_eq!(row.joined(2, 3), "one|two");
    }

    #[test]
    fn headings_and_delimiters() {
        assert_eq!(
            heading("## PureCloud::X", 1).map(|h| (h.text, h.pos)),
            Some(("PureCloud::X", Pos::new(1, 4)))
        );
        assert_eq!(heading("#hashtag", 1), None);
        assert_eq!(heading("    # code", 1), None);
        assert!(is_delimiter("|------------ | ------------- |"));
        assert!(is_delimiter("---|:---:"));
        assert!(!is_delimiter("---"));
        assert!(!is_delimiter("| a | b |"));
    }

    #[test]
    fn the_table_under_properties_wins() {
        let text = [
            "# M",
            "",
            "About M.",
            "",
            "| Field | Meaning |",
            "|---|---|",
            "| x | y |",
            "",
            "## Properties",
            "",
            "| Name | Type | Description | Notes |",
            "|---|---|---|---|",
            "| **a** | **String** | A. | |",
        ]
        .join("\n");
        let page = scan(&text);
        assert_eq!(page.heading.map(|h| h.text), Some("M"));
        assert_eq!(page.description, vec![vec!["About M."]]);
        let (table, columns) = page.table.expect("a property table");
        assert_eq!(
            (table.pos, columns, table.rows.len()),
            (Pos::new(11, 1), Columns::Four, 1)
        );
    }

    #[test]
    fn operations_pages_have_no_property_table() {
        let text = [
            "## PureCloud::AlertingApi",
            "",
            "Method | Description",
            "--- | ---",
            "[**a**](x) | b",
            "",
            "### Parameters",
            "",
            "Name | Type | Description | Notes",
            "--- | --- | --- | ---",
            " **id** | **String**| x | |",
        ]
        .join("\n");
        let page = scan(&text);
        assert_eq!(page.table, None);
        assert_eq!(page.heading.map(|h| h.pos), Some(Pos::new(1, 4)));
    }

    #[test]
    fn front_matter_and_notices_are_stepped_over() {
        let text = [
            "---",
            "title: \"X\"",
            "---",
            ":::error",
            "| Name | Type | Description | Notes |",
            "|---|---|---|---|",
            ":::",
        ]
        .join("\n");
        let page = scan(&text);
        assert_eq!(
            page.front_title,
            Some(Title {
                text: "X",
                pos: Pos::new(2, 9)
            })
        );
        assert_eq!(page.table, None);
        assert!(page.problems.is_empty());
        let open = scan(":::error\ntext\n");
        assert_eq!(open.problems[0].pos, Pos::new(1, 1));
    }
}
