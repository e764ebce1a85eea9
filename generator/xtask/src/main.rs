//! `cargo xtask`: the project's commands, a thin front end over the `modelgen` library.

mod bench;
mod catalogue;
mod import;

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  codegen            regenerate generated/ (and the generated test crates) from definitions/
    --check          write nothing; fail if any generated file is stale
    --definitions D  read definitions from D instead of definitions/
    --out O          write the crate to O instead of generated/; inside the workspace it
                     is a member crate, elsewhere a standalone one
    --name N         the generated crate's package name
    --max-file-bytes B  refuse definition files larger than B bytes
    --split          one crate per area (subfolder) behind a facade with a feature per area
    --group          with --split: areas by the reference graph instead of by subfolder
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || format!("{USAGE}{}{}{}", catalogue::USAGE, import::USAGE, bench::USAGE);
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("catalogue") => catalogue::run(&args[1..]),
        Some("import") => import::import(&args[1..]),
        Some("ruby-docs") => import::ruby_docs(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{}", usage());
            Ok(())
        }
        None => Err(format!("error: no command given\n\n{}", usage())),
        Some(other) => Err(format!("error: unknown command `{other}`\n\n{}", usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            ExitCode::FAILURE
        }
    }
}

use xtask::root;

fn codegen(args: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let mut check = false;
    let mut split = false;
    let mut group = false;
    let mut definitions: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut name: Option<String> = None;
    let mut max_bytes: Option<u64> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| it.next().cloned().ok_or_else(|| format!("error: `{flag}` needs a value\n\n{USAGE}"));
        match arg.as_str() {
            "--check" => check = true,
            "--split" => split = true,
            "--group" => group = true,
            "--definitions" => definitions = Some(value(arg)?.into()),
            "--out" => out = Some(value(arg)?.into()),
            "--name" => name = Some(value(arg)?),
            "--max-file-bytes" => {
                let v = value(arg)?;
                max_bytes = Some(v.parse().map_err(|_| format!("error: `--max-file-bytes {v}` is not a number of bytes"))?);
            }
            other => return Err(format!("error: unknown option `{other}` of `codegen`\n\n{USAGE}")),
        }
    }

    if definitions.is_none() && out.is_none() && name.is_none() && !split && !group {
        return workspace(check, max_bytes, started);
    }
    let mut options = options(definitions, out, name, max_bytes)?;
    if split {
        options.spec.split_areas = true;
        options.spec.command.push_str(" --split");
    }
    if group {
        options.group_by_references = true;
        options.spec.command.push_str(" --group");
    }
    if check {
        return run_check(&options);
    }
    let report = modelgen::codegen(&options).map_err(|f| failure(&options, f))?;
    if report.cached {
        println!(
            "codegen: nothing changed since the last run; {} files unchanged in {:.2?}",
            report.unchanged,
            started.elapsed()
        );
        return Ok(());
    }
    println!(
        "codegen: {} types; {} files written, {} unchanged, {} removed in {:.2?}",
        report.types,
        report.written,
        report.unchanged,
        report.removed,
        started.elapsed()
    );
    if std::env::var_os("MODELGEN_TIMINGS").is_some() {
        let t = report.timings;
        eprintln!("read {:.2?}, check {:.2?}, emit {:.2?}, write {:.2?}", t.read, t.check, t.emit, t.write);
    }
    Ok(())
}

fn options(
    definitions: Option<PathBuf>,
    out: Option<PathBuf>,
    name: Option<String>,
    max_bytes: Option<u64>,
) -> Result<modelgen::Options, String> {
    let custom = definitions.is_some() || out.is_some();
    let root = root();
    // A crate kept inside the workspace is a member of it (no `[workspace]` table of its own),
    // and its headers give paths relative to the root, the same on every machine.
    if let (Some(d), Some(o)) = (&definitions, &out) {
        if let (Some(d), Some(o)) = (within(&root, d), within(&root, o)) {
            let file_name = o.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.or(file_name).unwrap_or_else(|| "models".to_owned());
            let mut options = modelgen::Options::in_workspace(&root, &d, &o, &name);
            options.max_file_bytes = max_bytes.unwrap_or(options.max_file_bytes);
            return Ok(options);
        }
    }
    let mut options = match &definitions {
        Some(d) => modelgen::Options::new(d.clone(), PathBuf::new(), "models"),
        None => xtask::scim(&root),
    };
    options.out = out.clone().unwrap_or_else(|| root.join("generated"));
    if let Some(name) = name.or_else(|| {
        out.as_ref().and_then(|o| o.file_name()).map(|n| n.to_string_lossy().into_owned())
    }) {
        options.spec.name = name;
    }
    options.spec.standalone = custom && out.is_some();
    if custom {
        options.spec.command = format!(
            "cargo xtask codegen --definitions {} --out {}",
            options.spec.definitions,
            modelgen::diag::display_path(&options.out)
        );
    }
    if let Some(max) = max_bytes {
        options.max_file_bytes = max;
    }
    options.cache = Some(root.join("target").join("modelgen"));
    Ok(options)
}

/// `path` relative to the workspace root, when it lies inside it; `..` is resolved lexically.
fn within(root: &Path, path: &Path) -> Option<PathBuf> {
    let mut absolute = PathBuf::new();
    for part in std::env::current_dir().ok()?.join(path).components() {
        match part {
            Component::ParentDir => {
                absolute.pop();
            }
            Component::CurDir => {}
            other => absolute.push(other),
        }
    }
    let relative = absolute.strip_prefix(root).ok()?;
    (!relative.as_os_str().is_empty()).then(|| relative.to_path_buf())
}

/// `cargo xtask codegen` with no paths: every generated crate checked in to the workspace.
fn workspace(check: bool, max_bytes: Option<u64>, started: Instant) -> Result<(), String> {
    let crates = xtask::workspace_crates(&root());
    let mut total = modelgen::Report { cached: true, ..modelgen::Report::default() };
    for mut options in crates {
        options.max_file_bytes = max_bytes.unwrap_or(options.max_file_bytes);
        if check {
            stale(&options)?;
            total.unchanged += 1;
            continue;
        }
        let report = modelgen::codegen(&options).map_err(|f| failure(&options, f))?;
        total.types += report.types;
        total.written += report.written;
        total.unchanged += report.unchanged;
        total.removed += report.removed;
        total.cached &= report.cached;
    }
    // The benchmark's flag-less copies of definitions/ follow it, so a new model needs no
    // second command; `--check` leaves them to their freshness test.
    if !check {
        for report in bench::prepare::sync(&root())? {
            total.types += report.types;
            total.written += report.written;
            total.unchanged += report.unchanged;
            total.removed += report.removed;
            total.cached &= report.cached;
        }
    }
    if check {
        println!("codegen --check: {} generated crates are up to date", total.unchanged);
    } else if total.cached {
        println!(
            "codegen: nothing changed since the last run; {} files unchanged in {:.2?}",
            total.unchanged,
            started.elapsed()
        );
    } else {
        println!(
            "codegen: {} types; {} files written, {} unchanged, {} removed in {:.2?}",
            total.types,
            total.written,
            total.unchanged,
            total.removed,
            started.elapsed()
        );
    }
    Ok(())
}

fn run_check(options: &modelgen::Options) -> Result<(), String> {
    stale(options)?;
    println!("codegen --check: {} is up to date", shown(&options.out));
    Ok(())
}

/// Fails naming every stale file of one crate and the command that regenerates it.
fn stale(options: &modelgen::Options) -> Result<(), String> {
    let plan = modelgen::check_tree(options).map_err(|f| failure(options, f))?;
    if plan.is_clean() {
        return Ok(());
    }
    let out = shown(&options.out);
    let mut message = format!("error: the generated crate in {out}/ is stale:\n");
    for file in &plan.write {
        message.push_str(&format!("  stale    {out}/{}\n", file.path.display()));
    }
    for path in &plan.remove {
        message.push_str(&format!("  orphan   {out}/{}\n", path.display()));
    }
    for path in &plan.leftovers {
        message.push_str(&format!("  leftover {out}/{}\n", path.display()));
    }
    message.push_str(&format!("run `{}` to regenerate it\n", options.spec.command));
    Err(message)
}

/// A path as the user would type it from the workspace root.
fn shown(path: &Path) -> String {
    let root = root();
    modelgen::diag::display_path(path.strip_prefix(&root).unwrap_or(path))
}

pub(crate) fn failure(options: &modelgen::Options, failure: modelgen::Failure) -> String {
    match failure {
        modelgen::Failure::Definitions(d) => options.render(&d),
        other => other.to_string(),
    }
}
