//! Reading definition files: YAML text to [`Definition`], every problem of a file collected.

use crate::diag::{excerpt, nearest, Diagnostic, Pos};
use crate::model::{Body, Definition, EnumDef, EnumValue, Model, Property, Spanned, TypeExpr};
use crate::types;
use crate::yaml::{self, Kind, Node, Resolved};
use std::path::{Path, PathBuf};

/// The largest definition file read by default; real tables stay far below it.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

const MODEL_KEYS: &[&str] =
    &["name", "description", "properties", "enum", "additional_properties", "case_insensitive"];
const PROPERTY_KEYS: &[&str] = &[
    "name",
    "type",
    "description",
    "required",
    "json",
    "rust",
    "enum",
    "enum_name",
    "case_insensitive",
    "sensitive",
];
const VALUE_KEYS: &[&str] = &["value", "rust"];

/// Every `*.yaml` file below `root`, sorted, with its area (the subfolders on the way).
pub fn list_files(root: &Path) -> std::io::Result<Vec<(PathBuf, Vec<String>)>> {
    let mut found = Vec::new();
    let mut pending = vec![(root.to_path_buf(), Vec::new())];
    while let Some((dir, area)) = pending.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let kind = entry.file_type()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if kind.is_dir() && !name.starts_with('.') {
                let mut sub = area.clone();
                sub.push(name);
                pending.push((path, sub));
            } else if kind.is_file() && name.ends_with(".yaml") {
                found.push((path, area.clone()));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads one definition from its text; `file` is the path shown in messages.
pub fn parse_definition(
    file: &Path,
    area: Vec<String>,
    text: &str,
) -> Result<Definition, Vec<Diagnostic>> {
    match parse_partial(file, area, text) {
        (Some(definition), problems) if problems.is_empty() => Ok(definition),
        (_, problems) => Err(problems),
    }
}

/// Reads as much of one definition as is readable, and every problem of the file.
///
/// The definition leaves out the rows that could not be read; it is `None` when the name or
/// the kind of type is missing. Checking what was read finds the problems between the rows
/// and across files in the same run, instead of one run later.
pub fn parse_partial(
    file: &Path,
    area: Vec<String>,
    text: &str,
) -> (Option<Definition>, Vec<Diagnostic>) {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let from_yaml = |e: yaml::YamlError| {
        let d = Diagnostic::new(file, e.pos, e.message);
        match e.hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    };

    // The path goes into headers and docs of the generated files, where a line break or
    // another control character would end a comment early and put text into the code.
    let shown = file.to_string_lossy();
    if let Some(c) = shown.chars().find(|c| c.is_control()) {
        let d = Diagnostic::new(file, Pos::new(1, 1), format!("the file's path `{}` has the control character {c:?}", shown.escape_debug()));
        return (None, vec![d.with_hint("rename the file or its folder with printable characters only")]);
    }
    let tabs = yaml::find_indent_tabs(text);
    if !tabs.is_empty() {
        return (None, tabs.into_iter().map(from_yaml).collect());
    }
    let empty = || {
        let d = Diagnostic::new(file, Pos::new(1, 1), "the file is empty");
        (None, vec![d.with_hint(format!("a definition starts with `name: {stem}`"))])
    };
    let root = match yaml::parse(text) {
        Ok(Some(root)) if is_nothing(&root) => return empty(),
        Ok(Some(root)) => root,
        Ok(None) => return empty(),
        Err(e) => return (None, vec![from_yaml(e)]),
    };

    let mut reader = Reader { file, problems: Vec::new() };
    let definition = reader.definition(&root, stem.clone(), area);
    (definition, reader.problems)
}

/// A plain empty scalar: what YAML makes of a document with no content (`---` alone).
fn is_nothing(node: &Node) -> bool {
    matches!(&node.kind, Kind::Scalar(s) if s.plain && s.text.is_empty())
}

struct Reader<'a> {
    file: &'a Path,
    problems: Vec<Diagnostic>,
}

/// The entries of a mapping, looked up by key, with unknown and repeated keys reported.
struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _, _)| *k == key).map(|(_, _, v)| *v)
    }
}

impl Reader<'_> {
    fn problem(&mut self, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::new(self.file, pos, message));
        self.problems.last_mut().expect("just pushed")
    }

    fn fields<'n>(&mut self, node: &'n Node, allowed: &[&str], what: &str) -> Option<Fields<'n>> {
        let Kind::Map(entries) = &node.kind else {
            self.problem(node.pos, format!("{what} must be a mapping of keys, found {}", kind_name(node)));
            return None;
        };
        let mut fields = Fields { entries: Vec::new() };
        for (key, value) in entries {
            let Kind::Scalar(k) = &key.kind else {
                self.problem(key.pos, format!("keys of {what} must be plain words"));
                continue;
            };
            let text = k.text.as_str();
            let shown = excerpt(text);
            if let Some((_, first, _)) = fields.entries.iter().find(|(t, _, _)| *t == text) {
                let first = first.pos;
                let file = self.file.to_path_buf();
                self.problem(key.pos, format!("key `{shown}` is given twice"))
                    .related = Some(crate::diag::Related { file, pos: first, label: "first given".into() });
                continue;
            }
            if !allowed.contains(&text) {
                let hint = nearest(text, allowed.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| format!("the keys of {what} are {}", list(allowed)));
                self.problem(key.pos, format!("unknown key `{shown}` in {what}")).hint = Some(hint);
                continue;
            }
            fields.entries.push((text, key, value));
        }
        Some(fields)
    }

    /// A text value; plain scalars that YAML 1.2 reads as something else are refused.
    fn text(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        self.text_as(node, Some(key))
    }

    /// A text value of `key`, or an item of a list when `key` is `None`.
    fn text_as(&mut self, node: &Node, key: Option<&str>) -> Option<Spanned<String>> {
        let Kind::Scalar(s) = &node.kind else {
            let what = key.map_or_else(|| "an enum value".to_owned(), |k| format!("`{k}`"));
            self.problem(node.pos, format!("{what} must be text, found {}", kind_name(node)));
            return None;
        };
        let reading = match s.resolve() {
            Resolved::Text => return Some(Spanned::new(s.text.clone(), node.pos)),
            Resolved::Null if s.text.is_empty() => {
                let what = key.map_or_else(|| "an enum value".to_owned(), |k| format!("`{k}`"));
                self.problem(node.pos, format!("{what} has no value"));
                return None;
            }
            Resolved::Null => "null",
            Resolved::Bool(_) => "a boolean",
            Resolved::Number => "a number",
        };
        let value = excerpt(&s.text);
        let (message, hint) = match key {
            Some(key) => (format!("`{key}: {value}` is {reading} in YAML, not text"), format!("`{key}: \"{value}\"`")),
            None => (format!("enum value `{value}` is {reading} in YAML, not text"), format!("`\"{value}\"`")),
        };
        self.problem(node.pos, message).hint = Some(format!("quote it: {hint}"));
        None
    }

    fn flag(&mut self, node: &Node, key: &str) -> Option<bool> {
        if let Kind::Scalar(s) = &node.kind {
            if let Resolved::Bool(b) = s.resolve() {
                return Some(b);
            }
            if !s.plain && matches!(s.text.as_str(), "true" | "false") {
                self.problem(node.pos, format!("`{key}` must be `true` or `false`, found the text `\"{}\"`", s.text))
                    .hint = Some(format!("write `{key}: {}` without quotes", s.text));
                return None;
            }
            self.problem(node.pos, format!("`{key}` must be `true` or `false`, found `{}`", excerpt(&s.text)))
                .hint = Some(format!("write `{key}: true` or leave the key out"));
        } else {
            self.problem(node.pos, format!("`{key}` must be `true` or `false`, found {}", kind_name(node)));
        }
        None
    }

    fn definition(&mut self, root: &Node, stem: String, area: Vec<String>) -> Option<Definition> {
        if !matches!(root.kind, Kind::Map(_)) {
            self.problem(root.pos, format!("a definition must be a mapping, found {}", kind_name(root)))
                .hint = Some(format!("start the file with `name: {stem}`"));
            return None;
        }
        let fields = self.fields(root, MODEL_KEYS, "a definition")?;
        let name = match fields.get("name") {
            Some(n) => self.text(n, "name"),
            None => {
                self.problem(root.pos, "missing key `name`").hint = Some(format!("add `name: {stem}`"));
                None
            }
        };
        let description = fields.get("description").and_then(|d| self.text(d, "description"));
        let additional = fields.get("additional_properties").and_then(|n| self.flag(n, "additional_properties"));
        let case_insensitive = fields.get("case_insensitive").and_then(|n| self.flag(n, "case_insensitive"));

        let body = match (fields.get("properties"), fields.get("enum")) {
            (Some(props), None) => self.model(props, additional.unwrap_or(false), case_insensitive.unwrap_or(false)),
            (None, Some(values)) => {
                if let Some(n) = fields.get("additional_properties") {
                    self.problem(n.pos, "`additional_properties` applies to models, this is an enum");
                }
                let values = self.enum_values(values)?;
                Some(Body::Enum(EnumDef { values, case_insensitive: case_insensitive.unwrap_or(false) }))
            }
            (Some(_), Some(values)) => {
                self.problem(values.pos, "a definition has either `properties` or `enum`, not both")
                    .hint = Some("a model's enumerated property carries its own `enum`".into());
                None
            }
            (None, None) => {
                self.problem(root.pos, "missing key `properties` (a model) or `enum` (an enum)")
                    .hint = Some("a model with no rows still needs `properties: []`".into());
                None
            }
        };
        Some(Definition {
            file: self.file.to_path_buf(),
            stem,
            area,
            name: name?,
            description: description.map(|d| d.value),
            body: body?,
        })
    }

    fn model(&mut self, node: &Node, additional: bool, case_insensitive: bool) -> Option<Body> {
        let rows = match &node.kind {
            Kind::Seq(rows) => rows,
            Kind::Scalar(s) if s.plain && s.text.is_empty() => {
                self.problem(node.pos, "`properties` has no value")
                    .hint = Some("write `properties: []` for a model with no rows".into());
                return None;
            }
            Kind::Map(_) => {
                self.problem(node.pos, "`properties` must be a list of rows, found a mapping")
                    .hint = Some("write each row as a list item: `- name: ...` with `type:` below it".into());
                return None;
            }
            _ => {
                self.problem(node.pos, format!("`properties` must be a list of rows, found {}", kind_name(node)));
                return None;
            }
        };
        let properties: Vec<_> = rows.iter().filter_map(|row| self.property(row)).collect();
        Some(Body::Model(Model {
            properties,
            properties_pos: node.pos,
            additional_properties: additional,
            case_insensitive,
        }))
    }

    fn property(&mut self, row: &Node) -> Option<Property> {
        let before = self.problems.len();
        let fields = self.fields(row, PROPERTY_KEYS, "a property")?;
        let name = match fields.get("name") {
            Some(n) => self.text(n, "name"),
            None => {
                self.problem(row.pos, "missing key `name` in a property");
                None
            }
        };
        let (type_text, ty) = match fields.get("type") {
            Some(t) => match self.text(t, "type") {
                Some(text) => {
                    let quoted = matches!(&t.kind, Kind::Scalar(s) if !s.plain);
                    let ty = self.type_expr(&text, quoted);
                    (Some(text), ty)
                }
                None => (None, None),
            },
            None => {
                let label = name.as_ref().map_or_else(|| " a property".to_owned(), |n| format!(" property `{}`", n.value));
                self.problem(row.pos, format!("missing key `type` in{label}"))
                    .hint = Some("add the table's Type column, for example `type: String`".into());
                (None, None)
            }
        };
        let description = fields.get("description").and_then(|d| self.text(d, "description"));
        let required = fields.get("required").and_then(|n| self.flag(n, "required"));
        let json = fields.get("json").and_then(|n| self.text(n, "json"));
        let rust = fields.get("rust").and_then(|n| self.text(n, "rust"));
        let enum_values = fields.get("enum").and_then(|n| self.enum_values(n));
        let enum_name = fields.get("enum_name").and_then(|n| self.text(n, "enum_name"));
        let case_insensitive = fields.get("case_insensitive").and_then(|n| self.flag(n, "case_insensitive"));
        let sensitive = fields.get("sensitive").and_then(|n| self.flag(n, "sensitive"));

        if let (Some(ci), None) = (fields.get("case_insensitive"), fields.get("enum")) {
            self.problem(ci.pos, "`case_insensitive` on a property applies to its `enum`, and it has none")
                .hint = Some("set `case_insensitive: true` on the model to match its keys ignoring case".into());
        }
        if let (Some(n), None) = (fields.get("enum_name"), fields.get("enum")) {
            self.problem(n.pos, "`enum_name` names the type made from `enum`, and this property has none");
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Property {
            pos: row.pos,
            name: name?,
            type_text: type_text?,
            ty: ty?,
            description: description.map(|d| d.value),
            required: required.unwrap_or(false),
            json,
            rust,
            enum_values,
            enum_name,
            case_insensitive: case_insensitive.unwrap_or(false),
            sensitive: sensitive.unwrap_or(false),
        })
    }

    fn type_expr(&mut self, text: &Spanned<String>, quoted: bool) -> Option<TypeExpr> {
        if text.value.trim().is_empty() {
            self.problem(text.pos, "`type` is empty")
                .hint = Some("write the table's Type column, for example `type: String`".into());
            return None;
        }
        match types::parse(&text.value) {
            Ok(ty) => Some(ty),
            Err(e) => {
                let single_line = !text.value.contains('\n');
                let shift = if single_line { e.offset + usize::from(quoted) } else { 0 };
                let pos = Pos::new(text.pos.line, text.pos.column + shift);
                let hint = "types are written as in the table: `String`, `Array<T>`, `Hash<String, T>`, \
                            or the name of a defined type"
                    .to_owned();
                let shown = excerpt(&text.value);
                self.problem(pos, format!("type `{shown}` does not parse: {}", e.message)).hint = Some(hint);
                None
            }
        }
    }

    fn enum_values(&mut self, node: &Node) -> Option<Spanned<Vec<EnumValue>>> {
        let Kind::Seq(items) = &node.kind else {
            self.problem(node.pos, format!("`enum` must be a list of values, found {}", kind_name(node)))
                .hint = Some("write `enum: [first, second]`".into());
            return None;
        };
        let mut values = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            let value = match &item.kind {
                Kind::Map(_) => self.named_value(item),
                _ => self.text_as(item, None).map(|v| EnumValue { value: v.value, pos: v.pos, rust: None }),
            };
            match value {
                Some(v) => values.push(v),
                None => ok = false,
            }
        }
        ok.then(|| Spanned::new(values, node.pos))
    }

    fn named_value(&mut self, item: &Node) -> Option<EnumValue> {
        let before = self.problems.len();
        let fields = self.fields(item, VALUE_KEYS, "an enum value")?;
        let misspelt = self.problems.len() > before;
        let value = match fields.get("value") {
            Some(v) => self.text(v, "value"),
            None => {
                self.problem(item.pos, "missing key `value` in an enum value")
                    .hint = Some("write `{value: \"+1\", rust: PlusOne}`".into());
                None
            }
        };
        let rust = match fields.get("rust") {
            Some(r) => Some(self.text(r, "rust")?),
            None if misspelt => return None,
            None => {
                self.problem(item.pos, "an enum value written as a mapping needs `rust`")
                    .hint = Some("write the value alone, or add `rust: VariantName`".into());
                return None;
            }
        };
        let value = value?;
        Some(EnumValue { value: value.value, pos: value.pos, rust })
    }
}

fn kind_name(node: &Node) -> String {
    match &node.kind {
        Kind::Map(_) => "a mapping".into(),
        Kind::Seq(_) => "a list".into(),
        Kind::Scalar(s) if s.plain && s.text.is_empty() => "nothing".into(),
        Kind::Scalar(s) if s.plain => format!("`{}`", excerpt(&s.text)),
        Kind::Scalar(s) => format!("the text `\"{}\"`", excerpt(&s.text)),
    }
}

fn list(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}
