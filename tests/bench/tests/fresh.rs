//! The flag-less copies of the SCIM definitions under `tests/bench/*/definitions` follow
//! `definitions/`, and their crates are what those copies generate today.

#[path = "../../../generator/xtask/src/bench/variants.rs"]
mod variants;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/bench is two levels down")
}

const PREPARE: &str = "run `cargo xtask bench --prepare` from the workspace root";

#[test]
fn definition_copies_follow_definitions() {
    for variant in &variants::VARIANTS {
        let dir = root().join(variant.definitions());
        let expected = variant.files(root()).expect("definitions/ is readable");
        let present = variants::yaml_files(&dir).unwrap_or_default();
        let wanted: Vec<PathBuf> = expected.iter().map(|(rel, _)| rel.clone()).collect();
        assert_eq!(
            present,
            wanted,
            "{} holds other files than definitions/; {PREPARE}",
            dir.display()
        );
        for (rel, text) in expected {
            let on_disk = std::fs::read_to_string(dir.join(&rel)).unwrap_or_default();
            assert!(
                on_disk == text,
                "{} is stale; {PREPARE}",
                dir.join(rel).display()
            );
        }
    }
}

#[test]
fn variant_crates_are_fresh() {
    for variant in &variants::VARIANTS {
        let options = modelgen::Options::in_workspace(
            root(),
            &variant.definitions(),
            &variant.generated(),
            variant.package,
        );
        let plan = match modelgen::check_tree(&options) {
            Ok(plan) => plan,
            Err(modelgen::Failure::Definitions(d)) => panic!("{}", options.render(&d)),
            Err(other) => panic!("{other}"),
        };
        let mut stale: Vec<String> = plan
            .write
            .iter()
            .map(|f| f.path.display().to_string())
            .collect();
        stale.extend(
            plan.remove
                .iter()
                .map(|p| format!("{} (orphan)", p.display())),
        );
        stale.extend(
            plan.leftovers
                .iter()
                .map(|p| format!("{} (leftover)", p.display())),
        );
        assert!(
            stale.is_empty(),
            "{} is stale: {}; {PREPARE}",
            variant.generated().display(),
            stale.join(", ")
        );
    }
}
