//! The files around the types: `Cargo.toml`, `lib.rs` and the support module, for one crate
//! or for a catalogue split into one crate per area behind a facade.

use super::{docs, format, header, types, CrateSpec, EmitError, GeneratedFile, MARKER};
use crate::diag::{Diagnostic, Pos};
use crate::ir::{Catalog, RustType, TypeIr, TypeKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

const SUPPORT: &str = include_str!("../../templates/support.rs");
const SUPPORT_DATES: &str = include_str!("../../templates/support_dates.rs");

/// Where each type goes: the one crate, or the crate of its area.
pub struct Layout {
    /// Area key (the definition subfolders joined with `-`) to its crate, when split.
    areas: BTreeMap<String, Area>,
    split: bool,
}

/// One area crate of a split catalogue.
struct Area {
    /// The area's name, used for its folder and its cargo feature.
    name: String,
    /// The package name.
    package: String,
    /// The other areas its types refer to.
    uses: BTreeSet<String>,
    /// Its types, by index into the catalogue.
    types: Vec<usize>,
}

/// The name of an area: its subfolders, lowercase, joined with `-`; `root` for none.
fn area_name(area: &[String]) -> String {
    if area.is_empty() {
        return "root".to_owned();
    }
    let joined = area.join("-").to_ascii_lowercase();
    joined.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// Every generated type a field type names, including inside lists and maps.
fn named(ty: &RustType) -> Option<&str> {
    match ty {
        RustType::Named(n) => Some(n),
        RustType::Vec(t) | RustType::Map(t) => named(t),
        _ => None,
    }
}

/// For each type, the types its fields name.
fn references(t: &TypeIr) -> Vec<&str> {
    match &t.kind {
        TypeKind::Struct(s) => s.fields.iter().filter_map(|f| named(&f.ty)).collect(),
        TypeKind::Enum(_) => Vec::new(),
    }
}

impl Layout {
    pub fn new(catalog: &Catalog, spec: &CrateSpec) -> Self {
        let mut areas: BTreeMap<String, Area> = BTreeMap::new();
        if !spec.split_areas {
            return Layout { areas, split: false };
        }
        let area_of: BTreeMap<&str, String> =
            catalog.types.iter().map(|t| (t.name.as_str(), area_name(&t.area))).collect();
        for (i, t) in catalog.types.iter().enumerate() {
            let name = area_name(&t.area);
            let area = areas.entry(name.clone()).or_insert_with(|| Area {
                package: format!("{}-{name}", spec.name),
                name: name.clone(),
                uses: BTreeSet::new(),
                types: Vec::new(),
            });
            area.types.push(i);
            for other in references(t).into_iter().filter_map(|r| area_of.get(r)) {
                if *other != name {
                    area.uses.insert(other.clone());
                }
            }
        }
        Layout { areas, split: true }
    }

    /// The folder of the crate that holds `t`, relative to the output folder.
    pub fn dir_of(&self, t: &TypeIr) -> PathBuf {
        if self.split {
            PathBuf::from("areas").join(area_name(&t.area))
        } else {
            PathBuf::new()
        }
    }
}

/// Areas that refer to each other in a circle: cargo builds crates in an order, so a split
/// catalogue needs the areas' references to form no circle.
pub fn area_cycles(catalog: &Catalog) -> Vec<Diagnostic> {
    let area_of: BTreeMap<&str, String> =
        catalog.types.iter().map(|t| (t.name.as_str(), area_name(&t.area))).collect();
    let mut edges: BTreeMap<String, BTreeMap<String, (&TypeIr, String)>> = BTreeMap::new();
    for t in &catalog.types {
        let from = area_name(&t.area);
        for r in references(t) {
            if let Some(to) = area_of.get(r).filter(|to| **to != from) {
                edges.entry(from.clone()).or_default().entry(to.clone()).or_insert((t, r.to_owned()));
            }
        }
    }
    let mut problems = Vec::new();
    for (from, targets) in &edges {
        for (to, (t, r)) in targets {
            let back = edges.get(to).and_then(|e| reaches(&edges, e, from, &mut BTreeSet::new()));
            if from < to && back.is_some() {
                problems.push(
                    Diagnostic::new(&t.source, Pos::new(1, 1), format!(
                        "area `{from}` refers to area `{to}` (`{}` uses `{r}`), and `{to}` refers back \
                         to `{from}`: the crates of a split catalogue cannot refer to each other in a circle",
                        t.name
                    ))
                    .with_hint("move the types that refer to each other into one area, or generate without `--split`"),
                );
            }
        }
    }
    problems
}

fn reaches(
    edges: &BTreeMap<String, BTreeMap<String, (&TypeIr, String)>>,
    from: &BTreeMap<String, (&TypeIr, String)>,
    goal: &str,
    seen: &mut BTreeSet<String>,
) -> Option<()> {
    for next in from.keys() {
        if next == goal {
            return Some(());
        }
        if seen.insert(next.clone()) {
            if let Some(more) = edges.get(next) {
                if reaches(edges, more, goal, seen).is_some() {
                    return Some(());
                }
            }
        }
    }
    None
}

/// Every file but the types' own.
pub fn crate_files(catalog: &Catalog, spec: &CrateSpec, layout: &Layout) -> Result<Vec<GeneratedFile>, EmitError> {
    let dates = uses_chrono(catalog.types.iter());
    if !layout.split {
        return Ok(vec![
            file("Cargo.toml", single_manifest(spec, dates)),
            file("src/lib.rs", single_lib(catalog, spec)?),
            file("src/support.rs", support(spec, dates, false)),
        ]);
    }
    let mut files = vec![
        file("Cargo.toml", facade_manifest(spec, layout)),
        file("src/lib.rs", facade_lib(catalog, spec, layout)?),
        file("support/Cargo.toml", support_manifest(spec, dates)),
        file("support/src/lib.rs", support(spec, dates, true)),
    ];
    for area in layout.areas.values() {
        let dir = PathBuf::from("areas").join(&area.name);
        let types: Vec<&TypeIr> = area.types.iter().map(|&i| &catalog.types[i]).collect();
        let manifest = area_manifest(spec, layout, area, uses_chrono(types.iter().copied()));
        files.push(GeneratedFile { path: dir.join("Cargo.toml"), contents: manifest });
        files.push(GeneratedFile { path: dir.join("src/lib.rs"), contents: area_lib(spec, layout, area, &types)? });
    }
    Ok(files)
}

fn file(path: &str, contents: String) -> GeneratedFile {
    GeneratedFile { path: path.into(), contents }
}

fn uses_chrono<'a>(mut types: impl Iterator<Item = &'a TypeIr>) -> bool {
    types.any(|t| match &t.kind {
        TypeKind::Struct(s) => s.fields.iter().any(|f| f.ty.uses_chrono()),
        TypeKind::Enum(_) => false,
    })
}

fn support(spec: &CrateSpec, dates: bool, own_crate: bool) -> String {
    let header = header(spec, "modelgen's templates/support.rs");
    let code = SUPPORT.replace("    // @dates\n", if dates { SUPPORT_DATES } else { "" });
    let attrs = if own_crate { "#![forbid(unsafe_code)]\n#![warn(missing_docs)]\n" } else { "" };
    match code.split_once("\n\n") {
        Some((doc, rest)) if own_crate => format!("{header}\n{doc}\n{attrs}\n{rest}"),
        _ => format!("{header}\n{code}"),
    }
}

/// The `mod` and `pub use` lines of a crate's types.
fn modules<'a>(types: impl Iterator<Item = &'a TypeIr>) -> TokenStream {
    let mods = types.map(|t| {
        let module = types::ident(&t.module);
        let name = format_ident!("{}", t.name);
        let builder = match &t.kind {
            TypeKind::Struct(s) => {
                let b = format_ident!("{}", s.builder);
                quote!(, #b)
            }
            TypeKind::Enum(_) => quote!(),
        };
        quote! {
            mod #module;
            pub use self::#module::{#name #builder};
        }
    });
    quote!(#(#mods)*)
}

fn doc_attrs(lines: &[String]) -> TokenStream {
    let page = lines.iter().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") });
    quote!(#( #![doc = #page] )*)
}

/// The crate page: what the crate is, an example, and how to regenerate it.
fn crate_page(catalog: &Catalog, spec: &CrateSpec, areas: Option<&Layout>) -> Vec<String> {
    let models = catalog.types.iter().filter(|t| matches!(t.kind, TypeKind::Struct(_))).count();
    let enums = catalog.types.len() - models;
    let prose = |text: &str| docs::wrap(&[text.to_owned()]);
    let mut page = vec![format!("# {}", spec.name), String::new()];
    page.extend(docs::wrap(&docs::markdown(&spec.about)));
    page.push(String::new());
    page.extend(prose(&format!(
        "It holds {models} models and {enums} enums, every one at the crate root. Models are \
         structs with public fields, read and written with serde, and built with a builder:"
    )));
    page.push(String::new());
    page.extend(example(catalog, spec));
    page.extend(prose(
        "Enums keep any value they do not list in their `Unknown` variant, and models marked so \
         keep unknown JSON members in `additional_properties`, so nothing a server sends is lost \
         on the way back.",
    ));
    if let Some(layout) = areas {
        let names: Vec<String> = layout.areas.keys().map(|a| format!("`{a}`")).collect();
        page.push(String::new());
        page.extend(prose(&format!(
            "The types live in one crate per area, which cargo builds in parallel; each area is \
             a cargo feature, all on by default. To compile only some, depend on this crate with \
             `default-features = false` and name the areas you use (an area turns on the areas \
             its types refer to). The areas: {}.",
            names.join(", ")
        )));
    }
    page.extend([String::new(), "# Regenerating".to_owned(), String::new()]);
    page.extend(prose(&format!(
        "Every file of this crate is generated from the YAML definitions in `{}` by `{}`; edit \
         the definitions, never these files, and run the command again. `{} --check` tells \
         whether the files are up to date.",
        spec.definitions, spec.command, spec.command
    )));
    page
}

/// A doctest on the crate page, with the first model that has no required field, so that the
/// example compiles for any catalogue.
fn example(catalog: &Catalog, spec: &CrateSpec) -> Vec<String> {
    let Some(model) = catalog.types.iter().find(|t| matches!(&t.kind, TypeKind::Struct(s) if s.default()))
    else {
        return Vec::new();
    };
    let krate = spec.name.replace('-', "_");
    let name = &model.name;
    vec![
        "```".to_owned(),
        format!("use {krate}::{{from_json_str, {name}}};"),
        String::new(),
        format!("let read: {name} = from_json_str(\"{{}}\").expect(\"every field is optional\");"),
        format!("let built = {name}::builder().build();"),
        "assert_eq!(read, built);".to_owned(),
        "assert_eq!(serde_json::to_string(&built).unwrap(), \"{}\");".to_owned(),
        "```".to_owned(),
        String::new(),
    ]
}

fn single_lib(catalog: &Catalog, spec: &CrateSpec) -> Result<String, EmitError> {
    let page = doc_attrs(&crate_page(catalog, spec, None));
    let mods = modules(catalog.types.iter());
    let tokens = quote! {
        #page
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        mod support;
        pub use self::support::{from_json_slice, from_json_str, BuildError, JsonError};
        #[doc(hidden)]
        pub use self::support::__private;

        #mods
    };
    let code = format("lib.rs", tokens)?;
    Ok(format!("{}\n{code}", header(spec, &format!("{}/", spec.definitions))))
}

fn lib_name(package: &str) -> proc_macro2::Ident {
    format_ident!("{}", package.replace('-', "_"))
}

fn facade_lib(catalog: &Catalog, spec: &CrateSpec, layout: &Layout) -> Result<String, EmitError> {
    let page = doc_attrs(&crate_page(catalog, spec, Some(layout)));
    let support = lib_name(&format!("{}-support", spec.name));
    let areas = layout.areas.values().map(|a| {
        let feature = &a.name;
        let krate = lib_name(&a.package);
        quote! {
            #[cfg(feature = #feature)]
            pub use ::#krate::*;
        }
    });
    let tokens = quote! {
        #page
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        pub use ::#support::{from_json_slice, from_json_str, BuildError, JsonError};

        #(#areas)*
    };
    let code = format("lib.rs", tokens)?;
    Ok(format!("{}\n{code}", header(spec, &format!("{}/", spec.definitions))))
}

fn area_lib(spec: &CrateSpec, layout: &Layout, area: &Area, types: &[&TypeIr]) -> Result<String, EmitError> {
    let lines = docs::wrap(&[format!(
        "The `{}` area of `{}`: {} types. Use it through the `{}` crate, which re-exports \
         every area's types at its root.",
        area.name,
        spec.name,
        types.len(),
        spec.name
    )]);
    let page = doc_attrs(&lines);
    let support = lib_name(&format!("{}-support", spec.name));
    let uses = area.uses.iter().filter_map(|u| layout.areas.get(u)).map(|u| {
        let krate = lib_name(&u.package);
        quote!(use ::#krate::*;)
    });
    let mods = modules(types.iter().copied());
    let tokens = quote! {
        #page
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        use ::#support as support;
        #(#uses)*

        #mods
    };
    let code = format("lib.rs", tokens)?;
    Ok(format!("{}\n{code}", header(spec, &format!("{}/", spec.definitions))))
}

fn package(out: &mut String, spec: &CrateSpec, name: &str, description: &str) {
    let _ = writeln!(out, "# {MARKER} from {}/ (`{}`). Do not edit.", spec.definitions, spec.command);
    let _ = writeln!(out, "[package]");
    let _ = writeln!(out, "name = {name:?}");
    let _ = writeln!(out, "version = {:?}", spec.version);
    let _ = writeln!(out, "edition = \"2021\"");
    let _ = writeln!(out, "rust-version = \"1.85\"");
    let _ = writeln!(out, "license = \"MIT OR Apache-2.0\"");
    let _ = writeln!(out, "description = {description:?}");
    let _ = writeln!(out, "publish = false");
    let _ = writeln!(out);
    let _ = writeln!(out, "[dependencies]");
}

fn runtime_deps(out: &mut String, dates: bool, path_to_error: bool) {
    if dates {
        let _ = writeln!(
            out,
            "chrono = {{ version = \"0.4.38\", default-features = false, features = [\"serde\", \"std\"] }}"
        );
    }
    let _ = writeln!(out, "indexmap = {{ version = \"2.2\", features = [\"serde\"] }}");
    let _ = writeln!(out, "serde = {{ version = \"1.0.200\", default-features = false, features = [\"std\"] }}");
    let _ = writeln!(out, "serde_json = \"1.0.120\"");
    if path_to_error {
        let _ = writeln!(out, "serde_path_to_error = \"0.1.16\"");
    }
}

fn single_manifest(spec: &CrateSpec, dates: bool) -> String {
    let mut out = String::new();
    package(&mut out, spec, &spec.name, &spec.description);
    runtime_deps(&mut out, dates, true);
    if spec.standalone {
        let _ = writeln!(out);
        let _ = writeln!(out, "[workspace]");
    }
    out
}

fn support_manifest(spec: &CrateSpec, dates: bool) -> String {
    let mut out = String::new();
    let name = format!("{}-support", spec.name);
    package(&mut out, spec, &name, &format!("The code every area crate of {} shares", spec.name));
    runtime_deps(&mut out, dates, true);
    out
}

fn area_manifest(spec: &CrateSpec, layout: &Layout, area: &Area, dates: bool) -> String {
    let mut out = String::new();
    package(&mut out, spec, &area.package, &format!("The `{}` area of {}", area.name, spec.name));
    let _ = writeln!(out, "{}-support = {{ path = \"../../support\" }}", spec.name);
    for used in area.uses.iter().filter_map(|u| layout.areas.get(u)) {
        let _ = writeln!(out, "{} = {{ path = \"../{}\" }}", used.package, used.name);
    }
    runtime_deps(&mut out, dates, false);
    out
}

fn facade_manifest(spec: &CrateSpec, layout: &Layout) -> String {
    let mut out = String::new();
    package(&mut out, spec, &spec.name, &spec.description);
    let _ = writeln!(out, "{}-support = {{ path = \"support\" }}", spec.name);
    for area in layout.areas.values() {
        let _ = writeln!(out, "{} = {{ path = \"areas/{}\", optional = true }}", area.package, area.name);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "[features]");
    let all: Vec<String> = layout.areas.keys().map(|a| format!("{a:?}")).collect();
    let _ = writeln!(out, "default = [{}]", all.join(", "));
    for area in layout.areas.values() {
        let mut enables = vec![format!("\"dep:{}\"", area.package)];
        enables.extend(area.uses.iter().map(|u| format!("{u:?}")));
        let _ = writeln!(out, "{} = [{}]", area.name, enables.join(", "));
    }
    if spec.standalone {
        let _ = writeln!(out);
        let _ = writeln!(out, "[workspace]");
        let _ = writeln!(out, "members = [\"support\", \"areas/*\"]");
    }
    out
}
