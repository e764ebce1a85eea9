//! A small YAML tree that remembers where every key and value stood in the file.
//!
//! Definitions are read from saphyr-parser's event stream rather than through serde, so that
//! every value keeps its line and column and every problem can be reported at its place.
//! The tree refuses what a definition never needs and what makes YAML expensive: aliases
//! (so "billion laughs" cannot expand), nesting deeper than [`MAX_DEPTH`], several documents.

use crate::diag::Pos;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// The deepest nesting of sequences and mappings a definition may use.
pub const MAX_DEPTH: usize = 32;

/// A YAML value with the position of its first character.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What the value is.
    pub kind: Kind,
    /// Where it starts.
    pub pos: Pos,
}

/// The three shapes of YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A scalar, with its text as written.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, entries in file order.
    Map(Vec<(Node, Node)>),
}

/// A scalar's text and whether YAML may read it as something other than text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scalar {
    /// The scalar's value after YAML's unquoting and folding.
    pub text: String,
    /// True for a plain (unquoted, untagged) scalar, whose meaning YAML 1.2 resolves.
    pub plain: bool,
}

/// What a plain scalar means under the YAML 1.2 core schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// `null`, `~` or nothing at all.
    Null,
    /// `true` or `false` in one of their spellings.
    Bool(bool),
    /// An integer or a float.
    Number,
    /// Anything else: text.
    Text,
}

impl Scalar {
    /// How YAML 1.2 reads this scalar: quoted scalars are always text.
    pub fn resolve(&self) -> Resolved {
        if !self.plain {
            return Resolved::Text;
        }
        match self.text.as_str() {
            "" | "~" | "null" | "Null" | "NULL" => Resolved::Null,
            "true" | "True" | "TRUE" => Resolved::Bool(true),
            "false" | "False" | "FALSE" => Resolved::Bool(false),
            t if is_core_number(t) => Resolved::Number,
            _ => Resolved::Text,
        }
    }
}

/// Integers and floats of the YAML 1.2 core schema (decimal, `0o`, `0x`, `.inf`, `.nan`).
fn is_core_number(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix("0o") {
        return !rest.is_empty() && rest.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    if let Some(rest) = t.strip_prefix("0x") {
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(t, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        None => !whole.is_empty() && digits(whole),
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
    };
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        }
    };
    mantissa_ok && exponent_ok
}

/// Why a file could not be turned into a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl YamlError {
    fn new(pos: Pos, message: impl Into<String>, hint: Option<&str>) -> Self {
        YamlError { pos, message: message.into(), hint: hint.map(str::to_owned) }
    }
}

fn pos_of(span: &Span) -> Pos {
    Pos::new(span.start.line(), span.start.col() + 1)
}

/// Tabs in indentation are the commonest hand-editing slip, and YAML's own message for them is
/// obscure, so they are found before parsing, every one of them.
pub fn find_indent_tabs(text: &str) -> Vec<YamlError> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let rest = &line[indent.len()..];
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some(column) = indent.chars().position(|c| c == '\t') {
            found.push(YamlError::new(
                Pos::new(index + 1, column + 1),
                "tab character used for indentation",
                Some("YAML indents with spaces only; replace the tab with spaces"),
            ));
        }
    }
    found
}

/// Parses one YAML document into a tree; `Ok(None)` for a file with no document at all.
pub fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;

    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let mark = e.marker();
            let pos = Pos::new(mark.line(), mark.col() + 1);
            // The parser has a nesting limit of its own, which flow collections reach first.
            if e.info().contains("recursion limit") {
                return too_deep(pos);
            }
            YamlError::new(pos, format!("invalid YAML: {}", e.info()), None)
        })?;
        let pos = pos_of(&span);
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError::new(
                        pos,
                        "a definition file holds one YAML document, this is a second one",
                        Some("move the second type into a file of its own"),
                    ));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(YamlError::new(
                    pos,
                    "YAML aliases are not supported in definitions",
                    Some("write the value out in full instead of `*alias`"),
                ));
            }
            Event::Scalar(value, style, _, tag) => {
                let plain = matches!(style, ScalarStyle::Plain) && tag.is_none();
                if let Some(tag) = tag {
                    let is_str = tag.suffix == "str" && matches!(tag.handle.as_str(), "tag:yaml.org,2002:" | "!!");
                    if !is_str {
                        return Err(YamlError::new(
                            pos,
                            format!("YAML tag `{}{}` is not supported", tag.handle, tag.suffix),
                            Some("remove the tag; quote the value if it must stay text"),
                        ));
                    }
                }
                Node { kind: Kind::Scalar(Scalar { text: value.into_owned(), plain }), pos }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(pos));
                }
                let is_map = matches!(event, Event::MappingStart(..));
                stack.push(Frame { pos, is_map, items: Vec::new() });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = stack.pop().expect("the parser balances start and end events");
                frame.finish()
            }
        };
        match stack.last_mut() {
            Some(frame) => frame.items.push(node),
            None => root = Some(node),
        }
    }
    Ok(root)
}

fn too_deep(pos: Pos) -> YamlError {
    YamlError::new(
        pos,
        format!("nesting is deeper than {MAX_DEPTH} levels"),
        Some("definitions need only a few levels; check the indentation"),
    )
}

struct Frame {
    pos: Pos,
    is_map: bool,
    items: Vec<Node>,
}

impl Frame {
    fn finish(self) -> Node {
        let kind = if self.is_map {
            let mut entries = Vec::with_capacity(self.items.len() / 2);
            let mut items = self.items.into_iter();
            while let (Some(k), Some(v)) = (items.next(), items.next()) {
                entries.push((k, v));
            }
            Kind::Map(entries)
        } else {
            Kind::Seq(self.items)
        };
        Node { kind, pos: self.pos }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str, plain: bool) -> Scalar {
        Scalar { text: text.to_owned(), plain }
    }

    #[test]
    fn yaml_1_2_resolution() {
        for t in ["true", "False", "~", "null", "", "1", "-2", "1.10", "0x1F", "0o7", ".inf", "1e5"] {
            assert_ne!(scalar(t, true).resolve(), Resolved::Text, "{t:?}");
        }
        for t in ["on", "off", "yes", "no", "1.2.3", "0x", "e5", "-", "+1a", "ar-AE", "."] {
            assert_eq!(scalar(t, true).resolve(), Resolved::Text, "{t:?}");
        }
        assert_eq!(scalar("true", false).resolve(), Resolved::Text);
    }

    #[test]
    fn positions_are_one_based() {
        let root = parse("name: A\nproperties:\n  - name: b\n").unwrap().unwrap();
        let Kind::Map(entries) = root.kind else { panic!("not a map") };
        assert_eq!(entries[1].0.pos, Pos::new(2, 1));
        let Kind::Seq(items) = &entries[1].1.kind else { panic!("not a seq") };
        let Kind::Map(row) = &items[0].kind else { panic!("not a map") };
        assert_eq!(row[0].1.pos, Pos::new(3, 11));
    }

    #[test]
    fn aliases_and_depth_are_refused() {
        let err = parse("a: &x [1]\nb: *x\n").unwrap_err();
        assert_eq!(err.pos, Pos::new(2, 4));
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert!(parse(&deep).unwrap_err().message.contains("deeper than 32"));
    }

    #[test]
    fn tabs_are_found() {
        let errs = find_indent_tabs("name: A\n\t- x\n  \ty: 1\n");
        let places: Vec<_> = errs.iter().map(|e| e.pos).collect();
        assert_eq!(places, [Pos::new(2, 1), Pos::new(3, 3)]);
    }
}
