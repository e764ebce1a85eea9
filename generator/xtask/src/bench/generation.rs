//! Tables 1 and 2: the release generator run as a child on each definition set, cold, again
//! with nothing changed, and after one input changed; wall time, stages and peak memory.

use super::measure::{self, Job, Measured};
use super::synth::{self, DefinitionSet};
use super::table::{self, code, Section, Table};
use super::Context;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The stage times that `MODELGEN_TIMINGS=1` prints on stderr.
#[derive(Clone, Copy)]
struct Stages {
    read: Duration,
    check: Duration,
    emit: Duration,
    write: Duration,
}

/// What kind of run a row is.
#[derive(Clone, Copy, PartialEq)]
enum Run {
    Cold,
    Unchanged,
    Touched,
}

impl Run {
    fn label(self) -> &'static str {
        match self {
            Run::Cold => "cold (empty output)",
            Run::Unchanged => "again, nothing changed",
            Run::Touched => "one input changed",
        }
    }
}

struct Row {
    set: String,
    models: usize,
    types: Option<usize>,
    run: Run,
    measured: Measured,
    stages: Option<Stages>,
    written: usize,
    cached: bool,
    command: String,
    timed: String,
}

/// Makes the sets, runs each, and returns tables 1 and 2.
pub fn run(ctx: &Context) -> Result<Vec<Section>, String> {
    let sets = make_sets(ctx)?;
    let mut rows = Vec::new();
    for set in &sets {
        // A set's figures suffer from the previous set's load; let it fade a while.
        ctx.settle(1.0, Duration::from_secs(90));
        println!("bench: generating {} ({} models)", set.name, set.models);
        rows.extend(bench_set(ctx, set)?);
    }
    Ok(vec![timing_section(ctx, &rows), memory_section(&rows)])
}

fn make_sets(ctx: &Context) -> Result<Vec<DefinitionSet>, String> {
    let sets_dir = ctx.work.join("sets");
    let catalogue_dir = synth::catalogue_dir(&ctx.root)?;
    let mut sets = vec![synth::copy_set(
        "SCIM",
        &ctx.root.join("definitions"),
        &sets_dir.join("scim"),
    )?];
    if !ctx.short {
        sets.push(synth::copy_set(
            "catalogue",
            &catalogue_dir,
            &sets_dir.join("catalogue"),
        )?);
    }
    let catalogue = synth::Catalogue::read(&catalogue_dir)?;
    let sizes: &[usize] = if ctx.short {
        &[1000]
    } else {
        &[1000, 5000, 10_000, 20_000]
    };
    for &n in sizes {
        let dir = sets_dir.join(format!("synthetic-{}", synth::thousands(n)));
        sets.push(catalogue.synthetic(n, &dir)?);
    }
    Ok(sets)
}

fn bench_set(ctx: &Context, set: &DefinitionSet) -> Result<Vec<Row>, String> {
    let slug = set
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let out = ctx.tmp.join(format!("generated-{slug}"));
    let job = Job::new(&ctx.xtask, &["codegen", "--definitions"], &ctx.root)
        .arg(&set.dir)
        .arg("--out")
        .arg(&out)
        .arg("--name")
        .arg("bench-models")
        .env("MODELGEN_TIMINGS", "1");
    let row = |run: Run, measured: Measured, written: usize| -> Result<Row, String> {
        parse_row(ctx, set, &job, run, measured, written)
    };

    let mut cold = Vec::new();
    for _ in 0..ctx.repeats {
        remove_dir(&out)?;
        let measured = job.measure(&ctx.tmp)?;
        cold.push((measured, listing(&out).len()));
    }
    let (measured, written) = measure::median(cold);
    let mut rows = vec![row(Run::Cold, measured, written)?];

    // The output is outside the workspace, so the generator keeps a record of its runs.
    let mut again = Vec::new();
    for _ in 0..ctx.repeats {
        let before = listing(&out);
        let measured = job.measure(&ctx.tmp)?;
        again.push((measured, changed_files(&before, &listing(&out))));
    }
    let (measured, changed) = measure::median(again);
    rows.push(row(Run::Unchanged, measured, changed)?);

    rows.push(touched(ctx, set, &out, &job, &row)?);
    Ok(rows)
}

/// Appends a comment line to one definition: the output stays the same, but the inputs
/// differ, so the run must not trust the record of the last one.
fn touched(
    ctx: &Context,
    set: &DefinitionSet,
    out: &Path,
    job: &Job,
    row: &dyn Fn(Run, Measured, usize) -> Result<Row, String>,
) -> Result<Row, String> {
    let files = super::variants::yaml_files(&set.dir).map_err(|e| synth::io_error(&set.dir, e))?;
    let first = set.dir.join(
        files
            .first()
            .ok_or_else(|| format!("error: {} is empty", set.dir.display()))?,
    );
    let original = std::fs::read_to_string(&first).map_err(|e| synth::io_error(&first, e))?;
    let mut runs = Vec::new();
    for rep in 0..ctx.repeats {
        let text = format!("{original}# changed by cargo xtask bench, run {rep}\n");
        std::fs::write(&first, text).map_err(|e| synth::io_error(&first, e))?;
        let before = listing(out);
        let measured = job.measure(&ctx.tmp)?;
        runs.push((measured, changed_files(&before, &listing(out))));
    }
    std::fs::write(&first, original).map_err(|e| synth::io_error(&first, e))?;
    let (measured, changed) = measure::median(runs);
    row(Run::Touched, measured, changed)
}

fn parse_row(
    ctx: &Context,
    set: &DefinitionSet,
    job: &Job,
    run: Run,
    measured: Measured,
    written: usize,
) -> Result<Row, String> {
    let cached = measured
        .stdout
        .contains("nothing changed since the last run");
    let types = measured
        .stdout
        .strip_prefix("codegen: ")
        .and_then(|rest| rest.split_once(" types;"))
        .and_then(|(n, _)| n.parse().ok());
    let stages = if cached {
        None
    } else {
        Some(parse_stages(&measured.stderr)?)
    };
    if run == Run::Unchanged && !cached {
        println!(
            "bench: note: {}: the unchanged run did not use the record of the last run",
            set.name
        );
    }
    if run == Run::Touched && cached {
        return Err(format!(
            "error: {}: a changed input was answered from the record of the last run",
            set.name
        ));
    }
    let (command, timed) = (job.shown(&ctx.root), job.shown_timed(&ctx.root));
    Ok(Row {
        set: set.name.clone(),
        models: set.models,
        types,
        run,
        measured,
        stages,
        written,
        cached,
        command,
        timed,
    })
}

/// `read 1.20ms, check 3.40ms, emit 5.60ms, write 7.80ms`, as `MODELGEN_TIMINGS` prints it.
fn parse_stages(stderr: &str) -> Result<Stages, String> {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("read "))
        .ok_or_else(|| {
            format!(
                "error: the generator printed no stage timings with MODELGEN_TIMINGS=1:\n{stderr}"
            )
        })?;
    let mut found = BTreeMap::new();
    for part in line.split(", ") {
        if let Some((stage, value)) = part.split_once(' ') {
            found.insert(
                stage,
                parse_duration(value).ok_or_else(|| format!("error: cannot read `{part}`"))?,
            );
        }
    }
    let get = |stage: &str| {
        found
            .get(stage)
            .copied()
            .ok_or_else(|| format!("error: no `{stage}` in `{line}`"))
    };
    Ok(Stages {
        read: get("read")?,
        check: get("check")?,
        emit: get("emit")?,
        write: get("write")?,
    })
}

/// A `Duration` as its `{:.2?}` Debug form prints it: `1.20s`, `3.40ms`, `5.60µs`, `7ns`.
fn parse_duration(text: &str) -> Option<Duration> {
    let units = [("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9), ("s", 1.0)];
    let (number, scale) = units
        .iter()
        .find_map(|(unit, scale)| Some((text.strip_suffix(unit)?, *scale)))?;
    number
        .parse::<f64>()
        .ok()
        .map(|n| Duration::from_secs_f64(n * scale))
}

/// Every file below `dir` with its size and modification time.
fn listing(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
            } else {
                let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                found.insert(entry.path(), (meta.len(), modified));
            }
        }
    }
    found
}

/// Files that were written, added or removed between two listings.
fn changed_files(
    before: &BTreeMap<PathBuf, (u64, SystemTime)>,
    after: &BTreeMap<PathBuf, (u64, SystemTime)>,
) -> usize {
    let changed = after
        .iter()
        .filter(|(path, stamp)| before.get(*path) != Some(stamp))
        .count();
    changed
        + before
            .keys()
            .filter(|path| !after.contains_key(*path))
            .count()
}

fn remove_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| synth::io_error(dir, e))?;
    }
    Ok(())
}

fn timing_section(ctx: &Context, rows: &[Row]) -> Section {
    let mut table = Table::new(&[
        "set",
        "models",
        "types",
        "run",
        "wall",
        "read",
        "check",
        "emit + format",
        "write",
        "µs / model",
        "files written",
        "peak RSS",
        "load / other CPU",
        "command",
    ]);
    for r in rows {
        let stage = |f: fn(&Stages) -> Duration| {
            r.stages
                .as_ref()
                .map_or("—".to_owned(), |s| table::duration(f(s)))
        };
        let cached = if r.cached {
            " (record of last run trusted)"
        } else {
            ""
        };
        table.row(vec![
            r.set.clone(),
            r.models.to_string(),
            r.types.map_or("—".to_owned(), |t| t.to_string()),
            format!("{}{cached}", r.run.label()),
            table::duration(r.measured.wall),
            stage(|s| s.read),
            stage(|s| s.check),
            stage(|s| s.emit),
            stage(|s| s.write),
            format!(
                "{:.1}",
                r.measured.wall.as_secs_f64() * 1e6 / r.models as f64
            ),
            r.written.to_string(),
            format!("{:.0} MiB", r.measured.peak_mib()),
            format!("{:.2} / {:.2}", r.measured.load, r.measured.others),
            code(&r.command),
        ]);
    }
    Section {
        title: "1. Generation, per stage".to_owned(),
        intro: vec![format!(
            "The release generator as a child process, {} run(s) of each kind, the median by \
                 wall time shown. Wall time is the child's, from spawn to exit; the stages are \
                 what `MODELGEN_TIMINGS=1` prints. `emit + format` is one figure: the library \
                 formats each file with prettyplease inside its emit stage. The catalogue and \
                 SCIM sets are copies under `target/bench/sets/`, so that the changed-input run \
                 can edit one file (it appends a comment line, which leaves the output the same).",
            ctx.repeats
        )],
        table,
        notes: generation_targets(rows),
    }
}

fn generation_targets(rows: &[Row]) -> Vec<String> {
    let find = |run: Run| rows.iter().find(|r| r.set == "catalogue" && r.run == run);
    let mut notes = Vec::new();
    if let Some(r) = find(Run::Cold) {
        let met = r.measured.wall < Duration::from_secs(1);
        notes.push(format!(
            "- target: the catalogue in under 1 s wall: {} ({})",
            table::verdict(met),
            table::duration(r.measured.wall)
        ));
    }
    if let Some(r) = find(Run::Unchanged) {
        let met = r.measured.wall < Duration::from_millis(300) && r.written == 0;
        notes.push(format!(
            "- target: a second run with nothing changed in under 0.3 s, writing nothing: {} \
             ({}, {} files written)",
            table::verdict(met),
            table::duration(r.measured.wall),
            r.written
        ));
    }
    let trusted = rows.iter().any(|r| r.run == Run::Touched && r.cached);
    notes.push(format!(
        "- a changed input always ran the whole pipeline: {}",
        table::verdict(!trusted)
    ));
    notes.push(
        "- for scale (figures from the issue, not measured here): openapi-generator 7.26 takes \
         10 to 15 s and 1.2 GB for the 6,220 catalogue models, typify 0.8 takes 30 s."
            .to_owned(),
    );
    notes
}

fn memory_section(rows: &[Row]) -> Section {
    let mut table = Table::new(&["set", "models", "run", "peak RSS", "KiB / model", "command"]);
    for r in rows.iter().filter(|r| r.run != Run::Touched) {
        table.row(vec![
            r.set.clone(),
            r.models.to_string(),
            r.run.label().to_owned(),
            format!("{:.1} MiB", r.measured.peak_mib()),
            format!("{:.1}", r.measured.peak_kib as f64 / r.models as f64),
            code(&r.timed),
        ]);
    }
    Section {
        title: "2. Peak memory of the generator".to_owned(),
        intro: vec![
            "Peak resident set of the generator process (GNU time's `%M`, the `ru_maxrss` of \
             `wait4`), for the same runs as table 1."
                .to_owned(),
        ],
        table,
        notes: Vec::new(),
    }
}
