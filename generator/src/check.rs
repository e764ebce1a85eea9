//! Checks across all definitions, and the decisions that turn them into a [`Catalog`].
//!
//! Every rule of "What the generator rejects" that needs more than one file, or a name decided,
//! lives here. Problems are collected, never returned early, so a run reports all of them.

use crate::diag::{excerpt, nearest, Diagnostic, Pos};
use crate::ir::{Catalog, EnumIr, FieldIr, RustType, StructIr, TypeIr, TypeKind, VariantIr};
use crate::model::{Body, Definition, EnumValue, Property, Spanned, TypeExpr};
use crate::naming;
use crate::types::BUILTIN_NAMES;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where a type name was declared.
#[derive(Clone)]
struct Declared {
    file: PathBuf,
    pos: Pos,
}

/// Checks the definitions together and decides every name, or reports every problem.
pub fn check(definitions: &[Definition]) -> Result<Catalog, Vec<Diagnostic>> {
    check_partial(definitions, &[])
}

/// [`check`] for a run where some files could not be read: `unread` are their stems, taken
/// as defined, so that a reference to one is not reported as a second, false, problem.
pub fn check_partial(definitions: &[Definition], unread: &[String]) -> Result<Catalog, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let defined = declare_types(definitions, &mut problems);
    let mut declared = defined.clone();
    for stem in unread {
        let place = Declared { file: PathBuf::new(), pos: Pos::default() };
        declared.entry(stem.clone()).or_insert(place);
    }
    let mut types = Vec::new();

    for def in definitions {
        match &def.body {
            Body::Model(model) => {
                let (ir, enums) = check_model(def, &model.properties, &declared, &mut problems);
                let Some(fields) = ir else { continue };
                types.extend(enums);
                types.push(TypeIr {
                    name: def.name.value.clone(),
                    module: String::new(),
                    file_stem: String::new(),
                    source: def.file.clone(),
                    area: def.area.clone(),
                    description: def.description.clone(),
                    kind: TypeKind::Struct(StructIr {
                        fields,
                        additional_properties: model.additional_properties,
                        case_insensitive: model.case_insensitive,
                        builder: naming::builder_name(&def.name.value),
                        eq: true,
                        hash: true,
                    }),
                });
            }
            Body::Enum(e) => {
                let variants = check_values(&def.file, &e.values, &mut problems);
                types.push(TypeIr {
                    name: def.name.value.clone(),
                    module: String::new(),
                    file_stem: String::new(),
                    source: def.file.clone(),
                    area: def.area.clone(),
                    description: def.description.clone(),
                    kind: TypeKind::Enum(EnumIr {
                        variants,
                        case_insensitive: e.case_insensitive,
                        from_property: None,
                    }),
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    types.sort_by(|a, b| a.name.cmp(&b.name));
    assign_modules(&mut types, &defined, &mut problems);
    place_boxes(&mut types);
    derive_traits(&mut types);
    if problems.is_empty() {
        Ok(Catalog { types })
    } else {
        Err(problems)
    }
}

/// Collects every type name — files, property enums, builders — and reports clashes.
fn declare_types(defs: &[Definition], problems: &mut Vec<Diagnostic>) -> BTreeMap<String, Declared> {
    let mut declared: BTreeMap<String, Declared> = BTreeMap::new();
    let mut declare = |name: &str, file: &Path, pos: Pos, what: &str, hint: &str,
                       problems: &mut Vec<Diagnostic>| {
        if let Some(first) = declared.get(name) {
            let d = Diagnostic::new(file, pos, format!("{what} `{name}` is already defined"))
                .with_related(&first.file, first.pos, format!("`{name}` is defined"))
                .with_hint(hint);
            problems.push(d);
        } else {
            declared.insert(name.to_owned(), Declared { file: file.to_path_buf(), pos });
        }
    };

    for def in defs {
        let name = &def.name;
        if !check_type_name(&def.file, name, problems) {
            continue;
        }
        if name.value != def.stem {
            problems.push(
                Diagnostic::new(&def.file, name.pos, format!(
                    "type `{}` is defined in a file named `{}.yaml`", excerpt(&name.value), excerpt(&def.stem)
                ))
                .with_hint(format!(
                    "rename the file to `{}.yaml`, or the type to `{}`", excerpt(&name.value), excerpt(&def.stem)
                )),
            );
        }
        let hint = "a type name is defined once in the whole definitions folder; rename one of \
                    the two, or remove the copy";
        declare(&name.value, &def.file, name.pos, "type", hint, problems);
    }

    for def in defs {
        let Body::Model(model) = &def.body else { continue };
        for prop in &model.properties {
            let Some(values) = &prop.enum_values else { continue };
            let (name, pos) = enum_type_name(&def.name.value, prop);
            if let Some(n) = &prop.enum_name {
                if !check_type_name(&def.file, n, problems) {
                    continue;
                }
            }
            let _ = values;
            let hint = format!("give this property's enum another name with `enum_name: {name}Value`");
            declare(&name, &def.file, pos, "enum type", &hint, problems);
        }
    }

    for def in defs {
        if !matches!(def.body, Body::Model(_)) {
            continue;
        }
        let builder = naming::builder_name(&def.name.value);
        if let Some(other) = declared.get(&builder) {
            problems.push(
                Diagnostic::new(&other.file, other.pos, format!(
                    "type `{builder}` has the name of the builder of model `{}`", def.name.value
                ))
                .with_related(&def.file, def.name.pos, format!("model `{}` is defined", def.name.value))
                .with_hint("rename one of the two types; builders are named `<Model>Builder`"),
            );
        }
    }
    declared
}

fn check_type_name(file: &Path, name: &Spanned<String>, problems: &mut Vec<Diagnostic>) -> bool {
    let n = name.value.as_str();
    let shown = excerpt(n);
    let message = if BUILTIN_NAMES.contains(&n) {
        Some((format!("`{n}` is a type of the notation and cannot name a definition"), format!("choose another name, such as `{n}Value`")))
    } else if naming::CRATE_ITEMS.contains(&n) {
        Some((format!("`{n}` is taken by the generated crate itself"), format!("choose another name, such as `{n}Model`")))
    } else if n == "Self" {
        Some((
            "`Self` is a Rust keyword and cannot name a type".to_owned(),
            "choose another name, such as `SelfModel`".to_owned(),
        ))
    } else if !naming::is_type_name(n) {
        Some((
            format!("`{shown}` is not a valid type name"),
            "type names start with an uppercase ASCII letter and use only ASCII letters and digits".to_owned(),
        ))
    } else {
        None
    };
    match message {
        Some((m, h)) => {
            problems.push(Diagnostic::new(file, name.pos, m).with_hint(h));
            false
        }
        None => true,
    }
}

fn enum_type_name(model: &str, prop: &Property) -> (String, Pos) {
    match &prop.enum_name {
        Some(n) => (n.value.clone(), n.pos),
        None => {
            let pos = prop.enum_values.as_ref().map(|v| v.pos).unwrap_or(prop.pos);
            (naming::property_enum_name(model, &prop.name.value), pos)
        }
    }
}

/// Checks a model's rows; returns its fields and the enums its rows make.
fn check_model(
    def: &Definition,
    properties: &[Property],
    declared: &BTreeMap<String, Declared>,
    problems: &mut Vec<Diagnostic>,
) -> (Option<Vec<FieldIr>>, Vec<TypeIr>) {
    let file = &def.file;
    let before = problems.len();
    let mut fields = Vec::with_capacity(properties.len());
    let mut enums = Vec::new();
    let mut names: BTreeMap<&str, Pos> = BTreeMap::new();
    let mut idents: BTreeMap<String, (Pos, &str)> = BTreeMap::new();
    let mut keys: BTreeMap<String, (Pos, &str)> = BTreeMap::new();
    let keeps_unknown = matches!(&def.body, Body::Model(m) if m.additional_properties);

    for prop in properties {
        let name = prop.name.value.as_str();
        if let Some(first) = names.get(name) {
            problems.push(
                Diagnostic::new(file, prop.name.pos, format!("property `{name}` is defined twice"))
                    .with_related(file, *first, "first defined"),
            );
            continue;
        }
        names.insert(name, prop.name.pos);

        let ident = field_ident(file, prop, problems);
        if let Some(ident) = &ident {
            let plain = ident.trim_start_matches("r#");
            if let Some((first, other)) = idents.get(plain) {
                problems.push(
                    Diagnostic::new(file, prop.name.pos, format!(
                        "property `{name}` has the Rust field name `{plain}`, as has `{other}`"
                    ))
                    .with_related(file, *first, format!("`{other}` is defined"))
                    .with_hint("give one of them another field name with `rust`"),
                );
            } else if keeps_unknown && plain == naming::ADDITIONAL_FIELD {
                problems.push(
                    Diagnostic::new(file, prop.name.pos, format!(
                        "property `{name}` takes the field `{}` that keeps unknown members",
                        naming::ADDITIONAL_FIELD
                    ))
                    .with_hint("give it another field name with `rust`, such as `rust: additional_properties_value`"),
                );
            } else if keeps_unknown && plain == naming::ADDITIONAL_SETTER {
                // The builder of a model that keeps unknown members adds them one at a time
                // with this method, which the field's setter would duplicate.
                problems.push(
                    Diagnostic::new(file, prop.name.pos, format!(
                        "property `{name}` would have the field `{plain}`, the name of the builder's \
                         method that adds unknown members"
                    ))
                    .with_hint(format!("give it another field name with `rust`, such as `rust: {plain}_value`")),
                );
            } else {
                idents.insert(plain.to_owned(), (prop.name.pos, name));
            }
        }

        let json = prop.json.as_ref().map(|j| j.value.clone()).unwrap_or_else(|| naming::default_json_key(name));
        let json_pos = prop.json.as_ref().map(|j| j.pos).unwrap_or(prop.name.pos);
        if let Some((first, other)) = keys.get(&json) {
            problems.push(
                Diagnostic::new(file, json_pos, format!("property `{name}` has the JSON key `{json}`, as has `{other}`"))
                    .with_related(file, *first, format!("`{other}` is defined"))
                    .with_hint("two rows cannot share a key on the wire; set `json` on one of them"),
            );
        } else {
            keys.insert(json.clone(), (json_pos, name));
        }

        let ty = match &prop.enum_values {
            Some(values) => {
                if prop.ty != TypeExpr::String {
                    problems.push(
                        Diagnostic::new(file, values.pos, format!(
                            "`enum` needs a property of type `String`, `{name}` is `{}`", prop.type_text.value
                        ))
                        .with_hint("allowed values describe strings; remove `enum` or change the type"),
                    );
                    continue;
                }
                let (enum_name, _) = enum_type_name(&def.name.value, prop);
                let variants = check_values(file, values, problems);
                enums.push(TypeIr {
                    name: enum_name.clone(),
                    module: String::new(),
                    file_stem: String::new(),
                    source: file.clone(),
                    area: def.area.clone(),
                    description: prop.description.clone(),
                    kind: TypeKind::Enum(EnumIr {
                        variants,
                        case_insensitive: prop.case_insensitive,
                        from_property: Some((def.name.value.clone(), name.to_owned())),
                    }),
                });
                Some(RustType::Named(enum_name))
            }
            None => rust_type(file, &prop.type_text, &prop.ty, declared, problems),
        };
        let (Some(ident), Some(ty)) = (ident, ty) else { continue };
        fields.push(FieldIr {
            ident,
            table_name: name.to_owned(),
            json,
            ty,
            required: prop.required,
            boxed: false,
            sensitive: prop.sensitive,
            description: prop.description.clone(),
        });
    }
    let ok = problems.len() == before;
    (ok.then_some(fields), enums)
}

fn field_ident(file: &Path, prop: &Property, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let ident = match &prop.rust {
        Some(rust) => {
            if !naming::is_identifier(&rust.value) {
                problems.push(
                    Diagnostic::new(file, rust.pos, format!("`rust: {}` is not a valid field name", excerpt(&rust.value)))
                        .with_hint("use ASCII letters, digits and `_`, not starting with a digit"),
                );
                return None;
            }
            if !naming::is_snake_case(&rust.value) {
                problems.push(
                    Diagnostic::new(file, rust.pos, format!("`rust: {}` is not a snake_case field name", rust.value))
                        .with_hint(format!(
                            "write it in lowercase words joined by single underscores, such as `rust: {}`",
                            naming::field_ident(&rust.value).trim_start_matches("r#")
                        )),
                );
                return None;
            }
            naming::user_field_ident(&rust.value)
        }
        None => {
            let ident = naming::field_ident(&prop.name.value);
            if ident == "_" {
                problems.push(
                    Diagnostic::new(file, prop.name.pos, format!(
                        "property `{}` has no letters or digits to make a field name", prop.name.value
                    ))
                    .with_hint("name the field with `rust`, such as `rust: value`"),
                );
                return None;
            }
            ident
        }
    };
    if ident.trim_start_matches("r#") == "build" {
        let pos = prop.rust.as_ref().map_or(prop.name.pos, |r| r.pos);
        problems.push(
            Diagnostic::new(file, pos, format!(
                "property `{}` would have the field `build`, the name of the builder's final method",
                prop.name.value
            ))
            .with_hint("give it another field name with `rust`, such as `rust: build_value`"),
        );
        return None;
    }
    Some(ident)
}

fn rust_type(
    file: &Path,
    text: &Spanned<String>,
    ty: &TypeExpr,
    declared: &BTreeMap<String, Declared>,
    problems: &mut Vec<Diagnostic>,
) -> Option<RustType> {
    Some(match ty {
        TypeExpr::String => RustType::String,
        TypeExpr::Integer => RustType::I64,
        TypeExpr::Float => RustType::F64,
        TypeExpr::Boolean => RustType::Bool,
        TypeExpr::Date => RustType::Date,
        TypeExpr::DateTime => RustType::DateTime,
        TypeExpr::LocalDateTime => RustType::LocalDateTime,
        TypeExpr::Object => RustType::Value,
        TypeExpr::Array(inner) => RustType::Vec(Box::new(rust_type(file, text, inner, declared, problems)?)),
        TypeExpr::Hash(inner) => RustType::Map(Box::new(rust_type(file, text, inner, declared, problems)?)),
        TypeExpr::Named(name) => {
            if declared.contains_key(name) {
                return Some(RustType::Named(name.clone()));
            }
            let offset = text.value.find(name.as_str()).unwrap_or(0);
            let pos = if text.value.contains('\n') { text.pos } else { Pos::new(text.pos.line, text.pos.column + offset) };
            let candidates = declared.keys().map(String::as_str).chain(BUILTIN_NAMES.iter().copied());
            let hint = nearest(name, candidates).map(|n| format!("did you mean `{n}`?")).unwrap_or_else(|| {
                "define it in a file of its own, or use a type of the notation such as `String` or `Object`".to_owned()
            });
            problems.push(Diagnostic::new(file, pos, format!("type `{}` is not defined", excerpt(name))).with_hint(hint));
            return None;
        }
    })
}

fn check_values(file: &Path, values: &Spanned<Vec<EnumValue>>, problems: &mut Vec<Diagnostic>) -> Vec<VariantIr> {
    if values.value.is_empty() {
        problems.push(
            Diagnostic::new(file, values.pos, "`enum` has no values")
                .with_hint("list the allowed values, or remove `enum` for a free-form string"),
        );
        return Vec::new();
    }
    let mut seen: BTreeMap<&str, Pos> = BTreeMap::new();
    let mut variants: BTreeMap<String, (Pos, &str)> = BTreeMap::new();
    let mut out = Vec::with_capacity(values.value.len());
    for v in &values.value {
        if let Some(first) = seen.get(v.value.as_str()) {
            problems.push(
                Diagnostic::new(file, v.pos, format!("enum value `{}` is listed twice", v.value))
                    .with_related(file, *first, "first listed"),
            );
            continue;
        }
        seen.insert(&v.value, v.pos);
        let ident = match &v.rust {
            Some(rust) => {
                if !naming::is_variant_name(&rust.value) {
                    let hint = match naming::variant_ident(&rust.value) {
                        Some(v) if naming::is_variant_name(&v) => format!("write it in UpperCamelCase, such as `rust: {v}`"),
                        _ => "use an UpperCamelCase ASCII name that is not a keyword".to_owned(),
                    };
                    problems.push(
                        Diagnostic::new(file, rust.pos, format!("`rust: {}` is not a valid variant name", excerpt(&rust.value)))
                            .with_hint(hint),
                    );
                    continue;
                }
                if rust.value == naming::UNKNOWN_VARIANT {
                    problems.push(
                        Diagnostic::new(file, rust.pos, format!("`rust: {}` is the variant that keeps unknown values", rust.value))
                            .with_hint("choose another variant name"),
                    );
                    continue;
                }
                rust.value.clone()
            }
            None => match naming::variant_ident(&v.value) {
                Some(ident) => ident,
                None => {
                    problems.push(
                        Diagnostic::new(file, v.pos, format!("enum value `{}` has no letters or digits to name a variant", v.value))
                            .with_hint(format!("name it: `{{value: \"{}\", rust: VariantName}}`", v.value)),
                    );
                    continue;
                }
            },
        };
        if let Some((first, other)) = variants.get(&ident) {
            problems.push(
                Diagnostic::new(file, v.pos, format!("enum values `{other}` and `{}` both become the variant `{ident}`", v.value))
                    .with_related(file, *first, format!("`{other}` is listed"))
                    .with_hint(format!("name one of them with `rust`: `{{value: \"{}\", rust: OtherName}}`", v.value)),
            );
            continue;
        }
        variants.insert(ident.clone(), (v.pos, &v.value));
        out.push(VariantIr { ident, value: v.value.clone() });
    }
    out
}

/// Gives every type its module; two types whose modules would share a file are refused.
fn assign_modules(types: &mut [TypeIr], declared: &BTreeMap<String, Declared>, problems: &mut Vec<Diagnostic>) {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let reserved = ["lib", "support"];
    let place = |t: &TypeIr| declared.get(&t.name).map_or(Pos::new(1, 1), |d| d.pos);
    for t in types.iter_mut() {
        let (module, stem) = naming::module_name(&t.name);
        if reserved.contains(&stem.as_str()) {
            problems.push(Diagnostic::new(&t.source, place(t), format!(
                "type `{}` would be generated into `{stem}.rs`, a file the crate keeps for itself", t.name
            )).with_hint("choose another type name"));
        } else if let Some((other, first)) = files.get(&stem).and_then(|o| Some((o, declared.get(o)?))) {
            problems.push(
                Diagnostic::new(&t.source, place(t), format!(
                    "types `{other}` and `{}` would both be generated into `{stem}.rs`", t.name
                ))
                .with_related(&first.file, first.pos, format!("`{other}` is defined"))
                .with_hint("type names must differ in more than letter case"),
            );
        } else {
            files.insert(stem.clone(), t.name.clone());
        }
        t.module = module;
        t.file_stem = stem;
    }
}

/// Boxes every by-value field whose type is in the same strongly connected component of the
/// by-value graph as the model holding it: exactly the edges a cycle needs, decided by the
/// component alone, so an unrelated new model never moves a `Box`.
fn place_boxes(types: &mut [TypeIr]) {
    let index: BTreeMap<String, usize> = types.iter().enumerate().map(|(i, t)| (t.name.clone(), i)).collect();
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .filter_map(|f| match &f.ty {
                    RustType::Named(n) => index.get(n).copied(),
                    _ => None,
                })
                .collect(),
            TypeKind::Enum(_) => Vec::new(),
        })
        .collect();
    let component = strongly_connected(&edges);
    for i in 0..types.len() {
        let own = component[i];
        if let TypeKind::Struct(s) = &mut types[i].kind {
            for f in &mut s.fields {
                if let RustType::Named(n) = &f.ty {
                    f.boxed = index.get(n).is_some_and(|&j| component[j] == own);
                }
            }
        }
    }
}

/// Tarjan's algorithm, iterative so deep chains of models cannot overflow the stack.
pub(crate) fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next = 0;
    let mut components = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if *child == 0 && order[v] == UNSEEN {
                order[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*child) {
                *child += 1;
                if order[w] == UNSEEN {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == order[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = components;
                    if w == v {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

/// Decides `Eq` and `Hash` for every struct: the greatest fixpoint, so recursion does not
/// block a derive that every field supports.
fn derive_traits(types: &mut [TypeIr]) {
    let index: BTreeMap<String, usize> =
        types.iter().enumerate().map(|(i, t)| (t.name.clone(), i)).collect();
    loop {
        let mut changed = false;
        for i in 0..types.len() {
            let TypeKind::Struct(s) = &types[i].kind else { continue };
            let eq = s.eq && s.fields.iter().all(|f| supports(&f.ty, types, &index, |s| s.eq));
            let hash = s.hash
                && eq
                && !s.additional_properties
                && s.fields.iter().all(|f| supports(&f.ty, types, &index, |s| s.hash));
            if let TypeKind::Struct(s) = &mut types[i].kind {
                changed |= s.eq != eq || s.hash != hash;
                s.eq = eq;
                s.hash = hash;
            }
        }
        if !changed {
            break;
        }
    }
}

fn supports(ty: &RustType, types: &[TypeIr], index: &BTreeMap<String, usize>, pick: fn(&StructIr) -> bool) -> bool {
    match ty {
        RustType::F64 => false,
        RustType::Vec(t) | RustType::Map(t) => supports(t, types, index, pick),
        RustType::Named(n) => match index.get(n).map(|&i| &types[i].kind) {
            Some(TypeKind::Struct(s)) => pick(s),
            _ => true,
        },
        _ => true,
    }
}
