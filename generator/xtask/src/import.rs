//! `cargo xtask import` and `cargo xtask ruby-docs`: reference pages become definitions.

use modelgen::import::{self, Outcome, Report};
use modelgen::model::Body;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The usage lines of the two commands, for the command list.
pub const USAGE: &str = "  import PAGE.md...  write one definition per reference page into definitions/
    --out D          import into the definitions folder D instead
    --force          replace an existing definition that the page differs from
  ruby-docs          import all Genesys Ruby SDK reference pages, generate and check a crate
    --sample N       use N of the pages (every k-th) and the pages they refer to
";

/// `cargo xtask import PAGE.md... [--out DIR] [--force]`.
pub fn import(args: &[String]) -> Result<(), String> {
    let mut pages = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut force = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--force" => force = true,
            "--out" => out = Some(it.next().ok_or("`--out` needs a folder")?.into()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}` of `import`"))
            }
            page => pages.push(PathBuf::from(page)),
        }
    }
    if pages.is_empty() {
        return Err("`import` needs at least one page: cargo xtask import PAGE.md...".to_owned());
    }

    let mut options = match out {
        Some(out) => import::Options::new(out),
        None => {
            let definitions = super::root().join("definitions");
            let mut options = import::Options::new(&definitions);
            options.shown = relative_to_cwd(&definitions);
            options
        }
    };
    options.force = force;
    let report = import::import(&pages, &options)?;
    print_pages(&report);
    println!("{}", report.summary());
    let c = report.counts();
    match c.failed + c.no_table {
        0 => Ok(()),
        n if n == c.read && n == 1 => Err("error: the page could not be imported".to_owned()),
        n if n == c.read => Err(format!("error: none of the {n} pages could be imported")),
        n => Err(format!(
            "error: {n} of {} pages could not be imported; the others were",
            c.read
        )),
    }
}

/// Each page's report: what went well on stdout, problems on stderr.
fn print_pages(report: &Report) {
    let source = |p: &Path| std::fs::read_to_string(p).ok();
    for page in &report.pages {
        let text = page.render(source);
        match page.outcome {
            Outcome::NoTable(_) | Outcome::Failed(_) => eprintln!("{text}"),
            _ => print!("{text}"),
        }
    }
}

fn relative_to_cwd(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// All pages of the Ruby SDK reference, and how many of them describe a model.
const RUBY_PAGES: usize = 2185;
const RUBY_MODELS: usize = 2128;

/// `cargo xtask ruby-docs [--sample N]`: imports the Genesys Cloud Ruby SDK reference pages
/// into `target/ruby-docs/definitions`, checks what became of each page, generates a crate
/// from them and runs `cargo check` on it.
pub fn ruby_docs(args: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let sample = match args {
        [] => None,
        [flag, n] if flag == "--sample" => Some(
            n.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(format!("`--sample {n}` is not a count"))?,
        ),
        _ => {
            return Err(format!(
                "unknown arguments of `ruby-docs`: {}",
                args.join(" ")
            ))
        }
    };
    let root = super::root();
    let pages_dir = root.join("../shared/reference/genesys-ruby-docs");
    let pages = list_pages(&pages_dir)?;
    if pages.len() != RUBY_PAGES {
        return Err(format!(
            "error: expected {RUBY_PAGES} pages in {}, found {}",
            pages_dir.display(),
            pages.len()
        ));
    }
    let chosen = match sample {
        Some(n) if n < pages.len() => {
            let k = pages.len() / n;
            pages.iter().step_by(k).take(n).cloned().collect()
        }
        _ => pages.clone(),
    };

    let work = root.join("target/ruby-docs");
    let definitions = work.join("definitions");
    if definitions.exists() {
        std::fs::remove_dir_all(&definitions)
            .map_err(|e| format!("cannot empty {}: {e}", definitions.display()))?;
    }
    let options = import::Options::new(&definitions);
    let mut report = import::import(&chosen, &options)?;
    let sampled = report.pages.len();
    let mut referenced = 0;
    if sample.is_some() {
        referenced = import_referenced(&pages_dir, &options, &mut report)?;
    }
    let imported_in = started.elapsed();
    expect_outcomes(&report, sample.is_none())?;
    let c = report.counts();
    let which = match sample {
        Some(_) => format!("{sampled} sampled and {referenced} they refer to"),
        None => "all".to_owned(),
    };
    println!(
        "ruby-docs: {} pages ({which}): {} imported, {} without a property table, in \
         {imported_in:.2?}",
        c.read, c.written, c.no_table
    );

    let generate_started = Instant::now();
    let crate_dir = work.join("crate");
    let mut spec = modelgen::Options::new(&definitions, &crate_dir, "genesys-ruby-docs");
    spec.spec.definitions = "target/ruby-docs/definitions".to_owned();
    spec.spec.command = "cargo xtask ruby-docs".to_owned();
    spec.spec.description =
        "Models of the Genesys Cloud Ruby SDK 98.0.0 reference pages".to_owned();
    spec.spec.about = "Models imported from the Genesys Cloud Ruby SDK 98.0.0 reference pages by \
                       `cargo xtask ruby-docs`, to check the importer and the generator at scale."
        .to_owned();
    spec.spec.standalone = true;
    let generated = modelgen::codegen(&spec).map_err(|f| match f {
        modelgen::Failure::Definitions(d) => spec.render(&d),
        other => other.to_string(),
    })?;
    println!(
        "ruby-docs: generated {} types into {} ({} files written, {} unchanged, {} removed) in \
         {:.2?}",
        generated.types,
        crate_dir.display(),
        generated.written,
        generated.unchanged,
        generated.removed,
        generate_started.elapsed()
    );

    let check_started = Instant::now();
    cargo_check(&root, &crate_dir, &work.join("target"))?;
    println!(
        "ruby-docs: `cargo check` accepts the crate ({:.2?})",
        check_started.elapsed()
    );
    println!("ruby-docs: done in {:.2?}", started.elapsed());
    Ok(())
}

/// The `.md` pages of `dir`, sorted; a missing folder is an error, never a reason to skip.
fn list_pages(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "error: cannot read the Ruby SDK reference pages at {}: {e}\n\
             this command imports all of them and does not run without them",
            dir.display()
        )
    })?;
    let mut pages = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|x| x == "md") {
            pages.push(path);
        }
    }
    pages.sort();
    Ok(pages)
}

/// Imports, round after round, the pages of the types the imported definitions name but that
/// are not imported yet, so that a sample still makes a crate; returns how many were added.
fn import_referenced(
    dir: &Path,
    options: &import::Options,
    report: &mut Report,
) -> Result<usize, String> {
    let mut added = 0;
    loop {
        let files = modelgen::read::list_files(&options.out).map_err(|e| e.to_string())?;
        let have: BTreeSet<String> = files
            .iter()
            .filter_map(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        let mut wanted = BTreeSet::new();
        for (path, area) in &files {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let Ok(def) = modelgen::read::parse_definition(path, area.clone(), &text) else {
                continue;
            };
            let Body::Model(model) = def.body else {
                continue;
            };
            let names = model.properties.iter().filter_map(|p| p.ty.named());
            wanted.extend(names.filter(|n| !have.contains(*n)).map(str::to_owned));
        }
        if wanted.is_empty() {
            return Ok(added);
        }
        let pages: Vec<PathBuf> = wanted.iter().map(|n| dir.join(format!("{n}.md"))).collect();
        let more = import::import(&pages, options)?;
        added += more.pages.len();
        report.pages.extend(more.pages);
    }
}

/// Every model page must import and every other page must be reported as having no property
/// table; for the whole set, the counts must be the published ones.
fn expect_outcomes(report: &Report, whole: bool) -> Result<(), String> {
    let source = |p: &Path| std::fs::read_to_string(p).ok();
    let mut wrong = String::new();
    for page in &report.pages {
        let name = page
            .page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let model_page = !(name.ends_with("Api.md") || name == "index.md");
        let as_expected = match page.outcome {
            Outcome::Written { .. } => model_page,
            Outcome::NoTable(_) => !model_page,
            _ => false,
        };
        if !as_expected {
            let what = if model_page {
                "a model page"
            } else {
                "a page without a model table"
            };
            wrong.push_str(&format!(
                "{name} is {what}, but:\n{}\n",
                page.render(source)
            ));
        }
    }
    let c = report.counts();
    if whole && (c.written != RUBY_MODELS || c.no_table != RUBY_PAGES - RUBY_MODELS) {
        wrong.push_str(&format!(
            "expected {RUBY_MODELS} models and {} pages without a property table, \
             found {} and {}\n",
            RUBY_PAGES - RUBY_MODELS,
            c.written,
            c.no_table
        ));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{wrong}error: the Ruby SDK pages did not import as expected ({})",
            report.summary()
        ))
    }
}

/// `cargo check --offline` on the generated crate, with the workspace's lock file so that it
/// uses the dependency versions already built, and a target folder of its own kept between runs.
fn cargo_check(root: &Path, crate_dir: &Path, target: &Path) -> Result<(), String> {
    std::fs::copy(root.join("Cargo.lock"), crate_dir.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock into {}: {e}", crate_dir.display()))?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["check", "--offline", "--quiet", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "error: `cargo check` rejects the crate generated in {} ({status})",
            crate_dir.display()
        ))
    }
}
