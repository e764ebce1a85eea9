//! Table 4: reading and writing SCIM payloads, generated types against derive structs and
//! `serde_json::Value`, from one criterion run of `tests/bench` (package `scim-bench`).

use super::measure::{Job, Measured};
use super::table::{self, code, Section, Table};
use super::Context;
use serde_json::Value;
use std::path::Path;

const PAYLOADS: [(&str, &str); 3] = [
    (
        "user",
        "user with both extensions (genesys-user-full-extensions.json)",
    ),
    (
        "group",
        "group of 3,500 members (quirk-large-group-3500-members.json)",
    ),
    ("patch", "PATCH request (genesys-patch-routing-skills.json)"),
];

/// Criterion's function ids, what they measure, and whether they keep unknown members and
/// match keys ignoring case: that decides the baseline and the share of it to reach.
const KINDS: [(&str, &str, Kind); 7] = [
    ("derive", "derive (baseline)", Kind::Baseline),
    (
        "derive-flatten",
        "derive, unknown kept by flatten (baseline)",
        Kind::Baseline,
    ),
    ("value", "serde_json::Value (baseline)", Kind::Baseline),
    (
        "plain",
        "generated, no flags",
        Kind::Generated {
            keep: false,
            ignore_case: false,
        },
    ),
    (
        "keep",
        "generated, additional_properties",
        Kind::Generated {
            keep: true,
            ignore_case: false,
        },
    ),
    (
        "ci",
        "generated, case_insensitive",
        Kind::Generated {
            keep: false,
            ignore_case: true,
        },
    ),
    (
        "shipped",
        "generated, both (genesys-scim)",
        Kind::Generated {
            keep: true,
            ignore_case: true,
        },
    ),
];

#[derive(Clone, Copy)]
enum Kind {
    Baseline,
    Generated { keep: bool, ignore_case: bool },
}

/// The speeds of one kind relative to the baselines (above 1 is faster).
struct Ratios {
    derive: f64,
    flatten: f64,
    value: f64,
}

/// What one generated kind must reach.
struct Target {
    share: f64,
    keep: bool,
    against_value: bool,
}

impl Kind {
    /// The targets: 0.9 of the derive baseline of the same shape, 0.7 when keys are
    /// matched ignoring case; a kind that keeps unknown members is compared with the derive
    /// that keeps them too, and reads no slower than `serde_json::Value`.
    fn target(self, direction: &str) -> Option<Target> {
        let Kind::Generated { keep, ignore_case } = self else {
            return None;
        };
        let share = if ignore_case { 0.7 } else { 0.9 };
        Some(Target {
            share,
            keep,
            against_value: keep && direction == "read",
        })
    }
}

impl Target {
    fn describe(&self) -> String {
        let base = if self.keep {
            "derive-flatten"
        } else {
            "derive"
        };
        let value = if self.against_value {
            ", ≥ 1 × Value"
        } else {
            ""
        };
        format!("≥ {} × {base}{value}", self.share)
    }

    fn met(&self, r: &Ratios) -> bool {
        let base = if self.keep { r.flatten } else { r.derive };
        base >= self.share && (!self.against_value || r.value >= 1.0)
    }
}

/// One benchmark's estimate: nanoseconds per iteration and the bytes an iteration handles.
struct Estimate {
    nanos: f64,
    low: f64,
    high: f64,
    bytes: u64,
}

impl Estimate {
    fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / self.nanos * 1e3
    }
}

pub fn run(ctx: &Context) -> Result<Vec<Section>, String> {
    let home = ctx.work.join("criterion");
    let mut job = Job::new(
        "cargo",
        &["bench", "-p", "scim-bench", "--bench", "scim", "--"],
        &ctx.root,
    )
    .env("CRITERION_HOME", &home)
    .arg("--noplot");
    if ctx.short {
        job = job
            .arg("--warm-up-time")
            .arg("0.2")
            .arg("--measurement-time")
            .arg("0.5");
    }
    println!("bench: {}", job.shown(&ctx.root));
    // Run under GNU time, so the table can say how busy the rest of the machine was; a run
    // that other work disturbed is taken once more.
    let mut measured = calm_run(ctx, &job, &home)?;
    if measured.others > DISTURBED && !ctx.short {
        println!("bench: other processes kept the machine busy; running the benchmarks again");
        measured = calm_run(ctx, &job, &home)?;
    }
    let table = results(&home, ctx.short)?;
    Ok(vec![section(ctx, &job, &measured, table)])
}

/// Other work on the machine, in busy cores, above which the criterion run is taken again.
const DISTURBED: f64 = 0.25;

/// One criterion run from an empty results folder, so no stale estimate is ever read.
fn calm_run(ctx: &Context, job: &Job, home: &Path) -> Result<Measured, String> {
    if home.exists() {
        std::fs::remove_dir_all(home).map_err(|e| format!("error: {}: {e}", home.display()))?;
    }
    ctx.settle(1.0, std::time::Duration::from_secs(90));
    job.measure(&ctx.tmp)
}

fn results(home: &Path, short: bool) -> Result<Table, String> {
    let mut table = Table::new(&[
        "payload",
        "direction",
        "kind",
        "time",
        "MB/s",
        "× derive",
        "× derive-flatten",
        "× Value",
        "target",
        "result",
        "command",
    ]);
    for (payload, _) in PAYLOADS {
        for direction in ["read", "write"] {
            let group = format!("{payload}-{direction}");
            let derive = estimate(home, &group, "derive")?;
            let flatten = estimate(home, &group, "derive-flatten")?;
            let value = estimate(home, &group, "value")?;
            for (kind, label, class) in KINDS {
                let e = estimate(home, &group, kind)?;
                let ratios = Ratios {
                    derive: derive.nanos / e.nanos,
                    flatten: flatten.nanos / e.nanos,
                    value: value.nanos / e.nanos,
                };
                let target = class.target(direction);
                let half = (e.high - e.low) / 2.0 / e.nanos * 100.0;
                let time_cell = format!("{} (±{half:.1}%)", nanos(e.nanos));
                let quick = if short {
                    " --warm-up-time 0.2 --measurement-time 0.5"
                } else {
                    ""
                };
                table.row(vec![
                    payload.to_owned(),
                    direction.to_owned(),
                    label.to_owned(),
                    time_cell,
                    format!("{:.0}", e.mb_per_s()),
                    format!("{:.3}", ratios.derive),
                    format!("{:.3}", ratios.flatten),
                    format!("{:.3}", ratios.value),
                    target.as_ref().map_or("—".to_owned(), Target::describe),
                    target
                        .as_ref()
                        .map_or("—".to_owned(), |t| table::verdict(t.met(&ratios))),
                    code(&format!(
                        "cargo bench -p scim-bench --bench scim -- --exact {group}/{kind}{quick}"
                    )),
                ]);
            }
        }
    }
    Ok(table)
}

/// Reads criterion's estimate of one benchmark: the slope of its linear samples where it has
/// one (the figure criterion prints), else the mean.
fn estimate(home: &Path, group: &str, kind: &str) -> Result<Estimate, String> {
    let dir = home.join(group).join(kind).join("new");
    let estimates = read_json(&dir.join("estimates.json"))?;
    let benchmark = read_json(&dir.join("benchmark.json"))?;
    let figure = match &estimates["slope"] {
        Value::Null => &estimates["mean"],
        slope => slope,
    };
    let number = |v: &Value| {
        v.as_f64()
            .ok_or_else(|| format!("error: {}: no estimate", dir.display()))
    };
    Ok(Estimate {
        nanos: number(&figure["point_estimate"])?,
        low: number(&figure["confidence_interval"]["lower_bound"])?,
        high: number(&figure["confidence_interval"]["upper_bound"])?,
        bytes: benchmark["throughput"]["Bytes"].as_u64().ok_or_else(|| {
            format!(
                "error: {}: criterion recorded no throughput in bytes",
                dir.display()
            )
        })?,
    })
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "error: cannot read criterion's {}: {e}\nrun `cargo xtask bench --only runtime`",
            path.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| format!("error: {}: {e}", path.display()))
}

fn nanos(n: f64) -> String {
    if n >= 1e6 {
        format!("{:.2} ms", n / 1e6)
    } else {
        format!("{:.2} µs", n / 1e3)
    }
}

fn section(ctx: &Context, job: &Job, run: &Measured, table: Table) -> Section {
    let payloads: Vec<String> = PAYLOADS
        .iter()
        .map(|(name, what)| format!("- `{name}`: {what}"))
        .collect();
    let mut intro = vec![
        format!(
            "One criterion run, `{}` (load {:.2} at its start, {:.2} cores kept busy by other \
             processes during it), compares on each payload and direction every kind below in \
             one benchmark group. Time is criterion's estimate per operation with half its 95 % \
             confidence interval; MB/s counts 10^6 bytes of the stored payload (reading) or of \
             its compact JSON (writing), the same for every kind of a group. The × columns are \
             speeds relative to the baselines (above 1 is faster). Targets: a generated kind \
             reaches 0.9 of the derive of the same shape, 0.7 when it matches keys ignoring \
             case; the same shape is `derive` for kinds that drop unknown members and \
             `derive-flatten` for kinds that keep them, and a kind that keeps them also reads \
             no slower than `serde_json::Value`. The payloads:",
            job.shown(&ctx.root),
            run.load,
            run.others
        ),
        String::new(),
    ];
    intro.extend(payloads);
    intro.extend([
        String::new(),
        "The generated kinds are the shipped `genesys-scim` and crates generated from copies of \
         `definitions/` with the model flags removed (`tests/bench/{plain,keep,ci}`, made by \
         `cargo xtask bench --prepare`). The derive kinds are hand-written structs of the same \
         shape in `tests/bench/src/baseline.rs`; `derive` drops unknown members, \
         `derive-flatten` keeps them with `#[serde(flatten)]`."
            .to_owned(),
    ]);
    Section {
        title: "4. Run-time speed of the generated types".to_owned(),
        intro,
        table,
        notes: Vec::new(),
    }
}
