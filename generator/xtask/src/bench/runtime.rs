//! Table 4: reading and writing SCIM payloads, generated types against derive structs and
//! `serde_json::Value`, from one criterion run of `tests/bench` (package `scim-bench`).

use super::measure::Job;
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

/// Criterion's function ids, what they measure, and the target each must meet.
const KINDS: [(&str, &str, Target); 7] = [
    ("derive", "derive (baseline)", Target::None),
    (
        "derive-flatten",
        "derive, unknown kept by flatten",
        Target::None,
    ),
    ("value", "serde_json::Value", Target::None),
    ("plain", "generated, no flags", Target::Derive(0.9)),
    ("keep", "generated, additional_properties", Target::Value),
    ("ci", "generated, case_insensitive", Target::Derive(0.7)),
    (
        "shipped",
        "generated, both (genesys-scim)",
        Target::Both(0.7),
    ),
];

/// What a kind must reach: a share of the derive baseline's speed, Value's speed, or both.
#[derive(Clone, Copy)]
enum Target {
    None,
    Derive(f64),
    Value,
    Both(f64),
}

impl Target {
    fn describe(self) -> String {
        match self {
            Target::None => "baseline".to_owned(),
            Target::Derive(share) => format!("≥ {share} × derive"),
            Target::Value => "≥ 1 × Value".to_owned(),
            Target::Both(share) => format!("≥ {share} × derive, ≥ 1 × Value"),
        }
    }

    /// `vs_derive` and `vs_value` are speeds relative to those kinds (above 1 is faster).
    fn met(self, vs_derive: f64, vs_value: f64) -> Option<bool> {
        match self {
            Target::None => None,
            Target::Derive(share) => Some(vs_derive >= share),
            Target::Value => Some(vs_value >= 1.0),
            Target::Both(share) => Some(vs_derive >= share && vs_value >= 1.0),
        }
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
    if home.exists() {
        std::fs::remove_dir_all(&home).map_err(|e| format!("error: {}: {e}", home.display()))?;
    }
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
    let load = super::measure::load_average()
        .first()
        .copied()
        .unwrap_or(0.0);
    job.run_visible()?;
    let table = results(&home, ctx.short)?;
    Ok(vec![section(ctx, &job, load, table)])
}

fn results(home: &Path, short: bool) -> Result<Table, String> {
    let mut table = Table::new(&[
        "payload",
        "direction",
        "kind",
        "time",
        "MB/s",
        "× derive",
        "× Value",
        "target",
        "result",
        "command",
    ]);
    for (payload, _) in PAYLOADS {
        for direction in ["read", "write"] {
            let group = format!("{payload}-{direction}");
            let derive = estimate(home, &group, "derive")?;
            let value = estimate(home, &group, "value")?;
            for (kind, label, target) in KINDS {
                let e = estimate(home, &group, kind)?;
                let (vs_derive, vs_value) = (derive.nanos / e.nanos, value.nanos / e.nanos);
                let met = target.met(vs_derive, vs_value);
                let time_cell = format!(
                    "{} (±{:.1}%)",
                    nanos(e.nanos),
                    (e.high - e.low) / 2.0 / e.nanos * 100.0
                );
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
                    format!("{vs_derive:.3}"),
                    format!("{vs_value:.3}"),
                    target.describe(),
                    met.map_or("—".to_owned(), table::verdict),
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

fn section(ctx: &Context, job: &Job, load: f64, table: Table) -> Section {
    let payloads: Vec<String> = PAYLOADS
        .iter()
        .map(|(name, what)| format!("- `{name}`: {what}"))
        .collect();
    let mut intro = vec![
        format!(
            "One criterion run, `{}` (load {load:.2} at its start), compares on each payload and \
             direction every kind below in one benchmark group. Time is criterion's estimate \
             per operation with half its 95 % confidence interval; MB/s counts 10^6 bytes of \
             the stored payload (reading) or of its compact JSON (writing), the same for every \
             kind of a group. × derive and × Value are speeds relative to those kinds (above 1 \
             is faster). The payloads:",
            job.shown(&ctx.root)
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
