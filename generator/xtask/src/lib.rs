//! What `cargo xtask` knows about this workspace: where it is, and the crates it generates.

use std::path::{Path, PathBuf};

/// The workspace root, so that default paths work from any folder of the checkout.
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.ancestors().nth(2).map(PathBuf::from).unwrap_or(manifest)
}

/// The shipped crate: `definitions/` to `generated/`, the Genesys Cloud SCIM v2 models.
pub fn scim(root: &Path) -> modelgen::Options {
    let mut options = modelgen::Options::new(root.join("definitions"), root.join("generated"), "genesys-scim");
    options.spec.definitions = "definitions".to_owned();
    options.spec.description = "Typed Rust models of the Genesys Cloud SCIM v2 API".to_owned();
    options.spec.about = "Typed Rust models of the Genesys Cloud SCIM v2 API (users, groups, PATCH \
                          requests, schemas and service-provider configuration), one type for each \
                          model of the Genesys Cloud Platform API reference."
        .to_owned();
    options.cache = Some(root.join("target").join("modelgen"));
    options
}

/// Every generated crate checked in to the workspace, which `cargo xtask codegen` keeps fresh:
/// the shipped crate, and the test crates generated from fixture definitions.
pub fn workspace_crates(root: &Path) -> Vec<modelgen::Options> {
    let mut crates = vec![scim(root)];
    for (definitions, out, name) in [
        ("tests/golden/definitions", "tests/golden/generated", "golden-models"),
        ("tests/edge/definitions", "tests/edge/generated", "edge-models"),
    ] {
        let mut options = modelgen::Options::in_workspace(root, Path::new(definitions), Path::new(out), name);
        options.cache = Some(root.join("target").join("modelgen"));
        crates.push(options);
    }
    crates
}
