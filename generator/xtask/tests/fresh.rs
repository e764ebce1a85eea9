//! Every generated crate of the workspace is what its definitions generate today, so a plain
//! `cargo test` catches a definition edited without `cargo xtask codegen`.

#[test]
fn every_generated_crate_is_fresh() {
    let root = xtask::root();
    let mut stale = Vec::new();
    for options in xtask::workspace_crates(&root) {
        let plan = match modelgen::check_tree(&options) {
            Ok(plan) => plan,
            Err(modelgen::Failure::Definitions(d)) => panic!("{}", options.render(&d)),
            Err(other) => panic!("{other}"),
        };
        let out = options.out.strip_prefix(&root).unwrap_or(&options.out).to_path_buf();
        stale.extend(plan.write.iter().map(|f| out.join(&f.path).display().to_string()));
        stale.extend(plan.remove.iter().map(|p| format!("{} (orphan)", out.join(p).display())));
        stale.extend(plan.leftovers.iter().map(|p| format!("{} (leftover)", out.join(p).display())));
    }
    assert!(stale.is_empty(), "stale generated files:\n  {}\nrun `cargo xtask codegen`", stale.join("\n  "));
}

#[test]
fn the_shipped_crate_is_the_scim_one() {
    let options = xtask::scim(&xtask::root());
    assert_eq!(options.spec.name, "genesys-scim");
    assert_eq!(options.spec.definitions, "definitions");
    assert!(options.out.ends_with("generated"));
}
