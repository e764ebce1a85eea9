//! `cargo xtask bench`: figures for the generator's speed and memory, the compile cost of its
//! output and the run-time speed of the generated types, as Markdown tables.
//!
//! Figures, not timed tests: a missed target is printed as MISS and never fails the command;
//! only a benchmark that cannot run does.

mod compile;
mod generation;
mod machine;
mod measure;
pub(crate) mod prepare;
mod runtime;
mod synth;
mod table;
mod variants;

use std::path::PathBuf;

pub(crate) const USAGE: &str = "  bench              measure generation, compile cost and run-time speed; write BENCHMARKS.md
    --short          the quick form CI runs (SCIM set, 1k synthetic set, SCIM crate, short
                     criterion runs), written to target/bench/BENCHMARKS.short.md
    --only PART      only `generation`, `compile` or `runtime`, written to
                     target/bench/BENCHMARKS.PART.md
    --prepare        rewrite tests/bench/*/definitions and regenerate their crates
";

/// Which parts of the benchmark to run.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Generation,
    Compile,
    Runtime,
}

/// What every part needs to know.
pub struct Context {
    /// The workspace root.
    root: PathBuf,
    /// `target/bench`: definition sets, the compile target folder, criterion's results.
    work: PathBuf,
    /// Generated crates go here, outside the workspace, so they are standalone crates.
    tmp: PathBuf,
    /// The release generator.
    xtask: PathBuf,
    short: bool,
    /// How often each generation and compile figure is measured; the median is shown.
    repeats: usize,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut short = false;
    let mut only = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("usage: cargo xtask bench [options]\n\n{USAGE}");
                return Ok(());
            }
            "--short" => short = true,
            "--prepare" => return prepare::run(&xtask::root()),
            "--only" => only = Some(part(it.next().map(String::as_str))?),
            other => return Err(format!("unknown option `{other}` of `bench`\n\n{USAGE}")),
        }
    }

    let ctx = context(short)?;
    let machine = machine::Machine::probe(&ctx.root);
    let wanted = |p: Part| only.is_none_or(|o| o == p);
    let mut sections = Vec::new();
    if wanted(Part::Generation) {
        sections.extend(generation::run(&ctx)?);
    }
    if wanted(Part::Compile) {
        sections.extend(compile::run(&ctx)?);
    }
    if wanted(Part::Runtime) {
        sections.extend(runtime::run(&ctx)?);
    }

    let report = report(&machine, &sections, args);
    let path = output_path(&ctx, only);
    std::fs::write(&path, &report)
        .map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    println!("\n{report}\nbench: written to {}", path.display());
    Ok(())
}

fn part(name: Option<&str>) -> Result<Part, String> {
    match name {
        Some("generation") => Ok(Part::Generation),
        Some("compile") => Ok(Part::Compile),
        Some("runtime") => Ok(Part::Runtime),
        Some(other) => Err(format!(
            "`--only {other}`: the parts are generation, compile and runtime"
        )),
        None => Err("`--only` needs a part: generation, compile or runtime".to_owned()),
    }
}

/// Builds the release generator the generation and compile parts run as a child.
fn context(short: bool) -> Result<Context, String> {
    let root = xtask::root();
    let work = root.join("target").join("bench");
    let tmp = std::env::temp_dir().join("modelgen-bench");
    for dir in [&work, &tmp] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("error: cannot create {}: {e}", dir.display()))?;
    }
    println!("bench: cargo build --release -p xtask");
    measure::Job::new(
        "cargo",
        &["build", "--release", "--quiet", "-p", "xtask"],
        &root,
    )
    .run()?;
    let xtask = root.join("target").join("release").join("xtask");
    Ok(Context {
        root,
        work,
        tmp,
        xtask,
        short,
        repeats: if short { 1 } else { 3 },
    })
}

impl Context {
    /// Waits, at most `limit`, for the one-minute load to drop below `calm`. The short form
    /// does not wait: its figures only show that the benchmarks still run.
    fn settle(&self, calm: f64, limit: std::time::Duration) {
        if !self.short {
            measure::settle(calm, limit);
        }
    }
}

/// The whole run is BENCHMARKS.md; the short form and single parts stay under target/.
fn output_path(ctx: &Context, only: Option<Part>) -> PathBuf {
    let part = only.map(|p| match p {
        Part::Generation => "generation",
        Part::Compile => "compile",
        Part::Runtime => "runtime",
    });
    match (ctx.short, part) {
        (false, None) => ctx.root.join("BENCHMARKS.md"),
        (true, None) => ctx.work.join("BENCHMARKS.short.md"),
        (false, Some(p)) => ctx.work.join(format!("BENCHMARKS.{p}.md")),
        (true, Some(p)) => ctx.work.join(format!("BENCHMARKS.short.{p}.md")),
    }
}

fn report(machine: &machine::Machine, sections: &[table::Section], args: &[String]) -> String {
    let command = std::iter::once("cargo xtask bench".to_owned())
        .chain(args.iter().cloned())
        .collect::<Vec<_>>();
    let mut out = String::from("# Benchmarks\n\n");
    out.push_str(&format!(
        "Every figure below comes from one run of `{}`; each row names the command behind it, \
         run from the workspace root (`$TMPDIR` is the temporary folder). Figures, not tests: a \
         missed target reads MISS. \"load / other CPU\" gives the one-minute load average before \
         a run and the cores that other processes kept busy on average during it (all busy CPU \
         time in /proc/stat less the run's own); a figure with other CPU much above 0.1 was \
         disturbed by other work on the machine.\n\n",
        command.join(" ")
    ));
    for line in machine.describe() {
        out.push_str(&line);
        out.push('\n');
    }
    for section in sections {
        out.push('\n');
        out.push_str(&section.render());
    }
    out
}
