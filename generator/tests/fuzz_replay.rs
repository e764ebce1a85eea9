//! The fuzz target over its seeds and every input it ever crashed on, as an ordinary test: the
//! fixtures' definitions (every rejection class, the edge cases, the SCIM folder, catalogue
//! definitions) must each end in generated Rust that parses or in a rendered rejection.

mod pipeline;

use std::path::Path;

#[test]
fn seeds_and_regressions_pass_the_fuzz_target() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = 0;
    for folder in ["seeds", "regressions"] {
        let mut entries: Vec<_> = std::fs::read_dir(fuzz.join(folder))
            .expect("the fuzz inputs are checked in")
            .map(|e| e.expect("readable").path())
            .collect();
        entries.sort();
        for path in entries {
            let data = std::fs::read(&path).expect("readable");
            let outcome = std::panic::catch_unwind(|| pipeline::run(&data));
            assert!(outcome.is_ok(), "{} fails the fuzz target", path.display());
            inputs += 1;
        }
    }
    assert!(inputs > 50, "only {inputs} fuzz inputs");
}
