//! `cargo xtask catalogue`: the whole Genesys Cloud catalogue through the generator, split
//! into crates by the reference graph, and `cargo check` of the result with warnings denied.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const USAGE: &str = "  catalogue          generate ../shared/corpus/genesys-cloud as split crates, check them
    --short          a reference-closed tenth of the catalogue, for CI
    --corpus D       read the catalogue from D
    --single         one crate instead of one per area
";

pub fn run(args: &[String]) -> Result<(), String> {
    let root = crate::root();
    let mut corpus = root.join("..").join("shared").join("corpus").join("genesys-cloud");
    let (mut short, mut single) = (false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--short" => short = true,
            "--single" => single = true,
            "--corpus" => corpus = it.next().ok_or("`--corpus` needs a folder")?.into(),
            other => return Err(format!("unknown option `{other}`\n\n{USAGE}")),
        }
    }
    if !corpus.is_dir() {
        return Err(format!(
            "error: the catalogue is not at {}\nit ships in the shared folder beside this \
             repository (../shared/corpus/genesys-cloud); pass --corpus DIR to read it elsewhere",
            corpus.display()
        ));
    }

    let work = root.join("target").join("catalogue");
    let definitions = if short { sample(&corpus, &work.join("sample"))? } else { corpus };
    let out = work.join(if short { "genesys-cloud-sample" } else { "genesys-cloud" });
    let started = Instant::now();
    let mut options = modelgen::Options::new(&definitions, &out, "genesys-cloud");
    options.spec.standalone = true;
    options.spec.split_areas = !single;
    options.group_by_references = !single;
    options.spec.description = "Typed Rust models of the Genesys Cloud Platform API".to_owned();
    options.spec.about = "Typed Rust models of the Genesys Cloud Platform API, generated from \
                          the catalogue of its Python SDK."
        .to_owned();
    options.spec.command = "cargo xtask catalogue".to_owned();
    let report = modelgen::codegen(&options).map_err(|f| crate::failure(&options, f))?;
    let generated = started.elapsed();
    let crates = std::fs::read_dir(out.join("areas")).map(|d| d.count()).unwrap_or(0);
    println!(
        "catalogue: {} types in {} area crate(s) generated in {generated:.2?} ({} files written)",
        report.types, crates, report.written
    );

    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock into {}: {e}", out.display()))?;
    let started = Instant::now();
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(["check", "--offline", "--quiet", "--workspace"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .env("CARGO_INCREMENTAL", "0")
        .env("RUSTFLAGS", "-D warnings")
        .status()
        .map_err(|e| format!("cannot run cargo check: {e}"))?;
    if !status.success() {
        return Err(format!("error: `cargo check` of {} failed", out.display()));
    }
    println!("catalogue: cargo check (warnings denied) passed in {:.2?}", started.elapsed());
    Ok(())
}

/// Copies a tenth of the catalogue into `dir`: every tenth model and everything it refers to,
/// so that every reference resolves.
fn sample(corpus: &Path, dir: &Path) -> Result<PathBuf, String> {
    let options = modelgen::Options::new(corpus, dir, "sample");
    let definitions = modelgen::load(&options).map_err(|f| crate::failure(&options, f))?;
    let by_name: std::collections::BTreeMap<&str, &modelgen::model::Definition> =
        definitions.iter().map(|d| (d.name.value.as_str(), d)).collect();
    let mut keep = std::collections::BTreeSet::new();
    let mut pending: Vec<&str> = definitions.iter().step_by(10).map(|d| d.name.value.as_str()).collect();
    while let Some(name) = pending.pop() {
        let Some(d) = by_name.get(name) else { continue };
        if !keep.insert(name) {
            continue;
        }
        if let modelgen::model::Body::Model(m) = &d.body {
            pending.extend(m.properties.iter().filter_map(|p| p.ty.named()));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for name in keep {
        let from = corpus.join(format!("{name}.yaml"));
        std::fs::copy(&from, dir.join(format!("{name}.yaml")))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(dir.to_path_buf())
}
