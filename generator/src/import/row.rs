//! Property table rows to the values of a property, every unreadable cell reported in place.

use super::page::{Cell, Columns, Row, Table};
use super::text::plain;
use crate::diag::{Diagnostic, Pos};
use crate::model::TypeExpr;
use crate::{naming, types};
use std::collections::BTreeMap;
use std::path::Path;

/// One row as the page gives it; text is plain, entities and escapes resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRow {
    /// Where the name cell's text starts.
    pub pos: Pos,
    /// The Name column, without its bold markers.
    pub name: String,
    /// The Type column, without link and bold markers.
    pub type_text: String,
    /// The Type column, parsed.
    pub ty: TypeExpr,
    /// The Description column, all of it.
    pub description: Option<String>,
    /// The Notes column is empty.
    pub required: bool,
    /// The JSON key column, where the table has one and the cell is not empty.
    pub json: Option<String>,
    /// The Allowed values column, where the table has one and the cell is not empty.
    pub enum_values: Option<Vec<String>>,
}

impl PageRow {
    /// The key on the wire: the page's, or the lowerCamelCase of the name.
    pub fn json_key(&self) -> String {
        self.json
            .clone()
            .unwrap_or_else(|| naming::default_json_key(&self.name))
    }
}

/// Reads every row of the table; problems are added to `problems` and their rows left out.
pub fn read(
    file: &Path,
    table: &Table<'_>,
    columns: Columns,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PageRow> {
    let mut reader = Reader { file, problems };
    let rows: Vec<PageRow> = table
        .rows
        .iter()
        .filter_map(|row| reader.row(row, columns))
        .collect();
    reader.across(&rows);
    rows
}

/// Which cells of a row hold which column.
struct Layout {
    description: Option<(usize, usize)>,
    notes: Option<usize>,
    json: Option<usize>,
    values: Option<usize>,
}

/// Lays out a row: the first two cells and the last ones are fixed, the rest is description.
///
/// Real descriptions contain bare pipes, so a row with more cells than the header has keeps
/// its extra cells in the description. A row with fewer cells has empty trailing cells, as
/// Markdown renders it.
fn layout(cells: usize, columns: Columns) -> Layout {
    let tail = columns.count() - 3;
    if cells >= columns.count() {
        let notes = cells - tail;
        let extra = |i: usize| (columns == Columns::Six).then_some(notes + i);
        return Layout {
            description: Some((2, notes - 1)),
            notes: Some(notes),
            json: extra(1),
            values: extra(2),
        };
    }
    let at = |i: usize| (i < cells).then_some(i);
    let extra = |i: usize| if columns == Columns::Six { at(i) } else { None };
    Layout {
        description: at(2).map(|i| (i, i)),
        notes: at(3),
        json: extra(4),
        values: extra(5),
    }
}

struct Reader<'a> {
    file: &'a Path,
    problems: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn problem(&mut self, pos: Pos, message: String, hint: &str) {
        let d = Diagnostic::new(self.file, pos, message);
        self.problems.push(if hint.is_empty() {
            d
        } else {
            d.with_hint(hint)
        });
    }

    fn row(&mut self, row: &Row<'_>, columns: Columns) -> Option<PageRow> {
        let before = self.problems.len();
        let name_cell = row.cells[0];
        let name = self.name(name_cell);
        let ty = match row.cells.get(1) {
            Some(cell) => self.type_cell(*cell),
            None => {
                let end = Pos::new(row.line, row.text.trim_end().chars().count() + 1);
                self.problem(
                    end,
                    "the row ends before its Type column".to_owned(),
                    TYPE_HINT,
                );
                None
            }
        };

        let layout = layout(row.cells.len(), columns);
        let description = layout
            .description
            .map(|(first, last)| plain(row.joined(first, last)).trim().to_owned())
            .filter(|d| !d.is_empty());
        let required = match layout.notes {
            Some(i) => self.notes(row.cells[i]),
            None => Some(true),
        };
        let json = layout.json.and_then(|i| json_key(row.cells[i]));
        let spans = layout.values.and_then(|i| self.values(row.cells[i]));
        if let (Some(spans), Some((text, ty)), Some(i)) = (&spans, &ty, layout.values) {
            self.check_values(
                row.cells[i],
                spans,
                (text, ty),
                name.as_deref().unwrap_or(""),
            );
        }
        let values = spans.map(|s| s.into_iter().map(|(value, _)| value).collect());

        if self.problems.len() > before {
            return None;
        }
        let (type_text, ty) = ty?;
        Some(PageRow {
            pos: name_cell.pos,
            name: name?,
            type_text,
            ty,
            description,
            required: required?,
            json,
            enum_values: values,
        })
    }

    fn name(&mut self, cell: Cell<'_>) -> Option<String> {
        let name = plain(strip_bold(cell.text).0).trim().to_owned();
        if name.is_empty() {
            self.problem(cell.pos, "the Name cell is empty".to_owned(), NAME_HINT);
            return None;
        }
        if name.contains(char::is_whitespace) {
            let message = format!(
                "expected one word as the property name, found `{}`",
                cell.text
            );
            self.problem(cell.pos, message, NAME_HINT);
            return None;
        }
        Some(name)
    }

    fn type_cell(&mut self, cell: Cell<'_>) -> Option<(String, TypeExpr)> {
        let (inner, skipped) = unwrap_type(cell.text);
        let decoded = plain(inner).trim().to_owned();
        if decoded.is_empty() {
            self.problem(cell.pos, "the Type cell is empty".to_owned(), TYPE_HINT);
            return None;
        }
        match types::parse(&decoded) {
            Ok(ty) => Some((tidy(&decoded), ty)),
            Err(e) => {
                let at = cell.pos.column + skipped + source_offset(inner, &decoded, e.offset);
                let message = format!("type `{decoded}` does not parse: {}", e.message);
                self.problem(Pos::new(cell.pos.line, at), message, TYPE_HINT);
                None
            }
        }
    }

    fn notes(&mut self, cell: Cell<'_>) -> Option<bool> {
        match cell.text {
            "" => Some(true),
            t if t.eq_ignore_ascii_case("[optional]") => Some(false),
            other => {
                let message = format!(
                    "expected `[optional]` or nothing in the Notes column, found `{other}`"
                );
                let hint = "write `[optional]`, or leave the cell empty for a required property";
                self.problem(cell.pos, message, hint);
                None
            }
        }
    }

    fn values(&mut self, cell: Cell<'_>) -> Option<Vec<(String, usize)>> {
        if cell.text.is_empty() {
            return None;
        }
        match code_spans(cell.text) {
            Ok(values) => Some(values),
            Err(offset) => {
                let pos = Pos::new(cell.pos.line, cell.pos.column + offset);
                let found: String = cell.text.chars().skip(offset).collect();
                let message = format!("expected allowed values in backticks, found `{found}`");
                self.problem(pos, message, "write the values as `` `work`, `home` ``");
                None
            }
        }
    }

    /// The rules of an `enum` that only its own row can break.
    fn check_values(
        &mut self,
        cell: Cell<'_>,
        values: &[(String, usize)],
        (type_text, ty): (&str, &TypeExpr),
        name: &str,
    ) {
        if *ty != TypeExpr::String {
            let message =
                format!("allowed values need a `String` property, `{name}` is `{type_text}`");
            self.problem(
                cell.pos,
                message,
                "allowed values describe strings; empty the cell or fix the type",
            );
            return;
        }
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for (value, offset) in values {
            let pos = Pos::new(cell.pos.line, cell.pos.column + offset);
            let Some(variant) = naming::variant_ident(value) else {
                let message =
                    format!("allowed value `{value}` has no letters or digits to name a variant");
                self.problem(pos, message, VARIANT_HINT);
                continue;
            };
            match seen.get(&variant) {
                Some(first) if first == value => {
                    self.problem(pos, format!("allowed value `{value}` is listed twice"), "");
                }
                Some(first) => {
                    let message = format!(
                        "allowed values `{first}` and `{value}` both become the variant `{variant}`"
                    );
                    self.problem(pos, message, VARIANT_HINT);
                }
                None => {
                    seen.insert(variant, value);
                }
            }
        }
    }

    /// Rules between rows: names, field names and JSON keys are unique within a model.
    fn across(&mut self, rows: &[PageRow]) {
        let mut names: BTreeMap<&str, Pos> = BTreeMap::new();
        let mut fields: BTreeMap<String, (&str, Pos)> = BTreeMap::new();
        let mut keys: BTreeMap<String, (&str, Pos)> = BTreeMap::new();
        for row in rows {
            if let Some(first) = names.get(row.name.as_str()) {
                let message = format!("property `{}` is given twice", row.name);
                let d = Diagnostic::new(self.file, row.pos, message).with_related(
                    self.file,
                    *first,
                    "first given",
                );
                self.problems.push(d);
                continue;
            }
            names.insert(&row.name, row.pos);

            let field = naming::field_ident(&row.name)
                .trim_start_matches("r#")
                .to_owned();
            match fields.get(&field) {
                Some((other, first)) => {
                    let message = format!(
                        "property `{}` has the Rust field name `{field}`, as has `{other}`",
                        row.name
                    );
                    let d = Diagnostic::new(self.file, row.pos, message)
                        .with_related(self.file, *first, format!("`{other}` is given"))
                        .with_hint("rename one of them on the page, or give one `rust` by hand");
                    self.problems.push(d);
                }
                None => {
                    fields.insert(field, (&row.name, row.pos));
                }
            }

            let key = row.json_key();
            match keys.get(&key) {
                Some((other, first)) => {
                    let message = format!(
                        "property `{}` has the JSON key `{key}`, as has `{other}`",
                        row.name
                    );
                    let d = Diagnostic::new(self.file, row.pos, message).with_related(
                        self.file,
                        *first,
                        format!("`{other}` is given"),
                    );
                    self.problems.push(d);
                }
                None => {
                    keys.insert(key, (&row.name, row.pos));
                }
            }
        }
    }
}

const NAME_HINT: &str = "the Name column holds the property's name in bold, like `**user_name**`";
const TYPE_HINT: &str = "the Type column holds a type of the notation, like `**String**`, \
                         `**Array&lt;ScimEmail&gt;**` or `[**ScimEmail**](ScimEmail.html)`";
const VARIANT_HINT: &str =
    "the import cannot name enum variants; write this row's `enum` by hand, \
                            naming the variant with `{value: \"...\", rust: VariantName}`";

/// The JSON key cell: a code span, or plain text.
fn json_key(cell: Cell<'_>) -> Option<String> {
    let key = match code_spans(cell.text) {
        Ok(spans) if spans.len() == 1 => spans
            .into_iter()
            .next()
            .map(|(key, _)| key)
            .unwrap_or_default(),
        _ => plain(cell.text).trim().to_owned(),
    };
    (!key.is_empty()).then_some(key)
}

/// The text between `**` markers, and how many characters were skipped before it.
fn strip_bold(text: &str) -> (&str, usize) {
    for marker in ["**", "__"] {
        if let Some(inner) = text
            .strip_prefix(marker)
            .and_then(|t| t.strip_suffix(marker))
        {
            return (inner, 2);
        }
    }
    (text, 0)
}

/// The type inside `[**T**](T.html)` or `**T**`, and how many characters come before it.
fn unwrap_type(text: &str) -> (&str, usize) {
    let linked = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(')'))
        .and_then(|t| t.rfind("](").map(|end| &t[..end]));
    let (label, skipped) = match linked {
        Some(label) => (label, 1),
        None => (text, 0),
    };
    let (inner, bold) = strip_bold(label.trim());
    let lead = inner.len() - inner.trim_start().len();
    (inner.trim(), skipped + bold + lead)
}

/// A parsed type's text with the spacing of the shipped definitions: `Hash<String, T>`.
///
/// Only white space goes, and a type parses before it is tidied, so no two words are joined.
fn tidy(type_text: &str) -> String {
    let bare: String = type_text.chars().filter(|c| !c.is_whitespace()).collect();
    bare.replace(',', ", ")
}

/// The character offset in `source` of the character at `offset` of its decoded form.
///
/// Entities make the two differ (`&lt;` is one character); the offset is found as the shortest
/// source prefix whose decoding is the decoded text up to `offset`.
fn source_offset(source: &str, decoded: &str, offset: usize) -> usize {
    let wanted: String = decoded.chars().take(offset).collect();
    let chars: Vec<char> = source.chars().collect();
    (0..=chars.len())
        .find(|&k| plain(&chars[..k].iter().collect::<String>()).trim_start() == wanted)
        .unwrap_or_else(|| offset.min(chars.len()))
}

/// Values written as code spans separated by commas, each with the character offset of its
/// opening backtick, or the offset of the first character that does not fit.
fn code_spans(text: &str) -> Result<Vec<(String, usize)>, usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut values = Vec::new();
    let mut i = 0;
    loop {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let fence = chars[i.min(chars.len())..]
            .iter()
            .take_while(|c| **c == '`')
            .count();
        if fence == 0 {
            return Err(i);
        }
        let open = i;
        i += fence;
        let close = (i..chars.len()).find(|&j| {
            let run = chars[j..].iter().take_while(|c| **c == '`').count();
            run == fence && (j == 0 || chars[j - 1] != '`')
        });
        let Some(close) = close else { return Err(open) };
        let content: String = chars[i..close].iter().collect();
        let trimmed = content.strip_prefix(' ').and_then(|c| c.strip_suffix(' '));
        let value = match trimmed {
            Some(inner) if !inner.trim().is_empty() => inner.to_owned(),
            _ => content,
        };
        values.push((value, open));
        i = close + fence;
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        match chars.get(i) {
            None => return Ok(values),
            Some(',') => i += 1,
            Some(_) => return Err(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_out_of_links_and_bold() {
        assert_eq!(
            unwrap_type("[**Array&lt;ScimEmail&gt;**](ScimEmail.html)"),
            ("Array&lt;ScimEmail&gt;", 3)
        );
        assert_eq!(unwrap_type("**String**"), ("String", 2));
        assert_eq!(unwrap_type("Object"), ("Object", 0));
        assert_eq!(
            unwrap_type("** Hash&lt;String, X&gt; **"),
            ("Hash&lt;String, X&gt;", 3)
        );
    }

    #[test]
    fn types_are_tidied() {
        assert_eq!(tidy("Array<  String  >"), "Array<String>");
        assert_eq!(tidy("Hash<String,Array< X >>"), "Hash<String, Array<X>>");
    }

    #[test]
    fn offsets_map_back_through_entities() {
        let source = "Hash&lt;Integer, String&gt;";
        assert_eq!(source_offset(source, "Hash<Integer, String>", 5), 8);
        assert_eq!(source_offset("Array&lt;Foo", "Array<Foo", 9), 12);
        assert_eq!(source_offset("A B", "A B", 2), 2);
    }

    #[test]
    fn values_are_code_spans() {
        let values = vec![
            ("add".into(), 0),
            ("replace".into(), 7),
            ("remove".into(), 17),
        ];
        assert_eq!(code_spans("`add`, `replace`,`remove`"), Ok(values));
        assert_eq!(code_spans("`` a`b ``"), Ok(vec![("a`b".into(), 0)]));
        assert_eq!(code_spans("`a` `b`"), Err(4));
        assert_eq!(code_spans("add, remove"), Err(0));
        assert_eq!(code_spans("`a`, "), Err(5));
        assert_eq!(code_spans("`open"), Err(0));
    }

    #[test]
    fn extra_cells_belong_to_the_description() {
        let l = layout(7, Columns::Four);
        assert_eq!(
            (l.description, l.notes, l.json),
            (Some((2, 5)), Some(6), None)
        );
        let l = layout(6, Columns::Six);
        assert_eq!(
            (l.description, l.notes, l.json, l.values),
            (Some((2, 2)), Some(3), Some(4), Some(5))
        );
        let l = layout(3, Columns::Four);
        assert_eq!((l.description, l.notes), (Some((2, 2)), None));
    }
}
