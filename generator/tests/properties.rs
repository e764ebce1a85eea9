//! Random valid definition sets always generate, and every generated file parses with syn.
//!
//! The sets are valid by construction: distinct type names (many of them names of std and
//! the prelude), rows whose names, field names and JSON keys differ, types that nest and refer
//! to any type of the set (so recursion through fields, lists and maps is common), and enums
//! whose values make distinct variants. The definitions go through the YAML reader as text.

use modelgen::{check, emit, naming, read};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

const TYPE_NAMES: &[&str] = &[
    "Option", "Result", "Box", "Vec", "Default", "Value", "Duration", "Error", "Type", "Crate",
    "Gen", "Key", "Visitor", "Builder", "Some", "None", "Std", "Serde", "ADFS", "A1", "Number",
];
const ROW_NAMES: &[&str] = &[
    "self", "Self", "type", "ref", "crate", "super", "gen", "match", "builder", "default",
    "value", "map", "key", "id", "user_name", "userName", "$ref", "auth-token", "issuerURI", "A1",
    "1st", "naïve", "some", "none", "f0", "private", "field_index", "new", "into",
];
const VALUES: &[&str] = &[
    "a", "b", "ar-AE", "dnc.com", "1", "image/png", "Self", "unknown", "Unknown", "None", "",
    "work", "Work", "+1", "Some", "Err", "Ok", "cr\r", "lf\n", "nul\0", "tab\t",
];
const DOCS: &[&str] = &[
    "", "Plain words.", "A [link] and [another](not a url).", "<b>bold</b> &quot;quoted&quot;",
    "`code` and ```fences```", "* a list\n* of items", "# not a heading", "tab\there", "\\ back",
    "carriage\rreturn", "crlf\r\nline", "bell\u{7}",
];
const SCALARS: &[&str] = &[
    "String", "Integer", "Long", "Float", "Double", "BOOLEAN", "Boolean", "Date", "DateTime",
    "LocalDateTime", "Object",
];

/// One row, with indices into the set's types that its type may name.
#[derive(Clone, Debug)]
struct Row {
    name: usize,
    ty: Ty,
    required: bool,
    sensitive: bool,
    doc: usize,
    json: Option<String>,
    values: Option<Vec<usize>>,
}

#[derive(Clone, Debug)]
enum Ty {
    Scalar(usize),
    Named(usize),
    Array(Box<Ty>),
    Hash(Box<Ty>),
}

#[derive(Clone, Debug)]
struct Model {
    rows: Vec<Row>,
    keeps_unknown: bool,
    case_insensitive: bool,
}

fn ty() -> impl Strategy<Value = Ty> {
    let leaf = prop_oneof![(0..SCALARS.len()).prop_map(Ty::Scalar), (0..8usize).prop_map(Ty::Named)];
    leaf.prop_recursive(3, 8, 1, |inner| {
        prop_oneof![inner.clone().prop_map(|t| Ty::Array(Box::new(t))), inner.prop_map(|t| Ty::Hash(Box::new(t)))]
    })
}

fn row() -> impl Strategy<Value = Row> {
    let json = proptest::option::weighted(0.2, "[a-zA-Z$:. \r\n\0-]{0,12}");
    let values = proptest::option::weighted(0.2, proptest::collection::vec(0..VALUES.len(), 1..6));
    (0..ROW_NAMES.len(), ty(), any::<bool>(), any::<bool>(), 0..DOCS.len(), json, values).prop_map(
        |(name, ty, required, sensitive, doc, json, values)| Row { name, ty, required, sensitive, doc, json, values },
    )
}

fn model() -> impl Strategy<Value = Model> {
    (proptest::collection::vec(row(), 0..8), any::<bool>(), any::<bool>())
        .prop_map(|(rows, keeps_unknown, case_insensitive)| Model { rows, keeps_unknown, case_insensitive })
}

/// The set: models, then enum files, each with a distinct type name.
fn set() -> impl Strategy<Value = (Vec<Model>, Vec<Vec<usize>>, Vec<usize>)> {
    let models = proptest::collection::vec(model(), 1..6);
    let enums = proptest::collection::vec(proptest::collection::vec(0..VALUES.len(), 1..6), 0..3);
    let names = Just((0..TYPE_NAMES.len()).collect::<Vec<_>>()).prop_shuffle();
    (models, enums, names)
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// The distinct values of an enum, by the variant they make.
fn values_yaml(values: &[usize]) -> String {
    let mut variants = BTreeSet::new();
    let kept: Vec<String> = values
        .iter()
        .map(|&i| VALUES[i])
        .filter(|v| naming::variant_ident(v).is_some_and(|ident| variants.insert(ident)))
        .map(quoted)
        .collect();
    format!("[{}]", kept.join(", "))
}

fn type_text(ty: &Ty, names: &[String]) -> String {
    match ty {
        Ty::Scalar(i) => SCALARS[*i].to_owned(),
        Ty::Named(i) => names[i % names.len()].clone(),
        Ty::Array(t) => format!("Array<{}>", type_text(t, names)),
        Ty::Hash(t) => format!("Hash< String ,{}>", type_text(t, names)),
    }
}

/// The YAML text of every file, named as the reader expects.
fn files(models: &[Model], enums: &[Vec<usize>], order: &[usize]) -> Vec<(String, String)> {
    let count = models.len() + enums.len();
    let names: Vec<String> = order.iter().take(count).map(|&i| TYPE_NAMES[i].to_owned()).collect();
    let mut out = Vec::new();
    for (m, model) in models.iter().enumerate() {
        let mut text = format!("name: {}\n", names[m]);
        text.push_str(&format!("additional_properties: {}\n", model.keeps_unknown));
        text.push_str(&format!("case_insensitive: {}\nproperties:\n", model.case_insensitive));
        let (mut idents, mut keys) = (BTreeSet::new(), BTreeSet::new());
        for (r, row) in model.rows.iter().enumerate() {
            let name = ROW_NAMES[row.name];
            let ident = naming::field_ident(name).trim_start_matches("r#").to_owned();
            let key = row.json.clone().unwrap_or_else(|| naming::default_json_key(name));
            let taken = ["build", "additional_property", "additional_properties"].contains(&ident.as_str());
            if taken || !idents.insert(ident) || !keys.insert(key.clone()) {
                continue;
            }
            let mut line = format!("  - {{name: {}, required: {}, sensitive: {}", quoted(name), row.required, row.sensitive);
            line.push_str(&format!(", description: {}", quoted(DOCS[row.doc])));
            if row.json.is_some() {
                line.push_str(&format!(", json: {}", quoted(&key)));
            }
            match &row.values {
                Some(values) => line.push_str(&format!(
                    ", type: String, enum: {}, enum_name: {}Row{r}",
                    values_yaml(values),
                    names[m]
                )),
                None => line.push_str(&format!(", type: {}", quoted(&type_text(&row.ty, &names)))),
            }
            text.push_str(&line);
            text.push_str("}\n");
        }
        if idents.is_empty() {
            text = text.replace("properties:\n", "properties: []\n");
        }
        out.push((format!("{}.yaml", names[m]), text));
    }
    for (e, values) in enums.iter().enumerate() {
        let name = &names[models.len() + e];
        out.push((format!("enums/{name}.yaml"), format!("name: {name}\nenum: {}\n", values_yaml(values))));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn valid_definitions_always_generate_parsable_rust((models, enums, order) in set()) {
        let mut definitions = Vec::new();
        for (path, text) in files(&models, &enums, &order) {
            let path = Path::new("definitions").join(path);
            let area = if path.starts_with("definitions/enums") { vec!["enums".to_owned()] } else { Vec::new() };
            match read::parse_definition(&path, area, &text) {
                Ok(d) => definitions.push(d),
                Err(p) => panic!("{text}\n{p:?}"),
            }
        }
        let catalog = check::check(&definitions).unwrap_or_else(|p| panic!("{p:#?}"));
        let spec = modelgen::Options::new("definitions", "out", "random-models").spec;
        let generated = emit::emit(&catalog, &spec).unwrap_or_else(|e| panic!("{e}"));
        for file in generated.iter().filter(|f| f.path.extension().is_some_and(|e| e == "rs")) {
            if let Err(e) = syn::parse_file(&file.contents) {
                panic!("{} does not parse: {e}\n{}", file.path.display(), file.contents);
            }
        }
    }
}
