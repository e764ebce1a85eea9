//! modelgen turns API property tables, kept as YAML definitions, into a typed Rust crate.
//!
//! The pipeline has one module per stage, with plain data between them:
//! [`read`] (YAML to [`model::Definition`]), [`check`] (all files together, to an
//! [`ir::Catalog`] with every Rust name decided), [`emit`] (the catalogue to file texts) and
//! [`write`](mod@write) (only changed files, atomically). [`generate`] and [`codegen`] run them in order;
//! a build script or another xtask can call them the same way `cargo xtask codegen` does.
//!
//! ```no_run
//! # fn main() -> Result<(), modelgen::Failure> {
//! let options = modelgen::Options::new("definitions", "generated", "my-models");
//! let report = modelgen::codegen(&options)?;
//! println!("{} files written", report.written);
//! # Ok(()) }
//! ```

pub mod cache;
pub mod check;
pub mod diag;
pub mod emit;
pub mod group;
pub mod import;
pub mod ir;
pub mod model;
pub mod naming;
pub mod read;
pub mod types;
pub mod write;
pub mod yaml;

use diag::{Diagnostic, Diagnostics, Pos};
use emit::{CrateSpec, GeneratedFile};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where to read, where to write, and what the crate is called.
#[derive(Clone, Debug)]
pub struct Options {
    /// The definitions folder on disk.
    pub definitions: PathBuf,
    /// The crate folder to write.
    pub out: PathBuf,
    /// The generated crate's identity; `spec.definitions` is how paths appear in messages and
    /// headers, so keep it relative for output that is the same on every machine.
    pub spec: CrateSpec,
    /// Definition files larger than this are refused before they are parsed.
    pub max_file_bytes: u64,
    /// A folder for the record of the last run (see [`cache`]); `None` always runs in full.
    pub cache: Option<PathBuf>,
    /// Give every type an area by [`group::by_references`] instead of by its subfolder, so a
    /// flat catalogue can be split into crates.
    pub group_by_references: bool,
}

impl Options {
    /// Options for reading `definitions` into a crate named `name` at `out`.
    pub fn new(definitions: impl Into<PathBuf>, out: impl Into<PathBuf>, name: &str) -> Self {
        let definitions = definitions.into();
        let label = diag::display_path(&definitions);
        Options {
            definitions,
            out: out.into(),
            spec: CrateSpec {
                name: name.to_owned(),
                version: "0.1.0".to_owned(),
                description: format!("Typed models generated from the definitions in {label}"),
                about: format!("Typed models of the API described by the definitions in `{label}`."),
                command: "cargo xtask codegen".to_owned(),
                definitions: label,
                standalone: false,
                split_areas: false,
            },
            max_file_bytes: read::DEFAULT_MAX_FILE_BYTES,
            cache: None,
            group_by_references: false,
        }
    }

    /// Options for a crate kept inside the workspace at `root`: `definitions` and `out` are
    /// relative to it, and so are the paths in messages and headers, whichever machine runs it.
    /// The headers name the `cargo xtask codegen` command line that regenerates the crate.
    pub fn in_workspace(root: &Path, definitions: &Path, out: &Path, name: &str) -> Self {
        let mut options = Options::new(definitions, root.join(out), name);
        options.definitions = root.join(definitions);
        options.spec.command = format!(
            "cargo xtask codegen --definitions {} --out {} --name {name}",
            options.spec.definitions,
            diag::display_path(out)
        );
        options
    }

    /// The path shown for a definition file, from its real path.
    fn shown(&self, real: &Path) -> PathBuf {
        let rel = real.strip_prefix(&self.definitions).unwrap_or(real);
        Path::new(&self.spec.definitions).join(rel)
    }

    /// The real path of a definition file, from the path shown in messages.
    pub fn real_path(&self, shown: &Path) -> PathBuf {
        match shown.strip_prefix(&self.spec.definitions) {
            Ok(rel) => self.definitions.join(rel),
            Err(_) => shown.to_path_buf(),
        }
    }

    /// Renders diagnostics with the source lines of the files they name.
    pub fn render(&self, diagnostics: &Diagnostics) -> String {
        diagnostics.render(|p| std::fs::read_to_string(self.real_path(p)).ok())
    }
}

/// Why a run produced nothing.
#[derive(Debug)]
pub enum Failure {
    /// The definitions have problems; every one is listed.
    Definitions(Diagnostics),
    /// A file or folder could not be read or written.
    Io(String),
    /// The generator produced Rust that does not parse (a generator bug).
    Emit(emit::EmitError),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Definitions(d) => write!(f, "{d}"),
            Failure::Io(message) => write!(f, "error: {message}"),
            Failure::Emit(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for Failure {}

/// How long each stage took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading and parsing the definition files.
    pub read: Duration,
    /// Checking them together and deciding names.
    pub check: Duration,
    /// Producing and formatting the code.
    pub emit: Duration,
    /// Comparing with the tree on disk and writing.
    pub write: Duration,
}

/// What a [`codegen`] run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Types generated.
    pub types: usize,
    /// Files written because they were new or changed.
    pub written: usize,
    /// Files already up to date.
    pub unchanged: usize,
    /// Orphaned generated files removed.
    pub removed: usize,
    /// The record of the last run showed nothing to do, so nothing was parsed or compared.
    pub cached: bool,
    /// Time per stage.
    pub timings: Timings,
}

/// Reads every definition under `options.definitions`, collecting every file's problems.
pub fn load(options: &Options) -> Result<Vec<model::Definition>, Failure> {
    let loaded = load_all(options)?;
    if loaded.problems.is_empty() {
        Ok(loaded.definitions)
    } else {
        Err(Failure::Definitions(Diagnostics(loaded.problems).sorted()))
    }
}

/// What reading every file gave: each definition as far as it could be read, every problem,
/// and the stems of the files that gave no definition at all.
struct Loaded {
    definitions: Vec<model::Definition>,
    problems: Vec<Diagnostic>,
    unread: Vec<String>,
}

fn load_all(options: &Options) -> Result<Loaded, Failure> {
    read_sources(options).map(|(sources, _)| parse_sources(sources))
}

/// One definition file's text, or why it could not be had.
struct Source {
    path: PathBuf,
    shown: PathBuf,
    area: Vec<String>,
    text: Result<String, Box<Diagnostic>>,
}

/// Lists and reads every definition file, on every core, and digests everything that decides
/// the output: the generator, the crate spec, each file's path and text.
fn read_sources(options: &Options) -> Result<(Vec<Source>, u64), Failure> {
    let files = read::list_files(&options.definitions)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", options.definitions.display())))?;
    if files.is_empty() {
        return Err(Failure::Io(format!("no `.yaml` definitions found in {}", options.definitions.display())));
    }
    let sources = emit::parallel_map(&files, |(path, area)| {
        let shown = options.shown(path);
        let text = read_text(path, &shown, options.max_file_bytes);
        Ok::<_, std::convert::Infallible>(Source { path: path.clone(), shown, area: area.clone(), text })
    });
    let sources = match sources {
        Ok(sources) => sources,
        Err(never) => match never {},
    };
    let mut digest = cache::Digest::default();
    digest.add(cache::GENERATOR.as_bytes());
    digest.add(format!("{:?} {}", options.spec, options.max_file_bytes).as_bytes());
    for source in &sources {
        digest.add(source.shown.to_string_lossy().as_bytes());
        match &source.text {
            Ok(text) => digest.add(text.as_bytes()),
            Err(problem) => digest.add(problem.message.as_bytes()),
        }
    }
    Ok((sources, digest.value()))
}

fn parse_sources(sources: Vec<Source>) -> Loaded {
    let parsed = emit::parallel_map(&sources, |s| {
        Ok::<_, std::convert::Infallible>(match &s.text {
            Ok(text) => read::parse_partial(&s.shown, s.area.clone(), text),
            Err(problem) => (None, vec![(**problem).clone()]),
        })
    });
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(never) => match never {},
    };
    let mut loaded = Loaded {
        definitions: Vec::with_capacity(sources.len()),
        problems: Vec::new(),
        unread: Vec::new(),
    };
    for (source, (definition, mut problems)) in sources.iter().zip(parsed) {
        match definition {
            Some(d) => loaded.definitions.push(d),
            None => loaded.unread.extend(source.path.file_stem().map(|s| s.to_string_lossy().into_owned())),
        }
        loaded.problems.append(&mut problems);
    }
    loaded
}

/// The file's text, refused before parsing when it is larger than `max` bytes.
fn read_text(path: &Path, shown: &Path, max: u64) -> Result<String, Box<Diagnostic>> {
    use std::io::Read as _;
    let at_start = |message: String| Diagnostic::new(shown, Pos::new(1, 1), message);
    let too_large = |size: u64| {
        Box::new(
            at_start(format!("the file is {size} bytes, over the limit of {max} bytes for one definition"))
                .with_hint("split it, or raise the limit with `--max-file-bytes BYTES`"),
        )
    };
    let cannot = |e: std::io::Error| Box::new(at_start(format!("cannot read the file: {e}")));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > max {
        return Err(too_large(size));
    }
    // A file that grows while it is read is still cut at the limit.
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
        Box::new(Diagnostic::new(shown, Pos::new(line, column), "the file is not UTF-8 text").with_hint("save it as UTF-8"))
    })
}

/// Reads, checks and emits: the text of every file of the crate, or every problem.
pub fn generate(options: &Options) -> Result<Vec<GeneratedFile>, Failure> {
    generate_timed(options, &mut Timings::default()).map(|(files, _)| files)
}

fn generate_timed(options: &Options, timings: &mut Timings) -> Result<(Vec<GeneratedFile>, usize), Failure> {
    let start = Instant::now();
    let loaded = load_all(options)?;
    timings.read = start.elapsed();
    emit_timed(options, loaded, timings)
}

fn emit_timed(
    options: &Options,
    loaded: Loaded,
    timings: &mut Timings,
) -> Result<(Vec<GeneratedFile>, usize), Failure> {
    // What could be read is checked even when some files have problems, so that one run
    // reports the problems between files too.
    let start = Instant::now();
    let mut loaded = loaded;
    if options.group_by_references {
        group::by_references(&mut loaded.definitions);
    }
    let checked = check::check_partial(&loaded.definitions, &loaded.unread);
    timings.check = start.elapsed();
    let mut problems = loaded.problems;
    let catalog = match checked {
        Ok(catalog) if problems.is_empty() => catalog,
        Ok(_) => return Err(Failure::Definitions(Diagnostics(problems).sorted())),
        Err(mut more) => {
            problems.append(&mut more);
            return Err(Failure::Definitions(Diagnostics(problems).sorted()));
        }
    };

    if options.spec.split_areas {
        let cycles = emit::area_cycles(&catalog);
        if !cycles.is_empty() {
            return Err(Failure::Definitions(Diagnostics(cycles).sorted()));
        }
    }

    let start = Instant::now();
    let files = emit::emit(&catalog, &options.spec).map_err(Failure::Emit)?;
    timings.emit = start.elapsed();
    Ok((files, catalog.types.len()))
}

/// Generates the crate and writes what changed; nothing is written while any problem remains.
pub fn codegen(options: &Options) -> Result<Report, Failure> {
    codegen_interrupted(options, None)
}

/// [`codegen`], stopping with an error after `fail_after` files; for tests of interruption.
#[doc(hidden)]
pub fn codegen_interrupted(options: &Options, fail_after: Option<usize>) -> Result<Report, Failure> {
    let mut timings = Timings::default();
    let start = Instant::now();
    let (sources, inputs) = read_sources(options)?;
    if let Some(dir) = &options.cache {
        if let Some(fresh) = cache::is_fresh(dir, &options.out, inputs) {
            timings.read = start.elapsed();
            let (unchanged, types) = (fresh.files, fresh.types);
            return Ok(Report { types, unchanged, cached: true, timings, ..Report::default() });
        }
    }
    let loaded = parse_sources(sources);
    timings.read = start.elapsed();
    let (files, types) = emit_timed(options, loaded, &mut timings)?;

    let start = Instant::now();
    let io = |e: std::io::Error| Failure::Io(e.to_string());
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let plan = write::plan(&options.out, files).map_err(io)?;
    // The record is dropped before writing and made again after, so a run that is
    // interrupted in between leaves no record that could vouch for a half-written tree.
    if let Some(dir) = &options.cache {
        cache::forget(dir, &options.out);
    }
    write::apply(&options.out, &plan, fail_after).map_err(io)?;
    if let Some(dir) = &options.cache {
        cache::record(dir, &options.out, inputs, &paths, types);
    }
    timings.write = start.elapsed();
    Ok(Report {
        types,
        written: plan.write.len(),
        unchanged: plan.unchanged,
        removed: plan.remove.len(),
        cached: false,
        timings,
    })
}

/// Compares the tree on disk with what the definitions produce, writing nothing.
pub fn check_tree(options: &Options) -> Result<write::Plan, Failure> {
    let files = generate(options)?;
    write::plan(&options.out, files).map_err(|e| Failure::Io(e.to_string()))
}
