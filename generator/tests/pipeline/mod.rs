//! The fuzz target's body, shared by `generator/fuzz` and the `fuzz_replay` test: read →
//! check → emit over arbitrary input, as `cargo xtask codegen` runs them, panicking on a
//! panic, on a rejection that names no problem, and on generated Rust that syn cannot parse.
//!
//! An input is one or more definition files: a line `#> path/Name.yaml` starts a file, and
//! text before the first such line is the file `Fuzz.yaml`.

use modelgen::diag::Diagnostics;
use modelgen::{check, emit, read};
use std::path::{Path, PathBuf};

/// Runs one input through the pipeline.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = split(text);

    let mut definitions = Vec::new();
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    for (path, body) in &files {
        let area = path.parent().map(|p| p.iter().map(|s| s.to_string_lossy().into_owned()).collect());
        let (definition, mut found) = read::parse_partial(path, area.unwrap_or_default(), body);
        match definition {
            Some(d) => definitions.push(d),
            None => unread.extend(path.file_stem().map(|s| s.to_string_lossy().into_owned())),
        }
        problems.append(&mut found);
    }
    let checked = check::check_partial(&definitions, &unread);

    match checked {
        Ok(catalog) if problems.is_empty() => {
            let spec = modelgen::Options::new("definitions", "out", "fuzzed").spec;
            let generated = emit::emit(&catalog, &spec).unwrap_or_else(|e| panic!("{e}"));
            for file in generated.iter().filter(|f| f.path.extension().is_some_and(|e| e == "rs")) {
                if let Err(e) = syn::parse_file(&file.contents) {
                    panic!("{} does not parse: {e}", file.path.display());
                }
            }
        }
        Ok(_) => render(problems, &files),
        Err(mut more) => {
            problems.append(&mut more);
            render(problems, &files);
        }
    }
}

/// Renders the problems as the command line would, to exercise the rendering too.
fn render(problems: Vec<modelgen::diag::Diagnostic>, files: &[(PathBuf, &str)]) {
    assert!(!problems.is_empty(), "a rejection names at least one problem");
    let source = |p: &Path| files.iter().find(|(f, _)| f == p).map(|(_, t)| (*t).to_owned());
    let text = Diagnostics(problems).sorted().render(source);
    assert!(text.starts_with("error: "));
}

fn split(text: &str) -> Vec<(PathBuf, &str)> {
    let mut files = Vec::new();
    let mut path = PathBuf::from("Fuzz.yaml");
    let (mut start, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        if let Some(next) = line.strip_prefix("#> ") {
            if at > start {
                files.push((path, &text[start..at]));
            }
            path = PathBuf::from(next.trim_end());
            start = at + line.len();
        }
        at += line.len();
    }
    files.push((path, &text[start..]));
    files
}
