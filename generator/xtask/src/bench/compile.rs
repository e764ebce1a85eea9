//! Table 3: what the generated code costs to compile, its dependencies built beforehand.
//!
//! Each crate is generated outside the workspace with the workspace's `Cargo.lock` beside
//! it, and cargo runs `--offline` with `CARGO_INCREMENTAL=0` and one target folder under
//! `target/bench/cargo`, shared by every crate so the dependencies are built once, by the
//! SCIM crate's warm-up run. Before each measured run the generated crates' `src/lib.rs` are
//! touched, so cargo compiles the generated code and nothing else; the table counts the
//! crates cargo compiled to show it.

use super::measure::{self, Job, Measured};
use super::synth;
use super::table::{self, code, Section, Table};
use super::Context;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What to compile: a generated crate, a split catalogue, or one area of it.
struct Target {
    label: String,
    /// The folder of the `Cargo.toml` cargo is pointed at.
    dir: PathBuf,
    /// `-p PACKAGE` or `--workspace`; nothing for a single crate.
    select: Vec<String>,
    /// The `src/lib.rs` of every generated crate the run should compile.
    sources: Vec<PathBuf>,
    models: usize,
}

struct Row {
    label: String,
    models: usize,
    cargo: &'static str,
    measured: Measured,
    compiled: usize,
    expected: usize,
    /// Attempts needed for a run that other work did not disturb, at most three.
    tries: usize,
    command: String,
}

pub fn run(ctx: &Context) -> Result<Vec<Section>, String> {
    let scim = generate(
        ctx,
        "SCIM crate",
        &ctx.root.join("definitions"),
        "bench-scim",
        false,
    )?;
    let mut rows = vec![
        measure(ctx, &scim, "check", true)?,
        measure(ctx, &scim, "build", true)?,
    ];
    if !ctx.short {
        rows.extend(catalogue(ctx)?);
    }
    Ok(vec![section(ctx, &rows)])
}

/// The catalogue as one crate, split into area crates, and one area of the split alone.
fn catalogue(ctx: &Context) -> Result<Vec<Row>, String> {
    let dir = synth::catalogue_dir(&ctx.root)?;
    // The SCIM crate's runs built the same dependencies into the same target folder, and a
    // second check of the catalogue would double the longest step of the benchmark.
    let single = generate(ctx, "catalogue, one crate", &dir, "bench-catalogue", false)?;
    let split = generate(
        ctx,
        "catalogue, split into areas",
        &dir,
        "bench-split",
        true,
    )?;
    let mut rows = vec![
        measure(ctx, &single, "check", false)?,
        measure(ctx, &split, "check", false)?,
    ];

    // The split's check built `support` and `shared`, which an area needs; a build of the
    // area needs them built too, which its warm-up run does.
    let area = largest_area(&dir, &split)?;
    rows.push(measure(ctx, &area, "check", false)?);
    rows.push(measure(ctx, &area, "build", true)?);
    Ok(rows)
}

/// Generates a standalone crate from `definitions` into the temporary folder.
fn generate(
    ctx: &Context,
    label: &str,
    definitions: &Path,
    name: &str,
    split: bool,
) -> Result<Target, String> {
    let dir = ctx.tmp.join(format!("compile-{name}"));
    println!("bench: generating the {label} into {}", dir.display());
    let mut job = Job::new(&ctx.xtask, &["codegen", "--definitions"], &ctx.root)
        .arg(definitions)
        .arg("--out")
        .arg(&dir)
        .arg("--name")
        .arg(name);
    if split {
        job = job.arg("--split").arg("--group");
    }
    job.run()?;
    let lock = dir.join("Cargo.lock");
    std::fs::copy(ctx.root.join("Cargo.lock"), &lock).map_err(|e| synth::io_error(&lock, e))?;
    let models = super::variants::yaml_files(definitions)
        .map_err(|e| synth::io_error(definitions, e))?
        .len();
    let mut sources = vec![dir.join("src/lib.rs")];
    let mut select = Vec::new();
    if split {
        sources.push(dir.join("support/src/lib.rs"));
        sources.extend(area_dirs(&dir)?.into_iter().map(|a| a.join("src/lib.rs")));
        select.push("--workspace".to_owned());
    }
    Ok(Target {
        label: label.to_owned(),
        dir,
        select,
        sources,
        models,
    })
}

fn area_dirs(split: &Path) -> Result<Vec<PathBuf>, String> {
    let areas = split.join("areas");
    let entries = std::fs::read_dir(&areas).map_err(|e| synth::io_error(&areas, e))?;
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// The area with the most models, `shared` aside: the costliest one a user can pick alone.
fn largest_area(definitions: &Path, split: &Target) -> Result<Target, String> {
    let options = modelgen::Options::new(definitions, &split.dir, "areas");
    let mut loaded = modelgen::load(&options).map_err(|f| crate::failure(&options, f))?;
    modelgen::group::by_references(&mut loaded);
    let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
    for d in &loaded {
        *sizes.entry(d.area.join("/")).or_default() += 1;
    }
    let (name, models) = sizes
        .into_iter()
        .filter(|(name, _)| name != modelgen::group::SHARED)
        .filter(|(name, _)| split.dir.join("areas").join(name).is_dir())
        .max_by_key(|(name, models)| (*models, std::cmp::Reverse(name.clone())))
        .ok_or_else(|| {
            format!(
                "error: the split catalogue in {} has no area crate",
                split.dir.display()
            )
        })?;
    let area_dir = split.dir.join("areas").join(&name);
    let package = package_name(&area_dir.join("Cargo.toml"))?;
    Ok(Target {
        label: format!("one area alone (`{name}`, the largest but `shared`)"),
        dir: split.dir.clone(),
        select: vec!["-p".to_owned(), package],
        sources: vec![area_dir.join("src/lib.rs")],
        models,
    })
}

fn package_name(manifest: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| synth::io_error(manifest, e))?;
    let line = text.lines().find(|l| l.starts_with("name = "));
    let name = line.map(|l| l.trim_start_matches("name = ").trim_matches('"').to_owned());
    name.ok_or_else(|| format!("error: {} names no package", manifest.display()))
}

fn cargo_job(ctx: &Context, target: &Target, cargo: &str) -> Job {
    let mut job = Job::new("cargo", &[cargo, "--offline", "--manifest-path"], &ctx.root)
        .arg(target.dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", ctx.work.join("cargo"))
        .env("CARGO_INCREMENTAL", "0");
    for arg in &target.select {
        job = job.arg(arg);
    }
    job
}

/// `cargo check` or `cargo build`, after a warm-up run when `warm`; a warmed figure is
/// measured `repeats` times, the median shown.
fn measure(ctx: &Context, target: &Target, cargo: &'static str, warm: bool) -> Result<Row, String> {
    println!("bench: cargo {cargo} of the {}", target.label);
    let job = cargo_job(ctx, target, cargo);
    if warm {
        job.run()?;
    }
    let repeats = if warm { ctx.repeats } else { 1 };
    let mut runs = Vec::new();
    let mut tries = 0;
    for _ in 0..repeats {
        let (measured, attempts) = calm_run(ctx, target, &job)?;
        tries = tries.max(attempts);
        runs.push((measured, ()));
    }
    let (measured, ()) = measure::median(runs);
    let compiled = measured
        .stderr
        .lines()
        .filter(|l| {
            l.trim_start().starts_with("Checking ") || l.trim_start().starts_with("Compiling ")
        })
        .count();
    Ok(Row {
        label: target.label.clone(),
        models: target.models,
        cargo,
        measured,
        compiled,
        expected: target.sources.len(),
        tries,
        command: job.shown(&ctx.root),
    })
}

/// Other work on the machine, in busy cores, above which a compile figure is taken again.
const DISTURBED: f64 = 0.25;

/// One measured run of the crate's code, taken again (at most twice) while other processes
/// kept the machine busy; the least disturbed attempt, and how many there were.
fn calm_run(ctx: &Context, target: &Target, job: &Job) -> Result<(Measured, usize), String> {
    let mut best: Option<Measured> = None;
    let mut attempts = 0;
    while attempts < 3 {
        attempts += 1;
        for source in &target.sources {
            touch(source)?;
        }
        // Compile times suffer most from other builds on the machine; wait for them a while.
        ctx.settle(1.5, Duration::from_secs(120));
        let measured = job.measure_tree(&ctx.tmp)?;
        let calm = measured.others <= DISTURBED || ctx.short;
        if best.as_ref().is_none_or(|b| measured.others < b.others) {
            best = Some(measured);
        }
        if calm {
            break;
        }
        println!("bench: other processes kept the machine busy during that run");
    }
    Ok((best.expect("the loop measures at least once"), attempts))
}

/// Gives the file a new modification time, so cargo compiles its crate again.
fn touch(path: &Path) -> Result<(), String> {
    let file = std::fs::File::options()
        .append(true)
        .open(path)
        .map_err(|e| synth::io_error(path, e))?;
    file.set_modified(SystemTime::now())
        .map_err(|e| synth::io_error(path, e))
}

fn section(ctx: &Context, rows: &[Row]) -> Section {
    let mut table = Table::new(&[
        "crate",
        "models",
        "cargo",
        "wall",
        "s / 1,000 models",
        "peak RSS (largest process)",
        "peak RSS (tree, sampled)",
        "crates compiled",
        "load / other CPU",
        "command",
    ]);
    for r in rows {
        table.row(vec![
            r.label.clone(),
            r.models.to_string(),
            r.cargo.to_owned(),
            table::duration(r.measured.wall),
            format!(
                "{:.2}",
                r.measured.wall.as_secs_f64() * 1000.0 / r.models as f64
            ),
            format!("{:.0} MiB", r.measured.peak_mib()),
            format!("{:.0} MiB", r.measured.tree_mib()),
            format!("{} of {}", r.compiled, r.expected),
            load_cell(r),
            code(&r.command),
        ]);
    }
    let repeats = ctx.repeats;
    Section {
        title: "3. Compile cost of the generated code".to_owned(),
        intro: vec![format!(
            "Each crate is generated outside the workspace with the workspace's `Cargo.lock`, \
             and checked or built by cargo with `--offline`, `CARGO_INCREMENTAL=0` and the \
             target folder `target/bench/cargo`. The dependencies (serde, serde_json, chrono, \
             indexmap, …) are built beforehand; before each measured run the generated crates' \
             `src/lib.rs` are touched, so the run compiles the generated code alone (\"crates \
             compiled\" counts cargo's `Checking`/`Compiling` lines against the generated crates \
             the run should compile). Rows after a warm-up run are the median of {repeats}; the \
             catalogue's checks run once. A run during which other processes kept more than \
             {DISTURBED} cores busy is taken again, three attempts at most, and the least \
             disturbed one counts. Peak RSS (largest process) is GNU time's `%M`, the \
             largest single process of cargo's tree (a `rustc`); peak RSS (tree) is the largest \
             sum over the tree, sampled every 50 ms, which counts two `rustc` running at once."
        )],
        table,
        notes: compile_targets(rows),
    }
}

fn load_cell(r: &Row) -> String {
    let retried = if r.tries > 1 {
        format!(" (attempt {} of 3)", r.tries)
    } else {
        String::new()
    };
    format!("{:.2} / {:.2}{retried}", r.measured.load, r.measured.others)
}

fn compile_targets(rows: &[Row]) -> Vec<String> {
    let mut notes = Vec::new();
    for r in rows
        .iter()
        .filter(|r| r.label.starts_with("catalogue") && r.cargo == "check")
    {
        let gib = r.measured.tree_kib.max(r.measured.peak_kib) as f64 / (1024.0 * 1024.0);
        let met = r.measured.wall < Duration::from_secs(60) && gib < 4.0;
        notes.push(format!(
            "- target (a stretch): the {} checks in under 60 s within 4 GiB: {} ({}, {gib:.2} GiB)",
            r.label,
            table::verdict(met),
            table::duration(r.measured.wall)
        ));
    }
    if rows.iter().any(|r| r.compiled != r.expected) {
        notes.push(
            "- a row that compiled other crates than the generated ones includes them: re-run it"
                .to_owned(),
        );
    }
    notes.push(
        "- for scale (a figure from the issue, not measured here): plain `#[derive(Serialize, \
         Deserialize)]` structs for the same 6,220 models, in one crate without builders or \
         docs, check in 270 s at 11.8 GiB."
            .to_owned(),
    );
    notes
}
