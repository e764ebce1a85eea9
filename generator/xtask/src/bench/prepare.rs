//! `cargo xtask bench --prepare`: rewrites the flag-less copies of the SCIM definitions under
//! `tests/bench/` and regenerates their crates, which the runtime benchmark compares.

use super::variants::{self, Variant, VARIANTS};
use std::fs;
use std::path::Path;

pub fn run(root: &Path) -> Result<(), String> {
    for (variant, report) in VARIANTS.iter().zip(sync(root)?) {
        println!(
            "bench --prepare: {}: {} types; {} files written, {} unchanged, {} removed",
            variant.generated().display(),
            report.types,
            report.written,
            report.unchanged,
            report.removed
        );
    }
    Ok(())
}

/// Brings every copy up to date with `definitions/`, definitions and crate; `cargo xtask
/// codegen` calls it too, so that a user who adds a model regenerates the copies with it.
pub fn sync(root: &Path) -> Result<Vec<modelgen::Report>, String> {
    let mut reports = Vec::new();
    for variant in &VARIANTS {
        write_definitions(root, variant)?;
        let mut options = modelgen::Options::in_workspace(
            root,
            &variant.definitions(),
            &variant.generated(),
            variant.package,
        );
        options.cache = Some(root.join("target").join("modelgen"));
        let report = modelgen::codegen(&options).map_err(|f| match f {
            modelgen::Failure::Definitions(d) => options.render(&d),
            other => other.to_string(),
        })?;
        reports.push(report);
    }
    Ok(reports)
}

/// Writes the copy's files and removes definition files that `definitions/` no longer has.
fn write_definitions(root: &Path, variant: &Variant) -> Result<(), String> {
    let io = |path: &Path, e: std::io::Error| format!("error: {}: {e}", path.display());
    let dir = root.join(variant.definitions());
    let files = variant
        .files(root)
        .map_err(|e| io(&root.join("definitions"), e))?;
    let old = if dir.exists() {
        variants::yaml_files(&dir).map_err(|e| io(&dir, e))?
    } else {
        Vec::new()
    };
    for rel in old
        .iter()
        .filter(|rel| !files.iter().any(|(r, _)| r == *rel))
    {
        fs::remove_file(dir.join(rel)).map_err(|e| io(&dir.join(rel), e))?;
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        if fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        fs::write(&path, text).map_err(|e| io(&path, e))?;
    }
    Ok(())
}
