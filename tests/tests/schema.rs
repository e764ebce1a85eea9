//! `definitions/schema.json` describes the format: every shipped definition validates against
//! it, and definitions the generator rejects for their shape fail it too.

use modelgen::yaml::{self, Kind, Node, Resolved};
use serde_json::{Map, Number, Value};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ is in the workspace")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("definitions/schema.json")).expect("schema.json");
    let schema: Value = serde_json::from_str(&text).expect("schema.json is JSON");
    jsonschema::validator_for(&schema).expect("schema.json is a valid JSON Schema")
}

/// YAML as JSON, resolving plain scalars by the YAML 1.2 core schema, as an editor would.
fn to_json(node: &Node) -> Value {
    match &node.kind {
        Kind::Map(entries) => {
            let mut map = Map::new();
            for (k, v) in entries {
                let Kind::Scalar(key) = &k.kind else { panic!("definitions have text keys") };
                map.insert(key.text.clone(), to_json(v));
            }
            Value::Object(map)
        }
        Kind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        Kind::Scalar(s) => match s.resolve() {
            Resolved::Text => Value::String(s.text.clone()),
            Resolved::Null => Value::Null,
            Resolved::Bool(b) => Value::Bool(b),
            Resolved::Number => s
                .text
                .parse::<i64>()
                .map(Value::from)
                .ok()
                .or_else(|| s.text.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number))
                .unwrap_or_else(|| Value::String(s.text.clone())),
        },
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the folder exists") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn check(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let tree = yaml::parse(text).expect("the YAML parses").expect("a document");
    validator.iter_errors(&to_json(&tree)).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn every_shipped_definition_validates() {
    let validator = validator();
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in ["definitions", "tests/golden/definitions", "tests/edge/definitions"] {
        for file in yaml_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).expect("readable");
            for error in check(&validator, &text) {
                failures.push(format!("{}: {error}", file.display()));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 31 + 3, "only {checked} definitions were checked");
}

#[test]
fn shapes_the_generator_rejects_fail_the_schema_too() {
    let validator = validator();
    let bad = [
        ("a misspelled key", "name: A\nproperties:\n  - name: a\n    type: String\n    requried: true\n"),
        ("a flag that is not a boolean", "name: A\nproperties:\n  - name: a\n    type: String\n    required: maybe\n"),
        ("properties as a mapping", "name: A\nproperties:\n  a: String\n"),
        ("no properties and no enum", "name: A\n"),
        ("both properties and enum", "name: A\nproperties: []\nenum: [x]\n"),
        ("an unquoted boolean enum value", "name: A\nenum: [true, b]\n"),
        ("a row without a type", "name: A\nproperties:\n  - name: a\n"),
        ("an enum value mapping without rust", "name: A\nenum: [{value: x}]\n"),
    ];
    for (what, text) in bad {
        assert!(!check(&validator, text).is_empty(), "the schema accepts {what}");
    }
    let good = "name: A\nadditional_properties: true\nproperties:\n  - name: a\n    type: Array<B>\n";
    assert_eq!(check(&validator, good), Vec::<String>::new());
}
