//! The edge-case crate in `tests/edge/generated` is what its definitions generate today.

use std::path::Path;

#[test]
fn edge_crate_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("generator/ is in the workspace");
    let options = modelgen::Options::in_workspace(
        root,
        Path::new("tests/edge/definitions"),
        Path::new("tests/edge/generated"),
        "edge-models",
    );
    let plan = match modelgen::check_tree(&options) {
        Ok(plan) => plan,
        Err(modelgen::Failure::Definitions(d)) => panic!("{}", options.render(&d)),
        Err(other) => panic!("{other}"),
    };
    let mut stale: Vec<String> = plan.write.iter().map(|f| f.path.display().to_string()).collect();
    stale.extend(plan.remove.iter().map(|p| format!("{} (orphan)", p.display())));
    stale.extend(plan.leftovers.iter().map(|p| format!("{} (leftover)", p.display())));
    assert!(
        stale.is_empty(),
        "tests/edge/generated is stale: {}\nrun `{}` from the workspace root",
        stale.join(", "),
        options.spec.command
    );
}
