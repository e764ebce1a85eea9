//! A draft as YAML text, in the style of the shipped definitions.
//!
//! Every text value is double-quoted and escaped, so any string reads back as written: the
//! generator's YAML 1.2 reader then never takes a value for a boolean, number or comment.

use super::draft::{Draft, DraftRow, DraftValue};
use super::text::encode;
use std::fmt::Write as _;

/// The definition file's text; `page` names the page it came from in the first line.
pub fn render(draft: &Draft, page: &str) -> String {
    let mut out = String::new();
    let page: String = page
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    let _ = writeln!(
        out,
        "# {}: imported from the reference page {page} by `cargo xtask import`.",
        draft.name
    );
    let _ = writeln!(out, "name: {}", quote(&draft.name));
    if let Some(description) = &draft.description {
        let _ = writeln!(out, "description: {}", quote(&encode(description)));
    }
    if draft.additional_properties {
        out.push_str("additional_properties: true\n");
    }
    if draft.case_insensitive {
        out.push_str("case_insensitive: true\n");
    }
    if draft.rows.is_empty() {
        out.push_str("properties: []\n");
        return out;
    }

    out.push_str("properties:\n");
    for row in &draft.rows {
        write_row(&mut out, row);
    }
    out
}

fn write_row(out: &mut String, row: &DraftRow) {
    let _ = writeln!(out, "  - name: {}", quote(&row.name));
    let _ = writeln!(out, "    type: {}", quote(&row.type_text));
    if let Some(description) = &row.description {
        let _ = writeln!(out, "    description: {}", quote(&encode(description)));
    }
    if row.required {
        out.push_str("    required: true\n");
    }
    if let Some(json) = &row.json {
        let _ = writeln!(out, "    json: {}", quote(json));
    }
    if let Some(rust) = &row.rust {
        let _ = writeln!(out, "    rust: {}", quote(rust));
    }
    if let Some(values) = &row.enum_values {
        let items: Vec<String> = values.iter().map(enum_value).collect();
        let _ = writeln!(out, "    enum: [{}]", items.join(", "));
    }
    if let Some(name) = &row.enum_name {
        let _ = writeln!(out, "    enum_name: {}", quote(name));
    }
    if row.case_insensitive {
        out.push_str("    case_insensitive: true\n");
    }
    if row.sensitive {
        out.push_str("    sensitive: true\n");
    }
}

fn enum_value(v: &DraftValue) -> String {
    match &v.rust {
        Some(rust) => format!("{{value: {}, rust: {}}}", quote(&v.value), quote(rust)),
        None => quote(&v.value),
    }
}

/// A YAML double-quoted scalar holding exactly `text`, on one line.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters YAML does not allow as they are, or that some readers take for line breaks.
fn needs_escape(c: char) -> bool {
    c < ' '
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Definition};
    use crate::read::parse_definition;
    use std::path::Path;

    fn row(name: &str, description: Option<&str>) -> DraftRow {
        DraftRow {
            name: name.to_owned(),
            type_text: "String".to_owned(),
            description: description.map(str::to_owned),
            required: false,
            json: None,
            rust: None,
            enum_values: None,
            enum_name: None,
            case_insensitive: false,
            sensitive: false,
        }
    }

    fn read(text: &str) -> Definition {
        match parse_definition(Path::new("M.yaml"), Vec::new(), text) {
            Ok(d) => d,
            Err(e) => panic!("does not read back: {e:?}\n{text}"),
        }
    }

    const HARD: &[&str] = &[
        "say \"hi\"",
        r"C:\path\",
        "key: value",
        "a # not a comment",
        "#start",
        "two\nlines",
        "  leading and trailing  ",
        "ünïcødé ✓ 😀",
        "a literal &lt; and &amp;",
        "tab\there",
        "- dash",
        "[flow]",
        "{map}",
        "*alias",
        "&anchor",
        "!tag",
        "|pipe",
        ">fold",
        "%dir",
        "@at",
        "`tick`",
        "true",
        "null",
        "~",
        "1.10",
        "0x1F",
        "",
        "nul\u{0}bel\u{7}",
        "nel\u{85}ls\u{2028}ps\u{2029}bom\u{feff}",
        "del\u{7f}",
        "'single'",
        "\r\n",
    ];

    #[test]
    fn every_text_reads_back() {
        for text in HARD {
            let draft = Draft {
                name: "M".to_owned(),
                description: Some((*text).to_owned()),
                additional_properties: false,
                case_insensitive: false,
                rows: vec![row(&format!("p{}", text.len()), Some(text))],
            };
            let yaml = render(&draft, "M.md");
            let def = read(&yaml);
            assert!(
                super::super::draft::reads_back(&draft, &def),
                "{text:?}\n{yaml}"
            );
            let Body::Model(model) = &def.body else {
                panic!("a model")
            };
            let json = quote(text);
            let with_json = yaml.replace("    type:", &format!("    json: {json}\n    type:"));
            let Body::Model(again) = read(&with_json).body else {
                panic!("a model")
            };
            assert_eq!(
                again.properties[0].json.as_ref().map(|j| j.value.as_str()),
                Some(*text)
            );
            assert_eq!(model.properties.len(), 1);
        }
    }

    #[test]
    fn the_shape_matches_the_shipped_files() {
        let mut op = row("op", Some("The operation."));
        op.required = true;
        op.enum_values = Some(vec![
            DraftValue {
                value: "add".into(),
                rust: None,
            },
            DraftValue {
                value: "+1".into(),
                rust: Some("PlusOne".into()),
            },
        ]);
        op.case_insensitive = true;
        let mut reference = row("ref", None);
        reference.json = Some("$ref".into());
        let draft = Draft {
            name: "M".into(),
            description: Some("A \"model\".".into()),
            additional_properties: true,
            case_insensitive: true,
            rows: vec![op, reference],
        };
        let expected = "\
# M: imported from the reference page M.md by `cargo xtask import`.
name: \"M\"
description: \"A \\\"model\\\".\"
additional_properties: true
case_insensitive: true
properties:
  - name: \"op\"
    type: \"String\"
    description: \"The operation.\"
    required: true
    enum: [\"add\", {value: \"+1\", rust: \"PlusOne\"}]
    case_insensitive: true
  - name: \"ref\"
    type: \"String\"
    json: \"$ref\"
";
        assert_eq!(render(&draft, "M.md"), expected);
        assert!(super::super::draft::reads_back(&draft, &read(expected)));
    }

    #[test]
    fn a_model_without_rows_has_an_empty_list() {
        let draft = Draft {
            name: "Empty".into(),
            description: None,
            additional_properties: false,
            case_insensitive: false,
            rows: Vec::new(),
        };
        let text = render(&draft, "Empty\n.md");
        assert!(text.starts_with("# Empty: imported from the reference page Empty\u{fffd}.md by"));
        assert!(text.ends_with("name: \"Empty\"\nproperties: []\n"));
    }
}
