//! The copies of the SCIM definitions with model flags removed, that the runtime benchmark
//! compares with the shipped crate.
//!
//! This file uses nothing but `std`, because the bench crate's freshness test includes it with
//! `#[path]` and checks the committed copies against the same rules.

use std::path::{Path, PathBuf};

/// One transformed copy of `definitions/`.
pub struct Variant {
    /// The folder under `tests/bench/` holding `definitions/` and `generated/`.
    pub dir: &'static str,
    /// The generated crate's package name.
    pub package: &'static str,
    /// Whether models keep `additional_properties: true`.
    pub keep_unknown: bool,
    /// Whether models keep `case_insensitive: true`.
    pub ignore_case: bool,
}

/// The three copies; the fourth combination, both flags on, is the shipped `generated/`.
pub const VARIANTS: [Variant; 3] = [
    Variant {
        dir: "plain",
        package: "scim-plain",
        keep_unknown: false,
        ignore_case: false,
    },
    Variant {
        dir: "keep",
        package: "scim-keep",
        keep_unknown: true,
        ignore_case: false,
    },
    Variant {
        dir: "ci",
        package: "scim-ci",
        keep_unknown: false,
        ignore_case: true,
    },
];

impl Variant {
    /// Where the copy's definitions live, relative to the workspace root.
    pub fn definitions(&self) -> PathBuf {
        Path::new("tests/bench").join(self.dir).join("definitions")
    }

    /// Where the copy's crate is generated, relative to the workspace root.
    pub fn generated(&self) -> PathBuf {
        Path::new("tests/bench").join(self.dir).join("generated")
    }

    /// The copy of one definition file: the model-level flags this variant turns off are
    /// dropped. Only top-level lines are touched, so a property's own `case_insensitive`
    /// (an enum's values, as on a PATCH `op`) stays: it is a rule of the values, not of keys.
    pub fn transform(&self, source: &str, text: &str) -> String {
        let mut out = format!(
            "# Made by `cargo xtask bench --prepare` from definitions/{source}; do not edit.\n"
        );
        for line in text.lines() {
            let dropped = (!self.keep_unknown && line.starts_with("additional_properties:"))
                || (!self.ignore_case && line.starts_with("case_insensitive:"));
            if !dropped {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// Every file of the copy, as (path relative to its `definitions/`, text), sorted.
    pub fn files(&self, root: &Path) -> std::io::Result<Vec<(PathBuf, String)>> {
        let source = root.join("definitions");
        let mut files = Vec::new();
        for rel in yaml_files(&source)? {
            let text = std::fs::read_to_string(source.join(&rel))?;
            let shown = rel.to_string_lossy().replace('\\', "/");
            files.push((rel, self.transform(&shown, &text)));
        }
        Ok(files)
    }
}

/// Every `.yaml` file below `dir`, relative to it, sorted.
pub fn yaml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        for entry in std::fs::read_dir(dir.join(&rel))? {
            let entry = entry?;
            let path = rel.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
